// complexobject.cpp — the complex type (see complexobject.h).
//
// Mirrors CPython 3.11's Objects/complexobject.c. Mixed arithmetic converts
// an int or float operand to complex first (TO_COMPLEX); anything else gives
// NotImplemented so the other operand's reflected method is tried. Since
// 3.10, complex has no //, % or divmod at all. Only == and != compare.
//
// The C library's errno convention of CPython's helpers (_Py_c_quot,
// _Py_c_pow) is kept as an explicit status value: EDOM means "division by
// zero", ERANGE "the result overflowed".
#include "objects/complexobject.h"

#include <cmath>
#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/number_format.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

struct Complex {
    double real, imag;
};

enum class MathStatus { Ok, Domain, Range };   // errno 0, EDOM, ERANGE

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }

Complex c_sum(Complex a, Complex b) { return {a.real + b.real, a.imag + b.imag}; }
Complex c_diff(Complex a, Complex b) { return {a.real - b.real, a.imag - b.imag}; }
Complex c_prod(Complex a, Complex b) {
    return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// _Py_c_quot: Smith's method, dividing top and bottom by the larger of
// |b.real| and |b.imag| to avoid overflow.
Complex c_quot(Complex a, Complex b, MathStatus* status) {
    const double abs_breal = b.real < 0 ? -b.real : b.real;
    const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            *status = MathStatus::Domain;
            return {0.0, 0.0};
        }
        const double ratio = b.imag / b.real;
        const double denom = b.real + b.imag * ratio;
        return {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
    }
    if (abs_bimag >= abs_breal) {
        const double ratio = b.real / b.imag;
        const double denom = b.real * ratio + b.imag;
        return {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
    }
    return {NAN, NAN};   // at least one of b.real, b.imag is a NaN
}

// _Py_c_pow: through polar form.
Complex c_pow(Complex a, Complex b, MathStatus* status) {
    if (b.real == 0.0 && b.imag == 0.0) return {1.0, 0.0};
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) *status = MathStatus::Domain;
        return {0.0, 0.0};
    }
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= std::exp(at * b.imag);
        phase += b.imag * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
}

// c_powu / c_powi: repeated squaring for small integer exponents, which is
// faster and more accurate (so (1+2j)**2 is exactly (-3+4j)).
Complex c_powu(Complex x, long n) {
    Complex r{1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

Complex c_powi(Complex x, long n, MathStatus* status) {
    if (n > 0) return c_powu(x, n);
    return c_quot({1.0, 0.0}, c_powu(x, -n), status);
}

// _Py_ADJUST_ERANGE2: an infinite part is an overflow, unless the inputs were infinite.
void adjust_erange(Complex r, MathStatus* status) {
    if (std::isinf(r.real) || std::isinf(r.imag)) {
        if (*status == MathStatus::Ok) *status = MathStatus::Range;
    } else if (*status == MathStatus::Range) {
        *status = MathStatus::Ok;
    }
}

// TO_COMPLEX: complex, int and float operands; 0 = not a number we take.
int to_complex(ThreadState* ts, Object* o, Complex* out) {
    if (is_complex(o)) {
        *out = {as_complex(o)->real, as_complex(o)->imag};
        return 1;
    }
    if (is_int(o)) {
        double d;
        if (!int_as_double(ts, o, &d)) return -1;
        *out = {d, 0.0};
        return 1;
    }
    if (is_float(o)) {
        *out = {static_cast<FloatObject*>(o)->ob_fval, 0.0};
        return 1;
    }
    return 0;
}

}  // namespace

bool is_complex(Object* o) {
    TypeObject* t = type_of(o)->interp->types.complex;
    return t && isinstance_of(o, t);
}

static Ref<> complex_of_type(ThreadState* ts, TypeObject* type, double real, double imag) {
    auto* c = static_cast<ComplexObject*>(object_alloc(ts, type, 0));
    if (!c) return nullptr;
    c->real = real;
    c->imag = imag;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) ts->interp->gc.track(c);
    return Ref<>::steal(c);
}

Ref<> complex_from_doubles(ThreadState* ts, double real, double imag) {
    return complex_of_type(ts, ts->interp->types.complex, real, imag);
}

static Ref<> from_c(ThreadState* ts, Complex c) { return complex_from_doubles(ts, c.real, c.imag); }

