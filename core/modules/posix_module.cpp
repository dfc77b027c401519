// posix_module.cpp — the `posix` module (C++): the operating-system calls
// behind `os` — processes, the current directory, files and directories,
// stat, file descriptors, the environment, random bytes. The `os` module
// (frozen Python, os_module.cpp) re-exports them and adds os.path, walk,
// makedirs, environ, ...
//
// Mirrors CPython 3.11's Modules/posixmodule.c for the calls a teaching
// program uses. Natively these are the real system calls; in the browser
// Emscripten provides them over its in-memory file system, so the same
// programs run there. Failures raise the OSError subclass CPython picks for
// the errno (fileobject.h: raise_os_error), e.g.
//     FileNotFoundError: [Errno 2] No such file or directory: 'x'
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/fileobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/structseq.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/processes.h"
#include "runtime/interpreter.h"

extern char** environ;

namespace gp {

// --------------------------------------------------------------- helpers

// A path argument (PyUnicode_FSConverter): str, bytes, or an object with
// __fspath__ returning one of them.
static bool path_arg(ThreadState* ts, const char* fname, const char* argname, Object* o, std::string* out) {
    Interpreter& interp = *ts->interp;
    Ref<> p = newref(o);
    if (!is_str(o) && !is_bytes(o)) {
        bool found = false;
        p = call_special(ts, o, interp.intern("__fspath__"), nullptr, 0, &found);
        if (!found && !error_occurred(ts)) {
            raise(ts, interp.exc.TypeError, std::string(fname) + ": " + argname +
                                               " should be string, bytes or os.PathLike, not " + type_name(o));
            return false;
        }
        if (!p) return false;
    }
    if (is_str(p.get())) *out = std::string(str_utf8(p.get()));
    else if (is_bytes(p.get())) *out = std::string(bytes_view(p.get()));
    else {
        raise(ts, interp.exc.TypeError, std::string(fname) + ": " + argname +
                                           " should be string, bytes or os.PathLike, not " + type_name(o));
        return false;
    }
    if (out->find('\0') != std::string::npos) {
        raise(ts, interp.exc.ValueError, std::string(fname) + ": embedded null character in " + argname);
        return false;
    }
    return true;
}

static Ref<> none(ThreadState* ts) { return newref(ts->interp->None); }

// OSError for a call on two paths: "[Errno 2] No such file or directory: 'a' -> 'b'".
// What __fspath__ returns for an os.PathLike, else the object itself.
static Ref<> os_fspath_or_self(ThreadState* ts, Object* o) {
    if (is_str(o) || is_bytes(o)) return newref(o);
    bool found = false;
    Ref<> p = call_special(ts, o, ts->interp->intern("__fspath__"), nullptr, 0, &found);
    if (p || error_occurred(ts)) return p;
    return newref(o);
}

static std::nullptr_t raise_os_error2(ThreadState* ts, int err, Object* src, Object* dst) {
    // OSError(errno, strerror, src, None, dst): str() shows 'src' -> 'dst'.
    Interpreter& interp = *ts->interp;
    Ref<> s2 = os_fspath_or_self(ts, src), d2 = s2 ? os_fspath_or_self(ts, dst) : nullptr;
    Ref<> eno = d2 ? int_from_i64(ts, linux_errno(err)) : nullptr;
    Ref<> es = eno ? str_from_utf8(ts, std::strerror(err)) : nullptr;
    if (!es) return nullptr;
    Object* args[5] = {eno.get(), es.get(), s2.get(), interp.None, d2.get()};
    Ref<> exc = object_vectorcall(ts, interp.exc.OSError, args, 5);
    if (!exc) return nullptr;
    return raise_object(ts, exc.get());
}

static bool int_arg(ThreadState* ts, Object* o, int64_t* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    if (!int_as_i64(i.get(), out)) {
        raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C int");
        return false;
    }
    return true;
}

// ------------------------------------------------------------- processes

static Ref<> posix_getpid(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getpid", kw) || !check_nargs(ts, "getpid", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, mp_getpid(*ts->interp));   // a child interpreter has its own
}

static Ref<> posix_getppid(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getppid", kw) || !check_nargs(ts, "getppid", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, mp_getppid(*ts->interp));
}

static Ref<> posix_getuid(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getuid", kw) || !check_nargs(ts, "getuid", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, getuid());
}

static Ref<> posix_cpu_count(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "cpu_count", kw) || !check_nargs(ts, "cpu_count", nargs, 0, 0)) return nullptr;
    unsigned n = std::thread::hardware_concurrency();
