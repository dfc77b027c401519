// collector.cpp — the generational cycle collector.
//
// Mirrors CPython 3.11's Modules/gcmodule.c; the functions below carry its
// names, so the two files can be read side by side.
//
// WHY A CYCLE COLLECTOR
// Reference counting frees an object the moment nothing refers to it. Two
// lists that contain each other never get there: each keeps the other's
// count at 1 after every name for them is gone. Only *containers* (objects
// that hold references: lists, dicts, instances, functions, ...) can form
// such cycles, so only they carry a GC header (collector.h) and live on the
// collector's lists; ints and strings never do.
//
// FINDING GARBAGE WITHOUT KNOWING THE ROOTS
// The collector never looks at the C++ stack, the frames or the modules. It
// only asks each container, through its type's tp_traverse, "which objects
// do you refer to?" — and compares that with reference counts:
//
//   1. update_refs:   gc_refs = ob_refcnt, for every object in the generation.
//   2. subtract_refs: for every reference *from* an object in the generation
//                     *to* an object in the generation, gc_refs -= 1.
//      Now gc_refs counts the references from outside: from frames, C++
//      code, older objects, non-containers. gc_refs > 0 means "certainly
//      alive".
//   3. move_unreachable: everything reachable from a certainly-alive object
//      is alive too. What is left is unreachable: only garbage refers to it.
//
//     outside ──▶ [A] ──▶ [B]        [C] ⇄ [D]
//     gc_refs:     1       0          0     0
//     A is alive (gc_refs 1), B is reachable from A; C and D are garbage.
//
// DISPOSING OF GARBAGE SAFELY
//   4. handle_weakrefs: clear every weak reference to the garbage, then call
//      the callbacks of those weakrefs that are not garbage themselves.
//   5. finalize_garbage: call tp_finalize (__del__) on each object once in
//      its life (PEP 442); the header's FINALIZED bit remembers.
//   6. handle_resurrected_objects: a finalizer may have stored a reference
//      to the garbage somewhere alive. Steps 1-3 run again on the garbage
//      alone; whatever is reachable now is "resurrected" and survives.
//   7. delete_garbage: tp_clear on each remaining object drops its
//      references; the cycles break, counts reach zero, and ordinary
//      deallocation frees everything.
//
// GENERATIONS
// Most objects die young, and those that survive tend to live long. New
// containers enter generation 0; survivors of a collection move one
// generation older. Generation 0 is collected when allocations minus
// deallocations of containers exceed 700; generation 1 after 10 collections
// of generation 0; generation 2 (everything) after 10 of generation 1 — but
// only if the objects that survived generation 1 since the last full
// collection exceed 25% of the long-lived ones, so a program with a big,
// stable heap does not pay for walking it over and over.
//
// Automatic collections run at a safe point: object_alloc only sets the
// EVAL_GC_SCHEDULED bit of the eval breaker, and the eval loop collects at
// its next check (CPython 3.12 does the same; 3.11 collected inside the
// allocation).
//
// WHAT GLASSPY LEAVES OUT
// Legacy finalizers (tp_del, pre-3.4 __del__ semantics) do not exist, so no
// garbage is ever "uncollectable": gc.garbage fills only under
// DEBUG_SAVEALL. Type objects are not containers here (classes are never
// collected). CPython 3.11 stores plain instances' attributes without a
// dict object; glasspy has one and hides it from the counts (collector.h).
#include "gc/collector.h"
#include "runtime/frame.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"

#include <cassert>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"

