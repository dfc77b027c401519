// unicode_codecs.cpp — the built-in text encodings: str.encode and the
// decoding half that bytes.decode / str(b, encoding) use.
//
// Mirrors the codecs CPython 3.11 implements in C (Objects/unicodeobject.c:
// PyUnicode_AsUTF8String, _PyUnicode_EncodeUTF16/32, unicode_encode_ucs1
// for ascii/latin-1, and their decoders) and the error handlers of
// Python/codecs.c. An error handler decides what happens to a character the
// encoding cannot represent (or a byte sequence it cannot decode):
//
//   strict             raise UnicodeEncodeError / UnicodeDecodeError
//   ignore             drop it
//   replace            '?' when encoding, U+FFFD when decoding
//   backslashreplace   \xe9, \u20ac, \U0001f600 (decoding: \xff)
//   xmlcharrefreplace  &#233;  (encoding only)
//   surrogateescape    bytes 0x80-0xff <-> lone surrogates U+DC80-U+DCFF
//   surrogatepass      UTF-8/16/32 may carry lone surrogates
//
// Consecutive unencodable characters are reported (and replaced) as one
// run, as CPython does: 'éé'.encode('ascii') "can't encode characters in
// position 0-1".
#include <cctype>
#include <cstdio>
#include <string>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/unicode_data.h"
#include "objects/unicode_internal.h"
#include "parser/literals.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/warnings.h"

