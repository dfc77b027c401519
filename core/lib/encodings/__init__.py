"""The standard codec package: encodings.search_function is the codec
registry's search function (registered on import), finding a codec by its
normalised name, through the alias table, in the codecs defined here or in
a module of this package (the single-byte "charmap" tables).

CPython 3.11 keeps one module per codec (Lib/encodings/utf_8.py, ...);
glasspy defines the codecs built on _codecs' primitives here, in one place,
and keeps modules only for the generated charmap tables."""

import codecs
import _codecs
from encodings import aliases

_aliases = aliases.aliases

_cache = {}
_unknown = object()


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """Collapse each run of characters that are not alphanumeric or '.'
    into one '_' and strip leading/trailing ones ('UTF-8' -> 'UTF_8')."""
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    chars = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == ".":
            if punct and chars:
                chars.append("_")
            chars.append(c)
            punct = False
        else:
            punct = True
    return "".join(chars)


# ------------------------------------------------------------ codec classes

def _stateless(encode, decode, name, text=True):
    """CodecInfo for a codec whose functions have no state between calls."""

    class Codec(codecs.Codec):
        def encode(self, input, errors="strict"):
            return encode(input, errors)

        def decode(self, input, errors="strict"):
            return decode(input, errors)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    return _info(name, encode, decode, IncrementalEncoder, IncrementalDecoder, StreamReader, StreamWriter,
                 text)


def _buffered(encode, decode, name):
    """CodecInfo for a codec whose decoder may stop inside a character
    (decode(data, errors, final) -> (text, bytes used))."""

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            return decode(input, errors, final)

    class StreamWriter(codecs.StreamWriter):
        def encode(self, input, errors="strict"):
            return encode(input, errors)

    class StreamReader(codecs.StreamReader):
        def decode(self, input, errors="strict"):
            return decode(input, errors, False)

    def whole(input, errors="strict"):
        return decode(input, errors, True)
    return _info(name, encode, whole, IncrementalEncoder, IncrementalDecoder, StreamReader, StreamWriter)


def _info(name, encode, decode, ienc, idec, reader, writer, text=True):
    info = codecs.CodecInfo(name=name, encode=encode, decode=decode, incrementalencoder=ienc,
                            incrementaldecoder=idec, streamreader=reader, streamwriter=writer,
                            _is_text_encoding=text)
    return info


def charmap_codec_info(name, decoding_table):
    """CodecInfo for a single-byte codec given its 256-character table."""
    encoding_table = codecs.charmap_build(decoding_table)

    def encode(input, errors="strict"):
        return codecs.charmap_encode(input, errors, encoding_table)

    def decode(input, errors="strict"):
        return codecs.charmap_decode(input, errors, decoding_table)
    return _stateless(encode, decode, name)


def _bom_codec(width, name):
    """utf-16 / utf-32: a byte order mark first, then that byte order."""
    plain_encode = getattr(codecs, "utf_%d_encode" % (width * 8))
    ex_decode = getattr(codecs, "utf_%d_ex_decode" % (width * 8))
    le_encode = getattr(codecs, "utf_%d_le_encode" % (width * 8))
    be_encode = getattr(codecs, "utf_%d_be_encode" % (width * 8))
    le_decode = getattr(codecs, "utf_%d_le_decode" % (width * 8))
    be_decode = getattr(codecs, "utf_%d_be_decode" % (width * 8))

    def encode(input, errors="strict"):
        return plain_encode(input, errors)

    def decode(input, errors="strict"):
        text, used, _ = ex_decode(input, errors, 0, True)
        return (text, used)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors="strict"):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None

        def encode(self, input, final=False):
            if self.encoder is None:
                result = plain_encode(input, self.errors)[0]
                self.encoder = le_encode
                return result
            return self.encoder(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.encoder = None

        def getstate(self):
            return 2 if self.encoder is None else 0

        def setstate(self, state):
            self.encoder = None if state else le_encode

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors="strict"):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.decoder = None

        def _buffer_decode(self, input, errors, final):
            if self.decoder is None:
                text, used, order = ex_decode(input, errors, 0, final)
                if order == -1:
                    self.decoder = le_decode
                elif order == 1:
                    self.decoder = be_decode
                elif used >= width:
                    raise UnicodeError("UTF-%d stream does not start with BOM" % (width * 8))
                return (text, used)
            return self.decoder(input, errors, final)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.decoder = None

    class StreamWriter(codecs.StreamWriter):
        def __init__(self, stream, errors="strict"):
            codecs.StreamWriter.__init__(self, stream, errors)
            self.encoder = None

        def reset(self):
            codecs.StreamWriter.reset(self)
            self.encoder = None

        def encode(self, input, errors="strict"):
            if self.encoder is None:
                result = plain_encode(input, errors)
                self.encoder = le_encode
                return result
            return self.encoder(input, errors)

    class StreamReader(codecs.StreamReader):
        def reset(self):
            codecs.StreamReader.reset(self)
            try:
                del self.decode
            except AttributeError:
                pass

        def decode(self, input, errors="strict"):
            text, used, order = ex_decode(input, errors, 0, False)
            if order == -1:
                self.decode = le_decode
            elif order == 1:
                self.decode = be_decode
            elif used >= width:
                raise UnicodeError("UTF-%d stream does not start with BOM" % (width * 8))
            return (text, used)

    return _info(name, encode, decode, IncrementalEncoder, IncrementalDecoder, StreamReader, StreamWriter)


