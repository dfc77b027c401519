"""
title: Reference counting with sys.getrefcount
group: Memory
concept: Every object carries a count of the references that point at it:
  names, slots in containers, function parameters. Binding another name
  adds one; del, clearing a container or returning from a function takes
  one away. sys.getrefcount(x) reports the count, and it is always one
  higher than you might expect, because passing x to getrefcount is itself
  a reference for as long as the call lasts.
watch: The right-hand column, line by line. A fresh list bound to one name
  shows 2 (the name a and getrefcount's argument). Inside look() the
  parameter obj is one more reference, gone again once look() returns.
cpython:
  a = [1, 2, 3]          2
  b = a                  3
  box = {"key": a}       4
  inside look(a)         5
  del b                  3
  box.clear()            2
  a is still [1, 2, 3]
"""
import sys


def look(obj):
    # a, b, box["key"], obj, and getrefcount's own argument
    return sys.getrefcount(obj)


a = [1, 2, 3]
print("a = [1, 2, 3]         ", sys.getrefcount(a))

b = a  # a second name for the same list, not a copy
print("b = a                 ", sys.getrefcount(a))

box = {"key": a}  # a dict value is a reference too
print('box = {"key": a}      ', sys.getrefcount(a))

print("inside look(a)        ", look(a))

del b  # removes the name, not the list
print("del b                 ", sys.getrefcount(a))

box.clear()
print("box.clear()           ", sys.getrefcount(a))

print("a is still", a)
