// longobject.cpp — the int and bool types: representation, conversions,
// text, hashing, the number slots and the methods.
//
// Mirrors CPython 3.11's Objects/longobject.c (and Objects/boolobject.c for
// bool). The algorithms on digit arrays — add, multiply, divide, shift, pow —
// live next door in longobject_arith.cpp, conversions to and from text in
// longobject_text.cpp, and format() in number_format.cpp; this file is the
// type itself: representation, the small-int cache, conversions to C
// numbers, hashing, the number slots, int() and the methods.
//
// Representation. An int is a VarObject followed by its digits:
//
//     +-----------+-----------+-----------+-----------+-----------+--
//     | ob_refcnt | ob_type   | ob_size   | digit[0]  | digit[1]  | ...
//     +-----------+-----------+-----------+-----------+-----------+--
//                              sign = sign of ob_size, |ob_size| = digit count
//
// Each digit holds 30 bits (kDigitBits) in a uint32_t; the value is
// sum(digit[i] * 2**(30*i)) * sign. Zero has ob_size 0; a normalized int never
// has a zero top digit. That is byte for byte CPython's layout, which is why
// sys.getsizeof(2**30) is 32 here as there: 24 bytes of header + 2 digits.
//
// Sharing. Ints are immutable, so the values -5..256 are made once per
// interpreter (Interpreter::small_ints) and every operation whose result
// falls in that range returns the cached object — `x = 256; y = 255 + 1;
// x is y` is True, but for 257 it is False, as in CPython. Ints hold no
// references to other objects, so they are not GC-tracked.
//
// bool is a subclass of int with the same layout and exactly two instances,
// Interpreter::True (value 1) and ::False (value 0). Only & | ^ between two
// bools stay bool; everything else is plain int arithmetic.
#include "objects/longobject.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/floatobject.h"
#include "objects/longobject_internal.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_int(Object* o) { return type_has_flag(type_of(o), TPFLAGS_LONG_SUBCLASS); }

// ------------------------------------------------------------ allocation

static Ref<IntObject> alloc_of_type(ThreadState* ts, TypeObject* type, isize ndigits) {
    if (ndigits > kMaxIntDigits) {
        raise(ts, ts->interp->exc.OverflowError, "too many digits in integer");
        return nullptr;
    }
    // At least one digit slot is always allocated (CPython's _PyLong_New).
    Object* op = object_alloc(ts, type, ndigits > 0 ? ndigits : 1);
    if (!op) return nullptr;
    static_cast<IntObject*>(op)->ob_size = ndigits;
    return Ref<IntObject>::steal(static_cast<IntObject*>(op));
}

Ref<IntObject> int_alloc(ThreadState* ts, isize ndigits) {
    return alloc_of_type(ts, ts->interp->types.int_, ndigits);
}

void int_strip(IntObject* v) {
    isize j = int_ndigits(v);
    isize i = j;
    while (i > 0 && v->ob_digit[i - 1] == 0) --i;
    if (i != j) v->ob_size = v->ob_size < 0 ? -i : i;
}

Ref<> int_small(ThreadState* ts, int v) {
    return newref<Object>(ts->interp->small_ints[v - Interpreter::kSmallIntMin]);
}

Ref<> int_finish(ThreadState* ts, Ref<IntObject> v) {
    int_strip(v.get());
    if (int_ndigits(v.get()) <= 1) {
        int64_t x = v->ob_size == 0 ? 0 : (v->ob_size < 0 ? -int64_t(v->ob_digit[0]) : int64_t(v->ob_digit[0]));
        if (x >= Interpreter::kSmallIntMin && x <= Interpreter::kSmallIntMax && ts->interp->small_ints[0])
            return int_small(ts, int(x));
    }
    return v;
}

// Copies the digits and sign of v into a new object of `type`.
static Ref<> copy_to_type(ThreadState* ts, TypeObject* type, const IntObject* v) {
    isize n = int_ndigits(v);
    Ref<IntObject> z = alloc_of_type(ts, type, n);
    if (!z) return nullptr;
    if (n) std::memcpy(z->ob_digit, v->ob_digit, std::size_t(n) * sizeof(digit));
    z->ob_size = v->ob_size;
    return z;
}

Ref<> int_exact(ThreadState* ts, IntObject* v) {
    if (type_of(v) == ts->interp->types.int_) return newref<Object>(v);
    Ref<> z = copy_to_type(ts, ts->interp->types.int_, v);
    if (!z) return nullptr;
    return int_finish(ts, std::move(z).as<IntObject>());
}

// ------------------------------------------------------------ constructors

