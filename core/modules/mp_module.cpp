// mp_module.cpp — `_glasspy_mp`: the small C++ face of multiprocessing.
//
// The mechanisms are in runtime/processes.{h,cpp}; core/lib/multiprocessing/
// builds CPython's API on the functions here, as CPython's Lib/multiprocessing
// builds on _multiprocessing and os.fork/exec. Every shared object is a
// Handle: a kind and a shared_ptr to C++ state outside every heap. Pickling a
// Handle (for a child, or into a Queue) sends a token that any interpreter of
// the same family turns back into a Handle to the same state.
//
//   channel(maxsize) -> h          channel_put(h, data, block, timeout) -> bool
//   channel_get(h, block, timeout) -> bytes | None (empty)
//   channel_poll(h, timeout) -> bool    channel_qsize(h)
//   channel_open_writer(h)  channel_close(h)   (count the sending ends of a Pipe)
//   semlock(kind, value, maxvalue) -> h
//   sem_acquire(h, block, timeout) -> bool   sem_release(h)
//   sem_value(h)  sem_is_mine(h)  sem_count(h)
//   shared_memory(nbytes) -> h     mem_get(h, code, index)   mem_set(h, code, index, value)
//   mem_read(h, offset, n) -> bytes     mem_write(h, offset, data)   mem_size(h)
//   spawn(payload) -> h            child_pid(h)  child_wait(h, timeout) -> bool
//   child_exitcode(h) -> int | None     child_terminate(h)
//   main_program() -> (source, filename)    is_child()
#include <cerrno>
#include <cmath>
#include <cstring>
#include <new>

#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/fileobject.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/processes.h"
#include "runtime/threads.h"

namespace gp {

// ---------------------------------------------------------------- handles

struct HandleObject : Object {
    MpKind kind;
    std::shared_ptr<void> state;   // Channel, SemLock, SharedMemory or ChildProcess
};

static void handle_dealloc(Object* op) {
    static_cast<HandleObject*>(op)->state.~shared_ptr();
    object_free(op);
}

static Ref<> make_handle(ThreadState* ts, MpKind kind, std::shared_ptr<void> state) {
    TypeObject* t = module_type(ts, "_glasspy_mp", "Handle");
    if (!t) return nullptr;
    auto* h = static_cast<HandleObject*>(object_alloc(ts, t, 0));
    if (!h) return nullptr;
    h->kind = kind;
    new (&h->state) std::shared_ptr<void>(std::move(state));
    return Ref<>::steal(h);
}

// The state behind args[0] if it is a handle of `kind`, else null with TypeError.
template <class T>
static T* handle_arg(ThreadState* ts, Object* o, MpKind kind) {
    TypeObject* t = module_type(ts, "_glasspy_mp", "Handle");
    if (!t) return nullptr;
    if (type_of(o) != t || static_cast<HandleObject*>(o)->kind != kind) {
        raise(ts, ts->interp->exc.TypeError, "expected a multiprocessing handle of another kind");
        return nullptr;
    }
    return static_cast<T*>(static_cast<HandleObject*>(o)->state.get());
}

static const char* kind_name(MpKind k) {
    switch (k) {
        case MpKind::Channel: return "channel";
        case MpKind::SemLock: return "semlock";
        case MpKind::SharedMemory: return "shared_memory";
        case MpKind::Child: return "child";
    }
    return "?";
}

static Ref<> handle_repr(ThreadState* ts, Object* self) {
    auto* h = static_cast<HandleObject*>(self);
    char buf[64];
    std::snprintf(buf, sizeof buf, "<_glasspy_mp.Handle %s %p>", kind_name(h->kind), h->state.get());
    return str_from_utf8(ts, buf);
}

// __reduce__: (_glasspy_mp._rebuild, (kind, token)).
static Ref<> handle_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* h = static_cast<HandleObject*>(self);
    uint64_t token = mp_world(*ts->interp).token_for(h->kind, h->state);
    Ref<> mod = import_module(ts, "_glasspy_mp");
    Ref<> fn = mod ? object_getattr_cstr(ts, mod.get(), "_rebuild") : Ref<>();
    Ref<> k = fn ? int_from_i64(ts, int(h->kind)) : Ref<>();
    Ref<> t = k ? int_from_u64(ts, token) : Ref<>();
    if (!t) return nullptr;
    Ref<> args = tuple_pack(ts, {k.get(), t.get()});
    if (!args) return nullptr;
    return tuple_pack(ts, {fn.get(), args.get()});
}

