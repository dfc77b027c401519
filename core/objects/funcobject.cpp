// funcobject.cpp — function, method, cell and module objects.
#include "objects/funcobject.h"

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"

namespace gp {

static std::string address_of(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

// ------------------------------------------------------------ function

bool is_function(Object* o) { return type_of(o) == type_of(o)->interp->types.function; }

Ref<> function_new(ThreadState* ts, CodeObject* code, DictObject* globals, Object* qualname) {
    Interpreter& interp = *ts->interp;
    auto* fn = static_cast<FunctionObject*>(object_alloc(ts, interp.types.function, 0));
    if (!fn) return nullptr;
    fn->func_code = code; incref(code);
    fn->func_globals = globals; incref(globals);
    DictObject* builtins = interp.builtins->md_dict;
    if (Object* b = dict_get_cstr(ts, globals, "__builtins__")) {
        if (is_dict(b)) builtins = as_dict(b);
        else if (type_of(b) == interp.types.module) builtins = static_cast<ModuleObject*>(b)->md_dict;
    }
    fn->func_builtins = builtins; incref(builtins);
    fn->func_name = code->co_name; incref(fn->func_name);
    fn->func_qualname = qualname ? qualname : code->co_name; incref(fn->func_qualname);
    // The docstring is co_consts[0] when it is a str (3.11 convention).
    Object* doc = interp.None;
    if (code->co_consts->ob_size > 0 && is_str(code->co_consts->ob_item[0]) && (code->co_flags & CO_NEWLOCALS))
        doc = code->co_consts->ob_item[0];
    fn->func_doc = doc; incref(doc);
    if (Object* mod = dict_get_cstr(ts, globals, "__name__")) { fn->func_module = mod; incref(mod); }
    interp.gc.track(fn);
    return Ref<>::steal(fn);
}

static void function_dealloc(Object* op) {
    auto* fn = static_cast<FunctionObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    Object* fields[] = {fn->func_code, fn->func_globals, fn->func_builtins, fn->func_name, fn->func_qualname,
                        fn->func_defaults, fn->func_kwdefaults, fn->func_closure, fn->func_doc,
                        fn->func_dict, fn->func_module, fn->func_annotations};
    for (Object* x : fields) xdecref(x);
    object_free(op);
}

// tp_clear (funcobject.c: func_clear): drops what can be part of a cycle,
// so the collector can break one through a function (a recursive closure
// is function -> closure tuple -> cell -> function). Code, names and doc
// stay: the getters assume them, and CPython keeps the first three too.
static int function_clear(Object* op) {
    auto* fn = static_cast<FunctionObject*>(op);
    Object* fields[] = {fn->func_globals, fn->func_builtins, fn->func_module, fn->func_defaults,
                        fn->func_kwdefaults, fn->func_dict, fn->func_closure, fn->func_annotations};
    fn->func_globals = nullptr;
    fn->func_builtins = nullptr;
    fn->func_module = nullptr;
    fn->func_defaults = nullptr;
    fn->func_kwdefaults = nullptr;
    fn->func_dict = nullptr;
    fn->func_closure = nullptr;
    fn->func_annotations = nullptr;
    for (Object* x : fields) xdecref(x);
    return 0;
}

static int function_traverse(Object* op, visitproc visit, void* arg) {
    auto* fn = static_cast<FunctionObject*>(op);
    Object* fields[] = {fn->func_code, fn->func_globals, fn->func_builtins, fn->func_name, fn->func_qualname,
                        fn->func_defaults, fn->func_kwdefaults, fn->func_closure, fn->func_doc,
                        fn->func_dict, fn->func_module, fn->func_annotations};
    for (Object* x : fields)
        if (x && visit(x, arg)) return 1;
    return 0;
}

static Ref<> function_repr(ThreadState* ts, Object* op) {
    auto* fn = static_cast<FunctionObject*>(op);
    return str_from_utf8(ts, "<function " + std::string(str_utf8(fn->func_qualname)) + " at " + address_of(op) + ">");
}

static Ref<> function_descr_get(ThreadState* ts, Object* func, Object* obj, Object*) {
    if (!obj || obj == ts->interp->None) return newref(func);
    return method_new(ts, func, obj);
}

static FunctionObject* as_func(Object* o) { return static_cast<FunctionObject*>(o); }
static Ref<> fn_get_code(ThreadState*, Object* o) { return newref<Object>(as_func(o)->func_code); }
// func.__code__ = code (funcobject.c: func_set_code): the free variables must agree.
static int fn_set_code(ThreadState* ts, Object* o, Object* v) {
    Interpreter& interp = *ts->interp;
    if (!v || type_of(v) != interp.types.code) {
        raise(ts, interp.exc.TypeError, "__code__ must be set to a code object");
        return -1;
    }
    FunctionObject* fn = as_func(o);
    isize nclosure = fn->func_closure ? fn->func_closure->ob_size : 0;
    isize nfree = static_cast<CodeObject*>(v)->co_nfreevars;
    if (nclosure != nfree) {
        raise(ts, interp.exc.ValueError, std::string(str_utf8(fn->func_name)) + "() requires a code object with " +
                                             std::to_string(nclosure) + " free vars, not " + std::to_string(nfree));
        return -1;
    }
    CodeObject* old = fn->func_code;
    fn->func_code = static_cast<CodeObject*>(newref(v).release());
    decref(old);
    return 0;
}
static Ref<> fn_get_name(ThreadState*, Object* o) { return newref(as_func(o)->func_name); }
static int fn_set_name(ThreadState* ts, Object* o, Object* v) {
    if (!v || !is_str(v)) { raise(ts, ts->interp->exc.TypeError, "__name__ must be set to a string object"); return -1; }
    incref(v); decref(as_func(o)->func_name); as_func(o)->func_name = v; return 0;
}
static Ref<> fn_get_qualname(ThreadState*, Object* o) { return newref(as_func(o)->func_qualname); }
static int fn_set_qualname(ThreadState* ts, Object* o, Object* v) {
    if (!v || !is_str(v)) { raise(ts, ts->interp->exc.TypeError, "__qualname__ must be set to a string object"); return -1; }
    incref(v); decref(as_func(o)->func_qualname); as_func(o)->func_qualname = v; return 0;
}
static Ref<> fn_get_doc(ThreadState*, Object* o) { return newref(as_func(o)->func_doc); }
static int fn_set_doc(ThreadState* ts, Object* o, Object* v) {
    Object* nv = v ? v : ts->interp->None;
    incref(nv); decref(as_func(o)->func_doc); as_func(o)->func_doc = nv; return 0;
}
static Ref<> fn_get_globals(ThreadState*, Object* o) { return newref<Object>(as_func(o)->func_globals); }
static Ref<> fn_get_module(ThreadState* ts, Object* o) {
    Object* m = as_func(o)->func_module;
    return newref(m ? m : ts->interp->None);
}
static Ref<> fn_get_defaults(ThreadState* ts, Object* o) {
    Object* d = as_func(o)->func_defaults;
    return newref(d ? d : ts->interp->None);
}
static Ref<> fn_get_dict(ThreadState* ts, Object* o) {
    auto* fn = as_func(o);
    if (!fn->func_dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        fn->func_dict = d.release();
    }
    return newref<Object>(fn->func_dict);
}

static int fn_set_dict(ThreadState* ts, Object* o, Object* v) {
    if (!v) {
        raise(ts, ts->interp->exc.TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!is_dict(v)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__dict__ must be set to a dictionary, not a '") + type_name(v) + "'");
        return -1;
    }
    auto* fn = as_func(o);
    DictObject* old = fn->func_dict;
    fn->func_dict = as_dict(v);
    incref(v);
    xdecref(old);
    return 0;
}

static int fn_set_defaults(ThreadState* ts, Object* o, Object* v) {
    if (v == ts->interp->None) v = nullptr;
    if (v && !is_tuple(v)) { raise(ts, ts->interp->exc.TypeError, "__defaults__ must be set to a tuple object"); return -1; }
    xincref(v);
    Object* old = as_func(o)->func_defaults;
    as_func(o)->func_defaults = v ? as_tuple(v) : nullptr;
    xdecref(old);
    return 0;
}
static Ref<> fn_get_kwdefaults(ThreadState* ts, Object* o) {
    Object* d = as_func(o)->func_kwdefaults;
    return newref(d ? d : ts->interp->None);
}
static int fn_set_kwdefaults(ThreadState* ts, Object* o, Object* v) {
    if (v == ts->interp->None) v = nullptr;
    if (v && !is_dict(v)) { raise(ts, ts->interp->exc.TypeError, "__kwdefaults__ must be set to a dict object"); return -1; }
    xincref(v);
    Object* old = as_func(o)->func_kwdefaults;
    as_func(o)->func_kwdefaults = v ? as_dict(v) : nullptr;
    xdecref(old);
    return 0;
}
static Ref<> fn_get_closure(ThreadState* ts, Object* o) {
    Object* c = as_func(o)->func_closure;
    return newref(c ? c : ts->interp->None);
}
// MAKE_FUNCTION stores annotations as a flat (name, value, ...) tuple; the
// dict is built the first time someone asks (funcobject.c: func_get_annotations).
static Ref<> fn_get_annotations(ThreadState* ts, Object* o) {
    auto* fn = as_func(o);
    if (!fn->func_annotations || is_tuple(fn->func_annotations)) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        if (fn->func_annotations) {
            TupleObject* t = as_tuple(fn->func_annotations);
            for (isize i = 0; i + 1 < t->ob_size; i += 2)
                if (!dict_set_item(ts, d.get(), t->ob_item[i], t->ob_item[i + 1])) return nullptr;
        }
        Object* old = fn->func_annotations;
        fn->func_annotations = d.release();
        xdecref(old);
    }
    return newref(fn->func_annotations);
}
static int fn_set_annotations(ThreadState* ts, Object* o, Object* v) {
    if (v == ts->interp->None) v = nullptr;
    if (v && !is_dict(v)) { raise(ts, ts->interp->exc.TypeError, "__annotations__ must be set to a dict object"); return -1; }
    xincref(v);
    Object* old = as_func(o)->func_annotations;
    as_func(o)->func_annotations = v;
    xdecref(old);
    return 0;
}
static int fn_set_module(ThreadState*, Object* o, Object* v) {
    xincref(v);
    Object* old = as_func(o)->func_module;
    as_func(o)->func_module = v;
    xdecref(old);
    return 0;
}
static Ref<> fn_get_builtins(ThreadState*, Object* o) { return newref<Object>(as_func(o)->func_builtins); }

static const GetSetDef function_getsets[] = {
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults, nullptr},
    {"__closure__", fn_get_closure, nullptr, nullptr},
    {"__annotations__", fn_get_annotations, fn_set_annotations, nullptr},
    {"__builtins__", fn_get_builtins, nullptr, nullptr},
    {"__code__", fn_get_code, fn_set_code, nullptr},
    {"__name__", fn_get_name, fn_set_name, nullptr},
    {"__qualname__", fn_get_qualname, fn_set_qualname, nullptr},
    {"__doc__", fn_get_doc, fn_set_doc, nullptr},
    {"__globals__", fn_get_globals, nullptr, nullptr},
    {"__module__", fn_get_module, fn_set_module, nullptr},
    {"__defaults__", fn_get_defaults, fn_set_defaults, nullptr},
    {"__dict__", fn_get_dict, fn_set_dict, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
// (funcobject.c: func_new_impl).
static Ref<> function_tp_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    static const char* const names[] = {"code", "globals", "name", "argdefs", "closure"};
    static const ArgSpec spec{"function", names, 5, 2, 5, 0};
    Object* a[5] = {};
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    if (type_of(a[0]) != interp.types.code)
        return raise(ts, interp.exc.TypeError,
                     std::string("function() argument 'code' must be code, not ") + type_name(a[0]));
    if (!is_dict(a[1]))
        return raise(ts, interp.exc.TypeError,
                     std::string("function() argument 'globals' must be dict, not ") + type_name(a[1]));
    Object* name = a[2] ? a[2] : interp.None;
    Object* defaults = a[3] ? a[3] : interp.None;
    Object* closure = a[4] ? a[4] : interp.None;
    auto* code = static_cast<CodeObject*>(a[0]);
    if (name != interp.None && !is_str(name)) return raise(ts, interp.exc.TypeError, "arg 3 (name) must be None or string");
    if (defaults != interp.None && !is_tuple(defaults))
        return raise(ts, interp.exc.TypeError, "arg 4 (defaults) must be None or tuple");
    if (!is_tuple(closure)) {
        if (code->co_nfreevars && closure == interp.None)
            return raise(ts, interp.exc.TypeError, "arg 5 (closure) must be tuple");
        if (closure != interp.None) return raise(ts, interp.exc.TypeError, "arg 5 (closure) must be None or tuple");
    }
    isize nclosure = closure == interp.None ? 0 : as_tuple(closure)->ob_size;
    if (code->co_nfreevars != nclosure)
        return raise(ts, interp.exc.ValueError, std::string(str_utf8(code->co_name)) + " requires closure of length " +
                                                    std::to_string(code->co_nfreevars) + ", not " + std::to_string(nclosure));
    for (isize i = 0; i < nclosure; i++) {
        Object* c = as_tuple(closure)->ob_item[i];
        if (type_of(c) != interp.types.cell)
            return raise(ts, interp.exc.TypeError, std::string("arg 5 (closure) expected cell, found ") + type_name(c));
    }
    Ref<> fn = function_new(ts, code, as_dict(a[1]), code->co_qualname);
    if (!fn) return nullptr;
    auto* f = as_func(fn.get());
    if (name != interp.None) {
        Object* old = f->func_name;
        f->func_name = newref(name).release();
        decref(old);
    }
    if (defaults != interp.None) f->func_defaults = static_cast<TupleObject*>(newref(defaults).release());
    if (closure != interp.None) f->func_closure = static_cast<TupleObject*>(newref(closure).release());
    return fn;
}

// ------------------------------------------------------------ method

Ref<> method_new(ThreadState* ts, Object* func, Object* self) {
    auto* m = static_cast<MethodObject*>(object_alloc(ts, ts->interp->types.method, 0));
    if (!m) return nullptr;
    m->im_func = func; incref(func);
    m->im_self = self; incref(self);
    ts->interp->gc.track(m);
    return Ref<>::steal(m);
}

static void method_dealloc(Object* op) {
    auto* m = static_cast<MethodObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(m->im_func);
    xdecref(m->im_self);
    object_free(op);
}

static int method_traverse(Object* op, visitproc visit, void* arg) {
    auto* m = static_cast<MethodObject*>(op);
    if (m->im_func && visit(m->im_func, arg)) return 1;
    if (m->im_self && visit(m->im_self, arg)) return 1;
    return 0;
}

static Ref<> method_get_self(ThreadState*, Object* o) { return newref(static_cast<MethodObject*>(o)->im_self); }
static Ref<> method_get_func(ThreadState*, Object* o) { return newref(static_cast<MethodObject*>(o)->im_func); }
// Attributes not on the method itself come from the function (__name__, __doc__, ...).
static Ref<> method_getattro(ThreadState* ts, Object* self, Object* name) {
    Ref<> r = generic_getattr(ts, self, name);
    if (r || !error_matches(ts, ts->interp->exc.AttributeError)) return r;
    error_clear(ts);
    return object_getattr(ts, static_cast<MethodObject*>(self)->im_func, name);
}
// The type's own __doc__ would shadow the function's: a getset, as
// classobject.c's method_get_doc, so help(obj.method) shows the docstring.
static Ref<> method_get_doc(ThreadState* ts, Object* o) {
    return object_getattr_cstr(ts, static_cast<MethodObject*>(o)->im_func, "__doc__");
}
static const GetSetDef method_getsets[] = {
    {"__doc__", method_get_doc, nullptr, nullptr},
    {"__self__", method_get_self, nullptr, nullptr},
    {"__func__", method_get_func, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// types.MethodType(function, instance) (classobject.c: method_new_impl).
static Ref<> method_tp_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size) return raise(ts, ts->interp->exc.TypeError, "method() takes no keyword arguments");
    if (nargs != 2)
        return raise(ts, ts->interp->exc.TypeError, "method expected 2 arguments, got " + std::to_string(nargs));
    if (!is_callable(args[0])) return raise(ts, ts->interp->exc.TypeError, "first argument must be callable");
    if (args[1] == ts->interp->None) return raise(ts, ts->interp->exc.TypeError, "instance must not be None");
    return method_new(ts, args[0], args[1]);
}

// Bound methods are equal when they bind the same function to the very
// same object (classobject.c: method_richcompare).
static Ref<> method_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if ((op != Py_EQ && op != Py_NE) || type_of(a) != interp.types.method || type_of(b) != interp.types.method)
        return newref(interp.NotImplemented);
    auto* x = static_cast<MethodObject*>(a);
    auto* y = static_cast<MethodObject*>(b);
    int eq = object_richcompare_bool(ts, x->im_func, y->im_func, Py_EQ);
    if (eq < 0) return nullptr;
    bool same = eq && x->im_self == y->im_self;
    return bool_from(ts, op == Py_EQ ? same : !same);
}

static int64_t method_hash(ThreadState* ts, Object* op) {
    auto* m = static_cast<MethodObject*>(op);
    int64_t h = object_hash(ts, m->im_func);
    if (h == -1 && error_occurred(ts)) return -1;
    int64_t x = int64_t(reinterpret_cast<uintptr_t>(m->im_self) >> 4 | reinterpret_cast<uintptr_t>(m->im_self) << 60);
    int64_t r = x ^ h;
    return r == -1 ? -2 : r;
}

static Ref<> method_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* m = static_cast<MethodObject*>(callable);
    isize nkw = kwnames ? kwnames->ob_size : 0;
    // self in front of the arguments: on the machine stack for the usual
    // few (no allocation per call, and nothing left behind by a thread that
    // never returns from the call: a daemon thread at exit).
    Object* small[8];
    std::vector<Object*> large;
    Object** buf = small;
    if (nargs + nkw + 1 > isize(std::size(small))) {
        large.resize(std::size_t(nargs + nkw + 1));
        buf = large.data();
    }
    buf[0] = m->im_self;
    for (isize i = 0; i < nargs + nkw; i++) buf[i + 1] = args[i];
    return object_vectorcall(ts, m->im_func, buf, nargs + 1, kwnames);
}

