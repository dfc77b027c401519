// floatobject.cpp — the float type: IEEE-754 binary64 values with CPython's
// repr, arithmetic, comparisons and hashing.
//
// Mirrors CPython 3.11's Objects/floatobject.c. A float is a header and one
// C double:
//
//     +-----------+-----------+-----------+
//     | ob_refcnt | ob_type   | ob_fval   |   sys.getsizeof(1.0) == 24
//     +-----------+-----------+-----------+
//
// Most of float is the hardware's; the parts that are Python's own are:
//
//  * repr: the shortest digit string that reads back as the same double
//    ("0.1", not "0.1000000000000000055511151231257827"), switching to
//    exponent form below 1e-4 and from 1e16 on (number_format.cpp).
//  * Python's sign rules for % and // (the result of x % y has y's sign),
//    computed from fmod so that they are exact.
//  * Exact comparisons with ints: 2**53 + 1 == float(2**53 + 1) is False,
//    because the float is really 2**53. When an int is too wide to convert
//    exactly, the comparison is decided by bit lengths or by comparing two
//    ints built from the float (float_richcompare).
//  * Hashing compatible with int: an integral float hashes like the equal
//    int, both being the value modulo 2**61 - 1; nan hashes by identity.
//  * The errors: division by zero raises instead of giving inf, and
//    overflow in ** raises OverflowError, while + - * overflow quietly to inf.
#include "objects/floatobject.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/descrobject.h"
#include "objects/longobject_internal.h"
#include "objects/methodobject.h"
#include "objects/number_format.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static FloatObject* as_float(Object* o) { return static_cast<FloatObject*>(o); }

bool is_float(Object* o) {
    TypeObject* t = type_of(o)->interp->types.float_;
    return isinstance_of(o, t);
}

Ref<> float_from_double(ThreadState* ts, double v) {
    Interpreter& interp = *ts->interp;
    if (Object* op = interp.float_free_list) {
        std::memcpy(&interp.float_free_list, &as_float(op)->ob_fval, sizeof(Object*));
        interp.float_numfree--;
        op->ob_refcnt = 1;
        as_float(op)->ob_fval = v;
        return Ref<>::steal(op);
    }
    Object* op = object_alloc(ts, interp.types.float_, 0);
    if (!op) return nullptr;
    as_float(op)->ob_fval = v;
    return Ref<>::steal(op);
}

// float(self) for a float or subclass: self itself when exact.
static Ref<> float_exact(ThreadState* ts, Object* v) {
    if (type_of(v) == ts->interp->types.float_) return newref(v);
    return float_from_double(ts, as_float(v)->ob_fval);
}

// CPython's PyFloat_AsDouble.
bool float_as_double(ThreadState* ts, Object* o, double* out) {
    Interpreter& interp = *ts->interp;
    if (is_float(o)) { *out = as_float(o)->ob_fval; return true; }
    NumberMethods* nb = type_of(o)->tp_as_number;
    if (!nb || !nb->nb_float) {
        if (nb && nb->nb_index) {
            Ref<> i = number_index(ts, o);
            return i && int_as_double(ts, i.get(), out);
        }
        raise(ts, interp.exc.TypeError, std::string("must be real number, not ") + type_name(o));
        return false;
    }
    Ref<> r = nb->nb_float(ts, o);
    if (!r) return false;
    if (!is_float(r.get())) {
        raise(ts, interp.exc.TypeError, std::string(type_name(o)) + ".__float__ returned non-float (type " +
                                            type_name(r.get()) + ")");
        return false;
    }
    *out = as_float(r.get())->ob_fval;
    return true;
}

std::string float_repr_string(double v) { return double_to_string(v, 'r', 0, DTSF_ADD_DOT_0); }

