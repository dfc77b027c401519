# graphlib.TopologicalSorter: static_order, get_ready/done loop, CycleError and misuse errors
from graphlib import TopologicalSorter, CycleError
graph = {'D': {'B', 'C'}, 'C': {'A'}, 'B': {'A'}}
print(list(TopologicalSorter({'D': ['B', 'C'], 'C': ['A'], 'B': ['A']}).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.add('x')
ts.prepare()
while ts.is_active():
    ready = ts.get_ready(); print('ready', ready); ts.done(*ready)
print(bool(ts))
try:
    TopologicalSorter({1: [2], 2: [3], 3: [1]}).prepare()
except CycleError as e:
    print('CycleError', e.args, isinstance(e, ValueError))
ts = TopologicalSorter({'a': ['b']})
for call in ['ts.get_ready()', 'ts.is_active()', 'ts.done("a")', 'ts.prepare()', 'ts.prepare()', 'ts.add("c")', 'ts.done("zz")', 'ts.done("a")']:
    try:
        print(call, eval(call))
    except ValueError as e:
        print(call, '->', e)
r = ts.get_ready(); ts.done(*r)
try: ts.done(*r)
except ValueError as e: print(e)
