// typeobject_slots.cpp — special methods and C++ slots, in both directions.
//
// Mirrors the slotdefs machinery of CPython 3.11's Objects/typeobject.c.
// Every special method name corresponds to a C++ slot of TypeObject
// (`__add__` and `__radd__` to nb_add, `__getattr__` and `__getattribute__`
// to tp_getattro, ...); the table `slotdefs` below records the pairing,
// together with two functions per row:
//
//   wrapper  C++ slot -> Python. add_operators() puts a wrapper descriptor
//            into a built-in type's __dict__ for every slot the type fills,
//            so `int.__add__` exists and `int.__add__(1, 2)` calls the same
//            C++ function `1 + 2` does. The wrapper converts Python
//            arguments to the slot's signature (and checks their number).
//
//   generic  Python -> C++ slot. fixup_slot_dispatchers() fills a class's
//            slots after it is created: where the class (or a base) defines
//            the special method in Python, the slot becomes a generic
//            function that looks the method up and calls it (slot_nb_add
//            calls __add__ or the other operand's __radd__, following the
//            rules of binary operators); where the method found is just a
//            base's wrapper descriptor, the slot gets that base's C++
//            function back directly ("specific"), so a list subclass's
//            len() costs no Python call. update_slot() redoes this for one
//            name after `C.__add__ = f`, for C and its subclasses.
//
// Special methods are looked up on the type, never the instance
// (lookup_special), and each lookup walks the MRO: assignments to a class
// take effect at once, there is no method cache yet.
#include <algorithm>
#include <cstring>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/iterobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------ calling methods

// Functions that take `self` as their first argument and may be called
// unbound, skipping the bound-method object (CPython's
// Py_TPFLAGS_METHOD_DESCRIPTOR).
static bool is_method_descriptor(Interpreter& interp, Object* f) {
    TypeObject* t = type_of(f);
    return t == interp.types.function || t == interp.types.method_descriptor ||
           t == interp.types.wrapper_descriptor;
}

Ref<> lookup_special(ThreadState* ts, Object* o, Object* name) {
    Object* f = type_lookup(type_of(o), name);
    if (!f) return nullptr;
    Ref<> keep = Ref<>::borrow(f);
    if (descrgetfunc get = type_of(f)->tp_descr_get) return get(ts, f, o, type_of(o));
    return keep;
}

// type(o).name(o, *args, **kw). *found = false (and null, no error) when the
// type has no such attribute.
static Ref<> call_special_kw(ThreadState* ts, Object* o, Object* name, Object* const* args, isize nargs,
                             TupleObject* kwnames, bool* found) {
    Interpreter& interp = *ts->interp;
    Object* f = type_lookup(type_of(o), name);
    *found = f != nullptr;
    if (!f) return nullptr;
    Ref<> keep = Ref<>::borrow(f);
    const isize total = nargs + (kwnames ? kwnames->ob_size : 0);
    if (is_method_descriptor(interp, f)) {
        Object* small[8];
        std::vector<Object*> big;
        Object** buf = small;
        if (total + 1 > 8) { big.resize(std::size_t(total + 1)); buf = big.data(); }
        buf[0] = o;
        for (isize i = 0; i < total; i++) buf[i + 1] = args[i];
        return object_vectorcall(ts, f, buf, nargs + 1, kwnames);
    }
    Ref<> bound = type_of(f)->tp_descr_get ? type_of(f)->tp_descr_get(ts, f, o, type_of(o)) : keep.clone();
    if (!bound) return nullptr;
    return object_vectorcall(ts, bound.get(), args, nargs, kwnames);
}

Ref<> call_special(ThreadState* ts, Object* o, Object* name, Object* const* args, isize nargs, bool* found) {
    return call_special_kw(ts, o, name, args, nargs, nullptr, found);
}

Ref<> call_with_kwdict(ThreadState* ts, Object* callable, Object* const* args, isize nargs, DictObject* kwargs) {
    isize nkw = kwargs ? dict_size(kwargs) : 0;
    if (nkw == 0) return object_vectorcall(ts, callable, args, nargs);
    std::vector<Object*> buf(args, args + nargs);
    Ref<TupleObject> names = tuple_new(ts, nkw);
    if (!names) return nullptr;
    isize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!is_str(k)) return raise(ts, ts->interp->exc.TypeError, "keywords must be strings");
        names->ob_item[i++] = newref(k).release();
        buf.push_back(v);
    }
    return object_vectorcall(ts, callable, buf.data(), nargs, names.get());
}

// Calls the special method that must exist (its slot was set because it
// did): AttributeError if it has been deleted since.
static Ref<> vcall(ThreadState* ts, Object* self, const char* name, Object* const* args, isize nargs) {
    bool found;
    Ref<> r = call_special(ts, self, ts->interp->intern(name), args, nargs, &found);
    if (!found) return raise(ts, ts->interp->exc.AttributeError, name);
    return r;
}

// Calls the special method if it exists, else returns NotImplemented
// (CPython's vectorcall_maybe).
static Ref<> vcall_maybe(ThreadState* ts, Object* self, const char* name, Object* const* args, isize nargs) {
    bool found;
    Ref<> r = call_special(ts, self, ts->interp->intern(name), args, nargs, &found);
    if (!found) return newref(ts->interp->NotImplemented);
    return r;
}

// ------------------------------------------------------------ slot ids

// Every slot a special method can fill, as an X-macro: (id, member).
#define GP_TP_SLOTS(X)                                                                            \
    X(GETATTRO, tp_getattro) X(SETATTRO, tp_setattro) X(REPR, tp_repr) X(HASH, tp_hash)           \
    X(CALL, tp_call) X(STR, tp_str) X(RICHCOMPARE, tp_richcompare) X(ITER, tp_iter)               \
    X(ITERNEXT, tp_iternext) X(DESCR_GET, tp_descr_get) X(DESCR_SET, tp_descr_set)                \
    X(INIT, tp_init) X(NEW, tp_new) X(FINALIZE, tp_finalize)
