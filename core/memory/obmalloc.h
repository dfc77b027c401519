// obmalloc.h — the interpreter's own memory allocator: every Python object,
// and every buffer an object owns, is allocated and freed here
// (ARCHITECTURE.md, decision 3). The essay on how it works is at the top of
// obmalloc.cpp; this header holds the data structures, the constants, and
// the two fast paths (Heap::malloc and Heap::free) inline, because they run
// for every object the program creates.
//
// Mirrors CPython 3.11's Objects/obmalloc.c with its 64-bit geometry:
//
//     size classes  16-byte steps, 16 .. 512 bytes (32 classes)
//     pool          16 KiB, holds blocks of one size class
//     arena         1 MiB = 64 pools, obtained from the system in one piece
//
// Requests over 512 bytes (and of 0 bytes) go to the system allocator; the
// heap still counts them, so the byte figures and the heap limit cover both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "memory/heap_snapshot.h"

namespace gp {

namespace obmalloc {

constexpr std::size_t kAlignment = 16;           // every block is 16-byte aligned (ALIGNMENT)
constexpr unsigned kAlignmentShift = 4;
constexpr std::size_t kSmallRequestThreshold = 512;   // larger requests go to the system
constexpr unsigned kNumSizeClasses = unsigned(kSmallRequestThreshold / kAlignment);   // 32
static_assert(kNumSizeClasses == kHeapSizeClasses);

constexpr unsigned kArenaBits = 20;
constexpr std::size_t kArenaSize = std::size_t(1) << kArenaBits;   // 1 MiB
constexpr unsigned kPoolBits = 14;
constexpr std::size_t kPoolSize = std::size_t(1) << kPoolBits;     // 16 KiB
constexpr std::size_t kPoolMask = kPoolSize - 1;
// Arenas are allocated aligned to their own size, so every arena holds a
// whole number of pools (CPython's arenas are only page aligned and lose
// one pool in 64 to alignment).
constexpr unsigned kPoolsPerArena = unsigned(kArenaSize / kPoolSize);   // 64

// Request size -> size class, and back (CPython's INDEX2SIZE).
//
//     request (bytes)   1-16  17-32  33-48  ...  497-512
//     size class           0      1      2  ...       31
//     block size          16     32     48  ...      512
constexpr unsigned size_class(std::size_t nbytes) { return unsigned((nbytes - 1) >> kAlignmentShift); }
constexpr std::size_t class_size(unsigned sz) { return std::size_t(sz + 1) << kAlignmentShift; }

}  // namespace obmalloc

// A free block as its pool's free list sees it: the first word of the
// block's own memory links to the next free block.
struct FreeBlock {
    FreeBlock* next;
};

// The header at the start of every pool (CPython's struct pool_header). The
// blocks follow it, the first at kPoolOverhead bytes from the pool start.
//
//   pool states and the lists that hold them:
//     used   some blocks handed out, some available -> Heap::usedpools_[szidx]
//     full   every block handed out                  -> on no list
//     empty  no block handed out                     -> its arena's freepools
struct PoolHeader {
    uint32_t used;            // blocks handed out and not yet freed (CPython's ref.count)
    FreeBlock* freeblock;     // first available block; null exactly when the pool is full
    PoolHeader* nextpool;     // used: next pool of the size class; empty: next empty pool of the arena
    PoolHeader* prevpool;     // used: previous pool of the size class (circular, through the sentinel)
    uint32_t arenaindex;      // this pool's arena in Heap::arenas_
    uint32_t szidx;           // size class of its blocks
    uint32_t nextoffset;      // offset of the first never-handed-out block ("lazy carving")
    uint32_t maxnextoffset;   // largest nextoffset at which a whole block still fits
};

namespace obmalloc {
// Pool header rounded up to the alignment: 48 bytes on 64-bit, as CPython's POOL_OVERHEAD.
constexpr std::size_t kPoolOverhead = (sizeof(PoolHeader) + kAlignment - 1) & ~(kAlignment - 1);
// Blocks of size class sz that fit in one pool (CPython's NUMBLOCKS).
constexpr uint32_t blocks_per_pool(unsigned sz) { return uint32_t((kPoolSize - kPoolOverhead) / class_size(sz)); }
}  // namespace obmalloc

// The bookkeeping of one arena (CPython's struct arena_object). The array of
// these grows as needed; slots whose address is 0 are unused and chained on
// Heap::unused_arena_objects_.
struct ArenaObject {
    uintptr_t address;        // start of the arena's memory; 0 = this slot holds no arena
    char* pool_address;       // next pool never carved out yet (lazy carving of pools)
    uint32_t nfreepools;      // empty pools + pools never carved
    uint32_t ntotalpools;     // pools in the arena (kPoolsPerArena)
    PoolHeader* freepools;    // singly linked list of empty pools carved earlier
    ArenaObject* nextarena;   // usable_arenas list (doubly linked), or the unused list (singly)
    ArenaObject* prevarena;   // usable_arenas list only
};

// The counters the interpreter has always offered (sys.getallocatedblocks(),
// the tests); computed from the arenas when asked.
struct HeapStats {
    uint64_t allocated_blocks = 0;   // live blocks, small and large (sys.getallocatedblocks())
    uint64_t allocated_bytes = 0;    // bytes in live blocks: block size for small ones, request for large
    uint64_t footprint_bytes = 0;    // memory taken from the system: arenas + large requests
    uint64_t peak_footprint = 0;     // high-water mark of footprint_bytes
};

// Watches every allocation and free of a heap: tracemalloc installs one
// (core/memory/tracemalloc.h), as CPython's tracemalloc swaps in hooking
// allocator functions. The observer runs inside the allocator, so it must
// not allocate from the heap it watches.
class HeapObserver {
public:
    virtual void on_malloc(void* p, std::size_t n) = 0;   // p: a new block of n requested bytes
    virtual void on_free(void* p) = 0;                    // p: a block about to be freed
protected:
    ~HeapObserver() = default;
};

class Heap {
public:
    // system_malloc: send every request to the system allocator, as
    // PYTHONMALLOC=malloc does, so that ASan/Valgrind see each object
    // (GLASSPY_MALLOC=malloc; see Interpreter's constructor).
    explicit Heap(std::size_t limit_bytes = 0, bool system_malloc = false);
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Returns null when the system is out of memory or the heap limit would
    // be exceeded; callers turn that into MemoryError.
    void* malloc(std::size_t n);
    void* realloc(void* p, std::size_t n);
    void free(void* p);

