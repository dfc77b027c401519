"""Telling coroutines apart from other objects."""

__all__ = 'iscoroutinefunction', 'iscoroutine'

import collections.abc
import inspect
import types

# Marker for functions that asyncio.coroutine (removed in 3.11) used to wrap.
_is_coroutine = object()


def iscoroutinefunction(func):
    """True for an async def function (or one marked as a coroutine)."""
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType,
                    collections.abc.Coroutine)
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """True for a coroutine object."""
    if type(obj) in _iscoroutine_typecache:
        return True
    if isinstance(obj, _COROUTINE_TYPES):
        # Remember a few types to keep the check fast.
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(type(obj))
        return True
    return False


def _format_coroutine(coro):
    # How a task's repr names its coroutine: "f() running at file:line" while
    # it has a frame, "f() done, defined at file:line" once it finished.
    def get_name(c):
        return getattr(c, '__qualname__', None) or getattr(c, '__name__', None) or type(c).__name__

    if not hasattr(coro, 'cr_code') and not hasattr(coro, 'gi_code'):
        name = f'{get_name(coro)}()'
        running = False
        try:
            running = coro.cr_running
        except AttributeError:
            try:
                running = coro.gi_running
            except AttributeError:
                pass
        return f'{name} running' if running else name

    name = f'{get_name(coro)}()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