#define GP_NB_SLOTS(X)                                                                            \
    X(NB_ADD, nb_add) X(NB_SUBTRACT, nb_subtract) X(NB_MULTIPLY, nb_multiply)                     \
    X(NB_REMAINDER, nb_remainder) X(NB_DIVMOD, nb_divmod) X(NB_POWER, nb_power)                   \
    X(NB_NEGATIVE, nb_negative) X(NB_POSITIVE, nb_positive) X(NB_ABSOLUTE, nb_absolute)           \
    X(NB_BOOL, nb_bool) X(NB_INVERT, nb_invert) X(NB_LSHIFT, nb_lshift) X(NB_RSHIFT, nb_rshift)   \
    X(NB_AND, nb_and) X(NB_XOR, nb_xor) X(NB_OR, nb_or) X(NB_INT, nb_int) X(NB_FLOAT, nb_float)   \
    X(NB_INPLACE_ADD, nb_inplace_add) X(NB_INPLACE_SUBTRACT, nb_inplace_subtract)                 \
    X(NB_INPLACE_MULTIPLY, nb_inplace_multiply) X(NB_INPLACE_REMAINDER, nb_inplace_remainder)     \
    X(NB_INPLACE_POWER, nb_inplace_power) X(NB_INPLACE_LSHIFT, nb_inplace_lshift)                 \
    X(NB_INPLACE_RSHIFT, nb_inplace_rshift) X(NB_INPLACE_AND, nb_inplace_and)                     \
    X(NB_INPLACE_XOR, nb_inplace_xor) X(NB_INPLACE_OR, nb_inplace_or)                             \
    X(NB_FLOOR_DIVIDE, nb_floor_divide) X(NB_TRUE_DIVIDE, nb_true_divide)                         \
    X(NB_INPLACE_FLOOR_DIVIDE, nb_inplace_floor_divide)                                           \
    X(NB_INPLACE_TRUE_DIVIDE, nb_inplace_true_divide) X(NB_INDEX, nb_index)                       \
    X(NB_MATRIX_MULTIPLY, nb_matrix_multiply) X(NB_INPLACE_MATRIX_MULTIPLY, nb_inplace_matrix_multiply)
#define GP_SQ_SLOTS(X)                                                                            \
    X(SQ_LENGTH, sq_length) X(SQ_CONCAT, sq_concat) X(SQ_REPEAT, sq_repeat) X(SQ_ITEM, sq_item)   \
    X(SQ_CONTAINS, sq_contains) X(SQ_INPLACE_CONCAT, sq_inplace_concat)                           \
    X(SQ_INPLACE_REPEAT, sq_inplace_repeat)
#define GP_MP_SLOTS(X) X(MP_LENGTH, mp_length) X(MP_SUBSCRIPT, mp_subscript) X(MP_ASS_SUBSCRIPT, mp_ass_subscript)

enum SlotId : int {
#define GP_ID(id, member) S_##id,
    GP_TP_SLOTS(GP_ID) GP_NB_SLOTS(GP_ID) GP_SQ_SLOTS(GP_ID) GP_MP_SLOTS(GP_ID)
#undef GP_ID
};

// Slot functions travel as AnySlot; each is cast back to its own type
// before it is called.
static AnySlot get_slot(TypeObject* t, int id) {
    switch (id) {
#define GP_GET(id, member) case S_##id: return reinterpret_cast<AnySlot>(t->member);
        GP_TP_SLOTS(GP_GET)
#undef GP_GET
#define GP_GET(id, member) case S_##id: return t->tp_as_number ? reinterpret_cast<AnySlot>(t->tp_as_number->member) : nullptr;
        GP_NB_SLOTS(GP_GET)
#undef GP_GET
#define GP_GET(id, member) case S_##id: return t->tp_as_sequence ? reinterpret_cast<AnySlot>(t->tp_as_sequence->member) : nullptr;
        GP_SQ_SLOTS(GP_GET)
#undef GP_GET
#define GP_GET(id, member) case S_##id: return t->tp_as_mapping ? reinterpret_cast<AnySlot>(t->tp_as_mapping->member) : nullptr;
        GP_MP_SLOTS(GP_GET)
#undef GP_GET
    }
    return nullptr;
}

// Only classes' slots are set, and classes own their method tables.
static void set_slot(TypeObject* t, int id, AnySlot f) {
    switch (id) {
#define GP_SET(id, member) case S_##id: t->member = reinterpret_cast<decltype(t->member)>(f); break;
        GP_TP_SLOTS(GP_SET)
#undef GP_SET
#define GP_SET(id, member) case S_##id: t->tp_as_number->member = reinterpret_cast<decltype(t->tp_as_number->member)>(f); break;
        GP_NB_SLOTS(GP_SET)
#undef GP_SET
#define GP_SET(id, member) case S_##id: t->tp_as_sequence->member = reinterpret_cast<decltype(t->tp_as_sequence->member)>(f); break;
        GP_SQ_SLOTS(GP_SET)
#undef GP_SET
#define GP_SET(id, member) case S_##id: t->tp_as_mapping->member = reinterpret_cast<decltype(t->tp_as_mapping->member)>(f); break;
        GP_MP_SLOTS(GP_SET)
#undef GP_SET
    }
}

template <class F>
static AnySlot any(F f) { return reinterpret_cast<AnySlot>(f); }
template <class F>
static F as(AnySlot f) { return reinterpret_cast<F>(f); }

// ------------------------------------------------------------ wrappers

// The argument checks every wrapper shares (check_num_args).
static bool wrapper_args(ThreadState* ts, const SlotDef* def, isize nargs, TupleObject* kw, isize n) {
    if (kw && kw->ob_size) {
        raise(ts, ts->interp->exc.TypeError, std::string("wrapper ") + def->name + "() takes no keyword arguments");
        return false;
    }
    if (nargs != n) {
        raise(ts, ts->interp->exc.TypeError, "expected " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") +
                                                 ", got " + std::to_string(nargs));
        return false;
    }
    return true;
}

static Ref<> none(ThreadState* ts) { return newref(ts->interp->None); }

static Ref<> wrap_unaryfunc(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw,
                            AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    return as<unaryfunc>(w)(ts, self);
}

static Ref<> wrap_binaryfunc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                             AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    return as<binaryfunc>(w)(ts, self, args[0]);
}

// The number-protocol forms: `__add__` calls nb_add(self, other),
// `__radd__` nb_add(other, self). wrap_binaryfunc_l differs from
// wrap_binaryfunc only in identity: the slot machinery tells a number
// slot's __add__ from a sequence's by the wrapper function.
static Ref<> binary_lr(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                       AnySlot w, const SlotDef* def, bool reflected) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    return reflected ? as<binaryfunc>(w)(ts, args[0], self) : as<binaryfunc>(w)(ts, self, args[0]);
}
static Ref<> wrap_binaryfunc_l(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                               AnySlot w, const SlotDef* def) {
    return binary_lr(ts, self, args, nargs, kw, w, def, false);
}
static Ref<> wrap_binaryfunc_r(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                               AnySlot w, const SlotDef* def) {
    return binary_lr(ts, self, args, nargs, kw, w, def, true);
}

static Ref<> ternary(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw, AnySlot w,
                     const SlotDef* def, bool reflected) {
    if (kw && kw->ob_size) return raise(ts, ts->interp->exc.TypeError, std::string("wrapper ") + def->name + "() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return raise(ts, ts->interp->exc.TypeError,
                     nargs < 1 ? "expected at least 1 argument, got 0"
                               : "expected at most 2 arguments, got " + std::to_string(nargs));
    Object* third = nargs == 2 ? args[1] : ts->interp->None;
    return reflected ? as<ternaryfunc>(w)(ts, args[0], self, third) : as<ternaryfunc>(w)(ts, self, args[0], third);
}
static Ref<> wrap_ternaryfunc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                              AnySlot w, const SlotDef* def) {
    return ternary(ts, self, args, nargs, kw, w, def, false);
}
static Ref<> wrap_ternaryfunc_r(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                                AnySlot w, const SlotDef* def) {
    return ternary(ts, self, args, nargs, kw, w, def, true);
}

