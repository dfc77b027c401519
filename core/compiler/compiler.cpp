// compiler.cpp — code generation: AST to basic blocks of instructions.
//
// Mirrors the front half of CPython 3.11's Python/compile.c, function for
// function where it matters for what `dis` shows: compiler_visit_stmt,
// compiler_visit_expr, compiler_nameop (which opcode a name gets),
// compiler_jump_if (conditions compiled straight into jumps), compiler_while
// (the test is repeated at the bottom), compiler_call (LOAD_METHOD for
// `obj.m(...)`, PUSH_NULL otherwise), compiler_make_closure. Constants are
// deduplicated across the whole compilation (merge_consts_recursive), which
// is why `x = 1000; y = 1000; x is y` is True in a script.
//
// Constructs not built yet raise NotImplementedError naming the construct,
// never a fake SyntaxError.
#include "compiler/compiler.h"

#include "parser/ast_dump.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "bytecode/opcodes.h"
#include "compiler/flowgraph.h"
#include "compiler/symtable.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/warnings.h"

namespace gp {

using namespace ast;

// _Py_Mangle: inside class C, `__spam` (not `__spam__`, no dots) becomes
// `_C__spam`; the class name loses its leading underscores first.
std::string mangle(const std::string& private_name, const std::string& name) {
    if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
    if (name.find('.') != std::string::npos) return name;
    std::size_t start = private_name.find_first_not_of('_');
    if (start == std::string::npos) return name;
    return "_" + private_name.substr(start) + name;
}


namespace {

// A key identifying a constant by type and value, so equal constants share
// one object (1 and 1.0 and True stay distinct; so do 0.0 and -0.0).
std::string const_key(Interpreter& interp, Object* o) {
    TypeObject* t = type_of(o);
    if (o == interp.None) return "N";
    if (o == interp.Ellipsis) return "E";
    if (t == interp.types.bool_) return o == interp.True ? "T" : "F";
    if (t == interp.types.int_) return "i" + int_to_decimal_string(o);
    if (t == interp.types.float_) {
        double d = static_cast<FloatObject*>(o)->ob_fval;
        char buf[sizeof d];
        std::memcpy(buf, &d, sizeof d);
        return "f" + std::string(buf, sizeof d);
    }
    if (t == interp.types.str) return "s" + std::string(str_utf8(o));
    if (t == interp.types.bytes) return "b" + std::string(bytes_view(o));
    if (t == interp.types.complex) {
        double parts[2] = {as_complex(o)->real, as_complex(o)->imag};
        char buf[sizeof parts];
        std::memcpy(buf, parts, sizeof parts);
        return "c" + std::string(buf, sizeof parts);
    }
    if (t == interp.types.tuple) {
        std::string k = "t(";
        auto* tup = as_tuple(o);
        for (isize i = 0; i < tup->ob_size; i++) {
            std::string sub = const_key(interp, tup->ob_item[i]);
            k += std::to_string(sub.size()) + ":" + sub;
        }
        return k + ")";
    }
    if (t == interp.types.frozenset) {
        // Equal frozensets are one constant whatever their table order.
        std::vector<std::string> keys;
        isize pos = 0;
        Object* item;
        int64_t hash;
        while (set_next_entry(o, &pos, &item, &hash)) keys.push_back(const_key(interp, item));
        std::sort(keys.begin(), keys.end());
        std::string k = "F(";
        for (const std::string& sub : keys) k += std::to_string(sub.size()) + ":" + sub;
        return k + ")";
    }
    // Code objects and anything else are never merged.
    char buf[32];
    std::snprintf(buf, sizeof buf, "p%p", static_cast<void*>(o));
    return buf;
}

// What a loop, try or with block needs when `break`/`continue`/`return`
// leaves it early (compile.c's fblockinfo).
enum class FBlockKind {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup, PopValue,
    ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};
struct FBlock {
    FBlockKind kind;
    Block* start = nullptr;    // continue target
    Block* exit = nullptr;     // break target
    const void* datum = nullptr;   // FinallyTry: the finally body; With: the statement; HandlerCleanup: the bound name
};

struct Unit {
    Scope* scope = nullptr;
    FlowGraph graph;
    Block* cur = nullptr;
    std::vector<Object*> consts;                   // owned references
    std::map<std::string, int> const_index;
    std::vector<std::string> names;
    std::map<std::string, int> name_index;
    // Local variable slots, as compile.c keeps them until assembly:
    // co_varnames grows as the code generator first names a local (the
    // parameters come first, from the symbol table); cells and free
    // variables have their own numbering (cells, then frees) which
    // leave_scope maps onto the final localsplus layout.
    std::vector<std::string> varnames;             // u_varnames, in emission order
    std::map<std::string, int> varname_index;
    std::vector<std::string> cellvars, freevars;   // u_cellvars / u_freevars (sorted)
    std::map<std::string, int> deref_index;        // cell i -> i, free j -> ncells + j
    int argcount = 0, posonly = 0, kwonly = 0;
    std::string name, qualname;
    int firstlineno = 1;
    Position loc{-1, -1, -1, -1};
    std::vector<FBlock> fblocks;
    std::string private_name;   // enclosing class name, for name mangling (u_private)
    bool async_def = false;     // an `async def` body (COMPILER_SCOPE_ASYNC_FUNCTION)
    Block* after_return = nullptr;  // the empty block a `return` statement left current

    ~Unit() { for (Object* c : consts) decref(c); }
};


// Line `lineno` of a file the interpreter has read (with its newline), for
// SyntaxError.text; empty if the file is not known.
std::string source_line(Interpreter& interp, const std::string& filename, int lineno) {
    auto it = interp.sources.find(filename);
    if (it == interp.sources.end()) return "";
    std::string_view src = it->second;
    int line = 1;
    std::size_t start = 0;
    while (line < lineno && start < src.size()) {
        std::size_t nl = src.find('\n', start);
        if (nl == std::string_view::npos) { start = src.size(); break; }
        start = nl + 1;
        line++;
    }
    std::size_t end = src.find('\n', start);
    return std::string(src.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
}

class Compiler {
public:
    Compiler(ThreadState* ts, std::string_view filename, SymbolTable& st, int future_flags)
        : ts_(ts), interp_(*ts->interp), filename_(filename), st_(st), future_flags_(future_flags) {}

    Ref<CodeObject> compile_module(Mod* mod, ParseMode mode);
    // Hands over the objects of the tree's constants (see ast_objects_).
    void take_ast_objects(std::vector<Ref<>>* out) {
        for (auto& [node, obj] : ast_objects_) out->push_back(std::move(obj));
        ast_objects_.clear();
    }
    void set_future_lineno(int lineno) { future_lineno_ = lineno; }

private:
    ThreadState* ts_;
    Interpreter& interp_;
    std::string filename_;
    SymbolTable& st_;
    int future_flags_;   // CO_FUTURE_* features of the module (and of compile()'s flags)
    int future_lineno_ = 0;   // line of the last leading `from __future__ import`
    std::vector<std::unique_ptr<Unit>> units_;
    std::map<std::string, Ref<>> const_cache_;   // merge_consts_recursive
    // The object each constant node of the tree stands for, made once per
    // node as CPython's parser and AST optimizer make them (one object per
    // literal in the source, one per folded expression) and held, as the
    // AST arena holds them. The first of equal constants is the one the
    // code objects share. Keys are nodes of the tree or of temp_nodes_,
    // which outlive the compiler (never a node on the C++ stack).
    std::map<const Expr*, Ref<>> ast_objects_;
    bool failed_ = false;
    bool interactive_ = false;

    Unit& u() { return *units_.back(); }

    // ---- errors
    bool syntax_error(const Node* n, const std::string& msg) {
        return syntax_error_at(Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset}, msg);
    }
    // compiler_error: an error at the current location (u_lineno and friends).
    bool syntax_error_here(const std::string& msg) { return syntax_error_at(u().loc, msg); }
    bool syntax_error_at(Position p, const std::string& msg) {
        SyntaxErrorInfo err;
        err.msg = msg;
        err.lineno = p.lineno;
        err.offset = p.col + 1;
        err.end_lineno = p.end_lineno;
        err.end_offset = p.end_col + 1;
        err.text = source_line(interp_, filename_, p.lineno);
        raise_syntax_error(ts_, err, filename_);
        failed_ = true;
        return false;
    }
    // compiler_warn: a SyntaxWarning at the current location. A filter that
    // turns it into an error makes it a SyntaxError there instead.
    bool warn(const std::string& msg);
    // The checks of compile.c that warn about code that is sure to fail
    // (check_compare, check_caller, check_subscripter, check_index).
    bool check_compare(Compare* c);
    bool is_import_originated(Expr* e) {
        if (e->kind != ExprKind::Name) return false;
        const auto& flags = st_.top()->flags;
        auto it = flags.find(static_cast<Name*>(e)->id);
        return it != flags.end() && (it->second & DEF_IMPORT);
    }
    bool check_caller(Expr* func);
    bool check_subscript(Subscript* s);
    std::string infer_type(Expr* e, bool* is_int = nullptr);

    bool unsupported(const char* what) {
        raise(ts_, interp_.exc.NotImplementedError, std::string("glasspy cannot compile ") + what + " yet");
        failed_ = true;
        return false;
    }

    // ---- emitting
    void emit(int opcode, int oparg = 0, Block* target = nullptr) {
        u().cur->instrs.push_back(Instr{opcode, oparg, u().loc, target});
    }
    void emit_noloc(int opcode, int oparg = 0, Block* target = nullptr) {
        u().cur->instrs.push_back(Instr{opcode, oparg, Position{-1, -1, -1, -1}, target});
    }
    Block* new_block() { return u().graph.new_block(); }
    // compile.c's b_return for the current block: 3.11 starts a new block
    // only when an instruction follows a return, so a body that ends with
    // `return` needs no implicit `return None` (nor its None constant).
    bool block_returns() {
        const Block* b = u().cur;
        if (b->instrs.empty()) return b == u().after_return;
        return b->instrs.back().opcode == RETURN_VALUE;
    }
    // Starts emitting into `b`, laid out right after the current block.
    void use_next_block(Block* b) {
        Block* cur = u().cur;
        b->next = cur->next;
        cur->next = b;
        u().cur = b;
    }
    void set_loc(const Node* n) { u().loc = Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset}; }
    // update_start_location_to_match_attr: an attribute access spanning
    // lines is located at the attribute name (for tracebacks and line events).
    void set_attr_loc(Attribute* a) {
        Position& p = u().loc;
        if (p.lineno == a->end_lineno) return;
        p.lineno = a->end_lineno;
        int len = 0;   // the name's length in code points
        for (unsigned char ch : a->attr) len += (ch & 0xC0) != 0x80;
        if (len <= a->end_col_offset) {
            p.col = a->end_col_offset - len;
        } else {
            p.col = p.end_col = -1;
        }
        p.end_lineno = std::max(p.lineno, p.end_lineno);
        if (p.lineno == p.end_lineno) p.end_col = std::max(p.col, p.end_col);
    }

    // ---- constants and names
    // merge_consts_recursive: the first of equal constants stands for all
    // of them, the items of a tuple or frozenset included.
    Ref<> merge_const(Ref<> value) {
        std::string key = const_key(interp_, value.get());
        if (key[0] == 'p') return value;
        auto cached = const_cache_.find(key);
        if (cached != const_cache_.end()) return newref(cached->second.get());
        if (key[0] == 't') {
            // The tuple is new (folded or built by the compiler): its
            // items are swapped in place for the merged ones.
            auto* t = as_tuple(value.get());
            for (isize i = 0; i < t->ob_size; i++) {
                Ref<> item = merge_const(newref(t->ob_item[i]));
                if (item.get() != t->ob_item[i]) {
                    Object* old = t->ob_item[i];
                    t->ob_item[i] = item.release();
                    decref(old);
                }
            }
        } else if (key[0] == 'F' && as_set(value.get())->used > 0) {
            // A new frozenset, rebuilt from its merged items in its own
            // iteration order (which can change that order).
            Ref<TupleObject> items = tuple_new(ts_, as_set(value.get())->used);
            isize pos = 0, i = 0;
            Object* item;
            int64_t hash;
            if (items) {
                while (set_next_entry(value.get(), &pos, &item, &hash))
                    items->ob_item[i++] = merge_const(newref(item)).release();
                if (Ref<> rebuilt = frozenset_new(ts_, items.get())) value = std::move(rebuilt);
            }
            if (error_occurred(ts_)) error_clear(ts_);
        }
        const_cache_.emplace(key, newref(value.get()));
        return value;
    }
    int add_const(Ref<> value) {
        std::string key = const_key(interp_, value.get());
        Ref<> obj = merge_const(std::move(value));
        auto it = u().const_index.find(key);
        if (it != u().const_index.end()) return it->second;
        int idx = int(u().consts.size());
        u().consts.push_back(obj.release());
        u().const_index.emplace(key, idx);
        return idx;
    }
    // compiler_add_o on u_varnames: the slot of a fast local, added the
    // first time it is named.
    static int varname_slot(Unit& unit, const std::string& name) {
        auto [it, added] = unit.varname_index.emplace(name, int(unit.varnames.size()));
        if (added) unit.varnames.push_back(name);
        return it->second;
    }
    int add_name(const std::string& name) {
        auto it = u().name_index.find(name);
        if (it != u().name_index.end()) return it->second;
        int idx = int(u().names.size());
        u().names.push_back(name);
        u().name_index.emplace(name, idx);
        return idx;
    }
    bool load_const(Ref<> value) {
        if (!value) { failed_ = true; return false; }
        emit(LOAD_CONST, add_const(std::move(value)));
        return true;
    }
    Ref<> none() { return newref(interp_.None); }

    // ---- constant folding (CPython's ast_opt.c, on the fly)
    Ref<> constant_value(const AstConstant& c);
    Ref<> try_fold(Expr* e);
    Ref<> fold(Expr* e);
    Ref<> fold_binop(OperatorKind op, Object* l, Object* r);
    bool invert_not_compare(UnaryOp* u, Compare& out);
    bool format_as_fstring(BinOp* b, JoinedStr& out);
    std::vector<std::unique_ptr<Node>> temp_nodes_;   // AST nodes made by the rewrites above

    // ---- scopes
    bool enter_scope(Scope* scope, const std::string& name, const Node* node, int firstlineno);
    Ref<CodeObject> leave_scope(int flags_extra);
    std::string qualname_for(const std::string& name, Scope* scope);

    // ---- statements and expressions
    bool visit_stmts(const std::vector<Stmt*>& body);
    bool visit_stmt(Stmt* s);
    bool visit_expr(Expr* e);
    bool visit_expr_inner(Expr* e);
    bool nameop(const std::string& name, ExprContext ctx);
    bool store_target(Expr* target);
    bool store_target_inner(Expr* target);
    bool jump_if(Expr* e, Block* target, bool cond);
    bool compare(Compare* c);
    bool call(Call* c);
    bool call_args(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords, int extra);
    bool validate_keywords(const std::vector<Keyword*>& keywords);
    bool kw_names(const std::vector<Keyword*>& keywords);
    bool subkwargs(const std::vector<Keyword*>& keywords, std::size_t begin, std::size_t end);
    bool starunpack(const std::vector<Expr*>& elts, int pushed, int build, int add, int extend, bool tuple);
    bool all_constant(const std::vector<Expr*>& elts, std::size_t begin, std::size_t end,
                      std::vector<Ref<>>* values = nullptr);
    bool dict_display(Dict* d);
    bool subdict(Dict* d, std::size_t begin, std::size_t end);
    bool comprehension(Expr* e, const char* name, const std::vector<Comprehension*>& gens, Expr* elt, Expr* val);
    bool comprehension_generator(Expr* e, const std::vector<Comprehension*>& gens, std::size_t index, int depth,
                                 Expr* elt, Expr* val);
    void add_yield_from(bool await);
    bool function_def(FunctionDef* fd);
    bool class_def(ClassDef* cd);
    bool lambda(Lambda* l);
    bool make_closure(CodeObject* code, int flags);
    // compiler_apply_decorators: innermost first, each call at its
    // decorator's position; the statement's position is restored after.
    void apply_decorators(const std::vector<Expr*>& decos) {
        Position saved = u().loc;
        for (std::size_t i = decos.size(); i-- > 0;) {
            set_loc(decos[i]);
            emit(PRECALL, 0);
            emit(CALL, 0);
        }
        u().loc = saved;
    }
    bool defaults(Arguments* a, int* flags);
    bool body_with_docstring(const std::vector<Stmt*>& body, bool is_module);
    // An annotation's value: the expression, or under `from __future__
    // import annotations` its source text as a constant.
    bool annotation(Expr* e) {
        if (!(future_flags_ & CO_FUTURE_ANNOTATIONS)) return visit_expr(e);
        Ref<> text = unparse_annotation(ts_, e);
        return text && load_const(std::move(text));
    }
    bool unwind_fblock(const FBlock& fb, bool preserve_tos);
    bool unwind_fblock_stack(bool preserve_tos, FBlock* loop, bool* found_loop);
    bool try_except(Try* t);
    bool try_finally(Try* t);
    bool try_star_except(Try* t);
    bool with_stmt(With* w, std::size_t pos);
    bool async_with(With* w, std::size_t pos);
    bool async_for(For* f);
    void emit_yield();
    void emit_await(int kind);
    bool async_comprehension_generator(Expr* e, const std::vector<Comprehension*>& gens, std::size_t index,
                                       int depth, Expr* elt, Expr* val);
    bool comprehension_element(Expr* e, int depth, Expr* elt, Expr* val);
    void pop_except_and_reraise();
    bool call_exit_with_nones();
    bool augassign(AugAssign* a);
    bool joined_str(JoinedStr* j);
    bool subscript_slice(Expr* slice);
    bool visit_iterable(Expr* e);