// The float hash (CPython's _Py_HashDouble): for x = m * 2**e, reduce m
// modulo P = 2**61 - 1 28 bits at a time, then multiply by 2**e mod P,
// which is a rotation because 2**61 ≡ 1 (mod P). Integral floats thus hash
// exactly as the equal int does. nan has no value to hash: float_hash()
// returns 0 for it, and the type's hash slot uses the object's identity, as
// CPython 3.10+ does.
int64_t float_hash(double v) {
    constexpr int kHashBits = 61;
    constexpr uint64_t kModulus = (uint64_t(1) << kHashBits) - 1;
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & kModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;   // 2**28
        e -= 28;
        uint64_t y = uint64_t(m);   // the integer part
        m -= double(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kModulus) | x >> (kHashBits - e);
    int64_t h = sign < 0 ? -int64_t(x) : int64_t(x);
    return h == -1 ? -2 : h;
}

// ------------------------------------------------------------ slots

// Exact floats go to the free list while it has room (float_from_double
// takes them back); the rest, and subclass instances, are freed.
static void float_dealloc(Object* op) {
    Interpreter& interp = *type_of(op)->interp;
    if (type_of(op) == interp.types.float_ && interp.float_numfree < Interpreter::kFloatFreeMax) {
        std::memcpy(&as_float(op)->ob_fval, &interp.float_free_list, sizeof(Object*));
        interp.float_free_list = op;
        interp.float_numfree++;
        return;
    }
    object_free(op);
}

void float_clear_free_list(Interpreter& interp) {
    while (Object* op = interp.float_free_list) {
        std::memcpy(&interp.float_free_list, &as_float(op)->ob_fval, sizeof(Object*));
        object_free(op);
    }
    interp.float_numfree = 0;
}

static Ref<> float_repr(ThreadState* ts, Object* self) {
    return str_from_utf8(ts, float_repr_string(as_float(self)->ob_fval));
}

static int64_t float_hash_slot(ThreadState*, Object* self) {
    double v = as_float(self)->ob_fval;
    if (std::isnan(v)) {
        // _Py_HashPointer: the address rotated by 4 bits (allocation alignment).
        uintptr_t y = reinterpret_cast<uintptr_t>(self);
        y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
        int64_t h = int64_t(intptr_t(y));
        return h == -1 ? -2 : h;
    }
    return float_hash(v);
}

// Operand conversion for the binary slots (CONVERT_TO_DOUBLE): floats and
// ints take part, anything else answers NotImplemented. Returns 1 ok,
// 0 not implemented, -1 error.
static int convert_to_double(ThreadState* ts, Object* o, double* out) {
    if (is_float(o)) { *out = as_float(o)->ob_fval; return 1; }
    if (is_int(o)) return int_as_double(ts, o, out) ? 1 : -1;
    return 0;
}

#define CONVERT_BOTH(a, b, x, y)                                        \
    double x, y;                                                        \
    {                                                                   \
        int ca = convert_to_double(ts, a, &x);                          \
        if (ca < 0) return nullptr;                                     \
        if (ca == 0) return newref(ts->interp->NotImplemented);         \
        int cb = convert_to_double(ts, b, &y);                          \
        if (cb < 0) return nullptr;                                     \
        if (cb == 0) return newref(ts->interp->NotImplemented);         \
    }

static Ref<> compare_doubles(ThreadState* ts, double i, double j, CompareOp op) {
    bool r = false;
    switch (op) {
    case Py_LT: r = i < j; break;
    case Py_LE: r = i <= j; break;
    case Py_EQ: r = i == j; break;
    case Py_NE: r = i != j; break;
    case Py_GT: r = i > j; break;
    case Py_GE: r = i >= j; break;
    }
    return bool_from(ts, r);
}

