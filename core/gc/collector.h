// collector.h — the GC header in front of container objects, the generation
// lists they live on, and the generational cycle collector that walks them.
//
// Mirrors CPython 3.11's PyGC_Head (Include/internal/pycore_gc.h) and
// Modules/gcmodule.c; the essay on how a collection works is at the top of
// collector.cpp. A container object is allocated with this 16-byte header
// immediately before its ob_refcnt (8 bytes on wasm32):
//
//     +-------------+  <- what the allocator returned (8-byte aligned)
//     | _gc_next    |  next object in its generation list; 0 = not tracked
//     | _gc_prev    |  previous object, with three flag bits below it
//     +-------------+  <- Object*: ob_refcnt, ob_type, ...
//
// Both words are plain integers, as in CPython, because during a collection
// they carry more than pointers. Allocations are 8-byte aligned, so the low
// three bits of a pointer are always zero and can hold flags:
//
//   _gc_next   63 .............................. 1   0
//             [ next header                      | U ]
//              U  NEXT_MASK_UNREACHABLE: on move_unreachable's `unreachable`
//                 list (set only inside a collection)
//
//   _gc_prev   63 .......................... 3   2   1   0
//             [ previous header / gc_refs     | M | C | F ]
//              F  PREV_MASK_FINALIZED: tp_finalize (__del__) already ran;
//                 it never runs twice (PEP 442)
//              C  PREV_MASK_COLLECTING: in the generation being collected
//              M  PREV_MASK_DICT_MATERIALIZED (glasspy, dicts only): see
//                 gc_mark_dict_materialized below
//
// Between collections the upper bits of _gc_prev are the previous pointer.
// Inside a collection (update_refs .. move_unreachable) they hold gc_refs,
// the object's reference count minus the references from other objects of
// the same generation — CPython's trick for needing no side table. Flags F
// and M survive tracking, untracking and collections; C and U never leave a
// collection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gp {

struct Object;
struct TypeObject;
struct ListObject;
struct ThreadState;
class Interpreter;
using isize = std::ptrdiff_t;

// Aligned to 8 even on wasm32 (where a word is 4): the three flag bits of
// _gc_prev must be free in every GCHead address, including the list heads
// that live inside GCState and on the stack. With 4-byte alignment a head at
// an address with bit 2 set was read back 4 bytes off, and every collection
// in the browser corrupted the generation lists.
struct alignas(8) GCHead {
    uintptr_t _gc_next;   // next GCHead* in the list (| NEXT_MASK_UNREACHABLE); 0 = untracked
    uintptr_t _gc_prev;   // previous GCHead* or gc_refs << PREV_SHIFT, | flag bits
};
static_assert(sizeof(GCHead) == 2 * sizeof(void*), "GC header is two words, as PyGC_Head");

constexpr uintptr_t NEXT_MASK_UNREACHABLE = 1;
constexpr uintptr_t PREV_MASK_FINALIZED = 1;
constexpr uintptr_t PREV_MASK_COLLECTING = 2;
constexpr uintptr_t PREV_MASK_DICT_MATERIALIZED = 4;
constexpr uintptr_t PREV_FLAGS = 7;             // the three flag bits
constexpr uintptr_t PREV_MASK = ~PREV_FLAGS;    // the pointer (or gc_refs) part
constexpr int PREV_SHIFT = 3;                   // gc_refs live above the flags
static_assert(alignof(GCHead) > PREV_FLAGS, "every GCHead address leaves the flag bits clear");

inline GCHead* as_gc(Object* op) { return reinterpret_cast<GCHead*>(op) - 1; }
inline Object* from_gc(GCHead* g) { return reinterpret_cast<Object*>(g + 1); }

