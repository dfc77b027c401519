"""signal: the signal numbers and the handlers Python code installs
(CPython 3.11's signal module, written for glasspy).

glasspy turns an interrupt from its host (Ctrl+C in a terminal, the Stop
button on the page) into KeyboardInterrupt itself, which is what CPython's
default SIGINT handler, default_int_handler, does. This module keeps the
table of handlers that signal.signal() installs, so getsignal() answers as
CPython does, and raise_signal() runs the installed handler.
"""

import enum as _enum
import os as _os
from operator import index as _index

__glasspy_hide_frames__ = True

NSIG = 65
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2

_SIGNALS = [
    ('SIGHUP', 1), ('SIGINT', 2), ('SIGQUIT', 3), ('SIGILL', 4), ('SIGTRAP', 5),
    ('SIGABRT', 6), ('SIGIOT', 6), ('SIGBUS', 7), ('SIGFPE', 8), ('SIGKILL', 9),
    ('SIGUSR1', 10), ('SIGSEGV', 11), ('SIGUSR2', 12), ('SIGPIPE', 13), ('SIGALRM', 14),
    ('SIGTERM', 15), ('SIGSTKFLT', 16), ('SIGCHLD', 17), ('SIGCLD', 17), ('SIGCONT', 18),
    ('SIGSTOP', 19), ('SIGTSTP', 20), ('SIGTTIN', 21), ('SIGTTOU', 22), ('SIGURG', 23),
    ('SIGXCPU', 24), ('SIGXFSZ', 25), ('SIGVTALRM', 26), ('SIGPROF', 27), ('SIGWINCH', 28),
    ('SIGIO', 29), ('SIGPOLL', 29), ('SIGPWR', 30), ('SIGSYS', 31), ('SIGRTMIN', 34),
    ('SIGRTMAX', 64),
]

# The text strsignal() gives, as glibc words it.
_DESCRIPTIONS = {
    1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap',
    6: 'Aborted', 7: 'Bus error', 8: 'Floating point exception', 9: 'Killed',
    10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
    13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault',
    17: 'Child exited', 18: 'Continued', 19: 'Stopped (signal)', 20: 'Stopped',
    21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
    24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired',
    27: 'Profiling timer expired', 28: 'Window changed', 29: 'I/O possible',
    30: 'Power failure', 31: 'Bad system call',
}

Signals = _enum.IntEnum('Signals', _SIGNALS, module=__name__)
globals().update(Signals.__members__)


class Handlers(_enum.IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN


class Sigmasks(_enum.IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2


SIG_BLOCK = Sigmasks.SIG_BLOCK
SIG_UNBLOCK = Sigmasks.SIG_UNBLOCK
SIG_SETMASK = Sigmasks.SIG_SETMASK

ItimerError = OSError


def default_int_handler(signalnum, frame, /):
    """The default handler for SIGINT installed by Python.

It raises KeyboardInterrupt."""
    raise KeyboardInterrupt


# The handler of each signal, as Python sees it. SIGPIPE is ignored, as
# CPython ignores it at startup.
_handlers = {n: 0 for n in range(1, NSIG)}
_handlers[2] = default_int_handler
_handlers[13] = 1


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _check_signum(signalnum):
    signalnum = _index(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError('signal number out of range')
    return int(signalnum)


def signal(signalnum, handler, /):
    """Set the action for the given signal; return the previous one."""
    signalnum = _check_signum(signalnum)
    if isinstance(handler, int) and not isinstance(handler, bool):
        if handler not in (0, 1):
            raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, '
                            'or a callable object')
        handler = int(handler)
    elif not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, '
                        'or a callable object')
    if signalnum in (9, 19) or signalnum in (32, 33):
        raise OSError(22, 'Invalid argument')
    old = _handlers[signalnum]
    _handlers[signalnum] = handler
    return _int_to_enum(old, Handlers)


def getsignal(signalnum, /):
    """Return the current action for the given signal."""
    signalnum = _check_signum(signalnum)
    return _int_to_enum(_handlers[signalnum], Handlers)


def strsignal(signalnum, /):
    """Return the system description of the given signal."""
    signalnum = _check_signum(signalnum)
    if signalnum in _DESCRIPTIONS:
        return _DESCRIPTIONS[signalnum]
    if 34 <= signalnum <= 64:
        return 'Real-time signal %d' % (signalnum - 34)
    return None


def valid_signals():
    """Return a set of valid signal numbers on this platform."""
    return {_int_to_enum(n, Signals) for n in range(1, NSIG) if n not in (32, 33)}


def raise_signal(signalnum, /):
    """Send a signal to the executing process: run its Python handler."""
    signalnum = _check_signum(signalnum)
    if signalnum in (32, 33):
        raise OSError(22, 'Invalid argument')
    handler = _handlers[signalnum]
    if callable(handler):
        import sys
        handler(signalnum, sys._getframe(1))
    elif handler == 0:
        _os.kill(_os.getpid(), signalnum)


def alarm(seconds, /):
    """Arrange for SIGALRM to arrive after the given number of seconds."""
    return 0


def pause():
    """Wait until a signal arrives."""
    raise KeyboardInterrupt


def siginterrupt(signalnum, flag, /):
    _check_signum(signalnum)


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    return -1


def pthread_sigmask(how, mask, /):
    return set()


def pthread_kill(thread_id, signalnum, /):
    raise_signal(signalnum)


def setitimer(which, seconds, interval=0.0, /):
    return (0.0, 0.0)


def getitimer(which, /):
    return (0.0, 0.0)
