"""Records CPython 3.11's output for the programs of test_internals.cpp:
the classic programs tutorials, courses and answers use to look at
CPython's internals (sys.getsizeof tables, reference counts, identity and
interning, __slots__, gc, weakref, threads), each reduced to the part whose
output does not depend on addresses or timing. Each program is a file in
internals/, named <tag>_<what>.py: the tag is the ctest subsystem it runs
under, its first line (a comment) says what it shows. Run from this folder
with python3.11:
    python3 gen_internals_cases.py
Each program runs as test.py in an empty folder, as gp::test::run runs it.
Never edit internals_cases.inc by hand: it is CPython's output."""
import os, subprocess, sys, tempfile

from recorded import cstr, header

HERE = os.path.dirname(os.path.abspath(__file__))




lines = [header("gen_internals_cases.py")]
for fname in sorted(os.listdir(os.path.join(HERE, "internals"))):
    if not fname.endswith(".py"):
        continue
    src = open(os.path.join(HERE, "internals", fname)).read()
    first = src.splitlines()[0]
    assert first.startswith("#"), fname + ": the first line says what the program shows"
    tag = fname.split("_", 1)[0]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "test.py"), "w") as f:
            f.write(src)
        done = subprocess.run([sys.executable, "test.py"], capture_output=True, text=True, cwd=tmp,
                              env=dict(os.environ, PYTHONHASHSEED="0"))
        # 3.11 makes the script's path absolute in tracebacks; the test runs
        # it as plain "test.py".
        stdout = done.stdout.replace(os.path.join(os.path.realpath(tmp), ""), "").replace(os.path.join(tmp, ""), "")
    name = fname[:-3] + ": " + first.lstrip("# ").strip()
    lines.append("{%s, %s,\n %s,\n %s,\n %d},\n" % (cstr(tag), cstr(name), cstr(src), cstr(stdout), done.returncode))
open(os.path.join(HERE, "internals_cases.inc"), "w").write("".join(lines))
