# weak reference reprs with addresses masked: ref to functions, instances, classes and methods, proxies, the weak dictionaries, WeakSet (the repr of its set of references), WeakMethod, finalize alive and dead
import weakref, re
def norm(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)
def f(): pass
class C:
    def m(self): pass
    def __call__(self): return 1
c = C()
for o in (f, c, C, C.m):
    print(norm(repr(weakref.ref(o))))
print(norm(repr(weakref.proxy(c))), type(weakref.proxy(c)).__name__, type(weakref.proxy(f)).__name__)
print(norm(repr(weakref.WeakValueDictionary())), norm(repr(weakref.WeakKeyDictionary())))
print(norm(repr(weakref.WeakSet())), norm(repr(weakref.WeakSet([c]))), norm(repr(weakref.WeakMethod(c.m))))
print(weakref.WeakSet([c]).__reduce__()[0].__name__)
fin = weakref.finalize(c, print, "bye")
print(norm(repr(fin)))
r = weakref.ref(c)
del c
print(norm(repr(r)), norm(repr(fin)), fin.alive)
