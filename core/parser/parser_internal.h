// parser_internal.h — the Parser class shared by parser*.cpp and fstring.cpp.
//
// Not part of the public surface: include parser/parser.h instead. The class
// is split over several files by grammar area, as CPython's grammar file is:
//   parser.cpp          token buffer, error reporting, entry points
//   parser_expr.cpp     expressions, comprehensions, targets
//   parser_args.cpp     call arguments and def/lambda parameters
//   parser_stmt.cpp     statements and blocks
//   parser_pattern.cpp  match statement patterns
//   fstring.cpp         string concatenation and f-strings
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parser/parser.h"

namespace gp::parse_detail {

using namespace gp::ast;

// Hard keywords (and the soft ones) recognised from NAME tokens.
enum class Kw : uint8_t {
    None_,   // not a keyword
    False, NoneKw, True, And, As, Assert, Async, Await, Break, Class, Continue,
    Def, Del, Elif, Else, Except, Finally, For, From, Global, If, Import, In,
    Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While, With, Yield,
    // soft keywords: valid names everywhere except where the grammar says so
    SoftMatch, SoftCase, SoftUnderscore,
};

// One buffered token plus what the parser derives from it once.
struct PToken {
    Token tok;
    int level = 0;          // bracket depth after this token (CPython's token->level)
    Kw kw = Kw::None_;      // keyword meaning of a NAME token
};

// Where a speculative parse started; see Parser::restore_if_recoverable.
struct SavedState {
    size_t pos;
};

// Decorators, collected in the arena so the vector is not on the C stack.
struct DecoratorList : Node {
    std::vector<Expr*> list;
};

class Parser {
public:
    // `line_offset`/`col_offset` shift token positions: used for the
    // expressions inside f-strings, which are parsed by a child Parser over
    // a copy of the expression text (CPython's fstring_compile_expr).
    Parser(std::string_view source, AstArena& arena, SyntaxErrorInfo& err, int depth,
           std::string_view filename = "<string>");

    Mod* parse_file(ParseMode mode);
    Expr* parse_fstring_expr();   // fstring: star_expressions, for child parsers

    // Child parsers (f-strings) shift their tokens like CPython's
    // starting_lineno / starting_col_offset.
    int starting_lineno = 0;      // added to every token line
    int starting_col_offset = 0;  // added to columns of tokens on the first line
    bool in_fstring = false;      // errors get the "f-string: " prefix
    uintptr_t stack_base_ = 0;    // address near the bottom of parse()'s frame, see enter()

private:
    // ------------------------------------------------------------ tokens
    const PToken& peek_tok(size_t ahead = 0);
    TokenKind peek_kind(size_t ahead = 0) { return peek_tok(ahead).tok.kind; }
    Kw peek_kw(size_t ahead = 0) { return peek_tok(ahead).kw; }
    bool at(TokenKind k) { return peek_kind() == k; }
    bool at_kw(Kw k) { return peek_kw() == k; }
    bool at_name() { const PToken& t = peek_tok(); return t.tok.kind == TokenKind::NAME && !is_hard_kw(t.kw); }
    bool accept(TokenKind k);
    bool accept_kw(Kw k);
    bool expect(TokenKind k);                // generic "invalid syntax" when missing
    bool expect_forced(TokenKind k, const char* what);   // "expected ':'"
    const Token& last_tok() const { return toks_[pos_ - 1].tok; }
    const Token& tok_at(size_t i) const { return toks_[i].tok; }
    static bool is_hard_kw(Kw k) { return k != Kw::None_ && k < Kw::SoftMatch; }
    bool fetch();                             // pull one more token into toks_

