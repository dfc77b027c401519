// typeobject.cpp — creating and readying types, attribute lookup along the
// MRO, and the `type` type itself.
//
// Mirrors CPython 3.11's Objects/typeobject.c: type_ready() is PyType_Ready
// (inherit slots from the base, build __mro__, fill __dict__), type_lookup()
// is _PyType_Lookup, type_call() is what happens when you call a class.
#include "objects/typeobject.h"

#include <new>

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool type_is_subtype(TypeObject* sub, TypeObject* base) {
    if (sub == base) return true;
    if (TupleObject* mro = sub->tp_mro) {
        for (isize i = 0; i < mro->ob_size; i++)
            if (mro->ob_item[i] == base) return true;
        return false;
    }
    for (TypeObject* t = sub->tp_base; t; t = t->tp_base)   // not readied yet
        if (t == base) return true;
    return false;
}

Object* type_lookup(TypeObject* type, Object* name) {
    TupleObject* mro = type->tp_mro;
    if (!mro) return type->tp_dict ? dict_get_str(type->tp_dict, as_str(name)) : nullptr;
    for (isize i = 0; i < mro->ob_size; i++) {
        auto* t = static_cast<TypeObject*>(mro->ob_item[i]);
        if (!t->tp_dict) continue;
        if (Object* v = dict_get_str(t->tp_dict, as_str(name))) return v;
    }
    return nullptr;
}

Object* type_lookup(TypeObject* type, const char* name) {
    return type_lookup(type, type->interp->intern(name));
}

TypeObject* type_new_builtin(Interpreter& interp, const char* name, isize basicsize,
                             isize itemsize, TypeObject* base, uint64_t flags) {
    // The `type` type may not exist yet during bootstrap; the interpreter
    // patches ob_type of the first types afterwards.
    TypeObject* meta = interp.types.type;
    void* mem = interp.heap.malloc(sizeof(TypeObject));
    if (!mem) return nullptr;
    auto* t = new (mem) TypeObject();
    t->ob_refcnt = 1;
    t->ob_type = meta;
    if (meta) incref(meta);
    t->ob_size = 0;
    t->interp = &interp;
    t->tp_name = name;
    t->tp_basicsize = basicsize;
    t->tp_itemsize = itemsize;
    t->tp_flags = flags;
    t->tp_base = base;
    if (base) incref(base);
    return t;
}

static void inherit_slots(TypeObject* t, TypeObject* b) {
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(tp_dealloc); INHERIT(tp_repr); INHERIT(tp_str); INHERIT(tp_getattro);
    INHERIT(tp_setattro); INHERIT(tp_iter); INHERIT(tp_iternext); INHERIT(tp_call);
    INHERIT(tp_descr_get); INHERIT(tp_descr_set); INHERIT(tp_init); INHERIT(tp_new);
    INHERIT(tp_traverse); INHERIT(tp_clear);
    // __eq__ and __hash__ are inherited together, as CPython does.
    if (!t->tp_richcompare && !t->tp_hash) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
#undef INHERIT
    if (!t->tp_as_number && b->tp_as_number) t->tp_as_number = b->tp_as_number;
    if (!t->tp_as_sequence && b->tp_as_sequence) t->tp_as_sequence = b->tp_as_sequence;
    if (!t->tp_as_mapping && b->tp_as_mapping) t->tp_as_mapping = b->tp_as_mapping;
    if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
    if (!t->tp_weaklistoffset) t->tp_weaklistoffset = b->tp_weaklistoffset;
    t->tp_flags |= b->tp_flags & (TPFLAGS_LONG_SUBCLASS | TPFLAGS_LIST_SUBCLASS |
        TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS | TPFLAGS_UNICODE_SUBCLASS |
        TPFLAGS_DICT_SUBCLASS | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_TYPE_SUBCLASS);
}

bool type_ready(ThreadState* ts, TypeObject* type) {
    Interpreter& interp = *ts->interp;
    if (!type->tp_base && type != interp.types.object) {
        type->tp_base = interp.types.object;
        incref(type->tp_base);
    }
    if (!type->tp_bases) {
        Ref<TupleObject> bases = type->tp_base ? tuple_pack(ts, {type->tp_base}) : tuple_new(ts, 0);
        if (!bases) return false;
        type->tp_bases = bases.release();
    }
    if (!type->tp_dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return false;
        type->tp_dict = d.release();
    }
    // Single-inheritance MRO: self, then the base's MRO. (Classes with
    // several bases compute a C3 linearisation in the class machinery.)
    if (!type->tp_mro) {
        isize n = 1 + (type->tp_base ? type->tp_base->tp_mro->ob_size : 0);
        Ref<TupleObject> mro = tuple_new(ts, n);
        if (!mro) return false;
        mro->ob_item[0] = type;
        incref(type);
        for (isize i = 1; i < n; i++) {
            mro->ob_item[i] = type->tp_base->tp_mro->ob_item[i - 1];
            incref(mro->ob_item[i]);
        }
        type->tp_mro = mro.release();
    }
    if (type->tp_base) inherit_slots(type, type->tp_base);
    if (!dict_get_cstr(ts, type->tp_dict, "__doc__")) {
        Ref<> doc = type->tp_doc.empty() ? Ref<>::borrow(interp.None) : str_from_utf8(ts, type->tp_doc);
        if (!doc || !dict_set_cstr(ts, type->tp_dict, "__doc__", doc.get())) return false;
    }
    return true;
}

