// ast.h — the abstract syntax tree, node for node CPython 3.11's Python.asdl.
//
// The parser builds this tree; the symbol table and the compiler walk it.
// Node and field names follow Python's `ast` module exactly (FunctionDef.args,
// Compare.comparators, ...) so a reader can hold `ast.dump(ast.parse(src))`
// beside a glasspy tree and see the same shape.
//
// Ownership: every node lives in an AstArena and is freed with it, so nodes
// point at each other with plain pointers. Literal values are kept in a small
// parser-level form (AstConstant) and become Python objects only in the
// compiler, which keeps the parser free of the object model.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gp::ast {

struct Node {
    int lineno = 0, col_offset = 0;          // start, 1-based line, 0-based UTF-8 byte column
    int end_lineno = 0, end_col_offset = 0;  // end, same conventions
    virtual ~Node() = default;
};

// Owns every node of one parse. Nodes are created through make<T>().
class AstArena {
public:
    template <class T, class... Args>
    T* make(Args&&... args) {
        auto node = std::make_unique<T>(std::forward<Args>(args)...);
        T* raw = node.get();
        nodes_.push_back(std::move(node));
        return raw;
    }

private:
    std::vector<std::unique_ptr<Node>> nodes_;
};

// ---------------------------------------------------------------- constants

// The value of a Constant node (and of MatchSingleton), before it becomes a
// Python object. Ints keep their source digits: the int type builds the
// arbitrary-precision value.
struct AstConstant {
    enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
    Kind kind = Kind::None;
    std::string text;      // Int: digits without underscores or prefix; Str: UTF-8; Bytes: raw bytes
    int base = 10;         // Int: 2, 8, 10 or 16
    double number = 0.0;   // Float: the value; Complex: the imaginary part
};

// ---------------------------------------------------------------- enums

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
    DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
    JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr : Node {
    const ExprKind kind;
    explicit Expr(ExprKind k) : kind(k) {}
};

struct Stmt;
struct Arguments;
struct Keyword;
struct Comprehension;

struct BoolOp : Expr { BoolOpKind op{}; std::vector<Expr*> values; BoolOp() : Expr(ExprKind::BoolOp) {} };
struct NamedExpr : Expr { Expr* target = nullptr; Expr* value = nullptr; NamedExpr() : Expr(ExprKind::NamedExpr) {} };
struct BinOp : Expr { Expr* left = nullptr; OperatorKind op{}; Expr* right = nullptr; BinOp() : Expr(ExprKind::BinOp) {} };
struct UnaryOp : Expr { UnaryOpKind op{}; Expr* operand = nullptr; UnaryOp() : Expr(ExprKind::UnaryOp) {} };
struct Lambda : Expr { Arguments* args = nullptr; Expr* body = nullptr; Lambda() : Expr(ExprKind::Lambda) {} };
struct IfExp : Expr { Expr* test = nullptr; Expr* body = nullptr; Expr* orelse = nullptr; IfExp() : Expr(ExprKind::IfExp) {} };
// keys[i] == nullptr means `**values[i]`.
struct Dict : Expr { std::vector<Expr*> keys, values; Dict() : Expr(ExprKind::Dict) {} };
struct Set : Expr { std::vector<Expr*> elts; Set() : Expr(ExprKind::Set) {} };
struct ListComp : Expr { Expr* elt = nullptr; std::vector<Comprehension*> generators; ListComp() : Expr(ExprKind::ListComp) {} };
struct SetComp : Expr { Expr* elt = nullptr; std::vector<Comprehension*> generators; SetComp() : Expr(ExprKind::SetComp) {} };
struct DictComp : Expr { Expr* key = nullptr; Expr* value = nullptr; std::vector<Comprehension*> generators; DictComp() : Expr(ExprKind::DictComp) {} };
struct GeneratorExp : Expr { Expr* elt = nullptr; std::vector<Comprehension*> generators; GeneratorExp() : Expr(ExprKind::GeneratorExp) {} };
struct Await : Expr { Expr* value = nullptr; Await() : Expr(ExprKind::Await) {} };
struct Yield : Expr { Expr* value = nullptr; Yield() : Expr(ExprKind::Yield) {} };
struct YieldFrom : Expr { Expr* value = nullptr; YieldFrom() : Expr(ExprKind::YieldFrom) {} };
struct Compare : Expr { Expr* left = nullptr; std::vector<CmpOpKind> ops; std::vector<Expr*> comparators; Compare() : Expr(ExprKind::Compare) {} };
struct Call : Expr { Expr* func = nullptr; std::vector<Expr*> args; std::vector<Keyword*> keywords; Call() : Expr(ExprKind::Call) {} };
// conversion: -1 none, 's', 'r' or 'a'.
struct FormattedValue : Expr { Expr* value = nullptr; int conversion = -1; Expr* format_spec = nullptr; FormattedValue() : Expr(ExprKind::FormattedValue) {} };
struct JoinedStr : Expr { std::vector<Expr*> values; JoinedStr() : Expr(ExprKind::JoinedStr) {} };
// kind is "u" for a u-prefixed string literal, empty otherwise (ast.Constant.kind).
struct Constant : Expr { AstConstant value; std::string kind_prefix; Constant() : Expr(ExprKind::Constant) {} };
struct Attribute : Expr { Expr* value = nullptr; std::string attr; ExprContext ctx = ExprContext::Load; Attribute() : Expr(ExprKind::Attribute) {} };
struct Subscript : Expr { Expr* value = nullptr; Expr* slice = nullptr; ExprContext ctx = ExprContext::Load; Subscript() : Expr(ExprKind::Subscript) {} };
struct Starred : Expr { Expr* value = nullptr; ExprContext ctx = ExprContext::Load; Starred() : Expr(ExprKind::Starred) {} };
struct Name : Expr { std::string id; ExprContext ctx = ExprContext::Load; Name() : Expr(ExprKind::Name) {} };
struct List : Expr { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; List() : Expr(ExprKind::List) {} };
struct Tuple : Expr { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; Tuple() : Expr(ExprKind::Tuple) {} };
struct Slice : Expr { Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; Slice() : Expr(ExprKind::Slice) {} };

