// glasspy_module.cpp — `_glasspy`: what the Python-written standard library
// (core/lib: traceback, warnings, logging, atexit) needs from the interpreter
// and cannot get from ordinary Python objects yet.
//
//   format_exception(exc)  the text the interpreter itself prints for an
//                          uncaught exc (chain, carets and all), so
//                          traceback.print_exc() matches it exactly
//   frame_info(depth)      (filename, lineno, name, globals) of the Python
//                          frame `depth` calls above the caller, or None:
//                          warnings' stacklevel, logging's caller
//   tb_info(tb)            (filename, lineno, name) of a traceback entry
//   source_line(file, n)   line n of a file the interpreter has run
//   source_text(file)      the whole text of a source it ran without a file
//   set_type_name(cls, n)  the name error messages use for cls (tp_name),
//                          leaving __name__ alone: a class standing in for a
//                          C type is "decimal.Decimal" there, as in CPython
//   gil_stats()            per Python thread: (thread, held_ns, waited_ns,
//                          acquisitions, drop_requests, forced_switches),
//                          the totals of the GIL timeline panel (gil.h)
//   set_tracing(on)        turn the trace stream (trace.h) on or off; the
//                          previous setting is returned
//   code_parts(code)       a code object's fields in marshal's order, and
//   code_from_parts(t)     a checked code object from them (marshal.py)
//   trace_events(clear=False)  ([(time_ns, kind, thread, a, b, c), ...],
//                          dropped): the recorded events, oldest first, kind
//                          by name ("GilAcquire", ...); bench/concurrency
//                          reads the GIL handoffs from them
//
// When frame objects (f_back, tb_frame) exist, the Python side prefers them.
#include "compiler/compiler.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"
#include "objects/listobject.h"
#include "runtime/gil.h"
#include "trace/trace.h"

namespace gp {

static Ref<> gs_format_exception(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "format_exception", kw) || !check_nargs(ts, "format_exception", nargs, 1, 1)) return nullptr;
    return str_from_utf8(ts, format_exception(ts, args[0]));
}

static Ref<> code_triple(ThreadState* ts, CodeObject* co, int64_t lineno, Object* extra) {
    Ref<> ln = int_from_i64(ts, lineno);
    if (!ln) return nullptr;
    if (extra) return tuple_pack(ts, {co->co_filename, ln.get(), co->co_name, extra});
    return tuple_pack(ts, {co->co_filename, ln.get(), co->co_name});
}

static Ref<> gs_frame_info(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "frame_info", kw) || !check_nargs(ts, "frame_info", nargs, 1, 1)) return nullptr;
    int64_t depth;
    if (!int_as_i64(args[0], &depth)) return raise(ts, ts->interp->exc.OverflowError, "depth too large");
    Frame* f = ts->frame;
    for (; f && depth > 0; depth--) f = f->previous;
    if (!f) return newref(ts->interp->None);
    int64_t line = f->code->addr_to_line(f->prev_instr < 0 ? 0 : f->prev_instr);
    return code_triple(ts, f->code, line, f->globals);
}

static Ref<> gs_tb_info(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "tb_info", kw) || !check_nargs(ts, "tb_info", nargs, 1, 1)) return nullptr;
    if (type_of(args[0]) != ts->interp->types.traceback)
        return raise(ts, ts->interp->exc.TypeError, "tb_info() expects a traceback");
    auto* tb = static_cast<TracebackObject*>(args[0]);
    return code_triple(ts, tb->tb_code, tb->tb_lineno, nullptr);
}

static Ref<> gs_source_line(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "source_line", kw) || !check_nargs(ts, "source_line", nargs, 2, 2)) return nullptr;
    int64_t n;
    if (!is_str(args[0]) || !int_as_i64(args[1], &n)) return raise(ts, ts->interp->exc.TypeError, "source_line(str, int)");
    return str_from_utf8(ts, source_line(*ts->interp, std::string(str_utf8(args[0])), int(n)));
}

