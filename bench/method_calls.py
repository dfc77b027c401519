"""Method calls and attribute access on instances of Python classes."""


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self


class Counter:
    def __init__(self):
        self.count = 0

    def inc(self):
        self.count += 1

    def add(self, n):
        self.count += n
        return self.count


class Base:
    def value(self):
        return 1


class Derived(Base):
    def value(self):
        return super().value() + 1


def run(n):
    c = Counter()
    v = Vector(1, 2)
    w = Vector(3, 4)
    d = Derived()
    acc = 0
    for i in range(n):
        c.inc()
        acc += v.dot(w)
        c.add(i & 7)
        if i % 100 == 0:
            acc += d.value()
    return c.count, acc


print(run(2000000))
