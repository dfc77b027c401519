// longobject.h — int: arbitrary-precision integers, and bool.
//
// Mirrors CPython 3.11's Objects/longobject.c and Include/cpython/longintrepr.h.
// An int is a VarObject whose |ob_size| is the number of 30-bit digits stored
// least significant first, and whose sign is the sign of ob_size; zero has
// ob_size 0. This is CPython's layout, so sys.getsizeof(int) is simply
// 24 + 4 * max(1, |ob_size|) bytes, as CPython reports. The ints -5..256 are
// cached per interpreter (Interpreter::small_ints): `a = 256; b = 256;
// a is b` holds for them as it does in CPython. bool is a subclass of int
// whose only instances are Interpreter::True and ::False.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

using digit = uint32_t;          // one base-2**30 digit
using twodigits = uint64_t;
using stwodigits = int64_t;
constexpr int kDigitBits = 30;   // PyLong_SHIFT
constexpr digit kDigitMask = (digit(1) << kDigitBits) - 1;

struct IntObject : VarObject {
    digit ob_digit[1];           // |ob_size| digits (at least one slot is always allocated)
};

bool is_int(Object* o);          // int or a subclass (bool included)

// Constructors. All return new references (small ints come from the cache);
// null with MemoryError set on failure.
Ref<> int_from_i64(ThreadState* ts, int64_t v);
Ref<> int_from_u64(ThreadState* ts, uint64_t v);
// OverflowError "cannot convert float infinity to integer" / ValueError for NaN.
Ref<> int_from_double(ThreadState* ts, double v);
// Parses digits as the int() constructor and int literals do (sign, surrounding
// whitespace, underscores between digits, base 0 = infer from prefix, 2..36).
// On bad input raises CPython's ValueError:
//   invalid literal for int() with base 10: 'abc'
Ref<> int_from_string(ThreadState* ts, std::string_view text, int base);
Ref<> bool_from(ThreadState* ts, bool v);   // new reference to True / False

// Conversions. int_as_i64 returns false on overflow without raising.
bool int_as_i64(Object* v, int64_t* out);
// Raises OverflowError "Python int too large to convert to C ssize_t" on overflow.
bool int_as_isize(ThreadState* ts, Object* v, isize* out);
// Correctly rounded; OverflowError "int too large to convert to float".
bool int_as_double(ThreadState* ts, Object* v, double* out);
// str(v) in base 10, or with prefix for base 2/8/16 ("0b101", "-0x1f").
Ref<> int_to_str(ThreadState* ts, Object* v, int base);
std::string int_to_decimal_string(Object* v);   // for C++ callers (no errors except OOM -> "")
int64_t int_hash(Object* v);                    // CPython's modular hash (never -1)
int int_compare(Object* a, Object* b);          // -1, 0, 1
int int_sign(Object* v);                        // -1, 0, 1
isize int_sizeof(Object* v);                    // sys.getsizeof as CPython 3.11 reports it
// format(v, spec) for a non-empty spec: the format-spec mini-language
// ([[fill]align][sign][z][#][0][width][,|_][.precision][type]) with CPython's
// results and errors; e/f/g/% types format float(v).
Ref<> int_format(ThreadState* ts, Object* v, std::string_view spec);

// Fills the slots and methods of interp.types.int_ and interp.types.bool_
// and creates the small-int cache and True/False. Called once at bootstrap.
bool init_int_types(ThreadState* ts);

}  // namespace gp
