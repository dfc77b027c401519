// flowgraph.cpp — the assembler (see flowgraph.h). Passes, in CPython 3.11's
// order (compile.c: assemble()):
//
//   mark_reachable / eliminate_empty  drop blocks no path reaches
//   optimize_cfg                      fold BUILD_TUPLE of constants, thread jumps
//   duplicate_exits_without_lineno    give each exit its own line number
//   propagate_line_numbers            instructions without a line inherit one
//   stackdepth                        the deepest value stack (co_stacksize)
//   label_exception_targets           which handler covers which instruction
//   resolve_jumps / assemble_emit     offsets, jump directions, EXTENDED_ARG, caches
#include "compiler/flowgraph.h"

#include <algorithm>

#include "bytecode/opcodes.h"
#include "objects/tupleobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static bool is_unconditional_jump(int op) {
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD || op == JUMP_BACKWARD ||
           op == JUMP_BACKWARD_NO_INTERRUPT;
}
static bool is_scope_exit(int op) { return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE; }
static bool is_block_push(int op) { return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH; }
static bool has_target(int op) { return opcode_is_jump(op); }

bool Block::ends_with_exit() const { return !instrs.empty() && is_scope_exit(instrs.back().opcode); }
bool Block::ends_with_jump() const { return !instrs.empty() && is_unconditional_jump(instrs.back().opcode); }

Block* FlowGraph::new_block() {
    blocks_.push_back(std::make_unique<Block>());
    return blocks_.back().get();
}

namespace {

// Size in code units of an instruction with its EXTENDED_ARG prefixes and caches.
int instr_size(const Instr& i) {
    int ext = i.oparg > 0xFFFFFF ? 3 : i.oparg > 0xFFFF ? 2 : i.oparg > 0xFF ? 1 : 0;
    return 1 + ext + opcode_cache_entries(i.opcode);
}

void mark_reachable(Block* entry) {
    std::vector<Block*> stack{entry};
    entry->visited = true;
    while (!stack.empty()) {
        Block* b = stack.back();
        stack.pop_back();
        auto visit = [&](Block* t) {
            if (!t) return;
            t->predecessors++;
            if (!t->visited) { t->visited = true; stack.push_back(t); }
        };
        if (!b->ends_with_exit() && !b->ends_with_jump()) visit(b->next);
        for (const Instr& i : b->instrs)
            if (i.target) visit(i.target);
    }
}

// Blocks that no path reaches lose their instructions (they stay in the
// chain as empty blocks and are skipped).
void remove_unreachable(Block* entry) {
    for (Block* b = entry; b; b = b->next) { b->visited = false; b->predecessors = 0; }
    entry->predecessors = 1;
    mark_reachable(entry);
    for (Block* b = entry; b; b = b->next)
        if (!b->visited) b->instrs.clear();
}

// A jump's target, skipping empty blocks.
Block* real_target(Block* b) {
    while (b && b->instrs.empty()) b = b->next;
    return b;
}

// Peephole rules from compile.c's optimize_basic_block that shape ordinary code:
// a BUILD_TUPLE of constants becomes one LOAD_CONST of a folded tuple, and
// conditional jumps to jumps are threaded.
void optimize_block(ThreadState* ts, Block* b, const std::vector<Object*>& consts, const AddConstFn& add_const) {
    std::vector<Instr>& in = b->instrs;
    for (std::size_t i = 0; i < in.size(); i++) {
        Instr& ins = in[i];
        if (ins.target) ins.target = real_target(ins.target);
        switch (ins.opcode) {
        case BUILD_TUPLE: {
            int n = ins.oparg;
            if (n > 0 && i >= std::size_t(n)) {
                bool all_const = true;
                for (int k = 1; k <= n; k++)
                    if (in[i - k].opcode != LOAD_CONST) { all_const = false; break; }
                if (!all_const) break;
                Ref<TupleObject> t = tuple_new(ts, n);
                if (!t) { error_clear(ts); break; }
                for (int k = 0; k < n; k++) {
                    Object* c = consts[std::size_t(in[i - n + k].oparg)];
                    incref(c);
                    t->ob_item[k] = c;
                }
                for (int k = 1; k <= n; k++) { in[i - k].opcode = NOP; in[i - k].oparg = 0; }
                ins.opcode = LOAD_CONST;
                ins.oparg = add_const(Ref<>(std::move(t)));
            }
            break;
        }
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
            // x or (y and z): if the target re-tests the same condition, go further.
            Block* t = ins.target;
            if (!t || t->instrs.empty()) break;
            const Instr& first = t->instrs[0];
            bool same = (first.opcode == ins.opcode);
            bool opposite = (first.opcode == JUMP_IF_FALSE_OR_POP || first.opcode == JUMP_IF_TRUE_OR_POP ||
                             first.opcode == POP_JUMP_IF_FALSE || first.opcode == POP_JUMP_IF_TRUE) && !same;
            if (same) {
                ins.target = first.target;
            } else if (opposite && (first.opcode == JUMP_IF_FALSE_OR_POP || first.opcode == JUMP_IF_TRUE_OR_POP)) {
                // The value is known to fail the target's test: pop it and continue after.
                ins.opcode = ins.opcode == JUMP_IF_FALSE_OR_POP ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
                ins.target = t->next;
            }
            break;
        }
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case JUMP:
        case JUMP_NO_INTERRUPT: {
            Block* t = ins.target;
            if (t && t->instrs.size() == 1 && is_unconditional_jump(t->instrs[0].opcode) &&
                t->instrs[0].target && t->instrs[0].target != t && ins.opcode != JUMP_NO_INTERRUPT) {
                ins.target = t->instrs[0].target;
            }
            break;
        }
        default:
            break;
        }
    }
    // Drop NOPs whose line is the same as a neighbour (remove_redundant_nops).
    std::vector<Instr> out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); i++) {
        if (in[i].opcode == NOP) {
            int line = in[i].loc.lineno;
            bool redundant = line < 0 || (!out.empty() && out.back().loc.lineno == line) ||
                             (i + 1 < in.size() && in[i + 1].loc.lineno == line);
            if (redundant) continue;
        }
        out.push_back(in[i]);
    }
    in.swap(out);
}

