// compiler.h — from source text to a code object.
//
// The pipeline, as in CPython 3.11 (Python/pythonrun.c → compile.c):
//   parse (parser/)  →  symbol table (symtable)  →  code generation into
//   basic blocks (compiler.cpp)  →  assembly (flowgraph.cpp)  →  CodeObject.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"
#include "parser/parser.h"

namespace gp {

struct CodeObject;

// Compiles `source`. On a syntax error raises SyntaxError (or
// IndentationError/TabError) with CPython's filename/lineno/offset/text
// attributes set, and returns null.
// `flags` are compile()'s CO_FUTURE_* flags (objects/codeobject.h); the
// module's own `from __future__ import` statements add to them.
//
// `ast_objects`, if given, receives the objects of the tree's constants:
// CPython holds them in the AST's arena while it runs a script, a -c
// command or an exec()/eval() string (not while it imports a module or
// runs what compile() returned), so each constant there has one reference
// more than in co_consts. A caller that mirrors this keeps them until the
// code has run.
Ref<CodeObject> compile_source(ThreadState* ts, std::string_view source, std::string_view filename,
                               ParseMode mode, int flags = 0, std::vector<Ref<>>* ast_objects = nullptr);

// Parses `source` as compile(..., flags=ast.PyCF_ONLY_AST) does (no symbol
// table, so only the parser's errors) and writes the tree as
// ast.dump(tree, include_attributes=True) text, which the `ast` module turns
// into node objects. False with SyntaxError raised.
bool source_to_ast_text(ThreadState* ts, std::string_view source, std::string_view filename, ParseMode mode,
                        std::string* out);

// The rest of compile_source once there is a tree: symbol table, code
// generation, assembly.
Ref<CodeObject> compile_mod(ThreadState* ts, ast::Mod* mod, std::string_view filename, ParseMode mode,
                            int flags = 0, std::vector<Ref<>>* ast_objects = nullptr);

// The Python value of a literal in the tree.
Ref<> ast_constant_value(ThreadState* ts, const ast::AstConstant& c);

// The source text CPython 3.11 stores for an annotation under `from
// __future__ import annotations` (unparse.cpp).
Ref<> unparse_annotation(ThreadState* ts, ast::Expr* e);

// compile() of a tree of `ast` node objects (core/lib/ast.py): reads it back
// into the parser's tree (ast_from_object.cpp) and compiles that. TypeError
// or ValueError for a malformed tree, as CPython words them.
Ref<CodeObject> compile_ast_object(ThreadState* ts, Object* tree, std::string_view filename, ParseMode mode);

// Raises the Python exception described by `err` (SyntaxError and friends).
std::nullptr_t raise_syntax_error(ThreadState* ts, const SyntaxErrorInfo& err, std::string_view filename);

}  // namespace gp
