// dictviews.cpp — dict iterators and the keys()/values()/items() views.
//
// Mirrors the second half of CPython 3.11's Objects/dictobject.c. A view is
// a tiny object that refers to its dict and looks at it live: len(), `in`
// and iteration always see the dict's current contents. Keys and items
// views are also set-like: they compare with sets and support & | ^ -,
// returning real sets.
//
// An iterator walks the entries array by position. It remembers the dict's
// ma_used when created; if that changes, the next step raises
// "dictionary changed size during iteration" (and keeps raising). If the
// size is unchanged but more entries turn up than were promised (a key
// deleted and another added), it raises "dictionary keys changed during
// iteration".
#include <string>

#include "objects/descrobject.h"
#include "objects/mappingproxy.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dict_internal.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------ iterators

struct DictIterObject : Object {
    DictObject* di_dict;   // owned; null once exhausted
    isize di_used;         // ma_used when created (-1 after a size change: sticky error)
    isize di_pos;          // next entry index (reversed: current, counting down)
    isize len;             // items still expected
};

enum class IterKind { Keys, Values, Items };

static IterKind kind_of(Interpreter& interp, TypeObject* t) {
    if (t == interp.types.dict_valueiter || t == interp.types.dict_revvalueiter) return IterKind::Values;
    if (t == interp.types.dict_itemiter || t == interp.types.dict_revitemiter) return IterKind::Items;
    return IterKind::Keys;
}

static bool is_reversed_iter(Interpreter& interp, TypeObject* t) {
    return t == interp.types.dict_revkeyiter || t == interp.types.dict_revvalueiter ||
           t == interp.types.dict_revitemiter;
}

Ref<> dictiter_new(ThreadState* ts, DictObject* dict, TypeObject* iter_type) {
    auto* di = static_cast<DictIterObject*>(object_alloc(ts, iter_type, 0));
    if (!di) return nullptr;
    di->di_dict = dict;
    incref(dict);
    di->di_used = dict->ma_used;
    di->len = dict->ma_used;
    // A split dict is walked along its insertion order (positions 0..ma_used).
    const isize last = dict->ma_values ? dict->ma_used - 1 : dict->ma_keys->nentries - 1;
    di->di_pos = is_reversed_iter(*ts->interp, iter_type) ? (dict->ma_used ? last : -1) : 0;
    ts->interp->gc.track(di);
    return Ref<>::steal(di);
}

static void dictiter_dealloc(Object* op) {
    auto* di = static_cast<DictIterObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(di->di_dict);
    object_free(op);
}

static int dictiter_traverse(Object* op, visitproc visit, void* arg) {
    auto* di = static_cast<DictIterObject*>(op);
    return di->di_dict ? visit(di->di_dict, arg) : 0;
}

static Ref<> make_result(ThreadState* ts, IterKind kind, Object* key, Object* value) {
    switch (kind) {
    case IterKind::Keys: return newref(key);
    case IterKind::Values: return newref(value);
    default: return tuple_pack(ts, {key, value});
    }
}

static Ref<> dictiter_finish(DictIterObject* di) {
    DictObject* d = di->di_dict;
    di->di_dict = nullptr;
    xdecref(d);
    return nullptr;
}

static Ref<> dictiter_next(ThreadState* ts, Object* op) {
    auto* di = static_cast<DictIterObject*>(op);
    DictObject* d = di->di_dict;
    if (!d) return nullptr;
    Interpreter& interp = *ts->interp;
    if (di->di_used != d->ma_used) {
        di->di_used = -1;   // make this state sticky
        return raise(ts, interp.exc.RuntimeError, "dictionary changed size during iteration");
    }
    DictKeys* k = d->ma_keys;
    isize i = di->di_pos;
    DictEntry* ep = k->entries();
    isize ix;   // the entry found
    if (DictValues* vals = d->ma_values) {
        if (i >= vals->count) return dictiter_finish(di);
        ix = vals->order()[i];
    } else {
        const isize n = k->nentries;
        while (i < n && !ep[i].value) i++;
        if (i >= n) return dictiter_finish(di);
        ix = i;
    }
    // We found an element, but did not expect it.
    if (di->len == 0) {
        raise(ts, interp.exc.RuntimeError, "dictionary keys changed during iteration");
        return dictiter_finish(di);
    }
    di->di_pos = i + 1;
    di->len--;
    return make_result(ts, kind_of(interp, type_of(op)), ep[ix].key, dict_value_at(d, ix));
}

