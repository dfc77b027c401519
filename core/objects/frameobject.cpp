// frameobject.cpp — frame objects (see frameobject.h).
#include "objects/frameobject.h"

#include <cstdio>
#include <cstring>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static FrameObject* as_frame(Object* o) { return static_cast<FrameObject*>(o); }
static bool owns_data(FrameObject* fo) { return fo->f_frame == &fo->frame_data; }

// A frame object for `f`, or null. `ts` may be null: then a failed
// allocation raises nothing (used while an exception is propagating).
static FrameObject* make_frame_object(ThreadState* ts, Frame* f) {
    Interpreter& interp = *f->code->ob_type->interp;
    auto* fo = static_cast<FrameObject*>(object_alloc(ts, interp.types.frame, f->code->co_nlocalsplus));
    if (!fo) return nullptr;
    fo->f_frame = f;
    fo->f_trace_lines = true;
    fo->f_trace_prev = f->prev_instr;
    f->frame_obj = fo;   // the frame's reference
    return fo;
}

FrameObject* frame_get_object(ThreadState* ts, Frame* f) {
    return f->frame_obj ? f->frame_obj : make_frame_object(ts, f);
}

// The frame ends while the object lives on: move its references into the
// object (frameobject.c: take_ownership). The value stack is already empty.
static void take_ownership(FrameObject* fo, Frame* f) {
    Frame& d = fo->frame_data;
    std::memcpy(&d, f, offsetof(Frame, localsplus));
    const int n = f->code->co_nlocalsplus;
    for (int i = 0; i < n; i++) {
        d.localsplus[i] = f->localsplus[i];
        f->localsplus[i] = nullptr;
    }
    incref(f->code);   // f keeps its own reference; the storage owner drops it
    f->func = nullptr;
    f->globals = nullptr;
    f->builtins = nullptr;
    f->locals = nullptr;
    d.stacktop = 0;
    d.frame_obj = nullptr;
    d.is_entry = false;
    d.stack_saved = false;
    d.previous = nullptr;
    d.owner = FrameOwner::FrameObject;
    fo->f_frame = &d;
    // The caller's frame becomes f_back now: the live chain forgets us.
    if (f->previous) {
        if (FrameObject* back = frame_get_object(nullptr, f->previous)) fo->f_back = newref(back).release();
    }
    f->previous = nullptr;
    // From here on the object owns references that may form cycles
    // (a local holding its own frame), so the collector must see it.
    f->code->ob_type->interp->gc.track(fo);
}

void frame_release_object(Frame* f) {
    FrameObject* fo = f->frame_obj;
    f->frame_obj = nullptr;
    if (fo->ob_refcnt > 1) take_ownership(fo, f);
    decref(fo);
}

Ref<> frame_locals(ThreadState* ts, Frame* f) {
    CodeObject* co = f->code;
    bool optimized = co->co_flags & CO_OPTIMIZED;
    if (!f->locals) {
        if (!optimized) return newref<Object>(f->globals);
        Ref<DictObject> d = dict_new(ts);
        if (!d) return nullptr;
        f->locals = d.release();
    }
    // Refresh from the slots (3.11's _PyFrame_FastToLocalsWithError): bound
    // names are (re)set, unbound ones removed, cells and free variables
    // contribute their contents. Names exec() added stay until the next
    // refresh overwrites or removes them, as in CPython.
    Ref<> locals = newref(f->locals);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        uint8_t kind = co->localspluskinds[std::size_t(i)];
        if ((kind & CO_FAST_FREE) && !optimized) continue;   // a class body's free variables are not its names
        if (!optimized && !(kind & (CO_FAST_CELL | CO_FAST_FREE))) continue;
        Object* name = co->co_localsplusnames->ob_item[i];
        Object* v = f->localsplus[i];
        if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && type_of(v) == ts->interp->types.cell)
            v = static_cast<CellObject*>(v)->ob_ref;
        if (v) {
            if (object_setitem(ts, locals.get(), name, v) < 0) return nullptr;
        } else if (object_delitem(ts, locals.get(), name) < 0) {
            if (!error_matches(ts, ts->interp->exc.KeyError)) return nullptr;
            error_clear(ts);
        }
    }
    return locals;
}

bool frame_locals_to_fast(ThreadState* ts, Frame* f) {
    CodeObject* co = f->code;
    if (!(co->co_flags & CO_OPTIMIZED) || !f->locals || !is_dict(f->locals)) return true;
    auto* d = as_dict(f->locals);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        uint8_t kind = co->localspluskinds[std::size_t(i)];
        Object* name = co->co_localsplusnames->ob_item[i];
        Object* v = dict_get_item(ts, d, name);
        if (!v && error_occurred(ts)) return false;
        Object*& slot = f->localsplus[i];
        if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && slot && type_of(slot) == ts->interp->types.cell) {
            auto* cell = static_cast<CellObject*>(slot);
            if (cell->ob_ref != v) {
                xincref(v);
                Object* old = cell->ob_ref;
                cell->ob_ref = v;
                xdecref(old);
            }
            continue;
        }
        if (slot != v) {
            xincref(v);
            Object* old = slot;
            slot = v;
            xdecref(old);
        }
    }
    return true;
}