// method.__reduce__ (classobject.c's method_reduce): getattr(self, name),
// so a bound method pickles when its instance does.
static Ref<> method_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* m = static_cast<MethodObject*>(self);
    Ref<> name = object_getattr_cstr(ts, m->im_func, "__name__");
    if (!name) return nullptr;
    return reduce_as_getattr(ts, m->im_self, name.get());
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> method_repr(ThreadState* ts, Object* op) {
    auto* m = static_cast<MethodObject*>(op);
    Ref<> self_repr = object_repr(ts, m->im_self);
    if (!self_repr) return nullptr;
    Ref<> name = object_getattr_cstr(ts, m->im_func, "__qualname__");
    if (!name) return nullptr;
    return str_from_utf8(ts, "<bound method " + std::string(str_utf8(name.get())) + " of " +
                                 std::string(str_utf8(self_repr.get())) + ">");
}

// ------------------------------------------------------------ cell

Ref<> cell_new(ThreadState* ts, Object* value) {
    auto* c = static_cast<CellObject*>(object_alloc(ts, ts->interp->types.cell, 0));
    if (!c) return nullptr;
    c->ob_ref = value;
    xincref(value);
    ts->interp->gc.track(c);
    return Ref<>::steal(c);
}

static void cell_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(static_cast<CellObject*>(op)->ob_ref);
    object_free(op);
}

