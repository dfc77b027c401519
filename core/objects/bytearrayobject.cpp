// bytearrayobject.cpp — bytearray: a mutable, growable bytes buffer.
//
// Mirrors CPython 3.11's Objects/bytearrayobject.c. The bytes live in a
// separate heap block (ob_bytes) of ob_alloc bytes, over-allocated like a
// list so that appending is amortised O(1):
//
//     ob_bytes                ob_start                       ob_alloc
//     |<- removed from front ->|<---- ob_size bytes ---->|NUL|  spare  |
//
// bytearray_resize follows PyByteArray_Resize exactly — grow to
// size + size/8 + (3 or 6) when the request is within 12.5% of the
// allocation, to the exact size (+1 for the NUL) otherwise; shrink for real
// only below half — so sys.getsizeof(bytearray) (56 + ob_alloc) steps as in
// CPython. Deleting from the front (del b[:n]) just advances ob_start.
//
// While a memoryview exports the buffer (ob_exports > 0) the block may not
// move: any resize raises BufferError, as in CPython.
#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "objects/abstract.h"
#include "objects/bytes_internal.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }

Heap& heap_of(ThreadState* ts) { return ts->interp->heap; }

}  // namespace

bool is_bytearray(Object* o) {
    TypeObject* ba = type_of(o)->interp->types.bytearray;
    return ba && isinstance_of(o, ba);
}

// ------------------------------------------------------------ storage

bool bytearray_resize(ThreadState* ts, ByteArrayObject* obj, isize requested) {
    // All computations unsigned, as CPython's (issue #22335).
    std::size_t alloc = std::size_t(obj->ob_alloc);
    std::size_t logical_offset = std::size_t(obj->ob_start);
    std::size_t size = std::size_t(requested);
    if (requested == obj->ob_size) return true;
    if (obj->ob_exports > 0) {
        raise(ts, ts->interp->exc.BufferError, "Existing exports of data: object cannot be re-sized");
        return false;
    }
    if (size + logical_offset + 1 <= alloc) {
        // The buffer is large enough: shrink for real only below half.
        if (size < alloc / 2) {
            alloc = size + 1;
        } else {
            obj->ob_size = requested;
            obj->ob_bytes[logical_offset + size] = '\0';
            return true;
        }
    } else if (double(size) <= double(alloc) * 1.125) {
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6);   // moderate upsize, like list_resize
    } else {
        alloc = size + 1;                                  // major upsize: exactly what is needed
    }
    char* sval;
    if (logical_offset > 0) {
        sval = static_cast<char*>(heap_of(ts).malloc(alloc));
        if (!sval) { raise_no_memory(ts); return false; }
        std::memcpy(sval, obj->ob_bytes + logical_offset, std::min<std::size_t>(size, std::size_t(obj->ob_size)));
        heap_of(ts).free(obj->ob_bytes);
    } else {
        sval = static_cast<char*>(obj->ob_bytes ? heap_of(ts).realloc(obj->ob_bytes, alloc) : heap_of(ts).malloc(alloc));
        if (!sval) { raise_no_memory(ts); return false; }
    }
    obj->ob_bytes = sval;
    obj->ob_start = 0;
    obj->ob_size = requested;
    obj->ob_alloc = isize(alloc);
    obj->ob_bytes[size] = '\0';
    return true;
}

static ByteArrayObject* bytearray_alloc(ThreadState* ts, TypeObject* type) {
    auto* ba = static_cast<ByteArrayObject*>(object_alloc(ts, type, 0));
    if (!ba) return nullptr;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) ts->interp->gc.track(ba);
    return ba;
}

Ref<> bytearray_from_data(ThreadState* ts, const void* data, isize n) {
    ByteArrayObject* ba = bytearray_alloc(ts, ts->interp->types.bytearray);
    if (!ba) return nullptr;
    Ref<> r = Ref<>::steal(ba);
    if (n > 0) {
        ba->ob_bytes = static_cast<char*>(heap_of(ts).malloc(std::size_t(n) + 1));
        if (!ba->ob_bytes) return raise_no_memory(ts);
        ba->ob_alloc = n + 1;
        ba->ob_size = n;
        if (data) std::memcpy(ba->ob_bytes, data, std::size_t(n));
        else std::memset(ba->ob_bytes, 0, std::size_t(n));
        ba->ob_bytes[n] = '\0';
    }
    return r;
}

