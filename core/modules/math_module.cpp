// math_module.cpp — the `math` module.
//
// Mirrors CPython 3.11's Modules/mathmodule.c. Most functions are thin
// wrappers over the C library; what makes them Python's is the error policy
// (math_1 / math_2 in CPython), applied after the C function returns:
//
//     result NaN from a non-NaN argument        -> ValueError("math domain error")
//     result ±inf from a finite argument:
//         the function can overflow (exp, cosh) -> OverflowError("math range error")
//         otherwise it is a pole (log(0))       -> ValueError("math domain error")
//
// The integer functions (factorial, comb, perm, gcd, lcm, isqrt) work on
// Python ints of any size; fsum adds floats exactly (Shewchuk's algorithm,
// as msum.py and CPython do); hypot and dist scale and compensate their sum
// of squares as CPython 3.11's vector_norm does, so results agree to the
// last bit.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <vector>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/longobject_internal.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static std::nullptr_t domain_error(ThreadState* ts) { return raise(ts, ts->interp->exc.ValueError, "math domain error"); }
static std::nullptr_t range_error(ThreadState* ts) { return raise(ts, ts->interp->exc.OverflowError, "math range error"); }

// The one-argument functions (METH_O in CPython) name their module in
// errors: "math.sqrt() takes exactly one argument (0 given)".
static bool one_arg(ThreadState* ts, const char* fname, isize nargs, TupleObject* kw) {
    std::string qualified = std::string("math.") + fname;
    return check_no_kwargs(ts, qualified.c_str(), kw) && check_nargs(ts, qualified.c_str(), nargs, 1, 1);
}

// The two-argument ones use Argument Clinic's "atan2 expected 2 arguments, got 1".
static bool two_args(ThreadState* ts, const char* fname, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, fname, kw) && check_positional(ts, fname, nargs, 2, 2);
}

// -------------------------------------------------- float -> float wrappers

// math_1: apply f and translate NaN/inf results into exceptions.
static Ref<> math_1(ThreadState* ts, Object* arg, double (*f)(double), bool can_overflow) {
    double x;
    if (!float_as_double(ts, arg, &x)) return nullptr;
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
    if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(ts) : domain_error(ts);
    return float_from_double(ts, r);
}

// math_2 for two-argument functions (atan2, copysign, remainder, ...).
static Ref<> math_2(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                    double (*f)(double, double)) {
    if (!two_args(ts, fname, nargs, kw)) return nullptr;
    double x, y;
    if (!float_as_double(ts, args[0], &x) || !float_as_double(ts, args[1], &y)) return nullptr;
    double r = f(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error(ts);
    return float_from_double(ts, r);
}

#define MATH_FUNC1(name, cfunc, overflow)                                                             \
    static Ref<> math_##name(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) { \
        if (!one_arg(ts, #name, nargs, kw)) return nullptr;                                           \
        return math_1(ts, args[0], [](double x) { return cfunc(x); }, overflow);                      \
    }
MATH_FUNC1(acos, std::acos, false)
MATH_FUNC1(acosh, std::acosh, false)
MATH_FUNC1(asin, std::asin, false)
MATH_FUNC1(asinh, std::asinh, false)
MATH_FUNC1(atan, std::atan, false)
MATH_FUNC1(atanh, std::atanh, false)
MATH_FUNC1(cbrt, std::cbrt, false)
MATH_FUNC1(cos, std::cos, false)
MATH_FUNC1(cosh, std::cosh, true)
MATH_FUNC1(erf, std::erf, false)
MATH_FUNC1(erfc, std::erfc, false)
MATH_FUNC1(exp, std::exp, true)
MATH_FUNC1(exp2, std::exp2, true)
MATH_FUNC1(expm1, std::expm1, true)
MATH_FUNC1(fabs, std::fabs, false)
MATH_FUNC1(sin, std::sin, false)
MATH_FUNC1(sinh, std::sinh, true)
MATH_FUNC1(sqrt, std::sqrt, false)
MATH_FUNC1(tan, std::tan, false)
MATH_FUNC1(tanh, std::tanh, false)
#undef MATH_FUNC1

static Ref<> math_degrees(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "degrees", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    return float_from_double(ts, x * (180.0 / M_PI));
}

static Ref<> math_radians(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "radians", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    return float_from_double(ts, x * (M_PI / 180.0));
}

// ------------------------------------------------------- gamma, lgamma

// CPython does not use the C library's tgamma/lgamma (their accuracy varies
// between platforms) but its own: Lanczos' approximation with N = 13 and
// g = 6.024680040776729583740234375, as in Boost, whose coefficients these
// are. Same algorithm, same last bits as CPython 3.11.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
static const double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double kLanczosDen[kLanczosN] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
// gamma(n) = (n-1)! exactly, for n = 1..23.
static const double kGammaIntegral[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
    1124000727777607680000.0};

// The rational function of Lanczos' formula; for large x it is evaluated
// in 1/x, which avoids overflow and loses less accuracy.
static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = kLanczosN; --i >= 0;) {
            num = num * x + kLanczosNum[i];
            den = den * x + kLanczosDen[i];
        }
    } else {
        for (int i = 0; i < kLanczosN; i++) {
            num = num / x + kLanczosNum[i];
            den = den / x + kLanczosDen[i];
        }
    }
    return num / den;
}

