// typeobject_instances.cpp — instances of classes: where their fields live,
// how they die, and what the base class `object` gives every one of them.
//
// Mirrors the instance half of CPython 3.11's Objects/typeobject.c:
// subtype_dealloc/subtype_traverse/subtype_clear (the tp_dealloc, tp_traverse
// and tp_clear of every class), the __dict__/__weakref__ getsets, and
// PyBaseObject_Type's slots and methods — object.__new__ and __init__ with
// their "takes no arguments" rules, the identity __eq__ and the inverting
// __ne__, the default __repr__, the assignable __class__, __dir__,
// __sizeof__ and __format__.
//
// An instance of a class is its base's instance with the class's own fields
// appended (typeobject_new.cpp draws the layout). Freeing one runs in this
// order:
//
//   1. __del__ (tp_finalize), with the object briefly alive again; if it
//      stored `self` somewhere the object is resurrected and we stop;
//   2. untrack it from the cycle collector;
//   3. clear the __slots__ fields of every class between it and the first
//      built-in base, and the __dict__ if a class added one;
//   4. hand over to that built-in base's tp_dealloc, which releases its own
//      fields and the memory (object_free reads the size and the GC header
//      from the instance's real class).
#include <algorithm>
#include <cstring>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "modules/modules.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static constexpr isize kPtr = isize(sizeof(Object*));
static isize align_up(isize n) { return (n + kPtr - 1) & ~(kPtr - 1); }
static bool is_type(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }
static TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
static bool is_heap(TypeObject* t) { return type_has_flag(t, TPFLAGS_HEAPTYPE); }

// ---------------------------------------------------- instance layout

// The first type along the tp_base chain whose instances end in a variable
// number of items (int, tuple, str), or null. Fields that a class adds to
// such a type live after the items.
static TypeObject* var_sized_root(TypeObject* t) {
    TypeObject* root = nullptr;
    for (; t; t = t->tp_base)
        if (!is_heap(t) && t->tp_itemsize) root = t;
    return root;
}

Object** instance_slot_ptr(Object* o, isize offset) {
    TypeObject* t = type_of(o);
    char* base = reinterpret_cast<char*>(o);
    if (!t->tp_itemsize) return reinterpret_cast<Object**>(base + offset);
    TypeObject* root = var_sized_root(t);
    if (!root || offset < root->tp_basicsize) return reinterpret_cast<Object**>(base + offset);
    char* fields;
    if (type_has_flag(t, TPFLAGS_UNICODE_SUBCLASS)) {
        fields = static_cast<char*>(str_subclass_fields(as_str(o)));
    } else {
        isize n = static_cast<VarObject*>(o)->ob_size;
        if (n < 0) n = -n;
        if (type_has_flag(t, TPFLAGS_LONG_SUBCLASS) && n == 0) n = 1;   // ints keep one digit
        fields = base + align_up(root->tp_basicsize + n * root->tp_itemsize);
    }
    return reinterpret_cast<Object**>(fields + (offset - root->tp_basicsize));
}

// Where an instance keeps its __dict__ pointer (object.c:
// _PyObject_GetDictPtr). tp_dictoffset > 0: a plain offset. < 0: the class
// derives from a variable-sized type and the dict is the field at layout
// offset -tp_dictoffset, after the items (instance_slot_ptr finds it).
// object_dict_ptr, and so generic getattr/setattr, go through here.
Object** instance_dict_ptr(Object* o) {
    isize off = type_of(o)->tp_dictoffset;
    if (off == 0) return nullptr;
    if (off > 0) return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
    return instance_slot_ptr(o, -off);
}

// --------------------------------------------- instances of classes

// Clears the __slots__ fields `type` itself added.
static void clear_slots(TypeObject* type, Object* self) {
    if (!type->ht_slots) return;
    for (isize i = 0; i < type->ht_slots->ob_size; i++) {
        Object** p = instance_slot_ptr(self, type->ht_slotoffset + i * kPtr);
        Object* v = *p;
        *p = nullptr;
        xdecref(v);
    }
}

