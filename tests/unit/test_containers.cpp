// tuple, list, dict, set and range: layout, growth, ordering, reprs, sizes
// and error messages, as CPython 3.11 has them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "glasspy.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;

namespace {

std::string text(Object* o) { return std::string(str_utf8(o)); }

std::string repr(ThreadState* ts, Object* o) {
    Ref<> r = object_repr(ts, o);
    return r ? text(r.get()) : "<error>";
}

std::string pending_error(ThreadState* ts) {
    Ref<> exc = error_fetch(ts);
    if (!exc) return "";
    Ref<> msg = object_str(ts, exc.get());
    return std::string(type_name(exc.get())) + ": " + (msg ? text(msg.get()) : "?");
}

std::string call(ThreadState* ts, Object* obj, const char* name, std::initializer_list<Object*> args = {}) {
    Ref<> r = call_method(ts, obj, name, args.begin(), isize(args.size()));
    if (!r) return pending_error(ts);
    return repr(ts, r.get());
}

// The last line of stderr: "TypeError: ...".
std::string error_of(const std::string& source) {
    std::string err = test::run(source).err;
    while (!err.empty() && err.back() == '\n') err.pop_back();
    auto nl = err.rfind('\n');
    return nl == std::string::npos ? err : err.substr(nl + 1);
}

// A tiny type whose instances record their deallocation order.
struct TrackerObject : Object {
    int id;
};
std::vector<int>* g_freed = nullptr;   // test-only bookkeeping

void tracker_dealloc(Object* op) {
    if (g_freed) g_freed->push_back(static_cast<TrackerObject*>(op)->id);
    object_free(op);
}

TypeObject* make_tracker_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_new_builtin(interp, "Tracker", sizeof(TrackerObject), 0, interp.types.object, 0);
    t->tp_dealloc = tracker_dealloc;
    REQUIRE(type_ready(ts, t));
    return t;
}

Ref<> tracker(ThreadState* ts, TypeObject* t, int id) {
    auto* o = static_cast<TrackerObject*>(object_alloc(ts, t, 0));
    o->id = id;
    return Ref<>::steal(o);
}

}  // namespace

// ------------------------------------------------------------ tuple

TEST_CASE("tuple repr, hash and comparison match CPython", "[tuple]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<> one = int_from_i64(ts, 1), two = int_from_i64(ts, 2), three = int_from_i64(ts, 3);
    Ref<TupleObject> t1 = tuple_pack(ts, {one.get()});
    Ref<TupleObject> t12 = tuple_pack(ts, {one.get(), two.get()});
    CHECK(repr(ts, t1.get()) == "(1,)");
    CHECK(repr(ts, t12.get()) == "(1, 2)");
    CHECK(repr(ts, tuple_new(ts, 0).get()) == "()");
    SECTION("the empty tuple is a singleton") {
        CHECK(tuple_new(ts, 0).get() == session.interpreter().empty_tuple);
    }
    SECTION("hash is CPython's xxHash-based tuple hash") {
        Ref<TupleObject> inner = tuple_pack(ts, {two.get(), three.get()});
        Ref<TupleObject> nested = tuple_pack(ts, {one.get(), inner.get()});
        CHECK(object_hash(ts, tuple_new(ts, 0).get()) == 5740354900026072187LL);
        CHECK(object_hash(ts, t12.get()) == -3550055125485641917LL);
        CHECK(object_hash(ts, nested.get()) == 7267574591690527098LL);
    }
    SECTION("comparison is lexicographic") {
        CHECK(object_richcompare_bool(ts, t1.get(), t12.get(), Py_LT) == 1);
        CHECK(object_richcompare_bool(ts, t12.get(), t12.get(), Py_EQ) == 1);
    }
    SECTION("slicing and errors") {
        auto r = test::run("t = (1, 2, 3, 4)\nprint(t[-1], t[1:3], t[::-2], t[5:], t.index(3), t.count(1), t * 2)\n");
        CHECK(r.out == "4 (2, 3) (4, 2) () 2 1 (1, 2, 3, 4, 1, 2, 3, 4)\n");
        CHECK(error_of("(1,)[5]") == "IndexError: tuple index out of range");
        CHECK(error_of("(1,).index(2)") == "ValueError: tuple.index(x): x not in tuple");
        CHECK(error_of("(1,) + [1]") == "TypeError: can only concatenate tuple (not \"list\") to tuple");
        CHECK(error_of("hash((1, []))") == "TypeError: unhashable type: 'list'");
    }
}

