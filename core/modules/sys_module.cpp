// sys_module.cpp — the sys module: argv, path-free basics, the standard
// streams, recursion limit, getrefcount, getsizeof, intern, ...
//
// Mirrors CPython 3.11's Python/sysmodule.c. sys.stdout and sys.stderr are
// small stream objects whose write() hands text to the host through the
// interpreter's OutputSink — the terminal natively, a JS callback in the
// browser.
#include "modules/builtins.h"

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/tracing.h"
#include "runtime/traceback.h"

namespace gp {

// ------------------------------------------------------------ std streams

struct StdStreamObject : Object {
    int which;             // 1 stdout, 2 stderr
};

static void stdstream_dealloc(Object* op) { object_free(op); }

static Ref<> stdstream_write(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError, std::string("write() argument must be str, not ") + type_name(args[0]));
    std::string_view text = str_utf8(args[0]);
    Interpreter& interp = *ts->interp;
    if (interp.output) interp.output(static_cast<StdStreamObject*>(self)->which == 2 ? Stream::Stderr : Stream::Stdout, text);
    return int_from_i64(ts, as_str(args[0])->length);
}

static Ref<> stdstream_flush(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "flush", kw) || !check_nargs(ts, "flush", nargs, 0, 0)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (interp.output) interp.output(static_cast<StdStreamObject*>(self)->which == 2 ? Stream::Stderr : Stream::Stdout, {});
    return newref(ts->interp->None);
}

static Ref<> stdstream_repr(ThreadState* ts, Object* self) {
    int w = static_cast<StdStreamObject*>(self)->which;
    return str_from_utf8(ts, w == 2 ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                                    : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}

static const MethodDef stdstream_methods[] = {
    {"write", stdstream_write, 0, "Write string to stream. Returns the number of characters written."},
    {"flush", stdstream_flush, 0, "Flush write buffers, if applicable."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_stdstream_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.stdstream;
    t->tp_name = "_io.TextIOWrapper";
    t->tp_basicsize = sizeof(StdStreamObject);
    t->tp_dealloc = stdstream_dealloc;
    t->tp_repr = stdstream_repr;
    return type_add_methods(ts, t, stdstream_methods);
}

static Ref<> make_stream(ThreadState* ts, int which) {
    auto* s = static_cast<StdStreamObject*>(object_alloc(ts, ts->interp->types.stdstream, 0));
    if (!s) return nullptr;
    s->which = which;
    return Ref<>::steal(s);
}

bool write_stdout(ThreadState* ts, Object* text) {
    Ref<> out = object_getattr_cstr(ts, ts->interp->sys, "stdout");
    if (!out) return false;
    Ref<> write = object_getattr_cstr(ts, out.get(), "write");
    if (!write) return false;
    Ref<> r = object_call_one(ts, write.get(), text);
    return bool(r);
}

// ------------------------------------------------------------ functions

static Ref<> sys_getrefcount(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getrefcount", kw) || !check_nargs(ts, "getrefcount", nargs, 1, 1)) return nullptr;
    // The argument itself holds one reference while we look, as in CPython.
    return int_from_i64(ts, args[0]->ob_refcnt);
}

static Ref<> sys_getrecursionlimit(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getrecursionlimit", kw) || !check_nargs(ts, "getrecursionlimit", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, ts->interp->recursion_limit);
}

static Ref<> sys_setrecursionlimit(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setrecursionlimit", kw) || !check_nargs(ts, "setrecursionlimit", nargs, 1, 1)) return nullptr;
    if (!is_int(args[0]))
        return raise(ts, ts->interp->exc.TypeError, "'" + std::string(type_name(args[0])) + "' object cannot be interpreted as an integer");
    isize v;
    if (!index_as_isize(ts, args[0], &v)) return nullptr;
    if (v < 1) return raise(ts, ts->interp->exc.ValueError, "recursion limit must be greater or equal than 1");
    if (v <= ts->recursion_depth)
        return raise(ts, ts->interp->exc.RecursionError,
                     "cannot set the recursion limit to " + std::to_string(v) + " at the recursion depth " +
                         std::to_string(ts->recursion_depth) + ": the limit is too low");
    ts->interp->recursion_limit = int(v > 1000000 ? 1000000 : v);
    return newref(ts->interp->None);
}

static Ref<> sys_intern(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "intern", kw) || !check_nargs(ts, "intern", nargs, 1, 1)) return nullptr;
    if (type_of(args[0]) != ts->interp->types.str)
        return raise(ts, ts->interp->exc.TypeError, std::string("intern() argument must be str, not ") + type_name(args[0]));
    return str_intern(ts, newref(args[0]));
}

static Ref<> sys_exit(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "exit", kw) || !check_nargs(ts, "exit", nargs, 0, 1)) return nullptr;
    Ref<> exc = object_vectorcall(ts, ts->interp->exc.SystemExit, args, nargs);
    if (!exc) return nullptr;
    return raise_object(ts, exc.get());
}

static Ref<> sys_getallocatedblocks(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getallocatedblocks", kw) || !check_nargs(ts, "getallocatedblocks", nargs, 0, 0)) return nullptr;
    return int_from_u64(ts, ts->interp->heap.allocated_blocks());
}

