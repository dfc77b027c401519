// test_green.cpp — green threads (core/runtime/green.cpp): Python threads as
// fibers on one OS thread, the backend of the single-thread WebAssembly
// build, run here over a ucontext FiberHost (tests/green/ucontext_host.h).
// The programs are the [gil] ones: same semantics, same GIL events.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "glasspy.h"
#include "runtime/green.h"
#include "ucontext_host.h"

namespace {

// A green scheduler attached to this (the test's) OS thread for one test.
struct GreenThread {
    gp::test::UcontextHost host;
    gp::GreenScheduler scheduler{host};
    gp::GreenScheduler::Attach attach{scheduler};
};

struct Captured {
    int status = 0;
    std::string out, err;
};

Captured run_in(gp::Session& session, const std::string& source) {
    Captured c;
    session.set_output([&](gp::Stream s, std::string_view text) {
        (s == gp::Stream::Stdout ? c.out : c.err).append(text);
    });
    c.status = session.run_main(source, "<test>");
    session.set_output(nullptr);
    return c;
}

Captured run_green(const std::string& source) {
    GreenThread green;
    gp::Session session;
    return run_in(session, source);
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
    time.sleep(0.1)   # 20 switch intervals: room for a loaded machine
    samples.append(tuple(progress))
stop = True
for t in ts: t.join()
ok = all(b[0] > a[0] and b[1] > a[1] for a, b in zip(samples, samples[1:]))
print("both progressed:", ok)
)";

}  // namespace

TEST_CASE("green threads all run on the one OS thread and have idents of their own", "[green]") {
    GreenThread green;
    gp::Session session;
    Captured c = run_in(session, R"(
import threading
seen = []
def who():
    seen.append((threading.get_ident(), threading.get_native_id(), threading.current_thread().name))
ts = [threading.Thread(target=who) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
# As with pthreads, an ended thread's ident may be reused by a later one.
print(all(s[0] != threading.get_ident() and s[1] != threading.get_native_id() for s in seen))
print(sorted(s[2] for s in seen), [t.ident for t in ts] == [s[0] for s in seen])
)");
    INFO(c.err);
    CHECK(c.out == "True\n['Thread-1 (who)', 'Thread-2 (who)', 'Thread-3 (who)'] True\n");
    CHECK(green.scheduler.live_fibers() == 0);
}

TEST_CASE("two CPU-bound green threads both get the GIL within a few switch intervals", "[green]") {
    GreenThread green;
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
        // Two others share the GIL at 5 ms each, so about 10 ms per wait;
        // the bound leaves room for a loaded machine (CI shares its cores).
        CHECK(stats[i].waited_ns / stats[i].acquisitions < 50'000'000u);
        CHECK(stats[i].held_ns > 0);
    }
}

TEST_CASE("green threads honour drop requests with forced switches, as the trace shows", "[green]") {
    GreenThread green;
    gp::Session session;
    session.set_tracing(true);
    Captured c = run_in(session, kTwoSpinners);
    REQUIRE(c.status == 0);
    uint64_t requests = 0, forced = 0;
    for (auto& s : session.gil_stats()) {
        requests += s.drop_requests;
        forced += s.forced_switches;
    }
    CHECK(requests > 0);
    CHECK(forced > 0);
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
    // A drop request comes only after a waiter has waited one interval.
    for (std::size_t i = 0; i < events.size(); i++) {
        if (events[i].kind != gp::TraceKind::GilDropRequest) continue;
        for (std::size_t j = i; j-- > 0;) {
            if (events[j].kind == gp::TraceKind::GilRequest && events[j].thread == events[i].thread) {
                CHECK(events[i].time_ns - events[j].time_ns >= 4'000'000u);
                break;
            }
        }
    }
}

TEST_CASE("sys.setswitchinterval sets how often green threads switch", "[green]") {
    auto count_switches = [](const char* interval) {
        GreenThread green;
        gp::Session session;
        session.set_tracing(true);
        std::string src = std::string("import sys\nsys.setswitchinterval(") + interval + ")\n" + R"(
import threading, time
stop = False
def spin():
    while not stop:
        pass
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts: t.start()
time.sleep(0.3)
stop = True
for t in ts: t.join()
print("done")
)";
        Captured c = run_in(session, src);
        REQUIRE(c.out == "done\n");
        uint64_t n = 0;
        for (auto& e : session.trace_events())
            if (e.kind == gp::TraceKind::GilSwitch) n++;
        return n;
    };
    uint64_t slow = count_switches("0.02");
    uint64_t fast = count_switches("0.001");
    INFO(slow << " switches at 20 ms, " << fast << " at 1 ms");
    CHECK(fast > 3 * slow);
}