static const CompareOp kSwappedOp[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

// CPython's float_richcompare. Comparing with an int must be exact, so a
// double conversion of the int is only trusted when the int has at most 48
// bits; otherwise signs, then bit lengths, decide, and when those tie the
// float's integer part becomes an int (with the fraction folded into an
// extra low bit) and two ints are compared.
static Ref<> float_richcompare(ThreadState* ts, Object* v, Object* w, CompareOp op) {
    Interpreter& interp = *ts->interp;
    double i = as_float(v)->ob_fval;
    if (is_float(w)) return compare_doubles(ts, i, as_float(w)->ob_fval, op);
    if (!is_int(w)) return newref(interp.NotImplemented);
    if (!std::isfinite(i)) return compare_doubles(ts, i, 0.0, op);   // inf and nan vs any int

    int vsign = i == 0.0 ? 0 : i < 0.0 ? -1 : 1;
    int wsign = int_sign(w);
    if (vsign != wsign) return compare_doubles(ts, vsign, wsign, op);   // signs decide
    int64_t nbits = int_bit_length(as_int(w));
    if (nbits <= 48) {
        double wd;
        int_as_double(ts, w, &wd);   // exact
        return compare_doubles(ts, i, wd, op);
    }
    // Same sign, non-zero, w has more than 48 bits.
    if (vsign < 0) {   // compare magnitudes: negate both sides, swap the operator
        i = -i;
        op = kSwappedOp[op];
    }
    int exponent;
    std::frexp(i, &exponent);   // bits before the point
    if (exponent < 0 || int64_t(exponent) < nbits) return compare_doubles(ts, 1.0, 2.0, op);
    if (int64_t(exponent) > nbits) return compare_doubles(ts, 2.0, 1.0, op);
    // Same bit length: compare |w| with the integer built from i.
    Ref<> ww = wsign < 0 ? int_neg(ts, as_int(w)) : newref(w);
    if (!ww) return nullptr;
    double intpart;
    double fracpart = std::modf(i, &intpart);
    Ref<> vv = int_from_double(ts, intpart);
    if (!vv) return nullptr;
    if (fracpart != 0.0) {
        // Shift both left and set the low bit of vv for the lost fraction.
        ww = int_lshift_bits(ts, as_int(ww.get()), 1);
        if (!ww) return nullptr;
        vv = int_lshift_bits(ts, as_int(vv.get()), 1);
        if (!vv) return nullptr;
        Ref<> one = int_small(ts, 1);
        vv = int_bitwise(ts, as_int(vv.get()), '|', as_int(one.get()));
        if (!vv) return nullptr;
    }
    int c = int_compare(vv.get(), ww.get());
    return compare_doubles(ts, c, 0, op);
}

static Ref<> float_add(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return float_from_double(ts, x + y);
}

static Ref<> float_sub(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return float_from_double(ts, x - y);
}

static Ref<> float_mul(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    return float_from_double(ts, x * y);
}

static Ref<> float_div(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) return raise(ts, ts->interp->exc.ZeroDivisionError, "float division by zero");
    return float_from_double(ts, x / y);
}

// x % y with the sign of y; fmod is exact, the adjustment may round.
static double float_mod_value(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);   // the sign of a zero remainder is the divisor's
    }
    return mod;
}

static Ref<> float_rem(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) return raise(ts, ts->interp->exc.ZeroDivisionError, "float modulo");
    return float_from_double(ts, float_mod_value(x, y));
}

// CPython's _float_div_mod: floor quotient and remainder, with the quotient
// snapped to the nearest integer (vx - mod is an exact multiple of wx
// mathematically, but not necessarily in floating point).
static void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
    double m = std::fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = std::copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = std::floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = std::copysign(0.0, vx / wx);   // zero with the sign of the true quotient
    }
    *floordiv = fd;
    *mod = m;
}

static Ref<> float_floordiv(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) return raise(ts, ts->interp->exc.ZeroDivisionError, "float floor division by zero");
    double q, r;
    float_div_mod(x, y, &q, &r);
    return float_from_double(ts, q);
}

static Ref<> float_divmod(ThreadState* ts, Object* a, Object* b) {
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0) return raise(ts, ts->interp->exc.ZeroDivisionError, "float divmod()");
    double q, r;
    float_div_mod(x, y, &q, &r);
    Ref<> fq = float_from_double(ts, q);
    Ref<> fr = float_from_double(ts, r);
    if (!fq || !fr) return nullptr;
    return tuple_pack(ts, {fq.get(), fr.get()});
}

static bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// OverflowError(34, 'Numerical result out of range'), the errno-style error
// CPython raises from PyErr_SetFromErrno(ERANGE).
static std::nullptr_t range_error(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<> code = int_from_i64(ts, 34);
    Ref<> msg = str_from_utf8(ts, "Numerical result out of range");
    if (!code || !msg) return nullptr;
    Object* args[] = {code.get(), msg.get()};
    Ref<> exc = object_vectorcall(ts, interp.exc.OverflowError, args, 2);
    if (!exc) return nullptr;
    return raise_object(ts, exc.get());
}

