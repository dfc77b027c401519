// iterobject.cpp — iterator objects of the builtins (see iterobject.h).
//
// Each type is a small state machine over one or more source iterators. The
// common shape, shared with CPython:
//
//   * construction checks the arguments and calls iter() on each source
//     right away, so `zip(1)` fails at once, not at the first next();
//   * tp_iternext returns the next item, or null with no exception set when
//     exhausted (a StopIteration from a source is swallowed the same way);
//   * an exhausted iterator drops its sources (Py_CLEAR), so it stays
//     exhausted and frees what it no longer needs;
//   * every type is GC-tracked: a map over a generator that refers back to
//     the map is a cycle like any other.
//
// enumerate, zip, map, filter and reversed may be subclassed (they are
// classes in CPython), so their constructors allocate `type`, not the base.
#include "objects/iterobject.h"

#include <limits>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

constexpr isize kMaxIsize = std::numeric_limits<isize>::max();

// Allocates an instance of `type` (a subclass allocates its own size).
template <class T>
T* alloc_iter(ThreadState* ts, TypeObject* type) {
    return static_cast<T*>(object_alloc(ts, type, 0));
}

// Finishes construction: tracks the object once its fields are valid.
Ref<> track(ThreadState* ts, Object* o) {
    if (type_has_flag(type_of(o), TPFLAGS_HAVE_GC)) ts->interp->gc.track(o);
    return Ref<>::steal(o);
}

void untrack(Object* o) {
    if (type_has_flag(type_of(o), TPFLAGS_HAVE_GC)) type_of(o)->interp->gc.untrack(o);
}

// Clears a StopIteration raised by a source: for tp_iternext it means the
// same as returning null quietly. Returns false if another error is set.
bool swallow_stop(ThreadState* ts) {
    if (!error_occurred(ts)) return true;
    if (!error_matches(ts, ts->interp->exc.StopIteration)) return false;
    error_clear(ts);
    return true;
}

bool no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size) {
        raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() takes no keyword arguments");
        return false;
    }
    return true;
}

Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

// PySequence_GetItem(seq, i) for i >= 0: the sq_item slot when the type has
// one, else seq[i] through the mapping protocol.
Ref<> sequence_item(ThreadState* ts, Object* seq, isize i) {
    TypeObject* t = type_of(seq);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) return t->tp_as_sequence->sq_item(ts, seq, i);
    Ref<> key = int_from_i64(ts, i);
    if (!key) return nullptr;
    return object_getitem(ts, seq, key.get());
}

}  // namespace

bool sequence_check(Object* o) {
    if (is_dict(o)) return false;
    TypeObject* t = type_of(o);
    return t->tp_as_sequence && t->tp_as_sequence->sq_item;
}

// ------------------------------------------------------------ iterator (old sequence protocol)

struct SeqIterObject : Object {
    isize it_index;        // next index to ask for
    Object* it_seq;        // owned; null once exhausted
};

Ref<> seqiter_new(ThreadState* ts, Object* seq) {
    auto* it = alloc_iter<SeqIterObject>(ts, ts->interp->types.seq_iter);
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = newref(seq).release();
    return track(ts, it);
}

static void seqiter_dealloc(Object* op) {
    untrack(op);
    xdecref(static_cast<SeqIterObject*>(op)->it_seq);
    object_free(op);
}

static int seqiter_traverse(Object* op, visitproc visit, void* arg) {
    Object* s = static_cast<SeqIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}

static Ref<> seqiter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<SeqIterObject*>(op);
    Object* seq = it->it_seq;
    if (!seq) return nullptr;
    if (it->it_index == kMaxIsize) return raise(ts, ts->interp->exc.OverflowError, "iter index too large");
    Ref<> r = sequence_item(ts, seq, it->it_index);
    if (r) {
        it->it_index++;
        return r;
    }
    // IndexError (or StopIteration) is how a sequence says "no more items".
    if (error_matches(ts, ts->interp->exc.IndexError) || error_matches(ts, ts->interp->exc.StopIteration)) {
        error_clear(ts);
        it->it_seq = nullptr;
        decref(seq);
    }
    return nullptr;
}

