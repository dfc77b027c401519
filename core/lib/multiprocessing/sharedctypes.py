"""multiprocessing.sharedctypes: Value and Array in shared memory.

CPython allocates ctypes objects in an mmap'd arena that the children
inherit. Here the memory is a _glasspy_mp shared block held outside every
interpreter; a Value or Array pickled for a child refers to the same
block. Items are typed by the array-module letters CPython accepts ('i',
'l', 'q', 'd', 'f', 'c', ...), and reported as the ctypes type of that
letter (c_int, c_long, c_double, ...), as CPython's repr shows them.
"""

import _glasspy_mp

from . import synchronize

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

# letter -> (ctypes name, item size)
_typecodes = {
    'c': ('c_char', 1), 'b': ('c_byte', 1), 'B': ('c_ubyte', 1),
    'h': ('c_short', 2), 'H': ('c_ushort', 2), 'i': ('c_int', 4),
    'I': ('c_uint', 4), 'l': ('c_long', 8), 'L': ('c_ulong', 8),
    'q': ('c_long', 8), 'Q': ('c_ulong', 8), 'f': ('c_float', 4),
    'd': ('c_double', 8), '?': ('c_bool', 1),
}
_ctype_names = {v[0]: k for k, v in reversed(list(_typecodes.items()))}
_ctype_names['c_longlong'] = 'q'
_ctype_names['c_ulonglong'] = 'Q'
_bits = {1: 8, 2: 16, 4: 32, 8: 64}


def _code_of(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type not in _typecodes:
            raise TypeError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        return typecode_or_type
    name = getattr(typecode_or_type, '__name__', None)
    if name in _ctype_names:
        return _ctype_names[name]
    raise TypeError("glasspy's shared memory holds the ctypes scalar types only, not %r"
                    % (typecode_or_type,))


def _to_bits(code, value):
    # The int as its 64-bit two's-complement pattern (ctypes wraps).
    if code in 'fdc?':
        return value
    value = value.__index__() & 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >= (1 << 63) else value


def _from_bits(code, value):
    # Narrow signed types come back sign-extended from their width.
    if code in 'bhil' or code == 'q':
        bits = _bits[_typecodes[code][1]]
        mask = (1 << bits) - 1
        value &= mask
        return value - (1 << bits) if value >> (bits - 1) else value
    return value


class _SharedScalar:
    # A ctypes-like scalar (c_long(5)) living in shared memory.

    def __init__(self, mem, code, offset=0):
        self._mem = mem
        self._code = code
        self._index = offset

    @property
    def value(self):
        return _from_bits(self._code, _glasspy_mp.mem_get(self._mem, self._code, self._index))

    @value.setter
    def value(self, v):
        _glasspy_mp.mem_set(self._mem, self._code, self._index, _to_bits(self._code, v))

    def __repr__(self):
        return '%s(%r)' % (_typecodes[self._code][0], self.value)

    def __reduce__(self):
        return _SharedScalar, (self._mem, self._code, self._index)


class _SharedArray:
    # A ctypes-like array (c_long_Array_3) living in shared memory.

    def __init__(self, mem, code, length):
        self._mem = mem
        self._code = code
        self._length = length

    def __len__(self):
        return self._length

    def _get(self, i):
        return _from_bits(self._code, _glasspy_mp.mem_get(self._mem, self._code, i))

    def _set(self, i, v):
        _glasspy_mp.mem_set(self._mem, self._code, i, _to_bits(self._code, v))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._get(k) for k in range(*i.indices(self._length))] \
                if self._code != 'c' else b''.join(self._get(k) for k in range(*i.indices(self._length)))
        i = i.__index__()
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return self._get(i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            values = list(v)
            if len(values) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for k, x in zip(indices, values):
                self._set(k, x if self._code != 'c' or isinstance(x, bytes) else bytes([x]))
            return
        i = i.__index__()
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        self._set(i, v)

    def __iter__(self):
        for i in range(self._length):
            yield self._get(i)

    # c_char arrays are also strings.
    @property
    def value(self):
        raw = self.raw
        n = raw.find(b'\0')
        return raw if n < 0 else raw[:n]

    @value.setter
    def value(self, v):
        if len(v) > self._length:
            raise ValueError("byte string too long")
        _glasspy_mp.mem_write(self._mem, 0, v + (b'\0' if len(v) < self._length else b''))

    @property
    def raw(self):
        return _glasspy_mp.mem_read(self._mem, 0, self._length)

    @raw.setter
    def raw(self, v):
        if len(v) > self._length:
            raise ValueError("byte string too long")
        _glasspy_mp.mem_write(self._mem, 0, v)

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %#x>' % (
            _typecodes[self._code][0], self._length, id(self))

    def __reduce__(self):
        return _SharedArray, (self._mem, self._code, self._length)


def RawValue(typecode_or_type, *args):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    code = _code_of(typecode_or_type)
    mem = _glasspy_mp.shared_memory(_typecodes[code][1])
    obj = _SharedScalar(mem, code)
    if args:
        if len(args) > 1:
            raise TypeError("%s() takes at most 1 argument (%d given)" % (_typecodes[code][0], len(args)))
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    code = _code_of(typecode_or_type)
    if isinstance(size_or_initializer, int):
        size = size_or_initializer
        init = None
    else:
        init = list(size_or_initializer) if not isinstance(size_or_initializer, bytes) \
            else [bytes([b]) for b in size_or_initializer]
        size = len(init)
    mem = _glasspy_mp.shared_memory(_typecodes[code][1] * size)
    arr = _SharedArray(mem, code, size)
    if init is not None:
        for i, v in enumerate(init):
            arr[i] = v
    return arr


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock)


def copy(obj):
    if isinstance(obj, _SharedArray):
        new_obj = RawArray(obj._code, len(obj))
        new_obj[:] = obj[:]
        return new_obj
    return RawValue(obj._code, obj.value)


def synchronized(obj, lock=None, ctx=None):
    if isinstance(obj, _SharedArray):
        if obj._code == 'c':
            return SynchronizedString(obj, lock)
        return SynchronizedArray(obj, lock)
    return Synchronized(obj, lock)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            self._lock = synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self._lock:
            self._obj.raw = v
