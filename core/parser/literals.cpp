// literals.cpp — the values of string and number literals.
//
// Mirrors CPython 3.11's Parser/string_parser.c for strings and the number
// branch of Parser/pegen.c. The tokenizer has already checked the shape of
// every literal (matching quotes, legal prefix, well-formed number), so the
// work left is decoding.
//
// A str literal with escapes is decoded in CPython in two steps, and we keep
// both because the error messages reveal them. decode_unicode_with_escapes
// first rewrites the body into pure ASCII: every non-ASCII character becomes
// a ten-byte "\U0000XXXX" escape, and a backslash just before a non-ASCII
// character (or at the very end) becomes "\u005c". Then the "unicode_escape"
// codec decodes that ASCII text. So the positions in "(unicode error)
// 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX
// escape" count bytes of the rewritten text, not of the source: "é\x1" puts
// the backslash at position 10. unicode_escape_decode() below is a port of
// the codec (_PyUnicode_DecodeUnicodeEscapeInternal) and reports the same
// positions.
//
// A bytes literal must be ASCII in the source; its escapes are decoded by
// _PyBytes_DecodeEscape, which knows no \u, \U or \N (those stay verbatim)
// and keeps only the low 8 bits of an octal escape such as \777.
//
// Numbers: the tokenizer guarantees the syntax, so an int is just its digits
// and base (the arbitrary-precision int code builds the value), and a float
// is strtod() of the text without underscores — correctly rounded in glibc
// and in musl (Emscripten), as CPython's own dtoa.c is. The C library is
// left in the "C" locale (core never calls setlocale), so '.' is the point.

#include "parser/literals.h"
#include "objects/unicode_data.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace gp {

