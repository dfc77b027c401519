#include "memory/obmalloc.h"

#include <cstdlib>
#include <cstring>

namespace gp {

Heap::~Heap() = default;

void* Heap::malloc(std::size_t n) {
    if (limit_ && stats_.allocated_bytes + n > limit_) return nullptr;
    auto* raw = static_cast<unsigned char*>(std::malloc(n + kHeader));
    if (!raw) return nullptr;
    std::memcpy(raw, &n, sizeof n);
    stats_.allocated_blocks++;
    stats_.allocated_bytes += n;
    stats_.total_allocations++;
    if (stats_.allocated_bytes > stats_.peak_bytes) stats_.peak_bytes = stats_.allocated_bytes;
    return raw + kHeader;
}

void Heap::free(void* p) {
    if (!p) return;
    auto* raw = static_cast<unsigned char*>(p) - kHeader;
    std::size_t n;
    std::memcpy(&n, raw, sizeof n);
    stats_.allocated_blocks--;
    stats_.allocated_bytes -= n;
    std::free(raw);
}

void* Heap::realloc(void* p, std::size_t n) {
    if (!p) return malloc(n);
    auto* raw = static_cast<unsigned char*>(p) - kHeader;
    std::size_t old;
    std::memcpy(&old, raw, sizeof old);
    if (limit_ && n > old && stats_.allocated_bytes + (n - old) > limit_) return nullptr;
    auto* fresh = static_cast<unsigned char*>(std::realloc(raw, n + kHeader));
    if (!fresh) return nullptr;
    std::memcpy(fresh, &n, sizeof n);
    stats_.allocated_bytes = stats_.allocated_bytes - old + n;
    if (stats_.allocated_bytes > stats_.peak_bytes) stats_.peak_bytes = stats_.allocated_bytes;
    return fresh + kHeader;
}

}  // namespace gp
