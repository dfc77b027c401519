// typeobject.cpp — types: readying the built-in ones, attribute lookup
// along the MRO, and the `type` type itself (what classes are instances of).
//
// Mirrors CPython 3.11's Objects/typeobject.c, which glasspy splits by
// concept:
//
//   typeobject.cpp            type_ready (PyType_Ready), _PyType_Lookup, the
//                             `type` type: calling a class, class attributes
//                             (__name__, __mro__, __dict__, ...), mro(),
//                             __subclasses__(), CPython's layout numbers
//   typeobject_new.cpp        type.__new__: creating a class
//   typeobject_slots.cpp      special methods <-> C++ slots, both directions
//   typeobject_instances.cpp  instances of classes and the `object` type
//
// A class is a TypeObject like `int` is; the difference is only where its
// behaviour comes from.
//
//   * A built-in type fills its C++ slots (tp_repr, nb_add, ...) in its init
//     function; type_ready() then inherits what is missing from the bases,
//     computes __mro__, and fills __dict__: the tp_methods/tp_members/
//     tp_getset tables become descriptors, and every slot becomes a wrapper
//     descriptor (add_operators), so `int.__add__(1, 2)` reaches the same
//     C++ function `1 + 2` does.
//
//   * A class statement ends in type_new() (`type(name, bases, ns)`), which
//     lays the class out, computes its C3 MRO, readies it like a built-in
//     type, and then points every C++ slot whose special method the class
//     (or a base) defines in Python at a function that calls it — so `a + b`
//     on instances calls `A.__add__`.
//
// Two layouts are kept apart on purpose. tp_basicsize/tp_dictoffset/... are
// our real memory layout (32-bit in wasm); `cpython` holds what CPython 3.11
// on 64-bit Linux has for the same type, computed by the same rules, and is
// what __basicsize__, object.__sizeof__ and sys.getsizeof report.
#include "objects/mappingproxy.h"
#include "objects/unionobject.h"
#include "objects/typeobject.h"
#include "objects/typeobject_internal.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"

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

// _PyType_Lookup with its method cache: the result for (type, interned
// name) is remembered until type_epoch changes, which happens whenever the
// __dict__ of a type the entry depends on changes or a type is freed (its
// address could be reused). A type without its MRO yet is never cached.
Object* type_lookup(TypeObject* type, Object* name) {
    TupleObject* mro = type->tp_mro;
    if (!mro) return type->tp_dict ? dict_get_str(type->tp_dict, as_str(name)) : nullptr;
    Interpreter& interp = *type->interp;
    const bool cacheable = as_str(name)->interned && type_of(name) == interp.types.str;
    TypeCacheEntry* e = nullptr;
    if (cacheable) {
        e = &interp.type_cache[type_cache_slot(type, name, Interpreter::kTypeCacheSize)];
        if (e->type == type && e->name == name && e->epoch == interp.type_epoch) return e->value;
    }
    Object* found = nullptr;
    bool complete = true;   // every class on the MRO has its dict
    for (isize i = 0; i < mro->ob_size; i++) {
        auto* t = static_cast<TypeObject*>(mro->ob_item[i]);
        if (!t->tp_dict) { complete = false; continue; }
        if ((found = dict_get_str(t->tp_dict, as_str(name)))) break;
    }
    if (e && complete) {
        for (isize i = 0; i < mro->ob_size; i++) dict_watch(static_cast<TypeObject*>(mro->ob_item[i])->tp_dict);
        incref(name);
        Object* old = e->name;
        e->type = type;
        e->name = name;
        e->value = found;
        e->epoch = interp.type_epoch;
        xdecref(old);
    }
    return found;
}

Object* type_lookup(TypeObject* type, const char* name) {
    return type_lookup(type, type->interp->intern(name));
}

static bool is_type(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }
static TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
static bool is_heap(TypeObject* t) { return type_has_flag(t, TPFLAGS_HEAPTYPE); }

// Every type object has a GC header in front, as every instance of a
// container type does: `type` is a container (a class is in its own
// __mro__, its dict holds functions that reach it back), and object_free
// and the collector find the header from the object's type. Built-in types
// are never tracked (as CPython's static types are not collected); classes
// are, from type_new on.
TypeObject* type_alloc(Interpreter& interp) {
    void* mem = interp.heap.malloc(sizeof(GCHead) + sizeof(TypeObject));
    if (!mem) return nullptr;
    std::memset(mem, 0, sizeof(GCHead));
    return new (static_cast<char*>(mem) + sizeof(GCHead)) TypeObject();
}

