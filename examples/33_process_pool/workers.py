# The work the pool's processes do. A worker process finds these functions
# by importing this module, just as main.py does.


def square(x):
    return x * x


def slow_sum(n):
    # CPU-bound: the sum of the squares below n.
    total = 0
    for i in range(n):
        total += i * i
    return total
