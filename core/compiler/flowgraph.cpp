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
#include "objects/abstract.h"
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
// compile.c's is_jump: real and virtual jumps, but not the block pushes
// (SETUP_*), whose targets are only reached by an exception.
static bool is_jump(int op) { return opcode_is_jump(op) && !is_block_push(op); }

bool Block::ends_with_exit() const { return !instrs.empty() && is_scope_exit(instrs.back().opcode); }
bool Block::ends_with_jump() const { return !instrs.empty() && is_unconditional_jump(instrs.back().opcode); }

Block* FlowGraph::new_block() {
    blocks_.push_back(std::make_unique<Block>());
    return blocks_.back().get();
}

void FlowGraph::fix_cell_offsets(const std::vector<int>& fixed) {
    for (auto& b : blocks_)
        for (Instr& i : b->instrs)
            switch (i.opcode) {
            case MAKE_CELL: case LOAD_CLOSURE: case LOAD_DEREF: case STORE_DEREF:
            case DELETE_DEREF: case LOAD_CLASSDEREF:
                i.oparg = fixed[std::size_t(i.oparg)];
                break;
            default: break;
            }
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

// eliminate_empty_basic_blocks: retarget jumps past empty blocks.
void eliminate_empty_blocks(Block* entry) {
    for (Block* b = entry; b; b = b->next)
        for (Instr& i : b->instrs)
            if (i.target) i.target = real_target(i.target);
}

// jump_thread: `ins` jumps to `target`, itself a jump; go straight to its
// destination (as `opcode`) when both are on one line. True if changed.
bool jump_thread(Instr& ins, const Instr& target, int opcode) {
    if (ins.loc.lineno == target.loc.lineno && real_target(ins.target) != real_target(target.target)) {
        ins.target = target.target;
        ins.opcode = opcode;
        return true;
    }
    return false;
}

const Instr* first_instr(Block* b) {
    b = real_target(b);
    return b ? &b->instrs[0] : nullptr;
}

// swaptimize: a run of SWAPs (and NOPs) is replaced by the fewest SWAPs
// with the same effect, found by walking the cycles of the permutation.
void swaptimize(std::vector<Instr>& in, std::size_t* ix) {
    std::size_t start = *ix;
    int depth = in[start].oparg;
    std::size_t len = 0;
    bool more = false;
    std::size_t limit = in.size() - start;
    while (++len < limit) {
        int op = in[start + len].opcode;
        if (op == SWAP) {
            depth = std::max(depth, in[start + len].oparg);
            more = true;
        } else if (op != NOP) {
            break;
        }
    }
    if (!more) return;
    std::vector<int> stack(static_cast<std::size_t>(depth));
    for (int i = 0; i < depth; i++) stack[std::size_t(i)] = i;
    for (std::size_t i = 0; i < len; i++) {
        if (in[start + i].opcode != SWAP) continue;
        int oparg = in[start + i].oparg;
        std::swap(stack[0], stack[std::size_t(oparg - 1)]);
    }
    constexpr int kVisited = -1;
    std::ptrdiff_t current = std::ptrdiff_t(len) - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[std::size_t(i)] == kVisited || stack[std::size_t(i)] == i) continue;
        int j = i;
        while (true) {
            if (j) {
                in[start + std::size_t(current)].opcode = SWAP;
                in[start + std::size_t(current)].oparg = j + 1;
                current--;
            }
            if (stack[std::size_t(j)] == kVisited) break;
            int next_j = stack[std::size_t(j)];
            stack[std::size_t(j)] = kVisited;
            j = next_j;
        }
    }
    while (current >= 0) {
        in[start + std::size_t(current)].opcode = NOP;
        in[start + std::size_t(current)].oparg = 0;
        current--;
    }
    *ix = start + len - 1;
}

bool swappable(int op) { return op == STORE_FAST || op == POP_TOP; }

std::ptrdiff_t next_swappable(const std::vector<Instr>& in, std::ptrdiff_t i, int lineno) {
    while (++i < std::ptrdiff_t(in.size())) {
        const Instr& ins = in[std::size_t(i)];
        if (lineno >= 0 && ins.loc.lineno != lineno) return -1;
        if (ins.opcode == NOP) continue;
        if (swappable(ins.opcode)) return i;
        return -1;
    }
    return -1;
}

