// abstract.cpp — the generic object protocols.
//
// Mirrors CPython 3.11's Objects/abstract.c and the protocol parts of
// Objects/object.c. The rules that learners meet in error messages live here:
// binary operators try the left operand's slot, then the right's (the right
// first when its type is a subclass of the left's), and only when both say
// NotImplemented does `unsupported operand type(s)` appear.
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"

#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// A guard for C++ recursion through repr/compare/hash of nested containers
// and calls (CPython's Py_EnterRecursiveCall). As in CPython 3.11 it counts
// on the same counter as Python frames (ts->recursion_depth), so a
// recursion that alternates between C++ and Python code stops at
// sys.getrecursionlimit() levels in all, and whichever level crosses the
// limit names itself in the message. Running out of machine stack first
// (cstack.cpp) raises the same error.
struct CRecursionGuard {
    ThreadState* ts;
    bool ok;
    CRecursionGuard(ThreadState* t, const char* where) : ts(t) {
        // While the RecursionError itself is being built (which calls
        // functions too), 50 more levels are allowed: CPython's headroom.
        int limit = ts->interp->recursion_limit + (ts->recursion_headroom ? 50 : 0);
        ok = ++ts->recursion_depth <= limit && !c_stack_exhausted(ts);
#ifdef __EMSCRIPTEN__
        if (engine_budget_exceeded(ts, 1)) ok = false;
        ts->engine_levels++;
#endif
        if (!ok) {
            ts->recursion_headroom++;
            raise(ts, ts->interp->exc.RecursionError, std::string("maximum recursion depth exceeded") + where);
            ts->recursion_headroom--;
        }
    }
    ~CRecursionGuard() {
        --ts->recursion_depth;
#ifdef __EMSCRIPTEN__
        --ts->engine_levels;
#endif
    }
};

Ref<> object_repr(ThreadState* ts, Object* o) {
    TypeObject* t = type_of(o);
    if (!t->tp_repr) return raise(ts, ts->interp->exc.TypeError, "object has no repr");
    CRecursionGuard guard(ts, " while getting the repr of an object");
    if (!guard.ok) return nullptr;
    Ref<> r = t->tp_repr(ts, o);
    if (r && !is_str(r.get()))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__repr__ returned non-string (type ") + type_name(r.get()) + ")");
    return r;
}

Ref<> object_str(ThreadState* ts, Object* o) {
    if (type_of(o) == ts->interp->types.str) return newref(o);
    TypeObject* t = type_of(o);
    reprfunc f = t->tp_str ? t->tp_str : t->tp_repr;
    CRecursionGuard guard(ts, " while getting the str of an object");
    if (!guard.ok) return nullptr;
    Ref<> r = f(ts, o);
    if (r && !is_str(r.get()))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__str__ returned non-string (type ") + type_name(r.get()) + ")");
    return r;
}

Ref<> object_ascii(ThreadState* ts, Object* o) {
    Ref<> r = object_repr(ts, o);
    if (!r || as_str(r.get())->ascii) return r;
    std::u32string text;
    str_append_to(as_str(r.get()), text);
    std::u32string out;
    char buf[16];
    for (char32_t c : text) {
        if (c < 128) { out.push_back(c); continue; }
        if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
        else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
        for (char* p = buf; *p; p++) out.push_back(char32_t(*p));
    }
    return str_from_u32(ts, out);
}

int64_t object_hash(ThreadState* ts, Object* o) {
    TypeObject* t = type_of(o);
    if (!t->tp_hash) {
        raise(ts, ts->interp->exc.TypeError, std::string("unhashable type: '") + t->tp_name + "'");
        return -1;
    }
    return t->tp_hash(ts, o);
}

