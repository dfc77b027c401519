// number_format.cpp — numbers to text: float digits, CPython's float string
// rules, and the format-spec mini-language for int and float.
//
// Mirrors three pieces of CPython 3.11:
//   Python/dtoa.c        _Py_dg_dtoa, the decimal digits of a double
//   Python/pystrtod.c    format_float_short / PyOS_double_to_string, which
//                        lays those digits out as repr, 'e', 'f', 'g'
//   Python/formatter_unicode.c   format(x, spec): parse the spec, then place
//                        sign, prefix, padding, grouped digits, decimal point
//                        and the remainder — the layout drawn in
//                        calc_number_widths below.
//
// Where the digits come from. CPython carries its own copy of David Gay's
// dtoa. We get the same digits from the C library instead: printf's "%.*e"
// and "%.*f" are exact and round half to even in both glibc and musl
// (Emscripten), and strtod is correctly rounded in both. Those give modes 2
// and 3 directly. Mode 0 (repr's shortest round-trip digits) is found by
// search: for a normal double, if any string of <= 15 significant digits
// reads back as x it is the 15-digit rounding with its zeros stripped (the
// 15-digit grid is coarser than a double's rounding interval), otherwise
// try 16 digits, then 17, which always works. At 16 digits the nearest
// candidate can miss while its neighbour on the other side hits (the
// interval is lopsided at powers of two), so both neighbours are tried.
// Subnormals have wide intervals, so there every length is searched.
// (std::to_chars would do all of this, but Emscripten's libc++ lacks it for
// floating point.) Everything assumes the "C" locale, which glasspy never
// changes.
#include "objects/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "objects/floatobject.h"
#include "objects/longobject_internal.h"
#include "objects/unicode_db.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------ digits

// |x| to n significant digits via "%.*e": digits (exactly n) and decpt.
static void sci_digits(double ax, int n, std::string* digits, int* decpt) {
    char small[64];
    std::vector<char> big;
    char* buf = small;
    std::size_t cap = sizeof small;
    if (n + 16 > int(cap)) {
        big.resize(std::size_t(n) + 16);
        buf = big.data();
        cap = big.size();
    }
    std::snprintf(buf, cap, "%.*e", n - 1, ax);
    digits->clear();
    const char* p = buf;
    for (; *p && *p != 'e'; ++p)
        if (*p >= '0' && *p <= '9') digits->push_back(*p);
    int exp10 = *p == 'e' ? std::atoi(p + 1) : 0;
    *decpt = exp10 + 1;
}

static void strip_trailing_zeros(std::string* d) {
    while (!d->empty() && d->back() == '0') d->pop_back();
}

// Does 0.<digits> * 10**decpt read back as ax?
static bool reads_back(const std::string& digits, int decpt, double ax) {
    std::string s = "0." + digits + "e" + std::to_string(decpt);
    return std::strtod(s.c_str(), nullptr) == ax;
}

// The n-digit decimal one unit in the last place above (dir > 0) or below
// the given one, keeping exactly n digits.
static void step_digits(std::string* d, int* decpt, int dir) {
    std::string& s = *d;
    if (dir > 0) {
        int i = int(s.size()) - 1;
        while (i >= 0 && s[std::size_t(i)] == '9') s[std::size_t(i--)] = '0';
        if (i >= 0) {
            s[std::size_t(i)]++;
        } else {   // 99..9 + 1 = 100..0 with one more digit: drop a zero
            s.insert(s.begin(), '1');
            s.pop_back();
            ++*decpt;
        }
    } else {
        int i = int(s.size()) - 1;
        while (i >= 0 && s[std::size_t(i)] == '0') s[std::size_t(i--)] = '9';
        s[std::size_t(i)]--;
        if (s[0] == '0') {   // 100..0 - 1 = 099..9: shift in another 9
            s.erase(s.begin());
            s.push_back('9');
            --*decpt;
        }
    }
}

// Shortest n-digit candidate for ax among the nearest and its neighbours.
static bool try_length(double ax, int n, std::string* out, int* decpt) {
    std::string d;
    int dp;
    sci_digits(ax, n, &d, &dp);
    if (reads_back(d, dp, ax)) { *out = d; *decpt = dp; return true; }
    for (int dir : {+1, -1}) {
        std::string e = d;
        int ep = dp;
        step_digits(&e, &ep, dir);
        if (reads_back(e, ep, ax)) { *out = e; *decpt = ep; return true; }
    }
    return false;
}

