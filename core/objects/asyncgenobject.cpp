// asyncgenobject.cpp — the coroutine and async-generator protocols on top
// of the generator machinery (genobject.h).
//
// Mirrors the second half of CPython 3.11's Objects/genobject.c.
//
// A coroutine is a generator that `await` drives: `await c` delegates to
// it with the same SEND loop as `yield from`, and c.__await__() wraps it in
// an iterator for code that drives it by hand.
//
// An async generator's frame yields two kinds of values: a value of its own
// `yield v`, boxed by ASYNC_GEN_WRAP, and whatever an `await` inside it
// passes up to the event loop. __anext__()/asend() return an awaitable
// ("asend" object) that resumes the generator: a passing-up value is
// yielded on to the awaiter, while a boxed value ends the awaitable with
// StopIteration(v) — so `await agen.__anext__()` evaluates to v. athrow()
// and aclose() work the same way with an exception thrown in first.
#include "objects/genobject.h"

#include "gc/collector.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/warnings.h"

namespace gp {

// ------------------------------------------------------------ awaitables

// A generator made by @types.coroutine may be awaited like a coroutine.
static bool is_iterable_coroutine(Object* o) {
    return is_generator(o) && (static_cast<GenObject*>(o)->gi_frame.code->co_flags & CO_ITERABLE_COROUTINE);
}

Ref<> coro_get_awaitable_iter(ThreadState* ts, Object* o) {
    Interpreter& interp = *ts->interp;
    if (is_coroutine(o) || is_iterable_coroutine(o)) return newref(o);
    if (type_lookup(type_of(o), "__await__")) {
        Ref<> meth = lookup_special(ts, o, interp.intern("__await__"));
        if (!meth) return nullptr;
        Ref<> res = object_call_noargs(ts, meth.get());
        if (!res) return nullptr;
        if (is_coroutine(res.get()) || is_iterable_coroutine(res.get()))
            return raise(ts, interp.exc.TypeError, "__await__() returned a coroutine");
        if (!type_of(res.get())->tp_iternext)
            return raise(ts, interp.exc.TypeError,
                         std::string("__await__() returned non-iterator of type '") + type_name(res.get()) + "'");
        return res;
    }
    return raise(ts, interp.exc.TypeError,
                 std::string("object ") + type_name(o) + " can't be used in 'await' expression");
}

// _PyErr_WarnUnawaitedCoroutine: "RuntimeWarning: coroutine 'f' was never awaited".
void warn_unawaited_coroutine(ThreadState* ts, GenObject* coro) {
    std::string msg = "coroutine '" + std::string(str_utf8(coro->gi_qualname)) + "' was never awaited";
    if (!warn(ts, ts->interp->exc.RuntimeWarning, msg, 1, coro)) report_unraisable(ts, coro);
}

// ------------------------------------------------------------ coroutine_wrapper

// What coroutine.__await__() returns: an iterator over the coroutine.
struct CoroWrapperObject : Object {
    GenObject* cw_coroutine;   // owned
};

static GenObject* wrapped_coro(Object* o) { return static_cast<CoroWrapperObject*>(o)->cw_coroutine; }

static Ref<> coro_await(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__await__", kw) || !check_nargs(ts, "__await__", nargs, 0, 0)) return nullptr;
    Object* op = object_alloc(ts, ts->interp->types.coroutine_wrapper, 0);
    if (!op) return nullptr;
    static_cast<CoroWrapperObject*>(op)->cw_coroutine = static_cast<GenObject*>(newref(self).release());
    ts->interp->gc.track(op);
    return Ref<>::steal(op);
}

static void cw_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(wrapped_coro(op));
    object_free(op);
}
static int cw_traverse(Object* op, visitproc visit, void* arg) {
    Object* c = wrapped_coro(op);
    return c && visit(c, arg);
}
static Ref<> self_iter(ThreadState*, Object* self) { return newref(self); }
static Ref<> cw_iternext(ThreadState* ts, Object* self) {
    return gen_send_value(ts, wrapped_coro(self), ts->interp->None);
}
static Ref<> cw_send(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "send", kw) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
    return gen_send_value(ts, wrapped_coro(self), args[0]);
}
static Ref<> cw_throw(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "throw", kw) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
    return gen_throw(ts, wrapped_coro(self), true, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}
