"""The seeds' threads-versus-processes exercise at full size, timed.

count_up(10**7) twice: one after the other in the main thread ("serial"),
in two threads, and in two processes that send their counts back through a
multiprocessing.Queue (conformance seed 900_full_size_threads_vs_processes).
Each round times the three in turn with time.perf_counter (wall time, as a
learner would); the process time of the whole run is printed too. The
output is one JSON line that bench/concurrency reads.

    exercise.py [ROUNDS] [N]
"""
import json
import sys
import threading
import time
from multiprocessing import Process, Queue


def count_up(n):
    count = 0
    for i in range(n):
        count += 1
    return count


def count_to_queue(n, q):
    q.put(count_up(n))


def serial(n):
    start = time.perf_counter()
    results = [count_up(n), count_up(n)]
    took = time.perf_counter() - start
    assert results == [n, n], results
    return took


def in_threads(n):
    found = []
    threads = [threading.Thread(target=lambda: found.append(count_up(n))) for _ in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    assert found == [n, n], found
    return took


def in_processes(n, q):
    procs = [Process(target=count_to_queue, args=(n, q)) for _ in range(2)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    values = [q.get() for _ in procs]
    for p in procs:
        p.join()
    took = time.perf_counter() - start
    assert values == [n, n] and [p.exitcode for p in procs] == [0, 0], values
    return took


if __name__ == "__main__":
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10**7
    q = Queue()
    times = {"serial": [], "threads": [], "processes": []}
    cpu_start = time.process_time()
    for _ in range(rounds):
        times["serial"].append(serial(n))
        times["threads"].append(in_threads(n))
        times["processes"].append(in_processes(n, q))
    times["process_time"] = time.process_time() - cpu_start
    print(json.dumps(times))
