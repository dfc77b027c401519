# ast: parse and dump (plain, indented, with attributes, without field names), node classes and their fields
import ast
src = '''
import os.path as p
from .. import x
def f(a, /, b=2, *args, c, d=4, **kw) -> int:
    """Doc."""
    return a if b else (yield c)
class C(B, metaclass=M):
    x: int = 3
s = f"{a!r:>{w}} and {b=}"
match p:
    case [1, *rest] | {"k": v, **kw} if v > 0: pass
    case Point(x=0, y=_) as pt: pass
try:
    pass
except* ValueError as e:
    raise E from e
n = (not a) + (b or c and d) ** -e @ m
w = [y := 10, *z], {k: v for k, v in d}, lambda q=1: q, 1e999, 2j, b"\\x00", u"u", ...
'''
t = ast.parse(src)
print(ast.dump(t))
print(ast.dump(t, indent=4))
print(ast.dump(t.body[2], include_attributes=True))
print(ast.dump(t.body[0], annotate_fields=False, indent='..'))
print(ast.dump(ast.parse("x + 1", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.Name._fields, ast.Name._attributes, ast.Name.__match_args__)
print(ast.arguments._fields, ast.comprehension._attributes, ast.pattern._attributes)
print(ast.Name.__doc__)
print(ast.operator.__doc__)
print(ast.stmt.__doc__.splitlines()[:3])
print([c.__name__ for c in ast.Name.__mro__], ast.Add.__mro__[1].__name__)
n = ast.Name('x', ast.Load())
print(n.id, type(n.ctx).__name__, ast.arg('a').annotation, ast.Constant(1).kind)
print(hasattr(ast.Name(), 'id'), ast.Name(id='q').__dict__)
try:
    ast.Name('a', ast.Load(), 3)
except TypeError as e:
    print('TypeError:', e)
try:
    ast.dump(3)
except TypeError as e:
    print('TypeError:', e)
match ast.parse("a + 1", mode="eval").body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(value)):
        print("matched", id, value)
try:
    ast.parse("x = (")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
print(ast.dump(ast.parse("return 1; nonlocal q")))
print(ast.PyCF_ONLY_AST, ast.dump(compile("a.b", "<s>", "eval", ast.PyCF_ONLY_AST)))