namespace gp {

// Type objects all carry the header, but only classes count as containers
// (CPython's type_is_gc): built-in types are never collected or traversed.
bool object_is_gc(Object* op) {
    TypeObject* t = type_of(op);
    if (!type_has_flag(t, TPFLAGS_HAVE_GC)) return false;
    return !type_has_flag(t, TPFLAGS_TYPE_SUBCLASS) || type_has_flag(static_cast<TypeObject*>(op), TPFLAGS_HEAPTYPE);
}

// ------------------------------------------------------------ list primitives

static inline GCHead* GC_NEXT(const GCHead* g) { return reinterpret_cast<GCHead*>(g->_gc_next); }
static inline GCHead* GC_PREV(const GCHead* g) { return gc_prev_ptr(g); }
static inline void set_next(GCHead* g, GCHead* next) { g->_gc_next = reinterpret_cast<uintptr_t>(next); }
static inline void set_prev(GCHead* g, GCHead* prev) { gc_set_prev_ptr(g, prev); }

static void gc_list_init(GCHead* list) {
    list->_gc_prev = reinterpret_cast<uintptr_t>(list);
    list->_gc_next = reinterpret_cast<uintptr_t>(list);
}

static bool gc_list_is_empty(const GCHead* list) { return list->_gc_next == reinterpret_cast<uintptr_t>(list); }

// Appends `node` to the end of `list`.
static void gc_list_append(GCHead* node, GCHead* list) {
    GCHead* last = reinterpret_cast<GCHead*>(list->_gc_prev);
    set_prev(node, last);
    set_next(last, node);
    set_next(node, list);
    list->_gc_prev = reinterpret_cast<uintptr_t>(node);
}

// Moves `node` from whatever list it is on to the end of `list`.
static void gc_list_move(GCHead* node, GCHead* list) {
    GCHead* from_prev = GC_PREV(node);
    GCHead* from_next = GC_NEXT(node);
    set_next(from_prev, from_next);
    set_prev(from_next, from_prev);
    gc_list_append(node, list);
}

// Appends all of `from` to `to`; `from` becomes empty.
static void gc_list_merge(GCHead* from, GCHead* to) {
    if (!gc_list_is_empty(from)) {
        GCHead* to_tail = GC_PREV(to);
        GCHead* from_head = GC_NEXT(from);
        GCHead* from_tail = GC_PREV(from);
        set_next(to_tail, from_head);
        set_prev(from_head, to_tail);
        set_next(from_tail, to);
        set_prev(to, from_tail);
    }
    gc_list_init(from);
}

static isize gc_list_size(const GCHead* list) {
    isize n = 0;
    for (const GCHead* g = GC_NEXT(list); g != list; g = GC_NEXT(g)) n++;
    return n;
}

// ------------------------------------------------------------ gc_refs

static inline isize gc_get_refs(const GCHead* g) { return isize(g->_gc_prev >> PREV_SHIFT); }
static inline void gc_set_refs(GCHead* g, isize refs) {
    g->_gc_prev = (g->_gc_prev & PREV_FLAGS) | (uintptr_t(refs) << PREV_SHIFT);
}
// Starts a collection for `g`: gc_refs = refs, COLLECTING set, the lasting flags kept.
static inline void gc_reset_refs(GCHead* g, isize refs) {
    g->_gc_prev = (g->_gc_prev & (PREV_MASK_FINALIZED | PREV_MASK_DICT_MATERIALIZED)) | PREV_MASK_COLLECTING |
                  (uintptr_t(refs) << PREV_SHIFT);
}
static inline void gc_decref(GCHead* g) { g->_gc_prev -= uintptr_t(1) << PREV_SHIFT; }
static inline bool gc_is_collecting(const GCHead* g) { return (g->_gc_prev & PREV_MASK_COLLECTING) != 0; }
static inline void gc_clear_collecting(GCHead* g) { g->_gc_prev &= ~PREV_MASK_COLLECTING; }

// ------------------------------------------------------------ GCState

GCState::GCState() {
    // CPython 3.11's defaults: (700, 10, 10).
    const int thresholds[kGenerations] = {700, 10, 10};
    for (int i = 0; i < kGenerations; i++) {
        gc_list_init(&generations[i].head);
        generations[i].threshold = thresholds[i];
        generations[i].count = 0;
    }
    gc_list_init(&permanent_generation.head);
    permanent_generation.threshold = 0;
    permanent_generation.count = 0;
}

void GCState::track(Object* op) {
    GCHead* g = as_gc(op);
    assert((reinterpret_cast<uintptr_t>(g) & PREV_FLAGS) == 0 && "GC headers must be 8-byte aligned");
    if (g->_gc_next) return;
    gc_list_append(g, &generations[0].head);
}

void GCState::untrack(Object* op) {
    GCHead* g = as_gc(op);
    if (!g->_gc_next) return;
    GCHead* prev = GC_PREV(g);
    GCHead* next = GC_NEXT(g);
    set_next(prev, next);
    set_prev(next, prev);
    g->_gc_next = 0;
    g->_gc_prev &= PREV_MASK_FINALIZED | PREV_MASK_DICT_MATERIALIZED;
}

// ------------------------------------------------------------ tracking rules

bool gc_may_be_tracked(Object* op) {
    if (!object_is_gc(op)) return false;
    if (isinstance_exact(op, type_of(op)->interp->types.tuple)) return GCState::is_tracked(op);
    return true;
}

static int visit_may_be_tracked(Object* child, void*) { return gc_may_be_tracked(child) ? 1 : 0; }

void gc_maybe_untrack(Object* op) {
    Interpreter& interp = *type_of(op)->interp;
    if (!GCState::is_tracked(op)) return;
    if (isinstance_exact(op, interp.types.tuple)) {
        // A tuple with null items is still being filled: leave it alone.
        auto* t = as_tuple(op);
        for (isize i = 0; i < t->ob_size; i++)
            if (!t->ob_item[i] || gc_may_be_tracked(t->ob_item[i])) return;
        interp.gc.untrack(op);
    } else if (isinstance_exact(op, interp.types.dict)) {
        // dict_traverse visits exactly what _PyDict_MaybeUntrack looks at:
        // values, and keys of non-str tables.
        if (type_of(op)->tp_traverse(op, visit_may_be_tracked, nullptr)) return;
        interp.gc.untrack(op);
    }
}

// Untracks the tuples in `head` that hold nothing trackable (untrack_tuples).
static void untrack_tuples(Interpreter& interp, GCHead* head) {
    GCHead* next;
    for (GCHead* g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        Object* op = from_gc(g);
        if (isinstance_exact(op, interp.types.tuple)) gc_maybe_untrack(op);
    }
}

// The same for dicts; only in full collections, to avoid quadratic work
// on dicts that are built up over time (bpo-14775).
static void untrack_dicts(Interpreter& interp, GCHead* head) {
    GCHead* next;
    for (GCHead* g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        Object* op = from_gc(g);
        if (isinstance_exact(op, interp.types.dict)) gc_maybe_untrack(op);
    }
}

// ------------------------------------------------------------ hidden dicts

Object* gc_hidden_dict_of(Object* op) {
    TypeObject* t = type_of(op);
    if (!type_has_flag(t, TPFLAGS_MANAGED_DICT) || t->tp_dictoffset == 0) return nullptr;
    Object** dictptr = instance_dict_ptr(op);
    if (!dictptr || !*dictptr || !object_is_gc(*dictptr)) return nullptr;
    return gc_dict_is_materialized(*dictptr) ? nullptr : *dictptr;
}

// The dicts of `list` that CPython would not have created: hidden dicts
// (gc_hidden_dict_of) of members, that are members themselves.
static std::unordered_set<Object*> hidden_dicts_in(GCHead* list) {
    std::unordered_set<Object*> hidden;
    for (GCHead* g = GC_NEXT(list); g != list; g = GC_NEXT(g)) {
        Object* d = gc_hidden_dict_of(from_gc(g));
        if (d && GCState::is_tracked(d) && gc_is_collecting(as_gc(d))) hidden.insert(d);
    }
    return hidden;
}

// ------------------------------------------------------------ reporting

void write_stderr(ThreadState* ts, const std::string& text) {
    Interpreter& interp = *ts->interp;
    Ref<> saved = error_fetch(ts);
    bool ok = false;
    if (interp.sys) {
        if (Ref<> err = object_getattr_cstr(ts, interp.sys, "stderr")) {
            if (err.get() != interp.None) {
                Ref<> s = str_from_utf8(ts, text);
                Ref<> write = object_getattr_cstr(ts, err.get(), "write");
                if (s && write) ok = bool(object_call_one(ts, write.get(), s.get()));
            }
        }
    }
    if (!ok) {
        error_clear(ts);
        if (interp.output) interp.output(Stream::Stderr, text);
    }
    if (saved) error_restore(ts, std::move(saved));
}

void report_unraisable(ThreadState* ts, Object* obj, const char* context) {
    Ref<> exc = error_fetch(ts);
    if (!exc) return;
    // An exception with no traceback gets the frame that is running now
    // (errors.c: _PyErr_WriteUnraisableMsg).
    if (is_exception_instance(exc.get()) && !static_cast<BaseExceptionObject*>(exc.get())->traceback && ts->frame) {
        if (!traceback_add(ts, exc.get(), ts->frame)) error_clear(ts);
    }
    std::string text;
    if (obj) {
        Ref<> r = object_repr(ts, obj);
        std::string where = r ? std::string(str_utf8(r.get())) : "<object repr() failed>";
        error_clear(ts);
        text = "Exception ignored in: " + where + "\n";
    } else {
        text = "Exception ignored ";
        if (context) text += context;
        text += ":\n";
    }
    text += format_exception(ts, exc.get());
    error_clear(ts);
    write_stderr(ts, text);
}

static std::string address(Object* op) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(op));
    return buf;
}

