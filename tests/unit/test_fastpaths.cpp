// The eval loop's fast paths and lookup caches (runtime/eval.cpp, the type
// attribute cache in typeobject.cpp) must be invisible: every program gives
// the results, errors and reference counts of the generic code. Expected
// outputs are what python3 (CPython 3.11) prints.
#include <catch2/catch.hpp>

#include "test_support.h"

using gp::test::ev;
using gp::test::run;

TEST_CASE("int fast paths agree with the generic code at the digit boundaries", "[eval]") {
    // Operands of one and two 30-bit digits, results that overflow into three.
    CHECK(ev("(2**30 - 1) + 1, (2**60 - 1) + 1, -(2**60 - 1) - 1") ==
          "(1073741824, 1152921504606846976, -1152921504606846976)");
    CHECK(ev("(2**59) * 4, (2**59) * -4, (2**30) * (2**30)") ==
          "(2305843009213693952, -2305843009213693952, 1152921504606846976)");
    CHECK(ev("-7 // 2, 7 // -2, -7 % 3, 7 % -3, -6 // 3, -6 % 3") == "(-4, -4, 2, -2, -2, 0)");
    CHECK(ev("1 << 61, 3 << 61, -1 << 62, 5 >> 100, -5 >> 100, -5 >> 1") ==
          "(2305843009213693952, 6917529027641081856, -4611686018427387904, 0, -1, -3)");
    CHECK(ev("-12 & 10, -12 | 10, -12 ^ 10") == "(0, -2, -2)");
    CHECK(ev("1 // 0") == "ZeroDivisionError: integer division or modulo by zero");
    CHECK(ev("1 % 0") == "ZeroDivisionError: integer modulo by zero");
    CHECK(ev("1 << -1") == "ValueError: negative shift count");
    CHECK(ev("True + True, type(True & True).__name__") == "(2, 'bool')");
}

TEST_CASE("an int temporary may be reused for a result, a named int never is", "[eval]") {
    CHECK(run("x = 10**12\n"
              "y = x * 3 + 1\n"
              "print(x, y, x is y)\n"
              "h = 0\n"
              "for i in range(1000):\n"
              "    h = (h * 31 + i) & 0xFFFFFFF\n"
              "print(h)\n"
              "a = 300; b = a + 0; print(a == b, a is not b)")
              .out == "1000000000000 3000000000001 False\n25770484\nTrue True\n");
}

TEST_CASE("float fast paths: mixed int operands, division by zero, reuse of temporaries", "[eval]") {
    CHECK(ev("1.5 + 2, 2 - 0.5, 3 * 0.25, 1 / 4.0, 7.0 / 2") == "(3.5, 1.5, 0.75, 0.25, 3.5)");
    CHECK(ev("1.0 / 0") == "ZeroDivisionError: float division by zero");
    CHECK(ev("2**60 + 0.5, (2**53 + 1) * 1.0") == "(1.152921504606847e+18, 9007199254740992.0)");
    CHECK(run("x = 0.5\ny = x * 2.0 + 1.0\nprint(x, y, x is y)\n"
              "import sys\nz = 1.25\nprint(sys.getrefcount(z + 0.0))")
              .out == "0.5 2.0 False\n1\n");
    CHECK(ev("float('nan') < 1.0, float('nan') == float('nan'), 1.0 <= 1.0") == "(False, False, True)");
}

TEST_CASE("comparisons fused with the following jump branch as before", "[eval]") {
    CHECK(run("n = 0\n"
              "for i in range(20):\n"
              "    if i < 5 or i >= 15:\n"
              "        n += 1\n"
              "    if not i != 7:\n"
              "        n += 100\n"
              "print(n, 'a' == 'a', 'a' != 'b', [1] == [1])")
              .out == "110 True True True\n");
}

TEST_CASE("str += grows an unshared string in place and leaves shared ones alone", "[eval][str]") {
    CHECK(run("def build(n):\n"
              "    s = ''\n"
              "    for i in range(n):\n"
              "        s += str(i)\n"
              "    return s\n"
              "print(build(12))\n"
              "a = 'ab'\n"
              "b = a\n"
              "a += 'cd'\n"
              "print(a, b)\n"
              "def keep():\n"
              "    s = 'x' * 3\n"
              "    t = s\n"
              "    s += 'y'\n"
              "    return s, t\n"
              "print(keep())\n"
              "def wide():\n"
              "    s = 'é'\n"
              "    s += 'è'\n"
              "    s += 'a'\n"
              "    s += '日'\n"
              "    return s, len(s), hash(s) == hash('éèa日')\n"
              "print(wide())")
              .out == "01234567891011\nabcd ab\n('xxxy', 'xxx')\n('éèa日', 4, True)\n");
    CHECK(run("x = 1\nfor i in range(3): x = f'{x}-{i}é'\nprint(x, f'{x!r:>3}'[:4])").out ==
          "1-0é-1é-2é '1-0\n");
}

