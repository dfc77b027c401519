// genobject.cpp — generator objects (see genobject.h).
#include "objects/genobject.h"

#include <cstring>

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/methodobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "bytecode/opcodes.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_generator(Object* o) { return type_of(o) == type_of(o)->interp->types.generator; }

Ref<> generator_from_frame(ThreadState* ts, Frame* f) {
    Interpreter& interp = *ts->interp;
    CodeObject* co = f->code;
    isize slots = co->co_nlocalsplus + co->co_stacksize;
    auto* gen = static_cast<GenObject*>(object_alloc(ts, interp.types.generator, slots));
    if (!gen) return nullptr;
    // Move the frame: header and every slot, with their references.
    std::memcpy(&gen->gi_frame, f, offsetof(Frame, localsplus));
    for (isize i = 0; i < slots; i++) gen->gi_frame.localsplus[i] = f->localsplus[i];
    incref(co);   // the original frame's storage keeps (and drops) its own code reference
    gen->gi_frame.previous = nullptr;
    gen->gi_frame.is_entry = false;
    gen->gi_frame.owner = FrameOwner::Generator;
    if (FrameObject* fo = gen->gi_frame.frame_obj) {   // a frame object follows its frame
        fo->f_frame = &gen->gi_frame;
        f->frame_obj = nullptr;
    }
    gen->state = GenState::Created;
    if (FunctionObject* fn = f->func) {
        gen->gi_name = newref(fn->func_name).release();
        gen->gi_qualname = newref(fn->func_qualname).release();
    } else {
        gen->gi_name = newref<Object>(co->co_name).release();
        gen->gi_qualname = newref<Object>(co->co_qualname).release();
    }
    // The original frame is now an empty shell the caller frees.
    f->func = nullptr;
    f->globals = nullptr;
    f->builtins = nullptr;
    f->locals = nullptr;
    f->stacktop = 0;
    for (isize i = 0; i < co->co_nlocalsplus; i++) f->localsplus[i] = nullptr;
    interp.gc.track(gen);
    return Ref<>::steal(gen);
}

// The sub-iterator a generator is delegating to (`yield from` / `await`),
// if it is suspended inside one: the next instruction is RESUME 2/3 and the
// receiver is on top of the stack (genobject.c: _PyGen_yf).
static Object* delegate_of(GenObject* gen) {
    Frame& f = gen->gi_frame;
    if (gen->state != GenState::Suspended || f.stacktop < 1) return nullptr;
    const std::vector<uint16_t>& code = f.code->code;
    int nexti = f.prev_instr + 1;
    if (nexti < 0 || nexti >= int(code.size())) return nullptr;
    uint16_t word = code[std::size_t(nexti)];
    if ((word & 0xFF) != RESUME || (word >> 8) < 2) return nullptr;
    return f.stack_base()[f.stacktop - 1];
}

SendResult generator_send(ThreadState* ts, GenObject* gen, Object* value, Ref<>* result, bool throwing) {
    Interpreter& interp = *ts->interp;
    if (gen->state == GenState::Executing) {
        raise(ts, interp.exc.ValueError, "generator already executing");
        return SendResult::Error;
    }
    if (gen->state == GenState::Completed) {
        if (throwing) return SendResult::Error;   // the exception propagates as is
        *result = newref(interp.None);
        return SendResult::Return;
    }
    if (gen->state == GenState::Created && !throwing && value != interp.None) {
        raise(ts, interp.exc.TypeError, "can't send non-None value to a just-started generator");
        return SendResult::Error;
    }
    Frame* f = &gen->gi_frame;
    if (!throwing) {
        incref(value);
        f->stack_base()[f->stacktop++] = value;
    }
    gen->state = GenState::Executing;
    // The generator handles exceptions on its own level: the caller's
    // handled exception is saved beneath it, and an except block the
    // generator is suspended in keeps its exception across yields
    // (genobject.c: gen_send_ex2 with gi_exc_state).
    ExcStackItem caller{ts->exc_info, ts->exc_info_outer};
    ts->exc_info_outer = &caller;
    ts->exc_info = gen->gi_exc_value;
    gen->gi_exc_value = nullptr;
    Ref<> r = eval_generator_frame(ts, f, throwing);
    gen->gi_exc_value = ts->exc_info;
    ts->exc_info = caller.value;
    ts->exc_info_outer = caller.previous;
    if (gen->state == GenState::Completed) {   // a finished generator handles nothing
        Object* v = gen->gi_exc_value;
        gen->gi_exc_value = nullptr;
        xdecref(v);
    }
    if (gen->state == GenState::Executing) gen->state = GenState::Suspended;   // recursion limit hit before running
    if (r) {
        if (gen->state == GenState::Completed) {
            *result = std::move(r);
            return SendResult::Return;
        }
        *result = std::move(r);
        return SendResult::Next;
    }
    // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
    if (error_matches(ts, interp.exc.StopIteration)) {
        Ref<> stop = error_fetch(ts);
        raise(ts, interp.exc.RuntimeError, "generator raised StopIteration");
        if (ts->curexc) {
            auto* e = static_cast<BaseExceptionObject*>(ts->curexc);
            xdecref(e->cause);
            e->cause = stop.release();
            e->suppress_context = true;
        }
    }
    return SendResult::Error;
}

