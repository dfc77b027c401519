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
// by identity (equality only for GenericAliases).
static bool add_members(ThreadState* ts, Object* o, std::vector<Object*>& out) {
    Interpreter& interp = *ts->interp;
    bool ok = true;
    auto add = [&](Object* m) {
        if (m == interp.None) m = interp.types.none;
        for (Object* seen : out) {
            if (seen == m) return;
            // Generic aliases are compared by value (list[int] twice is one member).
            if (is_generic_alias(seen) && is_generic_alias(m)) {
                int eq = object_richcompare_bool(ts, seen, m, Py_EQ);
                if (eq < 0) ok = false;
                if (eq != 0) return;
            }
        }
        out.push_back(m);
    };
    if (is_union(o)) {
        TupleObject* args = union_args(o);
        for (isize i = 0; i < args->ob_size; i++) add(args->ob_item[i]);
    } else {
        add(o);
    }
    return ok;
}

Ref<> union_type_or(ThreadState* ts, Object* a, Object* b) {
    Interpreter& interp = *ts->interp;
    if (!is_unionable(interp, a) || !is_unionable(interp, b)) return newref(interp.NotImplemented);
    std::vector<Object*> members;
    if (!add_members(ts, a, members) || !add_members(ts, b, members)) return nullptr;
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

// An attribute that may be missing: null with no error when it is.
static Ref<> lookup_optional(ThreadState* ts, Object* o, const char* name, bool* failed) {
    *failed = false;
    Ref<> v = object_getattr_cstr(ts, o, name);
    if (!v) {
        if (error_matches(ts, ts->interp->exc.AttributeError)) error_clear(ts);
        else *failed = true;
    }
    return v;
}

// union_repr_item: classes print as their qualified name (without
// "builtins."), NoneType as None, anything else by repr().
static bool repr_item(ThreadState* ts, Object* p, std::string& out) {
    Interpreter& interp = *ts->interp;
    if (p == interp.types.none) {
        out += "None";
        return true;
    }
    bool failed;
    bool use_repr = false;
    Ref<> origin = lookup_optional(ts, p, "__origin__", &failed);
    if (failed) return false;
    if (origin) {
        Ref<> args = lookup_optional(ts, p, "__args__", &failed);
        if (failed) return false;
        use_repr = bool(args);   // looks like a generic alias: list[int]
    }
    if (!use_repr) {
        Ref<> qualname = lookup_optional(ts, p, "__qualname__", &failed);
        if (failed) return false;
        if (qualname) {
            Ref<> module = lookup_optional(ts, p, "__module__", &failed);
            if (failed) return false;
            if (module && module.get() != interp.None) {
                Ref<> q = object_str(ts, qualname.get());
                if (!q) return false;
                if (!(is_str(module.get()) && str_utf8(module.get()) == "builtins")) {
                    Ref<> m = object_str(ts, module.get());
                    if (!m) return false;
                    out += str_utf8(m.get());
                    out += '.';
                }
                out += str_utf8(q.get());
                return true;
            }
        }
    }
    Ref<> r = object_repr(ts, p);
    if (!r) return false;
    out += str_utf8(r.get());
    return true;
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

// _Py_make_parameters skips classes, and a union holds nothing but classes
// (GenericAliases, which could carry type variables, are not unionable here),
// so __parameters__ is always empty.
static Ref<> union_get_parameters(ThreadState* ts, Object* self) {
    auto* u = static_cast<UnionObject*>(self);
    if (!u->parameters) {
        Ref<TupleObject> empty = tuple_new(ts, 0);
        if (!empty) return nullptr;
        u->parameters = empty.release();
    }
    return newref(static_cast<Object*>(u->parameters));
}

// No type variables can appear in a union here (see __parameters__).
static Ref<> union_getitem(ThreadState* ts, Object* self, Object*) {
    Ref<> r = union_repr(ts, self);
    if (!r) return nullptr;
    return raise(ts, ts->interp->exc.TypeError, std::string(str_utf8(r.get())) + " is not a generic class");
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
