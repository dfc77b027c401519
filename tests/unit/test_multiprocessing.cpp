// multiprocessing (core/lib/multiprocessing over runtime/processes.h): child
// processes are interpreters on their own OS threads, started with spawn
// semantics. The programs and CPython's output for them are in
// mp_cases.inc (recorded by gen_mp_cases.py).
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

using gp::test::run;

namespace {

struct MpCase {
    const char* name;       // the behaviour the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
    const char* errors;     // its stderr, library frames left out
};
const MpCase kCases[] = {
#include "mp_cases.inc"
};

// The traceback entries of library files (a "  File" line and the indented
// lines after it) go, as gen_mp_cases.py drops CPython's.
std::string own_frames(const std::string& text) {
    std::string kept;
    bool skipping = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        std::string line = text.substr(pos, end - pos);
        pos = end;
        if (line.rfind("  File \"", 0) == 0) skipping = line.find("\"test.py\"") == std::string::npos;
        else if (!(skipping && line.rfind("    ", 0) == 0)) skipping = false;
        if (!skipping) kept += line;
    }
    return kept;
}

}  // namespace

TEST_CASE("multiprocessing programs print what CPython 3.11 prints", "[multiprocessing]") {
    for (const MpCase& c : kCases) {
        SECTION(c.name) {
            // A file name (not "<test>"): children re-run the main module
            // only when it came from a file, as in CPython.
            auto r = run(c.source, "test.py");
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(own_frames(r.err) == c.errors);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("two children run in separate interpreters with their own pids and heaps", "[multiprocessing]") {
    auto r = run(R"(
import multiprocessing as mp, os, sys
def report(q):
    q.put((os.getpid(), os.getppid(), id(sys), sys.getrefcount(None) > 0))
if __name__ == "__main__":
    q = mp.Queue()
    ps = [mp.Process(target=report, args=(q,)) for _ in range(2)]
    for p in ps: p.start()
    got = sorted(q.get() for _ in ps)
    for p in ps: p.join()
    print(got[0][0] != got[1][0], {g[1] for g in got} == {os.getpid()}, sorted(p.pid for p in ps) == [g[0] for g in got])
)", "test.py");
    INFO(r.err);
    CHECK(r.out == "True True True\n");
}

TEST_CASE("a program given as -c text does not run again in the child", "[multiprocessing]") {
    // CPython re-runs only a main module that has __file__; functions of a
    // -c program cannot be found by name in the child.
    auto r = run(R"(
import multiprocessing as mp
def f(): print("never")
p = mp.Process(target=f); p.start(); p.join(); print(p.exitcode)
)", "<string>");
    CHECK(r.out == "1\n");
    CHECK(r.err.find("AttributeError: Can't get attribute 'f' on <module '__main__'") != std::string::npos);
}

TEST_CASE("a child terminated while it is still starting exits with -15 and prints nothing", "[multiprocessing]") {
    // Regression: the SystemExit(-15) raised while the child imported its
    // site builtins was printed as a traceback and lost, and the child ran
    // its target anyway (a Pool whose start failed then hung in join).
    auto r = run(R"(
import multiprocessing as mp, time
if __name__ == "__main__":
    ps = [mp.Process(target=time.sleep, args=(30,)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.terminate()
    for p in ps: p.join()
    print([p.exitcode for p in ps])
)", "test.py");
    CHECK(r.out == "[-15, -15, -15]\n");
    CHECK(r.err == "");
}
