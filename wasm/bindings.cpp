// bindings.cpp — the JavaScript face of the glasspy core.
//
// The site's Web Worker (and the Node tests) see one class, `Interpreter`,
// which owns a gp::Session. Everything here is translation between the two
// worlds: JS strings in, exit statuses and output chunks out. No interpreter
// logic lives in this file; if something here starts to think about Python,
// it belongs in core/.
//
// Threading. The module is loaded by one Web Worker, and that worker's thread
// is Emscripten's "main" thread: it constructs the Interpreter and calls
// run(), so run() blocks that worker, never the page. An emscripten::val is
// only meaningful on the thread that created it, so the output callback may
// only be called there. Output written by other threads (Python threads are
// pthreads) is queued and handed over on the owner thread: at its next write,
// every ~20 ms while it waits (join, a lock, sleep) and whenever it takes the
// GIL back from another thread (gp::Session::set_wait_callback), and when
// run() returns. Output reaches the callback batched by the caller, so after
// such a hand-over an empty chunk (the "flush" signal) follows: what the
// caller holds goes out while the program still runs.
//
// The single-thread build (GLASSPY_GREEN, glasspy-st.js: pages without
// SharedArrayBuffer) compiles this same file: there Python threads are
// green threads on this one thread (fiber_host.h), and run() may return
// to JS before the program ends, whenever the scheduler lets the worker's
// event loop turn (every 50 ms of running, and while every thread waits).
// runAsync() reports the end through a callback in both builds; between
// the two the worker takes messages: interrupt() for Stop, provideInput()
// for a line that input() asked for through the setInputRequest callback.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <pthread.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "glasspy.h"

#if GLASSPY_GREEN
#include "fiber_host.h"
#include "runtime/os_thread.h"
#include "trace/trace.h"
#endif

namespace {

// JS strings are UTF-16, and the core writes UTF-8 in chunks that may end in
// the middle of a character. Decoding each chunk on its own would turn such a
// split character into two U+FFFD marks, so each stream keeps back the bytes
// of an unfinished sequence and prepends them to the next chunk.
class Utf8Carry {
public:
    // Returns the longest prefix of carry+chunk that ends on a character
    // boundary; keeps the rest (at most 3 bytes) for next time.
    std::string take(std::string_view chunk) {
        std::string text = std::move(pending_);
        pending_.clear();
        text.append(chunk);
        std::size_t cut = complete_prefix(text);
        pending_.assign(text, cut, std::string::npos);
        text.resize(cut);
        return text;
    }

    // Whatever is left at the end of a run is not going to be completed:
    // hand it over as is (the decoder shows U+FFFD, as CPython's
    // errors="replace" would).
    std::string drain() { return std::exchange(pending_, {}); }

private:
    static std::size_t complete_prefix(const std::string& s) {
        // Walk back over at most 3 continuation bytes (10xxxxxx) to the
        // lead byte of the last sequence, then see if it is complete.
        std::size_t n = s.size();
        std::size_t i = n;
        std::size_t back = 0;
        while (i > 0 && back < 4) {
            unsigned char c = static_cast<unsigned char>(s[i - 1]);
            --i;
            ++back;
            if ((c & 0xC0) != 0x80) {               // a lead byte or ASCII
                std::size_t need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2
                                 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
                return back >= need ? n : i;        // complete, or cut before it
            }
        }
        return n;  // only continuation bytes: malformed, let the decoder replace
    }

    std::string pending_;  // an unfinished UTF-8 sequence, 0..3 bytes
};

class Interpreter {
public:
    Interpreter() : owner_(pthread_self()), session_(make_session()) {
        session_->set_output([this](gp::Stream stream, std::string_view text) {
            deliver(stream, text);
        });
        session_->set_wait_callback([this] { pass_on(); });
#if GLASSPY_GREEN
        session_->set_input([this](std::string& line) { return read_line(line); });
#endif
    }

    // callback(stream, text): stream is 1 for stdout, 2 for stderr. An
    // empty text means the program flushed that stream (print(flush=True)):
    // a caller that batches output should pass on what it holds.
    // Until one is set, output is dropped (a JS caller that wants it sets
    // the callback before its first run()).
    void setOutput(emscripten::val callback) { callback_ = std::move(callback); }

