// object.cpp — allocation, deallocation and the simplest objects: `object`,
// None, NotImplemented and Ellipsis.
//
// Mirrors CPython 3.11's Objects/object.c. dealloc() is where an object's life
// ends: its type's tp_dealloc releases the references it owns (which may end
// other lives in turn) and gives the memory back with object_free().
#include "objects/object.h"

#include <cstdio>
#include <cstring>
#include <new>

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

Object* object_alloc(ThreadState* ts, TypeObject* type, isize nitems) {
    Interpreter& interp = *type->interp;
    const bool gc = type_has_flag(type, TPFLAGS_HAVE_GC);
    // Rounded up to a word: a class derived from a variable-sized type
    // (int, bytes) keeps its own fields after the items, at the next
    // word boundary (instance_slot_ptr), so the padding must be there.
    // An int always has room for one digit, even zero made by
    // object.__new__(IntSubclass) (instance_slot_ptr counts on it).
    const isize room = nitems == 0 && type->tp_itemsize && type_has_flag(type, TPFLAGS_LONG_SUBCLASS) ? 1 : nitems;
    const std::size_t size = (std::size_t(type->tp_basicsize + room * type->tp_itemsize) + 7) & ~std::size_t(7);
    const std::size_t pre = gc ? sizeof(GCHead) : 0;
    void* mem = interp.heap.malloc(pre + size);
    if (!mem) {
        if (ts) raise_no_memory(ts);
        return nullptr;
    }
    std::memset(mem, 0, pre + size);
    Object* op = reinterpret_cast<Object*>(static_cast<char*>(mem) + pre);
    op->ob_refcnt = 1;
    op->ob_type = type;
    incref(type);
    type->tp_live++;
    if (type->tp_itemsize) static_cast<VarObject*>(op)->ob_size = nitems;
    if (gc) {
        // _PyObject_GC_Link: count the container; past the threshold, ask
        // the eval loop to collect at its next safe point (collector.cpp).
        interp.gc.generations[0].count++;
        if (interp.gc.collection_due() && !(interp.eval_breaker.load(std::memory_order_relaxed) & EVAL_GC_SCHEDULED))
            interp.eval_breaker.fetch_or(EVAL_GC_SCHEDULED);
    }
    return op;
}

void object_free(Object* op) {
    TypeObject* type = op->ob_type;
    Interpreter& interp = *type->interp;
    // Weak references are normally cleared before tp_dealloc (see dealloc);
    // a dealloc that skipped that must not leave them pointing at freed memory.
    if (type->tp_weaklistoffset) {
        if (WeakRefObject** list = weaklist_ptr(op); list && *list) clear_weakrefs(op);
    }
    void* mem = op;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) {
        interp.gc.untrack(op);
        mem = as_gc(op);
        if (interp.gc.generations[0].count > 0) interp.gc.generations[0].count--;
    }
    interp.heap.free(mem);
    type->tp_live--;
    decref(type);
}

// The start of every deallocation, before the type's tp_dealloc: the
// container leaves the collector's lists (CPython asks each tp_dealloc to
// begin with PyObject_GC_UnTrack; doing it here means none can forget),
// and weak references to the object die and call their callbacks
// (CPython's "if (op->weakreflist) PyObject_ClearWeakRefs(op)" at the top
// of each tp_dealloc). Types with a finalizer clear them after it instead,
// since __del__ may resurrect the object (gc_call_finalizer_from_dealloc).
static void run_dealloc(Interpreter& interp, Object* op) {
    TypeObject* type = op->ob_type;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) interp.gc.untrack(op);
    if (type->tp_weaklistoffset && !type->tp_finalize) clear_weakrefs(op);
    interp.dealloc_depth++;
    type->tp_dealloc(op);
    interp.dealloc_depth--;
}

// Runs tp_dealloc, parking containers on the trash list when deallocations
// are nested too deeply (see Interpreter::kTrashDepth). Invariant: every
// object on trash_later has refcount 0 and is untracked; it is freed before
// the outermost dealloc() returns. The chain runs through the pointer part
// of _gc_prev, so the header's flags (FINALIZED) survive the wait.
void dealloc(Object* op) {
    TypeObject* type = op->ob_type;
    Interpreter& interp = *type->interp;
    if (interp.dealloc_depth >= Interpreter::kTrashDepth && type_has_flag(type, TPFLAGS_HAVE_GC)) {
        interp.gc.untrack(op);
        GCHead* g = as_gc(op);
        gc_set_prev_ptr(g, interp.trash_later);
        interp.trash_later = g;
        return;
    }
    run_dealloc(interp, op);
    if (interp.dealloc_depth == 0) {
        while (GCHead* g = interp.trash_later) {
            interp.trash_later = gc_prev_ptr(g);
            gc_set_prev_ptr(g, nullptr);
            run_dealloc(interp, from_gc(g));
        }
    }
}

