// descrobject.h — descriptors that expose C++ methods and fields of built-in
// types to Python: method_descriptor (`list.append`), getset_descriptor
// (`int.real`, `BaseException.args`), classmethod_descriptor; and the
// descriptors of classes: member_descriptor (`__slots__`), wrapper_descriptor
// and method-wrapper (`int.__add__`, `(1).__add__`), property, classmethod,
// staticmethod and super (descrobject.cpp, typeobject_slots.cpp).
//
// Mirrors CPython 3.11's Objects/descrobject.c. Looking up `[].append`
// finds the method_descriptor in list.__dict__; its __get__ binds it to the
// instance, giving a builtin_function_or_method. The eval loop's
// LOAD_METHOD skips that binding for the common `obj.method(...)` call.
#pragma once

#include "objects/methodobject.h"
#include "objects/object.h"

namespace gp {

using getter = Ref<> (*)(ThreadState* ts, Object* self);
using setter = int (*)(ThreadState* ts, Object* self, Object* value);   // value null = delete

struct GetSetDef {
    const char* name;
    getter get;
    setter set;          // null = read-only
    const char* doc;
};

struct MethodDescrObject : Object {
    const MethodDef* def;    // static table entry
    TypeObject* d_type;      // owned: the class that defines it
};

struct GetSetDescrObject : Object {
    const GetSetDef* def;
    TypeObject* d_type;      // owned
};

bool type_add_getsets(ThreadState* ts, TypeObject* type, const GetSetDef* defs);
bool init_descr_types(ThreadState* ts);

// ---- descriptors of classes (descrobject.cpp) ----

// A field of the instance: a `__slots__` entry or a MemberDef of a built-in
// type. `C.x` is the descriptor; `c.x` reads the field.
struct MemberDescrObject : Object {
    TypeObject* d_type;      // owned: the class that defines the field
    Object* d_name;          // owned str
    int type;                // MemberType
    isize offset;            // see instance_slot_ptr
    int flags;               // MemberFlags
    const char* doc;         // static text or null
};
Ref<> member_descr_new(ThreadState* ts, TypeObject* type, Object* name, int member_type, isize offset,
                       int flags, const char* doc);

// One row of the slot table (CPython's slotdef, typeobject_slots.cpp):
// the special method `name` corresponds to one C++ slot of TypeObject.
struct SlotDef;
using AnySlot = void (*)();   // a slot function of any signature; cast back before calling
// Calls a wrapped slot function with Python arguments (CPython's wrapperfunc).
using wrapperfunc = Ref<> (*)(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                              TupleObject* kwnames, AnySlot wrapped, const SlotDef* def);
struct SlotDef {
    const char* name;        // "__add__"
    int slot;                // which TypeObject slot (SlotId in typeobject_slots.cpp)
    AnySlot generic;         // the slot function that calls the Python method, or null
    wrapperfunc wrapper;     // how `int.__add__(1, 2)` calls the C++ slot, or null
    int arg;                 // extra argument for the wrapper (the CompareOp of __lt__...)
    const char* doc;
};

// `int.__add__`: a C++ slot function seen from Python. Binding it to an
// instance gives a method-wrapper, `(1).__add__`.
struct WrapperDescrObject : Object {
    TypeObject* d_type;      // owned: the type whose slot it is
    const SlotDef* d_base;   // static table row
    AnySlot d_wrapped;       // the slot function
};
struct MethodWrapperObject : Object {
    WrapperDescrObject* descr;   // owned
    Object* self;                // owned
};
Ref<> wrapper_descr_new(ThreadState* ts, TypeObject* type, const SlotDef* base, AnySlot wrapped);
// Calls a wrapper descriptor's slot for `self` (type already checked).
Ref<> wrapper_descr_call_bound(ThreadState* ts, WrapperDescrObject* d, Object* self, Object* const* args,
                               isize nargs, TupleObject* kwnames);

struct PropertyObject : Object {
    Object* fget;            // owned, may be null
    Object* fset;            // owned, may be null
    Object* fdel;            // owned, may be null
    Object* doc;             // owned, may be null
    Object* name;            // owned, may be null: set by __set_name__, used in messages
    bool getter_doc;         // doc was taken from fget.__doc__
};

// classmethod and staticmethod objects share a layout (CPython's classmethod
// and staticmethod structs are identical): the callable plus an instance
// __dict__ that receives __name__, __doc__, __wrapped__, ... (3.10+).
struct ClassMethodObject : Object {
    Object* cm_callable;     // owned
    Object* cm_dict;         // owned, may be null
};
Ref<> classmethod_new(ThreadState* ts, Object* callable);
Ref<> staticmethod_new(ThreadState* ts, Object* callable);

struct SuperObject : Object {
    TypeObject* type;        // owned, may be null before __init__: search starts after it
    Object* obj;             // owned, may be null (unbound super)
    TypeObject* obj_type;    // owned, may be null: type(obj), or obj if it is a class
};

// What `super(start, obj).name` finds: `name` looked up along obj_type's
// MRO after `start`, bound to obj (or unbound when obj is obj_type itself).
// AttributeError when absent.
Ref<> super_lookup(ThreadState* ts, TypeObject* start, Object* obj, TypeObject* obj_type, Object* name);

// Fills the type objects above (called from init_type_type, before any
// type is ready).
bool init_class_descr_types(ThreadState* ts);

// types.MappingProxyType(mapping): a read-only view of `mapping`
// (mappingproxy.cpp). TypeError unless it is a mapping.
Ref<> mappingproxy_new(ThreadState* ts, Object* mapping);
bool init_mappingproxy_type(ThreadState* ts);

}  // namespace gp
