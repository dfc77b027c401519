// weakrefobject.cpp — weakref.ref, weakref.proxy and clearing them when
// their referent dies (see weakrefobject.h for the list they live on).
//
// Mirrors CPython 3.11's Objects/weakrefobject.c. One difference: a dead
// weak reference has wr_object == null here (CPython points it at None).
#include "objects/weakrefobject.h"

#include <cstdio>
#include <string>
#include <vector>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------ the list

bool type_supports_weakrefs(TypeObject* type) { return type->tp_weaklistoffset > 0; }

WeakRefObject** weaklist_ptr(Object* o) {
    TypeObject* t = type_of(o);
    if (t->tp_weaklistoffset <= 0) return nullptr;
    // Classes derived from variable-sized types keep their fields after the items.
    if (t->tp_itemsize && type_has_flag(t, TPFLAGS_HEAPTYPE))
        return reinterpret_cast<WeakRefObject**>(instance_slot_ptr(o, t->tp_weaklistoffset));
    return reinterpret_cast<WeakRefObject**>(reinterpret_cast<char*>(o) + t->tp_weaklistoffset);
}

static void weakref_dealloc(Object* op);
static Ref<> proxy_getattr(ThreadState* ts, Object* proxy, Object* name);

bool is_weakref(Object* o) {
    for (TypeObject* t = type_of(o); t; t = t->tp_base)
        if (t->tp_dealloc == weakref_dealloc) return true;
    return false;
}

static bool is_proxy(Object* o) { return type_of(o)->tp_getattro == proxy_getattr; }
static bool is_ref_exact(Object* o) { return type_of(o) == type_of(o)->interp->gc.weakref_type; }

// The shared references of a list: the basic ref (exact ReferenceType, no
// callback) is kept first, the basic proxy (no callback) right after it.
static void get_basic_refs(WeakRefObject* head, WeakRefObject** refp, WeakRefObject** proxyp) {
    *refp = nullptr;
    *proxyp = nullptr;
    if (head && !head->wr_callback) {
        if (is_ref_exact(head)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head && !head->wr_callback && is_proxy(head)) *proxyp = head;
    }
}

static void insert_after(WeakRefObject* newref, WeakRefObject* prev) {
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next) prev->wr_next->wr_prev = newref;
    prev->wr_next = newref;
}

static void insert_head(WeakRefObject* newref, WeakRefObject** list) {
    WeakRefObject* next = *list;
    newref->wr_prev = nullptr;
    newref->wr_next = next;
    if (next) next->wr_prev = newref;
    *list = newref;
}

// Puts a new reference with a callback (or a subclass instance) in its
// place: after the basic ref and proxy.
static void insert_general(WeakRefObject* self, WeakRefObject** list) {
    WeakRefObject *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    WeakRefObject* prev = proxy ? proxy : ref;
    if (prev) insert_after(self, prev);
    else insert_head(self, list);
}

// Unlinks `self` from its referent's list and makes it dead; drops the
// callback.
static void clear_weakref(WeakRefObject* self) {
    Object* callback = self->wr_callback;
    if (self->wr_object) {
        WeakRefObject** list = weaklist_ptr(self->wr_object);
        if (*list == self) *list = self->wr_next;
        self->wr_object = nullptr;
        if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = nullptr;
        self->wr_next = nullptr;
    }
    if (callback) {
        self->wr_callback = nullptr;
        decref(callback);
    }
}

void weakref_clear_ref(WeakRefObject* self) {
    Object* callback = self->wr_callback;
    self->wr_callback = nullptr;
    clear_weakref(self);
    self->wr_callback = callback;
}

isize weakref_count(Object* o) {
    WeakRefObject** list = weaklist_ptr(o);
    isize n = 0;
    if (list)
        for (WeakRefObject* r = *list; r; r = r->wr_next) n++;
    return n;
}

static void handle_callback(ThreadState* ts, WeakRefObject* ref, Object* callback) {
    Ref<> r = object_call_one(ts, callback, ref);
    if (!r) report_unraisable(ts, callback);
}

