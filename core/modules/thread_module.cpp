// thread_module.cpp — `_thread`: the low-level threading API that
// core/lib/threading.py builds on.
//
// Mirrors CPython 3.11's Modules/_threadmodule.c. The mechanisms live in
// runtime/threads.{h,cpp} (starting threads, the lock that waits without the
// GIL) and runtime/gil.{h,cpp}; this file only exposes them:
//
//   start_new_thread(func, args[, kwargs])   a new OS thread running func
//   allocate_lock() -> lock                   acquire(blocking, timeout) / release / locked
//   RLock                                     re-entrant: owner + count over a lock
//   _local                                    attributes seen only by the thread that set them
//   get_ident, get_native_id, _count, stack_size, TIMEOUT_MAX, error,
//   _set_sentinel (the lock Thread.join waits on), interrupt_main, exit
#include <cmath>
#include <cstdio>
#include <new>

#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/weakrefobject.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/os_thread.h"
#include "runtime/threads.h"

namespace gp {

// The longest timeout a lock wait accepts, in seconds (CPython's
// PY_TIMEOUT_MAX on 64-bit Linux, as _thread.TIMEOUT_MAX shows it).
static constexpr double kTimeoutMax = 9223372036.0;

// ------------------------------------------------------------------ lock

// Locks are GC objects with a weak-reference list, as CPython 3.11's
// (they hold no Python objects: the collector only counts them).
struct LockObject : Object {
    std::shared_ptr<LockCore> core;   // shared with threads waiting for it
    Object* weakreflist;              // head of the weak-reference list (weakrefobject.h), borrowed
};

// RLock: a lock plus the ident of the thread that holds it and how often.
struct RLockObject : Object {
    std::shared_ptr<LockCore> core;
    uint64_t owner;   // ident of the holder, 0 when unlocked
    uint64_t count;   // recursion depth of the holder
    Object* weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
};

static LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }
static RLockObject* as_rlock(Object* o) { return static_cast<RLockObject*>(o); }

static Ref<> new_lock(ThreadState* ts, TypeObject* type) {
    auto* l = static_cast<LockObject*>(object_alloc(ts, type, 0));
    if (!l) return nullptr;
    new (&l->core) std::shared_ptr<LockCore>(std::make_shared<LockCore>());
    ts->interp->gc.track(l);
    return Ref<>::steal(l);
}

static int lock_traverse(Object*, visitproc, void*) { return 0; }

static void lock_dealloc(Object* op) {
    as_lock(op)->core.~shared_ptr();
    object_free(op);
}

// lock_acquire_parse_args: (blocking=True, timeout=-1) -> blocking, seconds.
static bool parse_acquire(ThreadState* ts, Object* const* args, isize nargs, TupleObject* kw, bool* blocking,
                          double* timeout) {
    Interpreter& interp = *ts->interp;
    static const char* const names[] = {"blocking", "timeout"};
    ArgSpec spec{"acquire", names, 2, 0, 2, 0};
    Object* a[2] = {nullptr, nullptr};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return false;
    *blocking = true;
    if (a[0]) {
        int b = object_is_true(ts, a[0]);
        if (b < 0) return false;
        *blocking = b != 0;
    }
    *timeout = -1;
    if (a[1]) {
        // _PyTime_FromSecondsObject: a float, or anything with __index__.
        if (is_float(a[1])) {
            if (!float_as_double(ts, a[1], timeout)) return false;
            if (std::isnan(*timeout)) {
                raise(ts, interp.exc.ValueError, "Invalid value NaN (not a number)");
                return false;
            }
        } else {
            Ref<> i = number_index(ts, a[1]);
            if (!i || !int_as_double(ts, i.get(), timeout)) return false;
        }
    }
    if (!*blocking && *timeout != -1) {
        raise(ts, interp.exc.ValueError, "can't specify a timeout for a non-blocking call");
        return false;
    }
    if (*timeout < 0 && *timeout != -1) {
        raise(ts, interp.exc.ValueError, "timeout value must be positive");
        return false;
    }
    if (*timeout > kTimeoutMax) {
        raise(ts, interp.exc.OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    return true;
}

static Ref<> lock_acquire_method(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    bool blocking;
    double timeout;
    if (!parse_acquire(ts, args, nargs, kw, &blocking, &timeout)) return nullptr;
    AcquireResult r = lock_acquire(ts, as_lock(self)->core, blocking, timeout);
    if (r == AcquireResult::Error) return nullptr;
    return newref(r == AcquireResult::Acquired ? ts->interp->True : ts->interp->False);
}

static Ref<> lock_release_method(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "release", kw) || !check_nargs(ts, "release", nargs, 0, 0)) return nullptr;
    if (!as_lock(self)->core->release()) return raise(ts, ts->interp->exc.RuntimeError, "release unlocked lock");
    return newref(ts->interp->None);
}

