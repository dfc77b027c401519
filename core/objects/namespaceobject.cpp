// namespaceobject.cpp — types.SimpleNamespace (see namespaceobject.h).
#include "objects/namespaceobject.h"

#include <cstddef>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static NamespaceObject* as_ns(Object* o) { return static_cast<NamespaceObject*>(o); }

static bool is_namespace(Object* o) { return isinstance_of(o, o->ob_type->interp->types.simple_namespace); }

// The instance and its empty dict; __init__ fills it.
static Ref<> namespace_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    auto* ns = as_ns(object_alloc(ts, type, 0));
    if (!ns) return nullptr;
    ns->ns_dict = d.release();
    ts->interp->gc.track(ns);
    return Ref<>::steal(ns);
}

// SimpleNamespace(**kwargs): keyword arguments only in 3.11.
static int namespace_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (nargs != 0) {
        raise(ts, ts->interp->exc.TypeError, "no positional arguments expected");
        return -1;
    }
    if (!kwnames) return 0;
    for (isize i = 0; i < kwnames->ob_size; i++)
        if (!dict_set_item(ts, as_ns(self)->ns_dict, kwnames->ob_item[i], args[i])) return -1;
    return 0;
}

Ref<> namespace_new(ThreadState* ts, DictObject* attrs) {
    Ref<> ns = namespace_new_slot(ts, ts->interp->types.simple_namespace, nullptr, 0, nullptr);
    if (!ns) return nullptr;
    if (attrs && !dict_merge(ts, as_ns(ns.get())->ns_dict, attrs, 1)) return nullptr;
    return ns;
}

static void namespace_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_ns(op)->ns_dict);
    object_free(op);
}

static int namespace_traverse(Object* op, visitproc visit, void* arg) {
    Object* d = as_ns(op)->ns_dict;
    return d ? visit(d, arg) : 0;
}

static int namespace_clear(Object* op) {
    Object* d = as_ns(op)->ns_dict;
    as_ns(op)->ns_dict = nullptr;
    xdecref(d);
    return 0;
}

// namespace(a=1, b='x'); a subclass shows its own name; a namespace that
// contains itself prints as namespace(...).
static Ref<> namespace_repr(ThreadState* ts, Object* op) {
    Interpreter& interp = *ts->interp;
    std::string name = type_of(op) == interp.types.simple_namespace ? "namespace" : type_qualname(type_of(op));
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, name + "(...)");
    std::string text = name + "(";
    DictObject* d = as_ns(op)->ns_dict;
    if (d) {
        Ref<DictObject> keep = newref(d);
        isize pos = 0;
        Object *k, *v;
        bool first = true;
        while (dict_next(d, &pos, &k, &v)) {
            if (!is_str(k)) continue;
            Ref<> key = newref(k), value = newref(v);
            Ref<> r = object_repr(ts, value.get());
            if (!r) return nullptr;
            if (!first) text += ", ";
            first = false;
            text += str_utf8(key.get());
            text += '=';
            text += str_utf8(r.get());
        }
    }
    return str_from_utf8(ts, text + ")");
}

static Ref<> namespace_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (is_namespace(a) && is_namespace(b) && (op == Py_EQ || op == Py_NE))
        return object_richcompare(ts, as_ns(a)->ns_dict, as_ns(b)->ns_dict, op);
    return newref(ts->interp->NotImplemented);
}

// __reduce__: (type(self), (), self.__dict__).
static Ref<> namespace_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    Ref<TupleObject> empty = tuple_new(ts, 0);
    if (!empty) return nullptr;
    return tuple_pack(ts, {type_of(self), empty.get(), as_ns(self)->ns_dict});
}

static Ref<> namespace_get_dict(ThreadState*, Object* self) { return newref<Object>(as_ns(self)->ns_dict); }

static const MethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, 0, "Return state information for pickling"},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef namespace_getsets[] = {
    {"__dict__", namespace_get_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool init_namespace_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.simple_namespace, "types.SimpleNamespace",
                                        sizeof(NamespaceObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->tp_dictoffset = offsetof(NamespaceObject, ns_dict);
    t->cpython = {24, 0, 16, 0};
    t->tp_dealloc = namespace_dealloc;
    t->tp_traverse = namespace_traverse;
    t->tp_clear = namespace_clear;
    t->tp_repr = namespace_repr;
    t->tp_richcompare = namespace_richcompare;
    t->tp_new = namespace_new_slot;
    t->tp_init = namespace_init;
    t->tp_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)";
    return add_type_members(ts, t, namespace_methods, namespace_getsets);
}

}  // namespace gp
