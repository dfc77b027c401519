// processes.cpp — child interpreters and the registry of shared state
// (see processes.h).
#include "runtime/processes.h"

#include <unistd.h>

#include "runtime/gil.h"
#include "runtime/interpreter.h"

namespace gp {

uint64_t MpWorld::token_for(MpKind kind, const std::shared_ptr<void>& state) {
    std::lock_guard<std::mutex> lk(mu);
    auto it = tokens.find(state.get());
    if (it != tokens.end()) return it->second;
    uint64_t t = next_token++;
    tokens.emplace(state.get(), t);
    handles.emplace(t, Entry{kind, state});
    return t;
}

std::shared_ptr<void> MpWorld::find(MpKind kind, uint64_t token) {
    std::lock_guard<std::mutex> lk(mu);
    auto it = handles.find(token);
    if (it == handles.end() || it->second.kind != kind) return nullptr;
    return it->second.state;
}

MpWorld& mp_world(Interpreter& interp) {
    // A root interpreter makes the world; its children were given theirs.
    // Child pids count up from just above the real one, so they look like
    // the pids of processes started after this one.
    if (!interp.mp_world) {
        interp.mp_world = std::make_shared<MpWorld>(int64_t(getpid()) + 1);
        // From now on other interpreters (the children) write to the same
        // sink at the same time as this one, each under its own GIL: the
        // world's mutex makes every write whole. Children inherit this
        // wrapped sink.
        std::shared_ptr<MpWorld> world = interp.mp_world;
        OutputSink sink = std::move(interp.output);
        interp.output = [world, sink](Stream s, std::string_view text) {
            std::lock_guard<std::mutex> lk(world->output_mu);
            sink(s, text);
        };
    }
    return *interp.mp_world;
}

int64_t mp_getpid(Interpreter& interp) { return interp.mp_self ? interp.mp_self->pid : int64_t(getpid()); }

int64_t mp_getppid(Interpreter& interp) {
    return interp.mp_self ? interp.mp_self->parent_pid : int64_t(getppid());
}

namespace {

// The child's OS thread: build an interpreter, run the program, tear it
// down, then report. Owns one reference to the ChildProcess.
void child_main(void* p) {
    std::shared_ptr<ChildProcess> child = std::move(*static_cast<std::shared_ptr<ChildProcess>*>(p));
    delete static_cast<std::shared_ptr<ChildProcess>*>(p);
    int code = 1;
    {
        // The constructor takes this new interpreter's GIL on this thread.
        auto interp = std::make_unique<Interpreter>(child->config);
        interp->output = child->output;
        interp->main_source = child->main_source;
        interp->main_filename = child->main_filename;
        interp->mp_world = child->world;
        interp->mp_self = child;
        {
            std::lock_guard<std::mutex> lk(child->wait.mu);
            child->interp = interp.get();
            if (child->terminate_pending) {
                interp->terminate_requested.store(true);
                interp->eval_breaker.fetch_or(EVAL_INTERRUPT);
            }
        }
        if (interp->builtins) code = run_child_main(*interp, child->payload);
        {
            std::lock_guard<std::mutex> lk(child->wait.mu);
            child->interp = nullptr;
        }
        interp->mp_self.reset();
        child->payload.clear();
        // ~Interpreter returns every block of the child's heap.
    }
    {
        std::lock_guard<std::mutex> lk(child->wait.mu);
        child->done = true;
        child->exitcode = code;
    }
    child->wait.cv.notify_all();
}

}  // namespace

int spawn_child(ThreadState* ts, const std::shared_ptr<ChildProcess>& child) {
    Interpreter& interp = *ts->interp;
    auto* arg = new std::shared_ptr<ChildProcess>(child);
    // Held while starting, so `thread` is recorded before the child can
    // report itself done (reap_child needs it).
    std::lock_guard<std::mutex> lk(child->wait.mu);
    int err = os_thread_start(&child->thread, child_main, arg, interp.thread_stack_size);
    if (err) delete arg;
    return err;
}

void terminate_child(ChildProcess& child) {
    std::lock_guard<std::mutex> lk(child.wait.mu);
    if (child.done) return;
    if (!child.interp) {
        child.terminate_pending = true;
        return;
    }
    child.interp->terminate_requested.store(true);
    child.interp->eval_breaker.fetch_or(EVAL_INTERRUPT);
}

void reap_child(ThreadState* ts, ChildProcess& child) {
    OsThread t;
    {
        std::lock_guard<std::mutex> lk(child.wait.mu);
        if (!child.done || child.joined || !child.thread.valid) return;
        child.joined = true;
        t = child.thread;
        child.thread.valid = false;
    }
    // The thread has set `done` and only returns from here on.
    GilRelease unlocked(ts);
    os_thread_join(t);
}

}  // namespace gp
