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
#include <vector>

#include "objects/object.h"

namespace gp {

struct DictObject;
struct DictKeys;     // dict_internal.h
struct TupleObject;
struct StrObject;
struct MethodDef;    // methodobject.h
struct GetSetDef;    // descrobject.h
struct MemberDef;    // below

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
// tp_finalize (PEP 442): runs __del__ before the object is freed. It may
// resurrect the object; it must leave no exception set.
using finalizefunc = void (*)(ThreadState* ts, Object* self);

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
    // The instance __dict__ is "managed": CPython 3.11 keeps it in a two-word
    // pre-header in front of the object, so sys.getsizeof adds 16 bytes for
    // it. Here the dict pointer is an ordinary slot at tp_dictoffset; the
    // flag only records what CPython's layout would be (see CPythonLayout).
    TPFLAGS_MANAGED_DICT    = 1ull << 4,
    TPFLAGS_SEQUENCE        = 1ull << 5,   // matches sequence patterns (match/case)
    TPFLAGS_MAPPING         = 1ull << 6,   // matches mapping patterns (match/case)
    TPFLAGS_HEAPTYPE        = 1ull << 9,   // created by a class statement
    TPFLAGS_BASETYPE        = 1ull << 10,  // may be subclassed
    TPFLAGS_READY           = 1ull << 12,  // type_ready() has finished
    TPFLAGS_READYING        = 1ull << 13,  // type_ready() is running
    TPFLAGS_HAVE_GC         = 1ull << 14,  // instances carry a GC header
    TPFLAGS_IS_ABSTRACT     = 1ull << 20,  // has abstract methods: cannot be instantiated
    TPFLAGS_LONG_SUBCLASS   = 1ull << 24,
    TPFLAGS_LIST_SUBCLASS   = 1ull << 25,
    TPFLAGS_TUPLE_SUBCLASS  = 1ull << 26,
    TPFLAGS_BYTES_SUBCLASS  = 1ull << 27,
    TPFLAGS_UNICODE_SUBCLASS = 1ull << 28,
    TPFLAGS_DICT_SUBCLASS   = 1ull << 29,
    TPFLAGS_BASE_EXC_SUBCLASS = 1ull << 30,
    TPFLAGS_TYPE_SUBCLASS   = 1ull << 31,
};

// A field exposed as a descriptor (CPython's PyMemberDef): `__slots__`
// entries of classes, and plain fields of built-in types.
enum MemberType : int {
    MEMBER_OBJECT,       // Object* that reads as None when null (T_OBJECT)
    MEMBER_OBJECT_EX,    // Object* that raises AttributeError when null (T_OBJECT_EX)
    MEMBER_ISIZE,        // isize, read-only as an int
};
enum MemberFlags : int { MEMBER_READONLY = 1 };
struct MemberDef {
    const char* name;
    int type;            // MemberType
    isize offset;        // where the field lives (see instance_slot_ptr)
    int flags;           // MemberFlags
    const char* doc;
};

// What CPython 3.11 on 64-bit Linux would have for this type: the numbers
// behind `__basicsize__`, `object.__sizeof__()` and therefore
// `sys.getsizeof()`, and the layout rules of class creation (may a subclass
// add a __weakref__ slot? is the base variable-sized?). They are computed,
// never taken from sizeof() of our structs, so a learner sees CPython's
// numbers in the 32-bit wasm build too.
struct CPythonLayout {
    isize basicsize = 0;        // tp_basicsize
    isize itemsize = 0;         // tp_itemsize
    isize dictoffset = 0;       // tp_dictoffset as __dictoffset__ shows it
    isize weaklistoffset = 0;   // tp_weaklistoffset (0: no weak references)
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

    NumberMethods number_storage;    // backing store for tp_as_number (built-in and heap types)
    SequenceMethods sequence_storage;
    MappingMethods mapping_storage;

