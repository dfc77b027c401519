// os_thread.cpp — POSIX threads for glibc and Emscripten (see os_thread.h).
#include "runtime/os_thread.h"

#include <pthread.h>
#include <unistd.h>

#if !defined(__EMSCRIPTEN__)
#include <sys/syscall.h>
#endif

namespace gp {

static_assert(sizeof(pthread_t) <= sizeof(void*), "pthread_t must fit in OsThread::handle");

namespace {
struct Start {
    void (*fn)(void*);
    void* arg;
};

extern "C" void* os_thread_trampoline(void* p) {
    Start s = *static_cast<Start*>(p);
    delete static_cast<Start*>(p);
    s.fn(s.arg);
    return nullptr;
}

pthread_t to_pthread(void* h) {
    pthread_t t{};
    __builtin_memcpy(&t, &h, sizeof t);
    return t;
}
}  // namespace

int os_thread_start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size) {
    pthread_attr_t attr;
    if (int e = pthread_attr_init(&attr)) return e;
    if (stack_size) {
        if (int e = pthread_attr_setstacksize(&attr, stack_size)) {
            pthread_attr_destroy(&attr);
            return e;
        }
    }
    auto* s = new Start{fn, arg};
    pthread_t t{};
    int e = pthread_create(&t, &attr, os_thread_trampoline, s);
    pthread_attr_destroy(&attr);
    if (e) {
        delete s;
        return e;
    }
    out->handle = nullptr;
    __builtin_memcpy(&out->handle, &t, sizeof t);
    out->valid = true;
    return 0;
}

void os_thread_join(OsThread& t) {
    if (!t.valid) return;
    pthread_join(to_pthread(t.handle), nullptr);
    t.valid = false;
}

void os_thread_exit() {
    // Nobody will join a thread that ends this way (a daemon thread waking
    // after its interpreter began finalizing): detached, its resources go
    // back at once instead of leaking (ThreadSanitizer's "thread leak").
    pthread_detach(pthread_self());
    pthread_exit(nullptr);
}

uint64_t os_thread_ident() {
    pthread_t t = pthread_self();
    void* h = nullptr;
    __builtin_memcpy(&h, &t, sizeof t);
    return uint64_t(reinterpret_cast<uintptr_t>(h));
}

OsThread os_thread_self() {
    OsThread t;
    pthread_t self = pthread_self();
    __builtin_memcpy(&t.handle, &self, sizeof self);
    t.valid = true;
    return t;
}

uint64_t os_thread_ident_of(const OsThread& t) {
    return uint64_t(reinterpret_cast<uintptr_t>(t.handle));
}

uint64_t os_thread_native_id() {
#if defined(__EMSCRIPTEN__)
    // A Web Worker has no kernel thread id; Emscripten's gettid() is the
    // pthread's own number, which is what CPython reports there too.
    return uint64_t(gettid());
#else
    return uint64_t(syscall(SYS_gettid));
#endif
}

}  // namespace gp
