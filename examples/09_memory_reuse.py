"""
title: Freed memory is reused at once
group: Memory
concept: Small objects (up to 512 bytes) do not come from the operating
  system one by one. CPython's allocator, pymalloc, carves big arenas into
  pools of equal-sized blocks, and keeps each pool's free blocks in a
  list. Freeing an object puts its block at the front of that list, and
  the next object of the same size class takes it from there. So an id()
  is unique only among objects alive at the same time: a new object often
  gets the id of one that just died.
watch: The new Point gets the address of the one just deleted. Which
  address it is changes from run to run; that it repeats does not. The
  experiment runs inside a function, so that nothing else (a new global
  name, say) allocates between the free and the next Point.
cpython:
  first point at «id»
  second point at «id»
  same block reused: True
"""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def one_reuse():
    p = Point(1, 2)
    first = id(p)
    del p  # its block goes back on its pool's free list
    q = Point(3, 4)  # same size class: takes the block just freed
    return first, id(q)


first, second = one_reuse()
print("first point at", first)
print("second point at", second)
print("same block reused:", first == second)
