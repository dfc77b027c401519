// float: shortest repr, arithmetic and its errors, exact comparisons with
// ints, hashing, rounding, float(), hex/fromhex and format(). Every
// expected value is what CPython 3.11 prints.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "glasspy.h"
#include "objects/abstract.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;

namespace {

using gp::test::ev;

std::string pending_error(ThreadState* ts) {
    Ref<> exc = error_fetch(ts);
    if (!exc) return "";
    Ref<> msg = object_str(ts, exc.get());
    return std::string(type_name(exc.get())) + ": " + (msg ? std::string(str_utf8(msg.get())) : "?");
}

}  // namespace

TEST_CASE("float repr is the shortest string that reads back as the same double", "[float]") {
    CHECK(float_repr_string(0.1) == "0.1");
    CHECK(float_repr_string(0.1 + 0.2) == "0.30000000000000004");
    CHECK(float_repr_string(1.0) == "1.0");
    CHECK(float_repr_string(-0.0) == "-0.0");
    CHECK(float_repr_string(1.0 / 3) == "0.3333333333333333");
    CHECK(float_repr_string(1e23) == "1e+23");
    CHECK(float_repr_string(9007199254740993.0) == "9007199254740992.0");
    CHECK(float_repr_string(5e-324) == "5e-324");
    CHECK(float_repr_string(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(float_repr_string(2.2250738585072014e-308) == "2.2250738585072014e-308");
    CHECK(float_repr_string(HUGE_VAL) == "inf");
    CHECK(float_repr_string(-HUGE_VAL) == "-inf");
    CHECK(float_repr_string(std::nan("")) == "nan");
    SECTION("exponent form below 1e-4 and from 1e16 on") {
        CHECK(float_repr_string(1e16) == "1e+16");
        CHECK(float_repr_string(1e15) == "1000000000000000.0");
        CHECK(float_repr_string(123456789012345678.0) == "1.2345678901234568e+17");
        CHECK(float_repr_string(0.0001) == "0.0001");
        CHECK(float_repr_string(0.00001) == "1e-05");
        CHECK(float_repr_string(1.5e-310) == "1.5e-310");
    }
    CHECK(ev("str(2.5), str(1e100)") == "('2.5', '1e+100')");
}

TEST_CASE("float arithmetic raises where CPython does and follows Python's sign rules", "[float]") {
    CHECK(ev("5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 // 2, 5.5 // -2") == "(1.5, 0.5, -0.5, -3.0, -3.0)");
    CHECK(ev("divmod(7.5, 2), divmod(-0.0, 5), (-0.0) % 5, 0.0 % -5") == "((3.0, 1.5), (-0.0, 0.0), 0.0, -0.0)");
    CHECK(ev("3 // 0.1, 3 % 0.1") == "(29.0, 0.09999999999999984)");
    CHECK(ev("1e308 * 10, -1e308 * 10") == "(inf, -inf)");   // + - * overflow quietly
    CHECK(ev("1.0 / 0") == "ZeroDivisionError: float division by zero");
    CHECK(ev("1.0 // 0") == "ZeroDivisionError: float floor division by zero");
    CHECK(ev("1.0 % 0") == "ZeroDivisionError: float modulo");
    CHECK(ev("divmod(1.0, 0)") == "ZeroDivisionError: float divmod()");
    CHECK(ev("2.0 ** 10000") == "OverflowError: (34, 'Numerical result out of range')");
    CHECK(ev("2 ** 10000 * 1.0") == "OverflowError: int too large to convert to float");
    SECTION("pow's special cases are Python's, not the C library's") {
        CHECK(ev("0.0 ** 0, float('nan') ** 0, 1.0 ** float('nan'), (-1.0) ** 1e300") == "(1.0, 1.0, 1.0, 1.0)");
        CHECK(ev("0.5 ** float('inf'), 2.0 ** float('-inf'), (-2.0) ** 3, (-0.0) ** 3") ==
              "(0.0, 0.0, -8.0, -0.0)");
        CHECK(ev("0.0 ** -1") == "ZeroDivisionError: 0.0 cannot be raised to a negative power");
        CHECK(ev("(-8) ** (1 / 3), (-1.0) ** 0.5") == "((1.0000000000000002+1.7320508075688772j), (6.123233995736766e-17+1j))");
        CHECK(ev("pow(2.0, 3, 4)") ==
              "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    }
}

TEST_CASE("floats compare exactly with ints of any size", "[float]") {
    CHECK(ev("2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2.0**53 < 2**53 + 1") == "(False, True, True)");
    CHECK(ev("10**400 > 1e308, -(10**400) < -1e308, float('inf') > 10**400") == "(True, True, True)");
    CHECK(ev("2**100 + 0.5 > 2**100, 2**100 + 1 > 2.0**100, 0.5 < 2**100, -0.5 > -2**100") == "(False, True, True, True)");
    CHECK(ev("float('nan') == 1, float('nan') != 1, 1.5 == 3/2") == "(False, True, True)");
    CHECK(ev("1.0 < 'x'") == "TypeError: '<' not supported between instances of 'float' and 'str'");
}

TEST_CASE("an integral float hashes like the equal int; nan hashes by identity", "[float]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    CHECK(float_hash(1.0) == 1);
    CHECK(float_hash(-1.0) == -2);
    CHECK(float_hash(0.5) == 1152921504606846976);
    CHECK(float_hash(HUGE_VAL) == 314159);
    CHECK(float_hash(-HUGE_VAL) == -314159);
    Ref<> big = int_from_string(ts, "1267650600228229401496703205376", 10);   // 2**100
    CHECK(float_hash(std::ldexp(1.0, 100)) == int_hash(big.get()));
    Ref<> n1 = float_from_double(ts, std::nan("")), n2 = float_from_double(ts, std::nan(""));
    CHECK(object_hash(ts, n1.get()) != object_hash(ts, n2.get()));
    CHECK(object_hash(ts, n1.get()) == object_hash(ts, n1.get()));
}

TEST_CASE("round() of a float is correctly rounded, ties to even", "[float]") {
    CHECK(ev("(0.5).__round__(), (1.5).__round__(), (2.5).__round__(), (-0.5).__round__()") == "(0, 2, 2, 0)");
    CHECK(ev("(2.675).__round__(2), (0.125).__round__(2), (0.375).__round__(2)") == "(2.67, 0.12, 0.38)");
    CHECK(ev("(5.0).__round__(-1), (15.0).__round__(-1), (1e22).__round__(-22), (-0.4).__round__(0)") ==
          "(0.0, 20.0, 1e+22, -0.0)");
    CHECK(ev("(123.456).__round__(10**20), (123.456).__round__(-10**20)") == "(123.456, 0.0)");
    CHECK(ev("(1.7976931348623157e308).__round__(-308)") == "OverflowError: rounded value too large to represent");
    CHECK(ev("float('inf').__round__()") == "OverflowError: cannot convert float infinity to integer");
    CHECK(ev("float('nan').__round__()") == "ValueError: cannot convert float NaN to integer");
    CHECK(ev("(7.5).__trunc__(), (-7.5).__floor__(), (-7.5).__ceil__()") == "(7, -8, -7)");
}

TEST_CASE("float() parses strings and converts numbers", "[float]") {
    CHECK(ev("float(), float(3), float('  -1.5e3  '), float('1_000.5'), float(True)") ==
          "(0.0, 3.0, -1500.0, 1000.5, 1.0)");
    CHECK(ev("float('inf'), float('-Infinity'), float('nan'), float('1e500'), float('1e-500')") ==
          "(inf, -inf, nan, inf, 0.0)");
    CHECK(ev("float('.5'), float('5.'), float('\\u0661.\\u0665')") == "(0.5, 5.0, 1.5)");
    CHECK(ev("float('abc')") == "ValueError: could not convert string to float: 'abc'");
    CHECK(ev("float('1__0')") == "ValueError: could not convert string to float: '1__0'");
    CHECK(ev("float('1_.5')") == "ValueError: could not convert string to float: '1_.5'");
    CHECK(ev("float('')") == "ValueError: could not convert string to float: ''");
    CHECK(ev("float([])") == "TypeError: float() argument must be a string or a real number, not 'list'");
    CHECK(ev("float(2**1024)") == "OverflowError: int too large to convert to float");
    CHECK(ev("float(b'1.5'), float(bytearray(b' 2 ')), float(memoryview(b'3'))") == "(1.5, 2.0, 3.0)");
    CHECK(ev("float(b'x')") == "ValueError: could not convert string to float: b'x'");
    CHECK(ev("float(x=1)") == "TypeError: float() takes no keyword arguments");
    CHECK(ev("float(1, 2)") == "TypeError: float expected at most 1 argument, got 2");
}

TEST_CASE("float methods: is_integer, as_integer_ratio, hex and fromhex", "[float]") {
    CHECK(ev("(3.0).is_integer(), (3.5).is_integer(), float('inf').is_integer()") == "(True, False, False)");
    CHECK(ev("(0.1).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e20).as_integer_ratio()") ==
          "((3602879701896397, 36028797018963968), (-3, 4), (100000000000000000000, 1))");
    CHECK(ev("float('inf').as_integer_ratio()") == "OverflowError: cannot convert Infinity to integer ratio");
    CHECK(ev("(0.1).hex(), (-5e-324).hex(), (1.0).hex(), (-0.0).hex()") ==
          "('0x1.999999999999ap-4', '-0x0.0000000000001p-1022', '0x1.0000000000000p+0', '-0x0.0p+0')");
    CHECK(ev("float.fromhex('0x1.8p1'), float.fromhex('  -0X1.FFFFFFFFFFFFFp1023 '), float.fromhex('0x1p-1075')") ==
          "(3.0, -1.7976931348623157e+308, 0.0)");
    CHECK(ev("float.fromhex('0x3p-1076'), float.fromhex('0x1.00000000000018p0'), float.fromhex('-inf')") ==
          "(5e-324, 1.0000000000000004, -inf)");
    CHECK(ev("float.fromhex('0x1p1024')") == "OverflowError: hexadecimal value too large to represent as a float");
    CHECK(ev("float.fromhex('x')") == "ValueError: invalid hexadecimal floating-point string");
    CHECK(ev("(2.5).real, (2.5).imag, (2.5).conjugate(), float.__getformat__('double')") ==
          "(2.5, 0.0, 2.5, 'IEEE, little-endian')");
}

TEST_CASE("format() of a float follows the format-spec mini-language", "[float]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    auto fmt = [&](double v, const char* spec) {
        Ref<> r = float_format(ts, v, spec);
        return r ? std::string(str_utf8(r.get())) : pending_error(ts);
    };
    CHECK(fmt(1234567.891, ",.2f") == "1,234,567.89");
    CHECK(fmt(12345.678, "_.2f") == "12_345.68");
    CHECK(fmt(3.14159, "10.3f") == "     3.142");
    CHECK(fmt(3.14159, "<10.1f") == "3.1       ");
    CHECK(fmt(-3.14159, "=+12.2e") == "-   3.14e+00");
    CHECK(fmt(0.000123, "g") == "0.000123");
    CHECK(fmt(1234.5, ".2") == "1.2e+03");
    CHECK(fmt(1.0, ".3") == "1.0");
    CHECK(fmt(1e16, "") == "1e+16");
    CHECK(fmt(1.5, "#.0f") == "2.");
    CHECK(fmt(0.5, ".0%") == "50%");
    CHECK(fmt(1.0, "#g") == "1.00000");
    CHECK(fmt(-0.0001, "z.2f") == "0.00");
    CHECK(fmt(HUGE_VAL, "010") == "0000000inf");
    CHECK(fmt(std::nan(""), "F") == "NAN");
    CHECK(fmt(-1234.5, "020,.1f") == "-0,000,000,001,234.5");
    CHECK(fmt(1.0, "d") == "ValueError: Unknown format code 'd' for object of type 'float'");
    CHECK(fmt(1.0, ".") == "ValueError: Format specifier missing precision");
    CHECK(fmt(1.0, "c") == "ValueError: Unknown format code 'c' for object of type 'float'");
    CHECK(ev("(1e16).__format__(''), (2.5).__format__('^7')") == "('1e+16', '  2.5  ')");
}
