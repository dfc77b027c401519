// gil.h — the global interpreter lock: one Python thread runs bytecode at a
// time. The essay on how it works is at the top of gil.cpp.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

#include "runtime/os_thread.h"

namespace gp {

class Interpreter;
struct ThreadState;

// What one Python thread did with the GIL, for the GIL timeline panel and the
// tests (Session::gil_stats). Times are nanoseconds of the monotonic clock.
struct GilThreadStats {
    uint32_t thread = 0;            // Python thread number (0 = main)
    uint64_t held_ns = 0;           // total time holding the GIL
    uint64_t waited_ns = 0;         // total time between asking for it and getting it
    uint64_t acquisitions = 0;      // times the thread took it
    uint64_t drop_requests = 0;     // times it asked the holder to let go (after one interval)
    uint64_t forced_switches = 0;   // times it let go because another thread asked
};

class Gil {
public:
    explicit Gil(Interpreter& interp);
    Gil(const Gil&) = delete;
    Gil& operator=(const Gil&) = delete;

    // take_gil: blocks until `ts` holds the GIL. Past one switch interval of
    // waiting it sets the drop request (EVAL_GIL_DROP) in the holder's way.
    // A thread other than the finalizing one that asks after finalization
    // began ends here instead (os_thread_exit), as CPython's daemon threads do.
    void take(ThreadState* ts);
    // drop_gil: `ts` (the holder) lets go. With `forced`, it then waits until
    // some other thread has really taken the GIL (FORCE_SWITCHING).
    void drop(ThreadState* ts, bool forced = false);
    // The eval breaker saw EVAL_GIL_DROP: hand over, then queue up again.
    void yield(ThreadState* ts);

    // The thread running Python code now (null while nobody holds the GIL).
    ThreadState* holder() const { return holder_.load(std::memory_order_acquire); }

    // sys.setswitchinterval / getswitchinterval, in microseconds as CPython
    // keeps it (so 1e-7 reads back as 0.0).
    void set_interval_us(uint64_t us) { interval_us_.store(us, std::memory_order_relaxed); }
    uint64_t interval_us() const { return interval_us_.load(std::memory_order_relaxed); }

    // From now on only `finalizer` may take the GIL; others asking exit.
    void begin_finalizing(ThreadState* finalizer);

    // Totals per thread number, the current holder's running hold included.
    std::vector<GilThreadStats> stats() const;

    // Who may still call in: the interpreter (through its shared_ptr, whose
    // deleter calls release()) and every thread it started. A daemon thread
    // may ask for the GIL after its interpreter is gone, only to end there,
    // so the Gil lives until the last of them lets go; that one deletes it.
    void retain() { users_.fetch_add(1, std::memory_order_relaxed); }
    void release() {
        if (users_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
    }

private:
    bool must_exit(ThreadState* ts) const { return finalizing_ && ts != finalizer_; }
    bool interrupt_pending() const;
    // Under mutex_: the main thread waits for the GIL with an interrupt
    // pending, so other threads must let it have the GIL first.
    bool main_first() const { return main_waiting_ && interrupt_pending(); }
    // Under mutex_: sets EVAL_GIL_DROP on behalf of waiter `ts`.
    void request_drop(ThreadState* ts);
    [[noreturn]] void exit_thread(std::unique_lock<std::mutex>& lk);
    GilThreadStats& stats_for(ThreadState* ts);   // under mutex_

    Interpreter& interp_;
    std::atomic<int> users_{1};                       // see retain()
    std::atomic<uint64_t> interval_us_{5000};         // switch interval (CPython's gil->interval)

    mutable std::mutex mutex_;                        // guards everything below down to stats_
    CondVar cond_;                                    // signalled when the GIL is released
    bool locked_ = false;                             // someone holds the GIL
    std::atomic<ThreadState*> holder_{nullptr};       // who, while locked_ (else null)
    uint64_t switch_number_ = 0;                      // bumped each time a different thread takes it
    uint64_t held_since_ = 0;                         // when holder_ took it (ns)
    bool main_waiting_ = false;                       // the main thread is inside take()
    bool finalizing_ = false;                         // begin_finalizing() was called
    ThreadState* finalizer_ = nullptr;                // the one thread still allowed in
    std::vector<GilThreadStats> stats_;               // indexed by thread number

    // FORCE_SWITCHING: the dropping thread waits on switch_cond_ until
    // last_holder_ is someone else. Written under both mutexes. A thread
    // number, not a pointer: the last holder may have ended since and its
    // ThreadState been freed (and its address reused by a new thread).
    std::mutex switch_mutex_;
    CondVar switch_cond_;
    // The number (ThreadState::id, never reused) of the thread that took
    // the GIL last, -1 before anyone did. Not a pointer: that thread may
    // have ended and its ThreadState been freed since (ThreadSanitizer).
    int64_t last_holder_ = -1;
};

// RAII: lets go of the GIL around a blocking call (Py_BEGIN_ALLOW_THREADS /
// Py_END_ALLOW_THREADS). Between construction and destruction the thread
// must not touch any Python object.
class GilRelease {
public:
    explicit GilRelease(ThreadState* ts);
    ~GilRelease();
    GilRelease(const GilRelease&) = delete;
    GilRelease& operator=(const GilRelease&) = delete;

private:
    ThreadState* ts_;
    Gil* gil_;   // kept alive by the thread itself (retain()) even if the interpreter goes
};

}  // namespace gp
