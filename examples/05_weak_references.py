"""
title: Weak references avoid cycles
group: Memory
concept: A child that points back at its parent with an ordinary
  attribute makes a cycle, and the pair waits for the cycle collector. A
  weak reference (weakref.ref) lets you reach an object without adding to
  its count, so the back link no longer keeps anything alive and plain
  reference counting frees the tree the moment its last name goes.
  Calling the weak reference returns the object, or None once it is gone.
watch: With the strong back link, "del parent" frees nothing until
  gc.collect(). With the weak one, both objects are freed on the del line
  itself, and the weak reference then returns None. The automatic
  collector is off, so only reference counting can free anything early.
cpython:
  strong back link:
    del parent
    gc.collect() ...
    parent 1 freed
    child 1 freed
  weak back link:
    child 2's parent is parent 2
    getrefcount(parent) is 2: the child's link does not count
    del parent
    parent 2 freed
    child 2 freed
    the weak reference now gives None
"""
import gc
import sys
import weakref

gc.disable()  # so that only reference counting frees things early


class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def __del__(self):
        print(f"  {self.name} freed")


class Child:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"  {self.name} freed")


print("strong back link:")
parent = Parent("parent 1")
child = Child("child 1")
parent.children.append(child)
child.parent = parent  # parent -> child -> parent: a cycle
del child
print("  del parent")
del parent
print("  gc.collect() ...")
gc.collect()

print("weak back link:")
parent = Parent("parent 2")
child = Child("child 2")
parent.children.append(child)
child.parent = weakref.ref(parent)  # reaches parent without owning it
print(f"  {child.name}'s parent is {child.parent().name}")
print(f"  getrefcount(parent) is {sys.getrefcount(parent)}: the child's link does not count")
link = child.parent
del child
print("  del parent")
del parent
print("  the weak reference now gives", link())
gc.enable()
