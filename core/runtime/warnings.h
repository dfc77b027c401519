// warnings.h — issuing a warning the way CPython 3.11's default filters
// show it (Python/_warnings.c with no -W options and no warnings module
// configuration).
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

// Shows `message` as a `category` warning attributed to the innermost
// Python frame, once per location: the module's __warningregistry__
// remembers (text, category, lineno), as the "default" action does.
// Writes "file:line: Category: message", the source line, and, when the
// warning is about an object (`source`), the tracemalloc hint CPython
// prints when tracemalloc is off. False with an error set on failure.
bool warn(ThreadState* ts, TypeObject* category, const std::string& message, Object* source = nullptr);

}  // namespace gp