int object_is_true(ThreadState* ts, Object* o) {
    Interpreter& interp = *ts->interp;
    if (o == interp.True) return 1;
    if (o == interp.False || o == interp.None) return 0;
    TypeObject* t = type_of(o);
    if (t->tp_as_number && t->tp_as_number->nb_bool) return t->tp_as_number->nb_bool(ts, o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) {
        isize n = t->tp_as_mapping->mp_length(ts, o);
        return n < 0 ? -1 : n > 0;
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) {
        isize n = t->tp_as_sequence->sq_length(ts, o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

isize object_length(ThreadState* ts, Object* o) {
    TypeObject* t = type_of(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) return t->tp_as_sequence->sq_length(ts, o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) return t->tp_as_mapping->mp_length(ts, o);
    raise(ts, ts->interp->exc.TypeError, std::string("object of type '") + t->tp_name + "' has no len()");
    return -1;
}

// ------------------------------------------------------------ comparisons

static const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CompareOp kSwapped[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

Ref<> object_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    // Comparing two ints, two floats, or two strs for (in)equality cannot
    // recurse, and CPython 3.11's specialized COMPARE_OP does it without
    // counting a level; so the recursion limit is met where CPython meets it.
    if (ta == tb && (ta == interp.types.int_ || ta == interp.types.float_ ||
                     (ta == interp.types.str && (op == Py_EQ || op == Py_NE))))
        return ta->tp_richcompare(ts, a, b, op);
    CRecursionGuard guard(ts, " in comparison");
    if (!guard.ok) return nullptr;
    bool checked_reverse = false;
    if (ta != tb && type_is_subtype(tb, ta) && tb->tp_richcompare) {
        checked_reverse = true;
        Ref<> r = tb->tp_richcompare(ts, b, a, kSwapped[op]);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    if (ta->tp_richcompare) {
        Ref<> r = ta->tp_richcompare(ts, a, b, op);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    if (!checked_reverse && tb->tp_richcompare) {
        Ref<> r = tb->tp_richcompare(ts, b, a, kSwapped[op]);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    // Neither side knows: == and != fall back to identity.
    if (op == Py_EQ) return bool_from(ts, a == b);
    if (op == Py_NE) return bool_from(ts, a != b);
    return raise(ts, interp.exc.TypeError,
                 std::string("'") + kCompareSymbols[op] + "' not supported between instances of '" +
                     ta->tp_name + "' and '" + tb->tp_name + "'");
}

int object_richcompare_bool(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (a == b) {
        if (op == Py_EQ) return 1;
        if (op == Py_NE) return 0;
    }
    Ref<> r = object_richcompare(ts, a, b, op);
    if (!r) return -1;
    return object_is_true(ts, r.get());
}

// ------------------------------------------------------------ attributes

Object** object_dict_ptr(Object* o) {
    // Variable-sized instances (subclasses of int, str, tuple) keep their
    // dict after the items; typeobject_instances.cpp knows the layouts.
    return instance_dict_ptr(o);
}

static std::nullptr_t no_attribute(ThreadState* ts, Object* o, Object* name) {
    return raise(ts, ts->interp->exc.AttributeError,
                 std::string("'") + type_name(o) + "' object has no attribute '" +
                     std::string(str_utf8(name)) + "'");
}

Ref<> generic_getattr(ThreadState* ts, Object* o, Object* name) {
    TypeObject* t = type_of(o);
    Object* descr = type_lookup(t, name);
    Ref<> keep = Ref<>::borrow(descr);   // the lookup result must survive __get__
    descrgetfunc get = descr ? type_of(descr)->tp_descr_get : nullptr;
    if (get && type_of(descr)->tp_descr_set) return get(ts, descr, o, t);   // data descriptor
    if (Object** dictptr = object_dict_ptr(o); dictptr && *dictptr) {
        if (Object* v = dict_get_item(ts, as_dict(*dictptr), name)) return newref(v);
        if (error_occurred(ts)) return nullptr;
    }
    if (get) return get(ts, descr, o, t);
    if (descr) return newref(descr);
    return no_attribute(ts, o, name);
}

int generic_setattr(ThreadState* ts, Object* o, Object* name, Object* value) {
    TypeObject* t = type_of(o);
    Object* descr = type_lookup(t, name);
    if (descr && type_of(descr)->tp_descr_set) return type_of(descr)->tp_descr_set(ts, descr, o, value);
    Object** dictptr = object_dict_ptr(o);
    if (!dictptr) {
        if (descr)
            raise(ts, ts->interp->exc.AttributeError,
                  std::string("'") + t->tp_name + "' object attribute '" + std::string(str_utf8(name)) +
                      "' is read-only");
        else
            raise(ts, ts->interp->exc.AttributeError,
                  std::string("'") + t->tp_name + "' object has no attribute '" +
                      std::string(str_utf8(name)) + "'");
        return -1;
    }
    if (!*dictptr) {
        if (!value) { no_attribute(ts, o, name); return -1; }
        // A class with shared keys gets a split dict (_PyObjectDict_SetItem).
        Ref<DictObject> d = t->ht_cached_keys && type_has_flag(t, TPFLAGS_MANAGED_DICT)
                                ? dict_new_split(ts, t->ht_cached_keys)
                                : dict_new(ts);
        if (!d) return -1;
        *dictptr = d.release();
        // CPython 3.11 keeps these attributes in a values array, which is
        // no container: the dict made here does not count towards the
        // collector's gen-0 threshold (typeobject_instances.cpp gives the
        // count back when it dies unseen, and counts it when it shows).
        if (type_has_flag(t, TPFLAGS_MANAGED_DICT)) {
            auto& g0 = ts->interp->gc.generations[0];
            if (g0.count > 0) g0.count--;
        }
    }
    if (value) return dict_set_item(ts, as_dict(*dictptr), name, value) ? 0 : -1;
    if (!dict_del_item(ts, as_dict(*dictptr), name)) {
        if (error_matches(ts, ts->interp->exc.KeyError)) {
            error_clear(ts);
            no_attribute(ts, o, name);
        }
        return -1;
    }
    return 0;
}

// set_attribute_error_context: an AttributeError escaping getattr learns
// the name and object it was about (AttributeError.name/.obj), from which
// the traceback printer offers "Did you mean: ...?".
static void set_attribute_error_context(ThreadState* ts, Object* o, Object* name) {
    Object* exc = ts->curexc;
    if (!exc || !type_is_subtype(type_of(exc), ts->interp->exc.AttributeError)) return;
    auto* e = static_cast<AttributeErrorObject*>(exc);
    if (e->name || e->obj) return;   // already augmented
    e->name = newref(name).release();
    e->obj = newref(o).release();
}

Ref<> object_getattr(ThreadState* ts, Object* o, Object* name) {
    if (!is_str(name))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("attribute name must be string, not '") + type_name(name) + "'");
    TypeObject* t = type_of(o);
    Ref<> r = t->tp_getattro ? t->tp_getattro(ts, o, name) : no_attribute(ts, o, name);
    if (!r) set_attribute_error_context(ts, o, name);
    return r;
}

Ref<> object_getattr_cstr(ThreadState* ts, Object* o, const char* name) {
    return object_getattr(ts, o, ts->interp->intern(name));
}

int object_setattr(ThreadState* ts, Object* o, Object* name, Object* value) {
    if (!is_str(name)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("attribute name must be string, not '") + type_name(name) + "'");
        return -1;
    }
    // PyObject_SetAttr interns the name: attribute names stored in a
    // __dict__ are the interned strings.
    Ref<> interned = str_intern(ts, newref(name));
    name = interned.get();
    TypeObject* t = type_of(o);
    if (!t->tp_setattro) {
        raise(ts, ts->interp->exc.AttributeError,
              std::string("'") + t->tp_name + "' object has no attribute '" + std::string(str_utf8(name)) + "'");
        return -1;
    }
    return t->tp_setattro(ts, o, name, value);
}

// ------------------------------------------------------------ items

Ref<> object_getitem(ThreadState* ts, Object* o, Object* key) {
    TypeObject* t = type_of(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript) return t->tp_as_mapping->mp_subscript(ts, o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        isize i;
        if (!is_int(key) && !type_of(key)->tp_as_number)
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("sequence index must be integer, not '") + type_name(key) + "'");
        if (!index_as_isize(ts, key, &i)) return nullptr;
        if (i < 0) {
            isize n = t->tp_as_sequence->sq_length ? t->tp_as_sequence->sq_length(ts, o) : 0;
            if (n < 0) return nullptr;
            i += n;
        }
        return t->tp_as_sequence->sq_item(ts, o, i);
    }
    if (type_has_flag(t, TPFLAGS_TYPE_SUBCLASS)) {
        // type[int] is a GenericAlias, as CPython special-cases it.
        if (o == ts->interp->types.type) return generic_alias_new(ts, o, key);
        // Class[...]: __class_getitem__ (PEP 560), else not subscriptable.
        if (Object* cgi = type_lookup(static_cast<TypeObject*>(o), "__class_getitem__")) {
            Ref<> bound;
            if (descrgetfunc get = type_of(cgi)->tp_descr_get) bound = get(ts, cgi, nullptr, o);
            else bound = newref(cgi);
            if (!bound) return nullptr;
            return object_call_one(ts, bound.get(), key);
        }
        return raise(ts, ts->interp->exc.TypeError,
                     "type '" + static_cast<TypeObject*>(o)->tp_name + "' is not subscriptable");
    }
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("'") + t->tp_name + "' object is not subscriptable");
}

int object_setitem(ThreadState* ts, Object* o, Object* key, Object* value) {
    TypeObject* t = type_of(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(ts, o, key, value);
    raise(ts, ts->interp->exc.TypeError,
          std::string("'") + t->tp_name + "' object does not support item assignment");
    return -1;
}

int object_delitem(ThreadState* ts, Object* o, Object* key) {
    TypeObject* t = type_of(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(ts, o, key, nullptr);
    // CPython words it differently when the deletion went the sequence way
    // (PySequence_DelItem, for an index) than when it did not (PyObject_DelItem).
    TypeObject* kt = type_of(key);
    bool by_index = t->tp_as_sequence && kt->tp_as_number && kt->tp_as_number->nb_index;
    raise(ts, ts->interp->exc.TypeError, std::string("'") + t->tp_name + "' object " +
                                             (by_index ? "doesn't" : "does not") + " support item deletion");
    return -1;
}

int sequence_contains(ThreadState* ts, Object* container, Object* item) {
    TypeObject* t = type_of(container);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_contains)
        return t->tp_as_sequence->sq_contains(ts, container, item);
    Ref<> it = object_get_iter(ts, container);
    if (!it) {
        if (error_matches(ts, ts->interp->exc.TypeError)) {
            error_clear(ts);
            raise(ts, ts->interp->exc.TypeError,
                  std::string("argument of type '") + t->tp_name + "' is not iterable");
        }
        return -1;
    }
    while (Ref<> x = iter_next(ts, it.get())) {
        int eq = object_richcompare_bool(ts, x.get(), item, Py_EQ);
        if (eq != 0) return eq;
    }
    return error_occurred(ts) ? -1 : 0;
}

// ------------------------------------------------------------ calls

bool is_callable(Object* o) { return type_of(o)->tp_call != nullptr; }

Ref<> object_vectorcall(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                        TupleObject* kwnames) {
    vectorcallfunc call = type_of(callable)->tp_call;
    if (!call)
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("'") + type_name(callable) + "' object is not callable");
    // Python functions and bound methods are not counted here: the
    // function counts when its frame is pushed, as CPython's vectorcall
    // does; nor are built-in classes (str(x), list(x)), which 3.11 calls
    // through vectorcall too. Everything else — C++ functions, classes
    // defined in Python, objects with __call__ — counts one level (call.c:
    // _PyObject_MakeTpCall; methodobject.c: cfunction_vectorcall_O).
    const BuiltinTypes& types = ts->interp->types;
    TypeObject* t = type_of(callable);
    if (t == types.function || t == types.method ||
        (t == types.type && !type_has_flag(static_cast<TypeObject*>(callable), TPFLAGS_HEAPTYPE)))
        return call(ts, callable, args, nargs, kwnames);
    CRecursionGuard guard(ts, " while calling a Python object");
    if (!guard.ok) return nullptr;
    return call(ts, callable, args, nargs, kwnames);
}

Ref<> object_call_noargs(ThreadState* ts, Object* callable) {
    return object_vectorcall(ts, callable, nullptr, 0);
}

Ref<> object_call_one(ThreadState* ts, Object* callable, Object* arg) {
    return object_vectorcall(ts, callable, &arg, 1);
}

Ref<> call_method(ThreadState* ts, Object* o, const char* name, Object* const* args, isize nargs) {
    Object* fn = type_lookup(type_of(o), name);
    if (!fn)
        return raise(ts, ts->interp->exc.AttributeError,
                     std::string("'") + type_name(o) + "' object has no attribute '" + name + "'");
    Object* buf[8];
    if (nargs + 1 > 8) return raise(ts, ts->interp->exc.SystemError, "call_method: too many arguments");
    buf[0] = o;
    for (isize i = 0; i < nargs; i++) buf[i + 1] = args[i];
    return object_vectorcall(ts, fn, buf, nargs + 1);
}

// ------------------------------------------------------------ iteration

Ref<> object_get_iter(ThreadState* ts, Object* o) {
    TypeObject* t = type_of(o);
    if (t->tp_iter) {
        Ref<> it = t->tp_iter(ts, o);
        if (it && !type_of(it.get())->tp_iternext)
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("iter() returned non-iterator of type '") + type_name(it.get()) + "'");
        return it;
    }
    return raise(ts, ts->interp->exc.TypeError, std::string("'") + t->tp_name + "' object is not iterable");
}

Ref<> iter_next(ThreadState* ts, Object* it) {
    iternextfunc next = type_of(it)->tp_iternext;
    if (!next)
        return raise(ts, ts->interp->exc.TypeError, std::string("'") + type_name(it) + "' object is not an iterator");
    Ref<> r = next(ts, it);
    if (!r && error_matches(ts, ts->interp->exc.StopIteration)) error_clear(ts);
    return r;
}

// ------------------------------------------------------------ numbers

static const char* const kBinarySymbols[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

const char* binary_op_symbol(int op) { return (op >= 0 && op <= NB_INPLACE_XOR) ? kBinarySymbols[op] : "?"; }

static binaryfunc binary_slot(NumberMethods* nb, int op) {
    if (!nb) return nullptr;
    switch (op) {
    case NB_ADD: return nb->nb_add;
    case NB_AND: return nb->nb_and;
    case NB_FLOOR_DIVIDE: return nb->nb_floor_divide;
    case NB_LSHIFT: return nb->nb_lshift;
    case NB_MATRIX_MULTIPLY: return nb->nb_matrix_multiply;
    case NB_MULTIPLY: return nb->nb_multiply;
    case NB_REMAINDER: return nb->nb_remainder;
    case NB_OR: return nb->nb_or;
    case NB_RSHIFT: return nb->nb_rshift;
    case NB_SUBTRACT: return nb->nb_subtract;
    case NB_TRUE_DIVIDE: return nb->nb_true_divide;
    case NB_XOR: return nb->nb_xor;
    case NB_INPLACE_ADD: return nb->nb_inplace_add;
    case NB_INPLACE_AND: return nb->nb_inplace_and;
    case NB_INPLACE_FLOOR_DIVIDE: return nb->nb_inplace_floor_divide;
    case NB_INPLACE_LSHIFT: return nb->nb_inplace_lshift;
    case NB_INPLACE_MATRIX_MULTIPLY: return nb->nb_inplace_matrix_multiply;
    case NB_INPLACE_MULTIPLY: return nb->nb_inplace_multiply;
    case NB_INPLACE_REMAINDER: return nb->nb_inplace_remainder;
    case NB_INPLACE_OR: return nb->nb_inplace_or;
    case NB_INPLACE_RSHIFT: return nb->nb_inplace_rshift;
    case NB_INPLACE_SUBTRACT: return nb->nb_inplace_subtract;
    case NB_INPLACE_TRUE_DIVIDE: return nb->nb_inplace_true_divide;
    case NB_INPLACE_XOR: return nb->nb_inplace_xor;
    default: return nullptr;
    }
}

// binary_op1: left slot, right slot, subclass of the right first.
static Ref<> binary_op1(ThreadState* ts, Object* a, Object* b, int op) {
    Interpreter& interp = *ts->interp;
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    binaryfunc fa = binary_slot(ta->tp_as_number, op);
    binaryfunc fb = ta == tb ? nullptr : binary_slot(tb->tp_as_number, op);
    if (fb == fa) fb = nullptr;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Ref<> r = fb(ts, a, b);
            if (!r || r.get() != interp.NotImplemented) return r;
            fb = nullptr;
        }
        Ref<> r = fa(ts, a, b);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    if (fb) {
        Ref<> r = fb(ts, a, b);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    return newref(interp.NotImplemented);
}

static std::nullptr_t binop_type_error(ThreadState* ts, Object* a, Object* b, int op) {
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("unsupported operand type(s) for ") + binary_op_symbol(op) + ": '" +
                     type_name(a) + "' and '" + type_name(b) + "'");
}

Ref<> number_binary_op(ThreadState* ts, Object* a, Object* b, int op) {
    Interpreter& interp = *ts->interp;
    if (op == NB_POWER) return number_power(ts, a, b, interp.None);
    if (op == NB_INPLACE_POWER) {
        TypeObject* ta = type_of(a);
        if (ta->tp_as_number && ta->tp_as_number->nb_inplace_power) {
            Ref<> r = ta->tp_as_number->nb_inplace_power(ts, a, b, interp.None);
            if (!r || r.get() != interp.NotImplemented) return r;
        }
        Ref<> r = number_power(ts, a, b, interp.None);
        if (!r && error_matches(ts, interp.exc.TypeError)) {
            error_clear(ts);
            return binop_type_error(ts, a, b, op);
        }
        return r;
    }
    const bool inplace = op >= NB_INPLACE_ADD;
    if (inplace) {
        // x += y: try the in-place slot of x, then the plain operator.
        if (binaryfunc f = binary_slot(type_of(a)->tp_as_number, op)) {
            Ref<> r = f(ts, a, b);
            if (!r || r.get() != interp.NotImplemented) return r;
        }
    }
    const int plain = inplace ? op - NB_INPLACE_ADD : op;
    Ref<> r = binary_op1(ts, a, b, plain);
    if (!r || r.get() != interp.NotImplemented) return r;
    // Sequence concatenation and repetition.
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    if (plain == NB_ADD) {
        if (inplace && ta->tp_as_sequence && ta->tp_as_sequence->sq_inplace_concat)
            return ta->tp_as_sequence->sq_inplace_concat(ts, a, b);
        if (ta->tp_as_sequence && ta->tp_as_sequence->sq_concat) return ta->tp_as_sequence->sq_concat(ts, a, b);
    }
    if (plain == NB_MULTIPLY) {
        Object* seq = nullptr;
        Object* count = nullptr;
        if (ta->tp_as_sequence && ta->tp_as_sequence->sq_repeat) { seq = a; count = b; }
        else if (tb->tp_as_sequence && tb->tp_as_sequence->sq_repeat) { seq = b; count = a; }
        if (seq) {
            if (!type_of(count)->tp_as_number || !type_of(count)->tp_as_number->nb_index)
                return raise(ts, interp.exc.TypeError,
                             std::string("can't multiply sequence by non-int of type '") + type_name(count) + "'");
            isize n;
            if (!index_as_isize(ts, count, &n)) return nullptr;
            SequenceMethods* sq = type_of(seq)->tp_as_sequence;
            if (inplace && seq == a && sq->sq_inplace_repeat) return sq->sq_inplace_repeat(ts, seq, n);
            return sq->sq_repeat(ts, seq, n);
        }
    }
    if (plain == NB_ADD && ta->tp_as_sequence && ta->tp_as_sequence->sq_concat == nullptr && is_str(a))
        return binop_type_error(ts, a, b, op);
    if (plain == NB_ADD && is_str(a) && !is_str(b))
        return raise(ts, interp.exc.TypeError,
                     std::string("can only concatenate str (not \"") + type_name(b) + "\") to str");
    return binop_type_error(ts, a, b, op);
}

Ref<> number_power(ThreadState* ts, Object* a, Object* b, Object* mod) {
    Interpreter& interp = *ts->interp;
    TypeObject* ta = type_of(a);
    TypeObject* tb = type_of(b);
    ternaryfunc fa = ta->tp_as_number ? ta->tp_as_number->nb_power : nullptr;
    ternaryfunc fb = (tb != ta && tb->tp_as_number) ? tb->tp_as_number->nb_power : nullptr;
    if (fb == fa) fb = nullptr;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Ref<> r = fb(ts, a, b, mod);
            if (!r || r.get() != interp.NotImplemented) return r;
            fb = nullptr;
        }
        Ref<> r = fa(ts, a, b, mod);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    if (fb) {
        Ref<> r = fb(ts, a, b, mod);
        if (!r || r.get() != interp.NotImplemented) return r;
    }
    if (mod == interp.None)
        return raise(ts, interp.exc.TypeError,
                     std::string("unsupported operand type(s) for ** or pow(): '") + type_name(a) +
                         "' and '" + type_name(b) + "'");
    return raise(ts, interp.exc.TypeError,
                 std::string("unsupported operand type(s) for pow(): '") + type_name(a) + "', '" +
                     type_name(b) + "', '" + type_name(mod) + "'");
}

