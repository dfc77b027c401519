// complex: the 1j literal, repr with signed zeros, CPython's division and
// power algorithms, the complex() constructor and its string syntax,
// hashing and __format__. Every expected value was printed by CPython 3.11.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

namespace {

using gp::test::ev;

}  // namespace

TEST_CASE("complex numbers: literals, repr and arithmetic", "[complex]") {
    SECTION("repr omits a +0 real part and shows signed zeros") {
        CHECK(ev("(1j, -1j, 0j, -0j, 1+2j, 1-2j, 1.5-0.5j, complex(-0.0, 0), complex(0.0, -0.0), complex(-0.0, -0.0))") == "(1j, (-0-1j), 0j, (-0-0j), (1+2j), (1-2j), (1.5-0.5j), (-0+0j), -0j, (-0-0j))");
        CHECK(ev("(repr(complex(float('inf'), float('nan'))), repr(complex(1e20, 1e-5)), repr(1e309j), str(1+2j))") == "('(inf+nanj)', '(1e+20+1e-05j)', 'infj', '(1+2j)')");
    }
    SECTION("arithmetic uses CPython's division and power algorithms") {
        CHECK(ev("((1+2j) + (3-1j), (1+2j) - 1, 2 - (1+2j), (1+2j) * (3-1j), (1+2j) / (3-4j), 1 / 1j)") == "((4+1j), 2j, (1-2j), (5+5j), (-0.2+0.4j), -1j)");
        CHECK(ev("(1+2j) / 0") == "ZeroDivisionError: complex division by zero");
        CHECK(ev("((1+2j) ** 2, (1+2j) ** -2, (1+2j) ** 0.5, (2+0j) ** 10, 2 ** (1+1j), (1+1j) ** (1+1j))") == "((-3+4j), (-0.12-0.16j), (1.272019649514069+0.7861513777574233j), (1024+0j), (1.5384778027279442+1.2779225526272695j), (0.2739572538301211+0.5837007587586147j))");
        CHECK(ev("((-1) ** 0.5, (-8) ** (1/3), (-8.0) ** 0.5)") == "((6.123233995736766e-17+1j), (1.0000000000000002+1.7320508075688772j), (1.7319121124709868e-16+2.8284271247461903j))");
        CHECK(ev("0j ** -1") == "ZeroDivisionError: 0.0 to a negative or complex power");
        CHECK(ev("pow(1j, 2, 3)") == "ValueError: complex modulo");
        CHECK(ev("(1e200+1e200j) ** 2") == "(nan+nanj)");
        CHECK(ev("(abs(3+4j), abs(-1j), abs(1e308+1e308j))") == "(5.0, 1.0, 1.4142135623730951e+308)");
        CHECK(ev("abs(complex(1e308, 1e308) * 2)") == "inf");
        CHECK(ev("(-(1+2j), +(1j), bool(0j), bool(1j))") == "((-1-2j), 1j, False, True)");
        CHECK(ev("(1j == 1j, 1+0j == 1, 1+0j == 1.0, 1j != 1.0, 2+0j == True)") == "(True, True, True, True, False)");
        CHECK(ev("1j < 2j") == "TypeError: '<' not supported between instances of 'complex' and 'complex'");
        CHECK(ev("1j // 1") == "TypeError: unsupported operand type(s) for //: 'complex' and 'int'");
        CHECK(ev("divmod(1j, 1)") == "TypeError: unsupported operand type(s) for divmod(): 'complex' and 'int'");
    }
    SECTION("complex() parses strings and combines two parts") {
        CHECK(ev("(complex(), complex(2), complex(1, 2), complex(1+2j, 3+4j), complex(real=1, imag=2), complex(1j))") == "(0j, (2+0j), (1+2j), (-3+5j), (1+2j), 1j)");
        CHECK(ev("(complex('1+2j'), complex('  (1+2j)  '), complex('1e3-2.5e-1J'), complex('-j'), complex('j'), complex('inf'), complex('1_0+2_0j'), complex('.5j'))") == "((1+2j), (1+2j), (1000-0.25j), -1j, 1j, (inf+0j), (10+20j), 0.5j)");
        CHECK(ev("complex('1+')") == "ValueError: complex() arg is a malformed string");
        CHECK(ev("complex('1 +2j')") == "ValueError: complex() arg is a malformed string");
        CHECK(ev("complex('1_+2j')") == "ValueError: could not convert string to complex: '1_+2j'");
        CHECK(ev("complex(1, '2')") == "TypeError: complex() second arg can't be a string");
        CHECK(ev("complex('1', 2)") == "TypeError: complex() can't take second arg if first is a string");
        CHECK(ev("complex([])") == "TypeError: complex() first argument must be a string or a number, not 'list'");
        CHECK(ev("complex(1, [])") == "TypeError: complex() second argument must be a number, not 'list'");
        CHECK(ev("complex(10**400)") == "OverflowError: int too large to convert to float");
    }
    SECTION("hash, attributes, methods and format") {
        CHECK(ev("(hash(1+0j) == hash(1), hash(2j), hash(complex(-1, 0)))") == "(True, 2000006, -2)");
        CHECK(ev("((1+2j).conjugate(), (1+2j).real, (1+2j).imag, (1+1j).__getnewargs__())") == "((1-2j), 1.0, 2.0, (1.0, 1.0))");
        CHECK(ev("(format(1+2j, '.2f'), format(1+2j, '>12'), format(1j, 'g'), format(1+2j, '10.3e'), format(1+2j, '^20.1f'), format(1+2j, '+.1f'), f'{1j:.3}')") == "('1.00+2.00j', '      (1+2j)', '0+1j', '1.000e+00+2.000e+00j', '      1.0+2.0j      ', '+1.0+2.0j', '1j')");
        CHECK(ev("round(1j)") == "TypeError: type complex doesn't define __round__ method");
        CHECK(ev("__import__('sys').getsizeof(1j)") == "32");
    }
}

