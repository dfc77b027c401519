// listobject.cpp — list: a growable array of references.
//
// Mirrors CPython 3.11's Objects/listobject.c. A list is a small fixed
// header plus a separately allocated array of item pointers:
//
//     ListObject                        ob_item (heap block)
//     +------------------+              +-----+-----+-----+-----+
//     | ob_size    = 3   |              | *a  | *b  | *c  | --- |
//     | ob_item    ------+------------->+-----+-----+-----+-----+
//     | allocated  = 4   |                 ob_size used, allocated total
//     +------------------+
//
// Appending is amortised O(1) because list_resize over-allocates: growing to
// n items reserves (n + n/8 + 6) & ~3 slots, giving the capacities 0, 4, 8,
// 16, 24, 32, 40, 52, 64, 76, ... that sys.getsizeof(list) shows (40 bytes of
// header + 8 per slot + 16 of GC header on 64-bit CPython; we report those
// numbers whatever the host's pointer size). Shrinking below half the
// capacity gives memory back. Some operations size exactly instead: a list
// built from a known-size source (list(range(3)), [1, 2, 3]) reserves the
// size rounded up to even (list_preallocate_exact), [x] * n and slices
// reserve exactly n.
//
// Items are released from the last to the first, in list_dealloc and
// _list_clear alike. While a list is being sorted it is emptied, so a key
// function or __lt__ that mutates it is caught ("list modified during
// sort").
#include "objects/listobject.h"

#include <cstring>
#include <limits>
#include <vector>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_list(Object* o) { return type_has_flag(type_of(o), TPFLAGS_LIST_SUBCLASS); }

static Heap& heap_of(ListObject* l) { return type_of(l)->interp->heap; }

static constexpr isize kMaxItems = std::numeric_limits<isize>::max() / isize(sizeof(Object*));

// list_resize: make room for newsize items, over-allocating as CPython 3.11.
// Invariant afterwards: ob_size == newsize <= allocated.
static bool list_resize(ThreadState* ts, ListObject* self, isize newsize) {
    const isize allocated = self->allocated;
    // Capacity already fits and is not more than twice what is needed.
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->ob_size = newsize;
        return true;
    }
    // Over-allocate proportionally (about 12.5%) plus a little, rounded to a
    // multiple of 4 — unless the jump is so large that exact+rounding is
    // closer to what was asked for.
    std::size_t new_allocated = (std::size_t(newsize) + (std::size_t(newsize) >> 3) + 6) & ~std::size_t(3);
    if (newsize - self->ob_size > isize(new_allocated) - newsize)
        new_allocated = (std::size_t(newsize) + 3) & ~std::size_t(3);
    if (newsize == 0) new_allocated = 0;
    if (new_allocated > std::size_t(kMaxItems)) { raise_no_memory(ts); return false; }
    Object** items = nullptr;
    if (new_allocated) {
        items = static_cast<Object**>(heap_of(self).realloc(self->ob_item, new_allocated * sizeof(Object*)));
        if (!items) { raise_no_memory(ts); return false; }
    } else if (self->ob_item) {
        heap_of(self).free(self->ob_item);
    }
    self->ob_item = items;
    self->ob_size = newsize;
    self->allocated = isize(new_allocated);
    return true;
}

// list_preallocate_exact: for an empty list about to receive `size` items.
// Rounded up to even: the allocator's 16-byte granularity makes the odd slot free.
static bool list_preallocate_exact(ThreadState* ts, ListObject* self, isize size) {
    size = (size + 1) & ~isize(1);
    if (size > kMaxItems) { raise_no_memory(ts); return false; }
    auto* items = static_cast<Object**>(heap_of(self).malloc(std::size_t(size) * sizeof(Object*)));
    if (!items) { raise_no_memory(ts); return false; }
    self->ob_item = items;
    self->allocated = size;
    return true;
}

static Ref<ListObject> list_alloc_type(ThreadState* ts, TypeObject* type) {
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    auto* l = static_cast<ListObject*>(op);
    l->ob_size = 0;
    l->ob_item = nullptr;
    l->allocated = 0;
    ts->interp->gc.track(op);
    return Ref<ListObject>::steal(l);
}