static const MethodDef handle_methods[] = {
    {"__reduce__", handle_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> mp_rebuild(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_rebuild", kw) || !check_nargs(ts, "_rebuild", nargs, 2, 2)) return nullptr;
    int64_t kind, token;
    if (!is_int(args[0]) || !is_int(args[1]) || !int_as_i64(args[0], &kind) || !int_as_i64(args[1], &token))
        return raise(ts, ts->interp->exc.TypeError, "_rebuild() expects (kind, token)");
    std::shared_ptr<void> state = mp_world(*ts->interp).find(MpKind(kind), uint64_t(token));
    if (!state)
        return raise(ts, ts->interp->exc.ValueError,
                     "multiprocessing handle does not belong to this family of processes");
    return make_handle(ts, MpKind(kind), std::move(state));
}

// ------------------------------------------------------------- arguments

// A timeout argument: None waits for ever (-1); a number is seconds, and a
// negative one means "do not wait".
static bool parse_timeout(ThreadState* ts, Object* o, double* out) {
    if (o == ts->interp->None) {
        *out = -1;
        return true;
    }
    if (!float_as_double(ts, o, out)) return false;
    if (std::isnan(*out)) {
        raise(ts, ts->interp->exc.ValueError, "Invalid value NaN (not a number)");
        return false;
    }
    if (*out < 0) *out = 0;
    return true;
}

static bool parse_block_timeout(ThreadState* ts, Object* block, Object* timeout, double* out) {
    int b = object_is_true(ts, block);
    if (b < 0) return false;
    if (!b) {
        *out = 0;
        return true;
    }
    return parse_timeout(ts, timeout, out);
}

static bool parse_i64(ThreadState* ts, Object* o, int64_t* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    if (!int_as_i64(i.get(), out)) {
        raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C long");
        return false;
    }
    return true;
}

// --------------------------------------------------------------- channels

static Ref<> mp_channel(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel", kw) || !check_nargs(ts, "channel", nargs, 0, 1)) return nullptr;
    int64_t maxsize = 0;
    if (nargs == 1 && !parse_i64(ts, args[0], &maxsize)) return nullptr;
    auto ch = std::make_shared<Channel>();
    ch->maxsize = maxsize > 0 ? std::size_t(maxsize) : 0;
    return make_handle(ts, MpKind::Channel, std::move(ch));
}

static Ref<> mp_channel_put(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_put", kw) || !check_nargs(ts, "channel_put", nargs, 4, 4)) return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    if (!ch) return nullptr;
    std::string_view data;
    double timeout;
    if (!need_bytes_like(ts, args[1], &data) || !parse_block_timeout(ts, args[2], args[3], &timeout)) return nullptr;
    std::string item(data);
    std::shared_ptr<void> keep = static_cast<HandleObject*>(args[0])->state;
    WaitResult r = wait_until_ready(ts, ch->wait, [&] {
        if (ch->maxsize && ch->items.size() >= ch->maxsize) return false;
        ch->items.push_back(std::move(item));
        return true;
    }, timeout);
    if (r == WaitResult::Error) return nullptr;
    if (r == WaitResult::Ready) ch->wait.cv.notify_all();
    return bool_from(ts, r == WaitResult::Ready);
}

static Ref<> mp_channel_get(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_get", kw) || !check_nargs(ts, "channel_get", nargs, 3, 3)) return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    if (!ch) return nullptr;
    double timeout;
    if (!parse_block_timeout(ts, args[1], args[2], &timeout)) return nullptr;
    std::shared_ptr<void> keep = static_cast<HandleObject*>(args[0])->state;
    std::string item;
    bool eof = false;
    WaitResult r = wait_until_ready(ts, ch->wait, [&] {
        if (ch->items.empty()) {
            eof = ch->closed;
            return eof;
        }
        item = std::move(ch->items.front());
        ch->items.pop_front();
        return true;
    }, timeout);
    if (r == WaitResult::Error) return nullptr;
    if (r == WaitResult::Timeout) return newref(ts->interp->None);
    if (eof) return raise_object(ts, ts->interp->exc.EOFError);
    ch->wait.cv.notify_all();   // a putter may wait for room
    return bytes_from_data(ts, item.data(), isize(item.size()));
}

// True once an item (or the end of the stream) is there to get.
static Ref<> mp_channel_poll(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_poll", kw) || !check_nargs(ts, "channel_poll", nargs, 2, 2)) return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    double timeout;
    if (!ch || !parse_timeout(ts, args[1], &timeout)) return nullptr;
    std::shared_ptr<void> keep = static_cast<HandleObject*>(args[0])->state;
    WaitResult r = wait_until_ready(ts, ch->wait, [&] { return !ch->items.empty() || ch->closed; }, timeout);
    if (r == WaitResult::Error) return nullptr;
    return bool_from(ts, r == WaitResult::Ready);
}

static Ref<> mp_channel_qsize(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_qsize", kw) || !check_nargs(ts, "channel_qsize", nargs, 1, 1)) return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    if (!ch) return nullptr;
    std::size_t n;
    {
        std::lock_guard<std::mutex> lk(ch->wait.mu);
        n = ch->items.size();
    }
    return int_from_u64(ts, n);
}

static Ref<> mp_channel_close(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_close", kw) || !check_nargs(ts, "channel_close", nargs, 1, 1)) return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    if (!ch) return nullptr;
    {
        std::lock_guard<std::mutex> lk(ch->wait.mu);
        if (--ch->writers <= 0) ch->closed = true;
    }
    ch->wait.cv.notify_all();
    return newref(ts->interp->None);
}

// One more sending end (a Connection made, or pickled to travel).
static Ref<> mp_channel_open_writer(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "channel_open_writer", kw) || !check_nargs(ts, "channel_open_writer", nargs, 1, 1))
        return nullptr;
    auto* ch = handle_arg<Channel>(ts, args[0], MpKind::Channel);
    if (!ch) return nullptr;
    std::lock_guard<std::mutex> lk(ch->wait.mu);
    ch->writers++;
    return newref(ts->interp->None);
}

