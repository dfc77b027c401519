"""
title: A generator versus a list
group: Memory
concept: A list comprehension builds every item at once and keeps them
  all; a generator expression keeps only its paused frame and produces the
  next item when asked. Both give the same values, but the list's size
  grows with the number of items, while the generator's stays the same
  however long the sequence is.
watch: The list of 10,000 numbers takes about 85 KB for its array of
  pointers alone (the int objects are extra); the generator is 200 bytes
  for 10 items or 10 million. A generator can be consumed only once: the
  second sum() finds it empty.
cpython:
  list of 10000: 85176 bytes
  generator of 10000: 200 bytes
  generator of 10000000: 200 bytes
  sum of the list: 49995000
  sum of the generator: 49995000
  sum of the generator again: 0
"""
import sys

list_comp = [x for x in range(10000)]
print("list of 10000:", sys.getsizeof(list_comp), "bytes")

gen_exp = (x for x in range(10000))
print("generator of 10000:", sys.getsizeof(gen_exp), "bytes")
print("generator of 10000000:", sys.getsizeof(x for x in range(10_000_000)), "bytes")

print("sum of the list:", sum(list_comp))
print("sum of the generator:", sum(gen_exp))
print("sum of the generator again:", sum(gen_exp))
