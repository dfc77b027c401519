"""
title: Small integers are cached
group: Objects
concept: CPython makes the integers from -5 to 256 once, at start-up, and
  hands out those same objects whenever one of these values is needed, so
  any two 10s are the same object. Other integers are made fresh each time
  a calculation produces one. Beware a classic trap: two equal literals in
  the same file, such as x = 1000 and y = 1000, compile to one shared
  constant, so "x is y" is True there without any cache. To see the
  cache itself, make the numbers at run time.
watch: The first two lines are both True, for different reasons. The
  numbers built by int() at run time show the cache's real edges: -5 and
  256 are shared, -6 and 257 are not. Compare values with ==; "is" on
  numbers tells you about the implementation, not about the values.
cpython:
  a = 10; b = 10; a is b: True
  x = 1000; y = 1000; x is y: True
  int("10") is int("10"): True
  int("1000") is int("1000"): False
  cached run-time ints run from -5 to 256
  int("1000") == int("1000"): True
"""
a = 10
b = 10
print("a = 10; b = 10; a is b:", a is b)  # both names get the cached 10

x = 1000
y = 1000
print("x = 1000; y = 1000; x is y:", x is y)  # one constant, shared by the compiler

print('int("10") is int("10"):', int("10") is int("10"))
print('int("1000") is int("1000"):', int("1000") is int("1000"))


def cached(n):
    # Two separate run-time calculations of n: the same object only if cached.
    return int(str(n)) is int(str(n))


shared = [n for n in range(-100, 1000) if cached(n)]
print("cached run-time ints run from", shared[0], "to", shared[-1])

print('int("1000") == int("1000"):', int("1000") == int("1000"))
