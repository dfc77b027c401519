// The generational cycle collector (gc/collector.{h,cpp}) and the gc
// module: unreachable cycles are found and freed, counts and generations
// behave as CPython 3.11's, finalizers run once, weakref callbacks fire,
// and the lists stay consistent. Expected outputs are CPython 3.11's.
#include <catch2/catch.hpp>

#include <string>

#include "glasspy.h"
#include "objects/listobject.h"
#include "objects/typeobject.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

// Runs `source` and checks stdout; the program may not fail.
void expect_output(const std::string& source, const std::string& expected) {
    auto r = run(source);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == expected);
}

bool lists_valid(Interpreter& interp) {
    std::string problem;
    bool ok = gc_validate_lists(interp, &problem);
    INFO(problem);
    return ok;
}

}  // namespace

TEST_CASE("two lists that contain each other are freed by a collection", "[gc]") {
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    const uint64_t before = interp.heap.stats().allocated_blocks;
    {
        Ref<ListObject> a = list_new(ts, 0);
        Ref<ListObject> b = list_new(ts, 0);
        REQUIRE(list_append(ts, a.get(), b.get()));
        REQUIRE(list_append(ts, b.get(), a.get()));
        CHECK(GCState::is_tracked(a.get()));
    }
    // Reference counting alone cannot free them.
    CHECK(interp.heap.stats().allocated_blocks > before);
    CHECK(gc_collect(ts, 2) == 2);
    CHECK(interp.heap.stats().allocated_blocks == before);
    CHECK(lists_valid(interp));
    CHECK(gc_collect(ts, 2) == 0);
}

TEST_CASE("objects reachable from outside survive and move one generation up", "[gc]") {
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    GCState& gc = interp.gc;
    Ref<ListObject> outer = list_new(ts, 0);
    Ref<ListObject> inner = list_new(ts, 0);
    REQUIRE(list_append(ts, outer.get(), inner.get()));
    REQUIRE(list_append(ts, inner.get(), outer.get()));   // a cycle, but `outer` is held here
    auto in_generation = [&](Object* op, int gen) {
        GCHead* head = &gc.generations[gen].head;
        for (GCHead* g = reinterpret_cast<GCHead*>(head->_gc_next); g != head;
             g = reinterpret_cast<GCHead*>(g->_gc_next))
            if (from_gc(g) == op) return true;
        return false;
    };
    CHECK(in_generation(inner.get(), 0));
    CHECK(gc_collect(ts, 0) == 0);
    CHECK(in_generation(inner.get(), 1));
    CHECK(in_generation(outer.get(), 1));
    CHECK(gc_collect(ts, 1) == 0);
    CHECK(in_generation(inner.get(), 2));
    CHECK(gc_collect(ts, 2) == 0);
    CHECK(in_generation(inner.get(), 2));
    CHECK(inner->ob_refcnt == 2);
    CHECK(lists_valid(interp));
}

TEST_CASE("collections count as CPython 3.11's", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
print(gc.get_count()[1:], gc.get_threshold())
gc.collect(0)
print(gc.get_count()[1:])
gc.collect(0)
gc.collect(1)
print(gc.get_count()[1:])
gc.collect(2)
print(gc.get_count()[1:])
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
before = gc.get_stats()[2]["collections"]
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
try:
    gc.collect(3)
except ValueError as e:
    print(e)
try:
    gc.collect("x")
except TypeError as e:
    print(e)
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
gc.enable()
)",
                  "(0, 0) (700, 10, 10)\n"
                  "(1, 0)\n"
                  "(0, 1)\n"
                  "(0, 0)\n"
                  "3 ['collected', 'collections', 'uncollectable']\n"
                  "1\n"
                  "invalid generation\n"
                  "'str' object cannot be interpreted as an integer\n"
                  "(100, 10, 10)\n");
}

