// operator_module.cpp — the `operator` module: Python's operators as functions.
//
// Mirrors CPython 3.11's Lib/operator.py and Modules/_operator.c (CPython
// defines everything in Python and replaces it with the C versions; here
// there is only the C++ one). `operator.add(a, b)` is exactly `a + b`: each
// function calls the same protocol function (abstract.h) the eval loop uses
// for the operator, so subclass priority, reflected operands and error
// messages are the operator's own. Every function is also available under
// its dunder name (operator.__add__), as in CPython.
//
// itemgetter, attrgetter and methodcaller are small callable types that
// remember what to fetch or call.
#include "modules/modules.h"
#include "modules/module_support.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// --------------------------------------------------------- plain functions

#define OP_BINARY(fname, opcode)                                                                       \
    static Ref<> op_##fname(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) { \
        if (!check_no_kwargs(ts, #fname, kw) || !check_positional(ts, #fname, nargs, 2, 2)) return nullptr; \
        return number_binary_op(ts, args[0], args[1], opcode);                                        \
    }
OP_BINARY(add, NB_ADD)
OP_BINARY(and_, NB_AND)
OP_BINARY(floordiv, NB_FLOOR_DIVIDE)
OP_BINARY(lshift, NB_LSHIFT)
OP_BINARY(matmul, NB_MATRIX_MULTIPLY)
OP_BINARY(mod, NB_REMAINDER)
OP_BINARY(mul, NB_MULTIPLY)
OP_BINARY(or_, NB_OR)
OP_BINARY(rshift, NB_RSHIFT)
OP_BINARY(sub, NB_SUBTRACT)
OP_BINARY(truediv, NB_TRUE_DIVIDE)
OP_BINARY(xor, NB_XOR)
OP_BINARY(iadd, NB_INPLACE_ADD)
OP_BINARY(iand, NB_INPLACE_AND)
OP_BINARY(ifloordiv, NB_INPLACE_FLOOR_DIVIDE)
OP_BINARY(ilshift, NB_INPLACE_LSHIFT)
OP_BINARY(imatmul, NB_INPLACE_MATRIX_MULTIPLY)
OP_BINARY(imod, NB_INPLACE_REMAINDER)
OP_BINARY(imul, NB_INPLACE_MULTIPLY)
OP_BINARY(ior, NB_INPLACE_OR)
OP_BINARY(ipow, NB_INPLACE_POWER)
OP_BINARY(irshift, NB_INPLACE_RSHIFT)
OP_BINARY(isub, NB_INPLACE_SUBTRACT)
OP_BINARY(itruediv, NB_INPLACE_TRUE_DIVIDE)
OP_BINARY(ixor, NB_INPLACE_XOR)
#undef OP_BINARY

#define OP_COMPARE(fname, cmp)                                                                         \
    static Ref<> op_##fname(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) { \
        if (!check_no_kwargs(ts, #fname, kw) || !check_positional(ts, #fname, nargs, 2, 2)) return nullptr; \
        return object_richcompare(ts, args[0], args[1], cmp);                                         \
    }
OP_COMPARE(lt, Py_LT)
OP_COMPARE(le, Py_LE)
OP_COMPARE(eq, Py_EQ)
OP_COMPARE(ne, Py_NE)
OP_COMPARE(ge, Py_GE)
OP_COMPARE(gt, Py_GT)
#undef OP_COMPARE

#define OP_UNARY(fname, fn)                                                                            \
    static Ref<> op_##fname(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) { \
        if (!check_no_kwargs(ts, "_operator." #fname, kw) || !check_nargs(ts, "_operator." #fname, nargs, 1, 1)) return nullptr; \
        return fn(ts, args[0]);                                                                       \
    }
OP_UNARY(abs, number_absolute)
OP_UNARY(neg, number_negative)
OP_UNARY(pos, number_positive)
OP_UNARY(inv, number_invert)
OP_UNARY(invert, number_invert)
OP_UNARY(index, number_index)
#undef OP_UNARY

static Ref<> op_pow(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "pow", kw) || !check_positional(ts, "pow", nargs, 2, 2)) return nullptr;
    return number_power(ts, args[0], args[1], ts->interp->None);
}

static Ref<> op_truth(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_operator.truth", kw) || !check_nargs(ts, "_operator.truth", nargs, 1, 1)) return nullptr;
    int r = object_is_true(ts, args[0]);
    return r < 0 ? nullptr : bool_from(ts, r);
}

static Ref<> op_not_(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_operator.not_", kw) || !check_nargs(ts, "_operator.not_", nargs, 1, 1)) return nullptr;
    int r = object_is_true(ts, args[0]);
    return r < 0 ? nullptr : bool_from(ts, !r);
}

static Ref<> op_is_(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "is_", kw) || !check_positional(ts, "is_", nargs, 2, 2)) return nullptr;
    return bool_from(ts, args[0] == args[1]);
}

