// sliceobject.cpp — the slice type and the index arithmetic of slicing.
//
// Mirrors CPython 3.11's Objects/sliceobject.c. Slicing a sequence happens in
// two steps that every sequence type shares:
//
//   1. slice_unpack: turn slice(start, stop, step) into three machine
//      integers. Omitted fields (None) become "from the end the step walks
//      away from": start = 0 / stop = +inf for a positive step, start = +inf /
//      stop = -inf for a negative one. Huge ints are clamped, so
//      "abc"[:10**100] is just "abc".
//   2. slice_adjust_indices: clip those to a concrete length (negative
//      indices count from the end) and count the selected items.
//
// Doing step 1 before knowing the length matters: __index__ may run Python
// code that changes the sequence's length (CPython issue 27867).
#include "objects/sliceobject.h"

#include <limits>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static constexpr isize kIsizeMax = std::numeric_limits<isize>::max();
static constexpr isize kIsizeMin = std::numeric_limits<isize>::min();

bool is_slice(Object* o) { return type_of(o) == type_of(o)->interp->types.slice; }

Ref<> slice_new(ThreadState* ts, Object* start, Object* stop, Object* step) {
    Interpreter& interp = *ts->interp;
    auto* s = static_cast<SliceObject*>(object_alloc(ts, interp.types.slice, 0));
    if (!s) return nullptr;
    s->start = start ? start : interp.None; incref(s->start);
    s->stop = stop ? stop : interp.None;    incref(s->stop);
    s->step = step ? step : interp.None;    incref(s->step);
    if (type_has_flag(interp.types.slice, TPFLAGS_HAVE_GC)) interp.gc.track(s);
    return Ref<>::steal(s);
}

// _PyEval_SliceIndex: an int (or __index__) clamped to the isize range.
bool slice_index_value(ThreadState* ts, Object* v, isize* out) {
    if (!is_int(v)) {
        Ref<> idx;
        if (type_of(v)->tp_as_number && type_of(v)->tp_as_number->nb_index) idx = number_index(ts, v);
        if (!idx) {
            if (!error_occurred(ts) || error_matches(ts, ts->interp->exc.TypeError)) {
                error_clear(ts);
                raise(ts, ts->interp->exc.TypeError,
                      "slice indices must be integers or None or have an __index__ method");
            }
            return false;
        }
        return slice_index_value(ts, idx.get(), out);
    }
    int64_t v64;
    if (!int_as_i64(v, &v64)) { *out = int_sign(v) < 0 ? kIsizeMin : kIsizeMax; return true; }
    if (v64 > int64_t(kIsizeMax)) v64 = kIsizeMax;
    if (v64 < int64_t(kIsizeMin)) v64 = kIsizeMin;
    *out = isize(v64);
    return true;
}

bool slice_unpack(ThreadState* ts, SliceObject* s, isize* start, isize* stop, isize* step) {
    Object* none = ts->interp->None;
    if (s->step == none) {
        *step = 1;
    } else {
        if (!slice_index_value(ts, s->step, step)) return false;
        if (*step == 0) { raise(ts, ts->interp->exc.ValueError, "slice step cannot be zero"); return false; }
        // -step must not overflow when a reversed slice is walked.
        if (*step < -kIsizeMax) *step = -kIsizeMax;
    }
    if (s->start == none) *start = *step < 0 ? kIsizeMax : 0;
    else if (!slice_index_value(ts, s->start, start)) return false;
    if (s->stop == none) *stop = *step < 0 ? kIsizeMin : kIsizeMax;
    else if (!slice_index_value(ts, s->stop, stop)) return false;
    return true;
}