static Ref<> seqiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<SeqIterObject*>(self);
    if (!it->it_seq) return int_from_i64(ts, 0);
    TypeObject* t = type_of(it->it_seq);
    lenfunc len = t->tp_as_sequence ? t->tp_as_sequence->sq_length : nullptr;
    if (!len) return newref(ts->interp->NotImplemented);
    isize n = len(ts, it->it_seq);
    if (n < 0) return nullptr;
    n -= it->it_index;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ callable_iterator

struct CallIterObject : Object {
    Object* it_callable;   // owned; null once exhausted
    Object* it_sentinel;   // owned; null once exhausted
};

Ref<> calliter_new(ThreadState* ts, Object* callable, Object* sentinel) {
    auto* it = alloc_iter<CallIterObject>(ts, ts->interp->types.callable_iter);
    if (!it) return nullptr;
    it->it_callable = newref(callable).release();
    it->it_sentinel = newref(sentinel).release();
    return track(ts, it);
}

static void calliter_clear_fields(CallIterObject* it) {
    Object* c = it->it_callable;
    Object* s = it->it_sentinel;
    it->it_callable = nullptr;
    it->it_sentinel = nullptr;
    xdecref(c);
    xdecref(s);
}

static void calliter_dealloc(Object* op) {
    untrack(op);
    calliter_clear_fields(static_cast<CallIterObject*>(op));
    object_free(op);
}

static int calliter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<CallIterObject*>(op);
    if (it->it_callable && visit(it->it_callable, arg)) return 1;
    if (it->it_sentinel && visit(it->it_sentinel, arg)) return 1;
    return 0;
}

static Ref<> calliter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<CallIterObject*>(op);
    if (!it->it_callable) return nullptr;
    Ref<> r = object_call_noargs(ts, it->it_callable);
    if (r) {
        // CPython compares sentinel == result, in that order.
        int eq = object_richcompare_bool(ts, it->it_sentinel, r.get(), Py_EQ);
        if (eq == 0) return r;
        if (eq > 0) calliter_clear_fields(it);
        return nullptr;
    }
    if (error_matches(ts, ts->interp->exc.StopIteration)) {
        error_clear(ts);
        calliter_clear_fields(it);
    }
    return nullptr;
}

// ------------------------------------------------------------ enumerate

struct EnumObject : Object {
    isize en_index;        // next index, while it fits (else kMaxIsize and en_longindex)
    Object* en_sit;        // owned: the source iterator
    Object* en_longindex;  // owned, may be null: the next index as an int once past kMaxIsize
};

// enumerate(iterable, start=0)
static Ref<> enum_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"iterable", "start"};
    Object* a[2];
    if (nargs == 0 && !(kwnames && kwnames->ob_size))
        return raise(ts, ts->interp->exc.TypeError, "enumerate() missing required argument 'iterable'");
    if (!parse_kwargs(ts, "enumerate", names, 2, 1, 0, args, nargs, kwnames, a)) return nullptr;
    isize index = 0;
    Ref<> longindex;
    if (a[1]) {
        Ref<> start = number_index(ts, a[1]);
        if (!start) return nullptr;
        int64_t v;
        if (int_as_i64(start.get(), &v) && v != kMaxIsize) index = isize(v);
        else { index = kMaxIsize; longindex = std::move(start); }
    }
    Ref<> sit = object_get_iter(ts, a[0]);
    if (!sit) return nullptr;
    auto* en = alloc_iter<EnumObject>(ts, type);
    if (!en) return nullptr;
    en->en_index = index;
    en->en_sit = sit.release();
    en->en_longindex = longindex.release();
    return track(ts, en);
}

static void enum_dealloc(Object* op) {
    auto* en = static_cast<EnumObject*>(op);
    untrack(op);
    xdecref(en->en_sit);
    xdecref(en->en_longindex);
    object_free(op);
}

static int enum_traverse(Object* op, visitproc visit, void* arg) {
    auto* en = static_cast<EnumObject*>(op);
    if (en->en_sit && visit(en->en_sit, arg)) return 1;
    if (en->en_longindex && visit(en->en_longindex, arg)) return 1;
    return 0;
}

static int enum_clear(Object* op) {
    auto* en = static_cast<EnumObject*>(op);
    Object* s = en->en_sit;
    en->en_sit = nullptr;
    xdecref(s);
    return 0;
}