Ref<ListObject> list_new(ThreadState* ts, isize size) {
    if (size < 0 || size > kMaxItems) { raise_no_memory(ts); return nullptr; }
    Ref<ListObject> l = list_alloc_type(ts, ts->interp->types.list);
    if (!l) return nullptr;
    if (size > 0) {
        auto* items = static_cast<Object**>(ts->interp->heap.malloc(std::size_t(size) * sizeof(Object*)));
        if (!items) { raise_no_memory(ts); return nullptr; }
        std::memset(items, 0, std::size_t(size) * sizeof(Object*));
        l->ob_item = items;
        l->allocated = size;
        l->ob_size = size;
    }
    return l;
}

// An empty list with exactly `size` slots reserved (list_new_prealloc).
Ref<ListObject> list_new_prealloc(ThreadState* ts, isize size) {
    Ref<ListObject> l = list_new(ts, size);
    if (l) l->ob_size = 0;
    return l;
}

bool list_append(ThreadState* ts, ListObject* list, Object* item) {
    const isize n = list->ob_size;
    if (n < list->allocated) {
        incref(item);
        list->ob_item[n] = item;
        list->ob_size = n + 1;
        return true;
    }
    if (!list_resize(ts, list, n + 1)) return false;
    incref(item);
    list->ob_item[n] = item;
    return true;
}

bool list_insert(ThreadState* ts, ListObject* self, isize where, Object* v) {
    const isize n = self->ob_size;
    if (!list_resize(ts, self, n + 1)) return false;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    Object** items = self->ob_item;
    for (isize i = n; --i >= where;) items[i + 1] = items[i];
    incref(v);
    items[where] = v;
    return true;
}

// _list_clear: empty the list first (a __del__ may look at it), then
// release the old items from last to first.
static void list_clear_items(ListObject* a) {
    Object** item = a->ob_item;
    if (!item) return;
    isize i = a->ob_size;
    a->ob_size = 0;
    a->ob_item = nullptr;
    a->allocated = 0;
    while (--i >= 0) xdecref(item[i]);
    heap_of(a).free(item);
}

// a[ilow:ihigh] = v (v null: delete), for step 1. list_ass_slice.
static bool list_ass_slice(ThreadState* ts, ListObject* a, isize ilow, isize ihigh, Object* v) {
    if (v == a) {
        // a[i:j] = a: copy first.
        Ref<ListObject> copy = list_new_prealloc(ts, a->ob_size);
        if (!copy) return false;
        for (isize i = 0; i < a->ob_size; i++) { incref(a->ob_item[i]); copy->ob_item[i] = a->ob_item[i]; }
        copy->ob_size = a->ob_size;
        return list_ass_slice(ts, a, ilow, ihigh, copy.get());
    }
    Ref<> seq;
    Object** vitem = nullptr;
    isize n = 0;
    if (v) {
        seq = sequence_fast(ts, v, "can only assign an iterable");
        if (!seq) return false;
        n = seq_fast_size(seq.get());
        vitem = seq_fast_items(seq.get());
    }
    if (ilow < 0) ilow = 0;
    else if (ilow > a->ob_size) ilow = a->ob_size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > a->ob_size) ihigh = a->ob_size;
    const isize norig = ihigh - ilow;
    const isize d = n - norig;
    if (a->ob_size + d == 0) {
        list_clear_items(a);
        return true;
    }
    // Keep the replaced items alive until the new ones are in place.
    std::vector<Object*> recycle(a->ob_item + ilow, a->ob_item + ihigh);
    if (d < 0) {
        Object** item = a->ob_item;
        std::memmove(&item[ihigh + d], &item[ihigh], std::size_t(a->ob_size - ihigh) * sizeof(Object*));
        if (!list_resize(ts, a, a->ob_size + d)) {
            // Undo the move so the list is unchanged.
            std::memmove(&item[ihigh], &item[ihigh + d], std::size_t(a->ob_size - ihigh - d) * sizeof(Object*));
            std::memcpy(&item[ilow], recycle.data(), recycle.size() * sizeof(Object*));
            return false;
        }
    } else if (d > 0) {
        const isize k = a->ob_size;
        if (!list_resize(ts, a, k + d)) return false;
        std::memmove(&a->ob_item[ihigh + d], &a->ob_item[ihigh], std::size_t(k - ihigh) * sizeof(Object*));
    }
    for (isize k = 0; k < n; k++, ilow++) {
        xincref(vitem[k]);
        a->ob_item[ilow] = vitem[k];
    }
    for (isize k = norig - 1; k >= 0; --k) xdecref(recycle[std::size_t(k)]);
    return true;
}

