"""Mathematical functions for complex numbers (CPython 3.11's cmath, written
in Python for glasspy).

For finite arguments each function uses the same formulas, in the same order
of floating-point operations, as CPython's Modules/cmathmodule.c (themselves
after Kahan, "Branch cuts for complex elementary functions"), so results
agree to the last bit and the branch cuts lie where CPython puts them: on
the real axis outside [-1, 1] for asin/acos/atanh, on the imaginary axis
outside [-1j, 1j] for asinh/atan, left of 0 for sqrt/log. Results too large
raise OverflowError('math range error'); poles (log(0), atanh(1)) raise
ValueError('math domain error').

Infinite and NaN arguments are handled by the common cases only (CPython
has full tables of special values from C99 Annex G).
"""

import math as _m

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_MANT_DIG = 53
_LARGE = _DBL_MAX / 4.0                 # CM_LARGE_DOUBLE
_SQRT_LARGE = _m.sqrt(_LARGE)
_LOG_LARGE = _m.log(_LARGE)
_SQRT_DBL_MIN = _m.sqrt(_DBL_MIN)
_SCALE_UP = 2 * (_MANT_DIG // 2) + 1    # CM_SCALE_UP = 53
_SCALE_DOWN = -(_SCALE_UP + 1) // 2     # CM_SCALE_DOWN = -27
_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046


def _hypot(x, y):
    # the C library's hypot, which CPython's cmath (and abs(complex)) use
    return abs(complex(x, y))


def _arg(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(z)
    t = type(z)
    if hasattr(t, '__complex__'):
        c = t.__complex__(z)
        if not isinstance(c, complex):
            raise TypeError("__complex__ returned non-complex (type %s)" % type(c).__name__)
        return c
    if hasattr(t, '__float__') or hasattr(t, '__index__'):
        return complex(float(z))
    raise TypeError("must be real number, not %s" % t.__name__)


def _finite(z):
    return _m.isfinite(z.real) and _m.isfinite(z.imag)


def _range_error():
    raise OverflowError("math range error")


def _domain_error():
    raise ValueError("math domain error")


def _check(z, r, pole=False):
    # CPython's errno checks: an infinite result from a finite argument is an
    # overflow, or a pole for the functions that have one.
    if _finite(z) and not _finite(r):
        if pole:
            _domain_error()
        _range_error()
    return r


# -- square root, exponential, logarithms ----------------------------------

def _sqrt(z):
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(y):
            return complex(inf, y)
        if _m.isnan(x):
            return complex(nan, nan)
        if _m.isinf(x):
            if x > 0:
                return complex(x, nan if _m.isnan(y) else _m.copysign(0.0, y))
            return complex(nan if _m.isnan(y) else 0.0, _m.copysign(inf, y))
        return complex(nan, nan)
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    ax, ay = abs(x), abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        # scale up so the intermediate does not lose precision to subnormals
        ax = _m.ldexp(ax, _SCALE_UP)
        s = _m.ldexp(_m.sqrt(ax + _hypot(ax, _m.ldexp(ay, _SCALE_UP))), _SCALE_DOWN)
    else:
        ax /= 8.0
        s = 2.0 * _m.sqrt(ax + _hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return complex(s, _m.copysign(d, y))
    return complex(d, _m.copysign(s, y))


def sqrt(z, /):
    return _sqrt(_arg(z))


def exp(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y):
            if x < 0:
                return complex(0.0 * _m.cos(y), 0.0 * _m.sin(y))
            if y == 0.0:
                return complex(inf, y)
            return complex(inf * _m.cos(y), inf * _m.sin(y))
        if _m.isnan(x) and y == 0.0:
            return complex(nan, y)
        if x == -inf:
            return complex(0.0, 0.0)
        if x == inf:
            return complex(inf, nan)
        return complex(nan, nan)
    if x > _LOG_LARGE:
        l = _m.exp(x - 1.0)
        r = complex(l * _m.cos(y) * e, l * _m.sin(y) * e)
    else:
        l = _m.exp(x)
        r = complex(l * _m.cos(y), l * _m.sin(y))
    return _check(z, r)


def _log(z, strict=True):
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) or _m.isinf(y):
            return complex(inf, _m.atan2(y, x) if not (_m.isnan(x) or _m.isnan(y)) else nan)
        return complex(nan, nan)
    ax, ay = abs(x), abs(y)
    if ax > _LARGE or ay > _LARGE:
        real = _m.log(_hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            real = _m.log(_hypot(_m.ldexp(ax, _MANT_DIG), _m.ldexp(ay, _MANT_DIG))) - _MANT_DIG * _LN2
        else:
            if strict:
                _domain_error()
            real = -inf     # log(0): only log(x, base) carries on with it
    else:
        h = _hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am, an = (ax, ay) if ax > ay else (ay, ax)
            real = _m.log1p((am - 1) * (am + 1) + an * an) / 2
        else:
            real = _m.log(h)
    return complex(real, _m.atan2(y, x))


def log(x, base=None, /):
    if base is None:
        return _log(_arg(x))
    # With a base, CPython reports only a division by zero.
    r = _log(_arg(x), False)
    b = _log(_arg(base), False)
    if True:
        try:
            r = _div(r, b)
        except ZeroDivisionError:
            raise ValueError("math domain error") from None
    return r


def _div(a, b):
    # complex division as CPython's _Py_c_quot does it (Smith's method),
    # giving NaN/inf components rather than failing on them.
    abs_br, abs_bi = abs(b.real), abs(b.imag)
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            raise ZeroDivisionError
        ratio = b.imag / b.real
        denom = b.real + b.imag * ratio
        return complex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom)
    if abs_bi >= abs_br:
        ratio = b.real / b.imag
        denom = b.real * ratio + b.imag
        return complex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom)
    return complex(nan, nan)


def log10(z, /):
    r = _log(_arg(z))
    return complex(r.real / _LN10, r.imag / _LN10)


# -- hyperbolic functions and their inverses ----------------------------------

def cosh(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y):
            if y == 0.0:
                return complex(inf, _m.copysign(0.0, x) * y)
            return complex(inf * _m.cos(y), _m.copysign(inf, x) * _m.sin(y))
        if x == 0.0:
            return complex(nan, 0.0)
        return complex(inf if _m.isinf(x) else nan, nan)
    if abs(x) > _LOG_LARGE:
        xm1 = x - _m.copysign(1.0, x)
        r = complex(_m.cos(y) * _m.cosh(xm1) * e, _m.sin(y) * _m.sinh(xm1) * e)
    else:
        r = complex(_m.cos(y) * _m.cosh(x), _m.sin(y) * _m.sinh(x))
    return _check(z, r)


def sinh(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y):
            if y == 0.0:
                return complex(x, y)
            return complex(x * _m.cos(y), inf * _m.sin(y))
        if x == 0.0:
            return complex(x, nan)
        return complex(x if _m.isinf(x) else nan, nan)
    if abs(x) > _LOG_LARGE:
        xm1 = x - _m.copysign(1.0, x)
        r = complex(_m.cos(y) * _m.sinh(xm1) * e, _m.sin(y) * _m.cosh(xm1) * e)
    else:
        r = complex(_m.cos(y) * _m.sinh(x), _m.sin(y) * _m.cosh(x))
    return _check(z, r)


def tanh(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) and _m.isfinite(y):
            return complex(_m.copysign(1.0, x), _m.copysign(0.0, 2.0 * _m.sin(y) * _m.cos(y)))
        if x == 0.0 and not _m.isfinite(y):
            return complex(x, nan)
        return complex(nan, nan)
    if abs(x) > _LOG_LARGE:
        return complex(_m.copysign(1.0, x), 4.0 * _m.sin(y) * _m.cos(y) * _m.exp(-2.0 * abs(x)))
    tx = _m.tanh(x)
    ty = _m.tan(y)
    cx = 1.0 / _m.cosh(x)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return complex(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)


def _asinh(z):
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) or _m.isinf(y):
            if _m.isnan(x) or _m.isnan(y):
                return complex(inf if _m.isinf(x) else inf, nan)
            return complex(_m.copysign(inf, x), _m.atan2(y, abs(x)))
        return complex(nan, nan)
    if abs(x) > _LARGE or abs(y) > _LARGE:
        if y >= 0:
            real = _m.copysign(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, x)
        else:
            real = -_m.copysign(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, -x)
        return complex(real, _m.atan2(y, abs(x)))
    s1 = _sqrt(complex(1.0 + y, -x))
    s2 = _sqrt(complex(1.0 - y, x))
    return complex(_m.asinh(s1.real * s2.imag - s2.real * s1.imag),
                   _m.atan2(y, s1.real * s2.real - s1.imag * s2.imag))