#ifdef GLASSPY_THREAD_POOL_SIZE
    // WebAssembly: threads and child processes come from a fixed pool of
    // Web Workers (CMakeLists.txt); Pool() and ThreadPoolExecutor() size
    // themselves from this number and must fit in it.
    if (n > GLASSPY_THREAD_POOL_SIZE / 2) n = GLASSPY_THREAD_POOL_SIZE / 2;
#endif
    return n ? int_from_i64(ts, n) : none(ts);
}

static Ref<> posix_kill(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "kill", kw) || !check_nargs(ts, "kill", nargs, 2, 2)) return nullptr;
    int64_t pid, sig;
    if (!int_arg(ts, args[0], &pid) || !int_arg(ts, args[1], &sig)) return nullptr;
    if (kill(pid_t(pid), int(sig)) != 0) return raise_os_error(ts, errno, nullptr);
    return none(ts);
}

static Ref<> posix_exit(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_exit", kw) || !check_nargs(ts, "_exit", nargs, 1, 1)) return nullptr;
    int64_t code;
    if (!int_arg(ts, args[0], &code)) return nullptr;
    std::_Exit(int(code));
}

static Ref<> posix_strerror(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "strerror", kw) || !check_nargs(ts, "strerror", nargs, 1, 1)) return nullptr;
    int64_t code;
    if (!int_arg(ts, args[0], &code)) return nullptr;
    return str_from_utf8(ts, std::strerror(platform_errno(int(code))));
}

static Ref<> posix_urandom(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "urandom", kw) || !check_nargs(ts, "urandom", nargs, 1, 1)) return nullptr;
    int64_t n;
    if (!int_arg(ts, args[0], &n)) return nullptr;
    if (n < 0) return raise(ts, ts->interp->exc.ValueError, "negative argument not allowed");
    std::random_device rd;
    std::string data(std::size_t(n), '\0');
    for (auto& c : data) c = char(rd() & 0xff);
    return bytes_from_string(ts, data);
}

// -------------------------------------------------------- directories

static Ref<> posix_getcwd(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getcwd", kw) || !check_nargs(ts, "getcwd", nargs, 0, 0)) return nullptr;
    std::string buf(4096, '\0');
    if (!getcwd(buf.data(), buf.size())) return raise_os_error(ts, errno, nullptr);
    return str_from_utf8(ts, buf.c_str());
}

static Ref<> posix_chdir(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "chdir", kw) || !check_nargs(ts, "chdir", nargs, 1, 1)) return nullptr;
    std::string path;
    if (!path_arg(ts, "chdir", "path", args[0], &path)) return nullptr;
    if (chdir(path.c_str()) != 0) return raise_os_error(ts, errno, args[0]);
    return none(ts);
}

