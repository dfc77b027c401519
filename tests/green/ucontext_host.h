// ucontext_host.h — a native FiberHost (core/runtime/green.h) over POSIX
// ucontext, so the green-thread scheduler that the single-thread
// WebAssembly build uses can run and be tested natively: the Catch2 [green]
// tests and build/native/glasspy-green use it.
#pragma once

#include "runtime/green.h"

namespace gp::test {

class UcontextHost : public FiberHost {
public:
    UcontextHost();
    ~UcontextHost() override;
    Context* main_context() override;
    Context* create(void (*entry)(void*), void* arg, std::size_t stack_bytes) override;
    void swap(Context* from, Context* to) override;
    void destroy(Context* c) override;
    void idle(uint64_t ns) override;
    StackRange stack_range(Context* c) override;

    // A fiber's stack when threading.stack_size() asks for none: what a
    // new pthread would get (glibc: `ulimit -s`, 8 MiB usually, 64 MiB in
    // ./dev's sanitizer layer), so a green thread recurses as deep as an OS
    // thread would. Mapped lazily (MAP_NORESERVE): only touched pages count.
    static std::size_t default_stack_size();

    // Called on a stack just switched to (sanitizer bookkeeping).
    void arrived(void* fake_stack);

private:
    Context* main_;
    Context* switching_from_ = nullptr;   // the context the last swap left
};

}  // namespace gp::test
