// Type-level features: types.UnionType (PEP 604), types.SimpleNamespace,
// the struct sequences of sys, hash(), code objects and string interning.
// Every expected value was printed by CPython 3.11.
#include <catch2/catch.hpp>

#include <string>

#include "glasspy.h"
#include "test_support.h"

using namespace gp;

namespace {

using gp::test::ev;

std::string out(const std::string& src) { return test::run(src).out; }

}  // namespace

TEST_CASE("X | Y on classes builds a types.UnionType", "[types]") {
    SECTION("repr, members and collapsing") {
        CHECK(ev("int | str") == "int | str");
        CHECK(ev("(int | str).__args__") == "(<class 'int'>, <class 'str'>)");
        CHECK(ev("int | None") == "int | None");
        CHECK(ev("None | int") == "None | int");
        CHECK(ev("(int | None).__args__") == "(<class 'int'>, <class 'NoneType'>)");
        CHECK(ev("int | int") == "<class 'int'>");
        CHECK(ev("int | str | int") == "int | str");
        CHECK(ev("(int | str) | (float | int)") == "int | str | float");
        CHECK(ev("type(int | str)") == "<class 'types.UnionType'>");
        CHECK(ev("(int | str).__parameters__") == "()");
    }
    SECTION("classes outside builtins show their module") {
        CHECK(out("class A: pass\nprint(A | int)\n") == "__main__.A | int\n");
    }
    SECTION("equality ignores order and hashing agrees") {
        CHECK(ev("(int | str) == (str | int)") == "True");
        CHECK(ev("(int | str) != (int | float)") == "True");
        CHECK(ev("hash(int | str) == hash(str | int)") == "True");
        CHECK(ev("(int | str) == 3") == "False");
    }
    SECTION("operands that cannot join a union") {
        CHECK(ev("int | 3") == "TypeError: unsupported operand type(s) for |: 'type' and 'int'");
        CHECK(ev("type.__or__(int, 3)") == "NotImplemented");
        CHECK(ev("type.__ror__(int, str)") == "str | int");
        CHECK(ev("__import__('types').UnionType()") == "TypeError: cannot create 'types.UnionType' instances");
        CHECK(ev("(int | str)[int]") == "TypeError: int | str is not a generic class");
    }
    SECTION("isinstance and issubclass treat a union as its members") {
        CHECK(ev("isinstance(3, int | str), isinstance([], int | str)") == "(True, False)");
        CHECK(ev("isinstance(None, int | None)") == "True");
        CHECK(ev("issubclass(bool, int | str), issubclass(float, int | str)") == "(True, False)");
    }
    SECTION("typing understands unions") {
        CHECK(ev("__import__('typing').Union[int, str] == (int | str)") == "True");
        CHECK(ev("(int | str) == __import__('typing').Union[int, str]") == "True");
        CHECK(ev("__import__('typing').get_args(int | str)") == "(<class 'int'>, <class 'str'>)");
    }
}

TEST_CASE("types.SimpleNamespace is sys.implementation's type", "[types]") {
    CHECK(ev("type(__import__('sys').implementation) is __import__('types').SimpleNamespace") == "True");
    CHECK(ev("__import__('sys').implementation.name") == "'glasspy'");
    CHECK(ev("__import__('types').SimpleNamespace(a=1, b='x')") == "namespace(a=1, b='x')");
    CHECK(ev("__import__('types').SimpleNamespace(1)") == "TypeError: no positional arguments expected");
    CHECK(out("import types\nn = types.SimpleNamespace(a=1)\nn.me = n\nprint(n)\n") == "namespace(a=1, me=namespace(...))\n");
    CHECK(out("import types\nclass S(types.SimpleNamespace): pass\nprint(S(x=1), S(x=1) == types.SimpleNamespace(x=1))\n") ==
          "S(x=1) True\n");
    CHECK(ev("hash(__import__('types').SimpleNamespace())") == "TypeError: unhashable type: 'types.SimpleNamespace'");
}

TEST_CASE("sys describes the build with struct sequences", "[types]") {
    CHECK(ev("__import__('sys').version_info[:2]") == "(3, 11)");
    CHECK(ev("__import__('sys').version_info.major") == "3");
    CHECK(ev("type(__import__('sys').version_info)()") == "TypeError: cannot create 'sys.version_info' instances");
    CHECK(ev("__import__('sys').hash_info") ==
          "sys.hash_info(width=64, modulus=2305843009213693951, inf=314159, nan=0, imag=1000003, "
          "algorithm='siphash13', hash_bits=64, seed_bits=128, cutoff=0)");
    CHECK(ev("__import__('sys').int_info") ==
          "sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, str_digits_check_threshold=640)");
    CHECK(ev("__import__('sys').float_info") ==
          "sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, "
          "min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)");
    CHECK(ev("len(__import__('sys').flags), __import__('sys').flags.dev_mode") == "(18, False)");
    CHECK(ev("type(__import__('sys').float_info).n_fields") == "11");
    CHECK(ev("__import__('sys').hexversion") == "51054576");
    CHECK(ev("__import__('sys').getswitchinterval()") == "0.005");
}