// A fresh (never cached) int with magnitude v and the given sign.
static Ref<> fresh_from_u64(ThreadState* ts, uint64_t v, bool negative) {
    isize n = 0;
    for (uint64_t t = v; t; t >>= kDigitBits) ++n;
    Ref<IntObject> z = int_alloc(ts, n);
    if (!z) return nullptr;
    for (isize i = 0; i < n; i++, v >>= kDigitBits) z->ob_digit[i] = digit(v & kDigitMask);
    if (negative) z->ob_size = -n;
    return z;
}

Ref<> int_from_u64(ThreadState* ts, uint64_t v) {
    if (v <= uint64_t(Interpreter::kSmallIntMax) && ts->interp->small_ints[0]) return int_small(ts, int(v));
    return fresh_from_u64(ts, v, false);
}

Ref<> int_from_i64(ThreadState* ts, int64_t v) {
    if (v >= Interpreter::kSmallIntMin && v <= Interpreter::kSmallIntMax && ts->interp->small_ints[0])
        return int_small(ts, int(v));
    if (v >= 0) return fresh_from_u64(ts, uint64_t(v), false);
    return fresh_from_u64(ts, uint64_t(0) - uint64_t(v), true);   // well defined for INT64_MIN too
}

Ref<> bool_from(ThreadState* ts, bool v) {
    return newref<Object>(v ? ts->interp->True : ts->interp->False);
}

// Truncates toward zero (CPython's PyLong_FromDouble): the value is peeled
// off 30 bits at a time from the top, each step exact in double arithmetic.
Ref<> int_from_double(ThreadState* ts, double v) {
    if (v > -9.2e18 && v < 9.2e18) return int_from_i64(ts, int64_t(v));
    if (std::isinf(v))
        return raise(ts, ts->interp->exc.OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(v)) return raise(ts, ts->interp->exc.ValueError, "cannot convert float NaN to integer");
    bool neg = v < 0;
    if (neg) v = -v;
    int expo;
    double frac = std::frexp(v, &expo);   // v = frac * 2**expo, 0.5 <= frac < 1
    isize ndig = (expo - 1) / kDigitBits + 1;
    Ref<IntObject> z = int_alloc(ts, ndig);
    if (!z) return nullptr;
    frac = std::ldexp(frac, (expo - 1) % kDigitBits + 1);
    for (isize i = ndig; --i >= 0;) {
        digit bits = digit(frac);
        z->ob_digit[i] = bits;
        frac = std::ldexp(frac - double(bits), kDigitBits);
    }
    if (neg) z->ob_size = -z->ob_size;
    return int_finish(ts, std::move(z));
}

// ------------------------------------------------------------ conversions

bool int_as_i64(Object* o, int64_t* out) {
    IntObject* v = as_int(o);
    isize n = int_ndigits(v);
    if (n > 3) return false;   // 3 digits = 90 bits; anything longer cannot fit
    uint64_t mag = 0;
    for (isize i = n; i-- > 0;) {
        if (mag >> (64 - kDigitBits)) return false;   // would shift bits out
        mag = (mag << kDigitBits) | v->ob_digit[i];
    }
    if (v->ob_size >= 0) {
        if (mag > uint64_t(INT64_MAX)) return false;
        *out = int64_t(mag);
    } else {
        if (mag > uint64_t(INT64_MAX) + 1) return false;
        *out = int64_t(uint64_t(0) - mag);
    }
    return true;
}

bool int_as_isize(ThreadState* ts, Object* v, isize* out) {
    int64_t x;
    if (!int_as_i64(v, &x) || x < int64_t(PTRDIFF_MIN) || x > int64_t(PTRDIFF_MAX)) {
        raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = isize(x);
    return true;
}

bool int_as_double(ThreadState* ts, Object* o, double* out) {
    IntObject* v = as_int(o);
    if (int_ndigits(v) <= 1) {   // exact
        *out = v->ob_size == 0 ? 0.0 : (v->ob_size < 0 ? -double(v->ob_digit[0]) : double(v->ob_digit[0]));
        return true;
    }
    int64_t e;
    double m = int_frexp(v, &e);
    if (e > 1024) {   // DBL_MAX_EXP
        raise(ts, ts->interp->exc.OverflowError, "int too large to convert to float");
        return false;
    }
    *out = std::ldexp(m, int(e));
    return true;
}

int int_sign(Object* v) {
    isize s = as_int(v)->ob_size;
    return s < 0 ? -1 : s > 0;
}

int int_compare(Object* oa, Object* ob) {
    IntObject* a = as_int(oa);
    IntObject* b = as_int(ob);
    if (a->ob_size != b->ob_size) return a->ob_size < b->ob_size ? -1 : 1;
    isize i = int_ndigits(a);
    while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i]) {}
    if (i < 0) return 0;
    int c = a->ob_digit[i] < b->ob_digit[i] ? -1 : 1;
    return a->ob_size < 0 ? -c : c;
}

