// deque_module.cpp — the `_collections` module: deque, the C++ half of
// `collections` (whose Python half is frozen, see collections_module.cpp).
//
// Mirrors CPython 3.11's Modules/_collectionsmodule.c. A deque is a
// double-ended queue: appends and pops at either end are O(1). CPython
// links fixed blocks of 64 slots; glasspy keeps the items in one circular
// buffer, which shows the same idea with less code:
//
//     ring:  [ d | e | . | . | . | a | b | c ]      size = 5, capacity = 8
//                          ^head = 5 (leftmost item "a")
//
//     item i lives at ring[(head + i) % capacity]
//     appendleft moves head one slot left (wrapping); append writes at
//     head + size; a full ring doubles, copying the items in order.
//
// With maxlen set, the deque is bounded: adding to a full deque first drops
// an item from the opposite end. `state` counts mutations, so an iterator
// notices that its deque changed under it ("deque mutated during
// iteration"), as CPython's does.
//
// sys.getsizeof(deque) reports CPython's numbers: the fixed object (216
// bytes) plus 528 bytes per 64-slot block in use. How many blocks CPython
// would use depends on where its leftmost item sits inside the first block
// (it starts in the middle, or at slot 1 when a fresh deque is extended), so
// the deque tracks that one number, `leftindex`, as CPython moves it.
#include <vector>

#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/weakrefobject.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
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

struct DequeObject : Object {
    std::vector<Object*> ring;   // capacity = ring.size(); the live slots hold owned references
    isize head;                  // slot of the leftmost item
    isize size;                  // number of items
    isize maxlen;                // -1 = unbounded
    uint64_t state;              // bumped by every mutation (iterators compare it)
    isize leftindex;             // CPython's slot of the leftmost item in its first block (__sizeof__ only)
    Object* weakreflist;         // head of the weak-reference list (weakrefobject.h), borrowed
};

// CPython's block geometry (BLOCKLEN, CENTER) and object size.
constexpr isize kBlockLen = 64;
constexpr isize kCenter = (kBlockLen - 1) / 2;
constexpr isize kCPythonDequeSize = 216;           // sizeof(dequeobject)
constexpr isize kCPythonBlockSize = kBlockLen * 8 + 16;   // sizeof(block): items + two links

static DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }

static Object*& slot(DequeObject* d, isize i) {
    isize cap = isize(d->ring.size());
    return d->ring[std::size_t((d->head + i) % cap)];
}

// Makes room for one more item, doubling the ring when it is full.
static void deque_reserve(DequeObject* d) {
    isize cap = isize(d->ring.size());
    if (d->size < cap) return;
    std::vector<Object*> bigger(std::size_t(cap ? cap * 2 : 8), nullptr);
    for (isize i = 0; i < d->size; i++) bigger[std::size_t(i)] = slot(d, i);
    d->ring.swap(bigger);
    d->head = 0;
}

static void deque_dealloc(Object* op);

// deque or a subclass of it: the deque's layout comes with its dealloc.
static bool is_deque(Object* o) {
    for (TypeObject* t = type_of(o); t; t = t->tp_base)
        if (t->tp_dealloc == deque_dealloc) return true;
    return false;
}

// ---------------------------------------------------------- the primitives

static Object* pop_right(DequeObject* d) {
    Object* item = slot(d, d->size - 1);
    slot(d, d->size - 1) = nullptr;
    d->size--;
    d->state++;
    // CPython frees the emptied right block, or re-centres an empty deque.
    if (d->size == 0 && d->leftindex == 0) d->leftindex = kCenter + 1;
    return item;   // owned by the caller now
}

static Object* pop_left(DequeObject* d) {
    Object* item = slot(d, 0);
    slot(d, 0) = nullptr;
    d->head = (d->head + 1) % isize(d->ring.size());
    d->size--;
    d->state++;
    if (++d->leftindex == kBlockLen) d->leftindex = d->size ? 0 : kCenter + 1;
    return item;
}

