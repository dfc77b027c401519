// Key-sharing ("split") dicts, PEP 412 as CPython 3.11 has it: the dicts of
// instances share their class's key table and keep only their values. The
// programs and CPython's output for them are in splitdict_cases.inc
// (recorded by gen_splitdict_cases.py): sys.getsizeof of instance dicts
// and dicts made from them [sizeof], and dict behaviour that must not
// change when the table is split [dict]. The direct checks below pin the
// headline figures a learner compares against __slots__ classes.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

using gp::test::run;

namespace {

const gp::test::RecordedCase kCases[] = {
#include "splitdict_cases.inc"
};

void run_cases(const char* tag) { gp::test::run_recorded_cases(kCases, tag); }

}  // namespace

TEST_CASE("instance dicts have CPython 3.11's sys.getsizeof figures", "[sizeof][dict]") { run_cases("sizeof"); }

TEST_CASE("split dicts behave like any dict", "[dict]") { run_cases("dict"); }

TEST_CASE("the dict of a two-attribute instance is 296 bytes, as in CPython 3.11", "[sizeof][dict]") {
    auto r = run("import sys\n"
                 "class P:\n"
                 "    def __init__(s): s.x = 1; s.y = 2\n"
                 "p = P()\n"
                 "print(sys.getsizeof(p.__dict__), sys.getsizeof(P().__dict__), sys.getsizeof(p.__dict__))\n"
                 "print(sys.getsizeof(p.__dict__.copy()), sys.getsizeof(dict(p.__dict__)))\n");
    CHECK(r.out == "296 288 288\n288 272\n");
}

TEST_CASE("a split dict is combined when it gets a non-str key or is popitem'd", "[sizeof][dict]") {
    auto r = run("import sys\n"
                 "class P:\n"
                 "    def __init__(s): s.x = 1; s.y = 2\n"
                 "a = P(); vars(a)[1] = 1\n"
                 "b = P(); vars(b).popitem()\n"
                 "c = P(); del c.x\n"
                 "print(sys.getsizeof(vars(a)), sys.getsizeof(vars(b)), sys.getsizeof(vars(c)))\n");
    CHECK(r.out == "352 832 280\n");
}

TEST_CASE("a class with 40 attributes per instance gets combined 1584-byte dicts", "[sizeof][dict]") {
    auto r = run("import sys\n"
                 "class M:\n"
                 "    def __init__(s):\n"
                 "        for i in range(40): setattr(s, 'a%d' % i, i)\n"
                 "print(sys.getsizeof(M().__dict__), sys.getsizeof(M().__dict__))\n");
    CHECK(r.out == "1584 1584\n");
}
