// itertools_module.cpp — the `itertools` module: lazy iterator building blocks.
//
// Mirrors CPython 3.11's Modules/itertoolsmodule.c. Every tool is a type
// whose instances are iterators: construction only records the inputs, and
// each __next__ does the least work that produces one item. Three families:
//
//   infinite     count, cycle, repeat
//   filtering    accumulate, chain, compress, dropwhile, filterfalse, groupby,
//                islice, pairwise, starmap, takewhile, tee, zip_longest
//   combinatoric product, permutations, combinations,
//                combinations_with_replacement
//
// Two tools share state between several iterators, as in CPython:
//   groupby  the groupby object owns the input; each group it hands out is
//            a _grouper that reads from it and goes dead when the groupby
//            advances past its key.
//   tee      the n iterators read one shared linked list of _tee_dataobject
//            cells (57 items each). A cell is freed once every tee has moved
//            past it, so tee over an endless input consumed in step needs
//            constant memory.
//
// The owned fields of every object are listed once, in the type table at the
// end, and fields_dealloc / fields_traverse (module_support.h) visit exactly those.
#include <vector>

#include "modules/modules.h"
#include "modules/module_support.h"
#include "objects/weakrefobject.h"
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

// ------------------------------------------------------------- helpers

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

// tp_new of the helper types that only the module itself creates.
static Ref<> no_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "cannot create '" + type->tp_name + "' instances");
}

template <class T>
static T* alloc_iter(ThreadState* ts, TypeObject* type) {
    return static_cast<T*>(object_alloc(ts, type, 0));
}

// Finishes construction: tracks the object and hands it out.
static Ref<> track(ThreadState* ts, Object* o) {
    ts->interp->gc.track(o);
    return Ref<>::steal(o);
}

static Ref<> call1(ThreadState* ts, Object* f, Object* a) { return object_vectorcall(ts, f, &a, 1); }

// A non-negative index argument of islice/repeat-style tools; -1 for None.
static bool index_or_none(ThreadState* ts, Object* o, isize* out, const char* msg) {
    if (o == ts->interp->None) {
        *out = -1;
        return true;
    }
    if (is_int(o) || (type_of(o)->tp_as_number && type_of(o)->tp_as_number->nb_index)) {
        Ref<> i = number_index(ts, o);
        if (!i) return false;
        int64_t v;
        if (!int_as_i64(i.get(), &v)) v = int_sign(i.get()) > 0 ? INT64_MAX : -1;
        if (v >= 0) {
            *out = isize(v);
            return true;
        }
    }
    raise(ts, ts->interp->exc.ValueError, msg);
    return false;
}

// ================================================================= count

struct CountObject : Object {
    Object* cnt;     // owned: the next value
    Object* step;    // owned
};

static bool is_number(Object* o) {
    NumberMethods* nb = type_of(o)->tp_as_number;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

static Ref<> count_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"start", "step"};
    Object* a[2];
    if (!parse_kwargs(ts, "count", names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    Ref<> start = a[0] ? newref(a[0]) : int_from_i64(ts, 0);
    Ref<> step = a[1] ? newref(a[1]) : int_from_i64(ts, 1);
    if (!start || !step) return nullptr;
    if (!is_number(start.get()) || !is_number(step.get())) return raise(ts, ts->interp->exc.TypeError, "a number is required");
    auto* o = alloc_iter<CountObject>(ts, type);
    if (!o) return nullptr;
    o->cnt = start.release();
    o->step = step.release();
    return track(ts, o);
}

static Ref<> count_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CountObject*>(self);
    Ref<> next = number_binary_op(ts, o->cnt, o->step, NB_ADD);
    if (!next) return nullptr;
    Ref<> r = Ref<>::steal(o->cnt);
    o->cnt = next.release();
    return r;
}

// count(10), count(10, 5), count(1.5, 0.5): the step is shown unless it is the int 1.
static Ref<> count_repr(ThreadState* ts, Object* self) {
    auto* o = static_cast<CountObject*>(self);
    Ref<> c = object_repr(ts, o->cnt);
    if (!c) return nullptr;
    std::string text = type_qualname(type_of(self)) + "(" + std::string(str_utf8(c.get()));
    int64_t s;
    bool step_is_one = isinstance_exact(o->step, ts->interp->types.int_) && int_as_i64(o->step, &s) && s == 1;
    if (!step_is_one) {
        Ref<> st = object_repr(ts, o->step);
        if (!st) return nullptr;
        text += ", " + std::string(str_utf8(st.get()));
    }
    return str_from_utf8(ts, text + ")");
}

// ================================================================= cycle

struct CycleObject : Object {
    Object* it;       // owned: the input, null once exhausted
    Object* saved;    // owned list of the items seen in the first pass
    isize index;      // next position in saved (second pass on)
    bool firstpass;   // still reading the input
};

static Ref<> cycle_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "cycle", kw) || !check_positional(ts, "cycle", nargs, 1, 1)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    Ref<ListObject> saved = it ? list_new(ts, 0) : nullptr;
    if (!saved) return nullptr;
    auto* o = alloc_iter<CycleObject>(ts, type);
    if (!o) return nullptr;
    o->it = it.release();
    o->saved = saved.release();
    o->firstpass = true;
    return track(ts, o);
}

static Ref<> cycle_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CycleObject*>(self);
    if (o->it) {
        Ref<> item = iter_next(ts, o->it);
        if (item) {
            if (o->firstpass && !list_append(ts, as_list(o->saved), item.get())) return nullptr;
            return item;
        }
        if (error_occurred(ts)) return nullptr;
        Object* it = o->it;
        o->it = nullptr;
        decref(it);
        o->firstpass = false;
    }
    ListObject* saved = as_list(o->saved);
    if (saved->ob_size == 0) return nullptr;
    Object* item = saved->ob_item[o->index];
    o->index = (o->index + 1) % saved->ob_size;
    return newref(item);
}

// ================================================================ repeat