// Releases an instance's __dict__. A dict nobody has seen (the instance's
// attributes, which CPython 3.11 keeps in a values array) was never counted
// towards gen 0 (generic_setattr), so its death must not be subtracted
// either: give the count back before object_free takes it.
static void drop_instance_dict(Interpreter& interp, Object* self, Object* d) {
    if (d && d->ob_refcnt == 1 && type_has_flag(type_of(self), TPFLAGS_MANAGED_DICT) && object_is_gc(d) &&
        !gc_dict_is_materialized(d))
        interp.gc.generations[0].count++;
    xdecref(d);
}

void subtype_dealloc(Object* self) {
    TypeObject* type = type_of(self);
    Interpreter& interp = *type->interp;
    // PEP 442: __del__ runs once in the object's life, with the object
    // briefly alive again; if it stored `self` somewhere, it lives on.
    if (type->tp_finalize && !gc_call_finalizer_from_dealloc(self)) return;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) interp.gc.untrack(self);
    TypeObject* base = type;
    while (base->tp_dealloc == subtype_dealloc) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        if (Object** dictptr = instance_dict_ptr(self)) {
            Object* d = *dictptr;
            *dictptr = nullptr;
            drop_instance_dict(*type->interp, self, d);
        }
    }
    // The base frees its own fields and the memory (object_free reads the
    // GC flag and the size from the instance's real type).
    base->tp_dealloc(self);
}

int subtype_traverse(Object* self, visitproc visit, void* arg) {
    TypeObject* type = type_of(self);
    TypeObject* base = type;
    // CPython 3.11's order (gc.get_referents shows it): slots, __dict__, class.
    while (base->tp_traverse == subtype_traverse) {
        if (base->ht_slots) {
            for (isize i = 0; i < base->ht_slots->ob_size; i++) {
                Object* v = *instance_slot_ptr(self, base->ht_slotoffset + i * kPtr);
                if (v && visit(v, arg)) return 1;
            }
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        if (Object** dictptr = instance_dict_ptr(self); dictptr && *dictptr && visit(*dictptr, arg)) return 1;
    }
    if (visit(type, arg)) return 1;   // an instance owns a reference to its class
    return base->tp_traverse ? base->tp_traverse(self, visit, arg) : 0;
}

int subtype_clear(Object* self) {
    TypeObject* type = type_of(self);
    TypeObject* base = type;
    while (base->tp_clear == subtype_clear) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        if (Object** dictptr = instance_dict_ptr(self)) {
            Object* d = *dictptr;
            *dictptr = nullptr;
            drop_instance_dict(*type->interp, self, d);
        }
    }
    return base->tp_clear ? base->tp_clear(self) : 0;
}

// Whether CPython 3.11 keeps this class's instances' attributes in inline
// values: a managed __dict__ and instances made by object.__new__, which
// is so when no built-in base other than object lays them out.
static bool has_inline_values(TypeObject* type) {
    if (!type_has_flag(type, TPFLAGS_MANAGED_DICT)) return false;
    TypeObject* b = type;
    while (b && type_has_flag(b, TPFLAGS_HEAPTYPE)) b = b->tp_base;
    return b == type->interp->types.object;
}