Ref<> complex_pow_values(ThreadState* ts, double ar, double ai, double br, double bi) {
    Complex a{ar, ai}, b{br, bi};
    MathStatus status = MathStatus::Ok;
    Complex p;
    if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0)
        p = c_powi(a, long(b.real), &status);
    else
        p = c_pow(a, b, &status);
    adjust_erange(p, &status);
    if (status == MathStatus::Domain)
        return raise(ts, ts->interp->exc.ZeroDivisionError, "0.0 to a negative or complex power");
    if (status == MathStatus::Range) return raise(ts, ts->interp->exc.OverflowError, "complex exponentiation");
    return from_c(ts, p);
}

// ------------------------------------------------------------ arithmetic slots

#define CONVERT_BOTH(a, b, x, y)                              \
    Complex x, y;                                             \
    {                                                         \
        int ca = to_complex(ts, a, &x);                       \
        if (ca < 0) return nullptr;                           \
        int cb = ca ? to_complex(ts, b, &y) : 0;              \
        if (cb < 0) return nullptr;                           \
        if (!ca || !cb) return newref(ts->interp->NotImplemented); \
    }

static Ref<> complex_add(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return from_c(ts, c_sum(x, y));
}
static Ref<> complex_sub(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return from_c(ts, c_diff(x, y));
}
static Ref<> complex_mul(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return from_c(ts, c_prod(x, y));
}
static Ref<> complex_div(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    MathStatus status = MathStatus::Ok;
    Complex q = c_quot(x, y, &status);
    if (status == MathStatus::Domain) return raise(ts, ts->interp->exc.ZeroDivisionError, "complex division by zero");
    return from_c(ts, q);
}
static Ref<> complex_pow(ThreadState* ts, Object* a, Object* b, Object* mod) {
    CONVERT_BOTH(a, b, x, y);
    if (mod && mod != ts->interp->None) return raise(ts, ts->interp->exc.ValueError, "complex modulo");
    return complex_pow_values(ts, x.real, x.imag, y.real, y.imag);
}
#undef CONVERT_BOTH

static Ref<> complex_neg(ThreadState* ts, Object* a) {
    return complex_from_doubles(ts, -as_complex(a)->real, -as_complex(a)->imag);
}
static Ref<> complex_pos(ThreadState* ts, Object* a) {
    if (type_of(a) == ts->interp->types.complex) return newref(a);
    return complex_from_doubles(ts, as_complex(a)->real, as_complex(a)->imag);
}

// _Py_c_abs: hypot, except that an infinite part wins over a NaN.
static Ref<> complex_abs(ThreadState* ts, Object* a) {
    double re = as_complex(a)->real, im = as_complex(a)->imag;
    double r;
    if (!std::isfinite(re) || !std::isfinite(im)) {
        if (std::isinf(re)) r = std::fabs(re);
        else if (std::isinf(im)) r = std::fabs(im);
        else r = NAN;
    } else {
        r = std::hypot(re, im);
        if (std::isinf(r)) return raise(ts, ts->interp->exc.OverflowError, "absolute value too large");
    }
    return float_from_double(ts, r);
}

static int complex_bool(ThreadState*, Object* a) { return as_complex(a)->real != 0.0 || as_complex(a)->imag != 0.0; }

// == and != only; an int or float equals a complex with zero imaginary part.
static Ref<> complex_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (op != Py_EQ && op != Py_NE) return newref(interp.NotImplemented);
    ComplexObject* c = as_complex(a);
    bool equal;
    if (is_int(b) || is_float(b)) {
        if (c->imag != 0.0) {
            equal = false;
        } else {
            Ref<> re = float_from_double(ts, c->real);
            if (!re) return nullptr;
            int r = object_richcompare_bool(ts, re.get(), b, Py_EQ);
            if (r < 0) return nullptr;
            equal = r != 0;
        }
    } else if (is_complex(b)) {
        equal = c->real == as_complex(b)->real && c->imag == as_complex(b)->imag;
    } else {
        return newref(interp.NotImplemented);
    }
    return bool_ref(ts, equal == (op == Py_EQ));
}

// hash(re) + 1000003 * hash(im), in unsigned arithmetic (_PyHASH_IMAG).
static int64_t complex_hash(ThreadState*, Object* a) {
    uint64_t hr = uint64_t(float_hash(as_complex(a)->real));
    uint64_t hi = uint64_t(float_hash(as_complex(a)->imag));
    uint64_t combined = hr + 1000003ull * hi;
    if (combined == uint64_t(-1)) combined = uint64_t(-2);
    return int64_t(combined);
}

// ------------------------------------------------------------ repr and format

