// opcode_module.cpp — the `opcode` module: the opcode tables dis and
// inspection code use. Written in Python and frozen into the interpreter as
// source (see frozen.h); the numbers come from core/bytecode/opcodes.def
// through the C++ module _dis, so they cannot disagree with the compiler.
namespace gp {

extern const char kOpcodeModuleSource[];
const char kOpcodeModuleSource[] = R"py("""opcode module - potentially shared between dis and other modules which
operate on bytecodes (e.g. peephole optimizers).

The names, numbers, cache sizes and jump kinds of CPython 3.11's
instruction set, as Lib/opcode.py lists them.
"""

from _dis import opname, opmap, hasjrel, stack_effect, _inline_cache_entries, _backward_jumps

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

# The opcode tables of Lib/opcode.py (3.11).
cmp_op = ('<', '<=', '==', '!=', '>', '>=')
HAVE_ARGUMENT = 90
EXTENDED_ARG = opmap["EXTENDED_ARG"]
hasconst = [opmap[n] for n in ("LOAD_CONST", "KW_NAMES")]
hasname = [opmap[n] for n in ("STORE_NAME", "DELETE_NAME", "STORE_ATTR", "DELETE_ATTR",
                              "STORE_GLOBAL", "DELETE_GLOBAL", "LOAD_NAME", "LOAD_ATTR",
                              "IMPORT_NAME", "IMPORT_FROM", "LOAD_GLOBAL", "LOAD_METHOD")]
hasjabs = []
haslocal = [opmap[n] for n in ("LOAD_FAST", "STORE_FAST", "DELETE_FAST")]
hascompare = [opmap["COMPARE_OP"]]
hasfree = [opmap[n] for n in ("MAKE_CELL", "LOAD_CLOSURE", "LOAD_DEREF", "STORE_DEREF",
                              "DELETE_DEREF", "LOAD_CLASSDEREF")]
hasnargs = []
_nb_ops = [
    ("NB_ADD", "+"), ("NB_AND", "&"), ("NB_FLOOR_DIVIDE", "//"), ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"), ("NB_MULTIPLY", "*"), ("NB_REMAINDER", "%"), ("NB_OR", "|"),
    ("NB_POWER", "**"), ("NB_RSHIFT", ">>"), ("NB_SUBTRACT", "-"), ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"), ("NB_INPLACE_ADD", "+="), ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="), ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="), ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="), ("NB_INPLACE_OR", "|="), ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="), ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="), ("NB_INPLACE_XOR", "^="),
]
)py";

}  // namespace gp
