// tracemalloc.h — tracing every block of the heap back to the Python line
// that allocated it (the mechanism under the tracemalloc module).
//
// Mirrors CPython 3.11's Python/tracemalloc.c. The essay is at the top of
// tracemalloc.cpp; core/modules/tracemalloc_module.cpp is the thin
// _tracemalloc layer and core/lib/tracemalloc.py the Python half (Snapshot,
// Statistic, filters), as in CPython.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "memory/obmalloc.h"

namespace gp {

class Interpreter;
struct Object;

// One frame of an allocation's traceback: where the Python code was.
struct TraceFrame {
    Object* filename;   // the code's co_filename (a str; the tracer holds a reference)
    int lineno;         // line being run, 0 when unknown
    bool operator==(const TraceFrame& o) const { return filename == o.filename && lineno == o.lineno; }
};

// A traceback, most recent frame first, shared by every block allocated at
// the same place (CPython interns them in tracemalloc_tracebacks).
struct TraceTraceback {
    std::vector<TraceFrame> frames;   // at most the tracer's nframe frames, never empty
    int total_nframe;                 // frames on the stack when recorded (may exceed frames.size())
    std::size_t hash;                 // of frames and total_nframe, computed once
};

// One traced block (CPython's trace_t).
struct Trace {
    std::size_t size;                 // bytes requested
    const TraceTraceback* traceback;  // interned, owned by the tracer
};

class Tracer final : public HeapObserver {
public:
    static constexpr int kMaxFrames = 65535;   // CPython's MAX_NFRAME

    explicit Tracer(Interpreter& interp) : interp_(interp) {}
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    // Starts tracing with tracebacks of up to nframe frames (1..kMaxFrames;
    // the caller checks the range). Already tracing: nothing changes, as in
    // CPython. False when the setup allocation failed (MemoryError is set).
    bool start(int nframe);
    // Stops tracing and forgets every trace.
    void stop();
    // Forgets the traces (and the peak) but keeps tracing.
    void clear_traces();
    bool is_tracing() const { return tracing_; }
    int traceback_limit() const { return nframe_; }

    std::size_t traced_memory() const { return traced_memory_; }
    std::size_t peak_traced_memory() const { return peak_traced_memory_; }
    void reset_peak() { peak_traced_memory_ = traced_memory_; }
    // Bytes the tracer's own tables take (tracemalloc.get_tracemalloc_memory()).
    std::size_t self_memory() const;

    // The traceback of the block starting at `block`, or null if it was
    // not traced.
    const TraceTraceback* traceback_of(const void* block) const;
    const std::unordered_map<uintptr_t, Trace>& traces() const { return traces_; }

    // While a Pause lives, new blocks are not traced (frees still are): the
    // tracer's own Python-facing work, like building _get_traces()'s result,
    // stays out of the figures, as CPython's "reentrant" flag does.
    class Pause {
    public:
        explicit Pause(Tracer& t) : t_(t), was_(t.paused_) { t.paused_ = true; }
        ~Pause() { t_.paused_ = was_; }
        Pause(const Pause&) = delete;
        Pause& operator=(const Pause&) = delete;
    private:
        Tracer& t_;
        bool was_;
    };

    // HeapObserver: run by the heap while tracing.
    void on_malloc(void* p, std::size_t n) override;
    void on_free(void* p) override;

private:
    struct TracebackHash {
        std::size_t operator()(const TraceTraceback& t) const { return t.hash; }
    };
    struct TracebackEq {
        bool operator()(const TraceTraceback& a, const TraceTraceback& b) const {
            return a.hash == b.hash && a.total_nframe == b.total_nframe && a.frames == b.frames;
        }
    };

    const TraceTraceback* capture();   // the running thread's traceback, interned
    void forget_all();                 // empties every table, releasing the filenames

    Interpreter& interp_;
    bool tracing_ = false;
    bool paused_ = false;              // see Pause
    int nframe_ = 1;                   // get_traceback_limit(); kept after stop, as CPython
    std::size_t traced_memory_ = 0;    // sum of the sizes in traces_
    std::size_t peak_traced_memory_ = 0;
    Object* unknown_filename_ = nullptr;   // "<unknown>": allocations outside Python code (owned)

    std::unordered_map<uintptr_t, Trace> traces_;   // block address -> trace
    // Interned tracebacks; elements never move (unordered_set nodes are stable).
    std::unordered_set<TraceTraceback, TracebackHash, TracebackEq> tracebacks_;
    std::unordered_set<Object*> filenames_;   // every filename in a traceback, one reference each
    std::vector<TraceFrame> scratch_;        // capture()'s buffer, reused
};

}  // namespace gp
