// gc_module.cpp — the `gc` module: a thin layer over the collector.
//
// Mirrors the Python-facing half of CPython 3.11's Modules/gcmodule.c
// (gc_collect_impl, gc_get_objects_impl, gc_get_referrers, ...); the
// mechanism itself is core/gc/collector.cpp. Every function reads or sets a
// field of the interpreter's GCState or walks its generation lists.
#include <limits>
#include <unordered_set>

#include "gc/collector.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
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

// ------------------------------------------------------------ helpers

// An argument converted as Argument Clinic's `int` converter does.
static bool arg_as_int(ThreadState* ts, Object* o, int* out) {
    TypeObject* t = type_of(o);
    if (!is_int(o) && !(t->tp_as_number && t->tp_as_number->nb_index)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("'") + type_name(o) + "' object cannot be interpreted as an integer");
        return false;
    }
    isize v;
    if (!index_as_isize(ts, o, &v)) return false;
    if (v > std::numeric_limits<int>::max()) {
        raise(ts, ts->interp->exc.OverflowError, "signed integer is greater than maximum");
        return false;
    }
    if (v < std::numeric_limits<int>::min()) {
        raise(ts, ts->interp->exc.OverflowError, "signed integer is less than minimum");
        return false;
    }
    *out = int(v);
    return true;
}

static Ref<> int_tuple(ThreadState* ts, std::initializer_list<int64_t> values) {
    std::vector<Ref<>> items;
    std::vector<Object*> raw;
    for (int64_t v : values) {
        Ref<> i = int_from_i64(ts, v);
        if (!i) return nullptr;
        raw.push_back(i.get());
        items.push_back(std::move(i));
    }
    return tuple_from_array(ts, raw.data(), isize(raw.size()));
}

static GCHead* gen_head(GCState& gc, int i) { return &gc.generations[i].head; }

template <class F>
static void for_each_in(GCHead* list, F f) {
    for (GCHead* g = reinterpret_cast<GCHead*>(list->_gc_next); g != list; g = reinterpret_cast<GCHead*>(g->_gc_next))
        f(from_gc(g));
}

// The instance dicts CPython would not have created (collector.h): they
// are not listed, and their values show up as the owner's referents.
static std::unordered_set<Object*> hidden_dicts(GCState& gc) {
    std::unordered_set<Object*> hidden;
    auto note = [&](Object* op) {
        if (Object* d = gc_hidden_dict_of(op)) hidden.insert(d);
    };
    for (int i = 0; i < GCState::kGenerations; i++) for_each_in(gen_head(gc, i), note);
    for_each_in(&gc.permanent_generation.head, note);
    return hidden;
}

#define NOKW(name) if (!check_no_kwargs(ts, name, kw)) return nullptr
#define NOARGS(name) if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr

// ------------------------------------------------------------ functions

static Ref<> gc_collect_fn(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"generation"};
    static const ArgSpec spec{"collect", names, 1, 0, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    int generation = GCState::kGenerations - 1;
    if (a[0] && !arg_as_int(ts, a[0], &generation)) return nullptr;
    if (generation < 0 || generation >= GCState::kGenerations)
        return raise(ts, ts->interp->exc.ValueError, "invalid generation");
    return int_from_i64(ts, gc_collect(ts, generation));
}

static Ref<> gc_enable(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("enable");
    ts->interp->gc.enabled = true;
    return newref(ts->interp->None);
}

static Ref<> gc_disable(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("disable");
    ts->interp->gc.enabled = false;
    return newref(ts->interp->None);
}

static Ref<> gc_isenabled(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("isenabled");
    return bool_ref(ts, ts->interp->gc.enabled);
}

static Ref<> gc_get_count(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("get_count");
    GCState& gc = ts->interp->gc;
    return int_tuple(ts, {gc.generations[0].count, gc.generations[1].count, gc.generations[2].count});
}

static Ref<> gc_get_threshold(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("get_threshold");
    GCState& gc = ts->interp->gc;
    return int_tuple(ts, {gc.generations[0].threshold, gc.generations[1].threshold, gc.generations[2].threshold});
}

