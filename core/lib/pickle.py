"""Create portable serialized representations of Python objects.

A pickle is a little program for a stack machine: each opcode pushes an
object, builds a container from the objects above a MARK, or calls a
callable found by name. Pickler writes such a program for an object;
Unpickler runs it. The format is CPython's, byte for byte: for the
built-in types this module writes exactly what CPython 3.11's C pickler
(Modules/_pickle.c) writes, and it reads any pickle CPython writes.

Protocols: 0 and 1 are the old text/binary formats, 2 adds NEWOBJ and the
short tuple opcodes, 3 adds bytes, 4 (the default) adds framing, short
strings, sets and the MEMOIZE opcode, 5 adds bytearray and out-of-band
buffers (PEP 574).

What is written for an object:
  * None, bools, ints, floats, str, bytes: an opcode holding the value;
  * tuples, lists, dicts, sets, frozensets: their items, then an opcode
    that builds the container;
  * functions and classes: their module and qualified name (the unpickler
    imports the module and looks the name up);
  * anything else: what its __reduce_ex__(protocol) returns — a callable,
    its arguments, and optionally a state for __setstate__ and items.

The memo: every object worth sharing is remembered (by id) with a number
when first written; writing it again emits "get number", so shared and
recursive structures come back shared and recursive.
"""

from copyreg import dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache
import copyreg
import io
import _compat_pickle
import sys
from struct import pack, unpack

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "ADDITEMS", "APPEND", "APPENDS", "BINBYTES", "BINBYTES8",
           "BINFLOAT", "BINGET", "BININT", "BININT1", "BININT2", "BINPERSID",
           "BINPUT", "BINSTRING", "BINUNICODE", "BINUNICODE8", "BUILD",
           "BYTEARRAY8", "DEFAULT_PROTOCOL", "DICT", "DUP", "EMPTY_DICT",
           "EMPTY_LIST", "EMPTY_SET", "EMPTY_TUPLE", "EXT1", "EXT2", "EXT4",
           "FALSE", "FLOAT", "FRAME", "FROZENSET", "GET", "GLOBAL",
           "HIGHEST_PROTOCOL", "INST", "INT", "LIST", "LONG", "LONG1", "LONG4",
           "LONG_BINGET", "LONG_BINPUT", "MARK", "MEMOIZE", "NEWFALSE",
           "NEWOBJ", "NEWOBJ_EX", "NEWTRUE", "NEXT_BUFFER", "NONE", "OBJ",
           "PERSID", "POP", "POP_MARK", "PROTO", "PUT", "READONLY_BUFFER",
           "REDUCE", "SETITEM", "SETITEMS", "SHORT_BINBYTES",
           "SHORT_BINSTRING", "SHORT_BINUNICODE", "STACK_GLOBAL", "STOP",
           "STRING", "TRUE", "TUPLE", "TUPLE1", "TUPLE2", "TUPLE3", "UNICODE"]

bytes_types = (bytes, bytearray)

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""
    pass


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method.

    """
    pass


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an object,
    such as a security violation.

    Note that other exceptions may also be raised during unpickling, including
    (but not necessarily limited to) AttributeError, EOFError, ImportError,
    and IndexError.

    """
    pass


class _Stop(Exception):
    # Raised by the STOP opcode to end the unpickler's loop.
    def __init__(self, value):
        self.value = value


class PickleBuffer:
    """Wrapper for potentially out-of-band buffers"""

    def __init__(self, buffer):
        self._view = memoryview(buffer)

    def raw(self):
        return self._view

    def release(self):
        self._view.release()


# ---------------------------------------------------------------- opcodes
# The one-byte opcodes; the comment says what each leaves on the stack.