TypeObject* type_new_builtin(Interpreter& interp, const char* name, isize basicsize,
                             isize itemsize, TypeObject* base, uint64_t flags) {
    // The `type` type may not exist yet during bootstrap; the interpreter
    // patches ob_type of the first types afterwards.
    TypeObject* meta = interp.types.type;
    TypeObject* t = type_alloc(interp);
    if (!t) return nullptr;
    t->ob_refcnt = 1;
    t->ob_type = meta;
    if (meta) {
        incref(meta);
        meta->tp_live++;
    }
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

std::string type_qualname(TypeObject* type) {
    if (is_heap(type) && type->ht_qualname) return std::string(str_utf8(type->ht_qualname));
    const std::string& n = type->tp_name;
    std::size_t dot = n.rfind('.');
    return dot == std::string::npos ? n : n.substr(dot + 1);
}

std::string type_module_name(ThreadState* ts, TypeObject* type) {
    if (is_heap(type)) {
        Object* m = type->tp_dict ? dict_get_str(type->tp_dict, ts->interp->intern("__module__")) : nullptr;
        return m && is_str(m) ? std::string(str_utf8(m)) : std::string("builtins");
    }
    std::size_t dot = type->tp_name.rfind('.');
    return dot == std::string::npos ? std::string("builtins") : type->tp_name.substr(0, dot);
}

// ------------------------------------------------------ CPython's layouts

// tp_basicsize, tp_itemsize, tp_dictoffset and tp_weaklistoffset of the
// built-in types in CPython 3.11 on 64-bit Linux (printed by CPython itself:
// `t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__`).
// Exceptions not listed inherit BaseException's 72 bytes.
struct CPythonLayoutRow { const char* name; CPythonLayout layout; };
static const CPythonLayoutRow kCPythonLayouts[] = {
    {"object", {16, 0, 0, 0}}, {"type", {904, 40, 264, 368}}, {"int", {24, 4, 0, 0}},
    {"bool", {32, 4, 0, 0}}, {"float", {24, 0, 0, 0}}, {"complex", {32, 0, 0, 0}},
    {"str", {80, 0, 0, 0}}, {"bytes", {33, 1, 0, 0}}, {"bytearray", {56, 0, 0, 0}},
    {"tuple", {24, 8, 0, 0}}, {"list", {40, 0, 0, 0}}, {"dict", {48, 0, 0, 0}},
    {"set", {200, 0, 0, 192}}, {"frozenset", {200, 0, 0, 192}}, {"range", {48, 0, 0, 0}},
    {"slice", {40, 0, 0, 0}}, {"property", {64, 0, 0, 0}}, {"staticmethod", {32, 0, 24, 0}},
    {"classmethod", {32, 0, 24, 0}}, {"super", {40, 0, 0, 0}}, {"function", {136, 0, 88, 96}},
    {"method", {48, 0, 0, 32}}, {"module", {56, 0, 16, 40}},
    {"builtin_function_or_method", {56, 0, 0, 40}}, {"code", {184, 2, 0, 144}},
    {"cell", {24, 0, 0, 0}}, {"list_iterator", {32, 0, 0, 0}}, {"tuple_iterator", {32, 0, 0, 0}},
    {"str_ascii_iterator", {32, 0, 0, 0}}, {"dict_keyiterator", {56, 0, 0, 0}},
    {"frame", {120, 8, 0, 0}}, {"traceback", {40, 0, 0, 0}}, {"NoneType", {16, 0, 0, 0}},
    {"NotImplementedType", {16, 0, 0, 0}}, {"ellipsis", {16, 0, 0, 0}},
    {"wrapper_descriptor", {56, 0, 0, 0}}, {"method-wrapper", {32, 0, 0, 0}},
    {"method_descriptor", {56, 0, 0, 0}}, {"getset_descriptor", {48, 0, 0, 0}},
    {"member_descriptor", {48, 0, 0, 0}}, {"enumerate", {56, 0, 0, 0}}, {"zip", {48, 0, 0, 0}},
    {"map", {32, 0, 0, 0}}, {"filter", {32, 0, 0, 0}}, {"reversed", {32, 0, 0, 0}},
    {"BaseException", {72, 0, 16, 0}}, {"StopIteration", {80, 0, 16, 0}},
    {"SystemExit", {80, 0, 16, 0}}, {"NameError", {80, 0, 16, 0}},
    {"UnboundLocalError", {80, 0, 16, 0}}, {"AttributeError", {88, 0, 16, 0}},
    {"ImportError", {96, 0, 16, 0}}, {"ModuleNotFoundError", {96, 0, 16, 0}},
    {"OSError", {112, 0, 16, 0}}, {"SyntaxError", {136, 0, 16, 0}},
    {"IndentationError", {136, 0, 16, 0}}, {"TabError", {136, 0, 16, 0}},
    {"UnicodeEncodeError", {112, 0, 16, 0}}, {"UnicodeDecodeError", {112, 0, 16, 0}},
    {"UnicodeTranslateError", {112, 0, 16, 0}},
    {"dict_valueiterator", {56, 0, 0, 0}}, {"dict_itemiterator", {56, 0, 0, 0}},
    {"dict_reversekeyiterator", {56, 0, 0, 0}}, {"dict_reversevalueiterator", {56, 0, 0, 0}},
    {"dict_reverseitemiterator", {56, 0, 0, 0}}, {"memoryview", {144, 8, 0, 136}},
    {"itertools.count", {40, 0, 0, 0}}, {"itertools.zip_longest", {56, 0, 0, 0}},
    {"itertools.product", {48, 0, 0, 0}}, {"itertools.permutations", {64, 0, 0, 0}},
    {"itertools.combinations", {56, 0, 0, 0}}, {"itertools.combinations_with_replacement", {56, 0, 0, 0}},
    {"itertools.groupby", {64, 0, 0, 0}}, {"itertools.starmap", {32, 0, 0, 0}},
    {"itertools.filterfalse", {32, 0, 0, 0}}, {"itertools._tee", {40, 0, 0, 32}},
    {"operator.itemgetter", {48, 0, 0, 0}}, {"operator.attrgetter", {40, 0, 0, 0}},
    {"functools.partial", {64, 0, 40, 48}}, {"collections.deque", {216, 0, 0, 208}},
    {"_thread.lock", {40, 0, 0, 24}}, {"_thread.RLock", {48, 0, 0, 40}}, {"range_iterator", {48, 0, 0, 0}},
};

// A built-in type's CPython layout: from the table, else its base's when the
// type adds nothing to it, else our own numbers (exact on 64-bit).
static void set_builtin_cpython_layout(TypeObject* t) {
    if (t->cpython.basicsize) return;
    for (const CPythonLayoutRow& row : kCPythonLayouts)
        if (t->tp_name == row.name) { t->cpython = row.layout; return; }
    TypeObject* b = t->tp_base;
    if (b && t->tp_basicsize == b->tp_basicsize && t->tp_itemsize == b->tp_itemsize) {
        t->cpython = b->cpython;
        return;
    }
    t->cpython = {t->tp_basicsize, t->tp_itemsize, t->tp_dictoffset, t->tp_weaklistoffset};
}

isize type_preheader_size(TypeObject* type) {
    isize n = type_has_flag(type, TPFLAGS_HAVE_GC) ? 16 : 0;
    if (type_has_flag(type, TPFLAGS_MANAGED_DICT)) n += 16;
    return n;
}

// ------------------------------------------------------------ type_ready

// Copies every slot the type leaves empty from `b` (CPython's
// inherit_slots; the layout fields are inherit_special's, below). Called for each type of the MRO after
// the type itself, so the nearest base that fills a slot wins.
static void inherit_slots(TypeObject* t, TypeObject* b) {
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(tp_dealloc); INHERIT(tp_repr); INHERIT(tp_str); INHERIT(tp_getattro);
    INHERIT(tp_setattro); INHERIT(tp_iter); INHERIT(tp_iternext); INHERIT(tp_call);
    INHERIT(tp_descr_get); INHERIT(tp_descr_set); INHERIT(tp_init);
    INHERIT(tp_traverse); INHERIT(tp_clear); INHERIT(tp_finalize);
    // __eq__ and __hash__ are inherited together, and only when the class
    // overrides neither (a class with __eq__ alone becomes unhashable).
    if (!t->tp_richcompare && !t->tp_hash) {
        bool overrides = false;
        if (t->tp_dict) {
            Interpreter& interp = *t->interp;
            overrides = dict_get_str(t->tp_dict, interp.intern("__eq__")) ||
                        dict_get_str(t->tp_dict, interp.intern("__hash__"));
        }
        if (!overrides) {
            t->tp_richcompare = b->tp_richcompare;
            t->tp_hash = b->tp_hash;
        }
    }
#undef INHERIT
    // Method tables are inherited slot by slot (CPython's COPYNUM & co.):
    // a type that defines some number methods still inherits the others.
    if (b->tp_as_number) {
        if (!t->tp_as_number) t->tp_as_number = &t->number_storage;
        if (t->tp_as_number != b->tp_as_number) {
            NumberMethods& n = *t->tp_as_number;
            const NumberMethods& m = *b->tp_as_number;
#define NB(f) if (!n.f) n.f = m.f;
            NB(nb_add) NB(nb_subtract) NB(nb_multiply) NB(nb_remainder) NB(nb_divmod) NB(nb_power)
            NB(nb_negative) NB(nb_positive) NB(nb_absolute) NB(nb_bool) NB(nb_invert) NB(nb_lshift)
            NB(nb_rshift) NB(nb_and) NB(nb_xor) NB(nb_or) NB(nb_int) NB(nb_float) NB(nb_inplace_add)
            NB(nb_inplace_subtract) NB(nb_inplace_multiply) NB(nb_inplace_remainder)
            NB(nb_inplace_power) NB(nb_inplace_lshift) NB(nb_inplace_rshift) NB(nb_inplace_and)
            NB(nb_inplace_xor) NB(nb_inplace_or) NB(nb_floor_divide) NB(nb_true_divide)
            NB(nb_inplace_floor_divide) NB(nb_inplace_true_divide) NB(nb_index)
            NB(nb_matrix_multiply) NB(nb_inplace_matrix_multiply)
#undef NB
        }
    }
    if (b->tp_as_sequence) {
        if (!t->tp_as_sequence) t->tp_as_sequence = &t->sequence_storage;
        if (t->tp_as_sequence != b->tp_as_sequence) {
            SequenceMethods& s = *t->tp_as_sequence;
            const SequenceMethods& m = *b->tp_as_sequence;
            if (!s.sq_length) s.sq_length = m.sq_length;
            if (!s.sq_concat) s.sq_concat = m.sq_concat;
            if (!s.sq_repeat) s.sq_repeat = m.sq_repeat;
            if (!s.sq_item) s.sq_item = m.sq_item;
            if (!s.sq_contains) s.sq_contains = m.sq_contains;
            if (!s.sq_inplace_concat) s.sq_inplace_concat = m.sq_inplace_concat;
            if (!s.sq_inplace_repeat) s.sq_inplace_repeat = m.sq_inplace_repeat;
        }
    }
    if (b->tp_as_mapping) {
        if (!t->tp_as_mapping) t->tp_as_mapping = &t->mapping_storage;
        if (t->tp_as_mapping != b->tp_as_mapping) {
            MappingMethods& p = *t->tp_as_mapping;
            const MappingMethods& m = *b->tp_as_mapping;
            if (!p.mp_length) p.mp_length = m.mp_length;
            if (!p.mp_subscript) p.mp_subscript = m.mp_subscript;
            if (!p.mp_ass_subscript) p.mp_ass_subscript = m.mp_ass_subscript;
        }
    }
}

// The instance layout — sizes, the __dict__ and __weakref__ offsets, the
// "subclass of int/tuple/..." flags — comes from tp_base alone, never from
// the other classes of the MRO (typeobject.c: inherit_special). A mixin
// such as `class Q(int, B)` must not lend Q the fixed offsets of B's
// instances: Q's instances are laid out after int's digits, not B's header.
// tp_new goes with the layout: it allocates the instance (type_ready_set_new).
// A built-in type straight under object that has no tp_new of its own
// cannot be instantiated from Python at all (list_iterator, code, frame...):
// object's tp_new would make an instance whose fields were never set.
static void inherit_special(TypeObject* t, TypeObject* b) {
    bool builtin_under_object = b == t->interp->types.object && !is_heap(t);
    if (!t->tp_new && !builtin_under_object) t->tp_new = b->tp_new;
    if (!t->tp_basicsize) t->tp_basicsize = b->tp_basicsize;
    if (!t->tp_itemsize) t->tp_itemsize = b->tp_itemsize;
    if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
    if (!t->tp_weaklistoffset) t->tp_weaklistoffset = b->tp_weaklistoffset;
    t->tp_flags |= b->tp_flags & (TPFLAGS_LONG_SUBCLASS | TPFLAGS_LIST_SUBCLASS |
        TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS | TPFLAGS_UNICODE_SUBCLASS |
        TPFLAGS_DICT_SUBCLASS | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_TYPE_SUBCLASS);
}

static bool add_methods(ThreadState* ts, TypeObject* type, const MethodDef* defs) {
    for (const MethodDef* def = defs; def->name; def++) {
        if (dict_get_cstr(ts, type->tp_dict, def->name)) continue;
        Ref<> value;
        if (def->flags & METH_STATIC) {
            Ref<> f = cfunction_new(ts, def, nullptr);
            value = f ? staticmethod_new(ts, f.get()) : nullptr;
        } else {
            auto* d = static_cast<MethodDescrObject*>(object_alloc(ts, ts->interp->types.method_descriptor, 0));
            if (!d) return false;
            d->def = def;
            d->d_type = type;
            incref(type);
            ts->interp->gc.track(d);
            value = Ref<>::steal(d);
            // A class method is the method descriptor inside a classmethod:
            // classmethod.__get__ binds it to the class (classmethod_descriptor).
            if (def->flags & METH_CLASS) value = classmethod_new(ts, value.get());
        }
        if (!value || !dict_set_cstr(ts, type->tp_dict, def->name, value.get())) return false;
    }
    return true;
}

static bool add_members(ThreadState* ts, TypeObject* type, const MemberDef* defs) {
    for (const MemberDef* def = defs; def->name; def++) {
        if (dict_get_cstr(ts, type->tp_dict, def->name)) continue;
        Ref<> name = str_intern_cstr(ts, def->name);
        if (!name) return false;
        Ref<> d = member_descr_new(ts, type, name.get(), def->type, def->offset, def->flags, def->doc);
        if (!d || !dict_set_item(ts, type->tp_dict, name.get(), d.get())) return false;
    }
    return true;
}

bool add_getsets(ThreadState* ts, TypeObject* type, const GetSetDef* defs) {
    for (const GetSetDef* def = defs; def->name; def++) {
        if (dict_get_cstr(ts, type->tp_dict, def->name)) continue;
        auto* d = static_cast<GetSetDescrObject*>(object_alloc(ts, ts->interp->types.getset_descriptor, 0));
        if (!d) return false;
        d->def = def;
        d->d_type = type;
        incref(type);
        ts->interp->gc.track(d);
        Ref<> value = Ref<>::steal(d);
        if (!dict_set_cstr(ts, type->tp_dict, def->name, value.get())) return false;
    }
    return true;
}


// The MRO of a type with one base: itself, then the base's MRO.
static Ref<TupleObject> mro_single(ThreadState* ts, TypeObject* type) {
    isize n = 1 + (type->tp_base ? type->tp_base->tp_mro->ob_size : 0);
    Ref<TupleObject> mro = tuple_new(ts, n);
    if (!mro) return nullptr;
    mro->ob_item[0] = type;
    incref(type);
    for (isize i = 1; i < n; i++) {
        mro->ob_item[i] = type->tp_base->tp_mro->ob_item[i - 1];
        incref(mro->ob_item[i]);
    }
    return mro;
}

bool type_ready(ThreadState* ts, TypeObject* type) {
    if (type_has_flag(type, TPFLAGS_READY)) return true;
    Interpreter& interp = *ts->interp;
    type->tp_flags |= TPFLAGS_READYING;
    if (type == interp.types.object) install_object_slots(type);
    if (!type->tp_base && type != interp.types.object) {
        type->tp_base = interp.types.object;
        incref(type->tp_base);
    }
    if (type->tp_base && !type_has_flag(type->tp_base, TPFLAGS_READY) && !type_ready(ts, type->tp_base))
        return false;
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
    // Classes arrive with their C3 MRO computed by type_new; built-in types
    // have one base.
    if (!type->tp_mro) {
        Ref<TupleObject> mro = mro_single(ts, type);
        if (!mro) return false;
        type->tp_mro = mro.release();
    }
    // __dict__: descriptors for the static tables, then wrappers for the
    // slots (built-in types only: a class's slots are still empty here and
    // are pointed at its Python methods afterwards).
    if (type->tp_methods && !add_methods(ts, type, type->tp_methods)) return false;
    if (type->tp_members && !add_members(ts, type, type->tp_members)) return false;
    if (type->tp_getset && !add_getsets(ts, type, type->tp_getset)) return false;
    if (!is_heap(type) && !add_operators(ts, type)) return false;
    if (type->tp_base) inherit_special(type, type->tp_base);
    for (isize i = 1; i < type->tp_mro->ob_size; i++)
        inherit_slots(type, as_type(type->tp_mro->ob_item[i]));
    // A type that compares but does not hash is unhashable: __hash__ = None
    // (typeobject.c: type_ready_set_hash).
    if (!type->tp_hash) {
        if (!dict_get_cstr(ts, type->tp_dict, "__hash__") && !dict_set_cstr(ts, type->tp_dict, "__hash__", interp.None))
            return false;
        type->tp_hash = hash_not_implemented;
    }
    if (!dict_get_cstr(ts, type->tp_dict, "__doc__")) {
        Ref<> doc = type->tp_doc.empty() ? Ref<>::borrow(interp.None) : str_from_utf8(ts, type->tp_doc);
        if (!doc || !dict_set_cstr(ts, type->tp_dict, "__doc__", doc.get())) return false;
    }
    if (!is_heap(type)) set_builtin_cpython_layout(type);
    for (isize i = 0; i < type->tp_bases->ob_size; i++)
        as_type(type->tp_bases->ob_item[i])->tp_subclasses.push_back(type);
    type->tp_flags = (type->tp_flags & ~uint64_t(TPFLAGS_READYING)) | TPFLAGS_READY;
    return true;
}

// ------------------------------------------------------------ the type type

static void type_dealloc(Object* op) {
    auto* t = static_cast<TypeObject*>(op);
    t->interp->gc.untrack(op);
    t->interp->type_epoch++;   // cached lookups keyed by this address are void
    if (t->tp_bases) {
        for (isize i = 0; i < t->tp_bases->ob_size; i++) {
            auto& subs = as_type(t->tp_bases->ob_item[i])->tp_subclasses;
            subs.erase(std::remove(subs.begin(), subs.end(), t), subs.end());
        }
    }
    // Clear first: the dict may hold objects whose type is t itself.
    Object* fields[] = {t->tp_dict, t->tp_mro, t->tp_bases, t->tp_base, t->ht_name, t->ht_qualname, t->ht_slots};
    t->tp_dict = nullptr; t->tp_mro = nullptr; t->tp_bases = nullptr; t->tp_base = nullptr;
    t->ht_name = nullptr; t->ht_qualname = nullptr; t->ht_slots = nullptr;
    for (Object* f : fields) xdecref(f);
    if (t->ht_cached_keys) {
        dict_keys_decref(*t->interp, t->ht_cached_keys);
        t->ht_cached_keys = nullptr;
    }
    TypeObject* meta = t->ob_type;
    // `type` is its own type; Interpreter::finalize drops that reference
    // before the last one, so there is nothing to release after the free.
    if (meta == t) meta = nullptr;
    Interpreter* interp = t->interp;
    if (type_has_flag(t, TPFLAGS_HEAPTYPE) && interp->gc.generations[0].count > 0) interp->gc.generations[0].count--;
    t->~TypeObject();
    interp->heap.free(as_gc(op));
    if (meta) meta->tp_live--;
    xdecref(meta);
}

// type_traverse: what a class refers to that can lead back to it. The
// subclass list is borrowed, and the names and __slots__ are strings, so
// they cannot be part of a cycle. Only classes are tracked (type_alloc).
static int type_traverse(Object* op, visitproc visit, void* arg) {
    auto* t = static_cast<TypeObject*>(op);
    Object* fields[] = {t->tp_dict, t->tp_mro, t->tp_bases, t->tp_base};
    for (Object* f : fields)
        if (f && visit(f, arg)) return 1;
    return 0;
}

// type_clear: breaks a garbage class's cycles, as CPython's does: the
// namespace is emptied (the methods go) and the MRO dropped; the bases stay
// for type_dealloc, and a class without an MRO looks names up in its own
// (now empty) dict only.
static int type_clear(Object* op) {
    auto* t = static_cast<TypeObject*>(op);
    t->interp->type_epoch++;
    if (t->tp_dict) dict_clear(t->tp_dict);
    Object* mro = t->tp_mro;
    t->tp_mro = nullptr;
    xdecref(mro);
    return 0;
}

static Ref<> type_repr(ThreadState* ts, Object* self) {
    auto* t = as_type(self);
    std::string mod = type_module_name(ts, t);
    if (mod == "builtins") return str_from_utf8(ts, "<class '" + t->tp_name + "'>");
    return str_from_utf8(ts, "<class '" + mod + "." + type_qualname(t) + "'>");
}

// Calling a class: tp_new makes the instance, tp_init initialises it when
// the result is an instance of the class (typeobject.c: type_call).
static Ref<> type_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                       TupleObject* kwnames) {
    auto* type = as_type(callable);
    Interpreter& interp = *ts->interp;
    if (type == interp.types.type) {
        bool kw = kwnames && kwnames->ob_size;
        if (nargs == 1 && !kw) return newref<Object>(type_of(args[0]));
        if (nargs != 3) return raise(ts, interp.exc.TypeError, "type() takes 1 or 3 arguments");
    }
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

static int type_init(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kwnames) {
    if (nargs == 1 && kwnames && kwnames->ob_size) {
        raise(ts, ts->interp->exc.TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        raise(ts, ts->interp->exc.TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static std::nullptr_t type_no_attribute(ThreadState* ts, TypeObject* type, Object* name) {
    return raise(ts, ts->interp->exc.AttributeError,
                 "type object '" + type->tp_name + "' has no attribute '" + std::string(str_utf8(name)) + "'");
}

// type_getattro: data descriptors of the metatype (__name__, __dict__, ...)
// win, then the class's own MRO (with __get__(None, cls)), then other
// attributes of the metatype.
static Ref<> type_getattro(ThreadState* ts, Object* self, Object* name) {
    if (!is_str(name))
        return raise(ts, ts->interp->exc.TypeError,
                     std::string("attribute name must be string, not '") + type_name(name) + "'");
    auto* type = as_type(self);
    TypeObject* meta = type_of(self);
    Object* meta_attr = type_lookup(meta, name);
    Ref<> keep_meta = Ref<>::borrow(meta_attr);
    descrgetfunc meta_get = nullptr;
    if (meta_attr) {
        meta_get = type_of(meta_attr)->tp_descr_get;
        if (meta_get && type_of(meta_attr)->tp_descr_set) return meta_get(ts, meta_attr, self, meta);
    }
    if (Object* attr = type_lookup(type, name)) {
        Ref<> keep = Ref<>::borrow(attr);
        if (descrgetfunc get = type_of(attr)->tp_descr_get) return get(ts, attr, nullptr, self);
        return keep;
    }
    if (meta_get) return meta_get(ts, meta_attr, self, meta);
    if (meta_attr) return keep_meta;
    return type_no_attribute(ts, type, name);
}

static bool is_dunder(Object* name) {
    std::string_view s = str_utf8(name);
    return s.size() > 4 && s.substr(0, 2) == "__" && s.substr(s.size() - 2) == "__";
}

// type_setattro: only classes are mutable; a data descriptor of the
// metatype handles its attribute, everything else goes into the class
// __dict__, and a special method name re-points the slots.
static int type_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
    auto* type = as_type(self);
    Interpreter& interp = *ts->interp;
    if (!is_str(name)) {
        raise(ts, interp.exc.TypeError, std::string("attribute name must be string, not '") + type_name(name) + "'");
        return -1;
    }
    if (!is_heap(type)) {
        raise(ts, interp.exc.TypeError, "cannot set '" + std::string(str_utf8(name)) +
                                            "' attribute of immutable type '" + type->tp_name + "'");
        return -1;
    }
    Object* meta_attr = type_lookup(type_of(self), name);
    if (meta_attr && type_of(meta_attr)->tp_descr_set) {
        Ref<> keep = Ref<>::borrow(meta_attr);
        return type_of(meta_attr)->tp_descr_set(ts, meta_attr, self, value);
    }
    Ref<> key = str_intern(ts, newref(name));
    if (!key) return -1;
    if (value) {
        if (!dict_set_item(ts, type->tp_dict, key.get(), value)) return -1;
    } else if (!dict_del_item(ts, type->tp_dict, key.get())) {
        if (error_matches(ts, interp.exc.KeyError)) {
            error_clear(ts);
            type_no_attribute(ts, type, name);
        }
        return -1;
    }
    if (is_dunder(key.get())) update_slot(ts, type, key.get());
    return 0;
}

// ---- attributes of classes (type's getsets)

static TypeObject* self_type(Object* self) { return as_type(self); }

static Ref<> type_get_name(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    if (is_heap(t) && t->ht_name) return newref(t->ht_name);
    std::size_t dot = t->tp_name.rfind('.');
    return str_from_utf8(ts, dot == std::string::npos ? t->tp_name : t->tp_name.substr(dot + 1));
}

static bool check_set_special(ThreadState* ts, TypeObject* t, Object* value, const char* name) {
    if (!is_heap(t)) {
        raise(ts, ts->interp->exc.TypeError, std::string("cannot set '") + name +
                                                 "' attribute of immutable type '" + t->tp_name + "'");
        return false;
    }
    if (!value) {
        raise(ts, ts->interp->exc.TypeError, std::string("cannot delete '") + name +
                                                 "' attribute of immutable type '" + t->tp_name + "'");
        return false;
    }
    return true;
}

static int type_set_name(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!check_set_special(ts, t, value, "__name__")) return -1;
    if (!is_str(value)) {
        raise(ts, ts->interp->exc.TypeError, "can only assign string to " + t->tp_name + ".__name__, not '" +
                                                 type_name(value) + "'");
        return -1;
    }
    std::string_view s = str_utf8(value);
    if (s.find('\0') != std::string_view::npos) {
        raise(ts, ts->interp->exc.ValueError, "type name must not contain null characters");
        return -1;
    }
    Object* old = t->ht_name;
    t->ht_name = value;
    incref(value);
    xdecref(old);
    t->tp_name = std::string(s);
    return 0;
}

static Ref<> type_get_qualname(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    if (is_heap(t) && t->ht_qualname) return newref(t->ht_qualname);
    return type_get_name(ts, self);
}

static int type_set_qualname(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!check_set_special(ts, t, value, "__qualname__")) return -1;
    if (!is_str(value)) {
        raise(ts, ts->interp->exc.TypeError, "can only assign string to " + t->tp_name +
                                                 ".__qualname__, not '" + type_name(value) + "'");
        return -1;
    }
    Object* old = t->ht_qualname;
    t->ht_qualname = value;
    incref(value);
    xdecref(old);
    return 0;
}

static Ref<> type_get_bases(ThreadState* ts, Object* self) { return newref<Object>(self_type(self)->tp_bases); }
static Ref<> type_get_mro(ThreadState* ts, Object* self) {
    TupleObject* mro = self_type(self)->tp_mro;
    return newref(mro ? static_cast<Object*>(mro) : ts->interp->None);
}
static Ref<> type_get_base(ThreadState* ts, Object* self) {
    TypeObject* b = self_type(self)->tp_base;
    return newref(b ? static_cast<Object*>(b) : ts->interp->None);
}

static int type_set_bases(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!check_set_special(ts, t, value, "__bases__")) return -1;
    if (!is_tuple(value)) {
        raise(ts, ts->interp->exc.TypeError, "can only assign tuple to " + t->tp_name + ".__bases__, not " +
                                                 type_name(value));
        return -1;
    }
    raise(ts, ts->interp->exc.TypeError, "assignment to " + t->tp_name + ".__bases__ is not supported yet");
    return -1;
}

static Ref<> type_get_module(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    if (is_heap(t)) {
        Object* m = dict_get_str(t->tp_dict, ts->interp->intern("__module__"));
        if (!m) return raise(ts, ts->interp->exc.AttributeError, "__module__");
        return newref(m);
    }
    return str_from_utf8(ts, type_module_name(ts, t));
}

static int type_set_module(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!check_set_special(ts, t, value, "__module__")) return -1;
    return dict_set_cstr(ts, t->tp_dict, "__module__", value) ? 0 : -1;
}

