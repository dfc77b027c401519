// parser_stmt.cpp — statements and blocks (the "STATEMENTS" half of
// CPython's Grammar/python.gram), including the statement-level error rules
// invalid_assignment, invalid_block and the "expected ':'" family.
#include "parser/parser_internal.h"

namespace gp::parse_detail {

namespace {

bool is_augassign(TokenKind k, OperatorKind& op) {
    switch (k) {
    case TokenKind::PLUSEQUAL: op = OperatorKind::Add; return true;
    case TokenKind::MINEQUAL: op = OperatorKind::Sub; return true;
    case TokenKind::STAREQUAL: op = OperatorKind::Mult; return true;
    case TokenKind::ATEQUAL: op = OperatorKind::MatMult; return true;
    case TokenKind::SLASHEQUAL: op = OperatorKind::Div; return true;
    case TokenKind::PERCENTEQUAL: op = OperatorKind::Mod; return true;
    case TokenKind::AMPEREQUAL: op = OperatorKind::BitAnd; return true;
    case TokenKind::VBAREQUAL: op = OperatorKind::BitOr; return true;
    case TokenKind::CIRCUMFLEXEQUAL: op = OperatorKind::BitXor; return true;
    case TokenKind::LEFTSHIFTEQUAL: op = OperatorKind::LShift; return true;
    case TokenKind::RIGHTSHIFTEQUAL: op = OperatorKind::RShift; return true;
    case TokenKind::DOUBLESTAREQUAL: op = OperatorKind::Pow; return true;
    case TokenKind::DOUBLESLASHEQUAL: op = OperatorKind::FloorDiv; return true;
    default: return false;
    }
}

}  // namespace

// statements: statement+   (until ENDMARKER at top level, DEDENT in a block)
bool Parser::statements(std::vector<Stmt*>& out, bool until_dedent) {
    for (;;) {
        if (failed_) return false;
        TokenKind k = peek_kind();
        if (failed_) return false;
        if (k == TokenKind::ENDMARKER && !until_dedent) return true;
        if (k == TokenKind::DEDENT && until_dedent) return true;
        if (!statement(out)) return false;
    }
}

// statement: compound_stmt | simple_stmts
bool Parser::statement(std::vector<Stmt*>& out) {
    const PToken& t = peek_tok();
    if (failed_) return false;
    bool compound = false;
    if (t.tok.kind == TokenKind::AT) {
        compound = true;
    } else if (t.tok.kind == TokenKind::NAME) {
        switch (t.kw) {
        case Kw::Def: case Kw::If: case Kw::Class: case Kw::With: case Kw::For:
        case Kw::Try: case Kw::While: case Kw::Async:
            compound = true;
            break;
        case Kw::SoftMatch:
            compound = looks_like_match_stmt();
            if (failed_) return false;
            break;
        default:
            break;
        }
    }
    if (compound) {
        Stmt* s = compound_stmt();
        if (!s) return false;
        out.push_back(s);
        return true;
    }
    return simple_stmts(out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(std::vector<Stmt*>& out) {
    for (;;) {
        Stmt* s = simple_stmt();
        if (!s) return false;
        out.push_back(s);
        if (accept(TokenKind::SEMI)) {
            if (accept(TokenKind::NEWLINE)) return true;
            continue;
        }
        return expect(TokenKind::NEWLINE);
    }
}

Stmt* Parser::simple_stmt() {
    size_t start = pos_;
    const PToken& t = peek_tok();
    if (failed_) return nullptr;
    if (t.tok.kind == TokenKind::NAME) {
        switch (t.kw) {
        case Kw::Return: return return_stmt();
        case Kw::Import: return import_stmt();
        case Kw::From: return from_import_stmt();
        case Kw::Raise: return raise_stmt();
        case Kw::Pass: ++pos_; return node<Pass>(start);
        case Kw::Break: ++pos_; return node<Break>(start);
        case Kw::Continue: ++pos_; return node<Continue>(start);
        case Kw::Del: return del_stmt();
        case Kw::Assert: return assert_stmt();
        case Kw::Global: return global_stmt(false);
        case Kw::Nonlocal: return global_stmt(true);
        default: break;
        }
    }
    return assignment_or_expr_stmt();
}

// assignment (all its forms) | star_expressions | yield_stmt, with the
// invalid_assignment error rules.
Stmt* Parser::assignment_or_expr_stmt() {
    size_t start = pos_;
    Expr* first = at_kw(Kw::Yield) ? yield_expr() : star_expressions();
    if (!first) return nullptr;
    size_t first_last_elem = last_elem_start_;   // start of first's last element

    // Annotated assignment: target ':' expression ['=' annotated_rhs]
    if (at(TokenKind::COLON)) {
        bool parenthesized = tok_at(start).kind == TokenKind::LPAR;
        switch (first->kind) {
        case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
            break;
        case ExprKind::Tuple: case ExprKind::List: {
            // invalid_ann_assign_target reports a bracketed target whole; an
            // unparenthesized tuple is reported at its first element.
            const Expr* where = first;
            if (first->kind == ExprKind::Tuple && !(parenthesized && first->col_offset == tok_at(start).col_offset &&
                                                    first->lineno == tok_at(start).lineno))
                where = static_cast<Tuple*>(first)->elts.front();
            fail_node(where, std::string("only single target (not ") +
                                 (first->kind == ExprKind::Tuple ? "tuple" : "list") + ") can be annotated");
            return nullptr;
        }
        default:
            fail_node(first, "illegal target for annotation");
            return nullptr;
        }
        ++pos_;
        auto* s = arena_.make<AnnAssign>();
        s->target = first;
        set_context(first, ExprContext::Store);
        s->simple = first->kind == ExprKind::Name && !parenthesized;
        s->annotation = expression();
        if (!s->annotation) return nullptr;
        if (accept(TokenKind::EQUAL)) {
            s->value = at_kw(Kw::Yield) ? yield_expr() : star_expressions();
            if (!s->value) return nullptr;
        }
        set_span(s, start);
        return s;
    }

    // Augmented assignment: single_target augassign (yield_expr | star_expressions)
    OperatorKind op;
    if (is_augassign(peek_kind(), op)) {
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript) {
            fail_node_fmt(first, "'", first, "' is an illegal expression for augmented assignment");
            return nullptr;
        }
        ++pos_;
        auto* s = arena_.make<AugAssign>();
        s->target = first;
        set_context(first, ExprContext::Store);
        s->op = op;
        s->value = at_kw(Kw::Yield) ? yield_expr() : star_expressions();
        if (!s->value) return nullptr;
        set_span(s, start);
        return s;
    }

    if (!at(TokenKind::EQUAL)) {
        if (failed_) return nullptr;
        if (!at(TokenKind::NEWLINE) && !at(TokenKind::SEMI)) {
            fail_after_expr(first, first_last_elem);
            return nullptr;
        }
        auto* s = arena_.make<ExprStmt>();
        s->value = first;
        set_span(s, start);
        return s;
    }

    // (star_targets '=')+ (yield_expr | star_expressions)
    auto* s = arena_.make<Assign>();
    s->targets.push_back(first);
    size_t after_first_eq = pos_ + 1;
    Expr* value = nullptr;
    while (accept(TokenKind::EQUAL)) {
        value = at_kw(Kw::Yield) ? yield_expr() : star_expressions();
        if (!value) return nullptr;
        if (at(TokenKind::EQUAL)) s->targets.push_back(value);
    }
    if (failed_) return nullptr;
    s->value = value;

    // Validate the targets (invalid_assignment).
    bool any_invalid = false;
    for (Expr* t : s->targets)
        if (invalid_target(t, ExprContext::Store) || t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom)
            any_invalid = true;
    if (any_invalid) {
        // invalid_named_expression, reached through the first target's last
        // element: `f() = 1` -> "cannot assign to function call here. ...".
        ++invalid_pass_;
        bool reported = check_named_assignment_hint(first, first_last_elem, after_first_eq);
        --invalid_pass_;
        if (reported) return nullptr;
        for (Expr* t : s->targets) {
            if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) && !is_parenthesized(t)) {
                fail_node(t, "assignment to yield expression not possible");
                return nullptr;
            }
            if (const Expr* bad = invalid_target(t, ExprContext::Store)) {
                fail_node_fmt(bad, "cannot assign to ", bad, "");
                return nullptr;
            }
        }
    }
    for (Expr* t : s->targets) set_context(t, ExprContext::Store);
    if (!at(TokenKind::NEWLINE) && !at(TokenKind::SEMI)) {
        if (!failed_) fail_after_expr(value, last_elem_start_);
        return nullptr;
    }
    set_span(s, start);
    return s;
}

