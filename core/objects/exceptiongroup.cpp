// exceptiongroup.cpp — exception groups and except* (see exceptiongroup.h).
#include "objects/exceptiongroup.h"

#include <set>

#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static BaseExceptionGroupObject* as_eg(Object* o) { return static_cast<BaseExceptionGroupObject*>(o); }

bool is_exception_group(Object* o) {
    TypeObject* beg = type_of(o)->interp->exc.BaseExceptionGroup;
    return beg && isinstance_of(o, beg);
}

bool exception_matches(Object* exc, Object* match) {
    if (!exc || !match) return false;
    if (is_tuple(match)) {
        auto* t = as_tuple(match);
        for (isize i = 0; i < t->ob_size; i++)
            if (exception_matches(exc, t->ob_item[i])) return true;
        return false;
    }
    TypeObject* cls = is_exception_instance(exc) ? type_of(exc) : nullptr;
    if (!cls && is_exception_class(exc)) cls = static_cast<TypeObject*>(exc);
    if (!cls || !is_exception_class(match)) return exc == match;
    return type_is_subtype(cls, static_cast<TypeObject*>(match));
}

// ------------------------------------------------------------ the type

// BaseExceptionGroup.__new__(cls, message, exceptions): validates, and
// picks ExceptionGroup when every member is an Exception.
static Ref<> eg_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject*) {
    Interpreter& interp = *ts->interp;
    if (nargs != 2)
        return raise(ts, interp.exc.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                                   std::to_string(nargs) + " given)");
    Object* message = args[0];
    if (!is_str(message))
        return raise(ts, interp.exc.TypeError,
                     std::string("BaseExceptionGroup.__new__() argument 1 must be str, not ") + type_name(message));
    Object* seq = args[1];
    TypeObject* st = type_of(seq);
    bool is_sequence = !type_has_flag(st, TPFLAGS_DICT_SUBCLASS) && st->tp_as_sequence && st->tp_as_sequence->sq_item;
    if (!is_sequence && !is_tuple(seq) && !is_list(seq))
        return raise(ts, interp.exc.TypeError, "second argument (exceptions) must be a sequence");
    Ref<TupleObject> excs;
    if (is_tuple(seq)) {
        excs = newref(as_tuple(seq));
    } else {
        Ref<ListObject> l = list_from_iterable(ts, seq);
        if (!l) return nullptr;
        excs = list_as_tuple(ts, l.get());
        if (!excs) return nullptr;
    }
    if (excs->ob_size == 0)
        return raise(ts, interp.exc.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool nested_base_exceptions = false;
    for (isize i = 0; i < excs->ob_size; i++) {
        Object* e = excs->ob_item[i];
        if (!is_exception_instance(e))
            return raise(ts, interp.exc.ValueError,
                         "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
        if (!isinstance_of(e, interp.exc.Exception)) nested_base_exceptions = true;
    }
    TypeObject* cls = type;
    if (cls == interp.exc.ExceptionGroup) {
        if (nested_base_exceptions)
            return raise(ts, interp.exc.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (cls == interp.exc.BaseExceptionGroup) {
        if (!nested_base_exceptions && interp.exc.ExceptionGroup) cls = interp.exc.ExceptionGroup;
    } else if (nested_base_exceptions && type_is_subtype(cls, interp.exc.Exception)) {
        return raise(ts, interp.exc.TypeError, "Cannot nest BaseExceptions in '" + cls->tp_name + "'");
    }
    Ref<> self = interp.exc.BaseException->tp_new(ts, cls, args, nargs, nullptr);
    if (!self) return nullptr;
    as_eg(self.get())->msg = newref(message).release();
    as_eg(self.get())->excs = excs.release();
    return self;
}

static int eg_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (kwnames && kwnames->ob_size) {
        raise(ts, ts->interp->exc.TypeError, type_of(self)->tp_name + "() takes no keyword arguments");
        return -1;
    }
    return ts->interp->exc.BaseException->tp_init(ts, self, args, nargs, nullptr);
}

static int eg_clear(Object* op) {
    auto* eg = as_eg(op);
    Object* msg = eg->msg;
    Object* excs = eg->excs;
    eg->msg = nullptr;
    eg->excs = nullptr;
    xdecref(msg);
    xdecref(excs);
    return type_of(op)->interp->exc.BaseException->tp_clear(op);
}

static void eg_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    eg_clear(op);
    object_free(op);
}

static int eg_traverse(Object* op, visitproc visit, void* arg) {
    auto* eg = as_eg(op);
    if (eg->msg && visit(eg->msg, arg)) return 1;
    if (eg->excs && visit(eg->excs, arg)) return 1;
    return type_of(op)->interp->exc.BaseException->tp_traverse(op, visit, arg);
}

// 'msg (N sub-exceptions)'
static Ref<> eg_str(ThreadState* ts, Object* self) {
    auto* eg = as_eg(self);
    isize n = eg->excs ? eg->excs->ob_size : 0;
    std::string msg = eg->msg ? std::string(str_utf8(eg->msg)) : "";
    return str_from_utf8(ts, msg + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")");
}

static Ref<> eg_get_message(ThreadState* ts, Object* self) {
    Object* m = as_eg(self)->msg;
    return newref(m ? m : ts->interp->None);
}
static Ref<> eg_get_exceptions(ThreadState* ts, Object* self) {
    Object* e = as_eg(self)->excs;
    return newref(e ? e : ts->interp->None);
}

// derive(excs): a group like this one (same message) around other members.
static Ref<> eg_derive(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "derive", kw) || !check_nargs(ts, "derive", nargs, 1, 1)) return nullptr;
    Object* call_args[2] = {as_eg(self)->msg, args[0]};
    return object_vectorcall(ts, ts->interp->exc.BaseExceptionGroup, call_args, 2);
}

