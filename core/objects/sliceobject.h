// sliceobject.h — slice objects: what `a[i:j:k]` passes to __getitem__.
// Mirrors CPython 3.11's Objects/sliceobject.c (PySlice_Unpack and
// PySlice_AdjustIndices are the two halves every sequence type uses).
#pragma once

#include "objects/object.h"

namespace gp {

struct SliceObject : Object {
    Object* start;         // owned; None when omitted
    Object* stop;          // owned; None when omitted
    Object* step;          // owned; None when omitted
};

bool is_slice(Object* o);
inline SliceObject* as_slice(Object* o) { return static_cast<SliceObject*>(o); }

// slice(start, stop, step); null arguments mean None. Borrowed arguments.
Ref<> slice_new(ThreadState* ts, Object* start, Object* stop, Object* step);
// _PyEval_SliceIndex: an int or __index__ object as an isize, clamped to the
// isize range; "slice indices must be integers or None or have an __index__
// method" otherwise.
bool slice_index_value(ThreadState* ts, Object* v, isize* out);
// PySlice_Unpack: converts the three fields to integers, None filled in from
// the sign of step, values clamped to the isize range. Raises
// "slice step cannot be zero" and the "slice indices must be integers ..."
// TypeError.
bool slice_unpack(ThreadState* ts, SliceObject* s, isize* start, isize* stop, isize* step);
// PySlice_AdjustIndices: clips start/stop to a sequence of `length` items and
// returns how many items the slice selects.
isize slice_adjust_indices(isize length, isize* start, isize* stop, isize step);
// Both steps at once: slice_unpack then slice_adjust_indices. Returns false
// with an error set; *slicelength receives the count.
bool slice_indices(ThreadState* ts, SliceObject* s, isize length, isize* start, isize* stop,
                   isize* step, isize* slicelength);

bool init_slice_type(ThreadState* ts);

}  // namespace gp