namespace gp {

__attribute__((weak)) Ref<> bytes_from_string(ThreadState* ts, std::string_view) {
    return raise(ts, ts->interp->exc.NotImplementedError, "bytes objects are not available yet");
}

namespace {

enum class Codec { Utf8, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE, Ascii, Latin1, UnicodeEscape,
                   RawUnicodeEscape, Unknown };

// encodings.normalize_encoding + the aliases of the codecs above.
Codec lookup_codec(std::string_view name, std::string* canonical) {
    std::string n;
    for (char c : name) {
        char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        n += (l == '-' || l == ' ') ? '_' : l;
    }
    struct Alias { const char* name; Codec codec; const char* canonical; };
    static const Alias aliases[] = {
        {"utf_8", Codec::Utf8, "utf-8"}, {"utf8", Codec::Utf8, "utf-8"}, {"u8", Codec::Utf8, "utf-8"},
        {"utf", Codec::Utf8, "utf-8"}, {"cp65001", Codec::Utf8, "utf-8"},
        {"utf_16", Codec::Utf16, "utf-16"}, {"utf16", Codec::Utf16, "utf-16"}, {"u16", Codec::Utf16, "utf-16"},
        {"utf_16_le", Codec::Utf16LE, "utf-16-le"}, {"utf_16le", Codec::Utf16LE, "utf-16-le"},
        {"utf_16_be", Codec::Utf16BE, "utf-16-be"}, {"utf_16be", Codec::Utf16BE, "utf-16-be"},
        {"utf_32", Codec::Utf32, "utf-32"}, {"utf32", Codec::Utf32, "utf-32"}, {"u32", Codec::Utf32, "utf-32"},
        {"utf_32_le", Codec::Utf32LE, "utf-32-le"}, {"utf_32le", Codec::Utf32LE, "utf-32-le"},
        {"utf_32_be", Codec::Utf32BE, "utf-32-be"}, {"utf_32be", Codec::Utf32BE, "utf-32-be"},
        {"ascii", Codec::Ascii, "ascii"}, {"us_ascii", Codec::Ascii, "ascii"}, {"646", Codec::Ascii, "ascii"},
        {"latin_1", Codec::Latin1, "latin-1"}, {"latin1", Codec::Latin1, "latin-1"}, {"latin", Codec::Latin1, "latin-1"},
        {"iso_8859_1", Codec::Latin1, "latin-1"}, {"iso8859_1", Codec::Latin1, "latin-1"},
        {"8859", Codec::Latin1, "latin-1"}, {"cp819", Codec::Latin1, "latin-1"}, {"l1", Codec::Latin1, "latin-1"},
        {"iso_ir_100", Codec::Latin1, "latin-1"},
        {"unicode_escape", Codec::UnicodeEscape, "unicodeescape"},
        {"raw_unicode_escape", Codec::RawUnicodeEscape, "rawunicodeescape"},
    };
    for (const Alias& a : aliases)
        if (n == a.name) { *canonical = a.canonical; return a.codec; }
    return Codec::Unknown;
}

enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRef, NameReplace, SurrogateEscape,
                     SurrogatePass, Unknown };

Handler lookup_handler(std::string_view e) {
    if (e == "strict") return Handler::Strict;
    if (e == "ignore") return Handler::Ignore;
    if (e == "replace") return Handler::Replace;
    if (e == "backslashreplace") return Handler::BackslashReplace;
    if (e == "xmlcharrefreplace") return Handler::XmlCharRef;
    if (e == "namereplace") return Handler::NameReplace;
    if (e == "surrogateescape") return Handler::SurrogateEscape;
    if (e == "surrogatepass") return Handler::SurrogatePass;
    return Handler::Unknown;
}

std::string hex_escape(uint32_t c) {
    char buf[16];
    if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
    else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
    else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
    return buf;
}

void put_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

void put_unit(std::string& out, uint32_t v, int bytes, bool big) {
    for (int i = 0; i < bytes; i++) {
        int shift = big ? 8 * (bytes - 1 - i) : 8 * i;
        out += char((v >> shift) & 0xFF);
    }
}

// The code unit writer of one codec for a character it can represent.
struct Encoder {
    Codec codec;
    bool big;
    void put(std::string& out, uint32_t c) const {
        switch (codec) {
        case Codec::Utf8: put_utf8(out, c); break;
        case Codec::Utf16: case Codec::Utf16LE: case Codec::Utf16BE:
            if (c >= 0x10000) {
                c -= 0x10000;
                put_unit(out, 0xD800 | (c >> 10), 2, big);
                put_unit(out, 0xDC00 | (c & 0x3FF), 2, big);
            } else {
                put_unit(out, c, 2, big);
            }
            break;
        case Codec::Utf32: case Codec::Utf32LE: case Codec::Utf32BE: put_unit(out, c, 4, big); break;
        default: out += char(c); break;
        }
    }
    // Can this codec represent c without an error handler?
    bool can(uint32_t c) const {
        switch (codec) {
        case Codec::Ascii: return c < 128;
        case Codec::Latin1: return c < 256;
        default: return c < 0xD800 || c > 0xDFFF;   // UTF-x: no lone surrogates
        }
    }
};

}  // namespace

bool unicode_builtin_codec(std::string_view encoding, std::string* canonical) {
    std::string name;
    if (lookup_codec(encoding, &name) == Codec::Unknown) return false;
    if (canonical) *canonical = name;
    return true;
}

// Any other codec, or an error handler registered with
// codecs.register_error, goes through the Python codec registry:
// _codecs._text_encode(str, encoding, errors) -> bytes and
// _codecs._text_decode(bytes, encoding, errors) -> str (core/lib/_codecs.py).
static Ref<> registry_call(ThreadState* ts, const char* function, Object* arg, std::string_view encoding,
                           std::string_view errors) {
    Ref<> module = import_module(ts, "_codecs");
    if (!module) return nullptr;
    Ref<> fn = object_getattr_cstr(ts, module.get(), function);
    Ref<> enc = fn ? str_from_utf8(ts, encoding) : nullptr;
    Ref<> err = enc ? str_from_utf8(ts, errors) : nullptr;
    if (!err) return nullptr;
    Object* args[3] = {arg, enc.get(), err.get()};
    return object_vectorcall(ts, fn.get(), args, 3, nullptr);
}