// The pointer part of _gc_prev, and setting it without touching the flags
// (also used by the trashcan in object.cpp to chain parked objects).
inline GCHead* gc_prev_ptr(const GCHead* g) { return reinterpret_cast<GCHead*>(g->_gc_prev & PREV_MASK); }
inline void gc_set_prev_ptr(GCHead* g, GCHead* prev) {
    g->_gc_prev = (g->_gc_prev & PREV_FLAGS) | reinterpret_cast<uintptr_t>(prev);
}

// PyObject_IS_GC: the object's type has TPFLAGS_HAVE_GC, so it has a header.
bool object_is_gc(Object* op);

struct Generation {
    GCHead head;        // list sentinel (circular; plain pointers, no flags)
    int threshold;      // gen 0: allocations that trigger a collection; older: collections of the younger one
    int count;          // gen 0: allocations minus deallocations of containers; older: collections of the younger one
};

// gc.get_stats(), one per generation.
struct GenerationStats {
    isize collections = 0;    // times this generation was collected
    isize collected = 0;      // objects freed by those collections
    isize uncollectable = 0;  // objects found unreachable but not freeable (always 0: see collector.cpp)
};

// gc.set_debug() flags, as CPython's.
enum GCDebugFlags : int {
    DEBUG_STATS = 1 << 0,          // print statistics of each collection to stderr
    DEBUG_COLLECTABLE = 1 << 1,    // print each collectable object found
    DEBUG_UNCOLLECTABLE = 1 << 2,  // print each uncollectable object found
    DEBUG_SAVEALL = 1 << 5,        // append unreachable objects to gc.garbage instead of freeing them
    DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};

// The collector's state, one per interpreter (CPython's struct _gc_runtime_state).
struct GCState {
    static constexpr int kGenerations = 3;
    Generation generations[kGenerations];   // 0 = youngest
    Generation permanent_generation;        // gc.freeze(): never collected
    GenerationStats stats[kGenerations];
    bool enabled = true;          // automatic collection (gc.enable / gc.disable)
    bool collecting = false;      // a collection is running: never start a second one
    int debug = 0;                // GCDebugFlags
    // The full-collection heuristic (see gc_collect_generations): objects
    // that survived a generation-1 collection since the last full one, and
    // the size of generation 2 after the last full one.
    isize long_lived_pending = 0;
    isize long_lived_total = 0;
    ListObject* garbage = nullptr;     // gc.garbage (owned) [root]
    ListObject* callbacks = nullptr;   // gc.callbacks (owned) [root]
    // weakref.ReferenceType, ProxyType, CallableProxyType (owned), made on
    // first use by weakrefobject.cpp; they live here because clearing weak
    // references is part of collecting. [root]
    TypeObject* weakref_type = nullptr;
    TypeObject* proxy_type = nullptr;
    TypeObject* callable_proxy_type = nullptr;

    GCState();
    GCState(const GCState&) = delete;
    GCState& operator=(const GCState&) = delete;

    // Links a freshly built container into generation 0 (PyObject_GC_Track).
    // Safe on an object that is already tracked.
    void track(Object* op);
    // Unlinks it (PyObject_GC_UnTrack); safe on an untracked object. Keeps
    // the FINALIZED and DICT_MATERIALIZED flags.
    void untrack(Object* op);
    static bool is_tracked(Object* op) { return as_gc(op)->_gc_next != 0; }

    // True when an allocation should schedule an automatic collection
    // (the test in CPython's _PyObject_GC_Link).
    bool collection_due() const {
        const Generation& g0 = generations[0];
        return g0.count > g0.threshold && enabled && g0.threshold && !collecting;
    }
};

// ---- collecting (collector.cpp) ----

// gc.collect(generation): collects `generation` and every younger one, with
// gc.callbacks told "start" and "stop". Returns the number of unreachable
// objects found (0 if a collection is already running). 0 <= generation < 3.
isize gc_collect(ThreadState* ts, int generation);
// The automatic collection, run at a safe point (the eval breaker's
// EVAL_GC_SCHEDULED bit, set by object_alloc): collects the oldest
// generation whose count exceeds its threshold (gc_collect_generations).
void gc_collect_scheduled(ThreadState* ts);
// A full collection without callbacks that never fails
// (_PyGC_CollectNoFail), for interpreter teardown.
isize gc_collect_no_fail(ThreadState* ts);
// Releases gc.garbage, gc.callbacks and the weakref types (_PyGC_Fini):
// the last thing Interpreter::finalize does before freeing the roots.
void gc_fini(Interpreter& interp);