// -------------------------------------------------------------- semlocks

static constexpr int kRecursiveMutex = 0, kSemaphore = 1;   // _multiprocessing's constants

static Ref<> mp_semlock(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "semlock", kw) || !check_nargs(ts, "semlock", nargs, 3, 3)) return nullptr;
    int64_t kind, value, maxvalue;
    if (!parse_i64(ts, args[0], &kind) || !parse_i64(ts, args[1], &value) || !parse_i64(ts, args[2], &maxvalue))
        return nullptr;
    if (kind != kRecursiveMutex && kind != kSemaphore) return raise(ts, ts->interp->exc.ValueError, "unrecognized kind");
    if (value < 0) return raise(ts, ts->interp->exc.ValueError, "semaphore initial value must be >= 0");
    auto s = std::make_shared<SemLock>();
    s->kind = int(kind);
    s->value = value;
    s->maxvalue = maxvalue;
    return make_handle(ts, MpKind::SemLock, std::move(s));
}

static bool sem_owned_by(SemLock& s, int64_t pid, uint64_t thread) {
    return s.count > 0 && s.owner_pid == pid && s.owner_thread == thread;
}

static Ref<> mp_sem_acquire(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "sem_acquire", kw) || !check_nargs(ts, "sem_acquire", nargs, 3, 3)) return nullptr;
    auto* s = handle_arg<SemLock>(ts, args[0], MpKind::SemLock);
    double timeout;
    if (!s || !parse_block_timeout(ts, args[1], args[2], &timeout)) return nullptr;
    std::shared_ptr<void> keep = static_cast<HandleObject*>(args[0])->state;
    const int64_t pid = mp_getpid(*ts->interp);
    const uint64_t thread = ts->ident;
    WaitResult r = wait_until_ready(ts, s->wait, [&] {
        if (s->kind == kRecursiveMutex && sem_owned_by(*s, pid, thread)) {
            s->count++;
            return true;
        }
        if (s->value <= 0) return false;
        s->value--;
        s->count++;
        s->owner_pid = pid;
        s->owner_thread = thread;
        return true;
    }, timeout);
    if (r == WaitResult::Error) return nullptr;
    return bool_from(ts, r == WaitResult::Ready);
}

