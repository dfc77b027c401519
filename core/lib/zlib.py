"""The functions in this module allow compression and decompression using the
zlib library, which is based on GNU zip.

adler32(string[, start]) -- Compute an Adler-32 checksum.
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.
compressobj([level[, ...]]) -- Return a compressor object.
crc32(string[, start]) -- Compute a CRC-32 checksum.
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.
decompressobj([wbits[, zdict]]) -- Return a decompressor object.

'wbits' is window buffer size and container format.
Compressor objects support compress() and flush() methods; decompressor
objects support decompress() and flush()."""

# glasspy's zlib (CPython 3.11's Modules/zlibmodule.c over the zlib
# library): DEFLATE itself is C++ (_zlib, core/modules/deflate.cpp); the
# containers around it are here. wbits picks the container:
#   9..15    zlib: a 2-byte header (method, window, level), Adler-32 trailer
#   -9..-15  raw DEFLATE, no header or trailer
#   25..31   gzip: a 10-byte header (and optional fields), CRC-32 and size
#   40..47   (decompression) zlib or gzip, whichever the header says
# A decompressor keeps the input from the start of the block it is in; each
# call decodes the complete blocks it can and, of the incomplete one, the
# symbols it has, remembering how many of those bytes it already returned.

__glasspy_hide_frames__ = True

import _zlib

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"

_WINDOW = 32768


class error(Exception):
    pass


def crc32(data, value=0, /):
    """Compute a CRC-32 checksum of data, starting from value."""
    return _zlib.crc32(data, value & 0xFFFFFFFF)


def adler32(data, value=1, /):
    """Compute an Adler-32 checksum of data, starting from value."""
    return _zlib.adler32(data, value & 0xFFFFFFFF)


def _container(wbits, compressing):
    # (format, window bits) for wbits; format: 'zlib', 'raw', 'gzip', 'auto'.
    if compressing:
        if 9 <= wbits <= 15 or wbits == 8:
            return "zlib", max(wbits, 9)
        if -15 <= wbits <= -8:
            return "raw", max(-wbits, 9)
        if 25 <= wbits <= 31 or wbits == 24:
            return "gzip", max(wbits - 16, 9)
        return None
    if wbits == 0:
        return "zlib", 0
    if 8 <= wbits <= 15:
        return "zlib", wbits
    if -15 <= wbits <= -8:
        return "raw", -wbits
    if 24 <= wbits <= 31:
        return "gzip", wbits - 16
    if 40 <= wbits <= 47:
        return "auto", wbits - 32
    return None


def _level(level):
    if level == -1:
        return 6
    if not 0 <= level <= 9:
        raise error("Bad compression level")
    return level


def _zlib_header(wbits, level):
    cmf = ((wbits - 8) << 4) | 8
    flevel = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    flg = flevel << 6
    flg |= 31 - (cmf * 256 + flg) % 31
    return bytes((cmf, flg))


def _gzip_header(level):
    xfl = 2 if level == 9 else 4 if level == 1 else 0
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes((xfl, 3))


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """Returns a bytes object containing compressed data."""
    data = memoryview(data).tobytes()
    level = _level(level)
    fmt = _container(wbits, True)
    if fmt is None:
        raise error("Error -2 while compressing data: inconsistent stream state")
    kind, bits = fmt
    body = _zlib.deflate(data, level, True)
    if kind == "zlib":
        return _zlib_header(bits, level) + body + _zlib.adler32(data, 1).to_bytes(4, "big")
    if kind == "gzip":
        return (_gzip_header(level) + body + _zlib.crc32(data, 0).to_bytes(4, "little")
                + (len(data) & 0xFFFFFFFF).to_bytes(4, "little"))
    return body


