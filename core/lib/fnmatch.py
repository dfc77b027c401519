"""Shell-style wildcard matching of file names: * (anything), ? (one
character), [seq] (one of seq), [!seq] (one not in seq).

fnmatch normalises case as the OS does (on POSIX it does not); fnmatchcase
never does. Patterns become regular expressions (translate) that are
compiled once and cached."""

import functools
import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN, after os.path.normcase."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    if isinstance(pat, bytes):
        res = _translate(str(pat, 'ISO-8859-1'), atomic=False)
        return re.compile(res.encode('ISO-8859-1')).match
    return re.compile(_translate(pat, atomic=False)).match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    result = []
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    if os.path is posixpath:
        # normcase does nothing on POSIX.
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            if match(os.path.normcase(name)):
                result.append(name)
    return result


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    return _translate(pat, atomic=True)


def _translate_set(pat, i, j):
    """The regex for the bracket expression pat[i:j] (without brackets)."""
    stuff = pat[i:j]
    if '-' not in stuff:
        stuff = stuff.replace('\\', r'\\')
    else:
        # Split on the hyphens that make ranges, so the pieces can be
        # escaped; a range whose ends are reversed is dropped.
        chunks = []
        k = i + 2 if pat[i] == '!' else i + 1
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        chunk = pat[i:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += '-'
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
    # Escape what Python's re might one day read as set operations.
    stuff = re.sub(r'([&~|])', r'\\\1', stuff)
    if not stuff:
        return '(?!)'              # [] matches nothing
    if stuff == '!':
        return '.'                 # [!] matches anything
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return f'[{stuff}]'


def _translate(pat, atomic):
    STAR = object()
    pieces = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not STAR:
                pieces.append(STAR)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                pieces.append('\\[')   # no closing bracket: a literal [
            else:
                pieces.append(_translate_set(pat, i, j))
                i = j + 1
        else:
            pieces.append(re.escape(c))

    # Each interior "* fixed" takes the shortest match of fixed. Taking the
    # first place fixed occurs never loses a match, so CPython spells it as
    # an atomic group (no backtracking); without atomic groups the same
    # language is matched by the lazy .*? alone.
    out = []
    i, n = 0, len(pieces)
    while i < n and pieces[i] is not STAR:
        out.append(pieces[i])
        i += 1
    while i < n:
        i += 1                     # the STAR
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and pieces[i] is not STAR:
            fixed.append(pieces[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        elif atomic:
            out.append(f'(?>.*?{fixed})')
        else:
            out.append(f'.*?{fixed}')
    res = ''.join(out)
    return fr'(?s:{res})\Z'