static Ref<> lock_exit_method(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    if (!as_lock(self)->core->release()) return raise(ts, ts->interp->exc.RuntimeError, "release unlocked lock");
    return newref(ts->interp->None);
}

static bool core_locked(LockCore& c) {
    std::lock_guard<std::mutex> lk(c.mu);
    return c.locked;
}

static Ref<> lock_locked_method(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "locked", kw) || !check_nargs(ts, "locked", nargs, 0, 0)) return nullptr;
    return newref(core_locked(*as_lock(self)->core) ? ts->interp->True : ts->interp->False);
}

static std::string address_of(Object* o) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
    return buf;
}

static Ref<> lock_repr(ThreadState* ts, Object* self) {
    std::string s = std::string("<") + (core_locked(*as_lock(self)->core) ? "locked" : "unlocked") + " " +
                    type_of(self)->tp_name + " object at " + address_of(self) + ">";
    return str_from_utf8(ts, s);
}

static Ref<> lock_at_fork_reinit(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    as_lock(self)->core = std::make_shared<LockCore>();
    return newref(ts->interp->None);
}

static const MethodDef lock_methods[] = {
    {"acquire_lock", lock_acquire_method, 0, "acquire(blocking=True, timeout=-1) -> bool\n(acquire_lock() is an obsolete synonym)"},
    {"acquire", lock_acquire_method, 0, "acquire(blocking=True, timeout=-1) -> bool\n\nLock the lock."},
    {"release_lock", lock_release_method, 0, "release()\n(release_lock() is an obsolete synonym)"},
    {"release", lock_release_method, 0, "release()\n\nRelease the lock."},
    {"locked_lock", lock_locked_method, 0, "locked() -> bool\n(locked_lock() is an obsolete synonym)"},
    {"locked", lock_locked_method, 0, "locked() -> bool\n\nTest whether the lock is currently locked."},
    {"__enter__", lock_acquire_method, 0, "acquire(blocking=True, timeout=-1) -> bool\n\nLock the lock."},
    {"__exit__", lock_exit_method, 0, "release()\n\nRelease the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, 0, "_at_fork_reinit()"},
    {nullptr, nullptr, 0, nullptr},
};

// ----------------------------------------------------------------- RLock

static Ref<> rlock_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    auto* r = static_cast<RLockObject*>(object_alloc(ts, type, 0));
    if (!r) return nullptr;
    new (&r->core) std::shared_ptr<LockCore>(std::make_shared<LockCore>());
    r->owner = 0;
    r->count = 0;
    ts->interp->gc.track(r);
    return Ref<>::steal(r);
}

static void rlock_dealloc(Object* op) {
    as_rlock(op)->core.~shared_ptr();
    object_free(op);
}

static Ref<> rlock_acquire_method(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    bool blocking;
    double timeout;
    if (!parse_acquire(ts, args, nargs, kw, &blocking, &timeout)) return nullptr;
    RLockObject* r = as_rlock(self);
    if (r->count > 0 && r->owner == ts->ident) {
        r->count++;
        return newref(ts->interp->True);
    }
    AcquireResult res = lock_acquire(ts, r->core, blocking, timeout);
    if (res == AcquireResult::Error) return nullptr;
    if (res == AcquireResult::Failed) return newref(ts->interp->False);
    r->owner = ts->ident;
    r->count = 1;
    return newref(ts->interp->True);
}

static Ref<> rlock_release_method(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    RLockObject* r = as_rlock(self);
    if (r->count == 0 || r->owner != ts->ident)
        return raise(ts, ts->interp->exc.RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        r->core->release();
    }
    return newref(ts->interp->None);
}

