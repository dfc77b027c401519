"""Typed arrays of numbers and characters (CPython 3.11's array module,
written in Python for glasspy).

An array keeps its items as Python values checked against the C type of its
typecode (sizes of 64-bit Linux). It also keeps the number of item slots a C
array would have allocated, following CPython's arraymodule.c growth rule,
so that sys.getsizeof reports what CPython reports.
"""

__all__ = ['ArrayType', 'array', 'typecodes']

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
             'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
# The struct code with the same size and signedness (standard sizes).
_STRUCT_CODE = {'b': 'b', 'B': 'B', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I',
                'l': 'q', 'L': 'Q', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd'}
_BASICSIZE = 64          # sizeof(arrayobject) on 64-bit CPython

_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float) or not hasattr(type(v), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return type(v).__index__(v)


def _as_long(v):
    v = _index(v)
    if not (_LONG_MIN <= v <= _LONG_MAX):
        raise OverflowError("Python int too large to convert to C long")
    return v


def _check_range(v, lo, hi, what):
    if v < lo:
        raise OverflowError(what + " is less than minimum")
    if v > hi:
        raise OverflowError(what + " is greater than maximum")
    return v


def _as_unsigned(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v > _ULONG_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _convert(tc, v):
    # The item as the array stores it, or the exception CPython raises.
    # Each code converts the way arraymodule.c's setitem function does,
    # error messages included (b goes through a C short first, H through a
    # C int).
    if tc == 'b':
        v = _check_range(_as_long(v), -32768, 32767, "signed short integer")
        return _check_range(v, -128, 127, "signed char")
    if tc == 'B':
        return _check_range(_as_long(v), 0, 255, "unsigned byte integer")
    if tc == 'h':
        return _check_range(_as_long(v), -32768, 32767, "signed short integer")
    if tc == 'H':
        v = _check_range(_as_long(v), -(1 << 31), (1 << 31) - 1, "signed integer")
        return _check_range(v, 0, 65535, "unsigned short")
    if tc == 'i':
        return _check_range(_as_long(v), -(1 << 31), (1 << 31) - 1, "signed integer")
    if tc == 'I':
        return _check_range(_as_unsigned(v), 0, (1 << 32) - 1, "unsigned int")
    if tc == 'l':
        return _as_long(v)
    if tc == 'L':
        return _as_unsigned(v)
    if tc == 'q':
        v = _index(v)
        if not (_LONG_MIN <= v <= _LONG_MAX):
            raise OverflowError("int too big to convert")
        return v
    if tc == 'Q':
        v = _index(v)
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v > _ULONG_MAX:
            raise OverflowError("int too big to convert")
        return v
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    # 'f' and 'd'
    if isinstance(v, float):
        f = v
    elif isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
        f = float(v)
    else:
        raise TypeError("must be real number, not %s" % type(v).__name__)
    if tc == 'f':
        f = _struct.unpack('f', _struct.pack('f', f))[0]    # rounded to a C float
    return f


class array:
    """array(typecode [, initializer]) -> array"""

    __slots__ = ('_tc', '_items', '_alloc', '__weakref__')

    def __hash__(self):
        # CPython's message names the C type, module included.
        raise TypeError("unhashable type: 'array.array'")

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self = object.__new__(cls)
        self._tc = typecode
        self._items = []
        self._alloc = 0
        init = initializer
        if init is None:
            return self
        if isinstance(init, str) and typecode != 'u':
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
        if isinstance(init, (list, tuple)) or (isinstance(init, array) and init._tc == typecode):
            items = [_convert(typecode, v) for v in init]
            self._items = items
            self._alloc = len(items)
        elif isinstance(init, (bytes, bytearray)):
            self.frombytes(init)
        elif isinstance(init, str):
            self._items = list(init)
            self._alloc = len(init)
        else:
            for v in init:
                self.append(v)
        return self

    # -- the C array's allocation, for sys.getsizeof --------------------

    def _resize(self, newsize):
        # arraymodule.c array_resize: keep the block when shrinking by less
        # than 16 items; otherwise over-allocate by about 1/16.
        if self._alloc >= newsize and len(self._items) < newsize + 16:
            return
        if newsize == 0:
            self._alloc = 0
            return
        self._alloc = (newsize >> 4) + (3 if len(self._items) < 8 else 7) + newsize

    def __sizeof__(self):
        return _BASICSIZE + self._alloc * _ITEMSIZE[self._tc]

    @classmethod
    def _exact(cls, tc, items):
        a = object.__new__(cls)
        a._tc = tc
        a._items = items
        a._alloc = len(items)
        return a

    # -- attributes -------------------------------------------------------

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def buffer_info(self):
        return (id(self._items), len(self._items))

    # -- adding and removing items -----------------------------------------

    def append(self, v, /):
        v = _convert(self._tc, v)
        self._resize(len(self._items) + 1)
        self._items.append(v)

    def insert(self, i, v, /):
        v = _convert(self._tc, v)
        self._resize(len(self._items) + 1)
        self._items.insert(_index(i), v)

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            new = list(iterable._items)
            self._resize(len(self._items) + len(new))
            self._items.extend(new)
            return
        for v in iterable:
            self.append(v)

    def fromlist(self, list, /):
        if not isinstance(list, type([])):
            raise TypeError("arg must be list")
        new = [_convert(self._tc, v) for v in list]
        self._resize(len(self._items) + len(new))
        self._items.extend(new)

    def frombytes(self, buffer, /):
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(buffer)
        size = _ITEMSIZE[self._tc]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        n = len(data) // size
        if self._tc == 'u':
            new = list(data.decode('utf-32-le'))
        else:
            new = list(_struct.unpack('<%d%s' % (n, _STRUCT_CODE[self._tc]), data))
        self._resize(len(self._items) + n)
        self._items.extend(new)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._resize(len(self._items) + len(s))
        self._items.extend(s)

    def pop(self, i=-1, /):
        n = len(self._items)
        if n == 0:
            raise IndexError("pop from empty array")
        i = _index(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("pop index out of range")
        v = self._items[i]
        self._resize(n - 1)
        del self._items[i]
        return v

    def remove(self, v, /):
        for i, x in enumerate(self._items):
            if x == v:
                self._resize(len(self._items) - 1)
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    # -- queries and conversions ------------------------------------------

    def index(self, v, start=0, stop=None, /):
        n = len(self._items)
        stop = n if stop is None else stop
        for i in range(*slice(start, stop).indices(n)):
            if self._items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for x in self._items if x == v)

    def reverse(self):
        self._items.reverse()

    def byteswap(self):
        size = _ITEMSIZE[self._tc]
        if self._tc == 'u':
            data = ''.join(self._items).encode('utf-32-be')
            self._items = list(data.decode('utf-32-le', 'surrogatepass'))
            return
        code = _STRUCT_CODE[self._tc]
        n = len(self._items)
        data = _struct.pack('<%d%s' % (n, code), *self._items)
        swapped = b''.join(data[k:k + size][::-1] for k in range(0, len(data), size))
        self._items = list(_struct.unpack('<%d%s' % (n, code), swapped))

    def tobytes(self):
        if self._tc == 'u':
            return ''.join(self._items).encode('utf-32-le')
        return _struct.pack('<%d%s' % (len(self._items), _STRUCT_CODE[self._tc]), *self._items)

    def tolist(self):
        return list(self._items)

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def __reduce_ex__(self, protocol):
        return (array, (self._tc, list(self._items)))

    def __copy__(self):
        return array._exact(self._tc, list(self._items))

    def __deepcopy__(self, memo):
        return self.__copy__()

    # -- the sequence protocol ---------------------------------------------

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return any(x == v for x in self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return array._exact(self._tc, self._items[i])
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array index out of range")
        return self._items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            start, stop, step = i.indices(len(self._items))
            if step != 1:
                n = len(range(start, stop, step))
                if len(v) != n:
                    raise ValueError("attempt to assign array of size %d to extended slice of size %d"
                                     % (len(v), n))
            items = list(self._items)
            items[i] = list(v._items)
            self._resize(len(items))
            self._items = items
            return
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array assignment index out of range")
        self._items[i] = _convert(self._tc, v)

    def __delitem__(self, i):
        if isinstance(i, slice):
            items = list(self._items)
            del items[i]
            self._resize(len(items))
            self._items = items
            return
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array assignment index out of range")
        self._resize(len(self._items) - 1)
        del self._items[i]

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return array._exact(self._tc, self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            return NotImplemented
        return array._exact(self._tc, self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items * _index(n)
        self._resize(len(items))
        self._items = items
        return self

    # -- comparisons: item by item, whatever the typecodes -------------------

    def _cmp(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._tc, self._items)


ArrayType = array