static Ref<> op_is_not(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "is_not", kw) || !check_positional(ts, "is_not", nargs, 2, 2)) return nullptr;
    return bool_from(ts, args[0] != args[1]);
}

// concat(a, b) is a + b for sequences only.
static bool check_sequence(ThreadState* ts, Object* a) {
    if (type_lookup(type_of(a), "__getitem__")) return true;
    raise(ts, ts->interp->exc.TypeError, std::string("'") + type_name(a) + "' object can't be concatenated");
    return false;
}

static Ref<> op_concat(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "concat", kw) || !check_positional(ts, "concat", nargs, 2, 2)) return nullptr;
    if (!check_sequence(ts, args[0])) return nullptr;
    return number_binary_op(ts, args[0], args[1], NB_ADD);
}

static Ref<> op_iconcat(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "iconcat", kw) || !check_positional(ts, "iconcat", nargs, 2, 2)) return nullptr;
    if (!check_sequence(ts, args[0])) return nullptr;
    return number_binary_op(ts, args[0], args[1], NB_INPLACE_ADD);
}

static Ref<> op_contains(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "contains", kw) || !check_positional(ts, "contains", nargs, 2, 2)) return nullptr;
    int r = sequence_contains(ts, args[0], args[1]);
    return r < 0 ? nullptr : bool_from(ts, r);
}

// countOf / indexOf compare with `is` first, then ==, as `in` does.
static Ref<> op_countOf(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "countOf", kw) || !check_positional(ts, "countOf", nargs, 2, 2)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    int64_t n = 0;
    while (Ref<> item = iter_next(ts, it.get())) {
        int eq = object_richcompare_bool(ts, item.get(), args[1], Py_EQ);
        if (eq < 0) return nullptr;
        n += eq;
    }
    if (error_occurred(ts)) return nullptr;
    return int_from_i64(ts, n);
}

static Ref<> op_indexOf(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "indexOf", kw) || !check_positional(ts, "indexOf", nargs, 2, 2)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    int64_t i = 0;
    while (Ref<> item = iter_next(ts, it.get())) {
        int eq = object_richcompare_bool(ts, item.get(), args[1], Py_EQ);
        if (eq < 0) return nullptr;
        if (eq) return int_from_i64(ts, i);
        i++;
    }
    if (error_occurred(ts)) return nullptr;
    return raise(ts, ts->interp->exc.ValueError, "sequence.index(x): x not in sequence");
}

static Ref<> op_getitem(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getitem", kw) || !check_positional(ts, "getitem", nargs, 2, 2)) return nullptr;
    return object_getitem(ts, args[0], args[1]);
}

static Ref<> op_setitem(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setitem", kw) || !check_positional(ts, "setitem", nargs, 3, 3)) return nullptr;
    if (object_setitem(ts, args[0], args[1], args[2]) < 0) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> op_delitem(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "delitem", kw) || !check_positional(ts, "delitem", nargs, 2, 2)) return nullptr;
    if (object_delitem(ts, args[0], args[1]) < 0) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> op_length_hint(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "length_hint", kw) || !check_positional(ts, "length_hint", nargs, 1, 2)) return nullptr;
    isize dflt = 0;
    if (nargs == 2) {
        if (!is_int(args[1]))
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("'") + type_name(args[1]) + "' object cannot be interpreted as an integer");
        if (!int_as_isize(ts, args[1], &dflt)) return nullptr;
    }
    isize n = object_length_hint(ts, args[0], dflt);
    return n < 0 ? nullptr : int_from_i64(ts, n);
}

// call(obj, /, *args, **kwargs) (new in 3.11)
static Ref<> op_call(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (nargs < 1) return raise(ts, ts->interp->exc.TypeError, "call() missing 1 required positional argument: 'obj'");
    return object_vectorcall(ts, args[0], args + 1, nargs - 1, kw);
}

// -------------------------------------------------------------- itemgetter

struct ItemGetterObject : Object {
    Object* items;   // owned tuple of the keys
};

