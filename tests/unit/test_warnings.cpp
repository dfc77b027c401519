// Warnings: filters decide, registries remember, stderr shows CPython's
// "file:line: Category: text" report (runtime/warnings.cpp).
#include <catch2/catch.hpp>

#include "test_support.h"

using gp::test::run;

TEST_CASE("a warning is shown once per location under the default action", "[warnings]") {
    auto r = run(
        "import _warnings\n"
        "def f():\n"
        "    _warnings.warn('careful')\n"
        "for i in range(3):\n"
        "    f()\n"
        "_warnings.warn('rt', RuntimeWarning)\n",
        "prog.py");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "prog.py:3: UserWarning: careful\n  _warnings.warn('careful')\n"
          "prog.py:6: RuntimeWarning: rt\n  _warnings.warn('rt', RuntimeWarning)\n");
}

TEST_CASE("stacklevel attributes the warning to the caller", "[warnings]") {
    auto r = run(
        "import _warnings\n"
        "def old():\n"
        "    _warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)\n"
        "old()\n",
        "prog.py");
    CHECK(r.err == "prog.py:4: DeprecationWarning: old() is deprecated\n  old()\n");
}

TEST_CASE("the default filters hide DeprecationWarning outside __main__", "[warnings]") {
    auto r = run(
        "import _warnings\n"
        "_warnings.warn_explicit('hidden', DeprecationWarning, 'lib.py', 1, module='lib')\n"
        "_warnings.warn_explicit('shown', DeprecationWarning, 'lib.py', 2, module='__main__')\n"
        "print([f[0] for f in _warnings.filters])\n");
    CHECK(r.out == "['default', 'ignore', 'ignore', 'ignore', 'ignore']\n");
    CHECK(r.err == "lib.py:2: DeprecationWarning: shown\n");
}

TEST_CASE("an error filter turns the warning into an exception", "[warnings]") {
    auto r = run(
        "import _warnings\n"
        "_warnings.filters.insert(0, ('error', None, RuntimeWarning, None, 0))\n"
        "_warnings._filters_mutated()\n"
        "try:\n"
        "    _warnings.warn('boom', RuntimeWarning)\n"
        "except RuntimeWarning as e:\n"
        "    print('raised', repr(e))\n"
        "_warnings.warn('still a warning', UserWarning)\n",
        "prog.py");
    CHECK(r.out == "raised RuntimeWarning('boom')\n");
    CHECK(r.err == "prog.py:8: UserWarning: still a warning\n  _warnings.warn('still a warning', UserWarning)\n");
}

TEST_CASE("warn checks its category as CPython does", "[warnings]") {
    auto r = run(
        "import _warnings\n"
        "for cat in ('x', int):\n"
        "    try:\n"
        "        _warnings.warn('m', cat)\n"
        "    except TypeError as e:\n"
        "        print(e)\n");
    CHECK(r.out == "category must be a Warning subclass, not 'str'\ncategory must be a Warning subclass, not 'type'\n");
}

TEST_CASE("the compiler warns about code that is sure to misbehave", "[warnings][compiler]") {
    auto r = run(
        "x = 1\n"
        "if x is 1 or x is not 'a': pass\n"
        "def f(): assert (x, 'never fails')\n"
        "g = lambda: [(1)(2), [1][1.0], None[0]]\n",
        "prog.py");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "prog.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
          "  if x is 1 or x is not 'a': pass\n"
          "prog.py:2: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n"
          "  if x is 1 or x is not 'a': pass\n"
          "prog.py:3: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n"
          "  def f(): assert (x, 'never fails')\n"
          "prog.py:4: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?\n"
          "  g = lambda: [(1)(2), [1][1.0], None[0]]\n"
          "prog.py:4: SyntaxWarning: list indices must be integers or slices, not float; perhaps you missed a comma?\n"
          "  g = lambda: [(1)(2), [1][1.0], None[0]]\n"
          "prog.py:4: SyntaxWarning: 'NoneType' object is not subscriptable; perhaps you missed a comma?\n"
          "  g = lambda: [(1)(2), [1][1.0], None[0]]\n");
}

TEST_CASE("a compiler warning made an error by a filter is a SyntaxError at the code", "[warnings][compiler]") {
    auto r = run(
        "import warnings\n"
        "warnings.simplefilter('error')\n"
        "for src in ['y = 2\\nif y is -1: pass', 'assert (1, 2)', '(1, 2)(3)']:\n"
        "    try:\n"
        "        compile(src, 'm.py', 'exec')\n"
        "    except SyntaxError as e:\n"
        "        print(e.msg, e.lineno, e.offset, e.end_offset)\n");
    CHECK(r.out ==
          "\"is\" with a literal. Did you mean \"==\"? 2 4 11\n"
          "assertion is always true, perhaps remove parentheses? 1 1 14\n"
          "'tuple' object is not callable; perhaps you missed a comma? 1 1 10\n");
}

TEST_CASE("invalid escape sequences are DeprecationWarnings, SyntaxErrors under an error filter",
          "[warnings][parser]") {
    auto r = run(
        "import warnings\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    compile(r\"'\\d'; b'\\777'; f'{1:\\w}'\", 'e.py', 'exec')\n"
        "for m in w: print(m.category.__name__, m.message, m.lineno)\n"
        "warnings.simplefilter('error')\n"
        "try:\n"
        "    compile(\"x = 1\\ns = 'ok' '\\\\%'\\n\", 'e.py', 'exec')\n"
        "except SyntaxError as e:\n"
        "    print(e.msg, e.lineno, e.offset, e.end_offset)\n");
    CHECK(r.out ==
          "DeprecationWarning invalid escape sequence '\\d' 1\n"
          "DeprecationWarning invalid octal escape sequence '\\777' 1\n"
          "DeprecationWarning invalid escape sequence '\\w' 1\n"
          "invalid escape sequence '\\%' 2 10 14\n");
    // Shown nowhere by default: the warning is attributed to the module
    // named after the file, not to __main__.
    CHECK(run("s = '\\d'\n", "prog.py").err == "");
}
