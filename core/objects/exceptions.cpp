// exceptions.cpp — BaseException, its subclasses, and traceback entries.
//
// Mirrors CPython 3.11's Objects/exceptions.c and Python/traceback.c (the
// object part; printing lives in runtime/traceback.cpp). Every exception
// keeps its constructor arguments in `args`; str() of an exception is ''
// for no arguments, str(arg) for one, str(args) for several — except
// KeyError, which shows repr(key) so that KeyError('') is visible.
#include "objects/exceptions.h"

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/frameobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_exception_instance(Object* o) {
    return type_has_flag(type_of(o), TPFLAGS_BASE_EXC_SUBCLASS);
}

bool is_exception_class(Object* o) {
    return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS) &&
           type_has_flag(static_cast<TypeObject*>(o), TPFLAGS_BASE_EXC_SUBCLASS);
}

static BaseExceptionObject* as_exc(Object* o) { return static_cast<BaseExceptionObject*>(o); }

static Ref<> exc_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                     TupleObject* kwnames) {
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    Ref<> self = Ref<>::steal(op);
    Ref<TupleObject> a = tuple_from_array(ts, args, nargs);
    if (!a) return nullptr;
    as_exc(op)->args = a.release();
    ts->interp->gc.track(op);
    return self;
}

static int exc_init(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                    TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size) {
        raise(ts, ts->interp->exc.TypeError,
              std::string(type_name(self)) + "() takes no keyword arguments");
        return -1;
    }
    Ref<TupleObject> a = tuple_from_array(ts, args, nargs);
    if (!a) return -1;
    TupleObject* old = as_exc(self)->args;
    as_exc(self)->args = a.release();
    xdecref(old);
    return 0;
}

static int exc_clear(Object* op) {
    auto* e = as_exc(op);
    Object* fields[] = {e->dict, e->args, e->traceback, e->context, e->cause};
    e->dict = nullptr; e->args = nullptr; e->traceback = nullptr;
    e->context = nullptr; e->cause = nullptr;
    for (Object* f : fields) xdecref(f);
    return 0;
}

static void exc_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    exc_clear(op);
    object_free(op);
}

static int exc_traverse(Object* op, visitproc visit, void* arg) {
    auto* e = as_exc(op);
    for (Object* f : {e->dict, static_cast<Object*>(e->args), e->traceback, e->context, e->cause})
        if (f && visit(f, arg)) return 1;
    return 0;
}

static Ref<> exc_str(ThreadState* ts, Object* self) {
    TupleObject* args = as_exc(self)->args;
    isize n = args ? args->ob_size : 0;
    if (n == 0) return str_from_utf8(ts, "");
    if (n == 1) return object_str(ts, args->ob_item[0]);
    return object_str(ts, args);
}

static Ref<> keyerror_str(ThreadState* ts, Object* self) {
    TupleObject* args = as_exc(self)->args;
    if (args && args->ob_size == 1) return object_repr(ts, args->ob_item[0]);
    return exc_str(ts, self);
}

static Ref<> exc_repr(ThreadState* ts, Object* self) {
    TupleObject* args = as_exc(self)->args;
    std::string text = type_of(self)->tp_name;
    if (args && args->ob_size == 1) {
        Ref<> r = object_repr(ts, args->ob_item[0]);
        if (!r) return nullptr;
        text += "(" + std::string(str_utf8(r.get())) + ")";
    } else {
        Ref<> r = object_repr(ts, args ? static_cast<Object*>(args) : ts->interp->empty_tuple);
        if (!r) return nullptr;
        text += std::string(str_utf8(r.get()));
    }
    return str_from_utf8(ts, text);
}

// ---- attributes

