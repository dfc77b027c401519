// Runtime objects: frame objects (sys._getframe, f_back, f_locals, frames
// that outlive their call), traceback entries and their frames, the frames
// of generators, cells, and the attributes of built-in functions. The
// programs and CPython's output for them are in runtime_cases.inc
// (recorded by gen_runtime_cases.py).
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "glasspy.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;
using gp::test::run;

namespace {

struct RuntimeCase {
    const char* name;       // the behaviour the program shows
    const char* source;
    const char* expected;   // CPython 3.11's stdout
};
const RuntimeCase kCases[] = {
#include "runtime_cases.inc"
};

}  // namespace

TEST_CASE("runtime-object programs print what CPython 3.11 prints", "[runtime]") {
    for (const RuntimeCase& c : kCases) {
        SECTION(c.name) {
            auto r = run(c.source, "test.py");
            INFO(c.source);
            INFO(r.err);
            CHECK(r.out == c.expected);
            CHECK(r.status == 0);
        }
    }
}

TEST_CASE("frames kept by tracebacks and generators give back all their memory", "[runtime]") {
    // Each round leaves frame objects that took over their frame's locals
    // (take_ownership), reached from exceptions, generators and a frame
    // that refers to itself; once the names go, the heap is back where it was.
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    Ref<DictObject> g = dict_new(ts);
    REQUIRE(g);
    REQUIRE(dict_set_cstr(ts, g.get(), "__builtins__", interp.builtins));
    auto exec = [&](const char* src) {
        Ref<CodeObject> code = compile_source(ts, src, "<test>", ParseMode::Exec);
        Ref<> r = code ? eval_code(ts, code.get(), g.get(), g.get()) : nullptr;
        if (!r) error_clear(ts);
        return bool(r);
    };
    REQUIRE(exec(R"(
import sys, gc
def boom(n):
    big = [n] * 10
    if n == 0:
        raise ValueError(n)
    boom(n - 1)
def gen():
    me = sys._getframe()
    yield me
def work():
    for _ in range(20):
        try:
            boom(5)
        except ValueError as e:
            keep = e
        g = gen()
        fr = next(g)
        del g
        held = fr.f_locals
        tb = keep.__traceback__.tb_next.tb_frame.f_back
        del keep, fr, held, tb
    gc.collect()
work()
)"));
    const uint64_t before = interp.heap.stats().allocated_blocks;
    REQUIRE(exec("work()\nwork()\n"));
    CHECK(interp.heap.stats().allocated_blocks == before);
}