// The class namespace, behind a read-only mappingproxy: changes must go
// through `C.x = v`, which also updates the class's slots.
static Ref<> type_get_dict(ThreadState* ts, Object* self) {
    DictObject* d = self_type(self)->tp_dict;
    if (!d) return newref(ts->interp->None);
    return mappingproxy_new(ts, d);
}

static Ref<> type_get_doc(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    if (!is_heap(t) && !t->tp_doc.empty()) return str_from_utf8(ts, t->tp_doc);
    Object* doc = dict_get_str(t->tp_dict, ts->interp->intern("__doc__"));
    if (!doc) return newref(ts->interp->None);
    Ref<> keep = Ref<>::borrow(doc);
    if (descrgetfunc get = type_of(doc)->tp_descr_get) return get(ts, doc, nullptr, self);
    return keep;
}

static int type_set_doc(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!check_set_special(ts, t, value, "__doc__")) return -1;
    return dict_set_cstr(ts, t->tp_dict, "__doc__", value) ? 0 : -1;
}

static Ref<> type_get_abstractmethods(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    Object* v = t != ts->interp->types.type ? dict_get_cstr(ts, t->tp_dict, "__abstractmethods__") : nullptr;
    if (!v) return raise(ts, ts->interp->exc.AttributeError, "__abstractmethods__");
    return newref(v);
}