void clear_weakrefs(Object* o) {
    WeakRefObject** list = weaklist_ptr(o);
    if (!list || !*list) return;
    ThreadState* ts = type_of(o)->interp->current_thread();
    // The basic ref and proxy have no callbacks: just clear them.
    if ((*list)->wr_callback == nullptr) {
        clear_weakref(*list);
        if (*list && (*list)->wr_callback == nullptr) clear_weakref(*list);
    }
    if (!*list) return;
    Ref<> saved = error_fetch(ts);
    // Clear them all first, then call the callbacks (each may free more).
    std::vector<std::pair<Ref<>, Ref<>>> to_call;   // (weakref, callback)
    for (WeakRefObject* current = *list; current;) {
        WeakRefObject* next = current->wr_next;
        Object* callback = current->wr_callback;
        current->wr_callback = nullptr;
        clear_weakref(current);
        if (callback) {
            // A weakref that is itself being freed gets no call.
            if (current->ob_refcnt > 0) to_call.emplace_back(newref<Object>(current), Ref<>::steal(callback));
            else decref(callback);
        }
        current = next;
    }
    if (ts->interp->finalizers_off) to_call.clear();
    for (auto& [ref, callback] : to_call) handle_callback(ts, static_cast<WeakRefObject*>(ref.get()), callback.get());
    to_call.clear();
    if (saved) error_restore(ts, std::move(saved));
}

// ------------------------------------------------------------ creation

static std::nullptr_t cannot_weakref(ThreadState* ts, Object* ob) {
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("cannot create weak reference to '") + type_of(ob)->tp_name + "' object");
}

static WeakRefObject* alloc_weakref(ThreadState* ts, TypeObject* type, Object* ob, Object* callback) {
    auto* self = static_cast<WeakRefObject*>(object_alloc(ts, type, 0));
    if (!self) return nullptr;
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = self->wr_next = nullptr;
    self->wr_callback = callback;
    xincref(callback);
    ts->interp->gc.track(self);
    return self;
}

Ref<> weakref_new(ThreadState* ts, Object* ob, Object* callback) {
    if (!ts->interp->gc.weakref_type && !init_weakref_types(ts)) return nullptr;
    WeakRefObject** list = weaklist_ptr(ob);
    if (!list) return cannot_weakref(ts, ob);
    if (callback == ts->interp->None) callback = nullptr;
    WeakRefObject *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (!callback && ref) return newref<Object>(ref);
    WeakRefObject* self = alloc_weakref(ts, ts->interp->gc.weakref_type, ob, callback);
    if (!self) return nullptr;
    if (callback) insert_general(self, list);
    else insert_head(self, list);
    return Ref<>::steal(self);
}

Ref<> weakproxy_new(ThreadState* ts, Object* ob, Object* callback) {
    Interpreter& interp = *ts->interp;
    if (!interp.gc.weakref_type && !init_weakref_types(ts)) return nullptr;
    WeakRefObject** list = weaklist_ptr(ob);
    if (!list) return cannot_weakref(ts, ob);
    if (callback == interp.None) callback = nullptr;
    WeakRefObject *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (!callback && proxy) return newref<Object>(proxy);
    TypeObject* type = is_callable(ob) ? interp.gc.callable_proxy_type : interp.gc.proxy_type;
    WeakRefObject* self = alloc_weakref(ts, type, ob, callback);
    if (!self) return nullptr;
    if (callback) {
        insert_general(self, list);
    } else if (ref) {
        insert_after(self, ref);
    } else {
        insert_head(self, list);
    }
    return Ref<>::steal(self);
}

// ------------------------------------------------------------ ReferenceType

static WeakRefObject* as_wr(Object* o) { return static_cast<WeakRefObject*>(o); }

static void weakref_dealloc(Object* op) {
    clear_weakref(as_wr(op));
    object_free(op);
}

static int weakref_traverse(Object* op, visitproc visit, void* arg) {
    Object* cb = as_wr(op)->wr_callback;
    return cb ? visit(cb, arg) : 0;
}

static int weakref_tp_clear(Object* op) {
    clear_weakref(as_wr(op));
    return 0;
}

// ref.__new__(type, ob, callback=None): like weakref_new, but any class
// derived from ref gets a reference of its own.
static Ref<> weakref___new__(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                             TupleObject* kwnames) {
    (void)kwnames;   // CPython ignores keyword arguments here too
    if (!check_nargs(ts, "__new__", nargs, 1, 2)) return nullptr;
    Object* ob = args[0];
    Object* callback = nargs > 1 ? args[1] : nullptr;
    if (type == ts->interp->gc.weakref_type) return weakref_new(ts, ob, callback);
    WeakRefObject** list = weaklist_ptr(ob);
    if (!list) return cannot_weakref(ts, ob);
    if (callback == ts->interp->None) callback = nullptr;
    WeakRefObject* self = alloc_weakref(ts, type, ob, callback);
    if (!self) return nullptr;
    insert_general(self, list);
    return Ref<>::steal(self);
}

