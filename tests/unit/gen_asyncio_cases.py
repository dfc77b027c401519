"""Records CPython 3.11's output (stdout, stderr and exit status) for the
asyncio and concurrent.futures programs of test_asyncio.cpp. Run with
python3.11 from this folder:
    python3 gen_asyncio_cases.py
Never edit asyncio_cases.inc by hand: it is CPython's output.

Each program runs as test.py in a scratch folder, in a process of its own
(the loop, the executors' threads and the "never retrieved" messages at
exit must all be real). Two things are rewritten after the run, never
anything else: the scratch folder's path disappears (glasspy runs the
program as "test.py"), and a standard-library path such as
.../lib/python3.11/asyncio/tasks.py becomes "<frozen asyncio.tasks>", the
name glasspy's embedded modules carry. test_asyncio.cpp then ignores the
line numbers and source lines of <frozen ...> frames on both sides, since
glasspy's library is written in its own words."""
import os, re, subprocess, sys, tempfile

cases = []


def case(tag, name, src):
    cases.append((tag, name, src))


# ---------------------------------------------------------------- asyncio
case("asyncio", "asyncio.run returns the coroutine's result and sleep orders tasks by time", r'''
import asyncio
async def work(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} end")
    return name.upper()
async def main():
    log = []
    t1 = asyncio.create_task(work("a", 0.03, log))
    t2 = asyncio.create_task(work("b", 0.01, log))
    print(await t1, await t2)
    print(log)
    print(await asyncio.sleep(0, "zero"), await asyncio.sleep(0.001, result=7))
    return 42
print(asyncio.run(main()))
print(asyncio.run(main(), debug=False))
''')

case("asyncio", "gather keeps argument order, runs awaitables together and can return exceptions", r'''
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def boom(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)
async def main():
    print(await asyncio.gather(val(1, 0.02), val(2, 0.01), val(3, 0)))
    print(await asyncio.gather())
    print(await asyncio.gather(val(1, 0), boom("bad"), return_exceptions=True))
    try:
        await asyncio.gather(val(1, 0.01), boom("first"))
    except ValueError as e:
        print("caught", e)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("f")
    coro = val(9, 0)
    print(await asyncio.gather(fut, fut, coro))
    t = asyncio.create_task(val("t", 0.01))
    g = asyncio.gather(t, asyncio.sleep(1))
    await asyncio.sleep(0)
    print(g.cancel("stop"), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e))
    c = asyncio.create_task(asyncio.sleep(1))
    g = asyncio.gather(c, val(5, 0), return_exceptions=True)
    await asyncio.sleep(0)
    c.cancel("why")
    print(await g)
asyncio.run(main())
''')

case("asyncio", "wait returns done and pending sets for each return_when", r'''
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def boom(d):
    await asyncio.sleep(d)
    raise KeyError(d)
def names(s):
    return sorted(t.get_name() for t in s)
async def main():
    ts = [asyncio.create_task(val(i, i * 0.02), name=f"v{i}") for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print(names(done), names(pending), sorted(t.result() for t in done))
    ts = [asyncio.create_task(boom(0.01), name="b"), asyncio.create_task(val(1, 0.5), name="slow")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), repr(ts[0].exception()))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print(names(done), names(pending))
    ts[1].cancel()
    for bad in [[], ts[1], val(1, 0)]:
        try:
            await asyncio.wait(bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait(ts, return_when="SOME")
    except ValueError as e:
        print(e)
    c = val(1, 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(e)
    c.close()
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
asyncio.run(main())
''')

case("asyncio", "wait_for returns in time, raises TimeoutError chained to CancelledError and cancels the inner task", r'''
import asyncio
async def slow(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise
async def main():
    print(await asyncio.wait_for(asyncio.sleep(0, "quick"), 1))
    print(await asyncio.wait_for(asyncio.sleep(0, "no limit"), None))
    log = []
    try:
        await asyncio.wait_for(slow(log), 0.01)
    except asyncio.TimeoutError as e:
        print("timeout", type(e) is TimeoutError, repr(e), repr(e.__cause__), log)
    try:
        await asyncio.wait_for(slow(log), 0)
    except TimeoutError as e:
        print("zero timeout", repr(e.__cause__), log)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(3)
    print(await asyncio.wait_for(fut, 0))
    async def fails():
        raise OSError("io")
    try:
        await asyncio.wait_for(fails(), 1)
    except OSError as e:
        print("error passes through", e)
asyncio.run(main())
''')