struct AttrGetterObject : Object {
    Object* attrs;   // owned tuple; each entry a tuple of the dotted name's parts
    Object* names;   // owned tuple of the names as given (for the repr)
};

struct MethodCallerObject : Object {
    Object* name;     // owned str
    Object* args;     // owned tuple
    Object* kwargs;   // owned dict
};

static Ref<> itemgetter_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    // With fewer than two arguments CPython checks for exactly one.
    if (!check_no_kwargs(ts, "itemgetter", kw) || !check_positional(ts, "itemgetter", nargs, 1, nargs <= 1 ? 1 : nargs))
        return nullptr;
    Ref<TupleObject> items = tuple_from_array(ts, args, nargs);
    if (!items) return nullptr;
    auto* o = static_cast<ItemGetterObject*>(object_alloc(ts, type, 0));
    if (!o) return nullptr;
    o->items = items.release();
    ts->interp->gc.track(o);
    return Ref<>::steal(o);
}

static Ref<> itemgetter_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "itemgetter", kw) || !check_positional(ts, "itemgetter", nargs, 1, 1)) return nullptr;
    auto* items = as_tuple(static_cast<ItemGetterObject*>(self)->items);
    if (items->ob_size == 1) return object_getitem(ts, args[0], items->ob_item[0]);
    Ref<TupleObject> r = tuple_new(ts, items->ob_size);
    if (!r) return nullptr;
    for (isize i = 0; i < items->ob_size; i++) {
        Ref<> v = object_getitem(ts, args[0], items->ob_item[i]);
        if (!v) return nullptr;
        r->ob_item[i] = v.release();
    }
    return r;
}

// "operator.itemgetter(1, 2)": the type name and the reprs of the arguments.
static Ref<> args_repr(ThreadState* ts, Object* self, TupleObject* args, DictObject* kwargs) {
    ReprGuard guard(ts, self);
    std::string name = type_module_name(ts, type_of(self)) + "." + type_qualname(type_of(self));
    if (guard.recursive()) return str_from_utf8(ts, name + "(...)");
    std::string text = name + "(";
    for (isize i = 0; i < args->ob_size; i++) {
        Ref<> r = object_repr(ts, args->ob_item[i]);
        if (!r) return nullptr;
        text += (i ? ", " : "") + std::string(str_utf8(r.get()));
    }
    isize pos = 0;
    Object *k, *v;
    bool first = args->ob_size == 0;
    while (kwargs && dict_next(kwargs, &pos, &k, &v)) {
        Ref<> r = object_repr(ts, v);
        if (!r) return nullptr;
        text += (first ? "" : ", ") + std::string(str_utf8(k)) + "=" + std::string(str_utf8(r.get()));
        first = false;
    }
    return str_from_utf8(ts, text + ")");
}

static Ref<> itemgetter_repr(ThreadState* ts, Object* self) {
    return args_repr(ts, self, as_tuple(static_cast<ItemGetterObject*>(self)->items), nullptr);
}

// -------------------------------------------------------------- attrgetter

static Ref<> attrgetter_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    // With fewer than two arguments CPython checks for exactly one.
    if (!check_no_kwargs(ts, "attrgetter", kw) || !check_positional(ts, "attrgetter", nargs, 1, nargs <= 1 ? 1 : nargs))
        return nullptr;
    Ref<TupleObject> attrs = tuple_new(ts, nargs);
    Ref<TupleObject> names = tuple_from_array(ts, args, nargs);
    if (!attrs || !names) return nullptr;
    for (isize i = 0; i < nargs; i++) {
        if (!is_str(args[i])) return raise(ts, ts->interp->exc.TypeError, "attribute name must be a string");
        // "a.b.c" -> ('a', 'b', 'c'), each part interned as attribute names are.
        std::string_view full = str_utf8(args[i]);
        Ref<ListObject> parts = list_new(ts, 0);
        if (!parts) return nullptr;
        std::size_t start = 0;
        for (;;) {
            std::size_t dot = full.find('.', start);
            Ref<> part = str_from_utf8(ts, full.substr(start, dot == std::string_view::npos ? dot : dot - start));
            if (!part) return nullptr;
            part = str_intern(ts, std::move(part));
            if (!part || !list_append(ts, parts.get(), part.get())) return nullptr;
            if (dot == std::string_view::npos) break;
            start = dot + 1;
        }
        Ref<TupleObject> t = list_as_tuple(ts, parts.get());
        if (!t) return nullptr;
        attrs->ob_item[i] = t.release();
    }
    auto* o = static_cast<AttrGetterObject*>(object_alloc(ts, type, 0));
    if (!o) return nullptr;
    o->attrs = attrs.release();
    o->names = names.release();
    ts->interp->gc.track(o);
    return Ref<>::steal(o);
}