isize slice_adjust_indices(isize length, isize* start, isize* stop, isize step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

bool slice_indices(ThreadState* ts, SliceObject* s, isize length, isize* start, isize* stop,
                   isize* step, isize* slicelength) {
    if (!slice_unpack(ts, s, start, stop, step)) return false;
    *slicelength = slice_adjust_indices(length, start, stop, *step);
    return true;
}

// ------------------------------------------------------------ the type

static void slice_dealloc(Object* op) {
    auto* s = as_slice(op);
    Object* a = s->start; Object* b = s->stop; Object* c = s->step;
    s->start = s->stop = s->step = nullptr;
    xdecref(a); xdecref(b); xdecref(c);
    object_free(op);
}

static int slice_traverse(Object* op, visitproc visit, void* arg) {
    auto* s = as_slice(op);
    for (Object* f : {s->start, s->stop, s->step})
        if (f && visit(f, arg)) return 1;
    return 0;
}

static Ref<> slice_repr(ThreadState* ts, Object* op) {
    auto* s = as_slice(op);
    std::string text = "slice(";
    Object* parts[] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        Ref<> r = object_repr(ts, parts[i]);
        if (!r) return nullptr;
        if (i) text += ", ";
        text += str_utf8(r.get());
    }
    return str_from_utf8(ts, text + ")");
}

// slice == slice compares (start, stop, step) as tuples.
static Ref<> slice_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_slice(a) || !is_slice(b)) return newref(ts->interp->NotImplemented);
    Ref<TupleObject> ta = tuple_pack(ts, {as_slice(a)->start, as_slice(a)->stop, as_slice(a)->step});
    if (!ta) return nullptr;
    Ref<TupleObject> tb = tuple_pack(ts, {as_slice(b)->start, as_slice(b)->stop, as_slice(b)->step});
    if (!tb) return nullptr;
    return object_richcompare(ts, ta.get(), tb.get(), op);
}

static int64_t slice_hash(ThreadState* ts, Object* self) {
    raise(ts, ts->interp->exc.TypeError, "unhashable type: 'slice'");
    return -1;
}

static Ref<> slice_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                            TupleObject* kwnames) {
    if (!check_no_kwargs(ts, "slice", kwnames) || !check_nargs(ts, "slice", nargs, 1, 3)) return nullptr;
    if (nargs == 1) return slice_new(ts, nullptr, args[0], nullptr);
    return slice_new(ts, args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

static Ref<> get_start(ThreadState*, Object* self) { return newref(as_slice(self)->start); }
static Ref<> get_stop(ThreadState*, Object* self) { return newref(as_slice(self)->stop); }
static Ref<> get_step(ThreadState*, Object* self) { return newref(as_slice(self)->step); }

static const GetSetDef slice_getsets[] = {
    {"start", get_start, nullptr, nullptr},
    {"stop", get_stop, nullptr, nullptr},
    {"step", get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// slice.indices(length) -> (start, stop, step)
static Ref<> slice_indices_method(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                                  TupleObject* kwnames) {
    if (!check_no_kwargs(ts, "indices", kwnames) || !check_nargs(ts, "indices", nargs, 1, 1)) return nullptr;
    isize length;
    if (!index_as_isize(ts, args[0], &length)) return nullptr;
    if (length < 0) return raise(ts, ts->interp->exc.ValueError, "length should not be negative");
    isize start, stop, step;
    if (!slice_unpack(ts, as_slice(self), &start, &stop, &step)) return nullptr;
    slice_adjust_indices(length, &start, &stop, step);
    Ref<> a = int_from_i64(ts, start), b = int_from_i64(ts, stop), c = int_from_i64(ts, step);
    if (!a || !b || !c) return nullptr;
    return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

static Ref<> slice_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    SliceObject* s = as_slice(self);
    Ref<> args = tuple_pack(ts, {s->start, s->stop, s->step});
    if (!args) return nullptr;
    return tuple_pack(ts, {type_of(self), args.get()});
}

static const MethodDef slice_methods[] = {
    {"__reduce__", slice_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"indices", slice_indices_method, METH_DEFAULT,
     "S.indices(len) -> (start, stop, stride)"},
    {nullptr, nullptr, 0, nullptr},
};

bool init_slice_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.slice;
    t->tp_basicsize = sizeof(SliceObject);
    t->tp_itemsize = 0;
    t->tp_flags = TPFLAGS_HAVE_GC;     // not subclassable, as in CPython
    t->tp_dealloc = slice_dealloc;
    t->tp_traverse = slice_traverse;
    t->tp_repr = slice_repr;
    t->tp_richcompare = slice_richcompare;
    t->tp_hash = slice_hash;
    t->tp_new = slice_new_slot;
    t->tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).";
    return add_type_members(ts, t, slice_methods, slice_getsets);
}

}  // namespace gp