case("asyncio", "as_completed yields results in completion order and times out", r'''
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def main():
    for f in asyncio.as_completed([val("slow", 0.05), val("fast", 0.01), val("mid", 0.03)]):
        print(await f)
    its = asyncio.as_completed([val("a", 0.01), val("b", 1)], timeout=0.05)
    for f in its:
        try:
            print(await f)
        except asyncio.TimeoutError:
            print("timed out")
    try:
        asyncio.as_completed(val(1, 0))
    except TypeError as e:
        print(e)
    print(list(asyncio.as_completed([])))
asyncio.run(main())
''')

case("asyncio", "shield keeps the inner task running when the outer await is cancelled", r'''
import asyncio
async def inner(log):
    await asyncio.sleep(0.02)
    log.append("inner done")
    return "result"
async def waiter(t):
    return await asyncio.shield(t)
async def main():
    log = []
    t = asyncio.create_task(inner(log))
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0.005)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("outer cancelled", t.cancelled(), t.done())
    print(await t, log)
    print(await asyncio.shield(asyncio.sleep(0, "plain")))
    try:
        await asyncio.wait_for(asyncio.shield(asyncio.sleep(0.03)), 0.01)
    except TimeoutError:
        print("shielded wait_for timed out")
asyncio.run(main())
''')

case("asyncio", "cancelling a task throws CancelledError with its message into the coroutine", r'''
import asyncio
async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(("caught", e.args))
        raise
    finally:
        log.append("finally")
async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed"
async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.cancel("go away"), t.cancelling())
    print(t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees", repr(e))
    print(log, t.cancelled(), t.done(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result()", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception()", repr(e))
    s = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    n = asyncio.create_task(asyncio.sleep(1))
    n.cancel()
    try:
        await n
    except asyncio.CancelledError as e:
        print("cancelled before start", repr(e))
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    print(t.uncancel(), t.uncancel())
asyncio.run(main())
''')

case("asyncio", "a task's name, repr, callbacks, result and exception", r'''
import asyncio
async def job(x):
    await asyncio.sleep(0)
    return x * 2
async def bad():
    raise ValueError("nope")
async def main():
    me = asyncio.current_task()
    print(me.get_name(), me is asyncio.current_task(), type(me).__name__)
    t = asyncio.create_task(job(21))
    print(t.get_name(), t.done())
    t.set_name("worker")
    t.set_name(123)
    print(repr(t.get_name()))
    t.add_done_callback(lambda f: print("callback", f.result()))
    print(t)
    print(await t)
    print(t)
    print(t.result(), t.exception(), t.done(), t.cancelled())
    await asyncio.sleep(0)
    b = asyncio.create_task(bad(), name="B")
    await asyncio.sleep(0)
    print(b)
    print(repr(b.exception()))
    try:
        b.result()
    except ValueError as e:
        print("result raised", e)
    u = asyncio.create_task(job(1))
    try:
        u.result()
    except asyncio.InvalidStateError as e:
        print(e)
    try:
        u.exception()
    except asyncio.InvalidStateError as e:
        print(e)
    for op in (u.set_result, u.set_exception):
        try:
            op(1)
        except RuntimeError as e:
            print(e)
    await u
    print(type(u.get_coro()).__name__, u.get_loop() is asyncio.get_running_loop())
    print(asyncio.Task.__mro__, asyncio.Future.__module__, type(t))
    print(len(asyncio.all_tasks()), asyncio.all_tasks() == {me})
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print(e)
asyncio.run(main())
''')

case("asyncio", "futures: results, exceptions, callbacks in order, states and errors", r'''
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f, f.done(), f.cancelled(), asyncio.isfuture(f), asyncio.isfuture(1))
    f.add_done_callback(lambda x: print("cb1", x.result()))
    f.add_done_callback(print)
    def cb3(x):
        print("cb3")
    f.add_done_callback(cb3)
    print(f.remove_done_callback(cb3), f.remove_done_callback(cb3))
    loop.call_soon(f.set_result, [1] * 10)
    print(await f)
    await asyncio.sleep(0)
    for op in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
        try:
            op()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError", e)
    print(f.cancel())
    g = loop.create_future()
    for bad in (StopIteration, StopIteration(), 1):
        try:
            g.set_exception(bad)
        except TypeError as e:
            print(e)
    g.set_exception(KeyError)
    print(g, repr(g.exception()))
    try:
        await g
    except KeyError:
        print("await raised KeyError")
    h = loop.create_future()
    print(h.cancel(msg="m"), h.cancel(), h)
    try:
        await h
    except asyncio.CancelledError as e:
        print(repr(e))
    w = asyncio.wrap_future(h)
    print(w is h)
    print(asyncio.InvalidStateError.__mro__)
asyncio.run(main())
''')

