// Scoping: how the symbol table settles every name (local, global, free,
// cell) and what the compiled code then does with it — LEGB lookup, global
// and nonlocal, closures and cells, class bodies, comprehension scopes, the
// walrus operator and the SyntaxErrors for misplaced declarations. The
// programs and CPython 3.11's output for them are in scoping_cases.inc
// (recorded by gen_scoping_cases.py).
#include <catch2/catch.hpp>

#include "test_support.h"

namespace {

struct ScopingCase {
    const char* name;       // the rule the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};
const ScopingCase kCases[] = {
#include "scoping_cases.inc"
};

}  // namespace

TEST_CASE("scoping programs print what CPython 3.11 prints", "[scoping]") {
    for (const ScopingCase& c : kCases) {
        SECTION(c.name) {
            auto r = gp::test::run(c.source);
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("a class that binds a name its methods read from the enclosing function passes the cell through",
          "[scoping]") {
    // Regression: the compiler stopped with "no cell for free variable 'x'"
    // because the class scope did not carry x in its free variables.
    auto r = gp::test::run(
        "def f():\n"
        "    x = 'f'\n"
        "    class C:\n"
        "        x = 'c'\n"
        "        def m(self):\n"
        "            return x\n"
        "    return C.x, C().m(), C.__dict__['x']\n"
        "print(f())\n");
    CHECK(r.err == "");
    CHECK(r.out == "('c', 'f', 'c')\n");
}
