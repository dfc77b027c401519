// unicodeobject.cpp — str: creation, the PEP 393 representation, hashing,
// comparison, repr, interning and the str type's slots.
//
// Mirrors CPython 3.11's Objects/unicodeobject.c. How a str is stored
// (PEP 393, "flexible string representation"):
//
//     +--------------------+
//     | ob_refcnt, ob_type |
//     | length             |  code points
//     | hash               |  -1 until first asked for
//     | kind, ascii, ...   |  kind = bytes per code point: 1, 2 or 4
//     | utf8, utf8_length  |  lazily built UTF-8 copy (== data when ascii)
//     +--------------------+
//     | data[length + 1]   |  the code points, `kind` bytes each, then a 0
//     +--------------------+
//
// The kind is the narrowest that holds the largest code point, and is always
// chosen that way (a str is "canonical"): "abc" is 1 byte per character even
// when it was sliced out of "abc€". Two equal strings therefore have equal
// kinds and equal bytes, which makes equality a memcmp and lets the hash run
// over the raw bytes.
//
// sys.getsizeof reports what CPython 3.11 reports for the same string on a
// 64-bit build: a 48-byte header for ASCII ("compact ASCII"), 72 bytes for
// the others ("compact"), plus the code units and the terminator — so
// sys.getsizeof("Hello") == 54. The UTF-8 copy we cache for C++ callers is
// not counted (CPython only counts it when someone asked for it).
//
// Interned strings (sys.intern, identifiers) live in Interpreter::interned,
// a dict mapping each to itself. As in CPython 3.11 the two references that
// dict holds are *not* counted in ob_refcnt ("mortal" interned strings,
// StrObject::interned == 1): when the last real reference goes, str_dealloc
// removes the string from the table first. Names interned from C++
// (str_intern_cstr) are "immortal" (interned == 2): their table references
// count, so they live as long as the interpreter. str_clear_interned undoes
// the trick at shutdown.
#include "objects/unicodeobject.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"
#include "objects/unicode_internal.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_str(Object* o) { return type_has_flag(type_of(o), TPFLAGS_UNICODE_SUBCLASS); }

// ------------------------------------------------------------ creation

static int kind_for(uint32_t maxchar) { return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4; }

// Allocates a str of `type` (str or a subclass) with room for length+1 code
// units of `kind` bytes; fields set, data zeroed.
static StrObject* str_alloc_type(ThreadState* ts, TypeObject* type, isize length, uint32_t maxchar) {
    const int kind = kind_for(maxchar);
    const isize max_len = (std::numeric_limits<isize>::max() - type->tp_basicsize) / 4 - 1;
    if (length > max_len) {
        raise_no_memory(ts);
        return nullptr;
    }
    // tp_itemsize is 1: the "items" are the bytes of the character data.
    // A subclass's own fields (its __dict__ slot) go after the data, see
    // str_subclass_fields.
    const isize extra = type->tp_basicsize - isize(sizeof(StrObject));
    const isize data_bytes = extra > 0 ? ((length + 1) * kind + 7) & ~isize(7) : (length + 1) * kind;
    Object* op = object_alloc(ts, type, data_bytes + (extra > 0 ? extra : 0));
    if (!op) return nullptr;
    auto* s = static_cast<StrObject*>(op);
    s->length = length;       // object_alloc stored the byte count here (ob_size's slot)
    s->hash = -1;
    s->kind = uint8_t(kind);
    s->ascii = maxchar < 128;
    s->interned = 0;
    s->utf8 = s->ascii ? static_cast<char*>(s->data()) : nullptr;
    s->utf8_length = s->ascii ? length : 0;
    return s;
}

// As PyUnicode_New, a new empty str is always the '' singleton (nothing
// can be written into it, so callers need not know).
StrObject* str_alloc(ThreadState* ts, isize length, uint32_t maxchar) {
    if (length == 0 && ts->interp->empty_str) {
        incref(ts->interp->empty_str);
        return ts->interp->empty_str;
    }
    return str_alloc_type(ts, ts->interp->types.str, length, maxchar);
}

void* str_subclass_fields(StrObject* s) {
    const isize data_bytes = ((s->length + 1) * s->kind + 7) & ~isize(7);
    return static_cast<char*>(s->data()) + data_bytes;
}

uint32_t str_maxchar(const StrObject* s) {
    if (s->ascii) return s->length ? 127 : 0;   // an upper bound is enough for kind choice
    uint32_t m = 0;
    for (isize i = 0; i < s->length; i++) m = std::max(m, sget(s, i));
    return m;
}

