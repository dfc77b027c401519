// tupleobject.cpp — tuple: an immutable, fixed-size array of references.
//
// Mirrors CPython 3.11's Objects/tupleobject.c. A tuple stores its items
// inline, right after the header, so a tuple of n items is one allocation:
//
//     [GC header 16][ob_refcnt, ob_type, ob_size][item 0][item 1]...[item n-1]
//
// sys.getsizeof(t) is 24 + 8*n plus the 16-byte GC header, as on 64-bit
// CPython. The empty tuple is a per-interpreter singleton
// (Interpreter::empty_tuple): every () is the same object.
//
// Deallocation releases the items from the last to the first, as
// tupledealloc does, so __del__ methods of the items run in that order.
//
// hash(t) is CPython's xxHash-based combination (since 3.8): it mixes each
// item's hash into an accumulator with multiply-and-rotate rounds, so that
// (1, 2) and (2, 1) hash differently and nested tuples spread well.
#include "objects/tupleobject.h"

#include <cstring>
#include <limits>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_tuple(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TUPLE_SUBCLASS); }

static Ref<TupleObject> tuple_alloc_type(ThreadState* ts, TypeObject* type, isize n) {
    if (n < 0 || n > (std::numeric_limits<isize>::max() - type->tp_basicsize) / isize(sizeof(Object*))) {
        raise_no_memory(ts);
        return nullptr;
    }
    Object* op = object_alloc(ts, type, n);   // items zeroed
    if (!op) return nullptr;
    ts->interp->gc.track(op);   // PyTuple_New tracks at once; traverse skips null slots
    return Ref<TupleObject>::steal(static_cast<TupleObject*>(op));
}

Ref<TupleObject> tuple_new(ThreadState* ts, isize n) {
    Interpreter& interp = *ts->interp;
    if (n == 0 && interp.empty_tuple) return newref(interp.empty_tuple);
    return tuple_alloc_type(ts, interp.types.tuple, n);
}

Ref<TupleObject> tuple_from_array(ThreadState* ts, Object* const* items, isize n) {
    Ref<TupleObject> t = tuple_new(ts, n);
    if (!t) return nullptr;
    for (isize i = 0; i < n; i++) {
        incref(items[i]);
        t->ob_item[i] = items[i];
    }
    return t;
}

Ref<TupleObject> tuple_pack(ThreadState* ts, std::initializer_list<Object*> items) {
    return tuple_from_array(ts, items.begin(), isize(items.size()));
}

// ------------------------------------------------------------ slots

static void tuple_dealloc(Object* op) {
    auto* t = as_tuple(op);
    type_of(op)->interp->gc.untrack(op);
    for (isize i = t->ob_size - 1; i >= 0; i--) {
        Object* item = t->ob_item[i];
        t->ob_item[i] = nullptr;
        xdecref(item);
    }
    object_free(op);
}

static int tuple_traverse(Object* op, visitproc visit, void* arg) {
    auto* t = as_tuple(op);
    for (isize i = t->ob_size - 1; i >= 0; i--)
        if (t->ob_item[i] && visit(t->ob_item[i], arg)) return 1;
    return 0;
}

static Ref<> tuple_repr(ThreadState* ts, Object* op) {
    auto* t = as_tuple(op);
    const isize n = t->ob_size;
    if (n == 0) return str_from_utf8(ts, "()");
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, "(...)");
    std::u32string out = U"(";
    for (isize i = 0; i < t->ob_size; i++) {
        if (i) out += U", ";
        Ref<> r = object_repr(ts, t->ob_item[i]);
        if (!r) return nullptr;
        str_append_to(as_str(r.get()), out);
    }
    out += n == 1 ? U",)" : U")";
    return str_from_u32(ts, out);
}

// tuplehash: the xxHash64 rounds, CPython's constants (64-bit build).
static int64_t tuple_hash(ThreadState* ts, Object* op) {
    constexpr uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr uint64_t kPrime5 = 2870177450012600261ULL;
    auto* t = as_tuple(op);
    const isize n = t->ob_size;
    uint64_t acc = kPrime5;
    for (isize i = 0; i < n; i++) {
        int64_t lane = object_hash(ts, t->ob_item[i]);
        if (lane == -1) return -1;
        acc += uint64_t(lane) * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
    }
    acc += uint64_t(n) ^ (kPrime5 ^ 3527539ULL);
    if (acc == uint64_t(-1)) return 1546275796;
    return int64_t(acc);
}