// sin(pi * x), exact at the integers and half-integers (finite x).
static double sinpi(double x) {
    double y = std::fmod(std::fabs(x), 2.0), r;
    switch (int(std::round(2.0 * y))) {
        case 0: r = std::sin(M_PI * y); break;
        case 1: r = std::cos(M_PI * (y - 0.5)); break;
        case 2: r = std::sin(M_PI * (1.0 - y)); break;   // not -sin(pi*(y-1)): keeps +0.0 at y == 1
        case 3: r = -std::cos(M_PI * (y - 1.5)); break;
        default: r = std::sin(M_PI * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}

static Ref<> math_gamma(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "gamma", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    if (!std::isfinite(x)) {
        if (std::isnan(x) || x > 0.0) return float_from_double(ts, x);
        return domain_error(ts);
    }
    if (x == 0.0 || (x == std::floor(x) && x < 0.0)) return domain_error(ts);   // the poles
    if (x == std::floor(x) && x <= 23.0) return float_from_double(ts, kGammaIntegral[int(x) - 1]);
    double absx = std::fabs(x), r;
    if (absx < 1e-20) {   // gamma(x) ~ 1/x near 0
        r = 1.0 / x;
        if (std::isinf(r)) return range_error(ts);
        return float_from_double(ts, r);
    }
    if (absx > 200.0) {   // overflows, or underflows to ±0 for negative x
        if (x < 0.0) return float_from_double(ts, 0.0 / sinpi(x));
        return range_error(ts);
    }
    double y = absx + kLanczosGMinusHalf;
    // The rounding error of y, fed back as a relative correction.
    double z = absx > kLanczosGMinusHalf ? (y - absx) - kLanczosGMinusHalf : (y - kLanczosGMinusHalf) - absx;
    z = z * kLanczosG / y;
    if (x < 0.0) {   // reflection formula
        r = -M_PI / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (std::isinf(r)) return range_error(ts);
    return float_from_double(ts, r);
}

static Ref<> math_lgamma(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "lgamma", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    if (std::isnan(x)) return float_from_double(ts, x);
    if (std::isinf(x)) return float_from_double(ts, INFINITY);
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0) return domain_error(ts);   // poles
        return float_from_double(ts, 0.0);       // lgamma(1) = lgamma(2) = 0
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) return float_from_double(ts, -std::log(absx));
    double r = std::log(lanczos_sum(absx)) - kLanczosG;
    r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
    if (x < 0.0) r = std::log(M_PI) - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;   // reflection
    if (std::isinf(r)) return range_error(ts);
    return float_from_double(ts, r);
}

static Ref<> math_atan2(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return math_2(ts, "atan2", args, nargs, kw, [](double y, double x) { return std::atan2(y, x); });
}

static Ref<> math_copysign(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return math_2(ts, "copysign", args, nargs, kw, [](double x, double y) { return std::copysign(x, y); });
}

// fmod(x, inf) is x; fmod(inf, y) and fmod(x, 0) are domain errors.
static Ref<> math_fmod(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "fmod", nargs, kw)) return nullptr;
    double x, y;
    if (!float_as_double(ts, args[0], &x) || !float_as_double(ts, args[1], &y)) return nullptr;
    if (std::isinf(y) && std::isfinite(x)) return float_from_double(ts, x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
    return float_from_double(ts, r);
}

