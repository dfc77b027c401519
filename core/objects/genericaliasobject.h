// genericaliasobject.h — types.GenericAlias: what `list[int]` evaluates to
// (PEP 585).
//
// Mirrors CPython 3.11's Objects/genericaliasobject.c. Subscripting a class
// that has __class_getitem__ returning GenericAlias(cls, item) records the
// origin (list) and the arguments ((int,)). The alias prints as list[int],
// calls through to its origin (list[int]() is []), is a base-class stand-in
// through __mro_entries__, forwards other attributes to the origin, and
// substitutes type variables: list[T][int] is list[int].
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

struct TupleObject;

struct GenericAliasObject : Object {
    Object* origin;            // owned: the class subscripted
    TupleObject* args;         // owned: the arguments, always a tuple
    TupleObject* parameters;   // owned, computed on first use; may be null
    Object* weakreflist;       // head of the weak-reference list, borrowed
};

bool is_generic_alias(Object* o);
// GenericAlias(origin, args); a non-tuple `args` becomes a 1-tuple.
Ref<> generic_alias_new(ThreadState* ts, Object* origin, Object* args);
// union_repr_item / ga_repr_item: how a class or alias prints inside
// `list[...]` or `int | ...` (appends to out; false with an error set).
bool type_repr_item(ThreadState* ts, Object* p, std::string& out);

// _Py_make_parameters: the type variables among `args` (and inside aliases
// among them), first appearance first; classes are skipped.
Ref<TupleObject> make_type_parameters(ThreadState* ts, TupleObject* args);
// _Py_subs_parameters: `args` with each of `params` replaced by the
// matching element of `item` (self is only for messages).
Ref<TupleObject> subs_type_parameters(ThreadState* ts, Object* self, TupleObject* args, TupleObject* params,
                                      Object* item);

// Gives a built-in class `__class_getitem__ = classmethod(GenericAlias)`,
// as CPython's generic C types have (collections.deque[int]).
bool type_add_class_getitem(ThreadState* ts, TypeObject* type);

bool init_generic_alias_type(ThreadState* ts);

}  // namespace gp
