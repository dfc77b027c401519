// eval.cpp — the bytecode interpreter loop.
//
// Mirrors CPython 3.11's Python/ceval.c (_PyEval_EvalFrameDefault). One C++
// activation of eval_frame() runs a whole chain of Python frames: CALL of a
// Python function pushes a Frame on the thread's FrameStack and jumps to
// `start_frame`; RETURN_VALUE pops it and resumes the caller. Only when the
// frame marked `is_entry` returns does eval_frame() return to C++. So Python
// recursion depth costs no C stack, and a RecursionError is raised cleanly
// at sys.getrecursionlimit().
//
// Exceptions: an instruction that fails jumps to `error`, which records a
// traceback entry and looks the failing instruction up in the code's
// exception table (3.11's zero-cost exception handling). Without a handler
// the frame is popped and the error propagates to the caller frame.
//
// The eval breaker: RESUME (function entry) and JUMP_BACKWARD (loops) check
// one atomic word; any set bit (interrupt, GIL drop request, pending GC)
// diverts to handle_eval_breaker().
//
// Re-entering the loop: WebAssembly engines compile a function twice, first
// quickly (V8's Liftoff) and, once it has run hot, again with the optimizing
// compiler (TurboFan); but a call already running keeps the code it started
// with (there is no on-stack replacement for WebAssembly). The activation
// that runs a program's main module would so run the whole program in
// baseline code, while a thread started later enters the loop afresh in
// optimized code, making the same Python code about 1.5x faster in a thread.
// So every `eval_reentry_interval` eval-breaker checks (Config; on in the
// wasm build, off natively) the loop saves its position in the frame as a
// call or a yield would, returns to eval_frame(), and is called again at the
// same instruction: a new activation that runs whatever code the engine now
// has. Nothing a program can observe changes.
//
// Dispatch sits behind the TARGET/DISPATCH macros. With GLASSPY_COMPUTED_GOTO
// (the native default; a CMake option) the hot instructions jump straight to
// the next handler through a label table, so every handler ends in its own
// indirect branch and the CPU predicts each one separately; everything else,
// and the whole loop when the option is off (the wasm build: WebAssembly has
// no indirect jumps, clang turns both forms into the same br_table), goes
// through one switch. See "Fast paths" below for what the loop does to run
// ordinary code quickly without changing any observable behaviour.
#include "runtime/eval.h"

#include <cstring>
#include <initializer_list>

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/dict_internal.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/exceptiongroup.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/setobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/sliceobject.h"
#include "modules/builtins.h"
#include "modules/modules.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/unicode_internal.h"
#include "bytecode/opcodes.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/green.h"
#include "runtime/tracing.h"
#include "runtime/interpreter.h"
#include "runtime/threads.h"

namespace gp {

// ------------------------------------------------------------ frames

// Pushes a frame for `code` and takes references to its parts. The locals
// and stack slots start empty (null). Returns null with an error set.
static Frame* push_frame(ThreadState* ts, CodeObject* code, FunctionObject* func, DictObject* globals,
                         DictObject* builtins, Object* locals) {
    Interpreter& interp = *ts->interp;
    if (ts->recursion_depth + 1 > interp.recursion_limit + (ts->recursion_headroom ? 50 : 0)) {
        ts->recursion_headroom++;
        raise(ts, interp.exc.RecursionError, "maximum recursion depth exceeded");
        ts->recursion_headroom--;
        return nullptr;
    }
    Frame* f = ts->frames->push(std::size_t(code->co_nlocalsplus + code->co_stacksize + kFrameScratchSlots));
    if (!f) {
        raise_no_memory(ts);
        return nullptr;
    }
    ts->recursion_depth++;
    f->func = func; xincref(func);
    f->code = code; incref(code);
    f->globals = globals; incref(globals);
    f->builtins = builtins; incref(builtins);
    f->locals = locals; xincref(locals);
    f->previous = nullptr;
    f->prev_instr = -1;
    f->stacktop = 0;
    f->frame_obj = nullptr;
    f->is_entry = false;
    f->stack_saved = false;
    f->owner = FrameOwner::Thread;
    for (int i = 0; i < code->co_nlocalsplus; i++) f->localsplus[i] = nullptr;
    return f;
}

// Releases everything a frame owns, then its storage. A generator's frame
// stays inside the generator object, emptied (code kept for introspection).
// A frame object that outlives the frame takes the locals instead.
static void pop_frame(ThreadState* ts, Frame* f) {
    Object** stack = f->stack_base();
    for (int i = f->stacktop - 1; i >= 0; i--) xdecref(stack[i]);
    f->stacktop = 0;
    if (f->owner == FrameOwner::Generator) f->previous = nullptr;   // a finished generator has no f_back
    if (f->frame_obj) frame_release_object(f);
    // Locals go in order of definition, as CPython's frame clearing does.
    for (int i = 0; i < f->code->co_nlocalsplus; i++) {
        Object* v = f->localsplus[i];
        f->localsplus[i] = nullptr;
        xdecref(v);
    }
    Object* locals = f->locals; f->locals = nullptr;
    DictObject* builtins = f->builtins; f->builtins = nullptr;
    DictObject* globals = f->globals; f->globals = nullptr;
    FunctionObject* func = f->func; f->func = nullptr;
    xdecref(locals);
    xdecref(builtins);
    xdecref(globals);
    xdecref(func);
    ts->recursion_depth--;
    if (f->owner == FrameOwner::Generator) {
        generator_of(f)->state = GenState::Completed;
        return;
    }
    CodeObject* code = f->code;
    ts->frames->pop(f);
    decref(code);
}

// ------------------------------------------------------------ arguments

static std::string func_qualname(FunctionObject* func) { return std::string(str_utf8(func->func_qualname)); }

// _PyObject_FunctionStr: how call errors name a callable — "mod.qualname()",
// "qualname()" for builtins, else str(func). Returns "" with an exception set
// if even str() fails.
static std::string function_str(ThreadState* ts, Object* func) {
    Ref<> qualname = object_getattr_cstr(ts, func, "__qualname__");
    if (!qualname || !is_str(qualname.get())) {
        error_clear(ts);
        Ref<> s = object_str(ts, func);
        return s ? std::string(str_utf8(s.get())) : std::string();
    }
    std::string result = std::string(str_utf8(qualname.get())) + "()";
    Ref<> module = object_getattr_cstr(ts, func, "__module__");
    if (!module) error_clear(ts);
    if (module && module.get() != ts->interp->None) {
        Ref<> m = object_str(ts, module.get());
        if (!m) return std::string();
        std::string ms(str_utf8(m.get()));
        if (ms != "builtins") result = ms + "." + result;
    }
    return result;
}

// format_kwargs_error: turn the errors of merging f(**x) into CPython's.
static void format_kwargs_error(ThreadState* ts, Object* func, Object* kwargs) {
    Interpreter& interp = *ts->interp;
    if (error_matches(ts, interp.exc.AttributeError)) {
        error_clear(ts);
        std::string fs = function_str(ts, func);
        if (!fs.empty())
            raise(ts, interp.exc.TypeError, fs + " argument after ** must be a mapping, not " + type_name(kwargs));
    } else if (error_matches(ts, interp.exc.KeyError)) {
        Ref<> exc = error_fetch(ts);
        auto* e = static_cast<BaseExceptionObject*>(exc.get());
        if (e->args && e->args->ob_size == 1) {
            std::string fs = function_str(ts, func);
            if (fs.empty()) return;
            Ref<> key = object_str(ts, e->args->ob_item[0]);
            if (!key) return;
            raise(ts, interp.exc.TypeError,
                  fs + " got multiple values for keyword argument '" + std::string(str_utf8(key.get())) + "'");
        } else {
            error_restore(ts, std::move(exc));
        }
    }
}

static std::string plural(int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

// Names in a list like CPython's format_missing: 'a', 'b' and 'c'.
static std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); i++) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

// An unknown keyword may be a positional-only parameter given by name:
// then the error names every such keyword, in parameter order (ceval.c:
// positional_only_passed_as_keyword). Returns true with TypeError set.
static bool posonly_passed_as_keyword(ThreadState* ts, FunctionObject* func, TupleObject* kwnames) {
    CodeObject* co = func->func_code;
    std::string names;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        auto* pname = as_str(co->co_localsplusnames->ob_item[k]);
        for (isize j = 0; j < kwnames->ob_size; j++) {
            Object* kw = kwnames->ob_item[j];
            if (kw != pname && !str_equal(pname, as_str(kw))) continue;
            if (!names.empty()) names += ", ";
            names += str_utf8(kw);
        }
    }
    if (names.empty()) return false;
    raise(ts, ts->interp->exc.TypeError, func_qualname(func) +
                                             "() got some positional-only arguments passed as keyword arguments: '" +
                                             names + "'");
    return true;
}

// Binds call arguments to the frame's parameters (ceval.c: initialize_locals).
// The frame takes new references. Returns false with TypeError set.
static bool bind_arguments(ThreadState* ts, Frame* f, FunctionObject* func, Object* const* args,
                           isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    CodeObject* co = func->func_code;
    Object** locals = f->localsplus;
    const int argcount = co->co_argcount;
    const int kwonly = co->co_kwonlyargcount;
    const int total = argcount + kwonly;
    const bool has_varargs = co->co_flags & CO_VARARGS;
    const bool has_varkw = co->co_flags & CO_VARKEYWORDS;
    TupleObject* names = co->co_localsplusnames;

    Ref<DictObject> kwdict;
    if (has_varkw) {
        kwdict = dict_new(ts);
        if (!kwdict) return false;
        locals[total + (has_varargs ? 1 : 0)] = kwdict.clone().release();
    }
    isize n = nargs < argcount ? nargs : argcount;
    for (isize i = 0; i < n; i++) locals[i] = newref(args[i]).release();
    if (has_varargs) {
        Ref<TupleObject> rest = tuple_from_array(ts, args + n, nargs > n ? nargs - n : 0);
        if (!rest) return false;
        locals[total] = rest.release();
    } else if (nargs > argcount) {
        int ndefaults = func->func_defaults ? int(func->func_defaults->ob_size) : 0;
        std::string given = std::to_string(nargs);
        std::string takes = ndefaults ? "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount)
                                      : std::to_string(argcount);
        std::string msg = func_qualname(func) + "() takes " + takes + " positional argument" +
                          (argcount == 1 && !ndefaults ? "" : "s") + " but " + given + (nargs == 1 ? " was" : " were") + " given";
        raise(ts, interp.exc.TypeError, msg);
        return false;
    }
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        Object* key = kwnames->ob_item[k];
        Object* value = args[nargs + k];
        int j = co->co_posonlyargcount;
        for (; j < total; j++) {
            Object* pname = names->ob_item[j];
            if (pname == key || str_equal(as_str(pname), as_str(key))) break;
        }
        if (j >= total) {
            if (kwdict) {
                if (!dict_set_item(ts, kwdict.get(), key, value)) return false;
                continue;
            }
            if (co->co_posonlyargcount && posonly_passed_as_keyword(ts, func, kwnames)) return false;
            raise(ts, interp.exc.TypeError, func_qualname(func) + "() got an unexpected keyword argument '" +
                                                std::string(str_utf8(key)) + "'");
            return false;
        }
        if (locals[j]) {
            raise(ts, interp.exc.TypeError, func_qualname(func) + "() got multiple values for argument '" +
                                                std::string(str_utf8(key)) + "'");
            return false;
        }
        locals[j] = newref(value).release();
    }
    // Defaults for missing positional parameters.
    int ndefaults = func->func_defaults ? int(func->func_defaults->ob_size) : 0;
    std::vector<std::string> missing;
    for (int i = 0; i < argcount; i++) {
        if (locals[i]) continue;
        int d = i - (argcount - ndefaults);
        if (d >= 0) locals[i] = newref(func->func_defaults->ob_item[d]).release();
        else missing.push_back(std::string(str_utf8(names->ob_item[i])));
    }
    if (!missing.empty()) {
        raise(ts, interp.exc.TypeError, func_qualname(func) + "() missing " +
                                            plural(int(missing.size()), "required positional argument") + ": " +
                                            quoted_list(missing));
        return false;
    }
    for (int i = argcount; i < total; i++) {
        if (locals[i]) continue;
        Object* name = names->ob_item[i];
        if (func->func_kwdefaults) {
            if (Object* v = dict_get_str(func->func_kwdefaults, as_str(name))) {
                locals[i] = newref(v).release();
                continue;
            }
        }
        missing.push_back(std::string(str_utf8(name)));
    }
    if (!missing.empty()) {
        raise(ts, interp.exc.TypeError, func_qualname(func) + "() missing " +
                                            plural(int(missing.size()), "required keyword-only argument") + ": " +
                                            quoted_list(missing));
        return false;
    }
    return true;
}

// Pushes and fills a frame for a call of a Python function.
static Frame* make_call_frame(ThreadState* ts, FunctionObject* func, Object* const* args, isize nargs,
                              TupleObject* kwnames) {
    Frame* f = push_frame(ts, func->func_code, func, func->func_globals, func->func_builtins, nullptr);
    if (!f) return nullptr;
    if (!bind_arguments(ts, f, func, args, nargs, kwnames)) {
        pop_frame(ts, f);
        return nullptr;
    }
    return f;
}

void release_abandoned_frames(ThreadState* ts) {
    // A frame that called a Python function in the same loop saved its
    // stack level then. The innermost frame of each loop (the thread's top
    // frame, or one whose callee was entered from C++) has an exact level
    // only inside a call that saved it (stack_saved); stopped anywhere else
    // in an instruction, its operands are left alone.
    bool innermost = true;
    while (Frame* f = ts->frame) {
        ts->frame = f->previous;
        if (innermost && !f->stack_saved) f->stacktop = 0;
        innermost = f->is_entry;
        pop_frame(ts, f);
    }
}

