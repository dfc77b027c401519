// Classes: `class` statements make heap types with CPython 3.11's semantics
// — layout, MRO, slot dispatch in both directions, descriptors, super(),
// __slots__, metaclasses, __del__. The programs and CPython's output for
// them are in classes_cases.inc (recorded by gen_classes_cases.py).
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "glasspy.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

struct ClassCase {
    const char* name;       // the behaviour the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};
const ClassCase kCases[] = {
#include "classes_cases.inc"
};

// Runs source in `globals` (a persistent __main__-like namespace); returns
// false with the exception printed into *err.
bool exec_in(ThreadState* ts, DictObject* globals, const char* source, std::string* err) {
    Ref<CodeObject> code = compile_source(ts, source, "<test>", ParseMode::Exec);
    Ref<> r = code ? eval_code(ts, code.get(), globals, globals) : nullptr;
    if (r) return true;
    Ref<> exc = error_fetch(ts);
    Ref<> s = exc ? object_repr(ts, exc.get()) : nullptr;
    *err = s ? std::string(str_utf8(s.get())) : "?";
    error_clear(ts);
    return false;
}

Ref<DictObject> main_globals(ThreadState* ts) {
    Ref<DictObject> g = dict_new(ts);
    Ref<> name = str_from_utf8(ts, "__main__");
    REQUIRE((g && name));
    REQUIRE(dict_set_cstr(ts, g.get(), "__builtins__", ts->interp->builtins));
    REQUIRE(dict_set_cstr(ts, g.get(), "__name__", name.get()));
    return g;
}

int count_visit(Object*, void* arg) {
    ++*static_cast<int*>(arg);
    return 0;
}

}  // namespace

