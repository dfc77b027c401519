// fileobject.cpp — open() and its file objects (see fileobject.h).
//
// Mirrors the observable behaviour of CPython 3.11's Modules/_io/_iomodule.c
// (open()'s argument checks and messages), fileio.c (errno → OSError
// subclass), textio.c (decoding, universal newlines) and bufferedio.c.
//
// Errors are CPython's: a missing file raises
//     FileNotFoundError: [Errno 2] No such file or directory: 'x'
// (with e.errno, e.strerror and e.filename set), a directory
//     IsADirectoryError: [Errno 21] Is a directory: '.'
// and any operation on a closed file "ValueError: I/O operation on closed file.".
//
// Streams are C stdio FILEs rather than std::fstream: stdio reports why an
// open failed through errno, which the OSError subclasses and messages need,
// and it works the same natively and on Emscripten's virtual filesystem.
#include "objects/fileobject.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

FileObject* F(Object* o) { return static_cast<FileObject*>(o); }

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }
std::nullptr_t value_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.ValueError, msg); }

bool check_open(ThreadState* ts, Object* self) {
    if (F(self)->fp) return true;
    value_error(ts, "I/O operation on closed file.");
    return false;
}

// io.UnsupportedOperation is an OSError (and ValueError) subclass in CPython;
// OSError is the closest class here.
bool check_readable(ThreadState* ts, Object* self) {
    if (!check_open(ts, self)) return false;
    if (F(self)->readable) return true;
    raise(ts, ts->interp->exc.OSError, "not readable");
    return false;
}

bool check_writable(ThreadState* ts, Object* self) {
    if (!check_open(ts, self)) return false;
    if (F(self)->writable) return true;
    raise(ts, ts->interp->exc.OSError, "not writable");
    return false;
}

std::string str_of(Object* o) { return o && is_str(o) ? std::string(str_utf8(o)) : std::string(); }

// The optional size argument of read()/readline(): None or a negative int means "all".
bool size_arg(ThreadState* ts, Object* const* args, isize nargs, isize* out) {
    *out = -1;
    if (nargs == 0 || args[0] == ts->interp->None) return true;
    Ref<> i = number_index(ts, args[0]);
    if (!i) {
        if (error_matches(ts, ts->interp->exc.TypeError)) {
            error_clear(ts);
            type_error(ts, std::string("argument should be integer or None, not '") + type_name(args[0]) + "'");
        }
        return false;
    }
    return int_as_isize(ts, i.get(), out);
}

void drop_rbuf(FileObject* f) {
    delete f->rbuf;
    f->rbuf = nullptr;
    f->rpos = 0;
}

}  // namespace

static int translate_errno(int err, bool to_linux) {
    // {platform value, Linux value}: the errors a file, process or thread
    // call can report.
    static constexpr int kLinux[][2] = {
        {EPERM, 1},        {ENOENT, 2},       {ESRCH, 3},        {EINTR, 4},        {EIO, 5},
        {ENXIO, 6},        {E2BIG, 7},        {ENOEXEC, 8},      {EBADF, 9},        {ECHILD, 10},
        {EAGAIN, 11},      {ENOMEM, 12},      {EACCES, 13},      {EFAULT, 14},      {EBUSY, 16},
        {EEXIST, 17},      {EXDEV, 18},       {ENODEV, 19},      {ENOTDIR, 20},     {EISDIR, 21},
        {EINVAL, 22},      {ENFILE, 23},      {EMFILE, 24},      {ENOTTY, 25},      {EFBIG, 27},
        {ENOSPC, 28},      {ESPIPE, 29},      {EROFS, 30},       {EMLINK, 31},      {EPIPE, 32},
        {EDOM, 33},        {ERANGE, 34},      {EDEADLK, 35},     {ENAMETOOLONG, 36}, {ENOSYS, 38},
        {ENOTEMPTY, 39},   {ELOOP, 40},       {ENOTSUP, 95},     {ECONNRESET, 104}, {ETIMEDOUT, 110},
        {ECONNREFUSED, 111},
    };
    const int from = to_linux ? 0 : 1;
    for (const auto& pair : kLinux)
        if (pair[from] == err) return pair[1 - from];
    return err;
}

int linux_errno(int err) { return translate_errno(err, true); }
int platform_errno(int linux_err) { return translate_errno(linux_err, false); }