// SAVE_SP_FOR_CALL_WITH (run_frames): the level, then the non-null
// `extra` in the slots above it (at most into the scratch slot, frame.h).
static void save_stack_with(Frame* f, int level, std::initializer_list<Object*> extra) {
    Object** stack = f->stack_base();
    f->stacktop = level;
    for (Object* o : extra)
        if (o) stack[f->stacktop++] = o;
    f->stack_saved = true;
}

// ------------------------------------------------------------ helpers

static bool record_traceback(ThreadState* ts, Frame* f) {
    return traceback_add(ts, ts->curexc, f);
}

// Finds the handler covering code unit `index` (3.11 exception table).
static const ExceptionTableEntry* find_handler(CodeObject* co, int index) {
    for (const ExceptionTableEntry& e : co->exceptiontable)
        if (index >= e.start && index < e.end) return &e;
    return nullptr;
}

// format_exc_check_arg: the NameError remembers its name (NameError.name)
// so that the traceback can suggest a similar one.
static std::nullptr_t name_error(ThreadState* ts, Object* name) {
    raise(ts, ts->interp->exc.NameError, "name '" + std::string(str_utf8(name)) + "' is not defined");
    if (Object* exc = ts->curexc; exc && type_is_subtype(type_of(exc), ts->interp->exc.NameError)) {
        auto* e = static_cast<NameErrorObject*>(exc);
        if (!e->name) e->name = newref(name).release();
    }
    return nullptr;
}

// Handles whatever set the eval-breaker word. Returns false with an
// exception set (KeyboardInterrupt).
static bool handle_eval_breaker(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    uint32_t bits = interp.eval_breaker.load(std::memory_order_acquire);
    // On a green scheduler this bit is always set: every so many ticks the
    // scheduler looks at the clock and may run another fiber (green.cpp).
    if (bits & EVAL_GREEN_TICK) {
        if (interp.green->tick_due()) {
            interp.green->check();
            bits = interp.eval_breaker.load(std::memory_order_acquire);
        }
        if (bits == EVAL_GREEN_TICK) return true;
    }
    if (bits & EVAL_GC_SCHEDULED) {   // set by object_alloc (gc/collector.h)
        interp.eval_breaker.fetch_and(~uint32_t(EVAL_GC_SCHEDULED));
        gc_collect_scheduled(ts);
    }
    // Another thread has waited a switch interval for the GIL: hand it over
    // and queue up again (gil.cpp, "Asking the holder to let go").
    if (bits & EVAL_GIL_DROP) interp.gil->yield(ts);
    // KeyboardInterrupt goes to the main thread only; other threads leave
    // the bit for it (threads.cpp).
    if (bits & EVAL_INTERRUPT) return handle_interrupt(ts);
    return true;
}

