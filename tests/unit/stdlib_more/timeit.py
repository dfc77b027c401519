# timeit/repeat/Timer with strings, callables, setup and globals (results checked, not timings)
import timeit
calls = []
t = timeit.timeit('x = sum(range(10))', number=100)
print(type(t).__name__, t >= 0)
print(len(timeit.repeat('pass', repeat=3, number=10)), timeit.timeit(lambda: calls.append(1), number=7) >= 0, len(calls))
tm = timeit.Timer('y = a * 2', setup='a = 21')
print(tm.timeit(5) >= 0, len(tm.repeat(2, 3)))
g = {'L': []}
timeit.timeit('L.append(1)', number=4, globals=g); print(len(g['L']))
n, took = timeit.Timer('pass').autorange(); print(n >= 1, took >= 0.2)
try:
    timeit.Timer('def')
except SyntaxError as e:
    print('SyntaxError', e.msg)
