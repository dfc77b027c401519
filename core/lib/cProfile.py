"""Python interface for the 'lsprof' profiler (CPython 3.11's
Lib/cProfile.py over Modules/_lsprof.c).

glasspy's profiler is written in Python over sys.setprofile. Each call
event pushes a record (function, start time, time spent in callees) on a
stack of the calls in progress; its return pops it and adds to the
function's entry: one call, the inline time (elapsed minus callees), and,
for the outermost of recursive calls only, the total time. The same is
kept per (caller, callee) pair. Functions are (filename, first line,
name) triples; a built-in function gets the name lsprof gives it
("<built-in method builtins.len>", "<method 'append' of 'list' objects>").
The numbers are glasspy's own timings."""

__all__ = ["run", "runctx", "Profile"]

import sys
import time
import types
import _pyprofile

_ModuleType = types.ModuleType


def _lsprof_name(fn):
    # _lsprof.c normalizeUserObj: the label of a built-in function.
    name = getattr(fn, "__name__", "?")
    self = getattr(fn, "__self__", None)
    module = getattr(fn, "__module__", None)
    if self is None:
        if isinstance(module, str) and module != "builtins":
            return "<%s.%s>" % (module, name)
        return "<%s>" % name
    if not isinstance(self, _ModuleType):
        for klass in type(self).__mro__:
            if name in klass.__dict__:
                return repr(klass.__dict__[name])
    if isinstance(module, str):
        return "<built-in method %s.%s>" % (module, name)
    return "<built-in method %s>" % name


class Profile(_pyprofile.ProfilerCore):
    """Profile(timer=None, timeunit=0.0, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time."""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        _pyprofile.ProfilerCore.__init__(self, timer or time.perf_counter, builtins)
        self.timeunit = timeunit
        self.subcalls = subcalls

    def _c_key(self, fn):
        return ("~", 0, _lsprof_name(fn))

    def enable(self, subcalls=True, builtins=True):
        self.builtins = builtins
        self._start()

    def disable(self):
        if self._stop():
            # lsprof sees its own disable() as a built-in method call.
            self._record_instant(("~", 0, "<method 'disable' of '_lsprof.Profiler' objects>"))

    def clear(self):
        self._reset()

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = self._stats(tuple_callers=True)

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        import marshal
        with open(file, "wb") as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def run(self, cmd):
        import __main__
        dict = __main__.__dict__
        return self.runctx(cmd, dict, dict)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def run(statement, filename=None, sort=-1):
    return _pyprofile.Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _pyprofile.Utils(Profile).runctx(statement, globals, locals, filename, sort)


def label(code):
    if isinstance(code, str):
        return ("~", 0, code)
    return (code.co_filename, code.co_firstlineno, code.co_name)


def main():
    import os
    from optparse import OptionParser
    usage = "cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."
    parser = OptionParser(usage=usage)
    parser.allow_interspersed_args = False
    parser.add_option('-o', '--outfile', dest="outfile", help="Save stats to <outfile>", default=None)
    parser.add_option('-s', '--sort', dest="sort", help="Sort order", default=-1)
    if not sys.argv[1:]:
        parser.print_usage()
        sys.exit(2)
    (options, args) = parser.parse_args()
    sys.argv[:] = args
    if len(args) > 0:
        progname = args[0]
        sys.path.insert(0, os.path.dirname(progname))
        with open(progname, 'rb') as fp:
            code = compile(fp.read(), progname, 'exec')
        globs = {'__file__': progname, '__name__': '__main__', '__package__': None, '__cached__': None}
        runctx(code, globs, None, options.outfile, options.sort)
    else:
        parser.print_usage()
    return parser


if __name__ == '__main__':
    main()
