// typeobject_new.cpp — creating a class: `type(name, bases, namespace)`.
//
// Mirrors CPython 3.11's type_new() in Objects/typeobject.c and its
// helpers, in the same order:
//
//   1. calculate_metaclass: the most derived metaclass of the bases (a class
//      whose bases have unrelated metaclasses is a "metaclass conflict");
//   2. best_base: the base whose instance layout the class extends — the
//      one with the most derived "solid base" (the nearest ancestor that
//      adds fields); two unrelated solid bases are a "lay-out conflict";
//   3. __slots__: which fields instances get (named slots, then __dict__ and
//      __weakref__ unless __slots__ leaves them out), laid out after the
//      base's fields — see "Instance layout" below;
//   4. the namespace becomes the class __dict__ (a copy), with __module__,
//      __qualname__, __classcell__ and __new__/__init_subclass__/
//      __class_getitem__ given their special treatment;
//   5. __mro__: the C3 linearisation of the bases (mro_implementation);
//   6. type_ready (inherit slots) and fixup_slot_dispatchers (point the
//      slots at the class's special methods);
//   7. __set_name__ on every namespace value that has it, then the parent's
//      __init_subclass__(**kwds).
//
// Instance layout. A class laid out after `base` places its fields at the
// end of the base's instance:
//
//     | base's fields ... | slot 1 | slot 2 | ... | __dict__ | __weakref__ |
//                         ^ ht_slotoffset       tp_dictoffset  tp_weaklistoffset
//
// When the base ends in a variable number of items (int digits, tuple
// items, str characters), the class's fields follow the items instead, and
// tp_dictoffset is stored negated (instance_slot_ptr finds them). CPython's
// own numbers for the same class — what __basicsize__ and sys.getsizeof
// show — are computed alongside into `cpython`, by CPython's rules: slots,
// then __weakref__, then __dict__, which is "managed" (outside the object,
// counted by getsizeof as a 16-byte pre-header) unless the base is
// variable-sized.
#include <algorithm>

#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/typeobject_internal.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

namespace gp {

static constexpr isize kPtr = isize(sizeof(Object*));
static isize align_up(isize n) { return (n + kPtr - 1) & ~(kPtr - 1); }
static bool is_type(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }
static TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
static bool is_heap(TypeObject* t) { return type_has_flag(t, TPFLAGS_HEAPTYPE); }

// ------------------------------------------------------------ metaclass

TypeObject* calculate_metaclass(ThreadState* ts, TypeObject* metatype, TupleObject* bases) {
    TypeObject* winner = metatype;
    for (isize i = 0; i < bases->ob_size; i++) {
        TypeObject* t = type_of(bases->ob_item[i]);
        if (type_is_subtype(winner, t)) continue;
        if (type_is_subtype(t, winner)) { winner = t; continue; }
        raise(ts, ts->interp->exc.TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
              "of the metaclasses of all its bases");
        return nullptr;
    }
    return winner;
}

// ------------------------------------------------------------ best base

// Whether `type` adds fields to `base` beyond a __dict__ and __weakref__
// pointer (typeobject.c: extra_ivars).
static bool extra_ivars(TypeObject* type, TypeObject* base) {
    isize t_size = type->tp_basicsize;
    isize b_size = base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize)
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    if (is_heap(type)) {
        if (type->tp_weaklistoffset && !base->tp_weaklistoffset && type->tp_weaklistoffset + kPtr == t_size)
            t_size -= kPtr;
        if (type->tp_dictoffset > 0 && !base->tp_dictoffset && type->tp_dictoffset + kPtr == t_size)
            t_size -= kPtr;
    }
    return t_size != align_up(b_size);
}

// The nearest ancestor (or the type itself) that adds instance fields.
static TypeObject* solid_base(TypeObject* type) {
    TypeObject* base = type->tp_base ? solid_base(type->tp_base) : type->interp->types.object;
    return extra_ivars(type, base) ? type : base;
}