// next(gen): the value, or null with no exception when exhausted with None.
static Ref<> gen_iternext(ThreadState* ts, Object* self) {
    Ref<> result;
    SendResult s = generator_send(ts, static_cast<GenObject*>(self), ts->interp->None, &result, false);
    if (s == SendResult::Next) return result;
    if (s == SendResult::Return && result.get() != ts->interp->None) {
        Object* v = result.get();
        Ref<> exc = object_vectorcall(ts, ts->interp->exc.StopIteration, &v, 1);
        if (exc) raise_object(ts, exc.get());
    }
    return nullptr;
}

static Ref<> return_to_stop_iteration(ThreadState* ts, SendResult s, Ref<> result) {
    if (s == SendResult::Next) return result;
    if (s == SendResult::Return) {
        Object* v = result.get();
        isize n = v == ts->interp->None ? 0 : 1;
        Ref<> exc = object_vectorcall(ts, ts->interp->exc.StopIteration, &v, n);
        if (exc) raise_object(ts, exc.get());
    }
    return nullptr;
}

static Ref<> gen_send(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "send", kw) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
    Ref<> result;
    SendResult s = generator_send(ts, static_cast<GenObject*>(self), args[0], &result, false);
    return return_to_stop_iteration(ts, s, std::move(result));
}

// throw(value) / throw(type[, value[, tb]]): raise inside the generator.
static Ref<> gen_throw_impl(ThreadState* ts, GenObject* gen, Object* typ, Object* val, Object* tb,
                            bool closing) {
    Interpreter& interp = *ts->interp;
    // Delegate to a sub-generator first, as `yield from` promises.
    if (Object* yf = delegate_of(gen)) {
        Ref<> keep = newref(yf);
        Ref<> r;
        gen->state = GenState::Executing;
        if (is_generator(yf)) {
            r = gen_throw_impl(ts, static_cast<GenObject*>(yf), typ, val, tb, closing);
        } else if (closing) {
            Ref<> close = object_getattr_cstr(ts, yf, "close");
            if (close) r = object_call_noargs(ts, close.get());
            else if (error_matches(ts, interp.exc.AttributeError)) { error_clear(ts); r = newref(interp.None); }
            if (r) r.reset();
        } else {
            Ref<> meth = object_getattr_cstr(ts, yf, "throw");
            if (!meth && error_matches(ts, interp.exc.AttributeError)) {
                error_clear(ts);
            } else if (meth) {
                Object* args[3] = {typ, val ? val : interp.None, tb ? tb : interp.None};
                r = object_vectorcall(ts, meth.get(), args, val ? (tb ? 3 : 2) : 1);
            }
        }
        gen->state = GenState::Suspended;
        if (r) return r;   // the sub-iterator yielded: so do we
        if (!error_occurred(ts)) {
            if (closing) goto throw_here;
            // Sub-iterator finished: its return value resumes us at SEND.
        }
        Frame& f = gen->gi_frame;
        if (error_matches(ts, interp.exc.StopIteration)) {
            // The sub-iterator finished: continue after the SEND loop with its
            // value, as SEND's own return path does (genobject.c: gen_throw).
            Ref<> stop = error_fetch(ts);
            Ref<> v = object_getattr_cstr(ts, stop.get(), "value");
            if (!v) return nullptr;
            decref(f.stack_base()[--f.stacktop]);   // the receiver
            uint16_t send = f.code->code[std::size_t(f.prev_instr - 1)];
            f.prev_instr = f.prev_instr + (send >> 8) - 1;   // JUMPBY(oparg) from SEND, minus one for dispatch
            Ref<> result;
            SendResult s = generator_send(ts, gen, v.get(), &result, false);
            return return_to_stop_iteration(ts, s, std::move(result));
        }
        // The exception came out of the sub-iterator: it surfaces here.
        decref(f.stack_base()[--f.stacktop]);   // the receiver
        Ref<> result;
        SendResult s = generator_send(ts, gen, nullptr, &result, true);
        return return_to_stop_iteration(ts, s, std::move(result));
    }
throw_here:
    {
        Ref<> exc;
        if (is_exception_class(typ)) {
            Object* a = val;
            exc = (val && val != interp.None) ? (is_exception_instance(val) ? newref(val) : object_vectorcall(ts, typ, &a, 1))
                                              : object_call_noargs(ts, typ);
            if (!exc) return nullptr;
        } else if (is_exception_instance(typ)) {
            if (val && val != interp.None)
                return raise(ts, interp.exc.TypeError, "instance exception may not have a separate value");
            exc = newref(typ);
        } else {
            return raise(ts, interp.exc.TypeError,
                         std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                             type_name(typ));
        }
        if (tb && tb != interp.None) {
            if (object_setattr(ts, exc.get(), interp.intern("__traceback__"), tb) < 0) return nullptr;
        }
        error_restore(ts, std::move(exc));
        Ref<> result;
        SendResult s = generator_send(ts, gen, nullptr, &result, true);
        return return_to_stop_iteration(ts, s, std::move(result));
    }
}

