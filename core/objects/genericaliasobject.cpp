// genericaliasobject.cpp — types.GenericAlias (see genericaliasobject.h).
#include "objects/genericaliasobject.h"

#include <vector>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/unionobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

GenericAliasObject* as_ga(Object* o) { return static_cast<GenericAliasObject*>(o); }

bool is_class(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }

void ga_dealloc(Object* op) {
    auto* g = as_ga(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(g->origin);
    xdecref(g->args);
    xdecref(g->parameters);
    object_free(op);
}

int ga_traverse(Object* op, visitproc visit, void* arg) {
    auto* g = as_ga(op);
    for (Object* f : {g->origin, static_cast<Object*>(g->args), static_cast<Object*>(g->parameters)})
        if (f && visit(f, arg)) return 1;
    return 0;
}

// getattr(o, name) where a missing attribute is not an error: null with no
// exception set. *failed reports any other error.
Ref<> lookup_optional(ThreadState* ts, Object* o, const char* name, bool* failed) {
    *failed = false;
    Ref<> v = object_getattr_cstr(ts, o, name);
    if (!v) {
        if (error_matches(ts, ts->interp->exc.AttributeError)) error_clear(ts);
        else *failed = true;
    }
    return v;
}

// ga_repr_item: `...` for Ellipsis, repr() for anything alias-like, else
// the class's qualified name ("int", "collections.deque").
bool repr_item(ThreadState* ts, Object* p, std::string& out) {
    Interpreter& interp = *ts->interp;
    if (p == interp.Ellipsis) {
        out += "...";
        return true;
    }
    bool failed;
    bool use_repr = false;
    Ref<> origin = lookup_optional(ts, p, "__origin__", &failed);
    if (failed) return false;
    if (origin) {
        Ref<> args = lookup_optional(ts, p, "__args__", &failed);
        if (failed) return false;
        use_repr = bool(args);
    }
    if (!use_repr) {
        Ref<> qualname = lookup_optional(ts, p, "__qualname__", &failed);
        if (failed) return false;
        Ref<> module = qualname ? lookup_optional(ts, p, "__module__", &failed) : nullptr;
        if (failed) return false;
        if (qualname && module && module.get() != interp.None) {
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
    Ref<> r = object_repr(ts, p);
    if (!r) return false;
    out += str_utf8(r.get());
    return true;
}

Ref<> ga_repr(ThreadState* ts, Object* op) {
    auto* g = as_ga(op);
    std::string text = g->starred ? "*" : "";
    if (!repr_item(ts, g->origin, text)) return nullptr;
    text += '[';
    if (g->args->ob_size == 0) text += "()";
    for (isize i = 0; i < g->args->ob_size; i++) {
        if (i) text += ", ";
        Object* p = g->args->ob_item[i];
        if (type_of(p) == ts->interp->types.list) {   // a ParamSpec's substituted argument list
            auto* l = static_cast<ListObject*>(p);
            text += '[';
            for (isize j = 0; j < l->ob_size; j++) {
                if (j) text += ", ";
                if (!repr_item(ts, l->ob_item[j], text)) return nullptr;
            }
            text += ']';
        } else if (!repr_item(ts, p, text)) {
            return nullptr;
        }
    }
    text += ']';
    return str_from_utf8(ts, text);
}

// _Py_make_parameters: the type variables among the arguments (objects with
// __typing_subst__), and those of nested aliases, each once, in order.
Ref<TupleObject> make_parameters(ThreadState* ts, TupleObject* args) {
    std::vector<Object*> params;
    std::vector<Ref<>> keep;
    auto add = [&](Object* p) {
        for (Object* q : params)
            if (q == p) return;
        params.push_back(p);
    };
    for (isize i = 0; i < args->ob_size; i++) {
        Object* t = args->ob_item[i];
        if (is_class(t)) continue;   // not the __parameters__ descriptor of a bare class
        bool failed;
        Ref<> subst = lookup_optional(ts, t, "__typing_subst__", &failed);
        if (failed) return nullptr;
        if (subst) {
            add(t);
            continue;
        }
        Ref<> sub = lookup_optional(ts, t, "__parameters__", &failed);
        if (failed) return nullptr;
        if (sub && type_of(sub.get()) == ts->interp->types.tuple) {
            auto* st = static_cast<TupleObject*>(sub.get());
            for (isize j = 0; j < st->ob_size; j++) add(st->ob_item[j]);
            keep.push_back(std::move(sub));
        }
    }
    return tuple_from_array(ts, params.data(), isize(params.size()));
}

TupleObject* ga_parameters(ThreadState* ts, GenericAliasObject* g) {
    if (!g->parameters) {
        Ref<TupleObject> p = make_parameters(ts, g->args);
        if (!p) return nullptr;
        g->parameters = p.release();
    }
    return g->parameters;
}

// The attributes an alias answers itself; every other name is looked up on
// the origin (ga_getattro's attr_exceptions).
const char* const kOwnAttributes[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
};

Ref<> ga_getattro(ThreadState* ts, Object* self, Object* name) {
    if (is_str(name)) {
        std::string_view n = str_utf8(name);
        bool own = false;
        for (const char* a : kOwnAttributes)
            if (n == a) own = true;
        if (!own) return object_getattr(ts, as_ga(self)->origin, name);
    }
    return generic_getattr(ts, self, name);
}

// Calling the alias makes an instance of the origin, which remembers the
// alias in __orig_class__ when it can.
Ref<> ga_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    Ref<> obj = object_vectorcall(ts, as_ga(self)->origin, args, nargs, kwnames);
    if (!obj) return nullptr;
    if (object_setattr(ts, obj.get(), interp.intern("__orig_class__"), self) < 0) {
        if (!error_matches(ts, interp.exc.AttributeError) && !error_matches(ts, interp.exc.TypeError)) return nullptr;
        error_clear(ts);
    }
    return obj;
}

Ref<> ga_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (!is_generic_alias(b) || (op != Py_EQ && op != Py_NE)) return newref(interp.NotImplemented);
    auto *x = as_ga(a), *y = as_ga(b);
    if (x->starred != y->starred) return bool_from(ts, op != Py_EQ);
    int eq = object_richcompare_bool(ts, x->origin, y->origin, Py_EQ);
    if (eq < 0) return nullptr;
    if (!eq) return bool_from(ts, op != Py_EQ);
    return object_richcompare(ts, x->args, y->args, op);
}

int64_t ga_hash(ThreadState* ts, Object* op) {
    int64_t h0 = object_hash(ts, as_ga(op)->origin);
    if (h0 == -1) return -1;
    int64_t h1 = object_hash(ts, as_ga(op)->args);
    if (h1 == -1) return -1;
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

// alias[arg, ...]: substitute the alias's type variables (_Py_subs_parameters,
// for the common case of plain type variables).
Ref<> ga_getitem(ThreadState* ts, Object* self, Object* item) {
    Interpreter& interp = *ts->interp;
    auto* g = as_ga(self);
    TupleObject* params = ga_parameters(ts, g);
    if (!params) return nullptr;
    if (params->ob_size == 0) {
        Ref<> r = object_repr(ts, self);
        if (!r) return nullptr;
        return raise(ts, interp.exc.TypeError, std::string(str_utf8(r.get())) + " is not a generic class");
    }
    Ref<TupleObject> items = type_of(item) == interp.types.tuple ? Ref<TupleObject>(newref(static_cast<TupleObject*>(item)))
                                                                    : tuple_pack(ts, {item});
    if (!items) return nullptr;
    if (items->ob_size != params->ob_size) {
        Ref<> r = object_repr(ts, self);
        if (!r) return nullptr;
        return raise(ts, interp.exc.TypeError,
                     std::string(items->ob_size > params->ob_size ? "Too many" : "Too few") + " arguments for " +
                         std::string(str_utf8(r.get())) + "; actual " + std::to_string(items->ob_size) +
                         ", expected " + std::to_string(params->ob_size));
    }
    // Each parameter's value, checked by its __typing_subst__.
    std::vector<Ref<>> values;
    for (isize i = 0; i < params->ob_size; i++) {
        Object* arg = items->ob_item[i];
        Ref<> v = call_method(ts, params->ob_item[i], "__typing_subst__", &arg, 1);
        if (!v) {
            if (!error_matches(ts, interp.exc.AttributeError)) return nullptr;
            error_clear(ts);
            v = newref(arg);
        }
        values.push_back(std::move(v));
    }
    auto value_of = [&](Object* p) -> Object* {
        for (isize i = 0; i < params->ob_size; i++)
            if (params->ob_item[i] == p) return values[std::size_t(i)].get();
        return nullptr;
    };
    std::vector<Ref<>> out;
    for (isize i = 0; i < g->args->ob_size; i++) {
        Object* a = g->args->ob_item[i];
        if (Object* v = is_class(a) ? nullptr : value_of(a)) {
            out.push_back(newref(v));
            continue;
        }
        // A nested alias: substitute its own parameters.
        bool failed;
        Ref<> sub = is_class(a) ? nullptr : lookup_optional(ts, a, "__parameters__", &failed);
        if (!is_class(a) && failed) return nullptr;
        if (sub && type_of(sub.get()) == interp.types.tuple && static_cast<TupleObject*>(sub.get())->ob_size) {
            auto* sp = static_cast<TupleObject*>(sub.get());
            std::vector<Object*> subargs;
            for (isize j = 0; j < sp->ob_size; j++) {
                Object* v = value_of(sp->ob_item[j]);
                subargs.push_back(v ? v : sp->ob_item[j]);
            }
            Ref<TupleObject> st = tuple_from_array(ts, subargs.data(), isize(subargs.size()));
            if (!st) return nullptr;
            Ref<> r = object_getitem(ts, a, st->ob_size == 1 ? st->ob_item[0] : static_cast<Object*>(st.get()));
            if (!r) return nullptr;
            out.push_back(std::move(r));
            continue;
        }
        out.push_back(newref(a));
    }
    std::vector<Object*> raw;
    for (auto& r : out) raw.push_back(r.get());
    Ref<TupleObject> newargs = tuple_from_array(ts, raw.data(), isize(raw.size()));
    if (!newargs) return nullptr;
    Ref<> res = generic_alias_new(ts, g->origin, newargs.get());
    if (res) as_ga(res.get())->starred = g->starred;
    return res;
}

Ref<> ga_or(ThreadState* ts, Object* a, Object* b) { return union_type_or(ts, a, b); }

Ref<> alias_alloc(ThreadState* ts, TypeObject* type, Object* origin, Object* args);

Ref<> ga_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (kwnames && kwnames->ob_size) return raise(ts, interp.exc.TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 2)
        return raise(ts, interp.exc.TypeError,
                     "GenericAlias expected 2 arguments, got " + std::to_string(nargs));
    return alias_alloc(ts, type, args[0], args[1]);
}

Ref<> ga_get_origin(ThreadState*, Object* self) { return newref(as_ga(self)->origin); }
Ref<> ga_get_args(ThreadState*, Object* self) { return newref<Object>(as_ga(self)->args); }
Ref<> ga_get_parameters(ThreadState* ts, Object* self) {
    TupleObject* p = ga_parameters(ts, as_ga(self));
    return p ? newref<Object>(p) : nullptr;
}
Ref<> ga_get_unpacked(ThreadState* ts, Object* self) {
    return bool_from(ts, as_ga(self)->starred);
}

Ref<> ga_mro_entries(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__mro_entries__", kw) || !check_nargs(ts, "__mro_entries__", nargs, 1, 1)) return nullptr;
    return tuple_pack(ts, {as_ga(self)->origin});
}

Ref<> ga_instancecheck(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__instancecheck__", kw) || !check_nargs(ts, "__instancecheck__", nargs, 1, 1))
        return nullptr;
    return raise(ts, ts->interp->exc.TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

Ref<> ga_subclasscheck(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__subclasscheck__", kw) || !check_nargs(ts, "__subclasscheck__", nargs, 1, 1))
        return nullptr;
    return raise(ts, ts->interp->exc.TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Ref<> ga_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    Ref<TupleObject> inner = tuple_pack(ts, {as_ga(self)->origin, as_ga(self)->args});
    if (!inner) return nullptr;
    return tuple_pack(ts, {type_of(self), inner.get()});
}

Ref<> ga_dir(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    Ref<> d = call_method(ts, as_ga(self)->origin, "__dir__", nullptr, 0);
    Ref<ListObject> l = d ? list_from_iterable(ts, d.get()) : nullptr;
    if (!l) return nullptr;
    for (const char* a : kOwnAttributes) {
        Ref<> s = str_from_utf8(ts, a);
        if (!s) return nullptr;
        int has = sequence_contains(ts, l.get(), s.get());
        if (has < 0) return nullptr;
        if (!has && !list_append(ts, l.get(), s.get())) return nullptr;
    }
    return l;
}

// Py_GenericAlias as a classmethod: cls[item] -> GenericAlias(cls, item).
Ref<> class_getitem(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__class_getitem__", kw) || !check_nargs(ts, "__class_getitem__", nargs, 1, 1))
        return nullptr;
    return generic_alias_new(ts, cls, args[0]);
}

const GetSetDef kGaGetSets[] = {
    {"__origin__", ga_get_origin, nullptr, nullptr},
    {"__args__", ga_get_args, nullptr, nullptr},
    {"__parameters__", ga_get_parameters, nullptr, "Type variables in the GenericAlias."},
    {"__unpacked__", ga_get_unpacked, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kGaMethods[] = {
    {"__mro_entries__", ga_mro_entries, METH_DEFAULT, nullptr},
    {"__instancecheck__", ga_instancecheck, METH_DEFAULT, nullptr},
    {"__subclasscheck__", ga_subclasscheck, METH_DEFAULT, nullptr},
    {"__reduce__", ga_reduce, METH_DEFAULT, nullptr},
    {"__dir__", ga_dir, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

const MethodDef kGenericAliasClassGetitem[] = {
    {"__class_getitem__", class_getitem, METH_CLASS, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

bool is_generic_alias(Object* o) { return type_of(o) == type_of(o)->interp->types.generic_alias; }

namespace {
// An alias of class `type` (GenericAlias or a subclass written in Python,
// like collections.abc's _CallableGenericAlias).
Ref<> alias_alloc(ThreadState* ts, TypeObject* type, Object* origin, Object* args) {
    Interpreter& interp = *ts->interp;
    Ref<TupleObject> t = type_of(args) == interp.types.tuple ? Ref<TupleObject>(newref(static_cast<TupleObject*>(args)))
                                                              : tuple_pack(ts, {args});
    if (!t) return nullptr;
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    auto* g = as_ga(op);
    g->origin = newref(origin).release();
    g->args = t.release();
    g->parameters = nullptr;
    g->starred = false;
    interp.gc.track(op);
    return Ref<>::steal(op);
}
}  // namespace

Ref<> generic_alias_new(ThreadState* ts, Object* origin, Object* args) {
    return alias_alloc(ts, ts->interp->types.generic_alias, origin, args);
}

bool init_generic_alias_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.generic_alias, "types.GenericAlias",
                                        sizeof(GenericAliasObject), TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
    if (!t) return false;
    t->tp_dealloc = ga_dealloc;
    t->tp_traverse = ga_traverse;
    t->tp_repr = ga_repr;
    t->tp_hash = ga_hash;
    t->tp_richcompare = ga_richcompare;
    t->tp_getattro = ga_getattro;
    t->tp_call = ga_call;
    t->tp_new = ga_new;
    t->tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
    t->number_storage.nb_or = ga_or;
    t->tp_as_number = &t->number_storage;
    t->mapping_storage.mp_subscript = ga_getitem;
    t->tp_as_mapping = &t->mapping_storage;
    if (!add_type_members(ts, t, kGaMethods, kGaGetSets)) return false;
    // The built-in classes that are generic (those with Py_GenericAlias in
    // their method tables in CPython 3.11).
    for (TypeObject* cls : {interp.types.list, interp.types.dict, interp.types.tuple, interp.types.set,
                            interp.types.frozenset, interp.types.type, interp.types.enumerate})
        if (cls && !type_add_methods(ts, cls, kGenericAliasClassGetitem)) return false;
    return true;
}

}  // namespace gp