    // ---- pattern matching (compile.c: compiler_match and compiler_pattern_*)
    struct PatternContext {
        std::vector<std::string> stores;   // names captured so far, in stack order
        bool allow_irrefutable = false;
        std::vector<Block*> fail_pop;      // fail_pop[n]: pop n items, then fail
        int on_top = 0;                    // items above the captures that must be popped on failure
    };
    bool match_stmt(Match* m);
    bool pattern(Pattern* p, PatternContext& pc);
    bool pattern_subpattern(Pattern* p, PatternContext& pc);
    void ensure_fail_pop(PatternContext& pc, std::size_t n);
    void jump_to_fail_pop(PatternContext& pc, int op);
    void emit_and_reset_fail_pop(PatternContext& pc);
    void pattern_rotate(int count);
    bool pattern_store_name(const std::string& name, PatternContext& pc, const Node* at);
    bool pattern_sequence(MatchSequence* p, PatternContext& pc);
    bool pattern_mapping(MatchMapping* p, PatternContext& pc);
    bool pattern_class(MatchClass* p, PatternContext& pc);
    bool pattern_or(MatchOr* p, PatternContext& pc);
    // ast_opt.c's fold_compare: `x in [1, 2]` tests against a tuple.
    bool visit_last_comparator(Compare* c) {
        CmpOpKind op = c->ops.back();
        Expr* last = c->comparators.back();
        if (op == CmpOpKind::In || op == CmpOpKind::NotIn) return visit_iterable(last);
        return visit_expr(last);
    }
};

// ------------------------------------------------------------ constants

}  // namespace

Ref<> ast_constant_value(ThreadState* ts, const AstConstant& c) {
    Interpreter& interp = *ts->interp;
    switch (c.kind) {
    case AstConstant::Kind::None: return newref(interp.None);
    case AstConstant::Kind::True: return newref<Object>(interp.True);
    case AstConstant::Kind::False: return newref<Object>(interp.False);
    case AstConstant::Kind::Ellipsis: return newref(interp.Ellipsis);
    case AstConstant::Kind::Int: return int_from_string(ts, c.text, c.base);
    case AstConstant::Kind::Float: return float_from_double(ts, c.number);
    case AstConstant::Kind::Complex: return complex_from_doubles(ts, 0.0, c.number);
    case AstConstant::Kind::Str: return str_from_utf8(ts, c.text);
    case AstConstant::Kind::Bytes: return bytes_from_string(ts, c.text);
    }
    return nullptr;
}

namespace {

Ref<> Compiler::constant_value(const AstConstant& c) { return ast_constant_value(ts_, c); }

static bool is_number(Interpreter& interp, Object* o) {
    return type_of(o) == interp.types.int_ || type_of(o) == interp.types.float_ || type_of(o) == interp.types.bool_ ||
           type_of(o) == interp.types.complex;
}

// Folds constant expressions the way 3.11's AST optimizer does: arithmetic on
// numbers (within size limits), unary operators, tuples of constants.
// Returns null (with no error set) when the expression is not foldable.
// A node folds to the same object every time it is asked (ast_objects_).
Ref<> Compiler::try_fold(Expr* e) {
    auto known = ast_objects_.find(e);
    if (known != ast_objects_.end()) return newref(known->second.get());
    Ref<> v = fold(e);
    if (v) ast_objects_.emplace(e, newref(v.get()));
    return v;
}

Ref<> Compiler::fold(Expr* e) {
    switch (e->kind) {
    case ExprKind::Constant: {
        auto* c = static_cast<Constant*>(e);
        return constant_value(c->value);
    }
    case ExprKind::Name: {
        auto* n = static_cast<Name*>(e);
        if (n->ctx == ExprContext::Load && n->id == "__debug__") return newref<Object>(interp_.True);
        return nullptr;
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<UnaryOp*>(e);
        Ref<> v = try_fold(u->operand);
        if (!v) return nullptr;
        Ref<> r;
        switch (u->op) {
        case UnaryOpKind::USub: if (is_number(interp_, v.get())) r = number_negative(ts_, v.get()); break;
        case UnaryOpKind::UAdd: if (is_number(interp_, v.get())) r = number_positive(ts_, v.get()); break;
        case UnaryOpKind::Invert:
            if (type_of(v.get()) == interp_.types.int_ || type_of(v.get()) == interp_.types.bool_) r = number_invert(ts_, v.get());
            break;
        case UnaryOpKind::Not: {
            int t = object_is_true(ts_, v.get());
            if (t >= 0) r = bool_from(ts_, !t);
            break;
        }
        }
        if (!r) error_clear(ts_);
        return r;
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        Ref<> l = try_fold(b->left);
        if (!l) return nullptr;
        Ref<> r = try_fold(b->right);
        if (!r) return nullptr;
        return fold_binop(b->op, l.get(), r.get());
    }
    case ExprKind::Subscript: {
        // fold_subscr: a constant indexed by a constant (not a slice).
        auto* sub = static_cast<Subscript*>(e);
        if (sub->ctx != ExprContext::Load || sub->slice->kind == ExprKind::Slice) return nullptr;
        Ref<> v = try_fold(sub->value);
        if (!v) return nullptr;
        Ref<> i = try_fold(sub->slice);
        if (!i) return nullptr;
        Ref<> res = object_getitem(ts_, v.get(), i.get());
        if (!res) error_clear(ts_);
        return res;
    }
    case ExprKind::Tuple: {
        auto* t = static_cast<Tuple*>(e);
        if (t->ctx != ExprContext::Load) return nullptr;
        std::vector<Ref<>> items;
        for (Expr* x : t->elts) {
            if (x->kind == ExprKind::Starred) return nullptr;
            Ref<> v = try_fold(x);
            if (!v) return nullptr;
            items.push_back(std::move(v));
        }
        Ref<TupleObject> tup = tuple_new(ts_, isize(items.size()));
        if (!tup) { error_clear(ts_); return nullptr; }
        for (std::size_t i = 0; i < items.size(); i++) tup->ob_item[i] = items[i].release();
        return tup;
    }
    default:
        return nullptr;
    }
}

// fold_unaryop's rewrite of `not a is b` to `a is not b` (and `not a in b`
// to `a not in b`): fills `out` with the inverted comparison, which keeps the
// comparison's position. The AST itself is left alone.
bool Compiler::invert_not_compare(UnaryOp* u, Compare& out) {
    if (u->op != UnaryOpKind::Not || u->operand->kind != ExprKind::Compare) return false;
    auto* c = static_cast<Compare*>(u->operand);
    if (c->ops.size() != 1) return false;
    CmpOpKind op;
    switch (c->ops[0]) {
    case CmpOpKind::Is: op = CmpOpKind::IsNot; break;
    case CmpOpKind::IsNot: op = CmpOpKind::Is; break;
    case CmpOpKind::In: op = CmpOpKind::NotIn; break;
    case CmpOpKind::NotIn: op = CmpOpKind::In; break;
    default: return false;   // == and < cannot be inverted safely
    }
    out.left = c->left;
    out.ops = {op};
    out.comparators = c->comparators;
    out.lineno = c->lineno; out.col_offset = c->col_offset;
    out.end_lineno = c->end_lineno; out.end_col_offset = c->end_col_offset;
    return true;
}

// The number of bits of an int's magnitude (_PyLong_NumBits), or -1.
static int64_t int_num_bits(ThreadState* ts, Object* v) {
    Ref<> n = call_method(ts, v, "bit_length", nullptr, 0);
    int64_t bits;
    if (!n || !int_as_i64(n.get(), &bits)) { error_clear(ts); return -1; }
    return bits;
}

// check_complexity: `limit` less the items of nested tuples and frozensets.
static isize check_complexity(Object* o, isize limit) {
    if (is_tuple(o)) {
        auto* t = static_cast<TupleObject*>(o);
        limit -= t->ob_size;
        for (isize i = 0; limit >= 0 && i < t->ob_size; i++) limit = check_complexity(t->ob_item[i], limit);
    }
    return limit;
}

// fold_binop with ast_opt.c's safe_* guards, which keep folded constants
// small: ints of at most 128 bits from *, ** and <<, sequences of at most
// 256 items / 4096 characters from *, and no %-formatting of str/bytes.
Ref<> Compiler::fold_binop(OperatorKind kind, Object* l, Object* r) {
    constexpr int64_t kMaxIntSize = 128, kMaxCollectionSize = 256, kMaxStrSize = 4096, kMaxTotalItems = 1024;
    static const int kOps[] = {NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_MATRIX_MULTIPLY, NB_TRUE_DIVIDE, NB_REMAINDER,
                               NB_POWER, NB_LSHIFT, NB_RSHIFT, NB_OR, NB_XOR, NB_AND, NB_FLOOR_DIVIDE};
    int op = kOps[int(kind)];
    auto exact_int = [this](Object* o) { return type_of(o) == interp_.types.int_ || type_of(o) == interp_.types.bool_; };
    auto seq_size = [this](Object* o) -> isize {   // -1: not a str/bytes
        if (is_str(o)) return as_str(o)->length;
        if (type_of(o) == interp_.types.bytes) return static_cast<VarObject*>(o)->ob_size;
        return -1;
    };
    switch (op) {
    case NB_MATRIX_MULTIPLY:
        return nullptr;   // no constant implements @
    case NB_REMAINDER:
        if (seq_size(l) >= 0) return nullptr;   // "%s" % x stays a runtime format
        break;
    case NB_MULTIPLY: {
        Object* n = l;
        Object* seq = r;
        if (!exact_int(n) || exact_int(seq)) std::swap(n, seq);
        if (exact_int(l) && exact_int(r)) {
            if (int_sign(l) && int_sign(r)) {
                int64_t lb = int_num_bits(ts_, l), rb = int_num_bits(ts_, r);
                if (lb < 0 || rb < 0 || lb + rb > kMaxIntSize) return nullptr;
            }
        } else if (exact_int(n) && is_tuple(seq)) {
            isize size = static_cast<TupleObject*>(seq)->ob_size;
            if (size) {
                int64_t times;
                if (!int_as_i64(n, &times) || times < 0 || times > kMaxCollectionSize / size) return nullptr;
                if (times && check_complexity(seq, isize(kMaxTotalItems / times)) < 0) return nullptr;
            }
        } else if (exact_int(n) && seq_size(seq) >= 0) {
            isize size = seq_size(seq);
            if (size) {
                int64_t times;
                if (!int_as_i64(n, &times) || times < 0 || times > kMaxStrSize / size) return nullptr;
            }
        }
        break;
    }
    case NB_POWER:
        if (exact_int(l) && exact_int(r) && int_sign(l) && int_sign(r) > 0) {
            int64_t lb = int_num_bits(ts_, l), rb;
            if (lb < 0 || !int_as_i64(r, &rb)) return nullptr;
            if (lb > kMaxIntSize / rb) return nullptr;
        }
        break;
    case NB_LSHIFT:
        if (exact_int(l) && exact_int(r) && int_sign(l) && int_sign(r)) {
            int64_t lb = int_num_bits(ts_, l), rb;
            if (lb < 0 || !int_as_i64(r, &rb) || rb < 0) return nullptr;
            if (rb > kMaxIntSize || lb > kMaxIntSize - rb) return nullptr;
        }
        break;
    default:
        break;
    }
    Ref<> res = number_binary_op(ts_, l, r, op);
    if (!res) error_clear(ts_);
    return res;
}

// ------------------------------------------------------------ warnings

bool Compiler::warn(const std::string& msg) {
    Ref<> text = str_from_utf8(ts_, msg);
    Ref<> fname = str_from_utf8(ts_, filename_);
    if (!text || !fname) { failed_ = true; return false; }
    if (!warn_explicit(ts_, interp_.exc.SyntaxWarning, text.get(), fname.get(), u().loc.lineno, nullptr, nullptr)) {
        // Replace the SyntaxWarning exception with a SyntaxError, which
        // shows the offending code.
        if (error_matches(ts_, interp_.exc.SyntaxWarning)) {
            error_clear(ts_);
            return syntax_error_here(msg);
        }
        failed_ = true;
        return false;
    }
    return true;
}

// infer_type: the type name of the value `e` is sure to have, judged on the
// tree as ast_opt.c leaves it (so `-1` and `(1, 2)` are constants); empty
// when unknown. *is_int tells whether that type is int or a subclass.
std::string Compiler::infer_type(Expr* e, bool* is_int) {
    if (is_int) *is_int = false;
    switch (e->kind) {
    case ExprKind::List: case ExprKind::ListComp: return "list";
    case ExprKind::Dict: case ExprKind::DictComp: return "dict";
    case ExprKind::Set: case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "str";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Constant: {
        const AstConstant& c = static_cast<Constant*>(e)->value;
        switch (c.kind) {
        case AstConstant::Kind::None: return "NoneType";
        case AstConstant::Kind::True: case AstConstant::Kind::False:
            if (is_int) *is_int = true;
            return "bool";
        case AstConstant::Kind::Ellipsis: return "ellipsis";
        case AstConstant::Kind::Int: if (is_int) *is_int = true; return "int";
        case AstConstant::Kind::Float: return "float";
        case AstConstant::Kind::Complex: return "complex";
        case AstConstant::Kind::Str: return "str";
        case AstConstant::Kind::Bytes: return "bytes";
        }
        return "";
    }
    case ExprKind::UnaryOp: case ExprKind::BinOp: case ExprKind::Subscript: {
        Ref<> v = try_fold(e);
        if (!v) { error_clear(ts_); return ""; }
        TypeObject* t = type_of(v.get());
        if (is_int) *is_int = t == interp_.types.int_ || t == interp_.types.bool_;
        return t->tp_name;
    }
    default:
        return "";
    }
}

// check_is_arg: might `e` be an object whose identity means something?
// Anything but a literal does, and so do the singletons None, True, False
// and Ellipsis.
static bool check_is_arg(Expr* e) {
    if (e->kind != ExprKind::Constant) return true;
    AstConstant::Kind k = static_cast<Constant*>(e)->value.kind;
    return k == AstConstant::Kind::None || k == AstConstant::Kind::True || k == AstConstant::Kind::False ||
           k == AstConstant::Kind::Ellipsis;
}

bool Compiler::check_compare(Compare* c) {
    // A folded expression (-1, 2 * 3, (1, 2)) is a literal too.
    auto is_arg = [this](Expr* e) {
        if (e->kind == ExprKind::UnaryOp || e->kind == ExprKind::BinOp || e->kind == ExprKind::Tuple ||
            e->kind == ExprKind::Subscript) {
            Ref<> v = try_fold(e);
            if (v) return false;
            error_clear(ts_);
            return true;
        }
        return check_is_arg(e);
    };
    bool left = is_arg(c->left);
    for (std::size_t i = 0; i < c->ops.size(); i++) {
        bool right = is_arg(c->comparators[i]);
        CmpOpKind op = c->ops[i];
        if ((op == CmpOpKind::Is || op == CmpOpKind::IsNot) && (!left || !right))
            return warn(op == CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                            : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return true;
}

bool Compiler::check_caller(Expr* func) {
    switch (func->kind) {
    case ExprKind::Constant: case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
    case ExprKind::Dict: case ExprKind::DictComp: case ExprKind::Set: case ExprKind::SetComp:
    case ExprKind::GeneratorExp: case ExprKind::JoinedStr: case ExprKind::FormattedValue:
        return warn("'" + infer_type(func) + "' object is not callable; perhaps you missed a comma?");
    case ExprKind::UnaryOp: case ExprKind::BinOp: case ExprKind::Subscript: {
        std::string t = infer_type(func);   // folds to a constant?
        if (t.empty()) return true;
        return warn("'" + t + "' object is not callable; perhaps you missed a comma?");
    }
    default:
        return true;
    }
}

// check_subscripter and check_index, for a subscript that loads.
bool Compiler::check_subscript(Subscript* s) {
    Expr* v = s->value;
    std::string vt = infer_type(v);
    bool folded_const = v->kind == ExprKind::Constant ||
                        ((v->kind == ExprKind::UnaryOp || v->kind == ExprKind::BinOp ||
                          v->kind == ExprKind::Subscript) && !vt.empty());
    if (v->kind == ExprKind::Tuple) {   // a tuple of constants is a constant
        Ref<> t = try_fold(v);
        if (t) folded_const = true;
        else error_clear(ts_);
    }
    // check_subscripter: a value that has no __getitem__ / __class_getitem__.
    bool unsubscriptable = false;
    if (folded_const) {
        unsubscriptable = vt == "NoneType" || vt == "ellipsis" || vt == "int" || vt == "bool" || vt == "float" ||
                          vt == "complex";
    } else {
        unsubscriptable = v->kind == ExprKind::Set || v->kind == ExprKind::SetComp ||
                          v->kind == ExprKind::GeneratorExp || v->kind == ExprKind::Lambda;
    }
    if (unsubscriptable) return warn("'" + vt + "' object is not subscriptable; perhaps you missed a comma?");
    // check_index: a sequence indexed by something that is surely not an int.
    bool index_is_int = false;
    std::string it = infer_type(s->slice, &index_is_int);
    if (it.empty() || index_is_int) return true;
    bool sequence = folded_const ? (vt == "str" || vt == "bytes" || vt == "tuple")
                                 : (v->kind == ExprKind::Tuple || v->kind == ExprKind::List ||
                                    v->kind == ExprKind::ListComp || v->kind == ExprKind::JoinedStr ||
                                    v->kind == ExprKind::FormattedValue);
    if (!sequence) return true;
    return warn(vt + " indices must be integers or slices, not " + it + "; perhaps you missed a comma?");
}

// ------------------------------------------------------------ scopes

std::string Compiler::qualname_for(const std::string& name, Scope* scope) {
    if (units_.size() <= 1) return name;
    Unit& parent = u();
    ScopeKind pk = parent.scope->kind;
    if (pk == ScopeKind::Module) return name;
    // A function declared global keeps its plain name (compiler_set_qualname).
    if (parent.scope->lookup(name) == NameScope::GlobalExplicit) return name;
    if (pk == ScopeKind::Function || pk == ScopeKind::Lambda || pk == ScopeKind::Comprehension)
        return parent.qualname + ".<locals>." + name;
    return parent.qualname + "." + name;
}

bool Compiler::enter_scope(Scope* scope, const std::string& name, const Node* node, int firstlineno) {
    std::string qual = qualname_for(name, scope);
    auto unit = std::make_unique<Unit>();
    if (!units_.empty()) unit->private_name = units_.back()->private_name;
    unit->scope = scope;
    unit->name = name;
    unit->qualname = qual;
    unit->firstlineno = firstlineno;
    unit->cur = unit->graph.new_block();
    unit->graph.set_entry(unit->cur);
    // co_varnames starts as the parameters; other locals join as nameop
    // first emits them. Cells and free variables are in name order, as
    // CPython's dictbytype sorts them.
    if (scope->is_function_block())
        for (const std::string& v : scope->varnames) varname_slot(*unit, v);
    std::vector<std::string>& cells = unit->cellvars;
    std::vector<std::string>& frees = unit->freevars;
    for (const std::string& n : scope->order) {
        if (scope->lookup(n) == NameScope::Cell) cells.push_back(n);
        else if (scope->lookup(n) == NameScope::Free) frees.push_back(n);
        // A class also carries the cells of names it binds itself but its
        // methods read from an enclosing function (DEF_FREE_CLASS).
        else if (scope->kind == ScopeKind::Class && (scope->flags.at(n) & DEF_FREE_CLASS)) frees.push_back(n);
    }
    if (scope->needs_class_closure) cells.push_back("__class__");
    std::sort(cells.begin(), cells.end());
    std::sort(frees.begin(), frees.end());
    for (const std::string& n : cells) unit->deref_index.emplace(n, int(unit->deref_index.size()));
    for (const std::string& n : frees) unit->deref_index.emplace(n, int(unit->deref_index.size()));
    units_.push_back(std::move(unit));
    // Prefix (insert_prefix_instructions): free variables are copied in and
    // cells created, and a generator returns itself, all before RESUME.
    // MAKE_CELL names the cell in the cell numbering, like every deref
    // instruction; leave_scope moves them all to their final slots.
    if (!u().freevars.empty()) emit_noloc(COPY_FREE_VARS, int(u().freevars.size()));
    // They come in final slot order: captured parameters first.
    for (const std::string& v : u().varnames)
        if (auto it = u().deref_index.find(v); it != u().deref_index.end() && it->second < int(u().cellvars.size()))
            emit_noloc(MAKE_CELL, it->second);
    for (std::size_t i = 0; i < u().cellvars.size(); i++)
        if (!u().varname_index.count(u().cellvars[i])) emit_noloc(MAKE_CELL, int(i));
    if (scope->is_generator || scope->is_coroutine) {
        u().cur->instrs.push_back(Instr{RETURN_GENERATOR, 0, Position{firstlineno, firstlineno, -1, -1}, nullptr});
        emit_noloc(POP_TOP);
    }
    // RESUME's position, as 3.11 records it: line 0 (ending on line 1) for a
    // module, the first line with columns 0..0 for a function or class.
    u().loc = scope->kind == ScopeKind::Module ? Position{0, 1, 0, 0}
                                               : Position{firstlineno, firstlineno, 0, 0};
    emit(RESUME, 0);
    return true;
}

Ref<CodeObject> Compiler::leave_scope(int flags_extra) {
    Unit& unit = u();
    Ref<CodeObject> co = code_new(ts_);
    if (!co) return nullptr;
    co->co_argcount = unit.argcount;
    co->co_posonlyargcount = unit.posonly;
    co->co_kwonlyargcount = unit.kwonly;
    co->co_firstlineno = unit.firstlineno;
    // compute_localsplus_info: co_varnames, then the cells that are not
    // also parameters, then the free variables.
    std::vector<std::string> localsplus = unit.varnames;
    std::vector<uint8_t> kinds(localsplus.size(), CO_FAST_LOCAL);
    // build_cellfixedoffsets: where each cell / free variable ends up.
    std::vector<int> fixed;
    int ncells = 0;
    for (const std::string& n : unit.cellvars) {
        auto it = unit.varname_index.find(n);
        if (it != unit.varname_index.end()) {
            fixed.push_back(it->second);
            kinds[it->second] |= CO_FAST_CELL;
        } else {
            fixed.push_back(int(localsplus.size()));
            localsplus.push_back(n);
            kinds.push_back(CO_FAST_CELL);
        }
        ncells++;
    }
    for (const std::string& n : unit.freevars) {
        fixed.push_back(int(localsplus.size()));
        localsplus.push_back(n);
        kinds.push_back(CO_FAST_FREE);
    }
    unit.graph.fix_cell_offsets(fixed);
    co->co_nlocalsplus = int(localsplus.size());
    co->co_nlocals = int(unit.varnames.size());
    co->co_ncellvars = ncells;
    co->co_nfreevars = int(unit.freevars.size());
    int flags = flags_extra;
    Scope* s = unit.scope;
    if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::Comprehension) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        // CO_NESTED as symtable.c's ste_nested: some enclosing scope is a
        // function block (a method of a module-level class is not nested).
        for (Scope* p = s->parent; p; p = p->parent)
            if (p->is_function_block()) { flags |= CO_NESTED; break; }
        if (s->has_varargs) flags |= CO_VARARGS;
        if (s->has_varkeywords) flags |= CO_VARKEYWORDS;
        if (s->is_generator && s->is_coroutine) flags |= CO_ASYNC_GENERATOR;
        else if (s->is_generator) flags |= CO_GENERATOR;
        else if (s->is_coroutine) flags |= CO_COROUTINE;
    }
    // (3.11 no longer sets CO_NOFREE.) Every code object of a module
    // carries its future features.
    co->co_flags = flags | (future_flags_ & kFutureFlagsMask);

    AddConstFn add = [this](Ref<> v) { return add_const(std::move(v)); };
    int nconsts = 0;
    if (!unit.graph.assemble(ts_, co.get(), unit.consts, add, &nconsts)) {
        raise(ts_, interp_.exc.SystemError, "assembler failed");
        return nullptr;
    }
    while (int(unit.consts.size()) > nconsts) {
        decref(unit.consts.back());
        unit.consts.pop_back();
    }
    Ref<TupleObject> consts = tuple_from_array(ts_, unit.consts.data(), isize(unit.consts.size()));
    Ref<TupleObject> names = tuple_new(ts_, isize(unit.names.size()));
    Ref<TupleObject> lpnames = tuple_new(ts_, isize(localsplus.size()));
    if (!consts || !names || !lpnames) return nullptr;
    for (std::size_t i = 0; i < unit.names.size(); i++) {
        Ref<> n = str_intern(ts_, str_from_utf8(ts_, unit.names[i]));
        if (!n) return nullptr;
        names->ob_item[i] = n.release();
    }
    for (std::size_t i = 0; i < localsplus.size(); i++) {
        Ref<> n = str_intern(ts_, str_from_utf8(ts_, localsplus[i]));
        if (!n) return nullptr;
        lpnames->ob_item[i] = n.release();
    }
    // makecode's merge_const_one: code objects with equal constants,
    // names or local names share one tuple of them.
    Ref<> merged_consts = merge_const(Ref<>(std::move(consts)));
    Ref<> merged_names = merge_const(Ref<>(std::move(names)));
    Ref<> merged_lpnames = merge_const(Ref<>(std::move(lpnames)));
    // Then, as _PyCode_New does, the string constants are interned in
    // place (after merging, which would put the uninterned ones back).
    if (!intern_string_constants(ts_, static_cast<TupleObject*>(merged_consts.get()))) return nullptr;
    co->co_consts = static_cast<TupleObject*>(merged_consts.release());
    co->co_names = static_cast<TupleObject*>(merged_names.release());
    co->co_localsplusnames = static_cast<TupleObject*>(merged_lpnames.release());
    co->localspluskinds = std::move(kinds);
    // Like the names, the file name and qualified name are interned.
    Ref<> fname = str_intern(ts_, str_from_utf8(ts_, filename_));
    Ref<> name = str_intern(ts_, str_from_utf8(ts_, unit.name));
    Ref<> qual = str_intern(ts_, str_from_utf8(ts_, unit.qualname));
    if (!fname || !name || !qual) return nullptr;
    co->co_filename = static_cast<StrObject*>(fname.release());
    co->co_name = static_cast<StrObject*>(name.release());
    co->co_qualname = static_cast<StrObject*>(qual.release());
    units_.pop_back();
    return co;
}

// ------------------------------------------------------------ module

Ref<CodeObject> Compiler::compile_module(Mod* mod, ParseMode mode) {
    interactive_ = mode == ParseMode::Single;
    if (!enter_scope(st_.top(), "<module>", nullptr, 1)) return nullptr;
    if (mode == ParseMode::Eval) {
        if (!visit_expr(mod->expr)) return nullptr;
        u().loc = Position{-1, -1, -1, -1};   // assemble()'s artificial return
        emit(RETURN_VALUE);
    } else {
        if (!body_with_docstring(mod->body, true)) return nullptr;
        if (!u().cur->ends_with_exit()) {
            u().loc = Position{-1, -1, -1, -1};
            load_const(none());
            emit(RETURN_VALUE);
        }
    }
    if (failed_) return nullptr;
    return leave_scope(0);
}

// find_ann: does the body (not nested functions or classes) annotate a name?
static bool find_ann(const std::vector<Stmt*>& body) {
    for (Stmt* st : body) {
        switch (st->kind) {
        case StmtKind::AnnAssign: return true;
        case StmtKind::For: case StmtKind::AsyncFor: {
            auto* f = static_cast<For*>(st);
            if (find_ann(f->body) || find_ann(f->orelse)) return true;
            break;
        }
        case StmtKind::While: {
            auto* w = static_cast<While*>(st);
            if (find_ann(w->body) || find_ann(w->orelse)) return true;
            break;
        }
        case StmtKind::If: {
            auto* i = static_cast<If*>(st);
            if (find_ann(i->body) || find_ann(i->orelse)) return true;
            break;
        }
        case StmtKind::With: case StmtKind::AsyncWith:
            if (find_ann(static_cast<With*>(st)->body)) return true;
            break;
        case StmtKind::Try: case StmtKind::TryStar: {
            auto* t = static_cast<Try*>(st);
            if (find_ann(t->body) || find_ann(t->orelse) || find_ann(t->finalbody)) return true;
            for (ExceptHandler* h : t->handlers)
                if (find_ann(h->body)) return true;
            break;
        }
        case StmtKind::Match:
            for (MatchCase* c : static_cast<Match*>(st)->cases)
                if (find_ann(c->body)) return true;
            break;
        default:
            break;
        }
    }
    return false;
}

// compiler_body: module and class bodies (docstring -> __doc__,
// SETUP_ANNOTATIONS when anything is annotated).
bool Compiler::body_with_docstring(const std::vector<Stmt*>& body, bool is_module) {
    if (u().scope->kind == ScopeKind::Module && !body.empty()) set_loc(body[0]);
    if (find_ann(body)) emit(SETUP_ANNOTATIONS);
    std::size_t start = 0;
    if (is_module && !interactive_ && !body.empty() && body[0]->kind == StmtKind::Expr) {
        Expr* v = static_cast<ExprStmt*>(body[0])->value;
        if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->value.kind == AstConstant::Kind::Str) {
            set_loc(body[0]);
            if (!visit_expr(v)) return false;
            u().loc = Position{-1, -1, -1, -1};
            if (!nameop("__doc__", ExprContext::Store)) return false;
            start = 1;
        }
    }
    for (std::size_t i = start; i < body.size(); i++)
        if (!visit_stmt(body[i])) return false;
    return true;
}

