"""
title: Leaks: what keeps memory alive
group: Memory
concept: Python frees an object when nothing refers to it any more, so a
  "leak" in Python is almost always a reference you forgot: a module-level
  list or dict that collects things and is never emptied. tracemalloc
  records where every block of memory was allocated, so it can tell you
  how much memory grew and which line allocated it. Files and sockets are
  a different resource: release them at a known point with a with block,
  rather than waiting for the object to be freed.
watch: Memory grows by about 2 MB over 200 calls and stays there, and
  tracemalloc blames the "data = ..." line in handle() for 200 blocks; clearing
  the forgotten cache gives the memory back. The file is closed the moment
  the with block ends.
cpython:
  after 200 requests, memory grew by about 2.0 MB
  largest allocation site: line 31, 200 blocks
  after _cache.clear(): 0.0 MB
  inside with: closed = False
  after with: closed = True
  folder removed: True
"""
import os
import tempfile
import tracemalloc

_cache = []  # module level: lives as long as the program


def handle(request):
    data = "x" * 10_000 + str(request)
    _cache.append(data)  # forgotten: every request's data stays reachable
    return len(data)


tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
for i in range(200):
    handle(i)
grown = tracemalloc.get_traced_memory()[0] - base
print("after 200 requests, memory grew by about", round(grown / 1_000_000, 1), "MB")

top = tracemalloc.take_snapshot().statistics("lineno")[0]
print(f"largest allocation site: line {top.traceback[0].lineno}, {top.count} blocks")

_cache.clear()
left = tracemalloc.get_traced_memory()[0] - base
print("after _cache.clear():", round(left / 1_000_000, 1), "MB")
tracemalloc.stop()

# Both with blocks release their resource at the block's end: the file is
# closed, then the temporary folder is deleted.
with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, "notes.txt"), "w") as f:
        f.write("a file is a resource outside Python's heap\n")
        print("inside with: closed =", f.closed)
    print("after with: closed =", f.closed)
print("folder removed:", not os.path.exists(folder))