// listdir(path='.'): names without '.' and '..', in the order the directory
// gives them; bytes names for a bytes path.
static Ref<> posix_listdir(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path"};
    static const ArgSpec spec{"listdir", names, 1, 0, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path = ".";
    bool as_bytes = a[0] && is_bytes(a[0]);
    if (a[0] && a[0] != ts->interp->None && !path_arg(ts, "listdir", "path", a[0], &path)) return nullptr;
    DIR* dir = opendir(path.c_str());
    if (!dir) return raise_os_error(ts, errno, a[0] && a[0] != ts->interp->None ? a[0] : nullptr);
    Ref<ListObject> result = list_new(ts, 0);
    while (result) {
        errno = 0;
        dirent* ent = readdir(dir);
        if (!ent) break;
        if (std::strcmp(ent->d_name, ".") == 0 || std::strcmp(ent->d_name, "..") == 0) continue;
        Ref<> name = as_bytes ? bytes_from_string(ts, ent->d_name) : str_from_utf8(ts, ent->d_name);
        if (!name || !list_append(ts, result.get(), name.get())) result = nullptr;
    }
    closedir(dir);
    return result;
}

static Ref<> posix_mkdir(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "mode", "dir_fd"};
    static const ArgSpec spec{"mkdir", names, 3, 1, 2, 0};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    int64_t mode = 0777;
    if (!path_arg(ts, "mkdir", "path", a[0], &path) || (a[1] && !int_arg(ts, a[1], &mode))) return nullptr;
    if (mkdir(path.c_str(), mode_t(mode)) != 0) return raise_os_error(ts, errno, a[0]);
    return none(ts);
}

// rmdir, remove/unlink: one path, one system call.
template <int (*Call)(const char*)>
static Ref<> path_call(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "dir_fd"};
    const ArgSpec spec{fname, names, 2, 1, 1, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    if (!path_arg(ts, fname, "path", a[0], &path)) return nullptr;
    if (Call(path.c_str()) != 0) return raise_os_error(ts, errno, a[0]);
    return none(ts);
}

static Ref<> posix_rmdir(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return path_call<rmdir>(ts, "rmdir", args, nargs, kw);
}
static Ref<> posix_remove(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return path_call<unlink>(ts, "remove", args, nargs, kw);
}
static Ref<> posix_unlink(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return path_call<unlink>(ts, "unlink", args, nargs, kw);
}

static Ref<> posix_rename_impl(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"src", "dst"};
    const ArgSpec spec{fname, names, 2, 2, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string src, dst;
    if (!path_arg(ts, fname, "src", a[0], &src) || !path_arg(ts, fname, "dst", a[1], &dst)) return nullptr;
    if (std::rename(src.c_str(), dst.c_str()) != 0) return raise_os_error2(ts, errno, a[0], a[1]);
    return none(ts);
}

static Ref<> posix_rename(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return posix_rename_impl(ts, "rename", args, nargs, kw);
}
static Ref<> posix_replace(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return posix_rename_impl(ts, "replace", args, nargs, kw);
}

static Ref<> posix_chmod(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    static const ArgSpec spec{"chmod", names, 4, 2, 2, 0};
    Object* a[4];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    int64_t mode;
    if (!path_arg(ts, "chmod", "path", a[0], &path) || !int_arg(ts, a[1], &mode)) return nullptr;
    if (chmod(path.c_str(), mode_t(mode)) != 0) return raise_os_error(ts, errno, a[0]);
    return none(ts);
}

// A (seconds, nanoseconds) timespec from an int or float number of seconds.
static bool seconds_arg(ThreadState* ts, Object* o, timespec* out) {
    double d;
    if (!float_as_double(ts, o, &d)) return false;
    double whole = std::floor(d);
    out->tv_sec = time_t(whole);
    out->tv_nsec = long((d - whole) * 1e9);
    return true;
}