std::nullptr_t raise_os_error(ThreadState* ts, int err, Object* filename) {
    // OSError(errno, strerror[, filename]), built as CPython's
    // PyErr_SetFromErrnoWithFilenameObject builds it: the constructor picks
    // the subclass (FileNotFoundError for ENOENT, ...), sets the attributes,
    // and args is (errno, strerror), so repr() and str() read as CPython's.
    Interpreter& interp = *ts->interp;
    Ref<> eno = int_from_i64(ts, linux_errno(err));
    Ref<> es = str_from_utf8(ts, std::strerror(err));
    if (!eno || !es) return nullptr;
    // An os.PathLike argument is reported by its path, as CPython's
    // path_converter does.
    Ref<> fspath;
    if (filename && !is_str(filename) && !is_bytes(filename) && !is_int(filename)) {
        bool found = false;
        fspath = call_special(ts, filename, interp.intern("__fspath__"), nullptr, 0, &found);
        if (!fspath && error_occurred(ts)) return nullptr;
        if (fspath) filename = fspath.get();
    }
    Object* args[3] = {eno.get(), es.get(), filename};
    Ref<> exc = object_vectorcall(ts, interp.exc.OSError, args, filename ? 3 : 2);
    if (!exc) return nullptr;
    return raise_object(ts, exc.get());
}

// ------------------------------------------------------------ open()

// Parses open()'s mode string (_io_open_impl's checks, with its messages).
struct ModeInfo {
    bool creating = false, reading = false, writing = false, appending = false, updating = false;
    bool text = false, binary = false;
};

static bool parse_mode(ThreadState* ts, const std::string& mode, ModeInfo* m) {
    std::string seen;
    for (char c : mode) {
        if (!std::strchr("xrwabt+", c) || seen.find(c) != std::string::npos) {
            value_error(ts, "invalid mode: '" + mode + "'");
            return false;
        }
        seen += c;
        switch (c) {
        case 'x': m->creating = true; break;
        case 'r': m->reading = true; break;
        case 'w': m->writing = true; break;
        case 'a': m->appending = true; break;
        case '+': m->updating = true; break;
        case 't': m->text = true; break;
        case 'b': m->binary = true; break;
        }
    }
    if (m->text && m->binary) {
        value_error(ts, "can't have text and binary mode at once");
        return false;
    }
    if (int(m->creating) + int(m->reading) + int(m->writing) + int(m->appending) != 1) {
        value_error(ts, "must have exactly one of create/read/write/append mode");
        return false;
    }
    return true;
}