static Ref<> cw_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    return gen_close(ts, wrapped_coro(self));
}

static const MethodDef cw_methods[] = {
    {"send", cw_send, 0, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", cw_throw, 0, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine."},
    {"close", cw_close, 0, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr},
};

static const MethodDef coro_await_methods[] = {
    {"__await__", coro_await, 0, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ wrapped values

struct AsyncGenWrappedValue : Object {
    Object* agw_val;   // owned
};

Ref<> async_gen_wrap_value(ThreadState* ts, Object* value) {
    Object* op = object_alloc(ts, ts->interp->types.async_generator_wrapped_value, 0);
    if (!op) return nullptr;
    static_cast<AsyncGenWrappedValue*>(op)->agw_val = newref(value).release();
    ts->interp->gc.track(op);
    return Ref<>::steal(op);
}
static bool is_wrapped_value(Object* o) {
    return type_of(o) == type_of(o)->interp->types.async_generator_wrapped_value;
}
static void agw_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(static_cast<AsyncGenWrappedValue*>(op)->agw_val);
    object_free(op);
}
static int agw_traverse(Object* op, visitproc visit, void* arg) {
    Object* v = static_cast<AsyncGenWrappedValue*>(op)->agw_val;
    return v && visit(v, arg);
}

// async_gen_unwrap_value: what resuming the generator means for the
// awaitable. A boxed value of `yield` finishes the awaitable with
// StopIteration(value); the generator's end becomes StopAsyncIteration.
static Ref<> unwrap_value(ThreadState* ts, GenObject* gen, Ref<> result) {
    Interpreter& interp = *ts->interp;
    if (!result) {
        if (!error_occurred(ts)) raise_object(ts, interp.exc.StopAsyncIteration);
        if (error_matches(ts, interp.exc.StopAsyncIteration) || error_matches(ts, interp.exc.GeneratorExit))
            gen->ag_closed = true;
        gen->ag_running_async = false;
        return nullptr;
    }
    if (is_wrapped_value(result.get())) {
        Object* v = static_cast<AsyncGenWrappedValue*>(result.get())->agw_val;
        Ref<> stop = object_vectorcall(ts, interp.exc.StopIteration, &v, 1);
        if (stop) raise_object(ts, stop.get());
        gen->ag_running_async = false;
        return nullptr;
    }
    return result;
}

// ------------------------------------------------------------ asend

enum AwaitableState : int { kAwaitableInit, kAwaitableIter, kAwaitableClosed };

// The awaitable of __anext__() / asend(value).
struct AsyncGenASend : Object {
    GenObject* ags_gen;     // owned
    Object* ags_sendval;    // owned, may be null (None)
    int ags_state;          // AwaitableState
};

static AsyncGenASend* as_asend(Object* o) { return static_cast<AsyncGenASend*>(o); }

static Ref<> asend_new(ThreadState* ts, GenObject* gen, Object* sendval) {
    Object* op = object_alloc(ts, ts->interp->types.async_generator_asend, 0);
    if (!op) return nullptr;
    as_asend(op)->ags_gen = static_cast<GenObject*>(newref<Object>(gen).release());
    as_asend(op)->ags_sendval = sendval ? newref(sendval).release() : nullptr;
    as_asend(op)->ags_state = kAwaitableInit;
    ts->interp->gc.track(op);
    return Ref<>::steal(op);
}

static void asend_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_asend(op)->ags_gen);
    xdecref(as_asend(op)->ags_sendval);
    object_free(op);
}
static int asend_traverse(Object* op, visitproc visit, void* arg) {
    if (as_asend(op)->ags_gen && visit(as_asend(op)->ags_gen, arg)) return 1;
    return as_asend(op)->ags_sendval && visit(as_asend(op)->ags_sendval, arg);
}

