// interpreter.h — the three levels of state: runtime → interpreter → thread.
//
// Mirrors CPython 3.11's Include/internal/pycore_interp.h and pycore_pystate.h,
// with one deliberate difference: there is no process-wide runtime state at
// all (ARCHITECTURE.md, decision 1). Everything a running program can touch
// hangs off an Interpreter — its heap, its types, its singletons, its
// modules — and everything specific to one Python thread hangs off that
// thread's ThreadState. Several interpreters live in one OS process at once
// (tests, several widgets on one page, child "processes"), and none can see
// another's objects.
//
// Fields the cycle collector must treat as roots are marked [root].
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "glasspy.h"
#include "gc/collector.h"
#include "memory/obmalloc.h"
#include "memory/tracemalloc.h"
#include "objects/object.h"
#include "runtime/gil.h"
#include "runtime/os_thread.h"
#include "trace/trace.h"

namespace gp {

struct TypeObject;
struct DictObject;
struct ListObject;
struct TupleObject;
struct StrObject;
struct IntObject;
struct ModuleObject;
struct Frame;

// Lookup caches (see "Lookup caches" in Interpreter). Names are owned, so a
// cached name can never be freed and its address reused by another string.
struct TypeCacheEntry {
    TypeObject* type = nullptr;   // borrowed: type_dealloc bumps type_epoch
    Object* name = nullptr;       // owned interned str
    Object* value = nullptr;      // borrowed from a dict in type's MRO; null = "no such attribute"
    uint64_t epoch = 0;           // type_epoch when filled
};
// Where (type, name) lives in Interpreter::type_cache (size: a power of two).
inline std::size_t type_cache_slot(const TypeObject* type, const Object* name, std::size_t size) {
    return ((std::size_t(reinterpret_cast<uintptr_t>(type)) >> 4) * 31 +
            (std::size_t(reinterpret_cast<uintptr_t>(name)) >> 4)) & (size - 1);
}
struct GlobalCacheEntry {
    Object* name = nullptr;       // owned interned str
    uint64_t globals_version = 0; // ma_version of the globals dict when filled (unique per dict state)
    uint64_t builtins_version = 0;
    Object* value = nullptr;      // borrowed from one of the two dicts
};

// input()'s default source: one line of the process's stdin (builtins.cpp).
bool default_read_line(std::string& line);

// Bits of the eval-breaker word: the eval loop checks the whole word once at
// RESUME and backward jumps, then looks at the bits only if any is set.
enum EvalBreakerBits : uint32_t {
    EVAL_INTERRUPT      = 1u << 0,   // the host asked to stop (KeyboardInterrupt, main thread only)
    EVAL_GIL_DROP       = 1u << 1,   // another thread waits for the GIL (gil.cpp)
    EVAL_GC_SCHEDULED   = 1u << 2,   // a collection is due
    EVAL_ASYNC_EXC      = 1u << 3,   // an exception was posted to this thread
    EVAL_GREEN_TICK     = 1u << 4,   // always set on a green scheduler: it counts ticks (green.cpp)
};

// Every built-in type, one owned reference each. [root]
struct BuiltinTypes {
#define GP_BUILTIN_TYPES(X) \
    X(type) X(object) X(none) X(notimplemented) X(ellipsis) X(int_) X(bool_) X(float_) \
    X(str) X(tuple) X(list) X(dict) X(range) X(range_iter) X(list_iter) X(tuple_iter) \
    X(str_iter) X(dict_keyiter) X(code) X(function) X(builtin_function) X(method) \
    X(cell) X(module) X(frame) X(traceback) X(slice) X(property) X(staticmethod) \
    X(classmethod) X(method_descriptor) X(wrapper_descriptor) X(method_wrapper) \
    X(getset_descriptor) X(member_descriptor) X(super_) X(stdstream) X(stdbuffer) \
    X(stdin_buffer) X(list_reverseiter) X(dict_valueiter) X(dict_itemiter) X(dict_revkeyiter) \
    X(dict_revvalueiter) X(dict_revitemiter) X(dict_keys) X(dict_values) X(dict_items) \
    X(set) X(frozenset) X(set_iter) X(generator) \
    X(seq_iter) X(callable_iter) X(enumerate) X(zip) X(map) X(filter) X(reversed) \
    X(bytes) X(bytes_iter) X(bytearray) X(bytearray_iter) X(memoryview) X(complex) \
    X(text_file) X(buffered_reader) X(buffered_writer) X(buffered_random) \
    X(union_type) X(simple_namespace) X(mappingproxy) X(generic_alias) \
    X(coroutine) X(async_generator) X(coroutine_wrapper) X(async_generator_asend) \
    X(async_generator_athrow) X(async_generator_wrapped_value)
#define GP_DECLARE_TYPE(name) TypeObject* name = nullptr;
    GP_BUILTIN_TYPES(GP_DECLARE_TYPE)
#undef GP_DECLARE_TYPE
};

// The exception classes, one owned reference each. [root]
struct ExceptionTypes {
#define GP_EXCEPTION_TYPES(X) \
    X(BaseException, BaseException) \
    GP_EXCEPTION_TYPES_AFTER_BASE(X)
#define GP_EXCEPTION_TYPES_AFTER_BASE(X) \
    X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) X(Exception, BaseException) \
    X(StopIteration, Exception) X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception) \
    X(EOFError, Exception) X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
    X(OSError, Exception) X(ReferenceError, Exception) X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError) \
    X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception) \
    X(UnicodeError, ValueError) X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeDecodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) \
    X(BlockingIOError, OSError) X(ChildProcessError, OSError) X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) X(FileNotFoundError, OSError) X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) X(TimeoutError, OSError) \
    X(Warning, Exception) X(BytesWarning, Warning) X(DeprecationWarning, Warning) \
    X(EncodingWarning, Warning) X(FutureWarning, Warning) X(ImportWarning, Warning) \
    X(PendingDeprecationWarning, Warning) X(ResourceWarning, Warning) X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) X(UnicodeWarning, Warning) X(UserWarning, Warning)
