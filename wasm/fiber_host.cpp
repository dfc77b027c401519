// fiber_host.cpp — Asyncify fibers for green threads (see fiber_host.h).
//
// How a switch works under Asyncify: emscripten_fiber_swap unwinds the whole
// wasm call stack of the running fiber into its asyncify buffer (every
// function on it was instrumented to save its locals and return), then JS
// rewinds the target fiber from its buffer (each function re-entered and its
// locals restored). A sleep (emscripten_sleep, or the yield below) does the
// same to the running fiber and resumes it from a JS task later, which is
// what lets the worker's event loop deliver Stop and input() messages while
// Python "runs" on a page without SharedArrayBuffer.
#include "fiber_host.h"

#include <emscripten.h>
#include <emscripten/fiber.h>
#include <emscripten/stack.h>

#include <cstdlib>

struct gp::FiberHost::Context {
    emscripten_fiber_t fiber;
    void* c_stack = nullptr;       // malloc'd, null for the main context
    void* asyncify = nullptr;      // malloc'd buffer for the unwound call stack
    uintptr_t stack_low = 0;       // the C (shadow) stack's lowest address
    std::size_t stack_size = 0;    // and its size: the guard's StackRange
};

// Lets the JS event loop run one turn, then resumes: a MessageChannel
// message is a task of its own, without the 4 ms clamp of nested timers.
EM_ASYNC_JS(void, glasspy_yield_to_event_loop, (), {
    await new Promise(function(resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function() {
            channel.port1.close();
            resolve();
        };
        channel.port2.postMessage(0);
    });
});

namespace glasspy_wasm {

AsyncifyFiberHost::AsyncifyFiberHost() : main_(new Context) {
    main_->asyncify = std::malloc(kAsyncifyBytes);
    emscripten_fiber_init_from_current_context(&main_->fiber, main_->asyncify, kAsyncifyBytes);
    // The main fiber runs on the module's own C stack (STACK_SIZE), which
    // grows down from its base to its end.
    main_->stack_low = emscripten_stack_get_end();
    main_->stack_size = emscripten_stack_get_base() - emscripten_stack_get_end();
}

AsyncifyFiberHost::~AsyncifyFiberHost() {
    std::free(main_->asyncify);
    delete main_;
}

gp::FiberHost::Context* AsyncifyFiberHost::main_context() { return main_; }

gp::FiberHost::Context* AsyncifyFiberHost::create(void (*entry)(void*), void* arg, std::size_t stack_bytes) {
    std::size_t size = stack_bytes ? stack_bytes : kCStackBytes;
    size = (size + 15) & ~std::size_t(15);
    void* stack = std::aligned_alloc(16, size);
    void* buffer = stack ? std::malloc(kAsyncifyBytes) : nullptr;
    if (!buffer) {
        std::free(stack);
        return nullptr;
    }
    auto* c = new Context;
    c->c_stack = stack;
    c->asyncify = buffer;
    c->stack_low = reinterpret_cast<uintptr_t>(stack);
    c->stack_size = size;
    emscripten_fiber_init(&c->fiber, entry, arg, stack, size, buffer, kAsyncifyBytes);
    return c;
}

void AsyncifyFiberHost::swap(Context* from, Context* to) { emscripten_fiber_swap(&from->fiber, &to->fiber); }

void AsyncifyFiberHost::destroy(Context* c) {
    if (!c || c == main_) return;
    std::free(c->c_stack);
    std::free(c->asyncify);
    delete c;
}

gp::FiberHost::StackRange AsyncifyFiberHost::stack_range(Context* c) {
    return {c->stack_low, c->stack_size};
}

void AsyncifyFiberHost::idle(uint64_t ns) {
    if (!yield_allowed_) {
        double until = emscripten_get_now() + double(ns) / 1e6;
        while (emscripten_get_now() < until) {
        }
        return;
    }
    // A timer in a busy worker fires no sooner than 4 ms after it is set
    // (nested timers are clamped), so a shorter wait only yields one turn
    // of the event loop and lets the scheduler look at the clock again.
    // Longer waits sleep in whole milliseconds, at most 50 at a time so
    // that a message (Stop, a line for input()) is seen promptly.
    if (ns < 4'000'000u) {
        glasspy_yield_to_event_loop();
        return;
    }
    uint64_t ms = ns / 1'000'000u;
    if (ms > 50) ms = 50;
    emscripten_sleep(unsigned(ms));
}

void AsyncifyFiberHost::poll() {
    if (yield_allowed_) glasspy_yield_to_event_loop();
}

// The module has one OS thread, so one host and one scheduler: the wasm
// glue's only statics (core/ keeps none).
AsyncifyFiberHost& fiber_host() {
    static AsyncifyFiberHost host;
    return host;
}

gp::GreenScheduler& green_scheduler() {
    static gp::GreenScheduler scheduler(fiber_host());
    static gp::GreenScheduler::Attach attach(scheduler);
    return scheduler;
}

}  // namespace glasspy_wasm
