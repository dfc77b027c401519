"""A general purpose event scheduler (CPython 3.11's Lib/sched.py).

A scheduler keeps a heap of Events ordered by (time, priority, sequence);
run() waits with delayfunc until the earliest event is due, then calls its
action. The time and delay functions are the caller's choice, so a
simulation can use a virtual clock (delayfunc advancing it)."""

import heapq
import threading
import time
from collections import namedtuple
from itertools import count
from time import monotonic as _time

__all__ = ["scheduler"]

Event = namedtuple("Event", "time, priority, sequence, action, argument, kwargs")
Event.time.__doc__ = ("Numeric type compatible with the return value of the\n"
                      "timefunc function passed to the constructor.")
Event.priority.__doc__ = ("Events scheduled for the same time will be executed\n"
                          "in the order of their priority.")
Event.sequence.__doc__ = ("A continually increasing sequence number that\n"
                          "    separates events if time and priority are equal.")
Event.action.__doc__ = ("Executing the event means executing\n"
                        "action(*argument, **kwargs)")
Event.argument.__doc__ = ("argument is a sequence holding the positional\n"
                          "arguments for the action.")
Event.kwargs.__doc__ = ("kwargs is a dictionary holding the keyword\n"
                        "arguments for the action.")

_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_time, delayfunc=time.sleep):
        """Initialize a new instance, passing the time and delay
        functions"""
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Enter a new event in the queue at an absolute time.

        Returns an ID for the event which can be used to remove it,
        if necessary."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator), action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """A variant that specifies the time as a relative time."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove an event from the queue (ValueError if it is not there)."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Check whether the queue is empty."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Execute events until the queue is empty. With blocking false,
        run the events already due and return the delay until the next
        one (None if none is left).

        An event whose time has not come leaves the loop waiting with
        delayfunc; a due one is popped and its action called, then
        delayfunc(0) lets other threads run."""
        lock = self._lock
        q = self._queue
        delayfunc = self.delayfunc
        timefunc = self.timefunc
        pop = heapq.heappop
        while True:
            with lock:
                if not q:
                    break
                (time, priority, sequence, action, argument, kwargs) = q[0]
                now = timefunc()
                if time > now:
                    delay = True
                else:
                    delay = False
                    pop(q)
            if delay:
                if not blocking:
                    return time - now
                delayfunc(time - now)
            else:
                action(*argument, **kwargs)
                delayfunc(0)

    @property
    def queue(self):
        """An ordered list of upcoming events."""
        with self._lock:
            events = self._queue[:]
        return list(map(heapq.heappop, [events] * len(events)))
