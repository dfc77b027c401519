// tracing.h — sys.settrace and sys.setprofile: the hooks debuggers,
// coverage tools and teaching tracers use to watch a program run.
//
// Mirrors CPython 3.11 (Python/ceval.c: call_trace, maybe_call_line_trace,
// call_exc_trace, the DO_TRACING opcode; Python/sysmodule.c: trace_trampoline,
// profile_trampoline). While a thread has a trace or profile function its
// ThreadState::use_tracing is 255, and the eval loop ORs it into every
// opcode it dispatches, so each instruction lands on the DO_TRACING case
// (opcode 255) before running: no extra branch when nobody traces.
//
// The events, as CPython delivers them:
//   'call'       a frame starts, or a generator/coroutine resumes; sent to the
//                global trace function, whose return value becomes the frame's
//                local trace function (frame.f_trace; None = do not trace it)
//   'line'       a new line starts, or a jump goes backwards (a loop)
//   'return'     the frame returns or yields (arg: the value), or an
//                exception leaves it (arg: None)
//   'exception'  an exception was raised in the frame (arg: (type, value, tb))
//   'opcode'     every instruction, when frame.f_trace_opcodes is set
// 'line', 'return', 'exception' and 'opcode' go to frame.f_trace. The
// profile function gets 'call' and 'return' for every frame, and 'c_call',
// 'c_return' and 'c_exception' around calls of built-in functions.
// While a hook runs, its thread is not traced.
#pragma once

#include "objects/object.h"

namespace gp {

struct Frame;

// sys.settrace(func) / sys.setprofile(func) for `ts` (None or null: off).
void set_trace_function(ThreadState* ts, Object* func);
void set_profile_function(ThreadState* ts, Object* func);

// The events, called by the eval loop only while ts->use_tracing. Each
// returns false with an exception set when the hook raised (the hook is then
// removed, as CPython does).
bool trace_call_event(ThreadState* ts, Frame* f);
bool trace_instruction(ThreadState* ts, Frame* f);
bool trace_return_event(ThreadState* ts, Frame* f, Object* value);
// The pending exception stays pending unless the hook raises another.
void trace_exception_event(ThreadState* ts, Frame* f);
// Around a call of a built-in function object from Python code.
bool profile_c_call(ThreadState* ts, Frame* f, Object* callable);
bool profile_c_return(ThreadState* ts, Frame* f, Object* callable, bool failed);

}  // namespace gp
