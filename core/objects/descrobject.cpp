// descrobject.cpp — the descriptors classes are built from: member
// descriptors (__slots__), slot wrappers, property, classmethod,
// staticmethod, and super.
//
// Mirrors CPython 3.11's Objects/descrobject.c (member_descriptor,
// wrapper_descriptor, method-wrapper, property), Objects/funcobject.c
// (classmethod, staticmethod) and super from Objects/typeobject.c.
//
// A descriptor is an object found on a class whose type has __get__
// (tp_descr_get); attribute lookup calls it instead of returning it. With
// __set__/__delete__ too (tp_descr_set) it is a *data* descriptor and wins
// over the instance __dict__ — that is why a property cannot be shadowed by
// an instance attribute while a method can:
//
//   obj.x   ->  type(obj).__mro__ has a data descriptor x?  x.__get__(obj, type(obj))
//               obj.__dict__ has x?                         obj.__dict__['x']
//               type(obj).__mro__ has x at all?             x.__get__(obj, ...) or x itself
//
// super() is the other half of cooperative methods: super(C, obj).name
// searches type(obj).__mro__ only *after* C, so each class's method can
// call "the next one" without naming it.
#include "objects/descrobject.h"

#include <cstddef>

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

// Our object structs derive from Object, so they are not "standard layout"
// and offsetof on them is only conditionally supported; every compiler we
// build with (GCC, Clang, Emscripten) supports it for these plain structs.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gp {

static bool is_type(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }
static TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
static Ref<> none(ThreadState* ts) { return newref(ts->interp->None); }
static std::string addr(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

// PyType_GenericNew: a zeroed instance, tracked if the type is a container.
static Ref<> generic_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) ts->interp->gc.track(op);
    return Ref<>::steal(op);
}

// The dealloc of a built-in descriptor type: `clear` releases the fields,
// and a class derived from it (which has subtype_dealloc) never gets here
// before its own fields are gone.
static void untrack_if_gc(Object* op) {
    if (type_has_flag(type_of(op), TPFLAGS_HAVE_GC)) type_of(op)->interp->gc.untrack(op);
}

// descr_check: a descriptor of class C applies to instances of C only.
static bool descr_check(ThreadState* ts, TypeObject* owner, Object* obj, std::string_view name) {
    if (isinstance_of(obj, owner)) return true;
    raise(ts, ts->interp->exc.TypeError, "descriptor '" + std::string(name) + "' for '" + owner->tp_name +
                                             "' objects doesn't apply to a '" + type_name(obj) + "' object");
    return false;
}

// ------------------------------------------------------- member_descriptor

Ref<> member_descr_new(ThreadState* ts, TypeObject* type, Object* name, int member_type, isize offset, int flags,
                       const char* doc) {
    auto* d = static_cast<MemberDescrObject*>(object_alloc(ts, ts->interp->types.member_descriptor, 0));
    if (!d) return nullptr;
    d->d_type = newref(type).release();
    d->d_name = newref(name).release();
    d->type = member_type;
    d->offset = offset;
    d->flags = flags;
    d->doc = doc;
    ts->interp->gc.track(d);
    return Ref<>::steal(d);
}

static MemberDescrObject* as_member(Object* o) { return static_cast<MemberDescrObject*>(o); }

static int member_traverse(Object* op, visitproc visit, void* arg) {
    auto* d = as_member(op);
    return d->d_type ? visit(d->d_type, arg) : 0;
}

static void member_dealloc(Object* op) {
    auto* d = as_member(op);
    xdecref(d->d_type);
    xdecref(d->d_name);
    object_free(op);
}

static Ref<> member_get(ThreadState* ts, Object* descr, Object* obj, Object*) {
    auto* d = as_member(descr);
    if (!obj) return newref(descr);
    if (!descr_check(ts, d->d_type, obj, str_utf8(d->d_name))) return nullptr;
    Object** field = instance_slot_ptr(obj, d->offset);
    switch (d->type) {
    case MEMBER_ISIZE:
        return int_from_i64(ts, *reinterpret_cast<isize*>(field));
    case MEMBER_OBJECT:
        return newref(*field ? *field : ts->interp->None);
    default:
        if (!*field)
            return raise(ts, ts->interp->exc.AttributeError, std::string("'") + type_name(obj) +
                                                                 "' object has no attribute '" +
                                                                 std::string(str_utf8(d->d_name)) + "'");
        return newref(*field);
    }
}