case("asyncio", "iscoroutine and iscoroutinefunction tell coroutines apart", r'''
import asyncio
async def coro_f():
    pass
def gen_f():
    yield
c = coro_f()
print(asyncio.iscoroutinefunction(coro_f), asyncio.iscoroutinefunction(gen_f), asyncio.iscoroutinefunction(print))
print(asyncio.iscoroutine(c), asyncio.iscoroutine(gen_f()), asyncio.iscoroutine(coro_f), asyncio.iscoroutine(1))
c.close()
''')

case("asyncio", "event loop calls: call_soon order, call_later and call_at, handles and time", r'''
import asyncio
loop = asyncio.new_event_loop()
print(loop, loop.is_running(), loop.is_closed(), loop.get_debug())
out = []
loop.call_soon(out.append, "soon1")
h = loop.call_soon(out.append, "cancelled")
loop.call_soon(out.append, "soon2")
h.cancel()
print(h.cancelled(), h)
t = loop.time()
loop.call_later(0.02, out.append, "later 0.02")
loop.call_later(0.01, out.append, "later 0.01")
loop.call_at(t + 0.015, out.append, "at 0.015")
th = loop.call_later(0.005, out.append, "timer cancelled")
th.cancel()
print(type(th).__name__, th.cancelled(), th.when() > t)
loop.call_later(0.03, loop.stop)
loop.run_forever()
print(out)
print(loop.time() - t >= 0.03)
def cb(*args):
    print("cb", args, asyncio.get_event_loop() is loop)
loop.call_soon(cb, 1, 2)
fut = loop.create_future()
loop.call_later(0.001, fut.set_result, "done")
print(loop.run_until_complete(fut))
async def coro():
    return asyncio.get_running_loop() is loop
print(loop.run_until_complete(coro()))
for bad in (lambda: loop.call_later(None, print), lambda: loop.call_at(None, print), lambda: loop.run_until_complete(5)):
    try:
        bad()
    except TypeError as e:
        print(e)
async def nested():
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print(e)
    c = coro()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print(e)
    c.close()
loop.run_until_complete(nested())
loop.close()
print(loop)
try:
    loop.call_soon(print)
except RuntimeError as e:
    print(e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
''')

case("asyncio", "get_event_loop, set_event_loop and new_event_loop outside a running loop", r'''
import asyncio
l1 = asyncio.get_event_loop()
print(l1 is asyncio.get_event_loop(), type(l1).__name__, isinstance(l1, asyncio.AbstractEventLoop))
l2 = asyncio.new_event_loop()
print(l2 is l1)
asyncio.set_event_loop(l2)
print(asyncio.get_event_loop() is l2)
f = asyncio.Future()
print(f.get_loop() is l2)
try:
    asyncio.set_event_loop(5)
except TypeError as e:
    print(e)
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
l1.close(); l2.close()
print(type(asyncio.get_event_loop_policy()).__name__)
''')

case("asyncio", "asyncio queues: FIFO, LIFO, priority, limits, task_done and join", r'''
import asyncio
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, q.qsize())
async def consumer(q, n):
    for _ in range(n):
        item = await q.get()
        print("got", item)
        q.task_done()
async def main():
    q = asyncio.Queue(maxsize=2)
    print(q, q.maxsize, q.empty(), q.full())
    await asyncio.gather(producer(q, 4), consumer(q, 4))
    await q.join()
    print("joined")
    for cls in (asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        for x in (3, 1, 2):
            q.put_nowait(x)
        print(cls.__name__, str(q), [q.get_nowait() for _ in range(3)])
    q = asyncio.Queue(1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", q.full(), str(q))
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print(e)
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out", str(q))
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait("late")
    print(await getter)
    print(asyncio.Queue[int])
asyncio.run(main())
''')

