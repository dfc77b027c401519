"""Reading and writing CSV files (csv).

CPython splits this module into _csv (C: the parser, the writer, dialect
validation) and csv.py (DictReader, DictWriter, Sniffer). Here both halves
are Python. The reader is CPython's character-at-a-time state machine: a
record may span several input lines when a quoted field holds a newline,
so the reader pulls lines until the machine is back at the start of a
record."""

# CPython implements this in C (_csv): tracebacks show no frames of it.
__glasspy_hide_frames__ = True

import re
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


Error.__module__ = '_csv'

_field_limit = 128 * 1024


def field_size_limit(*args):
    """Sets an upper limit on parsed fields; returns the old limit."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# -- dialects -----------------------------------------------------------------

class Dialect:
    """Describe a CSV dialect: subclass it and set the attributes."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {}


_MISSING = object()
_DIALECT_KEYS = ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                 'skipinitialspace', 'lineterminator', 'quoting', 'strict')


def _char(name, value, default):
    if value is _MISSING:
        return default
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


def _char_or_none(name, value, default):
    if value is _MISSING:
        return default
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """A validated, immutable set of formatting parameters (_csv.Dialect).
    Each parameter comes from the keyword arguments, else from the dialect
    given (a name, a Dialect class or instance), else from the default."""

    def __init__(self, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _DIALECT_KEYS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        given = {}
        for key in _DIALECT_KEYS:
            value = kwargs.get(key, _MISSING)
            if value is _MISSING and dialect is not None:
                value = getattr(dialect, key, _MISSING)
            given[key] = value
        self.delimiter = _char('delimiter', given['delimiter'], ',')
        self.escapechar = _char_or_none('escapechar', given['escapechar'], None)
        quoting = given['quoting']
        if quoting is _MISSING:
            # quotechar=None alone asks for no quoting at all.
            quoting = QUOTE_NONE if given['quotechar'] is None else QUOTE_MINIMAL
        elif not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        self.quotechar = _char_or_none('quotechar', given['quotechar'], '"')
        self.doublequote = True if given['doublequote'] is _MISSING else bool(given['doublequote'])
        self.skipinitialspace = False if given['skipinitialspace'] is _MISSING else bool(given['skipinitialspace'])
        self.strict = False if given['strict'] is _MISSING else bool(given['strict'])
        lineterminator = given['lineterminator']
        if lineterminator is _MISSING:
            lineterminator = '\r\n'
        elif lineterminator is not None and not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        self.lineterminator = lineterminator
        if self.quotechar is None and quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")


_Dialect.__name__ = _Dialect.__qualname__ = 'Dialect'
_Dialect.__module__ = '_csv'


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    """Return a list of all known dialect names."""
    return list(_dialects)


# -- the reader -----------------------------------------------------------------

(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)

_EOL = None      # the end of an input line, fed after its characters


class _Reader:
    """Iterates over the records of an iterable of lines."""

    def __init__(self, lines, dialect='excel', **fmtparams):
        self._lines = iter(lines)
        self.dialect = _Dialect(dialect, **fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._reset()
        d = self.dialect
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if d.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c, d)
            self._process(_EOL, d)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _process(self, c, d):
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return                      # an empty line: no record
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_FIELD
        elif state == _AFTER_ESCAPED_CRNL or state == _IN_FIELD:
            if state == _AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass                        # the field goes on on the next line
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            # After a quote inside quotes: a doubled quote, or the end.
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file in universal-newline mode?")


_Reader.__name__ = _Reader.__qualname__ = 'reader'
_Reader.__module__ = '_csv'


def reader(csvfile, dialect='excel', **fmtparams):
    """An iterator over the records (lists of strings) of csvfile, any
    iterable of lines."""
    return _Reader(csvfile, dialect, **fmtparams)


# -- the writer -----------------------------------------------------------------

class _Writer:
    """Writes rows as delimited lines to a file-like object."""

    def __init__(self, fileobj, dialect='excel', **fmtparams):
        self._write = getattr(fileobj, 'write', None)
        if self._write is None:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _Dialect(dialect, **fmtparams)

    def _field_text(self, text, quoted):
        d = self.dialect
        out = []
        special = (d.delimiter, d.escapechar, d.quotechar)
        for c in text:
            if c in special or c in d.lineterminator:
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not escape:
                        quoted = True
                if escape:
                    if not d.escapechar:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        body = ''.join(out)
        if quoted:
            return d.quotechar + body + d.quotechar
        return body

    def writerow(self, row):
        """Write the sequence row as one delimited line; returns what the
        file's write() returned."""
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        parts = []
        for field in fields:
            if d.quoting == QUOTE_NONNUMERIC:
                # Everything but numbers is quoted (PyNumber_Check).
                t = type(field)
                quoted = not (hasattr(t, '__index__') or hasattr(t, '__int__') or
                              hasattr(t, '__float__') or issubclass(t, complex))
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            parts.append(self._field_text(text, quoted))
        if len(parts) == 1 and parts[0] == '':
            # A lone empty field must be quoted, or the line reads as empty.
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        """Write each row of an iterable of rows."""
        for row in rows:
            self.writerow(row)


_Writer.__name__ = _Writer.__qualname__ = 'writer'
_Writer.__module__ = '_csv'


def writer(fileobj, dialect='excel', **fmtparams):
    """A writer of delimited lines to fileobj (anything with write())."""
    return _Writer(fileobj, dialect, **fmtparams)


try:
    from _glasspy import set_type_name as _set_type_name
except ImportError:
    pass
else:
    # Messages name the C types with their module, as CPython's do.
    for _cls, _name in ((_Reader, '_csv.reader'), (_Writer, '_csv.writer'), (_Dialect, '_csv.Dialect')):
        _set_type_name(_cls, _name)
    del _cls, _name, _set_type_name

register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)


