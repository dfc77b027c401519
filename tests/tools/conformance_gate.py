#!/usr/bin/env python3
"""Run the conformance suite against one interpreter and fail on regressions.

The suite's own runner (tests/conformance/run, or ../shared/conformance/run)
compares every program's output with CPython 3.11's. Not every program passes
yet, so this gate keeps a list of the ones known to fail
(tests/conformance-known-failures.txt, one test name per line, `#` comments).

    conformance_gate.py SUITE_DIR LABEL -- INTERP_CMD...

Exit status 1 if any program outside the known-failures list fails: that is a
regression. Programs on the list that now pass are reported so the list can
shrink; they do not fail the gate.
"""
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = os.path.join(HERE, "..", "conformance-known-failures.txt")


def known_failures():
    names = set()
    with open(KNOWN) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    return names


def main(argv):
    if "--" not in argv or argv.index("--") != 3:
        print(__doc__, file=sys.stderr)
        return 2
    suite, label, cmd = argv[1], argv[2], argv[4:]
    jobs = os.environ.get("JOBS", str(os.cpu_count() or 1))
    # CONFORMANCE_ARGS: more options for the runner, e.g. "--timeout 120
    # --only 'seeds/*'" (the sanitizer layer runs slower and on a subset).
    extra = shlex.split(os.environ.get("CONFORMANCE_ARGS", ""))
    proc = subprocess.run(
        [sys.executable, os.path.join(suite, "run"), "--jobs", jobs] + extra + ["--"] + cmd,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout
    report = os.path.join("build", "conformance-%s.txt" % label)
    os.makedirs("build", exist_ok=True)
    with open(report, "w") as f:
        f.write(out)
    failed = set(re.findall(r"^FAIL (\S+?):", out, re.M))
    totals = [l for l in out.splitlines() if re.match(r"^\d+ passed", l)]
    if not totals:
        print(out[-3000:])
        print("conformance (%s): the runner printed no totals" % label)
        return 1
    known = known_failures()
    regressions = sorted(failed - known)
    # With extra runner options (a subset) a known failure that did not
    # fail may simply not have run.
    fixed = sorted(known - failed) if not extra else []
    print("conformance (%s): %s; full report in %s" % (label, totals[-1], report))
    if fixed:
        print("  now passing, remove from %s:" % os.path.basename(KNOWN))
        for name in fixed:
            print("    " + name)
    if regressions:
        print("  REGRESSIONS (failing, not in the known-failures list):")
        for name in regressions:
            print("    " + name)
        # Show the runner's diff for each regression.
        blocks = re.split(r"(?m)^(?=FAIL )", out)
        for block in blocks:
            m = re.match(r"FAIL (\S+?):", block)
            if m and m.group(1) in regressions:
                print(block.rstrip()[:2500])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
