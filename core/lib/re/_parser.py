"""The regular-expression parser: pattern text -> a tree of nodes
(CPython 3.11's Lib/re/_parser.py does the same job; the error messages and
their positions are CPython's, because programs print them).

A parsed pattern is a list of nodes, each a pair (op, argument):

    ("lit", c)  ("notlit", c)       one character equal / not equal to c
    ("any", None)                   .
    ("in", items)                   a class; items are ("lit", c),
                                    ("range", (lo, hi)), ("cat", name) and a
                                    leading ("negate", None)
    ("at", where)                   ^ $ \\A \\Z \\b \\B
    ("branch", [alternatives])      a|b|c, each alternative a node list
    ("repeat", (kind, lo, hi, items))   kind "max" (greedy), "min" (lazy)
                                    or "poss" (possessive)
    ("group", (number, add, delete, items))  (...) (number None when it
                                    does not capture) with scoped flags
    ("atomic", items)               (?>...)
    ("assert", (dir, items))        (?=...) dir 1, (?<=...) dir -1
    ("assert_not", (dir, items))    (?!...) (?<!...)
    ("groupref", number)            \\1, (?P=name)
    ("groupref_exists", (number, yes, no))   (?(1)yes|no)

Characters are code points (ints); a bytes pattern is read as Latin-1.
The tokenizer hands out one character at a time, or a backslash with the
character after it, which is why positions in error messages count from
the start of such a token.
"""

from ._constants import (MAXREPEAT, MAXGROUPS, error, SRE_FLAG_TEMPLATE, SRE_FLAG_IGNORECASE,
                         SRE_FLAG_LOCALE, SRE_FLAG_MULTILINE, SRE_FLAG_DOTALL, SRE_FLAG_UNICODE,
                         SRE_FLAG_VERBOSE, SRE_FLAG_DEBUG, SRE_FLAG_ASCII)

SPECIAL_CHARS = ".\\[{()*+?^$|"
REPEAT_CHARS = "*+?{"
DIGITS = frozenset("0123456789")
OCTDIGITS = frozenset("01234567")
HEXDIGITS = frozenset("0123456789abcdefABCDEF")
ASCIILETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
WHITESPACE = frozenset(" \t\n\r\v\f")

ESCAPES = {r"\a": ("lit", 7), r"\b": ("lit", 8), r"\f": ("lit", 12), r"\n": ("lit", 10),
           r"\r": ("lit", 13), r"\t": ("lit", 9), r"\v": ("lit", 11), "\\\\": ("lit", 92)}

CATEGORIES = {
    r"\A": ("at", "beginning_string"), r"\Z": ("at", "end_string"),
    r"\b": ("at", "boundary"), r"\B": ("at", "non_boundary"),
    r"\d": ("in", [("cat", "digit")]), r"\D": ("in", [("cat", "not_digit")]),
    r"\s": ("in", [("cat", "space")]), r"\S": ("in", [("cat", "not_space")]),
    r"\w": ("in", [("cat", "word")]), r"\W": ("in", [("cat", "not_word")]),
}

FLAGS = {"i": SRE_FLAG_IGNORECASE, "L": SRE_FLAG_LOCALE, "m": SRE_FLAG_MULTILINE,
         "s": SRE_FLAG_DOTALL, "x": SRE_FLAG_VERBOSE, "a": SRE_FLAG_ASCII,
         "t": SRE_FLAG_TEMPLATE, "u": SRE_FLAG_UNICODE}

TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
GLOBAL_FLAGS = SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE

_UNIT_OPS = ("lit", "notlit", "any", "in")


class State:
    """What the parse of one pattern has learned so far: its flags, the
    groups opened (with the width range of each closed one) and names."""

    def __init__(self):
        self.flags = 0
        self.groupdict = {}
        self.groupwidths = [None]   # group 0
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            old = self.groupdict.get(name)
            if old is not None:
                raise error("redefinition of group name %r as group %d; was group %d" % (name, gid, old))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, items):
        self.groupwidths[gid] = getwidth(items, self)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error("cannot refer to an open group")
            if gid >= self.lookbehindgroups:
                raise source.error("cannot refer to group defined in the same lookbehind subpattern")


