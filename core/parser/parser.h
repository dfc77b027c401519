// parser.h — turns Python 3.11 source into the AST of ast.h.
//
// The one entry point is parse(). It pulls tokens from the Tokenizer as it
// needs them, builds nodes in the caller's AstArena, and on failure fills a
// SyntaxErrorInfo with the same type, message and location CPython 3.11's
// parser would report (Parser/pegen.c, Parser/pegen_errors.c). The design is
// described at the top of parser.cpp.
#pragma once

#include <string_view>

#include "parser/ast.h"
#include "parser/tokenizer.h"

namespace gp {

enum class ParseMode { Exec, Eval, Single };   // compile()'s 'exec', 'eval', 'single'

// Parses `source`; on success returns the module node (allocated in `arena`):
// a Module for Exec, an Expression for Eval, an Interactive for Single.
// On failure returns nullptr and fills `err` exactly as CPython 3.11 would
// report the SyntaxError / IndentationError / TabError. For source nested too
// deeply to parse within the parser's stack budget, err.type is "MemoryError"
// (CPython raises MemoryError there too).
ast::Mod* parse(std::string_view source, ParseMode mode, ast::AstArena& arena, SyntaxErrorInfo& err);

}  // namespace gp
