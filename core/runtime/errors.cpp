// errors.cpp — the current exception of a thread.
//
// Mirrors CPython 3.11's Python/errors.c. ThreadState::curexc holds one
// normalized exception instance (CPython 3.11 still keeps type/value/tb
// triples; 3.12 switched to the single instance we use from the start).
// Setting a new exception while another is being handled (exc_info) links it
// as __context__, which is how "During handling of the above exception,
// another exception occurred" comes about.
#include "runtime/errors.h"

#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/interpreter.h"

namespace gp {

const char* type_name(Object* o) { return type_of(o)->tp_name.c_str(); }

// Chains `exc` to the exception currently being handled, skipping a cycle
// (as _PyErr_SetObject does).
Object* handled_exception(ThreadState* ts) {
    Object* none = ts->interp->None;
    if (ts->exc_info && ts->exc_info != none) return ts->exc_info;
    for (ExcStackItem* item = ts->exc_info_outer; item; item = item->previous)
        if (item->value && item->value != none) return item->value;
    return nullptr;
}

static void set_context(ThreadState* ts, Object* exc) {
    Object* handled = handled_exception(ts);
    if (!handled || handled == exc || !is_exception_instance(exc)) return;
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (e->context) return;
    // Break a would-be cycle: walk handled's context chain.
    Object* o = handled;
    while (o) {
        auto* be = static_cast<BaseExceptionObject*>(o);
        if (be->context == exc) { Object* c = be->context; be->context = nullptr; decref(c); break; }
        o = be->context;
    }
    e->context = handled;
    incref(handled);
}

std::nullptr_t raise_object(ThreadState* ts, Object* exc) {
    Ref<> inst;
    if (is_exception_class(exc)) {
        inst = object_call_noargs(ts, exc);
        if (!inst) return nullptr;   // raising the instance failed: that error stands
    } else {
        inst = newref(exc);
    }
    set_context(ts, inst.get());
    Object* old = ts->curexc;
    ts->curexc = inst.release();
    xdecref(old);
    return nullptr;
}

std::nullptr_t raise(ThreadState* ts, TypeObject* type, std::string_view msg) {
    Ref<> text = str_from_utf8(ts, msg);
    if (!text) return nullptr;
    Object* arg = text.get();
    Ref<> inst = object_vectorcall(ts, type, &arg, 1);
    if (!inst) return nullptr;
    return raise_object(ts, inst.get());
}

std::nullptr_t raise_no_memory(ThreadState* ts) {
    // Must not allocate: reuse a preallocated instance when we have one.
    Interpreter& interp = *ts->interp;
    // The heap limit may be what failed: the error itself must still fit.
    interp.heap.suspend_limit(true);
    Object* inst = object_alloc(nullptr, interp.exc.MemoryError, 0);
    interp.heap.suspend_limit(false);
    if (!inst) return nullptr;
    auto* e = static_cast<BaseExceptionObject*>(inst);
    e->args = interp.empty_tuple;
    xincref(e->args);
    if (type_has_flag(interp.exc.MemoryError, TPFLAGS_HAVE_GC)) interp.gc.track(inst);
    Object* old = ts->curexc;
    ts->curexc = inst;
    xdecref(old);
    return nullptr;
}

std::nullptr_t raise_key_error(ThreadState* ts, Object* key) {
    Object* a = key;
    Ref<> inst = object_vectorcall(ts, ts->interp->exc.KeyError, &a, 1);
    if (!inst) return nullptr;
    return raise_object(ts, inst.get());
}

bool error_occurred(ThreadState* ts) { return ts->curexc != nullptr; }

bool error_matches(ThreadState* ts, TypeObject* type) {
    return ts->curexc && isinstance_of(ts->curexc, type);
}

void error_clear(ThreadState* ts) {
    Object* old = ts->curexc;
    ts->curexc = nullptr;
    xdecref(old);
}

Ref<> error_fetch(ThreadState* ts) {
    Object* e = ts->curexc;
    ts->curexc = nullptr;
    return Ref<>::steal(e);
}

void error_restore(ThreadState* ts, Ref<> exc) {
    Object* old = ts->curexc;
    ts->curexc = exc.release();
    xdecref(old);
}

}  // namespace gp
