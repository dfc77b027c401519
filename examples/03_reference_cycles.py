"""
title: Reference cycles and gc.collect()
group: Memory
concept: Two objects that point at each other keep each other's count
  above zero, so reference counting alone never frees them, even when no
  name in the program can reach them any more. CPython's cycle collector
  finds such groups: it subtracts the references the objects hold to one
  another, and whatever is left with no outside reference is garbage.
  gc.collect() runs it now and returns how many unreachable objects it
  found.
watch: After "del a, b" nothing is freed: the cycle keeps both alive. The
  freed lines appear only during gc.collect(). The two lists and the object
  that links to itself are cycles too. The program switches the automatic
  collector off first, so that it cannot run earlier by chance and every
  run prints the same.
cpython:
  del a, b: nobody can reach the two nodes now
  collecting...
  node a freed
  node b freed
  gc.collect() found 2 unreachable objects
  two lists holding each other: 2 found
  an object whose attribute is itself: 1 found
  nothing left: 0 found
"""
import gc

gc.disable()  # only collect when this program asks


class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None

    def __del__(self):
        print(f"node {self.name} freed")


a = Node("a")
b = Node("b")
a.ref = b  # a -> b
b.ref = a  # b -> a: a cycle
del a, b   # each node still has a count of 1, from the other
print("del a, b: nobody can reach the two nodes now")
print("collecting...")
print("gc.collect() found", gc.collect(), "unreachable objects")

x = []
y = []
x.append(y)
y.append(x)
del x, y
print("two lists holding each other:", gc.collect(), "found")


class SelfLinked:
    def __init__(self):
        self.link = self


s = SelfLinked()
del s
print("an object whose attribute is itself:", gc.collect(), "found")

print("nothing left:", gc.collect(), "found")
gc.enable()