Ref<> builtin_open(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};
    Object* a[8];
    if (!parse_kwargs(ts, "open", names, 8, 0, 0, args, nargs, kwnames, a)) return nullptr;
    if (!a[0]) return type_error(ts, "open() missing required argument 'file' (pos 1)");
    Interpreter& interp = *ts->interp;
    Object* file = a[0];
    std::string mode = "r";
    if (a[1]) {
        if (!is_str(a[1])) return type_error(ts, std::string("open() argument 'mode' must be str, not ") + type_name(a[1]));
        mode = std::string(str_utf8(a[1]));
    }
    for (int k = 3; k <= 5; k++)
        if (a[k] && a[k] != interp.None && !is_str(a[k]))
            return type_error(ts, std::string("open() argument '") + names[k] + "' must be str or None, not " +
                                      type_name(a[k]));
    Object* encoding = a[3] == interp.None ? nullptr : a[3];
    // encoding="locale" (what io.text_encoding(None) answers) is the
    // locale's encoding, which is UTF-8 here as for a None encoding.
    if (encoding && std::string_view(str_utf8(encoding)) == "locale") encoding = nullptr;
    Object* errors = a[4] == interp.None ? nullptr : a[4];
    Object* newline = a[5] == interp.None ? nullptr : a[5];
    bool closefd = true;
    if (a[6]) {
        int t = object_is_true(ts, a[6]);
        if (t < 0) return nullptr;
        closefd = t;
    }
    if (a[7] && a[7] != interp.None)
        return raise(ts, interp.exc.NotImplementedError, "open(): the opener argument is not supported by glasspy");
    // An os.PathLike is replaced by what its __fspath__ returns, which is
    // also the name the file object reports (as io.open's PyOS_FSPath).
    Ref<> fspath;
    if (!is_str(file) && !is_bytes(file) && !is_int(file)) {
        bool found = false;
        fspath = call_special(ts, file, interp.intern("__fspath__"), nullptr, 0, &found);
        if (!fspath && (found || error_occurred(ts))) return nullptr;
        if (fspath) {
            if (!is_str(fspath.get()) && !is_bytes(fspath.get()))
                return type_error(ts, std::string("expected ") + type_name(file) + ".__fspath__() to return str or bytes, not " +
                                          type_name(fspath.get()));
            file = fspath.get();
        }
    }
    std::string path;
    bool is_fd = false;
    int fd = -1;
    if (is_str(file)) {
        path = std::string(str_utf8(file));
    } else if (is_bytes(file)) {
        path = std::string(bytes_view(file));
    } else if (is_int(file) && type_of(file) != interp.types.bool_) {
        int64_t v;
        if (!int_as_i64(file, &v) || v < 0 || v > 0x7fffffff) return value_error(ts, "negative file descriptor");
        is_fd = true;
        fd = int(v);
    } else {
        return type_error(ts, std::string("expected str, bytes or os.PathLike object, not ") + type_name(file));
    }
    if (path.find('\0') != std::string::npos) return value_error(ts, "embedded null byte");
    ModeInfo m;
    if (!parse_mode(ts, mode, &m)) return nullptr;
    if (m.binary) {
        if (encoding) return value_error(ts, "binary mode doesn't take an encoding argument");
        if (errors) return value_error(ts, "binary mode doesn't take an errors argument");
        if (newline) return value_error(ts, "binary mode doesn't take a newline argument");
    }
    if (!is_fd && !closefd) return value_error(ts, "Cannot use closefd=False with file name");
    // stdio modes; "x" is C11's exclusive-create flag.
    std::string cmode = m.reading ? "r" : m.appending ? "a" : "w";
    if (m.updating) cmode += "+";
    cmode += "b";
    if (m.creating) cmode += "x";
    std::FILE* fp;
    errno = 0;
    if (is_fd) {
        fp = fdopen(fd, cmode.c_str());
    } else {
        fp = std::fopen(path.c_str(), cmode.c_str());
    }
    if (!fp) return raise_os_error(ts, errno ? errno : EIO, is_fd ? nullptr : file);
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::fclose(fp);
        return raise_os_error(ts, EISDIR, file);
    }
    // What TextIOWrapper's constructor checks, after the file is open.
    if (!m.binary) {
        if (newline) {
            std::string nl(str_utf8(newline));
            if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n") {
                std::fclose(fp);
                return value_error(ts, "illegal newline value: " + nl);
            }
        }
        if (encoding) {
            std::string probe;
            Ref<> empty = str_from_utf8(ts, "");
            if (!empty || !unicode_encode(ts, as_str(empty.get()), str_utf8(encoding), "strict", &probe)) {
                std::fclose(fp);
                return nullptr;
            }
        }
    }
    // Which type: TextIOWrapper, or BufferedReader/Writer/Random.
    bool readable = m.reading || m.updating;
    bool writable = !m.reading || m.updating;
    TypeObject* type;
    std::string shown_mode = mode;
    if (!m.binary) {
        type = interp.types.text_file;
    } else {
        type = m.updating ? interp.types.buffered_random : m.reading ? interp.types.buffered_reader
                                                                     : interp.types.buffered_writer;
        // FileIO's mode_string.
        if (m.creating) shown_mode = readable ? "xb+" : "xb";
        else if (m.appending) shown_mode = readable ? "ab+" : "ab";
        else if (readable) shown_mode = writable ? "rb+" : "rb";
        else shown_mode = "wb";
    }
    auto* f = static_cast<FileObject*>(object_alloc(ts, type, 0));
    if (!f) {
        std::fclose(fp);
        return nullptr;
    }
    Ref<> result = Ref<>::steal(f);
    f->fp = fp;
    f->readable = readable;
    f->writable = writable;
    f->text = !m.binary;
    f->closefd = closefd;
    f->name = newref(file).release();
    f->mode = str_from_utf8(ts, shown_mode).release();
    if (!f->mode) return nullptr;
    if (f->text) {
        f->encoding = encoding ? newref(encoding).release() : str_from_utf8(ts, "UTF-8").release();
        f->errors = errors ? newref(errors).release() : str_from_utf8(ts, "strict").release();
        f->newline = newline ? newref(newline).release() : newref(interp.None).release();
        if (!f->encoding || !f->errors) return nullptr;
    }
    if (m.appending) std::fseek(fp, 0, SEEK_END);
    interp.gc.track(f);
    return result;
}