bool list_extend(ThreadState* ts, ListObject* self, Object* iterable) {
    Interpreter& interp = *ts->interp;
    if (isinstance_exact(iterable, interp.types.list) || isinstance_exact(iterable, interp.types.tuple) ||
        iterable == self) {
        Ref<> hold = newref(iterable);
        const isize n = seq_fast_size(iterable);
        if (n == 0) return true;
        const isize m = self->ob_size;
        if (!self->ob_item) {
            if (!list_preallocate_exact(ts, self, n)) return false;
            self->ob_size = n;
        } else if (!list_resize(ts, self, m + n)) {
            return false;
        }
        // Resize first: for a.extend(a) the source is the (moved) array itself.
        Object** src = seq_fast_items(iterable);
        Object** dest = self->ob_item + m;
        for (isize i = 0; i < n; i++) { incref(src[i]); dest[i] = src[i]; }
        return true;
    }
    Ref<> it = object_get_iter(ts, iterable);
    if (!it) return false;
    iternextfunc iternext = type_of(it.get())->tp_iternext;
    // Guess the final size to reserve the room at once.
    isize n = object_length_hint(ts, iterable, 8);
    if (n < 0) return false;
    const isize m = self->ob_size;
    if (m > std::numeric_limits<isize>::max() - n) {
        // The hint lied or memory will run out in the loop; ignore it.
    } else if (!self->ob_item) {
        if (n && !list_preallocate_exact(ts, self, n)) return false;
    } else {
        if (!list_resize(ts, self, m + n)) return false;
        self->ob_size = m;
    }
    for (;;) {
        Ref<> item = iternext ? iternext(ts, it.get()) : iter_next(ts, it.get());
        if (!item) {
            if (error_occurred(ts)) {
                if (!error_matches(ts, interp.exc.StopIteration)) return false;
                error_clear(ts);
            }
            break;
        }
        if (self->ob_size < self->allocated) {
            self->ob_item[self->ob_size++] = item.release();
        } else {
            if (!list_resize(ts, self, self->ob_size + 1)) return false;
            self->ob_item[self->ob_size - 1] = item.release();
        }
    }
    // Cut back if the guess was too large.
    if (self->ob_size < self->allocated && !list_resize(ts, self, self->ob_size)) return false;
    return true;
}

Ref<ListObject> list_from_iterable(ThreadState* ts, Object* iterable) {
    Ref<ListObject> l = list_new(ts, 0);
    if (!l || !list_extend(ts, l.get(), iterable)) return nullptr;
    return l;
}

Ref<TupleObject> list_as_tuple(ThreadState* ts, ListObject* list) {
    return tuple_from_array(ts, list->ob_item, list->ob_size);
}

void list_reverse(ListObject* list) {
    if (list->ob_size < 2) return;
    Object** lo = list->ob_item;
    Object** hi = list->ob_item + list->ob_size - 1;
    while (lo < hi) std::swap(*lo++, *hi--);
}

// The class's CPython basicsize (40 for list, more for a subclass with
// __weakref__) plus the item array (list_sizeof).
isize list_sizeof(const ListObject* list) { return list->ob_type->cpython.basicsize + 8 * list->allocated; }

// ------------------------------------------------------------ slots

static void list_dealloc(Object* op) {
    auto* l = as_list(op);
    type_of(op)->interp->gc.untrack(op);
    if (l->ob_item) {
        for (isize i = l->ob_size - 1; i >= 0; i--) xdecref(l->ob_item[i]);
        heap_of(l).free(l->ob_item);
        l->ob_item = nullptr;
    }
    object_free(op);
}

static int list_traverse(Object* op, visitproc visit, void* arg) {
    auto* l = as_list(op);
    for (isize i = l->ob_size - 1; i >= 0; i--)
        if (l->ob_item[i] && visit(l->ob_item[i], arg)) return 1;
    return 0;
}

static int list_tp_clear(Object* op) {
    list_clear_items(as_list(op));
    return 0;
}

