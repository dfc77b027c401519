// mappingproxy.cpp — types.MappingProxyType: a read-only view of a mapping.
//
// Mirrors the mappingproxy half of CPython 3.11's Objects/descrobject.c.
// `C.__dict__` is one, wrapped around the class namespace: reading through
// it sees every change, but writing is refused, so all changes to a class
// go through `C.x = v`, which also updates the class's C++ slots
// (typeobject_slots.cpp: update_slot). Every operation is forwarded to the
// wrapped mapping; only those that would change it are missing.
#include "objects/mappingproxy.h"

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

struct MappingProxyObject : Object {
    Object* mapping;     // owned: the mapping shown
};

static MappingProxyObject* as_mp(Object* o) { return static_cast<MappingProxyObject*>(o); }
static bool is_mappingproxy(Object* o) { return type_of(o) == type_of(o)->interp->types.mappingproxy; }

// mappingproxy_check_mapping: anything with __getitem__ but a list or tuple.
static bool check_mapping(ThreadState* ts, Object* mapping) {
    TypeObject* t = type_of(mapping);
    if (!t->tp_as_mapping || !t->tp_as_mapping->mp_subscript || is_list(mapping) || is_tuple(mapping)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("mappingproxy() argument must be a mapping, not ") + type_name(mapping));
        return false;
    }
    return true;
}

Ref<> mappingproxy_new(ThreadState* ts, Object* mapping) {
    auto* mp = as_mp(object_alloc(ts, ts->interp->types.mappingproxy, 0));
    if (!mp) return nullptr;
    mp->mapping = newref(mapping).release();
    ts->interp->gc.track(mp);
    return Ref<>::steal(mp);
}

Object* mappingproxy_mapping(Object* o) { return is_mappingproxy(o) ? as_mp(o)->mapping : nullptr; }

static Ref<> mappingproxy_new_slot(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"mapping"};
    Object* a[1];
    if (!parse_kwargs(ts, "mappingproxy", names, 1, 1, 0, args, nargs, kwnames, a)) return nullptr;
    if (!check_mapping(ts, a[0])) return nullptr;
    return mappingproxy_new(ts, a[0]);
}

static void mappingproxy_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_mp(op)->mapping);
    object_free(op);
}

static int mappingproxy_traverse(Object* op, visitproc visit, void* arg) {
    Object* m = as_mp(op)->mapping;
    return m ? visit(m, arg) : 0;
}

static Ref<> mappingproxy_getitem(ThreadState* ts, Object* self, Object* key) {
    return object_getitem(ts, as_mp(self)->mapping, key);
}

static isize mappingproxy_len(ThreadState* ts, Object* self) { return object_length(ts, as_mp(self)->mapping); }

static int mappingproxy_contains(ThreadState* ts, Object* self, Object* key) {
    return sequence_contains(ts, as_mp(self)->mapping, key);
}

static Ref<> mappingproxy_iter(ThreadState* ts, Object* self) { return object_get_iter(ts, as_mp(self)->mapping); }

static Ref<> mappingproxy_str(ThreadState* ts, Object* self) { return object_str(ts, as_mp(self)->mapping); }

static Ref<> mappingproxy_repr(ThreadState* ts, Object* self) {
    Ref<> r = object_repr(ts, as_mp(self)->mapping);
    if (!r) return nullptr;
    return str_from_utf8(ts, "mappingproxy(" + std::string(str_utf8(r.get())) + ")");
}

static Ref<> mappingproxy_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
    return object_richcompare(ts, as_mp(self)->mapping, other, op);
}

// `proxy | other` is `mapping | other` (a new dict for dicts).
static Ref<> mappingproxy_or(ThreadState* ts, Object* a, Object* b) {
    if (is_mappingproxy(a)) a = as_mp(a)->mapping;
    if (is_mappingproxy(b)) b = as_mp(b)->mapping;
    return number_binary_op(ts, a, b, NB_OR);
}

static Ref<> mappingproxy_ior(ThreadState* ts, Object* self, Object*) {
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("'|=' is not supported by ") + type_name(self) + "; use '|' instead");
}

// get, keys, values, items and copy ask the mapping itself.
static Ref<> forward(ThreadState* ts, Object* self, const char* name, Object* const* args, isize nargs) {
    return call_method(ts, as_mp(self)->mapping, name, args, nargs);
}

static Ref<> mp_get(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get", kw) || !check_positional(ts, "get", nargs, 1, 2)) return nullptr;
    Object* pair[2] = {args[0], nargs > 1 ? args[1] : ts->interp->None};
    return forward(ts, self, "get", pair, 2);
}

#define GP_MP_FORWARD_NOARGS(fn, name)                                                                   \
    static Ref<> fn(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {       \
        if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;       \
        return forward(ts, self, name, nullptr, 0);                                                      \
    }
GP_MP_FORWARD_NOARGS(mp_keys, "keys")
GP_MP_FORWARD_NOARGS(mp_values, "values")
GP_MP_FORWARD_NOARGS(mp_items, "items")
GP_MP_FORWARD_NOARGS(mp_copy, "copy")
#undef GP_MP_FORWARD_NOARGS

static Ref<> mp_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reversed__", kw) || !check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    return reversed_new(ts, as_mp(self)->mapping);
}

static const MethodDef mappingproxy_methods[] = {
    {"get", mp_get, 0, "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the mapping, else default."},
    {"keys", mp_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mp_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", mp_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mp_copy, 0, "D.copy() -> a shallow copy of D"},
    {"__reversed__", mp_reversed, 0, "D.__reversed__() -> reverse iterator"},
    {nullptr, nullptr, 0, nullptr},
};

bool init_mappingproxy_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.mappingproxy, "mappingproxy", sizeof(MappingProxyObject),
                                        TPFLAGS_HAVE_GC | TPFLAGS_MAPPING);
    if (!t) return false;
    t->cpython = {24, 0, 0, 0};
    t->tp_dealloc = mappingproxy_dealloc;
    t->tp_traverse = mappingproxy_traverse;
    t->tp_repr = mappingproxy_repr;
    t->tp_str = mappingproxy_str;
    t->tp_richcompare = mappingproxy_richcompare;
    t->tp_iter = mappingproxy_iter;
    t->tp_new = mappingproxy_new_slot;
    t->tp_doc = "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.";
    t->mapping_storage.mp_length = mappingproxy_len;
    t->mapping_storage.mp_subscript = mappingproxy_getitem;
    t->tp_as_mapping = &t->mapping_storage;
    t->sequence_storage.sq_contains = mappingproxy_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->number_storage.nb_or = mappingproxy_or;
    t->number_storage.nb_inplace_or = mappingproxy_ior;
    t->tp_as_number = &t->number_storage;
    return add_type_members(ts, t, mappingproxy_methods);
}

}  // namespace gp
