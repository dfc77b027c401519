// moduleobject.cpp — creating modules from Python: types.ModuleType(name,
// doc=None), and classes derived from it; and dir(module). (The module type's other slots
// live beside functions in funcobject.cpp; modules the interpreter makes
// itself come from module_new.)
//
// Mirrors module___init___impl and module_init_dict of CPython 3.11's
// Objects/moduleobject.c.
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// An empty module: its namespace exists before __init__ names it, so
// ModuleType.__new__(ModuleType) prints as <module '?'>.
static Ref<> module_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    auto* m = static_cast<ModuleObject*>(object_alloc(ts, type, 0));
    if (!m) return nullptr;
    m->md_dict = d.release();
    ts->interp->gc.track(m);
    return Ref<>::steal(m);
}

// module(name, doc=None): __name__, __doc__, and None for __package__,
// __loader__ and __spec__.
static int module_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"name", "doc"};
    Object* a[2];
    if (!parse_kwargs(ts, "module", names, 2, 1, 0, args, nargs, kwnames, a)) return -1;
    if (!is_str(a[0])) {
        raise(ts, ts->interp->exc.TypeError, std::string("module() argument 'name' must be str, not ") + type_name(a[0]));
        return -1;
    }
    Object* none = ts->interp->None;
    DictObject* d = static_cast<ModuleObject*>(self)->md_dict;
    const std::pair<const char*, Object*> entries[] = {
        {"__name__", a[0]}, {"__doc__", a[1] ? a[1] : none}, {"__package__", none},
        {"__loader__", none}, {"__spec__", none}};
    for (auto [key, value] : entries)
        if (!dict_set_cstr(ts, d, key, value)) return -1;
    return 0;
}

// module.__dir__: the module's own names (or what a __dir__ function in its
// namespace returns, PEP 562), never the attributes of the module type.
static Ref<> module_dir(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__dir__", kw) || !check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
    DictObject* d = static_cast<ModuleObject*>(self)->md_dict;
    if (!d) return raise(ts, ts->interp->exc.TypeError, "<module>.__dict__ is not a dictionary");
    if (Object* dirfunc = dict_get_cstr(ts, d, "__dir__")) return object_call_noargs(ts, dirfunc);
    if (error_occurred(ts)) return nullptr;
    Ref<ListObject> names = list_new(ts, 0);
    if (!names) return nullptr;
    isize pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
        if (!list_append(ts, names.get(), k)) return nullptr;
    return Ref<>(std::move(names));
}

static const MethodDef module_methods[] = {
    {"__dir__", module_dir, 0, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for modules."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_module_constructor(ThreadState* ts) {
    TypeObject* t = ts->interp->types.module;
    if (!type_add_methods(ts, t, module_methods)) return false;
    t->tp_new = module_new_slot;
    t->tp_init = module_init;
    t->tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
    return true;
}

}  // namespace gp
