// modules.cpp — the table of modules written in C++ (see modules.h).
// One line per module; the init function lives beside the module's code.
#include "modules/modules.h"

namespace gp {

Ref<ModuleObject> make_dis_module(ThreadState* ts);   // dis_module.cpp

const BuiltinModuleDef kBuiltinModules[] = {
    {"dis", make_dis_module},
    {nullptr, nullptr},
};

}  // namespace gp
