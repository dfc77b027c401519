// exceptions.h — BaseException and the built-in exception hierarchy.
// Mirrors CPython 3.11's Objects/exceptions.c.
#pragma once

#include <string_view>

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

// Exceptions with named fields (exceptions_fields.cpp). Unset fields are
// null and read as None.
struct SyntaxErrorObject : BaseExceptionObject {
    Object *msg, *filename, *lineno, *offset, *text;   // owned
    Object *end_lineno, *end_offset, *print_file_and_line;   // owned
};
struct ImportErrorObject : BaseExceptionObject {
    Object *msg, *name, *path;   // owned
};
struct OSErrorObject : BaseExceptionObject {
    Object *myerrno, *strerror, *filename, *filename2;   // owned
    isize written;   // BlockingIOError.characters_written, -1 if unset
};
struct NameErrorObject : BaseExceptionObject {
    Object* name;   // owned
};
struct AttributeErrorObject : BaseExceptionObject {
    Object *obj, *name;   // owned
};
struct UnicodeErrorObject : BaseExceptionObject {
    Object *encoding, *object;   // owned
    isize start, end;
    Object* reason;   // owned
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

// While init_exception_types creates the classes: the instance size of the
// built-in exception class `name` with base `base`, and the fields, __init__
// and __str__ of the classes that carry fields (exceptions_fields.cpp).
isize exception_basicsize(ThreadState* ts, const char* name, TypeObject* base);
bool exception_fields_setup(ThreadState* ts, TypeObject* type);

// Raise UnicodeDecodeError(encoding, data, start, end, reason) /
// UnicodeEncodeError(encoding, text, start, end, reason), fields and all.
void raise_unicode_decode_error(ThreadState* ts, std::string_view encoding, std::string_view data, isize start,
                                isize end, std::string_view reason);
void raise_unicode_encode_error(ThreadState* ts, std::string_view encoding, Object* text, isize start, isize end,
                                std::string_view reason);

}  // namespace gp