// complex_repr: "1j" when the real part is +0.0, else "(re+imj)"; the
// parts use repr's shortest digits without the ".0".
static std::string complex_text(double re, double im) {
    if (re == 0.0 && !std::signbit(re)) return double_to_string(im, 'r', 0, 0) + "j";
    return "(" + double_to_string(re, 'r', 0, 0) + double_to_string(im, 'r', 0, DTSF_SIGN) + "j)";
}

static Ref<> complex_repr(ThreadState* ts, Object* self) {
    return str_from_utf8(ts, complex_text(as_complex(self)->real, as_complex(self)->imag));
}

// __format__: no type formats like str() (then aligns it); with a float
// type both parts are formatted with it, the imaginary one with a sign, and
// the whole is aligned to the width (format_complex_internal, simplified:
// no parentheses are added).
static Ref<> complex_format_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__format__", kw) || !check_nargs(ts, "__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return type_error(ts, std::string("__format__() argument must be str, not ") + type_name(args[0]));
    std::string spec(str_utf8(args[0]));
    double re = as_complex(self)->real, im = as_complex(self)->imag;
    if (spec.empty()) return str_from_utf8(ts, complex_text(re, im));
    // [[fill]align][sign][z][#][0][width][grouping][.precision][type]
    std::size_t i = 0;
    std::string fill_align;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (spec.size() >= 2 && is_align(spec[1])) { fill_align = spec.substr(0, 2); i = 2; }
    else if (!spec.empty() && is_align(spec[0])) { fill_align = spec.substr(0, 1); i = 1; }
    std::string sign;
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
    std::string rest_flags;
    while (i < spec.size() && (spec[i] == 'z' || spec[i] == '#')) rest_flags += spec[i++];
    if (i < spec.size() && spec[i] == '0') i++;   // zero padding is not allowed for complex
    std::string width;
    while (i < spec.size() && std::isdigit(uint8_t(spec[i]))) width += spec[i++];
    std::string tail = spec.substr(i);   // grouping, precision, type
    char type = tail.empty() ? '\0' : tail.back();
    bool has_type = type && std::strchr("eEfFgGn%", type);
    if (type == '=' || fill_align.find('=') != std::string::npos)
        return raise(ts, ts->interp->exc.ValueError, "'=' alignment flag is not allowed in complex format specifier");
    std::string body;
    if (!has_type) {
        if (!tail.empty() && type && !std::strchr(".,_0123456789", type))
            return raise(ts, ts->interp->exc.ValueError,
                         std::string("Unknown format code '") + type + "' for object of type 'complex'");
        if (tail.empty() && sign.empty() && rest_flags.empty()) {
            body = complex_text(re, im);
        } else {
            // Like repr, but honouring sign and precision: 'g' per part,
            // parentheses unless the real part is +0.
            bool skip_re = re == 0.0 && !std::signbit(re);
            Ref<> m = format_double_spec(ts, im, (skip_re ? sign : std::string("+")) + rest_flags + tail + "g", "complex");
            if (!m) return nullptr;
            if (skip_re) {
                body = std::string(str_utf8(m.get())) + "j";
            } else {
                Ref<> r = format_double_spec(ts, re, sign + rest_flags + tail + "g", "complex");
                if (!r) return nullptr;
                body = "(" + std::string(str_utf8(r.get())) + std::string(str_utf8(m.get())) + "j)";
            }
        }
    } else {
        Ref<> r = format_double_spec(ts, re, sign + rest_flags + tail, "complex");
        Ref<> m = format_double_spec(ts, im, "+" + rest_flags + tail, "complex");
        if (!r || !m) return nullptr;
        body = std::string(str_utf8(r.get())) + std::string(str_utf8(m.get())) + "j";
    }
    std::size_t w = width.empty() ? 0 : std::size_t(std::stoul(width));
    if (body.size() < w) {
        char fill = fill_align.size() == 2 ? fill_align[0] : ' ';
        char align = fill_align.empty() ? '>' : fill_align.back();
        std::size_t pad = w - body.size();
        if (align == '<') body.append(pad, fill);
        else if (align == '^') body = std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
        else body = std::string(pad, fill) + body;
    }
    return str_from_utf8(ts, body);
}

// ------------------------------------------------------------ construction