isize int_sizeof(Object* v) {
    isize n = int_ndigits(as_int(v));
    return 24 + 4 * (n > 0 ? n : 1);   // CPython 64-bit: offsetof(ob_digit) + digits
}

int64_t int_bit_length(const IntObject* v) {
    isize n = int_ndigits(v);
    if (n == 0) return 0;
    digit top = v->ob_digit[n - 1];
    int b = 0;
    while (top) { ++b; top >>= 1; }
    return int64_t(n - 1) * kDigitBits + b;
}

// The hash of an int is its value modulo the Mersenne prime P = 2**61 - 1
// (CPython's long_hash), so that equal ints, floats and Fractions hash alike.
// Computed digit by digit from the top: x*2**30 mod P is a 61-bit rotation.
int64_t int_hash(Object* o) {
    constexpr int kHashBits = 61;
    constexpr uint64_t kModulus = (uint64_t(1) << kHashBits) - 1;
    IntObject* v = as_int(o);
    isize i = v->ob_size;
    switch (i) {
    case -1: return v->ob_digit[0] == 1 ? -2 : -int64_t(v->ob_digit[0]);
    case 0: return 0;
    case 1: return v->ob_digit[0];
    default: break;
    }
    int sign = 1;
    if (i < 0) { sign = -1; i = -i; }
    uint64_t x = 0;
    while (--i >= 0) {
        x = ((x << kDigitBits) & kModulus) | (x >> (kHashBits - kDigitBits));
        x += v->ob_digit[i];
        if (x >= kModulus) x -= kModulus;
    }
    int64_t h = sign < 0 ? -int64_t(x) : int64_t(x);
    return h == -1 ? -2 : h;
}

// ------------------------------------------------------------ slots

static void int_dealloc(Object* op) { object_free(op); }

static Ref<> int_repr(ThreadState* ts, Object* self) { return int_to_str(ts, self, 10); }

static int64_t int_hash_slot(ThreadState*, Object* self) { return int_hash(self); }

static Ref<> compare_result(ThreadState* ts, int c, CompareOp op) {
    bool r = false;
    switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_EQ: r = c == 0; break;
    case Py_NE: r = c != 0; break;
    case Py_GT: r = c > 0; break;
    case Py_GE: r = c >= 0; break;
    }
    return bool_from(ts, r);
}

static Ref<> int_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented);
    return compare_result(ts, a == b ? 0 : int_compare(a, b), op);
}

// Binary slots receive the operands in source order; either may be a
// non-int when the other side's type brought us here (CHECK_BINOP).
#define INT_BINOP(name, expr)                                                   \
    static Ref<> name(ThreadState* ts, Object* a, Object* b) {                 \
        if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented); \
        IntObject* x = as_int(a);                                               \
        IntObject* y = as_int(b);                                               \
        return expr;                                                            \
    }

INT_BINOP(int_add_slot, int_add(ts, x, y))
INT_BINOP(int_sub_slot, int_sub(ts, x, y))
INT_BINOP(int_mul_slot, int_mul(ts, x, y))
INT_BINOP(int_lshift_slot, int_lshift(ts, x, y))
INT_BINOP(int_rshift_slot, int_rshift(ts, x, y))
INT_BINOP(int_and_slot, int_bitwise(ts, x, '&', y))
INT_BINOP(int_or_slot, int_bitwise(ts, x, '|', y))
INT_BINOP(int_xor_slot, int_bitwise(ts, x, '^', y))
#undef INT_BINOP

static Ref<> int_floordiv_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented);
    Ref<> q;
    if (!int_divmod(ts, as_int(a), as_int(b), &q, nullptr)) return nullptr;
    return q;
}

static Ref<> int_mod_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented);
    Ref<> r;
    if (!int_divmod(ts, as_int(a), as_int(b), nullptr, &r, "integer modulo by zero")) return nullptr;
    return r;
}

static Ref<> int_divmod_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented);
    Ref<> q, r;
    if (!int_divmod(ts, as_int(a), as_int(b), &q, &r)) return nullptr;
    return tuple_pack(ts, {q.get(), r.get()});
}

static Ref<> int_truediv_slot(ThreadState* ts, Object* a, Object* b) {
    if (!is_int(a) || !is_int(b)) return newref(ts->interp->NotImplemented);
    double d;
    if (!int_true_divide(ts, as_int(a), as_int(b), &d)) return nullptr;
    return float_from_double(ts, d);
}