static int member_set(ThreadState* ts, Object* descr, Object* obj, Object* value) {
    auto* d = as_member(descr);
    if (!descr_check(ts, d->d_type, obj, str_utf8(d->d_name))) return -1;
    if ((d->flags & MEMBER_READONLY) || d->type == MEMBER_ISIZE) {
        raise(ts, ts->interp->exc.AttributeError, "readonly attribute");
        return -1;
    }
    Object** field = instance_slot_ptr(obj, d->offset);
    if (!value && !*field && d->type == MEMBER_OBJECT_EX) {
        raise(ts, ts->interp->exc.AttributeError, str_utf8(d->d_name));
        return -1;
    }
    Object* old = *field;
    *field = value;
    xincref(value);
    xdecref(old);
    return 0;
}

static Ref<> member_repr(ThreadState* ts, Object* op) {
    auto* d = as_member(op);
    return str_from_utf8(ts, "<member '" + std::string(str_utf8(d->d_name)) + "' of '" + d->d_type->tp_name +
                                 "' objects>");
}

static Ref<> member_get_name(ThreadState* ts, Object* self) { return newref(as_member(self)->d_name); }
static Ref<> member_get_qualname(ThreadState* ts, Object* self) {
    auto* d = as_member(self);
    return str_from_utf8(ts, type_qualname(d->d_type) + "." + std::string(str_utf8(d->d_name)));
}
static Ref<> member_get_objclass(ThreadState* ts, Object* self) { return newref<Object>(as_member(self)->d_type); }
static Ref<> member_get_doc(ThreadState* ts, Object* self) {
    const char* doc = as_member(self)->doc;
    return doc ? str_from_utf8(ts, doc) : none(ts);
}

static const GetSetDef member_getsets[] = {
    {"__name__", member_get_name, nullptr, nullptr},
    {"__qualname__", member_get_qualname, nullptr, nullptr},
    {"__objclass__", member_get_objclass, nullptr, nullptr},
    {"__doc__", member_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------- wrapper_descriptor, method-wrapper

Ref<> wrapper_descr_new(ThreadState* ts, TypeObject* type, const SlotDef* base, AnySlot wrapped) {
    auto* d = static_cast<WrapperDescrObject*>(object_alloc(ts, ts->interp->types.wrapper_descriptor, 0));
    if (!d) return nullptr;
    d->d_type = newref(type).release();
    d->d_base = base;
    d->d_wrapped = wrapped;
    ts->interp->gc.track(d);
    return Ref<>::steal(d);
}

static WrapperDescrObject* as_wrapper(Object* o) { return static_cast<WrapperDescrObject*>(o); }

Ref<> wrapper_descr_call_bound(ThreadState* ts, WrapperDescrObject* d, Object* self, Object* const* args,
                               isize nargs, TupleObject* kwnames) {
    return d->d_base->wrapper(ts, self, args, nargs, kwnames, d->d_wrapped, d->d_base);
}

static int wrapper_traverse(Object* op, visitproc visit, void* arg) {
    auto* d = as_wrapper(op);
    return d->d_type ? visit(d->d_type, arg) : 0;
}

static void wrapper_dealloc(Object* op) {
    xdecref(as_wrapper(op)->d_type);
    object_free(op);
}

// int.__add__(1, 2): the first argument is the instance.
static Ref<> wrapper_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* d = as_wrapper(callable);
    if (nargs < 1)
        return raise(ts, ts->interp->exc.TypeError, std::string("descriptor '") + d->d_base->name + "' of '" +
                                                        d->d_type->tp_name + "' object needs an argument");
    if (!isinstance_of(args[0], d->d_type))
        return raise(ts, ts->interp->exc.TypeError, std::string("descriptor '") + d->d_base->name +
                                                        "' requires a '" + d->d_type->tp_name +
                                                        "' object but received a '" + type_name(args[0]) + "'");
    return wrapper_descr_call_bound(ts, d, args[0], args + 1, nargs - 1, kwnames);
}

static Ref<> wrapper_get(ThreadState* ts, Object* descr, Object* obj, Object*) {
    auto* d = as_wrapper(descr);
    if (!obj) return newref(descr);
    if (!descr_check(ts, d->d_type, obj, d->d_base->name)) return nullptr;
    auto* m = static_cast<MethodWrapperObject*>(object_alloc(ts, ts->interp->types.method_wrapper, 0));
    if (!m) return nullptr;
    m->descr = static_cast<WrapperDescrObject*>(newref(descr).release());
    m->self = newref(obj).release();
    ts->interp->gc.track(m);
    return Ref<>::steal(m);
}

static Ref<> wrapper_repr(ThreadState* ts, Object* op) {
    auto* d = as_wrapper(op);
    return str_from_utf8(ts, std::string("<slot wrapper '") + d->d_base->name + "' of '" + d->d_type->tp_name +
                                 "' objects>");
}

static Ref<> wrapper_get_name(ThreadState* ts, Object* self) { return str_from_utf8(ts, as_wrapper(self)->d_base->name); }
static Ref<> wrapper_get_qualname(ThreadState* ts, Object* self) {
    auto* d = as_wrapper(self);
    return str_from_utf8(ts, type_qualname(d->d_type) + "." + d->d_base->name);
}
static Ref<> wrapper_get_objclass(ThreadState* ts, Object* self) { return newref<Object>(as_wrapper(self)->d_type); }
static Ref<> wrapper_get_doc(ThreadState* ts, Object* self) { return str_from_utf8(ts, as_wrapper(self)->d_base->doc); }

// A slot wrapper pickles as getattr(type, name), a method-wrapper as
// getattr(self, name) (descrobject.c's descr_reduce and wrapper_reduce).
static Ref<> wrapper_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* d = as_wrapper(self);
    Ref<> name = str_from_utf8(ts, d->d_base->name);
    if (!name) return nullptr;
    return reduce_as_getattr(ts, d->d_type, name.get());
}

