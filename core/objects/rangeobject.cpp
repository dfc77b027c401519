// rangeobject.cpp — range and its iterator.
//
// Mirrors CPython 3.11's Objects/rangeobject.c. The four fields are Python
// ints, so ranges over huge numbers work (range(10**30)[5] is exact); the
// common case of values that fit in 64 bits takes machine-integer fast
// paths. len() of a range whose length does not fit raises OverflowError,
// as CPython does. Iteration uses a small iterator of machine integers
// (CPython's rangeiterobject) when start, step and length fit, else one of
// Python ints (longrangeiterobject), under the same type name.
#include "objects/rangeobject.h"

#include <limits>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/descrobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_range(Object* o) { return type_of(o) == type_of(o)->interp->types.range; }

// ---- small helpers over Python ints

static Ref<> binop(ThreadState* ts, Object* a, Object* b, int op) { return number_binary_op(ts, a, b, op); }

static bool fits(Object* v, int64_t* out) { return int_as_i64(v, out); }

// compute_range_length: (hi - lo - 1) // step + 1 for the direction of step.
static Ref<> compute_range_length(ThreadState* ts, Object* start, Object* stop, Object* step) {
    int64_t a, b, s;
    if (fits(start, &a) && fits(stop, &b) && fits(step, &s)) {
        // Unsigned arithmetic avoids overflow for any int64 inputs.
        uint64_t len = 0;
        if (s > 0 && a < b) len = (uint64_t(b) - uint64_t(a) - 1) / uint64_t(s) + 1;
        else if (s < 0 && b < a) len = (uint64_t(a) - uint64_t(b) - 1) / (0 - uint64_t(s)) + 1;
        return int_from_u64(ts, len);
    }
    Object *lo, *hi;
    Ref<> neg_step;
    Ref<> stepref = newref(step);
    if (int_sign(step) > 0) {
        lo = start; hi = stop;
    } else {
        lo = stop; hi = start;
        neg_step = number_negative(ts, step);
        if (!neg_step) return nullptr;
        stepref = std::move(neg_step);
    }
    if (int_compare(lo, hi) >= 0) return int_from_i64(ts, 0);
    Ref<> one = int_from_i64(ts, 1);
    Ref<> diff = binop(ts, hi, lo, NB_SUBTRACT);
    if (!one || !diff) return nullptr;
    Ref<> d1 = binop(ts, diff.get(), one.get(), NB_SUBTRACT);
    if (!d1) return nullptr;
    Ref<> q = binop(ts, d1.get(), stepref.get(), NB_FLOOR_DIVIDE);
    if (!q) return nullptr;
    return binop(ts, q.get(), one.get(), NB_ADD);
}

static Ref<> make_range(ThreadState* ts, TypeObject* type, Ref<> start, Ref<> stop, Ref<> step) {
    Ref<> length = compute_range_length(ts, start.get(), stop.get(), step.get());
    if (!length) return nullptr;
    auto* r = static_cast<RangeObject*>(object_alloc(ts, type, 0));
    if (!r) return nullptr;
    r->start = start.release();
    r->stop = stop.release();
    r->step = step.release();
    r->length = length.release();
    return Ref<>::steal(r);
}

// range(stop) / range(start, stop[, step])
static Ref<> range_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                            TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "range", kwnames)) return nullptr;
    if (!check_positional(ts, "range", nargs, 1, 3)) return nullptr;
    Ref<> start, stop, step;
    if (nargs == 1) {
        stop = number_index(ts, args[0]);
        if (!stop) return nullptr;
        start = int_from_i64(ts, 0);
        step = int_from_i64(ts, 1);
    } else {
        start = number_index(ts, args[0]);
        if (!start) return nullptr;
        stop = number_index(ts, args[1]);
        if (!stop) return nullptr;
        if (nargs == 3) {
            step = number_index(ts, args[2]);
            if (!step) return nullptr;
            if (int_sign(step.get()) == 0) return raise(ts, interp.exc.ValueError, "range() arg 3 must not be zero");
        } else {
            step = int_from_i64(ts, 1);
        }
    }
    if (!start || !stop || !step) return nullptr;
    return make_range(ts, type, std::move(start), std::move(stop), std::move(step));
}

