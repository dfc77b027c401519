// test_asyncio.cpp — asyncio (core/lib/asyncio) and concurrent.futures
// (core/lib/concurrent): programs whose stdout, stderr and exit status must
// be CPython 3.11's (asyncio_cases.inc, recorded by gen_asyncio_cases.py).
//
// glasspy's library modules are its own code, so where a traceback or a
// task's repr or a warning points into them ("<frozen asyncio.tasks>", as
// the generator also writes CPython's paths) the line number and the source
// line are not compared: the frame's module and function name are.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>

#include "test_support.h"

using namespace gp::test;

namespace {
struct AsyncioCase {
    const char* tag;
    const char* name;
    const char* source;
    const char* out;
    const char* err;
    int status;
};
const AsyncioCase kCases[] = {
#include "asyncio_cases.inc"
};

std::string normalize(const std::string& text) {
    static const std::regex address(" at 0x[0-9a-f]+");
    static const std::regex lib_frame(R"re(^([\s|]*)File "<frozen ([\w.]+)>", line \d+, in (.*)$)re");
    static const std::regex lib_position("<frozen ([\\w.]+)>:\\d+");
    std::istringstream in(std::regex_replace(text, address, " at ADDR"));
    std::string out, line;
    std::size_t skip_indent = std::string::npos;   // drop lines indented deeper than this
    while (std::getline(in, line)) {
        std::smatch m;
        if (skip_indent != std::string::npos) {
            std::size_t indent = line.find_first_not_of(" |");
            if (indent != std::string::npos && indent > skip_indent) continue;
            skip_indent = std::string::npos;
        }
        if (std::regex_match(line, m, lib_frame)) {
            out += m[1].str() + "File <frozen " + m[2].str() + ">, in " + m[3].str() + "\n";
            skip_indent = std::size_t(m[1].length());   // where "File" starts
            continue;
        }
        // A warning issued at a library line: its source line follows.
        if (line.rfind("<frozen ", 0) == 0 && line.find("Warning: ") != std::string::npos) skip_indent = 0;
        out += std::regex_replace(line, lib_position, "<frozen $1>:N") + "\n";
    }
    return out;
}

void check_cases(const std::string& tag) {
    for (const AsyncioCase& c : kCases) {
        if (tag != c.tag) continue;
        SECTION(c.name) {
            RunResult r = run(c.source, "test.py");
            INFO(c.source);
            CHECK(normalize(r.out) == normalize(c.out));
            CHECK(normalize(r.err) == normalize(c.err));
            CHECK(r.status == c.status);
        }
    }
}
}  // namespace

// [timing]: several programs race sleeps a few milliseconds apart; the
// sanitizer build, several times slower, leaves them to the native run.
TEST_CASE("asyncio programs print what CPython 3.11 prints", "[asyncio][timing]") { check_cases("asyncio"); }

TEST_CASE("concurrent.futures programs print what CPython 3.11 prints", "[futures]") { check_cases("futures"); }