// ---------------------------------------------------------------- helpers

struct Arg : Node { std::string arg; Expr* annotation = nullptr; };
struct Arguments : Node {
    std::vector<Arg*> posonlyargs, args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;   // parallel to kwonlyargs; nullptr = no default
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;      // for the last len(defaults) of posonlyargs + args
};
// arg empty means `**value`.
struct Keyword : Node { std::string arg; Expr* value = nullptr; };
struct Alias : Node { std::string name; std::string asname; };   // asname empty = none
struct WithItem : Node { Expr* context_expr = nullptr; Expr* optional_vars = nullptr; };
struct Comprehension : Node { Expr* target = nullptr; Expr* iter = nullptr; std::vector<Expr*> ifs; bool is_async = false; };
struct ExceptHandler : Node { Expr* type = nullptr; std::string name; std::vector<Stmt*> body; };  // name empty = none

// ---------------------------------------------------------------- patterns

enum class PatternKind : uint8_t {
    MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr
};
struct Pattern : Node {
    const PatternKind kind;
    explicit Pattern(PatternKind k) : kind(k) {}
};
struct MatchValue : Pattern { Expr* value = nullptr; MatchValue() : Pattern(PatternKind::MatchValue) {} };
struct MatchSingleton : Pattern { AstConstant value; MatchSingleton() : Pattern(PatternKind::MatchSingleton) {} };
struct MatchSequence : Pattern { std::vector<Pattern*> patterns; MatchSequence() : Pattern(PatternKind::MatchSequence) {} };
struct MatchMapping : Pattern {
    std::vector<Expr*> keys; std::vector<Pattern*> patterns; std::string rest; bool has_rest = false;
    MatchMapping() : Pattern(PatternKind::MatchMapping) {}
};
struct MatchClass : Pattern {
    Expr* cls = nullptr; std::vector<Pattern*> patterns;
    std::vector<std::string> kwd_attrs; std::vector<Pattern*> kwd_patterns;
    MatchClass() : Pattern(PatternKind::MatchClass) {}
};
// name empty = `*_`.
struct MatchStar : Pattern { std::string name; MatchStar() : Pattern(PatternKind::MatchStar) {} };
// pattern == nullptr and name empty = the wildcard `_`.
struct MatchAs : Pattern { Pattern* pattern = nullptr; std::string name; MatchAs() : Pattern(PatternKind::MatchAs) {} };
struct MatchOr : Pattern { std::vector<Pattern*> patterns; MatchOr() : Pattern(PatternKind::MatchOr) {} };
struct MatchCase : Node { Pattern* pattern = nullptr; Expr* guard = nullptr; std::vector<Stmt*> body; };