static TypeObject* best_base(ThreadState* ts, TupleObject* bases) {
    Interpreter& interp = *ts->interp;
    TypeObject* base = nullptr;
    TypeObject* winner = nullptr;
    for (isize i = 0; i < bases->ob_size; i++) {
        Object* b = bases->ob_item[i];
        if (!is_type(b)) {
            raise(ts, interp.exc.TypeError, "bases must be types");
            return nullptr;
        }
        TypeObject* bt = as_type(b);
        if (!type_has_flag(bt, TPFLAGS_BASETYPE)) {
            raise(ts, interp.exc.TypeError, "type '" + bt->tp_name + "' is not an acceptable base type");
            return nullptr;
        }
        TypeObject* candidate = solid_base(bt);
        if (!winner) {
            winner = candidate;
            base = bt;
        } else if (type_is_subtype(winner, candidate)) {
        } else if (type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            raise(ts, interp.exc.TypeError, "multiple bases have instance lay-out conflict");
            return nullptr;
        }
    }
    return base;
}

// ------------------------------------------------------------ C3 MRO

// Whether `o` appears in list[whence+1:] (typeobject.c: tail_contains).
static bool tail_contains(TupleObject* list, isize whence, Object* o) {
    for (isize j = whence + 1; j < list->ob_size; j++)
        if (list->ob_item[j] == o) return true;
    return false;
}

static std::string class_name(Object* cls) {
    return is_type(cls) ? as_type(cls)->tp_name : std::string("?");
}

// pmerge: repeatedly take the first head (of the bases' MROs, then the
// bases list) that is in no list's tail. Invariant: remain[i] indexes the
// unmerged part of to_merge[i]; acc holds the merged prefix of the MRO.
static bool pmerge(ThreadState* ts, std::vector<Object*>& acc, const std::vector<TupleObject*>& to_merge) {
    std::vector<isize> remain(to_merge.size(), 0);
again:
    std::size_t empty = 0;
    for (std::size_t i = 0; i < to_merge.size(); i++) {
        TupleObject* cur = to_merge[i];
        if (remain[i] >= cur->ob_size) { empty++; continue; }
        Object* candidate = cur->ob_item[remain[i]];
        bool in_tail = false;
        for (std::size_t j = 0; j < to_merge.size() && !in_tail; j++)
            in_tail = tail_contains(to_merge[j], remain[j], candidate);
        if (in_tail) continue;
        acc.push_back(candidate);
        for (std::size_t j = 0; j < to_merge.size(); j++)
            if (remain[j] < to_merge[j]->ob_size && to_merge[j]->ob_item[remain[j]] == candidate) remain[j]++;
        goto again;
    }
    if (empty == to_merge.size()) return true;
    // set_mro_error: name the heads that could not be placed, once each.
    std::vector<Object*> heads;
    for (std::size_t i = 0; i < to_merge.size(); i++) {
        if (remain[i] >= to_merge[i]->ob_size) continue;
        Object* c = to_merge[i]->ob_item[remain[i]];
        if (std::find(heads.begin(), heads.end(), c) == heads.end()) heads.push_back(c);
    }
    std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
    for (std::size_t i = 0; i < heads.size(); i++) msg += (i ? ", " : " ") + class_name(heads[i]);
    raise(ts, ts->interp->exc.TypeError, msg);
    return false;
}

Ref<TupleObject> mro_implementation(ThreadState* ts, TypeObject* type) {
    TupleObject* bases = type->tp_bases;
    for (isize i = 0; i < bases->ob_size; i++) {
        if (!as_type(bases->ob_item[i])->tp_mro) {
            raise(ts, ts->interp->exc.TypeError,
                  "Cannot extend an incomplete type '" + as_type(bases->ob_item[i])->tp_name + "'");
            return nullptr;
        }
    }
    std::vector<Object*> acc{type};
    if (bases->ob_size == 1) {
        // The common case needs no merge: the class, then its base's MRO.
        TupleObject* base_mro = as_type(bases->ob_item[0])->tp_mro;
        for (isize i = 0; i < base_mro->ob_size; i++) acc.push_back(base_mro->ob_item[i]);
    } else {
        for (isize i = 0; i < bases->ob_size; i++) {
            for (isize j = i + 1; j < bases->ob_size; j++) {
                if (bases->ob_item[i] == bases->ob_item[j]) {
                    raise(ts, ts->interp->exc.TypeError, "duplicate base class " + class_name(bases->ob_item[i]));
                    return nullptr;
                }
            }
        }
        std::vector<TupleObject*> to_merge;
        for (isize i = 0; i < bases->ob_size; i++) to_merge.push_back(as_type(bases->ob_item[i])->tp_mro);
        to_merge.push_back(bases);
        if (!pmerge(ts, acc, to_merge)) return nullptr;
    }
    return tuple_from_array(ts, acc.data(), isize(acc.size()));
}

