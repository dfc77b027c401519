// imp_module.cpp — `_imp`, what importlib needs to know about the modules
// the interpreter carries inside itself (CPython 3.11's Python/import.c
// exposes the same questions under the same names):
//
//   is_builtin(name)         1 for a module written in C++ (modules.cpp), -1 for
//                            sys and builtins (made once at start-up), else 0
//   is_frozen(name)          a module whose source is compiled in (frozen.h)
//   is_frozen_package(name)  ... that is a package
//   extension_suffixes()     [] (glasspy loads no shared libraries)
//   get_frozen_source(name)  glasspy's own: the text of a frozen module, so
//                            importlib.reload() and inspect can read it
#include "modules/frozen.h"
#include "modules/modules.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static bool name_arg(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, fname, kw) || !check_nargs(ts, fname, nargs, 1, 1)) return false;
    if (is_str(args[0])) return true;
    raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() argument must be str, not " + type_name(args[0]));
    return false;
}

static Ref<> imp_is_builtin(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!name_arg(ts, "is_builtin", args, nargs, kw)) return nullptr;
    std::string name(str_utf8(args[0]));
    // -1: built in, but made once at start-up and never again (sys, builtins).
    if (name == "sys" || name == "builtins") return int_from_i64(ts, -1);
    return int_from_i64(ts, is_builtin_module(name.c_str()) ? 1 : 0);
}

static Ref<> imp_is_frozen(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!name_arg(ts, "is_frozen", args, nargs, kw)) return nullptr;
    return newref(find_frozen(str_utf8(args[0])) ? ts->interp->True : ts->interp->False);
}

static Ref<> imp_is_frozen_package(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!name_arg(ts, "is_frozen_package", args, nargs, kw)) return nullptr;
    bool package = false;
    if (!find_frozen(str_utf8(args[0]), &package))
        return raise(ts, ts->interp->exc.ImportError, "No such frozen object named '" +
                                                          std::string(str_utf8(args[0])) + "'");
    return newref(package ? ts->interp->True : ts->interp->False);
}

static Ref<> imp_get_frozen_source(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!name_arg(ts, "get_frozen_source", args, nargs, kw)) return nullptr;
    const char* src = find_frozen(str_utf8(args[0]));
    if (!src)
        return raise(ts, ts->interp->exc.ImportError, "No such frozen object named '" +
                                                          std::string(str_utf8(args[0])) + "'");
    return str_from_utf8(ts, src);
}

static Ref<> imp_extension_suffixes(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "extension_suffixes", kw) || !check_nargs(ts, "extension_suffixes", nargs, 0, 0))
        return nullptr;
    return Ref<>(list_new(ts, 0));
}

static const MethodDef imp_methods[] = {
    {"is_builtin", imp_is_builtin, METH_DEFAULT, "is_builtin($module, name, /)\n--\n\nReturns True if the module name corresponds to a built-in module."},
    {"is_frozen", imp_is_frozen, METH_DEFAULT, "is_frozen($module, name, /)\n--\n\nReturns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, METH_DEFAULT, "is_frozen_package($module, name, /)\n--\n\nReturns True if the module name is of a frozen package."},
    {"get_frozen_source", imp_get_frozen_source, METH_DEFAULT, "get_frozen_source($module, name, /)\n--\n\nThe source text of a frozen module."},
    {"extension_suffixes", imp_extension_suffixes, METH_DEFAULT, "extension_suffixes($module, /)\n--\n\nReturns the list of file suffixes used to identify extension modules."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_imp_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_imp");
    if (!m || !module_add_functions(ts, m.get(), imp_methods)) return nullptr;
    return m;
}

}  // namespace gp
