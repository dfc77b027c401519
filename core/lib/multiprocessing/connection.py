"""multiprocessing.connection: Pipe() and its Connection objects.

A pipe is two _glasspy_mp channels, one per direction (one only for a
simplex pipe). A Connection sends on one and receives from the other;
pickling a Connection hands the same channels to another process. The
channel counts the open sending ends: when the last one is closed (or
garbage collected, or its interpreter ends), recv() on the other side
raises EOFError once the data already sent has been read.
"""

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

import time

import _glasspy_mp

from . import reduction
from .context import BufferTooShort

_ForkingPickler = reduction.ForkingPickler


class Connection(object):

    _send_channel = None
    _recv_channel = None

    def __init__(self, recv_channel, send_channel, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._recv_channel = recv_channel if readable else None
        self._send_channel = send_channel if writable else None
        if self._send_channel is not None:
            _glasspy_mp.channel_open_writer(self._send_channel)
        self._readable = readable
        self._writable = writable
        self._closed = False

    def __del__(self):
        if not self._closed:
            self._close()

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._closed

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        raise OSError("glasspy connections have no file descriptor")

    def _close(self):
        if self._send_channel is not None:
            _glasspy_mp.channel_close(self._send_channel)

    def close(self):
        """Close the connection"""
        if not self._closed:
            try:
                self._close()
            finally:
                self._closed = True

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast('B')
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send(bytes(m[offset:offset + size]))

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        self._send(_ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """
        Receive bytes data as a bytes object.
        """
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv()
        if maxlength is not None and len(buf) > maxlength:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """
        Receive bytes data into a writeable bytes-like object.
        Return the number of bytes read.
        """
        self._check_closed()
        self._check_readable()
        with memoryview(buf) as m:
            itemsize = m.itemsize
            bytesize = itemsize * len(m)
            if offset < 0:
                raise ValueError("negative offset")
            elif offset > bytesize:
                raise ValueError("offset too large")
            result = self._recv()
            size = len(result)
            if bytesize < offset + size:
                raise BufferTooShort(result)
            m.cast('B')[offset:offset + size] = result
            return size

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return _ForkingPickler.loads(self._recv())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return _glasspy_mp.channel_poll(self._recv_channel, timeout)

    def _send(self, data):
        _glasspy_mp.channel_put(self._send_channel, data, True, None)

    def _recv(self):
        # channel_get raises EOFError once every sender is closed and the
        # channel is empty.
        return _glasspy_mp.channel_get(self._recv_channel, True, None)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        self._check_closed()
        # The copy about to travel is one more open sending end.
        if self._send_channel is not None:
            _glasspy_mp.channel_open_writer(self._send_channel)
        return (_rebuild_connection,
                (self._recv_channel, self._send_channel, self._readable, self._writable))

    def __repr__(self):
        return '<%s(%s)>' % (type(self).__name__,
                             'closed' if self._closed else
                             ('duplex' if self._readable and self._writable else
                              'read-only' if self._readable else 'write-only'))


def _rebuild_connection(recv_channel, send_channel, readable, writable):
    conn = Connection.__new__(Connection)
    conn._recv_channel = recv_channel
    conn._send_channel = send_channel
    conn._readable = readable
    conn._writable = writable
    conn._closed = False
    return conn


def Pipe(duplex=True):
    '''
    Returns pair of connection objects at either end of a pipe
    '''
    if duplex:
        a_to_b = _glasspy_mp.channel(0)
        b_to_a = _glasspy_mp.channel(0)
        c1 = Connection(b_to_a, a_to_b)
        c2 = Connection(a_to_b, b_to_a)
    else:
        ch = _glasspy_mp.channel(0)
        c1 = Connection(ch, None, writable=False)
        c2 = Connection(None, ch, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    '''
    Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    '''
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ready = [o for o in object_list if isinstance(o, Connection) and o.poll(0)]
        if ready:
            return ready
        if deadline is not None and time.monotonic() >= deadline:
            return []
        time.sleep(0.001)


class Listener(object):
    def __init__(self, *args, **kwargs):
        raise OSError("glasspy has no sockets for multiprocessing.connection.Listener")


def Client(*args, **kwargs):
    raise OSError("glasspy has no sockets for multiprocessing.connection.Client")
