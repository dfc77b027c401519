# copyreg: the dispatch table, constructors, _reconstructor, __newobj__, _slotnames and extension codes
import copyreg
class P:
    def __init__(self, x): self.x = x
def reduce_p(p): return P, (p.x,)
copyreg.pickle(P, reduce_p)
print(copyreg.dispatch_table[P] is reduce_p, copyreg.dispatch_table[complex](3+4j))
class S:
    __slots__ = ('a', '__b', '__dict__')
class T(S):
    __slots__ = ['c']
print(copyreg._slotnames(T), T.__slotnames__, copyreg._slotnames(P))
class MyInt(int): pass
obj = copyreg._reconstructor(MyInt, int, 42)
print(type(obj).__name__, obj, type(copyreg.__newobj__(MyInt, 7)).__name__, copyreg.__newobj_ex__(MyInt, (5,), {}))
copyreg.add_extension('mod', 'name', 250)
copyreg.add_extension('mod', 'name', 250)
print(copyreg._extension_registry, copyreg._inverted_registry)
for bad in ["copyreg.add_extension('mod', 'other', 250)", "copyreg.add_extension('mod', 'name', 251)", "copyreg.add_extension('m', 'n', 0)", "copyreg.remove_extension('m', 'n', 3)", "copyreg.pickle(P, 5)", "copyreg.constructor(5)"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
copyreg.remove_extension('mod', 'name', 250)
print(copyreg._extension_registry)
