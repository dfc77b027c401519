"""Locale support (CPython 3.11's Lib/locale.py over Modules/_localemodule.c).

glasspy has the locales every C library has and nothing else: "C" (also
spelled "POSIX") and "C.UTF-8" (also "C.utf8"). The current locale of each
category lives in this module (one interpreter, one set of categories, as a
process has one under CPython). At start LC_CTYPE is the locale the
environment asks for (LC_ALL, LC_CTYPE, LANG), "C.UTF-8" when it names none
glasspy has, as CPython coerces the C locale to C.UTF-8 (PEP 538); the other
categories are "C". Both locales use the conventions of "C": '.' as the
decimal point, no grouping, no currency."""

import re
import sys
import functools
import encodings
import _collections_abc
from builtins import str as _builtin_str

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale", "resetlocale",
           "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC", "LC_ALL",
           "CHAR_MAX", "getencoding"]

# The category numbers of glibc.
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

# glibc's composite LC_ALL string names these, in this order.
_CATEGORY_NAMES = [("LC_CTYPE", LC_CTYPE), ("LC_NUMERIC", LC_NUMERIC), ("LC_TIME", LC_TIME),
                   ("LC_COLLATE", LC_COLLATE), ("LC_MONETARY", LC_MONETARY), ("LC_MESSAGES", LC_MESSAGES),
                   ("LC_PAPER", None), ("LC_NAME", None), ("LC_ADDRESS", None), ("LC_TELEPHONE", None),
                   ("LC_MEASUREMENT", None), ("LC_IDENTIFICATION", None)]
_ENV_NAMES = {LC_CTYPE: "LC_CTYPE", LC_NUMERIC: "LC_NUMERIC", LC_TIME: "LC_TIME", LC_COLLATE: "LC_COLLATE",
              LC_MONETARY: "LC_MONETARY", LC_MESSAGES: "LC_MESSAGES"}


class Error(Exception):
    pass


def _available(name):
    # The spelling setlocale() reports for a locale glasspy has, or None.
    if name in ("C", "POSIX"):
        return "C"
    if name in ("C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8"):
        return name
    return None


def _from_environment(category):
    import os
    for var in ("LC_ALL", _ENV_NAMES.get(category, "LC_ALL"), "LANG"):
        value = os.environ.get(var)
        if value:
            return value
    return "C"


_current = {c: "C" for c in _ENV_NAMES}
_start = _available(_from_environment(LC_CTYPE))
_current[LC_CTYPE] = _start if _start and _start not in ("C", "POSIX") else "C.UTF-8"
del _start


def _setlocale(category, locale=None):
    if category not in _current and category != LC_ALL:
        raise Error("unsupported locale setting")
    if locale is None:
        if category != LC_ALL:
            return _current[category]
        values = set(_current.values())
        if len(values) == 1:
            return values.pop()
        return ";".join("%s=%s" % (name, _current[c] if c is not None else "C") for name, c in _CATEGORY_NAMES)
    if not isinstance(locale, _builtin_str):
        raise TypeError("setlocale() argument 2 must be str or None, not %s" % type(locale).__name__)
    if locale == "":
        locale = _from_environment(category)
    name = _available(locale)
    if name is None:
        raise Error("unsupported locale setting")
    if category == LC_ALL:
        for c in _current:
            _current[c] = name
    else:
        _current[category] = name
    return name