static Ref<> math_remainder(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "remainder", nargs, kw)) return nullptr;
    double x, y;
    if (!float_as_double(ts, args[0], &x) || !float_as_double(ts, args[1], &y)) return nullptr;
    if (std::isnan(x)) return float_from_double(ts, x);
    if (std::isnan(y)) return float_from_double(ts, y);
    if (std::isinf(x) || y == 0) return domain_error(ts);
    if (std::isinf(y)) return float_from_double(ts, x);
    return float_from_double(ts, std::remainder(x, y));
}

// math.pow: float-only power with C99 Annex F's special values, and
// ValueError for 0.0 ** negative and negative ** non-integer.
static Ref<> math_pow(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "pow", nargs, kw)) return nullptr;
    double x, y, r;
    if (!float_as_double(ts, args[0], &x) || !float_as_double(ts, args[1], &y)) return nullptr;
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (std::isinf(x)) {
            bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0) r = odd_y ? x : std::fabs(x);
            else if (y == 0) r = 1.0;
            else r = odd_y ? std::copysign(0.0, x) : 0.0;
        } else {   // y is infinite, x finite
            if (std::fabs(x) == 1.0) r = 1.0;
            else if ((y > 0) == (std::fabs(x) > 1.0)) r = INFINITY;
            else r = 0.0;
        }
        return float_from_double(ts, r);
    }
    r = std::pow(x, y);
    if (std::isnan(r)) return domain_error(ts);
    if (std::isinf(r)) return x == 0.0 ? domain_error(ts) : range_error(ts);
    return float_from_double(ts, r);
}

// ----------------------------------------------------------- logarithms

// loghelper: ints too large for a double are split as m * 2**e first, so
// math.log(10**1000) works. Non-positive arguments are domain errors.
static bool log_value(ThreadState* ts, Object* arg, double (*f)(double), double* out) {
    if (is_int(arg)) {
        if (int_sign(arg) <= 0) {
            domain_error(ts);
            return false;
        }
        double x;
        if (int_as_double(ts, arg, &x)) {
            *out = f(x);
            return true;
        }
        error_clear(ts);
        int64_t e;
        double m = int_frexp(as_int(arg), &e);
        *out = f(m) + f(2.0) * double(e);
        return true;
    }
    double x;
    if (!float_as_double(ts, arg, &x)) return false;
    if (std::isnan(x) || x == INFINITY) {
        *out = x;
        return true;
    }
    if (x <= 0) {
        domain_error(ts);
        return false;
    }
    *out = f(x);
    return true;
}

static Ref<> math_log(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "math.log", kw)) return nullptr;
    if (nargs < 1 || nargs > 2) return raise(ts, ts->interp->exc.TypeError, "math.log requires 1 to 2 arguments");
    auto ln = [](double x) { return std::log(x); };
    double num;
    if (!log_value(ts, args[0], ln, &num)) return nullptr;
    if (nargs == 1) return float_from_double(ts, num);
    double den;
    if (!log_value(ts, args[1], ln, &den)) return nullptr;
    if (den == 0.0) return raise(ts, ts->interp->exc.ZeroDivisionError, "float division by zero");
    return float_from_double(ts, num / den);
}

static Ref<> math_log2(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "log2", nargs, kw)) return nullptr;
    double r;
    if (!log_value(ts, args[0], [](double x) { return std::log2(x); }, &r)) return nullptr;
    return float_from_double(ts, r);
}

static Ref<> math_log10(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "log10", nargs, kw)) return nullptr;
    double r;
    if (!log_value(ts, args[0], [](double x) { return std::log10(x); }, &r)) return nullptr;
    return float_from_double(ts, r);
}

