"""
title: Two threads racing on a counter
group: The GIL, threads and processes
concept: The GIL lets only one thread run Python bytecode at a time, but
  it does not make "counter += 1" one indivisible step: it is a load, an
  add and a store, and if the running thread is switched out between its
  load and its store, the other thread's increments in that gap are
  overwritten. CPython 3.11 switches threads only at certain points: when
  a loop jumps back, and when a function starts. So the classic loop
  (first part) happens to come out right every time in 3.11, while Python
  3.9 and older often lost updates there. Put a call between the load and
  the store (second part) and the race is back. A threading.Lock around
  the update (third part) makes it correct by design, not by luck.
watch: The second total is almost always short of 2 × 200,000, by a
  different amount on each run; the first and third are always exact. The
  lock costs time: compare the durations.
adapted: The classic version uses 1,000,000 increments per thread; this
  one uses 200,000 so that it finishes quickly in the browser.
cpython:
  Counter: 400000
  Time Taken: «seconds»
  with a call between load and store: «count»
  with a lock: 400000
  Time Taken: «seconds»
"""
import threading
import time

N = 200_000
counter = 0


def increment():
    global counter
    for _ in range(N):
        counter += 1


t1 = threading.Thread(target=increment)
t2 = threading.Thread(target=increment)

start = time.time()
t1.start(); t2.start()
t1.join(); t2.join()
end = time.time()

print("Counter:", counter)
print("Time Taken:", end - start)


def step():
    return 1


def increment_with_call():
    global counter
    for _ in range(N):
        # load counter, then call step(): a point where the thread can be
        # switched out, then add and store a value that may be stale
        counter += step()


def run_twice(target):
    global counter
    counter = 0
    threads = [threading.Thread(target=target) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


print("with a call between load and store:", run_twice(increment_with_call))

lock = threading.Lock()


def increment_locked():
    global counter
    for _ in range(N):
        with lock:  # only one thread at a time between acquire and release
            counter += step()


start = time.time()
print("with a lock:", run_twice(increment_locked))
print("Time Taken:", time.time() - start)