// ------------------------------------------------------------ closing

static bool file_close_stream(FileObject* f) {
    if (!f->fp) return true;
    std::FILE* fp = f->fp;
    f->fp = nullptr;
    drop_rbuf(f);
    int r;
    if (f->closefd) {
        r = std::fclose(fp);
    } else {
        r = std::fflush(fp);
    }
    return r == 0;
}

static void file_dealloc(Object* op) {
    auto* f = F(op);
    type_of(op)->interp->gc.untrack(op);
    file_close_stream(f);
    xdecref(f->name);
    xdecref(f->mode);
    xdecref(f->encoding);
    xdecref(f->errors);
    xdecref(f->newline);
    object_free(op);
}

static int file_traverse(Object* op, visitproc visit, void* arg) {
    auto* f = F(op);
    for (Object* o : {f->name, f->mode, f->encoding, f->errors, f->newline})
        if (o && visit(o, arg)) return 1;
    return 0;
}

static Ref<> m_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    if (!file_close_stream(F(self))) return raise_os_error(ts, errno ? errno : EIO, nullptr);
    return newref(ts->interp->None);
}

static Ref<> m_flush(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "flush", kw) || !check_nargs(ts, "flush", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    std::fflush(F(self)->fp);
    return newref(ts->interp->None);
}

static Ref<> m_enter(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__enter__", kw) || !check_nargs(ts, "__enter__", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return newref(self);
}

static Ref<> m_exit(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    return m_close(ts, self, nullptr, 0, nullptr);
}

// ------------------------------------------------------------ reading

// The rest of the stream's bytes.
static std::string read_all_bytes(std::FILE* fp) {
    std::string out;
    char buf[8192];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out.append(buf, n);
    return out;
}

// Text mode: decodes the rest of the file into rbuf (once), translating
// \r\n and \r to \n when newline is None (universal newlines mode).
static bool fill_text_buffer(ThreadState* ts, FileObject* f) {
    if (f->rbuf) return true;
    f->rstart = std::ftell(f->fp);
    std::string raw = read_all_bytes(f->fp);
    Ref<> s = unicode_decode(ts, raw, str_utf8(f->encoding), str_utf8(f->errors));
    if (!s) return false;
    auto* buf = new std::u32string();
    str_append_to(as_str(s.get()), *buf);
    if (f->newline == ts->interp->None) {
        std::u32string t;
        t.reserve(buf->size());
        for (std::size_t i = 0; i < buf->size(); i++) {
            char32_t c = (*buf)[i];
            if (c == U'\r') {
                t.push_back(U'\n');
                if (i + 1 < buf->size() && (*buf)[i + 1] == U'\n') i++;
            } else {
                t.push_back(c);
            }
        }
        buf->swap(t);
    }
    f->rbuf = buf;
    f->rpos = 0;
    return true;
}

// One line of text (with its terminator), or "" at the end. limit < 0: no limit.
static bool text_readline(ThreadState* ts, FileObject* f, isize limit, std::u32string* out) {
    if (!fill_text_buffer(ts, f)) return false;
    const std::u32string& b = *f->rbuf;
    std::string nl = f->newline == ts->interp->None ? "\n" : str_of(f->newline);
    std::size_t i = f->rpos;
    std::size_t end = b.size();
    if (limit >= 0 && i + std::size_t(limit) < end) end = i + std::size_t(limit);
    std::size_t j = i;
    while (j < end) {
        char32_t c = b[j++];
        if (nl == "\n" && c == U'\n') break;
        if (nl == "\r" && c == U'\r') break;
        if (nl == "\r\n" && c == U'\r' && j < b.size() && b[j] == U'\n') { if (j < end || limit < 0) j++; break; }
        if (nl.empty()) {
            if (c == U'\n') break;
            if (c == U'\r') { if (j < b.size() && b[j] == U'\n' && (j < end || limit < 0)) j++; break; }
        }
    }
    out->assign(b, i, j - i);
    f->rpos = j;
    return true;
}

static bool binary_readline(FileObject* f, isize limit, std::string* out) {
    int c;
    while ((limit < 0 || isize(out->size()) < limit) && (c = std::fgetc(f->fp)) != EOF) {
        out->push_back(char(c));
        if (c == '\n') break;
    }
    return true;
}

