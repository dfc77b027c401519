// build_class.h — builtins.__build_class__, what a `class` statement calls.
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;

// __build_class__(func, name, /, *bases, metaclass=None, **kwds)
Ref<> builtin_build_class(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames);

}  // namespace gp