static void range_dealloc(Object* op) {
    auto* r = as_range(op);
    xdecref(r->start);
    xdecref(r->stop);
    xdecref(r->step);
    xdecref(r->length);
    object_free(op);
}

static Ref<> range_repr(ThreadState* ts, Object* op) {
    auto* r = as_range(op);
    int64_t s;
    bool step_one = fits(r->step, &s) && s == 1;
    std::string text = "range(" + int_to_decimal_string(r->start) + ", " + int_to_decimal_string(r->stop);
    if (!step_one) text += ", " + int_to_decimal_string(r->step);
    return str_from_utf8(ts, text + ")");
}

static isize range_length(ThreadState* ts, Object* op) {
    isize n;
    if (!int_as_isize(ts, as_range(op)->length, &n)) return -1;
    return n;
}

static int range_bool(ThreadState*, Object* op) { return int_sign(as_range(op)->length) != 0; }

// start + i*step, for 0 <= i < length (checked by the caller).
static Ref<> compute_item(ThreadState* ts, RangeObject* r, Object* i) {
    int64_t a, s, k;
    if (fits(r->start, &a) && fits(r->step, &s) && fits(i, &k)) {
        int64_t prod, sum;
        if (!__builtin_mul_overflow(k, s, &prod) && !__builtin_add_overflow(a, prod, &sum))
            return int_from_i64(ts, sum);
    }
    Ref<> prod = binop(ts, i, r->step, NB_MULTIPLY);
    if (!prod) return nullptr;
    return binop(ts, r->start, prod.get(), NB_ADD);
}

static Ref<> range_item(ThreadState* ts, Object* op, isize i) {
    auto* r = as_range(op);
    int64_t len;
    bool small = fits(r->length, &len);
    if (i < 0 || (small && i >= len))
        return raise(ts, ts->interp->exc.IndexError, "range object index out of range");
    Ref<> idx = int_from_i64(ts, i);
    if (!idx) return nullptr;
    return compute_item(ts, r, idx.get());
}

// range[slice]: another range (compute_slice).
static Ref<> range_slice(ThreadState* ts, RangeObject* r, SliceObject* slice) {
    int64_t len;
    if (!fits(r->length, &len) || len > std::numeric_limits<isize>::max())
        return raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C ssize_t");
    isize start, stop, step, n;
    if (!slice_indices(ts, slice, isize(len), &start, &stop, &step, &n)) return nullptr;
    Ref<> istart = int_from_i64(ts, start), istop = int_from_i64(ts, stop), istep = int_from_i64(ts, step);
    if (!istart || !istop || !istep) return nullptr;
    Ref<> new_start = compute_item(ts, r, istart.get());
    Ref<> new_stop = compute_item(ts, r, istop.get());
    Ref<> new_step = binop(ts, r->step, istep.get(), NB_MULTIPLY);
    if (!new_start || !new_stop || !new_step) return nullptr;
    return make_range(ts, ts->interp->types.range, std::move(new_start), std::move(new_stop), std::move(new_step));
}

static Ref<> range_subscript(ThreadState* ts, Object* op, Object* key) {
    auto* r = as_range(op);
    if (is_slice(key)) return range_slice(ts, r, as_slice(key));
    TypeObject* kt = type_of(key);
    if (!is_int(key) && !(kt->tp_as_number && kt->tp_as_number->nb_index))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("range indices must be integers or slices, not ") + type_name(key));
    Ref<> i = number_index(ts, key);
    if (!i) return nullptr;
    // Negative indices count from the end; the bounds check is on Python ints.
    if (int_sign(i.get()) < 0) {
        i = binop(ts, i.get(), r->length, NB_ADD);
        if (!i) return nullptr;
    }
    if (int_sign(i.get()) < 0 || int_compare(i.get(), r->length) >= 0)
        return raise(ts, ts->interp->exc.IndexError, "range object index out of range");
    return compute_item(ts, r, i.get());
}