TEST_CASE("tuples and lists release their items from the last to the first", "[tuple][list]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    TypeObject* t = make_tracker_type(ts);
    Ref<TypeObject> t_owner = Ref<TypeObject>::steal(t);   // freed before the interpreter
    std::vector<int> freed;
    g_freed = &freed;
    {
        Ref<TupleObject> tup = tuple_new(ts, 3);
        for (int i = 0; i < 3; i++) tup->ob_item[i] = tracker(ts, t, i).release();
    }
    CHECK(freed == std::vector<int>{2, 1, 0});
    freed.clear();
    {
        Ref<ListObject> l = list_new(ts, 0);
        for (int i = 0; i < 3; i++) REQUIRE(list_append(ts, l.get(), tracker(ts, t, i).get()));
    }
    CHECK(freed == std::vector<int>{2, 1, 0});
    freed.clear();
    SECTION("dicts release key then value, in insertion order") {
        {
            Ref<DictObject> d = dict_new(ts);
            for (int i = 0; i < 3; i++) {
                Ref<> k = tracker(ts, t, 10 + i), v = tracker(ts, t, 20 + i);
                REQUIRE(dict_set_item(ts, d.get(), k.get(), v.get()));
            }
        }
        CHECK(freed == std::vector<int>{10, 20, 11, 21, 12, 22});
    }
    g_freed = nullptr;
}

// ------------------------------------------------------------ list

TEST_CASE("list over-allocation follows CPython 3.11's list_resize", "[list]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<ListObject> l = list_new(ts, 0);
    Ref<> x = int_from_i64(ts, 0);
    std::vector<isize> capacities;
    for (int i = 0; i < 70; i++) {
        REQUIRE(list_append(ts, l.get(), x.get()));
        if (capacities.empty() || capacities.back() != l->allocated) capacities.push_back(l->allocated);
    }
    CHECK(capacities == std::vector<isize>{4, 8, 16, 24, 32, 40, 52, 64, 76});
    SECTION("sizes reported as sys.getsizeof would (plus the 16-byte GC header)") {
        CHECK(list_sizeof(list_new(ts, 0).get()) + 16 == 56);
        auto r = test::run("print([1, 2, 3].__sizeof__(), list(range(3)).__sizeof__(), list('abcde').__sizeof__(),"
                           " ([0] * 5).__sizeof__(), 'a b'.split().__sizeof__())\n");
        CHECK(r.out == "72 72 88 80 136\n");   // 88, 88, 104, 96, 152 with the GC header
    }
}

