// bytesobject.cpp — the bytes type (see bytesobject.h for the layout).
//
// Mirrors CPython 3.11's Objects/bytesobject.c: construction from ints,
// iterables, buffers, str + encoding and __bytes__; repr with CPython's
// escapes and quote choice; SipHash hashing; indexing that returns ints;
// slicing, concatenation and repetition; printf-style `%` formatting
// (PEP 461). The methods shared with bytearray are in bytes_methods.cpp.
#include "objects/bytesobject.h"

#include <cstring>
#include <limits>

#include "objects/abstract.h"
#include "objects/bytes_internal.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_internal.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }

constexpr isize kSvalOffset = isize(offsetof(BytesObject, ob_sval));

}  // namespace

bool is_bytes(Object* o) {
    return type_has_flag(type_of(o), TPFLAGS_BYTES_SUBCLASS);
}

// ------------------------------------------------------------ construction

// Allocates a bytes of `type` with n bytes (zeroed, NUL-terminated).
static BytesObject* bytes_alloc(ThreadState* ts, TypeObject* type, isize n) {
    if (n < 0 || n > std::numeric_limits<isize>::max() - kSvalOffset - 64) {
        raise(ts, ts->interp->exc.OverflowError, "byte string is too large");
        return nullptr;
    }
    auto* b = static_cast<BytesObject*>(object_alloc(ts, type, n));
    if (!b) return nullptr;
    b->ob_shash = -1;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) ts->interp->gc.track(b);
    return b;
}

Ref<> bytes_new_uninit(ThreadState* ts, isize n, char** data) {
    BytesObject* b = bytes_alloc(ts, ts->interp->types.bytes, n);
    if (!b) return nullptr;
    *data = b->ob_sval;
    return Ref<>::steal(b);
}

Ref<> bytes_from_data(ThreadState* ts, const void* data, isize n) {
    char* p;
    Ref<> r = bytes_new_uninit(ts, n, &p);
    if (r && n) std::memcpy(p, data, std::size_t(n));
    return r;
}

// The real definition of the function unicodeobject.h declares (and
// unicode_codecs.cpp defines weakly): the bytes str.encode() returns.
Ref<> bytes_from_string(ThreadState* ts, std::string_view data) {
    return bytes_from_data(ts, data.data(), isize(data.size()));
}

bool bytes_like_view(Object* o, std::string_view* out) {
    if (is_bytes(o)) {
        *out = bytes_view(o);
        return true;
    }
    if (is_bytearray(o)) {
        auto* ba = as_bytearray(o);
        *out = std::string_view(ba->data() ? ba->data() : "", std::size_t(ba->ob_size));
        return true;
    }
    if (is_memoryview(o)) {
        auto* mv = static_cast<MemoryViewObject*>(o);
        std::string_view whole;
        if (!mv->mbuf || !bytes_like_view(mv->mbuf, &whole)) return false;
        *out = whole.substr(std::size_t(mv->start), std::size_t(mv->length));
        return true;
    }
    return false;
}

bool need_bytes_like(ThreadState* ts, Object* o, std::string_view* out) {
    if (bytes_like_view(o, out)) return true;
    if (is_memoryview(o)) raise(ts, ts->interp->exc.ValueError, "operation forbidden on released memoryview object");
    else type_error(ts, std::string("a bytes-like object is required, not '") + type_name(o) + "'");
    return false;
}

std::string_view self_bytes(Object* self) {
    std::string_view v;
    bytes_like_view(self, &v);
    return v;
}

Ref<> result_like(ThreadState* ts, Object* self, std::string_view data) {
    if (is_bytearray(self)) return bytearray_from_data(ts, data.data(), isize(data.size()));
    return bytes_from_data(ts, data.data(), isize(data.size()));
}