// sys._debugmallocstats(): the allocator's report, written straight to the
// process's stderr (not sys.stderr), as CPython does.
static Ref<> sys_debugmallocstats(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_debugmallocstats", kw) || !check_nargs(ts, "_debugmallocstats", nargs, 0, 0)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (interp.output) interp.output(Stream::Stderr, interp.heap.debug_stats());
    return newref(interp.None);
}

// sys.getsizeof(obj[, default]): __sizeof__ plus the GC header of container
// objects, in CPython 3.11's 64-bit figures (sysmodule.c: _PySys_GetSizeOf).
static Ref<> sys_getsizeof(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"object", "default"};
    static const ArgSpec spec{"getsizeof", names, 2, 1, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* method = type_lookup(type_of(a[0]), "__sizeof__");
    Ref<> size;
    if (!method) {
        if (a[1]) return newref(a[1]);
        return raise(ts, interp.exc.TypeError, std::string("Type ") + type_name(a[0]) + " doesn't define __sizeof__");
    }
    Object* self = a[0];
    size = object_vectorcall(ts, method, &self, 1);
    if (!size) {
        if (a[1] && error_matches(ts, interp.exc.TypeError)) {
            error_clear(ts);
            return newref(a[1]);
        }
        return nullptr;
    }
    if (!is_int(size.get())) return raise(ts, interp.exc.TypeError, "an integer is required");
    int64_t n;
    if (!int_as_i64(size.get(), &n)) return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C ssize_t");
    if (n < 0) return raise(ts, interp.exc.ValueError, "__sizeof__() should return >= 0");
    // The GC header (16 bytes on 64-bit) and, for instances with a managed
    // __dict__, the pre-header slots CPython 3.11 keeps in front of them.
    n += type_preheader_size(type_of(a[0]));
    return int_from_i64(ts, n);
}

static Ref<> sys_get_int_max_str_digits(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get_int_max_str_digits", kw) || !check_nargs(ts, "get_int_max_str_digits", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, ts->interp->int_max_str_digits);
}

static Ref<> sys_set_int_max_str_digits(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"maxdigits"};
    static const ArgSpec spec{"set_int_max_str_digits", names, 1, 1, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize v;
    if (!index_as_isize(ts, a[0], &v)) return nullptr;
    if (v != 0 && v < 640)
        return raise(ts, ts->interp->exc.ValueError, "maxdigits must be 0 or larger than 640");
    ts->interp->int_max_str_digits = int(v);
    return newref(ts->interp->None);
}

// sys._getframe([depth]): the frame object `depth` calls below the top of
// the stack (sysmodule.c: sys__getframe_impl).
static Ref<> sys_getframe(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"depth"};
    static const ArgSpec spec{"_getframe", names, 1, 0, 1, 1};
    Object* a[1] = {nullptr};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize depth = 0;
    if (a[0] && !index_as_isize(ts, a[0], &depth)) return nullptr;
    Frame* f = ts->frame;
    for (; f && depth > 0; depth--) f = f->previous;
    if (!f) return raise(ts, ts->interp->exc.ValueError, "call stack is not deep enough");
    FrameObject* fo = frame_get_object(ts, f);
    return fo ? newref<Object>(fo) : nullptr;
}

// sys.exception(): the exception being handled, or None.
static Ref<> sys_exception(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "exception", kw) || !check_nargs(ts, "exception", nargs, 0, 0)) return nullptr;
    Object* e = handled_exception(ts);
    return newref(e ? e : ts->interp->None);
}

// sys.exc_info(): (type, value, traceback) of the exception being handled.
static Ref<> sys_exc_info(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "exc_info", kw) || !check_nargs(ts, "exc_info", nargs, 0, 0)) return nullptr;
    Object* none = ts->interp->None;
    Object* e = handled_exception(ts);
    if (!e || e == none) return tuple_pack(ts, {none, none, none});
    Object* tb = static_cast<BaseExceptionObject*>(e)->traceback;
    return tuple_pack(ts, {type_of(e), e, tb ? tb : none});
}

// sys.excepthook(type, value, traceback): prints the exception and its
// traceback to stderr, as an uncaught exception is printed.
static Ref<> sys_excepthook(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "excepthook", kw)) return nullptr;
    if (nargs != 3)
        return raise(ts, ts->interp->exc.TypeError,
                     "excepthook expected 3 arguments, got " + std::to_string(nargs));
    ts->interp->output(Stream::Stderr, format_exception(ts, args[1]));
    return newref(ts->interp->None);
}

// sys.settrace(function) / sys.gettrace() / sys.setprofile / sys.getprofile:
// the calling thread's hooks (runtime/tracing.h).
static Ref<> sys_settrace(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "settrace", kw) || !check_nargs(ts, "settrace", nargs, 1, 1)) return nullptr;
    set_trace_function(ts, args[0]);
    return newref(ts->interp->None);
}

static Ref<> sys_gettrace(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "gettrace", kw) || !check_nargs(ts, "gettrace", nargs, 0, 0)) return nullptr;
    return newref(ts->trace_func ? ts->trace_func : ts->interp->None);
}

