// parser_pattern.cpp — the match statement and its patterns (PEP 634;
// the "match statement" section of CPython's Grammar/python.gram).
//
// `match` and `case` are soft keywords: they are statements only where the
// grammar says so and names everywhere else (`match = re.match(s)`). A line
// starting with `match` is a match statement when `match subject_expr ':'`
// parses (looks_like_match_stmt), as in CPython, where match_stmt is simply
// tried before the simple statements.
#include "parser/parser_internal.h"

namespace gp::parse_detail {

// Decides whether the statement starting at the `match` NAME is a match
// statement, without consuming anything.
bool Parser::looks_like_match_stmt() {
    SavedState saved = save();
    ++pos_;   // 'match'
    bool is_match = false;
    if (starts_expression() && !at(TokenKind::STAR) ? true : at(TokenKind::STAR)) {
        Expr* subject = subject_expr();
        if (subject && !failed_) {
            if (at(TokenKind::COLON)) {
                is_match = true;
            } else if (at(TokenKind::NEWLINE)) {
                // invalid_match_stmt: "match" subject_expr NEWLINE -> "expected ':'",
                // unless the line is a valid simple statement (`match (x)`).
                pos_ = saved.pos;
                std::vector<Stmt*> scratch;
                SavedState before = save();
                if (simple_stmts(scratch) && !failed_) {
                    pos_ = before.pos;
                    return false;
                }
                if (!restore_if_recoverable(before)) return false;
                pos_ = saved.pos + 1;
                subject_expr();
                if (!failed_) fail_last("expected ':'");
                return false;
            }
        }
    }
    if (failed_ && !restore_if_recoverable(saved)) return false;
    pos_ = saved.pos;
    return is_match;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
Expr* Parser::subject_expr() {
    size_t start = pos_;
    Expr* e = star_named_expression();
    if (!e) return nullptr;
    if (!at(TokenKind::COMMA)) {
        if (e->kind == ExprKind::Starred) { fail_generic(); return nullptr; }
        return e;
    }
    auto* t = arena_.make<Tuple>();
    t->elts.push_back(e);
    while (accept(TokenKind::COMMA)) {
        if (!starts_expression()) break;
        Expr* x = star_named_expression();
        if (!x) return nullptr;
        t->elts.push_back(x);
    }
    if (failed_) return nullptr;
    set_span(t, start);
    return t;
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
Stmt* Parser::match_stmt() {
    size_t start = pos_;
    int line = peek_tok().tok.lineno;
    ++pos_;
    auto* m = arena_.make<Match>();
    m->subject = subject_expr();
    if (!m->subject) return nullptr;
    if (!expect_colon_before_newline()) return nullptr;
    if (!expect(TokenKind::NEWLINE)) return nullptr;
    if (!at(TokenKind::INDENT)) {
        if (!failed_)
            fail_last("expected an indented block after 'match' statement on line " + std::to_string(line),
                      "IndentationError");
        return nullptr;
    }
    ++pos_;
    if (!enter()) return nullptr;
    do {
        // case_block: "case" patterns guard? ':' block
        if (!at_kw(Kw::SoftCase)) { fail_generic(); leave(); return nullptr; }
        int cline = peek_tok().tok.lineno;
        ++pos_;
        auto* c = arena_.make<MatchCase>();
        c->pattern = patterns();
        if (!c->pattern) { leave(); return nullptr; }
        if (accept_kw(Kw::If)) {
            c->guard = named_expression();
            if (!c->guard) { leave(); return nullptr; }
        }
        if (!expect_colon_before_newline() || !block(c->body, "'case' statement", cline)) {
            leave();
            return nullptr;
        }
        m->cases.push_back(c);
    } while (!at(TokenKind::DEDENT) && !failed_);
    leave();
    if (!expect(TokenKind::DEDENT)) return nullptr;
    set_span(m, start);
    set_block_end(m);
    return m;
}

// patterns: open_sequence_pattern | pattern
Pattern* Parser::patterns() {
    size_t start = pos_;
    Pattern* p = maybe_star_pattern();
    if (!p) return nullptr;
    if (!at(TokenKind::COMMA)) {
        if (p->kind == PatternKind::MatchStar) {   // a lone *x is a sequence too
            fail_generic();
            return nullptr;
        }
        return p;
    }
    auto* s = arena_.make<MatchSequence>();
    s->patterns.push_back(p);
    while (accept(TokenKind::COMMA)) {
        if (at(TokenKind::COLON) || at_kw(Kw::If)) break;
        Pattern* x = maybe_star_pattern();
        if (!x) return nullptr;
        s->patterns.push_back(x);
    }
    if (failed_) return nullptr;
    set_span(s, start);
    return s;
}

// maybe_star_pattern: star_pattern | pattern
Pattern* Parser::maybe_star_pattern() {
    if (!at(TokenKind::STAR)) return pattern();
    // star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
    size_t start = pos_++;
    auto* s = arena_.make<MatchStar>();
    if (!at_name()) { fail_generic(); return nullptr; }
    if (peek_kw() != Kw::SoftUnderscore) s->name.assign(peek_tok().tok.text);
    ++pos_;
    set_span(s, start);
    return s;
}

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target
Pattern* Parser::pattern() {
    size_t start = pos_;
    if (!enter()) return nullptr;
    Pattern* p = or_pattern();
    if (p && accept_kw(Kw::As)) {
        // invalid_as_pattern
        if (at_kw(Kw::SoftUnderscore)) {
            fail_tok(peek_tok().tok, "cannot use '_' as a target");
            leave();
            return nullptr;
        }
        if (!at_name()) {
            if (!failed_ && starts_expression()) {
                size_t es = pos_;
                SavedState saved = save();
                InvalidPass guard(this);
                Expr* e = expression();
                if (e && !failed_) {
                    fail_node(e, "invalid pattern target");
                    leave();
                    return nullptr;
                }
                if (!restore_if_recoverable(saved)) { leave(); return nullptr; }
                pos_ = es;
            }
            fail_generic();
            leave();
            return nullptr;
        }
        auto* a = arena_.make<MatchAs>();
        a->pattern = p;
        a->name.assign(peek_tok().tok.text);
        ++pos_;
        set_span(a, start);
        p = a;
    }
    leave();
    return p;
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::or_pattern() {
    size_t start = pos_;
    Pattern* p = closed_pattern();
    if (!p || !at(TokenKind::VBAR)) return p;
    auto* o = arena_.make<MatchOr>();
    o->patterns.push_back(p);
    while (accept(TokenKind::VBAR)) {
        Pattern* x = closed_pattern();
        if (!x) return nullptr;
        o->patterns.push_back(x);
    }
    set_span(o, start);
    return o;
}

// signed_number: NUMBER | '-' NUMBER  (an atom for literal patterns)
Expr* Parser::signed_number() {
    size_t start = pos_;
    if (accept(TokenKind::MINUS)) {
        if (!at(TokenKind::NUMBER)) { fail_generic(); return nullptr; }
        Expr* n = number_atom();
        if (!n) return nullptr;
        auto* u = arena_.make<UnaryOp>();
        u->op = UnaryOpKind::USub;
        u->operand = n;
        set_span(u, start);
        return u;
    }
    if (!at(TokenKind::NUMBER)) { fail_generic(); return nullptr; }
    return number_atom();
}

// literal_expr for patterns and mapping keys:
//     signed_number !('+' | '-') | complex_number | strings | None | True | False
// Returns nullptr with no error when the tokens are not a literal.
Expr* Parser::literal_expr() {
    size_t start = pos_;
    if (at(TokenKind::NUMBER) || at(TokenKind::MINUS)) {
        Expr* real = signed_number();
        if (!real) return nullptr;
        if (!at(TokenKind::PLUS) && !at(TokenKind::MINUS)) return real;
        // complex_number: signed_real_number ('+' | '-') imaginary_number
        OperatorKind op = at(TokenKind::PLUS) ? OperatorKind::Add : OperatorKind::Sub;
        ++pos_;
        if (!at(TokenKind::NUMBER)) { fail_generic(); return nullptr; }
        Expr* imag = number_atom();
        if (!imag) return nullptr;
        if (static_cast<Constant*>(imag)->value.kind != AstConstant::Kind::Complex) {
            fail_node(imag, "imaginary number required in complex literal");
            return nullptr;
        }
        const Expr* r = real->kind == ExprKind::UnaryOp ? static_cast<UnaryOp*>(real)->operand : real;
        if (static_cast<const Constant*>(r)->value.kind == AstConstant::Kind::Complex) {
            fail_node(r, "real number required in complex literal");
            return nullptr;
        }
        auto* b = arena_.make<BinOp>();
        b->left = real;
        b->op = op;
        b->right = imag;
        set_span(b, start);
        return b;
    }
    if (at(TokenKind::STRING)) return strings();
    return nullptr;
}

// name_or_attr: attr | NAME ; attr: name_or_attr '.' NAME
Expr* Parser::name_or_attr() {
    size_t start = pos_;
    auto* n = arena_.make<Name>();
    n->id.assign(peek_tok().tok.text);
    ++pos_;
    set_span(n, start);
    Expr* e = n;
    while (accept(TokenKind::DOT)) {
        if (!at_name()) { fail_generic(); return nullptr; }
        auto* a = arena_.make<Attribute>();
        a->value = e;
        a->attr.assign(peek_tok().tok.text);
        ++pos_;
        set_span(a, start);
        e = a;
    }
    return failed_ ? nullptr : e;
}

// closed_pattern:
//     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//     | group_pattern | sequence_pattern | mapping_pattern | class_pattern
Pattern* Parser::closed_pattern() {
    size_t start = pos_;
    const PToken& t = peek_tok();
    if (failed_) return nullptr;
    switch (t.tok.kind) {
    case TokenKind::NUMBER: case TokenKind::MINUS: case TokenKind::STRING: {
        Expr* e = literal_expr();
        if (!e) { if (!failed_) fail_generic(); return nullptr; }
        auto* v = arena_.make<MatchValue>();
        v->value = e;
        set_span(v, start);
        return v;
    }
    case TokenKind::NAME: {
        if (t.kw == Kw::NoneKw || t.kw == Kw::True || t.kw == Kw::False) {
            auto* s = arena_.make<MatchSingleton>();
            s->value.kind = t.kw == Kw::NoneKw ? AstConstant::Kind::None
                            : t.kw == Kw::True ? AstConstant::Kind::True
                                               : AstConstant::Kind::False;
            ++pos_;
            set_span(s, start);
            return s;
        }
        if (is_hard_kw(t.kw)) { fail_generic(); return nullptr; }
        TokenKind next = peek_kind(1);
        if (next != TokenKind::DOT && next != TokenKind::LPAR && next != TokenKind::EQUAL) {
            // capture_pattern / wildcard_pattern
            auto* a = arena_.make<MatchAs>();
            if (t.kw != Kw::SoftUnderscore) a->name.assign(t.tok.text);
            ++pos_;
            set_span(a, start);
            return a;
        }
        Expr* e = name_or_attr();
        if (!e) return nullptr;
        if (at(TokenKind::LPAR)) return class_pattern(start, e);
        if (e->kind == ExprKind::Name) { fail_generic(); return nullptr; }
        auto* v = arena_.make<MatchValue>();
        v->value = e;
        set_span(v, start);
        return v;
    }
    case TokenKind::LPAR: {
        // group_pattern: '(' pattern ')' ; sequence_pattern: '(' open_sequence_pattern? ')'
        ++pos_;
        if (!enter()) return nullptr;
        if (accept(TokenKind::RPAR)) {
            leave();
            return node<MatchSequence>(start);
        }
        Pattern* p = maybe_star_pattern();
        if (!p) { leave(); return nullptr; }
        if (accept(TokenKind::RPAR)) {
            leave();
            if (p->kind == PatternKind::MatchStar) {
                auto* s = arena_.make<MatchSequence>();
                s->patterns.push_back(p);
                set_span(s, start);
                return s;
            }
            return p;   // a group: the inner pattern keeps its own span
        }
        auto* s = arena_.make<MatchSequence>();
        s->patterns.push_back(p);
        Pattern* r = sequence_pattern_tail(s, start, TokenKind::RPAR);
        leave();
        return r;
    }
    case TokenKind::LSQB: {
        ++pos_;
        if (!enter()) return nullptr;
        auto* s = arena_.make<MatchSequence>();
        if (accept(TokenKind::RSQB)) {
            leave();
            set_span(s, start);
            return s;
        }
        Pattern* p = maybe_star_pattern();
        if (!p) { leave(); return nullptr; }
        s->patterns.push_back(p);
        Pattern* r = sequence_pattern_tail(s, start, TokenKind::RSQB);
        leave();
        return r;
    }
    case TokenKind::LBRACE: {
        ++pos_;
        if (!enter()) return nullptr;
        Pattern* r = mapping_pattern(start);
        leave();
        return r;
    }
    default:
        fail_generic();
        return nullptr;
    }
}

// The rest of a bracketed sequence pattern after its first element.
Pattern* Parser::sequence_pattern_tail(MatchSequence* s, size_t start, TokenKind closer) {
    while (accept(TokenKind::COMMA)) {
        if (at(closer)) break;
        Pattern* x = maybe_star_pattern();
        if (!x) return nullptr;
        s->patterns.push_back(x);
    }
    if (!expect(closer)) return nullptr;
    set_span(s, start);
    return s;
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] ','? '}'
// key_value_pattern: (literal_expr | attr) ':' pattern
Pattern* Parser::mapping_pattern(size_t start) {
    auto* m = arena_.make<MatchMapping>();
    while (!at(TokenKind::RBRACE)) {
        if (failed_) return nullptr;
        if (accept(TokenKind::DOUBLESTAR)) {
            // double_star_pattern: '**' pattern_capture_target
            if (!at_name() || at_kw(Kw::SoftUnderscore)) { fail_generic(); return nullptr; }
            m->rest.assign(peek_tok().tok.text);
            m->has_rest = true;
            ++pos_;
            accept(TokenKind::COMMA);
            break;
        }
        Expr* key = nullptr;
        const PToken& t = peek_tok();
        if (t.tok.kind == TokenKind::NAME && (t.kw == Kw::NoneKw || t.kw == Kw::True || t.kw == Kw::False)) {
            key = atom();
        } else if (t.tok.kind == TokenKind::NAME && !is_hard_kw(t.kw)) {
            key = name_or_attr();
            if (key && key->kind == ExprKind::Name) { fail_generic(); return nullptr; }
        } else {
            key = literal_expr();
            if (!key && !failed_) fail_generic();
        }
        if (!key) return nullptr;
        if (!expect(TokenKind::COLON)) return nullptr;
        Pattern* p = pattern();
        if (!p) return nullptr;
        m->keys.push_back(key);
        m->patterns.push_back(p);
        if (!accept(TokenKind::COMMA)) break;
    }
    if (!expect(TokenKind::RBRACE)) return nullptr;
    set_span(m, start);
    return m;
}

// class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns] ','? ')'
Pattern* Parser::class_pattern(size_t start, Expr* cls) {
    ++pos_;   // '('
    if (!enter()) return nullptr;
    auto* c = arena_.make<MatchClass>();
    c->cls = cls;
    const Pattern* first_kw = nullptr;
    while (!at(TokenKind::RPAR)) {
        if (failed_) { leave(); return nullptr; }
        size_t pstart = pos_;
        if (at_name() && peek_kind(1) == TokenKind::EQUAL) {
            std::string name(peek_tok().tok.text);
            pos_ += 2;
            Pattern* p = pattern();
            if (!p) { leave(); return nullptr; }
            c->kwd_attrs.push_back(std::move(name));
            c->kwd_patterns.push_back(p);
            if (!first_kw) first_kw = p;
        } else {
            Pattern* p = pattern();
            if (!p) { leave(); return nullptr; }
            if (first_kw) {
                // invalid_class_pattern: the positional patterns that follow
                Node span;
                copy_span(&span, p);
                while (accept(TokenKind::COMMA) && !at(TokenKind::RPAR)) {
                    if (at_name() && peek_kind(1) == TokenKind::EQUAL) break;
                    Pattern* q = pattern();
                    if (!q) { leave(); return nullptr; }
                    span.end_lineno = q->end_lineno;
                    span.end_col_offset = q->end_col_offset;
                }
                (void)pstart;
                fail_node(&span, "positional patterns follow keyword patterns");
                leave();
                return nullptr;
            }
            c->patterns.push_back(p);
        }
        if (!accept(TokenKind::COMMA)) break;
    }
    leave();
    if (!expect(TokenKind::RPAR)) return nullptr;
    set_span(c, start);
    return c;
}

}  // namespace gp::parse_detail