static const MethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef wrapper_getsets[] = {
    {"__name__", wrapper_get_name, nullptr, nullptr},
    {"__qualname__", wrapper_get_qualname, nullptr, nullptr},
    {"__objclass__", wrapper_get_objclass, nullptr, nullptr},
    {"__doc__", wrapper_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static MethodWrapperObject* as_mw(Object* o) { return static_cast<MethodWrapperObject*>(o); }

// A method-wrapper holds its instance, so it can sit in a cycle (a
// container holding obj.__eq__, stored on obj): a GC type, as in CPython.
static int mw_traverse(Object* op, visitproc visit, void* arg) {
    auto* m = as_mw(op);
    if (m->descr && visit(m->descr, arg)) return 1;
    return m->self ? visit(m->self, arg) : 0;
}

static void mw_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_mw(op)->descr);
    xdecref(as_mw(op)->self);
    object_free(op);
}

static Ref<> mw_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* m = as_mw(callable);
    return wrapper_descr_call_bound(ts, m->descr, m->self, args, nargs, kwnames);
}

static Ref<> mw_repr(ThreadState* ts, Object* op) {
    auto* m = as_mw(op);
    return str_from_utf8(ts, std::string("<method-wrapper '") + m->descr->d_base->name + "' of " +
                                 type_name(m->self) + " object at " + addr(m->self) + ">");
}

static Ref<> mw_get_self(ThreadState* ts, Object* self) { return newref(as_mw(self)->self); }
static Ref<> mw_get_name(ThreadState* ts, Object* self) { return wrapper_get_name(ts, as_mw(self)->descr); }
static Ref<> mw_get_qualname(ThreadState* ts, Object* self) { return wrapper_get_qualname(ts, as_mw(self)->descr); }
static Ref<> mw_get_objclass(ThreadState* ts, Object* self) { return wrapper_get_objclass(ts, as_mw(self)->descr); }
static Ref<> mw_get_doc(ThreadState* ts, Object* self) { return wrapper_get_doc(ts, as_mw(self)->descr); }

static Ref<> mw_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* m = as_mw(self);
    Ref<> name = str_from_utf8(ts, m->descr->d_base->name);
    if (!name) return nullptr;
    return reduce_as_getattr(ts, m->self, name.get());
}