static int type_set_abstractmethods(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    int abstract = 0;
    if (value) {
        abstract = object_is_true(ts, value);
        if (abstract < 0) return -1;
        if (!dict_set_cstr(ts, t->tp_dict, "__abstractmethods__", value)) return -1;
    } else {
        Ref<> key = str_from_utf8(ts, "__abstractmethods__");
        if (!key || !dict_del_item(ts, t->tp_dict, key.get())) {
            if (error_matches(ts, ts->interp->exc.KeyError)) {
                error_clear(ts);
                raise(ts, ts->interp->exc.AttributeError, "__abstractmethods__");
            }
            return -1;
        }
    }
    if (abstract) t->tp_flags |= TPFLAGS_IS_ABSTRACT;
    else t->tp_flags &= ~uint64_t(TPFLAGS_IS_ABSTRACT);
    return 0;
}

static Ref<> type_get_annotations(ThreadState* ts, Object* self) {
    TypeObject* t = self_type(self);
    if (!is_heap(t))
        return raise(ts, ts->interp->exc.AttributeError,
                     "type object '" + t->tp_name + "' has no attribute '__annotations__'");
    if (Object* a = dict_get_cstr(ts, t->tp_dict, "__annotations__")) {
        Ref<> keep = Ref<>::borrow(a);
        if (descrgetfunc get = type_of(a)->tp_descr_get) return get(ts, a, nullptr, self);
        return keep;
    }
    Ref<DictObject> d = dict_new(ts);
    if (!d || !dict_set_cstr(ts, t->tp_dict, "__annotations__", d.get())) return nullptr;
    return d;
}