// ------------------------------------------------------------ the type type

static void type_dealloc(Object* op) {
    auto* t = static_cast<TypeObject*>(op);
    // Clear first: the dict may hold objects whose type is t itself.
    DictObject* d = t->tp_dict; t->tp_dict = nullptr;
    TupleObject* mro = t->tp_mro; t->tp_mro = nullptr;
    TupleObject* bases = t->tp_bases; t->tp_bases = nullptr;
    TypeObject* base = t->tp_base; t->tp_base = nullptr;
    xdecref(d); xdecref(mro); xdecref(bases); xdecref(base);
    TypeObject* meta = t->ob_type;
    Interpreter* interp = t->interp;
    t->~TypeObject();
    interp->heap.free(op);
    xdecref(meta);
}

static Ref<> type_repr(ThreadState* ts, Object* self) {
    auto* t = static_cast<TypeObject*>(self);
    std::string mod;
    if (t->tp_dict) {
        if (Object* m = dict_get_cstr(ts, t->tp_dict, "__module__"); m && is_str(m))
            mod = std::string(str_utf8(m));
    }
    std::string text = "<class '";
    if (!mod.empty() && mod != "builtins") text += mod + ".";
    text += t->tp_name + "'>";
    return str_from_utf8(ts, text);
}

// Calling a class: tp_new makes the instance, tp_init initialises it when
// the result is an instance of the class (typeobject.c: type_call).
static Ref<> type_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                       TupleObject* kwnames) {
    auto* type = static_cast<TypeObject*>(callable);
    Interpreter& interp = *ts->interp;
    if (type == interp.types.type && nargs == 1 && (!kwnames || kwnames->ob_size == 0))
        return newref<Object>(type_of(args[0]));
    if (type->tp_vectorcall) return type->tp_vectorcall(ts, callable, args, nargs, kwnames);
    if (!type->tp_new)
        return raise(ts, interp.exc.TypeError, "cannot create '" + type->tp_name + "' instances");
    Ref<> obj = type->tp_new(ts, type, args, nargs, kwnames);
    if (!obj) return nullptr;
    if (!isinstance_of(obj.get(), type)) return obj;
    TypeObject* ot = type_of(obj.get());
    if (ot->tp_init && ot->tp_init(ts, obj.get(), args, nargs, kwnames) < 0) return nullptr;
    return obj;
}

static Ref<> type_getattro(ThreadState* ts, Object* self, Object* name) {
    auto* type = static_cast<TypeObject*>(self);
    TypeObject* meta = type_of(self);
    // Data descriptors on the metatype win (e.g. __name__, __doc__ handling).
    Object* meta_attr = type_lookup(meta, name);
    if (meta_attr && type_of(meta_attr)->tp_descr_set && type_of(meta_attr)->tp_descr_get)
        return type_of(meta_attr)->tp_descr_get(ts, meta_attr, self, meta);
    if (Object* attr = type_lookup(type, name)) {
        if (descrgetfunc get = type_of(attr)->tp_descr_get)
            return get(ts, attr, nullptr, self);
        return newref(attr);
    }
    if (meta_attr) {
        if (descrgetfunc get = type_of(meta_attr)->tp_descr_get)
            return get(ts, meta_attr, self, meta);
        return newref(meta_attr);
    }
    if (str_equal_ascii(as_str(name), "__name__")) return str_from_utf8(ts, type->tp_name);
    if (str_equal_ascii(as_str(name), "__mro__")) return newref<Object>(type->tp_mro);
    if (str_equal_ascii(as_str(name), "__dict__")) return newref<Object>(type->tp_dict);
    if (str_equal_ascii(as_str(name), "__base__"))
        return newref<Object>(type->tp_base ? static_cast<Object*>(type->tp_base) : ts->interp->None);
    if (str_equal_ascii(as_str(name), "__bases__")) return newref<Object>(type->tp_bases);
    return raise(ts, ts->interp->exc.AttributeError,
                 "type object '" + type->tp_name + "' has no attribute '" +
                     std::string(str_utf8(name)) + "'");
}

bool init_type_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.type;
    t->tp_dealloc = type_dealloc;
    t->tp_repr = type_repr;
    t->tp_call = type_call;
    t->tp_getattro = type_getattro;
    return true;
}

}  // namespace gp