// ------------------------------------------------------------------ object

static void object_dealloc(Object* op) {
    if (Object** dictptr = object_dict_ptr(op)) {
        Object* d = *dictptr;
        *dictptr = nullptr;
        xdecref(d);
    }
    object_free(op);
}

static Ref<> object_repr_slot(ThreadState* ts, Object* self) {
    TypeObject* t = type_of(self);
    std::string mod;
    if (Object* m = t->tp_dict ? dict_get_cstr(ts, t->tp_dict, "__module__") : nullptr) {
        if (is_str(m)) mod = std::string(str_utf8(m));
    }
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
    std::string text = "<";
    if (!mod.empty() && mod != "builtins") text += mod + ".";
    text += t->tp_name + " object at " + addr + ">";
    return str_from_utf8(ts, text);
}

static Ref<> object_str_slot(ThreadState* ts, Object* self) {
    TypeObject* t = type_of(self);
    reprfunc f = t->tp_repr ? t->tp_repr : object_repr_slot;
    return f(ts, self);
}

static int64_t object_hash_slot(ThreadState*, Object* self) {
    // CPython's _Py_HashPointer: rotate the address so alignment zeros vanish.
    auto y = reinterpret_cast<uint64_t>(self);
    int64_t h = int64_t((y >> 4) | (y << (8 * sizeof(void*) - 4)));
    if (sizeof(void*) == 4) h = int64_t(uint32_t((y >> 4) | (y << 28)));
    return h == -1 ? -2 : h;
}

static Ref<> object_richcompare_slot(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    switch (op) {
    case Py_EQ:
        return newref(a == b ? static_cast<Object*>(interp.True) : interp.NotImplemented);
    case Py_NE:
        // object.__ne__ inverts __eq__; for plain objects that is identity.
        return newref(a == b ? static_cast<Object*>(interp.False) : interp.NotImplemented);
    default:
        return newref(interp.NotImplemented);
    }
}

static Ref<> object_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize nargs, TupleObject* kwnames) {
    (void)nargs; (void)kwnames;
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    if (type_has_flag(type, TPFLAGS_HAVE_GC)) type->interp->gc.track(op);
    return Ref<>::steal(op);
}

// ------------------------------------------------- None, NotImplemented, ...

static void singleton_dealloc(Object* op) {
    // Only reached when the interpreter is finalized.
    object_free(op);
}

static Ref<> none_repr(ThreadState* ts, Object*) { return str_from_utf8(ts, "None"); }
static int none_bool(ThreadState*, Object*) { return 0; }
static Ref<> notimpl_repr(ThreadState* ts, Object*) { return str_from_utf8(ts, "NotImplemented"); }
static Ref<> ellipsis_repr(ThreadState* ts, Object*) { return str_from_utf8(ts, "Ellipsis"); }

// NoneType(), type(NotImplemented)() and type(...)() give back the one
// instance, and take no arguments.
static Ref<> singleton_new(ThreadState* ts, TypeObject* type, Object* const*, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (nargs || (kwnames && kwnames->ob_size)) {
        const char* name = type == interp.types.ellipsis ? "EllipsisType" : type->tp_name.c_str();
        return raise(ts, interp.exc.TypeError, std::string(name) + " takes no arguments");
    }
    if (type == interp.types.none) return newref(interp.None);
    if (type == interp.types.notimplemented) return newref(interp.NotImplemented);
    return newref(interp.Ellipsis);
}

bool init_object_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    BuiltinTypes& t = interp.types;

    TypeObject* obj = t.object;
    obj->tp_dealloc = object_dealloc;
    obj->tp_repr = object_repr_slot;
    obj->tp_str = object_str_slot;
    obj->tp_hash = object_hash_slot;
    obj->tp_richcompare = object_richcompare_slot;
    obj->tp_getattro = generic_getattr;
    obj->tp_setattro = generic_setattr;
    obj->tp_new = object_new_slot;

    t.none->tp_dealloc = singleton_dealloc;
    t.none->tp_repr = none_repr;
    t.none->number_storage.nb_bool = none_bool;
    t.none->tp_as_number = &t.none->number_storage;
    t.notimplemented->tp_dealloc = singleton_dealloc;
    t.notimplemented->tp_repr = notimpl_repr;
    t.ellipsis->tp_dealloc = singleton_dealloc;
    t.ellipsis->tp_repr = ellipsis_repr;
    for (TypeObject* s : {t.none, t.notimplemented, t.ellipsis}) s->tp_new = singleton_new;

    interp.None = object_alloc(ts, t.none, 0);
    interp.NotImplemented = object_alloc(ts, t.notimplemented, 0);
    interp.Ellipsis = object_alloc(ts, t.ellipsis, 0);
    return interp.None && interp.NotImplemented && interp.Ellipsis;
}

}  // namespace gp