// read(size=-1, /)
static Ref<> m_read(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "read", kw) || !check_positional(ts, "read", nargs, 0, 1)) return nullptr;
    isize size;
    if (!size_arg(ts, args, nargs, &size) || !check_readable(ts, self)) return nullptr;
    FileObject* f = F(self);
    if (f->text) {
        if (!fill_text_buffer(ts, f)) return nullptr;
        std::size_t avail = f->rbuf->size() - f->rpos;
        std::size_t n = size < 0 ? avail : std::min(avail, std::size_t(size));
        std::u32string piece(*f->rbuf, f->rpos, n);
        f->rpos += n;
        return str_from_u32(ts, piece);
    }
    std::string data;
    if (size < 0) {
        data = read_all_bytes(f->fp);
    } else {
        data.resize(std::size_t(size));
        data.resize(std::fread(data.data(), 1, std::size_t(size), f->fp));
    }
    return bytes_from_string(ts, data);
}

static Ref<> readline_value(ThreadState* ts, FileObject* f, isize limit) {
    if (f->text) {
        std::u32string line;
        if (!text_readline(ts, f, limit, &line)) return nullptr;
        return str_from_u32(ts, line);
    }
    std::string line;
    binary_readline(f, limit, &line);
    return bytes_from_string(ts, line);
}

// readline(size=-1, /)
static Ref<> m_readline(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "readline", kw) || !check_positional(ts, "readline", nargs, 0, 1)) return nullptr;
    isize size;
    if (!size_arg(ts, args, nargs, &size) || !check_readable(ts, self)) return nullptr;
    return readline_value(ts, F(self), size);
}

static bool empty_line(Object* line) {
    return is_str(line) ? as_str(line)->length == 0 : static_cast<VarObject*>(line)->ob_size == 0;
}

// readlines(hint=-1, /): stop once the lines read total hint or more.
static Ref<> m_readlines(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "readlines", kw) || !check_positional(ts, "readlines", nargs, 0, 1)) return nullptr;
    isize hint;
    if (!size_arg(ts, args, nargs, &hint) || !check_readable(ts, self)) return nullptr;
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    isize total = 0;
    for (;;) {
        Ref<> line = readline_value(ts, F(self), -1);
        if (!line) return nullptr;
        if (empty_line(line.get())) break;
        if (!list_append(ts, list.get(), line.get())) return nullptr;
        total += object_length(ts, line.get());
        if (hint > 0 && total >= hint) break;
    }
    return list;
}

static Ref<> file_iter(ThreadState* ts, Object* self) {
    if (!check_open(ts, self)) return nullptr;
    return newref(self);
}

static Ref<> file_iternext(ThreadState* ts, Object* self) {
    if (!check_readable(ts, self)) return nullptr;
    Ref<> line = readline_value(ts, F(self), -1);
    if (!line || empty_line(line.get())) return nullptr;
    return line;
}

// ------------------------------------------------------------ writing

static bool write_text(ThreadState* ts, FileObject* f, Object* s) {
    std::string nl = f->newline == ts->interp->None ? "" : str_of(f->newline);
    Ref<> text = newref(s);
    if (nl == "\r" || nl == "\r\n") {
        Ref<> from = str_from_utf8(ts, "\n");
        Ref<> to = str_from_utf8(ts, nl);
        if (!from || !to) return false;
        Object* rargs[2] = {from.get(), to.get()};
        text = call_method(ts, s, "replace", rargs, 2);
        if (!text) return false;
    }
    std::string data;
    if (!unicode_encode(ts, as_str(text.get()), str_utf8(f->encoding), str_utf8(f->errors), &data)) return false;
    // An encoding that starts with a byte order mark (utf-16, utf-32,
    // utf-8-sig) writes it only at the start of the file, as
    // TextIOWrapper's stateful encoder does.
    if (data.size() >= 2 && (uint8_t(data[0]) == 0xFF || uint8_t(data[0]) == 0xFE || uint8_t(data[0]) == 0xEF ||
                             data[0] == 0) && std::ftell(f->fp) > 0) {
        std::string bom;
        Ref<> empty = str_from_utf8(ts, "");
        if (!empty || !unicode_encode(ts, as_str(empty.get()), str_utf8(f->encoding), "strict", &bom)) return false;
        if (!bom.empty() && data.compare(0, bom.size(), bom) == 0) data.erase(0, bom.size());
    }
    if (f->rbuf) {
        // Writing after reading: continue after what was read.
        drop_rbuf(f);
        std::fseek(f->fp, 0, SEEK_CUR);
    }
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f->fp) != data.size()) {
        raise_os_error(ts, errno ? errno : EIO, nullptr);
        return false;
    }
    return true;
}