TEST_CASE("gc.collect() returns the unreachable objects CPython would find", "[gc]") {
    SECTION("rings of lists and a self-referencing dict") {
        expect_output(R"(
import gc
gc.disable()
gc.collect()
for size in (1, 2, 5):
    ring = [[] for _ in range(size)]
    for i, node in enumerate(ring):
        node.append(ring[(i + 1) % size])
    del ring, node
    print(size, gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
t = ([],)
t[0].append(t)
del t
print(gc.collect())
)",
                      "1 1\n2 2\n5 5\n1\n2\n");
    }
    SECTION("instances: a __dict__ counts only once it was asked for") {
        expect_output(R"(
import gc
gc.disable()
gc.collect()
class Node:
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect())
n = Node()
n.other = n
del n
print(gc.collect())
class Slotted:
    __slots__ = ("other",)
s1, s2 = Slotted(), Slotted()
s1.other, s2.other = s2, s1
del s1, s2
print(gc.collect())
)",
                      "2\n1\n2\n");
    }
}

TEST_CASE("a recursive closure is broken by tp_clear of function and cell", "[gc]") {
    expect_output(R"(
import gc, weakref
gc.disable()
gc.collect()
def make():
    def f():
        return f
    return f
probe = weakref.ref(make())
print(probe() is not None)
print(gc.collect())
print(probe(), gc.collect())
)",
                  "True\n3\nNone 0\n");
}

TEST_CASE("instances show their attributes, then their class, to gc.get_referents", "[gc]") {
    expect_output(R"(
import gc
class C:
    pass
c = C()
c.attr = 5
print([type(r).__name__ for r in gc.get_referents(c)])
vars(c)
print([type(r).__name__ for r in gc.get_referents(c)])
class S:
    __slots__ = ("a", "b")
s = S()
s.a, s.b = 1, "x"
print([type(r).__name__ for r in gc.get_referents(s)])
holder = C()
holder.item = inner = []
print(any(r is holder for r in gc.get_referrers(inner)))
)",
                  "['int', 'type']\n['dict', 'type']\n['int', 'str', 'type']\nTrue\n");
}

TEST_CASE("a cycle with a finalizer is collected once", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
log = []
class F:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        log.append((self.name, self.peer.name))
a, b = F("a"), F("b")
a.peer, b.peer = b, a
del a, b
print(log)
print(gc.collect())
print(sorted(log))
print(gc.garbage)
print(gc.collect())
print(len(log))
)",
                  "[]\n2\n[('a', 'b'), ('b', 'a')]\n[]\n0\n2\n");
}

TEST_CASE("an object resurrected by its finalizer survives, and is finalized only once", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
saved = []
class Phoenix:
    deaths = 0
    def __init__(self):
        self.me = self
    def __del__(self):
        Phoenix.deaths += 1
        saved.append(self)
p = Phoenix()
del p
print(gc.collect(), Phoenix.deaths, len(saved))
print(gc.is_finalized(saved[0]))
saved.clear()
print(gc.collect(), Phoenix.deaths)
)",
                  "0 1 1\nTrue\n1 1\n");
}

TEST_CASE("weakref callbacks run for cyclic garbage, weakrefs in the garbage are cleared", "[gc]") {
    expect_output(R"(
import gc, weakref
gc.disable()
gc.collect()
class C:
    pass
c = C()
c.me = c
r = weakref.ref(c, lambda ref: print("callback, ref() is", ref()))
del c
print(r() is not None)
print(gc.collect())
print(r())
d = C()
d.me = d
d.wr = weakref.ref(d, lambda ref: print("never"))
del d
print(gc.collect())
)",
                  "True\ncallback, ref() is None\n1\nNone\n3\n");
}

TEST_CASE("gc.callbacks see the start and stop of each collection", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
events = []
def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))
gc.callbacks.append(cb)
gc.collect(1)
c = []
c.append(c)
del c
gc.collect()
gc.callbacks.remove(cb)
for e in events:
    print(e)
)",
                  "('start', 1, ['collected', 'generation', 'uncollectable'])\n"
                  "('stop', 1, ['collected', 'generation', 'uncollectable'])\n"
                  "('start', 2, ['collected', 'generation', 'uncollectable'])\n"
                  "('stop', 2, ['collected', 'generation', 'uncollectable'])\n");
}

