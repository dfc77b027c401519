// errors.h — raising and inspecting the current exception.
//
// Mirrors CPython 3.11's Python/errors.c. Python exceptions travel as return
// values (ARCHITECTURE.md, decision 9): a function that fails sets the
// thread's current exception here and returns a null Ref (or -1); every
// caller checks and passes the failure up. No C++ exceptions, no longjmp.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

struct TypeObject;

// Sets the current exception to type(msg). Always returns a null Ref so a
// failing function can end with `return raise(...)`.
std::nullptr_t raise(ThreadState* ts, TypeObject* type, std::string_view msg);
// Sets the current exception to an instance (or, given a class, an instance
// made with no arguments).
std::nullptr_t raise_object(ThreadState* ts, Object* exc);
std::nullptr_t raise_no_memory(ThreadState* ts);
// KeyError(key): the key itself is the argument, so str() shows its repr.
std::nullptr_t raise_key_error(ThreadState* ts, Object* key);

bool error_occurred(ThreadState* ts);
// True if the current exception is an instance of `type` (or a subclass).
bool error_matches(ThreadState* ts, TypeObject* type);
void error_clear(ThreadState* ts);
// Takes the current exception out (the thread then has none).
Ref<> error_fetch(ThreadState* ts);
// Makes `exc` the current exception again (replacing any).
void error_restore(ThreadState* ts, Ref<> exc);

// The exception being handled — sys.exc_info()[1], what a bare `raise`
// re-raises and what a new exception gets as __context__: the innermost
// level's, or, while a generator that handles none runs, its caller's
// (errors.c: _PyErr_GetTopmostException). Borrowed; null if none.
Object* handled_exception(ThreadState* ts);

// The type name as error messages show it ("int", "Foo").
const char* type_name(Object* o);

// The exception being handled (sys.exception()), borrowed or null: the
// innermost frame's, or, when a generator running there handles none, that
// of the frames it was resumed from (_PyErr_GetTopmostException).
Object* handled_exception(ThreadState* ts);

}  // namespace gp
