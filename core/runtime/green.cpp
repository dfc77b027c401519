// green.cpp — green threads: many Python threads on one OS thread.
//
// Why
// ---
// A page that is not cross-origin isolated has no SharedArrayBuffer, so the
// WebAssembly module cannot start a second thread at all. The lesson of the
// GIL does not need parallelism, though: it needs threads that run one at a
// time, hand over at the eval breaker after a switch interval, and let the
// others run while one sleeps or waits. A scheduler that runs every Python
// thread as a fiber — a stack of its own, switched to and from explicitly —
// on the one OS thread gives exactly that. CPython had the same split once
// (its old "--with-pth" GNU Pth build; greenlet today).
//
// What stays the same
// -------------------
// Everything above os_thread.h: the GIL (gil.cpp) with its mutex, condition
// variables, interval, drop requests and forced switches; locks, sleep,
// join; the trace events and per-thread statistics. They wait through
// CondVar and os_sleep_until, which park the running fiber here instead of
// blocking the OS thread. So a waiter "times out" after one interval, sets
// the drop request, and the holder honours it at its next eval-breaker
// check — the same code path, the same events, in the same order.
//
// When fibers switch
// ------------------
// Nothing can interrupt a running fiber, so switches happen only where it
// gives up the processor (cooperative scheduling):
//
//   * it waits (park): CondVar::wait_until, os_sleep_until, join. The next
//     Ready fiber runs; if none is Ready, the scheduler sleeps until the
//     earliest deadline of a parked fiber (FiberHost::idle — a Web Worker
//     runs its event loop meanwhile).
//   * it reaches an eval-breaker tick. An interpreter on a green scheduler
//     keeps EVAL_GREEN_TICK set in its eval-breaker word, so the eval loop
//     calls in at every backward jump and function entry; every
//     kTicksPerCheck ticks check() reads the clock, wakes the fibers whose
//     deadline has passed and switches if one woke (an OS would run a waking
//     thread on another core at once) or if the running fiber has had a
//     whole slice (kSliceNs) while others were Ready.
//
// A fiber is switched away only at those points, where it holds no C++
// mutex and no Python object is half-built, so the core needs no further
// care: std::mutex is still taken and released as before (never contended).
//
// Fairness comes from one FIFO of Ready fibers. Within one interpreter the
// GIL decides who runs Python, as with OS threads; isolated interpreters
// (multiprocessing children) share the OS thread slice by slice, since the
// scheduler belongs to the OS thread, not to an interpreter.
//
// States of a fiber
// -----------------
//     Ready --(switched to)--> Running --(wait)--> Parked --(notify/deadline)--> Ready
//                              Running --(tick: slice used or someone woke)--> Ready
//                              Running --(function returns / exit)--> Done --(join)--> freed
//
// The host's part
// ---------------
// C++ cannot switch stacks; FiberHost does. wasm/ uses Emscripten's Asyncify
// fibers (the stack is unwound into a buffer and rewound later), the native
// tests use POSIX ucontext. core/ includes neither.
#include "runtime/green.h"

#include <cerrno>
#include <cstdlib>

#include "runtime/interpreter.h"
#include "trace/trace.h"

