// rangeobject.h — range: an immutable arithmetic sequence computed on demand.
//
// Mirrors CPython 3.11's Objects/rangeobject.c. A range stores only start,
// stop, step and its length (all ints, possibly big), never its items:
// range(10**18) is 48 bytes, `x in range(...)` for an int is arithmetic, and
// indexing computes start + i*step.
#pragma once

#include "objects/object.h"

namespace gp {

struct RangeObject : Object {
    Object* start;         // owned int
    Object* stop;          // owned int
    Object* step;          // owned int, never 0
    Object* length;        // owned int >= 0 (computed once)
};

bool is_range(Object* o);
inline RangeObject* as_range(Object* o) { return static_cast<RangeObject*>(o); }

// Fills range and range_iterator (sizes, flags and methods included).
bool init_range_type(ThreadState* ts);

}  // namespace gp
