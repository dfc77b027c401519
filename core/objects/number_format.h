// number_format.h — turning numbers into text: shortest round-trip float
// digits, CPython's float-to-string rules, and the format-spec mini-language
// for int and float. Internal to the int and float implementations
// (longobject.cpp, floatobject.cpp); the public entry points are
// int_format() and float_format() in their headers.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

// The decimal digits of a finite double as David Gay's _Py_dg_dtoa returns
// them: no leading zeros, no trailing zeros ("0" for zero), and decpt the
// position of the decimal point relative to the first digit, so
// value = 0.<digits> * 10**decpt. An empty digit string means "rounded to 0".
struct DecimalDigits {
    std::string digits;
    int decpt = 0;
    bool negative = false;   // sign bit of the input (also for -0.0)
};
// dtoa mode 0: the shortest digits that read back as x (ties: the nearest).
DecimalDigits dtoa_shortest(double x);
// dtoa mode 2: x rounded to max(1, ndigits) significant digits.
DecimalDigits dtoa_significant(double x, int ndigits);
// dtoa mode 3: x rounded to ndigits places after the point (ndigits may be
// negative: round(x, -2) rounds to hundreds). Ties go to even.
DecimalDigits dtoa_fixed(double x, int ndigits);

// PyOS_double_to_string flags.
enum DtsfFlags : int {
    DTSF_SIGN = 1,       // always add the sign
    DTSF_ADD_DOT_0 = 2,  // "1.0" rather than "1" for integral values
    DTSF_ALT = 4,        // '#': keep the decimal point and trailing zeros
    DTSF_NO_NEG_0 = 8,   // 'z': "-0.0" becomes "0.0"
};
// CPython's PyOS_double_to_string: code is 'e', 'E', 'f', 'F', 'g', 'G' or
// 'r' (repr; precision must be 0).
std::string double_to_string(double x, char code, int precision, int flags);

// Parses a float from ASCII text (whitespace already stripped; underscores
// already removed): [sign] (digits [. digits] | . digits) [e [sign] digits]
// or inf / infinity / nan. Returns false when the syntax is wrong.
bool parse_double(std::string_view text, double* out);

// format(x, spec) for non-empty specs; type_name names the object's type in
// error messages.
Ref<> format_double_spec(ThreadState* ts, double x, std::string_view spec, const char* type_name);

}  // namespace gp
