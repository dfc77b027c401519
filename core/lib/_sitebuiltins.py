"""The builtins that CPython's site module adds for interactive use: exit,
quit, help, copyright, credits, license; and aiter/anext.

Session (core/runtime/session.cpp) imports this module once when it starts,
as CPython runs site before the main program; importing it installs the
objects into builtins. exit and quit are objects whose repr tells how to
leave and whose call raises SystemExit."""

# CPython implements this in C (the builtins): tracebacks show no frames of it.
__glasspy_hide_frames__ = True

import builtins
import sys


class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)

    def __call__(self, code=None):
        # Like CPython, close stdin first: an interactive shell reading it
        # then sees end of file and stops too.
        stdin = getattr(sys, 'stdin', None)
        try:
            stdin.close()
        except:
            pass
        raise SystemExit(code)


class _Printer(object):
    """A notice that prints itself: its repr is the text, and calling it
    prints the text (license shows only a pointer in its repr)."""

    def __init__(self, name, data, pointer=None):
        self.__name = name
        self.__data = data
        self.__pointer = pointer

    def __repr__(self):
        if self.__pointer is not None:
            return self.__pointer
        return self.__data

    def __call__(self):
        print(self.__data)


class _Helper(object):
    """help(object): the object's documentation, laid out as CPython's
    pydoc does (core/lib/pydoc.py, imported on first use)."""

    def __repr__(self):
        return ("Type help() for interactive help, "
                "or help(object) for help about object.")

    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)


def aiter(async_iterable, /):
    """Return an AsyncIterator for an AsyncIterable object."""
    cls = type(async_iterable)
    method = getattr(cls, '__aiter__', None)
    if method is None:
        raise TypeError(f"'{cls.__name__}' object is not an async iterable")
    it = method(async_iterable)
    if not hasattr(type(it), '__anext__'):
        raise TypeError(f"aiter() returned not an async iterator of type '{type(it).__name__}'")
    return it


async def _next_or_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


_NO_DEFAULT = object()


def anext(aiterator, default=_NO_DEFAULT, /):
    """Return the next item from the async iterator; if default is given and
    the iterator is exhausted, it is returned instead of raising
    StopAsyncIteration."""
    cls = type(aiterator)
    method = getattr(cls, '__anext__', None)
    if method is None:
        raise TypeError(f"'{cls.__name__}' object is not an async iterator")
    awaitable = method(aiterator)
    if default is _NO_DEFAULT:
        return awaitable
    return _next_or_default(awaitable, default)


_COPYRIGHT = ("glasspy, a glass-box Python 3.11 interpreter.\n"
              "Python itself is Copyright (c) 2001-2023 Python Software Foundation.\n"
              "All Rights Reserved.")

_CREDITS = ("    glasspy owes its design to CPython and to everyone who has built Python\n"
            "    over the years.  See www.python.org for more information.")

_LICENSE = ("glasspy implements the Python language as CPython 3.11 defines it.\n"
            "Python is distributed under the PSF License Agreement; see\n"
            "https://docs.python.org/3/license.html for the full text.")


def _install():
    builtins.exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
    builtins.quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
    builtins.copyright = _Printer('copyright', _COPYRIGHT)
    builtins.credits = _Printer('credits', _CREDITS)
    builtins.license = _Printer('license', _LICENSE, 'Type license() to see the full license text')
    builtins.help = _Helper()
    if not hasattr(builtins, 'aiter'):
        builtins.aiter = aiter
    if not hasattr(builtins, 'anext'):
        builtins.anext = anext


_install()