    // Runs a whole program as __main__; returns its exit status
    // (0, 1 for an uncaught exception or syntax error, n for SystemExit(n)).
    int run(const std::string& source, const std::string& filename) {
        int status = session_->run_main(source, filename);
        deliver_rest();
        return status;
    }

    // Ends the program as `python3 FILE` ends on exit: the modules are torn
    // down, so what finalizers print then (the __del__ of an object still
    // bound when the program ends) arrives through the output callback now,
    // as part of this run's output. Afterwards the interpreter runs nothing
    // (run() returns 1), but it stays allocated: its interrupt word and
    // snapshots remain valid until delete().
    void finish() {
        session_->finalize();
        deliver_rest();
    }

    // Runs a whole program and then calls onDone(status). In the pthread
    // build that happens before runAsync returns; in the single-thread
    // build runAsync may return first (the program continues from the
    // event loop), so the caller waits for the callback, not the return.
    void runAsync(const std::string& source, const std::string& filename, emscripten::val onDone) {
#if GLASSPY_GREEN
        glasspy_wasm::fiber_host().set_yield_allowed(true);
#endif
        int status = run(source, filename);
#if GLASSPY_GREEN
        glasspy_wasm::fiber_host().set_yield_allowed(false);
#endif
        onDone(status);
    }

#if GLASSPY_GREEN
    // callback(): input() wants a line; answer with provideInput.
    void setInputRequest(emscripten::val callback) { input_request_ = std::move(callback); }
    // The line for input() (without its newline), or eof = true for EOFError.
    void provideInput(const std::string& text, bool eof) {
        input_line_ = text;
        input_eof_ = eof;
        input_ready_ = true;
    }
#endif

    // From the owner thread; another thread (the page) uses the address.
    void interrupt() { session_->request_interrupt(); }

    // Byte address of the interrupt flag word in linear memory, so that a
    // thread which holds the module's shared memory can raise it with
    // Atomics.or(new Int32Array(memory.buffer), address >> 2, 1): bit 0 of the
    // eval-breaker word (the other bits belong to the GIL and the collector).
    std::uint32_t interruptAddress() const {
        static_assert(sizeof(void*) == 4, "wasm32: addresses fit in 32 bits");
        return static_cast<std::uint32_t>(session_->interrupt_flag_address());
    }

    // The heap as a plain JS object, for the memory panel (field meanings in
    // core/memory/heap_snapshot.h):
    //   { arenas: [{address, totalPools, freePools,
    //               pools: [{index, sizeClass, blockSize, usedBlocks, freeBlocks}]}],
    //     sizeClasses: [{blockSize, pools, usedBlocks, freeBlocks}],
    //     arenasAllocatedTotal, arenasReclaimed, arenasHighwater,
    //     smallBlocks, smallBytes, largeBlocks, largeBytes,
    //     footprintBytes, peakFootprint, limitBytes,
    //     liveObjects: [{type, count}] }          (most numerous first)
    // Byte figures are glasspy's own (wasm32), not sys.getsizeof's.
    emscripten::val heapSnapshot() {
        using emscripten::val;
        const gp::HeapSnapshot s = session_->heap_snapshot();
        auto num = [](uint64_t v) { return val(static_cast<double>(v)); };
        val arenas = val::array();
        for (const gp::ArenaSnapshot& a : s.arenas) {
            val pools = val::array();
            for (const gp::PoolSnapshot& p : a.pools) {
                val o = val::object();
                o.set("index", p.index);
                o.set("sizeClass", p.size_class);
                o.set("blockSize", p.block_size);
                o.set("usedBlocks", p.used_blocks);
                o.set("freeBlocks", p.free_blocks);
                pools.call<void>("push", o);
            }
            val o = val::object();
            o.set("address", num(a.address));
            o.set("totalPools", a.total_pools);
            o.set("freePools", a.free_pools);
            o.set("pools", pools);
            arenas.call<void>("push", o);
        }
        val classes = val::array();
        for (const gp::SizeClassSnapshot& c : s.size_classes) {
            val o = val::object();
            o.set("blockSize", c.block_size);
            o.set("pools", c.pools);
            o.set("usedBlocks", num(c.used_blocks));
            o.set("freeBlocks", num(c.free_blocks));
            classes.call<void>("push", o);
        }
        val live = val::array();
        for (const gp::TypeCount& t : s.live_objects) {
            val o = val::object();
            o.set("type", t.type_name);
            o.set("count", num(t.count));
            live.call<void>("push", o);
        }
        val r = val::object();
        r.set("arenas", arenas);
        r.set("sizeClasses", classes);
        r.set("arenasAllocatedTotal", num(s.arenas_allocated_total));
        r.set("arenasReclaimed", num(s.arenas_reclaimed));
        r.set("arenasHighwater", num(s.arenas_highwater));
        r.set("smallBlocks", num(s.small_blocks));
        r.set("smallBytes", num(s.small_bytes));
        r.set("largeBlocks", num(s.large_blocks));
        r.set("largeBytes", num(s.large_bytes));
        r.set("footprintBytes", num(s.footprint_bytes));
        r.set("peakFootprint", num(s.peak_footprint));
        r.set("limitBytes", num(s.limit_bytes));
        r.set("liveObjects", live);
        return r;
    }

