// processes.h — multiprocessing's machinery: child "processes" that are
// isolated interpreters, and the few objects that several interpreters share.
//
// ARCHITECTURE.md, decision 7. CPython's spawn start method (Lib/multiprocessing/
// popen_spawn_posix.py, spawn.py) starts a fresh python executable, which
// re-imports the parent's main script as __mp_main__, unpickles the Process
// object sent down a pipe and runs it. glasspy does the same inside one OS
// process: a child is a new Interpreter — own heap, allocator, collector and
// GIL — on its own OS thread, so two children really run in parallel.
//
//   parent interpreter                      child OS thread
//   ------------------                      ---------------
//   pickle the Process object
//   spawn_child ─────────────────────────►  Interpreter(config), same output
//   (returns at once; Process.pid)           re-run the main source as __mp_main__
//                                            unpickle, Process._bootstrap()
//   join: wait on ChildProcess::wait  ◄───   exit code; interpreter destroyed;
//                                            done = true, notify
//
// Nothing Python crosses between interpreters: an object made in one heap
// must never be touched by another. What they share is plain C++ state held
// by shared_ptr, outside every heap:
//
//   Channel      a FIFO of byte strings (pickles): Queue, Pipe, the Pool's queues
//   SemLock      a counting semaphore or (recursive) mutex: Lock, RLock,
//                Semaphore, and through them Condition and Event
//   SharedMemory raw bytes: Value and Array
//   ChildProcess a started child: its pid, exit code, termination request
//
// Each is reached from Python through a handle object (core/modules/
// mp_module.cpp). Pickling a handle registers its state in the MpWorld —
// the one object a parent and all its descendants share — under a token;
// unpickling the token in any interpreter of that world finds the same state.
//
// Every wait (a channel get, a semaphore acquire, a join) goes through
// wait_until_ready (threads.h) with the GIL released.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "glasspy.h"
#include "runtime/os_thread.h"
#include "runtime/threads.h"

namespace gp {

class Interpreter;

// What a handle points at (the registry keeps the kind beside the state).
enum class MpKind : int { Channel = 1, SemLock = 2, SharedMemory = 3, Child = 4 };

// A FIFO of pickled messages. `maxsize` 0 means unbounded. All fields are
// guarded by wait.mu; every change notifies wait.cv (getters and putters
// wait on the same variable).
struct Channel {
    WaitCore wait;
    std::deque<std::string> items;   // oldest first
    std::size_t maxsize = 0;         // put() waits while items.size() == maxsize
    int writers = 0;                 // open sending ends (Connection objects, pickled copies in flight)
    bool closed = false;             // the last sending end closed: an empty get raises EOFError
};

// CPython's _multiprocessing.SemLock: a semaphore whose value never exceeds
// maxvalue; a recursive mutex when `recursive`, owned by one (pid, thread)
// and counted. Guarded by wait.mu.
struct SemLock {
    WaitCore wait;
    int kind = 1;                    // 0: RECURSIVE_MUTEX, 1: SEMAPHORE (CPython's constants)
    int64_t value = 1;               // how many acquires may proceed now
    int64_t maxvalue = 1;
    int64_t owner_pid = 0;           // for a mutex: who holds it (pid + thread ident)
    uint64_t owner_thread = 0;
    int64_t count = 0;               // acquisitions by the owner not yet released
};

// Raw shared bytes (Value/Array). Accesses are not atomic by themselves:
// as in CPython, a program that needs atomicity uses get_lock().
struct SharedMemory {
    std::mutex mu;                   // makes each single get/set whole
    std::vector<unsigned char> bytes;
};

struct MpWorld;

// A started child interpreter. `wait` guards done/exitcode/interp.
struct ChildProcess {
    WaitCore wait;
    bool done = false;               // the child's interpreter is gone
    int exitcode = 0;                // valid once done
    Interpreter* interp = nullptr;   // the running child, to deliver terminate(); null before/after
    bool terminate_pending = false;  // terminate() came before the child's interpreter existed
    int64_t pid = 0;                 // os.getpid() inside the child
    int64_t parent_pid = 0;          // os.getppid() inside the child
    OsThread thread;                 // joined once, by whoever sees done first (reap)
    bool joined = false;             // guarded by wait.mu
    // What the child needs to start (read only by the child thread).
    Config config;
    OutputSink output;
    std::string main_source, main_filename;
    std::string payload;             // the pickled Process object
    std::shared_ptr<MpWorld> world;
};

// What a family of interpreters (a parent and every child it spawned,
// recursively) shares: pid numbers and the registry of pickled handles.
struct MpWorld {
    std::mutex mu;
    int64_t next_pid;                // the next child's pid
    uint64_t next_token = 1;
    struct Entry {
        MpKind kind;
        std::shared_ptr<void> state;
    };
    std::unordered_map<uint64_t, Entry> handles;   // token -> state (kept for the world's life)
    std::unordered_map<const void*, uint64_t> tokens;   // state -> its token
    std::mutex output_mu;            // one write to the shared stdout/stderr sink at a time

    explicit MpWorld(int64_t first_pid) : next_pid(first_pid) {}
    // The token naming `state`, registering it on first use.
    uint64_t token_for(MpKind kind, const std::shared_ptr<void>& state);
    // The state registered under `token` with that kind, or null.
    std::shared_ptr<void> find(MpKind kind, uint64_t token);
};

// The world `interp` belongs to, made on first use in a root interpreter.
MpWorld& mp_world(Interpreter& interp);
// os.getpid() / os.getppid() as this interpreter sees them.
int64_t mp_getpid(Interpreter& interp);
int64_t mp_getppid(Interpreter& interp);

// Starts `child` (its payload, config, output and program filled in) on a
// new OS thread. Returns 0 or the errno of the failure (EAGAIN when the
// platform or the WebAssembly worker pool has no thread left).
int spawn_child(ThreadState* ts, const std::shared_ptr<ChildProcess>& child);
// Asks the child to stop at its next eval-breaker check (Process.terminate):
// it raises SystemExit(-15) in the child's main thread, the exit code a
// SIGTERM gives in CPython. No effect once it has ended.
void terminate_child(ChildProcess& child);
// Joins the child's OS thread if it has ended and nobody did yet.
void reap_child(ThreadState* ts, ChildProcess& child);

// Runs a spawned child's program in `interp` (session.cpp): the site
// builtins, then multiprocessing.spawn._child_main(payload), then thread
// shutdown and atexit, as a process would. Returns the exit code.
int run_child_main(Interpreter& interp, const std::string& payload);

}  // namespace gp
