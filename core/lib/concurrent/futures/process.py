"""ProcessPoolExecutor: calls run in a pool of worker processes.

The shape is CPython's Lib/concurrent/futures/process.py; the workers are
glasspy's child processes (core/lib/multiprocessing: an isolated
interpreter on its own OS thread, started with spawn semantics), so a
CPU-bound function submitted twice really runs on two cores.

    submit()                 manager thread (parent)             workers
    --------                 -----------------------             -------
    work item + future  ->   work ids  -> call queue (bounded) -> fn(*args)
    (pending dict)           results  <-  result queue        <- result item

- submit() files a _WorkItem under a fresh work id, puts the id on the
  work-id queue, starts a worker if none is idle (up to max_workers) and
  wakes the manager thread.
- The manager moves work items into the call queue while it has room
  (max_workers + EXTRA_QUEUED_CALLS: an item in it can no longer be
  cancelled), marking each future running, and completes the futures as
  result items come back.
- Everything the manager waits for arrives on the one result queue: the
  results, a None that wakes it (new work, shutdown, the executor
  collected, interpreter exit), the pid of a worker that left when told
  to, and a _WorkerEnded notice that the C++ side posts when a worker
  process has ended (_glasspy_mp.child_on_exit) — CPython waits on the
  process sentinels beside its pipes instead. A worker that ends without
  having been told to (os._exit(), a failing initializer, terminate())
  breaks the pool: every pending future gets BrokenProcessPool.
- An exception raised in a worker travels back pickled with the worker's
  traceback text attached; in the parent it is the __cause__
  (_RemoteTraceback) of the exception that result() raises.
"""

__author__ = 'Brian Quinlan (brian@sweetapp.com)'

import itertools
import os
import queue
import sys
import threading
import weakref
from functools import partial
from traceback import format_exception

from concurrent.futures import _base
import multiprocessing as mp
import multiprocessing.connection
from multiprocessing.queues import Queue
from multiprocessing.reduction import ForkingPickler

import _glasspy_mp


# Each live manager thread and its wakeup, so that interpreter exit can wake
# them all and wait for them (before non-daemon threads are joined).
_threads_wakeups = weakref.WeakKeyDictionary()
_global_shutdown = False


class _ThreadWakeup:
    """Wakes the manager thread: a None on the result queue it waits on."""

    def __init__(self, result_queue):
        self._closed = False
        self._queue = result_queue

    def close(self):
        self._closed = True

    def wakeup(self):
        if not self._closed:
            self._queue.put(None)

    def clear(self):
        pass


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    items = list(_threads_wakeups.items())
    for _, thread_wakeup in items:
        thread_wakeup.wakeup()
    for t, _ in items:
        t.join()


# Runs before threading joins the non-daemon threads at exit.
threading._register_atexit(_python_exit)

# How many calls may wait in the call queue beyond one per worker: more keeps
# the workers busier, fewer lets Future.cancel() succeed more often.
EXTRA_QUEUED_CALLS = 1

# Kept for programs that read it; only Windows has the limit.
_MAX_WINDOWS_WORKERS = 63 - 2


class _RemoteTraceback(Exception):
    # Its str() is the worker's traceback, so that the parent's report of
    # the re-raised exception shows it as "the direct cause".
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    # What a worker sends for an exception: unpickled in the parent, it
    # becomes the exception itself with the traceback text as its cause.
    def __init__(self, exc, tb):
        text = ''.join(format_exception(type(exc), exc, tb))
        self.exc = exc
        # The frames would keep every local of the failed call alive.
        self.exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class _WorkItem(object):
    # A submitted call, in the parent, until its future is completed.
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _ResultItem(object):
    # A worker's answer for one work id. exit_pid is set when the worker
    # leaves after it (max_tasks_per_child reached).
    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id = work_id
        self.exception = exception
        self.result = result
        self.exit_pid = exit_pid


class _CallItem(object):
    # A call on its way to a worker.
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _WorkerEnded(object):
    # Posted on the result queue by the runtime when a worker process has
    # ended, however it ended.
    def __init__(self, pid):
        self.pid = pid