// ---------------------------------------------------------------- statements

enum class StmtKind : uint8_t {
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert,
    Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt : Node {
    const StmtKind kind;
    explicit Stmt(StmtKind k) : kind(k) {}
};

// FunctionDef and AsyncFunctionDef share one struct; kind tells them apart.
struct FunctionDef : Stmt {
    std::string name; Arguments* args = nullptr; std::vector<Stmt*> body;
    std::vector<Expr*> decorator_list; Expr* returns = nullptr;
    explicit FunctionDef(bool is_async = false)
        : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
};
struct ClassDef : Stmt {
    std::string name; std::vector<Expr*> bases; std::vector<Keyword*> keywords;
    std::vector<Stmt*> body; std::vector<Expr*> decorator_list;
    ClassDef() : Stmt(StmtKind::ClassDef) {}
};
struct Return : Stmt { Expr* value = nullptr; Return() : Stmt(StmtKind::Return) {} };
struct Delete : Stmt { std::vector<Expr*> targets; Delete() : Stmt(StmtKind::Delete) {} };
struct Assign : Stmt { std::vector<Expr*> targets; Expr* value = nullptr; Assign() : Stmt(StmtKind::Assign) {} };
struct AugAssign : Stmt { Expr* target = nullptr; OperatorKind op{}; Expr* value = nullptr; AugAssign() : Stmt(StmtKind::AugAssign) {} };
struct AnnAssign : Stmt { Expr* target = nullptr; Expr* annotation = nullptr; Expr* value = nullptr; bool simple = false; AnnAssign() : Stmt(StmtKind::AnnAssign) {} };
// For and AsyncFor share one struct.
struct For : Stmt {
    Expr* target = nullptr; Expr* iter = nullptr; std::vector<Stmt*> body, orelse;
    explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
};
struct While : Stmt { Expr* test = nullptr; std::vector<Stmt*> body, orelse; While() : Stmt(StmtKind::While) {} };
struct If : Stmt { Expr* test = nullptr; std::vector<Stmt*> body, orelse; If() : Stmt(StmtKind::If) {} };
// With and AsyncWith share one struct.
struct With : Stmt {
    std::vector<WithItem*> items; std::vector<Stmt*> body;
    explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
};
struct Match : Stmt { Expr* subject = nullptr; std::vector<MatchCase*> cases; Match() : Stmt(StmtKind::Match) {} };
struct Raise : Stmt { Expr* exc = nullptr; Expr* cause = nullptr; Raise() : Stmt(StmtKind::Raise) {} };
// Try and TryStar share one struct.
struct Try : Stmt {
    std::vector<Stmt*> body; std::vector<ExceptHandler*> handlers; std::vector<Stmt*> orelse, finalbody;
    explicit Try(bool star = false) : Stmt(star ? StmtKind::TryStar : StmtKind::Try) {}
};
struct Assert : Stmt { Expr* test = nullptr; Expr* msg = nullptr; Assert() : Stmt(StmtKind::Assert) {} };
struct Import : Stmt { std::vector<Alias*> names; Import() : Stmt(StmtKind::Import) {} };
// module empty = `from . import x`.
struct ImportFrom : Stmt { std::string module; std::vector<Alias*> names; int level = 0; ImportFrom() : Stmt(StmtKind::ImportFrom) {} };
struct Global : Stmt { std::vector<std::string> names; Global() : Stmt(StmtKind::Global) {} };
struct Nonlocal : Stmt { std::vector<std::string> names; Nonlocal() : Stmt(StmtKind::Nonlocal) {} };
struct ExprStmt : Stmt { Expr* value = nullptr; ExprStmt() : Stmt(StmtKind::Expr) {} };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

// ---------------------------------------------------------------- modules

enum class ModKind : uint8_t { Module, Interactive, Expression };
struct Mod : Node {
    ModKind kind = ModKind::Module;
    std::vector<Stmt*> body;     // Module, Interactive
    Expr* expr = nullptr;        // Expression
};

}  // namespace gp::ast
