// tracemalloc.cpp — which Python line allocated each block of the heap.
//
// Mirrors CPython 3.11's Python/tracemalloc.c, for one interpreter's heap.
//
// How it works
// ------------
// While tracing, the tracer is the heap's observer (obmalloc.h): the heap
// calls on_malloc after handing out a block and on_free before taking one
// back, for every object and every buffer an object owns. On a malloc the
// tracer walks the running thread's frames, innermost first, and writes
// down up to nframe (filename, line) pairs — the traceback — then records
//
//     traces_:  block address -> (requested size, traceback)
//
// and adds the size to the traced total, raising the peak if it passes it.
// A free looks the address up and, if it was traced, takes the size off.
// Blocks allocated before start() are not in the table, so freeing them
// changes nothing: the traced total counts only memory allocated while
// tracing and not yet freed.
//
// Most allocations come from a few lines run many times, so tracebacks are
// interned (tracebacks_): every block allocated at the same place points to
// one shared traceback, and a snapshot groups blocks by comparing pointers.
// Filenames are the code objects' own str objects; the tracer holds one
// reference to each, so a filename outlives its code object and an address
// in a traceback can never be reused by another string.
//
// The observer runs inside the allocator. It must not allocate from the
// heap it watches (the tables use the system allocator through the C++
// containers) and must not run Python code. Reading frames does neither.
//
// The byte figures are glasspy's own: the sizes its objects request from
// its heap, which differ from CPython's (sys.getsizeof reports CPython's).
#include "memory/tracemalloc.h"

#include "objects/codeobject.h"
#include "objects/frameobject.h"
#include "objects/object.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

namespace gp {

Tracer::~Tracer() {
    // Interpreter::finalize stops tracing while the str type still exists;
    // by now the tables are empty.
    if (tracing_) interp_.heap.set_observer(nullptr);
}

bool Tracer::start(int nframe) {
    if (tracing_) return true;
    if (!unknown_filename_) {
        Ref<> s = str_from_utf8(interp_.main_thread(), "<unknown>");
        if (!s) return false;
        unknown_filename_ = s.release();
    }
    nframe_ = nframe;
    scratch_.reserve(std::size_t(nframe) < 64 ? std::size_t(nframe) : 64);
    tracing_ = true;
    interp_.heap.set_observer(this);
    return true;
}

void Tracer::stop() {
    if (!tracing_) return;
    tracing_ = false;
    interp_.heap.set_observer(nullptr);
    forget_all();
    Object* unknown = unknown_filename_;
    unknown_filename_ = nullptr;
    xdecref(unknown);
}

void Tracer::clear_traces() {
    if (!tracing_) return;
    // Releasing a filename may free it; with the observer off meanwhile,
    // that free cannot reach the tables being emptied.
    interp_.heap.set_observer(nullptr);
    forget_all();
    interp_.heap.set_observer(this);
}

void Tracer::forget_all() {
    traces_.clear();
    tracebacks_.clear();
    traced_memory_ = 0;
    peak_traced_memory_ = 0;
    std::unordered_set<Object*> names;
    names.swap(filenames_);
    for (Object* f : names) decref(f);
}

std::size_t Tracer::self_memory() const {
    // An estimate in the spirit of CPython's: table slots and nodes.
    std::size_t n = sizeof(*this);
    n += traces_.bucket_count() * sizeof(void*) + traces_.size() * (sizeof(Trace) + 3 * sizeof(void*));
    n += tracebacks_.bucket_count() * sizeof(void*);
    for (const TraceTraceback& t : tracebacks_) n += sizeof(t) + 2 * sizeof(void*) + t.frames.capacity() * sizeof(TraceFrame);
    n += filenames_.bucket_count() * sizeof(void*) + filenames_.size() * 2 * sizeof(void*);
    return n;
}

const TraceTraceback* Tracer::traceback_of(const void* block) const {
    auto it = traces_.find(reinterpret_cast<uintptr_t>(block));
    return it == traces_.end() ? nullptr : it->second.traceback;
}

// traceback_get_frames + traceback_new: the innermost nframe_ frames of the
// running thread, counted to the bottom of the stack for total_nframe.
const TraceTraceback* Tracer::capture() {
    scratch_.clear();
    int total = 0;
    // The main thread's frames: glasspy runs Python code on that thread
    // state only, for now; with more threads this becomes the thread
    // holding the GIL.
    for (Frame* f = interp_.main_thread()->frame; f; f = f->previous) {
        if (!f->code) continue;   // a frame still being set up
        total++;
        if (int(scratch_.size()) < nframe_) {
            int line = frame_lineno(f);
            scratch_.push_back(TraceFrame{f->code->co_filename, line < 0 ? 0 : line});
        }
    }
    if (scratch_.empty()) {   // allocated outside any Python code
        scratch_.push_back(TraceFrame{unknown_filename_, 0});
        total = 1;
    }
    std::size_t h = std::size_t(total) * 0x9E3779B97F4A7C15ull;
    for (const TraceFrame& fr : scratch_)
        h = (h ^ (reinterpret_cast<uintptr_t>(fr.filename) >> 4) ^ (std::size_t(fr.lineno) << 32)) * 1099511628211ull;
    TraceTraceback key{scratch_, total, h};
    auto [it, added] = tracebacks_.insert(std::move(key));
    if (added) {
        for (const TraceFrame& fr : it->frames)
            if (filenames_.insert(fr.filename).second) incref(fr.filename);
    }
    return &*it;
}

void Tracer::on_malloc(void* p, std::size_t n) {
    if (paused_) return;
    const TraceTraceback* tb = capture();
    auto [it, added] = traces_.try_emplace(reinterpret_cast<uintptr_t>(p), Trace{n, tb});
    if (!added) {   // a realloc in place, or a block freed behind our back
        traced_memory_ -= it->second.size;
        it->second = Trace{n, tb};
    }
    traced_memory_ += n;
    if (traced_memory_ > peak_traced_memory_) peak_traced_memory_ = traced_memory_;
}

void Tracer::on_free(void* p) {
    auto it = traces_.find(reinterpret_cast<uintptr_t>(p));
    if (it == traces_.end()) return;
    traced_memory_ -= it->second.size;
    traces_.erase(it);
}

}  // namespace gp