struct RepeatObject : Object {
    Object* element;   // owned
    isize cnt;         // items left, -1 = forever
};

static Ref<> repeat_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"object", "times"};
    Object* a[2];
    if (!parse_kwargs(ts, "repeat", names, 2, 1, 0, args, nargs, kw, a)) return nullptr;
    isize cnt = -1;
    if (a[1]) {
        Ref<> n = number_index(ts, a[1]);
        if (!n) return nullptr;
        if (!int_as_isize(ts, n.get(), &cnt)) return nullptr;
        if (cnt < 0) cnt = 0;   // repeat(x, -1) is empty, not endless
    }
    auto* o = alloc_iter<RepeatObject>(ts, type);
    if (!o) return nullptr;
    o->element = newref(a[0]).release();
    o->cnt = cnt;
    return track(ts, o);
}

static Ref<> repeat_next(ThreadState*, Object* self) {
    auto* o = static_cast<RepeatObject*>(self);
    if (o->cnt == 0) return nullptr;
    if (o->cnt > 0) o->cnt--;
    return newref(o->element);
}

static Ref<> repeat_repr(ThreadState* ts, Object* self) {
    auto* o = static_cast<RepeatObject*>(self);
    Ref<> e = object_repr(ts, o->element);
    if (!e) return nullptr;
    std::string text = type_qualname(type_of(self)) + "(" + std::string(str_utf8(e.get()));
    if (o->cnt >= 0) text += ", " + std::to_string(o->cnt);
    return str_from_utf8(ts, text + ")");
}

static Ref<> repeat_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    auto* o = static_cast<RepeatObject*>(self);
    if (o->cnt < 0) return raise(ts, ts->interp->exc.TypeError, "len() of unsized object");
    return int_from_i64(ts, o->cnt);
}

static const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ============================================================ accumulate

struct AccumulateObject : Object {
    Object* it;        // owned
    Object* func;      // owned, null = addition
    Object* total;     // owned, null before the first item
    Object* initial;   // owned, null once produced (or if not given)
};

static Ref<> accumulate_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "func", "initial"};
    Object* a[3];
    if (nargs > 2) return raise(ts, ts->interp->exc.TypeError, "accumulate() takes at most 2 positional arguments (" + std::to_string(nargs) + " given)");
    if (!parse_kwargs(ts, "accumulate", names, 3, 1, 0, args, nargs, kw, a)) return nullptr;
    Ref<> it = object_get_iter(ts, a[0]);
    if (!it) return nullptr;
    auto* o = alloc_iter<AccumulateObject>(ts, type);
    if (!o) return nullptr;
    Object* none = ts->interp->None;
    o->it = it.release();
    o->func = a[1] && a[1] != none ? newref(a[1]).release() : nullptr;
    o->initial = a[2] && a[2] != none ? newref(a[2]).release() : nullptr;
    return track(ts, o);
}

static Ref<> accumulate_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<AccumulateObject*>(self);
    if (o->initial) {
        o->total = o->initial;   // moves the reference
        o->initial = nullptr;
        return newref(o->total);
    }
    Ref<> val = iter_next(ts, o->it);
    if (!val) return nullptr;
    Ref<> newtotal;
    if (!o->total) {
        newtotal = std::move(val);
    } else {
        Object* pair[2] = {o->total, val.get()};
        newtotal = o->func ? object_vectorcall(ts, o->func, pair, 2) : number_binary_op(ts, o->total, val.get(), NB_ADD);
        if (!newtotal) return nullptr;
    }
    Object* old = o->total;
    o->total = newref(newtotal.get()).release();
    xdecref(old);
    return newtotal;
}

// ================================================================= chain

struct ChainObject : Object {
    Object* source;   // owned iterator over the iterables, null when done
    Object* active;   // owned iterator over the current iterable, or null
};

static Ref<> chain_make(ThreadState* ts, TypeObject* type, Ref<> source) {
    auto* o = alloc_iter<ChainObject>(ts, type);
    if (!o) return nullptr;
    o->source = source.release();
    return track(ts, o);
}

static Ref<> chain_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "chain", kw)) return nullptr;
    Ref<TupleObject> t = tuple_from_array(ts, args, nargs);
    Ref<> source = t ? object_get_iter(ts, t.get()) : nullptr;
    if (!source) return nullptr;
    return chain_make(ts, type, std::move(source));
}

// chain.from_iterable(iterable): the iterables come lazily from one iterable.
static Ref<> chain_from_iterable(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "from_iterable", kw) || !check_nargs(ts, "chain.from_iterable", nargs, 1, 1)) return nullptr;
    Ref<> source = object_get_iter(ts, args[0]);
    if (!source) return nullptr;
    return chain_make(ts, static_cast<TypeObject*>(cls), std::move(source));
}

static Ref<> chain_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<ChainObject*>(self);
    while (o->source) {
        if (!o->active) {
            Ref<> iterable = iter_next(ts, o->source);
            if (!iterable) {
                if (error_occurred(ts)) return nullptr;
                Object* s = o->source;
                o->source = nullptr;
                decref(s);
                return nullptr;
            }
            Ref<> it = object_get_iter(ts, iterable.get());
            if (!it) return nullptr;
            o->active = it.release();
        }
        Ref<> item = iter_next(ts, o->active);
        if (item || error_occurred(ts)) return item;
        Object* a = o->active;
        o->active = nullptr;
        decref(a);
    }
    return nullptr;
}

static const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {nullptr, nullptr, 0, nullptr},
};

// ============================================================== compress

struct CompressObject : Object {
    Object* data;        // owned iterator
    Object* selectors;   // owned iterator
};

static Ref<> compress_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"data", "selectors"};
    Object* a[2];
    if (!parse_kwargs(ts, "compress", names, 2, 2, 0, args, nargs, kw, a)) return nullptr;
    Ref<> data = object_get_iter(ts, a[0]);
    Ref<> sel = data ? object_get_iter(ts, a[1]) : nullptr;
    if (!sel) return nullptr;
    auto* o = alloc_iter<CompressObject>(ts, type);
    if (!o) return nullptr;
    o->data = data.release();
    o->selectors = sel.release();
    return track(ts, o);
}