static Ref<> mp_sem_release(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "sem_release", kw) || !check_nargs(ts, "sem_release", nargs, 1, 1)) return nullptr;
    auto* s = handle_arg<SemLock>(ts, args[0], MpKind::SemLock);
    if (!s) return nullptr;
    const int64_t pid = mp_getpid(*ts->interp);
    const char* error = nullptr;
    TypeObject* error_type = nullptr;
    {
        std::lock_guard<std::mutex> lk(s->wait.mu);
        if (s->kind == kRecursiveMutex) {
            if (!sem_owned_by(*s, pid, ts->ident)) {
                error_type = ts->interp->exc.AssertionError;
                error = "attempt to release recursive lock not owned by thread";
            } else if (--s->count == 0) {
                s->value++;
                s->owner_pid = 0;
                s->owner_thread = 0;
            }
        } else if (s->value >= s->maxvalue) {
            error_type = ts->interp->exc.ValueError;
            error = "semaphore or lock released too many times";
        } else {
            s->value++;
            if (s->count > 0) s->count--;
        }
    }
    if (error) return raise(ts, error_type, error);
    s->wait.cv.notify_all();
    return newref(ts->interp->None);
}

static Ref<> mp_sem_value(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "sem_value", kw) || !check_nargs(ts, "sem_value", nargs, 1, 1)) return nullptr;
    auto* s = handle_arg<SemLock>(ts, args[0], MpKind::SemLock);
    if (!s) return nullptr;
    int64_t v;
    {
        std::lock_guard<std::mutex> lk(s->wait.mu);
        v = s->value;
    }
    return int_from_i64(ts, v);
}

static Ref<> mp_sem_is_mine(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "sem_is_mine", kw) || !check_nargs(ts, "sem_is_mine", nargs, 1, 1)) return nullptr;
    auto* s = handle_arg<SemLock>(ts, args[0], MpKind::SemLock);
    if (!s) return nullptr;
    bool mine;
    {
        std::lock_guard<std::mutex> lk(s->wait.mu);
        mine = sem_owned_by(*s, mp_getpid(*ts->interp), ts->ident);
    }
    return bool_from(ts, mine);
}

static Ref<> mp_sem_count(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "sem_count", kw) || !check_nargs(ts, "sem_count", nargs, 1, 1)) return nullptr;
    auto* s = handle_arg<SemLock>(ts, args[0], MpKind::SemLock);
    if (!s) return nullptr;
    int64_t c;
    {
        std::lock_guard<std::mutex> lk(s->wait.mu);
        c = sem_owned_by(*s, mp_getpid(*ts->interp), ts->ident) ? s->count : 0;
    }
    return int_from_i64(ts, c);
}

// --------------------------------------------------------- shared memory

static Ref<> mp_shared_memory(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "shared_memory", kw) || !check_nargs(ts, "shared_memory", nargs, 1, 1)) return nullptr;
    int64_t n;
    if (!parse_i64(ts, args[0], &n)) return nullptr;
    if (n < 0) return raise(ts, ts->interp->exc.ValueError, "negative size");
    auto m = std::make_shared<SharedMemory>();
    m->bytes.assign(std::size_t(n), 0);
    return make_handle(ts, MpKind::SharedMemory, std::move(m));
}

// The size of one item of a ctypes-like typecode (array module letters, as
// multiprocessing.sharedctypes' typecode_to_type), 0 if unknown.
static std::size_t item_size(char code) {
    switch (code) {
        case 'c': case 'b': case 'B': case '?': return 1;
        case 'h': case 'H': return 2;
        case 'i': case 'I': case 'f': return 4;
        case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
        default: return 0;
    }
}

// Validates (handle, code, index); returns the memory and the byte offset.
static SharedMemory* mem_slot(ThreadState* ts, Object* const* args, char* code, std::size_t* offset) {
    auto* m = handle_arg<SharedMemory>(ts, args[0], MpKind::SharedMemory);
    if (!m) return nullptr;
    std::string_view c = is_str(args[1]) ? str_utf8(args[1]) : std::string_view();
    std::size_t size = c.size() == 1 ? item_size(c[0]) : 0;
    if (!size) {
        raise(ts, ts->interp->exc.ValueError, "bad typecode");
        return nullptr;
    }
    int64_t index;
    if (!parse_i64(ts, args[2], &index)) return nullptr;
    if (index < 0 || (uint64_t(index) + 1) * size > m->bytes.size()) {
        raise(ts, ts->interp->exc.IndexError, "invalid index");
        return nullptr;
    }
    *code = c[0];
    *offset = std::size_t(index) * size;
    return m;
}