// ------------------------------------------------------------ split

enum class Matcher { ByType, ByPredicate, InstanceIds };

struct SplitResult {
    Ref<> match;   // null: nothing
    Ref<> rest;    // null: nothing (or not asked for)
};

static bool matcher_kind(ThreadState* ts, Object* value, Matcher* kind) {
    Interpreter& interp = *ts->interp;
    if (type_of(value) == interp.types.function) { *kind = Matcher::ByPredicate; return true; }
    if (is_exception_class(value)) { *kind = Matcher::ByType; return true; }
    if (type_of(value) == interp.types.tuple) {
        bool ok = true;
        for (isize i = 0; i < as_tuple(value)->ob_size; i++)
            if (!is_exception_class(as_tuple(value)->ob_item[i])) ok = false;
        if (ok) { *kind = Matcher::ByType; return true; }
    }
    raise(ts, interp.exc.TypeError, "expected a function, exception type or tuple of exception types");
    return false;
}

// 1 match, 0 no match, -1 error (exceptiongroup_split_check_match).
static int check_match(ThreadState* ts, Object* exc, Matcher kind, Object* value, const std::set<Object*>* ids) {
    switch (kind) {
    case Matcher::ByType: return exception_matches(exc, value) ? 1 : 0;
    case Matcher::ByPredicate: {
        Ref<> r = object_call_one(ts, value, exc);
        if (!r) return -1;
        return object_is_true(ts, r.get());
    }
    case Matcher::InstanceIds: return ids && ids->count(exc) ? 1 : 0;
    }
    return 0;
}

// exceptiongroup_subset: a derived group around `excs` carrying the
// original's traceback, context, cause and (a copy of its) notes; null
// without an error when excs is empty.
static bool subset(ThreadState* ts, Object* orig, ListObject* excs, Ref<>* result) {
    Interpreter& interp = *ts->interp;
    result->reset();
    if (excs->ob_size == 0) return true;
    Ref<> eg = call_method(ts, orig, "derive", reinterpret_cast<Object* const*>(&excs), 1);
    if (!eg) return false;
    if (!is_exception_group(eg.get())) {
        raise(ts, interp.exc.TypeError, "derive must return an instance of BaseExceptionGroup");
        return false;
    }
    auto* src = static_cast<BaseExceptionObject*>(orig);
    auto* dst = static_cast<BaseExceptionObject*>(eg.get());
    auto copy = [](Object** to, Object* from) {
        xincref(from);
        Object* old = *to;
        *to = from;
        xdecref(old);
    };
    copy(&dst->traceback, src->traceback);
    copy(&dst->context, src->context);
    copy(&dst->cause, src->cause);
    Ref<> notes = object_getattr_cstr(ts, orig, "__notes__");
    if (!notes) {
        if (!error_matches(ts, interp.exc.AttributeError)) return false;
        error_clear(ts);
    } else {
        TypeObject* nt = type_of(notes.get());
        bool seq = !type_has_flag(nt, TPFLAGS_DICT_SUBCLASS) && nt->tp_as_sequence && nt->tp_as_sequence->sq_item;
        if (seq || is_list(notes.get()) || is_tuple(notes.get())) {
            // The parts get independent notes lists.
            Ref<ListObject> copy_list = list_from_iterable(ts, notes.get());
            if (!copy_list || object_setattr(ts, eg.get(), interp.intern("__notes__"), copy_list.get()) < 0)
                return false;
        }
    }
    *result = std::move(eg);
    return true;
}

