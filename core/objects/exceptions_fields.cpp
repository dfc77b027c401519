// exceptions_fields.cpp — the exception classes whose instances carry named
// fields beside `args`: SyntaxError, ImportError, OSError, NameError,
// AttributeError and the Unicode errors. Mirrors the matching parts of
// CPython 3.11's Objects/exceptions.c.
//
// Each such class has its own C++ struct extending BaseExceptionObject, its
// fields exposed as member descriptors, and __init__/__str__ following
// CPython's. The fields are set up by exception_fields_setup() as each class
// is created, before its built-in subclasses inherit from it (IndentationError
// gets SyntaxError's layout, FileNotFoundError OSError's).
//
// OSError is the intricate one. OSError(errno, strerror[, filename[,
// winerror[, filename2]]]) picks the subclass that matches errno —
// OSError(2, 'x') is a FileNotFoundError — and drops the file names from
// args. That has to happen in __new__ (the class of the new object depends on
// it), unless a subclass overrides __init__ without __new__, in which case
// the work is left to __init__ so that the override sees the arguments
// (oserror_use_init).
#include "objects/exceptions.h"

#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

#include <cstddef>
#include <cstdio>

// Member tables use offsetof on these simple (single-inheritance, no
// virtual) structs, which GCC and Clang lay out predictably.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gp {

namespace {

template <class T>
T* as(Object* o) { return static_cast<T*>(o); }

void set_field(Object** slot, Object* value) {
    Object* old = *slot;
    *slot = value ? newref(value).release() : nullptr;
    xdecref(old);
}

// The base class's slots, for chaining (BaseException's new/init/dealloc...).
TypeObject* base_exc(ThreadState* ts) { return ts->interp->exc.BaseException; }

int base_init(ThreadState* ts, Object* self, Object* const* args, isize nargs) {
    return base_exc(ts)->tp_init(ts, self, args, nargs, nullptr);
}

// Keyword-only arguments parsed from kwnames (the values follow the
// positional ones in `args`): "'x' is an invalid keyword argument for T()".
bool parse_kwonly(ThreadState* ts, const char* tname, Object* const* args, isize nargs, TupleObject* kwnames,
                  std::initializer_list<const char*> names, Object** out) {
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize i = 0; i < nkw; i++) {
        std::string_view k = str_utf8(kwnames->ob_item[i]);
        std::size_t j = 0;
        for (const char* n : names) {
            if (k == n) break;
            j++;
        }
        if (j == names.size()) {
            raise(ts, ts->interp->exc.TypeError,
                  "'" + std::string(k) + "' is an invalid keyword argument for " + tname + "()");
            return false;
        }
        out[j] = args[nargs + i];
    }
    return true;
}

// ------------------------------------------------------------ dealloc/traverse

// The extra owned fields of each struct, listed once for clear, dealloc and traverse.
template <class T>
struct Fields;

#define GP_FIELDS(T, ...)                                                                   \
    template <>                                                                             \
    struct Fields<T> {                                                                      \
        static Object* T::*const* list(std::size_t* n) {                                    \
            static Object* T::*const kList[] = {__VA_ARGS__};                               \
            *n = sizeof kList / sizeof kList[0];                                            \
            return kList;                                                                   \
        }                                                                                   \
    };

GP_FIELDS(SyntaxErrorObject, &SyntaxErrorObject::msg, &SyntaxErrorObject::filename, &SyntaxErrorObject::lineno,
          &SyntaxErrorObject::offset, &SyntaxErrorObject::text, &SyntaxErrorObject::end_lineno,
          &SyntaxErrorObject::end_offset, &SyntaxErrorObject::print_file_and_line)
GP_FIELDS(ImportErrorObject, &ImportErrorObject::msg, &ImportErrorObject::name, &ImportErrorObject::path)
GP_FIELDS(OSErrorObject, &OSErrorObject::myerrno, &OSErrorObject::strerror, &OSErrorObject::filename,
          &OSErrorObject::filename2)
GP_FIELDS(NameErrorObject, &NameErrorObject::name)
GP_FIELDS(AttributeErrorObject, &AttributeErrorObject::obj, &AttributeErrorObject::name)
GP_FIELDS(UnicodeErrorObject, &UnicodeErrorObject::encoding, &UnicodeErrorObject::object,
          &UnicodeErrorObject::reason)
#undef GP_FIELDS

