// genericaliasobject.cpp — types.GenericAlias (see genericaliasobject.h).
#include "objects/genericaliasobject.h"

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/unionobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static GenericAliasObject* as_ga(Object* o) { return static_cast<GenericAliasObject*>(o); }
static bool is_class(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }

bool is_generic_alias(Object* o) { return isinstance_of(o, type_of(o)->interp->types.generic_alias); }

static Ref<> ga_alloc(ThreadState* ts, TypeObject* type, Object* origin, Object* args) {
    Ref<TupleObject> t;
    if (is_tuple(args)) {
        t = Ref<TupleObject>::borrow(as_tuple(args));
    } else {
        t = tuple_pack(ts, {args});
        if (!t) return nullptr;
    }
    auto* ga = as_ga(object_alloc(ts, type, 0));
    if (!ga) return nullptr;
    ga->origin = newref(origin).release();
    ga->args = t.release();
    ga->parameters = nullptr;
    ga->weakreflist = nullptr;
    ts->interp->gc.track(ga);
    return Ref<>::steal(ga);
}

Ref<> generic_alias_new(ThreadState* ts, Object* origin, Object* args) {
    return ga_alloc(ts, ts->interp->types.generic_alias, origin, args);
}

static void ga_dealloc(Object* op) {
    auto* ga = as_ga(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(ga->origin);
    xdecref(ga->args);
    xdecref(ga->parameters);
    object_free(op);
}

static int ga_traverse(Object* op, visitproc visit, void* arg) {
    auto* ga = as_ga(op);
    for (Object* o : {ga->origin, static_cast<Object*>(ga->args), static_cast<Object*>(ga->parameters)})
        if (o && visit(o, arg)) return 1;
    return 0;
}

// ------------------------------------------------------------ repr

static Ref<> lookup_optional(ThreadState* ts, Object* o, const char* name, bool* failed) {
    *failed = false;
    Ref<> v = object_getattr_cstr(ts, o, name);
    if (!v) {
        if (error_matches(ts, ts->interp->exc.AttributeError)) error_clear(ts);
        else *failed = true;
    }
    return v;
}

bool type_repr_item(ThreadState* ts, Object* p, std::string& out) {
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
        use_repr = bool(args);   // an alias itself: its own repr
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

// list[int], dict[str, list[int]], tuple[()], Callable's [[int], str].
static Ref<> ga_repr(ThreadState* ts, Object* op) {
    auto* ga = as_ga(op);
    std::string text;
    if (!type_repr_item(ts, ga->origin, text)) return nullptr;
    text += '[';
    TupleObject* args = ga->args;
    if (args->ob_size == 0) text += "()";
    for (isize i = 0; i < args->ob_size; i++) {
        if (i) text += ", ";
        Object* p = args->ob_item[i];
        if (isinstance_exact(p, ts->interp->types.list)) {
            text += '[';
            for (isize j = 0; j < as_list(p)->ob_size; j++) {
                if (j) text += ", ";
                if (!type_repr_item(ts, as_list(p)->ob_item[j], text)) return nullptr;
            }
            text += ']';
        } else if (!type_repr_item(ts, p, text)) {
            return nullptr;
        }
    }
    text += ']';
    return str_from_utf8(ts, text);
}

// ------------------------------------------------------------ parameters

// _Py_make_parameters: the type variables among the arguments, and those of
// arguments that are aliases themselves, first appearance first. Bare
// classes are skipped (a Generic subclass's own __parameters__ are not the
// alias's).
Ref<TupleObject> make_type_parameters(ThreadState* ts, TupleObject* args) {
    std::vector<Object*> params;
    auto add = [&](Object* p) {
        for (Object* q : params)
            if (q == p) return;
        params.push_back(p);
    };
    std::vector<Ref<>> keep;
    for (isize i = 0; i < args->ob_size; i++) {
        Object* t = args->ob_item[i];
        if (is_class(t)) continue;
        bool failed;
        Ref<> subst = lookup_optional(ts, t, "__typing_subst__", &failed);
        if (failed) return nullptr;
        if (subst) {
            add(t);
            continue;
        }
        Ref<> sub = lookup_optional(ts, t, "__parameters__", &failed);
        if (failed) return nullptr;
        if (sub && is_tuple(sub.get())) {
            for (isize j = 0; j < as_tuple(sub.get())->ob_size; j++) add(as_tuple(sub.get())->ob_item[j]);
            keep.push_back(std::move(sub));
        }
    }
    return tuple_from_array(ts, params.data(), isize(params.size()));
}

static Ref<> ga_get_parameters(ThreadState* ts, Object* self) {
    auto* ga = as_ga(self);
    if (!ga->parameters) {
        Ref<TupleObject> p = make_type_parameters(ts, ga->args);
        if (!p) return nullptr;
        ga->parameters = p.release();
    }
    return newref<Object>(ga->parameters);
}

static isize tuple_index(TupleObject* t, Object* item) {
    for (isize i = 0; i < t->ob_size; i++)
        if (t->ob_item[i] == item) return i;
    return -1;
}

// _Py_subs_parameters: alias[items] replaces each type variable by the
// matching item, inside nested aliases too.
Ref<TupleObject> subs_type_parameters(ThreadState* ts, Object* self, TupleObject* args, TupleObject* params,
                                      Object* item) {
    if (params->ob_size == 0) {
        Ref<> r = object_repr(ts, self);
        if (!r) return nullptr;
        return raise(ts, ts->interp->exc.TypeError, std::string(str_utf8(r.get())) + " is not a generic class");
    }
    Ref<TupleObject> items;
    if (is_tuple(item)) {
        items = Ref<TupleObject>::borrow(as_tuple(item));
    } else {
        items = tuple_pack(ts, {item});
        if (!items) return nullptr;
    }
    if (items->ob_size != params->ob_size) {
        Ref<> r = object_repr(ts, self);
        if (!r) return nullptr;
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("Too ") + (items->ob_size > params->ob_size ? "many" : "few") + " arguments for " +
                         std::string(str_utf8(r.get())) + "; actual " + std::to_string(items->ob_size) +
                         ", expected " + std::to_string(params->ob_size));
    }
    Ref<TupleObject> newargs = tuple_new(ts, args->ob_size);
    if (!newargs) return nullptr;
    for (isize i = 0; i < args->ob_size; i++) {
        Object* arg = args->ob_item[i];
        Ref<> value;
        bool failed = false;
        if (is_class(arg)) {
            value = newref(arg);
        } else if (Ref<> subst = lookup_optional(ts, arg, "__typing_subst__", &failed); subst) {
            isize k = tuple_index(params, arg);
            value = object_call_one(ts, subst.get(), items->ob_item[k < 0 ? 0 : k]);
        } else if (!failed) {
            Ref<> sub = lookup_optional(ts, arg, "__parameters__", &failed);
            if (!failed && sub && is_tuple(sub.get()) && as_tuple(sub.get())->ob_size > 0) {
                TupleObject* sp = as_tuple(sub.get());
                Ref<TupleObject> subargs = tuple_new(ts, sp->ob_size);
                if (!subargs) return nullptr;
                for (isize j = 0; j < sp->ob_size; j++) {
                    isize k = tuple_index(params, sp->ob_item[j]);
                    subargs->ob_item[j] = newref(items->ob_item[k < 0 ? 0 : k]).release();
                }
                Object* key = sp->ob_size == 1 ? subargs->ob_item[0] : static_cast<Object*>(subargs.get());
                value = object_getitem(ts, arg, key);
            } else if (!failed) {
                value = newref(arg);
            }
        }
        if (failed || !value) return nullptr;
        newargs->ob_item[i] = value.release();
    }
    return newargs;
}

static Ref<> ga_getitem(ThreadState* ts, Object* self, Object* item) {
    auto* ga = as_ga(self);
    Ref<> params = ga_get_parameters(ts, self);
    if (!params) return nullptr;
    Ref<TupleObject> newargs = subs_type_parameters(ts, self, ga->args, as_tuple(params.get()), item);
    if (!newargs) return nullptr;
    return ga_alloc(ts, type_of(self), ga->origin, newargs.get());
}

// ------------------------------------------------------------ behaviour

// list[int](...) is list(...), with __orig_class__ recorded where possible.
static Ref<> ga_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Ref<> obj = object_vectorcall(ts, as_ga(self)->origin, args, nargs, kwnames);
    if (!obj) return nullptr;
    if (object_setattr(ts, obj.get(), ts->interp->intern("__orig_class__"), self) < 0) {
        if (!error_matches(ts, ts->interp->exc.AttributeError) && !error_matches(ts, ts->interp->exc.TypeError))
            return nullptr;
        error_clear(ts);
    }
    return obj;
}