static Ref<> unary(ThreadState* ts, Object* a, unaryfunc NumberMethods::*slot, const char* sym) {
    NumberMethods* nb = type_of(a)->tp_as_number;
    if (nb && nb->*slot) return (nb->*slot)(ts, a);
    return raise(ts, ts->interp->exc.TypeError,
                 std::string("bad operand type for ") + sym + ": '" + type_name(a) + "'");
}

Ref<> number_negative(ThreadState* ts, Object* a) { return unary(ts, a, &NumberMethods::nb_negative, "unary -"); }
Ref<> number_positive(ThreadState* ts, Object* a) { return unary(ts, a, &NumberMethods::nb_positive, "unary +"); }
Ref<> number_invert(ThreadState* ts, Object* a) { return unary(ts, a, &NumberMethods::nb_invert, "unary ~"); }
Ref<> number_absolute(ThreadState* ts, Object* a) { return unary(ts, a, &NumberMethods::nb_absolute, "abs()"); }

Ref<> number_index(ThreadState* ts, Object* o) {
    if (is_int(o)) return newref(o);
    NumberMethods* nb = type_of(o)->tp_as_number;
    if (!nb || !nb->nb_index)
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("'") + type_name(o) + "' object cannot be interpreted as an integer");
    Ref<> r = nb->nb_index(ts, o);
    if (r && !is_int(r.get()))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__index__ returned non-int (type ") + type_name(r.get()) + ")");
    return r;
}

bool index_as_isize(ThreadState* ts, Object* o, isize* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    int64_t v;
    if (!int_as_i64(i.get(), &v)) {
        raise(ts, ts->interp->exc.IndexError,
              std::string("cannot fit '") + type_name(o) + "' into an index-sized integer");
        return false;
    }
    *out = isize(v);
    return true;
}

}  // namespace gp
