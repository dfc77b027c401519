"""
title: Freed the moment the count reaches zero
group: Memory
concept: When an object's reference count drops to zero, CPython frees it
  right away, on that very line, not at some later sweep. A __del__ method
  runs at that moment, so it makes the instant visible. Names going away
  (del), being rebound to something else, or a function's locals
  disappearing when it returns all drop references.
watch: The order of the lines. "first: freed" appears only after the last
  of its two names is deleted; "second: freed" appears the instant z is
  rebound; the function's local object dies as the call returns. "third"
  lives until the program ends, when Python clears the module's names.
cpython:
  first: created
  y = x  (two names, one object)
  del x
  del y
  first: freed
  z = Tracked("second")
  second: created
  z = Tracked("third")
  third: created
  second: freed
  calling scope()
  local: created
  leaving scope()
  local: freed
  back from scope()
  end of program
  third: freed
"""


class Tracked:
    def __init__(self, name):
        self.name = name
        print(f"{name}: created")

    def __del__(self):
        # Runs when the last reference goes: the object is about to be freed.
        print(f"{self.name}: freed")


x = Tracked("first")
y = x
print("y = x  (two names, one object)")
print("del x")
del x  # count 2 -> 1: nothing happens
print("del y")
del y  # count 1 -> 0: freed right here

print('z = Tracked("second")')
z = Tracked("second")
print('z = Tracked("third")')
z = Tracked("third")  # rebinding z drops the only reference to "second"


def scope():
    local = Tracked("local")
    print("leaving scope()")


print("calling scope()")
scope()
print("back from scope()")
print("end of program")