// append / appendleft steal `item`; a full bounded deque drops from the other end.
static void push_right(DequeObject* d, Object* item) {
    if (d->maxlen == 0) {
        decref(item);
        return;
    }
    if (d->maxlen > 0 && d->size >= d->maxlen) decref(pop_left(d));
    deque_reserve(d);
    d->size++;
    slot(d, d->size - 1) = item;
    d->state++;
}

static void push_left(DequeObject* d, Object* item) {
    if (d->maxlen == 0) {
        decref(item);
        return;
    }
    if (d->maxlen > 0 && d->size >= d->maxlen) decref(pop_right(d));
    deque_reserve(d);
    isize cap = isize(d->ring.size());
    d->head = (d->head - 1 + cap) % cap;
    d->size++;
    slot(d, 0) = item;
    d->state++;
    if (d->leftindex == 0) d->leftindex = kBlockLen;   // CPython starts a new left block
    d->leftindex--;
}

static void deque_clear_items(DequeObject* d) {
    while (d->size > 0) decref(pop_right(d));
    d->leftindex = kCenter + 1;
}

// ---------------------------------------------------------- the type slots

static Ref<> deque_tp_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    auto* d = static_cast<DequeObject*>(object_alloc(ts, type, 0));
    if (!d) return nullptr;
    new (&d->ring) std::vector<Object*>();
    d->maxlen = -1;
    d->leftindex = kCenter + 1;
    ts->interp->gc.track(d);
    return Ref<>::steal(d);
}

static void deque_dealloc(Object* op) {
    auto* d = as_deque(op);
    type_of(op)->interp->gc.untrack(op);
    deque_clear_items(d);
    d->ring.~vector();
    object_free(op);
}

static int deque_traverse(Object* op, visitproc visit, void* arg) {
    auto* d = as_deque(op);
    for (isize i = 0; i < d->size; i++)
        if (visit(slot(d, i), arg)) return 1;
    return 0;
}

static int deque_tp_clear(Object* op) {
    deque_clear_items(as_deque(op));
    return 0;
}

static bool deque_extend_iterable(ThreadState* ts, DequeObject* d, Object* iterable, bool left) {
    // d.extend(d): iterate over a snapshot.
    Ref<> source;
    if (iterable == d) {
        Ref<ListObject> copy = list_from_iterable(ts, iterable);
        if (!copy) return false;
        source = std::move(copy);
        iterable = source.get();
    }
    Ref<> it = object_get_iter(ts, iterable);
    if (!it) return false;
    // CPython's space-saving start: an empty deque fills from the block's edge.
    if (d->size == 0) d->leftindex = left ? kBlockLen - 1 : 1;
    while (Ref<> item = iter_next(ts, it.get())) {
        if (left) push_left(d, item.release());
        else push_right(d, item.release());
    }
    return !error_occurred(ts);
}

