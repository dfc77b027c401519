// traceback.h — printing an uncaught exception the way CPython 3.11 does.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

// Formats exc (with its __cause__/__context__ chain and traceback) exactly as
// CPython's default sys.excepthook prints it.
std::string format_exception(ThreadState* ts, Object* exc);

// Reads line `lineno` (1-based) of `filename` from the sources the
// interpreter has seen, or from the file system. Empty if unavailable.
std::string source_line(Interpreter& interp, const std::string& filename, int lineno);

}  // namespace gp
