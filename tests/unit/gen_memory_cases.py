"""Records CPython 3.11's output for the memory-management programs of
test_memory.cpp: the gc module (statistics, callbacks, debug output,
freezing, untracking), PEP 442 finalization, weakref, tracemalloc,
sys.getsizeof and the allocator's reports. Run with python3.11 from this
folder:
    python3 gen_memory_cases.py
Never edit memory_cases.inc by hand: it is CPython's output. The programs
print no addresses, timings or byte counts that differ between
implementations (they normalize them), so the output is the same on every
run. Each case carries the tag of the subsystem it checks; test_memory.cpp
runs them under that tag ([gc], [weakref], [tracemalloc], [getsizeof],
[obmalloc]).

sys._debugmallocstats() writes to the C-level stderr, which a program
cannot capture, so its layout is recorded separately: the report with every
number replaced by N and runs of blanks squeezed, up to the end of the arena
map section (CPython's free-list lines after it describe CPython's own free
lists)."""
import re, subprocess, sys

from recorded import cstr, header, record

cases = [
("gc", "the gc module has CPython's API, statistics keys, thresholds and callback arguments", r'''
import gc
print(sorted(gc.get_stats()[0].keys()), len(gc.get_stats()))
print(gc.get_threshold(), gc.isenabled(), gc.get_debug())
print([x for x in dir(gc) if not x.startswith('_')])
calls = []
def cb(phase, info):
    calls.append((phase, sorted(info.keys()), info['generation']))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
print(calls)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
for bad in (lambda: gc.collect(3), lambda: gc.get_objects(3), lambda: gc.get_objects(-1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
'''),
("gc", "freeze moves every object to the permanent generation and unfreeze brings them back", r'''
import gc
gc.collect()
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count()[0] < 5)
l = [[]]
print(any(o is l for o in gc.get_objects(0)), any(o is l for o in gc.get_objects(2)))
gc.unfreeze()
print(gc.get_freeze_count())
gc.collect()
print(any(o is l for o in gc.get_objects(0)), any(o is l for o in gc.get_objects(2)))
'''),
("gc", "atomic tuples and dicts are untracked as CPython untracks them", r'''
import gc
class A: pass
print(gc.is_tracked(A()), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(()))
print(gc.is_tracked((1, 2)), gc.is_tracked((1, [])), gc.is_tracked({}), gc.is_tracked({1: 2}), gc.is_tracked({1: []}))
t = tuple([1, 2, 3])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
# Nested, built at run time: a collection untracks the inner tuples, and
# the outer one, which it saw while they were tracked, in the next.
t3 = tuple([tuple([1, 2]), tuple([3, 4])])
print(gc.is_tracked(t3), gc.is_tracked(t3[0]))
gc.collect()
print(gc.is_tracked(t3), gc.is_tracked(t3[0]))
gc.collect()
print(gc.is_tracked(t3), gc.is_tracked(t3[0]))
d = {"a": 1}
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))
print(gc.is_tracked(set()), gc.is_tracked(frozenset()), gc.is_tracked(lambda: 0))
'''),
("gc", "gc.get_count counts container allocations and collections start past the threshold", r'''
import gc
gc.collect()
a = gc.get_count()
k = []
b = gc.get_count()
k.append([])
c = gc.get_count()
for i in range(3): k.append([])
d = gc.get_count()
def fn(): pass
e = gc.get_count()
print(a, b, c, d, e)
log = []
def cb(phase, info):
    if phase == "start": log.append(info["generation"])
gc.collect()
gc.callbacks.append(cb)
keep = []
for i in range(690):
    keep.append([])
print(log)
for i in range(20):
    keep.append([])
print(log)
for i in range(7000):
    keep.append([])
gc.callbacks.remove(cb)
print(log.count(1), log.count(2))
'''),
("gc", "the debug flags print CPython's lines on stderr and DEBUG_SAVEALL keeps the garbage", r'''
import gc, io, sys, re
def debug_run(flags, make):
    buf = io.StringIO()
    old, sys.stderr = sys.stderr, buf
    gc.set_debug(flags)
    make()
    n = gc.collect()
    gc.set_debug(0)
    sys.stderr = old
    out = re.sub(r"0x[0-9a-f]+", "ADDR", buf.getvalue())
    out = re.sub(r"\d+\.\d+s elapsed", "Ts elapsed", out)
    out = re.sub(r"each generation: .*", "each generation: N", out)
    print(n, out)
class A: pass
def cycle():
    a = A(); a.a = a
    l = []; l.append(l)
gc.collect()
debug_run(gc.DEBUG_STATS, lambda: None)
debug_run(gc.DEBUG_COLLECTABLE, cycle)
debug_run(gc.DEBUG_UNCOLLECTABLE, cycle)
debug_run(gc.DEBUG_SAVEALL, cycle)
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.garbage.clear()
debug_run(gc.DEBUG_LEAK, cycle)
print(len(gc.garbage))
gc.garbage.clear()
'''),
("gc", "PEP 442: a cycle with __del__ is collected, each finalizer runs once, a resurrected object survives", r'''
import gc, weakref
gc.disable()
saved = []
class R:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("del", self.n)
        if self.n == 2:
            saved.append(self)
a = R(1); b = R(2); c = R(3)
a.x = b; b.x = c; c.x = a
wr = weakref.ref(a, lambda r: print("cb a"))
wb = weakref.ref(b, lambda r: print("cb b"))
del a, b, c
print("collect", gc.collect())
print(len(saved), saved[0].n, wr(), wb() is saved[0], gc.is_finalized(saved[0]))
s = saved.pop()
del s
print("collect again", gc.collect(), gc.garbage)
class Z:
    cnt = 0
    def __del__(self):
        Z.cnt += 1
        global z2
        z2 = self
z = Z(); del z
print(Z.cnt, type(z2).__name__)
del z2
print(Z.cnt)
print(gc.is_finalized(R(5)))
gc.enable()
'''),
("gc", "__del__ runs the moment the count reaches zero, in CPython's order for containers", r'''
import gc
class O:
    def __init__(s, n): s.n = n
    def __del__(s): print("O", s.n)
l = [O(1), O(2), O(3)]
del l
d = {"a": O("a"), "b": O("b")}
del d
t = (O("t1"), O("t2"))
del t
class H:
    def __init__(s):
        s.a = O("attr1"); s.b = O("attr2")
h = H(); del h
def g():
    try:
        yield 1
    finally:
        print("gen finally")
it = g(); next(it)
lst = [it]; lst.append(lst)
del it, lst
print("gc", gc.collect())
class C: pass
c1 = C(); c2 = C(); c1.o = c2; c2.o = c1
def cb(r): print("cb fired", r() is None)
c1.w = weakref_ref = __import__("weakref").ref(c2, cb)
del c1, c2
print("gc", gc.collect())
c3 = C(); c4 = C(); c3.o = c4; c4.o = c3
keepw = __import__("weakref").ref(c4, cb)
del c3, c4
print("gc", gc.collect())
'''),
("gc", "deallocating a million-node chain does not overflow the C stack", r'''
import gc
class Node:
    def __init__(self, n): self.next = n
head = None
for i in range(1000000):
    head = Node(head)
del head
print("instances")
l = None
for i in range(1000000):
    l = [l]
del l
print("lists")
t = ()
for i in range(300000):
    t = (t,)
del t
d = None
for i in range(300000):
    d = {"n": d}
del d
print("tuples and dicts")
a = None
for i in range(200000):
    a = [a]
a.append(a)
del a
print(gc.collect() >= 200000)
'''),
("weakref", "weakref.ref callbacks run newest first, proxies forward and die, finalize runs once", r'''
import weakref
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
    def m(self): return self.n
a = A(1)
order = []
r1 = weakref.ref(a, lambda r: order.append("r1"))
r2 = weakref.ref(a, lambda r: order.append("r2"))
r3 = weakref.ref(a)
print(r3 is weakref.ref(a), r1 is r2, r1 == r3, weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
del a
print(order, r1(), r3(), weakref.getweakrefcount(1), weakref.getweakrefs(1))
b = A(2)
p = weakref.proxy(b)
print(p.n, p.m(), type(p).__name__, type(weakref.proxy(lambda: 3)).__name__)
del b
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
c = A(3)
f = weakref.finalize(c, print, "finalized", 3)
print(f.alive, f.atexit)
del c
print(f.alive, f())
print(weakref.ref(A(1)) == weakref.ref(A(1)))
print(weakref.ProxyType, weakref.CallableProxyType, weakref.ReferenceType)
'''),
("weakref", "WeakValueDictionary, WeakKeyDictionary, WeakSet and WeakMethod drop dead entries", r'''
import weakref
class A:
    def __init__(self, n): self.n = n
    def m(self): return self.n
d = weakref.WeakValueDictionary()
x = A(4); d["x"] = x
print(len(d), list(d.keys()))
del x
print(len(d))
k = weakref.WeakKeyDictionary()
y = A(5); k[y] = 1
print(len(k)); del y; print(len(k))
s = weakref.WeakSet()
z = A(6); s.add(z); print(len(s), z in s); del z; print(len(s))
o = A(7)
wm = weakref.WeakMethod(o.m)
print(wm()(), wm() == o.m)
del o
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
'''),
("weakref", "__weakref__ follows CPython's rules for __slots__ classes and built-in types", r'''
import weakref
for obj in (1, [], "s", (1,), {}):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)
class S:
    __slots__ = ("a",)
class SW:
    __slots__ = ("a", "__weakref__")
try:
    weakref.ref(S())
except TypeError as e:
    print("TypeError:", e)
sw = SW(); print(weakref.ref(sw)() is sw)
class Base: pass
def attempt(make):
    try:
        make()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
attempt(lambda: type("Bad", (), {"__slots__": ("__weakref__", "__weakref__")}))
attempt(lambda: type("Sub", (Base,), {"__slots__": ("__weakref__",)}))
attempt(lambda: type("Sub2", (SW,), {"__slots__": ()}))
attempt(lambda: type("Sub3", (SW,), {"__slots__": ("__weakref__",)}))
attempt(lambda: type("I", (int,), {"__slots__": ("__weakref__",)}))
attempt(lambda: type("T", (tuple,), {"__slots__": ("__weakref__",)}))
attempt(lambda: type("B", (bytes,), {"__slots__": ("__weakref__",)}))
attempt(lambda: type("L", (list,), {"__slots__": ("__weakref__",)}))
print(hasattr(S, "__weakref__"), hasattr(SW, "__weakref__"), hasattr(Base, "__weakref__"))
print(SW.__weakref__)
print(Base.__dict__['__weakref__'])
print(Base().__weakref__)
'''),
("weakref", "weak references into a cycle are cleared before the collector frees it", r'''
import gc, weakref
class N: pass
n1 = N(); n2 = N(); n1.o = n2; n2.o = n1
log = []
w1 = weakref.ref(n1, lambda r: log.append("w1"))
w2 = weakref.ref(n2, lambda r: log.append("w2"))
del n1, n2
print(gc.collect(), sorted(log), w1(), w2())
'''),
("tracemalloc", "tracemalloc snapshots, statistics, comparisons and filters look as in CPython", r'''
import tracemalloc, re, os
def norm(s):
    s = str(s).replace(__file__, "test.py")
    s = re.sub(r"size=[+-]?\d+(\.\d+)? (B|KiB|MiB)", "size=N", s)
    s = re.sub(r"average=\d+ B", "average=N", s)
    s = re.sub(r"count=\d+", "count=N", s)
    s = re.sub(r"\([+-][0-9.]+ (B|KiB|MiB)\)", "(+N)", s)
    s = re.sub(r"\([+-]\d+\)", "(+C)", s)
    return s
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
def make():
    return [str(i) * 10 for i in range(1000)]
data = make()
snap1 = tracemalloc.take_snapshot()
more = [bytes(100) for i in range(500)]
snap2 = tracemalloc.take_snapshot()
cur, peak = tracemalloc.get_traced_memory()
print(cur > 0, peak >= cur)
top = snap2.statistics('lineno')[0]
print(type(top).__name__, norm(top))
print(norm(repr(top))[:60])
print(top.traceback[0].filename == __file__, top.traceback[0].lineno)
print(norm(snap2.statistics('filename')[0]))
ts = snap2.statistics('traceback')
print(norm(ts[0]))
for line in ts[0].traceback.format():
    print(norm(line))
diff = snap2.compare_to(snap1, 'lineno')
print(type(diff[0]).__name__, norm(diff[0]))
print(norm(repr(diff[0]))[:70])
f = snap2.filter_traces([tracemalloc.Filter(True, __file__)])
print(type(f).__name__, len(f.traces) > 0, all(t.traceback[0].filename == __file__ for t in f.traces))
f2 = snap2.filter_traces([tracemalloc.Filter(False, __file__)])
print(all(t.traceback[0].filename != __file__ for t in f2.traces))
fl = snap2.filter_traces([tracemalloc.Filter(True, __file__, lineno=17)])
print(set(t.traceback[0].lineno for t in fl.traces))
b = bytes(1000)
tb = tracemalloc.get_object_traceback(b)
print(tb[0].lineno, len(tb), norm(tb))
print(tracemalloc.get_object_traceback(1))
tracemalloc.reset_peak()
c2, p2 = tracemalloc.get_traced_memory()
print(p2 >= c2)
tracemalloc.clear_traces()
print(tracemalloc.get_object_traceback(b))
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
try:
    snap2.statistics('foo')
except ValueError as e:
    print("ValueError:", e)
'''),
("tracemalloc", "Statistic, StatisticDiff, Frame and Traceback print in CPython's formats", r'''
import tracemalloc
print(repr(tracemalloc.Frame(("a.py", 3))), repr(tracemalloc.Traceback((("a.py", 3), ("b.py", 4)))))
print(str(tracemalloc.Traceback((("a.py", 3), ("b.py", 4)))))
st = tracemalloc.Statistic(tracemalloc.Traceback((("a.py", 3),)), 1536, 3)
print(st); print(repr(st))
sd = tracemalloc.StatisticDiff(tracemalloc.Traceback((("a.py", 3),)), 2048, -1024, 3, 1)
print(sd); print(repr(sd))
sd = tracemalloc.StatisticDiff(tracemalloc.Traceback((("a.py", 3),)), 5 * 1024 * 1024, 2 * 1024 * 1024 + 5, 3000, 0)
print(sd)
for n in (0, 10, 1023, 1024, 10240, 100000, 5 * 1024 * 1024, 3 * 1024 ** 3):
    print(tracemalloc._format_size(n, False), tracemalloc._format_size(n, True), tracemalloc._format_size(-n, True))
'''),
("getsizeof", "sys.getsizeof of ints by digit count, and of lists as CPython over-allocates them", r'''
import sys
g = sys.getsizeof
print([g(x) for x in (0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**90, -2**200, True, False, 10**100)])
l = []
sizes = []
for i in range(70):
    sizes.append(g(l)); l.append(i)
print(sizes)
print(g([]), g([1]), g([1, 2, 3]), g(list(range(10))), g([0] * 10), g([None] * 100), g(list(range(100))))
l = list(range(100))
for i in range(90): l.pop()
print(g(l))
l = [1, 2, 3]; l.extend(range(10)); print(g(l))
l = [1, 2, 3]; l += [4]; print(g(l)); l *= 3; print(g(l))
print(g(l[:]), g(l[1:5]), g(sorted(l)), g([x for x in range(10)]))
print(g(1, 5), g([], 99), (5).__sizeof__(), [].__sizeof__())
'''),
("getsizeof", "sys.getsizeof of strings of each kind, bytes, bytearray and ranges", r'''
import sys
g = sys.getsizeof
print([g(s) for s in ("", "a", "ab", "a" * 100, "é", "éé", "€", "€€", "😀", "😀😀", "a€", "a😀")])
s = "abc"; print(g(s + "def"), g(s * 10), g(str(12345)), g(repr(1.5)), "a".__sizeof__())
print(g(b""), g(b"a"), g(b"abc" * 10), g(bytes(100)))
print(g(bytearray()), g(bytearray(b"a")), g(bytearray(10)), g(bytearray(b"abc" * 10)))
ba = bytearray()
o = []
for i in range(40):
    o.append(g(ba)); ba.append(1)
print(o)
print(g(range(10)), g(range(10**20)), g(1.5), g(1j), g(None), g(...), g(slice(1, 2)), g(object()))
'''),
("getsizeof", "sys.getsizeof of dicts as the table grows and after deletions, of sets and tuples", r'''
import sys
g = sys.getsizeof
d = {}
ds = []
for i in range(50):
    ds.append(g(d)); d[i] = i
print(ds)
d = {str(i): i for i in range(10)}; print(g(d))
for i in range(9): del d[str(i)]
print(g(d))
d.clear(); print(g(d))
print(g({}), g({"a": 1}), g(dict(a=1, b=2)), g(dict.fromkeys(range(100))))
ss = set(); out = []
for i in range(40):
    out.append(g(ss)); ss.add(i)
print(out)
print(g(frozenset()), g(frozenset(range(10))), g(set(range(100))))
print(g(()), g((1,)), g((1, 2, 3)), g(tuple(range(100))), (1,).__sizeof__())
'''),
("getsizeof", "sys.getsizeof of instances with and without __slots__, classes, functions, generators and frames", r'''
import sys
g = sys.getsizeof
class A: pass
class B:
    def __init__(self): self.x = 1; self.y = 2
class S:
    __slots__ = ("a", "b", "c")
class S1:
    __slots__ = ()
class SD:
    __slots__ = ("a", "__dict__")
class SW:
    __slots__ = ("a", "__weakref__")
print(g(A()), g(B()), g(S()), g(S1()), g(SD()), g(SW()), A().__sizeof__())
class L(list): pass
class T(tuple): pass
class I(int): pass
class E(Exception): pass
class M(type): pass
class Sub(A): pass
print(g(L()), g(T()), g(L([1, 2])), g(I(5)), g(E()))
print(g(A), g(S), g(SD), g(L), g(I), g(T), g(E), g(M), g(Sub), g(int), g(type), g(object), type.__sizeof__(A))
def gen(): yield 1
def gen2():
    a = 1; b = 2; c = 3
    yield a
print(g(gen()), g(gen2()), g((x for x in range(3))))
print(g(sys._getframe()))
def f(): return sys._getframe()
print(g(f()))
print(g(f), g(lambda: 0), g(len), g(print))
print(g(iter([])), g(iter(range(3))), g(memoryview(b"ab")), g(map(str, [])))
import collections
print(g(collections.deque()), g(collections.deque(range(100))))
'''),
("obmalloc", "sys.getallocatedblocks follows allocations and frees", r'''
import sys
print(type(sys.getallocatedblocks()), sys.getallocatedblocks() > 0)
b0 = sys.getallocatedblocks()
l = [object() for i in range(1000)]
print(sys.getallocatedblocks() - b0 >= 1000)
del l
print(abs(sys.getallocatedblocks() - b0) < 50)
print(sys.intern("memory" + str(1)) is sys.intern("memory1"))
'''),
]

record(cases, "memory_cases.inc", "gen_memory_cases.py")


def layout(report):
    """The report's lines, numbers as N and blanks squeezed, to the end of
    the arena map section (see the module docstring)."""
    lines = []
    for line in report.splitlines():
        line = re.sub(r"\d[\d,]*", "N", line)
        line = re.sub(r"\s+", " ", line).strip()
        lines.append(line)
        if line.startswith("# bytes lost to arena map bot"):
            break
    # The size-class table has one row per class in use: keep one.
    rows = [l for l in lines if re.fullmatch(r"N N N N N", l)]
    return "\n".join(l for l in lines if l not in rows) + "\n"

done = subprocess.run([sys.executable, "-c", "import sys; sys._debugmallocstats()"],
                      capture_output=True, text=True)
with open("memory_mallocstats.inc", "w") as f:
    f.write(header("gen_memory_cases.py"))
    f.write(cstr(layout(done.stderr)) + "\n")
print(len(cases), "cases")