// The MRO a new class gets: C3, unless its metaclass overrides mro()
// (typeobject.c: mro_invoke).
static Ref<TupleObject> mro_invoke(ThreadState* ts, TypeObject* type) {
    Interpreter& interp = *ts->interp;
    if (type_of(type) == interp.types.type) return mro_implementation(ts, type);
    Object* meth = type_lookup(type_of(type), "mro");
    Object* own = dict_get_cstr(ts, interp.types.type->tp_dict, "mro");
    if (!meth || meth == own) return mro_implementation(ts, type);
    bool found = false;
    Ref<> result = call_special(ts, type, interp.intern("mro"), nullptr, 0, &found);
    if (!result) return nullptr;
    Ref<> it = object_get_iter(ts, result.get());
    if (!it) return nullptr;
    std::vector<Object*> items;
    std::vector<Ref<>> keep;
    while (Ref<> x = iter_next(ts, it.get())) {
        if (!is_type(x.get())) {
            raise(ts, interp.exc.TypeError, std::string("mro() returned a non-class ('") + type_name(x.get()) + "')");
            return nullptr;
        }
        items.push_back(x.get());
        keep.push_back(std::move(x));
    }
    if (error_occurred(ts)) return nullptr;
    return tuple_from_array(ts, items.data(), isize(items.size()));
}

// ------------------------------------------------------------ __slots__

// Private name mangling: `__x` in class `_Foo` becomes `_Foo__x`
// (compile.c: _Py_Mangle).
static Ref<> mangle(ThreadState* ts, const std::string& class_name, Object* name) {
    std::string_view n = str_utf8(name);
    if (n.size() < 2 || n[0] != '_' || n[1] != '_' || (n.size() >= 4 && n.substr(n.size() - 2) == "__") ||
        n.find('.') != std::string_view::npos)
        return newref(name);
    std::size_t start = class_name.find_first_not_of('_');
    if (start == std::string::npos) return newref(name);
    return str_from_utf8(ts, "_" + class_name.substr(start) + std::string(n));
}

// What __slots__ asks for: named fields, and whether to add __dict__ and
// __weakref__ (typeobject.c: type_new_slots, type_new_copy_slots).
struct SlotsPlan {
    Ref<TupleObject> names;   // mangled, sorted; null if no __slots__
    bool add_dict = false;
    bool add_weak = false;
};