TEST_CASE("cached global lookups see every rebinding of a global or builtin", "[eval]") {
    CHECK(run("def f():\n"
              "    return len('abc')\n"
              "print(f())\n"
              "import builtins\n"
              "builtins.len = lambda s: 42\n"
              "print(f())\n"
              "len = lambda s: 7\n"
              "print(f())\n"
              "del len\n"
              "print(f())\n"
              "del builtins.len\n"
              "try:\n"
              "    f()\n"
              "except NameError as e:\n"
              "    print(e)")
              .out == "3\n42\n7\n42\nname 'len' is not defined\n");
    CHECK(run("code = compile('x', '<s>', 'eval')\n"
              "print([eval(code, {'x': i}) for i in range(4)])")
              .out == "[0, 1, 2, 3]\n");
}

TEST_CASE("cached type lookups see class changes, new bases' attributes and new classes", "[eval][classes]") {
    CHECK(run("class A:\n"
              "    def m(self): return 'A.m'\n"
              "class B(A): pass\n"
              "b = B()\n"
              "print(b.m())\n"
              "B.m = lambda self: 'B.m'\n"
              "print(b.m())\n"
              "del B.m\n"
              "print(b.m())\n"
              "A.m = lambda self: 'A2'\n"
              "print(b.m())\n"
              "b.m = lambda: 'instance'\n"
              "print(b.m())\n"
              "for i in range(3):\n"
              "    class C:\n"
              "        v = i\n"
              "    print(C().v, end=' ')\n"
              "print()\n"
              "class D:\n"
              "    __slots__ = ('x',)\n"
              "d = D(); d.x = 5; print(d.x)\n"
              "class P:\n"
              "    @property\n"
              "    def x(self): return 'prop'\n"
              "p = P(); print(p.x)\n"
              "P.x = 3\n"
              "print(p.x)")
              .out == "A.m\nB.m\nA.m\nA2\ninstance\n0 1 2 \n5\nprop\n3\n");
}

TEST_CASE("calls that move arguments into the frame keep reference counts exact", "[eval][refcount]") {
    CHECK(run("import sys\n"
              "def f(a, b):\n"
              "    return sys.getrefcount(a)\n"
              "x = object()\n"
              "print(f(x, 1), sys.getrefcount(x))\n"
              "class K:\n"
              "    def m(self, v): return v\n"
              "k = K()\n"
              "print(k.m(x) is x, sys.getrefcount(x), sys.getrefcount(k))\n"
              "def g(a, b=2): return a + b\n"
              "print(g(1), g(1, 3))\n"
              "try:\n"
              "    g()\n"
              "except TypeError as e:\n"
              "    print(e)")
              .out == "3 2\nTrue 2 2\n3 4\ng() missing 1 required positional argument: 'a'\n");
}

TEST_CASE("sorting exact ints and floats compares them directly, mixed lists as before", "[eval][list]") {
    CHECK(ev("sorted([3, -1, 2**40, -2**59, 0, 2**61])") ==
          "[-576460752303423488, -1, 0, 3, 1099511627776, 2305843009213693952]");
    CHECK(ev("sorted([2.5, -0.0, 1.0, 0.0])") == "[-0.0, 0.0, 1.0, 2.5]");
    CHECK(ev("sorted([1, 2.5, True, 0])") == "[0, 1, True, 2.5]");
    CHECK(ev("sorted([3, 1, 2], reverse=True), sorted([(2, 'b'), (1, 'a')])") == "([3, 2, 1], [(1, 'a'), (2, 'b')])");
    CHECK(ev("sorted([1, 'a'])") == "TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST_CASE("sum() adds ints in an int64 and floats in a double until something does not fit", "[eval][builtins]") {
    CHECK(ev("sum([2**62, 2**62, 2**62]), sum([-2**62, -2**62, -2**62, 5])") ==
          "(13835058055282163712, -13835058055282163707)");
    CHECK(ev("sum([1, 2**63, 3]), sum([2**63 - 1, 1, -1]), sum(range(10), 2**70)") ==
          "(9223372036854775812, 9223372036854775807, 1180591620717411303469)");
    CHECK(ev("sum([1, 2.5, 3]), sum([True, True, 1.5]), sum([0.1] * 10), sum([1.5, 2**70])") ==
          "(6.5, 3.5, 0.9999999999999999, 1.1805916207174113e+21)");
    CHECK(ev("sum([1, 'a'])") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(ev("sum([1.5, 'a'])") == "TypeError: unsupported operand type(s) for +: 'float' and 'str'");
}
