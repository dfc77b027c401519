"""Functions that read and write gzipped files (CPython 3.11's Lib/gzip.py).

A gzip file is one or more members, each a header (magic bytes, method,
flags, mtime, and optionally extra data, the original file name, a
comment and a header CRC), raw DEFLATE data, and a trailer (CRC-32 and
size of the uncompressed data). The DEFLATE work is zlib's.

GzipFile reads a file's members all at once on its first read and serves
reads, lines and seeks from the result; it writes by compressing as data
comes and adding the trailer on close."""

__glasspy_hide_frames__ = True

import builtins
import io
import os
import struct
import sys
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ, WRITE = 1, 2

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode ('rt', 'wt', ...)."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _TextWrapper(binary_file, encoding, errors, newline)
    return binary_file


def _write_header(out, filename, mtime, compresslevel, os_byte=b"\377"):
    out.write(b"\037\213\010")
    fname = ""
    if filename:
        fname = os.path.basename(filename)
        if not isinstance(fname, bytes):
            fname = fname.encode("latin-1")
        if fname.endswith(b".gz"):
            fname = fname[:-3]
    flags = FNAME if fname else 0
    out.write(bytes((flags,)))
    if mtime is None:
        mtime = time.time()
    out.write(struct.pack("<L", int(mtime) & 0xFFFFFFFF))
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = b"\002"
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = b"\004"
    else:
        xfl = b"\000"
    out.write(xfl)
    out.write(os_byte)
    if fname:
        out.write(fname + b"\000")


def _read_header(data, pos):
    """Parses the member header at data[pos:]; returns (position of the
    DEFLATE data, mtime), or None at the end of the data. Raises
    BadGzipFile / EOFError as CPython's reader does."""
    magic = data[pos:pos + 2]
    if magic == b"":
        return None
    if magic != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    if len(data) < pos + 10:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    method, flag, last_mtime = struct.unpack("<BBIxx", data[pos + 2:pos + 10])
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    p = pos + 10
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", data[p:p + 2])
        p += 2 + extra_len
    for bit in (FNAME, FCOMMENT):
        if flag & bit:
            end = data.find(b"\000", p)
            if end < 0:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            p = end + 1
    if flag & FHCRC:
        p += 2
    if p > len(data):
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    return p, last_mtime


