// genericaliasobject.h — types.GenericAlias: what `list[int]` evaluates to
// (PEP 585).
//
// Mirrors CPython 3.11's Objects/genericaliasobject.c. Subscripting a
// built-in container class calls its __class_getitem__, which wraps the
// class (the origin) and the subscript (the arguments) in a GenericAlias. The
// alias stands in for its origin almost everywhere: calling it makes an
// instance of the origin, attribute lookups other than its own few
// (__origin__, __args__, __parameters__, ...) go to the origin, and a class
// statement that lists it as a base gets the origin (__mro_entries__). It
// refuses isinstance()/issubclass(), since a parameterized type is not a
// runtime check. Subscripting an alias that has type variables substitutes
// them: dict[str, T][int] is dict[str, int].
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;

struct GenericAliasObject : Object {
    Object* origin;             // owned: the class subscripted (list)
    TupleObject* args;          // owned: the subscript, always a tuple
    TupleObject* parameters;    // owned, computed on first use: the type variables in args; may be null
    bool starred;               // *tuple[int, ...] (PEP 646 unpacking)
};

bool is_generic_alias(Object* o);

// GenericAlias(origin, args): `args` may be a single object or a tuple.
Ref<> generic_alias_new(ThreadState* ts, Object* origin, Object* args);

// The __class_getitem__ that list, dict, tuple, set, ... share
// (Py_GenericAlias bound as a classmethod).
extern const struct MethodDef kGenericAliasClassGetitem[];

bool init_generic_alias_type(ThreadState* ts);

}  // namespace gp