static const MethodDef mw_methods[] = {
    {"__reduce__", mw_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef mw_getsets[] = {
    {"__self__", mw_get_self, nullptr, nullptr},
    {"__name__", mw_get_name, nullptr, nullptr},
    {"__qualname__", mw_get_qualname, nullptr, nullptr},
    {"__objclass__", mw_get_objclass, nullptr, nullptr},
    {"__doc__", mw_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ property

static PropertyObject* as_prop(Object* o) { return static_cast<PropertyObject*>(o); }

static int property_clear(Object* op) {
    auto* p = as_prop(op);
    Object* fields[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    p->fget = p->fset = p->fdel = p->doc = p->name = nullptr;
    for (Object* f : fields) xdecref(f);
    return 0;
}

static int property_traverse(Object* op, visitproc visit, void* arg) {
    auto* p = as_prop(op);
    for (Object* f : {p->fget, p->fset, p->fdel, p->doc, p->name})
        if (f && visit(f, arg)) return 1;
    return 0;
}

static void property_dealloc(Object* op) {
    untrack_if_gc(op);
    property_clear(op);
    object_free(op);
}

// "property 'x' of 'C' object has no getter" (3.11 names the property once
// __set_name__ has told it its name).
static std::nullptr_t property_error(ThreadState* ts, PropertyObject* p, Object* obj, const char* what) {
    std::string owner = type_qualname(type_of(obj));
    std::string msg = "property ";
    if (p->name) {
        Ref<> r = object_repr(ts, p->name);
        if (!r) return nullptr;
        msg += std::string(str_utf8(r.get())) + " ";
    }
    msg += "of '" + owner + "' object has no " + what;
    return raise(ts, ts->interp->exc.AttributeError, msg);
}

static Ref<> property_get(ThreadState* ts, Object* self, Object* obj, Object*) {
    auto* p = as_prop(self);
    if (!obj || obj == ts->interp->None) return newref(self);
    if (!p->fget) return property_error(ts, p, obj, "getter");
    return object_call_one(ts, p->fget, obj);
}

static int property_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
    auto* p = as_prop(self);
    Object* func = value ? p->fset : p->fdel;
    if (!func) {
        property_error(ts, p, obj, value ? "setter" : "deleter");
        return -1;
    }
    Ref<> r;
    if (value) {
        Object* args[2] = {obj, value};
        r = object_vectorcall(ts, func, args, 2);
    } else {
        r = object_call_one(ts, func, obj);
    }
    return r ? 0 : -1;
}

static Object* none_to_null(ThreadState* ts, Object* o) { return o == ts->interp->None ? nullptr : o; }

// property(fget=None, fset=None, fdel=None, doc=None)
static int property_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"fget", "fset", "fdel", "doc"};
    static const ArgSpec spec = {"property", names, 4, 0, 4, 0};
    Object* a[4];
    const isize given = nargs + (kwnames ? kwnames->ob_size : 0);
    if (given > 4) {
        raise(ts, ts->interp->exc.TypeError, "property() takes at most 4 arguments (" + std::to_string(given) + " given)");
        return -1;
    }
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return -1;
    auto* p = as_prop(self);
    Object* fget = a[0] ? none_to_null(ts, a[0]) : nullptr;
    Object* fset = a[1] ? none_to_null(ts, a[1]) : nullptr;
    Object* fdel = a[2] ? none_to_null(ts, a[2]) : nullptr;
    Object* doc = a[3] ? none_to_null(ts, a[3]) : nullptr;
    Object* old[] = {p->fget, p->fset, p->fdel, p->doc};
    p->fget = fget; xincref(fget);
    p->fset = fset; xincref(fset);
    p->fdel = fdel; xincref(fdel);
    p->doc = nullptr;
    p->getter_doc = false;
    for (Object* o : old) xdecref(o);
    Ref<> prop_doc = Ref<>::borrow(doc);
    // No doc given: use the getter's docstring.
    if (!prop_doc && fget) {
        prop_doc = object_getattr_cstr(ts, fget, "__doc__");
        if (!prop_doc) {
            if (!error_matches(ts, ts->interp->exc.AttributeError)) return -1;
            error_clear(ts);
        } else if (prop_doc.get() == ts->interp->None) {
            prop_doc.reset();
        } else {
            p->getter_doc = true;
        }
    }
    if (!prop_doc) return 0;
    if (type_of(self) == ts->interp->types.property) {
        p->doc = prop_doc.release();
        return 0;
    }
    // A property subclass keeps __doc__ in the instance dict, where the
    // class's own __doc__ cannot shadow it.
    return object_setattr(ts, self, ts->interp->intern("__doc__"), prop_doc.get());
}

// getter()/setter()/deleter(): a copy with one function replaced
// (descrobject.c: property_copy).
static Ref<> property_copy(ThreadState* ts, Object* old, Object* get, Object* set, Object* del) {
    Interpreter& interp = *ts->interp;
    auto* p = as_prop(old);
    if (!get) get = p->fget ? p->fget : interp.None;
    if (!set) set = p->fset ? p->fset : interp.None;
    if (!del) del = p->fdel ? p->fdel : interp.None;
    Object* doc = (p->getter_doc && get != interp.None) ? interp.None : (p->doc ? p->doc : interp.None);
    Object* args[4] = {get, set, del, doc};
    Ref<> copy = object_vectorcall(ts, type_of(old), args, 4);
    if (copy && isinstance_of(copy.get(), interp.types.property)) {
        Object* prev = as_prop(copy.get())->name;
        as_prop(copy.get())->name = p->name;
        xincref(p->name);
        xdecref(prev);
    }
    return copy;
}

static Ref<> property_getter_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getter", kw) || !check_nargs(ts, "getter", nargs, 1, 1)) return nullptr;
    return property_copy(ts, self, args[0], nullptr, nullptr);
}
static Ref<> property_setter_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setter", kw) || !check_nargs(ts, "setter", nargs, 1, 1)) return nullptr;
    return property_copy(ts, self, nullptr, args[0], nullptr);
}
static Ref<> property_deleter_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "deleter", kw) || !check_nargs(ts, "deleter", nargs, 1, 1)) return nullptr;
    return property_copy(ts, self, nullptr, nullptr, args[0]);
}