static Ref<> asend_send_impl(ThreadState* ts, AsyncGenASend* o, Object* arg) {
    Interpreter& interp = *ts->interp;
    if (o->ags_state == kAwaitableClosed)
        return raise(ts, interp.exc.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (o->ags_state == kAwaitableInit) {
        if (o->ags_gen->ag_running_async)
            return raise(ts, interp.exc.RuntimeError, "anext(): asynchronous generator is already running");
        if (!arg || arg == interp.None) arg = o->ags_sendval;
        o->ags_state = kAwaitableIter;
    }
    o->ags_gen->ag_running_async = true;
    Ref<> result = gen_send_value(ts, o->ags_gen, arg ? arg : interp.None);
    result = unwrap_value(ts, o->ags_gen, std::move(result));
    if (!result) o->ags_state = kAwaitableClosed;
    return result;
}

static Ref<> asend_iternext(ThreadState* ts, Object* self) { return asend_send_impl(ts, as_asend(self), nullptr); }
static Ref<> asend_send(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "send", kw) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
    return asend_send_impl(ts, as_asend(self), args[0]);
}
static Ref<> asend_throw(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "throw", kw) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
    AsyncGenASend* o = as_asend(self);
    if (o->ags_state == kAwaitableClosed)
        return raise(ts, ts->interp->exc.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Ref<> result = gen_throw(ts, o->ags_gen, true, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
    result = unwrap_value(ts, o->ags_gen, std::move(result));
    if (!result) o->ags_state = kAwaitableClosed;
    return result;
}
static Ref<> asend_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    as_asend(self)->ags_state = kAwaitableClosed;
    return newref(ts->interp->None);
}
static Ref<> return_self(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__await__", kw) || !check_nargs(ts, "__await__", nargs, 0, 0)) return nullptr;
    return newref(self);
}

