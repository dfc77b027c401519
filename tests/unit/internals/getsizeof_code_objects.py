# a code object's size counts its instructions (two bytes per code unit, CACHE entries included), rounded up to 8 bytes
import sys
def f(a, b=1):
    x = a + b
    return x
def g():
    pass
def h(items):
    return [i.name for i in items if i.value > 10]
for code in (f.__code__, g.__code__, h.__code__, h.__code__.co_consts[1], compile("x = 1", "s", "exec"), compile("a.b.c(d)", "s", "eval")):
    print(code.co_name, len(code.co_code), sys.getsizeof(code), code.__sizeof__())
