"""
title: __slots__ and what getsizeof does not show
group: Memory
concept: An ordinary instance keeps its attributes outside the object: in
  a per-instance __dict__ (CPython 3.11 keeps just the values in a separate
  array and makes the dict only when asked for it). A class that declares __slots__ gets fixed fields inside
  the object instead: no __dict__, and no new attributes beyond the
  listed ones. sys.getsizeof counts only the object itself, not where an
  ordinary instance keeps its attribute values, so it understates the
  saving; with three attributes it shows none at all. tracemalloc, which
  counts every allocation, tells the real story.
watch: The 3-attribute classes (the classic exercise) both report 56
  bytes, yet making 10,000 of each costs clearly less memory for the
  slotted class. Then the price: assigning an attribute that is not in
  __slots__ raises AttributeError.
cpython:
  RegularClass(1, 2): 56 bytes
  OptimizedClass(1, 2): 48 bytes
  Regular class: 56 bytes
  Slotted class: 56 bytes
  Memory saved: 0 bytes
  regular instance has __dict__: True
  slotted instance has __dict__: False
  10,000 slotted objects need less memory than 10,000 regular ones: True
  AttributeError: 'SlottedClass' object has no attribute 'w'
"""
import sys
import tracemalloc


# Without __slots__
class RegularClass:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# With __slots__
class OptimizedClass:
    __slots__ = ['x', 'y']

    def __init__(self, x, y):
        self.x = x
        self.y = y


r = RegularClass(1, 2)
o = OptimizedClass(1, 2)
print("RegularClass(1, 2):", sys.getsizeof(r), "bytes")
print("OptimizedClass(1, 2):", sys.getsizeof(o), "bytes")


# The classic exercise: three attributes each.
class Regular3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlottedClass:
    __slots__ = ['x', 'y', 'z']

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


regular = Regular3(1, 2, 3)
slotted = SlottedClass(1, 2, 3)
print(f"Regular class: {sys.getsizeof(regular)} bytes")
print(f"Slotted class: {sys.getsizeof(slotted)} bytes")
print(f"Memory saved: {sys.getsizeof(regular) - sys.getsizeof(slotted)} bytes")

print("regular instance has __dict__:", hasattr(regular, "__dict__"))
print("slotted instance has __dict__:", hasattr(slotted, "__dict__"))


def memory_for(cls, count=10_000):
    # Bytes allocated (and still held) while making count instances.
    tracemalloc.start()
    objects = [cls(1, 2, 3) for _ in range(count)]
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return size


# The exact byte counts differ between Python builds; which is smaller does not.
print("10,000 slotted objects need less memory than 10,000 regular ones:",
      memory_for(SlottedClass) < memory_for(Regular3))

try:
    slotted.w = 4
except AttributeError as error:
    print("AttributeError:", error)
