// functools_module.cpp — the `_functools` module (C++): reduce, partial and
// cmp_to_key; and the `functools` module (Python source, frozen at the end
// of this file): wraps, lru_cache, total_ordering, singledispatch,
// cached_property, built on them.
//
// Mirrors CPython 3.11's Modules/_functoolsmodule.c.
//
// partial(func, *args, **kw) remembers a call's first arguments: calling
// it with more arguments calls func(*args, *more, **{**kw, **morekw}).
// A partial of a partial is flattened when it is made, so chains of
// partials cost one call, as in CPython.
//
// cmp_to_key(cmp) turns an old-style comparison function into a key
// class: sorted() compares the wrappers, and each comparison calls
// cmp(a, b) and compares its result with 0.
#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/weakrefobject.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// ------------------------------------------------------------------ reduce

// reduce(function, iterable[, initial]): ((initial op x0) op x1) op ...
static Ref<> functools_reduce(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "reduce", kw) || !check_positional(ts, "reduce", nargs, 2, 3)) return nullptr;
    Ref<> it = object_get_iter(ts, args[1]);
    if (!it) {
        if (error_matches(ts, interp.exc.TypeError)) {
            error_clear(ts);
            return raise(ts, interp.exc.TypeError, "reduce() arg 2 must support iteration");
        }
        return nullptr;
    }
    Ref<> acc = nargs == 3 ? newref(args[2]) : nullptr;
    while (Ref<> item = iter_next(ts, it.get())) {
        if (!acc) {
            acc = std::move(item);
            continue;
        }
        Object* pair[2] = {acc.get(), item.get()};
        acc = object_vectorcall(ts, args[0], pair, 2);
        if (!acc) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    if (!acc) return raise(ts, interp.exc.TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

// ----------------------------------------------------------------- partial

struct PartialObject : Object {
    Object* fn;     // owned: the callable
    Object* args;   // owned tuple: the frozen positional arguments
    Object* kw;     // owned dict: the frozen keyword arguments
    Object* dict;   // owned, may be null: instance attributes (update_wrapper sets them)
    Object* weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
};

static void partial_dealloc(Object* op);

static bool is_plain_partial(Object* o) { return type_of(o)->tp_dealloc == partial_dealloc; }

static Ref<> partial_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (nargs < 1) return raise(ts, interp.exc.TypeError, "type 'partial' takes at least one argument");
    Object* func = args[0];
    Ref<TupleObject> pargs;
    Ref<DictObject> pkw = dict_new(ts);
    if (!pkw) return nullptr;
    // partial(partial(f, 1), 2) is partial(f, 1, 2): flatten when the inner
    // one is a plain partial without attributes of its own.
    auto* inner = static_cast<PartialObject*>(func);
    bool flatten = isinstance_exact(func, type) && is_plain_partial(func) &&
                   (!inner->dict || dict_size(as_dict(inner->dict)) == 0);
    if (flatten) {
        auto* a = as_tuple(inner->args);
        pargs = tuple_new(ts, a->ob_size + nargs - 1);
        if (!pargs) return nullptr;
        for (isize i = 0; i < a->ob_size; i++) pargs->ob_item[i] = newref(a->ob_item[i]).release();
        for (isize i = 1; i < nargs; i++) pargs->ob_item[a->ob_size + i - 1] = newref(args[i]).release();
        if (!dict_merge(ts, pkw.get(), inner->kw, 1)) return nullptr;
        func = inner->fn;
    } else {
        if (!is_callable(func)) return raise(ts, interp.exc.TypeError, "the first argument must be callable");
        pargs = tuple_from_array(ts, args + 1, nargs - 1);
        if (!pargs) return nullptr;
    }
    for (isize k = 0; kwnames && k < kwnames->ob_size; k++)
        if (!dict_set_item(ts, pkw.get(), kwnames->ob_item[k], args[nargs + k])) return nullptr;
    auto* p = static_cast<PartialObject*>(object_alloc(ts, type, 0));
    if (!p) return nullptr;
    p->fn = newref(func).release();
    p->args = pargs.release();
    p->kw = pkw.release();
    interp.gc.track(p);
    return Ref<>::steal(p);
}

static void partial_dealloc(Object* op) {
    fields_dealloc<PartialObject, &PartialObject::fn, &PartialObject::args, &PartialObject::kw, &PartialObject::dict>(op);
}

static int partial_traverse(Object* op, visitproc visit, void* arg) {
    return fields_traverse<PartialObject, &PartialObject::fn, &PartialObject::args, &PartialObject::kw,
                           &PartialObject::dict>(op, visit, arg);
}

static Ref<> partial_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* p = static_cast<PartialObject*>(self);
    auto* frozen = as_tuple(p->args);
    const isize nkw = kwnames ? kwnames->ob_size : 0;
    // The positional arguments: the frozen ones, then the new ones.
    std::vector<Object*> all;
    all.reserve(std::size_t(frozen->ob_size + nargs + nkw));
    for (isize i = 0; i < frozen->ob_size; i++) all.push_back(frozen->ob_item[i]);
    for (isize i = 0; i < nargs; i++) all.push_back(args[i]);
    if (dict_size(as_dict(p->kw)) == 0) {
        for (isize k = 0; k < nkw; k++) all.push_back(args[nargs + k]);
        return object_vectorcall(ts, p->fn, all.data(), frozen->ob_size + nargs, kwnames);
    }
    // Keywords of the call override the frozen ones.
    Ref<DictObject> kw = dict_copy(ts, as_dict(p->kw));
    if (!kw) return nullptr;
    for (isize k = 0; k < nkw; k++)
        if (!dict_set_item(ts, kw.get(), kwnames->ob_item[k], args[nargs + k])) return nullptr;
    return call_with_kwdict(ts, p->fn, all.data(), isize(all.size()), kw.get());
}

