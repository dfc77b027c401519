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