static int cell_traverse(Object* op, visitproc visit, void* arg) {
    Object* v = static_cast<CellObject*>(op)->ob_ref;
    return v ? visit(v, arg) : 0;
}

// tp_clear (cellobject.c: cell_clear): the cell becomes empty.
static int cell_clear(Object* op) {
    auto* c = static_cast<CellObject*>(op);
    Object* v = c->ob_ref;
    c->ob_ref = nullptr;
    xdecref(v);
    return 0;
}

static std::string type_and_address(Object* o) {
    return std::string(type_name(o)) + " object at " + address_of(o);
}

// <cell at 0x...: int object at 0x...> / <cell at 0x...: empty> (cell_repr).
static Ref<> cell_repr(ThreadState* ts, Object* op) {
    Object* v = static_cast<CellObject*>(op)->ob_ref;
    return str_from_utf8(ts, "<cell at " + address_of(op) + ": " + (v ? type_and_address(v) : "empty") + ">");
}

// Cells compare by contents; an empty cell sorts before a full one
// (cellobject.c: cell_richcompare).
static Ref<> cell_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (type_of(a) != ts->interp->types.cell || type_of(b) != ts->interp->types.cell)
        return newref(ts->interp->NotImplemented);
    Object* x = static_cast<CellObject*>(a)->ob_ref;
    Object* y = static_cast<CellObject*>(b)->ob_ref;
    if (x && y) return object_richcompare(ts, x, y, op);
    int l = x != nullptr, r = y != nullptr;
    bool res = false;
    switch (op) {
        case Py_LT: res = l < r; break;
        case Py_LE: res = l <= r; break;
        case Py_EQ: res = l == r; break;
        case Py_NE: res = l != r; break;
        case Py_GT: res = l > r; break;
        case Py_GE: res = l >= r; break;
    }
    return bool_from(ts, res);
}