template <class T>
int fields_clear(Object* op) {
    std::size_t n;
    auto* list = Fields<T>::list(&n);
    for (std::size_t i = 0; i < n; i++) set_field(&(as<T>(op)->*list[i]), nullptr);
    return type_of(op)->interp->exc.BaseException->tp_clear(op);
}

template <class T>
void fields_dealloc(Object* op) {
    std::size_t n;
    auto* list = Fields<T>::list(&n);
    for (std::size_t i = 0; i < n; i++) set_field(&(as<T>(op)->*list[i]), nullptr);
    type_of(op)->interp->exc.BaseException->tp_dealloc(op);
}

template <class T>
int fields_traverse(Object* op, visitproc visit, void* arg) {
    std::size_t n;
    auto* list = Fields<T>::list(&n);
    for (std::size_t i = 0; i < n; i++)
        if (Object* f = as<T>(op)->*list[i]; f && visit(f, arg)) return 1;
    return type_of(op)->interp->exc.BaseException->tp_traverse(op, visit, arg);
}

template <class T>
void install_fields(TypeObject* t, const MemberDef* members) {
    t->tp_dealloc = fields_dealloc<T>;
    t->tp_traverse = fields_traverse<T>;
    t->tp_clear = fields_clear<T>;
    t->tp_members = members;
}

#define GP_MEMBER(T, field, pyname, doc) {pyname, MEMBER_OBJECT, isize(offsetof(T, field)), 0, doc}
#define GP_END_MEMBERS {nullptr, 0, 0, 0, nullptr}

// ------------------------------------------------------------ SyntaxError

const MemberDef kSyntaxErrorMembers[] = {
    GP_MEMBER(SyntaxErrorObject, msg, "msg", "exception msg"),
    GP_MEMBER(SyntaxErrorObject, filename, "filename", "exception filename"),
    GP_MEMBER(SyntaxErrorObject, lineno, "lineno", "exception lineno"),
    GP_MEMBER(SyntaxErrorObject, offset, "offset", "exception offset"),
    GP_MEMBER(SyntaxErrorObject, text, "text", "exception text"),
    GP_MEMBER(SyntaxErrorObject, end_lineno, "end_lineno", "exception end lineno"),
    GP_MEMBER(SyntaxErrorObject, end_offset, "end_offset", "exception end offset"),
    GP_MEMBER(SyntaxErrorObject, print_file_and_line, "print_file_and_line", "exception print_file_and_line"),
    GP_END_MEMBERS,
};

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
int syntaxerror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (kw && kw->ob_size) {
        raise(ts, interp.exc.TypeError, std::string(type_name(self)) + "() takes no keyword arguments");
        return -1;
    }
    if (base_init(ts, self, args, nargs) < 0) return -1;
    auto* e = as<SyntaxErrorObject>(self);
    if (nargs >= 1) set_field(&e->msg, args[0]);
    if (nargs == 2) {
        Ref<ListObject> l = list_from_iterable(ts, args[1]);
        if (!l) return -1;
        isize n = l->ob_size;
        if (n < 4 || n > 6) {
            raise(ts, interp.exc.TypeError, std::string("function takes ") + (n < 4 ? "at least 4" : "at most 6") +
                                                " arguments (" + std::to_string(n) + " given)");
            return -1;
        }
        Object** it = l->ob_item;
        set_field(&e->filename, it[0]);
        set_field(&e->lineno, it[1]);
        set_field(&e->offset, it[2]);
        set_field(&e->text, it[3]);
        set_field(&e->end_lineno, n > 4 ? it[4] : nullptr);
        set_field(&e->end_offset, n > 5 ? it[5] : nullptr);
        if (e->end_lineno && !e->end_offset) {
            raise(ts, interp.exc.TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

// "msg (file.py, line 3)": the file's base name, as CPython's my_basename.
Ref<> syntaxerror_str(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    auto* e = as<SyntaxErrorObject>(self);
    Ref<> msg = object_str(ts, e->msg ? e->msg : interp.None);
    if (!msg) return nullptr;
    std::string filename;
    bool have_file = e->filename && is_str(e->filename);
    if (have_file) {
        std::string f(str_utf8(e->filename));
        std::size_t slash = f.rfind('/');
        filename = slash == std::string::npos ? f : f.substr(slash + 1);
    }
    bool have_line = e->lineno && type_of(e->lineno) == interp.types.int_;
    if (!have_file && !have_line) return msg;
    std::string out(str_utf8(msg.get()));
    if (have_file && have_line)
        out += " (" + filename + ", line " + int_to_decimal_string(e->lineno) + ")";
    else if (have_file)
        out += " (" + filename + ")";
    else
        out += " (line " + int_to_decimal_string(e->lineno) + ")";
    return str_from_utf8(ts, out);
}

// ------------------------------------------------------------ ImportError

const MemberDef kImportErrorMembers[] = {
    GP_MEMBER(ImportErrorObject, msg, "msg", "exception message"),
    GP_MEMBER(ImportErrorObject, name, "name", "module name"),
    GP_MEMBER(ImportErrorObject, path, "path", "module path"),
    GP_END_MEMBERS,
};

int importerror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* kwvals[2] = {};
    if (!parse_kwonly(ts, "ImportError", args, nargs, kw, {"name", "path"}, kwvals)) return -1;
    if (base_init(ts, self, args, nargs) < 0) return -1;
    auto* e = as<ImportErrorObject>(self);
    set_field(&e->name, kwvals[0]);
    set_field(&e->path, kwvals[1]);
    set_field(&e->msg, nargs == 1 ? args[0] : nullptr);
    return 0;
}

Ref<> importerror_str(ThreadState* ts, Object* self) {
    auto* e = as<ImportErrorObject>(self);
    if (e->msg && type_of(e->msg) == ts->interp->types.str) return newref(e->msg);
    return base_exc(ts)->tp_str(ts, self);
}

// ------------------------------------------------------------ NameError, AttributeError

const MemberDef kNameErrorMembers[] = {
    GP_MEMBER(NameErrorObject, name, "name", "name"),
    GP_END_MEMBERS,
};

int nameerror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* kwvals[1] = {};
    if (!parse_kwonly(ts, "NameError", args, nargs, kw, {"name"}, kwvals)) return -1;
    if (base_init(ts, self, args, nargs) < 0) return -1;
    set_field(&as<NameErrorObject>(self)->name, kwvals[0]);
    return 0;
}

const MemberDef kAttributeErrorMembers[] = {
    GP_MEMBER(AttributeErrorObject, name, "name", "attribute name"),
    GP_MEMBER(AttributeErrorObject, obj, "obj", "object"),
    GP_END_MEMBERS,
};

int attributeerror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* kwvals[2] = {};
    if (!parse_kwonly(ts, "AttributeError", args, nargs, kw, {"name", "obj"}, kwvals)) return -1;
    if (base_init(ts, self, args, nargs) < 0) return -1;
    auto* e = as<AttributeErrorObject>(self);
    set_field(&e->name, kwvals[0]);
    set_field(&e->obj, kwvals[1]);
    return 0;
}