case("asyncio", "Lock, Event, Condition and Semaphore hand over in order", r'''
import asyncio
async def locker(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.001)
        log.append(f"{name} out")
async def main():
    lock = asyncio.Lock()
    log = []
    print(str(lock).split()[-1], lock.locked())
    await asyncio.gather(*(locker(lock, n, log) for n in "abc"))
    print(log)
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(lock.locked(), repr(lock).split(" [")[1])
    lock.release()
    await t
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)
    ev = asyncio.Event()
    print(ev.is_set(), repr(ev).split(" [")[1])
    async def waiter(i):
        await ev.wait()
        return i
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(ev).split(" [")[1])
    ev.set()
    print(await asyncio.gather(*ws), ev.is_set(), await ev.wait())
    ev.clear()
    print(ev.is_set())
    cond = asyncio.Condition()
    items = []
    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            return (i, items.pop())
    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    for x in ("x", "y"):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0)
    print(await asyncio.gather(*cs))
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)
    sem = asyncio.Semaphore(2)
    active = []
    peak = []
    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.001)
            active.remove(i)
    print(repr(sem).split(" [")[1])
    await asyncio.gather(*(limited(i) for i in range(5)))
    print(max(peak), sem.locked(), repr(sem).split(" [")[1])
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(e)
asyncio.run(main())
''')

case("asyncio", "Barrier releases its parties together and can be aborted", r'''
import asyncio
async def party(b, i, log):
    log.append(f"{i} arrives")
    idx = await b.wait()
    log.append(f"{i} leaves")
    return idx
async def main():
    b = asyncio.Barrier(3)
    print(repr(b).split(" [")[1], b.parties, b.n_waiting, b.broken)
    log = []
    print(sorted(await asyncio.gather(*(party(b, i, log) for i in range(3)))))
    print(log)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(b.n_waiting)
    await b.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("broken", e, b.broken)
asyncio.run(main())
''')

case("asyncio", "TaskGroup waits for its tasks and gathers their failures into an ExceptionGroup", r'''
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)
async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(val(1, 0.01))
        t2 = tg.create_task(val(2, 0), name="two")
        print(repr(tg))
    print(t1.result(), t2.result(), t2.get_name(), repr(tg))
    log = []
    async def slow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append("slow cancelled")
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("a", 0.01))
            tg.create_task(fail("b", 0.01))
            tg.create_task(slow())
    except* ValueError as eg:
        print(repr(eg), sorted(str(e) for e in eg.exceptions), log)
    try:
        tg.create_task(val(1, 0))
    except RuntimeError as e:
        print(e)
    c = val(1, 0)
    try:
        asyncio.TaskGroup().create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(val(1, 0.05))
            1 / 0
    except* ZeroDivisionError as eg:
        print("body error", repr(eg))
asyncio.run(main())
''')

case("asyncio", "an ExceptionGroup from a TaskGroup leaves asyncio.run with CPython's traceback", r'''
import asyncio
async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("one"))
        tg.create_task(fail("two"))
asyncio.run(main())
''')

case("asyncio", "asyncio.timeout and timeout_at raise TimeoutError and can be rescheduled", r'''
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print(cm.expired(), repr(cm))
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("expired", cm.expired(), repr(e), repr(e.__cause__), repr(cm))
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        cm.reschedule(loop.time() + 10)
        print(cm.when() > loop.time())
        await asyncio.sleep(0)
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            cm.reschedule(loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("past deadline")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)
    print(asyncio.current_task().cancelling())
asyncio.run(main())
''')

case("asyncio", "an exception leaving asyncio.run shows the coroutine frames under the loop's", r'''
import asyncio
async def inner():
    await asyncio.sleep(0)
    raise KeyError("missing")
async def main():
    print("start")
    await inner()
asyncio.run(main())
''')

case("asyncio", "a TimeoutError from wait_for leaves asyncio.run with both chained tracebacks", r'''
import asyncio
async def main():
    await asyncio.wait_for(asyncio.sleep(10), 0.01)
asyncio.run(main())
''')

case("asyncio", "a cancelled main task leaves asyncio.run as CancelledError", r'''
import asyncio
async def main():
    asyncio.current_task().cancel("enough")
    await asyncio.sleep(1)
asyncio.run(main())
''')

