"""
title: String interning
group: Objects
concept: Python keeps one table of interned strings and reuses its entries:
  names of variables, attributes and functions, and string constants that
  look like identifiers, are interned when code is compiled, so equal ones
  are one object everywhere. Other constants are shared only within what
  was compiled together (one file), because the compiler stores each
  distinct constant once. A string built while the program runs (joined,
  sliced, read from input) is a new object, even when an equal one
  exists. sys.intern(s) puts a string in the table, or returns the one
  already there.
watch: "hello world" (with its space) is one object in this file, even
  inside a function; compiled separately by eval() it is a new object,
  while the identifier-like "hello" is still the same one. The joined
  string equals "hello" but becomes the same object only through
  sys.intern().
cpython:
  s1 is s2 ("hello"): True
  s3 is s4 ("hello world"): True
  phrase() is s3: True
  eval('"hello"') is s1: True
  eval('"hello world"') is s3: False
  joined == s1: True
  joined is s1: False
  sys.intern(joined) is s1: True
"""
import sys

# Identifier-like string constants are interned.
s1 = "hello"
s2 = "hello"
print('s1 is s2 ("hello"):', s1 is s2)

# Not identifier-like, but compiled together with the line above:
# the compiler keeps one copy of equal constants.
s3 = "hello world"
s4 = "hello world"
print('s3 is s4 ("hello world"):', s3 is s4)


def phrase():
    return "hello world"  # same file, so the same constant


print("phrase() is s3:", phrase() is s3)

# eval() compiles its text on its own, as another module would be.
print("eval('\"hello\"') is s1:", eval('"hello"') is s1)
print("eval('\"hello world\"') is s3:", eval('"hello world"') is s3)

joined = "".join(["hel", "lo"])  # made at run time
print("joined == s1:", joined == s1)
print("joined is s1:", joined is s1)
print("sys.intern(joined) is s1:", sys.intern(joined) is s1)
