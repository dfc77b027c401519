// memoryobject.cpp — memoryview: a window onto another object's bytes.
//
// Mirrors the one-dimensional, format 'B' part of CPython 3.11's
// Objects/memoryobject.c. A view holds its exporter (a bytes or bytearray)
// and a [start, start + length) range of it; reading and writing go straight
// to the exporter's buffer, so
//
//     b = bytearray(b'abc'); m = memoryview(b); m[0] = 65   # b is now b'Abc'
//
// While the view is alive (not released) a bytearray exporter counts it in
// ob_exports and refuses to resize: the memory the view points at must not
// move. release() (or leaving a `with memoryview(...)` block) gives that
// back. Slices with a step other than 1 copy the selected bytes (CPython
// would make a strided view; the visible results are the same except that
// writes through such a slice do not reach the original).
#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/bytes_internal.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/iterobject.h"
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

MemoryViewObject* MV(Object* o) { return static_cast<MemoryViewObject*>(o); }

std::nullptr_t released_error(ThreadState* ts) {
    return raise(ts, ts->interp->exc.ValueError, "operation forbidden on released memoryview object");
}

// The view's bytes, or a ValueError when released.
bool view_of(ThreadState* ts, Object* self, std::string_view* out) {
    if (!MV(self)->mbuf) {
        released_error(ts);
        return false;
    }
    return bytes_like_view(self, out);
}

char* writable_data(Object* self) {
    auto* mv = MV(self);
    return as_bytearray(mv->mbuf)->data() + mv->start;
}

}  // namespace

bool is_memoryview(Object* o) {
    TypeObject* t = type_of(o)->interp->types.memoryview;
    return t && type_of(o) == t;
}

// A view of [start, start + length) of `exporter` (bytes or bytearray).
static Ref<> memoryview_make(ThreadState* ts, Object* exporter, isize start, isize length, bool readonly) {
    auto* mv = static_cast<MemoryViewObject*>(object_alloc(ts, ts->interp->types.memoryview, 0));
    if (!mv) return nullptr;
    mv->mbuf = newref(exporter).release();
    mv->start = start;
    mv->length = length;
    mv->readonly = readonly;
    mv->hash = -1;
    if (is_bytearray(exporter)) as_bytearray(exporter)->ob_exports++;
    ts->interp->gc.track(mv);
    return Ref<>::steal(mv);
}

Ref<> memoryview_new(ThreadState* ts, Object* obj) {
    if (is_memoryview(obj)) {
        auto* src = MV(obj);
        if (!src->mbuf) return released_error(ts);
        return memoryview_make(ts, src->mbuf, src->start, src->length, src->readonly);
    }
    if (is_bytes(obj)) return memoryview_make(ts, obj, 0, as_bytes(obj)->ob_size, true);
    if (is_bytearray(obj)) return memoryview_make(ts, obj, 0, as_bytearray(obj)->ob_size, false);
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("memoryview: a bytes-like object is required, not '") + type_name(obj) + "'");
}

static void memory_release_buffer(MemoryViewObject* mv) {
    Object* exporter = mv->mbuf;
    if (!exporter) return;
    mv->mbuf = nullptr;
    if (is_bytearray(exporter)) as_bytearray(exporter)->ob_exports--;
    decref(exporter);
}

static Ref<> memory_new_slot(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"object"};
    Object* a[1];
    if (!parse_kwargs(ts, "memoryview", names, 1, 1, 0, args, nargs, kwnames, a)) return nullptr;
    return memoryview_new(ts, a[0]);
}

static void memory_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    memory_release_buffer(MV(op));
    object_free(op);
}

static int memory_traverse(Object* op, visitproc visit, void* arg) {
    Object* b = MV(op)->mbuf;
    return b ? visit(b, arg) : 0;
}

static Ref<> memory_repr(ThreadState* ts, Object* self) {
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
    return str_from_utf8(ts, std::string(MV(self)->mbuf ? "<memory at " : "<released memory at ") + addr + ">");
}

static isize memory_length(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) { released_error(ts); return -1; }
    return MV(self)->length;
}

static Ref<> memory_item(ThreadState* ts, Object* self, isize i) {
    std::string_view v;
    if (!view_of(ts, self, &v)) return nullptr;
    if (i < 0) i += isize(v.size());
    if (i < 0 || i >= isize(v.size())) return raise(ts, ts->interp->exc.IndexError, "index out of bounds on dimension 1");
    return int_from_i64(ts, uint8_t(v[std::size_t(i)]));
}

