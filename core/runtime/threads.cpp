// threads.cpp — starting and ending Python threads, and waiting without the
// GIL (see threads.h).
//
// A Python thread's life (CPython's thread_PyThread_start_new_thread and
// t_bootstrap):
//
//   starter, holding the GIL          new OS thread
//   ------------------------          -------------
//   make a ThreadState, register it
//   os_thread_start ───────────────►  take the GIL (waits its turn)
//   return the ident                  call func(*args, **kwargs)
//                                     report an uncaught exception
//                                     clear the ThreadState, release its
//                                       sentinel locks (join wakes up)
//                                     unregister it, park the OS handle
//                                     drop the GIL, return
//
// The OS handle is joined later by whichever thread next starts a thread or
// finalizes the interpreter (reap_finished_threads): by then the thread has
// nothing left to do but return.
#include "runtime/tracing.h"
#include "runtime/threads.h"

#include <cerrno>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/frame.h"
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/os_thread.h"
#include "runtime/traceback.h"

namespace gp {

// How often a main thread blocked without the GIL looks at the interrupt
// bit: Ctrl+C or the Stop button takes effect within this much.
static constexpr uint64_t kInterruptPollNs = 20'000'000;

// Now + `seconds`, as a monotonic_ns() deadline (kNoDeadline if beyond reach).
static uint64_t deadline_after(double seconds) {
    const uint64_t now = monotonic_ns();
    if (!(seconds < 1e9)) return kNoDeadline;
    return now + uint64_t(seconds * 1e9);
}

bool is_main_thread(ThreadState* ts) { return ts == ts->interp->main_thread(); }

// The main thread, waiting without the GIL, wakes every kInterruptPoll (for
// an interrupt) and gives the host its turn too: Session::set_wait_callback.
static void host_turn(ThreadState* ts, bool main) {
    if (main && ts->interp->wait_callback) ts->interp->wait_callback();
}

static bool interrupt_pending(ThreadState* ts) {
    return is_main_thread(ts) && (ts->interp->eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT);
}

bool handle_interrupt(ThreadState* ts) {
    if (!interrupt_pending(ts)) return true;
    Interpreter& interp = *ts->interp;
    interp.eval_breaker.fetch_and(~uint32_t(EVAL_INTERRUPT));
    if (interp.hard_exit.load()) {
        // Another thread of this child called os._exit(): the main thread
        // leaves too, past every handler (see Interpreter::hard_exit).
        Ref<> code = int_from_i64(ts, interp.hard_exit_code);
        Ref<> exc = code ? object_call_one(ts, interp.exc.SystemExit, code.get()) : Ref<>();
        if (exc) raise_object(ts, exc.get());
        return false;
    }
    if (interp.terminate_requested.load()) {
        // A child interpreter told to stop (Process.terminate): it leaves as
        // a process killed by SIGTERM would, with exit code -15.
        Ref<> code = int_from_i64(ts, -15);
        if (!code) return false;
        Ref<> exc = object_call_one(ts, interp.exc.SystemExit, code.get());
        if (exc) raise_object(ts, exc.get());
        return false;
    }
    raise_object(ts, interp.exc.KeyboardInterrupt);
    return false;
}

// ------------------------------------------------------------------ locks

bool LockCore::release() {
    {
        std::lock_guard<std::mutex> lk(mu);
        if (!locked) return false;
        locked = false;
    }
    cv.notify_one();
    return true;
}

AcquireResult lock_acquire(ThreadState* ts, const std::shared_ptr<LockCore>& core, bool blocking, double timeout) {
    {
        std::lock_guard<std::mutex> lk(core->mu);
        if (!core->locked) {
            core->locked = true;
            return AcquireResult::Acquired;
        }
    }
    if (!blocking || timeout == 0) return AcquireResult::Failed;
    std::shared_ptr<LockCore> keep = core;   // the lock object may die while we wait
    const bool main = is_main_thread(ts);
    const uint64_t deadline = timeout < 0 ? kNoDeadline : deadline_after(timeout);
    bool acquired = false, interrupted = false;
    {
        GilRelease unlocked(ts);
        std::unique_lock<std::mutex> lk(keep->mu);
        // Invariant: lk is held at the top of each pass; we leave either
        // with the flag set by us, or at the deadline, or on an interrupt.
        for (;;) {
            if (!keep->locked) {
                keep->locked = true;
                acquired = true;
                break;
            }
            if (main && (ts->interp->eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT)) {
                interrupted = true;
                break;
            }
            const uint64_t now = monotonic_ns();
            if (now >= deadline) break;
            uint64_t until = deadline;
            if (main && until - now > kInterruptPollNs) until = now + kInterruptPollNs;
            keep->cv.wait_until(lk, until);
            if (main) {
                lk.unlock();
                host_turn(ts, main);
                lk.lock();
            }
        }
    }
    if (acquired) return AcquireResult::Acquired;
    if (interrupted && !handle_interrupt(ts)) return AcquireResult::Error;
    return AcquireResult::Failed;
}

WaitResult wait_until_ready(ThreadState* ts, WaitCore& core, const std::function<bool()>& try_take, double timeout) {
    {
        std::lock_guard<std::mutex> lk(core.mu);
        if (try_take()) return WaitResult::Ready;
    }
    if (timeout == 0) return WaitResult::Timeout;
    const bool main = is_main_thread(ts);
    const uint64_t deadline = timeout < 0 ? kNoDeadline : deadline_after(timeout);
    WaitResult result = WaitResult::Timeout;
    bool interrupted = false;
    {
        GilRelease unlocked(ts);
        std::unique_lock<std::mutex> lk(core.mu);
        // Invariant: lk is held at the top of each pass, and try_take() has
        // not yet succeeded.
        for (;;) {
            if (try_take()) {
                result = WaitResult::Ready;
                break;
            }
            if (main && (ts->interp->eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT)) {
                interrupted = true;
                break;
            }
            const uint64_t now = monotonic_ns();
            if (now >= deadline) break;
            uint64_t until = deadline;
            if (main && until - now > kInterruptPollNs) until = now + kInterruptPollNs;
            core.cv.wait_until(lk, until);
            if (main) {
                lk.unlock();
                host_turn(ts, main);
                lk.lock();
            }
        }
    }
    if (result == WaitResult::Ready) return result;
    if (interrupted && !handle_interrupt(ts)) return WaitResult::Error;
    return WaitResult::Timeout;
}

bool sleep_interruptible(ThreadState* ts, double seconds) {
    const bool main = is_main_thread(ts);
    const uint64_t deadline = deadline_after(seconds);
    {
        GilRelease unlocked(ts);
        for (;;) {
            if (main && (ts->interp->eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT)) break;
            const uint64_t now = monotonic_ns();
            if (now >= deadline) break;
            uint64_t until = deadline;
            if (main && until - now > kInterruptPollNs) until = now + kInterruptPollNs;
            os_sleep_until(until);
            host_turn(ts, main);
        }
    }
    return handle_interrupt(ts);
}

// ---------------------------------------------------------------- threads

namespace {

// What the new OS thread needs; it owns this.
struct ThreadBoot {
    Gil* gil;          // one of the Gil's users (Gil::retain): it outlives the interpreter if need be
    ThreadState* ts;
};

// Clears what a ThreadState owns (PyThreadState_Clear). Under the GIL.
void thread_state_clear(ThreadState* ts) {
    error_clear(ts);
    Object* exc_info = ts->exc_info;
    ts->exc_info = nullptr;
    xdecref(exc_info);
    ts->exc_info_outer = nullptr;   // items live on generator_send's C++ stack, gone by now
    set_trace_function(ts, nullptr);
    set_profile_function(ts, nullptr);
    Object* dict = ts->dict;
    ts->dict = nullptr;
    xdecref(dict);
    Object* start[] = {ts->start_func, ts->start_args, ts->start_kwargs};
    ts->start_func = ts->start_args = ts->start_kwargs = nullptr;
    for (Object* o : start) xdecref(o);
    // Thread.join() waits on these (threading.py's _tstate_lock).
    for (auto& lock : ts->on_delete) lock->release();
    ts->on_delete.clear();
}

// A green thread dropped by its scheduler without running again (os_thread.h).
void release_gil_user(void* gil) { static_cast<Gil*>(gil)->release(); }

void thread_main(void* p) {
    // Nothing of the boot record may be left for a thread that ends inside
    // take() (a daemon thread starting after finalization began).
    ThreadBoot* boot = static_cast<ThreadBoot*>(p);
    Gil* gil = boot->gil;
    ThreadState* ts = boot->ts;
    delete boot;
    gil->take(ts);
    // Only now: an interpreter that finalized meanwhile has freed `ts`.
    ts->native_id = os_thread_native_id();
    Interpreter& interp = *ts->interp;
    interp.trace.emit(TraceKind::ThreadStart, ts->id);
    {
        Object* func = ts->start_func;
        auto* t = as_tuple(ts->start_args);
        Ref<> r = call_with_kwdict(ts, func, t->ob_item, t->ob_size,
                                   ts->start_kwargs ? static_cast<DictObject*>(ts->start_kwargs) : nullptr);
        if (!r) {
            if (error_matches(ts, interp.exc.SystemExit)) {
                error_clear(ts);
            } else {
                // _PyErr_WriteUnraisableMsg("in thread started by", func)
                Ref<> exc = error_fetch(ts);
                Ref<> rep = object_repr(ts, func);
                std::string where = rep ? std::string(str_utf8(rep.get())) : "<object repr() failed>";
                error_clear(ts);
                std::string text = "Exception ignored in thread started by: " + where + "\n";
                text += format_exception(ts, exc.get());
                error_clear(ts);
                write_stderr(ts, text);
            }
        }
    }
    thread_state_clear(ts);
    interp.trace.emit(TraceKind::ThreadEnd, ts->id);
    // Unregister: from here on nobody can find this ThreadState.
    std::unique_ptr<ThreadState> owned;
    for (auto it = interp.threads.begin(); it != interp.threads.end(); ++it) {
        if (it->get() == ts) {
            owned = std::move(*it);
            interp.threads.erase(it);
            break;
        }
    }
    interp.thread_count--;
    {
        std::lock_guard<std::mutex> lk(interp.finished_mu);
        interp.finished_threads.push_back(os_thread_self());
    }
    gil->drop(ts);
    // The interpreter may be gone from here on; only our own memory is ours.
    gil->release();
}

}  // namespace

void reap_finished_threads(Interpreter& interp) {
    std::vector<OsThread> done;
    {
        std::lock_guard<std::mutex> lk(interp.finished_mu);
        done.swap(interp.finished_threads);
    }
    for (OsThread& t : done) os_thread_join(t);
}

Ref<> start_new_thread(ThreadState* ts, Object* func, Object* args, Object* kwargs) {
    Interpreter& interp = *ts->interp;
    reap_finished_threads(interp);
    auto owned = std::make_unique<ThreadState>(&interp);
    ThreadState* nts = owned.get();
    nts->id = interp.next_thread_id++;
    nts->start_func = newref(func).release();
    nts->start_args = newref(args).release();
    nts->start_kwargs = kwargs ? newref(kwargs).release() : nullptr;
    Gil* gil = interp.gil.get();
    auto* boot = new ThreadBoot{gil, nts};
    gil->retain();
    interp.threads.push_back(std::move(owned));
    interp.thread_count++;
    OsThread t;
    // The new thread cannot run Python code before we drop the GIL, so
    // registering it first is safe.
    int err = os_thread_start(&t, thread_main, boot, interp.thread_stack_size, release_gil_user, gil);
    if (err) {
        interp.thread_count--;
        thread_state_clear(nts);
        interp.threads.pop_back();
        delete boot;
        gil->release();
        return raise(ts, interp.exc.RuntimeError, "can't start new thread");
    }
    nts->ident = os_thread_ident_of(t);
    return int_from_u64(ts, nts->ident);
}

// Called by Interpreter::release_all() once finalizers are off: every
// thread still registered is a daemon thread that will never run Python
// code again (it ends in Gil::take). What it owns goes, so that the heap
// can be emptied: its frames, innermost first, as if each returned
// (release_abandoned_frames), then its ThreadState's references. CPython
// keeps all of this allocated; the ThreadState structs themselves stay until
// the interpreter goes, since the stopped threads may still hold their
// addresses.
void release_daemon_threads(Interpreter& interp) {
    for (auto& owned : interp.threads) {
        ThreadState* daemon = owned.get();
        release_abandoned_frames(daemon);
        thread_state_clear(daemon);
    }
}

}  // namespace gp