// range_contains_long: an int is in the range if it lies between the
// bounds and is a whole number of steps from start.
static int contains_long(ThreadState* ts, RangeObject* r, Object* ob) {
    const bool up = int_sign(r->step) > 0;
    int c1, c2;
    if (up) {
        c1 = int_compare(r->start, ob) <= 0;   // start <= ob
        c2 = int_compare(ob, r->stop) < 0;     // ob < stop
    } else {
        c1 = int_compare(ob, r->start) <= 0;   // ob <= start
        c2 = int_compare(r->stop, ob) < 0;     // stop < ob
    }
    if (!c1 || !c2) return 0;
    int64_t a, s, x;
    if (fits(r->start, &a) && fits(r->step, &s) && fits(ob, &x)) {
        // start <= x < stop (or the reverse) fits in uint64 differences.
        uint64_t diff = up ? uint64_t(x) - uint64_t(a) : uint64_t(a) - uint64_t(x);
        uint64_t st = up ? uint64_t(s) : 0 - uint64_t(s);
        return diff % st == 0;
    }
    Ref<> diff = binop(ts, ob, r->start, NB_SUBTRACT);
    if (!diff) return -1;
    Ref<> rem = binop(ts, diff.get(), r->step, NB_REMAINDER);
    if (!rem) return -1;
    return int_sign(rem.get()) == 0;
}

static bool exact_int_or_bool(Interpreter& interp, Object* o) {
    return type_of(o) == interp.types.int_ || type_of(o) == interp.types.bool_;
}

// _PySequence_IterSearch: compare with every item.
static isize iter_search(ThreadState* ts, Object* seq, Object* obj, bool count_all) {
    Ref<> it = object_get_iter(ts, seq);
    if (!it) return -1;
    isize n = 0, i = 0;
    for (;; i++) {
        Ref<> item = iter_next(ts, it.get());
        if (!item) break;
        int c = object_richcompare_bool(ts, item.get(), obj, Py_EQ);
        if (c < 0) return -1;
        if (c) {
            if (!count_all) return i;
            n++;
        }
    }
    if (error_occurred(ts)) return -1;
    return count_all ? n : -2;
}

static int range_contains(ThreadState* ts, Object* op, Object* ob) {
    if (exact_int_or_bool(*ts->interp, ob)) return contains_long(ts, as_range(op), ob);
    isize r = iter_search(ts, op, ob, false);
    if (r == -1) return -1;
    return r >= 0;
}

// Two ranges are equal when they are the same sequence.
static int range_equals(ThreadState* ts, RangeObject* r0, RangeObject* r1) {
    if (r0 == r1) return 1;
    if (int_compare(r0->length, r1->length) != 0) return 0;
    if (int_sign(r0->length) == 0) return 1;
    if (int_compare(r0->start, r1->start) != 0) return 0;
    int64_t len;
    if (fits(r0->length, &len) && len == 1) return 1;
    return int_compare(r0->step, r1->step) == 0;
}

static Ref<> range_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_range(b) || (op != Py_EQ && op != Py_NE)) return newref(ts->interp->NotImplemented);
    int eq = range_equals(ts, as_range(a), as_range(b));
    return bool_ref(ts, (eq == 1) == (op == Py_EQ));
}

static int64_t range_hash(ThreadState* ts, Object* op) {
    auto* r = as_range(op);
    Interpreter& interp = *ts->interp;
    Object* second = interp.None;
    Object* third = interp.None;
    if (int_sign(r->length) != 0) {
        second = r->start;
        int64_t len;
        if (!(fits(r->length, &len) && len == 1)) third = r->step;
    }
    Ref<TupleObject> t = tuple_pack(ts, {r->length, second, third});
    if (!t) return -1;
    return object_hash(ts, t.get());
}

