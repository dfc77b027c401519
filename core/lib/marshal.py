"""Internal Python object serialization (CPython 3.11's Python/marshal.c,
format version 4), for the simple types: None, bools, Ellipsis,
StopIteration, int, float, complex, str, bytes, tuple, list, dict, set and
frozenset. glasspy cannot marshal code objects.

Each value is a one-byte type code and its payload, little-endian. Since
version 3 a value may carry FLAG_REF (0x80): it is entered in a table, and
a later occurrence of the same object is written as TYPE_REF and its index.
CPython sets the flag on every object something else also refers to
(reference count above one); the writer here reads the same count with
sys.getrefcount, minus the references its own calls hold."""

__glasspy_hide_frames__ = True

import sys
import struct

version = 4

_FLAG_REF = 0x80
_CALL_REFS = 3      # a value in _w: the caller's variable, the parameter, getrefcount's argument
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _interned(s):
    # CPython interns the identifier-like string constants of code; the
    # other strings a program makes are not interned.
    return len(s) > 0 and all(c in _NAME_CHARS for c in s)


class _Writer:

    def __init__(self, version):
        self.version = version
        self.out = bytearray()
        self.refs = {}
        self.depth = 0

    def _byte(self, b):
        self.out.append(b)

    def _long(self, n):
        self.out += struct.pack("<i", n)

    def _size(self, n):
        if n > 0x7FFFFFFF:
            raise ValueError("unmarshallable object")
        self._long(n)

    def _ref(self, v, flag):
        # (written as a reference?, flag for the type byte)
        if self.version < 3 or not flag:
            return False, 0
        key = id(v)
        if key in self.refs:
            self.out.append(ord("r"))
            self._long(self.refs[key][0])
            return True, 0
        self.refs[key] = (len(self.refs), v)
        return False, _FLAG_REF

    def _w(self, v):
        shared = sys.getrefcount(v) - _CALL_REFS > 1
        self.depth += 1
        if self.depth > 2000:
            self.depth -= 1
            raise ValueError("object too deeply nested to marshal")
        try:
            self._w_object(v, shared)
        finally:
            self.depth -= 1

    def _w_object(self, v, shared):
        if v is None:
            self._byte(ord("N"))
        elif v is StopIteration:
            self._byte(ord("S"))
        elif v is Ellipsis:
            self._byte(ord("."))
        elif v is False:
            self._byte(ord("F"))
        elif v is True:
            self._byte(ord("T"))
        else:
            done, flag = self._ref(v, shared)
            if not done:
                self._w_complex(v, flag)

    def _w_complex(self, v, flag):
        t = type(v)
        if t is int:
            if -2 ** 31 <= v < 2 ** 31:
                self._byte(ord("i") | flag)
                self._long(v)
            else:
                self._byte(ord("l") | flag)
                digits = []
                n = abs(v)
                while n:
                    digits.append(n & 0x7FFF)
                    n >>= 15
                self._long(len(digits) if v > 0 else -len(digits))
                for d in digits:
                    self.out += struct.pack("<H", d)
        elif t is float:
            if self.version > 1:
                self._byte(ord("g") | flag)
                self.out += struct.pack("<d", v)
            else:
                s = repr(v).encode("ascii")
                self._byte(ord("f") | flag)
                self._byte(len(s))
                self.out += s
        elif t is complex:
            self._byte(ord("y") | flag)
            self.out += struct.pack("<dd", v.real, v.imag)
        elif t is bytes:
            self._byte(ord("s") | flag)
            self._size(len(v))
            self.out += v
        elif t is str:
            if self.version >= 4 and v.isascii():
                interned = _interned(v)
                if len(v) < 256:
                    self._byte(ord("Z" if interned else "z") | flag)
                    self._byte(len(v))
                else:
                    self._byte(ord("A" if interned else "a") | flag)
                    self._size(len(v))
                self.out += v.encode("ascii")
            else:
                data = v.encode("utf-8", "surrogatepass")
                self._byte(ord("t" if _interned(v) and self.version >= 1 else "u") | flag)
                self._size(len(data))
                self.out += data
        elif t is tuple:
            if self.version >= 4 and len(v) < 256:
                self._byte(ord(")") | flag)
                self._byte(len(v))
            else:
                self._byte(ord("(") | flag)
                self._size(len(v))
            for item in v:
                self._w(item)
        elif t is list:
            self._byte(ord("[") | flag)
            self._size(len(v))
            for item in v:
                self._w(item)
        elif t is dict:
            self._byte(ord("{") | flag)
            for key in v:
                value = v[key]
                self._w(key)
                self._w(value)
                del value
            self._byte(ord("0"))
        elif t is set or t is frozenset:
            self._byte(ord("<" if t is set else ">") | flag)
            self._size(len(v))
            for item in v:
                self._w(item)
        else:
            raise ValueError("unmarshallable object")