static Ref<> gen_throw(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "throw", kw) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
    return gen_throw_impl(ts, static_cast<GenObject*>(self), args[0], nargs > 1 ? args[1] : nullptr,
                          nargs > 2 ? args[2] : nullptr, false);
}

// close(): throw GeneratorExit in; it must not yield again.
static Ref<> gen_close_impl(ThreadState* ts, GenObject* gen) {
    Interpreter& interp = *ts->interp;
    if (gen->state == GenState::Created) {
        // Never started: just drop the frame.
        gen->state = GenState::Completed;
        return newref(interp.None);
    }
    if (gen->state == GenState::Completed) return newref(interp.None);
    Ref<> r = gen_throw_impl(ts, gen, interp.exc.GeneratorExit, nullptr, nullptr, true);
    if (r) return raise(ts, interp.exc.RuntimeError, "generator ignored GeneratorExit");
    if (error_matches(ts, interp.exc.StopIteration) || error_matches(ts, interp.exc.GeneratorExit)) {
        error_clear(ts);
        return newref(interp.None);
    }
    if (!error_occurred(ts)) return newref(interp.None);
    return nullptr;
}

static Ref<> gen_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    return gen_close_impl(ts, static_cast<GenObject*>(self));
}

// tp_finalize (PEP 442, genobject.c: _PyGen_Finalize): a suspended
// generator is closed, so its finally blocks and with-statements run. Runs
// once per generator, from dealloc or from the cycle collector.
static void gen_finalize(ThreadState* ts, Object* op) {
    auto* gen = static_cast<GenObject*>(op);
    if (gen->state != GenState::Suspended) return;
    Ref<> saved = error_fetch(ts);
    Ref<> r = gen_close_impl(ts, gen);
    if (!r && error_occurred(ts)) report_unraisable(ts, op);
    if (saved) error_restore(ts, std::move(saved));
}

static void gen_dealloc(Object* op) {
    auto* gen = static_cast<GenObject*>(op);
    Interpreter& interp = *type_of(op)->interp;
    if (!gc_call_finalizer_from_dealloc(op)) return;   // resurrected by its finally block
    interp.gc.untrack(op);
    Frame& f = gen->gi_frame;
    Object** stack = f.stack_base();
    for (int i = f.stacktop - 1; i >= 0; i--) xdecref(stack[i]);
    f.stacktop = 0;
    f.previous = nullptr;
    if (f.frame_obj) frame_release_object(&f);   // a gi_frame someone kept takes the locals
    for (int i = 0; i < f.code->co_nlocalsplus; i++) xdecref(f.localsplus[i]);
    xdecref(f.locals);
    xdecref(f.builtins);
    xdecref(f.globals);
    xdecref(f.func);
    decref(f.code);
    xdecref(gen->gi_name);
    xdecref(gen->gi_qualname);
    xdecref(gen->gi_exc_value);
    object_free(op);
}

// What gen_dealloc releases: the names and the frame's references
// (_PyFrame_Traverse). While the
// generator runs, its value stack belongs to the eval loop and stacktop is
// stale, so only the locals are visited then (visiting fewer references
// than exist is safe: the collector then sees more outside references).
static int gen_traverse(Object* op, visitproc visit, void* arg) {
    auto* gen = static_cast<GenObject*>(op);
    Frame& f = gen->gi_frame;
    for (Object* x : {gen->gi_name, gen->gi_qualname, gen->gi_exc_value})
        if (x && visit(x, arg)) return 1;
    for (Object* x : {static_cast<Object*>(f.func), reinterpret_cast<Object*>(f.code),
                      static_cast<Object*>(f.globals), static_cast<Object*>(f.builtins), f.locals,
                      static_cast<Object*>(f.frame_obj)})
        if (x && visit(x, arg)) return 1;
    const int n = f.code->co_nlocalsplus + (gen->state == GenState::Executing ? 0 : f.stacktop);
    for (int i = 0; i < n; i++)
        if (f.localsplus[i] && visit(f.localsplus[i], arg)) return 1;
    return 0;
}