case("asyncio", "an unretrieved task exception is logged when the task is destroyed", r'''
import asyncio, gc
async def bad(n):
    raise ValueError(n)
async def main():
    t = asyncio.create_task(bad(1))
    await asyncio.sleep(0)
    print("done:", t.done())
    del t
    gc.collect()
    print("after del")
    asyncio.create_task(bad(2), name="fire-and-forget")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    f = asyncio.get_running_loop().create_future()
    f.set_exception(OSError("lost"))
    del f
    print("end")
asyncio.run(main())
''')

case("asyncio", "a coroutine that is never awaited warns when it is destroyed", r'''
import asyncio
async def job():
    return 1
async def main():
    job()
    print("after")
asyncio.run(main())
''')

case("asyncio", "an exception in a callback goes to the exception handler", r'''
import asyncio
def bad_callback(x):
    raise RuntimeError(f"callback {x}")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0)
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((lp is loop, ctx["message"], repr(ctx["exception"]))))
    print(loop.get_exception_handler() is not None)
    loop.call_soon(bad_callback, 2)
    await asyncio.sleep(0)
    print(seen)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "custom message", "extra": [1, 2]})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print(e)
asyncio.run(main())
''')

case("asyncio", "tasks left running when main returns are cancelled by asyncio.run", r'''
import asyncio
async def forever(log):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        log.append("cancelled at shutdown")
        raise
log = []
async def main():
    asyncio.create_task(forever(log))
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))
    return "main done"
print(asyncio.run(main()), log)
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen closed")
async def main2():
    async for x in agen():
        print(x)
        break
asyncio.run(main2())
''')

case("asyncio", "run_in_executor and to_thread run blocking calls in threads", r'''
import asyncio, threading, time, concurrent.futures
def blocking(x):
    time.sleep(0.01)
    return x * 10, threading.current_thread() is threading.main_thread()
def named():
    return threading.current_thread().name
def fails():
    raise ValueError("in thread")
async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 4))
    print(await asyncio.to_thread(blocking, 5))
    print(await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(4))))
    print((await loop.run_in_executor(None, named)).startswith("asyncio_"))
    with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="mine") as ex:
        print(await loop.run_in_executor(ex, named))
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print("to_thread raised", e)
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
asyncio.run(main())
print("after run", threading.active_count())
''')

case("asyncio", "run_coroutine_threadsafe and call_soon_threadsafe wake the loop from another thread", r'''
import asyncio, threading
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def main():
    loop = asyncio.get_running_loop()
    results = []
    def worker():
        fut = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
        results.append(fut.result(timeout=5))
        loop.call_soon_threadsafe(done.set_result, "woken")
    done = loop.create_future()
    th = threading.Thread(target=worker)
    th.start()
    print(await done, results)
    th.join()
    try:
        asyncio.run_coroutine_threadsafe(5, loop)
    except TypeError as e:
        print(e)
asyncio.run(main())
''')

case("asyncio", "contextvars: each task runs in a copy of the context", r'''
import asyncio, contextvars
var = contextvars.ContextVar("var", default="default")
async def child(name):
    before = var.get()
    var.set(name)
    await asyncio.sleep(0)
    return before, var.get()
async def main():
    var.set("main")
    print(await asyncio.gather(child("a"), child("b")))
    print(var.get())
    ctx = contextvars.copy_context()
    t = asyncio.create_task(child("c"), context=ctx)
    print(await t, ctx[var], var.get())
    tok = var.set("temp")
    var.reset(tok)
    print(var.get(), var.name, tok.var is var, tok.old_value)
    print(contextvars.ContextVar("x").get("fallback"))
    try:
        contextvars.ContextVar("y").get()
    except LookupError:
        print("LookupError")
    ctx2 = contextvars.Context()
    print(ctx2.run(var.get), len(ctx2), var in ctx, list(ctx2.keys()))
asyncio.run(main())
''')

case("asyncio", "an async generator and async comprehension under the loop", r'''
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def main():
    print([x async for x in ticker(4)])
    results = await asyncio.gather(*(asyncio.sleep(0.001 * i, result=i) for i in range(5)))
    print(results)
    async def slow_iter():
        async for x in ticker(3):
            yield x * x
    agen = slow_iter()
    print(await agen.__anext__(), await anext(agen), await anext(agen))
    print(await anext(agen, "end"))
asyncio.run(main())
''')