bool Compiler::visit_stmts(const std::vector<Stmt*>& body) {
    for (Stmt* s : body)
        if (!visit_stmt(s)) return false;
    return true;
}

// ------------------------------------------------------------ names

bool Compiler::nameop(const std::string& raw_name, ExprContext ctx) {
    std::string name = mangle(u().private_name, raw_name);
    Scope* s = u().scope;
    NameScope kind = s->lookup(name);
    bool fn = s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::Comprehension;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    switch (kind) {
    case NameScope::Free:
        optype = OP_DEREF;
        break;
    case NameScope::Cell:
        optype = OP_DEREF;
        break;
    case NameScope::Local:
        if (fn) optype = OP_FAST;
        break;
    case NameScope::GlobalImplicit:
        if (fn) optype = OP_GLOBAL;
        break;
    case NameScope::GlobalExplicit:
        optype = OP_GLOBAL;
        break;
    case NameScope::Unknown:
        if (fn) optype = OP_GLOBAL;
        break;
    }
    if (optype == OP_DEREF && s->kind == ScopeKind::Class && ctx == ExprContext::Load) {
        emit(LOAD_CLASSDEREF, u().deref_index.at(name));
        return true;
    }
    switch (optype) {
    case OP_DEREF: {
        int i = u().deref_index.at(name);
        emit(ctx == ExprContext::Load ? LOAD_DEREF : ctx == ExprContext::Store ? STORE_DEREF : DELETE_DEREF, i);
        return true;
    }
    case OP_FAST: {
        int i = varname_slot(u(), name);
        emit(ctx == ExprContext::Load ? LOAD_FAST : ctx == ExprContext::Store ? STORE_FAST : DELETE_FAST, i);
        return true;
    }
    case OP_GLOBAL: {
        int i = add_name(name);
        if (ctx == ExprContext::Load) emit(LOAD_GLOBAL, i << 1);
        else emit(ctx == ExprContext::Store ? STORE_GLOBAL : DELETE_GLOBAL, i);
        return true;
    }
    case OP_NAME: {
        int i = add_name(name);
        emit(ctx == ExprContext::Load ? LOAD_NAME : ctx == ExprContext::Store ? STORE_NAME : DELETE_NAME, i);
        return true;
    }
    }
    return true;
}

// ------------------------------------------------------------ statements