static Ref<> gen_repr(ThreadState* ts, Object* op) {
    auto* gen = static_cast<GenObject*>(op);
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(op));
    return str_from_utf8(ts, "<generator object " + std::string(str_utf8(gen->gi_qualname)) + " at " + addr + ">");
}

static Ref<> gen_iter(ThreadState*, Object* self) { return newref(self); }

static Ref<> gen_get_name(ThreadState*, Object* o) { return newref(static_cast<GenObject*>(o)->gi_name); }
static Ref<> gen_get_qualname(ThreadState*, Object* o) { return newref(static_cast<GenObject*>(o)->gi_qualname); }

// __name__ and __qualname__ may be replaced by strings (gen_set_name).
static int gen_set_str(ThreadState* ts, Object** slot, Object* v, const char* what) {
    if (!v || !is_str(v)) {
        raise(ts, ts->interp->exc.TypeError, std::string(what) + " must be set to a string object");
        return -1;
    }
    Object* old = *slot;
    *slot = newref(v).release();
    decref(old);
    return 0;
}
static int gen_set_name(ThreadState* ts, Object* o, Object* v) {
    return gen_set_str(ts, &static_cast<GenObject*>(o)->gi_name, v, "__name__");
}
static int gen_set_qualname(ThreadState* ts, Object* o, Object* v) {
    return gen_set_str(ts, &static_cast<GenObject*>(o)->gi_qualname, v, "__qualname__");
}
static Ref<> gen_get_running(ThreadState* ts, Object* o) {
    return newref<Object>(static_cast<GenObject*>(o)->state == GenState::Executing ? ts->interp->True : ts->interp->False);
}
static Ref<> gen_get_code(ThreadState*, Object* o) { return newref<Object>(static_cast<GenObject*>(o)->gi_frame.code); }
static Ref<> gen_get_suspended(ThreadState* ts, Object* o) {
    return newref<Object>(static_cast<GenObject*>(o)->state == GenState::Suspended ? ts->interp->True : ts->interp->False);
}

// gi_frame: the generator's frame object, None once it has finished.
static Ref<> gen_get_frame(ThreadState* ts, Object* o) {
    auto* gen = static_cast<GenObject*>(o);
    if (gen->state == GenState::Completed) return newref(ts->interp->None);
    FrameObject* fo = frame_get_object(ts, &gen->gi_frame);
    return fo ? newref<Object>(fo) : nullptr;
}
// gi_yieldfrom: the iterator a `yield from` is delegating to, or None.
static Ref<> gen_get_yieldfrom(ThreadState* ts, Object* o) {
    Object* yf = delegate_of(static_cast<GenObject*>(o));
    return newref(yf ? yf : ts->interp->None);
}

static const GetSetDef gen_getsets[] = {
    {"gi_frame", gen_get_frame, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, nullptr},
    {"__name__", gen_get_name, gen_set_name, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// CPython 3.11's size: the generator header with its embedded frame (152
// bytes on 64-bit) and the frame's slots and stack (genobject.c: gen_sizeof).
static Ref<> gen_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    CodeObject* co = static_cast<GenObject*>(self)->gi_frame.code;
    return int_from_i64(ts, 152 + 8 * (co->co_nlocalsplus + co->co_stacksize));
}

static const MethodDef gen_methods[] = {
    {"__sizeof__", gen_sizeof, 0, "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {"send", gen_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", gen_close, 0, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_generator_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.generator;
    t->tp_basicsize = isize(offsetof(GenObject, gi_frame) + offsetof(Frame, localsplus));
    t->tp_itemsize = sizeof(Object*);
    t->tp_flags |= TPFLAGS_HAVE_GC;
    t->tp_dealloc = gen_dealloc;
    t->tp_traverse = gen_traverse;
    t->tp_finalize = gen_finalize;
    t->tp_weaklistoffset = weaklist_offset(&GenObject::gi_weakreflist);
    t->tp_repr = gen_repr;
    t->tp_iter = gen_iter;
    t->tp_iternext = gen_iternext;
    return type_add_methods(ts, t, gen_methods) && type_add_getsets(ts, t, gen_getsets);
}

}  // namespace gp
