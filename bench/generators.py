"""Generators: pipelines of generator functions, generator expressions, yield from."""


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def chained(n):
    yield from count_up(n)
    yield from count_up(n // 2)


def pipeline(n):
    return sum(squares(evens(count_up(n))))


print(pipeline(1600000))
print(sum(x % 7 for x in range(1600000)))
print(sum(1 for _ in chained(1200000)))
print(max(x * 3 % 1001 for x in count_up(800000)))