// Names the alias answers itself; every other attribute is the origin's.
static bool ga_own_attribute(std::string_view n) {
    static const char* const own[] = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                                      "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                                      "__reduce__", "__copy__", "__deepcopy__"};
    for (const char* o : own)
        if (n == o) return true;
    return false;
}

static Ref<> ga_getattro(ThreadState* ts, Object* self, Object* name) {
    if (is_str(name) && !ga_own_attribute(str_utf8(name))) return object_getattr(ts, as_ga(self)->origin, name);
    return generic_getattr(ts, self, name);
}

static Ref<> ga_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (!is_generic_alias(b) || (op != Py_EQ && op != Py_NE)) return newref(interp.NotImplemented);
    int eq = object_richcompare_bool(ts, as_ga(a)->origin, as_ga(b)->origin, Py_EQ);
    if (eq < 0) return nullptr;
    if (eq) {
        eq = object_richcompare_bool(ts, as_ga(a)->args, as_ga(b)->args, Py_EQ);
        if (eq < 0) return nullptr;
    }
    return bool_from(ts, op == Py_EQ ? eq == 1 : eq == 0);
}

static int64_t ga_hash(ThreadState* ts, Object* self) {
    int64_t h0 = object_hash(ts, as_ga(self)->origin);
    if (h0 == -1) return -1;
    int64_t h1 = object_hash(ts, as_ga(self)->args);
    if (h1 == -1) return -1;
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static Ref<> ga_mro_entries(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__mro_entries__", kw) || !check_nargs(ts, "__mro_entries__", nargs, 1, 1)) return nullptr;
    return tuple_pack(ts, {as_ga(self)->origin});
}

static Ref<> ga_instancecheck(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Ref<> ga_subclasscheck(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Ref<> ga_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    Ref<TupleObject> inner = tuple_pack(ts, {as_ga(self)->origin, as_ga(self)->args});
    if (!inner) return nullptr;
    return tuple_pack(ts, {type_of(self), inner.get()});
}

// dir(): the origin's names plus the alias's own.
static Ref<> ga_dir(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    Ref<> names = call_method(ts, as_ga(self)->origin, "__dir__", nullptr, 0);
    if (!names) return nullptr;
    Ref<ListObject> list = list_from_iterable(ts, names.get());
    if (!list) return nullptr;
    for (const char* extra : {"__origin__", "__args__", "__parameters__", "__mro_entries__", "__reduce_ex__",
                              "__reduce__", "__copy__", "__deepcopy__"}) {
        Ref<> s = str_intern_cstr(ts, extra);
        if (!s) return nullptr;
        int has = sequence_contains(ts, list.get(), s.get());
        if (has < 0) return nullptr;
        if (!has && !list_append(ts, list.get(), s.get())) return nullptr;
    }
    return Ref<>(std::move(list));
}

static Ref<> ga_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size)
        return raise(ts, ts->interp->exc.TypeError, "GenericAlias() takes no keyword arguments");
    if (!check_positional(ts, "GenericAlias", nargs, 2, 2)) return nullptr;
    return ga_alloc(ts, type, args[0], args[1]);
}