// bytearray_setslice_linear: replaces self[lo:hi] with `bytes` (which must not
// alias self's buffer: callers copy first).
static bool setslice_linear(ThreadState* ts, ByteArrayObject* self, isize lo, isize hi, std::string_view bytes) {
    isize avail = hi - lo;
    isize needed = isize(bytes.size());
    isize growth = needed - avail;
    if (growth < 0) {
        if (self->ob_exports > 0) {
            raise(ts, ts->interp->exc.BufferError, "Existing exports of data: object cannot be re-sized");
            return false;
        }
        if (lo == 0) {
            // Shrink from the front by advancing the logical start:
            //   0   lo               hi             old_size
            //   |   |<----avail----->|<-----tail------>|
            //   |      |<-bytes_len->|<-----tail------>|
            //   0    new_lo         new_hi          new_size
            self->ob_start -= growth;
        } else {
            //   0   lo               hi               old_size
            //   |   |<----avail----->|<-----tomove------>|
            //   |   |<-bytes_len->|<-----tomove------>|
            //   0   lo         new_hi              new_size
            char* buf = self->data();
            std::memmove(buf + lo + needed, buf + hi, std::size_t(self->ob_size - hi));
        }
        if (!bytearray_resize(ts, self, self->ob_size + growth)) return false;
    } else if (growth > 0) {
        if (!bytearray_resize(ts, self, self->ob_size + growth)) return false;
        char* buf = self->data();
        std::memmove(buf + lo + needed, buf + hi, std::size_t(self->ob_size - lo - needed));
    }
    if (needed > 0) std::memcpy(self->data() + lo, bytes.data(), bytes.size());
    return true;
}

// The bytes of a value assigned to a slice: a buffer, or an iterable of ints
// (bytearray_setslice / bytearray_ass_subscript accept both).
static bool assigned_bytes(ThreadState* ts, Object* values, std::string* out) {
    std::string_view v;
    if (bytes_like_view(values, &v)) {
        *out = std::string(v);
        return true;
    }
    TypeObject* t = type_of(values);
    if (is_int(values) || is_str(values) || (!t->tp_iter && !(t->tp_as_sequence && t->tp_as_sequence->sq_item))) {
        type_error(ts, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return false;
    }
    return ints_to_bytes(ts, values, "bytearray", out);
}

// ------------------------------------------------------------ construction

static Ref<> bytearray_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    ByteArrayObject* ba = bytearray_alloc(ts, type);
    if (!ba) return nullptr;
    return Ref<>::steal(ba);
}

