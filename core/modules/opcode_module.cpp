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

# The adaptive interpreter's families (3.11): each base instruction and the
# specialized forms CPython's quickening may rewrite it to. glasspy does not
# specialize, so these names never appear in its co_code; they are listed for
# programs that inspect the tables.
_specializations = {
    'BINARY_OP': [
        'BINARY_OP_ADAPTIVE',
        'BINARY_OP_ADD_FLOAT',
        'BINARY_OP_ADD_INT',
        'BINARY_OP_ADD_UNICODE',
        'BINARY_OP_INPLACE_ADD_UNICODE',
        'BINARY_OP_MULTIPLY_FLOAT',
        'BINARY_OP_MULTIPLY_INT',
        'BINARY_OP_SUBTRACT_FLOAT',
        'BINARY_OP_SUBTRACT_INT',
    ],
    'BINARY_SUBSCR': [
        'BINARY_SUBSCR_ADAPTIVE',
        'BINARY_SUBSCR_DICT',
        'BINARY_SUBSCR_GETITEM',
        'BINARY_SUBSCR_LIST_INT',
        'BINARY_SUBSCR_TUPLE_INT',
    ],
    'CALL': [
        'CALL_ADAPTIVE',
        'CALL_PY_EXACT_ARGS',
        'CALL_PY_WITH_DEFAULTS',
    ],
    'COMPARE_OP': [
        'COMPARE_OP_ADAPTIVE',
        'COMPARE_OP_FLOAT_JUMP',
        'COMPARE_OP_INT_JUMP',
        'COMPARE_OP_STR_JUMP',
    ],
    'EXTENDED_ARG': [
        'EXTENDED_ARG_QUICK',
    ],
    'JUMP_BACKWARD': [
        'JUMP_BACKWARD_QUICK',
    ],
    'LOAD_ATTR': [
        'LOAD_ATTR_ADAPTIVE',
        'LOAD_ATTR_INSTANCE_VALUE',
        'LOAD_ATTR_MODULE',
        'LOAD_ATTR_SLOT',
        'LOAD_ATTR_WITH_HINT',
    ],
    'LOAD_CONST': [
        'LOAD_CONST__LOAD_FAST',
    ],
    'LOAD_FAST': [
        'LOAD_FAST__LOAD_CONST',
        'LOAD_FAST__LOAD_FAST',
    ],
    'LOAD_GLOBAL': [
        'LOAD_GLOBAL_ADAPTIVE',
        'LOAD_GLOBAL_BUILTIN',
        'LOAD_GLOBAL_MODULE',
    ],
    'LOAD_METHOD': [
        'LOAD_METHOD_ADAPTIVE',
        'LOAD_METHOD_CLASS',
        'LOAD_METHOD_MODULE',
        'LOAD_METHOD_NO_DICT',
        'LOAD_METHOD_WITH_DICT',
        'LOAD_METHOD_WITH_VALUES',
    ],
    'PRECALL': [
        'PRECALL_ADAPTIVE',
        'PRECALL_BOUND_METHOD',
        'PRECALL_BUILTIN_CLASS',
        'PRECALL_BUILTIN_FAST_WITH_KEYWORDS',
        'PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS',
        'PRECALL_NO_KW_BUILTIN_FAST',
        'PRECALL_NO_KW_BUILTIN_O',
        'PRECALL_NO_KW_ISINSTANCE',
        'PRECALL_NO_KW_LEN',
        'PRECALL_NO_KW_LIST_APPEND',
        'PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST',
        'PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS',
        'PRECALL_NO_KW_METHOD_DESCRIPTOR_O',
        'PRECALL_NO_KW_STR_1',
        'PRECALL_NO_KW_TUPLE_1',
        'PRECALL_NO_KW_TYPE_1',
        'PRECALL_PYFUNC',
    ],
    'RESUME': [
        'RESUME_QUICK',
    ],
    'STORE_ATTR': [
        'STORE_ATTR_ADAPTIVE',
        'STORE_ATTR_INSTANCE_VALUE',
        'STORE_ATTR_SLOT',
        'STORE_ATTR_WITH_HINT',
    ],
    'STORE_FAST': [
        'STORE_FAST__LOAD_FAST',
        'STORE_FAST__STORE_FAST',
    ],
    'STORE_SUBSCR': [
        'STORE_SUBSCR_ADAPTIVE',
        'STORE_SUBSCR_DICT',
        'STORE_SUBSCR_LIST_INT',
    ],
    'UNPACK_SEQUENCE': [
        'UNPACK_SEQUENCE_ADAPTIVE',
        'UNPACK_SEQUENCE_LIST',
        'UNPACK_SEQUENCE_TUPLE',
        'UNPACK_SEQUENCE_TWO_TUPLE',
    ],
}

_specialized_instructions = [
    opcode for family in _specializations.values() for opcode in family
]
_specialization_stats = [
    "success",
    "failure",
    "hit",
    "deferred",
    "miss",
    "deopt",
]

# The layout of each instruction's inline CACHE units: field name -> units.
_cache_format = {
    'LOAD_GLOBAL': {
        'counter': 1,
        'index': 1,
        'module_keys_version': 2,
        'builtin_keys_version': 1,
    },
    'BINARY_OP': {
        'counter': 1,
    },
    'UNPACK_SEQUENCE': {
        'counter': 1,
    },
    'COMPARE_OP': {
        'counter': 1,
        'mask': 1,
    },
    'BINARY_SUBSCR': {
        'counter': 1,
        'type_version': 2,
        'func_version': 1,
    },
    'LOAD_ATTR': {
        'counter': 1,
        'version': 2,
        'index': 1,
    },
    'STORE_ATTR': {
        'counter': 1,
        'version': 2,
        'index': 1,
    },
    'LOAD_METHOD': {
        'counter': 1,
        'type_version': 2,
        'dict_offset': 1,
        'keys_version': 2,
        'descr': 4,
    },
    'CALL': {
        'counter': 1,
        'func_version': 2,
        'min_args': 1,
    },
    'PRECALL': {
        'counter': 1,
    },
    'STORE_SUBSCR': {
        'counter': 1,
    },
}
)py";

}  // namespace gp
