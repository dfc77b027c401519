// codeobject_build.cpp — a code object taken apart into plain values and
// built again from them, for marshal (core/lib/marshal.py).
//
// CPython 3.11's marshal writes a code object as its fields in one order
// (Python/marshal.c, w_object's code branch): argcount, posonlyargcount,
// kwonlyargcount, stacksize, flags, co_code, co_consts, co_names,
// co_localsplusnames, co_localspluskinds, co_filename, co_name,
// co_qualname, co_firstlineno, co_linetable, co_exceptiontable. code_parts
// gives that tuple; code_from_parts builds a code object from one.
//
// CPython trusts what it unmarshals: bytecode that reads past its stack or
// its tables crashes the interpreter. glasspy's eval loop trusts a code
// object just as much, so code_from_parts checks everything the loop relies
// on before the object exists, and refuses the rest with CPython's
// "bad marshal data (...)" ValueError:
//   - the local slots are laid out as the compiler lays them out: locals
//     (some also cells), then cells, then free variables;
//   - every instruction is a real opcode, followed by its cache units;
//   - every oparg that indexes a table (constants, names, local slots)
//     is inside it, and a cell instruction names a cell or free slot;
//   - every jump and exception handler lands on an instruction;
//   - along every path the value stack stays within [0, co_stacksize],
//     handlers included (stackdepth() in CPython's compile.c, rerun).
// The inline caches are cleared: what a cache held belongs to the
// interpreter that ran the code.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

Ref<> code_parts(ThreadState* ts, CodeObject* co) {
    std::string code(co->code.size() * 2, '\0');
    for (std::size_t i = 0; i < co->code.size(); i++) {
        // Caches go out empty (see above).
        bool cache = (co->code[i] & 0xFF) == CACHE;
        code[2 * i] = char(co->code[i] & 0xFF);
        code[2 * i + 1] = cache ? '\0' : char(co->code[i] >> 8);
    }
    std::string kinds(co->localspluskinds.begin(), co->localspluskinds.end());
    Ref<> ints[6];
    const int values[6] = {co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount,
                           co->co_stacksize, co->co_flags, co->co_firstlineno};
    for (int k = 0; k < 6; k++)
        if (!(ints[k] = int_from_i64(ts, values[k]))) return nullptr;
    Ref<> code_b = bytes_from_string(ts, code);
    Ref<> kinds_b = code_b ? bytes_from_string(ts, kinds) : Ref<>();
    Ref<> lines_b = kinds_b ? bytes_from_string(ts, code_encode_linetable(co)) : Ref<>();
    Ref<> exc_b = lines_b ? bytes_from_string(ts, code_encode_exceptiontable(co)) : Ref<>();
    if (!exc_b) return nullptr;
    return tuple_pack(ts, {ints[0].get(), ints[1].get(), ints[2].get(), ints[3].get(), ints[4].get(),
                           code_b.get(), co->co_consts, co->co_names, co->co_localsplusnames, kinds_b.get(),
                           co->co_filename, co->co_name, co->co_qualname, ints[5].get(), lines_b.get(),
                           exc_b.get()});
}