static Ref<> sys_setprofile(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setprofile", kw) || !check_nargs(ts, "setprofile", nargs, 1, 1)) return nullptr;
    set_profile_function(ts, args[0]);
    return newref(ts->interp->None);
}

static Ref<> sys_getprofile(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getprofile", kw) || !check_nargs(ts, "getprofile", nargs, 0, 0)) return nullptr;
    return newref(ts->profile_func ? ts->profile_func : ts->interp->None);
}

static const MethodDef sys_methods[] = {
    {"settrace", sys_settrace, 0, "settrace(function)\n\nSet the global debug tracing function.  It will be called on each\nfunction call.  See the debugger chapter in the library manual."},
    {"gettrace", sys_gettrace, 0, "gettrace()\n\nReturn the global debug tracing function set with sys.settrace.\nSee the debugger chapter in the library manual."},
    {"setprofile", sys_setprofile, 0, "setprofile(function)\n\nSet the profiling function.  It will be called on each function call\nand return.  See the profiler chapter in the library manual."},
    {"getprofile", sys_getprofile, 0, "getprofile()\n\nReturn the profiling function set with sys.setprofile.\nSee the profiler chapter in the library manual."},
    {"excepthook", sys_excepthook, 0, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"_getframe", sys_getframe, 0, "Return a frame object from the call stack."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"exc_info", sys_exc_info, 0, "Return current exception information: (type, value, traceback)."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"getsizeof", sys_getsizeof, 0, "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."},
    {"exit", sys_exit, 0, "exit(status=None, /)\nExit the interpreter by raising SystemExit(status)."},
    {"_debugmallocstats", sys_debugmallocstats, 0, "Print summary info to stderr about the state of pymalloc's structures."},
    {"getallocatedblocks", sys_getallocatedblocks, 0, "Return the number of memory blocks currently allocated."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current value of the recursion limit."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"intern", sys_intern, 0, "``Intern'' the given string."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the Python interpreter stack to n."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_sys_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> mod = module_new(ts, "sys");
    if (!mod) return nullptr;
    DictObject* d = mod->md_dict;
    Ref<> modname = str_intern_cstr(ts, "sys");
    if (!modname) return nullptr;
    for (const MethodDef* def = sys_methods; def->name; def++) {
        Ref<> f = cfunction_new(ts, def, mod.get(), modname.get());
        if (!f || !dict_set_cstr(ts, d, def->name, f.get())) return nullptr;
    }
    if (Object* hook = dict_get_cstr(ts, d, "excepthook"); !hook || !dict_set_cstr(ts, d, "__excepthook__", hook))
        return nullptr;
    Ref<> out = make_stream(ts, 1);
    Ref<> err = make_stream(ts, 2);
    if (!out || !err) return nullptr;
    if (!dict_set_cstr(ts, d, "stdout", out.get()) || !dict_set_cstr(ts, d, "stderr", err.get()) ||
        !dict_set_cstr(ts, d, "__stdout__", out.get()) || !dict_set_cstr(ts, d, "__stderr__", err.get()))
        return nullptr;
    Ref<ListObject> argv = list_new(ts, 0);
    if (!argv) return nullptr;
    for (const std::string& a : interp.config.argv) {
        Ref<> s = str_from_utf8(ts, a);
        if (!s || !list_append(ts, argv.get(), s.get())) return nullptr;
    }
    if (interp.config.argv.empty()) {
        Ref<> s = str_from_utf8(ts, "");
        if (!s || !list_append(ts, argv.get(), s.get())) return nullptr;
    }
    if (!dict_set_cstr(ts, d, "argv", argv.get())) return nullptr;
    Ref<ListObject> path = list_new(ts, 0);
    if (!path || !dict_set_cstr(ts, d, "path", path.get())) return nullptr;
    // -W options: glasspy's command line takes none, so the list is empty.
    Ref<ListObject> warnoptions = list_new(ts, 0);
    if (!warnoptions || !dict_set_cstr(ts, d, "warnoptions", warnoptions.get())) return nullptr;
    Ref<TupleObject> builtin_names = tuple_new(ts, 0);
    if (!builtin_names || !dict_set_cstr(ts, d, "builtin_module_names", builtin_names.get())) return nullptr;
    if (!dict_set_cstr(ts, d, "modules", interp.modules)) return nullptr;
    Ref<> platform = str_from_utf8(ts, "linux");
    Ref<> version = str_from_utf8(ts, "3.11.7 (glasspy)");
    Ref<> maxsize = int_from_i64(ts, INT64_MAX);
    Ref<> bo = str_from_utf8(ts, "little");
    if (!platform || !version || !maxsize || !bo) return nullptr;
    if (!dict_set_cstr(ts, d, "platform", platform.get()) || !dict_set_cstr(ts, d, "version", version.get()) ||
        !dict_set_cstr(ts, d, "maxsize", maxsize.get()) || !dict_set_cstr(ts, d, "byteorder", bo.get()))
        return nullptr;
    if (!sys_add_info(ts, mod.get())) return nullptr;
    return mod;
}

}  // namespace gp