bool ints_to_bytes(ThreadState* ts, Object* iterable, const char* tname, std::string* out) {
    Ref<> it = object_get_iter(ts, iterable);
    if (!it) return false;
    while (Ref<> item = iter_next(ts, it.get())) {
        Ref<> i = number_index(ts, item.get());
        if (!i) return false;
        int64_t v;
        if (!int_as_i64(i.get(), &v) || v < 0 || v > 255) {
            raise(ts, ts->interp->exc.ValueError,
                  std::string(std::string_view(tname) == "bytes" ? "bytes" : "byte") + " must be in range(0, 256)");
            return false;
        }
        out->push_back(char(v));
    }
    return !error_occurred(ts);
}

// PyBytes_FromObject: a buffer, or an iterable of ints.
static Ref<> bytes_from_buffer_or_iterable(ThreadState* ts, Object* x) {
    std::string_view v;
    if (bytes_like_view(x, &v)) return bytes_from_data(ts, v.data(), isize(v.size()));
    if (!type_of(x)->tp_iter && !(type_of(x)->tp_as_sequence && type_of(x)->tp_as_sequence->sq_item))
        return type_error(ts, std::string("cannot convert '") + type_name(x) + "' object to bytes");
    std::string data;
    if (!ints_to_bytes(ts, x, "bytes", &data)) {
        if (error_matches(ts, ts->interp->exc.TypeError) && !type_of(x)->tp_iter) {
            error_clear(ts);
            return type_error(ts, std::string("cannot convert '") + type_name(x) + "' object to bytes");
        }
        return nullptr;
    }
    return bytes_from_data(ts, data.data(), isize(data.size()));
}

// bytes(source=b'', encoding=<unset>, errors=<unset>) as an exact bytes
// (bytesobject.c: bytes_new_impl).
static Ref<> bytes_construct(ThreadState* ts, Object* x, Object* encoding, Object* errors) {
    Interpreter& interp = *ts->interp;
    if (encoding && !is_str(encoding))
        return type_error(ts, std::string("bytes() argument 'encoding' must be str, not ") + type_name(encoding));
    if (errors && !is_str(errors))
        return type_error(ts, std::string("bytes() argument 'errors' must be str, not ") + type_name(errors));
    if (!x) {
        if (encoding || errors)
            return type_error(ts, encoding ? "encoding without a string argument" : "errors without a string argument");
        return bytes_from_data(ts, "", 0);
    }
    if (encoding) {
        if (!is_str(x)) return type_error(ts, "encoding without a string argument");
        std::string out;
        if (!unicode_encode(ts, as_str(x), str_utf8(encoding), errors ? str_utf8(errors) : "strict", &out))
            return nullptr;
        return bytes_from_string(ts, out);
    }
    if (errors)
        return type_error(ts, is_str(x) ? "string argument without an encoding" : "errors without a string argument");
    Ref<> func = lookup_special(ts, x, interp.intern("__bytes__"));
    if (func) {
        Ref<> r = object_call_noargs(ts, func.get());
        if (!r) return nullptr;
        if (!is_bytes(r.get()))
            return type_error(ts, std::string("__bytes__ returned non-bytes (type ") + type_name(r.get()) + ")");
        return r;
    }
    if (error_occurred(ts)) return nullptr;
    if (is_str(x)) return type_error(ts, "string argument without an encoding");
    TypeObject* t = type_of(x);
    if (is_int(x) || (t->tp_as_number && t->tp_as_number->nb_index)) {
        Ref<> n = number_index(ts, x);
        if (!n) return nullptr;
        int64_t size;
        if (!int_as_i64(n.get(), &size))
            return raise(ts, interp.exc.OverflowError, "cannot fit 'int' into an index-sized integer");
        if (size < 0) return raise(ts, interp.exc.ValueError, "negative count");
        char* p;
        return bytes_new_uninit(ts, isize(size), &p);
    }
    return bytes_from_buffer_or_iterable(ts, x);
}

Ref<> bytes_from_object(ThreadState* ts, Object* o) { return bytes_construct(ts, o, nullptr, nullptr); }