namespace {

// Why the parts cannot make a code object, or nullptr if they can.
using Problem = const char*;

bool all_str(TupleObject* t) {
    for (isize i = 0; i < t->ob_size; i++)
        if (!is_str(t->ob_item[i])) return false;
    return true;
}

// What an instruction's oparg must index, if anything.
enum class Operand { None, Const, Name, GlobalName, Local, Cell, CellOnly, FreeCount, KwNames };

Operand operand_of(int op) {
    switch (op) {
        case LOAD_CONST: return Operand::Const;
        case KW_NAMES: return Operand::KwNames;
        case STORE_NAME: case DELETE_NAME: case STORE_ATTR: case DELETE_ATTR: case STORE_GLOBAL:
        case DELETE_GLOBAL: case LOAD_NAME: case LOAD_ATTR: case IMPORT_NAME: case IMPORT_FROM:
        case LOAD_METHOD:
            return Operand::Name;
        case LOAD_GLOBAL: return Operand::GlobalName;
        case LOAD_FAST: case STORE_FAST: case DELETE_FAST: return Operand::Local;
        case LOAD_CLOSURE: case LOAD_DEREF: case STORE_DEREF: case DELETE_DEREF: case LOAD_CLASSDEREF:
            return Operand::Cell;
        case MAKE_CELL: return Operand::CellOnly;
        case COPY_FREE_VARS: return Operand::FreeCount;
        default: return Operand::None;
    }
}

bool is_real_opcode(int op) {
    return op != CACHE && op != DO_TRACING && opcode_name(op) != nullptr;
}

// One decoded instruction: where it starts, its opcode and full oparg
// (EXTENDED_ARG prefixes folded in), and where the next one starts.
struct Instr {
    int start, op, oparg, next;
};

Problem check_locals(CodeObject* co) {
    // Locals first (a local may also be a cell), then cells, then frees.
    int phase = 0, nlocals = 0, ncells = 0, nfrees = 0;
    for (uint8_t k : co->localspluskinds) {
        int p;
        if (k == CO_FAST_LOCAL || k == (CO_FAST_LOCAL | CO_FAST_CELL)) p = 0;
        else if (k == CO_FAST_CELL) p = 1;
        else if (k == CO_FAST_FREE) p = 2;
        else return "bad local kind";
        if (p < phase) return "bad local order";
        phase = p;
        nlocals += p == 0;
        ncells += (k & CO_FAST_CELL) != 0;
        nfrees += p == 2;
    }
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfrees;
    int nargs = co->co_argcount + co->co_kwonlyargcount + ((co->co_flags & CO_VARARGS) != 0) +
                ((co->co_flags & CO_VARKEYWORDS) != 0);
    if (co->co_argcount < 0 || co->co_posonlyargcount < 0 || co->co_kwonlyargcount < 0 ||
        co->co_posonlyargcount > co->co_argcount || co->co_argcount > 255 || co->co_kwonlyargcount > 255 ||
        nargs > nlocals)
        return "bad argument counts";
    return nullptr;
}

Problem decode_instructions(CodeObject* co, std::vector<Instr>& out, std::vector<int>& at) {
    const int n = int(co->code.size());
    at.assign(std::size_t(n) + 1, -1);   // code unit -> index in out, for instruction starts
    int ext = 0;
    for (int i = 0; i < n;) {
        int op = co->code[std::size_t(i)] & 0xFF;
        if (!is_real_opcode(op)) return "bad opcode";
        int arg = (ext << 8) | (co->code[std::size_t(i)] >> 8);
        int next = i + 1 + opcode_cache_entries(op);
        if (next > n) return "truncated instruction";
        for (int c = i + 1; c < next; c++) co->code[std::size_t(c)] = CACHE;   // caches start empty
        if (op == EXTENDED_ARG) {
            // Opargs stay below 2**24, so no stack effect or jump target
            // computed from one can overflow an int.
            if (arg > 0xFFFF) return "oparg too large";
            ext = arg;
        } else {
            ext = 0;
        }
        at[std::size_t(i)] = int(out.size());
        out.push_back({i, op, arg, next});
        i = next;
    }
    if (ext) return "EXTENDED_ARG at the end";
    return nullptr;
}

Problem check_operand(CodeObject* co, const Instr& in) {
    const int arg = in.oparg;
    const int nplus = co->co_nlocalsplus;
    auto kind = [&](int i) { return co->localspluskinds[std::size_t(i)]; };
    switch (operand_of(in.op)) {
        case Operand::None: break;
        case Operand::Const:
            if (arg >= co->co_consts->ob_size) return "constant index out of range";
            break;
        case Operand::KwNames:
            if (arg >= co->co_consts->ob_size || !is_tuple(co->co_consts->ob_item[arg]) ||
                !all_str(as_tuple(co->co_consts->ob_item[arg])))
                return "bad keyword names";
            break;
        case Operand::Name:
            if (arg >= co->co_names->ob_size) return "name index out of range";
            break;
        case Operand::GlobalName:
            if ((arg >> 1) >= co->co_names->ob_size) return "name index out of range";
            break;
        case Operand::Local:
            if (arg >= nplus) return "local index out of range";
            break;
        case Operand::Cell:
            if (arg >= nplus || !(kind(arg) & (CO_FAST_CELL | CO_FAST_FREE))) return "bad cell index";
            break;
        case Operand::CellOnly:
            if (arg >= nplus || !(kind(arg) & CO_FAST_CELL)) return "bad cell index";
            break;
        case Operand::FreeCount:
            if (arg != co->co_nfreevars) return "bad free variable count";
            break;
    }
    switch (in.op) {
        case COMPARE_OP: if (arg > 5) return "bad comparison"; break;
        case BINARY_OP: if (arg > 25) return "bad binary operator"; break;
        case RAISE_VARARGS: if (arg > 2) return "bad raise"; break;
        case BUILD_SLICE: if (arg != 2 && arg != 3) return "bad slice"; break;
        case FORMAT_VALUE: if (arg > 7) return "bad format"; break;
        default: break;
    }
    return nullptr;
}

// The instruction a jump lands on, as an index into `instrs`, or -1.
int jump_target(const Instr& in, const std::vector<int>& at, int n) {
    int t = opcode_is_backward_jump(in.op) ? in.next - in.oparg : in.next + in.oparg;
    if (t < 0 || t >= n) return -1;
    return at[std::size_t(t)];
}

// Instructions after which control never falls through to the next one.
bool ends_block(int op) {
    switch (op) {
        case RETURN_VALUE: case RAISE_VARARGS: case RERAISE: case JUMP_FORWARD: case JUMP_BACKWARD:
        case JUMP_BACKWARD_NO_INTERRUPT:
            return true;
        default:
            return false;
    }
}

// stackdepth(), rerun: the depths each instruction can be reached with,
// as a range [lo, hi], widened until nothing changes. Every path must keep
// the stack within [0, co_stacksize]. Invariant: an instruction is on the
// work list whenever its range grew since it was last looked at.
Problem check_stack(CodeObject* co, const std::vector<Instr>& instrs, const std::vector<int>& at) {
    const int n = int(co->code.size());
    const int limit = co->co_stacksize;
    std::vector<int> lo(instrs.size(), -1), hi(instrs.size(), -1);
    std::vector<int> work;
    auto reach = [&](int k, int dlo, int dhi) -> Problem {
        if (k < 0) return "jump out of the code";
        if (dlo < 0 || dhi > limit) return "stack depth out of range";
        std::size_t i = std::size_t(k);
        if (lo[i] == -1) {
            lo[i] = dlo;
            hi[i] = dhi;
        } else if (dlo < lo[i] || dhi > hi[i]) {
            lo[i] = std::min(lo[i], dlo);
            hi[i] = std::max(hi[i], dhi);
        } else {
            return nullptr;
        }
        work.push_back(k);
        return nullptr;
    };
    if (instrs.empty()) return "empty code";
    if (Problem p = reach(0, 0, 0)) return p;
    for (const ExceptionTableEntry& e : co->exceptiontable) {
        int d = e.depth + (e.lasti ? 1 : 0) + 1;
        if (Problem p = reach(at[std::size_t(e.target)], d, d)) return p;
    }
    while (!work.empty()) {
        int k = work.back();
        work.pop_back();
        const Instr& in = instrs[std::size_t(k)];
        const int dlo = lo[std::size_t(k)], dhi = hi[std::size_t(k)];
        if (opcode_is_jump(in.op)) {
            int effect = opcode_stack_effect(in.op, in.oparg, true);
            if (Problem p = reach(jump_target(in, at, n), dlo + effect, dhi + effect)) return p;
        }
        if (ends_block(in.op)) continue;
        if (std::size_t(k) + 1 >= instrs.size()) return "code falls off its end";
        // RETURN_GENERATOR's own effect is 0 (the compiler adds it after
        // measuring the stack), but the frame resumes after it with the
        // first value sent in on the stack, which the next POP_TOP drops.
        int effect = in.op == RETURN_GENERATOR ? 1 : opcode_stack_effect(in.op, in.oparg, false);
        if (Problem p = reach(k + 1, dlo + effect, dhi + effect)) return p;
    }
    return nullptr;
}

int64_t int_field(Object* o, bool* ok) {
    int64_t v = 0;
    if (!is_int(o) || !int_as_i64(o, &v) || v < INT32_MIN || v > INT32_MAX) *ok = false;
    return v;
}

}  // namespace

