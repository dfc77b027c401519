# reprlib.repr/Repr limits and recursive_repr
import reprlib, collections
print(reprlib.repr(list(range(100))), reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr(set(range(20))))
print(reprlib.repr('x' * 100), reprlib.repr(2 ** 200), reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr(frozenset('abcdefgh')))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr(collections.deque(range(10))), reprlib.repr(set()), reprlib.repr({}))
class Big:
    def __repr__(self): return 'B' * 50
class Broken:
    def __repr__(self): raise RuntimeError
print(reprlib.repr(Big()), reprlib.repr(Broken()).startswith('<Broken instance at 0x'), reprlib.repr(b'abc' * 20))
r = reprlib.Repr(); r.maxlist = 2; r.maxstring = 10; r.fillvalue = '+++'
print(r.repr(list(range(5))), r.repr('abcdefghijklmnop'), r.repr([1, [2, [3]]]))
class Node:
    def __init__(self): self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self): return 'Node(%r)' % self.children
print(Node(), Node.__repr__.__name__)
class Other(list):
    @reprlib.recursive_repr('<loop>')
    def __repr__(self): return '<' + '|'.join(map(repr, self)) + '>'
o = Other([1, 2]); o.append(o); print(o)