static Ref<> dictreviter_next(ThreadState* ts, Object* op) {
    auto* di = static_cast<DictIterObject*>(op);
    DictObject* d = di->di_dict;
    if (!d) return nullptr;
    Interpreter& interp = *ts->interp;
    if (di->di_used != d->ma_used) {
        di->di_used = -1;
        return raise(ts, interp.exc.RuntimeError, "dictionary changed size during iteration");
    }
    isize i = di->di_pos;
    DictEntry* ep = d->ma_keys->entries();
    isize ix;   // the entry found
    if (DictValues* vals = d->ma_values) {
        if (i < 0 || i >= vals->count) return dictiter_finish(di);
        ix = vals->order()[i];
    } else {
        if (i < 0 || i >= d->ma_keys->nentries) return dictiter_finish(di);
        while (!ep[i].value) {
            if (--i < 0) return dictiter_finish(di);
        }
        ix = i;
    }
    di->di_pos = i - 1;
    di->len--;
    return make_result(ts, kind_of(interp, type_of(op)), ep[ix].key, dict_value_at(d, ix));
}

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> dictiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* di = static_cast<DictIterObject*>(self);
    isize n = (di->di_dict && di->di_used == di->di_dict->ma_used) ? di->len : 0;
    return int_from_i64(ts, n);
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ views

struct DictViewObject : Object {
    DictObject* dv_dict;   // owned
};

static DictViewObject* as_view(Object* o) { return static_cast<DictViewObject*>(o); }

Ref<> dictview_new(ThreadState* ts, Object* dict, TypeObject* view_type) {
    auto* dv = static_cast<DictViewObject*>(object_alloc(ts, view_type, 0));
    if (!dv) return nullptr;
    dv->dv_dict = as_dict(dict);
    incref(dict);
    ts->interp->gc.track(dv);
    return Ref<>::steal(dv);
}

static void dictview_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_view(op)->dv_dict);
    object_free(op);
}

static int dictview_traverse(Object* op, visitproc visit, void* arg) {
    return as_view(op)->dv_dict ? visit(as_view(op)->dv_dict, arg) : 0;
}

static isize dictview_len(ThreadState*, Object* op) { return as_view(op)->dv_dict->ma_used; }

static bool is_keys_view(Interpreter& interp, Object* o) { return type_of(o) == interp.types.dict_keys; }
static bool is_items_view(Interpreter& interp, Object* o) { return type_of(o) == interp.types.dict_items; }
static bool is_set_view(Interpreter& interp, Object* o) { return is_keys_view(interp, o) || is_items_view(interp, o); }

static Ref<> keys_iter(ThreadState* ts, Object* op) {
    return dictiter_new(ts, as_view(op)->dv_dict, ts->interp->types.dict_keyiter);
}
static Ref<> values_iter(ThreadState* ts, Object* op) {
    return dictiter_new(ts, as_view(op)->dv_dict, ts->interp->types.dict_valueiter);
}
static Ref<> items_iter(ThreadState* ts, Object* op) {
    return dictiter_new(ts, as_view(op)->dv_dict, ts->interp->types.dict_itemiter);
}

static int keys_contains(ThreadState* ts, Object* op, Object* key) {
    return dict_has_key(ts, as_view(op)->dv_dict, key);
}

static int items_contains(ThreadState* ts, Object* op, Object* obj) {
    if (!is_tuple(obj) || as_tuple(obj)->ob_size != 2) return 0;
    DictObject* d = as_view(op)->dv_dict;
    Object** kv = as_tuple(obj)->ob_item;
    Object* key = kv[0];
    Object* value = kv[1];
    Object* found = dict_get_item(ts, d, key);
    if (!found) return error_occurred(ts) ? -1 : 0;
    Ref<> hold = newref(found);
    return object_richcompare_bool(ts, hold.get(), value, Py_EQ);
}

// dict_keys(['a', 'b']): the type name and the list of what iteration gives.
static Ref<> dictview_repr(ThreadState* ts, Object* op) {
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, "...");
    Ref<ListObject> seq = list_from_iterable(ts, op);
    if (!seq) return nullptr;
    Ref<> r = object_repr(ts, seq.get());
    if (!r) return nullptr;
    return str_from_utf8(ts, type_of(op)->tp_name + "(" + std::string(str_utf8(r.get())) + ")");
}

// all_contained_in: every item of self is in other.
static int all_contained_in(ThreadState* ts, Object* self, Object* other) {
    Ref<> it = object_get_iter(ts, self);
    if (!it) return -1;
    for (;;) {
        Ref<> next = iter_next(ts, it.get());
        if (!next) return error_occurred(ts) ? -1 : 1;
        int ok = sequence_contains(ts, other, next.get());
        if (ok <= 0) return ok;
    }
}