namespace gp {

// The scheduler attached to this OS thread. A scheduler is the state of an
// OS thread (its fibers run nowhere else), so this is the one thread-local
// in core/: os_thread.cpp asks it which backend a wait or a start uses.
static thread_local GreenScheduler* t_scheduler = nullptr;

GreenScheduler* GreenScheduler::current() { return t_scheduler; }

GreenScheduler::Attach::Attach(GreenScheduler& s) : previous_(t_scheduler) { t_scheduler = &s; }
GreenScheduler::Attach::~Attach() { t_scheduler = previous_; }

GreenScheduler::GreenScheduler(FiberHost& host) : host_(host) {
    main_.sched = this;
    main_.ctx = host_.main_context();
    main_.state = GreenFiber::State::Running;
    main_.joined = true;
    main_.stack_limit = stack_limit_of(main_.ctx);
    slice_start_ = last_poll_ = monotonic_ns();
}

GreenScheduler::~GreenScheduler() {
    // Fibers still parked here (daemon threads asleep when their program
    // ended) are dropped without running again, as a process's daemon
    // threads vanish at exit. What they hold outside their stacks is given
    // back first (on_drop), all of it before any fiber goes.
    for (GreenFiber* f : fibers_)
        if (f->state != GreenFiber::State::Done && f->on_drop) f->on_drop(f->drop_arg);
    for (GreenFiber* f : fibers_) {
        host_.destroy(f->ctx);
        delete f;
    }
}

std::size_t GreenScheduler::live_fibers() const {
    std::size_t n = 0;
    for (GreenFiber* f : fibers_)
        if (f->state != GreenFiber::State::Done) n++;
    return n;
}

uint64_t GreenScheduler::ident_of(const GreenFiber* f) const {
    return uint64_t(reinterpret_cast<uintptr_t>(f));
}

// ---------------------------------------------------------------- starting

// Each fiber runs on a stack of its own, so the C-stack guard
// (c_stack_exhausted, cstack.cpp) must measure against that stack, not the
// OS thread's: it reads the running fiber's limit, which changes with every
// switch as current_ does.
uintptr_t GreenScheduler::stack_limit_of(FiberHost::Context* ctx) const {
    FiberHost::StackRange r = host_.stack_range(ctx);
    return r.size ? c_stack_limit(r.low, r.size) : 0;
}

void GreenScheduler::fiber_main(void* p) {
    GreenFiber* f = static_cast<GreenFiber*>(p);
    f->fn(f->arg);
    f->sched->exit_current();
}

int GreenScheduler::start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size,
                          void (*on_drop)(void*), void* drop_arg) {
    auto* f = new GreenFiber;
    f->sched = this;
    f->fn = fn;
    f->arg = arg;
    f->on_drop = on_drop;
    f->drop_arg = drop_arg;
    f->ctx = host_.create(fiber_main, f, stack_size);
    if (!f->ctx) {
        delete f;
        return EAGAIN;
    }
    f->number = next_number_++;
    f->stack_limit = stack_limit_of(f->ctx);
    fibers_.push_back(f);
    // Like a new OS thread, it starts at once (at the starter's next tick).
    make_ready(f, true);
    out->handle = f;
    out->valid = true;
    out->green = true;
    return 0;
}

void GreenScheduler::join(OsThread& t) {
    GreenFiber* f = static_cast<GreenFiber*>(t.handle);
    std::mutex mu;
    std::unique_lock<std::mutex> lk(mu);
    while (f->state != GreenFiber::State::Done) f->done.wait(lk);
    // It is Done and not running, so its stack can go.
    for (auto it = fibers_.begin(); it != fibers_.end(); ++it) {
        if (*it == f) {
            fibers_.erase(it);
            break;
        }
    }
    host_.destroy(f->ctx);
    delete f;
    t.valid = false;
}

void GreenScheduler::exit_current() {
    GreenFiber* f = current_;
    if (f == &main_) std::abort();   // the main thread never exits this way
    f->state = GreenFiber::State::Done;
    f->done.notify_all();
    switch_away();                   // never comes back: nobody makes a Done fiber Ready
    std::abort();
}

// ------------------------------------------------------------------ waiting

void GreenScheduler::unlink(GreenFiber* f) {
    GreenWaitList* l = f->waiting_on;
    if (!l) return;
    (f->prev_waiter ? f->prev_waiter->next_waiter : l->head) = f->next_waiter;
    (f->next_waiter ? f->next_waiter->prev_waiter : l->tail) = f->prev_waiter;
    f->next_waiter = f->prev_waiter = nullptr;
    f->waiting_on = nullptr;
}