// apply_static_swaps: SWAP n followed by stores is done by reordering the
// stores instead (`a, b = b, a` needs no SWAP at all).
void apply_static_swaps(std::vector<Instr>& in, std::ptrdiff_t i) {
    for (; i >= 0; i--) {
        Instr& swap = in[std::size_t(i)];
        if (swap.opcode != SWAP) {
            if (swap.opcode == NOP || swappable(swap.opcode)) continue;
            return;
        }
        std::ptrdiff_t j = next_swappable(in, i, -1);
        if (j < 0) return;
        std::ptrdiff_t k = j;
        int lineno = in[std::size_t(j)].loc.lineno;
        for (int count = swap.oparg - 1; count > 0; count--) {
            k = next_swappable(in, k, lineno);
            if (k < 0) return;
        }
        swap.opcode = NOP;
        std::swap(in[std::size_t(j)], in[std::size_t(k)]);
    }
}

// optimize_basic_block (compile.c): constant folding of tuples, the
// BUILD_TUPLE/UNPACK_SEQUENCE swap, `x is None` jumps, and jump threading.
void optimize_block(ThreadState* ts, Block* b, const std::vector<Object*>& consts, const AddConstFn& add_const) {
    std::vector<Instr>& in = b->instrs;
    Interpreter& interp = *ts->interp;
    for (std::size_t i = 0; i < in.size(); i++) {
        Instr& ins = in[i];
        int nextop = i + 1 < in.size() ? in[i + 1].opcode : 0;
        const Instr* target = ins.target ? first_instr(ins.target) : nullptr;
        switch (ins.opcode) {
        case LOAD_CONST: {
            // A constant condition: the jump is taken always (JUMP) or never (NOPs).
            if (nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_FALSE_OR_POP ||
                nextop == JUMP_IF_TRUE_OR_POP) {
                int is_true = object_is_true(ts, consts[std::size_t(ins.oparg)]);
                if (is_true < 0) { error_clear(ts); break; }
                bool pops = nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE;
                bool jump_if_true = nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_TRUE_OR_POP;
                if (pops) ins.opcode = NOP;
                if (bool(is_true) == jump_if_true) {
                    in[i + 1].opcode = JUMP;
                } else {
                    ins.opcode = NOP;
                    in[i + 1].opcode = NOP;
                    in[i + 1].target = nullptr;
                }
                break;
            }
            // `x is None` / `x is not None` followed by a jump become one jump.
            if (nextop == IS_OP && consts[std::size_t(ins.oparg)] == interp.None && i + 2 < in.size()) {
                Instr& jump = in[i + 2];
                if (jump.opcode == POP_JUMP_IF_FALSE || jump.opcode == POP_JUMP_IF_TRUE) {
                    bool invert = in[i + 1].oparg != 0;
                    if (jump.opcode == POP_JUMP_IF_FALSE) invert = !invert;
                    ins.opcode = NOP;
                    in[i + 1].opcode = NOP;
                    jump.opcode = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
                }
            }
            break;
        }
        case PUSH_NULL:
            // LOAD_GLOBAL can push the NULL itself (its low oparg bit).
            if (nextop == LOAD_GLOBAL) {
                ins.opcode = NOP;
                ins.oparg = 0;
                in[i + 1].oparg |= 1;
            }
            break;
        case SWAP: {
            if (ins.oparg == 1) {
                ins.opcode = NOP;
                break;
            }
            swaptimize(in, &i);
            apply_static_swaps(in, std::ptrdiff_t(i));
            break;
        }
        case BUILD_TUPLE: {
            int n = ins.oparg;
            if (nextop == UNPACK_SEQUENCE && in[i + 1].oparg == n) {
                if (n == 1) { ins.opcode = NOP; in[i + 1].opcode = NOP; break; }
                if (n == 2 || n == 3) { ins.opcode = NOP; in[i + 1].opcode = SWAP; break; }
            }
            if (i >= std::size_t(n)) {   // n == 0 too: () is a constant
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
        // Jump threading: a jump to an instruction that only jumps on. As in
        // compile.c's jump_thread, only between instructions of one line, so
        // tracebacks and line events stay as written.
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
            if (!target) break;
            bool on_true = ins.opcode == JUMP_IF_TRUE_OR_POP;
            int same_pop = on_true ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE;
            int other_keep = on_true ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
            int other_pop = on_true ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
            if (target->opcode == same_pop) {
                if (jump_thread(ins, *target, same_pop)) i--;
            } else if (target->opcode == JUMP || target->opcode == ins.opcode) {
                if (jump_thread(ins, *target, ins.opcode)) i--;
            } else if (target->opcode == other_keep || target->opcode == other_pop) {
                if (ins.loc.lineno == target->loc.lineno) {
                    // The value fails the target's test: pop it and go past the target.
                    ins.opcode = same_pop;
                    ins.target = real_target(ins.target)->next;
                    i--;
                }
            }
            break;
        }
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_NOT_NONE:
        case JUMP:
            if (target && target->opcode == JUMP && jump_thread(ins, *target, ins.opcode)) i--;
            break;
        default:
            break;
        }
    }
}

// clean_basic_block: remove NOPs that carry no line of their own.
void clean_block(Block* b) {
    std::vector<Instr>& in = b->instrs;
    std::vector<Instr> out;
    out.reserve(in.size());
    int prev_lineno = -1;
    for (std::size_t src = 0; src < in.size(); src++) {
        int lineno = in[src].loc.lineno;
        if (in[src].opcode == NOP) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src + 1 < in.size()) {
                int next_lineno = in[src + 1].loc.lineno;
                if (next_lineno < 0 || next_lineno == lineno) {
                    in[src + 1].loc.lineno = lineno;
                    continue;
                }
            } else {
                Block* next = real_target(b->next);
                if (next && next->instrs[0].loc.lineno == lineno) continue;
            }
        }
        out.push_back(in[src]);
        prev_lineno = lineno;
    }
    in.swap(out);
}

