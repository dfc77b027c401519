// green.h — green threads: Python threads as fibers on one OS thread, for
// hosts that have only one (a page without SharedArrayBuffer). The essay on
// how it works is at the top of green.cpp.
//
// The host provides the one thing C++ cannot: switching between machine
// stacks (FiberHost). wasm/ implements it with Emscripten's Asyncify fibers,
// tests/green/ with POSIX ucontext. core/ stays free of both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "runtime/os_thread.h"

namespace gp {

// What a host must provide to run green threads.
class FiberHost {
public:
    struct Context;   // opaque to the scheduler: a saved machine stack + registers
    virtual ~FiberHost() = default;
    // The context of the stack the scheduler was attached on (the "main"
    // fiber; it exists already, so it is only named here).
    virtual Context* main_context() = 0;
    // A new context that will run entry(arg) on a fresh stack of about
    // `stack_bytes` (0: the host's default) when first swapped to. entry
    // never returns. Null when there is no memory for one.
    virtual Context* create(void (*entry)(void*), void* arg, std::size_t stack_bytes) = 0;
    // Saves the running stack into `from` and resumes `to`. Returns when
    // someone swaps back to `from`.
    virtual void swap(Context* from, Context* to) = 0;
    // Frees a context that is not running and will never run again.
    virtual void destroy(Context* c) = 0;
    // Where a context's machine stack lies (the stack grows down from
    // low + size), for the C-stack guard (cstack.cpp). Size 0: unknown, as
    // for a main context whose stack is the OS thread's own, which the guard
    // measures by itself.
    struct StackRange {
        uintptr_t low = 0;
        std::size_t size = 0;
    };
    virtual StackRange stack_range(Context* c) = 0;
    // Nothing can run for `ns` nanoseconds: sleep. A host with an event loop
    // (a Web Worker) runs it meanwhile, so messages such as Stop arrive.
    virtual void idle(uint64_t ns) = 0;
    // Called every poll_interval_ns() of Python running without a pause, so
    // such a host can take its messages (the worker yields to its event loop).
    virtual void poll() {}
    virtual uint64_t poll_interval_ns() const { return 50'000'000; }
};

// One green thread (fiber). Owned by its scheduler.
struct GreenFiber {
    enum class State { Ready, Running, Parked, Done };
    class GreenScheduler* sched;
    FiberHost::Context* ctx = nullptr;
    void (*fn)(void*) = nullptr;      // the thread's function (null for the main fiber)
    void* arg = nullptr;
    void (*on_drop)(void*) = nullptr;  // called if the scheduler goes while fn has not returned
    void* drop_arg = nullptr;
    uint32_t number = 0;              // 0 = the main fiber; get_native_id() reports it
    uintptr_t stack_limit = 0;        // below this address its stack is nearly gone (c_stack_limit); 0: the OS thread's stack
    State state = State::Ready;
    uint64_t deadline = kNoDeadline;  // while Parked: when it wakes by itself
    GreenWaitList* waiting_on = nullptr;  // while Parked on a CondVar: its list
    GreenFiber* next_waiter = nullptr;    // links in that list
    GreenFiber* prev_waiter = nullptr;
    bool notified = false;            // the last wait ended by a notify, not the deadline
    bool joined = false;              // os_thread_join reaped it (or it is the main fiber)
    CondVar done;                     // notified when the fiber's function returns
};

// The cooperative scheduler of one OS thread. Only one fiber runs at a time;
// switches happen only where the running fiber waits (CondVar, sleep, join)
// and at eval-breaker ticks (tick()), never in the middle of C++ code.
class GreenScheduler {
public:
    explicit GreenScheduler(FiberHost& host);
    ~GreenScheduler();
    GreenScheduler(const GreenScheduler&) = delete;
    GreenScheduler& operator=(const GreenScheduler&) = delete;

    // The scheduler attached to the calling OS thread, or null (OS threads).
    static GreenScheduler* current();
    // RAII: attaches `s` to the calling OS thread, whose stack becomes the
    // main fiber. Interpreters created while it is attached run their
    // threads as fibers of `s`.
    class Attach {
    public:
        explicit Attach(GreenScheduler& s);
        ~Attach();
        Attach(const Attach&) = delete;
        Attach& operator=(const Attach&) = delete;

    private:
        GreenScheduler* previous_;
    };

    // os_thread.h for green threads.
    int start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size,
              void (*on_drop)(void*) = nullptr, void* drop_arg = nullptr);
    void join(OsThread& t);
    [[noreturn]] void exit_current();
    GreenFiber* running() const { return current_; }
    uint64_t ident_of(const GreenFiber* f) const;

    // CondVar and os_sleep_until for green threads.
    bool wait(GreenWaitList& list, std::unique_lock<std::mutex>& lk, uint64_t deadline_ns);
    static void notify(GreenWaitList& list, bool all);
    void sleep_until(uint64_t deadline_ns);

    // The eval breaker's EVAL_GREEN_TICK: counts down and every
    // kTicksPerCheck ticks looks at the clock (check()).
    static constexpr int kTicksPerCheck = 128;
    bool tick_due() { return --countdown_ <= 0; }
    // Wakes fibers whose deadline passed, lets the host poll, and switches
    // to another fiber if one woke up or the running one used its slice.
    void check();

    // Lets every fiber that can run now run until all of them wait (an
    // interpreter ending lets its daemon threads reach their exit).
    void run_ready();

    // Fibers alive (started, not Done), the main fiber excluded.
    std::size_t live_fibers() const;

    // How long a fiber runs before another ready one gets a turn, when
    // nobody woke up meanwhile (CPU-bound isolated interpreters interleave
    // at this rate; threads of one interpreter switch at the GIL's interval).
    static constexpr uint64_t kSliceNs = 5'000'000;

private:
    void make_ready(GreenFiber* f, bool woke);
    void park(uint64_t deadline_ns);   // current_ is Parked: run others until it is Ready again
    void switch_away();                // run the next Ready fiber (maybe current_ itself)
    void wake_expired(uint64_t now);
    static void unlink(GreenFiber* f);
    static void fiber_main(void* p);
    uintptr_t stack_limit_of(FiberHost::Context* ctx) const;

    FiberHost& host_;
    GreenFiber main_;                       // the attaching OS thread's own stack
    GreenFiber* current_ = &main_;          // the fiber running now
    std::vector<GreenFiber*> fibers_;       // every fiber started and not yet joined (owned)
    std::deque<GreenFiber*> ready_;         // runnable, oldest first
    uint64_t next_deadline_ = kNoDeadline;  // earliest deadline of a Parked fiber (a lower bound)
    uint64_t slice_start_ = 0;              // when current_ was switched to
    uint64_t last_poll_ = 0;                // when the host last ran its event loop
    bool woken_ = false;                    // a fiber woke since the last switch
    int countdown_ = kTicksPerCheck;        // ticks left before the next check()
    uint32_t next_number_ = 1;              // numbers for new fibers
};

}  // namespace gp