static Ref<> rlock_is_owned(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    RLockObject* r = as_rlock(self);
    return newref(r->count > 0 && r->owner == ts->ident ? ts->interp->True : ts->interp->False);
}

// _release_save() -> (count, owner): lets go completely (Condition.wait).
static Ref<> rlock_release_save(ThreadState* ts, Object* self, Object* const*, isize, TupleObject*) {
    RLockObject* r = as_rlock(self);
    if (r->count == 0) return raise(ts, ts->interp->exc.RuntimeError, "cannot release un-acquired lock");
    Ref<> count = int_from_u64(ts, r->count);
    Ref<> owner = count ? int_from_u64(ts, r->owner) : Ref<>();
    if (!owner) return nullptr;
    r->count = 0;
    r->owner = 0;
    r->core->release();
    return tuple_pack(ts, {count.get(), owner.get()});
}

// _acquire_restore((count, owner)): takes it back as it was.
static Ref<> rlock_acquire_restore(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_acquire_restore", kw) || !check_nargs(ts, "_acquire_restore", nargs, 1, 1)) return nullptr;
    Object* state = args[0];
    if (!is_tuple(state) || as_tuple(state)->ob_size != 2)
        return raise(ts, ts->interp->exc.TypeError, "_acquire_restore() argument 1 must be tuple");
    int64_t count, owner;
    Ref<> c = number_index(ts, as_tuple(state)->ob_item[0]);
    Ref<> o = c ? number_index(ts, as_tuple(state)->ob_item[1]) : Ref<>();
    if (!o) return nullptr;
    uint64_t ucount = 0, uowner = 0;
    if (int_as_i64(c.get(), &count)) ucount = uint64_t(count);
    if (int_as_i64(o.get(), &owner)) uowner = uint64_t(owner);
    else {
        double d;
        if (!int_as_double(ts, o.get(), &d)) return nullptr;
        uowner = uint64_t(d);
    }
    RLockObject* r = as_rlock(self);
    if (lock_acquire(ts, r->core, true, -1) != AcquireResult::Acquired) return nullptr;
    r->owner = uowner;
    r->count = ucount;
    return newref(ts->interp->None);
}

static Ref<> rlock_repr(ThreadState* ts, Object* self) {
    RLockObject* r = as_rlock(self);
    std::string s = std::string("<") + (r->count ? "locked" : "unlocked") + " " + type_module_name(ts, type_of(self)) +
                    "." + type_qualname(type_of(self)) + " object owner=" + std::to_string(r->owner) +
                    " count=" + std::to_string(r->count) + " at " + address_of(self) + ">";
    error_clear(ts);
    return str_from_utf8(ts, s);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire_method, 0, "acquire(blocking=True) -> bool\n\nLock the lock."},
    {"release", rlock_release_method, 0, "release()\n\nRelease the lock."},
    {"_is_owned", rlock_is_owned, 0, "For internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, 0, "For internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, 0, "For internal use by `threading.Condition`."},
    {"__enter__", rlock_acquire_method, 0, "acquire(blocking=True) -> bool\n\nLock the lock."},
    {"__exit__", rlock_release_method, 0, "release()\n\nRelease the lock."},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------- _local
//
// Each thread sees its own attributes. The per-thread namespaces live in the
// threads' own dicts (ThreadState::dict) under a key unique to this object,
// so a thread's namespaces go when the thread ends. Before every attribute
// access the object's __dict__ slot is pointed at the current thread's
// namespace, made on first use (calling __init__ again with the original
// arguments for subclasses, as CPython does).

struct LocalObject : Object {
    Object* key;      // owned str: this object's slot name in each thread's dict
    Object* args;     // owned tuple: constructor arguments, for __init__ in new threads
    Object* kw;       // owned dict or null
    Object* dict;     // owned: the namespace of the thread that accessed it last
};

static LocalObject* as_local(Object* o) { return static_cast<LocalObject*>(o); }

