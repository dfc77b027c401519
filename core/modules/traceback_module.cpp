// traceback_module.cpp — `_traceback`, the interpreter's own traceback text
// for Python code (the traceback and linecache modules are core/lib/*.py).
//
// traceback formats exceptions and stacks the way the interpreter prints an
// uncaught exception. The pieces of text come from the same C++ code that
// prints tracebacks (runtime/traceback.cpp), through `_traceback`:
//
//   _traceback.format_frame(code, lasti, lineno)  one "File ..., line N, in f"
//       entry with its source line and carets;
//   _traceback.format_exception_only(exc)         the "Type: message" part;
//   _traceback.getline(filename, lineno)          a source line, as linecache
//       would give it (the interpreter keeps the text of the scripts it ran).
//
// The Python part (CPython 3.11's Lib/traceback.py, in a smaller form)
// walks tracebacks and frames (tb_frame, tb_next, f_back), builds
// FrameSummary/StackSummary lists, folds repeated lines, and follows the
// __cause__/__context__ chain. Exception groups are printed as ordinary
// exceptions by these functions.
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"

namespace gp {

static bool as_int_arg(ThreadState* ts, Object* v, int64_t* out) {
    if (!is_int(v)) {
        raise(ts, ts->interp->exc.TypeError, std::string("an integer is required, not ") + type_name(v));
        return false;
    }
    if (!int_as_i64(v, out)) {
        raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C int");
        return false;
    }
    return true;
}

static Ref<> tb_format_frame(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "format_frame", kw) || !check_nargs(ts, "format_frame", nargs, 3, 3)) return nullptr;
    if (type_of(args[0]) != ts->interp->types.code)
        return raise(ts, ts->interp->exc.TypeError, std::string("code object expected, not ") + type_name(args[0]));
    int64_t lasti, lineno;
    if (!as_int_arg(ts, args[1], &lasti) || !as_int_arg(ts, args[2], &lineno)) return nullptr;
    return str_from_utf8(ts, format_frame_entry(*ts->interp, static_cast<CodeObject*>(args[0]), int(lasti),
                                                int(lineno)));
}

static Ref<> tb_format_exception_only(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "format_exception_only", kw) || !check_nargs(ts, "format_exception_only", nargs, 1, 1))
        return nullptr;
    if (!is_exception_instance(args[0]))
        return raise(ts, ts->interp->exc.TypeError, "an exception instance is required");
    return str_from_utf8(ts, format_exception_only(ts, args[0]));
}

static Ref<> tb_getline(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getline", kw) || !check_nargs(ts, "getline", nargs, 2, 2)) return nullptr;
    if (!is_str(args[0])) return str_from_utf8(ts, "");
    int64_t lineno;
    if (!as_int_arg(ts, args[1], &lineno)) return nullptr;
    if (lineno < 1 || lineno > INT32_MAX) return str_from_utf8(ts, "");
    std::string filename(str_utf8(args[0]));
    // A file's last line may lack its newline; linecache adds one.
    std::string line = source_line(*ts->interp, filename, int(lineno));
    bool exists = !line.empty() || !source_line(*ts->interp, filename, int(lineno) + 1).empty();
    if (line.empty() && !exists) return str_from_utf8(ts, "");
    return str_from_utf8(ts, line + "\n");
}

// (lineno, end_lineno, col_offset, end_col_offset) of the instruction at
// byte offset lasti, None where unknown — one entry of code.co_positions().
static Ref<> tb_code_position(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "code_position", kw) || !check_nargs(ts, "code_position", nargs, 2, 2)) return nullptr;
    if (type_of(args[0]) != ts->interp->types.code)
        return raise(ts, ts->interp->exc.TypeError, std::string("code object expected, not ") + type_name(args[0]));
    int64_t lasti;
    if (!as_int_arg(ts, args[1], &lasti)) return nullptr;
    CodeObject* co = static_cast<CodeObject*>(args[0]);
    Object* none = ts->interp->None;
    int64_t unit = lasti / 2;
    if (lasti < 0 || unit >= int64_t(co->positions.size())) return tuple_pack(ts, {none, none, none, none});
    const Position& p = co->positions[std::size_t(unit)];
    Ref<> v[4];
    const int fields[4] = {p.lineno, p.end_lineno, p.col, p.end_col};
    for (int i = 0; i < 4; i++) {
        v[i] = fields[i] < 0 ? newref(none) : int_from_i64(ts, fields[i]);
        if (!v[i]) return nullptr;
    }
    return tuple_pack(ts, {v[0].get(), v[1].get(), v[2].get(), v[3].get()});
}

static const MethodDef traceback_c_methods[] = {
    {"code_position", tb_code_position, METH_DEFAULT,
     "code_position(code, lasti, /)\n--\n\nThe source position of the instruction at byte offset lasti."},
    {"format_frame", tb_format_frame, METH_DEFAULT, "format_frame(code, lasti, lineno, /)\n--\n\nOne traceback entry."},
    {"format_exception_only", tb_format_exception_only, METH_DEFAULT,
     "format_exception_only(exc, /)\n--\n\nThe 'Type: message' lines of an exception."},
    {"getline", tb_getline, METH_DEFAULT, "getline(filename, lineno, /)\n--\n\nA line of a source file, or ''."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_traceback_c_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_traceback");
    if (!m || !module_add_functions(ts, m.get(), traceback_c_methods)) return nullptr;
    return m;
}

}  // namespace gp
