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
// Two tables hold them:
//   kFrozenModules (frozen.cpp): each source is a raw string literal in
//     core/modules/<name>_module.cpp, listed once by hand (the older way);
//   kLibModules (generated): every plain .py file under core/lib/, embedded
//     by core/lib/embed_lib.cmake at build time, packages included
//     (core/lib/<pkg>/__init__.py). New modules go here; see core/lib/README.md.
// The import system consults both after the built-in modules and before
// sys.path (import.cpp, import_absolute).
#pragma once

#include <string_view>

namespace gp {

struct FrozenModuleDef {
    const char* name;       // import name, e.g. "enum", "_collections_abc"
    const char* source;     // the module's Python source (static, NUL-terminated)
};

// The table, terminated by {nullptr, nullptr}.
extern const FrozenModuleDef kFrozenModules[];

struct LibModuleDef {
    const char* name;       // dotted import name, e.g. "textwrap", "pkg.sub"
    const char* source;     // the .py file's text (static, NUL-terminated)
    bool is_package;        // came from <pkg>/__init__.py: gets a __path__
};

// Generated from core/lib/**/*.py; terminated by {nullptr, nullptr, false}.
extern const LibModuleDef kLibModules[];

// The source of the frozen module `name` (either table), or null if there is
// none. *is_package, when given, says whether it is a package.
const char* find_frozen(std::string_view name, bool* is_package = nullptr);

}  // namespace gp