// bytearray(source=b'', encoding=<unset>, errors=<unset>): __init__ (re)fills.
static int bytearray_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"source", "encoding", "errors"};
    Object* a[3];
    if (!parse_kwargs(ts, "bytearray", names, 3, 0, 0, args, nargs, kwnames, a)) return -1;
    Interpreter& interp = *ts->interp;
    auto* ba = as_bytearray(self);
    Object *x = a[0], *encoding = a[1], *errors = a[2];
    if (encoding && !is_str(encoding)) {
        type_error(ts, std::string("bytearray() argument 'encoding' must be str, not ") + type_name(encoding));
        return -1;
    }
    if (errors && !is_str(errors)) {
        type_error(ts, std::string("bytearray() argument 'errors' must be str, not ") + type_name(errors));
        return -1;
    }
    if (ba->ob_size != 0 && !bytearray_resize(ts, ba, 0)) return -1;
    if (!x) {
        if (encoding || errors) {
            type_error(ts, encoding ? "encoding without a string argument" : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    std::string data;
    if (encoding) {
        if (!is_str(x)) { type_error(ts, "encoding without a string argument"); return -1; }
        if (!unicode_encode(ts, as_str(x), str_utf8(encoding), errors ? str_utf8(errors) : "strict", &data)) return -1;
    } else if (errors) {
        type_error(ts, is_str(x) ? "string argument without an encoding" : "errors without a string argument");
        return -1;
    } else if (is_str(x)) {
        type_error(ts, "string argument without an encoding");
        return -1;
    } else if (is_int(x) || (type_of(x)->tp_as_number && type_of(x)->tp_as_number->nb_index)) {
        Ref<> n = number_index(ts, x);
        if (!n) return -1;
        int64_t count;
        if (!int_as_i64(n.get(), &count)) {
            raise(ts, interp.exc.OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        if (count < 0) { raise(ts, interp.exc.ValueError, "negative count"); return -1; }
        if (count == 0) return 0;
        if (!bytearray_resize(ts, ba, isize(count))) return -1;
        std::memset(ba->data(), 0, std::size_t(count));
        return 0;
    } else {
        std::string_view v;
        if (bytes_like_view(x, &v)) {
            data = std::string(v);
        } else {
            TypeObject* t = type_of(x);
            if (!t->tp_iter && !(t->tp_as_sequence && t->tp_as_sequence->sq_item)) {
                type_error(ts, std::string("cannot convert '") + type_name(x) + "' object to bytearray");
                return -1;
            }
            if (is_list(x) || is_tuple(x)) {
                if (!ints_to_bytes(ts, x, "bytearray", &data)) return -1;
            } else {
                // Iterators append one byte at a time: the buffer grows in
                // PyByteArray_Resize's steps, as CPython's loop makes it.
                Ref<> it = object_get_iter(ts, x);
                if (!it) return -1;
                while (Ref<> item = iter_next(ts, it.get())) {
                    int v2;
                    if (!byte_value(ts, item.get(), &v2)) return -1;
                    if (ba->ob_size + 1 < ba->ob_alloc) {
                        ba->ob_size++;
                        ba->data()[ba->ob_size - 1] = char(v2);
                        ba->data()[ba->ob_size] = '\0';
                    } else {
                        if (!bytearray_resize(ts, ba, ba->ob_size + 1)) return -1;
                        ba->data()[ba->ob_size - 1] = char(v2);
                    }
                }
                return error_occurred(ts) ? -1 : 0;
            }
        }
    }
    if (data.empty()) return 0;
    if (!bytearray_resize(ts, ba, isize(data.size()))) return -1;
    std::memcpy(ba->data(), data.data(), data.size());
    return 0;
}

static void bytearray_dealloc(Object* op) {
    auto* ba = as_bytearray(op);
    if (ba->ob_bytes) type_of(op)->interp->heap.free(ba->ob_bytes);
    ba->ob_bytes = nullptr;
    object_free(op);
}

// ------------------------------------------------------------ repr, compare

// bytearray_repr: ClassName(b'...'). Unlike bytes, a ' is always escaped
// (even inside double quotes), as CPython's own loop does.
static Ref<> bytearray_repr(ThreadState* ts, Object* self) {
    std::string_view v = self_bytes(self);
    char quote = '\'';
    for (char c : v) {
        if (c == '"') { quote = '\''; break; }
        if (c == '\'') quote = '"';
    }
    static const char hex[] = "0123456789abcdef";
    std::string out = type_qualname(type_of(self)) + "(b";
    out += quote;
    for (char ch : v) {
        unsigned char c = uint8_t(ch);
        if (c == '\'' || c == '\\') { out += '\\'; out += char(c); }
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < ' ' || c >= 0x7f) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
        else out += char(c);
    }
    out += quote;
    out += ')';
    return str_from_utf8(ts, out);
}

// bytearray compares with any buffer (bytes, bytearray, memoryview).
static Ref<> bytearray_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    std::string_view va, vb;
    if (!bytes_like_view(a, &va) || !bytes_like_view(b, &vb)) return newref(ts->interp->NotImplemented);
    std::string ca(va), cb(vb);
    return bytes_compare_views(ts, ca, cb, op);
}

// ------------------------------------------------------------ sequence and mapping

static isize bytearray_length(ThreadState*, Object* self) { return as_bytearray(self)->ob_size; }

static Ref<> bytearray_item(ThreadState* ts, Object* self, isize i) {
    auto* ba = as_bytearray(self);
    if (i < 0 || i >= ba->ob_size) return raise(ts, ts->interp->exc.IndexError, "bytearray index out of range");
    return int_from_i64(ts, uint8_t(ba->data()[i]));
}

static Ref<> bytearray_subscript(ThreadState* ts, Object* self, Object* key) {
    auto* ba = as_bytearray(self);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), ba->ob_size, &start, &stop, &step, &n)) return nullptr;
        std::string out;
        out.reserve(std::size_t(n));
        for (isize i = 0, j = start; i < n; i++, j += step) out += ba->data()[j];
        return bytearray_from_data(ts, out.data(), isize(out.size()));
    }
    isize i;
    if (!subscript_index(ts, key, "bytearray", &i)) return nullptr;
    if (i < 0) i += ba->ob_size;
    return bytearray_item(ts, self, i);
}

