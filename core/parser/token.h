// token.h — the token kinds of Python 3.11 and the Token the tokenizer hands
// to the parser.
//
// The kinds and their numbers are CPython 3.11's (Grammar/Tokens, generated
// into Include/token.h and Lib/token.py), so `token.tok_name[int(kind)]` in
// CPython names the same kind. One X-macro list below is the single source of
// truth: it produces the enum, token_name() and token_spelling().
//
// As in CPython's C tokenizer, keywords are plain NAME tokens; the parser
// compares the text ("if", "async", "match", ...). The kinds after OP exist so
// the numbering matches, but this tokenizer never produces AWAIT, ASYNC (3.11
// treats async/await as keywords), TYPE_IGNORE, TYPE_COMMENT (only under
// PyCF_TYPE_COMMENTS), SOFT_KEYWORD (a parser-side notion), ERRORTOKEN (we
// report errors through Tokenizer::error() instead), or COMMENT, NL and
// ENCODING (only the pure-Python `tokenize` module emits those).
#pragma once

#include <string_view>

namespace gp {

// X(kind, spelling) — spelling is the exact source text of an operator token,
// or nullptr for kinds whose text varies.
#define GP_TOKEN_KINDS(X)                 \
    X(ENDMARKER, nullptr)                 \
    X(NAME, nullptr)                      \
    X(NUMBER, nullptr)                    \
    X(STRING, nullptr)                    \
    X(NEWLINE, nullptr)                   \
    X(INDENT, nullptr)                    \
    X(DEDENT, nullptr)                    \
    X(LPAR, "(")                          \
    X(RPAR, ")")                          \
    X(LSQB, "[")                          \
    X(RSQB, "]")                          \
    X(COLON, ":")                         \
    X(COMMA, ",")                         \
    X(SEMI, ";")                          \
    X(PLUS, "+")                          \
    X(MINUS, "-")                         \
    X(STAR, "*")                          \
    X(SLASH, "/")                         \
    X(VBAR, "|")                          \
    X(AMPER, "&")                         \
    X(LESS, "<")                          \
    X(GREATER, ">")                       \
    X(EQUAL, "=")                         \
    X(DOT, ".")                           \
    X(PERCENT, "%")                       \
    X(LBRACE, "{")                        \
    X(RBRACE, "}")                        \
    X(EQEQUAL, "==")                      \
    X(NOTEQUAL, "!=")                     \
    X(LESSEQUAL, "<=")                    \
    X(GREATEREQUAL, ">=")                 \
    X(TILDE, "~")                         \
    X(CIRCUMFLEX, "^")                    \
    X(LEFTSHIFT, "<<")                    \
    X(RIGHTSHIFT, ">>")                   \
    X(DOUBLESTAR, "**")                   \
    X(PLUSEQUAL, "+=")                    \
    X(MINEQUAL, "-=")                     \
    X(STAREQUAL, "*=")                    \
    X(SLASHEQUAL, "/=")                   \
    X(PERCENTEQUAL, "%=")                 \
    X(AMPEREQUAL, "&=")                   \
    X(VBAREQUAL, "|=")                    \
    X(CIRCUMFLEXEQUAL, "^=")              \
    X(LEFTSHIFTEQUAL, "<<=")              \
    X(RIGHTSHIFTEQUAL, ">>=")             \
    X(DOUBLESTAREQUAL, "**=")             \
    X(DOUBLESLASH, "//")                  \
    X(DOUBLESLASHEQUAL, "//=")            \
    X(AT, "@")                            \
    X(ATEQUAL, "@=")                      \
    X(RARROW, "->")                       \
    X(ELLIPSIS, "...")                    \
    X(COLONEQUAL, ":=")                   \
    X(OP, nullptr)                        \
    X(AWAIT, nullptr)                     \
    X(ASYNC, nullptr)                     \
    X(TYPE_IGNORE, nullptr)               \
    X(TYPE_COMMENT, nullptr)              \
    X(SOFT_KEYWORD, nullptr)              \
    X(ERRORTOKEN, nullptr)                \
    X(COMMENT, nullptr)                   \
    X(NL, nullptr)                        \
    X(ENCODING, nullptr)

enum class TokenKind : unsigned char {
#define GP_TOKEN_ENUM(kind, spelling) kind,
    GP_TOKEN_KINDS(GP_TOKEN_ENUM)
#undef GP_TOKEN_ENUM
    N_TOKENS  // 64, as CPython's token.N_TOKENS
};

// "LPAR", "NAME", ... exactly as CPython's token.tok_name.
const char* token_name(TokenKind kind);

// "(" for LPAR, "**=" for DOUBLESTAREQUAL; nullptr for kinds without a fixed
// spelling (NAME, NUMBER, STRING, NEWLINE, OP, ...).
const char* token_spelling(TokenKind kind);

// One token. Positions follow CPython's AST conventions: lines are 1-based,
// columns are 0-based UTF-8 *byte* offsets within their line.
struct Token {
    TokenKind kind = TokenKind::ENDMARKER;
    std::string_view text;   // view into the Tokenizer's buffer; valid while it lives
                             // NAME/NUMBER/operators: the exact source text
                             // STRING: the whole literal, prefix and quotes included
                             //   (an f-string is one STRING token, as in 3.11)
                             // OP: one character no other kind claims ('$', '?', '!', '`')
                             // NEWLINE, INDENT, DEDENT, ENDMARKER: empty
    int lineno = 0;          // line of the first character (STRING: its first line)
    int col_offset = 0;      // byte column of the first character
    int end_lineno = 0;      // line of the last character
    int end_col_offset = 0;  // byte column just past the last character
                             // NEWLINE: zero-width at the '\n', or starting at a
                             //   trailing comment's '#' (CPython's C tokenizer
                             //   does both; error carets depend on it)
                             // INDENT/DEDENT/ENDMARKER: CPython gives these no
                             //   column (-1) and its error reporter falls back to
                             //   the tokenizer's cursor; we store that cursor
                             //   column here, zero-width. See tokenizer.h.
};

}  // namespace gp