// set_threshold(threshold0[, threshold1[, threshold2]])
static Ref<> gc_set_threshold(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set_threshold");
    if (nargs < 1) return raise(ts, ts->interp->exc.TypeError, "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return raise(ts, ts->interp->exc.TypeError,
                     "set_threshold() takes at most 3 arguments (" + std::to_string(nargs) + " given)");
    int values[3];
    for (isize i = 0; i < nargs; i++)
        if (!arg_as_int(ts, args[i], &values[i])) return nullptr;
    GCState& gc = ts->interp->gc;
    for (isize i = 0; i < nargs; i++) gc.generations[i].threshold = values[i];
    return newref(ts->interp->None);
}

static Ref<> gc_get_stats(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("get_stats");
    GCState& gc = ts->interp->gc;
    Ref<ListObject> result = list_new(ts, 0);
    if (!result) return nullptr;
    for (const GenerationStats& st : gc.stats) {
        Ref<DictObject> d = dict_new(ts);
        Ref<> a = int_from_i64(ts, st.collections), b = int_from_i64(ts, st.collected),
              c = int_from_i64(ts, st.uncollectable);
        if (!d || !a || !b || !c || !dict_set_cstr(ts, d.get(), "collections", a.get()) ||
            !dict_set_cstr(ts, d.get(), "collected", b.get()) ||
            !dict_set_cstr(ts, d.get(), "uncollectable", c.get()) || !list_append(ts, result.get(), d.get()))
            return nullptr;
    }
    return result;
}

static Ref<> gc_set_debug(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set_debug");
    if (!check_nargs(ts, "set_debug", nargs, 1, 1)) return nullptr;
    int flags;
    if (!arg_as_int(ts, args[0], &flags)) return nullptr;
    ts->interp->gc.debug = flags;
    return newref(ts->interp->None);
}

static Ref<> gc_get_debug(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("get_debug");
    return int_from_i64(ts, ts->interp->gc.debug);
}

// get_objects(generation=None): the tracked objects, youngest generation first.
static Ref<> gc_get_objects(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"generation"};
    static const ArgSpec spec{"get_objects", names, 1, 0, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    int generation = -1;
    if (a[0] && a[0] != interp.None) {
        if (!arg_as_int(ts, a[0], &generation)) return nullptr;
        if (generation >= GCState::kGenerations)
            return raise(ts, interp.exc.ValueError,
                         "generation parameter must be less than the number of available generations (" +
                             std::to_string(GCState::kGenerations) + ")");
        // -1 is the clinic default and means "all", as None does.
        if (generation < -1) return raise(ts, interp.exc.ValueError, "generation parameter cannot be negative");
    }
    GCState& gc = interp.gc;
    std::unordered_set<Object*> hidden = hidden_dicts(gc);
    // Collect first, append after: appending allocates, and nothing may be
    // tracked or untracked while a generation list is walked.
    std::vector<Object*> found;
    for (int i = 0; i < GCState::kGenerations; i++) {
        if (generation != -1 && i != generation) continue;
        for_each_in(gen_head(gc, i), [&](Object* op) {
            if (!hidden.count(op)) found.push_back(op);
        });
    }
    Ref<ListObject> result = list_new(ts, 0);
    if (!result) return nullptr;
    std::vector<Ref<>> keep;
    keep.reserve(found.size());
    for (Object* op : found) keep.push_back(newref(op));
    for (Object* op : found)
        if (op != result.get() && !list_append(ts, result.get(), op)) return nullptr;
    return result;
}

// Visits a traversal, replacing the owner's hidden dict by its contents.
struct ReferentVisit {
    Object* hidden;                 // the owner's hidden dict, or null
    int (*inner)(Object*, void*);   // the real visitor
    void* arg;
};

static int visit_through_hidden(Object* child, void* arg) {
    auto* v = static_cast<ReferentVisit*>(arg);
    if (child == v->hidden) return type_of(child)->tp_traverse(child, v->inner, v->arg);
    return v->inner(child, v->arg);
}

// tp_traverse(op) as CPython 3.11 would see it.
static int traverse_as_cpython(Object* op, int (*visit)(Object*, void*), void* arg) {
    traverseproc traverse = type_of(op)->tp_traverse;
    if (!traverse) return 0;
    ReferentVisit v{gc_hidden_dict_of(op), visit, arg};
    if (!v.hidden) return traverse(op, visit, arg);
    return traverse(op, visit_through_hidden, &v);
}

