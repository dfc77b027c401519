// bytes, bytearray and memoryview: literals and repr, the sequence
// protocol, construction, hashing, the shared methods, printf-style
// formatting, bytearray's CPython growth policy and memoryview's exports.
// Every expected value was printed by CPython 3.11.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

namespace {

using gp::test::ev;

std::string out(const std::string& src) { return gp::test::run(src).out; }

}  // namespace

TEST_CASE("bytes literals and repr use CPython escapes and quotes", "[bytes]") {
    CHECK(ev("(b'hello', b'', b\"it's\", b'say \"hi\"', b'both \\' and \"')") == "(b'hello', b'', b\"it's\", b'say \"hi\"', b'both \\' and \"')");
    CHECK(ev("b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'") == "b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'");
    CHECK(ev("(repr(bytearray(b\"x'\")), repr(bytearray(b'a\"b')), bytearray(), bytearray(b'\\x00ab'))") == "('bytearray(b\"x\\\\\\'\")', 'bytearray(b\\'a\"b\\')', bytearray(b''), bytearray(b'\\x00ab'))");
    CHECK(ev("str(b'a')") == "\"b'a'\"");
    CHECK(ev("ascii(b'\\xff')") == "\"b'\\\\xff'\"");
    CHECK(ev("b'abc' == b'ab' b'c'") == "True");
}

TEST_CASE("bytes is a sequence of ints", "[bytes]") {
    SECTION("indexing gives ints, slicing gives bytes") {
        CHECK(ev("(b'abc'[0], b'abc'[-1], b'abc'[1:], b'abcdef'[::2], b'abc'[::-1], b'abc'[5:])") == "(97, 99, b'bc', b'ace', b'cba', b'')");
        CHECK(ev("b'abc'[5]") == "IndexError: index out of range");
        CHECK(ev("(len(b'abc'), list(b'ab'), type(iter(b'')).__name__, list(iter(bytearray(b'xy'))))") == "(3, [97, 98], 'bytes_iterator', [120, 121])");
    }
    SECTION("concatenation and repetition accept any bytes-like object") {
        CHECK(ev("(b'a' + b'b', b'a' + bytearray(b'b'), b'a' + memoryview(b'c'), bytearray(b'a') + b'b')") == "(b'ab', b'ab', b'ac', bytearray(b'ab'))");
        CHECK(ev("b'a' + 'b'") == "TypeError: can't concat str to bytes");
        CHECK(ev("bytearray(b'a') + 'b'") == "TypeError: can't concat str to bytearray");
        CHECK(ev("b'a' + 1") == "TypeError: can't concat int to bytes");
        CHECK(ev("(b'ab' * 3, 3 * b'ab', b'ab' * 0, b'ab' * -1, bytearray(b'x') * 2)") == "(b'ababab', b'ababab', b'', b'', bytearray(b'xx'))");
        CHECK(ev("b'a' * 'a'") == "TypeError: can't multiply sequence by non-int of type 'str'");
    }
    SECTION("in accepts a byte value or a substring") {
        CHECK(ev("(b'ab' in b'cab', 97 in b'abc', b'' in b'')") == "(True, True, True)");
        CHECK(ev("'a' in b'a'") == "TypeError: a bytes-like object is required, not 'str'");
        CHECK(ev("300 in b'a'") == "ValueError: byte must be in range(0, 256)");
    }
    SECTION("comparisons") {
        CHECK(ev("(b'abc' == b'abc', b'abc' < b'abd', b'ab' < b'abc', b'abc' == bytearray(b'abc'), b'a' == 'a', b'' == bytes())") == "(True, True, True, True, False, True)");
        CHECK(ev("b'a' < 'a'") == "TypeError: '<' not supported between instances of 'bytes' and 'str'");
    }
}