static int type_set_annotations(ThreadState* ts, Object* self, Object* value) {
    TypeObject* t = self_type(self);
    if (!is_heap(t)) {
        raise(ts, ts->interp->exc.TypeError,
              "cannot set '__annotations__' attribute of immutable type '" + t->tp_name + "'");
        return -1;
    }
    if (value) return dict_set_cstr(ts, t->tp_dict, "__annotations__", value) ? 0 : -1;
    Ref<> key = str_from_utf8(ts, "__annotations__");
    if (!key || !dict_del_item(ts, t->tp_dict, key.get())) {
        if (error_matches(ts, ts->interp->exc.KeyError)) {
            error_clear(ts);
            raise(ts, ts->interp->exc.AttributeError, "__annotations__");
        }
        return -1;
    }
    return 0;
}

static Ref<> type_get_basicsize(ThreadState* ts, Object* self) { return int_from_i64(ts, self_type(self)->cpython.basicsize); }
static Ref<> type_get_itemsize(ThreadState* ts, Object* self) { return int_from_i64(ts, self_type(self)->cpython.itemsize); }
static Ref<> type_get_flags(ThreadState* ts, Object* self) { return int_from_u64(ts, self_type(self)->tp_flags); }
static Ref<> type_get_weakrefoffset(ThreadState* ts, Object* self) { return int_from_i64(ts, self_type(self)->cpython.weaklistoffset); }
static Ref<> type_get_dictoffset(ThreadState* ts, Object* self) { return int_from_i64(ts, self_type(self)->cpython.dictoffset); }
static Ref<> type_get_text_signature(ThreadState* ts, Object*) { return newref(ts->interp->None); }

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr},
    {"__bases__", type_get_bases, type_set_bases, nullptr},
    {"__mro__", type_get_mro, nullptr, nullptr},
    {"__base__", type_get_base, nullptr, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr},
    {"__text_signature__", type_get_text_signature, nullptr, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr},
    {"__basicsize__", type_get_basicsize, nullptr, nullptr},
    {"__itemsize__", type_get_itemsize, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr},
    {"__weakrefoffset__", type_get_weakrefoffset, nullptr, nullptr},
    {"__dictoffset__", type_get_dictoffset, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- methods of classes

static Ref<> type_mro_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mro", kw) || !check_nargs(ts, "mro", nargs, 0, 0)) return nullptr;
    Ref<TupleObject> mro = mro_implementation(ts, self_type(self));
    if (!mro) return nullptr;
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    for (isize i = 0; i < mro->ob_size; i++)
        if (!list_append(ts, list.get(), mro->ob_item[i])) return nullptr;
    return list;
}

