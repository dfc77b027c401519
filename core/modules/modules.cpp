// modules.cpp — the table of modules written in C++ (see modules.h).
// One line per module; the init function lives beside the module's code.
#include "modules/modules.h"

namespace gp {

Ref<ModuleObject> make_dis_module(ThreadState* ts);   // dis_module.cpp (_dis)
Ref<ModuleObject> make_posix_module(ThreadState* ts);  // posix_module.cpp
Ref<ModuleObject> make_random_c_module(ThreadState* ts);  // random_module.cpp (_random)
Ref<ModuleObject> make_warnings_c_module(ThreadState* ts);  // runtime/warnings.cpp (_warnings)
Ref<ModuleObject> make_io_c_module(ThreadState* ts);  // io_module.cpp (_io)
Ref<ModuleObject> make_functools_c_module(ThreadState* ts);  // functools_module.cpp (_functools)
Ref<ModuleObject> make_time_module(ThreadState* ts);  // time_module.cpp
Ref<ModuleObject> make_math_module(ThreadState* ts);  // math_module.cpp
Ref<ModuleObject> make_itertools_module(ThreadState* ts);  // itertools_module.cpp
Ref<ModuleObject> make_operator_module(ThreadState* ts);  // operator_module.cpp
Ref<ModuleObject> make_collections_c_module(ThreadState* ts);  // deque_module.cpp (_collections)
Ref<ModuleObject> make_gc_module(ThreadState* ts);    // gc_module.cpp
Ref<ModuleObject> make_weakref_c_module(ThreadState* ts);  // weakref_module.cpp (_weakref)
Ref<ModuleObject> make_glasspy_module(ThreadState* ts);  // glasspy_module.cpp (_glasspy)
Ref<ModuleObject> make_traceback_c_module(ThreadState* ts);  // traceback_module.cpp (_traceback)
Ref<ModuleObject> make_thread_module(ThreadState* ts);   // thread_module.cpp (_thread)
Ref<ModuleObject> make_mp_module(ThreadState* ts);       // mp_module.cpp (_glasspy_mp)
Ref<ModuleObject> make_tracemalloc_c_module(ThreadState* ts);  // tracemalloc_module.cpp (_tracemalloc)
Ref<ModuleObject> make_sre_module(ThreadState* ts);      // sre_module.cpp (_sre)
Ref<ModuleObject> make_codecs_c_module(ThreadState* ts);  // codecs_module.cpp (_glasspy_codecs)
Ref<ModuleObject> make_unicodedata_module(ThreadState* ts);  // unicodedata_module.cpp
Ref<ModuleObject> make_imp_module(ThreadState* ts);  // imp_module.cpp (_imp)
Ref<ModuleObject> make_zlib_c_module(ThreadState* ts);  // zlib_module.cpp (_zlib)

const BuiltinModuleDef kBuiltinModules[] = {
    {"_dis", make_dis_module},
    {"posix", make_posix_module},
    {"_random", make_random_c_module},
    {"_warnings", make_warnings_c_module},
    {"_io", make_io_c_module},
    {"_functools", make_functools_c_module},
    {"time", make_time_module},
    {"math", make_math_module},
    {"itertools", make_itertools_module},
    {"operator", make_operator_module},
    {"_collections", make_collections_c_module},
    {"gc", make_gc_module},
    {"_weakref", make_weakref_c_module},
    {"_glasspy", make_glasspy_module},
    {"_traceback", make_traceback_c_module},
    {"_thread", make_thread_module},
    {"_glasspy_mp", make_mp_module},
    {"_tracemalloc", make_tracemalloc_c_module},
    {"_sre", make_sre_module},
    {"_glasspy_codecs", make_codecs_c_module},
    {"unicodedata", make_unicodedata_module},
    {"_imp", make_imp_module},
    {"_zlib", make_zlib_c_module},
    {nullptr, nullptr},
};

}  // namespace gp