// cell([contents]): a cell, empty without an argument (cell_new).
static Ref<> cell_tp_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size) return raise(ts, ts->interp->exc.TypeError, "cell() takes no keyword arguments");
    if (nargs > 1)
        return raise(ts, ts->interp->exc.TypeError, "cell expected at most 1 argument, got " + std::to_string(nargs));
    return cell_new(ts, nargs ? args[0] : nullptr);
}

static Ref<> cell_get_contents(ThreadState* ts, Object* op) {
    Object* v = static_cast<CellObject*>(op)->ob_ref;
    if (!v) return raise(ts, ts->interp->exc.ValueError, "Cell is empty");
    return newref(v);
}

// Assigning fills the cell, deleting empties it (an empty one stays empty).
static int cell_set_contents(ThreadState*, Object* op, Object* value) {
    auto* c = static_cast<CellObject*>(op);
    Object* old = c->ob_ref;
    c->ob_ref = value;
    xincref(value);
    xdecref(old);
    return 0;
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ module

Ref<ModuleObject> module_new(ThreadState* ts, const char* name) {
    Interpreter& interp = *ts->interp;
    auto* m = static_cast<ModuleObject*>(object_alloc(ts, interp.types.module, 0));
    if (!m) return nullptr;
    Ref<ModuleObject> mod = Ref<ModuleObject>::steal(m);
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    m->md_dict = d.release();
    Ref<> n = str_from_utf8(ts, name);
    if (!n || !dict_set_cstr(ts, m->md_dict, "__name__", n.get()) ||
        !dict_set_cstr(ts, m->md_dict, "__doc__", interp.None))
        return nullptr;
    interp.gc.track(m);
    return mod;
}

static void module_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(static_cast<ModuleObject*>(op)->md_dict);
    object_free(op);
}