static const MethodDef asend_methods[] = {
    {"send", asend_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", asend_throw, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", asend_close, 0, "close() -> raise GeneratorExit inside generator."},
    {"__await__", return_self, 0, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ athrow / aclose

// The awaitable of athrow(...) and, with no arguments, of aclose().
struct AsyncGenAThrow : Object {
    GenObject* agt_gen;      // owned
    TupleObject* agt_args;   // owned; null for aclose()
    int agt_state;           // AwaitableState
};

static AsyncGenAThrow* as_athrow(Object* o) { return static_cast<AsyncGenAThrow*>(o); }

static Ref<> athrow_new(ThreadState* ts, GenObject* gen, TupleObject* args) {
    Object* op = object_alloc(ts, ts->interp->types.async_generator_athrow, 0);
    if (!op) return nullptr;
    as_athrow(op)->agt_gen = static_cast<GenObject*>(newref<Object>(gen).release());
    as_athrow(op)->agt_args = args ? static_cast<TupleObject*>(newref<Object>(args).release()) : nullptr;
    as_athrow(op)->agt_state = kAwaitableInit;
    ts->interp->gc.track(op);
    return Ref<>::steal(op);
}

static void athrow_dealloc(Object* op) {
    type_of(op)->interp->gc.untrack(op);
    xdecref(as_athrow(op)->agt_gen);
    xdecref(as_athrow(op)->agt_args);
    object_free(op);
}
static int athrow_traverse(Object* op, visitproc visit, void* arg) {
    if (as_athrow(op)->agt_gen && visit(as_athrow(op)->agt_gen, arg)) return 1;
    return as_athrow(op)->agt_args && visit(as_athrow(op)->agt_args, arg);
}

static const char kIgnoredExit[] = "async generator ignored GeneratorExit";

// aclose() is done when the generator stops: StopAsyncIteration and
// GeneratorExit become the StopIteration that ends the awaitable.
static Ref<> athrow_check_error(ThreadState* ts, AsyncGenAThrow* o) {
    Interpreter& interp = *ts->interp;
    o->agt_gen->ag_running_async = false;
    o->agt_state = kAwaitableClosed;
    if ((error_matches(ts, interp.exc.StopAsyncIteration) || error_matches(ts, interp.exc.GeneratorExit)) &&
        !o->agt_args) {
        error_clear(ts);
        raise_object(ts, interp.exc.StopIteration);
    }
    return nullptr;
}

static Ref<> athrow_yield_close(ThreadState* ts, AsyncGenAThrow* o) {
    o->agt_gen->ag_running_async = false;
    o->agt_state = kAwaitableClosed;
    return raise(ts, ts->interp->exc.RuntimeError, kIgnoredExit);
}

static Ref<> athrow_send_impl(ThreadState* ts, AsyncGenAThrow* o, Object* arg) {
    Interpreter& interp = *ts->interp;
    GenObject* gen = o->agt_gen;
    if (o->agt_state == kAwaitableClosed)
        return raise(ts, interp.exc.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (gen->state == GenState::Completed) {
        o->agt_state = kAwaitableClosed;
        raise_object(ts, interp.exc.StopIteration);
        return nullptr;
    }
    if (o->agt_state == kAwaitableInit) {
        if (gen->ag_running_async) {
            o->agt_state = kAwaitableClosed;
            return raise(ts, interp.exc.RuntimeError, o->agt_args
                                                          ? "athrow(): asynchronous generator is already running"
                                                          : "aclose(): asynchronous generator is already running");
        }
        if (gen->ag_closed) {
            o->agt_state = kAwaitableClosed;
            raise_object(ts, interp.exc.StopAsyncIteration);
            return nullptr;
        }
        if (arg != interp.None)
            return raise(ts, interp.exc.RuntimeError, "can't send non-None value to a just-started coroutine");
        o->agt_state = kAwaitableIter;
        gen->ag_running_async = true;
        Ref<> retval;
        if (!o->agt_args) {
            // aclose(): GeneratorExit goes in; a `yield` in reply is an error.
            gen->ag_closed = true;
            retval = gen_throw(ts, gen, false, interp.exc.GeneratorExit, nullptr, nullptr);
            if (retval && is_wrapped_value(retval.get())) return athrow_yield_close(ts, o);
        } else {
            TupleObject* a = o->agt_args;
            retval = gen_throw(ts, gen, false, a->ob_item[0], a->ob_size > 1 ? a->ob_item[1] : nullptr,
                               a->ob_size > 2 ? a->ob_item[2] : nullptr);
            retval = unwrap_value(ts, gen, std::move(retval));
        }
        if (!retval) return athrow_check_error(ts, o);
        return retval;
    }
    // Resumed after the generator awaited something while handling the throw.
    Ref<> retval = gen_send_value(ts, gen, arg);
    if (o->agt_args) return unwrap_value(ts, gen, std::move(retval));
    if (!retval) return athrow_check_error(ts, o);
    if (is_wrapped_value(retval.get())) return athrow_yield_close(ts, o);
    return retval;
}

static Ref<> athrow_iternext(ThreadState* ts, Object* self) {
    return athrow_send_impl(ts, as_athrow(self), ts->interp->None);
}
static Ref<> athrow_send(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "send", kw) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
    return athrow_send_impl(ts, as_athrow(self), args[0]);
}
static Ref<> athrow_throw(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "throw", kw) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
    Interpreter& interp = *ts->interp;
    AsyncGenAThrow* o = as_athrow(self);
    if (o->agt_state == kAwaitableClosed)
        return raise(ts, interp.exc.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    Ref<> retval = gen_throw(ts, o->agt_gen, true, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
    if (o->agt_args) return unwrap_value(ts, o->agt_gen, std::move(retval));
    // aclose() mode
    if (retval && is_wrapped_value(retval.get())) return athrow_yield_close(ts, o);
    if (!retval && (error_matches(ts, interp.exc.StopAsyncIteration) || error_matches(ts, interp.exc.GeneratorExit))) {
        error_clear(ts);
        raise_object(ts, interp.exc.StopIteration);
    }
    return retval;
}
static Ref<> athrow_close(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "close", kw) || !check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
    as_athrow(self)->agt_state = kAwaitableClosed;
    return newref(ts->interp->None);
}

static const MethodDef athrow_methods[] = {
    {"send", athrow_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", athrow_throw, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", athrow_close, 0, "close() -> raise GeneratorExit inside generator."},
    {"__await__", return_self, 0, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ async generator methods

static GenObject* as_gen(Object* o) { return static_cast<GenObject*>(o); }

static Ref<> ag_aiter(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__aiter__", kw) || !check_nargs(ts, "__aiter__", nargs, 0, 0)) return nullptr;
    return newref(self);
}
static Ref<> ag_anext(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__anext__", kw) || !check_nargs(ts, "__anext__", nargs, 0, 0)) return nullptr;
    return asend_new(ts, as_gen(self), nullptr);
}
static Ref<> ag_asend(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "asend", kw) || !check_nargs(ts, "asend", nargs, 1, 1)) return nullptr;
    return asend_new(ts, as_gen(self), args[0]);
}
static Ref<> ag_athrow(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "athrow", kw) || !check_nargs(ts, "athrow", nargs, 1, 3)) return nullptr;
    Ref<TupleObject> t = tuple_from_array(ts, args, nargs);
    if (!t) return nullptr;
    return athrow_new(ts, as_gen(self), t.get());
}
static Ref<> ag_aclose(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "aclose", kw) || !check_nargs(ts, "aclose", nargs, 0, 0)) return nullptr;
    return athrow_new(ts, as_gen(self), nullptr);
}

