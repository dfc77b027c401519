# ast.unparse: source back from trees, with CPython's parentheses, quotes and layout
import ast
cases = [
    "x = (a + b) * c - d / (e - f) ** -g ** h",
    "y = not (a and b) or c and (d or e)",
    "z = a if b else (c if d else e)",
    "(lambda: 0)(), (lambda x, *y, k=1, **z: x)(1)",
    "print(*args, sep='', **kw)",
    "a[1:2, ::3], a[()], a[1,], a[b:c]",
    "s = 'it\\'s', \"say \\\"hi\\\"\", '''both ' and \"''', 'tab\\there', '\\n'",
    "f'{x!r:>{width}} {y=} {{braces}} {\"q\"}'",
    "f'{x:{\"a\"}}'",
    "b'\\x00bytes', u'text', 1e999, -1e999j, 0x10, 1_000",
    "{}, {1}, set(), {*()}, {**a, 'b': 1}, [*a, *b]",
    "async def f():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n    return [i async for i in z]",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    '''Doc.'''\n    x: int = 1\n    def m(self, /, a, *, b): ...",
    "for i, j in z:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    continue",
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    del a, b[0]",
    "try:\n    pass\nexcept* E:\n    pass",
    "match p:\n    case [1, *rest]:\n        pass\n    case {'k': v, **kw} if v:\n        pass\n    case P(1, x=0) | Q() as q:\n        pass\n    case None | True | -1 | 1+2j | 'a' 'b':\n        pass\n    case _:\n        pass",
    "global a, b\nnonlocal c\nassert x, 'm'\nimport a.b as c, d\nfrom ...p import (q as r, s)\nfrom . import t",
    "x += 1; y @= 2; z //= 3; w **= 4",
    "(yield)\nx = yield a, b\ny = yield from g()\nz = await w",
    "(a := 1), [b := 2], f(c := 3)",
    "3 .real, (3).real, 3.0.real, a.b.c",
    "x: 'ann'\n(y): int = 2\nz.w: int",
    "with open(f) as (a, b):\n    pass",
    "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> 'r':\n    '''multi\n    line'''\n    return",
    "lambda: (yield)",
    "x = -(-1), +a, ~b, -2 ** 2, (-2) ** 2, not not a",
    "a < b < c, a is not b, a not in b, (a < b) < c",
]
for src in cases:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    print("round trip:", ast.dump(ast.parse(out)) == ast.dump(tree))
print(ast.unparse(ast.Constant(value=(1, 'a', 2.5))))
print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.BinOp(ast.Constant(2), ast.Mult(), ast.Constant(3)))))
print(ast.unparse(ast.parse("x", mode="eval")))