static Ref<> dotted_getattr(ThreadState* ts, Object* obj, TupleObject* parts) {
    Ref<> cur = newref(obj);
    for (isize i = 0; cur && i < parts->ob_size; i++) cur = object_getattr(ts, cur.get(), parts->ob_item[i]);
    return cur;
}

static Ref<> attrgetter_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "attrgetter", kw) || !check_positional(ts, "attrgetter", nargs, 1, 1)) return nullptr;
    auto* attrs = as_tuple(static_cast<AttrGetterObject*>(self)->attrs);
    if (attrs->ob_size == 1) return dotted_getattr(ts, args[0], as_tuple(attrs->ob_item[0]));
    Ref<TupleObject> r = tuple_new(ts, attrs->ob_size);
    if (!r) return nullptr;
    for (isize i = 0; i < attrs->ob_size; i++) {
        Ref<> v = dotted_getattr(ts, args[0], as_tuple(attrs->ob_item[i]));
        if (!v) return nullptr;
        r->ob_item[i] = v.release();
    }
    return r;
}

static Ref<> attrgetter_repr(ThreadState* ts, Object* self) {
    return args_repr(ts, self, as_tuple(static_cast<AttrGetterObject*>(self)->names), nullptr);
}

// ------------------------------------------------------------ methodcaller

static Ref<> methodcaller_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (nargs < 1) return raise(ts, interp.exc.TypeError, "methodcaller needs at least one argument, the method name");
    if (!is_str(args[0])) return raise(ts, interp.exc.TypeError, "method name must be a string");
    Ref<> name = str_intern(ts, newref(args[0]));
    Ref<TupleObject> rest = name ? tuple_from_array(ts, args + 1, nargs - 1) : nullptr;
    Ref<DictObject> kwargs = rest ? dict_new(ts) : nullptr;
    if (!kwargs) return nullptr;
    for (isize k = 0; kw && k < kw->ob_size; k++)
        if (!dict_set_item(ts, kwargs.get(), kw->ob_item[k], args[nargs + k])) return nullptr;
    auto* o = static_cast<MethodCallerObject*>(object_alloc(ts, type, 0));
    if (!o) return nullptr;
    o->name = name.release();
    o->args = rest.release();
    o->kwargs = kwargs.release();
    interp.gc.track(o);
    return Ref<>::steal(o);
}

static Ref<> methodcaller_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "methodcaller", kw) || !check_positional(ts, "methodcaller", nargs, 1, 1)) return nullptr;
    auto* o = static_cast<MethodCallerObject*>(self);
    Ref<> method = object_getattr(ts, args[0], o->name);
    if (!method) return nullptr;
    auto* rest = as_tuple(o->args);
    return call_with_kwdict(ts, method.get(), rest->ob_item, rest->ob_size, as_dict(o->kwargs));
}

static Ref<> methodcaller_repr(ThreadState* ts, Object* self) {
    auto* o = static_cast<MethodCallerObject*>(self);
    auto* rest = as_tuple(o->args);
    Ref<TupleObject> all = tuple_new(ts, rest->ob_size + 1);
    if (!all) return nullptr;
    all->ob_item[0] = newref(o->name).release();
    for (isize i = 0; i < rest->ob_size; i++) all->ob_item[i + 1] = newref(rest->ob_item[i]).release();
    return args_repr(ts, self, all.get(), as_dict(o->kwargs));
}

// ------------------------------------------------------------------ table

#define OP(name, doc) {#name, op_##name, 0, doc}, {"__" #name "__", op_##name, 0, doc}
#define OP_(name, dunder, doc) {#name, op_##name, 0, doc}, {"__" #dunder "__", op_##name, 0, doc}

