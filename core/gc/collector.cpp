#include "gc/collector.h"

#include "objects/object.h"

namespace gp {

GCState::GCState() {
    // CPython 3.11's defaults: (700, 10, 10).
    const int thresholds[kGenerations] = {700, 10, 10};
    for (int i = 0; i < kGenerations; i++) {
        generations[i].head.gc_next = &generations[i].head;
        generations[i].head.gc_prev = &generations[i].head;
        generations[i].threshold = thresholds[i];
        generations[i].count = 0;
    }
}

void GCState::track(Object* op) {
    GCHead* g = as_gc(op);
    if (g->gc_next) return;
    GCHead* head = &generations[0].head;
    GCHead* last = head->gc_prev;
    last->gc_next = g;
    g->gc_prev = last;
    g->gc_next = head;
    head->gc_prev = g;
}

void GCState::untrack(Object* op) {
    GCHead* g = as_gc(op);
    if (!g->gc_next) return;
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
    g->gc_next = nullptr;
    g->gc_prev = nullptr;
}

}  // namespace gp
