// Memory management as a learner checks it against CPython 3.11: the gc
// module, PEP 442, weakref, tracemalloc, sys.getsizeof and the allocator's
// reports. The programs and CPython's output for them are in
// memory_cases.inc, the layout of sys._debugmallocstats() in
// memory_mallocstats.inc (both recorded by gen_memory_cases.py). Each case
// runs under its subsystem's tag; the last test checks that interpreters
// made and destroyed over and over give back every block.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>

#include "glasspy.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

const gp::test::RecordedCase kCases[] = {
#include "memory_cases.inc"
};

void run_cases(const char* tag) { gp::test::run_recorded_cases(kCases, tag); }

// The report with numbers as N and blanks squeezed, without the rows of the
// size-class table, up to the end of the arena map section
// (gen_memory_cases.py's layout()).
std::string mallocstats_layout(const std::string& report) {
    static const std::regex number("[0-9][0-9,]*"), blanks("\\s+"), row("N N N N N");
    std::istringstream in(report);
    std::string line, out;
    while (std::getline(in, line)) {
        line = std::regex_replace(line, number, "N");
        line = std::regex_replace(line, blanks, " ");
        while (!line.empty() && line.back() == ' ') line.pop_back();
        while (!line.empty() && line.front() == ' ') line.erase(0, 1);
        if (std::regex_match(line, row)) continue;
        out += line + "\n";
        if (line.rfind("# bytes lost to arena map bot", 0) == 0) break;
    }
    return out;
}

}  // namespace

TEST_CASE("gc programs print what CPython 3.11 prints", "[gc]") { run_cases("gc"); }
TEST_CASE("weakref programs print what CPython 3.11 prints", "[weakref]") { run_cases("weakref"); }
TEST_CASE("tracemalloc programs print what CPython 3.11 prints", "[tracemalloc]") { run_cases("tracemalloc"); }
TEST_CASE("sys.getsizeof reports CPython 3.11's 64-bit sizes", "[getsizeof]") { run_cases("getsizeof"); }
TEST_CASE("allocator counters behave as CPython's", "[obmalloc]") { run_cases("obmalloc"); }

TEST_CASE("sys._debugmallocstats() prints its report in CPython's layout", "[obmalloc]") {
    const char* expected =
#include "memory_mallocstats.inc"
        ;
    auto r = run("import sys\nx = [str(i) for i in range(5000)]\nsys._debugmallocstats()\n");
    REQUIRE(r.status == 0);
    CHECK(mallocstats_layout(r.err) == expected);
    // One row per size class in use, each "class size pools used avail".
    CHECK(std::regex_search(r.err, std::regex("\n +0 +16 +[0-9]+ +[0-9]+ +[0-9]+\n")));
}

TEST_CASE("interpreters created and destroyed over and over give back every block", "[obmalloc]") {
    // Each interpreter has its own heap; after its teardown the heap holds
    // nothing (release_all): modules, cycles with __del__, weak references,
    // tracemalloc's traces and classes all go.
    const char* program = R"(
import gc, weakref, tracemalloc, collections, json
tracemalloc.start(3)
class Node:
    def __init__(self, n): self.next = n; self.me = self
    def __del__(self): pass
head = None
for i in range(2000):
    head = Node(head)
keep = weakref.WeakValueDictionary({"h": head})
d = collections.OrderedDict((str(i), [i]) for i in range(100))
text = json.dumps({"a": [1, 2, {"b": None}]})
try:
    raise ValueError("boom")
except ValueError as e:
    err = e
gc.collect()
snapshot = tracemalloc.take_snapshot()
)";
    for (int round = 0; round < 6; round++) {
        Session session;
        session.set_output([](Stream, std::string_view) {});
        REQUIRE(session.run_main(program, "leak.py") == 0);
        Interpreter& interp = session.interpreter();
        CHECK(interp.heap.stats().allocated_blocks > 0);
        interp.release_all();
        HeapStats st = interp.heap.stats();
        INFO("round " << round);
        CHECK(st.allocated_blocks == 0);
        CHECK(st.allocated_bytes == 0);
    }
}

TEST_CASE("an interpreter that started threads and child processes gives back every block", "[obmalloc]") {
    // Threads that have ended and child interpreters (each with a heap of
    // its own, torn down on its own thread) leave nothing in the parent's
    // heap; a child's teardown is checked by its own destructor.
    const char* program = R"(
import threading, queue
from multiprocessing import Process, Queue
def work(q, n):
    q.put(sum(i * i for i in range(n)))
if __name__ == "__main__":
    q = Queue()
    ps = [Process(target=work, args=(q, 1000 * k)) for k in range(1, 3)]
    for p in ps: p.start()
    results = sorted(q.get() for _ in ps)
    for p in ps: p.join()
    tq = queue.Queue()
    ts = [threading.Thread(target=work, args=(tq, 500)) for _ in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
    print(results, [tq.get() for _ in ts], [p.exitcode for p in ps])
)";
    for (int round = 0; round < 2; round++) {
        std::string out;
        Session session;
        session.set_output([&](Stream s, std::string_view text) {
            if (s == Stream::Stdout) out += text;
        });
        REQUIRE(session.run_main(program, "procs.py") == 0);
        CHECK(out == "[332833500, 2664667000] [41541750, 41541750, 41541750] [0, 0]\n");
        Interpreter& interp = session.interpreter();
        interp.release_all();
        HeapStats st = interp.heap.stats();
        INFO("round " << round);
        CHECK(st.allocated_blocks == 0);
        CHECK(st.allocated_bytes == 0);
    }
}

TEST_CASE("an interpreter whose daemon threads still run gives back every block, finalizing none of theirs", "[obmalloc][daemon-exit]") {
    // Daemon threads stopped in every kind of wait when the program ends:
    // spinning (at the eval breaker), asleep, blocked on a lock in `with`,
    // inside a generator, in a call with * and ** arguments, waiting on a
    // Condition and a queue. As in CPython nothing they hold is finalized
    // (no __del__, no generator cleanup, no weakref callback), yet once the
    // interpreter is released its heap is empty.
    const char* program = R"(
import threading, time, weakref, queue
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
shared = R("shared")
held = threading.Lock(); held.acquire()
def spin():
    r = R("spin"); s = shared
    while True:
        pass
def sleepy(*args, **kwargs):
    r = R("sleepy")
    time.sleep(30)
def locked():
    r = R("locked")
    with held:
        pass
def g():
    try:
        yield R("in generator")
        time.sleep(30)
    finally:
        print("generator finally")
def usegen():
    it = g(); first = next(it)
    wr = weakref.ref(first, lambda w: print("callback"))
    for v in g():
        pass
def waiting():
    c = threading.Condition()
    with c:
        c.wait()
def getting():
    queue.Queue().get()
for f in (spin, locked, usegen, waiting, getting):
    threading.Thread(target=f, daemon=True).start()
threading.Thread(target=sleepy, args=(1, R("arg")), kwargs={"k": R("kwarg")}, daemon=True).start()
time.sleep(0.1)
print("main done")
)";
    for (int round = 0; round < 3; round++) {
        std::string out;
        Session session;
        session.set_output([&](Stream s, std::string_view text) {
            if (s == Stream::Stdout) out += text;
        });
        REQUIRE(session.run_main(program, "daemons.py") == 0);
        session.finalize();
        Interpreter& interp = session.interpreter();
        interp.release_all();
        HeapStats st = interp.heap.stats();
        INFO("round " << round);
        CHECK(out == "main done\n");
        CHECK(st.allocated_blocks == 0);
        CHECK(st.allocated_bytes == 0);
    }
}