static int module_traverse(Object* op, visitproc visit, void* arg) {
    Object* d = static_cast<ModuleObject*>(op)->md_dict;
    return d ? visit(d, arg) : 0;
}

static Ref<> module_repr(ThreadState* ts, Object* op) {
    Object* name = dict_get_cstr(ts, static_cast<ModuleObject*>(op)->md_dict, "__name__");
    std::string n = name && is_str(name) ? std::string(str_utf8(name)) : "?";
    if (n == "builtins" || n == "sys") return str_from_utf8(ts, "<module '" + n + "' (built-in)>");
    // importlib's _module_repr: the file it came from, else its loader.
    Object* file = dict_get_cstr(ts, static_cast<ModuleObject*>(op)->md_dict, "__file__");
    if (file && is_str(file)) {
        std::string_view f = str_utf8(file);
        if (f.rfind("<frozen ", 0) == 0) return str_from_utf8(ts, "<module '" + n + "' (frozen)>");
        Ref<> r = object_repr(ts, file);
        if (!r) return nullptr;
        return str_from_utf8(ts, "<module '" + n + "' from " + std::string(str_utf8(r.get())) + ">");
    }
    Object* loader = dict_get_cstr(ts, static_cast<ModuleObject*>(op)->md_dict, "__loader__");
    if (loader && loader != ts->interp->None) {
        Ref<> r = object_repr(ts, loader);
        if (!r) return nullptr;
        return str_from_utf8(ts, "<module '" + n + "' (" + std::string(str_utf8(r.get())) + ")>");
    }
    return str_from_utf8(ts, "<module '" + n + "'>");
}

