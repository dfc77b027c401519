// Tests for core/parser/tokenizer: token streams and lexical errors, with
// every expected value taken from CPython 3.11 (compile() for errors; the
// `tokenize` module, adjusted to the C tokenizer, for streams).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parser/tokenizer.h"
#include "test_support.h"

using gp::SyntaxErrorInfo;
using gp::Token;
using gp::TokenKind;
using gp::Tokenizer;

namespace {

// "KIND text" for each token up to and including ENDMARKER; "ERROR msg" last
// if tokenizing fails.
std::vector<std::string> stream(std::string_view src) {
    Tokenizer tok(src);
    std::vector<std::string> out;
    Token t;
    while (tok.next(t)) {
        std::string s = gp::token_name(t.kind);
        if (!t.text.empty()) s += " " + std::string(t.text);
        out.push_back(s);
        if (t.kind == TokenKind::ENDMARKER) return out;
    }
    out.push_back("ERROR " + tok.error().msg);
    return out;
}

std::vector<Token> tokens(Tokenizer& tok) {
    std::vector<Token> out;
    Token t;
    while (tok.next(t)) {
        out.push_back(t);
        if (t.kind == TokenKind::ENDMARKER) break;
    }
    return out;
}

// The error that tokenizing all of `src` stops with.
SyntaxErrorInfo lex_error(std::string_view src) {
    Tokenizer tok(src);
    Token t;
    while (tok.next(t) && t.kind != TokenKind::ENDMARKER) {
    }
    REQUIRE(tok.failed());
    return tok.error();
}

struct Pos {
    int lineno, col, end_lineno, end_col;
    bool operator==(const Pos&) const = default;
};
Pos pos(const Token& t) { return {t.lineno, t.col_offset, t.end_lineno, t.end_col_offset}; }

}  // namespace

namespace Catch {
template <>
struct StringMaker<Pos> {
    static std::string convert(const Pos& p) {
        return std::to_string(p.lineno) + ":" + std::to_string(p.col) + "-" + std::to_string(p.end_lineno) + ":" +
               std::to_string(p.end_col);
    }
};
}  // namespace Catch

using V = std::vector<std::string>;

TEST_CASE("a simple statement becomes names, operators and numbers with byte positions", "[tokenizer]") {
    Tokenizer tok("x = 1 + y\n");
    auto ts = tokens(tok);
    REQUIRE(ts.size() == 7);
    CHECK(ts[0].kind == TokenKind::NAME);
    CHECK(ts[1].kind == TokenKind::EQUAL);
    CHECK(ts[2].kind == TokenKind::NUMBER);
    CHECK(ts[3].kind == TokenKind::PLUS);
    CHECK(ts[4].text == "y");
    CHECK(pos(ts[0]) == Pos{1, 0, 1, 1});
    CHECK(pos(ts[2]) == Pos{1, 4, 1, 5});
    CHECK(pos(ts[4]) == Pos{1, 8, 1, 9});
    // NEWLINE is zero-width at the '\n'; ENDMARKER sits at the cursor, which
    // at the end of input is just past the last line (see Token).
    CHECK(ts[5].kind == TokenKind::NEWLINE);
    CHECK(pos(ts[5]) == Pos{1, 9, 1, 9});
    CHECK(ts[6].kind == TokenKind::ENDMARKER);
    CHECK(pos(ts[6]) == Pos{1, 10, 1, 10});
}

TEST_CASE("token kinds have CPython's numbers, names and spellings", "[tokenizer]") {
    CHECK(static_cast<int>(TokenKind::ENDMARKER) == 0);
    CHECK(static_cast<int>(TokenKind::LPAR) == 7);
    CHECK(static_cast<int>(TokenKind::COLONEQUAL) == 53);
    CHECK(static_cast<int>(TokenKind::OP) == 54);
    CHECK(static_cast<int>(TokenKind::ERRORTOKEN) == 60);
    CHECK(static_cast<int>(TokenKind::ENCODING) == 63);
    CHECK(static_cast<int>(TokenKind::N_TOKENS) == 64);
    CHECK(std::string(gp::token_name(TokenKind::DOUBLESLASHEQUAL)) == "DOUBLESLASHEQUAL");
    CHECK(std::string(gp::token_name(TokenKind::SOFT_KEYWORD)) == "SOFT_KEYWORD");
    CHECK(std::string(gp::token_spelling(TokenKind::RARROW)) == "->");
    CHECK(gp::token_spelling(TokenKind::NAME) == nullptr);
}