// functools.partial(<class 'int'>, base=2)
static Ref<> partial_repr(ThreadState* ts, Object* self) {
    auto* p = static_cast<PartialObject*>(self);
    // "functools.partial" for partial itself, the class name for subclasses.
    std::string name = type_has_flag(type_of(self), TPFLAGS_HEAPTYPE) ? type_qualname(type_of(self))
                                                                        : type_of(self)->tp_name;
    ReprGuard guard(ts, self);
    if (guard.recursive()) return str_from_utf8(ts, "...");
    Ref<> f = object_repr(ts, p->fn);
    if (!f) return nullptr;
    std::string text = name + "(" + std::string(str_utf8(f.get()));
    auto* a = as_tuple(p->args);
    for (isize i = 0; i < a->ob_size; i++) {
        Ref<> r = object_repr(ts, a->ob_item[i]);
        if (!r) return nullptr;
        text += ", " + std::string(str_utf8(r.get()));
    }
    isize pos = 0;
    Object *k, *v;
    while (dict_next(as_dict(p->kw), &pos, &k, &v)) {
        Ref<> ks = object_str(ts, k);
        Ref<> r = ks ? object_repr(ts, v) : nullptr;
        if (!r) return nullptr;
        text += ", " + std::string(str_utf8(ks.get())) + "=" + std::string(str_utf8(r.get()));
    }
    return str_from_utf8(ts, text + ")");
}

static Ref<> partial_get_func(ThreadState*, Object* self) { return newref(static_cast<PartialObject*>(self)->fn); }
static Ref<> partial_get_args(ThreadState*, Object* self) { return newref(static_cast<PartialObject*>(self)->args); }
static Ref<> partial_get_keywords(ThreadState*, Object* self) { return newref(static_cast<PartialObject*>(self)->kw); }

static Ref<> partial_get_dict(ThreadState* ts, Object* self) {
    auto* p = static_cast<PartialObject*>(self);
    if (!p->dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        p->dict = d.release();
    }
    return newref(p->dict);
}