// debug_cycle: "gc: collectable <list 0x...>".
static void debug_cycle(ThreadState* ts, const char* msg, Object* op) {
    std::string text = "gc: ";
    text += msg;
    text += " <";
    text += type_of(op)->tp_name;
    text += " ";
    text += address(op);
    text += ">\n";
    write_stderr(ts, text);
}

static void show_stats_each_generations(ThreadState* ts, GCState& gc) {
    std::string text = "gc: objects in each generation:";
    for (int i = 0; i < GCState::kGenerations; i++) {
        text += ' ';
        text += std::to_string(gc_list_size(&gc.generations[i].head));
    }
    text += "\ngc: objects in permanent generation: ";
    text += std::to_string(gc_list_size(&gc.permanent_generation.head));
    text += '\n';
    write_stderr(ts, text);
}

// ------------------------------------------------------------ the phases

// Postcondition: every object in `containers` has COLLECTING set and
// gc_refs == its reference count (> 0: a count of 0 would mean it should
// already have been freed).
static void update_refs(GCHead* containers) {
    for (GCHead* g = GC_NEXT(containers); g != containers; g = GC_NEXT(g))
        gc_reset_refs(g, from_gc(g)->ob_refcnt);
}

// A traversal callback for subtract_refs: only objects being collected
// (COLLECTING set) have gc_refs to adjust.
static int visit_decref(Object* op, void*) {
    if (object_is_gc(op)) {
        GCHead* g = as_gc(op);
        if (gc_is_collecting(g)) gc_decref(g);
    }
    return 0;
}