MARK           = b'('   # push the mark (the start of a group of items)
STOP           = b'.'   # end: the top of the stack is the result
POP            = b'0'   # discard the top item
POP_MARK       = b'1'   # discard everything down to the topmost mark
DUP            = b'2'   # push a copy of the top item
FLOAT          = b'F'   # float from its repr and a newline
INT            = b'I'   # int from decimal text and a newline
BININT         = b'J'   # int from 4 bytes, signed little-endian
BININT1        = b'K'   # int from 1 unsigned byte
LONG           = b'L'   # int from decimal text, "L" and a newline
BININT2        = b'M'   # int from 2 unsigned bytes
NONE           = b'N'   # None
PERSID         = b'P'   # persistent_load(id from a text line)
BINPERSID      = b'Q'   # persistent_load(id popped from the stack)
REDUCE         = b'R'   # callable(*args): both popped
STRING         = b'S'   # str from a quoted Python 2 string literal
BINSTRING      = b'T'   # Python 2 string, 4-byte length
SHORT_BINSTRING = b'U'  # Python 2 string, 1-byte length
UNICODE        = b'V'   # str, raw-unicode-escape text and a newline
BINUNICODE     = b'X'   # str, UTF-8 with a 4-byte length
APPEND         = b'a'   # list.append(top)
BUILD          = b'b'   # __setstate__(top) or update __dict__
GLOBAL         = b'c'   # module.name from two text lines
DICT           = b'd'   # dict from the key/value pairs above the mark
EMPTY_DICT     = b'}'
APPENDS        = b'e'   # list.extend(items above the mark)
GET            = b'g'   # push memo[decimal text]
BINGET         = b'h'   # push memo[1-byte index]
INST           = b'i'   # class from two text lines, called with items above the mark
LONG_BINGET    = b'j'   # push memo[4-byte index]
LIST           = b'l'   # list of the items above the mark
EMPTY_LIST     = b']'
OBJ            = b'o'   # cls(*items above the mark), cls being the first
PUT            = b'p'   # memo[decimal text] = top
BINPUT         = b'q'   # memo[1-byte index] = top
LONG_BINPUT    = b'r'   # memo[4-byte index] = top
SETITEM        = b's'   # d[key] = value
TUPLE          = b't'   # tuple of the items above the mark
EMPTY_TUPLE    = b')'
SETITEMS       = b'u'   # d.update(pairs above the mark)
BINFLOAT       = b'G'   # float from 8 bytes, big-endian IEEE 754

TRUE           = b'I01\n'
FALSE          = b'I00\n'

# Protocol 2
PROTO          = b'\x80'  # the protocol number follows (1 byte)
NEWOBJ         = b'\x81'  # cls.__new__(cls, *args)
EXT1           = b'\x82'  # the object registered as extension code (1 byte)
EXT2           = b'\x83'  # (2 bytes)
EXT4           = b'\x84'  # (4 bytes)
TUPLE1         = b'\x85'  # tuple of the top item
TUPLE2         = b'\x86'  # of the top two
TUPLE3         = b'\x87'  # of the top three
NEWTRUE        = b'\x88'
NEWFALSE       = b'\x89'
LONG1          = b'\x8a'  # int from n bytes (1-byte n), two's complement little-endian
LONG4          = b'\x8b'  # int from n bytes (4-byte n)

_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

# Protocol 3
BINBYTES       = b'B'     # bytes, 4-byte length
SHORT_BINBYTES = b'C'     # bytes, 1-byte length

# Protocol 4
SHORT_BINUNICODE = b'\x8c'  # str, UTF-8 with a 1-byte length
BINUNICODE8      = b'\x8d'  # str, 8-byte length
BINBYTES8        = b'\x8e'  # bytes, 8-byte length
EMPTY_SET        = b'\x8f'
ADDITEMS         = b'\x90'  # set.update(items above the mark)
FROZENSET        = b'\x91'  # frozenset of the items above the mark
NEWOBJ_EX        = b'\x92'  # cls.__new__(cls, *args, **kwargs)
STACK_GLOBAL     = b'\x93'  # module.qualname, both popped
MEMOIZE          = b'\x94'  # memo[len(memo)] = top
FRAME            = b'\x95'  # a frame of 8-byte length follows

# Protocol 5
BYTEARRAY8       = b'\x96'  # bytearray, 8-byte length
NEXT_BUFFER      = b'\x97'  # the next out-of-band buffer
READONLY_BUFFER  = b'\x98'  # make the top buffer read-only

_FRAME_SIZE_MIN = 4        # a frame shorter than this is not worth its header
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000          # items per APPENDS / SETITEMS / ADDITEMS


# ------------------------------------------------------------ the output

class _Output:
    """The bytes written so far, cut into frames (protocol 4+).

    A frame is opened lazily by the first write after the previous one was
    committed; its header (FRAME + 8-byte length) is filled in when it is
    committed, or left out if the frame ended up shorter than
    _FRAME_SIZE_MIN. A frame is committed at the first object boundary
    past _FRAME_SIZE_TARGET bytes, before a large bytes/str payload (which
    is written outside any frame), and at the end.
    """

    def __init__(self, framing=False):
        self.chunks = []         # finished pieces (committed frames, big payloads)
        self.current = []        # the open frame's pieces
        self.current_len = 0
        self.framing = framing

    def write(self, data):
        self.current.append(data)
        self.current_len += len(data)

    def commit(self):
        if not self.current:
            return
        body = b"".join(self.current)
        if self.framing and len(body) >= _FRAME_SIZE_MIN:
            self.chunks.append(FRAME + len(body).to_bytes(8, "little"))
        self.chunks.append(body)
        self.current = []
        self.current_len = 0

    def boundary(self):
        # Called after each complete object: a full frame is closed here.
        if self.framing and self.current_len >= _FRAME_SIZE_TARGET:
            self.commit()

    def write_large(self, header, payload):
        # header in no frame; the payload after it, unframed as well.
        if self.framing:
            self.commit()
            self.chunks.append(header)
            self.chunks.append(bytes(payload) if not isinstance(payload, bytes) else payload)
        else:
            self.write(header)
            self.write(payload)

    def getvalue(self):
        self.commit()
        return b"".join(self.chunks)