// __dict__ and __weakref__ of instances of classes (subtype_getsets_full).
static Ref<> subtype_get_dict(ThreadState* ts, Object* self) {
    Object** dictptr = instance_dict_ptr(self);
    if (!dictptr) return raise(ts, ts->interp->exc.AttributeError, "This object has no __dict__");
    TypeObject* type = type_of(self);
    const bool inline_values = type->ht_cached_keys && has_inline_values(type);
    if (!*dictptr) {
        // An instance made by object.__new__ has (in CPython) inline values:
        // its dict is a split table. One made by a built-in base's __new__
        // (a dict or list subclass) gets an ordinary empty dict here.
        Ref<DictObject> d = inline_values ? dict_new_split(ts, type->ht_cached_keys) : dict_new(ts);
        if (!d) return nullptr;
        *dictptr = d.release();
    }
    // Asking for __dict__ is what makes CPython 3.11 create the dict object:
    // from now on it counts as a container allocation (see generic_setattr).
    if (type_has_flag(type, TPFLAGS_MANAGED_DICT) && object_is_gc(*dictptr) &&
        !gc_dict_is_materialized(*dictptr)) {
        ts->interp->gc.generations[0].count++;
        // make_dict_from_instance_attributes tracks the new dict only if a
        // value may be a container.
        if (inline_values && is_dict(*dictptr)) dict_track_as_materialized(as_dict(*dictptr));
    }
    gc_mark_dict_materialized(*dictptr);
    return newref(*dictptr);
}