static Ref<> property_set_name_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__set_name__", kw)) return nullptr;
    if (nargs != 2)
        return raise(ts, ts->interp->exc.TypeError,
                     "__set_name__() takes 2 positional arguments but " + std::to_string(nargs) + " were given");
    auto* p = as_prop(self);
    Object* old = p->name;
    p->name = newref(args[1]).release();
    xdecref(old);
    return none(ts);
}

// True if any of the functions says __isabstractmethod__ (abc support).
static Ref<> property_isabstract(ThreadState* ts, Object* self) {
    auto* p = as_prop(self);
    for (Object* f : {p->fget, p->fset, p->fdel}) {
        if (!f) continue;
        Ref<> v = object_getattr_cstr(ts, f, "__isabstractmethod__");
        if (!v) {
            if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
            error_clear(ts);
            continue;
        }
        int t = object_is_true(ts, v.get());
        if (t < 0) return nullptr;
        if (t) return bool_from(ts, true);
    }
    return bool_from(ts, false);
}

static const MethodDef property_methods[] = {
    {"getter", property_getter_m, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter_m, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter_m, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name_m, METH_DEFAULT, "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_isabstract, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MemberDef property_members[] = {
    {"fget", MEMBER_OBJECT, offsetof(PropertyObject, fget), MEMBER_READONLY, nullptr},
    {"fset", MEMBER_OBJECT, offsetof(PropertyObject, fset), MEMBER_READONLY, nullptr},
    {"fdel", MEMBER_OBJECT, offsetof(PropertyObject, fdel), MEMBER_READONLY, nullptr},
    {"__doc__", MEMBER_OBJECT, offsetof(PropertyObject, doc), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

// ------------------------------------------------ classmethod, staticmethod

static ClassMethodObject* as_cm(Object* o) { return static_cast<ClassMethodObject*>(o); }

static int cm_clear(Object* op) {
    auto* c = as_cm(op);
    Object* f = c->cm_callable;
    Object* d = c->cm_dict;
    c->cm_callable = nullptr;
    c->cm_dict = nullptr;
    xdecref(f);
    xdecref(d);
    return 0;
}

static int cm_traverse(Object* op, visitproc visit, void* arg) {
    auto* c = as_cm(op);
    if (c->cm_callable && visit(c->cm_callable, arg)) return 1;
    if (c->cm_dict && visit(c->cm_dict, arg)) return 1;
    return 0;
}

static void cm_dealloc(Object* op) {
    untrack_if_gc(op);
    cm_clear(op);
    object_free(op);
}

// functools.wraps, built in (funcobject.c: functools_wraps): the wrapper
// takes the wrapped callable's name, module and docs.
static bool copy_wrapped_attrs(ThreadState* ts, Object* wrapper, Object* wrapped) {
    for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
        Ref<> v = object_getattr_cstr(ts, wrapped, name);
        if (!v) {
            if (!error_matches(ts, ts->interp->exc.AttributeError)) return false;
            error_clear(ts);
            continue;
        }
        if (object_setattr(ts, wrapper, ts->interp->intern(name), v.get()) < 0) return false;
    }
    return true;
}

static int cm_init_common(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames,
                          const char* name) {
    if (!check_no_kwargs(ts, name, kwnames)) return -1;
    if (nargs != 1) {
        raise(ts, ts->interp->exc.TypeError, std::string(name) + " expected 1 argument, got " + std::to_string(nargs));
        return -1;
    }
    auto* c = as_cm(self);
    Object* old = c->cm_callable;
    c->cm_callable = newref(args[0]).release();
    xdecref(old);
    return copy_wrapped_attrs(ts, self, args[0]) ? 0 : -1;
}

static int cm_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return cm_init_common(ts, self, args, nargs, kw, "classmethod");
}
static int sm_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return cm_init_common(ts, self, args, nargs, kw, "staticmethod");
}

// PyClassMethod_New / PyStaticMethod_New: no name copying (that is what
// calling classmethod(f) from Python adds).
static Ref<> cm_create(ThreadState* ts, TypeObject* type, Object* callable) {
    Ref<> self = generic_new(ts, type, nullptr, 0, nullptr);
    if (!self) return nullptr;
    as_cm(self.get())->cm_callable = newref(callable).release();
    return self;
}

Ref<> classmethod_new(ThreadState* ts, Object* callable) { return cm_create(ts, ts->interp->types.classmethod, callable); }
Ref<> staticmethod_new(ThreadState* ts, Object* callable) { return cm_create(ts, ts->interp->types.staticmethod, callable); }

