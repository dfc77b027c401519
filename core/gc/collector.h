// collector.h — the GC header in front of container objects, and the
// generation lists they live on.
//
// Mirrors CPython 3.11's PyGC_Head (Include/internal/pycore_gc.h) and the
// generation bookkeeping of Modules/gcmodule.c. A container object is
// allocated with this 16-byte header immediately before its ob_refcnt:
//
//     +-------------+  <- what the allocator returned
//     | gc_next     |  next object in its generation list (doubly linked, circular)
//     | gc_prev     |  previous object; during a collection also gc_refs
//     +-------------+  <- Object*: ob_refcnt, ob_type, ...
//
// This slice tracks containers on generation 0 and keeps the allocation
// counters that trigger collections; the collection itself (update_refs,
// subtract_refs, move_unreachable, finalize, delete_garbage) comes with the
// memory-management issue, without changing the layout.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gp {

struct Object;

struct GCHead {
    GCHead* gc_next;    // next in the generation list; null = not tracked
    GCHead* gc_prev;    // previous in the generation list
};
static_assert(sizeof(GCHead) == 16 || sizeof(void*) == 4, "GC header is two words, as PyGC_Head");

inline GCHead* as_gc(Object* op) { return reinterpret_cast<GCHead*>(op) - 1; }
inline Object* from_gc(GCHead* g) { return reinterpret_cast<Object*>(g + 1); }

struct Generation {
    GCHead head;        // list sentinel (circular)
    int threshold;      // collect when count exceeds this
    int count;          // gen 0: allocations minus deallocations; older: collections of the younger one
};

struct GCState {
    static constexpr int kGenerations = 3;
    Generation generations[kGenerations];
    bool enabled = true;
    GCState();
    GCState(const GCState&) = delete;
    GCState& operator=(const GCState&) = delete;

    // Links a freshly built container into generation 0 (PyObject_GC_Track).
    void track(Object* op);
    // Unlinks it (PyObject_GC_UnTrack); safe on an untracked object.
    void untrack(Object* op);
    static bool is_tracked(Object* op) { return as_gc(op)->gc_next != nullptr; }
};

}  // namespace gp