// The statement `first = ...` is invalid. CPython's second pass reaches
// invalid_named_expression for the last element of `first` and reports
//   NAME '=' bitwise_or !('='|':=')       -> "Maybe you meant '==' or ':='..."
//   bitwise_or '=' bitwise_or !('='|':=')  -> "cannot assign to X here. ..."
// unless the element starts with a list, tuple, genexp, True, None or False.
bool Parser::check_named_assignment_hint(Expr* first, size_t elem_start, size_t after_eq) {
    SavedState saved = save();
    size_t eq_pos = after_eq - 1;
    // Is the element exactly a bitwise_or ending at the '='?
    pos_ = elem_start;
    bool excluded = false;
    Kw k0 = peek_kw();
    if (k0 == Kw::True || k0 == Kw::NoneKw || k0 == Kw::False) excluded = true;
    TokenKind t0 = peek_kind();
    if (!excluded && (t0 == TokenKind::LSQB || t0 == TokenKind::LPAR)) {
        Expr* a = atom();
        if (failed_) { restore_if_recoverable(saved); return failed_; }
        if (a && (a->kind == ExprKind::Tuple || a->kind == ExprKind::GeneratorExp ||
                  (t0 == TokenKind::LSQB && a->kind == ExprKind::List)))
            excluded = true;
        pos_ = elem_start;
    }
    if (excluded) { pos_ = saved.pos; return false; }
    bool single_name = peek_kind() == TokenKind::NAME && !is_hard_kw(peek_kw()) && elem_start + 1 == eq_pos;
    Expr* a = bitwise_or();
    if (!a || failed_ || pos_ != eq_pos) { restore_if_recoverable(saved); pos_ = saved.pos; return false; }
    pos_ = after_eq;
    Expr* b = bitwise_or();
    if (!b || failed_ || at(TokenKind::EQUAL) || at(TokenKind::COLONEQUAL)) {
        restore_if_recoverable(saved);
        pos_ = saved.pos;
        return false;
    }
    if (failed_) return true;
    pos_ = saved.pos;
    if (single_name) {
        fail_range(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } else {
        fail_node_fmt(a, "cannot assign to ", a, " here. Maybe you meant '==' instead of '='?");
    }
    return true;
}

// return_stmt: 'return' [star_expressions]
Stmt* Parser::return_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<Return>();
    if (!at(TokenKind::NEWLINE) && !at(TokenKind::SEMI)) {
        s->value = star_expressions();
        if (!s->value) return nullptr;
    }
    set_span(s, start);
    return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::raise_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<Raise>();
    if (!at(TokenKind::NEWLINE) && !at(TokenKind::SEMI)) {
        s->exc = expression();
        if (!s->exc) return nullptr;
        if (accept_kw(Kw::From)) {
            s->cause = expression();
            if (!s->cause) return nullptr;
        }
    }
    set_span(s, start);
    return s;
}