Ref<> str_from_char(ThreadState* ts, uint32_t cp) {
    Interpreter& interp = *ts->interp;
    if (cp < 256 && interp.latin1_chars[cp]) return newref<Object>(interp.latin1_chars[cp]);
    StrObject* s = str_alloc(ts, 1, cp);
    if (!s) return nullptr;
    ucs_write(s->data(), s->kind, 0, cp);
    return Ref<>::steal(s);
}

Ref<> str_from_ascii_uncached(ThreadState* ts, std::string_view ascii) {
    StrObject* s = str_alloc(ts, isize(ascii.size()), 127);
    if (!s) return nullptr;
    std::memcpy(s->data(), ascii.data(), ascii.size());
    return Ref<>::steal(s);
}

static Ref<> empty(ThreadState* ts) {
    if (StrObject* e = ts->interp->empty_str) return newref<Object>(e);
    StrObject* s = str_alloc(ts, 0, 0);
    return Ref<>::steal(s);
}

Ref<> str_from_codepoints(ThreadState* ts, const uint32_t* cps, isize n) {
    if (n == 0) return empty(ts);
    if (n == 1) return str_from_char(ts, cps[0]);
    uint32_t maxchar = 0;
    for (isize i = 0; i < n; i++) maxchar = std::max(maxchar, cps[i]);
    StrObject* s = str_alloc(ts, n, maxchar);
    if (!s) return nullptr;
    void* data = s->data();
    for (isize i = 0; i < n; i++) ucs_write(data, s->kind, i, cps[i]);
    return Ref<>::steal(s);
}

Ref<> str_from_u32(ThreadState* ts, const std::u32string& text) {
    return str_from_codepoints(ts, reinterpret_cast<const uint32_t*>(text.data()), isize(text.size()));
}

Ref<> str_from_latin1(ThreadState* ts, std::string_view text) {
    isize n = isize(text.size());
    if (n == 0) return empty(ts);
    if (n == 1) return str_from_char(ts, uint8_t(text[0]));
    uint32_t maxchar = 0;
    for (char c : text) maxchar = std::max<uint32_t>(maxchar, uint8_t(c));
    StrObject* s = str_alloc(ts, n, maxchar);
    if (!s) return nullptr;
    std::memcpy(s->data(), text.data(), text.size());
    return Ref<>::steal(s);
}