static Ref<> list_repr(ThreadState* ts, Object* op) {
    auto* l = as_list(op);
    if (l->ob_size == 0) return str_from_utf8(ts, "[]");
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, "[...]");
    std::u32string out = U"[";
    // The list may change while item reprs run Python code: re-read the size.
    for (isize i = 0; i < l->ob_size; i++) {
        if (i) out += U", ";
        Ref<> item = newref(l->ob_item[i]);
        Ref<> r = object_repr(ts, item.get());
        if (!r) return nullptr;
        str_append_to(as_str(r.get()), out);
    }
    out += U"]";
    return str_from_u32(ts, out);
}

static isize list_length(ThreadState*, Object* op) { return as_list(op)->ob_size; }

static Ref<> list_item(ThreadState* ts, Object* op, isize i) {
    auto* l = as_list(op);
    if (i < 0 || i >= l->ob_size) return raise(ts, ts->interp->exc.IndexError, "list index out of range");
    return newref(l->ob_item[i]);
}

static Ref<> list_slice_copy(ThreadState* ts, ListObject* l, isize start, isize n, isize step) {
    Ref<ListObject> r = list_new_prealloc(ts, n);
    if (!r) return nullptr;
    for (isize i = 0, cur = start; i < n; i++, cur += step) {
        incref(l->ob_item[cur]);
        r->ob_item[i] = l->ob_item[cur];
    }
    r->ob_size = n;
    return r;
}

static Ref<> list_subscript(ThreadState* ts, Object* op, Object* key) {
    auto* l = as_list(op);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), l->ob_size, &start, &stop, &step, &n)) return nullptr;
        if (n <= 0) return list_new(ts, 0);
        return list_slice_copy(ts, l, start, n, step);
    }
    isize i;
    if (!subscript_index(ts, key, "list", &i)) return nullptr;
    if (i < 0) i += l->ob_size;
    return list_item(ts, op, i);
}

