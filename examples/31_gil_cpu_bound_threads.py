"""
title: CPU-bound work gains nothing from threads
group: The GIL, threads and processes
concept: A thread that computes never waits, so it never gives up the GIL
  of its own accord; the interpreter takes it away every few milliseconds
  (the switch interval) and hands it to the other thread. The two threads
  take turns on one core instead of running side by side, so doing the two
  counts in two threads takes about as long as doing them one after the
  other, or a little longer, because of the switching.
watch: The two durations come out close to each other (the exact numbers
  depend on your machine and change from run to run). In glasspy each
  Python thread here is a real Web Worker thread, yet they still cannot
  run Python at the same time.
adapted: The classic version counts to 10,000,000 in each task; this one
  counts to 2,000,000 so that it finishes in a few seconds in the browser.
cpython:
  switch interval: 0.005 s
  Single-threaded: «seconds»s
  Multi-threaded: «seconds»s
"""
import sys
import threading
import time

N = 2_000_000

print("switch interval:", sys.getswitchinterval(), "s")


# CPU-bound task (affected by GIL)
def count_up(n):
    count = 0
    for i in range(n):
        count += 1
    return count


# Single-threaded
start = time.time()
count_up(N)
count_up(N)
print(f"Single-threaded: {time.time() - start:.2f}s")

# Multi-threaded (still affected by GIL)
start = time.time()
t1 = threading.Thread(target=count_up, args=(N,))
t2 = threading.Thread(target=count_up, args=(N,))
t1.start()
t2.start()
t1.join()
t2.join()
print(f"Multi-threaded: {time.time() - start:.2f}s")