static int collect_referent(Object* child, void* arg) {
    static_cast<std::vector<Object*>*>(arg)->push_back(child);
    return 0;
}

// get_referents(*objs): what each object's tp_traverse visits.
static Ref<> gc_get_referents(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("get_referents");
    std::vector<Object*> found;
    for (isize i = 0; i < nargs; i++)
        if (object_is_gc(args[i])) traverse_as_cpython(args[i], collect_referent, &found);
    std::vector<Ref<>> keep;
    for (Object* op : found) keep.push_back(newref(op));
    Ref<ListObject> result = list_new(ts, 0);
    if (!result) return nullptr;
    for (Object* op : found)
        if (!list_append(ts, result.get(), op)) return nullptr;
    return result;
}

struct ReferrersCtx {
    Object* const* objs;
    isize n;
};

static int is_one_of(Object* child, void* arg) {
    auto* c = static_cast<ReferrersCtx*>(arg);
    for (isize i = 0; i < c->n; i++)
        if (c->objs[i] == child) return 1;
    return 0;
}

// get_referrers(*objs): the tracked objects whose tp_traverse visits one of objs.
static Ref<> gc_get_referrers(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("get_referrers");
    GCState& gc = ts->interp->gc;
    std::unordered_set<Object*> hidden = hidden_dicts(gc);
    ReferrersCtx ctx{args, nargs};
    std::vector<Object*> found;
    for (int i = 0; i < GCState::kGenerations; i++) {
        for_each_in(gen_head(gc, i), [&](Object* op) {
            if (hidden.count(op)) return;
            if (traverse_as_cpython(op, is_one_of, &ctx)) found.push_back(op);
        });
    }
    std::vector<Ref<>> keep;
    for (Object* op : found) keep.push_back(newref(op));
    Ref<ListObject> result = list_new(ts, 0);
    if (!result) return nullptr;
    for (Object* op : found)
        if (!list_append(ts, result.get(), op)) return nullptr;
    return result;
}

static Ref<> gc_is_tracked(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("is_tracked");
    if (!check_nargs(ts, "is_tracked", nargs, 1, 1)) return nullptr;
    return bool_ref(ts, object_is_gc(args[0]) && GCState::is_tracked(args[0]));
}

static Ref<> gc_is_finalized_fn(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("is_finalized");
    if (!check_nargs(ts, "is_finalized", nargs, 1, 1)) return nullptr;
    return bool_ref(ts, object_is_gc(args[0]) && gc_is_finalized(args[0]));
}

// freeze(): moves everything tracked to the permanent generation, which
// collections never look at (for fork()-heavy servers; kept for the API).
static Ref<> gc_freeze(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("freeze");
    GCState& gc = ts->interp->gc;
    GCHead* perm = &gc.permanent_generation.head;
    for (int i = 0; i < GCState::kGenerations; i++) {
        GCHead* from = gen_head(gc, i);
        for (GCHead* g = reinterpret_cast<GCHead*>(from->_gc_next); g != from;) {
            GCHead* next = reinterpret_cast<GCHead*>(g->_gc_next);
            Object* op = from_gc(g);
            gc.untrack(op);
            // untrack + append to the permanent list, keeping the flags
            GCHead* last = reinterpret_cast<GCHead*>(perm->_gc_prev);
            gc_set_prev_ptr(g, last);
            last->_gc_next = reinterpret_cast<uintptr_t>(g);
            g->_gc_next = reinterpret_cast<uintptr_t>(perm);
            perm->_gc_prev = reinterpret_cast<uintptr_t>(g);
            g = next;
        }
        gc.generations[0].count = 0;
    }
    return newref(ts->interp->None);
}

// unfreeze(): the permanent generation joins the oldest one.
static Ref<> gc_unfreeze(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("unfreeze");
    GCState& gc = ts->interp->gc;
    GCHead* perm = &gc.permanent_generation.head;
    GCHead* old = gen_head(gc, GCState::kGenerations - 1);
    while (perm->_gc_next != reinterpret_cast<uintptr_t>(perm)) {
        GCHead* g = reinterpret_cast<GCHead*>(perm->_gc_next);
        Object* op = from_gc(g);
        gc.untrack(op);
        GCHead* last = reinterpret_cast<GCHead*>(old->_gc_prev);
        gc_set_prev_ptr(g, last);
        last->_gc_next = reinterpret_cast<uintptr_t>(g);
        g->_gc_next = reinterpret_cast<uintptr_t>(old);
        old->_gc_prev = reinterpret_cast<uintptr_t>(g);
    }
    return newref(ts->interp->None);
}