int frame_lineno(Frame* f) { return f->code->addr_to_line(f->prev_instr < 0 ? 0 : f->prev_instr); }

// Whether the frame is running (or waiting for a callee): only ended
// frames and suspended generators can be cleared.
static bool frame_is_executing(Frame* f) {
    if (f->owner == FrameOwner::Thread) return true;
    if (f->owner == FrameOwner::Generator) return generator_of(f)->state == GenState::Executing;
    return false;
}

// ------------------------------------------------------------ type slots

// Drops the references of an ended frame's contents.
static void clear_owned_data(FrameObject* fo) {
    Frame& d = fo->frame_data;
    for (int i = 0; i < d.code->co_nlocalsplus; i++) {
        Object* v = d.localsplus[i];
        d.localsplus[i] = nullptr;
        xdecref(v);
    }
}

static void frame_dealloc(Object* op) {
    FrameObject* fo = as_frame(op);
    if (owns_data(fo)) {
        Frame& d = fo->frame_data;
        clear_owned_data(fo);
        Object* refs[] = {d.locals, d.builtins, d.globals, d.func, d.code};
        d.locals = nullptr; d.builtins = nullptr; d.globals = nullptr; d.func = nullptr;
        for (Object* x : refs) xdecref(x);
    }
    xdecref(fo->f_back);
    xdecref(fo->f_trace);
    object_free(op);
}

// A live frame's contents are roots of the thread (or belong to the
// generator, which visits them); only an ended frame's are visited here.
static int frame_traverse(Object* op, visitproc visit, void* arg) {
    FrameObject* fo = as_frame(op);
    if (fo->f_back && visit(fo->f_back, arg)) return 1;
    if (fo->f_trace && visit(fo->f_trace, arg)) return 1;
    if (!owns_data(fo)) return 0;
    Frame& d = fo->frame_data;
    for (Object* x : {static_cast<Object*>(d.func), static_cast<Object*>(d.code), static_cast<Object*>(d.globals),
                      static_cast<Object*>(d.builtins), d.locals})
        if (x && visit(x, arg)) return 1;
    for (int i = 0; i < d.code->co_nlocalsplus; i++)
        if (d.localsplus[i] && visit(d.localsplus[i], arg)) return 1;
    return 0;
}

// tp_clear (frame_tp_clear): the trace function and the local slots.
static int frame_clear_slot(Object* op) {
    FrameObject* fo = as_frame(op);
    Object* trace = fo->f_trace;
    fo->f_trace = nullptr;
    xdecref(trace);
    if (owns_data(fo)) clear_owned_data(fo);
    return 0;
}

