// The compiler emits CPython 3.11's bytecode: the disassembly of each
// program is compared with what CPython's dis.dis() printed for it
// (dis_cases.inc, recorded by gen_dis_cases.py; code object addresses masked).
#include <catch2/catch.hpp>

#include <regex>

#include "bytecode/dis.h"
#include "compiler/compiler.h"
#include "glasspy.h"
#include "test_support.h"
#include "objects/codeobject.h"
#include "objects/tupleobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

using namespace gp;

namespace {
struct DisCase {
    const char* name;
    const char* source;
    const char* expected;
};
const DisCase kCases[] = {
#include "dis_cases.inc"
};
}  // namespace

TEST_CASE("compiled bytecode disassembles exactly as CPython 3.11's dis", "[compiler]") {
    for (const DisCase& c : kCases) {
        SECTION(c.name) {
            Session session;
            ThreadState* ts = session.interpreter().main_thread();
            Ref<CodeObject> code = compile_source(ts, c.source, "<test>", ParseMode::Exec);
            REQUIRE(code);
            std::string text = disassemble(ts, code.get());
            text = std::regex_replace(text, std::regex(" at 0x[0-9a-f]+"), " at ADDR");
            CHECK(text == c.expected);
        }
    }
}

TEST_CASE("equal constants in one compilation are one object", "[compiler]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<CodeObject> code = compile_source(ts, "x = 1000\ndef f():\n    return 1000\n", "<test>", ParseMode::Exec);
    REQUIRE(code);
    Object* outer = nullptr;
    CodeObject* inner = nullptr;
    for (isize i = 0; i < code->co_consts->ob_size; i++) {
        Object* c = code->co_consts->ob_item[i];
        if (is_code(c)) inner = static_cast<CodeObject*>(c);
        else if (c != session.interpreter().None && !outer) outer = c;
    }
    REQUIRE(outer);
    REQUIRE(inner);
    bool shared = false;
    for (isize i = 0; i < inner->co_consts->ob_size; i++) shared |= inner->co_consts->ob_item[i] == outer;
    CHECK(shared);
}

TEST_CASE("'return' outside a function is a SyntaxError", "[compiler]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<CodeObject> code = compile_source(ts, "return 1\n", "<test>", ParseMode::Exec);
    CHECK_FALSE(code);
    CHECK(error_matches(ts, session.interpreter().exc.SyntaxError));
    error_clear(ts);
}

TEST_CASE("dis.get_instructions describes each instruction as CPython's Instruction", "[compiler][dis]") {
    auto r = gp::test::run(
        "import dis\n"
        "def f(a, *, k=1):\n"
        "    return g(a, k=k) if a else f'{a!r:>3}'\n"
        "for i in dis.get_instructions(f):\n"
        "    print(i.opname, i.arg, repr(i.argval), repr(i.argrepr), i.offset, i.starts_line, i.is_jump_target)\n"
        "print(dis.get_instructions(f).__class__.__name__, dis.hasconst, dis.findlabels(f.__code__.co_code))\n");
    CHECK(r.err == "");
    CHECK(r.out ==
          "RESUME 0 0 '' 0 2 False\n"
          "LOAD_FAST 0 'a' 'a' 2 3 False\n"
          "POP_JUMP_FORWARD_IF_FALSE 17 40 'to 40' 4 None False\n"
          "LOAD_GLOBAL 1 'g' 'NULL + g' 6 None False\n"
          "LOAD_FAST 0 'a' 'a' 18 None False\n"
          "LOAD_FAST 1 'k' 'k' 20 None False\n"
          "KW_NAMES 1 <unknown> '' 22 None False\n"
          "PRECALL 2 2 '' 24 None False\n"
          "CALL 2 2 '' 28 None False\n"
          "JUMP_FORWARD 3 46 'to 46' 38 None False\n"
          "LOAD_FAST 0 'a' 'a' 40 None True\n"
          "LOAD_CONST 2 '>3' \"'>3'\" 42 None False\n"
          "FORMAT_VALUE 6 (<built-in function repr>, True) 'repr, with format' 44 None False\n"
          "RETURN_VALUE None None '' 46 None True\n"
          "generator [100, 172] [40, 46]\n");
}