static Ref<> bytes_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"source", "encoding", "errors"};
    Object* a[3];
    if (!parse_kwargs(ts, "bytes", names, 3, 0, 0, args, nargs, kwnames, a)) return nullptr;
    Ref<> r = bytes_construct(ts, a[0], a[1], a[2]);
    if (!r || type == ts->interp->types.bytes) return r;
    // A subclass: copy the bytes into an instance of it (bytes_subtype_new).
    std::string_view v = bytes_view(r.get());
    BytesObject* b = bytes_alloc(ts, type, isize(v.size()));
    if (!b) return nullptr;
    std::memcpy(b->ob_sval, v.data(), v.size());
    return Ref<>::steal(b);
}

// ------------------------------------------------------------ repr, hash, compare

std::string bytes_repr_text(std::string_view data, bool smartquotes) {
    char quote = '\'';
    if (smartquotes && data.find('\'') != std::string_view::npos && data.find('"') == std::string_view::npos)
        quote = '"';
    static const char hex[] = "0123456789abcdef";
    std::string out = "b";
    out += quote;
    for (char ch : data) {
        unsigned char c = uint8_t(ch);
        if (c == uint8_t(quote) || c == '\\') { out += '\\'; out += char(c); }
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < ' ' || c >= 0x7f) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
        else out += char(c);
    }
    out += quote;
    return out;
}

static Ref<> bytes_repr(ThreadState* ts, Object* self) {
    return str_from_utf8(ts, bytes_repr_text(bytes_view(self), true));
}

int64_t bytes_hash(ThreadState* ts, Object* self) {
    auto* b = as_bytes(self);
    if (b->ob_shash != -1) return b->ob_shash;
    // A Latin-1 str stores the same bytes one per character, and str hashes
    // its data with the interpreter's SipHash key: hashing that str gives
    // exactly _Py_HashBytes(b) (and hash(b'abc') == hash('abc'), as in CPython).
    Ref<> s = str_from_latin1(ts, bytes_view(self));
    if (!s) return -1;
    b->ob_shash = str_hash(as_str(s.get()));
    return b->ob_shash;
}

static Ref<> bytes_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_bytes(a) || !is_bytes(b)) return newref(ts->interp->NotImplemented);
    return bytes_compare_views(ts, bytes_view(a), bytes_view(b), op);
}

// ------------------------------------------------------------ sequence and mapping

static isize bytes_length(ThreadState*, Object* self) { return as_bytes(self)->ob_size; }

static Ref<> bytes_item(ThreadState* ts, Object* self, isize i) {
    if (i < 0 || i >= as_bytes(self)->ob_size) return raise(ts, ts->interp->exc.IndexError, "index out of range");
    return int_from_i64(ts, uint8_t(as_bytes(self)->ob_sval[i]));
}

static Ref<> bytes_subscript(ThreadState* ts, Object* self, Object* key) {
    std::string_view v = bytes_view(self);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), isize(v.size()), &start, &stop, &step, &n)) return nullptr;
        if (step == 1 && n == isize(v.size()) && type_of(self) == ts->interp->types.bytes) return newref(self);
        std::string out;
        out.reserve(std::size_t(n));
        for (isize i = 0, j = start; i < n; i++, j += step) out += v[std::size_t(j)];
        return bytes_from_string(ts, out);
    }
    isize i;
    if (!subscript_index(ts, key, "byte", &i)) return nullptr;
    if (i < 0) i += isize(v.size());
    return bytes_item(ts, self, i);
}

static int bytes_contains(ThreadState* ts, Object* self, Object* item) {
    return bytes_contains_view(ts, bytes_view(self), item);
}

// b + other: any two buffers; the result is bytes (bytearray + x is bytearray).
static Ref<> bytes_concat(ThreadState* ts, Object* a, Object* b) {
    std::string_view va, vb;
    if (!bytes_like_view(a, &va) || !bytes_like_view(b, &vb))
        return type_error(ts, std::string("can't concat ") + type_name(b) + " to " + type_name(a));
    if (vb.empty() && type_of(a) == ts->interp->types.bytes) return newref(a);
    if (va.empty() && type_of(b) == ts->interp->types.bytes) return newref(b);
    std::string out(va);
    out += vb;
    return bytes_from_string(ts, out);
}