static Ref<> ga_get_origin(ThreadState*, Object* self) { return newref(as_ga(self)->origin); }
static Ref<> ga_get_args(ThreadState*, Object* self) { return newref<Object>(as_ga(self)->args); }

static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_get_origin, nullptr, nullptr},
    {"__args__", ga_get_args, nullptr, nullptr},
    {"__parameters__", ga_get_parameters, nullptr, "Type variables in the GenericAlias."},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, 0, nullptr},
    {"__instancecheck__", ga_instancecheck, 0, nullptr},
    {"__subclasscheck__", ga_subclasscheck, 0, nullptr},
    {"__reduce__", ga_reduce, 0, nullptr},
    {"__dir__", ga_dir, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ __class_getitem__

// cls[item] for the built-in generic classes: GenericAlias(cls, item). It
// is a classmethod around an unbound function, so cls arrives first and a
// subclass gets itself as the origin (class L(list) -> L[int]).
static Ref<> class_getitem(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__class_getitem__", kw) || !check_nargs(ts, "__class_getitem__", nargs, 2, 2)) return nullptr;
    return generic_alias_new(ts, args[0], args[1]);
}

static const MethodDef class_getitem_def = {"__class_getitem__", class_getitem, 0, "See PEP 585"};

bool type_add_class_getitem(ThreadState* ts, TypeObject* type) {
    if (!type->tp_dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return false;
        type->tp_dict = d.release();
    }
    Ref<> f = cfunction_new(ts, &class_getitem_def, nullptr);
    if (!f) return false;
    Ref<> cm = classmethod_new(ts, f.get());
    return cm && dict_set_cstr(ts, type->tp_dict, "__class_getitem__", cm.get());
}

bool init_generic_alias_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.generic_alias, "types.GenericAlias",
                                        sizeof(GenericAliasObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->cpython = {56, 0, 0, 40};
    t->tp_weaklistoffset = isize(offsetof(GenericAliasObject, weakreflist));
    t->tp_dealloc = ga_dealloc;
    t->tp_traverse = ga_traverse;
    t->tp_repr = ga_repr;
    t->tp_hash = ga_hash;
    t->tp_richcompare = ga_richcompare;
    t->tp_call = ga_call;
    t->tp_getattro = ga_getattro;
    t->tp_new = ga_new_slot;
    t->tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
    t->mapping_storage.mp_subscript = ga_getitem;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_or = union_type_or;
    t->tp_as_number = &t->number_storage;
    if (!add_type_members(ts, t, ga_methods, ga_getsets)) return false;
    // The built-in classes that are generic (3.11): list[int], dict[str, int], ...
    // (type[int] is special-cased by object_getitem instead: a
    // __class_getitem__ on type would make every class subscriptable.)
    for (TypeObject* g : {interp.types.list, interp.types.tuple, interp.types.dict, interp.types.set,
                          interp.types.frozenset, interp.types.enumerate})
        if (!type_add_class_getitem(ts, g)) return false;
    return true;
}

}  // namespace gp
