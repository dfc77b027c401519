// frameobject.h — frame objects: the Python view of an interpreter frame.
//
// Mirrors CPython 3.11's Objects/frameobject.c and the frame_obj half of
// Python/frame.c. An interpreter Frame (runtime/frame.h) is a plain struct
// on the thread's FrameStack or inside a generator; most frames never get a
// Python object. One is made lazily, the first time something asks for it:
// sys._getframe(), a traceback entry (tb_frame), gen.gi_frame, f_back.
// The Frame then holds a strong reference to it (frame_obj), and the object
// points back at the Frame (f_frame, borrowed).
//
// A frame object may outlive its frame — a traceback keeps the frames of
// the calls it passed through. So when a frame ends while someone else
// still holds its object, the frame's contents (code, globals, locals,
// cells, position) move into storage inside the object itself and f_frame
// is pointed there (CPython's take_ownership). The caller's frame object
// becomes f_back at that moment, since the chain of live frames is about to
// forget this one.
//
//     live:      Frame ──frame_obj──▶ FrameObject        (f_frame ──▶ Frame)
//     ended:                          FrameObject        (f_frame ──▶ its own frame_data)
#pragma once

#include "objects/object.h"
#include "runtime/frame.h"

namespace gp {

struct FrameObject : VarObject {
    Frame* f_frame;           // borrowed: the frame shown — live, or &frame_data once owned
    FrameObject* f_back;      // owned, may be null: the caller, fixed when the frame ended
    Object* f_trace;          // owned, may be null: the per-frame trace function
    bool f_trace_lines;       // emit 'line' trace events (default true)
    bool f_trace_opcodes;     // emit 'opcode' trace events (default false)
    int f_trace_prev;         // the instruction the tracer saw last in this frame (line events)
    Frame frame_data;         // the frame's contents after it ended; its slots continue past
                              // the end (ob_size = the code's co_nlocalsplus)
};

// The frame object of `f`, made on first use; borrowed (the frame owns it).
// Null with MemoryError set.
FrameObject* frame_get_object(ThreadState* ts, Frame* f);

// Called when `f` ends, after its value stack is emptied and before its
// locals are released. Afterwards f->frame_obj is null. If someone else
// still holds the frame object, the frame's references (func, globals,
// builtins, locals, local slots) have moved into it and f's fields are
// null; f->code keeps its own reference either way.
void frame_release_object(Frame* f);

// The frame's local namespace (frame.f_locals, locals()): the namespace of
// module and class code, or for a function a dict kept in the frame and
// refreshed from the local slots and cells on every call.
Ref<> frame_locals(ThreadState* ts, Frame* f);

// Writes what the frame's f_locals dict holds back into its local slots
// and cells (PyFrame_LocalsToFast with clear=1): a trace function may change
// a function's variables through frame.f_locals. No-op for frames whose
// f_locals is their real namespace (module and class code).
bool frame_locals_to_fast(ThreadState* ts, Frame* f);

// The line `f` is executing (or last executed).
int frame_lineno(Frame* f);

bool init_frame_type(ThreadState* ts);

}  // namespace gp
