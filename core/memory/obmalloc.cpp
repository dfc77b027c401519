// obmalloc.cpp — the small-object allocator: arenas, pools, size classes.
//
// Mirrors CPython 3.11's Objects/obmalloc.c ("pymalloc"), in the 64-bit
// configuration, for one interpreter's heap.
//
// Why a private allocator at all
// ------------------------------
// A Python program creates and destroys small objects at a furious rate: an
// int here, a two-item tuple there, a frame's worth of temporaries on every
// call. Almost all of them are under 512 bytes. A general-purpose malloc must
// handle every size and every thread, and pays for that generality on each
// call; pymalloc handles only small requests, from one thread at a time (the
// GIL), and makes the common case a handful of instructions: take the first
// block off a list, or push it back.
//
// The layers, from the operating system up
// ----------------------------------------
//
//     Python objects, list item arrays, dict tables ...   Heap::malloc / free
//     ---------------------------------------------------------------------
//       blocks     one object's memory; 16 .. 512 bytes in 16-byte steps
//       pools      16 KiB, a header and then blocks of ONE size class
//       arenas     1 MiB, 64 pools, asked of the system in one piece
//     ---------------------------------------------------------------------
//     the system: mmap natively, aligned_alloc under Emscripten; plain
//     malloc for every request over 512 bytes
//
// A request for n bytes is rounded up to its size class (obmalloc.h has the
// table): 1-16 bytes -> class 0 (16-byte blocks), 17-32 -> class 1, ...,
// 497-512 -> class 31. The 16-byte step keeps every block aligned for any
// C++ type; the cost is "quantization", the unused tail of a rounded block.
//
// Pools and their three states
// ----------------------------
// A pool serves one size class at a time and is in exactly one state:
//
//     used   some blocks handed out, at least one available. Linked into
//            usedpools_[class], a circular list per size class. Allocation
//            only ever looks at the FIRST pool on that list.
//     full   every block handed out. On no list at all: nothing can be
//            allocated from it, and freeing a block finds the pool from the
//            block's address (pools are pool-aligned, so clearing the low 14
//            bits of a block's address gives its pool header).
//     empty  no block handed out. Linked into its arena's freepools list,
//            ready to serve ANY size class next time.
//
//     transitions   used -> full     the last available block is taken
//                   full -> used     one block is freed (pool goes to the front)
//                   used -> empty    the last handed-out block is freed
//                   empty -> used    a class with no used pool needs one
//
// Inside a pool, available blocks come from two places. Freed blocks form a
// singly linked free list threaded through the blocks themselves (the first
// word of a free block points to the next). Blocks never handed out are not
// on any list: `nextoffset` marks where they begin, and they are "carved"
// one at a time, only when the free list runs dry. So a fresh pool costs
// nothing per block, and memory the program never uses is never touched
// (the operating system need not even back those pages).
//
// Arenas, and giving memory back
// ------------------------------
// An arena is carved into pools lazily too (`pool_address`). Arenas with at
// least one empty or uncarved pool are "usable" and sit on usable_arenas_,
// sorted by how many free pools they have, FEWEST FIRST. New pools are taken
// from the head, the fullest arena. This is the heart of returning memory:
// allocation concentrates in already busy arenas, so nearly empty arenas are
// left alone and tend to drain completely — and an arena whose 64 pools are
// all empty is handed back to the system at once (except the last usable
// one, kept to avoid thrashing when a program allocates and frees around a
// boundary, as CPython does). nfp2lasta_[n] remembers the last arena with n
// free pools, so re-sorting after a free is O(1).
//
// Which allocator owns a pointer?
// -------------------------------
// free() receives a bare pointer: it may be a small block or a large block
// from the system allocator. CPython 3.11 answers with a radix tree over
// the address space, keyed by the arena a pointer would belong to; so do we.
// Because our arenas are aligned to their 1 MiB size, address >> 20 is the
// arena's key exactly; the key (28 bits of a 48-bit address on 64-bit; 12
// bits on wasm32) is split into three levels:
//
//     address   [ top | mid | bot | offset within the arena (20 bits) ]
//     map_root_[top] -> MapMid; mid->bot[mid] -> MapBottom; bot->present[bot]
//
// Interior nodes are created when the first arena in their range appears and
// stay (they are small); a missing node means "not ours". Each heap has its
// own tree, so a block of one interpreter can never be mistaken for another's.
//
// What this file adds to CPython's design
// ---------------------------------------
// - Every interpreter has its own Heap (no global state, ARCHITECTURE.md 1).
// - Large blocks carry a small header (size + list links) so the heap can
//   count their bytes, enforce the heap limit, and free them at teardown.
// - A heap limit: arenas and large blocks are refused past it, which the
//   callers turn into MemoryError. Raising that error needs a little memory
//   itself, so raise_no_memory suspends the limit for its own allocation.
#include "memory/obmalloc.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#if !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace gp {

