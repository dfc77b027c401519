// test_gil.cpp — the GIL over real threads (core/runtime/gil.cpp) and the
// thread machinery under threading (runtime/threads.cpp, _thread).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "glasspy.h"
#include "test_support.h"

using gp::test::run;

namespace {

struct Captured {
    int status = 0;
    std::string out, err;
};

// Runs `source` in `session`, capturing its output.
Captured run_in(gp::Session& session, const std::string& source) {
    Captured c;
    session.set_output([&](gp::Stream s, std::string_view text) {
        (s == gp::Stream::Stdout ? c.out : c.err).append(text);
    });
    c.status = session.run_main(source, "<test>");
    session.set_output(nullptr);
    return c;
}

const char* kTwoSpinners = R"(
import threading, time
stop = False
progress = [0, 0]
def spin(i):
    while not stop:
        progress[i] += 1
ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in ts: t.start()
samples = []
for _ in range(5):
    time.sleep(0.04)
    samples.append(tuple(progress))
stop = True
for t in ts: t.join()
# Both threads advanced in every window of eight switch intervals.
ok = all(b[0] > a[0] and b[1] > a[1] for a, b in zip(samples, samples[1:]))
print("both progressed:", ok)
)";

}  // namespace

TEST_CASE("two CPU-bound threads both make progress within a few switch intervals", "[gil]") {
    gp::Session session;
    session.set_tracing(true);
    Captured c = run_in(session, kTwoSpinners);
    INFO(c.err);
    CHECK(c.out == "both progressed: True\n");
    std::vector<gp::GilThreadStats> stats = session.gil_stats();
    REQUIRE(stats.size() >= 3);
    for (std::size_t i = 1; i <= 2; i++) {
        INFO("thread " << i);
        CHECK(stats[i].acquisitions >= 5);
        // A waiter asks after one interval (5 ms) and the holder yields at
        // its next backward jump: the mean wait stays within a few intervals.
        CHECK(stats[i].waited_ns / stats[i].acquisitions < 25'000'000u);
        CHECK(stats[i].held_ns > 0);
    }
}

TEST_CASE("drop requests are honoured by the holder with a forced switch", "[gil]") {
    gp::Session session;
    session.set_tracing(true);
    Captured c = run_in(session, kTwoSpinners);
    REQUIRE(c.status == 0);
    std::vector<gp::GilThreadStats> stats = session.gil_stats();
    uint64_t requests = 0, forced = 0;
    for (auto& s : stats) {
        requests += s.drop_requests;
        forced += s.forced_switches;
    }
    CHECK(requests > 0);
    CHECK(forced > 0);
    // In the event stream every forced release follows a drop request, and
    // after it the GIL goes to another thread (a GilSwitch event comes next).
    std::vector<gp::TraceEvent> events = session.trace_events();
    int forced_releases = 0, switched_after = 0;
    for (std::size_t i = 0; i < events.size(); i++) {
        if (events[i].kind != gp::TraceKind::GilRelease || events[i].b != 1) continue;
        forced_releases++;
        for (std::size_t j = i + 1; j < events.size(); j++) {
            if (events[j].kind == gp::TraceKind::GilAcquire) {
                if (events[j].thread != events[i].thread) switched_after++;
                break;
            }
        }
    }
    CHECK(forced_releases > 0);
    CHECK(switched_after == forced_releases);
    bool saw_request = std::any_of(events.begin(), events.end(),
                                   [](const gp::TraceEvent& e) { return e.kind == gp::TraceKind::GilDropRequest; });
    CHECK(saw_request);
}

TEST_CASE("sys.setswitchinterval changes the real switch interval", "[gil]") {
    auto r = run(R"(
import sys
print(sys.getswitchinterval())
sys.setswitchinterval(0.0013)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-7)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
)");
    CHECK(r.out == "0.005\n0.0013\n0.0\nswitch interval must be strictly positive\n");
}

TEST_CASE("no wake-up is lost with 64 threads contending on locks", "[gil]") {
    auto r = run(R"(
import sys, threading
sys.setswitchinterval(1e-5)
lock = threading.Lock()
cond = threading.Condition()
sem = threading.BoundedSemaphore(3)
count = 0
turns = []
def work(i):
    global count
    for _ in range(100):
        with lock:
            count += 1
        with sem:
            pass
    with cond:
        turns.append(i)
        cond.notify_all()
ts = [threading.Thread(target=work, args=(i,)) for i in range(64)]
for t in ts: t.start()
with cond:
    ok = cond.wait_for(lambda: len(turns) == 64, timeout=60)
for t in ts: t.join(timeout=60)
print(ok, count, sorted(turns) == list(range(64)), any(t.is_alive() for t in ts), lock.locked())
)");
    INFO(r.err);
    CHECK(r.out == "True 6400 True False False\n");
}