static Ref<> math_log1p(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "log1p", nargs, kw)) return nullptr;
    return math_1(ts, args[0], [](double x) { return std::log1p(x); }, false);
}

// --------------------------------------------------- rounding to integers

// floor/ceil/trunc: a float is converted directly; anything else goes
// through its __floor__/__ceil__/__trunc__ (int has them), else float().
static Ref<> round_via(ThreadState* ts, Object* x, const char* special, double (*f)(double), bool need_special) {
    Interpreter& interp = *ts->interp;
    if (isinstance_exact(x, interp.types.float_)) return int_from_double(ts, f(static_cast<FloatObject*>(x)->ob_fval));
    bool found = false;
    Ref<> r = call_special(ts, x, interp.intern(special), nullptr, 0, &found);
    if (found || error_occurred(ts)) return r;
    if (need_special)
        return raise(ts, interp.exc.TypeError,
                     std::string("type ") + type_name(x) + " doesn't define " + special + " method");
    double d;
    if (!float_as_double(ts, x, &d)) return nullptr;
    return int_from_double(ts, f(d));
}

static Ref<> math_floor(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "floor", nargs, kw)) return nullptr;
    return round_via(ts, args[0], "__floor__", [](double d) { return std::floor(d); }, false);
}

static Ref<> math_ceil(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "ceil", nargs, kw)) return nullptr;
    return round_via(ts, args[0], "__ceil__", [](double d) { return std::ceil(d); }, false);
}

static Ref<> math_trunc(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "trunc", nargs, kw)) return nullptr;
    return round_via(ts, args[0], "__trunc__", [](double d) { return std::trunc(d); }, true);
}

// --------------------------------------------------- float decomposition

static Ref<> math_frexp(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "frexp", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
    Ref<> a = float_from_double(ts, m), b = int_from_i64(ts, e);
    if (!a || !b) return nullptr;
    return tuple_pack(ts, {a.get(), b.get()});
}

static Ref<> math_ldexp(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!two_args(ts, "ldexp", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    if (!is_int(args[1])) return raise(ts, interp.exc.TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_as_i64(args[1], &e)) e = int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
    if (x == 0 || !std::isfinite(x)) return float_from_double(ts, x);
    if (e > INT32_MAX) return range_error(ts);
    if (e < INT32_MIN) return float_from_double(ts, std::copysign(0.0, x));
    double r = std::ldexp(x, int(e));
    if (std::isinf(r)) return range_error(ts);
    return float_from_double(ts, r);
}

static Ref<> math_modf(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "modf", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    double ip, fp;
    if (std::isinf(x)) {
        ip = x;
        fp = std::copysign(0.0, x);
    } else {
        fp = std::modf(x, &ip);
    }
    Ref<> a = float_from_double(ts, fp), b = float_from_double(ts, ip);
    if (!a || !b) return nullptr;
    return tuple_pack(ts, {a.get(), b.get()});
}

static Ref<> math_nextafter(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "nextafter", nargs, kw)) return nullptr;
    double x, y;
    if (!float_as_double(ts, args[0], &x) || !float_as_double(ts, args[1], &y)) return nullptr;
    return float_from_double(ts, std::nextafter(x, y));
}

static Ref<> math_ulp(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "ulp", nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    if (std::isnan(x)) return float_from_double(ts, x);
    x = std::fabs(x);
    if (std::isinf(x)) return float_from_double(ts, x);
    double up = std::nextafter(x, INFINITY);
    if (std::isinf(up)) return float_from_double(ts, x - std::nextafter(x, -INFINITY));
    return float_from_double(ts, up - x);
}

// ---------------------------------------------------------- predicates

static Ref<> float_predicate(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                             bool (*pred)(double)) {
    if (!one_arg(ts, fname, nargs, kw)) return nullptr;
    double x;
    if (!float_as_double(ts, args[0], &x)) return nullptr;
    return bool_from(ts, pred(x));
}

