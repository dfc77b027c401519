"""Records CPython 3.11's output (stdout, stderr and exit status) for the
coroutine and exception-group programs of test_async.cpp. Run with
python3.11 from this folder:
    python3 gen_async_cases.py
Never edit async_cases.inc by hand: it is CPython's output. Programs
print no addresses, so the output is the same on every run."""
import contextlib, io, sys, traceback

cases = [
("excgroup", "ExceptionGroup's constructor checks its arguments as CPython does", r'''
for args in [(), ('a',), (1, []), ('a', 1), ('a', []), ('a', [1]), ('a', [KeyboardInterrupt()])]:
    try:
        print(ExceptionGroup(*args))
    except Exception as x:
        print(type(x).__name__, x)
try:
    BaseExceptionGroup('a', [ValueError()], x=1)
except TypeError as x:
    print(x)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(ExceptionGroup.__mro__, ExceptionGroup.__module__)
eg = ExceptionGroup("m", (ValueError(1), TypeError(2)))
print(repr(eg), str(eg), eg.message, eg.exceptions, eg.args)
print(str(ExceptionGroup("one", [ValueError()])))
'''),
("excgroup", "split, subgroup and derive rebuild the tree and keep its metadata", r'''
eg = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
print(eg.split(ValueError))
print(eg.split((TypeError, KeyError)))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(eg.subgroup(ExceptionGroup) is eg, eg.split(OSError))
for m in [1, (ValueError, 1), len]:
    try:
        eg.split(m)
    except TypeError as x:
        print(x)
eg.add_note("N")
try:
    raise eg
except ExceptionGroup as caught:
    m, r = caught.split(ValueError)
    print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__, m.__traceback__ is eg.__traceback__)
class MyEG(ExceptionGroup):
    pass
print(repr(MyEG('x', [ValueError(), TypeError()]).split(ValueError)))
print(repr(eg.derive([KeyError()])))
'''),
("excgroup", "except* hands each clause its part and re-raises the rest", r'''
import sys
def run(f):
    try:
        f()
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))
def a():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("V", repr(e), repr(sys.exc_info()[1]))
    except* (TypeError, KeyError) as e:
        print("TK", repr(e))
def b():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("only V")
def c():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
def d():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
def e():
    try:
        raise TypeError("naked")
    except* ValueError:
        print("no")
def f():
    try:
        raise TypeError("naked")
    except* TypeError as g:
        print("got", repr(g))
        raise
def g():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else ran")
    finally:
        print("finally ran")
def h():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        pass
def i():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* 5:
        pass
def j():
    eg = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
    try:
        raise eg
    except* ValueError as e:
        print(repr(e))
        raise RuntimeError("x")
    except* TypeError as e:
        print(repr(e))
for fn in (a, b, c, d, e, f, g, h, i, j):
    run(fn)
'''),
("excgroup", "break, continue and return are not allowed in an except* block", r'''
for src in ["for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        for z in x:\n            continue\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
'''),
("excgroup", "an uncaught exception group prints as nested boxes with notes", r'''
e = ValueError("x")
e.add_note("note 1")
e.add_note("note 2\nline2")
print(e.__notes__)
try:
    e.add_note(1)
except TypeError as x:
    print(x)
def f():
    raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [KeyError('k'), OSError(3)])])
try:
    f()
except* KeyError:
    raise RuntimeError("while handling")
'''),
("excgroup", "raise ... from checks the cause", r'''
for cause in [5, None, KeyError, KeyError("k")]:
    try:
        raise TypeError("t") from cause
    except TypeError as exc:
        print(repr(exc), repr(exc.__cause__), exc.__suppress_context__)
'''),
('async', 'coroutines and async generators driven by send() return and yield as in CPython', r'''
import types
async def f(x):
    return x * 2
c = f(21)
print(type(c).__name__, c.cr_running, c.cr_await, c.cr_code.co_name, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
class Fut:
    def __init__(self): self.result = None
    def __await__(self):
        v = yield self
        return v
async def g():
    r = await Fut()
    s = await f(r)
    return s
c = g()
fut = c.send(None)
print(type(fut).__name__, c.cr_await is not None, type(c.cr_await).__name__)
try:
    c.send(5)
except StopIteration as e:
    print("g ->", e.value)
async def h():
    try:
        await Fut()
    except ValueError as e:
        print("caught", e)
        return "handled"
c = h()
c.send(None)
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
c = h()
c.send(None)
print(c.close(), c.cr_suspended)
w = f(3).__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("wrapper", e.value)
async def agen(n):
    for i in range(n):
        x = yield i
        if x: print("sent", x)
        await Fut()
a = agen(3)
print(type(a).__name__, a.ag_running, a.__aiter__() is a)
an = a.__anext__()
print(type(an).__name__)
try:
    an.send(None)
except StopIteration as e:
    print("first", e.value)
an = a.asend("hello")
r = an.send(None)
print(type(r).__name__)
try:
    an.send(None)
except StopIteration as e:
    print("second", e.value)
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    return out, [v async for v in agen(2)], await anext_list()
async def anext_list():
    return [x * 10 for x in range(2)]
m = main()
try:
    while True:
        m.send(None)
except StopIteration as e:
    print("main", e.value)
print(type(f(1)).__name__)
f(2)
print("end")
'''),
('async', 'async with, async for, awaitables and their errors behave as in CPython', r'''
class Fut:
    def __await__(self):
        v = yield "fut"
        return v
def drive(coro, sends=()):
    sends = list(sends)
    try:
        v = coro.send(None)
        while True:
            print("  yielded", v)
            v = coro.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        print("  returned", repr(e.value))
    except BaseException as e:
        print("  raised", type(e).__name__, e)
class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Fut()
        return self.name
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
async def w1():
    async with ACM("a") as a, ACM("b") as b:
        print("body", a, b)
    async with ACM("s", True):
        raise ValueError("hidden")
    async with ACM("r"):
        raise KeyError("shown")
drive(w1())
async def w2():
    async with 5:
        pass
drive(w2())
class BadEnter:
    async def __aexit__(self, *a): pass
    def __aenter__(self): return 1
async def w3():
    async with BadEnter():
        pass
drive(w3())
async def w4():
    async for x in 5:
        pass
drive(w4())
class AIt:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Fut()
        return self.n
async def w5():
    async for x in AIt(2):
        print("got", x)
    else:
        print("else")
drive(w5())
async def w6():
    await 3
drive(w6())
class BadAwait:
    def __await__(self): return 5
async def w7():
    await BadAwait()
drive(w7())
async def inner(): return 1
class CoroAwait:
    def __await__(self): return inner()
async def w8():
    await CoroAwait()
drive(w8())
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag cleanup")
        await Fut()
async def w9():
    g = ag()
    print(await g.__anext__())
    await g.aclose()
    print("closed", g.ag_running)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after close")
drive(w9())
async def ag2():
    try:
        yield 1
    except ValueError as e:
        print("ag2 caught", e)
        yield 99
async def w10():
    g = ag2()
    print(await g.asend(None))
    print(await g.athrow(ValueError("x")))
    print(await g.athrow(ValueError, ValueError("y")))
drive(w10())
async def ag3():
    yield 1
async def w11():
    g = ag3()
    an = g.__anext__()
    print(await an)
    try:
        await an
    except RuntimeError as e:
        print(e)
    try:
        await g.asend(1)
    except StopAsyncIteration:
        print("done")
drive(w11())
async def w12():
    c = inner()
    await c
    await c
drive(w12())
def gen():
    yield from inner()
drive(gen())
async def stopper():
    raise StopIteration
drive(stopper())
async def astopper():
    raise StopAsyncIteration
    yield
async def w13():
    async for x in astopper(): pass
drive(w13())
c = inner()
try:
    c.send(5)
except TypeError as e:
    print(e)
c.close()
async def nested():
    return [x async for x in AIt(3) if x] , {x: y async for x in AIt(2) for y in range(2)}, [await inner() for _ in range(2)]
drive(nested())
async def genexp():
    g = (x * 2 async for x in AIt(3))
    print(type(g).__name__)
    return [y async for y in g]
drive(genexp())
'''),
('async', 'an exception escaping a coroutine shows every await in its traceback', r'''
async def inner():
    raise ValueError("deep")
async def outer():
    await inner()
c = outer()
import sys
try:
    c.send(None)
except ValueError as e:
    print("caught", e)
async def agen():
    yield 1
    raise KeyError("k")
async def main():
    async for x in agen():
        print(x)
m = main()
m.send(None)
'''),
('async', 'types.coroutine makes a generator function awaitable', r'''
import types, collections.abc
print(types.CoroutineType, types.AsyncGeneratorType)
@types.coroutine
def sleep0():
    x = yield "tick"
    return x
print(sleep0.__code__.co_flags & 0x100, type(sleep0()).__name__)
async def main():
    r = await sleep0()
    return r
c = main()
print(c.send(None))
try:
    c.send(42)
except StopIteration as e:
    print("result", e.value)
async def nat(): return 1
print(types.coroutine(nat) is nat)
class G:
    def __init__(self): self.i = 0
    def send(self, v): raise StopIteration(7)
    def throw(self, *a): pass
    def close(self): pass
    def __iter__(self): return self
    def __next__(self): raise StopIteration(7)
collections.abc.Generator.register(G)
w = types.coroutine(lambda: G())
async def m2():
    return await w()
try:
    m2().send(None)
except StopIteration as e:
    print("m2", e.value)
print(isinstance(c, collections.abc.Coroutine), isinstance(nat(), collections.abc.Awaitable))
a = None
async def ag(): yield
print(isinstance(ag(), collections.abc.AsyncGenerator), isinstance(ag(), collections.abc.AsyncIterator))
try:
    types.coroutine(5)
except TypeError as e:
    print(e)
def g(): yield 1
def yf():
    yield from nat()
try:
    list(yf())
except TypeError as e:
    print(e)
'''),
('async', 'a coroutine that is never awaited warns once per line', r'''
async def f():
    return 1
for i in range(3):
    f()
c = f()
del c
def g():
    x = f()
g()
print("end")
'''),
('async', 'await outside an async function is a SyntaxError', r'''
for src in ["await x", "def f():\n    await x", "lambda: await x", "def f():\n    async for x in y: pass",
            "def f():\n    async with x: pass", "async def f():\n    yield 1\n    return 2", "async def f():\n    yield from x",
            "def f():\n    return [x async for x in y]", "class C:\n    await x", "async def f():\n    lambda: await x",
            "def f():\n    return (await x for x in y)"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
'''),
('async', "a generator's handled exception is its own while it is suspended", r'''
import sys
def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
it = g()
print(repr(next(it)), repr(sys.exc_info()[1]))
try:
    raise KeyError("outer")
except KeyError:
    print(repr(next(it)), repr(sys.exc_info()[1]))
    print(repr(next(it)))
def h():
    yield sys.exc_info()[1]
try:
    raise TypeError("t")
except TypeError:
    print(repr(next(h())))
class Fut:
    def __await__(self):
        return (yield self)
async def c():
    try:
        raise ValueError("v")
    except ValueError:
        await Fut()
        raise
co = c()
co.send(None)
try:
    raise KeyError("driver")
except KeyError as e:
    print("driver context", repr(e.__context__))
try:
    co.send(None)
except ValueError as e:
    print("reraised", repr(e), repr(e.__context__))
'''),
('async', 'an async generator that awaits while being closed by the collector is reported', r'''
class Fut:
    def __await__(self):
        return (yield self)
async def ag():
    try:
        yield 1
    finally:
        await Fut()
        print("never")
async def main():
    g = ag()
    print(await g.__anext__())
    del g
    print("after del")
m = main()
try:
    m.send(None)
except StopIteration:
    pass
async def ag2():
    try:
        yield 1
    finally:
        print("cleanup ok")
async def main2():
    g = ag2()
    await g.__anext__()
m = main2()
try:
    m.send(None)
except StopIteration:
    pass
print("end")
'''),
]

out = ['// Generated by gen_async_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]

def cstr(s):
    # A raw string literal that cannot contain its delimiter.
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'

for tag, name, src in cases:
    src = src.lstrip("\n")
    buf, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
        try:
            exec(compile(src, "<test>", "exec"), {"__name__": "__main__"})
        except BaseException as e:
            # What sys.excepthook prints, without this script's own frame.
            traceback.print_exception(type(e), e, e.__traceback__.tb_next, file=err)
            status = 1
    out.append("{%s, %s,\n %s,\n %s,\n %s, %d},\n" % (cstr(tag), cstr(name), cstr(src), cstr(buf.getvalue()),
                                                   cstr(err.getvalue()), status))

open("async_cases.inc", "w").write("".join(out))
print(len(cases), "cases")