// The class (or tuple of classes) of an `except` clause must derive from
// BaseException; `except*` may not name an exception group class
// (ceval.c: check_except_type_valid / check_except_star_type_valid).
static bool check_except_star_type(ThreadState* ts, Object* right) {
    Interpreter& interp = *ts->interp;
    std::vector<Object*> classes;
    if (type_of(right) == interp.types.tuple) {
        for (isize i = 0; i < as_tuple(right)->ob_size; i++) classes.push_back(as_tuple(right)->ob_item[i]);
    } else {
        classes.push_back(right);
    }
    for (Object* c : classes)
        if (!is_exception_class(c)) {
            raise(ts, interp.exc.TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
    for (Object* c : classes)
        if (type_is_subtype(static_cast<TypeObject*>(c), interp.exc.BaseExceptionGroup)) {
            raise(ts, interp.exc.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return false;
        }
    return true;
}

// ------------------------------------------------------------ the loop

static Ref<> eval_frame(ThreadState* ts, Frame* entry, bool throwflag = false);
static Ref<> run_frames(ThreadState* ts, bool throwflag, bool* reenter);

// Python-to-Python calls stay inside one eval loop, but a Python function
// called from C++ (a __repr__ called by repr(), a key function called by
// sorted()) starts a new one on the machine stack. sys.getrecursionlimit()
// counts those levels too, but a program may raise the limit past what the
// machine stack holds: natively 8 MB, in WebAssembly V8's stack of about
// 1 MB, which overflows near 1,500 nested loops. Past this many nested
// loops the call raises RecursionError instead, so no recursion limit can
// crash the interpreter (in WebAssembly the loops also count towards the
// engine-stack budget, interpreter.h). The stack left is also measured
// (c_stack_exhausted, cstack.cpp), which covers small thread stacks and the
// larger frames of sanitizer builds.
#ifdef __EMSCRIPTEN__
constexpr int kMaxEvalEntries = 700;
#else
constexpr int kMaxEvalEntries = 4000;
#endif

namespace {
struct EvalEntry {
    ThreadState* ts;
    bool ok;
    explicit EvalEntry(ThreadState* t) : ts(t), ok(t->c_eval_entries < kMaxEvalEntries && !c_stack_exhausted(t)) {
#ifdef __EMSCRIPTEN__
        if (engine_budget_exceeded(ts, kEngineEvalWeight)) ok = false;
#endif
        if (ok) {
            ts->c_eval_entries++;
#ifdef __EMSCRIPTEN__
            ts->engine_levels += kEngineEvalWeight;
#endif
        } else {
            raise(ts, ts->interp->exc.RecursionError, "maximum recursion depth exceeded");
        }
    }
    ~EvalEntry() {
        if (ok) {
            ts->c_eval_entries--;
#ifdef __EMSCRIPTEN__
            ts->engine_levels -= kEngineEvalWeight;
#endif
        }
    }
};
}  // namespace

Ref<> eval_code(ThreadState* ts, CodeObject* code, DictObject* globals, Object* locals) {
    Interpreter& interp = *ts->interp;
    DictObject* builtins = nullptr;
    if (Object* b = dict_get_cstr(ts, globals, "__builtins__")) {
        if (is_dict(b)) builtins = as_dict(b);
        else if (type_of(b) == interp.types.module) builtins = static_cast<ModuleObject*>(b)->md_dict;
    }
    if (!builtins) builtins = interp.builtins->md_dict;
    EvalEntry entry(ts);
    if (!entry.ok) return nullptr;
    Frame* f = push_frame(ts, code, nullptr, globals, builtins, locals);
    if (!f) return nullptr;
    return eval_frame(ts, f);
}

Ref<> eval_generator_frame(ThreadState* ts, Frame* f, bool throwing) {
    ts->recursion_depth++;
    if (ts->recursion_depth > ts->interp->recursion_limit) {
        ts->recursion_depth--;
        return raise(ts, ts->interp->exc.RecursionError, "maximum recursion depth exceeded");
    }
    EvalEntry entry(ts);
    if (!entry.ok) {
        ts->recursion_depth--;
        return nullptr;
    }
    return eval_frame(ts, f, throwing);
}

Ref<> eval_class_body(ThreadState* ts, Object* callable, Object* ns) {
    auto* func = static_cast<FunctionObject*>(callable);
    EvalEntry entry(ts);
    if (!entry.ok) return nullptr;
    Frame* f = push_frame(ts, func->func_code, func, func->func_globals, func->func_builtins, ns);
    if (!f) return nullptr;
    return eval_frame(ts, f);
}

Ref<> function_call(ThreadState* ts, Object* callable, Object* const* args, isize nargs, TupleObject* kwnames) {
    auto* func = static_cast<FunctionObject*>(callable);
    EvalEntry entry(ts);
    if (!entry.ok) return nullptr;
    Frame* f = make_call_frame(ts, func, args, nargs, kwnames);
    if (!f) return nullptr;
    return eval_frame(ts, f);
}

// ------------------------------------------------------------ fast paths
//
// The loop runs CPython 3.11's bytecode unchanged (dis output is CPython's),
// but the common cases skip the generic protocol machinery:
//  - BINARY_OP / COMPARE_OP on two exact ints of at most two 30-bit digits
//    compute in int64 (ceval.c's BINARY_OP_ADD_INT & co.); on two exact
//    floats (or a float and such an int) in double, reusing an operand that
//    only the stack holds instead of allocating (the float "in place" trick);
//  - a comparison followed by a conditional jump branches directly, without
//    materialising the bool (COMPARE_OP_*_JUMP);
//  - `s += t` / `s = s + t` on an unshared str grows it in place
//    (BINARY_OP_INPLACE_ADD_UNICODE), so string building is linear;
//  - list/tuple/dict subscripts with exact types;
//  - calls of plain Python functions with positional arguments move the
//    arguments from the caller's stack into the new frame (no refcount churn).
// Each falls back to the generic path whenever its preconditions fail, so
// results, errors and reference counts are those of the generic code.

// Cache code units after each instruction, known at compile time.
static constexpr int cache_entries(int op) {
    switch (op) {
#define OP(name, num, caches, effect, doc) case num: return caches;
#define PSEUDO(name, num, effect, doc)
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
    default: return 0;
    }
}
#define SKIP_CACHES(op) (next += cache_entries(op))

#ifndef GLASSPY_COMPUTED_GOTO
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
#define GLASSPY_COMPUTED_GOTO 1
#else
#define GLASSPY_COMPUTED_GOTO 0
#endif
#endif

#if GLASSPY_COMPUTED_GOTO
// The instructions that get a direct label; any other goes through the switch.
#define GLASSPY_HOT_OPS(X)                                                                   \
    X(NOP) X(RESUME) X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(POP_TOP) X(PUSH_NULL) X(COPY) \
    X(SWAP) X(LOAD_NAME) X(STORE_NAME) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(LOAD_ATTR)            \
    X(LOAD_METHOD) X(STORE_ATTR) X(BINARY_OP) X(UNARY_NEGATIVE) X(UNARY_NOT) X(COMPARE_OP)    \
    X(IS_OP) X(CONTAINS_OP) X(BINARY_SUBSCR) X(STORE_SUBSCR) X(BUILD_TUPLE) X(BUILD_LIST)     \
    X(LIST_APPEND) X(BUILD_MAP) X(BUILD_STRING) X(FORMAT_VALUE) X(UNPACK_SEQUENCE)           \
    X(GET_ITER) X(FOR_ITER) X(JUMP_FORWARD) X(JUMP_BACKWARD) X(POP_JUMP_FORWARD_IF_FALSE)     \
    X(POP_JUMP_FORWARD_IF_TRUE) X(POP_JUMP_BACKWARD_IF_FALSE) X(POP_JUMP_BACKWARD_IF_TRUE)    \
    X(POP_JUMP_FORWARD_IF_NONE) X(POP_JUMP_FORWARD_IF_NOT_NONE) X(JUMP_IF_FALSE_OR_POP)       \
    X(JUMP_IF_TRUE_OR_POP) X(KW_NAMES) X(PRECALL) X(CALL) X(MAKE_FUNCTION) X(RETURN_VALUE)     \
    X(LOAD_DEREF) X(STORE_DEREF) X(LOAD_CLOSURE) X(YIELD_VALUE) X(RETURN_GENERATOR) X(SEND)    \
    X(GET_YIELD_FROM_ITER) X(BUILD_SLICE) X(MAP_ADD) X(SET_ADD) X(MAKE_CELL) X(COPY_FREE_VARS)
// opcode -> position in the label table (0 = the switch).
static constexpr auto kLabelIndex = [] {
    struct { uint8_t at[256]; } t{};
    int i = 1;
#define GLASSPY_INDEX(op) t.at[op] = uint8_t(i++);
    GLASSPY_HOT_OPS(GLASSPY_INDEX)
#undef GLASSPY_INDEX
    return t;
}();
#define TARGET(op) case op: TARGET_##op:
// A plain goto (destructors of the handler's locals run), to one label whose
// computed goto the compiler copies into every handler.
#define DISPATCH() goto dispatch_next
#else
#define TARGET(op) case op:
#define DISPATCH() goto next_instruction
#endif
// The value stack is addressed through a local pointer `sp` (one past the
// top), kept in a register; the frame's `stacktop` is written back
// (SAVE_SP) whenever the frame is left — a call pushes a callee, a return,
// a yield, an exception unwinding out — and read back (LOAD_SP) when it is
// resumed. Any new path that leaves a frame must SAVE_SP first.
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define STACK_LEVEL() int(sp - stack)
#define SAVE_SP() (f->stacktop = STACK_LEVEL())
#define LOAD_SP() (sp = stack + f->stacktop)
// Around a call out of the loop that may block with the GIL released (a
// C function, the eval breaker's GIL handoff), the stack level is written
// back too and the frame says so (stack_saved) until the call returns: a
// daemon thread stopped there for good has its frames released exactly
// (release_abandoned_frames).
#define SAVE_SP_FOR_CALL() (SAVE_SP(), f->stack_saved = true)
#define UNSAVE_SP() (f->stack_saved = false)
// SAVE_SP_FOR_CALL for an instruction that popped references into C++
// locals before its call: they count as the stack's too meanwhile, in the
// slots above the level (their Refs give them back otherwise).
#define SAVE_SP_FOR_CALL_WITH(...) save_stack_with(f, STACK_LEVEL(), {__VA_ARGS__})
#define JUMPBY(n) (next += (n))

// The value of an exact int of at most two digits (|v| < 2**60), for the
// fast paths; false for anything else.
[[gnu::always_inline]] static inline bool small_int_value(Object* o, TypeObject* int_type, int64_t* out) {
    if (type_of(o) != int_type) return false;
    auto* v = static_cast<IntObject*>(o);
    isize n = v->ob_size;
    if (n == 0) { *out = 0; return true; }
    if (n == 1) { *out = int64_t(v->ob_digit[0]); return true; }
    if (n == -1) { *out = -int64_t(v->ob_digit[0]); return true; }
    if (n == 2 || n == -2) {
        int64_t m = int64_t(v->ob_digit[0]) | (int64_t(v->ob_digit[1]) << kDigitBits);
        *out = n > 0 ? m : -m;
        return true;
    }
    return false;
}

// The int result of a fast-path operation, without allocating when it can:
// small ints come from the cache, and an operand that only the stack holds
// (a temporary such as the `h * 31` of `h * 31 + x`) with the same number of
// digits is overwritten with the result. Null with MemoryError set.
static inline Object* int_result(ThreadState* ts, Interpreter& interp, int64_t z, Object* a, Object* b) {
    if (z >= Interpreter::kSmallIntMin && z <= Interpreter::kSmallIntMax && interp.small_ints[0]) {
        Object* r = interp.small_ints[z - Interpreter::kSmallIntMin];
        incref(r);
        return r;
    }
    uint64_t m = z < 0 ? uint64_t(0) - uint64_t(z) : uint64_t(z);
    isize nd = m < (uint64_t(1) << kDigitBits) ? 1 : m < (uint64_t(1) << (2 * kDigitBits)) ? 2 : 3;
    auto fits = [&](Object* o) {
        isize n = static_cast<IntObject*>(o)->ob_size;
        return o->ob_refcnt == 1 && (n == nd || n == -nd);
    };
    Object* r = fits(a) ? a : fits(b) ? b : nullptr;
    if (!r) return int_from_i64(ts, z).release();
    incref(r);   // the caller drops both operands
    auto* v = static_cast<IntObject*>(r);
    for (isize i = 0; i < nd; i++, m >>= kDigitBits) v->ob_digit[i] = digit(m & kDigitMask);
    v->ob_size = z < 0 ? -nd : nd;
    return r;
}

// a op b for the fast-path ints (|a|, |b| < 2**60). False when the operator
// or operands need the generic code (errors, big results, true division...).
static inline bool small_int_binop(int op, int64_t a, int64_t b, int64_t* r) {
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: *r = a + b; return true;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: *r = a - b; return true;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: return !__builtin_mul_overflow(a, b, r);
    case NB_AND: case NB_INPLACE_AND: *r = a & b; return true;
    case NB_OR: case NB_INPLACE_OR: *r = a | b; return true;
    case NB_XOR: case NB_INPLACE_XOR: *r = a ^ b; return true;
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE: {
        if (b == 0) return false;
        int64_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        *r = q;
        return true;
    }
    case NB_REMAINDER: case NB_INPLACE_REMAINDER: {
        if (b == 0) return false;
        int64_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        *r = m;
        return true;
    }
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
        if (b < 0) return false;
        *r = a >> (b > 63 ? 63 : b);
        return true;
    case NB_LSHIFT: case NB_INPLACE_LSHIFT:
        if (b < 0 || b > 62) return false;
        if (a == 0) { *r = 0; return true; }
        if ((a > 0 ? a : -a) >= (int64_t(1) << (62 - b))) return false;
        *r = a * (int64_t(1) << b);
        return true;
    default: return false;
    }
}

// a op b in double for the float fast path; false for operators (or a zero
// divisor) the generic code must handle.
static inline bool float_binop(int op, double a, double b, double* r) {
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: *r = a + b; return true;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: *r = a - b; return true;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: *r = a * b; return true;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return false;
        *r = a / b;
        return true;
    default: return false;
    }
}

// An exact float, or a fast-path int that converts to double exactly.
static inline bool float_operand(Object* o, Interpreter& interp, double* out) {
    if (type_of(o) == interp.types.float_) { *out = static_cast<FloatObject*>(o)->ob_fval; return true; }
    int64_t i;
    if (small_int_value(o, interp.types.int_, &i) && i > -(int64_t(1) << 53) && i < (int64_t(1) << 53)) {
        *out = double(i);
        return true;
    }
    return false;
}

// type_lookup, with its cache probe inlined (the hit is the common case).
[[gnu::always_inline]] static inline Object* lookup_in_type(Interpreter& interp, TypeObject* t, Object* name) {
    const TypeCacheEntry& e = interp.type_cache[type_cache_slot(t, name, Interpreter::kTypeCacheSize)];
    if (e.type == t && e.name == name && e.epoch == interp.type_epoch) return e.value;
    return type_lookup(t, name);
}

template <class T>
static inline bool compare_values(int op, T a, T b) {
    switch (op) {
    case Py_LT: return a < b;
    case Py_LE: return a <= b;
    case Py_EQ: return a == b;
    case Py_NE: return a != b;
    case Py_GT: return a > b;
    default: return a >= b;
    }
}

// A call from Python code while a profiler is set: built-in functions (and
// method descriptors called with a self) get 'c_call' and 'c_return' or
// 'c_exception' events around them (ceval.c: trace_call_function).
static Ref<> profiled_c_call(ThreadState* ts, Frame* f, Object* callable, Object* const* args, isize npos,
                             TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    Ref<> shown;   // what the profiler is told was called
    Object* const* call_args = args;
    isize call_npos = npos;
    Object* target = callable;
    if (type_of(callable) == interp.types.builtin_function) {
        shown = newref(callable);
    } else if (type_of(callable) == interp.types.method_descriptor && npos > 0) {
        // Bound to its self first, as the profiler sees `list.append(x)`.
        descrgetfunc get = type_of(callable)->tp_descr_get;
        shown = get ? get(ts, callable, args[0], type_of(args[0])) : nullptr;
        if (!shown) return nullptr;
        target = shown.get();
        call_args = args + 1;
        call_npos = npos - 1;
    } else {
        return object_vectorcall(ts, callable, args, npos, kw);
    }
    if (!profile_c_call(ts, f, shown.get())) return nullptr;
    Ref<> r = object_vectorcall(ts, target, call_args, call_npos, kw);
    if (!profile_c_return(ts, f, shown.get(), !r)) return nullptr;
    return r;
}

// One C++ activation of the loop, as seen from outside: `entry` becomes the
// frame whose return (or unwinding) ends it. run_frames() runs the chain of
// frames from the thread's current frame; when it stops only to be entered
// again ("Re-entering the loop" above) it sets `reenter`, and the frames are
// exactly where it left them.
static Ref<> eval_frame(ThreadState* ts, Frame* entry, bool throwflag) {
    entry->is_entry = true;
    entry->previous = ts->frame;
    ts->frame = entry;
    bool reenter = false;
    Ref<> result = run_frames(ts, throwflag, &reenter);
    while (reenter) {
        reenter = false;
        ts->interp->eval_reentries.fetch_add(1, std::memory_order_relaxed);
        result = run_frames(ts, false, &reenter);
    }
    return result;
}

// Checked at every eval-breaker point (RESUME and the backward jumps, where
// the instruction is complete and `next` is the one to run): first the
// breaker word, then the countdown to re-entering the loop. Leaving saves
// what a resumed frame reads back (the stack level, and prev_instr so that
// `next` is recomputed). Tracing is unaffected: the line events compare
// against the frame object's own record (f_trace_prev, tracing.cpp).
#define CHECK_EVAL_BREAKER()                                                          \
    do {                                                                              \
        if (interp.eval_breaker.load(std::memory_order_relaxed)) {                     \
            SAVE_SP_FOR_CALL();                                                       \
            bool breaker_ok = handle_eval_breaker(ts);                                \
            UNSAVE_SP();                                                              \
            if (!breaker_ok) goto error;                                              \
        }                                                                             \
        if (--reentry_ticks == 0) {                                                   \
            reentry_ticks = reentry_interval;                                         \
            if (reentry_on) {                                                         \
                f->prev_instr = int(next - first) - 1;                                \
                SAVE_SP();                                                            \
                *reenter = true;                                                      \
                return nullptr;                                                       \
            }                                                                         \
        }                                                                             \
    } while (0)

#if GLASSPY_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-label"
#endif
// noinline: the re-entry above only helps if this is a function of its own.
[[gnu::noinline]] static Ref<> run_frames(ThreadState* ts, bool throwflag, bool* reenter) {
    Interpreter& interp = *ts->interp;
#if GLASSPY_COMPUTED_GOTO
    static void* const kLabels[] = {
        &&dispatch_switch,
#define GLASSPY_LABEL(op) &&TARGET_##op,
        GLASSPY_HOT_OPS(GLASSPY_LABEL)
#undef GLASSPY_LABEL
    };
#endif
    // Eval-breaker checks left before this activation returns to
    // eval_frame() to be entered again; with re-entry off, a count that in
    // practice never runs out (and only starts again if it does).
    const bool reentry_on = interp.config.eval_reentry_interval > 0;
    const int reentry_interval = reentry_on ? interp.config.eval_reentry_interval : INT32_MAX;
    int reentry_ticks = reentry_interval;

    Frame* f;
    CodeObject* co;
    const uint16_t* first;
    const uint16_t* next;
    Object** stack;
    Object** sp;
    Object** locals;
    TupleObject* kwnames = nullptr;   // set by KW_NAMES for the next CALL
    Ref<> retval;

start_frame:
    f = ts->frame;
    co = f->code;
    first = co->code.data();
    next = first + (f->prev_instr + 1);
    stack = f->stack_base();
    LOAD_SP();
    locals = f->localsplus;
    if (throwflag) {
        // generator.throw(): the exception appears at the suspended instruction.
        throwflag = false;
        if (ts->use_tracing) {
            // The generator is entered, as CPython's TRACE_FUNCTION_THROW_ENTRY
            // reports it, with the exception put aside meanwhile.
            Ref<> pending = error_fetch(ts);
            if (trace_call_event(ts, f)) error_restore(ts, std::move(pending));
        }
        goto error;
    }

next_instruction:
    for (;;) {
        f->prev_instr = int(next - first);
        uint16_t word = *next++;
        int opcode = (word & 0xFF) | ts->use_tracing;
        int oparg = word >> 8;
#if GLASSPY_COMPUTED_GOTO
        if (false) {
        dispatch_next:
            f->prev_instr = int(next - first);
            word = *next++;
            opcode = word & 0xFF;
            oparg = word >> 8;
            opcode |= ts->use_tracing;   // 255 (DO_TRACING) while a trace or profile hook is set
            goto *kLabels[kLabelIndex.at[opcode]];
        }
    dispatch_switch:
#endif
    dispatch_opcode:
        switch (opcode) {
        TARGET(NOP) { DISPATCH(); }

        case DO_TRACING: {
            // A trace or profile hook is set (tracing.h): report the event
            // this instruction starts, then run the instruction itself.
            opcode = next[-1] & 0xFF;
            if (ts->tracing == 0) {
                SAVE_SP();
                bool ok = opcode == RESUME ? trace_call_event(ts, f) : trace_instruction(ts, f);
                LOAD_SP();
                if (!ok) goto error;
            }
            goto dispatch_opcode;
        }
        TARGET(CACHE) { DISPATCH(); }

        TARGET(RESUME) {
            CHECK_EVAL_BREAKER();
            DISPATCH();
        }

        TARGET(EXTENDED_ARG) {
            uint16_t w = *next++;
            opcode = w & 0xFF;
            oparg = (oparg << 8) | (w >> 8);
            goto dispatch_opcode;
        }

        TARGET(LOAD_CONST) {
            Object* v = co->co_consts->ob_item[oparg];
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_FAST) {
            Object* v = locals[oparg];
            if (!v) {
                raise(ts, interp.exc.UnboundLocalError,
                      "cannot access local variable '" +
                          std::string(str_utf8(co->co_localsplusnames->ob_item[oparg])) +
                          "' where it is not associated with a value");
                goto error;
            }
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_FAST) {
            Object* v = POP();
            Object* old = locals[oparg];
            locals[oparg] = v;
            xdecref(old);
            DISPATCH();
        }

        TARGET(DELETE_FAST) {
            Object* old = locals[oparg];
            if (!old) {
                raise(ts, interp.exc.UnboundLocalError,
                      "cannot access local variable '" +
                          std::string(str_utf8(co->co_localsplusnames->ob_item[oparg])) +
                          "' where it is not associated with a value");
                goto error;
            }
            locals[oparg] = nullptr;
            decref(old);
            DISPATCH();
        }

        TARGET(POP_TOP) {
            decref(POP());
            DISPATCH();
        }

        TARGET(PUSH_NULL) {
            PUSH(nullptr);
            DISPATCH();
        }

        TARGET(COPY) {
            Object* v = PEEK(oparg);
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(SWAP) {
            Object* top = TOP();
            SET_TOP(PEEK(oparg));
            PEEK(oparg) = top;
            DISPATCH();
        }

        TARGET(STORE_NAME) {
            Object* name = co->co_names->ob_item[oparg];
            Ref<> v = Ref<>::steal(POP());
            if (!f->locals) {
                raise(ts, interp.exc.SystemError, "no locals found when storing " + std::string(str_utf8(name)));
                goto error;
            }
            if (isinstance_exact(f->locals, interp.types.dict)) {   // a dict subclass (__prepare__) gets __setitem__
                if (!dict_set_item(ts, as_dict(f->locals), name, v.get())) goto error;
            } else if (object_setitem(ts, f->locals, name, v.get()) < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_NAME) {
            Object* name = co->co_names->ob_item[oparg];
            if (!f->locals || object_delitem(ts, f->locals, name) < 0) {
                error_clear(ts);
                name_error(ts, name);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_NAME) {
            Object* name = co->co_names->ob_item[oparg];
            Object* v = nullptr;
            if (f->locals) {
                if (isinstance_exact(f->locals, interp.types.dict)) {
                    v = dict_get_item(ts, as_dict(f->locals), name);
                    if (!v && error_occurred(ts)) goto error;
                } else {
                    Ref<> r = object_getitem(ts, f->locals, name);
                    if (r) { PUSH(r.release()); DISPATCH(); }
                    if (!error_matches(ts, interp.exc.KeyError)) goto error;
                    error_clear(ts);
                }
            }
            if (!v) v = dict_get_str(f->globals, as_str(name));
            if (!v) v = dict_get_str(f->builtins, as_str(name));
            if (!v) { name_error(ts, name); goto error; }
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL) {
            // Cached by (name, globals) and the two dicts' versions, which
            // change with every store into either (Interpreter lookup caches).
            Object* name = co->co_names->ob_item[oparg >> 1];
            DictObject* globals = f->globals;
            DictObject* builtins = f->builtins;
            GlobalCacheEntry& e = interp.global_cache[((reinterpret_cast<uintptr_t>(name) >> 4) ^
                                                       (reinterpret_cast<uintptr_t>(globals) >> 6)) &
                                                      (Interpreter::kGlobalCacheSize - 1)];
            Object* v;
            if (e.name == name && e.globals_version == globals->ma_version &&
                e.builtins_version == builtins->ma_version) {
                v = e.value;
            } else {
                v = dict_get_str(globals, as_str(name));
                if (!v) v = dict_get_str(builtins, as_str(name));
                if (!v) { name_error(ts, name); goto error; }
                if (as_str(name)->interned && type_of(name) == interp.types.str) {
                    incref(name);
                    Object* old = e.name;
                    e.name = name;
                    e.globals_version = globals->ma_version;
                    e.builtins_version = builtins->ma_version;
                    e.value = v;
                    xdecref(old);
                }
            }
            if (oparg & 1) PUSH(nullptr);
            incref(v);
            PUSH(v);
            SKIP_CACHES(LOAD_GLOBAL);
            DISPATCH();
        }

        TARGET(STORE_GLOBAL) {
            Object* name = co->co_names->ob_item[oparg];
            Ref<> v = Ref<>::steal(POP());
            if (!dict_set_item(ts, f->globals, name, v.get())) goto error;
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL) {
            Object* name = co->co_names->ob_item[oparg];
            if (!dict_del_item(ts, f->globals, name)) {
                if (error_matches(ts, interp.exc.KeyError)) { error_clear(ts); name_error(ts, name); }
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_ATTR) {
            Object* name = co->co_names->ob_item[oparg];
            {
                // An instance attribute of an ordinary object: what
                // generic_getattr does when the type has no data descriptor
                // for the name, reading the dict entry the hint points at.
                Object* owner = TOP();
                TypeObject* t = type_of(owner);
                if (t->tp_getattro == generic_getattr && t->tp_dictoffset > 0) {
                    Object* dict = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + t->tp_dictoffset);
                    if (dict && type_of(dict) == interp.types.dict) {
                        Object* descr = lookup_in_type(interp, t, name);
                        if (!descr || !type_of(descr)->tp_descr_set) {
                            uint32_t& hint = interp.attr_hints[(reinterpret_cast<uintptr_t>(next) >> 1) &
                                                               (Interpreter::kAttrHintSize - 1)];
                            Object* v = dict_hint_value(as_dict(dict), hint, name);
                            if (!v) {
                                isize ix = dict_index_of_identity(as_dict(dict), name);
                                if (ix >= 0) { hint = uint32_t(ix); v = dict_hint_value(as_dict(dict), ix, name); }
                            }
                            if (v) {
                                incref(v);
                                SET_TOP(v);
                                decref(owner);
                                SKIP_CACHES(LOAD_ATTR);
                                DISPATCH();
                            }
                        }
                    }
                }
            }
            Ref<> owner = Ref<>::steal(POP());
            Ref<> v = object_getattr(ts, owner.get(), name);
            if (!v) goto error;
            PUSH(v.release());
            SKIP_CACHES(LOAD_ATTR);
            DISPATCH();
        }

        TARGET(LOAD_METHOD) {
            // Pushes (method, self) when the attribute is a plain function or
            // method descriptor found on the type — saving the bound-method
            // object — and (NULL, attribute) otherwise.
            Object* name = co->co_names->ob_item[oparg];
            Object* owner = TOP();
            TypeObject* t = type_of(owner);
            Object* meth = t->tp_getattro == generic_getattr ? lookup_in_type(interp, t, name) : nullptr;
            if (meth && (type_of(meth) == interp.types.function || type_of(meth) == interp.types.method_descriptor)) {
                Object** dictptr = object_dict_ptr(owner);
                if (!dictptr || !*dictptr || !dict_get_str(as_dict(*dictptr), as_str(name))) {
                    incref(meth);
                    SET_TOP(meth);
                    PUSH(owner);
                    SKIP_CACHES(LOAD_METHOD);
                    DISPATCH();
                }
            }
            Ref<> v = object_getattr(ts, owner, name);
            if (!v) goto error;
            SET_TOP(nullptr);
            decref(owner);
            PUSH(v.release());
            SKIP_CACHES(LOAD_METHOD);
            DISPATCH();
        }

        TARGET(STORE_ATTR) {
            Object* name = co->co_names->ob_item[oparg];
            {
                // Rebinding an existing instance attribute (generic_setattr
                // with no data descriptor on the type): replace the value in
                // the dict entry the hint points at.
                Object* owner = TOP();
                TypeObject* t = type_of(owner);
                if (t->tp_setattro == generic_setattr && t->tp_dictoffset > 0) {
                    Object* dict = *reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + t->tp_dictoffset);
                    if (dict && type_of(dict) == interp.types.dict) {
                        Object* descr = lookup_in_type(interp, t, name);
                        if (!descr || !type_of(descr)->tp_descr_set) {
                            uint32_t& hint = interp.attr_hints[(reinterpret_cast<uintptr_t>(next) >> 1) &
                                                               (Interpreter::kAttrHintSize - 1)];
                            bool done = dict_replace_at(as_dict(dict), hint, name, PEEK(2));
                            if (!done) {
                                isize ix = dict_index_of_identity(as_dict(dict), name);
                                if (ix >= 0) {
                                    hint = uint32_t(ix);
                                    done = dict_replace_at(as_dict(dict), ix, name, PEEK(2));
                                }
                            }
                            if (done) {
                                Object* v = PEEK(2);
                                sp -= 2;
                                decref(owner);
                                decref(v);
                                SKIP_CACHES(STORE_ATTR);
                                DISPATCH();
                            }
                        }
                    }
                }
            }
            Ref<> owner = Ref<>::steal(POP());
            Ref<> v = Ref<>::steal(POP());
            if (object_setattr(ts, owner.get(), name, v.get()) < 0) goto error;
            SKIP_CACHES(STORE_ATTR);
            DISPATCH();
        }

        TARGET(DELETE_ATTR) {
            Object* name = co->co_names->ob_item[oparg];
            Ref<> owner = Ref<>::steal(POP());
            if (object_setattr(ts, owner.get(), name, nullptr) < 0) goto error;
            DISPATCH();
        }

        TARGET(BINARY_OP) {
            Object* a = PEEK(2);
            Object* b = TOP();
            {
                int64_t x, y, z;
                if (small_int_value(a, interp.types.int_, &x) && small_int_value(b, interp.types.int_, &y) &&
                    small_int_binop(oparg, x, y, &z)) {
                    Object* r = int_result(ts, interp, z, a, b);
                    if (!r) goto error;
                    sp -= 2;
                    decref(a);
                    decref(b);
                    PUSH(r);
                    SKIP_CACHES(BINARY_OP);
                    DISPATCH();
                }
                double p, q, d;
                if ((type_of(a) == interp.types.float_ || type_of(b) == interp.types.float_) &&
                    float_operand(a, interp, &p) && float_operand(b, interp, &q) && float_binop(oparg, p, q, &d)) {
                    // A float operand that only the stack holds becomes the result.
                    Object* r;
                    if (a->ob_refcnt == 1 && type_of(a) == interp.types.float_) {
                        r = a; decref(b);
                    } else if (b->ob_refcnt == 1 && type_of(b) == interp.types.float_) {
                        r = b; decref(a);
                    } else {
                        Ref<> fresh = float_from_double(ts, d);
                        if (!fresh) goto error;
                        r = fresh.release();
                        decref(a);
                        decref(b);
                    }
                    static_cast<FloatObject*>(r)->ob_fval = d;
                    sp -= 2;
                    PUSH(r);
                    SKIP_CACHES(BINARY_OP);
                    DISPATCH();
                }
                if ((oparg == NB_ADD || oparg == NB_INPLACE_ADD) && type_of(a) == interp.types.str &&
                    type_of(b) == interp.types.str) {
                    // `s += t` where s is a local: let go of the local's reference
                    // first so that s is unshared and can grow in place.
                    const uint16_t after = next[cache_entries(BINARY_OP)];
                    Object** target = nullptr;
                    if ((after & 0xFF) == STORE_FAST && locals[after >> 8] == a && a->ob_refcnt == 2) {
                        target = &locals[after >> 8];
                        *target = nullptr;
                        decref(a);
                    }
                    Object* left = a;
                    if (str_append_inplace(ts, &left, b)) {
                        sp -= 2;
                        decref(b);
                        PUSH(left);
                        SKIP_CACHES(BINARY_OP);
                        DISPATCH();
                    }
                    if (target) { incref(a); *target = a; }   // put it back; take the generic path
                }
            }
            Ref<> rhs = Ref<>::steal(POP());
            Ref<> lhs = Ref<>::steal(POP());
            Ref<> r = number_binary_op(ts, lhs.get(), rhs.get(), oparg);
            if (!r) goto error;
            PUSH(r.release());
            SKIP_CACHES(BINARY_OP);
            DISPATCH();
        }

        TARGET(UNARY_NEGATIVE) {
            Ref<> v = Ref<>::steal(POP());
            Ref<> r = number_negative(ts, v.get());
            if (!r) goto error;
            PUSH(r.release());
            DISPATCH();
        }
        TARGET(UNARY_POSITIVE) {
            Ref<> v = Ref<>::steal(POP());
            Ref<> r = number_positive(ts, v.get());
            if (!r) goto error;
            PUSH(r.release());
            DISPATCH();
        }
        TARGET(UNARY_INVERT) {
            Ref<> v = Ref<>::steal(POP());
            Ref<> r = number_invert(ts, v.get());
            if (!r) goto error;
            PUSH(r.release());
            DISPATCH();
        }
        TARGET(UNARY_NOT) {
            Ref<> v = Ref<>::steal(POP());
            int t = object_is_true(ts, v.get());
            if (t < 0) goto error;
            Object* r = t ? static_cast<Object*>(interp.False) : interp.True;
            incref(r);
            PUSH(r);
            DISPATCH();
        }

        TARGET(COMPARE_OP) {
            {
                Object* a = PEEK(2);
                Object* b = TOP();
                int res = -1;
                int64_t x, y;
                if (small_int_value(a, interp.types.int_, &x) && small_int_value(b, interp.types.int_, &y)) {
                    res = compare_values(oparg, x, y);
                } else if (type_of(a) == interp.types.float_ && type_of(b) == interp.types.float_) {
                    res = compare_values(oparg, static_cast<FloatObject*>(a)->ob_fval,
                                         static_cast<FloatObject*>(b)->ob_fval);
                } else if ((oparg == Py_EQ || oparg == Py_NE) && type_of(a) == interp.types.str &&
                           type_of(b) == interp.types.str) {
                    res = (a == b || str_equal(as_str(a), as_str(b))) == (oparg == Py_EQ);
                }
                if (res >= 0) {
                    sp -= 2;
                    decref(a);
                    decref(b);
                    SKIP_CACHES(COMPARE_OP);
                    // A conditional jump right after uses the result directly.
                    const uint16_t jump = *next;
                    const int jop = jump & 0xFF;
                    if (jop == POP_JUMP_FORWARD_IF_FALSE || jop == POP_JUMP_FORWARD_IF_TRUE) {
                        next++;
                        if (res == (jop == POP_JUMP_FORWARD_IF_TRUE)) JUMPBY(jump >> 8);
                        DISPATCH();
                    }
                    if (jop == POP_JUMP_BACKWARD_IF_FALSE || jop == POP_JUMP_BACKWARD_IF_TRUE) {
                        next++;
                        if (res == (jop == POP_JUMP_BACKWARD_IF_TRUE)) {
                            JUMPBY(-(jump >> 8));
                            // The jump closes a loop (`while i < n:`, or `if
                            // t >= end: break` at a loop's end), so the eval
                            // breaker is checked as the unfused jump does it:
                            // without this such a loop never lets go of the GIL.
                            CHECK_EVAL_BREAKER();
                        }
                        DISPATCH();
                    }
                    Object* r = res ? static_cast<Object*>(interp.True) : interp.False;
                    incref(r);
                    PUSH(r);
                    DISPATCH();
                }
            }
            Ref<> rhs = Ref<>::steal(POP());
            Ref<> lhs = Ref<>::steal(POP());
            Ref<> r = object_richcompare(ts, lhs.get(), rhs.get(), CompareOp(oparg));
            if (!r) goto error;
            PUSH(r.release());
            SKIP_CACHES(COMPARE_OP);
            DISPATCH();
        }

        TARGET(IS_OP) {
            Ref<> rhs = Ref<>::steal(POP());
            Ref<> lhs = Ref<>::steal(POP());
            bool res = (lhs.get() == rhs.get()) ^ (oparg != 0);
            Object* r = res ? static_cast<Object*>(interp.True) : interp.False;
            incref(r);
            PUSH(r);
            DISPATCH();
        }

        TARGET(CONTAINS_OP) {
            Ref<> container = Ref<>::steal(POP());
            Ref<> item = Ref<>::steal(POP());
            int res = sequence_contains(ts, container.get(), item.get());
            if (res < 0) goto error;
            Object* r = (res ^ oparg) ? static_cast<Object*>(interp.True) : interp.False;
            incref(r);
            PUSH(r);
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR) {
            {
                Object* container = PEEK(2);
                Object* sub = TOP();
                TypeObject* ct = type_of(container);
                int64_t i;
                Object* item = nullptr;
                if ((ct == interp.types.list || ct == interp.types.tuple) &&
                    small_int_value(sub, interp.types.int_, &i)) {
                    isize n = static_cast<VarObject*>(container)->ob_size;
                    if (i < 0) i += n;
                    if (i >= 0 && i < n)
                        item = ct == interp.types.list ? as_list(container)->ob_item[i] : as_tuple(container)->ob_item[i];
                }
                if (item) {
                    incref(item);
                    sp -= 2;
                    decref(container);
                    decref(sub);
                    PUSH(item);
                    SKIP_CACHES(BINARY_SUBSCR);
                    DISPATCH();
                }
            }
            Ref<> sub = Ref<>::steal(POP());
            Ref<> container = Ref<>::steal(POP());
            Ref<> r = object_getitem(ts, container.get(), sub.get());
            if (!r) goto error;
            PUSH(r.release());
            SKIP_CACHES(BINARY_SUBSCR);
            DISPATCH();
        }

        TARGET(STORE_SUBSCR) {
            {
                Object* sub = TOP();
                Object* container = PEEK(2);
                int64_t i;
                if (type_of(container) == interp.types.list && small_int_value(sub, interp.types.int_, &i)) {
                    ListObject* l = as_list(container);
                    if (i < 0) i += l->ob_size;
                    if (i >= 0 && i < l->ob_size) {
                        Object* old = l->ob_item[i];
                        l->ob_item[i] = PEEK(3);   // the list takes the stack's reference
                        sp -= 3;
                        decref(old);
                        decref(container);
                        decref(sub);
                        SKIP_CACHES(STORE_SUBSCR);
                        DISPATCH();
                    }
                }
            }
            Ref<> sub = Ref<>::steal(POP());
            Ref<> container = Ref<>::steal(POP());
            Ref<> v = Ref<>::steal(POP());
            if (object_setitem(ts, container.get(), sub.get(), v.get()) < 0) goto error;
            SKIP_CACHES(STORE_SUBSCR);
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR) {
            Ref<> sub = Ref<>::steal(POP());
            Ref<> container = Ref<>::steal(POP());
            if (object_delitem(ts, container.get(), sub.get()) < 0) goto error;
            DISPATCH();
        }

        TARGET(BUILD_TUPLE) {
            Ref<TupleObject> t = tuple_new(ts, oparg);
            if (!t) goto error;
            for (int i = oparg - 1; i >= 0; i--) t->ob_item[i] = POP();
            PUSH(t.release());
            DISPATCH();
        }

        TARGET(BUILD_LIST) {
            Ref<ListObject> l = list_new(ts, oparg);
            if (!l) goto error;
            for (int i = oparg - 1; i >= 0; i--) l->ob_item[i] = POP();
            PUSH(l.release());
            DISPATCH();
        }

        TARGET(LIST_APPEND) {
            Ref<> v = Ref<>::steal(POP());
            if (!list_append(ts, as_list(PEEK(oparg)), v.get())) goto error;
            DISPATCH();
        }

        TARGET(BUILD_MAP) {
            Ref<DictObject> d = dict_new(ts);
            if (!d) goto error;
            for (int i = oparg; i > 0; i--) {
                if (!dict_set_item(ts, d.get(), PEEK(2 * i), PEEK(2 * i - 1))) goto error;
            }
            for (int i = 0; i < 2 * oparg; i++) decref(POP());
            PUSH(d.release());
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP) {
            Ref<> keys = Ref<>::steal(POP());
            Ref<DictObject> d = dict_new(ts);
            if (!d) goto error;
            for (int i = 0; i < oparg; i++) {
                if (!dict_set_item(ts, d.get(), as_tuple(keys.get())->ob_item[i], PEEK(oparg - i))) goto error;
            }
            for (int i = 0; i < oparg; i++) decref(POP());
            PUSH(d.release());
            DISPATCH();
        }

        TARGET(BUILD_STRING) {
            {
                // f-strings: one allocation of the final width, then copies.
                isize length = 0;
                uint32_t maxchar = 0;
                for (int i = oparg; i > 0; i--) {
                    StrObject* part = as_str(PEEK(i));
                    length += part->length;
                    maxchar = std::max(maxchar, part->ascii ? (part->length ? 127u : 0u) : str_maxchar(part));
                }
                if (oparg > 1 && length > 0) {
                    StrObject* r = str_alloc(ts, length, maxchar);
                    if (!r) goto error;
                    isize at = 0;
                    for (int i = oparg; i > 0; i--) {
                        StrObject* part = as_str(PEEK(i));
                        if (part->kind == r->kind) {
                            std::memcpy(static_cast<char*>(r->data()) + at * r->kind, part->data(),
                                        std::size_t(part->length) * r->kind);
                        } else {
                            for (isize j = 0; j < part->length; j++) ucs_write(r->data(), r->kind, at + j, sget(part, j));
                        }
                        at += part->length;
                    }
                    for (int i = 0; i < oparg; i++) decref(POP());
                    PUSH(r);
                    DISPATCH();
                }
            }
            std::u32string text;
            for (int i = oparg; i > 0; i--) str_append_to(as_str(PEEK(i)), text);
            Ref<> s = str_from_u32(ts, text);
            if (!s) goto error;
            for (int i = 0; i < oparg; i++) decref(POP());
            PUSH(s.release());
            DISPATCH();
        }

        TARGET(FORMAT_VALUE) {
            // oparg & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); & 4: a spec is on the stack.
            Ref<> spec = (oparg & 4) ? Ref<>::steal(POP()) : Ref<>();
            Ref<> v = Ref<>::steal(POP());
            switch (oparg & 3) {
            case 1: v = object_str(ts, v.get()); break;
            case 2: v = object_repr(ts, v.get()); break;
            case 3: v = object_ascii(ts, v.get()); break;
            default: break;
            }
            if (!v) goto error;
            Ref<> r;
            if (!spec && type_of(v.get()) == interp.types.str) {
                r = std::move(v);
            } else if (!spec && (type_of(v.get()) == interp.types.int_ || type_of(v.get()) == interp.types.float_)) {
                r = object_str(ts, v.get());   // format(x, '') of an exact int or float is str(x)
                if (!r) goto error;
            } else {
                Object* fmt_args[2] = {v.get(), spec ? spec.get() : static_cast<Object*>(interp.empty_str)};
                Object* format = type_lookup(type_of(v.get()), "__format__");
                if (!format) { raise(ts, interp.exc.TypeError, "object has no __format__"); goto error; }
                r = object_vectorcall(ts, format, fmt_args, 2);
                if (!r) goto error;
            }
            PUSH(r.release());
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE) {
            Ref<> seq = Ref<>::steal(POP());
            Object* const* items = nullptr;
            isize n = -1;
            if (type_of(seq.get()) == interp.types.tuple) { items = as_tuple(seq.get())->ob_item; n = as_tuple(seq.get())->ob_size; }
            else if (type_of(seq.get()) == interp.types.list) { items = as_list(seq.get())->ob_item; n = as_list(seq.get())->ob_size; }
            if (items) {
                if (n != oparg) {
                    if (n < oparg)
                        raise(ts, interp.exc.ValueError, "not enough values to unpack (expected " + std::to_string(oparg) + ", got " + std::to_string(n) + ")");
                    else
                        raise(ts, interp.exc.ValueError, "too many values to unpack (expected " + std::to_string(oparg) + ")");
                    goto error;
                }
                for (isize i = n - 1; i >= 0; i--) { incref(items[i]); PUSH(items[i]); }
            } else {
                Ref<> it = object_get_iter(ts, seq.get());
                if (!it) {
                    if (error_matches(ts, interp.exc.TypeError)) {
                        error_clear(ts);
                        raise(ts, interp.exc.TypeError, std::string("cannot unpack non-iterable ") + type_name(seq.get()) + " object");
                    }
                    goto error;
                }
                std::vector<Ref<>> got;
                for (int i = 0; i < oparg; i++) {
                    Ref<> x = iter_next(ts, it.get());
                    if (!x) {
                        if (!error_occurred(ts))
                            raise(ts, interp.exc.ValueError, "not enough values to unpack (expected " + std::to_string(oparg) + ", got " + std::to_string(i) + ")");
                        goto error;
                    }
                    got.push_back(std::move(x));
                }
                Ref<> extra = iter_next(ts, it.get());
                if (extra) { raise(ts, interp.exc.ValueError, "too many values to unpack (expected " + std::to_string(oparg) + ")"); goto error; }
                if (error_occurred(ts)) goto error;
                for (int i = oparg - 1; i >= 0; i--) PUSH(got[i].release());
            }
            SKIP_CACHES(UNPACK_SEQUENCE);
            DISPATCH();
        }

        TARGET(GET_ITER) {
            Ref<> v = Ref<>::steal(POP());
            Ref<> it = object_get_iter(ts, v.get());
            if (!it) goto error;
            PUSH(it.release());
            DISPATCH();
        }

        TARGET(FOR_ITER) {
            Object* it = TOP();
            Ref<> v;
            if (type_of(it) == interp.types.generator) {
                // The generator's code runs in a nested loop and may block.
                SAVE_SP_FOR_CALL();
                v = type_of(it)->tp_iternext(ts, it);
                UNSAVE_SP();
            } else {
                v = type_of(it)->tp_iternext(ts, it);
            }
            if (v) {
                PUSH(v.release());
                DISPATCH();
            }
            if (error_occurred(ts)) {
                if (!error_matches(ts, interp.exc.StopIteration)) goto error;
                error_clear(ts);
            }
            decref(POP());
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(JUMP_FORWARD) { JUMPBY(oparg); DISPATCH(); }

        TARGET(JUMP_BACKWARD) {
            JUMPBY(-oparg);
            CHECK_EVAL_BREAKER();
            DISPATCH();
        }
        TARGET(JUMP_BACKWARD_NO_INTERRUPT) { JUMPBY(-oparg); DISPATCH(); }

// The backward forms close loops, so like JUMP_BACKWARD they check the
// eval breaker after jumping (3.11's POP_JUMP_BACKWARD_IF_*): a
// `while cond:` loop must yield the GIL and see Ctrl+C too. (`1 SIGN 1 == 0`
// is a compile-time "SIGN is minus".)
#define BACKWARD_BREAKER_CHECK(SIGN)                                      \
            if (1 SIGN 1 == 0) CHECK_EVAL_BREAKER();
#define POP_JUMP_IF_TRUTH(OP, SIGN, WANT)                                 \
        TARGET(OP) {                                                      \
            Ref<> cond = Ref<>::steal(POP());                             \
            int t;                                                        \
            if (cond.get() == interp.True) t = 1;                         \
            else if (cond.get() == interp.False) t = 0;                   \
            else { t = object_is_true(ts, cond.get()); if (t < 0) goto error; } \
            if (t == WANT) { JUMPBY(SIGN oparg); BACKWARD_BREAKER_CHECK(SIGN) } \
            DISPATCH();                                                   \
        }
        POP_JUMP_IF_TRUTH(POP_JUMP_FORWARD_IF_FALSE, +, 0)
        POP_JUMP_IF_TRUTH(POP_JUMP_FORWARD_IF_TRUE, +, 1)
        POP_JUMP_IF_TRUTH(POP_JUMP_BACKWARD_IF_FALSE, -, 0)
        POP_JUMP_IF_TRUTH(POP_JUMP_BACKWARD_IF_TRUE, -, 1)
#undef POP_JUMP_IF_TRUTH

#define POP_JUMP_IF_NONE_OP(OP, SIGN, WANT_NONE)                          \
        TARGET(OP) {                                                      \
            Ref<> v = Ref<>::steal(POP());                                \
            if ((v.get() == interp.None) == WANT_NONE) { JUMPBY(SIGN oparg); BACKWARD_BREAKER_CHECK(SIGN) } \
            DISPATCH();                                                   \
        }
        POP_JUMP_IF_NONE_OP(POP_JUMP_FORWARD_IF_NONE, +, true)
        POP_JUMP_IF_NONE_OP(POP_JUMP_FORWARD_IF_NOT_NONE, +, false)
        POP_JUMP_IF_NONE_OP(POP_JUMP_BACKWARD_IF_NONE, -, true)
        POP_JUMP_IF_NONE_OP(POP_JUMP_BACKWARD_IF_NOT_NONE, -, false)
#undef POP_JUMP_IF_NONE_OP
#undef BACKWARD_BREAKER_CHECK

        TARGET(JUMP_IF_FALSE_OR_POP)
        TARGET(JUMP_IF_TRUE_OR_POP) {
            int t = object_is_true(ts, TOP());
            if (t < 0) goto error;
            if (t == (opcode == JUMP_IF_TRUE_OR_POP)) {
                JUMPBY(oparg);
            } else {
                decref(POP());
            }
            DISPATCH();
        }

        TARGET(KW_NAMES) {
            kwnames = as_tuple(co->co_consts->ob_item[oparg]);
            DISPATCH();
        }

        TARGET(PRECALL) {
            SKIP_CACHES(PRECALL);
            DISPATCH();
        }

        TARGET(CALL) {
            // Stack: [NULL or method] [callable or self] arg1 ... argN
            // (3.11: with LOAD_METHOD the method comes first and self is arg 0).
            int total = oparg;
            Object** args_base = &PEEK(oparg);
            Object* method = PEEK(oparg + 2);
            if (!method && type_of(PEEK(oparg + 1)) == interp.types.method) {
                // A bound method (`save = self.save; save(x)`): call its
                // function with self first, as the method form does, so that
                // a Python function runs in this loop (3.11's PRECALL).
                auto* bound = static_cast<MethodObject*>(PEEK(oparg + 1));
                method = newref(bound->im_func).release();
                PEEK(oparg + 2) = method;
                PEEK(oparg + 1) = newref(bound->im_self).release();
                decref(bound);
            }
            Object* callable;
            Object** args;
            if (method) {
                callable = method;
                args = args_base - 1;        // self is the first argument
                total = oparg + 1;
            } else {
                callable = PEEK(oparg + 1);
                args = args_base;
            }
            TupleObject* kw = kwnames;
            kwnames = nullptr;
            isize nkw = kw ? kw->ob_size : 0;
            isize npos = total - nkw;
            SKIP_CACHES(CALL);
            if (type_of(callable) == interp.types.function) {
                // A Python function: push its frame and keep going in this loop.
                // The caller resumes after the CALL's caches.
                f->prev_instr = int(next - first) - 1;
                auto* func = static_cast<FunctionObject*>(callable);
                CodeObject* fco = func->func_code;
                if (!kw && npos == fco->co_argcount && fco->co_kwonlyargcount == 0 &&
                    !(fco->co_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                    // Exactly the positional parameters: the arguments' references
                    // move from this stack into the new frame's locals.
                    Frame* nf = push_frame(ts, fco, func, func->func_globals, func->func_builtins, nullptr);
                    if (!nf) {
                        for (int i = 0; i < oparg + 2; i++) xdecref(POP());
                        goto error;
                    }
                    for (isize i = 0; i < npos; i++) nf->localsplus[i] = args[i];
                    sp -= int(npos);
                    // What is left below the arguments: the callable and the
                    // NULL slot, or (method form) just the method.
                    for (int i = int(npos); i < oparg + 2; i++) xdecref(POP());
                    SAVE_SP();
                    nf->previous = f;
                    ts->frame = nf;
                    goto start_frame;
                }
                Frame* nf = make_call_frame(ts, static_cast<FunctionObject*>(callable), args, npos, kw);
                // The callee frame owns its own references; drop the caller's.
                for (int i = 0; i < oparg + 2; i++) xdecref(POP());
                if (!nf) goto error;
                SAVE_SP();
                nf->previous = f;
                ts->frame = nf;
                goto start_frame;
            }
            Ref<> r;
            SAVE_SP_FOR_CALL();
            if (ts->use_tracing && ts->profile_func) {
                r = profiled_c_call(ts, f, callable, args, npos, kw);
            } else {
                r = object_vectorcall(ts, callable, args, npos, kw);
            }
            UNSAVE_SP();
            for (int i = 0; i < oparg + 2; i++) xdecref(POP());
            if (!r) goto error;
            PUSH(r.release());
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION) {
            Ref<> codeobj = Ref<>::steal(POP());
            Ref<> fn = function_new(ts, static_cast<CodeObject*>(codeobj.get()), f->globals,
                                    static_cast<CodeObject*>(codeobj.get())->co_qualname);
            if (!fn) goto error;
            auto* func = static_cast<FunctionObject*>(fn.get());
            if (oparg & 0x08) func->func_closure = as_tuple(POP());
            if (oparg & 0x04) func->func_annotations = POP();
            if (oparg & 0x02) func->func_kwdefaults = as_dict(POP());
            if (oparg & 0x01) func->func_defaults = as_tuple(POP());
            PUSH(fn.release());
            DISPATCH();
        }

        TARGET(RETURN_VALUE) {
            retval = Ref<>::steal(POP());
            SAVE_SP();
            if (ts->use_tracing && !trace_return_event(ts, f, retval.get())) {
                retval = nullptr;
                goto exit_unwind;
            }
            Frame* done = f;
            bool leave = done->is_entry;
            Frame* caller = done->previous;
            ts->frame = caller;   // unlinked first: finalizers run while its locals go see the caller
            pop_frame(ts, done);
            if (leave) return retval;
            f = caller;
            co = f->code;
            first = co->code.data();
            next = first + (f->prev_instr + 1);
            stack = f->stack_base();
            LOAD_SP();
            locals = f->localsplus;
            PUSH(retval.release());
            DISPATCH();
        }

        // ---- closures: cells hold variables shared with nested functions

        TARGET(MAKE_CELL) {
            // Wraps the slot's current value (an argument, or nothing) in a cell.
            Ref<> cell = cell_new(ts, locals[oparg]);
            if (!cell) goto error;
            xdecref(locals[oparg]);
            locals[oparg] = cell.release();
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS) {
            // The function's closure tuple supplies the last oparg slots.
            TupleObject* closure = f->func ? f->func->func_closure : nullptr;
            int offset = co->co_nlocalsplus - oparg;
            for (int i = 0; i < oparg; i++) {
                Object* cell = closure ? closure->ob_item[i] : nullptr;
                xincref(cell);
                locals[offset + i] = cell;
            }
            DISPATCH();
        }

        TARGET(LOAD_CLOSURE) {
            Object* cell = locals[oparg];
            incref(cell);
            PUSH(cell);
            DISPATCH();
        }

        TARGET(LOAD_DEREF) {
            Object* v = static_cast<CellObject*>(locals[oparg])->ob_ref;
            if (!v) {
                std::string name(str_utf8(co->co_localsplusnames->ob_item[oparg]));
                if (co->localspluskinds[oparg] & CO_FAST_FREE)
                    raise(ts, interp.exc.NameError, "cannot access free variable '" + name +
                                                        "' where it is not associated with a value in enclosing scope");
                else
                    raise(ts, interp.exc.UnboundLocalError, "cannot access local variable '" + name +
                                                                "' where it is not associated with a value");
                goto error;
            }
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_CLASSDEREF) {
            Object* name = co->co_localsplusnames->ob_item[oparg];
            if (f->locals && type_of(f->locals) == interp.types.dict) {
                if (Object* v = dict_get_str(as_dict(f->locals), as_str(name))) {
                    incref(v);
                    PUSH(v);
                    DISPATCH();
                }
            }
            Object* v = static_cast<CellObject*>(locals[oparg])->ob_ref;
            if (!v) {
                raise(ts, interp.exc.NameError, "cannot access free variable '" + std::string(str_utf8(name)) +
                                                    "' where it is not associated with a value in enclosing scope");
                goto error;
            }
            incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_DEREF) {
            auto* cell = static_cast<CellObject*>(locals[oparg]);
            Object* old = cell->ob_ref;
            cell->ob_ref = POP();
            xdecref(old);
            DISPATCH();
        }

        TARGET(DELETE_DEREF) {
            auto* cell = static_cast<CellObject*>(locals[oparg]);
            Object* old = cell->ob_ref;
            if (!old) {
                raise(ts, interp.exc.UnboundLocalError,
                      "cannot access local variable '" + std::string(str_utf8(co->co_localsplusnames->ob_item[oparg])) +
                          "' where it is not associated with a value");
                goto error;
            }
            cell->ob_ref = nullptr;
            decref(old);
            DISPATCH();
        }

        TARGET(BUILD_SLICE) {
            Ref<> step = oparg == 3 ? Ref<>::steal(POP()) : Ref<>();
            Ref<> stop = Ref<>::steal(POP());
            Ref<> start = Ref<>::steal(POP());
            Ref<> s = slice_new(ts, start.get(), stop.get(), step.get());
            if (!s) goto error;
            PUSH(s.release());
            DISPATCH();
        }

        TARGET(LIST_EXTEND) {
            // _PyList_Extend: the length hint sizes the list once, so
            // [*range(5)] is allocated as list(range(5)) is.
            Ref<> iterable = Ref<>::steal(POP());
            auto* list = as_list(PEEK(oparg));
            if (!list_extend(ts, list, iterable.get())) {
                if (error_matches(ts, interp.exc.TypeError) && !type_of(iterable.get())->tp_iter &&
                    !sequence_check(iterable.get())) {
                    error_clear(ts);
                    raise(ts, interp.exc.TypeError, std::string("Value after * must be an iterable, not ") + type_name(iterable.get()));
                }
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_TO_TUPLE) {
            Ref<> list = Ref<>::steal(POP());
            Ref<TupleObject> t = tuple_from_array(ts, as_list(list.get())->ob_item, as_list(list.get())->ob_size);
            if (!t) goto error;
            PUSH(t.release());
            DISPATCH();
        }

        TARGET(PRINT_EXPR) {
            // Interactive mode: show the value (sys.displayhook's default).
            Ref<> v = Ref<>::steal(POP());
            if (v.get() != interp.None) {
                Ref<> r = object_repr(ts, v.get());
                if (!r) goto error;
                Ref<> nl = str_from_utf8(ts, "\n");
                Ref<> line = nl ? str_concat(ts, r.get(), nl.get()) : Ref<>();
                if (!line || !write_stdout(ts, line.get())) goto error;
                if (!dict_set_cstr(ts, interp.builtins->md_dict, "_", v.get())) goto error;
            }
            DISPATCH();
        }

        // ---- exception handling (3.11: handlers found via the exception table)

        TARGET(PUSH_EXC_INFO) {
            // [exc] -> [previously handled exception or None, exc]; exc is now handled.
            Object* value = TOP();
            Object* prev = ts->exc_info ? ts->exc_info : interp.None;
            incref(prev);
            SET_TOP(prev);
            Object* old = ts->exc_info;
            ts->exc_info = value;
            incref(value);
            xdecref(old);
            PUSH(value);
            DISPATCH();
        }

        TARGET(POP_EXCEPT) {
            // Restores the exception that was being handled before this handler.
            Object* value = POP();
            Object* old = ts->exc_info;
            if (value == interp.None) {
                ts->exc_info = nullptr;
                decref(value);
            } else {
                ts->exc_info = value;
            }
            xdecref(old);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH) {
            Ref<> right = Ref<>::steal(POP());
            Object* left = TOP();
            auto valid = [&](Object* cls) { return is_exception_class(cls); };
            bool ok = valid(right.get());
            if (!ok && type_of(right.get()) == interp.types.tuple) {
                ok = true;
                for (isize i = 0; i < as_tuple(right.get())->ob_size; i++)
                    ok = ok && valid(as_tuple(right.get())->ob_item[i]);
            }
            if (!ok) {
                raise(ts, interp.exc.TypeError, "catching classes that do not inherit from BaseException is not allowed");
                goto error;
            }
            bool match = false;
            if (type_of(right.get()) == interp.types.tuple) {
                for (isize i = 0; i < as_tuple(right.get())->ob_size && !match; i++)
                    match = isinstance_of(left, static_cast<TypeObject*>(as_tuple(right.get())->ob_item[i]));
            } else {
                match = isinstance_of(left, static_cast<TypeObject*>(right.get()));
            }
            Object* r = match ? static_cast<Object*>(interp.True) : interp.False;
            incref(r);
            PUSH(r);
            DISPATCH();
        }

        // ---- except* (PEP 654)

        TARGET(CHECK_EG_MATCH) {
            // [exc, type] -> [rest, match] when some of exc matches (match is
            // then the handled exception), else [exc, None].
            Ref<> match_type = Ref<>::steal(POP());
            if (!check_except_star_type(ts, match_type.get())) goto error;
            Object* exc = TOP();
            Ref<> match, rest;
            if (!exception_group_match(ts, exc, match_type.get(), &match, &rest)) goto error;
            if (match.get() == interp.None) {
                PUSH(match.release());
                DISPATCH();
            }
            SET_TOP(rest.release());
            decref(exc);
            Object* old = ts->exc_info;
            ts->exc_info = newref(match.get()).release();
            xdecref(old);
            PUSH(match.release());
            DISPATCH();
        }

        TARGET(PREP_RERAISE_STAR) {
            // [orig, list of raised] -> [exception to re-raise, or None]
            Ref<> excs = Ref<>::steal(POP());
            Ref<> orig = Ref<>::steal(POP());
            Ref<> val = prep_reraise_star(ts, orig.get(), excs.get());
            if (!val) goto error;
            PUSH(val.release());
            DISPATCH();
        }

        TARGET(RERAISE) {
            // Re-raises TOS without a new traceback entry; with oparg, the
            // value oparg deep is the lasti to report the error at.
            Object* exc = POP();
            if (oparg) {
                int64_t lasti = 0;
                if (int_as_i64(PEEK(oparg), &lasti)) f->prev_instr = int(lasti);
            }
            error_restore(ts, Ref<>::steal(exc));
            goto exception_unwind;
        }

        TARGET(BEFORE_WITH) {
            // [mgr] -> [bound __exit__, mgr.__enter__()]
            Object* mgr = TOP();
            Object* enter = type_lookup(type_of(mgr), "__enter__");
            Object* exit = type_lookup(type_of(mgr), "__exit__");
            if (!enter || !exit) {
                raise(ts, interp.exc.TypeError,
                      std::string("'") + type_name(mgr) + "' object does not support the context manager protocol");
                goto error;
            }
            Ref<> bound_exit;
            if (descrgetfunc get = type_of(exit)->tp_descr_get) bound_exit = get(ts, exit, mgr, type_of(mgr));
            else bound_exit = newref(exit);
            if (!bound_exit) goto error;
            // `with lock:` blocks here; __exit__ waits where it goes next.
            SAVE_SP_FOR_CALL_WITH(bound_exit.get());
            Ref<> res = object_call_one(ts, enter, mgr);
            UNSAVE_SP();
            if (!res) goto error;
            SET_TOP(bound_exit.release());
            decref(mgr);
            PUSH(res.release());
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START) {
            // Stack: [__exit__, lasti, previous exception, exc] -> calls
            // __exit__(type(exc), exc, exc.__traceback__) and pushes its result.
            Object* val = TOP();
            Object* exit_func = PEEK(4);
            Object* tb = static_cast<BaseExceptionObject*>(val)->traceback;
            Object* args[3] = {type_of(val), val, tb ? tb : interp.None};
            Ref<> res = object_vectorcall(ts, exit_func, args, 3);
            if (!res) goto error;
            PUSH(res.release());
            DISPATCH();
        }

        // ---- generators

        TARGET(RETURN_GENERATOR) {
            // Moves this frame into a new generator and returns the generator.
            SAVE_SP();
            Ref<> gen = generator_from_frame(ts, f);
            if (!gen) goto error;
            Frame* done = f;
            bool leave = done->is_entry;
            Frame* caller = done->previous;
            CodeObject* code = done->code;
            ts->frames->pop(done);   // its contents now belong to the generator
            ts->recursion_depth--;
            decref(code);
            ts->frame = caller;
            if (leave) return gen;
            f = caller;
            co = f->code;
            first = co->code.data();
            next = first + (f->prev_instr + 1);
            stack = f->stack_base();
            LOAD_SP();
            locals = f->localsplus;
            PUSH(gen.release());
            DISPATCH();
        }

        TARGET(YIELD_VALUE) {
            // Suspends the generator: its frame keeps its place (prev_instr)
            // and leaves the chain. Generator frames are always entry frames.
            retval = Ref<>::steal(POP());
            SAVE_SP();
            if (ts->use_tracing && !trace_return_event(ts, f, retval.get())) {
                retval = nullptr;
                goto exit_unwind;
            }
            generator_of(f)->state = GenState::Suspended;
            ts->frame = f->previous;
            f->previous = nullptr;
            ts->recursion_depth--;
            return retval;
        }

        TARGET(GET_YIELD_FROM_ITER) {
            Object* iterable = TOP();
            if (is_coroutine(iterable)) {
                if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                    SET_TOP(nullptr);   // released now, as ceval.c does
                    decref(iterable);
                    raise(ts, interp.exc.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                    goto error;
                }
            } else if (!is_generator(iterable)) {
                Ref<> it = object_get_iter(ts, iterable);
                if (!it) goto error;
                SET_TOP(it.release());
                decref(iterable);
            }
            DISPATCH();
        }

        TARGET(SEND) {
            // [receiver, value] -> [receiver, yielded] or, when the receiver
            // finishes, [result] and jump.
            Ref<> v = Ref<>::steal(POP());
            Object* receiver = TOP();
            Ref<> result;
            SendResult status;
            if (is_generator(receiver) || is_coroutine(receiver)) {
                status = generator_send(ts, static_cast<GenObject*>(receiver), v.get(), &result, false);
            } else {
                if (v.get() == interp.None && type_of(receiver)->tp_iternext) {
                    result = type_of(receiver)->tp_iternext(ts, receiver);
                } else {
                    Object* arg = v.get();
                    result = call_method(ts, receiver, "send", &arg, 1);
                }
                if (result) {
                    status = SendResult::Next;
                } else if (!error_occurred(ts)) {
                    status = SendResult::Return;
                    result = newref(interp.None);
                } else if (error_matches(ts, interp.exc.StopIteration)) {
                    Ref<> exc = error_fetch(ts);
                    result = object_getattr_cstr(ts, exc.get(), "value");
                    if (!result) goto error;
                    status = SendResult::Return;
                } else {
                    status = SendResult::Error;
                }
            }
            if (status == SendResult::Error) goto error;
            if (status == SendResult::Return) {
                decref(receiver);
                SET_TOP(result.release());
                JUMPBY(oparg);
                DISPATCH();
            }
            PUSH(result.release());
            DISPATCH();
        }

        // ---- coroutines and async generators (PEP 492, PEP 525)

        TARGET(GET_AWAITABLE) {
            // TOS = the iterator `await TOS` drives; oparg says where the
            // object came from (1: __aenter__, 2: __aexit__) for the message.
            Object* iterable = TOP();
            Ref<> iter = coro_get_awaitable_iter(ts, iterable);
            if (!iter && oparg && !type_lookup(type_of(iterable), "__await__")) {
                error_clear(ts);
                raise(ts, interp.exc.TypeError, std::string("'async with' received an object from ") +
                                                    (oparg == 1 ? "__aenter__" : "__aexit__") +
                                                    " that does not implement __await__: " + type_name(iterable));
            }
            if (iter && is_coroutine(iter.get()) && gen_delegate(static_cast<GenObject*>(iter.get()))) {
                iter.reset();
                raise(ts, interp.exc.RuntimeError, "coroutine is being awaited already");
            }
            if (!iter) goto error;
            SET_TOP(iter.release());
            decref(iterable);
            DISPATCH();
        }

        TARGET(GET_AITER) {
            Object* obj = TOP();
            TypeObject* type = type_of(obj);
            if (!type_lookup(type, "__aiter__")) {
                raise(ts, interp.exc.TypeError, std::string("'async for' requires an object with __aiter__ method, got ") +
                                                    type->tp_name);
                goto error;
            }
            Ref<> meth = lookup_special(ts, obj, interp.intern("__aiter__"));
            Ref<> iter = meth ? object_call_noargs(ts, meth.get()) : Ref<>();
            if (!iter) goto error;
            if (!type_lookup(type_of(iter.get()), "__anext__")) {
                raise(ts, interp.exc.TypeError,
                      std::string("'async for' received an object from __aiter__ that does not implement __anext__: ") +
                          type_name(iter.get()));
                goto error;
            }
            SET_TOP(iter.release());
            decref(obj);
            DISPATCH();
        }

        TARGET(GET_ANEXT) {
            // Push the awaitable of aiter.__anext__().
            Object* aiter = TOP();
            TypeObject* type = type_of(aiter);
            if (!type_lookup(type, "__anext__")) {
                raise(ts, interp.exc.TypeError, std::string("'async for' requires an iterator with __anext__ method, got ") +
                                                    type->tp_name);
                goto error;
            }
            Ref<> meth = lookup_special(ts, aiter, interp.intern("__anext__"));
            Ref<> next_iter = meth ? object_call_noargs(ts, meth.get()) : Ref<>();
            if (!next_iter) goto error;
            if (is_async_generator(aiter)) {
                PUSH(next_iter.release());
                DISPATCH();
            }
            Ref<> awaitable = coro_get_awaitable_iter(ts, next_iter.get());
            if (!awaitable) {
                // "from cause": the TypeError explains why.
                Ref<> cause = error_fetch(ts);
                raise(ts, interp.exc.TypeError, std::string("'async for' received an invalid object from __anext__: ") +
                                                    type_name(next_iter.get()));
                if (ts->curexc && cause) {
                    auto* e = static_cast<BaseExceptionObject*>(ts->curexc);
                    xdecref(e->cause);
                    e->cause = cause.clone().release();
                    xdecref(e->context);
                    e->context = cause.release();
                    e->suppress_context = true;
                }
                goto error;
            }
            PUSH(awaitable.release());
            DISPATCH();
        }

        TARGET(END_ASYNC_FOR) {
            // [aiter, exc]: StopAsyncIteration ends the loop; anything else
            // propagates with its traceback as it is.
            Object* exc = POP();
            if (isinstance_of(exc, interp.exc.StopAsyncIteration)) {
                decref(exc);
                decref(POP());
                DISPATCH();
            }
            error_restore(ts, Ref<>::steal(exc));
            goto exception_unwind;
        }

        TARGET(BEFORE_ASYNC_WITH) {
            // [mgr] -> [bound __aexit__, mgr.__aenter__()]
            Object* mgr = TOP();
            if (!type_lookup(type_of(mgr), "__aenter__")) {
                raise(ts, interp.exc.TypeError, std::string("'") + type_name(mgr) +
                                                    "' object does not support the asynchronous context manager protocol");
                goto error;
            }
            if (!type_lookup(type_of(mgr), "__aexit__")) {
                raise(ts, interp.exc.TypeError,
                      std::string("'") + type_name(mgr) +
                          "' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
                goto error;
            }
            Ref<> enter = lookup_special(ts, mgr, interp.intern("__aenter__"));
            if (!enter) goto error;
            Ref<> exit = lookup_special(ts, mgr, interp.intern("__aexit__"));
            if (!exit) goto error;
            SET_TOP(exit.release());
            decref(mgr);
            Ref<> res = object_call_noargs(ts, enter.get());
            if (!res) goto error;
            PUSH(res.release());
            DISPATCH();
        }

        TARGET(ASYNC_GEN_WRAP) {
            Ref<> wrapped = async_gen_wrap_value(ts, TOP());
            if (!wrapped) goto error;
            decref(TOP());
            SET_TOP(wrapped.release());
            DISPATCH();
        }

        // ---- displays and calls with unpacking

        TARGET(BUILD_SET) {
            Ref<> set = set_new(ts, nullptr);
            if (!set) goto error;
            for (int i = oparg; i > 0; i--)
                if (!set_add(ts, set.get(), PEEK(i))) goto error;
            for (int i = 0; i < oparg; i++) decref(POP());
            PUSH(set.release());
            DISPATCH();
        }

        TARGET(SET_ADD) {
            Ref<> v = Ref<>::steal(POP());
            if (!set_add(ts, PEEK(oparg), v.get())) goto error;
            DISPATCH();
        }

        TARGET(SET_UPDATE) {
            Ref<> iterable = Ref<>::steal(POP());
            if (!set_update(ts, PEEK(oparg), iterable.get())) goto error;
            DISPATCH();
        }

        TARGET(MAP_ADD) {
            Ref<> value = Ref<>::steal(POP());
            Ref<> key = Ref<>::steal(POP());
            if (!dict_set_item(ts, as_dict(PEEK(oparg)), key.get(), value.get())) goto error;
            DISPATCH();
        }

        TARGET(DICT_UPDATE) {
            Ref<> update = Ref<>::steal(POP());
            // {**x} merges a mapping: PyDict_Update, not dict(x)'s pairs.
            if (!dict_merge(ts, as_dict(PEEK(oparg)), update.get(), 1)) {
                if (error_matches(ts, interp.exc.AttributeError)) {
                    error_clear(ts);
                    raise(ts, interp.exc.TypeError, std::string("'") + type_name(update.get()) + "' object is not a mapping");
                }
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_MERGE) {
            // f(**a, **b): a repeated keyword is an error, unlike {**a, **b}.
            Ref<> update = Ref<>::steal(POP());
            Object* func = PEEK(oparg + 2);
            if (!dict_merge(ts, as_dict(PEEK(oparg)), update.get(), 2)) {
                format_kwargs_error(ts, func, update.get());
                goto error;
            }
            DISPATCH();
        }

        TARGET(CALL_FUNCTION_EX) {
            // [NULL, callable, args tuple, (kwargs dict)] -> [result]
            Ref<> kwargs = (oparg & 1) ? Ref<>::steal(POP()) : Ref<>();
            Ref<> callargs = Ref<>::steal(POP());
            Object* func = TOP();
            if (type_of(callargs.get()) != interp.types.tuple) {
                if (!type_of(callargs.get())->tp_iter && !type_of(callargs.get())->tp_as_sequence) {
                    std::string fs = function_str(ts, func);
                    if (!fs.empty())
                        raise(ts, interp.exc.TypeError,
                              fs + " argument after * must be an iterable, not " + type_name(callargs.get()));
                    goto error;
                }
                Ref<ListObject> l = list_from_iterable(ts, callargs.get());
                if (!l) goto error;
                callargs = list_as_tuple(ts, l.get());
                if (!callargs) goto error;
            }
            auto* args = as_tuple(callargs.get());
            std::vector<Object*> flat;   // positional then keyword values, with keywords only
            Ref<TupleObject> kwnames_t;
            if (kwargs && dict_size(as_dict(kwargs.get())) > 0) {
                flat.assign(args->ob_item, args->ob_item + args->ob_size);
                isize nkw = dict_size(as_dict(kwargs.get()));
                kwnames_t = tuple_new(ts, nkw);
                if (!kwnames_t) goto error;
                isize pos = 0, k = 0;
                Object *key, *value;
                while (dict_next(as_dict(kwargs.get()), &pos, &key, &value)) {
                    if (!is_str(key)) {
                        raise(ts, interp.exc.TypeError, "keywords must be strings");
                        goto error;
                    }
                    incref(key);
                    kwnames_t->ob_item[k++] = key;
                    flat.push_back(value);
                }
            }
            // The popped arguments go back to the slots they came from, the
            // keyword names one past (the frame's scratch slot).
            SAVE_SP_FOR_CALL_WITH(callargs.get(), kwargs.get(), kwnames_t.get());
            Ref<> r = kwnames_t ? object_vectorcall(ts, func, flat.data(), args->ob_size, kwnames_t.get())
                                : object_vectorcall(ts, func, args->ob_item, args->ob_size, nullptr);
            UNSAVE_SP();
            decref(POP());          // the callable
            xdecref(POP());         // the NULL slot
            if (!r) goto error;
            PUSH(r.release());
            DISPATCH();
        }

        TARGET(UNPACK_EX) {
            // a, *b, c = seq: oparg = before | (after << 8)
            int before = oparg & 0xFF, after = oparg >> 8;
            Ref<> seq = Ref<>::steal(POP());
            Ref<ListObject> l = list_from_iterable(ts, seq.get());
            if (!l) {
                if (error_matches(ts, interp.exc.TypeError) && !type_of(seq.get())->tp_iter) {
                    error_clear(ts);
                    raise(ts, interp.exc.TypeError, std::string("cannot unpack non-iterable ") + type_name(seq.get()) + " object");
                }
                goto error;
            }
            isize n = l->ob_size;
            if (n < before + after) {
                raise(ts, interp.exc.ValueError, "not enough values to unpack (expected at least " +
                                                     std::to_string(before + after) + ", got " + std::to_string(n) + ")");
                goto error;
            }
            for (isize i = n - 1; i >= n - after; i--) { incref(l->ob_item[i]); PUSH(l->ob_item[i]); }
            Ref<ListObject> middle = list_new(ts, n - after - before);
            if (!middle) goto error;
            for (isize i = before; i < n - after; i++) {
                incref(l->ob_item[i]);
                middle->ob_item[i - before] = l->ob_item[i];
            }
            PUSH(middle.release());
            for (isize i = before - 1; i >= 0; i--) { incref(l->ob_item[i]); PUSH(l->ob_item[i]); }
            DISPATCH();
        }

        // ---- imports

        TARGET(IMPORT_NAME) {
            // [level, fromlist] -> [module]; honours a replaced builtins.__import__.
            Object* name = co->co_names->ob_item[oparg];
            Ref<> fromlist = Ref<>::steal(POP());
            Ref<> level = Ref<>::steal(POP());
            Object* import_func = dict_get_cstr(ts, f->builtins, "__import__");
            if (!import_func) {
                if (!error_occurred(ts)) raise(ts, interp.exc.ImportError, "__import__ not found");
                goto error;
            }
            Ref<> mod;
            if (type_of(import_func) == interp.types.builtin_function &&
                std::string_view(static_cast<CFunctionObject*>(import_func)->def->name) == "__import__") {
                mod = import_name(ts, name, f->globals, fromlist.get(), level.get());
            } else {
                Object* args[5] = {name, f->globals, f->locals ? f->locals : interp.None, fromlist.get(), level.get()};
                mod = object_vectorcall(ts, import_func, args, 5);
            }
            if (!mod) goto error;
            PUSH(mod.release());
            DISPATCH();
        }

        TARGET(IMPORT_FROM) {
            Ref<> v = import_from(ts, TOP(), co->co_names->ob_item[oparg]);
            if (!v) goto error;
            PUSH(v.release());
            DISPATCH();
        }

        TARGET(IMPORT_STAR) {
            Ref<> mod = Ref<>::steal(POP());
            if (!f->locals) {
                raise(ts, interp.exc.SystemError, "no locals found during 'import *'");
                goto error;
            }
            if (!import_star(ts, mod.get(), f->locals)) goto error;
            DISPATCH();
        }

        TARGET(SETUP_ANNOTATIONS) {
            // Module and class bodies that annotate names get __annotations__.
            if (!f->locals) {
                raise(ts, interp.exc.SystemError, "no locals found when setting up annotations");
                goto error;
            }
            Object* name = interp.intern("__annotations__");
            if (type_of(f->locals) == interp.types.dict) {
                if (!dict_get_item(ts, as_dict(f->locals), name)) {
                    if (error_occurred(ts)) goto error;
                    Ref<DictObject> d = dict_new(ts);
                    if (!d || !dict_set_item(ts, as_dict(f->locals), name, d.get())) goto error;
                }
            } else {
                Ref<> have = object_getitem(ts, f->locals, name);
                if (!have) {
                    if (!error_matches(ts, interp.exc.KeyError)) goto error;
                    error_clear(ts);
                    Ref<DictObject> d = dict_new(ts);
                    if (!d || object_setitem(ts, f->locals, name, d.get()) < 0) goto error;
                }
            }
            DISPATCH();
        }

        // ---- structural pattern matching

        TARGET(GET_LEN) {
            isize n = object_length(ts, TOP());
            if (n < 0) goto error;
            PUSH(int_from_i64(ts, n).release());
            DISPATCH();
        }

        TARGET(MATCH_MAPPING) {
            // Mapping patterns match dicts (and, once collections.abc registers
            // them, other mappings); 3.11 uses Py_TPFLAGS_MAPPING.
            Object* subject = TOP();
            bool match = type_has_flag(type_of(subject), TPFLAGS_DICT_SUBCLASS) ||
                         type_has_flag(type_of(subject), TPFLAGS_MAPPING);
            PUSH(newref<Object>(match ? interp.True : interp.False).release());
            DISPATCH();
        }

        TARGET(MATCH_SEQUENCE) {
            // Sequence patterns match lists, tuples, ranges, ... but never
            // str, bytes or bytearray (Py_TPFLAGS_SEQUENCE).
            TypeObject* t = type_of(TOP());
            bool match = type_has_flag(t, TPFLAGS_LIST_SUBCLASS) || type_has_flag(t, TPFLAGS_TUPLE_SUBCLASS) ||
                         t == interp.types.range || type_has_flag(t, TPFLAGS_SEQUENCE);
            PUSH(newref<Object>(match ? interp.True : interp.False).release());
            DISPATCH();
        }

        TARGET(MATCH_KEYS) {
            // [subject, keys] -> [subject, keys, values tuple or None]
            Object* keys = TOP();
            Object* subject = PEEK(2);
            auto* kt = as_tuple(keys);
            Ref<TupleObject> values = tuple_new(ts, kt->ob_size);
            if (!values) goto error;
            bool found_all = true;
            Ref<> get = kt->ob_size ? object_getattr_cstr(ts, subject, "get") : Ref<>();
            if (kt->ob_size && !get) goto error;
            Ref<> dummy = kt->ob_size ? object_call_noargs(ts, interp.types.object) : Ref<>();
            for (isize i = 0; i < kt->ob_size && found_all; i++) {
                Object* args[2] = {kt->ob_item[i], dummy.get()};
                Ref<> v = object_vectorcall(ts, get.get(), args, 2);
                if (!v) goto error;
                if (v.get() == dummy.get()) { found_all = false; break; }
                values->ob_item[i] = v.release();
            }
            if (found_all) PUSH(values.release());
            else PUSH(newref(interp.None).release());
            DISPATCH();
        }

        TARGET(MATCH_CLASS) {
            // [subject, cls, names] -> tuple of attributes or None (ceval.c: match_class)
            Ref<> names = Ref<>::steal(POP());
            Ref<> cls = Ref<>::steal(POP());
            Ref<> subject = Ref<>::steal(POP());
            if (!type_has_flag(type_of(cls.get()), TPFLAGS_TYPE_SUBCLASS)) {
                raise(ts, interp.exc.TypeError, std::string("called match pattern must be a type"));
                goto error;
            }
            auto* type = static_cast<TypeObject*>(cls.get());
            if (!isinstance_of(subject.get(), type)) {
                PUSH(newref(interp.None).release());
                DISPATCH();
            }
            std::vector<Ref<>> attrs;
            std::vector<std::string> seen;
            auto get_attr = [&](Object* name) -> bool {
                std::string n(str_utf8(name));
                for (const std::string& s2 : seen)
                    if (s2 == n) {
                        raise(ts, interp.exc.TypeError, type->tp_name + "() got multiple sub-patterns for attribute '" + n + "'");
                        return false;
                    }
                seen.push_back(n);
                Ref<> v = object_getattr(ts, subject.get(), name);
                if (!v) {
                    if (error_matches(ts, interp.exc.AttributeError)) error_clear(ts);
                    return false;
                }
                attrs.push_back(std::move(v));
                return true;
            };
            bool ok = true;
            if (oparg) {
                Ref<> match_args = object_getattr_cstr(ts, cls.get(), "__match_args__");
                if (!match_args) {
                    if (!error_matches(ts, interp.exc.AttributeError)) goto error;
                    error_clear(ts);
                    // Built-in types like int and str match themselves positionally.
                    static const char* const self_types[] = {"bool", "bytearray", "bytes", "dict", "float",
                                                             "frozenset", "int", "list", "set", "str", "tuple"};
                    bool self_match = false;
                    for (const char* n : self_types)
                        for (TypeObject* t = type; t; t = t->tp_base)
                            if (t->tp_name == n && !type_has_flag(t, TPFLAGS_HEAPTYPE)) self_match = true;
                    if (self_match && oparg == 1) {
                        attrs.push_back(subject.clone());
                    } else if (oparg > 0) {
                        raise(ts, interp.exc.TypeError, type->tp_name + "() accepts 0 positional sub-patterns (" +
                                                            std::to_string(oparg) + " given)");
                        goto error;
                    }
                } else {
                    if (type_of(match_args.get()) != interp.types.tuple) {
                        raise(ts, interp.exc.TypeError, type->tp_name + ".__match_args__ must be a tuple (got " +
                                                            type_name(match_args.get()) + ")");
                        goto error;
                    }
                    auto* ma = as_tuple(match_args.get());
                    if (ma->ob_size < oparg) {
                        raise(ts, interp.exc.TypeError, type->tp_name + "() accepts " + std::to_string(ma->ob_size) +
                                                            " positional sub-pattern" + (ma->ob_size == 1 ? "" : "s") +
                                                            " (" + std::to_string(oparg) + " given)");
                        goto error;
                    }
                    for (int i = 0; i < oparg && ok; i++) {
                        Object* name = ma->ob_item[i];
                        if (!is_str(name)) {
                            raise(ts, interp.exc.TypeError, std::string("__match_args__ elements must be strings (got ") + type_name(name) + ")");
                            goto error;
                        }
                        ok = get_attr(name);
                    }
                }
            }
            auto* nt = as_tuple(names.get());
            for (isize i = 0; i < nt->ob_size && ok; i++) ok = get_attr(nt->ob_item[i]);
            if (error_occurred(ts)) goto error;
            if (!ok) {
                PUSH(newref(interp.None).release());
                DISPATCH();
            }
            Ref<TupleObject> t = tuple_new(ts, isize(attrs.size()));
            if (!t) goto error;
            for (std::size_t i = 0; i < attrs.size(); i++) t->ob_item[i] = attrs[i].release();
            PUSH(t.release());
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS) {
            Object* bc = dict_get_cstr(ts, f->builtins, "__build_class__");
            if (!bc) {
                if (!error_occurred(ts)) raise(ts, interp.exc.NameError, "__build_class__ not found");
                goto error;
            }
            incref(bc);
            PUSH(bc);
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR) {
            incref(interp.exc.AssertionError);
            PUSH(interp.exc.AssertionError);
            DISPATCH();
        }

        TARGET(RAISE_VARARGS) {
            if (oparg == 2) {
                // raise exc from cause (ceval.c: do_raise).
                Ref<> cause = Ref<>::steal(POP());
                Ref<> exc = Ref<>::steal(POP());
                if (!is_exception_instance(exc.get()) && !is_exception_class(exc.get())) {
                    raise(ts, interp.exc.TypeError, "exceptions must derive from BaseException");
                    goto error;
                }
                if (is_exception_class(exc.get())) {
                    Ref<> inst = object_call_noargs(ts, exc.get());
                    if (!inst) goto error;
                    if (!is_exception_instance(inst.get())) {
                        Ref<> r1 = object_repr(ts, exc.get());
                        Ref<> r2 = r1 ? object_repr(ts, inst.get()) : Ref<>();
                        if (!r2) goto error;
                        raise(ts, interp.exc.TypeError, "calling " + std::string(str_utf8(r1.get())) +
                                                            " should have returned an instance of BaseException, not " +
                                                            std::string(str_utf8(r2.get())));
                        goto error;
                    }
                    exc = std::move(inst);
                }
                Ref<> fixed_cause;
                if (is_exception_class(cause.get())) {
                    fixed_cause = object_call_noargs(ts, cause.get());
                    if (!fixed_cause) goto error;
                } else if (is_exception_instance(cause.get())) {
                    fixed_cause = std::move(cause);
                } else if (cause.get() != interp.None) {
                    raise(ts, interp.exc.TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                auto* e = static_cast<BaseExceptionObject*>(exc.get());
                xdecref(e->cause);
                e->cause = fixed_cause.release();
                e->suppress_context = true;
                raise_object(ts, exc.get());
            } else if (oparg == 1) {
                Ref<> exc = Ref<>::steal(POP());
                if (!is_exception_instance(exc.get()) && !is_exception_class(exc.get())) {
                    raise(ts, interp.exc.TypeError, "exceptions must derive from BaseException");
                } else {
                    raise_object(ts, exc.get());
                }
            } else {
                if (Object* handled = handled_exception(ts); !handled) {
                    raise(ts, interp.exc.RuntimeError, "No active exception to reraise");
                } else {
                    error_restore(ts, newref(handled));
                    goto exception_unwind;   // re-raise keeps the traceback as is
                }
            }
            goto error;
        }

        default: {
            const char* name = opcode_name(opcode);
            raise(ts, interp.exc.SystemError,
                  std::string("unknown opcode ") + (name ? name : std::to_string(opcode).c_str()));
            goto error;
        }
        }
    }

error:
    if (!error_occurred(ts)) raise(ts, interp.exc.SystemError, "error return without exception set");
    if (!record_traceback(ts, f)) {
        // Out of memory while building the traceback: keep unwinding anyway.
    }
    if (ts->use_tracing) trace_exception_event(ts, f);
exception_unwind: {
        // The handler is looked up by where execution is (next - 1), not by
        // prev_instr: RERAISE moves prev_instr back to the original error so
        // the traceback shows its line (ceval.c: INSTR_OFFSET() - 1).
        // After os._exit() in a child nothing may catch the exit.
        const ExceptionTableEntry* h =
            interp.hard_exit.load(std::memory_order_relaxed) ? nullptr : find_handler(co, int(next - first) - 1);
        if (h) {
            while (STACK_LEVEL() > h->depth) xdecref(POP());
            if (h->lasti) PUSH(int_from_i64(ts, f->prev_instr).release());
            PUSH(error_fetch(ts).release());
            next = first + h->target;
            f->prev_instr = h->target - 1;
            goto next_instruction;
        }
    }
    // No handler here: the frame is done; continue unwinding in the caller.
exit_unwind: {
        SAVE_SP();
        // A hook's failure here replaces the exception; unwinding goes on.
        if (ts->use_tracing) (void)trace_return_event(ts, f, nullptr);
        Frame* done = f;
        bool leave = done->is_entry;
        Frame* caller = done->previous;
        ts->frame = caller;   // unlinked first, as on return
        pop_frame(ts, done);
        if (leave) return nullptr;
        f = caller;
        co = f->code;
        first = co->code.data();
        next = first + (f->prev_instr + 1);
        stack = f->stack_base();
        LOAD_SP();
        locals = f->localsplus;
        // The failing CALL in the caller gets its own traceback entry.
        goto error;
    }
}
#if GLASSPY_COMPUTED_GOTO
#pragma GCC diagnostic pop
#endif

}  // namespace gp