    // The heap limit in bytes, 0 for none; past it the program gets
    // MemoryError and the interpreter stays usable.
    double heapLimit() const { return static_cast<double>(session_->heap_limit()); }
    void setHeapLimit(double bytes) {
        session_->set_heap_limit(bytes > 0 ? static_cast<std::size_t>(bytes) : 0);
    }

private:
    static std::unique_ptr<gp::Session> make_session() {
#if GLASSPY_GREEN
        // The scheduler must be attached before the interpreter exists, so
        // that its threads become green threads.
        glasspy_wasm::green_scheduler();
#endif
        return std::make_unique<gp::Session>();
    }

#if GLASSPY_GREEN
    // input(): ask the page, then wait in short sleeps (other Python threads
    // run, and the worker takes messages meanwhile) until the line comes or
    // Stop is pressed.
    bool read_line(std::string& line) {
        if (input_request_.isUndefined() || input_request_.isNull()) return false;
        input_ready_ = false;
        input_request_();
        const auto* flag = reinterpret_cast<const volatile std::uint32_t*>(session_->interrupt_flag_address());
        while (!input_ready_) {
            if (*flag & 1u) return false;   // EVAL_INTERRUPT: input() raises KeyboardInterrupt
            gp::os_sleep_until(gp::monotonic_ns() + 20'000'000u);
        }
        input_ready_ = false;
        line = std::move(input_line_);
        return !input_eof_;
    }
#endif

    void deliver(gp::Stream stream, std::string_view text) {
        if (!pthread_equal(pthread_self(), owner_)) {
            std::lock_guard<std::mutex> lock(foreign_mutex_);
            foreign_.emplace_back(stream, std::string(text));
            return;
        }
        flush_foreign();  // keep other threads' earlier output in order
        if (text.empty()) {
            call(stream, std::string());  // the program flushed: the caller may stop batching
            return;
        }
        std::string whole = carry(stream).take(text);
        if (!whole.empty()) call(stream, whole);
    }

    // At the end of run() or finish(): everything still held goes out.
    void deliver_rest() {
        flush_foreign();
        for (gp::Stream s : {gp::Stream::Stdout, gp::Stream::Stderr}) {
            std::string rest = carry(s).drain();
            if (!rest.empty()) call(s, rest);
        }
    }

    // The owner thread waits, or is back from another thread's turn: hand
    // over what other threads wrote, and have the caller send on whatever
    // it batched (an empty chunk), unless nothing was given to it since.
    void pass_on() {
        if (!pthread_equal(pthread_self(), owner_)) return;
        flush_foreign();
        if (unflushed_) {
            unflushed_ = false;
            call(last_stream_, std::string());
        }
    }