// Checks every generation list (CPython's validate_list, for tests and the
// heap validator): links agree both ways, no collection-time flag is left
// set, each object is a live container. False with *problem described.
bool gc_validate_lists(Interpreter& interp, std::string* problem);

// ---- PEP 442 finalization ----

inline bool gc_is_finalized(Object* op) { return (as_gc(op)->_gc_prev & PREV_MASK_FINALIZED) != 0; }
inline void gc_set_finalized(Object* op) { as_gc(op)->_gc_prev |= PREV_MASK_FINALIZED; }
// PyObject_CallFinalizer: runs type(op)->tp_finalize once in the object's
// life (containers remember it in their header; other objects run it
// every time, as in CPython).
void gc_call_finalizer(ThreadState* ts, Object* op);
// PyObject_CallFinalizerFromDealloc, for a tp_dealloc whose type has
// tp_finalize: revives op (count 0 -> 1), re-tracks it, runs the finalizer
// (once), and drops the count again. Returns false if the finalizer
// resurrected the object: the caller must then return without freeing it.
// Returns true when the object is to die; its weak references have then
// been cleared (callbacks called), as subtype_dealloc does right after
// the finalizer.
bool gc_call_finalizer_from_dealloc(Object* op);

// ---- the tracking rules of CPython 3.11 that gc.is_tracked() shows ----

// _PyObject_GC_MAY_BE_TRACKED: could this object ever be part of a cycle?
// (a container, except a tuple that is already untracked).
bool gc_may_be_tracked(Object* op);
// _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack: stop tracking an exact
// tuple or dict none of whose items may be tracked. The collector applies
// them to survivors (tuples in every collection, dicts in full ones).
void gc_maybe_untrack(Object* op);

// ---- instance dicts CPython would not have created ----
//
// CPython 3.11 keeps the attributes of an ordinary instance (a class with a
// "managed" __dict__, TPFLAGS_MANAGED_DICT) in an inline values array and
// creates a dict object only when something asks for `__dict__` (vars(),
// obj.__dict__, ...). glasspy always stores a real dict, and records in the
// dict's header whether CPython would have created it by now. The
// collector does not count a dict CPython would not have ("two instances in
// a cycle" is 2 unreachable objects, not 4), gc.get_referents shows its
// values in its place, and gc.get_objects/gc.get_referrers skip it.

// Called where CPython materializes the dict: the `__dict__` getter and
// setter of instances (typeobject.cpp).
inline void gc_mark_dict_materialized(Object* dict) { as_gc(dict)->_gc_prev |= PREV_MASK_DICT_MATERIALIZED; }
inline bool gc_dict_is_materialized(Object* dict) { return (as_gc(dict)->_gc_prev & PREV_MASK_DICT_MATERIALIZED) != 0; }
// The instance dict of `op` that CPython would not have created (op's
// class has a managed dict and nobody asked for it), or null.
Object* gc_hidden_dict_of(Object* op);

// ---- reporting ----

// PyErr_WriteUnraisable: prints "Exception ignored in: <repr(obj)>" (or
// "Exception ignored <context>" when obj is null) and the traceback of the
// current exception to sys.stderr, then clears it. For errors nobody can
// catch: in __del__, weakref callbacks, gc callbacks, tp_clear.
void report_unraisable(ThreadState* ts, Object* obj, const char* context = nullptr);
// Writes text to sys.stderr (PySys_WriteStderr), or to the host's stderr
// if sys.stderr is unusable.
void write_stderr(ThreadState* ts, const std::string& text);

}  // namespace gp
