"""Process-based parallelism with CPython's multiprocessing API.

In glasspy a child process is a fresh, isolated interpreter — its own
heap, allocator, collector and GIL — on its own OS thread, started the way
CPython's 'spawn' start method starts one: it re-runs the main module as
__mp_main__ (so the `if __name__ == "__main__":` guard matters) and
receives its target and arguments by pickling. Queues, pipes, locks and
shared values are C++ objects outside every interpreter's heap
(core/runtime/processes.h); two CPU-bound processes really run in
parallel.
"""

import sys
from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

# The parent's __main__ is also reachable as __mp_main__, the name the
# children give it.
if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
