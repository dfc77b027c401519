// fiber_host.h — the FiberHost of the single-thread WebAssembly build
// (glasspy-st): green threads (core/runtime/green.h) over Emscripten's
// Asyncify fibers, and a worker event loop that keeps turning while Python
// runs. Compiled only into the -st targets, which link with -sASYNCIFY.
#pragma once

#include "runtime/green.h"

namespace glasspy_wasm {

class AsyncifyFiberHost : public gp::FiberHost {
public:
    AsyncifyFiberHost();
    ~AsyncifyFiberHost() override;
    Context* main_context() override;
    Context* create(void (*entry)(void*), void* arg, std::size_t stack_bytes) override;
    void swap(Context* from, Context* to) override;
    void destroy(Context* c) override;
    void idle(uint64_t ns) override;
    void poll() override;
    StackRange stack_range(Context* c) override;

    // Whether the running program may give the event loop a turn (idle,
    // poll). Only while runAsync runs: a yield unwinds the wasm stack up to
    // the JS caller, which then gets no return value, so a plain call (the
    // Interpreter's constructor, a snapshot) must never yield. Without it,
    // idle() waits on the clock instead.
    void set_yield_allowed(bool allowed) { yield_allowed_ = allowed; }

    // A fiber's C stack (the shadow stack in linear memory) and the buffer
    // Asyncify unwinds its wasm call stack into at each switch. Both must
    // hold the deepest nesting the interpreter allows (eval.cpp's
    // kMaxEvalEntries, 700): two threads sleeping 690 eval loops deep fit
    // (measured under Node with --liftoff-only, where V8's own stack
    // allows that depth; see README, "Known limit").
    static constexpr std::size_t kCStackBytes = 1u << 20;
    static constexpr std::size_t kAsyncifyBytes = 1u << 20;

private:
    Context* main_;
    bool yield_allowed_ = false;   // see set_yield_allowed
};

// The host under green_scheduler().
AsyncifyFiberHost& fiber_host();

// The scheduler of this module's one thread, attached on first use.
gp::GreenScheduler& green_scheduler();

}  // namespace glasspy_wasm