def setlocale(category, locale=None):
    """Set the locale for the given category (a locale name, a
    (language, encoding) pair, '' for the environment's, or None to ask)."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def _c_conventions():
    return {"int_curr_symbol": "", "currency_symbol": "", "mon_decimal_point": "", "mon_thousands_sep": "",
            "mon_grouping": [], "positive_sign": "", "negative_sign": "", "int_frac_digits": CHAR_MAX,
            "frac_digits": CHAR_MAX, "p_cs_precedes": CHAR_MAX, "p_sep_by_space": CHAR_MAX,
            "n_cs_precedes": CHAR_MAX, "n_sep_by_space": CHAR_MAX, "p_sign_posn": CHAR_MAX,
            "n_sign_posn": CHAR_MAX, "decimal_point": ".", "thousands_sep": "", "grouping": []}


_localeconv = _c_conventions

_override_localeconv = {}


def localeconv():
    """Database of local conventions (numbers and money)."""
    d = _localeconv()
    if _override_localeconv:
        d.update(_override_localeconv)
    return d


def strcoll(os1, os2, /):
    """Compares two strings according to the locale (code point order in C)."""
    for s in (os1, os2):
        if not isinstance(s, _builtin_str):
            raise TypeError("strcoll() argument must be str, not %s" % type(s).__name__)
    return (os1 > os2) - (os1 < os2)


def strxfrm(string, /):
    """The string whose code point order is the locale's collation order."""
    if not isinstance(string, _builtin_str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(string).__name__)
    return string


_strcoll = strcoll
_strxfrm = strxfrm

CODESET = 14
RADIXCHAR = 65536
THOUSEP = 65537
D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM, AM_STR, PM_STR = 131112, 131113, 131114, 131115, 131110, 131111
ERA, ERA_D_FMT, ALT_DIGITS, ERA_D_T_FMT, ERA_T_FMT = 131116, 131118, 131119, 131120, 131121
YESEXPR, NOEXPR, CRNCYSTR = 327680, 327681, 262159
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_langinfo = {RADIXCHAR: ".", THOUSEP: "", D_T_FMT: "%a %b %e %H:%M:%S %Y", D_FMT: "%m/%d/%y",
             T_FMT: "%H:%M:%S", T_FMT_AMPM: "%I:%M:%S %p", AM_STR: "AM", PM_STR: "PM", ERA: "",
             ERA_D_FMT: "", ALT_DIGITS: "", ERA_D_T_FMT: "", ERA_T_FMT: "", YESEXPR: "^[yY]",
             NOEXPR: "^[nN]", CRNCYSTR: "-"}
for _i in range(7):
    globals()["DAY_%d" % (_i + 1)] = 131079 + _i
    globals()["ABDAY_%d" % (_i + 1)] = 131072 + _i
    _langinfo[131079 + _i] = _DAYS[_i]
    _langinfo[131072 + _i] = _DAYS[_i][:3]
for _i in range(12):
    globals()["MON_%d" % (_i + 1)] = 131098 + _i
    globals()["ABMON_%d" % (_i + 1)] = 131086 + _i
    _langinfo[131098 + _i] = _MONTHS[_i]
    _langinfo[131086 + _i] = _MONTHS[_i][:3]
del _i


def nl_langinfo(key, /):
    """Return the value for the locale information associated with key."""
    if not isinstance(key, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(key).__name__)
    if key == CODESET:
        return "UTF-8" if _current[LC_CTYPE].startswith("C.") else "ANSI_X3.4-1968"
    try:
        return _langinfo[key]
    except KeyError:
        raise ValueError("unsupported langinfo constant") from None


# gettext stand-ins: glasspy has no message catalogs.
def gettext(msg, /):
    return msg


def dgettext(domain, msg, /):
    return msg


def dcgettext(domain, msg, category, /):
    return msg


def textdomain(domain, /):
    return domain if domain is not None else "messages"


def bindtextdomain(domain, dir, /):
    return dir


def bind_textdomain_codeset(domain, codeset, /):
    return codeset


# ------------------------------------------------------------ formatting

def _grouping_intervals(grouping):
    last_interval = None
    for interval in grouping:
        if interval == CHAR_MAX:
            return
        if interval == 0:
            if last_interval is None:
                raise ValueError("invalid grouping")
            while True:
                yield last_interval
        yield interval
        last_interval = interval


def _group(s, monetary=False):
    # Insert the thousands separator into the digits of s.
    conv = localeconv()
    thousands_sep = conv["mon_thousands_sep" if monetary else "thousands_sep"]
    grouping = conv["mon_grouping" if monetary else "grouping"]
    if not grouping:
        return (s, 0)
    stripped = s.rstrip() if s[-1] == " " else s
    right_spaces = s[len(stripped):]
    s = stripped
    left_spaces = ""
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            left_spaces = s
            s = ""
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return (left_spaces + thousands_sep.join(groups) + right_spaces, len(thousands_sep) * (len(groups) - 1))