// b[i] = v, b[i:j] = iterable, b[::k] = same-length iterable, del b[...].
static int bytearray_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
    auto* ba = as_bytearray(self);
    Interpreter& interp = *ts->interp;
    if (!is_slice(key)) {
        isize i;
        if (!subscript_index(ts, key, "bytearray", &i)) return -1;
        if (i < 0) i += ba->ob_size;
        if (i < 0 || i >= ba->ob_size) {
            raise(ts, interp.exc.IndexError, "bytearray index out of range");
            return -1;
        }
        if (!value) return setslice_linear(ts, ba, i, i + 1, "") ? 0 : -1;
        int v;
        if (!byte_value(ts, value, &v)) return -1;
        ba->data()[i] = char(v);
        return 0;
    }
    isize start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), ba->ob_size, &start, &stop, &step, &n)) return -1;
    std::string bytes;
    if (value) {
        if (value == self) {
            bytes = std::string(self_bytes(self));
        } else if (!assigned_bytes(ts, value, &bytes)) {
            return -1;
        }
    }
    if (step == 1) {
        if (stop < start) stop = start;
        return setslice_linear(ts, ba, start, stop, bytes) ? 0 : -1;
    }
    if (!value) {
        // Delete an extended slice: keep the bytes not selected.
        if (n <= 0) return 0;
        std::string keep;
        std::vector<bool> drop(std::size_t(ba->ob_size), false);
        for (isize i = 0, j = start; i < n; i++, j += step) drop[std::size_t(j)] = true;
        for (isize i = 0; i < ba->ob_size; i++)
            if (!drop[std::size_t(i)]) keep += ba->data()[i];
        std::memcpy(ba->data(), keep.data(), keep.size());
        return bytearray_resize(ts, ba, isize(keep.size())) ? 0 : -1;
    }
    if (isize(bytes.size()) != n) {
        raise(ts, interp.exc.ValueError, "attempt to assign bytes of size " + isize_str(isize(bytes.size())) +
                                             " to extended slice of size " + isize_str(n));
        return -1;
    }
    for (isize i = 0, j = start; i < n; i++, j += step) ba->data()[j] = bytes[std::size_t(i)];
    return 0;
}

static int bytearray_contains(ThreadState* ts, Object* self, Object* item) {
    std::string copy(self_bytes(self));
    return bytes_contains_view(ts, copy, item);
}

static Ref<> bytearray_concat(ThreadState* ts, Object* a, Object* b) {
    std::string_view va, vb;
    if (!bytes_like_view(a, &va) || !bytes_like_view(b, &vb))
        return type_error(ts, std::string("can't concat ") + type_name(b) + " to " + type_name(a));
    std::string out(va);
    out += vb;
    return bytearray_from_data(ts, out.data(), isize(out.size()));
}

static Ref<> bytearray_iconcat(ThreadState* ts, Object* self, Object* other) {
    std::string_view vb;
    if (!bytes_like_view(other, &vb))
        return type_error(ts, std::string("can't concat ") + type_name(other) + " to " + type_name(self));
    std::string copy(vb);
    auto* ba = as_bytearray(self);
    isize old = ba->ob_size;
    if (!bytearray_resize(ts, ba, old + isize(copy.size()))) return nullptr;
    if (!copy.empty()) std::memcpy(ba->data() + old, copy.data(), copy.size());
    return newref(self);
}

static Ref<> bytearray_repeat(ThreadState* ts, Object* self, isize n) {
    std::string v(self_bytes(self));
    if (n < 0) n = 0;
    if (!v.empty() && n > (std::numeric_limits<isize>::max() - 64) / isize(v.size())) return raise_no_memory(ts);
    std::string out;
    out.reserve(v.size() * std::size_t(n));
    for (isize i = 0; i < n; i++) out += v;
    return bytearray_from_data(ts, out.data(), isize(out.size()));
}