// The current index as an int, advancing it (enum_next_long past kMaxIsize).
static Ref<> enum_take_index(ThreadState* ts, EnumObject* en) {
    if (en->en_index != kMaxIsize) return int_from_i64(ts, en->en_index++);
    if (!en->en_longindex) {
        en->en_longindex = int_from_i64(ts, kMaxIsize).release();
        if (!en->en_longindex) return nullptr;
    }
    Ref<> one = int_from_i64(ts, 1);
    if (!one) return nullptr;
    Ref<> next = number_binary_op(ts, en->en_longindex, one.get(), NB_ADD);
    if (!next) return nullptr;
    Ref<> cur = Ref<>::steal(en->en_longindex);
    en->en_longindex = next.release();
    return cur;
}

static Ref<> enum_next(ThreadState* ts, Object* op) {
    auto* en = static_cast<EnumObject*>(op);
    if (!en->en_sit) return nullptr;
    Ref<> item = type_of(en->en_sit)->tp_iternext(ts, en->en_sit);
    if (!item) return nullptr;
    Ref<> index = enum_take_index(ts, en);
    if (!index) return nullptr;
    Ref<TupleObject> r = tuple_new(ts, 2);
    if (!r) return nullptr;
    r->ob_item[0] = index.release();
    r->ob_item[1] = item.release();
    return r;
}

static Ref<> enum_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* en = static_cast<EnumObject*>(self);
    Ref<> index = en->en_index == kMaxIsize && en->en_longindex ? newref(en->en_longindex)
                                                                : int_from_i64(ts, en->en_index);
    if (!index) return nullptr;
    Ref<TupleObject> args = tuple_pack(ts, {en->en_sit ? en->en_sit : ts->interp->None, index.get()});
    if (!args) return nullptr;
    Ref<TupleObject> r = tuple_pack(ts, {type_of(self), args.get()});
    return r;
}

static const MethodDef enum_methods[] = {
    {"__reduce__", enum_reduce, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ zip

struct ZipObject : Object {
    TupleObject* ittuple;  // owned: one iterator per argument
    bool strict;           // zip(..., strict=True): unequal lengths raise ValueError
};

// zip(*iterables, strict=False)
static Ref<> zip_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    bool strict = false;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view name = str_utf8(kwnames->ob_item[k]);
        if (name != "strict")
            return raise(ts, interp.exc.TypeError, "'" + std::string(name) + "' is an invalid keyword argument for zip()");
        int t = object_is_true(ts, args[nargs + k]);
        if (t < 0) return nullptr;
        strict = t != 0;
    }
    Ref<TupleObject> its = tuple_new(ts, nargs);
    if (!its) return nullptr;
    for (isize i = 0; i < nargs; i++) {
        Ref<> it = object_get_iter(ts, args[i]);
        if (!it) return nullptr;
        its->ob_item[i] = it.release();
    }
    auto* z = alloc_iter<ZipObject>(ts, type);
    if (!z) return nullptr;
    z->ittuple = its.release();
    z->strict = strict;
    return track(ts, z);
}

static void zip_dealloc(Object* op) {
    untrack(op);
    xdecref(static_cast<ZipObject*>(op)->ittuple);
    object_free(op);
}

static int zip_traverse(Object* op, visitproc visit, void* arg) {
    Object* t = static_cast<ZipObject*>(op)->ittuple;
    return t ? visit(t, arg) : 0;
}

// "zip() argument 3 is shorter than arguments 1-2" (bltinmodule.c: zip_next).
static std::nullptr_t zip_length_error(ThreadState* ts, isize i, const char* what) {
    std::string plural = i == 1 ? " " : "s 1-";
    return raise(ts, ts->interp->exc.ValueError, "zip() argument " + isize_str(i + 1) + " is " + what +
                                                     " than argument" + plural + isize_str(i));
}