def _strip_padding(s, amount):
    lpos = 0
    while amount and s[lpos] == " ":
        lpos += 1
        amount -= 1
    rpos = len(s) - 1
    while amount and s[rpos] == " ":
        rpos -= 1
        amount -= 1
    return s[lpos:rpos + 1]


_percent_re = re.compile(r"%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]")


def _format(percent, value, grouping=False, monetary=False, *additional):
    formatted = percent % ((value,) + additional) if additional else percent % value
    if percent[-1] in "eEfFgGdiu":
        formatted = _localize(formatted, grouping, monetary)
    return formatted


def _localize(formatted, grouping=False, monetary=False):
    # The locale's decimal point and, if asked, digit grouping.
    if "." in formatted:
        seps = 0
        parts = formatted.split(".")
        if grouping:
            parts[0], seps = _group(parts[0], monetary=monetary)
        decimal_point = localeconv()["mon_decimal_point" if monetary else "decimal_point"]
        formatted = decimal_point.join(parts)
        if seps:
            formatted = _strip_padding(formatted, seps)
    else:
        seps = 0
        if grouping:
            formatted, seps = _group(formatted, monetary=monetary)
        if seps:
            formatted = _strip_padding(formatted, seps)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    """% formatting with the locale's decimal point (and grouping if asked)."""
    percents = list(_percent_re.finditer(f))
    new_f = _percent_re.sub("%s", f)
    new_val = []
    if isinstance(val, _collections_abc.Mapping):
        for perc in percents:
            if perc.group()[-1] == "%":
                new_val.append("%")
            else:
                new_val.append(_format(perc.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for perc in percents:
            if perc.group()[-1] == "%":
                new_val.append("%")
            else:
                starcount = perc.group("modifiers").count("*")
                new_val.append(_format(perc.group(), val[i], grouping, monetary, *val[i + 1:i + 1 + starcount]))
                i += 1 + starcount
    return new_f % tuple(new_val)


def format(percent, value, grouping=False, monetary=False, *additional):
    """Deprecated, use format_string instead."""
    import warnings
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.", DeprecationWarning, stacklevel=2)
    match = _percent_re.match(percent)
    if not match or len(match.group()) != len(percent):
        raise ValueError(("format() must be given exactly one %%char format specifier, %s not valid")
                         % repr(percent))
    return _format(percent, value, grouping, monetary, *additional)


def currency(val, symbol=True, grouping=False, international=False):
    """Formats val according to the currency settings of the locale."""
    conv = localeconv()
    digits = conv["int_frac_digits" if international else "frac_digits"]
    if digits == 127:
        raise ValueError("Currency formatting is not possible using the 'C' locale.")
    s = _localize(f"{abs(val):.{digits}f}", grouping, monetary=True)
    s = "<" + s + ">"     # where a sign may go between symbol and value
    if symbol:
        smb = conv["int_curr_symbol" if international else "currency_symbol"]
        precedes = conv["n_cs_precedes" if val < 0 else "p_cs_precedes"]
        separated = conv["n_sep_by_space" if val < 0 else "p_sep_by_space"]
        if precedes:
            s = smb + (" " if separated else "") + s
        else:
            if international and smb[-1] == " ":
                smb = smb[:-1]
            s = s + (" " if separated else "") + smb
    sign_pos = conv["n_sign_posn" if val < 0 else "p_sign_posn"]
    sign = conv["negative_sign" if val < 0 else "positive_sign"]
    if sign_pos == 0:
        s = "(" + s + ")"
    elif sign_pos == 1:
        s = sign + s
    elif sign_pos == 2:
        s = s + sign
    elif sign_pos == 3:
        s = s.replace("<", sign)
    elif sign_pos == 4:
        s = s.replace(">", sign)
    else:
        s = sign + s
    return s.replace("<", "").replace(">", "")


def str(val):
    """Convert float to string, taking the locale into account."""
    return _format("%.12g", val)


def delocalize(string):
    """Parses a string as a normalized number according to the locale."""
    conv = localeconv()
    ts = conv["thousands_sep"]
    if ts:
        string = string.replace(ts, "")
    dd = conv["decimal_point"]
    if dd:
        string = string.replace(dd, ".")
    return string


def localize(string, grouping=False, monetary=False):
    """Parses a string as locale number according to the locale."""
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    """Parses a string as a float according to the locale."""
    return func(delocalize(string))


def atoi(string):
    """Converts a string to an integer according to the locale."""
    return int(delocalize(string))


# ------------------------------------------------------------ names

# The aliases normalize() knows (CPython's table has about a thousand; the
# C locales and the common UTF-8 spellings are here).
locale_alias = {
    "c": "C", "posix": "C", "c.ascii": "C", "c.en": "C", "c.iso88591": "en_US.ISO8859-1",
    "c.utf8": "en_US.UTF-8", "en": "en_US.ISO8859-1", "en_us": "en_US.ISO8859-1",
    "en_gb": "en_GB.ISO8859-1", "de": "de_DE.ISO8859-1", "de_de": "de_DE.ISO8859-1",
    "fr": "fr_FR.ISO8859-1", "fr_fr": "fr_FR.ISO8859-1", "es": "es_ES.ISO8859-1",
    "es_es": "es_ES.ISO8859-1", "it": "it_IT.ISO8859-1", "it_it": "it_IT.ISO8859-1",
    "ja": "ja_JP.eucJP", "ja_jp": "ja_JP.eucJP", "ru": "ru_RU.UTF-8", "ru_ru": "ru_RU.UTF-8",
    "zh_cn": "zh_CN.gb2312", "universal": "en_US.utf", "utf-8": "en_US.UTF-8",
}
locale_encoding_alias = {
    "437": "C", "c": "C", "en": "ISO8859-1", "jis": "JIS7", "jis7": "JIS7", "ajec": "eucJP",
    "koi8c": "KOI8-C", "microsoftcp1251": "CP1251", "microsoftcp1255": "CP1255",
    "microsoftcp1256": "CP1256", "88591": "ISO8859-1", "88595": "ISO8859-5", "885915": "ISO8859-15",
    "ascii": "ISO8859-1", "latin_1": "ISO8859-1", "iso8859_1": "ISO8859-1", "iso8859_10": "ISO8859-10",
    "iso8859_11": "ISO8859-11", "iso8859_13": "ISO8859-13", "iso8859_14": "ISO8859-14",
    "iso8859_15": "ISO8859-15", "iso8859_16": "ISO8859-16", "iso8859_2": "ISO8859-2",
    "iso8859_3": "ISO8859-3", "iso8859_4": "ISO8859-4", "iso8859_5": "ISO8859-5", "iso8859_6": "ISO8859-6",
    "iso8859_7": "ISO8859-7", "iso8859_8": "ISO8859-8", "iso8859_9": "ISO8859-9", "iso2022_jp": "JIS7",
    "shift_jis": "SJIS", "tactis": "TACTIS", "euc_jp": "eucJP", "euc_kr": "eucKR", "utf_8": "UTF-8",
    "koi8_r": "KOI8-R", "koi8_t": "KOI8-T", "koi8_u": "KOI8-U", "kz1048": "RK1048", "cp1251": "CP1251",
    "cp1255": "CP1255", "cp1256": "CP1256",
}
windows_locale = {0x0409: "en_US", 0x0809: "en_GB", 0x0407: "de_DE", 0x040c: "fr_FR"}


def _replace_encoding(code, encoding):
    if "." in code:
        langname = code[:code.index(".")]
    else:
        langname = code
    norm_encoding = encodings.normalize_encoding(encoding)
    norm_encoding = encodings.aliases.aliases.get(norm_encoding.lower(), norm_encoding)
    encoding = norm_encoding
    norm_encoding = norm_encoding.lower()
    if norm_encoding in locale_encoding_alias:
        encoding = locale_encoding_alias[norm_encoding]
    else:
        norm_encoding = norm_encoding.replace("_", "")
        norm_encoding = norm_encoding.replace("-", "")
        if norm_encoding in locale_encoding_alias:
            encoding = locale_encoding_alias[norm_encoding]
    return langname + "." + encoding


def _append_modifier(code, modifier):
    if modifier == "euro":
        if "." not in code:
            return code + ".ISO8859-15"
        _, _, encoding = code.partition(".")
        if encoding in ("ISO8859-15", "UTF-8"):
            return code
        if encoding == "ISO8859-1":
            return _replace_encoding(code, "ISO8859-15")
    return code + "@" + modifier


def normalize(localename):
    """A locale code normalized for setlocale() ('en_US' -> 'en_US.ISO8859-1')."""
    code = localename.lower()
    if ":" in code:
        code = code.replace(":", ".")
    if "@" in code:
        code, modifier = code.split("@", 1)
    else:
        modifier = ""
    if "." in code:
        langname, encoding = code.split(".")[:2]
    else:
        langname = code
        encoding = ""
    lang_enc = langname
    if encoding:
        norm_encoding = encoding.replace("-", "")
        norm_encoding = norm_encoding.replace("_", "")
        lang_enc += "." + norm_encoding
    lookup_name = lang_enc
    if modifier:
        lookup_name += "@" + modifier
    code = locale_alias.get(lookup_name, None)
    if code is not None:
        return code
    if modifier:
        code = locale_alias.get(lang_enc, None)
        if code is not None:
            if "@" not in code:
                return _append_modifier(code, modifier)
            if code.split("@", 1)[1].lower() == modifier:
                return code
    if encoding:
        lookup_name = langname
        if modifier:
            lookup_name += "@" + modifier
        code = locale_alias.get(lookup_name, None)
        if code is not None:
            if "@" not in code:
                return _replace_encoding(code, encoding)
            code, modifier = code.split("@", 1)
            return _replace_encoding(code, encoding) + "@" + modifier
        if modifier:
            code = locale_alias.get(langname, None)
            if code is not None:
                if "@" not in code:
                    code = _replace_encoding(code, encoding)
                    return _append_modifier(code, modifier)
                code, defmod = code.split("@", 1)
                if defmod.lower() == modifier:
                    return _replace_encoding(code, encoding) + "@" + defmod
    return localename


def _parse_localename(localename):
    code = normalize(localename)
    if "@" in code:
        code, modifier = code.split("@", 1)
        if modifier == "euro" and "." not in code:
            return code, "iso-8859-15"
    if "." in code:
        return tuple(code.split(".")[:2])
    elif code == "C":
        return None, None
    elif code == "UTF-8":
        return None, "UTF-8"
    raise ValueError("unknown locale: %s" % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = "C"
        if encoding is None:
            return language
        return language + "." + encoding
    except (TypeError, ValueError):
        raise TypeError("Locale must be None, a string, or an iterable of two strings -- "
                        "language code, encoding.") from None


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    """(language code, encoding) from the environment (deprecated)."""
    import warnings
    warnings.warn("Use setlocale(), getencoding() and getlocale() instead", DeprecationWarning, stacklevel=2)
    import os
    for variable in envvars:
        localename = os.environ.get(variable, None)
        if localename:
            if variable == "LANGUAGE":
                localename = localename.split(":")[0]
            break
    else:
        localename = "C"
    return _parse_localename(localename)


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of the current locale of category."""
    localename = _setlocale(category)
    if category == LC_ALL and ";" in localename:
        raise TypeError("category LC_ALL is not supported")
    return _parse_localename(localename)


def resetlocale(category=LC_ALL):
    """Sets the locale of category to the environment's (deprecated)."""
    import warnings
    warnings.warn("Use locale.setlocale(locale.LC_ALL, '') instead", DeprecationWarning, stacklevel=2)
    _setlocale(category, "")


def getencoding():
    """The encoding of the current LC_CTYPE locale."""
    return nl_langinfo(CODESET)


def getpreferredencoding(do_setlocale=True):
    """The encoding text files use by default."""
    if sys.flags.utf8_mode:
        return "utf-8"
    return getencoding()
