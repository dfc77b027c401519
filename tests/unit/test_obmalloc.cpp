// test_obmalloc.cpp — the small-object allocator (core/memory/obmalloc.h):
// size classes, pools and arenas, their reuse and release, the free lists,
// the heap limit, and sys._debugmallocstats().
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>
#include <set>
#include <vector>

#include "memory/obmalloc.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using namespace gp::obmalloc;

namespace {

uintptr_t pool_base(const void* p) { return reinterpret_cast<uintptr_t>(p) & ~uintptr_t(kPoolMask); }
uintptr_t arena_base(const void* p) { return reinterpret_cast<uintptr_t>(p) & ~uintptr_t(kArenaSize - 1); }

// Blocks that fill `pools` whole pools of 512-byte blocks.
std::vector<void*> fill_pools(Heap& h, unsigned pools) {
    std::vector<void*> v;
    for (unsigned i = 0; i < pools * blocks_per_pool(31); i++) v.push_back(h.malloc(512));
    return v;
}

}  // namespace

TEST_CASE("requests map to 16-byte size classes up to 512 bytes", "[obmalloc]") {
    CHECK(size_class(1) == 0);
    CHECK(size_class(16) == 0);
    CHECK(size_class(17) == 1);
    CHECK(size_class(32) == 1);
    CHECK(size_class(33) == 2);
    CHECK(size_class(497) == 31);
    CHECK(size_class(512) == 31);
    for (unsigned c = 0; c < kNumSizeClasses; c++) {
        CHECK(class_size(c) == 16 * (c + 1));
        CHECK(size_class(class_size(c)) == c);
    }
    CHECK(kPoolSize == 16384);
    CHECK(kArenaSize == 1048576);
    if (sizeof(void*) == 8) CHECK(kPoolOverhead == 48);
    CHECK(blocks_per_pool(0) == (16384 - kPoolOverhead) / 16);
    CHECK(blocks_per_pool(31) == 31);
}

TEST_CASE("small blocks come from arenas, large ones from the system", "[obmalloc]") {
    Heap h;
    for (std::size_t n : {1, 8, 16, 17, 100, 511, 512}) {
        void* p = h.malloc(n);
        REQUIRE(p);
        CHECK(reinterpret_cast<uintptr_t>(p) % kAlignment == 0);
        CHECK(h.owns(p));
        h.free(p);
    }
    for (std::size_t n : {0, 513, 100000}) {
        void* p = h.malloc(n);
        REQUIRE(p);
        CHECK_FALSE(h.owns(p));
        CHECK(h.allocated_blocks() == 1);
        h.free(p);
    }
    CHECK(h.allocated_blocks() == 0);
}

TEST_CASE("blocks of one class share a pool until it is full", "[obmalloc]") {
    Heap h;
    const uint32_t n = blocks_per_pool(2);   // 48-byte blocks
    std::vector<void*> v;
    for (uint32_t i = 0; i < n; i++) v.push_back(h.malloc(40));
    std::set<uintptr_t> pools;
    for (void* p : v) pools.insert(pool_base(p));
    CHECK(pools.size() == 1);
    // Lazy carving hands blocks out in address order after the header.
    CHECK(reinterpret_cast<uintptr_t>(v[0]) == pool_base(v[0]) + kPoolOverhead);
    CHECK(reinterpret_cast<uintptr_t>(v[1]) == reinterpret_cast<uintptr_t>(v[0]) + 48);
    void* extra = h.malloc(40);
    CHECK(pool_base(extra) != pool_base(v[0]));   // the first pool is full
    CHECK(h.allocated_blocks() == n + 1);

    SECTION("a freed block is the next one handed out (LIFO free list)") {
        void* mid = v[n / 2];
        h.free(mid);
        CHECK(h.malloc(40) == mid);
    }
    SECTION("freeing into a full pool makes it the first used pool again") {
        h.free(v[3]);
        CHECK(h.malloc(33) == v[3]);
    }
    for (void* p : v) h.free(p);
    h.free(extra);
    CHECK(h.allocated_blocks() == 0);
}

TEST_CASE("an empty pool is reused, for any size class", "[obmalloc]") {
    Heap h;
    void* keep = h.malloc(16);   // keeps the arena busy
    void* a = h.malloc(100);
    const uintptr_t pool = pool_base(a);
    h.free(a);                    // the pool is empty again
    void* b = h.malloc(100);      // same class: the same pool, same block
    CHECK(b == a);
    h.free(b);
    void* c = h.malloc(300);      // another class takes the empty pool over
    CHECK(pool_base(c) == pool);
    CHECK(reinterpret_cast<uintptr_t>(c) == pool + kPoolOverhead);
    h.free(c);
    h.free(keep);
    CHECK(h.allocated_blocks() == 0);
}