Ref<> code_from_parts(ThreadState* ts, Object* const* parts) {
    Interpreter& interp = *ts->interp;
    auto bad = [&](const char* why) -> Ref<> {
        return raise(ts, interp.exc.ValueError, std::string("bad marshal data (") + why + ")");
    };
    bool ints_ok = true;
    const int64_t argcount = int_field(parts[0], &ints_ok), posonly = int_field(parts[1], &ints_ok),
                  kwonly = int_field(parts[2], &ints_ok), stacksize = int_field(parts[3], &ints_ok),
                  flags = int_field(parts[4], &ints_ok), firstlineno = int_field(parts[13], &ints_ok);
    if (!ints_ok) return bad("code field is not a C int");
    if (!is_bytes(parts[5]) || !is_tuple(parts[6]) || !is_tuple(parts[7]) || !is_tuple(parts[8]) ||
        !is_bytes(parts[9]) || !is_str(parts[10]) || !is_str(parts[11]) || !is_str(parts[12]) ||
        !is_bytes(parts[14]) || !is_bytes(parts[15]))
        return bad("code field of the wrong type");
    TupleObject* names = as_tuple(parts[7]);
    TupleObject* plusnames = as_tuple(parts[8]);
    std::string_view kinds = bytes_view(parts[9]);
    if (!all_str(names) || !all_str(plusnames)) return bad("code names are not strings");
    if (isize(kinds.size()) != plusnames->ob_size) return bad("local kinds do not match local names");
    std::string_view code = bytes_view(parts[5]);
    if (code.empty() || code.size() % 2) return bad("bad code length");
    if (stacksize < 0 || stacksize > 100000) return bad("bad stack size");

    Ref<CodeObject> co = code_new(ts);
    if (!co) return nullptr;
    co->co_argcount = int(argcount);
    co->co_posonlyargcount = int(posonly);
    co->co_kwonlyargcount = int(kwonly);
    co->co_stacksize = int(stacksize);
    co->co_flags = int(flags);
    co->co_firstlineno = int(firstlineno);
    co->co_nlocalsplus = int(plusnames->ob_size);
    co->co_consts = as_tuple(newref(parts[6]).release());
    co->co_names = as_tuple(newref(names).release());
    co->co_localsplusnames = as_tuple(newref(plusnames).release());
    co->co_filename = as_str(newref(parts[10]).release());
    co->co_name = as_str(newref(parts[11]).release());
    co->co_qualname = as_str(newref(parts[12]).release());
    co->localspluskinds.assign(kinds.begin(), kinds.end());
    co->code.resize(code.size() / 2);
    for (std::size_t i = 0; i < co->code.size(); i++)
        co->code[i] = uint16_t(uint8_t(code[2 * i]) | (uint16_t(uint8_t(code[2 * i + 1])) << 8));
    if (!intern_string_constants(ts, co->co_consts)) return nullptr;

    if (Problem p = check_locals(co.get())) return bad(p);
    std::vector<Instr> instrs;
    std::vector<int> at;
    if (Problem p = decode_instructions(co.get(), instrs, at)) return bad(p);
    for (const Instr& in : instrs) {
        if (Problem p = check_operand(co.get(), in)) return bad(p);
        if (opcode_is_jump(in.op) && jump_target(in, at, int(co->code.size())) < 0) return bad("bad jump target");
    }
    if (!code_decode_exceptiontable(bytes_view(parts[15]), co->exceptiontable)) return bad("bad exception table");
    for (const ExceptionTableEntry& e : co->exceptiontable)
        if (e.start < 0 || e.end <= e.start || e.end > int(co->code.size()) || e.depth < 0 ||
            e.depth > co->co_stacksize || e.target < 0 || e.target >= int(co->code.size()) ||
            at[std::size_t(e.target)] < 0)
            return bad("bad exception table");
    if (Problem p = check_stack(co.get(), instrs, at)) return bad(p);
    if (!code_decode_linetable(bytes_view(parts[14]), co->co_firstlineno, co->code.size(), co->positions))
        return bad("bad line table");
    return Ref<>(std::move(co));
}

}  // namespace gp