case("asyncio", "Runner runs several coroutines on one loop", r'''
import asyncio
async def get_loop():
    return asyncio.get_running_loop()
with asyncio.Runner() as runner:
    l1 = runner.run(get_loop())
    l2 = runner.run(get_loop())
    print(l1 is l2, l1 is runner.get_loop(), l1.is_closed())
print(l1.is_closed())
try:
    runner.run(asyncio.sleep(0))
except RuntimeError as e:
    print(e)
try:
    asyncio.run(5)
except ValueError as e:
    print(e)
''')

# ------------------------------------------------------- concurrent.futures
case("futures", "ThreadPoolExecutor runs submitted calls and maps in order", r'''
import concurrent.futures as cf, threading, time, os
def square(x):
    time.sleep(0.001 * (5 - x))
    return x * x
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(square, i) for i in range(5)]
    print([f.result() for f in futs])
    print(list(ex.map(square, range(5))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    print(ex.submit(sorted, [3, 1, 2], reverse=True).result())
    print(ex._max_workers, len(ex._threads) <= 3)
print(cf.ThreadPoolExecutor()._max_workers == min(32, os.cpu_count() + 4))
try:
    cf.ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
try:
    cf.ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print(e)
try:
    ex.submit(print)
except RuntimeError as e:
    print(e)
print(sorted(cf.__all__))
print(cf.ThreadPoolExecutor.__module__, cf.Future.__module__, issubclass(cf.ThreadPoolExecutor, cf.Executor))
''')

case("futures", "worker threads are named after the prefix and run the initializer", r'''
import concurrent.futures as cf, threading
seen = []
def init(tag):
    seen.append((tag, threading.current_thread().name))
def name():
    return threading.current_thread().name
ev = threading.Event()
def block():
    ev.wait()
    return threading.current_thread().name
with cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool", initializer=init, initargs=("T",)) as ex:
    a = ex.submit(block)
    b = ex.submit(block)
    ev.set()
    print(sorted([a.result(), b.result()]))
print(sorted(seen))
ex = cf.ThreadPoolExecutor(max_workers=1)
print(ex.submit(name).result().startswith("ThreadPoolExecutor-"), ex.submit(name).result().endswith("_0"))
ex.shutdown()
def bad_init():
    raise ValueError("init failed")
ex = cf.ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = ex.submit(name)
try:
    f.result()
except cf.BrokenExecutor as e:
    print(type(e).__name__, e)
try:
    ex.submit(name)
except cf.BrokenExecutor as e:
    print("submit:", type(e).__name__)
ex.shutdown()
''')

case("futures", "futures report state, exceptions, cancellation and callbacks", r'''
import concurrent.futures as cf, threading, re
def mask(r):
    return re.sub(" at 0x[0-9a-f]+", " at ADDR", repr(r))
f = cf.Future()
print(mask(f), f.done(), f.running(), f.cancelled())
f.add_done_callback(lambda x: print("callback", mask(x)))
print(f.set_running_or_notify_cancel(), mask(f), f.cancel())
f.set_result([1])
print(f.result(), f.exception(), f.done())
try:
    f.set_result(2)
except cf.InvalidStateError as e:
    print(type(e).__name__, mask(e))
g = cf.Future()
g.set_exception(KeyError("k"))
print(mask(g), repr(g.exception()))
try:
    g.result()
except KeyError as e:
    print("raised", e)
h = cf.Future()
print(h.cancel(), h.cancelled(), mask(h), h.cancel())
try:
    h.result()
except cf.CancelledError as e:
    print("CancelledError", repr(e))
print(h.set_running_or_notify_cancel(), mask(h))
h.add_done_callback(lambda x: print("late callback", x.cancelled()))
t = cf.Future()
try:
    t.result(timeout=0.01)
except cf.TimeoutError as e:
    print("TimeoutError", type(e) is TimeoutError)
try:
    t.exception(timeout=0)
except TimeoutError:
    print("exception() timed out")
print(cf.CancelledError.__mro__, cf.InvalidStateError.__mro__, cf.BrokenExecutor.__mro__)
print(cf.Future[int])
''')