TEST_CASE("bytes() and bytearray() construct from ints, iterables, buffers and text", "[bytes]") {
    CHECK(ev("(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), bytes(range(5)), bytes(b'x'), bytes(bytearray(b'y')), bytes(memoryview(b'z')))") == "(b'\\x00\\x00\\x00', b'AB', b'\\xc3\\xa9', b'\\x00\\x01\\x02\\x03\\x04', b'x', b'y', b'z')");
    CHECK(ev("(bytes(iter([1, 2])), bytes((1,)), bytes({1: 2}), bytes('é', 'ascii', 'replace'), bytes(source='ab', encoding='utf-16-le'))") == "(b'\\x01\\x02', b'\\x01', b'\\x01', b'?', b'a\\x00b\\x00')");
    CHECK(ev("bytes('a')") == "TypeError: string argument without an encoding");
    CHECK(ev("bytes(-1)") == "ValueError: negative count");
    CHECK(ev("bytes(1.5)") == "TypeError: cannot convert 'float' object to bytes");
    CHECK(ev("bytes(['a'])") == "TypeError: 'str' object cannot be interpreted as an integer");
    CHECK(ev("bytes([256])") == "ValueError: bytes must be in range(0, 256)");
    CHECK(ev("bytes(b'a', 'utf-8')") == "TypeError: encoding without a string argument");
    CHECK(ev("bytes('a', encoding=1)") == "TypeError: bytes() argument 'encoding' must be str, not int");
    CHECK(ev("bytes(errors='x')") == "TypeError: errors without a string argument");
    CHECK(ev("bytes(x=1)") == "TypeError: 'x' is an invalid keyword argument for bytes()");
    CHECK(ev("bytes('é', 'ascii')") == "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    CHECK(ev("(bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(b'ab'), bytearray(range(3)))") == "(bytearray(b'\\x00\\x00\\x00'), bytearray(b'\\x01\\x02'), bytearray(b'\\xc3\\xa9'), bytearray(b'ab'), bytearray(b'\\x00\\x01\\x02'))");
    CHECK(ev("bytearray('a')") == "TypeError: string argument without an encoding");
    CHECK(ev("bytearray([256])") == "ValueError: byte must be in range(0, 256)");
    CHECK(ev("bytearray(-1)") == "ValueError: negative count");
    CHECK(ev("bytearray(3.5)") == "TypeError: cannot convert 'float' object to bytearray");
    CHECK(out("class B:\n    def __bytes__(self):\n        return b'from __bytes__'\nprint(bytes(B()))\nclass Sub(bytes):\n    pass\ns = Sub(b'ab')\nprint(type(s).__name__, s, type(s.upper()).__name__, type(s[0:1]).__name__)\n") ==
          "b'from __bytes__'\nSub b'ab' bytes bytes\n");
}

TEST_CASE("bytes hash equals the hash of the same Latin-1 str", "[bytes]") {
    CHECK(ev("(hash(b'abc') == hash(b'abc'), hash(b'abc') == hash('abc'), hash(b'') == hash(''), hash(b'\\xe9') == hash('\\xe9'))") == "(True, True, True, True)");
    CHECK(ev("hash(bytearray())") == "TypeError: unhashable type: 'bytearray'");
    CHECK(ev("({b'k': 1}[b'k'], b'k' in {b'k'})") == "(1, True)");
}

TEST_CASE("bytes methods match CPython", "[bytes]") {
    SECTION("case and predicates are ASCII-only") {
        CHECK(ev("(b'hello'.upper(), b'HeLLo'.lower(), b'hello world'.title(), b'hELLO'.capitalize(), b'aBc'.swapcase(), b'\\xe9'.upper())") == "(b'HELLO', b'hello', b'Hello World', b'Hello', b'AbC', b'\\xe9')");
        CHECK(ev("(b'abc'.isalpha(), b'abc1'.isalnum(), b'123'.isdigit(), b' \\t'.isspace(), b'abc'.islower(), b'ABC'.isupper(), b'Hello World'.istitle(), b''.isalpha(), b'\\x80'.isascii(), b''.isascii())") == "(True, True, True, True, True, True, True, False, False, True)");
    }
    SECTION("split, join, strip, partition") {
        CHECK(ev("(b'a,b,,c'.split(b','), b' a  b '.split(), b'a b c'.split(None, 1), b'a,b,c'.rsplit(b',', 1), b'  a b  '.rsplit(maxsplit=1))") == "([b'a', b'b', b'', b'c'], [b'a', b'b'], [b'a', b'b c'], [b'a,b', b'c'], [b'  a', b'b'])");
        CHECK(ev("b'a'.split(b'')") == "ValueError: empty separator");
        CHECK(ev("b'a'.split('a')") == "TypeError: a bytes-like object is required, not 'str'");
        CHECK(ev("(b'ab\\ncd\\r\\nef\\rg'.splitlines(), b'ab\\ncd\\r\\n'.splitlines(True), b''.splitlines())") == "([b'ab', b'cd', b'ef', b'g'], [b'ab\\n', b'cd\\r\\n'], [])");
        CHECK(ev("(b'  x  '.strip(), b'xxaxx'.strip(b'x'), b'  x  '.lstrip(), b'  x  '.rstrip(), b'abc'.strip(b'ac'))") == "(b'x', b'a', b'x  ', b'  x', b'b')");
        CHECK(ev("b'a'.strip('a')") == "TypeError: a bytes-like object is required, not 'str'");
        CHECK(ev("(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]), bytearray(b',').join([b'x', b'y']))") == "(b'a-b-c', b'', bytearray(b'x,y'))");
        CHECK(ev("b'a'.join([1])") == "TypeError: sequence item 0: expected a bytes-like object, int found");
        CHECK(ev("b'a'.join('ab')") == "TypeError: sequence item 0: expected a bytes-like object, str found");
        CHECK(ev("(b'a=b'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'abc'.rpartition(b'x'))") == "((b'a', b'=', b'b'), (b'a=b', b'=', b'c'), (b'abc', b'', b''), (b'', b'', b'abc'))");
        CHECK(ev("b'a'.partition(b'')") == "ValueError: empty separator");
    }
    SECTION("searching") {
        CHECK(ev("(b'abcabc'.find(b'c'), b'abcabc'.rfind(b'c'), b'abc'.find(b'z'), b'abc'.find(98), b'abcabc'.find(b'c', 3), b'abc'.find(b'c', None, 2))") == "(2, 5, -1, 1, 5, -1)");
        CHECK(ev("b'abc'.find('a')") == "TypeError: argument should be integer or bytes-like object, not 'str'");
        CHECK(ev("b'a'.find(256)") == "ValueError: byte must be in range(0, 256)");
        CHECK(ev("(b'abc'.index(b'c'), b'abcabc'.rindex(b'a'), b'abcab'.count(b'ab'), b'aaa'.count(b''), b'abc'.count(97))") == "(2, 3, 2, 4, 1)");
        CHECK(ev("b'abc'.index(b'z')") == "ValueError: subsection not found");
        CHECK(ev("(b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'), b'hello'.startswith((b'x', b'h')), b'hello'.startswith(b'l', 2), b'hello'.endswith(b'l', 0, 4))") == "(True, True, True, True, True)");
        CHECK(ev("b'a'.startswith('a')") == "TypeError: startswith first arg must be bytes or a tuple of bytes, not str");
    }
    SECTION("replace, justify, translate") {
        CHECK(ev("(b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'L', 1), b'abc'.replace(b'', b'-'), b'aaa'.replace(b'a', b''))") == "(b'heLLo', b'heLlo', b'-a-b-c-', b'')");
        CHECK(ev("b'a'.replace('a', b'')") == "TypeError: a bytes-like object is required, not 'str'");
        CHECK(ev("(b'abc'.center(9, b'*'), b'abc'.ljust(6), b'abc'.rjust(6, b'0'), b'abc'.center(2), b'ab'.center(5))") == "(b'***abc***', b'abc   ', b'000abc', b'abc', b'  ab ')");
        CHECK(ev("b'a'.center(5, 'x')") == "TypeError: center() argument 2 must be a byte string of length 1, not str");
        CHECK(ev("b'a'.center(5, b'xy')") == "TypeError: center() argument 2 must be a byte string of length 1, not bytes");
        CHECK(ev("(b'42'.zfill(5), b'-42'.zfill(5), b'+4'.zfill(3), b'abc'.zfill(2))") == "(b'00042', b'-0042', b'+04', b'abc')");
        CHECK(ev("(b'a\\tb'.expandtabs(), b'a\\tb'.expandtabs(4), b'\\t'.expandtabs(tabsize=2))") == "(b'a       b', b'a   b', b'  ')");
        CHECK(ev("(b'abc'.removeprefix(b'ab'), b'abc'.removesuffix(b'bc'), b'abc'.removeprefix(b'x'))") == "(b'c', b'a', b'abc')");
        CHECK(ev("(b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abc'.translate(None, b'b'))") == "(b'xyz', b'ac')");
        CHECK(ev("b'a'.translate(b'x')") == "ValueError: translation table must be 256 characters long");
        CHECK(ev("bytes.maketrans(b'a', b'bc')") == "ValueError: maketrans arguments must have same length");
    }
    SECTION("hex, fromhex and decode") {
        CHECK(ev("(b'abc'.hex(), b'abc'.hex('-'), b'abcdef'.hex(':', 2), b'abcdef'.hex(':', -4), bytearray(b'\\x00\\xff').hex())") == "('616263', '61-62-63', '6162:6364:6566', '61626364:6566', '00ff')");
        CHECK(ev("b'ab'.hex('--')") == "ValueError: sep must be length 1.");
        CHECK(ev("(bytes.fromhex('68 65 6c'), bytearray.fromhex('00ff'), bytes.fromhex(' ab cd '))") == "(b'hel', bytearray(b'\\x00\\xff'), b'\\xab\\xcd')");
        CHECK(ev("bytes.fromhex('a')") == "ValueError: non-hexadecimal number found in fromhex() arg at position 1");
        CHECK(ev("bytes.fromhex('zz')") == "ValueError: non-hexadecimal number found in fromhex() arg at position 0");
        CHECK(ev("(b'caf\\xc3\\xa9'.decode(), b'caf\\xe9'.decode('latin-1'), b'\\xff'.decode('utf-8', 'replace'), b'ab\\xff'.decode('utf-8', errors='ignore'))") == "('café', 'café', '�', 'ab')");
        CHECK(ev("b'\\xff'.decode()") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        CHECK(ev("b'a'.decode(1)") == "TypeError: decode() argument 'encoding' must be str, not int");
        CHECK(ev("(str(b'x', 'ascii'), str(bytearray(b'y'), 'utf-8'))") == "('x', 'y')");
    }
    SECTION("printf-style formatting (PEP 461)") {
        CHECK(ev("(b'%s-%d' % (b'ab', 5), b'%5s|%-5s|' % (b'a', b'b'), b'%x %X %o %c %c' % (255, 255, 8, 65, b'B'))") == "(b'ab-5', b'    a|b    |', b'ff FF 10 A B')");
        CHECK(ev("(b'%r %a' % ('q', 'é'), b'%.2f %e' % (1.5, 100.0), b'100%%' % (), b'%(k)s' % {b'k': b'v'}, bytearray(b'%s') % b'x')") == "(b\"'q' '\\\\xe9'\", b'1.50 1.000000e+02', b'100%', b'v', bytearray(b'x'))");
        CHECK(ev("b'%s' % 'x'") == "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
        CHECK(ev("b'%d' % b'x'") == "TypeError: %d format: a real number is required, not bytes");
        CHECK(ev("b'%s %s' % (b'a',)") == "TypeError: not enough arguments for format string");
        CHECK(ev("b'%s' % (b'a', b'b')") == "TypeError: not all arguments converted during bytes formatting");
    }
}

TEST_CASE("bytearray grows like CPython and is mutable in place", "[bytes]") {
    SECTION("sizes follow PyByteArray_Resize") {
        CHECK(out("import sys\nb = bytearray()\nsizes = []\nfor i in range(20):\n    b.append(i)\n    sizes.append(sys.getsizeof(b))\nprint(sizes)\nb = bytearray(b'abcdefgh')\nb += b'xy'\nprint(sys.getsizeof(b), b.__alloc__())\nb.extend(b'123')\ndel b[:4]\nprint(sys.getsizeof(b), b)\nprint(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray([1, 2, 3])))\n") ==
              "[58, 61, 61, 61, 64, 64, 64, 68, 68, 68, 68, 75, 75, 75, 75, 75, 75, 75, 83, 83]\n73 17\n73 bytearray(b'efghxy123')\n56 60 67 60\n");
        CHECK(out("import sys\nprint(sys.getsizeof(b''), sys.getsizeof(b'abc'), [sys.getsizeof(bytes(n)) for n in (0, 1, 10, 100)])\n") ==
              "33 36 [33, 34, 43, 133]\n");
    }
    SECTION("item and slice assignment, deletion and the list-like methods") {
        CHECK(out("b = bytearray(b'abc')\nb[0] = 65\nb[1:2] = b'XYZ'\nprint(b)\nb[::2] = b'123'\nprint(b)\ndel b[0]\ndel b[::2]\nprint(b)\nb[0:0] = [1, 2]\nb[len(b):] = b'end'\nb[1:3] = b\nprint(b)\nprint(b.pop(), b.pop(0), b)\nb.insert(0, 65)\nb.insert(-1, 66)\nb.insert(100, 67)\nb.remove(65)\nb.reverse()\nprint(b)\nc = b.copy()\nc.clear()\nb *= 2\nprint(b, c)\nb.extend(range(3))\nb.extend(iter([9]))\nprint(b)\n") ==
              "bytearray(b'AXYZc')\nbytearray(b'1X2Z3')\nbytearray(b'23')\nbytearray(b'\\x01\\x01\\x0223end3end')\n100 1 bytearray(b'\\x01\\x0223end3en')\nbytearray(b'CnBe3dne32\\x02\\x01')\nbytearray(b'CnBe3dne32\\x02\\x01CnBe3dne32\\x02\\x01') bytearray(b'')\nbytearray(b'CnBe3dne32\\x02\\x01CnBe3dne32\\x02\\x01\\x00\\x01\\x02\\t')\n");
        CHECK(out("b = bytearray(b'ab')\nfor op in [lambda: b.__setitem__(slice(None, None, 2), b'xyz'), lambda: b.__setitem__(0, 256), lambda: b.__setitem__(0, b'a'), lambda: b.__setitem__(9, 1), lambda: b.__setitem__(slice(1, 2), 3), lambda: b.extend(5), lambda: b.extend([300]), lambda: bytearray().pop(), lambda: b.pop(9), lambda: b.remove(200)]:\n    try:\n        op()\n    except Exception as e:\n        print(type(e).__name__ + ':', e)\n") ==
              "ValueError: attempt to assign bytes of size 3 to extended slice of size 1\nValueError: byte must be in range(0, 256)\nTypeError: 'bytes' object cannot be interpreted as an integer\nIndexError: bytearray index out of range\nTypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)\nTypeError: can't extend bytearray with int\nValueError: byte must be in range(0, 256)\nIndexError: pop from empty bytearray\nIndexError: pop index out of range\nValueError: value not found in bytearray\n");
    }
    SECTION("methods return bytearrays") {
        CHECK(ev("(bytearray(b'hello').upper(), bytearray(b'x ').strip(), bytearray(b'a b').split(), bytearray(b'x').join([b'1', b'2']))") == "(bytearray(b'HELLO'), bytearray(b'x'), [bytearray(b'a'), bytearray(b'b')], bytearray(b'1x2'))");
        CHECK(ev("(bytearray(b'abc') == b'abc', bytearray(b'ab') < memoryview(b'b'), bytearray(b'ab') == 'ab')") == "(True, True, False)");
    }
}

TEST_CASE("memoryview exposes another object's bytes without copying", "[bytes]") {
    CHECK(ev("memoryview('x')") == "TypeError: memoryview: a bytes-like object is required, not 'str'");
    CHECK(ev("hash(memoryview(bytearray(b'a')))") == "ValueError: cannot hash writable memoryview object");
    CHECK(out("b = bytearray(b'abc')\nm = memoryview(b)\nprint(m[0], m[-1], len(m), m.tolist(), m.tobytes(), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.obj is b, m.hex())\nm[0] = 65\nm[1:3] = b'YZ'\nprint(b, m == b'AYZ', m[1:].tobytes(), bytes(m[::2]), list(m[:2]))\ntry:\n    b.append(1)\nexcept BufferError as e:\n    print('BufferError:', e)\nm.release()\nb.append(1)\nprint(b)\ntry:\n    m[0]\nexcept ValueError as e:\n    print('ValueError:', e)\n") ==
          "97 99 3 [97, 98, 99] b'abc' 3 False B 1 1 (3,) True 616263\nbytearray(b'AYZ') True b'YZ' b'AZ' [65, 89]\nBufferError: Existing exports of data: object cannot be re-sized\nbytearray(b'AYZ\\x01')\nValueError: operation forbidden on released memoryview object\n");
    CHECK(out("mb = memoryview(b'xyz')\ntry:\n    mb[0] = 1\nexcept TypeError as e:\n    print('TypeError:', e)\ntry:\n    mb[5]\nexcept IndexError as e:\n    print('IndexError:', e)\nprint(hash(mb) == hash(b'xyz'), list(mb), mb.toreadonly().readonly, type(mb).__name__)\nwith memoryview(b'q') as q:\n    print(q[0])\nprint(repr(q).startswith('<released memory'))\n") ==
          "TypeError: cannot modify read-only memory\nIndexError: index out of bounds on dimension 1\nTrue [120, 121, 122] True memoryview\n113\nTrue\n");
}

