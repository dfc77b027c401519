// tupleobject.h — tuple: an immutable array of references stored inline.
// Mirrors CPython 3.11's Objects/tupleobject.c (the empty tuple is a singleton).
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace gp {

struct TupleObject : VarObject {
    Object* ob_item[1];    // ob_size owned references (null only while being filled)
};

bool is_tuple(Object* o);
inline TupleObject* as_tuple(Object* o) { return static_cast<TupleObject*>(o); }
inline isize tuple_size(const TupleObject* t) { return t->ob_size; }

// A tuple of n empty slots for the caller to fill with owned references.
Ref<TupleObject> tuple_new(ThreadState* ts, isize n);
// A tuple of new references to `items` (borrowed).
Ref<TupleObject> tuple_pack(ThreadState* ts, std::initializer_list<Object*> items);
Ref<TupleObject> tuple_from_array(ThreadState* ts, Object* const* items, isize n);

bool init_tuple_type(ThreadState* ts);

}  // namespace gp
