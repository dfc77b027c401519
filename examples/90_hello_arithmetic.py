"""
title: Hello and arithmetic
group: Python basics
concept: print() writes its arguments separated by spaces and ends the line.
  Integers are exact however large they grow, / always gives a float, and
  // and % give the quotient and remainder of floor division.
watch: The output panel: each print() call becomes one line on stdout.
cpython:
  Hello, glasspy!
  7 + 3 = 10
  7 / 2 = 3.5
  7 // 2 = 3 and 7 % 2 = 1
  -7 // 2 = -4 and -7 % 2 = 1
  2 ** 100 = 1267650600228229401496703205376
  0.1 + 0.2 = 0.30000000000000004 equal to 0.3? False
  True False None
"""
print("Hello, glasspy!")
a = 7
b = 3
print(a, "+", b, "=", a + b)
print("7 / 2 =", 7 / 2)
print("7 // 2 =", 7 // 2, "and 7 % 2 =", 7 % 2)
print("-7 // 2 =", -7 // 2, "and -7 % 2 =", -7 % 2)
print("2 ** 100 =", 2 ** 100)
print("0.1 + 0.2 =", 0.1 + 0.2, "equal to 0.3?", 0.1 + 0.2 == 0.3)
print(a > b, a == b, None)