// classmethod.__get__ binds the callable to the class (3.11 lets the
// callable's own __get__ do it, so classmethods of properties chain).
static Ref<> cm_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
    auto* c = as_cm(self);
    if (!c->cm_callable) return raise(ts, ts->interp->exc.RuntimeError, "uninitialized classmethod object");
    if (!type) type = type_of(obj);
    if (descrgetfunc get = type_of(c->cm_callable)->tp_descr_get) return get(ts, c->cm_callable, type, type);
    return method_new(ts, c->cm_callable, type);
}

static Ref<> sm_get(ThreadState* ts, Object* self, Object*, Object*) {
    auto* c = as_cm(self);
    if (!c->cm_callable) return raise(ts, ts->interp->exc.RuntimeError, "uninitialized staticmethod object");
    return newref(c->cm_callable);
}

// Static methods are callable themselves (3.10+).
static Ref<> sm_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    return object_vectorcall(ts, as_cm(self)->cm_callable, args, nargs, kwnames);
}

static Ref<> cm_repr(ThreadState* ts, Object* self) {
    Ref<> r = object_repr(ts, as_cm(self)->cm_callable ? as_cm(self)->cm_callable : ts->interp->None);
    if (!r) return nullptr;
    return str_from_utf8(ts, "<" + type_of(self)->tp_name + "(" + std::string(str_utf8(r.get())) + ")>");
}

static Ref<> cm_get_isabstract(ThreadState* ts, Object* self) {
    Object* f = as_cm(self)->cm_callable;
    if (!f) return bool_from(ts, false);
    Ref<> v = object_getattr_cstr(ts, f, "__isabstractmethod__");
    if (!v) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
        return bool_from(ts, false);
    }
    int t = object_is_true(ts, v.get());
    if (t < 0) return nullptr;
    return bool_from(ts, t);
}

static Ref<> cm_get_dict(ThreadState* ts, Object* self) {
    auto* c = as_cm(self);
    if (!c->cm_dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        c->cm_dict = d.release();
    }
    return newref(c->cm_dict);
}

static int cm_set_dict(ThreadState* ts, Object* self, Object* value) {
    if (!value || !is_dict(value)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__dict__ must be set to a dictionary, not a '") + (value ? type_name(value) : "NoneType") + "'");
        return -1;
    }
    auto* c = as_cm(self);
    Object* old = c->cm_dict;
    c->cm_dict = newref(value).release();
    xdecref(old);
    return 0;
}

