// frozen.h — standard-library modules written in Python, compiled into the
// interpreter as source text.
//
// Mirrors the role of CPython 3.11's frozen modules (Python/frozen.c,
// Tools/scripts/freeze_modules.py), with one simplification: CPython freezes
// *bytecode* produced at build time, glasspy keeps the *source* and compiles
// it at first import, so `dis` and tracebacks work on it like on any module.
// Modules that are naturally Python code — enum, dataclasses, the pure parts
// of collections and functools, json, ... — live here; their C++ halves
// (_collections, _functools, _random) are ordinary built-in modules.
//
// Each module's source is a raw string literal in core/modules/<name>_module.cpp
// (the Python code, in our own words), listed once in kFrozenModules
// (frozen.cpp). The import system consults the table after the built-in
// modules and before sys.path (import.cpp, import_absolute).
#pragma once

#include <string_view>

namespace gp {

struct FrozenModuleDef {
    const char* name;       // import name, e.g. "enum", "_collections_abc"
    const char* source;     // the module's Python source (static, NUL-terminated)
};

// The table, terminated by {nullptr, nullptr}.
extern const FrozenModuleDef kFrozenModules[];

// The source of the frozen module `name`, or null if there is none.
const char* find_frozen(std::string_view name);

}  // namespace gp
