// floatobject.h — float: IEEE-754 doubles with CPython's repr and arithmetic.
// Mirrors CPython 3.11's Objects/floatobject.c.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

struct FloatObject : Object {
    double ob_fval;
};

bool is_float(Object* o);
Ref<> float_from_double(ThreadState* ts, double v);
// float(x) conversion of any object: float, int, __float__, __index__.
bool float_as_double(ThreadState* ts, Object* o, double* out);
// repr(): the shortest string that round-trips ("0.1", "1e+16", "inf", "nan").
std::string float_repr_string(double v);
int64_t float_hash(double v);   // CPython's hash for floats (equal to int hash when integral)
// format(v, spec) for a non-empty spec (format-spec mini-language; errors
// name the type 'float').
Ref<> float_format(ThreadState* ts, double v, std::string_view spec);
// v ** w with CPython's special cases and errors (float_pow), shared with
// int ** negative int.
Ref<> float_pow_values(ThreadState* ts, double v, double w);

bool init_float_type(ThreadState* ts);
// Frees the floats kept for reuse (Interpreter::float_free_list); finalize().
void float_clear_free_list(Interpreter& interp);

}  // namespace gp
