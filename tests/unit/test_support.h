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

}  // namespace gp::test