static int weakref___init__(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject*) {
    return check_nargs(ts, "__init__", nargs, 1, 2) ? 0 : -1;
}

static Ref<> weakref_call(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kwnames) {
    if (!check_no_kwargs(ts, "weakref", kwnames) || !check_nargs(ts, "weakref", nargs, 0, 0)) return nullptr;
    Object* ob = as_wr(self)->wr_object;
    return newref(ob ? ob : ts->interp->None);
}

static int64_t weakref_hash(ThreadState* ts, Object* self) {
    WeakRefObject* wr = as_wr(self);
    if (wr->hash != -1) return wr->hash;
    if (!wr->wr_object) {
        raise(ts, ts->interp->exc.TypeError, "weak object has gone away");
        return -1;
    }
    Ref<> ob = newref(wr->wr_object);
    wr->hash = object_hash(ts, ob.get());
    return wr->hash;
}

static std::string addr(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

static Ref<> weakref_repr(ThreadState* ts, Object* self) {
    Object* ob = as_wr(self)->wr_object;
    if (!ob) return str_from_utf8(ts, "<weakref at " + addr(self) + "; dead>");
    Ref<> keep = newref(ob);
    std::string text = "<weakref at " + addr(self) + "; to '" + type_of(ob)->tp_name + "' at " + addr(ob);
    Ref<> name = object_getattr_cstr(ts, ob, "__name__");
    if (!name) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
    }
    if (name && is_str(name.get())) text += " (" + std::string(str_utf8(name.get())) + ")";
    return str_from_utf8(ts, text + ">");
}

// ==/!= compare the referents while both live, identity otherwise.
static Ref<> weakref_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if ((op != Py_EQ && op != Py_NE) || !is_weakref(a) || !is_weakref(b)) return newref(ts->interp->NotImplemented);
    Object* oa = as_wr(a)->wr_object;
    Object* ob = as_wr(b)->wr_object;
    if (!oa || !ob) return bool_ref(ts, (a == b) == (op == Py_EQ));
    Ref<> ka = newref(oa), kb = newref(ob);
    return object_richcompare(ts, oa, ob, op);
}

static Ref<> weakref_get_callback(ThreadState* ts, Object* self) {
    Object* cb = as_wr(self)->wr_callback;
    return newref(cb ? cb : ts->interp->None);
}

