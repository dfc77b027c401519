// typeobject_internal.h — what typeobject.cpp, typeobject_new.cpp and
// typeobject_slots.cpp share and nobody else needs.
#pragma once

#include "objects/typeobject.h"

namespace gp {

// Adds the `__dict__` / `__weakref__` getset descriptors of a class whose
// instances carry those fields (subtype_getsets_full in CPython).
bool add_subtype_getsets(ThreadState* ts, TypeObject* type, bool add_dict, bool add_weak);

// The names of a class's __dict__ and of its bases', into `into` (dir()).
bool merge_class_dict(ThreadState* ts, DictObject* into, Object* cls);

// Adds getset descriptors for a static table, leaving names the type's
// dict already has (typeobject.cpp).
bool add_getsets(ThreadState* ts, TypeObject* type, const GetSetDef* defs);
// A list of a dict's keys.
Ref<> dict_keys_list(ThreadState* ts, DictObject* d);

// object's slots that belong to the class machinery (object.__new__,
// __init__, __eq__/__ne__, __repr__, its methods and __class__), installed
// by type_ready(object) over object.cpp's bootstrap versions
// (typeobject_instances.cpp).
void install_object_slots(TypeObject* object);

// tp_new of `object`, recognised by the slot machinery.
bool is_object_new(newfunc f);


}  // namespace gp
