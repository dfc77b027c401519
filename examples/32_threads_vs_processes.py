"""
title: Threads versus processes for CPU-bound work
group: The GIL, threads and processes
concept: Each process has its own interpreter, with its own memory and its
  own GIL, so two processes can compute at the same moment on two cores;
  this is the usual way around the GIL for CPU-bound work. The price is
  that processes share nothing: arguments and results travel between them
  pickled, and each one starts by importing the main program again (that
  is why the process-starting code sits under
  if __name__ == "__main__").
watch: The processes' time against the threads' time. With two free
  cores the processes finish in about half the threads' time; on a busy
  machine the gap shrinks. The timings vary; the results never do. In
  glasspy each child process is a fresh interpreter on its own Web Worker
  thread.
adapted: 1,000,000 iterations per task instead of the classic
  10,000,000, to finish quickly in the browser. The results come back
  through a Queue so they can be checked, and the main code sits under the
  __main__ guard, which the spawn start method (glasspy's, and the default
  on macOS and Windows) needs.
cpython:
  Threading: «seconds»s
  Multiprocessing: «seconds»s
  results: [333332833333500000, 333332833333500000] [333332833333500000, 333332833333500000]
  Done
"""
import threading
import time
from multiprocessing import Process, Queue

N = 1_000_000


def task(n, results):
    total = 0
    for i in range(n):
        total += i * i
    results.put(total)


if __name__ == "__main__":
    from queue import Queue as ThreadQueue
    task(N, ThreadQueue())  # warm-up, untimed: first runs pay one-off costs

    # Two threads: one GIL, so they take turns.
    thread_results = ThreadQueue()
    start = time.time()
    t1 = threading.Thread(target=task, args=(N, thread_results))
    t2 = threading.Thread(target=task, args=(N, thread_results))
    t1.start(); t2.start()
    t1.join(); t2.join()
    print(f"Threading: {time.time() - start:.2f}s")

    # Two processes: two interpreters, two GILs.
    process_results = Queue()
    start = time.time()
    p1 = Process(target=task, args=(N, process_results))
    p2 = Process(target=task, args=(N, process_results))
    p1.start(); p2.start()
    totals = [process_results.get(), process_results.get()]
    p1.join(); p2.join()
    print(f"Multiprocessing: {time.time() - start:.2f}s")

    print("results:", [thread_results.get(), thread_results.get()], totals)
    print("Done")