def _utf_8_sig():
    def encode(input, errors="strict"):
        return (codecs.BOM_UTF8 + codecs.utf_8_encode(input, errors)[0], len(input))

    def decode(input, errors="strict"):
        prefix = 0
        if input[:3] == codecs.BOM_UTF8:
            input = input[3:]
            prefix = 3
        text, used = codecs.utf_8_decode(input, errors, True)
        return (text, used + prefix)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors="strict"):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.first = 1

        def encode(self, input, final=False):
            if self.first:
                self.first = 0
                return codecs.BOM_UTF8 + codecs.utf_8_encode(input, self.errors)[0]
            return codecs.utf_8_encode(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.first = 1

        def getstate(self):
            return self.first

        def setstate(self, state):
            self.first = state

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors="strict"):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.first = 1

        def _buffer_decode(self, input, errors, final):
            if self.first:
                if len(input) < 3:
                    if codecs.BOM_UTF8.startswith(input):
                        return ("", 0)
                    self.first = 0
                else:
                    self.first = 0
                    if input[:3] == codecs.BOM_UTF8:
                        text, used = codecs.utf_8_decode(input[3:], errors, final)
                        return (text, used + 3)
            return codecs.utf_8_decode(input, errors, final)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.first = 1

    class StreamWriter(codecs.StreamWriter):
        def reset(self):
            codecs.StreamWriter.reset(self)
            try:
                del self.encode
            except AttributeError:
                pass

        def encode(self, input, errors="strict"):
            self.encode = lambda input, errors="strict": codecs.utf_8_encode(input, errors)
            return encode(input, errors)

    class StreamReader(codecs.StreamReader):
        def decode(self, input, errors="strict"):
            if len(input) < 3 and codecs.BOM_UTF8.startswith(input):
                return ("", 0)
            self.decode = lambda input, errors="strict": codecs.utf_8_decode(input, errors, False)
            return decode(input, errors)

    return _info("utf-8-sig", encode, decode, IncrementalEncoder, IncrementalDecoder, StreamReader,
                 StreamWriter)


def _bytes_codec(name, encode_fn, decode_fn):
    def encode(input, errors="strict"):
        assert errors == "strict"
        return (encode_fn(input), len(input))

    def decode(input, errors="strict"):
        assert errors == "strict"
        return (decode_fn(input), len(input))
    return _stateless(encode, decode, name, text=False)


def _rot13():
    table = {}
    for base in (ord("a"), ord("A")):
        for i in range(26):
            table[base + i] = base + (i + 13) % 26

    def rot(input, errors="strict"):
        return (str.translate(input, table), len(input))
    return _stateless(rot, rot, "rot-13", text=False)


def _hex():
    import binascii
    return _bytes_codec("hex", binascii.b2a_hex, binascii.a2b_hex)


def _base64():
    import base64
    return _bytes_codec("base64", base64.encodebytes, base64.decodebytes)


def _simple(name, encode, decode):
    return lambda: _stateless(encode, decode, name)


def _with_final(name, encode, decode):
    return lambda: _buffered(encode, decode, name)


def _unicode_escape(name, encode, decode):
    def whole(input, errors="strict"):
        return decode(input, errors)
    return lambda: _stateless(encode, whole, name)


# The codecs defined here, by encodings' module name.
_builtin = {
    "utf_8": _with_final("utf-8", codecs.utf_8_encode, codecs.utf_8_decode),
    "utf_8_sig": _utf_8_sig,
    "utf_16": lambda: _bom_codec(2, "utf-16"),
    "utf_32": lambda: _bom_codec(4, "utf-32"),
    "utf_16_le": _with_final("utf-16-le", codecs.utf_16_le_encode, codecs.utf_16_le_decode),
    "utf_16_be": _with_final("utf-16-be", codecs.utf_16_be_encode, codecs.utf_16_be_decode),
    "utf_32_le": _with_final("utf-32-le", codecs.utf_32_le_encode, codecs.utf_32_le_decode),
    "utf_32_be": _with_final("utf-32-be", codecs.utf_32_be_encode, codecs.utf_32_be_decode),
    "utf_7": _with_final("utf-7", codecs.utf_7_encode, codecs.utf_7_decode),
    "ascii": _simple("ascii", codecs.ascii_encode, codecs.ascii_decode),
    "latin_1": _simple("iso8859-1", codecs.latin_1_encode, codecs.latin_1_decode),
    "unicode_escape": _unicode_escape("unicode-escape", codecs.unicode_escape_encode,
                                      codecs.unicode_escape_decode),
    "raw_unicode_escape": _unicode_escape("raw-unicode-escape", codecs.raw_unicode_escape_encode,
                                          codecs.raw_unicode_escape_decode),
    "rot_13": _rot13,
    "hex_codec": _hex,
    "base64_codec": _base64,
}


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry
    norm = normalize_encoding(encoding)
    modname = _aliases.get(norm) or _aliases.get(norm.replace(".", "_")) or norm.lower()
    entry = None
    factory = _builtin.get(modname)
    if factory is not None:
        entry = factory()
    elif modname.replace("_", "").isalnum():
        try:
            mod = __import__("encodings." + modname, fromlist=["getregentry"])
        except ImportError:
            mod = None
        if mod is not None and hasattr(mod, "getregentry"):
            entry = mod.getregentry()
    if entry is not None:
        # The classes read as those of CPython's per-codec modules.
        for cls in (entry.incrementalencoder, entry.incrementaldecoder, entry.streamreader, entry.streamwriter):
            if isinstance(cls, type) and cls.__module__ == __name__:
                cls.__module__ = "encodings." + modname
                cls.__qualname__ = cls.__name__
    _cache[encoding] = entry
    return entry


codecs.register(search_function)
