// namespaceobject.h — types.SimpleNamespace: an object that is nothing but
// its attribute dict. sys.implementation is one, which is why the type lives
// in the core rather than in the types module.
//
// Mirrors CPython 3.11's Objects/namespaceobject.c.
#pragma once

#include "objects/object.h"

namespace gp {

struct DictObject;

struct NamespaceObject : Object {
    DictObject* ns_dict;     // owned; the attributes (tp_dictoffset points here)
};

// A new SimpleNamespace holding a copy of `attrs` (borrowed; may be null).
Ref<> namespace_new(ThreadState* ts, DictObject* attrs);

bool init_namespace_type(ThreadState* ts);

}  // namespace gp
