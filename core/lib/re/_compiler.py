"""The regular-expression compiler: a parsed pattern -> a program for the
matching engine in C++ (CPython 3.11's Lib/re/_compiler.py does the same
for its engine; the instruction set is described in core/regex/sre_engine.h).

Each node of the tree (see _parser) becomes a few instructions:

    lit, notlit, any, in     one instruction testing one character
    branch a|b|c             BRANCH L1  a  JUMP end  L1: BRANCH L2  b  JUMP end  L2: c  end:
    repeat of one character  REPEAT_ONE / MIN_REPEAT_ONE / POSS_REPEAT_ONE with the
                             character test inline: the engine counts in a loop
    other repeats            REPEAT id min max until  body  MAX_UNTIL/MIN_UNTIL id repeat
                             (possessive: the greedy form inside ATOMIC_ENTER/EXIT, and each
                             iteration atomic too, as sre runs it)
    group n                  MARK 2n-2  body  MARK 2n-1
    (?>...)                  ATOMIC_ENTER  body  ATOMIC_EXIT
    lookaround               ASSERT(_NOT) back after  body  ASSERT(_NOT)_EXIT
    \\1, (?(1)a|b)           GROUPREF(_I), GROUPREF_EXISTS

Flags decide the details: IGNORECASE turns character tests into their
folding forms, MULTILINE changes ^ and $, DOTALL makes . match "\\n", and
ASCII / LOCALE / bytes patterns use ASCII definitions of \\w, \\d, \\s, \\b.
"""

import _sre

from ._constants import (OPCODES, MAXREPEAT, error, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE,
                         SRE_FLAG_MULTILINE, SRE_FLAG_DOTALL, SRE_FLAG_UNICODE, SRE_FLAG_ASCII)
from . import _parser

globals().update(OPCODES)

SET_END, SET_LITERAL, SET_RANGE, SET_CATEGORY, SET_BITMAP = range(5)
CASE_EXACT, CASE_ASCII, CASE_UNICODE = range(3)
_CAT_BASE = {"digit": 0, "space": 1, "word": 2}
CAT_NOT, CAT_UNICODE = 8, 16
_AT = {"beginning": 0, "beginning_line": 1, "beginning_string": 2, "end": 3, "end_line": 4,
       "end_string": 5, "boundary": 6, "non_boundary": 7}


class _Context:
    """What code generation carries along: whether the pattern is bytes,
    and the next free REPEAT counter."""

    def __init__(self, isbytes, state):
        self.isbytes = isbytes
        self.state = state
        self.repeats = 0


def _unicode(flags, ctx):
    # Unicode definitions of \w, \d, \s, \b and of case?
    return not ctx.isbytes and not flags & (SRE_FLAG_ASCII | SRE_FLAG_LOCALE)


def _case_mode(flags, ctx):
    if not flags & SRE_FLAG_IGNORECASE:
        return CASE_EXACT
    return CASE_UNICODE if _unicode(flags, ctx) else CASE_ASCII


def _category(name, flags, ctx):
    negated = name.startswith("not_")
    code = _CAT_BASE[name[4:] if negated else name]
    if negated:
        code |= CAT_NOT
    if _unicode(flags, ctx):
        code |= CAT_UNICODE
    return code


def _set_items(items, flags, ctx, mode):
    # The <set> of an IN instruction. Under IGNORECASE literals are stored
    # folded; a short range also gets the folds of its characters that
    # fall outside it (so [\u212a] matches "k", as in sre).
    out = []
    bitmap = [0] * 8
    use_bitmap = False
    extra = []

    def add_char(c):
        nonlocal use_bitmap
        if c < 256:
            bitmap[c >> 5] |= 1 << (c & 31)
            use_bitmap = True
        else:
            out.extend((SET_LITERAL, c))

    for op, av in items:
        if op == "negate":
            continue
        if op == "lit":
            if mode:
                c = _sre.fold(mode, av)
                add_char(c)
                if mode == CASE_UNICODE:
                    for e in _sre.case_extras(c):
                        add_char(e)
            else:
                add_char(av)
        elif op == "range":
            lo, hi = av
            if hi < 256 and hi - lo < 256:
                for c in range(lo, hi + 1):
                    bitmap[c >> 5] |= 1 << (c & 31)
                use_bitmap = True
            else:
                out.extend((SET_RANGE, lo, hi))
            if mode and hi - lo < 1024:
                for c in range(lo, hi + 1):
                    f = _sre.fold(mode, c)
                    if not lo <= f <= hi:
                        extra.append(f)
        elif op == "cat":
            out.extend((SET_CATEGORY, _category(av, flags, ctx)))
    for c in dict.fromkeys(extra):
        add_char(c)
    if use_bitmap:
        out = [SET_BITMAP] + bitmap + out
    out.append(SET_END)
    return out


def _unit(op, av, flags, ctx):
    """The instruction testing one character, as a list of words."""
    mode = _case_mode(flags, ctx)
    if op in ("lit", "notlit"):
        if not mode:
            return [LITERAL if op == "lit" else NOT_LITERAL, av]
        folded = _sre.fold(mode, av)
        extras = _sre.case_extras(folded) if mode == CASE_UNICODE else ()
        if not extras:
            return [LITERAL_I if op == "lit" else NOT_LITERAL_I, mode, folded]
        items = [SET_LITERAL, folded]
        for e in extras:
            items += [SET_LITERAL, e]
        items.append(SET_END)
        return [IN, 4 + len(items), mode, 1 if op == "notlit" else 0] + items
    if op == "any":
        return [ANY_ALL if flags & SRE_FLAG_DOTALL else ANY]
    if op == "in":
        negate = 1 if av and av[0][0] == "negate" else 0
        items = _set_items(av, flags, ctx, mode)
        return [IN, 4 + len(items), mode, negate] + items
    raise error("internal: unsupported operand type %r" % (op,))


