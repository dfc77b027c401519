// The standard-library modules written in Python under core/lib/ (textwrap,
// datetime, decimal, logging, ...) and their C++ halves (_struct, array,
// cmath): programs in stdlib_more/ whose stdout, stderr and exit status were
// recorded from CPython 3.11 by gen_stdlib_more_cases.py into
// stdlib_more_cases.inc, plus the embedding mechanism itself.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "glasspy.h"
#include "modules/frozen.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

struct StdlibMoreCase {
    const char* name;       // file name: the behaviour the program shows
    const char* source;
    const char* out;        // CPython 3.11's stdout
    const char* err;        // ... its stderr
    int status;             // ... its exit status
};
#include "stdlib_more_cases.inc"

// unittest's summary line says how long the run took; the recorded output
// has 0.000s there (see gen_stdlib_more_cases.py), and so does ours.
std::string without_run_time(const std::string& text) {
    static const std::regex ran("(Ran [0-9]+ tests? in )[0-9]+\\.[0-9]+s");
    return std::regex_replace(text, ran, "$010.000s");
}

}  // namespace

TEST_CASE("more standard-library programs print what CPython 3.11 prints", "[stdlib]") {
    for (const StdlibMoreCase& c : kMoreCases) {
        DYNAMIC_SECTION(c.name) {
            test::RunResult r = run(c.source);
            CHECK(without_run_time(r.out) == c.out);
            CHECK(without_run_time(r.err) == c.err);
            CHECK(r.status == c.status);
        }
    }
}

TEST_CASE("every .py file under core/lib is a frozen module, packages included", "[stdlib]") {
    bool is_package = true;
    CHECK(find_frozen("textwrap", &is_package) != nullptr);
    CHECK_FALSE(is_package);
    // The hand-written table is still searched first.
    CHECK(find_frozen("enum") != nullptr);
    CHECK(find_frozen("textwrap.py") == nullptr);
    // A module from core/lib imports, runs once, and says where it came from.
    test::RunResult r = run("import textwrap, sys\nimport textwrap as t2\n"
                            "print(textwrap.__file__, textwrap is t2, textwrap.__name__, 'textwrap' in sys.modules)\n");
    CHECK(r.out == "<frozen textwrap> True textwrap True\n");
}

TEST_CASE("platform answers for glasspy itself, from uname(2) and sys.version_info", "[stdlib]") {
    test::RunResult r = run(
        "import platform, os, sys\n"
        "u = os.uname()\n"
        "print(platform.system() == u.sysname, platform.machine() == u.machine, platform.release() == u.release)\n"
        "print(platform.python_implementation(), platform.python_version(), platform.python_version_tuple())\n"
        "print(len(platform.uname()), platform.uname()[0] == u.sysname, platform.architecture()[0])\n"
        "print(platform.platform() == '-'.join([u.sysname, u.release, u.machine]), type(u).__name__)\n");
    CHECK(r.err == "");
    CHECK(r.out == "True True True\nglasspy 3.11.7 ('3', '11', '7')\n6 True 64bit\nTrue uname_result\n");
}

TEST_CASE("a binary operation that is the whole line still gets its ~~^~~ carets", "[traceback]") {
    // Regression: the whole-line rule suppressed the anchored carets that 3.11 prints.
    test::RunResult r = run("a = 1\nb = 0\na / b\n", "carets.py");
    CHECK(r.err == "Traceback (most recent call last):\n  File \"carets.py\", line 3, in <module>\n    a / b\n"
                   "    ~~^~~\nZeroDivisionError: division by zero\n");
}

TEST_CASE("frames of a module standing in for a C module are left out of tracebacks", "[traceback]") {
    test::RunResult r = run("import decimal\nx = decimal.Decimal(1)\nx.sqrt()\nx / 0\n", "hidden.py");
    CHECK(r.err == "Traceback (most recent call last):\n  File \"hidden.py\", line 4, in <module>\n    x / 0\n"
                   "    ~~^~~\ndecimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]\n");
}