static int list_ass_item(ThreadState* ts, ListObject* l, isize i, Object* v) {
    if (i < 0 || i >= l->ob_size) {
        raise(ts, ts->interp->exc.IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v) return list_ass_slice(ts, l, i, i + 1, nullptr) ? 0 : -1;
    incref(v);
    Object* old = l->ob_item[i];
    l->ob_item[i] = v;
    decref(old);
    return 0;
}

static int list_ass_subscript(ThreadState* ts, Object* op, Object* key, Object* value) {
    auto* self = as_list(op);
    Interpreter& interp = *ts->interp;
    if (!is_slice(key)) {
        isize i;
        if (!subscript_index(ts, key, "list", &i)) return -1;
        if (i < 0) i += self->ob_size;
        return list_ass_item(ts, self, i, value);
    }
    isize start, stop, step, slicelength;
    if (!slice_unpack(ts, as_slice(key), &start, &stop, &step)) return -1;
    slicelength = slice_adjust_indices(self->ob_size, &start, &stop, step);
    if (step == 1) return list_ass_slice(ts, self, start, stop, value) ? 0 : -1;
    // Make sure s[5:2] = [..] inserts at the right place: before 5, not before 2.
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;

    if (!value) {
        // Extended deletion: close the gaps, keep the removed items alive
        // until the list is consistent again.
        if (slicelength <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        std::vector<Object*> garbage(static_cast<std::size_t>(slicelength));
        Object** items = self->ob_item;
        isize cur = start, i = 0;
        for (; cur < stop; cur += step, i++) {
            isize lim = step - 1;
            garbage[std::size_t(i)] = items[cur];
            if (cur + step >= self->ob_size) lim = self->ob_size - cur - 1;
            std::memmove(items + cur - i, items + cur + 1, std::size_t(lim) * sizeof(Object*));
        }
        cur = start + slicelength * step;
        if (cur < self->ob_size)
            std::memmove(items + cur - slicelength, items + cur,
                         std::size_t(self->ob_size - cur) * sizeof(Object*));
        self->ob_size -= slicelength;
        bool ok = list_resize(ts, self, self->ob_size);
        for (Object* g : garbage) decref(g);
        return ok ? 0 : -1;
    }

    // Extended assignment: sizes must match.
    Ref<> seq;
    if (value == op) {
        seq = list_slice_copy(ts, self, 0, self->ob_size, 1);
    } else {
        seq = sequence_fast(ts, value, "must assign iterable to extended slice");
    }
    if (!seq) return -1;
    const isize n = seq_fast_size(seq.get());
    if (n != slicelength) {
        raise(ts, interp.exc.ValueError,
              "attempt to assign sequence of size " + isize_str(n) + " to extended slice of size " +
                  isize_str(slicelength));
        return -1;
    }
    if (!slicelength) return 0;
    Object** src = seq_fast_items(seq.get());
    std::vector<Object*> garbage(static_cast<std::size_t>(slicelength));
    for (isize cur = start, i = 0; i < slicelength; cur += step, i++) {
        garbage[std::size_t(i)] = self->ob_item[cur];
        incref(src[i]);
        self->ob_item[cur] = src[i];
    }
    for (Object* g : garbage) decref(g);
    return 0;
}

static Ref<> list_richcompare(ThreadState* ts, Object* v, Object* w, CompareOp op) {
    if (!is_list(v) || !is_list(w)) return newref(ts->interp->NotImplemented);
    auto* vl = as_list(v);
    auto* wl = as_list(w);
    if (vl->ob_size != wl->ob_size && (op == Py_EQ || op == Py_NE)) return bool_ref(ts, op == Py_NE);
    // Search for the first index where items differ. The lists may change
    // under us (item __eq__ runs Python code): re-check sizes every step.
    isize i = 0;
    for (; i < vl->ob_size && i < wl->ob_size; i++) {
        Object* vi = vl->ob_item[i];
        Object* wi = wl->ob_item[i];
        if (vi == wi) continue;
        Ref<> hv = newref(vi), hw = newref(wi);
        int k = object_richcompare_bool(ts, vi, wi, Py_EQ);
        if (k < 0) return nullptr;
        if (!k) break;
    }
    if (i >= vl->ob_size || i >= wl->ob_size) {
        const isize a = vl->ob_size, b = wl->ob_size;
        bool r;
        switch (op) {
        case Py_LT: r = a < b; break;
        case Py_LE: r = a <= b; break;
        case Py_EQ: r = a == b; break;
        case Py_NE: r = a != b; break;
        case Py_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        return bool_ref(ts, r);
    }
    if (op == Py_EQ) return bool_ref(ts, false);
    if (op == Py_NE) return bool_ref(ts, true);
    Ref<> hv = newref(vl->ob_item[i]), hw = newref(wl->ob_item[i]);
    return object_richcompare(ts, hv.get(), hw.get(), op);
}

static Ref<> list_concat(ThreadState* ts, Object* a, Object* b) {
    if (!is_list(b))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("can only concatenate list (not \"") + type_name(b) + "\") to list");
    auto* x = as_list(a);
    auto* y = as_list(b);
    if (x->ob_size > std::numeric_limits<isize>::max() - y->ob_size) return raise_no_memory(ts);
    const isize size = x->ob_size + y->ob_size;
    if (size == 0) return list_new(ts, 0);
    Ref<ListObject> r = list_new_prealloc(ts, size);
    if (!r) return nullptr;
    for (isize i = 0; i < x->ob_size; i++) { incref(x->ob_item[i]); r->ob_item[i] = x->ob_item[i]; }
    for (isize i = 0; i < y->ob_size; i++) { incref(y->ob_item[i]); r->ob_item[x->ob_size + i] = y->ob_item[i]; }
    r->ob_size = size;
    return r;
}

static Ref<> list_repeat(ThreadState* ts, Object* op, isize n) {
    auto* l = as_list(op);
    const isize input_size = l->ob_size;
    if (input_size == 0 || n <= 0) return list_new(ts, 0);
    if (input_size > kMaxItems / n) return raise_no_memory(ts);
    const isize size = input_size * n;
    Ref<ListObject> r = list_new_prealloc(ts, size);
    if (!r) return nullptr;
    for (isize k = 0, j = 0; k < n; k++)
        for (isize i = 0; i < input_size; i++, j++) { incref(l->ob_item[i]); r->ob_item[j] = l->ob_item[i]; }
    r->ob_size = size;
    return r;
}

static Ref<> list_inplace_concat(ThreadState* ts, Object* self, Object* other) {
    if (!list_extend(ts, as_list(self), other)) return nullptr;
    return newref(self);
}

static Ref<> list_inplace_repeat(ThreadState* ts, Object* op, isize n) {
    auto* self = as_list(op);
    const isize input_size = self->ob_size;
    if (input_size == 0 || n == 1) return newref(op);
    if (n < 1) {
        list_clear_items(self);
        return newref(op);
    }
    if (input_size > kMaxItems / n) return raise_no_memory(ts);
    const isize output_size = input_size * n;
    if (!list_resize(ts, self, output_size)) return nullptr;
    for (isize k = 1, j = input_size; k < n; k++)
        for (isize i = 0; i < input_size; i++, j++) {
            incref(self->ob_item[i]);
            self->ob_item[j] = self->ob_item[i];
        }
    return newref(op);
}

static int list_contains(ThreadState* ts, Object* op, Object* item) {
    auto* l = as_list(op);
    for (isize i = 0; i < l->ob_size; i++) {
        Ref<> x = newref(l->ob_item[i]);
        int k = object_richcompare_bool(ts, x.get(), item, Py_EQ);
        if (k != 0) return k;
    }
    return 0;
}

static Ref<> list_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return list_alloc_type(ts, type);
}

// list.__init__(self, iterable=(), /)
static int list_init(ThreadState* ts, Object* op, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* self = as_list(op);
    if (type_of(op) == ts->interp->types.list && !check_no_kwargs(ts, "list", kwnames)) return -1;
    if (!check_positional(ts, "list", nargs, 0, 1)) return -1;
    if (self->ob_item) list_clear_items(self);
    if (nargs == 0) return 0;
    Object* iterable = args[0];
    TypeObject* t = type_of(iterable);
    const bool has_len = (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
                         (t->tp_as_mapping && t->tp_as_mapping->mp_length);
    if (has_len) {
        isize n = object_length(ts, iterable);
        if (n < 0) {
            if (!error_matches(ts, ts->interp->exc.TypeError)) return -1;
            error_clear(ts);
        }
        if (n > 0 && !self->ob_item && !list_preallocate_exact(ts, self, n)) return -1;
    }
    return list_extend(ts, self, iterable) ? 0 : -1;
}

// ------------------------------------------------------------ iterators

struct ListIterObject : Object {
    ListObject* it_seq;    // owned; null once exhausted
    isize it_index;        // next index (forward) / current index (reversed)
};

static void listiter_dealloc(Object* op) {
    auto* it = static_cast<ListIterObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(it->it_seq);
    object_free(op);
}

static int listiter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<ListIterObject*>(op);
    return it->it_seq ? visit(it->it_seq, arg) : 0;
}

static Ref<> listiter_next(ThreadState*, Object* op) {
    auto* it = static_cast<ListIterObject*>(op);
    ListObject* l = it->it_seq;
    if (!l) return nullptr;
    if (it->it_index < l->ob_size) return newref(l->ob_item[it->it_index++]);
    it->it_seq = nullptr;
    decref(l);
    return nullptr;
}

static Ref<> listreviter_next(ThreadState*, Object* op) {
    auto* it = static_cast<ListIterObject*>(op);
    ListObject* l = it->it_seq;
    if (!l) return nullptr;
    const isize i = it->it_index;
    if (i >= 0 && i < l->ob_size) {
        it->it_index--;
        return newref(l->ob_item[i]);
    }
    it->it_index = -1;
    it->it_seq = nullptr;
    decref(l);
    return nullptr;
}

static Ref<> make_list_iter(ThreadState* ts, TypeObject* type, Object* list, isize index) {
    auto* it = static_cast<ListIterObject*>(object_alloc(ts, type, 0));
    if (!it) return nullptr;
    it->it_seq = as_list(list);
    incref(list);
    it->it_index = index;
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static Ref<> list_iter(ThreadState* ts, Object* op) { return make_list_iter(ts, ts->interp->types.list_iter, op, 0); }

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> listiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<ListIterObject*>(self);
    isize n = it->it_seq ? it->it_seq->ob_size - it->it_index : 0;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static Ref<> listreviter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<ListIterObject*>(self);
    isize n = it->it_seq && it->it_index < it->it_seq->ob_size ? it->it_index + 1 : 0;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ methods

#define NO_KW(name) if (!check_no_kwargs(ts, name, kw)) return nullptr

static Ref<> m_append(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("list.append");
    if (!check_nargs(ts, "list.append", nargs, 1, 1)) return nullptr;
    if (!list_append(ts, as_list(self), args[0])) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_insert(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("insert");
    if (!check_positional(ts, "insert", nargs, 2, 2)) return nullptr;
    isize where;
    if (!index_as_isize(ts, args[0], &where)) return nullptr;
    if (!list_insert(ts, as_list(self), where, args[1])) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_extend(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("list.extend");
    if (!check_nargs(ts, "list.extend", nargs, 1, 1)) return nullptr;
    if (!list_extend(ts, as_list(self), args[0])) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_pop(ThreadState* ts, Object* op, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("pop");
    if (!check_positional(ts, "pop", nargs, 0, 1)) return nullptr;
    auto* self = as_list(op);
    isize index = -1;
    if (nargs == 1 && !index_as_isize(ts, args[0], &index)) return nullptr;
    if (self->ob_size == 0) return raise(ts, ts->interp->exc.IndexError, "pop from empty list");
    if (index < 0) index += self->ob_size;
    if (index < 0 || index >= self->ob_size) return raise(ts, ts->interp->exc.IndexError, "pop index out of range");
    Ref<> v = newref(self->ob_item[index]);
    if (index == self->ob_size - 1) {
        // The last item: just shrink (its reference moves to v).
        if (!list_resize(ts, self, self->ob_size - 1)) return nullptr;
        decref(v.get());
        return v;
    }
    if (!list_ass_slice(ts, self, index, index + 1, nullptr)) return nullptr;
    return v;
}

static Ref<> m_remove(ThreadState* ts, Object* op, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("list.remove");
    if (!check_nargs(ts, "list.remove", nargs, 1, 1)) return nullptr;
    auto* self = as_list(op);
    for (isize i = 0; i < self->ob_size; i++) {
        Ref<> obj = newref(self->ob_item[i]);
        int k = object_richcompare_bool(ts, obj.get(), args[0], Py_EQ);
        if (k < 0) return nullptr;
        if (k) {
            if (!list_ass_slice(ts, self, i, i + 1, nullptr)) return nullptr;
            return newref(ts->interp->None);
        }
    }
    return raise(ts, ts->interp->exc.ValueError, "list.remove(x): x not in list");
}

static Ref<> m_index(ThreadState* ts, Object* op, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("index");
    if (!check_positional(ts, "index", nargs, 1, 3)) return nullptr;
    auto* self = as_list(op);
    isize start, stop;
    if (!parse_index_range(ts, "index", args, nargs, self->ob_size, &start, &stop)) return nullptr;
    for (isize i = start; i < stop && i < self->ob_size; i++) {
        Ref<> obj = newref(self->ob_item[i]);
        int k = object_richcompare_bool(ts, obj.get(), args[0], Py_EQ);
        if (k < 0) return nullptr;
        if (k) return int_from_i64(ts, i);
    }
    Ref<> r = object_repr(ts, args[0]);
    if (!r) return nullptr;
    return raise(ts, ts->interp->exc.ValueError, std::string(str_utf8(r.get())) + " is not in list");
}

static Ref<> m_count(ThreadState* ts, Object* op, Object* const* args, isize nargs, TupleObject* kw) {
    NO_KW("list.count");
    if (!check_nargs(ts, "list.count", nargs, 1, 1)) return nullptr;
    auto* self = as_list(op);
    isize count = 0;
    for (isize i = 0; i < self->ob_size; i++) {
        Object* obj = self->ob_item[i];
        if (obj == args[0]) { count++; continue; }
        Ref<> hold = newref(obj);
        int k = object_richcompare_bool(ts, obj, args[0], Py_EQ);
        if (k < 0) return nullptr;
        count += k;
    }
    return int_from_i64(ts, count);
}

static Ref<> m_clear(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NO_KW("list.clear");
    if (!check_nargs(ts, "list.clear", nargs, 0, 0)) return nullptr;
    list_clear_items(as_list(self));
    return newref(ts->interp->None);
}

static Ref<> m_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NO_KW("list.copy");
    if (!check_nargs(ts, "list.copy", nargs, 0, 0)) return nullptr;
    auto* l = as_list(self);
    if (l->ob_size == 0) return list_new(ts, 0);
    return list_slice_copy(ts, l, 0, l->ob_size, 1);
}

static Ref<> m_reverse(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NO_KW("list.reverse");
    if (!check_nargs(ts, "list.reverse", nargs, 0, 0)) return nullptr;
    list_reverse(as_list(self));
    return newref(ts->interp->None);
}

static Ref<> m_sort(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"key", "reverse"};
    static const ArgSpec spec = {"sort", names, 2, 0, 0, 0};
    if (nargs > 0) return raise(ts, ts->interp->exc.TypeError, "sort() takes no positional arguments");
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    bool reverse = false;
    if (a[1]) {
        // reverse: bool(accept={int}) in CPython's clinic.
        if (!is_int(a[1]))
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("'") + type_name(a[1]) + "' object cannot be interpreted as an integer");
        reverse = int_sign(a[1]) != 0;
    }
    if (!list_sort(ts, as_list(self), a[0], reverse)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NO_KW("list.__reversed__");
    if (!check_nargs(ts, "list.__reversed__", nargs, 0, 0)) return nullptr;
    return make_list_iter(ts, ts->interp->types.list_reverseiter, self, as_list(self)->ob_size - 1);
}

static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "list.__sizeof__", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, list_sizeof(as_list(self)));
}

#undef NO_KW

static const MethodDef list_methods[] = {
    {"__reversed__", m_reversed, METH_DEFAULT, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Return the size of the list in memory, in bytes."},
    {"clear", m_clear, METH_DEFAULT, "Remove all items from list."},
    {"copy", m_copy, METH_DEFAULT, "Return a shallow copy of the list."},
    {"append", m_append, METH_DEFAULT, "Append object to the end of the list."},
    {"insert", m_insert, METH_DEFAULT, "Insert object before index."},
    {"extend", m_extend, METH_DEFAULT, "Extend list by appending elements from the iterable."},
    {"pop", m_pop, METH_DEFAULT, "Remove and return item at index (default last)."},
    {"remove", m_remove, METH_DEFAULT, "Remove first occurrence of value."},
    {"index", m_index, METH_DEFAULT, "Return first index of value."},
    {"count", m_count, METH_DEFAULT, "Return number of occurrences of value."},
    {"reverse", m_reverse, METH_DEFAULT, "Reverse *IN PLACE*."},
    {"sort", m_sort, METH_DEFAULT, "Sort the list in ascending order and return None."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ init

bool init_list_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.list;
    t->tp_basicsize = sizeof(ListObject);
    t->tp_itemsize = 0;
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_LIST_SUBCLASS | TPFLAGS_HAVE_GC;
    t->tp_dealloc = list_dealloc;
    t->tp_traverse = list_traverse;
    t->tp_clear = list_tp_clear;
    t->tp_repr = list_repr;
    t->tp_hash = hash_not_implemented;
    t->tp_richcompare = list_richcompare;
    t->tp_iter = list_iter;
    t->tp_new = list_new_slot;
    t->tp_init = list_init;
    t->tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n"
                "The argument must be an iterable if specified.";
    t->sequence_storage.sq_length = list_length;
    t->sequence_storage.sq_concat = list_concat;
    t->sequence_storage.sq_repeat = list_repeat;
    t->sequence_storage.sq_item = list_item;
    t->sequence_storage.sq_contains = list_contains;
    t->sequence_storage.sq_inplace_concat = list_inplace_concat;
    t->sequence_storage.sq_inplace_repeat = list_inplace_repeat;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = list_length;
    t->mapping_storage.mp_subscript = list_subscript;
    t->mapping_storage.mp_ass_subscript = list_ass_subscript;
    t->tp_as_mapping = &t->mapping_storage;

    TypeObject* it = interp.types.list_iter;
    it->tp_name = "list_iterator";
    it->tp_basicsize = sizeof(ListIterObject);
    it->tp_itemsize = 0;
    it->tp_flags |= TPFLAGS_HAVE_GC;
    it->tp_dealloc = listiter_dealloc;
    it->tp_traverse = listiter_traverse;
    it->tp_iter = iter_self;
    it->tp_iternext = listiter_next;

    TypeObject* rit = ensure_builtin_type(ts, &interp.types.list_reverseiter, "list_reverseiterator",
                                          sizeof(ListIterObject), TPFLAGS_HAVE_GC);
    if (!rit) return false;
    rit->tp_dealloc = listiter_dealloc;
    rit->tp_traverse = listiter_traverse;
    rit->tp_iter = iter_self;
    rit->tp_iternext = listreviter_next;

    return add_type_members(ts, t, list_methods) && add_type_members(ts, it, listiter_methods) &&
           add_type_members(ts, rit, listreviter_methods);
}

}  // namespace gp