// deque([iterable[, maxlen]])
static int deque_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "maxlen"};
    static const ArgSpec spec{"deque", names, 2, 0, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return -1;
    auto* d = as_deque(self);
    isize maxlen = -1;
    if (a[1] && a[1] != ts->interp->None) {
        if (!index_as_isize(ts, a[1], &maxlen)) return -1;
        if (maxlen < 0) {
            raise(ts, ts->interp->exc.ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->size > 0) deque_clear_items(d);
    if (a[0] && !deque_extend_iterable(ts, d, a[0], false)) return -1;
    return 0;
}

static Ref<> deque_repr(ThreadState* ts, Object* self) {
    auto* d = as_deque(self);
    std::string name = type_qualname(type_of(self));
    ReprGuard guard(ts, self);
    if (guard.recursive()) return str_from_utf8(ts, "[...]");
    std::string text = name + "([";
    for (isize i = 0; i < d->size; i++) {
        Ref<> r = object_repr(ts, slot(d, i));
        if (!r) return nullptr;
        text += (i ? ", " : "") + std::string(str_utf8(r.get()));
    }
    text += "]";
    if (d->maxlen >= 0) text += ", maxlen=" + std::to_string(d->maxlen);
    return str_from_utf8(ts, text + ")");
}

static isize deque_length(ThreadState*, Object* self) { return as_deque(self)->size; }

static bool normalize_index(ThreadState* ts, DequeObject* d, Object* key, isize* i) {
    if (!is_int(key) && !(type_of(key)->tp_as_number && type_of(key)->tp_as_number->nb_index)) {
        raise(ts, ts->interp->exc.TypeError, std::string("sequence index must be integer, not '") + type_name(key) + "'");
        return false;
    }
    if (!index_as_isize(ts, key, i)) return false;
    if (*i < 0) *i += d->size;
    if (*i < 0 || *i >= d->size) {
        raise(ts, ts->interp->exc.IndexError, "deque index out of range");
        return false;
    }
    return true;
}

static Ref<> deque_item(ThreadState* ts, Object* self, isize i) {
    auto* d = as_deque(self);
    if (i < 0 || i >= d->size) return raise(ts, ts->interp->exc.IndexError, "deque index out of range");
    return newref(slot(d, i));
}

static Ref<> deque_subscript(ThreadState* ts, Object* self, Object* key) {
    isize i;
    if (!normalize_index(ts, as_deque(self), key, &i)) return nullptr;
    return newref(slot(as_deque(self), i));
}

// Removes item i by rotating it to an end (CPython's deque_del_item).
static void del_item(DequeObject* d, isize i) {
    for (isize j = i; j < d->size - 1; j++) std::swap(slot(d, j), slot(d, j + 1));
    decref(pop_right(d));
}

static int deque_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
    auto* d = as_deque(self);
    isize i;
    if (!normalize_index(ts, d, key, &i)) return -1;
    if (!value) {
        del_item(d, i);
        return 0;
    }
    Object* old = slot(d, i);
    slot(d, i) = newref(value).release();
    decref(old);
    return 0;
}

static int deque_contains(ThreadState* ts, Object* self, Object* value) {
    auto* d = as_deque(self);
    uint64_t state = d->state;
    for (isize i = 0; i < d->size; i++) {
        Ref<> item = newref(slot(d, i));
        int eq = object_richcompare_bool(ts, item.get(), value, Py_EQ);
        if (eq) return eq;
        if (d->state != state) {
            raise(ts, ts->interp->exc.RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

static std::vector<Object*> deque_items(DequeObject* d) {
    std::vector<Object*> v;
    for (isize i = 0; i < d->size; i++) v.push_back(slot(d, i));
    return v;
}

static Ref<> deque_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_deque(a) || !is_deque(b)) return newref(ts->interp->NotImplemented);
    std::vector<Object*> va = deque_items(as_deque(a)), vb = deque_items(as_deque(b));
    for (Object* o : va) incref(o);   // comparisons may run code that mutates the deques
    for (Object* o : vb) incref(o);
    Ref<> r = sequence_richcompare(ts, va.data(), isize(va.size()), vb.data(), isize(vb.size()), op);
    for (Object* o : va) decref(o);
    for (Object* o : vb) decref(o);
    return r;
}

static int deque_bool(ThreadState*, Object* self) { return as_deque(self)->size > 0; }

// A new deque of the same type holding `source`'s items and maxlen.
static Ref<> deque_copy_of(ThreadState* ts, Object* self) {
    auto* d = as_deque(self);
    if (type_of(self)->tp_dealloc == deque_dealloc) {
        Ref<> r = deque_tp_new(ts, type_of(self), nullptr, 0, nullptr);
        if (!r) return nullptr;
        auto* c = as_deque(r.get());
        c->maxlen = d->maxlen;
        for (isize i = 0; i < d->size; i++) push_right(c, newref(slot(d, i)).release());
        return r;
    }
    if (d->maxlen < 0) return object_call_one(ts, type_of(self), self);
    Ref<> m = int_from_i64(ts, d->maxlen);
    if (!m) return nullptr;
    Object* args[2] = {self, m.get()};
    return object_vectorcall(ts, type_of(self), args, 2);
}

static Ref<> deque_concat(ThreadState* ts, Object* a, Object* b) {
    if (!is_deque(b))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("can only concatenate deque (not \"") + type_name(b) + "\") to deque");
    Ref<> r = deque_copy_of(ts, a);
    if (!r || !deque_extend_iterable(ts, as_deque(r.get()), b, false)) return nullptr;
    return r;
}

static Ref<> deque_inplace_concat(ThreadState* ts, Object* a, Object* b) {
    if (!deque_extend_iterable(ts, as_deque(a), b, false)) return nullptr;
    return newref(a);
}

// d *= n: n copies in a row. For a bounded deque only the last maxlen
// items of that sequence survive, and they are the same for every n past
// the point where the copies fill the deque, so the appending stops there.
static void deque_repeat_inplace(DequeObject* d, isize n) {
    if (n <= 0) {
        deque_clear_items(d);
        return;
    }
    std::vector<Object*> items = deque_items(d);
    if (items.empty()) return;
    isize copies = n - 1;
    if (d->maxlen >= 0) copies = std::min(copies, d->maxlen / isize(items.size()) + 1);
    for (isize k = 0; k < copies; k++)
        for (Object* o : items) push_right(d, newref(o).release());
}

static Ref<> deque_repeat(ThreadState* ts, Object* self, isize n) {
    Ref<> r = deque_copy_of(ts, self);
    if (r) deque_repeat_inplace(as_deque(r.get()), n);
    return r;
}

static Ref<> deque_inplace_repeat(ThreadState* ts, Object* self, isize n) {
    deque_repeat_inplace(as_deque(self), n);
    return newref(self);
}

// ------------------------------------------------------------- the methods

static Ref<> none(ThreadState* ts) { return newref(ts->interp->None); }
static Ref<> deque_iter(ThreadState* ts, Object* self);

static Ref<> deque_append(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "append", kw) || !check_nargs(ts, "append", nargs, 1, 1)) return nullptr;
    push_right(as_deque(self), newref(args[0]).release());
    return none(ts);
}