// exceptiongroup_split_recursive.
static bool split_recursive(ThreadState* ts, Object* exc, Matcher kind, Object* value,
                            const std::set<Object*>* ids, bool construct_rest, SplitResult* out) {
    int m = check_match(ts, exc, kind, value, ids);
    if (m < 0) return false;
    if (m) {
        out->match = newref(exc);   // the whole subtree matches
        return true;
    }
    if (!is_exception_group(exc)) {   // a leaf that does not match
        if (construct_rest) out->rest = newref(exc);
        return true;
    }
    Ref<ListObject> match_list = list_new(ts, 0);
    Ref<ListObject> rest_list = list_new(ts, 0);
    if (!match_list || !rest_list) return false;
    TupleObject* excs = as_eg(exc)->excs;
    for (isize i = 0; excs && i < excs->ob_size; i++) {
        if (++ts->recursion_depth > ts->interp->recursion_limit) {
            --ts->recursion_depth;
            raise(ts, ts->interp->exc.RecursionError,
                  "maximum recursion depth exceeded in exceptiongroup_split_recursive");
            return false;
        }
        SplitResult sub;
        bool ok = split_recursive(ts, excs->ob_item[i], kind, value, ids, construct_rest, &sub);
        --ts->recursion_depth;
        if (!ok) return false;
        if (sub.match && !list_append(ts, match_list.get(), sub.match.get())) return false;
        if (sub.rest && !list_append(ts, rest_list.get(), sub.rest.get())) return false;
    }
    if (!subset(ts, exc, match_list.get(), &out->match)) return false;
    if (construct_rest && !subset(ts, exc, rest_list.get(), &out->rest)) {
        out->match.reset();
        return false;
    }
    return true;
}

static Ref<> eg_split(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "split", kw) || !check_nargs(ts, "split", nargs, 1, 1)) return nullptr;
    Matcher kind;
    if (!matcher_kind(ts, args[0], &kind)) return nullptr;
    SplitResult r;
    if (!split_recursive(ts, self, kind, args[0], nullptr, true, &r)) return nullptr;
    Object* none = ts->interp->None;
    return tuple_pack(ts, {r.match ? r.match.get() : none, r.rest ? r.rest.get() : none});
}

static Ref<> eg_subgroup(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "subgroup", kw) || !check_nargs(ts, "subgroup", nargs, 1, 1)) return nullptr;
    Matcher kind;
    if (!matcher_kind(ts, args[0], &kind)) return nullptr;
    SplitResult r;
    if (!split_recursive(ts, self, kind, args[0], nullptr, false, &r)) return nullptr;
    return r.match ? std::move(r.match) : newref(ts->interp->None);
}

// ------------------------------------------------------------ except*

bool exception_group_match(ThreadState* ts, Object* exc, Object* match_type, Ref<>* match, Ref<>* rest) {
    Interpreter& interp = *ts->interp;
    Object* none = interp.None;
    if (exc == none) {
        *match = newref(none);
        *rest = newref(none);
        return true;
    }
    if (exception_matches(exc, match_type)) {
        // The whole exception matches; a naked one is wrapped in a group.
        if (is_exception_group(exc)) {
            *match = newref(exc);
        } else {
            Ref<TupleObject> excs = tuple_pack(ts, {exc});
            Ref<> msg = excs ? str_from_utf8(ts, "") : Ref<>();
            if (!msg) return false;
            Object* call_args[2] = {msg.get(), excs.get()};
            Ref<> wrapped = object_vectorcall(ts, interp.exc.BaseExceptionGroup, call_args, 2);
            if (!wrapped) return false;
            *match = std::move(wrapped);
        }
        *rest = newref(none);
        return true;
    }
    if (is_exception_group(exc)) {
        Ref<> pair = call_method(ts, exc, "split", &match_type, 1);
        if (!pair) return false;
        if (!is_tuple(pair.get()) || as_tuple(pair.get())->ob_size != 2) {
            raise(ts, interp.exc.TypeError, "split must return a 2-tuple");
            return false;
        }
        *match = newref(as_tuple(pair.get())->ob_item[0]);
        *rest = newref(as_tuple(pair.get())->ob_item[1]);
        return true;
    }
    *match = newref(none);
    *rest = newref(none);
    return true;
}

static void collect_leaf_ids(Object* exc, std::set<Object*>& ids) {
    if (!is_exception_instance(exc)) return;
    if (!is_exception_group(exc)) {
        ids.insert(exc);
        return;
    }
    TupleObject* excs = as_eg(exc)->excs;
    for (isize i = 0; excs && i < excs->ob_size; i++) collect_leaf_ids(excs->ob_item[i], ids);
}