// CPython's float_pow: the special cases are sorted out here rather than
// trusting the platform's pow().
Ref<> float_pow_values(ThreadState* ts, double iv, double iw) {
    Interpreter& interp = *ts->interp;
    if (iw == 0) return float_from_double(ts, 1.0);                      // x**0 is 1, even 0**0 and nan**0
    if (std::isnan(iv)) return float_from_double(ts, iv);                // nan**w = nan
    if (std::isnan(iw)) return float_from_double(ts, iv == 1.0 ? 1.0 : iw);   // 1**nan = 1
    if (std::isinf(iw)) {
        // |v| < 1: v**inf = 0, v**-inf = inf; |v| > 1: the reverse; |v| == 1: 1.
        iv = std::fabs(iv);
        if (iv == 1.0) return float_from_double(ts, 1.0);
        if ((iw > 0.0) == (iv > 1.0)) return float_from_double(ts, std::fabs(iw));
        return float_from_double(ts, 0.0);
    }
    if (std::isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return float_from_double(ts, odd ? iv : std::fabs(iv));
        return float_from_double(ts, odd ? std::copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return raise(ts, interp.exc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(ts, odd ? iv : 0.0);
    }
    bool negate_result = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw))   // a negative number to a fractional power is complex
            return complex_pow_values(ts, iv, 0.0, iw, 0.0);
        iv = -iv;
        negate_result = is_odd_integer(iw);
    }
    if (iv == 1.0) return float_from_double(ts, negate_result ? -1.0 : 1.0);   // also (-1)**huge
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) return range_error(ts);   // finite operands, infinite result: ERANGE
    return float_from_double(ts, negate_result ? -ix : ix);
}

static Ref<> float_pow(ThreadState* ts, Object* a, Object* b, Object* c) {
    if (c && c != ts->interp->None)
        return raise(ts, ts->interp->exc.TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    CONVERT_BOTH(a, b, x, y);
    return float_pow_values(ts, x, y);
}

static Ref<> float_neg(ThreadState* ts, Object* a) { return float_from_double(ts, -as_float(a)->ob_fval); }
static Ref<> float_pos(ThreadState* ts, Object* a) { return float_exact(ts, a); }
static Ref<> float_abs(ThreadState* ts, Object* a) { return float_from_double(ts, std::fabs(as_float(a)->ob_fval)); }
static int float_bool(ThreadState*, Object* a) { return as_float(a)->ob_fval != 0.0; }
static Ref<> float_trunc_slot(ThreadState* ts, Object* a) { return int_from_double(ts, as_float(a)->ob_fval); }

// ------------------------------------------------------------ float()

// Underscores are allowed only between digits (CPython's
// _Py_string_to_number_with_underscores); they are removed before parsing.
static bool remove_underscores(std::string_view s, std::string* out) {
    char prev = 0;
    for (char c : s) {
        bool digit = c >= '0' && c <= '9';
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9')) return false;
        } else {
            if (prev == '_' && !digit) return false;
            out->push_back(c);
        }
        prev = c;
    }
    return prev != '_';
}

static bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// float(str) and float(bytes): for a str, Unicode digits and spaces are
// mapped to ASCII first; then surrounding whitespace is stripped,
// underscores checked and the rest parsed (CPython's PyFloat_FromString).
// `s` is what the error message shows.
static Ref<> float_from_text(ThreadState* ts, std::string_view ascii, Object* s) {
    std::string clean;
    double x;
    bool ok = remove_underscores(ascii, &clean);
    if (ok) {
        std::string_view c = clean;
        while (!c.empty() && ascii_space(c.front())) c.remove_prefix(1);
        while (!c.empty() && ascii_space(c.back())) c.remove_suffix(1);
        ok = parse_double(c, &x);
    }
    if (!ok) {
        Ref<> r = object_repr(ts, s);
        if (!r) return nullptr;
        return raise(ts, ts->interp->exc.ValueError,
                     "could not convert string to float: " + std::string(str_utf8(r.get())));
    }
    return float_from_double(ts, x);
}