TEST_CASE("empty arenas go back to the system, keeping the last one", "[obmalloc]") {
    Heap h;
    std::vector<void*> v = fill_pools(h, 3 * kPoolsPerArena);
    HeapSnapshot s = h.snapshot();
    CHECK(s.arenas.size() == 3);
    CHECK(s.arenas_allocated_total == 3);
    for (const ArenaSnapshot& a : s.arenas) CHECK(a.free_pools == 0);
    CHECK(s.size_classes[31].pools == 3 * kPoolsPerArena);
    CHECK(s.size_classes[31].used_blocks == v.size());
    CHECK(s.footprint_bytes == 3 * kArenaSize);
    for (void* p : v) h.free(p);
    s = h.snapshot();
    CHECK(s.arenas.size() == 1);
    CHECK(s.arenas_reclaimed == 2);
    CHECK(s.arenas_highwater == 3);
    CHECK(s.footprint_bytes == kArenaSize);
    CHECK(h.allocated_blocks() == 0);
    // The kept arena serves the next request without a new one.
    void* p = h.malloc(64);
    CHECK(h.snapshot().arenas_allocated_total == 3);
    h.free(p);
}

TEST_CASE("new pools come from the fullest usable arena", "[obmalloc]") {
    Heap h;
    std::vector<void*> v = fill_pools(h, 2 * kPoolsPerArena);
    const uintptr_t first = arena_base(v.front()), second = arena_base(v.back());
    REQUIRE(first != second);
    // Empty 10 pools of the first arena and 2 of the second: the second is
    // fuller, so the next new pool must come from it.
    const uint32_t per = blocks_per_pool(31);
    std::vector<void*> rest;
    for (std::size_t i = 0; i < v.size(); i++) {
        const bool in_first = arena_base(v[i]) == first;
        const std::size_t pool_no = (i / per) % kPoolsPerArena;
        if ((in_first && pool_no < 10) || (!in_first && pool_no < 2)) h.free(v[i]);
        else rest.push_back(v[i]);
    }
    void* p = h.malloc(16);
    CHECK(arena_base(p) == second);
    h.free(p);
    for (void* q : rest) h.free(q);
    CHECK(h.allocated_blocks() == 0);
    CHECK(h.snapshot().arenas.size() == 1);
}

TEST_CASE("free lists stay intact under random churn", "[obmalloc]") {
    Heap h;
    std::mt19937 rng(12345);
    struct Live { unsigned char* p; std::size_t n; unsigned char tag; };
    std::vector<Live> live;
    std::size_t peak = 0;
    for (int step = 0; step < 200000; step++) {
        if (live.empty() || rng() % 100 < 55) {
            std::size_t n = 1 + rng() % (rng() % 8 == 0 ? 2000 : 512);
            auto* p = static_cast<unsigned char*>(h.malloc(n));
            REQUIRE(p);
            unsigned char tag = static_cast<unsigned char>(rng());
            std::memset(p, tag, n);
            live.push_back({p, n, tag});
        } else {
            std::size_t i = rng() % live.size();
            Live l = live[i];
            // No other block may have written over this one.
            bool intact = std::all_of(l.p, l.p + l.n, [&](unsigned char c) { return c == l.tag; });
            REQUIRE(intact);
            if (rng() % 4 == 0) {
                std::size_t n = 1 + rng() % 700;
                auto* q = static_cast<unsigned char*>(h.realloc(l.p, n));
                REQUIRE(q);
                std::size_t kept = std::min(n, l.n);
                REQUIRE(std::all_of(q, q + kept, [&](unsigned char c) { return c == l.tag; }));
                std::memset(q, l.tag, n);
                live[i] = {q, n, l.tag};
            } else {
                h.free(l.p);
                live[i] = live.back();
                live.pop_back();
            }
        }
        peak = std::max(peak, live.size());
    }
    CHECK(h.allocated_blocks() == live.size());
    // No two live blocks overlap.
    std::vector<std::pair<uintptr_t, std::size_t>> spans;
    for (const Live& l : live) spans.push_back({reinterpret_cast<uintptr_t>(l.p), l.n});
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); i++) CHECK(spans[i - 1].first + spans[i - 1].second <= spans[i].first);
    for (const Live& l : live) h.free(l.p);
    CHECK(h.allocated_blocks() == 0);
    CHECK(peak > 1000);
}