bool Compiler::visit_stmt(Stmt* s) {
    set_loc(s);
    switch (s->kind) {
    case StmtKind::FunctionDef:
        return function_def(static_cast<FunctionDef*>(s));
    case StmtKind::Return: {
        // compiler_return
        auto* r = static_cast<Return*>(s);
        Scope* sc = u().scope;
        if (sc->kind != ScopeKind::Function && sc->kind != ScopeKind::Lambda)
            return syntax_error(s, "'return' outside function");
        if (r->value && sc->is_coroutine && sc->is_generator)
            return syntax_error(s, "'return' with value in async generator");
        Ref<> constant;
        if (r->value) {
            constant = try_fold(r->value);
            if (!constant && error_occurred(ts_)) { failed_ = true; return false; }
        }
        bool preserve_tos = r->value && !constant;
        if (preserve_tos) {
            if (!visit_expr(r->value)) return false;
        } else if (r->value) {
            set_loc(r->value);   // an instruction with the line of the returned value
            emit(NOP);
        }
        if (!r->value || r->value->lineno != s->lineno) {
            set_loc(s);
            emit(NOP);
        }
        if (!unwind_fblock_stack(preserve_tos, nullptr, nullptr)) return false;
        if (!r->value) load_const(none());
        else if (!preserve_tos) load_const(std::move(constant));
        emit(RETURN_VALUE);
        use_next_block(new_block());
        u().after_return = u().cur;
        return true;
    }
    case StmtKind::Delete: {
        for (Expr* t : static_cast<Delete*>(s)->targets) {
            switch (t->kind) {
            case ExprKind::Name:
                set_loc(t);   // the name's own position, as compiler_visit_expr sets it
                if (!nameop(static_cast<Name*>(t)->id, ExprContext::Del)) return false;
                break;
            case ExprKind::Attribute: {
                auto* a = static_cast<Attribute*>(t);
                if (!visit_expr(a->value)) return false;
                set_loc(t);
                set_attr_loc(a);
                emit(DELETE_ATTR, add_name(mangle(u().private_name, a->attr)));
                break;
            }
            case ExprKind::Subscript: {
                auto* sub = static_cast<Subscript*>(t);
                if (!visit_expr(sub->value) || !subscript_slice(sub->slice)) return false;
                set_loc(t);
                emit(DELETE_SUBSCR);
                break;
            }
            default:
                return unsupported("this kind of del target");
            }
        }
        return true;
    }
    case StmtKind::Assign: {
        auto* a = static_cast<Assign*>(s);
        if (!visit_expr(a->value)) return false;
        for (std::size_t i = 0; i < a->targets.size(); i++) {
            if (i + 1 < a->targets.size()) emit(COPY, 1);
            if (!store_target(a->targets[i])) return false;
        }
        return true;
    }
    case StmtKind::AugAssign:
        return augassign(static_cast<AugAssign*>(s));
    case StmtKind::For: {
        auto* f = static_cast<For*>(s);
        Block* start = new_block();
        Block* body = new_block();
        Block* cleanup = new_block();
        Block* end = new_block();
        u().fblocks.push_back({FBlockKind::ForLoop, start, end});
        if (!visit_iterable(f->iter)) return false;
        set_loc(s);
        emit(GET_ITER);
        use_next_block(start);
        emit(FOR_ITER, 0, cleanup);
        use_next_block(body);
        if (!store_target(f->target)) return false;
        if (!visit_stmts(f->body)) return false;
        u().loc = Position{-1, -1, -1, -1};   // the jump back is artificial
        emit(JUMP, 0, start);
        use_next_block(cleanup);
        u().fblocks.pop_back();
        if (!visit_stmts(f->orelse)) return false;
        use_next_block(end);
        return true;
    }
    case StmtKind::While: {
        auto* w = static_cast<While*>(s);
        Block* loop = new_block();
        Block* body = new_block();
        Block* anchor = new_block();
        Block* end = new_block();
        use_next_block(loop);
        u().fblocks.push_back({FBlockKind::WhileLoop, loop, end});
        if (!jump_if(w->test, anchor, false)) return false;
        use_next_block(body);
        if (!visit_stmts(w->body)) return false;
        set_loc(s);
        if (!jump_if(w->test, body, true)) return false;
        u().fblocks.pop_back();
        use_next_block(anchor);
        if (!visit_stmts(w->orelse)) return false;
        use_next_block(end);
        return true;
    }
    case StmtKind::If: {
        auto* i = static_cast<If*>(s);
        Block* end = new_block();
        Block* next = i->orelse.empty() ? end : new_block();
        if (!jump_if(i->test, next, false)) return false;
        if (!visit_stmts(i->body)) return false;
        if (!i->orelse.empty()) {
            u().loc = Position{-1, -1, -1, -1};
            emit(JUMP, 0, end);
            use_next_block(next);
            if (!visit_stmts(i->orelse)) return false;
        }
        use_next_block(end);
        return true;
    }
    case StmtKind::Assert: {
        auto* a = static_cast<Assert*>(s);
        // A non-empty tuple is always true: the parentheses were meant for
        // the (test, message) pair.
        bool tuple_test = a->test->kind == ExprKind::Tuple && !static_cast<Tuple*>(a->test)->elts.empty();
        if (tuple_test && !warn("assertion is always true, perhaps remove parentheses?")) return false;
        Block* end = new_block();
        if (!jump_if(a->test, end, true)) return false;
        emit(LOAD_ASSERTION_ERROR);
        if (a->msg) {
            if (!visit_expr(a->msg)) return false;
            emit(PRECALL, 0);
            emit(CALL, 0);
        }
        emit(RAISE_VARARGS, 1);
        use_next_block(end);
        return true;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal:
        return true;
    case StmtKind::Expr: {
        Expr* v = static_cast<ExprStmt*>(s)->value;
        if (interactive_ && units_.size() == 1) {
            if (!visit_expr(v)) return false;
            emit(PRINT_EXPR);
            return true;
        }
        if (v->kind == ExprKind::Constant) {
            emit(NOP);   // a bare constant (e.g. a docstring-like string) compiles to nothing
            return true;
        }
        if (!visit_expr(v)) return false;
        // The POP_TOP is artificial, and the position stays unset after it
        // (UNSET_LOC): what follows, like a finally's RERAISE, has no line.
        u().loc = Position{-1, -1, -1, -1};
        emit(POP_TOP);
        return true;
    }
    case StmtKind::Pass:
        emit(NOP);
        return true;
    case StmtKind::Break:
    case StmtKind::Continue: {
        // compiler_break / compiler_continue
        bool brk = s->kind == StmtKind::Break;
        emit(NOP);
        FBlock loop;
        bool found = false;
        if (!unwind_fblock_stack(false, &loop, &found)) return false;
        if (!found) return syntax_error(s, brk ? "'break' outside loop" : "'continue' not properly in loop");
        if (brk) {
            if (!unwind_fblock(loop, false)) return false;
            emit(JUMP, 0, loop.exit);
        } else {
            emit(JUMP, 0, loop.start);
        }
        use_next_block(new_block());
        return true;
    }
    case StmtKind::ClassDef:
        return class_def(static_cast<ClassDef*>(s));
    case StmtKind::AsyncFunctionDef:
        return function_def(static_cast<FunctionDef*>(s));
    case StmtKind::AnnAssign: {
        // compiler_annassign: assign first, then record the annotation in
        // __annotations__ (only for simple names in modules and classes).
        auto* a = static_cast<AnnAssign*>(s);
        Expr* t = a->target;
        bool module_or_class = u().scope->kind == ScopeKind::Module || u().scope->kind == ScopeKind::Class;
        if (a->value) {
            if (!visit_expr(a->value) || !store_target(t)) return false;
        }
        switch (t->kind) {
        case ExprKind::Name:
            if (a->simple && module_or_class) {
                if (!annotation(a->annotation)) return false;
                set_loc(s);
                emit(LOAD_NAME, add_name("__annotations__"));
                if (!load_const(str_from_utf8(ts_, mangle(u().private_name, static_cast<Name*>(t)->id)))) return false;
                emit(STORE_SUBSCR);
            }
            break;
        case ExprKind::Attribute:
            if (!a->value) {
                if (!visit_expr(static_cast<Attribute*>(t)->value)) return false;
                emit(POP_TOP);
            }
            break;
        case ExprKind::Subscript:
            if (!a->value) {
                auto* sub = static_cast<Subscript*>(t);
                if (!visit_expr(sub->value)) return false;
                emit(POP_TOP);
                if (!subscript_slice(sub->slice)) return false;
                emit(POP_TOP);
            }
            break;
        default:
            return syntax_error(t, "invalid node type for annotated assignment");
        }
        // Complex targets: the annotation is evaluated (and dropped) in
        // modules and classes, unless annotations are strings (PEP 563).
        if (!a->simple && module_or_class && !(future_flags_ & CO_FUTURE_ANNOTATIONS)) {
            if (!visit_expr(a->annotation)) return false;
            emit(POP_TOP);
        }
        return true;
    }
    case StmtKind::AsyncFor:
        return async_for(static_cast<For*>(s));
    case StmtKind::With:
        return with_stmt(static_cast<With*>(s), 0);
    case StmtKind::AsyncWith:
        if (!u().async_def) return syntax_error_here("'async with' outside async function");
        return async_with(static_cast<With*>(s), 0);
    case StmtKind::Match:
        return match_stmt(static_cast<Match*>(s));
    case StmtKind::Raise: {
        auto* r = static_cast<Raise*>(s);
        int n = 0;
        if (r->exc) {
            if (!visit_expr(r->exc)) return false;
            n = 1;
            if (r->cause) {
                if (!visit_expr(r->cause)) return false;
                n = 2;
            }
        }
        set_loc(s);
        emit(RAISE_VARARGS, n);
        use_next_block(new_block());
        return true;
    }
    case StmtKind::Try: {
        auto* t = static_cast<Try*>(s);
        return t->finalbody.empty() ? try_except(t) : try_finally(t);
    }
    case StmtKind::TryStar: {
        auto* t = static_cast<Try*>(s);
        return t->finalbody.empty() ? try_star_except(t) : try_finally(t);
    }
    case StmtKind::Import: {
        // compiler_import: every instruction at the statement's location
        // (3.11 does not locate the aliases, so a failing import's
        // traceback underlines the whole statement).
        for (Alias* a : static_cast<Import*>(s)->names) {
            load_const(int_from_i64(ts_, 0));
            load_const(none());
            emit(IMPORT_NAME, add_name(a->name));
            if (!a->asname.empty()) {
                std::size_t dot = a->name.find('.');
                if (dot != std::string::npos) {
                    // import a.b.c as d: walk down to c, then bind it.
                    while (true) {
                        std::size_t pos = dot + 1;
                        dot = a->name.find('.', pos);
                        std::string attr = a->name.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
                        emit(IMPORT_FROM, add_name(attr));
                        if (dot == std::string::npos) break;
                        emit(SWAP, 2);
                        emit(POP_TOP);
                    }
                    if (!nameop(a->asname, ExprContext::Store)) return false;
                    emit(POP_TOP);
                } else if (!nameop(a->asname, ExprContext::Store)) {
                    return false;
                }
            } else if (!nameop(a->name.substr(0, a->name.find('.')), ExprContext::Store)) {
                return false;
            }
        }
        return true;
    }
    case StmtKind::ImportFrom: {
        // compiler_from_import
        auto* f = static_cast<ImportFrom*>(s);
        if (f->module == "__future__" && f->level == 0 && s->lineno > future_lineno_)
            return syntax_error(s, "from __future__ imports must occur at the beginning of the file");
        load_const(int_from_i64(ts_, f->level));
        Ref<TupleObject> names = tuple_new(ts_, isize(f->names.size()));
        if (!names) return false;
        for (std::size_t i = 0; i < f->names.size(); i++) {
            Ref<> n = str_intern(ts_, str_from_utf8(ts_, f->names[i]->name));
            if (!n) return false;
            names->ob_item[i] = n.release();
        }
        if (!load_const(std::move(names))) return false;
        emit(IMPORT_NAME, add_name(f->module));
        for (std::size_t i = 0; i < f->names.size(); i++) {
            Alias* a = f->names[i];
            if (i == 0 && a->name == "*") {
                if (u().scope->kind != ScopeKind::Module) return syntax_error(s, "import * only allowed at module level");
                emit(IMPORT_STAR);
                return true;
            }
            emit(IMPORT_FROM, add_name(a->name));
            if (!nameop(a->asname.empty() ? a->name : a->asname, ExprContext::Store)) return false;
        }
        emit(POP_TOP);
        return true;
    }
    }
    return true;
}

// compiler_unwind_fblock: the code that leaving block `fb` early needs (pop a
// for-loop's iterator, run a finally body, call a with's __exit__, ...).
// `preserve_tos`: a return value sits on top of the stack and must survive.
bool Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
    switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
        return true;
    case FBlockKind::AsyncComprehensionGenerator:
        return true;
    case FBlockKind::ForLoop:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);   // the iterator
        return true;
    case FBlockKind::TryExcept:
        emit(POP_BLOCK);
        return true;
    case FBlockKind::FinallyTry: {
        emit(POP_BLOCK);
        if (preserve_tos) u().fblocks.push_back({FBlockKind::PopValue});
        if (!visit_stmts(*static_cast<const std::vector<Stmt*>*>(fb.datum))) return false;
        if (preserve_tos) u().fblocks.pop_back();
        u().loc = Position{-1, -1, -1, -1};   // the unwinding instruction is artificial
        return true;
    }
    case FBlockKind::FinallyEnd:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);   // exc_value
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_BLOCK);
        emit(POP_EXCEPT);
        return true;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
        set_loc(static_cast<const Node*>(fb.datum));
        emit(POP_BLOCK);
        if (preserve_tos) emit(SWAP, 2);
        if (!call_exit_with_nones()) return false;
        if (fb.kind == FBlockKind::AsyncWith) emit_await(2);
        emit(POP_TOP);
        u().loc = Position{-1, -1, -1, -1};
        return true;
    case FBlockKind::HandlerCleanup: {
        auto* name = static_cast<const std::string*>(fb.datum);
        if (name) emit(POP_BLOCK);
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_BLOCK);
        emit(POP_EXCEPT);
        if (name) {
            load_const(none());
            if (!nameop(*name, ExprContext::Store) || !nameop(*name, ExprContext::Del)) return false;
        }
        return true;
    }
    case FBlockKind::PopValue:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);
        return true;
    }
    return true;
}

// compiler_unwind_fblock_stack: unwinds blocks innermost first, stopping at
// the nearest loop when `loop` is given (break/continue).
bool Compiler::unwind_fblock_stack(bool preserve_tos, FBlock* loop, bool* found_loop) {
    if (u().fblocks.empty()) return true;
    FBlock top = u().fblocks.back();
    if (top.kind == FBlockKind::ExceptionGroupHandler)
        return syntax_error_here("'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
        *loop = top;
        *found_loop = true;
        return true;
    }
    u().fblocks.pop_back();
    bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop, found_loop);
    u().fblocks.push_back(top);
    return ok;
}

void Compiler::pop_except_and_reraise() {
    emit(COPY, 3);
    emit(POP_EXCEPT);
    emit(RERAISE, 1);
}

bool Compiler::call_exit_with_nones() {
    for (int i = 0; i < 3; i++) load_const(none());
    emit(PRECALL, 2);
    emit(CALL, 2);
    return true;
}