// utime(path, times=None, *, ns=None): times as (atime, mtime) seconds, or
// ns as (atime_ns, mtime_ns); neither means now.
static Ref<> posix_utime(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    static const ArgSpec spec{"utime", names, 5, 1, 2, 0};
    Object* a[5];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    std::string path;
    if (!path_arg(ts, "utime", "path", a[0], &path)) return nullptr;
    Object* times = a[1] && a[1] != interp.None ? a[1] : nullptr;
    Object* ns = a[2] && a[2] != interp.None ? a[2] : nullptr;
    if (times && ns) return raise(ts, interp.exc.ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    timespec ts2[2];
    timespec* tp = nullptr;
    if (times) {
        if (!is_tuple(times) || tuple_size(as_tuple(times)) != 2)
            return raise(ts, interp.exc.TypeError, "utime: 'times' must be either a tuple of two ints or None");
        if (!seconds_arg(ts, as_tuple(times)->ob_item[0], &ts2[0]) || !seconds_arg(ts, as_tuple(times)->ob_item[1], &ts2[1]))
            return nullptr;
        tp = ts2;
    } else if (ns) {
        if (!is_tuple(ns) || tuple_size(as_tuple(ns)) != 2)
            return raise(ts, interp.exc.TypeError, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; i++) {
            int64_t v;
            if (!int_arg(ts, as_tuple(ns)->ob_item[i], &v)) return nullptr;
            ts2[i].tv_sec = time_t(v / 1000000000);
            ts2[i].tv_nsec = long(v % 1000000000);
        }
        tp = ts2;
    }
    if (utimensat(AT_FDCWD, path.c_str(), tp, 0) != 0) return raise_os_error(ts, errno, a[0]);
    return none(ts);
}

// symlink(src, dst) and link(src, dst): make dst a link to src.
static Ref<> posix_link_impl(ThreadState* ts, const char* fname, bool symbolic, Object* const* args, isize nargs,
                             TupleObject* kw) {
    static const char* const names[] = {"src", "dst", "target_is_directory", "dir_fd"};
    const ArgSpec spec{fname, names, 4, 2, 3, 0};
    Object* a[4];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string src, dst;
    if (!path_arg(ts, fname, "src", a[0], &src) || !path_arg(ts, fname, "dst", a[1], &dst)) return nullptr;
    int rc = symbolic ? symlink(src.c_str(), dst.c_str()) : link(src.c_str(), dst.c_str());
    if (rc != 0) return raise_os_error2(ts, errno, a[0], a[1]);
    return none(ts);
}
static Ref<> posix_symlink(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return posix_link_impl(ts, "symlink", true, args, nargs, kw);
}
static Ref<> posix_link(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return posix_link_impl(ts, "link", false, args, nargs, kw);
}

static Ref<> posix_readlink(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "dir_fd"};
    static const ArgSpec spec{"readlink", names, 2, 1, 1, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    if (!path_arg(ts, "readlink", "path", a[0], &path)) return nullptr;
    std::string buf(4096, '\0');
    ssize_t n = readlink(path.c_str(), buf.data(), buf.size());
    if (n < 0) return raise_os_error(ts, errno, a[0]);
    buf.resize(size_t(n));
    if (is_bytes(a[0])) return bytes_from_data(ts, buf.data(), isize(buf.size()));
    return str_from_utf8(ts, buf);
}

// get_terminal_size(fd=1): the window size of the terminal on fd.
static Ref<> posix_get_terminal_size(ThreadState* ts, Object* module, Object* const* args, isize nargs,
                                     TupleObject* kw) {
    static const char* const names[] = {"fd"};
    static const ArgSpec spec{"get_terminal_size", names, 1, 0, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    int64_t fd = 1;
    if (a[0] && !int_arg(ts, a[0], &fd)) return nullptr;
    int64_t cols = 0, rows = 0;
#ifdef TIOCGWINSZ
    struct winsize w;
    if (ioctl(int(fd), TIOCGWINSZ, &w) != 0) return raise_os_error(ts, errno, nullptr);
    cols = w.ws_col;
    rows = w.ws_row;
#else
    return raise_os_error(ts, ENOTTY, nullptr);
#endif
    Object* t = dict_get_cstr(ts, static_cast<ModuleObject*>(module)->md_dict, "terminal_size");
    if (!t || !type_has_flag(type_of(t), TPFLAGS_TYPE_SUBCLASS))
        return raise(ts, ts->interp->exc.SystemError, "posix.terminal_size is missing");
    Ref<TupleObject> r = structseq_new(ts, static_cast<TypeObject*>(t));
    Ref<> c = int_from_i64(ts, cols), l = int_from_i64(ts, rows);
    if (!r || !c || !l) return nullptr;
    r->ob_item[0] = c.release();
    r->ob_item[1] = l.release();
    return r;
}

static const GetSetDef terminal_size_fields[] = {
    {"columns", structseq_get<0>, structseq_readonly, "width of the terminal window in characters"},
    {"lines", structseq_get<1>, structseq_readonly, "height of the terminal window in characters"},
    {nullptr, nullptr, nullptr, nullptr},
};

static Ref<> posix_access(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "mode"};
    static const ArgSpec spec{"access", names, 2, 2, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    int64_t mode;
    if (!path_arg(ts, "access", "path", a[0], &path) || !int_arg(ts, a[1], &mode)) return nullptr;
    return bool_from(ts, access(path.c_str(), int(mode)) == 0);
}

// ------------------------------------------------------------------ stat

// os.stat_result: 10 visible fields (the three times as whole seconds, as
// CPython's unnamed fields 7-9), then the times as floats and nanoseconds.
// The repr names items 7-9 st_atime.. and shows their integers, while the
// attributes st_atime.. read the float fields 10-12 (both rows of a name
// have the same getter, so it does not matter which one the type keeps).
static const GetSetDef stat_result_fields[] = {
    {"st_mode", structseq_get<0>, structseq_readonly, "protection bits"},
    {"st_ino", structseq_get<1>, structseq_readonly, "inode"},
    {"st_dev", structseq_get<2>, structseq_readonly, "device"},
    {"st_nlink", structseq_get<3>, structseq_readonly, "number of hard links"},
    {"st_uid", structseq_get<4>, structseq_readonly, "user ID of owner"},
    {"st_gid", structseq_get<5>, structseq_readonly, "group ID of owner"},
    {"st_size", structseq_get<6>, structseq_readonly, "total size, in bytes"},
    {"st_atime", structseq_get<10>, structseq_readonly, "time of last access"},
    {"st_mtime", structseq_get<11>, structseq_readonly, "time of last modification"},
    {"st_ctime", structseq_get<12>, structseq_readonly, "time of last change"},
    {"st_atime", structseq_get<10>, structseq_readonly, "time of last access"},
    {"st_mtime", structseq_get<11>, structseq_readonly, "time of last modification"},
    {"st_ctime", structseq_get<12>, structseq_readonly, "time of last change"},
    {"st_atime_ns", structseq_get<13>, structseq_readonly, "time of last access in nanoseconds"},
    {"st_mtime_ns", structseq_get<14>, structseq_readonly, "time of last modification in nanoseconds"},
    {"st_ctime_ns", structseq_get<15>, structseq_readonly, "time of last change in nanoseconds"},
    {"st_blksize", structseq_get<16>, structseq_readonly, "blocksize for filesystem I/O"},
    {"st_blocks", structseq_get<17>, structseq_readonly, "number of blocks allocated"},
    {"st_rdev", structseq_get<18>, structseq_readonly, "device type (if inode device)"},
    {nullptr, nullptr, nullptr, nullptr},
};

static Ref<> stat_to_result(ThreadState* ts, Object* module, const struct stat& st) {
    Object* t = dict_get_cstr(ts, static_cast<ModuleObject*>(module)->md_dict, "stat_result");
    if (!t || !type_has_flag(type_of(t), TPFLAGS_TYPE_SUBCLASS))
        return raise(ts, ts->interp->exc.SystemError, "posix.stat_result is missing");
    Ref<TupleObject> r = structseq_new(ts, static_cast<TypeObject*>(t));
    if (!r) return nullptr;
    const timespec times[3] = {st.st_atim, st.st_mtim, st.st_ctim};
    const int64_t ints[7] = {int64_t(st.st_mode), int64_t(st.st_ino), int64_t(st.st_dev), int64_t(st.st_nlink),
                             int64_t(st.st_uid), int64_t(st.st_gid), int64_t(st.st_size)};
    Ref<> items[19];
    for (int i = 0; i < 7; i++) items[i] = int_from_i64(ts, ints[i]);
    for (int i = 0; i < 3; i++) {
        items[7 + i] = int_from_i64(ts, times[i].tv_sec);
        items[10 + i] = float_from_double(ts, double(times[i].tv_sec) + times[i].tv_nsec * 1e-9);
        items[13 + i] = int_from_i64(ts, int64_t(times[i].tv_sec) * 1000000000 + times[i].tv_nsec);
    }
    items[16] = int_from_i64(ts, st.st_blksize);
    items[17] = int_from_i64(ts, st.st_blocks);
    items[18] = int_from_i64(ts, int64_t(st.st_rdev));
    for (int i = 0; i < 19; i++) {
        if (!items[i]) return nullptr;
        r->ob_item[i] = items[i].release();
    }
    return r;
}

template <bool Follow>
static Ref<> stat_impl(ThreadState* ts, Object* self, const char* fname, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "dir_fd", "follow_symlinks"};
    const ArgSpec spec{fname, names, 3, 1, 1, 0};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    bool follow = Follow;
    if (a[2]) {
        int t = object_is_true(ts, a[2]);
        if (t < 0) return nullptr;
        follow = follow && t;
    }
    struct stat st;
    int rc;
    if (is_int(a[0])) {
        int64_t fd;
        if (!int_arg(ts, a[0], &fd)) return nullptr;
        rc = fstat(int(fd), &st);
    } else {
        std::string path;
        if (!path_arg(ts, fname, "path", a[0], &path)) return nullptr;
        rc = follow ? stat(path.c_str(), &st) : lstat(path.c_str(), &st);
    }
    if (rc != 0) return raise_os_error(ts, errno, is_int(a[0]) ? nullptr : a[0]);
    return stat_to_result(ts, self, st);
}

static Ref<> posix_stat(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return stat_impl<true>(ts, self, "stat", args, nargs, kw);
}
static Ref<> posix_lstat(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return stat_impl<false>(ts, self, "lstat", args, nargs, kw);
}
static Ref<> posix_fstat(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fstat", kw) || !check_nargs(ts, "fstat", nargs, 1, 1)) return nullptr;
    int64_t fd;
    if (!int_arg(ts, args[0], &fd)) return nullptr;
    struct stat st;
    if (fstat(int(fd), &st) != 0) return raise_os_error(ts, errno, nullptr);
    return stat_to_result(ts, self, st);
}

// ----------------------------------------------------- file descriptors

static Ref<> posix_open(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"path", "flags", "mode", "dir_fd"};
    static const ArgSpec spec{"open", names, 4, 2, 3, 0};
    Object* a[4];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    std::string path;
    int64_t flags, mode = 0777;
    if (!path_arg(ts, "open", "path", a[0], &path) || !int_arg(ts, a[1], &flags) || (a[2] && !int_arg(ts, a[2], &mode)))
        return nullptr;
    int fd = ::open(path.c_str(), int(flags) | O_CLOEXEC, mode_t(mode));
    if (fd < 0) return raise_os_error(ts, errno, a[0]);
    return int_from_i64(ts, fd);
}