static Ref<> wrap_inquirypred(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw,
                              AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    int r = as<inquiry>(w)(ts, self);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> wrap_lenfunc(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw, AnySlot w,
                          const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    isize n = as<lenfunc>(w)(ts, self);
    if (n < 0 && error_occurred(ts)) return nullptr;
    return int_from_i64(ts, n);
}

static Ref<> wrap_indexargfunc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                               AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    isize i;
    if (!index_as_isize(ts, args[0], &i)) return nullptr;
    return as<ssizeargfunc>(w)(ts, self, i);
}

static Ref<> wrap_sq_item(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw, AnySlot w,
                          const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    isize i;
    if (!index_as_isize(ts, args[0], &i)) return nullptr;
    SequenceMethods* sq = type_of(self)->tp_as_sequence;
    if (i < 0 && sq && sq->sq_length) {
        isize n = sq->sq_length(ts, self);
        if (n < 0) return nullptr;
        i += n;
    }
    return as<ssizeargfunc>(w)(ts, self, i);
}

static Ref<> wrap_objobjproc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                             AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    int r = as<objobjproc>(w)(ts, self, args[0]);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> wrap_objobjargproc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                                AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 2)) return nullptr;
    if (as<objobjargproc>(w)(ts, self, args[0], args[1]) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_delitem(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                          AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    if (as<objobjargproc>(w)(ts, self, args[0], nullptr) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_hashfunc(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw, AnySlot w,
                           const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    int64_t h = as<hashfunc>(w)(ts, self);
    if (h == -1 && error_occurred(ts)) return nullptr;
    return int_from_i64(ts, h);
}

static Ref<> wrap_richcmpfunc(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                              AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    return as<richcmpfunc>(w)(ts, self, args[0], CompareOp(def->arg));
}

static Ref<> wrap_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw, AnySlot w,
                       const SlotDef*) {
    return as<vectorcallfunc>(w)(ts, self, args, nargs, kw);
}

static Ref<> wrap_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw, AnySlot w,
                       const SlotDef*) {
    if (as<initproc>(w)(ts, self, args, nargs, kw) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_del(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw, AnySlot w,
                      const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    as<finalizefunc>(w)(ts, self);
    if (error_occurred(ts)) return nullptr;
    return none(ts);
}

static Ref<> wrap_descr_get(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                            AnySlot w, const SlotDef* def) {
    if (kw && kw->ob_size) return raise(ts, ts->interp->exc.TypeError, "wrapper __get__() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return raise(ts, ts->interp->exc.TypeError,
                     nargs < 1 ? "expected at least 1 argument, got 0"
                               : "expected at most 2 arguments, got " + std::to_string(nargs));
    Interpreter& interp = *ts->interp;
    Object* obj = args[0] == interp.None ? nullptr : args[0];
    Object* type = nargs == 2 && args[1] != interp.None ? args[1] : nullptr;
    if (!obj && !type) return raise(ts, interp.exc.TypeError, "__get__(None, None) is invalid");
    return as<descrgetfunc>(w)(ts, self, obj, type);
}

static Ref<> wrap_descr_set(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                            AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 2)) return nullptr;
    if (as<descrsetfunc>(w)(ts, self, args[0], args[1]) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_descr_delete(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                               AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1)) return nullptr;
    if (as<descrsetfunc>(w)(ts, self, args[0], nullptr) < 0) return nullptr;
    return none(ts);
}

static bool check_attr_name(ThreadState* ts, Object* name) {
    if (is_str(name)) return true;
    raise(ts, ts->interp->exc.TypeError, std::string("attribute name must be string, not '") + type_name(name) + "'");
    return false;
}

static Ref<> wrap_getattro(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                           AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1) || !check_attr_name(ts, args[0])) return nullptr;
    return as<getattrofunc>(w)(ts, self, args[0]);
}

static Ref<> wrap_setattr(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                          AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 2) || !check_attr_name(ts, args[0])) return nullptr;
    if (as<setattrofunc>(w)(ts, self, args[0], args[1]) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_delattr(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                          AnySlot w, const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 1) || !check_attr_name(ts, args[0])) return nullptr;
    if (as<setattrofunc>(w)(ts, self, args[0], nullptr) < 0) return nullptr;
    return none(ts);
}

static Ref<> wrap_next(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw, AnySlot w,
                       const SlotDef* def) {
    if (!wrapper_args(ts, def, nargs, kw, 0)) return nullptr;
    Ref<> r = as<iternextfunc>(w)(ts, self);
    if (!r && !error_occurred(ts)) return raise_object(ts, ts->interp->exc.StopIteration);
    return r;
}

// ------------------------------------------------------------ dispatchers

static Ref<> slot_tp_repr(ThreadState* ts, Object* self) {
    bool found;
    Ref<> r = call_special(ts, self, ts->interp->intern("__repr__"), nullptr, 0, &found);
    if (found) return r;
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
    return str_from_utf8(ts, "<" + type_of(self)->tp_name + " object at " + addr + ">");
}

static Ref<> slot_tp_str(ThreadState* ts, Object* self) { return vcall(ts, self, "__str__", nullptr, 0); }

static int64_t slot_tp_hash(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    Object* f = type_lookup(type_of(self), "__hash__");
    if (!f || f == interp.None) {
        raise(ts, interp.exc.TypeError, "unhashable type: '" + type_of(self)->tp_name + "'");
        return -1;
    }
    Ref<> r = vcall(ts, self, "__hash__", nullptr, 0);
    if (!r) return -1;
    if (!is_int(r.get())) {
        raise(ts, interp.exc.TypeError, "__hash__ method should return an integer");
        return -1;
    }
    // A value that fits is kept (so hash(x) == x.__hash__()); a bigger one
    // is reduced the way int's own hash does it.
    int64_t h;
    if (!int_as_i64(r.get(), &h)) h = int_hash(r.get());
    return h == -1 ? -2 : h;
}

static Ref<> slot_tp_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    bool found;
    Ref<> r = call_special_kw(ts, self, ts->interp->intern("__call__"), args, nargs, kwnames, &found);
    if (!found)
        return raise(ts, ts->interp->exc.TypeError, "'" + type_of(self)->tp_name + "' object is not callable");
    return r;
}

