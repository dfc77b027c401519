// frame.h — interpreter frames and the per-thread stack they live on.
//
// Mirrors CPython 3.11's _PyInterpreterFrame (Include/internal/pycore_frame.h)
// and the thread's "data stack" (Python/pystate.c: _PyThreadState_PushFrame).
// A call from Python to a Python function pushes a Frame here and the eval
// loop simply continues with it — no C++ recursion — so the depth of Python
// recursion is bounded by sys.getrecursionlimit(), never by the C stack.
//
//   Frame layout:   [header][localsplus: locals | cells | frees][value stack]
//                            ^ co_nlocalsplus slots               ^ co_stacksize slots
#pragma once

#include <cstddef>
#include <vector>

#include "objects/object.h"

namespace gp {

struct CodeObject;
struct DictObject;
struct FrameObject;
struct FunctionObject;

// Where a frame's storage lives (CPython's _frameowner).
enum class FrameOwner : uint8_t {
    Thread,        // the thread's FrameStack: executing, or waiting for a callee
    Generator,     // inside a generator object, between and during its runs
    FrameObject,   // inside a frame object, after the frame ended (frameobject.h)
};

// Slots past the value stack (co_stacksize) that only the interpreter uses:
// CALL_FUNCTION_EX parks the keyword-names tuple it made there during the
// call, so that the stack accounts for everything the call holds
// (release_abandoned_frames, eval.h).
inline constexpr int kFrameScratchSlots = 1;

struct Frame {
    FunctionObject* func;    // owned, null for module-level code run directly
    CodeObject* code;        // owned
    DictObject* globals;     // owned
    DictObject* builtins;    // owned
    Object* locals;          // owned, may be null: namespace of module/class code
    Frame* previous;         // the caller (borrowed), null at the bottom
    int prev_instr;          // index of the last code unit started (lasti), -1 before the first
    int stacktop;            // values on the value stack; for the frame the eval loop is
                             // running (it keeps the level in a register) exact only if stack_saved
    FrameObject* frame_obj;  // owned, may be null: its Python object, made on demand (frameobject.h)
    bool is_entry;           // returning from this frame returns from eval_frame()
    bool stack_saved;        // stacktop is exact: stopped in a call that may block (eval.cpp)
    FrameOwner owner;        // where this struct's storage lives
    Object* localsplus[1];   // see layout above; unused slots are null

    Object** stack_base() { return localsplus + nlocalsplus(); }
    int nlocalsplus() const;
};

// Bump allocator for frames, in chunks, like CPython's datastack.
struct FrameStack {
    static constexpr std::size_t kChunkWords = 1 << 14;   // 128 KiB on 64-bit
    std::vector<void**> chunks;   // owned blocks of kChunkWords words
    std::size_t chunk = 0;        // index of the chunk in use
    std::size_t top = 0;          // words used in that chunk

    ~FrameStack();
    // Room for a frame with `slots` localsplus+stack slots; null if out of memory.
    Frame* push(std::size_t slots);
    void pop(Frame* f);
};

}  // namespace gp
