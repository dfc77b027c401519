"""Lines of source files, cached (CPython 3.11's linecache, written for
glasspy). Besides real files it knows every source the interpreter has run,
which is how tracebacks show lines of the main program in the browser."""

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}      # filename -> (size, mtime, lines, fullname)


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def clearcache():
    cache.clear()


def getlines(filename, module_globals=None):
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def updatecache(filename, module_globals=None):
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    text = None
    try:
        with open(filename, encoding='utf-8') as f:
            text = f.read()
    except (OSError, UnicodeDecodeError, ValueError):
        text = _interpreter_source(filename)
    if text is None:
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = (len(text), None, lines, filename)
    return lines


def _interpreter_source(filename):
    # Sources the interpreter ran without a file (the browser's main program).
    import _glasspy
    return _glasspy.source_text(filename)


def lazycache(filename, module_globals):
    return False
