// ucontext_host.cpp — fibers over makecontext/swapcontext (see ucontext_host.h).
#include "ucontext_host.h"

#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include <cstdint>

struct gp::FiberHost::Context {
    ucontext_t uc;
    void* stack = nullptr;        // mmap'd region (guard page first), null for the main context
    std::size_t mapped = 0;
    void (*entry)(void*) = nullptr;
    void* arg = nullptr;
};

namespace gp::test {

namespace {
// makecontext passes int arguments only: the Context* travels in two halves.
void trampoline(unsigned hi, unsigned lo) {
    auto* c = reinterpret_cast<FiberHost::Context*>((uintptr_t(hi) << 32) | uintptr_t(lo));
    c->entry(c->arg);   // never returns (green.cpp ends a fiber by switching away)
}
}  // namespace

UcontextHost::UcontextHost() : main_(new Context) {}

UcontextHost::~UcontextHost() { delete main_; }

FiberHost::Context* UcontextHost::main_context() { return main_; }

FiberHost::Context* UcontextHost::create(void (*entry)(void*), void* arg, std::size_t stack_bytes) {
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    std::size_t size = stack_bytes ? stack_bytes : kDefaultStack;
    size = (size + page - 1) / page * page + page;   // + a guard page below the stack
    void* mem = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    mprotect(mem, page, PROT_NONE);
    auto* c = new Context;
    c->stack = mem;
    c->mapped = size;
    c->entry = entry;
    c->arg = arg;
    getcontext(&c->uc);
    c->uc.uc_stack.ss_sp = static_cast<char*>(mem) + page;
    c->uc.uc_stack.ss_size = size - page;
    c->uc.uc_link = nullptr;
    const uintptr_t p = reinterpret_cast<uintptr_t>(c);
    makecontext(&c->uc, reinterpret_cast<void (*)()>(trampoline), 2, unsigned(p >> 32), unsigned(p & 0xffffffffu));
    return c;
}

void UcontextHost::swap(Context* from, Context* to) { swapcontext(&from->uc, &to->uc); }

void UcontextHost::destroy(Context* c) {
    if (!c || c == main_) return;
    munmap(c->stack, c->mapped);
    delete c;
}

void UcontextHost::idle(uint64_t ns) {
    timespec t{time_t(ns / 1'000'000'000u), long(ns % 1'000'000'000u)};
    nanosleep(&t, nullptr);
}

}  // namespace gp::test
