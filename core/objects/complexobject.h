// complexobject.h — complex: a pair of doubles (real, imag).
//
// Mirrors CPython 3.11's Objects/complexobject.c: the 1j literal, the
// complex() constructor and its string syntax, repr as (1+2j), arithmetic
// with CPython's division (_Py_c_quot) and power (_Py_c_pow, and repeated
// squaring for small integer exponents) algorithms, so results agree to the
// last bit. sys.getsizeof(1j) is 32, as in CPython.
#pragma once

#include "objects/object.h"

namespace gp {

struct ComplexObject : Object {
    double real;
    double imag;
};

bool is_complex(Object* o);        // complex or a subclass
inline ComplexObject* as_complex(Object* o) { return static_cast<ComplexObject*>(o); }

Ref<> complex_from_doubles(ThreadState* ts, double real, double imag);
// (ar + ai j) ** (br + bi j) with CPython's complex_pow: ZeroDivisionError
// "0.0 to a negative or complex power", OverflowError "complex
// exponentiation". float ** float with a negative base and a fractional
// exponent is complex_pow_values(v, 0, w, 0), as float_pow defers to it.
Ref<> complex_pow_values(ThreadState* ts, double ar, double ai, double br, double bi);

bool init_complex_type(ThreadState* ts);

}  // namespace gp
