// dis.h — disassembly in the exact format of CPython 3.11's `dis.dis()`.
//
// The compiler's tests compare this text with what python3 prints, and the
// `dis` module and the site's bytecode panel are built on it.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

struct CodeObject;

// Disassembles `code` and, recursively, the code objects among its
// constants, as dis.dis(code) does. Returns an empty string with an error
// set if a constant's repr fails.
std::string disassemble(ThreadState* ts, CodeObject* code, bool recursive = true);

}  // namespace gp