TEST_CASE("code objects expose CPython 3.11's attributes and encodings", "[types]") {
    const std::string def = "def f(a, b=1, *c, d, **e):\n    x = a + b\n    def g(): return x + a\n    return g\n";
    SECTION("counts, names and flags; a captured local lives only in its cell") {
        CHECK(out(def + "co = f.__code__\nprint(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_flags)\n"
                        "print(co.co_varnames, co.co_cellvars, f(1, d=2).__code__.co_freevars)\n") ==
              "2 0 1 6 15\n('a', 'b', 'd', 'c', 'e', 'g') ('a', 'x') ('a', 'x')\n");
    }
    SECTION("co_code, co_linetable and co_positions are CPython's bytes and tuples") {
        CHECK(out("def f(x):\n    return x\nco = f.__code__\nprint(co.co_code, co.co_linetable)\n"
                  "print(list(co.co_positions()), list(co.co_lines()))\n") ==
              "b'\\x97\\x00|\\x00S\\x00' b'\\x80\\x00\\xd8\\x0b\\x0c\\x80H'\n"
              "[(1, 1, 0, 0), (2, 2, 11, 12), (2, 2, 4, 12)] [(0, 2, 1), (2, 4, 2), (4, 6, 2)]\n");
        CHECK(out("co = compile('a = 1', '<demo>', 'exec')\nprint(co.co_linetable, list(co.co_positions())[0])\n") ==
              "b'\\xf0\\x03\\x01\\x01\\x01\\xd8\\x04\\x05\\x80\\x01\\x80\\x01\\x80\\x01' (0, 1, 0, 0)\n");
    }
    SECTION("the exception table is encoded as 3.11 does") {
        CHECK(out("def f():\n    try:\n        g()\n    except E:\n        pass\nprint(f.__code__.co_exceptiontable)\n") ==
              "b'\\x82\\x0e\\x12\\x00\\x92\\n \\x03\\x9f\\x01 \\x03'\n");
    }
    SECTION("replace() changes fields and moves lines with co_firstlineno") {
        CHECK(out(def + "co = f.__code__.replace(co_name='h', co_firstlineno=10)\n"
                        "print(co.co_name, list(co.co_lines())[:2], co.co_varnames == f.__code__.co_varnames)\n") ==
              "h [(0, 2, None), (2, 4, None)] True\n");
        CHECK(out(def + "co = f.__code__\nc2 = co.replace(co_linetable=co.co_linetable, co_exceptiontable=co.co_exceptiontable)\n"
                        "print(list(c2.co_positions()) == list(co.co_positions()))\n") == "True\n");
        CHECK(ev("(lambda: 0).__code__.replace(co_name=1)") == "TypeError: replace() argument 'co_name' must be str, not int");
    }
    SECTION("repr names the function, file and first line") {
        CHECK(out("def f(): pass\nr = repr(f.__code__)\nprint(r.startswith('<code object f at 0x'), r.endswith(', file \"<test>\", line 1>'))\n") ==
              "True True\n");
    }
}

TEST_CASE("dis.get_instructions and dis.Bytecode read code objects as Lib/dis.py does", "[types]") {
    const std::string def = "import dis\ndef add(a, b):\n    return a + b\n";
    CHECK(out(def + "for i in dis.get_instructions(add): print(i.opname, i.arg, repr(i.argval), i.argrepr, i.offset, i.starts_line)\n") ==
          "RESUME 0 0  0 2\nLOAD_FAST 0 'a' a 2 3\nLOAD_FAST 1 'b' b 4 None\nBINARY_OP 0 0 + 6 None\nRETURN_VALUE None None  10 None\n");
    CHECK(out(def + "print(list(dis.get_instructions(add))[1])\n") ==
          "Instruction(opname='LOAD_FAST', opcode=124, arg=0, argval='a', argrepr='a', offset=2, starts_line=3, "
          "is_jump_target=False, positions=Positions(lineno=3, end_lineno=3, col_offset=11, end_col_offset=12))\n");
    CHECK(out(def + "print([i.opname for i in dis.Bytecode(add)][-2:], dis.hasconst, dis.stack_effect(dis.opmap['LOAD_CONST'], 0))\n") ==
          "['BINARY_OP', 'RETURN_VALUE'] [100, 172] 1\n");
    CHECK(out(def + "print(dis.code_info(add).splitlines()[2:8])\n") ==
          "['Argument count:    2', 'Positional-only arguments: 0', 'Kw-only arguments: 0', 'Number of locals:  2', "
          "'Stack size:        2', 'Flags:             OPTIMIZED, NEWLOCALS']\n");
    CHECK(out("import dis, io\ns = io.StringIO()\ndis.dis('a + 1', file=s)\nprint(s.getvalue().splitlines()[-1].split())\n") ==
          "['10', 'RETURN_VALUE']\n");
}