// compiler_try_except
bool Compiler::try_except(Try* t) {
    Block* body = new_block();
    Block* except = new_block();
    Block* end = new_block();
    Block* cleanup = new_block();
    emit(SETUP_FINALLY, 0, except);
    use_next_block(body);
    u().fblocks.push_back({FBlockKind::TryExcept, body});
    if (!visit_stmts(t->body)) return false;
    u().fblocks.pop_back();
    emit_noloc(POP_BLOCK);
    if (!visit_stmts(t->orelse)) return false;
    emit_noloc(JUMP, 0, end);
    use_next_block(except);
    u().loc = Position{-1, -1, -1, -1};
    emit(SETUP_CLEANUP, 0, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back({FBlockKind::ExceptionHandler});
    std::size_t n = t->handlers.size();
    for (std::size_t i = 0; i < n; i++) {
        ExceptHandler* h = t->handlers[i];
        set_loc(h);
        if (!h->type && i + 1 < n) return syntax_error(h, "default 'except:' must be last");
        Block* next_handler = new_block();
        if (h->type) {
            if (!visit_expr(h->type)) return false;
            emit(CHECK_EXC_MATCH);
            emit(POP_JUMP_IF_FALSE, 0, next_handler);
            use_next_block(new_block());
        }
        if (!h->name.empty()) {
            Block* cleanup_end = new_block();
            Block* cleanup_body = new_block();
            if (!nameop(h->name, ExprContext::Store)) return false;
            // except T as name: the body runs in a try/finally that unbinds name.
            emit(SETUP_CLEANUP, 0, cleanup_end);
            use_next_block(cleanup_body);
            u().fblocks.push_back({FBlockKind::HandlerCleanup, cleanup_body, nullptr, &h->name});
            if (!visit_stmts(h->body)) return false;
            u().fblocks.pop_back();
            u().loc = Position{-1, -1, -1, -1};
            emit(POP_BLOCK);
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            load_const(none());
            if (!nameop(h->name, ExprContext::Store) || !nameop(h->name, ExprContext::Del)) return false;
            emit(JUMP, 0, end);
            use_next_block(cleanup_end);
            u().loc = Position{-1, -1, -1, -1};
            load_const(none());
            if (!nameop(h->name, ExprContext::Store) || !nameop(h->name, ExprContext::Del)) return false;
            emit(RERAISE, 1);
        } else {
            Block* cleanup_body = new_block();
            emit(POP_TOP);   // exc_value
            use_next_block(cleanup_body);
            u().fblocks.push_back({FBlockKind::HandlerCleanup, cleanup_body});
            if (!visit_stmts(h->body)) return false;
            u().fblocks.pop_back();
            u().loc = Position{-1, -1, -1, -1};
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            emit(JUMP, 0, end);
        }
        use_next_block(next_handler);
    }
    u().loc = Position{-1, -1, -1, -1};
    u().fblocks.pop_back();
    emit(RERAISE, 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(end);
    return true;
}

// compiler_try_finally
bool Compiler::try_finally(Try* t) {
    Block* body = new_block();
    Block* end = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    emit(SETUP_FINALLY, 0, end);
    use_next_block(body);
    u().fblocks.push_back({FBlockKind::FinallyTry, body, end, &t->finalbody});
    if (!t->handlers.empty()) {
        if (!(t->kind == StmtKind::TryStar ? try_star_except(t) : try_except(t))) return false;
    } else {
        if (!visit_stmts(t->body)) return false;
    }
    emit_noloc(POP_BLOCK);
    u().fblocks.pop_back();
    if (!visit_stmts(t->finalbody)) return false;
    emit_noloc(JUMP, 0, exit);
    use_next_block(end);
    u().loc = Position{-1, -1, -1, -1};
    emit(SETUP_CLEANUP, 0, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back({FBlockKind::FinallyEnd, end});
    if (!visit_stmts(t->finalbody)) return false;
    u().fblocks.pop_back();
    emit(RERAISE, 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(exit);
    return true;
}

// compiler_try_star_except: each `except* T` clause splits off the part of
// the exception group that T matches. The stack under the handlers holds
// [orig, list of what the clauses raised, what is left to match]; at the
// end PREP_RERAISE_STAR merges the list into the exception to re-raise.
bool Compiler::try_star_except(Try* t) {
    Block* body = new_block();
    Block* except = new_block();
    Block* orelse = new_block();
    Block* end = new_block();
    Block* cleanup = new_block();
    Block* reraise_star = new_block();
    emit(SETUP_FINALLY, 0, except);
    use_next_block(body);
    u().fblocks.push_back({FBlockKind::TryExcept, body});
    if (!visit_stmts(t->body)) return false;
    u().fblocks.pop_back();
    emit_noloc(POP_BLOCK);
    emit_noloc(JUMP, 0, orelse);
    std::size_t n = t->handlers.size();
    use_next_block(except);
    u().loc = Position{-1, -1, -1, -1};
    emit(SETUP_CLEANUP, 0, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back({FBlockKind::ExceptionGroupHandler});
    for (std::size_t i = 0; i < n; i++) {
        ExceptHandler* h = t->handlers[i];
        set_loc(h);
        except = new_block();
        Block* except_with_error = new_block();
        Block* no_match = new_block();
        if (i == 0) {
            // [exc] -> [orig, [], exc]
            emit(COPY, 1);
            emit(BUILD_LIST, 0);
            emit(SWAP, 2);
        }
        if (h->type) {
            if (!visit_expr(h->type)) return false;
            emit(CHECK_EG_MATCH);
            emit(COPY, 1);
            emit(POP_JUMP_IF_NONE, 0, no_match);
            use_next_block(new_block());
        }
        Block* cleanup_end = new_block();
        Block* cleanup_body = new_block();
        if (!h->name.empty()) {
            if (!nameop(h->name, ExprContext::Store)) return false;
        } else {
            emit(POP_TOP);   // the match
        }
        emit(SETUP_CLEANUP, 0, cleanup_end);
        use_next_block(cleanup_body);
        u().fblocks.push_back({FBlockKind::HandlerCleanup, cleanup_body, nullptr, h->name.empty() ? nullptr : &h->name});
        if (!visit_stmts(h->body)) return false;
        u().fblocks.pop_back();
        emit(POP_BLOCK);
        if (!h->name.empty()) {
            load_const(none());
            if (!nameop(h->name, ExprContext::Store) || !nameop(h->name, ExprContext::Del)) return false;
        }
        emit(JUMP, 0, except);
        use_next_block(cleanup_end);
        u().loc = Position{-1, -1, -1, -1};
        if (!h->name.empty()) {
            load_const(none());
            if (!nameop(h->name, ExprContext::Store) || !nameop(h->name, ExprContext::Del)) return false;
        }
        emit(LIST_APPEND, 3);   // what the clause raised
        emit(POP_TOP);          // lasti
        emit(JUMP, 0, except_with_error);
        use_next_block(except);
        emit(NOP);              // holds a propagated location
        emit(JUMP, 0, except_with_error);
        use_next_block(no_match);
        emit(POP_TOP);          // the match (None)
        use_next_block(except_with_error);
        if (i + 1 == n) {
            // What no clause matched joins the list (None when nothing is left).
            emit(LIST_APPEND, 1);
            emit(JUMP, 0, reraise_star);
        }
    }
    u().loc = Position{-1, -1, -1, -1};
    u().fblocks.pop_back();
    Block* reraise = new_block();
    use_next_block(reraise_star);
    emit(PREP_RERAISE_STAR);
    emit(COPY, 1);
    emit(POP_JUMP_IF_NOT_NONE, 0, reraise);
    // Nothing to re-raise.
    emit(POP_TOP);
    emit(POP_BLOCK);
    emit(POP_EXCEPT);
    emit(JUMP, 0, end);
    use_next_block(reraise);
    emit(POP_BLOCK);
    emit(SWAP, 2);
    emit(POP_EXCEPT);
    emit(RERAISE, 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(orelse);
    if (!visit_stmts(t->orelse)) return false;
    use_next_block(end);
    return true;
}

// compiler_with: one nesting level per item.
bool Compiler::with_stmt(With* w, std::size_t pos) {
    WithItem* item = w->items[pos];
    Block* block = new_block();
    Block* final = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    if (!visit_expr(item->context_expr)) return false;
    set_loc(w);
    emit(BEFORE_WITH);
    emit(SETUP_WITH, 0, final);
    use_next_block(block);
    u().fblocks.push_back({FBlockKind::With, block, final, static_cast<const Node*>(w)});
    if (item->optional_vars) {
        if (!store_target(item->optional_vars)) return false;
    } else {
        emit(POP_TOP);   // the result of __enter__()
    }
    if (pos + 1 == w->items.size()) {
        if (!visit_stmts(w->body)) return false;
    } else if (!with_stmt(w, pos + 1)) {
        return false;
    }
    u().loc = Position{-1, -1, -1, -1};
    emit(POP_BLOCK);
    u().fblocks.pop_back();
    set_loc(w);
    if (!call_exit_with_nones()) return false;
    emit(POP_TOP);
    emit(JUMP, 0, exit);
    use_next_block(final);
    emit(SETUP_CLEANUP, 0, cleanup);
    emit(PUSH_EXC_INFO);
    emit(WITH_EXCEPT_START);
    // compiler_with_except_finish
    u().loc = Position{-1, -1, -1, -1};
    Block* suppressed = new_block();
    emit(POP_JUMP_IF_TRUE, 0, suppressed);
    use_next_block(new_block());
    emit(RERAISE, 2);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(suppressed);
    emit(POP_TOP);   // exc_value
    emit(POP_BLOCK);
    emit(POP_EXCEPT);
    emit(POP_TOP);
    emit(POP_TOP);
    use_next_block(exit);
    return true;
}

// A target is visited like any expression: its position is restored after.
bool Compiler::store_target(Expr* t) {
    Position saved = u().loc;
    bool ok = store_target_inner(t);
    u().loc = saved;
    return ok;
}

bool Compiler::store_target_inner(Expr* t) {
    switch (t->kind) {
    case ExprKind::Name:
        set_loc(t);
        return nameop(static_cast<Name*>(t)->id, ExprContext::Store);
    case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(t);
        if (!visit_expr(a->value)) return false;
        set_loc(t);
        set_attr_loc(a);
        emit(STORE_ATTR, add_name(mangle(u().private_name, a->attr)));
        return true;
    }
    case ExprKind::Subscript: {
        auto* sub = static_cast<Subscript*>(t);
        if (!visit_expr(sub->value) || !subscript_slice(sub->slice)) return false;
        set_loc(t);
        emit(STORE_SUBSCR);
        return true;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
        // assignment_helper / unpack_helper
        const auto& elts = t->kind == ExprKind::Tuple ? static_cast<Tuple*>(t)->elts : static_cast<List*>(t)->elts;
        set_loc(t);
        bool seen_star = false;
        std::size_t n = elts.size();
        for (std::size_t i = 0; i < n; i++) {
            if (elts[i]->kind != ExprKind::Starred) continue;
            if (seen_star) return syntax_error(elts[i], "multiple starred expressions in assignment");
            if (i >= (1u << 8) || n - i - 1 >= (1u << 23))
                return syntax_error(elts[i], "too many expressions in star-unpacking assignment");
            emit(UNPACK_EX, int(i + ((n - i - 1) << 8)));
            seen_star = true;
        }
        if (!seen_star) emit(UNPACK_SEQUENCE, int(n));
        for (Expr* e : elts)
            if (!store_target(e->kind == ExprKind::Starred ? static_cast<Starred*>(e)->value : e)) return false;
        return true;
    }
    default:
        return unsupported("this assignment target");
    }
}

bool Compiler::augassign(AugAssign* a) {
    static const int kInplace[] = {NB_INPLACE_ADD, NB_INPLACE_SUBTRACT, NB_INPLACE_MULTIPLY,
                                   NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_TRUE_DIVIDE, NB_INPLACE_REMAINDER,
                                   NB_INPLACE_POWER, NB_INPLACE_LSHIFT, NB_INPLACE_RSHIFT, NB_INPLACE_OR,
                                   NB_INPLACE_XOR, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE};
    int op = kInplace[int(a->op)];
    Expr* t = a->target;
    switch (t->kind) {
    case ExprKind::Name: {
        auto* n = static_cast<Name*>(t);
        set_loc(t);
        if (!nameop(n->id, ExprContext::Load)) return false;
        if (!visit_expr(a->value)) return false;
        set_loc(a);
        emit(BINARY_OP, op);
        set_loc(t);
        return nameop(n->id, ExprContext::Store);
    }
    case ExprKind::Attribute: {
        auto* at = static_cast<Attribute*>(t);
        if (!visit_expr(at->value)) return false;
        emit(COPY, 1);
        set_loc(t);
        emit(LOAD_ATTR, add_name(mangle(u().private_name, at->attr)));
        if (!visit_expr(a->value)) return false;
        set_loc(a);
        emit(BINARY_OP, op);
        set_loc(t);
        emit(SWAP, 2);
        emit(STORE_ATTR, add_name(mangle(u().private_name, at->attr)));
        return true;
    }
    case ExprKind::Subscript: {
        auto* sub = static_cast<Subscript*>(t);
        if (!visit_expr(sub->value) || !subscript_slice(sub->slice)) return false;
        emit(COPY, 2);
        emit(COPY, 2);
        set_loc(t);
        emit(BINARY_SUBSCR);
        if (!visit_expr(a->value)) return false;
        set_loc(a);
        emit(BINARY_OP, op);
        set_loc(t);
        emit(SWAP, 3);
        emit(SWAP, 2);
        emit(STORE_SUBSCR);
        return true;
    }
    default:
        return syntax_error(t, "'" + std::string("expression") + "' is an illegal expression for augmented assignment");
    }
}

// ------------------------------------------------------------ functions

bool Compiler::defaults(Arguments* a, int* flags) {
    if (!a->defaults.empty()) {
        for (Expr* d : a->defaults)
            if (!visit_expr(d)) return false;
        emit(BUILD_TUPLE, int(a->defaults.size()));
        *flags |= 0x01;
    }
    // compiler_visit_kwonlydefaults: the values, then a constant tuple of
    // the (mangled) names, then BUILD_CONST_KEY_MAP.
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < a->kwonlyargs.size(); i++) {
        Expr* d = i < a->kw_defaults.size() ? a->kw_defaults[i] : nullptr;
        if (!d) continue;
        keys.push_back(mangle(u().private_name, a->kwonlyargs[i]->arg));
        if (!visit_expr(d)) return false;
    }
    if (!keys.empty()) {
        Ref<TupleObject> t = tuple_new(ts_, isize(keys.size()));
        if (!t) { failed_ = true; return false; }
        for (std::size_t i = 0; i < keys.size(); i++) {
            Ref<> k = str_intern(ts_, str_from_utf8(ts_, keys[i]));
            if (!k) { failed_ = true; return false; }
            t->ob_item[i] = k.release();
        }
        if (!load_const(std::move(t))) return false;
        emit(BUILD_CONST_KEY_MAP, int(keys.size()));
        *flags |= 0x02;
    }
    return true;
}

bool Compiler::make_closure(CodeObject* code, int flags) {
    int nfree = code->co_nfreevars;
    if (nfree) {
        // Pass the cells of our own variables (or our free variables) on.
        int first_free = code->co_nlocalsplus - nfree;
        for (int i = 0; i < nfree; i++) {
            std::string name(str_utf8(code->co_localsplusnames->ob_item[first_free + i]));
            auto it = u().deref_index.find(name);
            if (it == u().deref_index.end()) {
                raise(ts_, interp_.exc.SystemError, "compiler: no cell for free variable '" + name + "'");
                failed_ = true;
                return false;
            }
            emit(LOAD_CLOSURE, it->second);
        }
        emit(BUILD_TUPLE, nfree);
        flags |= 0x08;
    }
    emit(LOAD_CONST, add_const(newref<Object>(code)));
    emit(MAKE_FUNCTION, flags);
    return true;
}

bool Compiler::function_def(FunctionDef* fd) {
    for (Expr* d : fd->decorator_list)
        if (!visit_expr(d)) return false;
    int firstlineno = fd->decorator_list.empty() ? fd->lineno : fd->decorator_list[0]->lineno;
    int flags = 0;
    if (!defaults(fd->args, &flags)) return false;
    {
        // Annotations: a flat tuple of (name, annotation) pairs (flag 4).
        std::vector<std::pair<std::string, Expr*>> anns;
        auto collect = [&](const std::vector<Arg*>& args) {
            for (Arg* a : args) if (a->annotation) anns.push_back({a->arg, a->annotation});
        };
        collect(fd->args->posonlyargs);
        collect(fd->args->args);
        if (fd->args->vararg && fd->args->vararg->annotation) anns.push_back({fd->args->vararg->arg, fd->args->vararg->annotation});
        collect(fd->args->kwonlyargs);
        if (fd->args->kwarg && fd->args->kwarg->annotation) anns.push_back({fd->args->kwarg->arg, fd->args->kwarg->annotation});
        if (fd->returns) anns.push_back({"return", fd->returns});
        if (!anns.empty()) {
            for (auto& [name, ann] : anns) {
                if (!load_const(str_from_utf8(ts_, name))) return false;
                if (!annotation(ann)) return false;
            }
            emit(BUILD_TUPLE, int(anns.size() * 2));
            flags |= 0x04;
        }
    }
    Scope* scope = st_.scope_for(fd);
    if (!enter_scope(scope, fd->name, fd, firstlineno)) return false;
    u().async_def = fd->kind == StmtKind::AsyncFunctionDef;
    u().argcount = int(fd->args->posonlyargs.size() + fd->args->args.size());
    u().posonly = int(fd->args->posonlyargs.size());
    u().kwonly = int(fd->args->kwonlyargs.size());
    // co_consts[0] is the docstring, or None (3.11's compiler_function).
    const std::vector<Stmt*>& body = fd->body;
    std::size_t start = 0;
    if (!body.empty() && body[0]->kind == StmtKind::Expr) {
        Expr* v = static_cast<ExprStmt*>(body[0])->value;
        if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->value.kind == AstConstant::Kind::Str) {
            Ref<> doc = try_fold(v);
            if (!doc) { failed_ = true; return false; }
            add_const(std::move(doc));
            start = 1;
        }
    }
    if (start == 0) add_const(none());
    for (std::size_t i = start; i < body.size(); i++)
        if (!visit_stmt(body[i])) return false;
    if (!block_returns()) {
        u().loc = Position{-1, -1, -1, -1};
        load_const(none());
        emit(RETURN_VALUE);
    }
    if (failed_) return false;
    Ref<CodeObject> code = leave_scope(0);
    if (!code) return false;
    set_loc(fd);
    if (!make_closure(code.get(), flags)) return false;
    apply_decorators(fd->decorator_list);
    return nameop(fd->name, ExprContext::Store);
}

// compiler_class: the body becomes a function run by __build_class__ with the
// class namespace as its locals; it stores __module__ and __qualname__ first
// and returns the __class__ cell (for super()) or None.
bool Compiler::class_def(ClassDef* cd) {
    for (Expr* d : cd->decorator_list)
        if (!visit_expr(d)) return false;
    int firstlineno = cd->decorator_list.empty() ? cd->lineno : cd->decorator_list[0]->lineno;
    Scope* scope = st_.scope_for(cd);
    if (!enter_scope(scope, cd->name, cd, firstlineno)) return false;
    u().private_name = cd->name;
    std::string qualname = u().qualname;
    // (These first stores keep enter_scope's location: the class's first line.)
    if (!nameop("__name__", ExprContext::Load) || !nameop("__module__", ExprContext::Store)) return false;
    if (!load_const(str_from_utf8(ts_, qualname)) || !nameop("__qualname__", ExprContext::Store)) return false;
    if (!body_with_docstring(cd->body, true)) return false;
    u().loc = Position{-1, -1, -1, -1};
    if (scope->needs_class_closure) {
        emit(LOAD_CLOSURE, u().deref_index.at("__class__"));
        emit(COPY, 1);
        if (!nameop("__classcell__", ExprContext::Store)) return false;
    } else {
        load_const(none());
    }
    emit(RETURN_VALUE);
    if (failed_) return false;
    Ref<CodeObject> code = leave_scope(0);
    if (!code) return false;
    set_loc(cd);
    emit(PUSH_NULL);
    emit(LOAD_BUILD_CLASS);
    if (!make_closure(code.get(), 0)) return false;
    if (!load_const(str_from_utf8(ts_, cd->name))) return false;
    if (!call_args(cd->bases, cd->keywords, 2)) return false;
    apply_decorators(cd->decorator_list);
    return nameop(cd->name, ExprContext::Store);
}

bool Compiler::lambda(Lambda* l) {
    int flags = 0;
    if (!defaults(l->args, &flags)) return false;
    Scope* scope = st_.scope_for(l);
    if (!enter_scope(scope, "<lambda>", l, l->lineno)) return false;
    u().argcount = int(l->args->posonlyargs.size() + l->args->args.size());
    u().posonly = int(l->args->posonlyargs.size());
    u().kwonly = int(l->args->kwonlyargs.size());
    add_const(none());   // a lambda has no docstring
    if (!visit_expr(l->body)) return false;
    emit(RETURN_VALUE);
    if (failed_) return false;
    Ref<CodeObject> code = leave_scope(0);
    if (!code) return false;
    set_loc(l);
    return make_closure(code.get(), flags);
}

// ------------------------------------------------------------ expressions

bool Compiler::visit_expr(Expr* e) {
    Position saved = u().loc;
    set_loc(e);
    bool ok = visit_expr_inner(e);
    u().loc = saved;
    return ok;
}

// ast_opt.c's fold_iter: a list literal that is only iterated over is built
// as a tuple (a constant one when it can be), a set literal of constants as a
// frozenset constant. Used for `for` iterables, comprehensions and `in`.
bool Compiler::visit_iterable(Expr* e) {
    if (e->kind == ExprKind::List) {
        const auto& elts = static_cast<List*>(e)->elts;
        for (Expr* x : elts)
            if (x->kind == ExprKind::Starred) return visit_expr(e);
        // A node of its own (not on the stack): its folded tuple is
        // remembered by node (ast_objects_).
        auto t = std::make_unique<Tuple>();
        t->elts = elts;
        t->lineno = e->lineno; t->col_offset = e->col_offset;
        t->end_lineno = e->end_lineno; t->end_col_offset = e->end_col_offset;
        Tuple* node = t.get();
        temp_nodes_.push_back(std::move(t));
        return visit_expr(node);
    }
    if (e->kind == ExprKind::Set) {
        const auto& elts = static_cast<Set*>(e)->elts;
        if (all_constant(elts, 0, elts.size())) {
            Ref<TupleObject> t = tuple_new(ts_, isize(elts.size()));
            if (!t) return false;
            for (std::size_t i = 0; i < elts.size(); i++) {
                Ref<> v = try_fold(elts[i]);
                if (!v) { if (error_occurred(ts_)) return false; return visit_expr(e); }
                t->ob_item[i] = v.release();
            }
            Position saved = u().loc;
            set_loc(e);
            bool ok = load_const(frozenset_new(ts_, t.get()));
            u().loc = saved;
            return ok;
        }
    }
    return visit_expr(e);
}

bool Compiler::subscript_slice(Expr* slice) {
    if (slice->kind == ExprKind::Slice) {
        // Visited like an expression: BUILD_SLICE and the None bounds sit at
        // the slice's own position.
        Position saved = u().loc;
        set_loc(slice);
        auto* s = static_cast<Slice*>(slice);
        int n = 2;
        if (s->lower) { if (!visit_expr(s->lower)) return false; } else if (!load_const(none())) return false;
        if (s->upper) { if (!visit_expr(s->upper)) return false; } else if (!load_const(none())) return false;
        if (s->step) { if (!visit_expr(s->step)) return false; n = 3; }
        emit(BUILD_SLICE, n);
        u().loc = saved;
        return true;
    }
    return visit_expr(slice);
}

bool Compiler::joined_str(JoinedStr* j) {
    // Past the stack guideline the pieces are joined by ''.join([...]).
    const bool join = j->values.size() > 30;
    const Position saved = u().loc;
    if (join) {
        if (!load_const(str_from_utf8(ts_, ""))) return false;
        emit(LOAD_METHOD, add_name("join"));
        emit(BUILD_LIST, 0);
    }
    for (Expr* v : j->values) {
        if (v->kind == ExprKind::Constant) {
            if (!visit_expr(v)) return false;
            continue;
        }
        auto* fv = static_cast<FormattedValue*>(v);
        if (!visit_expr(fv->value)) return false;
        int oparg = 0;
        switch (fv->conversion) {
        case 's': oparg = 1; break;
        case 'r': oparg = 2; break;
        case 'a': oparg = 3; break;
        default: oparg = 0; break;
        }
        if (fv->format_spec) {
            if (!visit_expr(fv->format_spec)) return false;
            oparg |= 4;
        }
        set_loc(v);
        emit(FORMAT_VALUE, oparg);
        u().loc = saved;
        if (join) emit(LIST_APPEND, 1);
    }
    if (join) {
        emit(PRECALL, 1);
        emit(CALL, 1);
    } else if (j->values.size() != 1) {
        emit(BUILD_STRING, int(j->values.size()));
    }
    return true;
}

// ast_opt.c's optimize_format: 'fmt' % (a, b) whose format units are all
// %s, %r or %a (with at most a width and precision of up to two digits)
// becomes the f-string f'{a!s}{b!r}'. Fills `out` (its pieces owned by
// temp_nodes_) and returns true when the rewrite applies.
bool Compiler::format_as_fstring(BinOp* b, JoinedStr& out) {
    if (b->op != OperatorKind::Mod || b->left->kind != ExprKind::Constant || b->right->kind != ExprKind::Tuple)
        return false;
    const AstConstant& fc = static_cast<Constant*>(b->left)->value;
    if (fc.kind != AstConstant::Kind::Str) return false;
    const auto& elts = static_cast<Tuple*>(b->right)->elts;
    for (Expr* x : elts)
        if (x->kind == ExprKind::Starred) return false;
    if (try_fold(b->right)) return false;   // a constant tuple is not rewritten
    error_clear(ts_);
    const std::string& fmt = fc.text;
    std::vector<Expr*> pieces;
    std::size_t pos = 0, cnt = 0;
    auto literal = [&]() {   // parse_literal: text up to the next lone '%'
        std::size_t start = pos;
        std::string text;
        while (pos < fmt.size()) {
            if (fmt[pos] != '%') text += fmt[pos++];
            else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') { text += '%'; pos += 2; }
            else break;
        }
        if (pos == start) return;
        auto c = std::make_unique<Constant>();
        c->value.kind = AstConstant::Kind::Str;
        c->value.text = std::move(text);
        c->lineno = c->end_lineno = c->col_offset = c->end_col_offset = -1;
        pieces.push_back(c.get());
        temp_nodes_.push_back(std::move(c));
    };
    for (;;) {
        literal();
        if (pos >= fmt.size()) break;
        if (cnt >= elts.size()) return false;   // more format units than items
        pos++;   // '%'
        // simple_format_arg_parse: flags, width and precision of at most two digits each, the spec.
        bool ljust = false;
        int width = -1, prec = -1;
        char ch = 0;
        auto next = [&]() { if (pos >= fmt.size()) return false; ch = fmt[pos++]; return true; };
        for (;;) {
            if (!next()) return false;
            if (ch == '-') { ljust = true; continue; }
            if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
            break;
        }
        if (ch >= '0' && ch <= '9') {
            width = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                width = width * 10 + (ch - '0');
                if (!next() || ++digits >= 3) return false;
            }
        }
        if (ch == '.') {
            if (!next()) return false;
            prec = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                prec = prec * 10 + (ch - '0');
                if (!next() || ++digits >= 3) return false;
            }
        }
        if (ch != 's' && ch != 'r' && ch != 'a') return false;
        Expr* arg = elts[cnt++];
        std::string spec;
        if (!ljust && width > 0) spec += '>';
        if (width >= 0) spec += std::to_string(width);
        if (prec >= 0) spec += "." + std::to_string(prec);
        auto fv = std::make_unique<FormattedValue>();
        fv->value = arg;
        fv->conversion = ch;
        if (!spec.empty()) {
            auto c = std::make_unique<Constant>();
            c->value.kind = AstConstant::Kind::Str;
            c->value.text = spec;
            c->lineno = c->end_lineno = c->col_offset = c->end_col_offset = -1;
            fv->format_spec = c.get();
            temp_nodes_.push_back(std::move(c));
        }
        fv->lineno = arg->lineno; fv->col_offset = arg->col_offset;
        fv->end_lineno = arg->end_lineno; fv->end_col_offset = arg->end_col_offset;
        pieces.push_back(fv.get());
        temp_nodes_.push_back(std::move(fv));
    }
    if (cnt < elts.size()) return false;   // more items than format units
    out.values = std::move(pieces);
    out.lineno = b->lineno; out.col_offset = b->col_offset;
    out.end_lineno = b->end_lineno; out.end_col_offset = b->end_col_offset;
    return true;
}

bool Compiler::visit_expr_inner(Expr* e) {
    // Constant folding first (ast_opt.c runs before code generation).
    if (e->kind == ExprKind::UnaryOp || e->kind == ExprKind::BinOp || e->kind == ExprKind::Tuple ||
        e->kind == ExprKind::Subscript || e->kind == ExprKind::Constant) {
        if (Ref<> folded = try_fold(e)) return load_const(std::move(folded));
        if (error_occurred(ts_)) { failed_ = true; return false; }
        if (e->kind == ExprKind::Constant) return load_const(constant_value(static_cast<Constant*>(e)->value));
    }
    switch (e->kind) {
    case ExprKind::Name: {
        auto* n = static_cast<Name*>(e);
        // ast_opt.c: __debug__ is the constant True (no -O here).
        if (n->ctx == ExprContext::Load && n->id == "__debug__") return load_const(newref<Object>(interp_.True));
        return nameop(n->id, n->ctx);
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        static const int kOps[] = {NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_MATRIX_MULTIPLY, NB_TRUE_DIVIDE,
                                   NB_REMAINDER, NB_POWER, NB_LSHIFT, NB_RSHIFT, NB_OR, NB_XOR, NB_AND,
                                   NB_FLOOR_DIVIDE};
        JoinedStr fstring;
        if (format_as_fstring(b, fstring)) return joined_str(&fstring);
        if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
        emit(BINARY_OP, kOps[int(b->op)]);
        return true;
    }
    case ExprKind::UnaryOp: {
        auto* un = static_cast<UnaryOp*>(e);
        Compare inverted;
        if (invert_not_compare(un, inverted)) return visit_expr(&inverted);
        if (!visit_expr(un->operand)) return false;
        static const int kOps[] = {UNARY_INVERT, UNARY_NOT, UNARY_POSITIVE, UNARY_NEGATIVE};
        emit(kOps[int(un->op)]);
        return true;
    }
    case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        Block* end = new_block();
        int jump = b->op == BoolOpKind::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        for (std::size_t i = 0; i + 1 < b->values.size(); i++) {
            if (!visit_expr(b->values[i])) return false;
            emit(jump, 0, end);
            use_next_block(new_block());
        }
        if (!visit_expr(b->values.back())) return false;
        use_next_block(end);
        return true;
    }
    case ExprKind::Compare:
        return compare(static_cast<Compare*>(e));
    case ExprKind::Call:
        return call(static_cast<Call*>(e));
    case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(e);
        if (!visit_expr(a->value)) return false;
        set_loc(e);
        set_attr_loc(a);
        emit(LOAD_ATTR, add_name(mangle(u().private_name, a->attr)));
        return true;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(e);
        if (s->ctx == ExprContext::Load && !check_subscript(s)) return false;
        if (!visit_expr(s->value) || !subscript_slice(s->slice)) return false;
        set_loc(e);
        emit(BINARY_SUBSCR);
        return true;
    }
    case ExprKind::Slice: {
        return subscript_slice(e);
    }
    case ExprKind::Tuple:
        return starunpack(static_cast<Tuple*>(e)->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
    case ExprKind::List:
        return starunpack(static_cast<List*>(e)->elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
    case ExprKind::Set:
        return starunpack(static_cast<Set*>(e)->elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
    case ExprKind::Dict:
        return dict_display(static_cast<Dict*>(e));
    case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        Block* end = new_block();
        Block* next = new_block();
        if (!jump_if(i->test, next, false)) return false;
        if (!visit_expr(i->body)) return false;
        emit_noloc(JUMP, 0, end);
        use_next_block(next);
        if (!visit_expr(i->orelse)) return false;
        use_next_block(end);
        return true;
    }
    case ExprKind::JoinedStr:
        return joined_str(static_cast<JoinedStr*>(e));
    case ExprKind::FormattedValue: {
        JoinedStr j;
        j.values.push_back(e);
        return joined_str(&j);
    }
    case ExprKind::Lambda:
        return lambda(static_cast<Lambda*>(e));
    case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        if (!visit_expr(n->value)) return false;
        emit(COPY, 1);
        return store_target(n->target);
    }
    case ExprKind::ListComp: {
        auto* c = static_cast<ListComp*>(e);
        return comprehension(e, "<listcomp>", c->generators, c->elt, nullptr);
    }
    case ExprKind::SetComp: {
        auto* c = static_cast<SetComp*>(e);
        return comprehension(e, "<setcomp>", c->generators, c->elt, nullptr);
    }
    case ExprKind::DictComp: {
        auto* c = static_cast<DictComp*>(e);
        return comprehension(e, "<dictcomp>", c->generators, c->key, c->value);
    }
    case ExprKind::GeneratorExp: {
        auto* c = static_cast<GeneratorExp*>(e);
        return comprehension(e, "<genexpr>", c->generators, c->elt, nullptr);
    }
    case ExprKind::Await: {
        ScopeKind k = u().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda && k != ScopeKind::Comprehension)
            return syntax_error(e, "'await' outside function");
        if (!u().async_def && k != ScopeKind::Comprehension)
            return syntax_error(e, "'await' outside async function");
        if (!visit_expr(static_cast<Await*>(e)->value)) return false;
        emit_await(0);
        return true;
    }
    case ExprKind::Yield: {
        ScopeKind k = u().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda && k != ScopeKind::Comprehension)
            return syntax_error(e, "'yield' outside function");
        auto* y = static_cast<Yield*>(e);
        if (y->value) {
            if (!visit_expr(y->value)) return false;
        } else {
            load_const(none());
        }
        emit_yield();
        return true;
    }
    case ExprKind::YieldFrom: {
        ScopeKind k = u().scope->kind;
        if (k != ScopeKind::Function && k != ScopeKind::Lambda && k != ScopeKind::Comprehension)
            return syntax_error(e, "'yield' outside function");
        if (u().async_def) return syntax_error(e, "'yield from' inside async function");
        if (!visit_expr(static_cast<YieldFrom*>(e)->value)) return false;
        emit(GET_YIELD_FROM_ITER);
        load_const(none());
        add_yield_from(false);
        return true;
    }
    case ExprKind::Starred: return syntax_error(e, "can't use starred expression here");
    case ExprKind::Constant: return true;   // handled above
    }
    return true;
}