    void flush_foreign() {
        std::vector<std::pair<gp::Stream, std::string>> batch;
        {
            std::lock_guard<std::mutex> lock(foreign_mutex_);
            batch.swap(foreign_);
        }
        for (auto& [stream, text] : batch) {
            if (text.empty()) continue;   // a flush, long past
            std::string whole = carry(stream).take(text);
            if (!whole.empty()) call(stream, whole);
        }
    }

    void call(gp::Stream stream, const std::string& text) {
        if (callback_.isUndefined() || callback_.isNull()) return;
        unflushed_ = !text.empty();
        last_stream_ = stream;
        callback_(static_cast<int>(stream), text);  // std::string -> JS string via UTF-8
    }

    Utf8Carry& carry(gp::Stream s) { return s == gp::Stream::Stderr ? err_carry_ : out_carry_; }

    pthread_t owner_;                                // the thread that may call JS
    std::unique_ptr<gp::Session> session_;           // the interpreter itself
    emscripten::val callback_ = emscripten::val::undefined();  // owner thread only
    Utf8Carry out_carry_, err_carry_;                // split characters, per stream
    bool unflushed_ = false;                         // text given to the callback since its last flush
    gp::Stream last_stream_ = gp::Stream::Stdout;    // the stream of that text
    std::mutex foreign_mutex_;                       // guards foreign_
    std::vector<std::pair<gp::Stream, std::string>> foreign_;  // output from other threads
#if GLASSPY_GREEN
    emscripten::val input_request_ = emscripten::val::undefined();  // asks the page for a line
    std::string input_line_;       // the line provideInput() delivered
    bool input_eof_ = false;       // ... or end of input
    bool input_ready_ = false;     // provideInput() has been called since the request
#endif
};

// "green" in the single-thread build, "pthreads" in the other: how Python
// threads run in this module (the page shows it).
std::string threadsMode() {
#if GLASSPY_GREEN
    return "green";
#else
    return "pthreads";
#endif
}

// writeFile(path, text): puts a file into the module's in-memory filesystem
// (MEMFS in the browser worker), creating missing parent directories, so a
// program made of several files can import its own modules: the page writes
// helper.py beside main.py before running main.py. Returns "" on success, else
// the reason, as strerror words it.
std::string writeFile(const std::string& path, const std::string& text) {
    if (path.empty()) return "empty path";
    for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
        std::string dir = path.substr(0, slash);
        if (mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) return dir + ": " + std::strerror(errno);
    }
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return path + ": " + std::strerror(errno);
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    return ok ? std::string() : path + ": " + std::strerror(errno);
}

// removeFile(path): takes a file out of the in-memory filesystem again (the
// page does this for a module the learner removed from the program, so a
// later run cannot still import it). Returns "" on success (a file that is
// not there counts as removed), else the reason.
std::string removeFile(const std::string& path) {
    if (path.empty()) return "empty path";
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) return path + ": " + std::strerror(errno);
    return std::string();
}

}  // namespace

EMSCRIPTEN_BINDINGS(glasspy) {
    emscripten::function("writeFile", &writeFile);
    emscripten::function("removeFile", &removeFile);
    emscripten::class_<Interpreter>("Interpreter")
        .constructor<>()
#if !GLASSPY_GREEN
        // Not in the single-thread build: a switch between green threads
        // returns to JS early, without the status (use runAsync).
        .function("run", &Interpreter::run)
#endif
        .function("finish", &Interpreter::finish)
        .function("runAsync", &Interpreter::runAsync)
#if GLASSPY_GREEN
        .function("setInputRequest", &Interpreter::setInputRequest)
        .function("provideInput", &Interpreter::provideInput)
#endif
        .function("setOutput", &Interpreter::setOutput)
        .function("interrupt", &Interpreter::interrupt)
        .function("interruptAddress", &Interpreter::interruptAddress)
        .function("heapSnapshot", &Interpreter::heapSnapshot)
        .function("heapLimit", &Interpreter::heapLimit)
        .function("setHeapLimit", &Interpreter::setHeapLimit);
    emscripten::function("threadsMode", &threadsMode);
}