static bool registry_encode(ThreadState* ts, StrObject* s, std::string_view encoding, std::string_view errors,
                            std::string* out) {
    Ref<> r = registry_call(ts, "_text_encode", s, encoding, errors);
    if (!r) return false;
    std::string_view data;
    if (!bytes_like_view(r.get(), &data)) {
        raise(ts, ts->interp->exc.TypeError, "encoder did not return bytes");
        return false;
    }
    out->assign(data.data(), data.size());
    return true;
}

// unicode_escape: printable ASCII as itself, backslash and the usual
// control characters as \\ \t \n \r, everything else as \xhh, \uhhhh or
// \Uhhhhhhhh. raw_unicode_escape: characters below U+0100 as their latin-1
// byte, the rest as \uhhhh / \Uhhhhhhhh. Neither can fail.
static void encode_escaped(StrObject* s, bool raw, std::string* out) {
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (raw) {
            if (c < 0x100) out->push_back(char(c));
            else *out += hex_escape(c);
            continue;
        }
        if (c == '\\') *out += "\\\\";
        else if (c == '\t') *out += "\\t";
        else if (c == '\n') *out += "\\n";
        else if (c == '\r') *out += "\\r";
        else if (c >= 0x20 && c < 0x7F) out->push_back(char(c));
        else *out += hex_escape(c);
    }
}

bool unicode_encode(ThreadState* ts, StrObject* s, std::string_view encoding, std::string_view errors,
                    std::string* out) {
    Interpreter& interp = *ts->interp;
    std::string name;
    Codec codec = lookup_codec(encoding, &name);
    if (codec == Codec::Unknown || lookup_handler(errors) == Handler::Unknown)
        return registry_encode(ts, s, encoding, errors, out);
    if (codec == Codec::UnicodeEscape || codec == Codec::RawUnicodeEscape) {
        out->clear();
        encode_escaped(s, codec == Codec::RawUnicodeEscape, out);
        return true;
    }
    const bool big = codec == Codec::Utf16BE || codec == Codec::Utf32BE;
    Encoder enc{codec, big};
    out->clear();
    if (codec == Codec::Utf16) put_unit(*out, 0xFEFF, 2, false);     // BOM, little-endian host order
    if (codec == Codec::Utf32) put_unit(*out, 0xFEFF, 4, false);
    if (s->ascii && codec != Codec::Utf16 && codec != Codec::Utf16LE && codec != Codec::Utf16BE &&
        codec != Codec::Utf32 && codec != Codec::Utf32LE && codec != Codec::Utf32BE) {
        out->append(static_cast<const char*>(s->data()), std::size_t(s->length));
        return true;
    }
    Handler handler = Handler::Strict;
    bool handler_known = false;
    const isize n = s->length;
    for (isize i = 0; i < n;) {
        uint32_t c = sget(s, i);
        if (enc.can(c)) { enc.put(*out, c); i++; continue; }
        // A run of characters this codec cannot represent.
        isize end = i + 1;
        while (end < n && !enc.can(sget(s, end))) end++;
        if (!handler_known) {
            handler = lookup_handler(errors);
            handler_known = true;
            if (handler == Handler::Unknown) {
                raise(ts, interp.exc.LookupError, "unknown error handler name '" + std::string(errors) + "'");
                return false;
            }
        }
        const bool utf = codec != Codec::Ascii && codec != Codec::Latin1;
        std::string reason = codec == Codec::Ascii ? "ordinal not in range(128)"
                           : codec == Codec::Latin1 ? "ordinal not in range(256)" : "surrogates not allowed";
        bool strict_fail = false;
        switch (handler) {
        case Handler::Ignore: break;
        case Handler::Replace:
            for (isize k = i; k < end; k++) enc.put(*out, '?');
            break;
        case Handler::BackslashReplace:
            for (isize k = i; k < end; k++)
                for (char ch : hex_escape(sget(s, k))) enc.put(*out, uint8_t(ch));
            break;
        case Handler::NameReplace:
            for (isize k = i; k < end; k++) {
                std::string name = unicode_char_name(sget(s, k));
                std::string text = name.empty() ? hex_escape(sget(s, k)) : "\\N{" + name + "}";
                for (char ch : text) enc.put(*out, uint8_t(ch));
            }
            break;
        case Handler::XmlCharRef:
            for (isize k = i; k < end; k++)
                for (char ch : "&#" + std::to_string(sget(s, k)) + ";") enc.put(*out, uint8_t(ch));
            break;
        case Handler::SurrogatePass:
            if (!utf) { strict_fail = true; break; }
            for (isize k = i; k < end; k++) {
                uint32_t cs = sget(s, k);
                if (codec == Codec::Utf8) put_utf8(*out, cs);
                else if (codec == Codec::Utf32 || codec == Codec::Utf32LE || codec == Codec::Utf32BE) put_unit(*out, cs, 4, big);
                else put_unit(*out, cs, 2, big);
            }
            break;
        case Handler::SurrogateEscape: {
            // Only U+DC80..U+DCFF map back to single bytes.
            isize k = i;
            for (; k < end; k++) {
                uint32_t cs = sget(s, k);
                if (cs < 0xDC80 || cs > 0xDCFF) break;
                out->push_back(char(cs - 0xDC00));
            }
            if (k < end) { i = k; end = k + 1; strict_fail = true; }
            break;
        }
        default: strict_fail = true; break;
        }
        if (strict_fail) {
            // UTF-8 reports one surrogate at a time only if the run is one long.
            raise_unicode_encode_error(ts, name, s, i, end, reason);
            return false;
        }
        i = end;
    }
    return true;
}