// ------------------------------------------------------------ OSError

// errno -> subclass, with Linux's numbers (those the errno module exports,
// in the wasm build too).
TypeObject* oserror_subclass_for(Interpreter& interp, int64_t err) {
    const ExceptionTypes& x = interp.exc;
    switch (err) {
    case 11: case 114: case 115: return x.BlockingIOError;   // EAGAIN/EWOULDBLOCK, EALREADY, EINPROGRESS
    case 10: return x.ChildProcessError;                      // ECHILD
    case 32: case 108: return x.BrokenPipeError;              // EPIPE, ESHUTDOWN
    case 103: return x.ConnectionAbortedError;                // ECONNABORTED
    case 111: return x.ConnectionRefusedError;                // ECONNREFUSED
    case 104: return x.ConnectionResetError;                  // ECONNRESET
    case 17: return x.FileExistsError;                        // EEXIST
    case 2: return x.FileNotFoundError;                       // ENOENT
    case 21: return x.IsADirectoryError;                      // EISDIR
    case 20: return x.NotADirectoryError;                     // ENOTDIR
    case 4: return x.InterruptedError;                        // EINTR
    case 1: case 13: return x.PermissionError;                // EPERM, EACCES
    case 3: return x.ProcessLookupError;                      // ESRCH
    case 110: return x.TimeoutError;                          // ETIMEDOUT
    default: return nullptr;
    }
}

Ref<> oserror_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw);
int oserror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw);

// True when a subclass overrides __init__ but not __new__: then __init__
// does the parsing, so the override sees the original arguments.
bool oserror_use_init(TypeObject* type) { return type->tp_init != oserror_init && type->tp_new == oserror_new; }