static Ref<> local_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    const isize nkw = kwnames ? kwnames->ob_size : 0;
    if ((nargs || nkw) && type->tp_init == interp.types.object->tp_init)
        return raise(ts, interp.exc.TypeError, "Initialization arguments are not supported");
    Ref<TupleObject> a = tuple_from_array(ts, args, nargs);
    if (!a) return nullptr;
    Ref<DictObject> kw;
    if (nkw) {
        kw = dict_new(ts);
        if (!kw) return nullptr;
        for (isize k = 0; k < nkw; k++)
            if (!dict_set_item(ts, kw.get(), kwnames->ob_item[k], args[nargs + k])) return nullptr;
    }
    Ref<> key = str_from_utf8(ts, "_thread._local." + std::to_string(++interp.local_counter));
    if (!key) return nullptr;
    auto* l = static_cast<LocalObject*>(object_alloc(ts, type, 0));
    if (!l) return nullptr;
    l->key = key.release();
    l->args = a.release();
    l->kw = kw.release();
    l->dict = nullptr;
    interp.gc.track(l);
    Ref<> self = Ref<>::steal(l);
    // The creating thread's namespace exists from the start (its __init__
    // runs through the normal type call, not here).
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    if (!ts->dict) {
        Ref<DictObject> td = dict_new(ts);
        if (!td) return nullptr;
        ts->dict = td.release();
    }
    if (!dict_set_item(ts, as_dict(ts->dict), l->key, d.get())) return nullptr;
    l->dict = d.release();
    return self;
}

// Points self's __dict__ at the current thread's namespace. False on error.
static bool local_prepare(ThreadState* ts, LocalObject* l) {
    if (!ts->dict) {
        Ref<DictObject> td = dict_new(ts);
        if (!td) return false;
        ts->dict = td.release();
    }
    Object* d = dict_get_item(ts, as_dict(ts->dict), l->key);
    if (!d && error_occurred(ts)) return false;
    bool created = false;
    Ref<> fresh;
    if (!d) {
        fresh = dict_new(ts);
        if (!fresh || !dict_set_item(ts, as_dict(ts->dict), l->key, fresh.get())) return false;
        d = fresh.get();
        created = true;
    }
    if (l->dict != d) {
        Object* old = l->dict;
        l->dict = newref(d).release();
        xdecref(old);
    }
    if (created) {
        TypeObject* t = type_of(l);
        if (t->tp_init != ts->interp->types.object->tp_init) {
            auto* a = as_tuple(l->args);
            Ref<> init = object_getattr_cstr(ts, l, "__init__");
            if (!init) return false;
            Ref<> r = call_with_kwdict(ts, init.get(), a->ob_item, a->ob_size,
                                       l->kw ? static_cast<DictObject*>(l->kw) : nullptr);
            if (!r) return false;
        }
    }
    return true;
}

static Ref<> local_getattro(ThreadState* ts, Object* self, Object* name) {
    if (!local_prepare(ts, as_local(self))) return nullptr;
    return generic_getattr(ts, self, name);
}

static int local_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
    if (!local_prepare(ts, as_local(self))) return -1;
    if (is_str(name) && str_utf8(name) == "__dict__") {
        raise(ts, ts->interp->exc.AttributeError,
              "'" + type_of(self)->tp_name + "' object attribute '__dict__' is read-only");
        return -1;
    }
    return generic_setattr(ts, self, name, value);
}

static void local_dealloc(Object* op) {
    LocalObject* l = as_local(op);
    Interpreter& interp = *type_of(op)->interp;
    // Forget this object's namespace in every thread still alive.
    if (l->key) {
        ThreadState* ts = interp.current_thread();
        Ref<> saved = error_fetch(ts);
        auto forget = [&](ThreadState* t) {
            if (t->dict && dict_get_item(ts, as_dict(t->dict), l->key)) dict_del_item(ts, as_dict(t->dict), l->key);
            error_clear(ts);
        };
        forget(interp.main_thread());
        for (auto& t : interp.threads) forget(t.get());
        error_restore(ts, std::move(saved));
    }
    fields_dealloc<LocalObject, &LocalObject::key, &LocalObject::args, &LocalObject::kw, &LocalObject::dict>(op);
}

static int local_traverse(Object* op, visitproc visit, void* arg) {
    return fields_traverse<LocalObject, &LocalObject::args, &LocalObject::kw, &LocalObject::dict>(op, visit, arg);
}