static Ref<> gc_get_freeze_count(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    NOARGS("get_freeze_count");
    isize n = 0;
    for_each_in(&ts->interp->gc.permanent_generation.head, [&](Object*) { n++; });
    return int_from_i64(ts, n);
}

static const MethodDef gc_methods[] = {
    {"collect", gc_collect_fn, 0,
     "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\nWith no arguments, run a full "
     "collection.  The optional argument\nmay be an integer specifying which generation to collect.  A "
     "ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned."},
    {"enable", gc_enable, 0, "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", gc_disable, 0, "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, 0, "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds.  Setting "
     "threshold0 to zero disables\ncollection.\n"},
    {"get_stats", gc_get_stats, 0, "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."},
    {"set_debug", gc_set_debug, 0, "set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, 0, "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {"get_objects", gc_get_objects, 0,
     "get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding "
     "the list returned)."},
    {"get_referrers", gc_get_referrers, 0, "get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, 0, "get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked, 0, "is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized_fn, 0, "is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, 0, "freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, 0, "unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, 0, "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_gc_module(ThreadState* ts) {
    GCState& gc = ts->interp->gc;
    Ref<ModuleObject> m = module_new(ts, "gc");
    if (!m || !module_add_functions(ts, m.get(), gc_methods)) return nullptr;
    // gc.garbage and gc.callbacks are the collector's own lists: a module
    // imported twice (or reloaded) sees the same ones.
    if (!gc.garbage) {
        Ref<ListObject> l = list_new(ts, 0);
        if (!l) return nullptr;
        gc.garbage = l.release();
    }
    if (!gc.callbacks) {
        Ref<ListObject> l = list_new(ts, 0);
        if (!l) return nullptr;
        gc.callbacks = l.release();
    }
    if (!module_add_object(ts, m.get(), "garbage", gc.garbage) ||
        !module_add_object(ts, m.get(), "callbacks", gc.callbacks) ||
        !module_add_int(ts, m.get(), "DEBUG_STATS", DEBUG_STATS) ||
        !module_add_int(ts, m.get(), "DEBUG_COLLECTABLE", DEBUG_COLLECTABLE) ||
        !module_add_int(ts, m.get(), "DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE) ||
        !module_add_int(ts, m.get(), "DEBUG_SAVEALL", DEBUG_SAVEALL) ||
        !module_add_int(ts, m.get(), "DEBUG_LEAK", DEBUG_LEAK))
        return nullptr;
    Ref<> doc = str_from_utf8(ts,
                              "This module provides access to the garbage collector for reference cycles.\n\n"
                              "enable() -- Enable automatic garbage collection.\n"
                              "disable() -- Disable automatic garbage collection.\n"
                              "isenabled() -- Returns true if automatic collection is enabled.\n"
                              "collect() -- Do a full collection right now.\n"
                              "get_count() -- Return the current collection counts.\n"
                              "get_stats() -- Return list of dictionaries containing per-generation stats.\n"
                              "set_debug() -- Set debugging flags.\n"
                              "get_debug() -- Get debugging flags.\n"
                              "set_threshold() -- Set the collection thresholds.\n"
                              "get_threshold() -- Return the current the collection thresholds.\n"
                              "get_objects() -- Return a list of all objects tracked by the collector.\n"
                              "is_tracked() -- Returns true if a given object is tracked.\n"
                              "is_finalized() -- Returns true if a given object has been already finalized.\n"
                              "get_referrers() -- Return the list of objects that refer to an object.\n"
                              "get_referents() -- Return the list of objects that an object refers to.\n"
                              "freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
                              "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
                              "get_freeze_count() -- Return the number of objects in the permanent generation.\n");
    if (!doc || !module_add_object(ts, m.get(), "__doc__", doc.get())) return nullptr;
    return m;
}

}  // namespace gp
