// trace.h — the one event stream (ARCHITECTURE.md, decision 8).
//
// GIL handoffs, thread starts and ends, collections and arena traffic are
// written as timestamped events into a bounded ring per interpreter. Writing
// is a branch on `enabled` when nobody reads, so the mechanisms can emit
// events unconditionally. The site's panels and the tests read snapshots.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace gp {

enum class TraceKind : uint8_t {
#define GP_TRACE_KINDS(X) \
    X(ThreadStart) X(ThreadEnd) \
    X(GilRequest) X(GilAcquire) X(GilRelease) X(GilDropRequest) X(GilSwitch) \
    X(GcStart) X(GcDone) \
    X(ArenaAlloc) X(ArenaFree) \
    X(RunStart) X(RunEnd)
#define GP_TRACE_ENUM(name) name,
    GP_TRACE_KINDS(GP_TRACE_ENUM)
#undef GP_TRACE_ENUM
};
const char* trace_kind_name(TraceKind kind);

struct TraceEvent {
    uint64_t time_ns;     // monotonic clock, nanoseconds
    TraceKind kind;
    uint32_t thread;      // Python thread number (0 = main)
    int64_t a, b, c;      // kind-specific payload (e.g. generation, collected, uncollectable)
};

class TraceBuffer {
public:
    explicit TraceBuffer(std::size_t capacity = 1u << 14) : capacity_(capacity) {}

    void set_enabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    void emit(TraceKind kind, uint32_t thread, int64_t a = 0, int64_t b = 0, int64_t c = 0);
    // Events in time order (oldest first); `dropped` counts those overwritten.
    std::vector<TraceEvent> snapshot(uint64_t* dropped = nullptr) const;
    void clear();

private:
    std::size_t capacity_;
    std::atomic<bool> enabled_{false};   // read by every emitter, on any thread
    mutable std::mutex mu_;          // emitters may be different OS threads
    std::vector<TraceEvent> ring_;
    std::size_t next_ = 0;
    uint64_t total_ = 0;
};

uint64_t monotonic_ns();

}  // namespace gp
