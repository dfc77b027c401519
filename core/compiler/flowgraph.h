// flowgraph.h — instructions in basic blocks, and the assembler that turns
// them into a code object's bytecode.
//
// Mirrors the back half of CPython 3.11's Python/compile.c: the code
// generator appends instructions to basic blocks (with direction-free
// pseudo jumps and block-setup pseudo instructions); the assembler then
// optimizes (constant tuples, jump threading, dead blocks), propagates line
// numbers, computes the maximum stack depth, builds the exception table,
// picks forward/backward jump opcodes and EXTENDED_ARG prefixes, and lays
// out CACHE entries so offsets match CPython's.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "objects/codeobject.h"

namespace gp {

struct Block;

struct Instr {
    int opcode;
    int oparg;
    Position loc;
    Block* target;            // jump target or handler (null otherwise)
    Block* handler = nullptr; // innermost exception handler covering it (set by the assembler)
};

struct Block {
    std::vector<Instr> instrs;
    Block* next = nullptr;        // the block laid out after this one (fallthrough order)
    int offset = 0;               // in code units, set by the assembler
    int startdepth = -1;          // stack depth on entry, -1 = not reached yet
    int predecessors = 0;
    bool visited = false;
    bool except_handler = false;  // target of a SETUP_* (entered with an exception pushed)
    bool preserve_lasti = false;  // handler that needs lasti pushed (SETUP_CLEANUP/WITH)

    bool ends_with_exit() const;  // RETURN_VALUE / RAISE / RERAISE: no fallthrough
    bool ends_with_jump() const;  // unconditional jump: no fallthrough
};

// Adds a constant (deduplicated by the compiler) and returns its index.
using AddConstFn = std::function<int(Ref<>)>;

// The blocks of one code object under construction.
class FlowGraph {
public:
    Block* new_block();
    Block* entry() { return entry_; }
    void set_entry(Block* b) { entry_ = b; }

    // Runs the assembler passes and fills co->code, positions, exceptiontable
    // and co_stacksize. `consts` may grow (folded tuples). Returns false only
    // on internal inconsistency.
    // *nconsts_used receives how many leading constants the code uses.
    bool assemble(ThreadState* ts, CodeObject* co, const std::vector<Object*>& consts,
                  const AddConstFn& add_const, int* nconsts_used);

    // fix_cell_offsets: deref instructions (MAKE_CELL, LOAD_CLOSURE,
    // LOAD/STORE/DELETE_DEREF, LOAD_CLASSDEREF) are generated with the
    // index of a cell or free variable; `fixed` maps it to its localsplus slot.
    void fix_cell_offsets(const std::vector<int>& fixed);

private:
    void duplicate_exits(Block* entry);
    std::vector<std::unique_ptr<Block>> blocks_;
    Block* entry_ = nullptr;
};

}  // namespace gp