# --------------------------------------------------------------- helpers

def _getattribute(obj, name):
    # obj.a.b.c for name "a.b.c"; returns (found, its parent).
    parent = None
    for part in name.split('.'):
        if part == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        try:
            parent = obj
            obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}".format(name, obj)) from None
    return obj, parent


def whichmodule(obj, name):
    """Find the module an object belong to."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if (module_name == '__main__' or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def encode_long(x):
    r"""Encode a long to a two's complement little-endian binary string.
    Note that 0 is a special case, returning an empty string, to save a
    byte in the LONG1 pickling context.

    >>> encode_long(0)
    b''
    >>> encode_long(255)
    b'\xff\x00'
    >>> encode_long(32767)
    b'\xff\x7f'
    >>> encode_long(-256)
    b'\x00\xff'
    >>> encode_long(-32768)
    b'\x00\x80'
    >>> encode_long(-128)
    b'\x80'
    >>> encode_long(127)
    b'\x7f'
    >>>
    """
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        # The top byte may be a redundant sign byte (e.g. -128 fits one).
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    r"""Decode a long from a two's complement little-endian binary string.

    >>> decode_long(b'')
    0
    >>> decode_long(b"\xff\x00")
    255
    >>> decode_long(b"\xff\x7f")
    32767
    >>> decode_long(b"\x00\xff")
    -256
    >>> decode_long(b"\x00\x80")
    -32768
    >>> decode_long(b"\x80")
    -128
    >>> decode_long(b"\x7f")
    127
    """
    return int.from_bytes(data, byteorder='little', signed=True)


def _repr_for_error(obj):
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


# ---------------------------------------------------------------- Pickler

class Pickler:
    """This takes a binary file for writing a pickle data stream.

    The optional *protocol* argument tells the pickler to use the given
    protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default
    protocol is 4. It was introduced in Python 3.4, and is incompatible
    with previous versions.

    Specifying a negative protocol version selects the highest protocol
    version supported.  The higher the protocol used, the more recent the
    version of Python needed to read the pickle produced.

    The *file* argument must have a write() method that accepts a single
    bytes argument. It can thus be a file object opened for binary
    writing, an io.BytesIO instance, or any other custom object that meets
    this interface.
    """

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._buffer_callback = buffer_callback
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self._out = None

    def clear_memo(self):
        """Clears the pickler's "memo"."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (self.__class__.__name__,))
        out = self._out = _Output(self.proto >= 4)
        if self.proto >= 2:
            out.chunks.append(PROTO + bytes([self.proto]))
        self.save(obj)
        out.write(STOP)
        data = out.getvalue()
        self._out = None
        self._file_write(data)

    # -- the memo

    def memoize(self, obj):
        """Store an object in the memo."""
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self.put(idx))
        self.memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return BINPUT + bytes([idx])
            return LONG_BINPUT + pack("<I", idx)
        return PUT + repr(idx).encode("ascii") + b'\n'

    def get(self, i):
        if self.bin:
            if i < 256:
                return BINGET + bytes([i])
            return LONG_BINGET + pack("<I", i)
        return GET + repr(i).encode("ascii") + b'\n'

    def write(self, data):
        self._out.write(data)

    # -- the dispatcher

    def save(self, obj, save_persistent_id=True):
        self._save(obj, save_persistent_id)
        self._out.boundary()

    def _save(self, obj, save_persistent_id):
        pid = self.persistent_id(obj) if save_persistent_id else None
        if pid is not None and save_persistent_id:
            self.save_pers(pid)
            return

        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return

        t = type(obj)
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return

        reduce = getattr(self, 'reducer_override', None)
        rv = NotImplemented
        if reduce is not None:
            rv = reduce(obj)
        if rv is NotImplemented:
            if issubclass(t, type):
                self.save_global(obj)
                return
            reduce = getattr(self, 'dispatch_table', dispatch_table).get(t)
            if reduce is not None:
                rv = reduce(obj)
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is not None:
                        rv = reduce()
                    else:
                        raise PicklingError("Can't pickle %r object: %r" % (t.__name__, obj))

        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return string or tuple" % reduce)
        l = len(rv)
        if not (2 <= l <= 6):
            raise PicklingError("Tuple returned by %s must have two to six elements" % reduce)
        self.save_reduce(obj=obj, *rv)

    def persistent_id(self, obj):
        # This exists so a subclass can override it
        return None

    def save_pers(self, pid):
        # Save a persistent id reference
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")

        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                import functools
                func = functools.partial(cls.__new__, cls, *args, **kwargs)
                save(func)
                save(())
                write(REDUCE)
        elif self.proto >= 2 and func_name == "__newobj__":
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            args = args[1:]
            save(cls)
            save(args)
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)

        if obj is not None:
            # A recursive object may already be in the memo (through its
            # own arguments): then what was just built is dropped for it.
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)

        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- the built-in types

    dispatch = {}

    def save_none(self, obj):
        self.write(NONE)
    dispatch[type(None)] = save_none

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)
    dispatch[bool] = save_bool

    def save_long(self, obj):
        if self.bin and -0x80000000 <= obj <= 0x7fffffff:
            if 0 <= obj <= 0xff:
                self.write(BININT1 + bytes([obj]))
            elif 0 <= obj <= 0xffff:
                self.write(BININT2 + obj.to_bytes(2, "little"))
            else:
                self.write(BININT + obj.to_bytes(4, "little", signed=True))
            return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                self.write(LONG1 + bytes([n]) + data)
            else:
                self.write(LONG4 + pack("<i", n) + data)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode("ascii") + b'\n')
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')
    dispatch[int] = save_long

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b'\n')
    dispatch[float] = save_float

    def _write_sized(self, short_op, op, long_op, data):
        # One of the three length-prefixed forms; big payloads go unframed.
        n = len(data)
        if n <= 0xff and short_op is not None:
            header = short_op + bytes([n])
        elif n > 0xffffffff and long_op is not None:
            header = long_op + pack("<Q", n)
        else:
            header = op + pack("<I", n)
        if n >= _FRAME_SIZE_TARGET:
            self._out.write_large(header, data)
        else:
            self.write(header + data)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                # _codecs.encode(text, 'latin1'), the global written by name.
                if id(_codecs_encode) in self.memo:
                    self.write(self.get(self.memo[id(_codecs_encode)][0]))
                else:
                    self.write(GLOBAL + b'_codecs\nencode\n')
                    self.memoize(_codecs_encode)
                self.save((str(obj, 'latin1'), 'latin1'))
                self.write(REDUCE)
                self.memoize(obj)
            return
        self._write_sized(SHORT_BINBYTES, BINBYTES, BINBYTES8 if self.proto >= 4 else None, obj)
        self.memoize(obj)
    dispatch[bytes] = save_bytes

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        header = BYTEARRAY8 + pack("<Q", n)
        if n >= _FRAME_SIZE_TARGET:
            self._out.write_large(header, bytes(obj))
        else:
            self.write(header + bytes(obj))
        self.memoize(obj)
    dispatch[bytearray] = save_bytearray

    def save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only pickled with protocol >= 5")
        m = obj.raw()
        if self._buffer_callback is None or self._buffer_callback(obj):
            if m.readonly:
                self.save_bytes(m.tobytes())
            else:
                self.save_bytearray(m.tobytes())
        else:
            self.write(NEXT_BUFFER)
            if m.readonly:
                self.write(READONLY_BUFFER)
    dispatch[PickleBuffer] = save_picklebuffer

    def save_str(self, obj):
        if self.bin:
            data = obj.encode('utf-8', 'surrogatepass')
            if self.proto >= 4:
                self._write_sized(SHORT_BINUNICODE, BINUNICODE, BINUNICODE8, data)
            else:
                self._write_sized(None, BINUNICODE, None, data)
        else:
            text = obj.replace("\\", "\\u005c").replace("\0", "\\u0000")
            text = text.replace("\n", "\\u000a").replace("\r", "\\u000d")
            text = text.replace("\x1a", "\\u001a")
            self.write(UNICODE + _raw_unicode_escape(text) + b'\n')
        self.memoize(obj)
    dispatch[str] = save_str

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for item in obj:
                save(item)
            if id(obj) in memo:
                # The tuple refers to itself through an item: the copy the
                # items built it already stands in the memo.
                self.write(POP * n + self.get(memo[id(obj)][0]))
            else:
                self.write(_tuplesize2code[n])
                self.memoize(obj)
            return
        self.write(MARK)
        for item in obj:
            save(item)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            if self.bin:
                self.write(POP_MARK + get)
            else:
                self.write(POP * (n + 1) + get)
            return
        self.write(TUPLE)
        self.memoize(obj)
    dispatch[tuple] = save_tuple

    def save_list(self, obj):
        if self.bin:
            self.write(EMPTY_LIST)
        else:
            self.write(MARK + LIST)
        self.memoize(obj)
        self._batch_appends_exact(obj)
    dispatch[list] = save_list

    def _batch_appends_exact(self, items):
        save = self.save
        write = self.write
        n = len(items)
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        if n == 0:
            return
        if n == 1:
            save(items[0])
            write(APPEND)
            return
        total = 0
        while total < len(items):
            write(MARK)
            batch = 0
            while total < len(items):
                save(items[total])
                total += 1
                batch += 1
                if batch == _BATCHSIZE:
                    break
            write(APPENDS)

    def _batch_appends(self, items):
        # Items of a list subclass (or an iterator from __reduce__).
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)
            elif n:
                save(batch[0])
                write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self.write(EMPTY_DICT)
        else:
            self.write(MARK + DICT)
        self.memoize(obj)
        self._batch_setitems_exact(obj)
    dispatch[dict] = save_dict

    def _batch_setitems_exact(self, d):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in d.items():
                save(k)
                save(v)
                write(SETITEM)
            return
        n = len(d)
        if n == 0:
            return
        if n == 1:
            for k, v in d.items():
                save(k)
                save(v)
            write(SETITEM)
            return
        it = iter(d.items())
        done = 0
        while done < n:
            write(MARK)
            batch = 0
            for k, v in it:
                save(k)
                save(v)
                done += 1
                batch += 1
                if batch == _BATCHSIZE:
                    break
            write(SETITEMS)
            if len(d) != n:
                raise RuntimeError("dictionary changed size during iteration")
            if batch < _BATCHSIZE:
                break

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)
            elif n:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        n = len(obj)
        if n == 0:
            return
        it = iter(obj)
        while True:
            write(MARK)
            batch = 0
            for item in it:
                save(item)
                batch += 1
                if batch == _BATCHSIZE:
                    break
            write(ADDITEMS)
            if len(obj) != n:
                raise RuntimeError("Set changed size during iteration")
            if batch < _BATCHSIZE:
                return
    dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self.write
        write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        write(FROZENSET)
        self.memoize(obj)
    dispatch[frozenset] = save_frozenset

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__

        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % (name,))
        module_name = whichmodule(obj, name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
            obj2, parent = _getattribute(module, name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError(
                "Can't pickle %s: attribute lookup %s on %s failed" %
                (_repr_for_error(obj), name, module_name)) from None
        else:
            if obj2 is not obj:
                raise PicklingError(
                    "Can't pickle %s: it's not the same object as %s.%s" %
                    (_repr_for_error(obj), module_name, name))

        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                assert code > 0
                if code <= 0xff:
                    write(EXT1 + bytes([code]))
                elif code <= 0xffff:
                    write(EXT2 + code.to_bytes(2, "little"))
                else:
                    write(EXT4 + pack("<i", code))
                return
        lastname = name.rpartition('.')[2]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        elif self.proto >= 3:
            write(GLOBAL + bytes(module_name, "utf-8") + b'\n' +
                  bytes(name, "utf-8") + b'\n')
        else:
            if self.fix_imports:
                r_name_mapping = _compat_pickle.REVERSE_NAME_MAPPING
                r_import_mapping = _compat_pickle.REVERSE_IMPORT_MAPPING
                if (module_name, name) in r_name_mapping:
                    module_name, name = r_name_mapping[(module_name, name)]
                elif module_name in r_import_mapping:
                    module_name = r_import_mapping[module_name]
            try:
                write(GLOBAL + bytes(module_name, "ascii") + b'\n' +
                      bytes(name, "ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError(
                    "can't pickle global identifier '%s.%s' using "
                    "pickle protocol %i" % (module, name, self.proto)) from None

        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        elif obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        elif obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    dispatch[type] = save_type

    def save_function(self, obj):
        # Functions, and built-in functions of a module, go by name; a
        # built-in method of an object is getattr(object, name).
        owner = getattr(obj, "__self__", None)
        if owner is None or type(owner).__name__ == "module":
            return self.save_global(obj)
        return self.save_reduce(getattr, (owner, obj.__name__), obj=obj)

    def save_named_singleton(self, obj):
        # NotImplemented and Ellipsis reduce to their names in builtins.
        self.save_global(obj, 'Ellipsis' if obj is ... else 'NotImplemented')

    dispatch[type(NotImplemented)] = save_named_singleton
    dispatch[type(...)] = save_named_singleton
    dispatch[type(_getattribute)] = save_global
    dispatch[type(len)] = save_function




def _codecs_encode(text, encoding):
    # What protocols 0-2 name for bytes: _codecs.encode(latin-1 text, 'latin1').
    return text.encode(encoding)

_codecs_encode.__module__ = "_codecs"
_codecs_encode.__name__ = _codecs_encode.__qualname__ = "encode"


# -------------------------------------------------------------- Unpickler

class Unpickler:

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        """This takes a binary file for reading a pickle data stream.

        The protocol version of the pickle is detected automatically, so
        no proto argument is needed.

        The argument *file* must have two methods, a read() method that
        takes an integer argument, and a readline() method that requires
        no arguments.  Both methods should return bytes.  Thus *file*
        can be a binary file object opened for reading, an io.BytesIO
        object, or any other custom object that meets this interface.
        """
        self._buffers = iter(buffers) if buffers is not None else None
        self._file_read = file.read
        self._file_readline = file.readline
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Read a pickled object representation from the open file.

        Return the reconstituted object hierarchy specified in the file.
        """
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % (self.__class__.__name__,))
        # A frame, once read, is served from memory.
        self._frame = b""
        self._frame_pos = 0
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        dispatch = self.dispatch
        read = self.read
        try:
            while True:
                try:
                    key = read(1)
                except UnpicklingError:
                    key = b""
                if not key:
                    raise EOFError("Ran out of input")
                op = dispatch.get(key[0])
                if op is None:
                    raise UnpicklingError("invalid load key, %r." % (key.decode("latin-1"),))
                try:
                    op(self)
                except IndexError:
                    # An opcode found too few items: below a mark, or none.
                    if self.stack:
                        raise
                    if self.metastack:
                        raise UnpicklingError("unexpected MARK found") from None
                    raise UnpicklingError("unpickling stack underflow") from None
        except _Stop as stopinst:
            return stopinst.value

    # -- reading, through the current frame

    def read(self, n):
        pos = self._frame_pos
        if pos + n <= len(self._frame):
            self._frame_pos = pos + n
            return self._frame[pos:pos + n]
        if pos < len(self._frame):
            raise UnpicklingError("pickle exhausted before end of frame")
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        frame = self._frame
        pos = self._frame_pos
        if pos < len(frame):
            end = frame.find(b'\n', pos)
            if end < 0:
                raise UnpicklingError("pickle exhausted before end of frame")
            self._frame_pos = end + 1
            return frame[pos:end + 1]
        line = self._file_readline()
        if not line or line[-1:] != b'\n':
            raise UnpicklingError("pickle data was truncated")
        return line

    def _readinto(self, buf):
        data = self.read(len(buf))
        buf[:] = data
        return len(data)

    # -- the stack

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("unsupported persistent id encountered")

    def _memo_get(self, idx):
        try:
            return self.memo[idx]
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    dispatch = {}

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto
    dispatch[PROTO[0]] = load_proto

    def load_frame(self):
        size = int.from_bytes(self.read(8), "little")
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        if self._frame_pos < len(self._frame):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        data = self._file_read(size)
        if len(data) < size:
            raise UnpicklingError("pickle data was truncated")
        self._frame = data
        self._frame_pos = 0
    dispatch[FRAME[0]] = load_frame

    def load_persid(self):
        try:
            pid = self.readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.append(self.persistent_load(pid))
    dispatch[PERSID[0]] = load_persid

    def load_binpersid(self):
        pid = self.stack.pop()
        self.append(self.persistent_load(pid))
    dispatch[BINPERSID[0]] = load_binpersid

    def load_none(self):
        self.append(None)
    dispatch[NONE[0]] = load_none

    def load_false(self):
        self.append(False)
    dispatch[NEWFALSE[0]] = load_false

    def load_true(self):
        self.append(True)
    dispatch[NEWTRUE[0]] = load_true

    def load_int(self):
        data = self.readline()
        if data == b'I00\n'[1:]:
            val = False
        elif data == b'I01\n'[1:]:
            val = True
        else:
            val = int(data, 0)
        self.append(val)
    dispatch[INT[0]] = load_int

    def load_binint(self):
        self.append(int.from_bytes(self.read(4), "little", signed=True))
    dispatch[BININT[0]] = load_binint

    def load_binint1(self):
        self.append(self.read(1)[0])
    dispatch[BININT1[0]] = load_binint1

    def load_binint2(self):
        self.append(int.from_bytes(self.read(2), "little"))
    dispatch[BININT2[0]] = load_binint2

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == b'L'[0]:
            val = val[:-1]
        self.append(int(val, 0))
    dispatch[LONG[0]] = load_long

    def load_long1(self):
        n = self.read(1)[0]
        self.append(decode_long(self.read(n)))
    dispatch[LONG1[0]] = load_long1

    def load_long4(self):
        n = int.from_bytes(self.read(4), "little", signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self.read(n)))
    dispatch[LONG4[0]] = load_long4

    def load_float(self):
        self.append(float(self.readline()[:-1]))
    dispatch[FLOAT[0]] = load_float

    def load_binfloat(self):
        self.append(unpack('>d', self.read(8))[0])
    dispatch[BINFLOAT[0]] = load_binfloat

    def _decode_string(self, value):
        # Python 2 str: bytes when the encoding says so, else text.
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape_bytes(data)))
    dispatch[STRING[0]] = load_string

    def load_binstring(self):
        n = int.from_bytes(self.read(4), "little", signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.read(n)))
    dispatch[BINSTRING[0]] = load_binstring

    def load_binbytes(self):
        n = int.from_bytes(self.read(4), "little")
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytes(self.read(n)))
    dispatch[BINBYTES[0]] = load_binbytes

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self.readline()[:-1]))
    dispatch[UNICODE[0]] = load_unicode

    def load_binunicode(self):
        n = int.from_bytes(self.read(4), "little")
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[BINUNICODE[0]] = load_binunicode

    def load_binunicode8(self):
        n = int.from_bytes(self.read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[BINUNICODE8[0]] = load_binunicode8

    def load_binbytes8(self):
        n = int.from_bytes(self.read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytes(self.read(n)))
    dispatch[BINBYTES8[0]] = load_binbytes8

    def load_bytearray8(self):
        n = int.from_bytes(self.read(8), "little")
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytearray(self.read(n)))
    dispatch[BYTEARRAY8[0]] = load_bytearray8

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers")
        self.append(buf)
    dispatch[NEXT_BUFFER[0]] = load_next_buffer

    def load_readonly_buffer(self):
        buf = self.stack[-1]
        with memoryview(buf) as m:
            if not m.readonly:
                self.stack[-1] = m.toreadonly()
    dispatch[READONLY_BUFFER[0]] = load_readonly_buffer

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))
    dispatch[SHORT_BINSTRING[0]] = load_short_binstring

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(bytes(self.read(n)))
    dispatch[SHORT_BINBYTES[0]] = load_short_binbytes

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[SHORT_BINUNICODE[0]] = load_short_binunicode

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))
    dispatch[TUPLE[0]] = load_tuple

    def load_empty_tuple(self):
        self.append(())
    dispatch[EMPTY_TUPLE[0]] = load_empty_tuple

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)
    dispatch[TUPLE1[0]] = load_tuple1

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]
    dispatch[TUPLE2[0]] = load_tuple2

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]
    dispatch[TUPLE3[0]] = load_tuple3

    def load_empty_list(self):
        self.append([])
    dispatch[EMPTY_LIST[0]] = load_empty_list

    def load_empty_dictionary(self):
        self.append({})
    dispatch[EMPTY_DICT[0]] = load_empty_dictionary

    def load_empty_set(self):
        self.append(set())
    dispatch[EMPTY_SET[0]] = load_empty_set

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))
    dispatch[FROZENSET[0]] = load_frozenset

    def load_list(self):
        items = self.pop_mark()
        self.append(items)
    dispatch[LIST[0]] = load_list

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)
    dispatch[DICT[0]] = load_dict

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__")):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" % (klass.__name__, str(err)), err.__traceback__)
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self.readline()[:-1].decode("ascii")
        name = self.readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())
    dispatch[INST[0]] = load_inst

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)
    dispatch[OBJ[0]] = load_obj

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        obj = cls.__new__(cls, *args)
        self.append(obj)
    dispatch[NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ_EX class argument must be a type, not %s"
                                  % type(cls).__name__)
        obj = cls.__new__(cls, *args, **kwargs)
        self.append(obj)
    dispatch[NEWOBJ_EX[0]] = load_newobj_ex

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        klass = self.find_class(module, name)
        self.append(klass)
    dispatch[GLOBAL[0]] = load_global

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))
    dispatch[STACK_GLOBAL[0]] = load_stack_global

    def load_ext1(self):
        self.get_extension(self.read(1)[0])
    dispatch[EXT1[0]] = load_ext1

    def load_ext2(self):
        self.get_extension(int.from_bytes(self.read(2), "little"))
    dispatch[EXT2[0]] = load_ext2

    def load_ext4(self):
        self.get_extension(int.from_bytes(self.read(4), "little", signed=True))
    dispatch[EXT4[0]] = load_ext4

    def get_extension(self, code):
        nil = []
        obj = _extension_cache.get(code, nil)
        if obj is not nil:
            self.append(obj)
            return
        key = _inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self.append(obj)

    def find_class(self, module, name):
        # Subclasses may override this.
        sys.audit('pickle.find_class', module, name) if hasattr(sys, "audit") else None
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _compat_pickle.NAME_MAPPING:
                module, name = _compat_pickle.NAME_MAPPING[(module, name)]
            elif module in _compat_pickle.IMPORT_MAPPING:
                module = _compat_pickle.IMPORT_MAPPING[module]
        if module == "_codecs" and name == "encode":
            return _codecs_encode
        __import__(module, level=0)
        if self.proto >= 4:
            return _getattribute(sys.modules[module], name)[0]
        else:
            return getattr(sys.modules[module], name)

    def load_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)
    dispatch[REDUCE[0]] = load_reduce

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()
    dispatch[POP[0]] = load_pop

    def load_pop_mark(self):
        self.pop_mark()
    dispatch[POP_MARK[0]] = load_pop_mark

    def load_dup(self):
        self.append(self.stack[-1])
    dispatch[DUP[0]] = load_dup

    def load_get(self):
        i = int(self.readline()[:-1])
        self.append(self._memo_get(i))
    dispatch[GET[0]] = load_get

    def load_binget(self):
        self.append(self._memo_get(self.read(1)[0]))
    dispatch[BINGET[0]] = load_binget

    def load_long_binget(self):
        self.append(self._memo_get(int.from_bytes(self.read(4), "little")))
    dispatch[LONG_BINGET[0]] = load_long_binget

    def _memo_put(self, i):
        if not self.stack:
            raise UnpicklingError("stack empty")
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]

    def load_put(self):
        self._memo_put(int(self.readline()[:-1]))
    dispatch[PUT[0]] = load_put

    def load_binput(self):
        self._memo_put(self.read(1)[0])
    dispatch[BINPUT[0]] = load_binput

    def load_long_binput(self):
        i = int.from_bytes(self.read(4), "little")
        if i > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self._memo_put(i)
    dispatch[LONG_BINPUT[0]] = load_long_binput

    def load_memoize(self):
        self._memo_put(len(self.memo))
    dispatch[MEMOIZE[0]] = load_memoize

    def load_append(self):
        stack = self.stack
        value = stack.pop()
        stack[-1].append(value)
    dispatch[APPEND[0]] = load_append

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        try:
            extend = list_obj.extend
        except AttributeError:
            pass
        else:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)
    dispatch[APPENDS[0]] = load_appends

    def load_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value
    dispatch[SETITEM[0]] = load_setitem

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
    dispatch[SETITEMS[0]] = load_setitems

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            add = set_obj.add
            for item in items:
                add(item)
    dispatch[ADDITEMS[0]] = load_additems

    def load_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            intern = sys.intern
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)
    dispatch[BUILD[0]] = load_build

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append
    dispatch[MARK[0]] = load_mark

    def load_stop(self):
        value = self.stack.pop()
        raise _Stop(value)
    dispatch[STOP[0]] = load_stop


def _raw_unicode_escape(text):
    # The 'raw-unicode-escape' codec: Latin-1 characters as themselves,
    # the others as \\uXXXX or \\UXXXXXXXX.
    try:
        return text.encode('latin-1')
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        c = ord(ch)
        if c < 0x100:
            out.append(ch)
        elif c < 0x10000:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)
    return ''.join(out).encode('latin-1')


def _raw_unicode_unescape(data):
    # Decodes 'raw-unicode-escape': only \\u and \\U escapes mean anything.
    text = data.decode('latin-1')
    if '\\' not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '\\' and i + 1 < n and text[i + 1] in 'uU':
            # An odd run of backslashes before u escapes; an even one does not.
            j = i
            while j > 0 and text[j - 1] == '\\':
                j -= 1
            if (i - j) % 2 == 0:
                width = 4 if text[i + 1] == 'u' else 8
                digits = text[i + 2:i + 2 + width]
                if len(digits) != width or any(c not in '0123456789abcdefABCDEF' for c in digits):
                    raise UnicodeDecodeError('rawunicodeescape', data, i, i + 2 + len(digits),
                                             'truncated \\uXXXX escape' if width == 4 else 'truncated \\UXXXXXXXX escape')
                out.append(chr(int(digits, 16)))
                i += 2 + width
                continue
        out.append(ch)
        i += 1
    return ''.join(out)


def _unescape_bytes(data):
    # A Python 2 string literal's body (protocol 0 STRING) back to bytes.
    return data.decode("latin-1").encode("latin-1").decode("unicode_escape").encode("latin-1")


# ------------------------------------------------------- the shorthands

def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = io.BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)
    res = f.getvalue()
    assert isinstance(res, bytes_types)
    return res


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    file = io.BytesIO(data)
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


_Pickler = Pickler
_Unpickler = Unpickler
_dump, _dumps, _load, _loads = dump, dumps, load, loads
