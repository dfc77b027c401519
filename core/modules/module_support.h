// module_support.h — small pieces shared by the modules written in C++.
//
// 1. tp_dealloc and tp_traverse for their small objects (itertools.chain,
//    operator.itemgetter, functools.partial, ...), generated from the list
//    of their owned fields.
//
// CPython writes these two functions by hand for every type, and forgetting
// a field in one of them is a classic bug (a leak, or a cycle the collector
// cannot see). Naming the owned Object* members once, in the type table,
//
//     fields_dealloc<ChainObject, &ChainObject::source, &ChainObject::active>
//
// makes the two agree by construction. Types with other kinds of owned data
// (C++ containers, arrays of references) still write their own.
//
// 2. check_tuple_nargs(): the argument-count messages of functions that
//    CPython parses with PyArg_ParseTuple ("gmtime() takes at most 1
//    argument (2 given)"), which differ from Argument Clinic's.
//
// 3. module_type(): a module's helper type (itertools._grouper, the deque
//    iterator), found in the module's namespace. CPython 3.11 reaches such
//    types through per-module state (PyType_GetModuleByDef); glasspy's
//    modules keep them as module attributes, which is what that state holds.
#pragma once

#include "gc/collector.h"
#include <string>

#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// Untracks the object, releases each listed field, frees the memory.
template <class T, Object* T::*... Fields>
void fields_dealloc(Object* op) {
    T* o = static_cast<T*>(op);
    type_of(op)->interp->gc.untrack(op);
    ((xdecref(o->*Fields), o->*Fields = nullptr), ...);
    object_free(op);
}

// Visits each non-null listed field; stops at the first non-zero result.
template <class T, Object* T::*... Fields>
int fields_traverse(Object* op, visitproc visit, void* arg) {
    T* o = static_cast<T*>(op);
    int r = 0;
    ((r = r ? r : (o->*Fields ? visit(o->*Fields, arg) : 0)), ...);
    return r;
}

inline bool check_tuple_nargs(ThreadState* ts, const char* fname, isize nargs, isize min, isize max) {
    if (nargs >= min && nargs <= max) return true;
    isize n = nargs < min ? min : max;
    const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() takes " + how + " " + std::to_string(n) +
                                             (n == 1 ? " argument (" : " arguments (") + std::to_string(nargs) + " given)");
    return false;
}

// The type `name` in the namespace of the (already imported) module
// `module`, or null with SystemError set.
inline TypeObject* module_type(ThreadState* ts, const char* module, const char* name) {
    Interpreter& interp = *ts->interp;
    Ref<> key = str_from_utf8(ts, module);
    Object* m = key ? dict_get_item(ts, interp.modules, key.get()) : nullptr;
    Object* t = m && type_of(m) == interp.types.module
                    ? dict_get_cstr(ts, static_cast<ModuleObject*>(m)->md_dict, name) : nullptr;
    if (!t || !type_has_flag(type_of(t), TPFLAGS_TYPE_SUBCLASS)) {
        raise(ts, interp.exc.SystemError, std::string(module) + "." + name + " is missing");
        return nullptr;
    }
    return static_cast<TypeObject*>(t);
}

}  // namespace gp