// ------------------------------------------------------------ decoding

Ref<> unicode_decode(ThreadState* ts, std::string_view data, std::string_view encoding, std::string_view errors) {
    Interpreter& interp = *ts->interp;
    std::string name;
    Codec codec = lookup_codec(encoding, &name);
    if (codec == Codec::Unknown || lookup_handler(errors) == Handler::Unknown) {
        Ref<> b = bytes_from_data(ts, data.data(), isize(data.size()));
        return b ? registry_call(ts, "_text_decode", b.get(), encoding, errors) : nullptr;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    const isize n = isize(data.size());
    std::u32string out;
    out.reserve(data.size());
    Handler handler = Handler::Strict;
    bool handler_known = false;
    // Handles bytes [start, end) that could not be decoded; false = raise.
    auto bad = [&](isize start, isize end, const std::string& reason) -> bool {
        if (!handler_known) {
            handler = lookup_handler(errors);
            handler_known = true;
            if (handler == Handler::Unknown) {
                raise(ts, interp.exc.LookupError, "unknown error handler name '" + std::string(errors) + "'");
                return false;
            }
        }
        switch (handler) {
        case Handler::Ignore: return true;
        case Handler::Replace: out.push_back(0xFFFD); return true;
        case Handler::BackslashReplace:
            for (isize k = start; k < end; k++)
                for (char ch : hex_escape(p[k])) out.push_back(char32_t(uint8_t(ch)));
            return true;
        case Handler::SurrogateEscape: {
            bool ok = true;
            for (isize k = start; k < end; k++) {
                if (p[k] < 128) { ok = false; break; }
                out.push_back(char32_t(0xDC00 + p[k]));
            }
            if (ok) return true;
            break;
        }
        default: break;
        }
        raise_unicode_decode_error(ts, name, data, start, end, reason);
        return false;
    };
    auto hex_value = [&](isize at, int digits, uint32_t* v) {
        *v = 0;
        for (int d = 0; d < digits; d++) {
            if (at + d >= n) return false;
            uint8_t c = p[at + d];
            int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (x < 0) return false;
            *v = *v * 16 + uint32_t(x);
        }
        return true;
    };
    // \xhh, \uhhhh, \Uhhhhhhhh at p[i] (the backslash); false = raise.
    auto hex_escape_at = [&](isize& i, char kind) -> bool {
        int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
        uint32_t v;
        if (!hex_value(i + 2, digits, &v)) {
            isize end = i + 2;
            while (end < n && end < i + 2 + digits && std::isxdigit(p[end])) end++;
            std::string what = kind == 'x' ? "truncated \\xXX escape" : kind == 'u' ? "truncated \\uXXXX escape"
                                                                        : "truncated \\UXXXXXXXX escape";
            if (!bad(i, end, what)) return false;
            i = end;
            return true;
        }
        if (v > 0x10FFFF) {
            if (!bad(i, i + 2 + digits, "illegal Unicode character")) return false;
        } else {
            out.push_back(char32_t(v));
        }
        i += 2 + digits;
        return true;
    };
    switch (codec) {
    case Codec::UnicodeEscape: {
        bool warned_invalid = false;
        for (isize i = 0; i < n;) {
            if (p[i] != '\\') { out.push_back(p[i]); i++; continue; }
            if (i + 1 >= n) {
                if (!bad(i, n, "\\ at end of string")) return nullptr;
                break;
            }
            uint8_t c = p[i + 1];
            const char* simple = nullptr;
            switch (c) {
            case '\n': i += 2; continue;   // a line continuation
            case '\\': simple = "\\"; break;
            case '\'': simple = "'"; break;
            case '"': simple = "\""; break;
            case 'a': simple = "\a"; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 't': simple = "\t"; break;
            case 'v': simple = "\v"; break;
            default: break;
            }
            if (simple) { out.push_back(char32_t(uint8_t(*simple))); i += 2; continue; }
            if (c >= '0' && c <= '7') {
                uint32_t v = 0;
                isize k = i + 1;
                for (int d = 0; d < 3 && k < n && p[k] >= '0' && p[k] <= '7'; d++, k++) v = v * 8 + (p[k] - '0');
                out.push_back(char32_t(v));
                i = k;
                continue;
            }
            if (c == 'x' || c == 'u' || c == 'U') {
                if (!hex_escape_at(i, char(c))) return nullptr;
                continue;
            }
            if (c == 'N') {
                // \N{NAME}
                isize end = i + 2;
                uint32_t code;
                if (end < n && p[end] == '{') {
                    isize close = end + 1;
                    while (close < n && p[close] != '}') close++;
                    if (close < n && close > end + 1 &&
                        literal_lookup_name(std::string_view(reinterpret_cast<const char*>(p) + end + 1,
                                                             std::size_t(close - end - 1)), code)) {
                        out.push_back(char32_t(code));
                        i = close + 1;
                        continue;
                    }
                    end = close < n ? close + 1 : n;
                    const bool malformed = close >= n || close == end + 1;
                    if (!bad(i, end, malformed ? "malformed \\N character escape" : "unknown Unicode character name"))
                        return nullptr;
                    i = end;
                    continue;
                }
                if (!bad(i, end, "malformed \\N character escape")) return nullptr;
                i = end;
                continue;
            }
            // Not an escape: the backslash stays, with the warning CPython
            // 3.11 gives for the first such sequence.
            if (!warned_invalid) {
                warned_invalid = true;
                std::string msg = "invalid escape sequence '\\";
                if (c < 0x80) msg += char(c);
                else { char buf[8]; std::snprintf(buf, sizeof buf, "x%02x", unsigned(c)); msg += buf; }
                msg += "'";
                if (!warn(ts, interp.exc.DeprecationWarning, msg, 1)) return nullptr;
            }
            out.push_back('\\');
            i++;
        }
        break;
    }
    case Codec::RawUnicodeEscape:
        for (isize i = 0; i < n;) {
            if (p[i] == '\\' && i + 1 < n && (p[i + 1] == 'u' || p[i + 1] == 'U')) {
                // Only a backslash that is not itself escaped starts \u.
                isize run = 0;
                for (isize k = i; k >= 0 && p[k] == '\\'; k--) run++;
                if (run % 2 == 1) {
                    if (!hex_escape_at(i, char(p[i + 1]))) return nullptr;
                    continue;
                }
            }
            out.push_back(p[i]);
            i++;
        }
        break;
    case Codec::Ascii:
        for (isize i = 0; i < n; i++) {
            if (p[i] < 128) out.push_back(p[i]);
            else if (!bad(i, i + 1, "ordinal not in range(128)")) return nullptr;
        }
        break;
    case Codec::Latin1:
        for (isize i = 0; i < n; i++) out.push_back(p[i]);
        break;
    case Codec::Utf8: {
        const bool pass = errors == "surrogatepass";
        for (isize i = 0; i < n;) {
            uint8_t b = p[i];
            if (b < 0x80) { out.push_back(b); i++; continue; }
            isize need;
            uint32_t cp;
            uint8_t lo = 0x80, hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
            else if (b >= 0xE0 && b <= 0xEF) {
                need = 2; cp = b & 0x0F;
                if (b == 0xE0) lo = 0xA0;
                if (b == 0xED && !pass) hi = 0x9F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3; cp = b & 0x07;
                if (b == 0xF0) lo = 0x90;
                if (b == 0xF4) hi = 0x8F;
            } else {
                if (!bad(i, i + 1, "invalid start byte")) return nullptr;
                i++;
                continue;
            }
            isize k = 1;
            bool ok = true;
            for (; k <= need; k++) {
                if (i + k >= n) { ok = false; break; }
                uint8_t c = p[i + k];
                uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
                if (c < l || c > h) { ok = false; break; }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (!ok) {
                const bool truncated = i + k >= n;
                if (!bad(i, i + k, truncated ? "unexpected end of data" : "invalid continuation byte")) return nullptr;
                i += k;
                continue;
            }
            out.push_back(char32_t(cp));
            i += need + 1;
        }
        break;
    }
    case Codec::Utf16: case Codec::Utf16LE: case Codec::Utf16BE: {
        bool big = codec == Codec::Utf16BE;
        isize i = 0;
        if (codec == Codec::Utf16 && n >= 2) {
            if (p[0] == 0xFF && p[1] == 0xFE) { i = 2; }
            else if (p[0] == 0xFE && p[1] == 0xFF) { i = 2; big = true; }
        }
        auto unit = [&](isize k) { return big ? uint32_t(p[k] << 8 | p[k + 1]) : uint32_t(p[k + 1] << 8 | p[k]); };
        while (i < n) {
            if (i + 1 >= n) {
                if (!bad(i, n, "truncated data")) return nullptr;
                break;
            }
            uint32_t u = unit(i);
            if (u < 0xD800 || u > 0xDFFF) { out.push_back(u); i += 2; continue; }
            if (u <= 0xDBFF && i + 3 < n) {
                uint32_t u2 = unit(i + 2);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    out.push_back(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    i += 4;
                    continue;
                }
            }
            if (errors == "surrogatepass") { out.push_back(u); i += 2; continue; }
            if (!bad(i, i + 2, u <= 0xDBFF ? "unexpected end of data" : "illegal encoding")) return nullptr;
            i += 2;
        }
        break;
    }
    default: {   // UTF-32
        bool big = codec == Codec::Utf32BE;
        isize i = 0;
        if (codec == Codec::Utf32 && n >= 4) {
            if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) { i = 4; }
            else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { i = 4; big = true; }
        }
        while (i < n) {
            if (i + 3 >= n) {
                if (!bad(i, n, "truncated data")) return nullptr;
                break;
            }
            uint32_t u = big ? (uint32_t(p[i]) << 24 | uint32_t(p[i + 1]) << 16 | uint32_t(p[i + 2]) << 8 | p[i + 3])
                             : (uint32_t(p[i + 3]) << 24 | uint32_t(p[i + 2]) << 16 | uint32_t(p[i + 1]) << 8 | p[i]);
            if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF && errors != "surrogatepass")) {
                if (!bad(i, i + 4, u > 0x10FFFF ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)"))
                    return nullptr;
            } else {
                out.push_back(u);
            }
            i += 4;
        }
        break;
    }
    }
    return str_from_u32(ts, out);
}

}  // namespace gp
