"""
title: asyncio for I/O-bound work
group: The GIL, threads and processes
concept: asyncio overlaps waits without threads. Coroutines (async def)
  run on one thread, inside one event loop; at each await on something
  slow, a coroutine hands control back to the loop, which resumes
  whichever coroutine's wait is over. asyncio.gather runs several at once
  and returns their results in the order they were given.
watch: All three "start" lines come first, then the "done" lines in the
  order the waits end (shortest first), and the whole thing takes about as
  long as the longest wait, not the sum. gather's result list follows the
  order of its arguments, not the order of finishing. Only the duration
  varies.
adapted: time.sleep's async cousin, asyncio.sleep, stands in for network
  requests, which a page cannot make from Python.
cpython:
  start fetch 1 (0.3 s)
  start fetch 2 (0.1 s)
  start fetch 3 (0.2 s)
  done fetch 2
  done fetch 3
  done fetch 1
  results: ['page 1', 'page 2', 'page 3']
  took about the longest wait, not the sum: True
  elapsed: «seconds» s
"""
import asyncio
import time


async def fetch(name, delay):
    print(f"start {name} ({delay} s)")
    await asyncio.sleep(delay)  # hands control back to the event loop
    print(f"done {name}")
    return name.replace("fetch", "page")


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        fetch("fetch 1", 0.3),
        fetch("fetch 2", 0.1),
        fetch("fetch 3", 0.2),
    )
    elapsed = time.perf_counter() - start
    print("results:", results)
    print("took about the longest wait, not the sum:", elapsed < 0.3 + 0.1 + 0.2)
    print(f"elapsed: {elapsed:.2f} s")


asyncio.run(main())
