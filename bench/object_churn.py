"""Object churn: many short-lived instances, tuples, lists and dicts."""


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def points(n):
    s = 0
    for i in range(n):
        p = Point(i, i + 1)
        q = Point(p.y, p.x)
        s += q.x - q.y
    return s


def linked(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    while head is not None:
        total += head.value
        head = head.next
    return total


def temporaries(n):
    acc = 0
    for i in range(n):
        t = (i, i + 1, i + 2)
        l = [i, t]
        d = {"a": i, "b": l}
        acc += len(d) + t[2] + len(l)
    return acc


print(points(600000))
print(linked(500000))
print(temporaries(600000))