def asinh(z, /):
    return _asinh(_arg(z))


def acosh(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) or _m.isinf(y):
            if _m.isnan(x) or _m.isnan(y):
                return complex(inf, nan)
            return complex(inf, _m.atan2(y, x))
        return complex(nan, nan)
    if abs(x) > _LARGE or abs(y) > _LARGE:
        return complex(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, _m.atan2(y, x))
    s1 = _sqrt(complex(x - 1.0, y))
    s2 = _sqrt(complex(x + 1.0, y))
    return complex(_m.asinh(s1.real * s2.real + s1.imag * s2.imag), 2.0 * _m.atan2(s1.imag, s2.real))


def _atanh(z):
    x, y = z.real, z.imag
    if x < 0.0:
        r = _atanh(complex(-x, -y))
        return complex(-r.real, -r.imag)
    if not _finite(z):
        if _m.isnan(x) or _m.isnan(y):
            if _m.isinf(y):
                return complex(0.0, _m.copysign(pi / 2, y))
            return complex(nan, nan)
        return complex(0.0, _m.copysign(pi / 2, y))
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        h = _hypot(x / 2.0, y / 2.0)
        return complex(x / 4.0 / h / h, -_m.copysign(pi / 2.0, -y))
    if x == 1.0 and ay < _SQRT_DBL_MIN:
        if ay == 0.0:
            _domain_error()
        return complex(-_m.log(_m.sqrt(ay) / _m.sqrt(_hypot(ay, 2.0))),
                       _m.copysign(_m.atan2(2.0, -ay) / 2, y))
    return complex(_m.log1p(4.0 * x / ((1 - x) * (1 - x) + ay * ay)) / 4.0,
                   -_m.atan2(-2.0 * y, (1 - x) * (1 + x) - ay * ay) / 2.0)


