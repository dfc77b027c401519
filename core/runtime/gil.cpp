// gil.cpp — the global interpreter lock, after CPython 3.11's "new GIL"
// (Python/ceval_gil.c, by Antoine Pitrou, 2009).
//
// What it guarantees
// ------------------
// Only the thread holding the GIL touches Python objects: reference counts,
// the allocator, the collector, dicts, everything. So none of those need
// locks of their own, and a Python thread is a real OS thread (a pthread; a
// Web Worker in the browser) that runs only while it holds the GIL. Several
// threads therefore make CPU-bound Python code no faster — exactly what
// learners should see — while threads blocked in sleep, I/O or a lock wait
// let the others run, because every blocking call lets go first (GilRelease).
//
// The lock itself
// ---------------
// It is not a mutex held for the whole time a thread runs: that would make
// "let go, then queue up again" unfair and would tie the GIL to one OS
// thread. It is a flag, `locked_`, protected by `mutex_`, with a condition
// variable `cond_` on which waiting threads sleep:
//
//     take:  lock mutex_; while locked_: wait on cond_; locked_ = true
//     drop:  lock mutex_; locked_ = false; signal cond_
//
// Asking the holder to let go (the switch interval)
// --------------------------------------------------
// A thread running a long loop never blocks, so nobody would ever get the
// GIL from it. The old GIL (before 3.2) made the holder let go every 100
// bytecodes, which on multi-core machines mostly handed the lock straight
// back to the same thread. The new GIL is driven by the waiters instead:
//
//   1. A waiter sleeps on cond_ for at most one switch interval
//      (sys.getswitchinterval(), 5 ms by default).
//   2. If it timed out and no switch happened meanwhile (switch_number_ is
//      unchanged: the same holder all along), it sets the drop request,
//      the EVAL_GIL_DROP bit of the interpreter's one eval-breaker word.
//   3. The holder checks that word at every function entry (RESUME) and
//      backward jump (JUMP_BACKWARD) — one load, one branch when nothing is
//      set — and on seeing the bit drops the GIL (eval.cpp,
//      handle_eval_breaker, calls yield()).
//   4. Whoever takes the GIL clears the bit: the request is honoured.
//
// Forced switching
// ----------------
// Dropping and signalling is not enough: the dropping thread is running, the
// woken waiter still has to be scheduled, and the dropper usually wins the
// race to take the GIL again at once. So a thread that drops *because it
// was asked to* waits on a second condition variable, switch_cond_, until
// last_holder_ shows that another thread has actually taken the GIL
// (CPython's FORCE_SWITCHING). Only then does it queue up again. Blocking
// calls do not wait this way: they have better things to do than wait.
//
// Interrupts go to the main thread first
// --------------------------------------
// Ctrl+C (or the page's Stop button) sets EVAL_INTERRUPT, which only the
// main thread acts on, raising KeyboardInterrupt. If it is waiting for the
// GIL behind several CPU-bound threads, plain handoffs could pass the GIL
// among the others for many intervals first. So while an interrupt is
// pending and the main thread waits, it asks the holder to drop at once,
// a release wakes every waiter, and the other threads leave the GIL to the
// main thread (main_first). CPython relies on its signal handler running in
// the main thread instead; the 100 ms promise of issue 5 needs this.
//
// Ending
// ------
// When the interpreter finalizes, its main thread keeps the GIL for good
// (begin_finalizing). A daemon thread that still asks for it — waking from
// sleep, say — ends right there (os_thread_exit) without touching the
// interpreter, whose memory may already be gone; the Gil object outlives the
// interpreter for as long as such threads hold a reference to it.
//
// Without OS threads
// ------------------
// On a green scheduler (green.cpp: every Python thread a fiber on one OS
// thread) this file runs unchanged: cond_ and switch_cond_ are CondVars,
// which park the fiber instead of the OS thread, and the holder reaches
// the eval breaker's tick, where the scheduler lets a waiter whose interval
// has run out set the drop request.
//
// What the learner sees
// ---------------------
// Every request, acquisition, release, drop request and switch is an event
// in the interpreter's trace stream, with the thread number and a timestamp,
// and per-thread totals (time holding, time waiting, acquisitions, forced
// switches) are kept here for the GIL timeline panel (stats()).
#include "runtime/gil.h"

#include "runtime/interpreter.h"
#include "runtime/os_thread.h"
#include "trace/trace.h"

