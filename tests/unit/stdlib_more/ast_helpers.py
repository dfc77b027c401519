# ast: literal_eval, walk, visitors and transformers, locations, docstrings, source segments
import ast
print(ast.literal_eval("[1, -2, 3.5, (4+5j), {'a': {1, 2}}, b'x', None, True, set(), (1,)]"))
for bad in ["f(x)", "a + b", "[1, x]", "1 + 2"]:
    try:
        print(ast.literal_eval(bad))
    except ValueError as e:
        print("ValueError:", str(e).split(" at 0x")[0])
print(ast.literal_eval(ast.parse("{'k': (1, 2)}", mode="eval")))
print(sorted(type(n).__name__ for n in ast.walk(ast.parse("a + b * f(c)"))))
print([name for name, _ in ast.iter_fields(ast.parse("x = 1").body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(ast.parse("f(a, b=c)", mode="eval").body)])

class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []
    def visit_Name(self, node):
        self.seen.append(node.id)
        self.generic_visit(node)
v = Names()
v.visit(ast.parse("x = y + z(w)"))
print(v.seen)

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
    def visit_Pass(self, node):
        return None
tree = Double().visit(ast.parse("print(21, 'x')\nif True:\n    pass\n    print(5)\n"))
print(ast.unparse(tree))
exec(compile(tree, "<doubled>", "exec"))

built = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('built by hand')], []))],
                   type_ignores=[])
try:
    compile(built, "<hand>", "exec")
except TypeError as e:
    print("TypeError:", e)
ast.fix_missing_locations(built)
print(built.body[0].lineno, built.body[0].col_offset, built.body[0].end_lineno)
exec(compile(built, "<hand>", "exec"))
e = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
t = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t, 10)
print([s.lineno for s in t.body], [s.end_lineno for s in t.body])

src = 'def f():\n    """  Doc\n      more\n    """\n    return (a +\n        b)\nclass K:\n    "k"\n'
m = ast.parse(src)
print(repr(ast.get_docstring(m.body[0])), repr(ast.get_docstring(m.body[0], clean=False)))
print(repr(ast.get_docstring(m.body[1])), ast.get_docstring(m))
print(repr(ast.get_source_segment(src, m.body[0].body[1].value)))
print(repr(ast.get_source_segment(src, m.body[0].body[1].value, padded=True)))
try:
    ast.get_docstring(ast.parse("1", mode="eval").body)
except TypeError as e:
    print("TypeError:", e)
code = compile(ast.parse("def g():\n    return 1 / 0\ng()"), "<tree>", "exec")
try:
    exec(code)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno, tb.tb_frame.f_code.co_name)
print(isinstance(ast.Constant(5), ast.Num), isinstance(ast.Constant("s"), ast.Num), ast.Num(3).value)
print(type(ast.Index(ast.Name("i", ast.Load()))).__name__)
