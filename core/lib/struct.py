"""Converting between Python values and C structs as bytes (CPython 3.11's
struct module, written in Python for glasspy).

A format string is compiled once into a list of items (code, count, offset)
for one byte order; native mode ('@', the default) uses the sizes and
alignment of 64-bit Linux, as CPython there does. Integers become bytes with
int.to_bytes, floats through their exact (mantissa, exponent) pair rounded
half-to-even into the IEEE 754 binary16/32/64 layouts.
"""

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']

import math as _math


class error(Exception):
    pass


error.__module__ = 'struct'

# code -> size, in native ('@') and in standard ('=', '<', '>', '!') mode.
_NATIVE_SIZE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
                'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8,
                'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}
_STD_SIZE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
             'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2,
             'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = set('bhilqn')
_UNSIGNED = set('BHILQNP')
# Float layouts: code -> (mantissa bits with the hidden one, minimum exponent,
# maximum exponent, exponent bias).
_FLOAT = {'e': (11, -14, 15, 15), 'f': (24, -126, 127, 127), 'd': (53, -1022, 1023, 1023)}
# The names CPython's range errors use for the small integer codes.
_SMALL_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}

_LONG_MIN, _LONG_MAX = -(1 << 63), (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1


def _compile(fmt):
    # Returns (byteorder, native, items, size): items are (code, count, offset).
    order = '@'
    i = 0
    if fmt and fmt[0] in '@=<>!':
        order = fmt[0]
        i = 1
    native = order == '@'
    if order in '@=':
        byteorder = 'little'
    else:
        byteorder = 'little' if order == '<' else 'big'
    sizes = _NATIVE_SIZE if native else _STD_SIZE
    items = []
    offset = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = 1
        if '0' <= c <= '9':
            j = i
            while j < n and '0' <= fmt[j] <= '9':
                j += 1
            count = int(fmt[i:j])
            if j >= n:
                raise error("repeat count given without format specifier")
            i = j
            c = fmt[i]
        size = sizes.get(c)
        if size is None:
            raise error("bad char in struct format")
        if native and c not in 'xcbB?sp':
            offset = (offset + size - 1) // size * size
        items.append((c, count, offset))
        offset += size * count
        if offset > _LONG_MAX:
            raise error("total struct size too long")
        i += 1
    return byteorder, native, items, offset


def _pack_int(code, v, size, byteorder, native):
    if not isinstance(v, int):
        if hasattr(type(v), '__index__') and not isinstance(v, float):
            v = v.__index__()
        else:
            raise error("required argument is not an integer")
    big = byteorder == 'big' and not native
    if code == 'P':
        if not (_LONG_MIN <= v <= _ULONG_MAX):
            raise error("int too large to convert")
        return (v & _ULONG_MAX).to_bytes(8, byteorder)
    unsigned_conv = code in 'ILQN' or (code == 'H' and big)
    if big and size == 8:
        lo, hi = (0, _ULONG_MAX) if code == 'Q' else (_LONG_MIN, _LONG_MAX)
        if not (lo <= v <= hi):
            raise error("int too large to convert")
    elif unsigned_conv:
        if not (0 <= v <= _ULONG_MAX):
            raise error("argument out of range")
    elif not (_LONG_MIN <= v <= _LONG_MAX):
        raise error("argument out of range")
    if code in _SIGNED:
        lo, hi = -(1 << (size * 8 - 1)), (1 << (size * 8 - 1)) - 1
    else:
        lo, hi = 0, (1 << (size * 8)) - 1
    if not (lo <= v <= hi):
        name = _SMALL_NAMES.get(code) if not big or code in 'bB' else None
        if name is None:
            name = "'%s'" % code
        raise error("%s format requires %d <= number <= %d" % (name, lo, hi))
    return v.to_bytes(size, byteorder, signed=code in _SIGNED)


def _float_bits(code, x, native):
    # The IEEE 754 bit pattern of x in the layout of `code`.
    p, emin, emax, bias = _FLOAT[code]
    width = {'e': 16, 'f': 32, 'd': 64}[code]
    sign = 1 << (width - 1) if _math.copysign(1.0, x) < 0 else 0
    expmask = ((1 << (width - p)) - 1) << (p - 1)
    if x != x:
        return sign | expmask | (1 << (p - 2))
    x = abs(x)
    if x == _math.inf:
        return sign | expmask
    if x == 0.0:
        return sign
    exp = max(_math.frexp(x)[1] - 1, emin)
    q = round(_math.ldexp(x, p - 1 - exp))
    if q == 1 << p:
        q >>= 1
        exp += 1
    if exp > emax:
        if native and code == 'f':
            return sign | expmask      # a C cast to float gives inf
        raise OverflowError("float too large to pack with %s format" % code)
    if q < 1 << (p - 1):
        return sign | q                # subnormal
    return sign | ((exp + bias) << (p - 1)) | (q - (1 << (p - 1)))


def _float_from_bits(code, bits):
    p, emin, emax, bias = _FLOAT[code]
    width = {'e': 16, 'f': 32, 'd': 64}[code]
    negative = bits >> (width - 1)
    e = (bits >> (p - 1)) & ((1 << (width - p)) - 1)
    m = bits & ((1 << (p - 1)) - 1)
    if e == (1 << (width - p)) - 1:
        v = _math.nan if m else _math.inf
    elif e == 0:
        v = _math.ldexp(float(m), emin - (p - 1))
    else:
        v = _math.ldexp(float(m | (1 << (p - 1))), e - bias - (p - 1))
    return -v if negative else v


def _as_float(v):
    if isinstance(v, float):
        return v
    try:
        return float(v) if isinstance(v, int) or hasattr(type(v), '__float__') or \
            hasattr(type(v), '__index__') else _not_float()
    except (TypeError, ValueError):
        raise error("required argument is not a float") from None


def _not_float():
    raise TypeError


def _readable(buf):
    if isinstance(buf, bytes):
        return buf
    if isinstance(buf, (bytearray, memoryview)):
        return bytes(buf)
    if hasattr(buf, 'tobytes') and hasattr(buf, 'typecode'):
        return buf.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(buf).__name__)


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(format).__name__)
        self._byteorder, self._native, self._items, self.size = _compile(format)
        self.format = format
        self._nargs = sum(0 if c == 'x' else 1 if c in 'sp' else n for c, n, _ in self._items)

    def __repr__(self):
        return 'Struct(%r)' % self.format

    def pack(self, *args):
        if len(args) != self._nargs:
            raise error("pack expected %d items for packing (got %d)" % (self._nargs, len(args)))
        out = bytearray(self.size)
        self._pack_to(out, 0, args)
        return bytes(out)

    def _pack_to(self, out, base, args):
        order, native = self._byteorder, self._native
        sizes = _NATIVE_SIZE if native else _STD_SIZE
        k = 0
        for code, count, offset in self._items:
            pos = base + offset
            if code == 'x':
                continue
            if code in 'sp':
                v = args[k]
                k += 1
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == 's':
                    data = bytes(v[:count])
                else:
                    if count == 0:
                        continue
                    data = bytes(v[:count - 1])
                    data = bytes([min(len(data), 255)]) + data
                out[pos:pos + len(data)] = data
                continue
            size = sizes[code]
            for _ in range(count):
                v = args[k]
                k += 1
                if code == 'c':
                    if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                        raise error("char format requires a bytes object of length 1")
                    data = bytes(v)
                elif code == '?':
                    data = b'\x01' if v else b'\x00'
                elif code in _FLOAT:
                    data = _float_bits(code, _as_float(v), native).to_bytes(size, order)
                else:
                    data = _pack_int(code, v, size, order, native)
                out[pos:pos + size] = data
                pos += size

    def _unpack_at(self, data, base):
        order, native = self._byteorder, self._native
        sizes = _NATIVE_SIZE if native else _STD_SIZE
        result = []
        for code, count, offset in self._items:
            pos = base + offset
            if code == 'x':
                continue
            if code == 's':
                result.append(data[pos:pos + count])
                continue
            if code == 'p':
                if count == 0:
                    result.append(b'')
                    continue
                n = min(data[pos], count - 1)
                result.append(data[pos + 1:pos + 1 + n])
                continue
            size = sizes[code]
            for _ in range(count):
                chunk = data[pos:pos + size]
                pos += size
                if code == 'c':
                    result.append(chunk)
                elif code == '?':
                    result.append(chunk != b'\x00' * size)
                elif code in _FLOAT:
                    result.append(_float_from_bits(code, int.from_bytes(chunk, order)))
                else:
                    result.append(int.from_bytes(chunk, order, signed=code in _SIGNED))
        return tuple(result)

    def unpack(self, buffer):
        data = _readable(buffer)
        if len(data) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._unpack_at(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = _readable(buffer)
        offset = offset.__index__()
        n = len(data)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes "
                        "at offset %d (actual buffer size is %d)" % (self.size + offset, self.size, offset, n))
        return self._unpack_at(data, offset)

    def pack_into(self, buffer, offset, *args):
        if not isinstance(buffer, (bytearray, memoryview)):
            raise TypeError("argument must be read-write bytes-like object, not %s" % type(buffer).__name__)
        if len(args) != self._nargs:
            raise error("pack_into expected %d items for packing (got %d)" % (self._nargs, len(args)))
        offset = offset.__index__()
        n = len(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes "
                        "at offset %d (actual buffer size is %d)" % (self.size + offset, self.size, offset, n))
        out = bytearray(self.size)
        self._pack_to(out, 0, args)
        buffer[offset:offset + self.size] = out

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        data = _readable(buffer)
        if len(data) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % self.size)
        return _UnpackIterator(self, data)


class _UnpackIterator:
    def __init__(self, s, data):
        self._s = s
        self._data = data
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._pos >= len(self._data):
            raise StopIteration
        v = self._s._unpack_at(self._data, self._pos)
        self._pos += self._s.size
        return v

    def __length_hint__(self):
        return (len(self._data) - self._pos) // self._s.size


_UnpackIterator.__name__ = _UnpackIterator.__qualname__ = 'unpack_iterator'

_cache = {}


def _struct(fmt):
    s = _cache.get(fmt) if isinstance(fmt, (str, bytes)) else None
    if s is None:
        s = Struct(fmt)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = s
    return s


def calcsize(format):
    return _struct(format).size


def pack(format, *args):
    return _struct(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _struct(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)


def _clearcache():
    _cache.clear()