static Ref<> bytes_repeat(ThreadState* ts, Object* self, isize n) {
    std::string_view v = bytes_view(self);
    if (n < 0) n = 0;
    if (n == 1 && type_of(self) == ts->interp->types.bytes) return newref(self);
    if (!v.empty() && n > (std::numeric_limits<isize>::max() - 64) / isize(v.size()))
        return raise_no_memory(ts);
    char* p;
    Ref<> r = bytes_new_uninit(ts, isize(v.size()) * n, &p);
    if (!r) return nullptr;
    for (isize i = 0; i < n; i++) std::memcpy(p + i * isize(v.size()), v.data(), v.size());
    return r;
}

static Ref<> bytes_mod_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_bytes(a)) return newref(ts->interp->NotImplemented);
    return bytes_mod_format(ts, a, b);
}

// ------------------------------------------------------------ iterator (shared with bytearray)

struct BytesIterObject : Object {
    isize it_index;        // next position
    Object* it_seq;        // owned; null once exhausted (bytes or bytearray)
};

static Ref<> bytes_iter_make(ThreadState* ts, TypeObject* type, Object* seq) {
    auto* it = static_cast<BytesIterObject*>(object_alloc(ts, type, 0));
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = newref(seq).release();
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static Ref<> bytes_iter(ThreadState* ts, Object* self) { return bytes_iter_make(ts, ts->interp->types.bytes_iter, self); }
static Ref<> bytearray_iter(ThreadState* ts, Object* self) {
    return bytes_iter_make(ts, ts->interp->types.bytearray_iter, self);
}

static void bytesiter_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(static_cast<BytesIterObject*>(op)->it_seq);
    object_free(op);
}

static int bytesiter_traverse(Object* op, visitproc visit, void* arg) {
    Object* s = static_cast<BytesIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}

static Ref<> bytesiter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<BytesIterObject*>(op);
    if (!it->it_seq) return nullptr;
    std::string_view v = self_bytes(it->it_seq);
    if (it->it_index < isize(v.size())) return int_from_i64(ts, uint8_t(v[std::size_t(it->it_index++)]));
    Object* s = it->it_seq;
    it->it_seq = nullptr;
    decref(s);
    return nullptr;
}

static Ref<> bytesiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<BytesIterObject*>(self);
    isize n = it->it_seq ? isize(self_bytes(it->it_seq).size()) - it->it_index : 0;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ printf-style formatting (PEP 461)

// One %-conversion's argument source: a tuple consumed left to right, a
// single object, or a mapping for %(name)s.
namespace {
struct FormatArgs {
    Object* args;          // borrowed
    bool is_tuple;
    isize next = 0;
    bool mapping = false;

    Object* take(ThreadState* ts) {
        if (!is_tuple) {
            if (next++ == 0) return args;
        } else if (next < as_tuple(args)->ob_size) {
            return as_tuple(args)->ob_item[next++];
        }
        raise(ts, ts->interp->exc.TypeError, "not enough arguments for format string");
        return nullptr;
    }
};
}  // namespace

// %b / %s: a bytes-like object or __bytes__.
static bool format_bytes_arg(ThreadState* ts, Object* v, std::string* out) {
    std::string_view view;
    if (bytes_like_view(v, &view)) {
        *out = std::string(view);
        return true;
    }
    Ref<> func = lookup_special(ts, v, ts->interp->intern("__bytes__"));
    if (func) {
        Ref<> r = object_call_noargs(ts, func.get());
        if (!r) return false;
        if (!is_bytes(r.get())) {
            type_error(ts, std::string("__bytes__ returned non-bytes (type ") + type_name(r.get()) + ")");
            return false;
        }
        *out = std::string(bytes_view(r.get()));
        return true;
    }
    if (error_occurred(ts)) return false;
    type_error(ts, std::string("%b requires a bytes-like object, or an object that implements __bytes__, not '") +
                       type_name(v) + "'");
    return false;
}

