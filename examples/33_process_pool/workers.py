# The work the pool's processes do. Each worker
# process imports this module to find it, as main.py does.


def square(x):
    return x * x


def slow_sum(n):
    # CPU-bound: the sum of the squares below n.
    total = 0
    for i in range(n):
        total += i * i
    return total