// Was `e` re-raised unchanged from `orig` (same traceback, cause, context)?
static bool same_exception_metadata(Object* a, Object* b) {
    auto* e1 = static_cast<BaseExceptionObject*>(a);
    auto* e2 = static_cast<BaseExceptionObject*>(b);
    return e1->traceback == e2->traceback && e1->cause == e2->cause && e1->context == e2->context;
}

Ref<> prep_reraise_star(ThreadState* ts, Object* orig, Object* excs_obj) {
    Interpreter& interp = *ts->interp;
    auto* excs = as_list(excs_obj);
    if (excs->ob_size == 0) return newref(interp.None);
    if (!is_exception_group(orig)) {
        // A naked exception was wrapped: at most one clause ran.
        return newref(excs->ob_item[0]);
    }
    Ref<ListObject> raised = list_new(ts, 0);
    Ref<ListObject> reraised = list_new(ts, 0);
    if (!raised || !reraised) return nullptr;
    for (isize i = 0; i < excs->ob_size; i++) {
        Object* e = excs->ob_item[i];
        if (e == interp.None) continue;
        bool is_reraise = same_exception_metadata(e, orig);
        if (!list_append(ts, is_reraise ? reraised.get() : raised.get(), e)) return nullptr;
    }
    // The re-raised leaves, in the shape of the original tree.
    std::set<Object*> ids;
    for (isize i = 0; i < reraised->ob_size; i++) collect_leaf_ids(reraised->ob_item[i], ids);
    SplitResult projection;
    if (!split_recursive(ts, orig, Matcher::InstanceIds, nullptr, &ids, false, &projection)) return nullptr;
    Ref<> reraised_eg = projection.match ? std::move(projection.match) : newref(interp.None);
    if (raised->ob_size == 0) return reraised_eg;
    if (reraised_eg.get() != interp.None && !list_append(ts, raised.get(), reraised_eg.get())) return nullptr;
    if (raised->ob_size == 1) return newref(raised->ob_item[0]);
    Ref<> msg = str_from_utf8(ts, "");
    if (!msg) return nullptr;
    Object* call_args[2] = {msg.get(), raised.get()};
    return object_vectorcall(ts, interp.exc.BaseExceptionGroup, call_args, 2);
}

// ------------------------------------------------------------ setup

static const GetSetDef eg_getsets[] = {
    {"message", eg_get_message, nullptr, "exception message"},
    {"exceptions", eg_get_exceptions, nullptr, "nested exceptions"},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef eg_methods[] = {
    {"derive", eg_derive, METH_DEFAULT, nullptr},
    {"split", eg_split, METH_DEFAULT, nullptr},
    {"subgroup", eg_subgroup, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

bool init_exception_group_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    ExceptionTypes& x = interp.exc;
    const uint64_t flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_BASE_EXC_SUBCLASS;
    TypeObject* beg = type_new_builtin(interp, "BaseExceptionGroup", sizeof(BaseExceptionGroupObject), 0,
                                       x.BaseException, flags);
    if (!beg) return false;
    x.BaseExceptionGroup = beg;
    beg->tp_new = eg_new;
    beg->tp_init = eg_init;
    beg->tp_dealloc = eg_dealloc;
    beg->tp_traverse = eg_traverse;
    beg->tp_clear = eg_clear;
    beg->tp_str = eg_str;
    beg->tp_doc = "A combination of multiple unrelated exceptions.";
    beg->cpython = {88, 0, 16, 0};   // PyBaseExceptionGroupObject: BaseException's 72 + msg + excs
    if (!type_ready(ts, beg) || !type_add_getsets(ts, beg, eg_getsets) || !type_add_methods(ts, beg, eg_methods))
        return false;
    // ExceptionGroup(BaseExceptionGroup, Exception) is a class made at
    // startup, as CPython makes it with PyErr_NewException.
    Ref<TupleObject> bases = tuple_pack(ts, {beg, x.Exception});
    Ref<DictObject> ns = dict_new(ts);
    Ref<> name = str_from_utf8(ts, "ExceptionGroup");
    Ref<> module = str_from_utf8(ts, "builtins");
    if (!bases || !ns || !name || !module || !dict_set_cstr(ts, ns.get(), "__module__", module.get())) return false;
    Object* args[3] = {name.get(), bases.get(), ns.get()};
    Ref<> eg = type_new(ts, interp.types.type, args, 3, nullptr);
    if (!eg) return false;
    x.ExceptionGroup = static_cast<TypeObject*>(eg.release());
    return true;
}

}  // namespace gp
