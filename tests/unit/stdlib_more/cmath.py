# every function on points around the branch cuts, tiny/huge values, polar/rect, errors
import cmath, math
pts = [0j, 1+0j, -1+0j, 1j, -1j, 2+3j, -2-3j, 0.5-0.25j, -0.0+0j, complex(-2, 0.0), complex(-2, -0.0), complex(2, 0.0), complex(2, -0.0),
       complex(0.0, 2), complex(-0.0, 2), complex(0, -2), 1e-200+1e-200j, 5e-324j, 1e300+1e300j, -1e300+2j, 3, -4.5, 1e-10+1e-10j, complex(0.7, 0.7), complex(1, 1e-170)]
names = ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan', 'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh']
for z in pts:
    out = []
    for n in names:
        try:
            out.append(repr(getattr(cmath, n)(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(z, ' '.join(out))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(1j), cmath.polar(-2), cmath.rect(2, math.pi / 2), cmath.rect(1, 0), cmath.rect(-1, 0.0))
print(cmath.log(8, 2), cmath.log(1j, 10), cmath.exp(1j * math.pi), cmath.sqrt(-1), cmath.sqrt(4), cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj, cmath.isfinite(1+2j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(cmath.nanj))
print(cmath.exp(complex(-math.inf, 1)), cmath.sqrt(complex(math.inf, 1)), cmath.sqrt(complex(-math.inf, 1)), cmath.log(complex(math.inf, 0)), cmath.exp(complex(math.inf, 0)))
class C:
    def __complex__(self): return 3j
class F:
    def __float__(self): return 2.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(True))
for bad in ['cmath.log(0)', 'cmath.exp(1000)', 'cmath.exp(complex(800, 1))', 'cmath.cosh(1000)', 'cmath.atanh(1)', 'cmath.atanh(-1)', 'cmath.sqrt("x")', 'cmath.log(1, 1)',
            'cmath.atan(1j)', 'cmath.sinh(complex(1000, 1))', 'cmath.isclose(1, 1, rel_tol=-1)', 'cmath.polar(complex(1e308, 1e308))', 'cmath.log(0j, 2)']:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
