# sys.settrace and sys.setprofile: call/line/return/exception events, local tracers, f_locals write-back, c_call events
import sys
def tracer(frame, event, arg):
    co = frame.f_code
    shown = (arg[0].__name__, str(arg[1])) if event == "exception" else arg
    print(f"{event:9} {co.co_name:8} line {frame.f_lineno:3} arg={shown!r}")
    return tracer
def gen(n):
    for i in range(n):
        yield i * 2
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def boom():
    x = 1
    raise ValueError("bad")
def main():
    total = 0
    for v in gen(3):
        total += v
    try:
        boom()
    except ValueError as e:
        total += 1
    return fib(3) + total
sys.settrace(tracer)
main()
sys.settrace(None)
print(sys.gettrace())
def local_only(frame, event, arg):
    if event == 'call':
        return None
    print("never", event)
sys.settrace(local_only)
fib(2)
sys.settrace(None)
def changer(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'target' and 'x' in frame.f_locals:
        frame.f_locals['x'] = 99
    return changer
def target():
    x = 1
    y = x + 1
    return x, y
sys.settrace(changer)
print(target())
sys.settrace(None)
def prof(frame, event, arg):
    print("P", event, frame.f_code.co_name, getattr(arg, '__name__', arg) if event.startswith('c_') else arg)
sys.setprofile(prof)
len([1, 2])
[].append(3)
fib(1)
try:
    int("x")
except ValueError:
    pass
sys.setprofile(None)
print(sys.getprofile())
def bad(frame, event, arg):
    raise RuntimeError("tracer broke")
sys.settrace(bad)
try:
    fib(1)
except RuntimeError as e:
    print("caught", e, sys.gettrace())

# Opcode events and switching line events off per frame.
def op_tracer(frame, event, arg):
    if event == 'call':
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
    if frame.f_code.co_name == 'small':
        print(event, frame.f_lasti if event == 'opcode' else '')
    return op_tracer
def small(a):
    return a + 1
sys.settrace(op_tracer)
small(1)
sys.settrace(None)
# A line-coverage counter, the classic use.
import collections
hits = collections.Counter()
def cover(frame, event, arg):
    if event == 'line':
        hits[frame.f_lineno - cover_base] += 1
    return cover
cover_base = cover.__code__.co_firstlineno
def work(n):
    s = 0
    for i in range(n):
        if i % 2:
            s += i
        else:
            s -= 1
    return s
sys.settrace(cover)
work(5)
sys.settrace(None)
print(sorted(hits.items()))
# A tracer installed inside a running frame takes effect from the next call.
def late():
    sys.settrace(lambda f, e, a: print('late', e, f.f_code.co_name))
    small(2)
    sys.settrace(None)
late()
