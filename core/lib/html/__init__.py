"""General functions for HTML manipulation: escape and unescape."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace "&", "<" and ">" with their HTML references; with quote (the
    default) also the double and single quote characters."""
    s = s.replace("&", "&amp;")      # first, so the others are not re-escaped
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# HTML5 section 13.2.5.80: numeric references to these code points mean the
# Windows-1252 character at that byte (and NUL means U+FFFD).
_C1_AS_CP1252 = ('\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
                 '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178')
_invalid_charrefs = {0x00: '\ufffd', 0x0d: '\r'}
for _i, _c in enumerate(_C1_AS_CP1252):
    _invalid_charrefs[0x80 + _i] = _c
del _i, _c


def _is_dropped_codepoint(n):
    # Controls and noncharacters, which a numeric reference cannot produce.
    return (0x1 <= n <= 0x8 or 0xe <= n <= 0x1f or 0x7f <= n <= 0x9f or n == 0xb
            or 0xfdd0 <= n <= 0xfdef or (n & 0xFFFE) == 0xFFFE)


def _replace_charref(m):
    s = m.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if _is_dropped_codepoint(num):
            return ''
        return chr(num)
    if s in _html5:
        return _html5[s]
    # The longest known name that is a prefix wins ("&notit;" is "¬it;").
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """Replace every named and numeric character reference in s (&gt;, &#62;,
    &#x3e;) by its character, following the rules of HTML5 for invalid and
    unterminated references too."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
