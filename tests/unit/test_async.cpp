// test_async.cpp — coroutines, async generators and exception groups:
// programs whose stdout, stderr and exit status must be CPython 3.11's
// (async_cases.inc, recorded by gen_async_cases.py).
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "test_support.h"

using namespace gp::test;

namespace {
struct AsyncCase {
    const char* tag;
    const char* name;
    const char* source;
    const char* out;
    const char* err;
    int status;
};
const AsyncCase kCases[] = {
#include "async_cases.inc"
};

// Object addresses differ from run to run.
std::string mask(const std::string& text) { return std::regex_replace(text, std::regex(" at 0x[0-9a-f]+"), " at ADDR"); }

void check_cases(const std::string& tag) {
    for (const AsyncCase& c : kCases) {
        if (tag != c.tag) continue;
        SECTION(c.name) {
            RunResult r = run(c.source);
            INFO(c.source);
            CHECK(mask(r.out) == mask(c.out));
            CHECK(mask(r.err) == mask(c.err));
            CHECK(r.status == c.status);
        }
    }
}
}  // namespace

TEST_CASE("coroutine and async generator programs print what CPython 3.11 prints", "[async]") { check_cases("async"); }

TEST_CASE("exception group programs print what CPython 3.11 prints", "[excgroup]") { check_cases("excgroup"); }
