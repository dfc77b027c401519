// traceback.h — printing an uncaught exception the way CPython 3.11 does.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

// Formats exc (with its __cause__/__context__ chain and traceback) exactly as
// CPython's default sys.excepthook prints it.
std::string format_exception(ThreadState* ts, Object* exc);

// The last line(s) of a traceback: "TypeName: message" (with a SyntaxError's
// source line and caret), as traceback.format_exception_only shows them.
std::string format_exception_only(ThreadState* ts, Object* exc);

// One entry of a traceback or stack listing: the "File ..., line N, in f"
// line, the source line, and carets under the part of it that instruction
// `lasti` (a byte offset) covers.
std::string format_frame_entry(Interpreter& interp, struct CodeObject* co, int lasti, int lineno);

// Reads line `lineno` (1-based) of `filename` from the sources the
// interpreter has seen, or from the file system. Empty if unavailable.
std::string source_line(Interpreter& interp, const std::string& filename, int lineno);

}  // namespace gp