static Ref<> float_from_str(ThreadState* ts, Object* s) {
    return float_from_text(ts, transform_decimal_and_space(as_str(s)), s);
}

// PyNumber_Float.
static Ref<> number_float(ThreadState* ts, Object* o) {
    Interpreter& interp = *ts->interp;
    if (type_of(o) == interp.types.float_) return newref(o);
    NumberMethods* nb = type_of(o)->tp_as_number;
    if (nb && nb->nb_float) {
        Ref<> r = nb->nb_float(ts, o);
        if (!r || type_of(r.get()) == interp.types.float_) return r;
        if (!is_float(r.get()))
            return raise(ts, interp.exc.TypeError, std::string(type_name(o)) +
                                                       ".__float__ returned non-float (type " +
                                                       type_name(r.get()) + ")");
        return float_from_double(ts, as_float(r.get())->ob_fval);
    }
    if (nb && nb->nb_index) {
        Ref<> i = number_index(ts, o);
        if (!i) return nullptr;
        double d;
        if (!int_as_double(ts, i.get(), &d)) return nullptr;
        return float_from_double(ts, d);
    }
    if (is_float(o)) return float_from_double(ts, as_float(o)->ob_fval);
    if (is_str(o)) return float_from_str(ts, o);
    if (std::string_view view; bytes_like_view(o, &view)) return float_from_text(ts, view, o);
    return raise(ts, interp.exc.TypeError,
                 std::string("float() argument must be a string or a real number, not '") + type_name(o) + "'");
}

// float(x=0.0, /)
static Ref<> float_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "float", kwnames) || !check_nargs(ts, "float", nargs, 0, 1)) return nullptr;
    Ref<> result;
    if (nargs == 0) result = float_from_double(ts, 0.0);
    else if (type_of(args[0]) == interp.types.str) result = float_from_str(ts, args[0]);
    else result = number_float(ts, args[0]);
    if (!result || type == interp.types.float_) return result;
    // A subclass: copy the value into an instance of it (float_subtype_new).
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    as_float(op)->ob_fval = as_float(result.get())->ob_fval;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) interp.gc.track(op);
    return Ref<>::steal(op);
}

// ------------------------------------------------------------ methods

static bool no_args(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 0, 0);
}

static Ref<> float_conjugate_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.conjugate", nargs, kw)) return nullptr;
    return float_exact(ts, self);
}

static Ref<> float_trunc_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.__trunc__", nargs, kw)) return nullptr;
    return int_from_double(ts, as_float(self)->ob_fval);
}

static Ref<> float_floor_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.__floor__", nargs, kw)) return nullptr;
    return int_from_double(ts, std::floor(as_float(self)->ob_fval));
}

static Ref<> float_ceil_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.__ceil__", nargs, kw)) return nullptr;
    return int_from_double(ts, std::ceil(as_float(self)->ob_fval));
}

// round(x, ndigits) correctly rounded (CPython's double_round): round the
// exact decimal expansion of x half-to-even at the requested place, then
// read the digits back as a double.
static Ref<> double_round(ThreadState* ts, double x, int ndigits) {
    DecimalDigits d = dtoa_fixed(x, ndigits);
    std::string buf = std::string(d.negative ? "-" : "") + "0" + d.digits + "e" +
                      std::to_string(d.decpt - int(d.digits.size()));
    double rounded = std::strtod(buf.c_str(), nullptr);
    if (std::isinf(rounded))
        return raise(ts, ts->interp->exc.OverflowError, "rounded value too large to represent");
    return float_from_double(ts, rounded);
}