static int local_clear(Object* op) {
    LocalObject* l = as_local(op);
    Object* objs[3] = {l->args, l->kw, l->dict};
    l->args = l->kw = l->dict = nullptr;
    for (Object* o : objs) xdecref(o);
    return 0;
}

// ------------------------------------------------------------ functions

static Ref<> thread_start_new_thread(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "start_new_thread", kw) || !check_tuple_nargs(ts, "start_new_thread", nargs, 2, 3))
        return nullptr;
    if (!is_callable(args[0])) return raise(ts, interp.exc.TypeError, "first arg must be callable");
    if (!is_tuple(args[1])) return raise(ts, interp.exc.TypeError, "2nd arg must be a tuple");
    Object* kwargs = nargs > 2 ? args[2] : nullptr;
    if (kwargs && !is_dict(kwargs)) return raise(ts, interp.exc.TypeError, "optional 3rd arg must be a dictionary");
    return start_new_thread(ts, args[0], args[1], kwargs);
}

static TypeObject* lock_type(ThreadState* ts) { return module_type(ts, "_thread", "LockType"); }

static Ref<> thread_allocate_lock(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "allocate_lock", kw) || !check_nargs(ts, "allocate_lock", nargs, 0, 0)) return nullptr;
    TypeObject* t = lock_type(ts);
    if (!t) return nullptr;
    return new_lock(ts, t);
}

static Ref<> thread_get_ident(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get_ident", kw) || !check_nargs(ts, "get_ident", nargs, 0, 0)) return nullptr;
    return int_from_u64(ts, ts->ident);
}

static Ref<> thread_get_native_id(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get_native_id", kw) || !check_nargs(ts, "get_native_id", nargs, 0, 0)) return nullptr;
    return int_from_u64(ts, ts->native_id);
}

static Ref<> thread_count(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_count", kw) || !check_nargs(ts, "_count", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, ts->interp->thread_count);
}

static Ref<> thread_stack_size(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "stack_size", kw) || !check_tuple_nargs(ts, "stack_size", nargs, 0, 1)) return nullptr;
    std::size_t old = interp.thread_stack_size;
    if (nargs == 1) {
        Ref<> i = number_index(ts, args[0]);
        int64_t size;
        if (!i) return nullptr;
        if (!int_as_i64(i.get(), &size)) return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C ssize_t");
        if (size < 0) return raise(ts, interp.exc.ValueError, "size must be 0 or a positive value");
        if (size != 0 && size < 32768)
            return raise(ts, interp.exc.ValueError, "size not valid: " + std::to_string(size) + " bytes");
        interp.thread_stack_size = std::size_t(size);
    }
    return int_from_u64(ts, old);
}

// _set_sentinel(): a lock, held from now on, that is released when the
// calling thread's state is deleted — after the thread has finished every
// bit of Python code. Thread.join() waits on it.
static Ref<> thread_set_sentinel(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_set_sentinel", kw) || !check_nargs(ts, "_set_sentinel", nargs, 0, 0)) return nullptr;
    TypeObject* t = lock_type(ts);
    if (!t) return nullptr;
    Ref<> lock = new_lock(ts, t);
    if (!lock) return nullptr;
    ts->on_delete.push_back(as_lock(lock.get())->core);
    return lock;
}

static Ref<> thread_interrupt_main(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "interrupt_main", kw) || !check_nargs(ts, "interrupt_main", nargs, 0, 1)) return nullptr;
    ts->interp->eval_breaker.fetch_or(EVAL_INTERRUPT);
    return newref(ts->interp->None);
}

static Ref<> thread_exit(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "exit", kw) || !check_nargs(ts, "exit", nargs, 0, 0)) return nullptr;
    return raise_object(ts, ts->interp->exc.SystemExit);
}

static Ref<> thread_is_main_interpreter(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) {
    return newref(ts->interp->True);
}

