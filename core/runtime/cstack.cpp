// cstack.cpp — how much machine stack the calling thread has left.
//
// Python-to-Python calls never recurse in C++ (the eval loop pushes frames
// on its own frame stack), but some things do: a __repr__ called by repr(),
// the repr or == of containers nested a hundred thousand deep, a key
// function called by sorted(). sys.getrecursionlimit() counts those levels,
// yet a program may raise the limit past what the machine stack holds, or
// start a thread with a small threading.stack_size(). So the guards that
// count those levels (EvalEntry in eval.cpp, CRecursionGuard in
// abstract.cpp) also ask c_stack_exhausted(): once the stack pointer gets
// within a safety margin of the stack's end, the next level raises
// RecursionError, and the margin is left for raising it and unwinding.
//
// The stack's bounds come from the thread's attributes, measured once per
// OS thread (a ThreadState is normally driven by one thread, but a Session
// may be used from another one later: the measurement follows it).
#include "runtime/interpreter.h"

#ifndef __EMSCRIPTEN__
#include <pthread.h>
#endif

namespace gp {

#ifdef __EMSCRIPTEN__

// In WebAssembly what overflows first is the engine's own stack, which a
// program cannot see; eval.cpp's fixed count of nested loops guards it.
bool c_stack_exhausted(ThreadState*) { return false; }

#else

namespace {

// A quarter of the stack, at least 128 KiB (one level of the eval loop
// plus the RecursionError being raised, with room to spare even under
// AddressSanitizer's larger frames), at most 2 MiB, and never more than
// half of a small thread stack.
uintptr_t safety_margin(std::size_t size) {
    std::size_t m = size / 4;
    if (m < std::size_t(128) * 1024) m = std::size_t(128) * 1024;
    if (m > std::size_t(2) * 1024 * 1024) m = std::size_t(2) * 1024 * 1024;
    if (m > size / 2) m = size / 2;
    return uintptr_t(m);
}

void measure(ThreadState* ts, uint64_t self) {
    ts->c_stack_thread = self;
    ts->c_stack_low = 1;   // unknown bounds: never reported exhausted
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
    void* addr = nullptr;
    std::size_t size = 0;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size)
        ts->c_stack_low = reinterpret_cast<uintptr_t>(addr) + safety_margin(size);   // the stack grows down
    pthread_attr_destroy(&attr);
}

}  // namespace

bool c_stack_exhausted(ThreadState* ts) {
    char probe;
    const uintptr_t here = reinterpret_cast<uintptr_t>(&probe);
    const uint64_t self = static_cast<uint64_t>(pthread_self());
    if (ts->c_stack_thread != self || ts->c_stack_low == 0) [[unlikely]] measure(ts, self);
    return here < ts->c_stack_low;
}

#endif

}  // namespace gp
