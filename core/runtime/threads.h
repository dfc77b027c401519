// threads.h — Python threads: starting and ending them, their ThreadStates,
// and the blocking primitives every thread-aware module builds on (a lock
// that waits without the GIL, an interruptible sleep).
//
// Mirrors CPython 3.11's Modules/_threadmodule.c (thread_PyThread_start_new_thread,
// t_bootstrap, acquire_timed) and the thread-state half of Python/pystate.c.
// The GIL itself is in gil.{h,cpp}; the _thread module that exposes all of
// this to Python is core/modules/thread_module.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

#include "objects/object.h"
#include "runtime/os_thread.h"

namespace gp {

class Interpreter;

// The state behind a _thread.lock: a flag, a mutex guarding it and a
// condition variable to wait on. Shared (shared_ptr) between the Python lock
// object and every thread waiting for it without the GIL, so a waiter never
// outlives the memory it sleeps on.
struct LockCore {
    std::mutex mu;
    CondVar cv;
    bool locked = false;   // guarded by mu

    // Clears the flag and wakes one waiter. False if it was not locked.
    bool release();
};

enum class AcquireResult { Acquired, Failed, Error };

// acquire_timed: takes `core`. Without `blocking`, only tries. Otherwise it
// waits (timeout < 0: for ever, else that many seconds) with the GIL
// released. In the main thread a host interrupt (Ctrl+C, the Stop button)
// ends the wait with KeyboardInterrupt raised (Error).
AcquireResult lock_acquire(ThreadState* ts, const std::shared_ptr<LockCore>& core, bool blocking, double timeout);

// A place where a thread waits until a condition that another thread makes
// true holds: a mutex and a condition variable. Like LockCore it is shared
// (shared_ptr) with every waiter; the condition itself lives in the caller's
// data, guarded by `mu`. Whoever changes that data notifies `cv`.
// Used across interpreters too (multiprocessing's channels, semaphores and
// child processes, core/modules/mp_module.cpp).
struct WaitCore {
    std::mutex mu;
    CondVar cv;   // os_thread.h: parks a green thread, blocks an OS thread
};

enum class WaitResult { Ready, Timeout, Error };

// wait_until_ready: calls try_take() with core->mu held until it returns
// true (it both tests the condition and, if it holds, acts on it, e.g. pops
// an item), waiting on core->cv with the GIL released in between; timeout
// < 0 waits for ever, 0 only tries. In the main thread a host interrupt
// ends the wait with KeyboardInterrupt raised (Error). This is the one wait
// loop for conditions other than a lock's flag; on a green scheduler its
// CondVar parks the fiber and the other threads (and processes) run.
WaitResult wait_until_ready(ThreadState* ts, WaitCore& core, const std::function<bool()>& try_take, double timeout);

// time.sleep's wait, with the GIL released; the main thread wakes for an
// interrupt. False with KeyboardInterrupt raised.
bool sleep_interruptible(ThreadState* ts, double seconds);

// If the host asked to interrupt and `ts` is the main thread: clears the
// request and raises KeyboardInterrupt (returns false). Other threads never
// see KeyboardInterrupt, as in CPython.
bool handle_interrupt(ThreadState* ts);
bool is_main_thread(ThreadState* ts);

// _thread.start_new_thread(func, args, kwargs): returns the new thread's
// ident, or null with RuntimeError("can't start new thread") when the
// platform (or the WebAssembly worker pool) has no thread to give.
Ref<> start_new_thread(ThreadState* ts, Object* func, Object* args, Object* kwargs);

// Joins OS threads whose Python thread has ended (see os_thread.h).
void reap_finished_threads(Interpreter& interp);
// Once finalization has begun: gives back what the daemon threads still
// running own (their frames, their start function and arguments, their
// thread state's references). They never run Python code again.
void release_daemon_threads(Interpreter& interp);

}  // namespace gp
