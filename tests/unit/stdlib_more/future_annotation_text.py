# __future__ annotations unparsed: operator priorities and parentheses, constants, f-strings, comprehensions, lambdas, slices
from __future__ import annotations
def f(a: lambda x, *y, z=1, **k: (x, y), b: {1: 2, **d}, c: [i async for i in x if i], d: f"a{b!r:>{w}}c{d=}", e: x if y else -z ** 2, g: 1e309, h: 1 + 2j, i: ..., j: a[1:2, ::3], k: (1,), l: not a and b or c, m: a < b <= c is not d, n: {*a}, p: "\u00e9\n\"", q: b"x\x00", r: -(1), s: (-1) ** 2, t: (a, *b), u: a.b.c(d, *e, f=1, **g), v: 1 .real, y: {a for a in b}, z: {k: v for k, v in x}, aa: (x for x in y), ab: a[b:c], ac: a[(1, 2)], ad: a[()], ae: a[*b], af: 'it''s', ag: -1.5, ah: 10**-2, ai: a if b else (c if d else e), aj: (a if b else c) if d else e, ak: (lambda: 1)(), al: [1, 2][0], am: f"{x!a}{'q'}", an: 0x10, ao: 1_000, ap: True, aq: None, ar: (a, b)[0], at: a @ b, au: ~a, av: a // b % c << d >> e & f | g ^ h, aw: [*a, *b], ax: print(*a), ay: f'{a:{b}}', az: a[b][c], ba: (a.b)(), bb: a.b[c].d, bc: "a" "b", bd: -a ** -b, be: (not a) + b, bf: 1e10, bg: 1.0, bh: 0.1, bi: -0.0, bj: 1j, bk: (1+2j), bl: float('inf'), bm: {}, bn: set(), bo: [], bp: (), bq: r"\d", br: rb"\d", bs: u"x", bt: f"{{}}", bu: f"{a}" f"{b}", bv: a is b, bw: a not in b):
    pass
C = None
class C:
    x: int = 1
    y: ClassVar[list[int]]
    C.z: int
print(C.__annotations__)
for k, v in f.__annotations__.items(): print(k, v)
def g() -> None: pass
print(g.__annotations__)
