// build_class.cpp — builtins.__build_class__: how a `class` statement runs.
//
// Mirrors builtin___build_class__ in CPython 3.11's Python/bltinmodule.c.
// The compiler turns
//
//     class C(A, B, metaclass=M, flag=1):
//         body
//
// into __build_class__(<function running body>, 'C', A, B, metaclass=M, flag=1).
// That call
//
//   1. resolves the bases: an object that is not a class but has
//      __mro_entries__ is replaced by what it returns (PEP 560);
//   2. picks the metaclass: the explicit one, else type(first base), else
//      type — then the most derived among it and the bases' metaclasses;
//   3. asks the metaclass for the namespace: M.__prepare__(name, bases,
//      **kwds), a fresh dict for `type`;
//   4. runs the body with that namespace as its locals;
//   5. calls M(name, bases, namespace, **kwds) — type.__new__ builds the
//      class — and checks that the class landed in the __class__ cell that
//      zero-argument super() reads (the body returns the cell).
#include "modules/build_class.h"

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"

namespace gp {

static bool is_type(Object* o) { return type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS); }

// PEP 560: bases that are not classes may stand for others
// (bltinmodule.c: update_bases). Returns the original tuple when nothing
// changes.
static Ref<TupleObject> update_bases(ThreadState* ts, TupleObject* bases) {
    Interpreter& interp = *ts->interp;
    std::vector<Ref<>> out;
    bool changed = false;
    for (isize i = 0; i < bases->ob_size; i++) {
        Object* base = bases->ob_item[i];
        if (is_type(base)) {
            out.push_back(newref(base));
            continue;
        }
        Ref<> meth = object_getattr_cstr(ts, base, "__mro_entries__");
        if (!meth) {
            if (!error_matches(ts, interp.exc.AttributeError)) return nullptr;
            error_clear(ts);
            out.push_back(newref(base));
            continue;
        }
        Ref<> entries = object_call_one(ts, meth.get(), bases);
        if (!entries) return nullptr;
        if (!is_tuple(entries.get())) {
            raise(ts, interp.exc.TypeError, "__mro_entries__ must return a tuple");
            return nullptr;
        }
        changed = true;
        for (isize j = 0; j < as_tuple(entries.get())->ob_size; j++)
            out.push_back(newref(as_tuple(entries.get())->ob_item[j]));
    }
    if (!changed) return newref(bases);
    std::vector<Object*> raw;
    for (Ref<>& r : out) raw.push_back(r.get());
    return tuple_from_array(ts, raw.data(), isize(raw.size()));
}

static bool is_mapping(Object* o) {
    TypeObject* t = type_of(o);
    return t->tp_as_mapping && t->tp_as_mapping->mp_subscript;
}

Ref<> builtin_build_class(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (nargs < 2) return raise(ts, interp.exc.TypeError, "__build_class__: not enough arguments");
    Object* func = args[0];
    if (!is_function(func)) return raise(ts, interp.exc.TypeError, "__build_class__: func must be a function");
    Object* name = args[1];
    if (!is_str(name)) return raise(ts, interp.exc.TypeError, "__build_class__: name is not a string");
    Ref<TupleObject> orig_bases = tuple_from_array(ts, args + 2, nargs - 2);
    if (!orig_bases) return nullptr;
    Ref<TupleObject> bases = update_bases(ts, orig_bases.get());
    if (!bases) return nullptr;

    // Keyword arguments, minus metaclass=, go to __prepare__, the metaclass
    // and __init_subclass__.
    Ref<DictObject> mkw;
    Ref<> meta;
    if (kwnames && kwnames->ob_size) {
        mkw = dict_new(ts);
        if (!mkw) return nullptr;
        for (isize k = 0; k < kwnames->ob_size; k++)
            if (!dict_set_item(ts, mkw.get(), kwnames->ob_item[k], args[nargs + k])) return nullptr;
        if (Object* m = dict_get_cstr(ts, mkw.get(), "metaclass")) {
            meta = newref(m);
            Ref<> key = str_from_utf8(ts, "metaclass");
            if (!key || !dict_del_item(ts, mkw.get(), key.get())) return nullptr;
        }
    }
    bool isclass = true;
    if (!meta) {
        meta = bases->ob_size == 0 ? newref<Object>(interp.types.type) : newref<Object>(type_of(bases->ob_item[0]));
    } else {
        isclass = is_type(meta.get());
    }
    if (isclass) {
        // The most derived metaclass wins (a non-class metaclass is used as given).
        TypeObject* winner = calculate_metaclass(ts, static_cast<TypeObject*>(meta.get()), bases.get());
        if (!winner) return nullptr;
        if (winner != meta.get()) meta = newref<Object>(winner);
    }

    // The namespace.
    Ref<> ns;
    Ref<> prep = object_getattr_cstr(ts, meta.get(), "__prepare__");
    if (!prep) {
        if (!error_matches(ts, interp.exc.AttributeError)) return nullptr;
        error_clear(ts);
        ns = dict_new(ts);
    } else {
        Object* pargs[2] = {name, bases.get()};
        ns = call_with_kwdict(ts, prep.get(), pargs, 2, mkw.get());
    }
    if (!ns) return nullptr;
    if (!is_mapping(ns.get())) {
        std::string meta_name = isclass ? static_cast<TypeObject*>(meta.get())->tp_name : "<metaclass>";
        return raise(ts, interp.exc.TypeError, meta_name + ".__prepare__() must return a mapping, not " +
                                                   type_name(ns.get()));
    }

    // The body, then the class.
    Ref<> cell = eval_class_body(ts, func, ns.get());
    if (!cell) return nullptr;
    if (bases.get() != orig_bases.get()) {
        if (object_setitem(ts, ns.get(), interp.intern("__orig_bases__"), orig_bases.get()) < 0) return nullptr;
    }
    Object* margs[3] = {name, bases.get(), ns.get()};
    Ref<> cls = call_with_kwdict(ts, meta.get(), margs, 3, mkw.get());
    if (!cls) return nullptr;
    if (is_type(cls.get()) && type_of(cell.get()) == interp.types.cell) {
        Object* cell_cls = static_cast<CellObject*>(cell.get())->ob_ref;
        if (cell_cls != cls.get()) {
            Ref<> nrepr = object_repr(ts, name);
            Ref<> crepr = object_repr(ts, cls.get());
            if (!nrepr || !crepr) return nullptr;
            if (!cell_cls)
                return raise(ts, interp.exc.RuntimeError,
                             "__class__ not set defining " + std::string(str_utf8(nrepr.get())) + " as " +
                                 std::string(str_utf8(crepr.get())) + ". Was __classcell__ propagated to type.__new__?");
            Ref<> ccrepr = object_repr(ts, cell_cls);
            if (!ccrepr) return nullptr;
            return raise(ts, interp.exc.TypeError,
                         "__class__ set to " + std::string(str_utf8(ccrepr.get())) + " defining " +
                             std::string(str_utf8(nrepr.get())) + " as " + std::string(str_utf8(crepr.get())));
        }
    }
    return cls;
}

}  // namespace gp
