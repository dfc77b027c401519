"""
title: What a traceback looks like
group: Python basics
concept: An exception that nothing catches ends the program. Python then
  prints a traceback on stderr: the chain of calls that were active, oldest
  first, and last the exception's type and message. The exit status is 1.
watch: The output panel: the first line is normal stdout; the red lines are
  stderr. Read the traceback from the bottom up.
cpython:
  week 1 average: 6.0
  Traceback (most recent call last):
    File ".../93_traceback.py", line 33, in <module>
      report("week 2", 0, 0)
    File ".../93_traceback.py", line 29, in report
      print(name, "average:", average(total, count))
                              ^^^^^^^^^^^^^^^^^^^^^
    File ".../93_traceback.py", line 25, in average
      return total / count
             ~~~~~~^~~~~~~
  ZeroDivisionError: division by zero
"""


def average(total, count):
    return total / count


def report(name, total, count):
    print(name, "average:", average(total, count))


report("week 1", 42, 7)
report("week 2", 0, 0)
print("never printed")
