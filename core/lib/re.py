r"""Regular expressions: a backtracking matcher for Python's regex syntax.

CPython 3.11 compiles a pattern (Lib/re/_parser.py, _compiler.py) into
opcodes for a C matching engine (Modules/_sre). This module keeps the
same two stages in Python, so both can be read and stepped through:

  parse     the pattern text becomes a tree of nodes:
              ("lit", c)  ("any",)  ("set", negated, items)  ("cat", "d")
              ("bol",) ("eol",) ("bos",) ("eos",) ("bound",) ("nbound",)
              ("seq", [nodes])  ("alt", [nodes])  ("group", index, node)
              ("rep", node, min, max, greedy)  ("ref", index)
              ("look", behind, negated, node)
  match     a depth-first search over the tree. Each node is matched with a
            continuation, "what must match after me": a repetition first
            tries to take as many items as it can (or as few, if lazy) and
            backs off one at a time until the rest of the pattern matches.
            Repetitions of a single character are counted in a loop, so
            `.*` over a long line does not recurse once per character.

Supported: literals, escapes, . [] classes (ranges, negation, \d \w \s
\D \W \S inside), anchors ^ $ \A \Z \b \B, groups (capturing,
(?:...), (?P<name>...), (?P=name), \1), alternation, greedy and lazy
quantifiers * + ? {m,n}, lookahead and lookbehind, the flags I, M, S, X, A
(also inline, (?i)). Not supported: possessive quantifiers and atomic
groups (3.11 additions), conditional groups, bytes patterns' locale flag.
"""

import enum

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L",
           "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG", "RegexFlag"]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256

    def __repr__(self):
        if self._name_ is not None:
            return "|".join(f"re.{name}" for name in self._name_.split("|"))
        value = self._value_
        members = []
        for m in self.__class__:
            if m._value_ and value & m._value_:
                members.append(f"re.{m._name_}")
                value &= ~m._value_
        if value:
            members.append(hex(value))
        return "|".join(members) or "re.NOFLAG"

    __str__ = object.__str__


globals().update(RegexFlag.__members__)


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = f"{msg} at position {pos}"
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = f"{msg} (line {self.lineno}, column {self.colno})"
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error

MAXREPEAT = 4294967295
_SPECIAL = ".\\[{()*+?^$|"
_REPEAT_CHARS = "*+?{"
_CATEGORIES = {"d", "D", "w", "W", "s", "S"}
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_FLAG_LETTERS = {"i": I, "L": L, "m": M, "s": S, "x": X, "a": A, "u": U}


# ================================================================== parsing