# -- dictionaries -------------------------------------------------------------------

class DictReader:
    """Reads records as dicts keyed by fieldnames (by default the first
    record). Extra values go to a list under restkey; missing ones are
    restval."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames           # reads the header line
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:              # skip blank lines
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as rows, in the order of fieldnames."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


class Sniffer:
    """Guesses the dialect of a sample of CSV text (a simple version:
    the delimiter is the candidate that occurs equally often on the most
    lines; the quote character is the one that wraps fields)."""

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        lines = [l for l in sample.split('\n') if l.strip()]
        candidates = delimiters or ''.join(sorted(set(sample) - set('"\'\n\r'), key=lambda c: (c.isalnum(), c)))
        best = None
        best_score = 0
        for ch in candidates:
            if ch.isalnum():
                continue
            counts = [l.count(ch) for l in lines]
            if not counts or max(counts) == 0:
                continue
            mode = max(set(counts), key=counts.count)
            score = counts.count(mode) if mode else 0
            if score > best_score or (score == best_score and best is not None and ch in self.preferred
                                      and (best not in self.preferred or self.preferred.index(ch) < self.preferred.index(best))):
                best, best_score = ch, score
        if best is None:
            raise Error("Could not determine delimiter")
        quote = '"'
        m = re.search(r'(?:^|%s)\s*([\'"])' % re.escape(best), sample)
        if m:
            quote = m.group(1)

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL
        dialect.delimiter = best
        dialect.quotechar = quote
        dialect.doublequote = True
        dialect.skipinitialspace = False
        return dialect

    def has_header(self, sample):
        rows = list(reader(StringIO(sample), self.sniff(sample)))
        if len(rows) < 2:
            return False
        header, body = rows[0], rows[1:21]

        def kind(v):
            try:
                float(v)
                return 'num'
            except ValueError:
                return len(v)
        votes = 0
        for col, name in enumerate(header):
            kinds = {kind(r[col]) for r in body if col < len(r)}
            if len(kinds) == 1:
                k = kinds.pop()
                votes += 1 if kind(name) != k else -1
        return votes > 0