static Ref<> math_isfinite(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return float_predicate(ts, "isfinite", args, nargs, kw, [](double x) { return bool(std::isfinite(x)); });
}
static Ref<> math_isinf(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return float_predicate(ts, "isinf", args, nargs, kw, [](double x) { return bool(std::isinf(x)); });
}
static Ref<> math_isnan(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return float_predicate(ts, "isnan", args, nargs, kw, [](double x) { return bool(std::isnan(x)); });
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
static Ref<> math_isclose(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"a", "b", "rel_tol", "abs_tol"};
    static const ArgSpec spec{"isclose", names, 4, 2, 2, 0};
    Object* a[4];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (!float_as_double(ts, a[0], &x) || !float_as_double(ts, a[1], &y)) return nullptr;
    if (a[2] && !float_as_double(ts, a[2], &rel_tol)) return nullptr;
    if (a[3] && !float_as_double(ts, a[3], &abs_tol)) return nullptr;
    if (rel_tol < 0.0 || abs_tol < 0.0) return raise(ts, ts->interp->exc.ValueError, "tolerances must be non-negative");
    if (x == y) return bool_from(ts, true);
    if (std::isinf(x) || std::isinf(y)) return bool_from(ts, false);
    double diff = std::fabs(y - x);
    bool close = (diff <= std::fabs(rel_tol * y)) || (diff <= std::fabs(rel_tol * x)) || diff <= abs_tol;
    return bool_from(ts, close);
}

// ------------------------------------------------------ exact summation

// fsum: Shewchuk's "Adaptive Precision Floating-Point Arithmetic". The
// partials hold non-overlapping floats whose exact sum is the running total;
// adding x walks them, keeping each rounding error (lo) as a new partial.
// Infinities and NaNs are summed apart, so inf + -inf is reported as
// CPython reports it, and a finite overflow is an OverflowError.
static Ref<> math_fsum(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!one_arg(ts, "fsum", nargs, kw)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    std::vector<double> partials;
    double special_sum = 0.0, inf_sum = 0.0;
    while (Ref<> item = iter_next(ts, it.get())) {
        double x;
        if (!float_as_double(ts, item.get(), &x)) return nullptr;
        double xsave = x;
        std::size_t i = 0;
        for (double y : partials) {   // invariant: partials[0..i) are the kept ones
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                // A non-finite intermediate: an inf or nan summand, or overflow.
                if (std::isfinite(xsave)) return raise(ts, interp.exc.OverflowError, "intermediate overflow in fsum");
                if (std::isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push_back(x);
            }
        }
    }
    if (error_occurred(ts)) return nullptr;
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) return raise(ts, interp.exc.ValueError, "-inf + inf in fsum");
        return float_from_double(ts, special_sum);
    }
    // Sum from the top, stopping when the remaining partials cannot change
    // the result; then correct the half-way rounding case.
    double hi = 0.0;
    std::size_t n = partials.size();
    if (n > 0) {
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return float_from_double(ts, hi);
}

// ------------------------------------------------- hypot, dist: vector_norm

// A double-length number hi + lo, exact.
struct DoubleLength {
    double hi, lo;
};
static DoubleLength dl_fast_sum(double a, double b) {   // requires |a| >= |b|
    double hi = a + b;
    return {hi, (a - hi) + b};
}
static DoubleLength dl_mul(double x, double y) {         // exact product
    double hi = x * y;
    return {hi, std::fma(x, y, -hi)};
}

// The Euclidean norm of vec (all finite, |v| <= max), correctly rounded in
// nearly all cases: scale by a power of two so max lands in [0.5, 1), add
// the squares losslessly, take the root and apply one Newton correction.
static double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
    if (std::isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || vec.size() <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    if (max_e < -1023) {   // ldexp(1.0, -max_e) would overflow: make subnormals normal first
        for (double& v : vec) v /= DBL_MIN;
        return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
    }
    double scale = std::ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (double v : vec) {
        double x = v * scale;                  // lossless
        DoubleLength pr = dl_mul(x, x);        // lossless square
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);                        // differential correction
    return h / scale;
}

// Adds |x| to the coordinates, tracking the largest and whether any is NaN.
static void collect_abs(double x, std::vector<double>& vec, double* max, bool* found_nan) {
    x = std::fabs(x);
    vec.push_back(x);
    *found_nan |= std::isnan(x);
    if (x > *max) *max = x;
}

