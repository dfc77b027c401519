# sys.getsizeof of the objects tutorials measure one by one: numbers, None, functions, generators, iterators, bound methods and method-wrappers (GC objects: 16 bytes of header)
import sys

class A:
    pass

def f():
    pass

def gen():
    yield 1

print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30 - 1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-1), sys.getsizeof(10**100))
print(sys.getsizeof(True), sys.getsizeof(0.0), sys.getsizeof(1j), sys.getsizeof(None), sys.getsizeof(...))
print(sys.getsizeof(f), sys.getsizeof(lambda: 0), sys.getsizeof(gen()), sys.getsizeof(x for x in range(10)))
print(sys.getsizeof(range(10)), sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(5))), sys.getsizeof(iter("abc")))
print(sys.getsizeof(memoryview(b"abc")), sys.getsizeof(slice(1, 2)), sys.getsizeof(object()))
print(sys.getsizeof(A().__init__), sys.getsizeof(A().__str__), sys.getsizeof((1).__add__), sys.getsizeof(f.__get__(1)))
print(sys.getsizeof(print), sys.getsizeof([].append), sys.getsizeof(property()), sys.getsizeof(staticmethod(f)))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(str, [])), sys.getsizeof(filter(None, [])), sys.getsizeof(reversed([])))