// A jump to the next block in layout order is dropped (the fallthrough does it).
void remove_jumps_to_next(Block* entry) {
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if (is_unconditional_jump(last.opcode) && real_target(last.target) == real_target(b->next)) {
            last.opcode = NOP;
            last.oparg = 0;
            last.target = nullptr;
            if (last.loc.lineno < 0 || b->instrs.size() > 1) b->instrs.pop_back();
        }
    }
}

void propagate_line_numbers(Block* entry) {
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Position prev{-1, -1, -1, -1};
        for (Instr& i : b->instrs) {
            if (i.loc.lineno < 0) i.loc = prev;
            else prev = i.loc;
        }
        // Pass the location on to a successor with no other way in.
        if (!b->ends_with_exit() && !b->ends_with_jump()) {
            Block* n = real_target(b->next);
            if (n && n->predecessors == 1 && n->instrs[0].loc.lineno < 0) n->instrs[0].loc = prev;
        }
        if (is_unconditional_jump(b->instrs.back().opcode) || has_target(b->instrs.back().opcode)) {
            Block* t = b->instrs.back().target;
            if (t && t->predecessors == 1 && !t->instrs.empty() && t->instrs[0].loc.lineno < 0)
                t->instrs[0].loc = prev;
        }
    }
}

// Maximum stack depth by walking every path (compile.c: stackdepth).
int stackdepth(Block* entry) {
    int maxdepth = 0;
    std::vector<Block*> stack;
    auto push = [&](Block* b, int depth) {
        if (!b) return;
        if (b->startdepth < depth) {
            b->startdepth = depth;
            stack.push_back(b);
        }
    };
    push(entry, 0);
    while (!stack.empty()) {
        Block* b = stack.back();
        stack.pop_back();
        int depth = b->startdepth;
        bool fallthrough = true;
        for (const Instr& i : b->instrs) {
            if (i.target) {
                int target_depth = depth + opcode_stack_effect(i.opcode, i.oparg, true);
                maxdepth = std::max(maxdepth, target_depth);
                push(i.target, target_depth);
            }
            depth += opcode_stack_effect(i.opcode, i.oparg, false);
            maxdepth = std::max(maxdepth, depth);
            if (is_unconditional_jump(i.opcode) || is_scope_exit(i.opcode)) { fallthrough = false; break; }
        }
        if (fallthrough) push(b->next, depth);
    }
    return maxdepth;
}

// Which handler covers each block (compile.c: label_exception_targets):
// SETUP_* pushes a handler, POP_BLOCK pops it; both become NOPs afterwards.
void label_exception_targets(Block* entry) {
    struct Item { Block* b; std::vector<Block*> handlers; };
    std::vector<Item> todo{{entry, {}}};
    for (Block* b = entry; b; b = b->next) b->visited = false;
    entry->visited = true;
    while (!todo.empty()) {
        Item it = std::move(todo.back());
        todo.pop_back();
        std::vector<Block*> hs = it.handlers;
        Block* b = it.b;
        for (Instr& i : b->instrs) {
            if (is_block_push(i.opcode)) {
                i.target->except_handler = true;
                i.target->preserve_lasti = i.opcode != SETUP_FINALLY;
                if (!i.target->visited) {
                    i.target->visited = true;
                    todo.push_back({i.target, hs});
                }
                hs.push_back(i.target);
                i.opcode = NOP; i.target = nullptr;
                continue;
            }
            if (i.opcode == POP_BLOCK) {
                if (!hs.empty()) hs.pop_back();
                i.opcode = NOP;
                continue;
            }
            if (i.target && !i.target->visited) {
                i.target->visited = true;
                todo.push_back({i.target, hs});
            }
        }
        b->handler = hs.empty() ? nullptr : hs.back();
        if (!b->ends_with_exit() && !b->ends_with_jump() && b->next && !b->next->visited) {
            b->next->visited = true;
            todo.push_back({b->next, hs});
        }
    }
}

}  // namespace