static const GetSetDef partial_getset[] = {
    {"func", partial_get_func, nullptr, "function object to use in future partial calls"},
    {"args", partial_get_args, nullptr, "tuple of arguments to future partial calls"},
    {"keywords", partial_get_keywords, nullptr, "dictionary of keyword arguments to future partial calls"},
    {"__dict__", partial_get_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// __reduce__: (type(self), (func,), (func, args, keywords or None, __dict__
// or None)); __setstate__ takes that state back (_functoolsmodule.c).
static Ref<> partial_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* p = static_cast<PartialObject*>(self);
    Object* none = ts->interp->None;
    Object* kwds = p->kw && dict_size(as_dict(p->kw)) ? p->kw : none;
    Object* d = p->dict && dict_size(as_dict(p->dict)) ? p->dict : none;
    Ref<> fargs = tuple_pack(ts, {p->fn});
    if (!fargs) return nullptr;
    Ref<> state = tuple_pack(ts, {p->fn, p->args, kwds, d});
    if (!state) return nullptr;
    return tuple_pack(ts, {type_of(self), fargs.get(), state.get()});
}

static Ref<> partial_setstate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__setstate__", kw) || !check_nargs(ts, "__setstate__", nargs, 1, 1)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* state = args[0];
    if (!is_tuple(state) || as_tuple(state)->ob_size != 4)
        return raise(ts, interp.exc.TypeError, "invalid partial state");
    Object** f = as_tuple(state)->ob_item;
    if (!is_callable(f[0]) || !is_tuple(f[1]) || (f[2] != interp.None && !is_dict(f[2])))
        return raise(ts, interp.exc.TypeError, "invalid partial state");
    auto* p = static_cast<PartialObject*>(self);
    Ref<> fargs;
    if (type_of(f[1]) == interp.types.tuple) fargs = newref(f[1]);
    else fargs = tuple_from_array(ts, as_tuple(f[1])->ob_item, as_tuple(f[1])->ob_size);
    if (!fargs) return nullptr;
    Ref<> kwds;
    if (f[2] == interp.None) kwds = dict_new(ts);
    else kwds = dict_copy(ts, as_dict(f[2]));
    if (!kwds) return nullptr;
    Object* old[3] = {p->fn, p->args, p->kw};
    p->fn = newref(f[0]).release();
    p->args = fargs.release();
    p->kw = kwds.release();
    for (Object* o : old) xdecref(o);
    if (f[3] != interp.None) {
        if (!is_dict(f[3])) return raise(ts, interp.exc.TypeError, "invalid partial state");
        Ref<DictObject> d = dict_copy(ts, as_dict(f[3]));
        if (!d) return nullptr;
        Object* od = p->dict;
        p->dict = d.release();
        xdecref(od);
    }
    return newref(interp.None);
}

static const MethodDef partial_methods[] = {
    {"__reduce__", partial_reduce, METH_DEFAULT, nullptr},
    {"__setstate__", partial_setstate, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------- cmp_to_key

struct KeyWrapperObject : Object {
    Object* cmp;      // owned: the comparison function
    Object* object;   // owned, null for the wrapper class-like object itself
};

static Ref<> keywrapper_make(ThreadState* ts, TypeObject* type, Object* cmp, Object* object) {
    auto* k = static_cast<KeyWrapperObject*>(object_alloc(ts, type, 0));
    if (!k) return nullptr;
    k->cmp = newref(cmp).release();
    k->object = object ? newref(object).release() : nullptr;
    ts->interp->gc.track(k);
    return Ref<>::steal(k);
}

// K(obj): wraps obj for comparisons.
static Ref<> keywrapper_call(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"obj"};
    Object* a[1];
    if (!parse_kwargs(ts, "K", names, 1, 1, 0, args, nargs, kw, a)) return nullptr;
    return keywrapper_make(ts, type_of(self), static_cast<KeyWrapperObject*>(self)->cmp, a[0]);
}

static Ref<> keywrapper_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (type_of(b) != type_of(a)) return raise(ts, ts->interp->exc.TypeError, "other argument must be K instance");
    auto* x = static_cast<KeyWrapperObject*>(a);
    auto* y = static_cast<KeyWrapperObject*>(b);
    if (!x->object || !y->object) return raise(ts, ts->interp->exc.AttributeError, "object");
    Object* pair[2] = {x->object, y->object};
    Ref<> res = object_vectorcall(ts, x->cmp, pair, 2);
    Ref<> zero = res ? int_from_i64(ts, 0) : nullptr;
    if (!zero) return nullptr;
    return object_richcompare(ts, res.get(), zero.get(), op);
}

static Ref<> keywrapper_get_obj(ThreadState* ts, Object* self) {
    auto* k = static_cast<KeyWrapperObject*>(self);
    if (!k->object) return raise(ts, ts->interp->exc.AttributeError, "obj");
    return newref(k->object);
}

static const GetSetDef keywrapper_getset[] = {
    {"obj", keywrapper_get_obj, nullptr, "Value wrapped by a key function."},
    {nullptr, nullptr, nullptr, nullptr},
};

static Ref<> functools_cmp_to_key(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"mycmp"};
    Object* a[1];
    if (!parse_kwargs(ts, "cmp_to_key", names, 1, 1, 0, args, nargs, kw, a)) return nullptr;
    TypeObject* t = module_type(ts, "_functools", "KeyWrapper");
    return t ? keywrapper_make(ts, t, a[0], nullptr) : nullptr;
}

static Ref<> no_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "cannot create '" + type->tp_name + "' instances");
}

// --------------------------------------------------------------- module

