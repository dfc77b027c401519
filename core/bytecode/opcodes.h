// opcodes.h — the Opcode enum and per-opcode facts, all generated from
// opcodes.def so the compiler, the eval loop and dis can never disagree.
#pragma once

#include <cstdint>

namespace gp {

enum Opcode : uint16_t {
#define OP(name, num, caches, effect, doc) name = num,
#define PSEUDO(name, num, effect, doc) name = num,
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
};

constexpr int kHaveArgument = 90;       // opcodes >= this use their oparg (Lib/opcode.py HAVE_ARGUMENT)
constexpr int kFirstPseudoOpcode = 256; // compiler-only instructions start here
// Not an instruction of any code object: the eval loop dispatches every
// instruction here while a trace or profile hook is set (CPython 3.11's
// DO_TRACING; see runtime/tracing.h).
constexpr int DO_TRACING = 255;

// Name of an opcode ("LOAD_CONST"); "<n>" style names are never returned:
// unknown numbers give nullptr.
const char* opcode_name(int op);
// Number of CACHE code units that follow the instruction.
int opcode_cache_entries(int op);
// One-line meaning, from opcodes.def.
const char* opcode_meaning(int op);
// Net stack effect of executing `op` with `oparg`; `jump` selects the branch
// taken for conditional jumps and block setups.
int opcode_stack_effect(int op, int oparg, bool jump);

bool opcode_is_jump(int op);          // any instruction whose oparg is a jump target
bool opcode_is_backward_jump(int op);

}  // namespace gp