// UTF-8 decoding with U+FFFD for malformed input. Surrogates (ED A0..BF xx)
// are accepted: the parser encodes "\ud800" that way ("surrogatepass").
static isize utf8_decode_one(const unsigned char* p, isize n, uint32_t* cp) {
    unsigned char b = p[0];
    if (b < 0x80) { *cp = b; return 1; }
    auto cont = [&](isize i) { return i < n && (p[i] & 0xC0) == 0x80; };
    if (b >= 0xC2 && b <= 0xDF) {
        if (!cont(1)) { *cp = 0xFFFD; return 1; }
        *cp = (uint32_t(b & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (b >= 0xE0 && b <= 0xEF) {
        if (!cont(1) || (b == 0xE0 && p[1] < 0xA0)) { *cp = 0xFFFD; return 1; }
        if (!cont(2)) { *cp = 0xFFFD; return 2; }
        *cp = (uint32_t(b & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (!cont(1) || (b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] > 0x8F)) { *cp = 0xFFFD; return 1; }
        if (!cont(2)) { *cp = 0xFFFD; return 2; }
        if (!cont(3)) { *cp = 0xFFFD; return 3; }
        *cp = (uint32_t(b & 0x07) << 18) | (uint32_t(p[1] & 0x3F) << 12) |
              (uint32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

Ref<> str_from_utf8(ThreadState* ts, std::string_view utf8) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const isize n = isize(utf8.size());
    bool ascii = true;
    for (isize i = 0; i < n; i++)
        if (p[i] >= 0x80) { ascii = false; break; }
    if (ascii) return str_from_latin1(ts, utf8);
    std::u32string cps;
    cps.reserve(utf8.size());
    for (isize i = 0; i < n;) {
        uint32_t cp;
        i += utf8_decode_one(p + i, n - i, &cp);
        cps.push_back(char32_t(cp));
    }
    return str_from_u32(ts, cps);
}

// ------------------------------------------------------------ access

static void utf8_append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string_view str_utf8(StrObject* s) {
    if (s->utf8) return std::string_view(s->utf8, std::size_t(s->utf8_length));
    std::string text;
    text.reserve(std::size_t(s->length) * 2);
    for (isize i = 0; i < s->length; i++) utf8_append(text, sget(s, i));
    Heap& heap = type_of(s)->interp->heap;
    char* buf = static_cast<char*>(heap.malloc(text.size() + 1));
    if (!buf) return {};
    std::memcpy(buf, text.c_str(), text.size() + 1);
    s->utf8 = buf;
    s->utf8_length = isize(text.size());
    return std::string_view(buf, text.size());
}

uint32_t str_char_at(const StrObject* s, isize i) { return sget(s, i); }

void str_append_to(const StrObject* s, std::u32string& out) {
    // Grow geometrically: reserving just enough on every call makes a
    // builder that appends many parts quadratic with libc++ (the wasm
    // build), whose reserve() allocates exactly what is asked.
    const std::size_t need = out.size() + std::size_t(s->length);
    if (need > out.capacity()) out.reserve(std::max(need, 2 * out.capacity()));
    for (isize i = 0; i < s->length; i++) out.push_back(char32_t(sget(s, i)));
}

std::u32string str_to_u32(const StrObject* s) {
    std::u32string out;
    str_append_to(s, out);
    return out;
}

Ref<> str_substr(ThreadState* ts, StrObject* s, isize start, isize end) {
    if (start < 0) start = 0;
    if (end > s->length) end = s->length;
    if (start >= end) return empty(ts);
    if (start == 0 && end == s->length && isinstance_exact(s, ts->interp->types.str)) return newref<Object>(s);
    const isize n = end - start;
    if (n == 1) return str_from_char(ts, sget(s, start));
    uint32_t maxchar = 0;
    if (s->ascii) {
        maxchar = 127;
    } else {
        for (isize i = start; i < end; i++) maxchar = std::max(maxchar, sget(s, i));
    }
    StrObject* r = str_alloc(ts, n, maxchar);
    if (!r) return nullptr;
    if (r->kind == s->kind) {
        std::memcpy(r->data(), static_cast<const char*>(s->data()) + start * s->kind, std::size_t(n) * s->kind);
    } else {
        for (isize i = 0; i < n; i++) ucs_write(r->data(), r->kind, i, sget(s, start + i));
    }
    return Ref<>::steal(r);
}

Ref<> str_exact(ThreadState* ts, StrObject* s) {
    if (isinstance_exact(s, ts->interp->types.str)) return newref<Object>(s);
    if (s->length == 0) return empty(ts);
    StrObject* r = str_alloc(ts, s->length, s->ascii ? 127 : str_maxchar(s));
    if (!r) return nullptr;
    std::memcpy(r->data(), s->data(), std::size_t(s->length) * s->kind);
    return Ref<>::steal(r);
}

bool str_check_arg(ThreadState* ts, Object* o, const char* fname, const char* what) {
    if (is_str(o)) return true;
    raise(ts, ts->interp->exc.TypeError,
          std::string(fname) + "() " + what + " must be str, not " + type_name(o));
    return false;
}

// ------------------------------------------------------------ equality, hash

bool str_equal(StrObject* a, StrObject* b) {
    if (a == b) return true;
    if (a->length != b->length || a->kind != b->kind) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return std::memcmp(a->data(), b->data(), std::size_t(a->length) * a->kind) == 0;
}

bool str_equal_ascii(StrObject* a, const char* s) {
    std::size_t n = std::strlen(s);
    if (!a->ascii || std::size_t(a->length) != n) return false;
    return std::memcmp(a->data(), s, n) == 0;
}

// Lexicographic comparison by code point: -1, 0, 1.
static int str_compare(const StrObject* a, const StrObject* b) {
    const isize n = std::min(a->length, b->length);
    if (a->kind == 1 && b->kind == 1) {
        int c = std::memcmp(a->data(), b->data(), std::size_t(n));
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (isize i = 0; i < n; i++) {
            uint32_t x = sget(a, i), y = sget(b, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

// SipHash-1-3, CPython 3.11's default string hash (Python/pyhash.c), keyed
// by the interpreter's hash secret (PYTHONHASHSEED).
static uint64_t rotl64(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

static uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t* in, std::size_t n) {
    uint64_t b = uint64_t(n) << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    auto round = [&] {
        v0 += v1; v2 += v3; v1 = rotl64(v1, 13) ^ v0; v3 = rotl64(v3, 16) ^ v2; v0 = rotl64(v0, 32);
        v2 += v1; v0 += v3; v1 = rotl64(v1, 17) ^ v2; v3 = rotl64(v3, 21) ^ v0; v2 = rotl64(v2, 32);
    };
    while (n >= 8) {
        uint64_t mi = 0;
        for (int i = 0; i < 8; i++) mi |= uint64_t(in[i]) << (8 * i);   // little-endian load
        in += 8;
        n -= 8;
        v3 ^= mi;
        round();
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (std::size_t i = 0; i < n; i++) t |= uint64_t(in[i]) << (8 * i);
    b |= t;
    v3 ^= b;
    round();
    v0 ^= b;
    v2 ^= 0xff;
    round(); round(); round();
    return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t str_hash(StrObject* s) {
    if (s->hash != -1) return s->hash;
    int64_t h = 0;   // hash('') == 0, as _Py_HashBytes gives
    if (s->length) {
        Interpreter& interp = *type_of(s)->interp;
        h = int64_t(siphash13(interp.hash_secret, interp.hash_secret_k1, static_cast<const uint8_t*>(s->data()),
                              std::size_t(s->length) * s->kind));
        if (h == -1) h = -2;
    }
    s->hash = h;
    return h;
}

// ------------------------------------------------------------ concat, repr

Ref<> str_concat(ThreadState* ts, Object* a, Object* b) {
    Interpreter& interp = *ts->interp;
    if (!is_str(a) || !is_str(b)) {
        Object* other = is_str(a) ? b : a;
        return raise(ts, interp.exc.TypeError,
                     std::string("can only concatenate str (not \"") + type_name(other) + "\") to str");
    }
    StrObject* x = as_str(a);
    StrObject* y = as_str(b);
    if (x->length == 0) return str_exact(ts, y);
    if (y->length == 0) return str_exact(ts, x);
    if (x->length > std::numeric_limits<isize>::max() - y->length)
        return raise(ts, interp.exc.OverflowError, "strings are too large to concat");
    uint32_t maxchar = std::max(x->ascii ? 127u : str_maxchar(x), y->ascii ? 127u : str_maxchar(y));
    StrObject* r = str_alloc(ts, x->length + y->length, maxchar);
    if (!r) return nullptr;
    // By position, not by identity: `s + s` passes the same object twice.
    for (int which = 0; which < 2; which++) {
        const StrObject* part = which == 0 ? x : y;
        const isize off = which == 0 ? 0 : x->length;
        if (part->kind == r->kind) {
            std::memcpy(static_cast<char*>(r->data()) + off * r->kind, part->data(),
                        std::size_t(part->length) * r->kind);
        } else {
            for (isize i = 0; i < part->length; i++) ucs_write(r->data(), r->kind, off + i, sget(part, i));
        }
    }
    return Ref<>::steal(r);
}

// unicode_concatenate's trick (ceval.c 3.11, BINARY_OP_INPLACE_ADD_UNICODE):
// when nobody else can see the left operand — one reference, exact str,
// not interned — `s += t` grows s in place with realloc instead of copying
// it, so building a string by repeated += is linear, not quadratic.
// Returns false (leaving *left untouched) when the fast path does not apply.
bool str_append_inplace(ThreadState* ts, Object** left, Object* right) {
    Interpreter& interp = *ts->interp;
    Object* a = *left;
    if (a->ob_refcnt != 1 || type_of(a) != interp.types.str || type_of(right) != interp.types.str) return false;
    StrObject* x = as_str(a);
    StrObject* y = as_str(right);
    if (x->interned || x->length == 0 || y->length == 0) return false;
    // Keep the representation: ASCII + ASCII, or a non-ASCII string (with no
    // cached UTF-8 copy) taking characters that fit its kind.
    const bool same_repr = (x->ascii && y->ascii) || (!x->ascii && !x->utf8 && y->kind <= x->kind);
    if (!same_repr) return false;
    if (x->length > (std::numeric_limits<isize>::max() / 4) - y->length - 64) return false;
    const isize length = x->length + y->length;
    const int kind = x->kind;
    const std::size_t bytes = std::size_t(interp.types.str->tp_basicsize) + std::size_t((length + 1) * kind);
    void* mem = interp.heap.realloc(a, bytes);
    if (!mem) return false;   // the caller's ordinary path reports MemoryError
    x = static_cast<StrObject*>(mem);
    char* data = static_cast<char*>(x->data());
    if (y->kind == kind) {
        std::memcpy(data + x->length * kind, y->data(), std::size_t(y->length) * kind);
    } else {
        for (isize i = 0; i < y->length; i++) ucs_write(data, kind, x->length + i, sget(y, i));
    }
    ucs_write(data, kind, length, 0);
    x->length = length;
    x->hash = -1;
    if (x->ascii) {
        x->utf8 = data;
        x->utf8_length = length;
    }
    *left = x;
    return true;
}

static const char kHex[] = "0123456789abcdef";

// unicode_repr: single quotes unless the text has ' and no ", the usual
// backslash escapes, and non-printable characters as \xhh, \uhhhh or
// \Uhhhhhhhh (printability as str.isprintable decides).
Ref<> str_repr(ThreadState* ts, Object* op) {
    StrObject* s = as_str(op);
    bool has_single = false, has_double = false;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (c == '\'') has_single = true;
        else if (c == '"') has_double = true;
    }
    const uint32_t quote = (has_single && !has_double) ? '"' : '\'';
    std::u32string out;
    out.reserve(std::size_t(s->length) + 2);
    out.push_back(quote);
    auto hex = [&](uint32_t c, int digits) {
        for (int d = digits - 1; d >= 0; d--) out.push_back(char32_t(kHex[(c >> (4 * d)) & 0xF]));
    };
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (c == quote || c == '\\') { out.push_back('\\'); out.push_back(c); }
        else if (c == '\t') { out.push_back('\\'); out.push_back('t'); }
        else if (c == '\n') { out.push_back('\\'); out.push_back('n'); }
        else if (c == '\r') { out.push_back('\\'); out.push_back('r'); }
        else if (c < ' ' || c == 0x7F) { out.push_back('\\'); out.push_back('x'); hex(c, 2); }
        else if (c < 0x7F) out.push_back(c);
        else if (uni_isprintable(c)) out.push_back(c);
        else if (c <= 0xFF) { out.push_back('\\'); out.push_back('x'); hex(c, 2); }
        else if (c <= 0xFFFF) { out.push_back('\\'); out.push_back('u'); hex(c, 4); }
        else { out.push_back('\\'); out.push_back('U'); hex(c, 8); }
    }
    out.push_back(quote);
    return str_from_u32(ts, out);
}

isize str_sizeof(const StrObject* s) {
    // CPython 3.11, 64-bit: sizeof(PyASCIIObject) == 48 and
    // sizeof(PyCompactUnicodeObject) == 72 (3.11 still carries the
    // deprecated wstr fields; 3.12 dropped them, giving 40 and 56).
    // An instance of a subclass is not "compact" in CPython: a
    // PyUnicodeObject (80) with its characters in a separate block.
    if (!isinstance_exact(s, s->ob_type->interp->types.str)) return 80 + (s->length + 1) * s->kind;
    if (s->ascii) return 48 + s->length + 1;
    return 72 + (s->length + 1) * s->kind;
}

// ------------------------------------------------------------ interning

Ref<> str_intern(ThreadState* ts, Ref<> s) {
    Interpreter& interp = *ts->interp;
    StrObject* so = as_str(s.get());
    if (so->interned || !isinstance_exact(so, interp.types.str) || !interp.interned) return s;
    if (Object* existing = dict_get_str(interp.interned, so)) return newref(existing);
    if (!dict_set_item(ts, interp.interned, so, so)) {
        error_clear(ts);   // interning is an optimisation; failing to do it is not an error
        return s;
    }
    // The table's key and value references are not counted (see the top).
    so->ob_refcnt -= 2;
    so->interned = 1;
    return s;
}

// Whether `s` is one of the cached '' and one-character strings, which have
// their static head start already (static_refs_add) from the cache.
static bool in_char_cache(const Interpreter& interp, const StrObject* s) {
    if (s == interp.empty_str) return true;
    for (const StrObject* c : interp.latin1_chars)
        if (c == s) return true;
    return false;
}

// Names the runtime itself looks up by C string (type_lookup(t, "__len__"),
// dict_set_cstr) are interned *immortal*, as CPython 3.11 does for its
// identifiers (SSTATE_INTERNED_IMMORTAL): the table's references are counted,
// so C++ may hold such a string by a borrowed pointer for the interpreter's
// whole life.
Ref<> str_intern_cstr(ThreadState* ts, const char* s) {
    Ref<> str = str_from_utf8(ts, s);
    if (!str) return nullptr;
    Ref<> r = str_intern(ts, std::move(str));
    StrObject* so = as_str(r.get());
    if (so->interned == 1) {
        so->ob_refcnt += 2;   // the table's references now count: never freed
        so->interned = 2;
        if (!in_char_cache(*ts->interp, so)) static_refs_add(so);
    }
    return r;
}

// The one-letter names CPython 3.11 has already interned when a program
// starts: its startup modules (importlib, codecs, io, site, ...) arrive as
// marshalled code whose names are fresh string objects, so these are
// interned as objects *distinct* from the Latin-1 cache. A program sees
// the difference: `b = 'b'` gives the interned 'b', while 'ab'[1] and
// chr(98) give the cached one, so `'ab'[1] is b` is False — but
// `'ab'[0] is '~'` style comparisons of other characters are True.
static const char kStartupOneLetterNames[] = "BCLST_abcdefhijklmnopqrstvwxy";

bool str_seed_interned(ThreadState* ts) {
    for (const char* p = kStartupOneLetterNames; *p; p++) {
        StrObject* fresh = str_alloc(ts, 1, uint32_t(uint8_t(*p)));
        if (!fresh) return false;
        ucs_write(fresh->data(), fresh->kind, 0, uint32_t(uint8_t(*p)));
        Ref<> r = str_intern(ts, Ref<>::steal(fresh));
        StrObject* so = as_str(r.get());
        if (so->interned == 1) {
            so->ob_refcnt += 2;   // immortal, like the startup modules' names
            so->interned = 2;
            if (!in_char_cache(*ts->interp, so)) static_refs_add(so);
        }
    }
    return true;
}

void str_clear_interned(Interpreter& interp) {
    DictObject* d = interp.interned;
    if (!d) return;
    isize pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        if (as_str(k)->interned == 1) k->ob_refcnt += 2;   // mortal: restore the uncounted references
        else if (as_str(k)->interned == 2 && !in_char_cache(interp, as_str(k))) static_refs_remove(k);
        as_str(k)->interned = 0;
    }
    dict_clear(d);
}

// ------------------------------------------------------------ type slots

static void str_dealloc(Object* op) {
    StrObject* s = as_str(op);
    Interpreter& interp = *type_of(op)->interp;
    if (s->interned == 1) {
        // Resurrect for the two uncounted table references plus ours, then
        // let the table drop its two (unicode_dealloc does the same).
        s->ob_refcnt = 3;
        dict_del_str(interp.interned, s);
        s->ob_refcnt = 0;
        s->interned = 0;
    }
    if (s->utf8 && !s->ascii) interp.heap.free(s->utf8);
    s->utf8 = nullptr;
    object_free(op);
}

static Ref<> str_str(ThreadState* ts, Object* self) { return str_exact(ts, as_str(self)); }

static int64_t str_hash_slot(ThreadState*, Object* self) { return str_hash(as_str(self)); }

static Ref<> str_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (!is_str(a) || !is_str(b)) return newref(interp.NotImplemented);
    bool r;
    if (op == Py_EQ || op == Py_NE) {
        r = str_equal(as_str(a), as_str(b)) == (op == Py_EQ);
    } else {
        int c = str_compare(as_str(a), as_str(b));
        switch (op) {
        case Py_LT: r = c < 0; break;
        case Py_LE: r = c <= 0; break;
        case Py_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return newref<Object>(r ? interp.True : interp.False);
}

static isize str_length(ThreadState*, Object* self) { return as_str(self)->length; }

static Ref<> str_item(ThreadState* ts, Object* self, isize i) {
    StrObject* s = as_str(self);
    if (i < 0 || i >= s->length) return raise(ts, ts->interp->exc.IndexError, "string index out of range");
    return str_from_char(ts, sget(s, i));
}

static Ref<> str_subscript(ThreadState* ts, Object* self, Object* key) {
    StrObject* s = as_str(self);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), s->length, &start, &stop, &step, &n)) return nullptr;
        if (step == 1) return str_substr(ts, s, start, start + n);
        if (n <= 0) return empty(ts);
        std::u32string out;
        out.reserve(std::size_t(n));
        for (isize i = 0, cur = start; i < n; i++, cur += step) out.push_back(char32_t(sget(s, cur)));
        return str_from_u32(ts, out);
    }
    TypeObject* kt = type_of(key);
    if (!is_int(key) && !(kt->tp_as_number && kt->tp_as_number->nb_index))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("string indices must be integers, not '") + type_name(key) + "'");
    isize i;
    if (!index_as_isize(ts, key, &i)) return nullptr;
    if (i < 0) i += s->length;
    return str_item(ts, self, i);
}

isize str_find_in(const StrObject* s, const StrObject* sub, isize start, isize end, int dir) {
    const isize m = sub->length;
    if (start < 0) start = 0;
    if (end > s->length) end = s->length;
    if (end - start < m) return -1;
    if (m == 0) return dir > 0 ? start : end;
    const uint32_t first = sget(sub, 0);
    if (dir > 0) {
        for (isize i = start; i + m <= end; i++) {
            if (sget(s, i) != first) continue;
            isize j = 1;
            while (j < m && sget(s, i + j) == sget(sub, j)) j++;
            if (j == m) return i;
        }
    } else {
        for (isize i = end - m; i >= start; i--) {
            if (sget(s, i) != first) continue;
            isize j = 1;
            while (j < m && sget(s, i + j) == sget(sub, j)) j++;
            if (j == m) return i;
        }
    }
    return -1;
}

isize str_count_in(const StrObject* s, const StrObject* sub, isize start, isize end, isize maxcount) {
    if (start < 0) start = 0;
    if (end > s->length) end = s->length;
    if (end - start < sub->length) return 0;
    if (sub->length == 0) return std::min(end - start + 1, maxcount);
    isize count = 0;
    isize i = start;
    while (count < maxcount) {
        isize at = str_find_in(s, sub, i, end, 1);
        if (at < 0) break;
        count++;
        i = at + sub->length;
    }
    return count;
}

static int str_contains(ThreadState* ts, Object* self, Object* item) {
    if (!is_str(item)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("'in <string>' requires string as left operand, not ") + type_name(item));
        return -1;
    }
    StrObject* s = as_str(self);
    return str_find_in(s, as_str(item), 0, s->length, 1) >= 0;
}

static Ref<> str_repeat(ThreadState* ts, Object* self, isize n) {
    StrObject* s = as_str(self);
    if (n <= 0 || s->length == 0) return empty(ts);
    if (n == 1) return str_exact(ts, s);
    if (s->length > std::numeric_limits<isize>::max() / n)
        return raise(ts, ts->interp->exc.OverflowError, "repeated string is too long");
    const isize total = s->length * n;
    StrObject* r = str_alloc(ts, total, s->ascii ? 127 : str_maxchar(s));
    if (!r) return nullptr;
    const std::size_t chunk = std::size_t(s->length) * r->kind;
    char* dst = static_cast<char*>(r->data());
    for (isize i = 0; i < n; i++) std::memcpy(dst + i * chunk, s->data(), chunk);
    return Ref<>::steal(r);
}

static Ref<> str_concat_slot(ThreadState* ts, Object* a, Object* b) { return str_concat(ts, a, b); }

static Ref<> str_remainder(ThreadState* ts, Object* a, Object* b) {
    if (!is_str(a)) return newref(ts->interp->NotImplemented);
    return str_mod(ts, a, b);
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict')
static Ref<> str_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                          TupleObject* kwnames) {
    static const char* const names[] = {"object", "encoding", "errors"};
    Object* a[3];
    if (!parse_kwargs(ts, "str", names, 3, 0, 0, args, nargs, kwnames, a)) return nullptr;
    for (int k = 1; k < 3; k++)
        if (a[k] && !is_str(a[k]))
            return raise(ts, ts->interp->exc.TypeError, std::string("str() argument '") + names[k] +
                                                             "' must be str, not " + type_name(a[k]));
    Ref<> value;
    if (a[1] || a[2]) {
        // Decoding needs bytes (bytesobject.cpp); decode through its method.
        if (!a[0]) {
            value = empty(ts);
        } else {
            Object* dargs[2] = {a[1] ? a[1] : nullptr, a[2] ? a[2] : nullptr};
            isize dn = a[2] ? 2 : 1;
            if (!a[1]) {
                Ref<> utf8 = str_from_utf8(ts, "utf-8");
                if (!utf8) return nullptr;
                dargs[0] = utf8.get();
                value = call_method(ts, a[0], "decode", dargs, dn);
            } else {
                value = call_method(ts, a[0], "decode", dargs, dn);
            }
            if (!value) {
                if (error_matches(ts, ts->interp->exc.AttributeError)) {
                    error_clear(ts);
                    return raise(ts, ts->interp->exc.TypeError,
                                 std::string("decoding to str: need a bytes-like object, ") +
                                     type_name(a[0]) + " found");
                }
                return nullptr;
            }
        }
    } else {
        value = a[0] ? object_str(ts, a[0]) : empty(ts);
    }
    if (!value) return nullptr;
    if (type == ts->interp->types.str) return value;
    // A subclass instance: copy the characters into an object of `type`.
    StrObject* src = as_str(value.get());
    StrObject* r = str_alloc_type(ts, type, src->length, src->ascii ? 127 : str_maxchar(src));
    if (!r) return nullptr;
    std::memcpy(r->data(), src->data(), std::size_t(src->length) * r->kind);
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) ts->interp->gc.track(r);
    return Ref<>::steal(r);
}

// ------------------------------------------------------------ iterator

struct StrIterObject : Object {
    StrObject* it_seq;     // owned; null once exhausted
    isize it_index;        // next position
};

static void striter_dealloc(Object* op) {
    auto* it = static_cast<StrIterObject*>(op);
    xdecref(it->it_seq);
    object_free(op);
}

static int striter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<StrIterObject*>(op);
    return it->it_seq ? visit(it->it_seq, arg) : 0;
}

static Ref<> striter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<StrIterObject*>(op);
    StrObject* s = it->it_seq;
    if (!s) return nullptr;
    if (it->it_index < s->length) return str_from_char(ts, sget(s, it->it_index++));
    it->it_seq = nullptr;
    decref(s);
    return nullptr;
}

static Ref<> self_iter(ThreadState*, Object* self) { return newref(self); }

static Ref<> str_iter(ThreadState* ts, Object* self) {
    auto* it = static_cast<StrIterObject*>(object_alloc(ts, ts->interp->types.str_iter, 0));
    if (!it) return nullptr;
    it->it_seq = as_str(self);
    incref(self);
    it->it_index = 0;
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static Ref<> striter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__length_hint__", kw) || !check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<StrIterObject*>(self);
    isize n = it->it_seq ? it->it_seq->length - it->it_index : 0;
    return int_from_i64(ts, n < 0 ? 0 : n);
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ init

static bool ensure_dict(ThreadState* ts, TypeObject* t) {
    if (t->tp_dict) return true;
    Ref<DictObject> d = dict_new(ts);
    if (!d) return false;
    t->tp_dict = d.release();
    return true;
}

bool init_str_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.str;
    t->tp_basicsize = sizeof(StrObject);
    t->tp_itemsize = 1;    // "items" are the bytes of the character data
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS;
    t->tp_dealloc = str_dealloc;
    t->tp_repr = str_repr;
    t->tp_str = str_str;
    t->tp_hash = str_hash_slot;
    t->tp_richcompare = str_richcompare;
    t->tp_iter = str_iter;
    t->tp_new = str_new_slot;
    t->tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";
    t->sequence_storage.sq_length = str_length;
    t->sequence_storage.sq_concat = str_concat_slot;
    t->sequence_storage.sq_repeat = str_repeat;
    t->sequence_storage.sq_item = str_item;
    t->sequence_storage.sq_contains = str_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = str_length;
    t->mapping_storage.mp_subscript = str_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_remainder = str_remainder;
    t->tp_as_number = &t->number_storage;

    TypeObject* it = interp.types.str_iter;
    it->tp_basicsize = sizeof(StrIterObject);
    it->tp_itemsize = 0;
    it->tp_flags |= TPFLAGS_HAVE_GC;
    it->tp_dealloc = striter_dealloc;
    it->tp_traverse = striter_traverse;
    it->tp_iter = self_iter;
    it->tp_iternext = striter_next;

    // The caches: '' and the 256 one-character Latin-1 strings.
    if (!interp.empty_str) {
        StrObject* e = str_alloc(ts, 0, 0);
        if (!e) return false;
        static_refs_add(e);
        interp.empty_str = e;
    }
    for (uint32_t c = 0; c < 256; c++) {
        if (interp.latin1_chars[c]) continue;
        StrObject* s = str_alloc(ts, 1, c);
        if (!s) return false;
        ucs_write(s->data(), s->kind, 0, c);
        static_refs_add(s);
        interp.latin1_chars[c] = s;
    }
    return ensure_dict(ts, t) && type_add_methods(ts, t, str_methods) &&
           ensure_dict(ts, it) && type_add_methods(ts, it, striter_methods);
}

}  // namespace gp