template <class T>
static T load(SharedMemory* m, std::size_t off) {
    T v;
    std::lock_guard<std::mutex> lk(m->mu);
    std::memcpy(&v, m->bytes.data() + off, sizeof v);
    return v;
}

template <class T>
static void store(SharedMemory* m, std::size_t off, T v) {
    std::lock_guard<std::mutex> lk(m->mu);
    std::memcpy(m->bytes.data() + off, &v, sizeof v);
}

static Ref<> mp_mem_get(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mem_get", kw) || !check_nargs(ts, "mem_get", nargs, 3, 3)) return nullptr;
    char code;
    std::size_t off;
    SharedMemory* m = mem_slot(ts, args, &code, &off);
    if (!m) return nullptr;
    switch (code) {
        case 'c': {
            char c = load<char>(m, off);
            return bytes_from_data(ts, &c, 1);
        }
        case '?': return bool_from(ts, load<uint8_t>(m, off) != 0);
        case 'b': return int_from_i64(ts, load<int8_t>(m, off));
        case 'B': return int_from_i64(ts, load<uint8_t>(m, off));
        case 'h': return int_from_i64(ts, load<int16_t>(m, off));
        case 'H': return int_from_i64(ts, load<uint16_t>(m, off));
        case 'i': return int_from_i64(ts, load<int32_t>(m, off));
        case 'I': return int_from_i64(ts, load<uint32_t>(m, off));
        case 'l': case 'q': return int_from_i64(ts, load<int64_t>(m, off));
        case 'L': case 'Q': return int_from_u64(ts, load<uint64_t>(m, off));
        case 'f': return float_from_double(ts, load<float>(m, off));
        case 'd': return float_from_double(ts, load<double>(m, off));
    }
    return newref(ts->interp->None);
}

// An integer already wrapped to 64 bits by the caller (sharedctypes.py
// masks it, as ctypes wraps c_int(2**32 + 1) to 1); narrower items keep
// their low bits.
static bool wrapped_int(ThreadState* ts, Object* v, uint64_t* out) {
    int64_t s;
    if (!parse_i64(ts, v, &s)) return false;
    *out = uint64_t(s);
    return true;
}

static Ref<> mp_mem_set(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mem_set", kw) || !check_nargs(ts, "mem_set", nargs, 4, 4)) return nullptr;
    char code;
    std::size_t off;
    SharedMemory* m = mem_slot(ts, args, &code, &off);
    if (!m) return nullptr;
    Object* v = args[3];
    if (code == 'f' || code == 'd') {
        double d;
        if (!float_as_double(ts, v, &d)) return nullptr;
        if (code == 'f') store<float>(m, off, float(d));
        else store<double>(m, off, d);
    } else if (code == 'c') {
        std::string_view b;
        if (!is_bytes(v) || (b = bytes_view(v)).size() != 1)
            return raise(ts, ts->interp->exc.TypeError, "one character bytes, bytearray or integer expected");
        store<char>(m, off, b[0]);
    } else {
        uint64_t bits;
        if (!wrapped_int(ts, v, &bits)) return nullptr;
        switch (item_size(code)) {
            case 1: store<uint8_t>(m, off, uint8_t(code == '?' ? bits != 0 : bits)); break;
            case 2: store<uint16_t>(m, off, uint16_t(bits)); break;
            case 4: store<uint32_t>(m, off, uint32_t(bits)); break;
            default: store<uint64_t>(m, off, bits); break;
        }
    }
    return newref(ts->interp->None);
}

static Ref<> mp_mem_size(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mem_size", kw) || !check_nargs(ts, "mem_size", nargs, 1, 1)) return nullptr;
    auto* m = handle_arg<SharedMemory>(ts, args[0], MpKind::SharedMemory);
    if (!m) return nullptr;
    return int_from_u64(ts, m->bytes.size());
}

static Ref<> mp_mem_read(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mem_read", kw) || !check_nargs(ts, "mem_read", nargs, 3, 3)) return nullptr;
    auto* m = handle_arg<SharedMemory>(ts, args[0], MpKind::SharedMemory);
    int64_t off, n;
    if (!m || !parse_i64(ts, args[1], &off) || !parse_i64(ts, args[2], &n)) return nullptr;
    if (off < 0 || n < 0 || uint64_t(off + n) > m->bytes.size())
        return raise(ts, ts->interp->exc.IndexError, "invalid range");
    std::string copy;
    {
        std::lock_guard<std::mutex> lk(m->mu);
        copy.assign(reinterpret_cast<const char*>(m->bytes.data()) + off, std::size_t(n));
    }
    return bytes_from_data(ts, copy.data(), isize(copy.size()));
}