static const GetSetDef cm_getsets[] = {
    {"__isabstractmethod__", cm_get_isabstract, nullptr, nullptr},
    {"__dict__", cm_get_dict, cm_set_dict, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MemberDef cm_members[] = {
    {"__func__", MEMBER_OBJECT, offsetof(ClassMethodObject, cm_callable), MEMBER_READONLY, nullptr},
    {"__wrapped__", MEMBER_OBJECT, offsetof(ClassMethodObject, cm_callable), MEMBER_READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

// ------------------------------------------------------------ super

static SuperObject* as_super(Object* o) { return static_cast<SuperObject*>(o); }

static int super_traverse(Object* op, visitproc visit, void* arg) {
    auto* s = as_super(op);
    for (Object* f : {static_cast<Object*>(s->type), s->obj, static_cast<Object*>(s->obj_type)})
        if (f && visit(f, arg)) return 1;
    return 0;
}

static int super_clear(Object* op) {
    auto* s = as_super(op);
    Object* fields[] = {s->type, s->obj, s->obj_type};
    s->type = nullptr;
    s->obj = nullptr;
    s->obj_type = nullptr;
    for (Object* f : fields) xdecref(f);
    return 0;
}

static void super_dealloc(Object* op) {
    untrack_if_gc(op);
    super_clear(op);
    object_free(op);
}

// The class whose MRO super searches: obj itself when it is a subclass of
// `type` (super in a classmethod), else type(obj) (typeobject.c: supercheck).
static TypeObject* super_check(ThreadState* ts, TypeObject* type, Object* obj) {
    if (is_type(obj) && type_is_subtype(as_type(obj), type)) return as_type(obj);
    if (type_is_subtype(type_of(obj), type)) return type_of(obj);
    Ref<> cls = object_getattr_cstr(ts, obj, "__class__");
    if (!cls) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
    } else if (is_type(cls.get()) && cls.get() != static_cast<Object*>(type_of(obj)) &&
               type_is_subtype(as_type(cls.get()), type)) {
        return as_type(cls.get());   // kept alive by the caller's reference to obj
    }
    raise(ts, ts->interp->exc.TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return nullptr;
}

// super() with no arguments: the class comes from the __class__ cell the
// compiler creates for methods that mention super, the object from the
// method's first argument (typeobject.c: super_init_without_args).
static bool super_without_args(ThreadState* ts, TypeObject** type_out, Object** obj_out) {
    Interpreter& interp = *ts->interp;
    Frame* f = ts->frame;
    if (!f) {
        raise(ts, interp.exc.RuntimeError, "super(): no current frame");
        return false;
    }
    CodeObject* co = f->code;
    if (co->co_argcount == 0) {
        raise(ts, interp.exc.RuntimeError, "super(): no arguments");
        return false;
    }
    Object* firstarg = f->localsplus[0];
    // The first argument may have been moved into a cell (a closure uses it).
    if (firstarg && (co->localspluskinds[0] & CO_FAST_CELL) && type_of(firstarg) == interp.types.cell)
        firstarg = static_cast<CellObject*>(firstarg)->ob_ref;
    if (!firstarg) {
        raise(ts, interp.exc.RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (!(co->localspluskinds[i] & CO_FAST_FREE)) continue;
        if (!str_equal_ascii(as_str(co->co_localsplusnames->ob_item[i]), "__class__")) continue;
        Object* cell = f->localsplus[i];
        if (!cell || type_of(cell) != interp.types.cell) {
            raise(ts, interp.exc.RuntimeError, "super(): bad __class__ cell");
            return false;
        }
        Object* cls = static_cast<CellObject*>(cell)->ob_ref;
        if (!cls) {
            raise(ts, interp.exc.RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        if (!is_type(cls)) {
            raise(ts, interp.exc.RuntimeError,
                  std::string("super(): __class__ is not a type (") + type_name(cls) + ")");
            return false;
        }
        *type_out = as_type(cls);
        *obj_out = firstarg;
        return true;
    }
    raise(ts, interp.exc.RuntimeError, "super(): __class__ cell not found");
    return false;
}

// super(), super(type), super(type, obj)
static int super_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "super", kwnames) || !check_nargs(ts, "super", nargs, 0, 2)) return -1;
    TypeObject* type = nullptr;
    Object* obj = nullptr;
    if (nargs == 0) {
        if (!super_without_args(ts, &type, &obj)) return -1;
    } else {
        if (!is_type(args[0])) {
            raise(ts, interp.exc.TypeError,
                  std::string("super() argument 1 must be a type, not ") + type_name(args[0]));
            return -1;
        }
        type = as_type(args[0]);
        if (nargs == 2 && args[1] != interp.None) obj = args[1];
    }
    TypeObject* obj_type = nullptr;
    if (obj) {
        obj_type = super_check(ts, type, obj);
        if (!obj_type) return -1;
    }
    auto* s = as_super(self);
    Object* old[] = {s->type, s->obj, s->obj_type};
    s->type = newref(type).release();
    s->obj = obj ? newref(obj).release() : nullptr;
    s->obj_type = obj_type ? newref(obj_type).release() : nullptr;
    for (Object* o : old) xdecref(o);
    return 0;
}

// Searches obj_type's MRO after `start`; null with no error when absent.
static Ref<> super_find(ThreadState* ts, TypeObject* start, Object* obj, TypeObject* obj_type, Object* name) {
    TupleObject* mro = obj_type->tp_mro;
    if (!mro) return nullptr;
    isize n = mro->ob_size;
    isize i = 0;
    for (; i + 1 < n; i++)
        if (mro->ob_item[i] == start) break;
    for (i++; i < n; i++) {
        auto* t = as_type(mro->ob_item[i]);
        if (!t->tp_dict) continue;
        Object* res = dict_get_str(t->tp_dict, as_str(name));
        if (!res) continue;
        Ref<> keep = Ref<>::borrow(res);
        if (descrgetfunc get = type_of(res)->tp_descr_get)
            return get(ts, res, obj == static_cast<Object*>(obj_type) ? nullptr : obj, obj_type);
        return keep;
    }
    return nullptr;
}

Ref<> super_lookup(ThreadState* ts, TypeObject* start, Object* obj, TypeObject* obj_type, Object* name) {
    Ref<> r = super_find(ts, start, obj, obj_type, name);
    if (!r && !error_occurred(ts))
        raise(ts, ts->interp->exc.AttributeError, "'super' object has no attribute '" + std::string(str_utf8(name)) + "'");
    return r;
}

static Ref<> super_getattro(ThreadState* ts, Object* self, Object* name) {
    auto* s = as_super(self);
    // super().__class__ is the super type, not the object's class.
    if (s->obj_type && is_str(name) && !str_equal_ascii(as_str(name), "__class__")) {
        Ref<> r = super_find(ts, s->type, s->obj, s->obj_type, name);
        if (r || error_occurred(ts)) return r;
    }
    return generic_getattr(ts, self, name);
}

// An unbound super(C) stored on a class binds like a method.
static Ref<> super_get(ThreadState* ts, Object* self, Object* obj, Object*) {
    auto* s = as_super(self);
    if (!obj || obj == ts->interp->None || s->obj) return newref(self);
    Object* args[2] = {s->type, obj};
    return object_vectorcall(ts, type_of(self), args, 2);
}

static Ref<> super_repr(ThreadState* ts, Object* self) {
    auto* s = as_super(self);
    std::string type = s->type ? s->type->tp_name : "NULL";
    if (s->obj_type) return str_from_utf8(ts, "<super: <class '" + type + "'>, <" + s->obj_type->tp_name + " object>>");
    return str_from_utf8(ts, "<super: <class '" + type + "'>, NULL>");
}

static const MemberDef super_members[] = {
    {"__thisclass__", MEMBER_OBJECT, offsetof(SuperObject, type), MEMBER_READONLY, "the class invoking super()"},
    {"__self__", MEMBER_OBJECT, offsetof(SuperObject, obj), MEMBER_READONLY, "the instance invoking super(); may be None"},
    {"__self_class__", MEMBER_OBJECT, offsetof(SuperObject, obj_type), MEMBER_READONLY,
     "the type of the instance invoking super(); may be None"},
    {nullptr, 0, 0, 0, nullptr},
};

// ------------------------------------------------------------ bootstrap

bool init_class_descr_types(ThreadState* ts) {
    BuiltinTypes& t = ts->interp->types;

    TypeObject* md = t.member_descriptor;
    md->tp_basicsize = sizeof(MemberDescrObject);
    md->tp_dealloc = member_dealloc;
    md->tp_traverse = member_traverse;
    md->tp_descr_get = member_get;
    md->tp_descr_set = member_set;
    md->tp_repr = member_repr;
    md->tp_getset = member_getsets;

    TypeObject* wd = t.wrapper_descriptor;
    wd->tp_basicsize = sizeof(WrapperDescrObject);
    wd->tp_dealloc = wrapper_dealloc;
    wd->tp_traverse = wrapper_traverse;
    wd->tp_descr_get = wrapper_get;
    wd->tp_call = wrapper_call;
    wd->tp_repr = wrapper_repr;
    wd->tp_getset = wrapper_getsets;
    wd->tp_methods = wrapper_methods;

    TypeObject* mw = t.method_wrapper;
    mw->tp_basicsize = sizeof(MethodWrapperObject);
    mw->tp_dealloc = mw_dealloc;
    mw->tp_traverse = mw_traverse;
    mw->tp_call = mw_call;
    mw->tp_repr = mw_repr;
    mw->tp_getset = mw_getsets;
    mw->tp_methods = mw_methods;

    TypeObject* pr = t.property;
    pr->tp_basicsize = sizeof(PropertyObject);
    pr->tp_dealloc = property_dealloc;
    pr->tp_traverse = property_traverse;
    pr->tp_clear = property_clear;
    pr->tp_new = generic_new;
    pr->tp_init = property_init;
    pr->tp_descr_get = property_get;
    pr->tp_descr_set = property_set;
    pr->tp_methods = property_methods;
    pr->tp_getset = property_getsets;
    pr->tp_members = property_members;
    pr->tp_doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n"
                 "  fset\n    function to be used for setting an attribute value\n"
                 "  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring";

    for (TypeObject* c : {t.classmethod, t.staticmethod}) {
        c->tp_basicsize = sizeof(ClassMethodObject);
        c->tp_dealloc = cm_dealloc;
        c->tp_traverse = cm_traverse;
        c->tp_clear = cm_clear;
        c->tp_new = generic_new;
        c->tp_repr = cm_repr;
        c->tp_dictoffset = offsetof(ClassMethodObject, cm_dict);
        c->tp_getset = cm_getsets;
        c->tp_members = cm_members;
    }
    t.classmethod->tp_init = cm_init;
    t.classmethod->tp_descr_get = cm_get;
    t.classmethod->tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.";
    t.staticmethod->tp_init = sm_init;
    t.staticmethod->tp_descr_get = sm_get;
    t.staticmethod->tp_call = sm_call;
    t.staticmethod->tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.";

    TypeObject* su = t.super_;
    su->tp_basicsize = sizeof(SuperObject);
    su->tp_dealloc = super_dealloc;
    su->tp_traverse = super_traverse;
    su->tp_clear = super_clear;
    su->tp_new = generic_new;
    su->tp_init = super_init;
    su->tp_getattro = super_getattro;
    su->tp_descr_get = super_get;
    su->tp_repr = super_repr;
    su->tp_members = super_members;
    su->tp_doc = "super() -> same as super(__class__, <first argument>)\n"
                 "super(type) -> unbound super object\n"
                 "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
                 "super(type, type2) -> bound super object; requires issubclass(type2, type)";
    return true;
}

}  // namespace gp
