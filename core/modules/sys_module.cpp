// sys_module.cpp — the sys module: argv, path-free basics, the standard
// streams, recursion limit, getrefcount, getsizeof, intern, ...
//
// Mirrors CPython 3.11's Python/sysmodule.c. sys.stdout and sys.stderr are
// small stream objects whose write() hands text to the host through the
// interpreter's OutputSink — the terminal natively, a JS callback in the
// browser.
#include "modules/builtins.h"
#include "modules/modules.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
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
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/tracing.h"
#include "runtime/traceback.h"

namespace gp {

// ------------------------------------------------------------ std streams

struct StdStreamObject : Object {
    int which;             // 0 stdin, 1 stdout, 2 stderr (the file descriptor)
    bool closed;
    Object* buffer;        // owned, made on first use: the binary stream under the text one
};

static void stdstream_dealloc(Object* op) {
    if (Object* b = static_cast<StdStreamObject*>(op)->buffer) decref(b);
    object_free(op);
}

static int stream_fd(Object* self) { return static_cast<StdStreamObject*>(self)->which; }

// io.UnsupportedOperation(what): reading stdout, writing stdin.
static std::nullptr_t unsupported(ThreadState* ts, const char* what) {
    Ref<> io = import_module(ts, "io");
    if (!io) return nullptr;
    Ref<> type = object_getattr_cstr(ts, io.get(), "UnsupportedOperation");
    if (!type) return nullptr;
    Ref<> msg = str_from_utf8(ts, what);
    if (!msg) return nullptr;
    Ref<> exc = object_call_one(ts, type.get(), msg.get());
    if (!exc) return nullptr;
    raise_object(ts, exc.get());
    return nullptr;
}

static bool check_open(ThreadState* ts, Object* self) {
    if (!static_cast<StdStreamObject*>(self)->closed) return true;
    raise(ts, ts->interp->exc.ValueError, "I/O operation on closed file.");
    return false;
}

// One line of stdin with its newline ("" at the end of input), through the
// interpreter's read_line hook (the one input() uses), with the GIL
// released while it waits. The native hook reads std::cin; a last line
// without a newline comes back without one, as CPython returns it.
static bool stdin_line(ThreadState* ts, std::string* out, bool* at_eof) {
    Interpreter& interp = *ts->interp;
    out->clear();
    *at_eof = true;
    if (!interp.read_line) return true;
    bool got;
    bool native = false;
    if (auto* fn = interp.read_line.target<bool (*)(std::string&)>()) native = *fn == &default_read_line;
    bool ended_without_newline = false;
    {
        GilRelease unlocked(ts);
        got = interp.read_line(*out);
        if (got && native) ended_without_newline = std::cin.eof();
    }
    if (!got) return true;
    *at_eof = false;
    if (!ended_without_newline) *out += '\n';
    return true;
}

// ---- Reading stdin, as text (sys.stdin) or as bytes (sys.stdin.buffer).
// Both read the same lines through stdin_line; only the type of what they
// return and the wording of their errors differ, so one reader serves
// both, told which by a StdinReader.

struct StdinReader {
    bool text;                  // str results (the TextIOWrapper) or bytes (the BufferedReader)
    const char* not_readable;   // io.UnsupportedOperation's message on another stream
};
static constexpr StdinReader kTextReader{true, "not readable"};
static constexpr StdinReader kBytesReader{false, "read"};

static Ref<> stdin_result(ThreadState* ts, const StdinReader& r, const std::string& data) {
    return r.text ? str_from_utf8(ts, data) : bytes_from_data(ts, data.data(), isize(data.size()));
}

// The checks every read method makes: its arguments, an open stream (the
// binary one has no close(), so it is always open), and stdin itself.
static bool stdin_read_ok(ThreadState* ts, const StdinReader& r, const char* name, Object* self, isize nargs,
                          TupleObject* kw) {
    if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 1)) return false;
    if (r.text && !check_open(ts, self)) return false;
    if (stream_fd(self) != 0) {
        unsupported(ts, r.not_readable);
        return false;
    }
    return true;
}

static Ref<> stdin_readline(ThreadState* ts, const StdinReader& r, Object* self, isize nargs, TupleObject* kw) {
    if (!stdin_read_ok(ts, r, "readline", self, nargs, kw)) return nullptr;
    std::string line;
    bool eof;
    if (!stdin_line(ts, &line, &eof)) return nullptr;
    return stdin_result(ts, r, line);
}