TEST_CASE("the interpreter waits for non-daemon threads and drops daemon ones at exit", "[gil][daemon-exit]") {
    for (int round = 0; round < 3; round++) {
        auto r = run(R"(
import threading, time
def spin():
    while True:
        pass
def sleepy():
    time.sleep(30)
def late():
    time.sleep(0.05)
    print("non-daemon finished")
threading.Thread(target=spin, daemon=True).start()
threading.Thread(target=sleepy, daemon=True).start()
threading.Thread(target=late).start()
print("main done")
)");
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.out == "main done\nnon-daemon finished\n");
    }
    // The process is still healthy for the next interpreter.
    CHECK(gp::test::ev("sum(range(10))") == "45");
}

TEST_CASE("an uncaught exception in a thread is reported as CPython does", "[gil]") {
    auto r = run(R"(
import threading
def f():
    raise ValueError("boom")
t = threading.Thread(target=f)
t.start()
t.join()
print("alive:", t.is_alive())
)");
    CHECK(r.out == "alive: False\n");
    CHECK(r.err.rfind("Exception in thread Thread-1 (f):\nTraceback (most recent call last):\n", 0) == 0);
    CHECK(r.err.find("ValueError: boom\n") != std::string::npos);
}

TEST_CASE("exceptions and recursion depth are per thread", "[gil]") {
    auto r = run(R"(
import sys, threading
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
out = []
def worker():
    try:
        raise KeyError("in worker")
    except KeyError:
        out.append(deep(900))
        out.append(repr(sys.exc_info()[1]))
try:
    raise IndexError("in main")
except IndexError:
    t = threading.Thread(target=worker)
    t.start(); t.join()
    out.append(repr(sys.exc_info()[1]))
print(out)
)");
    INFO(r.err);
    CHECK(r.out == "[900, \"KeyError('in worker')\", \"IndexError('in main')\"]\n");
}

TEST_CASE("starting a thread the platform cannot give raises RuntimeError", "[gil]") {
    // A stack no machine can map makes pthread_create fail, as an exhausted
    // WebAssembly worker pool does.
    auto r = run(R"(
import _thread, threading
_thread.stack_size(1 << 46)
try:
    threading.Thread(target=print).start()
except RuntimeError as e:
    print("RuntimeError:", e)
_thread.stack_size(0)
print(threading.active_count())
t = threading.Thread(target=print, args=("still works",))
t.start(); t.join()
)");
    INFO(r.err);
    CHECK(r.out == "RuntimeError: can't start new thread\n1\nstill works\n");
}

// Host interrupts (Ctrl+C, the Stop button) while other threads hold the
// GIL are timed in test_interrupt.cpp.
TEST_CASE("_thread.interrupt_main from another thread wakes the main thread from time.sleep", "[gil]") {
    {
        auto r = run(R"(
import _thread, threading, time
threading.Timer(0.05, _thread.interrupt_main).start()
t0 = time.monotonic()
try:
    time.sleep(20)
except KeyboardInterrupt:
    print("interrupted", time.monotonic() - t0 < 2)
)");
        CHECK(r.out == "interrupted True\n");
    }
}

TEST_CASE("time.sleep and lock waits let other threads run", "[gil]") {
    auto r = run(R"(
import threading, time
lock = threading.Lock()
lock.acquire()
events = []
def holder():
    time.sleep(0.05)
    events.append("holder releases")
    lock.release()
t = threading.Thread(target=holder)
t.start()
print(lock.acquire(timeout=0.01))
print(lock.acquire(timeout=5))
events.append("main acquired")
t.join()
print(events)
start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(time.monotonic() - start < 0.35)
)");
    INFO(r.err);
    CHECK(r.out == "False\nTrue\n['holder releases', 'main acquired']\nTrue\n");
}

TEST_CASE("a while loop closed by a comparison lets go of the GIL", "[gil]") {
    // Regression: COMPARE_OP fused with POP_JUMP_BACKWARD_IF_* skipped the
    // eval breaker, so `while clock() < end: pass` kept the GIL to the end.
    auto r = run(R"(
import threading, time
end = time.perf_counter() + 1.0
def spin():
    while time.perf_counter() < end:
        pass
t = threading.Thread(target=spin)
t0 = time.perf_counter()
t.start()
time.sleep(0.01)
print(time.perf_counter() - t0 < 0.5)
t.join()
)");
    INFO(r.err);
    CHECK(r.out == "True\n");
}
