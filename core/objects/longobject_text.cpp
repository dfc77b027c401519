// longobject_text.cpp — ints to text and back: repr/str, hex/oct/bin
// digits, and the parser behind int(), int literals and int(s, base).
//
// Mirrors the string half of CPython 3.11's Objects/longobject.c
// (long_to_decimal_string_internal, long_format_binary, PyLong_FromString).
// Power-of-two bases are a matter of regrouping bits, linear in the length.
// Decimal is not: every 30-bit digit must be folded into every decimal limb
// produced so far, which is quadratic — the reason CPython 3.11 refuses
// decimal conversions of more than 4300 digits in either direction
// (CVE-2020-10735), with the ValueError reproduced here.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "objects/abstract.h"
#include "objects/longobject_internal.h"
#include "objects/unicode_db.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------ int -> text

// Base 10 goes through base 10**9 (Knuth 4.4, method 1b, as CPython's
// long_to_decimal_string): each 30-bit digit from the top is folded into an
// array of 9-decimal-digit limbs. Quadratic, which is why CPython 3.11 caps
// decimal conversions at 4300 digits.
static constexpr uint32_t kDecimalBase = 1000000000;

static void to_decimal_limbs(const IntObject* v, std::vector<uint32_t>& pout) {
    isize size_a = int_ndigits(v);
    pout.clear();
    pout.reserve(std::size_t(1 + size_a + size_a / 3));
    for (isize i = size_a; --i >= 0;) {
        digit hi = v->ob_digit[i];
        for (uint32_t& limb : pout) {
            twodigits z = (twodigits(limb) << kDigitBits) | hi;
            hi = digit(z / kDecimalBase);
            limb = uint32_t(z - twodigits(hi) * kDecimalBase);
        }
        while (hi) {
            pout.push_back(hi % kDecimalBase);
            hi /= kDecimalBase;
        }
    }
    if (pout.empty()) pout.push_back(0);
}

static std::string limbs_to_string(const std::vector<uint32_t>& pout) {
    std::string s = std::to_string(pout.back());
    char buf[16];
    for (std::size_t i = pout.size() - 1; i-- > 0;) {
        std::snprintf(buf, sizeof buf, "%09u", unsigned(pout[i]));
        s += buf;
    }
    return s;
}

static std::nullptr_t too_many_digits_to_str(ThreadState* ts, int limit) {
    return raise(ts, ts->interp->exc.ValueError,
                 "Exceeds the limit (" + std::to_string(limit) +
                     " digits) for integer string conversion; use sys.set_int_max_str_digits() "
                     "to increase the limit");
}

bool int_digits_string(ThreadState* ts, const IntObject* v, int base, std::string* out) {
    isize n = int_ndigits(v);
    if (base == 10) {
        // A cheap early refusal for ints far past the limit (CPython's check
        // on size_a before the quadratic conversion).
        const int limit = int_max_str_digits(ts);
        if (limit > 0 && n >= 10 * kIntMaxStrDigitsThreshold / (3 * kDigitBits) + 2 &&
            limit / (3 * kDigitBits) <= (n - 11) / 10) {
            too_many_digits_to_str(ts, limit);
            return false;
        }
        std::vector<uint32_t> limbs;
        to_decimal_limbs(v, limbs);
        std::string s = limbs_to_string(limbs);
        if (limit > 0 && isize(s.size()) > kIntMaxStrDigitsThreshold && isize(s.size()) > limit) {
            too_many_digits_to_str(ts, limit);
            return false;
        }
        *out = std::move(s);
        return true;
    }
    // Power-of-two bases: read bits straight off the digits, low to high.
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    const twodigits mask = (twodigits(1) << bits) - 1;
    std::string s;
    twodigits accum = 0;
    int accumbits = 0;
    for (isize i = 0; i < n; i++) {
        accum |= twodigits(v->ob_digit[i]) << accumbits;
        accumbits += kDigitBits;
        while (accumbits >= bits) {
            s.push_back("0123456789abcdef"[accum & mask]);
            accum >>= bits;
            accumbits -= bits;
        }
    }
    if (accumbits > 0) s.push_back("0123456789abcdef"[accum & mask]);
    while (s.size() > 1 && s.back() == '0') s.pop_back();   // leading zeros
    if (s.empty()) s = "0";
    std::reverse(s.begin(), s.end());
    *out = std::move(s);
    return true;
}