// Calls a __getattribute__/__getattr__ found on the type, binding it first
// (typeobject.c: call_attribute).
static Ref<> call_attribute(ThreadState* ts, Object* self, Object* attr, Object* name) {
    Ref<> keep = Ref<>::borrow(attr);
    if (descrgetfunc get = type_of(attr)->tp_descr_get) {
        keep = get(ts, attr, self, type_of(self));
        if (!keep) return nullptr;
    }
    return object_call_one(ts, keep.get(), name);
}

static Ref<> slot_tp_getattro(ThreadState* ts, Object* self, Object* name) {
    return vcall(ts, self, "__getattribute__", &name, 1);
}

// __getattribute__ first; __getattr__ only when it raises AttributeError.
static Ref<> slot_tp_getattr_hook(ThreadState* ts, Object* self, Object* name) {
    TypeObject* tp = type_of(self);
    Object* getattr = type_lookup(tp, "__getattr__");
    if (!getattr) {
        // No __getattr__ hook (it was deleted): the simpler dispatcher will do.
        tp->tp_getattro = slot_tp_getattro;
        return slot_tp_getattro(ts, self, name);
    }
    Ref<> keep = Ref<>::borrow(getattr);
    Object* getattribute = type_lookup(tp, "__getattribute__");
    Ref<> res;
    if (!getattribute || wrapper_descr_wrapped(getattribute) == reinterpret_cast<void*>(generic_getattr))
        res = generic_getattr(ts, self, name);
    else
        res = call_attribute(ts, self, getattribute, name);
    if (!res && error_matches(ts, ts->interp->exc.AttributeError)) {
        error_clear(ts);
        res = call_attribute(ts, self, getattr, name);
    }
    return res;
}

static int slot_tp_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
    Ref<> r;
    if (value) {
        Object* args[2] = {name, value};
        r = vcall(ts, self, "__setattr__", args, 2);
    } else {
        r = vcall(ts, self, "__delattr__", &name, 1);
    }
    return r ? 0 : -1;
}

static const char* const kRichcmpNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static Ref<> slot_tp_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
    return vcall_maybe(ts, self, kRichcmpNames[op], &other, 1);
}

// __iter__, or else the old sequence protocol: a class with only
// __getitem__ is iterated as self[0], self[1], ... until IndexError.
static Ref<> slot_tp_iter(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    Object* f = type_lookup(type_of(self), "__iter__");
    if (f && f != interp.None) return vcall(ts, self, "__iter__", nullptr, 0);
    if (!f && type_lookup(type_of(self), "__getitem__")) return seqiter_new(ts, self);
    return raise(ts, interp.exc.TypeError, "'" + type_of(self)->tp_name + "' object is not iterable");
}

static Ref<> slot_tp_iternext(ThreadState* ts, Object* self) { return vcall(ts, self, "__next__", nullptr, 0); }

static Ref<> slot_tp_descr_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
    Interpreter& interp = *ts->interp;
    Object* get = type_lookup(type_of(self), "__get__");
    if (!get) return newref(self);
    Ref<> keep = Ref<>::borrow(get);
    Object* args[3] = {self, obj ? obj : interp.None, type ? type : interp.None};
    if (is_method_descriptor(interp, get)) return object_vectorcall(ts, get, args, 3);
    return vcall(ts, self, "__get__", args + 1, 2);
}

static int slot_tp_descr_set(ThreadState* ts, Object* self, Object* target, Object* value) {
    Ref<> r;
    if (value) {
        Object* args[2] = {target, value};
        r = vcall(ts, self, "__set__", args, 2);
    } else {
        r = vcall(ts, self, "__delete__", &target, 1);
    }
    return r ? 0 : -1;
}

static int slot_tp_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    bool found;
    Ref<> r = call_special_kw(ts, self, ts->interp->intern("__init__"), args, nargs, kwnames, &found);
    if (!found) {
        raise(ts, ts->interp->exc.AttributeError, "__init__");
        return -1;
    }
    if (!r) return -1;
    if (r.get() != ts->interp->None) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__init__() should return None, not '") + type_name(r.get()) + "'");
        return -1;
    }
    return 0;
}

// cls.__new__(cls, *args, **kwargs): __new__ is a static method, so the
// class is passed explicitly.
static Ref<> slot_tp_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Ref<> func = object_getattr_cstr(ts, type, "__new__");
    if (!func) return nullptr;
    const isize total = nargs + (kwnames ? kwnames->ob_size : 0);
    std::vector<Object*> buf;
    buf.reserve(std::size_t(total + 1));
    buf.push_back(type);
    for (isize i = 0; i < total; i++) buf.push_back(args[i]);
    return object_vectorcall(ts, func.get(), buf.data(), nargs + 1, kwnames);
}

// __del__ runs with any pending exception set aside; an exception it raises
// is reported ("Exception ignored in: <function C.__del__ ...>") and
// dropped (typeobject.c: slot_tp_finalize, PyErr_WriteUnraisable).
static void slot_tp_finalize(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    Ref<> saved = error_fetch(ts);
    if (Object* del = type_lookup(type_of(self), "__del__")) {
        Ref<> keep = Ref<>::borrow(del);
        bool found;
        Ref<> r = call_special(ts, self, interp.intern("__del__"), nullptr, 0, &found);
        if (!r && error_occurred(ts)) report_unraisable(ts, del);
    }
    if (saved) error_restore(ts, std::move(saved));
}

// ---- numbers

// One row per binary operator: its slot, method and reflected method.
struct BinarySlot {
    binaryfunc NumberMethods::*field;
    const char* name;
    const char* rname;
};
static const BinarySlot kBinarySlots[] = {
    {&NumberMethods::nb_add, "__add__", "__radd__"},
    {&NumberMethods::nb_subtract, "__sub__", "__rsub__"},
    {&NumberMethods::nb_multiply, "__mul__", "__rmul__"},
    {&NumberMethods::nb_remainder, "__mod__", "__rmod__"},
    {&NumberMethods::nb_divmod, "__divmod__", "__rdivmod__"},
    {&NumberMethods::nb_lshift, "__lshift__", "__rlshift__"},
    {&NumberMethods::nb_rshift, "__rshift__", "__rrshift__"},
    {&NumberMethods::nb_and, "__and__", "__rand__"},
    {&NumberMethods::nb_xor, "__xor__", "__rxor__"},
    {&NumberMethods::nb_or, "__or__", "__ror__"},
    {&NumberMethods::nb_floor_divide, "__floordiv__", "__rfloordiv__"},
    {&NumberMethods::nb_true_divide, "__truediv__", "__rtruediv__"},
    {&NumberMethods::nb_matrix_multiply, "__matmul__", "__rmatmul__"},
};
enum { BIN_ADD, BIN_SUB, BIN_MUL, BIN_MOD, BIN_DIVMOD, BIN_LSHIFT, BIN_RSHIFT, BIN_AND, BIN_XOR, BIN_OR,
       BIN_FLOORDIV, BIN_TRUEDIV, BIN_MATMUL };