TEST_CASE("class programs print what CPython 3.11 prints", "[classes]") {
    for (const ClassCase& c : kCases) {
        SECTION(c.name) {
            auto r = run(c.source);
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("instances of classes give back all their memory when their count reaches zero", "[classes]") {
    // A leak in subtype_dealloc (a slot, the __dict__, the reference to the
    // class) would grow the heap on every round.
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    Ref<DictObject> g = main_globals(ts);
    std::string err;
    REQUIRE(exec_in(ts, g.get(), R"(
class P:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a; self.b = b
class Q:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Q(self.v + o.v)
    def __repr__(self):
        return "Q"
    @property
    def pv(self):
        return self.v
class R(list): pass
class S(int): pass
class T(str): pass
class E(Exception): pass
class D:
    def __del__(self):
        self.gone = True
def work():
    for i in range(50):
        p = P(i, [i])
        q = Q(i) + Q(1)
        r = repr(q)
        x = q.pv
        l = R([1, 2]); l.z = [1]
        s = S(i); s.k = [1]
        t = T("abc"); t.w = [2]
        try:
            raise E("x")
        except E as e:
            pass
        sp = super(Q, q).__repr__
        d = D()
work()
)", &err));
    INFO(err);
    const uint64_t before = interp.heap.stats().allocated_blocks;
    REQUIRE(exec_in(ts, g.get(), "work()\nwork()\n", &err));
    CHECK(interp.heap.stats().allocated_blocks == before);
}

TEST_CASE("an instance's traverse visits its class, its __dict__ and its __slots__ values", "[classes]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<DictObject> g = main_globals(ts);
    std::string err;
    REQUIRE(exec_in(ts, g.get(), R"(
class A:
    pass
class S:
    __slots__ = ("x", "y", "z")
a = A()
a.v = 1
s = S()
s.x = 1
s.z = 2
)", &err));
    Object* a = dict_get_cstr(ts, g.get(), "a");
    Object* s = dict_get_cstr(ts, g.get(), "s");
    REQUIRE((a && s));
    SECTION("instances of classes are tracked containers") {
        CHECK(type_has_flag(type_of(a), TPFLAGS_HAVE_GC));
        CHECK(GCState::is_tracked(a));
        CHECK(GCState::is_tracked(s));
    }
    SECTION("a regular instance: the class and the dict") {
        int n = 0;
        type_of(a)->tp_traverse(a, count_visit, &n);
        CHECK(n == 2);
    }
    SECTION("a slotted instance: the class and the two filled slots") {
        int n = 0;
        type_of(s)->tp_traverse(s, count_visit, &n);
        CHECK(n == 3);
    }
    SECTION("clear empties the dict and the slots") {
        type_of(s)->tp_clear(s);
        int n = 0;
        type_of(s)->tp_traverse(s, count_visit, &n);
        CHECK(n == 1);
    }
}

TEST_CASE("getsizeof's pre-header is CPython's: a GC header, plus a managed dict", "[classes]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<DictObject> g = main_globals(ts);
    std::string err;
    REQUIRE(exec_in(ts, g.get(), R"(
class Regular:
    pass
class Slotted:
    __slots__ = ("x", "y", "z")
class IntSub(int):
    pass
size_r = Regular().__sizeof__()
size_s = Slotted().__sizeof__()
)", &err));
    auto type_named = [&](const char* n) { return static_cast<TypeObject*>(dict_get_cstr(ts, g.get(), n)); };
    // sys.getsizeof(Regular()) == 24 + 16 + 16 == 56 and
    // sys.getsizeof(Slotted()) == 40 + 16 == 56 in CPython 3.11.
    CHECK(type_preheader_size(type_named("Regular")) == 32);
    CHECK(type_preheader_size(type_named("Slotted")) == 16);
    CHECK(type_preheader_size(type_named("IntSub")) == 16);
    CHECK(type_preheader_size(ts->interp->types.object) == 0);
    int64_t r = 0, s = 0;
    REQUIRE(int_as_i64(dict_get_cstr(ts, g.get(), "size_r"), &r));
    REQUIRE(int_as_i64(dict_get_cstr(ts, g.get(), "size_s"), &s));
    CHECK(r + type_preheader_size(type_named("Regular")) == 56);
    CHECK(s + type_preheader_size(type_named("Slotted")) == 56);
}

TEST_CASE("built-in types get wrapper descriptors for their slots when readied", "[classes]") {
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    Object* add = dict_get_cstr(ts, interp.types.int_->tp_dict, "__add__");
    REQUIRE(add);
    CHECK(type_of(add) == interp.types.wrapper_descriptor);
    CHECK(wrapper_descr_wrapped(add) != nullptr);
    // list has no __hash__: readying it records that as __hash__ = None.
    CHECK(dict_get_cstr(ts, interp.types.list->tp_dict, "__hash__") == interp.None);
    CHECK(type_of(dict_get_cstr(ts, interp.types.object->tp_dict, "__new__")) == interp.types.builtin_function);
}

TEST_CASE("isinstance and issubclass ask a metaclass's __instancecheck__ and __subclasscheck__", "[classes]") {
    // object_isinstance/object_issubclass are what the builtins call
    // (CPython's PyObject_IsInstance/PyObject_IsSubclass).
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<DictObject> g = main_globals(ts);
    std::string err;
    REQUIRE(exec_in(ts, g.get(), R"(
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 5
    def __subclasscheck__(cls, sub):
        return sub is int
class Virtual(metaclass=Meta):
    pass
class Plain:
    pass
class Child(Plain):
    pass
class Proxy:
    __class__ = Plain
five = 5
)", &err));
    INFO(err);
    auto get = [&](const char* n) { return dict_get_cstr(ts, g.get(), n); };
    Interpreter& interp = *ts->interp;
    CHECK(object_isinstance(ts, get("five"), get("Virtual")) == 1);
    CHECK(object_isinstance(ts, get("Virtual"), get("Virtual")) == 0);
    CHECK(object_issubclass(ts, interp.types.int_, get("Virtual")) == 1);
    CHECK(object_issubclass(ts, interp.types.str, get("Virtual")) == 0);
    CHECK(object_issubclass(ts, get("Child"), get("Plain")) == 1);
    Ref<> proxy = object_vectorcall(ts, get("Proxy"), nullptr, 0);
    REQUIRE(proxy);
    CHECK(object_isinstance(ts, proxy.get(), get("Plain")) == 1);   // through __class__
    Ref<TupleObject> both = tuple_pack(ts, {interp.types.str, get("Virtual")});
    CHECK(object_isinstance(ts, get("five"), both.get()) == 1);
    CHECK(object_isinstance(ts, get("five"), interp.None) == -1);
    Ref<> exc = error_fetch(ts);
    Ref<> msg = object_str(ts, exc.get());
    CHECK(std::string(str_utf8(msg.get())) == "isinstance() arg 2 must be a type, a tuple of types, or a union");
}
