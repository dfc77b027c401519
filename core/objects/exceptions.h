// exceptions.h — BaseException and the built-in exception hierarchy.
// Mirrors CPython 3.11's Objects/exceptions.c.
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;
struct CodeObject;

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
    CodeObject* tb_code;       // owned: the code that was executing
    int tb_lasti;              // byte offset of the instruction
    int tb_lineno;             // line number of that instruction
};

bool is_exception_instance(Object* o);
bool is_exception_class(Object* o);
// Prepends a traceback entry for (code, lasti, lineno) to exc.__traceback__.
bool traceback_add(ThreadState* ts, Object* exc, CodeObject* code, int lasti, int lineno);

bool init_exception_types(ThreadState* ts);

}  // namespace gp