static int subtype_set_dict(ThreadState* ts, Object* self, Object* value) {
    Object** dictptr = instance_dict_ptr(self);
    if (!dictptr) {
        raise(ts, ts->interp->exc.AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !is_dict(value)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__dict__ must be set to a dictionary, not a '") + type_name(value) + "'");
        return -1;
    }
    Object* old = *dictptr;
    *dictptr = value;
    xincref(value);
    xdecref(old);
    if (value) gc_mark_dict_materialized(value);
    return 0;
}

// The first weak reference to the object, or None (subtype_getweakref).
// The descriptor may be inherited by a class whose instances have no weak
// reference list: `class Q(int, B)` finds B's __weakref__ in its MRO.
static Ref<> subtype_get_weakref(ThreadState* ts, Object* self) {
    WeakRefObject** list = weaklist_ptr(self);
    if (!list) return raise(ts, ts->interp->exc.AttributeError, "This object has no __weakref__");
    Object* head = list ? *list : nullptr;
    return newref(head ? head : ts->interp->None);
}

static const GetSetDef subtype_dict_getset[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables"},
    {nullptr, nullptr, nullptr, nullptr},
};
static const GetSetDef subtype_weakref_getset[] = {
    {"__weakref__", subtype_get_weakref, nullptr, "list of weak references to the object"},
    {nullptr, nullptr, nullptr, nullptr},
};

bool add_subtype_getsets(ThreadState* ts, TypeObject* type, bool add_dict, bool add_weak) {
    if (add_dict && !add_getsets(ts, type, subtype_dict_getset)) return false;
    if (add_weak && !add_getsets(ts, type, subtype_weakref_getset)) return false;
    return true;
}


// ------------------------------------------------------------ object

// Whether a call passed anything besides the instance/class (excess_args).
static bool excess_args(isize nargs, TupleObject* kwnames) {
    return nargs > 0 || (kwnames && kwnames->ob_size > 0);
}

static int object_init(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kwnames);

// object.__new__: allocates an instance. Extra arguments are an error unless
// the class overrides __init__ (which will take them), as CPython's
// object_new decides.
static Ref<> object_new(ThreadState* ts, TypeObject* type, Object* const*, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (excess_args(nargs, kwnames)) {
        if (type->tp_new != object_new)
            return raise(ts, interp.exc.TypeError,
                         "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->tp_init == object_init)
            return raise(ts, interp.exc.TypeError, type->tp_name + "() takes no arguments");
    }
    if (type_has_flag(type, TPFLAGS_IS_ABSTRACT)) {
        Object* am = dict_get_cstr(ts, type->tp_dict, "__abstractmethods__");
        std::vector<std::string> names;
        if (am) {
            Ref<> it = object_get_iter(ts, am);
            if (!it) return nullptr;
            while (Ref<> x = iter_next(ts, it.get())) {
                Ref<> s = object_str(ts, x.get());
                if (!s) return nullptr;
                names.emplace_back(str_utf8(s.get()));
            }
            if (error_occurred(ts)) return nullptr;
        }
        std::sort(names.begin(), names.end());
        std::string joined;
        for (std::size_t i = 0; i < names.size(); i++) joined += (i ? ", " : "") + names[i];
        return raise(ts, interp.exc.TypeError, "Can't instantiate abstract class " + type->tp_name +
                                                   " with abstract method" + (names.size() == 1 ? "" : "s") +
                                                   " " + joined);
    }
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) interp.gc.track(op);
    // _PyObject_InitializeDict / init_inline_values: CPython 3.11 gives the
    // instance a values array now, and each new instance leaves one key
    // fewer of room in the class's shared keys. glasspy makes the split
    // dict itself lazily (generic_setattr, the __dict__ getter).
    if (type->ht_cached_keys) dict_shared_keys_instance_created(type->ht_cached_keys);
    return Ref<>::steal(op);
}

static int object_init(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kwnames) {
    TypeObject* type = type_of(self);
    if (excess_args(nargs, kwnames)) {
        if (type->tp_init != object_init) {
            raise(ts, ts->interp->exc.TypeError,
                  "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            raise(ts, ts->interp->exc.TypeError, type->tp_name + "() takes no arguments");
            return -1;
        }
    }
    return 0;
}

// object.__eq__ is identity; object.__ne__ asks the type's __eq__ and
// inverts the answer (unless it is NotImplemented).
static Ref<> object_richcompare_slot(ThreadState* ts, Object* self, Object* other, CompareOp op) {
    Interpreter& interp = *ts->interp;
    switch (op) {
    case Py_EQ:
        return newref(self == other ? static_cast<Object*>(interp.True) : interp.NotImplemented);
    case Py_NE: {
        richcmpfunc eq = type_of(self)->tp_richcompare;
        if (!eq) return newref(interp.NotImplemented);
        Ref<> r = eq(ts, self, other, Py_EQ);
        if (!r || r.get() == interp.NotImplemented) return r;
        int t = object_is_true(ts, r.get());
        if (t < 0) return nullptr;
        return bool_from(ts, !t);
    }
    default:
        return newref(interp.NotImplemented);
    }
}

static Ref<> object_repr_slot(ThreadState* ts, Object* self) {
    TypeObject* t = type_of(self);
    std::string mod = type_module_name(ts, t);
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
    std::string text = "<";
    if (mod != "builtins") text += mod + ".";
    text += type_qualname(t) + " object at " + addr + ">";
    return str_from_utf8(ts, text);
}

static Ref<> object_get_class(ThreadState* ts, Object* self) { return newref<Object>(type_of(self)); }

// Whether instances of `child` are laid out exactly as those of its base.
static bool compatible_with_tp_base(TypeObject* child) {
    TypeObject* parent = child->tp_base;
    return parent && child->tp_basicsize == parent->tp_basicsize && child->tp_itemsize == parent->tp_itemsize &&
           child->tp_dictoffset == parent->tp_dictoffset &&
           child->tp_weaklistoffset == parent->tp_weaklistoffset &&
           type_has_flag(child, TPFLAGS_HAVE_GC) == type_has_flag(parent, TPFLAGS_HAVE_GC) &&
           (child->tp_dealloc == subtype_dealloc || child->tp_dealloc == parent->tp_dealloc);
}

static bool same_slots_added(ThreadState* ts, TypeObject* a, TypeObject* b) {
    if (a->tp_base != b->tp_base || a->tp_basicsize != b->tp_basicsize || a->tp_itemsize != b->tp_itemsize ||
        a->tp_dictoffset != b->tp_dictoffset || a->tp_weaklistoffset != b->tp_weaklistoffset)
        return false;
    isize na = a->ht_slots ? a->ht_slots->ob_size : 0;
    isize nb = b->ht_slots ? b->ht_slots->ob_size : 0;
    if (na != nb) return false;
    for (isize i = 0; i < na; i++)
        if (!str_equal(as_str(a->ht_slots->ob_item[i]), as_str(b->ht_slots->ob_item[i]))) return false;
    return true;
}

// `obj.__class__ = C`: allowed between classes whose instances have the
// same layout (typeobject.c: object_set_class, compatible_for_assignment).
static int object_set_class(ThreadState* ts, Object* self, Object* value) {
    Interpreter& interp = *ts->interp;
    if (!value) {
        raise(ts, interp.exc.TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!is_type(value)) {
        raise(ts, interp.exc.TypeError,
              std::string("__class__ must be set to a class, not '") + type_name(value) + "' object");
        return -1;
    }
    TypeObject* newto = as_type(value);
    TypeObject* oldto = type_of(self);
    if (!is_heap(newto) || !is_heap(oldto)) {
        raise(ts, interp.exc.TypeError,
              "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    TypeObject* newbase = newto;
    TypeObject* oldbase = oldto;
    while (compatible_with_tp_base(newbase)) newbase = newbase->tp_base;
    while (compatible_with_tp_base(oldbase)) oldbase = oldbase->tp_base;
    if (newbase != oldbase && !same_slots_added(ts, newbase, oldbase)) {
        raise(ts, interp.exc.TypeError, "__class__ assignment: '" + newto->tp_name +
                                            "' object layout differs from '" + oldto->tp_name + "'");
        return -1;
    }
    incref(newto);
    self->ob_type = newto;
    newto->tp_live++;   // the instance now counts as newto's
    oldto->tp_live--;
    decref(oldto);
    return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {nullptr, nullptr, nullptr, nullptr},
};

// object.__format__(spec): str(self) for an empty spec, else an error.
static Ref<> object_format_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__format__", kw) || !check_nargs(ts, "__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("__format__() argument must be str, not ") + type_name(args[0]));
    if (as_str(args[0])->length > 0)
        return raise(ts, ts->interp->exc.TypeError,
                     "unsupported format string passed to " + type_of(self)->tp_name + ".__format__");
    return object_str(ts, self);
}

// object.__sizeof__: CPython's basicsize plus itemsize per item.
static Ref<> object_sizeof_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    TypeObject* t = type_of(self);
    isize size = t->cpython.basicsize;
    if (t->cpython.itemsize > 0 && t->tp_itemsize > 0) {
        isize n = static_cast<VarObject*>(self)->ob_size;
        size += (n < 0 ? -n : n) * t->cpython.itemsize;
    }
    return int_from_i64(ts, size);
}

// object.__dir__: the instance __dict__'s keys plus the attributes of its
// class and the class's bases.
static Ref<> object_dir_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    Ref<DictObject> d;
    Ref<> own = object_getattr_cstr(ts, self, "__dict__");
    if (!own) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
    } else if (is_dict(own.get())) {
        d = dict_copy(ts, as_dict(own.get()));
        if (!d) return nullptr;
    }
    if (!d) {
        d = dict_new(ts);
        if (!d) return nullptr;
    }
    Ref<> cls = object_getattr_cstr(ts, self, "__class__");
    if (!cls) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
    } else if (!merge_class_dict(ts, d.get(), cls.get())) {
        return nullptr;
    }
    return dict_keys_list(ts, d.get());
}

