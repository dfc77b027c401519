// fstring.cpp — adjacent string literals and f-strings (PEP 498, PEP 701's
// predecessor: Python 3.11 still tokenizes an f-string as one STRING token).
//
// Mirrors CPython 3.11's Parser/string_parser.c:
//   concatenate_strings   _PyPegen_concatenate_strings: "a" f"{b}" 'c' -> one node
//   fstring_parse         _PyPegen_FstringParser_ConcatFstring: splits an
//                         f-string body into literal text and {expressions}
//   fstring_find_expr     finds where one {expression} ends, handling nested
//                         brackets and strings, `!r`, `=` and `:spec`
//   fstring_compile_expr  parses the expression text with a child Parser
//                         over "(" + text + ")", shifting token positions so
//                         the nodes point into the original source
//
// Locations follow CPython's quirks exactly, because tracebacks point with
// them: every Constant and FormattedValue piece spans the whole concatenated
// literal, a format spec's JoinedStr spans only its own STRING token, and
// errors raised here point at the token after the strings (the last one the
// parser fetched).
#include <memory>

#include "parser/literals.h"
#include "parser/parser_internal.h"

namespace gp::parse_detail {

// One JoinedStr under construction (CPython's FstringParser).
struct Parser::FStringState {
    std::string last_str;          // literal text not yet turned into a Constant
    bool has_last_str = false;
    bool fmode = false;            // an f-string was seen: the result is a JoinedStr
    std::vector<Expr*> values;     // finished pieces
};

// Wraps literal text as a Constant spanning tokens first..last.
Expr* Parser::make_str_node(std::string&& s, size_t first, size_t last) {
    auto* c = arena_.make<Constant>();
    c->value.kind = AstConstant::Kind::Str;
    c->value.text = std::move(s);
    std::string_view t0 = tok_at(first).text;
    if (!t0.empty() && t0[0] == 'u') c->kind_prefix = "u";
    const Token& a = tok_at(first);
    const Token& b = tok_at(last);
    c->lineno = a.lineno;
    c->col_offset = a.col_offset;
    c->end_lineno = b.end_lineno;
    c->end_col_offset = b.end_col_offset;
    return c;
}

// strings: STRING+ — tokens first..last are consumed already.
Expr* Parser::concatenate_strings(size_t first, size_t last) {
    FStringState st;
    bool bytesmode = false;
    std::string bytes;
    for (size_t i = first; i <= last; ++i) {
        const Token& t = tok_at(i);
        StringLiteral lit;
        SyntaxErrorInfo lerr;
        bool ok = parse_string_literal(t.text, lit, lerr);
        bool this_bytes = lit.kind == StringLiteral::Kind::Bytes;
        if (i != first && this_bytes != bytesmode) {
            fail_last("cannot mix bytes and nonbytes literals");
            return nullptr;
        }
        bytesmode = this_bytes;
        if (!ok) {
            report_literal_error(lerr, t);
            return nullptr;
        }
        warn_invalid_escape(i, lit.body.data(), lit.invalid_escape);
        if (lit.kind == StringLiteral::Kind::FString) {
            st.fmode = true;
            const char* s = lit.body.data();
            if (!fstring_parse(st, s, lit.body.data() + lit.body.size(), lit.raw, 0, i, first, last)) return nullptr;
            continue;
        }
        if (bytesmode) {
            bytes += lit.value;
        } else if (!lit.value.empty()) {
            st.last_str += lit.value;
            st.has_last_str = true;
        }
    }
    const Token& a = tok_at(first);
    const Token& b = tok_at(last);
    if (bytesmode) {
        auto* c = arena_.make<Constant>();
        c->value.kind = AstConstant::Kind::Bytes;
        c->value.text = std::move(bytes);
        c->lineno = a.lineno;
        c->col_offset = a.col_offset;
        c->end_lineno = b.end_lineno;
        c->end_col_offset = b.end_col_offset;
        return c;
    }
    if (!st.fmode) return make_str_node(std::move(st.last_str), first, last);
    if (st.has_last_str) st.values.push_back(make_str_node(std::move(st.last_str), first, last));
    auto* j = arena_.make<JoinedStr>();
    j->values = std::move(st.values);
    j->lineno = a.lineno;
    j->col_offset = a.col_offset;
    j->end_lineno = b.end_lineno;
    j->end_col_offset = b.end_col_offset;
    return j;
}

// A string literal's decoding error, at the string token (CPython's
// decoders raise through RAISE_SYNTAX_ERROR with the token as location, or
// the tokenizer-style location the literal helper computed).
void Parser::report_literal_error(const SyntaxErrorInfo& lerr, const Token& t) {
    if (failed_) return;
    const char* type = lerr.type.empty() ? "SyntaxError" : lerr.type.c_str();
    std::string msg = lerr.msg.empty() ? std::string("invalid string literal") : lerr.msg;
    // See literals.h: only the bytes/ASCII error points at the literal.
    if (msg.rfind("bytes can only contain", 0) == 0) fail_tok(t, std::move(msg), type);
    else fail_last(std::move(msg), type);
}

// fstring_find_literal: literal text up to the next '{' / '}' (doubled
// braces at the top level stand for themselves). Returns -1 on error,
// 1 when the caller should come back for more literal text, else 0.
int Parser::fstring_find_literal(const char*& str, const char* end, bool raw, std::string& literal,
                                 bool& have_literal, int recurse_lvl, size_t tok_idx) {
    const char* s = str;
    const char* literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {}
                    continue;
                }
                break;
            }
            if (ch == '{') warn_invalid_escape(tok_idx, s - 1, "{");
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    str = s - 1;
                    fail_last("f-string: single '}' is not allowed");
                    return -1;
                }
            }
            --s;
            break;
        }
    }
    str = s;