// oserror_init (the C helper): store errno/strerror/filenames; with a file
// name, args keeps only (errno, strerror).
bool oserror_fill(ThreadState* ts, Object* self, Object* const* args, isize nargs) {
    Interpreter& interp = *ts->interp;
    auto* e = as<OSErrorObject>(self);
    Object *myerrno = nullptr, *strerror = nullptr, *filename = nullptr, *filename2 = nullptr;
    if (nargs >= 2 && nargs <= 5) {
        myerrno = args[0];
        strerror = args[1];
        if (nargs >= 3) filename = args[2];
        if (nargs == 5) filename2 = args[4];
    }
    isize keep = nargs;
    if (filename && filename != interp.None) {
        if (type_of(self) == interp.exc.BlockingIOError && type_of(filename)->tp_as_number &&
            (type_of(filename)->tp_as_number->nb_index || type_of(filename)->tp_as_number->nb_int)) {
            // BlockingIOError's third argument is the number of characters written.
            Ref<> n = number_index(ts, filename);
            if (!n || !int_as_isize(ts, n.get(), &e->written)) return false;
        } else {
            set_field(&e->filename, filename);
            if (filename2 && filename2 != interp.None) set_field(&e->filename2, filename2);
            keep = 2;
        }
    }
    set_field(&e->myerrno, myerrno);
    set_field(&e->strerror, strerror);
    Ref<TupleObject> a = tuple_from_array(ts, args, keep);
    if (!a) return false;
    TupleObject* old = e->args;
    e->args = a.release();
    xdecref(old);
    return true;
}

Ref<> oserror_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    bool use_init = oserror_use_init(type);
    if (!use_init) {
        if (kw && kw->ob_size) {
            raise(ts, interp.exc.TypeError, std::string(type->tp_name) + "() takes no keyword arguments");
            return nullptr;
        }
        int64_t err = 0;
        if (type == interp.exc.OSError && nargs >= 2 && nargs <= 5 && type_of(args[0]) == interp.types.int_ &&
            int_as_i64(args[0], &err))
            if (TypeObject* sub = oserror_subclass_for(interp, err)) type = sub;
    }
    // BaseException.__new__ allocates and tracks; args are replaced below.
    Ref<> self = base_exc(ts)->tp_new(ts, type, nullptr, 0, nullptr);
    if (!self) return nullptr;
    as<OSErrorObject>(self.get())->written = -1;
    if (!use_init && !oserror_fill(ts, self.get(), args, nargs)) return nullptr;
    return self;
}

int oserror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!oserror_use_init(type_of(self))) return 0;   // all done in __new__
    if (kw && kw->ob_size) {
        raise(ts, ts->interp->exc.TypeError, std::string(type_name(self)) + "() takes no keyword arguments");
        return -1;
    }
    return oserror_fill(ts, self, args, nargs) ? 0 : -1;
}

Ref<> oserror_str(ThreadState* ts, Object* self) {
    auto* e = as<OSErrorObject>(self);
    auto s = [&](Object* o) -> std::string {
        Ref<> r = object_str(ts, o);
        return r ? std::string(str_utf8(r.get())) : std::string();
    };
    auto r = [&](Object* o) -> std::string {
        Ref<> x = object_repr(ts, o);
        return x ? std::string(str_utf8(x.get())) : std::string();
    };
    Object* none = ts->interp->None;
    Object* eno = e->myerrno ? e->myerrno : none;
    Object* serr = e->strerror ? e->strerror : none;
    std::string out;
    if (e->filename) {
        out = "[Errno " + s(eno) + "] " + s(serr) + ": " + r(e->filename);
        if (e->filename2) out += " -> " + r(e->filename2);
    } else if (e->myerrno && e->strerror) {
        out = "[Errno " + s(eno) + "] " + s(serr);
    } else {
        return base_exc(ts)->tp_str(ts, self);
    }
    if (error_occurred(ts)) return nullptr;
    return str_from_utf8(ts, out);
}

Ref<> oserror_written_get(ThreadState* ts, Object* self) {
    auto* e = as<OSErrorObject>(self);
    if (e->written == -1) {
        raise(ts, ts->interp->exc.AttributeError, "characters_written");
        return nullptr;
    }
    return int_from_i64(ts, e->written);
}
int oserror_written_set(ThreadState* ts, Object* self, Object* v) {
    auto* e = as<OSErrorObject>(self);
    if (!v) {
        if (e->written == -1) {
            raise(ts, ts->interp->exc.AttributeError, "characters_written");
            return -1;
        }
        e->written = -1;
        return 0;
    }
    Ref<> n = number_index(ts, v);
    return n && int_as_isize(ts, n.get(), &e->written) ? 0 : -1;
}