static Ref<> memory_subscript(ThreadState* ts, Object* self, Object* key) {
    std::string_view v;
    if (!view_of(ts, self, &v)) return nullptr;
    auto* mv = MV(self);
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), mv->length, &start, &stop, &step, &n)) return nullptr;
        if (step == 1) return memoryview_make(ts, mv->mbuf, mv->start + start, n, mv->readonly);
        std::string out;
        for (isize i = 0, j = start; i < n; i++, j += step) out += v[std::size_t(j)];
        Ref<> copy = bytes_from_string(ts, out);
        if (!copy) return nullptr;
        return memoryview_make(ts, copy.get(), 0, n, true);
    }
    if (key == ts->interp->Ellipsis) return newref(self);
    isize i;
    if (!subscript_index(ts, key, "memoryview", &i)) return nullptr;
    return memory_item(ts, self, i);
}

static int memory_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
    std::string_view v;
    if (!view_of(ts, self, &v)) return -1;
    auto* mv = MV(self);
    if (mv->readonly) {
        raise(ts, ts->interp->exc.TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        raise(ts, ts->interp->exc.TypeError, "cannot delete memory");
        return -1;
    }
    if (is_slice(key)) {
        isize start, stop, step, n;
        if (!slice_indices(ts, as_slice(key), mv->length, &start, &stop, &step, &n)) return -1;
        std::string_view src;
        if (!need_bytes_like(ts, value, &src)) return -1;
        if (isize(src.size()) != n) {
            raise(ts, ts->interp->exc.ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        std::string copy(src);
        char* data = writable_data(self);
        for (isize i = 0, j = start; i < n; i++, j += step) data[j] = copy[std::size_t(i)];
        return 0;
    }
    isize i;
    if (!subscript_index(ts, key, "memoryview", &i)) return -1;
    if (i < 0) i += mv->length;
    if (i < 0 || i >= mv->length) {
        raise(ts, ts->interp->exc.IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    if (!is_int(value)) {
        raise(ts, ts->interp->exc.TypeError, "memoryview: invalid type for format 'B'");
        return -1;
    }
    int64_t b;
    if (!int_as_i64(value, &b) || b < 0 || b > 255) {
        raise(ts, ts->interp->exc.ValueError, "memoryview: invalid value for format 'B'");
        return -1;
    }
    writable_data(self)[i] = char(b);
    return 0;
}

// A view equals any buffer with the same bytes (format 'B' everywhere here).
static Ref<> memory_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (op != Py_EQ && op != Py_NE) return newref(ts->interp->NotImplemented);
    if (a == b) return bool_ref(ts, op == Py_EQ);
    if ((is_memoryview(a) && !MV(a)->mbuf) || (is_memoryview(b) && !MV(b)->mbuf)) return bool_ref(ts, op == Py_NE);
    std::string_view va, vb;
    if (!bytes_like_view(a, &va) || !bytes_like_view(b, &vb)) return newref(ts->interp->NotImplemented);
    return bool_ref(ts, (va == vb) == (op == Py_EQ));
}

static int64_t memory_hash(ThreadState* ts, Object* self) {
    auto* mv = MV(self);
    if (mv->hash != -1) return mv->hash;
    if (!mv->mbuf) { released_error(ts); return -1; }
    if (!mv->readonly) {
        raise(ts, ts->interp->exc.ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    std::string_view v;
    bytes_like_view(self, &v);
    Ref<> b = bytes_from_data(ts, v.data(), isize(v.size()));
    if (!b) return -1;
    mv->hash = bytes_hash(ts, b.get());
    return mv->hash;
}

// Iterating a view gives ints, through the old sequence protocol (sq_item).
static Ref<> memory_iter(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return seqiter_new(ts, self);
}

// ------------------------------------------------------------ methods and attributes

static bool no_args(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 0, 0);
}

static Ref<> m_tobytes(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_positional(ts, "tobytes", nargs, 0, 1)) return nullptr;
    (void)kw;
    std::string_view v;
    if (!view_of(ts, self, &v)) return nullptr;
    return bytes_from_data(ts, v.data(), isize(v.size()));
}

static Ref<> m_tolist(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "tolist", nargs, kw)) return nullptr;
    std::string_view v;
    if (!view_of(ts, self, &v)) return nullptr;
    Ref<ListObject> list = list_new(ts, isize(v.size()));
    if (!list) return nullptr;
    for (std::size_t i = 0; i < v.size(); i++) {
        Ref<> item = int_from_i64(ts, uint8_t(v[i]));
        if (!item) return nullptr;
        list->ob_item[i] = item.release();
    }
    return list;
}

static Ref<> m_hex(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    std::string_view v;
    if (!view_of(ts, self, &v)) return nullptr;
    Ref<> b = bytes_from_data(ts, v.data(), isize(v.size()));
    if (!b) return nullptr;
    Ref<> meth = object_getattr_cstr(ts, b.get(), "hex");
    if (!meth) return nullptr;
    return object_vectorcall(ts, meth.get(), args, nargs, kw);
}

static Ref<> m_release(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "release", nargs, kw)) return nullptr;
    memory_release_buffer(MV(self));
    return newref(ts->interp->None);
}

static Ref<> m_toreadonly(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "toreadonly", nargs, kw)) return nullptr;
    auto* mv = MV(self);
    if (!mv->mbuf) return released_error(ts);
    return memoryview_make(ts, mv->mbuf, mv->start, mv->length, true);
}