// The longest prefix of s that is a float (PyOS_string_to_double with an
// end pointer): [sign] digits [. digits] [e [sign] digits] | inf | infinity | nan.
static std::size_t float_prefix(std::string_view s, double* out) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    auto lower_starts = [&](std::size_t at, const char* word) {
        std::size_t n = std::strlen(word);
        if (s.size() - at < n) return false;
        for (std::size_t k = 0; k < n; k++)
            if (std::tolower(uint8_t(s[at + k])) != word[k]) return false;
        return true;
    };
    std::size_t end = 0;
    if (lower_starts(i, "infinity")) end = i + 8;
    else if (lower_starts(i, "inf")) end = i + 3;
    else if (lower_starts(i, "nan")) end = i + 3;
    else {
        std::size_t digits = 0, j = i;
        while (j < s.size() && std::isdigit(uint8_t(s[j]))) { j++; digits++; }
        if (j < s.size() && s[j] == '.') {
            j++;
            while (j < s.size() && std::isdigit(uint8_t(s[j]))) { j++; digits++; }
        }
        if (!digits) return 0;
        if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
            std::size_t k = j + 1;
            if (k < s.size() && (s[k] == '+' || s[k] == '-')) k++;
            if (k < s.size() && std::isdigit(uint8_t(s[k]))) {
                while (k < s.size() && std::isdigit(uint8_t(s[k]))) k++;
                j = k;
            }
        }
        end = j;
    }
    if (!parse_double(s.substr(0, end), out)) return 0;
    return end;
}

// complex_subtype_from_string: "1", "1j", "1+2j", "(1-2j)", "-j", " j ".
static Ref<> complex_from_string(ThreadState* ts, TypeObject* type, Object* str) {
    std::u32string cps;
    str_append_to(as_str(str), cps);
    // Unicode whitespace and digits would need the float parser's tables;
    // ASCII covers what complex() literals use. Underscores between digits
    // are removed first, as _Py_string_to_number_with_underscores does.
    std::string text;
    for (std::size_t k = 0; k < cps.size(); k++) {
        char32_t c = cps[k];
        if (c > 127) return raise(ts, ts->interp->exc.ValueError, "complex() arg is a malformed string");
        if (c == '_') {
            bool ok = k > 0 && k + 1 < cps.size() && std::isdigit(int(cps[k - 1])) && std::isdigit(int(cps[k + 1]));
            if (!ok) {
                Ref<> r = object_repr(ts, str);
                if (!r) return nullptr;
                return raise(ts, ts->interp->exc.ValueError,
                             "could not convert string to complex: " + std::string(str_utf8(r.get())));
            }
            continue;
        }
        text += char(c);
    }
    auto error = [&]() { return raise(ts, ts->interp->exc.ValueError, "complex() arg is a malformed string"); };
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    std::string_view s = text;
    std::size_t p = 0;
    while (p < s.size() && space(s[p])) p++;
    bool bracket = false;
    if (p < s.size() && s[p] == '(') {
        bracket = true;
        p++;
        while (p < s.size() && space(s[p])) p++;
    }
    double x = 0.0, y = 0.0, z;
    std::size_t n = float_prefix(s.substr(p), &z);
    auto is_j = [&](std::size_t at) { return at < s.size() && (s[at] == 'j' || s[at] == 'J'); };
    if (n) {
        p += n;
        if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
            x = z;
            std::size_t m = float_prefix(s.substr(p), &y);
            if (m) p += m;
            else { y = s[p] == '+' ? 1.0 : -1.0; p++; }
            if (!is_j(p)) return error();
            p++;
        } else if (is_j(p)) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (p < s.size() && (s[p] == '+' || s[p] == '-')) { y = s[p] == '+' ? 1.0 : -1.0; p++; }
        else y = 1.0;
        if (!is_j(p)) return error();
        p++;
    }
    while (p < s.size() && space(s[p])) p++;
    if (bracket) {
        if (p >= s.size() || s[p] != ')') return error();
        p++;
        while (p < s.size() && space(s[p])) p++;
    }
    if (p != s.size()) return error();
    return complex_of_type(ts, type, x, y);
}

// __complex__ of o, or null with no error when it has none.
static Ref<> try_complex_special(ThreadState* ts, Object* o) {
    Ref<> f = lookup_special(ts, o, ts->interp->intern("__complex__"));
    if (!f) return nullptr;
    Ref<> r = object_call_noargs(ts, f.get());
    if (r && !is_complex(r.get()))
        return type_error(ts, std::string("__complex__ returned non-complex (type ") + type_name(r.get()) + ")");
    return r;
}

static bool is_number_like(Object* o) {
    NumberMethods* nb = type_of(o)->tp_as_number;
    return is_complex(o) || (nb && (nb->nb_float || nb->nb_index));
}

