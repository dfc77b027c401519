"""Class for profiling Python code (CPython 3.11's Lib/profile.py).

The pure-Python profiler of CPython: like cProfile (both share
_pyprofile's bookkeeping here) but built-in functions are named
':0(len)', callers are plain call counts, and a profiled statement runs
inside two pretend frames, 'profile:0(profiler)' (never returning: 0
calls) and 'profile:0(<statement>)', as CPython's simulate_call makes."""

import sys
import time
import marshal
import _pyprofile

__all__ = ["run", "runctx", "Profile"]


def run(statement, filename=None, sort=-1):
    return _pyprofile.Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _pyprofile.Utils(Profile).runctx(statement, globals, locals, filename, sort)


class Profile(_pyprofile.ProfilerCore):
    """Profiler class: run(), runctx(), runcall(), then print_stats()."""

    bias = 0

    def __init__(self, timer=None, bias=None):
        _pyprofile.ProfilerCore.__init__(self, timer or time.process_time, True)
        if bias is not None:
            self.bias = bias
        self.stats = {}

    def _c_key(self, fn):
        return ("", 0, getattr(fn, "__name__", "?"))

    def _simulate_call(self, name):
        self._enter(("profile", 0, name), self.timer())

    def set_cmd(self, cmd):
        self._simulate_call("profiler")
        self._simulate_call(cmd)

    def _simulate_cmd_complete(self):
        # End every pretend and unfinished call except the outermost
        # 'profiler' frame, which stays at 0 calls.
        t = self.timer()
        while len(self._stack) > 1:
            self._finish(t)
        if self._stack:
            key = self._stack.pop()[0]
            self._entries[key][4] -= 1

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        with open(file, "wb") as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def create_stats(self):
        self._simulate_cmd_complete()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = self._stats(tuple_callers=False)

    def run(self, cmd):
        import __main__
        dict = __main__.__dict__
        return self.runctx(cmd, dict, dict)

    def runctx(self, cmd, globals, locals):
        self.set_cmd(cmd)
        self._own = self._own_code()
        sys.setprofile(self._dispatch)
        try:
            exec(cmd, globals, locals)
        finally:
            sys.setprofile(None)
        return self

    def runcall(self, func, /, *args, **kw):
        self.set_cmd(repr(func))
        self._own = self._own_code()
        sys.setprofile(self._dispatch)
        try:
            return func(*args, **kw)
        finally:
            sys.setprofile(None)

    def calibrate(self, m, verbose=0):
        return 0.0


def main():
    import os
    from optparse import OptionParser
    usage = "profile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."
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
