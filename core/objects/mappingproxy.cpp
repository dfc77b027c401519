// mappingproxy.cpp — types.MappingProxyType: a read-only view of a mapping.
//
// Mirrors the mappingproxy part of CPython 3.11's Objects/descrobject.c.
// The proxy holds the mapping and forwards every read to it — lookups,
// len, `in`, iteration, keys()/values()/items()/get()/copy() — so it
// follows the mapping's changes but offers no way to make one. A class's
// __dict__ and a dict view's .mapping are such proxies.
#include "objects/descrobject.h"

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

struct MappingProxyObject : Object {
    Object* mapping;   // owned: the mapping shown
};

static MappingProxyObject* as_proxy(Object* o) { return static_cast<MappingProxyObject*>(o); }
static Object* mapping_of(Object* o) { return as_proxy(o)->mapping; }

// What may be wrapped: anything with __getitem__ except the sequences
// (descrobject.c: mappingproxy_check_mapping).
static bool check_mapping(ThreadState* ts, Object* mapping) {
    TypeObject* t = type_of(mapping);
    bool ok = t->tp_as_mapping && t->tp_as_mapping->mp_subscript && !isinstance_of(mapping, ts->interp->types.list) &&
              !isinstance_of(mapping, ts->interp->types.tuple);
    if (!ok)
        raise(ts, ts->interp->exc.TypeError,
              std::string("mappingproxy() argument must be a mapping, not ") + type_name(mapping));
    return ok;
}

Ref<> mappingproxy_new(ThreadState* ts, Object* mapping) {
    if (!check_mapping(ts, mapping)) return nullptr;
    auto* p = static_cast<MappingProxyObject*>(object_alloc(ts, ts->interp->types.mappingproxy, 0));
    if (!p) return nullptr;
    p->mapping = newref(mapping).release();
    ts->interp->gc.track(p);
    return Ref<>::steal(p);
}

static Ref<> proxy_tp_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"mapping"};
    static const ArgSpec spec{"mappingproxy", names, 1, 1, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    return mappingproxy_new(ts, a[0]);
}

static void proxy_dealloc(Object* op) {
    xdecref(mapping_of(op));
    object_free(op);
}

static int proxy_traverse(Object* op, visitproc visit, void* arg) {
    Object* m = mapping_of(op);
    return m ? visit(m, arg) : 0;
}

static Ref<> proxy_repr(ThreadState* ts, Object* op) {
    Ref<> r = object_repr(ts, mapping_of(op));
    if (!r) return nullptr;
    return str_from_utf8(ts, "mappingproxy(" + std::string(str_utf8(r.get())) + ")");
}

static Ref<> proxy_str(ThreadState* ts, Object* op) { return object_str(ts, mapping_of(op)); }
static Ref<> proxy_iter(ThreadState* ts, Object* op) { return object_get_iter(ts, mapping_of(op)); }
static isize proxy_len(ThreadState* ts, Object* op) { return object_length(ts, mapping_of(op)); }
static Ref<> proxy_getitem(ThreadState* ts, Object* op, Object* key) { return object_getitem(ts, mapping_of(op), key); }

static int proxy_contains(ThreadState* ts, Object* op, Object* key) {
    Object* m = mapping_of(op);
    if (is_dict(m)) {
        if (dict_get_item(ts, as_dict(m), key)) return 1;
        return error_occurred(ts) ? -1 : 0;
    }
    return sequence_contains(ts, m, key);
}

static Ref<> proxy_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    return object_richcompare(ts, mapping_of(a), b, op);
}

// proxy | other and other | proxy: the mapping's own `|` (a new dict).
static Ref<> proxy_or(ThreadState* ts, Object* a, Object* b) {
    TypeObject* pt = ts->interp->types.mappingproxy;
    if (type_of(a) == pt) a = mapping_of(a);
    if (type_of(b) == pt) b = mapping_of(b);
    return number_binary_op(ts, a, b, NB_OR);
}

static Ref<> proxy_ior(ThreadState* ts, Object* a, Object*) {
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("'|=' is not supported by ") + type_name(a) + "; use '|' instead");
}

// keys(), values(), items(), copy(), __reversed__(): the mapping's.
static Ref<> forward(ThreadState* ts, Object* self, const char* method, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, method, kw) || !check_nargs(ts, method, nargs, 0, 0)) return nullptr;
    Ref<> m = object_getattr_cstr(ts, mapping_of(self), method);
    return m ? object_call_noargs(ts, m.get()) : nullptr;
}
static Ref<> m_keys(ThreadState* ts, Object* s, Object* const*, isize n, TupleObject* kw) { return forward(ts, s, "keys", n, kw); }
static Ref<> m_values(ThreadState* ts, Object* s, Object* const*, isize n, TupleObject* kw) { return forward(ts, s, "values", n, kw); }
static Ref<> m_items(ThreadState* ts, Object* s, Object* const*, isize n, TupleObject* kw) { return forward(ts, s, "items", n, kw); }
static Ref<> m_copy(ThreadState* ts, Object* s, Object* const*, isize n, TupleObject* kw) { return forward(ts, s, "copy", n, kw); }

static Ref<> m_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reversed__", kw) || !check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    Ref<> rev = object_getattr_cstr(ts, ts->interp->builtins, "reversed");
    if (!rev) return nullptr;
    Object* m = mapping_of(self);
    return object_call_one(ts, rev.get(), m);
}

// get(key, default=None, /): the mapping's get().
static Ref<> m_get(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get", kw) || !check_nargs(ts, "get", nargs, 1, 2)) return nullptr;
    Ref<> get = object_getattr_cstr(ts, mapping_of(self), "get");
    return get ? object_vectorcall(ts, get.get(), args, nargs) : nullptr;
}

static const MethodDef proxy_methods[] = {
    {"get", m_get, METH_DEFAULT,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", m_keys, METH_DEFAULT, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, METH_DEFAULT, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, METH_DEFAULT, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", m_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D"},
    {"__reversed__", m_reversed, METH_DEFAULT, "D.__reversed__() -> reverse iterator"},
    {nullptr, nullptr, 0, nullptr},
};

bool init_mappingproxy_type(ThreadState* ts) {
    BuiltinTypes& b = ts->interp->types;
    TypeObject* t = ensure_builtin_type(ts, &b.mappingproxy, "mappingproxy", sizeof(MappingProxyObject),
                                        TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->tp_new = proxy_tp_new;
    t->tp_dealloc = proxy_dealloc;
    t->tp_traverse = proxy_traverse;
    t->tp_repr = proxy_repr;
    t->tp_str = proxy_str;
    t->tp_iter = proxy_iter;
    t->tp_richcompare = proxy_richcompare;
    t->mapping_storage.mp_length = proxy_len;
    t->mapping_storage.mp_subscript = proxy_getitem;
    t->tp_as_mapping = &t->mapping_storage;
    t->sequence_storage.sq_contains = proxy_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->number_storage.nb_or = proxy_or;
    t->number_storage.nb_inplace_or = proxy_ior;
    t->tp_as_number = &t->number_storage;
    return add_type_members(ts, t, proxy_methods);
}

}  // namespace gp
