// The builtins module: every 3.11 builtin function, the lazy iterator
// classes (enumerate, zip, map, filter, reversed, iter(callable, sentinel)),
// scopes (locals, globals, vars, dir), exec/eval/compile, print, input and
// open. Every expected value was printed by CPython 3.11.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "glasspy.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;

namespace {

using gp::test::ev;

// What a whole program prints (stdout).
std::string out(const std::string& src) { return test::run(src).out; }

}  // namespace

TEST_CASE("enumerate, zip, map and filter are lazy iterator classes", "[builtins]") {
    SECTION("enumerate counts from start, which may be negative or huge") {
        CHECK(ev("list(enumerate('ab'))") == "[(0, 'a'), (1, 'b')]");
        CHECK(ev("list(enumerate('ab', start=5))") == "[(5, 'a'), (6, 'b')]");
        CHECK(ev("list(enumerate('ab', -1))") == "[(-1, 'a'), (0, 'b')]");
        CHECK(ev("list(enumerate('ab', 2**63 - 2))") == "[(9223372036854775806, 'a'), (9223372036854775807, 'b')]");
        CHECK(ev("type(enumerate([])).__name__") == "'enumerate'");
        CHECK(ev("enumerate()") == "TypeError: enumerate() missing required argument 'iterable'");
        CHECK(ev("enumerate([], 'a')") == "TypeError: 'str' object cannot be interpreted as an integer");
        CHECK(ev("enumerate([], x=1)") == "TypeError: 'x' is an invalid keyword argument for enumerate()");
        CHECK(ev("enumerate(1)") == "TypeError: 'int' object is not iterable");
    }
    SECTION("zip stops at the shortest input unless strict=True") {
        CHECK(ev("list(zip('abc', [1, 2]))") == "[('a', 1), ('b', 2)]");
        CHECK(ev("list(zip())") == "[]");
        CHECK(ev("list(zip(*[(1, 'a'), (2, 'b')]))") == "[(1, 2), ('a', 'b')]");
        CHECK(ev("list(zip([1, 2], [3, 4], strict=True))") == "[(1, 3), (2, 4)]");
        CHECK(ev("list(zip([1, 2], [1], strict=True))") == "ValueError: zip() argument 2 is shorter than argument 1");
        CHECK(ev("list(zip([1], [1, 2], strict=True))") == "ValueError: zip() argument 2 is longer than argument 1");
        CHECK(ev("list(zip([1], [1], [1, 2], strict=True))") == "ValueError: zip() argument 3 is longer than arguments 1-2");
        CHECK(ev("list(zip([1, 2], [1, 2], [1], strict=True))") == "ValueError: zip() argument 3 is shorter than arguments 1-2");
        CHECK(ev("zip([], x=1)") == "TypeError: 'x' is an invalid keyword argument for zip()");
        CHECK(ev("zip(1)") == "TypeError: 'int' object is not iterable");
    }
    SECTION("map calls the function only when an item is asked for") {
        CHECK(ev("list(map(lambda x, y: x * y, [1, 2, 3], [4, 5]))") == "[4, 10]");
        CHECK(ev("list(map(str.upper, 'ab'))") == "['A', 'B']");
        CHECK(ev("map(len)") == "TypeError: map() must have at least two arguments.");
        CHECK(ev("map(len, [], x=1)") == "TypeError: map() takes no keyword arguments");
        CHECK(out("log = []\ndef f(x):\n    log.append(x)\n    return x * 2\nm = map(f, [1, 2, 3])\nprint(log, next(m), log, list(m), list(m))\n") ==
              "[1, 2, 3] 2 [1, 2, 3] [4, 6] []\n");
    }
    SECTION("filter with None or bool keeps the true items") {
        CHECK(ev("list(filter(None, [0, 1, '', 'a', None, [], [1]]))") == "[1, 'a', [1]]");
        CHECK(ev("list(filter(lambda x: x > 1, [1, 2, 3]))") == "[2, 3]");
        CHECK(ev("list(filter(bool, [0, 2]))") == "[2]");
        CHECK(ev("filter(None)") == "TypeError: filter expected 2 arguments, got 1");
        CHECK(ev("filter(None, [], x=1)") == "TypeError: filter() takes no keyword arguments");
        CHECK(ev("filter(None, 1)") == "TypeError: 'int' object is not iterable");
    }
}

