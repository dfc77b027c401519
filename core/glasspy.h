// glasspy.h — the embedding surface of the glasspy core.
//
// Everything outside core/ (the native CLI, the Embind bindings in wasm/, the
// tests) drives the interpreter through this header only. It is deliberately
// small: create an interpreter, point its output somewhere, run source, ask
// it to stop. The interpreter itself (core/runtime/interpreter.h) is opaque.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "memory/heap_snapshot.h"
#include "runtime/gil.h"
#include "trace/trace.h"

namespace gp {

class Interpreter;

enum class Stream : int { Stdout = 1, Stderr = 2 };

// Receives everything the program writes to sys.stdout / sys.stderr
// (print output, tracebacks, SyntaxError reports), as UTF-8 chunks. An
// empty chunk means the program flushed that stream: a sink that buffers
// passes on what it holds.
using OutputSink = std::function<void(Stream, std::string_view)>;

// Eval-breaker checks (loop turns, function entries) after which the eval
// loop leaves its C++ activation and enters it again where it stopped, so
// that a WebAssembly engine's optimized code, compiled while the program
// runs, is used by the program's main loop too (eval.cpp, "Re-entering the
// loop"). Natively there is nothing to gain, so it is off (0).
#ifdef __EMSCRIPTEN__
inline constexpr int kDefaultEvalReentryInterval = 10000;
#else
inline constexpr int kDefaultEvalReentryInterval = 0;
#endif

struct Config {
    std::vector<std::string> argv;   // sys.argv; argv[0] is the script name
    std::size_t heap_limit = 0;      // bytes; 0 means no limit
    int tracemalloc_frames = 0;      // > 0: tracemalloc.start(n) before anything runs (PYTHONTRACEMALLOC)
    int eval_reentry_interval = kDefaultEvalReentryInterval;   // 0: never (GLASSPY_EVAL_REENTRY)
    // PYTHONHASHSEED: -1 (or unset) hashes str and bytes with a random key;
    // 0 turns randomization off; 1..4294967295 derive the key as CPython
    // does, so set and dict orders of strings match CPython's.
    int64_t hash_seed = -1;
};

// One Python interpreter with all of its state. Several may live in one
// process at once (tests, widgets on one page, child "processes").
class Session {
public:
    explicit Session(Config config = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Where stdout/stderr go. Default: the process's own stdout/stderr.
    void set_output(OutputSink sink);
    // Where input() reads a line from (without the newline; false: EOF, or
    // the host's interrupt ended the wait). Default: the process's stdin.
    // Called without the GIL, so other Python threads run while it waits;
    // a host that waits by polling should sleep with gp::os_sleep_until
    // (runtime/os_thread.h), which also lets green threads run.
    void set_input(std::function<bool(std::string&)> source);

    // Called on the main thread (the one in run_main) about every 20 ms
    // while it waits in a blocking call (join, a lock, a queue, sleep), and
    // each time it takes the GIL back from another thread: a host that can
    // act only on that thread (the browser worker's JavaScript) passes on
    // there the output other threads wrote meanwhile. It may run without the
    // GIL and must not touch Python objects.
    void set_wait_callback(std::function<void()> callback);

    // Compiles and runs `source` as the module __main__. An uncaught exception
    // prints a CPython-format traceback to stderr. Returns the process exit
    // status CPython would use: 0, 1 for an uncaught exception or a syntax
    // error, or the code passed to SystemExit.
    int run_main(std::string_view source, std::string_view filename);

    // Ends the program the way the interpreter's exit does (the module part
    // of CPython's Py_FinalizeEx): __main__'s namespace, then every other
    // module's, is cleared and the cycles collected, so finalizers that run
    // at exit (__del__, weakref callbacks) run now and print through the
    // output sink. The session runs no code afterwards; destroying it still
    // returns its whole heap. Destroying a session that was not finalized
    // does this first.
    void finalize();

    // Thread-safe and async-signal-safe: asks the running program to raise
    // KeyboardInterrupt at its next eval-breaker check. In WebAssembly the
    // flag word lives in shared linear memory, so another JS thread may also
    // set it directly: Atomics.or(HEAP32, interrupt_flag_address() >> 2, 1)
    // (bit 0 of the eval-breaker word; the other bits must be preserved).
    void request_interrupt();

    // Compiles `source` and returns its disassembly in dis.dis() format, or
    // the SyntaxError report if it does not compile.
    std::string disassemble(std::string_view source, std::string_view filename);
    std::uintptr_t interrupt_flag_address() const;

    // The heap as plain data: arenas and pools, size classes, totals, and
    // live objects per type (for the memory panel; see heap_snapshot.h).
    HeapSnapshot heap_snapshot();
    // The heap limit in bytes (0: none). Past it allocations fail and the
    // program gets MemoryError; lowering it below what is in use only
    // stops further growth.
    std::size_t heap_limit() const;
    void set_heap_limit(std::size_t bytes);

    // Per Python thread: time holding and waiting for the GIL, acquisitions,
    // drop requests and forced switches (the GIL timeline panel; gil.h).
    std::vector<GilThreadStats> gil_stats() const;
    // The trace stream (trace.h): off by default; when on, GIL handoffs,
    // thread starts/ends, collections and arena traffic are recorded.
    void set_tracing(bool on);
    std::vector<TraceEvent> trace_events(uint64_t* dropped = nullptr) const;

    Interpreter& interpreter() { return *interp_; }

private:
    std::unique_ptr<Interpreter> interp_;
};

}  // namespace gp
