// os_thread.cpp — POSIX threads for glibc and Emscripten, or green threads
// when a GreenScheduler is attached to the calling OS thread (see os_thread.h).
#include "runtime/os_thread.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <chrono>

#include "runtime/green.h"
#include "trace/trace.h"

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

// ------------------------------------------------------------------ waiting

void CondVar::notify_one() {
    cv_.notify_one();
    if (green_.head) GreenScheduler::notify(green_, false);
}

void CondVar::notify_all() {
    cv_.notify_all();
    if (green_.head) GreenScheduler::notify(green_, true);
}

bool CondVar::wait_until(std::unique_lock<std::mutex>& lk, uint64_t deadline_ns) {
    if (GreenScheduler* g = GreenScheduler::current()) return g->wait(green_, lk, deadline_ns);
    if (deadline_ns == kNoDeadline) {
        cv_.wait(lk);
        return true;
    }
    // monotonic_ns() counts steady_clock's nanoseconds since its epoch.
    const std::chrono::steady_clock::time_point until{
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::nanoseconds(deadline_ns))};
    return cv_.wait_until(lk, until) == std::cv_status::no_timeout;
}

void os_sleep_until(uint64_t deadline_ns) {
    if (GreenScheduler* g = GreenScheduler::current()) {
        g->sleep_until(deadline_ns);
        return;
    }
    for (;;) {
        uint64_t now = monotonic_ns();
        if (now >= deadline_ns) return;
        uint64_t ns = deadline_ns - now;
        timespec t{time_t(ns / 1'000'000'000u), long(ns % 1'000'000'000u)};
        nanosleep(&t, nullptr);
    }
}

// ------------------------------------------------------------------ threads

int os_thread_start(OsThread* out, void (*fn)(void*), void* arg, std::size_t stack_size,
                    void (*on_drop)(void*), void* drop_arg) {
    if (GreenScheduler* g = GreenScheduler::current()) return g->start(out, fn, arg, stack_size, on_drop, drop_arg);
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
    if (t.green) {
        static_cast<GreenFiber*>(t.handle)->sched->join(t);
        return;
    }
    pthread_join(to_pthread(t.handle), nullptr);
    t.valid = false;
}

void os_thread_exit() {
    // A green thread ends by switching away for good; its fiber's stack
    // goes back when it is joined (green.cpp).
    if (GreenScheduler* g = GreenScheduler::current(); g && g->running()->number != 0) g->exit_current();
    // Nobody will join a thread that ends this way (a daemon thread waking
    // after its interpreter began finalizing): detached, its resources go
    // back at once instead of leaking (ThreadSanitizer's "thread leak").
    pthread_detach(pthread_self());
    pthread_exit(nullptr);
}

// A green thread's identity is its fiber's address; the main fiber keeps
// the OS thread's, so an interpreter made before or after attaching a
// scheduler names its main thread the same.
static GreenFiber* running_fiber() {
    GreenScheduler* g = GreenScheduler::current();
    if (!g) return nullptr;
    GreenFiber* f = g->running();
    return f->number == 0 ? nullptr : f;
}

uint64_t os_thread_ident() {
    if (GreenFiber* f = running_fiber()) return f->sched->ident_of(f);
    pthread_t t = pthread_self();
    void* h = nullptr;
    __builtin_memcpy(&h, &t, sizeof t);
    return uint64_t(reinterpret_cast<uintptr_t>(h));
}

OsThread os_thread_self() {
    OsThread t;
    if (GreenFiber* f = running_fiber()) {
        t.handle = f;
        t.valid = true;
        t.green = true;
        return t;
    }
    pthread_t self = pthread_self();
    __builtin_memcpy(&t.handle, &self, sizeof self);
    t.valid = true;
    return t;
}

uint64_t os_thread_ident_of(const OsThread& t) {
    if (t.green) {
        auto* f = static_cast<const GreenFiber*>(t.handle);
        return f->sched->ident_of(f);
    }
    return uint64_t(reinterpret_cast<uintptr_t>(t.handle));
}

static uint64_t kernel_thread_id() {
#if defined(__EMSCRIPTEN__)
    // A Web Worker has no kernel thread id; Emscripten's gettid() is the
    // pthread's own number, which is what CPython reports there too.
    return uint64_t(gettid());
#else
    return uint64_t(syscall(SYS_gettid));
#endif
}

uint64_t os_thread_native_id() {
    // A fiber has no kernel thread of its own: its number follows the OS thread's id.
    if (GreenFiber* f = running_fiber()) return kernel_thread_id() + f->number;
    return kernel_thread_id();
}

}  // namespace gp
