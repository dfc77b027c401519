"""Internal Python object serialization (CPython 3.11's Python/marshal.c,
format version 4): None, bools, Ellipsis, StopIteration, int, float,
complex, str, bytes, tuple, list, dict, set, frozenset and code objects.

Each value is a one-byte type code and its payload, little-endian. Since
version 3 a value may carry FLAG_REF (0x80): it is entered in a table, and
a later occurrence of the same object is written as TYPE_REF and its index.
CPython sets the flag on every object something else also refers to
(reference count above one); the writer here reads the same count with
sys.getrefcount, minus the references its own calls hold.

A code object is written as CPython writes it (type code 'c', then its
fields in CPython's order, from _glasspy.code_parts), followed by one
field of glasspy's own: the CRC-32 of the bytes of the whole code object.
CPython runs whatever bytecode it unmarshals, and damaged bytecode can
crash it; glasspy refuses a code object whose checksum does not match,
and _glasspy.code_from_parts checks the rest (indexes, jumps, stack
depth) before the code can run. Everything else is byte for byte what
CPython writes."""

__glasspy_hide_frames__ = True

import sys
import struct
import _glasspy
from zlib import crc32 as _crc32

version = 4

_CodeType = type(compile("", "", "exec"))

_FLAG_REF = 0x80
_CALL_REFS = 3      # a value in _w: the caller's variable, the parameter, getrefcount's argument
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _interned(s):
    # CPython interns the identifier-like string constants of code, and
    # the empty string; the other strings a program makes are not interned.
    return all(c in _NAME_CHARS for c in s)


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

    def _w(self, v, call_refs=_CALL_REFS):
        shared = sys.getrefcount(v) - call_refs > 1
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
                self._byte(ord("t" if _interned(v) and self.version >= 3 else "u") | flag)
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
        elif t is _CodeType:
            start = len(self.out)
            parts = _glasspy.code_parts(v)
            self._byte(ord("c") | flag)
            for n in parts[:5]:
                self._long(n)
            for item in parts[5:13]:
                self._w(item)
            self._long(parts[13])
            self._w(parts[14])
            self._w(parts[15])
            del parts
            self.out += struct.pack("<I", _crc32(self.out[start:]))
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
    # The value itself has one reference fewer from these calls: the
    # caller's argument is dumps' own `value` (where CPython counts the
    # reference of the caller's stack).
    w._w(value, _CALL_REFS - 1)
    return bytes(w.out)


def dump(value, file, version=version, /):
    """Write the value on the open file."""
    # Not through dumps(): one more frame would count as one more reference.
    w = _Writer(version)
    w._w(value, _CALL_REFS - 1)
    file.write(bytes(w.out))


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

    def _size(self, what):
        n = self._long()
        if n < 0:
            raise ValueError("bad marshal data (%s size out of range)" % what)
        return n

    def _item(self, what):
        # An item of a container: the end marker '0' (NULL) is an error
        # there, named after the container.
        if self.pos < len(self.data) and self.data[self.pos] == ord("0"):
            raise TypeError("NULL object in marshal data for " + what)
        return self._r()

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
        if code == "c":
            value = self._code(self.pos - 1)
            if slot is not None:
                self.refs[slot] = value
            return value
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
            if n < -0x7FFFFFFF:
                raise ValueError("bad marshal data (long size out of range)")
            size = abs(n)
            value = 0
            for i in range(size):
                d = struct.unpack("<H", self._take(2))[0]
                if d > 0x7FFF:
                    raise ValueError("bad marshal data (digit out of range in long)")
                if d == 0 and i == size - 1:
                    raise ValueError("bad marshal data (unnormalized long data)")
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
            return bytes(self._take(self._size("bytes object")))
        if code in "tu":
            return bytes(self._take(self._size("string"))).decode("utf-8", "surrogatepass")
        if code in "aA":
            return bytes(self._take(self._size("string"))).decode("latin-1")
        if code in "zZ":
            n = self._take(1)[0]
            return bytes(self._take(n)).decode("latin-1")
        if code == ")":
            n = self._take(1)[0]
            return tuple([self._item("tuple") for _ in range(n)])
        raise ValueError("bad marshal data (unknown type code)")

    def _code(self, start):
        # The fields in CPython's order, then the checksum of all the bytes
        # from the type code on (see the module's docstring).
        ints = [self._long() for _ in range(5)]
        objects = [self._r() for _ in range(8)]
        firstlineno = self._long()
        linetable = self._r()
        exceptiontable = self._r()
        end = self.pos
        (crc,) = struct.unpack("<I", self._take(4))
        if _crc32(self.data[start:end]) != crc:
            raise ValueError("bad marshal data (code object checksum mismatch)")
        return _glasspy.code_from_parts(
            (*ints, *objects, firstlineno, linetable, exceptiontable))

    def _container(self, code, slot):
        if code == "(":
            n = self._size("tuple")
            items = tuple([self._item("tuple") for _ in range(n)])
            if slot is not None:
                self.refs[slot] = items
            return items
        if code == "[":
            n = self._size("list")
            result = []
            if slot is not None:
                self.refs[slot] = result
            for _ in range(n):
                result.append(self._item("list"))
            return result
        if code == "{":
            result = {}
            if slot is not None:
                self.refs[slot] = result
            # A NULL (the '0' code) where a key or a value should be ends
            # the dict, as in CPython.
            while True:
                if self.pos < len(self.data) and self.data[self.pos] == ord("0"):
                    self.pos += 1
                    break
                key = self._r()
                if self.pos < len(self.data) and self.data[self.pos] == ord("0"):
                    self.pos += 1
                    break
                result[key] = self._r()
            return result
        n = self._size("set")
        items = [self._item("set") for _ in range(n)]
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