class _Parser:
    """Recursive descent over the pattern text; builds the node tree and
    numbers the capturing groups left to right."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.pos = 0
        self.flags = flags
        self.groups = 1            # group 0 is the whole match
        self.groupindex = {}
        self.open_groups = []

    def error(self, msg, pos=None):
        return error(msg, self.pattern, self.pos if pos is None else pos)

    def peek(self):
        return self.pattern[self.pos] if self.pos < len(self.pattern) else None

    def next(self):
        c = self.peek()
        self.pos += 1
        return c

    def skip_verbose(self):
        # In VERBOSE mode whitespace is ignored and # starts a comment.
        while self.flags & X and self.pos < len(self.pattern):
            c = self.pattern[self.pos]
            if c in " \t\n\r\v\f":
                self.pos += 1
            elif c == "#":
                while self.pos < len(self.pattern) and self.pattern[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def parse(self):
        node = self.alternation()
        if self.pos < len(self.pattern):
            if self.pattern[self.pos] == ")":
                raise self.error("unbalanced parenthesis")
            raise self.error("unexpected end of pattern")
        return node

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c in "|)":
                break
            start = self.pos
            atom = self.atom()
            if atom is None:
                continue
            atom = self.repeats(atom, start)
            items.append(atom)
        return items[0] if len(items) == 1 else ("seq", items)

    def repeats(self, atom, start):
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c not in _REPEAT_CHARS:
                return atom
            here = self.pos
            if c == "{":
                bounds = self.braces()
                if bounds is None:
                    return atom   # a literal "{"
                lo, hi = bounds
            else:
                self.pos += 1
                lo, hi = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[c]
            if atom[0] in ("bol", "eol", "bos", "eos", "bound", "nbound", "look"):
                raise self.error("nothing to repeat", start)
            if atom[0] == "rep":
                raise self.error("multiple repeat", here)
            greedy = True
            if self.peek() == "?":
                self.pos += 1
                greedy = False
            elif self.peek() == "+":
                raise self.error("possessive quantifiers are not supported", self.pos)
            atom = ("rep", atom, lo, hi, greedy)

    def braces(self):
        # {m}, {m,}, {,n}, {m,n}; anything else is a literal "{".
        text = self.pattern
        end = text.find("}", self.pos)
        if end < 0:
            return None
        body = text[self.pos + 1:end]
        lo, comma, hi = body.partition(",")
        if not (lo.isdigit() or lo == "") or not (hi.isdigit() or hi == "") or (not comma and not lo):
            return None
        lo_v = int(lo) if lo else 0
        hi_v = (int(hi) if hi else MAXREPEAT) if comma else lo_v
        if hi_v < lo_v:
            raise self.error("min repeat greater than max repeat", self.pos + 1)
        self.pos = end + 1
        return lo_v, hi_v

    def atom(self):
        c = self.next()
        if c == "(":
            return self.group()
        if c == "[":
            return self.charset()
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "\\":
            return self.escape(in_set=False)
        if c in "*+?":
            raise self.error("nothing to repeat", self.pos - 1)
        if c == "{":
            self.pos -= 1
            if self.braces() is not None:
                raise self.error("nothing to repeat", self.pos - 1)
            self.pos += 1
            return ("lit", "{")
        return ("lit", c)

    def group(self):
        start = self.pos - 1
        if self.peek() == "?":
            self.pos += 1
            c = self.next()
            if c == ":":
                node = self.alternation()
                self.close_group(start)
                return node
            if c == "P":
                c = self.next()
                if c == "<":
                    name = self.group_name(">")
                    index = self.groups
                    self.groups += 1
                    if name in self.groupindex:
                        raise self.error(f"redefinition of group name {name!r} as group {index}; "
                                         f"was group {self.groupindex[name]}")
                    self.groupindex[name] = index
                    self.open_groups.append(index)
                    node = self.alternation()
                    self.open_groups.pop()
                    self.close_group(start)
                    return ("group", index, node)
                if c == "=":
                    name = self.group_name(")")
                    if name not in self.groupindex:
                        raise self.error(f"unknown group name {name!r}")
                    return ("ref", self.groupindex[name])
                raise self.error(f"unknown extension ?P{c}", start + 1)
            if c in "=!":
                node = self.alternation()
                self.close_group(start)
                return ("look", False, c == "!", node)
            if c == "<" and self.peek() in ("=", "!"):
                negated = self.next() == "!"
                node = self.alternation()
                self.close_group(start)
                return ("look", True, negated, node)
            if c == "#":
                while self.peek() not in (")", None):
                    self.pos += 1
                if self.next() is None:
                    raise self.error("missing ), unterminated comment", start)
                return None
            if c is not None and (c in _FLAG_LETTERS or c == "-"):
                return self.inline_flags(c, start)
            if c == "<":
                raise self.error(f"unknown extension ?<{self.peek() or ''}", start + 1)
            raise self.error(f"unknown extension ?{c}", start + 1)
        index = self.groups
        self.groups += 1
        self.open_groups.append(index)
        node = self.alternation()
        self.open_groups.pop()
        self.close_group(start)
        return ("group", index, node)

    def inline_flags(self, c, start):
        on = off = 0
        while c is not None and c in _FLAG_LETTERS:
            on |= _FLAG_LETTERS[c]
            c = self.next()
        if c == "-":
            c = self.next()
            while c is not None and c in _FLAG_LETTERS:
                off |= _FLAG_LETTERS[c]
                c = self.next()
        if c == ")":
            if start != 0:
                raise self.error("global flags not at the start of the expression", start)
            self.flags = (self.flags | on) & ~off
            return None
        if c == ":":
            saved = self.flags
            self.flags = (self.flags | on) & ~off
            node = self.alternation()
            self.close_group(start)
            flags = self.flags
            self.flags = saved
            return ("flags", flags, node)
        raise self.error("missing -, : or )", self.pos - 1)

    def close_group(self, start):
        if self.next() != ")":
            raise self.error("missing ), unterminated subpattern", start)

    def group_name(self, terminator):
        end = self.pattern.find(terminator, self.pos)
        if end < 0:
            raise self.error(f"missing {terminator}, unterminated name")
        name = self.pattern[self.pos:end]
        if not name:
            raise self.error("missing group name")
        if not name.isidentifier():
            raise self.error(f"bad character in group name {name!r}")
        self.pos = end + 1
        return name

    def escape(self, in_set):
        start = self.pos - 1
        c = self.next()
        if c is None:
            raise self.error("bad escape (end of pattern)", start)
        if c in _CATEGORIES:
            return ("cat", c)
        if not in_set:
            if c == "A":
                return ("bos",)
            if c == "Z":
                return ("eos",)
            if c == "b":
                return ("bound",)
            if c == "B":
                return ("nbound",)
            if c.isdigit() and c != "0":
                digits = c
                while self.peek() is not None and self.peek().isdigit() and len(digits) < 2:
                    digits += self.next()
                index = int(digits)
                if index >= self.groups or index in self.open_groups:
                    raise self.error("invalid group reference %d" % index, start + 1)
                return ("ref", index)
        if c in _ESCAPES and not (c == "b" and not in_set):
            return ("lit", _ESCAPES[c]) if c != "b" or in_set else ("lit", "\b")
        if c == "0":
            digits = ""
            while self.peek() is not None and self.peek() in "01234567" and len(digits) < 2:
                digits += self.next()
            return ("lit", chr(int(digits or "0", 8)))
        if c == "x":
            return ("lit", chr(self.hex_digits(2, start)))
        if c == "u":
            return ("lit", chr(self.hex_digits(4, start)))
        if c == "U":
            return ("lit", chr(self.hex_digits(8, start)))
        if c.isalnum():
            raise self.error(f"bad escape \\{c}", start)
        return ("lit", c)

    def hex_digits(self, n, start):
        text = self.pattern[self.pos:self.pos + n]
        if len(text) != n or any(ch not in "0123456789abcdefABCDEF" for ch in text):
            raise self.error(f"incomplete escape \\{self.pattern[start + 1]}{text}", start)
        self.pos += n
        return int(text, 16)

    def charset(self):
        start = self.pos - 1
        negated = False
        if self.peek() == "^":
            negated = True
            self.pos += 1
        items = []
        first = True
        while True:
            c = self.next()
            if c is None:
                raise self.error("unterminated character set", start)
            if c == "]" and not first:
                break
            first = False
            if c == "\\":
                item = self.escape(in_set=True)
            else:
                item = ("lit", c)
            # A range a-z (a "-" at either end is literal).
            if item[0] == "lit" and self.peek() == "-" and self.pos + 1 < len(self.pattern) and \
                    self.pattern[self.pos + 1] != "]":
                self.pos += 1
                c2 = self.next()
                item2 = self.escape(in_set=True) if c2 == "\\" else ("lit", c2)
                if item2[0] != "lit":
                    raise self.error(f"bad character range {item[1]}-\\{item2[1]}", self.pos - 3)
                if ord(item2[1]) < ord(item[1]):
                    raise self.error(f"bad character range {item[1]}-{item2[1]}", self.pos - 3)
                items.append(("range", item[1], item2[1]))
            else:
                items.append(item)
        return ("set", negated, items)


# ================================================================ matching

def _is_word(c):
    return c.isalnum() or c == "_"


def _category(cat, c, flags):
    ascii_only = flags & A
    if cat in "dD":
        r = ("0" <= c <= "9") if ascii_only else c.isdecimal()
    elif cat in "wW":
        r = (c.isascii() and _is_word(c)) if ascii_only else _is_word(c)
    else:
        r = c in " \t\n\r\f\v" if ascii_only else (c.isspace() or c in "\x1c\x1d\x1e\x1f")
    return r if cat.islower() else not r


def _char_matcher(node, flags):
    """For nodes that always match exactly one character: a predicate on
    that character (None for other nodes)."""
    kind = node[0]
    icase = flags & I
    if kind == "lit":
        ch = node[1]
        if icase and ch.lower() != ch.upper():
            low = ch.lower()
            return lambda c: c.lower() == low
        return lambda c: c == ch
    if kind == "any":
        if flags & S:
            return lambda c: True
        return lambda c: c != "\n"
    if kind == "cat":
        cat = node[1]
        return lambda c: _category(cat, c, flags)
    if kind == "set":
        negated, items = node[1], node[2]

        def in_set(c):
            for item in items:
                if item[0] == "lit":
                    if c == item[1] or (icase and c.lower() == item[1].lower()):
                        return True
                elif item[0] == "range":
                    if item[1] <= c <= item[2]:
                        return True
                    if icase and (item[1] <= c.lower() <= item[2] or item[1] <= c.upper() <= item[2]):
                        return True
                elif _category(item[1], c, flags):
                    return True
            return False

        if negated:
            return lambda c: not in_set(c)
        return in_set
    return None


class _Matcher:
    """One attempt to match the tree against a string from a position:
    the string, the bounds, the group marks, and the matching methods."""

    def __init__(self, string, pos, endpos, ngroups, flags):
        self.s = string
        self.pos = pos
        self.end = endpos
        self.marks = [None] * (2 * ngroups)   # start, end of each group
        self.flags = flags

    def m(self, node, i, k, flags):
        """Match node at i; on success call k(j) with the end position and
        return its result (False sends the search back to try another way)."""
        kind = node[0]
        s = self.s
        if kind == "seq":
            return self.seq(node[1], 0, i, k, flags)
        if kind == "rep":
            return self.rep(node, i, k, flags)
        if kind == "group":
            index = node[1]
            old_start, old_end = self.marks[2 * index], self.marks[2 * index + 1]

            def close(j):
                saved = self.marks[2 * index], self.marks[2 * index + 1]
                self.marks[2 * index], self.marks[2 * index + 1] = i, j
                if k(j):
                    return True
                self.marks[2 * index], self.marks[2 * index + 1] = saved
                return False

            if self.m(node[2], i, close, flags):
                return True
            self.marks[2 * index], self.marks[2 * index + 1] = old_start, old_end
            return False
        if kind == "alt":
            for branch in node[1]:
                if self.m(branch, i, k, flags):
                    return True
            return False
        if kind == "flags":
            return self.m(node[2], i, k, node[1])
        if kind == "bol":
            if i == 0 or (flags & M and s[i - 1] == "\n"):
                return k(i)
            return False
        if kind == "eol":
            if i == self.end or (i == self.end - 1 and s[i] == "\n") or (flags & M and s[i] == "\n"):
                return k(i)
            return False
        if kind == "bos":
            return k(i) if i == 0 else False
        if kind == "eos":
            return k(i) if i == self.end else False
        if kind in ("bound", "nbound"):
            before = i > 0 and _is_word(s[i - 1])
            after = i < self.end and _is_word(s[i])
            if (before != after) == (kind == "bound"):
                return k(i)
            return False
        if kind == "ref":
            start, stop = self.marks[2 * node[1]], self.marks[2 * node[1] + 1]
            if start is None:
                return False
            text = s[start:stop]
            piece = s[i:i + len(text)]
            if piece == text or (flags & I and piece.lower() == text.lower()):
                return k(i + len(text))
            return False
        if kind == "look":
            behind, negated, sub = node[1], node[2], node[3]
            saved = list(self.marks)
            if behind:
                found = any(self.m(sub, start, lambda j, start=start: j == i, flags) for start in range(i, -1, -1))
            else:
                found = self.m(sub, i, lambda j: True, flags)
            if negated:
                self.marks = saved
                return False if found else k(i)
            if not found:
                self.marks = saved
                return False
            if k(i):
                return True
            self.marks = saved
            return False
        # A single character.
        if i < self.end and _char_matcher(node, flags)(s[i]):
            return k(i + 1)
        return False

    def seq(self, items, index, i, k, flags):
        if index == len(items):
            return k(i)
        return self.m(items[index], i, lambda j: self.seq(items, index + 1, j, k, flags), flags)

    def rep(self, node, i, k, flags):
        _, item, lo, hi, greedy = node
        test = _char_matcher(item, flags)
        if test is not None:
            # Count how many single characters match, then back off.
            s, end = self.s, self.end
            n = 0
            limit = min(hi, end - i)
            while n < limit and test(s[i + n]):
                n += 1
            if n < lo:
                return False
            counts = range(n, lo - 1, -1) if greedy else range(lo, n + 1)
            for c in counts:
                if k(i + c):
                    return True
            return False
        return self.rep_general(item, lo, hi, greedy, 0, i, -1, k, flags)

    def rep_general(self, item, lo, hi, greedy, count, i, last, k, flags):
        # count items matched so far, ending at i; an item that matched the
        # empty string (i == last) ends the repetition.
        def more(j):
            if j == i and count >= lo:
                return False
            return self.rep_general(item, lo, hi, greedy, count + 1, j, i, k, flags)

        if count < lo:
            return self.m(item, i, more, flags)
        if greedy:
            if count < hi and self.m(item, i, more, flags):
                return True
            return k(i)
        if k(i):
            return True
        return count < hi and self.m(item, i, more, flags)


# ============================================================ the objects

class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise TypeError("glasspy's re supports str patterns only")
        parser = _Parser(pattern, int(flags))
        self._tree = parser.parse()
        self.pattern = pattern
        self.flags = RegexFlag(parser.flags | (0 if parser.flags & A else U))
        self.groups = parser.groups - 1
        self.groupindex = dict(parser.groupindex)

    def __repr__(self):
        flags = self.flags & ~U
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return f"re.compile({text}, {flags!r})"
        return f"re.compile({text})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, anchored, full, must_advance=False, start_limit=None):
        # Tries each start position; returns a Match or None.
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        n = len(string)
        pos = max(0, min(pos, n))
        endpos = n if endpos is None else max(pos, min(endpos, n))
        flags = int(self.flags)
        first = pos
        last = pos if anchored else endpos
        for start in range(first, last + 1):
            matcher = _Matcher(string, start, endpos, self.groups + 1, flags)
            result = []

            def finish(j, start=start, matcher=matcher, result=result):
                if full and j != endpos:
                    return False
                if must_advance and start == first and j == start:
                    return False
                result.append(j)
                return True

            if matcher.m(self._tree, start, finish, flags):
                marks = matcher.marks
                marks[0], marks[1] = start, result[0]
                return Match(self, string, pos, endpos, marks)
        return None

    def match(self, string, pos=0, endpos=None):
        """Matches zero or more characters at the beginning of the string."""
        return self._run(string, pos, endpos, anchored=True, full=False)

    def fullmatch(self, string, pos=0, endpos=None):
        """Matches against all of the string."""
        return self._run(string, pos, endpos, anchored=True, full=True)

    def search(self, string, pos=0, endpos=None):
        """Scan through string looking for a match, and return a corresponding match object instance."""
        return self._run(string, pos, endpos, anchored=False, full=False)

    def finditer(self, string, pos=0, endpos=None):
        """Return an iterator over all non-overlapping matches for the RE pattern in string."""
        n = len(string) if isinstance(string, str) else 0
        end = n if endpos is None else min(endpos, n)
        must_advance = False
        while pos <= end:
            m = self._run(string, pos, endpos, anchored=False, full=False, must_advance=must_advance)
            if m is None:
                return
            yield m
            # After an empty match the next one may start at the same place
            # only if it is not empty itself.
            must_advance = m.end() == m.start()
            pos = m.end()

    def findall(self, string, pos=0, endpos=None):
        """Return a list of all non-overlapping matches of pattern in string."""
        result = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group())
            elif self.groups == 1:
                result.append(m.group(1) or "")
            else:
                result.append(tuple(g or "" for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        result = []
        last = 0
        count = 0
        for m in self.finditer(string):
            if maxsplit and count >= maxsplit:
                break
            result.append(string[last:m.start()])
            result.extend(m.groups())
            last = m.end()
            count += 1
        result.append(string[last:])
        return result

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made)."""
        if callable(repl):
            expand = repl
        else:
            template = _parse_template(repl, self)
            expand = lambda m: _expand_template(template, m)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            pieces.append(string[last:m.start()])
            pieces.append(expand(m))
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping
        occurrences of pattern in string by the replacement repl."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        it = self.finditer(string, pos, endpos)

        class _Scanner:
            def match(self_):
                return next(it, None)
            search = match
        return _Scanner()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(type(list[int]))