static Ref<> m_count(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "range.count", nargs, 1, 1)) return nullptr;
    if (exact_int_or_bool(*ts->interp, args[0])) {
        int c = contains_long(ts, as_range(self), args[0]);
        if (c < 0) return nullptr;
        return int_from_i64(ts, c);
    }
    isize n = iter_search(ts, self, args[0], true);
    if (n < 0) return nullptr;
    return int_from_i64(ts, n);
}

static Ref<> m_index(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "range.index", nargs, 1, 1)) return nullptr;
    auto* r = as_range(self);
    Object* ob = args[0];
    if (!exact_int_or_bool(*ts->interp, ob)) {
        isize i = iter_search(ts, self, ob, false);
        if (i == -1) return nullptr;
        if (i >= 0) return int_from_i64(ts, i);
        return raise(ts, ts->interp->exc.ValueError, "sequence.index(x): x not in sequence");
    }
    int c = contains_long(ts, r, ob);
    if (c < 0) return nullptr;
    if (!c) {
        Ref<> rep = object_repr(ts, ob);
        if (!rep) return nullptr;
        return raise(ts, ts->interp->exc.ValueError, std::string(str_utf8(rep.get())) + " is not in range");
    }
    Ref<> diff = binop(ts, ob, r->start, NB_SUBTRACT);
    if (!diff) return nullptr;
    return binop(ts, diff.get(), r->step, NB_FLOOR_DIVIDE);
}

// ------------------------------------------------------------ iterator

struct RangeIterObject : Object {
    int64_t start;         // next value (machine-integer mode)
    int64_t step;
    int64_t len;           // values left
    Object* big_start;     // owned; non-null in Python-int mode: next value
    Object* big_step;      // owned
    Object* big_len;       // owned: values left
};

static Ref<> range_iter_make(ThreadState* ts, Ref<> start, Ref<> step, Ref<> len) {
    auto* it = static_cast<RangeIterObject*>(object_alloc(ts, ts->interp->types.range_iter, 0));
    if (!it) return nullptr;
    Ref<> self = Ref<>::steal(it);
    int64_t a, s, n;
    int64_t last;
    // Machine mode when start, step, len and the last value all fit.
    if (fits(start.get(), &a) && fits(step.get(), &s) && fits(len.get(), &n) &&
        (n == 0 || (!__builtin_mul_overflow(n - 1, s, &last) && !__builtin_add_overflow(a, last, &last)))) {
        it->start = a;
        it->step = s;
        it->len = n;
        return self;
    }
    it->big_start = start.release();
    it->big_step = step.release();
    it->big_len = len.release();
    return self;
}

static Ref<> range_iter(ThreadState* ts, Object* op) {
    auto* r = as_range(op);
    return range_iter_make(ts, newref(r->start), newref(r->step), newref(r->length));
}

static Ref<> m_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "range.__reversed__", nargs, 0, 0)) return nullptr;
    auto* r = as_range(self);
    // reversed(range(a, b, s)) iterates from a + (len-1)*s with step -s.
    Ref<> one = int_from_i64(ts, 1);
    if (!one) return nullptr;
    Ref<> last;
    if (int_sign(r->length) == 0) {
        last = newref(r->start);
    } else {
        Ref<> lm1 = binop(ts, r->length, one.get(), NB_SUBTRACT);
        if (!lm1) return nullptr;
        last = compute_item(ts, r, lm1.get());
    }
    Ref<> neg = number_negative(ts, r->step);
    if (!last || !neg) return nullptr;
    return range_iter_make(ts, std::move(last), std::move(neg), newref(r->length));
}

static void rangeiter_dealloc(Object* op) {
    auto* it = static_cast<RangeIterObject*>(op);
    xdecref(it->big_start);
    xdecref(it->big_step);
    xdecref(it->big_len);
    object_free(op);
}