static Ref<> compress_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CompressObject*>(self);
    for (;;) {
        Ref<> datum = iter_next(ts, o->data);
        if (!datum) return nullptr;
        Ref<> selector = iter_next(ts, o->selectors);
        if (!selector) return nullptr;
        int ok = object_is_true(ts, selector.get());
        if (ok < 0) return nullptr;
        if (ok) return datum;
    }
}

// ============================== dropwhile, takewhile, filterfalse, starmap

struct PredicateObject : Object {
    Object* func;   // owned (None allowed for filterfalse)
    Object* it;     // owned
    bool flag;      // dropwhile: done dropping; takewhile: stopped
};

static Ref<> predicate_new(ThreadState* ts, TypeObject* type, const char* fname, Object* const* args, isize nargs,
                           TupleObject* kw) {
    if (!check_no_kwargs(ts, fname, kw) || !check_positional(ts, fname, nargs, 2, 2)) return nullptr;
    Ref<> it = object_get_iter(ts, args[1]);
    if (!it) return nullptr;
    auto* o = alloc_iter<PredicateObject>(ts, type);
    if (!o) return nullptr;
    o->func = newref(args[0]).release();
    o->it = it.release();
    return track(ts, o);
}

static int call_predicate(ThreadState* ts, Object* func, Object* item) {
    Ref<> r = call1(ts, func, item);
    return r ? object_is_true(ts, r.get()) : -1;
}

static Ref<> dropwhile_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return predicate_new(ts, type, "dropwhile", args, nargs, kw);
}

static Ref<> dropwhile_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<PredicateObject*>(self);
    for (;;) {
        Ref<> item = iter_next(ts, o->it);
        if (!item) return nullptr;
        if (o->flag) return item;
        int ok = call_predicate(ts, o->func, item.get());
        if (ok < 0) return nullptr;
        if (!ok) {
            o->flag = true;
            return item;
        }
    }
}

static Ref<> takewhile_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return predicate_new(ts, type, "takewhile", args, nargs, kw);
}

static Ref<> takewhile_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<PredicateObject*>(self);
    if (o->flag) return nullptr;
    Ref<> item = iter_next(ts, o->it);
    if (!item) return nullptr;
    int ok = call_predicate(ts, o->func, item.get());
    if (ok < 0) return nullptr;
    if (ok) return item;
    o->flag = true;
    return nullptr;
}

static Ref<> filterfalse_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return predicate_new(ts, type, "filterfalse", args, nargs, kw);
}

static Ref<> filterfalse_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<PredicateObject*>(self);
    for (;;) {
        Ref<> item = iter_next(ts, o->it);
        if (!item) return nullptr;
        int ok = o->func == ts->interp->None ? object_is_true(ts, item.get()) : call_predicate(ts, o->func, item.get());
        if (ok < 0) return nullptr;
        if (!ok) return item;
    }
}

static Ref<> starmap_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return predicate_new(ts, type, "starmap", args, nargs, kw);
}

static Ref<> starmap_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<PredicateObject*>(self);
    Ref<> item = iter_next(ts, o->it);
    if (!item) return nullptr;
    Ref<ListObject> argv = list_from_iterable(ts, item.get());
    if (!argv) return nullptr;
    return object_vectorcall(ts, o->func, argv->ob_item, argv->ob_size);
}

// =============================================================== groupby

struct GroupbyObject : Object {
    Object* it;            // owned input iterator
    Object* keyfunc;       // owned, null = identity
    Object* tgtkey;        // owned: key of the group last handed out
    Object* currkey;       // owned: key of currvalue
    Object* currvalue;     // owned: the item read ahead, or null
    Object* grouper_type;  // owned: itertools._grouper
    Object* currgrouper;   // borrowed: the only _grouper still allowed to read
};

struct GrouperObject : Object {
    Object* parent;   // owned groupby
    Object* tgtkey;   // owned: this group's key
};

static Ref<> groupby_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "key"};
    Object* a[2];
    if (!parse_kwargs(ts, "groupby", names, 2, 1, 0, args, nargs, kw, a)) return nullptr;
    TypeObject* gt = module_type(ts, "itertools", "_grouper");
    Ref<> it = gt ? object_get_iter(ts, a[0]) : nullptr;
    if (!it) return nullptr;
    auto* o = alloc_iter<GroupbyObject>(ts, type);
    if (!o) return nullptr;
    o->it = it.release();
    o->keyfunc = a[1] && a[1] != ts->interp->None ? newref(a[1]).release() : nullptr;
    o->grouper_type = newref<Object>(gt).release();
    return track(ts, o);
}

// Reads the next item and its key into currvalue/currkey; false at the end
// (or on error).
static bool groupby_step(ThreadState* ts, GroupbyObject* o) {
    Ref<> value = iter_next(ts, o->it);
    if (!value) return false;
    Ref<> key = o->keyfunc ? call1(ts, o->keyfunc, value.get()) : newref(value.get());
    if (!key) return false;
    Object* oldv = o->currvalue;
    Object* oldk = o->currkey;
    o->currvalue = value.release();
    o->currkey = key.release();
    xdecref(oldv);
    xdecref(oldk);
    return true;
}

static Ref<> groupby_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<GroupbyObject*>(self);
    o->currgrouper = nullptr;
    // Skip the rest of the current group.
    for (;;) {
        if (o->currkey) {
            if (!o->tgtkey) break;
            int eq = object_richcompare_bool(ts, o->tgtkey, o->currkey, Py_EQ);
            if (eq < 0) return nullptr;
            if (!eq) break;
        }
        if (!groupby_step(ts, o)) return nullptr;
    }
    Object* old = o->tgtkey;
    o->tgtkey = newref(o->currkey).release();
    xdecref(old);
    auto* g = alloc_iter<GrouperObject>(ts, static_cast<TypeObject*>(o->grouper_type));
    if (!g) return nullptr;
    g->parent = newref(self).release();
    g->tgtkey = newref(o->tgtkey).release();
    Ref<> grouper = track(ts, g);
    o->currgrouper = grouper.get();
    return tuple_pack(ts, {o->currkey, grouper.get()});
}

