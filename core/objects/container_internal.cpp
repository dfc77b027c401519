// container_internal.cpp — helpers shared by the container types.
#include "objects/container_internal.h"

#include <algorithm>

#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// CPython keeps this list in the thread state dict under "Py_Repr"; a plain
// vector on the ThreadState is the same idea without the dict.
int repr_enter(ThreadState* ts, Object* o) {
    auto& v = ts->repr_running;
    if (std::find(v.begin(), v.end(), o) != v.end()) return 1;
    v.push_back(o);
    return 0;
}

void repr_leave(ThreadState* ts, Object* o) {
    auto& v = ts->repr_running;
    for (auto it = v.end(); it != v.begin();) {
        --it;
        if (*it == o) { v.erase(it); return; }
    }
}

isize object_length_hint(ThreadState* ts, Object* o, isize dflt) {
    TypeObject* t = type_of(o);
    lenfunc len = (t->tp_as_sequence && t->tp_as_sequence->sq_length) ? t->tp_as_sequence->sq_length
                : (t->tp_as_mapping && t->tp_as_mapping->mp_length) ? t->tp_as_mapping->mp_length : nullptr;
    if (len) {
        isize n = len(ts, o);
        if (n >= 0) return n;
        if (!error_matches(ts, ts->interp->exc.TypeError)) return -1;
        error_clear(ts);
    }
    Object* hint = type_lookup(t, "__length_hint__");
    if (!hint) return dflt;
    Ref<> r = call_method(ts, o, "__length_hint__", nullptr, 0);
    if (!r) {
        if (!error_matches(ts, ts->interp->exc.TypeError)) return -1;
        error_clear(ts);
        return dflt;
    }
    if (r.get() == ts->interp->NotImplemented) return dflt;
    if (!is_int(r.get())) {
        raise(ts, ts->interp->exc.TypeError,
              std::string("__length_hint__ must be an integer, not ") + type_name(r.get()));
        return -1;
    }
    isize n;
    if (!int_as_isize(ts, r.get(), &n)) return -1;
    if (n < 0) {
        raise(ts, ts->interp->exc.ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

bool add_type_members(ThreadState* ts, TypeObject* t, const MethodDef* methods, const GetSetDef* getsets) {
    if (!t->tp_dict) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return false;
        t->tp_dict = d.release();
    }
    if (methods && !type_add_methods(ts, t, methods)) return false;
    if (getsets && !type_add_getsets(ts, t, getsets)) return false;
    return true;
}

TypeObject* ensure_builtin_type(ThreadState* ts, TypeObject** slot, const char* name, isize basicsize,
                                uint64_t flags) {
    Interpreter& interp = *ts->interp;
    if (!*slot) {
        *slot = type_new_builtin(interp, name, basicsize, 0, interp.types.object, flags);
        if (!*slot) { raise_no_memory(ts); return nullptr; }
    }
    (*slot)->tp_name = name;
    (*slot)->tp_basicsize = basicsize;
    (*slot)->tp_itemsize = 0;
    (*slot)->tp_flags |= flags;
    return *slot;
}

bool subscript_index(ThreadState* ts, Object* key, const char* tname, isize* out) {
    TypeObject* kt = type_of(key);
    if (!is_int(key) && !(kt->tp_as_number && kt->tp_as_number->nb_index)) {
        raise(ts, ts->interp->exc.TypeError,
              std::string(tname) + " indices must be integers or slices, not " + type_name(key));
        return false;
    }
    return index_as_isize(ts, key, out);
}

bool check_positional(ThreadState* ts, const char* name, isize nargs, isize min, isize max) {
    if (nargs >= min && nargs <= max) return true;
    const bool few = nargs < min;
    const isize n = few ? min : max;
    std::string msg = std::string(name) + " expected " + (min == max ? "" : few ? "at least " : "at most ") +
                      isize_str(n) + (n == 1 ? " argument" : " arguments") + ", got " + isize_str(nargs);
    raise(ts, ts->interp->exc.TypeError, msg);
    return false;
}

bool parse_kwargs(ThreadState* ts, const char* fname, const char* const* names, int nparams, int nrequired,
                  int npos_only, Object* const* args, isize nargs, TupleObject* kwnames, Object** out) {
    Interpreter& interp = *ts->interp;
    for (int i = 0; i < nparams; i++) out[i] = nullptr;
    if (nargs > nparams) {
        raise(ts, interp.exc.TypeError,
              std::string(fname) + "() takes " + (nrequired < nparams ? "at most " : "exactly ") +
                  std::to_string(nparams) + (nparams == 1 ? " argument (" : " arguments (") + isize_str(nargs) +
                  " given)");
        return false;
    }
    for (isize i = 0; i < nargs; i++) out[i] = args[i];
    const isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        Object* key = kwnames->ob_item[k];
        std::string_view name = str_utf8(key);
        int found = -1;
        for (int i = npos_only; i < nparams; i++)
            if (name == names[i]) { found = i; break; }
        if (found < 0) {
            raise(ts, interp.exc.TypeError,
                  "'" + std::string(name) + "' is an invalid keyword argument for " + fname + "()");
            return false;
        }
        if (out[found]) {
            raise(ts, interp.exc.TypeError,
                  std::string("argument for ") + fname + "() given by name ('" + std::string(name) +
                      "') and position (" + std::to_string(found + 1) + ")");
            return false;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            if (i < npos_only) {
                // _PyArg_UnpackKeywords: a missing positional-only argument.
                const int minposonly = std::min(nrequired, npos_only);
                raise(ts, interp.exc.TypeError,
                      std::string(fname) + "() takes " + (minposonly < nparams ? "at least " : "exactly ") +
                          std::to_string(minposonly) + (minposonly == 1 ? " positional argument (" : " positional arguments (") +
                          isize_str(nargs) + " given)");
            } else {
                raise(ts, interp.exc.TypeError,
                      std::string(fname) + "() missing required argument '" + names[i] + "' (pos " +
                          std::to_string(i + 1) + ")");
            }
            return false;
        }
    }
    return true;
}

Ref<> sequence_fast(ThreadState* ts, Object* o, const char* message) {
    if (is_list(o) || is_tuple(o)) return newref(o);
    Ref<> it = object_get_iter(ts, o);
    if (!it) {
        if (error_matches(ts, ts->interp->exc.TypeError)) {
            error_clear(ts);
            raise(ts, ts->interp->exc.TypeError, message);
        }
        return nullptr;
    }
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    if (!list_extend(ts, list.get(), it.get())) return nullptr;
    return list;
}

Object** seq_fast_items(Object* o) { return is_list(o) ? as_list(o)->ob_item : as_tuple(o)->ob_item; }
isize seq_fast_size(Object* o) { return static_cast<VarObject*>(o)->ob_size; }

int64_t hash_not_implemented(ThreadState* ts, Object* self) {
    raise(ts, ts->interp->exc.TypeError, std::string("unhashable type: '") + type_name(self) + "'");
    return -1;
}

Ref<> bool_ref(ThreadState* ts, bool v) {
    return newref<Object>(v ? static_cast<Object*>(ts->interp->True) : static_cast<Object*>(ts->interp->False));
}

}  // namespace gp
