// heap_snapshot.cpp — the allocator's snapshot plus what only the
// interpreter knows: how many objects of each type are alive.
//
// Every type is reachable from `object` through the subclass lists (each
// type registers with its bases in type_ready), so walking that tree finds
// built-in types, classes and the types of extension modules alike; each
// keeps a live-instance count (TypeObject::tp_live) maintained by
// object_alloc/object_free.
#include <algorithm>
#include <unordered_set>

#include "glasspy.h"
#include "objects/typeobject.h"
#include "runtime/interpreter.h"

namespace gp {

HeapSnapshot heap_snapshot(Interpreter& interp) {
    HeapSnapshot s = interp.heap.snapshot();
    if (!interp.types.object) return s;
    std::unordered_set<TypeObject*> seen;
    std::vector<TypeObject*> todo{interp.types.object};
    while (!todo.empty()) {
        TypeObject* t = todo.back();
        todo.pop_back();
        if (!seen.insert(t).second) continue;
        if (t->tp_live > 0) s.live_objects.push_back(TypeCount{t->tp_name, uint64_t(t->tp_live)});
        for (TypeObject* sub : t->tp_subclasses) todo.push_back(sub);
    }
    std::sort(s.live_objects.begin(), s.live_objects.end(), [](const TypeCount& a, const TypeCount& b) {
        return a.count != b.count ? a.count > b.count : a.type_name < b.type_name;
    });
    return s;
}

HeapSnapshot Session::heap_snapshot() { return gp::heap_snapshot(*interp_); }
std::size_t Session::heap_limit() const { return interp_->heap.limit(); }
void Session::set_heap_limit(std::size_t bytes) { interp_->heap.set_limit(bytes); }

}  // namespace gp