static const MethodDef async_gen_methods[] = {
    {"asend", ag_asend, 0, "asend(v) -> send 'v' in generator."},
    {"athrow", ag_athrow, 0, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", ag_aclose, 0, "aclose() -> raise GeneratorExit inside generator."},
    {"__aiter__", ag_aiter, 0, "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", ag_anext, 0, "Return a value or raise StopAsyncIteration."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ setup

bool init_coroutine_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    BuiltinTypes& t = interp.types;
    const uint64_t gc = TPFLAGS_HAVE_GC;
    t.coroutine_wrapper = type_new_builtin(interp, "coroutine_wrapper", sizeof(CoroWrapperObject), 0, t.object, gc);
    t.async_generator_asend = type_new_builtin(interp, "async_generator_asend", sizeof(AsyncGenASend), 0, t.object, gc);
    t.async_generator_athrow = type_new_builtin(interp, "async_generator_athrow", sizeof(AsyncGenAThrow), 0, t.object, gc);
    t.async_generator_wrapped_value =
        type_new_builtin(interp, "async_generator_wrapped_value", sizeof(AsyncGenWrappedValue), 0, t.object, gc);
    if (!t.coroutine_wrapper || !t.async_generator_asend || !t.async_generator_athrow || !t.async_generator_wrapped_value)
        return false;

    TypeObject* cw = t.coroutine_wrapper;
    cw->tp_dealloc = cw_dealloc;
    cw->tp_traverse = cw_traverse;
    cw->tp_iter = self_iter;
    cw->tp_iternext = cw_iternext;

    TypeObject* as = t.async_generator_asend;
    as->tp_dealloc = asend_dealloc;
    as->tp_traverse = asend_traverse;
    as->tp_iter = self_iter;
    as->tp_iternext = asend_iternext;

    TypeObject* at = t.async_generator_athrow;
    at->tp_dealloc = athrow_dealloc;
    at->tp_traverse = athrow_traverse;
    at->tp_iter = self_iter;
    at->tp_iternext = athrow_iternext;

    TypeObject* wv = t.async_generator_wrapped_value;
    wv->tp_dealloc = agw_dealloc;
    wv->tp_traverse = agw_traverse;

    return type_add_methods(ts, cw, cw_methods) && type_add_methods(ts, as, asend_methods) &&
           type_add_methods(ts, at, athrow_methods) && type_add_methods(ts, t.coroutine, coro_await_methods) &&
           type_add_methods(ts, t.async_generator, async_gen_methods);
}

}  // namespace gp
