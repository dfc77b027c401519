#!/usr/bin/env python3
"""Differential check of the `re` module: random patterns and subjects run
under python3 and under glasspy; every result must print the same.

    tests/tools/re_diff.py [-n 400] [--seed 1] [-- build/native/glasspy]

Patterns come from a small grammar (literals, classes, categories,
anchors, groups, backreferences, alternation, greedy/lazy/possessive
repeats, atomic groups, lookaround, conditionals, inline flags); subjects
from a small alphabet so that matches are common. For each pair the program
prints search/match/fullmatch spans and groups, findall, sub with a
template and a callable, split, and lastindex, or the error raised."""
import argparse
import random
import subprocess
import sys
import tempfile

ALPHA = "abcAB \n1_-"


def gen_atom(r, depth, ngroups):
    k = r.random()
    if depth > 2 or k < 0.35:
        return r.choice(["a", "b", "c", "A", "ab", ".", "\\d", "\\w", "\\s", "\\W", "[ab]", "[^a]",
                         "[a-c]", "[A-Z1]", "\\b", "\\B", "^", "$", "\\A", "\\Z", " ", "-", "x"])
    if k < 0.5:
        ngroups[0] += 1
        return "(" + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.58:
        return "(?:" + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.63:
        ngroups[0] += 1
        return "(?P<g%d>" % ngroups[0] + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.68:
        return "(?>" + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.73:
        return "(?=" + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.77:
        return "(?!" + gen_alt(r, depth + 1, ngroups) + ")"
    if k < 0.81:
        return r.choice(["(?<=a)", "(?<!b)", "(?<=ab)", "(?<![ab])", "(?<=\\d)", "(?<=a|b)"])
    if k < 0.86 and ngroups[0]:
        return "\\%d" % r.randint(1, ngroups[0])
    if k < 0.9 and ngroups[0]:
        return "(?(%d)%s|%s)" % (r.randint(1, ngroups[0]), gen_seq(r, depth + 1, ngroups),
                                 gen_seq(r, depth + 1, ngroups))
    if k < 0.95:
        return "(?i:" + gen_alt(r, depth + 1, ngroups) + ")"
    return "[" + r.choice(["ab-", "\\dA", "^\\s", "a-z", "\\w-", "]a"]) + "]"


def gen_quant(r):
    q = r.choice(["", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}"])
    if q and r.random() < 0.4:
        q += r.choice(["?", "+"])
    return q


def gen_seq(r, depth, ngroups):
    out = ""
    for _ in range(r.randint(1, 3)):
        atom = gen_atom(r, depth, ngroups)
        if atom not in ("^", "$", "\\A", "\\Z", "\\b", "\\B") and not atom.startswith("(?<"):
            atom += gen_quant(r)
        out += atom
    return out


def gen_alt(r, depth, ngroups):
    parts = [gen_seq(r, depth, ngroups) for _ in range(r.choice([1, 1, 1, 2, 3]))]
    return "|".join(parts)


def gen_pattern(r):
    ngroups = [0]
    p = gen_alt(r, 0, ngroups)
    if r.random() < 0.15:
        p = r.choice(["(?i)", "(?m)", "(?s)", "(?x)", "(?a)"]) + p
    return p


PROGRAM = r'''
import re
CASES = %r
for i, (p, s, flags) in enumerate(CASES):
    out = [str(i), repr(p), repr(s)]
    try:
        c = re.compile(p, flags)
        m = c.search(s)
        out.append(repr(m and (m.span(), m.groups(), m.lastindex, m.lastgroup)))
        m = c.match(s)
        out.append(repr(m and (m.span(), m.groups())))
        m = c.fullmatch(s)
        out.append(repr(m and (m.span(), m.groups())))
        out.append(repr(c.findall(s)))
        out.append(repr([m.span() for m in c.finditer(s)]))
        out.append(repr(c.sub("<\\g<0>>", s)))
        out.append(repr(c.subn(lambda m: str(m.start()), s, 3)))
        out.append(repr(c.split(s)))
        if isinstance(s, str):
            out.append(repr(c.search(s.encode(), 1) if False else c.search(s, 1, len(s) - 1)))
    except Exception as e:
        out.append("%%s: %%s" %% (type(e).__name__, e))
    print(" | ".join(out))
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("cmd", nargs="*", default=["build/native/glasspy"])
    args = ap.parse_args()
    r = random.Random(args.seed)
    cases = []
    for _ in range(args.n):
        p = gen_pattern(r)
        s = "".join(r.choice(ALPHA) for _ in range(r.randint(0, 12)))
        flags = r.choice([0, 0, 0, 2, 8, 16, 256])
        if r.random() < 0.1:
            cases.append((p.encode(), s.encode(), flags & ~256))
        else:
            cases.append((p, s, flags))
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PROGRAM % (cases,))
        path = f.name
    try:
        ref = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60).stdout.splitlines()
    except subprocess.TimeoutExpired:
        # A generated pattern can backtrack exponentially (in CPython too).
        print("python3 timed out on this seed; skipped")
        return 0
    got = subprocess.run(args.cmd + [path], capture_output=True, text=True, timeout=600)
    lines = got.stdout.splitlines()
    bad = 0
    for i, want in enumerate(ref):
        have = lines[i] if i < len(lines) else "<missing>"
        if have != want:
            bad += 1
            if bad <= 15:
                print("MISMATCH\n  python3: %s\n  glasspy: %s" % (want, have))
    if got.stderr:
        print(got.stderr[-2000:])
    print("%d cases, %d differ" % (len(ref), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