// complex(real=0, imag=0) (complex_new_impl).
static Ref<> complex_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"real", "imag"};
    Object* a[2];
    if (!parse_kwargs(ts, "complex", names, 2, 0, 0, args, nargs, kwnames, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* r = a[0];
    Object* i = a[1];
    Ref<> zero;
    if (!r) {
        zero = int_from_i64(ts, 0);
        if (!zero) return nullptr;
        r = zero.get();
    }
    if (type_of(r) == interp.types.complex && !i && type == interp.types.complex) return newref(r);
    if (is_str(r)) {
        if (i) return type_error(ts, "complex() can't take second arg if first is a string");
        return complex_from_string(ts, type, r);
    }
    if (i && is_str(i)) return type_error(ts, "complex() second arg can't be a string");
    Ref<> own_r = try_complex_special(ts, r);
    if (own_r) r = own_r.get();
    else if (error_occurred(ts)) return nullptr;
    if (!is_number_like(r))
        return type_error(ts, std::string("complex() first argument must be a string or a number, not '") + type_name(r) + "'");
    if (i && !is_number_like(i))
        return type_error(ts, std::string("complex() second argument must be a number, not '") + type_name(i) + "'");
    Complex cr{0.0, 0.0}, ci{0.0, 0.0};
    bool cr_is_complex = false, ci_is_complex = false;
    if (is_complex(r)) {
        cr = {as_complex(r)->real, as_complex(r)->imag};
        cr_is_complex = true;
    } else if (!float_as_double(ts, r, &cr.real)) {
        return nullptr;
    }
    if (!i) {
        ci.real = cr.imag;
    } else if (is_complex(i)) {
        ci = {as_complex(i)->real, as_complex(i)->imag};
        ci_is_complex = true;
    } else if (!float_as_double(ts, i, &ci.real)) {
        return nullptr;
    }
    // real + imag*1j, with either part possibly complex itself.
    if (ci_is_complex) cr.real -= ci.imag;
    if (cr_is_complex && i) ci.real += cr.imag;
    return complex_of_type(ts, type, cr.real, ci.real);
}

// ------------------------------------------------------------ methods

static Ref<> m_conjugate(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "conjugate", kw) || !check_nargs(ts, "conjugate", nargs, 0, 0)) return nullptr;
    return complex_from_doubles(ts, as_complex(self)->real, -as_complex(self)->imag);
}

static Ref<> m_getnewargs(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__getnewargs__", kw) || !check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
    Ref<> re = float_from_double(ts, as_complex(self)->real);
    Ref<> im = float_from_double(ts, as_complex(self)->imag);
    if (!re || !im) return nullptr;
    return tuple_pack(ts, {re.get(), im.get()});
}

static Ref<> m_complex(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__complex__", kw) || !check_nargs(ts, "__complex__", nargs, 0, 0)) return nullptr;
    if (type_of(self) == ts->interp->types.complex) return newref(self);
    return complex_from_doubles(ts, as_complex(self)->real, as_complex(self)->imag);
}

static const MethodDef complex_methods[] = {
    {"conjugate", m_conjugate, METH_DEFAULT, "conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", m_getnewargs, METH_DEFAULT, nullptr},
    {"__format__", complex_format_m, METH_DEFAULT, "__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."},
    {"__complex__", m_complex, METH_DEFAULT, "__complex__($self, /)\n--\n\nConvert this value to exact type complex."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> get_real(ThreadState* ts, Object* self) { return float_from_double(ts, as_complex(self)->real); }
static Ref<> get_imag(ThreadState* ts, Object* self) { return float_from_double(ts, as_complex(self)->imag); }

static const GetSetDef complex_getsets[] = {
    {"real", get_real, nullptr, "the real part of a complex number"},
    {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr},
};

static void complex_dealloc(Object* op) { object_free(op); }

bool init_complex_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = ensure_builtin_type(ts, &interp.types.complex, "complex", sizeof(ComplexObject), TPFLAGS_BASETYPE);
    if (!t) return false;
    t->tp_dealloc = complex_dealloc;
    t->tp_repr = complex_repr;
    t->tp_hash = complex_hash;
    t->tp_richcompare = complex_richcompare;
    t->tp_new = complex_new;
    t->tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
                "This is equivalent to (real + imag*1j) where imag defaults to 0.";
    NumberMethods& nb = t->number_storage;
    nb.nb_add = complex_add;
    nb.nb_subtract = complex_sub;
    nb.nb_multiply = complex_mul;
    nb.nb_true_divide = complex_div;
    nb.nb_power = complex_pow;
    nb.nb_negative = complex_neg;
    nb.nb_positive = complex_pos;
    nb.nb_absolute = complex_abs;
    nb.nb_bool = complex_bool;
    t->tp_as_number = &nb;
    return add_type_members(ts, t, complex_methods, complex_getsets);
}

}  // namespace gp
