# marshal: code objects round-trip through dumps/loads and run; damaged data raises EOFError or ValueError
import marshal, types

src = '''
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def counter():
    n = 0
    def bump(step=1, *, twice=False):
        nonlocal n
        n += step * (2 if twice else 1)
        return n
    return bump

def gen(k):
    try:
        yield from range(k)
    finally:
        print("gen done")

squares = {i: i * i for i in range(5)}
result = (fib(20), [x for x in gen(3)], Point(1, 2), squares)
c = counter(); c(); c(3, twice=True)
print("ran:", result, c())
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
'''
code = compile(src, "prog.py", "exec")
data = marshal.dumps(code)
loaded = marshal.loads(data)
print(type(loaded).__name__, loaded == code, loaded.co_filename, loaded.co_name)
print(loaded.co_names == code.co_names, loaded.co_varnames == code.co_varnames)
print(loaded.co_code == code.co_code, loaded.co_linetable == code.co_linetable,
      loaded.co_exceptiontable == code.co_exceptiontable)
ns = {}
exec(loaded, ns)
print(ns["fib"](10), ns["Point"](3, 4), ns["fib"].__code__.co_firstlineno)
print(marshal.loads(marshal.dumps(ns["fib"].__code__)) == ns["fib"].__code__)
f = types.FunctionType(marshal.loads(marshal.dumps(ns["counter"].__code__)), {})
b = f()
print(b(), b(2), b(1, twice=True))

# A code object inside other values, and one shared twice.
fc = ns["fib"].__code__
pair = marshal.loads(marshal.dumps([fc, {"k": fc}, (1, fc)]))
print(pair[0] is pair[1]["k"] is pair[2][1], pair[0] == fc)

# Every truncation of the data fails with EOFError.
kinds = set()
for n in range(len(data)):
    try:
        marshal.loads(data[:n])
        kinds.add("loaded")
    except Exception as e:
        kinds.add(type(e).__name__)
print(sorted(kinds))

# A traceback in loaded code points at its lines.
bad = marshal.loads(marshal.dumps(compile("x = 1\ny = x / 0\n", "bad.py", "exec")))
try:
    exec(bad, {})
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_lineno)

for f in (lambda: 0, print, object()):
    try:
        marshal.dumps(f)
    except ValueError as e:
        print("ValueError:", e)
