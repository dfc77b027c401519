// The compiler and eval loop run programs with CPython's output.
#include <catch2/catch.hpp>

#include "test_support.h"

using gp::test::run;

TEST_CASE("arithmetic and printing match CPython", "[eval]") {
    CHECK(run("print(1 + 2)").out == "3\n");
    CHECK(run("print(7 // 2, 7 % 3, 2 ** 10, -7 // 2)").out == "3 1 1024 -4\n");
    CHECK(run("print(1 / 4, 3.0 * 2)").out == "0.25 6.0\n");
    CHECK(run("print('a' + 'b', 'x' * 3)").out == "ab xxx\n");
    CHECK(run("print(1 < 2, 2 < 1, 1 == 1.0, None is None)").out == "True False True True\n");
}

TEST_CASE("names, assignment and control flow", "[eval]") {
    CHECK(run("x = 0\nwhile x < 5:\n    x += 1\nprint(x)").out == "5\n");
    CHECK(run("t = 0\nfor i in range(10):\n    if i % 2:\n        continue\n    t += i\nprint(t)").out == "20\n");
    CHECK(run("for i in range(3):\n    if i == 2:\n        break\nelse:\n    print('no')\nprint(i)").out == "2\n");
    CHECK(run("a, b = 1, 2\na, b = b, a\nprint(a, b)").out == "2 1\n");
    CHECK(run("x = 5\nprint('big' if x > 3 else 'small')").out == "big\n");
    CHECK(run("print(1 < 2 < 3, 3 < 2 < 1, 0 or 'x', 1 and 0)").out == "True False x 0\n");
}

TEST_CASE("functions: positional, default and keyword arguments", "[eval]") {
    CHECK(run("def f(a, b=2):\n    return a * b\nprint(f(3), f(3, 4), f(b=5, a=1))").out == "6 12 5\n");
    CHECK(run("def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(20))").out ==
          "2432902008176640000\n");
    CHECK(run("def outer():\n    x = 1\n    def inner():\n        return x + 1\n    return inner()\nprint(outer())").out ==
          "2\n");
}

TEST_CASE("an uncaught exception prints a CPython traceback and exits 1", "[eval]") {
    auto r = run("def f(x):\n    return 1 / x\nprint(f(0))\n", "demo.py");
    CHECK(r.status == 1);
    CHECK(r.err ==
          "Traceback (most recent call last):\n"
          "  File \"demo.py\", line 3, in <module>\n"
          "    print(f(0))\n"
          "          ^^^^\n"
          "  File \"demo.py\", line 2, in f\n"
          "    return 1 / x\n"
          "           ~~^~~\n"
          "ZeroDivisionError: division by zero\n");
}

TEST_CASE("unbounded recursion raises RecursionError instead of crashing", "[eval]") {
    auto r = run("def f(n):\n    return f(n + 1)\nf(0)\n", "rec.py");
    CHECK(r.status == 1);
    CHECK(r.err.find("[Previous line repeated 996 more times]") != std::string::npos);
    CHECK(r.err.find("RecursionError: maximum recursion depth exceeded\n") != std::string::npos);
}

TEST_CASE("C++ recursion past the machine stack raises RecursionError, whatever the recursion limit", "[eval]") {
    // A raised limit and a small thread stack: repr of a deeply nested list
    // and a __repr__ that recurses through repr() run out of machine stack
    // long before the limit (CPython crashes here); glasspy measures the
    // stack left and raises RecursionError, in a thread and in the main one.
    auto r = run(R"(
import sys, threading
sys.setrecursionlimit(1000000)
threading.stack_size(256 * 1024)
def nested():
    l = []
    for i in range(200000):
        l = [l]
    try:
        repr(l)
    except RecursionError as e:
        print("thread:", e)
t = threading.Thread(target=nested)
t.start(); t.join()
class R:
    def __repr__(self):
        return repr(R())
try:
    repr(R())
except RecursionError as e:
    print("main:", e)
print("still running")
)", "stack.py");
    INFO(r.err);
    CHECK(r.status == 0);
    // Which level finds the stack gone (the eval loop or the call) depends
    // on where the stack happens to end, so the message's tail may vary.
    CHECK(r.out.rfind("thread: maximum recursion depth exceeded while getting the repr of an object\n"
                      "main: maximum recursion depth exceeded", 0) == 0);
    CHECK(r.out.size() > 14);
    CHECK(r.out.substr(r.out.size() - 14) == "still running\n");
}

TEST_CASE("a syntax error is reported with file, line, source and caret", "[eval]") {
    auto r = run("x = (1,\ny = 2 +\n", "bad.py");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    auto r2 = run("print(1 +)\n", "bad.py");
    CHECK(r2.status == 1);
    CHECK(r2.err == "  File \"bad.py\", line 1\n    print(1 +)\n             ^\nSyntaxError: invalid syntax\n");
}

TEST_CASE("name errors carry CPython's message", "[eval]") {
    auto r = run("print(undefined_name)\n", "n.py");
    CHECK(r.status == 1);
    CHECK(r.err.find("NameError: name 'undefined_name' is not defined\n") != std::string::npos);
}