static Ref<> posix_close(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 1, 1)) return nullptr;
    int64_t fd;
    if (!int_arg(ts, args[0], &fd)) return nullptr;
    if (::close(int(fd)) != 0) return raise_os_error(ts, errno, nullptr);
    return none(ts);
}

static Ref<> posix_read(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "read", kw) || !check_nargs(ts, "read", nargs, 2, 2)) return nullptr;
    int64_t fd, n;
    if (!int_arg(ts, args[0], &fd) || !int_arg(ts, args[1], &n)) return nullptr;
    if (n < 0) return raise_os_error(ts, EINVAL, nullptr);
    std::string buf(std::size_t(n), '\0');
    ssize_t got = ::read(int(fd), buf.data(), buf.size());
    if (got < 0) return raise_os_error(ts, errno, nullptr);
    buf.resize(std::size_t(got));
    return bytes_from_string(ts, buf);
}

static Ref<> posix_write(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 2, 2)) return nullptr;
    int64_t fd;
    std::string_view data;
    if (!int_arg(ts, args[0], &fd) || !need_bytes_like(ts, args[1], &data)) return nullptr;
    ssize_t n = ::write(int(fd), data.data(), data.size());
    if (n < 0) return raise_os_error(ts, errno, nullptr);
    return int_from_i64(ts, n);
}

