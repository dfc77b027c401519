// test_support.h — running Python source in a fresh interpreter and
// capturing what it prints, for the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>

#include "glasspy.h"

namespace gp::test {

struct RunResult {
    int status;
    std::string out;   // sys.stdout
    std::string err;   // sys.stderr
};

inline RunResult run(const std::string& source, const std::string& filename = "<test>") {
    Session session;
    RunResult r{0, "", ""};
    session.set_output([&](Stream s, std::string_view text) {
        (s == Stream::Stdout ? r.out : r.err).append(text);
    });
    r.status = session.run_main(source, filename);
    return r;
}

// repr(expr) as the program prints it, or the last line of the traceback
// ("ZeroDivisionError: division by zero") when evaluating it raises.
inline std::string ev(const std::string& expr) {
    RunResult r = run("print(repr((" + expr + ")))");
    if (r.status == 0) {
        if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
        return r.out;
    }
    std::string err = r.err;
    while (!err.empty() && err.back() == '\n') err.pop_back();
    return err.substr(err.rfind('\n') + 1);
}

// A program and the stdout CPython 3.11 gave it, as the gen_*_cases.py
// scripts record them into a .inc file of these (recorded.py).
struct RecordedCase {
    const char* tag;        // the subsystem: which TEST_CASE runs it
    const char* name;       // the behaviour the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};

// Runs every case carrying `tag`, each in a section of its own: it must
// print exactly what CPython printed and exit 0. At least one case must
// carry the tag.
template <std::size_t N>
void run_recorded_cases(const RecordedCase (&cases)[N], const char* tag) {
    int n = 0;
    for (const RecordedCase& c : cases) {
        if (std::string(c.tag) != tag) continue;
        n++;
        SECTION(c.name) {
            auto r = run(c.source, "test.py");
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
    CHECK(n > 0);
}

}  // namespace gp::test