static const MethodDef operator_methods[] = {
    OP(lt, "Same as a < b."), OP(le, "Same as a <= b."), OP(eq, "Same as a == b."), OP(ne, "Same as a != b."),
    OP(ge, "Same as a >= b."), OP(gt, "Same as a > b."), OP_(not_, not, "Same as not a."),
    {"truth", op_truth, 0, "Return True if a is true, False otherwise."},
    {"is_", op_is_, 0, "Same as a is b."}, {"is_not", op_is_not, 0, "Same as a is not b."},
    OP(abs, "Same as abs(a)."), OP(add, "Same as a + b."), OP_(and_, and, "Same as a & b."),
    OP(floordiv, "Same as a // b."), OP(index, "Same as a.__index__()"), OP(inv, "Same as ~a."),
    OP(invert, "Same as ~a."), OP(lshift, "Same as a << b."), OP(mod, "Same as a % b."), OP(mul, "Same as a * b."),
    OP(matmul, "Same as a @ b."), OP(neg, "Same as -a."), OP_(or_, or, "Same as a | b."), OP(pos, "Same as +a."),
    OP(pow, "Same as a ** b."), OP(rshift, "Same as a >> b."), OP(sub, "Same as a - b."),
    OP(truediv, "Same as a / b."), OP(xor, "Same as a ^ b."),
    OP(concat, "Same as a + b, for a and b sequences."),
    OP(contains, "Same as b in a (note reversed operands)."),
    {"countOf", op_countOf, 0, "Return the number of items in a which are, or which equal, b."},
    OP(delitem, "Same as del a[b]."), OP(getitem, "Same as a[b]."),
    {"indexOf", op_indexOf, 0, "Return the first index of b in a."}, OP(setitem, "Same as a[b] = c."),
    {"length_hint", op_length_hint, 0,
     "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable."},
    OP(call, "Same as obj(*args, **kwargs)."),
    OP(iadd, "Same as a += b."), OP(iand, "Same as a &= b."), OP(iconcat, "Same as a += b, for a and b sequences."),
    OP(ifloordiv, "Same as a //= b."), OP(ilshift, "Same as a <<= b."), OP(imod, "Same as a %= b."),
    OP(imul, "Same as a *= b."), OP(imatmul, "Same as a @= b."), OP(ior, "Same as a |= b."),
    OP(ipow, "Same as a **= b."), OP(irshift, "Same as a >>= b."), OP(isub, "Same as a -= b."),
    OP(itruediv, "Same as a /= b."), OP(ixor, "Same as a ^= b."),
    {nullptr, nullptr, 0, nullptr},
};
#undef OP
#undef OP_

struct CallableSpec {
    const char* name;
    isize size;
    newfunc tp_new;
    vectorcallfunc call;
    reprfunc repr;
    destructor dealloc;
    traverseproc traverse;
    const char* doc;
};

static const CallableSpec kCallables[] = {
    {"itemgetter", sizeof(ItemGetterObject), itemgetter_new, itemgetter_call, itemgetter_repr,
     fields_dealloc<ItemGetterObject, &ItemGetterObject::items>,
     fields_traverse<ItemGetterObject, &ItemGetterObject::items>,
     "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand."},
    {"attrgetter", sizeof(AttrGetterObject), attrgetter_new, attrgetter_call, attrgetter_repr,
     fields_dealloc<AttrGetterObject, &AttrGetterObject::attrs, &AttrGetterObject::names>,
     fields_traverse<AttrGetterObject, &AttrGetterObject::attrs, &AttrGetterObject::names>,
     "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand."},
    {"methodcaller", sizeof(MethodCallerObject), methodcaller_new, methodcaller_call, methodcaller_repr,
     fields_dealloc<MethodCallerObject, &MethodCallerObject::name, &MethodCallerObject::args, &MethodCallerObject::kwargs>,
     fields_traverse<MethodCallerObject, &MethodCallerObject::name, &MethodCallerObject::args, &MethodCallerObject::kwargs>,
     "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand."},
};

Ref<ModuleObject> make_operator_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "operator");
    if (!m || !module_add_functions(ts, m.get(), operator_methods)) return nullptr;
    for (const CallableSpec& s : kCallables) {
        std::string qualified = std::string("operator.") + s.name;
        TypeObject* t = type_new_builtin(interp, qualified.c_str(), s.size, 0, interp.types.object, TPFLAGS_HAVE_GC);
        if (!t) return raise_no_memory(ts);
        Ref<TypeObject> type = Ref<TypeObject>::steal(t);
        t->tp_new = s.tp_new;
        t->tp_call = s.call;
        t->tp_repr = s.repr;
        t->tp_dealloc = s.dealloc;
        t->tp_traverse = s.traverse;
        t->tp_doc = s.doc;
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        t->tp_dict = d.release();
        if (!type_ready(ts, t) || !module_add_object(ts, m.get(), s.name, t)) return nullptr;
    }
    return m;
}

}  // namespace gp