static const MethodDef functools_methods[] = {
    {"reduce", functools_reduce, 0,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence\n"
     "or iterable, from left to right, so as to reduce the iterable to a single\nvalue."},
    {"cmp_to_key", functools_cmp_to_key, 0, "Convert a cmp= function into a key= function."},
    {nullptr, nullptr, 0, nullptr},
};

static TypeObject* make_type(ThreadState* ts, const char* name, isize size, uint64_t flags) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_new_builtin(interp, name, size, 0, interp.types.object, TPFLAGS_HAVE_GC | flags);
    if (!t) {
        raise_no_memory(ts);
        return nullptr;
    }
    Ref<DictObject> d = dict_new(ts);
    if (!d) {
        decref(t);
        return nullptr;
    }
    t->tp_dict = d.release();
    return t;
}

Ref<ModuleObject> make_functools_c_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_functools");
    if (!m || !module_add_functions(ts, m.get(), functools_methods)) return nullptr;

    TypeObject* p = make_type(ts, "functools.partial", sizeof(PartialObject), TPFLAGS_BASETYPE);
    if (!p) return nullptr;
    Ref<TypeObject> partial = Ref<TypeObject>::steal(p);
    p->tp_new = partial_new;
    p->tp_call = partial_call;
    p->tp_repr = partial_repr;
    p->tp_dealloc = partial_dealloc;
    p->tp_traverse = partial_traverse;
    p->tp_weaklistoffset = weaklist_offset(&PartialObject::weakreflist);
    p->tp_getset = partial_getset;
    p->tp_methods = partial_methods;
    p->tp_dictoffset = offsetof(PartialObject, dict);
    p->tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
                "    of the given arguments and keywords.\n";
    if (!type_add_class_getitem(ts, p)) return nullptr;   // partial[int]
    if (!type_ready(ts, p) || !module_add_object(ts, m.get(), "partial", p)) return nullptr;

    TypeObject* k = make_type(ts, "functools.KeyWrapper", sizeof(KeyWrapperObject), 0);
    if (!k) return nullptr;
    Ref<TypeObject> keywrapper = Ref<TypeObject>::steal(k);
    k->tp_new = no_new;
    k->tp_call = keywrapper_call;
    k->tp_richcompare = keywrapper_richcompare;
    k->tp_hash = hash_not_implemented;
    k->tp_dealloc = fields_dealloc<KeyWrapperObject, &KeyWrapperObject::cmp, &KeyWrapperObject::object>;
    k->tp_traverse = fields_traverse<KeyWrapperObject, &KeyWrapperObject::cmp, &KeyWrapperObject::object>;
    k->tp_getset = keywrapper_getset;
    if (!type_ready(ts, k) || !module_add_object(ts, m.get(), "KeyWrapper", k)) return nullptr;
    return m;
}

// ============================================ the Python half (frozen source)
//
// The `functools` module itself, frozen into the interpreter as source (see
// frozen.h); its docstring explains the Python half.

extern const char kFunctoolsModuleSource[];
const char kFunctoolsModuleSource[] = R"py("""Higher-order functions and operations on callable objects.

reduce, partial and cmp_to_key come from the C++ module _functools; the
rest is Python, as in CPython 3.11's Lib/functools.py:

  update_wrapper / wraps  copy __name__, __doc__, ... from the wrapped
                          function onto its wrapper and set __wrapped__;
  lru_cache / cache       memoize a function in a dict whose insertion order
                          is the recency order: a hit moves its key to the
                          end, a miss on a full cache evicts the first key;
  total_ordering          fills in the missing comparison methods from one;
  cached_property         computes once, then lives in the instance __dict__
                          (it is a non-data descriptor, so the stored value
                          shadows it);
  singledispatch          picks an implementation by the type of the first
                          argument, walking its MRO.