static std::string address_of(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

// <frame at 0x..., file 'x.py', line 3, code f>
static Ref<> frame_repr(ThreadState* ts, Object* op) {
    Frame* f = as_frame(op)->f_frame;
    Ref<> file = object_repr(ts, f->code->co_filename);
    if (!file) return nullptr;
    return str_from_utf8(ts, "<frame at " + address_of(op) + ", file " + std::string(str_utf8(file.get())) +
                                 ", line " + std::to_string(frame_lineno(f)) + ", code " +
                                 std::string(str_utf8(f->code->co_name)) + ">");
}

// ------------------------------------------------------------ attributes

static Ref<> get_back(ThreadState* ts, Object* op) {
    FrameObject* fo = as_frame(op);
    if (fo->f_back) return newref(fo->f_back);
    if (Frame* prev = fo->f_frame->previous) {
        FrameObject* back = frame_get_object(ts, prev);
        return back ? newref(back) : nullptr;
    }
    return newref(ts->interp->None);
}

static Ref<> get_code(ThreadState*, Object* op) { return newref<Object>(as_frame(op)->f_frame->code); }
static Ref<> get_globals(ThreadState*, Object* op) { return newref<Object>(as_frame(op)->f_frame->globals); }
static Ref<> get_builtins(ThreadState*, Object* op) { return newref<Object>(as_frame(op)->f_frame->builtins); }
static Ref<> get_locals(ThreadState* ts, Object* op) { return frame_locals(ts, as_frame(op)->f_frame); }
static Ref<> get_lineno(ThreadState* ts, Object* op) { return int_from_i64(ts, frame_lineno(as_frame(op)->f_frame)); }

// Byte offset of the last instruction started, -1 before the first.
static Ref<> get_lasti(ThreadState* ts, Object* op) {
    int i = as_frame(op)->f_frame->prev_instr;
    return int_from_i64(ts, i < 0 ? -1 : i * 2);
}

// Only a trace function on a 'line' event may jump; glasspy has no
// tracing, so every jump is refused the way CPython refuses one made
// outside a trace function (frameobject.c: frame_setlineno).
static int set_lineno(ThreadState* ts, Object*, Object* value) {
    Interpreter& interp = *ts->interp;
    if (!value) {
        raise(ts, interp.exc.AttributeError, "cannot delete attribute");
        return -1;
    }
    if (type_of(value) != interp.types.int_) {   // exactly int (PyLong_CheckExact)
        raise(ts, interp.exc.ValueError, "lineno must be an integer");
        return -1;
    }
    raise(ts, interp.exc.ValueError, "can't jump from the 'call' trace event of a new frame");
    return -1;
}

static Ref<> get_trace(ThreadState* ts, Object* op) {
    Object* t = as_frame(op)->f_trace;
    return newref(t ? t : ts->interp->None);
}

static int set_trace(ThreadState* ts, Object* op, Object* value) {
    FrameObject* fo = as_frame(op);
    if (value == ts->interp->None) value = nullptr;
    Object* old = fo->f_trace;
    fo->f_trace = value;
    xincref(value);
    xdecref(old);
    return 0;
}

static Ref<> get_trace_lines(ThreadState* ts, Object* op) { return bool_from(ts, as_frame(op)->f_trace_lines); }
static Ref<> get_trace_opcodes(ThreadState* ts, Object* op) { return bool_from(ts, as_frame(op)->f_trace_opcodes); }

static int set_flag(ThreadState* ts, Object* value, bool* flag) {
    if (!value || type_of(value) != ts->interp->types.bool_) {
        raise(ts, ts->interp->exc.TypeError, "attribute value type must be bool");
        return -1;
    }
    *flag = value == ts->interp->True;
    return 0;
}
static int set_trace_lines(ThreadState* ts, Object* op, Object* v) {
    return set_flag(ts, v, &as_frame(op)->f_trace_lines);
}
static int set_trace_opcodes(ThreadState* ts, Object* op, Object* v) {
    return set_flag(ts, v, &as_frame(op)->f_trace_opcodes);
}

static const GetSetDef frame_getsets[] = {
    {"f_back", get_back, nullptr, nullptr},
    {"f_code", get_code, nullptr, nullptr},
    {"f_globals", get_globals, nullptr, nullptr},
    {"f_builtins", get_builtins, nullptr, nullptr},
    {"f_locals", get_locals, nullptr, nullptr},
    {"f_lineno", get_lineno, set_lineno, nullptr},
    {"f_lasti", get_lasti, nullptr, nullptr},
    {"f_trace", get_trace, set_trace, nullptr},
    {"f_trace_lines", get_trace_lines, set_trace_lines, nullptr},
    {"f_trace_opcodes", get_trace_opcodes, set_trace_opcodes, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// frame.clear(): drops the locals of an ended frame; a suspended
// generator's frame is cleared by closing the generator.
static Ref<> frame_clear_method(ThreadState* ts, Object* op, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "clear", kw) || !check_nargs(ts, "clear", nargs, 0, 0)) return nullptr;
    FrameObject* fo = as_frame(op);
    Frame* f = fo->f_frame;
    if (frame_is_executing(f))
        return raise(ts, ts->interp->exc.RuntimeError, "cannot clear an executing frame");
    if (f->owner == FrameOwner::Generator) {
        GenObject* gen = generator_of(f);
        Ref<> keep = newref<Object>(gen);
        if (TypeObject* t = type_of(gen); t->tp_finalize) t->tp_finalize(ts, gen);
        if (error_occurred(ts)) return nullptr;
    } else {
        frame_clear_slot(op);
    }
    return newref(ts->interp->None);
}

// The 3.11 size: the object header plus the frame's slots and stack.
static Ref<> frame_sizeof(ThreadState* ts, Object* op, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    CodeObject* co = as_frame(op)->f_frame->code;
    return int_from_i64(ts, 120 + 8 * (co->co_nlocalsplus + co->co_stacksize));
}

static const MethodDef frame_methods[] = {
    {"clear", frame_clear_method, METH_DEFAULT, "F.clear(): clear most references held by the frame"},
    {"__sizeof__", frame_sizeof, METH_DEFAULT, "F.__sizeof__() -> size of F in memory, in bytes"},
    {nullptr, nullptr, 0, nullptr},
};

bool init_frame_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.frame;
    t->tp_basicsize = isize(offsetof(FrameObject, frame_data) + offsetof(Frame, localsplus));
    t->tp_itemsize = sizeof(Object*);
    t->tp_flags |= TPFLAGS_HAVE_GC;
    t->tp_dealloc = frame_dealloc;
    t->tp_traverse = frame_traverse;
    t->tp_clear = frame_clear_slot;
    t->tp_repr = frame_repr;
    return type_add_methods(ts, t, frame_methods) && type_add_getsets(ts, t, frame_getsets);
}

}  // namespace gp