Ref<> bytes_mod_format(ThreadState* ts, Object* format, Object* args) {
    Interpreter& interp = *ts->interp;
    std::string fmt(self_bytes(format));
    FormatArgs fa{args, is_tuple(args)};
    TypeObject* at = type_of(args);
    fa.mapping = !fa.is_tuple && !is_str(args) && !is_bytes(args) && !is_bytearray(args) && at->tp_as_mapping &&
                 at->tp_as_mapping->mp_subscript;
    std::string out;
    std::size_t i = 0, n = fmt.size();
    while (i < n) {
        char c = fmt[i];
        if (c != '%') { out += c; i++; continue; }
        std::size_t spec_start = i++;
        if (i >= n) return raise(ts, interp.exc.ValueError, "incomplete format");
        Object* value = nullptr;
        Ref<> keyed;
        if (fmt[i] == '(') {
            if (!fa.mapping) return type_error(ts, "format requires a mapping");
            std::size_t depth = 1, k = ++i;
            while (i < n && depth) {
                if (fmt[i] == '(') depth++;
                else if (fmt[i] == ')') depth--;
                i++;
            }
            if (depth) return raise(ts, interp.exc.ValueError, "incomplete format key");
            Ref<> key = bytes_from_data(ts, fmt.data() + k, isize(i - 1 - k));
            if (!key) return nullptr;
            keyed = object_getitem(ts, args, key.get());
            if (!keyed) return nullptr;
            value = keyed.get();
            fa.next = -1;   // "not all arguments converted" does not apply to mappings
        }
        // Flags, width, precision: kept as text for the numeric path.
        std::string flags;
        while (i < n && std::strchr("-+ #0", fmt[i])) flags += fmt[i++];
        std::string width, precision;
        bool have_precision = false;
        auto read_number = [&](std::string* dst) -> bool {
            if (i < n && fmt[i] == '*') {
                Object* w = fa.take(ts);
                if (!w) return false;
                if (!is_int(w)) { type_error(ts, "* wants int"); return false; }
                *dst = int_to_decimal_string(w);
                i++;
                return true;
            }
            while (i < n && fmt[i] >= '0' && fmt[i] <= '9') *dst += fmt[i++];
            return true;
        };
        if (!read_number(&width)) return nullptr;
        if (i < n && fmt[i] == '.') {
            i++;
            have_precision = true;
            if (!read_number(&precision)) return nullptr;
        }
        while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
        if (i >= n) return raise(ts, interp.exc.ValueError, "incomplete format");
        char type = fmt[i++];
        if (type == '%') { out += '%'; continue; }
        if (!value) {
            value = fa.take(ts);
            if (!value) return nullptr;
        }
        std::string piece;
        bool left = flags.find('-') != std::string::npos;
        switch (type) {
        case 'b': case 's': case 'r': case 'a': case 'c': {
            if (type == 'b' || type == 's') {
                if (!format_bytes_arg(ts, value, &piece)) return nullptr;
            } else if (type == 'c') {
                std::string_view one;
                if (bytes_like_view(value, &one) && !is_memoryview(value) && one.size() == 1) {
                    piece = std::string(one);
                } else if (is_int(value)) {
                    int64_t v;
                    if (!int_as_i64(value, &v) || v < 0 || v > 255)
                        return raise(ts, interp.exc.OverflowError, "%c arg not in range(256)");
                    piece = std::string(1, char(v));
                } else {
                    return type_error(ts, "%c requires an integer in range(256) or a single byte");
                }
            } else {
                Ref<> r = object_ascii(ts, value);
                if (!r) return nullptr;
                piece = std::string(str_utf8(r.get()));
            }
            if (have_precision && type != 'c') {
                std::size_t p = precision.empty() ? 0 : std::size_t(std::stoul(precision));
                if (piece.size() > p) piece.resize(p);
            }
            std::size_t w = width.empty() ? 0 : std::size_t(std::stoul(width));
            if (piece.size() < w) {
                if (left) piece.append(w - piece.size(), ' ');
                else piece.insert(0, w - piece.size(), ' ');
            }
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            // The numeric conversions are str's: format "%<spec>" with this one value.
            std::string spec = "%" + flags + width + (have_precision ? "." + precision : "") + type;
            Ref<> sfmt = str_from_utf8(ts, spec);
            if (!sfmt) return nullptr;
            Ref<TupleObject> one = tuple_pack(ts, {value});
            if (!one) return nullptr;
            Ref<> r = str_mod(ts, sfmt.get(), one.get());
            if (!r) return nullptr;
            piece = std::string(str_utf8(r.get()));
            break;
        }
        default: {
            char buf[96];
            std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                          (type >= 32 && type < 127) ? type : '?', unsigned(uint8_t(type)), i - 1);
            (void)spec_start;
            return raise(ts, interp.exc.ValueError, buf);
        }
        }
        out += piece;
    }
    if (fa.next >= 0 && !fa.mapping) {
        isize total = fa.is_tuple ? as_tuple(args)->ob_size : 1;
        if (fa.next < total) return type_error(ts, "not all arguments converted during bytes formatting");
    }
    return result_like(ts, format, out);
}

