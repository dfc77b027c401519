r"""Utilities to compile possibly incomplete Python source code
(CPython 3.11's Lib/codeop.py).

compile_command(source) answers one of three ways, as an interactive
prompt needs: a code object (the source is a complete command), None (the
source is the beginning of a command: ask for another line), or an
exception (SyntaxError, OverflowError, ValueError: the source is wrong).

CPython asks its compiler to report "incomplete input" when the tokens
run out inside a statement. glasspy decides the same question from the
outside: a source that fails to compile is incomplete when it ends inside
a string, brackets or a backslash continuation, after a block's colon or
a decorator, or with a 'try' still waiting for its 'except'; a source
that compiles is still incomplete when its last line is indented and
unterminated (the block may go on)."""

import __future__
import warnings

_features = [getattr(__future__, fname) for fname in __future__.all_feature_names]

__all__ = ["compile_command", "Compile", "CommandCompiler"]

PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000


def _only_comments(source):
    for line in source.split("\n"):
        line = line.strip()
        if line and line[0] != "#":
            return False
    return True


_COMPOUND = frozenset(("if", "while", "for", "try", "with", "def", "class", "async", "@", "match"))


def _scan(source):
    """(statements, brackets, complete): the significant tokens of each
    logical line, the brackets still open at the end, and whether the
    tokens ended outside any string, bracket or continuation."""
    import io
    import tokenize
    lines = []
    current = []
    brackets = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.NEWLINE:
                if current:
                    lines.append(current)
                current = []
            elif tok.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
                              tokenize.ENDMARKER):
                continue
            else:
                if tok.type == tokenize.OP:
                    if tok.string in "([{":
                        brackets.append(tok.string)
                    elif tok.string in ")]}" and brackets:
                        brackets.pop()
                current.append(tok)
    except tokenize.TokenError:
        if current:
            lines.append(current)
        return lines, brackets, False
    except (SyntaxError, ValueError):
        return lines, brackets, True
    if current:
        lines.append(current)
    return lines, brackets, True


def _incomplete_after_error(source, error):
    if source.rstrip(" \t").endswith("\\"):
        return True                            # a backslash continuation
    lines, brackets, complete = _scan(source)
    if not complete:
        if brackets:
            # Inside brackets: incomplete unless closing them shows an
            # error in what was already typed.
            closed = source + "".join({"(": ")", "[": "]", "{": "}"}[b] for b in reversed(brackets))
            try:
                compile(closed, "<input>", "exec")
            except SyntaxError as e:
                last_line = source.count("\n") + 1
                if e.lineno is not None and (e.lineno < last_line or
                                             (e.lineno == last_line and e.offset is not None and
                                              e.offset <= len(source) - source.rfind("\n") - 1)):
                    return False
        return True
    if not lines:
        return False
    last = lines[-1]
    if last[-1].string == ":" and last[-1].type == 54:
        return True
    if last[0].string == "@" and last[0].start[1] == 0:
        return True
    msg = str(getattr(error, "msg", ""))
    if msg.startswith("expected 'except' or 'finally' block"):
        return True
    return False


def _open_compound(source):
    # Does the source end inside a compound statement (whose block the
    # interactive prompt ends only with an empty line)?
    lines, brackets, complete = _scan(source)
    for line in reversed(lines):
        if line[0].start[1] == 0:
            return line[0].string in _COMPOUND
    return False


def _maybe_compile(compiler, source, filename, symbol):
    if _only_comments(source) and symbol != "eval":
        source = "pass"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (SyntaxWarning, DeprecationWarning))
        try:
            code = compiler(source, filename, symbol, incomplete_input=False)
        except SyntaxError as e:
            if _incomplete_after_error(source, e):
                return None
        else:
            if symbol == "single" and not source.endswith("\n") and _open_compound(source):
                return None
            return code
    return compiler(source, filename, symbol, incomplete_input=False)


def _compile(source, filename, symbol, incomplete_input=True):
    return compile(source, filename, symbol, 0)


def compile_command(source, filename="<input>", symbol="single"):
    r"""Compile a command and determine whether it is incomplete.

    Return value / exceptions raised:
    - a code object if the command is complete and valid
    - None if the command is incomplete
    - SyntaxError, ValueError or OverflowError if the command is a
      syntax error"""
    return _maybe_compile(_compile, source, filename, symbol)


class Compile:
    """Like compile(), but remembers the __future__ statements it has
    seen and compiles later sources with them in force."""

    def __init__(self):
        self.flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

    def __call__(self, source, filename, symbol, **kwargs):
        flags = self.flags & ~(PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT)
        codeob = compile(source, filename, symbol, flags, True)
        for feature in _features:
            if codeob.co_flags & feature.compiler_flag:
                self.flags |= feature.compiler_flag
        return codeob


class CommandCompiler:
    """compile_command() with the __future__ statements of earlier
    commands in force."""

    def __init__(self):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        return _maybe_compile(self.compiler, source, filename, symbol)
