"""Future and Task: the two classes CPython writes in C (Modules/_asyncmodule.c).

glasspy writes them in Python. Because CPython's versions have no Python
frames, this module sets __glasspy_hide_frames__: a traceback that passes
through a task step or through Future.result() shows only the coroutine's
own frames, as CPython's does.

How a Task drives its coroutine:
  * Task() schedules its first step with loop.call_soon.
  * A step sends None (or throws an exception) into the coroutine. The
    coroutine runs until it awaits a Future that is not done: the Future's
    __await__ yields the Future itself, with _asyncio_future_blocking set.
  * The step adds its wakeup method as the Future's done callback and
    returns. When the Future completes, the loop calls wakeup, which runs the
    next step with the Future's result (or throws its exception in).
  * A bare `yield` (asyncio.sleep(0)) just schedules the next step.
  * When the coroutine returns or raises, the Task (itself a Future) takes
    that result or exception and runs its own done callbacks.
Cancelling a task cancels the Future it waits on, which wakes the task with
CancelledError thrown in at its await; a task that waits on nothing gets the
CancelledError at its next step (_must_cancel)."""

__glasspy_hide_frames__ = True

import contextvars
import inspect
import itertools
import sys
import weakref

from . import base_futures
from . import base_tasks
from . import coroutines
from . import events
from . import exceptions
from . import format_helpers

_PENDING = base_futures._PENDING
_CANCELLED = base_futures._CANCELLED
_FINISHED = base_futures._FINISHED


def _caller_stack():
    # The stack from the innermost frame that is not ours: CPython's C
    # Future records traceback.extract_stack() from its Python caller.
    f = sys._getframe(1)
    while f is not None and f.f_globals.get('__glasspy_hide_frames__'):
        f = f.f_back
    return format_helpers.extract_stack(f)


class Future:
    """A result that will be set later, awaitable from coroutines.

    Callbacks added with add_done_callback run through the loop's call_soon
    once the future is done, never directly from set_result."""

    _state = _PENDING
    _result = None
    _exception = None
    _exception_tb = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None   # the CancelledError to raise from result()

    # None for things that are not futures; False normally; True while a
    # coroutine awaits this future (it tells the Task to wait for it).
    _asyncio_future_blocking = False

    _log_traceback = False  # an exception nobody asked for yet

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []
        if self._loop.get_debug():
            self._source_traceback = _caller_stack()

    def __repr__(self):
        return base_futures._future_repr(self)

    def __del__(self):
        if not self._log_traceback:
            return
        exc = self._exception
        context = {
            'message': f'{self.__class__.__name__} exception was never retrieved',
            'exception': exc,
            'future': self,
        }
        if self._source_traceback:
            context['source_traceback'] = self._source_traceback
        self._loop.call_exception_handler(context)

    __class_getitem__ = classmethod(lambda cls, item: __import__('types').GenericAlias(cls, item))

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        # The CancelledError that cancelled the coroutine is raised again (so
        # its traceback shows where it happened), otherwise a new one.
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = exceptions.CancelledError()
        else:
            exc = exceptions.CancelledError(self._cancel_message)
        exc.__context__ = self._cancelled_exc
        self._cancelled_exc = None
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback, ctx in callbacks:
            self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Result is not set.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                context = contextvars.copy_context()
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError('invalid exception object')
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # the Task waits here until we are done
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


# Every task that exists (weakly) and the task each loop runs right now.
_all_tasks = weakref.WeakSet()
_current_tasks = {}
_task_name_counter = itertools.count(1).__next__


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current!r}.")
    del _current_tasks[loop]


def current_task(loop=None):
    """The task running now in the loop (the running loop by default)."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


class Task(Future):
    """A coroutine run by the event loop, step by step, as a Future."""

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            # Nothing to run: do not complain later that it is pending.
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")

        if name is None:
            self._name = f'Task-{_task_name_counter()}'
        else:
            self._name = str(name)

        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        if context is None:
            self._context = contextvars.copy_context()
        else:
            self._context = context

        self._loop.call_soon(self._Task__step, context=self._context)
        _register_task(self)

    def __del__(self):
        if self._state == _PENDING and self._log_destroy_pending:
            context = {
                'task': self,
                'message': 'Task was destroyed but it is pending!',
            }
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
        super().__del__()

    def __repr__(self):
        return base_tasks._task_repr(self)

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return base_tasks._task_get_stack(self, limit)

    def print_stack(self, *, limit=None, file=None):
        return base_tasks._task_print_stack(self, limit, file)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # The waiter's callback wakes us with CancelledError.
                return True
        # Nothing to cancel right now: throw CancelledError at the next step.
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(
                f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None

        _enter_task(self._loop, self)
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came while the last step ran.
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(stop.value)
        except exceptions.CancelledError as cancelled:
            self._cancelled_exc = cancelled
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as fatal:
            super().set_exception(fatal)
            raise
        except BaseException as error:
            super().set_exception(error)
        else:
            self._wait_on(result)
        finally:
            _leave_task(self._loop, self)
            self = None  # no cycle through a raised exception's frames

    def _wait_on(self, result):
        # What the coroutine yielded decides when the next step runs.
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if _get_loop(result) is not self._loop:
                new_exc = RuntimeError(
                    f'Task {self!r} got Future {result!r} attached to a different loop')
                self._loop.call_soon(self._Task__step, new_exc, context=self._context)
            elif blocking:
                if result is self:
                    new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                    self._loop.call_soon(self._Task__step, new_exc, context=self._context)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup, context=self._context)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                new_exc = RuntimeError(
                    f'yield was used instead of yield from in task {self!r} with {result!r}')
                self._loop.call_soon(self._Task__step, new_exc, context=self._context)
        elif result is None:
            # A bare yield: give the other callbacks a turn.
            self._loop.call_soon(self._Task__step, context=self._context)
        elif inspect.isgenerator(result):
            new_exc = RuntimeError(
                f'yield was used instead of yield from for generator in task {self!r} with {result!r}')
            self._loop.call_soon(self._Task__step, new_exc, context=self._context)
        else:
            new_exc = RuntimeError(f'Task got bad yield: {result!r}')
            self._loop.call_soon(self._Task__step, new_exc, context=self._context)

    def task_wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None


import _glasspy
for _cls in (Future, Task):
    _cls.__module__ = '_asyncio'
    _glasspy.set_type_name(_cls, '_asyncio.' + _cls.__name__)
del _glasspy, _cls
