// typeobject.h — type objects: the table of behaviour every object points to.
//
// Mirrors CPython 3.11's PyTypeObject (Include/cpython/object.h) and
// Objects/typeobject.c. A type is itself a Python object (of type `type`).
// Its slots are C++ function pointers, grouped like CPython's: the tp_* slots
// every type may fill, and number / sequence / mapping tables. A null slot
// means "not supported"; the generic protocol functions in abstract.h decide
// what error CPython gives then.
//
// Each Interpreter owns its own copies of every built-in type (ARCHITECTURE.md,
// decision 1): nothing about a type is shared between interpreters, so
// reference counts on `int` or `None` in one interpreter never race with
// another interpreter's threads.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

struct DictObject;
struct TupleObject;
struct StrObject;

// Slot signatures. Functions that can fail take the ThreadState (where the
// exception goes) and return a null Ref / -1 on error.
using destructor   = void (*)(Object* self);
using reprfunc     = Ref<> (*)(ThreadState* ts, Object* self);
using hashfunc     = int64_t (*)(ThreadState* ts, Object* self);          // -1: error
using richcmpfunc  = Ref<> (*)(ThreadState* ts, Object* a, Object* b, CompareOp op);
using unaryfunc    = Ref<> (*)(ThreadState* ts, Object* a);
using binaryfunc   = Ref<> (*)(ThreadState* ts, Object* a, Object* b);
using ternaryfunc  = Ref<> (*)(ThreadState* ts, Object* a, Object* b, Object* c);
using inquiry      = int (*)(ThreadState* ts, Object* self);              // -1: error
using lenfunc      = isize (*)(ThreadState* ts, Object* self);            // -1: error
using ssizeargfunc = Ref<> (*)(ThreadState* ts, Object* self, isize i);
using objobjproc   = int (*)(ThreadState* ts, Object* self, Object* key); // contains: -1 error
using objobjargproc = int (*)(ThreadState* ts, Object* self, Object* key, Object* value); // value null = delete
using getattrofunc = Ref<> (*)(ThreadState* ts, Object* self, Object* name);
using setattrofunc = int (*)(ThreadState* ts, Object* self, Object* name, Object* value); // value null = delete
using getiterfunc  = Ref<> (*)(ThreadState* ts, Object* self);
// Returns the next item, or null. Null with no exception set means exhausted
// (the StopIteration is implied, as CPython's tp_iternext does).
using iternextfunc = Ref<> (*)(ThreadState* ts, Object* self);
using descrgetfunc = Ref<> (*)(ThreadState* ts, Object* descr, Object* obj, Object* type);
using descrsetfunc = int (*)(ThreadState* ts, Object* descr, Object* obj, Object* value);
// The vectorcall protocol (PEP 590): positional args in args[0..nargs), then
// the values of keyword arguments whose names are in the tuple kwnames.
using vectorcallfunc = Ref<> (*)(ThreadState* ts, Object* callable, Object* const* args,
                                 isize nargs, TupleObject* kwnames);
using newfunc      = Ref<> (*)(ThreadState* ts, TypeObject* type, Object* const* args,
                               isize nargs, TupleObject* kwnames);
using initproc     = int (*)(ThreadState* ts, Object* self, Object* const* args,
                             isize nargs, TupleObject* kwnames);
// The cycle collector's view of an object's references (tp_traverse): call
// visit(child, arg) on every owned reference; a non-zero result stops the walk.
using visitproc    = int (*)(Object* child, void* arg);
using traverseproc = int (*)(Object* self, visitproc visit, void* arg);
using clearproc    = int (*)(Object* self);

struct NumberMethods {
    binaryfunc nb_add = nullptr, nb_subtract = nullptr, nb_multiply = nullptr,
               nb_remainder = nullptr, nb_divmod = nullptr;
    ternaryfunc nb_power = nullptr;
    unaryfunc nb_negative = nullptr, nb_positive = nullptr, nb_absolute = nullptr;
    inquiry nb_bool = nullptr;
    unaryfunc nb_invert = nullptr;
    binaryfunc nb_lshift = nullptr, nb_rshift = nullptr, nb_and = nullptr,
               nb_xor = nullptr, nb_or = nullptr;
    unaryfunc nb_int = nullptr, nb_float = nullptr;
    binaryfunc nb_inplace_add = nullptr, nb_inplace_subtract = nullptr,
               nb_inplace_multiply = nullptr, nb_inplace_remainder = nullptr;
    ternaryfunc nb_inplace_power = nullptr;
    binaryfunc nb_inplace_lshift = nullptr, nb_inplace_rshift = nullptr,
               nb_inplace_and = nullptr, nb_inplace_xor = nullptr, nb_inplace_or = nullptr;
    binaryfunc nb_floor_divide = nullptr, nb_true_divide = nullptr,
               nb_inplace_floor_divide = nullptr, nb_inplace_true_divide = nullptr;
    unaryfunc nb_index = nullptr;
    binaryfunc nb_matrix_multiply = nullptr, nb_inplace_matrix_multiply = nullptr;
};