Ref<> int_to_str(ThreadState* ts, Object* v, int base) {
    int64_t small;
    if (base == 10 && int_as_i64(v, &small)) {
        // The common case, str() of a machine-sized int: no limb arithmetic.
        char buf[24];
        char* end = buf + sizeof buf;
        char* p = end;
        uint64_t m = small < 0 ? uint64_t(0) - uint64_t(small) : uint64_t(small);
        do { *--p = char('0' + m % 10); m /= 10; } while (m);
        if (small < 0) *--p = '-';
        return str_from_ascii_uncached(ts, std::string(p, std::size_t(end - p)));   // a fresh string, as CPython
    }
    std::string digits;
    if (!int_digits_string(ts, as_int(v), base, &digits)) return nullptr;
    std::string s;
    if (as_int(v)->ob_size < 0) s = "-";
    if (base == 2) s += "0b";
    else if (base == 8) s += "0o";
    else if (base == 16) s += "0x";
    s += digits;
    // long_to_decimal_string writes into a new string: str(7) is a fresh
    // object each time, never the cached one-character '7'.
    return str_from_ascii_uncached(ts, s);
}

std::string int_to_decimal_string(Object* v) {
    std::vector<uint32_t> limbs;
    to_decimal_limbs(as_int(v), limbs);
    std::string s = limbs_to_string(limbs);
    return as_int(v)->ob_size < 0 ? "-" + s : s;
}

// ------------------------------------------------------------ text -> int

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

static bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// "invalid literal for int() with base 10: 'abc'" — the repr is cut at 200
// characters, as CPython's %.200R does.
static std::nullptr_t invalid_literal(ThreadState* ts, int base, Object* original, std::string_view text) {
    Ref<> orig = original ? newref(original) : str_from_utf8(ts, text);
    if (!orig) return nullptr;
    Ref<> r = object_repr(ts, orig.get());
    if (!r) return nullptr;
    std::u32string cps;
    str_append_to(as_str(r.get()), cps);
    if (cps.size() > 200) cps.resize(200);
    Ref<> shown = str_from_u32(ts, cps);
    if (!shown) return nullptr;
    return raise(ts, ts->interp->exc.ValueError, "invalid literal for int() with base " + std::to_string(base) +
                                                      ": " + std::string(str_utf8(shown.get())));
}

// Digits s[0:n] (underscores allowed, already validated) in a power-of-two
// base, packed straight into 30-bit digits from the least significant end.
static Ref<> from_binary_base(ThreadState* ts, std::string_view s, int base, isize ndigits_text) {
    int bits_per_char = 0;
    for (int b = base; b > 1; b >>= 1) ++bits_per_char;
    int64_t total_bits = int64_t(ndigits_text) * bits_per_char;
    isize n = isize((total_bits + kDigitBits - 1) / kDigitBits);
    Ref<IntObject> z = int_alloc(ts, n);
    if (!z) return nullptr;
    twodigits accum = 0;
    int accumbits = 0;
    isize pos = 0;
    for (std::size_t i = s.size(); i-- > 0;) {
        if (s[i] == '_') continue;
        accum |= twodigits(digit_value(s[i])) << accumbits;
        accumbits += bits_per_char;
        if (accumbits >= kDigitBits) {
            z->ob_digit[pos++] = digit(accum & kDigitMask);
            accum >>= kDigitBits;
            accumbits -= kDigitBits;
        }
    }
    if (accumbits) z->ob_digit[pos++] = digit(accum);
    while (pos < n) z->ob_digit[pos++] = 0;
    return int_finish(ts, std::move(z));
}

// Any other base: multiply-accumulate chunks of as many characters as fit in
// one digit (CPython's convwidth/convmultmax scheme).
static Ref<> from_general_base(ThreadState* ts, std::string_view s, int base) {
    int convwidth = 0;
    twodigits convmultmax = 1;
    while (convmultmax * twodigits(base) < (twodigits(1) << kDigitBits)) {
        convmultmax *= twodigits(base);
        ++convwidth;
    }
    std::vector<digit> z;   // little-endian magnitude
    std::size_t i = 0;
    while (i < s.size()) {
        twodigits c = 0, convmult = 1;
        int k = 0;
        for (; i < s.size() && k < convwidth; i++) {
            if (s[i] == '_') continue;
            c = c * twodigits(base) + twodigits(digit_value(s[i]));
            convmult *= twodigits(base);
            ++k;
        }
        // z = z * convmult + c
        for (digit& d : z) {
            c += twodigits(d) * convmult;
            d = digit(c & kDigitMask);
            c >>= kDigitBits;
        }
        while (c) {
            z.push_back(digit(c & kDigitMask));
            c >>= kDigitBits;
        }
    }
    Ref<IntObject> r = int_alloc(ts, isize(z.size()));
    if (!r) return nullptr;
    if (!z.empty()) std::memcpy(r->ob_digit, z.data(), z.size() * sizeof(digit));
    return int_finish(ts, std::move(r));
}

