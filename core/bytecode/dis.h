// dis.h — disassembly in the exact format of CPython 3.11's `dis.dis()`.
//
// The compiler's tests compare this text with what python3 prints, and the
// `dis` module and the site's bytecode panel are built on it.
#pragma once

#include <string>
#include <vector>

#include "objects/object.h"

namespace gp {

struct CodeObject;

// How dis.disassemble() lays out one code object (Lib/dis.py's
// _disassemble_bytes arguments).
struct DisOptions {
    int lasti = -1;            // offset marked "-->" (the current instruction), -1: none
    bool show_caches = false;  // print each inline CACHE unit as its own line
    int line_offset = 0;       // added to every line number (Bytecode's first_line)
};

// Disassembles `code` and, if `recursive`, the code objects among its
// constants, as dis.dis(code) does. Returns an empty string with an error
// set if a constant's repr fails.
std::string disassemble(ThreadState* ts, CodeObject* code, bool recursive = true, const DisOptions& opts = {});

// One instruction as Lib/dis.py's _get_instructions_bytes describes it
// (CACHE entries skipped, EXTENDED_ARG kept as its own instruction).
struct DisInstruction {
    int offset;            // in bytes
    int opcode;
    int arg;               // -1: the opcode takes no argument
    int starts_line;       // the line that starts here, -1 if none
    bool is_jump_target;
    std::string argrepr;   // the text dis prints in parentheses ("" if none)
    int jump_target;       // byte offset a jump goes to, -1 if not a jump
};

// Decodes `code` into instructions. Returns false with an error set if a
// constant's repr fails.
bool decode_instructions(ThreadState* ts, CodeObject* code, std::vector<DisInstruction>& out);

}  // namespace gp
