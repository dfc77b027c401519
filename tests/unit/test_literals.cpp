// Tests for core/parser/literals: string and number literal values and the
// decode errors, each expected value checked against CPython 3.11.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "parser/literals.h"

using gp::NumberLiteral;
using gp::StringLiteral;
using gp::SyntaxErrorInfo;

namespace {

// The decoded value of a string literal written as in Python source.
std::string value(std::string_view literal) {
    StringLiteral lit;
    SyntaxErrorInfo err;
    INFO(literal);
    REQUIRE(gp::parse_string_literal(literal, lit, err));
    return lit.value;
}

// The message of the error a literal is rejected with.
std::string error(std::string_view literal) {
    StringLiteral lit;
    SyntaxErrorInfo err;
    INFO(literal);
    REQUIRE_FALSE(gp::parse_string_literal(literal, lit, err));
    CHECK(err.type == "SyntaxError");
    CHECK(err.lineno == 0);  // the parser supplies the location
    return err.msg;
}

NumberLiteral number(std::string_view text) {
    NumberLiteral n;
    INFO(text);
    REQUIRE(gp::parse_number_literal(text, n));
    return n;
}

double bits_to_double(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

}  // namespace

TEST_CASE("a string literal is split into prefix, quotes and body", "[literals]") {
    StringLiteral lit;
    SyntaxErrorInfo err;
    SECTION("plain") {
        REQUIRE(gp::parse_string_literal("'abc'", lit, err));
        CHECK(lit.kind == StringLiteral::Kind::Str);
        CHECK(lit.prefix.empty());
        CHECK(lit.quote == '\'');
        CHECK(lit.quote_size == 1);
        CHECK(lit.body == "abc");
        CHECK(lit.value == "abc");
        CHECK_FALSE(lit.raw);
        CHECK_FALSE(lit.u_prefix);
    }
    SECTION("triple-quoted, with quotes inside") {
        REQUIRE(gp::parse_string_literal("\"\"\"a\"b\"\"c\"\"\"", lit, err));
        CHECK(lit.quote_size == 3);
        CHECK(lit.body == "a\"b\"\"c");
    }
    SECTION("empty, single and triple") {
        CHECK(value("''") == "");
        CHECK(value("\"\"") == "");
        CHECK(value("''''''") == "");
        CHECK(value("\"\"\"\"\"\"") == "");
    }
    SECTION("u prefix is recorded") {
        REQUIRE(gp::parse_string_literal("U'x'", lit, err));
        CHECK(lit.u_prefix);
        CHECK(lit.prefix == "U");
        CHECK(lit.kind == StringLiteral::Kind::Str);
    }
    SECTION("bytes, raw and both") {
        REQUIRE(gp::parse_string_literal("Rb'\\n'", lit, err));
        CHECK(lit.kind == StringLiteral::Kind::Bytes);
        CHECK(lit.raw);
        CHECK(lit.value == "\\n");
    }
    SECTION("an f-string returns its raw body for the parser") {
        REQUIRE(gp::parse_string_literal("rf'''{x!r}\\n'''", lit, err));
        CHECK(lit.kind == StringLiteral::Kind::FString);
        CHECK(lit.raw);
        CHECK(lit.body == "{x!r}\\n");
        CHECK(lit.value.empty());
    }
    SECTION("text the tokenizer would not produce is refused") {
        CHECK_FALSE(gp::parse_string_literal("x'a'", lit, err));
        CHECK_FALSE(gp::parse_string_literal("'a\"", lit, err));
        CHECK_FALSE(gp::parse_string_literal("bf'a'", lit, err));
    }
}

TEST_CASE("str escapes decode as in CPython", "[literals]") {
    SECTION("single-character escapes") {
        CHECK(value(R"('\\ \' \" \a \b \f \n \r \t \v')") == "\\ ' \" \a \b \f \n \r \t \v");
    }
    SECTION("octal escapes take up to three digits and may exceed a byte") {
        CHECK(value(R"('\0\12\123\1234')") == std::string("\0\n", 2) + "S" + "S4");
        CHECK(value(R"('\777')") == "\u01FF");
        CHECK(value(R"('\400')") == "\u0100");
    }
    SECTION("hex and unicode escapes") {
        CHECK(value(R"('\x41\x4a\x4A')") == "AJJ");
        CHECK(value(R"('\u20ac\U0001F600')") == "€😀");
        CHECK(value(R"('\U0010FFFF\U00000000')") == std::string("\U0010FFFF") + std::string(1, '\0'));
    }
    SECTION("a lone surrogate is kept in generalized UTF-8") {
        CHECK(value(R"('\ud800')") == "\xED\xA0\x80");
    }
    SECTION("backslash-newline continues the line") {
        CHECK(value("'a\\\nb'") == "ab");
        CHECK(value("b'a\\\nb'") == "ab");
    }
    SECTION("unknown escapes are kept verbatim") {
        CHECK(value(R"('\d\8\9\ ')") == R"(\d\8\9\ )");
        CHECK(value(R"('\é')") == R"(\é)");
        CHECK(value(R"('\\é')") == R"(\é)");
    }
    SECTION("non-ASCII characters pass through around escapes") {
        CHECK(value(R"('€\x41é\n😀')") == "€Aé\n😀");
    }
    SECTION("raw strings keep backslashes") {
        CHECK(value(R"(r'\n\x\N{')") == R"(\n\x\N{)");
        CHECK(value(R"(R'\'')") == R"(\')");
    }
}

TEST_CASE("\\N{name} knows common names, aliases and algorithmic names", "[literals]") {
    SECTION("names from the table, in any case") {
        CHECK(value(R"('\N{LATIN SMALL LETTER E WITH ACUTE}')") == "é");
        CHECK(value(R"('\N{latin small letter a}\N{Digit Zero}\N{SPACE}')") == "a0 ");
        CHECK(value(R"('\N{GREEK SMALL LETTER PI}\N{EURO SIGN}\N{SNAKE}')") == "π€🐍");
        CHECK(value(R"('\N{BELL}\N{ALERT}')") == "🔔\a");
    }
    SECTION("aliases") {
        CHECK(value(R"('\N{NULL}\N{LF}\N{LINE FEED}\N{TAB}')") == std::string("\0\n\n\t", 4));
        CHECK(value(R"('\N{NBSP}\N{nbsp}\N{SHY}\N{BOM}')") == "\u00A0\u00A0\u00AD\uFEFF");
    }
    SECTION("CJK unified ideographs, matched case-sensitively") {
        CHECK(value(R"('\N{CJK UNIFIED IDEOGRAPH-4E00}')") == "\u4E00");
        CHECK(value(R"('\N{CJK UNIFIED IDEOGRAPH-2A6DF}')") == "\U0002A6DF");
        CHECK(error(R"('\N{cjk unified ideograph-4e00}')") ==
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name");
        CHECK(error(R"('\N{CJK UNIFIED IDEOGRAPH-A000}')") ==
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name");
    }
    SECTION("Hangul syllables, built from jamo names") {
        CHECK(value(R"('\N{HANGUL SYLLABLE GA}')") == "\uAC00");
        CHECK(value(R"('\N{HANGUL SYLLABLE GAGG}')") == "\uAC02");
        CHECK(value(R"('\N{HANGUL SYLLABLE GGAGG}')") == "\uAE4E");
        CHECK(value(R"('\N{HANGUL SYLLABLE A}')") == "\uC544");
        CHECK(error(R"('\N{HANGUL SYLLABLE GX}')") ==
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-21: unknown Unicode character name");
    }
}

TEST_CASE("str decode errors match CPython's messages and positions", "[literals]") {
    const std::string p = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
    CHECK(error(R"("\x4")") == p + "0-2: truncated \\xXX escape");
    CHECK(error(R"("ab\x")") == p + "2-3: truncated \\xXX escape");
    CHECK(error(R"("\xg0")") == p + "0-1: truncated \\xXX escape");
    CHECK(error(R"("\u12")") == p + "0-3: truncated \\uXXXX escape");
    CHECK(error(R"("\u123g")") == p + "0-4: truncated \\uXXXX escape");
    CHECK(error(R"("\U1234567")") == p + "0-8: truncated \\UXXXXXXXX escape");
    CHECK(error(R"("\U0011ffff")") == p + "0-9: illegal Unicode character");
    CHECK(error(R"("\U00110000")") == p + "0-9: illegal Unicode character");
    CHECK(error(R"("\N{FOO}")") == p + "0-6: unknown Unicode character name");
    CHECK(error(R"("\N{LATIN SMALL LETTER A }")") == p + "0-24: unknown Unicode character name");
    CHECK(error(R"("\N{")") == p + "0-2: malformed \\N character escape");
    CHECK(error(R"("\N")") == p + "0-1: malformed \\N character escape");
    CHECK(error(R"("\Nx")") == p + "0-1: malformed \\N character escape");
    CHECK(error(R"("a\N{}")") == p + "1-3: malformed \\N character escape");
    CHECK(error(R"("ab\N{FOO")") == p + "2-7: malformed \\N character escape");
    CHECK(error(R"("\\\x1")") == p + "2-4: truncated \\xXX escape");
    CHECK(error("\"a\\\nb\\x\"") == p + "4-5: truncated \\xXX escape");
    SECTION("positions count each non-ASCII character as its 10-byte \\U escape") {
        CHECK(error(R"("é\x1")") == p + "10-12: truncated \\xXX escape");
        CHECK(error(R"("😀\xz")") == p + "10-11: truncated \\xXX escape");
        CHECK(error(R"("éé\N{")") == p + "20-22: malformed \\N character escape");
        CHECK(error(R"("é\N{FOO}")") == p + "10-16: unknown Unicode character name");
    }
    SECTION("decode_unicode_escapes decodes an f-string's literal piece the same way") {
        std::string out;
        SyntaxErrorInfo err;
        CHECK(gp::decode_unicode_escapes("a\\tb\\N{EM DASH}", out, err));
        CHECK(out == "a\tb—");
        CHECK_FALSE(gp::decode_unicode_escapes("ab\\x", out, err));
        CHECK(err.msg == p + "2-3: truncated \\xXX escape");
    }
}

TEST_CASE("bytes literals decode their own escapes", "[literals]") {
    CHECK(value(R"(b'\x41\x4a\x4A\n\t\\\'\0\12\101')") == std::string("AJJ\n\t\\'\0\nA", 10));
    SECTION("an octal escape keeps its low byte") {
        CHECK(value(R"(b'\777\400')") == std::string("\xFF\0", 2));
    }
    SECTION("\\u, \\U and \\N are not bytes escapes") {
        CHECK(value(R"(b'\u1234\U00012345\N{x}')") == R"(\u1234\U00012345\N{x})");
    }
    SECTION("non-ASCII characters are an error, raw or not") {
        CHECK(error("b'é'") == "bytes can only contain ASCII literal characters");
        CHECK(error("rb'\\é'") == "bytes can only contain ASCII literal characters");
    }
    SECTION("a bad \\x escape is a value error naming its position") {
        CHECK(error(R"(b"\x4g")") == "(value error) invalid \\x escape at position 0");
        CHECK(error(R"(b"ab\x4")") == "(value error) invalid \\x escape at position 2");
        CHECK(error(R"(b"\x")") == "(value error) invalid \\x escape at position 0");
    }
}

TEST_CASE("integer literals give their base and digits", "[literals]") {
    auto check_int = [](std::string_view text, int base, const char* digits) {
        NumberLiteral n = number(text);
        CHECK(n.kind == NumberLiteral::Kind::Int);
        CHECK(n.base == base);
        CHECK(n.digits == digits);
    };
    check_int("0", 10, "0");
    check_int("00", 10, "0");
    check_int("0_0", 10, "0");
    check_int("7", 10, "7");
    check_int("1_000_000", 10, "1000000");
    check_int("123456789012345678901234567890", 10, "123456789012345678901234567890");
    check_int("0x_FF", 16, "ff");
    check_int("0XdeadBEEF", 16, "deadbeef");
    check_int("0x0", 16, "0");
    check_int("0o17", 8, "17");
    check_int("0O_0_7", 8, "7");
    check_int("0b1010", 2, "1010");
    check_int("0B_0001", 2, "1");
}

TEST_CASE("float and imaginary literals are correctly rounded", "[literals]") {
    auto check_float = [](std::string_view text, double expected) {
        NumberLiteral n = number(text);
        CHECK(n.kind == NumberLiteral::Kind::Float);
        CHECK(n.value == expected);
    };
    check_float("1.5", 1.5);
    check_float("1.", 1.0);
    check_float(".5", 0.5);
    check_float("007.5", 7.5);
    check_float("1_0.0_1e+1_0", 10.01e10);
    check_float("1E-5", 1e-5);
    check_float("0.1", 0.1);
    check_float("0e0", 0.0);
    SECTION("halfway and boundary cases, bit for bit as CPython") {
        check_float("9007199254740993.0", 9007199254740992.0);         // ties to even
        check_float("2.2250738585072011e-308", bits_to_double(0x000FFFFFFFFFFFFFull));
        check_float("4.9e-324", bits_to_double(1));                    // smallest subnormal
        check_float("1.7976931348623157e308", bits_to_double(0x7FEFFFFFFFFFFFFFull));
        check_float("3.141592653589793238462643383279", 3.141592653589793);
    }
    SECTION("out of range: inf and zero, as CPython") {
        CHECK(std::isinf(number("1e400").value));
        CHECK(std::isinf(number("1.7976931348623159e308").value));
        CHECK(number("1e-400").value == 0.0);
    }
    SECTION("imaginary literals give the imaginary part") {
        for (auto [text, v] : {std::pair{"1j", 1.0}, {"1J", 1.0}, {"0j", 0.0}, {"09j", 9.0}, {"1.5j", 1.5},
                               {"1e3j", 1000.0}, {".5j", 0.5}, {"1_0j", 10.0}}) {
            NumberLiteral n = number(text);
            CHECK(n.kind == NumberLiteral::Kind::Imaginary);
            CHECK(n.value == v);
        }
    }
    SECTION("text the tokenizer would not produce is refused") {
        NumberLiteral n;
        CHECK_FALSE(gp::parse_number_literal("0x", n));
        CHECK_FALSE(gp::parse_number_literal("0b2", n));
        CHECK_FALSE(gp::parse_number_literal("1e", n));
        CHECK_FALSE(gp::parse_number_literal("", n));
    }
}
