// exceptions.h — BaseException and the built-in exception hierarchy.
// Mirrors CPython 3.11's Objects/exceptions.c.
#pragma once

#include "objects/object.h"

namespace gp {

struct CodeObject;
struct Frame;
struct FrameObject;
struct TupleObject;

struct BaseExceptionObject : Object {
    Object* dict;              // owned, may be null: instance __dict__
    TupleObject* args;         // owned: the constructor arguments
    Object* traceback;         // owned, may be null: a TracebackObject
    Object* context;           // owned, may be null: __context__
    Object* cause;             // owned, may be null: __cause__
    bool suppress_context;     // __suppress_context__ (set by `raise ... from`)
};

// One entry of a traceback: where an exception passed through.
struct TracebackObject : Object {
    TracebackObject* tb_next;  // owned, may be null: the next (inner) entry
    FrameObject* tb_frame;     // owned, may be null (no memory for it): the frame it passed through
    CodeObject* tb_code;       // owned: the code that was executing (the frame's)
    int tb_lasti;              // byte offset of the instruction
    int tb_lineno;             // line number of that instruction
};

bool is_exception_instance(Object* o);
bool is_exception_class(Object* o);
// Prepends a traceback entry for frame `f` at its current instruction to
// exc.__traceback__ (PyTraceBack_Here); the entry holds f's frame object.
bool traceback_add(ThreadState* ts, Object* exc, Frame* f);

bool init_exception_types(ThreadState* ts);

}  // namespace gp