static CompareOp cmp_of(CmpOpKind k) {
    switch (k) {
    case CmpOpKind::Lt: return Py_LT;
    case CmpOpKind::LtE: return Py_LE;
    case CmpOpKind::Eq: return Py_EQ;
    case CmpOpKind::NotEq: return Py_NE;
    case CmpOpKind::Gt: return Py_GT;
    case CmpOpKind::GtE: return Py_GE;
    default: return Py_EQ;
    }
}

static void emit_cmp(std::vector<Instr>& out, CmpOpKind k, Position loc) {
    switch (k) {
    case CmpOpKind::Is: out.push_back({IS_OP, 0, loc, nullptr}); break;
    case CmpOpKind::IsNot: out.push_back({IS_OP, 1, loc, nullptr}); break;
    case CmpOpKind::In: out.push_back({CONTAINS_OP, 0, loc, nullptr}); break;
    case CmpOpKind::NotIn: out.push_back({CONTAINS_OP, 1, loc, nullptr}); break;
    default: out.push_back({COMPARE_OP, int(cmp_of(k)), loc, nullptr}); break;
    }
}

bool Compiler::compare(Compare* c) {
    if (!check_compare(c)) return false;
    if (!visit_expr(c->left)) return false;
    std::size_t n = c->ops.size();
    if (n == 1) {
        if (!visit_last_comparator(c)) return false;
        emit_cmp(u().cur->instrs, c->ops[0], u().loc);
        return true;
    }
    Block* cleanup = new_block();
    for (std::size_t i = 0; i + 1 < n; i++) {
        if (!visit_expr(c->comparators[i])) return false;
        emit(SWAP, 2);
        emit(COPY, 2);
        emit_cmp(u().cur->instrs, c->ops[i], u().loc);
        emit(JUMP_IF_FALSE_OR_POP, 0, cleanup);
        use_next_block(new_block());
    }
    if (!visit_last_comparator(c)) return false;
    emit_cmp(u().cur->instrs, c->ops[n - 1], u().loc);
    Block* end = new_block();
    emit_noloc(JUMP, 0, end);
    use_next_block(cleanup);
    emit(SWAP, 2);
    emit(POP_TOP);
    use_next_block(end);
    return true;
}

// compiler_jump_if: compile `e` as a condition that jumps to `target` when
// its truth equals `cond`.
bool Compiler::jump_if(Expr* e, Block* target, bool cond) {
    switch (e->kind) {
    case ExprKind::UnaryOp: {
        Compare inverted;
        if (invert_not_compare(static_cast<UnaryOp*>(e), inverted)) return jump_if(&inverted, target, cond);
        if (static_cast<UnaryOp*>(e)->op == UnaryOpKind::Not)
            return jump_if(static_cast<UnaryOp*>(e)->operand, target, !cond);
        break;
    }
    case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        bool cond2 = b->op == BoolOpKind::Or;
        Block* next2 = target;
        if (cond2 != cond) next2 = new_block();
        for (std::size_t i = 0; i + 1 < b->values.size(); i++)
            if (!jump_if(b->values[i], next2, cond2)) return false;
        if (!jump_if(b->values.back(), target, cond)) return false;
        if (next2 != target) use_next_block(next2);
        return true;
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        Block* end = new_block();
        Block* next2 = new_block();
        if (!jump_if(i->test, next2, false)) return false;
        if (!jump_if(i->body, target, cond)) return false;
        emit_noloc(JUMP, 0, end);
        use_next_block(next2);
        if (!jump_if(i->orelse, target, cond)) return false;
        use_next_block(end);
        return true;
    }
    case ExprKind::Compare: {
        auto* c = static_cast<Compare*>(e);
        std::size_t n = c->ops.size();
        // The jump carries the comparison's position, which stays current
        // after it (3.11 sets it here and does not restore it).
        set_loc(e);
        if (n > 1) {
            if (!check_compare(c)) return false;
            if (!visit_expr(c->left)) return false;
            Block* cleanup = new_block();
            for (std::size_t i = 0; i + 1 < n; i++) {
                if (!visit_expr(c->comparators[i])) return false;
                emit(SWAP, 2);
                emit(COPY, 2);
                emit_cmp(u().cur->instrs, c->ops[i], u().loc);
                emit(POP_JUMP_IF_FALSE, 0, cleanup);
                use_next_block(new_block());
            }
            if (!visit_last_comparator(c)) return false;
            emit_cmp(u().cur->instrs, c->ops[n - 1], u().loc);
            emit(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, 0, target);
            use_next_block(new_block());
            Block* end = new_block();
            emit_noloc(JUMP, 0, end);
            use_next_block(cleanup);
            emit(POP_TOP);
            if (!cond) emit_noloc(JUMP, 0, target);
            use_next_block(end);
            return true;
        }
        break;
    }
    default:
        break;
    }
    if (!visit_expr(e)) return false;
    // (A constant condition is folded by the assembler's peephole pass.)
    emit(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, 0, target);
    use_next_block(new_block());
    return true;
}

// compiler_call_helper: `extra` values (the callable's own arguments, such
// as a class body function and name) are already on the stack.
// validate_keywords: a repeated keyword is a SyntaxError at the repeat.
bool Compiler::validate_keywords(const std::vector<Keyword*>& keywords) {
    for (std::size_t i = 0; i < keywords.size(); i++) {
        if (keywords[i]->arg.empty()) continue;
        for (std::size_t j = i + 1; j < keywords.size(); j++)
            if (keywords[j]->arg == keywords[i]->arg)
                return syntax_error(keywords[j], "keyword argument repeated: " + keywords[i]->arg);
    }
    return true;
}

// compiler_call_simple_kw_helper: KW_NAMES with the tuple of keyword names.
bool Compiler::kw_names(const std::vector<Keyword*>& keywords) {
    Ref<TupleObject> t = tuple_new(ts_, isize(keywords.size()));
    if (!t) { failed_ = true; return false; }
    for (std::size_t i = 0; i < keywords.size(); i++) {
        Ref<> s = str_intern(ts_, str_from_utf8(ts_, keywords[i]->arg));
        if (!s) { failed_ = true; return false; }
        t->ob_item[i] = s.release();
    }
    emit(KW_NAMES, add_const(std::move(t)));
    return true;
}