// Postcondition: gc_refs of each object in `containers` counts only the
// references from outside `containers` (>= 0).
static void subtract_refs(GCHead* containers) {
    for (GCHead* g = GC_NEXT(containers); g != containers; g = GC_NEXT(g)) {
        Object* op = from_gc(g);
        if (traverseproc traverse = type_of(op)->tp_traverse) traverse(op, visit_decref, op);
    }
}

// A traversal callback for move_unreachable: `op` is referenced from an
// object known to be reachable, so it is reachable too.
static int visit_reachable(Object* op, void* arg) {
    GCHead* reachable = static_cast<GCHead*>(arg);
    if (!object_is_gc(op)) return 0;
    GCHead* g = as_gc(op);
    // Objects in other generations, and those already scanned (to the left
    // of the scan in `young`), have COLLECTING clear.
    if (!gc_is_collecting(g)) return 0;
    if (g->_gc_next & NEXT_MASK_UNREACHABLE) {
        // It had gc_refs 0 when move_unreachable passed it and went to
        // `unreachable`, but it is reachable after all: unlink it by hand
        // (the list functions do not expect the mask) and put it back at
        // the end of `young`, where the scan will reach it again.
        GCHead* prev = GC_PREV(g);
        GCHead* next = reinterpret_cast<GCHead*>(g->_gc_next & ~NEXT_MASK_UNREACHABLE);
        prev->_gc_next = g->_gc_next;   // keeps the mask on prev
        set_prev(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        // Still ahead of the scan in `young`: just tell the scan it is reachable.
        gc_set_refs(g, 1);
    }
    // Else gc_refs > 0: ahead of the scan, already known reachable.
    return 0;
}

// Splits `young` into reachable and unreachable.
// Precondition: update_refs and subtract_refs ran on `young`.
// Postcondition: `young` holds the objects reachable from outside it
// (COLLECTING clear, _gc_prev a pointer again); `unreachable` holds the
// rest (COLLECTING set, NEXT_MASK_UNREACHABLE set in _gc_next).
//
// While it runs `young` is singly linked: the _gc_prev words of objects
// not yet scanned still hold gc_refs, and `prev` rebuilds the back links
// as the scan moves right.
static void move_unreachable(GCHead* young, GCHead* unreachable) {
    GCHead* prev = young;   // last object kept in `young`
    GCHead* g = GC_NEXT(young);
    // Invariant: every object to the left of `g` in `young` is reachable
    // from outside the original `young` and has been traversed; every
    // object of the original `young` not to the left of `g` and not ahead
    // of it is in `unreachable` (tentatively: visit_reachable may still
    // bring it back).
    while (g != young) {
        if (gc_get_refs(g)) {
            // Definitely reachable: traverse it, marking what it refers to.
            // Traversal may append objects to `young` (and so change
            // g->_gc_next when g is last): read the next link afterwards.
            Object* op = from_gc(g);
            if (traverseproc traverse = type_of(op)->tp_traverse) traverse(op, visit_reachable, young);
            set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
        } else {
            // Maybe unreachable. Assume it is for now; visit_reachable moves
            // it back if a reachable object turns out to refer to it.
            prev->_gc_next = g->_gc_next;
            GCHead* last = GC_PREV(unreachable);
            // Every object on `unreachable` carries the mask; setting it on
            // the head's link too is repaired at the end.
            last->_gc_next = NEXT_MASK_UNREACHABLE | reinterpret_cast<uintptr_t>(g);
            set_prev(g, last);
            g->_gc_next = NEXT_MASK_UNREACHABLE | reinterpret_cast<uintptr_t>(unreachable);
            unreachable->_gc_prev = reinterpret_cast<uintptr_t>(g);
        }
        g = reinterpret_cast<GCHead*>(prev->_gc_next);
    }
    young->_gc_prev = reinterpret_cast<uintptr_t>(prev);
    unreachable->_gc_next &= ~NEXT_MASK_UNREACHABLE;
}

// Postcondition: `unreachable` is an ordinary list again (masks cleared);
// its objects keep COLLECTING, which later phases read as "is garbage".
static void clear_unreachable_mask(GCHead* unreachable) {
    GCHead* next;
    for (GCHead* g = GC_NEXT(unreachable); g != unreachable; g = next) {
        g->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = GC_NEXT(g);
    }
}

// Steps 1-3. Postcondition: as move_unreachable's, with `unreachable`
// still masked.
static void deduce_unreachable(GCHead* base, GCHead* unreachable) {
    update_refs(base);       // _gc_prev holds gc_refs from here...
    subtract_refs(base);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable);   // ...and is a pointer again after
}