static Ref<> math_hypot(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "math.hypot", kw)) return nullptr;
    std::vector<double> vec;
    double max = 0.0;
    bool found_nan = false;
    for (isize i = 0; i < nargs; i++) {
        double x;
        if (!float_as_double(ts, args[i], &x)) return nullptr;
        collect_abs(x, vec, &max, &found_nan);
    }
    return float_from_double(ts, vector_norm(vec, max, found_nan));
}

// A point given to dist(): a tuple, or any iterable turned into one.
static Ref<TupleObject> as_point(ThreadState* ts, Object* o) {
    if (is_tuple(o)) return newref(as_tuple(o));
    Ref<ListObject> l = list_from_iterable(ts, o);
    if (!l) return nullptr;
    return list_as_tuple(ts, l.get());
}

static Ref<> math_dist(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "dist", nargs, kw)) return nullptr;
    Ref<TupleObject> p = as_point(ts, args[0]), q = p ? as_point(ts, args[1]) : nullptr;
    if (!p || !q) return nullptr;
    if (p->ob_size != q->ob_size)
        return raise(ts, ts->interp->exc.ValueError, "both points must have the same number of dimensions");
    std::vector<double> vec;
    double max = 0.0;
    bool found_nan = false;
    for (isize i = 0; i < p->ob_size; i++) {
        double a, b;
        if (!float_as_double(ts, p->ob_item[i], &a) || !float_as_double(ts, q->ob_item[i], &b)) return nullptr;
        collect_abs(a - b, vec, &max, &found_nan);
    }
    return float_from_double(ts, vector_norm(vec, max, found_nan));
}

// ------------------------------------------------------ integer functions

static Ref<> mul(ThreadState* ts, Object* a, Object* b) { return number_binary_op(ts, a, b, NB_MULTIPLY); }

// An int argument (operator.index), as the integer functions require.
static Ref<> int_arg(ThreadState* ts, Object* o) { return number_index(ts, o); }

// The product lo * (lo+1) * ... * hi of small ints, by binary splitting so
// that the big multiplications have balanced operands.
static Ref<> range_product(ThreadState* ts, int64_t lo, int64_t hi) {
    if (hi - lo < 8) {
        Ref<> acc = int_from_i64(ts, 1);
        for (int64_t i = lo; acc && i <= hi; i++) {
            Ref<> v = int_from_i64(ts, i);
            acc = v ? mul(ts, acc.get(), v.get()) : nullptr;
        }
        return acc;
    }
    int64_t mid = lo + (hi - lo) / 2;
    Ref<> a = range_product(ts, lo, mid);
    Ref<> b = a ? range_product(ts, mid + 1, hi) : nullptr;
    return b ? mul(ts, a.get(), b.get()) : nullptr;
}

static Ref<> math_factorial(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!one_arg(ts, "factorial", nargs, kw)) return nullptr;
    Ref<> n = int_arg(ts, args[0]);
    if (!n) return nullptr;
    if (int_sign(n.get()) < 0) return raise(ts, interp.exc.ValueError, "factorial() not defined for negative values");
    int64_t v;
    if (!int_as_i64(n.get(), &v) || v > 100000000)
        return raise(ts, interp.exc.OverflowError, "factorial() argument should not exceed 9223372036854775807");
    return v < 2 ? int_from_i64(ts, 1) : range_product(ts, 2, v);
}

static bool nonneg_int(ThreadState* ts, Object* o, const char* what, Ref<>* out) {
    *out = int_arg(ts, o);
    if (!*out) return false;
    if (int_sign(out->get()) < 0) {
        raise(ts, ts->interp->exc.ValueError, std::string(what) + " must be a non-negative integer");
        return false;
    }
    return true;
}