static Ref<> type_subclasses_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__subclasses__", kw) || !check_nargs(ts, "__subclasses__", nargs, 0, 0)) return nullptr;
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    for (TypeObject* sub : self_type(self)->tp_subclasses)
        if (!list_append(ts, list.get(), sub)) return nullptr;
    return list;
}

// ---- isinstance() and issubclass() (abstract.c's object_isinstance & co.)

// obj.__class__ when it is a usable attribute; null (no error) when absent.
static Ref<> lookup_class_attr(ThreadState* ts, Object* obj, bool* failed) {
    *failed = false;
    Ref<> cls = object_getattr_cstr(ts, obj, "__class__");
    if (!cls) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) *failed = true;
        else error_clear(ts);
    }
    return cls;
}

// cls.__bases__ if it is a tuple: what makes a non-type usable as a class
// (abstract.c: abstract_get_bases / check_class).
static Ref<> abstract_get_bases(ThreadState* ts, Object* cls, bool* failed) {
    *failed = false;
    Ref<> bases = object_getattr_cstr(ts, cls, "__bases__");
    if (!bases) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) *failed = true;
        else error_clear(ts);
        return nullptr;
    }
    if (!is_tuple(bases.get())) return nullptr;
    return bases;
}

static int check_class(ThreadState* ts, Object* cls, const char* error) {
    bool failed;
    Ref<> bases = abstract_get_bases(ts, cls, &failed);
    if (failed) return -1;
    if (!bases) {
        raise(ts, ts->interp->exc.TypeError, error);
        return -1;
    }
    return 1;
}

