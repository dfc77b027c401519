// modules.h — the built-in module table and the import system.
//
// Mirrors CPython 3.11's Python/import.c (import_name, PyImport_ImportModuleLevelObject,
// _PyImport_FindBuiltin) with the finder chain reduced to what glasspy has:
// sys.modules, then modules written in C++ (this table), then .py source files
// on sys.path, read and executed as CPython's SourceFileLoader would.
//
// A module written in C++ registers one line in kBuiltinModules
// (modules.cpp): its name and a function that creates the module object.
// The function is called once per interpreter, on first import.
#pragma once

#include "objects/object.h"

namespace gp {

struct ModuleObject;
struct DictObject;

using ModuleInitFn = Ref<ModuleObject> (*)(ThreadState* ts);

struct BuiltinModuleDef {
    const char* name;       // import name, e.g. "gc", "_weakref"
    ModuleInitFn init;
};

// The table, terminated by {nullptr, nullptr}.
extern const BuiltinModuleDef kBuiltinModules[];

// True if `name` is in kBuiltinModules (sys.builtin_module_names).
bool is_builtin_module(const char* name);

// __import__(name, globals, locals, fromlist, level): the import statement's
// work. Returns the top-level package for `import a.b`, the module itself when
// fromlist is non-empty.
Ref<> import_name(ThreadState* ts, Object* name, Object* globals, Object* fromlist, Object* level);
// import `name` (absolute) and return that module itself.
Ref<> import_module(ThreadState* ts, const char* name);
// `from module import name`: the attribute, or the submodule module.name.
Ref<> import_from(ThreadState* ts, Object* module, Object* name);
// `from module import *` into the namespace `locals`.
bool import_star(ThreadState* ts, Object* module, Object* locals);

// Helper for module init functions: adds every entry of a method table as
// builtin functions bound to the module.
struct MethodDef;
bool module_add_functions(ThreadState* ts, ModuleObject* module, const MethodDef* defs);
bool module_add_object(ThreadState* ts, ModuleObject* module, const char* name, Object* value);   // borrows
bool module_add_int(ThreadState* ts, ModuleObject* module, const char* name, int64_t value);

}  // namespace gp
