"""Records CPython 3.11's dis.dis() output for the programs the compiler
tests compile (test_compiler.cpp). Run with python3.11 from this folder:
    python3 gen_dis_cases.py
Never edit dis_cases.inc by hand: it is CPython's output."""
import dis, io, re, sys
cases = {
 "module_arith": "x = 1\ny = x + 2 * 3\nprint(y)\n",
 "while_loop": "x = 0\nwhile x < 10:\n    x += 1\nprint(x)\n",
 "for_continue": "for i in range(3):\n    if i == 1:\n        continue\n    print(i)\n",
 "if_else": "a = 1\nif a > 0:\n    b = 'pos'\nelif a < 0:\n    b = 'neg'\nelse:\n    b = 'zero'\n",
 "funcs": "def add(a, b=2):\n    c = a + b\n    return c\nprint(add(1))\n",
 "closure": "def g(x):\n    def inner(y):\n        return x + y\n    return inner\n",
 "boolops": "a = 1\nb = 2\nprint(a and b, a or b, not a)\n",
 "chained": "a = 1\nprint(1 < a < 3)\nif 0 < a <= 2:\n    print('in')\n",
 "calls": "x = [1, 2]\nx.append(3)\nprint(len(x), sep='-')\n",
 "consts": "t = (1, 2, 3)\nl = [1, 2, 3]\nd = {'a': 1, 'b': 2}\ns = -5\nf = 2 ** 10\n",
 "subscr": "l = [1, 2, 3]\nl[0] = l[1]\nprint(l[1:2])\ndel l[0]\n",
 "fstring": "n = 5\nprint(f'n={n!r:>4} {n}')\n",
 "global_fn": "def h():\n    global z\n    z = 1\n    while True:\n        break\n    for i in x:\n        pass\n    assert z, 'm'\n    return\n",
 "nested_fn_call": "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(5))\n",
 "unpack": "a, b = 1, 2\na, b = b, a\n",
 "lambda": "f = lambda a: a + 1\nprint(f(1))\n",
}
extra = {
 "listcomp": "print([x * 2 for x in range(5) if x % 2 == 0])\n",
 "nested_comp": "m = [[i * j for j in range(3)] for i in range(3)]\n",
 "dictcomp_setcomp": "d = {k: v for k, v in [(1, 2)]}\ns = {c for c in 'abc'}\n",
 "genexpr": "print(sum(x * x for x in range(10)))\n",
 "generator": "def gen(n):\n    for i in range(n):\n        yield i\n    return 'done'\n",
 "yield_from": "def outer():\n    r = yield from inner()\n    return r\n",
 "try_except": "try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    print(e)\nexcept (TypeError, ValueError):\n    pass\nelse:\n    print('ok')\n",
 "try_finally": "def f():\n    try:\n        return g()\n    finally:\n        print('done')\n",
 "with_stmt": "with open('f') as f, lock:\n    data = f.read()\n",
 "loop_break_in_try": "for i in range(3):\n    try:\n        if i:\n            break\n    finally:\n        print(i)\n",
 "star_call": "f(*args, 1, **kw, x=2)\nprint(*[1, 2], sep='')\n",
 "star_display": "a = [*x, 1]\nb = (*x, *y)\nc = {*x}\nd = {**m, 'k': 1}\n",
 "unpack_star": "a, *b, c = seq\n",
 "raise_from": "def f():\n    try:\n        g()\n    except KeyError as e:\n        raise ValueError('v') from e\n",
 "class_def": "class A(B, metaclass=M):\n    '''doc'''\n    x = 1\n    def m(self):\n        return super().m()\n",
}
extra.update({
 "nested_loops": "for x in a:\n    for y in b:\n        f(x, y)\n",
 "nested_listcomp_for": "print([(x, y) for x in range(3) for y in range(x)])\n",
 "while_else_break": "n = 0\nwhile n < 10:\n    n += 1\n    if n == 5:\n        break\nelse:\n    n = -1\n",
 "is_none_jump": "def f(x):\n    if x is None:\n        return 0\n    return x\n",
 "in_list": "def f(x):\n    return x in [1, 2, 3]\n",
 "imports": "import os.path as p\nfrom . import sib\nfrom pkg.mod import a as b, c\nimport x.y.z\n",
})
extra.update({
 "swap_locals": "def f(a, b, x, y, z):\n    a, b = b, a\n    x, y, z = z, y, x\n",
 "match_stmt": 'def describe(x):\n    match x:\n        case 0:\n            return "zero"\n        case 1 | 2 | 3:\n            return "small"\n        case [a, b]:\n            return f"pair {a} {b}"\n        case [first, *rest]:\n            return f"list starting {first} with {len(rest)} more"\n        case {"name": name, **others}:\n            return f"named {name} {others}"\n        case str() as s if len(s) > 3:\n            return f"long string {s}"\n        case str(s):\n            return f"string {s}"\n        case (int(n), "x") | ("x", int(n)):\n            return f"tuple with {n}"\n        case None:\n            return "none"\n        case _:\n            return "other"\nclass Point:\n    __match_args__ = ("x", "y")\n    def __init__(self, x, y):\n        self.x, self.y = x, y\ndef where(p):\n    match p:\n        case Point(0, 0):\n            return "origin"\n        case Point(x=0, y=y):\n            return f"on y axis at {y}"\n        case Point(x, y):\n            return f"at {x},{y}"\nfor v in [0, 2, [1, 2], [1, 2, 3], {"name": "a", "k": 1}, "hello", "hi", (5, "x"), ("x", 6), None, 3.5]:\n    print(describe(v))\nfor p in [Point(0, 0), Point(0, 5), Point(1, 2)]:\n    print(where(p))\n',
})
extra.update({
 "try_star": "try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\nelse:\n    k()\n",
 "try_star_finally": "def f():\n    try:\n        g()\n    except* (KeyError, OSError) as e:\n        print(e.exceptions)\n    finally:\n        h()\n",
 "for_if_break": "def f(e):\n    for x in e:\n        if x:\n            break\n",
})
extra.update({
 "async_def": "async def f(x, y):\n    r = await g(x)\n    async for i in y:\n        if i:\n            continue\n        print(i)\n    else:\n        print('done')\n    async with x as a, y:\n        await a\n    return [z async for z in y if z] + [await w for w in x]\nasync def agen(n):\n    for i in range(n):\n        yield i\n        await h()\n    async with n:\n        return\ndef gexp(a):\n    return (await x async for x in a)\n",
 "async_comprehensions": 'async def f(x, y):\n    async for i in y:\n        if i:\n            break\n    async with x:\n        return 5\n    async with x as (a, b):\n        for q in a:\n            return q\nasync def g(a):\n    d = {k: v async for k, v in a}\n    s = {await k for k in a}\n    n = [[z async for z in w] for w in a]\n    ge = (k async for k in a if await k)\n    return d, s, n, ge\nasync def ag():\n    x = yield 1\n    try:\n        yield await x\n    finally:\n        await x\n    async for i in x:\n        yield i\n',
})
extra.update({
 "varnames_emission_order": "def h(a, b):\n    c = 1\n    def i(): return a + c\n    z = (y := 2)\n    return i\ndef g():\n    x = y\n    y = 1\n    n: int\n",
 "arg_cells_order": "def k(b, a, *r, q, **kw):\n    t = u\n    def f(): return a, b, kw, t\n    u = 1\n    return f\n",
})
extra.update({
 "decorators_lines": "@deco\ndef f(n):\n    return n\n@a.b(1)\n@c\nclass C:\n    x = 1\n",
 "import_method_calls": "import sys\nprint(sys.getrefcount(x), sys.intern('a'))\ndef f():\n    return sys.getsizeof([])\n",
 "ast_folding": "a = (b'ab', 5)\nb = 1 + 2j\nc = 'abc'[1]\nd = (1, 2) * 2\ne = 2 ** 200\nf = not x is y\ng = __debug__\nh = [(1, 'one'), (2, 'two'), (3, 'three')]\ni = x in {10, 2, 11}\n",
 "percent_format": "a = '%s, %r and %-5.2a %%' % (x, y, z)\nb = '%d' % (x,)\n",
 "kwonly_defaults": "def f(a, *, b=1, c=[2]):\n    return TextWrapper(width=a, **c)\n",
 "constant_conditions": "def f():\n    while True:\n        yield 1\nx = 'a' if 0 else 'b' if None else 'c'\n",
 "module_global_decl": "total = 0\ndef add():\n    global total\n    total += 1\nprint(total)\n",
 "multiline_attr_calls": "x = (a\n     .b)\ny = (a\n  .d(1,\n   k=2))\nraise ValueError('{}'\n    .format(x))\n",
 "match_star_wildcard": "match x:\n    case [*_]: pass\n    case [a, *_, b]: pass\n    case [_, *_]: pass\n",
})
extra.update({
 "finally_reraise_per_exit": "def close():\n    try:\n        f()\n    finally:\n        if s:\n            try:\n                g()\n            except OSError as exc:\n                h()\n            finally:\n                k()\n",
 "with_exit_return_copied": "def main():\n    if args:\n        with open(a) as f:\n            func(f)\n    else:\n        func(b)\n",
 "slice_positions": "x = (f(a,\n      b)[:256])\ny = z[1:2:3]\n",
 "genexp_multiline": "x = any(\n  f(b) for b in c)\ny = g('a'.format(k)\n   for k in d)\n",
 "break_in_handler_loop": "def f(xs):\n    try:\n        g()\n    except ValueError:\n        for x in xs:\n            if x:\n                break\n            h(x)\n    finally:\n        k()\n",
})
cases.update(extra)
out = []
for name, src in cases.items():
    buf = io.StringIO()
    dis.dis(compile(src, "<test>", "exec"), file=buf)
    text = re.sub(r" at 0x[0-9a-f]+", " at ADDR", buf.getvalue())
    out.append((name, src, text))
with open("dis_cases.inc", "w") as f:
    for name, src, text in out:
        f.write('{"%s",\nR"PY(%s)PY",\nR"DIS(%s)DIS"},\n' % (name, src, text))