// The common case of mode 0 without printf or strtod: a double that some
// string of at most 15 significant digits reads back as. Scale x so that 15
// digits sit before the point and round: the scaling may be off in the last
// place, so the candidate m is checked by dividing (or multiplying) it back
// by an exact power of ten, which is one correctly rounded operation when
// m < 2**53 and the power is at most 10**22 (Clinger's fast path). A
// candidate that reads back is the only 15-digit string that does (that
// grid is coarser than a double's rounding interval), so it is the answer.
// False when the check fails or the exponent is out of that range.
static bool shortest_within_15_digits(double ax, std::string* digits, int* decpt) {
    static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int e = int(std::floor(std::log10(ax)));
    int k = 14 - e;   // ax * 10**k has 15 digits before the point
    if (k < -22 || k > 22) return false;
    double m = std::nearbyint(k >= 0 ? ax * kPow10[k] : ax / kPow10[-k]);
    if (m < 1e14 || m >= 1e15) return false;   // log10 was off by one: leave it to the search
    double back = k >= 0 ? m / kPow10[k] : m * kPow10[-k];
    if (back != ax) return false;
    char buf[15];
    auto n = static_cast<unsigned long long>(m);
    for (int i = 14; i >= 0; i--, n /= 10) buf[i] = char('0' + n % 10);
    digits->assign(buf, 15);
    *decpt = e + 1;
    return true;
}

DecimalDigits dtoa_shortest(double x) {
    DecimalDigits r;
    r.negative = std::signbit(x);
    double ax = std::fabs(x);
    if (ax == 0.0) { r.digits = "0"; r.decpt = 1; return r; }
    if (ax >= 2.2250738585072014e-308 && shortest_within_15_digits(ax, &r.digits, &r.decpt)) {
        strip_trailing_zeros(&r.digits);
        return r;
    }
    if (ax >= 2.2250738585072014e-308) {   // normal
        sci_digits(ax, 15, &r.digits, &r.decpt);
        if (reads_back(r.digits, r.decpt, ax)) {
            strip_trailing_zeros(&r.digits);
            return r;
        }
        if (!try_length(ax, 16, &r.digits, &r.decpt)) sci_digits(ax, 17, &r.digits, &r.decpt);
    } else {
        for (int n = 1; n <= 17; n++)
            if (try_length(ax, n, &r.digits, &r.decpt)) break;
    }
    strip_trailing_zeros(&r.digits);
    return r;
}

DecimalDigits dtoa_significant(double x, int ndigits) {
    DecimalDigits r;
    r.negative = std::signbit(x);
    double ax = std::fabs(x);
    if (ax == 0.0) { r.digits = "0"; r.decpt = 1; return r; }
    sci_digits(ax, ndigits < 1 ? 1 : ndigits, &r.digits, &r.decpt);
    strip_trailing_zeros(&r.digits);
    return r;
}

// Rounds 0.<digits> * 10**decpt to `keep` digits (keep may be <= 0), half
// to even on the exact digit string.
static void round_digits(DecimalDigits* r, int keep) {
    std::string& d = r->digits;
    if (keep >= int(d.size())) return;
    bool up;
    if (keep < 0) {
        up = false;
    } else {
        char c = d[std::size_t(keep)];
        bool rest_nonzero = d.find_first_not_of('0', std::size_t(keep) + 1) != std::string::npos;
        bool prev_odd = keep > 0 && ((d[std::size_t(keep) - 1] - '0') & 1);
        up = c > '5' || (c == '5' && (rest_nonzero || prev_odd));
    }
    if (keep <= 0) {
        if (up) { d = "1"; r->decpt += 1 - keep; }   // rounds up to 10**(decpt - keep)
        else d.clear();
        return;
    }
    d.resize(std::size_t(keep));
    if (up) {
        int i = keep - 1;
        while (i >= 0 && d[std::size_t(i)] == '9') d[std::size_t(i--)] = '0';
        if (i >= 0) d[std::size_t(i)]++;
        else { d.insert(d.begin(), '1'); r->decpt++; }
    }
    strip_trailing_zeros(&d);
}

