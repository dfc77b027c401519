// ast_dump.h — ast.h trees as text, byte for byte what CPython 3.11's
// ast.dump(tree) prints (optionally with include_attributes=True).
//
// Used by the parser tests, which compare against strings obtained from
// python3, and handy for a `--dump-ast` switch or an AST panel.
#pragma once

#include <string>

#include "parser/ast.h"

namespace gp::ast {

std::string dump(const Mod* mod, bool include_attributes = false);
std::string dump(const Expr* expr, bool include_attributes = false);
std::string dump(const Stmt* stmt, bool include_attributes = false);

// Python's repr() of a constant value: 'abc', b'\x00', 12, 1.5, 2j, None, ...
std::string constant_repr(const AstConstant& value);

}  // namespace gp::ast