TEST_CASE("every operator is one token of its own kind", "[tokenizer]") {
    for (int k = static_cast<int>(TokenKind::LPAR); k <= static_cast<int>(TokenKind::COLONEQUAL); ++k) {
        auto kind = static_cast<TokenKind>(k);
        std::string op = gp::token_spelling(kind);
        // Brackets must balance, so wrap each operator to keep the level at 0.
        std::string src = op == "(" ? "a(b)\n" : op == "[" ? "a[b]\n" : op == "{" ? "a{b}\n"
                        : op == ")" ? "(a)b\n" : op == "]" ? "[a]b\n" : op == "}" ? "{a}b\n" : "a " + op + " b\n";
        Tokenizer tok(src);
        auto ts = tokens(tok);
        INFO(src);
        bool found = false;
        for (const Token& t : ts) found = found || (t.kind == kind && t.text == op);
        CHECK(found);
    }
    SECTION("longest match wins, and '<>' is NOTEQUAL for the parser to reject") {
        CHECK(stream("a**=b//=c>>=d<<=e...f\n") ==
              V{"NAME a", "DOUBLESTAREQUAL **=", "NAME b", "DOUBLESLASHEQUAL //=", "NAME c", "RIGHTSHIFTEQUAL >>=",
                "NAME d", "LEFTSHIFTEQUAL <<=", "NAME e", "ELLIPSIS ...", "NAME f", "NEWLINE", "ENDMARKER"});
        CHECK(stream("a<>b\n") == V{"NAME a", "NOTEQUAL <>", "NAME b", "NEWLINE", "ENDMARKER"});
        CHECK(stream("a..b\n") == V{"NAME a", "DOT .", "DOT .", "NAME b", "NEWLINE", "ENDMARKER"});
        CHECK(stream("f(x)->y\n") ==
              V{"NAME f", "LPAR (", "NAME x", "RPAR )", "RARROW ->", "NAME y", "NEWLINE", "ENDMARKER"});
    }
    SECTION("a stray printable character is an OP token for the parser to reject") {
        CHECK(stream("a $ b ? !\n") == V{"NAME a", "OP $", "NAME b", "OP ?", "OP !", "NEWLINE", "ENDMARKER"});
    }
}

TEST_CASE("keywords are plain NAME tokens", "[tokenizer]") {
    CHECK(stream("async def f(): await x\n") ==
          V{"NAME async", "NAME def", "NAME f", "LPAR (", "RPAR )", "COLON :", "NAME await", "NAME x", "NEWLINE",
            "ENDMARKER"});
}

TEST_CASE("indentation produces INDENT and DEDENT tokens from a stack", "[tokenizer]") {
    SECTION("nested blocks and a multi-level dedent") {
        CHECK(stream("if a:\n    if b:\n        c\nd\n") ==
              V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME if", "NAME b", "COLON :", "NEWLINE",
                "INDENT", "NAME c", "NEWLINE", "DEDENT", "DEDENT", "NAME d", "NEWLINE", "ENDMARKER"});
    }
    SECTION("open blocks are closed at the end of input") {
        CHECK(stream("if a:\n  b") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b", "NEWLINE",
                                          "DEDENT", "ENDMARKER"});
    }
    SECTION("INDENT and DEDENT are zero-width at the cursor, after the indentation") {
        Tokenizer tok("if a:\n    b\nc\n");
        auto ts = tokens(tok);
        REQUIRE(ts[4].kind == TokenKind::INDENT);
        CHECK(pos(ts[4]) == Pos{2, 4, 2, 4});
        REQUIRE(ts[7].kind == TokenKind::DEDENT);
        CHECK(pos(ts[7]) == Pos{3, 0, 3, 0});
    }
    SECTION("DEDENTs at the end of input stay on the last line") {
        Tokenizer tok("if a:\n    b\n");
        auto ts = tokens(tok);
        REQUIRE(ts[7].kind == TokenKind::DEDENT);
        CHECK(pos(ts[7]) == Pos{2, 6, 2, 6});
        CHECK(pos(ts[8]) == Pos{2, 6, 2, 6});
    }
    SECTION("a tab advances to the next multiple of eight") {
        // Indentation is measured with tabs to multiples of 8 and again with
        // tabs as 1 column; the two must agree. " \t" and "\t" are both
        // column 8, but 2 and 1 the other way: that depends on the tab size.
        CHECK(stream("if a:\n \tb\n \tc\n") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b",
                                                  "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "ENDMARKER"});
        CHECK(stream("if a:\n \tb\n\tc\n") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b",
                                                 "NEWLINE", "ERROR inconsistent use of tabs and spaces in indentation"});
        CHECK(stream("if a:\n\tb\n        c\n") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b",
                                                   "NEWLINE", "ERROR inconsistent use of tabs and spaces in indentation"});
    }
    SECTION("a form feed resets the column") {
        CHECK(stream("if a:\n  b\n\f  c\n") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b",
                                                  "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "ENDMARKER"});
    }
    SECTION("an unexpected indent is left to the parser") {
        CHECK(stream("a\n  b\n") ==
              V{"NAME a", "NEWLINE", "INDENT", "NAME b", "NEWLINE", "DEDENT", "ENDMARKER"});
    }
}

