// session.cpp — the embedding surface (glasspy.h) and running a program as
// __main__ (CPython 3.11's Python/pythonrun.c: _PyRun_SimpleFileObject).
#include <cstdio>
#if defined(__EMSCRIPTEN__)
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#endif

#include "bytecode/dis.h"
#include "compiler/compiler.h"
#include "glasspy.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "compiler/source_encoding.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"
#include "runtime/processes.h"
#include "runtime/traceback.h"
#include "gc/collector.h"

namespace gp {

// Writes to the process's stdout/stderr. stdout is flushed before anything
// goes to stderr, so a traceback follows the output printed before it, as
// it does in CPython (which flushes sys.stdout before printing one). An
// empty chunk is sys.stdout.flush() / print(flush=True): what the C stream
// holds goes out now, so a piped program's progress shows as it happens.
#if defined(__EMSCRIPTEN__)
// Under Node a piped stdout is non-blocking: a write of more than the pipe
// holds (64 KiB) fails with EAGAIN once the pipe is full, and stdio would
// drop the rest. So the WebAssembly CLI writes through the descriptor and
// waits for the reader.
static void write_fully(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w > 0) {
            p += w;
            n -= std::size_t(w);
        } else if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } else {
            return;
        }
    }
}

static void default_output(Stream stream, std::string_view text) {
    if (!text.empty()) write_fully(stream == Stream::Stderr ? 2 : 1, text.data(), text.size());
}
#else
static void default_output(Stream stream, std::string_view text) {
    if (text.empty()) {
        std::fflush(stream == Stream::Stderr ? stderr : stdout);
        return;
    }
    if (stream == Stream::Stderr) std::fflush(stdout);
    FILE* f = stream == Stream::Stderr ? stderr : stdout;
    std::fwrite(text.data(), 1, text.size(), f);
    if (stream == Stream::Stderr) std::fflush(stderr);
}
#endif

// CPython runs the site module before the program; its one part that every
// program can see is the builtins of core/lib/_sitebuiltins.py (exit, quit,
// help, copyright, credits, license), installed by importing it.
// Imports _sitebuiltins (exit, quit, help, ...). An error there is printed
// and start-up goes on, except SystemExit: a child process terminated while
// it starts (Process.terminate() right after start()) must end with its
// exit code, so false is returned with the exception still set.
static bool install_site_builtins(Interpreter& interp) {
    ThreadState* ts = interp.main_thread();
    if (!interp.builtins) return true;
    Ref<> mod = import_module(ts, "_sitebuiltins");
    if (!mod) {
        Ref<> exc = error_fetch(ts);
        if (exc && isinstance_of(exc.get(), interp.exc.SystemExit)) {
            raise_object(ts, exc.get());
            return false;
        }
        if (exc) interp.output(Stream::Stderr, format_exception(ts, exc.get()));
    }
    return true;
}

Session::Session(Config config) : interp_(std::make_unique<Interpreter>(config)) {
    interp_->output = default_output;
    if (!install_site_builtins(*interp_)) error_clear(interp_->main_thread());
}

Session::~Session() = default;

void Session::set_output(OutputSink sink) { interp_->output = sink ? std::move(sink) : OutputSink(default_output); }
void Session::set_wait_callback(std::function<void()> callback) { interp_->wait_callback = std::move(callback); }

void Session::finalize() { interp_->finalize(); }

void Session::set_input(std::function<bool(std::string&)> source) {
    interp_->read_line = source ? std::move(source) : std::function<bool(std::string&)>(default_read_line);
}

void Session::request_interrupt() { interp_->eval_breaker.fetch_or(EVAL_INTERRUPT); }

std::uintptr_t Session::interrupt_flag_address() const {
    return reinterpret_cast<std::uintptr_t>(&interp_->eval_breaker);
}

// The exit status for an uncaught SystemExit (handle_system_exit).
static int system_exit_status(ThreadState* ts, Object* exc) {
    Interpreter& interp = *ts->interp;
    Ref<> code = object_getattr_cstr(ts, exc, "code");
    if (!code) { error_clear(ts); return 1; }
    if (code.get() == interp.None) return 0;
    if (is_int(code.get())) {
        int64_t v;
        if (!int_as_i64(code.get(), &v)) return -1 & 0xFF;
        return int(v & 0xFF);
    }
    Ref<> s = object_str(ts, code.get());
    if (s) {
        std::string text(str_utf8(s.get()));
        interp.output(Stream::Stderr, text + "\n");
    } else {
        error_clear(ts);
    }
    return 1;
}