TEST_CASE("Lock, RLock, Event, Condition, Semaphore, Barrier and queue work between green threads", "[green]") {
    Captured c = run_green(R"(
import queue, threading
q = queue.Queue()
consumed = []
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
def consumer():
    while (item := q.get()) is not None:
        consumed.append(item * 10)
ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts: t.start()
for t in ts: t.join()
print(consumed, q.empty())
ready = threading.Event()
order = []
def waiter():
    ready.wait()
    order.append("waiter woke")
t = threading.Thread(target=waiter); t.start()
order.append("setting event"); ready.set(); t.join()
print(order)
sem = threading.Semaphore(2)
inside, peak, guard = [], [0], threading.Lock()
def limited():
    with sem:
        with guard:
            inside.append(1); peak[0] = max(peak[0], len(inside))
        threading.Event().wait(0.01)
        with guard:
            inside.pop()
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak[0])
barrier = threading.Barrier(3)
def meet(): barrier.wait()
ts = [threading.Thread(target=meet) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("broken", barrier.broken)
cond, box = threading.Condition(), []
def take():
    with cond:
        cond.wait_for(lambda: box)
        box.append("taken " + box.pop(0))
t = threading.Thread(target=take); t.start()
with cond:
    box.append("gift"); cond.notify()
t.join()
print(box)
r = threading.RLock()
with r:
    with r:
        print("re-entered")
lock = threading.Lock(); lock.acquire()
print(lock.acquire(timeout=0.02))
)");
    INFO(c.err);
    CHECK(c.out == "[0, 10, 20, 30, 40] True\n['setting event', 'waiter woke']\npeak 2\nbroken False\n"
                   "['taken gift']\nre-entered\nFalse\n");
}

TEST_CASE("time.sleep and lock waits in green threads let the others run", "[green]") {
    Captured c = run_green(R"(
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
ts = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(10)]
for t in ts: t.start()
for t in ts: t.join()
print(time.monotonic() - start < 0.35)
t = threading.Thread(target=time.sleep, args=(0.2,))
t.start()
t.join(timeout=0.02)
print(t.is_alive())
t.join()
print(t.is_alive())
)");
    INFO(c.err);
    CHECK(c.out == "False\nTrue\n['holder releases', 'main acquired']\nTrue\nTrue\nFalse\n");
}

TEST_CASE("no wake-up is lost with 64 green threads contending on locks", "[green]") {
    Captured c = run_green(R"(
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
    INFO(c.err);
    CHECK(c.out == "True 6400 True False False\n");
}

TEST_CASE("a green interpreter waits for non-daemon threads and drops daemon ones at exit", "[green][daemon-exit]") {
    GreenThread green;
    for (int round = 0; round < 3; round++) {
        gp::Session session;
        Captured c = run_in(session, R"(
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
        INFO(c.err);
        CHECK(c.status == 0);
        CHECK(c.out == "main done\nnon-daemon finished\n");
    }
    // Sleeping daemons stay parked; the next interpreter runs normally.
    gp::Session session;
    CHECK(run_in(session, "print(sum(range(10)))").out == "45\n");
}

// [timing]: the Stop comes 150 ms in, which under the sanitizers can land
// before the program has even imported threading.
TEST_CASE("Stop reaches the main green thread while another thread spins", "[green][timing]") {
    GreenThread green;
    gp::Session session;
    // The host's interrupt comes from another OS thread here (as Ctrl+C's
    // handler would); the worker's message handler does it in the browser.
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        session.request_interrupt();
    });
    auto start = std::chrono::steady_clock::now();
    Captured c = run_in(session, R"(
import threading
def spin():
    while True:
        pass
t = threading.Thread(target=spin, daemon=True)
t.start()
try:
    t.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
)");
    stopper.join();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(c.err);
    CHECK(c.out == "KeyboardInterrupt in main\n");
    CHECK(ms < 400);
}

TEST_CASE("exceptions and recursion depth are per green thread", "[green]") {
    Captured c = run_green(R"(
import sys, threading
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R" if self.n == 0 else repr(R(self.n - 1))
out = []
def worker():
    try:
        raise KeyError("in worker")
    except KeyError:
        out.append(deep(900))
        out.append(len(repr(R(300))))
        out.append(repr(sys.exc_info()[1]))
try:
    raise IndexError("in main")
except IndexError:
    ts = [threading.Thread(target=worker) for _ in range(2)]
    for t in ts: t.start()
    for t in ts: t.join()
    out.append(repr(sys.exc_info()[1]))
print(out)
)");
    INFO(c.err);
    CHECK(c.out == "[900, 1, \"KeyError('in worker')\", 900, 1, \"KeyError('in worker')\", \"IndexError('in main')\"]\n");
}

// Each green thread runs on a fiber stack of its own, far from the OS
// thread's: the C-stack guard must measure that stack, so threads run at
// all, and C++ recursion past it raises RecursionError instead of running
// into the fiber's guard page — with the default stack and a smaller
// threading.stack_size() alike (256 KiB: a thread on a 64 KiB stack cannot
// even start under AddressSanitizer's larger frames, pthread or fiber).
TEST_CASE("the C-stack guard measures a green thread's own fiber stack", "[green]") {
    Captured c = run_green(R"(
import sys, threading
sys.setrecursionlimit(1000000)
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return repr(R(self.n + 1))
out = []
def shallow():
    out.append(repr([[1], (2,)]) == "[[1], (2,)]")
def deep():
    try:
        repr(R(0))
    except RecursionError:
        out.append("RecursionError")
def nested():
    l = []
    for _ in range(200000): l = [l]
    try:
        repr(l)
    except RecursionError:
        out.append("nested RecursionError")
for size in (0, 262144):
    threading.stack_size(size)
    for target in (shallow, deep, nested):
        t = threading.Thread(target=target)
        t.start()
        t.join()
print(out)
)");
    INFO(c.err);
    CHECK(c.err.empty());
    CHECK(c.out == "[True, 'RecursionError', 'nested RecursionError', True, 'RecursionError', 'nested RecursionError']\n");
}
