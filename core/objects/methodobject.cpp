// methodobject.cpp — builtin functions and methods (builtin_function_or_method),
// method and getset descriptors, and argument binding for C++ functions.
#include "objects/methodobject.h"

#include <algorithm>

#include <cstring>

#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/tupleobject.h"
#include "objects/funcobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------ builtin_function_or_method

Ref<> cfunction_new(ThreadState* ts, const MethodDef* def, Object* self, Object* module) {
    auto* f = static_cast<CFunctionObject*>(object_alloc(ts, ts->interp->types.builtin_function, 0));
    if (!f) return nullptr;
    f->def = def;
    f->self = self;
    xincref(self);
    f->module = module;
    xincref(module);
    ts->interp->gc.track(f);
    return Ref<>::steal(f);
}

static void cfunction_dealloc(Object* op) {
    auto* f = static_cast<CFunctionObject*>(op);
    xdecref(f->self);
    xdecref(f->module);
    object_free(op);
}

static int cfunction_traverse(Object* op, visitproc visit, void* arg) {
    auto* f = static_cast<CFunctionObject*>(op);
    if (f->self && visit(f->self, arg)) return 1;
    if (f->module && visit(f->module, arg)) return 1;
    return 0;
}

static Ref<> cfunction_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                            TupleObject* kwnames) {
    auto* f = static_cast<CFunctionObject*>(callable);
    return f->def->fn(ts, f->self, args, nargs, kwnames);
}

static Ref<> cfunction_repr(ThreadState* ts, Object* op) {
    auto* f = static_cast<CFunctionObject*>(op);
    bool bound = f->self && type_of(f->self) != ts->interp->types.module;
    if (!bound) return str_from_utf8(ts, std::string("<built-in function ") + f->def->name + ">");
    std::string text = std::string("<built-in method ") + f->def->name + " of " +
                       type_of(f->self)->tp_name + " object at ";
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(f->self));
    return str_from_utf8(ts, text + addr + ">");
}

Ref<> reduce_as_getattr(ThreadState* ts, Object* owner, Object* name) {
    Interpreter& interp = *ts->interp;
    Object* getattr = dict_get_cstr(ts, interp.builtins->md_dict, "getattr");
    if (!getattr) return raise(ts, interp.exc.RuntimeError, "lost builtins.getattr");
    Ref<TupleObject> args = tuple_new(ts, 2);
    if (!args) return nullptr;
    args->ob_item[0] = newref(owner).release();
    args->ob_item[1] = newref(name).release();
    Ref<TupleObject> r = tuple_new(ts, 2);
    if (!r) return nullptr;
    r->ob_item[0] = newref(getattr).release();
    r->ob_item[1] = args.release();
    return r;
}

// builtin_function_or_method.__reduce__ (meth_reduce): a module-level
// function pickles as its name (pickle looks it up in its module), a
// method bound to an object as getattr(obj, name).
static Ref<> cfunction_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* f = static_cast<CFunctionObject*>(self);
    Ref<> name = str_from_utf8(ts, f->def->name);
    if (!name || !f->self || type_of(f->self) == ts->interp->types.module) return name;
    return reduce_as_getattr(ts, f->self, name.get());
}

static Ref<> method_descr_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* d = static_cast<MethodDescrObject*>(self);
    Ref<> name = str_from_utf8(ts, d->def->name);
    if (!name) return nullptr;
    return reduce_as_getattr(ts, d->d_type, name.get());
}