static bool plan_slots(ThreadState* ts, const std::string& name, TypeObject* base, DictObject* dict,
                       SlotsPlan* plan) {
    Interpreter& interp = *ts->interp;
    const bool may_add_dict = base->tp_dictoffset == 0;
    const bool may_add_weak = base->cpython.weaklistoffset == 0 && base->cpython.itemsize == 0;
    Object* slots = dict_get_cstr(ts, dict, "__slots__");
    if (!slots) {
        plan->add_dict = may_add_dict;
        plan->add_weak = may_add_weak;
        return true;
    }
    std::vector<Ref<>> items;
    if (is_str(slots)) {
        items.push_back(newref(slots));
    } else {
        Ref<> it = object_get_iter(ts, slots);
        if (!it) return false;
        while (Ref<> x = iter_next(ts, it.get())) items.push_back(std::move(x));
        if (error_occurred(ts)) return false;
    }
    if (!items.empty() && base->cpython.itemsize != 0) {
        raise(ts, interp.exc.TypeError, "nonempty __slots__ not supported for subtype of '" + base->tp_name + "'");
        return false;
    }
    std::vector<Ref<>> names;
    for (Ref<>& item : items) {
        if (!is_str(item.get())) {
            raise(ts, interp.exc.TypeError,
                  std::string("__slots__ items must be strings, not '") + type_name(item.get()) + "'");
            return false;
        }
        if (!str_isidentifier(as_str(item.get()))) {
            raise(ts, interp.exc.TypeError, "__slots__ must be identifiers");
            return false;
        }
        std::string_view s = str_utf8(item.get());
        if (s == "__dict__") {
            if (!may_add_dict || plan->add_dict) {
                raise(ts, interp.exc.TypeError, "__dict__ slot disallowed: we already got one");
                return false;
            }
            plan->add_dict = true;
            continue;
        }
        if (s == "__weakref__") {
            if (!may_add_weak || plan->add_weak) {
                raise(ts, interp.exc.TypeError,
                      "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return false;
            }
            plan->add_weak = true;
            continue;
        }
        Ref<> m = mangle(ts, name, item.get());
        if (!m) return false;
        if (dict_get_str(dict, as_str(m.get())) && !str_equal_ascii(as_str(m.get()), "__qualname__") &&
            !str_equal_ascii(as_str(m.get()), "__classcell__")) {
            Ref<> r = object_repr(ts, m.get());
            if (!r) return false;
            raise(ts, interp.exc.ValueError,
                  std::string(str_utf8(r.get())) + " in __slots__ conflicts with class variable");
            return false;
        }
        names.push_back(std::move(m));
    }
    std::sort(names.begin(), names.end(), [](const Ref<>& a, const Ref<>& b) {
        return str_utf8(a.get()) < str_utf8(b.get());
    });
    std::vector<Object*> raw;
    for (Ref<>& n : names) raw.push_back(n.get());
    plan->names = tuple_from_array(ts, raw.data(), isize(raw.size()));
    return bool(plan->names);
}

// Lays out the instance (our memory and CPython's numbers) and adds the
// member descriptors of the slots.
static bool lay_out_instances(ThreadState* ts, TypeObject* type, TypeObject* base, const SlotsPlan& plan) {
    const isize nslots = plan.names ? plan.names->ob_size : 0;
    const bool var = base->tp_itemsize != 0;
    isize off = var ? base->tp_basicsize : align_up(base->tp_basicsize);
    type->ht_slotoffset = off;
    for (isize i = 0; i < nslots; i++) {
        Ref<> d = member_descr_new(ts, type, plan.names->ob_item[i], MEMBER_OBJECT_EX, off, 0, nullptr);
        if (!d || !dict_set_item(ts, type->tp_dict, plan.names->ob_item[i], d.get())) return false;
        off += kPtr;
    }
    if (plan.add_dict) {
        type->tp_dictoffset = var ? -off : off;
        off += kPtr;
    }
    if (plan.add_weak) {
        type->tp_weaklistoffset = off;
        off += kPtr;
    }
    // Fields after int digits need a word of slack for alignment.
    if (var && off != base->tp_basicsize && base->tp_itemsize % kPtr) off += kPtr;
    type->tp_basicsize = off;
    type->tp_itemsize = base->tp_itemsize;
    if (plan.names) type->ht_slots = newref(plan.names.get()).release();

    // CPython 3.11's layout: slots, then __weakref__, then an inline dict
    // for variable-sized bases or a managed one (outside the object) for
    // the others.
    CPythonLayout cp = base->cpython;
    isize cpoff = cp.basicsize + nslots * 8;
    if (plan.add_weak) {
        cp.weaklistoffset = cpoff;
        cpoff += 8;
    }
    if (plan.add_dict) {
        if (base->cpython.itemsize) {
            cp.dictoffset = -8;
            cpoff += 8;
        } else {
            type->tp_flags |= TPFLAGS_MANAGED_DICT;
            cp.dictoffset = -cpoff - 24;
        }
    }
    cp.basicsize = cpoff;
    type->cpython = cp;
    if (type_has_flag(base, TPFLAGS_MANAGED_DICT)) type->tp_flags |= TPFLAGS_MANAGED_DICT;
    // Each such class gets its own shared key table (type_new_impl's
    // _PyDict_NewKeysForClass); a subclass does not share its base's.
    if (type_has_flag(type, TPFLAGS_MANAGED_DICT)) type->ht_cached_keys = dict_new_shared_keys(ts);
    return add_subtype_getsets(ts, type, plan.add_dict, plan.add_weak);
}

// ------------------------------------------------------------ namespace

// __module__ defaults to the __name__ of the globals of the code creating
// the class (typeobject.c: type_new_set_module).
static bool set_module(ThreadState* ts, DictObject* dict) {
    if (dict_get_cstr(ts, dict, "__module__")) return true;
    Frame* f = ts->frame;
    if (!f || !f->globals) return true;
    Object* name = dict_get_cstr(ts, f->globals, "__name__");
    return !name || dict_set_cstr(ts, dict, "__module__", name);
}

// __new__ is a static method and __init_subclass__/__class_getitem__ are
// class methods even when written as plain functions.
static bool wrap_implicit(ThreadState* ts, DictObject* dict, const char* name, Ref<> (*wrap)(ThreadState*, Object*)) {
    Object* f = dict_get_cstr(ts, dict, name);
    if (!f || !is_function(f)) return true;
    Ref<> w = wrap(ts, f);
    return w && dict_set_cstr(ts, dict, name, w.get());
}

static bool del_key(ThreadState* ts, DictObject* d, const char* key) {
    Ref<> k = str_from_utf8(ts, key);
    return k && dict_del_item(ts, d, k.get());
}

// Calls value.__set_name__(type, name) for each namespace entry that has
// it (typeobject.c: type_new_set_names).
static bool set_names(ThreadState* ts, TypeObject* type) {
    Interpreter& interp = *ts->interp;
    Ref<DictObject> names = dict_copy(ts, type->tp_dict);
    if (!names) return false;
    Object* set_name = interp.intern("__set_name__");
    isize pos = 0;
    Object *key, *value;
    while (dict_next(names.get(), &pos, &key, &value)) {
        Object* args[2] = {type, key};
        bool found = false;
        Ref<> r = call_special(ts, value, set_name, args, 2, &found);
        if (r || !found) {
            if (error_occurred(ts)) return false;
            continue;
        }
        // _PyErr_FormatFromCause: the new error's __cause__ is the old one.
        Ref<> cause = error_fetch(ts);
        Ref<> krepr = object_repr(ts, key);
        if (!krepr) return false;
        raise(ts, interp.exc.RuntimeError, std::string("Error calling __set_name__ on '") + type_name(value) +
                                               "' instance " + std::string(str_utf8(krepr.get())) + " in '" +
                                               type->tp_name + "'");
        if (ts->curexc && is_exception_instance(ts->curexc) && cause) {
            auto* e = static_cast<BaseExceptionObject*>(ts->curexc);
            Object* old_cause = e->cause;
            Object* old_context = e->context;
            e->cause = newref(cause.get()).release();
            e->context = cause.release();
            e->suppress_context = true;
            xdecref(old_cause);
            xdecref(old_context);
        }
        return false;
    }
    return true;
}

// super(type, type).__init_subclass__(**kwds) (type_new_init_subclass).
static bool init_subclass(ThreadState* ts, TypeObject* type, Object* const* kwvalues, TupleObject* kwnames) {
    Ref<> func = super_lookup(ts, type, type, type, ts->interp->intern("__init_subclass__"));
    if (!func) return false;
    Ref<> r = object_vectorcall(ts, func.get(), kwvalues, 0, kwnames);
    return bool(r);
}

// ------------------------------------------------------------ type_new

Ref<> type_new(ThreadState* ts, TypeObject* metatype, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    const isize nkw = kwnames ? kwnames->ob_size : 0;
    if (metatype == interp.types.type && nargs == 1 && nkw == 0) return newref<Object>(type_of(args[0]));
    if (nargs != 3)
        return raise(ts, interp.exc.TypeError,
                     "type.__new__() takes exactly 3 arguments (" + std::to_string(nargs) + " given)");
    Object* name = args[0];
    if (!is_str(name))
        return raise(ts, interp.exc.TypeError,
                     std::string("type.__new__() argument 1 must be str, not ") + type_name(name));
    if (!is_tuple(args[1]))
        return raise(ts, interp.exc.TypeError,
                     std::string("type.__new__() argument 2 must be tuple, not ") + type_name(args[1]));
    if (!is_dict(args[2]))
        return raise(ts, interp.exc.TypeError,
                     std::string("type.__new__() argument 3 must be dict, not ") + type_name(args[2]));
    TupleObject* orig_bases = as_tuple(args[1]);

    // 1. The metaclass: a more derived one may take over entirely.
    TypeObject* winner = calculate_metaclass(ts, metatype, orig_bases);
    if (!winner) return nullptr;
    if (winner != metatype) {
        if (winner->tp_new != type_new) return winner->tp_new(ts, winner, args, nargs, kwnames);
        metatype = winner;
    }

    // 2. Bases and the best base.
    Ref<TupleObject> bases = orig_bases->ob_size ? newref(orig_bases) : tuple_pack(ts, {interp.types.object});
    if (!bases) return nullptr;
    TypeObject* base = best_base(ts, bases.get());
    if (!base) return nullptr;

    // 3. The namespace copy and __slots__.
    std::string tp_name(str_utf8(name));
    if (tp_name.find('\0') != std::string::npos)
        return raise(ts, interp.exc.ValueError, "type name must not contain null characters");
    Ref<DictObject> dict = dict_copy(ts, as_dict(args[2]));
    if (!dict) return nullptr;
    SlotsPlan plan;
    if (!plan_slots(ts, tp_name, base, dict.get(), &plan)) return nullptr;

    // The type object. A metaclass's instances are TypeObjects like any
    // class (type's own layout leaves no room for slots or a dict).
    TypeObject* type = type_alloc(interp);
    if (!type) return raise_no_memory(ts);
    type->ob_refcnt = 1;
    type->ob_type = metatype;
    incref(metatype);
    metatype->tp_live++;
    type->interp = &interp;
    Ref<TypeObject> owner = Ref<TypeObject>::steal(type);
    type->tp_name = tp_name;
    type->ht_name = newref(name).release();
    // Instances of a class are containers (an instance can refer to its
    // own class), and so are the classes a metaclass makes.
    type->tp_flags = TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
    type->tp_base = newref(base).release();
    type->tp_bases = bases.release();
    type->tp_dict = dict.release();
    type->tp_as_number = &type->number_storage;
    type->tp_as_sequence = &type->sequence_storage;
    type->tp_as_mapping = &type->mapping_storage;
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    // The class itself is a container the collector watches from now on
    // (type_traverse visits only the fields already set).
    interp.gc.track(type);
    interp.gc.generations[0].count++;

    // 4. Special namespace entries.
    DictObject* d = type->tp_dict;
    if (!set_module(ts, d)) return nullptr;
    if (Object* q = dict_get_cstr(ts, d, "__qualname__")) {
        if (!is_str(q))
            return raise(ts, interp.exc.TypeError,
                         std::string("type __qualname__ must be a str, not ") + type_name(q));
        type->ht_qualname = newref(q).release();
        if (!del_key(ts, d, "__qualname__")) return nullptr;
    } else {
        type->ht_qualname = newref(name).release();
    }
    if (Object* doc = dict_get_cstr(ts, d, "__doc__"); doc && is_str(doc)) type->tp_doc = std::string(str_utf8(doc));
    if (!wrap_implicit(ts, d, "__new__", staticmethod_new) ||
        !wrap_implicit(ts, d, "__init_subclass__", classmethod_new) ||
        !wrap_implicit(ts, d, "__class_getitem__", classmethod_new))
        return nullptr;
    if (!lay_out_instances(ts, type, base, plan)) return nullptr;
    if (Object* cell = dict_get_cstr(ts, d, "__classcell__")) {
        if (type_of(cell) != interp.types.cell) {
            Ref<> r = object_repr(ts, type_of(cell));
            return raise(ts, interp.exc.TypeError, "__classcell__ must be a nonlocal cell, not " +
                                                       std::string(r ? str_utf8(r.get()) : "?"));
        }
        auto* c = static_cast<CellObject*>(cell);
        Object* old = c->ob_ref;
        c->ob_ref = newref<Object>(type).release();
        xdecref(old);
        if (!del_key(ts, d, "__classcell__")) return nullptr;
    }

    // 5-6. MRO, inheritance, slots.
    Ref<TupleObject> mro = mro_invoke(ts, type);
    if (!mro) return nullptr;
    type->tp_mro = mro.release();
    if (!type_ready(ts, type)) return nullptr;
    fixup_slot_dispatchers(ts, type);

    // 7. __set_name__ and __init_subclass__.
    if (!set_names(ts, type)) return nullptr;
    if (!init_subclass(ts, type, args + nargs, kwnames)) return nullptr;
    return owner;
}

}  // namespace gp
