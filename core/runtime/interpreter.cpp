// interpreter.cpp — creating an interpreter (bootstrap) and tearing it down.
//
// Mirrors CPython 3.11's Python/pylifecycle.c (pycore_init_types,
// pycore_init_builtins, _PySys_Create) for one interpreter. The order
// matters because types are objects too: `type` and `object` are made by
// hand first, then the types every other step needs (str for names, dict
// for namespaces, tuple for MROs), then the rest.
#include "runtime/tracing.h"
#include "runtime/interpreter.h"
#include "runtime/green.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "modules/builtins.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/exceptiongroup.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/frameobject.h"
#include "objects/genobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/threads.h"

namespace gp {

bool init_type_type(ThreadState* ts);      // typeobject.cpp
bool init_object_types(ThreadState* ts);   // object.cpp

ThreadState::ThreadState(Interpreter* i) : interp(i), frames(std::make_unique<FrameStack>()) {}
ThreadState::~ThreadState() = default;

// GLASSPY_MALLOC=malloc sends every allocation to the system allocator, so
// that a sanitizer or Valgrind sees each object (CPython's PYTHONMALLOC=malloc).
static bool want_system_malloc() {
    const char* v = std::getenv("GLASSPY_MALLOC");
    return v && std::strcmp(v, "malloc") == 0;
}

// The key of str/bytes hashing, as Python/bootstrap_hash.c makes
// _Py_HashSecret: zero for PYTHONHASHSEED=0, the bytes of its linear
// congruential generator (lcg_urandom) for another seed, else random.
void Interpreter::init_hash_secret(int64_t seed) {
    if (seed < 0) {
        hash_secret = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()) * 0x9E3779B97F4A7C15ull;
        // splitmix64: a second key word derived from the first.
        uint64_t z = hash_secret + 0x9E3779B97F4A7C15ULL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        hash_secret_k1 = z ^ (z >> 31);
        return;
    }
    uint8_t key[16] = {};
    if (seed > 0) {
        uint32_t x = uint32_t(seed);
        for (uint8_t& byte : key) {
            x = x * 214013u + 2531011u;   // modulo 2**32
            byte = uint8_t((x >> 16) & 0xff);
        }
    }
    hash_secret = hash_secret_k1 = 0;
    for (int i = 7; i >= 0; i--) {   // little-endian words, as the C struct overlays the bytes
        hash_secret = (hash_secret << 8) | key[i];
        hash_secret_k1 = (hash_secret_k1 << 8) | key[8 + i];
    }
}

Interpreter::Interpreter(const Config& cfg) : config(cfg), heap(cfg.heap_limit, want_system_malloc()) {
    green = GreenScheduler::current();
    if (green) eval_breaker.fetch_or(EVAL_GREEN_TICK);
    main_thread_ = std::make_unique<ThreadState>(this);
    main_thread_->ident = os_thread_ident();
    main_thread_->native_id = os_thread_native_id();
    // The main thread holds the GIL from the start (and gives it up only in
    // blocking calls or when another thread asks).
    gil = std::shared_ptr<Gil>(new Gil(*this), [](Gil* g) { g->release(); });
    gil->take(main_thread_.get());
    init_hash_secret(cfg.hash_seed);
    if (!bootstrap()) {
        // A failed bootstrap leaves a half-built interpreter; report it the
        // only way we can before anything can run.
        if (output) output(Stream::Stderr, "Fatal Python error: glasspy could not initialize the interpreter\n");
        return;
    }
    if (cfg.tracemalloc_frames > 0) {
        tracemalloc.start(cfg.tracemalloc_frames < Tracer::kMaxFrames ? cfg.tracemalloc_frames : Tracer::kMaxFrames);
        error_clear(main_thread_.get());
    }
}

