# Fraction arithmetic, parsing, limit_denominator, hashing and mixing with int/float/complex
from fractions import Fraction as F
import numbers, math
print(F(3, 4), repr(F(6, -8)), F('  -1_0/3 '), F('1e-3'), F('.5'), F('1.25E2'), F(0.75), F(7))
print(F(1, 3) + F(1, 6), F(1, 2) - 1, 3 * F(2, 9), F(3, 4) / F(3, 8), F(1, 2) + 0.25, F(1, 3) + 1j)
print(F(7, 2) // F(1, 3), F(7, 2) % F(1, 3), divmod(F(7, 2), F(1, 3)), divmod(-7, F(2, 3)), F(7, 2) // 0.5)
print(F(2, 3) ** 3, F(2, 3) ** -2, F(-2) ** -3, F(4) ** F(1, 2), 2 ** F(1, 2), 2 ** F(3), F(9, 4) ** 0.5)
print(abs(F(-1, 3)), -F(1, 3), +F(1, 3), int(F(-7, 2)), math.trunc(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(25, 100), 1), round(F(12345), -2), round(F(1, 3), 3))
print(F('3.141592653589793').limit_denominator(1000), F(math.pi).limit_denominator(100), F(1, 3).limit_denominator(5))
print(F.from_float(0.1), F.from_float(3), F(0.1).as_integer_ratio(), F(1, 3).numerator, F(1, 3).denominator)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1)), hash(F(10**30, 7)))
print(F(1, 2) == 0.5, F(1, 2) == F(2, 4), F(1) == 1, F(1, 2) < 1.0, F(1, 2) < float('nan'), F(1, 2) < float('inf'), F(1, 2) == 0.5 + 0j)
print(sorted([F(1, 2), 0.25, 1, F(-1, 3)]), max(F(1, 3), F(1, 4)), sum([F(1, 10)] * 10), bool(F(0)), {F(1, 2): 'a'}[0.5])
print(isinstance(F(1), numbers.Rational), isinstance(1, numbers.Integral), isinstance(1.0, numbers.Rational), isinstance(1j, numbers.Complex), issubclass(float, numbers.Real))
print(format(F(1, 2)), str(F(4, 2)), float(F(1, 3)), complex(F(1, 2)), F(1, 3).real, F(1, 3).imag, F(1, 3).conjugate())
import copy; x = F(2, 3); print(copy.copy(x) is x, copy.deepcopy(x) == x)
class MyF(F): pass
print(repr(MyF(1, 2)), type(MyF(1, 2) + 1).__name__)
for bad in ["F(1, 2) / 0", "F(1, 2) // 0", "F(0) ** -1", "F('abc')", "F(1.5, 2)", "F(float('nan'))", "F(float('inf'))",
            "F([])", "F(3, 0)", "F.from_float('x')", "F(10, 3).limit_denominator(0)", "format(F(1, 2), 'f')", "F(1) + 'a'"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
