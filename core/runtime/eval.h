// eval.h — running bytecode.
#pragma once

#include "objects/object.h"

namespace gp {

struct CodeObject;
struct DictObject;
struct TupleObject;

// Runs module-level (or exec'd) code with the given namespaces.
Ref<> eval_code(ThreadState* ts, CodeObject* code, DictObject* globals, Object* locals);
// Runs the body of a class statement: the function made from the class
// body's code, executed with `ns` as its local namespace (what
// builtins.__build_class__ does). Returns the body's return value: the
// __class__ cell when methods use super()/__class__, else None.
Ref<> eval_class_body(ThreadState* ts, Object* func, Object* ns);
// Resumes a generator's frame (or throws into it when `throwing`, with the
// exception already set). Returns the yielded or returned value, or null.
struct Frame;
Ref<> eval_generator_frame(ThreadState* ts, Frame* f, bool throwing);
// tp_call of Python functions: binds the arguments to a new frame and runs it.
Ref<> function_call(ThreadState* ts, Object* func, Object* const* args, isize nargs,
                    TupleObject* kwnames);

// A thread that will never run again (a daemon thread stopped for good when
// its interpreter finalizes, gil.h) still owns its frames. This releases
// them from the innermost out, as if each had returned, on behalf of the
// calling thread, which holds the GIL. A frame stopped inside a C function
// call or at the eval breaker gives up its value stack too; one stopped
// elsewhere in an instruction keeps that instruction's operands (they stay
// allocated until the heap goes, as CPython leaves all of a daemon
// thread's frames).
void release_abandoned_frames(ThreadState* abandoned);

}  // namespace gp