def getwidth(items, state):
    """(min, max) number of characters a node list can match."""
    lo = hi = 0
    for op, av in items:
        if op == "branch":
            i, j = MAXREPEAT - 1, 0
            for alt in av:
                a, b = getwidth(alt, state)
                i, j = min(i, a), max(j, b)
        elif op == "atomic":
            i, j = getwidth(av, state)
        elif op == "group":
            i, j = getwidth(av[3], state)
        elif op == "repeat":
            a, b = getwidth(av[3], state)
            i, j = a * av[1], b * av[2]
        elif op in _UNIT_OPS:
            i = j = 1
        elif op == "groupref":
            i, j = state.groupwidths[av]
        elif op == "groupref_exists":
            i, j = getwidth(av[1], state)
            if av[2] is not None:
                a, b = getwidth(av[2], state)
                i, j = min(i, a), max(j, b)
            else:
                i = 0
        else:
            i = j = 0
        lo += i
        hi += j
    return min(lo, MAXREPEAT - 1), min(hi, MAXREPEAT)


class Tokenizer:
    """The pattern as a stream of tokens: single characters, or a
    backslash together with the character it escapes."""

    def __init__(self, string):
        self.istext = isinstance(string, str)
        self.string = string
        if not self.istext:
            string = str(string, "latin1")
        self.decoded = string
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        index = self.index
        if index >= len(self.decoded):
            self.next = None
            return
        char = self.decoded[index]
        if char == "\\":
            index += 1
            if index >= len(self.decoded):
                raise error("bad escape (end of pattern)", self.string, len(self.string) - 1)
            char += self.decoded[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._advance()
            return True
        return False

    def get(self):
        this = self.next
        self._advance()
        return this

    def getwhile(self, n, charset):
        result = ""
        for _ in range(n):
            c = self.next
            if c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator, name):
        result = ""
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                break
            result += c
        return result

    def tell(self):
        return self.index - len(self.next or "")

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = msg.encode("ascii", "backslashreplace").decode("ascii")
        return error(msg, self.string, self.tell() - offset)

    def checkgroupname(self, name, offset):
        if not name.isidentifier():
            raise self.error("bad character in group name %r" % name, len(name) + offset)


def _hex_escape(source, escape, digits):
    escape += source.getwhile(digits, HEXDIGITS)
    if len(escape) != digits + 2:
        raise source.error("incomplete escape %s" % escape, len(escape))
    c = int(escape[2:], 16)
    if c > 0x10FFFF:
        raise source.error("bad escape %s" % escape, len(escape))
    return ("lit", c)


def _named_escape(source):
    import unicodedata
    if not source.match("{"):
        raise source.error("missing {")
    charname = source.getuntil("}", "character name")
    try:
        return ("lit", ord(unicodedata.lookup(charname)))
    except (KeyError, TypeError):
        raise source.error("undefined character name %r" % charname, len(charname) + len(r"\N{}")) from None


def _class_escape(source, escape):
    # An escape inside [...].
    code = ESCAPES.get(escape)
    if code:
        return code
    code = CATEGORIES.get(escape)
    if code and code[0] == "in":
        return code
    c = escape[1:2]
    if c == "x":
        return _hex_escape(source, escape, 2)
    if c == "u" and source.istext:
        return _hex_escape(source, escape, 4)
    if c == "U" and source.istext:
        return _hex_escape(source, escape, 8)
    if c == "N" and source.istext:
        return _named_escape(source)
    if c in OCTDIGITS:
        escape += source.getwhile(2, OCTDIGITS)
        c = int(escape[1:], 8)
        if c > 0o377:
            raise source.error("octal escape value %s outside of range 0-0o377" % escape, len(escape))
        return ("lit", c)
    if c in DIGITS:
        raise source.error("bad escape %s" % escape, len(escape))
    if len(escape) == 2:
        if c in ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", ord(escape[1]))
    raise source.error("bad escape %s" % escape, len(escape))


