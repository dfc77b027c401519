# marshal: dumps/loads of the simple types (refs to shared objects, interned strings, long ints), dump/load on files, errors
import marshal, io
x = 'hello world'
l = [1, 2]
vals = [None, True, False, 1, -5, 2**40, -2**70, 1.5, 1j+2, 'abc', 'é', 'x'*300, b'ab', (1,2), [1,'a'], {'a': 1},
        {1,2}, frozenset([3]), ..., StopIteration, ('a','a'), [[],[]], 1000000, [x, x], (l, l), {'k': [l]}]
for v in vals:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    print(repr(v)[:30], d, back == v, type(back).__name__)
print(marshal.dumps([x, x]), marshal.dumps((1, 2)), marshal.dumps(l))
print(marshal.dumps((1, 2), 2), marshal.version)
r = marshal.loads(marshal.dumps((l, l)))
print(r, r[0] is r[1])
f = io.BytesIO()
marshal.dump({'a': (1, 2.5)}, f); marshal.dump('second', f)
f.seek(0)
print(marshal.load(f), marshal.load(f))
for bad in [b'', b'\x99', b'i\x01', b'[\x02\x00\x00\x00i']:
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(object())
except ValueError as e:
    print(e)
print(marshal.loads(b'\xe9\x01\x00\x00\x00extra'))
