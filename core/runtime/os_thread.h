// os_thread.h — the thin platform layer under Python threads.
//
// Mirrors CPython 3.11's Python/thread_pthread.h, reduced to what glasspy
// needs: start a thread, join it, end the calling thread, name threads the
// way `_thread.get_ident()` / `get_native_id()` do, and wait (CondVar,
// os_sleep_until). Nothing else in core/ includes <pthread.h> or sleeps.
//
// Two backends sit under this one interface (ARCHITECTURE.md, decision 6):
//
//   OS threads     POSIX threads: glibc natively, Emscripten's pthreads (one
//                  Web Worker per thread, from a pre-sized pool) in the
//                  pthread WebAssembly build. The default.
//   green threads  when a GreenScheduler is attached to the calling OS
//                  thread (green.h): every "thread" is a fiber with its own
//                  stack on that one OS thread, and every wait parks the
//                  fiber and runs another. The single-thread WebAssembly
//                  build (pages without SharedArrayBuffer) works this way.
//
// The rule that keeps both correct: code in core/ never waits except
// through CondVar::wait_until / wait and os_sleep_until, and never holds a
// std::mutex across one of them (CondVar releases its own). A new blocking
// call follows the same shape as lock_acquire in threads.cpp.
//
// Threads are always created joinable. A Python thread that ends parks its
// handle with the interpreter and a later join reaps it (threads.cpp): under
// Emscripten only a join made on the module's main thread hands the Web
// Worker back to the pool at once, so detaching would leak pool workers
// while the main thread is busy.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace gp {

struct GreenFiber;

struct OsThread {
    void* handle = nullptr;   // the pthread_t, stored as a pointer-sized word; or the GreenFiber*
    bool valid = false;       // a thread was started and not yet joined
    bool green = false;       // handle is a GreenFiber* (green.h)
};

// A deadline meaning "never" for the waits below (monotonic_ns() values).
constexpr uint64_t kNoDeadline = ~uint64_t(0);

// The fibers parked on one CondVar, oldest first (green.cpp links them).
struct GreenWaitList {
    GreenFiber* head = nullptr;
    GreenFiber* tail = nullptr;
};

// A condition variable for both backends. With OS threads it is a
// std::condition_variable; with green threads a waiter parks its fiber on
// `green_` and the scheduler runs another until a notify or the deadline.
class CondVar {
public:
    // Wakes one waiter (the oldest fiber), or all of them.
    void notify_one();
    void notify_all();
    // `lk` is held on entry and on return and released while waiting.
    // Returns false once `deadline_ns` (monotonic_ns()) has passed, true
    // when woken earlier; like any condition variable it may wake
    // spuriously, so callers re-check their predicate in a loop.
    bool wait_until(std::unique_lock<std::mutex>& lk, uint64_t deadline_ns);
    void wait(std::unique_lock<std::mutex>& lk) { wait_until(lk, kNoDeadline); }

private:
    friend class GreenScheduler;
    std::condition_variable cv_;   // OS-thread waiters
    GreenWaitList green_;          // green waiters (only touched on their scheduler's OS thread)
};

// Blocks the calling thread until monotonic_ns() >= deadline_ns (green:
// parks the fiber; others run meanwhile).
void os_sleep_until(uint64_t deadline_ns);

// Starts fn(arg) on a new thread with `stack_size` bytes of stack (0: the
// platform default). Returns 0, or the errno of the failure (EAGAIN when the
// system, or Emscripten's worker pool, has no thread to give). With a green
// scheduler attached to the calling OS thread, the new thread is a fiber
// there (child interpreters too: they interleave on the one OS thread).
// A green thread still parked when its scheduler goes never returns from
// fn; `on_drop(drop_arg)` is called for it then, to give back what the
// thread would have (an OS thread never ends that way).
int os_thread_start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size,
                    void (*on_drop)(void*) = nullptr, void* drop_arg = nullptr);
// Waits for the thread to end and releases its resources.
void os_thread_join(OsThread& t);
// Ends the calling thread without returning (PyThread_exit_thread). Only
// daemon threads that wake up after their interpreter began finalizing use it.
[[noreturn]] void os_thread_exit();
// The calling thread's identity as _thread.get_ident() reports it
// (pthread_self, as CPython does), and its kernel id (get_native_id).
uint64_t os_thread_ident();
uint64_t os_thread_native_id();
// The calling thread as a joinable handle (for a thread that parks itself).
OsThread os_thread_self();
// The identity a started thread will report from os_thread_ident().
uint64_t os_thread_ident_of(const OsThread& t);

}  // namespace gp