#define GP_DECLARE_EXC(name, base) TypeObject* name = nullptr;
    GP_EXCEPTION_TYPES(GP_DECLARE_EXC)
#undef GP_DECLARE_EXC
    // PEP 654's groups: ExceptionGroup has two bases, so it is made apart
    // from the single-base list above (exceptiongroup.cpp).
    TypeObject* BaseExceptionGroup = nullptr;
    TypeObject* ExceptionGroup = nullptr;
};

// The exception a suspended level of the stack is handling, saved while a
// generator runs with its own (CPython's _PyErr_StackItem chain). Lives on
// the C++ stack of generator_send.
struct ExcStackItem {
    Object* value;             // owned, may be null: that level's exc_info
    ExcStackItem* previous;    // the level below, or null
};

struct LockCore;
class GreenScheduler;
struct MpWorld;
struct ChildProcess;

// Per-thread state (CPython's PyThreadState), one per Python thread. Only the
// thread that owns it touches it, and only while holding the GIL.
struct ThreadState {
    Interpreter* interp;              // owner (borrowed)
    uint32_t id = 0;                  // Python thread number: 0 = main, then 1, 2, ... (trace events)
    uint64_t ident = 0;               // _thread.get_ident(): the OS thread's pthread_t
    uint64_t native_id = 0;           // _thread.get_native_id(): the kernel's thread id
    Object* dict = nullptr;           // per-thread dict (PyThreadState.dict): _thread._local storage (owned) [root]
    std::vector<std::shared_ptr<LockCore>> on_delete;  // locks released when this thread ends (_set_sentinel)
    Frame* frame = nullptr;           // innermost executing frame [root: frames own their locals]
    Object* curexc = nullptr;         // the exception being raised (owned), or null [root]
    Object* exc_info = nullptr;       // the exception being handled at this level (owned) [root]
    ExcStackItem* exc_info_outer = nullptr;  // the levels beneath a running generator (handled_exception)
    int recursion_depth = 0;          // Python frames + nested C++ calls that recurse (repr, ==, calls)
    int c_eval_entries = 0;           // eval loops active on this thread's machine stack (see eval.cpp)
    int engine_levels = 0;            // WebAssembly: C++ recursion on the engine's stack, weighted (kEngineLevelBudget)
    uintptr_t c_stack_low = 0;        // below this address the machine stack is nearly gone (cstack.cpp); 0: not measured
    uint64_t c_stack_thread = 0;      // the OS thread c_stack_low was measured on
    int recursion_headroom = 0;       // > 0 while a RecursionError is being raised
    std::unique_ptr<struct FrameStack> frames;  // storage for interpreter frames
    std::vector<Object*> repr_running;  // containers whose repr is in progress (Py_ReprEnter); borrowed, not a root
    // sys.settrace / sys.setprofile (tracing.h). use_tracing is 255 while
    // either is set (and no hook is running), else 0: the eval loop ORs it
    // into each opcode, sending every instruction to DO_TRACING.
    uint8_t use_tracing = 0;
    int tracing = 0;                  // > 0 while a hook runs (no events then)
    Object* trace_func = nullptr;     // owned, may be null
    Object* profile_func = nullptr;   // owned, may be null
    // What a thread started by _thread.start_new_thread runs: func(*args,
    // **kwargs), owned here rather than on the thread's machine stack so
    // that a daemon thread stopped at finalization gives them back
    // (release_daemon_threads). Null for the main thread and once called.
    Object* start_func = nullptr;
    Object* start_args = nullptr;
    Object* start_kwargs = nullptr;