static Ref<> dictview_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if (!is_anyset(other) && !is_set_view(interp, other)) return newref(interp.NotImplemented);
    isize len_self = object_length(ts, self);
    if (len_self < 0) return nullptr;
    isize len_other = object_length(ts, other);
    if (len_other < 0) return nullptr;
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other) ok = all_contained_in(ts, self, other);
        if (op == Py_NE && ok >= 0) ok = !ok;
        break;
    case Py_LT:
        if (len_self < len_other) ok = all_contained_in(ts, self, other);
        break;
    case Py_LE:
        if (len_self <= len_other) ok = all_contained_in(ts, self, other);
        break;
    case Py_GT:
        if (len_self > len_other) ok = all_contained_in(ts, other, self);
        break;
    case Py_GE:
        if (len_self >= len_other) ok = all_contained_in(ts, other, self);
        break;
    }
    if (ok < 0) return nullptr;
    return bool_ref(ts, ok);
}

// dictviews_to_set: set(self), straight from the dict for a keys view.
static Ref<> dictviews_to_set(ThreadState* ts, Object* self) {
    Object* left = self;
    if (is_keys_view(*ts->interp, self) && isinstance_exact(as_view(self)->dv_dict, ts->interp->types.dict))
        left = as_view(self)->dv_dict;
    return set_new(ts, left);
}

static Ref<> dictviews_sub(ThreadState* ts, Object* self, Object* other) {
    Ref<> result = dictviews_to_set(ts, self);
    if (!result) return nullptr;
    Ref<> r = call_method(ts, result.get(), "difference_update", &other, 1);
    if (!r) return nullptr;
    return result;
}

static Ref<> dictviews_and(ThreadState* ts, Object* self, Object* other) {
    Interpreter& interp = *ts->interp;
    // The interpreter swaps the operands when the view is on the right.
    if (!is_set_view(interp, self)) std::swap(self, other);
    isize len_self = dictview_len(ts, self);
    if (isinstance_exact(other, interp.types.set)) {
        isize len_other = object_length(ts, other);
        if (len_other < 0) return nullptr;
        if (len_self <= len_other) return call_method(ts, other, "intersection", &self, 1);
    }
    if (is_set_view(interp, other)) {
        if (dictview_len(ts, other) > len_self) std::swap(self, other);
    }
    Ref<> result = set_new(ts, nullptr);
    if (!result) return nullptr;
    Ref<> it = object_get_iter(ts, other);
    if (!it) return nullptr;
    const bool keys = is_keys_view(interp, self);
    for (;;) {
        Ref<> key = iter_next(ts, it.get());
        if (!key) break;
        int rv = keys ? keys_contains(ts, self, key.get()) : items_contains(ts, self, key.get());
        if (rv < 0) return nullptr;
        if (rv && !set_add(ts, result.get(), key.get())) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return result;
}

static Ref<> dictviews_or(ThreadState* ts, Object* self, Object* other) {
    Ref<> result = dictviews_to_set(ts, self);
    if (!result || !set_update(ts, result.get(), other)) return nullptr;
    return result;
}

static Ref<> dictviews_xor(ThreadState* ts, Object* self, Object* other) {
    Ref<> result = dictviews_to_set(ts, self);
    if (!result) return nullptr;
    Ref<> r = call_method(ts, result.get(), "symmetric_difference_update", &other, 1);
    if (!r) return nullptr;
    return result;
}

static Ref<> m_isdisjoint(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "isdisjoint", nargs, 1, 1)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* other = args[0];
    if (self == other) return bool_ref(ts, dictview_len(ts, self) == 0);
    // Iterate over the shorter object (only if other is a set, because
    // PySequence_Contains may be expensive otherwise).
    if (is_anyset(other) || is_set_view(interp, other)) {
        isize len_self = dictview_len(ts, self);
        isize len_other = object_length(ts, other);
        if (len_other < 0) return nullptr;
        if (len_other > len_self) std::swap(self, other);
    }
    Ref<> it = object_get_iter(ts, other);
    if (!it) return nullptr;
    for (;;) {
        Ref<> item = iter_next(ts, it.get());
        if (!item) break;
        int c = sequence_contains(ts, self, item.get());
        if (c < 0) return nullptr;
        if (c) return bool_ref(ts, false);
    }
    if (error_occurred(ts)) return nullptr;
    return bool_ref(ts, true);
}

