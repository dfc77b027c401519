// io_module.cpp — the `_io` module (C++): the file types behind open(); and
// the `io` module (Python source, frozen at the end of this file), which
// re-exports them next to StringIO and BytesIO.
//
// In CPython 3.11 Modules/_io/ implements the whole I/O stack in C. Here the
// file objects themselves live in objects/fileobject.cpp (one object type per
// CPython class name); this module only gives them their importable names,
// so `isinstance(f, io.TextIOWrapper)` holds for `f = open(path)`.
#include "modules/modules.h"
#include "objects/fileobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/typeobject.h"
#include "runtime/interpreter.h"

namespace gp {

static const MethodDef io_methods[] = {
    {"open", builtin_open, 0,
     "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)\n"
     "Open file and return a stream.  Raise OSError upon failure."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_io_c_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_io");
    if (!m || !module_add_functions(ts, m.get(), io_methods)) return nullptr;
    const std::pair<const char*, TypeObject*> types[] = {
        {"TextIOWrapper", interp.types.text_file},
        {"BufferedReader", interp.types.buffered_reader},
        {"BufferedWriter", interp.types.buffered_writer},
        {"BufferedRandom", interp.types.buffered_random},
    };
    for (auto [name, type] : types)
        if (type && !module_add_object(ts, m.get(), name, type)) return nullptr;
    if (!module_add_int(ts, m.get(), "DEFAULT_BUFFER_SIZE", 8192)) return nullptr;
    return m;
}

// ============================================ the Python half (frozen source)
//
// The `io` module itself, frozen into the interpreter as source (see
// frozen.h); its docstring explains the Python half.

extern const char kIoModuleSource[];
const char kIoModuleSource[] = R"py("""The io module: open(), the file classes, and the in-memory streams
StringIO (text) and BytesIO (bytes).

CPython 3.11 implements all of it in C (Modules/_io). Here the file types
come from _io (objects/fileobject.cpp) and the in-memory streams are
Python classes: a StringIO keeps its text as a list of written pieces while
writes only append, and joins them into one str the first time it must
read, seek or overwrite. Both keep CPython's names (_io.StringIO) and its
error messages.
"""

import _io
from _io import open, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, DEFAULT_BUFFER_SIZE

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO",
           "StringIO", "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"

try:
    BlockingIOError = BlockingIOError
except NameError:
    class BlockingIOError(OSError):
        pass


def open_code(path):
    """Opens the provided file with the intent to import the contents."""
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    """A helper function to choose the text encoding: "locale" when encoding is None."""
    return "locale" if encoding is None else encoding


class IOBase:
    """The abstract base class for all I/O classes."""
    __module__ = "io"


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""
    __module__ = "io"


class BufferedIOBase(IOBase):
    """Base class for buffered IO objects."""
    __module__ = "io"


class TextIOBase(IOBase):
    """Base class for text I/O."""
    __module__ = "io"


class _MemoryStream:
    # The state shared by StringIO and BytesIO: the contents (as a list of
    # pieces while they only grow at the end), a position, a closed flag.
    _empty = ""

    def __init__(self, initial):
        self._pieces = [initial] if initial else []
        self._size = len(initial) if initial else 0
        self._pos = 0
        self._closed = False

    def _value(self):
        # Joins the pieces into one (kept as the single piece from now on).
        if len(self._pieces) != 1:
            self._pieces = [self._empty.join(self._pieces)]
        return self._pieces[0] if self._pieces else self._empty

    _closed_message = "I/O operation on closed file."

    def _check_open(self):
        if self._closed:
            raise ValueError(self._closed_message)

    def _write(self, data):
        self._check_open()
        n = len(data)
        if not n:
            return 0
        if self._pos == self._size:
            self._pieces.append(data)
        else:
            value = self._value()
            if self._pos > self._size:   # writing past the end pads with zeros
                value += self._pad(self._pos - self._size)
            value = value[:self._pos] + data + value[self._pos + n:]
            self._pieces = [value]
        self._pos += n
        self._size = max(self._size, self._pos)
        return n

    def _read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            size = self._size
        value = self._value()
        data = value[self._pos:self._pos + size]
        self._pos += len(data)
        return data

    def _readline(self, size, newline):
        self._check_open()
        value = self._value()
        end = value.find(newline, self._pos)
        end = self._size if end < 0 else end + len(newline)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = value[self._pos:end]
        self._pos += len(data)
        return data

    def getvalue(self):
        """Retrieve the entire contents of the object."""
        self._check_open()
        return self._value()

    def seek(self, pos, whence=0):
        """Change stream position."""
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0 and isinstance(self, StringIO):
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and isinstance(self, StringIO):
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        """Tell the current file position."""
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        """Truncate size to pos (default: the current position)."""
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._size:
            self._pieces = [self._value()[:size]]
            self._size = size
        return size

    def readlines(self, hint=-1):
        """Return a list of lines from the stream."""
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        """Write a list of lines to stream."""
        for line in lines:
            self.write(line)

    def close(self):
        """Close the IO object; further operations raise ValueError."""
        self._closed = True
        self._pieces = []

    @property
    def closed(self):
        """True if the file is closed."""
        return self._closed

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_MemoryStream, TextIOBase):
    """Text I/O implementation using an in-memory buffer.

    The initial_value argument sets the value of object.  The newline
    argument is like the one of TextIOWrapper's constructor."""
    __module__ = "_io"
    _empty = ""
    _closed_message = "I/O operation on closed file"   # (sic: CPython's StringIO has no period)

    def __init__(self, initial_value="", newline="\n"):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        _MemoryStream.__init__(self, self._translate(initial_value or ""))

    def _translate(self, s):
        # newline=None: \r\n and \r become \n; "\r" or "\r\n": \n becomes it.
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def _pad(self, n):
        return "\0" * n

    def write(self, s):
        """Write string to file. Returns the number of characters written."""
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        return self._write(self._translate(s))

    def read(self, size=-1):
        """Read at most size characters, returned as a string."""
        return self._read(size)

    def readline(self, size=-1):
        """Read until newline or EOF."""
        return self._readline(size, "\n" if self._newline in (None, "", "\n") else self._newline)

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def detach(self):
        raise UnsupportedOperation("detach")

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_MemoryStream, BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    __module__ = "_io"
    _empty = b""

    def __init__(self, initial_bytes=b""):
        _MemoryStream.__init__(self, bytes(initial_bytes) if initial_bytes else b"")

    def _pad(self, n):
        return b"\0" * n

    def write(self, b):
        """Write bytes to file. Return the number of bytes written."""
        if isinstance(b, str):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        return self._write(bytes(b))

    def read(self, size=-1):
        """Read at most size bytes, returned as a bytes object."""
        return self._read(size)

    read1 = read

    def readline(self, size=-1):
        """Next line from the file, as a bytes object."""
        return self._readline(size, b"\n")

    def getbuffer(self):
        """Get a read-write view over the contents of the BytesIO object."""
        self._check_open()
        return memoryview(bytearray(self._value()))

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"

)py";

}  // namespace gp