// Whether `right` defines the reflected method differently from `left`
// (typeobject.c: method_is_overloaded).
static bool method_is_overloaded(TypeObject* left, TypeObject* right, const char* rname) {
    Object* b = type_lookup(right, rname);
    if (!b) return false;
    Object* a = type_lookup(left, rname);
    return !a || a != b;
}

// The binary operator slot of a class (typeobject.c: SLOT1BINFULL). The
// protocol (abstract.cpp: binary_op1) calls it as slot(a, b) for the left
// operand and again as slot(a, b) for the right one, so it works out which
// side `self` is on: self.__op__(other) when self is the left operand,
// other.__rop__(self) when the right one has this slot too; a right operand
// whose class derives from the left's and overrides __rop__ goes first.
template <int I>
static Ref<> slot_nb_binary(ThreadState* ts, Object* self, Object* other) {
    const BinarySlot& s = kBinarySlots[I];
    Interpreter& interp = *ts->interp;
    const binaryfunc me = slot_nb_binary<I>;
    TypeObject* ta = type_of(self);
    TypeObject* tb = type_of(other);
    bool do_other = ta != tb && tb->tp_as_number && tb->tp_as_number->*(s.field) == me;
    if (ta->tp_as_number && ta->tp_as_number->*(s.field) == me) {
        if (do_other && type_is_subtype(tb, ta) && method_is_overloaded(ta, tb, s.rname)) {
            Ref<> r = vcall_maybe(ts, other, s.rname, &self, 1);
            if (!r || r.get() != interp.NotImplemented) return r;
            do_other = false;
        }
        Ref<> r = vcall_maybe(ts, self, s.name, &other, 1);
        if (!r || r.get() != interp.NotImplemented || tb == ta) return r;
    }
    if (do_other) return vcall_maybe(ts, other, s.rname, &self, 1);
    return newref(interp.NotImplemented);
}

// pow(): the same dance with three arguments; three-argument pow() never
// uses __rpow__.
static Ref<> slot_nb_power(ThreadState* ts, Object* self, Object* other, Object* mod) {
    Interpreter& interp = *ts->interp;
    TypeObject* ta = type_of(self);
    TypeObject* tb = type_of(other);
    if (mod != interp.None) {
        if (ta->tp_as_number && ta->tp_as_number->nb_power == slot_nb_power) {
            Object* args[2] = {other, mod};
            return vcall_maybe(ts, self, "__pow__", args, 2);
        }
        return newref(interp.NotImplemented);
    }
    bool do_other = ta != tb && tb->tp_as_number && tb->tp_as_number->nb_power == slot_nb_power;
    if (ta->tp_as_number && ta->tp_as_number->nb_power == slot_nb_power) {
        if (do_other && type_is_subtype(tb, ta) && method_is_overloaded(ta, tb, "__rpow__")) {
            Ref<> r = vcall_maybe(ts, other, "__rpow__", &self, 1);
            if (!r || r.get() != interp.NotImplemented) return r;
            do_other = false;
        }
        Ref<> r = vcall_maybe(ts, self, "__pow__", &other, 1);
        if (!r || r.get() != interp.NotImplemented || tb == ta) return r;
    }
    if (do_other) return vcall_maybe(ts, other, "__rpow__", &self, 1);
    return newref(interp.NotImplemented);
}

// In-place operators call the method of the left operand only.
#define GP_INPLACE_SLOT(fn, name) \
    static Ref<> fn(ThreadState* ts, Object* self, Object* other) { return vcall(ts, self, name, &other, 1); }
GP_INPLACE_SLOT(slot_nb_inplace_add, "__iadd__")
GP_INPLACE_SLOT(slot_nb_inplace_subtract, "__isub__")
GP_INPLACE_SLOT(slot_nb_inplace_multiply, "__imul__")
GP_INPLACE_SLOT(slot_nb_inplace_remainder, "__imod__")
GP_INPLACE_SLOT(slot_nb_inplace_lshift, "__ilshift__")
GP_INPLACE_SLOT(slot_nb_inplace_rshift, "__irshift__")
GP_INPLACE_SLOT(slot_nb_inplace_and, "__iand__")
GP_INPLACE_SLOT(slot_nb_inplace_xor, "__ixor__")
GP_INPLACE_SLOT(slot_nb_inplace_or, "__ior__")
GP_INPLACE_SLOT(slot_nb_inplace_floor_divide, "__ifloordiv__")
GP_INPLACE_SLOT(slot_nb_inplace_true_divide, "__itruediv__")
GP_INPLACE_SLOT(slot_nb_inplace_matrix_multiply, "__imatmul__")
#undef GP_INPLACE_SLOT

static Ref<> slot_nb_inplace_power(ThreadState* ts, Object* self, Object* other, Object*) {
    return vcall(ts, self, "__ipow__", &other, 1);
}

#define GP_UNARY_SLOT(fn, name) \
    static Ref<> fn(ThreadState* ts, Object* self) { return vcall(ts, self, name, nullptr, 0); }
GP_UNARY_SLOT(slot_nb_negative, "__neg__")
GP_UNARY_SLOT(slot_nb_positive, "__pos__")
GP_UNARY_SLOT(slot_nb_absolute, "__abs__")
GP_UNARY_SLOT(slot_nb_invert, "__invert__")
GP_UNARY_SLOT(slot_nb_int, "__int__")
GP_UNARY_SLOT(slot_nb_float, "__float__")
GP_UNARY_SLOT(slot_nb_index, "__index__")
#undef GP_UNARY_SLOT