class Match:
    """The result of re.match() and re.search()."""

    def __init__(self, pattern, string, pos, endpos, marks):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._marks = marks
        self.lastindex = self._lastindex(marks, pattern.groups)
        self.lastgroup = None
        if self.lastindex is not None:
            for name, index in pattern.groupindex.items():
                if index == self.lastindex:
                    self.lastgroup = name

    @staticmethod
    def _lastindex(marks, ngroups):
        # The group that closed last: the one with the greatest end, the
        # outermost when several end together.
        best = None
        for index in range(1, ngroups + 1):
            start, end = marks[2 * index], marks[2 * index + 1]
            if start is None:
                continue
            if best is None or end > marks[2 * best + 1] or (end == marks[2 * best + 1] and start <= marks[2 * best]):
                best = index
        return best

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
        raise IndexError("no such group")

    def group(self, *groups):
        """Return one or more subgroups of the match."""
        if not groups:
            groups = (0,)
        values = []
        for g in groups:
            index = self._index(g)
            start, end = self._marks[2 * index], self._marks[2 * index + 1]
            values.append(None if start is None else self.string[start:end])
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, group):
        return self.group(group)

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match."""
        result = []
        for index in range(1, self.re.groups + 1):
            start, end = self._marks[2 * index], self._marks[2 * index + 1]
            result.append(default if start is None else self.string[start:end])
        return tuple(result)

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match."""
        result = {}
        for name, index in self.re.groupindex.items():
            start, end = self._marks[2 * index], self._marks[2 * index + 1]
            result[name] = default if start is None else self.string[start:end]
        return result

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        start = self._marks[2 * self._index(group)]
        return -1 if start is None else start

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        end = self._marks[2 * self._index(group) + 1]
        return -1 if end is None else end

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        return self.start(group), self.end(group)

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string template."""
        return _expand_template(_parse_template(template, self.re), self)

    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(type(list[int]))


Pattern.__module__ = Match.__module__ = "re"


def _parse_template(repl, pattern):
    # A replacement string as a list of literal strings and group numbers.
    if not isinstance(repl, str):
        raise TypeError(f"expected str instance, {type(repl).__name__} found")
    parts = []
    literal = []
    i, n = 0, len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = repl[i]
        if c == "g":
            if i + 1 >= n or repl[i + 1] != "<":
                raise error("missing <", repl, i + 1)
            end = repl.find(">", i + 2)
            if end < 0:
                raise error("missing >, unterminated name", repl, i + 2)
            name = repl[i + 2:end]
            if not name:
                raise error("missing group name", repl, i + 2)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error(f"invalid group reference {index}", repl, i + 2)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError(f"unknown group name {name!r}")
            else:
                raise error(f"bad character in group name {name!r}", repl, i + 2)
            parts.append("".join(literal))
            literal = []
            parts.append(index)
            i = end + 1
        elif c.isdigit():
            if c == "0" or (i + 2 < n + 1 and repl[i:i + 3].isdigit() and len(repl[i:i + 3]) == 3 and
                            all(ch in "01234567" for ch in repl[i:i + 3])):
                digits = ""
                while i < n and len(digits) < 3 and repl[i] in "01234567":
                    digits += repl[i]
                    i += 1
                literal.append(chr(int(digits, 8)))
                continue
            digits = c
            if i + 1 < n and repl[i + 1].isdigit():
                digits += repl[i + 1]
            index = int(digits)
            if index > pattern.groups:
                raise error(f"invalid group reference {index}", repl, i)
            parts.append("".join(literal))
            literal = []
            parts.append(index)
            i += len(digits)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            i += 1
        elif c.isalpha():
            raise error(f"bad escape \\{c}", repl, i - 1)
        else:
            literal.append("\\" + c)
            i += 1
    parts.append("".join(literal))
    return parts


def _expand_template(template, m):
    out = []
    for part in template:
        if isinstance(part, int):
            out.append(m.group(part) or "")
        else:
            out.append(part)
    return "".join(out)


# ======================================================== module functions

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object"
    return _compile(pattern, flags | T)


_special_chars = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars).encode("latin1")