static const GetSetDef weakref_getsets[] = {
    {"__callback__", weakref_get_callback, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ proxies

// The referent of a proxy, or null with ReferenceError; other objects as is.
static Object* unwrap(ThreadState* ts, Object* o) {
    if (!is_proxy(o)) return o;
    Object* ob = as_wr(o)->wr_object;
    if (!ob) raise(ts, ts->interp->exc.ReferenceError, "weakly-referenced object no longer exists");
    return ob;
}

#define UNWRAP(o)                         \
    Object* o##_ = unwrap(ts, o);         \
    if (!o##_) return {};                 \
    Ref<> o##_keep = newref(o##_)

static Ref<> proxy_getattr(ThreadState* ts, Object* proxy, Object* name) {
    UNWRAP(proxy);
    return object_getattr(ts, proxy_, name);
}

static int proxy_setattr(ThreadState* ts, Object* proxy, Object* name, Object* value) {
    Object* ob = unwrap(ts, proxy);
    if (!ob) return -1;
    Ref<> keep = newref(ob);
    return object_setattr(ts, ob, name, value);
}

static Ref<> proxy_repr(ThreadState* ts, Object* proxy) {
    Object* ob = as_wr(proxy)->wr_object;
    Object* shown = ob ? ob : ts->interp->None;
    return str_from_utf8(ts, "<weakproxy at " + addr(proxy) + " to " + type_of(shown)->tp_name + " at " +
                                 addr(shown) + ">");
}

static Ref<> proxy_str(ThreadState* ts, Object* proxy) {
    UNWRAP(proxy);
    return object_str(ts, proxy_);
}

static Ref<> proxy_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    UNWRAP(a);
    UNWRAP(b);
    return object_richcompare(ts, a_, b_, op);
}

static int64_t proxy_hash(ThreadState* ts, Object* self) { return hash_not_implemented(ts, self); }

static Ref<> proxy_call(ThreadState* ts, Object* proxy, Object* const* args, isize nargs, TupleObject* kwnames) {
    UNWRAP(proxy);
    return object_vectorcall(ts, proxy_, args, nargs, kwnames);
}

static int proxy_bool(ThreadState* ts, Object* proxy) {
    Object* ob = unwrap(ts, proxy);
    if (!ob) return -1;
    Ref<> keep = newref(ob);
    return object_is_true(ts, ob);
}

static isize proxy_length(ThreadState* ts, Object* proxy) {
    Object* ob = unwrap(ts, proxy);
    if (!ob) return -1;
    Ref<> keep = newref(ob);
    return object_length(ts, ob);
}

static int proxy_contains(ThreadState* ts, Object* proxy, Object* value) {
    Object* ob = unwrap(ts, proxy);
    if (!ob) return -1;
    Ref<> keep = newref(ob);
    return sequence_contains(ts, ob, value);
}

static Ref<> proxy_getitem(ThreadState* ts, Object* proxy, Object* key) {
    UNWRAP(proxy);
    return object_getitem(ts, proxy_, key);
}

static int proxy_setitem(ThreadState* ts, Object* proxy, Object* key, Object* value) {
    Object* ob = unwrap(ts, proxy);
    if (!ob) return -1;
    Ref<> keep = newref(ob);
    return value ? object_setitem(ts, ob, key, value) : object_delitem(ts, ob, key);
}

static Ref<> proxy_iter(ThreadState* ts, Object* proxy) {
    UNWRAP(proxy);
    return object_get_iter(ts, proxy_);
}

static Ref<> proxy_iternext(ThreadState* ts, Object* proxy) {
    UNWRAP(proxy);
    if (!type_of(proxy_)->tp_iternext)
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("Weakref proxy referenced a non-iterator '") + type_of(proxy_)->tp_name + "' object");
    return type_of(proxy_)->tp_iternext(ts, proxy_);
}

template <int OP>
static Ref<> proxy_binary(ThreadState* ts, Object* a, Object* b) {
    UNWRAP(a);
    UNWRAP(b);
    return number_binary_op(ts, a_, b_, OP);
}

static Ref<> proxy_pow(ThreadState* ts, Object* a, Object* b, Object* c) {
    UNWRAP(a);
    UNWRAP(b);
    UNWRAP(c);
    return number_power(ts, a_, b_, c_);
}

static Ref<> proxy_ipow(ThreadState* ts, Object* a, Object* b, Object* c) {
    UNWRAP(a);
    UNWRAP(b);
    if (c == ts->interp->None) return number_binary_op(ts, a_, b_, NB_INPLACE_POWER);
    UNWRAP(c);
    return number_power(ts, a_, b_, c_);
}

template <Ref<> (*F)(ThreadState*, Object*)>
static Ref<> proxy_unary(ThreadState* ts, Object* a) {
    UNWRAP(a);
    return F(ts, a_);
}

static Ref<> proxy_int(ThreadState* ts, Object* a) {
    UNWRAP(a);
    return object_vectorcall(ts, ts->interp->types.int_, &a_, 1, nullptr);
}

static Ref<> proxy_float(ThreadState* ts, Object* a) {
    UNWRAP(a);
    return object_vectorcall(ts, ts->interp->types.float_, &a_, 1, nullptr);
}

static void fill_proxy_slots(TypeObject* t) {
    t->tp_getattro = proxy_getattr;
    t->tp_setattro = proxy_setattr;
    t->tp_repr = proxy_repr;
    t->tp_str = proxy_str;
    t->tp_richcompare = proxy_richcompare;
    t->tp_hash = proxy_hash;
    t->tp_iter = proxy_iter;
    t->tp_iternext = proxy_iternext;
    NumberMethods& nb = t->number_storage;
    nb.nb_add = proxy_binary<NB_ADD>;
    nb.nb_subtract = proxy_binary<NB_SUBTRACT>;
    nb.nb_multiply = proxy_binary<NB_MULTIPLY>;
    nb.nb_remainder = proxy_binary<NB_REMAINDER>;
    nb.nb_divmod = nullptr;
    nb.nb_power = proxy_pow;
    nb.nb_negative = proxy_unary<number_negative>;
    nb.nb_positive = proxy_unary<number_positive>;
    nb.nb_absolute = proxy_unary<number_absolute>;
    nb.nb_bool = proxy_bool;
    nb.nb_invert = proxy_unary<number_invert>;
    nb.nb_lshift = proxy_binary<NB_LSHIFT>;
    nb.nb_rshift = proxy_binary<NB_RSHIFT>;
    nb.nb_and = proxy_binary<NB_AND>;
    nb.nb_xor = proxy_binary<NB_XOR>;
    nb.nb_or = proxy_binary<NB_OR>;
    nb.nb_int = proxy_int;
    nb.nb_float = proxy_float;
    nb.nb_inplace_add = proxy_binary<NB_INPLACE_ADD>;
    nb.nb_inplace_subtract = proxy_binary<NB_INPLACE_SUBTRACT>;
    nb.nb_inplace_multiply = proxy_binary<NB_INPLACE_MULTIPLY>;
    nb.nb_inplace_remainder = proxy_binary<NB_INPLACE_REMAINDER>;
    nb.nb_inplace_power = proxy_ipow;
    nb.nb_inplace_lshift = proxy_binary<NB_INPLACE_LSHIFT>;
    nb.nb_inplace_rshift = proxy_binary<NB_INPLACE_RSHIFT>;
    nb.nb_inplace_and = proxy_binary<NB_INPLACE_AND>;
    nb.nb_inplace_xor = proxy_binary<NB_INPLACE_XOR>;
    nb.nb_inplace_or = proxy_binary<NB_INPLACE_OR>;
    nb.nb_floor_divide = proxy_binary<NB_FLOOR_DIVIDE>;
    nb.nb_true_divide = proxy_binary<NB_TRUE_DIVIDE>;
    nb.nb_inplace_floor_divide = proxy_binary<NB_INPLACE_FLOOR_DIVIDE>;
    nb.nb_inplace_true_divide = proxy_binary<NB_INPLACE_TRUE_DIVIDE>;
    nb.nb_index = proxy_unary<number_index>;
    nb.nb_matrix_multiply = proxy_binary<NB_MATRIX_MULTIPLY>;
    nb.nb_inplace_matrix_multiply = proxy_binary<NB_INPLACE_MATRIX_MULTIPLY>;
    t->tp_as_number = &t->number_storage;
    t->sequence_storage.sq_length = proxy_length;
    t->sequence_storage.sq_contains = proxy_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = proxy_length;
    t->mapping_storage.mp_subscript = proxy_getitem;
    t->mapping_storage.mp_ass_subscript = proxy_setitem;
    t->tp_as_mapping = &t->mapping_storage;
}

// ------------------------------------------------------------ the types

bool init_weakref_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    GCState& gc = interp.gc;
    if (gc.weakref_type) return true;
    // 64 bytes each in CPython 3.11 (PyWeakReference), weakly referenceable: no.
    const CPythonLayout layout{64, 0, 0, 0};

    TypeObject* ref = type_new_builtin(interp, "weakref.ReferenceType", sizeof(WeakRefObject), 0,
                                       interp.types.object, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    if (!ref) { raise_no_memory(ts); return false; }
    ref->cpython = layout;
    ref->tp_dealloc = weakref_dealloc;
    ref->tp_traverse = weakref_traverse;
    ref->tp_clear = weakref_tp_clear;
    ref->tp_new = weakref___new__;
    ref->tp_init = weakref___init__;
    ref->tp_call = weakref_call;
    ref->tp_hash = weakref_hash;
    ref->tp_repr = weakref_repr;
    ref->tp_richcompare = weakref_richcompare;
    ref->tp_getattro = generic_getattr;
    ref->tp_getset = weakref_getsets;
    gc.weakref_type = ref;

    TypeObject* proxy = type_new_builtin(interp, "weakref.ProxyType", sizeof(WeakRefObject), 0,
                                         interp.types.object, TPFLAGS_HAVE_GC);
    if (!proxy) { raise_no_memory(ts); return false; }
    proxy->cpython = layout;
    proxy->tp_dealloc = weakref_dealloc;
    proxy->tp_traverse = weakref_traverse;
    proxy->tp_clear = weakref_tp_clear;
    fill_proxy_slots(proxy);
    gc.proxy_type = proxy;

    TypeObject* cproxy = type_new_builtin(interp, "weakref.CallableProxyType", sizeof(WeakRefObject), 0,
                                          interp.types.object, TPFLAGS_HAVE_GC);
    if (!cproxy) { raise_no_memory(ts); return false; }
    cproxy->cpython = layout;
    cproxy->tp_dealloc = weakref_dealloc;
    cproxy->tp_traverse = weakref_traverse;
    cproxy->tp_clear = weakref_tp_clear;
    fill_proxy_slots(cproxy);
    cproxy->tp_call = proxy_call;
    gc.callable_proxy_type = cproxy;

    return type_ready(ts, ref) && type_ready(ts, proxy) && type_ready(ts, cproxy);
}

}  // namespace gp
