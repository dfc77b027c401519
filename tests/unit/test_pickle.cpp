// pickle (core/lib/pickle.py): the bytes CPython's C pickler writes, for
// every protocol, and the objects they rebuild. The programs and CPython's
// output for them are in pickle_cases.inc (recorded by gen_pickle_cases.py).
#include <catch2/catch.hpp>

#include "test_support.h"

using gp::test::run;

namespace {

struct PickleCase {
    const char* name;       // the behaviour the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};
const PickleCase kCases[] = {
#include "pickle_cases.inc"
};

}  // namespace

TEST_CASE("pickle programs print what CPython 3.11 prints", "[pickle]") {
    for (const PickleCase& c : kCases) {
        SECTION(c.name) {
            auto r = run(c.source, "test.py");
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("object.__reduce_ex__ gives copyreg.__newobj__, the state and the items", "[pickle]") {
    auto r = run(R"(
import copyreg
class A:
    def __init__(self): self.x = 1
class L(list): pass
a = A()
f, args, state, li, di = a.__reduce_ex__(2)
print(f is copyreg.__newobj__, args == (A,), state, li, di)
f, args, state, li, di = L([1, 2]).__reduce_ex__(4)
print(args == (L,), state, list(li), di)
print(a.__getstate__(), object().__getstate__())
print(a.__reduce__()[0] is copyreg._reconstructor)
)", "test.py");
    INFO(r.err);
    CHECK(r.out == "True True {'x': 1} None None\nTrue None [1, 2] None\n{'x': 1} None\nTrue\n");
}
