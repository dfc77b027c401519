"""Records CPython 3.11's output for the pickle programs of test_pickle.cpp:
the exact bytes pickle.dumps writes for built-in values under every
protocol, what loads() rebuilds, instances/classes/functions by reference,
and the error messages. Run with python3.11 from this folder:
    python3 gen_pickle_cases.py
Never edit pickle_cases.inc by hand: it is CPython's output. Programs print
no addresses and no set of strings (their order depends on the hash seed)."""
import os, subprocess, sys, tempfile

cases = [
("dumps writes CPython's bytes for scalars under every protocol", r'''
import pickle
vals = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, 2**31, -2**31,
        -2**31 - 1, 2**63, -2**64, 10**100, 0.0, -1.5, 1e300, float('inf'), 1/3]
for proto in range(6):
    for v in vals:
        data = pickle.dumps(v, proto)
        print(proto, repr(v), data, pickle.loads(data) == v)
'''),
("dumps writes CPython's bytes for str, bytes and bytearray", r'''
import pickle
vals = ['', 'a', 'h\xe9llo', '\u20ac\U0001f600', 'back\\slash\nnew', 'x' * 300, b'', b'abc',
        b'\x00\xff' * 150, bytearray(b'xy'), bytearray()]
for proto in range(6):
    for v in vals:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, len(data), data[:80], type(back).__name__, back == v)
'''),
("containers, shared references and recursion round-trip with CPython's bytes", r'''
import pickle
s = 'shared'
r = [1]; r.append(r)
d = {}; d['self'] = d
t = ([],); t[0].append(t)
vals = [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {1: 2},
        {'a': 1, 'b': [1, 2]}, set(), {1, 2, 3}, frozenset(), frozenset({1, 2}),
        [[1, 2], [3]], ('a', 'a'), [s, s, (s,)], [b'x', b'x']]
for proto in range(6):
    for v in vals:
        data = pickle.dumps(v, proto)
        print(proto, data, pickle.loads(data) == v)
    for v in (r, d, t):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, data, repr(back))
'''),
("batches of 1000 items and frames of 64 KiB are cut where CPython cuts them", r'''
import pickle, hashlib
vals = [list(range(1001)), dict.fromkeys(range(1001)), set(range(1000)), set(range(2500)),
        list(range(30000)), ['y' * 70000, 1], b'z' * 70000, [b'q' * 100] * 1000]
for proto in (1, 2, 3, 4, 5):
    for v in vals:
        data = pickle.dumps(v, proto)
        print(proto, len(data), hashlib.sha256(data).hexdigest()[:16], pickle.loads(data) == v)
'''),
("instances, classes and functions are pickled by reference and rebuilt", r'''
import pickle, collections

class Point:
    def __init__(self, x, y):
        self.x = x; self.y = y

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]

class WithState:
    def __init__(self): self.v = 3
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, s): self.v = s['v'] + 1

class NewArgs(int):
    def __new__(cls, v, extra):
        o = int.__new__(cls, v); o.extra = extra; return o
    def __getnewargs__(self): return (int(self), self.extra)

class KwArgs:
    def __new__(cls, *, k): o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})

class Reducer:
    def __reduce__(self): return (Reducer, ())

class MyList(list): pass
class MyDict(dict): pass
class Outer:
    class Inner: pass

def func(): pass

objs = [Point(1, 2), Slotted(), WithState(), NewArgs(5, 'e'), KwArgs(k=4), Reducer(), MyList([1, 2]),
        MyDict(a=1), Point, func, len, Outer.Inner, Outer.Inner(), ValueError("boom", 2), KeyError('k'),
        range(1, 10, 2), slice(1, 2), complex(1, 2), collections.OrderedDict(a=1), [Point(1, 1)] * 2,
        type(None), NotImplemented, ..., print]
for proto in range(6):
    for o in objs:
        try:
            d = pickle.dumps(o, proto)
        except TypeError as e:
            print(proto, type(o).__name__, 'TypeError', e)
            continue
        b = pickle.loads(d)
        state = b.__qualname__ if isinstance(b, type) else getattr(b, '__dict__', None)
        if isinstance(b, Slotted):
            state = (b.a, b.b)
        print(proto, type(o).__name__, d)
        print('  ->', type(b).__name__, state)
'''),
("pickling and unpickling errors say what CPython says", r'''
import pickle, io, threading

def local():
    def inner(): pass
    return inner

class Unpicklable:
    def __reduce__(self): raise TypeError("no way")

for bad in [lambda: 1, (x for x in []), threading.Lock(), local(), Unpicklable()]:
    try:
        pickle.dumps(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
for data in [b'', b'\x80\x04garbage', b'\x80\x04\x95\x05\x00\x00\x00', b'\x80\x09N.', b'N', b'(.']:
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
for proto in (6, 99):
    try:
        pickle.dumps(1, proto)
    except Exception as e:
        print(type(e).__name__, e)
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)
try:
    pickle.Pickler(42)
except TypeError as e:
    print('TypeError', e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.PicklingError, pickle.PickleError))
'''),
("dump and load work on files, several pickles in a row, and Pickler/Unpickler subclasses", r'''
import pickle, io
f = io.BytesIO()
pickle.dump([1, 2], f)
pickle.dump('two', f, protocol=2)
p = pickle.Pickler(f, 0)
p.dump({'three': 3})
f.seek(0)
print(pickle.load(f), pickle.load(f), pickle.Unpickler(f).load())

class Persist(pickle.Pickler):
    def persistent_id(self, obj):
        return 'ID-%d' % obj if isinstance(obj, int) and obj > 100 else None

class Restore(pickle.Unpickler):
    def persistent_load(self, pid):
        return ('restored', pid)

buf = io.BytesIO()
Persist(buf, 4).dump([1, 500])
print(buf.getvalue())
print(Restore(io.BytesIO(buf.getvalue())).load())

class Guarded(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))
try:
    Guarded(io.BytesIO(pickle.dumps(print))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
'''),
]

out = ['// Generated by gen_pickle_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]

def cstr(s):
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'

for name, src in cases:
    src = src.lstrip("\n")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "test.py"), "w") as f:
            f.write(src)
        done = subprocess.run([sys.executable, "test.py"], capture_output=True, text=True, cwd=tmp)
        if done.returncode:
            sys.exit(name + ":\n" + done.stderr)
        stdout = done.stdout
    out.append("{%s,\n %s,\n %s},\n" % (cstr(name), cstr(src), cstr(stdout)))

open("pickle_cases.inc", "w").write("".join(out))
print(len(cases), "cases")