static void gc_list_clear_collecting(GCHead* list) {
    for (GCHead* g = GC_NEXT(list); g != list; g = GC_NEXT(g)) gc_clear_collecting(g);
}

// Clears every weak reference to an object in `unreachable`, and every
// weak reference that is itself in `unreachable`; then calls the callbacks
// of the cleared weakrefs that are *not* garbage. No callback runs before
// all are cleared, so none can reach the garbage through a weakref.
// Returns how many of those weakrefs died when their callback returned
// (CPython counts them among the collected objects).
static isize handle_weakrefs(ThreadState* ts, GCHead* unreachable, GCHead* old) {
    GCHead wrcb_to_call;   // weakrefs whose callbacks will run (we own a reference to each)
    gc_list_init(&wrcb_to_call);
    GCHead* next;
    for (GCHead* g = GC_NEXT(unreachable); g != unreachable; g = next) {
        Object* op = from_gc(g);
        next = GC_NEXT(g);
        // A weakref in the garbage must not fire later from delete_garbage,
        // when its referent may be half torn down (bpo-38006).
        if (is_weakref(op)) weakref_clear_ref(static_cast<WeakRefObject*>(op));
        WeakRefObject** list = weaklist_ptr(op);
        if (!list) continue;
        for (WeakRefObject* wr = *list; wr; wr = *list) {
            weakref_clear_ref(wr);   // unlinks it: *list moves on
            if (!wr->wr_callback || ts->interp->finalizers_off) continue;
            // If the weakref is garbage too, pretend it died first: its
            // callback might be garbage as well and could resurrect insane
            // objects. Otherwise it outlived its referent and is called.
            if (gc_is_collecting(as_gc(wr))) continue;
            // A weakref whose own deallocation is pending (parked by the
            // trashcan: count 0, untracked) is not called, as in
            // clear_weakrefs.
            if (wr->ob_refcnt == 0 || !GCState::is_tracked(wr)) continue;
            incref(wr);
            gc_list_move(as_gc(wr), &wrcb_to_call);
        }
    }
    isize num_freed = 0;
    while (!gc_list_is_empty(&wrcb_to_call)) {
        GCHead* g = GC_NEXT(&wrcb_to_call);
        auto* wr = static_cast<WeakRefObject*>(from_gc(g));
        Object* callback = wr->wr_callback;
        Ref<> r = object_call_one(ts, callback, wr);
        if (!r) report_unraisable(ts, callback);
        decref(wr);
        if (GC_NEXT(&wrcb_to_call) == g) gc_list_move(g, old);   // still alive
        else num_freed++;
    }
    return num_freed;
}