TEST_CASE("strings are interned and cached as CPython 3.11 does", "[types]") {
    SECTION("identifier-like constants are interned, across compilations too") {
        CHECK(out("import sys\na = 'python'\nprefix = 'py'\nprint(sys.intern(prefix + 'thon') is a)\n") == "True\n");
        CHECK(out("ns = {}\nexec('s = \"identifier_like\"', ns)\nexec('t = \"identifier_like\"', ns)\nprint(ns['s'] is ns['t'])\n") == "True\n");
        CHECK(out("ns = {}\nexec('s = \"with space\"', ns)\nexec('t = \"with space\"', ns)\nprint(ns['s'] is ns['t'])\n") == "False\n");
        CHECK(out("import sys\nt = ('in_tuple', 1)\nprint(sys.intern('in_' + 'tuple'.lower()) is t[0])\n") == "True\n");
    }
    SECTION("one-character strings: the Latin-1 cache, and the names interned at startup") {
        CHECK(out("xy, yx = 'xy', 'yx'\nprint(chr(120) is chr(120), xy[0] is yx[1])\n") == "True True\n");
        CHECK(out("b = 'b'\ns = 'abc'\nprint(s[1] is b, chr(98) is b, '~' is chr(126))\n") == "False False True\n");
        CHECK(out("import sys\nprint(sys.intern(chr(98)) is chr(98), sys.intern(chr(0xe9)) is chr(0xe9))\n") == "False True\n");
    }
    SECTION("what runtime operations return") {
        CHECK(out("print(str(1) is str(1), repr(7) is repr(7), str(True) is str(True))\n") == "False False True\n");
        CHECK(out("b = 'b'\nprint('%s' % b is b, ''.join([b]) is b, b * 1 is b, ''.join(['b', '']) is b)\n") == "True True True False\n");
        CHECK(out("e = ''\nprint(e is ''.join([]), e is str(), 'a'[1:] is e)\n") == "True True True\n");
    }
}

TEST_CASE("struct sequences behave as CPython's structseq", "[types]") {
    CHECK(ev("__import__('sys').version_info.__reduce__()") ==
          "(<class 'sys.version_info'>, ((3, 11, 7, 'final', 0), {}))");
    CHECK(ev("type(__import__('sys').version_info).__match_args__") ==
          "('major', 'minor', 'micro', 'releaselevel', 'serial')");
    CHECK(ev("__import__('time').gmtime(0).__reduce__()[1][1]") == "{'tm_zone': 'GMT', 'tm_gmtoff': 0}");
    CHECK(ev("type(__import__('os').stat('.')).n_unnamed_fields") == "3");
    CHECK(ev("type(__import__('os').stat('.')).__match_args__[-1]") == "'st_size'");
    CHECK(out("import sys\ntry:\n    sys.version_info.major = 4\nexcept AttributeError as e:\n    print(e)\n") == "readonly attribute\n");
    CHECK(out("import sys\nmatch sys.version_info:\n    case (3, minor, *_):\n        print(minor)\n") == "11\n");
}

TEST_CASE("code objects compare by what they run and carry co_lnotab", "[types]") {
    CHECK(out("def f(): return 1\ndef g(): return 1\nprint(f.__code__ == g.__code__, f.__code__ == f.__code__.replace())\n") ==
          "False True\n");
    CHECK(out("a = [lambda: 1, lambda: 1]\nprint(a[0].__code__ == a[1].__code__)\n") == "False\n");
    CHECK(out("print((lambda: 0.0).__code__ == (lambda: -0.0).__code__)\n") == "False\n");
    CHECK(out("co = compile('a = 1\\n\\n\\n\\nb = 2\\nif a:\\n    c = 3\\n' + '\\n' * 300 + 'd = 4\\n', 'm', 'exec')\n"
              "print(co.co_lnotab)\n") ==
          "b'\\x00\\xff\\x02\\x01\\x04\\x04\\x04\\x01\\x04\\x01\\x04\\x7f\\x00\\x7f\\x00/'\n");
}

