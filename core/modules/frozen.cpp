// frozen.cpp — the table of modules written in Python (see frozen.h).
// One line per module; the source lives in <name>_module.cpp. Modules in
// core/lib/*.py are in the generated kLibModules instead.
#include "modules/frozen.h"

namespace gp {

extern const char kWeakrefModuleSource[];   // weakref_module.cpp
extern const char kCollectionsAbcModuleSource[];   // collections_abc_module.cpp
extern const char kAbcModuleSource[];   // abc_module.cpp
extern const char kCollectionsModuleSource[];   // collections_module.cpp
extern const char kBisectModuleSource[];   // bisect_module.cpp
extern const char kContextlibModuleSource[];   // contextlib_module.cpp
extern const char kCopyModuleSource[];   // copy_module.cpp
extern const char kFunctoolsModuleSource[];   // functools_module.cpp
extern const char kHeapqModuleSource[];   // heapq_module.cpp
extern const char kKeywordModuleSource[];   // keyword_module.cpp
extern const char kStringModuleSource[];   // string_module.cpp
extern const char kTypesModuleSource[];   // types_module.cpp
extern const char kIoModuleSource[];   // io_module.cpp
extern const char kDataclassesModuleSource[];   // dataclasses_module.cpp
extern const char kEnumModuleSource[];   // enum_module.cpp
extern const char kJsonModuleSource[];   // json_module.cpp
extern const char kTypingModuleSource[];   // typing_module.cpp
extern const char kRandomModuleSource[];   // random_module.cpp
extern const char kErrnoModuleSource[];   // errno_module.cpp
extern const char kOsModuleSource[];   // os_module.cpp
extern const char kPosixpathModuleSource[];   // posixpath_module.cpp
extern const char kStatModuleSource[];   // stat_module.cpp
extern const char kTempfileModuleSource[];   // tempfile_module.cpp
extern const char kInspectModuleSource[];   // inspect_module.cpp
extern const char kDisModuleSource[];   // dis_py_module.cpp (over the C++ _dis)
extern const char kOpcodeModuleSource[];   // opcode_module.cpp

const FrozenModuleDef kFrozenModules[] = {
    {"weakref", kWeakrefModuleSource},
    {"_collections_abc", kCollectionsAbcModuleSource},
    {"abc", kAbcModuleSource},
    {"collections", kCollectionsModuleSource},
    {"bisect", kBisectModuleSource},
    {"contextlib", kContextlibModuleSource},
    {"copy", kCopyModuleSource},
    {"functools", kFunctoolsModuleSource},
    {"heapq", kHeapqModuleSource},
    {"keyword", kKeywordModuleSource},
    {"string", kStringModuleSource},
    {"types", kTypesModuleSource},
    {"io", kIoModuleSource},
    {"dataclasses", kDataclassesModuleSource},
    {"enum", kEnumModuleSource},
    {"json", kJsonModuleSource},
    {"typing", kTypingModuleSource},
    {"random", kRandomModuleSource},
    {"errno", kErrnoModuleSource},
    {"os", kOsModuleSource},
    {"posixpath", kPosixpathModuleSource},
    {"stat", kStatModuleSource},
    {"tempfile", kTempfileModuleSource},
    {"inspect", kInspectModuleSource},
    {"dis", kDisModuleSource},
    {"opcode", kOpcodeModuleSource},
    {nullptr, nullptr},
};

const char* find_frozen(std::string_view name, bool* is_package) {
    if (is_package) *is_package = false;
    for (const FrozenModuleDef* d = kFrozenModules; d->name; d++)
        if (name == d->name) return d->source;
    for (const LibModuleDef* d = kLibModules; d->name; d++) {
        if (name != d->name) continue;
        if (is_package) *is_package = d->is_package;
        return d->source;
    }
    return nullptr;
}

}  // namespace gp