static Ref<> float_round_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "float.__round__", kw) || !check_nargs(ts, "__round__", nargs, 0, 1)) return nullptr;
    Object* o_ndigits = nargs ? args[0] : nullptr;
    double x = as_float(self)->ob_fval;
    if (!o_ndigits || o_ndigits == ts->interp->None) {
        // Nearest integer, ties to even.
        double rounded = std::round(x);
        if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
        return int_from_double(ts, rounded);
    }
    // ndigits as a ssize_t, clipped on overflow (PyNumber_AsSsize_t(o, NULL)).
    Ref<> nd = number_index(ts, o_ndigits);
    if (!nd) return nullptr;
    int64_t ndigits;
    if (!int_as_i64(nd.get(), &ndigits)) ndigits = int_sign(nd.get()) < 0 ? INT64_MIN : INT64_MAX;
    if (!std::isfinite(x)) return float_from_double(ts, x);
    // Past these bounds x rounds to itself / to a zero of its sign
    // (0.30103 > log10(2)).
    constexpr int kNdigitsMax = int((53 - (-1021)) * 0.30103);
    constexpr int kNdigitsMin = -int((1024 + 1) * 0.30103);
    if (ndigits > kNdigitsMax) return float_from_double(ts, x);
    if (ndigits < kNdigitsMin) return float_from_double(ts, 0.0 * x);
    return double_round(ts, x, int(ndigits));
}

static Ref<> float_is_integer_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.is_integer", nargs, kw)) return nullptr;
    double x = as_float(self)->ob_fval;
    return bool_from(ts, std::isfinite(x) && std::floor(x) == x);
}