static Ref<> module_getattro(ThreadState* ts, Object* op, Object* name) {
    auto* m = static_cast<ModuleObject*>(op);
    if (Object* v = dict_get_str(m->md_dict, as_str(name))) return newref(v);
    if (str_equal_ascii(as_str(name), "__dict__")) return newref<Object>(m->md_dict);
    Ref<> r = generic_getattr(ts, op, name);
    if (!r && error_matches(ts, ts->interp->exc.AttributeError)) {
        error_clear(ts);
        // PEP 562: a module-level __getattr__(name) answers for missing names.
        if (Object* hook = dict_get_cstr(ts, m->md_dict, "__getattr__")) {
            Ref<> keep = newref(hook);
            return object_call_one(ts, hook, name);
        }
        if (error_occurred(ts)) return nullptr;
        Object* mname = dict_get_cstr(ts, m->md_dict, "__name__");
        return raise(ts, ts->interp->exc.AttributeError,
                     "module '" + std::string(mname ? str_utf8(mname) : "?") + "' has no attribute '" +
                         std::string(str_utf8(name)) + "'");
    }
    return r;
}

// types.ModuleType(name, doc=None): an empty module (moduleobject.c:
// new_module and module___init__).
static Ref<> module_tp_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    auto* m = static_cast<ModuleObject*>(object_alloc(ts, type, 0));
    if (!m) return nullptr;
    Ref<> keep = Ref<>::steal(m);
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    m->md_dict = d.release();
    ts->interp->gc.track(m);
    return keep;
}