static Ref<> mp_mem_write(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mem_write", kw) || !check_nargs(ts, "mem_write", nargs, 3, 3)) return nullptr;
    auto* m = handle_arg<SharedMemory>(ts, args[0], MpKind::SharedMemory);
    int64_t off;
    std::string_view data;
    if (!m || !parse_i64(ts, args[1], &off) || !need_bytes_like(ts, args[2], &data)) return nullptr;
    if (off < 0 || uint64_t(off) + data.size() > m->bytes.size())
        return raise(ts, ts->interp->exc.IndexError, "invalid range");
    std::lock_guard<std::mutex> lk(m->mu);
    std::memcpy(m->bytes.data() + off, data.data(), data.size());
    return newref(ts->interp->None);
}

// -------------------------------------------------------------- children

static Ref<> mp_spawn(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "spawn", kw) || !check_nargs(ts, "spawn", nargs, 1, 1)) return nullptr;
    std::string_view payload;
    if (!need_bytes_like(ts, args[0], &payload)) return nullptr;
    Interpreter& interp = *ts->interp;
    MpWorld& world = mp_world(interp);
    auto child = std::make_shared<ChildProcess>();
    {
        std::lock_guard<std::mutex> lk(world.mu);
        child->pid = world.next_pid++;
    }
    child->parent_pid = mp_getpid(interp);
    child->config = interp.config;
    child->output = interp.output;
    child->main_source = interp.main_source;
    child->main_filename = interp.main_filename;
    child->payload = std::string(payload);
    child->world = interp.mp_world;
    Ref<> h = make_handle(ts, MpKind::Child, child);
    if (!h) return nullptr;
    if (int err = spawn_child(ts, child)) {
        // What os.fork() raises when the system has no process to give.
        Ref<> no = int_from_i64(ts, linux_errno(err));
        Ref<> msg = no ? str_from_utf8(ts, std::strerror(err)) : Ref<>();
        Object* exc_args[2] = {no.get(), msg.get()};
        Ref<> exc = msg ? object_vectorcall(ts, err == EAGAIN ? interp.exc.BlockingIOError : interp.exc.OSError,
                                            exc_args, 2)
                        : Ref<>();
        if (exc) raise_object(ts, exc.get());
        return nullptr;
    }
    return h;
}

static Ref<> mp_child_pid(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "child_pid", kw) || !check_nargs(ts, "child_pid", nargs, 1, 1)) return nullptr;
    auto* c = handle_arg<ChildProcess>(ts, args[0], MpKind::Child);
    return c ? int_from_i64(ts, c->pid) : nullptr;
}

// True once the child has ended (its OS thread is then joined).
static Ref<> mp_child_wait(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "child_wait", kw) || !check_nargs(ts, "child_wait", nargs, 2, 2)) return nullptr;
    auto* c = handle_arg<ChildProcess>(ts, args[0], MpKind::Child);
    double timeout;
    if (!c || !parse_timeout(ts, args[1], &timeout)) return nullptr;
    std::shared_ptr<void> keep = static_cast<HandleObject*>(args[0])->state;
    WaitResult r = wait_until_ready(ts, c->wait, [&] { return c->done; }, timeout);
    if (r == WaitResult::Error) return nullptr;
    if (r == WaitResult::Ready) reap_child(ts, *c);
    return bool_from(ts, r == WaitResult::Ready);
}

static Ref<> mp_child_exitcode(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "child_exitcode", kw) || !check_nargs(ts, "child_exitcode", nargs, 1, 1)) return nullptr;
    auto* c = handle_arg<ChildProcess>(ts, args[0], MpKind::Child);
    if (!c) return nullptr;
    bool done;
    int code;
    {
        std::lock_guard<std::mutex> lk(c->wait.mu);
        done = c->done;
        code = c->exitcode;
    }
    if (!done) return newref(ts->interp->None);
    reap_child(ts, *c);
    return int_from_i64(ts, code);
}

static Ref<> mp_child_terminate(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "child_terminate", kw) || !check_nargs(ts, "child_terminate", nargs, 1, 1)) return nullptr;
    auto* c = handle_arg<ChildProcess>(ts, args[0], MpKind::Child);
    if (!c) return nullptr;
    terminate_child(*c);
    return newref(ts->interp->None);
}