    // ---- classes (typeobject.cpp, typeobject_slots.cpp) ----
    finalizefunc tp_finalize = nullptr;      // __del__ (heap types: slot_tp_finalize)
    const MethodDef* tp_methods = nullptr;   // static tables type_ready() adds to tp_dict
    const MemberDef* tp_members = nullptr;   //   (null-name terminated), as CPython's
    const GetSetDef* tp_getset = nullptr;    //   tp_methods / tp_members / tp_getset
    Object* ht_name = nullptr;        // heap types: __name__ (owned str); tp_name mirrors it
    Object* ht_qualname = nullptr;    // heap types: __qualname__ (owned str)
    TupleObject* ht_slots = nullptr;  // heap types: mangled, sorted __slots__ names (owned), or null
    isize ht_slotoffset = 0;          // heap types: layout offset of the first __slots__ field
                                      //   (field i is at ht_slotoffset + i * sizeof(Object*))
    DictKeys* ht_cached_keys = nullptr;  // classes with a managed __dict__: the key table their
                                         //   instances' split dicts share (one reference; dictobject.h)
    CPythonLayout cpython;            // CPython 3.11's numbers for this type (see above)
    // Direct subclasses, for __subclasses__() and slot updates (borrowed:
    // a subclass removes itself from its bases' lists when it is freed).
    std::vector<TypeObject*> tp_subclasses;
    // Head of the list of weak references to this type object
    // (weakrefobject.h), borrowed; `type` points tp_weaklistoffset here.
    Object* tp_weaklist = nullptr;
    // Instances of this type alive now (allocated minus freed; type objects
    // count as instances of their metatype). The heap snapshot reads it.
    isize tp_live = 0;
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

// Memory for one type object, with its GC header (untracked) in front;
// the TypeObject is constructed, every field at its default.
TypeObject* type_alloc(Interpreter& interp);

// Creates a built-in (static-like) type owned by `interp`. `base` may be null
// for `object` itself. The caller fills slots, then calls type_ready().
TypeObject* type_new_builtin(Interpreter& interp, const char* name, isize basicsize,
                             isize itemsize, TypeObject* base, uint64_t flags);
// Finishes a type: inherits slots from the base, computes the MRO, fills
// __dict__ with wrappers for its slots. Returns false with an error set.
bool type_ready(ThreadState* ts, TypeObject* type);

// ---- classes (heap types) ----

// `type(name, bases, dict, **kwds)`: creates a class (typeobject_new.cpp).
Ref<> type_new(ThreadState* ts, TypeObject* metatype, Object* const* args, isize nargs,
               TupleObject* kwnames);
// The C3 linearisation of a class's bases (type.mro()); TypeError when the
// bases admit no consistent order.
Ref<TupleObject> mro_implementation(ThreadState* ts, TypeObject* type);
// The metaclass a class with these bases gets: the most derived of
// `metatype` and the bases' metaclasses ("metaclass conflict" otherwise).
TypeObject* calculate_metaclass(ThreadState* ts, TypeObject* metatype, TupleObject* bases);

// __qualname__ (heap types) or tp_name (built-in types), and __module__
// ("builtins" for built-in types), as type_repr and object_repr show them.
std::string type_qualname(TypeObject* type);
std::string type_module_name(ThreadState* ts, TypeObject* type);

// Where the instance field at layout offset `offset` lives. Offsets below
// the first variable-sized base's size are plain byte offsets; a class
// derived from a variable-sized type (int, tuple, str) keeps its own fields
// after the items, as CPython's negative tp_dictoffset does.
Object** instance_slot_ptr(Object* o, isize offset);
// The instance __dict__ slot of any object (null if its type has none),
// also for subclasses of int/tuple/str/bytes; object_dict_ptr is this.
Object** instance_dict_ptr(Object* o);

// What sys.getsizeof adds to __sizeof__() in CPython 3.11
// (_PyType_PreHeaderSize): 16 for the GC header of container objects, 16
// more when the instance dict is managed.
isize type_preheader_size(TypeObject* type);

// Special-method lookup on the type (CPython's _PyObject_LookupSpecial /
// lookup_maybe_method): the attribute of type(o) named `name`, bound to o
// through its __get__. Null without an error set when absent.
Ref<> lookup_special(ThreadState* ts, Object* o, Object* name);
// Calls the special method `name` of o (looked up on its type) with args;
// *found is false, and null returned with no error, when it is absent.
Ref<> call_special(ThreadState* ts, Object* o, Object* name, Object* const* args, isize nargs,
                   bool* found);
// isinstance(inst, cls) and issubclass(derived, cls) with CPython's rules:
// tuples of classes, a metaclass's __instancecheck__/__subclasscheck__
// (abc), and __class__/__bases__ for objects that only act like classes.
// 1, 0, or -1 with an error set (abstract.c: PyObject_IsInstance,
// PyObject_IsSubclass).
int object_isinstance(ThreadState* ts, Object* inst, Object* cls);
int object_issubclass(ThreadState* ts, Object* derived, Object* cls);
// callable(*args, **kwargs) where kwargs is a dict (or null).
Ref<> call_with_kwdict(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                       DictObject* kwargs);

// Slot machinery (typeobject_slots.cpp): CPython's add_operators (wrapper
// descriptors for a built-in type's C++ slots), fixup_slot_dispatchers (C++
// slots that call a class's Python methods) and update_slot (after
// `C.__add__ = f`, for C and its subclasses).
bool add_operators(ThreadState* ts, TypeObject* type);
void fixup_slot_dispatchers(ThreadState* ts, TypeObject* type);
void update_slot(ThreadState* ts, TypeObject* type, Object* name);
// The wrapped C++ function of a wrapper descriptor, or null if `descr` is
// not one (used to recognise object.__getattribute__ and friends).
void* wrapper_descr_wrapped(Object* descr);

// Heap-type instances (typeobject.cpp): dealloc runs __del__ first (and
// survives resurrection), then clears slots and dict; traverse and clear
// visit the same fields.
void subtype_dealloc(Object* self);
int subtype_traverse(Object* self, visitproc visit, void* arg);
int subtype_clear(Object* self);

}  // namespace gp
