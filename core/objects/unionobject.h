// unionobject.h — types.UnionType: what `int | str` evaluates to (PEP 604).
//
// Mirrors CPython 3.11's Objects/unionobject.c. `X | Y` on two classes goes
// to type's nb_or slot, which builds a union when both operands are
// "unionable" (a class, None, or another union) and returns NotImplemented
// otherwise, so typing's own objects (TypeVar, typing.List[int]) get to
// answer through their __ror__. The union keeps its members flattened and
// deduplicated in __args__ (None stored as NoneType); a union of one member
// collapses to that member (`int | int` is `int`). isinstance() and
// issubclass() treat a union like the tuple of its __args__ (abstract.c's
// object_recursive_isinstance).
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;

struct UnionObject : Object {
    TupleObject* args;          // owned; flattened, deduplicated members
    TupleObject* parameters;    // owned, lazily computed __parameters__; may be null
};

bool is_union(Object* o);
// The members of a union (borrowed).
TupleObject* union_args(Object* u);

// type.__or__ / UnionType.__or__: `a | b`, or NotImplemented when either
// operand cannot take part in a union.
Ref<> union_type_or(ThreadState* ts, Object* a, Object* b);

bool init_union_type(ThreadState* ts);

}  // namespace gp