// global_stmt: 'global' ','.NAME+ ; nonlocal_stmt likewise
Stmt* Parser::global_stmt(bool nonlocal) {
    size_t start = pos_++;
    std::vector<std::string>* names;
    Stmt* s;
    if (nonlocal) { auto* n = arena_.make<Nonlocal>(); names = &n->names; s = n; }
    else { auto* g = arena_.make<Global>(); names = &g->names; s = g; }
    do {
        if (!at_name()) { fail_generic(); return nullptr; }
        names->emplace_back(peek_tok().tok.text);
        ++pos_;
    } while (accept(TokenKind::COMMA));
    set_span(s, start);
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Stmt* Parser::del_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<Delete>();
    // del_targets: ','.del_target+ [','] ; parsed as expressions, then checked.
    do {
        if (at(TokenKind::NEWLINE) || at(TokenKind::SEMI)) {
            if (s->targets.empty()) { fail_generic(); return nullptr; }
            break;
        }
        Expr* e = star_expression();
        if (!e) return nullptr;
        s->targets.push_back(e);
    } while (accept(TokenKind::COMMA));
    if (failed_) return nullptr;
    for (Expr* t : s->targets) {
        if (const Expr* bad = invalid_target(t, ExprContext::Del)) {
            fail_node_fmt(bad, "cannot delete ", bad, "");
            return nullptr;
        }
    }
    if (!at(TokenKind::NEWLINE) && !at(TokenKind::SEMI)) {
        fail_generic();
        return nullptr;
    }
    for (Expr* t : s->targets) set_context(t, ExprContext::Del);
    set_span(s, start);
    return s;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::assert_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<Assert>();
    s->test = expression();
    if (!s->test) return nullptr;
    if (accept(TokenKind::COMMA)) {
        s->msg = expression();
        if (!s->msg) return nullptr;
    }
    set_span(s, start);
    return s;
}