static Ref<> deque_appendleft(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "appendleft", kw) || !check_nargs(ts, "appendleft", nargs, 1, 1)) return nullptr;
    push_left(as_deque(self), newref(args[0]).release());
    return none(ts);
}

static Ref<> deque_pop(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "pop", kw) || !check_nargs(ts, "pop", nargs, 0, 0)) return nullptr;
    auto* d = as_deque(self);
    if (d->size == 0) return raise(ts, ts->interp->exc.IndexError, "pop from an empty deque");
    return Ref<>::steal(pop_right(d));
}

static Ref<> deque_popleft(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "popleft", kw) || !check_nargs(ts, "popleft", nargs, 0, 0)) return nullptr;
    auto* d = as_deque(self);
    if (d->size == 0) return raise(ts, ts->interp->exc.IndexError, "pop from an empty deque");
    return Ref<>::steal(pop_left(d));
}

static Ref<> deque_extend(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "extend", kw) || !check_nargs(ts, "extend", nargs, 1, 1)) return nullptr;
    if (!deque_extend_iterable(ts, as_deque(self), args[0], false)) return nullptr;
    return none(ts);
}

static Ref<> deque_extendleft(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "extendleft", kw) || !check_nargs(ts, "extendleft", nargs, 1, 1)) return nullptr;
    if (!deque_extend_iterable(ts, as_deque(self), args[0], true)) return nullptr;
    return none(ts);
}

// rotate(n): move the last n items to the front (n < 0: the first -n to
// the back), taking the shorter way round as CPython does.
static void rotate(DequeObject* d, isize n) {
    isize len = d->size, half = len >> 1;
    if (len <= 1) return;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    for (; n > 0; n--) push_left(d, pop_right(d));
    for (; n < 0; n++) push_right(d, pop_left(d));
}