static Ref<> zip_next(ThreadState* ts, Object* op) {
    auto* z = static_cast<ZipObject*>(op);
    isize n = z->ittuple->ob_size;
    if (n == 0) return nullptr;
    Ref<TupleObject> result = tuple_new(ts, n);
    if (!result) return nullptr;
    for (isize i = 0; i < n; i++) {
        Object* it = z->ittuple->ob_item[i];
        Ref<> item = type_of(it)->tp_iternext(ts, it);
        if (item) {
            result->ob_item[i] = item.release();
            continue;
        }
        if (!z->strict) return nullptr;
        // strict: every iterator must run out at the same item.
        if (!swallow_stop(ts)) return nullptr;
        if (i) return zip_length_error(ts, i, "shorter");
        for (isize j = 1; j < n; j++) {
            Object* other = z->ittuple->ob_item[j];
            Ref<> extra = type_of(other)->tp_iternext(ts, other);
            if (extra) return zip_length_error(ts, j, "longer");
            if (!swallow_stop(ts)) return nullptr;
        }
        return nullptr;
    }
    return result;
}

static Ref<> zip_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* z = static_cast<ZipObject*>(self);
    if (z->strict) return tuple_pack(ts, {type_of(self), z->ittuple, ts->interp->True});
    return tuple_pack(ts, {type_of(self), z->ittuple});
}

static const MethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ map

struct MapObject : Object {
    TupleObject* iters;    // owned: one iterator per iterable
    Object* func;          // owned
};

// map(func, *iterables)
static Ref<> map_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (!no_kwargs(ts, "map", kwnames)) return nullptr;
    if (nargs < 2) return raise(ts, ts->interp->exc.TypeError, "map() must have at least two arguments.");
    Ref<TupleObject> its = tuple_new(ts, nargs - 1);
    if (!its) return nullptr;
    for (isize i = 1; i < nargs; i++) {
        Ref<> it = object_get_iter(ts, args[i]);
        if (!it) return nullptr;
        its->ob_item[i - 1] = it.release();
    }
    auto* m = alloc_iter<MapObject>(ts, type);
    if (!m) return nullptr;
    m->iters = its.release();
    m->func = newref(args[0]).release();
    return track(ts, m);
}

static void map_dealloc(Object* op) {
    auto* m = static_cast<MapObject*>(op);
    untrack(op);
    xdecref(m->iters);
    xdecref(m->func);
    object_free(op);
}

static int map_traverse(Object* op, visitproc visit, void* arg) {
    auto* m = static_cast<MapObject*>(op);
    if (m->iters && visit(m->iters, arg)) return 1;
    if (m->func && visit(m->func, arg)) return 1;
    return 0;
}

static Ref<> map_next(ThreadState* ts, Object* op) {
    auto* m = static_cast<MapObject*>(op);
    isize n = m->iters->ob_size;
    // Small calls use a stack buffer, as map_next's small_stack does.
    Object* small[5];
    std::vector<Object*> big;
    Object** stack = small;
    if (n > 5) {
        big.resize(std::size_t(n));
        stack = big.data();
    }
    isize got = 0;
    Ref<> result;
    for (; got < n; got++) {
        Object* it = m->iters->ob_item[got];
        Ref<> item = type_of(it)->tp_iternext(ts, it);
        if (!item) break;
        stack[got] = item.release();
    }
    if (got == n) result = object_vectorcall(ts, m->func, stack, n);
    for (isize i = 0; i < got; i++) decref(stack[i]);
    return result;
}

static Ref<> map_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* m = static_cast<MapObject*>(self);
    isize n = m->iters->ob_size;
    Ref<TupleObject> args = tuple_new(ts, n + 1);
    if (!args) return nullptr;
    args->ob_item[0] = newref(m->func).release();
    for (isize i = 0; i < n; i++) args->ob_item[i + 1] = newref(m->iters->ob_item[i]).release();
    return tuple_pack(ts, {type_of(self), args.get()});
}

