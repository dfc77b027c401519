// descrobject.h — descriptors that expose C++ methods and fields of built-in
// types to Python: method_descriptor (`list.append`), getset_descriptor
// (`int.real`, `BaseException.args`), classmethod_descriptor.
//
// Mirrors CPython 3.11's Objects/descrobject.c. Looking up `[].append`
// finds the method_descriptor in list.__dict__; its __get__ binds it to the
// instance, giving a builtin_function_or_method. The eval loop's
// LOAD_METHOD skips that binding for the common `obj.method(...)` call.
#pragma once

#include "objects/methodobject.h"
#include "objects/object.h"

namespace gp {

using getter = Ref<> (*)(ThreadState* ts, Object* self);
using setter = int (*)(ThreadState* ts, Object* self, Object* value);   // value null = delete

struct GetSetDef {
    const char* name;
    getter get;
    setter set;          // null = read-only
    const char* doc;
};

struct MethodDescrObject : Object {
    const MethodDef* def;    // static table entry
    TypeObject* d_type;      // owned: the class that defines it
};

struct GetSetDescrObject : Object {
    const GetSetDef* def;
    TypeObject* d_type;      // owned
};

bool type_add_getsets(ThreadState* ts, TypeObject* type, const GetSetDef* defs);
bool init_descr_types(ThreadState* ts);

}  // namespace gp
