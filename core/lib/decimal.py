"""Decimal floating point arithmetic after the General Decimal Arithmetic
Specification (IBM, Cowlishaw), as Python's decimal module provides it.

A finite Decimal is (sign, coefficient, exponent): the value
(-1)**sign * coefficient * 10**exponent, the coefficient kept as a string of
digits so that trailing zeros (the "quantum": 1.50 vs 1.5) survive. The
special values are Infinity, NaN (quiet) and sNaN (signalling), the NaNs
with an optional integer payload.

Every operation computes its exact result (or, for division, square root,
exp, ln and log10, enough digits plus a sticky digit) and then rounds once
to the context's precision in `_fix`, which also handles overflow, underflow
and clamping. Exceptional conditions are signalled to the context: each sets
its flag, and a trapped one raises. As in CPython's C implementation the
exception's message is the list of conditions, e.g.
    decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]

The results match CPython 3.11 for everything implemented here; exp, ln,
log10 and non-integral powers are correctly rounded (the first three always
half-even, as libmpdec does; powers in the context's rounding), found by
computing with more and more guard digits until the rounding is certain."""

# CPython implements this in C (_decimal): tracebacks show no frames of it.
__glasspy_hide_frames__ = True

import math as _math
import numbers as _numbers
import sys
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
    'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible',
    'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

HAVE_THREADS = True
HAVE_CONTEXTVAR = True
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# -- signals --------------------------------------------------------------------

class DecimalException(ArithmeticError):
    """Base class for the exceptional conditions of decimal arithmetic."""


class Clamped(DecimalException):
    """An exponent was altered to fit the representation."""


class InvalidOperation(DecimalException):
    """An operation with no sensible result: the result is NaN."""


class ConversionSyntax(InvalidOperation):
    """A string was not a number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite nonzero number divided by zero: the result is Infinity."""


class DivisionImpossible(InvalidOperation):
    """An integer quotient had too many digits for the precision."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero divided by zero."""


class Inexact(DecimalException):
    """Rounding discarded nonzero digits."""


class InvalidContext(InvalidOperation):
    """A context with invalid settings was used."""


class Rounded(DecimalException):
    """Rounding discarded digits (perhaps all zeros)."""


class Subnormal(DecimalException):
    """The result's exponent is below Emin: it is subnormal."""


class Overflow(Inexact, Rounded):
    """The result's exponent is above Emax after rounding."""


class Underflow(Inexact, Rounded, Subnormal):
    """The result is subnormal and inexact."""


class FloatOperation(DecimalException, TypeError):
    """A float was mixed with Decimals (construction or comparison)."""


# The signals a context has flags and traps for, in CPython's order.
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# Conditions that are reported under another signal's flag.
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}
# Context.__repr__ lists flags in the bit order of libmpdec's status word,
# where InvalidOperation stands for five bits (its conditions) and is listed
# at the first of them that is set.
_REPR_POSITION = {Clamped: 0, DivisionByZero: 2, Inexact: 6, FloatOperation: 10,
                  Overflow: 11, Rounded: 12, Subnormal: 13, Underflow: 14}
_INVALID_POSITION = {ConversionSyntax: 1, DivisionImpossible: 3, DivisionUndefined: 4,
                     InvalidContext: 7, InvalidOperation: 8}


class _SignalDict(dict):
    """flags and traps: a dict from signal to bool, written as _decimal's."""

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % kv for kv in self.items()) + '}'

    def copy(self):
        return _SignalDict(self)


# -- contexts -------------------------------------------------------------------

