// The eval loop leaving its C++ activation and entering it again where it
// stopped (Config::eval_reentry_interval, "Re-entering the loop" in
// runtime/eval.cpp; on in the wasm build so that V8's optimized code
// reaches the main thread's loop). It must be invisible: each program here
// prints the same, tracebacks and trace events included, whether the loop
// never re-enters, re-enters at every eval-breaker check, or every few.
// Expected stdout is what python3 (CPython 3.11) prints.
#include <catch2/catch.hpp>

#include <string>

#include "runtime/interpreter.h"
#include "test_support.h"

namespace {

struct Case {
    const char* name;
    const char* source;
    const char* expected_out;   // CPython 3.11's stdout
};

const Case kCases[] = {
    {"loops, comprehensions, a class body and exec",
     R"py(def f(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            i += 1
            continue
        for j in range(i):
            if j > 4:
                break
            total += j
        i += 1
    return total
print(f(50))
print([x * x for x in range(10) if x % 2], {k: v for k, v in zip("abc", range(3))})
class C:
    items = [n for n in range(5)]
    for n in range(3):
        items.append(-n)
print(C.items)
ns = {}
exec("acc = 0\nfor q in range(7):\n    acc += q\n", ns)
print(ns["acc"])
)py",
     R"py(307
[1, 9, 25, 49, 81] {'a': 0, 'b': 1, 'c': 2}
[0, 1, 2, 3, 4, 0, -1, -2]
21
)py"},
    {"recursion, RecursionError and line numbers of running frames",
     R"py(import sys
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(18))
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
def where():
    for i in range(3):
        pass
    return sys._getframe(0).f_lineno, sys._getframe(1).f_lineno
print(where())
)py",
     R"py(2584
RecursionError maximum recursion depth exceeded
(14, 15)
)py"},
    {"generators: yield from, throw, generator expressions and key functions",
     R"py(def gen(n):
    for i in range(n):
        try:
            yield i
        except ValueError as e:
            yield f"caught {e}"
def outer():
    yield from gen(3)
    yield "done"
g = outer()
print(next(g), next(g), g.throw(ValueError("x")), list(g))
print(sum(i for i in range(100)), sorted(range(20), key=lambda v: -v)[:3])
)py",
     R"py(0 1 caught x [2, 'done']
4950 [19, 18, 17]
)py"},
    {"exceptions raised and handled in loops, and an uncaught one's traceback",
     R"py(import traceback
def inner(k):
    for i in range(k):
        if i == k - 1:
            raise KeyError(i)
def outer():
    n = 0
    while n < 3:
        try:
            inner(n + 2)
        except KeyError as e:
            print("caught", e, traceback.format_exc().count("line"))
        finally:
            n += 1
    return n
print(outer())
def boom():
    for i in range(10):
        if i == 4:
            return 1 / (i - 4)
boom()
)py",
     R"py(caught 1 2
caught 2 2
caught 3 2
3
)py"},
    {"sys.settrace line events of a loop",
     R"py(import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == 'work':
        events.append((event, frame.f_lineno))
    return tracer
def work():
    s = 0
    for i in range(3):
        s += i
    return s
sys.settrace(tracer)
work()
sys.settrace(None)
print(events)
)py",
     R"py([('call', 7), ('line', 8), ('line', 9), ('line', 10), ('line', 9), ('line', 10), ('line', 9), ('line', 10), ('line', 9), ('line', 11), ('return', 11)]
)py"},
    {"threads each running a loop",
     R"py(import threading
out = []
lock = threading.Lock()
def worker(k):
    s = 0
    for i in range(2000):
        s += i * k
    with lock:
        out.append((k, s))
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
)py",
     R"py([(0, 0), (1, 1999000), (2, 3998000), (3, 5997000)]
)py"},
    {"coroutines that await inside loops",
     R"py(import asyncio
async def count(n):
    s = 0
    for i in range(n):
        s += i
        if i % 10 == 0:
            await asyncio.sleep(0)
    return s
async def main():
    print(await asyncio.gather(count(30), count(40)))
asyncio.run(main())
)py",
     R"py([435, 780]
)py"},
};

struct Outcome {
    gp::test::RunResult result;
    uint64_t reentries;
};

Outcome run_with_interval(const std::string& source, int interval) {
    gp::Config config;
    config.eval_reentry_interval = interval;
    gp::Session session(config);
    Outcome o{{0, "", ""}, 0};
    session.set_output([&](gp::Stream s, std::string_view text) {
        (s == gp::Stream::Stdout ? o.result.out : o.result.err).append(text);
    });
    o.result.status = session.run_main(source, "prog.py");
    o.reentries = session.interpreter().eval_reentries.load();
    return o;
}

}  // namespace

TEST_CASE("re-entering the eval loop changes nothing a program can see", "[eval][reentry]") {
    for (const Case& c : kCases) {
        SECTION(c.name) {
            const Outcome never = run_with_interval(c.source, 0);
            CHECK(never.result.out == c.expected_out);
            CHECK(never.reentries == 0);
            for (int interval : {1, 2, 7}) {
                INFO("re-entering every " << interval << " eval-breaker checks");
                const Outcome often = run_with_interval(c.source, interval);
                CHECK(often.result.status == never.result.status);
                CHECK(often.result.out == never.result.out);
                CHECK(often.result.err == never.result.err);
                // (Every few checks may never come in a short activation.)
                if (interval == 1) CHECK(often.reentries > 0);
            }
        }
    }
}

TEST_CASE("an uncaught exception after many re-entries has the same traceback", "[eval][reentry]") {
    const char* source =
        "def boom():\n"
        "    for i in range(10):\n"
        "        if i == 4:\n"
        "            return 1 / (i - 4)\n"
        "boom()\n";
    const Outcome never = run_with_interval(source, 0);
    const Outcome often = run_with_interval(source, 1);
    CHECK(often.result.status == 1);
    CHECK(often.result.err == never.result.err);
    CHECK(often.result.err.find("line 4, in boom") != std::string::npos);
    CHECK(often.result.err.find("ZeroDivisionError: division by zero\n") != std::string::npos);
    CHECK(often.reentries >= 4);
}