static Ref<> bytearray_irepeat(ThreadState* ts, Object* self, isize n) {
    auto* ba = as_bytearray(self);
    std::string v(self_bytes(self));
    if (n < 0) n = 0;
    if (!v.empty() && n > (std::numeric_limits<isize>::max() - 64) / isize(v.size())) return raise_no_memory(ts);
    isize size = isize(v.size()) * n;
    if (!bytearray_resize(ts, ba, size)) return nullptr;
    for (isize i = 0; i < n; i++) std::memcpy(ba->data() + i * isize(v.size()), v.data(), v.size());
    return newref(self);
}

static Ref<> bytearray_mod_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_bytearray(a)) return newref(ts->interp->NotImplemented);
    return bytes_mod_format(ts, a, b);
}

// ------------------------------------------------------------ methods

static bool no_args(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 0, 0);
}

static Ref<> m_append(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "append", kw) || !check_nargs(ts, "append", nargs, 1, 1)) return nullptr;
    int v;
    if (!byte_value(ts, args[0], &v)) return nullptr;
    auto* ba = as_bytearray(self);
    if (!bytearray_resize(ts, ba, ba->ob_size + 1)) return nullptr;
    ba->data()[ba->ob_size - 1] = char(v);
    return newref(ts->interp->None);
}

static Ref<> m_extend(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "extend", kw) || !check_nargs(ts, "extend", nargs, 1, 1)) return nullptr;
    Object* x = args[0];
    std::string data;
    std::string_view v;
    if (bytes_like_view(x, &v)) {
        data = std::string(v);
    } else {
        TypeObject* t = type_of(x);
        if (!t->tp_iter && !(t->tp_as_sequence && t->tp_as_sequence->sq_item))
            return type_error(ts, std::string("can't extend bytearray with ") + type_name(x));
        if (!ints_to_bytes(ts, x, "bytearray", &data)) return nullptr;
    }
    auto* ba = as_bytearray(self);
    if (!setslice_linear(ts, ba, ba->ob_size, ba->ob_size, data)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_insert(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "insert", kw) || !check_positional(ts, "insert", nargs, 2, 2)) return nullptr;
    auto* ba = as_bytearray(self);
    isize where;
    Ref<> idx = number_index(ts, args[0]);
    if (!idx || !int_as_isize(ts, idx.get(), &where)) return nullptr;
    int v;
    if (!byte_value(ts, args[1], &v)) return nullptr;
    isize n = ba->ob_size;
    if (where < 0) { where += n; if (where < 0) where = 0; }
    if (where > n) where = n;
    if (!bytearray_resize(ts, ba, n + 1)) return nullptr;
    char* buf = ba->data();
    std::memmove(buf + where + 1, buf + where, std::size_t(n - where));
    buf[where] = char(v);
    return newref(ts->interp->None);
}

static Ref<> m_pop(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "pop", kw) || !check_positional(ts, "pop", nargs, 0, 1)) return nullptr;
    auto* ba = as_bytearray(self);
    isize n = ba->ob_size;
    isize index = -1;
    if (nargs) {
        Ref<> idx = number_index(ts, args[0]);
        if (!idx || !int_as_isize(ts, idx.get(), &index)) return nullptr;
    }
    if (n == 0) return raise(ts, ts->interp->exc.IndexError, "pop from empty bytearray");
    if (index < 0) index += n;
    if (index < 0 || index >= n) return raise(ts, ts->interp->exc.IndexError, "pop index out of range");
    if (ba->ob_exports > 0)
        return raise(ts, ts->interp->exc.BufferError, "Existing exports of data: object cannot be re-sized");
    char* buf = ba->data();
    uint8_t value = uint8_t(buf[index]);
    std::memmove(buf + index, buf + index + 1, std::size_t(n - index - 1));
    if (!bytearray_resize(ts, ba, n - 1)) return nullptr;
    return int_from_i64(ts, value);
}