static Ref<> stdin_read(ThreadState* ts, const StdinReader& r, Object* self, isize nargs, TupleObject* kw) {
    if (!stdin_read_ok(ts, r, "read", self, nargs, kw)) return nullptr;
    std::string all, line;
    bool eof = false;
    while (!eof) {
        if (!stdin_line(ts, &line, &eof)) return nullptr;
        all += line;
    }
    return stdin_result(ts, r, all);
}

static Ref<> stdin_readlines(ThreadState* ts, const StdinReader& r, Object* self, isize nargs, TupleObject* kw) {
    if (!stdin_read_ok(ts, r, "readlines", self, nargs, kw)) return nullptr;
    Ref<ListObject> lines = list_new(ts, 0);
    if (!lines) return nullptr;
    std::string line;
    bool eof = false;
    for (;;) {
        if (!stdin_line(ts, &line, &eof)) return nullptr;
        if (eof) break;
        Ref<> item = stdin_result(ts, r, line);
        if (!item || !list_append(ts, lines.get(), item.get())) return nullptr;
    }
    return lines;
}

// next(): the next line, or null without an error at the end of input.
static Ref<> stdin_next(ThreadState* ts, const StdinReader& r, Object* self) {
    if (r.text && !check_open(ts, self)) return nullptr;
    if (stream_fd(self) != 0) return unsupported(ts, r.not_readable);
    std::string line;
    bool eof;
    if (!stdin_line(ts, &line, &eof) || eof) return nullptr;
    return stdin_result(ts, r, line);
}

static Ref<> stdstream_readline(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_readline(ts, kTextReader, self, nargs, kw);
}
static Ref<> stdstream_read(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_read(ts, kTextReader, self, nargs, kw);
}
static Ref<> stdstream_readlines(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_readlines(ts, kTextReader, self, nargs, kw);
}
static Ref<> stdstream_next(ThreadState* ts, Object* self) { return stdin_next(ts, kTextReader, self); }

static Ref<> stdstream_iter(ThreadState* ts, Object* self) {
    if (!check_open(ts, self)) return nullptr;
    return newref(self);
}

static Ref<> stdstream_write(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    if (stream_fd(self) == 0) return unsupported(ts, "not writable");
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError, std::string("write() argument must be str, not ") + type_name(args[0]));
    std::string_view text = str_utf8(args[0]);
    Interpreter& interp = *ts->interp;
    if (interp.output) interp.output(static_cast<StdStreamObject*>(self)->which == 2 ? Stream::Stderr : Stream::Stdout, text);
    return int_from_i64(ts, as_str(args[0])->length);
}

static Ref<> stdstream_writelines(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "writelines", kw) || !check_nargs(ts, "writelines", nargs, 1, 1)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    while (Ref<> line = iter_next(ts, it.get())) {
        Object* one[] = {line.get()};
        if (!stdstream_write(ts, self, one, 1, nullptr)) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> stdstream_flush(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "flush", kw) || !check_nargs(ts, "flush", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (stream_fd(self) != 0 && interp.output)
        interp.output(stream_fd(self) == 2 ? Stream::Stderr : Stream::Stdout, {});
    return newref(ts->interp->None);
}

static Ref<> stdstream_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    static_cast<StdStreamObject*>(self)->closed = true;
    return newref(ts->interp->None);
}

// A terminal natively (isatty(2)); never in the browser, where the output
// goes to the page.
static Ref<> stdstream_isatty(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "isatty", kw) || !check_nargs(ts, "isatty", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
#ifdef __EMSCRIPTEN__
    return newref<Object>(ts->interp->False);
#else
    return newref<Object>(::isatty(stream_fd(self)) ? ts->interp->True : ts->interp->False);
#endif
}

static Ref<> stdstream_fileno(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fileno", kw) || !check_nargs(ts, "fileno", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, stream_fd(self));
}

static Ref<> stdstream_readable(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "readable", kw) || !check_nargs(ts, "readable", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return newref<Object>(stream_fd(self) == 0 ? ts->interp->True : ts->interp->False);
}

static Ref<> stdstream_writable(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "writable", kw) || !check_nargs(ts, "writable", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return newref<Object>(stream_fd(self) != 0 ? ts->interp->True : ts->interp->False);
}

static Ref<> stdstream_seekable(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "seekable", kw) || !check_nargs(ts, "seekable", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return newref<Object>(ts->interp->False);
}

// ---- sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: the same
// streams as bytes. Reading goes through the same line source (so it mixes
// with input() and sys.stdin); written bytes go to the same sink.