// Step 5: calls tp_finalize on each object not finalized before.
// Finalizers run arbitrary code that may free objects of `collectable`
// (or move them), so the loop always takes the first object and moves it
// to `seen` first.
static void finalize_garbage(ThreadState* ts, GCHead* collectable) {
    GCHead seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        GCHead* g = GC_NEXT(collectable);
        Object* op = from_gc(g);
        gc_list_move(g, &seen);
        finalizefunc finalize = type_of(op)->tp_finalize;
        if (ts->interp->finalizers_off) finalize = nullptr;
        if (!(g->_gc_prev & PREV_MASK_FINALIZED) && finalize) {
            g->_gc_prev |= PREV_MASK_FINALIZED;
            incref(op);
            finalize(ts, op);
            if (error_occurred(ts)) report_unraisable(ts, op);
            decref(op);
        }
    }
    gc_list_merge(&seen, collectable);
}

// Step 6. Postcondition: `still_unreachable` holds what is garbage even
// counting the references the finalizers made; the rest of `unreachable`
// is resurrected and joins `old`.
static void handle_resurrected_objects(GCHead* unreachable, GCHead* still_unreachable, GCHead* old) {
    gc_list_clear_collecting(unreachable);
    GCHead* resurrected = unreachable;
    deduce_unreachable(resurrected, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    gc_list_merge(resurrected, old);
}

// Step 7: breaks the cycles with tp_clear. Objects that survive their
// clear (something still refers to them) move to `old`.
static void delete_garbage(ThreadState* ts, GCState& gc, GCHead* collectable, GCHead* old,
                           const std::unordered_set<Object*>& hidden) {
    while (!gc_list_is_empty(collectable)) {
        GCHead* g = GC_NEXT(collectable);
        Object* op = from_gc(g);
        if (gc.debug & DEBUG_SAVEALL) {
            // The dicts CPython would not have stay alive through their owners.
            if (!hidden.count(op) && gc.garbage && !list_append(ts, gc.garbage, op)) error_clear(ts);
        } else if (clearproc clear = type_of(op)->tp_clear) {
            incref(op);
            clear(op);
            if (error_occurred(ts)) report_unraisable(ts, type_of(op), "in tp_clear of");
            decref(op);
        }
        if (GC_NEXT(collectable) == g) {
            // Still alive: move it on, it may die later.
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
    }
}

// ------------------------------------------------------------ collect

// gc_collect_main: one collection of `generation` (and the younger ones).
// Returns the number of unreachable objects found.
static isize gc_collect_main(ThreadState* ts, int generation, isize* n_collected, isize* n_uncollectable) {
    Interpreter& interp = *ts->interp;
    GCState& gc = interp.gc;
    Ref<> saved_exc = error_fetch(ts);

    uint64_t t1 = 0;   // the "elapsed" of DEBUG_STATS, which leaves out its own printing
    if (gc.debug & DEBUG_STATS) {
        write_stderr(ts, "gc: collecting generation " + std::to_string(generation) + "...\n");
        show_stats_each_generations(ts, gc);
        t1 = monotonic_ns();
    }

    // Collecting generation g counts as one collection "of the younger
    // generation" for g + 1; g and the younger ones start counting afresh.
    if (generation + 1 < GCState::kGenerations) gc.generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) gc.generations[i].count = 0;

    // Merge the younger generations into the one being collected.
    for (int i = 0; i < generation; i++) gc_list_merge(&gc.generations[i].head, &gc.generations[generation].head);
    GCHead* young = &gc.generations[generation].head;
    GCHead* old = generation < GCState::kGenerations - 1 ? &gc.generations[generation + 1].head : young;
    // Trace: GcStart(generation, objects examined); GcDone(generation,
    // collected, uncollectable). The duration is the time between the two.
    if (interp.trace.enabled()) interp.trace.emit(TraceKind::GcStart, 0, generation, gc_list_size(young));

    GCHead unreachable;
    deduce_unreachable(young, &unreachable);

    untrack_tuples(interp, young);
    // Survivors move one generation up.
    if (young != old) {
        if (generation == GCState::kGenerations - 2) gc.long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    } else {
        untrack_dicts(interp, young);
        gc.long_lived_pending = 0;
        gc.long_lived_total = gc_list_size(young);
    }

    // (CPython moves objects with legacy tp_del finalizers out of
    // `unreachable` here; glasspy has none.)
    clear_unreachable_mask(&unreachable);

    if (gc.debug & DEBUG_COLLECTABLE) {
        std::unordered_set<Object*> hidden = hidden_dicts_in(&unreachable);
        for (GCHead* g = GC_NEXT(&unreachable); g != &unreachable; g = GC_NEXT(g))
            if (!hidden.count(from_gc(g))) debug_cycle(ts, "collectable", from_gc(g));
    }

    isize m = handle_weakrefs(ts, &unreachable, old);   // collected
    isize n = 0;                                         // uncollectable
    finalize_garbage(ts, &unreachable);

    GCHead final_unreachable;
    handle_resurrected_objects(&unreachable, &final_unreachable, old);

    // What CPython would count: the dicts it would not have created are
    // left out (glasspy's instances always have one; see collector.h).
    std::unordered_set<Object*> hidden = hidden_dicts_in(&final_unreachable);
    m += gc_list_size(&final_unreachable) - isize(hidden.size());
    delete_garbage(ts, gc, &final_unreachable, old, hidden);

    if (gc.debug & DEBUG_STATS) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "gc: done, %td unreachable, %td uncollectable, %.4fs elapsed\n", n + m, n,
                      double(monotonic_ns() - t1) / 1e9);
        write_stderr(ts, buf);
    }
    if (error_occurred(ts)) report_unraisable(ts, nullptr, "in garbage collection");

    GenerationStats& st = gc.stats[generation];
    st.collections++;
    st.collected += m;
    st.uncollectable += n;
    if (n_collected) *n_collected = m;
    if (n_uncollectable) *n_uncollectable = n;
    interp.trace.emit(TraceKind::GcDone, 0, generation, m, n);
    if (saved_exc) error_restore(ts, std::move(saved_exc));
    return n + m;
}

