// moduleobject.cpp — creating modules from Python: types.ModuleType(name,
// doc=None), and classes derived from it. (The module type's other slots
// live beside functions in funcobject.cpp; modules the interpreter makes
// itself come from module_new.)
//
// Mirrors module___init___impl and module_init_dict of CPython 3.11's
// Objects/moduleobject.c.
#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
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

bool init_module_constructor(ThreadState* ts) {
    TypeObject* t = ts->interp->types.module;
    t->tp_new = module_new_slot;
    t->tp_init = module_init;
    t->tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
    return true;
}

}  // namespace gp