static Ref<> stdbuffer_readline(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_readline(ts, kBytesReader, self, nargs, kw);
}
static Ref<> stdbuffer_read(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_read(ts, kBytesReader, self, nargs, kw);
}
static Ref<> stdbuffer_readlines(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    return stdin_readlines(ts, kBytesReader, self, nargs, kw);
}
static Ref<> stdbuffer_next(ThreadState* ts, Object* self) { return stdin_next(ts, kBytesReader, self); }

static Ref<> stdbuffer_write(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
    if (stream_fd(self) == 0) return unsupported(ts, "write");
    std::string_view data;
    if (!need_bytes_like(ts, args[0], &data)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (interp.output && !data.empty()) interp.output(stream_fd(self) == 2 ? Stream::Stderr : Stream::Stdout, data);
    return int_from_i64(ts, isize(data.size()));
}

static Ref<> stdbuffer_flush(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "flush", kw) || !check_nargs(ts, "flush", nargs, 0, 0)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (stream_fd(self) != 0 && interp.output)
        interp.output(stream_fd(self) == 2 ? Stream::Stderr : Stream::Stdout, {});
    return newref(ts->interp->None);
}

static Ref<> stdbuffer_repr(ThreadState* ts, Object* self) {
    int fd = stream_fd(self);
    static const char* const names[] = {"<_io.BufferedReader name='<stdin>'>", "<_io.BufferedWriter name='<stdout>'>",
                                        "<_io.BufferedWriter name='<stderr>'>"};
    return str_from_utf8(ts, names[fd]);
}

static const MethodDef stdbuffer_methods[] = {
    {"read", stdbuffer_read, 0, "Read and return up to n bytes."},
    {"readline", stdbuffer_readline, 0, "Read and return a line from the stream."},
    {"readlines", stdbuffer_readlines, 0, "Return a list of lines from the stream."},
    {"write", stdbuffer_write, 0, "Write the given buffer to the IO stream."},
    {"flush", stdbuffer_flush, 0, "Flush write buffers, if applicable."},
    {"fileno", stdstream_fileno, 0, "Returns underlying file descriptor if one exists."},
    {"isatty", stdstream_isatty, 0, "Return whether this is an 'interactive' stream."},
    {"readable", stdstream_readable, 0, "Return whether object was opened for reading."},
    {"writable", stdstream_writable, 0, "Return whether object was opened for writing."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> stdstream_get_buffer(ThreadState* ts, Object* self) {
    auto* s = static_cast<StdStreamObject*>(self);
    if (!s->buffer) {
        // stdin's is a BufferedReader, stdout's and stderr's BufferedWriters.
        TypeObject* type = s->which == 0 ? ts->interp->types.stdin_buffer : ts->interp->types.stdbuffer;
        auto* b = static_cast<StdStreamObject*>(object_alloc(ts, type, 0));
        if (!b) return nullptr;
        b->which = s->which;
        b->closed = false;
        b->buffer = nullptr;
        s->buffer = b;
    }
    return newref(s->buffer);
}

static const char* const kStreamNames[] = {"<stdin>", "<stdout>", "<stderr>"};

static Ref<> stdstream_repr(ThreadState* ts, Object* self) {
    int fd = stream_fd(self);
    return str_from_utf8(ts, std::string("<_io.TextIOWrapper name='") + kStreamNames[fd] + "' mode='" +
                                 (fd == 0 ? "r" : "w") + "' encoding='utf-8'>");
}

static Ref<> stdstream_get_name(ThreadState* ts, Object* self) { return str_from_utf8(ts, kStreamNames[stream_fd(self)]); }
static Ref<> stdstream_get_mode(ThreadState* ts, Object* self) { return str_from_utf8(ts, stream_fd(self) == 0 ? "r" : "w"); }
static Ref<> stdstream_get_encoding(ThreadState* ts, Object*) { return str_from_utf8(ts, "utf-8"); }
// CPython's choice: stderr never fails to show a character; stdin and
// stdout pass undecodable bytes through under the C/POSIX locale (C.UTF-8
// included), and are strict under any other.
static Ref<> stdstream_get_errors(ThreadState* ts, Object* self) {
    if (stream_fd(self) == 2) return str_from_utf8(ts, "backslashreplace");
    const char* locale = nullptr;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) {
            locale = v;
            break;
        }
    }
    std::string_view l = locale ? locale : "C";
    bool c_locale = l == "C" || l == "POSIX" || l.substr(0, 2) == "C.";
    return str_from_utf8(ts, c_locale ? "surrogateescape" : "strict");
}
static Ref<> stdstream_get_closed(ThreadState* ts, Object* self) {
    return newref<Object>(static_cast<StdStreamObject*>(self)->closed ? ts->interp->True : ts->interp->False);
}
static Ref<> stdstream_get_line_buffering(ThreadState* ts, Object* self) {
#ifdef __EMSCRIPTEN__
    return newref<Object>(ts->interp->False);
#else
    return newref<Object>(stream_fd(self) != 0 && ::isatty(stream_fd(self)) ? ts->interp->True : ts->interp->False);
#endif
}
static Ref<> stdstream_get_newlines(ThreadState* ts, Object*) { return newref(ts->interp->None); }