static Ref<> int_pow_slot(ThreadState* ts, Object* a, Object* b, Object* c) {
    Interpreter& interp = *ts->interp;
    if (!is_int(a) || !is_int(b)) return newref(interp.NotImplemented);
    bool has_mod = c && c != interp.None;
    if (has_mod && !is_int(c)) return newref(interp.NotImplemented);
    if (as_int(b)->ob_size < 0 && !has_mod) {
        // A negative exponent makes it a float power (CPython hands over to
        // float_pow, which converts both operands).
        double x, y;
        if (!int_as_double(ts, a, &x) || !int_as_double(ts, b, &y)) return nullptr;
        return float_pow_values(ts, x, y);
    }
    return int_pow(ts, as_int(a), as_int(b), has_mod ? as_int(c) : nullptr);
}

static Ref<> int_neg_slot(ThreadState* ts, Object* a) { return int_neg(ts, as_int(a)); }
static Ref<> int_pos_slot(ThreadState* ts, Object* a) { return int_exact(ts, as_int(a)); }
static Ref<> int_abs_slot(ThreadState* ts, Object* a) { return int_abs(ts, as_int(a)); }
static Ref<> int_invert_slot(ThreadState* ts, Object* a) { return int_invert(ts, as_int(a)); }
static int int_bool_slot(ThreadState*, Object* a) { return as_int(a)->ob_size != 0; }
static Ref<> int_float_slot(ThreadState* ts, Object* a) {
    double d;
    if (!int_as_double(ts, a, &d)) return nullptr;
    return float_from_double(ts, d);
}

// ------------------------------------------------------------ int()

// The bytes of a bytes or bytearray object.
static std::string_view bytes_view_any(Object* o) {
    std::string_view v;
    bytes_like_view(o, &v);
    return v;
}

// PyNumber_Long: int(x) for one argument.
static Ref<> number_long(ThreadState* ts, Object* o) {
    Interpreter& interp = *ts->interp;
    if (type_of(o) == interp.types.int_) return newref(o);
    NumberMethods* nb = type_of(o)->tp_as_number;
    if (nb && nb->nb_int) {
        Ref<> r = nb->nb_int(ts, o);
        if (!r || type_of(r.get()) == interp.types.int_) return r;
        if (!is_int(r.get()))
            return raise(ts, interp.exc.TypeError,
                         std::string("__int__ returned non-int (type ") + type_name(r.get()) + ")");
        return int_exact(ts, as_int(r.get()));
    }
    if (nb && nb->nb_index) return number_index(ts, o);
    if (Object* trunc = type_lookup(type_of(o), "__trunc__")) {
        Ref<> keep = newref(trunc);
        Ref<> r = object_call_one(ts, trunc, o);
        if (!r || type_of(r.get()) == interp.types.int_) return r;
        if (is_int(r.get())) return int_exact(ts, as_int(r.get()));
        NumberMethods* rnb = type_of(r.get())->tp_as_number;
        if (!rnb || !rnb->nb_index)
            return raise(ts, interp.exc.TypeError,
                         std::string("__trunc__ returned non-Integral (type ") + type_name(r.get()) + ")");
        return number_index(ts, r.get());
    }
    if (is_str(o)) return int_parse(ts, transform_decimal_and_space(as_str(o)), 10, o);
    if (is_bytes(o) || is_bytearray(o)) return int_parse(ts, bytes_view_any(o), 10, o);
    if (std::string_view view; bytes_like_view(o, &view)) {
        // A memoryview: the error message shows a bytes copy (CPython's _PyLong_FromBytes).
        Ref<> copy = bytes_from_data(ts, view.data(), isize(view.size()));
        if (!copy) return nullptr;
        return int_parse(ts, view, 10, copy.get());
    }
    return raise(ts, interp.exc.TypeError,
                 std::string("int() argument must be a string, a bytes-like object or a real number, not '") +
                     type_name(o) + "'");
}

// int(x=0, /, base=10), CPython's long_new_impl; subclasses get an exact int
// first and copy its digits (long_subtype_new).
static Ref<> int_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    if (nargs + nkw > 2)
        return raise(ts, interp.exc.TypeError,
                     "int() takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
    Object* x = nargs >= 1 ? args[0] : nullptr;
    Object* obase = nargs >= 2 ? args[1] : nullptr;
    for (isize k = 0; k < nkw; k++) {
        std::string_view key = str_utf8(kwnames->ob_item[k]);
        if (key != "base")
            return raise(ts, interp.exc.TypeError,
                         "'" + std::string(key) + "' is an invalid keyword argument for int()");
        if (obase)
            return raise(ts, interp.exc.TypeError, "argument for int() given by name ('base') and position (2)");
        obase = args[nargs + k];
    }
    Ref<> result;
    if (!x) {
        if (obase) return raise(ts, interp.exc.TypeError, "int() missing string argument");
        result = int_small(ts, 0);
    } else if (!obase) {
        result = number_long(ts, x);
    } else {
        isize base;
        if (!index_as_isize(ts, obase, &base)) return nullptr;
        if ((base != 0 && base < 2) || base > 36)
            return raise(ts, interp.exc.ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (is_str(x)) result = int_parse(ts, transform_decimal_and_space(as_str(x)), int(base), x);
        else if (is_bytes(x) || is_bytearray(x)) result = int_parse(ts, bytes_view_any(x), int(base), x);
        else return raise(ts, interp.exc.TypeError, "int() can't convert non-string with explicit base");
    }
    if (!result || type == interp.types.int_) return result;
    Ref<> obj = copy_to_type(ts, type, as_int(result.get()));
    if (obj && type_has_flag(type, TPFLAGS_HAVE_GC)) interp.gc.track(obj.get());
    return obj;
}

// ------------------------------------------------------------ methods

static Ref<> int_bit_length_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.bit_length", kw) || !check_nargs(ts, "int.bit_length", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, int_bit_length(as_int(self)));
}