TEST_CASE("tracking follows CPython 3.11's rules", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(object()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d = {}
d["x"] = 1
print(gc.is_tracked(d))
d["y"] = [1]
print(gc.is_tracked(d))
t = tuple([1, 2])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(tuple([[]])))
del d["y"]
gc.collect()
print(gc.is_tracked(d))
class C:
    pass
print(gc.is_tracked(C()))
)",
                  "False False False False\nTrue True False\nFalse False True\nFalse\nTrue\nTrue\nFalse True\nFalse\nTrue\n");
}

TEST_CASE("gc.get_referents and gc.get_referrers", "[gc]") {
    expect_output(R"(
import gc
lst = [1, "two", (3,)]
print(gc.get_referents(lst))
print(sorted(map(repr, gc.get_referents({"key": "value"}))))
print(gc.get_referents(1))
inner = []
outer = [inner]
print(any(r is outer for r in gc.get_referrers(inner)))
def f(x):
    return lambda: x
g = f(5)
print([type(r).__name__ for r in gc.get_referents(g.__closure__[0])])
)",
                  "[(3,), 'two', 1]\n[\"'value'\"]\n[]\nTrue\n['int']\n");
}

TEST_CASE("gc.get_objects lists generations, gc.freeze moves them out of reach", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
class Box:
    pass
def gen_of(obj):
    for g in range(3):
        if any(o is obj for o in gc.get_objects(generation=g)):
            return g
box = Box()
print(gen_of(box))
gc.collect(0)
print(gen_of(box))
gc.freeze()
print(gen_of(box), gc.get_freeze_count() > 0)
gc.unfreeze()
print(gen_of(box), gc.get_freeze_count())
try:
    gc.get_objects(generation=3)
except ValueError as e:
    print(e)
try:
    gc.get_objects(generation=-2)
except ValueError as e:
    print(e)
)",
                  "0\n1\nNone True\n2 0\n"
                  "generation parameter must be less than the number of available generations (3)\n"
                  "generation parameter cannot be negative\n");
}

TEST_CASE("DEBUG_SAVEALL keeps the garbage in gc.garbage", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
c = []
c.append(c)
del c
print(gc.collect(), len(gc.garbage), gc.garbage)
gc.set_debug(0)
gc.garbage.clear()
print(gc.get_debug(), gc.DEBUG_LEAK)
)",
                  "1 1 [[[...]]]\n0 38\n");
}

TEST_CASE("DEBUG_STATS prints CPython's lines to stderr", "[gc]") {
    auto r = run(R"(
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
c = []
c.append(c)
del c
gc.collect()
gc.set_debug(0)
)");
    CHECK(r.status == 0);
    CHECK(r.err.find("gc: collecting generation 2...\n") != std::string::npos);
    CHECK(r.err.find("gc: objects in each generation: ") != std::string::npos);
    CHECK(r.err.find("gc: objects in permanent generation: 0\n") != std::string::npos);
    CHECK(r.err.find("gc: collectable <list 0x") != std::string::npos);
    CHECK(r.err.find("gc: done, 1 unreachable, 0 uncollectable, ") != std::string::npos);
}

TEST_CASE("allocations past the threshold schedule a collection at the eval breaker", "[gc]") {
    expect_output(R"(
import gc, weakref
gc.enable()
class A:
    def __init__(self):
        self.link = self
first = A()
probe = weakref.ref(first)
del first
before = gc.get_stats()[0]["collections"]
for _ in range(5000):
    A()
print(probe() is None, gc.get_stats()[0]["collections"] > before)
gc.disable()
probe = weakref.ref(A())
for _ in range(5000):
    A()
print(probe() is None)
)",
                  "True True\nFalse\n");
}