static Ref<> view_reversed(ThreadState* ts, Object* self, TypeObject* t) {
    return dictiter_new(ts, as_view(self)->dv_dict, t);
}
static Ref<> m_keys_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    return view_reversed(ts, self, ts->interp->types.dict_revkeyiter);
}
static Ref<> m_values_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    return view_reversed(ts, self, ts->interp->types.dict_revvalueiter);
}
static Ref<> m_items_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__reversed__", nargs, 0, 0)) return nullptr;
    return view_reversed(ts, self, ts->interp->types.dict_revitemiter);
}

// view.mapping: a read-only proxy of the dict the view shows.
static Ref<> view_get_mapping(ThreadState* ts, Object* self) {
    return mappingproxy_new(ts, as_view(self)->dv_dict);
}
static const GetSetDef view_getsets[] = {
    {"mapping", view_get_mapping, nullptr, "dictionary that this view refers to"},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef keys_methods[] = {
    {"isdisjoint", m_isdisjoint, METH_DEFAULT, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", m_keys_reversed, METH_DEFAULT, "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef items_methods[] = {
    {"isdisjoint", m_isdisjoint, METH_DEFAULT, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", m_items_reversed, METH_DEFAULT, "Return a reverse iterator over the dict items."},
    {nullptr, nullptr, 0, nullptr},
};
static const MethodDef values_methods[] = {
    {"__reversed__", m_values_reversed, METH_DEFAULT, "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ init

static bool setup_iter(ThreadState* ts, TypeObject** slot, const char* name, bool reversed) {
    TypeObject* t = ensure_builtin_type(ts, slot, name, sizeof(DictIterObject), TPFLAGS_HAVE_GC);
    if (!t) return false;
    t->tp_dealloc = dictiter_dealloc;
    t->tp_traverse = dictiter_traverse;
    t->tp_iter = iter_self;
    t->tp_iternext = reversed ? dictreviter_next : dictiter_next;
    return add_type_members(ts, t, dictiter_methods);
}

// view.mapping: a read-only proxy of the dict the view looks at.
static Ref<> dictview_get_mapping(ThreadState* ts, Object* self) {
    return mappingproxy_new(ts, as_view(self)->dv_dict);
}

static const GetSetDef dictview_getsets[] = {
    {"mapping", dictview_get_mapping, nullptr, "dictionary that this view refers to"},
    {nullptr, nullptr, nullptr, nullptr},
};

static TypeObject* setup_view(ThreadState* ts, TypeObject** slot, const char* name, getiterfunc iter,
                              objobjproc contains, const MethodDef* methods, bool setlike) {
    TypeObject* t = ensure_builtin_type(ts, slot, name, sizeof(DictViewObject), TPFLAGS_HAVE_GC);
    if (!t) return nullptr;
    t->tp_dealloc = dictview_dealloc;
    t->tp_traverse = dictview_traverse;
    t->tp_repr = dictview_repr;
    t->tp_iter = iter;
    t->sequence_storage.sq_length = dictview_len;
    t->sequence_storage.sq_contains = contains;
    t->tp_as_sequence = &t->sequence_storage;
    if (setlike) {
        t->tp_richcompare = dictview_richcompare;
        t->tp_hash = hash_not_implemented;
        t->number_storage.nb_subtract = dictviews_sub;
        t->number_storage.nb_and = dictviews_and;
        t->number_storage.nb_or = dictviews_or;
        t->number_storage.nb_xor = dictviews_xor;
        t->tp_as_number = &t->number_storage;
    }
    if (!add_type_members(ts, t, methods, dictview_getsets)) return nullptr;
    return t;
}

bool init_dict_views(ThreadState* ts) {
    BuiltinTypes& b = ts->interp->types;
    return setup_iter(ts, &b.dict_keyiter, "dict_keyiterator", false) &&
           setup_iter(ts, &b.dict_valueiter, "dict_valueiterator", false) &&
           setup_iter(ts, &b.dict_itemiter, "dict_itemiterator", false) &&
           setup_iter(ts, &b.dict_revkeyiter, "dict_reversekeyiterator", true) &&
           setup_iter(ts, &b.dict_revvalueiter, "dict_reversevalueiterator", true) &&
           setup_iter(ts, &b.dict_revitemiter, "dict_reverseitemiterator", true) &&
           setup_view(ts, &b.dict_keys, "dict_keys", keys_iter, keys_contains, keys_methods, true) &&
           setup_view(ts, &b.dict_values, "dict_values", values_iter, nullptr, values_methods, false) &&
           setup_view(ts, &b.dict_items, "dict_items", items_iter, items_contains, items_methods, true);
}

}  // namespace gp