TEST_CASE("the heap limit refuses arenas and large blocks past it", "[obmalloc]") {
    Heap h(3 * kArenaSize);
    CHECK(h.malloc(4 * kArenaSize) == nullptr);
    std::vector<void*> v;
    while (void* p = h.malloc(512)) v.push_back(p);
    CHECK(h.snapshot().arenas.size() == 3);
    CHECK(v.size() == 3 * kPoolsPerArena * blocks_per_pool(31));
    h.free(v.back());
    v.pop_back();
    CHECK((v.emplace_back(h.malloc(512)), v.back() != nullptr));   // room again
    SECTION("suspending the limit lets one allocation through") {
        h.suspend_limit(true);
        void* p = h.malloc(16);
        h.suspend_limit(false);
        CHECK(p);
        h.free(p);
    }
    for (void* p : v) h.free(p);
    void* big = h.malloc(2 * kArenaSize);   // arenas released: room for a large block
    CHECK(big);
    h.free(big);
}

TEST_CASE("exceeding the heap limit raises MemoryError and the program goes on", "[obmalloc]") {
    Config cfg;
    cfg.heap_limit = 64u << 20;
    Session session(cfg);
    std::string out, err;
    session.set_output([&](Stream s, std::string_view t) { (s == Stream::Stdout ? out : err).append(t); });
    int status = session.run_main(R"(
try:
    x = [0] * 10**9
except MemoryError as e:
    print("MemoryError", repr(e))
chunks = []
try:
    while True:
        chunks.append(bytearray(100000))
except MemoryError:
    n = len(chunks)
    chunks = None
    print("filled", n > 100)
print(sum(range(10)), [i * i for i in range(5)])
y = [0] * 10**9
)", "<limit>");
    CHECK(out == "MemoryError MemoryError()\nfilled True\n45 [0, 1, 4, 9, 16]\n");
    CHECK(status == 1);
    CHECK(err.find("MemoryError\n") != std::string::npos);
    CHECK(err.find("line 15") != std::string::npos);
}

TEST_CASE("sys._debugmallocstats prints CPython's report to stderr", "[obmalloc]") {
    test::RunResult r = test::run("import sys\nx = [str(i) for i in range(3000)]\nsys._debugmallocstats()\n");
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("Small block threshold = 512, in 32 size classes.\n\n"
                      "class   size   num pools   blocks in use  avail blocks\n"
                      "-----   ----   ---------   -------------  ------------\n", 0) == 0);
    CHECK(r.err.find("# arenas allocated current         =                    1\n") != std::string::npos);
    CHECK(r.err.find("1 arenas * 1048576 bytes/arena     =            1,048,576\n") != std::string::npos);
    CHECK(r.err.find("Total                              =            1,048,576\n") != std::string::npos);
    CHECK(r.err.find("\narena map counts\n") != std::string::npos);
}

TEST_CASE("sys.getallocatedblocks counts live blocks", "[obmalloc]") {
    CHECK(test::ev("(lambda sys: (lambda a: (lambda x, b: b - a >= 1000)([[] for i in range(1000)], sys.getallocatedblocks()))(sys.getallocatedblocks()))(__import__('sys'))") == "True");
}

TEST_CASE("the heap snapshot lists arenas, pools and live objects per type", "[obmalloc]") {
    Session session;
    session.set_output([](Stream, std::string_view) {});
    REQUIRE(session.run_main("class Node:\n    pass\nkeep = [Node() for i in range(250)]\n", "<snap>") == 0);
    HeapSnapshot s = session.heap_snapshot();
    REQUIRE(!s.arenas.empty());
    uint64_t used = 0, pools = 0;
    for (const ArenaSnapshot& a : s.arenas) {
        CHECK(a.total_pools == kPoolsPerArena);
        CHECK(a.pools.size() == kPoolsPerArena);
        uint32_t free_pools = 0;
        for (const PoolSnapshot& p : a.pools) {
            if (p.size_class < 0) {
                free_pools++;
                continue;
            }
            CHECK(p.block_size == class_size(unsigned(p.size_class)));
            CHECK(p.used_blocks + p.free_blocks == blocks_per_pool(unsigned(p.size_class)));
            used += p.used_blocks;
            pools++;
        }
        CHECK(free_pools == a.free_pools);
    }
    CHECK(used == s.small_blocks);
    uint64_t class_pools = 0;
    for (const SizeClassSnapshot& c : s.size_classes) class_pools += c.pools;
    CHECK(class_pools == pools);
    CHECK(s.footprint_bytes == s.arenas.size() * kArenaSize + s.large_bytes);
    auto count_of = [&](const std::string& name) -> uint64_t {
        for (const TypeCount& t : s.live_objects)
            if (t.type_name == name) return t.count;
        return 0;
    };
    CHECK(count_of("Node") == 250);
    CHECK(count_of("list") >= 1);
    CHECK(count_of("type") > 50);
    CHECK(s.live_objects.front().count >= s.live_objects.back().count);
}

