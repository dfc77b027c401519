"""Records CPython 3.11's output for the multiprocessing programs of
test_multiprocessing.cpp. Each program selects the 'spawn' start method
(glasspy's only one, and what its children really do: re-run the main
module as __mp_main__). Run with python3.11 from this folder:
    python3 gen_mp_cases.py
Never edit mp_cases.inc by hand: it is CPython's output. Programs print no
pids, addresses or timings, only facts about them."""
import os, subprocess, sys, tempfile

cases = [
("Process runs its target in a child, and exit codes, pids and liveness are reported", r'''
import multiprocessing as mp, os, sys, time

def work(n):
    print("child", n, mp.current_process().name, os.getpid() != mp.parent_process().pid, flush=True)

def fail():
    raise ValueError("bad")

def leave(n):
    sys.exit(n)

def nap():
    time.sleep(30)

if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    p = mp.Process(target=work, args=(1,))
    print(p.name, p.exitcode, p.is_alive())
    p.start(); p.join()
    print(p.exitcode, p.is_alive(), p.pid != os.getpid(), repr(p).endswith("stopped exitcode=0>"))
    p = mp.Process(target=fail, name="Failing"); p.start(); p.join()
    print("fail", p.exitcode)
    p = mp.Process(target=leave, args=(3,)); p.start(); p.join()
    print("exit", p.exitcode)
    p = mp.Process(target=nap, daemon=True); p.start()
    p.join(0.05)
    print(p.is_alive(), p.exitcode)
    p.terminate(); p.join()
    print("terminated", p.exitcode, repr(p).endswith("exitcode=-SIGTERM daemon>"))
    print(mp.active_children())
'''),
("a failing Process prints its traceback after Process Process-N", r'''
import multiprocessing as mp

def fail(x):
    return 1 / x

if __name__ == "__main__":
    mp.set_start_method("spawn")
    p = mp.Process(target=fail, args=(0,))
    p.start(); p.join()
    print("exitcode", p.exitcode)
'''),
("the main module runs again in the child as __mp_main__", r'''
import multiprocessing as mp
print("module level:", __name__)

def where(q):
    import sys
    q.put((__name__, sys.modules['__main__'].__name__, mp.current_process().name))

if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    p = mp.Process(target=where, args=(q,))
    p.start()
    print(q.get())
    p.join()
'''),
("queues, pipes and simple queues carry pickled objects between processes", r'''
import multiprocessing as mp, queue

def produce(q, n):
    for i in range(n):
        q.put({"i": i, "sq": i * i})
    q.put(None)

def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"bye")
    conn.close()

def simple(sq):
    sq.put(sum(range(10)))

if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 4)); p.start()
    while (item := q.get()) is not None:
        print(item)
    p.join()
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,)); p.start()
    for m in (1, [2, 3], "four"):
        a.send(m)
        print(a.recv())
    a.send(None)
    print(a.recv_bytes(), a.poll(0.01) in (True, False))
    p.join()
    b.close()
    try:
        a.recv()
    except EOFError:
        print("EOFError")
    sq = mp.SimpleQueue()
    p = mp.Process(target=simple, args=(sq,)); p.start(); p.join()
    print(sq.get(), sq.empty())
'''),
("Value, Array and Lock are shared between processes", r'''
import multiprocessing as mp

def add(v, arr, lock, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    with lock:
        arr[0] += 1.5
        arr[1] = -7

if __name__ == "__main__":
    mp.set_start_method("spawn")
    v = mp.Value('q', 0)
    arr = mp.Array('d', [0.0, 1.0, 2.0])
    lock = mp.Lock()
    ps = [mp.Process(target=add, args=(v, arr, lock, 500)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, arr[:], len(arr), list(arr))
    print(v, mp.Value('i', 7), mp.RawValue('d', 2.5), mp.Value('i', 2**32 + 5, lock=False))
    c = mp.Array('c', b'hello')
    print(c.value, c.raw, c[1])
    print(mp.Lock(), mp.RLock(), mp.Semaphore(2), mp.BoundedSemaphore(3))
    r = mp.RLock()
    with r:
        with r:
            print(r)
    l = mp.Lock()
    print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01))
    l.release()
    try:
        l.release()
    except ValueError as e:
        print("ValueError", e)
'''),
("Pool maps, applies and re-raises a worker's exception in the parent", r'''
import multiprocessing as mp

def square(x):
    return x * x

def add(a, b):
    return a + b

def boom(x):
    if x == 2:
        raise KeyError(x)
    return x

if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=4))
        print(pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5, 6)), pool.apply(add, (1,), {'b': 2}))
        r = pool.apply_async(square, (9,))
        print(r.get(timeout=10), r.ready(), r.successful())
        print(pool.map_async(square, [1, 2, 3]).get())
        print(pool.starmap_async(add, [(1, 1)]).get())
        print(list(pool.imap(square, range(6))), list(pool.imap(square, range(6), chunksize=4)))
        print(sorted(pool.imap_unordered(square, range(6))))
        got = []
        pool.apply_async(square, (4,), callback=got.append).wait()
        print(got)
        try:
            pool.map(boom, range(5))
        except KeyError as e:
            print("KeyError", e, type(e.__cause__).__name__, "Traceback" in str(e.__cause__))
        errs = []
        res = pool.apply_async(boom, (2,), error_callback=errs.append)
        res.wait()
        print(res.successful(), errs)
    pool = mp.Pool(2, maxtasksperchild=2)
    print(pool.map(square, range(8), chunksize=1))
    pool.close()
    pool.join()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError", e)
    print(mp.active_children())
'''),
("Event, Condition and JoinableQueue synchronize processes", r'''
import multiprocessing as mp

def waiter(ev, q):
    ev.wait()
    q.put("woke")

def consumer(jq):
    while True:
        item = jq.get()
        jq.task_done()
        if item is None:
            break

if __name__ == "__main__":
    mp.set_start_method("spawn")
    ev = mp.Event(); q = mp.Queue()
    p = mp.Process(target=waiter, args=(ev, q)); p.start()
    print(ev.is_set())
    ev.set()
    print(q.get(), ev.is_set(), ev.wait(0))
    p.join()
    jq = mp.JoinableQueue()
    p = mp.Process(target=consumer, args=(jq,)); p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("all done")
    p.join()
    c = mp.Condition()
    with c:
        print(c.wait(0.01))
'''),
]

out = ['// Generated by gen_mp_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]

def own_frames(text):
    # Drops the traceback entries of library files (a "  File" line and
    # the indented lines after it); test_multiprocessing.cpp filters
    # glasspy's stderr the same way.
    kept, skipping = [], False
    for line in text.splitlines(True):
        if line.startswith('  File "'):
            skipping = '"test.py"' not in line
        elif not (skipping and line.startswith('    ')):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)

def cstr(s):
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'

for name, src in cases:
    src = src.lstrip("\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "test.py")
        with open(path, "w") as f:
            f.write(src)
        done = subprocess.run([sys.executable, "test.py"], capture_output=True, text=True, cwd=tmp)
        if done.returncode:
            sys.exit(name + ":\n" + done.stderr)
        # Tracebacks name the script by its absolute path and CPython's own
        # files; only the lines that mention test.py and the error are kept.
        stderr = own_frames(done.stderr.replace(path, "test.py"))
    out.append("{%s,\n %s,\n %s,\n %s},\n" % (cstr(name), cstr(src), cstr(done.stdout), cstr(stderr)))

open("mp_cases.inc", "w").write("".join(out))
print(len(cases), "cases")
