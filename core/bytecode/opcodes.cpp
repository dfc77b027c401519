#include "bytecode/opcodes.h"

namespace gp {

const char* opcode_name(int op) {
    switch (op) {
#define OP(name, num, caches, effect, doc) case num: return #name;
#define PSEUDO(name, num, effect, doc) case num: return #name;
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
    }
    return nullptr;
}

int opcode_cache_entries(int op) {
    switch (op) {
#define OP(name, num, caches, effect, doc) case num: return caches;
#define PSEUDO(name, num, effect, doc) case num: return 0;
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
    }
    return 0;
}

const char* opcode_meaning(int op) {
    switch (op) {
#define OP(name, num, caches, effect, doc) case num: return doc;
#define PSEUDO(name, num, effect, doc) case num: return doc;
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
    }
    return "";
}

int opcode_stack_effect(int op, int oparg, bool jump) {
    (void)jump;
    switch (op) {
#define OP(name, num, caches, effect, doc) case num: return (effect);
#define PSEUDO(name, num, effect, doc) case num: return (effect);
#include "bytecode/opcodes.def"
#undef OP
#undef PSEUDO
    }
    return 0;
}

bool opcode_is_backward_jump(int op) {
    switch (op) {
    case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
    case POP_JUMP_BACKWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
        return true;
    default:
        return false;
    }
}

bool opcode_is_jump(int op) {
    switch (op) {
    case FOR_ITER: case JUMP_FORWARD: case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
    case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_FORWARD_IF_NOT_NONE:
    case SEND: case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
    case JUMP: case JUMP_NO_INTERRUPT: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
        return true;
    default:
        return opcode_is_backward_jump(op);
    }
}

}  // namespace gp