TEST_CASE("blank and comment-only lines produce no tokens", "[tokenizer]") {
    CHECK(stream("\n  \n# c\nif a:\n\n      # deeper comment\n  b # trailing\n     \n\nc\n") ==
          V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b", "NEWLINE # trailing", "DEDENT", "NAME c",
            "NEWLINE", "ENDMARKER"});
    SECTION("a NEWLINE after a comment starts at the '#', as in CPython") {
        Tokenizer tok("x = 1  # c\n");
        auto ts = tokens(tok);
        REQUIRE(ts[3].kind == TokenKind::NEWLINE);
        CHECK(pos(ts[3]) == Pos{1, 7, 1, 10});
    }
    SECTION("an empty source is just ENDMARKER") {
        CHECK(stream("") == V{"ENDMARKER"});
        CHECK(stream("# only a comment") == V{"ENDMARKER"});
    }
}

TEST_CASE("brackets join lines implicitly", "[tokenizer]") {
    CHECK(stream("x = [1,\n  (2,\n{3:\n\n 4}),\n      ]\ny\n") ==
          V{"NAME x", "EQUAL =", "LSQB [", "NUMBER 1", "COMMA ,", "LPAR (", "NUMBER 2", "COMMA ,", "LBRACE {",
            "NUMBER 3", "COLON :", "NUMBER 4", "RBRACE }", "RPAR )", "COMMA ,", "RSQB ]", "NEWLINE", "NAME y",
            "NEWLINE", "ENDMARKER"});
    Tokenizer tok("f(a,\n      b)\n");
    auto ts = tokens(tok);
    CHECK(pos(ts[4]) == Pos{2, 6, 2, 7});
    CHECK(tok.level() == 0);
}