// The whole text of a source the interpreter ran without a file on disk
// (the browser's main program, a test's), or None.
static Ref<> gs_source_text(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "source_text", kw) || !check_nargs(ts, "source_text", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0])) return raise(ts, ts->interp->exc.TypeError, "source_text(str)");
    auto it = ts->interp->sources.find(std::string(str_utf8(args[0])));
    if (it == ts->interp->sources.end()) return newref(ts->interp->None);
    return str_from_utf8(ts, it->second);
}

static Ref<> gs_set_type_name(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "set_type_name", kw) || !check_nargs(ts, "set_type_name", nargs, 2, 2)) return nullptr;
    Object* cls = args[0];
    if (!type_has_flag(type_of(cls), TPFLAGS_TYPE_SUBCLASS) ||
        !type_has_flag(static_cast<TypeObject*>(cls), TPFLAGS_HEAPTYPE) || !is_str(args[1]))
        return raise(ts, ts->interp->exc.TypeError, "set_type_name(class, str) expects a class statement's class");
    static_cast<TypeObject*>(cls)->tp_name = std::string(str_utf8(args[1]));
    return newref(ts->interp->None);
}

// ast_text(source, filename, mode): the parse tree of `source` as
// ast.dump(tree, include_attributes=True) text; SyntaxError as compile()
// raises it. The ast module evaluates that text against its node classes.
static Ref<> gs_ast_text(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "ast_text", kw) || !check_nargs(ts, "ast_text", nargs, 3, 3)) return nullptr;
    if (!is_str(args[0]) || !is_str(args[1]) || !is_str(args[2]))
        return raise(ts, ts->interp->exc.TypeError, "ast_text(str, str, str)");
    std::string_view m = str_utf8(args[2]);
    ParseMode mode;
    if (m == "exec") mode = ParseMode::Exec;
    else if (m == "eval") mode = ParseMode::Eval;
    else if (m == "single") mode = ParseMode::Single;
    else return raise(ts, ts->interp->exc.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    std::string text;
    if (!source_to_ast_text(ts, str_utf8(args[0]), str_utf8(args[1]), mode, &text)) return nullptr;
    return str_from_utf8(ts, text);
}

// ast_compile(tree, filename, mode): compile() of an ast.Module /
// Expression / Interactive tree.
static Ref<> gs_ast_compile(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "ast_compile", kw) || !check_nargs(ts, "ast_compile", nargs, 3, 3)) return nullptr;
    if (!is_str(args[1]) || !is_str(args[2]))
        return raise(ts, ts->interp->exc.TypeError, "ast_compile(tree, str, str)");
    std::string_view m = str_utf8(args[2]);
    ParseMode mode;
    if (m == "exec") mode = ParseMode::Exec;
    else if (m == "eval") mode = ParseMode::Eval;
    else if (m == "single") mode = ParseMode::Single;
    else return raise(ts, ts->interp->exc.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return compile_ast_object(ts, args[0], str_utf8(args[1]), mode);
}

static Ref<> gs_gil_stats(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "gil_stats", kw) || !check_nargs(ts, "gil_stats", nargs, 0, 0)) return nullptr;
    std::vector<GilThreadStats> stats = ts->interp->gil->stats();
    Ref<ListObject> out = list_new_prealloc(ts, isize(stats.size()));
    if (!out) return nullptr;
    for (const GilThreadStats& st : stats) {
        Ref<> f[6] = {int_from_u64(ts, st.thread),       int_from_u64(ts, st.held_ns),
                      int_from_u64(ts, st.waited_ns),    int_from_u64(ts, st.acquisitions),
                      int_from_u64(ts, st.drop_requests), int_from_u64(ts, st.forced_switches)};
        for (const Ref<>& r : f)
            if (!r) return nullptr;
        Ref<> row = tuple_pack(ts, {f[0].get(), f[1].get(), f[2].get(), f[3].get(), f[4].get(), f[5].get()});
        if (!row || !list_append(ts, out.get(), row.get())) return nullptr;
    }
    return out;
}

static Ref<> gs_set_tracing(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "set_tracing", kw) || !check_nargs(ts, "set_tracing", nargs, 1, 1)) return nullptr;
    int on = object_is_true(ts, args[0]);
    if (on < 0) return nullptr;
    TraceBuffer& trace = ts->interp->trace;
    bool was = trace.enabled();
    trace.set_enabled(on != 0);
    return newref(was ? ts->interp->True : ts->interp->False);
}