// After Interpreter::release_all() the heap must hold no block at all: every
// object, type, cached singleton and buffer the interpreter made is gone.
static uint64_t blocks_after_teardown(const std::string& source) {
    Session session;
    session.set_output([](Stream, std::string_view) {});
    session.run_main(source, "<leak>");
    session.interpreter().release_all();
    return session.interpreter().heap.allocated_blocks();
}

TEST_CASE("destroying an interpreter returns every block it allocated", "[obmalloc]") {
    SECTION("an empty program") { CHECK(blocks_after_teardown("pass\n") == 0); }
    SECTION("objects of every kind") {
        CHECK(blocks_after_teardown(R"(
data = {"ints": [1, 2**100, -7], "floats": (1.5, 2.5), "s": {"a", "b"}, "b": b"xyz" * 300}
text = "".join(str(i) for i in range(1000)) + "\u00e9\u4e2d"
big = list(range(10000))
)") == 0);
    }
    SECTION("classes, closures, generators and cycles") {
        CHECK(blocks_after_teardown(R"(
class Node:
    def __init__(self, other=None):
        self.other = other
a = Node(); b = Node(a); a.other = b
class Slotted:
    __slots__ = ("x", "y")
s = Slotted(); s.x = s
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c()
g = (i * i for i in range(10)); next(g)
try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
)") == 0);
    }
    SECTION("finalizers and weak references") {
        CHECK(blocks_after_teardown(R"(
import weakref, gc
class D:
    def __del__(self):
        print("bye")
x = D(); x.me = x
class T: pass
t = T()
r = weakref.ref(t, lambda ref: None)
gc.collect()
)") == 0);
    }
    SECTION("standard library modules") {
        CHECK(blocks_after_teardown("import collections, functools, itertools, json\n") == 0);
    }
    // Regression: IntEnum members (an int subclass with a __dict__ and weak
    // references from another base) crashed the teardown.
    SECTION("enum members, int and str subclasses") {
        CHECK(blocks_after_teardown(R"(
import enum
class Color(enum.IntEnum):
    RED = 1
    GREEN = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
class Name(str, enum.Enum):
    A = "a"
class Plain(enum.Enum):
    X = object()
print(Color.RED, Perm.R | Perm.W, Name.A, Plain.X, list(Color))
)") == 0);
    }
    SECTION("re, dataclasses, typing and the other library modules") {
        CHECK(blocks_after_teardown(R"(
import re, dataclasses, typing, abc, copy, heapq, bisect, contextlib, string, types, io
import random, inspect, datetime, textwrap, struct, array, traceback, warnings, linecache
import math, operator, time, dis, os, tempfile, weakref
m = re.compile(r"(\w+)@(\w+)\.com")
found = m.findall("a@b.com c@d.com"), re.sub(r"\d", "#", "a1b2")
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: list = dataclasses.field(default_factory=list)
ps = sorted([P(2), P(1)])
T = typing.TypeVar("T")
class G(typing.Generic[T]):
    pass
alias = G[int]
d = datetime.date(2024, 1, 2) + datetime.timedelta(days=3)
random.seed(1); r = random.random()
sig = inspect.signature(lambda a, b=2: 0)
try:
    raise ValueError("x")
except ValueError:
    text = traceback.format_exc()
warnings.warn("once")
)") == 0);
    }
    SECTION("logging: a cycle through a class attribute") {
        // Logger.manager -> Manager.loggerDict -> a logger: the collector
        // does not see classes, so release_all collects once more after
        // emptying the class dicts.
        CHECK(blocks_after_teardown(R"(
import logging
logging.getLogger("app.db").warning("careful")
)") == 0);
    }
    SECTION("an uncaught exception and a suspended generator") {
        CHECK(blocks_after_teardown(R"(
def gen():
    try:
        yield 1
    finally:
        pass
g = gen(); next(g)
class E(Exception):
    pass
raise E("uncaught")
)") == 0);
    }
}
