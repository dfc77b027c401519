// test_tracemalloc.cpp — the tracer under the tracemalloc module
// (core/memory/tracemalloc.h) and the module's Python API. Byte figures are
// glasspy's own, so the tests check relations between them; the text of
// Statistic/StatisticDiff/Traceback is CPython 3.11's, recorded with python3.
#include <catch2/catch.hpp>

#include "memory/tracemalloc.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;

TEST_CASE("the tracer counts blocks allocated while tracing and forgets freed ones", "[tracemalloc]") {
    Session session;
    Interpreter& interp = session.interpreter();
    Tracer& t = interp.tracemalloc;
    void* before = interp.heap.malloc(100);   // not traced: allocated before start
    REQUIRE(t.start(3));
    CHECK(t.is_tracing());
    CHECK(t.traceback_limit() == 3);
    CHECK(t.traced_memory() == 0);

    void* small = interp.heap.malloc(40);
    void* large = interp.heap.malloc(5000);
    CHECK(t.traced_memory() == 5040);
    CHECK(t.peak_traced_memory() == 5040);
    // Outside Python code the traceback is CPython's ("<unknown>", 0).
    const TraceTraceback* tb = t.traceback_of(small);
    REQUIRE(tb);
    REQUIRE(tb->frames.size() == 1);
    CHECK(tb->frames[0].lineno == 0);
    CHECK(t.traceback_of(large) == tb);   // interned: one traceback per place
    CHECK(t.traceback_of(before) == nullptr);

    SECTION("free and realloc") {
        interp.heap.free(large);
        CHECK(t.traced_memory() == 40);
        CHECK(t.peak_traced_memory() == 5040);
        small = interp.heap.realloc(small, 300);
        CHECK(t.traced_memory() == 300);
        interp.heap.free(before);   // untraced: changes nothing
        CHECK(t.traced_memory() == 300);
        t.reset_peak();
        CHECK(t.peak_traced_memory() == 300);
        interp.heap.free(small);
        CHECK(t.traced_memory() == 0);
    }
    SECTION("clear_traces keeps tracing, stop forgets everything") {
        t.clear_traces();
        CHECK(t.is_tracing());
        CHECK(t.traced_memory() == 0);
        CHECK(t.traceback_of(small) == nullptr);
        void* again = interp.heap.malloc(64);
        CHECK(t.traced_memory() == 64);
        t.stop();
        CHECK_FALSE(t.is_tracing());
        CHECK(t.traces().empty());
        CHECK(interp.heap.observer() == nullptr);
        interp.heap.free(again);
        interp.heap.free(small);
        interp.heap.free(large);
        interp.heap.free(before);
    }
}

TEST_CASE("tracemalloc traces allocations to the Python lines that made them", "[tracemalloc]") {
    auto r = test::run(R"(import tracemalloc
tracemalloc.start(4)
def make(n):
    return [bytes(1000) for _ in range(n)]
def outer():
    return make(200)
before = tracemalloc.get_traced_memory()[0]
data = outer()
current, peak = tracemalloc.get_traced_memory()
print(current - before > 200 * 1000, peak >= current)
tb = tracemalloc.get_object_traceback(data[0])
print([f.lineno for f in tb], tb[-1].filename)
snap = tracemalloc.take_snapshot()
top = snap.statistics("lineno")[0]
print(top.traceback[0].lineno, top.count >= 200, top.size > 200 * 1000)
tops = snap.statistics("traceback")[0]
print([f.lineno for f in tops.traceback], tops.traceback.total_nframe)
print([s.traceback[0].lineno for s in snap.statistics("lineno", cumulative=True)[:3]])
del data
after = tracemalloc.get_traced_memory()[0]
print(after < current)
snap2 = tracemalloc.take_snapshot()
diff = snap2.compare_to(snap, "lineno")[0]
print(diff.traceback[0].lineno, diff.size, diff.count, diff.size_diff < -200 * 1000, diff.count_diff <= -200)
only = snap.filter_traces([tracemalloc.Filter(True, "<test>", 4)])
print(len(only.traces) >= 200, {t.traceback[0].lineno for t in only.traces})
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(snap))
)");
    CHECK(r.err == "");
    CHECK(r.out ==
          "True True\n"
          "[8, 6, 4, 4] <test>\n"
          "4 True True\n"
          "[8, 6, 4, 4] None\n"
          "[4, 8, 6]\n"
          "True\n"
          "4 0 0 True True\n"
          "True {8}\n"
          "False (0, 0) None\n");
}