std::string Session::disassemble(std::string_view source, std::string_view filename) {
    ThreadState* ts = interp_->main_thread();
    Ref<CodeObject> code = compile_source(ts, source, filename, ParseMode::Exec);
    std::string text = code ? gp::disassemble(ts, code.get()) : std::string();
    if (error_occurred(ts)) {
        Ref<> exc = error_fetch(ts);
        return format_exception(ts, exc.get());
    }
    return text;
}

// At exit, the handlers registered with atexit (core/lib/atexit.py) run, as
// CPython's Py_FinalizeEx runs them: after the program's uncaught exception
// has been printed. The module is consulted only if it was imported.
static void run_exit_functions(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<> key = str_from_utf8(ts, "atexit");
    Object* mod = key ? dict_get_item(ts, interp.modules, key.get()) : nullptr;
    if (!mod) {
        error_clear(ts);
        return;
    }
    Ref<> run = object_getattr_cstr(ts, mod, "_run_exitfuncs");
    Ref<> r = run ? object_vectorcall(ts, run.get(), nullptr, 0) : Ref<>();
    if (!r) {
        Ref<> exc = error_fetch(ts);
        if (exc) interp.output(Stream::Stderr, format_exception(ts, exc.get()));
    }
}

// An exception nothing caught goes to sys.excepthook, which a program may
// have replaced; if that hook fails too, both are printed
// (pythonrun.c: _PyErr_PrintEx).
static void print_uncaught(ThreadState* ts, Object* exc) {
    Interpreter& interp = *ts->interp;
    Object* hook = interp.sys ? dict_get_cstr(ts, interp.sys->md_dict, "excepthook") : nullptr;
    Object* builtin_hook = interp.sys ? dict_get_cstr(ts, interp.sys->md_dict, "__excepthook__") : nullptr;
    if (!hook || hook == builtin_hook || hook == interp.None) {
        interp.output(Stream::Stderr, format_exception(ts, exc));
        return;
    }
    Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
    Object* args[3] = {type_of(exc), exc, tb ? tb : interp.None};
    Ref<> r = object_vectorcall(ts, hook, args, 3);
    if (r) return;
    Ref<> hook_exc = error_fetch(ts);
    if (hook_exc && isinstance_of(hook_exc.get(), interp.exc.SystemExit)) return;
    interp.output(Stream::Stderr, "Error in sys.excepthook:\n" + format_exception(ts, hook_exc.get()) +
                                      "\nOriginal exception was:\n" + format_exception(ts, exc));
}

// Before the interpreter finalizes, the main thread waits for every
// non-daemon thread (CPython's wait_for_thread_shutdown, which calls
// threading._shutdown). Only if threading was imported: threads started with
// _thread alone are not waited for, as in CPython.
static void wait_for_thread_shutdown(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<> key = str_from_utf8(ts, "threading");
    Object* mod = key ? dict_get_item(ts, interp.modules, key.get()) : nullptr;
    if (!mod) {
        error_clear(ts);
        return;
    }
    Ref<> keep = newref(mod);
    Ref<> shutdown = object_getattr_cstr(ts, mod, "_shutdown");
    Ref<> r = shutdown ? object_vectorcall(ts, shutdown.get(), nullptr, 0) : Ref<>();
    if (!r) report_unraisable(ts, mod);
}

std::vector<GilThreadStats> Session::gil_stats() const { return interp_->gil->stats(); }

void Session::set_tracing(bool on) { interp_->trace.set_enabled(on); }

std::vector<TraceEvent> Session::trace_events(uint64_t* dropped) const { return interp_->trace.snapshot(dropped); }

// sys.path[0]: the script's directory ('' for -c and stdin), where imports
// of sibling modules are found.
static bool insert_script_dir(ThreadState* ts, std::string_view filename) {
    std::string dir;
    if (filename.size() && filename[0] != '<') {
        std::size_t slash = filename.rfind('/');
        dir = slash == std::string_view::npos ? "" : std::string(filename.substr(0, slash));
    }
    Ref<> path = object_getattr_cstr(ts, ts->interp->sys, "path");
    Ref<> d = str_from_utf8(ts, dir);
    return path && d && is_list(path.get()) && list_insert(ts, as_list(path.get()), 0, d.get());
}