namespace {

constexpr std::uint32_t kMaxUnicode = 0x10FFFF;

int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// UTF-8 for any code point up to U+10FFFF, surrogates included.
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes one code point of UTF-8 at s[i], advancing i; a malformed byte
// decodes as U+FFFD (the tokenizer has validated real source already).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra < 0 || i + extra > s.size()) return 0xFFFD;
    std::uint32_t cp = b & (0x3F >> extra);
    while (extra--) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

void set_error(SyntaxErrorInfo& err, std::string msg) {
    err = SyntaxErrorInfo{};
    err.msg = std::move(msg);
}

// "(unicode error) " + str(UnicodeDecodeError), as pegen's raise_decode_error
// words it. [start, end) is the rejected range of the codec's input.
void unicode_error(SyntaxErrorInfo& err, const std::string& input, std::size_t start, std::size_t end,
                   const char* reason) {
    char buf[200];
    if (end == start + 1) {
        std::snprintf(buf, sizeof buf,
                      "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in position %zu: %s",
                      static_cast<unsigned char>(input[start]), start, reason);
    } else {
        std::snprintf(buf, sizeof buf,
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                      start, end - 1, reason);
    }
    set_error(err, buf);
}

// ---------------------------------------------------------------------------
// \N{name}: a subset of the Unicode name database (see literals.h)

struct NamedChar {
    const char* name;
    std::uint32_t code;
};

// Sorted by name (strcmp order) for binary search. Generated with CPython
// 3.11's unicodedata: unicodedata.name() of U+0020..U+007E, U+00A0..U+00FF,
// U+0391..U+03A9 and U+03B1..U+03C9, plus the listed symbols and aliases via
// unicodedata.lookup().
constexpr NamedChar kNamedChars[] = {
    {"ACK", 0x6}, {"ACKNOWLEDGE", 0x6}, {"ACUTE ACCENT", 0xB4}, {"ALERT", 0x7},
    {"ALMOST EQUAL TO", 0x2248}, {"AMPERSAND", 0x26}, {"APOSTROPHE", 0x27}, {"ASTERISK", 0x2A},
    {"BACKSPACE", 0x8}, {"BALLOT X", 0x2717}, {"BEL", 0x7}, {"BELL", 0x1F514},
    {"BITCOIN SIGN", 0x20BF}, {"BLACK CIRCLE", 0x25CF}, {"BLACK CLUB SUIT", 0x2663},
    {"BLACK DIAMOND SUIT", 0x2666}, {"BLACK DOWN-POINTING TRIANGLE", 0x25BC},
    {"BLACK HEART SUIT", 0x2665}, {"BLACK LARGE SQUARE", 0x2B1B}, {"BLACK SPADE SUIT", 0x2660},
    {"BLACK SQUARE", 0x25A0}, {"BLACK STAR", 0x2605}, {"BLACK UP-POINTING TRIANGLE", 0x25B2},
    {"BOM", 0xFEFF}, {"BRAIN", 0x1F9E0}, {"BROKEN BAR", 0xA6}, {"BS", 0x8}, {"BUG", 0x1F41B},
    {"BULLET", 0x2022}, {"BYTE ORDER MARK", 0xFEFF}, {"CAN", 0x18}, {"CANCEL", 0x18},
    {"CARRIAGE RETURN", 0xD}, {"CEDILLA", 0xB8}, {"CENT SIGN", 0xA2}, {"CHARACTER TABULATION", 0x9},
    {"CHECK MARK", 0x2713}, {"CIRCLED PLUS", 0x2295}, {"CIRCLED TIMES", 0x2297},
    {"CIRCUMFLEX ACCENT", 0x5E}, {"CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900},
    {"CLAPPING HANDS SIGN", 0x1F44F}, {"COLON", 0x3A}, {"COMMA", 0x2C}, {"COMMERCIAL AT", 0x40},
    {"COPYRIGHT SIGN", 0xA9}, {"CR", 0xD}, {"CROSS MARK", 0x274C}, {"CURRENCY SIGN", 0xA4},
    {"DAGGER", 0x2020}, {"DATA LINK ESCAPE", 0x10}, {"DC1", 0x11}, {"DC2", 0x12}, {"DC3", 0x13},
    {"DC4", 0x14}, {"DEGREE CELSIUS", 0x2103}, {"DEGREE FAHRENHEIT", 0x2109}, {"DEGREE SIGN", 0xB0},
    {"DEL", 0x7F}, {"DELETE", 0x7F}, {"DEVICE CONTROL FOUR", 0x14}, {"DEVICE CONTROL ONE", 0x11},
    {"DEVICE CONTROL THREE", 0x13}, {"DEVICE CONTROL TWO", 0x12}, {"DIAERESIS", 0xA8},
    {"DIGIT EIGHT", 0x38}, {"DIGIT FIVE", 0x35}, {"DIGIT FOUR", 0x34}, {"DIGIT NINE", 0x39},
    {"DIGIT ONE", 0x31}, {"DIGIT SEVEN", 0x37}, {"DIGIT SIX", 0x36}, {"DIGIT THREE", 0x33},
    {"DIGIT TWO", 0x32}, {"DIGIT ZERO", 0x30}, {"DIVISION SIGN", 0xF7}, {"DLE", 0x10},
    {"DOLLAR SIGN", 0x24}, {"DOUBLE DAGGER", 0x2021}, {"DOUBLE PRIME", 0x2033},
    {"DOWNWARDS ARROW", 0x2193}, {"EARTH GLOBE EUROPE-AFRICA", 0x1F30D}, {"ELEMENT OF", 0x2208},
    {"EM DASH", 0x2014}, {"EMPTY SET", 0x2205}, {"EN DASH", 0x2013}, {"END OF LINE", 0xA},
    {"END OF MEDIUM", 0x19}, {"END OF TEXT", 0x3}, {"END OF TRANSMISSION", 0x4},
    {"END OF TRANSMISSION BLOCK", 0x17}, {"ENQ", 0x5}, {"ENQUIRY", 0x5}, {"EOL", 0xA},
    {"EOM", 0x19}, {"EOT", 0x4}, {"EQUALS SIGN", 0x3D}, {"ESC", 0x1B}, {"ESCAPE", 0x1B},
    {"ETB", 0x17}, {"ETX", 0x3}, {"EURO SIGN", 0x20AC}, {"EXCLAMATION MARK", 0x21},
    {"FACE WITH TEARS OF JOY", 0x1F602}, {"FEMININE ORDINAL INDICATOR", 0xAA}, {"FF", 0xC},
    {"FILE SEPARATOR", 0x1C}, {"FIRE", 0x1F525}, {"FOR ALL", 0x2200}, {"FORM FEED", 0xC},
    {"FS", 0x1C}, {"FULL STOP", 0x2E}, {"GRAVE ACCENT", 0x60}, {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"GREATER-THAN SIGN", 0x3E}, {"GREEK CAPITAL LETTER ALPHA", 0x391},
    {"GREEK CAPITAL LETTER BETA", 0x392}, {"GREEK CAPITAL LETTER CHI", 0x3A7},
    {"GREEK CAPITAL LETTER DELTA", 0x394}, {"GREEK CAPITAL LETTER EPSILON", 0x395},
    {"GREEK CAPITAL LETTER ETA", 0x397}, {"GREEK CAPITAL LETTER GAMMA", 0x393},
    {"GREEK CAPITAL LETTER IOTA", 0x399}, {"GREEK CAPITAL LETTER KAPPA", 0x39A},
    {"GREEK CAPITAL LETTER LAMDA", 0x39B}, {"GREEK CAPITAL LETTER MU", 0x39C},
    {"GREEK CAPITAL LETTER NU", 0x39D}, {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
    {"GREEK CAPITAL LETTER OMICRON", 0x39F}, {"GREEK CAPITAL LETTER PHI", 0x3A6},
    {"GREEK CAPITAL LETTER PI", 0x3A0}, {"GREEK CAPITAL LETTER PSI", 0x3A8},
    {"GREEK CAPITAL LETTER RHO", 0x3A1}, {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
    {"GREEK CAPITAL LETTER TAU", 0x3A4}, {"GREEK CAPITAL LETTER THETA", 0x398},
    {"GREEK CAPITAL LETTER UPSILON", 0x3A5}, {"GREEK CAPITAL LETTER XI", 0x39E},
    {"GREEK CAPITAL LETTER ZETA", 0x396}, {"GREEK SMALL LETTER ALPHA", 0x3B1},
    {"GREEK SMALL LETTER BETA", 0x3B2}, {"GREEK SMALL LETTER CHI", 0x3C7},
    {"GREEK SMALL LETTER DELTA", 0x3B4}, {"GREEK SMALL LETTER EPSILON", 0x3B5},
    {"GREEK SMALL LETTER ETA", 0x3B7}, {"GREEK SMALL LETTER FINAL SIGMA", 0x3C2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER IOTA", 0x3B9},
    {"GREEK SMALL LETTER KAPPA", 0x3BA}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER NU", 0x3BD},
    {"GREEK SMALL LETTER OMEGA", 0x3C9}, {"GREEK SMALL LETTER OMICRON", 0x3BF},
    {"GREEK SMALL LETTER PHI", 0x3C6}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER PSI", 0x3C8}, {"GREEK SMALL LETTER RHO", 0x3C1},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK SMALL LETTER TAU", 0x3C4},
    {"GREEK SMALL LETTER THETA", 0x3B8}, {"GREEK SMALL LETTER UPSILON", 0x3C5},
    {"GREEK SMALL LETTER XI", 0x3BE}, {"GREEK SMALL LETTER ZETA", 0x3B6},
    {"GRINNING FACE", 0x1F600}, {"GROUP SEPARATOR", 0x1D}, {"GS", 0x1D},
    {"HEAVY BLACK HEART", 0x2764}, {"HEAVY CHECK MARK", 0x2714}, {"HIGH VOLTAGE SIGN", 0x26A1},
    {"HORIZONTAL BAR", 0x2015}, {"HORIZONTAL ELLIPSIS", 0x2026}, {"HORIZONTAL TABULATION", 0x9},
    {"HOT BEVERAGE", 0x2615}, {"HOURGLASS", 0x231B}, {"HT", 0x9}, {"HYPHEN-MINUS", 0x2D},
    {"IDENTICAL TO", 0x2261}, {"IDEOGRAPHIC SPACE", 0x3000}, {"INDIAN RUPEE SIGN", 0x20B9},
    {"INFINITY", 0x221E}, {"INFORMATION SEPARATOR FOUR", 0x1C}, {"INFORMATION SEPARATOR ONE", 0x1F},
    {"INFORMATION SEPARATOR THREE", 0x1D}, {"INFORMATION SEPARATOR TWO", 0x1E},
    {"INTEGRAL", 0x222B}, {"INTERSECTION", 0x2229}, {"INVERTED EXCLAMATION MARK", 0xA1},
    {"INVERTED QUESTION MARK", 0xBF}, {"LADY BEETLE", 0x1F41E}, {"LARGE RED CIRCLE", 0x1F534},
    {"LATIN CAPITAL LETTER A", 0x41}, {"LATIN CAPITAL LETTER A WITH ACUTE", 0xC1},
    {"LATIN CAPITAL LETTER A WITH CIRCUMFLEX", 0xC2},
    {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4}, {"LATIN CAPITAL LETTER A WITH GRAVE", 0xC0},
    {"LATIN CAPITAL LETTER A WITH RING ABOVE", 0xC5}, {"LATIN CAPITAL LETTER A WITH TILDE", 0xC3},
    {"LATIN CAPITAL LETTER AE", 0xC6}, {"LATIN CAPITAL LETTER B", 0x42},
    {"LATIN CAPITAL LETTER C", 0x43}, {"LATIN CAPITAL LETTER C WITH CEDILLA", 0xC7},
    {"LATIN CAPITAL LETTER D", 0x44}, {"LATIN CAPITAL LETTER E", 0x45},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"LATIN CAPITAL LETTER E WITH CIRCUMFLEX", 0xCA},
    {"LATIN CAPITAL LETTER E WITH DIAERESIS", 0xCB}, {"LATIN CAPITAL LETTER E WITH GRAVE", 0xC8},
    {"LATIN CAPITAL LETTER ETH", 0xD0}, {"LATIN CAPITAL LETTER F", 0x46},
    {"LATIN CAPITAL LETTER G", 0x47}, {"LATIN CAPITAL LETTER H", 0x48},
    {"LATIN CAPITAL LETTER I", 0x49}, {"LATIN CAPITAL LETTER I WITH ACUTE", 0xCD},
    {"LATIN CAPITAL LETTER I WITH CIRCUMFLEX", 0xCE},
    {"LATIN CAPITAL LETTER I WITH DIAERESIS", 0xCF}, {"LATIN CAPITAL LETTER I WITH GRAVE", 0xCC},
    {"LATIN CAPITAL LETTER J", 0x4A}, {"LATIN CAPITAL LETTER K", 0x4B},
    {"LATIN CAPITAL LETTER L", 0x4C}, {"LATIN CAPITAL LETTER M", 0x4D},
    {"LATIN CAPITAL LETTER N", 0x4E}, {"LATIN CAPITAL LETTER N WITH TILDE", 0xD1},
    {"LATIN CAPITAL LETTER O", 0x4F}, {"LATIN CAPITAL LETTER O WITH ACUTE", 0xD3},
    {"LATIN CAPITAL LETTER O WITH CIRCUMFLEX", 0xD4},
    {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0xD6}, {"LATIN CAPITAL LETTER O WITH GRAVE", 0xD2},
    {"LATIN CAPITAL LETTER O WITH STROKE", 0xD8}, {"LATIN CAPITAL LETTER O WITH TILDE", 0xD5},
    {"LATIN CAPITAL LETTER P", 0x50}, {"LATIN CAPITAL LETTER Q", 0x51},
    {"LATIN CAPITAL LETTER R", 0x52}, {"LATIN CAPITAL LETTER S", 0x53},
    {"LATIN CAPITAL LETTER T", 0x54}, {"LATIN CAPITAL LETTER THORN", 0xDE},
    {"LATIN CAPITAL LETTER U", 0x55}, {"LATIN CAPITAL LETTER U WITH ACUTE", 0xDA},
    {"LATIN CAPITAL LETTER U WITH CIRCUMFLEX", 0xDB},
    {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0xDC}, {"LATIN CAPITAL LETTER U WITH GRAVE", 0xD9},
    {"LATIN CAPITAL LETTER V", 0x56}, {"LATIN CAPITAL LETTER W", 0x57},
    {"LATIN CAPITAL LETTER X", 0x58}, {"LATIN CAPITAL LETTER Y", 0x59},
    {"LATIN CAPITAL LETTER Y WITH ACUTE", 0xDD}, {"LATIN CAPITAL LETTER Z", 0x5A},
    {"LATIN SMALL LETTER A", 0x61}, {"LATIN SMALL LETTER A WITH ACUTE", 0xE1},
    {"LATIN SMALL LETTER A WITH CIRCUMFLEX", 0xE2}, {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4},
    {"LATIN SMALL LETTER A WITH GRAVE", 0xE0}, {"LATIN SMALL LETTER A WITH RING ABOVE", 0xE5},
    {"LATIN SMALL LETTER A WITH TILDE", 0xE3}, {"LATIN SMALL LETTER AE", 0xE6},
    {"LATIN SMALL LETTER B", 0x62}, {"LATIN SMALL LETTER C", 0x63},
    {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7}, {"LATIN SMALL LETTER D", 0x64},
    {"LATIN SMALL LETTER E", 0x65}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER E WITH CIRCUMFLEX", 0xEA}, {"LATIN SMALL LETTER E WITH DIAERESIS", 0xEB},
    {"LATIN SMALL LETTER E WITH GRAVE", 0xE8}, {"LATIN SMALL LETTER ETH", 0xF0},
    {"LATIN SMALL LETTER F", 0x66}, {"LATIN SMALL LETTER G", 0x67}, {"LATIN SMALL LETTER H", 0x68},
    {"LATIN SMALL LETTER I", 0x69}, {"LATIN SMALL LETTER I WITH ACUTE", 0xED},
    {"LATIN SMALL LETTER I WITH CIRCUMFLEX", 0xEE}, {"LATIN SMALL LETTER I WITH DIAERESIS", 0xEF},
    {"LATIN SMALL LETTER I WITH GRAVE", 0xEC}, {"LATIN SMALL LETTER J", 0x6A},
    {"LATIN SMALL LETTER K", 0x6B}, {"LATIN SMALL LETTER L", 0x6C}, {"LATIN SMALL LETTER M", 0x6D},
    {"LATIN SMALL LETTER N", 0x6E}, {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
    {"LATIN SMALL LETTER O", 0x6F}, {"LATIN SMALL LETTER O WITH ACUTE", 0xF3},
    {"LATIN SMALL LETTER O WITH CIRCUMFLEX", 0xF4}, {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6},
    {"LATIN SMALL LETTER O WITH GRAVE", 0xF2}, {"LATIN SMALL LETTER O WITH STROKE", 0xF8},
    {"LATIN SMALL LETTER O WITH TILDE", 0xF5}, {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71}, {"LATIN SMALL LETTER R", 0x72}, {"LATIN SMALL LETTER S", 0x73},
    {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER T", 0x74},
    {"LATIN SMALL LETTER THORN", 0xFE}, {"LATIN SMALL LETTER U", 0x75},
    {"LATIN SMALL LETTER U WITH ACUTE", 0xFA}, {"LATIN SMALL LETTER U WITH CIRCUMFLEX", 0xFB},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC}, {"LATIN SMALL LETTER U WITH GRAVE", 0xF9},
    {"LATIN SMALL LETTER V", 0x76}, {"LATIN SMALL LETTER W", 0x77}, {"LATIN SMALL LETTER X", 0x78},
    {"LATIN SMALL LETTER Y", 0x79}, {"LATIN SMALL LETTER Y WITH ACUTE", 0xFD},
    {"LATIN SMALL LETTER Y WITH DIAERESIS", 0xFF}, {"LATIN SMALL LETTER Z", 0x7A},
    {"LEFT CURLY BRACKET", 0x7B}, {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"LEFT PARENTHESIS", 0x28}, {"LEFT RIGHT ARROW", 0x2194}, {"LEFT RIGHT DOUBLE ARROW", 0x21D4},
    {"LEFT SINGLE QUOTATION MARK", 0x2018}, {"LEFT SQUARE BRACKET", 0x5B},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB}, {"LEFTWARDS ARROW", 0x2190},
    {"LESS-THAN OR EQUAL TO", 0x2264}, {"LESS-THAN SIGN", 0x3C}, {"LF", 0xA}, {"LINE FEED", 0xA},
    {"LINE SEPARATOR", 0x2028}, {"LINE TABULATION", 0xB}, {"LOGICAL AND", 0x2227},
    {"LOGICAL OR", 0x2228}, {"LOW LINE", 0x5F}, {"MACRON", 0xAF},
    {"MASCULINE ORDINAL INDICATOR", 0xBA}, {"MICRO SIGN", 0xB5}, {"MIDDLE DOT", 0xB7},
    {"MINUS SIGN", 0x2212}, {"MULTIPLICATION SIGN", 0xD7}, {"N-ARY PRODUCT", 0x220F},
    {"N-ARY SUMMATION", 0x2211}, {"NABLA", 0x2207}, {"NAK", 0x15},
    {"NARROW NO-BREAK SPACE", 0x202F}, {"NBSP", 0xA0}, {"NEGATIVE ACKNOWLEDGE", 0x15},
    {"NEL", 0x85}, {"NEW LINE", 0xA}, {"NEXT LINE", 0x85}, {"NL", 0xA}, {"NNBSP", 0x202F},
    {"NO-BREAK SPACE", 0xA0}, {"NOT AN ELEMENT OF", 0x2209}, {"NOT EQUAL TO", 0x2260},
    {"NOT SIGN", 0xAC}, {"NUL", 0x0}, {"NULL", 0x0}, {"NUMBER SIGN", 0x23}, {"NUMERO SIGN", 0x2116},
    {"OBJECT REPLACEMENT CHARACTER", 0xFFFC}, {"OHM SIGN", 0x2126}, {"PARAGRAPH SEPARATOR", 0x2029},
    {"PARTIAL DIFFERENTIAL", 0x2202}, {"PARTY POPPER", 0x1F389}, {"PER MILLE SIGN", 0x2030},
    {"PERCENT SIGN", 0x25}, {"PILCROW SIGN", 0xB6}, {"PILE OF POO", 0x1F4A9}, {"PLUS SIGN", 0x2B},
    {"PLUS-MINUS SIGN", 0xB1}, {"POUND SIGN", 0xA3}, {"PRIME", 0x2032}, {"QUESTION MARK", 0x3F},
    {"QUOTATION MARK", 0x22}, {"RECORD SEPARATOR", 0x1E}, {"RED APPLE", 0x1F34E},
    {"REGISTERED SIGN", 0xAE}, {"REPLACEMENT CHARACTER", 0xFFFD}, {"REVERSE SOLIDUS", 0x5C},
    {"RIGHT CURLY BRACKET", 0x7D}, {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"RIGHT PARENTHESIS", 0x29}, {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"RIGHT SQUARE BRACKET", 0x5D}, {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"RIGHTWARDS ARROW", 0x2192}, {"RIGHTWARDS DOUBLE ARROW", 0x21D2}, {"ROCKET", 0x1F680},
    {"RS", 0x1E}, {"SECTION SIGN", 0xA7}, {"SEMICOLON", 0x3B}, {"SHIFT IN", 0xF},
    {"SHIFT OUT", 0xE}, {"SHY", 0xAD}, {"SI", 0xF},
    {"SINGLE LEFT-POINTING ANGLE QUOTATION MARK", 0x2039},
    {"SINGLE RIGHT-POINTING ANGLE QUOTATION MARK", 0x203A}, {"SLIGHTLY SMILING FACE", 0x1F642},
    {"SMILING FACE WITH SMILING EYES", 0x1F60A}, {"SNAKE", 0x1F40D}, {"SNOWMAN", 0x2603},
    {"SO", 0xE}, {"SOFT HYPHEN", 0xAD}, {"SOH", 0x1}, {"SOLIDUS", 0x2F}, {"SP", 0x20},
    {"SPACE", 0x20}, {"SPARKLES", 0x2728}, {"SQUARE ROOT", 0x221A}, {"START OF HEADING", 0x1},
    {"START OF TEXT", 0x2}, {"STX", 0x2}, {"SUB", 0x1A}, {"SUBSET OF", 0x2282},
    {"SUBSTITUTE", 0x1A}, {"SUN WITH FACE", 0x1F31E}, {"SUPERSCRIPT ONE", 0xB9},
    {"SUPERSCRIPT THREE", 0xB3}, {"SUPERSCRIPT TWO", 0xB2}, {"SUPERSET OF", 0x2283}, {"SYN", 0x16},
    {"SYNCHRONOUS IDLE", 0x16}, {"TAB", 0x9}, {"THERE EXISTS", 0x2203}, {"THINKING FACE", 0x1F914},
    {"THUMBS DOWN SIGN", 0x1F44E}, {"THUMBS UP SIGN", 0x1F44D}, {"TILDE", 0x7E},
    {"TRADE MARK SIGN", 0x2122}, {"UNION", 0x222A}, {"UNIT SEPARATOR", 0x1F},
    {"UPWARDS ARROW", 0x2191}, {"US", 0x1F}, {"VERTICAL LINE", 0x7C}, {"VERTICAL TABULATION", 0xB},
    {"VT", 0xB}, {"VULGAR FRACTION ONE HALF", 0xBD}, {"VULGAR FRACTION ONE QUARTER", 0xBC},
    {"VULGAR FRACTION THREE QUARTERS", 0xBE}, {"WARNING SIGN", 0x26A0},
    {"WAVING HAND SIGN", 0x1F44B}, {"WHITE CIRCLE", 0x25CB}, {"WHITE HEAVY CHECK MARK", 0x2705},
    {"WHITE LARGE SQUARE", 0x2B1C}, {"WHITE SMILING FACE", 0x263A}, {"WHITE SQUARE", 0x25A1},
    {"WHITE STAR", 0x2606}, {"WINKING FACE", 0x1F609}, {"WJ", 0x2060}, {"WORD JOINER", 0x2060},
    {"YEN SIGN", 0xA5}, {"ZERO WIDTH JOINER", 0x200D}, {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"ZERO WIDTH NON-JOINER", 0x200C}, {"ZERO WIDTH SPACE", 0x200B}, {"ZWJ", 0x200D},
    {"ZWNBSP", 0xFEFF}, {"ZWNJ", 0x200C}, {"ZWSP", 0x200B},
};

// Unicode 14.0's unified ideographs, whose names are "CJK UNIFIED IDEOGRAPH-"
// and the code point in hex (CPython's is_unified_ideograph).
bool is_unified_ideograph(std::uint32_t c) {
    return (0x3400 <= c && c <= 0x4DBF) || (0x4E00 <= c && c <= 0x9FFF) ||
           (0x20000 <= c && c <= 0x2A6DF) || (0x2A700 <= c && c <= 0x2B738) ||
           (0x2B740 <= c && c <= 0x2B81D) || (0x2B820 <= c && c <= 0x2CEA1) ||
           (0x2CEB0 <= c && c <= 0x2EBE0) || (0x30000 <= c && c <= 0x3134A);
}

// Hangul syllable names are built from the short names of their jamo:
// leading consonant, vowel, optional trailing consonant (Unicode 3.12).
constexpr const char* kHangulL[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                    "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
constexpr const char* kHangulV[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                    "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
constexpr const char* kHangulT[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                    "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                    "SS", "NG", "J", "C", "K", "T", "P", "H"};

// CPython's find_syllable: the longest jamo name that `s` starts with.
template <std::size_t N>
int find_syllable(std::string_view& s, const char* const (&table)[N]) {
    int best = -1, best_len = -1;
    for (std::size_t i = 0; i < N; ++i) {
        auto len = static_cast<int>(std::strlen(table[i]));
        if (len > best_len && s.substr(0, len) == table[i]) best = static_cast<int>(i), best_len = len;
    }
    if (best >= 0) s.remove_prefix(best_len);
    return best;
}

// unicodedata's _getcode without named sequences: the algorithmic names are
// matched case-sensitively, the table case-insensitively, as in CPython.
bool lookup_name(std::string_view name, std::uint32_t& code) {
    constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
    constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
    if (name.substr(0, kCjk.size()) == kCjk) {
        std::string_view hex = name.substr(kCjk.size());
        if (hex.size() != 4 && hex.size() != 5) return false;
        std::uint32_t v = 0;
        for (char c : hex) {
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
            v = v * 16 + static_cast<std::uint32_t>(hex_value(c));
        }
        if (!is_unified_ideograph(v)) return false;
        code = v;
        return true;
    }
    if (name.substr(0, kHangul.size()) == kHangul) {
        std::string_view rest = name.substr(kHangul.size());
        int l = find_syllable(rest, kHangulL);
        int v = find_syllable(rest, kHangulV);
        int t = find_syllable(rest, kHangulT);
        if (l < 0 || v < 0 || t < 0 || !rest.empty()) return false;
        code = 0xAC00 + static_cast<std::uint32_t>((l * 21 + v) * 28 + t);
        return true;
    }
    std::string upper(name);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto it = std::lower_bound(std::begin(kNamedChars), std::end(kNamedChars), upper,
                               [](const NamedChar& e, const std::string& key) { return key.compare(e.name) > 0; });
    if (it == std::end(kNamedChars) || upper != it->name) {
        // Every other name: the full database of the unicodedata module.
        int64_t cp = unicode_lookup_name(name);
        if (cp < 0) return false;
        code = std::uint32_t(cp);
        return true;
    }
    code = it->code;
    return true;
}

// ---------------------------------------------------------------------------
// str literals: decode_unicode_with_escapes + the unicode_escape codec

// Step 1: the ASCII rewrite described at the top of the file.
std::string rewrite_to_ascii(std::string_view body) {
    std::string buf;
    buf.reserve(body.size() * 2);
    std::size_t s = 0;
    while (s < body.size()) {
        if (body[s] == '\\') {
            buf += body[s++];
            if (s >= body.size() || (body[s] & 0x80)) {
                buf += "u005c";  // a backslash before non-ASCII stays a backslash
                if (s >= body.size()) break;
            }
        }
        if (body[s] & 0x80) {
            while (s < body.size() && (body[s] & 0x80)) {
                char esc[11];
                std::snprintf(esc, sizeof esc, "\\U%08x", next_code_point(body, s));
                buf += esc;
            }
        } else {
            buf += body[s++];
        }
    }
    return buf;
}

// Step 2: _PyUnicode_DecodeUnicodeEscapeInternal, on ASCII input.
// *invalid_escape receives the first escape 3.11 deprecates (the text after
// the backslash: one character, or the three digits of an octal escape
// above \377), as first_invalid_escape does in CPython.
static void note_invalid_escape(std::string* invalid_escape, std::string_view text) {
    if (invalid_escape && invalid_escape->empty()) invalid_escape->assign(text);
}

bool unicode_escape_decode(const std::string& in, std::string& out, SyntaxErrorInfo& err,
                           std::string* invalid_escape) {
    const std::size_t end = in.size();
    std::size_t s = 0;
    while (s < end) {
        char c = in[s];
        if (c != '\\') {
            out += c;
            ++s;
            continue;
        }
        const std::size_t startinpos = s++;
        if (s >= end) {
            unicode_error(err, in, startinpos, s, "\\ at end of string");
            return false;
        }
        c = in[s++];
        switch (c) {
        case '\n': continue;  // backslash-newline: line continuation
        case '\\': out += '\\'; continue;
        case '\'': out += '\''; continue;
        case '"': out += '"'; continue;
        case 'b': out += '\b'; continue;
        case 'f': out += '\f'; continue;
        case 't': out += '\t'; continue;
        case 'n': out += '\n'; continue;
        case 'r': out += '\r'; continue;
        case 'v': out += '\v'; continue;
        case 'a': out += '\a'; continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            std::uint32_t ch = static_cast<std::uint32_t>(c - '0');
            for (int more = 0; more < 2 && s < end && in[s] >= '0' && in[s] <= '7'; ++more)
                ch = (ch << 3) + static_cast<std::uint32_t>(in[s++] - '0');
            if (ch > 0377) note_invalid_escape(invalid_escape, std::string_view(in).substr(s - 3, 3));
            append_utf8(out, ch);  // up to \777 = U+01FF
            continue;
        }
        case 'x': case 'u': case 'U': {
            int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            const char* message = c == 'x'   ? "truncated \\xXX escape"
                                  : c == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX escape";
            std::uint32_t ch = 0;
            for (; count; ++s, --count) {
                int d = s < end ? hex_value(in[s]) : -1;
                if (d < 0) {
                    unicode_error(err, in, startinpos, s, message);
                    return false;
                }
                ch = (ch << 4) + static_cast<std::uint32_t>(d);
            }
            if (ch > kMaxUnicode) {
                unicode_error(err, in, startinpos, s, "illegal Unicode character");
                return false;
            }
            append_utf8(out, ch);
            continue;
        }
        case 'N': {
            const char* message = "malformed \\N character escape";
            if (s < end && in[s] == '{') {
                const std::size_t name_start = ++s;
                while (s < end && in[s] != '}') ++s;
                if (s < end && s > name_start) {
                    std::string_view name(in.data() + name_start, s - name_start);
                    ++s;  // past '}'
                    std::uint32_t code;
                    if (lookup_name(name, code)) {
                        append_utf8(out, code);
                        continue;
                    }
                    message = "unknown Unicode character name";
                }
            }
            unicode_error(err, in, startinpos, s, message);
            return false;
        }
        default:  // an invalid escape is kept as written (3.11 only warns)
            note_invalid_escape(invalid_escape, std::string_view(in).substr(s - 1, 1));
            out += '\\';
            out += c;
            continue;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------
// bytes literals: _PyBytes_DecodeEscape

bool bytes_escape_decode(std::string_view in, std::string& out, SyntaxErrorInfo& err, std::string* invalid_escape) {
    const std::size_t end = in.size();
    std::size_t s = 0;
    while (s < end) {
        char c = in[s];
        if (c != '\\') {
            out += c;
            ++s;
            continue;
        }
        ++s;
        if (s >= end) {
            set_error(err, "(value error) Trailing \\ in string");
            return false;
        }
        c = in[s++];
        switch (c) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'v': out += '\v'; break;
        case 'a': out += '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int ch = c - '0';
            for (int more = 0; more < 2 && s < end && in[s] >= '0' && in[s] <= '7'; ++more)
                ch = (ch << 3) + (in[s++] - '0');
            if (ch > 0377) note_invalid_escape(invalid_escape, in.substr(s - 3, 3));
            out += static_cast<char>(ch & 0xFF);  // \777 keeps its low byte, 0xFF
            break;
        }
        case 'x':
            if (s + 1 < end && hex_value(in[s]) >= 0 && hex_value(in[s + 1]) >= 0) {
                out += static_cast<char>(hex_value(in[s]) * 16 + hex_value(in[s + 1]));
                s += 2;
                break;
            } else {
                char buf[80];
                std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", s - 2);
                set_error(err, buf);
                return false;
            }
        default:  // kept as written, \u \U \N included
            note_invalid_escape(invalid_escape, in.substr(s - 1, 1));
            out += '\\';
            out += c;
            break;
        }
    }
    return true;
}

}  // namespace

bool literal_lookup_name(std::string_view name, std::uint32_t& code) { return lookup_name(name, code); }

// ---------------------------------------------------------------------------
// Public entry points

bool decode_string_body(std::string_view body, bool is_bytes, bool raw, std::string& out,
                        SyntaxErrorInfo& err, std::string* invalid_escape) {
    out.clear();
    if (is_bytes) {
        for (char c : body) {
            if (c & 0x80) {
                set_error(err, "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    // Without a backslash there is nothing to decode (CPython's shortcut).
    if (raw || body.find('\\') == std::string_view::npos) {
        out.assign(body);
        return true;
    }
    if (is_bytes) return bytes_escape_decode(body, out, err, invalid_escape);
    out.reserve(body.size());
    return unicode_escape_decode(rewrite_to_ascii(body), out, err, invalid_escape);
}

bool decode_unicode_escapes(std::string_view body, std::string& out, SyntaxErrorInfo& err) {
    return decode_string_body(body, false, false, out, err);
}

bool parse_string_literal(std::string_view text, StringLiteral& out, SyntaxErrorInfo& err) {
    out = StringLiteral{};
    bool bytes = false, raw = false, fmode = false, u = false;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != '\'' && text[i] != '"'; ++i) {
        switch (text[i]) {
        case 'b': case 'B': bytes = true; break;
        case 'r': case 'R': raw = true; break;
        case 'u': case 'U': u = true; break;
        case 'f': case 'F': fmode = true; break;
        default: return false;
        }
    }
    if (i == text.size() || (fmode && bytes) || (u && (bytes || raw || fmode))) return false;
    out.prefix = text.substr(0, i);
    out.quote = text[i];
    // The body is between the quotes; a triple-quoted literal has at least six.
    std::string_view body = text.substr(i + 1);
    if (body.empty() || body.back() != out.quote) return false;
    body.remove_suffix(1);
    if (body.size() >= 4 && body[0] == out.quote && body[1] == out.quote) {
        body.remove_prefix(2);
        if (body.size() < 2 || body[body.size() - 1] != out.quote || body[body.size() - 2] != out.quote)
            return false;
        body.remove_suffix(2);
        out.quote_size = 3;
    }
    out.body = body;
    out.raw = raw;
    out.u_prefix = u;
    if (fmode) {
        out.kind = StringLiteral::Kind::FString;
        return true;
    }
    out.kind = bytes ? StringLiteral::Kind::Bytes : StringLiteral::Kind::Str;
    return decode_string_body(body, bytes, raw, out.value, err, &out.invalid_escape);
}

bool parse_number_literal(std::string_view text, NumberLiteral& out) {
    out = NumberLiteral{};
    std::string t;
    t.reserve(text.size());
    for (char c : text)
        if (c != '_') t += c;
    if (t.empty()) return false;

    int base = 0;
    if (t.size() >= 2 && t[0] == '0') {
        char p = static_cast<char>(t[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    }
    bool is_float = false;
    if (base == 0) {
        if (t.back() == 'j' || t.back() == 'J') {
            out.kind = NumberLiteral::Kind::Imaginary;
            t.pop_back();
            is_float = true;
        } else if (t.find_first_of(".eE") != std::string::npos) {
            out.kind = NumberLiteral::Kind::Float;
            is_float = true;
        } else {
            base = 10;
        }
    }
    if (is_float) {
        if (t.empty()) return false;
        char* endp = nullptr;
        out.value = std::strtod(t.c_str(), &endp);
        return endp == t.c_str() + t.size();
    }

    out.base = base;
    std::size_t i = base == 10 ? 0 : 2;
    while (i + 1 < t.size() && t[i] == '0') ++i;  // leading zeros
    if (i >= t.size()) return false;
    for (; i < t.size(); ++i) {
        int d = hex_value(t[i]);
        if (d < 0 || d >= base) return false;
        out.digits += static_cast<char>(t[i] >= 'A' && t[i] <= 'F' ? t[i] - 'A' + 'a' : t[i]);
    }
    return true;
}

}  // namespace gp