namespace gp {

// code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
//      flags, codestring, constants, names, varnames, filename, name,
//      qualname, firstlineno, linetable, exceptiontable, freevars=(),
//      cellvars=(), /) — types.CodeType, with 3.11's argument checks. The
// local slots are laid out from varnames, cellvars and freevars as
// code_new does; then code_from_parts checks what the eval loop relies on
// (CPython trusts the bytes and may crash; glasspy raises ValueError).
Ref<> code_tp_new(ThreadState* ts, TypeObject*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (kwnames && kwnames->ob_size) return raise(ts, interp.exc.TypeError, "code() takes no keyword arguments");
    if (nargs < 16 || nargs > 18)
        return raise(ts, interp.exc.TypeError, std::string("code expected at ") + (nargs < 16 ? "least 16" : "most 18") +
                                                   " arguments, got " + std::to_string(nargs));
    // What each argument must be: i(nt), b(ytes), t(uple), s(tr).
    static const char kinds[] = "iiiiiibtttsssibbtt";
    static const char* const kind_names[] = {"bytes", "tuple", "str"};
    isize ints[16] = {};
    for (isize k = 0; k < nargs; k++) {
        Object* a = args[k];
        char kind = kinds[k];
        bool ok = true;
        const char* want = nullptr;
        if (kind == 'i') {
            if (!index_as_isize(ts, a, &ints[k])) return nullptr;
            continue;
        }
        if (kind == 'b') { ok = is_bytes(a); want = kind_names[0]; }
        if (kind == 't') { ok = is_tuple(a); want = kind_names[1]; }
        if (kind == 's') { ok = is_str(a); want = kind_names[2]; }
        if (!ok)
            return raise(ts, interp.exc.TypeError, "code() argument " + std::to_string(k + 1) + " must be " + want +
                                                       ", not " + type_name(a));
    }
    TupleObject* empty = nullptr;
    Ref<TupleObject> empty_ref;
    if (nargs < 18) {
        empty_ref = tuple_new(ts, 0);
        if (!empty_ref) return nullptr;
        empty = empty_ref.get();
    }
    TupleObject* names = as_tuple(args[8]);
    TupleObject* varnames = as_tuple(args[9]);
    TupleObject* freevars = nargs > 16 ? as_tuple(args[16]) : empty;
    TupleObject* cellvars = nargs > 17 ? as_tuple(args[17]) : empty;
    for (TupleObject* t : {names, varnames, freevars, cellvars})
        for (isize i = 0; i < t->ob_size; i++)
            if (!is_str(t->ob_item[i]))
                return raise(ts, interp.exc.TypeError,
                             std::string("name tuples must contain only strings, not '") + type_name(t->ob_item[i]) + "'");
    static const char* const counts[] = {"argcount", "posonlyargcount", "kwonlyargcount", "nlocals"};
    for (int k = 0; k < 4; k++)
        if (ints[k] < 0)
            return raise(ts, interp.exc.ValueError, std::string("code: ") + counts[k] + " must not be negative");
    if (ints[3] != varnames->ob_size) return raise(ts, interp.exc.ValueError, "code: co_nlocals != len(co_varnames)");
    // The local slots: varnames (a cell too if named in cellvars), the
    // other cells, then the free variables.
    std::vector<Object*> lp;
    std::string lpkinds;
    auto in = [](TupleObject* t, Object* name) {
        for (isize i = 0; i < t->ob_size; i++)
            if (str_equal(as_str(t->ob_item[i]), as_str(name))) return true;
        return false;
    };
    for (isize i = 0; i < varnames->ob_size; i++) {
        lp.push_back(varnames->ob_item[i]);
        lpkinds += char(CO_FAST_LOCAL | (in(cellvars, varnames->ob_item[i]) ? CO_FAST_CELL : 0));
    }
    for (isize i = 0; i < cellvars->ob_size; i++) {
        if (in(varnames, cellvars->ob_item[i])) continue;
        lp.push_back(cellvars->ob_item[i]);
        lpkinds += char(CO_FAST_CELL);
    }
    for (isize i = 0; i < freevars->ob_size; i++) {
        lp.push_back(freevars->ob_item[i]);
        lpkinds += char(CO_FAST_FREE);
    }
    Ref<TupleObject> lpnames = tuple_from_array(ts, lp.data(), isize(lp.size()));
    Ref<> lpkinds_b = lpnames ? bytes_from_string(ts, lpkinds) : Ref<>();
    if (!lpkinds_b) return nullptr;
    Ref<> small[6];
    const isize values[6] = {ints[0], ints[1], ints[2], ints[4], ints[5], ints[13]};
    for (int k = 0; k < 6; k++)
        if (!(small[k] = int_from_i64(ts, values[k]))) return nullptr;
    Object* parts[16] = {small[0].get(), small[1].get(), small[2].get(), small[3].get(), small[4].get(),
                         args[6],        args[7],        names,          lpnames.get(),  lpkinds_b.get(),
                         args[10],       args[11],       args[12],       small[5].get(), args[14],
                         args[15]};
    return code_from_parts(ts, parts);
}

}  // namespace gp
