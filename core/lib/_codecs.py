"""The codec registry and the codec primitives (CPython 3.11's _codecs,
written in C there: Python/codecs.c and Modules/_codecsmodule.c).

The registry is a list of search functions (encodings.search_function is
registered on first use) and a cache from normalised names to CodecInfo.
The error-handler table maps names to callables that receive the
UnicodeError and return (replacement, position to resume at).

The UTF and Latin-1/ASCII codecs run in C++ (_glasspy_codecs, the same
code str.encode uses); the rest - charmap tables, UTF-7, the escape codecs
on bytes - are here. An error handler the C++ code does not know is run
by _run_encode/_run_decode: they encode strictly, and at each error call
the handler and carry on after the position it returns."""

__glasspy_hide_frames__ = True

import _glasspy_codecs as _c

_search_path = []
_cache = {}


def register(search_function, /):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_path.append(search_function)


def unregister(search_function, /):
    if search_function in _search_path:
        _search_path.remove(search_function)
        _cache.clear()


def _normalize(encoding):
    # Python/codecs.c normalizestring(): lower case, spaces become hyphens.
    return encoding.lower().replace(" ", "-")


def lookup(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    if not _search_path:
        import encodings
    for search in list(_search_path):
        info = search(key)
        if info is None:
            continue
        if not isinstance(info, tuple) or len(info) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = info
        return info
    raise LookupError("unknown encoding: %s" % encoding)


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def _check_result(result, what):
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("%s must return a tuple (object, integer)" % what)
    return result[0]


def encode(obj, encoding="utf-8", errors="strict"):
    info = lookup(encoding)
    try:
        result = info[0](obj, errors)
    except (TypeError, ValueError) as exc:
        _wrap(exc, "encoding", encoding)
        raise
    return _check_result(result, "encoder")


def decode(obj, encoding="utf-8", errors="strict"):
    info = lookup(encoding)
    try:
        result = info[1](obj, errors)
    except (TypeError, ValueError) as exc:
        _wrap(exc, "decoding", encoding)
        raise
    return _check_result(result, "decoder")


def _wrap(exc, what, encoding):
    # CPython 3.11 re-raises a plain TypeError/ValueError from a codec as the
    # same type with the codec named ("encoding with 'rot13' codec failed
    # (TypeError: ...)"), chained to the original.
    if type(exc) not in (TypeError, ValueError) or len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return
    new = type(exc)("%s with %r codec failed (%s: %s)" % (what, encoding, type(exc).__name__, exc))
    raise new from exc


def _text_info(encoding, use):
    info = lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError("%r is not a text encoding; use codecs.%s() to handle arbitrary codecs"
                          % (encoding, use))
    return info


def _text_encode(text, encoding, errors):
    """str.encode for the codecs and error handlers C++ does not know."""
    name = _c.builtin_name(encoding)
    if name is not None:
        return _run_encode(text, name, errors)
    result = _check_result(_text_info(encoding, "encode")[0](text, errors), "encoder")
    if isinstance(result, bytearray):
        return bytes(result)
    if not isinstance(result, bytes):
        raise TypeError("'%.400s' encoder returned '%.400s' instead of 'bytes'; use codecs.encode() to "
                        "encode to arbitrary types" % (encoding, type(result).__name__))
    return result


def _text_decode(data, encoding, errors):
    """bytes.decode for the codecs and error handlers C++ does not know."""
    name = _c.builtin_name(encoding)
    if name is not None:
        return _run_decode(data, name, errors)
    result = _check_result(_text_info(encoding, "decode")[1](data, errors), "decoder")
    if not isinstance(result, str):
        raise TypeError("'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to "
                        "decode to arbitrary types" % (encoding, type(result).__name__))
    return result


# ------------------------------------------------------------ error handlers

def _strict_errors(exception, /):
    if isinstance(exception, BaseException):
        raise exception
    raise TypeError("codec must pass exception instance")


def _cant_handle(exc):
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _ignore_errors(exception, /):
    if isinstance(exception, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ("", exception.end)
    raise _cant_handle(exception)


def _replace_errors(exception, /):
    if isinstance(exception, UnicodeEncodeError):
        return ("?" * (exception.end - exception.start), exception.end)
    if isinstance(exception, UnicodeDecodeError):
        return ("\ufffd", exception.end)
    if isinstance(exception, UnicodeTranslateError):
        return ("\ufffd" * (exception.end - exception.start), exception.end)
    raise _cant_handle(exception)


def _escape(c):
    n = ord(c)
    if n < 0x100:
        return "\\x%02x" % n
    if n < 0x10000:
        return "\\u%04x" % n
    return "\\U%08x" % n


def _backslashreplace_errors(exception, /):
    if isinstance(exception, UnicodeDecodeError):
        part = exception.object[exception.start:exception.end]
        return ("".join("\\x%02x" % b for b in part), exception.end)
    if isinstance(exception, (UnicodeEncodeError, UnicodeTranslateError)):
        part = exception.object[exception.start:exception.end]
        return ("".join(_escape(c) for c in part), exception.end)
    raise _cant_handle(exception)


def _xmlcharrefreplace_errors(exception, /):
    if isinstance(exception, UnicodeEncodeError):
        part = exception.object[exception.start:exception.end]
        return ("".join("&#%d;" % ord(c) for c in part), exception.end)
    raise _cant_handle(exception)


def _namereplace_errors(exception, /):
    if isinstance(exception, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exception.object[exception.start:exception.end]:
            name = unicodedata.name(c, None)
            out.append("\\N{%s}" % name if name is not None else _escape(c))
        return ("".join(out), exception.end)
    raise _cant_handle(exception)


def _surrogateescape_errors(exception, /):
    if isinstance(exception, UnicodeDecodeError):
        part = exception.object[exception.start:exception.end]
        if all(b >= 128 for b in part[:4]):
            return ("".join(chr(0xDC00 + b) for b in part[:4]), exception.start + min(len(part), 4))
        raise exception
    if isinstance(exception, UnicodeEncodeError):
        out = bytearray()
        for c in exception.object[exception.start:exception.end]:
            n = ord(c)
            if not 0xDC80 <= n <= 0xDCFF:
                raise exception
            out.append(n - 0xDC00)
        return (bytes(out), exception.end)
    raise _cant_handle(exception)


def _surrogatepass_errors(exception, /):
    if isinstance(exception, UnicodeEncodeError):
        enc = exception.encoding.replace("_", "-").lower()
        if enc in ("utf-8", "utf8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
            part = exception.object[exception.start:exception.end]
            if all(0xD800 <= ord(c) <= 0xDFFF for c in part):
                return (_c.encode(part, enc, "surrogatepass"), exception.end)
        raise exception
    if isinstance(exception, UnicodeDecodeError):
        raise exception
    raise _cant_handle(exception)


# The handlers under their CPython names are built-in functions of
# _glasspy_codecs that call the ones above.
from _glasspy_codecs import (strict_errors, ignore_errors, replace_errors, backslashreplace_errors,
                             xmlcharrefreplace_errors, namereplace_errors, surrogateescape_errors,
                             surrogatepass_errors)

_handlers = {
    "strict": strict_errors, "ignore": ignore_errors, "replace": replace_errors,
    "backslashreplace": backslashreplace_errors, "xmlcharrefreplace": xmlcharrefreplace_errors,
    "namereplace": namereplace_errors, "surrogateescape": surrogateescape_errors,
    "surrogatepass": surrogatepass_errors,
}
_C_HANDLERS = frozenset(("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                         "surrogateescape", "surrogatepass"))


def register_error(errors, handler, /):
    if not isinstance(errors, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(errors).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _handlers[errors] = handler


def lookup_error(name, /):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _call_handler(errors, exc, length):
    handler = lookup_error("strict" if errors is None else errors)
    result = handler(exc)
    if not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[1], int):
        kind = "decoding" if isinstance(exc, UnicodeDecodeError) else "encoding"
        if kind == "decoding":
            raise TypeError("decoding error handler must return (str, int) tuple")
        raise TypeError("encoding error handler must return (str/bytes, int) tuple")
    rep, pos = result
    if pos < 0:
        pos += length
    if not 0 <= pos <= length:
        raise IndexError("position %d from error handler out of bounds" % pos)
    return rep, pos


def _run_encode(text, name, errors):
    """Encode text with the C++ codec `name` under any error handler."""
    if errors is None:
        errors = "strict"
    if errors in _C_HANDLERS:
        return _c.encode(text, name, errors)
    out = []
    chunk_codec = name
    if name in ("utf-16", "utf-32"):
        out.append(_c.encode("", name, "strict"))          # the byte order mark, once
        chunk_codec = name + "-le"
    pos = 0
    while True:
        try:
            out.append(_c.encode(text[pos:], chunk_codec, "strict"))
            return b"".join(out)
        except UnicodeEncodeError as e:
            start, end = pos + e.start, pos + e.end
            exc = UnicodeEncodeError(e.encoding, text, start, end, e.reason)
            out.append(_c.encode(text[pos:start], chunk_codec, "strict"))
            rep, pos = _call_handler(errors, exc, len(text))
            if isinstance(rep, str):
                try:
                    rep = _c.encode(rep, chunk_codec, "strict")
                except UnicodeEncodeError:
                    raise exc from None
            out.append(bytes(rep))


def _run_decode(data, name, errors):
    """Decode data with the C++ codec `name` under any error handler."""
    if errors is None:
        errors = "strict"
    if errors in _C_HANDLERS:
        return _c.decode(data, name, errors)
    data = bytes(data)
    out = []
    pos = 0
    chunk_codec = name
    while True:
        try:
            out.append(_c.decode(data[pos:], chunk_codec, "strict"))
            return "".join(out)
        except UnicodeDecodeError as e:
            start, end = pos + e.start, pos + e.end
            exc = UnicodeDecodeError(e.encoding, data, start, end, e.reason)
            out.append(_c.decode(data[pos:start], chunk_codec, "strict"))
            rep, pos = _call_handler(errors, exc, len(data))
            out.append(rep)
            if name in ("utf-16", "utf-32") and chunk_codec == name:
                chunk_codec = name + ("-be" if data[:2] == b"\xfe\xff" or data[:4] == b"\0\0\xfe\xff" else "-le")


def _generic_encode(text, errors, encode_char, encoding):
    """A codec that maps each character on its own: encode_char(c) gives
    bytes or None (cannot encode). Runs of unencodable characters go to the
    error handler together, as CPython's charmap encoder reports them."""
    out = bytearray()
    n = len(text)
    pos = 0
    while pos < n:
        b = encode_char(text[pos])
        if b is not None:
            out += b
            pos += 1
            continue
        end = pos + 1
        while end < n and encode_char(text[end]) is None:
            end += 1
        exc = UnicodeEncodeError(encoding, text, pos, end, "character maps to <undefined>")
        rep, pos = _call_handler(errors, exc, n)
        if isinstance(rep, str):
            for c in rep:
                b = encode_char(c)
                if b is None:
                    raise exc
                out += b
        else:
            out += rep
    return bytes(out)


# ------------------------------------------------------------ the C++ codecs

def _str_arg(fname, v):
    if not isinstance(v, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(v).__name__))


def _bytes_arg(fname, v):
    if isinstance(v, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(v)


def _make_encoder(cname, fname):
    def encoder(str, errors=None, /):
        _str_arg(fname, str)
        return (_run_encode(str, cname, errors), len(str))
    encoder.__name__ = encoder.__qualname__ = fname
    return encoder


def _incomplete_utf8_tail(data):
    # How many bytes at the end start a sequence that more data could finish.
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b < 0x80:
            return 0
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            if need > back and b >= 0xC2 and b <= 0xF4:
                # The bytes after it must be valid continuations.
                second = data[n - back + 1] if back > 1 else None
                if second is not None:
                    if b == 0xE0 and second < 0xA0 or b == 0xED and second > 0x9F or \
                       b == 0xF0 and second < 0x90 or b == 0xF4 and second > 0x8F:
                        return 0
                return back
            return 0
    return 0


def _make_decoder(cname, fname, unit=1):
    def decoder(data, errors=None, final=False, /):
        data = _bytes_arg(fname, data)
        keep = 0
        if not final:
            if unit == 1:
                keep = _incomplete_utf8_tail(data) if cname == "utf-8" else 0
            else:
                keep = len(data) % unit
                body = len(data) - keep
                if unit == 2 and body >= 2:
                    # Do not split a surrogate pair.
                    last = data[body - 2:body]
                    unit_value = (last[0] << 8 | last[1]) if cname.endswith("be") else (last[1] << 8 | last[0])
                    if 0xD800 <= unit_value <= 0xDBFF:
                        keep += 2
        body = data[:len(data) - keep]
        return (_run_decode(body, cname, errors), len(body))
    decoder.__name__ = decoder.__qualname__ = fname
    return decoder


utf_8_encode = _make_encoder("utf-8", "utf_8_encode")
utf_8_decode = _make_decoder("utf-8", "utf_8_decode")
ascii_encode = _make_encoder("ascii", "ascii_encode")
latin_1_encode = _make_encoder("latin-1", "latin_1_encode")
utf_16_le_encode = _make_encoder("utf-16-le", "utf_16_le_encode")
utf_16_be_encode = _make_encoder("utf-16-be", "utf_16_be_encode")
utf_16_le_decode = _make_decoder("utf-16-le", "utf_16_le_decode", 2)
utf_16_be_decode = _make_decoder("utf-16-be", "utf_16_be_decode", 2)
utf_32_le_encode = _make_encoder("utf-32-le", "utf_32_le_encode")
utf_32_be_encode = _make_encoder("utf-32-be", "utf_32_be_encode")
utf_32_le_decode = _make_decoder("utf-32-le", "utf_32_le_decode", 4)
utf_32_be_decode = _make_decoder("utf-32-be", "utf_32_be_decode", 4)


def ascii_decode(data, errors=None, /):
    data = _bytes_arg("ascii_decode", data)
    return (_run_decode(data, "ascii", errors), len(data))


def latin_1_decode(data, errors=None, /):
    data = _bytes_arg("latin_1_decode", data)
    return (_run_decode(data, "latin-1", errors), len(data))


def utf_16_encode(str, errors=None, byteorder=0, /):
    _str_arg("utf_16_encode", str)
    name = "utf-16" if byteorder == 0 else "utf-16-le" if byteorder < 0 else "utf-16-be"
    return (_run_encode(str, name, errors), len(str))


def utf_32_encode(str, errors=None, byteorder=0, /):
    _str_arg("utf_32_encode", str)
    name = "utf-32" if byteorder == 0 else "utf-32-le" if byteorder < 0 else "utf-32-be"
    return (_run_encode(str, name, errors), len(str))


def _ex_decode(width, data, errors, byteorder, final):
    data = _bytes_arg("utf_%d_ex_decode" % (width * 8), data)
    bom_le = b"\xff\xfe" if width == 2 else b"\xff\xfe\0\0"
    bom_be = b"\xfe\xff" if width == 2 else b"\0\0\xfe\xff"
    skip = 0
    if byteorder == 0:
        if data[:width] == bom_le:
            byteorder, skip = -1, width
        elif data[:width] == bom_be:
            byteorder, skip = 1, width
        elif len(data) < width and not final:
            return ("", 0, 0)
    name = "utf_%d_%s_decode" % (width * 8, "be" if byteorder > 0 else "le")
    text, used = globals()[name](data[skip:], errors, final)
    return (text, used + skip, byteorder)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _ex_decode(2, data, errors, byteorder, final)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _ex_decode(4, data, errors, byteorder, final)


def utf_16_decode(data, errors=None, final=False, /):
    text, used, _ = _ex_decode(2, data, errors, 0, final)
    return (text, used)


def utf_32_decode(data, errors=None, final=False, /):
    text, used, _ = _ex_decode(4, data, errors, 0, final)
    return (text, used)


def unicode_escape_encode(str, errors=None, /):
    _str_arg("unicode_escape_encode", str)
    return (_c.encode(str, "unicode-escape", "strict"), len(str))


def unicode_escape_decode(data, errors=None, final=True, /):
    if isinstance(data, str):
        data = data.encode("latin-1", "backslashreplace") if not data.isascii() else data.encode("ascii")
    data = bytes(data)
    return (_run_decode(data, "unicode-escape", errors), len(data))


def raw_unicode_escape_encode(str, errors=None, /):
    _str_arg("raw_unicode_escape_encode", str)
    return (_c.encode(str, "raw-unicode-escape", "strict"), len(str))


def raw_unicode_escape_decode(data, errors=None, final=True, /):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    return (_run_decode(data, "raw-unicode-escape", errors), len(data))


def escape_encode(data, errors=None, /):
    if not isinstance(data, bytes):
        raise TypeError("escape_encode() argument 1 must be bytes, not %s" % type(data).__name__)
    r = repr(data)
    body = r[2:-1]
    if r[1] == '"':
        body = body.replace("'", "\\'")
    return (body.encode("ascii"), len(data))


def escape_decode(data, errors=None, /):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    text = _run_decode(data, "unicode-escape", "strict")
    return (text.encode("latin-1"), len(data))


# ------------------------------------------------------------ charmap

def charmap_build(map, /):
    if not isinstance(map, str):
        raise TypeError("charmap_build() argument must be str, not %s" % type(map).__name__)
    return {ord(c): i for i, c in enumerate(map) if c != "\ufffe"}


def charmap_decode(data, errors=None, mapping=None, /):
    data = _bytes_arg("charmap_decode", data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    n = len(data)
    pos = 0
    is_table = isinstance(mapping, str)
    while pos < n:
        b = data[pos]
        if is_table:
            c = mapping[b] if b < len(mapping) else "\ufffe"
        else:
            try:
                c = mapping[b]
            except LookupError:
                c = None
            if isinstance(c, int):
                if not 0 <= c <= 0x10FFFF:
                    raise TypeError("character mapping must be in range(0x110000)")
                c = chr(c)
            elif c is not None and not isinstance(c, str):
                raise TypeError("character mapping must return integer, None or str")
        if c is None or c == "\ufffe":
            exc = UnicodeDecodeError("charmap", data, pos, pos + 1, "character maps to <undefined>")
            rep, pos = _call_handler(errors, exc, n)
            out.append(rep)
            continue
        out.append(c)
        pos += 1
    return ("".join(out), n)


def charmap_encode(str, errors=None, mapping=None, /):
    _str_arg("charmap_encode", str)
    if mapping is None:
        return latin_1_encode(str, errors)

    def one(c):
        try:
            v = mapping[ord(c)]
        except LookupError:
            return None
        if v is None:
            return None
        if isinstance(v, int):
            if not 0 <= v < 256:
                raise TypeError("character mapping must be in range(256)")
            return bytes((v,))
        if isinstance(v, bytes):
            return v
        raise TypeError("character mapping must return integer, bytes or None, not %s" % type(v).__name__)
    return (_generic_encode(str, errors, one, "charmap"), len(str))


# ------------------------------------------------------------ UTF-7 (RFC 2152)

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# Characters UTF-7 writes as themselves (CPython's "set D" plus the
# optional "set O" characters it leaves direct, and whitespace).
_DIRECT = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:? \t\r\n"
              "!\"#$%&*;<=>@[]^_`{|}")


def utf_7_encode(str, errors=None, /):
    _str_arg("utf_7_encode", str)
    out = []
    i, n = 0, len(str)
    while i < n:
        c = str[i]
        if c == "+":
            out.append("+-")
            i += 1
            continue
        if c in _DIRECT:
            out.append(c)
            i += 1
            continue
        j = i
        while j < n and str[j] not in _DIRECT and str[j] != "+":
            j += 1
        units = str[i:j].encode("utf-16-be", "surrogatepass")
        bits, nbits, enc = 0, 0, []
        for b in units:
            bits = (bits << 8) | b
            nbits += 8
            while nbits >= 6:
                nbits -= 6
                enc.append(_B64[(bits >> nbits) & 0x3F])
        if nbits:
            enc.append(_B64[(bits << (6 - nbits)) & 0x3F])
        out.append("+" + "".join(enc))
        if j == n or str[j] in _B64 or str[j] == "-":
            out.append("-")
        i = j
    return ("".join(out).encode("ascii"), len(str))


def utf_7_decode(data, errors=None, final=False, /):
    data = _bytes_arg("utf_7_decode", data)
    out = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b != 0x2B:   # '+'
            if b >= 0x80:
                exc = UnicodeDecodeError("utf-7", data, i, i + 1, "unexpected special character")
                rep, i = _call_handler(errors, exc, n)
                out.append(rep)
                continue
            out.append(chr(b))
            i += 1
            continue
        j = i + 1
        if j < n and data[j] == 0x2D:   # "+-" is '+'
            out.append("+")
            i = j + 1
            continue
        bits, nbits, units = 0, 0, []
        while j < n and chr(data[j]) in _B64:
            bits = (bits << 6) | _B64.index(chr(data[j]))
            nbits += 6
            if nbits >= 16:
                nbits -= 16
                units.append((bits >> nbits) & 0xFFFF)
            j += 1
        if j == n and not final:
            return ("".join(out), i)
        raw = b"".join(u.to_bytes(2, "big") for u in units)
        out.append(raw.decode("utf-16-be", "surrogatepass"))
        if j < n and data[j] == 0x2D:
            j += 1
        i = j
    return ("".join(out), n)


def readbuffer_encode(data, errors=None, /):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    return (data, len(data))
