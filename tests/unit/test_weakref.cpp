// Weak references (objects/weakrefobject.{h,cpp}, modules/weakref_module.cpp):
// they do not keep their referent alive, die with it, call their callbacks,
// and the weak containers built on them forget dead entries. Expected
// outputs are CPython 3.11's.
#include <catch2/catch.hpp>

#include <string>

#include "glasspy.h"
#include "objects/listobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

void expect_output(const std::string& source, const std::string& expected) {
    auto r = run(source);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == expected);
}

}  // namespace

TEST_CASE("a weak reference does not keep its referent alive", "[weakref]") {
    expect_output(R"(
import weakref
class C:
    pass
c = C()
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c))
del c
print(r(), repr(r).endswith("; dead>"))
)",
                  "True 1\nNone True\n");
}

TEST_CASE("callbacks run when the referent dies, with the dead reference", "[weakref]") {
    expect_output(R"(
import weakref
class C:
    pass
c = C()
def cb(ref):
    print("callback", ref() is None, ref is r)
r = weakref.ref(c, cb)
print(r.__callback__ is cb)
del c
print(r.__callback__)
)",
                  "True\ncallback True True\nNone\n");
}

TEST_CASE("the basic reference is shared; references with callbacks are not", "[weakref]") {
    expect_output(R"(
import weakref
class C:
    pass
c = C()
r1 = weakref.ref(c)
r2 = weakref.ref(c)
r3 = weakref.ref(c, lambda r: None)
print(r1 is r2, r1 is r3, r1 == r3, weakref.getweakrefcount(c))
print(weakref.getweakrefs(c)[0] is r1, len(weakref.getweakrefs(c)))
print(hash(r1) == hash(c))
d = C()
print(r1 == weakref.ref(d))
)",
                  "True False True 2\nTrue 2\nTrue\nFalse\n");
}

TEST_CASE("objects without a weak-reference slot cannot be weakly referenced", "[weakref]") {
    expect_output(R"(
import weakref
for obj in (1, "s", (), [], {}, None, object()):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
class Slotted:
    __slots__ = ("a",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
class WithWeak:
    __slots__ = ("a", "__weakref__")
w = WithWeak()
print(weakref.ref(w)() is w)
)",
                  "cannot create weak reference to 'int' object\n"
                  "cannot create weak reference to 'str' object\n"
                  "cannot create weak reference to 'tuple' object\n"
                  "cannot create weak reference to 'list' object\n"
                  "cannot create weak reference to 'dict' object\n"
                  "cannot create weak reference to 'NoneType' object\n"
                  "cannot create weak reference to 'object' object\n"
                  "cannot create weak reference to 'Slotted' object\n"
                  "True\n");
}

TEST_CASE("proxies forward to the referent until it dies", "[weakref]") {
    expect_output(R"(
import weakref
class Obj:
    def __init__(self):
        self.name = "x"
        self.items = [1, 2, 3]
    def __len__(self):
        return 3
    def __call__(self, a):
        return a * 2
o = Obj()
p = weakref.proxy(o)
print(p.name, len(p), type(p).__name__)
p.name = "y"
print(o.name, p(21))
n = weakref.proxy(o, lambda r: None)
print(n is p, weakref.getweakrefcount(o))
try:
    hash(p)
except TypeError as e:
    print(e)
del o
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
class Plain:
    pass
print(type(weakref.proxy(Plain())).__name__)
)",
                  "x 3 CallableProxyType\ny 42\nFalse 2\nunhashable type: 'weakref.CallableProxyType'\n"
                  "ReferenceError: weakly-referenced object no longer exists\nProxyType\n");
}