TEST_CASE("list methods and slice assignment behave as in CPython", "[list]") {
    auto r = test::run(
        "a = [3, 1, 2]\n"
        "a.append(4); a.insert(0, 9); a.extend((7, 8))\n"
        "print(a, a.pop(), a.pop(0), a.index(2), a.count(1))\n"
        "a.sort(); print(a); a.sort(reverse=True); print(a); a.reverse(); print(a)\n"
        "b = list(range(10)); b[2:5] = ['x']; print(b)\n"
        "b[::3] = 'ABC'; print(b)\n"
        "del b[::2]; print(b)\n"
        "c = [1, 2]; c += (3,); c *= 2; print(c, c[::-1], c[-2:])\n"
        "d = [1]; d.append(d); print(d)\n"
        "w = ['bb', 'a', 'ccc', 'dd']; w.sort(key=len); print(w)\n");
    CHECK(r.out ==
          "[3, 1, 2, 4, 7] 8 9 2 1\n"   // `a` is printed after the pops
          "[1, 2, 3, 4, 7]\n[7, 4, 3, 2, 1]\n[1, 2, 3, 4, 7]\n"
          "[0, 1, 'x', 5, 6, 7, 8, 9]\n"
          "['A', 1, 'x', 'B', 6, 7, 'C', 9]\n"
          "[1, 'B', 7, 9]\n"
          "[1, 2, 3, 1, 2, 3] [3, 2, 1, 3, 2, 1] [2, 3]\n"
          "[1, [...]]\n"
          "['a', 'bb', 'dd', 'ccc']\n");
    CHECK(error_of("[].pop()") == "IndexError: pop from empty list");
    CHECK(error_of("[1].pop(5)") == "IndexError: pop index out of range");
    CHECK(error_of("[].remove(1)") == "ValueError: list.remove(x): x not in list");
    CHECK(error_of("[].index(1)") == "ValueError: 1 is not in list");
    CHECK(error_of("a = [1, 2, 3]\na[::2] = [1]") ==
          "ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
    CHECK(error_of("a = [1]\na[0:1] = 5") == "TypeError: can only assign an iterable");
    CHECK(error_of("a = [1]\na[5] = 1") == "IndexError: list assignment index out of range");
    CHECK(error_of("[1, 'a'].sort()") == "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(error_of("[].sort(1)") == "TypeError: sort() takes no positional arguments");
    CHECK(error_of("[].insert(1)") == "TypeError: insert expected 2 arguments, got 1");
    CHECK(error_of("[].append()") == "TypeError: list.append() takes exactly one argument (0 given)");
    CHECK(error_of("[1] + (1,)") == "TypeError: can only concatenate list (not \"tuple\") to list");
}

TEST_CASE("list.sort is stable", "[list]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    // 200 (key, original position) pairs with many equal keys, sorted by key only.
    Ref<ListObject> l = list_new(ts, 0);
    for (int i = 0; i < 200; i++) {
        Ref<> k = int_from_i64(ts, (i * 7919) % 13);
        Ref<> pos = int_from_i64(ts, i);
        Ref<TupleObject> pair = tuple_pack(ts, {k.get(), pos.get()});
        REQUIRE(list_append(ts, l.get(), pair.get()));
    }
    Ref<> getter = object_getattr_cstr(ts, reinterpret_cast<Object*>(ts->interp->types.tuple), "__getitem__");
    REQUIRE(list_sort(ts, l.get()));
    for (isize i = 1; i < l->ob_size; i++) {
        auto* a = as_tuple(l->ob_item[i - 1]);
        auto* b = as_tuple(l->ob_item[i]);
        CHECK(int_compare(a->ob_item[0], b->ob_item[0]) <= 0);
        if (int_compare(a->ob_item[0], b->ob_item[0]) == 0) CHECK(int_compare(a->ob_item[1], b->ob_item[1]) < 0);
    }
}

// ------------------------------------------------------------ dict

TEST_CASE("dict keeps insertion order and CPython's table sizes", "[dict]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<DictObject> d = dict_new(ts);
    CHECK(dict_sizeof(d.get()) == 48);   // the shared empty table is not counted
    Ref<> a = str_from_utf8(ts, "a");
    Ref<> one = int_from_i64(ts, 1);
    REQUIRE(dict_set_item(ts, d.get(), a.get(), one.get()));
    CHECK(dict_sizeof(d.get()) == 168);  // sys.getsizeof({'a': 1}) == 184
    REQUIRE(dict_set_item(ts, d.get(), one.get(), one.get()));
    CHECK(dict_sizeof(d.get()) == 336);  // a non-str key: general 16-slot table
    SECTION("sizes of literals, growth and copies") {
        auto r = test::run(
            "d = {}\n"
            "for i in range(6): d[i] = i\n"
            "print(d.__sizeof__(), {'a': 1, 'b': 2, 'c': 3}.__sizeof__(), dict(a=1).__sizeof__())\n"
            "for i in range(4): del d[i]\n"
            "print(d.__sizeof__(), d.copy().__sizeof__(), dict(d).__sizeof__())\n");
        CHECK(r.out == "336 168 168\n336 336 336\n");   // 2 live of 6 entries: merged into 16 slots
    }
    SECTION("lookups, deletion and order") {
        auto r = test::run(
            "d = {'b': 1, 'a': 2}\n"
            "d['c'] = 3; del d['b']; d['b'] = 4\n"
            "print(d, list(d), d.get('x'), d.get('x', 0), 'a' in d, len(d))\n"
            "print(d.pop('a'), d.setdefault('z', 9), d.popitem(), d)\n"
            "print(d.keys(), d.values(), d.items(), list(d.__reversed__()))\n"
            "e = {}; e['self'] = e; print(e)\n"
            "print(dict([(1, 2)], x=3), dict.fromkeys('ab', 0), {'a': 1} | {'b': 2}, {1: 2} == {1: 2})\n");
        CHECK(r.out ==
              "{'a': 2, 'c': 3, 'b': 4} ['a', 'c', 'b'] None 0 True 3\n"
              "2 9 ('z', 9) {'c': 3, 'b': 4}\n"
              "dict_keys(['c', 'b']) dict_values([3, 4]) dict_items([('c', 3), ('b', 4)]) ['b', 'c']\n"
              "{'self': {...}}\n"
              "{1: 2, 'x': 3} {'a': 0, 'b': 0} {'a': 1, 'b': 2} True\n");
    }
    SECTION("errors") {
        CHECK(error_of("{}['k']") == "KeyError: 'k'");
        CHECK(error_of("{}.popitem()") == "KeyError: 'popitem(): dictionary is empty'");
        CHECK(error_of("{}[[]] = 1") == "TypeError: unhashable type: 'list'");
        CHECK(error_of("dict([1])") == "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
        CHECK(error_of("dict([[1]])") == "ValueError: dictionary update sequence element #0 has length 1; 2 is required");
        CHECK(error_of("d = {1: 1}\nfor k in d: d[2] = 2") == "RuntimeError: dictionary changed size during iteration");
        CHECK(error_of("d = {1: 1}\nfor k in d:\n    del d[1]\n    d[2] = 2") ==
              "RuntimeError: dictionary keys changed during iteration");
        CHECK(error_of("{}.get()") == "TypeError: get expected at least 1 argument, got 0");
    }
}

TEST_CASE("dict views are live and set-like", "[dict]") {
    // Int keys: set iteration order of ints does not depend on the hash seed.
    auto r = test::run(
        "d = {1: 'a', 2: 'b', 3: 'c'}\n"
        "k = d.keys(); d[4] = 'd'\n"
        "print(len(k), 4 in k, (1, 'a') in d.items(), k == set([1, 2, 3, 4]), k > set([1, 2]))\n"
        "print(k - set([1, 2]), k & [2, 9], k | [9], k ^ set([1, 9]), k.isdisjoint([7]))\n");
    CHECK(r.out == "4 True True True True\n{3, 4} {2} {1, 2, 3, 4, 9} {9, 2, 3, 4} True\n");
}

// ------------------------------------------------------------ set

TEST_CASE("sets keep CPython's table order and algebra", "[containers]") {
    auto r = test::run(
        "s = set([3, 1, 2, 1])\n"
        "print(s, set(), frozenset([2, 1]), len(s), 2 in s)\n"
        "s.add(10); s.discard(1); print(s, s | set([7]), s & set([2, 3]), s - set([2]), s ^ set([3, 4]))\n"
        "print(set([1, 2]) < set([1, 2, 3]), set([1]) == frozenset([1]), set().__sizeof__(), s.pop(), s)\n"
        "print(set(range(100)).__sizeof__(), hash(frozenset()) == hash(frozenset()))\n");
    CHECK(r.out ==
          "{1, 2, 3} set() frozenset({1, 2}) 3 True\n"
          "{10, 2, 3} {3, 10, 2, 7} {2, 3} {10, 3} {2, 10, 4}\n"
          "True True 200 10 {2, 3}\n"
          "8392 True\n");
    CHECK(error_of("set().pop()") == "KeyError: 'pop from an empty set'");
    CHECK(error_of("set().remove(99)") == "KeyError: 99");
    CHECK(error_of("set([[]])") == "TypeError: unhashable type: 'list'");
}

// ------------------------------------------------------------ range

TEST_CASE("range computes its items instead of storing them", "[range]") {
    auto r = test::run(
        "r = range(1, 10, 2)\n"
        "print(r, range(5), len(r), r[1], r[-1], r[1:3], r[::-1], 5 in r, 4 in r, r.index(7), r.count(3))\n"
        "print(list(range(0, -6, -2)), list(range(4).__reversed__()), range(0, 3) == range(0, 3, 1), range(0) == range(5, 2))\n"
        "print(range(10**6)[123456], hash(range(0)) == hash(range(3, 3)), bool(range(0)), range(3).__sizeof__())\n");
    CHECK(r.out ==
          "range(1, 10, 2) range(0, 5) 5 3 9 range(3, 7, 2) range(9, -1, -2) True False 3 1\n"
          "[0, -2, -4] [3, 2, 1, 0] True True\n"
          "123456 True False 48\n");
    CHECK(error_of("range(3)[5]") == "IndexError: range object index out of range");
    CHECK(error_of("range(1, 2, 0)") == "ValueError: range() arg 3 must not be zero");
    CHECK(error_of("range(1.5)") == "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(error_of("range(3).index(7)") == "ValueError: 7 is not in range");
}

TEST_CASE("slices clip like CPython's PySlice_AdjustIndices", "[containers]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<> neg = int_from_i64(ts, -1);
    Ref<> s = slice_new(ts, nullptr, nullptr, neg.get());
    isize start, stop, step, n;
    REQUIRE(slice_indices(ts, as_slice(s.get()), 5, &start, &stop, &step, &n));
    CHECK(start == 4);
    CHECK(stop == -1);
    CHECK(step == -1);
    CHECK(n == 5);
    CHECK(repr(ts, s.get()) == "slice(None, None, -1)");
    Ref<> zero = int_from_i64(ts, 0);
    Ref<> bad = slice_new(ts, nullptr, nullptr, zero.get());
    CHECK(!slice_indices(ts, as_slice(bad.get()), 5, &start, &stop, &step, &n));
    CHECK(pending_error(ts) == "ValueError: slice step cannot be zero");
}