bool Compiler::call_args(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords, int extra) {
    constexpr std::size_t kStackUseGuideline = 30;
    std::size_t nelts = args.size(), nkwelts = keywords.size();
    bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
    for (Expr* a : args) if (a->kind == ExprKind::Starred) ex_call = true;
    for (Keyword* k : keywords) if (k->arg.empty()) ex_call = true;
    if (!validate_keywords(keywords)) return false;
    if (!ex_call) {
        for (Expr* a : args)
            if (!visit_expr(a)) return false;
        for (Keyword* k : keywords)
            if (!visit_expr(k->value)) return false;
        if (!keywords.empty() && !kw_names(keywords)) return false;
        int n = int(nelts + nkwelts) + extra;
        emit(PRECALL, n);
        emit(CALL, n);
        return true;
    }
    // The general form: a tuple of positional arguments and a dict of keywords.
    if (extra == 0 && nelts == 1 && args[0]->kind == ExprKind::Starred) {
        if (!visit_expr(static_cast<Starred*>(args[0])->value)) return false;
    } else if (!starunpack(args, extra, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)) {
        return false;
    }
    if (nkwelts) {
        bool have_dict = false;
        std::size_t nseen = 0;
        for (std::size_t i = 0; i < nkwelts; i++) {
            Keyword* kw = keywords[i];
            if (kw->arg.empty()) {
                if (nseen) {
                    if (!subkwargs(keywords, i - nseen, i)) return false;
                    if (have_dict) emit(DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    emit(BUILD_MAP, 0);
                    have_dict = true;
                }
                if (!visit_expr(kw->value)) return false;
                emit(DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            if (!subkwargs(keywords, nkwelts - nseen, nkwelts)) return false;
            if (have_dict) emit(DICT_MERGE, 1);
        }
    }
    emit(CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
    return true;
}

// compiler_subkwargs: keyword arguments begin..end as one dict.
bool Compiler::subkwargs(const std::vector<Keyword*>& keywords, std::size_t begin, std::size_t end) {
    std::size_t n = end - begin;
    bool big = n * 2 > 30;
    if (n > 1 && !big) {
        for (std::size_t i = begin; i < end; i++)
            if (!visit_expr(keywords[i]->value)) return false;
        Ref<TupleObject> keys = tuple_new(ts_, isize(n));
        if (!keys) return false;
        for (std::size_t i = begin; i < end; i++) {
            Ref<> k = str_intern(ts_, str_from_utf8(ts_, keywords[i]->arg));
            if (!k) return false;
            keys->ob_item[i - begin] = k.release();
        }
        if (!load_const(std::move(keys))) return false;
        emit(BUILD_CONST_KEY_MAP, int(n));
        return true;
    }
    if (big) emit_noloc(BUILD_MAP, 0);
    for (std::size_t i = begin; i < end; i++) {
        if (!load_const(str_intern(ts_, str_from_utf8(ts_, keywords[i]->arg)))) return false;
        if (!visit_expr(keywords[i]->value)) return false;
        if (big) emit_noloc(MAP_ADD, 1);
    }
    if (!big) emit(BUILD_MAP, int(n));
    return true;
}

// are_all_items_const, on the tree as ast_opt.c leaves it: every item folds
// to a constant; their values are appended to *values when given.
bool Compiler::all_constant(const std::vector<Expr*>& elts, std::size_t begin, std::size_t end,
                            std::vector<Ref<>>* values) {
    for (std::size_t i = begin; i < end; i++) {
        if (!elts[i] || elts[i]->kind == ExprKind::Starred) return false;
        Ref<> v = try_fold(elts[i]);
        if (!v) { error_clear(ts_); return false; }
        if (values) values->push_back(std::move(v));
    }
    return true;
}

// starunpack_helper: builds a list/tuple/set display, with `*x` items
// spliced in by the extend opcode.
bool Compiler::starunpack(const std::vector<Expr*>& elts, int pushed, int build, int add, int extend, bool tuple) {
    std::size_t n = elts.size();
    std::vector<Ref<>> values;
    if (n > 2 && all_constant(elts, 0, n, &values)) {
        Ref<TupleObject> folded = tuple_new(ts_, isize(n));
        if (!folded) return false;
        for (std::size_t i = 0; i < n; i++) folded->ob_item[i] = values[i].release();
        if (tuple && !pushed) return load_const(std::move(folded));
        Ref<> value = std::move(folded);
        if (add == SET_ADD) {
            value = frozenset_new(ts_, value.get());
            if (!value) return false;
        }
        emit(build, pushed);
        if (!load_const(std::move(value))) return false;
        emit(extend, 1);
        if (tuple) emit(LIST_TO_TUPLE);
        return true;
    }
    bool big = n + std::size_t(pushed) > 30;
    bool seen_star = false;
    for (Expr* x : elts) if (x->kind == ExprKind::Starred) seen_star = true;
    if (!seen_star && !big) {
        for (Expr* x : elts)
            if (!visit_expr(x)) return false;
        emit(tuple ? BUILD_TUPLE : build, int(n) + pushed);
        return true;
    }
    bool built = false;
    if (big) {
        emit(build, pushed);
        built = true;
    }
    for (std::size_t i = 0; i < n; i++) {
        Expr* x = elts[i];
        if (x->kind == ExprKind::Starred) {
            if (!built) {
                emit(build, int(i) + pushed);
                built = true;
            }
            if (!visit_expr(static_cast<Starred*>(x)->value)) return false;
            emit(extend, 1);
        } else {
            if (!visit_expr(x)) return false;
            if (built) emit(add, 1);
        }
    }
    if (tuple) emit(LIST_TO_TUPLE);
    return true;
}

// compiler_subdict
bool Compiler::subdict(Dict* d, std::size_t begin, std::size_t end) {
    std::size_t n = end - begin;
    bool big = n * 2 > 30;
    std::vector<Ref<>> key_values;
    if (n > 1 && !big && all_constant(d->keys, begin, end, &key_values)) {
        for (std::size_t i = begin; i < end; i++)
            if (!visit_expr(d->values[i])) return false;
        Ref<TupleObject> keys = tuple_new(ts_, isize(n));
        if (!keys) return false;
        for (std::size_t i = 0; i < n; i++) keys->ob_item[i] = key_values[i].release();
        if (!load_const(std::move(keys))) return false;
        emit(BUILD_CONST_KEY_MAP, int(n));
        return true;
    }
    if (big) emit(BUILD_MAP, 0);
    for (std::size_t i = begin; i < end; i++) {
        if (!visit_expr(d->keys[i]) || !visit_expr(d->values[i])) return false;
        if (big) emit(MAP_ADD, 1);
    }
    if (!big) emit(BUILD_MAP, int(n));
    return true;
}

// compiler_dict
bool Compiler::dict_display(Dict* d) {
    std::size_t n = d->values.size(), elements = 0;
    bool have_dict = false;
    for (std::size_t i = 0; i < n; i++) {
        if (!d->keys[i]) {   // **mapping
            if (elements) {
                if (!subdict(d, i - elements, i)) return false;
                if (have_dict) emit(DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit(BUILD_MAP, 0);
                have_dict = true;
            }
            if (!visit_expr(d->values[i])) return false;
            emit(DICT_UPDATE, 1);
        } else if (elements * 2 > 30) {
            if (!subdict(d, i - elements, i + 1)) return false;
            if (have_dict) emit(DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (!subdict(d, n - elements, n)) return false;
        if (have_dict) emit(DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict) emit(BUILD_MAP, 0);
    return true;
}

// compiler_add_yield_from: the SEND / YIELD_VALUE loop of `yield from` and `await`.
void Compiler::add_yield_from(bool await) {
    Block* start = new_block();
    Block* resume = new_block();
    Block* exit = new_block();
    use_next_block(start);
    emit(SEND, 0, exit);
    use_next_block(resume);
    emit(YIELD_VALUE, 0);
    emit(RESUME, await ? 3 : 2);
    emit(JUMP_NO_INTERRUPT, 0, start);
    use_next_block(exit);
}

// ADDOP_YIELD: in an async generator the value is wrapped first, so the
// awaiting __anext__() can tell a yield from an await passing through.
void Compiler::emit_yield() {
    if (u().scope->is_generator && u().scope->is_coroutine) emit(ASYNC_GEN_WRAP);
    emit(YIELD_VALUE, 0);
    emit(RESUME, 1);
}

// `await` of TOS; kind is GET_AWAITABLE's oparg (0 await, 1 __aenter__,
// 2 __aexit__), which only changes the error message.
void Compiler::emit_await(int kind) {
    emit(GET_AWAITABLE, kind);
    load_const(none());
    add_yield_from(true);
}

// compiler_comprehension: the comprehension is a nested function called with
// the iterator of its first `for` as its only argument (".0"). With an
// `async for` or an `await` in it, the function is a coroutine (awaited
// here) or, for a generator expression, an async generator.
bool Compiler::comprehension(Expr* e, const char* name, const std::vector<Comprehension*>& gens, Expr* elt,
                             Expr* val) {
    bool outer_async = u().async_def;
    bool outer_comprehension = u().scope->kind == ScopeKind::Comprehension;
    Scope* scope = st_.scope_for(e);
    if (!enter_scope(scope, name, e, e->lineno)) return false;
    u().argcount = 1;
    bool genexp = e->kind == ExprKind::GeneratorExp;
    bool is_async_generator = scope->is_coroutine;
    if (is_async_generator && !genexp && !outer_async && !outer_comprehension)
        return syntax_error(e, "asynchronous comprehension outside of an asynchronous function");
    if (!genexp) {
        int op = e->kind == ExprKind::ListComp ? BUILD_LIST : e->kind == ExprKind::SetComp ? BUILD_SET : BUILD_MAP;
        emit(op, 0);
    }
    if (!comprehension_generator(e, gens, 0, 0, elt, val)) return false;
    if (!genexp) {
        emit(RETURN_VALUE);
    } else {
        u().loc = Position{-1, -1, -1, -1};
        load_const(none());
        emit(RETURN_VALUE);
    }
    if (failed_) return false;
    Ref<CodeObject> code = leave_scope(0);
    if (!code) return false;
    set_loc(e);
    if (!make_closure(code.get(), 0)) return false;
    if (!visit_iterable(gens[0]->iter)) return false;
    set_loc(e);
    emit(gens[0]->is_async ? GET_AITER : GET_ITER);
    emit(PRECALL, 0);
    emit(CALL, 0);
    if (is_async_generator && !genexp) emit_await(0);
    return true;
}

// The innermost part of a comprehension: add the element to the result.
bool Compiler::comprehension_element(Expr* e, int depth, Expr* elt, Expr* val) {
    switch (e->kind) {
    case ExprKind::GeneratorExp:
        if (!visit_expr(elt)) return false;
        emit_yield();
        emit(POP_TOP);
        break;
    case ExprKind::ListComp:
        if (!visit_expr(elt)) return false;
        emit(LIST_APPEND, depth + 1);
        break;
    case ExprKind::SetComp:
        if (!visit_expr(elt)) return false;
        emit(SET_ADD, depth + 1);
        break;
    default:   // DictComp: key before value
        if (!visit_expr(elt) || !visit_expr(val)) return false;
        emit(MAP_ADD, depth + 1);
        break;
    }
    return true;
}

// compiler_sync_comprehension_generator
bool Compiler::comprehension_generator(Expr* e, const std::vector<Comprehension*>& gens, std::size_t index,
                                       int depth, Expr* elt, Expr* val) {
    Comprehension* gen = gens[index];
    if (gen->is_async) return async_comprehension_generator(e, gens, index, depth, elt, val);
    Block* start = new_block();
    Block* if_cleanup = new_block();
    Block* anchor = new_block();
    if (index == 0) {
        emit(LOAD_FAST, 0);   // .0, the outermost iterator
    } else {
        // `for y in [f(x)]`: one-element lists and tuples are not iterated.
        const std::vector<Expr*>* elts = nullptr;
        if (gen->iter->kind == ExprKind::List) elts = &static_cast<List*>(gen->iter)->elts;
        if (gen->iter->kind == ExprKind::Tuple) elts = &static_cast<Tuple*>(gen->iter)->elts;
        if (elts && elts->size() == 1 && (*elts)[0]->kind != ExprKind::Starred) {
            if (!visit_expr((*elts)[0])) return false;
            start = nullptr;
        }
        if (start) {
            if (!visit_iterable(gen->iter)) return false;
            emit(GET_ITER);
        }
    }
    if (start) {
        depth++;
        use_next_block(start);
        emit(FOR_ITER, 0, anchor);
        use_next_block(new_block());
    }
    if (!store_target(gen->target)) return false;
    for (Expr* cond : gen->ifs)
        if (!jump_if(cond, if_cleanup, false)) return false;
    if (index + 1 < gens.size()) {
        if (!comprehension_generator(e, gens, index + 1, depth, elt, val)) return false;
    } else if (!comprehension_element(e, depth, elt, val)) {
        return false;
    }
    use_next_block(if_cleanup);
    if (start) {
        emit(JUMP, 0, start);
        use_next_block(anchor);
    }
    return true;
}

// compiler_async_comprehension_generator: `async for` inside a
// comprehension; StopAsyncIteration from __anext__ ends the loop.
bool Compiler::async_comprehension_generator(Expr* e, const std::vector<Comprehension*>& gens,
                                             std::size_t index, int depth, Expr* elt, Expr* val) {
    Comprehension* gen = gens[index];
    Block* start = new_block();
    Block* except = new_block();
    Block* if_cleanup = new_block();
    if (index == 0) {
        emit(LOAD_FAST, 0);
    } else {
        if (!visit_iterable(gen->iter)) return false;
        emit(GET_AITER);
    }
    use_next_block(start);
    u().fblocks.push_back({FBlockKind::AsyncComprehensionGenerator, start});
    emit(SETUP_FINALLY, 0, except);
    emit(GET_ANEXT);
    load_const(none());
    add_yield_from(true);
    emit(POP_BLOCK);
    if (!store_target(gen->target)) return false;
    for (Expr* cond : gen->ifs) {
        if (!jump_if(cond, if_cleanup, false)) return false;
        use_next_block(new_block());
    }
    depth++;
    if (index + 1 < gens.size()) {
        if (!comprehension_generator(e, gens, index + 1, depth, elt, val)) return false;
    } else if (!comprehension_element(e, depth, elt, val)) {
        return false;
    }
    use_next_block(if_cleanup);
    emit(JUMP, 0, start);
    u().fblocks.pop_back();
    use_next_block(except);
    emit(END_ASYNC_FOR);
    return true;
}

// compiler_async_for: __anext__() is awaited under a handler; its
// StopAsyncIteration lands on END_ASYNC_FOR, which ends the loop.
bool Compiler::async_for(For* f) {
    if (!u().async_def) return syntax_error_here("'async for' outside async function");
    Block* start = new_block();
    Block* except = new_block();
    Block* end = new_block();
    if (!visit_expr(f->iter)) return false;
    emit(GET_AITER);
    use_next_block(start);
    u().fblocks.push_back({FBlockKind::ForLoop, start, end});
    emit(SETUP_FINALLY, 0, except);
    emit(GET_ANEXT);
    load_const(none());
    add_yield_from(true);
    emit(POP_BLOCK);
    if (!store_target(f->target)) return false;
    if (!visit_stmts(f->body)) return false;
    u().loc = Position{-1, -1, -1, -1};   // the jump back is artificial
    emit(JUMP, 0, start);
    u().fblocks.pop_back();
    use_next_block(except);
    set_loc(f->iter);   // END_ASYNC_FOR belongs to the `for`, not to the body
    emit(END_ASYNC_FOR);
    if (!visit_stmts(f->orelse)) return false;
    use_next_block(end);
    return true;
}

// compiler_async_with: as `with`, with __aenter__() and __aexit__() awaited.
bool Compiler::async_with(With* w, std::size_t pos) {
    WithItem* item = w->items[pos];
    Block* block = new_block();
    Block* final = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    if (!visit_expr(item->context_expr)) return false;
    set_loc(w);
    emit(BEFORE_ASYNC_WITH);
    emit_await(1);
    emit(SETUP_WITH, 0, final);
    use_next_block(block);
    u().fblocks.push_back({FBlockKind::AsyncWith, block, final, static_cast<const Node*>(w)});
    if (item->optional_vars) {
        if (!store_target(item->optional_vars)) return false;
    } else {
        emit(POP_TOP);   // the result of __aenter__()
    }
    if (pos + 1 == w->items.size()) {
        if (!visit_stmts(w->body)) return false;
    } else if (!async_with(w, pos + 1)) {
        return false;
    }
    u().fblocks.pop_back();
    emit(POP_BLOCK);
    set_loc(w);
    if (!call_exit_with_nones()) return false;
    emit_await(2);
    emit(POP_TOP);
    emit(JUMP, 0, exit);
    use_next_block(final);
    emit(SETUP_CLEANUP, 0, cleanup);
    emit(PUSH_EXC_INFO);
    emit(WITH_EXCEPT_START);
    emit_await(2);
    // compiler_with_except_finish
    u().loc = Position{-1, -1, -1, -1};
    Block* suppressed = new_block();
    emit(POP_JUMP_IF_TRUE, 0, suppressed);
    use_next_block(new_block());
    emit(RERAISE, 2);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(suppressed);
    emit(POP_TOP);   // exc_value
    emit(POP_BLOCK);
    emit(POP_EXCEPT);
    emit(POP_TOP);
    emit(POP_TOP);
    use_next_block(exit);
    return true;
}

bool Compiler::call(Call* c) {
    // obj.method(args): LOAD_METHOD saves building a bound method.
    // Not when the object is a name the module imports (is_import_originated:
    // 3.11 looks only at the module's own symbols, whatever the scope).
    if (c->func->kind == ExprKind::Attribute && static_cast<Attribute*>(c->func)->ctx == ExprContext::Load &&
        !is_import_originated(static_cast<Attribute*>(c->func)->value)) {
        bool simple = true;
        for (Expr* a : c->args) if (a->kind == ExprKind::Starred) simple = false;
        for (Keyword* k : c->keywords) if (k->arg.empty()) simple = false;
        std::size_t nargs = c->args.size(), nkw = c->keywords.size();
        if (simple && nargs + nkw + (nkw != 0) < 30) {   // STACK_USE_GUIDELINE
            if (!validate_keywords(c->keywords)) return false;
            auto* a = static_cast<Attribute*>(c->func);
            if (!visit_expr(a->value)) return false;
            set_loc(a);
            set_attr_loc(a);
            emit(LOAD_METHOD, add_name(mangle(u().private_name, a->attr)));
            for (Expr* arg : c->args)
                if (!visit_expr(arg)) return false;
            for (Keyword* k : c->keywords)
                if (!visit_expr(k->value)) return false;
            if (nkw && !kw_names(c->keywords)) return false;   // at the method's position
            set_loc(c);
            set_attr_loc(a);
            emit(PRECALL, int(nargs + nkw));
            emit(CALL, int(nargs + nkw));
            return true;
        }
    }
    if (!check_caller(c->func)) return false;
    // (The assembler folds PUSH_NULL + LOAD_GLOBAL into LOAD_GLOBAL with the NULL bit.)
    set_loc(c->func);   // PUSH_NULL carries the callee's position, as in 3.11
    emit(PUSH_NULL);
    set_loc(c);
    if (!visit_expr(c->func)) return false;
    set_loc(c);
    return call_args(c->args, c->keywords, 0);
}



// ------------------------------------------------------------ match

static bool is_wildcard(const Pattern* p) {
    return p->kind == PatternKind::MatchAs && !static_cast<const MatchAs*>(p)->pattern &&
           static_cast<const MatchAs*>(p)->name.empty();
}
static bool is_star_wildcard(const Pattern* p) {
    return p->kind == PatternKind::MatchStar && static_cast<const MatchStar*>(p)->name.empty();
}

void Compiler::ensure_fail_pop(PatternContext& pc, std::size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_block());
}

// Jumps (with `op`) to the block that pops everything this pattern pushed.
void Compiler::jump_to_fail_pop(PatternContext& pc, int op) {
    std::size_t pops = std::size_t(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    emit(op, 0, pc.fail_pop[pops]);
    use_next_block(new_block());
}

// The chain of fail_pop blocks: each pops one item and falls into the next.
void Compiler::emit_and_reset_fail_pop(PatternContext& pc) {
    if (pc.fail_pop.empty()) return;
    for (std::size_t i = pc.fail_pop.size() - 1; i > 0; i--) {
        use_next_block(pc.fail_pop[i]);
        emit(POP_TOP);
    }
    use_next_block(pc.fail_pop[0]);
    pc.fail_pop.clear();
}

void Compiler::pattern_rotate(int count) {
    while (count > 1) emit(SWAP, count--);
}

bool Compiler::pattern_store_name(const std::string& name, PatternContext& pc, const Node* at) {
    if (name.empty()) {
        emit(POP_TOP);
        return true;
    }
    for (const std::string& n : pc.stores)
        if (n == name) return syntax_error(at, "multiple assignments to name '" + name + "' in pattern");
    pattern_rotate(pc.on_top + int(pc.stores.size()) + 1);
    pc.stores.push_back(name);
    return true;
}

bool Compiler::pattern_subpattern(Pattern* p, PatternContext& pc) {
    bool allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    if (!pattern(p, pc)) return false;
    pc.allow_irrefutable = allow;
    return true;
}

bool Compiler::pattern(Pattern* p, PatternContext& pc) {
    set_loc(p);
    switch (p->kind) {
    case PatternKind::MatchValue: {
        Expr* value = static_cast<MatchValue*>(p)->value;
        if (value->kind != ExprKind::Constant && value->kind != ExprKind::Attribute &&
            !(value->kind == ExprKind::UnaryOp || value->kind == ExprKind::BinOp))   // -1 and 1+2j fold to constants
            return syntax_error(p, "patterns may only match literals and attribute lookups");
        if (!visit_expr(value)) return false;
        emit(COMPARE_OP, Py_EQ);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        return true;
    }
    case PatternKind::MatchSingleton:
        if (!load_const(constant_value(static_cast<MatchSingleton*>(p)->value))) return false;
        emit(IS_OP, 0);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        return true;
    case PatternKind::MatchSequence:
        return pattern_sequence(static_cast<MatchSequence*>(p), pc);
    case PatternKind::MatchMapping:
        return pattern_mapping(static_cast<MatchMapping*>(p), pc);
    case PatternKind::MatchClass:
        return pattern_class(static_cast<MatchClass*>(p), pc);
    case PatternKind::MatchStar:
        return pattern_store_name(static_cast<MatchStar*>(p)->name, pc, p);
    case PatternKind::MatchAs: {
        auto* as = static_cast<MatchAs*>(p);
        if (!as->pattern) {
            if (!pc.allow_irrefutable) {
                if (!as->name.empty())
                    return syntax_error(p, "name capture '" + as->name + "' makes remaining patterns unreachable");
                return syntax_error(p, "wildcard makes remaining patterns unreachable");
            }
            return pattern_store_name(as->name, pc, p);
        }
        pc.on_top++;
        emit(COPY, 1);
        if (!pattern(as->pattern, pc)) return false;
        pc.on_top--;
        return pattern_store_name(as->name, pc, p);
    }
    case PatternKind::MatchOr:
        return pattern_or(static_cast<MatchOr*>(p), pc);
    }
    return true;
}

bool Compiler::pattern_sequence(MatchSequence* p, PatternContext& pc) {
    const auto& pats = p->patterns;
    int size = int(pats.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        if (pats[std::size_t(i)]->kind == PatternKind::MatchStar) {
            if (star >= 0) return syntax_error(p, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(pats[std::size_t(i)]);
            only_wildcard = only_wildcard && star_wildcard;
            star = i;
            continue;
        }
        only_wildcard = only_wildcard && is_wildcard(pats[std::size_t(i)]);
    }
    pc.on_top++;
    emit(MATCH_SEQUENCE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (star < 0) {
        emit(GET_LEN);
        load_const(int_from_i64(ts_, size));
        emit(COMPARE_OP, Py_EQ);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    } else if (size > 1) {   // a star: len(subject) >= size - 1
        emit(GET_LEN);
        load_const(int_from_i64(ts_, size - 1));
        emit(COMPARE_OP, Py_GE);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    pc.on_top--;
    if (only_wildcard) {
        emit(POP_TOP);
        return true;
    }
    if (star_wildcard) {
        // pattern_helper_sequence_subscr: index the subject instead of unpacking it.
        pc.on_top++;
        for (int i = 0; i < size; i++) {
            Pattern* sub = pats[std::size_t(i)];
            if (is_wildcard(sub) || i == star) continue;
            emit(COPY, 1);
            if (i < star) {
                load_const(int_from_i64(ts_, i));
            } else {
                emit(GET_LEN);
                load_const(int_from_i64(ts_, size - i));
                emit(BINARY_OP, NB_SUBTRACT);
            }
            emit(BINARY_SUBSCR);
            if (!pattern_subpattern(sub, pc)) return false;
        }
        pc.on_top--;
        emit(POP_TOP);
        return true;
    }
    // pattern_helper_sequence_unpack
    bool seen_star = false;
    for (int i = 0; i < size; i++) {
        if (pats[std::size_t(i)]->kind == PatternKind::MatchStar && !seen_star) {
            emit(UNPACK_EX, i + ((size - i - 1) << 8));
            seen_star = true;
        }
    }
    if (!seen_star) emit(UNPACK_SEQUENCE, size);
    pc.on_top += size;
    for (int i = 0; i < size; i++) {
        pc.on_top--;
        if (!pattern_subpattern(pats[std::size_t(i)], pc)) return false;
    }
    return true;
}

bool Compiler::pattern_mapping(MatchMapping* p, PatternContext& pc) {
    std::size_t size = p->keys.size();
    pc.on_top++;
    emit(MATCH_MAPPING);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    if (!size && !p->has_rest) {
        pc.on_top--;
        emit(POP_TOP);
        return true;
    }
    if (size) {
        emit(GET_LEN);
        load_const(int_from_i64(ts_, isize(size)));
        emit(COMPARE_OP, Py_GE);
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    }
    std::vector<std::string> seen;
    for (Expr* key : p->keys) {
        if (key->kind == ExprKind::Constant || key->kind == ExprKind::UnaryOp) {
            Ref<> v = try_fold(key);
            if (v) {
                std::string k = const_key(interp_, v.get());
                for (const std::string& other : seen) {
                    if (other == k) {
                        Ref<> r = object_repr(ts_, v.get());
                        return syntax_error(key, "mapping pattern checks duplicate key (" +
                                                     (r ? std::string(str_utf8(r.get())) : std::string("?")) + ")");
                    }
                }
                seen.push_back(k);
            }
        } else if (key->kind != ExprKind::Attribute) {
            return syntax_error(key, "mapping pattern keys may only match literals and attribute lookups");
        }
        if (!visit_expr(key)) return false;
    }
    emit(BUILD_TUPLE, int(size));
    emit(MATCH_KEYS);
    pc.on_top += 2;
    emit(COPY, 1);
    load_const(none());
    emit(IS_OP, 1);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    emit(UNPACK_SEQUENCE, int(size));
    pc.on_top += int(size) - 1;
    for (Pattern* sub : p->patterns) {
        pc.on_top--;
        if (!pattern_subpattern(sub, pc)) return false;
    }
    pc.on_top -= 2;
    if (p->has_rest) {
        // rest = dict(subject); del rest[key] for each key
        emit(BUILD_MAP, 0);
        emit(SWAP, 3);
        emit(DICT_UPDATE, 2);
        emit(UNPACK_SEQUENCE, int(size));
        int n = int(size);
        while (n) {
            emit(COPY, 1 + n--);
            emit(SWAP, 2);
            emit(DELETE_SUBSCR);
        }
        return pattern_store_name(p->rest, pc, p);
    }
    emit(POP_TOP);   // the tuple of keys
    emit(POP_TOP);   // the subject
    return true;
}

bool Compiler::pattern_class(MatchClass* p, PatternContext& pc) {
    std::size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
    for (std::size_t i = 0; i < nattrs; i++)
        for (std::size_t j = i + 1; j < nattrs; j++)
            if (p->kwd_attrs[i] == p->kwd_attrs[j])
                return syntax_error(p->kwd_patterns[j], "attribute name repeated in class pattern: " + p->kwd_attrs[i]);
    set_loc(p);
    if (!visit_expr(p->cls)) return false;
    Ref<TupleObject> names = tuple_new(ts_, isize(nattrs));
    if (!names) return false;
    for (std::size_t i = 0; i < nattrs; i++) {
        Ref<> n = str_intern(ts_, str_from_utf8(ts_, p->kwd_attrs[i]));
        if (!n) return false;
        names->ob_item[i] = n.release();
    }
    if (!load_const(std::move(names))) return false;
    emit(MATCH_CLASS, int(nargs));
    emit(COPY, 1);
    load_const(none());
    emit(IS_OP, 1);
    pc.on_top++;
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
    emit(UNPACK_SEQUENCE, int(nargs + nattrs));
    pc.on_top += int(nargs + nattrs) - 1;
    for (std::size_t i = 0; i < nargs + nattrs; i++) {
        pc.on_top--;
        Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
        if (is_wildcard(sub)) {
            emit(POP_TOP);
            continue;
        }
        if (!pattern_subpattern(sub, pc)) return false;
    }
    return true;
}

bool Compiler::pattern_or(MatchOr* p, PatternContext& pc) {
    Block* end = new_block();
    std::size_t size = p->patterns.size();
    PatternContext old = pc;
    std::vector<std::string> control;
    for (std::size_t i = 0; i < size; i++) {
        Pattern* alt = p->patterns[i];
        set_loc(alt);
        pc.stores.clear();
        pc.allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc.fail_pop.clear();
        pc.on_top = 0;
        emit(COPY, 1);
        if (!pattern(alt, pc)) return false;
        std::size_t nstores = pc.stores.size();
        if (i == 0) {
            control = pc.stores;
        } else if (nstores != control.size()) {
            return syntax_error(alt, "alternative patterns bind different names");
        } else if (nstores) {
            // Reorder this alternative's captures to match the first one's.
            for (std::size_t ic = nstores; ic-- > 0;) {
                const std::string& name = control[ic];
                auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
                if (it == pc.stores.end()) return syntax_error(alt, "alternative patterns bind different names");
                std::size_t is = std::size_t(it - pc.stores.begin());
                if (ic != is) {
                    std::size_t rotations = is + 1;
                    std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + std::ptrdiff_t(rotations));
                    pc.stores.erase(pc.stores.begin(), pc.stores.begin() + std::ptrdiff_t(rotations));
                    pc.stores.insert(pc.stores.begin() + std::ptrdiff_t(ic - is), rotated.begin(), rotated.end());
                    while (rotations--) pattern_rotate(int(ic) + 1);
                }
            }
        }
        emit(JUMP, 0, end);
        emit_and_reset_fail_pop(pc);
    }
    pc = old;
    // No alternative matched: pop the subject copy and fail.
    emit(POP_TOP);
    jump_to_fail_pop(pc, JUMP);
    use_next_block(end);
    int nrots = int(control.size()) + 1 + pc.on_top + int(pc.stores.size());
    for (const std::string& name : control) {
        pattern_rotate(nrots);
        for (const std::string& n : pc.stores)
            if (n == name) return syntax_error(p, "multiple assignments to name '" + name + "' in pattern");
        pc.stores.push_back(name);
    }
    emit(POP_TOP);   // the subject copy
    return true;
}

// compiler_match_inner
bool Compiler::match_stmt(Match* m) {
    if (!visit_expr(m->subject)) return false;
    Block* end = new_block();
    std::size_t cases = m->cases.size();
    bool has_default = is_wildcard(m->cases.back()->pattern) && cases > 1;
    PatternContext pc;
    for (std::size_t i = 0; i < cases - (has_default ? 1 : 0); i++) {
        MatchCase* c = m->cases[i];
        set_loc(c->pattern);
        bool last = i == cases - (has_default ? 1 : 0) - 1;
        if (!last) emit(COPY, 1);
        pc.stores.clear();
        pc.allow_irrefutable = c->guard != nullptr || i == cases - 1;
        pc.fail_pop.clear();
        pc.on_top = 0;
        if (!pattern(c->pattern, pc)) return false;
        for (const std::string& name : pc.stores)
            if (!nameop(name, ExprContext::Store)) return false;
        if (c->guard) {
            ensure_fail_pop(pc, 0);
            if (!jump_if(c->guard, pc.fail_pop[0], false)) return false;
        }
        if (!last) emit(POP_TOP);
        if (!visit_stmts(c->body)) return false;
        emit(JUMP, 0, end);
        set_loc(c->pattern);
        emit_and_reset_fail_pop(pc);
    }
    if (has_default) {
        MatchCase* c = m->cases.back();
        set_loc(c->pattern);
        if (cases == 1) emit(POP_TOP);
        else emit(NOP);
        if (c->guard && !jump_if(c->guard, end, false)) return false;
        if (!visit_stmts(c->body)) return false;
    }
    use_next_block(end);
    return true;
}

}  // namespace

std::nullptr_t raise_syntax_error(ThreadState* ts, const SyntaxErrorInfo& err, std::string_view filename) {
    Interpreter& interp = *ts->interp;
    TypeObject* type = interp.exc.SyntaxError;
    if (err.type == "IndentationError") type = interp.exc.IndentationError;
    else if (err.type == "TabError") type = interp.exc.TabError;
    else if (err.type == "MemoryError") return raise(ts, interp.exc.MemoryError, err.msg);
    if (!err.located) return raise(ts, type, err.msg);
    // SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))
    Ref<> msg = str_from_utf8(ts, err.msg);
    Ref<> fname = str_from_utf8(ts, filename);
    Ref<> lineno = int_from_i64(ts, err.lineno);
    Ref<> offset = int_from_i64(ts, err.offset);
    Ref<> text = err.text.empty() ? newref(interp.None) : str_from_utf8(ts, err.text);
    Ref<> end_lineno = int_from_i64(ts, err.end_lineno);
    Ref<> end_offset = err.no_end_offset ? newref(interp.None) : int_from_i64(ts, err.end_offset);
    if (!msg || !fname || !lineno || !offset || !text || !end_lineno || !end_offset) return nullptr;
    Ref<TupleObject> details = tuple_pack(ts, {fname.get(), lineno.get(), offset.get(), text.get(), end_lineno.get(), end_offset.get()});
    if (!details) return nullptr;
    Object* args[2] = {msg.get(), details.get()};
    Ref<> exc = object_vectorcall(ts, type, args, 2);
    if (!exc) return nullptr;
    // The attributes the traceback printer reads.
    struct { const char* name; Object* value; } attrs[] = {
        {"msg", msg.get()}, {"filename", fname.get()}, {"lineno", lineno.get()}, {"offset", offset.get()},
        {"text", text.get()}, {"end_lineno", end_lineno.get()}, {"end_offset", end_offset.get()},
    };
    for (auto& a : attrs)
        if (object_setattr(ts, exc.get(), interp.intern(a.name), a.value) < 0) return nullptr;
    return raise_object(ts, exc.get());
}

// Parses `source` into `arena` and issues the parser's warnings, as the
// first step of compile() and of ast.parse(). Null with the error raised.
static Mod* parse_with_warnings(ThreadState* ts, std::string_view source, std::string_view filename,
                                ParseMode mode, AstArena& arena) {
    SyntaxErrorInfo err;
    std::vector<ParseWarning> warnings;
    Mod* mod = parse(source, mode, arena, err, &warnings, filename);
    // The parser's warnings, as CPython issues them while parsing: a filter
    // may turn one into an error, which becomes a SyntaxError at the literal.
    for (const ParseWarning& w : warnings) {
        TypeObject* category = ts->interp->exc.DeprecationWarning;
        Ref<> msg = str_from_utf8(ts, w.msg);
        Ref<> fname = str_from_utf8(ts, filename);
        if (!msg || !fname) return nullptr;
        if (!warn_explicit(ts, category, msg.get(), fname.get(), w.lineno, nullptr, nullptr)) {
            if (!error_matches(ts, category)) return nullptr;
            error_clear(ts);
            return raise_syntax_error(ts, w.as_error, filename);
        }
    }
    if (!mod) return raise_syntax_error(ts, err, filename);
    return mod;
}

bool source_to_ast_text(ThreadState* ts, std::string_view source, std::string_view filename, ParseMode mode,
                        std::string* out) {
    AstArena arena;
    Mod* mod = parse_with_warnings(ts, source, filename, mode, arena);
    if (!mod) return false;
    *out = ast::dump(mod, /*include_attributes=*/true);
    return true;
}

Ref<CodeObject> compile_source(ThreadState* ts, std::string_view source, std::string_view filename, ParseMode mode,
                               int flags, std::vector<Ref<>>* ast_objects) {
    AstArena arena;
    Mod* mod = parse_with_warnings(ts, source, filename, mode, arena);
    if (!mod) return nullptr;
    return compile_mod(ts, mod, filename, mode, flags, ast_objects);
}

// future.c: the `from __future__ import` statements that open a module
// (after its docstring, if any) switch features on for the whole module.
// Sets *lineno to the line of the last one; later ones are errors
// (compiler_from_import reports them).
static bool future_features(Mod* mod, int* flags, int* lineno, SyntaxErrorInfo& err) {
    if (mod->kind == ModKind::Expression) return true;
    const std::vector<Stmt*>& body = mod->body;
    std::size_t i = 0;
    if (mod->kind == ModKind::Module && !body.empty() && body[0]->kind == StmtKind::Expr) {
        Expr* v = static_cast<ExprStmt*>(body[0])->value;
        if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->value.kind == AstConstant::Kind::Str) i = 1;
    }
    for (; i < body.size(); i++) {
        if (body[i]->kind != StmtKind::ImportFrom) break;
        auto* f = static_cast<ImportFrom*>(body[i]);
        if (f->module != "__future__" || f->level != 0) break;
        for (Alias* a : f->names) {
            const std::string& n = a->name;
            if (n == "nested_scopes" || n == "generators" || n == "division" || n == "absolute_import" ||
                n == "with_statement" || n == "print_function" || n == "unicode_literals" || n == "generator_stop")
                continue;   // mandatory long ago: nothing changes
            if (n == "barry_as_FLUFL") {
                *flags |= CO_FUTURE_BARRY_AS_BDFL;
            } else if (n == "annotations") {
                *flags |= CO_FUTURE_ANNOTATIONS;
            } else {
                err.msg = n == "braces" ? "not a chance" : "future feature " + n + " is not defined";
                err.lineno = err.end_lineno = f->lineno;
                err.offset = f->col_offset + 1;
                err.no_end_offset = true;
                return false;
            }
        }
        *lineno = f->lineno;
    }
    return true;
}

Ref<CodeObject> compile_mod(ThreadState* ts, Mod* mod, std::string_view filename, ParseMode mode, int flags,
                            std::vector<Ref<>>* ast_objects) {
    SyntaxErrorInfo err;
    int future_lineno = 0;
    flags &= kFutureFlagsMask;
    if (!future_features(mod, &flags, &future_lineno, err)) {
        err.text = source_line(*ts->interp, std::string(filename), err.lineno);
        return raise_syntax_error(ts, err, filename);
    }
    SymbolTable st;
    if (!st.build(mod, err, flags & CO_FUTURE_ANNOTATIONS)) return raise_syntax_error(ts, err, filename);
    // CPython's parser interns every identifier as it reads it, so a name
    // is interned before any code object is made; the string constants
    // equal to one are then replaced by it (intern_string_constants), which
    // can reorder a frozenset constant. The names of the scopes stand for
    // the identifiers here, held as the parser's arena holds them.
    std::vector<Ref<>> identifiers;
    std::vector<Scope*> scopes{st.top()};
    while (!scopes.empty()) {
        Scope* sc = scopes.back();
        scopes.pop_back();
        for (const std::string& n : sc->order) {
            Ref<> id = str_from_utf8(ts, n);
            if (!id) return nullptr;
            identifiers.push_back(str_intern(ts, std::move(id)));
        }
        for (auto& child : sc->children) scopes.push_back(child.get());
    }
    Compiler c(ts, filename, st, flags);
    c.set_future_lineno(future_lineno);
    Ref<CodeObject> code = c.compile_module(mod, mode);
    if (code && ast_objects) {
        c.take_ast_objects(ast_objects);
        for (Ref<>& id : identifiers) ast_objects->push_back(std::move(id));
    }
    return code;
}

}  // namespace gp