TEST_CASE("string operations that change nothing return the same object", "[types]") {
    CHECK(out("w = ''.join(['wo', 'rd'])\nprint(w.expandtabs() is w, '{}'.format(w) is w, w.strip() is w, w.split()[0] is w, w[:] is w)\n") ==
          "True True True True True\n");
    CHECK(out("print(''.upper() is '', ''.swapcase() is '', '  '.strip() is '')\n") == "True True True\n");
    CHECK(out("w = ''.join(['wo', 'rd'])\nprint('{}!'.format(w) is w, w.lower() is w, repr(w) is w)\n") == "False False False\n");
}

TEST_CASE("the opcode module holds 3.11's tables, shared with dis", "[types]") {
    CHECK(ev("__import__('opcode').opmap is __import__('dis').opmap") == "True");
    CHECK(ev("__import__('opcode').hasjrel") == "[93, 110, 111, 112, 114, 115, 123, 128, 129, 134, 140, 173, 174, 175, 176]");
    CHECK(ev("__import__('opcode').opname[200], __import__('opcode').HAVE_ARGUMENT, __import__('opcode').EXTENDED_ARG") ==
          "('<200>', 90, 144)");
}

TEST_CASE("attribute names and code names are interned; modules can be made from Python", "[types]") {
    CHECK(out("import sys\nclass K: pass\no = K()\nk = ''.join(['zz', 'top'])\nsetattr(o, k, 1)\n"
              "print(list(o.__dict__)[0] is sys.intern(k))\n") == "True\n");
    CHECK(out("import sys\ndef f(): pass\nco = f.__code__\nprint(co.co_qualname is sys.intern('f'), co.co_filename is sys.intern(co.co_filename))\n") ==
          "True True\n");
    CHECK(ev("__import__('types').ModuleType('x').__dict__") ==
          "{'__name__': 'x', '__doc__': None, '__package__': None, '__loader__': None, '__spec__': None}");
    CHECK(ev("__import__('types').ModuleType('y', 'doc').__doc__") == "'doc'");
    CHECK(ev("__import__('types').ModuleType()") == "TypeError: module() missing required argument 'name' (pos 1)");
    CHECK(out("import types\nclass M(types.ModuleType): pass\nprint(M('z'), type(M('z')).__name__)\n") == "<module 'z'> M\n");
    CHECK(ev("int.from_bytes()") == "TypeError: from_bytes() missing required argument 'bytes' (pos 1)");
}

TEST_CASE("builtin functions and descriptors describe themselves as CPython's do", "[types]") {
    CHECK(ev("[f.__name__ for f in (len, str.upper, [].append)]") == "['len', 'upper', 'append']");
    CHECK(ev("[].append.__qualname__, str.upper.__qualname__, dict.fromkeys.__qualname__") ==
          "('list.append', 'str.upper', 'dict.fromkeys')");
    CHECK(ev("len.__module__, len.__self__, [1].append.__self__") == "('builtins', <module 'builtins' (built-in)>, [1])");
    CHECK(ev("len.__doc__, len.__text_signature__") == "('Return the number of items in a container.', '($module, obj, /)')");
    CHECK(ev("int.__dict__['real'].__qualname__, str.upper.__objclass__") == "('int.real', <class 'str'>)");
    CHECK(ev("dir(__import__('types').ModuleType('x'))") == "['__doc__', '__loader__', '__name__', '__package__', '__spec__']");
}

TEST_CASE("a string added to itself", "[types]") {
    // Regression: s + s copied both halves to offset 0.
    CHECK(ev("(lambda s: s + s)((lambda s: s + s)('ab'))") == "'abababab'");
    CHECK(ev("(lambda s: s + s)('\\u00e9\\u4e00')") == "'\u00e9\u4e00\u00e9\u4e00'");
}

