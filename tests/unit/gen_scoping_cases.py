"""Records CPython 3.11's output for the scoping programs of test_scoping.cpp.
Run with python3.11 from this folder:
    python3 gen_scoping_cases.py
Never edit scoping_cases.inc by hand: it is CPython's output. The programs
print no addresses, so the output is the same on every run."""
import contextlib, io

cases = [
("names resolve local, enclosing, global, then builtin (LEGB)", r'''
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()
def reads_global():
    return x
def reads_builtin():
    return len("abc")
print(outer(), reads_global(), reads_builtin())
len = lambda s: "shadowed"
print(reads_builtin())
del len
print(reads_builtin())
'''),
("an assignment anywhere in a function makes the name local to all of it", r'''
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 20
    return x
print(f())
def g():
    del y
y = 1
try:
    g()
except UnboundLocalError as e:
    print(e)
def h():
    z = 1
    del z
    return z
try:
    h()
except UnboundLocalError as e:
    print(e)
'''),
("global declarations bind module names from inside functions", r'''
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    global fresh
    fresh = "made"
make()
print(fresh)
def drop():
    global fresh
    del fresh
drop()
print("fresh" in globals())
'''),
("nonlocal rebinds the nearest enclosing function's variable", r'''
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(); inc()
print(get())
def outer():
    a = 1
    def middle():
        def inner():
            nonlocal a
            a = "inner"
        inner()
        return a
    r = middle()
    return r, a
print(outer())
'''),
("closures capture variables, not values", r'''
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make():
    acts = []
    for k in range(3):
        acts.append(lambda: k)
    k = 100
    return acts
print([a() for a in make()])
def shared():
    v = 0
    def setv(n):
        nonlocal v
        v = n
    def getv():
        return v
    return setv, getv
s, g = shared()
s(42)
print(g(), g.__code__.co_freevars, shared.__code__.co_cellvars)
'''),
("a free variable read before its cell is filled raises NameError", r'''
def f():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()
print(f())
'''),
("class bodies are not enclosing scopes for their methods", r'''
x = "global"
class C:
    x = "class"
    def method(self):
        return x
    y = x
    def uses_class(self):
        return C.x
print(C().method(), C.y, C().uses_class())
def f():
    x = "function"
    class D:
        print(x)
        x = "class-level"
        print(x)
        def m(self):
            return x
    return D().m()
print(f())
'''),
("a class body inside a function sees the function's variables", r'''
def f():
    v = "from f"
    class K:
        w = v
        def m(self):
            return v
    return K.w, K().m()
print(f())
def g():
    a = 1
    class K:
        a = 2
        b = a
    return K.b, a
print(g())
'''),
("comprehensions have their own scope but the first iterable is evaluated outside", r'''
x = "outer"
r = [x for x in range(3)]
print(r, x)
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]
    try:
        both = [d + len(data) for d in data]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
def gen():
    items = [1, 2]
    g = (i * 10 for i in items)
    items = [3, 4]
    return list(g)
print(gen())
print({k: v for k, v in zip("ab", (1, 2))}, {c for c in "aab"} == {"a", "b"})
'''),
("the walrus operator in a comprehension binds in the containing scope", r'''
values = [3, 8, 1, 9]
if any((big := v) > 7 for v in values):
    print("first big:", big)
def f():
    [(last := n) for n in range(5)]
    return last
print(f())
total = 0
sums = [total := total + v for v in values]
print(sums, total)
'''),
("scoping mistakes are SyntaxErrors with CPython's messages", r'''
bad = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    nonlocal q\n",
    "nonlocal z\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f(a):\n    nonlocal a\n",
    "[i := 0 for i in range(3)]\n",
    "class C:\n    [(y := 1) for z in range(2)]\n",
    "[x for x in (y := [1])]\n",
    "def f():\n    yield = 1\n",
    "def f(x, x):\n    pass\n",
    "lambda: (yield)\n" ,
    "def f():\n    class C:\n        nonlocal w\n",
]
for src in bad:
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.msg, e.lineno)
'''),
("global and nonlocal inside class bodies", r'''
g = "g0"
class A:
    global g
    g = "set from class"
print(g)
def f():
    v = "f"
    class B:
        nonlocal v
        v = "set from class B"
    return v
print(f())
'''),
("the except target is deleted after the handler", r'''
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("handling", type(e).__name__)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        raise KeyError("k")
    except KeyError as exc:
        pass
    return "exc" in locals()
print(f())
'''),
("loop variables, with targets and imports bind in the current scope", r'''
def f():
    for i in range(3):
        pass
    with open(__file__ if False else "/dev/null") as fh:
        pass
    import math as m
    from math import sqrt
    return i, fh.closed, m.pi > 3, sqrt(16), sorted(locals())
print(f())
'''),
("locals(), globals() and vars() reflect the current scope", r'''
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
def g():
    x = 1
    def h():
        return x
    return sorted(locals())
print(g())
class C:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))
print(C.q, "f" in globals(), vars(C)["p"])
'''),
("exec and eval run code in the namespaces they are given", r'''
ns = {}
exec("a = 1\ndef f():\n    return a + 1\n", ns)
print(ns["a"], ns["f"](), "__builtins__" in ns)
print(eval("x * y", {"x": 3}, {"y": 4}))
loc = {}
exec("z = 5", None, loc)
print(loc)
def f():
    exec("w = 9")
    return "w" in locals()
print(f())
print(eval("[n * k for n in range(3)]", {"k": 2}))
try:
    eval("[n * k for n in range(3)]", {}, {"k": 2})
except NameError as e:
    print(e)
'''),
("super() without arguments finds __class__ through a cell", r'''
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
    def cls(self):
        return __class__.__name__
print(B().who(), B().cls(), B.who.__code__.co_freevars)
def detached(self):
    return super().who()
try:
    detached(B())
except RuntimeError as e:
    print("RuntimeError:", e)
'''),
("name mangling applies to __names inside a class body", r'''
class Secret:
    __hidden = 1
    def get(self):
        return self.__hidden
    def set(self, v):
        self.__value = v
        return self.__dict__
print(Secret().get(), Secret().set(5), hasattr(Secret, "_Secret__hidden"))
class Sub(Secret):
    def peek(self):
        try:
            return self.__hidden
        except AttributeError as e:
            return str(e)
print(Sub().peek())
'''),
("default values are evaluated once, at definition time, in the defining scope", r'''
n = 1
def f(a=n, b=[]):
    b.append(a)
    return b
n = 2
print(f(), f(), f(10))
def outer():
    k = "outer k"
    def inner(v=k):
        return v
    k = "changed"
    return inner()
print(outer())
'''),
("decorators and class keywords are evaluated in the enclosing scope", r'''
log = []
def deco(tag):
    def wrap(fn):
        log.append(tag)
        return fn
    return wrap
def build():
    tag = "inner-tag"
    @deco(tag)
    def f():
        pass
    return f
build()
print(log)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns["kw"] = kw
        return super().__new__(m, name, bases, ns)
def make(level):
    class K(metaclass=Meta, level=level):
        pass
    return K.kw
print(make(3))
'''),
("generators keep their local scope alive between yields", r'''
def countdown(n):
    while n > 0:
        yield n
        n -= 1
g = countdown(3)
print(next(g), g.gi_frame.f_locals if False else "", list(g))
def acc():
    total = 0
    while True:
        x = yield total
        total += x
a = acc()
next(a)
print(a.send(5), a.send(10))
'''),
]

with open("scoping_cases.inc", "w") as out:
    out.write("// Generated by gen_scoping_cases.py from CPython 3.11: do not edit.\n")
    for name, src in cases:
        src = src.lstrip("\n")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "<test>", "exec"), {"__name__": "__main__", "__file__": "<test>"})
        out.write('{R"~(%s)~",\n R"~(%s)~",\n R"~(%s)~"},\n' % (name, src, buf.getvalue()))
print(len(cases), "cases")