TEST_CASE("reversed uses __reversed__ or the sequence protocol", "[builtins]") {
    CHECK(ev("list(reversed([1, 2, 3]))") == "[3, 2, 1]");
    CHECK(ev("list(reversed('abc'))") == "['c', 'b', 'a']");
    CHECK(ev("list(reversed(range(4)))") == "[3, 2, 1, 0]");
    CHECK(ev("list(reversed((1, 2)))") == "[2, 1]");
    CHECK(ev("type(reversed((1,))).__name__") == "'reversed'");
    CHECK(ev("reversed({1, 2})") == "TypeError: 'set' object is not reversible");
    CHECK(ev("reversed(5)") == "TypeError: 'int' object is not reversible");
    CHECK(ev("reversed()") == "TypeError: reversed expected 1 argument, got 0");
    CHECK(ev("reversed([], x=1)") == "TypeError: reversed() takes no keyword arguments");
    CHECK(out("class Seq:\n    def __len__(self):\n        return 3\n    def __getitem__(self, i):\n        if i >= 3:\n            raise IndexError(i)\n        return i * 10\nr = reversed(Seq())\nprint(type(r).__name__, r.__length_hint__(), list(r), list(r))\nprint(list(iter(Seq())), type(iter(Seq())).__name__)\n") ==
          "reversed 3 [20, 10, 0] []\n[0, 10, 20] iterator\n");
    CHECK(out("class NoRev:\n    __reversed__ = None\n    def __len__(self):\n        return 0\n    def __getitem__(self, i):\n        raise IndexError\ntry:\n    reversed(NoRev())\nexcept TypeError as e:\n    print(e)\n") ==
          "'NoRev' object is not reversible\n");
}

TEST_CASE("iter() and next() follow both iteration protocols", "[builtins]") {
    SECTION("iter(callable, sentinel) calls until the sentinel comes back") {
        CHECK(out("values = iter([3, 2, 1, 0, 5])\nit = iter(lambda: next(values), 0)\nprint(type(it).__name__, list(it), list(it))\n") ==
              "callable_iterator [3, 2, 1] []\n");
        CHECK(out("calls = []\ndef f():\n    calls.append(1)\n    if len(calls) > 2:\n        raise StopIteration\n    return len(calls)\nprint(list(iter(f, 99)))\n") ==
              "[1, 2]\n");
    }
    SECTION("argument errors") {
        CHECK(ev("iter(5)") == "TypeError: 'int' object is not iterable");
        CHECK(ev("iter(1, 2)") == "TypeError: iter(v, w): v must be callable");
        CHECK(ev("iter([], x=1)") == "TypeError: iter() takes no keyword arguments");
        CHECK(ev("iter()") == "TypeError: iter expected at least 1 argument, got 0");
        CHECK(ev("iter(1, 2, 3)") == "TypeError: iter expected at most 2 arguments, got 3");
        CHECK(ev("next(iter([]), 'default')") == "'default'");
        CHECK(ev("next([1])") == "TypeError: 'list' object is not an iterator");
        CHECK(ev("next()") == "TypeError: next expected at least 1 argument, got 0");
        CHECK(ev("next(iter([]))") == "StopIteration");
    }
}