TEST_CASE("tracemalloc's statistics print as CPython's", "[tracemalloc]") {
    auto r = test::run(R"(import tracemalloc as t
tb = t.Traceback((("a.py", 12), ("b.py", 3)), 7)
print(tb, repr(tb))
s = t.Statistic(tb, 1024, 3)
print(s)
print(repr(s))
d = t.StatisticDiff(tb, 1024, 1024, 3, 3)
print(d)
print(repr(d))
print(t.StatisticDiff(tb, 0, -5000, 0, -2))
print(t.Trace((0, 2048, (("a.py", 1),), 1)))
print([t._format_size(n, sign) for n, sign in [(0, False), (1023, True), (123456, False), (-5000000, True), (99.5 * 1024, False)]])
print(t.Traceback((("<no such file>", 12), ("<none>", 3))).format())
)");
    CHECK(r.err == "");
    CHECK(r.out ==
          "b.py:3 <Traceback (<Frame filename='b.py' lineno=3>, <Frame filename='a.py' lineno=12>) total_nframe=7>\n"
          "b.py:3: size=1024 B, count=3, average=341 B\n"
          "<Statistic traceback=<Traceback (<Frame filename='b.py' lineno=3>, <Frame filename='a.py' lineno=12>) "
          "total_nframe=7> size=1024 count=3>\n"
          "b.py:3: size=1024 B (+1024 B), count=3 (+3), average=341 B\n"
          "<StatisticDiff traceback=<Traceback (<Frame filename='b.py' lineno=3>, <Frame filename='a.py' lineno=12>) "
          "total_nframe=7> size=1024 (+1024) count=3 (+3)>\n"
          "b.py:3: size=0 B (-5000 B), count=0 (-2)\n"
          "a.py:1: 2048 B\n"
          "['0 B', '+1023 B', '121 KiB', '-4883 KiB', '99.5 KiB']\n"
          "['  File \"<none>\", line 3', '  File \"<no such file>\", line 12']\n");
}

TEST_CASE("tracemalloc rejects bad arguments as CPython does", "[tracemalloc]") {
    auto r = test::run(R"(import tracemalloc as t
for a in [(0,), ("x",), (10**10,), (1, 2), (70000,)]:
    try:
        t.start(*a)
    except Exception as e:
        print(type(e).__name__, e)
try:
    t.take_snapshot()
except RuntimeError as e:
    print(e)
print(t.get_traced_memory(), t.get_object_traceback(object()), t.is_tracing())
)");
    CHECK(r.out ==
          "ValueError the number of frames must be in range [1; 65535]\n"
          "TypeError 'str' object cannot be interpreted as an integer\n"
          "OverflowError Python int too large to convert to C int\n"
          "TypeError start expected at most 1 argument, got 2\n"
          "ValueError the number of frames must be in range [1; 65535]\n"
          "the tracemalloc module must be tracing memory allocations to take a snapshot\n"
          "(0, 0) None False\n");
}

TEST_CASE("a warning's source shows where tracemalloc saw it allocated", "[tracemalloc]") {
    auto r = test::run(R"(import warnings, tracemalloc
warnings.simplefilter("always")
class R:
    __slots__ = ("a",)
warnings.warn("unclosed", ResourceWarning, source=R())
tracemalloc.start(2)
def mk():
    return R()
warnings.warn("unclosed", ResourceWarning, source=mk())
)");
    CHECK(r.err ==
          "<test>:5: ResourceWarning: unclosed\n"
          "ResourceWarning: Enable tracemalloc to get the object allocation traceback\n"
          "<test>:9: ResourceWarning: unclosed\n"
          "Object allocated at (most recent call last):\n"
          "  File \"<test>\", lineno 9\n"
          "  File \"<test>\", lineno 8\n");
}

TEST_CASE("an interpreter destroyed while tracing returns every block", "[tracemalloc]") {
    Session session;
    session.set_output([](Stream, std::string_view) {});
    session.run_main("import tracemalloc\ntracemalloc.start(5)\nx = [str(i) for i in range(1000)]\n"
                     "s = tracemalloc.take_snapshot()\n", "<leak>");
    session.interpreter().release_all();
    CHECK(session.interpreter().heap.allocated_blocks() == 0);
    CHECK(session.interpreter().heap.observer() == nullptr);
}