static const GetSetDef stdstream_getsets[] = {
    {"name", stdstream_get_name, nullptr, nullptr},
    {"mode", stdstream_get_mode, nullptr, nullptr},
    {"encoding", stdstream_get_encoding, nullptr, "Encoding of the text stream."},
    {"errors", stdstream_get_errors, nullptr, "The error setting of the decoder or encoder."},
    {"closed", stdstream_get_closed, nullptr, nullptr},
    {"line_buffering", stdstream_get_line_buffering, nullptr, nullptr},
    {"newlines", stdstream_get_newlines, nullptr, nullptr},
    {"buffer", stdstream_get_buffer, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef stdstream_methods[] = {
    {"write", stdstream_write, 0, "Write string to stream. Returns the number of characters written."},
    {"writelines", stdstream_writelines, 0, "Write a list of lines to stream."},
    {"flush", stdstream_flush, 0, "Flush write buffers, if applicable."},
    {"read", stdstream_read, 0, "Read at most size characters from stream."},
    {"readline", stdstream_readline, 0, "Read until newline or EOF."},
    {"readlines", stdstream_readlines, 0, "Return a list of lines from the stream."},
    {"close", stdstream_close, 0, "Flush and close the IO object."},
    {"isatty", stdstream_isatty, 0, "Return whether this is an 'interactive' stream."},
    {"fileno", stdstream_fileno, 0, "Returns underlying file descriptor if one exists."},
    {"readable", stdstream_readable, 0, "Return whether object was opened for reading."},
    {"writable", stdstream_writable, 0, "Return whether object was opened for writing."},
    {"seekable", stdstream_seekable, 0, "Return whether object supports random access."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_stdstream_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.stdstream;
    t->tp_name = "_io.TextIOWrapper";
    t->tp_basicsize = sizeof(StdStreamObject);
    t->tp_dealloc = stdstream_dealloc;
    t->tp_repr = stdstream_repr;
    t->tp_iter = stdstream_iter;
    t->tp_iternext = stdstream_next;
    if (!type_add_methods(ts, t, stdstream_methods) || !type_add_getsets(ts, t, stdstream_getsets)) return false;
    // The binary streams: one type for stdin, one for stdout and stderr, as
    // CPython's io.BufferedReader and io.BufferedWriter; the same methods
    // (each checks which stream it is given, as CPython's raise
    // UnsupportedOperation for the direction a stream lacks).
    struct {
        TypeObject* type;
        const char* name;
    } const buffers[] = {{ts->interp->types.stdin_buffer, "_io.BufferedReader"},
                         {ts->interp->types.stdbuffer, "_io.BufferedWriter"}};
    for (const auto& buf : buffers) {
        TypeObject* b = buf.type;
        b->tp_name = buf.name;
        b->tp_basicsize = sizeof(StdStreamObject);
        b->tp_dealloc = stdstream_dealloc;
        b->tp_repr = stdbuffer_repr;
        b->tp_iter = stdstream_iter;
        b->tp_iternext = stdbuffer_next;
        if (!type_add_methods(ts, b, stdbuffer_methods)) return false;
    }
    return true;
}

static Ref<> make_stream(ThreadState* ts, int which) {
    auto* s = static_cast<StdStreamObject*>(object_alloc(ts, ts->interp->types.stdstream, 0));
    if (!s) return nullptr;
    s->which = which;
    s->closed = false;
    s->buffer = nullptr;
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
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError, std::string("intern() argument must be str, not ") + type_name(args[0]));
    // A str subclass passes the argument check but cannot be interned.
    if (type_of(args[0]) != ts->interp->types.str)
        return raise(ts, ts->interp->exc.TypeError, std::string("can't intern ") + type_of(args[0])->tp_name);
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
    Ref<> in = make_stream(ts, 0);
    Ref<> out = make_stream(ts, 1);
    Ref<> err = make_stream(ts, 2);
    if (!in || !out || !err) return nullptr;
    if (!dict_set_cstr(ts, d, "stdin", in.get()) || !dict_set_cstr(ts, d, "stdout", out.get()) ||
        !dict_set_cstr(ts, d, "stderr", err.get()) || !dict_set_cstr(ts, d, "__stdin__", in.get()) ||
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
