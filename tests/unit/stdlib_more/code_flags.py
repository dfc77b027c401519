# CO_NESTED marks code whose enclosing scopes include a function, as symtable.c's ste_nested: methods and comprehensions of a module-level class are not nested
import dis

def f():
    class C:
        def m(self): pass
        x = [i for i in range(3)]
    def g():
        return lambda: 0
    return C, g

C, g = f()

class D:
    def m(self): pass
    y = [i for i in range(3)]
    class E:
        def n(self): pass

for code in (f.__code__, C.m.__code__, g.__code__, g().__code__, D.m.__code__, D.E.n.__code__, (lambda: 0).__code__):
    print(code.co_name, dis.pretty_flags(code.co_flags))
mod = compile("class Q:\n    z = [i for i in 'ab']\n    def h(self):\n        return (j for j in self)\n", "m", "exec")
for c in mod.co_consts[0].co_consts:
    if hasattr(c, "co_code"):
        print(c.co_name, dis.pretty_flags(c.co_flags))
        for c2 in c.co_consts:
            if hasattr(c2, "co_code"):
                print(" ", c2.co_name, dis.pretty_flags(c2.co_flags))
print(dis.code_info(D.m).splitlines()[7])
