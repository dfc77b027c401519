// eval.h — running bytecode.
#pragma once

#include "objects/object.h"

namespace gp {

struct CodeObject;
struct DictObject;
struct TupleObject;

// Runs module-level (or exec'd) code with the given namespaces.
Ref<> eval_code(ThreadState* ts, CodeObject* code, DictObject* globals, Object* locals);
// tp_call of Python functions: binds the arguments to a new frame and runs it.
Ref<> function_call(ThreadState* ts, Object* func, Object* const* args, isize nargs,
                    TupleObject* kwnames);

}  // namespace gp
