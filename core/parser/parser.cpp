// parser.cpp — token buffer, error reporting and entry points of the parser.
//
// How the parser works
// ====================
// CPython 3.11 parses with a PEG parser generated from Grammar/python.gram
// (Parser/parser.c, helpers in Parser/pegen.c). glasspy hand-writes the same
// grammar as a recursive-descent parser, one function per grammar rule or
// small group of rules, named after the rule so the two can be read side by
// side (star_expressions, named_expression, disjunction, ... in
// parser_expr.cpp; simple_stmt, compound_stmt, block ... in parser_stmt.cpp).
//
// Tokens. The parser pulls tokens from the Tokenizer lazily and keeps every
// token it has pulled in `toks_`, so it can look ahead any distance and, for
// the few rules where the grammar needs it, back up (see save() /
// restore_if_recoverable()). Because tokens are pulled only when a rule
// looks at them, a syntax error early in a file is reported before a lexical
// error later in it is ever seen — exactly CPython's behaviour.
//
// Where the grammar is ambiguous for a one-token-lookahead parser, we parse
// the general form and check afterwards, as CPython's old LL(1) parser did:
// an assignment's left side is parsed as an expression and then checked and
// turned into a target (invalid_target / set_context in parser_expr.cpp).
//
// Errors. A PEG parser that fails only knows the furthest token it looked
// at; CPython reports the generic "invalid syntax" there, then re-parses with
// extra `invalid_*` rules that recognise common mistakes and raise a
// specific message ("expected ':'", "Perhaps you forgot a comma?", ...).
// We check for those same mistakes inline, at the point the rule fails, with
// CPython's message and location. The first error wins; every function
// returns nullptr/false after it and callers unwind. After a parser error
// the rest of the source is still tokenized, because CPython lets a lexical
// error anywhere in the file replace a parser error
// (_PyPegen_tokenize_full_source_to_check_for_errors, in finish_error()).
//
// Locations. A node spans from the first token of its rule to the last token
// consumed (CPython's EXTRA macro), so `(a).b` starts at the parenthesis.
// Error offsets are 1-based *character* columns like SyntaxError.offset; the
// tokens carry 0-based byte columns, converted in fail_at().
//
// Depth. Every nesting construct calls enter(); past kMaxDepth the parser
// gives up with MemoryError, as CPython does when its parser stack overflows,
// so deeply nested input can never overflow the C stack (which may be small
// in WebAssembly).
#include "parser/parser_internal.h"

#include <cstring>
#include <memory>

namespace gp {

ast::Mod* parse(std::string_view source, ParseMode mode, ast::AstArena& arena, SyntaxErrorInfo& err,
                std::vector<ParseWarning>* warnings, std::string_view filename) {
    // The Parser is large-ish (the token buffer, the tokenizer): keep it off
    // the stack, which may be small under WebAssembly.
    auto p = std::make_unique<parse_detail::Parser>(source, arena, err, 0, filename);
    p->warnings_ = warnings;
    char probe = 0;
    p->stack_base_ = reinterpret_cast<uintptr_t>(&probe);
    return p->parse_file(mode);
}

}  // namespace gp