class _SafeQueue(Queue):
    """The call queue: a call whose pickling fails fails its own future."""

    def __init__(self, max_size=0, *, ctx, pending_work_items, shutdown_lock,
                 thread_wakeup):
        self.pending_work_items = pending_work_items
        self.shutdown_lock = shutdown_lock
        self.thread_wakeup = thread_wakeup
        super().__init__(max_size, ctx=ctx)

    def _on_queue_feeder_error(self, e, obj):
        # glasspy pickles in put() itself, so this runs in the manager thread
        # (CPython: in the queue's feeder thread).
        if isinstance(obj, _CallItem):
            tb = format_exception(type(e), e, e.__traceback__)
            e.__cause__ = _RemoteTraceback('\n"""\n{}"""'.format(''.join(tb)))
            work_item = self.pending_work_items.pop(obj.work_id, None)
            # None: the pool broke meanwhile and failed every item already.
            if work_item is not None:
                work_item.future.set_exception(e)
        else:
            raise e


def _get_chunks(*iterables, chunksize):
    """The zip() of the iterables, cut into tuples of chunksize items."""
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    """Runs fn over one chunk of map()'s arguments, in a worker."""
    return [fn(*args) for args in chunk]


def _sendback_result(result_queue, work_id, result=None, exception=None,
                     exit_pid=None):
    """Puts a result item on the queue; one that cannot be pickled is
    replaced by the pickling error."""
    try:
        result_queue.put(_ResultItem(work_id, result=result,
                                     exception=exception, exit_pid=exit_pid))
    except BaseException as e:
        exc = _ExceptionWithTraceback(e, e.__traceback__)
        result_queue.put(_ResultItem(work_id, exception=exc,
                                     exit_pid=exit_pid))


