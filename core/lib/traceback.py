"""Extracting, formatting and printing tracebacks (CPython 3.11's traceback
module, written for glasspy).

Whole exceptions are formatted by the interpreter itself
(_glasspy.format_exception), so print_exc() prints exactly what an uncaught
exception prints, carets and chained exceptions included. Stack entries are
read from traceback objects and from the interpreter's frame stack.
"""

import sys
import linecache
import _glasspy
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_sentinel = object()


class FrameSummary:
    """One entry of a stack: where a frame was and which line it ran."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_line', 'locals',
                 '_code', '_lasti')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        # _code/_lasti: the instruction this entry stands for, when known,
        # so that it can be shown with the interpreter's carets.
        self._code = None
        self._lasti = -1
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        if lookup_line:
            self.line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
            if not self._line:
                self._line = _glasspy.source_line(self.filename, self.lineno)
        return self._line.strip()


def _tb_entry(tb):
    frame = getattr(tb, 'tb_frame', None)
    if frame is not None:
        code = frame.f_code
        return code.co_filename, tb.tb_lineno, code.co_name
    return _glasspy.tb_info(tb)


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        result = klass()
        for f, lineno in frame_gen:
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name, lookup_line=lookup_lines,
                                       locals=f.f_locals if capture_locals else None))
        if limit is not None:
            result = klass(result[:limit] if limit >= 0 else result[limit:])
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._code is not None and not frame_summary.locals:
            # The interpreter's own entry: source line and carets as an
            # uncaught exception shows them.
            return _traceback.format_frame(frame_summary._code, frame_summary._lasti, frame_summary.lineno)
        row = ['  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno,
                                                      frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line.strip()))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for fs in self:
            if (last_file is None or last_file != fs.filename or last_line is None or
                    last_line != fs.lineno or last_name is None or last_name != fs.name):
                if count > 3:
                    count -= 3
                    result.append('  [Previous line repeated {} more time{}]\n'.format(
                        count, 's' if count > 1 else ''))
                last_file, last_line, last_name = fs.filename, fs.lineno, fs.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(fs))
        if count > 3:
            count -= 3
            result.append('  [Previous line repeated {} more time{}]\n'.format(count, 's' if count > 1 else ''))
        return result


def extract_tb(tb, limit=None):
    result = StackSummary()
    while tb is not None:
        filename, lineno, name = _tb_entry(tb)
        fs = FrameSummary(filename, lineno, name)
        frame = getattr(tb, 'tb_frame', None)
        if frame is not None:
            fs._code, fs._lasti = frame.f_code, tb.tb_lasti
            fs.lineno, fs.end_lineno, fs.colno, fs.end_colno = _traceback.code_position(fs._code, fs._lasti)
            if fs.lineno is None:
                fs.lineno = lineno
        result.append(fs)
        tb = tb.tb_next
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
    if limit is not None:
        result = StackSummary(result[:limit] if limit >= 0 else result[limit:])
    return result


def extract_stack(f=None, limit=None):
    result = StackSummary()
    if f is not None and hasattr(f, 'f_back'):
        while f is not None:
            result.append(FrameSummary(f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
            f = f.f_back
    else:
        depth = 1
        while True:
            info = _glasspy.frame_info(depth)
            if info is None:
                break
            result.append(FrameSummary(info[0], info[1], info[2]))
            depth += 1
    result.reverse()
    if limit is not None:
        result = StackSummary(result[-limit:] if limit >= 0 else result[:-limit])
    return result


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    stack = extract_stack(f, limit)
    if f is None:
        stack = StackSummary(stack[:-1])
    return format_list(stack)


def print_stack(f=None, limit=None, file=None):
    stack = extract_stack(f, limit)
    if f is None:
        stack = StackSummary(stack[:-1])
    print_list(stack, file=file)


def _exc_name(etype):
    name = etype.__qualname__
    mod = etype.__module__
    if mod not in ("__main__", "builtins"):
        if not isinstance(mod, str):
            mod = "<unknown>"
        name = mod + '.' + name
    return name


def _value_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def _split_chunks(text):
    # The interpreter's text as format_exception's list: one string per
    # "File" entry (with its source and caret lines), one per other line.
    chunks = []
    for line in text.splitlines(True):
        if line.startswith('    ') and chunks and chunks[-1].startswith('  File '):
            chunks[-1] += line
        else:
            chunks.append(line)
    return chunks


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return list(TracebackException(type(value), value, None, compact=True).format_exception_only())


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    if limit is None and chain and tb is value.__traceback__:
        return _split_chunks(_glasspy.format_exception(value))
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


def clear_frames(tb):
    pass


class TracebackException:
    """An exception made ready for rendering, detached from its frames."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._exc_value = exc_value
        self._str = _value_str(exc_value)
        self.stack = extract_tb(exc_traceback, limit=limit)
        self._limit = limit
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = self.__context__ = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__, limit=limit,
                                                    _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(type(context), context, context.__traceback__,
                                                      limit=limit, _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            yield 'NoneType: None\n'
            return
        stype = _exc_name(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            if self._str:
                yield "{}: {}\n".format(stype, self._str)
            else:
                yield "{}\n".format(stype)
        else:
            filename_suffix = ''
            if self.lineno is not None:
                yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
            elif self.filename is not None:
                filename_suffix = ' ({})'.format(self.filename)
            text = self.text
            if text is not None:
                rtext = text.rstrip('\n')
                ltext = rtext.lstrip(' \n\f')
                spaces = len(rtext) - len(ltext)
                yield '    {}\n'.format(ltext)
                if self.offset is not None:
                    offset = self.offset
                    end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                    if offset == end_offset or end_offset == -1:
                        end_offset = offset + 1
                    colno = offset - 1 - spaces
                    end_colno = end_offset - 1 - spaces
                    if colno >= 0:
                        caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                        yield '    {}{}\n'.format(caretspace, '^' * (end_colno - colno))
            yield "{}: {}{}\n".format(stype, self.msg or "<no detail available>", filename_suffix)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                yield '{}\n'.format(note if isinstance(note, str) else _value_str(note))

    def format(self, *, chain=True, _ctx=None):
        output = []
        exc = self
        while exc is not None:
            if chain:
                if exc.__cause__ is not None:
                    chained_msg = ("\nThe above exception was the direct cause of the following exception:\n\n")
                    chained = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = ("\nDuring handling of the above exception, another exception occurred:\n\n")
                    chained = exc.__context__
                else:
                    chained_msg = chained = None
            else:
                chained_msg = chained = None
            output.append((chained_msg, exc))
            exc = chained
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
