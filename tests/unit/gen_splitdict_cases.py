"""Records CPython 3.11's output for the key-sharing ("split") dict programs
of test_splitdict.cpp: sys.getsizeof of instance __dict__s and of dicts made
from them, the moments a split table is combined into an ordinary one, and
that dict behaviour (order, iteration, views, equality, errors, gc tracking,
reference counts) is the same for split and combined tables. Run with
python3.11 (64-bit) from this folder:
    python3 gen_splitdict_cases.py
Never edit splitdict_cases.inc by hand: it is CPython's output. Each program
makes its own classes, so the shared keys' state (which sys.getsizeof of a
split dict depends on) starts fresh; tags are [sizeof] for the size
figures and [dict] for the behaviour."""
from recorded import record

cases = [
("sizeof", "an instance dict is a split table: 48 bytes plus 8 per value slot the shared keys allow", r'''
import sys
class P:
    def __init__(s): s.x = 1; s.y = 2
p = P()
print(sys.getsizeof(p.__dict__))
class E: pass
e = E()
print(sys.getsizeof(e.__dict__), sys.getsizeof(vars(e)))
e.a = 1
print(sys.getsizeof(e.__dict__))
'''),
("sizeof", "every new instance leaves one slot fewer, so later instance dicts are smaller, old ones too", r'''
import sys
g = sys.getsizeof
class P:
    def __init__(s): s.x = 1; s.y = 2
p = P()
print(g(p.__dict__))
q = P()
print(g(p.__dict__), g(q.__dict__))
r = P()
print(g(p.__dict__), g(q.__dict__), g(r.__dict__))
class E: pass
many = [E() for i in range(5)]
e = E()
print(g(e.__dict__))
lots = [E() for i in range(40)]
print(g(E().__dict__), g(e.__dict__))
f = object.__new__(E)
print(g(f.__dict__))
'''),
("sizeof", "copies of an instance dict: dict.copy stays split, dict() and {**d} are combined", r'''
import sys, copy
g = sys.getsizeof
class P:
    def __init__(s): s.x = 1; s.y = 2
p = P()
d = p.__dict__
print(g(d.copy()), g(copy.copy(d)), g(dict(d)), g({**d}), g(dict(d, k=1)))
print(g(d | {}), g(d | {'q': 1}), g({'z': 1} | d), g(dict.fromkeys(d)))
print(g((lambda **k: k)(**d)))
print(g(vars(copy.copy(p))), g(vars(copy.deepcopy(p))))
'''),
("sizeof", "adding attributes keeps the table split until the shared keys are full", r'''
import sys
g = sys.getsizeof
class K:
    def __init__(s, n):
        for i in range(n): setattr(s, 'k%d' % i, i)
for n in (0, 1, 5, 10, 20, 28, 29, 30, 35, 40, 100):
    print(n, g(vars(K(n))))
class F: pass
f = F()
for k in range(29): setattr(f, 'k%d' % k, k)
print(g(f.__dict__))
f.k29 = 1
print(g(f.__dict__), len(f.__dict__))
h = F(); h.k0 = 1
print(g(h.__dict__))
h.zz = 1
print(g(h.__dict__), h.__dict__)
i = F(); d = i.__dict__; i.zz = 1
print(g(d), d)
class M:
    def __init__(s):
        for i in range(40): setattr(s, 'a%d' % i, i)
print(g(M().__dict__), g(M().__dict__))
'''),
("sizeof", "deleting an attribute or a key keeps the table split; popitem and clear combine it", r'''
import sys
g = sys.getsizeof
def fresh():
    class P:
        def __init__(s): s.x = 1; s.y = 2
    return P()
p = fresh(); del p.x; print(g(p.__dict__), p.__dict__)
p.x = 5; print(g(p.__dict__), p.__dict__)
p = fresh(); del vars(p)['y']; print(g(vars(p)), vars(p))
p = fresh(); print(vars(p).pop('x'), vars(p).pop('zz', 0), g(vars(p)))
p = fresh(); print(vars(p).popitem(), g(vars(p)), vars(p))
p = fresh(); vars(p).clear(); print(g(vars(p)), vars(p))
p.z = 1; print(g(vars(p)), vars(p))
'''),
("sizeof", "a non-str key combines the table; new str keys join the shared keys", r'''
import sys
g = sys.getsizeof
def fresh():
    class P:
        def __init__(s): s.x = 1; s.y = 2
    return P()
p = fresh(); vars(p)['k'] = 3; print(g(vars(p)), vars(p))
vars(p)[1] = 3; print(g(vars(p)), vars(p))
class S(str): pass
p = fresh(); vars(p)[S('k')] = 1; print(g(vars(p)), vars(p))
p = fresh(); setattr(p, S('w'), 1); print(g(vars(p)), vars(p))
p = fresh(); print(vars(p).setdefault('x', 0), vars(p).setdefault('n', 0), g(vars(p)))
p = fresh(); vars(p).update({'a': 1, 'b': 2}); print(g(vars(p)), vars(p))
p = fresh(); vars(p).update(a=1); vars(p).update([('b', 2)]); print(g(vars(p)), vars(p))
p = fresh(); d = vars(p); d |= {'q': 1}; print(g(d), d)
p = fresh(); d = vars(p); d.update({str(i): i for i in range(50)}); print(g(d), len(d))
'''),
("sizeof", "a different attribute order in another instance still shares the keys", r'''
import sys
g = sys.getsizeof
class R:
    def __init__(s, rev):
        if rev: s.y = 1; s.x = 2
        else: s.x = 1; s.y = 2
a = R(0); b = R(1)
print(g(a.__dict__), g(b.__dict__), a.__dict__, b.__dict__)
print(list(b.__dict__), list(reversed(b.__dict__)), a.__dict__ == b.__dict__)
'''),
("sizeof", "subclasses get their own shared keys; classes whose instances come from a built-in's __new__ do not decrement", r'''
import sys
g = sys.getsizeof
class P:
    def __init__(s): s.x = 1; s.y = 2
class Q(P): pass
ps = [P() for i in range(3)]
print(g(Q().__dict__), g(P().__dict__))
class Q2(P):
    def __init__(s): s.z = 1; super().__init__()
q = Q2(); print(g(vars(q)), vars(q))
class D(dict): pass
d = D(); d.a = 1; print(g(d.__dict__))
d = D(); print(g(d.__dict__)); d.a = 1; print(g(d.__dict__))
class L(list): pass
l = L(); l.a = 1; print(g(l.__dict__))
class I(int): pass
i = I(5); i.a = 1; print(g(i.__dict__))
class X(Exception): pass
x = X(); x.a = 1; print(g(x.__dict__))
class SD:
    __slots__ = ('a', '__dict__')
s = SD(); s.z = 1; s.a = 2; print(g(vars(s)))
p = P(); p.__dict__ = {'x': 1}; print(g(p.__dict__))
'''),
("sizeof", "a copy that outlives its class counts the shared keys it now owns alone", r'''
import sys, gc
class R:
    def __init__(s): s.a = 1; s.b = 2
r = R(); rd = r.__dict__.copy()
print(sys.getsizeof(rd))
del r, R
gc.collect()
print(sys.getsizeof(rd), rd)
print(rd.popitem(), sys.getsizeof(rd))
'''),
("dict", "split dicts iterate, view, compare and print like any dict", r'''
class P:
    def __init__(s): s.x = 1; s.y = [2]; s.z = 'z'
p = P(); q = P()
d = vars(p)
print(list(d.keys()), list(d.values()), list(d.items()))
print(list(reversed(d.items())), list(reversed(d.values())))
del p.y; p.y = 3
print(list(d), list(reversed(d)), d.keys() & {'x'}, 'x' in d.keys(), ('x', 1) in d.items(), len(d.values()))
it = iter(d); next(it); print(it.__length_hint__())
print(d == {'x': 1, 'z': 'z', 'y': 3}, d != vars(q), vars(q) == vars(P()))
print(repr(d), str(d), d.get('x'), d.get('nope'), 'z' in d, 'nope' in d)
print(sorted(d), len(d), bool(d), bool(vars(type('T', (), {})())))
try:
    d.pop('nope')
except KeyError as e:
    print('KeyError', e)
try:
    vars(P()).clear() or {}.popitem()
except KeyError as e:
    print('KeyError', e)
e = vars(type('T', (), {})())
try:
    e.popitem()
except KeyError as e:
    print('KeyError', e)
'''),
("dict", "changing a split dict while iterating over it raises as for any dict", r'''
class P:
    def __init__(s): s.x = 1; s.y = 2; s.z = 3
p = P(); d = vars(p)
try:
    for k in d: d['new%d' % len(d)] = 1
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
try:
    for k in d: del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
p = P(); d = vars(p)
try:
    for k in d:
        del d['x']; d['x'] = 5
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
p = P(); d = vars(p)
try:
    for k in d:
        p.w = 1
except RuntimeError as e:
    print('RuntimeError', e)
'''),
("dict", "values of a split dict are counted references and keep gc tracking as CPython does", r'''
import sys, gc, copy, pickle
class P:
    def __init__(s): s.x = []; s.y = 2
p = P(); print(gc.is_tracked(p.__dict__))
p = P(); p.x = 1; print(gc.is_tracked(p.__dict__))
p = P(); d = p.__dict__; p.x = 1; print(gc.is_tracked(d))
p.w = [1]; print(gc.is_tracked(d))
class E: pass
print(gc.is_tracked(vars(E())))
v = [1]
p = P(); p.w = v; print(sys.getrefcount(v))
c = vars(p).copy(); print(sys.getrefcount(v), gc.is_tracked(c))
del c; print(sys.getrefcount(v))
del p.w; print(sys.getrefcount(v))
p = P(); p.v = v; vars(p).clear(); print(sys.getrefcount(v))
p = P()
print(pickle.loads(pickle.dumps(p)).__dict__, copy.deepcopy(p).__dict__)
gc.collect()
class C: pass
a = C(); b = C(); a.o = b; b.o = a; a.d = vars(a)
del a, b
print(gc.collect())
'''),
]

record(cases, "splitdict_cases.inc", "gen_splitdict_cases.py")
print(len(cases), "cases")