def _process_worker(call_queue, result_queue, initializer, initargs, max_tasks=None):
    """The body of each worker process: run calls from call_queue and put
    their results on result_queue until a None arrives (or max_tasks calls
    were run)."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            # Ending here breaks the pool: the parent sees a worker gone
            # that was never told to go.
            return
    num_tasks = 0
    exit_pid = None
    while True:
        call_item = call_queue.get(block=True)
        if call_item is None:
            # Told to leave: say so, so that the parent does not take the
            # ending for a crash.
            result_queue.put(os.getpid())
            return

        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                exit_pid = os.getpid()

        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:
            exc = _ExceptionWithTraceback(e, e.__traceback__)
            _sendback_result(result_queue, call_item.work_id, exception=exc,
                             exit_pid=exit_pid)
        else:
            _sendback_result(result_queue, call_item.work_id, result=r,
                             exit_pid=exit_pid)
            del r

        # Drop the arguments now rather than when the next call arrives.
        del call_item

        if exit_pid is not None:
            return


class _ExecutorManagerThread(threading.Thread):
    """The parent's thread that feeds the workers and completes futures.

    It holds the executor only through a weak reference, so that an
    executor nobody uses any more can be collected; its collection wakes
    this thread, which then shuts the workers down."""

    def __init__(self, executor):
        self.thread_wakeup = executor._executor_manager_thread_wakeup
        self.shutdown_lock = executor._shutdown_lock

        def weakref_cb(_, thread_wakeup=self.thread_wakeup,
                       shutdown_lock=self.shutdown_lock):
            with shutdown_lock:
                thread_wakeup.wakeup()

        self.executor_reference = weakref.ref(executor, weakref_cb)
        # The same objects as the executor's (pid -> Process, and so on).
        self.processes = executor._processes
        self.call_queue = executor._call_queue
        self.result_queue = executor._result_queue
        self.work_ids_queue = executor._work_ids
        self.max_tasks_per_child = executor._max_tasks_per_child
        self.pending_work_items = executor._pending_work_items
        super().__init__()

    def run(self):
        while True:
            self.add_call_item_to_queue()

            result_item, is_broken, cause = self.wait_result_broken_or_wakeup()

            if is_broken:
                self.terminate_broken(cause)
                return
            if result_item is not None:
                self.process_result_item(result_item)

                process_exited = result_item.exit_pid is not None
                if process_exited:
                    p = self.processes.pop(result_item.exit_pid)
                    p.join()

                del result_item

                if executor := self.executor_reference():
                    if process_exited:
                        with self.shutdown_lock:
                            executor._adjust_process_count()
                    else:
                        executor._idle_worker_semaphore.release()
                    del executor

            if self.is_shutting_down():
                self.flag_executor_shutting_down()

                # With only cancelled futures left the next wait would never
                # end: queue what can still run.
                self.add_call_item_to_queue()

                # Nothing can be submitted any more: done once all is done.
                if not self.pending_work_items:
                    self.join_executor_internals()
                    return

    def add_call_item_to_queue(self):
        # Moves work into the call queue while it has room; never blocks.
        while True:
            if self.call_queue.full():
                return
            try:
                work_id = self.work_ids_queue.get(block=False)
            except queue.Empty:
                return
            work_item = self.pending_work_items[work_id]
            if work_item.future.set_running_or_notify_cancel():
                call_item = _CallItem(work_id, work_item.fn,
                                      work_item.args, work_item.kwargs)
                try:
                    self.call_queue.put(call_item, block=True)
                except BaseException as e:
                    self.call_queue._on_queue_feeder_error(e, call_item)
            else:
                del self.pending_work_items[work_id]

    def wait_result_broken_or_wakeup(self):
        # The next thing the result queue brings: (result item, is the pool
        # broken, the cause's formatted traceback). A wakeup gives
        # (None, False, None).
        while True:
            try:
                item = self.result_queue.get()
            except BaseException as e:
                # A result that cannot be unpickled here breaks the pool.
                return None, True, format_exception(type(e), e, e.__traceback__)
            if isinstance(item, _WorkerEnded):
                if item.pid not in self.processes:
                    continue        # it had said it was leaving
                return None, True, None
            if isinstance(item, int):
                # A worker that was told to leave has left.
                p = self.processes.pop(item, None)
                if p is not None:
                    p.join()
                continue
            return item, False, None

    def process_result_item(self, result_item):
        # Completes the future of a result item (it may be gone already if
        # the pool broke).
        work_item = self.pending_work_items.pop(result_item.work_id, None)
        if work_item is not None:
            if result_item.exception:
                work_item.future.set_exception(result_item.exception)
            else:
                work_item.future.set_result(result_item.result)

    def is_shutting_down(self):
        # True once nothing more can be submitted: interpreter exit, the
        # executor collected, or shut down.
        executor = self.executor_reference()
        return (_global_shutdown or executor is None
                or executor._shutdown_thread)

    def terminate_broken(self, cause):
        # A worker died: fail every pending future, stop the other workers.
        executor = self.executor_reference()
        if executor is not None:
            executor._broken = ('A child process terminated '
                                'abruptly, the process pool is not '
                                'usable anymore')
            executor._shutdown_thread = True
            executor = None

        bpe = BrokenProcessPool("A process in the process pool was "
                                "terminated abruptly while the future was "
                                "running or pending.")
        if cause is not None:
            bpe.__cause__ = _RemoteTraceback(
                f"\n'''\n{''.join(cause)}'''")

        for work_id, work_item in self.pending_work_items.items():
            work_item.future.set_exception(bpe)
            del work_item
        self.pending_work_items.clear()

        # The survivors may be in the middle of anything: stop them.
        for p in self.processes.values():
            p.terminate()

        self.join_executor_internals()

    def flag_executor_shutting_down(self):
        # Marks the executor shut down and, if shutdown(cancel_futures=True)
        # asked for it, cancels every future that has not started.
        executor = self.executor_reference()
        if executor is not None:
            executor._shutdown_thread = True
            if executor._cancel_pending_futures:
                still_pending = {}
                for work_id, work_item in self.pending_work_items.items():
                    if not work_item.future.cancel():
                        still_pending[work_id] = work_item
                # The dict is shared with the executor: change it in place.
                self.pending_work_items.clear()
                self.pending_work_items.update(still_pending)
                while True:
                    try:
                        self.work_ids_queue.get_nowait()
                    except queue.Empty:
                        break
                executor._cancel_pending_futures = False

    def shutdown_workers(self):
        # One None per live worker; the queue may be full for a while.
        n_children_to_stop = self.get_n_children_alive()
        n_sentinels_sent = 0
        while (n_sentinels_sent < n_children_to_stop
                and self.get_n_children_alive() > 0):
            for i in range(n_children_to_stop - n_sentinels_sent):
                try:
                    self.call_queue.put_nowait(None)
                    n_sentinels_sent += 1
                except queue.Full:
                    break

    def join_executor_internals(self):
        self.shutdown_workers()
        self.call_queue.close()
        self.call_queue.join_thread()
        with self.shutdown_lock:
            self.thread_wakeup.close()
        for p in self.processes.values():
            p.join()

    def get_n_children_alive(self):
        # An upper bound on how many workers are alive.
        return sum(p.is_alive() for p in self.processes.values())


_system_limits_checked = False
_system_limited = None


def _check_system_limits():
    # CPython checks for POSIX semaphores; glasspy's are its own.
    global _system_limits_checked
    _system_limits_checked = True


def _chain_from_iterable_of_lists(iterable):
    """Yields the items of each list in turn, keeping no reference to an
    item once it is yielded."""
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers. This
                object should provide SimpleQueue, Queue and Process. Useful
                to allow specific multiprocessing start methods.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process. The default of None means worker process will
                live as long as the executor. Requires a non-'fork' mp_context
                start method. When given, we default to using 'spawn' if no
                mp_context is supplied.
        """
        _check_system_limits()

        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        self._mp_context = mp_context

        # Always true here: every glasspy child is spawned, so workers can
        # be started one by one as work arrives.
        self._safe_to_dynamically_spawn_children = (
                self._mp_context.get_start_method(allow_none=False) != "fork")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_tasks_per_child = max_tasks_per_child

        self._executor_manager_thread = None

        # pid -> Process of each worker.
        self._processes = {}

        # Shutdown happens in two steps: this flag, then the manager thread
        # stopping the workers once the pending work is done.
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        # Released by the manager for each finished call: a worker is idle.
        self._idle_worker_semaphore = threading.Semaphore(0)
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._cancel_pending_futures = False

        # The workers get calls from a small bounded queue (an item in it
        # can no longer be cancelled) and answer on one unbounded queue,
        # which also carries the manager's wakeups.
        self._result_queue = mp_context.SimpleQueue()
        self._executor_manager_thread_wakeup = _ThreadWakeup(self._result_queue)
        queue_size = self._max_workers + EXTRA_QUEUED_CALLS
        self._call_queue = _SafeQueue(
            max_size=queue_size, ctx=self._mp_context,
            pending_work_items=self._pending_work_items,
            shutdown_lock=self._shutdown_lock,
            thread_wakeup=self._executor_manager_thread_wakeup)
        self._call_queue._ignore_epipe = True
        self._work_ids = queue.Queue()

    def _start_executor_manager_thread(self):
        if self._executor_manager_thread is None:
            if not self._safe_to_dynamically_spawn_children:
                self._launch_processes()
            self._executor_manager_thread = _ExecutorManagerThread(self)
            self._executor_manager_thread.start()
            _threads_wakeups[self._executor_manager_thread] = \
                self._executor_manager_thread_wakeup

    def _adjust_process_count(self):
        # A worker is idle: it takes the new call.
        if self._idle_worker_semaphore.acquire(blocking=False):
            return

        process_count = len(self._processes)
        if process_count < self._max_workers:
            self._spawn_process()

    def _launch_processes(self):
        for _ in range(len(self._processes), self._max_workers):
            self._spawn_process()

    def _spawn_process(self):
        p = self._mp_context.Process(
            target=_process_worker,
            args=(self._call_queue,
                  self._result_queue,
                  self._initializer,
                  self._initargs,
                  self._max_tasks_per_child))
        p.start()
        self._processes[p.pid] = p
        # However the worker ends, the manager hears of it on the queue
        # it waits on.
        _glasspy_mp.child_on_exit(p._popen._handle,
                                  self._result_queue._channel,
                                  ForkingPickler.dumps(_WorkerEnded(p.pid)))

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            self._executor_manager_thread_wakeup.wakeup()

            if self._safe_to_dynamically_spawn_children:
                self._adjust_process_count()
            self._start_executor_manager_thread()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.

        Returns:
            An iterator equivalent to: map(func, *iterables) but the calls may
            be evaluated out-of-order.

        Raises:
            TimeoutError: If the entire result iterator could not be generated
                before the given timeout.
            Exception: If fn(*args) raises for any values.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            if self._executor_manager_thread_wakeup is not None:
                # Wake the manager so that it notices.
                self._executor_manager_thread_wakeup.wakeup()

        if self._executor_manager_thread is not None and wait:
            self._executor_manager_thread.join()
        # Drop what the executor no longer needs (the manager thread keeps
        # its own references while it runs).
        self._executor_manager_thread = None
        self._call_queue = None
        if self._result_queue is not None and wait:
            self._result_queue.close()
        self._result_queue = None
        self._processes = None
        self._executor_manager_thread_wakeup = None

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
