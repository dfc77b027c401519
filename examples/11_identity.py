"""
title: id(), is and ==
group: Objects
concept: A name refers to an object; it does not contain it. id(x) is a
  number that identifies the object for as long as it lives (in CPython,
  its memory address). "a is b" asks whether two names refer to the very
  same object; "a == b" asks whether two objects have equal values. Two
  lists built separately are equal but not identical, and changing one
  leaves the other alone, while a change made through one of two names
  for the same list shows through the other.
watch: The three ids: a and b print the same number, c a different one
  (the numbers themselves change from run to run). Then what an append
  through b does to a, and not to c.
cpython:
  id(a): «id»
  id(b): «id»
  id(c): «id»
  id(a) == id(b): True
  id(a) == id(c): False
  a is b: True
  a is c: False
  a == c: True
  after b.append(4): a = [1, 2, 3, 4], c = [1, 2, 3]
  a == c: False
"""
a = [1, 2, 3]
b = a
c = [1, 2, 3]

print("id(a):", id(a))  # a memory address
print("id(b):", id(b))  # the same as a's
print("id(c):", id(c))  # a different address
print("id(a) == id(b):", id(a) == id(b))
print("id(a) == id(c):", id(a) == id(c))

print("a is b:", a is b)  # same object
print("a is c:", a is c)  # different objects
print("a == c:", a == c)  # same value

b.append(4)
print(f"after b.append(4): a = {a}, c = {c}")
print("a == c:", a == c)
