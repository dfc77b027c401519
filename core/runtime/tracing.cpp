// tracing.cpp — see tracing.h.
#include "runtime/tracing.h"

#include "bytecode/opcodes.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

enum class Event { Call, Exception, Line, Return, CCall, CException, CReturn, Opcode };

const char* event_name(Event e) {
    switch (e) {
    case Event::Call: return "call";
    case Event::Exception: return "exception";
    case Event::Line: return "line";
    case Event::Return: return "return";
    case Event::CCall: return "c_call";
    case Event::CException: return "c_exception";
    case Event::CReturn: return "c_return";
    case Event::Opcode: return "opcode";
    }
    return "?";
}

void refresh_use_tracing(ThreadState* ts) {
    ts->use_tracing = (ts->trace_func || ts->profile_func) ? 255 : 0;
}

void set_hook(ThreadState* ts, Object** slot, Object* func) {
    if (func == ts->interp->None) func = nullptr;
    xincref(func);
    Object* old = *slot;
    *slot = func;
    if (ts->tracing == 0) refresh_use_tracing(ts);
    xdecref(old);
}

// Calls hook(frame, event, arg) with tracing off for this thread and the
// frame's locals visible (and writable) through f_locals, as CPython's
// call_trampoline does. Null with the hook's exception set.
Ref<> call_hook(ThreadState* ts, Object* hook, FrameObject* fo, Event what, Object* arg) {
    Interpreter& interp = *ts->interp;
    Frame* f = fo->f_frame;
    if ((f->code->co_flags & CO_OPTIMIZED) && !frame_locals(ts, f)) return nullptr;
    Ref<> keep_hook = newref(hook);
    Ref<> keep_frame = newref<Object>(fo);
    Object* args[3] = {fo, reinterpret_cast<Object*>(interp.intern(event_name(what))), arg ? arg : interp.None};
    ts->tracing++;
    ts->use_tracing = 0;
    Ref<> result = object_vectorcall(ts, hook, args, 3);
    ts->tracing--;
    refresh_use_tracing(ts);
    if (f->code->co_flags & CO_OPTIMIZED) {
        // Whatever the hook stored into f_locals goes back into the frame.
        if (!result) {
            Ref<> exc = error_fetch(ts);
            frame_locals_to_fast(ts, f);
            error_clear(ts);
            error_restore(ts, std::move(exc));
        } else if (!frame_locals_to_fast(ts, f)) {
            return nullptr;
        }
    }
    return result;
}

// sys.settrace's trampoline: 'call' goes to the global function, every other
// event to the frame's own; what they return becomes the frame's function
// (None leaves it as it was). A failing hook turns tracing off.
bool trace_dispatch(ThreadState* ts, Frame* f, Event what, Object* arg) {
    if (ts->tracing || !ts->trace_func) return true;
    Object* callback;
    FrameObject* fo = f->frame_obj;
    if (what == Event::Call) {
        fo = frame_get_object(ts, f);
        if (!fo) return false;
        callback = ts->trace_func;
    } else {
        if (!fo || !fo->f_trace) return true;
        callback = fo->f_trace;
    }
    Ref<> result = call_hook(ts, callback, fo, what, arg);
    if (!result) {
        set_trace_function(ts, nullptr);
        Object* old = fo->f_trace;
        fo->f_trace = nullptr;
        xdecref(old);
        return false;
    }
    if (result.get() != ts->interp->None) {
        Object* old = fo->f_trace;
        fo->f_trace = result.release();
        xdecref(old);
    }
    return true;
}

// sys.setprofile's trampoline: every event goes to the one function, whose
// return value is ignored. A failing profiler is turned off.
bool profile_dispatch(ThreadState* ts, Frame* f, Event what, Object* arg) {
    if (ts->tracing || !ts->profile_func) return true;
    FrameObject* fo = frame_get_object(ts, f);
    if (!fo) return false;
    Ref<> result = call_hook(ts, ts->profile_func, fo, what, arg);
    if (!result) {
        set_profile_function(ts, nullptr);
        return false;
    }
    return true;
}