// __bool__, else __len__ != 0, else true.
static int slot_nb_bool(ThreadState* ts, Object* self) {
    Interpreter& interp = *ts->interp;
    bool using_len = false;
    Object* f = type_lookup(type_of(self), "__bool__");
    if (!f) {
        f = type_lookup(type_of(self), "__len__");
        if (!f) return 1;
        using_len = true;
    }
    Ref<> r = vcall(ts, self, using_len ? "__len__" : "__bool__", nullptr, 0);
    if (!r) return -1;
    if (using_len) {
        isize n;
        if (!index_as_isize(ts, r.get(), &n)) return -1;
        if (n < 0) {
            raise(ts, interp.exc.ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    if (type_of(r.get()) != interp.types.bool_) {
        raise(ts, interp.exc.TypeError, std::string("__bool__ should return bool, returned ") + type_name(r.get()));
        return -1;
    }
    return r.get() == interp.True;
}

// ---- containers

static isize slot_length(ThreadState* ts, Object* self) {
    Ref<> r = vcall(ts, self, "__len__", nullptr, 0);
    if (!r) return -1;
    Ref<> i = number_index(ts, r.get());
    if (!i) return -1;
    if (int_sign(i.get()) < 0) {
        raise(ts, ts->interp->exc.ValueError, "__len__() should return >= 0");
        return -1;
    }
    isize n;
    if (!index_as_isize(ts, i.get(), &n)) {
        if (error_matches(ts, ts->interp->exc.IndexError)) {
            error_clear(ts);
            raise(ts, ts->interp->exc.OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    return n;
}

static Ref<> slot_mp_subscript(ThreadState* ts, Object* self, Object* key) {
    return vcall(ts, self, "__getitem__", &key, 1);
}

static Ref<> slot_sq_item(ThreadState* ts, Object* self, isize i) {
    Ref<> index = int_from_i64(ts, i);
    if (!index) return nullptr;
    Object* arg = index.get();
    return vcall(ts, self, "__getitem__", &arg, 1);
}

static int slot_mp_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
    Ref<> r;
    if (value) {
        Object* args[2] = {key, value};
        r = vcall(ts, self, "__setitem__", args, 2);
    } else {
        r = vcall(ts, self, "__delitem__", &key, 1);
    }
    return r ? 0 : -1;
}

static int slot_sq_contains(ThreadState* ts, Object* self, Object* value) {
    Interpreter& interp = *ts->interp;
    Object* f = type_lookup(type_of(self), "__contains__");
    if (f == interp.None) {
        raise(ts, interp.exc.TypeError, "'" + type_of(self)->tp_name + "' object is not a container");
        return -1;
    }
    if (f) {
        Ref<> r = vcall(ts, self, "__contains__", &value, 1);
        if (!r) return -1;
        return object_is_true(ts, r.get());
    }
    // No __contains__ (any more): search by iterating.
    Ref<> it = object_get_iter(ts, self);
    if (!it) return -1;
    while (Ref<> x = iter_next(ts, it.get())) {
        int eq = object_richcompare_bool(ts, x.get(), value, Py_EQ);
        if (eq != 0) return eq;
    }
    return error_occurred(ts) ? -1 : 0;
}

// ------------------------------------------------------------ the table

// Rows naming the same slot are adjacent; the order follows CPython's
// slotdefs (mapping rows before sequence rows, so a type with both gets the
// mapping __getitem__ and __len__ as its wrappers).
#define TP(name, slot, generic, wrapper, doc) {name, S_##slot, any(generic), wrapper, 0, doc}
#define RICH(name, op, doc) {name, S_RICHCOMPARE, any(slot_tp_richcompare), wrap_richcmpfunc, op, doc}
#define BIN(name, slot, generic, sym) {name, S_##slot, any(generic), wrap_binaryfunc_l, 0, "Return self" sym "value."}
#define RBIN(name, slot, generic, sym) {name, S_##slot, any(generic), wrap_binaryfunc_r, 0, "Return value" sym "self."}
#define IBIN(name, slot, generic, sym) {name, S_##slot, any(generic), wrap_binaryfunc, 0, "Return self" sym "value."}
#define UN(name, slot, generic, doc) {name, S_##slot, any(generic), wrap_unaryfunc, 0, doc}

static const SlotDef slotdefs[] = {
    TP("__getattribute__", GETATTRO, slot_tp_getattr_hook, wrap_getattro, "Return getattr(self, name)."),
    TP("__getattr__", GETATTRO, slot_tp_getattr_hook, nullptr, ""),
    TP("__setattr__", SETATTRO, slot_tp_setattro, wrap_setattr, "Implement setattr(self, name, value)."),
    TP("__delattr__", SETATTRO, slot_tp_setattro, wrap_delattr, "Implement delattr(self, name)."),
    TP("__repr__", REPR, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TP("__hash__", HASH, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    TP("__call__", CALL, slot_tp_call, wrap_call, "Call self as a function."),
    TP("__str__", STR, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    RICH("__lt__", Py_LT, "Return self<value."),
    RICH("__le__", Py_LE, "Return self<=value."),
    RICH("__eq__", Py_EQ, "Return self==value."),
    RICH("__ne__", Py_NE, "Return self!=value."),
    RICH("__gt__", Py_GT, "Return self>value."),
    RICH("__ge__", Py_GE, "Return self>=value."),
    TP("__iter__", ITER, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TP("__next__", ITERNEXT, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TP("__get__", DESCR_GET, slot_tp_descr_get, wrap_descr_get, "Return an attribute of instance, which is of type owner."),
    TP("__set__", DESCR_SET, slot_tp_descr_set, wrap_descr_set, "Set an attribute of instance to value."),
    TP("__delete__", DESCR_SET, slot_tp_descr_set, wrap_descr_delete, "Delete an attribute of instance."),
    TP("__init__", INIT, slot_tp_init, wrap_init, "Initialize self.  See help(type(self)) for accurate signature."),
    TP("__new__", NEW, slot_tp_new, nullptr, ""),
    TP("__del__", FINALIZE, slot_tp_finalize, wrap_del, ""),

    BIN("__add__", NB_ADD, slot_nb_binary<BIN_ADD>, "+"),
    RBIN("__radd__", NB_ADD, slot_nb_binary<BIN_ADD>, "+"),
    BIN("__sub__", NB_SUBTRACT, slot_nb_binary<BIN_SUB>, "-"),
    RBIN("__rsub__", NB_SUBTRACT, slot_nb_binary<BIN_SUB>, "-"),
    BIN("__mul__", NB_MULTIPLY, slot_nb_binary<BIN_MUL>, "*"),
    RBIN("__rmul__", NB_MULTIPLY, slot_nb_binary<BIN_MUL>, "*"),
    BIN("__mod__", NB_REMAINDER, slot_nb_binary<BIN_MOD>, "%"),
    RBIN("__rmod__", NB_REMAINDER, slot_nb_binary<BIN_MOD>, "%"),
    {"__divmod__", S_NB_DIVMOD, any(slot_nb_binary<BIN_DIVMOD>), wrap_binaryfunc_l, 0, "Return divmod(self, value)."},
    {"__rdivmod__", S_NB_DIVMOD, any(slot_nb_binary<BIN_DIVMOD>), wrap_binaryfunc_r, 0, "Return divmod(value, self)."},
    {"__pow__", S_NB_POWER, any(slot_nb_power), wrap_ternaryfunc, 0, "Return pow(self, value, mod)."},
    {"__rpow__", S_NB_POWER, any(slot_nb_power), wrap_ternaryfunc_r, 0, "Return pow(value, self, mod)."},
    UN("__neg__", NB_NEGATIVE, slot_nb_negative, "-self"),
    UN("__pos__", NB_POSITIVE, slot_nb_positive, "+self"),
    UN("__abs__", NB_ABSOLUTE, slot_nb_absolute, "abs(self)"),
    {"__bool__", S_NB_BOOL, any(slot_nb_bool), wrap_inquirypred, 0, "True if self else False"},
    UN("__invert__", NB_INVERT, slot_nb_invert, "~self"),
    BIN("__lshift__", NB_LSHIFT, slot_nb_binary<BIN_LSHIFT>, "<<"),
    RBIN("__rlshift__", NB_LSHIFT, slot_nb_binary<BIN_LSHIFT>, "<<"),
    BIN("__rshift__", NB_RSHIFT, slot_nb_binary<BIN_RSHIFT>, ">>"),
    RBIN("__rrshift__", NB_RSHIFT, slot_nb_binary<BIN_RSHIFT>, ">>"),
    BIN("__and__", NB_AND, slot_nb_binary<BIN_AND>, "&"),
    RBIN("__rand__", NB_AND, slot_nb_binary<BIN_AND>, "&"),
    BIN("__xor__", NB_XOR, slot_nb_binary<BIN_XOR>, "^"),
    RBIN("__rxor__", NB_XOR, slot_nb_binary<BIN_XOR>, "^"),
    BIN("__or__", NB_OR, slot_nb_binary<BIN_OR>, "|"),
    RBIN("__ror__", NB_OR, slot_nb_binary<BIN_OR>, "|"),
    UN("__int__", NB_INT, slot_nb_int, "int(self)"),
    UN("__float__", NB_FLOAT, slot_nb_float, "float(self)"),
    IBIN("__iadd__", NB_INPLACE_ADD, slot_nb_inplace_add, "+="),
    IBIN("__isub__", NB_INPLACE_SUBTRACT, slot_nb_inplace_subtract, "-="),
    IBIN("__imul__", NB_INPLACE_MULTIPLY, slot_nb_inplace_multiply, "*="),
    IBIN("__imod__", NB_INPLACE_REMAINDER, slot_nb_inplace_remainder, "%="),
    {"__ipow__", S_NB_INPLACE_POWER, any(slot_nb_inplace_power), wrap_ternaryfunc, 0, "Return self**=value."},
    IBIN("__ilshift__", NB_INPLACE_LSHIFT, slot_nb_inplace_lshift, "<<="),
    IBIN("__irshift__", NB_INPLACE_RSHIFT, slot_nb_inplace_rshift, ">>="),
    IBIN("__iand__", NB_INPLACE_AND, slot_nb_inplace_and, "&="),
    IBIN("__ixor__", NB_INPLACE_XOR, slot_nb_inplace_xor, "^="),
    IBIN("__ior__", NB_INPLACE_OR, slot_nb_inplace_or, "|="),
    BIN("__floordiv__", NB_FLOOR_DIVIDE, slot_nb_binary<BIN_FLOORDIV>, "//"),
    RBIN("__rfloordiv__", NB_FLOOR_DIVIDE, slot_nb_binary<BIN_FLOORDIV>, "//"),
    BIN("__truediv__", NB_TRUE_DIVIDE, slot_nb_binary<BIN_TRUEDIV>, "/"),
    RBIN("__rtruediv__", NB_TRUE_DIVIDE, slot_nb_binary<BIN_TRUEDIV>, "/"),
    IBIN("__ifloordiv__", NB_INPLACE_FLOOR_DIVIDE, slot_nb_inplace_floor_divide, "//="),
    IBIN("__itruediv__", NB_INPLACE_TRUE_DIVIDE, slot_nb_inplace_true_divide, "/="),
    UN("__index__", NB_INDEX, slot_nb_index, "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BIN("__matmul__", NB_MATRIX_MULTIPLY, slot_nb_binary<BIN_MATMUL>, "@"),
    RBIN("__rmatmul__", NB_MATRIX_MULTIPLY, slot_nb_binary<BIN_MATMUL>, "@"),
    IBIN("__imatmul__", NB_INPLACE_MATRIX_MULTIPLY, slot_nb_inplace_matrix_multiply, "@="),

    {"__len__", S_MP_LENGTH, any(slot_length), wrap_lenfunc, 0, "Return len(self)."},
    {"__getitem__", S_MP_SUBSCRIPT, any(slot_mp_subscript), wrap_binaryfunc, 0, "Return self[key]."},
    {"__setitem__", S_MP_ASS_SUBSCRIPT, any(slot_mp_ass_subscript), wrap_objobjargproc, 0, "Set self[key] to value."},
    {"__delitem__", S_MP_ASS_SUBSCRIPT, any(slot_mp_ass_subscript), wrap_delitem, 0, "Delete self[key]."},

    {"__len__", S_SQ_LENGTH, any(slot_length), wrap_lenfunc, 0, "Return len(self)."},
    {"__add__", S_SQ_CONCAT, nullptr, wrap_binaryfunc, 0, "Return self+value."},
    {"__mul__", S_SQ_REPEAT, nullptr, wrap_indexargfunc, 0, "Return self*value."},
    {"__rmul__", S_SQ_REPEAT, nullptr, wrap_indexargfunc, 0, "Return value*self."},
    {"__getitem__", S_SQ_ITEM, any(slot_sq_item), wrap_sq_item, 0, "Return self[key]."},
    {"__contains__", S_SQ_CONTAINS, any(slot_sq_contains), wrap_objobjproc, 0, "Return key in self."},
    {"__iadd__", S_SQ_INPLACE_CONCAT, nullptr, wrap_binaryfunc, 0, "Implement self+=value."},
    {"__imul__", S_SQ_INPLACE_REPEAT, nullptr, wrap_indexargfunc, 0, "Implement self*=value."},
    {nullptr, 0, nullptr, nullptr, 0, nullptr},
};
#undef TP
#undef RICH
#undef BIN
#undef RBIN
#undef IBIN
#undef UN

// ------------------------------------------------------------ __new__

// `object.__new__`, `int.__new__`: a builtin method bound to the type that
// checks its first argument and calls the type's tp_new for it
// (typeobject.c: tp_new_wrapper).
static Ref<> tp_new_wrapper(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    TypeObject* type = static_cast<TypeObject*>(self);
    if (nargs < 1) return raise(ts, interp.exc.TypeError, type->tp_name + ".__new__(): not enough arguments");
    Object* arg0 = args[0];
    if (!type_has_flag(type_of(arg0), TPFLAGS_TYPE_SUBCLASS))
        return raise(ts, interp.exc.TypeError, type->tp_name + ".__new__(X): X is not a type object (" +
                                                   type_name(arg0) + ")");
    TypeObject* subtype = static_cast<TypeObject*>(arg0);
    if (!type_is_subtype(subtype, type))
        return raise(ts, interp.exc.TypeError, type->tp_name + ".__new__(" + subtype->tp_name + "): " +
                                                   subtype->tp_name + " is not a subtype of " + type->tp_name);
    // object.__new__(dict) would make a dict without a hash table: the
    // nearest built-in base of the subtype must be this very type.
    TypeObject* staticbase = subtype;
    while (staticbase && staticbase->tp_new == slot_tp_new) staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return raise(ts, interp.exc.TypeError, type->tp_name + ".__new__(" + subtype->tp_name +
                                                   ") is not safe, use " + staticbase->tp_name + ".__new__()");
    return type->tp_new(ts, subtype, args + 1, nargs - 1, kwnames);
}

static const MethodDef tp_new_def = {
    "__new__", tp_new_wrapper, 0, "Create and return a new object.  See help(type) for accurate signature."};

static bool is_tp_new_wrapper(Interpreter& interp, Object* o) {
    return type_of(o) == interp.types.builtin_function && static_cast<CFunctionObject*>(o)->def == &tp_new_def;
}

// ------------------------------------------------------------ C++ -> Python

bool add_operators(ThreadState* ts, TypeObject* type) {
    for (const SlotDef* p = slotdefs; p->name; p++) {
        if (!p->wrapper) continue;
        AnySlot f = get_slot(type, p->slot);
        if (!f || dict_get_cstr(ts, type->tp_dict, p->name)) continue;
        if (p->slot == S_HASH && f == any(hash_not_implemented)) {
            // An unhashable type says so in its namespace: __hash__ = None.
            if (!dict_set_cstr(ts, type->tp_dict, p->name, ts->interp->None)) return false;
            continue;
        }
        Ref<> d = wrapper_descr_new(ts, type, p, f);
        if (!d || !dict_set_cstr(ts, type->tp_dict, p->name, d.get())) return false;
    }
    if (type->tp_new && !dict_get_cstr(ts, type->tp_dict, "__new__")) {
        Ref<> f = cfunction_new(ts, &tp_new_def, type);
        if (!f || !dict_set_cstr(ts, type->tp_dict, "__new__", f.get())) return false;
    }
    return true;
}

void* wrapper_descr_wrapped(Object* descr) {
    if (type_of(descr) != type_of(descr)->interp->types.wrapper_descriptor) return nullptr;
    return reinterpret_cast<void*>(static_cast<WrapperDescrObject*>(descr)->d_wrapped);
}

// ------------------------------------------------------------ Python -> C++

// Of the slots sharing the special method `name` (__len__: mp_length and
// sq_length), the one `type` fills, or -1 if none or several are filled
// (typeobject.c: resolve_slotdups).
static int resolve_slotdups(TypeObject* type, const char* name) {
    int found = -1;
    for (const SlotDef* p = slotdefs; p->name; p++) {
        if (std::strcmp(p->name, name) != 0 || !get_slot(type, p->slot)) continue;
        if (found >= 0 && found != p->slot) return -1;
        found = p->slot;
    }
    return found;
}

// The C++ function behind wrapper descriptor `d`, found on `type`'s MRO. A
// built-in type between `type` and d's owner may have filled the slot
// without a wrapper of its own (set after type_ready); its function wins.
static AnySlot resolve_wrapped(TypeObject* type, WrapperDescrObject* d, int slot) {
    TupleObject* mro = type->tp_mro;
    for (isize i = 1; mro && i < mro->ob_size; i++) {
        auto* t = static_cast<TypeObject*>(mro->ob_item[i]);
        if (t == d->d_type) break;
        if (type_has_flag(t, TPFLAGS_HEAPTYPE)) continue;
        AnySlot f = get_slot(t, slot);
        if (f && f != d->d_wrapped) return f;
    }
    return d->d_wrapped;
}

// Points one slot of a class at the right function, looking at every
// special method name that maps to it (typeobject.c: update_one_slot).
// Returns the row after this slot's group.
static const SlotDef* update_one_slot(ThreadState* ts, TypeObject* type, const SlotDef* p) {
    Interpreter& interp = *ts->interp;
    const int slot = p->slot;
    AnySlot generic = nullptr;
    AnySlot specific = nullptr;
    bool use_generic = false;
    bool unhashable = false;
    do {
        Object* descr = type_lookup(type, p->name);
        if (!descr) continue;
        if (type_of(descr) == interp.types.wrapper_descriptor &&
            std::strcmp(static_cast<WrapperDescrObject*>(descr)->d_base->name, p->name) == 0) {
            auto* d = static_cast<WrapperDescrObject*>(descr);
            int owner = resolve_slotdups(type, p->name);
            if (owner < 0 || owner == slot) generic = p->generic;
            AnySlot w = resolve_wrapped(type, d, slot);
            if ((!specific || specific == w) && d->d_base->wrapper == p->wrapper && type_is_subtype(type, d->d_type))
                specific = w;
            else
                use_generic = true;
        } else if (slot == S_NEW && is_tp_new_wrapper(interp, descr)) {
            // A built-in __new__: keep the tp_new inherited from the base.
            specific = reinterpret_cast<AnySlot>(type->tp_new);
        } else if (descr == interp.None && slot == S_HASH) {
            // `__hash__ = None` blocks object.__hash__: unhashable
            // (PyObject_HashNotImplemented raises "unhashable type").
            unhashable = true;
        } else {
            use_generic = true;
            generic = p->generic;
        }
    } while ((++p)->name && p->slot == slot);
    if (unhashable && !use_generic) set_slot(type, slot, any(hash_not_implemented));
    else if (specific && !use_generic) set_slot(type, slot, specific);
    else set_slot(type, slot, use_generic ? generic : nullptr);
    return p;
}

// What a class gets beyond update_one_slot: iteration by __getitem__ when
// it has no __iter__ (CPython's PyObject_GetIter falls back to PySeqIter_New
// there; slot_tp_iter does it here).
static void finish_slots(TypeObject* type) {
    if (!type->tp_iter && type_lookup(type, "__getitem__") && !type_lookup(type, "__iter__"))
        type->tp_iter = slot_tp_iter;
}

void fixup_slot_dispatchers(ThreadState* ts, TypeObject* type) {
    for (const SlotDef* p = slotdefs; p->name;) p = update_one_slot(ts, type, p);
    finish_slots(type);
}

static void update_slots_recursive(ThreadState* ts, TypeObject* type, Object* name, const std::vector<int>& groups) {
    for (int first : groups) update_one_slot(ts, type, &slotdefs[first]);
    finish_slots(type);
    std::vector<TypeObject*> subs = type->tp_subclasses;
    for (TypeObject* sub : subs) {
        // A subclass that defines the name itself is unaffected.
        if (sub->tp_dict && dict_get_str(sub->tp_dict, as_str(name))) continue;
        update_slots_recursive(ts, sub, name, groups);
    }
}

void update_slot(ThreadState* ts, TypeObject* type, Object* name) {
    std::vector<int> groups;   // index of the first row of each affected slot's group
    std::string_view n = str_utf8(name);
    for (int i = 0; slotdefs[i].name; i++) {
        if (n != slotdefs[i].name) continue;
        int first = i;
        while (first > 0 && slotdefs[first - 1].slot == slotdefs[i].slot) first--;
        if (std::find(groups.begin(), groups.end(), first) == groups.end()) groups.push_back(first);
    }
    if (!groups.empty()) update_slots_recursive(ts, type, name, groups);
}

}  // namespace gp