TEST_CASE("a generator in a cycle is closed by the collector", "[gc]") {
    expect_output(R"(
import gc
gc.disable()
gc.collect()
def g():
    try:
        me = yield 1
        yield 2
    finally:
        print("finally ran")
it = g()
next(it)
it.send(it)
del it
print("collecting")
print(gc.collect())
)",
                  "collecting\nfinally ran\n0\n");
}

TEST_CASE("collections are traced with generation and counts", "[gc]") {
    Session session;
    Interpreter& interp = session.interpreter();
    interp.trace.set_enabled(true);
    session.set_output([](Stream, std::string_view) {});
    REQUIRE(session.run_main("import gc\nc = []\nc.append(c)\ndel c\ngc.collect(1)\n", "<test>") == 0);
    std::vector<TraceEvent> events = interp.trace.snapshot();
    const TraceEvent* start = nullptr;
    const TraceEvent* done = nullptr;
    for (const TraceEvent& e : events) {
        if (e.kind == TraceKind::GcStart) start = &e;
        if (e.kind == TraceKind::GcDone) done = &e;
    }
    REQUIRE(start);
    REQUIRE(done);
    CHECK(start->a == 1);
    CHECK(start->b >= 1);   // objects examined
    CHECK(done->a == 1);
    CHECK(done->b == 1);   // collected
    CHECK(done->c == 0);   // uncollectable
    CHECK(done->time_ns >= start->time_ns);
    CHECK(lists_valid(interp));
}

TEST_CASE("the generation lists stay consistent through a busy program", "[gc]") {
    Session session;
    Interpreter& interp = session.interpreter();
    session.set_output([](Stream, std::string_view) {});
    REQUIRE(session.run_main(R"(
import gc, weakref
gc.set_threshold(5, 2, 2)
class N:
    def __init__(self, i):
        self.i = i
        self.next = self
    def __del__(self):
        pass
keep = []
for i in range(2000):
    n = N(i)
    if i % 7 == 0:
        keep.append(weakref.ref(n, lambda r: None))
    d = {"n": n, "t": (n, [n])}
    if i % 100 == 0:
        gc.collect(i % 3)
gc.collect()
)", "<test>") == 0);
    CHECK(lists_valid(interp));
    ThreadState* ts = interp.main_thread();
    gc_collect(ts, 2);
    CHECK(lists_valid(interp));
}

// Classes were not tracked by the collector, so a class that became garbage
// (every class is in its own __mro__) lived until the interpreter's end.
TEST_CASE("classes and their descriptors are collected like any container", "[gc]") {
    auto r = gp::test::run(R"(import gc, weakref
gc.collect()
class L:
    pass
print(gc.is_tracked(L), gc.is_tracked(int), len(gc.get_referents(L)), gc.get_referents(int))
print(all(gc.is_tracked(v) for k, v in L.__dict__.items() if k in ("__dict__", "__weakref__")))
def make():
    class Temp:
        def m(self):
            pass
    return weakref.ref(Temp)
r = make()
print(r() is not None, gc.collect() > 0, r() is None)
def with_meta():
    class M(type):
        pass
    class C(metaclass=M):
        items = [1]
    C.me = C
    return weakref.ref(C), weakref.ref(M)
a, b = with_meta()
gc.collect()
print(a(), b())
)");
    CHECK(r.err == "");
    CHECK(r.out == "True False 4 []\nTrue\nTrue True True\nNone None\n");
}

// At exit, glasspy emptied __main__'s dict name by name and collected the
// cycles only after builtins were gone: a cycle's __del__ failed on print.
TEST_CASE("at exit __main__'s objects are finalized in creation order with builtins intact", "[gc]") {
    auto r = gp::test::run(R"(class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = A(1)
b = A(2); b.me = b
c = A(3)
print("end")
)");
    CHECK(r.err == "");
    CHECK(r.out == "end\ndel 1\ndel 2\ndel 3\n");
}