static Ref<> grouper_next(ThreadState* ts, Object* self) {
    auto* g = static_cast<GrouperObject*>(self);
    auto* o = static_cast<GroupbyObject*>(g->parent);
    if (o->currgrouper != self) return nullptr;
    if (!o->currvalue && !groupby_step(ts, o)) return nullptr;
    int eq = object_richcompare_bool(ts, g->tgtkey, o->currkey, Py_EQ);
    if (eq <= 0) return nullptr;
    Ref<> r = Ref<>::steal(o->currvalue);
    o->currvalue = nullptr;
    return r;
}

// ================================================================ islice

struct IsliceObject : Object {
    Object* it;      // owned, null once exhausted
    isize next;      // index of the next item to return
    isize stop;      // -1 = no limit
    isize step;
    isize cnt;       // items consumed from the input so far
};

static Ref<> islice_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "islice", kw) || !check_positional(ts, "islice", nargs, 2, 4)) return nullptr;
    isize start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (!index_or_none(ts, args[1], &stop,
                           "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."))
            return nullptr;
    } else {
        const char* msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        if (!index_or_none(ts, args[1], &start, msg) || !index_or_none(ts, args[2], &stop, msg)) return nullptr;
        if (start < 0) start = 0;
        if (nargs == 4) {
            isize s = 1;
            if (args[3] != interp.None) {
                if (!index_or_none(ts, args[3], &s, "Step for islice() must be a positive integer or None.")) return nullptr;
                if (s == 0) return raise(ts, interp.exc.ValueError, "Step for islice() must be a positive integer or None.");
            }
            step = s;
        }
    }
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    auto* o = alloc_iter<IsliceObject>(ts, type);
    if (!o) return nullptr;
    o->it = it.release();
    o->next = start;
    o->stop = stop;
    o->step = step;
    return track(ts, o);
}

static Ref<> islice_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<IsliceObject*>(self);
    auto finish = [&]() -> Ref<> {
        Object* it = o->it;
        o->it = nullptr;
        xdecref(it);
        return nullptr;
    };
    if (!o->it) return nullptr;
    while (o->cnt < o->next) {
        Ref<> skipped = iter_next(ts, o->it);
        if (!skipped) return error_occurred(ts) ? nullptr : finish();
        o->cnt++;
    }
    if (o->stop != -1 && o->cnt >= o->stop) return finish();
    Ref<> item = iter_next(ts, o->it);
    if (!item) return error_occurred(ts) ? nullptr : finish();
    o->cnt++;
    isize old = o->next;
    o->next += o->step;
    if (o->next < old || (o->stop != -1 && o->next > o->stop)) o->next = o->stop;
    return item;
}

// ============================================================== pairwise

struct PairwiseObject : Object {
    Object* it;    // owned, null once exhausted
    Object* old;   // owned: the previous item
};

static Ref<> pairwise_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "pairwise", kw) || !check_positional(ts, "pairwise", nargs, 1, 1)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    auto* o = alloc_iter<PairwiseObject>(ts, type);
    if (!o) return nullptr;
    o->it = it.release();
    return track(ts, o);
}

static Ref<> pairwise_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<PairwiseObject*>(self);
    if (!o->it) return nullptr;
    if (!o->old) {
        Ref<> first = iter_next(ts, o->it);
        if (!first) {
            Object* it = o->it;
            o->it = nullptr;
            decref(it);
            return nullptr;
        }
        o->old = first.release();
    }
    Ref<> item = iter_next(ts, o->it);
    if (!item) {
        Object* it = o->it;
        o->it = nullptr;
        decref(it);
        return nullptr;
    }
    Ref<> pair = tuple_pack(ts, {o->old, item.get()});
    Object* prev = o->old;
    o->old = item.release();
    decref(prev);
    return pair;
}

// =================================================================== tee

// One cell of the shared buffer: up to kTeeCells items read from the
// input, and the next cell once this one is full.
constexpr int kTeeCells = 57;   // CPython's LINKCELLS

struct TeeDataObject : Object {
    Object* it;                  // owned: the shared input iterator
    Object* nextlink;            // owned: the following cell, or null
    int numread;                 // values[0..numread) are filled
    bool running;                // guards against re-entering next(it)
    Object* values[kTeeCells];   // owned
};

struct TeeObject : Object {
    Object* dataobj;   // owned: the cell this tee reads from
    int index;         // position in that cell
    Object* weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
};

static void teedata_dealloc(Object* op) {
    auto* d = static_cast<TeeDataObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    for (int i = d->numread - 1; i >= 0; i--) xdecref(d->values[i]);
    xdecref(d->it);
    xdecref(d->nextlink);   // a long chain unwinds through the trashcan
    object_free(op);
}

static int teedata_traverse(Object* op, visitproc visit, void* arg) {
    auto* d = static_cast<TeeDataObject*>(op);
    if (d->it && visit(d->it, arg)) return 1;
    for (int i = 0; i < d->numread; i++)
        if (visit(d->values[i], arg)) return 1;
    return d->nextlink && visit(d->nextlink, arg);
}

static Ref<> teedata_make(ThreadState* ts, TypeObject* type, Object* it) {
    auto* d = alloc_iter<TeeDataObject>(ts, type);
    if (!d) return nullptr;
    d->it = newref(it).release();
    return track(ts, d);
}

static Ref<> tee_make(ThreadState* ts, TypeObject* type, Object* dataobj, int index) {
    auto* t = alloc_iter<TeeObject>(ts, type);
    if (!t) return nullptr;
    t->dataobj = newref(dataobj).release();
    t->index = index;
    return track(ts, t);
}

