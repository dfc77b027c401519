// longobject_internal.h — the digit-level machinery of int, shared by the
// files that implement int (longobject.cpp, longobject_arith.cpp), float
// (which needs exact int <-> double conversions and comparisons) and the
// number formatter. Not part of the public API: other subsystems use
// longobject.h.
//
// Conventions (CPython's): every function taking IntObject* reads only its
// digits and ob_size, so it works for int subclasses and bool too; every
// function returning Ref<> returns a normalized exact int (no leading zero
// digits, small values taken from the interpreter's cache), or null with an
// exception set.
#pragma once

#include "runtime/interpreter.h"

#include <cstdint>
#include <string>

#include "objects/longobject.h"
#include "objects/unicodeobject.h"

namespace gp {

inline IntObject* as_int(Object* o) { return static_cast<IntObject*>(o); }
inline isize int_ndigits(const IntObject* v) { return v->ob_size < 0 ? -v->ob_size : v->ob_size; }

// The largest digit count we agree to allocate (CPython's MAX_LONG_DIGITS);
// asking for more raises OverflowError "too many digits in integer".
constexpr isize kMaxIntDigits = (PTRDIFF_MAX - 64) / isize(sizeof(digit)) / 2;

// A fresh exact int with room for `ndigits` digits, all zero, and ob_size =
// ndigits (the caller fills the digits, sets the sign and normalizes).
Ref<IntObject> int_alloc(ThreadState* ts, isize ndigits);
// Strips leading zero digits in place (CPython's long_normalize).
void int_strip(IntObject* v);
// Strips, then swaps in the cached small int when the value is in -5..256
// (CPython's maybe_small_long). Takes ownership of v.
Ref<> int_finish(ThreadState* ts, Ref<IntObject> v);
// New reference to the cached small int v (-5 <= v <= 256).
Ref<> int_small(ThreadState* ts, int v);
// An exact-int copy of v (v itself when it is already an exact int).
Ref<> int_exact(ThreadState* ts, IntObject* v);

// Number of bits in |v| (0 for 0), as int.bit_length().
int64_t int_bit_length(const IntObject* v);

// ---- arithmetic (longobject_arith.cpp). Arguments are ints (any subclass).
Ref<> int_add(ThreadState* ts, IntObject* a, IntObject* b);
Ref<> int_sub(ThreadState* ts, IntObject* a, IntObject* b);
Ref<> int_mul(ThreadState* ts, IntObject* a, IntObject* b);
Ref<> int_neg(ThreadState* ts, IntObject* a);
Ref<> int_abs(ThreadState* ts, IntObject* a);
Ref<> int_invert(ThreadState* ts, IntObject* a);
// Floor division and modulo with Python's sign rules; either output may be
// null when not wanted. Raises ZeroDivisionError with `zero_msg`.
bool int_divmod(ThreadState* ts, IntObject* a, IntObject* b, Ref<>* div, Ref<>* mod,
                const char* zero_msg = "integer division or modulo by zero");
// a / b correctly rounded to a double (CPython's long_true_divide).
bool int_true_divide(ThreadState* ts, IntObject* a, IntObject* b, double* out);
// a << n and a >> n for a non-negative shift count n (an int).
Ref<> int_lshift(ThreadState* ts, IntObject* a, IntObject* n);
Ref<> int_rshift(ThreadState* ts, IntObject* a, IntObject* n);
Ref<> int_lshift_bits(ThreadState* ts, IntObject* a, int64_t n);
Ref<> int_rshift_bits(ThreadState* ts, IntObject* a, int64_t n);
// Two's-complement bitwise operators; op is '&', '|' or '^'.
Ref<> int_bitwise(ThreadState* ts, IntObject* a, char op, IntObject* b);
// a ** b, or pow(a, b, m) when m is not null. A negative b without m is the
// caller's business (it means float power).
Ref<> int_pow(ThreadState* ts, IntObject* a, IntObject* b, IntObject* m);
// divmod(a, b) rounded to the nearest quotient, ties to even (CPython's
// _PyLong_DivmodNear); used by round().
bool int_divmod_near(ThreadState* ts, IntObject* a, IntObject* b, Ref<>* q, Ref<>* r);

// ---- conversions with doubles
// |v| = m * 2**e with 0.5 <= m < 1, correctly rounded (CPython's
// _PyLong_Frexp); returns the signed mantissa. e is 0 for 0.
double int_frexp(const IntObject* v, int64_t* e);

// ---- text (longobject_text.cpp)
// The int <-> decimal str limit (CVE-2020-10735): CPython's
// sys.int_info.default_max_str_digits and str_digits_check_threshold.
constexpr int kIntMaxStrDigits = 4300;
constexpr int kIntMaxStrDigitsThreshold = 640;
// The limit in force (0 = unlimited). CPython keeps it per interpreter for
// sys.set_int_max_str_digits(); until the Interpreter has that field this is
// the default.
inline int int_max_str_digits(ThreadState* ts) { return ts->interp->int_max_str_digits; }
// Digits of |v| in base 2/8/10/16 without sign or prefix (lowercase). For
// base 10 honours the 4300-digit limit: returns false with ValueError set.
bool int_digits_string(ThreadState* ts, const IntObject* v, int base, std::string* out);
// Parses text (ASCII already: Unicode digits and spaces transformed) as
// int() does. `original` is the object shown in the error message.
Ref<> int_parse(ThreadState* ts, std::string_view text, int base, Object* original);
// A str's text with Unicode decimal digits and whitespace mapped to ASCII
// and any other non-ASCII character replaced by '?' (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII), for int() and float().
std::string transform_decimal_and_space(StrObject* s);

}  // namespace gp
