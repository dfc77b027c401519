// bytesobject.h — bytes, bytearray and memoryview: sequences of small ints.
//
// Mirrors CPython 3.11's Objects/bytesobject.c, bytearrayobject.c,
// bytes_methods.c and memoryobject.c. A bytes object stores its bytes inline
// after the header, exactly like CPython's PyBytesObject:
//
//     +-------------+------------+----------+---------------------+
//     | VarObject   | ob_shash   | ob_sval  ...                    |
//     | (ob_size =  | cached     | ob_size bytes, then a NUL        |
//     |  length)    | hash or -1 |                                  |
//     +-------------+------------+----------------------------------+
//      16 + 8        8            length + 1
//
// so sys.getsizeof(b'abc') is 33 + 3 = 36 as in CPython. A bytearray keeps
// its bytes in a separate, over-allocated buffer that grows like CPython's
// (PyByteArray_Resize), and a memoryview is a window onto the bytes of
// either, without copying.
//
// The buffer protocol is reduced to one question, "what are your bytes?"
// (bytes_like_view): bytes, bytearray and memoryview answer it, and every
// function that accepts "a bytes-like object" asks it.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

struct BytesObject : VarObject {   // ob_size: number of bytes
    int64_t ob_shash;              // cached hash, -1 until computed
    char ob_sval[1];               // ob_size bytes followed by a NUL
};

struct ByteArrayObject : VarObject {   // ob_size: number of bytes in use
    isize ob_alloc;        // bytes allocated at ob_bytes (0 when ob_bytes is null)
    char* ob_bytes;        // owned heap block, or null while empty and never grown
    isize ob_start;        // offset of the first logical byte (del ba[:n] advances it)
    isize ob_exports;      // memoryviews currently exporting the buffer: no resizing while > 0
    Object* weakreflist;   // reserved for weak references (null)

    char* data() { return ob_bytes ? ob_bytes + ob_start : nullptr; }
};

struct MemoryViewObject : Object {
    Object* mbuf;          // owned: the exporting object (bytes or bytearray); null once released
    isize start;           // first byte of the view in the exporter's data
    isize length;          // bytes in the view
    bool readonly;         // views of bytes are read-only
    int64_t hash;          // cached hash of a read-only view, -1 until computed
    Object* weakreflist;   // reserved for weak references (null)
};

bool is_bytes(Object* o);          // bytes or a subclass
bool is_bytearray(Object* o);      // bytearray or a subclass
bool is_memoryview(Object* o);
inline BytesObject* as_bytes(Object* o) { return static_cast<BytesObject*>(o); }
inline ByteArrayObject* as_bytearray(Object* o) { return static_cast<ByteArrayObject*>(o); }
inline std::string_view bytes_view(Object* b) {
    return std::string_view(as_bytes(b)->ob_sval, std::size_t(as_bytes(b)->ob_size));
}

// The bytes of a bytes-like object (bytes, bytearray, memoryview, or a
// subclass). False, with no error set, for anything else (and for a
// released memoryview). The view is valid until the object changes.
bool bytes_like_view(Object* o, std::string_view* out);
// Like bytes_like_view, raising "a bytes-like object is required, not 'str'".
bool need_bytes_like(ThreadState* ts, Object* o, std::string_view* out);

// A new exact bytes object with a copy of `data` (bytes_from_string,
// declared in unicodeobject.h, is the same for a string_view).
Ref<> bytes_from_data(ThreadState* ts, const void* data, isize n);
// A new bytes of n bytes for the caller to fill (the NUL is already set).
Ref<> bytes_new_uninit(ThreadState* ts, isize n, char** data);
// A new exact bytearray with a copy of `data` (alloc = n + 1, as CPython's
// PyByteArray_FromStringAndSize).
Ref<> bytearray_from_data(ThreadState* ts, const void* data, isize n);
// PyByteArray_Resize: CPython's growth policy, so sys.getsizeof follows
// CPython. Raises BufferError while a memoryview exports the buffer.
bool bytearray_resize(ThreadState* ts, ByteArrayObject* ba, isize size);
// bytes(x) / bytearray(x) conversion of any object (the constructors).
Ref<> bytes_from_object(ThreadState* ts, Object* o);
// memoryview(obj)
Ref<> memoryview_new(ThreadState* ts, Object* obj);

// hash(b): equal to hash of the str with the same Latin-1 characters, as in
// CPython (both hash the same bytes with SipHash).
int64_t bytes_hash(ThreadState* ts, Object* b);
// repr(b) as CPython builds it: b'...' with \t, \n, \r, \xhh escapes and the
// quote chosen like str's.
std::string bytes_repr_text(std::string_view data, bool smartquotes);

// Fills bytes, bytes_iterator, bytearray, bytearray_iterator and memoryview.
bool init_bytes_types(ThreadState* ts);

}  // namespace gp
