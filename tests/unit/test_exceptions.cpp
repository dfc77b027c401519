// Exceptions: the built-in hierarchy, the classes with fields (SyntaxError,
// OSError and its errno subclasses, ImportError, NameError, AttributeError,
// the Unicode errors), and the "Did you mean" suggestions of tracebacks.
// Programs and CPython 3.11's output for them: exceptions_cases.inc
// (recorded by gen_exceptions_cases.py).
#include <catch2/catch.hpp>

#include "test_support.h"

using gp::test::run;

namespace {

struct ExceptionCase {
    const char* name;
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};
const ExceptionCase kCases[] = {
#include "exceptions_cases.inc"
};

std::string last_line(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s.substr(s.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("exception programs print what CPython 3.11 prints", "[exceptions]") {
    for (const ExceptionCase& c : kCases) {
        SECTION(c.name) {
            auto r = run(c.source);
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("tracebacks suggest the closest name for NameError and AttributeError", "[exceptions]") {
    const char* prelude =
        "import math\n"
        "class A:\n"
        "    value = 1\n"
        "    def method(self): pass\n"
        "def f():\n"
        "    counter = 1\n"
        "    return countr\n";
    struct { const char* line; const char* expected; } cases[] = {
        {"prnt(1)", "NameError: name 'prnt' is not defined. Did you mean: 'print'?"},
        {"A().valeu", "AttributeError: 'A' object has no attribute 'valeu'. Did you mean: 'value'?"},
        {"math.sqr", "AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?"},
        {"f()", "NameError: name 'countr' is not defined. Did you mean: 'counter'?"},
        {"A.Value", "AttributeError: type object 'A' has no attribute 'Value'. Did you mean: 'value'?"},
        {"xyzzy", "NameError: name 'xyzzy' is not defined"},
        {"[].apend(1)", "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"},
    };
    for (auto& c : cases) {
        auto r = run(std::string(prelude) + c.line + "\n");
        INFO(c.line);
        CHECK(last_line(r.err) == c.expected);
    }
}

TEST_CASE("a subclass of NameError gets no suggestion, as in CPython", "[exceptions]") {
    auto r = run("def g():\n    print(valu)\n    valu = 1\ng()\n");
    CHECK(last_line(r.err) == "UnboundLocalError: cannot access local variable 'valu' where it is not associated with a value");
}
