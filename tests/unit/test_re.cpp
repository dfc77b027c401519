// The `re` module: its Python parser and compiler (core/lib/re/) and the
// C++ matching engine (core/regex/sre_engine.cpp, core/modules/sre_module.cpp).
// Programs in re_programs/ whose output was recorded from CPython 3.11 by
// gen_re_cases.py, plus the engine's guarantees no program output shows:
// an interrupt stops a runaway match, and the heap limit bounds it.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "glasspy.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

struct ReCase {
    const char* name;       // file name: the behaviour the program shows
    const char* source;
    const char* out;        // CPython 3.11's stdout
    const char* err;        // ... its stderr
    int status;             // ... its exit status
};
#include "re_cases.inc"

}  // namespace

TEST_CASE("re programs print what CPython 3.11 prints", "[re]") {
    for (const ReCase& c : kReCases) {
        DYNAMIC_SECTION(c.name) {
            test::RunResult r = run(c.source);
            CHECK(r.out == c.out);
            CHECK(r.err == c.err);
            CHECK(r.status == c.status);
        }
    }
}

TEST_CASE("a catastrophic pattern is stopped by an interrupt with KeyboardInterrupt", "[re]") {
    gp::Session session;
    std::string out, err;
    session.set_output([&](Stream s, std::string_view t) { (s == Stream::Stdout ? out : err).append(t); });
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        session.request_interrupt();
    });
    auto start = std::chrono::steady_clock::now();
    session.run_main(R"(
import re
try:
    re.match(r"(a*)*b", "a" * 40)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(re.match(r"(a*)*b", "aab").span())
)", "<test>");
    stopper.join();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(err);
    CHECK(out == "KeyboardInterrupt\n(0, 3)\n");
    CHECK(ms < 5000);
}

TEST_CASE("the backtracking stack is bounded by the heap limit: MemoryError, then the program goes on", "[re]") {
    Config cfg;
    cfg.heap_limit = 64u << 20;
    Session session(cfg);
    std::string out, err;
    session.set_output([&](Stream s, std::string_view t) { (s == Stream::Stdout ? out : err).append(t); });
    session.run_main(R"(
import re
try:
    re.match(r"(?:(a)|b)*c", "ab" * 3000000)
except MemoryError:
    print("MemoryError")
print(re.match(r"(?:(a)|b)*c", "abc").groups())
)", "<test>");
    INFO(err);
    CHECK(out == "MemoryError\n('a',)\n");
}
