// parser_expr.cpp — expressions (the "EXPRESSIONS" half of CPython's
// Grammar/python.gram): from star_expressions down to atoms, call
// arguments, comprehensions, parameters, and the checks that turn an
// expression into an assignment or deletion target.
//
// The binary-operator levels (bitwise_or ... term) are one precedence-
// climbing loop rather than six mutually recursive rules; the tree it builds
// is the same left-associative BinOp chain, and the C stack used per level
// of parenthesis nesting stays small.
#include "parser/literals.h"
#include "parser/parser_internal.h"

namespace gp::parse_detail {

namespace {

// Binding power of the binary operators handled by Parser::binary_rhs.
bool binop_info(TokenKind k, int& prec, OperatorKind& op) {
    switch (k) {
    case TokenKind::VBAR: prec = 1; op = OperatorKind::BitOr; return true;
    case TokenKind::CIRCUMFLEX: prec = 2; op = OperatorKind::BitXor; return true;
    case TokenKind::AMPER: prec = 3; op = OperatorKind::BitAnd; return true;
    case TokenKind::LEFTSHIFT: prec = 4; op = OperatorKind::LShift; return true;
    case TokenKind::RIGHTSHIFT: prec = 4; op = OperatorKind::RShift; return true;
    case TokenKind::PLUS: prec = 5; op = OperatorKind::Add; return true;
    case TokenKind::MINUS: prec = 5; op = OperatorKind::Sub; return true;
    case TokenKind::STAR: prec = 6; op = OperatorKind::Mult; return true;
    case TokenKind::SLASH: prec = 6; op = OperatorKind::Div; return true;
    case TokenKind::DOUBLESLASH: prec = 6; op = OperatorKind::FloorDiv; return true;
    case TokenKind::PERCENT: prec = 6; op = OperatorKind::Mod; return true;
    case TokenKind::AT: prec = 6; op = OperatorKind::MatMult; return true;
    default: return false;
    }
}

// Could a node of this kind be what CPython's `disjunction` rule returns?
bool is_disjunction_kind(ExprKind k) {
    switch (k) {
    case ExprKind::NamedExpr: case ExprKind::Lambda: case ExprKind::IfExp:
    case ExprKind::Starred: case ExprKind::Yield: case ExprKind::YieldFrom:
        return false;
    default:
        return true;
    }
}

}  // namespace

// Can the current token begin an expression (star_expression)?
bool Parser::starts_expression() {
    const PToken& t = peek_tok();
    switch (t.tok.kind) {
    case TokenKind::NAME:
        if (!is_hard_kw(t.kw)) return true;
        switch (t.kw) {
        case Kw::True: case Kw::False: case Kw::NoneKw: case Kw::Not: case Kw::Lambda: case Kw::Await:
            return true;
        default:
            return false;
        }
    case TokenKind::NUMBER: case TokenKind::STRING: case TokenKind::LPAR: case TokenKind::LSQB:
    case TokenKind::LBRACE: case TokenKind::MINUS: case TokenKind::PLUS: case TokenKind::TILDE:
    case TokenKind::STAR: case TokenKind::ELLIPSIS:
        return true;
    default:
        return false;
    }
}

// The parser found an unexpected token right after expression `e` (which
// began at token `start`). CPython's second pass would try, in order:
//   invalid_expression:        a=disjunction b=expression_without_invalid
//       -> "invalid syntax. Perhaps you forgot a comma?" (inside brackets)
//   invalid_legacy_expression: print/exec NAME followed by star_expressions
// and otherwise reports "invalid syntax" at the furthest token.
void Parser::fail_after_expr(const Expr* e, size_t start) {
    if (failed_) return;
    size_t furthest = furthest_ < toks_.size() ? furthest_ : toks_.size() - 1;
    bool legacy = e->kind == ExprKind::Name && pos_ == start + 1 &&
                  (static_cast<const Name*>(e)->id == "print" || static_cast<const Name*>(e)->id == "exec");
    if (starts_expression() && !at(TokenKind::LPAR) && !failed_) {
        const PToken& first = toks_[start];
        bool name_string = first.tok.kind == TokenKind::NAME && start + 1 < toks_.size() &&
                           toks_[start + 1].tok.kind == TokenKind::STRING;
        bool soft = first.tok.kind == TokenKind::NAME && first.kw >= Kw::SoftMatch;
        SavedState saved = save();
        InvalidPass guard(this);
        if (legacy) {
            Expr* b = star_expressions();
            if (b && !failed_) {
                const std::string& id = static_cast<const Name*>(e)->id;
                fail_range(e, b, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
                return;
            }
        } else if (!name_string && !soft && is_disjunction_kind(e->kind)) {
            Expr* b = expression();
            if (b && !failed_ && toks_[pos_ - 1].level > 0) {
                fail_range(e, b, "invalid syntax. Perhaps you forgot a comma?");
                return;
            }
        }
        if (!restore_if_recoverable(saved) && failed_) return;
        pos_ = saved.pos;
    }
    if (failed_) return;
    fail_generic_at(furthest);
}

// ---------------------------------------------------------------- sequences

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::star_expressions() {
    size_t start = pos_;
    Expr* e = star_expression();
    if (!e) return nullptr;
    last_elem_start_ = start;
    if (!at(TokenKind::COMMA)) return e;
    auto* t = arena_.make<Tuple>();
    t->elts.push_back(e);
    while (accept(TokenKind::COMMA)) {
        if (!starts_expression()) break;
        size_t es = pos_;
        Expr* x = star_expression();
        if (!x) return nullptr;
        last_elem_start_ = es;
        t->elts.push_back(x);
    }
    if (failed_) return nullptr;
    set_span(t, start);
    return t;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
    if (at(TokenKind::STAR)) {
        size_t start = pos_++;
        auto* s = arena_.make<Starred>();
        s->value = bitwise_or();
        if (!s->value) return nullptr;
        set_span(s, start);
        return s;
    }
    return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
    if (at(TokenKind::STAR)) return star_expression();
    return named_expression();
}

// expressions: expression (',' expression)* [',']   (eval input, except)
Expr* Parser::expressions() {
    size_t start = pos_;
    Expr* e = expression();
    if (!e) return nullptr;
    if (!at(TokenKind::COMMA)) return e;
    auto* t = arena_.make<Tuple>();
    t->elts.push_back(e);
    while (accept(TokenKind::COMMA)) {
        if (!starts_expression() || at(TokenKind::STAR)) break;
        Expr* x = expression();
        if (!x) return nullptr;
        t->elts.push_back(x);
    }
    if (failed_) return nullptr;
    set_span(t, start);
    return t;
}

// named_expression: NAME ':=' expression | expression !':='
// plus invalid_named_expression.
Expr* Parser::named_expression() {
    size_t start = pos_;
    if (at_name() && peek_kind(1) == TokenKind::COLONEQUAL) {
        auto* n = arena_.make<NamedExpr>();
        auto* target = node<Name>(start);
        target->id.assign(peek_tok().tok.text);
        ++pos_;
        set_span(target, start);
        target->ctx = ExprContext::Store;
        ++pos_;   // ':='
        n->target = target;
        n->value = expression();
        if (!n->value) return nullptr;
        set_span(n, start);
        return n;
    }
    Expr* e = expression();
    if (!e) return nullptr;
    if (at(TokenKind::COLONEQUAL)) {
        fail_node_fmt(e, "cannot use assignment expressions with ", e, "");
        return nullptr;
    }
    if (at(TokenKind::EQUAL)) {
        ++invalid_pass_;
        bool reported = check_named_assignment_hint(e, start, pos_ + 1);
        --invalid_pass_;
        if (reported) return nullptr;
    }
    return e;
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
Expr* Parser::expression() {
    if (!enter()) return nullptr;
    size_t start = pos_;
    Expr* e;
    if (at_kw(Kw::Lambda)) {
        e = lambdef();
    } else {
        e = disjunction();
        if (e && at_kw(Kw::If)) {
            ++pos_;
            auto* x = arena_.make<IfExp>();
            x->body = e;
            x->test = disjunction();
            if (!x->test) { leave(); return nullptr; }
            if (!accept_kw(Kw::Else)) {
                if (!failed_) {
                    if (!at(TokenKind::COLON)) fail_range(e, x->test, "expected 'else' after 'if' expression");
                    else fail_generic();
                }
                leave();
                return nullptr;
            }
            x->orelse = expression();
            if (!x->orelse) { leave(); return nullptr; }
            set_span(x, start);
            e = x;
        }
    }
    leave();
    return e;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
    size_t start = pos_++;
    if (accept_kw(Kw::From)) {
        auto* y = arena_.make<YieldFrom>();
        y->value = expression();
        if (!y->value) return nullptr;
        set_span(y, start);
        return y;
    }
    auto* y = arena_.make<Yield>();
    if (starts_expression()) {
        y->value = star_expressions();
        if (!y->value) return nullptr;
    }
    if (failed_) return nullptr;
    set_span(y, start);
    return y;
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
    size_t start = pos_++;
    auto* l = arena_.make<Lambda>();
    l->args = parameters(true, TokenKind::COLON);
    if (!l->args) return nullptr;
    if (!expect(TokenKind::COLON)) return nullptr;
    l->body = expression();
    if (!l->body) return nullptr;
    set_span(l, start);
    return l;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::disjunction() {
    size_t start = pos_;
    Expr* e = conjunction();
    if (!e || !at_kw(Kw::Or)) return e;
    auto* b = arena_.make<BoolOp>();
    b->op = BoolOpKind::Or;
    b->values.push_back(e);
    while (accept_kw(Kw::Or)) {
        Expr* x = conjunction();
        if (!x) return nullptr;
        b->values.push_back(x);
    }
    set_span(b, start);
    return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::conjunction() {
    size_t start = pos_;
    Expr* e = inversion();
    if (!e || !at_kw(Kw::And)) return e;
    auto* b = arena_.make<BoolOp>();
    b->op = BoolOpKind::And;
    b->values.push_back(e);
    while (accept_kw(Kw::And)) {
        Expr* x = inversion();
        if (!x) return nullptr;
        b->values.push_back(x);
    }
    set_span(b, start);
    return b;
}

// inversion: 'not' inversion | comparison
Expr* Parser::inversion() {
    if (!at_kw(Kw::Not)) return comparison();
    size_t start = pos_++;
    if (!enter()) return nullptr;
    auto* u = arena_.make<UnaryOp>();
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    leave();
    if (!u->operand) return nullptr;
    set_span(u, start);
    return u;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
bool Parser::comparison_op(CmpOpKind& op, int& ntokens) {
    const PToken& t = peek_tok();
    ntokens = 1;
    switch (t.tok.kind) {
    case TokenKind::EQEQUAL: op = CmpOpKind::Eq; return true;
    case TokenKind::NOTEQUAL: op = CmpOpKind::NotEq; return true;
    case TokenKind::LESS: op = CmpOpKind::Lt; return true;
    case TokenKind::LESSEQUAL: op = CmpOpKind::LtE; return true;
    case TokenKind::GREATER: op = CmpOpKind::Gt; return true;
    case TokenKind::GREATEREQUAL: op = CmpOpKind::GtE; return true;
    case TokenKind::NAME:
        if (t.kw == Kw::In) { op = CmpOpKind::In; return true; }
        if (t.kw == Kw::Is) {
            if (peek_kw(1) == Kw::Not) { op = CmpOpKind::IsNot; ntokens = 2; }
            else op = CmpOpKind::Is;
            return true;
        }
        if (t.kw == Kw::Not && peek_kw(1) == Kw::In) { op = CmpOpKind::NotIn; ntokens = 2; return true; }
        return false;
    default:
        return false;
    }
}

Expr* Parser::comparison() {
    size_t start = pos_;
    Expr* e = bitwise_or();
    if (!e) return nullptr;
    CmpOpKind op;
    int n;
    if (!comparison_op(op, n)) return e;
    auto* c = arena_.make<Compare>();
    c->left = e;
    while (comparison_op(op, n)) {
        pos_ += n;
        Expr* x = bitwise_or();
        if (!x) return nullptr;
        c->ops.push_back(op);
        c->comparators.push_back(x);
    }
    if (failed_) return nullptr;
    set_span(c, start);
    return c;
}

// bitwise_or / bitwise_xor / bitwise_and / shift_expr / sum / term
Expr* Parser::bitwise_or() {
    size_t start = pos_;
    Expr* lhs = factor();
    if (!lhs) return nullptr;
    return binary_rhs(lhs, start, 1);
}

// Precedence climbing: extends `lhs` (which began at token `start`) with
// every following operator of precedence >= min_prec. Recursion is bounded
// by the number of precedence levels.
Expr* Parser::binary_rhs(Expr* lhs, size_t start, int min_prec) {
    for (;;) {
        int prec;
        OperatorKind op;
        if (!binop_info(peek_kind(), prec, op) || prec < min_prec || failed_) return failed_ ? nullptr : lhs;
        ++pos_;
        size_t rstart = pos_;
        Expr* rhs = factor();
        if (!rhs) return nullptr;
        for (;;) {
            int p2;
            OperatorKind op2;
            if (!binop_info(peek_kind(), p2, op2) || p2 <= prec) break;
            rhs = binary_rhs(rhs, rstart, prec + 1);
            if (!rhs) return nullptr;
        }
        auto* b = arena_.make<BinOp>();
        b->left = lhs;
        b->op = op;
        b->right = rhs;
        set_span(b, start);
        lhs = b;
    }
}

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::factor() {
    UnaryOpKind op;
    switch (peek_kind()) {
    case TokenKind::PLUS: op = UnaryOpKind::UAdd; break;
    case TokenKind::MINUS: op = UnaryOpKind::USub; break;
    case TokenKind::TILDE: op = UnaryOpKind::Invert; break;
    default: return power();
    }
    size_t start = pos_++;
    if (!enter()) return nullptr;
    auto* u = arena_.make<UnaryOp>();
    u->op = op;
    u->operand = factor();
    leave();
    if (!u->operand) return nullptr;
    set_span(u, start);
    return u;
}

// power: await_primary '**' factor | await_primary
// await_primary: AWAIT primary | primary
Expr* Parser::power() {
    size_t start = pos_;
    Expr* e;
    if (at_kw(Kw::Await)) {
        ++pos_;
        auto* a = arena_.make<Await>();
        a->value = primary();
        if (!a->value) return nullptr;
        set_span(a, start);
        e = a;
    } else {
        e = primary();
        if (!e) return nullptr;
    }
    if (!accept(TokenKind::DOUBLESTAR)) return failed_ ? nullptr : e;
    if (!enter()) return nullptr;
    auto* b = arena_.make<BinOp>();
    b->left = e;
    b->op = OperatorKind::Pow;
    b->right = factor();
    leave();
    if (!b->right) return nullptr;
    set_span(b, start);
    return b;
}

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
Expr* Parser::primary() {
    size_t start = pos_;
    Expr* e = atom();
    if (!e) return nullptr;
    for (;;) {
        TokenKind k = peek_kind();
        if (failed_) return nullptr;
        if (k == TokenKind::DOT) {
            ++pos_;
            if (!at_name()) { fail_generic(); return nullptr; }
            auto* a = arena_.make<Attribute>();
            a->value = e;
            a->attr.assign(peek_tok().tok.text);
            ++pos_;
            set_span(a, start);
            e = a;
        } else if (k == TokenKind::LPAR) {
            ++pos_;
            auto* c = arena_.make<Call>();
            c->func = e;
            if (!call_arguments(c, false)) return nullptr;
            set_span(c, start);
            e = c;
        } else if (k == TokenKind::LSQB) {
            ++pos_;
            auto* s = arena_.make<Subscript>();
            s->value = e;
            s->slice = slices();
            if (!s->slice) return nullptr;
            if (!at(TokenKind::RSQB)) {
                fail_after_expr(s->slice, last_elem_start_);
                return nullptr;
            }
            ++pos_;
            set_span(s, start);
            e = s;
        } else {
            return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
    size_t start = pos_;
    if (!enter()) return nullptr;
    Expr* e = at(TokenKind::STAR) ? star_expression() : slice();
    if (!e) { leave(); return nullptr; }
    last_elem_start_ = start;
    // A lone slice is the subscript itself; a lone starred one (a[*b]) is
    // already a one-element tuple.
    if (!at(TokenKind::COMMA) && e->kind != ExprKind::Starred) { leave(); return e; }
    auto* t = arena_.make<Tuple>();
    t->elts.push_back(e);
    while (accept(TokenKind::COMMA)) {
        if (!starts_expression() && !at(TokenKind::COLON)) break;
        size_t es = pos_;
        Expr* x = at(TokenKind::STAR) ? star_expression() : slice();
        if (!x) { leave(); return nullptr; }
        last_elem_start_ = es;
        t->elts.push_back(x);
    }
    leave();
    if (failed_) return nullptr;
    set_span(t, start);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
    size_t start = pos_;
    Expr* lower = nullptr;
    if (!at(TokenKind::COLON)) {
        lower = named_expression();
        if (!lower) return nullptr;
        if (!at(TokenKind::COLON)) return lower;
        if (lower->kind == ExprKind::NamedExpr && tok_at(start).kind != TokenKind::LPAR) {
            fail_generic();
            return nullptr;
        }
    }
    ++pos_;   // ':'
    auto* s = arena_.make<Slice>();
    s->lower = lower;
    if (!at(TokenKind::COLON) && !at(TokenKind::COMMA) && !at(TokenKind::RSQB)) {
        s->upper = expression();
        if (!s->upper) return nullptr;
    }
    if (accept(TokenKind::COLON)) {
        if (!at(TokenKind::COMMA) && !at(TokenKind::RSQB)) {
            s->step = expression();
            if (!s->step) return nullptr;
        }
    }
    if (failed_) return nullptr;
    set_span(s, start);
    return s;
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | strings | NUMBER
//     | (tuple | group | genexp) | (list | listcomp)
//     | (dict | set | dictcomp | setcomp) | '...'
Expr* Parser::atom() {
    size_t start = pos_;
    const PToken& t = peek_tok();
    if (failed_) return nullptr;
    switch (t.tok.kind) {
    case TokenKind::NAME: {
        if (!is_hard_kw(t.kw)) {
            auto* n = arena_.make<Name>();
            n->id.assign(t.tok.text);
            ++pos_;
            set_span(n, start);
            return n;
        }
        AstConstant::Kind k;
        if (t.kw == Kw::True) k = AstConstant::Kind::True;
        else if (t.kw == Kw::False) k = AstConstant::Kind::False;
        else if (t.kw == Kw::NoneKw) k = AstConstant::Kind::None;
        else { fail_generic(); return nullptr; }
        ++pos_;
        auto* c = arena_.make<Constant>();
        c->value.kind = k;
        set_span(c, start);
        return c;
    }
    case TokenKind::NUMBER: return number_atom();
    case TokenKind::STRING: return strings();
    case TokenKind::LPAR: return paren_atom();
    case TokenKind::LSQB: return list_atom();
    case TokenKind::LBRACE: return brace_atom();
    case TokenKind::ELLIPSIS: {
        ++pos_;
        auto* c = arena_.make<Constant>();
        c->value.kind = AstConstant::Kind::Ellipsis;
        set_span(c, start);
        return c;
    }
    default:
        fail_generic();
        return nullptr;
    }
}

// strings: STRING+
Expr* Parser::strings() {
    size_t first = pos_;
    while (at(TokenKind::STRING)) ++pos_;
    if (failed_) return nullptr;
    // CPython's STRING+ loop looks at the token after the last string before
    // it decodes them, which matters for where f-string errors are reported.
    peek_tok();
    if (failed_) return nullptr;
    return concatenate_strings(first, pos_ - 1);
}

// Checks that `elt`, the element before `for` in a comprehension, is not a
// starred expression (invalid_comprehension).
bool Parser::check_comprehension_elt(const Expr* elt) {
    if (elt->kind == ExprKind::Starred) {
        fail_node(elt, "iterable unpacking cannot be used in comprehension");
        return false;
    }
    return true;
}

bool Parser::at_comprehension() {
    return at_kw(Kw::For) || (at_kw(Kw::Async) && peek_kw(1) == Kw::For);
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
Expr* Parser::paren_atom() {
    size_t start = pos_++;
    if (!enter()) return nullptr;
    Expr* result = nullptr;
    if (accept(TokenKind::RPAR)) {
        result = node<Tuple>(start);
        leave();
        return result;
    }
    if (at_kw(Kw::Yield)) {
        Expr* y = yield_expr();
        if (y && expect(TokenKind::RPAR)) result = y;
        leave();
        return result;
    }
    size_t es = pos_;
    Expr* e = star_named_expression();
    if (!e) { leave(); return nullptr; }
    if (at_comprehension()) {
        if (!check_comprehension_elt(e)) { leave(); return nullptr; }
        auto* g = arena_.make<GeneratorExp>();
        g->elt = e;
        if (comprehension_clauses(g->generators) && expect(TokenKind::RPAR)) {
            set_span(g, start);
            result = g;
        }
        leave();
        return result;
    }
    if (at(TokenKind::COMMA)) {
        auto* t = arena_.make<Tuple>();
        t->elts.push_back(e);
        if (!sequence_tail(t->elts, TokenKind::RPAR, es)) { leave(); return nullptr; }
        set_span(t, start);
        leave();
        return t;
    }
    if (!at(TokenKind::RPAR)) {
        fail_after_expr(e, es);
        leave();
        return nullptr;
    }
    ++pos_;
    leave();
    if (e->kind == ExprKind::Starred) {
        fail_node(e, "cannot use starred expression here");
        return nullptr;
    }
    return e;
}

// After the first element and at a ',': the rest of a parenthesized or
// bracketed sequence, up to and including `closer`.
bool Parser::sequence_tail(std::vector<Expr*>& elts, TokenKind closer, size_t first_start) {
    size_t es = first_start;
    while (accept(TokenKind::COMMA)) {
        if (at(closer)) break;
        es = pos_;
        Expr* x = star_named_expression();
        if (!x) return false;
        elts.push_back(x);
    }
    if (failed_) return false;
    if (at(closer)) {
        ++pos_;
        return true;
    }
    if (at_comprehension() && (closer == TokenKind::RSQB || closer == TokenKind::RBRACE)) {
        // invalid_comprehension: [a, b for ...] needs parentheses.
        const Node* last = elts.back();
        Node span;
        copy_span(&span, last);
        if (tok_at(pos_ - 1).kind == TokenKind::COMMA) {
            const Token& c = tok_at(pos_ - 1);
            span.end_lineno = c.end_lineno;
            span.end_col_offset = c.end_col_offset;
        }
        fail_range(elts.front(), &span, "did you forget parentheses around the comprehension target?");
        return false;
    }
    fail_after_expr(elts.back(), es);
    return false;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
Expr* Parser::list_atom() {
    size_t start = pos_++;
    if (!enter()) return nullptr;
    Expr* result = nullptr;
    if (accept(TokenKind::RSQB)) {
        result = node<List>(start);
        leave();
        return result;
    }
    size_t es = pos_;
    Expr* e = star_named_expression();
    if (!e) { leave(); return nullptr; }
    if (at_comprehension()) {
        if (!check_comprehension_elt(e)) { leave(); return nullptr; }
        auto* c = arena_.make<ListComp>();
        c->elt = e;
        if (comprehension_clauses(c->generators) && expect(TokenKind::RSQB)) {
            set_span(c, start);
            result = c;
        }
        leave();
        return result;
    }
    auto* l = arena_.make<List>();
    l->elts.push_back(e);
    if (at(TokenKind::RSQB)) {
        ++pos_;
    } else if (at(TokenKind::COMMA)) {
        if (!sequence_tail(l->elts, TokenKind::RSQB, es)) { leave(); return nullptr; }
    } else {
        fail_after_expr(e, es);
        leave();
        return nullptr;
    }
    set_span(l, start);
    leave();
    return l;
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
Expr* Parser::brace_atom() {
    size_t start = pos_++;
    if (!enter()) return nullptr;
    Expr* result = brace_body(start);
    leave();
    return result;
}

Expr* Parser::brace_body(size_t start) {
    if (accept(TokenKind::RBRACE)) return node<Dict>(start);
    size_t es = pos_;
    Expr* first_key = nullptr;
    Expr* first_value = nullptr;
    if (at(TokenKind::DOUBLESTAR)) {
        ++pos_;
        first_value = bitwise_or();
        if (!first_value) return nullptr;
        if (at_comprehension()) {
            fail_tok(tok_at(es), "dict unpacking cannot be used in dict comprehension");
            return nullptr;
        }
    } else {
        Expr* e = star_named_expression();
        if (!e) return nullptr;
        if (!at(TokenKind::COLON) || e->kind == ExprKind::Starred ||
            (e->kind == ExprKind::NamedExpr && tok_at(es).kind != TokenKind::LPAR)) {
            // A set display or comprehension.
            if (at_comprehension()) {
                if (!check_comprehension_elt(e)) return nullptr;
                auto* c = arena_.make<SetComp>();
                c->elt = e;
                if (!comprehension_clauses(c->generators) || !expect(TokenKind::RBRACE)) return nullptr;
                set_span(c, start);
                return c;
            }
            auto* s = arena_.make<Set>();
            s->elts.push_back(e);
            if (at(TokenKind::RBRACE)) {
                ++pos_;
            } else if (at(TokenKind::COMMA)) {
                if (!sequence_tail(s->elts, TokenKind::RBRACE, es)) return nullptr;
            } else {
                fail_after_expr(e, es);
                return nullptr;
            }
            set_span(s, start);
            return s;
        }
        first_key = e;
        ++pos_;   // ':'
        first_value = dict_value(pos_ - 1);
        if (!first_value) return nullptr;
        if (at_comprehension()) {
            auto* c = arena_.make<DictComp>();
            c->key = first_key;
            c->value = first_value;
            if (!comprehension_clauses(c->generators) || !expect(TokenKind::RBRACE)) return nullptr;
            set_span(c, start);
            return c;
        }
    }
    auto* d = arena_.make<Dict>();
    d->keys.push_back(first_key);
    d->values.push_back(first_value);
    Expr* last = first_value;
    size_t last_start = es;
    while (accept(TokenKind::COMMA)) {
        if (at(TokenKind::RBRACE)) break;
        last_start = pos_;
        if (accept(TokenKind::DOUBLESTAR)) {
            Expr* v = bitwise_or();
            if (!v) return nullptr;
            d->keys.push_back(nullptr);
            d->values.push_back(v);
            last = v;
            continue;
        }
        Expr* k = expression();
        if (!k) return nullptr;
        if (!at(TokenKind::COLON)) {
            if (failed_) return nullptr;
            // invalid_kvpair: a=expression !(':')
            fail_at("SyntaxError", "':' expected after dictionary key", k->lineno, k->end_col_offset - 1,
                    k->end_lineno, -1);
            return nullptr;
        }
        ++pos_;
        Expr* v = dict_value(pos_ - 1);
        if (!v) return nullptr;
        d->keys.push_back(k);
        d->values.push_back(v);
        last = v;
    }
    if (failed_) return nullptr;
    if (!at(TokenKind::RBRACE)) {
        fail_after_expr(last, last_start);
        return nullptr;
    }
    ++pos_;
    set_span(d, start);
    return d;
}

// The value after `key ':'` in a dict display (invalid_double_starred_kvpairs).
Expr* Parser::dict_value(size_t colon_idx) {
    if (at(TokenKind::STAR)) {
        const Token& star = peek_tok().tok;
        int line = star.lineno, col = star.col_offset;
        ++pos_;
        Expr* v = bitwise_or();
        if (!v) return nullptr;
        fail_at("SyntaxError", "cannot use a starred expression in a dictionary value", line, col,
                v->end_lineno, v->end_col_offset);
        return nullptr;
    }
    if (at(TokenKind::RBRACE) || at(TokenKind::COMMA)) {
        fail_tok(tok_at(colon_idx), "expression expected after dictionary key and ':'");
        return nullptr;
    }
    return expression();
}

// for_if_clauses: for_if_clause+
// for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
bool Parser::comprehension_clauses(std::vector<Comprehension*>& out) {
    while (at_comprehension()) {
        auto* c = arena_.make<Comprehension>();
        if (accept_kw(Kw::Async)) c->is_async = true;
        ++pos_;   // 'for'
        c->target = star_targets_for();
        if (!c->target) return false;
        if (!accept_kw(Kw::In)) { fail_generic(); return false; }
        c->iter = disjunction();
        if (!c->iter) return false;
        while (accept_kw(Kw::If)) {
            Expr* cond = disjunction();
            if (!cond) return false;
            c->ifs.push_back(cond);
        }
        out.push_back(c);
    }
    return !failed_;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom — parsed as a
// bitwise_or expression and checked by the caller.
Expr* Parser::star_target_single() {
    if (at(TokenKind::STAR)) {
        size_t start = pos_++;
        auto* s = arena_.make<Starred>();
        s->value = bitwise_or();
        if (!s->value) return nullptr;
        set_span(s, start);
        return s;
    }
    return bitwise_or();
}

// star_targets for `for` loops and comprehensions:
//     star_target (',' star_target)* [',']
// The targets stop before 'in' (a comparison operator), so they are parsed
// at the bitwise_or level, then checked (invalid_for_target).
Expr* Parser::star_targets_for() {
    size_t start = pos_;
    Expr* e = star_target_single();
    if (!e) return nullptr;
    if (at(TokenKind::COMMA)) {
        auto* t = arena_.make<Tuple>();
        t->elts.push_back(e);
        while (accept(TokenKind::COMMA)) {
            if (at_kw(Kw::In) || !starts_expression()) break;
            Expr* x = star_target_single();
            if (!x) return nullptr;
            t->elts.push_back(x);
        }
        if (failed_) return nullptr;
        set_span(t, start);
        e = t;
    }
    if (const Expr* bad = invalid_target(e, ExprContext::Store)) {
        fail_node_fmt(bad, "cannot assign to ", bad, "");
        return nullptr;
    }
    set_context(e, ExprContext::Store);
    return e;
}

// ---------------------------------------------------------------- numbers

Expr* Parser::number_atom() {
    size_t start = pos_;
    const Token& t = peek_tok().tok;
    auto* c = arena_.make<Constant>();
    if (!decode_number(t.text, c->value)) {
        fail_tok(t, "invalid number literal");
        return nullptr;
    }
    ++pos_;
    set_span(c, start);
    return c;
}

// NUMBER token text -> AstConstant: ints keep their digits and base (the
// int type builds the value), floats and imaginaries carry their double.
bool Parser::decode_number(std::string_view text, AstConstant& out) {
    NumberLiteral n;
    if (!parse_number_literal(text, n)) return false;
    switch (n.kind) {
    case NumberLiteral::Kind::Int:
        out.kind = AstConstant::Kind::Int;
        out.base = n.base;
        out.text = std::move(n.digits);
        break;
    case NumberLiteral::Kind::Float:
        out.kind = AstConstant::Kind::Float;
        out.number = n.value;
        break;
    case NumberLiteral::Kind::Imaginary:
        out.kind = AstConstant::Kind::Complex;
        out.number = n.value;
        break;
    }
    return true;
}

// ---------------------------------------------------------------- targets

// _PyPegen_get_expr_name: how error messages name an expression.
const char* Parser::expr_name(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
        switch (static_cast<const Constant*>(e)->value.kind) {
        case AstConstant::Kind::None: return "None";
        case AstConstant::Kind::False: return "False";
        case AstConstant::Kind::True: return "True";
        case AstConstant::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

// _PyPegen_get_invalid_target: the first sub-expression of `e` that cannot
// be assigned to (ctx Store) or deleted (ctx Del), or nullptr.
const Expr* Parser::invalid_target(const Expr* e, ExprContext ctx) {
    switch (e->kind) {
    case ExprKind::List:
        for (const Expr* x : static_cast<const List*>(e)->elts)
            if (const Expr* bad = invalid_target(x, ctx)) return bad;
        return nullptr;
    case ExprKind::Tuple:
        for (const Expr* x : static_cast<const Tuple*>(e)->elts)
            if (const Expr* bad = invalid_target(x, ctx)) return bad;
        return nullptr;
    case ExprKind::Starred:
        if (ctx == ExprContext::Del) return e;
        return invalid_target(static_cast<const Starred*>(e)->value, ctx);
    case ExprKind::Name: case ExprKind::Subscript: case ExprKind::Attribute:
        return nullptr;
    default:
        return e;
    }
}

// _PyPegen_set_expr_context: Store/Del on a valid target, recursively.
void Parser::set_context(Expr* e, ExprContext ctx) {
    switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case ExprKind::Starred:
        static_cast<Starred*>(e)->ctx = ctx;
        set_context(static_cast<Starred*>(e)->value, ctx);
        break;
    case ExprKind::List:
        static_cast<List*>(e)->ctx = ctx;
        for (Expr* x : static_cast<List*>(e)->elts) set_context(x, ctx);
        break;
    case ExprKind::Tuple:
        static_cast<Tuple*>(e)->ctx = ctx;
        for (Expr* x : static_cast<Tuple*>(e)->elts) set_context(x, ctx);
        break;
    default: break;
    }
}

// Was `e` written inside its own parentheses, e.g. `(yield)`?
bool Parser::is_parenthesized(const Expr* e) {
    // Find the token where e starts; the token before it is '(' if so.
    size_t lo = 0, hi = toks_.size();
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const Token& t = toks_[mid].tok;
        if (t.lineno < e->lineno || (t.lineno == e->lineno && t.col_offset < e->col_offset)) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && toks_[lo - 1].tok.kind == TokenKind::LPAR;
}

}  // namespace gp::parse_detail
