// parser.h — turns Python 3.11 source into the AST of ast.h.
//
// The one entry point is parse(). It pulls tokens from the Tokenizer as it
// needs them, builds nodes in the caller's AstArena, and on failure fills a
// SyntaxErrorInfo with the same type, message and location CPython 3.11's
// parser would report (Parser/pegen.c, Parser/pegen_errors.c). The design is
// described at the top of parser.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"
#include "parser/tokenizer.h"

namespace gp {

enum class ParseMode { Exec, Eval, Single };   // compile()'s 'exec', 'eval', 'single'

// A warning the parser issues while it builds the tree (3.11 warns about
// deprecated escape sequences in string literals). The caller hands it to
// the warnings machinery; if a filter turns it into an error, `as_error` is
// the SyntaxError to raise instead, pointing at the literal.
struct ParseWarning {
    std::string category;      // "DeprecationWarning"
    std::string msg;           // "invalid escape sequence '\d'"
    int lineno = 0;            // the line of the literal's first token
    SyntaxErrorInfo as_error;
};

// Parses `source`; on success returns the module node (allocated in `arena`):
// a Module for Exec, an Expression for Eval, an Interactive for Single.
// On failure returns nullptr and fills `err` exactly as CPython 3.11 would
// report the SyntaxError / IndentationError / TabError. For source nested too
// deeply to parse within the parser's stack budget, err.type is "MemoryError"
// (CPython raises MemoryError there too).
// Warnings are appended to `warnings` (if given) in the order CPython issues
// them, whether or not the parse succeeds.
// `filename` appears only in the tokenizer's "Non-UTF-8 code" message.
ast::Mod* parse(std::string_view source, ParseMode mode, ast::AstArena& arena, SyntaxErrorInfo& err,
                std::vector<ParseWarning>* warnings = nullptr, std::string_view filename = "<string>");

}  // namespace gp
