// cli_st_main.cpp — the CLI of the single-thread build (build/wasm/glasspy-st):
// core/cli/main.cpp with a green scheduler attached first (fiber_host.h).
//
// Under Asyncify main() may return to JS early, the first time the program
// yields to the event loop; Emscripten then keeps the runtime alive, and
// the program's real end calls exit() with its status.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "fiber_host.h"
#include "glasspy.h"

#define main glasspy_cli_main
#include "../core/cli/main.cpp"
#undef main

int main(int argc, char** argv) {
    glasspy_wasm::green_scheduler();
    // main's return value is not needed (exit() below carries the status),
    // so the program may yield to Node's event loop all along.
    glasspy_wasm::fiber_host().set_yield_allowed(true);
    int status = glasspy_cli_main(argc, argv);
    std::fflush(stdout);
    std::exit(status);
}