static int popcount_digit(digit d) {
    int n = 0;
    while (d) { d &= d - 1; ++n; }
    return n;
}

static Ref<> int_bit_count_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.bit_count", kw) || !check_nargs(ts, "int.bit_count", nargs, 0, 0)) return nullptr;
    IntObject* v = as_int(self);
    int64_t n = 0;
    for (isize i = 0; i < int_ndigits(v); i++) n += popcount_digit(v->ob_digit[i]);
    return int_from_i64(ts, n);
}

static Ref<> int_self_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw,
                        const char* name) {
    if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
    return int_exact(ts, as_int(self));
}
static Ref<> int_conjugate_m(ThreadState* ts, Object* s, Object* const* a, isize n, TupleObject* k) {
    return int_self_m(ts, s, a, n, k, "int.conjugate");
}
static Ref<> int_trunc_m(ThreadState* ts, Object* s, Object* const* a, isize n, TupleObject* k) {
    return int_self_m(ts, s, a, n, k, "int.__trunc__");
}
static Ref<> int_floor_m(ThreadState* ts, Object* s, Object* const* a, isize n, TupleObject* k) {
    return int_self_m(ts, s, a, n, k, "int.__floor__");
}
static Ref<> int_ceil_m(ThreadState* ts, Object* s, Object* const* a, isize n, TupleObject* k) {
    return int_self_m(ts, s, a, n, k, "int.__ceil__");
}

static Ref<> int_as_integer_ratio_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.as_integer_ratio", kw) || !check_nargs(ts, "int.as_integer_ratio", nargs, 0, 0))
        return nullptr;
    Ref<> num = int_exact(ts, as_int(self));
    if (!num) return nullptr;
    Ref<> one = int_small(ts, 1);
    return tuple_pack(ts, {num.get(), one.get()});
}

static Ref<> int_getnewargs_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.__getnewargs__", kw) || !check_nargs(ts, "int.__getnewargs__", nargs, 0, 0))
        return nullptr;
    Ref<> v = int_exact(ts, as_int(self));
    if (!v) return nullptr;
    return tuple_pack(ts, {v.get()});
}

static Ref<> int_sizeof_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.__sizeof__", kw) || !check_nargs(ts, "int.__sizeof__", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, int_sizeof(self));
}

// round(n, ndigits): for ndigits < 0, n - divmod_near(n, 10**-ndigits)[1],
// i.e. the nearest multiple of 10**-ndigits, ties to the even multiple.
static Ref<> int_round_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.__round__", kw) || !check_nargs(ts, "__round__", nargs, 0, 1)) return nullptr;
    Object* o_ndigits = nargs ? args[0] : nullptr;
    if (!o_ndigits) return int_exact(ts, as_int(self));
    Ref<> ndigits = number_index(ts, o_ndigits);
    if (!ndigits) return nullptr;
    if (as_int(ndigits.get())->ob_size >= 0) return int_exact(ts, as_int(self));
    Ref<> neg = int_neg(ts, as_int(ndigits.get()));
    if (!neg) return nullptr;
    Ref<> ten = int_small(ts, 10);
    Ref<> pow10 = int_pow(ts, as_int(ten.get()), as_int(neg.get()), nullptr);
    if (!pow10) return nullptr;
    Ref<> q, r;
    if (!int_divmod_near(ts, as_int(self), as_int(pow10.get()), &q, &r)) return nullptr;
    return int_sub(ts, as_int(self), as_int(r.get()));
}

static Ref<> int_format_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "int.__format__", kw) || !check_nargs(ts, "int.__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__format__() argument must be str, not ") + type_name(args[0]));
    std::string_view spec = str_utf8(args[0]);
    if (spec.empty()) return object_str(ts, self);
    return int_format(ts, self, spec);
}

// ------------------------------------------------------------ bytes

