# a method-wrapper (obj.__str__) is a GC object: tracked, counted, and collected when it closes a cycle through its instance
import gc

class A:
    pass

a = A()
m = a.__str__
print(type(m).__name__, gc.is_tracked(m), m in gc.get_referrers(a), a in gc.get_referents(m))
a.m = m
del a, m
print(gc.collect())