// cast('B') / cast('c'): the only formats a byte view has here.
static Ref<> m_cast(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"format", "shape"};
    Object* a[2];
    if (!parse_kwargs(ts, "cast", names, 2, 1, 0, args, nargs, kw, a)) return nullptr;
    if (!is_str(a[0])) return raise(ts, ts->interp->exc.TypeError, "memoryview: format argument must be a string");
    std::string_view f = str_utf8(a[0]);
    if (f != "B" && f != "b" && f != "c")
        return raise(ts, ts->interp->exc.ValueError, "memoryview: glasspy supports only byte formats ('B', 'b', 'c')");
    return memoryview_new(ts, self);
}

static Ref<> m_enter(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "__enter__", nargs, kw)) return nullptr;
    if (!MV(self)->mbuf) return released_error(ts);
    return newref(self);
}

static Ref<> m_exit(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    memory_release_buffer(MV(self));
    return newref(ts->interp->None);
}

// CPython 3.11's numbers: a 144-byte object plus 3 * ndim shape/stride/
// suboffset words (memory_sizeof via object.__sizeof__ with itemsize 8).
static Ref<> m_sizeof(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "__sizeof__", nargs, kw)) return nullptr;
    return int_from_i64(ts, 144 + 8 * 3);
}

static const MethodDef memory_methods[] = {
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {"release", m_release, METH_DEFAULT, "release($self, /)\n--\n\nRelease the underlying buffer exposed by the memoryview object."},
    {"tobytes", m_tobytes, METH_DEFAULT, "tobytes($self, /, order='C')\n--\n\nReturn the data in the buffer as a byte string."},
    {"hex", m_hex, METH_DEFAULT, "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nReturn the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", m_tolist, METH_DEFAULT, "tolist($self, /)\n--\n\nReturn the data in the buffer as a list of elements."},
    {"cast", m_cast, METH_DEFAULT, "cast($self, /, format, shape=<unrepresentable>)\n--\n\nCast a memoryview to a new format or shape."},
    {"toreadonly", m_toreadonly, METH_DEFAULT, "toreadonly($self, /)\n--\n\nReturn a readonly version of the memoryview."},
    {"__enter__", m_enter, METH_DEFAULT, nullptr},
    {"__exit__", m_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> get_obj(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return newref(MV(self)->mbuf);
}
static Ref<> get_nbytes(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return int_from_i64(ts, MV(self)->length);
}
static Ref<> get_readonly(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return bool_ref(ts, MV(self)->readonly);
}
static Ref<> get_itemsize(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return int_from_i64(ts, 1);
}
static Ref<> get_format(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return str_from_utf8(ts, "B");
}
static Ref<> get_ndim(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return int_from_i64(ts, 1);
}
static Ref<> one_tuple(ThreadState* ts, Object* self, isize v) {
    if (!MV(self)->mbuf) return released_error(ts);
    Ref<> n = int_from_i64(ts, v);
    if (!n) return nullptr;
    return tuple_pack(ts, {n.get()});
}
static Ref<> get_shape(ThreadState* ts, Object* self) { return one_tuple(ts, self, MV(self)->length); }
static Ref<> get_strides(ThreadState* ts, Object* self) { return one_tuple(ts, self, 1); }
static Ref<> get_contiguous(ThreadState* ts, Object* self) {
    if (!MV(self)->mbuf) return released_error(ts);
    return bool_ref(ts, true);
}

static const GetSetDef memory_getsets[] = {
    {"obj", get_obj, nullptr, "The underlying object of the memoryview."},
    {"nbytes", get_nbytes, nullptr, "The amount of space in bytes that the array would use in\n a contiguous representation."},
    {"readonly", get_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", get_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", get_format, nullptr, "A string containing the format (in struct module style)\n for each element in the view."},
    {"ndim", get_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."},
    {"shape", get_shape, nullptr, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."},
    {"strides", get_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."},
    {"c_contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {nullptr, nullptr, nullptr, nullptr},
};

bool init_memoryview_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.memoryview, "memoryview", sizeof(MemoryViewObject),
                                        TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->tp_dealloc = memory_dealloc;
    t->tp_traverse = memory_traverse;
    t->tp_repr = memory_repr;
    t->tp_hash = memory_hash;
    t->tp_richcompare = memory_richcompare;
    t->tp_new = memory_new_slot;
    t->tp_iter = memory_iter;
    t->tp_doc = "Create a new memoryview object which references the given object.";
    t->sequence_storage.sq_length = memory_length;
    t->sequence_storage.sq_item = memory_item;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = memory_length;
    t->mapping_storage.mp_subscript = memory_subscript;
    t->mapping_storage.mp_ass_subscript = memory_ass_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    return add_type_members(ts, t, memory_methods, memory_getsets);
}

}  // namespace gp