// Runs an event with the pending exception (if any) put aside, restoring it
// unless the hook raised a new one (call_trace_protected).
template <class F>
bool protected_event(ThreadState* ts, F event) {
    Ref<> pending = error_fetch(ts);
    if (!event()) return false;
    if (pending) error_restore(ts, std::move(pending));
    return true;
}

}  // namespace

void set_trace_function(ThreadState* ts, Object* func) { set_hook(ts, &ts->trace_func, func); }
void set_profile_function(ThreadState* ts, Object* func) { set_hook(ts, &ts->profile_func, func); }

bool trace_call_event(ThreadState* ts, Frame* f) {
    if (ts->tracing) return true;
    bool ok = protected_event(ts, [&] { return trace_dispatch(ts, f, Event::Call, nullptr); }) &&
              protected_event(ts, [&] { return profile_dispatch(ts, f, Event::Call, nullptr); });
    if (f->frame_obj) f->frame_obj->f_trace_prev = f->prev_instr;
    return ok;
}

bool trace_instruction(ThreadState* ts, Frame* f) {
    FrameObject* fo = f->frame_obj;
    if (!fo) return true;   // no frame object, so no f_trace to call
    const int prev = fo->f_trace_prev;
    const int cur = f->prev_instr;
    fo->f_trace_prev = cur;
    if (ts->tracing || !ts->trace_func || !fo->f_trace) return true;
    CodeObject* co = f->code;
    const int line = co->addr_to_line(cur);
    if (line != -1 && fo->f_trace_lines) {
        const int lastline = prev >= 0 ? co->addr_to_line(prev) : -1;
        // A new line, or a jump backwards (a loop's next turn) other than
        // the one inside `yield from` / `await`.
        const bool backwards = cur < prev && (co->code[std::size_t(cur)] & 0xFF) != SEND;
        if (line != lastline || backwards) {
            if (!trace_dispatch(ts, f, Event::Line, nullptr)) return false;
        }
    }
    // f_trace may have been cleared by the line event.
    if (fo->f_trace_opcodes && f->frame_obj && f->frame_obj->f_trace)
        return trace_dispatch(ts, f, Event::Opcode, nullptr);
    return true;
}

bool trace_return_event(ThreadState* ts, Frame* f, Object* value) {
    if (ts->tracing) return true;
    return protected_event(ts, [&] { return trace_dispatch(ts, f, Event::Return, value); }) &&
           protected_event(ts, [&] { return profile_dispatch(ts, f, Event::Return, value); });
}

void trace_exception_event(ThreadState* ts, Frame* f) {
    if (ts->tracing || !ts->trace_func) return;
    FrameObject* fo = f->frame_obj;
    if (!fo || !fo->f_trace) return;
    Ref<> exc = error_fetch(ts);
    if (!exc) return;
    Object* tb = static_cast<BaseExceptionObject*>(exc.get())->traceback;
    Ref<> arg = tuple_pack(ts, {static_cast<Object*>(type_of(exc.get())), exc.get(), tb ? tb : ts->interp->None});
    if (!arg) {
        error_clear(ts);
        error_restore(ts, std::move(exc));
        return;
    }
    if (trace_dispatch(ts, f, Event::Exception, arg.get())) error_restore(ts, std::move(exc));
    // Otherwise the hook's own exception replaces the one being raised.
}

bool profile_c_call(ThreadState* ts, Frame* f, Object* callable) {
    if (ts->tracing || !ts->profile_func) return true;
    return protected_event(ts, [&] { return profile_dispatch(ts, f, Event::CCall, callable); });
}

bool profile_c_return(ThreadState* ts, Frame* f, Object* callable, bool failed) {
    if (ts->tracing || !ts->profile_func) return !failed;
    if (failed) {
        // The call's exception stays the one raised unless the hook raises.
        protected_event(ts, [&] { return profile_dispatch(ts, f, Event::CException, callable); });
        return false;
    }
    return profile_dispatch(ts, f, Event::CReturn, callable);
}

}  // namespace gp
