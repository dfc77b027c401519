# decimal: construction, str/repr, arithmetic under every rounding mode, quantize, sqrt/exp/ln/log10/pow, contexts, signals and format()
from decimal import *
import decimal, math, random
from fractions import Fraction
print(Decimal('1.50'), repr(Decimal('-0.000')), Decimal(' 1_000.5 '), Decimal(0.1), Decimal((1, (3, 1, 4), -2)), Decimal('inf'), Decimal('-sNaN12'), Decimal(10**30), Decimal('1.23E+40'), Decimal('0.0000001'))
print(Decimal('1.1') + Decimal('2.2'), Decimal('1.30') * Decimal('1.20'), Decimal(1) / Decimal(7), Decimal(-7) // 2, Decimal(-7) % 2, divmod(Decimal('10.5'), 3), Decimal(2) ** 100, Decimal('0.5') ** -3, -Decimal('0'), abs(Decimal('-1.50')))
print(Decimal(2).sqrt(), Decimal(2).exp(), Decimal(10).ln(), Decimal(2).log10(), Decimal(1000).log10(), Decimal(2) ** Decimal('0.5'), Decimal('1.0001') ** 10000, Decimal('1e10').sqrt(), Decimal('0.0004').sqrt())
money = Decimal('19.995')
print(money.quantize(Decimal('0.01')), money.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), money.quantize(Decimal('1.'), ROUND_DOWN), round(Decimal('2.675'), 2), round(Decimal('2.5')), round(Decimal('-3.5')))
print(Decimal('120.00').normalize(), Decimal('1.23E+5').normalize(), Decimal('12345e3').to_eng_string(), Decimal('-1.5').to_integral_value(), math.floor(Decimal('-1.5')), int(Decimal('-7.9')), float(Decimal('0.1')))
print(Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), Decimal(1) == 1.0, Decimal('0.5') == Fraction(1, 2), Decimal('0.5') < Fraction(2, 3), Decimal('1.5') < 2.5, sorted([Decimal('1.1'), 1, Decimal('-2'), 0.5]), max(Decimal(1), Decimal('1.0')))
print(hash(Decimal('0.5')) == hash(0.5) == hash(Fraction(1, 2)), hash(Decimal(7)) == hash(7), {Decimal('1.0'): 'x'}[1], sum([Decimal('0.1')] * 10), Decimal('1.5').as_integer_ratio(), Decimal('1.50').as_tuple())
print(getcontext())
getcontext().prec = 6
print(Decimal(1) / Decimal(3), Decimal('123456789') + 0, Decimal(2).sqrt())
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 10
    ctx.rounding = ROUND_CEILING
    print(Decimal(1) / 3, -Decimal(1) / 3, ctx)
with localcontext(prec=4, rounding=ROUND_DOWN) as ctx:
    print(Decimal('3.14159') + 0, ctx.prec)
print(getcontext().prec, getcontext().rounding)
rnd = random.Random(5)
for rounding in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]:
    setcontext(Context(prec=5, rounding=rounding, traps=[]))
    a = Decimal(rnd.randrange(-10**9, 10**9)).scaleb(rnd.randrange(-12, 3))
    b = Decimal(rnd.randrange(1, 10**7)).scaleb(rnd.randrange(-5, 5))
    print(rounding, a + b, a - b, a * b, a / b, a // b, a % b, b.sqrt(), b.ln(), (b / 1000).exp(), b ** 3, b ** -2, b ** Decimal('0.3'), +a, a.quantize(Decimal('0.01')))
    print(getcontext().flags[Inexact], getcontext().flags[InvalidOperation], getcontext())
setcontext(DefaultContext)
c = Context(prec=5)
print(c.add(1, Decimal('2.345678')), c.divide(1, 7), c.create_decimal('1.234567'), c.power(2, 10), c.sqrt(2), c.Etiny(), c.Etop(), c.flags[Rounded])
print(ExtendedContext, BasicContext.prec, DefaultContext.rounding, MAX_PREC, decimal.HAVE_THREADS)
print(format(Decimal('1234567.891'), ',.2f'), format(Decimal('-0.000'), 'z.2f'), f'{Decimal("3.14159"):10.3}', f'{Decimal("0.125"):.1%}', f'{Decimal("5"):e}', format(Decimal('12.5'), '*^12'), format(Decimal('1e-10'), 'f'), format(Decimal('42'), '08,.1f'))
print(Decimal(1).is_normal(), Decimal('NaN').is_nan(), Decimal('-0').is_signed(), Decimal('1e-1000000').number_class(), Decimal(5).next_plus(), Decimal(5).next_minus(), Decimal(3).fma(2, 1), Decimal(10).remainder_near(3), Decimal(3).copy_sign(-1))
print(Decimal('NaN') == Decimal('NaN'), Decimal('NaN') != 1, issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError), InvalidOperation.__mro__[1].__name__)
for bad in ['Decimal("9e999999") * 10', 'Decimal(1) / 0', 'Decimal(0) / 0', 'Decimal("abc")', 'Decimal(-1).sqrt()', 'Decimal(5) % 0', 'Decimal("sNaN") + 1', 'Decimal(1) < Decimal("NaN")',
            'Decimal(2).quantize(Decimal("1e-30"))', 'int(Decimal("NaN"))', 'int(Decimal("Inf"))', 'Decimal([1])', 'Decimal((0, (1, 2), "x"))', 'Decimal(0) ** 0', 'localcontext(prec=0)',
            'Decimal(1) + "2"', 'format(Decimal(1), "x")', 'hash(Decimal("sNaN"))', 'Decimal(1).quantize(1, rounding="UP")', 'Context(prec="3")']:
    try:
        print(bad, '->', repr(eval(bad)))
    except Exception as e:
        print(bad, '!!', type(e).__module__, type(e).__name__, e)
ctx = getcontext()
ctx.traps[Inexact] = True
try:
    Decimal(1) / 3
except Inexact as e:
    print('Inexact', e.args, ctx.flags[Inexact])
ctx.traps[Inexact] = False
ctx.clear_flags()
Decimal(1) / 0 if False else None
print(ctx)
import statistics
print(statistics.mean([Decimal('1.5'), Decimal('2.25')]), statistics.stdev([Decimal('1'), Decimal('2'), Decimal('4')]), statistics.median([Decimal(1), Decimal(3)]), statistics.variance([Decimal('27.5'), Decimal('30.25'), Decimal('30.25'), Decimal('34.5'), Decimal('41.75')]))
print(Fraction(Decimal('1.25')), Fraction.from_decimal(Decimal('-0.5')))
Decimal(1) / Decimal(0)
