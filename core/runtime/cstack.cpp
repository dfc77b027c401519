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
// Which stack
// -----------
// Natively, an OS thread's stack bounds come from its attributes, measured
// once per OS thread (a ThreadState is normally driven by one thread, but a
// Session may be used from another one later: the measurement follows it).
//
// Green threads (green.h) each run on a stack the FiberHost allocated —
// mmap'd natively (tests/green), a malloc'd region of linear memory in the
// single-thread WebAssembly build, where Asyncify fibers switch the shadow
// stack pointer. The OS thread's bounds say nothing about those (a fiber's
// stack usually lies below the thread's, which would read as "exhausted" at
// once), so when a scheduler is attached the guard asks it for the running
// fiber, whose limit was computed from the host's StackRange when the fiber
// was made. The main fiber runs on the OS thread's own stack: natively its
// limit is 0 and the measurement above applies; the WebAssembly host knows
// the main stack's bounds and reports them.
//
// In WebAssembly an OS thread (the main one, or a pthread with the
// threading.stack_size() it was given) has a shadow stack in linear memory
// whose bounds Emscripten reports; running past its end would overwrite the
// heap, so it is measured like a native stack. The engine's own stack, which
// holds the rest of each frame and which a program cannot see, is guarded
// by counting levels instead (kEngineLevelBudget, interpreter.h).
#include "runtime/green.h"
#include "runtime/interpreter.h"

#include <pthread.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/stack.h>
#endif

namespace gp {

// Natively a quarter of the stack, at least 128 KiB (one level of the eval
// loop plus the RecursionError being raised, with room to spare even under
// AddressSanitizer's larger frames), at most 2 MiB. WebAssembly keeps only
// the locals whose address is taken on its C stack (the shadow stack; the
// rest live on the engine's), a level there takes about 1.5 KiB, so a
// sixteenth, 16 KiB to 256 KiB, is room enough, and a green thread's 1 MiB
// holds about 600 levels. Never more than half of a small thread stack.
uintptr_t c_stack_limit(uintptr_t low, std::size_t size) {
#ifdef __EMSCRIPTEN__
    std::size_t m = size / 16;
    const std::size_t lo = std::size_t(16) * 1024, hi = std::size_t(256) * 1024;
#else
    std::size_t m = size / 4;
    const std::size_t lo = std::size_t(128) * 1024, hi = std::size_t(2) * 1024 * 1024;
#endif
    if (m < lo) m = lo;
    if (m > hi) m = hi;
    if (m > size / 2) m = size / 2;
    return low + uintptr_t(m);   // the stack grows down
}

namespace {

void measure(ThreadState* ts, uint64_t self) {
    ts->c_stack_thread = self;
    ts->c_stack_low = 1;   // unknown bounds: never reported exhausted
#ifdef __EMSCRIPTEN__
    const uintptr_t base = emscripten_stack_get_base(), end = emscripten_stack_get_end();
    if (end && base > end) ts->c_stack_low = c_stack_limit(end, std::size_t(base - end));
#else
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
    void* addr = nullptr;
    std::size_t size = 0;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size)
        ts->c_stack_low = c_stack_limit(reinterpret_cast<uintptr_t>(addr), size);
    pthread_attr_destroy(&attr);
#endif
}

}  // namespace

bool c_stack_exhausted(ThreadState* ts) {
    char probe;
    const uintptr_t here = reinterpret_cast<uintptr_t>(&probe);
    if (GreenScheduler* g = GreenScheduler::current()) [[unlikely]] {
        if (uintptr_t limit = g->running()->stack_limit) return here < limit;
    }
    // pthread_t is an integer natively and a pointer in Emscripten.
    const pthread_t t = pthread_self();
    uint64_t self = 0;
    static_assert(sizeof t <= sizeof self);
    __builtin_memcpy(&self, &t, sizeof t);
    if (ts->c_stack_thread != self || ts->c_stack_low == 0) [[unlikely]] measure(ts, self);
    return here < ts->c_stack_low;
}

}  // namespace gp
