"""Pathname pattern expansion: glob('src/*.py'), recursive '**'.

A pattern is split at its last separator; the directory part is expanded
first (itself possibly a pattern), then each resulting directory is listed
and its names matched against the last part with fnmatch. Names starting
with a dot only match patterns that start with a dot, unless include_hidden.
Results come in the order the directories list them, as in CPython (sort
them for a stable order)."""

import contextlib
import fnmatch
import itertools
import os
import re

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern. '*' and '?' do
    not match names starting with a dot unless include_hidden; with
    recursive, '**' matches any files and zero or more directories."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern."""
    if dir_fd is not None:
        raise NotImplementedError("glob: dir_fd is not supported by glasspy")
    root_dir = os.fspath(root_dir) if root_dir is not None else pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # '**' yields '' for the top directory itself; drop it.
        try:
            s = next(it)
            if s:
                it = itertools.chain((s,), it)
        except StopIteration:
            pass
    return it


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_join(root_dir, dirname)):
            yield pathname          # a path ending in a separator
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        glob_in_dir = _glob2 if recursive and _isrecursive(basename) else _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly, include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden=False):
    """Names in dirname matching a pattern."""
    names = _listdir(dirname, dironly)
    if include_hidden or not _ishidden(pattern):
        names = (x for x in names if include_hidden or not _ishidden(x))
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden=False):
    """basename (no pattern) if it exists in dirname."""
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, False)


def _glob2(dirname, pattern, dironly, include_hidden=False):
    """'**': the directory itself, then everything below it."""
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _iterdir(dirname, dironly):
    if dirname:
        arg = dirname
    elif isinstance(dirname, bytes):
        arg = bytes(os.curdir, 'ASCII')
    else:
        arg = os.curdir
    try:
        with os.scandir(arg) as it:
            for entry in it:
                try:
                    if not dironly or entry.is_dir():
                        yield entry.name
                except OSError:
                    pass
    except OSError:
        return


def _listdir(dirname, dironly):
    with contextlib.closing(_iterdir(dirname, dironly)) as it:
        return list(it)


def _rlistdir(dirname, dironly, include_hidden=False):
    for x in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


magic_check = re.compile('([*?[])')


def has_magic(s):
    if isinstance(s, bytes):
        return any(c in b'*?[' for c in s)
    return magic_check.search(s) is not None


def _ishidden(path):
    return path[0] in ('.', b'.'[0])


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape all special characters."""
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = b''.join(b'[%c]' % c if c in b'*?[' else bytes((c,)) for c in pathname)
    else:
        pathname = magic_check.sub(r'[\1]', pathname)
    return drive + pathname
