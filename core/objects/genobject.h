// genobject.h — generators: functions whose frame outlives a call.
//
// Mirrors CPython 3.11's Objects/genobject.c. Calling a generator function
// runs its code up to RETURN_GENERATOR, which moves the frame — locals,
// value stack, position — into a new generator object and returns that.
// Each next()/send() links the frame back onto the thread's frame chain and
// runs it until YIELD_VALUE (the frame is suspended again) or RETURN_VALUE
// (the generator is exhausted: StopIteration carries the return value).
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
    Frame gi_frame;           // the frame itself; its slots continue past the end (variable size)
};

bool is_generator(Object* o);
inline GenObject* generator_of(Frame* f) {
    return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) - offsetof(GenObject, gi_frame));
}

// RETURN_GENERATOR: moves `f` (whose code is a generator) into a new
// generator object. `f` is left empty: the caller only frees its storage.
Ref<> generator_from_frame(ThreadState* ts, Frame* f);

// Resumes `gen` with `value` (next() is send(None)); with `exc` set, throws
// it in instead. Returns the yielded value, or null: with no exception set
// the generator returned None (exhausted, as tp_iternext reports); with
// StopIteration set it returned a value; otherwise it raised.
enum class SendResult { Next, Return, Error };
SendResult generator_send(ThreadState* ts, GenObject* gen, Object* value, Ref<>* result, bool throwing);

bool init_generator_type(ThreadState* ts);

}  // namespace gp
