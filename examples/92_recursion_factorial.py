"""
title: Recursion: factorial
group: Python basics
concept: A function that calls itself. Every call gets its own frame with
  its own n, and each return hands a value back to the frame that called.
watch: The output panel: factorial grows fast, and Python's integers simply
  grow with it.
cpython:
  factorial of 0 is 1
  factorial of 1 is 1
  factorial of 2 is 2
  factorial of 3 is 6
  factorial of 4 is 24
  factorial of 5 is 120
  factorial of 30 is 265252859812191058636308480000000
"""


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


for n in range(6):
    print("factorial of", n, "is", factorial(n))
print("factorial of", 30, "is", factorial(30))
