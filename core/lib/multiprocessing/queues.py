"""multiprocessing.queues: Queue, SimpleQueue and JoinableQueue.

Each queue is a _glasspy_mp channel: a FIFO of pickled objects held
outside every interpreter, so a queue passed to a child (pickled as a
handle) is the same queue there. put() pickles the object at once
(CPython pickles it later, in a feeder thread); get() waits with the GIL
released.
"""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import threading
from queue import Empty, Full

import _glasspy_mp

from . import reduction
from . import synchronize

_ForkingPickler = reduction.ForkingPickler


class Queue(object):

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = 0
        self._maxsize = maxsize
        self._channel = _glasspy_mp.channel(maxsize)
        self._closed = False

    def __getstate__(self):
        return (self._maxsize, self._channel)

    def __setstate__(self, state):
        (self._maxsize, self._channel) = state
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = _ForkingPickler.dumps(obj)
        if not _glasspy_mp.channel_put(self._channel, data, block, timeout):
            raise Full

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = _glasspy_mp.channel_get(self._channel, block, timeout)
        if data is None:
            raise Empty
        return _ForkingPickler.loads(data)

    def qsize(self):
        return _glasspy_mp.channel_qsize(self._channel)

    def empty(self):
        return not _glasspy_mp.channel_poll(self._channel, 0)

    def full(self):
        return bool(self._maxsize) and self.qsize() >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = synchronize.Semaphore(0)
        self._cond = synchronize.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        with self._cond:
            Queue.put(self, obj, block, timeout)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait()


class SimpleQueue(object):

    def __init__(self, *, ctx=None):
        self._channel = _glasspy_mp.channel(0)
        self._closed = False

    def close(self):
        self._closed = True

    def empty(self):
        return not _glasspy_mp.channel_poll(self._channel, 0)

    def __getstate__(self):
        return (self._channel,)

    def __setstate__(self, state):
        (self._channel,) = state
        self._closed = False

    def get(self):
        data = _glasspy_mp.channel_get(self._channel, True, None)
        return _ForkingPickler.loads(data)

    def put(self, obj):
        _glasspy_mp.channel_put(self._channel, _ForkingPickler.dumps(obj), True, None)

    __class_getitem__ = classmethod(type(list[int]))