"""

from _functools import cmp_to_key, partial, reduce
from abc import get_cache_token
from collections import namedtuple
# Names Lib/functools.py imports, which programs reach through it.
from reprlib import recursive_repr
from _thread import RLock
from types import GenericAlias

__all__ = ["update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES",
           "total_ordering", "cache", "cmp_to_key", "lru_cache", "reduce",
           "partial", "partialmethod", "singledispatch", "singledispatchmethod",
           "cached_property"]

# ------------------------------------------------------------ update_wrapper

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ copied from wrapped.__dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ------------------------------------------------------------ total_ordering
# Each derived method calls the one the class defines, through the type
# (so a subclass's override is used) and passes NotImplemented through.

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    result = type(self).__lt__(self, other)
    return result if result is NotImplemented else (not result and self != other)

def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    result = type(self).__lt__(self, other)
    return result if result is NotImplemented else (result or self == other)

def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    result = type(self).__lt__(self, other)
    return result if result is NotImplemented else not result

def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    result = type(self).__le__(self, other)
    return result if result is NotImplemented else (not result or self == other)

def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    result = type(self).__le__(self, other)
    return result if result is NotImplemented else (result and self != other)

def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    result = type(self).__le__(self, other)
    return result if result is NotImplemented else not result

def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    result = type(self).__gt__(self, other)
    return result if result is NotImplemented else (not result and self != other)

def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    result = type(self).__gt__(self, other)
    return result if result is NotImplemented else (result or self == other)

def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    result = type(self).__gt__(self, other)
    return result if result is NotImplemented else not result

def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    result = type(self).__ge__(self, other)
    return result if result is NotImplemented else (not result or self == other)

def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    result = type(self).__ge__(self, other)
    return result if result is NotImplemented else (result and self != other)

def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    result = type(self).__ge__(self, other)
    return result if result is NotImplemented else not result

_convert = {
    "__lt__": [("__gt__", _gt_from_lt), ("__le__", _le_from_lt), ("__ge__", _ge_from_lt)],
    "__le__": [("__ge__", _ge_from_le), ("__lt__", _lt_from_le), ("__gt__", _gt_from_le)],
    "__gt__": [("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt), ("__le__", _le_from_gt)],
    "__ge__": [("__le__", _le_from_ge), ("__gt__", _gt_from_ge), ("__lt__", _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)   # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# ------------------------------------------------------------------ lru_cache

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _HashedSeq(list):
    """A list that hashes once: the cache key of a call with several arguments."""
    __slots__ = "hashvalue"

    def __init__(self, tup, hash=hash):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


_kwd_mark = (object(),)


def _make_key(args, kwds, typed, fasttypes={int, str}):
    """The cache key for a call: the positional arguments, then a marker
    and the keyword items, then (typed=True) the argument types. A lone
    int or str argument is its own key."""
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the cache
    can grow without bound. If *typed* is True, arguments of different types
    will be cached separately. View the cache statistics named tuple
    (hits, misses, maxsize, currsize) with f.cache_info(); clear the cache
    and statistics with f.cache_clear()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # @lru_cache without parentheses: maxsize is the function.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}          # key -> result, least recently used first
    hits = misses = 0
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            # No caching: only count the calls.
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            # Unbounded: no ordering needed.
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.get(key, missing)
            if result is not missing:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            # Bounded: a hit moves its entry to the end (most recent); a
            # miss on a full cache evicts the entry at the front.
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, missing)
            if result is not missing:
                hits += 1
                cache[key] = result
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key not in cache:   # a recursive call may have cached it meanwhile
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ------------------------------------------------------------ cached_property

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                   f"instance to cache {self.attrname!r} property.")
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                       f"does not support item assignment for caching {self.attrname!r} property.")
                raise TypeError(msg) from None
        return val


# -------------------------------------------------------------- partialmethod

class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords. Supports wrapping existing descriptors and handles
    non-descriptor callables as instance methods."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join(map(repr, self.args))
        keywords = ", ".join(f"{k}={v!r}" for k, v in self.keywords.items())
        parts = [p for p in (repr(self.func), args, keywords) if p]
        return f"{self.__class__.__module__}.{self.__class__.__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ------------------------------------------------------------- singledispatch

def _find_impl(cls, registry):
    """The implementation registered for the nearest class in cls's MRO;
    ABCs registered for virtual bases are tried after the real MRO."""
    for base in cls.__mro__:
        if base in registry:
            return registry[base]
    best = None
    for typ in registry:
        if typ is object or typ in cls.__mro__:
            continue
        try:
            matches = issubclass(cls, typ)
        except TypeError:
            continue
        if matches and (best is None or issubclass(typ, best)):
            best = typ
    return registry[best] if best is not None else registry[object]


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function."""
    import types

    registry = {}
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available implementation
        for the given *cls* registered on *generic_func*."""
        nonlocal cache_token
        if cache_token is not None:
            current_token = get_cache_token()
            if cache_token != current_token:
                dispatch_cache.clear()
                cache_token = current_token
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def _is_valid_dispatch_type(cls):
        return isinstance(cls, type)

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_func*."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. {cls!r} is not a class.")
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(func, "__globals__", {}))
            if not _is_valid_dispatch_type(cls):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        registry[cls] = func
        if cache_token is None and hasattr(cls, "__abstractmethods__"):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
)py";

}  // namespace gp
