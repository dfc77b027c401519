"""Records CPython 3.11's output for the runtime-object programs of
test_runtime.cpp (frames, tracebacks, generators' frames, cells, builtin
function attributes). Run with python3.11 from this folder:
    python3 gen_runtime_cases.py
Never edit runtime_cases.inc by hand: it is CPython's output. Programs print
no addresses, so the output is the same on every run."""
import os, subprocess, sys, tempfile

cases = [
("sys._getframe walks the call stack and frames show code, globals, builtins and line", r'''
import sys
def callee():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name)
    print(f.f_globals is globals(), f.f_builtins is f.f_back.f_builtins, f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    print(sys._getframe(1) is f.f_back, sys._getframe(-5) is f, type(f).__name__)
def caller():
    callee()
caller()
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
print(sys._getframe().f_code.co_name)
'''),
("f_locals is a snapshot of the fast locals and the contents of cells", r'''
import sys
def outer():
    a = 1
    def inner():
        b = a + 1
        f = sys._getframe()
        return sorted(f.f_locals.items(), key=lambda kv: kv[0] if kv[0] != 'f' else 'zz')[:2]
    unbound = None
    del unbound
    return inner(), sorted(sys._getframe().f_locals)
print(outer())
def same_dict():
    f = sys._getframe()
    d1 = f.f_locals
    x = 2
    d2 = f.f_locals
    return d1 is d2, d2["x"]
print(same_dict())
'''),
("a frame object outlives its frame and keeps its locals, line and caller", r'''
import sys, gc, weakref
def ended():
    local = [1, 2]
    return sys._getframe()
f = ended()
print(f.f_code.co_name, f.f_locals, f.f_lineno, f.f_back is sys._getframe(), f.f_lasti > 0)
f.clear()
print(f.f_locals)
class Obj: pass
def cycle():
    me = sys._getframe()
    o = Obj()
    return weakref.ref(o)
w = cycle()
gc.collect()
print(w())
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)
def setters():
    f = sys._getframe()
    for v in (3, "x"):
        try:
            f.f_lineno = v
        except ValueError as e:
            print("ValueError:", e)
    f.f_trace = print
    print(f.f_trace is print)
    f.f_trace = None
    print(f.f_trace)
setters()
'''),
("traceback entries hold the frames the exception passed through", r'''
import sys, types
def deep(n):
    if n == 0:
        raise KeyError(n)
    deep(n - 1)
try:
    deep(2)
except KeyError as e:
    tb = e.__traceback__
    while tb:
        fr = tb.tb_frame
        print(fr.f_code.co_name, tb.tb_lineno, fr.f_lineno, fr.f_locals.get("n"), fr.f_code.co_name != "<module>" and fr.f_back.f_code.co_name)
        tb = tb.tb_next
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_frame is sys._getframe(), sys.exception() is v, tb.tb_next)
f = sys._getframe()
t1 = types.TracebackType(None, f, 4, 7)
t2 = types.TracebackType(t1, f, 8, 9)
print(t2.tb_next is t1, t1.tb_lineno, t1.tb_lasti, t1.tb_frame is f)
for bad in ((1, f, 0, 0), (None, 1, 0, 0)):
    try:
        types.TracebackType(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    t1.tb_next = t2
except ValueError as e:
    print("ValueError:", e)
try:
    del t1.tb_next
except TypeError as e:
    print("TypeError:", e)
t2.tb_next = None
print(t2.tb_next)
'''),
("generators expose gi_frame until they finish, gi_yieldfrom while delegating", r'''
import inspect
def g():
    x = 1
    yield x
    yield 2
gen = g()
print(gen.gi_frame.f_back, gen.gi_frame.f_lasti, gen.gi_yieldfrom, inspect.getgeneratorstate(gen), gen.gi_code.co_name)
next(gen)
fr = gen.gi_frame
print(fr.f_lineno, fr.f_locals, inspect.getgeneratorstate(gen), inspect.getgeneratorlocals(gen), gen.gi_suspended)
gen.close()
print(gen.gi_frame, fr.f_back, fr.f_locals, inspect.getgeneratorstate(gen), gen.gi_suspended)
def outer():
    yield from g()
o = outer()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.gi_frame.f_back)
def running():
    print(inspect.getgeneratorstate(r), r.gi_running, r.gi_frame.f_back.f_code.co_name)
    yield
r = running()
next(r)
kept = g().gi_frame
print(kept.f_code.co_name, kept.f_locals)
'''),
("cells show and change their contents", r'''
import types
def make():
    n = 5
    def get():
        return n
    return get
f = make()
c = f.__closure__[0]
print(type(c).__name__, c.cell_contents, types.CellType is type(c))
c.cell_contents = 7
print(f())
del c.cell_contents
try:
    f()
except NameError as e:
    print("NameError:", e)
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)
empty = types.CellType()
print(repr(empty).endswith(": empty>"), repr(types.CellType(1)).split(": ")[1].split(" at")[0])
print(types.CellType(1) == types.CellType(1), types.CellType() < types.CellType(0), types.CellType(2) > types.CellType(1))
for args, kw in (((1, 2), {}), ((), {"x": 1})):
    try:
        types.CellType(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(empty)
except TypeError as err:
    print("TypeError:", err)
'''),
("builtin functions and method descriptors know their names, owners and modules", r'''
import math
print(len.__name__, len.__qualname__, len.__module__, len.__self__)
print(str.upper.__name__, str.upper.__qualname__, str.upper.__objclass__, [].append.__qualname__, [].append.__self__)
print(dict.fromkeys.__qualname__, math.sqrt.__qualname__, math.sqrt.__module__, int.real.__name__, int.real.__qualname__)
class L(list):
    pass
print(L().append.__qualname__, repr(int.bit_length.__text_signature__))
s = "ab"
print(s + s, (lambda t: t + t)("xé"))
'''),
("call errors name the callable as CPython does: module.qualname() for */** problems, positional-only keywords listed", r'''
import math
def show(*args, **kwargs):
    return args, kwargs
class X:
    def __call__(self, *a, **k):
        pass
    def m(self, *a, **k):
        pass
    def __repr__(self):
        return "X!"
for f in (show, len, X(), X().m, math.sqrt, dict.fromkeys):
    for call in (lambda: f(*5), lambda: f(**5), lambda: f(**{"a": 1}, **{"a": 2})):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
def pos_only(a, b, /, c=3):
    return a, b, c
def pk(a, /, **kw):
    return a, kw
for call in (lambda: pos_only(a=1, b=2), lambda: pos_only(1, b=2), lambda: pos_only(a=1, b=2, d=3),
             lambda: pos_only(d=1), lambda: pk(1, a=2), lambda: pk(a=2)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
'''),
("the recursion limit counts Python frames and C-level recursion together, naming the level that crossed it", r'''
import sys
class Loop:
    def __repr__(self):
        return repr(self)
    def __str__(self):
        return str(self)
    def __eq__(self, o):
        return self == o
    def __call__(self):
        return self()
    def __getattr__(self, n):
        return getattr(self, n)
    def __len__(self):
        return len(self)
for f in (repr, str, lambda x: x == x, lambda x: x(), lambda x: x.foo, len):
    try:
        f(Loop())
    except RecursionError as e:
        print("RecursionError:", e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30) % 1000)
try:
    fact(5000)
except RecursionError as e:
    print("RecursionError:", e)
l = []
for i in range(5000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(3000)
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError:", e)
'''),
("mappingproxy: a read-only live view of a mapping; a class's __dict__ and a dict view's .mapping are one", r"""
import types, collections
d = {"a": 1, "b": 2}
m = types.MappingProxyType(d)
print(m, m["a"], len(m), list(m), "a" in m, m.get("z", 5), m.get("a"), m.keys(), m.values(), m.items())
print(m.copy(), m | {"c": 3}, {"c": 3} | m, list(reversed(m)), m == d, str(m))
d["late"] = 0
print(m)
for op in (lambda: types.MappingProxyType([1]), lambda: hash(m)):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
try:
    m["x"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del m["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    m |= {}
except TypeError as e:
    print("TypeError:", e)
class C:
    x = 1
print(type(C.__dict__).__name__, C.__dict__["x"], "x" in C.__dict__, type(vars(C)).__name__, "x" in dir(C))
try:
    C.__dict__["y"] = 2
except TypeError as e:
    print("TypeError:", e)
k = {"a": 1}.keys()
print(k.mapping, type(k.mapping).__name__, {"a": 1}.values().mapping, {"a": 1}.items().mapping)
print(types.MappingProxyType(collections.OrderedDict(a=1)), types.MappingProxyType is type(C.__dict__))
for o in ((1, 2), "ab", 5):
    for key in (0, "x"):
        try:
            del o[key]
        except TypeError as e:
            print("TypeError:", e)
"""),
("sys.getsizeof of instances of subclasses of built-in types counts their __dict__/__weakref__ fields", r"""
import sys
for base in (int, tuple, bytes, str, float, list, dict, set, frozenset, complex, object):
    class S(base):
        pass
    class T(base):
        __slots__ = ()
    print(base.__name__, [sys.getsizeof(C()) for C in (S, T)], [C.__basicsize__ for C in (S, T)], S().__sizeof__())
class S(str):
    pass
print([sys.getsizeof(S(s)) for s in ("", "abc", "é", "é€", "😀x")])
print(sys.getsizeof(type("X", (tuple,), {})((1, 2, 3))), sys.getsizeof(type("X", (int,), {})(2 ** 100)))
"""),
("traceback formats exceptions, tracebacks and stacks as the interpreter prints them", r"""
import traceback, sys, linecache
def show(text):
    print(text.replace(__file__, "test.py"), end="")
class E(Exception):
    pass
def f(n):
    if n == 0:
        return 1 / 0
    return f(n - 1)
try:
    f(6)
except ZeroDivisionError:
    show(traceback.format_exc())
    et, ev, tb = sys.exc_info()
    show(str(traceback.extract_tb(tb)[:2]) + "\n")
    show(str(traceback.format_tb(tb, limit=2)) + "\n")
    show(str(traceback.format_tb(tb, limit=-1)) + "\n")
    print(traceback.format_exception_only(et, ev))
    for fs in traceback.extract_tb(tb, limit=2):
        fn, ln, name, line = fs
        print(ln, name, line, fs.line, len(fs))
    print([(fr.f_code.co_name, ln) for fr, ln in traceback.walk_tb(tb)][:3])
try:
    try:
        {}["k"]
    except KeyError as e:
        raise E("wrapped") from e
except E as e:
    show("".join(traceback.format_exception(e)))
    show(str(traceback.format_exception(e, chain=False)) + "\n")
try:
    try:
        int("x")
    except ValueError:
        raise E("during")
except E as e:
    show("".join(traceback.format_exception(e)))
    show("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=0)))
print(repr(traceback.format_exc()), traceback.format_exception_only(None), traceback.format_exception_only(ValueError("v")))
def g():
    return traceback.format_stack()
def h():
    return g()
show("".join(h()[-2:]))
print(traceback.extract_stack()[-1].name, linecache.getline(__file__, 1), end="")
print(repr(linecache.getline(__file__, 10000)), repr(linecache.getline("no such file", 1)))
print(traceback.format_list([("a.py", 3, "f", "x = 1")]))
fs = traceback.FrameSummary("a.py", 3, "f", line="  y = 2  ")
print(fs, fs.line, fs == ("a.py", 3, "f", "y = 2"), list(fs))
d = {}; m = [[1]]; l = [1]
for bad in (lambda: d["k"], lambda: m[0][3], lambda: (l + l)[9], lambda: l [7] + 1, lambda: d["a"] + d["b"]):
    try:
        bad()
    except Exception as e:
        show(traceback.format_tb(e.__traceback__)[-1])
"""),
("a generator handles exceptions on its own level: sys.exc_info() inside and outside it, bare raise and __context__ across yields", r"""
import sys
def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
it = g()
print(next(it)); print(sys.exc_info()); print(next(it)); print(next(it))
try:
    raise KeyError("outer")
except KeyError:
    it2 = g()
    print(next(it2), sys.exc_info()[0])
    print(next(it2), sys.exc_info()[0])
    print(next(it2), sys.exc_info()[0])
def h():
    yield sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print(next(h()))
def ctx():
    try:
        yield
    except Exception as e:
        print("caught", repr(e), e.__context__)
c = ctx(); next(c)
try:
    raise KeyError("a")
except KeyError:
    try: c.throw(ValueError("b"))
    except StopIteration: pass
import sys, contextlib
@contextlib.contextmanager
def cm():
    try:
        yield
    except ZeroDivisionError as e:
        print("cm caught", e, sys.exception())
        raise ValueError("converted")
try:
    with cm():
        1/0
except ValueError as e:
    print(repr(e), repr(e.__context__))
def gen():
    try:
        yield 1
    finally:
        print("finally", sys.exc_info()[0])
g = gen(); next(g)
try:
    raise KeyError
except KeyError:
    del g
def reraiser():
    try:
        raise IndexError("i")
    except IndexError:
        yield
        raise
r = reraiser(); next(r)
try: next(r)
except IndexError as e: print("reraised", repr(e), e.__context__)
def ctx_in_gen():
    yield
    raise RuntimeError("inner")
c = ctx_in_gen(); next(c)
try:
    raise KeyError("handling")
except KeyError:
    try: next(c)
    except RuntimeError as e: print(repr(e.__context__))
"""),
("generators and frames report CPython 3.11's sizes", r"""
import sys
def g(a, b=2):
    c = a + b
    yield c
print(sys.getsizeof(g(1)), g(1).__sizeof__(), sys.getsizeof((x for x in [])), sys.getsizeof(sys._getframe()))
gen_exp = (x for x in range(10000))
print(sys.getsizeof(gen_exp), sys.getsizeof((x for x in range(10**6))) == sys.getsizeof(gen_exp))
"""),
("inspect describes frames: stack(), trace(), getframeinfo(), getouterframes()", r"""
import inspect, sys
def f():
    s = inspect.stack()
    print(repr(s[0]).split(", filename")[1].replace(__file__, "test.py"))
    print(s[0].function, s[1].function, s[0][3], len(s[0]), s[0].code_context, s[0].index)
    fi = inspect.getframeinfo(inspect.currentframe())
    print(repr(fi).replace(__file__, "test.py"))
    print(type(fi).__name__, fi.lineno, fi.function)
    print(inspect.getouterframes(inspect.currentframe())[1].function, inspect.getlineno(sys._getframe()))
    print(inspect.getframeinfo(sys._getframe(), context=3).code_context)
f()
def g():
    yield inspect.stack()[0].positions
print(next(g()))
def bad():
    return {}["x"]
try:
    bad()
except KeyError:
    for fi in inspect.trace():
        print(fi.function, fi.lineno, fi.code_context, fi.positions)
try:
    inspect.getframeinfo(5)
except AttributeError as e:
    print("AttributeError:", e)
"""),
("types.FunctionType, MethodType and ModuleType make objects as CPython does; methods compare and hash by function and self", r"""
import types, sys
def f(a, b=2, *c, d, e=5, **g): "doc"; return a
class C:
    def m(self): return 1
    @classmethod
    def cm(cls): return cls
    @staticmethod
    def sm(): return 2
c = C()
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__defaults__, f.__kwdefaults__, f.__doc__, f.__module__)
m = types.MethodType(f, c)
print(m.__func__ is f, m.__self__ is c, m(d=1) is c)
print(c.m == c.m, c.m is c.m, hash(c.m) == hash(c.m), C.m is C.__dict__['m'], c.m.__name__, c.m.__qualname__, c.m.__doc__)
print(C.cm(), c.cm(), C.sm(), c.sm(), type(C.__dict__['cm']).__name__, C.__dict__['sm'].__func__.__name__)
print(f.__get__(None, C) is f, f.__get__(c).__self__ is c)
try: f.__code__ = 5
except TypeError as e: print(e)
g = types.FunctionType(f.__code__, {}, "renamed")
print(g.__name__, g.__qualname__, g(1, 2, d=0, e=0), g.__globals__)
try: types.FunctionType(1, {})
except TypeError as e: print(e)
def outer():
    x = 1
    def inner(): return x
    return inner
i = outer()
print(i.__closure__[0].cell_contents, i.__code__.co_freevars)
h = types.FunctionType(i.__code__, globals(), "h", None, (types.CellType(42),))
print(h())
f.__name__ = "ff"; print(f.__name__)
f.__dict__ = {"k": 1}
print(f.__dict__, f.k)
mod = types.ModuleType("mymod", "docs")
print(mod, mod.__name__, mod.__doc__, repr(types.ModuleType("x")))
mod.a = 1; print(mod.a, sorted(k for k in vars(mod)))
try: mod.zz
except AttributeError as e: print(e)
print(sys.modules[__name__].__name__, type(sys).__name__)
"""),
("more of function, method and module objects: __dict__, __code__, closures, ModuleType subclasses", r"""
import types, sys
def f(): pass
try: del f.__dict__
except Exception as e: print(type(e).__name__, e)
f.__dict__ = {'a': 1}; print(f.a)
try: f.__dict__ = 5
except Exception as e: print(type(e).__name__, e)
try: types.MethodType(1, 2)
except Exception as e: print(type(e).__name__, e)
try: types.MethodType(f, None)
except Exception as e: print(type(e).__name__, e)
try: types.ModuleType()
except Exception as e: print(type(e).__name__, e)
try: types.ModuleType(5)
except Exception as e: print(type(e).__name__, e)
m = types.ModuleType('q'); print(m.__dict__, m.__spec__, m.__loader__, m.__package__)
print(types.FunctionType(f.__code__, {}).__qualname__)
for args in ((1, {}), (f.__code__, 1), (f.__code__, {}, 5), (f.__code__, {}, None, 5), (f.__code__, {}, None, None, 5), (f.__code__, {}, None, None, (1,))):
    try: types.FunctionType(*args)
    except Exception as e: print(type(e).__name__, e)
class A:
    def m(self): pass
a, b = A(), A()
print(a.m == b.m, a.m != a.m, hash(a.m) == hash(A.m.__get__(a)), {a.m: 1}[a.m])
def outer():
    x = 1
    def inner(): return x
    return inner
i = outer()
try: i.__code__ = f.__code__
except ValueError as e: print(e)
class MyMod(types.ModuleType):
    def hello(self): return "hi " + self.__name__
mm = MyMod("custom")
mm.x = 5
print(mm.hello(), mm.x, mm.__dict__["x"], isinstance(mm, types.ModuleType), repr(mm))
sys.modules["custom"] = mm
import custom
print(custom.x)
"""),
("argument errors of C++ functions are worded as getargs.c words them", r"""
import math, sys, os, gc, collections, types
for call in (lambda: math.isclose(), lambda: math.isclose(1), lambda: sum(), lambda: math.prod(), lambda: os.listdir(1, 2),
             lambda: os.mkdir(), lambda: os.access(), lambda: os.access("x"), lambda: open(), lambda: __import__(),
             lambda: sys.set_int_max_str_digits(), lambda: sys.getsizeof(), lambda: types.MappingProxyType(),
             lambda: types.TracebackType(), lambda: types.FunctionType(), lambda: collections.deque(1, 2, 3)):
    try: call()
    except TypeError as e: print(e)
"""),
("generators: send, throw, close, delegation, renaming and the errors CPython gives", r"""
import types, inspect
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except KeyError as e:
        print("caught", repr(e))
        yield 3
    finally:
        print("fin")
it = g()
print(next(it), it.send("hello"), it.throw(KeyError("k")))
try: it.throw(ValueError)
except ValueError as e: print("VE out", repr(e))
print(it.gi_frame, inspect.getgeneratorstate(it))
it = g(); next(it)
print(it.close(), it.close())
try: g().send(5)
except TypeError as e: print(e)
def self_ref():
    yield next(me)
me = self_ref()
try: next(me)
except ValueError as e: print(e)
it = g(); it.__name__ = "renamed"; it.__qualname__ = "q.renamed"; print(it.__name__, it.__qualname__, repr(it)[:30])
try: it.__name__ = 5
except TypeError as e: print(e)
def ignore():
    while True:
        try: yield
        except GeneratorExit: pass
i2 = ignore(); next(i2)
try: i2.close()
except RuntimeError as e: print(e)
def ret():
    yield 1
    return 7
def deleg():
    r = yield from ret()
    print("r", r)
    return r * 2
d = deleg(); print(list(d))
try: next(d)
except StopIteration as e: print("stop", e.value)
print(type(g()) is types.GeneratorType, isinstance(g(), types.GeneratorType))
def stopper():
    raise StopIteration
    yield
try: next(stopper())
except RuntimeError as e: print(e, type(e.__cause__).__name__)
try: g().throw(1)
except TypeError as e: print(e)
def gen_exc():
    yield 1
it = gen_exc(); next(it)
try: it.throw(ValueError, ValueError("x"), None)
except ValueError as e: print("ok", e)
print(g.__code__.co_flags & 0x20 != 0, inspect.isgeneratorfunction(g), inspect.isgenerator(g()))
"""),
("regression: descriptors of built-in types refuse instances of other types instead of reading them as their own", r"""
# int.real.__get__([]) once read a list as an int (a huge allocation) and
# str.upper.__get__(5) bound str.upper to an int.
import itertools, collections
for t in (lambda: str.upper.__get__(5), lambda: int.real.__get__([]), lambda: int.real.__set__([], 1),
          lambda: type(lambda: 1).__code__.__get__(1), lambda: dict.__dict__["fromkeys"].__get__(5),
          lambda: dict.__dict__["fromkeys"].__get__(None, list), lambda: list.append.__get__("s")):
    try: print(t())
    except TypeError as e: print("TypeError:", e)
print(int.real.__get__(None, int), str.upper.__get__(None, str), None.__class__, None.__doc__)
print(list(itertools.chain.from_iterable([[1], [2]])), dict.fromkeys("ab"), collections.OrderedDict.fromkeys("x"))
class D(dict): pass
print(type(D.fromkeys("a")).__name__, str.upper.__get__("abc")())
"""),
]

out = ['// Generated by gen_runtime_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]

def cstr(s):
    # A raw string literal that cannot contain its delimiter.
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'

# Each program runs as a script of its own, so that it starts at the same
# stack depth as in glasspy (where the recursion limit is met depends on it).
for name, src in cases:
    src = src.lstrip("\n")
    # As test.py in a scratch folder: tracebacks name that file (programs
    # replace the absolute __file__ CPython gives by "test.py").
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "test.py"), "w") as f:
            f.write(src)
        done = subprocess.run([sys.executable, "test.py"], capture_output=True, text=True, cwd=tmp)
        if done.returncode:
            sys.exit(name + ":\n" + done.stderr)
        stdout = done.stdout
    out.append("{%s,\n %s,\n %s},\n" % (cstr(name), cstr(src), cstr(stdout)))

open("runtime_cases.inc", "w").write("".join(out))
print(len(cases), "cases")