bool FlowGraph::assemble(ThreadState* ts, CodeObject* co, const std::vector<Object*>& consts,
                         const AddConstFn& add_const) {
    Block* entry = entry_;
    remove_unreachable(entry);
    for (Block* b = entry; b; b = b->next) optimize_block(ts, b, consts, add_const);
    remove_unreachable(entry);
    remove_jumps_to_next(entry);
    remove_unreachable(entry);
    propagate_line_numbers(entry);
    co->co_stacksize = stackdepth(entry);
    label_exception_targets(entry);

    // Resolve offsets until they are stable: a jump that needs EXTENDED_ARG
    // grows, which can push later targets past 255 units in turn.
    std::vector<Block*> order;
    for (Block* b = entry; b; b = b->next)
        if (!b->instrs.empty()) order.push_back(b);
    for (int round = 0; round < 32; round++) {
        int offset = 0;
        for (Block* b : order) {
            b->offset = offset;
            for (const Instr& i : b->instrs) offset += instr_size(i);
        }
        bool changed = false;
        for (Block* b : order) {
            int off = b->offset;
            for (Instr& i : b->instrs) {
                int size = instr_size(i);
                off += size;
                if (!i.target) continue;
                Block* t = real_target(i.target);
                int dest = t ? t->offset : off;
                int op = i.opcode;
                bool backward = dest < off;
                switch (op) {
                case JUMP: case JUMP_FORWARD: case JUMP_BACKWARD:
                    op = backward ? JUMP_BACKWARD : JUMP_FORWARD; break;
                case JUMP_NO_INTERRUPT: case JUMP_BACKWARD_NO_INTERRUPT:
                    op = backward ? JUMP_BACKWARD_NO_INTERRUPT : JUMP_FORWARD; break;
                case POP_JUMP_IF_FALSE: case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_FALSE:
                    op = backward ? POP_JUMP_BACKWARD_IF_FALSE : POP_JUMP_FORWARD_IF_FALSE; break;
                case POP_JUMP_IF_TRUE: case POP_JUMP_FORWARD_IF_TRUE: case POP_JUMP_BACKWARD_IF_TRUE:
                    op = backward ? POP_JUMP_BACKWARD_IF_TRUE : POP_JUMP_FORWARD_IF_TRUE; break;
                case POP_JUMP_IF_NONE: case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NONE:
                    op = backward ? POP_JUMP_BACKWARD_IF_NONE : POP_JUMP_FORWARD_IF_NONE; break;
                case POP_JUMP_IF_NOT_NONE: case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
                    op = backward ? POP_JUMP_BACKWARD_IF_NOT_NONE : POP_JUMP_FORWARD_IF_NOT_NONE; break;
                default: break;
                }
                int arg = backward ? off - dest : dest - off;
                if (op != i.opcode || arg != i.oparg) {
                    i.opcode = op;
                    i.oparg = arg;
                    if (instr_size(i) != size) changed = true;
                }
            }
        }
        if (!changed) break;
    }

    // Emit code units, positions and the exception table.
    co->code.clear();
    co->positions.clear();
    co->exceptiontable.clear();
    for (Block* b : order) {
        int start = int(co->code.size());
        for (const Instr& i : b->instrs) {
            int arg = i.oparg;
            for (int shift = 24; shift >= 8; shift -= 8) {
                if (arg >> shift) {
                    co->code.push_back(uint16_t(EXTENDED_ARG | (((arg >> shift) & 0xFF) << 8)));
                    co->positions.push_back(i.loc);
                }
            }
            co->code.push_back(uint16_t(i.opcode | ((arg & 0xFF) << 8)));
            co->positions.push_back(i.loc);
            for (int c = 0; c < opcode_cache_entries(i.opcode); c++) {
                co->code.push_back(0);
                co->positions.push_back(i.loc);
            }
        }
        int end = int(co->code.size());
        if (Block* h = b->handler) {
            Block* t = real_target(h);
            ExceptionTableEntry e{start, end, t ? t->offset : 0, h->startdepth < 0 ? 0 : h->startdepth - 1 - (h->preserve_lasti ? 1 : 0), h->preserve_lasti};
            if (!co->exceptiontable.empty()) {
                ExceptionTableEntry& last = co->exceptiontable.back();
                if (last.end == start && last.target == e.target && last.depth == e.depth && last.lasti == e.lasti) {
                    last.end = end;
                    continue;
                }
            }
            co->exceptiontable.push_back(e);
        }
    }
    return true;
}

}  // namespace gp