// ----------------------------------------------------------------- misc

static Ref<> mp_main_program(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "main_program", kw) || !check_nargs(ts, "main_program", nargs, 0, 0)) return nullptr;
    Interpreter& interp = *ts->interp;
    Ref<> src = str_from_utf8(ts, interp.main_source);
    Ref<> name = src ? str_from_utf8(ts, interp.main_filename) : Ref<>();
    if (!name) return nullptr;
    return tuple_pack(ts, {src.get(), name.get()});
}

static Ref<> mp_is_child(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "is_child", kw) || !check_nargs(ts, "is_child", nargs, 0, 0)) return nullptr;
    return bool_from(ts, ts->interp->mp_self != nullptr);
}

static const MethodDef mp_methods[] = {
    {"_rebuild", mp_rebuild, 0, "_rebuild(kind, token): the handle a pickle names"},
    {"channel", mp_channel, 0, "channel(maxsize=0) -> handle"},
    {"channel_put", mp_channel_put, 0, "channel_put(h, data, block, timeout) -> bool"},
    {"channel_get", mp_channel_get, 0, "channel_get(h, block, timeout) -> bytes or None"},
    {"channel_poll", mp_channel_poll, 0, "channel_poll(h, timeout) -> bool"},
    {"channel_qsize", mp_channel_qsize, 0, "channel_qsize(h) -> int"},
    {"channel_close", mp_channel_close, 0, "channel_close(h): one sending end fewer"},
    {"channel_open_writer", mp_channel_open_writer, 0, "channel_open_writer(h): one sending end more"},
    {"semlock", mp_semlock, 0, "semlock(kind, value, maxvalue) -> handle"},
    {"sem_acquire", mp_sem_acquire, 0, "sem_acquire(h, block, timeout) -> bool"},
    {"sem_release", mp_sem_release, 0, "sem_release(h)"},
    {"sem_value", mp_sem_value, 0, "sem_value(h) -> int"},
    {"sem_is_mine", mp_sem_is_mine, 0, "sem_is_mine(h) -> bool"},
    {"sem_count", mp_sem_count, 0, "sem_count(h) -> int"},
    {"shared_memory", mp_shared_memory, 0, "shared_memory(nbytes) -> handle"},
    {"mem_get", mp_mem_get, 0, "mem_get(h, typecode, index)"},
    {"mem_set", mp_mem_set, 0, "mem_set(h, typecode, index, value)"},
    {"mem_size", mp_mem_size, 0, "mem_size(h) -> int"},
    {"mem_read", mp_mem_read, 0, "mem_read(h, offset, n) -> bytes"},
    {"mem_write", mp_mem_write, 0, "mem_write(h, offset, data)"},
    {"spawn", mp_spawn, 0, "spawn(payload) -> handle: start a child interpreter"},
    {"child_pid", mp_child_pid, 0, "child_pid(h) -> int"},
    {"child_wait", mp_child_wait, 0, "child_wait(h, timeout) -> bool"},
    {"child_exitcode", mp_child_exitcode, 0, "child_exitcode(h) -> int or None"},
    {"child_terminate", mp_child_terminate, 0, "child_terminate(h)"},
    {"main_program", mp_main_program, 0, "main_program() -> (source, filename)"},
    {"is_child", mp_is_child, 0, "is_child() -> bool"},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_mp_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_glasspy_mp");
    if (!m || !module_add_functions(ts, m.get(), mp_methods)) return nullptr;
    TypeObject* ht = type_new_builtin(interp, "_glasspy_mp.Handle", sizeof(HandleObject), 0, interp.types.object, 0);
    if (!ht) {
        raise_no_memory(ts);
        return nullptr;
    }
    Ref<TypeObject> keep = Ref<TypeObject>::steal(ht);
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    ht->tp_dict = d.release();
    ht->tp_dealloc = handle_dealloc;
    ht->tp_repr = handle_repr;
    ht->tp_methods = handle_methods;
    if (!type_ready(ts, ht) || !module_add_object(ts, m.get(), "Handle", ht)) return nullptr;
    if (!module_add_int(ts, m.get(), "RECURSIVE_MUTEX", kRecursiveMutex) ||
        !module_add_int(ts, m.get(), "SEMAPHORE", kSemaphore))
        return nullptr;
    return m;
}

}  // namespace gp