const MemberDef kOSErrorMembers[] = {
    GP_MEMBER(OSErrorObject, myerrno, "errno", "POSIX exception code"),
    GP_MEMBER(OSErrorObject, strerror, "strerror", "exception strerror"),
    GP_MEMBER(OSErrorObject, filename, "filename", "exception filename"),
    GP_MEMBER(OSErrorObject, filename2, "filename2", "second exception filename"),
    GP_END_MEMBERS,
};
const GetSetDef kOSErrorGetSets[] = {
    {"characters_written", oserror_written_get, oserror_written_set, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ Unicode errors

const MemberDef kUnicodeErrorMembers[] = {
    GP_MEMBER(UnicodeErrorObject, encoding, "encoding", "exception encoding"),
    GP_MEMBER(UnicodeErrorObject, object, "object", "exception object"),
    {"start", MEMBER_ISIZE, isize(offsetof(UnicodeErrorObject, start)), 0, "exception start"},
    {"end", MEMBER_ISIZE, isize(offsetof(UnicodeErrorObject, end)), 0, "exception end"},
    GP_MEMBER(UnicodeErrorObject, reason, "reason", "exception reason"),
    GP_END_MEMBERS,
};

// UnicodeDecodeError(encoding, object, start, end, reason) and friends.
int unicodeerror_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_of(self);
    bool translate = type_is_subtype(t, interp.exc.UnicodeTranslateError);
    bool decode = type_is_subtype(t, interp.exc.UnicodeDecodeError);
    if (base_init(ts, self, args, nargs) < 0) return -1;
    if (kw && kw->ob_size) {
        raise(ts, interp.exc.TypeError, std::string(t->tp_name) + "() takes no keyword arguments");
        return -1;
    }
    isize want = translate ? 4 : 5;
    if (nargs != want) {
        raise(ts, interp.exc.TypeError, "function takes exactly " + std::to_string(want) + " arguments (" +
                                            std::to_string(nargs) + " given)");
        return -1;
    }
    auto* e = as<UnicodeErrorObject>(self);
    Object* const* a = args;
    if (!translate) {
        if (!is_str(a[0])) {
            raise(ts, interp.exc.TypeError, std::string("argument 1 must be str, not ") + type_name(a[0]));
            return -1;
        }
        set_field(&e->encoding, a[0]);
        a++;
    }
    Object* obj = a[0];
    if (decode) {
        Ref<> b = type_of(obj) == interp.types.bytes ? newref(obj) : object_call_one(ts, interp.types.bytes, obj);
        if (!b) return -1;
        set_field(&e->object, b.get());
    } else {
        if (!is_str(obj)) {
            raise(ts, interp.exc.TypeError,
                  std::string("argument ") + (translate ? "1" : "2") + " must be str, not " + type_name(obj));
            return -1;
        }
        set_field(&e->object, obj);
    }
    if (!index_as_isize(ts, a[1], &e->start) || !index_as_isize(ts, a[2], &e->end)) return -1;
    if (!is_str(a[3])) {
        raise(ts, interp.exc.TypeError, std::string("argument ") + (translate ? "4" : "5") + " must be str, not " +
                                            type_name(a[3]));
        return -1;
    }
    set_field(&e->reason, a[3]);
    return 0;
}

std::string hex_escape(uint32_t c) {
    char buf[16];
    if (c <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", c);
    else std::snprintf(buf, sizeof buf, "\\U%08x", c);
    return buf;
}

// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
Ref<> unicodeerror_str(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    auto* e = as<UnicodeErrorObject>(self);
    if (!e->object) return str_from_utf8(ts, "");   // not initialized
    TypeObject* t = type_of(self);
    bool translate = type_is_subtype(t, interp.exc.UnicodeTranslateError);
    bool decode = type_is_subtype(t, interp.exc.UnicodeDecodeError);
    Ref<> reason = object_str(ts, e->reason ? e->reason : interp.None);
    Ref<> enc = reason ? object_str(ts, e->encoding ? e->encoding : interp.None) : nullptr;
    if (!enc) return nullptr;
    std::string rs(str_utf8(reason.get())), es(str_utf8(enc.get()));
    isize start = e->start, end = e->end;
    std::string out;
    if (decode) {
        std::string_view bytes = bytes_view(e->object);
        if (start >= 0 && start < isize(bytes.size()) && end == start + 1) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(bytes[start]));
            out = "'" + es + "' codec can't decode byte " + buf + " in position " + std::to_string(start) + ": " + rs;
        } else {
            out = "'" + es + "' codec can't decode bytes in position " + std::to_string(start) + "-" +
                  std::to_string(end - 1) + ": " + rs;
        }
    } else {
        isize len = as_str(e->object)->length;
        const char* verb = translate ? "can't translate character" : "can't encode character";
        std::string prefix = translate ? "" : "'" + es + "' codec ";
        if (start >= 0 && start < len && end == start + 1) {
            out = prefix + verb + " '" + hex_escape(str_char_at(as_str(e->object), start)) + "' in position " +
                  std::to_string(start) + ": " + rs;
        } else {
            out = prefix + (translate ? "can't translate characters" : "can't encode characters") +
                  " in position " + std::to_string(start) + "-" + std::to_string(end - 1) + ": " + rs;
        }
    }
    return str_from_utf8(ts, out);
}

