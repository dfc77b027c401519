// The classic programs learners run to look at CPython's internals —
// sys.getsizeof tables, reference counts, small-int and string identity,
// __slots__, gc, weakref, threads — as tutorials and courses write them,
// with what CPython 3.11 prints for them. The programs are the files of
// internals/ and CPython's output is recorded in internals_cases.inc by
// gen_internals_cases.py; each runs under the tag its file name starts with.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

using gp::test::run;

namespace {

struct InternalsCase {
    const char* tag;        // the ctest subsystem: getsizeof, gc, refcount, ...
    const char* name;       // file name and the behaviour the program shows
    const char* source;
    const char* out;        // CPython 3.11's stdout
    int status;             // and exit status
};
const InternalsCase kCases[] = {
#include "internals_cases.inc"
};

void run_cases(const char* tag) {
    int n = 0;
    for (const InternalsCase& c : kCases) {
        if (std::string(c.tag) != tag) continue;
        n++;
        DYNAMIC_SECTION(c.name) {
            gp::test::RunResult r = run(c.source, "test.py");
            INFO(r.err);
            CHECK(r.out == c.out);
            CHECK(r.status == c.status);
        }
    }
    CHECK(n > 0);
}

}  // namespace

TEST_CASE("getsizeof programs from tutorials print CPython 3.11's sizes", "[getsizeof]") { run_cases("getsizeof"); }
TEST_CASE("gc programs from tutorials print what CPython 3.11 prints", "[gc]") { run_cases("gc"); }
TEST_CASE("reference-count programs from tutorials print what CPython 3.11 prints", "[refcount]") { run_cases("refcount"); }
TEST_CASE("pickle programs from tutorials print what CPython 3.11 prints", "[pickle]") { run_cases("pickle"); }
TEST_CASE("multiprocessing programs from tutorials print what CPython 3.11 prints", "[multiprocessing]") { run_cases("multiprocessing"); }
TEST_CASE("runtime facts programs from tutorials print what CPython 3.11 prints", "[runtime]") { run_cases("runtime"); }
TEST_CASE("weakref programs from tutorials print what CPython 3.11 prints", "[weakref]") { run_cases("weakref"); }