TEST_CASE("a class's __dict__ is a read-only mappingproxy", "[types]") {
    CHECK(out("class A:\n    x = 1\nd = A.__dict__\nprint(type(d).__name__, d['x'], 'x' in d, d.get('y', 5))\n") == "mappingproxy 1 True 5\n");
    CHECK(out("class A:\n    x = 1\ntry:\n    A.__dict__['y'] = 2\nexcept TypeError as e:\n    print(e)\n") ==
          "'mappingproxy' object does not support item assignment\n");
    CHECK(ev("__import__('types').MappingProxyType({'a': 1})") == "mappingproxy({'a': 1})");
    CHECK(out("import types\nmp = types.MappingProxyType({'a': 1})\nprint(mp, mp | {'b': 2}, mp == {'a': 1}, list(reversed(mp)))\n") ==
          "{'a': 1} {'a': 1, 'b': 2} True ['a']\n");
    CHECK(ev("__import__('types').MappingProxyType([1])") == "TypeError: mappingproxy() argument must be a mapping, not list");
    CHECK(ev("hash(int.__dict__)") == "TypeError: unhashable type: 'mappingproxy'");
    CHECK(ev("{'a': 1}.keys().mapping") == "mappingproxy({'a': 1})");
}

TEST_CASE("list[int] is a types.GenericAlias", "[types]") {
    SECTION("repr, origin and arguments") {
        CHECK(ev("list[int], dict[str, list[int]], tuple[()], tuple[int, ...], type[int]") ==
              "(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], type[int])");
        CHECK(ev("type(list[int]), list[int].__origin__, list[int].__args__") ==
              "(<class 'types.GenericAlias'>, <class 'list'>, (<class 'int'>,))");
        CHECK(ev("list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int])") == "(True, False, True)");
        CHECK(ev("list[int]([1, 2]), list[int].append") == "([1, 2], <method 'append' of 'list' objects>)");
        CHECK(ev("int[str]") == "TypeError: type 'int' is not subscriptable");
    }
    SECTION("type variables are substituted") {
        CHECK(out("import typing\nT = typing.TypeVar('T')\nprint(list[T], list[T].__parameters__, list[T][int], dict[str, T][int])\n") ==
              "list[~T] (~T,) list[int] dict[str, int]\n");
        CHECK(ev("list[int][str]") == "TypeError: list[int] is not a generic class");
        CHECK(out("import typing\nT = typing.TypeVar('T')\nprint((list[T] | None)[int])\n") == "list[int] | None\n");
    }
    SECTION("isinstance refuses it; class statements and unions accept it") {
        CHECK(ev("isinstance([], list[int])") == "TypeError: isinstance() argument 2 cannot be a parameterized generic");
        CHECK(out("class X(list[int]): pass\nprint(X.__bases__, X.__orig_bases__)\n") == "(<class 'list'>,) (list[int],)\n");
        CHECK(ev("list[int] | None, list[int] | list[int]") == "(list[int] | None, list[int])");
        CHECK(out("class L(list): pass\nprint(L[int])\n") == "__main__.L[int]\n");
    }
    SECTION("the generic classes of the standard library") {
        CHECK(out("import collections, collections.abc as cabc, functools, re\n"
                  "print(collections.deque[int], cabc.Iterable[int], cabc.Callable[[int], str], functools.partial[int], re.Pattern[str])\n") ==
              "collections.deque[int] collections.abc.Iterable[int] collections.abc.Callable[[int], str] functools.partial[int] re.Pattern[str]\n");
        CHECK(out("def f(x: list[int]) -> dict[str, int]: pass\nprint(f.__annotations__)\n") ==
              "{'x': list[int], 'return': dict[str, int]}\n");
    }
}

TEST_CASE("built-in types with no constructor of their own cannot be called, and never crash", "[types]") {
    using gp::test::ev;
    CHECK(ev("type(iter([]))()") == "TypeError: cannot create 'list_iterator' instances");
    CHECK(ev("type({}.keys())()") == "TypeError: cannot create 'dict_keys' instances");
    CHECK(ev("type((x for x in []))()") == "TypeError: cannot create 'generator' instances");
    CHECK(ev("type(print)()") == "TypeError: cannot create 'builtin_function_or_method' instances");
    CHECK(ev("type(int.__add__)()") == "TypeError: cannot create 'wrapper_descriptor' instances");
    CHECK(ev("type((1).__add__)()") == "TypeError: cannot create 'method-wrapper' instances");
    CHECK(ev("type(str.join)()") == "TypeError: cannot create 'method_descriptor' instances");
    CHECK(ev("type(__import__('sys')._getframe())()") == "TypeError: cannot create 'frame' instances");
    CHECK(ev("type(iter(range(3)))()") == "TypeError: cannot create 'range_iterator' instances");
    CHECK(ev("type(None)() is None and type(...)() is ... and type(NotImplemented)() is NotImplemented") == "True");
    CHECK(ev("type(None)(1)") == "TypeError: NoneType takes no arguments");
    CHECK(ev("type(...)(a=1)") == "TypeError: EllipsisType takes no arguments");
}