struct SequenceMethods {
    lenfunc sq_length = nullptr;
    binaryfunc sq_concat = nullptr;
    ssizeargfunc sq_repeat = nullptr;
    ssizeargfunc sq_item = nullptr;
    objobjproc sq_contains = nullptr;
    binaryfunc sq_inplace_concat = nullptr;
    ssizeargfunc sq_inplace_repeat = nullptr;
};

struct MappingMethods {
    lenfunc mp_length = nullptr;
    binaryfunc mp_subscript = nullptr;
    objobjargproc mp_ass_subscript = nullptr;
};

// Type flags, as CPython's Py_TPFLAGS_* where they mean the same thing.
enum TypeFlags : uint64_t {
    TPFLAGS_HEAPTYPE        = 1ull << 9,   // created by a class statement
    TPFLAGS_BASETYPE        = 1ull << 10,  // may be subclassed
    TPFLAGS_HAVE_GC         = 1ull << 14,  // instances carry a GC header
    TPFLAGS_LONG_SUBCLASS   = 1ull << 24,
    TPFLAGS_LIST_SUBCLASS   = 1ull << 25,
    TPFLAGS_TUPLE_SUBCLASS  = 1ull << 26,
    TPFLAGS_BYTES_SUBCLASS  = 1ull << 27,
    TPFLAGS_UNICODE_SUBCLASS = 1ull << 28,
    TPFLAGS_DICT_SUBCLASS   = 1ull << 29,
    TPFLAGS_BASE_EXC_SUBCLASS = 1ull << 30,
    TPFLAGS_TYPE_SUBCLASS   = 1ull << 31,
};

struct TypeObject : VarObject {
    Interpreter* interp;             // the interpreter that owns this type (borrowed)
    std::string tp_name;             // "int", "module.Class" for heap types' __module__ display
    isize tp_basicsize = 0;          // bytes of an instance, without GC header
    isize tp_itemsize = 0;           // bytes per inline item (tuples, ints)
    uint64_t tp_flags = 0;

    destructor tp_dealloc = nullptr;
    reprfunc tp_repr = nullptr;
    reprfunc tp_str = nullptr;
    hashfunc tp_hash = nullptr;
    vectorcallfunc tp_call = nullptr;     // calling an instance
    getattrofunc tp_getattro = nullptr;
    setattrofunc tp_setattro = nullptr;
    richcmpfunc tp_richcompare = nullptr;
    getiterfunc tp_iter = nullptr;
    iternextfunc tp_iternext = nullptr;
    descrgetfunc tp_descr_get = nullptr;
    descrsetfunc tp_descr_set = nullptr;
    newfunc tp_new = nullptr;
    initproc tp_init = nullptr;
    traverseproc tp_traverse = nullptr;
    clearproc tp_clear = nullptr;
    vectorcallfunc tp_vectorcall = nullptr;  // calling the type itself (fast construction)

    NumberMethods* tp_as_number = nullptr;     // owned by the type (see type_dealloc)
    SequenceMethods* tp_as_sequence = nullptr;
    MappingMethods* tp_as_mapping = nullptr;

    TypeObject* tp_base = nullptr;   // owned
    TupleObject* tp_bases = nullptr; // owned
    TupleObject* tp_mro = nullptr;   // owned; method resolution order, self first
    DictObject* tp_dict = nullptr;   // owned; the class namespace (__dict__)
    isize tp_dictoffset = 0;         // where an instance keeps its __dict__ pointer, 0 = none
    isize tp_weaklistoffset = 0;     // where an instance keeps its weakref list, 0 = none
    std::string tp_doc;

    NumberMethods number_storage;    // backing store for tp_as_number of built-in types
    SequenceMethods sequence_storage;
    MappingMethods mapping_storage;
};

inline bool type_has_flag(const TypeObject* t, uint64_t f) { return (t->tp_flags & f) != 0; }

// True if `sub` is `base` or derives from it (walks the MRO).
bool type_is_subtype(TypeObject* sub, TypeObject* base);
inline bool isinstance_exact(const Object* o, const TypeObject* t) { return o->ob_type == t; }
inline bool isinstance_of(Object* o, TypeObject* t) {
    return o->ob_type == t || type_is_subtype(o->ob_type, t);
}

// Looks `name` up along the type's MRO without invoking descriptors
// (CPython's _PyType_Lookup). Returns a borrowed reference or null.
Object* type_lookup(TypeObject* type, Object* name);
Object* type_lookup(TypeObject* type, const char* name);

// Creates a built-in (static-like) type owned by `interp`. `base` may be null
// for `object` itself. The caller fills slots, then calls type_ready().
TypeObject* type_new_builtin(Interpreter& interp, const char* name, isize basicsize,
                             isize itemsize, TypeObject* base, uint64_t flags);
// Finishes a type: inherits slots from the base, computes the MRO, fills
// __dict__ with wrappers for its slots. Returns false with an error set.
bool type_ready(ThreadState* ts, TypeObject* type);

}  // namespace gp