DecimalDigits dtoa_fixed(double x, int ndigits) {
    DecimalDigits r;
    r.negative = std::signbit(x);
    double ax = std::fabs(x);
    if (ax == 0.0) { r.digits = "0"; r.decpt = 1; return r; }
    if (ndigits >= 0) {
        // A finite double has at most 309 digits before the point.
        std::vector<char> buf(std::size_t(ndigits) + 320);
        int len = std::snprintf(buf.data(), buf.size(), "%.*f", ndigits, ax);
        if (len < 0) len = 0;
        int point = len;
        for (int i = 0; i < len; i++) {
            if (buf[std::size_t(i)] == '.') point = i;
            else r.digits.push_back(buf[std::size_t(i)]);
        }
        r.decpt = point;
        std::size_t lead = r.digits.find_first_not_of('0');
        if (lead == std::string::npos) {
            r.digits.clear();
        } else {
            r.digits.erase(0, lead);
            r.decpt -= int(lead);
        }
        strip_trailing_zeros(&r.digits);
    } else {
        // Exact digits (a double has at most 767 significant digits), then
        // round by hand.
        sci_digits(ax, 800, &r.digits, &r.decpt);
        strip_trailing_zeros(&r.digits);
        round_digits(&r, r.decpt + ndigits);
    }
    if (r.digits.empty()) r.decpt = -ndigits;   // _Py_dg_dtoa's "no digits"
    return r;
}

// ------------------------------------------------------------ layout

// CPython's format_float_short: lay out digits for 'e', 'f', 'g' and 'r'.
// The output is a window [vdigits_start, vdigits_end) onto the digit string
// padded with zeros on both sides, with the decimal point at decpt.
static std::string format_float_short(double d, char format_code, int mode, int precision, int flags,
                                      bool upper) {
    const bool always_add_sign = flags & DTSF_SIGN;
    const bool add_dot_0_if_integer = flags & DTSF_ADD_DOT_0;
    const bool use_alt_formatting = flags & DTSF_ALT;
    const bool no_negative_zero = flags & DTSF_NO_NEG_0;
    std::string out;
    if (!std::isfinite(d)) {
        if (std::isnan(d)) {
            if (always_add_sign) out += '+';
            out += upper ? "NAN" : "nan";
        } else {
            if (d < 0) out += '-';
            else if (always_add_sign) out += '+';
            out += upper ? "INF" : "inf";
        }
        return out;
    }
    DecimalDigits dd = mode == 0 ? dtoa_shortest(d) : mode == 2 ? dtoa_significant(d, precision)
                                                                 : dtoa_fixed(d, precision);
    const std::string& digits = dd.digits;
    bool sign = dd.negative;
    isize decpt = dd.decpt;
    isize digits_len = isize(digits.size());
    if (no_negative_zero && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) sign = false;

    isize vdigits_end = digits_len;
    bool use_exp = false;
    switch (format_code) {
    case 'e': use_exp = true; vdigits_end = precision; break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = true;
        if (use_alt_formatting) vdigits_end = precision;
        break;
    case 'r':
        // Exponent form from 1e16 on: a 17-digit repr padded with zeros
        // would look more precise than it is.
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    int exp = 0;
    if (use_exp) {
        exp = int(decpt) - 1;
        decpt = 1;
    }
    // Ensure vdigits_start < decpt <= vdigits_end, or vdigits_start < decpt
    // < vdigits_end when a ".0" is wanted.
    isize vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0_if_integer) vdigits_end = std::max(vdigits_end, decpt + 1);
    else vdigits_end = std::max(vdigits_end, decpt);

    if (sign) out += '-';
    else if (always_add_sign) out += '+';
    // Zeros to the left of the digits (with the point among them, or not).
    if (decpt <= 0) {
        out.append(std::size_t(decpt - vdigits_start), '0');
        out += '.';
        out.append(std::size_t(-decpt), '0');
    } else {
        out.append(std::size_t(-vdigits_start), '0');
    }
    // The digits, with the point inside them when it falls there.
    if (0 < decpt && decpt <= digits_len) {
        out.append(digits, 0, std::size_t(decpt));
        out += '.';
        out.append(digits, std::size_t(decpt), std::string::npos);
    } else {
        out += digits;
    }
    // Zeros to the right.
    if (digits_len < decpt) {
        out.append(std::size_t(decpt - digits_len), '0');
        out += '.';
        out.append(std::size_t(vdigits_end - decpt), '0');
    } else {
        out.append(std::size_t(vdigits_end - digits_len), '0');
    }
    if (!out.empty() && out.back() == '.' && !use_alt_formatting) out.pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
        out += buf;
    }
    return out;
}