// A spawned child (processes.h): what `python -c "from multiprocessing.spawn
// import spawn_main; spawn_main()"` does in CPython, then the shutdown of a
// process. multiprocessing.spawn._child_main re-runs the main program as
// __mp_main__, unpickles the Process and returns its exit code.
int run_child_main(Interpreter& interp, const std::string& payload) {
    ThreadState* ts = interp.main_thread();
    const bool started = install_site_builtins(interp);
    const std::string& filename = interp.main_filename;
    if (!filename.empty() && filename[0] != '<') interp.sources[filename] = interp.main_source;
    int status = 0;
    if (started && insert_script_dir(ts, filename)) {
        Ref<> spawn = import_module(ts, "multiprocessing.spawn");
        Ref<> entry = spawn ? object_getattr_cstr(ts, spawn.get(), "_child_main") : Ref<>();
        Ref<> data = entry ? bytes_from_data(ts, payload.data(), isize(payload.size())) : Ref<>();
        Ref<> r = data ? object_call_one(ts, entry.get(), data.get()) : Ref<>();
        if (r) {
            int64_t code = 0;
            if (is_int(r.get()) && int_as_i64(r.get(), &code)) status = int(code);
        }
    }
    if (error_occurred(ts)) {
        Ref<> exc = error_fetch(ts);
        if (isinstance_of(exc.get(), interp.exc.SystemExit)) {
            // An exit code, not an OS status: -15 from terminate() stays -15.
            Ref<> code = object_getattr_cstr(ts, exc.get(), "code");
            int64_t v;
            if (code && is_int(code.get()) && int_as_i64(code.get(), &v)) status = int(v);
            else status = system_exit_status(ts, exc.get());
            error_clear(ts);
        } else {
            print_uncaught(ts, exc.get());
            status = 1;
        }
    }
    if (interp.hard_exit.load()) {
        // os._exit(): no thread join, no atexit; threads still running are
        // treated as daemon threads by the interpreter's teardown.
        error_clear(ts);
        return interp.hard_exit_code;
    }
    wait_for_thread_shutdown(ts);
    run_exit_functions(ts);
    error_clear(ts);
    return status;
}

int Session::run_main(std::string_view source, std::string_view filename) {
    Interpreter& interp = *interp_;
    ThreadState* ts = interp.main_thread();
    if (!interp.builtins) return 1;
    // Like linecache, tracebacks show source lines of real files only, not of
    // "<string>" (-c) or "<stdin>".
    if (filename.empty() || filename[0] != '<') interp.sources[std::string(filename)] = std::string(source);
    // Kept for multiprocessing: a spawned child runs it again (processes.h).
    interp.main_source = std::string(source);
    interp.main_filename = std::string(filename);
    // __main__'s namespace.
    Ref<ModuleObject> main = module_new(ts, "__main__");
    int status = 0;
    if (main) {
        DictObject* globals = main->md_dict;
        bool ok = dict_set_cstr(ts, globals, "__builtins__", interp.builtins) &&
                  dict_set_cstr(ts, interp.modules, "__main__", main.get());
        if (ok && filename.size() && filename[0] != '<') {
            Ref<> f = str_from_utf8(ts, filename);
            ok = f && dict_set_cstr(ts, globals, "__file__", f.get());
        }
        ok = ok && insert_script_dir(ts, filename);
        // A file's bytes in the codec its coding comment names (PEP 263);
        // -c text is already text.
        std::string text;
        if (ok && filename.size() && filename[0] != '<') {
            ok = decode_source_bytes(ts, source, filename, /*from_file=*/true, &text);
            if (ok) interp.sources[std::string(filename)] = text;
        } else {
            text = source;
        }
        if (ok) {
            // The constants' objects live until the script has run, as
            // CPython's pyrun_file frees the AST's arena only then.
            std::vector<Ref<>> ast_objects;
            Ref<CodeObject> code = compile_source(ts, text, filename, ParseMode::Exec, 0, &ast_objects);
            if (code) {
                Ref<> result = eval_code(ts, code.get(), globals, globals);
                (void)result;
            }
        }
    }
    if (error_occurred(ts)) {
        Ref<> exc = error_fetch(ts);
        if (isinstance_of(exc.get(), interp.exc.SystemExit)) {
            status = system_exit_status(ts, exc.get());
        } else {
            print_uncaught(ts, exc.get());
            status = 1;
        }
    }
    wait_for_thread_shutdown(ts);
    run_exit_functions(ts);
    return status;
}

}  // namespace gp