// ------------------------------------------------------------ methods

static Ref<> m_getnewargs(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__getnewargs__", kw) || !check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
    Ref<> copy = bytes_from_data(ts, as_bytes(self)->ob_sval, as_bytes(self)->ob_size);
    if (!copy) return nullptr;
    return tuple_pack(ts, {copy.get()});
}

static Ref<> m_bytes(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__bytes__", kw) || !check_nargs(ts, "__bytes__", nargs, 0, 0)) return nullptr;
    if (type_of(self) == ts->interp->types.bytes) return newref(self);
    return bytes_from_data(ts, as_bytes(self)->ob_sval, as_bytes(self)->ob_size);
}

static const MethodDef bytes_own_methods[] = {
    {"__getnewargs__", m_getnewargs, METH_DEFAULT, nullptr},
    {"__bytes__", m_bytes, METH_DEFAULT, "Convert this value to exact type bytes."},
    {nullptr, nullptr, 0, nullptr},
};

static void bytes_dealloc(Object* op) { object_free(op); }

bool init_bytes_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.bytes, "bytes", kSvalOffset + 1,
                                        TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS);
    if (!t) return false;
    t->tp_itemsize = 1;
    t->tp_dealloc = bytes_dealloc;
    t->tp_repr = bytes_repr;
    t->tp_hash = bytes_hash;
    t->tp_richcompare = bytes_richcompare;
    t->tp_iter = bytes_iter;
    t->tp_new = bytes_new_slot;
    t->tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
                "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
                "bytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n"
                "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
                "  - any object implementing the buffer API.\n  - an integer";
    SequenceMethods& sq = t->sequence_storage;
    sq.sq_length = bytes_length;
    sq.sq_concat = bytes_concat;
    sq.sq_repeat = bytes_repeat;
    sq.sq_item = bytes_item;
    sq.sq_contains = bytes_contains;
    t->tp_as_sequence = &sq;
    t->mapping_storage.mp_length = bytes_length;
    t->mapping_storage.mp_subscript = bytes_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_remainder = bytes_mod_slot;
    t->tp_as_number = &t->number_storage;
    if (!add_type_members(ts, t, bytes_common_methods) || !add_type_members(ts, t, bytes_own_methods)) return false;

    struct { TypeObject** slot; const char* name; getiterfunc unused; } iters[] = {
        {&interp.types.bytes_iter, "bytes_iterator", bytes_iter},
        {&interp.types.bytearray_iter, "bytearray_iterator", bytearray_iter},
    };
    for (auto& spec : iters) {
        TypeObject* it = ensure_builtin_type(ts, spec.slot, spec.name, sizeof(BytesIterObject), TPFLAGS_HAVE_GC);
        if (!it) return false;
        it->tp_dealloc = bytesiter_dealloc;
        it->tp_traverse = bytesiter_traverse;
        it->tp_iter = iter_self;
        it->tp_iternext = bytesiter_next;
        if (!add_type_members(ts, it, bytesiter_methods)) return false;
    }
    if (!init_bytearray_type(ts) || !init_memoryview_type(ts)) return false;
    interp.types.bytearray->tp_iter = bytearray_iter;
    return true;
}

}  // namespace gp