TEST_CASE("all, any, min, max and sum", "[builtins]") {
    SECTION("all and any stop at the deciding item") {
        CHECK(ev("(all([]), any([]), all([1, 0]), any([0, 0, 3]))") == "(True, False, False, True)");
        CHECK(ev("all(1)") == "TypeError: 'int' object is not iterable");
        CHECK(ev("any()") == "TypeError: any() takes exactly one argument (0 given)");
        CHECK(out("seen = []\ndef check(x):\n    seen.append(x)\n    return x > 0\nprint(all(check(x) for x in [1, -1, 2]), seen)\n") ==
              "False [1, -1]\n");
    }
    SECTION("min and max take key= and default=") {
        CHECK(ev("(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max('ab', 'abc', key=len))") == "(1, 3, 1, 'abc')");
        CHECK(ev("max([], default=7)") == "7");
        CHECK(ev("min([], key=len, default=None)") == "None");
        CHECK(ev("max([1, 3, 3.0]), max([3.0, 3])") == "(3, 3.0)");
        CHECK(ev("max(1, 2, default=3)") == "TypeError: Cannot specify a default for max() with multiple positional arguments");
        CHECK(ev("max([], foo=1)") == "TypeError: 'foo' is an invalid keyword argument for max()");
        CHECK(ev("min()") == "TypeError: min expected at least 1 argument, got 0");
        CHECK(ev("max(1)") == "TypeError: 'int' object is not iterable");
        CHECK(ev("min([])") == "ValueError: min() arg is an empty sequence");
    }
    SECTION("sum adds left to right, as 3.11 does") {
        CHECK(ev("sum([1, 2, 3])") == "6");
        CHECK(ev("sum([1, 2], 10)") == "13");
        CHECK(ev("sum([0.1] * 10)") == "0.9999999999999999");
        CHECK(ev("sum([[1], [2]], [])") == "[1, 2]");
        CHECK(ev("sum([2], start=1)") == "3");
        CHECK(ev("sum([1.5, 2**100])") == "1.2676506002282294e+30");
        CHECK(ev("sum([1, 2.5, 1e308, 1e308])") == "inf");
        CHECK(ev("sum(['a'], '')") == "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
        CHECK(ev("sum([b'a'], b'')") == "TypeError: sum() can't sum bytes [use b''.join(seq) instead]");
        CHECK(ev("sum([], bytearray())") == "TypeError: sum() can't sum bytearray [use b''.join(seq) instead]");
        CHECK(ev("sum()") == "TypeError: sum() takes at least 1 positional argument (0 given)");
        CHECK(ev("sum(['a'])") == "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
        CHECK(ev("sum(1)") == "TypeError: 'int' object is not iterable");
    }
}

TEST_CASE("sorted returns a new list sorted like list.sort", "[builtins]") {
    CHECK(ev("sorted([3, 1, 2])") == "[1, 2, 3]");
    CHECK(ev("sorted('hello', reverse=True)") == "['o', 'l', 'l', 'h', 'e']");
    CHECK(ev("sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda t: t[0])") == "[(0, 'z'), (1, 'b'), (1, 'a')]");
    CHECK(ev("sorted({3: 'c', 1: 'a'})") == "[1, 3]");
    CHECK(ev("sorted([3, 1], None)") == "TypeError: sorted expected 1 argument, got 2");
    CHECK(ev("sorted([3, 1], key=None, x=1)") == "TypeError: 'x' is an invalid keyword argument for sort()");
    CHECK(ev("sorted([3, 1], reverse=1.5)") == "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(ev("sorted()") == "TypeError: sorted expected 1 argument, got 0");
    CHECK(ev("sorted([1, 'a'])") == "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(ev("sorted([1, 2], key=len)") == "TypeError: object of type 'int' has no len()");
}

TEST_CASE("numeric builtins: round, divmod, pow, bin, oct, hex, abs", "[builtins]") {
    SECTION("round() rounds half to even through __round__") {
        CHECK(ev("(round(2.5), round(3.5), round(-2.5), round(0.5))") == "(2, 4, -2, 0)");
        CHECK(ev("(round(3.14159, 2), round(1234.5678, -2), round(2.675, 2))") == "(3.14, 1200.0, 2.67)");
        CHECK(ev("(round(1250, -2), round(1350, -2), round(15, -1), round(25, -1), round(-25, -1))") == "(1200, 1400, 20, 20, -20)");
        CHECK(ev("(round(7), round(True), round(12345, 2))") == "(7, 1, 12345)");
        CHECK(ev("(type(round(7.0)).__name__, type(round(7.0, 0)).__name__)") == "('int', 'float')");
        CHECK(ev("round('1')") == "TypeError: type str doesn't define __round__ method");
        CHECK(ev("round(1.5, None)") == "2");
        CHECK(ev("round(1, 'a')") == "TypeError: 'str' object cannot be interpreted as an integer");
        CHECK(ev("round(float('inf'))") == "OverflowError: cannot convert float infinity to integer");
        CHECK(ev("round(number=2.5)") == "2");
        CHECK(ev("round()") == "TypeError: round() missing required argument 'number' (pos 1)");
    }
    SECTION("divmod and pow") {
        CHECK(ev("(divmod(9, 4), divmod(-9, 4), divmod(9.5, 2))") == "((2, 1), (-3, 3), (4.0, 1.5))");
        CHECK(ev("divmod(1)") == "TypeError: divmod expected 2 arguments, got 1");
        CHECK(ev("divmod('a', 1)") == "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
        CHECK(ev("(pow(2, 10), pow(2, 10, 1000), pow(2, -1))") == "(1024, 24, 0.5)");
        CHECK(ev("pow(1)") == "TypeError: pow() missing required argument 'exp' (pos 2)");
        CHECK(ev("(abs(-5), abs(-2.5), abs(3 + 4j))") == "(5, 2.5, 5.0)");
        CHECK(ev("abs()") == "TypeError: abs() takes exactly one argument (0 given)");
    }
    SECTION("bin, oct and hex take any __index__") {
        CHECK(ev("(bin(5), bin(-5), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(2**70))") == "('0b101', '-0b101', '0b0', '0o10', '-0o10', '0xff', '-0xff', '0x400000000000000000')");
        CHECK(ev("bin(True)") == "'0b1'");
        CHECK(ev("bin(1.5)") == "TypeError: 'float' object cannot be interpreted as an integer");
        CHECK(ev("hex('a')") == "TypeError: 'str' object cannot be interpreted as an integer");
        CHECK(ev("oct()") == "TypeError: oct() takes exactly one argument (0 given)");
    }
    SECTION("format() calls __format__") {
        CHECK(ev("(format(255, 'x'), format(255, '#X'), format(10, '08b'), format(3.14159, '.2f'), format('ab', '>5'), format(1))") == "('ff', '0XFF', '00001010', '3.14', '   ab', '1')");
        CHECK(ev("format(1, 2)") == "TypeError: format() argument 2 must be str, not int");
        CHECK(ev("format([], 'x')") == "TypeError: unsupported format string passed to list.__format__");
    }
}

TEST_CASE("attribute and type builtins report CPython messages", "[builtins]") {
    CHECK(ev("(isinstance(1, (str, int)), isinstance('a', int), issubclass(bool, int), issubclass(int, (str, float)))") == "(True, False, True, False)");
    CHECK(ev("isinstance(1, 1)") == "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK(ev("issubclass(1, int)") == "TypeError: issubclass() arg 1 must be a class");
    CHECK(ev("isinstance(1)") == "TypeError: isinstance expected 2 arguments, got 1");
    CHECK(ev("setattr(1)") == "TypeError: setattr expected 3 arguments, got 1");
    CHECK(ev("delattr(1)") == "TypeError: delattr expected 2 arguments, got 1");
    CHECK(ev("hasattr(1, 5)") == "TypeError: attribute name must be string, not 'int'");
    CHECK(ev("getattr(1, 5)") == "TypeError: attribute name must be string, not 'int'");
    CHECK(ev("getattr(1, 'nope', 'dflt')") == "'dflt'");
    CHECK(ev("getattr(1)") == "TypeError: getattr expected at least 2 arguments, got 1");
    CHECK(ev("(callable(len), callable(1), callable(int))") == "(True, False, True)");
    CHECK(ev("callable()") == "TypeError: callable() takes exactly one argument (0 given)");
    CHECK(ev("hash([])") == "TypeError: unhashable type: 'list'");
    CHECK(ev("len(5)") == "TypeError: object of type 'int' has no len()");
    CHECK(ev("len()") == "TypeError: len() takes exactly one argument (0 given)");
    CHECK(ev("(ascii('é'), ascii(b'x'))") == "(\"'\\\\xe9'\", \"b'x'\")");
    CHECK(ev("(chr(65), ord('A'), ord(b'A'), ord(bytearray(b'z')))") == "('A', 65, 65, 122)");
    CHECK(ev("ord('ab')") == "TypeError: ord() expected a character, but string of length 2 found");
    CHECK(ev("ord(b'ab')") == "TypeError: ord() expected a character, but string of length 2 found");
    CHECK(ev("ord(1)") == "TypeError: ord() expected string of length 1, but int found");
}

TEST_CASE("isinstance and issubclass ask the metaclass hooks", "[builtins]") {
    CHECK(ev("issubclass(1, int)") == "TypeError: issubclass() arg 1 must be a class");
    CHECK(ev("issubclass(int, 1)") == "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
    CHECK(ev("isinstance(1, 1)") == "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK(out("class Meta(type):\n    def __instancecheck__(cls, obj):\n        return obj == 42\n    def __subclasscheck__(cls, sub):\n        return sub is int\nclass Answer(metaclass=Meta):\n    pass\nprint(isinstance(42, Answer), isinstance(41, Answer), isinstance(42, (str, Answer)))\nprint(issubclass(int, Answer), issubclass(str, Answer), issubclass(bool, (Answer, str)))\nfrom abc import ABC\nclass Sized(ABC):\n    pass\nSized.register(list)\nprint(isinstance([], Sized), issubclass(list, Sized), isinstance((), Sized))\n") ==
          "True False True\nTrue False False\nTrue True False\n");
}

TEST_CASE("locals, globals, vars and dir see the calling scope", "[builtins]") {
    SECTION("a function gets a snapshot of its fast locals, cells included") {
        CHECK(out("def f(a, b=2):\n    c = a + b\n    d = [c]\n    return sorted(locals().items())\nprint(f(1))\n") ==
              "[('a', 1), ('b', 2), ('c', 3), ('d', [3])]\n");
        CHECK(out("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return locals()\n    return inc()\nprint(outer())\n") ==
              "{'n': 1}\n");
        CHECK(out("def g():\n    x = 1\n    del x\n    y = 2\n    return locals()\nprint(g())\n") ==
              "{'y': 2}\n");
    }
    SECTION("module and class bodies return their namespace") {
        CHECK(out("x = 1\nprint(locals() is globals(), globals() is vars(), 'x' in globals())\n") ==
              "True True True\n");
        CHECK(out("class C:\n    a = 1\n    names = sorted(k for k in locals() if not k.startswith('__'))\nprint(C.names)\n") ==
              "['a']\n");
    }
    SECTION("vars and dir") {
        CHECK(ev("vars(5)") == "TypeError: vars() argument must have __dict__ attribute");
        CHECK(ev("vars(1, 2)") == "TypeError: vars expected at most 1 argument, got 2");
        CHECK(ev("dir(1, 2)") == "TypeError: dir expected at most 1 argument, got 2");
        CHECK(ev("locals(1)") == "TypeError: locals() takes no arguments (1 given)");
        CHECK(ev("globals(1)") == "TypeError: globals() takes no arguments (1 given)");
        CHECK(out("class O:\n    def __init__(self):\n        self.u = 1\n        self.w = 2\nprint(vars(O()), [n for n in dir(O()) if not n.startswith('__')])\n") ==
              "{'u': 1, 'w': 2} ['u', 'w']\n");
        CHECK(out("class D:\n    def __dir__(self):\n        return ['z', 'a', 'm']\nprint(dir(D()))\n") ==
              "['a', 'm', 'z']\n");
        CHECK(out("def f():\n    q = 1\n    p = 2\n    return dir()\nprint(f(), 'append' in dir([]))\n") ==
              "['p', 'q'] True\n");
    }
}

TEST_CASE("a function's locals() is one dict, refreshed from the fast slots on each call", "[builtins]") {
    // 3.11 keeps it in the frame (f_locals): exec() can add names to it, but
    // never changes the function's own variables.
    CHECK(out("def h():\n    y = 1\n    exec('y = 2; z = 3')\n    return y, 'z' in locals(), locals()['z']\nprint(h())\n") ==
          "(1, True, 3)\n");
    CHECK(out("def f():\n    a = 1\n    l = locals()\n    b = 2\n    print(l, locals() is l, l)\n    del a\n    print(locals())\nf()\n") ==
          "{'a': 1, 'l': {...}, 'b': 2} True {'a': 1, 'l': {...}, 'b': 2}\n{'l': {...}, 'b': 2}\n");
}

TEST_CASE("exec and eval run code in chosen or current namespaces", "[builtins]") {
    SECTION("eval evaluates an expression") {
        CHECK(ev("eval('1 + 2')") == "3");
        CHECK(ev("eval('  3')") == "3");
        CHECK(ev("eval(b'4')") == "4");
        CHECK(ev("eval('x', {'x': 5})") == "5");
        CHECK(ev("eval('x + y', {'x': 1}, {'y': 2})") == "3");
        CHECK(ev("eval('x', {'x': 1}, {'x': 2})") == "2");
        CHECK(ev("eval('[i * i for i in range(4)]')") == "[0, 1, 4, 9]");
        CHECK(ev("eval(1)") == "TypeError: eval() arg 1 must be a string, bytes or code object");
        CHECK(ev("eval('1', 1)") == "TypeError: globals must be a dict");
        CHECK(ev("eval('1', {}, 1)") == "TypeError: locals must be a mapping");
        CHECK(ev("eval('1', globals=None)") == "TypeError: eval() takes no keyword arguments");
        CHECK(ev("eval()") == "TypeError: eval expected at least 1 argument, got 0");
        CHECK(ev("eval('__builtins__ is not None', {})") == "True");
    }
    SECTION("exec runs statements; a namespace without __builtins__ receives one") {
        CHECK(ev("exec('x = 1')") == "None");
        CHECK(ev("exec(1)") == "TypeError: exec() arg 1 must be a string, bytes or code object");
        CHECK(ev("exec('x=1', [])") == "TypeError: exec() globals must be a dict, not list");
        CHECK(ev("exec('x = 1', None, 5)") == "TypeError: locals must be a mapping or None, not int");
        CHECK(ev("exec()") == "TypeError: exec() takes at least 1 positional argument (0 given)");
        CHECK(ev("exec('1', {}, {}, 1)") == "TypeError: exec() takes at most 3 positional arguments (4 given)");
        CHECK(out("ns = {}\nexec('def sq(n):\\n    return n * n\\nr = sq(4)', ns)\nprint(ns['r'], '__builtins__' in ns)\n") ==
              "16 True\n");
        CHECK(out("loc = {}\nexec('a = 1\\nb = a + 1', {}, loc)\nprint(loc)\n") ==
              "{'a': 1, 'b': 2}\n");
        CHECK(out("g = {'__builtins__': {'len': len}}\nprint(eval('len(\"abc\")', g))\ntry:\n    eval('print(1)', g)\nexcept NameError as e:\n    print('NameError:', e)\n") ==
              "3\nNameError: name 'print' is not defined\n");
        CHECK(out("def k():\n    v = 5\n    return eval('v * 2')\nprint(k())\n") ==
              "10\n");
        CHECK(out("exec('print(__name__)', {'__name__': 'custom'})\n") ==
              "custom\n");
        CHECK(out("try:\n    exec('raise ValueError(\"inside\")')\nexcept ValueError as e:\n    print('caught', e)\n") ==
              "caught inside\n");
    }
    SECTION("separate compilations do not share constants") {
        CHECK(out("ns = {}\nexec('a = 1000\\nb = 1000', ns)\nexec('c = 1000', ns)\nprint(ns['a'] is ns['b'], ns['a'] is ns['c'])\n") ==
              "True False\n");
    }
    SECTION("compile returns a code object for exec, eval or single mode") {
        CHECK(ev("compile('x', 'f', 'bad')") == "ValueError: compile() mode must be 'exec', 'eval' or 'single'");
        CHECK(ev("compile(5, 'x', 'eval')") == "TypeError: compile() arg 1 must be a string, bytes or AST object");
        CHECK(ev("compile('1', 5, 'eval')") == "TypeError: expected str, bytes or os.PathLike object, not int");
        CHECK(ev("compile()") == "TypeError: compile() missing required argument 'source' (pos 1)");
        CHECK(out("code = compile('q = 7', '<s>', 'exec')\nexec(code)\nprint(q, type(code).__name__)\nprint(eval(compile('2 ** 8', '<e>', 'eval')))\nexec(compile('1 + 1', '<i>', 'single'))\n") ==
              "7 code\n256\n2\n");
    }
}

TEST_CASE("print writes to file= and flushes on request", "[builtins]") {
    CHECK(ev("print(1, sep=1)") == "TypeError: sep must be None or a string, not int");
    CHECK(ev("print(1, foo=1)") == "TypeError: 'foo' is an invalid keyword argument for print()");
    CHECK(out("import sys\nprint('a', 'b', sep='-', end='!\\n', file=sys.stdout, flush=True)\nprint(1, 2, sep=None, end=None)\nprint(file=None)\n") ==
          "a-b!\n1 2\n\n");
    CHECK(out("class W:\n    def __init__(self):\n        self.parts = []\n        self.flushed = 0\n    def write(self, s):\n        self.parts.append(s)\n    def flush(self):\n        self.flushed += 1\nw = W()\nprint('x', 1, file=w, flush=True)\nprint('y', file=w)\nprint(w.parts, w.flushed)\n") ==
          "['x', ' ', '1', '\\n', 'y', '\\n'] 1\n");
}

TEST_CASE("open reads and writes real files", "[builtins]") {
    SECTION("text files decode, translate newlines and iterate by line") {
        CHECK(out("p = '/tmp/glasspy_test_builtins_1.txt'\nwith open(p, 'w') as f:\n    print(type(f).__name__, f.mode, f.encoding, f.closed)\n    print(f.write('h\\u00e9llo\\n'), f.write('two\\r\\nthree\\rfour'))\n    f.writelines(['a\\n', 'b\\n'])\n    print('end', file=f)\nprint(f.closed)\nwith open(p) as f:\n    print(repr(f.read(3)), repr(f.readline()), f.readlines())\nwith open(p) as f:\n    print([line for line in f])\nwith open(p, newline='') as f:\n    print(f.readlines())\nwith open(p, encoding='latin-1') as f:\n    print(repr(f.read(6)))\n") ==
              "TextIOWrapper w UTF-8 False\n6 15\nTrue\n'hél' 'lo\\n' ['two\\n', 'three\\n', 'foura\\n', 'b\\n', 'end\\n']\n['héllo\\n', 'two\\n', 'three\\n', 'foura\\n', 'b\\n', 'end\\n']\n['héllo\\n', 'two\\r\\n', 'three\\r', 'foura\\n', 'b\\n', 'end\\n']\n'hÃ©llo'\n");
    }
    SECTION("binary files read and write bytes") {
        CHECK(out("p = '/tmp/glasspy_test_builtins_2.bin'\nwith open(p, 'wb') as f:\n    print(type(f).__name__, f.mode, f.write(b'\\x00\\xffab\\ncd'))\nwith open(p, 'rb') as f:\n    print(type(f).__name__, f.read(2), f.readline(), f.tell(), f.read(), f.read())\n    f.seek(0)\n    print(f.read(1), f.seek(0, 2))\nwith open(p, 'ab') as f:\n    f.write(bytearray(b'!'))\nwith open(p, 'r+b') as f:\n    print(type(f).__name__, f.mode, f.read())\n") ==
              "BufferedWriter wb 7\nBufferedReader b'\\x00\\xff' b'ab\\n' 5 b'cd' b''\nb'\\x00' 7\nBufferedRandom rb+ b'\\x00\\xffab\\ncd!'\n");
    }
    SECTION("errors are the OSError subclasses CPython raises") {
        CHECK(ev("open('x', 'q')") == "ValueError: invalid mode: 'q'");
        CHECK(ev("open('x', 'rw')") == "ValueError: must have exactly one of create/read/write/append mode");
        CHECK(ev("open('x', 'rbt')") == "ValueError: can't have text and binary mode at once");
        CHECK(ev("open('x', 'rb', -1, 'utf-8')") == "ValueError: binary mode doesn't take an encoding argument");
        CHECK(ev("open('/dev/null', 'r', -1, None, None, 'x')") == "ValueError: illegal newline value: x");
        CHECK(ev("open('/dev/null', encoding='nope')") == "LookupError: unknown encoding: nope");
        CHECK(ev("open(5.5)") == "TypeError: expected str, bytes or os.PathLike object, not float");
        CHECK(ev("open()") == "TypeError: open() missing required argument 'file' (pos 1)");
        CHECK(out("try:\n    open('/nonexistent_glasspy/x')\nexcept OSError as e:\n    print(type(e).__name__, e, e.errno, e.strerror, e.filename)\ntry:\n    open('.')\nexcept OSError as e:\n    print(type(e).__name__, e)\nf = open('/tmp/glasspy_test_builtins_3.txt', 'w')\nf.close()\ntry:\n    f.write('x')\nexcept ValueError as e:\n    print('ValueError:', e)\nprint(issubclass(FileNotFoundError, OSError), IOError is OSError)\n") ==
              "FileNotFoundError [Errno 2] No such file or directory: '/nonexistent_glasspy/x' 2 No such file or directory /nonexistent_glasspy/x\nIsADirectoryError [Errno 21] Is a directory: '.'\nValueError: I/O operation on closed file.\nTrue True\n");
    }
}

TEST_CASE("input writes the prompt and reads through the interpreter's read_line hook", "[builtins]") {
    Session session;
    std::string printed;
    session.set_output([&](Stream s, std::string_view text) {
        if (s == Stream::Stdout) printed.append(text);
    });
    std::vector<std::string> lines = {"first line", "second"};
    std::size_t next = 0;
    session.interpreter().read_line = [&](std::string& line) {
        if (next == lines.size()) return false;
        line = lines[next++];
        return true;
    };
    int status = session.run_main(
        "a = input('A? ')\n"
        "b = input()\n"
        "print([a, b])\n"
        "try:\n"
        "    input('more? ')\n"
        "except EOFError as e:\n"
        "    print('EOFError:', e)\n",
        "<test>");
    CHECK(status == 0);
    CHECK(printed == "A? ['first line', 'second']\nmore? EOFError: EOF when reading a line\n");
}

TEST_CASE("sys.stdin reads the same lines as input(), line by line or all at once", "[builtins]") {
    Session session;
    std::string printed;
    session.set_output([&](Stream s, std::string_view text) {
        if (s == Stream::Stdout) printed.append(text);
    });
    std::vector<std::string> lines = {"3", "1 2 3", "x", "y", "z"};
    std::size_t next = 0;
    session.interpreter().read_line = [&](std::string& line) {
        if (next == lines.size()) return false;
        line = lines[next++];
        return true;
    };
    int status = session.run_main(
        "import sys\n"
        "n = int(input())\n"
        "nums = [int(t) for t in sys.stdin.readline().split()]\n"
        "print(n, sum(nums), sys.stdin.readline())\n"
        "print([line for line in sys.stdin][:1], repr(sys.stdin.read()), sys.stdin.readlines())\n"
        "print(sys.stdin, sys.stdin.fileno(), sys.stdin.readable(), sys.stdin.writable())\n"
        "try:\n"
        "    sys.stdin.write('no')\n"
        "except OSError as e:\n"
        "    print(type(e).__name__, e)\n"
        "sys.stdin.close()\n"
        "try:\n"
        "    sys.stdin.readline()\n"
        "except ValueError as e:\n"
        "    print(e)\n",
        "<test>");
    CHECK(status == 0);
    CHECK(printed ==
          "3 6 x\n\n"
          "['y\\n'] '' []\n"
          "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'> 0 True False\n"
          "UnsupportedOperation not writable\n"
          "I/O operation on closed file.\n");
}

TEST_CASE("sys.stdin.buffer and sys.stdout.buffer read and write bytes through the same streams", "[builtins]") {
    Session session;
    std::string printed;
    session.set_output([&](Stream s, std::string_view text) {
        if (s == Stream::Stdout) printed.append(text);
    });
    std::vector<std::string> lines = {"5 6", "xy"};
    std::size_t next = 0;
    session.interpreter().read_line = [&](std::string& line) {
        if (next == lines.size()) return false;
        line = lines[next++];
        return true;
    };
    int status = session.run_main(
        "import sys\n"
        "readline = sys.stdin.buffer.readline\n"
        "a, b = map(int, readline().split())\n"
        "print(a + b, sys.stdin.buffer, sys.stdout.buffer)\n"
        "sys.stdout.flush()\n"
        "print(sys.stdout.buffer.write(b'raw\\n'), sys.stdin.buffer.read(), sys.stdin.buffer is sys.stdin.buffer)\n",
        "<test>");
    CHECK(status == 0);
    CHECK(printed ==
          "11 <_io.BufferedReader name='<stdin>'> <_io.BufferedWriter name='<stdout>'>\n"
          "raw\n4 b'xy\\n' True\n");
}
