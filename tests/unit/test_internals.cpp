// The classic programs learners run to look at CPython's internals —
// sys.getsizeof tables, reference counts, small-int and string identity,
// __slots__, gc, weakref, threads — as tutorials and courses write them,
// with what CPython 3.11 prints for them. The programs are the files of
// internals/ and CPython's output is recorded in internals_cases.inc by
// gen_internals_cases.py; each runs under the tag its file name starts with.
#include <catch2/catch.hpp>

#include <string>

#include "glasspy.h"

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
            // Recorded with PYTHONHASHSEED=0, so string sets iterate in
            // CPython's order here too.
            gp::Config config;
            config.hash_seed = 0;
            gp::Session session(config);
            std::string out, err;
            session.set_output([&](gp::Stream s, std::string_view text) { (s == gp::Stream::Stdout ? out : err).append(text); });
            int status = session.run_main(c.source, "test.py");
            INFO(err);
            CHECK(out == c.out);
            CHECK(status == c.status);
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

// A regression test: glasspy ignored PYTHONHASHSEED, so no seed gave
// CPython's string hashes or set orders. The expected lines were printed
// by CPython 3.11 with PYTHONHASHSEED set to each seed.
TEST_CASE("PYTHONHASHSEED keys str and bytes hashing as CPython 3.11 does", "[runtime]") {
    const char* program =
        "import sys\n"
        "print(hash('a'), hash(b'abc'), hash('\\u00e9\\u20ac'), hash('\\U0001F600x'), list({'a','b','c','d','e'}),"
        " list({'x': 1, 'apple': 2}.keys() | {'kiwi'}), sys.flags.hash_randomization)\n";
    struct Seeded { int64_t seed; const char* out; };
    const Seeded cases[] = {
        {0, "4644417185603328019 -4594863902769663758 1800529422896539876 -8926728262118538918 "
            "['d', 'c', 'a', 'e', 'b'] ['kiwi', 'x', 'apple'] 0\n"},
        {1, "-3012895188637184397 -4667308735975688587 7878966523820160372 8904275969526274476 "
            "['d', 'a', 'b', 'c', 'e'] ['x', 'kiwi', 'apple'] 1\n"},
        {42, "-123207753977932514 3869580338025362921 -2010860213495462754 -7412435959675129227 "
             "['c', 'e', 'b', 'a', 'd'] ['apple', 'x', 'kiwi'] 1\n"},
        {4294967295, "-5989683813037840249 -6122489556238538401 -945582275966399707 461681878319395138 "
                     "['b', 'e', 'a', 'd', 'c'] ['apple', 'kiwi', 'x'] 1\n"},
    };
    for (const Seeded& c : cases) {
        DYNAMIC_SECTION("PYTHONHASHSEED=" << c.seed) {
            gp::Config config;
            config.hash_seed = c.seed;
            gp::Session session(config);
            std::string out, err;
            session.set_output([&](gp::Stream s, std::string_view text) { (s == gp::Stream::Stdout ? out : err).append(text); });
            CHECK(session.run_main(program, "test.py") == 0);
            INFO(err);
            CHECK(out == c.out);
        }
    }
}
TEST_CASE("exception programs from tutorials print what CPython 3.11 prints", "[exceptions]") { run_cases("exceptions"); }
TEST_CASE("standard-library programs from tutorials print what CPython 3.11 prints", "[stdlib]") { run_cases("stdlib"); }
TEST_CASE("code-object programs from tutorials print what CPython 3.11 prints", "[compiler]") { run_cases("compiler"); }