    explicit ThreadState(Interpreter* i);
    ~ThreadState();
};

// Whether the calling OS thread has used its machine stack down to the
// safety margin (cstack.cpp): C++ recursion (nested eval loops, repr and
// comparison of deeply nested containers) then raises RecursionError
// instead of crashing, whatever sys.setrecursionlimit() or
// threading.stack_size() say. On a green scheduler (green.h) it measures
// the running fiber's own stack.
bool c_stack_exhausted(ThreadState* ts);
// In WebAssembly each C++ frame also takes room on the engine's own stack
// (about 1 MB in V8), which no address can measure and whose overflow is a
// JavaScript RangeError that would end the program. So the levels of C++
// recursion are counted there (ThreadState::engine_levels): a nested eval
// loop weighs kEngineEvalWeight, a repr/compare/hash level one, and past the
// budget the next level raises RecursionError. Measured in Node: the
// engine's stack held 5,000 nested list reprs, 1,500 nested eval loops.
inline constexpr int kEngineLevelBudget = 2100;
inline constexpr int kEngineEvalWeight = 3;
// Whether `weight` more would pass the budget (plus the same 50 levels of
// headroom as the recursion limit while a RecursionError is being raised).
inline bool engine_budget_exceeded(const ThreadState* ts, int weight) {
    return ts->engine_levels + weight > kEngineLevelBudget + (ts->recursion_headroom ? 50 : 0);
}
// The address below which a stack of `size` bytes starting at `low`
// (growing down towards it) counts as exhausted: low plus the safety margin.
uintptr_t c_stack_limit(uintptr_t low, std::size_t size);

class Interpreter {
public:
    explicit Interpreter(const Config& config);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    const Config config;
    Heap heap;                        // every object's memory comes from here
    Tracer tracemalloc{*this};        // traces heap blocks to Python lines while started
    GCState gc;                       // generations of container objects
    TraceBuffer trace;                // the one event stream the UI reads
    // EvalBreakerBits, set from any thread. The host interrupts by OR-ing in
    // EVAL_INTERRUPT (a JS thread does it with Atomics.or on this word).
    std::atomic<uint32_t> eval_breaker{0};
    // Times an eval loop left its activation to be entered again
    // (Config::eval_reentry_interval; eval.cpp), all threads together.
    std::atomic<uint64_t> eval_reentries{0};
    // The green scheduler this interpreter's threads are fibers of (the one
    // attached to the OS thread that made it), or null: OS threads (green.h).
    GreenScheduler* green = nullptr;
    std::unordered_map<std::string, std::string> sources;   // filename -> text, for traceback lines
    OutputSink output;                // where sys.stdout/sys.stderr writes go
    // Session::set_wait_callback: the host's turn while the main thread
    // waits. Called on the main thread only, never with Python objects.
    std::function<void()> wait_callback;