    // ------------------------------------------------------------ errors
public:
    bool failed() const { return failed_; }
    bool lexical_failure() const { return lexical_; }
private:
    void fail_at(const char* type, std::string_view msg, int lineno, int col, int end_lineno, int end_col);
    // Messages are string_views so that the recursive rules, which call
    // these on their error paths, keep no std::string temporaries in their
    // stack frames; formatted messages go through the cold fail_*_fmt.
    void fail_node(const Node* n, std::string_view msg) {
        fail_at("SyntaxError", msg, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
    }
    void fail_range(const Node* a, const Node* b, std::string_view msg) {
        fail_at("SyntaxError", msg, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset);
    }
    void fail_tok(const Token& t, std::string_view msg, const char* type = "SyntaxError");
    void fail_last(std::string_view msg, const char* type = "SyntaxError");   // at the furthest token
    // "<a><expr_name(e)><b>" at node `at`.
    [[gnu::noinline, gnu::cold]] void fail_node_fmt(const Node* at, const char* a, const Expr* e, const char* b);
    void fail_generic();                       // "invalid syntax" at the furthest token
    void fail_generic_at(size_t idx);          // "invalid syntax" (or unexpected indent)
    void fail_last_at(size_t idx, std::string_view msg, const char* type = "SyntaxError");
    void fail_too_deep();
    void finish_error();                       // _PyPegen_set_syntax_error's later checks
    std::string line_text(int lineno);

    // Speculative parsing: a few rules (parenthesized with-items, the match
    // statement header) are tried and, on failure, undone. A lexical error is
    // never undone: CPython stops at it too.
    SavedState save() const { return SavedState{pos_}; }
    bool restore_if_recoverable(SavedState s);

    // ------------------------------------------------------------ positions
    template <class T> T* node(size_t start_idx) {
        T* n = arena_.make<T>();
        set_span(n, start_idx);
        return n;
    }
    void set_span(Node* n, size_t start_idx);             // first token .. last consumed
    static void copy_span(Node* dst, const Node* src);
    static void span_nodes(Node* dst, const Node* a, const Node* b);

    // ------------------------------------------------------------ depth
    bool enter();                      // false (and an error) when too deep
    void leave() { --depth_; }

    // ------------------------------------------------------------ statements
    bool statements(std::vector<Stmt*>& out, bool until_dedent);
    bool statement(std::vector<Stmt*>& out);
    bool simple_stmts(std::vector<Stmt*>& out);
    Stmt* simple_stmt();
    Stmt* compound_stmt();
    Stmt* assignment_or_expr_stmt();
    bool check_named_assignment_hint(Expr* first, size_t elem_start, size_t after_eq);
    Stmt* return_stmt();
    Stmt* raise_stmt();
    Stmt* global_stmt(bool nonlocal);
    Stmt* del_stmt();
    Stmt* assert_stmt();
    Stmt* import_stmt();
    Stmt* from_import_stmt();
    Alias* dotted_as_name();
    bool dotted_name(std::string& out);
    bool block(std::vector<Stmt*>& out, const char* what, int kw_line);
    bool expect_colon_before_newline();
    void set_block_end(Node* s);
    Stmt* if_stmt(bool is_elif);
    Stmt* while_stmt();
    Stmt* for_stmt(size_t start, bool is_async);
    Stmt* with_stmt(size_t start, bool is_async);
    WithItem* with_item();
    Stmt* try_stmt();
    Stmt* function_def(size_t start, bool is_async, std::vector<Expr*>* decorators);
    Stmt* class_def(size_t start, std::vector<Expr*>* decorators);
    Stmt* decorated();

    // ------------------------------------------------------------ parameters
    Arguments* parameters(bool lambda, TokenKind closer);
    Arg* param(bool lambda, bool allow_star_annotation);

    // ------------------------------------------------------------ expressions
    bool starts_expression();
    void fail_after_expr(const Expr* e, size_t start);
    Expr* star_expressions();             // a, *b, c  -> Tuple when a comma
    Expr* star_expression();
    Expr* star_named_expression();
    Expr* named_expression();
    Expr* expressions();                  // expression (',' expression)* [',']
    Expr* expression();
    Expr* yield_expr();
    Expr* lambdef();
    Expr* disjunction();
    Expr* conjunction();
    Expr* inversion();
    bool comparison_op(CmpOpKind& op, int& ntokens);
    Expr* comparison();
    Expr* bitwise_or();
    Expr* binary_rhs(Expr* lhs, size_t start, int min_prec);
    Expr* factor();
    Expr* power();
    Expr* primary();
    Expr* atom();
    Expr* paren_atom();
    Expr* list_atom();
    Expr* brace_atom();
    Expr* brace_body(size_t start);
    Expr* dict_value(size_t colon_idx);
    bool sequence_tail(std::vector<Expr*>& elts, TokenKind closer, size_t first_start);
    Expr* slices();
    Expr* slice();
    Expr* strings();
    Expr* number_atom();
    bool call_arguments(Call* call, bool class_bases);
    size_t first_for_token(size_t from);
    bool comprehension_clauses(std::vector<Comprehension*>& out);
    bool check_comprehension_elt(const Expr* elt);
    bool at_comprehension();
    Expr* star_target_single();
    Expr* star_targets_for();             // for-loop / comprehension target list
    static bool decode_number(std::string_view text, AstConstant& out);

    // ------------------------------------------------------------ targets
public:
    // The first sub-expression that cannot be a Store/Del target, or nullptr.
    static const Expr* invalid_target(const Expr* e, ExprContext ctx);
    static void set_context(Expr* e, ExprContext ctx);
    static const char* expr_name(const Expr* e);
private:
    bool is_parenthesized(const Expr* e);

    // ------------------------------------------------------------ patterns
    bool looks_like_match_stmt();
    Stmt* match_stmt();
    Expr* subject_expr();
    Pattern* patterns();                 // the top of a case: open sequence or pattern
    Pattern* maybe_star_pattern();
    Pattern* pattern();                  // as_pattern | or_pattern
    Pattern* or_pattern();
    Pattern* closed_pattern();
    Expr* signed_number();
    Expr* literal_expr();
    Expr* name_or_attr();
    Pattern* sequence_pattern_tail(MatchSequence* s, size_t start, TokenKind closer);
    Pattern* mapping_pattern(size_t start);
    Pattern* class_pattern(size_t start, Expr* cls);

    // ------------------------------------------------------------ strings
    struct FStringState;
    Expr* concatenate_strings(size_t first, size_t last);
    Expr* make_str_node(std::string&& s, size_t first, size_t last);
    void report_literal_error(const SyntaxErrorInfo& lerr, const Token& t);
    int fstring_find_literal(const char*& str, const char* end, bool raw, std::string& literal,
                             bool& have_literal, int recurse_lvl, size_t tok_idx);
    bool fstring_find_expr(FStringState& st, const char*& str, const char* end, bool raw, int recurse_lvl,
                           size_t tok_idx, size_t first, size_t last);
    bool fstring_parse(FStringState& st, const char*& str, const char* end, bool raw, int recurse_lvl,
                       size_t tok_idx, size_t first, size_t last);
    Expr* fstring_compile_expr(const char* expr_start, const char* expr_end, size_t tok_idx);

    // ------------------------------------------------------------ state
    Tokenizer tz_;
    std::string_view source_;
    AstArena& arena_;
    SyntaxErrorInfo& err_;
    std::vector<PToken> toks_;     // every token pulled so far
    size_t pos_ = 0;               // next token to consume
    int level_ = 0;                // bracket depth after the last pulled token
    int depth_ = 0;                // recursion budget in use, see enter()
    bool failed_ = false;          // err_ holds the first error
    bool lexical_ = false;         // ... and it came from the tokenizer
    bool final_ = false;           // ... and no speculation may undo it
    bool tokenizer_done_ = false;  // ENDMARKER pulled or the tokenizer failed
    bool generic_ = false;         // the error is the generic "invalid syntax"
    size_t error_tok_ = 0;         // index of the token the error was reported at
    size_t last_elem_start_ = 0;   // first token of the last element star_expressions parsed
    size_t furthest_ = 0;          // furthest token index looked at outside invalid_* checks
    int invalid_pass_ = 0;         // >0 while an invalid_* check looks ahead

    // Marks a look-ahead done only to choose an error message (CPython's
    // second pass), which must not move where a generic error is reported.
    struct InvalidPass {
        explicit InvalidPass(Parser* p) : p_(p) { ++p_->invalid_pass_; }
        ~InvalidPass() { --p_->invalid_pass_; }
        Parser* p_;
    };
    ParseMode mode_ = ParseMode::Exec;

public:
    std::vector<ParseWarning>* warnings_ = nullptr;   // where warnings go (null: dropped)
private:
    std::set<const char*> warned_;                   // literal pieces warned about already
    void warn_invalid_escape(size_t tok_idx, const char* key, const std::string& esc);
};

// Depth at which nesting is refused (weighted: one unit per nested expression,
// unary operator, block or pattern). The tokenizer refuses more than 200
// nested brackets first, as CPython's does.
inline constexpr int kMaxDepth = 1000;

// C stack the parser may use below parse()'s frame before it gives up with
// MemoryError. Measured natively (g++ -O2) one level of bracket nesting costs
// about 850 bytes, so the tokenizer's limit of 200 brackets needs ~170 KiB.
// Under WebAssembly only address-taken locals live on the (small, 64 KiB by
// default) shadow stack, which is what the probe in enter() measures there.
#if defined(__EMSCRIPTEN__) || defined(__wasm__)
inline constexpr size_t kStackBudget = 48 * 1024;
#elif defined(__SANITIZE_ADDRESS__)   // ASan's redzones make every frame larger
inline constexpr size_t kStackBudget = 4 * 1024 * 1024;
#else
inline constexpr size_t kStackBudget = 1024 * 1024;
#endif

}  // namespace gp::parse_detail
