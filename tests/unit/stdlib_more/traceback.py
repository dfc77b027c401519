# print_exc/format_exc/format_exception match the interpreter's own printing; extract_tb, format_list, TracebackException
import traceback, sys
def inner(x):
    return 10 / x
def outer():
    return inner(0)
try:
    outer()
except ZeroDivisionError as e:
    print(traceback.format_exc(), end='')
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc()
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1], end='')
    print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))
    tb = traceback.extract_tb(e.__traceback__)
    print(len(tb), [(f.name, f.lineno) for f in tb], tb[-1].line, repr(tb[0]), list(tb[1]), tb[1].filename)
    print(traceback.format_list(tb), traceback.format_tb(e.__traceback__, limit=1))
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, ''.join(te.format_exception_only()), len(te.stack))
    print(''.join(te.format()), end='')
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad') from e
except ValueError as e:
    print(traceback.format_exc(), end='')
    print(''.join(traceback.format_exception(e, limit=None, chain=False)), end='')
    print(''.join(traceback.TracebackException.from_exception(e).format()), end='')
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int('x')
except ValueError:
    traceback.print_exc(file=sys.stdout)
class MyErr(Exception): pass
try:
    raise MyErr()
except MyErr as e:
    print(traceback.format_exception_only(e), traceback.format_exc().splitlines()[-1])
print(repr(traceback.format_exc()), traceback.format_exception_only(None))
def f():
    return traceback.extract_stack()
s = f()
print([x.name for x in s][-2:], traceback.format_list([('f.py', 3, 'g', 'x = 1')]))