class Context(object):
    """The environment of arithmetic: precision, rounding, exponent limits,
    and which signals are flagged and trapped."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        dc = DefaultContext if DefaultContext is not None else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            traps = dc.traps if dc else [InvalidOperation, DivisionByZero, Overflow]
        self.traps = self._signal_dict(traps)
        self.flags = self._signal_dict(flags if flags is not None else [])

    @staticmethod
    def _signal_dict(value):
        if isinstance(value, dict):
            d = _SignalDict((s, False) for s in _SIGNALS)
            for k, v in value.items():
                if k not in d:
                    raise KeyError("invalid signal dict")
                d[k] = bool(v)
            return d
        d = _SignalDict((s, False) for s in _SIGNALS)
        for s in value:
            d[_CONDITION_SIGNAL.get(s, s)] = True
        return d

    # Attribute checks, with _decimal's messages.
    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == 'Emin':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not MIN_EMIN <= value <= 0:
                raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        elif name == 'Emax':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 0 <= value <= MAX_EMAX:
                raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        elif name == 'capitals':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if value not in (0, 1):
                raise ValueError("valid values for capitals are 0 or 1")
        elif name == 'clamp':
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if value not in (0, 1):
                raise ValueError("valid values for clamp are 0 or 1")
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                                "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        elif name in ('flags', 'traps'):
            if not isinstance(value, _SignalDict):
                value = self._signal_dict(value)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    def __repr__(self):
        def listed(d, invalid_pos):
            pos = dict(_REPR_POSITION)
            pos[InvalidOperation] = invalid_pos
            return [s.__name__ for s in sorted(pos, key=pos.get) if d.get(s)]
        flags = listed(self.flags, getattr(self, '_invalid_pos', 1))
        traps = listed(self.traps, 1)
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                            self.capitals, self.clamp, ', '.join(flags), ', '.join(traps)))

    def __reduce__(self):
        flags = [s for s, v in self.flags.items() if v]
        traps = [s for s, v in self.traps.items() if v]
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax,
                                 self.capitals, self.clamp, flags, traps))

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False
        object.__setattr__(self, '_invalid_pos', 1)

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, self.flags.copy(), self.traps.copy())

    __copy__ = copy

    def Etiny(self):
        """The smallest exponent of a subnormal number: Emin - prec + 1."""
        return self.Emin - self.prec + 1

    def Etop(self):
        """The largest exponent a full-precision number can have."""
        return self.Emax - self.prec + 1

    def _raise_error(self, condition, explanation=None, *args):
        """Signal condition: set its flag, raise it if trapped, else return
        the condition's default result."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        if signal is InvalidOperation:
            pos = _INVALID_POSITION[condition]
            if not self.flags[signal] or pos < getattr(self, '_invalid_pos', 99):
                object.__setattr__(self, '_invalid_pos', pos)
        self.flags[signal] = True
        if self.traps[signal]:
            raise signal([condition])
        if signal is InvalidOperation:
            if args and isinstance(args[0], Decimal):
                # The quiet NaN made from a signalling operand.
                return _dec(args[0]._sign, args[0]._int, 'n', True)._fix_nan(self)
            return _NaN
        if condition is DivisionByZero:
            return _SignedInfinity[args[0]]
        if condition is Overflow:
            sign = args[0]
            r = self.rounding
            if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP):
                return _SignedInfinity[sign]
            if (sign == 0 and r == ROUND_CEILING) or (sign == 1 and r == ROUND_FLOOR):
                return _SignedInfinity[sign]
            return _dec(sign, '9' * self.prec, self.Emax - self.prec + 1)
        return None

    def _shallow_copy(self):
        c = Context.__new__(Context)
        for k in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp'):
            object.__setattr__(c, k, getattr(self, k))
        object.__setattr__(c, 'flags', self.flags)
        object.__setattr__(c, 'traps', self.traps)
        return c

    # The arithmetic operations as context methods.
    def create_decimal(self, num='0'):
        """A Decimal from num, rounded to this context."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return self._raise_error(ConversionSyntax, "no trailing or leading whitespace and no underscores are permitted.")
        d = Decimal(num, context=self)
        if d._isnan() and len(d._int) > self.prec - self.clamp:
            return self._raise_error(ConversionSyntax, "diagnostic info too long in NaN")
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, self).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, self).__add__(_convert(b, self), context=self)

    def subtract(self, a, b):
        return _convert(a, self).__sub__(_convert(b, self), context=self)

    def multiply(self, a, b):
        return _convert(a, self).__mul__(_convert(b, self), context=self)

    def divide(self, a, b):
        return _convert(a, self).__truediv__(_convert(b, self), context=self)

    def divide_int(self, a, b):
        return _convert(a, self).__floordiv__(_convert(b, self), context=self)

    def divmod(self, a, b):
        return _convert(a, self).__divmod__(_convert(b, self), context=self)

    def remainder(self, a, b):
        return _convert(a, self).__mod__(_convert(b, self), context=self)

    def remainder_near(self, a, b):
        return _convert(a, self).remainder_near(_convert(b, self), context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, self).__pow__(_convert(b, self), modulo, context=self)

    def compare(self, a, b):
        return _convert(a, self).compare(b, context=self)

    def max(self, a, b):
        return _convert(a, self).max(b, context=self)

    def min(self, a, b):
        return _convert(a, self).min(b, context=self)

    def minus(self, a):
        return _convert(a, self).__neg__(context=self)

    def plus(self, a):
        return _convert(a, self).__pos__(context=self)

    def fma(self, a, b, c):
        return _convert(a, self).fma(b, c, context=self)

    def normalize(self, a):
        return _convert(a, self).normalize(context=self)

    def quantize(self, a, b):
        return _convert(a, self).quantize(b, context=self)

    def sqrt(self, a):
        return _convert(a, self).sqrt(context=self)

    def exp(self, a):
        return _convert(a, self).exp(context=self)

    def ln(self, a):
        return _convert(a, self).ln(context=self)

    def log10(self, a):
        return _convert(a, self).log10(context=self)

    def to_integral_value(self, a):
        return _convert(a, self).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _convert(a, self).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return _convert(a, self).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a, self).to_eng_string(context=self)

    def next_plus(self, a):
        return _convert(a, self).next_plus(context=self)

    def next_minus(self, a):
        return _convert(a, self).next_minus(context=self)

    def is_finite(self, a):
        return _convert(a, self).is_finite()

    def is_zero(self, a):
        return _convert(a, self).is_zero()

    def is_nan(self, a):
        return _convert(a, self).is_nan()

    def is_signed(self, a):
        return _convert(a, self).is_signed()

    def copy_abs(self, a):
        return _convert(a, self).copy_abs()

    def copy_negate(self, a):
        return _convert(a, self).copy_negate()

    def copy_decimal(self, a):
        return Decimal(_convert(a, self))


def _convert(a, context):
    if isinstance(a, Decimal):
        return a
    if isinstance(a, int):
        return Decimal(a)
    raise TypeError("conversion from %s to Decimal is not supported" % type(a).__name__)


# The current context. glasspy keeps one per interpreter (threads share it),
# which is what a single-threaded program sees in CPython too.
_current = None


def getcontext():
    """The current context (a fresh copy of DefaultContext at first use)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    """Make context the current context (DefaultContext itself is copied)."""
    global _current
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of ctx (or of the current
    context), with kwargs applied, current inside the with block."""
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(manager.new_context, key, value)
    return manager


# -- numbers --------------------------------------------------------------------

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


def _dec(sign, coefficient, exponent, special=False):
    """A Decimal from its parts, unchecked."""
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coefficient
    self._exp = exponent
    self._is_special = special
    return self


def _parse_number(s):
    """(sign, digits, exponent, special) of a numeric string, or None."""
    s = s.strip().replace('_', '') if '_' in s else s.strip()
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, '0', 'F', True
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            return sign, str(int(payload)).lstrip('0') if payload else '', kind, True
    mant, e, exp = s.partition('e') if 'e' in s else s.partition('E')
    if e:
        if not exp:
            return None
        esign = exp[0] in '+-'
        digits = exp[1:] if esign else exp
        if not digits or not (digits.isdigit() and digits.isascii()):
            return None
        exponent = int(exp)
    else:
        exponent = 0
    whole, dot, frac = mant.partition('.')
    if not whole and not frac:
        return None
    for part in (whole, frac):
        if part and not (part.isdigit() and part.isascii()):
            return None
    digits = (whole + frac).lstrip('0') or '0'
    # Non-ASCII digits are accepted by int(), so normalise them.
    digits = str(int(digits))
    return sign, digits, exponent - len(frac), False


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_exp', '_int', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse_number(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                r = context._raise_error(ConversionSyntax, "Invalid literal for Decimal: %r" % value)
                self._sign, self._int, self._exp, self._is_special = r._sign, r._int, r._exp, r._is_special
                return self
            self._sign, self._int, self._exp, self._is_special = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = str(abs(value))
            self._exp = 0
            self._is_special = False
            return self
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._is_special = value._sign, value._int, value._exp, value._is_special
            return self
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context._raise_error(FloatOperation, "strict semantics for mixing floats and Decimals are enabled")
            value = Decimal.from_float(value)
            self._sign, self._int, self._exp, self._is_special = value._sign, value._int, value._exp, value._is_special
            return self
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            if exp in ('F', 'n', 'N'):
                self._sign = sign
                self._exp = exp
                self._is_special = True
                if exp == 'F':
                    self._int = '0'
                else:
                    self._int = ''.join(map(str, digits)).lstrip('0')
                return self
            if not isinstance(exp, int):
                if isinstance(exp, str):
                    raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
                raise ValueError("exponent must be an integer")
            ds = []
            for d in digits:
                if isinstance(d, int) and 0 <= d <= 9:
                    ds.append(str(d))
                else:
                    raise ValueError("coefficient must be a tuple of digits")
            self._sign = sign
            self._int = ''.join(ds).lstrip('0') or '0'
            self._exp = exp
            self._is_special = False
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """The exact value of the float (or int) f."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if _math.isinf(f) or _math.isnan(f):
            return cls(repr(f))
        sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1              # d is 2**k; n/2**k = n*5**k / 10**k
        result = _dec(sign, str(n * 5 ** k), -k)
        return result if cls is Decimal else cls(result)

    # -- predicates and parts --------------------------------------------------
    def _isnan(self):
        """0 for numbers, 1 for NaN, 2 for sNaN."""
        if self._is_special:
            if self._exp == 'n':
                return 1
            if self._exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def is_nan(self):
        return self._is_special and self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._is_special or not self:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._is_special or not self:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def adjusted(self):
        """The exponent of the most significant digit."""
        try:
            return self._exp + len(self._int) - 1
        except TypeError:
            return 0

    def as_tuple(self):
        return DecimalTuple(self._sign, tuple(map(int, self._int)), self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self:
            return 0, 1
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d5 = -self._exp
            while d5 > 0 and n % 5 == 0:
                n //= 5
                d5 -= 1
            d2 = -self._exp
            shift2 = min((n & -n).bit_length() - 1, d2)
            if shift2:
                n >>= shift2
                d2 -= shift2
            d = 5 ** d5 << d2
        if self._sign:
            n = -n
        return n, d

    def canonical(self):
        return self

    def copy_abs(self):
        return _dec(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _convert_other(other, raiseit=True)
        return _dec(other._sign, self._int, self._exp, self._is_special)

    def radix(self):
        return Decimal(10)

    def number_class(self, context=None):
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        inf = self._isinfinity()
        if inf == 1:
            return "+Infinity"
        if inf == -1:
            return "-Infinity"
        if self.is_zero():
            return "-Zero" if self._sign else "+Zero"
        if self.is_subnormal(context):
            return "-Subnormal" if self._sign else "+Subnormal"
        return "-Normal" if self._sign else "+Normal"

    def __bool__(self):
        return self._is_special or self._int != '0'

    # -- rounding ---------------------------------------------------------------
    # Each rule looks at the coefficient cut after `keep` digits and answers
    # 1 (add one to the kept part), 0 (nothing was cut) or -1 (cut, no change).

    def _round_down(self, keep):
        return 0 if _all_zeros(self._int, keep) else -1

    def _round_up(self, keep):
        return -self._round_down(keep)

    def _round_half_up(self, keep):
        if self._int[keep] in '56789':
            return 1
        return 0 if _all_zeros(self._int, keep) else -1

    def _round_half_down(self, keep):
        if _exact_half(self._int, keep):
            return -1
        return self._round_half_up(keep)

    def _round_half_even(self, keep):
        if _exact_half(self._int, keep) and (keep == 0 or self._int[keep - 1] in '02468'):
            return -1
        return self._round_half_up(keep)

    def _round_ceiling(self, keep):
        return self._round_down(keep) if self._sign else -self._round_down(keep)

    def _round_floor(self, keep):
        return self._round_down(keep) if not self._sign else -self._round_down(keep)

    def _round_05up(self, keep):
        if keep and self._int[keep - 1] not in '05':
            return self._round_down(keep)
        return -self._round_down(keep)

    _pick_rounding_function = {
        ROUND_DOWN: _round_down, ROUND_UP: _round_up, ROUND_HALF_UP: _round_half_up,
        ROUND_HALF_DOWN: _round_half_down, ROUND_HALF_EVEN: _round_half_even,
        ROUND_CEILING: _round_ceiling, ROUND_FLOOR: _round_floor, ROUND_05UP: _round_05up}

    def _fix_nan(self, context):
        payload = self._int
        room = context.prec - context.clamp
        if len(payload) > room:
            payload = payload[len(payload) - room:].lstrip('0')
            return _dec(self._sign, payload, self._exp, True)
        return Decimal(self)

    def _fix(self, context):
        """Round self to the context: precision, exponent range, clamping."""
        if self._is_special:
            if self._isnan():
                return self._fix_nan(context)
            return Decimal(self)
        Etiny = context.Etiny()
        Etop = context.Etop()
        if not self:
            exp_max = Etop if context.clamp else context.Emax
            new_exp = min(max(self._exp, Etiny), exp_max)
            if new_exp != self._exp:
                context._raise_error(Clamped)
                return _dec(self._sign, '0', new_exp)
            return Decimal(self)
        exp_min = len(self._int) + self._exp - context.prec
        if exp_min > Etop:
            ans = context._raise_error(Overflow, 'above Emax', self._sign)
            context._raise_error(Inexact)
            context._raise_error(Rounded)
            return ans
        subnormal = exp_min < Etiny
        if subnormal:
            exp_min = Etiny
        if self._exp < exp_min:
            digits = len(self._int) + self._exp - exp_min
            if digits < 0:
                self = _dec(self._sign, '1', exp_min - 1)
                digits = 0
            changed = self._pick_rounding_function[context.rounding](self, digits)
            coeff = self._int[:digits] or '0'
            if changed > 0:
                coeff = str(int(coeff) + 1)
                if len(coeff) > context.prec:
                    coeff = coeff[:-1]
                    exp_min += 1
            if exp_min > Etop:
                ans = context._raise_error(Overflow, 'above Emax', self._sign)
            else:
                ans = _dec(self._sign, coeff, exp_min)
            if changed and subnormal:
                context._raise_error(Underflow)
            if subnormal:
                context._raise_error(Subnormal)
            if changed:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
            if not ans:
                context._raise_error(Clamped)
            return ans
        if subnormal:
            context._raise_error(Subnormal)
        if context.clamp == 1 and self._exp > Etop:
            context._raise_error(Clamped)
            return _dec(self._sign, self._int + '0' * (self._exp - Etop), Etop)
        return Decimal(self)

    def _rescale(self, exp, rounding):
        """self with exponent exp, rounded with rounding; no flags."""
        if self._is_special:
            return Decimal(self)
        if not self:
            return _dec(self._sign, '0', exp)
        if self._exp >= exp:
            return _dec(self._sign, self._int + '0' * (self._exp - exp), exp)
        digits = len(self._int) + self._exp - exp
        if digits < 0:
            self = _dec(self._sign, '1', exp - 1)
            digits = 0
        changed = self._pick_rounding_function[rounding](self, digits)
        coeff = self._int[:digits] or '0'
        if changed == 1:
            coeff = str(int(coeff) + 1)
        return _dec(self._sign, coeff, exp)

    def _round(self, places, rounding):
        """self rounded to `places` significant digits."""
        if places <= 0:
            raise ValueError("argument should be at least 1 in _round")
        if self._is_special or not self:
            return Decimal(self)
        ans = self._rescale(self.adjusted() + 1 - places, rounding)
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)
        return ans

    def _check_nans(self, other=None, context=None):
        """If an operand is a NaN, the NaN result (signalling for sNaN);
        else 0."""
        self_nan = self._isnan()
        other_nan = other._isnan() if other is not None else 0
        if self_nan or other_nan:
            if context is None:
                context = getcontext()
            if self_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if self_nan:
                return self._fix_nan(context)
            return other._fix_nan(context)
        return 0

    # -- strings ----------------------------------------------------------------
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            if self._exp == 'n':
                return sign + 'NaN' + self._int
            return sign + 'sNaN' + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def to_eng_string(self, context=None):
        """Like str(), but with an exponent that is a multiple of three."""
        return self.__str__(eng=True, context=context)

    def __format__(self, specifier, context=None, _localeconv=None):
        if context is None:
            context = getcontext()
        spec = _parse_format_specifier(specifier)
        if self._is_special:
            sign = _format_sign(self._sign, spec)
            body = str(self.copy_abs())
            if spec['type'] == '%':
                body += '%'
            return _format_align(sign, body, spec)
        if spec['type'] is None:
            spec['type'] = ['g', 'G'][context.capitals]
        if spec['type'] == '%':
            self = _dec(self._sign, self._int, self._exp + 2)
        rounding = context.rounding
        precision = spec['precision']
        if precision is not None:
            if spec['type'] in 'eE':
                self = self._round(precision + 1, rounding)
            elif spec['type'] in 'fF%':
                self = self._rescale(-precision, rounding)
            elif spec['type'] in 'gG' and len(self._int) > precision:
                self = self._round(precision, rounding)
        if not self and self._exp > 0 and spec['type'] in 'fF%':
            self = self._rescale(0, rounding)
        if not self and spec['no_neg_0'] and self._sign:
            adjusted_sign = 0
        else:
            adjusted_sign = self._sign
        leftdigits = self._exp + len(self._int)
        if spec['type'] in 'eE':
            dotplace = 1 - precision if not self and precision is not None else 1
        elif spec['type'] in 'fF%':
            dotplace = leftdigits
        else:
            dotplace = leftdigits if self._exp <= 0 and leftdigits > -6 else 1
        if dotplace < 0:
            intpart = '0'
            fracpart = '0' * (-dotplace) + self._int
        elif dotplace > len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace] or '0'
            fracpart = self._int[dotplace:]
        return _format_number(adjusted_sign, intpart, fracpart, leftdigits - dotplace, spec)

    # -- conversions --------------------------------------------------------------
    def __float__(self):
        if self._isnan():
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            s = "-nan" if self._sign else "nan"
        else:
            s = str(self)
        return float(s)

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        s = (-1) ** self._sign
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        return s * int(self._int[:self._exp] or '0')

    __trunc__ = __int__

    def _to_int(self, rounding):
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, rounding))

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_dec(0, '1', -n))
        return self._to_int(ROUND_HALF_EVEN)

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    # -- comparison and hashing ---------------------------------------------------
    def _cmp(self, other):
        """-1, 0 or 1; neither operand is a NaN."""
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            return (a > b) - (a < b)
        if not self:
            if not other:
                return 0
            return -((-1) ** other._sign)
        if not other:
            return (-1) ** self._sign
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        adj_self, adj_other = self.adjusted(), other.adjusted()
        if adj_self == adj_other:
            pad_self = self._int + '0' * (self._exp - other._exp)
            pad_other = other._int + '0' * (other._exp - self._exp)
            if pad_self == pad_other:
                return 0
            if pad_self < pad_other:
                return -((-1) ** self._sign)
            return (-1) ** self._sign
        if adj_self > adj_other:
            return (-1) ** self._sign
        return -((-1) ** self._sign)

    def _compare_operand(self, other, equality):
        """other as a Decimal for comparison, or a (num, den) pair for a
        Rational, or NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            ctx = getcontext()
            ctx.flags[FloatOperation] = True
            if ctx.traps[FloatOperation] and not equality:
                raise FloatOperation([FloatOperation])
            return Decimal.from_float(other)
        if isinstance(other, complex) and equality and other.imag == 0:
            return self._compare_operand(other.real, equality)
        if isinstance(other, _numbers.Rational):
            return other
        return NotImplemented

    def _rich(self, other, op, equality=False):
        other = self._compare_operand(other, equality)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            # A Fraction: compare exactly, scaling self.
            if self._isnan():
                if self.is_snan() or not equality:
                    getcontext()._raise_error(InvalidOperation)
                return op == '!='
            if self._is_special:
                c = self._isinfinity()
            else:
                n, d = self.as_integer_ratio()
                lhs, rhs = n * other.denominator, other.numerator * d
                c = (lhs > rhs) - (lhs < rhs)
            return _CMP_OPS[op](c)
        if self._isnan() or other._isnan():
            if equality:
                if self.is_snan() or other.is_snan():
                    getcontext()._raise_error(InvalidOperation)
                return op == '!='
            getcontext()._raise_error(InvalidOperation)
            return False
        return _CMP_OPS[op](self._cmp(other))

    def __eq__(self, other, context=None):
        return self._rich(other, '==', True)

    def __ne__(self, other, context=None):
        return self._rich(other, '!=', True)

    def __lt__(self, other, context=None):
        return self._rich(other, '<')

    def __le__(self, other, context=None):
        return self._rich(other, '<=')

    def __gt__(self, other, context=None):
        return self._rich(other, '>')

    def __ge__(self, other, context=None):
        return self._rich(other, '>=')

    def compare(self, other, context=None):
        """-1, 0 or 1 as a Decimal (NaN if either is a NaN)."""
        other = _convert_other(other, raiseit=True)
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
        return Decimal(self._cmp(other))

    def __hash__(self):
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value')
            if self.is_nan():
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = int(self._int) * exp_hash % _HASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # -- arithmetic ---------------------------------------------------------------
    def __neg__(self, context=None):
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if context is None:
            context = getcontext()
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    def __pos__(self, context=None):
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if context is None:
            context = getcontext()
        if not self and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = Decimal(self)
        return ans._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if self._sign:
            return self.__neg__(context=context)
        return self.__pos__(context=context)

    def __add__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if self._sign != other._sign and other._isinfinity():
                    return context._raise_error(InvalidOperation, '-INF + INF')
                return Decimal(self)
            if other._isinfinity():
                return Decimal(other)
        exp = min(self._exp, other._exp)
        floor_zero = 1 if (context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        if not self and not other:
            sign = min(self._sign, other._sign)
            if floor_zero:
                sign = 1
            return _dec(sign, '0', exp)._fix(context)
        if not self:
            exp = max(exp, other._exp - context.prec - 1)
            return other._rescale(exp, context.rounding)._fix(context)
        if not other:
            exp = max(exp, self._exp - context.prec - 1)
            return self._rescale(exp, context.rounding)._fix(context)
        (s1, c1, e1), (s2, c2, e2) = _align(self, other, context.prec)
        total = (-c1 if s1 else c1) + (-c2 if s2 else c2)
        if total == 0:
            return _dec(floor_zero, '0', e1)._fix(context)
        return _dec(1 if total < 0 else 0, str(abs(total)), e1)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context=context)
            if ans:
                return ans
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if not other:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _SignedInfinity[sign]
            if other._isinfinity():
                if not self:
                    return context._raise_error(InvalidOperation, '0 * (+-)INF')
                return _SignedInfinity[sign]
        exp = self._exp + other._exp
        if not self or not other:
            return _dec(sign, '0', exp)._fix(context)
        return _dec(sign, str(int(self._int) * int(other._int)), exp)._fix(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return NotImplemented
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity() and other._isinfinity():
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')
            if self._isinfinity():
                return _SignedInfinity[sign]
            if other._isinfinity():
                context._raise_error(Clamped, 'Division by infinity')
                return _dec(sign, '0', context.Etiny())
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 / 0')
            return context._raise_error(DivisionByZero, 'x / 0', sign)
        if not self:
            exp = self._exp - other._exp
            coeff = 0
        else:
            # Enough quotient digits for prec + 1, plus a sticky digit.
            shift = len(other._int) - len(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            op1, op2 = int(self._int), int(other._int)
            if shift >= 0:
                coeff, remainder = divmod(op1 * 10 ** shift, op2)
            else:
                coeff, remainder = divmod(op1, op2 * 10 ** -shift)
            if remainder:
                if coeff % 5 == 0:
                    coeff += 1
            else:
                # Exact: strip zeros down to the ideal exponent.
                ideal_exp = self._exp - other._exp
                while exp < ideal_exp and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec(sign, str(coeff), exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        """(integer quotient, remainder), unrounded; the quotient must fit."""
        sign = self._sign ^ other._sign
        ideal_exp = self._exp if other._isinfinity() else min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return _dec(sign, '0', 0), self._rescale(ideal_exp, context.rounding)
        if expdiff <= context.prec:
            a, b = int(self._int), int(other._int)
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context.prec:
                return _dec(sign, str(q), 0), _dec(self._sign, str(r), ideal_exp)
        ans = context._raise_error(DivisionImpossible, 'quotient too large in //, % or divmod')
        return ans, ans

    def __divmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans, ans
        sign = self._sign ^ other._sign
        if self._isinfinity():
            if other._isinfinity():
                ans = context._raise_error(InvalidOperation, 'divmod(INF, INF)')
                return ans, ans
            return (_SignedInfinity[sign], context._raise_error(InvalidOperation, 'INF % x'))
        if not other:
            if not self:
                ans = context._raise_error(DivisionUndefined, 'divmod(0, 0)')
                return ans, ans
            return (context._raise_error(DivisionByZero, 'x // 0', sign),
                    context._raise_error(InvalidOperation, 'x % 0'))
        quotient, remainder = self._divide(other, context)
        return quotient, remainder._fix(context)

    def __rdivmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            return context._raise_error(InvalidOperation, 'INF % x')
        if not other:
            if self:
                return context._raise_error(InvalidOperation, 'x % 0')
            return context._raise_error(DivisionUndefined, '0 % 0')
        return self._divide(other, context)[1]._fix(context)

    def __rmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __floordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            if other._isinfinity():
                return context._raise_error(InvalidOperation, 'INF // INF')
            return _SignedInfinity[self._sign ^ other._sign]
        if not other:
            if self:
                return context._raise_error(DivisionByZero, 'x // 0', self._sign ^ other._sign)
            return context._raise_error(DivisionUndefined, '0 // 0')
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def remainder_near(self, other, context=None):
        """self - other * n, n the integer nearest self/other (ties to even)."""
        if context is None:
            context = getcontext()
        other = _convert_other(other, raiseit=True)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            return context._raise_error(InvalidOperation, 'remainder_near(infinity, x)')
        if not other:
            if self:
                return context._raise_error(InvalidOperation, 'remainder_near(x, 0)')
            return context._raise_error(DivisionUndefined, 'remainder_near(0, 0)')
        if other._isinfinity():
            return Decimal(self)._fix(context)
        ideal_exponent = min(self._exp, other._exp)
        if not self:
            return _dec(self._sign, '0', ideal_exponent)._fix(context)
        expdiff = self.adjusted() - other.adjusted()
        if expdiff >= context.prec + 1:
            return context._raise_error(DivisionImpossible)
        if expdiff <= -2:
            return self._rescale(ideal_exponent, context.rounding)._fix(context)
        a, b = int(self._int), int(other._int)
        if self._exp >= other._exp:
            a *= 10 ** (self._exp - other._exp)
        else:
            b *= 10 ** (other._exp - self._exp)
        q, r = divmod(a, b)
        if 2 * r + (q & 1) > b:
            r -= b
            q += 1
        if q >= 10 ** context.prec:
            return context._raise_error(DivisionImpossible)
        sign = self._sign
        if r < 0:
            sign = 1 - sign
            r = -r
        return _dec(sign, str(r), ideal_exponent)._fix(context)

    def fma(self, other, third, context=None):
        """self * other + third with a single rounding."""
        other = _convert_other(other, raiseit=True)
        third = _convert_other(third, raiseit=True)
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            if self.is_snan() or other.is_snan() or (not self.is_nan() and not other.is_nan()
                                                      and third.is_snan()):
                pass
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity() and not other or other._isinfinity() and not self:
                return context._raise_error(InvalidOperation, 'INF * 0 in fma')
            product = _SignedInfinity[self._sign ^ other._sign]
        else:
            product = _dec(self._sign ^ other._sign, str(int(self._int) * int(other._int)),
                           self._exp + other._exp)
        return product.__add__(third, context)

    # -- powers, roots, logarithms -------------------------------------------------
    def sqrt(self, context=None):
        """The square root, correctly rounded (ROUND_HALF_EVEN)."""
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            if self._isinfinity() and self._sign == 0:
                return Decimal(self)
        if not self:
            return _dec(self._sign, '0', self._exp // 2)._fix(context)
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')
        prec = context.prec + 1
        # Write self as c * 100**e with c having 2*prec or 2*prec-1 digits.
        e = self._exp >> 1
        if self._exp & 1:
            c = int(self._int) * 10
            l = (len(self._int) >> 1) + 1
        else:
            c = int(self._int)
            l = (len(self._int) + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = _math.isqrt(c)
        exact = exact and n * n == c
        if exact:
            # Back to the ideal exponent.
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        elif n % 5 == 0:
            n += 1
        ctx = context._shallow_copy()
        object.__setattr__(ctx, 'rounding', ROUND_HALF_EVEN)
        return _dec(0, str(n), e)._fix(ctx)

    def _correctly_rounded(self, context, compute, half_even=False):
        """Round the transcendental value that compute(digits) approximates
        (an integer m and exponent e, m*10**e within a few units of m's last
        digit, m having at least `digits` digits) to the context. More
        digits are asked for until the digits beyond the precision are
        clearly away from a rounding boundary (a tie for the ROUND_HALF_*
        modes, a representable number for the others), so the result is
        the one the exact value would round to."""
        if half_even:
            # exp, ln and log10 round half-even whatever the context says,
            # as libmpdec does; power uses the context's rounding.
            flags_context = context
            context = context._shallow_copy()
            object.__setattr__(context, 'rounding', ROUND_HALF_EVEN)
        prec = context.prec
        half_modes = context.rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN)
        guard = 6
        while True:
            m, e = compute(prec + guard)
            extra = len(str(abs(m))) - prec
            if extra >= 4:
                tail = abs(m) % 10 ** extra
                if half_modes:
                    clear = abs(tail - 5 * 10 ** (extra - 1)) > 1000
                else:
                    clear = 1000 < tail < 10 ** extra - 1000
                if clear:
                    break
            if guard > 500:
                break
            guard *= 2
        ans = _dec(1 if m < 0 else 0, str(abs(m)), e)._fix(context)
        context._raise_error(Inexact)
        context._raise_error(Rounded)
        return ans

    def exp(self, context=None):
        """e ** self, correctly rounded."""
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == -1:
            return _Zero
        if not self:
            return _One
        if self._isinfinity() == 1:
            return Decimal(self)
        adj = self.adjusted()
        # Results that certainly overflow or underflow, or round to 1.
        if self._sign == 0 and adj > len(str((context.Emax + 1) * 3)):
            return _dec(0, '1', context.Emax + 1)._fix(context)
        if self._sign == 1 and adj > len(str((-context.Etiny() + 1) * 3)):
            return _dec(0, '1', context.Etiny() - 1)._fix(context)
        if self._sign == 0 and adj < -context.prec - 1:
            return _dec(0, '1' + '0' * (context.prec - 1) + '1', -context.prec)._fix(_half_even(context))
        if self._sign == 1 and adj < -context.prec - 2:
            return _dec(0, '9' * (context.prec + 1), -context.prec - 1)._fix(_half_even(context))
        x = self

        def compute(digits):
            return _exp_digits(x, digits)
        return self._correctly_rounded(context, compute, half_even=True)

    def ln(self, context=None):
        """The natural logarithm, correctly rounded."""
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _Infinity
        if self == _One:
            return _Zero
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'ln of a negative value')
        x = self

        def compute(digits):
            return _ln_digits(x, digits)
        return self._correctly_rounded(context, compute, half_even=True)

    def log10(self, context=None):
        """The base-10 logarithm, correctly rounded; exact for powers of 10."""
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _Infinity
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'log10 of a negative value')
        if self._int[0] == '1' and self._int[1:] == '0' * (len(self._int) - 1):
            return Decimal(self._exp + len(self._int) - 1)._fix(_half_even(context))
        x = self

        def compute(digits):
            m, e = _ln_digits(x, digits + 4)
            l, el = _ln10_digits(digits + 6)
            shift = max(0, digits + 4 + len(str(l)) - len(str(abs(m))))
            q = abs(m) * 10 ** shift // l
            return (-q if m < 0 else q), e - el - shift
        return self._correctly_rounded(context, compute, half_even=True)

    def logb(self, context=None):
        """The adjusted exponent as a Decimal."""
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if context is None:
            context = getcontext()
        if self._isinfinity():
            return _Infinity
        if not self:
            return context._raise_error(DivisionByZero, 'logb(0)', 1)
        return Decimal(self.adjusted())._fix(context)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return self._power_modulo(other, modulo, context)
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if not other:
            if not self:
                return context._raise_error(InvalidOperation, '0 ** 0')
            return _One
        result_sign = 0
        if self._sign == 1:
            if other._isinteger():
                if not other._iseven():
                    result_sign = 1
            else:
                if self:
                    return context._raise_error(InvalidOperation, 'x ** y with x negative and y not an integer')
            self = self.copy_negate()
        if not self:
            if other._sign == 0:
                return _dec(result_sign, '0', 0)
            return _SignedInfinity[result_sign]
        if self._isinfinity():
            if other._sign == 0:
                return _SignedInfinity[result_sign]
            return _dec(result_sign, '0', 0)
        if self == _One:
            if other._isinteger():
                if other._sign == 1:
                    multiplier = 0
                elif other > context.prec:
                    multiplier = context.prec
                else:
                    multiplier = int(other)
                exp = self._exp * multiplier
                if exp < 1 - context.prec:
                    exp = 1 - context.prec
                    context._raise_error(Rounded)
            else:
                context._raise_error(Inexact)
                context._raise_error(Rounded)
                exp = 1 - context.prec
            return _dec(result_sign, '1' + '0' * -exp, exp)
        if other._isinfinity():
            if (other._sign == 0) == (self > _One):
                return _SignedInfinity[result_sign]
            return _dec(result_sign, '0', 0)

        if other._isinteger():
            return self._power_int(int(other), result_sign, other, context)
        # General case: exp(other * ln(self)), correctly rounded, with an
        # exact result recognised when self is an exact power.
        x, y = self, other
        lx = self.adjusted() + _math.log10(int(self._int[:15]) / 10 ** (min(15, len(self._int)) - 1))
        approx = float(other) * lx          # log10 of the result, roughly
        if approx > context.Emax + 2:
            return _dec(result_sign, '1', context.Emax + 1)._fix(context)
        if approx < context.Etiny() - 2:
            return _dec(result_sign, '1', context.Etiny() - 1)._fix(context)
        magnitude = len(str(int(abs(approx) * 2.31) + 1))

        def compute(digits):
            # t = y * ln(x), with enough digits that exp(t) has `digits`.
            m, e = _ln_digits(x, digits + 4 + magnitude + len(y._int))
            t = _dec(0 if (m >= 0) == (y._sign == 0) else 1, str(abs(m) * int(y._int)), e + y._exp)
            r, re = _exp_digits(t, digits)
            return (-r if result_sign else r), re
        return self._correctly_rounded(context, compute)

    def _power_int(self, n, result_sign, other, context):
        """self ** n for an integer n, the way libmpdec computes it (so the
        last digit agrees when the result is inexact): at a working
        precision of prec + len(n) + 2 digits, half-even, left-to-right
        binary powering (after taking 1/self for n < 0), then one final
        rounding to the context."""
        work = Context.__new__(Context)
        for k, v in (('prec', context.prec + len(other._int) + other._exp + 2 + (n < 0)),
                     ('rounding', ROUND_HALF_EVEN), ('Emin', MIN_EMIN), ('Emax', MAX_EMAX),
                     ('capitals', 1), ('clamp', 0), ('flags', _SignalDict((s, False) for s in _SIGNALS)),
                     ('traps', _SignalDict((s, False) for s in _SIGNALS))):
            object.__setattr__(work, k, v)
        base = self.copy_abs()
        if n < 0:
            base = _One.__truediv__(base, context=work)
            n = -n
        result = base
        for bit in bin(n)[3:]:
            result = result.__mul__(result, context=work)
            if bit == '1':
                result = result.__mul__(base, context=work)
        for sig in (Inexact, Rounded):
            if work.flags[sig]:
                context._raise_error(sig)
        return _dec(result_sign, result._int, result._exp, result._is_special)._fix(context)

    def _power_modulo(self, other, modulo, context=None):
        if context is None:
            context = getcontext()
        other = _convert_other(other, raiseit=True)
        modulo = _convert_other(modulo, raiseit=True)
        for v in (self, other, modulo):
            if v.is_nan():
                return self._check_nans(other, context) or modulo._fix_nan(context)
        if not (self._isinteger() and other._isinteger() and modulo._isinteger()):
            return context._raise_error(InvalidOperation, 'pow() 3rd argument not allowed unless all arguments are integers')
        if other < 0:
            return context._raise_error(InvalidOperation, 'pow() 2nd argument cannot be negative when 3rd argument specified')
        if not modulo:
            return context._raise_error(InvalidOperation, 'pow() 3rd argument cannot be 0')
        if modulo.adjusted() >= context.prec:
            return context._raise_error(InvalidOperation, 'insufficient precision: pow() 3rd argument must not have more than precision digits')
        if not other and not self:
            return context._raise_error(InvalidOperation, 'at least one of pow() 1st argument and 2nd argument must be nonzero; 0**0 is not defined')
        sign = 1 if other._iseven() == False and self._sign else 0
        m = abs(int(modulo))
        r = pow(abs(int(self)), int(other), m)
        return _dec(sign, str(r), 0)

    def __rpow__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def _isinteger(self):
        if self._is_special:
            return False
        if self._exp >= 0:
            return True
        rest = self._int[self._exp:]
        return rest == '0' * len(rest)

    def _iseven(self):
        if not self or self._exp > 0:
            return True
        return self._int[-1 + self._exp] in '02468'

    # -- quantum and integral values ---------------------------------------------
    def quantize(self, exp, rounding=None, context=None):
        """self rounded to the exponent of exp: Decimal('7.325').quantize(
        Decimal('.01')) is Decimal('7.32') (ROUND_HALF_EVEN)."""
        exp = _convert_other(exp, raiseit=True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        elif rounding not in _ROUNDINGS:
            raise TypeError("valid values for rounding are:\n"
                            "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                            "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                            "   ROUND_05UP]")
        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans
            if exp._isinfinity() or self._isinfinity():
                if exp._isinfinity() and self._isinfinity():
                    return Decimal(self)
                return context._raise_error(InvalidOperation, 'quantize with one INF')
        if not (context.Etiny() <= exp._exp <= context.Emax):
            return context._raise_error(InvalidOperation, 'target exponent out of bounds in quantize')
        if not self:
            return _dec(self._sign, '0', exp._exp)._fix(context)
        self_adjusted = self.adjusted()
        if self_adjusted > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if self_adjusted - exp._exp + 1 > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        ans = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if len(ans._int) > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        if ans and ans.adjusted() < context.Emin:
            context._raise_error(Subnormal)
        if ans._exp > self._exp:
            if ans != self:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
        return ans._fix(context)

    def same_quantum(self, other, context=None):
        other = _convert_other(other, raiseit=True)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan() or
                    self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_exact(self, rounding=None, context=None):
        """Round to an integer, signalling Inexact and Rounded."""
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        if not self:
            return _dec(self._sign, '0', 0)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        ans = self._rescale(0, rounding)
        if ans != self:
            context._raise_error(Inexact)
        context._raise_error(Rounded)
        return ans

    def to_integral_value(self, rounding=None, context=None):
        """Round to an integer without signalling Inexact or Rounded."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        """Round to the context, then strip trailing zeros."""
        if context is None:
            context = getcontext()
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        dup = self._fix(context)
        if dup._isinfinity():
            return dup
        if not dup:
            return _dec(dup._sign, '0', 0)
        exp_max = context.Etop() if context.clamp else context.Emax
        end = len(dup._int)
        exp = dup._exp
        while dup._int[end - 1] == '0' and exp < exp_max:
            exp += 1
            end -= 1
        return _dec(dup._sign, dup._int[:end], exp)

    def scaleb(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_other(other, raiseit=True)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if other._exp != 0:
            return context._raise_error(InvalidOperation)
        liminf = -2 * (context.Emax + context.prec)
        limsup = 2 * (context.Emax + context.prec)
        if not (liminf <= int(other) <= limsup):
            return context._raise_error(InvalidOperation)
        if self._isinfinity():
            return Decimal(self)
        return _dec(self._sign, self._int, self._exp + int(other))._fix(context)

    def next_plus(self, context=None):
        """The smallest representable number larger than self."""
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == 1:
            return _Infinity
        if self._isinfinity() == -1:
            return _dec(1, '9' * context.prec, context.Etop())
        ctx = context.copy()
        object.__setattr__(ctx, 'rounding', ROUND_CEILING)
        ctx.clear_traps()
        new_self = self._fix(ctx)
        if new_self != self:
            return new_self
        return self.__add__(_dec(0, '1', ctx.Etiny() - 1), ctx)

    def next_minus(self, context=None):
        """The largest representable number smaller than self."""
        if context is None:
            context = getcontext()
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == -1:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _dec(0, '9' * context.prec, context.Etop())
        ctx = context.copy()
        object.__setattr__(ctx, 'rounding', ROUND_FLOOR)
        ctx.clear_traps()
        new_self = self._fix(ctx)
        if new_self != self:
            return new_self
        return self.__sub__(_dec(0, '1', ctx.Etiny() - 1), ctx)

    def next_toward(self, other, context=None):
        other = _convert_other(other, raiseit=True)
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans:
            return ans
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        return self.next_plus(context) if c == -1 else self.next_minus(context)

    def max(self, other, context=None):
        other = _convert_other(other, raiseit=True)
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            sn, on = self._isnan(), other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)
        ans = other if c == -1 else self
        return ans._fix(context)

    def min(self, other, context=None):
        other = _convert_other(other, raiseit=True)
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            sn, on = self._isnan(), other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)
        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)
        ans = self if c == -1 else other
        return ans._fix(context)

    def compare_total(self, other, context=None):
        """Total order of representations: -1, 0, 1 as a Decimal."""
        other = _convert_other(other, raiseit=True)
        if self._sign and not other._sign:
            return _NegativeOne
        if not self._sign and other._sign:
            return _One
        sign = self._sign
        s_nan, o_nan = self._isnan(), other._isnan()
        if s_nan or o_nan:
            if s_nan == o_nan:
                a = int(self._int or 0)
                b = int(other._int or 0)
                c = (a > b) - (a < b)
            else:
                # sNaN sorts below NaN; NaNs above everything.
                key = {0: 0, 2: 1, 1: 2}
                c = (key[s_nan] > key[o_nan]) - (key[s_nan] < key[o_nan])
            if sign:
                c = -c
            return Decimal(c)
        c = self._cmp(other)
        if c:
            return Decimal(c)
        if self._exp == other._exp:
            return _Zero
        c = -1 if self._exp < other._exp else 1
        if sign:
            c = -c
        return Decimal(c)

    def sign(self):
        return -1 if self._sign else 1


def _half_even(context):
    ctx = context._shallow_copy()
    object.__setattr__(ctx, 'rounding', ROUND_HALF_EVEN)
    return ctx


def _all_zeros(digits, pos):
    rest = digits[pos:]
    return rest == '0' * len(rest)


def _exact_half(digits, pos):
    if pos >= len(digits) or digits[pos] != '5':
        return False
    return _all_zeros(digits, pos + 1)


def _align(a, b, prec):
    """(sign, int, exp) of a and b on a common exponent. An operand far
    below the other's precision shrinks to a single sticky digit (it can
    only influence the rounding), so 1E+999999 + 1 stays cheap."""
    if a._exp < b._exp:
        hi, lo = b, a
    else:
        hi, lo = a, b
    hi_int, lo_int, lo_exp = int(hi._int), int(lo._int), lo._exp
    exp = hi._exp + min(-1, len(hi._int) - prec - 2)
    if len(lo._int) + lo._exp - 1 < exp:
        lo_int, lo_exp = 1, exp
    hi_int *= 10 ** (hi._exp - lo_exp)
    hi_t = (hi._sign, hi_int, lo_exp)
    lo_t = (lo._sign, lo_int, lo_exp)
    return (hi_t, lo_t) if hi is a else (lo_t, hi_t)


def _convert_other(other, raiseit=False, allow_float=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raiseit:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


_CMP_OPS = {'==': lambda c: c == 0, '!=': lambda c: c != 0, '<': lambda c: c < 0,
            '<=': lambda c: c <= 0, '>': lambda c: c > 0, '>=': lambda c: c >= 0}


# -- exp and ln on integers ------------------------------------------------------
# Fixed-point arithmetic: a value v is held as the integer round(v * 10**W).

def _fixed(x, W):
    """The Decimal x as a fixed-point integer with W fractional digits."""
    c = int(x._int)
    shift = x._exp + W
    v = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    return -v if x._sign else v


def _exp_fixed(v, W):
    """exp(v / 10**W) * 10**W for |v| <= ln(10) * 10**W or so."""
    one = 10 ** W
    # Halve the argument k times so the Taylor series converges fast, then
    # square the result k times.
    k = 0
    while abs(v) > one // 1000:
        v //= 2
        k += 1
    term = one
    total = one
    n = 1
    while term:
        term = term * v // (one * n)
        total += term
        n += 1
    for _ in range(k):
        total = total * total // one
    return total


def _ln10_digits(digits):
    """(m, e) with m * 10**e = ln(10) to about `digits` digits."""
    W = digits + 10
    return _ln_fixed(10 * 10 ** W, W) // 10 ** 10, -(W - 10)


def _ln_fixed(v, W):
    """ln(v / 10**W) * 10**W for v > 0 of moderate size."""
    one = 10 ** W
    # Take square roots until the argument is within 1e-3 of 1, then use
    # ln(y) = 2 atanh((y-1)/(y+1)).
    k = 0
    while abs(v - one) > one // 1000:
        v = _math.isqrt(v * one)
        k += 1
    z = (v - one) * one // (v + one)
    z2 = z * z // one
    term = z
    total = z
    n = 3
    while term:
        term = term * z2 // one
        total += term // n
        n += 2
    return 2 * total * (1 << k)


def _exp_digits(x, digits):
    """(m, e) with m * 10**e = exp(x), m having about digits+1 digits."""
    # exp(x) = 10**q * exp(x - q*ln(10)), with q = floor(x / ln(10)).
    xf = float(x) if abs(x.adjusted()) < 300 else (1e300 if x._sign == 0 else -1e300)
    q = int(_math.floor(xf / 2.302585092994046))
    extra = len(str(abs(q))) + 4
    W = digits + extra + 6
    l10, e10 = _ln10_digits(W + extra)
    v = _fixed(x, W) - q * (l10 * 10 ** (W + e10) if W + e10 >= 0 else l10 // 10 ** -(W + e10))
    r = _exp_fixed(v, W)
    # The halvings and squarings cost a few thousand units in the last
    # place: drop six digits so the error is below one unit.
    return r // 10 ** 6, q - W + 6


def _ln_digits(x, digits):
    """(m, e) with m * 10**e = ln(x) (x > 0) within a unit of m's last
    digit, m having at least `digits` digits."""
    # x = c * 10**a with c in [1, 10): ln(x) = ln(c) + a * ln(10).
    a = x.adjusted()
    W = digits + len(str(abs(a))) + 12
    while True:
        c_fixed = int(x._int) * 10 ** W // 10 ** (len(x._int) - 1)
        lc = _ln_fixed(c_fixed, W)
        if a:
            l10, e10 = _ln10_digits(W + len(str(abs(a))) + 2)
            lc += a * (l10 * 10 ** (W + e10) if W + e10 >= 0 else l10 // 10 ** -(W + e10))
        # Near x = 1 the logarithm is tiny: work with more fractional digits.
        short = digits + 6 - len(str(abs(lc)))
        if short <= 0:
            break
        W += short + 2
    # The square roots in _ln_fixed cost a few thousand units: drop six digits.
    q = abs(lc) // 10 ** 6
    return (-q if lc < 0 else q), 6 - W


# -- format() support --------------------------------------------------------------

import re as _re

_FORMAT_SPEC = _re.compile(r"""\A
(?:
   (?P<fill>.)?
   (?P<align>[<>=^])
)?
(?P<sign>[-+ ])?
(?P<no_neg_0>z)?
(?P<zeropad>0)?
(?P<minimumwidth>(?!0)\d+)?
(?P<thousands_sep>,)?
(?:\.(?P<precision>0|(?!0)\d+))?
(?P<type>[eEfFgGn%])?
\Z
""", _re.VERBOSE | _re.DOTALL)


def _parse_format_specifier(format_spec):
    # The C implementation's mini-language: no '#' and no '_' separator.
    m = _FORMAT_SPEC.match(format_spec)
    if m is None:
        raise ValueError("invalid format string")
    spec = m.groupdict()
    spec['alt'] = False
    fill = spec['fill']
    align = spec['align']
    spec['zeropad'] = spec['zeropad'] is not None
    if spec['zeropad'] and align is None:
        fill, align = '0', '='
    spec['fill'] = fill or ' '
    spec['align'] = align or '>'
    if spec['sign'] is None:
        spec['sign'] = '-'
    spec['minimumwidth'] = int(spec['minimumwidth'] or '0')
    if spec['precision'] is not None:
        spec['precision'] = int(spec['precision'])
    if spec['precision'] == 0:
        if spec['type'] is None or spec['type'] in 'gGn':
            spec['precision'] = 1
    if spec['type'] == 'n':
        spec['type'] = 'g'
    spec['thousands_sep'] = spec['thousands_sep'] or ''
    spec['decimal_point'] = '.'
    return spec


def _format_align(sign, body, spec):
    padding = spec['fill'] * (spec['minimumwidth'] - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        return sign + body + padding
    if align == '>':
        return padding + sign + body
    if align == '=':
        return sign + padding + body
    half = len(padding) // 2
    return padding[:half] + sign + body + padding[half:]


def _insert_thousands_sep(digits, spec, min_width=1):
    sep = spec['thousands_sep']
    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits)) + digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format_sign(is_negative, spec):
    if is_negative:
        return '-'
    if spec['sign'] in ' +':
        return spec['sign']
    return ''


def _format_number(is_negative, intpart, fracpart, exp, spec):
    sign = _format_sign(is_negative, spec)
    if fracpart or spec['alt']:
        fracpart = spec['decimal_point'] + fracpart
    if exp != 0 or spec['type'] in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[spec['type']]
        fracpart += "{0}{1:+}".format(echar, exp)
    if spec['type'] == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['minimumwidth'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    if spec['thousands_sep']:
        intpart = _insert_thousands_sep(intpart, spec, min_width)
    elif min_width > len(intpart):
        intpart = '0' * (min_width - len(intpart)) + intpart
    return _format_align(sign, intpart + fracpart, spec)


# -- constants and the standard contexts ---------------------------------------------

_Infinity = _dec(0, '0', 'F', True)
_NegativeInfinity = _dec(1, '0', 'F', True)
_NaN = _dec(0, '', 'n', True)
_Zero = _dec(0, '0', 0)
_One = _dec(0, '1', 0)
_NegativeOne = _dec(1, '1', 0)
_SignedInfinity = (_Infinity, _NegativeInfinity)

DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_numbers.Number.register(Decimal)

# In messages ("unsupported operand type(s) for +: 'decimal.Decimal' and
# 'str'") CPython names its C types with their module.
try:
    from _glasspy import set_type_name as _set_type_name
except ImportError:
    pass
else:
    _set_type_name(Decimal, 'decimal.Decimal')
    _set_type_name(Context, 'decimal.Context')
    del _set_type_name
