// compiler.h — from source text to a code object.
//
// The pipeline, as in CPython 3.11 (Python/pythonrun.c → compile.c):
//   parse (parser/)  →  symbol table (symtable)  →  code generation into
//   basic blocks (compiler.cpp)  →  assembly (flowgraph.cpp)  →  CodeObject.
#pragma once

#include <string_view>

#include "objects/object.h"
#include "parser/parser.h"

namespace gp {

struct CodeObject;

// Compiles `source`. On a syntax error raises SyntaxError (or
// IndentationError/TabError) with CPython's filename/lineno/offset/text
// attributes set, and returns null.
Ref<CodeObject> compile_source(ThreadState* ts, std::string_view source, std::string_view filename,
                               ParseMode mode);

// Raises the Python exception described by `err` (SyntaxError and friends).
std::nullptr_t raise_syntax_error(ThreadState* ts, const SyntaxErrorInfo& err, std::string_view filename);

}  // namespace gp