done:
    if (literal_start != s) {
        std::string_view piece(literal_start, static_cast<size_t>(s - literal_start));
        if (raw) {
            literal.assign(piece);
        } else {
            SyntaxErrorInfo lerr;
            std::string bad_escape;
            if (!decode_string_body(piece, false, false, literal, lerr, &bad_escape)) {
                report_literal_error(lerr, tok_at(tok_idx));
                return -1;
            }
            warn_invalid_escape(tok_idx, literal_start, bad_escape);
        }
        have_literal = true;
    }
    return result;
}

// fstring_find_expr: parses one {expression[=][!conv][:spec]} starting at
// the '{' in *str and appends the FormattedValue (after the debug text, if
// any) to `st`.
bool Parser::fstring_find_expr(FStringState& st, const char*& str, const char* end, bool raw, int recurse_lvl,
                               size_t tok_idx, size_t first, size_t last) {
    if (recurse_lvl >= 2) {
        fail_last("f-string: expressions nested too deeply");
        return false;
    }
    ++str;   // '{'
    const char* expr_start = str;
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[200];
    for (; str < end; ++str) {
        char ch = *str;
        if (ch == '\\') {
            fail_last("f-string expression part cannot include a backslash");
            return false;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (str + 2 < end && str[1] == ch && str[2] == ch) {
                        str += 2;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                    continue;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (str + 2 < end && str[1] == ch && str[2] == ch) {
                string_type = 3;
                str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= 200) {
                fail_last("f-string: too many nested parenthesis");
                return false;
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            fail_last("f-string expression part cannot include '#'");
            return false;
        } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (str + 1 < end) {
                char next = str[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
                    (ch == '>' && next == '=')) {
                    ++str;
                    continue;
                }
                if (ch == '>' || ch == '<') continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                fail_last(std::string("f-string: unmatched '") + ch + "'");
                return false;
            }
            char opening = parenstack[--nested_depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
                fail_last(std::string("f-string: closing parenthesis '") + ch +
                          "' does not match opening parenthesis '" + opening + "'");
                return false;
            }
        }
    }
    const char* expr_end = str;
    if (quote_char) {
        fail_last("f-string: unterminated string");
        return false;
    }
    if (nested_depth) {
        fail_last(std::string("f-string: unmatched '") + parenstack[nested_depth - 1] + "'");
        return false;
    }
    if (str >= end) {
        fail_last("f-string: expecting '}'");
        return false;
    }
    Expr* simple = fstring_compile_expr(expr_start, expr_end, tok_idx);
    if (!simple) return false;

    bool debug = false;
    if (*str == '=') {
        ++str;
        while (str < end && (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\r' || *str == '\f' || *str == '\v'))
            ++str;
        st.last_str.append(expr_start, static_cast<size_t>(str - expr_start));
        st.has_last_str = true;
        debug = true;
    }
    int conversion = -1;
    if (str < end && *str == '!') {
        ++str;
        if (str >= end) {
            fail_last("f-string: expecting '}'");
            return false;
        }
        conversion = static_cast<unsigned char>(*str++);
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            fail_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return false;
        }
    }
    if (str >= end) {
        fail_last("f-string: expecting '}'");
        return false;
    }
    Expr* format_spec = nullptr;
    if (*str == ':') {
        ++str;
        if (str >= end) {
            fail_last("f-string: expecting '}'");
            return false;
        }
        // fstring_parse for the spec: its own JoinedStr, spanning token t.
        FStringState spec;
        spec.fmode = true;
        if (!fstring_parse(spec, str, end, raw, recurse_lvl + 1, tok_idx, first, last)) return false;
        if (spec.has_last_str) spec.values.push_back(make_str_node(std::move(spec.last_str), tok_idx, tok_idx));
        auto* j = arena_.make<JoinedStr>();
        j->values = std::move(spec.values);
        const Token& t = tok_at(tok_idx);
        j->lineno = t.lineno;
        j->col_offset = t.col_offset;
        j->end_lineno = t.end_lineno;
        j->end_col_offset = t.end_col_offset;
        format_spec = j;
    }
    if (str >= end || *str != '}') {
        fail_last("f-string: expecting '}'");
        return false;
    }
    ++str;
    if (debug && !format_spec && conversion == -1) conversion = 'r';

    // The literal text collected so far becomes a Constant piece first.
    if (st.has_last_str) {
        st.values.push_back(make_str_node(std::move(st.last_str), first, last));
        st.last_str.clear();
        st.has_last_str = false;
    }
    auto* fv = arena_.make<FormattedValue>();
    fv->value = simple;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    const Token& a = tok_at(first);
    const Token& b = tok_at(last);
    fv->lineno = a.lineno;
    fv->col_offset = a.col_offset;
    fv->end_lineno = b.end_lineno;
    fv->end_col_offset = b.end_col_offset;
    st.values.push_back(fv);
    return true;
}

// _PyPegen_FstringParser_ConcatFstring: the body str..end of the f-string in
// token tok_idx (or of a format spec when recurse_lvl > 0).
bool Parser::fstring_parse(FStringState& st, const char*& str, const char* end, bool raw, int recurse_lvl,
                           size_t tok_idx, size_t first, size_t last) {
    if (!enter()) return false;
    for (;;) {
        std::string literal;
        bool have_literal = false;
        int result = fstring_find_literal(str, end, raw, literal, have_literal, recurse_lvl, tok_idx);
        if (result < 0) { leave(); return false; }
        if (have_literal && !literal.empty()) {
            st.last_str += literal;
            st.has_last_str = true;
        }
        if (result == 1) continue;
        if (str >= end || *str == '}') break;
        if (!fstring_find_expr(st, str, end, raw, recurse_lvl, tok_idx, first, last)) { leave(); return false; }
    }
    leave();
    if (recurse_lvl == 0 && str < end - 1) {
        fail_last("f-string: unexpected end of string");
        return false;
    }
    if (recurse_lvl != 0 && (str >= end || *str != '}')) {
        fail_last("f-string: expecting '}'");
        return false;
    }
    return true;
}

// fstring_compile_expr: parses the expression text expr_start..expr_end
// (inside token tok_idx) as "(" + text + ")" with a child parser whose
// tokens are shifted to where the text sits in the source
// (fstring_find_expr_location).
Expr* Parser::fstring_compile_expr(const char* expr_start, const char* expr_end, size_t tok_idx) {
    const char* s = expr_start;
    while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) ++s;
    if (s == expr_end) {
        fail_last("f-string: empty expression not allowed");
        return nullptr;
    }
    const Token& t = tok_at(tok_idx);
    const char* parent = t.text.data();
    const char* brace = expr_start - 1;

    // fstring_find_expr_location
    int lines = 0, cols = 0;
    bool newline_after_brace = true;
    for (const char* p = expr_start; p < expr_end && *p != '}' && *p != '\n'; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char* p = brace;
        while (p > parent && *p != '\n') --p;
        cols += static_cast<int>(brace - p);
        if (*p == '\n') cols -= 1;
    }
    for (const char* p = parent; p < brace; ++p)
        if (*p == '\n') ++lines;

    std::string text;
    text.reserve(static_cast<size_t>(expr_end - expr_start) + 2);
    text += '(';
    text.append(expr_start, static_cast<size_t>(expr_end - expr_start));
    text += ')';

    auto child = std::make_unique<Parser>(text, arena_, err_, depth_);
    child->starting_lineno = t.lineno + lines;
    child->starting_col_offset = lines != 0 ? cols : t.col_offset + cols;
    child->in_fstring = true;
    child->stack_base_ = stack_base_;
    Expr* e = child->parse_fstring_expr();
    if (!e) {
        failed_ = true;       // err_ was filled by the child
        final_ = true;
        generic_ = false;
        return nullptr;
    }
    return e;
}

}  // namespace gp::parse_detail