static Ref<> posix_lseek(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "lseek", kw) || !check_nargs(ts, "lseek", nargs, 3, 3)) return nullptr;
    int64_t fd, pos, how;
    if (!int_arg(ts, args[0], &fd) || !int_arg(ts, args[1], &pos) || !int_arg(ts, args[2], &how)) return nullptr;
    off_t r = ::lseek(int(fd), off_t(pos), int(how));
    if (r < 0) return raise_os_error(ts, errno, nullptr);
    return int_from_i64(ts, r);
}

static Ref<> posix_isatty(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "isatty", kw) || !check_nargs(ts, "isatty", nargs, 1, 1)) return nullptr;
    int64_t fd;
    if (!int_arg(ts, args[0], &fd)) return nullptr;
    return bool_from(ts, ::isatty(int(fd)) == 1);
}

static Ref<> posix_umask(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "umask", kw) || !check_nargs(ts, "umask", nargs, 1, 1)) return nullptr;
    int64_t mask;
    if (!int_arg(ts, args[0], &mask)) return nullptr;
    return int_from_i64(ts, ::umask(mode_t(mask)));
}

// ------------------------------------------------------------ environment

static Ref<> posix_putenv(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "putenv", kw) || !check_nargs(ts, "putenv", nargs, 2, 2)) return nullptr;
    std::string name, value;
    if (!path_arg(ts, "putenv", "name", args[0], &name) || !path_arg(ts, "putenv", "value", args[1], &value))
        return nullptr;
    if (name.empty() || name.find('=') != std::string::npos)
        return raise(ts, interp.exc.ValueError, "illegal environment variable name");
    if (setenv(name.c_str(), value.c_str(), 1) != 0) return raise_os_error(ts, errno, nullptr);
    return none(ts);
}