// A tee over an arbitrary iterable (a tee is copied instead).
static Ref<> tee_fromiterable(ThreadState* ts, TypeObject* tee_type, Object* iterable) {
    Ref<> it = object_get_iter(ts, iterable);
    if (!it) return nullptr;
    if (type_of(it.get()) == tee_type) {
        auto* t = static_cast<TeeObject*>(it.get());
        return tee_make(ts, tee_type, t->dataobj, t->index);
    }
    TypeObject* dt = module_type(ts, "itertools", "_tee_dataobject");
    Ref<> data = dt ? teedata_make(ts, dt, it.get()) : nullptr;
    if (!data) return nullptr;
    return tee_make(ts, tee_type, data.get(), 0);
}

static Ref<> tee_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_tee", kw) || !check_positional(ts, "_tee", nargs, 1, 1)) return nullptr;
    return tee_fromiterable(ts, type, args[0]);
}

static Ref<> tee_next(ThreadState* ts, Object* self) {
    auto* t = static_cast<TeeObject*>(self);
    auto* d = static_cast<TeeDataObject*>(t->dataobj);
    if (t->index >= kTeeCells) {   // move on to the next cell, creating it if needed
        if (!d->nextlink) {
            Ref<> link = teedata_make(ts, type_of(d), d->it);
            if (!link) return nullptr;
            d->nextlink = link.release();
        }
        Object* next = newref(d->nextlink).release();
        Object* old = t->dataobj;
        t->dataobj = next;
        decref(old);
        t->index = 0;
        d = static_cast<TeeDataObject*>(next);
    }
    if (t->index < d->numread) return newref(d->values[t->index++]);
    if (d->running) return raise(ts, ts->interp->exc.RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    Ref<> value = iter_next(ts, d->it);
    d->running = false;
    if (!value) return nullptr;
    d->values[d->numread++] = newref(value.get()).release();
    t->index++;
    return value;
}

static Ref<> tee_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__copy__", nargs, 0, 0)) return nullptr;
    auto* t = static_cast<TeeObject*>(self);
    return tee_make(ts, type_of(self), t->dataobj, t->index);
}

static const MethodDef tee_methods[] = {
    {"__copy__", tee_copy, 0, "Returns an independent iterator."},
    {nullptr, nullptr, 0, nullptr},
};

// tee(iterable, n=2): n independent iterators. An iterator that can copy
// itself (__copy__) is copied instead of being wrapped again.
static Ref<> itertools_tee(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "tee", kw) || !check_positional(ts, "tee", nargs, 1, 2)) return nullptr;
    isize n = 2;
    if (nargs == 2 && !index_as_isize(ts, args[1], &n)) return nullptr;
    if (n < 0) return raise(ts, interp.exc.ValueError, "n must be >= 0");
    Ref<TupleObject> result = tuple_new(ts, n);
    if (!result || n == 0) return result;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    Ref<> copyable;
    if (type_lookup(type_of(it.get()), "__copy__")) {
        copyable = std::move(it);
    } else {
        TypeObject* tee_type = module_type(ts, "itertools", "_tee");
        copyable = tee_type ? tee_fromiterable(ts, tee_type, it.get()) : nullptr;
        if (!copyable) return nullptr;
    }
    result->ob_item[0] = newref(copyable.get()).release();
    for (isize i = 1; i < n; i++) {
        Ref<> c = call_method(ts, copyable.get(), "__copy__", nullptr, 0);
        if (!c) return nullptr;
        result->ob_item[i] = c.release();
    }
    return result;
}

// =========================================================== zip_longest

struct ZipLongestObject : Object {
    Object* iters;       // owned tuple of iterators; an exhausted slot holds None
    Object* fillvalue;   // owned
    isize numactive;     // iterators not yet exhausted
};

static Ref<> zip_longest_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    Object* fill = interp.None;
    for (isize k = 0; kw && k < kw->ob_size; k++) {
        if (str_utf8(kw->ob_item[k]) != "fillvalue")
            return raise(ts, interp.exc.TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + k];
    }
    Ref<TupleObject> iters = tuple_new(ts, nargs);
    if (!iters) return nullptr;
    for (isize i = 0; i < nargs; i++) {
        Ref<> it = object_get_iter(ts, args[i]);
        if (!it) return nullptr;
        iters->ob_item[i] = it.release();
    }
    auto* o = alloc_iter<ZipLongestObject>(ts, type);
    if (!o) return nullptr;
    o->iters = iters.release();
    o->fillvalue = newref(fill).release();
    o->numactive = nargs;
    return track(ts, o);
}

static Ref<> zip_longest_next(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    auto* o = static_cast<ZipLongestObject*>(self);
    auto* iters = as_tuple(o->iters);
    const isize n = iters->ob_size;
    if (n == 0 || o->numactive == 0) return nullptr;
    Ref<TupleObject> result = tuple_new(ts, n);
    if (!result) return nullptr;
    for (isize i = 0; i < n; i++) {
        Object* it = iters->ob_item[i];
        Ref<> item;
        if (it != interp.None) {
            item = iter_next(ts, it);
            if (!item) {
                if (error_occurred(ts)) return nullptr;
                if (--o->numactive == 0) return nullptr;
                iters->ob_item[i] = newref(interp.None).release();
                decref(it);
            }
        }
        result->ob_item[i] = item ? item.release() : newref(o->fillvalue).release();
    }
    return result;
}

// ===================================================== combinatoric tools

// product, permutations, combinations and combinations_with_replacement
// share one layout: the input pool(s) as tuples, an index vector and, for
// permutations, a cycles vector (the algorithm of the itertools docs).
struct CombObject : Object {
    Object* pools;                 // owned tuple: product's pools, or a 1-tuple holding the pool
    std::vector<isize> indices;    // current positions (placement-constructed)
    std::vector<isize> cycles;     // permutations only
    isize r;                       // output length
    bool started;                  // the first tuple has been returned
    bool stopped;                  // no more output
};