static Ref<> rangeiter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<RangeIterObject*>(op);
    if (!it->big_start) {
        if (it->len <= 0) return nullptr;
        int64_t v = it->start;
        it->len--;
        if (it->len > 0) it->start += it->step;   // never overflows: the last value fits
        return int_from_i64(ts, v);
    }
    if (int_sign(it->big_len) <= 0) return nullptr;
    Ref<> one = int_from_i64(ts, 1);
    if (!one) return nullptr;
    Ref<> newlen = binop(ts, it->big_len, one.get(), NB_SUBTRACT);
    Ref<> next = binop(ts, it->big_start, it->big_step, NB_ADD);
    if (!newlen || !next) return nullptr;
    Object* result = it->big_start;
    Object* old_len = it->big_len;
    it->big_start = next.release();
    it->big_len = newlen.release();
    decref(old_len);
    return Ref<>::steal(result);
}

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> rangeiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<RangeIterObject*>(self);
    if (it->big_start) return newref(it->big_len);
    return int_from_i64(ts, it->len);
}

// CPython 3.11's range_iterator and longrange_iterator are both a header
// and four machine words (index/start/step/len), 48 bytes on 64-bit; this
// one keeps more fields for its two modes.
static Ref<> rangeiter_sizeof(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, 48);
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {"__sizeof__", rangeiter_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> get_start(ThreadState*, Object* self) { return newref(as_range(self)->start); }
static Ref<> get_stop(ThreadState*, Object* self) { return newref(as_range(self)->stop); }
static Ref<> get_step(ThreadState*, Object* self) { return newref(as_range(self)->step); }

static const GetSetDef range_getsets[] = {
    {"start", get_start, nullptr, nullptr},
    {"stop", get_stop, nullptr, nullptr},
    {"step", get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static Ref<> m_sizeof(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "range.__sizeof__", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, 48);   // PyObject_HEAD + four pointers, 64-bit
}

static Ref<> m_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* r = static_cast<RangeObject*>(self);
    Ref<> args = tuple_pack(ts, {r->start, r->stop, r->step});
    if (!args) return nullptr;
    return tuple_pack(ts, {type_of(self), args.get()});
}

static const MethodDef range_methods[] = {
    {"__reduce__", m_reduce, METH_DEFAULT, nullptr},
    {"__reversed__", m_reversed, METH_DEFAULT, "Return a reverse iterator."},
    {"count", m_count, METH_DEFAULT, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", m_index, METH_DEFAULT, "rangeobject.index(value) -> integer -- return index of value."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

bool init_range_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.range;
    t->tp_basicsize = sizeof(RangeObject);
    t->tp_itemsize = 0;
    t->tp_flags &= ~uint64_t(TPFLAGS_BASETYPE);   // range cannot be subclassed
    t->tp_dealloc = range_dealloc;
    t->tp_repr = range_repr;
    t->tp_hash = range_hash;
    t->tp_richcompare = range_richcompare;
    t->tp_iter = range_iter;
    t->tp_new = range_new_slot;
    t->tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
                "Return an object that produces a sequence of integers from start (inclusive)\n"
                "to stop (exclusive) by step.";
    t->sequence_storage.sq_length = range_length;
    t->sequence_storage.sq_item = range_item;
    t->sequence_storage.sq_contains = range_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = range_length;
    t->mapping_storage.mp_subscript = range_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_bool = range_bool;
    t->tp_as_number = &t->number_storage;

    TypeObject* it = interp.types.range_iter;
    it->tp_name = "range_iterator";
    it->tp_basicsize = sizeof(RangeIterObject);
    it->tp_itemsize = 0;
    it->tp_dealloc = rangeiter_dealloc;
    it->tp_iter = iter_self;
    it->tp_iternext = rangeiter_next;

    return add_type_members(ts, t, range_methods, range_getsets) && add_type_members(ts, it, rangeiter_methods);
}

}  // namespace gp