using namespace obmalloc;

static_assert(sizeof(void*) != 8 || kPoolOverhead == 48, "pool header is 48 bytes on 64-bit, as CPython's");
static_assert(kPoolOverhead + 2 * kSmallRequestThreshold <= kPoolSize, "a pool holds at least two blocks of any class");

// ------------------------------------------------------------ system memory

// One arena's memory, aligned to kArenaSize, or null.
static void* system_arena_alloc() {
#if defined(__EMSCRIPTEN__)
    // Linear memory has no pages to map: ask the C allocator for an aligned
    // megabyte (emmalloc/dlmalloc return the alignment slack to their pool).
    return std::aligned_alloc(kArenaSize, kArenaSize);
#else
    // mmap guarantees only page alignment. Map twice the size and unmap the
    // misaligned head and the unused tail, keeping one aligned arena.
    void* p = mmap(nullptr, 2 * kArenaSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    const uintptr_t start = reinterpret_cast<uintptr_t>(p);
    const uintptr_t aligned = (start + kArenaSize - 1) & ~uintptr_t(kArenaSize - 1);
    if (aligned > start) munmap(p, aligned - start);
    const uintptr_t end = start + 2 * kArenaSize;
    if (end > aligned + kArenaSize) munmap(reinterpret_cast<void*>(aligned + kArenaSize), end - aligned - kArenaSize);
    return reinterpret_cast<void*>(aligned);
#endif
}

static void system_arena_free(void* p) {
#if defined(__EMSCRIPTEN__)
    std::free(p);
#else
    munmap(p, kArenaSize);
#endif
}

// ---------------------------------------------------------------- the heap

Heap::Heap(std::size_t limit_bytes, bool system_malloc)
    : small_threshold_(system_malloc ? 0 : kSmallRequestThreshold), limit_(limit_bytes) {
    for (PoolHeader& s : usedpools_) {
        s = PoolHeader{};
        s.nextpool = s.prevpool = &s;
    }
}

Heap::~Heap() {
    // Whatever is still allocated goes back with the arenas; after a clean
    // Interpreter::finalize() nothing is (the leak test checks that first).
    for (uint32_t i = 0; i < maxarenas_; i++)
        if (arenas_[i].address) system_arena_free(reinterpret_cast<void*>(arenas_[i].address));
    std::free(arenas_);
    while (large_list_.next != &large_list_) {
        LargeHeader* h = large_list_.next;
        large_list_.next = h->next;
        std::free(h);
    }
    for (MapMid* mid : map_root_) {
        if (!mid) continue;
        for (MapBottom* bot : mid->bot) std::free(bot);
        std::free(mid);
    }
}

bool Heap::within_limit(std::size_t extra) const {
    if (!limit_ || limit_suspended_) return true;
    const uint64_t now = narenas_ * kArenaSize + large_bytes_;
    return extra <= limit_ && now <= limit_ - extra;
}

void Heap::note_footprint() {
    const uint64_t now = narenas_ * kArenaSize + large_bytes_;
    if (now > peak_footprint_) peak_footprint_ = now;
}

// Marks (or unmarks) the arena starting at arena_base in the radix tree,
// creating interior nodes on the way down. False if a node cannot be made.
bool Heap::map_mark(uintptr_t arena_base, bool present) {
    const uintptr_t key = arena_base >> kArenaBits;
    MapMid*& mid = map_root_[key >> (kMidBits + kBotBits)];
    if (!mid) {
        if (!present) return true;
        mid = static_cast<MapMid*>(std::calloc(1, sizeof(MapMid)));
        if (!mid) return false;
        map_mid_nodes_++;
    }
    MapBottom*& bot = mid->bot[(key >> kBotBits) & ((uintptr_t(1) << kMidBits) - 1)];
    if (!bot) {
        if (!present) return true;
        bot = static_cast<MapBottom*>(std::calloc(1, sizeof(MapBottom)));
        if (!bot) return false;
        map_bot_nodes_++;
    }
    bot->present[key & ((uintptr_t(1) << kBotBits) - 1)] = present;
    return true;
}

// new_arena(): takes an unused arena slot (growing the slot array when there
// is none) and gives it a fresh megabyte. Called only when usable_arenas_ is
// empty, so no pointer into arenas_ is live while realloc moves it: the
// usable list and nfp2lasta_ are empty, full arenas are found by index.
ArenaObject* Heap::new_arena() {
    if (!unused_arena_objects_) {
        const uint32_t more = maxarenas_ ? maxarenas_ : 16;
        if (maxarenas_ > UINT32_MAX / 2) return nullptr;
        auto* grown = static_cast<ArenaObject*>(std::realloc(arenas_, sizeof(ArenaObject) * (maxarenas_ + more)));
        if (!grown) return nullptr;
        arenas_ = grown;
        for (uint32_t i = maxarenas_; i < maxarenas_ + more; i++) {
            arenas_[i] = ArenaObject{};
            arenas_[i].nextarena = i + 1 < maxarenas_ + more ? &arenas_[i + 1] : nullptr;
        }
        unused_arena_objects_ = &arenas_[maxarenas_];
        maxarenas_ += more;
    }
    if (!within_limit(kArenaSize)) return nullptr;
    void* mem = system_arena_alloc();
    if (!mem) return nullptr;
    const uintptr_t base = reinterpret_cast<uintptr_t>(mem);
    if ((kAddressBits < sizeof(uintptr_t) * 8 && (base >> kAddressBits)) || !map_mark(base, true)) {
        system_arena_free(mem);
        return nullptr;
    }
    ArenaObject* ao = unused_arena_objects_;
    unused_arena_objects_ = ao->nextarena;
    ao->address = base;
    ao->pool_address = static_cast<char*>(mem);
    ao->nfreepools = ao->ntotalpools = kPoolsPerArena;
    ao->freepools = nullptr;
    ao->nextarena = ao->prevarena = nullptr;
    narenas_++;
    ntimes_arena_allocated_++;
    if (narenas_ > narenas_highwater_) narenas_highwater_ = narenas_;
    note_footprint();
    return ao;
}

void Heap::release_arena(ArenaObject* ao) {
    map_mark(ao->address, false);
    system_arena_free(reinterpret_cast<void*>(ao->address));
    ao->address = 0;
    ao->nextarena = unused_arena_objects_;
    unused_arena_objects_ = ao;
    narenas_--;
}

// The free list ran dry: carve the next never-used block, or, when the pool
// has no room left, it is full and leaves its size class's list.
void Heap::extend_pool(PoolHeader* pool) {
    if (pool->nextoffset <= pool->maxnextoffset) {
        auto* b = reinterpret_cast<FreeBlock*>(reinterpret_cast<char*>(pool) + pool->nextoffset);
        pool->nextoffset += uint32_t(class_size(pool->szidx));
        b->next = nullptr;
        pool->freeblock = b;
        return;
    }
    PoolHeader* next = pool->nextpool;
    PoolHeader* prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
}

// allocate_from_new_pool: size class sz has no used pool. Take an empty
// pool from the fullest usable arena (a fresh arena if there is none) and
// hand out its first block.
void* Heap::alloc_from_new_pool(unsigned sz) {
    if (!usable_arenas_) {
        ArenaObject* ao = new_arena();
        if (!ao) return nullptr;
        usable_arenas_ = ao;
        nfp2lasta_[ao->nfreepools] = ao;
    }
    ArenaObject* ao = usable_arenas_;
    // The head has the fewest free pools; taking one keeps it the head. Only
    // nfp2lasta_ needs to follow its count down.
    if (nfp2lasta_[ao->nfreepools] == ao) nfp2lasta_[ao->nfreepools] = nullptr;
    if (ao->nfreepools > 1) nfp2lasta_[ao->nfreepools - 1] = ao;

    PoolHeader* pool = ao->freepools;
    if (pool) {
        ao->freepools = pool->nextpool;
    } else {
        // Carve the next pool out of the arena.
        pool = reinterpret_cast<PoolHeader*>(ao->pool_address);
        pool->arenaindex = uint32_t(ao - arenas_);
        pool->szidx = UINT32_MAX;   // never served a class: must be initialised below
        ao->pool_address += kPoolSize;
    }
    if (--ao->nfreepools == 0) {
        // The arena is now fully allocated: it leaves the usable list.
        usable_arenas_ = ao->nextarena;
        if (usable_arenas_) usable_arenas_->prevarena = nullptr;
        ao->nextarena = ao->prevarena = nullptr;
    }

    // Link the pool at the front of its class's list.
    PoolHeader* head = &usedpools_[sz];
    PoolHeader* next = head->nextpool;
    pool->nextpool = next;
    pool->prevpool = head;
    next->prevpool = pool;
    head->nextpool = pool;
    pool->used = 1;

    if (pool->szidx == sz) {
        // It served this class before: its free list and carving point are
        // still valid, so just take the first block.
        FreeBlock* b = pool->freeblock;
        if (!(pool->freeblock = b->next)) extend_pool(pool);
        return b;
    }
    // (Re)initialise for class sz: hand out the first block and carve one
    // more so that the pool has an available block, as every used pool must.
    const uint32_t size = uint32_t(class_size(sz));
    pool->szidx = sz;
    char* base = reinterpret_cast<char*>(pool);
    auto* b = reinterpret_cast<FreeBlock*>(base + kPoolOverhead);
    pool->nextoffset = uint32_t(kPoolOverhead) + 2 * size;
    pool->maxnextoffset = uint32_t(kPoolSize) - size;
    pool->freeblock = reinterpret_cast<FreeBlock*>(base + kPoolOverhead + size);
    pool->freeblock->next = nullptr;
    return b;
}

// A block was freed into a pool that was full (it becomes used again) or
// that now has no block handed out (it becomes empty, and its arena may be
// re-sorted or returned to the system). insert_to_usedpool/insert_to_freepool.
void Heap::free_slow(PoolHeader* pool, bool was_full) {
    if (was_full) {
        PoolHeader* head = &usedpools_[pool->szidx];
        PoolHeader* next = head->nextpool;
        pool->nextpool = next;
        pool->prevpool = head;
        next->prevpool = pool;
        head->nextpool = pool;
        if (pool->used) return;
    }
    // The pool is empty: off the class's list, onto the arena's.
    PoolHeader* next = pool->nextpool;
    PoolHeader* prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
    ArenaObject* ao = &arenas_[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;

    uint32_t nf = ao->nfreepools;
    // If ao was the last arena with nf free pools, the one before it (when
    // it has nf too) becomes the last.
    ArenaObject* lastnf = nfp2lasta_[nf];
    if (lastnf == ao) {
        ArenaObject* p = ao->prevarena;
        nfp2lasta_[nf] = p && p->nfreepools == nf ? p : nullptr;
    }
    ao->nfreepools = ++nf;

    // Case 1: the whole arena is empty. Return it to the system, unless it
    // is the last usable arena (then the next allocation would just map it
    // again).
    if (nf == ao->ntotalpools && ao->nextarena) {
        if (ao->prevarena) ao->prevarena->nextarena = ao->nextarena;
        else usable_arenas_ = ao->nextarena;
        ao->nextarena->prevarena = ao->prevarena;
        release_arena(ao);
        return;
    }
    // Case 2: the arena was full, so it was on no list. With one free pool
    // it is the fullest usable arena: it goes to the front.
    if (nf == 1) {
        ao->nextarena = usable_arenas_;
        ao->prevarena = nullptr;
        if (usable_arenas_) usable_arenas_->prevarena = ao;
        usable_arenas_ = ao;
        if (!nfp2lasta_[1]) nfp2lasta_[1] = ao;
        return;
    }
    // Case 3: ao was the last arena with its old count, so it is still in
    // order with one more free pool.
    if (!nfp2lasta_[nf]) nfp2lasta_[nf] = ao;
    if (ao == lastnf) return;
    // Case 4: arenas with the old count follow ao; move it after the last of
    // them (lastnf), which keeps the list sorted.
    if (ao->prevarena) ao->prevarena->nextarena = ao->nextarena;
    else usable_arenas_ = ao->nextarena;
    ao->nextarena->prevarena = ao->prevarena;
    ao->prevarena = lastnf;
    ao->nextarena = lastnf->nextarena;
    if (ao->nextarena) ao->nextarena->prevarena = ao;
    lastnf->nextarena = ao;
}

// ----------------------------------------------------------- large blocks

void* Heap::large_malloc(std::size_t n) {
    if (n > SIZE_MAX / 2 || !within_limit(n)) return nullptr;
    auto* h = static_cast<LargeHeader*>(std::malloc(sizeof(LargeHeader) + n));
    if (!h) return nullptr;
    h->size = n;
    h->prev = &large_list_;
    h->next = large_list_.next;
    large_list_.next->prev = h;
    large_list_.next = h;
    large_blocks_++;
    large_bytes_ += n;
    note_footprint();
    return h + 1;
}

void Heap::large_free(void* p) {
    LargeHeader* h = static_cast<LargeHeader*>(p) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    large_blocks_--;
    large_bytes_ -= h->size;
    std::free(h);
}

void* Heap::large_realloc(void* p, std::size_t n) {
    LargeHeader* h = static_cast<LargeHeader*>(p) - 1;
    const std::size_t old = h->size;
    if (n > SIZE_MAX / 2 || (n > old && !within_limit(n - old))) return nullptr;
    auto* moved = static_cast<LargeHeader*>(std::realloc(h, sizeof(LargeHeader) + n));
    if (!moved) return nullptr;
    moved->prev->next = moved;   // the links moved with the block
    moved->next->prev = moved;
    moved->size = n;
    large_bytes_ = large_bytes_ - old + n;
    note_footprint();
    return moved + 1;
}

// pymalloc_realloc: a small block that still fits stays put unless it would
// waste more than a quarter of its block; otherwise copy. Large blocks stay
// with the system allocator whatever their new size, as in CPython.
void* Heap::raw_realloc(void* p, std::size_t n) {
    if (!p) return raw_malloc(n);
    if (!owns(p)) return large_realloc(p, n);
    std::size_t size = class_size(pool_of(p)->szidx);
    if (n && n <= size) {
        if (4 * n > 3 * size) return p;
        size = n;
    }
    void* q = raw_malloc(n);
    if (!q) return nullptr;
    std::memcpy(q, p, size < n ? size : n);
    raw_free(p);
    return q;
}

// ---------------------------------------------------------------- counters

uint64_t Heap::allocated_blocks() const {
    // _Py_GetAllocatedBlocks: the pools' counts are the truth; summing them
    // keeps the fast paths free of a global counter.
    uint64_t n = large_blocks_;
    for (uint32_t i = 0; i < maxarenas_; i++) {
        const ArenaObject& a = arenas_[i];
        if (!a.address) continue;
        for (char* p = reinterpret_cast<char*>(a.address); p < a.pool_address; p += kPoolSize)
            n += reinterpret_cast<PoolHeader*>(p)->used;
    }
    return n;
}

HeapStats Heap::stats() const {
    HeapSnapshot s = snapshot();
    HeapStats r;
    r.allocated_blocks = s.small_blocks + s.large_blocks;
    r.allocated_bytes = s.small_bytes + s.large_bytes;
    r.footprint_bytes = s.footprint_bytes;
    r.peak_footprint = s.peak_footprint;
    return r;
}

HeapSnapshot Heap::snapshot() const {
    HeapSnapshot s;
    for (unsigned c = 0; c < kNumSizeClasses; c++) s.size_classes[c] = SizeClassSnapshot{uint32_t(class_size(c)), 0, 0, 0};
    for (uint32_t i = 0; i < maxarenas_; i++) {
        const ArenaObject& a = arenas_[i];
        if (!a.address) continue;
        ArenaSnapshot as{a.address, a.ntotalpools, a.nfreepools, {}};
        as.pools.reserve(a.ntotalpools);
        uint32_t idx = 0;
        for (char* p = reinterpret_cast<char*>(a.address); idx < a.ntotalpools; p += kPoolSize, idx++) {
            const auto* pool = reinterpret_cast<const PoolHeader*>(p);
            if (p >= a.pool_address || pool->used == 0) {
                as.pools.push_back(PoolSnapshot{idx, -1, 0, 0, 0});
                continue;
            }
            const uint32_t cap = blocks_per_pool(pool->szidx);
            as.pools.push_back(PoolSnapshot{idx, int32_t(pool->szidx), uint32_t(class_size(pool->szidx)), pool->used,
                                            cap - pool->used});
            SizeClassSnapshot& c = s.size_classes[pool->szidx];
            c.pools++;
            c.used_blocks += pool->used;
            c.free_blocks += cap - pool->used;
            s.small_blocks += pool->used;
            s.small_bytes += uint64_t(pool->used) * class_size(pool->szidx);
        }
        s.arenas.push_back(std::move(as));
    }
    std::sort(s.arenas.begin(), s.arenas.end(),
              [](const ArenaSnapshot& x, const ArenaSnapshot& y) { return x.address < y.address; });
    s.arenas_allocated_total = ntimes_arena_allocated_;
    s.arenas_reclaimed = ntimes_arena_allocated_ - narenas_;
    s.arenas_highwater = narenas_highwater_;
    s.large_blocks = large_blocks_;
    s.large_bytes = large_bytes_;
    s.footprint_bytes = narenas_ * kArenaSize + large_bytes_;
    s.peak_footprint = peak_footprint_;
    s.limit_bytes = limit_;
    return s;
}

// CPython's printone(): the label padded to 35 columns, '=', and the value
// right-aligned in 21 columns with thousands separators.
static uint64_t print_one(std::string& out, const std::string& label, uint64_t value) {
    std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); i++) {
        if (i && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    out += label;
    if (label.size() < 35) out.append(35 - label.size(), ' ');
    out += '=';
    if (grouped.size() < 21) out.append(21 - grouped.size(), ' ');
    out += grouped;
    out += '\n';
    return value;
}

// _PyObject_DebugMallocStats, in CPython 3.11's layout.
std::string Heap::debug_stats() const {
    HeapSnapshot s = snapshot();
    std::string out;
    char buf[128];
    std::snprintf(buf, sizeof buf, "Small block threshold = %zu, in %u size classes.\n\n", kSmallRequestThreshold,
                  kNumSizeClasses);
    out += buf;
    out += "class   size   num pools   blocks in use  avail blocks\n"
           "-----   ----   ---------   -------------  ------------\n";
    uint64_t allocated = 0, available = 0, headers = 0, quantization = 0, freepools = 0;
    for (unsigned c = 0; c < kNumSizeClasses; c++) {
        const SizeClassSnapshot& k = s.size_classes[c];
        if (!k.pools) continue;
        std::snprintf(buf, sizeof buf, "%5u %6u %11u %15llu %13llu\n", c, k.block_size, k.pools,
                      (unsigned long long)k.used_blocks, (unsigned long long)k.free_blocks);
        out += buf;
        allocated += k.used_blocks * k.block_size;
        available += k.free_blocks * k.block_size;
        headers += uint64_t(k.pools) * kPoolOverhead;
        quantization += uint64_t(k.pools) * ((kPoolSize - kPoolOverhead) % k.block_size);
    }
    for (const ArenaSnapshot& a : s.arenas) freepools += a.free_pools;
    out += '\n';
    print_one(out, "# arenas allocated total", s.arenas_allocated_total);
    print_one(out, "# arenas reclaimed", s.arenas_reclaimed);
    print_one(out, "# arenas highwater mark", s.arenas_highwater);
    print_one(out, "# arenas allocated current", s.arenas.size());
    std::snprintf(buf, sizeof buf, "%zu arenas * %zu bytes/arena", s.arenas.size(), kArenaSize);
    print_one(out, buf, s.arenas.size() * kArenaSize);
    out += '\n';
    uint64_t total = print_one(out, "# bytes in allocated blocks", allocated);
    total += print_one(out, "# bytes in available blocks", available);
    std::snprintf(buf, sizeof buf, "%llu unused pools * %zu bytes", (unsigned long long)freepools, kPoolSize);
    total += print_one(out, buf, freepools * kPoolSize);
    total += print_one(out, "# bytes lost to pool headers", headers);
    total += print_one(out, "# bytes lost to quantization", quantization);
    total += print_one(out, "# bytes lost to arena alignment", 0);   // our arenas are aligned
    print_one(out, "Total", total);
    out += "\narena map counts\n";
    print_one(out, "# arena map mid nodes", map_mid_nodes_);
    print_one(out, "# arena map bot nodes", map_bot_nodes_);
    out += '\n';
    total = print_one(out, "# bytes lost to arena map root", sizeof map_root_);
    total += print_one(out, "# bytes lost to arena map mid", map_mid_nodes_ * sizeof(MapMid));
    total += print_one(out, "# bytes lost to arena map bot", map_bot_nodes_ * sizeof(MapBottom));
    print_one(out, "Total", total);
    return out;
}

}  // namespace gp
