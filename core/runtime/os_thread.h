// os_thread.h — the thin platform layer under Python threads.
//
// Mirrors CPython 3.11's Python/thread_pthread.h, reduced to what glasspy
// needs: start a thread, join it, end the calling thread, and name threads
// the way `_thread.get_ident()` / `get_native_id()` do. Both targets are
// POSIX threads: glibc natively, Emscripten's pthreads (one Web Worker per
// thread, taken from a pre-sized pool) under WebAssembly. Nothing else in
// core/ includes <pthread.h>.
//
// Threads are always created joinable. A Python thread that ends parks its
// handle with the interpreter and a later join reaps it (threads.cpp): under
// Emscripten only a join made on the module's main thread hands the Web
// Worker back to the pool at once, so detaching would leak pool workers
// while the main thread is busy.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gp {

struct OsThread {
    void* handle = nullptr;   // the pthread_t, stored as a pointer-sized word
    bool valid = false;       // a thread was started and not yet joined
};

// Starts fn(arg) on a new thread with `stack_size` bytes of stack (0: the
// platform default). Returns 0, or the errno of the failure (EAGAIN when the
// system, or Emscripten's worker pool, has no thread to give).
int os_thread_start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size);
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
