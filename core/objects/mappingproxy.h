// mappingproxy.h — types.MappingProxyType, the read-only view that
// `C.__dict__` returns (see mappingproxy.cpp).
#pragma once

#include "objects/object.h"

namespace gp {

// A new proxy for `mapping` (borrowed; not checked).
Ref<> mappingproxy_new(ThreadState* ts, Object* mapping);
// The mapping behind a proxy, or null if `o` is not one (borrowed).
Object* mappingproxy_mapping(Object* o);

bool init_mappingproxy_type(ThreadState* ts);

}  // namespace gp
