// unicode_db.h — the Unicode character database str's methods consult:
// character classes (isalpha, isdigit, isspace, isprintable, identifiers)
// and case mappings (upper/lower/title/casefold, including the full
// mappings that change length, such as 'ß'.upper() == 'SS').
//
// Mirrors CPython 3.11's Objects/unicodectype.c over tables generated from
// CPython's own database (unicode_db.cpp, made by gen_unicode_db.py), so the
// answers are those of Unicode 14.0.0 for every code point, not only for
// Latin-1/Greek/Cyrillic.
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace gp {

enum UnicodeFlags : uint16_t {
    UF_ALPHA = 1 << 0,          // str.isalpha (categories L*)
    UF_DECIMAL = 1 << 1,        // str.isdecimal (Nd)
    UF_DIGIT = 1 << 2,          // str.isdigit (has a digit value)
    UF_NUMERIC = 1 << 3,        // str.isnumeric (has a numeric value)
    UF_LOWER = 1 << 4,          // Lowercase property
    UF_UPPER = 1 << 5,          // Uppercase property
    UF_TITLE = 1 << 6,          // category Lt
    UF_CASED = 1 << 7,          // Cased = Lowercase | Uppercase | Lt
    UF_CASE_IGNORABLE = 1 << 8, // skipped by the final-sigma rule
    UF_SPACE = 1 << 9,          // str.isspace / str.split() separators
    UF_PRINTABLE = 1 << 10,     // str.isprintable (repr() leaves it unescaped)
    UF_XID_START = 1 << 11,     // may start an identifier
    UF_XID_CONTINUE = 1 << 12,  // may continue an identifier
    UF_LINEBREAK = 1 << 13,     // str.splitlines boundaries
    UF_EXTENDED_CASE = 1 << 14, // full case mapping in the ExtendedCase table
};

struct UnicodeRecord {
    uint16_t flags;             // UnicodeFlags
    int32_t lower;              // simple lowercase mapping: cp + lower
    int32_t upper;              // simple uppercase mapping: cp + upper
    int32_t title;              // simple titlecase mapping: cp + title
    int8_t decimal;             // decimal digit value, -1 if none
    int8_t digit;               // digit value, -1 if none
};

struct CaseMapping {
    uint8_t n;                  // 1..3 code points
    uint32_t cps[3];
};

// A code point whose full case mappings are not all single code points (or
// whose casefold is not its lowercase).
struct ExtendedCase {
    uint32_t cp;
    CaseMapping lower, upper, title, fold;
};

const UnicodeRecord& unicode_record(uint32_t cp);
const ExtendedCase* unicode_extended_case(uint32_t cp);   // null when not extended

inline bool uni_has(uint32_t cp, uint16_t flag) { return (unicode_record(cp).flags & flag) != 0; }
inline bool uni_isspace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return uni_has(cp, UF_SPACE);
}
inline bool uni_islinebreak(uint32_t cp) { return uni_has(cp, UF_LINEBREAK); }
inline bool uni_isprintable(uint32_t cp) {
    if (cp < 128) return cp >= 32 && cp < 127;
    return uni_has(cp, UF_PRINTABLE);
}
inline int uni_decimal(uint32_t cp) { return unicode_record(cp).decimal; }
inline int uni_digit(uint32_t cp) { return unicode_record(cp).digit; }

// Full case mappings (SpecialCasing.txt included); out holds up to 3 code
// points, the count is returned.
enum class CaseKind { Lower, Upper, Title, Fold };
int uni_case_full(uint32_t cp, CaseKind kind, uint32_t out[3]);
// Simple (single code point) mappings.
uint32_t uni_lower(uint32_t cp);
uint32_t uni_upper(uint32_t cp);

}  // namespace gp