    BuiltinTypes types;
    ExceptionTypes exc;

    // Singletons and caches. [root]
    Object* None = nullptr;
    Object* NotImplemented = nullptr;
    Object* Ellipsis = nullptr;
    IntObject* True = nullptr;
    IntObject* False = nullptr;
    static constexpr int kSmallIntMin = -5, kSmallIntMax = 256;   // CPython's _PY_NSMALL{NEG,POS}INTS
    IntObject* small_ints[kSmallIntMax - kSmallIntMin + 1] = {};
    StrObject* empty_str = nullptr;
    StrObject* latin1_chars[256] = {};       // one-character strings, as CPython caches them
    TupleObject* empty_tuple = nullptr;
    DictObject* interned = nullptr;          // sys.intern() table: str -> same str [root]
    // intern(const char*)'s memo: the C string's address -> its immortal
    // interned str (borrowed). The runtime names what it looks up by string
    // literals (type_lookup(t, "__format__")), so the address almost always
    // identifies the name; the text is compared too, for any other caller.
    std::unordered_map<const char*, StrObject*> intern_memo;

    DictObject* modules = nullptr;           // sys.modules [root]
    ModuleObject* builtins = nullptr;        // the builtins module [root]
    ModuleObject* sys = nullptr;             // the sys module [root]
    int recursion_limit = 1000;              // sys.getrecursionlimit() (each thread counts its own depth)
    int int_max_str_digits = 4300;           // sys.get_int_max_str_digits(); 0 = no limit

    // The GIL (gil.h). Shared with every thread this interpreter started, so
    // a daemon thread waking after the interpreter is gone still finds it.
    std::shared_ptr<Gil> gil;
    // Python threads (runtime/threads.cpp). Changed only under the GIL.
    std::vector<std::unique_ptr<ThreadState>> threads;   // every thread but the main one
    uint32_t next_thread_id = 1;             // numbers for ThreadState::id
    isize thread_count = 0;                  // threads started and not yet ended (_thread._count())
    std::size_t thread_stack_size = 0;       // _thread.stack_size(); 0 = the platform default
    uint64_t local_counter = 0;              // names the per-thread slots of _thread._local objects
    std::mutex finished_mu;                  // guards finished_threads (pushed just before a thread exits)
    std::vector<OsThread> finished_threads;  // ended threads waiting for a join (os_thread.h)

    // The "trashcan" (CPython's Py_TRASHCAN_BEGIN): deallocating a long chain
    // of containers would recurse once per link. Past kTrashDepth nested
    // deallocations, containers are parked on trash_later (linked through
    // their GC header) and freed when the outermost deallocation unwinds.
    static constexpr int kTrashDepth = 50;
    int dealloc_depth = 0;
    // Set once release_all() begins, after finalize(): what dies from then
    // on (the types, the caches, what daemon threads held) runs no Python
    // code — no __del__, no generator cleanup, no weakref callback. CPython
    // never frees most of it at all.
    bool finalizers_off = false;
    GCHead* trash_later = nullptr;
    uint64_t hash_secret = 0;                // key of str/bytes hashing (PYTHONHASHSEED): SipHash's k0
    uint64_t hash_secret_k1 = 0;             //   and k1
    // Warning filters (CPython's interp->warnings), shared by the _warnings
    // module and warnings.py; made on first use (runtime/warnings.cpp). [root]
    struct WarningsState {
        ListObject* filters = nullptr;       // warnings.filters: (action, msg, category, module, lineno)
        DictObject* once_registry = nullptr; // (text, category) pairs already shown by "once"
        Object* default_action = nullptr;    // str used when no filter matches
        long filters_version = 0;            // bumped by _filters_mutated(); registries reset on change
    } warnings;