    // Installs (or, with null, removes) the one observer of this heap.
    void set_observer(HeapObserver* o) { observer_ = o; }
    HeapObserver* observer() const { return observer_; }

    // Whether p lies inside one of this heap's arenas (CPython's
    // address_in_range, answered by the radix tree of arenas).
    bool owns(const void* p) const;

    HeapStats stats() const;
    uint64_t allocated_blocks() const;
    HeapSnapshot snapshot() const;   // everything but live_objects
    // sys._debugmallocstats(): CPython's report of arenas, pools and classes.
    std::string debug_stats() const;

    std::size_t limit() const { return limit_; }
    void set_limit(std::size_t bytes) { limit_ = bytes; }
    // While suspended, the limit does not apply (raising MemoryError itself
    // needs a little memory). Nested uses are fine.
    void suspend_limit(bool on) { limit_suspended_ += on ? 1 : -1; }

    // Radix-tree geometry, exposed for the report (see obmalloc.cpp).
    static constexpr unsigned kAddressBits = sizeof(void*) == 8 ? 48 : 32;
    static constexpr unsigned kKeyBits = kAddressBits - obmalloc::kArenaBits;
    static constexpr unsigned kBotBits = kKeyBits / 3;
    static constexpr unsigned kMidBits = kKeyBits / 3;
    static constexpr unsigned kTopBits = kKeyBits - kBotBits - kMidBits;

private:
    struct MapBottom { uint8_t present[std::size_t(1) << kBotBits]; };   // 1: an arena starts at this key
    struct MapMid { MapBottom* bot[std::size_t(1) << kMidBits]; };

    static PoolHeader* pool_of(const void* p) {
        return reinterpret_cast<PoolHeader*>(reinterpret_cast<uintptr_t>(p) & ~uintptr_t(obmalloc::kPoolMask));
    }

    // The allocator proper; the public entry points add the observer.
    void* raw_malloc(std::size_t n);
    void* raw_realloc(void* p, std::size_t n);
    void raw_free(void* p);

    // Slow paths (obmalloc.cpp).
    void* alloc_from_new_pool(unsigned sz);
    void extend_pool(PoolHeader* pool);
    void free_slow(PoolHeader* pool, bool was_full);
    void* large_malloc(std::size_t n);
    void* large_realloc(void* p, std::size_t n);
    void large_free(void* p);
    ArenaObject* new_arena();
    void release_arena(ArenaObject* ao);
    bool map_mark(uintptr_t arena_base, bool present);
    bool within_limit(std::size_t extra) const;
    void note_footprint();

    // usedpools_[sz] is the sentinel of a circular list of the pools of size
    // class sz that have a block available (CPython's usedpools array).
    PoolHeader usedpools_[obmalloc::kNumSizeClasses];