static Ref<> posix_unsetenv(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "unsetenv", kw) || !check_nargs(ts, "unsetenv", nargs, 1, 1)) return nullptr;
    std::string name;
    if (!path_arg(ts, "unsetenv", "name", args[0], &name)) return nullptr;
    if (unsetenv(name.c_str()) != 0) return raise_os_error(ts, errno, nullptr);
    return none(ts);
}

// The process environment at import time, as a dict of str (os.environ's data).
static Ref<DictObject> environ_dict(ThreadState* ts) {
    Ref<DictObject> d = dict_new(ts);
    for (char** e = environ; d && e && *e; e++) {
        std::string_view entry(*e);
        std::size_t eq = entry.find('=', 1);
        if (eq == std::string_view::npos) continue;
        Ref<> k = str_from_utf8(ts, entry.substr(0, eq));
        Ref<> v = k ? str_from_utf8(ts, entry.substr(eq + 1)) : nullptr;
        if (!v || !dict_set_item(ts, d.get(), k.get(), v.get())) return nullptr;
    }
    return d;
}

// os.uname_result: what uname(2) says. Natively the host's kernel; under
// Emscripten the runtime answers sysname "Emscripten", machine "wasm32".
static const GetSetDef uname_result_fields[] = {
    {"sysname", structseq_get<0>, nullptr, "operating system name"},
    {"nodename", structseq_get<1>, nullptr, "name of machine on network (implementation-defined)"},
    {"release", structseq_get<2>, nullptr, "operating system release"},
    {"version", structseq_get<3>, nullptr, "operating system version"},
    {"machine", structseq_get<4>, nullptr, "hardware identifier"},
    {nullptr, nullptr, nullptr, nullptr},
};

static Ref<> posix_uname(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "uname", kw) || !check_nargs(ts, "uname", nargs, 0, 0)) return nullptr;
    struct utsname u;
    if (uname(&u) != 0) return raise_os_error(ts, errno, nullptr);
    Object* t = dict_get_cstr(ts, static_cast<ModuleObject*>(self)->md_dict, "uname_result");
    if (!t || !type_has_flag(type_of(t), TPFLAGS_TYPE_SUBCLASS))
        return raise(ts, ts->interp->exc.SystemError, "posix.uname_result is missing");
    Ref<TupleObject> r = structseq_new(ts, static_cast<TypeObject*>(t));
    if (!r) return nullptr;
    const char* parts[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++) {
        Ref<> v = str_from_utf8(ts, parts[i]);
        if (!v) return nullptr;
        r->ob_item[i] = v.release();
    }
    return r;
}

