"""
title: Bytecode with dis.dis
group: Bytecode and scopes
concept: Before running a function, Python compiles it to bytecode: a list
  of small instructions for a stack machine. dis.dis() prints them: the
  source line number, the byte offset, the instruction and its argument.
  LOAD_FAST pushes a local variable, BINARY_OP pops two values and pushes
  the result, RETURN_VALUE hands the top of the stack back to the caller.
watch: Older tutorials show BINARY_ADD; Python 3.11 has one BINARY_OP for
  every operator, with the operator in brackets, and starts each function
  with RESUME. The second listing shows that "counter += 1" is not one
  indivisible step but three: load, add, store. The example of two threads
  racing on a counter shows when that matters.
cpython:
   34           0 RESUME                   0

   35           2 LOAD_FAST                0 (a)
                4 LOAD_FAST                1 (b)
                6 BINARY_OP                0 (+)
               10 RETURN_VALUE
  ---
   38           0 RESUME                   0

   40           2 LOAD_GLOBAL              0 (counter)
               14 LOAD_CONST               1 (1)
               16 BINARY_OP               13 (+=)
               20 STORE_GLOBAL             0 (counter)
               22 LOAD_CONST               0 (None)
               24 RETURN_VALUE
"""
import dis


def add_numbers(a, b):
    return a + b


def increment():
    global counter
    counter += 1


dis.dis(add_numbers)
print("---")
dis.dis(increment)