    ArenaObject* arenas_ = nullptr;          // the arena slots (grown with realloc)
    uint32_t maxarenas_ = 0;                 // slots in arenas_
    ArenaObject* unused_arena_objects_ = nullptr;   // slots holding no arena (singly linked)
    // Arenas with at least one free pool, sorted by nfreepools ascending so
    // the fullest arena is used first and nearly empty ones get a chance to
    // become empty and be returned to the system.
    ArenaObject* usable_arenas_ = nullptr;
    // nfp2lasta_[n]: the last arena in usable_arenas_ with n free pools, so
    // moving an arena to its sorted place is O(1).
    ArenaObject* nfp2lasta_[obmalloc::kPoolsPerArena + 1] = {};

    uint64_t narenas_ = 0;                   // arenas currently held
    uint64_t ntimes_arena_allocated_ = 0;
    uint64_t narenas_highwater_ = 0;

    // Blocks over 512 bytes: each carries a LargeHeader in front of it,
    // doubly linked so the heap can list (and on destruction free) them.
    struct LargeHeader {
        std::size_t size;       // bytes requested
        LargeHeader* prev;
        LargeHeader* next;
        std::size_t pad;        // keeps the block 16-byte aligned
    };
    LargeHeader large_list_{0, &large_list_, &large_list_, 0};   // circular sentinel
    uint64_t large_blocks_ = 0;
    uint64_t large_bytes_ = 0;

    // Requests of 1..small_threshold_ bytes use the pools: 512, or 0 when
    // every request goes to the system (a compare against a field costs the
    // fast path nothing over a constant).
    std::size_t small_threshold_ = obmalloc::kSmallRequestThreshold;
    std::size_t limit_;                      // bytes; 0 = no limit
    int limit_suspended_ = 0;
    uint64_t peak_footprint_ = 0;

    HeapObserver* observer_ = nullptr;       // tracemalloc while tracing, else null

    MapMid* map_root_[std::size_t(1) << kTopBits] = {};
    uint64_t map_mid_nodes_ = 0, map_bot_nodes_ = 0;
};

// ---- the fast paths ----

inline bool Heap::owns(const void* p) const {
    const uintptr_t a = reinterpret_cast<uintptr_t>(p);
    if constexpr (kAddressBits < sizeof(uintptr_t) * 8) {
        if (a >> kAddressBits) return false;
    }
    const uintptr_t key = a >> obmalloc::kArenaBits;
    const MapMid* mid = map_root_[key >> (kMidBits + kBotBits)];
    if (!mid) return false;
    const MapBottom* bot = mid->bot[(key >> kBotBits) & ((uintptr_t(1) << kMidBits) - 1)];
    return bot && bot->present[key & ((uintptr_t(1) << kBotBits) - 1)];
}

// The entry points: the allocator, then the observer if one is installed
// (one well-predicted branch when nobody watches).
inline void* Heap::malloc(std::size_t n) {
    void* p = raw_malloc(n);
    if (observer_ && p) [[unlikely]] observer_->on_malloc(p, n);
    return p;
}

inline void Heap::free(void* p) {
    if (observer_ && p) [[unlikely]] observer_->on_free(p);
    raw_free(p);
}

inline void* Heap::realloc(void* p, std::size_t n) {
    if (!observer_) [[likely]] return raw_realloc(p, n);
    void* q = raw_realloc(p, n);
    if (q) {
        if (p) observer_->on_free(p);   // the old block is gone (or renewed in place)
        observer_->on_malloc(q, n);
    }
    return q;
}

// pymalloc_alloc: the first pool of the size class always has a block ready.
inline void* Heap::raw_malloc(std::size_t n) {
    if (n - 1 < small_threshold_) {   // 1..512 (n == 0 wraps around)
        const unsigned sz = obmalloc::size_class(n);
        PoolHeader* pool = usedpools_[sz].nextpool;
        if (pool != &usedpools_[sz]) {
            FreeBlock* b = pool->freeblock;
            pool->used++;
            if (!(pool->freeblock = b->next)) extend_pool(pool);
            return b;
        }
        return alloc_from_new_pool(sz);
    }
    return large_malloc(n);
}

// pymalloc_free: push the block on its pool's free list; only a pool that
// was full or has become empty needs more work.
inline void Heap::raw_free(void* p) {
    if (!p) return;
    if (!owns(p)) return large_free(p);
    PoolHeader* pool = pool_of(p);
    auto* b = static_cast<FreeBlock*>(p);
    FreeBlock* lastfree = pool->freeblock;
    b->next = lastfree;
    pool->freeblock = b;
    if (--pool->used == 0 || !lastfree) free_slow(pool, !lastfree);
}

}  // namespace gp
