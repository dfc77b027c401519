# sys.getrefcount of a literal's object: co_consts holds one reference and, while a script or an exec()/eval() string runs, the parsed tree one more (not for code made by compile()); equal constants are one object, tuple items and code objects' co_consts tuples included
import sys

x = 1000
print(sys.getrefcount(x))
print(sys.getrefcount(1000))
y = 1000
print(sys.getrefcount(y))
t = (1000, 2000)
print(sys.getrefcount(t), sys.getrefcount(x))
f = 1.5
print(sys.getrefcount(f))
s = "not an identifier!"
print(sys.getrefcount(s))
lst = [1000, 1000, 1000]
print(sys.getrefcount(x))
def func():
    z = 5000
    return sys.getrefcount(z)
print(func())
def g():
    return 5000
def h():
    return 5000
print(g.__code__.co_consts is h.__code__.co_consts, g.__code__.co_names is h.__code__.co_names)
print(func.__code__.co_consts[1] is g.__code__.co_consts[1])
exec("w = 7777; print(sys.getrefcount(w))")
exec(compile("v = 8888; print(sys.getrefcount(v))", "s", "exec"))
print(eval("sys.getrefcount(9999)"), eval(compile("sys.getrefcount(9999)", "e", "eval")))
for src in ["x = 1000", "x = 1000\ndef f(): return 1000", "x = 1000\ndef f(): return 1000\ndef g(): return 1000",
            "x = (1000, 'a b')", "x = 'a b'\ny = ('a b', 1)"]:
    code = compile(src, "s", "exec")
    print(repr(src), sys.getrefcount(code.co_consts[0]))
a = "hello_world"
b = "hello" + "_world"
print(a is b, sys.intern("hello" + "_" + "world".upper().lower()) is a)
class S(str):
    pass
for bad in (5, S("x")):
    try:
        sys.intern(bad)
    except TypeError as e:
        print("TypeError:", e)
