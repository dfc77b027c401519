// codeobject.h — code objects: compiled bytecode plus everything the eval
// loop and `dis` need to run and explain it.
//
// Mirrors CPython 3.11's PyCodeObject (Include/cpython/code.h). The field
// names are CPython's (co_consts, co_names, co_varnames, ...), so what a
// learner inspects in `f.__code__` is what CPython shows. Locals, cell and
// free variables share one array, "localsplus", with a kind byte per slot,
// as in 3.11. Instructions are 16-bit code units: opcode byte then oparg
// byte, each instruction followed by its CACHE units.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"

namespace gp {

struct TupleObject;
struct StrObject;

// Kinds of a localsplus slot (CO_FAST_* in CPython 3.11).
enum LocalKind : uint8_t {
    CO_FAST_LOCAL = 0x20,
    CO_FAST_CELL = 0x40,
    CO_FAST_FREE = 0x80,
};

// co_flags (Include/cpython/code.h).
enum CodeFlags : int {
    CO_OPTIMIZED = 0x0001, CO_NEWLOCALS = 0x0002, CO_VARARGS = 0x0004, CO_VARKEYWORDS = 0x0008,
    CO_NESTED = 0x0010, CO_GENERATOR = 0x0020, CO_NOFREE = 0x0040, CO_COROUTINE = 0x0080,
    CO_ITERABLE_COROUTINE = 0x0100, CO_ASYNC_GENERATOR = 0x0200,
    // `from __future__ import ...` features (Include/cpython/compile.h);
    // compile() takes them in its flags argument too.
    CO_FUTURE_DIVISION = 0x20000, CO_FUTURE_ABSOLUTE_IMPORT = 0x40000, CO_FUTURE_WITH_STATEMENT = 0x80000,
    CO_FUTURE_PRINT_FUNCTION = 0x100000, CO_FUTURE_UNICODE_LITERALS = 0x200000,
    CO_FUTURE_BARRY_AS_BDFL = 0x400000, CO_FUTURE_GENERATOR_STOP = 0x800000, CO_FUTURE_ANNOTATIONS = 0x1000000,
};
// The future features a code object records and exec()/compile() inherit
// (PyCF_MASK).
constexpr int kFutureFlagsMask = CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT |
                                 CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |
                                 CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;

// Source position of one code unit (co_positions()).
struct Position {
    int lineno;            // -1 when the instruction has no line (artificial)
    int end_lineno;
    int col;               // 0-based UTF-8 byte column, -1 unknown
    int end_col;
};

// One entry of the exception table (3.11's "zero-cost" exceptions): code
// units [start, end) jump to `target` with the stack cut to `depth`,
// pushing lasti first when `lasti` is set.
struct ExceptionTableEntry {
    int start, end, target, depth;
    bool lasti;
};

struct CodeObject : Object {
    int co_argcount;             // positional parameters (incl. positional-only)
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_flags;                // CodeFlags
    int co_stacksize;            // deepest value stack the code can need
    int co_firstlineno;
    int co_nlocalsplus;          // slots in localsplus (locals + cells + frees)
    int co_nlocals;              // plain local variables (co_varnames)
    int co_ncellvars;
    int co_nfreevars;
    TupleObject* co_consts;      // owned
    TupleObject* co_names;       // owned: global/attribute names
    TupleObject* co_localsplusnames;  // owned: names of every localsplus slot
    StrObject* co_filename;      // owned
    StrObject* co_name;          // owned
    StrObject* co_qualname;      // owned
    // C++-side storage (constructed in place; released in code_dealloc).
    std::vector<uint16_t> code;             // code units (co_code)
    std::vector<uint8_t> localspluskinds;   // LocalKind per localsplus slot
    std::vector<Position> positions;        // one per code unit
    std::vector<ExceptionTableEntry> exceptiontable;
    std::vector<int16_t> cell2arg;          // unused until cells of arguments

    int addr_to_line(int offset_units) const;   // line of the code unit, or -1
};

bool is_code(Object* o);
// Allocates an empty code object for the compiler to fill.
Ref<CodeObject> code_new(ThreadState* ts);
bool init_code_type(ThreadState* ts);
// intern_string_constants (CPython's codeobject.c): string constants made
// only of name characters ([A-Za-z0-9_]) are interned, in nested tuples too,
// replacing the tuple's items in place. That is why two separately compiled
// 'identifier_like' literals are the same object and two 'with space' ones
// are not.
bool intern_string_constants(ThreadState* ts, TupleObject* consts);
// co_code, co_linetable, co_exceptiontable, co_lines(), co_positions(),
// replace(): the byte-level views of a code object (codeobject_tables.cpp).
bool code_add_table_members(ThreadState* ts, TypeObject* type);
// The byte tables in CPython 3.11's formats, and back. The decoders return
// false on malformed bytes (or a line table not covering `nunits` units).
std::string code_encode_linetable(const CodeObject* co);
std::string code_encode_exceptiontable(const CodeObject* co);
bool code_decode_linetable(std::string_view bytes, int firstlineno, std::size_t nunits, std::vector<Position>& out);
bool code_decode_exceptiontable(std::string_view bytes, std::vector<ExceptionTableEntry>& out);

// marshal's view of a code object (codeobject_build.cpp): its fields in
// CPython's marshal order, and a code object built from such a tuple's
// items after checking that the eval loop can run it (ValueError
// "bad marshal data (...)" otherwise).
Ref<> code_parts(ThreadState* ts, CodeObject* co);
Ref<> code_from_parts(ThreadState* ts, Object* const* parts);
// types.CodeType(...): code.__new__ with 3.11's sixteen to eighteen arguments.
Ref<> code_tp_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kwnames);

}  // namespace gp