// perm(n, k): n * (n-1) * ... * (n-k+1); comb(n, k) = perm(n, k) / k!,
// computed as a running product that stays an exact integer at every step.
static Ref<> math_perm(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "perm", kw) || !check_positional(ts, "perm", nargs, 1, 2)) return nullptr;
    Ref<> n, k;
    if (!nonneg_int(ts, args[0], "n", &n)) return nullptr;
    if (nargs == 1 || args[1] == ts->interp->None) return math_factorial(ts, nullptr, args, 1, nullptr);
    if (!nonneg_int(ts, args[1], "k", &k)) return nullptr;
    if (int_compare(k.get(), n.get()) > 0) return int_from_i64(ts, 0);
    Ref<> acc = int_from_i64(ts, 1);
    Ref<> factor = newref(n.get());
    Ref<> one = int_from_i64(ts, 1);
    int64_t count;
    if (!int_as_i64(k.get(), &count)) return raise(ts, ts->interp->exc.OverflowError, "k must not exceed 9223372036854775807");
    for (int64_t i = 0; acc && i < count; i++) {
        acc = mul(ts, acc.get(), factor.get());
        if (acc) factor = number_binary_op(ts, factor.get(), one.get(), NB_SUBTRACT);
        if (!factor) return nullptr;
    }
    return acc;
}

static Ref<> math_comb(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!two_args(ts, "comb", nargs, kw)) return nullptr;
    Ref<> n, k;
    if (!nonneg_int(ts, args[0], "n", &n) || !nonneg_int(ts, args[1], "k", &k)) return nullptr;
    if (int_compare(k.get(), n.get()) > 0) return int_from_i64(ts, 0);
    Ref<> nk = number_binary_op(ts, n.get(), k.get(), NB_SUBTRACT);   // use the smaller of k, n-k
    if (!nk) return nullptr;
    if (int_compare(nk.get(), k.get()) < 0) k = std::move(nk);
    int64_t count;
    if (!int_as_i64(k.get(), &count))
        return raise(ts, ts->interp->exc.OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    Ref<> acc = int_from_i64(ts, 1);
    Ref<> one = int_from_i64(ts, 1);
    Ref<> factor = number_binary_op(ts, n.get(), k.get(), NB_SUBTRACT);   // n - k + i for i = 1..k
    for (int64_t i = 1; acc && factor && i <= count; i++) {
        factor = number_binary_op(ts, factor.get(), one.get(), NB_ADD);
        Ref<> iv = int_from_i64(ts, i);
        if (!factor || !iv) return nullptr;
        acc = mul(ts, acc.get(), factor.get());
        if (acc) acc = number_binary_op(ts, acc.get(), iv.get(), NB_FLOOR_DIVIDE);   // exact
    }
    return acc;
}

static Ref<> int_gcd(ThreadState* ts, Object* a, Object* b) {
    Ref<> x = number_absolute(ts, a), y = number_absolute(ts, b);
    while (x && y && int_sign(y.get()) != 0) {
        int64_t xs, ys;
        if (int_as_i64(x.get(), &xs) && int_as_i64(y.get(), &ys)) {   // finish in machine words
            while (ys) { int64_t t = xs % ys; xs = ys; ys = t; }
            return int_from_i64(ts, xs);
        }
        Ref<> r = number_binary_op(ts, x.get(), y.get(), NB_REMAINDER);
        x = std::move(y);
        y = std::move(r);
    }
    return x && y ? std::move(x) : nullptr;
}

static Ref<> math_gcd(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "math.gcd", kw)) return nullptr;
    Ref<> acc = int_from_i64(ts, 0);
    for (isize i = 0; acc && i < nargs; i++) {
        Ref<> v = int_arg(ts, args[i]);
        acc = v ? int_gcd(ts, acc.get(), v.get()) : nullptr;
    }
    return acc;
}

static Ref<> math_lcm(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "math.lcm", kw)) return nullptr;
    Ref<> acc = int_from_i64(ts, 1);
    for (isize i = 0; acc && i < nargs; i++) {
        Ref<> v = int_arg(ts, args[i]);
        if (!v) return nullptr;
        if (int_sign(v.get()) == 0 || int_sign(acc.get()) == 0) {
            acc = int_from_i64(ts, 0);
            continue;
        }
        Ref<> g = int_gcd(ts, acc.get(), v.get());
        Ref<> q = g ? number_binary_op(ts, acc.get(), g.get(), NB_FLOOR_DIVIDE) : nullptr;
        Ref<> p = q ? mul(ts, q.get(), v.get()) : nullptr;
        acc = p ? number_absolute(ts, p.get()) : nullptr;
    }
    return acc;
}