namespace gp::parse_detail {

namespace {

Kw classify_keyword(std::string_view s) {
    struct Entry { const char* text; Kw kw; };
    static constexpr Entry kTable[] = {
        {"False", Kw::False}, {"None", Kw::NoneKw}, {"True", Kw::True}, {"and", Kw::And},
        {"as", Kw::As}, {"assert", Kw::Assert}, {"async", Kw::Async}, {"await", Kw::Await},
        {"break", Kw::Break}, {"class", Kw::Class}, {"continue", Kw::Continue}, {"def", Kw::Def},
        {"del", Kw::Del}, {"elif", Kw::Elif}, {"else", Kw::Else}, {"except", Kw::Except},
        {"finally", Kw::Finally}, {"for", Kw::For}, {"from", Kw::From}, {"global", Kw::Global},
        {"if", Kw::If}, {"import", Kw::Import}, {"in", Kw::In}, {"is", Kw::Is},
        {"lambda", Kw::Lambda}, {"nonlocal", Kw::Nonlocal}, {"not", Kw::Not}, {"or", Kw::Or},
        {"pass", Kw::Pass}, {"raise", Kw::Raise}, {"return", Kw::Return}, {"try", Kw::Try},
        {"while", Kw::While}, {"with", Kw::With}, {"yield", Kw::Yield},
        {"match", Kw::SoftMatch}, {"case", Kw::SoftCase}, {"_", Kw::SoftUnderscore},
    };
    if (s.empty() || s.size() > 8) return Kw::None_;
    for (const Entry& e : kTable)
        if (s == e.text) return e.kw;
    return Kw::None_;
}

}  // namespace

Parser::Parser(std::string_view source, AstArena& arena, SyntaxErrorInfo& err, int depth,
               std::string_view filename)
    : tz_(source, filename), source_(source), arena_(arena), err_(err), depth_(depth) {
    toks_.reserve(source.size() / 4 + 16);
}

// ---------------------------------------------------------------- tokens

bool Parser::fetch() {
    if (tokenizer_done_) return false;
    PToken pt;
    for (;;) {
        if (!tz_.next(pt.tok)) {
            tokenizer_done_ = true;
            if (!failed_) {
                err_ = tz_.error();
                failed_ = true;
                lexical_ = true;
            }
            return false;
        }
        // The parser never sees comments or non-logical newlines.
        if (pt.tok.kind == TokenKind::NL || pt.tok.kind == TokenKind::COMMENT) continue;
        break;
    }
    Token& t = pt.tok;
    if (starting_lineno) {   // a child parser for an f-string expression
        if (t.lineno == 1) t.col_offset += starting_col_offset;
        if (t.end_lineno == 1) t.end_col_offset += starting_col_offset;
        t.lineno += starting_lineno - 1;
        t.end_lineno += starting_lineno - 1;
    }
    switch (t.kind) {
    case TokenKind::LPAR: case TokenKind::LSQB: case TokenKind::LBRACE: ++level_; break;
    case TokenKind::RPAR: case TokenKind::RSQB: case TokenKind::RBRACE: if (level_ > 0) --level_; break;
    case TokenKind::NAME: pt.kw = classify_keyword(t.text); break;
    case TokenKind::ENDMARKER: tokenizer_done_ = true; break;
    default: break;
    }
    pt.level = level_;
    toks_.push_back(pt);
    return true;
}

const PToken& Parser::peek_tok(size_t ahead) {
    if (!invalid_pass_ && pos_ + ahead > furthest_) furthest_ = pos_ + ahead;
    while (toks_.size() <= pos_ + ahead) {
        if (!fetch()) {
            // Past a lexical error (or the end): hand out an ERRORTOKEN so
            // every rule fails; failed_ is already set.
            if (toks_.empty() || toks_.back().tok.kind != TokenKind::ERRORTOKEN) {
                PToken pt;
                pt.tok.kind = TokenKind::ERRORTOKEN;
                if (!toks_.empty()) {
                    const Token& b = toks_.back().tok;
                    pt.tok.lineno = pt.tok.end_lineno = b.end_lineno;
                    pt.tok.col_offset = pt.tok.end_col_offset = b.end_col_offset;
                } else {
                    pt.tok.lineno = pt.tok.end_lineno = 1;
                }
                pt.level = level_;
                toks_.push_back(pt);
            }
            if (!failed_) {   // the ENDMARKER was consumed and more was asked for
                failed_ = true;
                final_ = true;
                err_ = SyntaxErrorInfo{};
                err_.msg = "unexpected EOF while parsing";
            }
            return toks_.back();
        }
    }
    return toks_[pos_ + ahead];
}

bool Parser::accept(TokenKind k) {
    if (peek_kind() != k || failed_) return false;
    ++pos_;
    return true;
}

bool Parser::accept_kw(Kw k) {
    const PToken& t = peek_tok();
    if (t.tok.kind != TokenKind::NAME || t.kw != k || failed_) return false;
    ++pos_;
    return true;
}

bool Parser::expect(TokenKind k) {
    if (accept(k)) return true;
    fail_generic();
    return false;
}

// CPython's `&&':'` forced tokens: "expected ':'" at the furthest token.
bool Parser::expect_forced(TokenKind k, const char* what) {
    if (accept(k)) return true;
    if (!failed_) fail_last(std::string("expected ") + what);
    return false;
}

// ---------------------------------------------------------------- errors

// SyntaxError.text for a parser error at `lineno` (see Tokenizer::error_line).
std::string Parser::line_text(int lineno) {
    int rel = starting_lineno ? lineno - starting_lineno + 1 : lineno;
    return std::string(tz_.error_line(rel));
}

void Parser::fail_at(const char* type, std::string_view msg, int lineno, int col, int end_lineno, int end_col) {
    if (failed_) return;
    failed_ = true;
    generic_ = false;
    error_tok_ = toks_.empty() ? 0 : toks_.size() - 1;
    err_ = SyntaxErrorInfo{};
    err_.type = type;
    err_.msg = in_fstring ? "f-string: " + std::string(msg) : std::string(msg);
    if (starting_lineno) {   // f-string errors are reported in the copied text
        col -= starting_col_offset;
        if (end_col >= 0) end_col -= starting_col_offset;
    }
    err_.text = line_text(lineno);
    err_.lineno = lineno;
    err_.end_lineno = end_lineno;
    // As RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns become 1-based
    // character offsets; an end column of -1 becomes 0 (and -2, used for
    // tokens without a column, -1).
    err_.offset = col < 0 ? col : byte_offset_to_character_offset(err_.text, col + 1);
    err_.end_offset = end_col < 0 ? end_col + 1 : byte_offset_to_character_offset(err_.text, end_col + 1);
}

// warn_invalid_escape_sequence: a DeprecationWarning for the first bad
// escape of one literal (or f-string piece) at `key` in the source; the
// error it may become points at the whole STRING token. Speculative parses
// can decode a literal twice, so each key warns once.
void Parser::warn_invalid_escape(size_t tok_idx, const char* key, const std::string& esc) {
    if (!warnings_ || esc.empty() || !warned_.insert(key).second) return;
    const Token& t = tok_at(tok_idx);
    ParseWarning w;
    w.category = "DeprecationWarning";
    w.msg = esc.size() == 3 ? "invalid octal escape sequence '\\" + esc + "'"
                            : "invalid escape sequence '\\" + esc + "'";
    w.lineno = t.lineno;
    // The SyntaxError as fail_tok would report it, without failing now.
    SyntaxErrorInfo saved = err_;
    bool saved_failed = failed_, saved_generic = generic_;
    size_t saved_tok = error_tok_;
    failed_ = false;
    fail_tok(t, w.msg);
    w.as_error = err_;
    err_ = std::move(saved);
    failed_ = saved_failed;
    generic_ = saved_generic;
    error_tok_ = saved_tok;
    warnings_->push_back(std::move(w));
}

void Parser::fail_tok(const Token& t, std::string_view msg, const char* type) {
    fail_at(type, msg, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

// RAISE_SYNTAX_ERROR without a location: CPython uses the last token it
// pulled from the tokenizer.
void Parser::fail_last(std::string_view msg, const char* type) {
    if (failed_) return;
    if (toks_.empty()) peek_tok();
    if (failed_) return;
    fail_last_at(toks_.size() - 1, msg, type);
}

void Parser::fail_last_at(size_t idx, std::string_view msg, const char* type) {
    if (failed_) return;
    const Token& t = toks_[idx].tok;
    if (t.kind == TokenKind::INDENT || t.kind == TokenKind::DEDENT || t.kind == TokenKind::ENDMARKER) {
        // These tokens have no columns in CPython (-1): _PyPegen_raise_error
        // uses the tokenizer's cursor without the +1, and no end offset. The
        // tokenizer stores that cursor column in col_offset.
        fail_at(type, msg, t.lineno, -1, t.lineno, -2);
        err_.offset = byte_offset_to_character_offset(err_.text, t.col_offset);
        return;
    }
    fail_tok(t, msg, type);
}

void Parser::fail_node_fmt(const Node* at, const char* a, const Expr* e, const char* b) {
    std::string msg(a);
    msg += expr_name(e);
    msg += b;
    fail_node(at, msg);
}

// _PyPegen_set_syntax_error for a parse that failed without a specific
// message: "invalid syntax" at the furthest token (idx), or an
// IndentationError when that token is an INDENT/DEDENT.
// CPython reports a generic error at the furthest token of its *first* pass,
// not counting tokens its invalid_* rules looked at (furthest_).
void Parser::fail_generic() {
    if (failed_) return;
    if (toks_.empty()) peek_tok();
    if (failed_) return;
    fail_generic_at(furthest_ < toks_.size() ? furthest_ : toks_.size() - 1);
}

void Parser::fail_generic_at(size_t idx) {
    if (failed_) return;
    if (toks_.empty()) peek_tok();
    if (failed_) return;
    TokenKind k = toks_[idx].tok.kind;
    if (k == TokenKind::INDENT || k == TokenKind::DEDENT) {
        fail_last_at(idx, k == TokenKind::INDENT ? "unexpected indent" : "unexpected unindent", "IndentationError");
        error_tok_ = ~size_t{0};   // no full-source tokenization afterwards
        return;
    }
    fail_last_at(idx, "invalid syntax");
    generic_ = true;
}

void Parser::fail_too_deep() {
    if (failed_) return;
    failed_ = true;
    final_ = true;
    lexical_ = true;   // no full-source tokenization either
    err_ = SyntaxErrorInfo{};
    err_.type = "MemoryError";
    err_.msg = "Parser stack overflowed - Python source too complex to parse";
    const Token& t = toks_.empty() ? Token{} : toks_.back().tok;
    err_.lineno = err_.end_lineno = t.lineno;
    err_.offset = err_.end_offset = t.col_offset + 1;
}

#ifdef GP_PARSER_STACK_PROBE
thread_local size_t g_max_stack = 0;
#endif

// Two guards: a count of nested constructs, and the bytes of C stack used
// since parse() was entered (measured with the address of a local), so that
// neither deep input nor a small stack (WebAssembly) can overflow it.
bool Parser::enter() {
    char probe = 0;
    auto here = reinterpret_cast<uintptr_t>(&probe);
    size_t used = stack_base_ > here ? stack_base_ - here : 0;
#ifdef GP_PARSER_STACK_PROBE
    if (used > g_max_stack) g_max_stack = used;
#endif
    if (++depth_ > kMaxDepth || used > kStackBudget) {
        fail_too_deep();
        return false;
    }
    return true;
}

// The second half of _PyPegen_set_syntax_error: after a parser error, the
// rest of the source is tokenized; a lexical error found there replaces the
// parser's error, except that an unclosed bracket only does when it was
// opened on a line before the one the parser failed on.
void Parser::finish_error() {
    if (!failed_ || lexical_ || error_tok_ == ~size_t{0}) return;
    if (tz_.failed()) return;
    int current_err_line = toks_.empty() ? 0 : toks_.back().tok.lineno;
    if (starting_lineno) current_err_line -= starting_lineno - 1;   // the child's own lines
    SyntaxErrorInfo lex;
    if (tz_.tokenize_full_source_to_check_for_errors(current_err_line, lex)) {
        err_ = lex;
        lexical_ = true;
    }
}

bool Parser::restore_if_recoverable(SavedState s) {
    if (!failed_ || lexical_ || final_) return false;
    failed_ = false;
    generic_ = false;
    pos_ = s.pos;
    return true;
}

// ---------------------------------------------------------------- positions

void Parser::set_span(Node* n, size_t start_idx) {
    const Token& a = toks_[start_idx].tok;
    n->lineno = a.lineno;
    n->col_offset = a.col_offset;
    if (pos_ > start_idx) {
        const Token& b = toks_[pos_ - 1].tok;
        n->end_lineno = b.end_lineno;
        n->end_col_offset = b.end_col_offset;
    } else {
        n->end_lineno = a.lineno;
        n->end_col_offset = a.col_offset;
    }
}

void Parser::copy_span(Node* dst, const Node* src) {
    dst->lineno = src->lineno;
    dst->col_offset = src->col_offset;
    dst->end_lineno = src->end_lineno;
    dst->end_col_offset = src->end_col_offset;
}

void Parser::span_nodes(Node* dst, const Node* a, const Node* b) {
    dst->lineno = a->lineno;
    dst->col_offset = a->col_offset;
    dst->end_lineno = b->end_lineno;
    dst->end_col_offset = b->end_col_offset;
}

// ---------------------------------------------------------------- entry points

// file: [statements] ENDMARKER
// eval: expressions NEWLINE* ENDMARKER
// interactive: statement_newline
Mod* Parser::parse_file(ParseMode mode) {
    mode_ = mode;
    Mod* mod = arena_.make<Mod>();
    switch (mode) {
    case ParseMode::Exec:
        mod->kind = ModKind::Module;
        if (statements(mod->body, false) && !failed_ && !at(TokenKind::ENDMARKER)) fail_generic();
        break;
    case ParseMode::Eval:
        mod->kind = ModKind::Expression;
        mod->expr = expressions();
        if (mod->expr) {
            while (accept(TokenKind::NEWLINE)) {}
            if (!at(TokenKind::ENDMARKER)) fail_generic();
        }
        break;
    case ParseMode::Single:
        // statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
        mod->kind = ModKind::Interactive;
        if (at(TokenKind::NEWLINE) || at(TokenKind::ENDMARKER)) {
            accept(TokenKind::NEWLINE);
        } else if (statement(mod->body) && !failed_) {
            StmtKind k = mod->body.back()->kind;
            bool compound = k == StmtKind::If || k == StmtKind::For || k == StmtKind::AsyncFor ||
                            k == StmtKind::While || k == StmtKind::Try || k == StmtKind::TryStar ||
                            k == StmtKind::With || k == StmtKind::AsyncWith || k == StmtKind::FunctionDef ||
                            k == StmtKind::AsyncFunctionDef || k == StmtKind::ClassDef || k == StmtKind::Match;
            if (compound) {
                // compound_stmt NEWLINE: only blank lines may follow the
                // block; a statement there is "invalid syntax" at its token.
                while (accept(TokenKind::NEWLINE)) {}
                if (!at(TokenKind::ENDMARKER)) fail_generic_at(pos_);
            } else {
                // simple_stmts has consumed its NEWLINE, the last token the
                // parser pulled; bad_single_statement then finds more text
                // after it (comments and blank lines aside) and reports it
                // at that NEWLINE.
                size_t newline = pos_ - 1;
                while (accept(TokenKind::NEWLINE)) {}
                if (!at(TokenKind::ENDMARKER) && !failed_)
                    fail_last_at(newline, "multiple statements found while compiling a single statement");
            }
        }
        break;
    }
    if (failed_) {
        finish_error();
        return nullptr;
    }
    return mod;
}

// fstring: star_expressions — the text inside `{...}` of an f-string,
// wrapped in parentheses by the caller.
Expr* Parser::parse_fstring_expr() {
    Expr* e = star_expressions();
    if (e && !failed_ && !at(TokenKind::ENDMARKER)) {
        // Anything after the closing parenthesis, e.g. a NEWLINE, is fine.
        while (accept(TokenKind::NEWLINE)) {}
        if (!at(TokenKind::ENDMARKER)) fail_generic();
    }
    if (failed_) {
        finish_error();
        return nullptr;
    }
    return e;
}

}  // namespace gp::parse_detail