static const MethodDef posix_methods[] = {
    {"uname", posix_uname, 0, "Return an object identifying the current operating system."},
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"getuid", posix_getuid, 0, "Return the current process's user id."},
    {"cpu_count", posix_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"kill", posix_kill, 0, "Kill a process with a signal."},
    {"_exit", posix_exit, 0, "Exit to the system with specified status, without normal exit processing."},
    {"strerror", posix_strerror, 0, "Translate an error code to a message string."},
    {"urandom", posix_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"getcwd", posix_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"chdir", posix_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", posix_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"mkdir", posix_mkdir, 0, "Create a directory."},
    {"rmdir", posix_rmdir, 0, "Remove a directory."},
    {"remove", posix_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", posix_unlink, 0, "Remove a file (same as remove())."},
    {"rename", posix_rename, 0, "Rename a file or directory."},
    {"replace", posix_replace, 0, "Rename a file or directory, overwriting the destination."},
    {"chmod", posix_chmod, 0, "Change the access permissions of a file."},
    {"utime", posix_utime, 0, "Set the access and modified time of path."},
    {"symlink", posix_symlink, 0, "Create a symbolic link pointing to src named dst."},
    {"link", posix_link, 0, "Create a hard link to a file."},
    {"readlink", posix_readlink, 0, "Return a string representing the path to which the symbolic link points."},
    {"get_terminal_size", posix_get_terminal_size, 0, "Return the size of the terminal window as (columns, lines)."},
    {"access", posix_access, 0, "Use the real uid/gid to test for access to a path."},
    {"stat", posix_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", posix_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", posix_fstat, 0, "Perform a stat system call on the given file descriptor."},
    {"open", posix_open, 0, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", posix_close, 0, "Close a file descriptor."},
    {"read", posix_read, 0, "Read from a file descriptor.  Returns a bytes object."},
    {"write", posix_write, 0, "Write a bytes object to a file descriptor."},
    {"lseek", posix_lseek, 0, "Set the position of a file descriptor.  Return the new position."},
    {"isatty", posix_isatty, 0, "Return True if the fd is connected to a terminal."},
    {"umask", posix_umask, 0, "Set the current numeric umask and return the previous umask."},
    {"putenv", posix_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Delete an environment variable."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_posix_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "posix");
    if (!m || !module_add_functions(ts, m.get(), posix_methods)) return nullptr;
    Ref<TypeObject> st = structseq_new_type(ts, "os.stat_result", stat_result_fields, 10,
                                            "stat_result: Result from stat, fstat, or lstat.");
    if (!st || !module_add_object(ts, m.get(), "stat_result", st.get())) return nullptr;
    Ref<TypeObject> ut = structseq_new_type(ts, "posix.uname_result", uname_result_fields, 5,
                                            "uname_result: Result from os.uname().");
    if (!ut || !module_add_object(ts, m.get(), "uname_result", ut.get())) return nullptr;
    Ref<TypeObject> tsz = structseq_new_type(ts, "os.terminal_size", terminal_size_fields, 2,
                                             "A tuple of (columns, lines) for holding terminal window size");
    if (!tsz || !module_add_object(ts, m.get(), "terminal_size", tsz.get())) return nullptr;
    Ref<DictObject> env = environ_dict(ts);
    if (!env || !module_add_object(ts, m.get(), "environ", env.get())) return nullptr;
    const std::pair<const char*, int64_t> constants[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
        {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_DIRECTORY", O_DIRECTORY},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"EX_OK", 0},
    };
    for (auto [name, value] : constants)
        if (!module_add_int(ts, m.get(), name, value)) return nullptr;
    return m;
}

}  // namespace gp
