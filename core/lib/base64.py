"""Base16, Base32, Base64 (RFC 4648) and Base85 encodings of bytes.

Encoders take bytes-like objects and return bytes; decoders also accept
ASCII strings. Bad input raises binascii.Error (a ValueError), as CPython."""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'b32encode', 'b32decode',
           'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'a85encode', 'a85decode', 'b85encode', 'b85decode',
           'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


# -- Base64 ---------------------------------------------------------------

def b64encode(s, altchars=None):
    """Base64-encode s; altchars (2 bytes) replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 s. Without validate, characters outside the alphabet
    are discarded; with it, they raise binascii.Error."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' in place of '+' and '/' (safe in URLs)."""
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(_urlsafe_decode_translation))


# -- Base32 -----------------------------------------------------------------

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32_HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Characters kept after encoding n leftover bytes (the rest become '=').
_B32_KEEP = {0: 8, 1: 2, 2: 4, 3: 5, 4: 7}


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        v = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -1, -5):
            out.append(alphabet[(v >> shift) & 31])
    if leftover:
        keep = _B32_KEEP[leftover]
        out[keep - 8:] = b'=' * (8 - keep)
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b'=')
    padchars = total - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    acc = 0
    for i in range(0, len(s), 8):
        acc = 0
        for c in s[i:i + 8]:
            v = values.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            acc = (acc << 5) + v
        out += acc.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        # The last group was short: shift it into place, keep its real bytes.
        acc <<= 5 * padchars
        keep = (43 - 5 * padchars) // 8
        out[-5:] = acc.to_bytes(5, 'big')[:keep]
    return bytes(out)


def b32encode(s):
    """Base32-encode s (RFC 4648 alphabet)."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32 s; casefold accepts lowercase, map01 maps the digit 1
    to the given letter (and 0 to O)."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Base32 with the extended hex alphabet (RFC 4648 section 7)."""
    return _b32encode(_B32_HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32_HEX_ALPHABET, s, casefold)


# -- Base16 -----------------------------------------------------------------

def b16encode(s):
    """Uppercase hexadecimal."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# -- Base85 -----------------------------------------------------------------

_B85_ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_B85_VALUE = None


def _85encode(b, chars, pad=False, foldnuls=False, foldspaces=False):
    """Base85 of b with the 85-character alphabet chars: each 4-byte word,
    big-endian, becomes 5 digits, most significant first."""
    if not isinstance(b, bytes_types):
        b = memoryview(b).tobytes()
    padding = (-len(b)) % 4
    if padding:
        b = b + b'\0' * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if foldnuls and not word:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            group = bytearray(5)
            for j in range(4, -1, -1):
                word, d = divmod(word, 85)
                group[j] = chars[d]
            chunks.append(bytes(group))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = bytes((chars[0],)) * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


_A85START = b"<~"
_A85END = b"~>"
_A85_ALPHABET = bytes(range(33, 118))


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85-encode b. foldspaces uses 'y' for four spaces; wrapcol
    breaks lines; adobe adds the <~ ~> frame."""
    result = _85encode(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 b ('z' stands for four zero bytes)."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    for x in b + b'u' * 4:
        if 33 <= x <= 117:
            group.append(x)
            if len(group) == 5:
                acc = 0
                for c in group:
                    acc = 85 * acc + (c - 33)
                if acc > 0xFFFFFFFF:
                    raise ValueError('Ascii85 overflow')
                out += acc.to_bytes(4, 'big')
                group = []
        elif x == 122:              # 'z'
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and x == 121:   # 'y'
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    padding = 4 - len(group)
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """Base85-encode b (the git/Mercurial alphabet); pad rounds the input up
    to a multiple of 4 bytes and keeps the padding in the output."""
    return _85encode(b, _B85_ALPHABET, pad)


def b85decode(b):
    """Decode Base85 b; the input may be unpadded."""
    global _B85_VALUE
    if _B85_VALUE is None:
        _B85_VALUE = [None] * 256
        for i, c in enumerate(_B85_ALPHABET):
            _B85_VALUE[c] = i
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for j, c in enumerate(b[i:i + 5]):
            v = _B85_VALUE[c]
            if v is None:
                raise ValueError('bad base85 character at position %d' % (i + j))
            acc = acc * 85 + v
        if acc > 0xFFFFFFFF:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += acc.to_bytes(4, 'big')
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


# -- the line-oriented legacy interface --------------------------------------

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__) from err


def encodebytes(s):
    """Base64 in lines of at most 76 characters, each ending in a newline."""
    _input_type_check(s)
    s = bytes(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b"".join(pieces)


def decodebytes(s):
    """Decode lines of Base64."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Encode the binary file input into Base64 lines written to output."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the Base64 file input into the binary file output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