void raise_unicode_error(ThreadState* ts, TypeObject* type, std::string_view encoding, Object* object, isize start,
                         isize end, std::string_view reason) {
    Ref<> enc = str_from_utf8(ts, encoding);
    Ref<> st = enc ? int_from_i64(ts, start) : nullptr;
    Ref<> en = st ? int_from_i64(ts, end) : nullptr;
    Ref<> why = en ? str_from_utf8(ts, reason) : nullptr;
    if (!why) return;
    Object* args[] = {enc.get(), object, st.get(), en.get(), why.get()};
    Ref<> exc = object_vectorcall(ts, type, args, 5);
    if (exc) raise_object(ts, exc.get());
}

}  // namespace

void raise_unicode_decode_error(ThreadState* ts, std::string_view encoding, std::string_view data, isize start,
                                isize end, std::string_view reason) {
    Ref<> b = bytes_from_string(ts, data);
    if (b) raise_unicode_error(ts, ts->interp->exc.UnicodeDecodeError, encoding, b.get(), start, end, reason);
}

void raise_unicode_encode_error(ThreadState* ts, std::string_view encoding, Object* text, isize start, isize end,
                                std::string_view reason) {
    raise_unicode_error(ts, ts->interp->exc.UnicodeEncodeError, encoding, text, start, end, reason);
}

isize exception_basicsize(ThreadState* ts, const char* name, TypeObject* base) {
    (void)ts;
    std::string_view n = name;
    if (n == "SyntaxError") return sizeof(SyntaxErrorObject);
    if (n == "ImportError") return sizeof(ImportErrorObject);
    if (n == "OSError") return sizeof(OSErrorObject);
    if (n == "NameError") return sizeof(NameErrorObject);
    if (n == "AttributeError") return sizeof(AttributeErrorObject);
    if (n == "UnicodeError") return sizeof(UnicodeErrorObject);
    return base ? base->tp_basicsize : isize(sizeof(BaseExceptionObject));
}

bool exception_fields_setup(ThreadState* ts, TypeObject* t) {
    const ExceptionTypes& x = ts->interp->exc;
    if (t == x.SyntaxError) {
        install_fields<SyntaxErrorObject>(t, kSyntaxErrorMembers);
        t->tp_init = syntaxerror_init;
        t->tp_str = syntaxerror_str;
    } else if (t == x.ImportError) {
        install_fields<ImportErrorObject>(t, kImportErrorMembers);
        t->tp_init = importerror_init;
        t->tp_str = importerror_str;
    } else if (t == x.OSError) {
        install_fields<OSErrorObject>(t, kOSErrorMembers);
        t->tp_getset = kOSErrorGetSets;
        t->tp_new = oserror_new;
        t->tp_init = oserror_init;
        t->tp_str = oserror_str;
    } else if (t == x.NameError) {
        install_fields<NameErrorObject>(t, kNameErrorMembers);
        t->tp_init = nameerror_init;
    } else if (t == x.AttributeError) {
        install_fields<AttributeErrorObject>(t, kAttributeErrorMembers);
        t->tp_init = attributeerror_init;
    } else if (t == x.UnicodeEncodeError || t == x.UnicodeDecodeError || t == x.UnicodeTranslateError) {
        t->tp_members = kUnicodeErrorMembers;
        t->tp_init = unicodeerror_init;
        t->tp_str = unicodeerror_str;
    } else if (t == x.UnicodeError) {
        // The layout (and its cleanup) is UnicodeError's; the fields show on
        // the three subclasses only, as in CPython.
        install_fields<UnicodeErrorObject>(t, nullptr);
    }
    return true;
}

}  // namespace gp