static void comb_dealloc(Object* op) {
    auto* o = static_cast<CombObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(o->pools);
    o->indices.~vector();
    o->cycles.~vector();
    object_free(op);
}

static int comb_traverse(Object* op, visitproc visit, void* arg) {
    auto* o = static_cast<CombObject*>(op);
    return o->pools && visit(o->pools, arg);
}

// __sizeof__ as itertoolsmodule.c counts it: the object plus one index
// per pool (product), per output position (combinations), or both
// (permutations: indices over the pool, cycles over the output).
static Ref<> comb_sizeof_with(ThreadState* ts, Object* self, TupleObject* kw, isize nindexes) {
    if (!check_no_kwargs(ts, "__sizeof__", kw)) return nullptr;
    return int_from_i64(ts, type_of(self)->cpython.basicsize + nindexes * isize(sizeof(isize)));
}
static TupleObject* pool0(CombObject* o);
static Ref<> product_sizeof(ThreadState* ts, Object* self, Object* const*, isize, TupleObject* kw) {
    return comb_sizeof_with(ts, self, kw, as_tuple(static_cast<CombObject*>(self)->pools)->ob_size);
}
static Ref<> combinations_sizeof(ThreadState* ts, Object* self, Object* const*, isize, TupleObject* kw) {
    return comb_sizeof_with(ts, self, kw, static_cast<CombObject*>(self)->r);
}
static Ref<> permutations_sizeof(ThreadState* ts, Object* self, Object* const*, isize, TupleObject* kw) {
    auto* o = static_cast<CombObject*>(self);
    return comb_sizeof_with(ts, self, kw, pool0(o)->ob_size + o->r);
}
static const MethodDef product_methods[] = {
    {"__sizeof__", product_sizeof, 0, "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef combinations_methods[] = {
    {"__sizeof__", combinations_sizeof, 0, "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef permutations_methods[] = {
    {"__sizeof__", permutations_sizeof, 0, "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};

static CombObject* comb_alloc(ThreadState* ts, TypeObject* type, Ref<TupleObject> pools, isize r) {
    auto* o = alloc_iter<CombObject>(ts, type);
    if (!o) return nullptr;
    new (&o->indices) std::vector<isize>();
    new (&o->cycles) std::vector<isize>();
    o->pools = pools.release();
    o->r = r;
    return o;
}

static Ref<TupleObject> tuple_of(ThreadState* ts, Object* iterable) {
    if (isinstance_exact(iterable, ts->interp->types.tuple)) return newref(as_tuple(iterable));
    Ref<ListObject> l = list_from_iterable(ts, iterable);
    return l ? list_as_tuple(ts, l.get()) : nullptr;
}

static TupleObject* pool0(CombObject* o) { return as_tuple(as_tuple(o->pools)->ob_item[0]); }

// The output tuple pool[indices[0]], pool[indices[1]], ... (product: one pool per position).
static Ref<> comb_result(ThreadState* ts, CombObject* o, bool one_pool_per_position) {
    Ref<TupleObject> t = tuple_new(ts, o->r);
    if (!t) return nullptr;
    for (isize i = 0; i < o->r; i++) {
        TupleObject* pool = one_pool_per_position ? as_tuple(as_tuple(o->pools)->ob_item[i]) : pool0(o);
        t->ob_item[i] = newref(pool->ob_item[o->indices[std::size_t(i)]]).release();
    }
    return t;
}

static bool parse_r(ThreadState* ts, Object* arg, isize n, isize* r) {
    if (!arg || arg == ts->interp->None) {
        *r = n;
        return true;
    }
    if (!index_as_isize(ts, arg, r)) return false;
    if (*r < 0) {
        raise(ts, ts->interp->exc.ValueError, "r must be non-negative");
        return false;
    }
    return true;
}

// product(*iterables, repeat=1)
static Ref<> product_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    isize repeat = 1;
    for (isize k = 0; kw && k < kw->ob_size; k++) {
        if (str_utf8(kw->ob_item[k]) != "repeat")
            return raise(ts, interp.exc.TypeError,
                         "'" + std::string(str_utf8(kw->ob_item[k])) + "' is an invalid keyword argument for product()");
        if (!index_as_isize(ts, args[nargs + k], &repeat)) return nullptr;
        if (repeat < 0) return raise(ts, interp.exc.ValueError, "repeat argument cannot be negative");
    }
    Ref<TupleObject> pools = tuple_new(ts, nargs * repeat);
    if (!pools) return nullptr;
    for (isize i = 0; i < nargs; i++) {
        Ref<TupleObject> pool = tuple_of(ts, args[i]);
        if (!pool) return nullptr;
        for (isize j = 0; j < repeat; j++) pools->ob_item[j * nargs + i] = newref<Object>(pool.get()).release();
    }
    isize r = nargs * repeat;
    CombObject* o = comb_alloc(ts, type, std::move(pools), r);
    if (!o) return nullptr;
    o->indices.assign(std::size_t(r), 0);
    return track(ts, o);
}

static Ref<> product_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CombObject*>(self);
    if (o->stopped) return nullptr;
    auto* pools = as_tuple(o->pools);
    if (!o->started) {
        o->started = true;
        for (isize i = 0; i < o->r; i++)
            if (as_tuple(pools->ob_item[i])->ob_size == 0) {
                o->stopped = true;
                return nullptr;
            }
        return comb_result(ts, o, true);
    }
    // Odometer: advance the rightmost index that can move, reset those after it.
    for (isize i = o->r - 1; i >= 0; i--) {
        isize& idx = o->indices[std::size_t(i)];
        if (++idx < as_tuple(pools->ob_item[i])->ob_size) return comb_result(ts, o, true);
        idx = 0;
    }
    o->stopped = true;
    return nullptr;
}

// permutations(iterable, r=None)
static Ref<> permutations_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "r"};
    Object* a[2];
    if (!parse_kwargs(ts, "permutations", names, 2, 1, 0, args, nargs, kw, a)) return nullptr;
    Ref<TupleObject> pool = tuple_of(ts, a[0]);
    if (!pool) return nullptr;
    isize n = pool->ob_size, r;
    if (!parse_r(ts, a[1], n, &r)) return nullptr;
    Ref<TupleObject> pools = tuple_pack(ts, {pool.get()});
    if (!pools) return nullptr;
    CombObject* o = comb_alloc(ts, type, std::move(pools), r);
    if (!o) return nullptr;
    for (isize i = 0; i < n; i++) o->indices.push_back(i);
    for (isize i = 0; i < r; i++) o->cycles.push_back(n - i);
    o->stopped = r > n;
    return track(ts, o);
}