case("futures", "as_completed and wait over thread pool futures", r'''
import concurrent.futures as cf, threading
events = [threading.Event() for _ in range(3)]
def job(i):
    events[i].wait()
    if i == 1:
        raise ValueError(i)
    return i
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(job, i) for i in range(3)]
    done, not_done = cf.wait(futs, timeout=0.01)
    print(len(done), len(not_done))
    events[2].set()
    done, not_done = cf.wait(futs, return_when=cf.FIRST_COMPLETED)
    print([futs.index(f) for f in done], sorted(futs.index(f) for f in not_done))
    events[1].set()
    r = cf.wait(futs, return_when=cf.FIRST_EXCEPTION)
    print(sorted(futs.index(f) for f in r.done), type(r).__name__)
    it = cf.as_completed(futs, timeout=0.05)
    got = []
    try:
        for f in it:
            got.append(futs.index(f))
    except cf.TimeoutError as e:
        print("as_completed:", e, sorted(got))
    events[0].set()
    order = []
    for f in cf.as_completed(futs):
        order.append(f.exception() is None)
    print(sorted(order))
    done, not_done = cf.wait(futs)
    print(len(done), len(not_done))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
''')

case("futures", "map with a timeout, shutdown with cancel_futures, and errors from results", r'''
import concurrent.futures as cf, threading, time
gate = threading.Event()
def wait_gate(i):
    gate.wait()
    return i
ex = cf.ThreadPoolExecutor(max_workers=1)
it = ex.map(wait_gate, range(3), timeout=0.02)
try:
    list(it)
except cf.TimeoutError:
    print("map timed out")
gate.set()
ex.shutdown(wait=True)
gate.clear()
ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(wait_gate, 0)
rest = [ex.submit(wait_gate, i) for i in range(1, 4)]
time.sleep(0.01)
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print(first.result(), [f.cancelled() for f in rest])
def boom(x):
    raise ZeroDivisionError(f"bad {x}")
with cf.ThreadPoolExecutor() as ex:
    try:
        list(ex.map(boom, [1]))
    except ZeroDivisionError as e:
        print("map raised", e)
    f = ex.submit(boom, 2)
    print(repr(f.exception()))
''')

case("futures", "an exception from Future.result shows the worker's frames in its traceback", r'''
import concurrent.futures as cf
def work(x):
    return 10 / x
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(work, 0)
    f.result()
''')

case("futures", "ProcessPoolExecutor is listed but imported only on first use", r'''
import sys, concurrent.futures as cf
print("ProcessPoolExecutor" in dir(cf), "ProcessPoolExecutor" in cf.__all__)
print("concurrent.futures.process" in sys.modules, "concurrent.futures.thread" in sys.modules)
try:
    cf.NoSuchExecutor
except AttributeError as e:
    print(e)
''')

case("futures", "the interpreter waits for pool workers at exit", r'''
import concurrent.futures as cf, time
def late():
    time.sleep(0.02)
    print("worker finished")
ex = cf.ThreadPoolExecutor(max_workers=1)
ex.submit(late)
print("main done")
''')


# ---------------------------------------------------------------- runner
def cstr(s):
    # A raw string literal that cannot contain its delimiter.
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'


def stdlib_names(text):
    # /.../lib/python3.11/asyncio/tasks.py -> <frozen asyncio.tasks>
    def frozen(m):
        name = m.group(1)
        if name.endswith("/__init__"):
            name = name[:-len("/__init__")]
        return "<frozen %s>" % name.replace("/", ".")
    return re.sub(r"/[^\s\"':]*/lib/python3\.11/([\w/]+)\.py", frozen, text)


if __name__ == "__main__":
    out = ['// Generated by gen_asyncio_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]
    for tag, name, src in cases:
        src = src.lstrip("\n")
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "test.py"), "w") as f:
                f.write(src)
            done = subprocess.run([sys.executable, "test.py"], capture_output=True, text=True, cwd=tmp,
                                  env=dict(os.environ, PYTHONHASHSEED="0"), timeout=60)
            real = os.path.realpath(tmp)
            texts = []
            for t in (done.stdout, done.stderr):
                t = t.replace(real + "/test.py", "test.py").replace(tmp + "/test.py", "test.py")
                texts.append(stdlib_names(t))
        out.append("{%s, %s,\n %s,\n %s,\n %s, %d},\n" % (cstr(tag), cstr(name), cstr(src), cstr(texts[0]),
                                                       cstr(texts[1]), done.returncode))
    open("asyncio_cases.inc", "w").write("".join(out))
    print(len(cases), "cases")