static Ref<> deque_rotate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "rotate", kw) || !check_positional(ts, "rotate", nargs, 0, 1)) return nullptr;
    isize n = 1;
    if (nargs == 1 && !index_as_isize(ts, args[0], &n)) return nullptr;
    rotate(as_deque(self), n);
    return none(ts);
}

static Ref<> deque_clear(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "clear", kw) || !check_nargs(ts, "clear", nargs, 0, 0)) return nullptr;
    deque_clear_items(as_deque(self));
    return none(ts);
}

static Ref<> deque_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "copy", kw) || !check_nargs(ts, "copy", nargs, 0, 0)) return nullptr;
    return deque_copy_of(ts, self);
}

static Ref<> deque_count(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "count", kw) || !check_nargs(ts, "count", nargs, 1, 1)) return nullptr;
    auto* d = as_deque(self);
    uint64_t state = d->state;
    int64_t n = 0;
    for (isize i = 0; i < d->size; i++) {
        Ref<> item = newref(slot(d, i));
        int eq = object_richcompare_bool(ts, item.get(), args[0], Py_EQ);
        if (eq < 0) return nullptr;
        n += eq;
        if (d->state != state) return raise(ts, ts->interp->exc.RuntimeError, "deque mutated during iteration");
    }
    return int_from_i64(ts, n);
}

static Ref<> deque_index(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "index", kw) || !check_positional(ts, "index", nargs, 1, 3)) return nullptr;
    auto* d = as_deque(self);
    isize start, stop;
    if (!parse_index_range(ts, "index", args, nargs, d->size, &start, &stop)) return nullptr;
    uint64_t state = d->state;
    for (isize i = start; i < stop && i < d->size; i++) {
        Ref<> item = newref(slot(d, i));
        int eq = object_richcompare_bool(ts, item.get(), args[0], Py_EQ);
        if (eq < 0) return nullptr;
        if (d->state != state) return raise(ts, ts->interp->exc.RuntimeError, "deque mutated during iteration");
        if (eq) return int_from_i64(ts, i);
    }
    Ref<> r = object_repr(ts, args[0]);
    if (!r) return nullptr;
    return raise(ts, ts->interp->exc.ValueError, std::string(str_utf8(r.get())) + " is not in deque");
}

static Ref<> deque_insert(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "insert", kw) || !check_positional(ts, "insert", nargs, 2, 2)) return nullptr;
    auto* d = as_deque(self);
    isize i;
    if (!index_as_isize(ts, args[0], &i)) return nullptr;
    if (d->maxlen >= 0 && d->size >= d->maxlen)
        return raise(ts, ts->interp->exc.IndexError, "deque already at its maximum size");
    if (i < 0) i = std::max<isize>(i + d->size, 0);
    if (i > d->size) i = d->size;
    push_right(d, newref(args[1]).release());
    for (isize j = d->size - 1; j > i; j--) std::swap(slot(d, j), slot(d, j - 1));
    return none(ts);
}

static Ref<> deque_remove(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "remove", kw) || !check_nargs(ts, "remove", nargs, 1, 1)) return nullptr;
    auto* d = as_deque(self);
    uint64_t state = d->state;
    for (isize i = 0; i < d->size; i++) {
        Ref<> item = newref(slot(d, i));
        int eq = object_richcompare_bool(ts, item.get(), args[0], Py_EQ);
        if (eq < 0) return nullptr;
        if (d->state != state) return raise(ts, ts->interp->exc.IndexError, "deque mutated during remove().");
        if (eq) {
            del_item(d, i);
            return none(ts);
        }
    }
    Ref<> r = object_repr(ts, args[0]);
    if (!r) return nullptr;
    return raise(ts, ts->interp->exc.ValueError, std::string(str_utf8(r.get())) + " is not in deque");
}

