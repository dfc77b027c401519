// bytes_internal.h — what bytesobject.cpp, bytearrayobject.cpp,
// bytes_methods.cpp and memoryobject.cpp share. Not a public API: other
// subsystems use bytesobject.h.
#pragma once

#include <string>
#include <string_view>

#include "objects/bytesobject.h"

namespace gp {

struct MethodDef;
struct TupleObject;

// The methods bytes and bytearray have in common (bytes_methods.cpp): one
// C++ function serves both types, reading self through self_bytes() and
// building results with result_like(), as CPython's bytes_methods.c and
// stringlib templates do.
extern const MethodDef bytes_common_methods[];

// The bytes of self, which is known to be a bytes or bytearray (subclass).
std::string_view self_bytes(Object* self);
// A new object of self's kind holding `data`: exact bytes for bytes (and its
// subclasses), exact bytearray for bytearray.
Ref<> result_like(ThreadState* ts, Object* self, std::string_view data);

// _getbytevalue: an int in range(256) ("byte must be in range(0, 256)"; a
// non-int: "'str' object cannot be interpreted as an integer").
bool byte_value(ThreadState* ts, Object* o, int* out);
// The bytes of an iterable of ints (bytes([1, 2]), bytearray.extend(it)).
// A TypeError from iter() is left for the caller to reword ("cannot convert
// 'float' object to bytes"); `tname` ("bytes" or "bytearray") picks the
// range message: "bytes must be in range(0, 256)" / "byte must be ...".
bool ints_to_bytes(ThreadState* ts, Object* iterable, const char* tname, std::string* out);

// Comparison of two byte strings (bytes == bytearray works).
Ref<> bytes_compare_views(ThreadState* ts, std::string_view a, std::string_view b, CompareOp op);
// `x in b`: an int in range(256) or a bytes-like substring. 1, 0, -1.
int bytes_contains_view(ThreadState* ts, std::string_view self, Object* item);
// b % args (printf-style formatting, PEP 461).
Ref<> bytes_mod_format(ThreadState* ts, Object* format, Object* args);

// Creates the bytearray and memoryview types' slots (bytearrayobject.cpp,
// memoryobject.cpp); called from init_bytes_types.
bool init_bytearray_type(ThreadState* ts);
bool init_memoryview_type(ThreadState* ts);

}  // namespace gp