def atanh(z, /):
    return _atanh(_arg(z))


# -- trigonometric functions, through the hyperbolic ones ---------------------

def acos(z, /):
    z = _arg(z)
    x, y = z.real, z.imag
    if not _finite(z):
        if _m.isinf(x) or _m.isinf(y):
            if _m.isnan(x) or _m.isnan(y):
                return complex(nan, -inf if y > 0 else inf) if not _m.isnan(y) else complex(nan, inf)
            return complex(_m.atan2(abs(y), x), -_m.copysign(inf, y))
        return complex(nan, nan)
    if abs(x) > _LARGE or abs(y) > _LARGE:
        real = _m.atan2(abs(y), x)
        if x < 0:
            imag = -_m.copysign(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, y)
        else:
            imag = _m.copysign(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, -y)
        return complex(real, imag)
    s1 = _sqrt(complex(1.0 - x, -y))
    s2 = _sqrt(complex(1.0 + x, y))
    return complex(2.0 * _m.atan2(s1.real, s2.real), _m.asinh(s2.real * s1.imag - s2.imag * s1.real))


def asin(z, /):
    z = _arg(z)
    s = _asinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def atan(z, /):
    z = _arg(z)
    s = _atanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def cos(z, /):
    z = _arg(z)
    return cosh(complex(-z.imag, z.real))


def sin(z, /):
    z = _arg(z)
    s = sinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def tan(z, /):
    z = _arg(z)
    s = tanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


# -- polar coordinates and classification -------------------------------------

def phase(z, /):
    z = _arg(z)
    return _m.atan2(z.imag, z.real)


def polar(z, /):
    z = _arg(z)
    r = _hypot(z.real, z.imag)
    if _m.isinf(r) and _finite(z):
        _range_error()
    return (r, _m.atan2(z.imag, z.real))


def rect(r, phi, /):
    r = float(r) if not isinstance(r, float) else r
    phi = float(phi) if not isinstance(phi, float) else phi
    if _m.isfinite(r) and _m.isfinite(phi):
        if phi == 0.0:
            return complex(r, r * phi)
        return complex(r * _m.cos(phi), r * _m.sin(phi))
    if _m.isinf(r) and _m.isfinite(phi) and phi != 0.0:
        if r > 0:
            return complex(_m.copysign(inf, _m.cos(phi)), _m.copysign(inf, _m.sin(phi)))
        return complex(-_m.copysign(inf, _m.cos(phi)), -_m.copysign(inf, _m.sin(phi)))
    if _m.isinf(phi) and _m.isfinite(r) and r != 0.0:
        _domain_error()
    if phi == 0.0:
        return complex(r, r * phi if not _m.isinf(r) else phi)
    return complex(nan, nan)


def isfinite(z, /):
    return _finite(_arg(z))


def isnan(z, /):
    z = _arg(z)
    return _m.isnan(z.real) or _m.isnan(z.imag)


def isinf(z, /):
    z = _arg(z)
    return _m.isinf(z.real) or _m.isinf(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a = _arg(a)
    b = _arg(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(b - a)
    return (diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a)) or diff <= abs_tol