bool is_exit(const Block* b) { return b->ends_with_exit(); }

bool is_exit_without_lineno(const Block* b) {
    if (!b || !is_exit(b)) return false;
    for (const Instr& i : b->instrs)
        if (i.loc.lineno >= 0) return false;
    return true;
}

// extend_block: a jump to a small exit block (return/raise, at most four
// instructions, no line numbers) is replaced by a copy of that block.
void extend_block(Block* b) {
    if (b->instrs.empty()) return;
    Instr& last = b->instrs.back();
    if (last.opcode != JUMP && last.opcode != JUMP_FORWARD && last.opcode != JUMP_BACKWARD) return;
    Block* t = real_target(last.target);
    // Only blocks without line numbers are copied (implicit `return None`s).
    if (t && is_exit_without_lineno(t) && t->instrs.size() <= 4) {
        last.opcode = NOP;
        last.target = nullptr;
        std::vector<Instr> copy = t->instrs;
        b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
    }
}

// After optimizing: unconditional jumps to the very next block are dropped.
void remove_jumps_to_next(Block* entry) {
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if ((last.opcode == JUMP || last.opcode == JUMP_NO_INTERRUPT) &&
            real_target(last.target) == real_target(b->next)) {
            last.opcode = NOP;
            last.target = nullptr;
        }
    }
}

void count_predecessors(Block* entry) {
    for (Block* b = entry; b; b = b->next) { b->visited = false; b->predecessors = 0; }
    entry->predecessors = 1;
    mark_reachable(entry);
}

}  // namespace

// duplicate_exits_without_lineno: each jump to a line-less exit block gets
// its own copy carrying the jump's line, so tracebacks and dis show the
// line of the statement that returned.
void FlowGraph::duplicate_exits(Block* entry) {
    count_predecessors(entry);
    // compile.c walks its block list newest first. By index: new_block()
    // below appends to blocks_, which would invalidate an iterator.
    for (std::size_t i = blocks_.size(); i-- > 0;) {
        Block* b = blocks_[i].get();
        if (b->instrs.empty() || !b->visited) continue;
        Instr& last = b->instrs.back();
        if (!last.target || !is_jump(last.opcode)) continue;
        Block* target = real_target(last.target);
        if (is_exit_without_lineno(target) && target->predecessors > 1) {
            Block* copy = new_block();
            copy->instrs = target->instrs;
            copy->instrs[0].loc = last.loc;
            last.target = copy;
            target->predecessors--;
            copy->predecessors = 1;
            copy->visited = true;
            copy->next = target->next;
            target->next = copy;
        }
    }
    // Exits reached only by falling through take the line of what precedes them.
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty() || b->ends_with_exit() || b->ends_with_jump()) continue;
        Block* n = real_target(b->next);
        if (n && is_exit_without_lineno(n)) n->instrs[0].loc = b->instrs.back().loc;
    }
}

namespace {

// propagate_line_numbers: instructions without a line take the line of the
// instruction before them, and pass it on to a successor block that has no
// other way in.
void propagate_line_numbers(Block* entry) {
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Position prev{-1, -1, -1, -1};
        for (Instr& i : b->instrs) {
            if (i.loc.lineno < 0) i.loc = prev;
            else prev = i.loc;
        }
        if (!b->ends_with_exit() && !b->ends_with_jump()) {
            Block* n = real_target(b->next);
            if (n && n->predecessors == 1 && n->instrs[0].loc.lineno < 0) n->instrs[0].loc = prev;
        }
        const Instr& last = b->instrs.back();
        if (last.target && is_jump(last.opcode)) {
            Block* t = real_target(last.target);
            if (t && t->predecessors == 1 && t->instrs[0].loc.lineno < 0) t->instrs[0].loc = prev;
        }
    }
}

