// obmalloc.h — the one entry point through which every Python object's memory
// is allocated and freed (ARCHITECTURE.md, decision 3).
//
// Mirrors the interface of CPython 3.11's Objects/obmalloc.c (PyObject_Malloc /
// PyObject_Free). In this first slice the Heap forwards to the system
// allocator and keeps the counters sys.getallocatedblocks() and the memory
// panel read; the pymalloc arenas/pools/size classes replace its body without
// changing a single caller. Because everything funnels through here, a heap
// limit (MemoryError) and per-interpreter accounting need no other change.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gp {

struct HeapStats {
    uint64_t allocated_blocks = 0;   // live blocks (sys.getallocatedblocks())
    uint64_t allocated_bytes = 0;    // live bytes as requested
    uint64_t peak_bytes = 0;         // high-water mark of allocated_bytes
    uint64_t total_allocations = 0;  // blocks ever handed out
};

class Heap {
public:
    explicit Heap(std::size_t limit_bytes = 0) : limit_(limit_bytes) {}
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Returns null when the system is out of memory or the limit would be
    // exceeded; callers turn that into MemoryError.
    void* malloc(std::size_t n);
    void* realloc(void* p, std::size_t n);
    void free(void* p);

    const HeapStats& stats() const { return stats_; }
    std::size_t limit() const { return limit_; }

private:
    // Each block carries its requested size in front of it so that free()
    // can keep the byte counters exact without the caller passing a size.
    static constexpr std::size_t kHeader = 16;
    std::size_t limit_;
    HeapStats stats_;
};

}  // namespace gp
