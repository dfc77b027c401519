"""multiprocessing.reduction: the pickler used between processes.

ForkingPickler is pickle.Pickler with a per-class table of extra reducers
(register()); dumps/loads are what queues, pipes and process start-up use.
"""

import copyreg
import io
import pickle

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register', 'dump',
           'DupFd', 'AbstractReducer', 'HAVE_SEND_HANDLE']

HAVE_SEND_HANDLE = False


class ForkingPickler(pickle.Pickler):
    '''Pickler subclass used by multiprocessing.'''
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispatch_table = self._copyreg_dispatch_table.copy()
        self.dispatch_table.update(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        '''Register a reduce function for a type.'''
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = staticmethod(pickle.loads)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    '''Replacement for pickle.dump() using ForkingPickler.'''
    ForkingPickler(file, protocol).dump(obj)


def dumps(obj, protocol=None):
    return ForkingPickler.dumps(obj, protocol)


loads = pickle.loads


class AbstractReducer:
    ForkingPickler = ForkingPickler
    register = register
    dump = dump


def send_handle(conn, handle, destination_pid):
    raise OSError("file descriptors cannot be sent between glasspy processes")


def recv_handle(conn):
    raise OSError("file descriptors cannot be sent between glasspy processes")


class DupFd:
    def __init__(self, fd):
        raise OSError("file descriptors cannot be sent between glasspy processes")