// object.__init_subclass__ (a classmethod): accepts no keyword arguments.
static Ref<> object_init_subclass_m(ThreadState* ts, Object* cls, Object* const*, isize nargs, TupleObject* kw) {
    if (excess_args(nargs, kw)) {
        std::string name = is_type(cls) ? type_qualname(as_type(cls)) : std::string("object");
        if (nargs) return raise(ts, ts->interp->exc.TypeError, name + ".__init_subclass__() takes no arguments");
        return raise(ts, ts->interp->exc.TypeError, name + ".__init_subclass__() takes no keyword arguments");
    }
    return newref(ts->interp->None);
}

static Ref<> object_subclasshook_m(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) {
    return newref(ts->interp->NotImplemented);
}

// ---- pickling: object.__reduce_ex__, __reduce__, __getstate__
// (typeobject.c: object___reduce_ex___impl, _common_reduce, reduce_newobj,
// object_getstate). The decisions that need only Python-visible facts
// (__getnewargs_ex__, the slot names, __basicsize__ against the fields a
// class adds) are made in copyreg._reduce_object and
// copyreg._getstate_default; this side checks what Python cannot see (a
// type without tp_new) and the __reduce__ override.

static Ref<> copyreg_call(ThreadState* ts, const char* fn, Object* const* args, isize nargs) {
    Ref<> mod = import_module(ts, "copyreg");
    Ref<> f = mod ? object_getattr_cstr(ts, mod.get(), fn) : Ref<>();
    return f ? object_vectorcall(ts, f.get(), args, nargs) : Ref<>();
}