static Ref<> deque_reverse(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "reverse", kw) || !check_nargs(ts, "reverse", nargs, 0, 0)) return nullptr;
    auto* d = as_deque(self);
    for (isize i = 0, j = d->size - 1; i < j; i++, j--) std::swap(slot(d, i), slot(d, j));
    d->state++;
    return none(ts);
}

// __reduce__: (type, () or ((), maxlen), instance dict or None, iterator)
// — the items travel as the iterator, as in CPython.
static Ref<> deque_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* d = as_deque(self);
    Interpreter& interp = *ts->interp;
    Ref<TupleObject> args;
    if (d->maxlen < 0) {
        args = newref(interp.empty_tuple);
    } else {
        Ref<> maxlen = int_from_i64(ts, d->maxlen);
        args = maxlen ? tuple_pack(ts, {interp.empty_tuple, maxlen.get()}) : nullptr;
    }
    Ref<> it = args ? deque_iter(ts, self) : nullptr;
    if (!it) return nullptr;
    Object* dict = nullptr;
    if (Object** dp = object_dict_ptr(self); dp && *dp && dict_size(as_dict(*dp)) > 0) dict = *dp;
    return tuple_pack(ts, {type_of(self), args.get(), dict ? dict : interp.None, it.get()});
}

// CPython's deque_sizeof: the object plus every block its items touch.
static Ref<> deque_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    auto* d = as_deque(self);
    isize blocks = (d->leftindex + d->size + kBlockLen - 1) / kBlockLen;
    isize extra = type_of(self)->tp_basicsize - isize(sizeof(DequeObject));   // a subclass's own fields
    return int_from_i64(ts, kCPythonDequeSize + extra + blocks * kCPythonBlockSize);
}

static Ref<> deque_get_maxlen(ThreadState* ts, Object* self) {
    auto* d = as_deque(self);
    return d->maxlen < 0 ? newref(ts->interp->None) : int_from_i64(ts, d->maxlen);
}

// ---------------------------------------------------------------- iterators

struct DequeIterObject : Object {
    Object* deque;     // owned, null once exhausted
    isize index;       // next position (from the left, or from the right when reversed)
    uint64_t state;    // the deque's state when the iterator was made
};

static void dequeiter_dealloc(Object* op) {
    auto* it = static_cast<DequeIterObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(it->deque);
    object_free(op);
}

static int dequeiter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<DequeIterObject*>(op);
    return it->deque && visit(it->deque, arg);
}

static Ref<> dequeiter_make(ThreadState* ts, Object* self, const char* which) {
    TypeObject* itype = module_type(ts, "_collections", which);
    if (!itype) return nullptr;
    auto* it = static_cast<DequeIterObject*>(object_alloc(ts, itype, 0));
    if (!it) return nullptr;
    it->deque = newref(self).release();
    it->state = as_deque(self)->state;
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static Ref<> deque_iter(ThreadState* ts, Object* self) { return dequeiter_make(ts, self, "_deque_iterator"); }

static Ref<> deque_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    return dequeiter_make(ts, self, "_deque_reverse_iterator");
}

static Ref<> dequeiter_next_impl(ThreadState* ts, Object* self, bool reverse) {
    auto* it = static_cast<DequeIterObject*>(self);
    if (!it->deque) return nullptr;
    auto* d = as_deque(it->deque);
    if (d->state != it->state) {
        it->index = d->size;   // exhausted from now on
        return raise(ts, ts->interp->exc.RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->size) {
        Object* dq = it->deque;
        it->deque = nullptr;
        decref(dq);
        return nullptr;
    }
    isize i = reverse ? d->size - 1 - it->index : it->index;
    it->index++;
    return newref(slot(d, i));
}

static Ref<> dequeiter_next(ThreadState* ts, Object* self) { return dequeiter_next_impl(ts, self, false); }
static Ref<> dequereviter_next(ThreadState* ts, Object* self) { return dequeiter_next_impl(ts, self, true); }
static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> dequeiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    auto* it = static_cast<DequeIterObject*>(self);
    isize left = it->deque ? as_deque(it->deque)->size - it->index : 0;
    return int_from_i64(ts, left < 0 ? 0 : left);
}