static Ref<> gs_trace_events(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "trace_events", kw) || !check_nargs(ts, "trace_events", nargs, 0, 1)) return nullptr;
    int clear = 0;
    if (nargs == 1 && (clear = object_is_true(ts, args[0])) < 0) return nullptr;
    TraceBuffer& trace = ts->interp->trace;
    uint64_t dropped = 0;
    std::vector<TraceEvent> events = trace.snapshot(&dropped);
    if (clear) trace.clear();
    Ref<ListObject> out = list_new_prealloc(ts, isize(events.size()));
    if (!out) return nullptr;
    for (const TraceEvent& ev : events) {
        Ref<> f[6] = {int_from_u64(ts, ev.time_ns), str_from_utf8(ts, trace_kind_name(ev.kind)),
                      int_from_u64(ts, ev.thread),  int_from_i64(ts, ev.a),
                      int_from_i64(ts, ev.b),       int_from_i64(ts, ev.c)};
        for (const Ref<>& r : f)
            if (!r) return nullptr;
        Ref<> row = tuple_pack(ts, {f[0].get(), f[1].get(), f[2].get(), f[3].get(), f[4].get(), f[5].get()});
        if (!row || !list_append(ts, out.get(), row.get())) return nullptr;
    }
    Ref<> d = int_from_u64(ts, dropped);
    if (!d) return nullptr;
    return tuple_pack(ts, {out.get(), d.get()});
}

// marshal's two halves for code objects (objects/codeobject_build.cpp).
static Ref<> gs_code_parts(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "code_parts", kw) || !check_nargs(ts, "code_parts", nargs, 1, 1)) return nullptr;
    if (!is_code(args[0])) return raise(ts, ts->interp->exc.TypeError, "code_parts() expects a code object");
    return code_parts(ts, static_cast<CodeObject*>(args[0]));
}

static Ref<> gs_code_from_parts(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "code_from_parts", kw) || !check_nargs(ts, "code_from_parts", nargs, 1, 1))
        return nullptr;
    if (!is_tuple(args[0]) || as_tuple(args[0])->ob_size != 16)
        return raise(ts, ts->interp->exc.TypeError, "code_from_parts() expects a tuple of 16 fields");
    return code_from_parts(ts, as_tuple(args[0])->ob_item);
}

static const MethodDef glasspy_methods[] = {
    {"code_parts", gs_code_parts, 0, "The fields of a code object in marshal's order."},
    {"code_from_parts", gs_code_from_parts, 0, "A checked code object from code_parts()'s fields."},
    {"ast_compile", gs_ast_compile, 0, "Compile a tree of ast nodes to a code object."},
    {"ast_text", gs_ast_text, 0, "The parse tree of source as ast.dump(include_attributes=True) text."},
    {"format_exception", gs_format_exception, 0, "The interpreter's own traceback text for exc."},
    {"frame_info", gs_frame_info, 0, "(filename, lineno, name, globals) of the frame depth calls up, or None."},
    {"tb_info", gs_tb_info, 0, "(filename, lineno, name) of a traceback entry."},
    {"source_line", gs_source_line, 0, "Line n of a source file the interpreter knows, or ''."},
    {"source_text", gs_source_text, 0, "The text of a source the interpreter ran without a file, or None."},
    {"set_type_name", gs_set_type_name, 0, "Set the name error messages use for a class (its tp_name)."},
    {"gil_stats", gs_gil_stats, 0, "Per-thread GIL totals: (thread, held_ns, waited_ns, acquisitions, drop_requests, forced_switches)."},
    {"set_tracing", gs_set_tracing, 0, "Turn the trace stream on or off; returns the previous setting."},
    {"trace_events", gs_trace_events, 0, "([(time_ns, kind, thread, a, b, c), ...], dropped) from the trace stream."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_glasspy_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_glasspy");
    if (!m || !module_add_functions(ts, m.get(), glasspy_methods)) return nullptr;
    return m;
}

}  // namespace gp
