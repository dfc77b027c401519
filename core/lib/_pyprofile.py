"""The bookkeeping shared by cProfile and profile: a profile function for
sys.setprofile that times every call and return (glasspy's stand-in for
CPython's Modules/_lsprof.c).

Invariant: _stack holds one record per call in progress that began while
profiling was on, innermost last: [function, start time, time spent in
callees so far, caller]. A return pops the innermost record (and any
records above the returning function's own, whose returns were missed);
calls that began before profiling started are not on the stack and their
returns are ignored. Each entry counts calls, calls made while the same
function was already running (recursive ones), inline time, and total
time of the outermost calls; the same counts are kept per caller."""

import sys

# Fields of an entry (and of a per-caller sub-entry).
_NC, _REC, _INLINE, _TOTAL, _LEVEL = range(5)


class ProfilerCore:

    def __init__(self, timer, builtins=True):
        self.timer = timer
        self.builtins = builtins
        self._active = False
        self._reset()

    def _reset(self):
        self._entries = {}     # function -> [nc, rec, inline, total, level, {caller: [...5]}]
        self._stack = []

    def _own_code(self):
        # The profiler's own functions, whose calls it does not record.
        own = set()
        for klass in type(self).__mro__:
            for name in ("disable", "_stop", "_record_instant", "_flush", "_leave", "_enter", "_dispatch",
                         "_finish", "_c_key"):
                f = klass.__dict__.get(name)
                if f is not None and hasattr(f, "__code__"):
                    own.add(f.__code__)
        return own

    def _start(self):
        self._own = self._own_code()
        self._active = True
        sys.setprofile(self._dispatch)

    def _stop(self):
        if not self._active:
            return False
        sys.setprofile(None)
        self._active = False
        return True

    def _c_key(self, fn):
        raise NotImplementedError

    def _dispatch(self, frame, event, arg):
        t = self.timer()
        code = frame.f_code
        if code in self._own:
            return
        if event == "call":
            self._enter((code.co_filename, code.co_firstlineno, code.co_name), t)
        elif event == "return":
            self._leave((code.co_filename, code.co_firstlineno, code.co_name), t)
        elif self.builtins:
            if event == "c_call":
                self._enter(self._c_key(arg), t)
            elif event in ("c_return", "c_exception"):
                self._leave(self._c_key(arg), t)

    def _enter(self, key, t):
        caller = self._stack[-1][0] if self._stack else None
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = [0, 0, 0.0, 0.0, 0, {}]
        entry[_LEVEL] += 1
        if caller is not None:
            sub = entry[5].get(caller)
            if sub is None:
                sub = entry[5][caller] = [0, 0, 0.0, 0.0, 0]
            sub[_LEVEL] += 1
        self._stack.append([key, t, 0.0, caller])

    def _leave(self, key, t):
        stack = self._stack
        if not stack:
            return
        if stack[-1][0] != key:
            for record in stack:
                if record[0] == key:
                    break
            else:
                return
        while stack:
            record = stack[-1]
            self._finish(t)
            if record[0] == key:
                break

    def _finish(self, t):
        # Pops the innermost record and adds its times to its entry.
        key, start, subtime, caller = self._stack.pop()
        elapsed = t - start
        inline = max(elapsed - subtime, 0.0)    # float rounding must not make it negative
        if self._stack:
            self._stack[-1][2] += elapsed
        entry = self._entries[key]
        targets = [entry]
        if caller is not None:
            targets.append(entry[5][caller])
        for e in targets:
            e[_LEVEL] -= 1
            if e[_LEVEL] == 0:
                e[_TOTAL] += elapsed
            else:
                e[_REC] += 1
            e[_INLINE] += inline
            e[_NC] += 1

    def _flush(self):
        t = self.timer()
        while self._stack:
            self._finish(t)

    def _record_instant(self, key):
        # One call of `key`, from the innermost call in progress, that took
        # no measurable time; then every call still in progress ends.
        t = self.timer()
        self._enter(key, t)
        self._finish(t)
        self._flush()

    def _stats(self, tuple_callers):
        stats = {}
        for key, e in self._entries.items():
            callers = {}
            for caller, s in e[5].items():
                if tuple_callers:
                    callers[caller] = (s[_NC], s[_NC] - s[_REC], s[_INLINE], s[_TOTAL])
                else:
                    callers[caller] = s[_NC]
            stats[key] = (e[_NC] - e[_REC], e[_NC], e[_INLINE], e[_TOTAL], callers)
        return stats


class Utils:
    """Runs a statement under a profiler class and shows or saves its stats."""

    def __init__(self, profiler):
        self.profiler = profiler

    def run(self, statement, filename, sort):
        prof = self.profiler()
        try:
            prof.run(statement)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def runctx(self, statement, globals, locals, filename, sort):
        prof = self.profiler()
        try:
            prof.runctx(statement, globals, locals)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def _show(self, prof, filename, sort):
        if filename is not None:
            prof.dump_stats(filename)
        else:
            prof.print_stats(sort)
