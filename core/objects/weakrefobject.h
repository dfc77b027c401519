// weakrefobject.h — weak references: pointers to an object that do not keep
// it alive, and learn when it dies.
//
// Mirrors CPython 3.11's Include/cpython/weakrefobject.h and
// Objects/weakrefobject.c. An object whose type allows weak references has
// one extra field, found at tp_weaklistoffset, holding the head of a doubly
// linked list of the weak references to it:
//
//     obj ──(weaklist)──▶ ref#1 ⇄ ref#2 ⇄ proxy#3 ⇄ ...
//      ▲                   │        │       │
//      └──── wr_object ────┴────────┴───────┘   (borrowed: not counted)
//
// The list is kept in a fixed order so weakref.ref(obj) can hand out one
// shared object: the basic ref (exact ReferenceType, no callback) is first,
// the basic proxy next, everything else after them.
//
// When obj's count reaches zero, dealloc() calls clear_weakrefs(obj) before
// the type's tp_dealloc (or after __del__, for types with a finalizer): each
// reference is cleared (wr_object = null, so calling it returns None) and
// unlinked, and then the callbacks run with the dead reference as argument.
// The cycle collector does the same for objects that die in a cycle, but
// clears *every* weak reference to the garbage before calling any callback
// (handle_weakrefs in collector.cpp), so no callback can reach garbage.
#pragma once

#include "objects/object.h"

namespace gp {

struct WeakRefObject : Object {
    Object* wr_object;          // the referent (borrowed: weak!); null once it died
    Object* wr_callback;        // owned, may be null: called with this ref when the referent dies
    int64_t hash;               // the referent's hash once computed, else -1
    WeakRefObject* wr_prev;     // neighbours in the referent's weak-reference list (borrowed)
    WeakRefObject* wr_next;
};

// The tp_weaklistoffset of a type whose instances are T, from the list
// field: weaklist_offset(&SetObject::weakreflist). (offsetof is only
// conditionally supported on structs that extend Object.)
template <class T>
isize weaklist_offset(Object* T::*field) {
    alignas(T) unsigned char probe[sizeof(T)];
    T* p = reinterpret_cast<T*>(probe);
    return reinterpret_cast<char*>(&(p->*field)) - reinterpret_cast<char*>(p);
}

// _PyType_SUPPORTS_WEAKREFS: instances have a weak-reference list.
bool type_supports_weakrefs(TypeObject* type);
// Where `o` keeps the head of its list (null if its type has none).
WeakRefObject** weaklist_ptr(Object* o);

// weakref.ref(ob, callback) / weakref.proxy(ob, callback); callback may be
// null or None. TypeError "cannot create weak reference to 'int' object".
Ref<> weakref_new(ThreadState* ts, Object* ob, Object* callback);
Ref<> weakproxy_new(ThreadState* ts, Object* ob, Object* callback);
// Any weak reference object (ref, a subclass of ref, or a proxy).
bool is_weakref(Object* o);
// The referent (borrowed) or null if it died.
inline Object* weakref_object(Object* ref) { return static_cast<WeakRefObject*>(ref)->wr_object; }

// PyObject_ClearWeakRefs: `o` (count 0) is about to be freed. Clears every
// weak reference to it and calls their callbacks (errors are reported as
// unraisable). Cheap when the list is empty.
void clear_weakrefs(Object* o);
// _PyWeakref_ClearRef: makes `ref` dead and unlinks it, keeping its
// callback (the collector decides whether to call it).
void weakref_clear_ref(WeakRefObject* ref);
// weakref.getweakrefcount(o).
isize weakref_count(Object* o);

// Creates the three weakref types on first use (kept in GCState).
bool init_weakref_types(ThreadState* ts);

}  // namespace gp