// CPython's PyLong_FromString: whitespace, sign, base prefix, digits with
// single underscores between them, whitespace, end.
Ref<> int_parse(ThreadState* ts, std::string_view text, int base, Object* original) {
    Interpreter& interp = *ts->interp;
    if ((base != 0 && base < 2) || base > 36)
        return raise(ts, interp.exc.ValueError, "int() arg 2 must be >= 2 and <= 36");
    const int orig_base = base;
    std::size_t i = 0, n = text.size();
    auto at = [&](std::size_t k) { return k < n ? text[k] : '\0'; };
    auto invalid = [&]() { return invalid_literal(ts, orig_base, original, text); };
    while (i < n && ascii_space(text[i])) ++i;
    bool negative = false;
    if (at(i) == '+') ++i;
    else if (at(i) == '-') { negative = true; ++i; }
    bool error_if_nonzero = false;
    if (base == 0) {
        char c1 = at(i + 1);
        if (at(i) != '0') base = 10;
        else if (c1 == 'x' || c1 == 'X') base = 16;
        else if (c1 == 'o' || c1 == 'O') base = 8;
        else if (c1 == 'b' || c1 == 'B') base = 2;
        else { error_if_nonzero = true; base = 10; }   // "010" is not a literal; "000" is
    }
    if (at(i) == '0') {
        char c1 = at(i + 1);
        if ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
            (base == 2 && (c1 == 'b' || c1 == 'B'))) {
            i += 2;
            if (at(i) == '_') ++i;   // one underscore allowed after the prefix
        }
    }
    if (at(i) == '_') return invalid();
    std::size_t start = i;
    isize ndigits = 0;
    char prev = 0;
    while (i < n) {
        char c = text[i];
        if (c == '_') {
            if (prev == '_') return invalid();
        } else if (digit_value(c) < base) {
            ++ndigits;
        } else {
            break;
        }
        prev = c;
        ++i;
    }
    if (prev == '_' || ndigits == 0) return invalid();
    std::string_view body = text.substr(start, i - start);
    Ref<> z;
    if ((base & (base - 1)) == 0) {
        z = from_binary_base(ts, body, base, ndigits);
    } else {
        const int limit = int_max_str_digits(ts);
        if (limit > 0 && ndigits > kIntMaxStrDigitsThreshold && ndigits > limit)
            return raise(ts, interp.exc.ValueError,
                         "Exceeds the limit (" + std::to_string(limit) +
                             " digits) for integer string conversion: value has " + std::to_string(ndigits) +
                             " digits; use sys.set_int_max_str_digits() to increase the limit");
        z = from_general_base(ts, body, base);
    }
    if (!z) return nullptr;
    if (error_if_nonzero && as_int(z.get())->ob_size != 0) return invalid();
    while (i < n && ascii_space(text[i])) ++i;
    if (i != n) return invalid();
    if (negative && as_int(z.get())->ob_size != 0) return int_neg(ts, as_int(z.get()));
    return z;
}

// Unicode decimal digits and spaces become their ASCII equivalents (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII); any other non-ASCII character
// becomes '?', which no parser accepts.
std::string transform_decimal_and_space(StrObject* s) {
    std::u32string cps;
    str_append_to(s, cps);
    std::string out;
    out.reserve(cps.size());
    for (char32_t c : cps) {
        if (c < 128) out.push_back(char(c));
        else if (uni_isspace(uint32_t(c))) out.push_back(' ');
        else if (int d = uni_decimal(uint32_t(c)); d >= 0) out.push_back(char('0' + d));
        else out.push_back('?');
    }
    return out;
}

Ref<> int_from_string(ThreadState* ts, std::string_view text, int base) {
    bool ascii = true;
    for (char c : text) if (static_cast<unsigned char>(c) >= 128) { ascii = false; break; }
    if (ascii) return int_parse(ts, text, base, nullptr);
    Ref<> s = str_from_utf8(ts, text);
    if (!s) return nullptr;
    return int_parse(ts, transform_decimal_and_space(as_str(s.get())), base, s.get());
}


}  // namespace gp