// byteorder must be exactly 'little' or 'big'.
static bool parse_byteorder(ThreadState* ts, const char* fname, Object* o, bool* little) {
    if (!o) { *little = false; return true; }
    if (!is_str(o)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string(fname) + "() argument 'byteorder' must be str, not " + type_name(o));
        return false;
    }
    std::string_view s = str_utf8(o);
    if (s == "little") { *little = true; return true; }
    if (s == "big") { *little = false; return true; }
    raise(ts, ts->interp->exc.ValueError, "byteorder must be either 'little' or 'big'");
    return false;
}

// Writes v into n bytes as (two's complement when is_signed) binary, CPython's
// _PyLong_AsByteArray: the digits are streamed into an accumulator, least
// significant first, complemented on the fly for negatives; the sign bits
// above the top digit are never stored, only checked to fit.
static bool as_byte_array(ThreadState* ts, const IntObject* v, unsigned char* bytes, std::size_t n,
                          bool little_endian, bool is_signed) {
    isize ndigits = int_ndigits(v);
    bool do_twos_comp = v->ob_size < 0;
    if (do_twos_comp && !is_signed) {
        raise(ts, ts->interp->exc.OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    unsigned char* p = little_endian ? bytes : bytes + n - 1;
    const int pincr = little_endian ? 1 : -1;
    auto overflow = [&]() {
        raise(ts, ts->interp->exc.OverflowError, "int too big to convert");
        return false;
    };
    std::size_t j = 0;   // bytes filled
    twodigits accum = 0;
    unsigned accumbits = 0;
    digit carry = do_twos_comp ? 1 : 0;
    for (isize i = 0; i < ndigits; ++i) {
        digit thisdigit = v->ob_digit[i];
        if (do_twos_comp) {
            thisdigit = (thisdigit ^ kDigitMask) + carry;
            carry = thisdigit >> kDigitBits;
            thisdigit &= kDigitMask;
        }
        accum |= twodigits(thisdigit) << accumbits;
        if (i == ndigits - 1) {
            // The top digit contributes only its significant bits; the sign
            // bits above need not be stored.
            digit sbits = do_twos_comp ? thisdigit ^ kDigitMask : thisdigit;
            while (sbits != 0) { sbits >>= 1; accumbits++; }
        } else {
            accumbits += kDigitBits;
        }
        while (accumbits >= 8) {
            if (j >= n) return overflow();
            ++j;
            *p = static_cast<unsigned char>(accum & 0xff);
            p += pincr;
            accumbits -= 8;
            accum >>= 8;
        }
    }
    if (accumbits > 0) {   // the straggler, padded with sign bits
        if (j >= n) return overflow();
        ++j;
        if (do_twos_comp) accum |= (~twodigits(0)) << accumbits;
        *p = static_cast<unsigned char>(accum & 0xff);
        p += pincr;
    } else if (j == n && n > 0 && is_signed) {
        // Filled exactly: the top byte's high bit must agree with the sign.
        unsigned char msb = *(p - pincr);
        return (msb >= 0x80) == do_twos_comp ? true : overflow();
    }
    for (unsigned char fill = do_twos_comp ? 0xff : 0; j < n; ++j, p += pincr) *p = fill;
    return true;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
static Ref<> int_to_bytes_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"length", "byteorder", "signed"};
    static const ArgSpec spec = {"to_bytes", names, 3, 0, 2, 0};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize length = 1;
    if (a[0] && !index_as_isize(ts, a[0], &length)) return nullptr;
    bool little;
    if (!parse_byteorder(ts, "to_bytes", a[1], &little)) return nullptr;
    bool is_signed = false;
    if (a[2]) {
        int t = object_is_true(ts, a[2]);
        if (t < 0) return nullptr;
        is_signed = t;
    }
    if (length < 0) return raise(ts, ts->interp->exc.ValueError, "length argument must be non-negative");
    char* data;
    Ref<> bytes = bytes_new_uninit(ts, length, &data);
    if (!bytes) return nullptr;
    if (!as_byte_array(ts, as_int(self), reinterpret_cast<unsigned char*>(data), std::size_t(length), little,
                       is_signed))
        return nullptr;
    return bytes;
}

// The bytes of from_bytes()'s argument: a bytes-like object directly, any
// other iterable of ints in range(256) as bytes(iterable) would read it.
static bool collect_bytes(ThreadState* ts, Object* o, std::string* out) {
    Interpreter& interp = *ts->interp;
    std::string_view view;
    if (bytes_like_view(o, &view)) { out->assign(view); return true; }
    auto cannot = [&]() {
        raise(ts, interp.exc.TypeError, std::string("cannot convert '") + type_name(o) + "' object to bytes");
        return false;
    };
    if (is_str(o)) return cannot();
    Ref<> it = object_get_iter(ts, o);
    if (!it) {
        if (!error_matches(ts, interp.exc.TypeError)) return false;
        error_clear(ts);
        return cannot();
    }
    while (Ref<> item = iter_next(ts, it.get())) {
        Ref<> iv = number_index(ts, item.get());
        if (!iv) return false;
        int64_t b;
        if (!int_as_i64(iv.get(), &b) || b < 0 || b > 255) {
            raise(ts, interp.exc.ValueError, "bytes must be in range(0, 256)");
            return false;
        }
        out->push_back(char(b));
    }
    return !error_occurred(ts);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) (CPython's
// _PyLong_FromByteArray, without its fast paths).
static Ref<> int_from_bytes_m(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"bytes", "byteorder", "signed"};
    static const ArgSpec spec = {"from_bytes", names, 3, 1, 2, 0};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    bool little;
    if (!parse_byteorder(ts, "from_bytes", a[1], &little)) return nullptr;
    bool is_signed = false;
    if (a[2]) {
        int t = object_is_true(ts, a[2]);
        if (t < 0) return nullptr;
        is_signed = t;
    }
    std::string bytes;
    if (!collect_bytes(ts, a[0], &bytes)) return nullptr;
    if (!little) std::reverse(bytes.begin(), bytes.end());   // now least significant first
    // Pack 8 bits at a time into 30-bit digits.
    isize nbits = isize(bytes.size()) * 8;
    Ref<IntObject> z = int_alloc(ts, (nbits + kDigitBits - 1) / kDigitBits);
    if (!z) return nullptr;
    twodigits accum = 0;
    int accumbits = 0;
    isize pos = 0;
    for (char c : bytes) {
        accum |= twodigits(static_cast<unsigned char>(c)) << accumbits;
        accumbits += 8;
        if (accumbits >= kDigitBits) {
            z->ob_digit[pos++] = digit(accum & kDigitMask);
            accum >>= kDigitBits;
            accumbits -= kDigitBits;
        }
    }
    if (accumbits) z->ob_digit[pos++] = digit(accum);
    Ref<> result = int_finish(ts, std::move(z));
    if (!result) return nullptr;
    if (is_signed && !bytes.empty() && (static_cast<unsigned char>(bytes.back()) & 0x80)) {
        // The top bit is set: the value is that minus 2**nbits.
        Ref<> one = int_small(ts, 1);
        Ref<> big = int_lshift_bits(ts, as_int(one.get()), nbits);
        if (!big) return nullptr;
        result = int_sub(ts, as_int(result.get()), as_int(big.get()));
        if (!result) return nullptr;
    }
    if (cls == interp.types.int_) return result;
    return object_call_one(ts, cls, result.get());
}

static const MethodDef int_methods[] = {
    {"conjugate", int_conjugate_m, METH_DEFAULT, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length_m, METH_DEFAULT,
     "bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_m, METH_DEFAULT,
     "bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes_m, METH_DEFAULT,
     "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\n"
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_m, METH_CLASS,
     "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\n"
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio_m, METH_DEFAULT,
     "as_integer_ratio($self, /)\n--\n\nReturn integer ratio."},
    {"__trunc__", int_trunc_m, METH_DEFAULT, "Truncating an Integral returns itself."},
    {"__floor__", int_floor_m, METH_DEFAULT, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil_m, METH_DEFAULT, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_m, METH_DEFAULT,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs_m, METH_DEFAULT, nullptr},
    {"__format__", int_format_m, METH_DEFAULT, "__format__($self, format_spec, /)\n--\n\n"},
    {"__sizeof__", int_sizeof_m, METH_DEFAULT, "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> get_self_int(ThreadState* ts, Object* self) { return int_exact(ts, as_int(self)); }
static Ref<> get_zero(ThreadState* ts, Object*) { return int_small(ts, 0); }
static Ref<> get_one(ThreadState* ts, Object*) { return int_small(ts, 1); }

static const GetSetDef int_getsets[] = {
    {"real", get_self_int, nullptr, "the real part of a complex number"},
    {"imag", get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", get_self_int, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ------------------------------------------------------------ bool

// The interpreter's own 'True' / 'False' strings, as 3.11 returns its
// static identifiers: str(True) is str(True).
static Ref<> bool_repr(ThreadState* ts, Object* self) {
    return str_intern_cstr(ts, as_int(self)->ob_size ? "True" : "False");
}

// bool(x=False, /): the truth value of x (CPython's bool_new).
static Ref<> bool_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (!check_no_kwargs(ts, "bool", kwnames) || !check_nargs(ts, "bool", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return bool_from(ts, false);
    int t = object_is_true(ts, args[0]);
    if (t < 0) return nullptr;
    return bool_from(ts, t);
}

static bool is_bool(ThreadState* ts, Object* o) { return type_of(o) == ts->interp->types.bool_; }

#define BOOL_BITOP(name, op, fallback)                                           \
    static Ref<> name(ThreadState* ts, Object* a, Object* b) {                   \
        if (is_bool(ts, a) && is_bool(ts, b))                                     \
            return bool_from(ts, (int(as_int(a)->ob_size != 0) op int(as_int(b)->ob_size != 0)) != 0); \
        return fallback(ts, a, b);                                                \
    }
BOOL_BITOP(bool_and, &, int_and_slot)
BOOL_BITOP(bool_or, |, int_or_slot)
BOOL_BITOP(bool_xor, ^, int_xor_slot)
#undef BOOL_BITOP

// ------------------------------------------------------------ init

static void fill_int_number_methods(NumberMethods& nb) {
    nb.nb_add = int_add_slot;
    nb.nb_subtract = int_sub_slot;
    nb.nb_multiply = int_mul_slot;
    nb.nb_remainder = int_mod_slot;
    nb.nb_divmod = int_divmod_slot;
    nb.nb_power = int_pow_slot;
    nb.nb_negative = int_neg_slot;
    nb.nb_positive = int_pos_slot;
    nb.nb_absolute = int_abs_slot;
    nb.nb_bool = int_bool_slot;
    nb.nb_invert = int_invert_slot;
    nb.nb_lshift = int_lshift_slot;
    nb.nb_rshift = int_rshift_slot;
    nb.nb_and = int_and_slot;
    nb.nb_xor = int_xor_slot;
    nb.nb_or = int_or_slot;
    nb.nb_int = int_pos_slot;
    nb.nb_float = int_float_slot;
    nb.nb_floor_divide = int_floordiv_slot;
    nb.nb_true_divide = int_truediv_slot;
    nb.nb_index = int_pos_slot;
}

// A cached int made without the cache (which does not exist yet).
static IntObject* make_cached(ThreadState* ts, TypeObject* type, int v) {
    Ref<IntObject> z = alloc_of_type(ts, type, v == 0 ? 0 : 1);
    if (!z) return nullptr;
    if (v != 0) {
        z->ob_digit[0] = digit(v < 0 ? -v : v);
        if (v < 0) z->ob_size = -1;
    }
    return z.release();
}

bool init_int_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.int_;
    t->tp_basicsize = sizeof(VarObject);   // == offsetof(IntObject, ob_digit)
    t->tp_itemsize = sizeof(digit);
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_LONG_SUBCLASS;
    t->tp_dealloc = int_dealloc;
    t->tp_repr = int_repr;
    t->tp_hash = int_hash_slot;
    t->tp_richcompare = int_richcompare;
    t->tp_new = int_new;
    t->tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
                "Convert a number or string to an integer, or return 0 if no arguments\n"
                "are given.  If x is a number, return x.__int__().  For floating point\n"
                "numbers, this truncates towards zero.";
    fill_int_number_methods(t->number_storage);
    t->tp_as_number = &t->number_storage;

    TypeObject* b = interp.types.bool_;
    b->tp_basicsize = sizeof(VarObject);
    b->tp_itemsize = sizeof(digit);
    b->tp_flags = (b->tp_flags & ~uint64_t(TPFLAGS_BASETYPE)) | TPFLAGS_LONG_SUBCLASS;
    if (!b->tp_base) {
        b->tp_base = t;
        incref(t);
    }
    b->tp_dealloc = int_dealloc;
    b->tp_repr = bool_repr;
    b->tp_hash = int_hash_slot;
    b->tp_richcompare = int_richcompare;
    b->tp_new = bool_new;
    b->tp_doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
                "The builtins True and False are the only two instances of the class bool.\n"
                "The class bool is a subclass of the class int, and cannot be subclassed.";
    fill_int_number_methods(b->number_storage);
    b->number_storage.nb_and = bool_and;
    b->number_storage.nb_or = bool_or;
    b->number_storage.nb_xor = bool_xor;
    b->tp_as_number = &b->number_storage;

    if (!interp.small_ints[0]) {
        for (int v = Interpreter::kSmallIntMin; v <= Interpreter::kSmallIntMax; v++) {
            IntObject* z = make_cached(ts, t, v);
            if (!z) return false;
            static_refs_add(z);
            interp.small_ints[v - Interpreter::kSmallIntMin] = z;
        }
    }
    if (!interp.True) {
        interp.False = make_cached(ts, b, 0);
        interp.True = make_cached(ts, b, 1);
        if (!interp.False || !interp.True) return false;
    }
    return type_add_methods(ts, t, int_methods) && type_add_getsets(ts, t, int_getsets);
}

}  // namespace gp