static Ref<> float_as_integer_ratio_m(ThreadState* ts, Object* self, Object* const*, isize nargs,
                                      TupleObject* kw) {
    if (!no_args(ts, "float.as_integer_ratio", nargs, kw)) return nullptr;
    Interpreter& interp = *ts->interp;
    double x = as_float(self)->ob_fval;
    if (std::isinf(x)) return raise(ts, interp.exc.OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) return raise(ts, interp.exc.ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double float_part = std::frexp(x, &exponent);
    // Scale the mantissa up until it is an integer (at most 300 steps).
    for (int i = 0; i < 300 && float_part != std::floor(float_part); i++) {
        float_part *= 2.0;
        exponent--;
    }
    Ref<> numerator = int_from_double(ts, float_part);
    Ref<> denominator = int_small(ts, 1);
    if (!numerator) return nullptr;
    if (exponent > 0) numerator = int_lshift_bits(ts, as_int(numerator.get()), exponent);
    else denominator = int_lshift_bits(ts, as_int(denominator.get()), -int64_t(exponent));
    if (!numerator || !denominator) return nullptr;
    return tuple_pack(ts, {numerator.get(), denominator.get()});
}

// float.hex(): "0x1.<13 hex digits>p<exp>" (CPython's float_hex).
static Ref<> float_hex_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.hex", nargs, kw)) return nullptr;
    constexpr int kToHexNbits = 53 + 3 - (53 + 2) % 4;   // 56
    double x = as_float(self)->ob_fval;
    if (!std::isfinite(x)) return float_repr(ts, self);
    if (x == 0.0) return str_from_utf8(ts, std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    int shift = 1 - std::max(-1021 - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    std::string s;
    s.push_back("0123456789abcdef"[int(m)]);
    m -= int(m);
    s.push_back('.');
    for (int i = 0; i < (kToHexNbits - 1) / 4; i++) {
        m *= 16.0;
        s.push_back("0123456789abcdef"[int(m)]);
        m -= int(m);
    }
    char esign = e < 0 ? '-' : '+';
    if (e < 0) e = -e;
    return str_from_utf8(ts, std::string(x < 0.0 ? "-0x" : "0x") + s + "p" + esign + std::to_string(e));
}

static int hex_from_char(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool ci_match(const char* s, const char* word) {
    for (; *word; ++s, ++word) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != *word) return false;
    }
    return true;
}

// float.fromhex(string), CPython's float_fromhex: parse
// [sign] ['0x'] hexdigits ['.' hexdigits] ['p' exponent], then round the
// coefficient to 53 bits by hand, half to even, so the result is exact.
static Ref<> float_fromhex_m(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "float.fromhex", kw) || !check_nargs(ts, "float.fromhex", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, interp.exc.TypeError, "bad argument type for built-in operation");
    constexpr int DBL_MANT = 53, DBL_MAX_E = 1024, DBL_MIN_E = -1021;
    const std::string text(str_utf8(args[0]));
    const char* s = text.c_str();
    const char* end = s + text.size();
    auto parse_error = [&]() { return raise(ts, interp.exc.ValueError, "invalid hexadecimal floating-point string"); };
    auto overflow_error = [&]() {
        return raise(ts, interp.exc.OverflowError, "hexadecimal value too large to represent as a float");
    };
    double x = 0.0;
    bool negate = false;
    while (ascii_space(*s)) s++;

    // Infinities and nans (with their own sign).
    {
        const char* p = s;
        bool neg = false;
        if (*p == '-') { neg = true; p++; }
        else if (*p == '+') p++;
        if (ci_match(p, "inf")) {
            p += 3;
            if (ci_match(p, "inity")) p += 5;
            x = neg ? -HUGE_VAL : HUGE_VAL;
            s = p;
            goto finished;
        }
        if (ci_match(p, "nan")) {
            x = neg ? -std::nan("") : std::nan("");
            s = p + 3;
            goto finished;
        }
    }
    {
        if (*s == '-') { s++; negate = true; }
        else if (*s == '+') s++;
        if (*s == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
        // Coefficient digits, most significant first, and how many follow the point.
        std::string hex;
        while (hex_from_char(*s) >= 0) hex.push_back(*s++);
        int64_t fdigits = 0;
        if (*s == '.') {
            s++;
            while (hex_from_char(*s) >= 0) { hex.push_back(*s++); fdigits++; }
        }
        int64_t ndigits = int64_t(hex.size());
        if (ndigits == 0) return parse_error();
        if (ndigits > (INT64_MAX / 2 + 1 - DBL_MAX_E) / 4)
            return raise(ts, interp.exc.ValueError, "hexadecimal string too long to convert");
        int64_t exp = 0;
        if (*s == 'p' || *s == 'P') {
            s++;
            const char* exp_start = s;
            if (*s == '-' || *s == '+') s++;
            if (!(*s >= '0' && *s <= '9')) return parse_error();
            while (*s >= '0' && *s <= '9') s++;
            exp = std::strtoll(exp_start, nullptr, 10);
        }
        // HEX_DIGIT(j): the j-th least significant coefficient digit.
        auto HEX_DIGIT = [&](int64_t j) { return hex_from_char(hex[std::size_t(ndigits - 1 - j)]); };
        // Drop leading zeros; catch extreme under/overflow.
        int64_t nd = ndigits;
        while (nd > 0 && HEX_DIGIT(nd - 1) == 0) nd--;
        if (nd == 0 || exp < INT64_MIN / 4) { x = 0.0; goto finished; }
        if (exp > INT64_MAX / 4) return overflow_error();
        exp -= 4 * fdigits;
        // top_exp: one more than the exponent of the top bit.
        int64_t top_exp = exp + 4 * (nd - 1);
        for (int d = HEX_DIGIT(nd - 1); d != 0; d /= 2) top_exp++;
        if (top_exp < DBL_MIN_E - DBL_MANT) { x = 0.0; goto finished; }
        if (top_exp > DBL_MAX_E) return overflow_error();
        // lsb: exponent of the least significant bit kept (subnormals keep fewer).
        int64_t lsb = std::max<int64_t>(top_exp, DBL_MIN_E) - DBL_MANT;
        x = 0.0;
        if (exp >= lsb) {   // exact
            for (int64_t i = nd - 1; i >= 0; i--) x = 16.0 * x + HEX_DIGIT(i);
            x = std::ldexp(x, int(exp));
            goto finished;
        }
        // key_digit holds the first bit rounded away; half_eps is that bit.
        int half_eps = 1 << int((lsb - exp - 1) % 4);
        int64_t key_digit = (lsb - exp - 1) / 4;
        for (int64_t i = nd - 1; i > key_digit; i--) x = 16.0 * x + HEX_DIGIT(i);
        int d = HEX_DIGIT(key_digit);
        x = 16.0 * x + double(d & (16 - 2 * half_eps));
        // Round half to even: up when the half bit is set and any lower bit
        // (or the kept lowest bit) is set.
        if (d & half_eps) {
            bool round_up = false;
            if ((d & (3 * half_eps - 1)) != 0 ||
                (half_eps == 8 && key_digit + 1 < nd && (HEX_DIGIT(key_digit + 1) & 1) != 0)) {
                round_up = true;
            } else {
                for (int64_t i = key_digit - 1; i >= 0; i--)
                    if (HEX_DIGIT(i) != 0) { round_up = true; break; }
            }
            if (round_up) {
                x += 2 * half_eps;
                if (top_exp == DBL_MAX_E && x == std::ldexp(double(2 * half_eps), DBL_MANT))
                    return overflow_error();
            }
        }
        x = std::ldexp(x, int(exp + 4 * key_digit));
    }
finished:
    while (ascii_space(*s)) s++;
    if (s != end) return parse_error();
    Ref<> result = float_from_double(ts, negate ? -x : x);
    if (!result || cls == interp.types.float_) return result;
    return object_call_one(ts, cls, result.get());
}

static Ref<> float_getnewargs_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "float.__getnewargs__", nargs, kw)) return nullptr;
    Ref<> v = float_from_double(ts, as_float(self)->ob_fval);
    if (!v) return nullptr;
    return tuple_pack(ts, {v.get()});
}

