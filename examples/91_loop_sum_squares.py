"""
title: A loop summing squares
group: Python basics
concept: A for loop over range() runs its body once per number, and a name
  like total is rebound to a new value on every pass. A while loop repeats
  for as long as its condition is true.
watch: The output panel: one line per pass, showing how total grows.
cpython:
  n square total
  1 1 1
  2 4 5
  3 9 14
  4 16 30
  5 25 55
  sum of squares 1..5: 55
  halving 100
  halving 50
  halving 25
  halving 12
  halving 6
  halving 3
  halving 1
  x is now 0
"""
total = 0
print("n", "square", "total")
for n in range(1, 6):
    square = n * n
    total = total + square
    print(n, square, total)
print("sum of squares 1..5:", total)

x = 100
while x > 0:
    print("halving", x)
    x = x // 2
print("x is now", x)