// Calls each of gc.callbacks with (phase, {"generation": ..., "collected":
// ..., "uncollectable": ...}). Errors are reported, never raised.
static void invoke_gc_callback(ThreadState* ts, const char* phase, int generation, isize collected,
                               isize uncollectable) {
    GCState& gc = ts->interp->gc;
    if (!gc.callbacks || gc.callbacks->ob_size == 0) return;
    Ref<DictObject> info = dict_new(ts);
    Ref<> g = int_from_i64(ts, generation), c = int_from_i64(ts, collected), u = int_from_i64(ts, uncollectable);
    Ref<> ph = str_from_utf8(ts, phase);
    if (!info || !g || !c || !u || !ph || !dict_set_cstr(ts, info.get(), "generation", g.get()) ||
        !dict_set_cstr(ts, info.get(), "collected", c.get()) ||
        !dict_set_cstr(ts, info.get(), "uncollectable", u.get())) {
        report_unraisable(ts, nullptr, "in gc callback");
        return;
    }
    // The list may change while callbacks run: re-read its size each time.
    Ref<ListObject> keep = newref(gc.callbacks);
    for (isize i = 0; i < keep->ob_size; i++) {
        Ref<> cb = newref(keep->ob_item[i]);
        Object* args[2] = {ph.get(), info.get()};
        Ref<> r = object_vectorcall(ts, cb.get(), args, 2, nullptr);
        if (!r) report_unraisable(ts, cb.get());
    }
}

static isize gc_collect_with_callback(ThreadState* ts, int generation) {
    invoke_gc_callback(ts, "start", generation, 0, 0);
    isize collected = 0, uncollectable = 0;
    isize result = gc_collect_main(ts, generation, &collected, &uncollectable);
    invoke_gc_callback(ts, "stop", generation, collected, uncollectable);
    return result;
}

