// traceback_module.cpp — the `traceback` and `linecache` modules, and their
// C++ half `_traceback`.
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

extern const char kLinecacheModuleSource[];
const char kLinecacheModuleSource[] = R"py("""Lines of source files, by file name and line number.

The interpreter keeps the text of every script it compiled; other files are
read from disk. There is no cache to manage, so clearcache(), checkcache()
and lazycache() do nothing.
"""

import _traceback

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file, or '' if it cannot be found."""
    return _traceback.getline(filename, lineno)


def getlines(filename, module_globals=None):
    """The lines of a source file, each with its newline."""
    lines = []
    n = 1
    while True:
        line = _traceback.getline(filename, n)
        if not line:
            return lines
        lines.append(line)
        n += 1


def clearcache():
    """Clear the cache entirely."""


def checkcache(filename=None):
    """Discard cache entries that are out of date."""


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals (no cache here)."""
    return False
)py";

extern const char kTracebackModuleSource[];
const char kTracebackModuleSource[] = R"py("""Extract, format and print information about Python stack traces.

An exception's __traceback__ is a chain of entries (tb_next), one per call
it passed through, each naming a frame (tb_frame) and where in it the
exception passed (tb_lineno, tb_lasti). A stack is the chain of frames from
sys._getframe() through f_back. Both become StackSummary lists of
FrameSummary entries, formatted like the interpreter's own tracebacks,
with a line repeated more than three times in a row folded into
"[Previous line repeated N more times]".
"""

import sys
import _traceback
import linecache

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only", "format_list",
           "format_stack", "format_tb", "print_exc", "format_exc", "print_exception", "print_last",
           "print_stack", "print_tb", "clear_frames", "FrameSummary", "StackSummary", "walk_stack", "walk_tb"]

_RECURSIVE_CUTOFF = 3
_cause_message = "\nThe above exception was the direct cause of the following exception:\n\n"
_context_message = "\nDuring handling of the above exception, another exception occurred:\n\n"
_sentinel = object()


class FrameSummary:
    """One entry of a stack or traceback: file, line number, function name
    and (looked up on demand) the source line."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line", "locals",
                 "_code", "_lasti")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self._code = None
        self._lasti = -1
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame,
    starting at f (by default the caller's caller) and following f_back."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each entry."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_lasti(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno, tb.tb_lasti
        tb = tb.tb_next


def _walk_stack_without_lasti(frame_gen):
    # Stack listings mark no columns (CPython gives their entries no
    # positions), unlike traceback entries.
    for f, lineno in frame_gen:
        yield f, lineno, -1


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        return klass._extract(_walk_stack_without_lasti(frame_gen), limit, lookup_lines, capture_locals)

    @classmethod
    def _extract(klass, gen, limit, lookup_lines, capture_locals):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        entries = list(gen)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, lineno, lasti in entries:
            co = f.f_code
            fs = FrameSummary(co.co_filename, lineno, co.co_name, lookup_line=False,
                              locals=f.f_locals if capture_locals else None)
            fs._code = co
            fs._lasti = lasti
            result.append(fs)
        if lookup_lines:
            for fs in result:
                fs.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Build a StackSummary from FrameSummary objects or
        (filename, lineno, name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one entry: the File line, the source line and, for
        entries taken from live frames, carets under the failing part."""
        if frame_summary._code is not None:
            row = _traceback.format_frame(frame_summary._code, frame_summary._lasti, frame_summary.lineno)
        else:
            row = '  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno,
                                                         frame_summary.name)
            if frame_summary.line:
                row += "    {}\n".format(frame_summary.line.strip())
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row += "    {name} = {value}\n".format(name=name, value=value)
        return row

    def format(self):
        """The formatted entries, one string per entry (which may span
        several lines), repeated lines folded."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append("  [Previous line repeated {} more time{}]\n".format(
                        count, "s" if count > 1 else ""))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append("  [Previous line repeated {} more time{}]\n".format(count, "s" if count > 1 else ""))
        return result


def extract_tb(tb, limit=None):
    """The entries of traceback tb, oldest call first, as a StackSummary."""
    return StackSummary._extract(_walk_tb_with_lasti(tb), limit, True, False)


def extract_stack(f=None, limit=None):
    """The current stack (or the one ending at frame f), oldest call first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    """Format a list of FrameSummary objects or 4-tuples for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None, None
    return value, tb


def format_exception_only(exc, /, value=_sentinel):
    """The "Type: message" line(s) of an exception, as a list of strings."""
    if value is _sentinel:
        value = exc
    if value is None or not isinstance(value, BaseException):
        etype = type(value) if value is not None or exc is None else exc
        name = getattr(etype, "__qualname__", str(etype))
        mod = getattr(etype, "__module__", None)
        if mod not in (None, "__main__", "builtins"):
            name = mod + "." + name
        text = str(value)
        return [name + ": " + text + "\n" if text else name + "\n"]
    return _traceback.format_exception_only(value).splitlines(keepends=True)


def _chain(value, chain):
    # (message before it, exception), newest first; each exception once.
    out = []
    seen = set()
    while value is not None and id(value) not in seen:
        seen.add(id(value))
        if not chain:
            out.append((None, value))
            break
        if value.__cause__ is not None:
            nxt, nmsg = value.__cause__, _cause_message
        elif value.__context__ is not None and not value.__suppress_context__:
            nxt, nmsg = value.__context__, _context_message
        else:
            nxt, nmsg = None, None
        out.append((nmsg if nxt is not None and id(nxt) not in seen else None, value))
        value = nxt
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format an exception (with its traceback and, when chain is true, the
    exceptions it was raised from or while handling) as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return format_exception_only(None, None)
    # Oldest first; each chain message sits between an exception and the
    # one raised while handling it (or from it).
    chunks = []
    for msg, e in reversed(_chain(value, chain)):
        part = []
        etb = tb if e is value else e.__traceback__
        entries = format_tb(etb, limit=limit) if etb is not None else []
        if entries:
            part.append("Traceback (most recent call last):\n")
            part.extend(entries)
        part.extend(format_exception_only(e))
        chunks.append((msg, part))
    result = []
    for i, (msg, part) in enumerate(chunks):
        result.extend(part)
        if i + 1 < len(chunks):
            result.append(chunks[i + 1][0])
    return result


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print an exception and its traceback to file (sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled to file (sys.stderr)."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    """Clear the local variables of all the frames of a traceback."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next
)py";

}  // namespace gp
