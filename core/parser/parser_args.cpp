// parser_args.cpp — the two comma lists with the most rules: call
// arguments (positional, *args, keyword=, **kwargs, a bare generator) and
// def/lambda parameters (/, *, defaults, annotations), with CPython's
// invalid_arguments / invalid_parameters messages.
#include "parser/parser_internal.h"

namespace gp::parse_detail {

// ---------------------------------------------------------------- arguments

// arguments: args [','] &')' — after the '(' up to and including ')'.
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
// kwargs: ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+] | ...
// and a lone generator expression argument (primary genexp).
bool Parser::call_arguments(Call* call, bool class_bases) {
    size_t lpar = pos_ - 1;
    bool seen_keyword = false;       // name=value
    bool seen_double_star = false;   // **mapping
    Expr* last = nullptr;
    size_t last_start = pos_;
    while (!at(TokenKind::RPAR)) {
        if (failed_) return false;
        size_t astart = pos_;
        last_start = astart;
        if (at(TokenKind::STAR)) {
            if (seen_double_star) {
                fail_tok(peek_tok().tok, "iterable argument unpacking follows keyword argument unpacking");
                return false;
            }
            ++pos_;
            auto* s = arena_.make<Starred>();
            s->value = expression();
            if (!s->value) return false;
            set_span(s, astart);
            call->args.push_back(s);
            last = s;
        } else if (at(TokenKind::DOUBLESTAR)) {
            ++pos_;
            auto* k = arena_.make<Keyword>();
            k->value = expression();
            if (!k->value) return false;
            set_span(k, astart);
            call->keywords.push_back(k);
            seen_double_star = true;
            last = k->value;
        } else if (at_name() && peek_kind(1) == TokenKind::EQUAL) {
            auto* k = arena_.make<Keyword>();
            k->arg.assign(peek_tok().tok.text);
            pos_ += 2;
            k->value = expression();
            if (!k->value) return false;
            if (at_comprehension()) {
                // invalid_arguments: NAME '=' expression for_if_clauses
                Node span;
                span.lineno = tok_at(astart).lineno;
                span.col_offset = tok_at(astart).col_offset;
                fail_range(&span, k->value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                return false;
            }
            set_span(k, astart);
            call->keywords.push_back(k);
            seen_keyword = true;
            last = k->value;
        } else {
            Expr* e;
            if (at_name() && peek_kind(1) == TokenKind::COLONEQUAL) e = named_expression();
            else e = expression();
            if (!e) return false;
            if (at(TokenKind::EQUAL)) {
                // invalid_kwarg
                Kw k0 = tok_at(astart).kind == TokenKind::NAME ? toks_[astart].kw : Kw::None_;
                if ((k0 == Kw::True || k0 == Kw::False || k0 == Kw::NoneKw) && pos_ == astart + 1) {
                    const Token& eq = peek_tok().tok;
                    fail_at("SyntaxError",
                            k0 == Kw::True    ? "cannot assign to True"
                            : k0 == Kw::False ? "cannot assign to False"
                                              : "cannot assign to None",
                            e->lineno, e->col_offset, eq.end_lineno, eq.end_col_offset);
                    return false;
                }
                const Token& eq = peek_tok().tok;
                fail_at("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
                        e->lineno, e->col_offset, eq.end_lineno, eq.end_col_offset);
                return false;
            }
            if (at_comprehension()) {
                if (!check_comprehension_elt(e)) return false;
                auto* g = arena_.make<GeneratorExp>();
                g->elt = e;
                if (!comprehension_clauses(g->generators)) return false;
                bool alone = call->args.empty() && call->keywords.empty() && at(TokenKind::RPAR);
                if (alone && !class_bases) {
                    ++pos_;
                    set_span(g, lpar);   // the call's parentheses are the genexp's
                    call->args.push_back(g);
                    return true;
                }
                if (alone) {   // class C(x for x in y): not an argument list
                    fail_generic_at(astart + 1 < toks_.size() ? first_for_token(astart) : toks_.size() - 1);
                    return false;
                }
                const Comprehension* lc = g->generators.back();
                const Expr* end = lc->ifs.empty() ? lc->iter : lc->ifs.back();
                fail_range(e, end, "Generator expression must be parenthesized");
                return false;
            }
            if (seen_keyword || seen_double_star) {
                // invalid_arguments: a=args ',' args -> RAISE_SYNTAX_ERROR (last token)
                fail_last(seen_double_star ? "positional argument follows keyword argument unpacking"
                                           : "positional argument follows keyword argument");
                return false;
            }
            call->args.push_back(e);
            last = e;
        }
        if (!accept(TokenKind::COMMA)) break;
    }
    if (failed_) return false;
    if (!at(TokenKind::RPAR)) {
        if (last) fail_after_expr(last, last_start);
        else fail_generic();
        return false;
    }
    ++pos_;
    return true;
}

// The index of the first 'for' token at or after `from` (for error reporting).
size_t Parser::first_for_token(size_t from) {
    for (size_t i = from; i < toks_.size(); ++i)
        if (toks_[i].tok.kind == TokenKind::NAME && toks_[i].kw == Kw::For) return i;
    return toks_.size() - 1;
}

// ---------------------------------------------------------------- parameters

// params (def) / lambda_params: the parameter list up to (not including)
// `closer`, with CPython's invalid_parameters / invalid_star_etc errors.
Arguments* Parser::parameters(bool lambda, TokenKind closer) {
    auto* a = arena_.make<Arguments>();
    bool seen_slash = false;
    bool seen_star = false;      // '*' or '*args'
    bool seen_kwarg = false;
    bool seen_default = false;
    int plain_count = 0;         // positional parameters before '/'
    const Token* bare_star = nullptr;
    bool bare_star_needs_name = false;
    while (!at(closer)) {
        if (failed_) return nullptr;
        const Token& t = peek_tok().tok;
        if (seen_kwarg) {
            fail_tok(t, "arguments cannot follow var-keyword argument");
            return nullptr;
        }
        if (t.kind == TokenKind::SLASH) {
            if (seen_slash) { fail_tok(t, "/ may appear only once"); return nullptr; }
            if (seen_star) { fail_tok(t, "/ must be ahead of *"); return nullptr; }
            if (plain_count == 0) {   // `def f(/)`: plain invalid syntax in 3.11
                fail_generic();
                return nullptr;
            }
            ++pos_;
            seen_slash = true;
            a->posonlyargs = std::move(a->args);
            a->args.clear();
        } else if (t.kind == TokenKind::STAR) {
            if (seen_star) { fail_tok(t, "* argument may appear only once"); return nullptr; }
            const Token* star_tok = &toks_[pos_].tok;
            ++pos_;
            seen_star = true;
            if (at(TokenKind::COMMA) || at(closer)) {
                bare_star = star_tok;
                bare_star_needs_name = true;
                if (at(closer) || (at(TokenKind::COMMA) && (peek_kind(1) == closer || peek_kind(1) == TokenKind::DOUBLESTAR))) {
                    // invalid_star_etc points at the '*'; invalid_lambda_star_etc
                    // has no location (the last token).
                    if (lambda) fail_last("named arguments must follow bare *");
                    else fail_tok(*star_tok, "named arguments must follow bare *");
                    return nullptr;
                }
            } else {
                a->vararg = param(lambda, true);
                if (!a->vararg) return nullptr;
                if (at(TokenKind::EQUAL)) {
                    fail_tok(peek_tok().tok, "var-positional argument cannot have default value");
                    return nullptr;
                }
            }
        } else if (t.kind == TokenKind::DOUBLESTAR) {
            ++pos_;
            a->kwarg = param(lambda, false);
            if (!a->kwarg) return nullptr;
            if (at(TokenKind::EQUAL)) {
                fail_tok(peek_tok().tok, "var-keyword argument cannot have default value");
                return nullptr;
            }
            seen_kwarg = true;
        } else {
            Arg* p = param(lambda, false);
            if (!p) return nullptr;
            Expr* def = nullptr;
            if (accept(TokenKind::EQUAL)) {
                def = expression();
                if (!def) return nullptr;
            }
            if (seen_star) {
                a->kwonlyargs.push_back(p);
                a->kw_defaults.push_back(def);
                bare_star_needs_name = false;
            } else {
                if (def) {
                    a->defaults.push_back(def);
                    seen_default = true;
                } else if (seen_default) {
                    fail_node(p, "non-default argument follows default argument");
                    return nullptr;
                }
                a->args.push_back(p);
                ++plain_count;
            }
        }
        if (!accept(TokenKind::COMMA)) break;
    }
    if (failed_) return nullptr;
    if (bare_star && bare_star_needs_name) {
        fail_tok(*bare_star, "named arguments must follow bare *");
        return nullptr;
    }
    if (!at(closer)) {
        fail_generic();
        return nullptr;
    }
    return a;
}

// param: NAME annotation? — lambda parameters have no annotation;
// '*args' may have a starred annotation (star_annotation, PEP 646).
Arg* Parser::param(bool lambda, bool allow_star_annotation) {
    size_t start = pos_;
    if (!at_name()) { fail_generic(); return nullptr; }
    auto* a = arena_.make<Arg>();
    a->arg.assign(peek_tok().tok.text);
    ++pos_;
    if (!lambda && accept(TokenKind::COLON)) {
        a->annotation = allow_star_annotation && at(TokenKind::STAR) ? star_expression() : expression();
        if (!a->annotation) return nullptr;
    }
    set_span(a, start);
    return a;
}

}  // namespace gp::parse_detail