static isize tuple_length(ThreadState*, Object* op) { return as_tuple(op)->ob_size; }

// Lexicographic comparison shared by tuple and list (CPython's
// tuplerichcompare / list_richcompare): find the first differing position,
// then let those items (or the lengths) decide.
Ref<> sequence_richcompare(ThreadState* ts, Object* const* a, isize na, Object* const* b, isize nb,
                           CompareOp op) {
    isize i = 0;
    for (; i < na && i < nb; i++) {
        int k = object_richcompare_bool(ts, a[i], b[i], Py_EQ);
        if (k < 0) return nullptr;
        if (!k) break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case Py_LT: r = na < nb; break;
        case Py_LE: r = na <= nb; break;
        case Py_EQ: r = na == nb; break;
        case Py_NE: r = na != nb; break;
        case Py_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return bool_ref(ts, r);
    }
    if (op == Py_EQ) return bool_ref(ts, false);
    if (op == Py_NE) return bool_ref(ts, true);
    return object_richcompare(ts, a[i], b[i], op);
}

static Ref<> tuple_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_tuple(a) || !is_tuple(b)) return newref(ts->interp->NotImplemented);
    auto* x = as_tuple(a);
    auto* y = as_tuple(b);
    // Items may be released by __eq__ side effects; hold both tuples.
    Ref<> hx = newref(a), hy = newref(b);
    return sequence_richcompare(ts, x->ob_item, x->ob_size, y->ob_item, y->ob_size, op);
}

static Ref<> tuple_item(ThreadState* ts, Object* op, isize i) {
    auto* t = as_tuple(op);
    if (i < 0 || i >= t->ob_size) return raise(ts, ts->interp->exc.IndexError, "tuple index out of range");
    return newref(t->ob_item[i]);
}

static Ref<> tuple_subscript(ThreadState* ts, Object* op, Object* key) {
    auto* t = as_tuple(op);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), t->ob_size, &start, &stop, &step, &n)) return nullptr;
        if (n <= 0) return tuple_new(ts, 0);
        if (start == 0 && step == 1 && n == t->ob_size && isinstance_exact(op, ts->interp->types.tuple))
            return newref(op);
        Ref<TupleObject> r = tuple_new(ts, n);
        if (!r) return nullptr;
        for (isize i = 0, cur = start; i < n; i++, cur += step) {
            incref(t->ob_item[cur]);
            r->ob_item[i] = t->ob_item[cur];
        }
        return r;
    }
    isize i;
    if (!subscript_index(ts, key, "tuple", &i)) return nullptr;
    if (i < 0) i += t->ob_size;
    return tuple_item(ts, op, i);
}

static Ref<> tuple_concat(ThreadState* ts, Object* a, Object* b) {
    if (!is_tuple(b))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("can only concatenate tuple (not \"") + type_name(b) + "\") to tuple");
    auto* x = as_tuple(a);
    auto* y = as_tuple(b);
    Interpreter& interp = *ts->interp;
    if (y->ob_size == 0 && isinstance_exact(a, interp.types.tuple)) return newref(a);
    if (x->ob_size == 0 && isinstance_exact(b, interp.types.tuple)) return newref(b);
    if (x->ob_size > std::numeric_limits<isize>::max() - y->ob_size) return raise_no_memory(ts);
    Ref<TupleObject> r = tuple_new(ts, x->ob_size + y->ob_size);
    if (!r) return nullptr;
    for (isize i = 0; i < x->ob_size; i++) { incref(x->ob_item[i]); r->ob_item[i] = x->ob_item[i]; }
    for (isize i = 0; i < y->ob_size; i++) { incref(y->ob_item[i]); r->ob_item[x->ob_size + i] = y->ob_item[i]; }
    return r;
}

static Ref<> tuple_repeat(ThreadState* ts, Object* op, isize n) {
    auto* t = as_tuple(op);
    const isize size = t->ob_size;
    if (size == 0 || n == 1) {
        if (isinstance_exact(op, ts->interp->types.tuple)) return newref(op);
        if (size == 0) return tuple_new(ts, 0);
    }
    if (n <= 0 || size == 0) return tuple_new(ts, 0);
    if (size > std::numeric_limits<isize>::max() / n) return raise_no_memory(ts);
    Ref<TupleObject> r = tuple_new(ts, size * n);
    if (!r) return nullptr;
    for (isize k = 0, j = 0; k < n; k++)
        for (isize i = 0; i < size; i++, j++) { incref(t->ob_item[i]); r->ob_item[j] = t->ob_item[i]; }
    return r;
}

