"""
title: Two threads racing on a counter
group: The GIL, threads and processes
concept: The GIL lets one thread at a time run bytecode, but "counter += 1"
  is still three steps: load, add, store. A thread switched out between
  its load and its store later writes back a stale value, wiping out the
  other thread's increments made meanwhile. CPython 3.11 switches threads
  only where a loop jumps back or a function starts, so the classic loop
  (first part) happens to come out right in 3.11; 3.9 and older lost
  updates there. A call between load and store (second part) brings the
  race back. A Lock (third part) makes it correct by design.
watch: The second total is almost always short of 2 × 200,000, by a
  different amount on each run; the first and third are always exact.
adapted: The classic version uses 1,000,000 increments per thread; this
  one uses 200,000 so that it finishes quickly in the browser.
cpython:
  Counter: 400000
  Time Taken: «seconds»
  with a call between load and store: «count»
  with a lock: 400000
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


print("with a lock:", run_twice(increment_locked))
