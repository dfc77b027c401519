"""Functions to run when the interpreter exits (CPython 3.11's atexit,
written for glasspy).

Session::run_main (core/runtime/session.cpp) calls _run_exitfuncs() once the
main program has finished -- after printing its uncaught exception, if any --
whenever this module has been imported. Handlers run last-registered first;
one that raises is reported on stderr and the others still run.
"""

import sys as _sys

_handlers = []      # (func, args, kwargs), in registration order


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    _handlers.clear()


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    import _glasspy
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            # The report starts at the handler, not at this loop.
            if exc.__traceback__ is not None:
                exc.__traceback__ = exc.__traceback__.tb_next
            _sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
            _sys.stderr.write(_glasspy.format_exception(exc))
