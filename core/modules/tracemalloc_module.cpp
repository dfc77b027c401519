// tracemalloc_module.cpp — the _tracemalloc module: a thin layer over the
// tracer (core/memory/tracemalloc.h).
//
// Mirrors CPython 3.11's Modules/_tracemalloc.c. The Python half,
// core/lib/tracemalloc.py, builds Snapshot, Statistic and the filters on the
// two raw views offered here: _get_traces() and _get_object_traceback().
// A traceback crosses over as a tuple of (filename, lineno) pairs, most
// recent frame first, as CPython's does.
#include <limits>
#include <unordered_map>

#include "gc/collector.h"
#include "memory/tracemalloc.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

#define NOKW(name) if (!check_no_kwargs(ts, name, kw)) return nullptr
#define NOARGS(name) if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr

static Tracer& tracer(ThreadState* ts) { return ts->interp->tracemalloc; }

// Python tuples for interned tracebacks, made once per traceback per call.
class TracebackTuples {
public:
    explicit TracebackTuples(ThreadState* ts) : ts_(ts) {}
    // A new reference to ((filename, lineno), ...), most recent first.
    Ref<> get(const TraceTraceback* tb) {
        if (auto it = made_.find(tb); it != made_.end()) return newref(it->second.get());
        Ref<TupleObject> t = tuple_new(ts_, isize(tb->frames.size()));
        if (!t) return nullptr;
        for (std::size_t i = 0; i < tb->frames.size(); i++) {
            Ref<> line = int_from_i64(ts_, tb->frames[i].lineno);
            if (!line) return nullptr;
            Ref<TupleObject> pair = tuple_pack(ts_, {tb->frames[i].filename, line.get()});
            if (!pair) return nullptr;
            t->ob_item[i] = pair.release();
        }
        Ref<> result = Ref<>::steal(t.release());
        made_.emplace(tb, newref(result.get()));
        return result;
    }

private:
    ThreadState* ts_;
    std::unordered_map<const TraceTraceback*, Ref<>> made_;
};

