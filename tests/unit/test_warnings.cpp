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
