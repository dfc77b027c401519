// unicode_internal.h — helpers shared by the files that implement str
// (unicodeobject.cpp, unicode_methods.cpp, unicode_format.cpp). Not part of
// the public API: other subsystems use unicodeobject.h.
#pragma once

#include <string>
#include <string_view>

#include "objects/unicodeobject.h"

namespace gp {

struct MethodDef;

// Reads / writes code point i of a PEP 393 buffer of the given kind.
inline uint32_t ucs_read(const void* data, int kind, isize i) {
    switch (kind) {
    case 1: return static_cast<const uint8_t*>(data)[i];
    case 2: return static_cast<const uint16_t*>(data)[i];
    default: return static_cast<const uint32_t*>(data)[i];
    }
}
inline void ucs_write(void* data, int kind, isize i, uint32_t cp) {
    switch (kind) {
    case 1: static_cast<uint8_t*>(data)[i] = uint8_t(cp); break;
    case 2: static_cast<uint16_t*>(data)[i] = uint16_t(cp); break;
    default: static_cast<uint32_t*>(data)[i] = cp; break;
    }
}
inline uint32_t sget(const StrObject* s, isize i) { return ucs_read(s->data(), s->kind, i); }

// A fresh exact str of `length` code points wide enough for `maxchar`; the
// caller fills the data (the terminator is already 0). Returns null with
// MemoryError (or OverflowError for absurd lengths) set.
StrObject* str_alloc(ThreadState* ts, isize length, uint32_t maxchar);
// The largest code point of s (0 for the empty string).
uint32_t str_maxchar(const StrObject* s);
// s[start:end] (already clipped); returns s itself for the whole of an exact str.
Ref<> str_substr(ThreadState* ts, StrObject* s, isize start, isize end);
// An exact-str copy of s (s itself when it already is exact).
Ref<> str_exact(ThreadState* ts, StrObject* s);
std::u32string str_to_u32(const StrObject* s);
// ASCII/Latin-1 text straight into a str.
Ref<> str_from_latin1(ThreadState* ts, std::string_view text);

// Searching (CPython's stringlib fastsearch, simplified). Return the index
// of the first (dir > 0) or last (dir < 0) occurrence of sub in
// s[start:end], or -1. Indices are already clipped.
isize str_find_in(const StrObject* s, const StrObject* sub, isize start, isize end, int dir);
isize str_count_in(const StrObject* s, const StrObject* sub, isize start, isize end, isize maxcount);

// "'%s' object ..." helpers that need the type name.
bool str_check_arg(ThreadState* ts, Object* o, const char* fname, const char* what = "argument");

// The method table (unicode_methods.cpp) and the formatting entry points
// (unicode_format.cpp).
extern const MethodDef str_methods[];
Ref<> str_mod(ThreadState* ts, Object* format, Object* args);      // format % args
Ref<> str_format_method(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                        TupleObject* kwnames);
Ref<> str_format_map_method(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                            TupleObject* kwnames);
Ref<> str_dunder_format(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                        TupleObject* kwnames);

}  // namespace gp