def _decompress_members(data, crc_message):
    """(uncompressed bytes, mtime of the last member) of every member."""
    out = []
    pos = 0
    mtime = None
    while True:
        while data[pos:pos + 1] == b"\000":     # padding between members
            pos += 1
        header = _read_header(data, pos)
        if header is None:
            break
        pos, mtime = header
        do = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        chunk = do.decompress(data[pos:])
        if not do.eof:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        rest = do.unused_data
        if len(rest) < 8:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        crc, isize = struct.unpack("<II", rest[:8])
        actual = zlib.crc32(chunk)
        if crc != actual:
            raise BadGzipFile(crc_message(crc, actual))
        if isize != (len(chunk) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        out.append(chunk)
        pos = len(data) - len(rest) + 8
    return b"".join(out), mtime


class GzipFile:
    """The GzipFile class simulates most of the methods of a file object
    with the exception of the truncate() method."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        if mode.startswith("r"):
            self.mode = READ
            self._buffer = None       # the uncompressed data, read on first use
            self._pos = 0
            self._mtime = None
            self.name = filename
        elif mode.startswith(("w", "a", "x")):
            if origmode is None:
                import warnings
                warnings.warn("GzipFile was opened for writing, but this will change in future Python "
                              "releases.  Specify the mode argument for opening it for writing.",
                              FutureWarning, 2)
            self.mode = WRITE
            self._init_write(filename)
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        if self.mode == WRITE:
            _write_header(self.fileobj, self.name, mtime, compresslevel)

    @property
    def filename(self):
        import warnings
        warnings.warn("use the name attribute", DeprecationWarning, 2)
        if self.mode == WRITE and self.name[-3:] != ".gz":
            return self.name + ".gz"
        return self.name

    @property
    def mtime(self):
        """Last modification time read from stream, or None"""
        if self.mode == READ:
            self._load()
        return self._mtime if self.mode == READ else None

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    def _init_write(self, filename):
        self.name = filename
        self.crc = zlib.crc32(b"")
        self.size = 0
        self.writebuf = []
        self.bufsize = 0
        self.offset = 0

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _load(self):
        if self._buffer is None:
            data = self.fileobj.read()
            self._buffer, self._mtime = _decompress_members(
                data, lambda crc, actual: "CRC check failed %s != %s" % (hex(crc), hex(actual)))
        return self._buffer

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, "write() on read-only GzipFile object")
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read() on write-only GzipFile object")
        data = self._load()
        if size is None or size < 0:
            end = len(data)
        else:
            end = min(len(data), self._pos + size)
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, n):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "peek() on write-only GzipFile object")
        data = self._load()
        return data[self._pos:self._pos + max(n, 1)]

    def readinto(self, b):
        chunk = self.read(len(b))
        b[:len(chunk)] = chunk
        return len(chunk)

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(struct.pack("<L", self.crc & 0xffffffff))
                fileobj.write(struct.pack("<L", self.size & 0xffffffff))
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def rewind(self):
        """Return the uncompressed stream file position indicator to the
        beginning of the file"""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._pos = 0

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError("Seek from end not supported")
            if offset < self.offset:
                raise OSError("Negative seek in write mode")
            count = offset - self.offset
            chunk = b"\0" * 1024
            for i in range(count // 1024):
                self.write(chunk)
            self.write(b"\0" * (count % 1024))
        elif self.mode == READ:
            self._check_not_closed()
            data = self._load()
            if whence == io.SEEK_CUR:
                offset = self._pos + offset
            elif whence == io.SEEK_END:
                offset = len(data) + offset
            self._pos = max(0, min(offset, len(data)))
            return self._pos
        return self.offset

    def tell(self):
        self._check_not_closed()
        return self._pos if self.mode == READ else self.offset

    def readline(self, size=-1):
        self._check_not_closed()
        data = self._load()
        end = data.find(b"\n", self._pos)
        end = len(data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = data[self._pos:end]
        self._pos = end
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check_not_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *args):
        self.close()


class _TextWrapper:
    """Text mode over a GzipFile: str in and out, in an encoding."""

    def __init__(self, binary, encoding, errors, newline):
        self.buffer = binary
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self.newline = newline
        self._text = None
        self._pos = 0

    def _load(self):
        if self._text is None:
            text = self.buffer.read().decode(self.encoding, self.errors)
            if self.newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = text
        return self._text

    def read(self, size=-1):
        text = self._load()
        end = len(text) if size is None or size < 0 else min(len(text), self._pos + size)
        chunk = text[self._pos:end]
        self._pos = end
        return chunk

    def readline(self, size=-1):
        text = self._load()
        end = text.find("\n", self._pos)
        end = len(text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = text[self._pos:end]
        self._pos = end
        return line

    def readlines(self, hint=-1):
        return list(iter(self.readline, ""))

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self.newline not in (None, "", "\n"):
            text = text.replace("\n", self.newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def close(self):
        self.buffer.close()

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string."""
    if mtime is None:
        mtime = time.time()
    header = io.BytesIO()
    _write_header(header, "", mtime, compresslevel, os_byte=b"\003")
    data = memoryview(data).tobytes()
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    return (header.getvalue() + body + struct.pack("<L", zlib.crc32(data) & 0xffffffff)
            + struct.pack("<L", len(data) & 0xffffffff))


def decompress(data):
    """Decompress a gzip compressed string in one shot.
    Return the decompressed string."""
    return _decompress_members(memoryview(data).tobytes(), lambda crc, actual: "CRC check failed")[0]


def main():
    from argparse import ArgumentParser
    parser = ArgumentParser(description="A simple command line interface for the gzip module: act like gzip, "
                                        "but do not delete the input file.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument('--fast', action='store_true', help='compress faster')
    group.add_argument('--best', action='store_true', help='compress better')
    group.add_argument("-d", "--decompress", action="store_true", help="act like gunzip instead of gzip")
    parser.add_argument("args", nargs="*", default=["-"], metavar='file')
    args = parser.parse_args()
    compresslevel = _COMPRESS_LEVEL_TRADEOFF
    if args.fast:
        compresslevel = _COMPRESS_LEVEL_FAST
    elif args.best:
        compresslevel = _COMPRESS_LEVEL_BEST
    for arg in args.args:
        if args.decompress:
            if arg == "-":
                f = GzipFile(filename="", mode="rb", fileobj=sys.stdin.buffer)
                g = sys.stdout.buffer
            else:
                if arg[-3:] != ".gz":
                    sys.exit(f"filename doesn't end in .gz: {arg!r}")
                f = open(arg, "rb")
                g = builtins.open(arg[:-3], "wb")
        else:
            if arg == "-":
                f = sys.stdin.buffer
                g = GzipFile(filename="", mode="wb", fileobj=sys.stdout.buffer, compresslevel=compresslevel)
            else:
                f = builtins.open(arg, "rb")
                g = open(arg + ".gz", "wb")
        while True:
            chunk = f.read(io.DEFAULT_BUFFER_SIZE)
            if not chunk:
                break
            g.write(chunk)
        if g is not sys.stdout.buffer:
            g.close()
        if f is not sys.stdin.buffer:
            f.close()


if __name__ == '__main__':
    main()