// isqrt: Newton's iteration a = (a + n // a) // 2 from a starting point at
// or above the root; it decreases monotonically to floor(sqrt(n)).
static Ref<> math_isqrt(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!one_arg(ts, "isqrt", nargs, kw)) return nullptr;
    Ref<> n = int_arg(ts, args[0]);
    if (!n) return nullptr;
    int s = int_sign(n.get());
    if (s < 0) return raise(ts, interp.exc.ValueError, "isqrt() argument must be nonnegative");
    if (s == 0) return int_from_i64(ts, 0);
    int64_t small;
    if (int_as_i64(n.get(), &small) && small < (int64_t(1) << 52)) {
        int64_t r = int64_t(std::sqrt(double(small)));
        while (r * r > small) r--;
        while ((r + 1) * (r + 1) <= small) r++;
        return int_from_i64(ts, r);
    }
    int64_t bits = int_bit_length(as_int(n.get()));
    Ref<> one = int_from_i64(ts, 1);
    Ref<> a = int_lshift_bits(ts, as_int(one.get()), (bits + 1) / 2 + 1);   // > sqrt(n)
    while (a) {
        Ref<> q = number_binary_op(ts, n.get(), a.get(), NB_FLOOR_DIVIDE);
        Ref<> s2 = q ? number_binary_op(ts, a.get(), q.get(), NB_ADD) : nullptr;
        Ref<> next = s2 ? int_rshift_bits(ts, as_int(s2.get()), 1) : nullptr;
        if (!next) return nullptr;
        if (int_compare(next.get(), a.get()) >= 0) return a;
        a = std::move(next);
    }
    return nullptr;
}

// prod(iterable, *, start=1)
static Ref<> math_prod(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "start"};
    static const ArgSpec spec{"prod", names, 2, 1, 1, 1};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Ref<> acc = a[1] ? newref(a[1]) : int_from_i64(ts, 1);
    Ref<> it = acc ? object_get_iter(ts, a[0]) : nullptr;
    if (!it) return nullptr;
    while (Ref<> item = iter_next(ts, it.get())) {
        acc = mul(ts, acc.get(), item.get());
        if (!acc) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return acc;
}

static const MethodDef math_methods[] = {
    {"acos", math_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, 0, "Return the cube root of x."},
    {"ceil", math_ceil, 0, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, 0, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, 0, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, 0, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, 0, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, 0, "Convert angle x from radians to degrees."},
    {"dist", math_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, 0, "Error function at x."},
    {"erfc", math_erfc, 0, "Complementary error function at x."},
    {"exp", math_exp, 0, "Return e raised to the power of x."},
    {"exp2", math_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, 0, "Return exp(x)-1."},
    {"fabs", math_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", math_factorial, 0, "Find n!."},
    {"floor", math_floor, 0, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, 0, "Gamma function at x."},
    {"gcd", math_gcd, 0, "Greatest Common Divisor."},
    {"hypot", math_hypot, 0, "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, 0, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, 0, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, 0, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, 0, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, 0, "Least Common Multiple."},
    {"ldexp", math_ldexp, 0, "Return x * (2**i)."},
    {"lgamma", math_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, 0, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, 0, "Return the base 2 logarithm of x."},
    {"modf", math_modf, 0, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, 0, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, 0, "Return x**y (x to the power of y)."},
    {"prod", math_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, 0, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, 0, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, 0, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, 0, "Return the square root of x."},
    {"tan", math_tan, 0, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, 0, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, 0, "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_math_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "math");
    if (!m || !module_add_functions(ts, m.get(), math_methods)) return nullptr;
    const std::pair<const char*, double> constants[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
    for (auto [name, value] : constants) {
        Ref<> v = float_from_double(ts, value);
        if (!v || !module_add_object(ts, m.get(), name, v.get())) return nullptr;
    }
    return m;
}

}  // namespace gp