void GreenScheduler::make_ready(GreenFiber* f, bool woke) {
    f->state = GreenFiber::State::Ready;
    f->deadline = kNoDeadline;
    ready_.push_back(f);
    if (woke) woken_ = true;
}

bool GreenScheduler::wait(GreenWaitList& list, std::unique_lock<std::mutex>& lk, uint64_t deadline_ns) {
    GreenFiber* f = current_;
    f->notified = false;
    f->waiting_on = &list;
    f->prev_waiter = list.tail;
    f->next_waiter = nullptr;
    (list.tail ? list.tail->next_waiter : list.head) = f;
    list.tail = f;
    lk.unlock();
    park(deadline_ns);
    lk.lock();
    return f->notified;
}

void GreenScheduler::notify(GreenWaitList& list, bool all) {
    while (GreenFiber* f = list.head) {
        unlink(f);
        f->notified = true;
        f->sched->make_ready(f, true);
        if (!all) break;
    }
}

void GreenScheduler::sleep_until(uint64_t deadline_ns) {
    if (monotonic_ns() >= deadline_ns) return;
    park(deadline_ns);
}

void GreenScheduler::park(uint64_t deadline_ns) {
    GreenFiber* f = current_;
    f->state = GreenFiber::State::Parked;
    f->deadline = deadline_ns;
    if (deadline_ns < next_deadline_) next_deadline_ = deadline_ns;
    switch_away();
}

void GreenScheduler::wake_expired(uint64_t now) {
    uint64_t next = kNoDeadline;
    auto visit = [&](GreenFiber* f) {
        if (f->state != GreenFiber::State::Parked || f->deadline == kNoDeadline) return;
        if (f->deadline <= now) {
            unlink(f);
            f->notified = false;
            make_ready(f, true);
        } else if (f->deadline < next) {
            next = f->deadline;
        }
    };
    visit(&main_);
    for (GreenFiber* f : fibers_) visit(f);
    next_deadline_ = next;
}

// ---------------------------------------------------------------- switching

// Invariant on entry: current_ is not Running (it is Parked, Done, or Ready
// and already queued). On return current_ is Running again.
void GreenScheduler::switch_away() {
    while (ready_.empty()) {
        uint64_t now = monotonic_ns();
        if (now >= next_deadline_) {
            wake_expired(now);
            continue;
        }
        // Everyone waits. Without any deadline this is a deadlock in the
        // Python program (CPython would hang too); idle in slices so that a
        // host still takes its messages.
        uint64_t ns = next_deadline_ == kNoDeadline ? host_.poll_interval_ns() : next_deadline_ - now;
        host_.idle(ns);
        last_poll_ = monotonic_ns();
    }
    GreenFiber* next = ready_.front();
    ready_.pop_front();
    next->state = GreenFiber::State::Running;
    woken_ = false;
    slice_start_ = monotonic_ns();
    countdown_ = kTicksPerCheck;
    if (next == current_) return;
    GreenFiber* prev = current_;
    current_ = next;
    host_.swap(prev->ctx, next->ctx);
    // Someone swapped back to prev: it is current_ and Running again.
}

void GreenScheduler::check() {
    countdown_ = kTicksPerCheck;
    uint64_t now = monotonic_ns();
    if (now >= next_deadline_) wake_expired(now);
    if (now - last_poll_ >= host_.poll_interval_ns()) {
        host_.poll();
        last_poll_ = monotonic_ns();
    }
    if (ready_.empty()) return;
    if (!woken_ && now - slice_start_ < kSliceNs) return;
    GreenFiber* f = current_;
    f->state = GreenFiber::State::Ready;
    ready_.push_back(f);
    switch_away();
}

void GreenScheduler::run_ready() {
    // Bounded: fibers of other interpreters may stay Ready for ever.
    for (int i = 0; i < 256 && !ready_.empty(); i++) {
        GreenFiber* f = current_;
        f->state = GreenFiber::State::Ready;
        ready_.push_back(f);
        switch_away();
    }
}

}  // namespace gp
