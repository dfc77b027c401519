// green_main.cpp — build/native/glasspy-green: the native CLI with Python
// threads as green threads (core/runtime/green.h) on one OS thread, as the
// single-thread WebAssembly build runs them. core/cli/main.cpp is compiled
// with its main() renamed to glasspy_cli_main (see CMakeLists.txt).
#include "ucontext_host.h"

int glasspy_cli_main(int argc, char** argv);

int main(int argc, char** argv) {
    gp::test::UcontextHost host;
    gp::GreenScheduler scheduler(host);
    gp::GreenScheduler::Attach attach(scheduler);
    return glasspy_cli_main(argc, argv);
}