def _is_unit(items):
    return len(items) == 1 and items[0][0] in _parser._UNIT_OPS


def _compile(code, items, flags, ctx):
    emit = code.append
    for op, av in items:
        if op in _parser._UNIT_OPS:
            code.extend(_unit(op, av, flags, ctx))
        elif op == "at":
            if av == "beginning" and flags & SRE_FLAG_MULTILINE:
                av = "beginning_line"
            elif av == "end" and flags & SRE_FLAG_MULTILINE:
                av = "end_line"
            kind = _AT[av]
            if av in ("boundary", "non_boundary") and _unicode(flags, ctx):
                kind += 2
            code.extend((AT, kind))
        elif op == "branch":
            jumps = []
            for i, alt in enumerate(av):
                last = i == len(av) - 1
                if not last:
                    emit(BRANCH)
                    skip = len(code)
                    emit(0)
                _compile(code, alt, flags, ctx)
                if not last:
                    emit(JUMP)
                    jumps.append(len(code))
                    emit(0)
                    code[skip] = len(code)
            for j in jumps:
                code[j] = len(code)
        elif op == "repeat":
            kind, lo, hi, item = av
            if kind == "poss" and not _is_unit(item):
                # sre's POSSESSIVE_REPEAT: each iteration keeps the first
                # way its body matched, and the count never backs off.
                emit(ATOMIC_ENTER)
                _compile_repeat(code, "max", lo, hi, [("atomic", item)], flags, ctx)
                emit(ATOMIC_EXIT)
            else:
                _compile_repeat(code, kind, lo, hi, item, flags, ctx)
        elif op == "group":
            group, add, delete, p = av
            inner = (flags | add) & ~delete
            if group:
                code.extend((MARK, 2 * group - 2))
            _compile(code, p, inner, ctx)
            if group:
                code.extend((MARK, 2 * group - 1))
        elif op == "atomic":
            emit(ATOMIC_ENTER)
            _compile(code, av, flags, ctx)
            emit(ATOMIC_EXIT)
        elif op in ("assert", "assert_not"):
            direction, p = av
            back = 0
            if direction < 0:
                lo, hi = _parser.getwidth(p, ctx.state)
                if lo > 0xFFFFFFFF:
                    raise error("looks too much behind")
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                back = lo
            emit(ASSERT if op == "assert" else ASSERT_NOT)
            emit(back)
            after = len(code)
            emit(0)
            _compile(code, p, flags, ctx)
            emit(ASSERT_EXIT if op == "assert" else ASSERT_NOT_EXIT)
            code[after] = len(code)
        elif op == "groupref":
            mode = _case_mode(flags, ctx)
            if mode:
                code.extend((GROUPREF_I, mode, av))
            else:
                code.extend((GROUPREF, av))
        elif op == "groupref_exists":
            group, yes, no = av
            emit(GROUPREF_EXISTS)
            emit(group)
            skip_yes = len(code)
            emit(0)
            _compile(code, yes, flags, ctx)
            if no:
                emit(JUMP)
                skip_no = len(code)
                emit(0)
                code[skip_yes] = len(code)
                _compile(code, no, flags, ctx)
                code[skip_no] = len(code)
            else:
                code[skip_yes] = len(code)
        else:
            raise error("internal: unsupported operand type %r" % (op,))


def _compile_repeat(code, kind, lo, hi, item, flags, ctx):
    if _is_unit(item):
        op = {"max": REPEAT_ONE, "min": MIN_REPEAT_ONE, "poss": POSS_REPEAT_ONE}[kind]
        unit = _unit(item[0][0], item[0][1], flags, ctx)
        start = len(code)
        code.extend((op, 0, lo, hi))
        code.extend(unit)
        code[start + 1] = len(code)
        return
    rid = ctx.repeats
    ctx.repeats += 1
    start = len(code)
    code.extend((REPEAT, rid, lo, hi, 0))
    _compile(code, item, flags, ctx)
    code[start + 4] = len(code)
    code.extend((MAX_UNTIL if kind == "max" else MIN_UNTIL, rid, start))


def _first_unit(items, flags, ctx):
    """The test every match's first character passes, when one is known."""
    for op, av in items:
        if op in _parser._UNIT_OPS:
            return _unit(op, av, flags, ctx)
        if op == "group":
            group, add, delete, p = av
            return _first_unit(p, (flags | add) & ~delete, ctx)
        if op == "atomic":
            return _first_unit(av, flags, ctx)
        if op == "repeat" and av[1] >= 1:
            return _first_unit(av[3], flags, ctx)
        return None
    return None


def compile(p, flags=0):
    """Compiles a pattern (str or bytes) into a re.Pattern."""
    isbytes = not isinstance(p, str)
    items, state = _parser.parse(p, flags)
    flags = flags | state.flags
    ctx = _Context(isbytes, state)
    code = []
    _compile(code, items, flags, ctx)
    code.append(SUCCESS)

    # What lets search() skip ahead: a literal prefix, or the first character's test.
    prefix = []
    if not flags & SRE_FLAG_IGNORECASE:
        for op, av in items:
            if op != "lit":
                break
            prefix.append(av)
    first = []
    if not prefix:
        first = _first_unit(items, flags, ctx) or []
    anchored = bool(items) and items[0][0] == "at" and (
        items[0][1] == "beginning_string" or
        (items[0][1] == "beginning" and not flags & SRE_FLAG_MULTILINE))
    min_width = _parser.getwidth(items, state)[0]

    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(p, flags, code, state.groups - 1, state.groupdict, tuple(indexgroup),
                        ctx.repeats, min_width, anchored, prefix, first)