StrObject* Interpreter::intern(const char* s) {
    auto it = intern_memo.find(s);
    if (it != intern_memo.end() && str_utf8(it->second) == std::string_view(s)) return it->second;
    Ref<> r = str_intern_cstr(current_thread(), s);
    // The interned table keeps the string alive (immortal): hand out a
    // borrowed pointer.
    auto* so = static_cast<StrObject*>(r.get());
    if (so) intern_memo[s] = so;
    return so;
}

bool Interpreter::bootstrap() {
    ThreadState* ts = main_thread_.get();
    const uint64_t base = TPFLAGS_BASETYPE;
    // 1. `type` and `object`, patched to point at each other.
    types.type = type_new_builtin(*this, "type", sizeof(TypeObject), 0, nullptr,
                                  base | TPFLAGS_TYPE_SUBCLASS);
    if (!types.type) return false;
    types.type->ob_type = types.type;
    incref(types.type);
    types.type->tp_live++;
    types.object = type_new_builtin(*this, "object", sizeof(Object), 0, nullptr, base);
    if (!types.object) return false;
    types.type->tp_base = types.object;
    incref(types.object);

    // 2. Every other built-in type object, with placeholder sizes that the
    //    types' own init functions refine.
    struct Spec { TypeObject** slot; const char* name; isize size; uint64_t flags; };
    const uint64_t gc = TPFLAGS_HAVE_GC;
    Spec specs[] = {
        {&types.none, "NoneType", sizeof(Object), 0},
        {&types.notimplemented, "NotImplementedType", sizeof(Object), 0},
        {&types.ellipsis, "ellipsis", sizeof(Object), 0},
        {&types.int_, "int", sizeof(VarObject), base | TPFLAGS_LONG_SUBCLASS},
        {&types.bool_, "bool", sizeof(VarObject), TPFLAGS_LONG_SUBCLASS},
        {&types.float_, "float", sizeof(FloatObject), base},
        {&types.str, "str", sizeof(StrObject), base | TPFLAGS_UNICODE_SUBCLASS},
        {&types.tuple, "tuple", sizeof(VarObject), base | gc | TPFLAGS_TUPLE_SUBCLASS},
        {&types.list, "list", sizeof(ListObject), base | gc | TPFLAGS_LIST_SUBCLASS},
        {&types.dict, "dict", sizeof(DictObject), base | gc | TPFLAGS_DICT_SUBCLASS},
        {&types.range, "range", sizeof(Object), 0},
        {&types.range_iter, "range_iterator", sizeof(Object), 0},
        {&types.list_iter, "list_iterator", sizeof(Object), gc},
        {&types.tuple_iter, "tuple_iterator", sizeof(Object), gc},
        {&types.str_iter, "str_ascii_iterator", sizeof(Object), gc},
        {&types.dict_keyiter, "dict_keyiterator", sizeof(Object), gc},
        {&types.code, "code", sizeof(CodeObject), 0},
        {&types.function, "function", sizeof(FunctionObject), gc},
        {&types.builtin_function, "builtin_function_or_method", sizeof(CFunctionObject), gc},
        {&types.method, "method", sizeof(MethodObject), gc},
        {&types.cell, "cell", sizeof(CellObject), gc},
        {&types.module, "module", sizeof(ModuleObject), base | gc},
        {&types.frame, "frame", sizeof(Object), gc},
        {&types.traceback, "traceback", sizeof(TracebackObject), gc},
        {&types.slice, "slice", sizeof(Object), 0},
        {&types.property, "property", sizeof(Object), base | gc},
        {&types.staticmethod, "staticmethod", sizeof(Object), base | gc},
        {&types.classmethod, "classmethod", sizeof(Object), base | gc},
        {&types.method_descriptor, "method_descriptor", sizeof(MethodDescrObject), gc},
        {&types.wrapper_descriptor, "wrapper_descriptor", sizeof(Object), gc},
        {&types.method_wrapper, "method-wrapper", sizeof(Object), gc},
        {&types.getset_descriptor, "getset_descriptor", sizeof(GetSetDescrObject), gc},
        {&types.member_descriptor, "member_descriptor", sizeof(Object), gc},
        {&types.super_, "super", sizeof(Object), base | gc},
        {&types.stdstream, "TextIOWrapper", sizeof(Object), 0},
        {&types.stdbuffer, "BufferedWriter", sizeof(Object), 0},
        {&types.stdin_buffer, "BufferedReader", sizeof(Object), 0},
        {&types.generator, "generator", sizeof(GenObject), gc},
    };
    for (Spec& s : specs) {
        *s.slot = type_new_builtin(*this, s.name, s.size, 0, types.object, s.flags);
        if (!*s.slot) return false;
    }
    types.bool_->tp_base = types.int_;
    incref(types.int_);
    decref(types.object);

    // 3. Slots and caches, in dependency order: names need str, namespaces
    //    need dict, MROs need tuple.
    if (!init_type_type(ts) || !init_object_types(ts) || !init_str_type(ts) || !init_dict_type(ts) ||
        !init_tuple_type(ts) || !init_list_type(ts) || !init_descr_types(ts) || !init_int_types(ts) ||
        !init_float_type(ts) || !init_function_types(ts) || !init_code_type(ts) || !init_range_type(ts) ||
        !init_slice_type(ts) || !init_set_types(ts) || !init_generator_type(ts) || !init_frame_type(ts) || !init_stdstream_type(ts) || !init_builtin_object_types(ts))
        return false;

    // 4. type_ready everything, bases first.
    if (!type_ready(ts, types.object) || !type_ready(ts, types.type)) return false;
    for (Spec& s : specs) {
        if (*s.slot == types.bool_) continue;
        if (!type_ready(ts, *s.slot)) return false;
    }
    if (!type_ready(ts, types.bool_)) return false;
    // Types made by the init functions themselves (iterators, views, sets).
#define GP_READY_TYPE(name) \
    if (types.name && !types.name->tp_mro && !type_ready(ts, types.name)) return false;
    GP_BUILTIN_TYPES(GP_READY_TYPE)
#undef GP_READY_TYPE
    if (!init_exception_types(ts) || !init_exception_group_types(ts)) return false;

    // 5. sys.modules, builtins, sys.
    Ref<DictObject> mods = dict_new(ts);
    if (!mods) return false;
    modules = mods.release();
    Ref<ModuleObject> b = make_builtins_module(ts);
    if (!b) return false;
    builtins = b.release();
    Ref<ModuleObject> s = make_sys_module(ts);
    if (!s) return false;
    sys = s.release();
    if (!dict_set_cstr(ts, modules, "builtins", builtins) || !dict_set_cstr(ts, modules, "sys", sys)) return false;
    return true;
}

