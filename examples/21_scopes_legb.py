"""
title: Scopes: the LEGB rule
group: Bytecode and scopes
concept: To find a name, Python looks in four places, in this order: the
  Local scope of the running function, the Enclosing functions around it,
  the Global (module) scope, and the Builtins. Assigning to a name inside
  a function makes it local to that function, unless a global or nonlocal
  statement says otherwise. The compiler decides this once, which is why
  reading a local before assigning it fails even when a global of that
  name exists.
watch: The three x's print Local, Enclosing, Global: each function sees
  the nearest one. nonlocal and global let a function rebind the outer
  name instead of making a new one. The last function assigns count after
  reading it, so count is local throughout and the read fails.
cpython:
  Local
  Enclosing
  Global
  len is found in builtins: 3
  after nonlocal: 2
  after global: 1
  UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
"""
x = "Global"


def outer():
    x = "Enclosing"

    def inner():
        x = "Local"
        print(x)  # Output: Local

    inner()
    print(x)  # Output: Enclosing


outer()
print(x)  # Output: Global

print("len is found in builtins:", len("abc"))


def counter():
    n = 0

    def bump():
        nonlocal n  # rebind counter's n, not a new local
        n += 1

    bump()
    bump()
    return n


print("after nonlocal:", counter())

count = 0


def add_global():
    global count  # rebind the module's count
    count += 1


add_global()
print("after global:", count)


def broken():
    print(count)  # count is assigned below, so it is local here
    count = 10


try:
    broken()
except UnboundLocalError as error:
    print("UnboundLocalError:", error)
