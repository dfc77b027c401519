// ucontext_host.cpp — fibers over makecontext/swapcontext (see ucontext_host.h).
#include "ucontext_host.h"

#include <pthread.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include <cstdint>

// AddressSanitizer (the debug preset) keeps its own record of the stack the
// thread runs on, to tell stack from heap in its reports and to clear the
// stack's shadow at a noreturn call. A swapcontext it is not told about
// leaves that record on the old stack, so each switch is announced
// (__sanitizer_start_switch_fiber) and completed on arrival
// (__sanitizer_finish_switch_fiber), which also reports the bounds of the
// stack just left: that is how the main context's bounds become known.
#if defined(__SANITIZE_ADDRESS__)
#define GP_ASAN_FIBERS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GP_ASAN_FIBERS 1
#endif
#endif
#ifdef GP_ASAN_FIBERS
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

struct gp::FiberHost::Context {
    ucontext_t uc;
    void* stack = nullptr;        // mmap'd region (guard page first), null for the main context
    std::size_t mapped = 0;
    void (*entry)(void*) = nullptr;
    void* arg = nullptr;
    gp::test::UcontextHost* host = nullptr;
    const void* asan_bottom = nullptr;  // the stack's lowest address, as ASan is told (main: learnt on the first switch)
    std::size_t asan_size = 0;
};

namespace gp::test {

namespace {
// makecontext passes int arguments only: the Context* travels in two halves.
void trampoline(unsigned hi, unsigned lo) {
    auto* c = reinterpret_cast<FiberHost::Context*>((uintptr_t(hi) << 32) | uintptr_t(lo));
    c->host->arrived(nullptr);
    c->entry(c->arg);   // never returns (green.cpp ends a fiber by switching away)
}
}  // namespace

void UcontextHost::arrived([[maybe_unused]] void* fake_stack) {
#ifdef GP_ASAN_FIBERS
    Context* from = switching_from_;
    __sanitizer_finish_switch_fiber(fake_stack, &from->asan_bottom, &from->asan_size);
#endif
}

std::size_t UcontextHost::default_stack_size() {
    std::size_t size = std::size_t(8) << 20;
    pthread_attr_t attr;
    if (pthread_getattr_default_np(&attr) == 0) {
        std::size_t s = 0;
        if (pthread_attr_getstacksize(&attr, &s) == 0 && s) size = s;
        pthread_attr_destroy(&attr);
    }
    return size;
}

UcontextHost::UcontextHost() : main_(new Context) {}

UcontextHost::~UcontextHost() { delete main_; }

FiberHost::Context* UcontextHost::main_context() { return main_; }

FiberHost::Context* UcontextHost::create(void (*entry)(void*), void* arg, std::size_t stack_bytes) {
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    std::size_t size = stack_bytes ? stack_bytes : default_stack_size();
    size = (size + page - 1) / page * page + page;   // + a guard page below the stack
    void* mem = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    mprotect(mem, page, PROT_NONE);
#ifdef GP_ASAN_FIBERS
    // A fiber that ended by switching away for good never returned from its
    // frames, so their redzones stay poisoned in ASan's shadow after the
    // unmap; a new stack mapped at the same addresses must start clean.
    __asan_unpoison_memory_region(mem, size);
#endif
    auto* c = new Context;
    c->stack = mem;
    c->mapped = size;
    c->entry = entry;
    c->arg = arg;
    c->host = this;
    getcontext(&c->uc);
    c->uc.uc_stack.ss_sp = static_cast<char*>(mem) + page;
    c->uc.uc_stack.ss_size = size - page;
    c->uc.uc_link = nullptr;
    c->asan_bottom = c->uc.uc_stack.ss_sp;
    c->asan_size = c->uc.uc_stack.ss_size;
    const uintptr_t p = reinterpret_cast<uintptr_t>(c);
    makecontext(&c->uc, reinterpret_cast<void (*)()>(trampoline), 2, unsigned(p >> 32), unsigned(p & 0xffffffffu));
    return c;
}

void UcontextHost::swap(Context* from, Context* to) {
    void* fake_stack = nullptr;
#ifdef GP_ASAN_FIBERS
    __sanitizer_start_switch_fiber(&fake_stack, to->asan_bottom, to->asan_size);
#endif
    switching_from_ = from;
    swapcontext(&from->uc, &to->uc);
    // Back on `from`, switched to by whoever set switching_from_ last.
    arrived(fake_stack);
}

void UcontextHost::destroy(Context* c) {
    if (!c || c == main_) return;
    munmap(c->stack, c->mapped);
    delete c;
}

// The usable part of a fiber's mapping (above the guard page); the main
// context runs on the OS thread's stack, which the guard measures itself.
FiberHost::StackRange UcontextHost::stack_range(Context* c) {
    if (!c || !c->stack) return {};
    return {reinterpret_cast<uintptr_t>(c->uc.uc_stack.ss_sp), c->uc.uc_stack.ss_size};
}

void UcontextHost::idle(uint64_t ns) {
    timespec t{time_t(ns / 1'000'000'000u), long(ns % 1'000'000'000u)};
    nanosleep(&t, nullptr);
}

}  // namespace gp::test