static int module_tp_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    static const char* const names[] = {"name", "doc"};
    static const ArgSpec spec{"module", names, 2, 1, 2, 0};
    Object* a[2] = {};
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return -1;
    if (!is_str(a[0])) {
        raise(ts, interp.exc.TypeError, std::string("module() argument 'name' must be str, not ") + type_name(a[0]));
        return -1;
    }
    DictObject* d = static_cast<ModuleObject*>(self)->md_dict;
    bool ok = dict_set_cstr(ts, d, "__name__", a[0]) && dict_set_cstr(ts, d, "__doc__", a[1] ? a[1] : interp.None) &&
              dict_set_cstr(ts, d, "__package__", interp.None) && dict_set_cstr(ts, d, "__loader__", interp.None) &&
              dict_set_cstr(ts, d, "__spec__", interp.None);
    return ok ? 0 : -1;
}

static int module_setattro(ThreadState* ts, Object* op, Object* name, Object* value) {
    auto* m = static_cast<ModuleObject*>(op);
    if (value) return dict_set_item(ts, m->md_dict, name, value) ? 0 : -1;
    return dict_del_item(ts, m->md_dict, name) ? 0 : -1;
}

bool init_function_types(ThreadState* ts) {
    BuiltinTypes& t = ts->interp->types;
    t.function->tp_dealloc = function_dealloc;
    t.function->tp_traverse = function_traverse;
    t.function->tp_clear = function_clear;
    t.function->tp_weaklistoffset = weaklist_offset(&FunctionObject::func_weakreflist);
    t.method->tp_weaklistoffset = weaklist_offset(&MethodObject::im_weakreflist);
    t.module->tp_weaklistoffset = weaklist_offset(&ModuleObject::md_weaklist);
    t.function->tp_repr = function_repr;
    t.function->tp_call = function_call;
    t.function->tp_descr_get = function_descr_get;
    t.function->tp_dictoffset = offsetof(FunctionObject, func_dict);   // f.attr = v (function attributes)
    t.method->tp_dealloc = method_dealloc;
    t.method->tp_traverse = method_traverse;
    t.method->tp_call = method_call;
    t.method->tp_repr = method_repr;
    t.method->tp_getattro = method_getattro;
    t.method->tp_new = method_tp_new;
    t.method->tp_richcompare = method_richcompare;
    t.method->tp_hash = method_hash;
    t.method->tp_methods = method_methods;
    t.function->tp_new = function_tp_new;
    t.module->tp_new = module_tp_new;
    t.module->tp_init = module_tp_init;
    // Function attributes (f.x = 1) live in func_dict.
    t.function->tp_dictoffset = offsetof(FunctionObject, func_dict);
    t.cell->tp_dealloc = cell_dealloc;
    t.cell->tp_traverse = cell_traverse;
    t.cell->tp_clear = cell_clear;
    t.cell->tp_repr = cell_repr;
    t.cell->tp_richcompare = cell_richcompare;
    t.cell->tp_new = cell_tp_new;
    t.cell->tp_doc =
        "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be "
        "empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.";
    t.module->tp_dealloc = module_dealloc;
    t.module->tp_traverse = module_traverse;
    t.module->tp_repr = module_repr;
    t.module->tp_getattro = module_getattro;
    t.module->tp_setattro = module_setattro;
    return type_add_getsets(ts, t.function, function_getsets) && type_add_getsets(ts, t.method, method_getsets) &&
           type_add_getsets(ts, t.cell, cell_getsets);
}

}  // namespace gp