static Ref<> m_remove(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "remove", kw) || !check_nargs(ts, "remove", nargs, 1, 1)) return nullptr;
    int v;
    if (!byte_value(ts, args[0], &v)) return nullptr;
    auto* ba = as_bytearray(self);
    std::string_view s = self_bytes(self);
    std::size_t pos = s.find(char(v));
    if (pos == std::string_view::npos) return raise(ts, ts->interp->exc.ValueError, "value not found in bytearray");
    if (ba->ob_exports > 0)
        return raise(ts, ts->interp->exc.BufferError, "Existing exports of data: object cannot be re-sized");
    char* buf = ba->data();
    std::memmove(buf + pos, buf + pos + 1, s.size() - pos - 1);
    if (!bytearray_resize(ts, ba, ba->ob_size - 1)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_clear(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "clear", nargs, kw)) return nullptr;
    if (!bytearray_resize(ts, as_bytearray(self), 0)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "copy", nargs, kw)) return nullptr;
    std::string_view v = self_bytes(self);
    return bytearray_from_data(ts, v.data(), isize(v.size()));
}

static Ref<> m_reverse(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "reverse", nargs, kw)) return nullptr;
    auto* ba = as_bytearray(self);
    if (ba->ob_size) std::reverse(ba->data(), ba->data() + ba->ob_size);
    return newref(ts->interp->None);
}

static Ref<> m_alloc(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "__alloc__", nargs, kw)) return nullptr;
    return int_from_i64(ts, as_bytearray(self)->ob_alloc);
}

// __sizeof__: the object plus its whole allocation (bytearray_sizeof).
static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "__sizeof__", nargs, kw)) return nullptr;
    return int_from_i64(ts, type_of(self)->cpython.basicsize + as_bytearray(self)->ob_alloc);
}

static const MethodDef bytearray_own_methods[] = {
    {"__alloc__", m_alloc, METH_DEFAULT, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Returns the size of the bytearray object in memory, in bytes."},
    {"append", m_append, METH_DEFAULT, "append($self, item, /)\n--\n\nAppend a single item to the end of the bytearray."},
    {"clear", m_clear, METH_DEFAULT, "clear($self, /)\n--\n\nRemove all items from the bytearray."},
    {"copy", m_copy, METH_DEFAULT, "copy($self, /)\n--\n\nReturn a copy of B."},
    {"extend", m_extend, METH_DEFAULT, "extend($self, iterable_of_ints, /)\n--\n\nAppend all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", m_insert, METH_DEFAULT, "insert($self, index, item, /)\n--\n\nInsert a single item into the bytearray before the given index."},
    {"pop", m_pop, METH_DEFAULT, "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B."},
    {"remove", m_remove, METH_DEFAULT, "remove($self, value, /)\n--\n\nRemove the first occurrence of a value in the bytearray."},
    {"reverse", m_reverse, METH_DEFAULT, "reverse($self, /)\n--\n\nReverse the order of the values in B in place."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_bytearray_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.bytearray, "bytearray", sizeof(ByteArrayObject),
                                        TPFLAGS_BASETYPE);
    if (!t) return false;
    t->tp_dealloc = bytearray_dealloc;
    t->tp_repr = bytearray_repr;
    t->tp_hash = hash_not_implemented;
    t->tp_richcompare = bytearray_richcompare;
    t->tp_new = bytearray_new_slot;
    t->tp_init = bytearray_init;
    t->tp_doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
                "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
                "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
                "bytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n"
                "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
                "  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";
    SequenceMethods& sq = t->sequence_storage;
    sq.sq_length = bytearray_length;
    sq.sq_concat = bytearray_concat;
    sq.sq_repeat = bytearray_repeat;
    sq.sq_item = bytearray_item;
    sq.sq_contains = bytearray_contains;
    sq.sq_inplace_concat = bytearray_iconcat;
    sq.sq_inplace_repeat = bytearray_irepeat;
    t->tp_as_sequence = &sq;
    MappingMethods& mp = t->mapping_storage;
    mp.mp_length = bytearray_length;
    mp.mp_subscript = bytearray_subscript;
    mp.mp_ass_subscript = bytearray_ass_subscript;
    t->tp_as_mapping = &mp;
    t->number_storage.nb_remainder = bytearray_mod_slot;
    t->tp_as_number = &t->number_storage;
    return add_type_members(ts, t, bytes_common_methods) && add_type_members(ts, t, bytearray_own_methods);
}

}  // namespace gp