def _escape(source, escape, state):
    # An escape outside a class.
    code = CATEGORIES.get(escape)
    if code:
        return code
    code = ESCAPES.get(escape)
    if code:
        return code
    c = escape[1:2]
    if c == "x":
        return _hex_escape(source, escape, 2)
    if c == "u" and source.istext:
        return _hex_escape(source, escape, 4)
    if c == "U" and source.istext:
        return _hex_escape(source, escape, 8)
    if c == "N" and source.istext:
        return _named_escape(source)
    if c == "0":
        escape += source.getwhile(2, OCTDIGITS)
        return ("lit", int(escape[1:], 8))
    if c in DIGITS:
        # An octal escape (three octal digits) or a group reference.
        if source.next in DIGITS:
            escape += source.get()
            if escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and source.next in OCTDIGITS:
                escape += source.get()
                c = int(escape[1:], 8)
                if c > 0o377:
                    raise source.error("octal escape value %s outside of range 0-0o377" % escape, len(escape))
                return ("lit", c)
        group = int(escape[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error("cannot refer to an open group", len(escape))
            state.checklookbehindgroup(group, source)
            return ("groupref", group)
        raise source.error("invalid group reference %d" % group, len(escape) - 1)
    if len(escape) == 2:
        if c in ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return ("lit", ord(escape[1]))
    raise source.error("bad escape %s" % escape, len(escape))


def _parse_sub(source, state, verbose, nested):
    # An alternation a|b|c.
    items = []
    while True:
        items.append(_parse(source, state, verbose, nested + 1, not nested and not items))
        if not source.match("|"):
            break
        if not nested:
            verbose = state.flags & SRE_FLAG_VERBOSE
    if len(items) == 1:
        return items[0]
    return [("branch", items)]


def _parse_set(source, nested):
    # stacklevel: the warning points at the caller of re.compile() & co.
    here = source.tell() - 1
    items = []
    if source.next == "[":
        import warnings
        warnings.warn("Possible nested set at position %d" % source.tell(), FutureWarning, stacklevel=nested + 7)
    negate = source.match("^")
    while True:
        this = source.get()
        if this is None:
            raise source.error("unterminated character set", source.tell() - here)
        if this == "]" and items:
            break
        if this[0] == "\\":
            code1 = _class_escape(source, this)
        else:
            if items and this in "-&~|" and source.next == this:
                import warnings
                warnings.warn("Possible set %s at position %d" % (
                    "difference" if this == "-" else "intersection" if this == "&" else
                    "symmetric difference" if this == "~" else "union", source.tell() - 1),
                    FutureWarning, stacklevel=nested + 7)
            code1 = ("lit", ord(this))
        if source.match("-"):
            that = source.get()
            if that is None:
                raise source.error("unterminated character set", source.tell() - here)
            if that == "]":
                if code1[0] == "in":
                    code1 = code1[1][0]
                items.append(code1)
                items.append(("lit", ord("-")))
                break
            if that[0] == "\\":
                code2 = _class_escape(source, that)
            else:
                if that == "-":
                    import warnings
                    warnings.warn("Possible set difference at position %d" % (source.tell() - 2),
                                  FutureWarning, stacklevel=nested + 7)
                code2 = ("lit", ord(that))
            if code1[0] != "lit" or code2[0] != "lit":
                raise source.error("bad character range %s-%s" % (this, that), len(this) + 1 + len(that))
            lo, hi = code1[1], code2[1]
            if hi < lo:
                raise source.error("bad character range %s-%s" % (this, that), len(this) + 1 + len(that))
            items.append(("range", (lo, hi)))
        else:
            if code1[0] == "in":
                code1 = code1[1][0]
            items.append(code1)
    items = list(dict.fromkeys(items))
    if len(items) == 1 and items[0][0] == "lit":
        return ("notlit", items[0][1]) if negate else items[0]
    if negate:
        items.insert(0, ("negate", None))
    return ("in", items)


def _parse_repeat(source, subpattern, this):
    # Returns False when "{" turns out to be a literal.
    here = source.tell()
    if this == "?":
        lo, hi = 0, 1
    elif this == "*":
        lo, hi = 0, MAXREPEAT
    elif this == "+":
        lo, hi = 1, MAXREPEAT
    else:
        if source.next == "}":
            subpattern.append(("lit", ord(this)))
            return True
        lo, hi = 0, MAXREPEAT
        low = high = ""
        while source.next in DIGITS:
            low += source.get()
        if source.match(","):
            while source.next in DIGITS:
                high += source.get()
        else:
            high = low
        if not source.match("}"):
            subpattern.append(("lit", ord(this)))
            source.seek(here)
            return True
        if low:
            lo = int(low)
            if lo >= MAXREPEAT:
                raise OverflowError("the repetition number is too large")
        if high:
            hi = int(high)
            if hi >= MAXREPEAT:
                raise OverflowError("the repetition number is too large")
            if hi < lo:
                raise source.error("min repeat greater than max repeat", source.tell() - here)
    item = subpattern[-1:] if subpattern else None
    if not item or item[0][0] == "at":
        raise source.error("nothing to repeat", source.tell() - here + len(this))
    if item[0][0] == "repeat":
        raise source.error("multiple repeat", source.tell() - here + len(this))
    if item[0][0] == "group":
        group, add, delete, p = item[0][1]
        if group is None and not add and not delete:
            item = p
    if source.match("?"):
        kind = "min"
    elif source.match("+"):
        kind = "poss"
    else:
        kind = "max"
    subpattern[-1] = ("repeat", (kind, lo, hi, item))
    return True


def _parse_flags(source, state, char):
    add = delete = 0
    if char != "-":
        while True:
            flag = FLAGS[char]
            if source.istext:
                if char == "L":
                    raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            elif char == "u":
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add |= flag
            if (flag & TYPE_FLAGS) and (add & TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing -, : or )"
                raise source.error(msg, len(char))
    if char == ")":
        state.flags |= add
        return None
    if add & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = source.get()
        if char is None:
            raise source.error("missing flag")
        if char not in FLAGS:
            msg = "unknown flag" if char.isalpha() else "missing flag"
            raise source.error(msg, len(char))
        while True:
            flag = FLAGS[char]
            if flag & TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            delete |= flag
            char = source.get()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing :"
                raise source.error(msg, len(char))
    if delete & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add & delete:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add, delete


def _parse_group(source, state, verbose, nested, subpattern, first):
    # After "(": a group, an extension (?...), or nothing (a comment or
    # global flags). Appends to subpattern.
    start = source.tell() - 1
    capture = True
    atomic = False
    name = None
    add = delete = 0
    if source.match("?"):
        char = source.get()
        if char is None:
            raise source.error("unexpected end of pattern")
        if char == "P":
            if source.match("<"):
                name = source.getuntil(">", "group name")
                source.checkgroupname(name, 1)
            elif source.match("="):
                name = source.getuntil(")", "group name")
                source.checkgroupname(name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise source.error("unknown group name %r" % name, len(name) + 1)
                if not state.checkgroup(gid):
                    raise source.error("cannot refer to an open group", len(name) + 1)
                state.checklookbehindgroup(gid, source)
                subpattern.append(("groupref", gid))
                return
            else:
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                raise source.error("unknown extension ?P" + char, len(char) + 2)
        elif char == ":":
            capture = False
        elif char == "#":
            while True:
                if source.next is None:
                    raise source.error("missing ), unterminated comment", source.tell() - start)
                if source.get() == ")":
                    break
            return
        elif char in "=!<":
            direction = 1
            lookbehindgroups = None
            if char == "<":
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char not in "=!":
                    raise source.error("unknown extension ?<" + char, len(char) + 2)
                direction = -1
                lookbehindgroups = state.lookbehindgroups
                if lookbehindgroups is None:
                    state.lookbehindgroups = state.groups
            p = _parse_sub(source, state, verbose, nested + 2)
            if direction < 0 and lookbehindgroups is None:
                state.lookbehindgroups = None
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            subpattern.append(("assert" if char == "=" else "assert_not", (direction, p)))
            return
        elif char == "(":
            condname = source.getuntil(")", "group name")
            if condname.isidentifier():
                source.checkgroupname(condname, 1)
                condgroup = state.groupdict.get(condname)
                if condgroup is None:
                    raise source.error("unknown group name %r" % condname, len(condname) + 1)
            else:
                try:
                    condgroup = int(condname)
                    if condgroup < 0:
                        raise ValueError
                except ValueError:
                    raise source.error("bad character in group name %r" % condname, len(condname) + 1) from None
                if not condgroup:
                    raise source.error("bad group number", len(condname) + 1)
                if condgroup >= MAXGROUPS:
                    raise source.error("invalid group reference %d" % condgroup, len(condname) + 1)
                if condgroup not in state.grouprefpos:
                    state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
            state.checklookbehindgroup(condgroup, source)
            yes = _parse(source, state, verbose, nested + 2)
            if source.match("|"):
                no = _parse(source, state, verbose, nested + 2)
                if source.next == "|":
                    raise source.error("conditional backref with more than two branches")
            else:
                no = None
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            subpattern.append(("groupref_exists", (condgroup, yes, no)))
            return
        elif char == ">":
            capture = False
            atomic = True
        elif char in FLAGS or char == "-":
            flags = _parse_flags(source, state, char)
            if flags is None:   # global flags
                if not first or subpattern:
                    raise source.error("global flags not at the start of the expression",
                                       source.tell() - start)
                return "verbose"
            add, delete = flags
            capture = False
        else:
            raise source.error("unknown extension ?" + char, len(char) + 1)

    if capture:
        try:
            group = state.opengroup(name)
        except error as err:
            raise source.error(err.msg, len(name) + 1) from None
    else:
        group = None
    sub_verbose = (verbose or (add & SRE_FLAG_VERBOSE)) and not (delete & SRE_FLAG_VERBOSE)
    p = _parse_sub(source, state, sub_verbose, nested + 2)
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.tell() - start)
    if group is not None:
        state.closegroup(group, p)
    if atomic:
        subpattern.append(("atomic", p))
    else:
        subpattern.append(("group", (group, add, delete, p)))


def _parse(source, state, verbose, nested, first=False):
    # A sequence of items up to "|", ")" or the end.
    subpattern = []
    while True:
        this = source.next
        if this is None or this in "|)":
            break
        source.get()
        if verbose:
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            subpattern.append(_escape(source, this, state))
        elif this not in SPECIAL_CHARS:
            subpattern.append(("lit", ord(this)))
        elif this == "[":
            subpattern.append(_parse_set(source, nested))
        elif this in REPEAT_CHARS:
            _parse_repeat(source, subpattern, this)
        elif this == ".":
            subpattern.append(("any", None))
        elif this == "(":
            if _parse_group(source, state, verbose, nested, subpattern, first) == "verbose":
                verbose = state.flags & SRE_FLAG_VERBOSE
        elif this == "^":
            subpattern.append(("at", "beginning"))
        elif this == "$":
            subpattern.append(("at", "end"))
    # A non-capturing group without flags is just its items.
    for i in range(len(subpattern) - 1, -1, -1):
        op, av = subpattern[i]
        if op == "group":
            group, add, delete, p = av
            if group is None and not add and not delete:
                subpattern[i:i + 1] = p
    return subpattern


def fix_flags(src, flags):
    # Checks the flags against the pattern's type; str patterns are UNICODE
    # unless ASCII.
    if isinstance(src, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        elif flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def parse(string, flags=0):
    """Parses a pattern; returns (items, state)."""
    source = Tokenizer(string)
    state = State()
    state.flags = flags
    state.str = string
    p = _parse_sub(source, state, flags & SRE_FLAG_VERBOSE, 0)
    state.flags = fix_flags(string, state.flags)
    if source.next is not None:
        raise source.error("unbalanced parenthesis")
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error("invalid group reference %d" % g, string, state.grouprefpos[g])
    return p, state


def parse_template(source, pattern):
    """A replacement template as [literal, group, literal, ..., literal]
    (literals str or bytes like the template, None when empty)."""
    s = Tokenizer(source)
    groupindex = pattern.groupindex
    ngroups = pattern.groups
    result = []
    literal = []

    def addgroup(index, pos):
        if index > ngroups:
            raise s.error("invalid group reference %d" % index, pos)
        result.append("".join(literal) if literal else None)
        literal.clear()
        result.append(index)

    while True:
        this = s.get()
        if this is None:
            break
        if this[0] != "\\":
            literal.append(this)
            continue
        c = this[1]
        if c == "g":
            if not s.match("<"):
                raise s.error("missing <")
            name = s.getuntil(">", "group name")
            if name.isidentifier():
                s.checkgroupname(name, 1)
                try:
                    index = groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            else:
                try:
                    index = int(name)
                    if index < 0:
                        raise ValueError
                except ValueError:
                    raise s.error("bad character in group name %r" % name, len(name) + 1) from None
                if index >= MAXGROUPS:
                    raise s.error("invalid group reference %d" % index, len(name) + 1)
            addgroup(index, len(name) + 1)
        elif c == "0":
            if s.next in OCTDIGITS:
                this += s.get()
                if s.next in OCTDIGITS:
                    this += s.get()
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in DIGITS:
            isoctal = False
            if s.next in DIGITS:
                this += s.get()
                if c in OCTDIGITS and this[2] in OCTDIGITS and s.next in OCTDIGITS:
                    this += s.get()
                    isoctal = True
                    value = int(this[1:], 8)
                    if value > 0o377:
                        raise s.error("octal escape value %s outside of range 0-0o377" % this, len(this))
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(this[1:]), len(this) - 1)
        else:
            code = ESCAPES.get(this)
            if code is not None:
                this = chr(code[1])
            elif c in ASCIILETTERS:
                raise s.error("bad escape %s" % this, len(this))
            literal.append(this)
    result.append("".join(literal) if literal else None)
    if not isinstance(source, str):
        result = [x.encode("latin-1") if isinstance(x, str) else x for x in result]
    return result