    // multiprocessing (runtime/processes.h). The program run as __main__
    // is kept, because a spawned child runs it again as __mp_main__.
    std::string main_source;                 // run_main's source text
    std::string main_filename;               // and its filename
    std::shared_ptr<MpWorld> mp_world;       // shared with every interpreter of this family
    std::shared_ptr<ChildProcess> mp_self;   // in a child: its own record (pid, parent); else null
    // Set (with EVAL_INTERRUPT) by the parent's Process.terminate(): the
    // main thread raises SystemExit(-15) instead of KeyboardInterrupt.
    std::atomic<bool> terminate_requested{false};
    // Set by os._exit() in a child: the child ends as a process would, at
    // once — SystemExit(hard_exit_code) unwinds every frame with no except,
    // finally or with handler run, and no atexit or thread join follows.
    std::atomic<bool> hard_exit{false};
    int hard_exit_code = 0;                  // written before hard_exit is set

    // Lookup caches. Every dict mutation stamps the dict with a fresh
    // number from dict_version_counter, so a (dict, ma_version) pair names
    // one state of one dict for ever; a cache entry that recorded the
    // versions it depends on is valid exactly while they are unchanged
    // (CPython 3.11: dict versions for LOAD_GLOBAL). The dicts of types
    // are "watched": changing one bumps type_epoch, which invalidates every
    // entry of the type-attribute cache at once (CPython uses per-type
    // version tags; one epoch is simpler and class attributes rarely change).
    uint64_t dict_version_counter = 0;
    uint64_t type_epoch = 1;
    static constexpr std::size_t kTypeCacheSize = 1024;    // power of two
    static constexpr std::size_t kGlobalCacheSize = 512;   // power of two
    TypeCacheEntry type_cache[kTypeCacheSize];
    GlobalCacheEntry global_cache[kGlobalCacheSize];
    // Where LOAD_ATTR/STORE_ATTR found the attribute last time: an entry
    // index into the instance dict, per instruction address (hashed). Only a
    // hint: it is used when that entry's key is the very name, so a stale or
    // colliding hint costs a normal lookup, never a wrong answer.
    static constexpr std::size_t kAttrHintSize = 1024;   // power of two
    uint32_t attr_hints[kAttrHintSize] = {};

    // Dead exact floats kept for reuse (CPython's float free list): float
    // arithmetic allocates a float per result, and most die at once. Linked
    // through the ob_fval slot; each keeps its memory and its type reference
    // until reused or until finalize() frees them.
    static constexpr int kFloatFreeMax = 100;
    Object* float_free_list = nullptr;
    int float_numfree = 0;
    void clear_lookup_caches();   // drops the cached names' references
    // Where input() reads a line from (without its newline); false at end of
    // input. Natively std::getline on std::cin; an embedder (the wasm layer)
    // replaces it to prompt the page instead.
    std::function<bool(std::string&)> read_line = default_read_line;

    ThreadState* main_thread() { return main_thread_.get(); }
    // The thread running Python code now: the GIL holder (the main thread
    // when nobody holds it, e.g. before bootstrap). For code that has no
    // ThreadState at hand (deallocation, weakref callbacks, the collector).
    ThreadState* current_thread() {
        ThreadState* h = gil ? gil->holder() : nullptr;
        return h ? h : main_thread_.get();
    }

    // Interns a C string (identifier-like names used by the runtime).
    StrObject* intern(const char* s);

    // Clears every module and collects the cycles (the __del__ methods of
    // module globals run here, as at CPython's exit).
    void finalize();
    // finalize(), then frees the types, caches and singletons too: after it
    // the heap holds no block (the leak test checks that). The destructor
    // calls it; only the object no longer works afterwards.
    void release_all();

private:
    bool bootstrap();
    void init_hash_secret(int64_t seed);   // hash_secret and hash_secret_k1 from PYTHONHASHSEED
    std::unique_ptr<ThreadState> main_thread_;
    bool finalized_ = false;
    bool released_ = false;
};

}  // namespace gp
