"""multiprocessing.pool: a pool of worker processes.

As CPython's Lib/multiprocessing/pool.py, tasks travel to the workers on
one queue and results come back on another; a result handler thread in the
parent hands each result to the ApplyResult / MapResult / IMapIterator
waiting for it. Two simplifications: tasks are pickled and queued by the
thread that submits them (CPython has a task-handler thread), and a worker
that leaves after maxtasksperchild tasks says so on the result queue, so
the same result handler starts its replacement.

map() cuts the input into chunks (chunksize) and each task maps the
function over one chunk; a worker's exception travels back pickled, with
the worker's traceback text attached as its __cause__ (RemoteTraceback),
and is raised again by get() in the parent.
"""

__all__ = ['Pool', 'ThreadPool']

import collections
import itertools
import os
import queue
import threading
import traceback
import types
import warnings

from . import util
from .context import TimeoutError, get_spawning_popen
from . import context as _context

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    # Pickles as the exception with the worker's traceback text attached.
    def __init__(self, exc, tb):
        tb = traceback.format_exception(type(exc), exc, tb)
        tb = ''.join(tb)
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be
    safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


# What a worker puts on the result queue when it leaves.
_LEFT_AFTER_MAXTASKS = 'maxtasks'
_LEFT_ON_SENTINEL = 'sentinel'


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)

    completed = 0
    why = _LEFT_AFTER_MAXTASKS
    while maxtasks is None or (maxtasks and completed < maxtasks):
        try:
            task = get()
        except (EOFError, OSError):
            why = _LEFT_ON_SENTINEL
            break

        if task is None:
            why = _LEFT_ON_SENTINEL
            break

        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = ExceptionWithTraceback(e, e.__traceback__)
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            put((job, i, (False, wrapped)))

        task = job = result = func = args = kwds = None
        completed += 1
    put((None, why, None))


def _helper_reraises_exception(ex):
    'Pickle-able helper function for use by _guarded_task_generation.'
    raise ex


class Pool(object):
    '''
    Class which supports an async version of applying functions to arguments.
    '''
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT

        self._ctx = context or _context._default_context.get_context()
        self._setup_queues()
        self._cache = {}
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")

        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._processes = processes
        self._live = 0
        # Held while the number of live workers changes together with the
        # workers themselves (a replacement's start), so that close() never
        # counts a worker that has left but whose successor is still
        # starting: it must send exactly one sentinel per live worker.
        self._live_lock = threading.Lock()
        try:
            while self._live < self._processes:
                self._start_worker()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        self._result_handler = threading.Thread(
            target=Pool._handle_results, args=(self,), daemon=True)
        self._result_handler._state = RUN
        self._result_handler.start()
        self._state = RUN

    def __del__(self, _warn=warnings.warn, RUN=RUN):
        # No builtins here: it may run while the interpreter is finalized.
        if self.__dict__.get('_state') == RUN:
            _warn(f"unclosed running multiprocessing pool {self!r}",
                  ResourceWarning, source=self)

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()

    def _start_worker(self):
        w = self.Process(self._ctx, target=worker,
                         args=(self._inqueue, self._outqueue,
                               self._initializer, self._initargs,
                               self._maxtasksperchild, self._wrap_exception))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        self._pool.append(w)
        self._live += 1

    def _handle_results(self):
        # The result handler thread: each message is (job, index, (ok, value)),
        # a worker's leaving (None, why, None), or None to stop.
        get = self._outqueue.get
        while True:
            msg = get()
            if msg is None:
                break
            job, i, obj = msg
            if job is None:
                with self._live_lock:
                    self._live -= 1
                    if i == _LEFT_AFTER_MAXTASKS and self._state in (RUN, CLOSE):
                        self._start_worker()
                continue
            try:
                self._cache[job]._set(i, obj)
            except KeyError:
                pass
            job = obj = msg = None

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        '''
        Equivalent of `func(*args, **kwds)`.
        Pool must be running.
        '''
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        '''
        Apply `func` to each element in `iterable`, collecting the results
        in a list that is returned.
        '''
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        '''
        Like `map()` method but the elements of the `iterable` are expected to
        be iterables as well and will be unpacked as arguments. Hence
        `func` and (a, b) becomes func(a, b).
        '''
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        '''
        Asynchronous version of `starmap()` method.
        '''
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        '''
        Equivalent of `map()` -- can be MUCH slower than `Pool.map()`.
        '''
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._submit(((result._job, i, func, (x,), {})
                          for i, x in enumerate(iterable)), result)
            return result
        else:
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapIterator(self)
            self._submit(((result._job, i, mapstar, (x,), {})
                          for i, x in enumerate(task_batches)), result)
            return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        '''
        Like `imap()` method but ordering of results is arbitrary.
        '''
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._submit(((result._job, i, func, (x,), {})
                          for i, x in enumerate(iterable)), result)
            return result
        else:
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapUnorderedIterator(self)
            self._submit(((result._job, i, mapstar, (x,), {})
                          for i, x in enumerate(task_batches)), result)
            return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        '''
        Asynchronous version of `apply()` method.
        '''
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit([(result._job, 0, func, args, kwds)], None)
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        '''
        Asynchronous version of `map()` method.
        '''
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        '''
        Helper function to implement map, starmap and their async counterparts.
        '''
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)

        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0

        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._submit(((result._job, i, mapper, (x,), {})
                      for i, x in enumerate(task_batches)), None)
        return result

    def _submit(self, tasks, result):
        # Queue the tasks; one that cannot be pickled fails its job instead
        # (CPython's task handler does the same).
        n = -1
        for n, task in enumerate(tasks):
            try:
                self._inqueue.put(task)
            except Exception as e:
                job, idx = task[:2]
                try:
                    self._cache[job]._set(idx, (False, e))
                except KeyError:
                    pass
        if result is not None:
            result._set_length(n + 1)

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while 1:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError(
              'pool objects cannot be passed between processes or pickled')

    def close(self):
        util.debug('closing pool')
        with self._live_lock:
            if self._state == RUN:
                self._state = CLOSE
                # One sentinel per worker, after every queued task.
                for _ in range(self._live):
                    self._inqueue.put(None)

    def terminate(self):
        util.debug('terminating pool')
        with self._live_lock:
            if self._state == TERMINATE:
                return
            # No replacement starts after this: the workers listed now are all.
            self._state = TERMINATE
        self._terminate_workers()
        self._stop_result_handler()

    def _terminate_workers(self):
        for p in self._pool:
            if p.exitcode is None:
                p.terminate()
        for p in self._pool:
            p.join()

    def _stop_result_handler(self):
        handler = self._result_handler
        if handler is not None and handler.is_alive() and handler is not threading.current_thread():
            self._outqueue.put(None)
            handler.join()

    def join(self):
        util.debug('joining pool')
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        # Workers may be replaced while we wait (maxtasksperchild).
        while True:
            workers = list(self._pool)
            for p in workers:
                p.join()
            if len(workers) == len(self._pool) and self._live <= 0:
                break
            if len(workers) == len(self._pool):
                import time
                time.sleep(0.001)
        self._stop_result_handler()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ApplyResult(object):

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(types.GenericAlias)


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # The first failure is what get() raises.
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None

        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj

            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


class ThreadPool(Pool):
    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()

    def _terminate_workers(self):
        # Threads cannot be stopped: drop the queued tasks and send each
        # worker a sentinel instead.
        try:
            while True:
                self._inqueue.get(block=False)
        except queue.Empty:
            pass
        for _ in range(self._live):
            self._inqueue.put(None)
        for p in self._pool:
            p.join()