// Tearing down (CPython's finalize_modules + finalize_interp_clear, for one
// interpreter). The aim is exact: afterwards the heap holds no block at all,
// which the leak test checks. The order matters because objects need their
// types to be freed, and types form cycles among themselves (a class is in
// its own __mro__, its dict holds descriptors that point back at it):
//
//   1. modules: __main__'s namespace first (a __del__ may still print),
//      then every module's, then the module table; collect the cycles.
//   2. the collector's own roots (gc.garbage, gc.callbacks), collect again.
//   3. types, in two passes over all of them (held alive meanwhile): empty
//      every type dict, so methods and descriptors die while all types are
//      still whole; then cut the cycles between types (MRO, bases).
//   4. caches and singletons: small ints, one-character strings, the
//      interned table, None and friends.
//   5. drop the last references to the types; each frees itself.
//
// finalize() does steps 1-2, release_all() all five; the destructor runs
// release_all(), so destroying an interpreter returns its whole heap.
// Daemon threads still running at finalize() never run Python code again
// (gil.h); what their frames hold is released when release_all() begins,
// once no finalizer may run any more (finalizers_off), so that a learner
// sees what CPython shows: those objects are never finalized.
void Interpreter::finalize() {
    if (finalized_) return;
    finalized_ = true;
    ThreadState* ts = main_thread_.get();
    tracemalloc.stop();
    // Threads still running now are daemon threads (threading._shutdown
    // waited for the others): from here on they end when they ask for the
    // GIL, and this thread keeps it (Py_FinalizeEx).
    gil->begin_finalizing(ts);
    // Green threads woken by that run now and end, as OS threads would.
    if (green) green->run_ready();
    reap_finished_threads(*this);
    error_clear(ts);
    Object* exc_info = ts->exc_info;
    ts->exc_info = nullptr;
    xdecref(exc_info);
    set_trace_function(ts, nullptr);
    set_profile_function(ts, nullptr);
    Object* tdict = ts->dict;
    ts->dict = nullptr;
    xdecref(tdict);
    // 1. Modules.
    if (modules) {
        if (Object* main = dict_get_cstr(ts, modules, "__main__"); main && type_of(main) == types.module) {
            // As CPython's finalize_modules: __main__ leaves sys.modules and,
            // if nothing else holds it, its namespace is left to the
            // collector while builtins still work. A namespace is usually a
            // cycle (its functions' __globals__, classes' methods), so the
            // objects in it are finalized together, in the order they were
            // made. If something still holds the module, its dict is
            // emptied instead, name by name.
            Ref<> keep = newref(main);
            if (!dict_del_str(modules, intern("__main__"))) error_clear(ts);
            if (keep->ob_refcnt == 1) {
                keep.reset();
                gc_collect_no_fail(ts);
            } else {
                dict_clear(static_cast<ModuleObject*>(keep.get())->md_dict);
            }
        }
        error_clear(ts);
        isize pos = 0;
        Object *k, *v;
        std::vector<Object*> mods;
        while (dict_next(modules, &pos, &k, &v)) mods.push_back(newref(v).release());
        for (Object* m : mods) {
            if (type_of(m) == types.module) dict_clear(static_cast<ModuleObject*>(m)->md_dict);
            decref(m);
        }
        dict_clear(modules);
    }
    xdecref(warnings.filters); warnings.filters = nullptr;
    xdecref(warnings.once_registry); warnings.once_registry = nullptr;
    xdecref(warnings.default_action); warnings.default_action = nullptr;
    if (types.object) gc_collect_no_fail(ts);
    xdecref(builtins); builtins = nullptr;
    xdecref(sys); sys = nullptr;
    xdecref(modules); modules = nullptr;
    clear_lookup_caches();
    // 2. The collector's roots.
    gc_fini(*this);
    if (types.object) gc_collect_no_fail(ts);
    error_clear(ts);
}