// dotted_name: dotted_name '.' NAME | NAME
bool Parser::dotted_name(std::string& out) {
    if (!at_name()) { fail_generic(); return false; }
    out.assign(peek_tok().tok.text);
    ++pos_;
    while (at(TokenKind::DOT)) {
        ++pos_;
        if (!at_name()) { fail_generic(); return false; }
        out += '.';
        out += peek_tok().tok.text;
        ++pos_;
    }
    return true;
}

// dotted_as_name: dotted_name ['as' NAME]
Alias* Parser::dotted_as_name() {
    size_t start = pos_;
    auto* a = arena_.make<Alias>();
    if (!dotted_name(a->name)) return nullptr;
    if (accept_kw(Kw::As)) {
        if (!at_name()) { fail_generic(); return nullptr; }
        a->asname.assign(peek_tok().tok.text);
        ++pos_;
    }
    set_span(a, start);
    return a;
}

// import_name: 'import' ','.dotted_as_name+
Stmt* Parser::import_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<Import>();
    do {
        Alias* a = dotted_as_name();
        if (!a) return nullptr;
        s->names.push_back(a);
    } while (accept(TokenKind::COMMA));
    set_span(s, start);
    return s;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets
Stmt* Parser::from_import_stmt() {
    size_t start = pos_++;
    auto* s = arena_.make<ImportFrom>();
    for (;;) {
        if (accept(TokenKind::DOT)) s->level += 1;
        else if (accept(TokenKind::ELLIPSIS)) s->level += 3;
        else break;
    }
    if (!at_kw(Kw::Import)) {
        if (!dotted_name(s->module)) return nullptr;
    } else if (s->level == 0) {
        fail_generic();
        return nullptr;
    }
    if (!accept_kw(Kw::Import)) { fail_generic(); return nullptr; }
    if (at(TokenKind::STAR)) {
        size_t st = pos_++;
        auto* a = arena_.make<Alias>();
        a->name = "*";
        set_span(a, st);
        s->names.push_back(a);
        set_span(s, start);
        return s;
    }
    bool paren = accept(TokenKind::LPAR);
    for (;;) {
        size_t st = pos_;
        if (!at_name()) { fail_generic(); return nullptr; }
        auto* a = arena_.make<Alias>();
        a->name.assign(peek_tok().tok.text);
        ++pos_;
        if (accept_kw(Kw::As)) {
            if (!at_name()) { fail_generic(); return nullptr; }
            a->asname.assign(peek_tok().tok.text);
            ++pos_;
        }
        set_span(a, st);
        s->names.push_back(a);
        if (!accept(TokenKind::COMMA)) break;
        if (paren && at(TokenKind::RPAR)) break;
        if (!paren && at(TokenKind::NEWLINE)) {
            fail_last("trailing comma not allowed without surrounding parentheses");
            return nullptr;
        }
    }
    if (paren && !expect(TokenKind::RPAR)) return nullptr;
    set_span(s, start);
    return s;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
bool Parser::block(std::vector<Stmt*>& out, const char* what, int kw_line) {
    if (!enter()) return false;
    bool ok;
    if (accept(TokenKind::NEWLINE)) {
        if (!at(TokenKind::INDENT)) {
            if (!failed_)
                fail_last(std::string("expected an indented block after ") + what + " on line " +
                              std::to_string(kw_line), "IndentationError");
            leave();
            return false;
        }
        ++pos_;
        ok = statements(out, true) && expect(TokenKind::DEDENT);
    } else {
        ok = simple_stmts(out);
    }
    leave();
    return ok && !failed_;
}

// ':' before a block, where CPython's invalid_*_stmt rules report a missing
// colon only when the line ends there.
bool Parser::expect_colon_before_newline() {
    if (accept(TokenKind::COLON)) return true;
    if (failed_) return false;
    if (at(TokenKind::NEWLINE)) fail_last("expected ':'");
    else fail_generic();
    return false;
}

// A compound statement ends at the last token of its last block that is not
// NEWLINE/INDENT/DEDENT (_PyPegen_get_last_nonnwhitespace_token), which is a
// trailing ';' in `if x: a;`.
void Parser::set_block_end(Node* s) {
    size_t i = pos_;
    while (i > 0) {
        TokenKind k = toks_[i - 1].tok.kind;
        if (k != TokenKind::NEWLINE && k != TokenKind::INDENT && k != TokenKind::DEDENT) break;
        --i;
    }
    if (i == 0) return;
    s->end_lineno = toks_[i - 1].tok.end_lineno;
    s->end_col_offset = toks_[i - 1].tok.end_col_offset;
}

Stmt* Parser::compound_stmt() {
    size_t start = pos_;
    const PToken& t = peek_tok();
    if (t.tok.kind == TokenKind::AT) return decorated();
    switch (t.kw) {
    case Kw::Def: return function_def(start, false, nullptr);
    case Kw::If: return if_stmt(false);
    case Kw::Class: return class_def(start, nullptr);
    case Kw::With: return with_stmt(start, false);
    case Kw::For: return for_stmt(start, false);
    case Kw::Try: return try_stmt();
    case Kw::While: return while_stmt();
    case Kw::SoftMatch: return match_stmt();
    case Kw::Async: {
        Kw next = peek_kw(1);
        if (failed_) return nullptr;
        ++pos_;
        if (next == Kw::Def) return function_def(start, true, nullptr);
        if (next == Kw::With) return with_stmt(start, true);
        if (next == Kw::For) return for_stmt(start, true);
        fail_generic();
        return nullptr;
    }
    default:
        fail_generic();
        return nullptr;
    }
}

// decorators: ('@' named_expression NEWLINE)+  then a class or function def
Stmt* Parser::decorated() {
    auto* decorators = arena_.make<DecoratorList>();
    while (accept(TokenKind::AT)) {
        Expr* e = named_expression();
        if (!e) return nullptr;
        if (!expect(TokenKind::NEWLINE)) return nullptr;
        decorators->list.push_back(e);
    }
    if (failed_) return nullptr;
    size_t start = pos_;
    if (at_kw(Kw::Def)) return function_def(start, false, &decorators->list);
    if (at_kw(Kw::Class)) return class_def(start, &decorators->list);
    if (at_kw(Kw::Async) && peek_kw(1) == Kw::Def) {
        ++pos_;
        return function_def(start, true, &decorators->list);
    }
    fail_generic();
    return nullptr;
}

// function_def_raw:
//     | ['async'] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Stmt* Parser::function_def(size_t start, bool is_async, std::vector<Expr*>* decorators) {
    int def_line = peek_tok().tok.lineno;
    ++pos_;   // 'def'
    if (!at_name()) { fail_generic(); return nullptr; }
    auto* f = arena_.make<FunctionDef>(is_async);
    f->name.assign(peek_tok().tok.text);
    ++pos_;
    if (!expect_forced(TokenKind::LPAR, "'('")) return nullptr;
    f->args = parameters(false, TokenKind::RPAR);
    if (!f->args) return nullptr;
    if (!expect(TokenKind::RPAR)) return nullptr;
    if (accept(TokenKind::RARROW)) {
        f->returns = expression();
        if (!f->returns) return nullptr;
    }
    if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
    if (!block(f->body, "function definition", def_line)) return nullptr;
    if (decorators) f->decorator_list = std::move(*decorators);
    set_span(f, start);
    set_block_end(f);
    return f;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::class_def(size_t start, std::vector<Expr*>* decorators) {
    int line = peek_tok().tok.lineno;
    ++pos_;
    if (!at_name()) { fail_generic(); return nullptr; }
    auto* c = arena_.make<ClassDef>();
    c->name.assign(peek_tok().tok.text);
    ++pos_;
    if (at(TokenKind::LPAR)) {
        ++pos_;
        auto* call = arena_.make<Call>();
        if (!call_arguments(call, /*class_bases=*/true)) return nullptr;
        c->bases = std::move(call->args);
        c->keywords = std::move(call->keywords);
    }
    if (!expect_colon_before_newline()) return nullptr;
    if (!block(c->body, "class definition", line)) return nullptr;
    if (decorators) c->decorator_list = std::move(*decorators);
    set_span(c, start);
    set_block_end(c);
    return c;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
Stmt* Parser::if_stmt(bool is_elif) {
    // An elif chain is iterative here (not recursive) so that long chains
    // cost no stack; each elif becomes a nested If in orelse, as in CPython.
    size_t start = pos_;
    auto* top = arena_.make<If>();
    If* cur = top;
    bool elif = is_elif;
    for (;;) {
        int line = peek_tok().tok.lineno;
        ++pos_;   // 'if' / 'elif'
        cur->test = named_expression();
        if (!cur->test) return nullptr;
        if (!expect_colon_before_newline()) return nullptr;
        if (!block(cur->body, elif ? "'elif' statement" : "'if' statement", line)) return nullptr;
        set_span(cur, start);
        set_block_end(cur);
        if (at_kw(Kw::Elif)) {
            auto* next = arena_.make<If>();
            cur->orelse.push_back(next);
            cur = next;
            start = pos_;
            elif = true;
            continue;
        }
        if (at_kw(Kw::Else)) {
            int eline = peek_tok().tok.lineno;
            ++pos_;
            if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
            if (!block(cur->orelse, "'else' statement", eline)) return nullptr;
            set_block_end(cur);
        }
        break;
    }
    if (failed_) return nullptr;
    // Every If in the chain ends where the last block of the chain ends.
    int end_line = cur->end_lineno, end_col = cur->end_col_offset;
    for (If* s = top; ; s = static_cast<If*>(s->orelse.front())) {
        s->end_lineno = end_line;
        s->end_col_offset = end_col;
        if (s == cur) break;
    }
    return top;
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::while_stmt() {
    size_t start = pos_;
    int line = peek_tok().tok.lineno;
    ++pos_;
    auto* s = arena_.make<While>();
    s->test = named_expression();
    if (!s->test) return nullptr;
    if (!expect_colon_before_newline()) return nullptr;
    if (!block(s->body, "'while' statement", line)) return nullptr;
    set_span(s, start);
    set_block_end(s);
    if (at_kw(Kw::Else)) {
        int eline = peek_tok().tok.lineno;
        ++pos_;
        if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
        if (!block(s->orelse, "'else' statement", eline)) return nullptr;
        set_block_end(s);
    }
    return failed_ ? nullptr : s;
}

// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Stmt* Parser::for_stmt(size_t start, bool is_async) {
    int line = peek_tok().tok.lineno;
    ++pos_;   // 'for'
    auto* s = arena_.make<For>(is_async);
    s->target = star_targets_for();
    if (!s->target) return nullptr;
    if (!accept_kw(Kw::In)) { fail_generic(); return nullptr; }
    s->iter = star_expressions();
    if (!s->iter) return nullptr;
    if (!expect_colon_before_newline()) return nullptr;
    if (!block(s->body, "'for' statement", line)) return nullptr;
    set_span(s, start);
    set_block_end(s);
    if (at_kw(Kw::Else)) {
        int eline = peek_tok().tok.lineno;
        ++pos_;
        if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
        if (!block(s->orelse, "'else' statement", eline)) return nullptr;
        set_block_end(s);
    }
    return failed_ ? nullptr : s;
}

// with_stmt:
//     | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ['async'] 'with' ','.with_item+ ':' block
Stmt* Parser::with_stmt(size_t start, bool is_async) {
    int line = peek_tok().tok.lineno;
    ++pos_;   // 'with'
    auto* s = arena_.make<With>(is_async);
    bool done = false;
    if (at(TokenKind::LPAR)) {
        // Try the parenthesized form; if it does not fit, the parenthesis
        // belongs to an expression.
        SavedState saved = save();
        ++pos_;
        bool ok = true;
        for (;;) {
            WithItem* w = with_item();
            if (!w) { ok = false; break; }
            s->items.push_back(w);
            if (!accept(TokenKind::COMMA)) break;
            if (at(TokenKind::RPAR)) break;
        }
        if (ok && accept(TokenKind::RPAR) && at(TokenKind::COLON)) {
            done = true;
        } else {
            if (!failed_) fail_generic();
            if (!restore_if_recoverable(saved)) return nullptr;
            s->items.clear();
        }
    }
    if (!done) {
        do {
            WithItem* w = with_item();
            if (!w) return nullptr;
            s->items.push_back(w);
        } while (accept(TokenKind::COMMA));
    }
    if (!expect_colon_before_newline()) return nullptr;
    if (!block(s->body, "'with' statement", line)) return nullptr;
    set_span(s, start);
    set_block_end(s);
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
WithItem* Parser::with_item() {
    auto* w = arena_.make<WithItem>();
    w->context_expr = expression();
    if (!w->context_expr) return nullptr;
    if (accept_kw(Kw::As)) {
        Expr* t = star_target_single();
        if (!t) return nullptr;
        if (!at(TokenKind::COMMA) && !at(TokenKind::RPAR) && !at(TokenKind::COLON)) {
            fail_generic();
            return nullptr;
        }
        if (const Expr* bad = invalid_target(t, ExprContext::Store)) {
            fail_node_fmt(bad, "cannot assign to ", bad, "");
            return nullptr;
        }
        set_context(t, ExprContext::Store);
        w->optional_vars = t;
    }
    return w;
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
Stmt* Parser::try_stmt() {
    size_t start = pos_;
    int line = peek_tok().tok.lineno;
    ++pos_;
    auto* s = arena_.make<Try>();
    if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
    if (!block(s->body, "'try' statement", line)) return nullptr;
    bool star = false;
    while (at_kw(Kw::Except)) {
        size_t hstart = pos_;
        int hline = peek_tok().tok.lineno;
        ++pos_;
        bool this_star = accept(TokenKind::STAR);
        if (!s->handlers.empty() && this_star != star) {
            fail_last("cannot have both 'except' and 'except*' on the same 'try'");
            return nullptr;
        }
        star = this_star;
        auto* h = arena_.make<ExceptHandler>();
        if (!at(TokenKind::COLON)) {
            if (star && at(TokenKind::NEWLINE)) { fail_last("expected one or more exception types"); return nullptr; }
            size_t tstart = pos_;
            h->type = expression();
            if (!h->type) return nullptr;
            if (at(TokenKind::COMMA)) {
                // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
                SavedState saved = save();
                InvalidPass guard(this);
                ++pos_;
                Expr* rest = expressions();
                if (rest && (at(TokenKind::COLON) || at_kw(Kw::As))) {
                    pos_ = saved.pos;
                    Node span;
                    span.lineno = tok_at(tstart).lineno;
                    span.col_offset = tok_at(tstart).col_offset;
                    fail_range(&span, rest, "multiple exception types must be parenthesized");
                    return nullptr;
                }
                if (!restore_if_recoverable(saved) && failed_) return nullptr;
                pos_ = saved.pos;
            }
            if (accept_kw(Kw::As)) {
                if (!at_name()) { fail_generic(); return nullptr; }
                h->name.assign(peek_tok().tok.text);
                ++pos_;
            }
        } else if (star) {
            fail_last("expected one or more exception types");
            return nullptr;
        }
        if (!expect_colon_before_newline()) return nullptr;
        if (!block(h->body, star ? "'except*' statement" : "'except' statement", hline)) return nullptr;
        set_span(h, hstart);
        set_block_end(h);
        s->handlers.push_back(h);
    }
    if (failed_) return nullptr;
    if (!s->handlers.empty() && at_kw(Kw::Else)) {
        int eline = peek_tok().tok.lineno;
        ++pos_;
        if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
        if (!block(s->orelse, "'else' statement", eline)) return nullptr;
    }
    if (at_kw(Kw::Finally)) {
        int fline = peek_tok().tok.lineno;
        ++pos_;
        if (!expect_forced(TokenKind::COLON, "':'")) return nullptr;
        if (!block(s->finalbody, "'finally' statement", fline)) return nullptr;
    }
    if (failed_) return nullptr;
    if (s->handlers.empty() && s->finalbody.empty()) {
        fail_last("expected 'except' or 'finally' block");
        return nullptr;
    }
    if (star) {
        auto* ts = arena_.make<Try>(true);
        ts->body = std::move(s->body);
        ts->handlers = std::move(s->handlers);
        ts->orelse = std::move(s->orelse);
        ts->finalbody = std::move(s->finalbody);
        s = ts;
    }
    set_span(s, start);
    set_block_end(s);
    return s;
}

}  // namespace gp::parse_detail
