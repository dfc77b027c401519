"""Conversions between binary data and ASCII encodings: base64 lines, hex,
CRC-32. CPython writes this module in C; here it is plain Python over
bytes, with CPython's error messages."""

# CPython implements this in C (binascii): tracebacks show no frames of it.
__glasspy_hide_frames__ = True

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex',
           'hexlify', 'unhexlify', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUE = [255] * 256
for _i, _c in enumerate(_B64_ALPHABET):
    _B64_VALUE[_c] = _i
del _i, _c


def _bytes_arg(data, fname):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                        % type(data).__name__) from None


def _buffer_arg(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data."""
    data = _buffer_arg(data)
    out = bytearray()
    alphabet = _B64_ALPHABET
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63],
                      alphabet[(v >> 6) & 63], alphabet[v & 63]))
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63])) + b'=='
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data. Outside strict mode, characters that are
    not base64 are skipped and decoding stops at complete padding."""
    data = _bytes_arg(data, 'a2b_base64')
    if strict_mode and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    out = bytearray()
    quad_pos = 0          # how many of the current 4 characters were seen
    left = 0              # bits carried to the next output byte
    pads = 0
    padding_started = False
    n = len(data)
    for i in range(n):
        ch = data[i]
        if ch == 61:      # '='
            padding_started = True
            if strict_mode and quad_pos == 0:
                raise Error('Excess padding not allowed')
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = _B64_VALUE[ch]
        if v >= 64:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            left = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((left << 2) | (v >> 4)) & 0xFF)
            left = v & 0x0F
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((left << 4) | (v >> 2)) & 0xFF)
            left = v & 0x03
        else:
            quad_pos = 0
            out.append(((left << 6) | v) & 0xFF)
            left = 0
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error('Invalid base64-encoded string: number of data characters (%d) '
                        'cannot be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
        raise Error('Incorrect padding')
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = _buffer_arg(data)
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


hexlify = b2a_hex


def a2b_hex(hexstr, /):
    """Binary data of hexadecimal representation."""
    s = _bytes_arg(hexstr, 'a2b_hex')
    if len(s) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(s.decode('ascii'))
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None


unhexlify = a2b_hex


def _make_crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = None


def crc32(data, crc=0, /):
    """Compute CRC-32 incrementally."""
    global _CRC_TABLE
    if _CRC_TABLE is None:
        _CRC_TABLE = _make_crc_table()
    table = _CRC_TABLE
    crc = ~crc & 0xFFFFFFFF
    for b in _buffer_arg(data):
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, crc, /):
    """Compute CRC-CCITT incrementally."""
    crc &= 0xFFFF
    for b in _buffer_arg(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