TEST_CASE("WeakValueDictionary and WeakKeyDictionary forget dead entries", "[weakref]") {
    expect_output(R"(
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
values = weakref.WeakValueDictionary()
keep = Obj("kept")
values["kept"] = keep
values["temp"] = Obj("temp")
print(sorted(values.keys()), len(values), "temp" in values, values.get("temp"))
print(values["kept"].name)
keys = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
keys[k1] = 1
keys[k2] = 2
print(len(keys), keys[k1])
del k1
print(len(keys), list(keys.values()), [k.name for k in keys])
)",
                  "['kept'] 1 False None\nkept\n2 1\n1 [2] ['k2']\n");
}

TEST_CASE("WeakSet holds its members weakly", "[weakref]") {
    expect_output(R"(
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
ws = weakref.WeakSet()
a, b = Obj("a"), Obj("b")
ws.add(a)
ws.add(b)
print(len(ws), a in ws)
del a
print(len(ws), [x.name for x in ws])
ws.discard(b)
print(len(ws))
)",
                  "2 True\n1 ['b']\n0\n");
}

TEST_CASE("weakref.finalize runs its function once", "[weakref]") {
    expect_output(R"(
import weakref
class Resource:
    pass
def cleanup(label, extra):
    print("cleanup", label, extra)
r = Resource()
f = weakref.finalize(r, cleanup, "first", extra=1)
print(f.alive)
del r
print(f.alive, f())
r2 = Resource()
f2 = weakref.finalize(r2, cleanup, "second", extra=2)
print(f2(), f2.alive, f2())
r3 = Resource()
f3 = weakref.finalize(r3, cleanup, "third", extra=3)
obj, func, args, kwargs = f3.detach()
print(obj is r3, args, kwargs, f3.alive)
)",
                  "True\ncleanup first 1\nFalse None\ncleanup second 2\nNone False None\nTrue ('third',) {'extra': 3} False\n");
}

TEST_CASE("WeakMethod keeps a bound method's parts weakly", "[weakref]") {
    expect_output(R"(
import weakref
class Method:
    def run(self):
        return "ran"
m = Method()
wm = weakref.WeakMethod(m.run)
print(wm()(), weakref.ref(m.run)() is None)
del m
print(wm())
)",
                  "ran True\nNone\n");
}

TEST_CASE("weak references to functions, sets, generators, classes and modules", "[weakref]") {
    expect_output(R"(
import weakref, sys
def f():
    pass
def g():
    yield 1
class C:
    def m(self):
        pass
s = {1}
fs = frozenset([2])
it = g()
refs = [weakref.ref(x) for x in (f, s, fs, it, C().m)]
print([r() is not None for r in refs])
del f, s, fs, it
print([r() for r in refs])
print(weakref.ref(C)() is C, weakref.ref(sys)() is sys, weakref.ref(len)() is len)
cache = weakref.WeakKeyDictionary()
cache[C] = "C"
cache[int] = "int"
print(len(cache), cache[int])
)",
                  "[True, True, True, True, False]\n[None, None, None, None, None]\nTrue True True\n2 int\n");
}

TEST_CASE("clearing happens before deallocation, after __del__", "[weakref]") {
    expect_output(R"(
import weakref
class C:
    def __del__(self):
        print("del: ref alive", r() is self)
c = C()
r = weakref.ref(c, lambda ref: print("callback"))
del c
print(r())
)",
                  "del: ref alive True\ncallback\nNone\n");
}

TEST_CASE("a weakref type is created per interpreter", "[weakref]") {
    Session a, b;
    ThreadState* ta = a.interpreter().main_thread();
    ThreadState* tb = b.interpreter().main_thread();
    Ref<ListObject> la = list_new(ta, 0);
    // Lists cannot be weakly referenced: the error comes from a's types.
    CHECK(!weakref_new(ta, la.get(), nullptr));
    CHECK(error_occurred(ta));
    error_clear(ta);
    REQUIRE(init_weakref_types(ta));
    REQUIRE(init_weakref_types(tb));
    CHECK(a.interpreter().gc.weakref_type != b.interpreter().gc.weakref_type);
}