static Ref<> tm_start(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("_tracemalloc.start");
    if (nargs > 1)
        return raise(ts, ts->interp->exc.TypeError,
                     "start expected at most 1 argument, got " + std::to_string(nargs));
    int nframe = 1;
    if (nargs == 1) {
        Object* o = args[0];
        TypeObject* t = type_of(o);
        if (!is_int(o) && !(t->tp_as_number && t->tp_as_number->nb_index))
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("'") + type_name(o) + "' object cannot be interpreted as an integer");
        isize v;
        if (!index_as_isize(ts, o, &v)) {
            if (!error_matches(ts, ts->interp->exc.OverflowError)) return nullptr;
            error_clear(ts);
            v = std::numeric_limits<isize>::max();
        }
        if (v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min())
            return raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C int");
        nframe = int(v);
    }
    if (nframe < 1 || nframe > Tracer::kMaxFrames)
        return raise(ts, ts->interp->exc.ValueError,
                     "the number of frames must be in range [1; " + std::to_string(Tracer::kMaxFrames) + "]");
    if (!tracer(ts).start(nframe)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> tm_stop(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.stop");
    tracer(ts).stop();
    return newref(ts->interp->None);
}

static Ref<> tm_is_tracing(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.is_tracing");
    return bool_ref(ts, tracer(ts).is_tracing());
}

static Ref<> tm_clear_traces(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.clear_traces");
    tracer(ts).clear_traces();
    return newref(ts->interp->None);
}

static Ref<> tm_get_traceback_limit(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.get_traceback_limit");
    return int_from_i64(ts, tracer(ts).traceback_limit());
}

static Ref<> tm_get_traced_memory(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.get_traced_memory");
    Tracer& t = tracer(ts);
    // Read both figures before allocating the result (which is traced too).
    const uint64_t current = t.is_tracing() ? t.traced_memory() : 0;
    const uint64_t peak = t.is_tracing() ? t.peak_traced_memory() : 0;
    Ref<> a = int_from_u64(ts, current);
    Ref<> b = a ? int_from_u64(ts, peak) : nullptr;
    if (!b) return nullptr;
    return tuple_pack(ts, {a.get(), b.get()});
}

static Ref<> tm_reset_peak(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.reset_peak");
    if (tracer(ts).is_tracing()) tracer(ts).reset_peak();
    return newref(ts->interp->None);
}

static Ref<> tm_get_tracemalloc_memory(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc.get_tracemalloc_memory");
    return int_from_u64(ts, tracer(ts).self_memory());
}

// _get_traces(): [(domain, size, traceback, total_nframe), ...]. The table
// is copied first, and the tracer paused while the result is built, so the
// result's own blocks are neither in it nor in later snapshots (as CPython).
static Ref<> tm_get_traces(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("_tracemalloc._get_traces");
    Tracer& t = tracer(ts);
    if (!t.is_tracing()) return list_new(ts, 0);
    std::vector<Trace> copy;
    copy.reserve(t.traces().size());
    for (const auto& [addr, trace] : t.traces()) copy.push_back(trace);
    Tracer::Pause pause(t);
    Ref<ListObject> result = list_new_prealloc(ts, isize(copy.size()));
    if (!result) return nullptr;
    TracebackTuples tuples(ts);
    Ref<> domain = int_from_i64(ts, 0);
    if (!domain) return nullptr;
    for (const Trace& tr : copy) {
        Ref<> size = int_from_u64(ts, tr.size);
        Ref<> frames = size ? tuples.get(tr.traceback) : nullptr;
        Ref<> total = frames ? int_from_i64(ts, tr.traceback->total_nframe) : nullptr;
        Ref<TupleObject> item = total ? tuple_pack(ts, {domain.get(), size.get(), frames.get(), total.get()}) : nullptr;
        if (!item || !list_append(ts, result.get(), item.get())) return nullptr;
    }
    return result;
}

// Whether CPython 3.11 keeps this object's dict in front of the object (a
// "managed dict": instances of classes that add a __dict__ to a fixed-size
// base). Its _get_object_traceback does not step back over that
// pre-header, finds no trace, and answers None for such objects; glasspy
// answers the same.
static bool cpython_managed_dict(Object* obj) {
    const CPythonLayout& l = type_of(obj)->cpython;
    return l.dictoffset < 0 && l.itemsize == 0;
}

static Ref<> tm_get_object_traceback(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("_tracemalloc._get_object_traceback");
    if (!check_nargs(ts, "_tracemalloc._get_object_traceback", nargs, 1, 1)) return nullptr;
    Tracer& t = tracer(ts);
    Object* obj = args[0];
    if (!t.is_tracing() || cpython_managed_dict(obj)) return newref(ts->interp->None);
    // The block starts at the GC header for containers.
    const void* block = object_is_gc(obj) ? static_cast<const void*>(as_gc(obj)) : obj;
    const TraceTraceback* tb = t.traceback_of(block);
    if (!tb) return newref(ts->interp->None);
    Tracer::Pause pause(t);
    TracebackTuples tuples(ts);
    return tuples.get(tb);
}

static const MethodDef tracemalloc_methods[] = {
    {"start", tm_start, 0,
     "start($module, nframe=1, /)\n--\n\nStart tracing Python memory allocations.\n\nAlso set the maximum "
     "number of frames stored in the traceback of a\ntrace to nframe."},
    {"stop", tm_stop, 0,
     "stop($module, /)\n--\n\nStop tracing Python memory allocations.\n\nAlso clear traces of memory blocks "
     "allocated by Python."},
    {"is_tracing", tm_is_tracing, 0,
     "is_tracing($module, /)\n--\n\nReturn True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, 0,
     "clear_traces($module, /)\n--\n\nClear traces of memory blocks allocated by Python."},
    {"get_traceback_limit", tm_get_traceback_limit, 0,
     "get_traceback_limit($module, /)\n--\n\nGet the maximum number of frames stored in the traceback of a "
     "trace.\n\nBy default, a trace of an allocated memory block only stores\nthe most recent frame: the limit "
     "is 1."},
    {"get_traced_memory", tm_get_traced_memory, 0,
     "get_traced_memory($module, /)\n--\n\nGet the current size and peak size of memory blocks traced by "
     "tracemalloc.\n\nReturns a tuple: (current: int, peak: int)."},
    {"reset_peak", tm_reset_peak, 0,
     "reset_peak($module, /)\n--\n\nSet the peak size of memory blocks traced by tracemalloc to the current "
     "size.\n\nDo nothing if the tracemalloc module is not tracing memory allocations."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, 0,
     "get_tracemalloc_memory($module, /)\n--\n\nGet the memory usage in bytes of the tracemalloc module.\n\n"
     "This memory is used internally to trace memory allocations."},
    {"_get_traces", tm_get_traces, 0,
     "_get_traces($module, /)\n--\n\nGet traces of all memory blocks allocated by Python.\n\nReturn a list of "
     "(size: int, traceback: tuple) tuples.\ntraceback is a tuple of (filename: str, lineno: int) tuples.\n\n"
     "Return an empty list if the tracemalloc module is disabled."},
    {"_get_object_traceback", tm_get_object_traceback, 0,
     "_get_object_traceback($module, obj, /)\n--\n\nGet the traceback where the Python object obj was "
     "allocated.\n\nReturn a tuple of (filename: str, lineno: int) tuples.\nReturn None if the tracemalloc "
     "module is disabled or did not\ntrace the allocation of the object."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_tracemalloc_c_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_tracemalloc");
    if (!m || !module_add_functions(ts, m.get(), tracemalloc_methods)) return nullptr;
    Ref<> doc = str_from_utf8(ts, "Debug module to trace memory blocks allocated by Python.");
    if (!doc || !module_add_object(ts, m.get(), "__doc__", doc.get())) return nullptr;
    return m;
}

}  // namespace gp
