# the classic over-allocation table: a list's size as append, extend, += and star-unpacking grow it ([*range(n)] is sized once from the length hint, as list(range(n)))
import sys

lst = []
prev = sys.getsizeof(lst)
print(f"Length: 0, Size: {prev} bytes")
for i in range(64):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != prev:
        print(f"Length: {len(lst)}, Size: {size} bytes (+{size - prev})")
        prev = size
for n in (0, 1, 4, 5, 8, 9, 16, 17, 25, 100, 1000):
    a = []
    for i in range(n):
        a.append(i)
    print(n, sys.getsizeof(a), sys.getsizeof([0] * n), sys.getsizeof(list(range(n))),
          sys.getsizeof([x for x in range(n)]), sys.getsizeof([*range(n)]), sys.getsizeof([*"x" * n]))
b = []
last = 0
for i in range(30):
    b.extend([i, i])
    if sys.getsizeof(b) != last:
        last = sys.getsizeof(b)
        print("extend", len(b), last)
c = []
for i in range(10):
    c += [i] * 3
    print("iadd", len(c), sys.getsizeof(c))
d = list(range(50))
while d:
    del d[-5:]
    print("del", len(d), sys.getsizeof(d))
print(sys.getsizeof([*[1, 2, 3], *(4, 5)]), sys.getsizeof([0, *range(3)]), sys.getsizeof([*{1: 2, 3: 4}]))
