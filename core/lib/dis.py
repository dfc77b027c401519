"""Disassembler of Python bytecode into mnemonics (CPython 3.11's `dis`).

The disassembly itself is done in C++ by the `_dis` module, which prints
exactly what CPython 3.11 prints. This module adds the structured view on
top of it: get_instructions() yields one Instruction per bytecode
instruction (CACHE entries left out), with the same fields as CPython's:

    opname, opcode, arg, argval, argrepr, offset, starts_line,
    is_jump_target, positions

`argval` is the resolved argument (the constant, the name, the jump target
offset, ...) and `argrepr` the text dis.dis() shows in parentheses.
"""

import collections

from _dis import (dis, disassemble, opname, opmap, _get_instructions,
                  _get_code_object, _inline_cache_entries)

__all__ = ["dis", "disassemble", "disco", "findlinestarts", "findlabels",
           "get_instructions", "Instruction", "Bytecode", "opname", "opmap",
           "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
           "hascompare", "hasfree", "hasnargs", "HAVE_ARGUMENT",
           "EXTENDED_ARG", "Positions"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

# The opcode groups of Lib/opcode.py, in its order.
def _ops(*names):
    return [opmap[n] for n in names]

hasconst = _ops('LOAD_CONST', 'KW_NAMES')
hasname = _ops('STORE_NAME', 'DELETE_NAME', 'STORE_ATTR', 'DELETE_ATTR',
               'STORE_GLOBAL', 'DELETE_GLOBAL', 'LOAD_NAME', 'LOAD_ATTR',
               'IMPORT_NAME', 'IMPORT_FROM', 'LOAD_GLOBAL', 'LOAD_METHOD')
hasjrel = _ops('FOR_ITER', 'JUMP_FORWARD', 'JUMP_IF_FALSE_OR_POP',
               'JUMP_IF_TRUE_OR_POP', 'POP_JUMP_FORWARD_IF_FALSE',
               'POP_JUMP_FORWARD_IF_TRUE', 'SEND',
               'POP_JUMP_FORWARD_IF_NOT_NONE', 'POP_JUMP_FORWARD_IF_NONE',
               'JUMP_BACKWARD_NO_INTERRUPT', 'JUMP_BACKWARD',
               'POP_JUMP_BACKWARD_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NONE',
               'POP_JUMP_BACKWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_TRUE')
hasjabs = []
haslocal = _ops('LOAD_FAST', 'STORE_FAST', 'DELETE_FAST')
hascompare = _ops('COMPARE_OP')
hasfree = _ops('MAKE_CELL', 'LOAD_CLOSURE', 'LOAD_DEREF', 'STORE_DEREF',
               'DELETE_DEREF', 'LOAD_CLASSDEREF')
hasnargs = []
del _ops

HAVE_ARGUMENT = 90
EXTENDED_ARG = opmap['EXTENDED_ARG']

MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)

disco = disassemble


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()

Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None],
)


class Instruction(_Instruction):
    """Details for a bytecode operation

       Defined fields:
         opname - human readable name for operation
         opcode - numeric code for operation
         arg - numeric argument to operation (if any), otherwise None
         argval - resolved arg value (if known), otherwise same as arg
         argrepr - human readable description of operation argument
         offset - start index of operation within bytecode sequence
         starts_line - line started by this opcode (if any), otherwise None
         is_jump_target - True if other code jumps to here, otherwise False
         positions - Optional dis.Positions object holding the span of source code
                     covered by this instruction
    """
    __slots__ = ()


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code

    Generates a series of Instruction named tuples giving the details of
    each operations in the supplied code.

    If *first_line* is not None, it indicates the line number that should
    be reported for the first source line in the disassembled code.
    Otherwise, the source line information (if any) is taken directly from
    the disassembled code object.
    """
    co = _get_code_object(x)
    offset = 0 if first_line is None else first_line - co.co_firstlineno
    for (name, op, arg, argval, argrepr, off, line, target,
         pos) in _get_instructions(co, UNKNOWN):
        if line is not None:
            line += offset
        yield Instruction(name, op, arg, argval, argrepr, off, line, target,
                          Positions(*pos))


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno)
    """
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _unpack_opargs(code):
    extended_arg = 0
    caches = 0
    for i in range(0, len(code), 2):
        # Skip inline CACHE entries:
        if caches:
            caches -= 1
            continue
        op = code[i]
        caches = _inline_cache_entries[op]
        if op >= HAVE_ARGUMENT:
            arg = code[i+1] | extended_arg
            extended_arg = (arg << 8) if op == EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        yield (i, op, arg)


def _is_backward_jump(op):
    return 'JUMP_BACKWARD' in opname[op]


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is not None:
            if op in hasjrel:
                if _is_backward_jump(op):
                    arg = -arg
                label = offset + 2 + arg*2
            elif op in hasjabs:
                label = arg*2
            else:
                continue
            if label not in labels:
                labels.append(label)
    return labels


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """
    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return get_instructions(self.codeobj, first_line=self.first_line)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__,
                                 self._original_object)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        import io, contextlib
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            disassemble(self.codeobj)
        return out.getvalue()


COMPILER_FLAG_NAMES = {
     1: "OPTIMIZED",
     2: "NEWLOCALS",
     4: "VARARGS",
     8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
   128: "COROUTINE",
   256: "ITERABLE_COROUTINE",
   512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    co = _get_code_object(x)
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    sections = [("Constants:", co.co_consts, "%4d: %r"),
                ("Names:", co.co_names, "%4d: %s"),
                ("Variable names:", co.co_varnames, "%4d: %s"),
                ("Free variables:", co.co_freevars, "%4d: %s"),
                ("Cell variables:", co.co_cellvars, "%4d: %s")]
    for title, items, fmt in sections:
        if items:
            lines.append(title)
            for pair in enumerate(items):
                lines.append(fmt % pair)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*.

    If *file* is not provided, the output is printed on stdout.
    """
    print(code_info(co), file=file)
