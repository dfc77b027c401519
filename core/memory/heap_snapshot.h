// heap_snapshot.h — what the allocator looks like at one moment, as plain
// data: arenas with their pools, size classes, totals, and live objects per
// type. The wasm bindings and the memory panel read it (through
// Session::heap_snapshot() in glasspy.h); nothing here points into the heap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gp {

constexpr unsigned kHeapSizeClasses = 32;   // obmalloc::kNumSizeClasses

struct PoolSnapshot {
    uint32_t index;          // position in its arena (0 .. 63)
    int32_t size_class;      // -1: empty (or never carved) pool
    uint32_t block_size;     // 0 for an empty pool
    uint32_t used_blocks;
    uint32_t free_blocks;    // blocks still available in the pool (free list + never carved)
};

struct ArenaSnapshot {
    uintptr_t address;
    uint32_t total_pools;
    uint32_t free_pools;              // empty + never carved
    std::vector<PoolSnapshot> pools;  // every pool of the arena, in address order
};

struct SizeClassSnapshot {
    uint32_t block_size;
    uint32_t pools;          // used or full pools of this class
    uint64_t used_blocks;
    uint64_t free_blocks;    // available in those pools
};

struct TypeCount {
    std::string type_name;   // tp_name
    uint64_t count;          // live instances
};

struct HeapSnapshot {
    std::vector<ArenaSnapshot> arenas;                            // usable and full arenas, by address
    SizeClassSnapshot size_classes[kHeapSizeClasses];
    uint64_t arenas_allocated_total = 0;   // arenas ever obtained
    uint64_t arenas_reclaimed = 0;         // arenas given back to the system
    uint64_t arenas_highwater = 0;         // most arenas held at once
    uint64_t small_blocks = 0;             // live blocks <= 512 bytes
    uint64_t small_bytes = 0;              // their block sizes summed
    uint64_t large_blocks = 0;             // live blocks from the system allocator
    uint64_t large_bytes = 0;              // their requested sizes summed
    uint64_t footprint_bytes = 0;          // arenas + large requests
    uint64_t peak_footprint = 0;
    uint64_t limit_bytes = 0;              // 0: no limit
    std::vector<TypeCount> live_objects;   // filled by heap_snapshot() (interpreter level), most first
};

class Interpreter;
// The allocator's snapshot with live_objects filled in (heap_snapshot.cpp).
HeapSnapshot heap_snapshot(Interpreter& interp);

}  // namespace gp