// write(s, /): the number of characters (text) or bytes (binary) written.
static Ref<> m_write(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
    if (!check_writable(ts, self)) return nullptr;
    FileObject* f = F(self);
    if (f->text) {
        if (!is_str(args[0])) return type_error(ts, std::string("write() argument must be str, not ") + type_name(args[0]));
        if (!write_text(ts, f, args[0])) return nullptr;
        return int_from_i64(ts, as_str(args[0])->length);
    }
    std::string_view data;
    if (!need_bytes_like(ts, args[0], &data)) return nullptr;
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f->fp) != data.size())
        return raise_os_error(ts, errno ? errno : EIO, nullptr);
    return int_from_i64(ts, isize(data.size()));
}

static Ref<> m_writelines(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "writelines", kw) || !check_nargs(ts, "writelines", nargs, 1, 1)) return nullptr;
    if (!check_writable(ts, self)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    while (Ref<> line = iter_next(ts, it.get())) {
        Object* one = line.get();
        if (!m_write(ts, self, &one, 1, nullptr)) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return newref(ts->interp->None);
}

// ------------------------------------------------------------ positioning and queries

static long text_tell(FileObject* f) {
    if (!f->rbuf) return std::ftell(f->fp);
    // Bytes consumed so far: the UTF-8 length of what was returned (an
    // approximation when newlines were translated or the encoding differs).
    long n = f->rstart;
    for (std::size_t i = 0; i < f->rpos; i++) {
        char32_t c = (*f->rbuf)[i];
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
}

// seek(cookie, whence=0, /)
static Ref<> m_seek(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "seek", kw) || !check_positional(ts, "seek", nargs, 1, 2)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    isize offset, whence = 0;
    Ref<> o = number_index(ts, args[0]);
    if (!o || !int_as_isize(ts, o.get(), &offset)) return nullptr;
    if (nargs > 1) {
        Ref<> w = number_index(ts, args[1]);
        if (!w || !int_as_isize(ts, w.get(), &whence)) return nullptr;
    }
    FileObject* f = F(self);
    if (whence < 0 || whence > 2) return value_error(ts, "invalid whence (" + isize_str(whence) + ", should be 0, 1 or 2)");
    if (f->text && whence != 0 && offset != 0) {
        return raise(ts, ts->interp->exc.OSError,
                     whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    }
    if (f->text && whence == 1) {
        offset = text_tell(f);
        whence = 0;
    }
    drop_rbuf(f);
    if (std::fseek(f->fp, long(offset), whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) != 0)
        return raise_os_error(ts, errno ? errno : EINVAL, nullptr);
    return int_from_i64(ts, std::ftell(f->fp));
}

static Ref<> m_tell(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "tell", kw) || !check_nargs(ts, "tell", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return int_from_i64(ts, F(self)->text ? text_tell(F(self)) : std::ftell(F(self)->fp));
}

static Ref<> m_fileno(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fileno", kw) || !check_nargs(ts, "fileno", nargs, 0, 0)) return nullptr;
    if (!check_open(ts, self)) return nullptr;
    return int_from_i64(ts, fileno(F(self)->fp));
}

static Ref<> m_readable(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    if (!check_open(ts, self)) return nullptr;
    return bool_ref(ts, F(self)->readable);
}
static Ref<> m_writable(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    if (!check_open(ts, self)) return nullptr;
    return bool_ref(ts, F(self)->writable);
}
static Ref<> m_seekable(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    if (!check_open(ts, self)) return nullptr;
    return bool_ref(ts, true);
}
static Ref<> m_isatty(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    if (!check_open(ts, self)) return nullptr;
    return bool_ref(ts, false);
}

static Ref<> file_repr(ThreadState* ts, Object* self) {
    FileObject* f = F(self);
    std::string out = "<" + type_of(self)->tp_name;
    Ref<> name = object_repr(ts, f->name);
    if (!name) return nullptr;
    out += " name=" + std::string(str_utf8(name.get()));
    if (f->text) {
        Ref<> mode = object_repr(ts, f->mode);
        Ref<> enc = object_repr(ts, f->encoding);
        if (!mode || !enc) return nullptr;
        out += " mode=" + std::string(str_utf8(mode.get())) + " encoding=" + std::string(str_utf8(enc.get()));
    }
    return str_from_utf8(ts, out + ">");
}

static Ref<> get_closed(ThreadState* ts, Object* self) { return bool_ref(ts, F(self)->fp == nullptr); }
static Ref<> get_name(ThreadState*, Object* self) { return newref(F(self)->name); }
static Ref<> get_mode(ThreadState*, Object* self) { return newref(F(self)->mode); }
static Ref<> get_encoding(ThreadState*, Object* self) { return newref(F(self)->encoding); }
static Ref<> get_errors(ThreadState*, Object* self) { return newref(F(self)->errors); }
static Ref<> get_line_buffering(ThreadState* ts, Object*) { return bool_ref(ts, false); }

// CPython 3.11's sizes: a TextIOWrapper is 192 bytes; a Buffered* object
// is 152 bytes plus its buffer of st_blksize bytes (bufferedio.c: buffered_sizeof).
static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    FileObject* f = F(self);
    if (f->text) return int_from_i64(ts, 192);
    isize buffer = 8192;   // DEFAULT_BUFFER_SIZE when the block size is unknown
    struct stat st;
    if (f->fp && fstat(fileno(f->fp), &st) == 0 && st.st_blksize > 1) buffer = isize(st.st_blksize);
    return int_from_i64(ts, 152 + buffer);
}

static const MethodDef file_methods[] = {
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {"read", m_read, METH_DEFAULT, "Read at most size characters (text) or bytes (binary); all of them by default."},
    {"readline", m_readline, METH_DEFAULT, "Read until newline or EOF."},
    {"readlines", m_readlines, METH_DEFAULT, "Return a list of lines from the stream."},
    {"write", m_write, METH_DEFAULT, "Write the given string (text) or buffer (binary) to the stream."},
    {"writelines", m_writelines, METH_DEFAULT, "Write a list of lines to the stream."},
    {"close", m_close, METH_DEFAULT, "Flush and close the IO object."},
    {"flush", m_flush, METH_DEFAULT, "Flush write buffers, if applicable."},
    {"seek", m_seek, METH_DEFAULT, "Change the stream position to the given offset."},
    {"tell", m_tell, METH_DEFAULT, "Return current stream position."},
    {"fileno", m_fileno, METH_DEFAULT, "Return the underlying file descriptor."},
    {"readable", m_readable, METH_DEFAULT, "Return whether object was opened for reading."},
    {"writable", m_writable, METH_DEFAULT, "Return whether object was opened for writing."},
    {"seekable", m_seekable, METH_DEFAULT, "Return whether object supports random access."},
    {"isatty", m_isatty, METH_DEFAULT, "Return whether this is an 'interactive' stream."},
    {"__enter__", m_enter, METH_DEFAULT, nullptr},
    {"__exit__", m_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef binary_getsets[] = {
    {"closed", get_closed, nullptr, nullptr},
    {"name", get_name, nullptr, nullptr},
    {"mode", get_mode, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const GetSetDef text_getsets[] = {
    {"closed", get_closed, nullptr, nullptr},
    {"name", get_name, nullptr, nullptr},
    {"mode", get_mode, nullptr, nullptr},
    {"encoding", get_encoding, nullptr, "Encoding of the text stream."},
    {"errors", get_errors, nullptr, "The error setting of the decoder or encoder."},
    {"line_buffering", get_line_buffering, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool init_file_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    struct Spec { TypeObject** slot; const char* name; const GetSetDef* getsets; };
    const Spec specs[] = {
        {&interp.types.text_file, "_io.TextIOWrapper", text_getsets},
        {&interp.types.buffered_reader, "_io.BufferedReader", binary_getsets},
        {&interp.types.buffered_writer, "_io.BufferedWriter", binary_getsets},
        {&interp.types.buffered_random, "_io.BufferedRandom", binary_getsets},
    };
    for (const Spec& s : specs) {
        TypeObject* t = ensure_builtin_type(ts, s.slot, s.name, sizeof(FileObject), TPFLAGS_HAVE_GC);
        if (!t) return false;
        t->tp_dealloc = file_dealloc;
        t->tp_traverse = file_traverse;
        t->tp_repr = file_repr;
        t->tp_iter = file_iter;
        t->tp_iternext = file_iternext;
        if (!add_type_members(ts, t, file_methods, s.getsets)) return false;
    }
    return true;
}

}  // namespace gp