TEST_CASE("a backslash joins lines explicitly", "[tokenizer]") {
    CHECK(stream("x = 1 + \\\n    2\n") ==
          V{"NAME x", "EQUAL =", "NUMBER 1", "PLUS +", "NUMBER 2", "NEWLINE", "ENDMARKER"});
    SECTION("a continued line does not start a new indentation") {
        CHECK(stream("if a:\n  b\n\\\n  c\n") == V{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "NAME b",
                                                   "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "ENDMARKER"});
    }
    SECTION("the NEWLINE after an empty continued line is on that line") {
        Tokenizer tok("x = 1 + \\\n\n");
        auto ts = tokens(tok);
        REQUIRE(ts[4].kind == TokenKind::NEWLINE);
        CHECK(pos(ts[4]) == Pos{2, 0, 2, 0});
    }
}

TEST_CASE("numbers in every form are single NUMBER tokens", "[tokenizer]") {
    for (const char* n : {"0", "00", "0_0", "7", "1_000_000", "0x1F", "0XdeadBEEF", "0x_f", "0o17", "0O_7", "0b1010",
                          "0B_1_0", "1.5", "1.", ".5", "1_0.2_5", "1e10", "1E+10", "1e-1_0", "1.5e3", "0e0", "09.5",
                          "007e1", "1j", "1J", "0j", "09j", "1.5j", "1e3j", ".5j", "1_0j"}) {
        std::string src = std::string("x = ") + n + "\n";
        INFO(src);
        CHECK(stream(src) == V{"NAME x", "EQUAL =", std::string("NUMBER ") + n, "NEWLINE", "ENDMARKER"});
    }
    SECTION("a number may run into a keyword (CPython 3.11 only warns)") {
        CHECK(stream("1if x else 2\n") ==
              V{"NUMBER 1", "NAME if", "NAME x", "NAME else", "NUMBER 2", "NEWLINE", "ENDMARKER"});
        CHECK(stream("0x1for\n") == V{"NUMBER 0x1f", "NAME or", "NEWLINE", "ENDMARKER"});
        CHECK(stream("1else\n") == V{"NUMBER 1", "NAME else", "NEWLINE", "ENDMARKER"});
        CHECK(stream("[1in x, 1is y, 1not in z, 1and 2]\n").size() == 20);
    }
    SECTION("an attribute of an int literal needs a space or a second dot") {
        CHECK(stream("1.real\n") == V{"ERROR invalid decimal literal"});
        CHECK(stream("1 .real\n") == V{"NUMBER 1", "DOT .", "NAME real", "NEWLINE", "ENDMARKER"});
        CHECK(stream("1..real\n") == V{"NUMBER 1.", "DOT .", "NAME real", "NEWLINE", "ENDMARKER"});
    }
    SECTION("a non-ASCII character ends a number") {
        CHECK(stream("1é\n") == V{"NUMBER 1", "NAME é", "NEWLINE", "ENDMARKER"});
    }
}

TEST_CASE("strings with every legal prefix are single STRING tokens", "[tokenizer]") {
    for (const char* p : {"", "r", "u", "R", "U", "f", "F", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB",
                          "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF"}) {
        for (const char* body : {"'a'", "\"a\"", "'''a'''", "\"\"\"a\"\"\"", "''", "\"\"", "''''''"}) {
            std::string lit = std::string(p) + body;
            INFO(lit);
            CHECK(stream(lit + "\n") == V{"STRING " + lit, "NEWLINE", "ENDMARKER"});
        }
    }
    SECTION("an illegal prefix is a NAME followed by a STRING") {
        CHECK(stream("ur'x'\n") == V{"NAME ur", "STRING 'x'", "NEWLINE", "ENDMARKER"});
        CHECK(stream("bu'x'\n") == V{"NAME bu", "STRING 'x'", "NEWLINE", "ENDMARKER"});
        CHECK(stream("bf'x'\n") == V{"NAME bf", "STRING 'x'", "NEWLINE", "ENDMARKER"});
        CHECK(stream("rr'x'\n") == V{"NAME rr", "STRING 'x'", "NEWLINE", "ENDMARKER"});
    }
    SECTION("escaped quotes and backslashes do not end a string") {
        CHECK(stream(R"(s = 'a\'b' + "\\" + "\"")" "\n") ==
              V{"NAME s", "EQUAL =", R"(STRING 'a\'b')", "PLUS +", R"(STRING "\\")", "PLUS +", R"(STRING "\"")",
                "NEWLINE", "ENDMARKER"});
    }
    SECTION("a triple-quoted string spans lines and starts where it opens") {
        Tokenizer tok("x = f'''a\n'b'\n\"\"\"c''' + 1\n");
        auto ts = tokens(tok);
        REQUIRE(ts[2].kind == TokenKind::STRING);
        CHECK(ts[2].text == "f'''a\n'b'\n\"\"\"c'''");
        CHECK(pos(ts[2]) == Pos{1, 4, 3, 7});
        CHECK(pos(ts[3]) == Pos{3, 8, 3, 9});
    }
    SECTION("a backslash-newline continues a single-quoted string") {
        Tokenizer tok("x = 'a\\\nb'\n");
        auto ts = tokens(tok);
        CHECK(ts[2].text == "'a\\\nb'");
        CHECK(pos(ts[2]) == Pos{1, 4, 2, 2});
    }
    SECTION("an f-string is one token, nested quotes of the other kind included") {
        CHECK(stream("f\"{x['k']!r:>{w}}\"\n") == V{"STRING f\"{x['k']!r:>{w}}\"", "NEWLINE", "ENDMARKER"});
    }
}

TEST_CASE("unicode identifiers are NAME tokens with byte columns", "[tokenizer]") {
    CHECK(stream("café = 1\nπ = 3\n") ==
          V{"NAME café", "EQUAL =", "NUMBER 1", "NEWLINE", "NAME π", "EQUAL =", "NUMBER 3", "NEWLINE", "ENDMARKER"});
    Tokenizer tok("café = π\n");
    auto ts = tokens(tok);
    CHECK(pos(ts[0]) == Pos{1, 0, 1, 5});
    CHECK(pos(ts[1]) == Pos{1, 6, 1, 7});
    CHECK(pos(ts[2]) == Pos{1, 8, 1, 10});
    SECTION("letters from many scripts, combining marks and other XID_Continue characters") {
        for (const char* name : {"Straße", "ñandú", "Ωμέγα", "переменная", "变量", "変数", "מִשְׁתַּנֶּה", "𝔘𝔫𝔦",
                                 "x\xF3\xA0\x84\x80", "a·b", "_٣", "ﬁ"}) {
            INFO(name);
            CHECK(stream(std::string(name) + "\n") == V{std::string("NAME ") + name, "NEWLINE", "ENDMARKER"});
        }
    }
}

TEST_CASE("line endings are normalized and a final newline is supplied", "[tokenizer]") {
    V expected{"NAME if", "NAME a", "COLON :", "NEWLINE", "INDENT", "STRING '''x\ny'''", "NEWLINE", "DEDENT",
               "ENDMARKER"};
    SECTION("LF") { CHECK(stream("if a:\n  '''x\ny'''\n") == expected); }
    SECTION("CRLF") { CHECK(stream("if a:\r\n  '''x\r\ny'''\r\n") == expected); }
    SECTION("CR") { CHECK(stream("if a:\r  '''x\ry'''\r") == expected); }
    SECTION("no final newline") { CHECK(stream("if a:\n  '''x\ny'''") == expected); }
    SECTION("a backslash before CRLF") { CHECK(stream("x = 1 \\\r\n+ 2").size() == 7); }
    SECTION("line_text returns normalized lines with their newline") {
        Tokenizer tok("a\r\nbc");
        CHECK(tok.line_text(1) == "a\n");
        CHECK(tok.line_text(2) == "bc\n");
        CHECK(tok.line_text(3).empty());
    }
}

TEST_CASE("a UTF-8 byte order mark at the start is skipped", "[tokenizer]") {
    Tokenizer tok("\xEF\xBB\xBFx = 1\n");
    auto ts = tokens(tok);
    CHECK(ts[0].text == "x");
    CHECK(pos(ts[0]) == Pos{1, 0, 1, 1});
}

TEST_CASE("after ENDMARKER the tokenizer keeps returning ENDMARKER", "[tokenizer]") {
    Tokenizer tok("x\n");
    Token t;
    for (int i = 0; i < 3; ++i) REQUIRE(tok.next(t));
    CHECK(t.kind == TokenKind::ENDMARKER);
    REQUIRE(tok.next(t));
    CHECK(t.kind == TokenKind::ENDMARKER);
}

TEST_CASE("tokens are produced lazily, so an early token comes before a later error", "[tokenizer]") {
    Tokenizer tok("x = = 1\ny = 0x\n");
    Token t;
    for (int i = 0; i < 5; ++i) REQUIRE(tok.next(t));
    CHECK(t.kind == TokenKind::NEWLINE);
    CHECK_FALSE(tok.failed());
    CHECK(tok.next(t));  // y
    CHECK(tok.next(t));  // =
    CHECK_FALSE(tok.next(t));
    CHECK(tok.error().msg == "invalid hexadecimal literal");
    CHECK_FALSE(tok.next(t));  // errors are sticky
}

// Each row: source, then what CPython 3.11's compile() reports for it.
struct ErrorCase {
    const char* src;
    const char* type;
    const char* msg;
    int lineno, offset, end_lineno, end_offset;
    const char* text;
};

TEST_CASE("lexical errors match CPython's message, location and text", "[tokenizer]") {
    static const ErrorCase cases[] = {
    {"if x:\n  y\n z\n", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1, " z\n"},
    {"if x:\n  y\n zzzz", "IndentationError", "unindent does not match any outer indentation level", 3, 6, 3, -1, " zzzz\n"},
    {"if 1:\n    x\n  \\\n    y\n", "IndentationError", "unindent does not match any outer indentation level", 4, 6, 4, -1, "    y\n"},
    {"if 1:\n\014    x\n  y", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1, "  y\n"},
    {"if x:\n\ty\n        z\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        z\n"},
    {"if x:\n        y\n\tz\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\tz\n"},
    {"if 1:\n\tif 2:\n\t\tx\n  \ty\n", "TabError", "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, "  \ty\n"},
    {"if 1:\n \tx\n\t y\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\t y\n"},
    {"a = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "a = \"abc"},
    {"a = 'abc\\\ndef", "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5, 1, 5, "a = 'abc\\"},
    {"a = rb'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "a = rb'abc"},
    {"s = 'é€\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "s = 'é€"},
    {"a = \"\"\"abc\n\nx", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5, "a = \"\"\"abc"},
    {"x = 1\ns = f'''\n\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 4)", 2, 5, 2, 5, "s = f'''"},
    {"x = (1,\n2\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1,"},
    {"x = (1,\n2", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1,"},
    {"x = (1 + \\", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1 + \\\n"},
    {"x = [\n  (\n", "SyntaxError", "'(' was never closed", 2, 3, 2, 0, "  (\n"},
    {"x = 1)", "SyntaxError", "unmatched ')'", 1, 6, 1, 6, "x = 1)"},
    {"x = ]", "SyntaxError", "unmatched ']'", 1, 5, 1, 5, "x = ]"},
    {"x = (1]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7, "x = (1]"},
    {"x = (1,\n2]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2, "2]"},
    {"x = {1:\n  [2,\n   (3)\n  ]\n  )", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '{' on line 1", 5, 3, 5, 3, "  )"},
    {"x = 1 \\ 2", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0, "x = 1 \\ 2\n"},
    {"é = 1 \\ 2", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0, "é = 1 \\ 2\n"},
    {"x = 1\\", "SyntaxError", "unexpected EOF while parsing", 1, 7, 1, -1, "x = 1\\\n"},
    {"x=1\n\\\n", "SyntaxError", "unexpected EOF while parsing", 2, 2, 2, -1, "\\\n"},
    {"x = 1€", "SyntaxError", "invalid character '€' (U+20AC)", 1, 6, 1, 6, "x = 1€"},
    {"ab€c = 1", "SyntaxError", "invalid character '€' (U+20AC)", 1, 3, 1, 3, "ab€c = 1"},
    {"€ä = 1", "SyntaxError", "invalid character '€' (U+20AC)", 1, 1, 1, 1, "€ä = 1"},
    {"x = 1\302\240", "SyntaxError", "invalid non-printable character U+00A0", 1, 6, 1, 6, "x = 1\302\240"},
    {"a\342\200\213b = 1", "SyntaxError", "invalid non-printable character U+200B", 1, 2, 1, 2, "a\342\200\213b = 1"},
    {"x = 1\001", "SyntaxError", "invalid non-printable character U+0001", 1, 6, 1, 6, "x = 1\001"},
    {"x\013= 1", "SyntaxError", "invalid non-printable character U+000B", 1, 2, 1, 2, "x\013= 1"},
    {"x = 1\177", "SyntaxError", "invalid non-printable character U+007F", 1, 6, 1, 6, "x = 1\177"},
    {"·b = 1", "SyntaxError", "invalid character '·' (U+00B7)", 1, 1, 1, 1, "·b = 1"},
    {"x = 0b12", "SyntaxError", "invalid digit '2' in binary literal", 1, 8, 1, 8, "x = 0b12"},
    {"x = 0b", "SyntaxError", "invalid binary literal", 1, 6, 1, 6, "x = 0b"},
    {"x = 0b1_", "SyntaxError", "invalid binary literal", 1, 8, 1, 8, "x = 0b1_"},
    {"x = 0b1a", "SyntaxError", "invalid binary literal", 1, 7, 1, 7, "x = 0b1a"},
    {"x = 0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 1, 7, "x = 0o8"},
    {"x = 0o18", "SyntaxError", "invalid digit '8' in octal literal", 1, 8, 1, 8, "x = 0o18"},
    {"x = 0o", "SyntaxError", "invalid octal literal", 1, 6, 1, 6, "x = 0o"},
    {"x = 0o7a", "SyntaxError", "invalid octal literal", 1, 7, 1, 7, "x = 0o7a"},
    {"x = 0x", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6, "x = 0x"},
    {"x = 0xg", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6, "x = 0xg"},
    {"x = 0x_", "SyntaxError", "invalid hexadecimal literal", 1, 7, 1, 7, "x = 0x_"},
    {"x = 0xfa_g", "SyntaxError", "invalid hexadecimal literal", 1, 9, 1, 9, "x = 0xfa_g"},
    {"x = 012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6, "x = 012"},
    {"é = 012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7, "é = 012"},
    {"x = 1_", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1_"},
    {"x = 1__2", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1__2"},
    {"x = 0_", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 0_"},
    {"x = 1e", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1e"},
    {"x = 1e+", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7, "x = 1e+"},
    {"x = 0e", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 0e"},
    {"x = 1a", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1a"},
    {"x = 1i", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1i"},
    {"x = 1.5j2", "SyntaxError", "invalid imaginary literal", 1, 8, 1, 8, "x = 1.5j2"},
    {"x = 1jx", "SyntaxError", "invalid imaginary literal", 1, 6, 1, 6, "x = 1jx"},
    {"x = 1._", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1._"},
    {"x = 1e_5", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1e_5"},
    };
    for (const ErrorCase& c : cases) {
        INFO(c.src);
        SyntaxErrorInfo e = lex_error(c.src);
        CHECK(e.type == c.type);
        CHECK(e.msg == c.msg);
        CHECK(e.lineno == c.lineno);
        CHECK(e.offset == c.offset);
        CHECK(e.end_lineno == c.end_lineno);
        CHECK(e.end_offset == c.end_offset);
        CHECK(e.text == c.text);
    }
}

TEST_CASE("nesting limits are CPython's", "[tokenizer]") {
    SECTION("200 open brackets are fine, the 201st is too many") {
        std::string ok = "x = " + std::string(200, '(') + std::string(200, ')') + "\n";
        CHECK(stream(ok).back() == "ENDMARKER");
        SyntaxErrorInfo e = lex_error("x = " + std::string(201, '['));
        CHECK(e.msg == "too many nested parentheses");
        CHECK(e.offset == 205);
        CHECK(e.end_offset == 205);
    }
    SECTION("99 indentation levels are fine, the 100th is too many") {
        auto program = [](int levels) {
            std::string s;
            for (int i = 0; i < levels; ++i) s += std::string(i, ' ') + "if 1:\n";
            return s + std::string(levels, ' ') + "pass\n";
        };
        CHECK(stream(program(99)).back() == "ENDMARKER");
        SyntaxErrorInfo e = lex_error(program(100));
        CHECK(e.type == "IndentationError");
        CHECK(e.msg == "too many levels of indentation");
        CHECK(e.lineno == 101);
        CHECK(e.offset == 1);
        CHECK(e.end_offset == 0);
    }
}

TEST_CASE("bad bytes in the source are reported when their line is reached", "[tokenizer]") {
    SECTION("a NUL byte (CPython's message when running a file)") {
        SyntaxErrorInfo e = lex_error(std::string_view("x = 1\ny\0z\n", 10));
        CHECK(e.msg == "source code cannot contain null bytes");
        CHECK(e.lineno == 2);
        CHECK(e.offset == 0);
        CHECK(e.end_offset == 0);
        CHECK(e.text == "y");
    }
    SECTION("malformed UTF-8 has no location, only a message naming the file") {
        Tokenizer tok("x = 1\ny = '\xff'\n", "prog.py");
        Token t;
        while (tok.next(t)) {
        }
        CHECK(tok.error().msg ==
              "Non-UTF-8 code starting with '\\xff' in file prog.py on line 2, but no encoding declared; "
              "see https://peps.python.org/pep-0263/ for details");
        CHECK(tok.error().lineno == 0);
    }
}

TEST_CASE("after a parser error, later lexical errors are found as CPython finds them", "[tokenizer]") {
    // Simulates pegen: the parser fails at the token on `fail_line` and asks
    // the tokenizer to check the rest of the source.
    auto check = [](std::string_view src, int fail_line, SyntaxErrorInfo& out) {
        Tokenizer tok(src);
        Token t;
        while (tok.next(t) && t.lineno < fail_line) {
        }
        REQUIRE_FALSE(tok.failed());
        return tok.tokenize_full_source_to_check_for_errors(t.lineno, out);
    };
    SyntaxErrorInfo e;
    SECTION("an error the tokenizer raises itself replaces the parser's") {
        REQUIRE(check("x = = 1\ny = \"abc\n", 1, e));
        CHECK(e.msg == "unterminated string literal (detected at line 2)");
        CHECK(e.lineno == 2);
    }
    SECTION("a bracket opened before the failing line replaces it") {
        REQUIRE(check("print(\"hi\"\nx = 1\n", 2, e));
        CHECK(e.msg == "'(' was never closed");
        CHECK(e.lineno == 1);
        CHECK(e.offset == 6);
        CHECK(e.end_offset == 0);
        CHECK(e.text == "print(\"hi\"");
    }
    SECTION("a bracket opened after the failing line does not") {
        CHECK_FALSE(check("x = = 1\ny = (\n", 1, e));
    }
    SECTION("errors pegen formats itself (here a bad dedent) do not") {
        CHECK_FALSE(check("x = = 1\nif y:\n  z\n w\n", 1, e));
    }
    SECTION("a clean rest of the source does not") {
        CHECK_FALSE(check("x = = 1\ny = 2\n", 1, e));
    }
}

TEST_CASE("error_line gives the text CPython attaches to a parser error", "[tokenizer]") {
    SECTION("the current line, with its newline, while the tokenizer is on it") {
        Tokenizer tok("x = 1 +\ny\n");
        Token t;
        for (int i = 0; i < 5; ++i) tok.next(t);
        CHECK(tok.error_line(1) == "x = 1 +\n");
    }
    SECTION("an earlier line, without its newline") {
        Tokenizer tok("x = (1 +\ny\n");
        Token t;
        while (tok.next(t) && t.lineno < 2) {
        }
        CHECK(tok.error_line(1) == "x = (1 +");
    }
    SECTION("all lines of a backslash-continued token") {
        Tokenizer tok("x = 1 + \\\n\n");
        Token t;
        while (tok.next(t) && t.kind != TokenKind::NEWLINE) {
        }
        CHECK(tok.error_line(2) == "x = 1 + \\\n\n");
    }
    SECTION("offsets convert from bytes to characters as pegen converts them") {
        CHECK(gp::byte_offset_to_character_offset("é = 1\n", 3) == 2);
        CHECK(gp::byte_offset_to_character_offset("é = 1\n", 2) == 1);
        CHECK(gp::byte_offset_to_character_offset("ab", 3) == 3);
        CHECK(gp::byte_offset_to_character_offset("ab", 9) == 3);
    }
}

TEST_CASE("a coding comment on line 1 or 2 names the codec of a file's bytes (PEP 263)", "[tokenizer]") {
    using gp::test::run;
    SECTION("latin-1 source runs as the text it encodes, and its lines show in tracebacks") {
        auto r = run("# -*- coding: latin-1 -*-\ns = 'caf\xe9'\nprint(s, len(s), ascii(s))\nraise ValueError(s)\n", "prog.py");
        CHECK(r.out == "caf\xc3\xa9 4 'caf\\xe9'\n");
        CHECK(r.err == "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n"
                       "    raise ValueError(s)\nValueError: caf\xc3\xa9\n");
    }
    SECTION("line 2 counts only after a comment line") {
        CHECK(run("#!/usr/bin/env python\n# vim: set fileencoding=latin_1 :\nprint('\xe9')\n", "prog.py").out == "\xc3\xa9\n");
        auto r = run("x = 1\n# coding: latin-1\ny = '\xe9'\n", "prog.py");
        CHECK(r.err == "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file prog.py on line 3, but no encoding "
                       "declared; see https://peps.python.org/pep-0263/ for details\n");
    }
    SECTION("codecs that do not exist or do not fit, and a BOM that disagrees") {
        CHECK(run("# coding: foo-bar\nx = 1\n", "prog.py").err == "SyntaxError: encoding problem: foo-bar\n");
        CHECK(run("# -*- coding: ascii -*-\nx = '\xc3\xa9'\n", "prog.py").err == "SyntaxError: encoding problem: ascii\n");
        CHECK(run("\xef\xbb\xbf# coding: latin-1\nx = 1\n", "prog.py").err ==
              "SyntaxError: encoding problem: iso-8859-1 with BOM\n");
        CHECK(run("\xef\xbb\xbf# coding: utf-8\nprint('ok')\n", "prog.py").out == "ok\n");
    }
    SECTION("bytes given to compile() and exec() follow their coding comment; str source ignores it") {
        auto r = run("exec(b\"# coding: latin-1\\nprint('\\xe9')\")\n"
                     "exec(\"# coding: latin-1\\nprint('\\xe9')\")\n"
                     "try:\n    compile(b'# coding: foo\\nx = 1\\n', 'f.py', 'exec')\n"
                     "except SyntaxError as e:\n    print(e.msg, e.filename, e.lineno)\n"
                     "try:\n    raise SyntaxError('bare')\nexcept SyntaxError as e:\n    print(e.filename, e.lineno)\n");
        CHECK(r.err == "");
        CHECK(r.out == "\xc3\xa9\n\xc3\xa9\nunknown encoding: foo f.py 0\nNone None\n");
    }
}
