// builtins.h — the builtins module and the sys module.
#pragma once

#include "objects/object.h"

namespace gp {

struct ModuleObject;

Ref<ModuleObject> make_builtins_module(ThreadState* ts);
Ref<ModuleObject> make_sys_module(ThreadState* ts);
bool init_stdstream_type(ThreadState* ts);
// The types builtins exposes beyond the core ones: iterators (enumerate,
// zip, map, ...), bytes, bytearray, memoryview, complex and open()'s files.
// Called by the bootstrap before the types are readied.
bool init_builtin_object_types(ThreadState* ts);

// Adds version_info, hash_info, int_info, float_info, flags, thread_info,
// implementation, hexversion and the switch-interval functions to the sys
// module (sys_info.cpp).
bool sys_add_info(ThreadState* ts, ModuleObject* sys);

// Writes text to sys.stdout / sys.stderr (whatever objects they are now).
bool write_stdout(ThreadState* ts, Object* text);

}  // namespace gp