def dumps(value, version=version, /):
    """Return the bytes object that would be written to a file by dump(value, file)."""
    w = _Writer(version)
    w._w(value)
    return bytes(w.out)


def dump(value, file, version=version, /):
    """Write the value on the open file."""
    file.write(dumps(value, version))


class _Reader:

    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.refs = []

    def _take(self, n):
        if self.pos + n > len(self.data):
            raise EOFError("marshal data too short")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def _long(self):
        return struct.unpack("<i", self._take(4))[0]

    def _size(self):
        n = self._long()
        if n < 0:
            raise ValueError("bad marshal data (size out of range)")
        return n

    def _r(self):
        if self.pos >= len(self.data):
            raise EOFError("EOF read where object expected")
        code = self.data[self.pos]
        self.pos += 1
        flag = code & _FLAG_REF
        code = chr(code & ~_FLAG_REF)
        if code == "N":
            return None
        if code == "F":
            return False
        if code == "T":
            return True
        if code == "S":
            return StopIteration
        if code == ".":
            return Ellipsis
        if code == "0":
            raise TypeError("NULL object in marshal data for object")
        if code == "r":
            index = self._long()
            if not 0 <= index < len(self.refs):
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[index]
        slot = None
        if flag:
            slot = len(self.refs)
            self.refs.append(None)
        if code in "([<>{":
            # Containers enter the table before their items are read.
            return self._container(code, slot)
        value = self._simple(code)
        if slot is not None:
            self.refs[slot] = value
        return value

    def _simple(self, code):
        if code == "i":
            return self._long()
        if code == "l":
            n = self._long()
            size = abs(n)
            value = 0
            for i in range(size):
                d = struct.unpack("<H", self._take(2))[0]
                if d > 0x7FFF:
                    raise ValueError("bad marshal data (digit out of range in long)")
                value |= d << (15 * i)
            return -value if n < 0 else value
        if code == "g":
            return struct.unpack("<d", self._take(8))[0]
        if code == "f":
            n = self._take(1)[0]
            return float(self._take(n).decode("ascii"))
        if code == "y":
            re_, im = struct.unpack("<dd", self._take(16))
            return complex(re_, im)
        if code == "x":
            n = self._take(1)[0]
            re_ = float(self._take(n).decode("ascii"))
            n = self._take(1)[0]
            im = float(self._take(n).decode("ascii"))
            return complex(re_, im)
        if code == "s":
            return bytes(self._take(self._size()))
        if code in "tu":
            return bytes(self._take(self._size())).decode("utf-8", "surrogatepass")
        if code in "aA":
            return bytes(self._take(self._size())).decode("latin-1")
        if code in "zZ":
            n = self._take(1)[0]
            return bytes(self._take(n)).decode("latin-1")
        if code == ")":
            n = self._take(1)[0]
            return tuple(self._r() for _ in range(n))
        if code == "c":
            raise ValueError("bad marshal data (glasspy cannot unmarshal code objects)")
        raise ValueError("bad marshal data (unknown type code)")

    def _container(self, code, slot):
        if code == "(":
            n = self._size()
            items = tuple(self._r() for _ in range(n))
            if slot is not None:
                self.refs[slot] = items
            return items
        if code == "[":
            n = self._size()
            result = []
            if slot is not None:
                self.refs[slot] = result
            for _ in range(n):
                result.append(self._r())
            return result
        if code == "{":
            result = {}
            if slot is not None:
                self.refs[slot] = result
            while True:
                if self.pos < len(self.data) and self.data[self.pos] == ord("0"):
                    self.pos += 1
                    break
                key = self._r()
                result[key] = self._r()
            return result
        n = self._size()
        items = [self._r() for _ in range(n)]
        result = set(items) if code == "<" else frozenset(items)
        if slot is not None:
            self.refs[slot] = result
        return result


def loads(bytes, /):
    """Convert the bytes-like object to a value; extra bytes are ignored."""
    return _Reader(memoryview(bytes).tobytes())._r()


def load(file, /):
    """Read one value from the open binary file."""
    data = file.read()
    r = _Reader(data)
    value = r._r()
    if hasattr(file, "seek"):
        try:
            file.seek(r.pos - len(data), 1)
        except (OSError, ValueError):
            pass
    return value