// Maximum stack depth by walking every path (compile.c: stackdepth).
int stackdepth(Block* entry, int start_depth) {
    int maxdepth = start_depth;
    std::vector<Block*> stack;
    auto push = [&](Block* b, int depth) {
        if (!b) return;
        if (b->startdepth < depth) {
            b->startdepth = depth;
            stack.push_back(b);
        }
    };
    push(entry, start_depth);
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

// Which handler covers each instruction (compile.c: label_exception_targets):
// SETUP_* pushes a handler, POP_BLOCK pops it; both become NOPs afterwards.
// Every block is entered with the handler stack of its first visit.
void label_exception_targets(Block* entry) {
    struct Item { Block* b; std::vector<Block*> handlers; };
    for (Block* b = entry; b; b = b->next) b->visited = false;
    std::vector<Item> todo{{entry, {}}};
    entry->visited = true;
    while (!todo.empty()) {
        Item it = std::move(todo.back());
        todo.pop_back();
        std::vector<Block*> hs = std::move(it.handlers);
        Block* b = it.b;
        auto visit = [&](Block* t, const std::vector<Block*>& stack) {
            if (t && !t->visited) {
                t->visited = true;
                todo.push_back({t, stack});
            }
        };
        for (Instr& i : b->instrs) {
            if (is_block_push(i.opcode)) {
                i.target->except_handler = true;
                i.target->preserve_lasti = i.opcode != SETUP_FINALLY;
                visit(i.target, hs);   // the handler runs outside its own protection
                hs.push_back(i.target);
                i.opcode = NOP;
                i.target = nullptr;
                i.handler = nullptr;   // compile.c leaves i_except unset on block pushes and pops
                continue;
            }
            if (i.opcode == POP_BLOCK) {
                if (!hs.empty()) hs.pop_back();
                i.opcode = NOP;
                i.handler = nullptr;
                continue;
            }
            i.handler = hs.empty() ? nullptr : hs.back();
            if (i.target) visit(i.target, hs);
        }
        if (!b->ends_with_exit() && !b->ends_with_jump()) visit(b->next, hs);
    }
}

}  // namespace

bool FlowGraph::assemble(ThreadState* ts, CodeObject* co, const std::vector<Object*>& consts,
                         const AddConstFn& add_const, int* nconsts_used) {
    Block* entry = entry_;
    // extend_block runs over every block in reverse allocation order (the
    // u_blocks / b_list chain), once before optimize_cfg and once in it: a
    // later block extended first can then be copied into an earlier one.
    auto extend_all = [this] {
        for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) extend_block(it->get());
    };
    extend_all();
    // optimize_cfg
    for (Block* b = entry; b; b = b->next) {
        optimize_block(ts, b, consts, add_const);
        clean_block(b);
    }
    extend_all();
    remove_unreachable(entry);
    eliminate_empty_blocks(entry);
    for (Block* b = entry; b; b = b->next) clean_block(b);
    remove_jumps_to_next(entry);
    for (Block* b = entry; b; b = b->next) clean_block(b);
    eliminate_empty_blocks(entry);

    duplicate_exits(entry);
    // trim_unused_consts: constants past the last one used are dropped
    // (the first always stays: it is the docstring slot of functions).
    int max_const = 0;
    for (Block* b = entry; b; b = b->next)
        for (const Instr& i : b->instrs)
            if ((i.opcode == LOAD_CONST || i.opcode == KW_NAMES) && i.oparg > max_const) max_const = i.oparg;
    *nconsts_used = max_const + 1;
    count_predecessors(entry);
    propagate_line_numbers(entry);
    // A generator's frame starts with the value sent by its first resume.
    bool generator = co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
    co->co_stacksize = stackdepth(entry, generator ? 1 : 0);
    label_exception_targets(entry);
    for (Block* b = entry; b; b = b->next) clean_block(b);

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
    // The exception table: runs of code units covered by the same handler.
    auto add_entry = [&](int start, int end, Block* h) {
        if (!h || start == end) return;
        Block* t = real_target(h);
        int depth = h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
        ExceptionTableEntry e{start, end, t ? t->offset : 0, depth < 0 ? 0 : depth, h->preserve_lasti};
        if (!co->exceptiontable.empty()) {
            ExceptionTableEntry& last = co->exceptiontable.back();
            if (last.end == start && last.target == e.target && last.depth == e.depth && last.lasti == e.lasti) {
                last.end = end;
                return;
            }
        }
        co->exceptiontable.push_back(e);
    };
    Block* run_handler = nullptr;
    int run_start = 0;
    for (Block* b : order) {
        for (const Instr& i : b->instrs) {
            int here = int(co->code.size());
            if (i.handler != run_handler) {
                add_entry(run_start, here, run_handler);
                run_handler = i.handler;
                run_start = here;
            }
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
    }
    add_entry(run_start, int(co->code.size()), run_handler);
    return true;
}

}  // namespace gp
