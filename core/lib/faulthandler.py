"""faulthandler -- dump the Python traceback (CPython 3.11's
Modules/faulthandler.c).

CPython installs handlers for SIGSEGV, SIGFPE, SIGABRT, SIGBUS and SIGILL
that write the stack of every thread straight to a file descriptor before
the process dies. glasspy turns its own faults into Python exceptions
(ARCHITECTURE.md, decision 9), so enable() records the file and the flag
and there is nothing more to catch; dump_traceback() writes what the
handler would write, in the same format, for the thread that calls it:

    Stack (most recent call first):
      File "prog.py", line 5 in g
      File "prog.py", line 7 in <module>

Like CPython, the text goes to the file's descriptor, bypassing (after
flushing) its Python-level buffer."""

__glasspy_hide_frames__ = True

import sys

_MAX_FRAME_DEPTH = 100
_MAX_STRING_LENGTH = 500

_enabled = False
_file = None
_all_threads = True
_later = None
_registered = {}


def _fileno(file):
    # (descriptor, file object or None), as faulthandler_get_fileno does.
    if file is None:
        file = sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descripter")
        return file, None
    if not hasattr(file, "fileno") and (file is sys.stdout or file is sys.stderr):
        fd = 1 if file is sys.stdout else 2     # glasspy's standard streams have no fileno()
    else:
        fd = file.fileno()
    if not isinstance(fd, int):
        raise RuntimeError("file.fileno() is not a valid file descriptor")
    if fd < 0:
        raise ValueError("file is not a valid file descripter")
    try:
        file.flush()
    except Exception:
        pass
    return fd, file


def _write(fd, text):
    import os
    data = text.encode("ascii", "backslashreplace")
    try:
        os.write(fd, data)
    except (AttributeError, OSError):
        stream = {1: sys.stdout, 2: sys.stderr}.get(fd)
        if stream is not None:
            stream.write(data.decode("ascii"))
            stream.flush()


def _truncate(s):
    if len(s) > _MAX_STRING_LENGTH:
        return s[:_MAX_STRING_LENGTH] + "..."
    return s


def _format_stack(frame):
    lines = []
    depth = 0
    while frame is not None:
        if depth >= _MAX_FRAME_DEPTH:
            lines.append("  ...\n")
            break
        code = frame.f_code
        lineno = frame.f_lineno
        lines.append('  File "%s", line %s in %s\n'
                     % (_truncate(code.co_filename), "???" if lineno is None else lineno, _truncate(code.co_name)))
        frame = frame.f_back
        depth += 1
    return "".join(lines)


def _dump(fd, all_threads, frame):
    if all_threads:
        import threading
        header = "Current thread 0x%016x (most recent call first):\n" % threading.get_ident()
    else:
        header = "Stack (most recent call first):\n"
    _write(fd, header + _format_stack(frame))


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads
    if all_threads is True, into file."""
    fd, _ = _fileno(file)
    _dump(fd, all_threads, sys._getframe(1))


def enable(file=None, all_threads=True):
    """Enable the fault handler."""
    global _enabled, _file, _all_threads
    fd, fobj = _fileno(file)
    _file = fobj if fobj is not None else fd
    _all_threads = all_threads
    _enabled = True


def disable():
    """Disable the fault handler."""
    global _enabled, _file
    was = _enabled
    _enabled = False
    _file = None
    return was


def is_enabled():
    """Check if the handler is enabled."""
    return _enabled


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback of all threads in timeout seconds, or each
    timeout seconds if repeat is True. If exit is True, call _exit(1)
    which is not safe."""
    global _later
    if timeout <= 0:
        raise ValueError("timeout must be greater than 0")
    fd, fobj = _fileno(file)
    cancel_dump_traceback_later()
    import threading
    seconds = int(timeout)
    header = "Timeout (%d:%02d:%02d%s)!\n" % (seconds // 3600, seconds // 60 % 60, seconds % 60,
                                             (".%06d" % int((timeout - seconds) * 1e6)) if timeout != seconds else "")
    cancelled = threading.Event()

    def watchdog():
        while not cancelled.wait(timeout):
            _write(fd, header)
            if exit:
                import os
                os._exit(1)
            if not repeat:
                break

    _later = (cancelled, threading.Thread(target=watchdog, daemon=True), fobj)
    _later[1].start()


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    global _later
    if _later is not None:
        _later[0].set()
        _later = None


def register(signum, file=None, all_threads=True, chain=False):
    """Register a handler for the signal 'signum': dump the traceback of
    the current thread, or of all threads if all_threads is True, into file."""
    fd, fobj = _fileno(file)
    _registered[signum] = (fobj if fobj is not None else fd, all_threads, chain)


def unregister(signum):
    """Unregister the handler of the signal 'signum' registered by register()."""
    return _registered.pop(signum, None) is not None
