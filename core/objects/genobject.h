// genobject.h — generators, coroutines and async generators: functions
// whose frame outlives a call.
//
// Mirrors CPython 3.11's Objects/genobject.c. Calling a generator function
// runs its code up to RETURN_GENERATOR, which moves the frame — locals,
// value stack, position — into a new generator object and returns that.
// Each next()/send() links the frame back onto the thread's frame chain and
// runs it until YIELD_VALUE (the frame is suspended again) or RETURN_VALUE
// (the generator is exhausted: StopIteration carries the return value).
//
// `async def` functions make coroutines and `async def` with `yield` makes
// async generators: the same object layout and the same resume machinery,
// with other types, other messages and other protocols on top (the
// coroutine and async-generator halves live in asyncgenobject.cpp).
#pragma once

#include "objects/object.h"
#include "runtime/frame.h"

namespace gp {

enum class GenState : uint8_t { Created, Suspended, Executing, Completed };

struct GenObject : Object {
    Object* gi_name;          // owned str
    Object* gi_qualname;      // owned str
    Object* gi_weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
    Object* gi_exc_value;     // owned, may be null: the exception its frame is handling while suspended
    GenState state;
    bool ag_closed;           // async generators: aclose() ran or the frame finished
    bool ag_running_async;    // async generators: an asend/athrow awaitable is in progress
    Frame gi_frame;           // the frame itself; its slots continue past the end (variable size)
};

bool is_generator(Object* o);         // exactly a generator
bool is_coroutine(Object* o);         // exactly a coroutine (async def)
bool is_async_generator(Object* o);   // exactly an async generator
inline GenObject* generator_of(Frame* f) {
    return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) - offsetof(GenObject, gi_frame));
}

// RETURN_GENERATOR: moves `f` into a new generator, coroutine or async
// generator (by its code's flags). `f` is left empty: the caller only
// frees its storage.
Ref<> generator_from_frame(ThreadState* ts, Frame* f);

// Resumes `gen` with `value` (next() is send(None)); with `throwing`, the
// exception already set is raised at the suspension point instead. Next:
// *result is the yielded value. Return: the frame finished, *result is its
// return value. Error: an exception is set. `closing` is set by close(),
// which may touch a finished coroutine without an error.
enum class SendResult { Next, Return, Error };
SendResult generator_send(ThreadState* ts, GenObject* gen, Object* value, Ref<>* result, bool throwing,
                          bool closing = false);

// The CPython-level views of the same operations (genobject.c: gen_send_ex,
// _gen_throw, gen_close): a yielded value, or null with the exception set —
// StopIteration(value) when a generator or coroutine returns,
// StopAsyncIteration when an async generator does.
Ref<> gen_send_value(ThreadState* ts, GenObject* gen, Object* value);
Ref<> gen_throw(ThreadState* ts, GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb);
Ref<> gen_close(ThreadState* ts, GenObject* gen);
// The awaitable or iterator the frame is delegating to (`yield from` /
// `await`), borrowed, or null (genobject.c: _PyGen_yf).
Object* gen_delegate(GenObject* gen);

bool init_generator_type(ThreadState* ts);

// asyncgenobject.cpp ------------------------------------------------------

// _PyCoro_GetAwaitableIter: what `await o` iterates — a coroutine itself,
// a generator marked by @types.coroutine, or the iterator o.__await__()
// returns. Null with TypeError otherwise.
Ref<> coro_get_awaitable_iter(ThreadState* ts, Object* o);
// ASYNC_GEN_WRAP's box around a value an async generator yields.
Ref<> async_gen_wrap_value(ThreadState* ts, Object* value);
// Shared with the coroutine/async-generator types: a coroutine's
// finalizer warns when it was never awaited.
void warn_unawaited_coroutine(ThreadState* ts, GenObject* coro);
bool init_coroutine_types(ThreadState* ts);

}  // namespace gp
