# pprint/pformat/pp: CPython's wrapping of long lists, dicts, strings, bytes; indent, depth, compact, sort_dicts, recursion
import pprint, collections, types
from dataclasses import dataclass, field
data = {'name': 'glasspy', 'numbers': list(range(30)), 'nested': {'a': [1, 2, {'b': (3, 4)}], 'z': None, 'm': 'x' * 30},
        'tuple': (1,), 'set': {3, 1, 2}, 'fs': frozenset({20, 10}), 'empty': [], 'f': 1.5, 10: 'int key'}
del data[10]
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pp({'b': 1, 'a': 2, 'c': list(range(25))})
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
s = 'The quick brown fox jumps over the lazy dog. ' * 4
pprint.pprint(s)
pprint.pprint([s, 'short'], width=60)
pprint.pprint('line one\nline two is here\n' * 5, width=30)
pprint.pprint(bytes(range(40)))
pprint.pprint(bytearray(b'0123456789' * 10), width=40)
print(pprint.pformat([[1, 2, 3]] * 8, width=20))
pprint.pprint((('a' * 20, 'b' * 20), ('c' * 20, 'd' * 20)), width=30)
c = collections.Counter('abracadabra' * 10 + 'xyzuvw' * 3 + 'qrstlmnop')
pprint.pprint(c, width=40)
dd = collections.defaultdict(list, {'k%d' % i: [i] * 3 for i in range(6)})
pprint.pprint(dd, width=40)
pprint.pprint(collections.OrderedDict((str(i), i * 1000) for i in range(12)), width=50)
pprint.pprint(collections.deque(range(30), maxlen=40), width=40)
pprint.pprint(collections.deque(range(30)), width=40)
pprint.pprint(collections.ChainMap({'a' * 10: 1, 'b' * 10: 2}, {'c' * 20: 3}), width=30)
pprint.pprint(types.SimpleNamespace(alpha=list(range(15)), beta='hello', gamma={'x': 1}), width=40)
@dataclass
class Point:
    x: int
    y: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False)
pprint.pprint(Point(1, list(range(30))), width=50)
pprint.pprint([Point(1), Point(2)])
r = [1, 2]; r.append(r)
print(pprint.saferepr(r).split(' with id=')[0], pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, (2, 'x')]))
d = {'self': None}; d['self'] = d
print(pprint.pformat(d).startswith("{'self': <Recursion on dict with id="))
print(pprint.pformat({1: 'a', 'b': 2, (1,): None, None: 3}), pprint.pformat(10**20, underscore_numbers=True))
print(pprint.pformat({'x': [1, [2, [3, [4, [5]]]]]}, depth=3), pprint.pformat((1,)), pprint.pformat(((),)))
pp = pprint.PrettyPrinter(indent=4, width=30)
print(pp.pformat({'key%d' % i: i for i in range(5)}))
pp.pprint([list(range(8)), 'abc'])
import io; out = io.StringIO(); pprint.pprint({'z': 1}, stream=out); print(repr(out.getvalue()))
for bad in ["pprint.PrettyPrinter(indent=-1)", "pprint.PrettyPrinter(depth=0)", "pprint.PrettyPrinter(width=0)"]:
    try:
        eval(bad)
    except ValueError as e:
        print(bad, '->', e)
