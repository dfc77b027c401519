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
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "bytecode/opcodes.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_generator(Object* o) { return type_of(o) == type_of(o)->interp->types.generator; }
bool is_coroutine(Object* o) { return type_of(o) == type_of(o)->interp->types.coroutine; }
bool is_async_generator(Object* o) { return type_of(o) == type_of(o)->interp->types.async_generator; }
static bool is_gen_or_coro(Object* o) { return is_generator(o) || is_coroutine(o); }

// "generator" / "coroutine" / "async generator", for messages.
static const char* kind_name(GenObject* gen) {
    if (is_coroutine(gen)) return "coroutine";
    if (is_async_generator(gen)) return "async generator";
    return "generator";
}

Ref<> generator_from_frame(ThreadState* ts, Frame* f) {
    Interpreter& interp = *ts->interp;
    CodeObject* co = f->code;
    isize slots = co->co_nlocalsplus + co->co_stacksize + kFrameScratchSlots;
    TypeObject* type = (co->co_flags & CO_COROUTINE)         ? interp.types.coroutine
                       : (co->co_flags & CO_ASYNC_GENERATOR) ? interp.types.async_generator
                                                             : interp.types.generator;
    auto* gen = static_cast<GenObject*>(object_alloc(ts, type, slots));
    if (!gen) return nullptr;
    // Move the frame: header and every slot, with their references.
    std::memcpy(&gen->gi_frame, f, offsetof(Frame, localsplus));
    for (isize i = 0; i < slots; i++) gen->gi_frame.localsplus[i] = f->localsplus[i];
    incref(co);   // the original frame's storage keeps (and drops) its own code reference
    gen->gi_frame.previous = nullptr;
    gen->gi_frame.is_entry = false;
    gen->gi_frame.stack_saved = false;
    gen->gi_frame.owner = FrameOwner::Generator;
    if (FrameObject* fo = gen->gi_frame.frame_obj) {   // a frame object follows its frame
        fo->f_frame = &gen->gi_frame;
        f->frame_obj = nullptr;
    }
    gen->state = GenState::Created;
    gen->ag_closed = false;
    gen->ag_running_async = false;
    gen->gi_exc_value = nullptr;
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
Object* gen_delegate(GenObject* gen) {
    Frame& f = gen->gi_frame;
    if (gen->state != GenState::Suspended || f.stacktop < 1) return nullptr;
    const std::vector<uint16_t>& code = f.code->code;
    int nexti = f.prev_instr + 1;
    if (nexti < 0 || nexti >= int(code.size())) return nullptr;
    uint16_t word = code[std::size_t(nexti)];
    if ((word & 0xFF) != RESUME || (word >> 8) < 2) return nullptr;
    return f.stack_base()[f.stacktop - 1];
}

SendResult generator_send(ThreadState* ts, GenObject* gen, Object* value, Ref<>* result, bool throwing,
                          bool closing) {
    Interpreter& interp = *ts->interp;
    if (gen->state == GenState::Executing) {
        raise(ts, interp.exc.ValueError, std::string(kind_name(gen)) + " already executing");
        return SendResult::Error;
    }
    if (gen->state == GenState::Completed) {
        if (is_coroutine(gen) && !closing) {
            // An exhausted coroutine: awaiting it again is an error (close()
            // stays silent).
            raise(ts, interp.exc.RuntimeError, "cannot reuse already awaited coroutine");
            return SendResult::Error;
        }
        if (throwing) return SendResult::Error;   // the exception propagates as is
        *result = newref(interp.None);
        return SendResult::Return;
    }
    if (gen->state == GenState::Created && !throwing && value != interp.None) {
        raise(ts, interp.exc.TypeError, std::string("can't send non-None value to a just-started ") + kind_name(gen));
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
        bool done = gen->state == GenState::Completed;
        *result = std::move(r);
        return done ? SendResult::Return : SendResult::Next;
    }
    // A StopIteration escaping a generator becomes RuntimeError (PEP 479);
    // so does a StopAsyncIteration escaping an async generator.
    bool stop = error_matches(ts, interp.exc.StopIteration);
    bool async_stop = !stop && is_async_generator(gen) && error_matches(ts, interp.exc.StopAsyncIteration);
    if (stop || async_stop) {
        Ref<> cause = error_fetch(ts);
        std::string msg = std::string(kind_name(gen)) + (stop ? " raised StopIteration" : " raised StopAsyncIteration");
        raise(ts, interp.exc.RuntimeError, msg);
        if (ts->curexc) {
            auto* e = static_cast<BaseExceptionObject*>(ts->curexc);
            xdecref(e->cause);
            e->cause = cause.clone().release();
            xdecref(e->context);
            e->context = cause.release();
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

// gen_send_ex's ending: a return becomes StopIteration(value) (or
// StopAsyncIteration for an async generator).
static Ref<> return_to_stop_iteration(ThreadState* ts, GenObject* gen, SendResult s, Ref<> result) {
    if (s == SendResult::Next) return result;
    if (s == SendResult::Return) {
        if (is_async_generator(gen)) {
            raise_object(ts, ts->interp->exc.StopAsyncIteration);
            return nullptr;
        }
        Object* v = result.get();
        isize n = v == ts->interp->None ? 0 : 1;
        Ref<> exc = object_vectorcall(ts, ts->interp->exc.StopIteration, &v, n);
        if (exc) raise_object(ts, exc.get());
    }
    return nullptr;
}

Ref<> gen_send_value(ThreadState* ts, GenObject* gen, Object* value) {
    Ref<> result;
    SendResult s = generator_send(ts, gen, value, &result, false);
    return return_to_stop_iteration(ts, gen, s, std::move(result));
}

static Ref<> gen_send(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "send", kw) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
    return gen_send_value(ts, static_cast<GenObject*>(self), args[0]);
}

// Resumes gen with the exception already set (gen_send_ex(gen, None, 1, 0)).
static Ref<> resume_throwing(ThreadState* ts, GenObject* gen, bool closing = false) {
    Ref<> result;
    SendResult s = generator_send(ts, gen, nullptr, &result, true, closing);
    return return_to_stop_iteration(ts, gen, s, std::move(result));
}

// gen_close_iter: closes what a suspended `yield from`/`await` delegates
// to. False with an error set when that close() failed.
static bool close_delegate(ThreadState* ts, Object* yf) {
    if (is_gen_or_coro(yf)) return bool(gen_close(ts, static_cast<GenObject*>(yf)));
    Ref<> meth = object_getattr_cstr(ts, yf, "close");
    if (!meth) {
        if (error_matches(ts, ts->interp->exc.AttributeError)) error_clear(ts);
        else report_unraisable(ts, yf);
        return true;
    }
    return bool(object_call_noargs(ts, meth.get()));
}

// _gen_throw: raise inside the generator, first inside whatever it
// delegates to, as `yield from` promises.
Ref<> gen_throw(ThreadState* ts, GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb) {
    Interpreter& interp = *ts->interp;
    if (Object* yf = gen_delegate(gen)) {
        Ref<> keep = newref(yf);
        Ref<> r;
        GenState saved = gen->state;
        bool genexit = is_exception_class(typ) ? type_is_subtype(static_cast<TypeObject*>(typ), interp.exc.GeneratorExit)
                                               : is_exception_instance(typ) && isinstance_of(typ, interp.exc.GeneratorExit);
        if (genexit && close_on_genexit) {
            // Close the delegate, then raise GeneratorExit here.
            gen->state = GenState::Executing;
            bool ok = close_delegate(ts, yf);
            gen->state = saved;
            if (!ok) return resume_throwing(ts, gen);
            goto throw_here;
        }
        if (is_gen_or_coro(yf)) {
            gen->state = GenState::Executing;
            r = gen_throw(ts, static_cast<GenObject*>(yf), close_on_genexit, typ, val, tb);
            gen->state = saved;
        } else {
            Ref<> meth = object_getattr_cstr(ts, yf, "throw");
            if (!meth) {
                if (!error_matches(ts, interp.exc.AttributeError)) return nullptr;
                error_clear(ts);
                goto throw_here;
            }
            gen->state = GenState::Executing;
            Object* args[3] = {typ, val ? val : interp.None, tb ? tb : interp.None};
            r = object_vectorcall(ts, meth.get(), args, val ? (tb ? 3 : 2) : 1);
            gen->state = saved;
        }
        if (r) return r;   // the delegate yielded: so do we
        // The delegate finished (or failed): leave the SEND loop, as SEND's
        // own return path does, and continue with its value or its error.
        Frame& f = gen->gi_frame;
        decref(f.stack_base()[--f.stacktop]);   // the receiver
        uint16_t send = f.code->code[std::size_t(f.prev_instr - 1)];
        f.prev_instr = f.prev_instr + (send >> 8) - 1;   // JUMPBY(oparg) from SEND, minus one for dispatch
        if (error_matches(ts, interp.exc.StopIteration)) {
            Ref<> stop = error_fetch(ts);
            Ref<> v = object_getattr_cstr(ts, stop.get(), "value");
            if (!v) return nullptr;
            return gen_send_value(ts, gen, v.get());
        }
        if (!error_occurred(ts)) return gen_send_value(ts, gen, interp.None);
        return resume_throwing(ts, gen);
    }
throw_here:
    {
        if (tb == interp.None) tb = nullptr;
        if (tb && type_of(tb) != interp.types.traceback)
            return raise(ts, interp.exc.TypeError, "throw() third argument must be a traceback object");
        Ref<> exc;
        if (is_exception_class(typ)) {
            if (val && is_exception_instance(val) && isinstance_of(val, static_cast<TypeObject*>(typ))) {
                exc = newref(val);
            } else if (val && val != interp.None) {
                if (is_tuple(val)) {
                    exc = object_vectorcall(ts, typ, as_tuple(val)->ob_item, as_tuple(val)->ob_size);
                } else {
                    Object* a = val;
                    exc = object_vectorcall(ts, typ, &a, 1);
                }
            } else {
                exc = object_call_noargs(ts, typ);
            }
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
        if (tb && object_setattr(ts, exc.get(), interp.intern("__traceback__"), tb) < 0) return nullptr;
        error_restore(ts, std::move(exc));
        return resume_throwing(ts, gen);
    }
}

static Ref<> gen_throw_method(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "throw", kw) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
    return gen_throw(ts, static_cast<GenObject*>(self), true, args[0], nargs > 1 ? args[1] : nullptr,
                     nargs > 2 ? args[2] : nullptr);
}

// close(): GeneratorExit is raised at the suspension point; the generator
// must not yield again.
Ref<> gen_close(ThreadState* ts, GenObject* gen) {
    Interpreter& interp = *ts->interp;
    if (gen->state == GenState::Created) {
        // Never started: just drop the frame.
        gen->state = GenState::Completed;
        return newref(interp.None);
    }
    bool ok = true;
    if (Object* yf = gen_delegate(gen)) {
        Ref<> keep = newref(yf);
        GenState saved = gen->state;
        gen->state = GenState::Executing;
        ok = close_delegate(ts, yf);
        gen->state = saved;
    }
    if (ok) raise_object(ts, interp.exc.GeneratorExit);
    Ref<> r = resume_throwing(ts, gen, true);
    if (r) return raise(ts, interp.exc.RuntimeError, std::string(kind_name(gen)) + " ignored GeneratorExit");
    if (error_matches(ts, interp.exc.StopIteration) || error_matches(ts, interp.exc.GeneratorExit)) {
        error_clear(ts);
        return newref(interp.None);
    }
    if (!error_occurred(ts)) return newref(interp.None);
    return nullptr;
}

static Ref<> gen_close_method(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    return gen_close(ts, static_cast<GenObject*>(self));
}

// tp_finalize (PEP 442, genobject.c: _PyGen_Finalize): a suspended
// generator is closed, so its finally blocks and with-statements run; a
// coroutine that never started warns that it was never awaited. Runs once
// per object, from dealloc or from the cycle collector.
static void gen_finalize(ThreadState* ts, Object* op) {
    auto* gen = static_cast<GenObject*>(op);
    Ref<> saved = error_fetch(ts);
    if (is_coroutine(gen) && gen->state == GenState::Created && (gen->gi_frame.code->co_flags & CO_COROUTINE)) {
        warn_unawaited_coroutine(ts, gen);
    } else if (gen->state == GenState::Suspended) {
        Ref<> r = gen_close(ts, gen);
        if (!r && error_occurred(ts)) report_unraisable(ts, op);
    }
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

// "<generator object f at 0x...>", "<coroutine object f at 0x...>", ...
static Ref<> gen_repr(ThreadState* ts, Object* op) {
    auto* gen = static_cast<GenObject*>(op);
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(op));
    return str_from_utf8(ts, "<" + type_of(op)->tp_name + " object " + std::string(str_utf8(gen->gi_qualname)) +
                                 " at " + addr + ">");
}

static Ref<> gen_iter(ThreadState*, Object* self) { return newref(self); }

static Ref<> gen_get_name(ThreadState*, Object* o) { return newref(static_cast<GenObject*>(o)->gi_name); }
static Ref<> gen_get_qualname(ThreadState*, Object* o) { return newref(static_cast<GenObject*>(o)->gi_qualname); }
static int gen_set_name(ThreadState* ts, Object* o, Object* v, Object** slot, const char* what) {
    if (!v || !is_str(v)) {
        raise(ts, ts->interp->exc.TypeError, std::string(what) + " must be set to a string object");
        return -1;
    }
    Object* old = *slot;
    *slot = newref(v).release();
    xdecref(old);
    (void)o;
    return 0;
}
static int gen_set_name_slot(ThreadState* ts, Object* o, Object* v) {
    return gen_set_name(ts, o, v, &static_cast<GenObject*>(o)->gi_name, "__name__");
}
static int gen_set_qualname_slot(ThreadState* ts, Object* o, Object* v) {
    return gen_set_name(ts, o, v, &static_cast<GenObject*>(o)->gi_qualname, "__qualname__");
}
static Ref<> gen_get_running(ThreadState* ts, Object* o) {
    return newref<Object>(static_cast<GenObject*>(o)->state == GenState::Executing ? ts->interp->True : ts->interp->False);
}
static Ref<> gen_get_code(ThreadState*, Object* o) { return newref<Object>(static_cast<GenObject*>(o)->gi_frame.code); }
static Ref<> gen_get_suspended(ThreadState* ts, Object* o) {
    return newref<Object>(static_cast<GenObject*>(o)->state == GenState::Suspended ? ts->interp->True : ts->interp->False);
}
static Ref<> gen_get_yieldfrom(ThreadState* ts, Object* o) {
    Object* yf = gen_delegate(static_cast<GenObject*>(o));
    return newref(yf ? yf : ts->interp->None);
}
static Ref<> gen_get_origin(ThreadState* ts, Object*) { return newref(ts->interp->None); }
static Ref<> ag_get_running(ThreadState* ts, Object* o) {
    return newref<Object>(static_cast<GenObject*>(o)->ag_running_async ? ts->interp->True : ts->interp->False);
}

// gi_frame: the generator's frame object, None once it has finished.
static Ref<> gen_get_frame(ThreadState* ts, Object* o) {
    auto* gen = static_cast<GenObject*>(o);
    if (gen->state == GenState::Completed) return newref(ts->interp->None);
    FrameObject* fo = frame_get_object(ts, &gen->gi_frame);
    return fo ? newref<Object>(fo) : nullptr;
}

static const GetSetDef gen_getsets[] = {
    {"gi_frame", gen_get_frame, nullptr, nullptr},
    {"__name__", gen_get_name, gen_set_name_slot, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname_slot, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, "object being iterated by yield from, or None"},
    {nullptr, nullptr, nullptr, nullptr},
};

static const GetSetDef coro_getsets[] = {
    {"__name__", gen_get_name, gen_set_name_slot, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname_slot, nullptr},
    {"cr_frame", gen_get_frame, nullptr, nullptr},
    {"cr_running", gen_get_running, nullptr, nullptr},
    {"cr_code", gen_get_code, nullptr, nullptr},
    {"cr_suspended", gen_get_suspended, nullptr, nullptr},
    {"cr_await", gen_get_yieldfrom, nullptr, "object being awaited on, or None"},
    {"cr_origin", gen_get_origin, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const GetSetDef async_gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name_slot, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname_slot, nullptr},
    {"ag_frame", gen_get_frame, nullptr, nullptr},
    {"ag_running", ag_get_running, nullptr, nullptr},
    {"ag_code", gen_get_code, nullptr, nullptr},
    {"ag_suspended", gen_get_suspended, nullptr, nullptr},
    {"ag_await", gen_get_yieldfrom, nullptr, "object being awaited on, or None"},
    {nullptr, nullptr, nullptr, nullptr},
};

// gen_sizeof: CPython 3.11's generator embeds its frame, so its size is the
// fixed part (152 bytes on 64-bit) plus one pointer per local, cell, free
// variable and value-stack slot of its code: a generator over ten thousand
// items is as small as one over ten.
static Ref<> gen_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    const CodeObject* co = static_cast<GenObject*>(self)->gi_frame.code;
    const TypeObject* t = type_of(self);
    return int_from_i64(ts, t->cpython.basicsize + t->cpython.itemsize * (co->co_nlocalsplus + co->co_stacksize));
}

static const MethodDef gen_methods[] = {
    {"__sizeof__", gen_sizeof, 0, "__sizeof__($self, /)\n--\n\nReturn the size of the generator in memory, in bytes."},
    {"send", gen_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_method, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", gen_close_method, 0, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

static const MethodDef coro_methods[] = {
    {"send", gen_send, 0, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw_method, 0, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine."},
    {"close", gen_close_method, 0, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr},
};

// The layout and life cycle every generator-like type shares.
static void init_gen_like(TypeObject* t) {
    t->tp_basicsize = isize(offsetof(GenObject, gi_frame) + offsetof(Frame, localsplus));
    t->tp_itemsize = sizeof(Object*);
    t->cpython = {152, 8, 0, 24};   // CPython 3.11's PyGenObject with its frame header
    t->tp_flags |= TPFLAGS_HAVE_GC;
    t->tp_dealloc = gen_dealloc;
    t->tp_traverse = gen_traverse;
    t->tp_finalize = gen_finalize;
    t->tp_weaklistoffset = weaklist_offset(&GenObject::gi_weakreflist);
    t->tp_repr = gen_repr;
}

bool init_generator_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.generator;
    init_gen_like(t);
    t->tp_iter = gen_iter;
    t->tp_iternext = gen_iternext;
    if (!type_add_methods(ts, t, gen_methods) || !type_add_getsets(ts, t, gen_getsets)) return false;
    // Coroutines and async generators: no __iter__/__next__ (they are
    // driven by await and async for); their protocols are added by
    // init_coroutine_types.
    isize size = t->tp_basicsize;
    interp.types.coroutine = type_new_builtin(interp, "coroutine", size, sizeof(Object*), interp.types.object, TPFLAGS_HAVE_GC);
    interp.types.async_generator =
        type_new_builtin(interp, "async_generator", size, sizeof(Object*), interp.types.object, TPFLAGS_HAVE_GC);
    if (!interp.types.coroutine || !interp.types.async_generator) return false;
    init_gen_like(interp.types.coroutine);
    init_gen_like(interp.types.async_generator);
    return type_add_methods(ts, interp.types.coroutine, coro_methods) &&
           type_add_getsets(ts, interp.types.coroutine, coro_getsets) &&
           type_add_getsets(ts, interp.types.async_generator, async_gen_getsets) && init_coroutine_types(ts);
}

}  // namespace gp