// Walks __bases__ for classes that are not types (abstract_issubclass).
static int abstract_issubclass(ThreadState* ts, Object* derived, Object* cls) {
    while (true) {
        if (derived == cls) return 1;
        bool failed;
        Ref<> bases = abstract_get_bases(ts, derived, &failed);
        if (failed) return -1;
        if (!bases) return 0;
        TupleObject* t = as_tuple(bases.get());
        if (t->ob_size == 0) return 0;
        if (t->ob_size == 1) {   // avoid recursion in the single-inheritance case
            derived = t->ob_item[0];
            continue;
        }
        for (isize i = 0; i < t->ob_size; i++) {
            int r = abstract_issubclass(ts, t->ob_item[i], cls);
            if (r != 0) return r;
        }
        return 0;
    }
}

// type.__instancecheck__: the answer without asking any metaclass.
static int real_isinstance(ThreadState* ts, Object* inst, Object* cls) {
    bool failed;
    if (is_type(cls)) {
        if (isinstance_of(inst, as_type(cls))) return 1;
        // An object may claim another class through __class__ (proxies).
        Ref<> icls = lookup_class_attr(ts, inst, &failed);
        if (failed) return -1;
        if (icls && icls.get() != static_cast<Object*>(type_of(inst)) && is_type(icls.get()))
            return type_is_subtype(as_type(icls.get()), as_type(cls)) ? 1 : 0;
        return 0;
    }
    if (check_class(ts, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0) return -1;
    Ref<> icls = lookup_class_attr(ts, inst, &failed);
    if (failed) return -1;
    return icls ? abstract_issubclass(ts, icls.get(), cls) : 0;
}

// type.__subclasscheck__ (recursive_issubclass).
static int real_issubclass(ThreadState* ts, Object* derived, Object* cls) {
    if (is_type(cls) && is_type(derived)) return type_is_subtype(as_type(derived), as_type(cls)) ? 1 : 0;
    if (check_class(ts, derived, "issubclass() arg 1 must be a class") < 0) return -1;
    if (check_class(ts, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") < 0) return -1;
    return abstract_issubclass(ts, derived, cls);
}

int object_isinstance(ThreadState* ts, Object* inst, Object* cls) {
    Interpreter& interp = *ts->interp;
    if (is_type(cls) && type_of(inst) == as_type(cls)) return 1;
    if (type_of(cls) == interp.types.type) return real_isinstance(ts, inst, cls);
    if (is_union(cls)) cls = union_args(cls);   // a union acts as the tuple of its members
    if (is_tuple(cls)) {
        for (isize i = 0; i < as_tuple(cls)->ob_size; i++) {
            int r = object_isinstance(ts, inst, as_tuple(cls)->ob_item[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (Ref<> checker = lookup_special(ts, cls, interp.intern("__instancecheck__"))) {
        Ref<> r = object_call_one(ts, checker.get(), inst);
        return r ? object_is_true(ts, r.get()) : -1;
    }
    if (error_occurred(ts)) return -1;
    return real_isinstance(ts, inst, cls);
}

int object_issubclass(ThreadState* ts, Object* derived, Object* cls) {
    Interpreter& interp = *ts->interp;
    if (type_of(cls) == interp.types.type) {
        if (derived == cls) return 1;
        return real_issubclass(ts, derived, cls);
    }
    if (is_union(cls)) cls = union_args(cls);
    if (is_tuple(cls)) {
        for (isize i = 0; i < as_tuple(cls)->ob_size; i++) {
            int r = object_issubclass(ts, derived, as_tuple(cls)->ob_item[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (Ref<> checker = lookup_special(ts, cls, interp.intern("__subclasscheck__"))) {
        Ref<> r = object_call_one(ts, checker.get(), derived);
        return r ? object_is_true(ts, r.get()) : -1;
    }
    if (error_occurred(ts)) return -1;
    return real_issubclass(ts, derived, cls);
}

static Ref<> type_instancecheck_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__instancecheck__", kw) || !check_nargs(ts, "__instancecheck__", nargs, 1, 1)) return nullptr;
    int r = real_isinstance(ts, args[0], self);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> type_subclasscheck_m(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__subclasscheck__", kw) || !check_nargs(ts, "__subclasscheck__", nargs, 1, 1)) return nullptr;
    int r = real_issubclass(ts, args[0], self);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

// type.__prepare__(name, bases, **kwds): a fresh dict for the class body.
static Ref<> type_prepare_m(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) {
    return dict_new(ts);
}

// Adds the names of cls.__dict__ and of its bases' (recursively) to `into`
// (typeobject.c: merge_class_dict).
bool merge_class_dict(ThreadState* ts, DictObject* into, Object* cls) {
    Ref<> d = object_getattr_cstr(ts, cls, "__dict__");
    if (!d) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return false;
        error_clear(ts);
    } else {
        Object* ns = mappingproxy_mapping(d.get());   // a class's: the namespace behind the proxy
        if (!ns) ns = d.get();
        if (is_dict(ns) && !dict_merge(ts, into, ns, 1)) return false;
    }
    Ref<> bases = object_getattr_cstr(ts, cls, "__bases__");
    if (!bases) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return false;
        error_clear(ts);
        return true;
    }
    if (!is_tuple(bases.get())) return true;
    for (isize i = 0; i < as_tuple(bases.get())->ob_size; i++)
        if (!merge_class_dict(ts, into, as_tuple(bases.get())->ob_item[i])) return false;
    return true;
}

Ref<> dict_keys_list(ThreadState* ts, DictObject* d) {
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    isize pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
        if (!list_append(ts, list.get(), k)) return nullptr;
    return list;
}

static Ref<> type_dir_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    Ref<DictObject> d = dict_new(ts);
    if (!d || !merge_class_dict(ts, d.get(), self)) return nullptr;
    return dict_keys_list(ts, d.get());
}

// type.__sizeof__ (CPython's type___sizeof__): sizeof(PyTypeObject) for a
// built-in type; sizeof(PyHeapTypeObject) for a class, plus the shared-keys
// table CPython 3.11 makes for a class whose instances have a managed
// __dict__ (64 slots of one-byte indices, 42 unicode entries).
static Ref<> type_sizeof_m(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    TypeObject* t = self_type(self);
    constexpr isize kTypeObject = 408, kHeapTypeObject = 904;
    constexpr isize kSharedKeys = 32 + 64 * 1 + 42 * 16;   // _PyDict_KeysSize of a class's cached keys
    isize size = kTypeObject;
    if (type_has_flag(t, TPFLAGS_HEAPTYPE)) {
        size = kHeapTypeObject;
        if (type_has_flag(t, TPFLAGS_MANAGED_DICT)) size += kSharedKeys;
    }
    return int_from_i64(ts, size);
}

static const MethodDef type_methods[] = {
    {"__sizeof__", type_sizeof_m, METH_DEFAULT, "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."},
    {"mro", type_mro_m, METH_DEFAULT, "mro($self, /)\n--\n\nReturn a type's method resolution order."},
    {"__subclasses__", type_subclasses_m, METH_DEFAULT, "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck_m, METH_DEFAULT, "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck_m, METH_DEFAULT, "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."},
    {"__prepare__", type_prepare_m, METH_CLASS, "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__dir__", type_dir_m, METH_DEFAULT, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ bootstrap

bool init_type_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.type;
    t->tp_dealloc = type_dealloc;
    t->tp_flags |= TPFLAGS_HAVE_GC;
    t->tp_traverse = type_traverse;
    t->tp_clear = type_clear;
    // Classes can be weakly referenced (WeakKeyDictionary caches keyed by
    // class). offsetof is not defined for TypeObject, so measure it.
    t->tp_weaklistoffset = reinterpret_cast<char*>(&t->tp_weaklist) - reinterpret_cast<char*>(t);
    t->tp_repr = type_repr;
    t->tp_call = type_call;
    t->tp_getattro = type_getattro;
    t->tp_setattro = type_setattro;
    t->tp_new = type_new;
    t->tp_init = type_init;
    t->tp_methods = type_methods;
    t->tp_getset = type_getsets;
    // A class's namespace is its tp_dict: what instance dicts are to objects.
    t->tp_dictoffset = reinterpret_cast<char*>(&t->tp_dict) - reinterpret_cast<char*>(t);
    t->tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
    return init_class_descr_types(ts);
}

}  // namespace gp