static int tuple_contains(ThreadState* ts, Object* op, Object* item) {
    auto* t = as_tuple(op);
    for (isize i = 0; i < t->ob_size; i++) {
        int k = object_richcompare_bool(ts, t->ob_item[i], item, Py_EQ);
        if (k != 0) return k;
    }
    return 0;
}

// Collects an iterable into a new tuple of `type` (PySequence_Tuple).
static Ref<> tuple_from_iterable(ThreadState* ts, TypeObject* type, Object* iterable) {
    Interpreter& interp = *ts->interp;
    if (type == interp.types.tuple && isinstance_exact(iterable, interp.types.tuple)) return newref(iterable);
    Object* const* items = nullptr;
    isize n = 0;
    Ref<> holder;
    if (is_tuple(iterable)) {
        items = as_tuple(iterable)->ob_item;
        n = as_tuple(iterable)->ob_size;
        holder = newref(iterable);
    } else {
        Ref<> it = object_get_iter(ts, iterable);
        if (!it) return nullptr;
        std::vector<Object*> buf;
        while (Ref<> x = iter_next(ts, it.get())) buf.push_back(x.release());
        bool failed = error_occurred(ts);
        Ref<TupleObject> t;
        if (!failed) t = type == interp.types.tuple ? tuple_new(ts, isize(buf.size()))
                                                     : tuple_alloc_type(ts, type, isize(buf.size()));
        if (!t) {
            for (Object* o : buf) decref(o);
            return nullptr;
        }
        for (std::size_t i = 0; i < buf.size(); i++) t->ob_item[i] = buf[i];   // steals
        return t;
    }
    Ref<TupleObject> t = type == interp.types.tuple ? tuple_new(ts, n) : tuple_alloc_type(ts, type, n);
    if (!t) return nullptr;
    for (isize i = 0; i < n; i++) { incref(items[i]); t->ob_item[i] = items[i]; }
    return t;
}

static Ref<> tuple_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                            TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (type == interp.types.tuple && !check_no_kwargs(ts, "tuple", kwnames)) return nullptr;
    if (!check_nargs(ts, "tuple", nargs, 0, 1)) return nullptr;
    if (nargs == 0) {
        if (type == interp.types.tuple) return tuple_new(ts, 0);
        return tuple_alloc_type(ts, type, 0);
    }
    return tuple_from_iterable(ts, type, args[0]);
}

// ------------------------------------------------------------ iterator

struct TupleIterObject : Object {
    TupleObject* it_seq;   // owned; null once exhausted
    isize it_index;
};

static void tupleiter_dealloc(Object* op) {
    auto* it = static_cast<TupleIterObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(it->it_seq);
    object_free(op);
}

static int tupleiter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<TupleIterObject*>(op);
    return it->it_seq ? visit(it->it_seq, arg) : 0;
}

static Ref<> tupleiter_next(ThreadState*, Object* op) {
    auto* it = static_cast<TupleIterObject*>(op);
    TupleObject* t = it->it_seq;
    if (!t) return nullptr;
    if (it->it_index < t->ob_size) return newref(t->ob_item[it->it_index++]);
    it->it_seq = nullptr;
    decref(t);
    return nullptr;
}

