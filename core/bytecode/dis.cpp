// dis.cpp — see dis.h. Mirrors Lib/dis.py of CPython 3.11:
// _disassemble_bytes, Instruction._disassemble and _get_instructions_bytes.
#include "bytecode/dis.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "bytecode/opcodes.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

const char* const kCmpOps[] = {"<", "<=", "==", "!=", ">", ">="};
const char* const kNbOps[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
                              "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

std::string pad_left(const std::string& s, std::size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }
std::string pad_right(const std::string& s, std::size_t w) { return s.size() >= w ? s : s + std::string(w - s.size(), ' '); }


}  // namespace

bool decode_instructions(ThreadState* ts, CodeObject* co, std::vector<DisInstruction>& out) {
    const std::vector<uint16_t>& code = co->code;
    // Decode, folding EXTENDED_ARG into the next instruction and skipping caches.
    std::map<int, bool> targets;
    int ext = 0;
    int lastline = -2;
    std::size_t first = out.size();
    for (std::size_t i = 0; i < code.size();) {
        int op = code[i] & 0xFF;
        int arg = (code[i] >> 8) | ext;
        int line = co->positions[i].lineno;
        DisInstruction d{int(i * 2), op, op >= kHaveArgument ? arg : -1, -1, false, "", -1};
        // findlinestarts: a new line starts where the line changes.
        if (line >= 0 && line != lastline) {
            d.starts_line = line;
            lastline = line;
        }
        ext = op == EXTENDED_ARG ? arg << 8 : 0;
        int caches = opcode_cache_entries(op);
        if (opcode_is_jump(op)) {
            int dest = opcode_is_backward_jump(op) ? int(i) + 1 - arg : int(i) + 1 + arg + caches;
            targets[dest * 2] = true;
            d.jump_target = dest * 2;
        }
        out.push_back(d);
        i += 1 + std::size_t(caches);
    }
    for (const ExceptionTableEntry& e : co->exceptiontable) targets[e.target * 2] = true;
    for (std::size_t k = first; k < out.size(); k++) {
        DisInstruction& d = out[k];
        d.is_jump_target = targets.count(d.offset) > 0;
        if (d.arg < 0) continue;
        int op = d.opcode, arg = d.arg;
        auto localname = [&](int i) -> std::string {
            return i < co->co_nlocalsplus ? std::string(str_utf8(co->co_localsplusnames->ob_item[i])) : "?";
        };
        auto name_at = [&](int i) -> std::string {
            return i < co->co_names->ob_size ? std::string(str_utf8(co->co_names->ob_item[i])) : "?";
        };
        std::string& argrepr = d.argrepr;
        switch (op) {
        case LOAD_CONST: {
            Object* c = arg < co->co_consts->ob_size ? co->co_consts->ob_item[arg] : nullptr;
            if (c) {
                Ref<> r = object_repr(ts, c);
                if (!r) return false;
                argrepr = std::string(str_utf8(r.get()));
            }
            break;
        }
        case LOAD_GLOBAL:
            argrepr = (arg & 1 ? "NULL + " : "") + name_at(arg >> 1);
            break;
        case LOAD_NAME: case STORE_NAME: case DELETE_NAME: case STORE_GLOBAL: case DELETE_GLOBAL:
        case LOAD_ATTR: case STORE_ATTR: case DELETE_ATTR: case LOAD_METHOD: case IMPORT_NAME: case IMPORT_FROM:
            argrepr = name_at(arg);
            break;
        case LOAD_FAST: case STORE_FAST: case DELETE_FAST: case LOAD_DEREF: case STORE_DEREF:
        case DELETE_DEREF: case LOAD_CLOSURE: case MAKE_CELL: case LOAD_CLASSDEREF:
            argrepr = localname(arg);
            break;
        case COMPARE_OP:
            if (arg >= 0 && arg < 6) argrepr = kCmpOps[arg];
            break;
        case BINARY_OP:
            if (arg >= 0 && arg < 26) argrepr = kNbOps[arg];
            break;
        case FORMAT_VALUE: {
            static const char* const conv[] = {"", "str", "repr", "ascii"};
            argrepr = conv[arg & 3];
            if (arg & 4) argrepr += argrepr.empty() ? "with format" : ", with format";
            break;
        }
        case MAKE_FUNCTION: {
            static const char* const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
            for (int b = 0; b < 4; b++)
                if (arg & (1 << b)) argrepr += (argrepr.empty() ? "" : ", ") + std::string(flags[b]);
            break;
        }
        default:
            if (d.jump_target >= 0) argrepr = "to " + std::to_string(d.jump_target);
            break;
        }
    }
    return true;
}

