# code objects built and swapped as tutorials do: f.__code__ = g.__code__, code.replace, types.CodeType with 3.11's sixteen to eighteen arguments and its argument errors, patched co_code
import types, dis
def f(a, b):
    return a + b
def g(a, b):
    return a * b
f.__code__ = g.__code__
print(f(3, 4), f.__name__, f.__code__.co_name)
c = g.__code__
c2 = c.replace(co_consts=(None, 10), co_name="h")
print(c2.co_name, c2.co_consts, c2.co_qualname)
h = types.FunctionType(c2, globals(), "h")
print(h(2, 5), h.__name__)
new = types.CodeType(c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, c.co_stacksize,
                     c.co_flags, c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_filename, "k",
                     "k", c.co_firstlineno, c.co_linetable, c.co_exceptiontable, c.co_freevars, c.co_cellvars)
print(types.FunctionType(new, {})(6, 7), new.co_name)
code = bytearray(g.__code__.co_code)
ops = [dis.opname[code[i]] for i in range(0, len(code), 2)]
print(ops)
add_op = dis.opmap["BINARY_OP"]
idx = code.index(add_op)
print(code[idx + 1], dis._nb_ops[code[idx + 1]])
code[idx + 1] = 0
g2 = types.FunctionType(g.__code__.replace(co_code=bytes(code)), {})
print(g2(3, 4))
print(c == g.__code__, c == c2, hash(c) == hash(g.__code__))
try:
    f.__code__ = 5
except TypeError as e:
    print(e)
def cl():
    x = 1
    def inner(): return x
    return inner
try:
    f.__code__ = cl().__code__
except ValueError as e:
    print(e)
args = [c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, c.co_stacksize, c.co_flags, c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_filename, 'k', 'k', c.co_firstlineno, c.co_linetable, c.co_exceptiontable]
for i, bad in [(0, -1), (3, 5), (6, 5), (7, [1]), (9, (1,)), (10, 5), (13, 'x'), (3, -1)]:
    a = list(args); a[i] = bad
    try: types.CodeType(*a); print(i, 'ok')
    except Exception as e: print(i, type(e).__name__, e)
for bad_call in (lambda: types.CodeType(*args[:5]), lambda: types.CodeType(*args, x=1)):
    try: bad_call()
    except TypeError as e: print("TypeError:", e)
print(types.CodeType(*args, ('q',), ()).co_freevars)
