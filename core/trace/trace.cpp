#include "trace/trace.h"

#include <chrono>

namespace gp {

const char* trace_kind_name(TraceKind kind) {
    switch (kind) {
#define GP_TRACE_NAME(name) case TraceKind::name: return #name;
        GP_TRACE_KINDS(GP_TRACE_NAME)
#undef GP_TRACE_NAME
    }
    return "?";
}

uint64_t monotonic_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch()).count();
}

void TraceBuffer::emit(TraceKind kind, uint32_t thread, int64_t a, int64_t b, int64_t c) {
    if (!enabled_) return;
    TraceEvent ev{monotonic_ns(), kind, thread, a, b, c};
    std::lock_guard<std::mutex> lock(mu_);
    if (ring_.size() < capacity_) {
        ring_.push_back(ev);
    } else {
        ring_[next_] = ev;
    }
    next_ = (next_ + 1) % capacity_;
    total_++;
}

std::vector<TraceEvent> TraceBuffer::snapshot(uint64_t* dropped) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<TraceEvent> out;
    if (ring_.size() < capacity_) {
        out = ring_;
    } else {
        out.insert(out.end(), ring_.begin() + next_, ring_.end());
        out.insert(out.end(), ring_.begin(), ring_.begin() + next_);
    }
    if (dropped) *dropped = total_ - out.size();
    return out;
}

void TraceBuffer::clear() {
    std::lock_guard<std::mutex> lock(mu_);
    ring_.clear();
    next_ = 0;
    total_ = 0;
}

}  // namespace gp