std::string double_to_string(double x, char code, int precision, int flags) {
    bool upper = false;
    int mode = 0;
    switch (code) {
    case 'E': upper = true; code = 'e'; [[fallthrough]];
    case 'e': mode = 2; precision++; break;
    case 'F': upper = true; code = 'f'; [[fallthrough]];
    case 'f': mode = 3; break;
    case 'G': upper = true; code = 'g'; [[fallthrough]];
    case 'g':
        mode = 2;
        if (precision == 0) precision = 1;   // 'g' with precision 0 means 1
        break;
    default: mode = 0; code = 'r'; precision = 0; break;
    }
    return format_float_short(x, code, mode, precision, flags, upper);
}

// ------------------------------------------------------------ parsing

static bool ieq(std::string_view a, const char* b) {
    if (a.size() != std::strlen(b)) return false;
    for (std::size_t i = 0; i < a.size(); i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

bool parse_double(std::string_view text, double* out) {
    std::size_t i = 0, n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::string_view rest = text.substr(i);
    if (ieq(rest, "inf") || ieq(rest, "infinity")) { *out = negative ? -HUGE_VAL : HUGE_VAL; return true; }
    if (ieq(rest, "nan")) { *out = negative ? -std::nan("") : std::nan(""); return true; }
    auto digits = [&]() {
        std::size_t s = i;
        while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
        return i - s;
    };
    std::size_t mant = digits();
    if (i < n && text[i] == '.') {
        ++i;
        mant += digits();
    }
    if (mant == 0) return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    if (i != n) return false;
    std::string copy(text);
    *out = std::strtod(copy.c_str(), nullptr);   // correctly rounded; overflow gives ±inf
    return true;
}

// ------------------------------------------------------------ format specs

// What [[fill]align][sign][z][#][0][width][grouping][.precision][type] says
// (CPython's InternalFormatSpec).
enum Thousands : int {
    LT_NO_LOCALE = 0,
    LT_DEFAULT_LOCALE = ',',     // ',' every 3 digits
    LT_UNDERSCORE_LOCALE = '_',  // '_' every 3 digits
    LT_UNDER_FOUR_LOCALE = 1,    // '_' every 4 digits (b, o, x, X)
    LT_CURRENT_LOCALE = 2,       // 'n': the C locale, so no grouping
};

struct FormatSpec {
    char32_t fill = ' ';
    char32_t align = '>';
    char32_t sign = 0;      // '+', '-', ' ' or 0
    bool no_neg_0 = false;  // 'z'
    bool alternate = false; // '#'
    isize width = -1;
    int thousands = LT_NO_LOCALE;
    isize precision = -1;
    char32_t type = 0;
};

static bool is_alignment(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static std::string char_for_message(char32_t c) {
    if (c > 32 && c < 128) return std::string(1, char(c));
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
    return buf;
}

// Reads decimal digits at *pos; returns how many (-1 on overflow, error set).
static int get_integer(ThreadState* ts, const std::u32string& s, std::size_t* pos, isize* result) {
    isize acc = 0;
    int numdigits = 0;
    for (; *pos < s.size(); ++*pos, ++numdigits) {
        int d = uni_decimal(uint32_t(s[*pos]));
        if (d < 0) break;
        if (acc > (PTRDIFF_MAX - d) / 10) {
            raise(ts, ts->interp->exc.ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *result = acc;
    return numdigits;
}

// CPython's parse_internal_render_format_spec.
static bool parse_spec(ThreadState* ts, const std::u32string& s, const char* type_name, char32_t default_type,
                       FormatSpec* f) {
    Interpreter& interp = *ts->interp;
    f->type = default_type;
    std::size_t pos = 0, end = s.size();
    bool fill_given = false, align_given = false;
    if (end - pos >= 2 && is_alignment(s[pos + 1])) {
        f->align = s[pos + 1];
        f->fill = s[pos];
        fill_given = align_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_alignment(s[pos])) {
        f->align = s[pos];
        align_given = true;
        ++pos;
    }
    if (end - pos >= 1 && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f->sign = s[pos++];
    if (end - pos >= 1 && s[pos] == 'z') { f->no_neg_0 = true; ++pos; }
    if (end - pos >= 1 && s[pos] == '#') { f->alternate = true; ++pos; }
    // "0" before the width: zero padding after the sign (backwards compatible).
    if (!fill_given && end - pos >= 1 && s[pos] == '0') {
        f->fill = '0';
        if (!align_given) f->align = '=';
        ++pos;
    }
    int consumed = get_integer(ts, s, &pos, &f->width);
    if (consumed < 0) return false;
    if (consumed == 0) f->width = -1;
    auto both = [&]() {
        raise(ts, interp.exc.ValueError, "Cannot specify both ',' and '_'.");
        return false;
    };
    if (end - pos && s[pos] == ',') { f->thousands = LT_DEFAULT_LOCALE; ++pos; }
    if (end - pos && s[pos] == '_') {
        if (f->thousands != LT_NO_LOCALE) return both();
        f->thousands = LT_UNDERSCORE_LOCALE;
        ++pos;
    }
    if (end - pos && s[pos] == ',' && f->thousands == LT_UNDERSCORE_LOCALE) return both();
    if (end - pos && s[pos] == '.') {
        ++pos;
        consumed = get_integer(ts, s, &pos, &f->precision);
        if (consumed < 0) return false;
        if (consumed == 0) {
            raise(ts, interp.exc.ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (end - pos > 1) {
        Ref<> spec = str_from_u32(ts, s);
        if (!spec) return false;
        raise(ts, interp.exc.ValueError, "Invalid format specifier '" + std::string(str_utf8(spec.get())) +
                                             "' for object of type '" + type_name + "'");
        return false;
    }
    if (end - pos == 1) f->type = s[pos];
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;   // PEP 378
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == LT_UNDERSCORE_LOCALE) {   // PEP 515: every four digits
                f->thousands = LT_UNDER_FOUR_LOCALE;
                break;
            }
            [[fallthrough]];
        default:
            raise(ts, interp.exc.ValueError, std::string("Cannot specify '") + char(f->thousands) + "' with '" +
                                                 char_for_message(f->type) + "'.");
            return false;
        }
    }
    return true;
}

static std::nullptr_t unknown_presentation_type(ThreadState* ts, char32_t type, const char* type_name) {
    return raise(ts, ts->interp->exc.ValueError, "Unknown format code '" + char_for_message(type) +
                                                     "' for object of type '" + type_name + "'");
}

struct LocaleInfo {
    const char* decimal_point = ".";
    const char* thousands_sep = "";
    const char* grouping = "";   // as localeconv(): sizes right to left, 0 = repeat the last
};

static LocaleInfo locale_info(int type) {
    LocaleInfo l;
    switch (type) {
    case LT_DEFAULT_LOCALE: l.thousands_sep = ","; l.grouping = "\3"; break;
    case LT_UNDERSCORE_LOCALE: l.thousands_sep = "_"; l.grouping = "\3"; break;
    case LT_UNDER_FOUR_LOCALE: l.thousands_sep = "_"; l.grouping = "\4"; break;
    default: break;   // no grouping; LT_CURRENT_LOCALE is the C locale
    }
    return l;
}

// Appends digits[0:n] with separators and leading zero padding up to
// min_width (CPython's _PyUnicode_InsertThousandsGrouping). Groups are
// produced right to left, so the text is built reversed. Returns its length.
static isize insert_grouping(std::u32string* out, std::string_view digits, isize min_width, const LocaleInfo& loc) {
    std::u32string rev;
    const isize sep_len = isize(std::strlen(loc.thousands_sep));
    isize remaining = isize(digits.size());
    isize digits_pos = remaining;
    bool use_sep = false, broken = false;
    auto fill = [&](isize n_chars, isize n_zeros) {
        if (use_sep)
            for (isize k = sep_len; k-- > 0;) rev.push_back(char32_t(loc.thousands_sep[k]));
        for (isize k = 0; k < n_chars; k++) rev.push_back(char32_t(digits[std::size_t(--digits_pos)]));
        rev.append(std::size_t(n_zeros), U'0');
    };
    const char* g = loc.grouping;
    char previous = 0;
    for (;;) {
        // GroupGenerator_next
        isize l;
        if (*g == 0) l = previous;
        else if (*g == 127) l = 0;   // CHAR_MAX: stop
        else { previous = *g; l = *g++; }
        if (l <= 0) break;
        l = std::min(l, std::max(std::max(remaining, min_width), isize(1)));
        isize n_zeros = std::max(isize(0), l - remaining);
        isize n_chars = std::max(isize(0), std::min(remaining, l));
        fill(n_chars, n_zeros);
        use_sep = true;
        remaining -= n_chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) { broken = true; break; }
        min_width -= sep_len;
    }
    if (!broken) {
        isize l = std::max(std::max(remaining, min_width), isize(1));
        isize n_zeros = std::max(isize(0), l - remaining);
        isize n_chars = std::max(isize(0), std::min(remaining, l));
        fill(n_chars, n_zeros);
    }
    out->append(rev.rbegin(), rev.rend());
    return isize(rev.size());
}

// A formatted number before padding: [sign][prefix][digits][.][remainder].
struct NumberParts {
    char sign_char = 0;          // '-' when negative
    std::string prefix;          // "0x" etc. (only with '#')
    std::string digits;          // the integer digits, to be grouped
    bool has_decimal = false;    // a decimal point follows the digits
    std::u32string remainder;    // fraction digits, exponent, '%', or a 'c' character
};

// CPython's calc_number_widths + fill_number. The result looks like
//
//   | lpadding | sign | prefix | spadding | grouped digits | decimal | remainder | rpadding |
//
// where only one of the three paddings is non-empty, chosen by the
// alignment; '=' pads between the sign/prefix and the digits, and zero fill
// with '=' goes into the digit grouping itself so separators appear among
// the zeros ("00,001,234").
static Ref<> fill_number(ThreadState* ts, const NumberParts& p, const FormatSpec& f, const LocaleInfo& loc,
                         bool toupper) {
    char sign = 0;
    if (f.sign == '+') sign = p.sign_char == '-' ? '-' : '+';
    else if (f.sign == ' ') sign = p.sign_char == '-' ? '-' : ' ';
    else if (p.sign_char == '-') sign = '-';
    const isize n_sign = sign ? 1 : 0;
    const isize n_prefix = isize(p.prefix.size());
    const isize n_decimal = p.has_decimal ? isize(std::strlen(loc.decimal_point)) : 0;
    const isize n_remainder = isize(p.remainder.size());
    const isize n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    const isize n_min_width = (f.fill == '0' && f.align == '=') ? f.width - n_non_digit : 0;

    std::u32string grouped;
    if (!p.digits.empty()) insert_grouping(&grouped, p.digits, n_min_width, loc);
    if (toupper)
        for (char32_t& c : grouped) if (c >= 'a' && c <= 'z') c = c - 'a' + 'A';
    isize n_lpad = 0, n_spad = 0, n_rpad = 0;
    isize n_padding = f.width - (n_non_digit + isize(grouped.size()));
    if (n_padding > 0) {
        switch (f.align) {
        case '<': n_rpad = n_padding; break;
        case '^': n_lpad = n_padding / 2; n_rpad = n_padding - n_lpad; break;
        case '=': n_spad = n_padding; break;
        default: n_lpad = n_padding; break;
        }
    }
    std::u32string out;
    out.append(std::size_t(n_lpad), f.fill);
    if (sign) out.push_back(char32_t(sign));
    for (char c : p.prefix) out.push_back(char32_t(toupper && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    out.append(std::size_t(n_spad), f.fill);
    out += grouped;
    if (p.has_decimal)
        for (const char* d = loc.decimal_point; *d; ++d) out.push_back(char32_t(*d));
    out += p.remainder;
    out.append(std::size_t(n_rpad), f.fill);
    return str_from_u32(ts, out);
}

// CPython's format_float_internal.
static Ref<> format_float_internal(ThreadState* ts, double val, const FormatSpec& f) {
    if (f.precision > INT32_MAX) return raise(ts, ts->interp->exc.ValueError, "precision too big");
    int precision = int(f.precision);
    char32_t type = f.type;
    int flags = 0;
    int default_precision = 6;
    if (f.alternate) flags |= DTSF_ALT;
    if (f.no_neg_0) flags |= DTSF_NO_NEG_0;
    if (type == 0) {
        // No type: like repr, or like 'g' with at least one fractional digit.
        flags |= DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    std::string buf = double_to_string(val, char(type), precision, flags);
    if (add_pct) buf += '%';

    NumberParts p;
    std::size_t i = 0;
    if (!buf.empty() && buf[0] == '-') { p.sign_char = '-'; i = 1; }
    std::size_t j = i;
    while (j < buf.size() && buf[j] >= '0' && buf[j] <= '9') ++j;
    p.digits = buf.substr(i, j - i);
    if (j < buf.size() && buf[j] == '.') { p.has_decimal = true; ++j; }
    for (; j < buf.size(); ++j) p.remainder.push_back(char32_t(buf[j]));
    LocaleInfo loc = locale_info(f.type == 'n' ? LT_CURRENT_LOCALE : f.thousands);
    return fill_number(ts, p, f, loc, false);
}

Ref<> format_double_spec(ThreadState* ts, double x, std::string_view spec, const char* type_name) {
    Ref<> s = str_from_utf8(ts, spec);
    if (!s) return nullptr;
    std::u32string cps;
    str_append_to(as_str(s.get()), cps);
    FormatSpec f;
    if (!parse_spec(ts, cps, type_name, 0, &f)) return nullptr;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_internal(ts, x, f);
    default:
        return unknown_presentation_type(ts, f.type, type_name);
    }
}

Ref<> float_format(ThreadState* ts, double v, std::string_view spec) {
    return format_double_spec(ts, v, spec, "float");
}

// CPython's format_long_internal.
static Ref<> format_long_internal(ThreadState* ts, Object* value, const FormatSpec& f) {
    Interpreter& interp = *ts->interp;
    if (f.precision != -1)
        return raise(ts, interp.exc.ValueError, "Precision not allowed in integer format specifier");
    if (f.no_neg_0)
        return raise(ts, interp.exc.ValueError,
                     "Negative zero coercion (z) not allowed in integer format specifier");
    NumberParts p;
    if (f.type == 'c') {
        if (f.sign)
            return raise(ts, interp.exc.ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f.alternate)
            return raise(ts, interp.exc.ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (!int_as_i64(value, &x))
            return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff) return raise(ts, interp.exc.OverflowError, "%c arg not in range(0x110000)");
        p.remainder.push_back(char32_t(x));   // copied as-is, never grouped
    } else {
        int base = 10;
        const char* prefix = "";
        switch (f.type) {
        case 'b': base = 2; prefix = "0b"; break;
        case 'o': base = 8; prefix = "0o"; break;
        case 'x': case 'X': base = 16; prefix = "0x"; break;
        default: break;
        }
        if (!int_digits_string(ts, as_int(value), base, &p.digits)) return nullptr;
        if (as_int(value)->ob_size < 0) p.sign_char = '-';
        if (f.alternate) p.prefix = prefix;
    }
    LocaleInfo loc = locale_info(f.type == 'n' ? LT_CURRENT_LOCALE : f.thousands);
    return fill_number(ts, p, f, loc, f.type == 'X');
}

Ref<> int_format(ThreadState* ts, Object* v, std::string_view spec) {
    Ref<> s = str_from_utf8(ts, spec);
    if (!s) return nullptr;
    std::u32string cps;
    str_append_to(as_str(s.get()), cps);
    FormatSpec f;
    const char* tname = type_name(v);
    if (!parse_spec(ts, cps, tname, 'd', &f)) return nullptr;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long_internal(ts, v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (!int_as_double(ts, v, &d)) return nullptr;
        return format_float_internal(ts, d, f);
    }
    default:
        return unknown_presentation_type(ts, f.type, tname);
    }
}

}  // namespace gp
