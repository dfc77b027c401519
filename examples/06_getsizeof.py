"""
title: How big is an object? sys.getsizeof
group: Memory
concept: sys.getsizeof(x) is the number of bytes the object x itself
  occupies: its header (reference count and type pointer) plus its own
  payload. An int stores its value in 30-bit digits, so it grows as the
  number does. A str stores one byte per character while all characters
  are ASCII or Latin-1, and two or four once one needs it. A list holds
  pointers, 8 bytes each, and grows its array in steps so that appending
  stays cheap. The size never includes the objects a container points to.
watch: The numbers match CPython 3.11 on a 64-bit machine (glasspy computes
  them the way CPython would). Note how the list's size stays put for
  several appends and then jumps: it grew room for more than one item.
cpython:
  int 10 is 28 bytes
  list [1, 2, 3] is 88 bytes
  str 'Hello' is 54 bytes
  ints: 0 -> 28, 1 -> 28, 2**30 -> 32, 2**60 -> 36, 10**100 -> 72
  strs: '' -> 49, 'a' -> 50, 'hello' -> 54, 'héllo' -> 78, '日本' -> 78, '😀' -> 80
  an empty list is 56 bytes
  after 1 append: 88 bytes
  after 5 appends: 120 bytes
  after 9 appends: 184 bytes
  after 17 appends: 248 bytes
  a list of one huge string is 64 bytes; the string itself is 1000049
"""
import sys

x = 10
print("int 10 is", sys.getsizeof(x), "bytes")

list1 = [1, 2, 3]
print("list [1, 2, 3] is", sys.getsizeof(list1), "bytes")

string = "Hello"
print("str 'Hello' is", sys.getsizeof(string), "bytes")

ints = {"0": 0, "1": 1, "2**30": 2**30, "2**60": 2**60, "10**100": 10**100}
print("ints:", ", ".join(f"{name} -> {sys.getsizeof(n)}" for name, n in ints.items()))

strs = ["", "a", "hello", "héllo", "日本", "😀"]
print("strs:", ", ".join(f"{s!r} -> {sys.getsizeof(s)}" for s in strs))

items = []
size = sys.getsizeof(items)
print("an empty list is", size, "bytes")
for i in range(20):
    items.append(i)
    if sys.getsizeof(items) != size:
        size = sys.getsizeof(items)
        print(f"after {len(items)} append{'s' if len(items) > 1 else ''}: {size} bytes")

huge = "x" * 1_000_000
print("a list of one huge string is", sys.getsizeof([huge]), "bytes; the string itself is", sys.getsizeof(huge))