class _Inflater:
    """One compressed stream being decoded (header, blocks, trailer)."""

    def __init__(self, wbits, zdict=b""):
        fmt = _container(wbits, False)
        if fmt is None:
            raise ValueError("Invalid initialization option")
        self.kind, self.wbits = fmt
        self.zdict = bytes(zdict)
        self.stage = "raw-start" if self.kind == "raw" else "header"
        self.buf = b""            # input from the current block's first byte
        self.bitoff = 0           # bit offset of the block within buf[0]
        self.window = b""         # up to 32 KiB of output before the block
        self.emitted = 0          # bytes of the incomplete block already returned
        self.check = 0            # running checksum of the output
        self.size = 0             # bytes of output so far
        self.eof = False
        self.unused = b""

    def copy(self):
        other = _Inflater.__new__(_Inflater)
        other.__dict__.update(self.__dict__)
        return other

    def _fail(self, message, code=-3):
        raise error("Error %d while decompressing data: %s" % (code, message))

    def _header(self):
        # True when the header is complete (self.buf then starts the data).
        buf = self.buf
        kind = self.kind
        if kind == "auto":
            if len(buf) < 2:
                return False
            kind = self.kind = "gzip" if buf[:2] == b"\x1f\x8b" else "zlib"
        if kind == "zlib":
            if len(buf) < 2:
                return False
            cmf, flg = buf[0], buf[1]
            if (cmf * 256 + flg) % 31:
                self._fail("incorrect header check")
            if cmf & 15 != 8:
                self._fail("unknown compression method")
            if (cmf >> 4) + 8 > 15 or (self.wbits and (cmf >> 4) + 8 > self.wbits):
                self._fail("invalid window size")
            start = 2
            if flg & 0x20:
                if len(buf) < 6:
                    return False
                if not self.zdict:
                    raise error("Error 2 while decompressing data")
                if int.from_bytes(buf[2:6], "big") != _zlib.adler32(self.zdict, 1):
                    self._fail("incorrect data check")
                self.window = self.zdict[-_WINDOW:]
                start = 6
            self.check = 1
            self.buf = buf[start:]
            return True
        # gzip: each field is checked as soon as it has arrived.
        if len(buf) >= 2 and buf[:2] != b"\x1f\x8b":
            self._fail("incorrect header check")
        if len(buf) >= 3 and buf[2] != 8:
            self._fail("unknown compression method")
        if len(buf) < 10:
            return False
        flags = buf[3]
        pos = 10
        if flags & 4:
            if len(buf) < pos + 2:
                return False
            pos += 2 + int.from_bytes(buf[pos:pos + 2], "little")
        for bit in (8, 16):
            if flags & bit:
                end = buf.find(b"\0", pos)
                if end < 0:
                    return False
                pos = end + 1
        if flags & 2:
            pos += 2
        if len(buf) < pos:
            return False
        self.check = 0
        self.buf = buf[pos:]
        return True

    def feed(self, data):
        """The output that data (appended to the input so far) makes available."""
        if self.eof:
            self.unused += data
            return b""
        self.buf += data
        out = []
        if self.stage == "raw-start":
            self.window = self.zdict[-_WINDOW:]
            self.stage = "blocks"
        if self.stage == "header":
            if not self._header():
                return b""
            self.stage = "blocks"
        if self.stage == "blocks":
            done, partial, bitpos, finished, err = _zlib.inflate(self.buf, self.bitoff, self.window)
            if err is not None:
                self._fail(err)
            fresh = (done + partial)[self.emitted:]
            out.append(fresh)
            self._count(fresh)
            self.window = (self.window + done)[-_WINDOW:]
            self.emitted = len(partial)
            if finished:
                self.buf = self.buf[(bitpos + 7) // 8:]
                self.bitoff = 0
                self.stage = "trailer"
            else:
                self.buf = self.buf[bitpos // 8:]
                self.bitoff = bitpos % 8
        if self.stage == "trailer":
            need = {"zlib": 4, "gzip": 8}.get(self.kind, 0)
            if len(self.buf) >= need:
                trailer, self.unused = self.buf[:need], self.buf[need:]
                self.buf = b""
                if self.kind == "zlib" and int.from_bytes(trailer, "big") != self.check:
                    self._fail("incorrect data check")
                if self.kind == "gzip":
                    if int.from_bytes(trailer[:4], "little") != self.check:
                        self._fail("incorrect data check")
                    if int.from_bytes(trailer[4:], "little") != self.size & 0xFFFFFFFF:
                        self._fail("incorrect length check")
                self.eof = True
        return b"".join(out)

    def _count(self, chunk):
        self.size += len(chunk)
        if self.kind == "zlib":
            self.check = _zlib.adler32(chunk, self.check)
        elif self.kind == "gzip":
            self.check = _zlib.crc32(chunk, self.check)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Returns a bytes object containing the uncompressed data."""
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    try:
        inflater = _Inflater(wbits)
    except ValueError:
        raise error("Error -2 while preparing to decompress data: inconsistent stream state") from None
    out = inflater.feed(memoryview(data).tobytes())
    if not inflater.eof:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


class Compress:
    """A compressor: compress() takes data, flush() ends (or syncs) the stream."""

    def __init__(self, level, wbits, zdict):
        self._level = level
        fmt = _container(wbits, True)
        if fmt is None:
            raise ValueError("Invalid initialization option")
        self._kind, self._bits = fmt
        self._pending = []
        self._started = False
        self._finished = False
        self._check = 1 if self._kind == "zlib" else 0
        self._size = 0
        self._zdict = zdict

    def _start(self):
        if self._started:
            return b""
        self._started = True
        if self._kind == "zlib":
            head = _zlib_header(self._bits, self._level)
            if self._zdict is not None:
                # FDICT: the dictionary's Adler-32 follows the header.
                cmf, flg = head[0], (head[1] & 0xC0) | 0x20
                flg |= 31 - (cmf * 256 + flg) % 31
                head = bytes((cmf, flg)) + _zlib.adler32(self._zdict, 1).to_bytes(4, "big")
            return head
        if self._kind == "gzip":
            return _gzip_header(self._level)
        return b""

    def compress(self, data, /):
        """Returns a bytes object containing compressed data (possibly
        none yet: the compressor keeps data to compress it together)."""
        if self._finished:
            raise error("Error -2 while compressing data: inconsistent stream state")
        data = memoryview(data).tobytes()
        self._pending.append(data)
        self._size += len(data)
        if self._kind == "zlib":
            self._check = _zlib.adler32(data, self._check)
        elif self._kind == "gzip":
            self._check = _zlib.crc32(data, self._check)
        return self._start()

    def flush(self, mode=Z_FINISH, /):
        """Return a bytes object containing any remaining compressed data."""
        if mode == Z_NO_FLUSH:
            return b""
        if self._finished:
            raise error("Error -2 while flushing: inconsistent stream state")
        head = self._start()
        data = b"".join(self._pending)
        self._pending = []
        if mode == Z_FINISH:
            self._finished = True
            body = _zlib.deflate(data, self._level, True)
            if self._kind == "zlib":
                return head + body + self._check.to_bytes(4, "big")
            if self._kind == "gzip":
                return head + body + self._check.to_bytes(4, "little") + (self._size & 0xFFFFFFFF).to_bytes(4, "little")
            return head + body
        return head + _zlib.deflate(data, self._level, False)

    def copy(self):
        """Return a copy of the compression object."""
        if self._finished:
            raise ValueError("Inconsistent stream state")
        other = Compress.__new__(Compress)
        other.__dict__.update(self.__dict__)
        other._pending = list(self._pending)
        return other

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


class Decompress:
    """A decompressor: decompress() takes data as it comes."""

    def __init__(self, wbits, zdict):
        self._inflater = _Inflater(wbits, zdict)
        self._held = b""              # output beyond a max_length, returned next
        self.unconsumed_tail = b""

    @property
    def unused_data(self):
        return self._inflater.unused

    @property
    def eof(self):
        return self._inflater.eof

    def decompress(self, data, /, max_length=0):
        """Return a bytes object containing the decompressed version of the data."""
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        data = memoryview(data).tobytes()
        out = self._held + self._inflater.feed(data)
        self._held = b""
        if max_length and len(out) > max_length:
            out, self._held = out[:max_length], out[max_length:]
            # Callers loop while there is an unconsumed tail; the output
            # held back stands for it.
            self.unconsumed_tail = b"\0" if self._held else b""
        else:
            self.unconsumed_tail = b""
        return out

    def flush(self, length=DEF_BUF_SIZE, /):
        """Return a bytes object containing any remaining decompressed data."""
        if length <= 0:
            raise ValueError("length must be greater than zero")
        out, self._held = self._held, b""
        self.unconsumed_tail = b""
        return out

    def copy(self):
        """Return a copy of the decompression object."""
        other = Decompress.__new__(Decompress)
        other._inflater = self._inflater.copy()
        other._held = self._held
        other.unconsumed_tail = self.unconsumed_tail
        return other

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
                strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """Return a compressor object."""
    if method != DEFLATED or not 1 <= memLevel <= 9:
        raise ValueError("Invalid initialization option")
    if level != -1 and not 0 <= level <= 9:
        raise ValueError("Invalid initialization option")
    if zdict is not None:
        zdict = memoryview(zdict).tobytes()
    return Compress(_level(level), wbits, zdict)


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    """Return a decompressor object."""
    if zdict is not None and not isinstance(zdict, (bytes, bytearray, memoryview)):
        raise TypeError("zdict argument must support the buffer protocol")
    return Decompress(wbits, zdict)