static const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

static const MethodDef deque_methods[] = {
    {"append", deque_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, 0, "Add an element to the left side of the deque."},
    {"clear", deque_clear, 0, "Remove all elements from the deque."},
    {"copy", deque_copy, 0, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy, 0, "Return a shallow copy of a deque."},
    {"count", deque_count, 0, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend, 0, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, 0, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, 0, "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert, 0, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, 0, "Remove and return the leftmost element."},
    {"remove", deque_remove, 0, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, 0, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__reversed__", deque_reversed, 0, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", deque_reduce, 0, "Return state information for pickling."},
    {"__sizeof__", deque_sizeof, 0, "D.__sizeof__() -- size of D in memory, in bytes"},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr, nullptr, nullptr},
};

Ref<ModuleObject> make_collections_c_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_collections");
    if (!m) return nullptr;
    TypeObject* t = type_new_builtin(interp, "collections.deque", sizeof(DequeObject), 0, interp.types.object,
                                     TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
    if (!t) return raise_no_memory(ts);
    Ref<TypeObject> deque = Ref<TypeObject>::steal(t);
    t->tp_new = deque_tp_new;
    t->tp_init = deque_init;
    t->tp_dealloc = deque_dealloc;
    t->tp_traverse = deque_traverse;
    t->tp_clear = deque_tp_clear;
    t->tp_weaklistoffset = weaklist_offset(&DequeObject::weakreflist);
    t->tp_repr = deque_repr;
    t->tp_hash = hash_not_implemented;
    t->tp_richcompare = deque_richcompare;
    t->tp_iter = deque_iter;
    t->tp_methods = deque_methods;
    t->tp_getset = deque_getset;
    t->tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
                "A list-like sequence optimized for data accesses near its endpoints.";
    t->sequence_storage.sq_length = deque_length;
    t->sequence_storage.sq_concat = deque_concat;
    t->sequence_storage.sq_repeat = deque_repeat;
    t->sequence_storage.sq_item = deque_item;
    t->sequence_storage.sq_contains = deque_contains;
    t->sequence_storage.sq_inplace_concat = deque_inplace_concat;
    t->sequence_storage.sq_inplace_repeat = deque_inplace_repeat;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = deque_length;
    t->mapping_storage.mp_subscript = deque_subscript;
    t->mapping_storage.mp_ass_subscript = deque_ass_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_bool = deque_bool;
    t->tp_as_number = &t->number_storage;
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    t->tp_dict = d.release();
    if (!type_add_class_getitem(ts, t)) return nullptr;   // deque[int]
    if (!type_ready(ts, t)) return nullptr;

    const std::pair<const char*, iternextfunc> iters[] = {
        {"_deque_iterator", dequeiter_next}, {"_deque_reverse_iterator", dequereviter_next}};
    for (auto [key, next] : iters) {
        std::string name = std::string("_collections.") + key;
        TypeObject* it = type_new_builtin(interp, name.c_str(), sizeof(DequeIterObject), 0, interp.types.object, TPFLAGS_HAVE_GC);
        if (!it) return raise_no_memory(ts);
        Ref<TypeObject> itype = Ref<TypeObject>::steal(it);
        it->tp_dealloc = dequeiter_dealloc;
        it->tp_traverse = dequeiter_traverse;
        it->tp_iter = iter_self;
        it->tp_iternext = next;
        it->tp_methods = dequeiter_methods;
        Ref<DictObject> idict = dict_new(ts);
        if (!idict) return nullptr;
        it->tp_dict = idict.release();
        if (!type_ready(ts, it) || !module_add_object(ts, m.get(), key, it)) return nullptr;
    }
    if (!module_add_object(ts, m.get(), "deque", t)) return nullptr;
    return m;
}

}  // namespace gp
