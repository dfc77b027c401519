// unicodeobject.h — str: immutable Unicode text in CPython's PEP 393 layout.
//
// Mirrors CPython 3.11's Objects/unicodeobject.c. A string stores its code
// points in the narrowest fixed width that fits them all — 1 byte (Latin-1),
// 2 bytes (UCS-2) or 4 bytes (UCS-4) — directly after the header, so indexing
// is O(1) and sys.getsizeof("Hello") is 54 as in CPython (48-byte ASCII
// header + 5 characters + NUL). Pure-ASCII strings double as their own UTF-8;
// others build a UTF-8 copy the first time C++ asks for one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

struct StrObject : Object {
    isize length;          // number of code points
    int64_t hash;          // cached hash, -1 until computed
    uint8_t kind;          // bytes per code point: 1, 2 or 4
    bool ascii;            // every code point < 128 (then data is also UTF-8)
    uint8_t interned;      // 0 no, 1 interned (table refs uncounted), 2 interned immortal (str_intern_cstr)
    char* utf8;            // UTF-8 text, NUL-terminated: == data() when ascii, else owned or null
    isize utf8_length;     // bytes in utf8 (valid when utf8 != null)
    // followed by (length + 1) code units of `kind` bytes, the last one 0

    void* data() { return this + 1; }
    const void* data() const { return this + 1; }
};

bool is_str(Object* o);    // str or a subclass
// Instances of str subclasses keep the character data right after the
// StrObject header (data() is fixed), so the subclass's own fields — those
// between sizeof(StrObject) and its tp_basicsize, such as the __dict__ slot —
// live after the data instead: a field at tp_dictoffset d is at
// (char*)str_subclass_fields(s) + (d - sizeof(StrObject)).
void* str_subclass_fields(StrObject* s);
inline StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }

// Builds a str from UTF-8 (invalid sequences are replaced by U+FFFD; lone
// surrogates encoded as UTF-8, as the parser produces for "\ud800", are kept).
Ref<> str_from_utf8(ThreadState* ts, std::string_view utf8);
// Builds a str from code points.
Ref<> str_from_codepoints(ThreadState* ts, const uint32_t* cps, isize n);
Ref<> str_from_char(ThreadState* ts, uint32_t cp);    // cached for cp < 256
// A new str of ASCII text that never comes from the caches (even for one
// character), as CPython's int-to-decimal conversion builds its result.
Ref<> str_from_ascii_uncached(ThreadState* ts, std::string_view ascii);

// The UTF-8 text of a str (built once and cached). Never fails for ASCII;
// returns an empty view only on memory exhaustion.
std::string_view str_utf8(StrObject* s);
inline std::string_view str_utf8(Object* s) { return str_utf8(as_str(s)); }
uint32_t str_char_at(const StrObject* s, isize i);

bool str_equal(StrObject* a, StrObject* b);
bool str_equal_ascii(StrObject* a, const char* s);
int64_t str_hash(StrObject* s);
Ref<> str_concat(ThreadState* ts, Object* a, Object* b);
// `*left += right` in place when *left is an unshared exact str (one reference,
// not interned); false when that does not apply (nothing changed then).
bool str_append_inplace(ThreadState* ts, Object** left, Object* right);
Ref<> str_repr(ThreadState* ts, Object* s);           // 'text' with CPython's quoting/escapes
// Appends the code points of s to a UTF-32 buffer (for builders).
void str_append_to(const StrObject* s, std::u32string& out);
Ref<> str_from_u32(ThreadState* ts, const std::u32string& text);
isize str_sizeof(const StrObject* s);                 // sys.getsizeof as CPython 3.11

// Returns the interned string equal to s (adding s if new). Steals s.
// As CPython 3.11's, the table's references are not counted ("mortal"):
// the string leaves the table when its last real reference goes.
Ref<> str_intern(ThreadState* ts, Ref<> s);
// Interns a C string *immortally* (CPython's identifiers): the result stays
// alive until the interpreter is finalized, so a borrowed pointer to it is
// safe (Interpreter::intern relies on this).
Ref<> str_intern_cstr(ThreadState* ts, const char* s);

// PyObject_Format: format(value, spec) — type(value).__format__(value, spec)
// with CPython's fast paths and checks (FORMAT_VALUE, the format() builtin,
// f-strings). spec may be null (empty).
Ref<> object_format(ThreadState* ts, Object* value, Object* spec);
// str.isidentifier(): XID_Start/'_' then XID_Continue (PEP 3131).
bool str_isidentifier(const StrObject* s);

// ---- codecs (unicode_codecs.cpp) ----
// str.encode / bytes.decode. utf-8, utf-16(-le/-be), utf-32(-le/-be),
// ascii, latin-1 and the escape codecs run here with the error handlers
// strict, ignore, replace, backslashreplace, xmlcharrefreplace,
// namereplace, surrogateescape and surrogatepass; any other codec or
// error handler goes through the Python codec registry (core/lib/_codecs.py).
// Encoding names are normalised as CPython's codec registry does
// ("UTF8", "utf_8", "latin1", "iso-8859-1", ...). Raise LookupError /
// UnicodeEncodeError / UnicodeDecodeError with CPython's messages.
bool unicode_encode(ThreadState* ts, StrObject* s, std::string_view encoding, std::string_view errors,
                    std::string* out);
Ref<> unicode_decode(ThreadState* ts, std::string_view data, std::string_view encoding,
                     std::string_view errors);
// Is `encoding` one of the codecs written in C++? (canonical name out, if
// asked). Other encodings go through the Python codec registry (_codecs.py).
bool unicode_builtin_codec(std::string_view encoding, std::string* canonical);
// The bytes object str.encode returns. Defined weakly (raising
// NotImplementedError) in unicode_codecs.cpp; bytesobject.cpp provides the
// real one and the linker picks it.
Ref<> bytes_from_string(ThreadState* ts, std::string_view data);

// Shutdown: gives the interned table's uncounted references back to their
// strings and empties the table (CPython's _PyUnicode_ClearInterned). Call
// before releasing Interpreter::interned.
void str_clear_interned(Interpreter& interp);
// Fills the fresh interned table with the names CPython's startup leaves
// there (see unicodeobject.cpp). Called once the table exists.
bool str_seed_interned(ThreadState* ts);

// Creates the str and str_iterator slots, methods, '' and the Latin-1
// one-character cache. Sets tp_basicsize/tp_itemsize/tp_flags itself.
bool init_str_type(ThreadState* ts);

}  // namespace gp