static const MethodDef cfunction_methods[] = {
    {"__reduce__", cfunction_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef method_descr_methods[] = {
    {"__reduce__", method_descr_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------- __doc__ and __text_signature__

// A built-in's doc may open with its signature, "name(sig)\n--\n\n", which
// __text_signature__ shows and __doc__ leaves out (typeobject.c:
// _PyType_GetDocFromInternalDoc / _PyType_GetTextSignatureFromInternalDoc).
// Returns where the signature's '(' is, or npos.
static std::size_t signature_start(std::string_view name, std::string_view doc) {
    if (doc.substr(0, name.size()) != name || doc.size() <= name.size() || doc[name.size()] != '(')
        return std::string_view::npos;
    return name.size();
}

// Just past ")\n--\n\n", or npos if a blank line comes first.
static std::size_t signature_end(std::string_view doc, std::size_t from) {
    static constexpr std::string_view kMarker = ")\n--\n\n";
    for (std::size_t i = from; i < doc.size(); i++) {
        if (doc.compare(i, kMarker.size(), kMarker) == 0) return i + kMarker.size();
        if (doc[i] == '\n' && i + 1 < doc.size() && doc[i + 1] == '\n') return std::string_view::npos;
    }
    return std::string_view::npos;
}

Ref<> builtin_doc(ThreadState* ts, const char* name, const char* doc) {
    if (!doc || !*doc) return newref(ts->interp->None);
    std::string_view d(doc);
    std::size_t start = signature_start(name, d);
    if (start != std::string_view::npos) {
        std::size_t end = signature_end(d, start);
        if (end != std::string_view::npos) d = d.substr(end);
    }
    if (d.empty()) return newref(ts->interp->None);
    return str_from_utf8(ts, d);
}

Ref<> builtin_text_signature(ThreadState* ts, const char* name, const char* doc) {
    if (!doc) return newref(ts->interp->None);
    std::string_view d(doc);
    std::size_t start = signature_start(name, d);
    if (start == std::string_view::npos) return newref(ts->interp->None);
    std::size_t end = signature_end(d, start);
    if (end == std::string_view::npos) return newref(ts->interp->None);
    return str_from_utf8(ts, d.substr(start, end - 5 - start));   // up to and including ')'
}

// ------------------------------------------------ builtin_function_or_method attributes

static CFunctionObject* as_cfunc(Object* o) { return static_cast<CFunctionObject*>(o); }

static Ref<> cfunc_get_name(ThreadState* ts, Object* o) { return str_from_utf8(ts, as_cfunc(o)->def->name); }

// A function of a module: its name; a method: "<type qualname>.<name>",
// of the class for class methods (methodobject.c: meth_get__qualname__).
static Ref<> cfunc_get_qualname(ThreadState* ts, Object* o) {
    CFunctionObject* f = as_cfunc(o);
    if (!f->self || type_of(f->self) == ts->interp->types.module) return str_from_utf8(ts, f->def->name);
    TypeObject* t = type_has_flag(type_of(f->self), TPFLAGS_TYPE_SUBCLASS) ? static_cast<TypeObject*>(f->self)
                                                                           : type_of(f->self);
    return str_from_utf8(ts, type_qualname(t) + "." + f->def->name);
}

static Ref<> cfunc_get_self(ThreadState* ts, Object* o) {
    Object* self = as_cfunc(o)->self;
    return newref(self ? self : ts->interp->None);
}

static Ref<> cfunc_get_module(ThreadState* ts, Object* o) {
    Object* m = as_cfunc(o)->module;
    return newref(m ? m : ts->interp->None);
}

static int cfunc_set_module(ThreadState* ts, Object* o, Object* v) {
    CFunctionObject* f = as_cfunc(o);
    Object* old = f->module;
    f->module = v && v != ts->interp->None ? v : nullptr;
    xincref(f->module);
    xdecref(old);
    return 0;
}

static Ref<> cfunc_get_doc(ThreadState* ts, Object* o) {
    return builtin_doc(ts, as_cfunc(o)->def->name, as_cfunc(o)->def->doc);
}
static Ref<> cfunc_get_text_signature(ThreadState* ts, Object* o) {
    return builtin_text_signature(ts, as_cfunc(o)->def->name, as_cfunc(o)->def->doc);
}

static const GetSetDef cfunction_getsets[] = {
    {"__name__", cfunc_get_name, nullptr, nullptr},
    {"__qualname__", cfunc_get_qualname, nullptr, nullptr},
    {"__self__", cfunc_get_self, nullptr, nullptr},
    {"__module__", cfunc_get_module, cfunc_set_module, nullptr},
    {"__doc__", cfunc_get_doc, nullptr, nullptr},
    {"__text_signature__", cfunc_get_text_signature, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------- method_descriptor

// Descriptors refer to their class, which refers to them through its dict:
// they are containers, as in CPython (descr_traverse).
static int descr_traverse(Object* op, visitproc visit, void* arg) {
    auto* d = static_cast<MethodDescrObject*>(op);
    return d->d_type ? visit(d->d_type, arg) : 0;
}

static void descr_dealloc(Object* op) {
    auto* d = static_cast<MethodDescrObject*>(op);
    xdecref(d->d_type);
    object_free(op);
}

// A descriptor of class C applies to instances of C only: the C++ code
// behind it reads the instance as a C (descrobject.c: descr_check).
static bool applies_to(ThreadState* ts, TypeObject* owner, Object* obj, const char* name) {
    if (isinstance_of(obj, owner)) return true;
    raise(ts, ts->interp->exc.TypeError, std::string("descriptor '") + name + "' for '" + owner->tp_name +
                                             "' objects doesn't apply to a '" + type_name(obj) + "' object");
    return false;
}

static Ref<> method_descr_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
    auto* d = static_cast<MethodDescrObject*>(descr);
    if (!obj) return newref(descr);
    if (d->def->flags & METH_CLASS) {
        // Inside a classmethod, bound to a class: it must be a subclass
        // (descrobject.c: classmethod_get).
        bool is_class = type_has_flag(type_of(obj), TPFLAGS_TYPE_SUBCLASS);
        if (!is_class || !type_is_subtype(static_cast<TypeObject*>(obj), d->d_type))
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("descriptor '") + d->def->name + "' requires a subtype of '" +
                             d->d_type->tp_name + "' but received '" +
                             (is_class ? static_cast<TypeObject*>(obj)->tp_name : std::string(type_name(obj))) + "'");
    } else if (!applies_to(ts, d->d_type, obj, d->def->name)) {
        return nullptr;
    }
    return cfunction_new(ts, d->def, obj);
}

// Calling the unbound descriptor: list.append(lst, x).
static Ref<> method_descr_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                               TupleObject* kwnames) {
    auto* d = static_cast<MethodDescrObject*>(callable);
    if (nargs < 1)
        return raise(ts, ts->interp->exc.TypeError,
                     "unbound method " + d->d_type->tp_name + "." + d->def->name +
                         "() needs an argument");
    if (!isinstance_of(args[0], d->d_type))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("descriptor '") + d->def->name + "' for '" + d->d_type->tp_name +
                         "' objects doesn't apply to a '" + type_name(args[0]) + "' object");
    return d->def->fn(ts, args[0], args + 1, nargs - 1, kwnames);
}

static Ref<> method_descr_repr(ThreadState* ts, Object* op) {
    auto* d = static_cast<MethodDescrObject*>(op);
    return str_from_utf8(ts, std::string("<method '") + d->def->name + "' of '" +
                                 d->d_type->tp_name + "' objects>");
}

static MethodDescrObject* as_mdescr(Object* o) { return static_cast<MethodDescrObject*>(o); }
static Ref<> mdescr_get_name(ThreadState* ts, Object* o) { return str_from_utf8(ts, as_mdescr(o)->def->name); }
static Ref<> mdescr_get_qualname(ThreadState* ts, Object* o) {
    return str_from_utf8(ts, type_qualname(as_mdescr(o)->d_type) + "." + as_mdescr(o)->def->name);
}
static Ref<> mdescr_get_objclass(ThreadState*, Object* o) { return newref<Object>(as_mdescr(o)->d_type); }
static Ref<> mdescr_get_doc(ThreadState* ts, Object* o) {
    return builtin_doc(ts, as_mdescr(o)->def->name, as_mdescr(o)->def->doc);
}
static Ref<> mdescr_get_text_signature(ThreadState* ts, Object* o) {
    return builtin_text_signature(ts, as_mdescr(o)->def->name, as_mdescr(o)->def->doc);
}

static const GetSetDef method_descr_getsets[] = {
    {"__name__", mdescr_get_name, nullptr, nullptr},
    {"__qualname__", mdescr_get_qualname, nullptr, nullptr},
    {"__objclass__", mdescr_get_objclass, nullptr, nullptr},
    {"__doc__", mdescr_get_doc, nullptr, nullptr},
    {"__text_signature__", mdescr_get_text_signature, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------- getset_descriptor

static Ref<> getset_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
    auto* d = static_cast<GetSetDescrObject*>(descr);
    if (!obj) return newref(descr);
    if (!applies_to(ts, d->d_type, obj, d->def->name)) return nullptr;
    return d->def->get(ts, obj);
}

static int getset_set(ThreadState* ts, Object* descr, Object* obj, Object* value) {
    auto* d = static_cast<GetSetDescrObject*>(descr);
    if (!applies_to(ts, d->d_type, obj, d->def->name)) return -1;
    if (!d->def->set) {
        raise(ts, ts->interp->exc.AttributeError,
              std::string("attribute '") + d->def->name + "' of '" + d->d_type->tp_name +
                  "' objects is not writable");
        return -1;
    }
    return d->def->set(ts, obj, value);
}

static Ref<> getset_repr(ThreadState* ts, Object* op) {
    auto* d = static_cast<GetSetDescrObject*>(op);
    return str_from_utf8(ts, std::string("<attribute '") + d->def->name + "' of '" +
                                 d->d_type->tp_name + "' objects>");
}

static GetSetDescrObject* as_gsdescr(Object* o) { return static_cast<GetSetDescrObject*>(o); }
static Ref<> gsdescr_get_name(ThreadState* ts, Object* o) { return str_from_utf8(ts, as_gsdescr(o)->def->name); }
static Ref<> gsdescr_get_qualname(ThreadState* ts, Object* o) {
    return str_from_utf8(ts, type_qualname(as_gsdescr(o)->d_type) + "." + as_gsdescr(o)->def->name);
}
static Ref<> gsdescr_get_objclass(ThreadState*, Object* o) { return newref<Object>(as_gsdescr(o)->d_type); }
static Ref<> gsdescr_get_doc(ThreadState* ts, Object* o) {
    const char* doc = as_gsdescr(o)->def->doc;
    return doc ? str_from_utf8(ts, doc) : newref(ts->interp->None);
}

static const GetSetDef getset_descr_getsets[] = {
    {"__name__", gsdescr_get_name, nullptr, nullptr},
    {"__qualname__", gsdescr_get_qualname, nullptr, nullptr},
    {"__objclass__", gsdescr_get_objclass, nullptr, nullptr},
    {"__doc__", gsdescr_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// Types get their __dict__ in type_ready(); init functions that run before it
// create it here.
static bool ensure_type_dict(ThreadState* ts, TypeObject* type) {
    if (type->tp_dict) return true;
    Ref<DictObject> d = dict_new(ts);
    if (!d) return false;
    type->tp_dict = d.release();
    return true;
}

bool type_add_methods(ThreadState* ts, TypeObject* type, const MethodDef* defs) {
    if (!ensure_type_dict(ts, type)) return false;
    for (const MethodDef* def = defs; def->name; def++) {
        Ref<> value;
        if (def->flags & METH_STATIC) {
            Ref<> f = cfunction_new(ts, def, nullptr);
            value = f ? staticmethod_new(ts, f.get()) : nullptr;
        } else {
            auto* d = static_cast<MethodDescrObject*>(
                object_alloc(ts, ts->interp->types.method_descriptor, 0));
            if (!d) return false;
            d->def = def;
            d->d_type = type;
            incref(type);
            ts->interp->gc.track(d);
            value = Ref<>::steal(d);
            // As type_ready's add_methods: a class method binds to the class it
            // is looked up on (a subclass gets itself), through classmethod.
            if (def->flags & METH_CLASS) value = classmethod_new(ts, value.get());
        }
        if (!value || !dict_set_cstr(ts, type->tp_dict, def->name, value.get())) return false;
    }
    return true;
}

bool type_add_getsets(ThreadState* ts, TypeObject* type, const GetSetDef* defs) {
    if (!ensure_type_dict(ts, type)) return false;
    for (const GetSetDef* def = defs; def->name; def++) {
        auto* d = static_cast<GetSetDescrObject*>(
            object_alloc(ts, ts->interp->types.getset_descriptor, 0));
        if (!d) return false;
        d->def = def;
        d->d_type = type;
        incref(type);
        ts->interp->gc.track(d);
        Ref<> value = Ref<>::steal(d);
        if (!dict_set_cstr(ts, type->tp_dict, def->name, value.get())) return false;
    }
    return true;
}

bool init_descr_types(ThreadState* ts) {
    BuiltinTypes& t = ts->interp->types;
    t.builtin_function->tp_dealloc = cfunction_dealloc;
    t.builtin_function->tp_traverse = cfunction_traverse;
    t.builtin_function->tp_weaklistoffset = weaklist_offset(&CFunctionObject::m_weakreflist);
    t.builtin_function->tp_call = cfunction_call;
    t.builtin_function->tp_repr = cfunction_repr;
    t.builtin_function->tp_methods = cfunction_methods;
    t.method_descriptor->tp_methods = method_descr_methods;
    t.method_descriptor->tp_dealloc = descr_dealloc;
    t.method_descriptor->tp_traverse = descr_traverse;
    t.getset_descriptor->tp_traverse = descr_traverse;
    t.method_descriptor->tp_descr_get = method_descr_get;
    t.method_descriptor->tp_call = method_descr_call;
    t.method_descriptor->tp_repr = method_descr_repr;
    t.getset_descriptor->tp_dealloc = descr_dealloc;
    t.getset_descriptor->tp_descr_get = getset_get;
    t.getset_descriptor->tp_descr_set = getset_set;
    t.getset_descriptor->tp_repr = getset_repr;
    return type_add_getsets(ts, t.builtin_function, cfunction_getsets) &&
           type_add_getsets(ts, t.method_descriptor, method_descr_getsets) &&
           type_add_getsets(ts, t.getset_descriptor, getset_descr_getsets);
}

// ------------------------------------------------------- argument checking

bool check_no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames) {
    if (!kwnames || kwnames->ob_size == 0) return true;
    raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() takes no keyword arguments");
    return false;
}

static std::string plural_args(isize n) {
    return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

bool check_nargs(ThreadState* ts, const char* fname, isize nargs, isize min, isize max) {
    if (nargs >= min && (max < 0 || nargs <= max)) return true;
    std::string msg = std::string(fname) + "()";
    if (min == max) {
        if (min == 0) msg += " takes no arguments (" + std::to_string(nargs) + " given)";
        else if (min == 1) msg += " takes exactly one argument (" + std::to_string(nargs) + " given)";
        else msg += " takes exactly " + plural_args(min) + " (" + std::to_string(nargs) + " given)";
    } else if (nargs < min) {
        msg = std::string(fname) + " expected at least " + plural_args(min) + ", got " + std::to_string(nargs);
    } else {
        msg = std::string(fname) + " expected at most " + plural_args(max) + ", got " + std::to_string(nargs);
    }
    raise(ts, ts->interp->exc.TypeError, msg);
    return false;
}

bool parse_args(ThreadState* ts, const ArgSpec& spec, Object* const* args, isize nargs,
                TupleObject* kwnames, Object** out) {
    Interpreter& interp = *ts->interp;
    for (int i = 0; i < spec.nparams; i++) out[i] = nullptr;
    // getargs.c's wording: "positional" only when some parameters are
    // keyword-only, "at most" when some positional ones are optional.
    if (nargs > spec.max_positional) {
        std::string msg = std::string(spec.fname) + "() takes ";
        if (spec.max_positional == 0) {
            msg += "no positional arguments";
        } else {
            msg += spec.nrequired < spec.max_positional ? "at most " : "exactly ";
            msg += std::to_string(spec.max_positional) + (spec.max_positional < spec.nparams ? " positional" : "") +
                   (spec.max_positional == 1 ? " argument" : " arguments");
        }
        msg += " (" + std::to_string(nargs) + " given)";
        raise(ts, interp.exc.TypeError, msg);
        return false;
    }
    for (isize i = 0; i < nargs; i++) out[i] = args[i];
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view key = str_utf8(kwnames->ob_item[k]);
        int found = -1;
        for (int i = 0; i < spec.nparams; i++)
            if (key == spec.names[i]) { found = i; break; }
        if (found < 0 || found < spec.npositional_only) {
            raise(ts, interp.exc.TypeError, std::string(spec.fname) + "() got an unexpected keyword argument '" +
                                                std::string(key) + "'");
            return false;
        }
        if (out[found]) {
            raise(ts, interp.exc.TypeError, std::string("argument for ") + spec.fname + "() given by name ('" +
                                                std::string(key) + "') and position (" +
                                                std::to_string(found + 1) + ")");
            return false;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < spec.nrequired; i++) {
        if (!out[i]) {
            // A parameter that could have been given by keyword is reported
            // by name; a missing positional-only one by count (getargs.c).
            if (i < spec.npositional_only && i < spec.max_positional && i >= nargs) {
                int least = spec.npositional_only < spec.nrequired ? spec.npositional_only : spec.nrequired;
                raise(ts, interp.exc.TypeError, std::string(spec.fname) + "() takes " +
                     (least < spec.max_positional ? "at least " : "exactly ") + std::to_string(least) +
                     (least == 1 ? " positional argument" : " positional arguments") + " (" +
                     std::to_string(nargs) + " given)");
            } else {
                raise(ts, interp.exc.TypeError, std::string(spec.fname) + "() missing required argument '" +
                                                    spec.names[i] + "' (pos " + std::to_string(i + 1) + ")");
            }
            return false;
        }
    }
    return true;
}

}  // namespace gp