std::string disassemble(ThreadState* ts, CodeObject* co, bool recursive, const DisOptions& opts) {
    std::vector<DisInstruction> instrs;
    if (!decode_instructions(ts, co, instrs)) return "";
    int maxline = -1;
    for (const DisInstruction& d : instrs) maxline = std::max(maxline, d.starts_line);
    // No line starts at all: the line-number column is left out.
    int lineno_width = 0;
    if (maxline >= 0) {
        int shown = maxline + opts.line_offset;
        lineno_width = shown >= 1000 ? int(std::to_string(shown).size()) : 3;
    }
    const std::vector<uint16_t>& code = co->code;
    int maxoffset = int(code.size()) * 2 - 2;
    int offset_width = maxoffset >= 10000 ? int(std::to_string(maxoffset).size()) : 4;
    std::string out;
    std::vector<CodeObject*> nested;
    // Instruction._disassemble: line number, current marker, jump-target
    // marker, offset, name, argument and its meaning.
    auto emit = [&](int starts_line, int offset, bool target, const std::string& name, int arg, const std::string& argrepr) {
        std::string line;
        if (lineno_width)
            line += (starts_line >= 0 ? pad_left(std::to_string(starts_line + opts.line_offset), std::size_t(lineno_width))
                                      : std::string(std::size_t(lineno_width), ' ')) + " ";
        line += offset == opts.lasti ? "-->" : "   ";
        line += target ? " >>" : "   ";
        line += " " + pad_left(std::to_string(offset), std::size_t(offset_width));
        line += " " + pad_right(name, 20);
        if (arg >= 0) {
            line += " " + pad_left(std::to_string(arg), 5);
            if (!argrepr.empty()) line += " (" + argrepr + ")";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    };
    for (const DisInstruction& d : instrs) {
        if (lineno_width && d.starts_line >= 0 && d.offset > 0) out += "\n";
        const char* name = opcode_name(d.opcode);
        if (d.opcode == LOAD_CONST && d.arg >= 0 && d.arg < co->co_consts->ob_size && is_code(co->co_consts->ob_item[d.arg]))
            nested.push_back(static_cast<CodeObject*>(co->co_consts->ob_item[d.arg]));
        emit(d.starts_line, d.offset, d.is_jump_target, name ? name : "<" + std::to_string(d.opcode) + ">", d.arg, d.argrepr);
        if (opts.show_caches)
            for (int c = 1; c <= opcode_cache_entries(d.opcode); c++)
                emit(-1, d.offset + 2 * c, false, "CACHE", 0, "");
    }
    if (!co->exceptiontable.empty()) {
        out += "ExceptionTable:\n";
        for (const ExceptionTableEntry& e : co->exceptiontable)
            out += "  " + std::to_string(e.start * 2) + " to " + std::to_string(e.end * 2 - 2) + " -> " +
                   std::to_string(e.target * 2) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
    }
    if (recursive) {
        for (CodeObject* c : nested) {
            Ref<> r = object_repr(ts, c);
            if (!r) return "";
            out += "\nDisassembly of " + std::string(str_utf8(r.get())) + ":\n";
            std::string inner = disassemble(ts, c, true, opts);
            if (inner.empty() && error_occurred(ts)) return "";
            out += inner;
        }
    }
    return out;
}

}  // namespace gp