static Ref<> get_args(ThreadState* ts, Object* self) {
    return newref<Object>(as_exc(self)->args ? static_cast<Object*>(as_exc(self)->args) : ts->interp->empty_tuple);
}
static int set_args(ThreadState* ts, Object* self, Object* value) {
    if (!value) { raise(ts, ts->interp->exc.TypeError, "args may not be deleted"); return -1; }
    Ref<> seq = newref(value);
    if (!is_tuple(value)) {
        Ref<> it = object_get_iter(ts, value);
        if (!it) return -1;
        // Collect into a tuple.
        std::vector<Ref<>> items;
        while (Ref<> x = iter_next(ts, it.get())) items.push_back(std::move(x));
        if (error_occurred(ts)) return -1;
        Ref<TupleObject> t = tuple_new(ts, isize(items.size()));
        if (!t) return -1;
        for (std::size_t i = 0; i < items.size(); i++) t->ob_item[i] = items[i].release();
        seq = std::move(t);
    }
    TupleObject* old = as_exc(self)->args;
    as_exc(self)->args = static_cast<TupleObject*>(seq.release());
    xdecref(old);
    return 0;
}
static Ref<> or_none(ThreadState* ts, Object* o) { return newref(o ? o : ts->interp->None); }
static int replace_field(ThreadState* ts, Object** slot, Object* value) {
    Object* v = (value == ts->interp->None) ? nullptr : value;
    xincref(v);
    Object* old = *slot;
    *slot = v;
    xdecref(old);
    return 0;
}
static Ref<> get_traceback(ThreadState* ts, Object* self) { return or_none(ts, as_exc(self)->traceback); }
static int set_traceback(ThreadState* ts, Object* self, Object* v) {
    if (!v) { raise(ts, ts->interp->exc.TypeError, "__traceback__ may not be deleted"); return -1; }
    if (v != ts->interp->None && type_of(v) != ts->interp->types.traceback) {
        raise(ts, ts->interp->exc.TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    return replace_field(ts, &as_exc(self)->traceback, v);
}
static Ref<> get_context(ThreadState* ts, Object* self) { return or_none(ts, as_exc(self)->context); }
static int set_context(ThreadState* ts, Object* self, Object* v) {
    if (!v) { raise(ts, ts->interp->exc.TypeError, "__context__ may not be deleted"); return -1; }
    if (v != ts->interp->None && !is_exception_instance(v)) {
        raise(ts, ts->interp->exc.TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    return replace_field(ts, &as_exc(self)->context, v);
}
static Ref<> get_cause(ThreadState* ts, Object* self) { return or_none(ts, as_exc(self)->cause); }
static int set_cause(ThreadState* ts, Object* self, Object* v) {
    if (!v) { raise(ts, ts->interp->exc.TypeError, "__cause__ may not be deleted"); return -1; }
    if (v != ts->interp->None && !is_exception_instance(v)) {
        raise(ts, ts->interp->exc.TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    as_exc(self)->suppress_context = true;
    return replace_field(ts, &as_exc(self)->cause, v);
}
static Ref<> get_suppress(ThreadState* ts, Object* self) {
    return newref<Object>(as_exc(self)->suppress_context ? ts->interp->True : ts->interp->False);
}
static int set_suppress(ThreadState* ts, Object* self, Object* v) {
    if (!v) { raise(ts, ts->interp->exc.TypeError, "__suppress_context__ may not be deleted"); return -1; }
    int t = object_is_true(ts, v);
    if (t < 0) return -1;
    as_exc(self)->suppress_context = t;
    return 0;
}
// SystemExit.code and StopIteration.value: the first argument, or None.
static Ref<> get_first_arg(ThreadState* ts, Object* self) {
    TupleObject* a = as_exc(self)->args;
    if (!a || a->ob_size == 0) return newref(ts->interp->None);
    if (a->ob_size == 1 || type_of(self) != ts->interp->exc.SystemExit) return newref(a->ob_item[0]);
    return newref<Object>(a);
}

// BaseException.__dict__ (PyObject_GenericGetDict): made on first use.
static Ref<> get_dict(ThreadState* ts, Object* self) {
    auto* e = as_exc(self);
    if (!e->dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        e->dict = d.release();
    }
    return newref(e->dict);
}
static int set_dict(ThreadState* ts, Object* self, Object* v) {
    if (!v) { raise(ts, ts->interp->exc.TypeError, "__dict__ may not be deleted"); return -1; }
    if (!is_dict(v)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__dict__ must be set to a dictionary, not a '") + type_name(v) + "'");
        return -1;
    }
    return replace_field(ts, &as_exc(self)->dict, v);
}

static const GetSetDef exc_getsets[] = {
    {"__dict__", get_dict, set_dict, nullptr},
    {"args", get_args, set_args, nullptr},
    {"__traceback__", get_traceback, set_traceback, nullptr},
    {"__context__", get_context, set_context, nullptr},
    {"__cause__", get_cause, set_cause, nullptr},
    {"__suppress_context__", get_suppress, set_suppress, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef systemexit_getsets[] = {{"code", get_first_arg, nullptr, nullptr}, {nullptr, nullptr, nullptr, nullptr}};
static const GetSetDef stopiteration_getsets[] = {{"value", get_first_arg, nullptr, nullptr}, {nullptr, nullptr, nullptr, nullptr}};

static Ref<> exc_with_traceback(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "with_traceback", kw) || !check_nargs(ts, "with_traceback", nargs, 1, 1)) return nullptr;
    if (set_traceback(ts, self, args[0]) < 0) return nullptr;
    return newref(self);
}
// add_note(note): appends to __notes__, which lives in the instance dict
// and is created on first use (exceptions.c: BaseException_add_note).
static Ref<> exc_add_note(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "add_note", kw) || !check_nargs(ts, "add_note", nargs, 1, 1)) return nullptr;
    Object* note = args[0];
    if (!is_str(note))
        return raise(ts, interp.exc.TypeError, std::string("note must be a str, not '") + type_name(note) + "'");
    Object* name = interp.intern("__notes__");
    Ref<> notes = object_getattr(ts, self, name);
    if (!notes) {
        if (!error_matches(ts, interp.exc.AttributeError)) return nullptr;
        error_clear(ts);
        notes = list_new(ts, 0);
        if (!notes || object_setattr(ts, self, name, notes.get()) < 0) return nullptr;
        notes = object_getattr(ts, self, name);
        if (!notes) return nullptr;
    }
    if (!is_list(notes.get())) return raise(ts, interp.exc.TypeError, "Cannot add note: __notes__ is not a list");
    if (!list_append(ts, as_list(notes.get()), note)) return nullptr;
    return newref(interp.None);
}

// __reduce__: (type(self), self.args) plus the instance dict when it has
// entries (exceptions.c: BaseException___reduce___impl).
static Ref<> exc_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* e = static_cast<BaseExceptionObject*>(self);
    Object* args = e->args ? static_cast<Object*>(e->args) : ts->interp->empty_tuple;
    if (e->dict && is_dict(e->dict) && dict_size(as_dict(e->dict)) > 0)
        return tuple_pack(ts, {type_of(self), args, e->dict});
    return tuple_pack(ts, {type_of(self), args});
}

// __setstate__(state): the dict's items become attributes.
static Ref<> exc_setstate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__setstate__", kw) || !check_nargs(ts, "__setstate__", nargs, 1, 1)) return nullptr;
    Object* state = args[0];
    if (state == ts->interp->None) return newref(ts->interp->None);
    if (!is_dict(state)) return raise(ts, ts->interp->exc.TypeError, "state is not a dictionary");
    isize pos = 0;
    Object *k, *v;
    while (dict_next(as_dict(state), &pos, &k, &v))
        if (object_setattr(ts, self, k, v) < 0) return nullptr;
    return newref(ts->interp->None);
}

static const MethodDef exc_methods[] = {
    {"__reduce__", exc_reduce, METH_DEFAULT, nullptr},
    {"__setstate__", exc_setstate, METH_DEFAULT, nullptr},
    {"with_traceback", exc_with_traceback, METH_DEFAULT, "Set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, METH_DEFAULT, "Add a note to the exception"},
    {nullptr, nullptr, 0, nullptr},
};

// ---- traceback objects

static TracebackObject* as_tb(Object* o) { return static_cast<TracebackObject*>(o); }

static void tb_dealloc(Object* op) {
    auto* tb = as_tb(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(tb->tb_next);
    xdecref(tb->tb_frame);
    xdecref(reinterpret_cast<Object*>(tb->tb_code));
    object_free(op);
}
static int tb_traverse(Object* op, visitproc visit, void* arg) {
    auto* tb = as_tb(op);
    if (tb->tb_next && visit(tb->tb_next, arg)) return 1;
    if (tb->tb_frame && visit(tb->tb_frame, arg)) return 1;
    return 0;
}
// tp_clear (tb_clear): the frame is what closes cycles (frame -> locals ->
// exception -> traceback -> frame).
static int tb_clear(Object* op) {
    auto* tb = as_tb(op);
    Object* fields[] = {tb->tb_next, tb->tb_frame};
    tb->tb_next = nullptr;
    tb->tb_frame = nullptr;
    for (Object* x : fields) xdecref(x);
    return 0;
}

static Ref<> tb_get_next(ThreadState* ts, Object* self) { return or_none(ts, as_tb(self)->tb_next); }

// tb_next may be replaced by another traceback or None, as long as no loop
// forms (traceback.c: tb_next_set).
static int tb_set_next(ThreadState* ts, Object* self, Object* value) {
    Interpreter& interp = *ts->interp;
    if (!value) {
        raise(ts, interp.exc.TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == interp.None) {
        value = nullptr;
    } else if (type_of(value) != interp.types.traceback) {
        raise(ts, interp.exc.TypeError, std::string("expected traceback object, got '") + type_name(value) + "'");
        return -1;
    }
    for (Object* cur = value; cur; cur = as_tb(cur)->tb_next) {
        if (cur == self) {
            raise(ts, interp.exc.ValueError, "traceback loop detected");
            return -1;
        }
    }
    Object* old = as_tb(self)->tb_next;
    xincref(value);
    as_tb(self)->tb_next = static_cast<TracebackObject*>(value);
    xdecref(old);
    return 0;
}

static Ref<> tb_get_frame(ThreadState* ts, Object* self) { return or_none(ts, as_tb(self)->tb_frame); }
static Ref<> tb_get_lineno(ThreadState* ts, Object* self) { return int_from_i64(ts, as_tb(self)->tb_lineno); }
static Ref<> tb_get_lasti(ThreadState* ts, Object* self) { return int_from_i64(ts, as_tb(self)->tb_lasti); }
static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, nullptr},
    {"tb_frame", tb_get_frame, nullptr, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// dir(tb) lists only the four attributes (traceback.c: tb_dir).
static Ref<> tb_dir(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    Ref<ListObject> names = list_new(ts, 0);
    if (!names) return nullptr;
    for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"}) {
        Ref<> s = str_from_utf8(ts, n);
        if (!s || !list_append(ts, names.get(), s.get())) return nullptr;
    }
    return names;
}

static const MethodDef tb_methods[] = {
    {"__dir__", tb_dir, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static TracebackObject* tb_alloc(ThreadState* ts, TracebackObject* next, FrameObject* frame, int lasti, int lineno) {
    auto* tb = static_cast<TracebackObject*>(object_alloc(ts, ts->interp->types.traceback, 0));
    if (!tb) return nullptr;
    tb->tb_next = next;
    xincref(next);
    tb->tb_frame = frame;
    xincref(frame);
    tb->tb_code = frame->f_frame->code;
    incref(reinterpret_cast<Object*>(tb->tb_code));
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    ts->interp->gc.track(tb);
    return tb;
}

bool traceback_add(ThreadState* ts, Object* exc, Frame* f) {
    if (!is_exception_instance(exc)) return true;
    // The frame object is made without raising: a MemoryError here would
    // replace the exception being recorded.
    FrameObject* frame = frame_get_object(nullptr, f);
    if (!frame) return false;
    auto* e = as_exc(exc);
    TracebackObject* tb = tb_alloc(ts, static_cast<TracebackObject*>(e->traceback), frame, f->prev_instr * 2,
                                   frame_lineno(f));
    if (!tb) return false;
    Object* old = e->traceback;
    e->traceback = tb;
    xdecref(old);
    return true;
}

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) (tb_new).
static Ref<> tb_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    static const char* const names[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};
    static const ArgSpec spec{"TracebackType", names, 4, 4, 4, 0};
    Object* a[4];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    if (a[0] != interp.None && type_of(a[0]) != interp.types.traceback)
        return raise(ts, interp.exc.TypeError,
                     std::string("expected traceback object or None, got '") + type_name(a[0]) + "'");
    if (type_of(a[1]) != interp.types.frame)
        return raise(ts, interp.exc.TypeError,
                     std::string("TracebackType() argument 'tb_frame' must be frame, not ") + type_name(a[1]));
    isize lasti, lineno;
    if (!index_as_isize(ts, a[2], &lasti) || !index_as_isize(ts, a[3], &lineno)) return nullptr;
    TracebackObject* next = a[0] == interp.None ? nullptr : as_tb(a[0]);
    TracebackObject* tb = tb_alloc(ts, next, static_cast<FrameObject*>(a[1]), int(lasti), int(lineno));
    return tb ? Ref<>::steal(tb) : nullptr;
}

bool init_exception_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    ExceptionTypes& x = interp.exc;
    const uint64_t flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_BASE_EXC_SUBCLASS;

    x.BaseException = type_new_builtin(interp, "BaseException", sizeof(BaseExceptionObject), 0,
                                       interp.types.object, flags);
    if (!x.BaseException) return false;
    TypeObject* be = x.BaseException;
    be->tp_new = exc_new;
    be->tp_init = exc_init;
    be->tp_dealloc = exc_dealloc;
    be->tp_traverse = exc_traverse;
    be->tp_clear = exc_clear;
    be->tp_repr = exc_repr;
    be->tp_str = exc_str;
    be->tp_dictoffset = offsetof(BaseExceptionObject, dict);
    be->tp_doc = "Common base class for all exceptions";
    if (!type_ready(ts, be) || !type_add_getsets(ts, be, exc_getsets) ||
        !type_add_methods(ts, be, exc_methods))
        return false;

    // Every other class of the hierarchy, in the X-macro's order (bases come
    // before their subclasses there). `BaseException` itself is already made.
#define GP_MAKE_EXC(name, base)                                                              \
    if (!x.name) {                                                                           \
        x.name = type_new_builtin(interp, #name, exception_basicsize(ts, #name, x.base), 0, x.base, flags); \
        if (!x.name || !exception_fields_setup(ts, x.name) || !type_ready(ts, x.name)) return false; \
    }
#define GP_EXCEPTION_SUBTYPES(X) GP_EXCEPTION_TYPES_AFTER_BASE(X)
    GP_EXCEPTION_TYPES_AFTER_BASE(GP_MAKE_EXC)
#undef GP_EXCEPTION_SUBTYPES
#undef GP_MAKE_EXC

    x.KeyError->tp_str = keyerror_str;
    if (!type_add_getsets(ts, x.SystemExit, systemexit_getsets) ||
        !type_add_getsets(ts, x.StopIteration, stopiteration_getsets))
        return false;

    TypeObject* tbt = interp.types.traceback;
    tbt->tp_dealloc = tb_dealloc;
    tbt->tp_traverse = tb_traverse;
    tbt->tp_clear = tb_clear;
    tbt->tp_new = tb_new;
    return type_add_getsets(ts, tbt, tb_getsets) && type_add_methods(ts, tbt, tb_methods);
}

}  // namespace gp