static const MethodDef map_methods[] = {
    {"__reduce__", map_reduce, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ filter

struct FilterObject : Object {
    Object* func;          // owned: None (or bool) means "the item's truth value"
    Object* it;            // owned
};

// filter(function or None, iterable)
static Ref<> filter_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (!no_kwargs(ts, "filter", kwnames)) return nullptr;
    if (nargs != 2)
        return raise(ts, ts->interp->exc.TypeError, "filter expected 2 arguments, got " + isize_str(nargs));
    Ref<> it = object_get_iter(ts, args[1]);
    if (!it) return nullptr;
    auto* f = alloc_iter<FilterObject>(ts, type);
    if (!f) return nullptr;
    f->func = newref(args[0]).release();
    f->it = it.release();
    return track(ts, f);
}

static void filter_dealloc(Object* op) {
    auto* f = static_cast<FilterObject*>(op);
    untrack(op);
    xdecref(f->func);
    xdecref(f->it);
    object_free(op);
}

static int filter_traverse(Object* op, visitproc visit, void* arg) {
    auto* f = static_cast<FilterObject*>(op);
    if (f->func && visit(f->func, arg)) return 1;
    if (f->it && visit(f->it, arg)) return 1;
    return 0;
}

static Ref<> filter_next(ThreadState* ts, Object* op) {
    auto* f = static_cast<FilterObject*>(op);
    Interpreter& interp = *ts->interp;
    bool truth_only = f->func == interp.None || f->func == interp.types.bool_;
    iternextfunc next = type_of(f->it)->tp_iternext;
    for (;;) {
        Ref<> item = next(ts, f->it);
        if (!item) return nullptr;
        int ok;
        if (truth_only) {
            ok = object_is_true(ts, item.get());
        } else {
            Ref<> good = object_call_one(ts, f->func, item.get());
            if (!good) return nullptr;
            ok = object_is_true(ts, good.get());
        }
        if (ok < 0) return nullptr;
        if (ok) return item;
    }
}

static Ref<> filter_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* f = static_cast<FilterObject*>(self);
    Ref<TupleObject> args = tuple_pack(ts, {f->func, f->it});
    if (!args) return nullptr;
    return tuple_pack(ts, {type_of(self), args.get()});
}

static const MethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ reversed

struct ReversedObject : Object {
    isize index;           // next index to return; -1 once exhausted
    Object* seq;           // owned; null once exhausted
};

static Ref<> reversed_make(ThreadState* ts, TypeObject* type, Object* seq) {
    Interpreter& interp = *ts->interp;
    Ref<> meth = lookup_special(ts, seq, interp.intern("__reversed__"));
    if (meth.get() == interp.None)
        return raise(ts, interp.exc.TypeError, std::string("'") + type_name(seq) + "' object is not reversible");
    if (meth) return object_call_noargs(ts, meth.get());
    if (error_occurred(ts)) return nullptr;
    if (!sequence_check(seq))
        return raise(ts, interp.exc.TypeError, std::string("'") + type_name(seq) + "' object is not reversible");
    isize n = object_length(ts, seq);
    if (n < 0) return nullptr;
    auto* r = alloc_iter<ReversedObject>(ts, type);
    if (!r) return nullptr;
    r->index = n - 1;
    r->seq = newref(seq).release();
    return track(ts, r);
}

Ref<> reversed_new(ThreadState* ts, Object* seq) { return reversed_make(ts, ts->interp->types.reversed, seq); }

// reversed(sequence, /)
static Ref<> reversed_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                               TupleObject* kwnames) {
    if (type == ts->interp->types.reversed && !no_kwargs(ts, "reversed", kwnames)) return nullptr;
    if (nargs != 1)
        return raise(ts, ts->interp->exc.TypeError, "reversed expected 1 argument, got " + isize_str(nargs));
    return reversed_make(ts, type, args[0]);
}

static void reversed_dealloc(Object* op) {
    untrack(op);
    xdecref(static_cast<ReversedObject*>(op)->seq);
    object_free(op);
}

static int reversed_traverse(Object* op, visitproc visit, void* arg) {
    Object* s = static_cast<ReversedObject*>(op)->seq;
    return s ? visit(s, arg) : 0;
}

static Ref<> reversed_next(ThreadState* ts, Object* op) {
    auto* r = static_cast<ReversedObject*>(op);
    if (r->index >= 0 && r->seq) {
        Ref<> item = sequence_item(ts, r->seq, r->index);
        if (item) {
            r->index--;
            return item;
        }
        if (!error_matches(ts, ts->interp->exc.IndexError) && !error_matches(ts, ts->interp->exc.StopIteration))
            return nullptr;
        error_clear(ts);
    }
    r->index = -1;
    Object* s = r->seq;
    r->seq = nullptr;
    xdecref(s);
    return nullptr;
}

