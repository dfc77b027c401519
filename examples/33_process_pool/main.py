"""
title: A process pool, with its work in a module
group: The GIL, threads and processes
concept: multiprocessing.Pool starts a few worker processes once and
  hands them pieces of work: p.map(f, items) sends the items out, each
  worker calls f on its share, and the results come back in the order of
  the items, whichever worker finished first. Every worker is a separate
  interpreter that must find f by importing it, so f has to live at the
  top level of a module. Keeping the work in its own module (workers.py,
  the second tab) makes that plain.
watch: Both tabs: main.py imports square and slow_sum from workers.py,
  and every worker process imports workers.py too. The results are in
  item order even though four processes computed them. Edit workers.py
  and run again: the workers pick up your change.
cpython:
  [1, 4, 9, 16, 25]
  [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
  sums: [333283335000, 2666466670000, 8999550005000]
  workers.py's __name__ here: workers
"""
from multiprocessing import Pool

import workers
from workers import slow_sum, square

if __name__ == "__main__":
    with Pool(4) as p:
        result = p.map(square, [1, 2, 3, 4, 5])
        print(result)  # [1, 4, 9, 16, 25]
        print(p.map(square, range(10)))
        print("sums:", p.map(slow_sum, [10_000, 20_000, 30_000]))
    print("workers.py's __name__ here:", workers.__name__)
