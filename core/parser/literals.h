// literals.h — from the text of a STRING or NUMBER token to its value.
//
// The tokenizer only finds where a literal ends; these helpers, used by the
// parser's actions, work out what it means. They mirror CPython 3.11's
// Parser/string_parser.c (_PyPegen_parsestr, decode_unicode_with_escapes,
// decode_bytes_with_escapes, with the unicode-escape codec of
// Objects/unicodeobject.c and _PyBytes_DecodeEscape of Objects/bytesobject.c)
// and the number half of Parser/pegen.c (parsenumber).
#pragma once

#include <string>
#include <string_view>

#include "parser/tokenizer.h"  // SyntaxErrorInfo

namespace gp {

struct StringLiteral {
    enum class Kind : unsigned char { Str, Bytes, FString };
    Kind kind = Kind::Str;
    bool raw = false;          // r/R prefix: backslashes are not escapes
    bool u_prefix = false;     // u/U prefix (ast.Constant.kind is 'u')
    int quote_size = 1;        // 1 for '...', 3 for '''...'''
    char quote = '\'';         // ' or "
    std::string_view prefix;   // the letters before the quote, as written ("Rb", "f", "")
    std::string_view body;     // between the quotes, exactly as in the source
    std::string value;         // Str: the value as UTF-8 (a lone surrogate from
                               //   "\ud800" is kept as its 3-byte generalized UTF-8
                               //   form, ED A0 80, the "surrogatepass" way);
                               // Bytes: the bytes; FString: empty — the parser splits
                               //   `body` into literal parts (decode_string_body) and
                               //   expressions itself, as 3.11's fstring_parser does
    std::string invalid_escape;  // the first deprecated escape after its backslash
                                 //   ("d" for \d, "777" for \777), empty if none
};

// Splits a STRING token (prefix, quotes, body), classifies it, and decodes the
// escapes of a non-f-string. On failure fills err.type and err.msg with
// CPython's message and leaves the location to the caller, because CPython
// does not point at the literal itself:
//  - "bytes can only contain ASCII literal characters": the STRING token's
//    range (RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, ...)).
//  - "(unicode error) 'unicodeescape' codec can't decode bytes in position
//    0-1: truncated \xXX escape" and "(value error) invalid \x escape at
//    position 0": pegen's RAISE_SYNTAX_ERROR, i.e. the last token the parser
//    had fetched when it built the string (often the NEWLINE after it).
// Invalid escapes such as "\d" (and octal escapes above \377) are kept
// verbatim; the first one is noted in out.invalid_escape, for the parser's
// DeprecationWarning.
bool parse_string_literal(std::string_view token_text, StringLiteral& out, SyntaxErrorInfo& err);

// Decodes the backslash escapes of `body` (a string body, or a literal piece
// of an f-string) into `out`, as CPython decodes a str (is_bytes false: the
// result is UTF-8) or bytes (is_bytes true: `body` must be ASCII) literal.
// With raw set, `out` is `body` unchanged. Errors as for parse_string_literal.
//
// \N{name} knows every name of the Unicode database (objects/unicode_data.h)
// and, from a small table here, the usual aliases of control characters
// ("NULL", "LINE FEED", "LF", "NBSP", ...). Any other name is CPython's
// "unknown Unicode character name" error.
// *invalid_escape (if given and still empty) receives the first deprecated
// escape, as StringLiteral::invalid_escape.
bool decode_string_body(std::string_view body, bool is_bytes, bool raw, std::string& out,
                        SyntaxErrorInfo& err, std::string* invalid_escape = nullptr);

// decode_string_body for a non-raw str: the name pegen's f-string code uses
// (CPython's decode_unicode_with_escapes) for the literal parts of an f-string.
bool decode_unicode_escapes(std::string_view body, std::string& out, SyntaxErrorInfo& err);

// The code point \N{name} stands for (names and the aliases above).
bool literal_lookup_name(std::string_view name, std::uint32_t& code);

struct NumberLiteral {
    enum class Kind : unsigned char { Int, Float, Imaginary };
    Kind kind = Kind::Int;
    int base = 10;        // Int: 2, 8, 10 or 16
    std::string digits;   // Int: the digits in `base`, lowercase, without prefix,
                          //   underscores or leading zeros ("0" for zero)
    double value = 0.0;   // Float: the value; Imaginary: the imaginary part.
                          //   Correctly rounded, as CPython's float(); too large
                          //   a literal is inf, as in CPython.
};

// Classifies the text of a NUMBER token and extracts its value. Returns false
// only for text the tokenizer would not have produced.
//
// Not done here: CPython 3.11 refuses decimal int literals of more than 4300
// digits ("Exceeds the limit (4300 digits) for integer string conversion:
// value has N digits; use sys.set_int_max_str_digits() to increase the limit
// - Consider hexadecimal for huge integer literals to avoid decimal
// conversion limits."); that limit belongs to the int object code.
bool parse_number_literal(std::string_view text, NumberLiteral& out);

}  // namespace gp