static Ref<> permutations_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CombObject*>(self);
    if (o->stopped) return nullptr;
    if (!o->started) {
        o->started = true;
        return comb_result(ts, o, false);
    }
    const isize n = pool0(o)->ob_size;
    auto& idx = o->indices;
    for (isize i = o->r - 1; i >= 0; i--) {
        isize& c = o->cycles[std::size_t(i)];
        if (--c == 0) {
            // Rotate indices[i:] left by one and reset the cycle.
            isize first = idx[std::size_t(i)];
            for (isize j = i; j < n - 1; j++) idx[std::size_t(j)] = idx[std::size_t(j + 1)];
            idx[std::size_t(n - 1)] = first;
            c = n - i;
        } else {
            std::swap(idx[std::size_t(i)], idx[std::size_t(n - c)]);
            return comb_result(ts, o, false);
        }
    }
    o->stopped = true;
    return nullptr;
}

// combinations(iterable, r) and combinations_with_replacement(iterable, r)
static Ref<> combinations_make(ThreadState* ts, TypeObject* type, const char* fname, Object* const* args, isize nargs,
                               TupleObject* kw, bool replace) {
    static const char* const names[] = {"iterable", "r"};
    Object* a[2];
    if (!parse_kwargs(ts, fname, names, 2, 2, 0, args, nargs, kw, a)) return nullptr;
    Ref<TupleObject> pool = tuple_of(ts, a[0]);
    if (!pool) return nullptr;
    isize n = pool->ob_size, r;
    if (!parse_r(ts, a[1], n, &r)) return nullptr;
    Ref<TupleObject> pools = tuple_pack(ts, {pool.get()});
    if (!pools) return nullptr;
    CombObject* o = comb_alloc(ts, type, std::move(pools), r);
    if (!o) return nullptr;
    for (isize i = 0; i < r; i++) o->indices.push_back(replace ? 0 : i);
    o->stopped = replace ? (n == 0 && r > 0) : r > n;
    return track(ts, o);
}

static Ref<> combinations_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return combinations_make(ts, type, "combinations", args, nargs, kw, false);
}

static Ref<> cwr_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    return combinations_make(ts, type, "combinations_with_replacement", args, nargs, kw, true);
}

static Ref<> combinations_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CombObject*>(self);
    if (o->stopped) return nullptr;
    if (!o->started) {
        o->started = true;
        return comb_result(ts, o, false);
    }
    const isize n = pool0(o)->ob_size, r = o->r;
    auto& idx = o->indices;
    // The rightmost index not yet at its maximum n - r + i.
    isize i = r - 1;
    while (i >= 0 && idx[std::size_t(i)] == i + n - r) i--;
    if (i < 0) {
        o->stopped = true;
        return nullptr;
    }
    idx[std::size_t(i)]++;
    for (isize j = i + 1; j < r; j++) idx[std::size_t(j)] = idx[std::size_t(j - 1)] + 1;
    return comb_result(ts, o, false);
}

static Ref<> cwr_next(ThreadState* ts, Object* self) {
    auto* o = static_cast<CombObject*>(self);
    if (o->stopped) return nullptr;
    if (!o->started) {
        o->started = true;
        return comb_result(ts, o, false);
    }
    const isize n = pool0(o)->ob_size, r = o->r;
    auto& idx = o->indices;
    isize i = r - 1;
    while (i >= 0 && idx[std::size_t(i)] == n - 1) i--;
    if (i < 0) {
        o->stopped = true;
        return nullptr;
    }
    isize v = idx[std::size_t(i)] + 1;
    for (isize j = i; j < r; j++) idx[std::size_t(j)] = v;
    return comb_result(ts, o, false);
}

// ======================================================== the type table

struct IterTypeSpec {
    const char* name;           // attribute name in the module
    isize basicsize;
    newfunc tp_new;
    destructor dealloc;
    traverseproc traverse;
    iternextfunc next;          // null: not an iterator
    reprfunc repr;              // null: the default <itertools.x object at ...>
    const MethodDef* methods;
    const char* doc;
};

#define ITER_FIELDS(T, ...) fields_dealloc<T, __VA_ARGS__>, fields_traverse<T, __VA_ARGS__>