namespace gp {

Gil::Gil(Interpreter& interp) : interp_(interp) {}

bool Gil::interrupt_pending() const {
    return interp_.eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT;
}

GilThreadStats& Gil::stats_for(ThreadState* ts) {
    if (stats_.size() <= ts->id) {
        std::size_t old = stats_.size();
        stats_.resize(ts->id + 1);
        for (std::size_t i = old; i < stats_.size(); i++) stats_[i].thread = uint32_t(i);
    }
    return stats_[ts->id];
}

void Gil::exit_thread(std::unique_lock<std::mutex>& lk) {
    // The interpreter may be gone already: touch nothing of it. A drop
    // request this thread left behind cannot make the finalizing thread wait
    // for a switch to a thread that is gone (CPython gh-96387): a forced
    // drop stops waiting once finalizing_ is set, and the next take()
    // clears the request.
    lk.unlock();
    {
        std::lock_guard<std::mutex> sl(switch_mutex_);
        switch_cond_.notify_all();
    }
    // The thread's own claim on the Gil goes with it (it may be the last).
    release();
    os_thread_exit();
}

void Gil::take(ThreadState* ts) {
    std::unique_lock<std::mutex> lk(mutex_);
    if (must_exit(ts)) exit_thread(lk);
    const uint64_t start = monotonic_ns();
    const bool main = ts == interp_.main_thread();
    if (locked_ || (!main && main_first())) {
        interp_.trace.emit(TraceKind::GilRequest, ts->id);
        if (main) main_waiting_ = true;
        // Invariant: each pass either sees the GIL free (and, for a thread
        // other than main, not reserved for an interrupted main thread), or
        // has waited up to one interval; after a full interval with no
        // switch, the holder is asked (once per interval) to let go. An
        // interrupted main thread asks at once.
        while (locked_ || (!main && main_first())) {
            const uint64_t saved_switch = switch_number_;
            if (main && locked_ && interrupt_pending() &&
                !(interp_.eval_breaker.load(std::memory_order_relaxed) & EVAL_GIL_DROP))
                request_drop(ts);
            uint64_t us = interval_us_.load(std::memory_order_relaxed);
            if (us < 1) us = 1;
            bool timed_out = !cond_.wait_until(lk, monotonic_ns() + us * 1000);
            if (must_exit(ts)) {
                if (main) main_waiting_ = false;
                exit_thread(lk);
            }
            if (timed_out && locked_ && switch_number_ == saved_switch) request_drop(ts);
        }
        if (main) main_waiting_ = false;
    }
    // The GIL is ours. Record the switch under switch_mutex_ so that a
    // thread waiting for a forced switch sees it.
    {
        std::lock_guard<std::mutex> sl(switch_mutex_);
        locked_ = true;
        holder_.store(ts, std::memory_order_release);
        if (last_holder_ != int64_t(ts->id)) {
            int64_t previous = last_holder_;
            last_holder_ = int64_t(ts->id);
            switch_number_++;
            interp_.trace.emit(TraceKind::GilSwitch, ts->id, previous);
        }
        switch_cond_.notify_all();
    }
    // Whoever asked, the request is honoured now; waiters still queued will
    // ask again after their next interval.
    if (interp_.eval_breaker.load(std::memory_order_relaxed) & EVAL_GIL_DROP)
        interp_.eval_breaker.fetch_and(~uint32_t(EVAL_GIL_DROP));
    const uint64_t now = monotonic_ns();
    GilThreadStats& st = stats_for(ts);
    st.acquisitions++;
    st.waited_ns += now - start;
    held_since_ = now;
    interp_.trace.emit(TraceKind::GilAcquire, ts->id, int64_t(now - start));
}

void Gil::request_drop(ThreadState* ts) {
    interp_.eval_breaker.fetch_or(EVAL_GIL_DROP, std::memory_order_release);
    stats_for(ts).drop_requests++;
    ThreadState* h = holder_.load(std::memory_order_relaxed);
    interp_.trace.emit(TraceKind::GilDropRequest, ts->id, h ? int64_t(h->id) : -1);
}

void Gil::drop(ThreadState* ts, bool forced) {
    // Read while we still hold the GIL: once it is let go the interpreter
    // may begin finalizing and free a daemon thread's ThreadState while
    // that thread still waits below (ThreadSanitizer).
    const int64_t me = int64_t(ts->id);
    {
        std::lock_guard<std::mutex> lk(mutex_);
        const uint64_t held = monotonic_ns() - held_since_;
        GilThreadStats& st = stats_for(ts);
        st.held_ns += held;
        if (forced) st.forced_switches++;
        locked_ = false;
        holder_.store(nullptr, std::memory_order_release);
        interp_.trace.emit(TraceKind::GilRelease, ts->id, int64_t(held), forced ? 1 : 0);
        // An interrupted main thread goes first: wake everyone so that it is
        // among those woken; the others see main_first() and wait on.
        if (main_first()) cond_.notify_all();
        else cond_.notify_one();
    }
    if (forced) {
        // Not switched yet: wait until another thread has the GIL, so that
        // we do not simply take it back (FORCE_SWITCHING).
        std::unique_lock<std::mutex> sl(switch_mutex_);
        while (last_holder_ == me && !finalizing_) switch_cond_.wait(sl);
    }
}

void Gil::yield(ThreadState* ts) {
    drop(ts, true);
    take(ts);
    // Back from letting other threads run: the host may pass on what they
    // wrote (Session::set_wait_callback).
    if (ts == interp_.main_thread() && interp_.wait_callback) interp_.wait_callback();
}

void Gil::begin_finalizing(ThreadState* finalizer) {
    std::lock_guard<std::mutex> lk(mutex_);
    std::lock_guard<std::mutex> sl(switch_mutex_);
    finalizing_ = true;
    finalizer_ = finalizer;
    cond_.notify_all();
    switch_cond_.notify_all();
}

std::vector<GilThreadStats> Gil::stats() const {
    std::lock_guard<std::mutex> lk(mutex_);
    std::vector<GilThreadStats> out = stats_;
    if (ThreadState* h = holder_.load(std::memory_order_relaxed); h && h->id < out.size())
        out[h->id].held_ns += monotonic_ns() - held_since_;
    return out;
}

GilRelease::GilRelease(ThreadState* ts) : ts_(ts), gil_(ts->interp->gil.get()) {
    gil_->drop(ts_);
}

GilRelease::~GilRelease() {
    gil_->take(ts_);
}

}  // namespace gp
