"""multiprocessing.popen_spawn: watching one child interpreter.

CPython's Popen objects wrap an OS process (pid, waitpid, kill). This one
wraps a _glasspy_mp child handle: the Process object is pickled here and
the child interpreter unpickles it (spawn._child_main).
"""

from . import reduction
import _glasspy_mp

__all__ = ['Popen']


class Popen(object):
    method = 'spawn'

    def __init__(self, process_obj):
        self.returncode = None
        self.finalizer = None
        payload = reduction.dumps(process_obj)
        self._handle = _glasspy_mp.spawn(payload)
        self.pid = _glasspy_mp.child_pid(self._handle)
        self.sentinel = self.pid

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=None):
        if self.returncode is None:
            if _glasspy_mp.child_wait(self._handle, 0):
                self.returncode = _glasspy_mp.child_exitcode(self._handle)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if _glasspy_mp.child_wait(self._handle, timeout):
                self.returncode = _glasspy_mp.child_exitcode(self._handle)
        return self.returncode

    def _send_signal(self):
        if self.returncode is None:
            _glasspy_mp.child_terminate(self._handle)

    def terminate(self):
        self._send_signal()

    def kill(self):
        self._send_signal()

    def close(self):
        pass