void Interpreter::release_all() {
    finalize();
    if (released_) return;
    released_ = true;
    ThreadState* ts = main_thread_.get();
    finalizers_off = true;
    // What daemon threads still hold goes now, when no finalizer can show
    // that it went: in CPython their frames keep it alive to the end.
    release_daemon_threads(*this);

    // 3. Every type, reached through the subclass lists from `object`.
    std::vector<TypeObject*> all_types;
    if (types.object) {
        std::vector<TypeObject*> todo{types.object};
        while (!todo.empty()) {
            TypeObject* t = todo.back();
            todo.pop_back();
            if (std::find(all_types.begin(), all_types.end(), t) != all_types.end()) continue;
            all_types.push_back(newref(t).release());
            for (TypeObject* sub : t->tp_subclasses) todo.push_back(sub);
        }
    }
    for (TypeObject* t : all_types)
        if (t->tp_dict) dict_clear(t->tp_dict);
    error_clear(ts);
    // A cycle that runs through a class still referenced from elsewhere
    // (Logger.manager -> manager.loggerDict -> logger -> Logger, with
    // Logger kept by its subclasses' bases) survives the collections of
    // finalize(). With every type dict empty the rest of it is garbage.
    gc_collect_no_fail(ts);
    error_clear(ts);
    // The MRO and the bases tuple point from a type back to itself or to
    // its subclasses, and the (now empty) dict is an instance of `dict`,
    // whose own dict is one more: these go. tp_base, the names and the slot
    // names stay, because instances still alive need them to be freed
    // (subtype_dealloc walks tp_base and clears ht_slots), and type_dealloc
    // releases them with the type.
    for (TypeObject* t : all_types) {
        Object* fields[] = {t->tp_mro, t->tp_bases, t->tp_dict};
        t->tp_mro = nullptr;
        t->tp_bases = nullptr;
        t->tp_dict = nullptr;
        t->tp_subclasses.clear();
        for (Object* f : fields) xdecref(f);
    }

    // 4. Caches and singletons.
    float_clear_free_list(*this);
    // The interned table first: it asks the caches below which strings are
    // theirs (str_clear_interned).
    intern_memo.clear();
    str_clear_interned(*this);
    for (IntObject*& i : small_ints) {
        if (i) static_refs_remove(i);
        xdecref(i);
        i = nullptr;
    }
    for (StrObject*& c : latin1_chars) {
        if (c) static_refs_remove(c);
        xdecref(c);
        c = nullptr;
    }
    if (empty_str) static_refs_remove(empty_str);
    if (empty_tuple) static_refs_remove(empty_tuple);
    Object* singles[] = {True, False, empty_str, empty_tuple, None, NotImplemented, Ellipsis};
    True = False = nullptr; empty_str = nullptr; empty_tuple = nullptr;
    None = NotImplemented = Ellipsis = nullptr;
    xdecref(interned); interned = nullptr;
    for (Object* o : singles) xdecref(o);

    // 5. The types themselves. `type` is its own type, so once every other
    //    type is gone its only references are its own ob_type and ours.
    TypeObject* type_type = types.type;
#define GP_RELEASE_TYPE(name) xdecref(types.name); types.name = nullptr;
    GP_BUILTIN_TYPES(GP_RELEASE_TYPE)
#undef GP_RELEASE_TYPE
#define GP_RELEASE_EXC(name, base) xdecref(exc.name); exc.name = nullptr;
    GP_EXCEPTION_TYPES(GP_RELEASE_EXC)
#undef GP_RELEASE_EXC
    xdecref(exc.BaseExceptionGroup); exc.BaseExceptionGroup = nullptr;
    xdecref(exc.ExceptionGroup); exc.ExceptionGroup = nullptr;
    for (TypeObject* t : all_types)
        if (t != type_type) decref(t);
    if (type_type) {
        // type -> object through tp_base, object -> type through ob_type.
        TypeObject* base = type_type->tp_base;
        type_type->tp_base = nullptr;
        xdecref(base);
        if (type_type->ob_refcnt == 2) type_type->ob_refcnt--;   // the self-reference
        decref(type_type);
    }
}

void Interpreter::clear_lookup_caches() {
    for (TypeCacheEntry& e : type_cache) {
        Object* name = e.name;
        e = TypeCacheEntry{};
        xdecref(name);
    }
    for (GlobalCacheEntry& e : global_cache) {
        Object* name = e.name;
        e = GlobalCacheEntry{};
        xdecref(name);
    }
    type_epoch++;
}

// Destroying an interpreter returns every byte of its heap. With
// GLASSPY_LEAK_CHECK=1 in the environment, a block still live afterwards is
// reported on stderr (the conformance suite runs this way in the leak check).
Interpreter::~Interpreter() {
    release_all();
    if (const char* v = std::getenv("GLASSPY_LEAK_CHECK"); v && *v && std::strcmp(v, "0") != 0) {
        HeapStats st = heap.stats();
        if (st.allocated_blocks) {
            char line[128];
            std::snprintf(line, sizeof line, "glasspy: %llu blocks (%llu bytes) leaked at exit\n",
                          (unsigned long long)st.allocated_blocks, (unsigned long long)st.allocated_bytes);
            std::fputs(line, stderr);
        }
    }
}

}  // namespace gp