static Ref<> object_common_reduce(ThreadState* ts, Object* self, Object* proto_obj, int64_t proto) {
    TypeObject* t = type_of(self);
    if (proto >= 2 && !t->tp_new && !t->tp_vectorcall)
        return raise(ts, ts->interp->exc.TypeError, "cannot pickle '" + t->tp_name + "' object");
    Object* args[2] = {self, proto_obj};
    return copyreg_call(ts, "_reduce_object", args, 2);
}

static Ref<> object_reduce_ex_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce_ex__", kw) || !check_nargs(ts, "__reduce_ex__", nargs, 1, 1)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (is_float(args[0]))
        return raise(ts, interp.exc.TypeError, "'float' object cannot be interpreted as an integer");
    Ref<> proto = number_index(ts, args[0]);
    if (!proto) return nullptr;
    int64_t p = 0;
    if (!int_as_i64(proto.get(), &p)) return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C int");
    // A class that defines __reduce__ (and not __reduce_ex__) is asked that.
    Object* objreduce = dict_get_cstr(ts, interp.types.object->tp_dict, "__reduce__");
    Object* clsreduce = type_lookup(type_of(self), "__reduce__");
    if (clsreduce && clsreduce != objreduce) {
        Ref<> reduce = object_getattr_cstr(ts, self, "__reduce__");
        return reduce ? object_call_noargs(ts, reduce.get()) : Ref<>();
    }
    return object_common_reduce(ts, self, proto.get(), p);
}

static Ref<> object_reduce_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    Ref<> zero = int_from_i64(ts, 0);
    return zero ? object_common_reduce(ts, self, zero.get(), 0) : Ref<>();
}

static Ref<> object_getstate_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__getstate__", kw) || !check_nargs(ts, "__getstate__", nargs, 0, 0)) return nullptr;
    Object* args[2] = {self, ts->interp->False};
    return copyreg_call(ts, "_getstate_default", args, 2);
}

static const MethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex_m, METH_DEFAULT, "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", object_reduce_m, METH_DEFAULT, "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", object_getstate_m, METH_DEFAULT, "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__format__", object_format_m, METH_DEFAULT, "__format__($self, format_spec, /)\n--\n\nDefault object formatter."},
    {"__sizeof__", object_sizeof_m, METH_DEFAULT, "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", object_dir_m, METH_DEFAULT, "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {"__init_subclass__", object_init_subclass_m, METH_CLASS,
     "__init_subclass__($cls, /)\n--\n\nThis method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook_m, METH_CLASS,
     "__subclasshook__($cls, subclass, /)\n--\n\nAbstract classes can override this to customize issubclass()."},
    {nullptr, nullptr, 0, nullptr},
};

// object's slots that belong to the class machinery (in CPython they live
// in typeobject.c too). Installed when `object` is readied, over the
// simpler bootstrap versions in object.cpp.
bool is_object_new(newfunc f) { return f == object_new; }

void install_object_slots(TypeObject* object) {
    object->tp_new = object_new;
    object->tp_init = object_init;
    object->tp_richcompare = object_richcompare_slot;
    object->tp_repr = object_repr_slot;
    object->tp_methods = object_methods;
    object->tp_getset = object_getsets;
}

}  // namespace gp
