// symtable.h — which scope each name belongs to.
//
// Mirrors CPython 3.11's Python/symtable.c. Before generating code the
// compiler walks the AST once to build a tree of scopes (module, class,
// function, lambda, comprehension) and records, for every name in every
// scope, how it is used: assigned, a parameter, declared global/nonlocal,
// only read. A second pass (analyze) then settles each name's kind:
//
//   LOCAL           assigned in this function and not declared otherwise
//   GLOBAL_EXPLICIT declared `global`
//   GLOBAL_IMPLICIT read here, bound in no enclosing function: globals/builtins
//   FREE            bound in an enclosing function: read through a cell
//   CELL            local here, but some nested function reads it: kept in a cell
//
// That is the LEGB rule made concrete, and it decides which opcode the
// compiler emits: LOAD_FAST, LOAD_GLOBAL, LOAD_DEREF or LOAD_NAME.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "parser/tokenizer.h"

namespace gp {

enum class ScopeKind { Module, Class, Function, Lambda, Comprehension };

enum SymbolFlags : unsigned {
    DEF_GLOBAL = 1u << 0,      // `global x` in this scope
    DEF_LOCAL = 1u << 1,       // assigned in this scope
    DEF_PARAM = 1u << 2,       // a parameter
    DEF_NONLOCAL = 1u << 3,    // `nonlocal x`
    USE = 1u << 4,             // read in this scope
    DEF_FREE_CLASS = 1u << 5,  // free in a class body, bound in an enclosing function
    DEF_IMPORT = 1u << 6,      // bound by import
    DEF_ANNOT = 1u << 7,       // annotated
    DEF_COMP_ITER = 1u << 8,   // a comprehension's iteration variable
};

enum class NameScope { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

struct Scope {
    ScopeKind kind;
    std::string name;                  // "<module>", function or class name, "<lambda>", "<listcomp>"
    const ast::Node* node = nullptr;   // the AST node that opened the scope
    Scope* parent = nullptr;           // borrowed
    std::vector<std::unique_ptr<Scope>> children;   // in source order
    std::map<std::string, unsigned> flags;          // name -> SymbolFlags
    std::map<std::string, NameScope> scopes;        // name -> resolved kind (after analyze)
    std::vector<std::string> varnames;              // the parameters, in CPython's order (ste_varnames)
    std::vector<std::string> order;                 // every name, in order of first appearance
    bool is_generator = false;
    bool is_coroutine = false;
    bool has_varargs = false, has_varkeywords = false;
    bool child_free = false;           // some child has free variables
    bool needs_class_closure = false;  // a method uses super() or __class__
    bool annotation_block = false;     // a string annotation's own block (PEP 563)
    int lineno = 0;
    // Where each name was first declared global/nonlocal (or bound by a
    // walrus from a comprehension): scope errors found during analysis point
    // there, as CPython's ste_directives do.
    std::map<std::string, const ast::Node*> directives;
    int comp_iter_expr = 0;            // >0 while visiting a comprehension's iterable
    bool comp_iter_target = false;     // visiting a comprehension's `for` target

    bool is_function_block() const {   // CPython's FunctionBlock: def, lambda, comprehension
        return kind == ScopeKind::Function || kind == ScopeKind::Lambda || kind == ScopeKind::Comprehension;
    }

    NameScope lookup(const std::string& name) const {
        auto it = scopes.find(name);
        return it == scopes.end() ? NameScope::Unknown : it->second;
    }
};

class SymbolTable {
public:
    // Builds and analyzes the scopes of a module. On a scope error (e.g.
    // "name 'x' is assigned to before global declaration") returns false and
    // fills `err`.
    // Under `from __future__ import annotations` (string_annotations) the
    // annotations are checked in blocks of their own and never evaluated, so
    // their names bind nothing in the scopes around them.
    bool build(ast::Mod* mod, SyntaxErrorInfo& err, bool string_annotations = false);

    Scope* top() { return top_.get(); }
    // The scope opened by `node` (FunctionDef, Lambda, ClassDef, comprehension).
    Scope* scope_for(const ast::Node* node) const;

private:
    std::unique_ptr<Scope> top_;
    std::map<const ast::Node*, Scope*> by_node_;
    std::vector<std::unique_ptr<Scope>> annotation_blocks_;   // outside the tree: never analyzed or compiled
    friend class SymtableBuilder;
};

}  // namespace gp