// Collects the oldest generation whose count exceeds its threshold.
static isize gc_collect_generations(ThreadState* ts) {
    GCState& gc = ts->interp->gc;
    for (int i = GCState::kGenerations - 1; i >= 0; i--) {
        if (gc.generations[i].count > gc.generations[i].threshold) {
            // A full collection walks every container in the program. Do it
            // only when enough objects have survived generation 1 since the
            // last one: 25% of what the last full collection left alive.
            // The cost of full collections then stays proportional to the
            // number of new long-lived objects (bpo-4074).
            if (i == GCState::kGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
            return gc_collect_with_callback(ts, i);
        }
    }
    return 0;
}

isize gc_collect(ThreadState* ts, int generation) {
    GCState& gc = ts->interp->gc;
    if (gc.collecting) return 0;   // a finalizer called gc.collect(): nothing to do
    gc.collecting = true;
    isize n = gc_collect_with_callback(ts, generation);
    gc.collecting = false;
    return n;
}

void gc_collect_scheduled(ThreadState* ts) {
    GCState& gc = ts->interp->gc;
    if (!gc.collection_due() || error_occurred(ts)) return;
    gc.collecting = true;
    gc_collect_generations(ts);
    gc.collecting = false;
}

isize gc_collect_no_fail(ThreadState* ts) {
    GCState& gc = ts->interp->gc;
    if (gc.collecting) return 0;
    gc.collecting = true;
    isize n = gc_collect_main(ts, GCState::kGenerations - 1, nullptr, nullptr);
    error_clear(ts);
    gc.collecting = false;
    return n;
}

void gc_fini(Interpreter& interp) {
    GCState& gc = interp.gc;
    ListObject* lists[] = {gc.garbage, gc.callbacks};
    gc.garbage = nullptr;
    gc.callbacks = nullptr;
    for (ListObject* l : lists) xdecref(l);
    TypeObject* types[] = {gc.weakref_type, gc.proxy_type, gc.callable_proxy_type};
    gc.weakref_type = gc.proxy_type = gc.callable_proxy_type = nullptr;
    for (TypeObject* t : types) xdecref(t);
}

bool gc_validate_lists(Interpreter& interp, std::string* problem) {
    GCState& gc = interp.gc;
    auto check = [&](GCHead* head, const char* name) {
        GCHead* prev = head;
        for (GCHead* g = GC_NEXT(head); g != head; g = GC_NEXT(g)) {
            Object* op = from_gc(g);
            std::string where = std::string(name) + ": <" + type_of(op)->tp_name + " " + address(op) + "> ";
            if (g->_gc_next & NEXT_MASK_UNREACHABLE) { *problem = where + "has NEXT_MASK_UNREACHABLE"; return false; }
            if (g->_gc_prev & PREV_MASK_COLLECTING) { *problem = where + "has PREV_MASK_COLLECTING"; return false; }
            if (GC_PREV(g) != prev) { *problem = where + "has a wrong prev link"; return false; }
            if (op->ob_refcnt <= 0) { *problem = where + "is tracked with refcount <= 0"; return false; }
            if (!object_is_gc(op)) { *problem = where + "is not a container"; return false; }
            prev = g;
        }
        if (GC_PREV(head) != prev) { *problem = std::string(name) + ": the head's prev is not the last object"; return false; }
        return true;
    };
    const char* names[] = {"generation 0", "generation 1", "generation 2"};
    for (int i = 0; i < GCState::kGenerations; i++)
        if (!check(&gc.generations[i].head, names[i])) return false;
    return check(&gc.permanent_generation.head, "permanent generation");
}

// ------------------------------------------------------------ finalizers

void gc_call_finalizer(ThreadState* ts, Object* op) {
    TypeObject* t = type_of(op);
    if (!t->tp_finalize || t->interp->finalizers_off) return;
    const bool gc = type_has_flag(t, TPFLAGS_HAVE_GC);
    if (gc && gc_is_finalized(op)) return;
    t->tp_finalize(ts, op);
    if (gc) gc_set_finalized(op);
}

bool gc_call_finalizer_from_dealloc(Object* op) {
    TypeObject* t = type_of(op);
    Interpreter& interp = *t->interp;
    ThreadState* ts = interp.current_thread();
    // Revive the object while the finalizer runs; keep it tracked so that a
    // resurrected object can still be collected later.
    op->ob_refcnt = 1;
    if (type_has_flag(t, TPFLAGS_HAVE_GC)) interp.gc.track(op);
    gc_call_finalizer(ts, op);
    if (--op->ob_refcnt != 0) return false;   // resurrected
    clear_weakrefs(op);   // callbacks get the dead weakref, never op: op stays dead
    return true;
}

}  // namespace gp