static const IterTypeSpec kIterTypes[] = {
    {"count", sizeof(CountObject), count_new, ITER_FIELDS(CountObject, &CountObject::cnt, &CountObject::step),
     count_next, count_repr, nullptr,
     "Return a count object whose .__next__() method returns consecutive values."},
    {"cycle", sizeof(CycleObject), cycle_new, ITER_FIELDS(CycleObject, &CycleObject::it, &CycleObject::saved),
     cycle_next, nullptr, nullptr,
     "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."},
    {"repeat", sizeof(RepeatObject), repeat_new, ITER_FIELDS(RepeatObject, &RepeatObject::element), repeat_next,
     repeat_repr, repeat_methods,
     "repeat(object [,times]) -> create an iterator which returns the object\n"
     "for the specified number of times.  If not specified, returns the object\nendlessly."},
    {"accumulate", sizeof(AccumulateObject), accumulate_new,
     ITER_FIELDS(AccumulateObject, &AccumulateObject::it, &AccumulateObject::func, &AccumulateObject::total,
                 &AccumulateObject::initial),
     accumulate_next, nullptr, nullptr, "Return series of accumulated sums (or other binary function results)."},
    {"chain", sizeof(ChainObject), chain_new, ITER_FIELDS(ChainObject, &ChainObject::source, &ChainObject::active),
     chain_next, nullptr, chain_methods,
     "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\n"
     "first iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted."},
    {"compress", sizeof(CompressObject), compress_new,
     ITER_FIELDS(CompressObject, &CompressObject::data, &CompressObject::selectors), compress_next, nullptr, nullptr,
     "Return data elements corresponding to true selector elements."},
    {"dropwhile", sizeof(PredicateObject), dropwhile_new,
     ITER_FIELDS(PredicateObject, &PredicateObject::func, &PredicateObject::it), dropwhile_next, nullptr, nullptr,
     "Drop items from the iterable while predicate(item) is true."},
    {"takewhile", sizeof(PredicateObject), takewhile_new,
     ITER_FIELDS(PredicateObject, &PredicateObject::func, &PredicateObject::it), takewhile_next, nullptr, nullptr,
     "Return successive entries from an iterable as long as the predicate evaluates to true for each entry."},
    {"filterfalse", sizeof(PredicateObject), filterfalse_new,
     ITER_FIELDS(PredicateObject, &PredicateObject::func, &PredicateObject::it), filterfalse_next, nullptr, nullptr,
     "Return those items of iterable for which function(item) is false."},
    {"starmap", sizeof(PredicateObject), starmap_new,
     ITER_FIELDS(PredicateObject, &PredicateObject::func, &PredicateObject::it), starmap_next, nullptr, nullptr,
     "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."},
    {"groupby", sizeof(GroupbyObject), groupby_new,
     ITER_FIELDS(GroupbyObject, &GroupbyObject::it, &GroupbyObject::keyfunc, &GroupbyObject::tgtkey,
                 &GroupbyObject::currkey, &GroupbyObject::currvalue, &GroupbyObject::grouper_type),
     groupby_next, nullptr, nullptr, "make an iterator that returns consecutive keys and groups from the iterable"},
    {"_grouper", sizeof(GrouperObject), no_new,
     ITER_FIELDS(GrouperObject, &GrouperObject::parent, &GrouperObject::tgtkey), grouper_next, nullptr, nullptr, ""},
    {"islice", sizeof(IsliceObject), islice_new, ITER_FIELDS(IsliceObject, &IsliceObject::it), islice_next, nullptr,
     nullptr,
     "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\n"
     "Return an iterator whose next() method returns selected values from an\niterable."},
    {"pairwise", sizeof(PairwiseObject), pairwise_new,
     ITER_FIELDS(PairwiseObject, &PairwiseObject::it, &PairwiseObject::old), pairwise_next, nullptr, nullptr,
     "Return an iterator of overlapping pairs taken from the input iterator."},
    {"_tee", sizeof(TeeObject), tee_new, ITER_FIELDS(TeeObject, &TeeObject::dataobj), tee_next, nullptr, tee_methods,
     "Iterator wrapped to make it copyable."},
    {"_tee_dataobject", sizeof(TeeDataObject), no_new, teedata_dealloc, teedata_traverse, nullptr, nullptr, nullptr,
     "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."},
    {"zip_longest", sizeof(ZipLongestObject), zip_longest_new,
     ITER_FIELDS(ZipLongestObject, &ZipLongestObject::iters, &ZipLongestObject::fillvalue), zip_longest_next, nullptr,
     nullptr,
     "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\n"
     "Return a zip_longest object whose .__next__() method returns a tuple where\n"
     "the i-th element comes from the i-th iterable argument."},
    {"product", sizeof(CombObject), product_new, comb_dealloc, comb_traverse, product_next, nullptr, product_methods,
     "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops."},
    {"permutations", sizeof(CombObject), permutations_new, comb_dealloc, comb_traverse, permutations_next, nullptr,
     permutations_methods, "Return successive r-length permutations of elements in the iterable."},
    {"combinations", sizeof(CombObject), combinations_new, comb_dealloc, comb_traverse, combinations_next, nullptr,
     combinations_methods, "Return successive r-length combinations of elements in the iterable."},
    {"combinations_with_replacement", sizeof(CombObject), cwr_new, comb_dealloc, comb_traverse, cwr_next, nullptr,
     combinations_methods,
     "Return successive r-length combinations of elements in the iterable allowing individual elements to have "
     "successive repeats."},
};
#undef ITER_FIELDS

static const MethodDef itertools_methods[] = {
    {"tee", itertools_tee, 0, "Returns a tuple of n independent iterators."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_itertools_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "itertools");
    if (!m || !module_add_functions(ts, m.get(), itertools_methods)) return nullptr;
    for (const IterTypeSpec& s : kIterTypes) {
        std::string qualified = std::string("itertools.") + s.name;
        uint64_t flags = TPFLAGS_HAVE_GC | (s.name[0] == '_' ? uint64_t(0) : uint64_t(TPFLAGS_BASETYPE));
        TypeObject* t = type_new_builtin(interp, qualified.c_str(), s.basicsize, 0, interp.types.object, flags);
        if (!t) return raise_no_memory(ts);
        Ref<TypeObject> type = Ref<TypeObject>::steal(t);
        t->tp_new = s.tp_new;
        t->tp_dealloc = s.dealloc;
        t->tp_traverse = s.traverse;
        if (s.next) {
            t->tp_iter = iter_self;
            t->tp_iternext = s.next;
        }
        t->tp_repr = s.repr;
        t->tp_methods = s.methods;
        t->tp_doc = s.doc;
        if (s.tp_new == tee_new) t->tp_weaklistoffset = weaklist_offset(&TeeObject::weakreflist);
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        t->tp_dict = d.release();
        if (!type_ready(ts, t) || !module_add_object(ts, m.get(), s.name, t)) return nullptr;
    }
    return m;
}

}  // namespace gp