static const MethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, 0,
     "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\n"
     "Start a new thread and return its identifier."},
    {"start_new", thread_start_new_thread, 0, "start_new(function, args[, kwargs])"},
    {"allocate_lock", thread_allocate_lock, 0,
     "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\nCreate a new lock object."},
    {"allocate", thread_allocate_lock, 0, "allocate() -> lock object"},
    {"get_ident", thread_get_ident, 0, "get_ident() -> integer\n\nReturn a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, 0, "get_native_id() -> integer\n\nReturn the native integral Thread ID of the current thread."},
    {"_count", thread_count, 0, "_count() -> integer\n\nReturn the number of currently running Python threads."},
    {"stack_size", thread_stack_size, 0, "stack_size([size]) -> size\n\nReturn the thread stack size used when creating new threads."},
    {"_set_sentinel", thread_set_sentinel, 0, "_set_sentinel() -> lock\n\nSet a sentinel lock that will be released when the current thread state is finalized."},
    {"interrupt_main", thread_interrupt_main, 0, "interrupt_main(signum=signal.SIGINT, /)\n\nSimulate the arrival of the given signal in the main thread."},
    {"exit", thread_exit, 0, "exit()\n(exit_thread() is an obsolete synonym)\n\nThis is synonymous to ``raise SystemExit''."},
    {"exit_thread", thread_exit, 0, "exit_thread()"},
    {"_is_main_interpreter", thread_is_main_interpreter, 0, "_is_main_interpreter()"},
    {nullptr, nullptr, 0, nullptr},
};

static TypeObject* make_thread_type(ThreadState* ts, const char* name, isize size, uint64_t flags) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_new_builtin(interp, name, size, 0, interp.types.object, flags);
    if (!t) {
        raise_no_memory(ts);
        return nullptr;
    }
    Ref<DictObject> d = dict_new(ts);
    if (!d) {
        decref(t);
        return nullptr;
    }
    t->tp_dict = d.release();
    return t;
}

Ref<ModuleObject> make_thread_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_thread");
    if (!m || !module_add_functions(ts, m.get(), thread_methods)) return nullptr;

    TypeObject* lt = make_thread_type(ts, "_thread.lock", sizeof(LockObject), TPFLAGS_HAVE_GC);
    if (!lt) return nullptr;
    Ref<TypeObject> lock = Ref<TypeObject>::steal(lt);
    lt->tp_dealloc = lock_dealloc;
    lt->tp_traverse = lock_traverse;
    lt->tp_weaklistoffset = weaklist_offset(&LockObject::weakreflist);
    lt->tp_repr = lock_repr;
    lt->tp_methods = lock_methods;
    lt->tp_doc = "A lock object is a synchronization primitive.  To create a lock,\n"
                 "call threading.Lock().";
    if (!type_ready(ts, lt) || !module_add_object(ts, m.get(), "LockType", lt)) return nullptr;

    TypeObject* rt = make_thread_type(ts, "_thread.RLock", sizeof(RLockObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    if (!rt) return nullptr;
    Ref<TypeObject> rlock = Ref<TypeObject>::steal(rt);
    rt->tp_new = rlock_new;
    rt->tp_dealloc = rlock_dealloc;
    rt->tp_traverse = lock_traverse;
    rt->tp_weaklistoffset = weaklist_offset(&RLockObject::weakreflist);
    rt->tp_repr = rlock_repr;
    rt->tp_methods = rlock_methods;
    if (!type_ready(ts, rt) || !module_add_object(ts, m.get(), "RLock", rt)) return nullptr;

    TypeObject* lo = make_thread_type(ts, "_thread._local", sizeof(LocalObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    if (!lo) return nullptr;
    Ref<TypeObject> local = Ref<TypeObject>::steal(lo);
    lo->tp_new = local_new;
    lo->tp_dealloc = local_dealloc;
    lo->tp_traverse = local_traverse;
    lo->tp_clear = local_clear;
    lo->tp_getattro = local_getattro;
    lo->tp_setattro = local_setattro;
    lo->tp_dictoffset = offsetof(LocalObject, dict);
    lo->tp_doc = "Thread-local data";
    if (!type_ready(ts, lo) || !module_add_object(ts, m.get(), "_local", lo)) return nullptr;

    Ref<> tmax = float_from_double(ts, kTimeoutMax);
    if (!tmax || !module_add_object(ts, m.get(), "TIMEOUT_MAX", tmax.get()) ||
        !module_add_object(ts, m.get(), "error", interp.exc.RuntimeError))
        return nullptr;
    return m;
}

}  // namespace gp