static Ref<> tuple_iter(ThreadState* ts, Object* op) {
    auto* it = static_cast<TupleIterObject*>(object_alloc(ts, ts->interp->types.tuple_iter, 0));
    if (!it) return nullptr;
    it->it_seq = as_tuple(op);
    incref(op);
    it->it_index = 0;
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> tupleiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__length_hint__", kw) || !check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<TupleIterObject*>(self);
    isize n = it->it_seq ? it->it_seq->ob_size - it->it_index : 0;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ methods

// index(value, start=0, stop=sys.maxsize): start/stop as slice indices.
bool parse_index_range(ThreadState* ts, const char* fname, Object* const* args, isize nargs, isize size,
                       isize* start, isize* stop) {
    *start = 0;
    *stop = std::numeric_limits<isize>::max();
    for (isize k = 1; k < nargs; k++) {
        isize v;
        // _PyEval_SliceIndexNotNone: None is not accepted here.
        TypeObject* t = type_of(args[k]);
        if (!is_int(args[k]) && !(t->tp_as_number && t->tp_as_number->nb_index)) {
            raise(ts, ts->interp->exc.TypeError, "slice indices must be integers or have an __index__ method");
            return false;
        }
        if (!slice_index_value(ts, args[k], &v)) return false;
        if (k == 1) *start = v; else *stop = v;
    }
    if (*start < 0) { *start += size; if (*start < 0) *start = 0; }
    if (*stop < 0) { *stop += size; if (*stop < 0) *stop = 0; }
    return true;
}

static Ref<> tuple_index(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "index", kw) || !check_nargs(ts, "index", nargs, 1, 3)) return nullptr;
    auto* t = as_tuple(self);
    isize start, stop;
    if (!parse_index_range(ts, "index", args, nargs, t->ob_size, &start, &stop)) return nullptr;
    for (isize i = start; i < stop && i < t->ob_size; i++) {
        int k = object_richcompare_bool(ts, t->ob_item[i], args[0], Py_EQ);
        if (k < 0) return nullptr;
        if (k) return int_from_i64(ts, i);
    }
    return raise(ts, ts->interp->exc.ValueError, "tuple.index(x): x not in tuple");
}

static Ref<> tuple_count(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "count", kw) || !check_nargs(ts, "count", nargs, 1, 1)) return nullptr;
    auto* t = as_tuple(self);
    isize count = 0;
    for (isize i = 0; i < t->ob_size; i++) {
        int k = object_richcompare_bool(ts, t->ob_item[i], args[0], Py_EQ);
        if (k < 0) return nullptr;
        count += k;
    }
    return int_from_i64(ts, count);
}

static Ref<> tuple_getnewargs(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
    auto* t = as_tuple(self);
    Ref<TupleObject> copy = tuple_from_array(ts, t->ob_item, t->ob_size);
    if (!copy) return nullptr;
    return tuple_pack(ts, {copy.get()});
}

static Ref<> tuple_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    // CPython 64-bit: basicsize 24 (more for a subclass with a __dict__),
    // itemsize 8; the GC header is added by sys.getsizeof.
    return int_from_i64(ts, type_of(self)->cpython.basicsize + 8 * as_tuple(self)->ob_size);
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index, METH_DEFAULT,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value."},
    {"count", tuple_count, METH_DEFAULT, "count($self, value, /)\n--\n\nReturn number of occurrences of value."},
    {"__getnewargs__", tuple_getnewargs, METH_DEFAULT, nullptr},
    {"__sizeof__", tuple_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ init

bool init_tuple_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.tuple;
    t->tp_basicsize = sizeof(VarObject);   // ob_item starts right after the header
    t->tp_itemsize = sizeof(Object*);
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC;
    t->tp_dealloc = tuple_dealloc;
    t->tp_traverse = tuple_traverse;
    t->tp_repr = tuple_repr;
    t->tp_hash = tuple_hash;
    t->tp_richcompare = tuple_richcompare;
    t->tp_iter = tuple_iter;
    t->tp_new = tuple_new_slot;
    t->tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\n"
                "If iterable is specified the tuple is initialized from iterable's items.\n\n"
                "If the argument is a tuple, the return value is the same object.";
    t->sequence_storage.sq_length = tuple_length;
    t->sequence_storage.sq_concat = tuple_concat;
    t->sequence_storage.sq_repeat = tuple_repeat;
    t->sequence_storage.sq_item = tuple_item;
    t->sequence_storage.sq_contains = tuple_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = tuple_length;
    t->mapping_storage.mp_subscript = tuple_subscript;
    t->tp_as_mapping = &t->mapping_storage;

    TypeObject* it = interp.types.tuple_iter;
    it->tp_name = "tuple_iterator";
    it->tp_basicsize = sizeof(TupleIterObject);
    it->tp_itemsize = 0;
    it->tp_flags |= TPFLAGS_HAVE_GC;
    it->tp_dealloc = tupleiter_dealloc;
    it->tp_traverse = tupleiter_traverse;
    it->tp_iter = iter_self;
    it->tp_iternext = tupleiter_next;

    if (!interp.empty_tuple) {
        Object* op = object_alloc(ts, t, 0);
        if (!op) return false;
        static_refs_add(op);
        interp.empty_tuple = static_cast<TupleObject*>(op);
        interp.gc.track(op);
    }
    return add_type_members(ts, t, tuple_methods) && add_type_members(ts, it, tupleiter_methods);
}

}  // namespace gp