static Ref<> float_getformat_m(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "float.__getformat__", kw) || !check_nargs(ts, "float.__getformat__", nargs, 1, 1))
        return nullptr;
    if (!is_str(args[0]))
        return raise(ts, interp.exc.TypeError,
                     std::string("__getformat__() argument must be str, not ") + type_name(args[0]));
    std::string_view t = str_utf8(args[0]);
    if (t != "double" && t != "float")
        return raise(ts, interp.exc.ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_from_utf8(ts, "IEEE, little-endian");
}

static Ref<> float_format_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "float.__format__", kw) || !check_nargs(ts, "float.__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__format__() argument must be str, not ") + type_name(args[0]));
    std::string_view spec = str_utf8(args[0]);
    if (spec.empty()) return object_str(ts, self);
    return format_double_spec(ts, as_float(self)->ob_fval, spec, type_name(self));
}

static const MethodDef float_methods[] = {
    {"conjugate", float_conjugate_m, METH_DEFAULT, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_m, METH_DEFAULT, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_m, METH_DEFAULT, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_m, METH_DEFAULT, "Return the ceiling as an Integral."},
    {"__round__", float_round_m, METH_DEFAULT,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio_m, METH_DEFAULT,
     "as_integer_ratio($self, /)\n--\n\nReturn integer ratio."},
    {"fromhex", float_fromhex_m, METH_CLASS,
     "fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string."},
    {"hex", float_hex_m, METH_DEFAULT,
     "hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer_m, METH_DEFAULT, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs_m, METH_DEFAULT, nullptr},
    {"__getformat__", float_getformat_m, METH_CLASS,
     "__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function."},
    {"__format__", float_format_m, METH_DEFAULT, "__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> get_real(ThreadState* ts, Object* self) { return float_exact(ts, self); }
static Ref<> get_imag(ThreadState* ts, Object*) { return float_from_double(ts, 0.0); }

static const GetSetDef float_getsets[] = {
    {"real", get_real, nullptr, "the real part of a complex number"},
    {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ init

bool init_float_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.float_;
    t->tp_basicsize = sizeof(FloatObject);
    t->tp_itemsize = 0;
    t->tp_flags |= TPFLAGS_BASETYPE;
    t->tp_dealloc = float_dealloc;
    t->tp_repr = float_repr;
    t->tp_hash = float_hash_slot;
    t->tp_richcompare = float_richcompare;
    t->tp_new = float_new;
    t->tp_doc = "Convert a string or number to a floating point number, if possible.";
    NumberMethods& nb = t->number_storage;
    nb.nb_add = float_add;
    nb.nb_subtract = float_sub;
    nb.nb_multiply = float_mul;
    nb.nb_remainder = float_rem;
    nb.nb_divmod = float_divmod;
    nb.nb_power = float_pow;
    nb.nb_negative = float_neg;
    nb.nb_positive = float_pos;
    nb.nb_absolute = float_abs;
    nb.nb_bool = float_bool;
    nb.nb_int = float_trunc_slot;
    nb.nb_float = float_pos;
    nb.nb_floor_divide = float_floordiv;
    nb.nb_true_divide = float_div;
    t->tp_as_number = &nb;
    return type_add_methods(ts, t, float_methods) && type_add_getsets(ts, t, float_getsets);
}

}  // namespace gp
