// main.cpp — the glasspy command line, shaped like CPython's:
//
//   glasspy FILE.py [args...]    run a file as __main__
//   glasspy -c CODE [args...]    run a string
//   glasspy [-]                  read the program from standard input
//   glasspy --dis FILE|-c CODE   print the bytecode instead of running it
//                                (a glasspy extension, dis.dis() format)
//   glasspy --heap-limit SIZE ...  cap the interpreter's heap (bytes, or with
//                                a K/M/G suffix); past it allocations raise
//                                MemoryError. GLASSPY_HEAP_LIMIT does the same.
//   PYTHONTRACEMALLOC=N          tracemalloc.start(N) before the program runs
//   GLASSPY_EVAL_REENTRY=N       the eval loop re-enters itself every N loop
//                                turns and calls, 0 never (eval.cpp; the
//                                wasm build's default is on)
//
// The same file is the native CLI and, built with Emscripten, the program
// behind build/wasm/glasspy (Node, real filesystem through NODERAWFS).
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "glasspy.h"

namespace {

gp::Session* g_session = nullptr;   // for the SIGINT handler only

extern "C" void on_sigint(int) {
    if (g_session) g_session->request_interrupt();
}

int usage() {
    std::fprintf(stderr, "usage: glasspy [--heap-limit SIZE] [-c cmd | file | -] [arg] ...\n");
    return 2;
}

// "4096", "64K", "256M", "2G" -> bytes; false if malformed.
bool parse_size(const char* text, std::size_t* out) {
    char* end = nullptr;
    errno = 0;
    unsigned long long v = std::strtoull(text, &end, 10);
    if (end == text || errno) return false;
    unsigned shift = 0;
    switch (*end) {
        case '\0': break;
        case 'k': case 'K': shift = 10; end++; break;
        case 'm': case 'M': shift = 20; end++; break;
        case 'g': case 'G': shift = 30; end++; break;
        default: return false;
    }
    if (*end == 'B' || *end == 'b') end++;
    if (*end || (shift && v > (~0ull >> shift))) return false;
    *out = std::size_t(v << shift);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::string source, filename;
    std::vector<std::string> script_argv;
    int i = 1;
    bool dis_only = false;
    std::size_t heap_limit = 0;
    if (const char* env = std::getenv("GLASSPY_HEAP_LIMIT"); env && *env && !parse_size(env, &heap_limit)) {
        std::fprintf(stderr, "glasspy: GLASSPY_HEAP_LIMIT: invalid size '%s'\n", env);
        return 2;
    }
    // PYTHONTRACEMALLOC=N: trace allocations from the start, N frames deep.
    int tracemalloc_frames = 0;
    if (const char* env = std::getenv("PYTHONTRACEMALLOC"); env && *env) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (*end || n < 0 || n > 65535) {
            std::fprintf(stderr, "Fatal Python error: config_init_tracemalloc: PYTHONTRACEMALLOC: invalid number of frames\n");
            return 1;
        }
        tracemalloc_frames = int(n);
    }
    // GLASSPY_EVAL_REENTRY=N: the eval loop re-enters itself every N loop
    // turns and calls (0: never); the default suits the build (glasspy.h).
    int eval_reentry_interval = gp::kDefaultEvalReentryInterval;
    if (const char* env = std::getenv("GLASSPY_EVAL_REENTRY"); env && *env) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (*end || n < 0 || n > 1000000000) {
            std::fprintf(stderr, "glasspy: GLASSPY_EVAL_REENTRY: invalid count '%s'\n", env);
            return 2;
        }
        eval_reentry_interval = int(n);
    }
    // PYTHONHASHSEED: "random" or an integer in [0; 2**32 - 1], as CPython reads it.
    int64_t hash_seed = -1;
    if (const char* env = std::getenv("PYTHONHASHSEED"); env && *env && std::strcmp(env, "random") != 0) {
        char* end = nullptr;
        errno = 0;
        unsigned long long n = std::strtoull(env, &end, 10);
        if (*end || errno || env[0] == '-' || n > 4294967295ull) {
            std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\n");
            return 1;
        }
        hash_seed = int64_t(n);
    }
    for (;;) {
        if (i < argc && std::strcmp(argv[i], "--dis") == 0) {
            dis_only = true;
            i++;
        } else if (i < argc && std::strcmp(argv[i], "--heap-limit") == 0) {
            if (i + 1 >= argc || !parse_size(argv[i + 1], &heap_limit)) {
                std::fprintf(stderr, "glasspy: --heap-limit needs a size such as 64M\n");
                return usage();
            }
            i += 2;
        } else {
            break;
        }
    }
    if (i < argc && std::strcmp(argv[i], "-c") == 0) {
        if (i + 1 >= argc) {
            std::fprintf(stderr, "Argument expected for the -c option\n");
            return usage();
        }
        source = argv[i + 1];
        filename = "<string>";
        script_argv.push_back("-c");
        i += 2;
    } else if (i < argc && (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0)) {
        std::printf("usage: glasspy [-c cmd | file | -] [arg] ...\n"
                    "glasspy is a glass-box Python 3.11: its GIL, reference counts, allocator\n"
                    "and collector are real mechanisms you can watch.\n");
        return 0;
    } else if (i < argc && std::strcmp(argv[i], "-") != 0) {
        // CPython 3.11 runs the script under its absolute path (cwd joined
        // with the argument, not normalized): tracebacks and __file__ show it.
        filename = argv[i];
        if (filename[0] != '/') {
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd)) filename = std::string(cwd) + "/" + filename;
        }
        std::ifstream in(filename, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", argv[0],
                         filename.c_str());
            return 2;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        source = ss.str();
        script_argv.push_back(argv[i]);
        i += 1;
    } else {
        if (i < argc) i++;   // "-"
        source.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        filename = "<stdin>";
        script_argv.push_back(i > 1 ? "-" : "");
    }
    for (; i < argc; i++) script_argv.push_back(argv[i]);

    gp::Config config;
    config.argv = script_argv;
    config.heap_limit = heap_limit;
    config.tracemalloc_frames = tracemalloc_frames;
    config.eval_reentry_interval = eval_reentry_interval;
    config.hash_seed = hash_seed;
    gp::Session session(config);
    if (dis_only) {
        std::fputs(session.disassemble(source, filename).c_str(), stdout);
        return 0;
    }
    g_session = &session;
    std::signal(SIGINT, on_sigint);
    int status = session.run_main(source, filename);
    std::fflush(stdout);
    g_session = nullptr;
    return status;
}