static Ref<> reversed_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* r = static_cast<ReversedObject*>(self);
    if (!r->seq) return int_from_i64(ts, 0);
    isize n = object_length(ts, r->seq);
    if (n < 0) return nullptr;
    isize position = r->index + 1;
    return int_from_i64(ts, n < position ? 0 : position);
}

static Ref<> reversed_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* r = static_cast<ReversedObject*>(self);
    if (!r->seq) {
        Ref<TupleObject> empty = tuple_new(ts, 0);
        if (!empty) return nullptr;
        Ref<TupleObject> args = tuple_pack(ts, {empty.get()});
        if (!args) return nullptr;
        return tuple_pack(ts, {type_of(self), args.get()});
    }
    Ref<> index = int_from_i64(ts, r->index);
    Ref<TupleObject> args = tuple_pack(ts, {r->seq});
    if (!index || !args) return nullptr;
    return tuple_pack(ts, {type_of(self), args.get(), index.get()});
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_reduce, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ types

bool init_iter_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    BuiltinTypes& T = interp.types;
    const uint64_t gc = TPFLAGS_HAVE_GC;
    const uint64_t sub = TPFLAGS_BASETYPE;
    struct Spec {
        TypeObject** slot; const char* name; isize size; uint64_t flags;
        destructor dealloc; traverseproc traverse; iternextfunc next; newfunc tp_new;
        const MethodDef* methods; const char* doc;
    };
    const Spec specs[] = {
        {&T.seq_iter, "iterator", sizeof(SeqIterObject), gc, seqiter_dealloc, seqiter_traverse, seqiter_next,
         nullptr, seqiter_methods, ""},
        {&T.callable_iter, "callable_iterator", sizeof(CallIterObject), gc, calliter_dealloc, calliter_traverse,
         calliter_next, nullptr, nullptr, ""},
        {&T.enumerate, "enumerate", sizeof(EnumObject), gc | sub, enum_dealloc, enum_traverse, enum_next, enum_new,
         enum_methods,
         "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
         "The enumerate object yields pairs containing a count (from start, which\n"
         "defaults to zero) and a value yielded by the iterable argument.\n\n"
         "enumerate is useful for obtaining an indexed list:\n"
         "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."},
        {&T.zip, "zip", sizeof(ZipObject), gc | sub, zip_dealloc, zip_traverse, zip_next, zip_new, zip_methods,
         "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
         "   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
         "The zip object yields n-length tuples, where n is the number of iterables\n"
         "passed as positional arguments to zip().  The i-th element in every tuple\n"
         "comes from the i-th iterable argument to zip().  This continues until the\n"
         "shortest argument is exhausted.\n\n"
         "If strict is true and one of the arguments is exhausted before the others,\n"
         "raise a ValueError."},
        {&T.map, "map", sizeof(MapObject), gc | sub, map_dealloc, map_traverse, map_next, map_new, map_methods,
         "map(func, *iterables) --> map object\n\n"
         "Make an iterator that computes the function using arguments from\n"
         "each of the iterables.  Stops when the shortest iterable is exhausted."},
        {&T.filter, "filter", sizeof(FilterObject), gc | sub, filter_dealloc, filter_traverse, filter_next,
         filter_new, filter_methods,
         "filter(function or None, iterable) --> filter object\n\n"
         "Return an iterator yielding those items of iterable for which function(item)\n"
         "is true. If function is None, return the items that are true."},
        {&T.reversed, "reversed", sizeof(ReversedObject), gc | sub, reversed_dealloc, reversed_traverse,
         reversed_next, reversed_new_slot, reversed_methods, "Return a reverse iterator over the values of the given sequence."},
    };
    for (const Spec& s : specs) {
        TypeObject* t = ensure_builtin_type(ts, s.slot, s.name, s.size, s.flags);
        if (!t) return false;
        t->tp_dealloc = s.dealloc;
        t->tp_traverse = s.traverse;
        t->tp_iter = iter_self;
        t->tp_iternext = s.next;
        t->tp_new = s.tp_new;
        t->tp_doc = s.doc;
        if (!add_type_members(ts, t, s.methods)) return false;
    }
    T.enumerate->tp_clear = enum_clear;
    return true;
}

}  // namespace gp
