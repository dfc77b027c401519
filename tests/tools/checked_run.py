#!/usr/bin/env python3
"""Runs one interpreter command and fails it on a sanitizer report or a leak.

    checked_run.py CMD... PROGRAM [args]

Used as the interpreter command of the conformance runner in the sanitizer
and leak-check layers of ./dev test:

    conformance_gate.py SUITE asan -- python3 tests/tools/checked_run.py build/debug/glasspy

The command's stdout goes through untouched (the runner compares it with
CPython's); its stderr is passed on too, and scanned for

    AddressSanitizer / LeakSanitizer / UndefinedBehaviorSanitizer reports
    "runtime error:"                    (UBSan's one-line reports)
    "leaked at exit"                    (GLASSPY_LEAK_CHECK=1: the interpreter's
                                         heap was not empty after teardown)

When one shows up, the report is appended to the file named by
$CHECKED_RUN_LOG (with the program's name) and the exit status becomes 99,
so the runner marks the program failed even where its output matched. A
layer passes only when the log stays empty: a program on the known-failures
list cannot hide a report.
"""
import os
import re
import subprocess
import sys

MARKERS = re.compile(
    r"ERROR: (AddressSanitizer|LeakSanitizer)|SUMMARY: (Address|UndefinedBehavior|Leak)Sanitizer"
    r"|runtime error:|leaked at exit")
REPORT_STATUS = 99


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    proc = subprocess.run(argv[1:], stderr=subprocess.PIPE)
    err = proc.stderr
    sys.stderr.buffer.write(err)
    sys.stderr.flush()
    text = err.decode("utf-8", "replace")
    if not MARKERS.search(text):
        return proc.returncode
    log = os.environ.get("CHECKED_RUN_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write("==== %s (exit status %d)\n" % (argv[-1], proc.returncode))
            # From the first report on: its head names the bug (a stack
            # overflow's trace alone can run to megabytes).
            m = MARKERS.search(text)
            start = text.rfind("\n=====", 0, m.start()) + 1 if m else 0
            f.write(text[start:start + 20000])
            f.write("\n")
    return REPORT_STATUS


if __name__ == "__main__":
    sys.exit(main(sys.argv))
