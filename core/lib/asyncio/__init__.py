"""asyncio: coroutines run by an event loop, in glasspy's own words.

Everything here is plain Python on top of the interpreter's coroutines.
Future and Task, which CPython writes in C, are in _cimpl.py; the loop is
in base_events.py. There are no sockets, subprocesses or signal handlers:
the loop sleeps until its next timer or until another thread wakes it."""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .unix_events import *

# As in CPython 3.11, TaskGroup is importable but not in __all__.
__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           queues.__all__ +
           runners.__all__ +
           tasks.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           unix_events.__all__)
