// unionobject.cpp — types.UnionType (see unionobject.h).
#include "objects/unionobject.h"

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/genericaliasobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static bool is_class(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }

bool is_union(Object* o) { return type_of(o) == type_of(o)->interp->types.union_type; }
TupleObject* union_args(Object* u) { return static_cast<UnionObject*>(u)->args; }

static void union_dealloc(Object* op) {
    auto* u = static_cast<UnionObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(u->args);
    xdecref(u->parameters);
    object_free(op);
}

static int union_traverse(Object* op, visitproc visit, void* arg) {
    auto* u = static_cast<UnionObject*>(op);
    if (u->args && visit(u->args, arg)) return 1;
    if (u->parameters && visit(u->parameters, arg)) return 1;
    return 0;
}

// is_unionable: what may stand on either side of `|`.
static bool is_unionable(Interpreter& interp, Object* o) {
    return o == interp.None || is_class(o) || is_union(o) || is_generic_alias(o);
}

// Appends o's members (its __args__ if it is a union, else o itself, None
// as NoneType) to `out`, skipping any already there. 3.11 compares members
// by identity, generic aliases by equality (list[int] | list[int]).
static bool add_members(ThreadState* ts, Object* o, std::vector<Object*>& out) {
    Interpreter& interp = *ts->interp;
    auto add = [&](Object* m) {
        if (m == interp.None) m = interp.types.none;
        for (Object* seen : out) {
            if (seen == m) return true;
            if (is_generic_alias(seen) && is_generic_alias(m)) {
                int eq = object_richcompare_bool(ts, seen, m, Py_EQ);
                if (eq < 0) return false;
                if (eq) return true;
            }
        }
        out.push_back(m);
        return true;
    };
    if (!is_union(o)) return add(o);
    TupleObject* args = union_args(o);
    for (isize i = 0; i < args->ob_size; i++)
        if (!add(args->ob_item[i])) return false;
    return true;
}

// A union of `members` (borrowed), or the only member.
static Ref<> union_from_members(ThreadState* ts, std::vector<Object*>& members) {
    Interpreter& interp = *ts->interp;
    if (members.size() == 1) return newref(members[0]);
    Ref<TupleObject> args = tuple_from_array(ts, members.data(), isize(members.size()));
    if (!args) return nullptr;
    auto* u = static_cast<UnionObject*>(object_alloc(ts, interp.types.union_type, 0));
    if (!u) return nullptr;
    u->args = args.release();
    u->parameters = nullptr;
    interp.gc.track(u);
    return Ref<>::steal(u);
}

Ref<> union_type_or(ThreadState* ts, Object* a, Object* b) {
    Interpreter& interp = *ts->interp;
    if (!is_unionable(interp, a) || !is_unionable(interp, b)) return newref(interp.NotImplemented);
    std::vector<Object*> members;
    if (!add_members(ts, a, members) || !add_members(ts, b, members)) return nullptr;
    return union_from_members(ts, members);
}

// union_repr_item: NoneType prints as None, the rest as inside list[...].
static bool repr_item(ThreadState* ts, Object* p, std::string& out) {
    if (p == ts->interp->types.none) {
        out += "None";
        return true;
    }
    return type_repr_item(ts, p, out);
}

static Ref<> union_repr(ThreadState* ts, Object* op) {
    TupleObject* args = union_args(op);
    std::string text;
    for (isize i = 0; i < args->ob_size; i++) {
        if (i) text += " | ";
        if (!repr_item(ts, args->ob_item[i], text)) return nullptr;
    }
    return str_from_utf8(ts, text);
}

// Unions are equal when they have the same members in any order; the hash
// is that of the frozenset of members, which agrees with it.
static int64_t union_hash(ThreadState* ts, Object* op) {
    Ref<> set = frozenset_new(ts, union_args(op));
    if (!set) return -1;
    return object_hash(ts, set.get());
}

static Ref<> union_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (!is_union(b) || (op != Py_EQ && op != Py_NE)) return newref(interp.NotImplemented);
    Ref<> sa = frozenset_new(ts, union_args(a));
    if (!sa) return nullptr;
    Ref<> sb = frozenset_new(ts, union_args(b));
    if (!sb) return nullptr;
    return object_richcompare(ts, sa.get(), sb.get(), op);
}

static Ref<> union_get_args(ThreadState* ts, Object* self) {
    (void)ts;
    return newref(static_cast<Object*>(union_args(self)));
}

// The type variables inside the union's generic-alias members
// (list[T] | None has T).
static Ref<> union_get_parameters(ThreadState* ts, Object* self) {
    auto* u = static_cast<UnionObject*>(self);
    if (!u->parameters) {
        Ref<TupleObject> p = make_type_parameters(ts, u->args);
        if (!p) return nullptr;
        u->parameters = p.release();
    }
    return newref(static_cast<Object*>(u->parameters));
}

// (list[T] | None)[int] is list[int] | None.
static Ref<> union_getitem(ThreadState* ts, Object* self, Object* item) {
    Ref<> params = union_get_parameters(ts, self);
    if (!params) return nullptr;
    Ref<TupleObject> newargs = subs_type_parameters(ts, self, union_args(self), as_tuple(params.get()), item);
    if (!newargs) return nullptr;
    // _Py_union_from_tuple: the new members or-ed together, left to right.
    Ref<> result = newref(newargs->ob_item[0]);
    for (isize i = 1; i < newargs->ob_size; i++) {
        result = number_binary_op(ts, result.get(), newargs->ob_item[i], NB_OR);
        if (!result) return nullptr;
    }
    return result;
}

// Unions are made by `|` only.
static Ref<> union_no_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "cannot create '" + type->tp_name + "' instances");
}

// `u.__module__` is the type's ("types"), which the typing module reads as
// it would a class's.
static Ref<> union_getattro(ThreadState* ts, Object* self, Object* name) {
    if (is_str(name) && str_equal_ascii(as_str(name), "__module__"))
        return object_getattr(ts, type_of(self), name);
    return generic_getattr(ts, self, name);
}

static const GetSetDef union_getsets[] = {
    {"__args__", union_get_args, nullptr, nullptr},
    {"__parameters__", union_get_parameters, nullptr, "Type variables in the types.UnionType."},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef union_methods[] = {
    {nullptr, nullptr, 0, nullptr},
};

bool init_union_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.union_type, "types.UnionType", sizeof(UnionObject),
                                        TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->tp_dealloc = union_dealloc;
    t->tp_traverse = union_traverse;
    t->tp_repr = union_repr;
    t->tp_hash = union_hash;
    t->tp_richcompare = union_richcompare;
    t->tp_getattro = union_getattro;
    t->tp_new = union_no_new;
    t->tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
    t->number_storage.nb_or = union_type_or;
    t->tp_as_number = &t->number_storage;
    t->mapping_storage.mp_subscript = union_getitem;
    t->tp_as_mapping = &t->mapping_storage;
    // type.__or__ and type.__ror__ build unions.
    TypeObject* type = interp.types.type;
    type->number_storage.nb_or = union_type_or;
    type->tp_as_number = &type->number_storage;
    return add_type_members(ts, t, union_methods, union_getsets);
}

}  // namespace gp
