// test_support.h — running Python source in a fresh interpreter and
// capturing what it prints, for the unit tests.
#pragma once

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

}  // namespace gp::test
