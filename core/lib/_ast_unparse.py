"""ast.unparse: source text back from a tree, in CPython 3.11's layout.

The text is what CPython's ast.unparse prints for the same tree: four-space
indentation, a blank line before each def and class, the fewest parentheses
the operator precedences allow, and string quotes chosen to need the fewest
escapes. Kept apart from ast.py only to keep that file readable.
"""

import sys
from contextlib import contextmanager, nullcontext
from enum import IntEnum

import ast as _ast

# repr(1e309) would be inf, which is not a literal; 1e309 reads back as inf.
_INFSTR = "1e" + repr(sys.float_info.max_10_exp + 1)

_SINGLE_QUOTES = ("'", '"')
_MULTI_QUOTES = ('"""', "'''")
_ALL_QUOTES = (*_SINGLE_QUOTES, *_MULTI_QUOTES)


class _Precedence(IntEnum):
    """How tightly each kind of expression binds, loosest first."""

    NAMED_EXPR = 1      # <target> := <expr1>
    TUPLE = 2           # <expr1>, <expr2>
    YIELD = 3           # 'yield', 'yield from'
    TEST = 4            # 'if'-'else', 'lambda'
    OR = 5              # 'or'
    AND = 6             # 'and'
    NOT = 7             # 'not'
    CMP = 8             # '<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not'
    EXPR = 9
    BOR = 9             # '|' (the same level as EXPR)
    BXOR = 10           # '^'
    BAND = 11           # '&'
    SHIFT = 12          # '<<', '>>'
    ARITH = 13          # '+', '-'
    TERM = 14           # '*', '@', '/', '%', '//'
    FACTOR = 15         # unary '+', '-', '~'
    POWER = 16          # '**'
    AWAIT = 17          # 'await'
    ATOM = 18

    def next(self):
        try:
            return self.__class__(self + 1)
        except ValueError:
            return self


_UNARY = {"Invert": "~", "Not": "not", "UAdd": "+", "USub": "-"}
_UNARY_PRECEDENCE = {
    "not": _Precedence.NOT, "~": _Precedence.FACTOR,
    "+": _Precedence.FACTOR, "-": _Precedence.FACTOR,
}
_BINARY = {
    "Add": "+", "Sub": "-", "Mult": "*", "MatMult": "@", "Div": "/", "Mod": "%",
    "LShift": "<<", "RShift": ">>", "BitOr": "|", "BitXor": "^", "BitAnd": "&",
    "FloorDiv": "//", "Pow": "**",
}
_BINARY_PRECEDENCE = {
    "+": _Precedence.ARITH, "-": _Precedence.ARITH,
    "*": _Precedence.TERM, "@": _Precedence.TERM, "/": _Precedence.TERM,
    "%": _Precedence.TERM, "//": _Precedence.TERM,
    "<<": _Precedence.SHIFT, ">>": _Precedence.SHIFT,
    "|": _Precedence.BOR, "^": _Precedence.BXOR, "&": _Precedence.BAND,
    "**": _Precedence.POWER,
}
_RIGHT_ASSOCIATIVE = frozenset(("**",))
_COMPARE = {
    "Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=",
    "Is": "is", "IsNot": "is not", "In": "in", "NotIn": "not in",
}
_BOOLEAN = {"And": ("and", _Precedence.AND), "Or": ("or", _Precedence.OR)}


class _Unparser(_ast.NodeVisitor):
    """Writes a tree out as source; visit(node) returns the text."""

    def __init__(self, *, _avoid_backslashes=False):
        self._source = []
        self._buffer = []
        self._precedences = {}
        self._type_ignores = {}
        self._indent = 0
        self._avoid_backslashes = _avoid_backslashes
        self._in_try_star = False

    # ------------------------------------------------------------ writing

    def write(self, *text):
        self._source.extend(text)

    def interleave(self, between, each, items):
        first = True
        for item in items:
            if not first:
                between()
            first = False
            each(item)

    def items_view(self, each, items):
        # One item gets a trailing comma: (x,), not (x).
        if len(items) == 1:
            each(items[0])
            self.write(",")
        else:
            self.interleave(lambda: self.write(", "), each, items)

    def maybe_newline(self):
        if self._source:
            self.write("\n")

    def fill(self, text=""):
        self.maybe_newline()
        self.write("    " * self._indent + text)

    def buffer_writer(self, text):
        self._buffer.append(text)

    @property
    def buffer(self):
        text = "".join(self._buffer)
        self._buffer.clear()
        return text

    @contextmanager
    def block(self, *, extra=None):
        self.write(":")
        if extra:
            self.write(extra)
        self._indent += 1
        yield
        self._indent -= 1

    @contextmanager
    def delimit(self, start, end):
        self.write(start)
        yield
        self.write(end)

    def delimit_if(self, start, end, condition):
        return self.delimit(start, end) if condition else nullcontext()

    def require_parens(self, precedence, node):
        return self.delimit_if("(", ")", self.get_precedence(node) > precedence)

    def get_precedence(self, node):
        return self._precedences.get(node, _Precedence.TEST)

    def set_precedence(self, precedence, *nodes):
        for node in nodes:
            self._precedences[node] = precedence

    def get_raw_docstring(self, node):
        if not isinstance(node, (_ast.AsyncFunctionDef, _ast.FunctionDef,
                                 _ast.ClassDef, _ast.Module)) or not node.body:
            return None
        first = node.body[0]
        if not isinstance(first, _ast.Expr):
            return None
        value = first.value
        if isinstance(value, _ast.Constant) and isinstance(value.value, str):
            return value
        return None

    def get_type_comment(self, node):
        comment = self._type_ignores.get(node.lineno) or node.type_comment
        if comment is not None:
            return f" # type: {comment}"
        return None

    def traverse(self, node):
        if isinstance(node, list):
            for item in node:
                self.traverse(item)
        else:
            super().visit(node)

    def visit(self, node):
        """The source text of node."""
        self._source = []
        self.traverse(node)
        return "".join(self._source)

    def _write_docstring_and_traverse_body(self, node):
        docstring = self.get_raw_docstring(node)
        if docstring:
            self._write_docstring(docstring)
            self.traverse(node.body[1:])
        else:
            self.traverse(node.body)

    # ------------------------------------------------------------ modules

    def visit_Module(self, node):
        self._type_ignores = {
            ignore.lineno: f"ignore{ignore.tag}" for ignore in node.type_ignores
        }
        self._write_docstring_and_traverse_body(node)
        self._type_ignores.clear()

    def visit_Expression(self, node):
        self.traverse(node.body)

    def visit_FunctionType(self, node):
        with self.delimit("(", ")"):
            self.interleave(lambda: self.write(", "), self.traverse, node.argtypes)
        self.write(" -> ")
        self.traverse(node.returns)

    # ------------------------------------------------------------ statements

    def visit_Expr(self, node):
        self.fill()
        self.set_precedence(_Precedence.YIELD, node.value)
        self.traverse(node.value)

    def visit_NamedExpr(self, node):
        with self.require_parens(_Precedence.NAMED_EXPR, node):
            self.set_precedence(_Precedence.ATOM, node.target, node.value)
            self.traverse(node.target)
            self.write(" := ")
            self.traverse(node.value)

    def visit_Import(self, node):
        self.fill("import ")
        self.interleave(lambda: self.write(", "), self.traverse, node.names)

    def visit_ImportFrom(self, node):
        self.fill("from ")
        self.write("." * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(" import ")
        self.interleave(lambda: self.write(", "), self.traverse, node.names)

    def visit_Assign(self, node):
        self.fill()
        for target in node.targets:
            self.set_precedence(_Precedence.TUPLE, target)
            self.traverse(target)
            self.write(" = ")
        self.traverse(node.value)
        if comment := self.get_type_comment(node):
            self.write(comment)

    def visit_AugAssign(self, node):
        self.fill()
        self.traverse(node.target)
        self.write(" " + _BINARY[node.op.__class__.__name__] + "= ")
        self.traverse(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        with self.delimit_if("(", ")", not node.simple and isinstance(node.target, _ast.Name)):
            self.traverse(node.target)
        self.write(": ")
        self.traverse(node.annotation)
        if node.value:
            self.write(" = ")
            self.traverse(node.value)

    def visit_Return(self, node):
        self.fill("return")
        if node.value:
            self.write(" ")
            self.traverse(node.value)

    def visit_Pass(self, node):
        self.fill("pass")

    def visit_Break(self, node):
        self.fill("break")

    def visit_Continue(self, node):
        self.fill("continue")

    def visit_Delete(self, node):
        self.fill("del ")
        self.interleave(lambda: self.write(", "), self.traverse, node.targets)

    def visit_Assert(self, node):
        self.fill("assert ")
        self.traverse(node.test)
        if node.msg:
            self.write(", ")
            self.traverse(node.msg)

    def visit_Global(self, node):
        self.fill("global ")
        self.interleave(lambda: self.write(", "), self.write, node.names)

    def visit_Nonlocal(self, node):
        self.fill("nonlocal ")
        self.interleave(lambda: self.write(", "), self.write, node.names)

    def visit_Await(self, node):
        with self.require_parens(_Precedence.AWAIT, node):
            self.write("await")
            if node.value:
                self.write(" ")
                self.set_precedence(_Precedence.ATOM, node.value)
                self.traverse(node.value)

    def visit_Yield(self, node):
        with self.require_parens(_Precedence.YIELD, node):
            self.write("yield")
            if node.value:
                self.write(" ")
                self.set_precedence(_Precedence.ATOM, node.value)
                self.traverse(node.value)

    def visit_YieldFrom(self, node):
        with self.require_parens(_Precedence.YIELD, node):
            self.write("yield from ")
            if not node.value:
                raise ValueError("Node can't be used without a value attribute.")
            self.set_precedence(_Precedence.ATOM, node.value)
            self.traverse(node.value)

    def visit_Raise(self, node):
        self.fill("raise")
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(" ")
        self.traverse(node.exc)
        if node.cause:
            self.write(" from ")
            self.traverse(node.cause)

    def _try(self, node, star):
        outer = self._in_try_star
        self._in_try_star = star
        try:
            self.fill("try")
            with self.block():
                self.traverse(node.body)
            for handler in node.handlers:
                self.traverse(handler)
            if node.orelse:
                self.fill("else")
                with self.block():
                    self.traverse(node.orelse)
            if node.finalbody:
                self.fill("finally")
                with self.block():
                    self.traverse(node.finalbody)
        finally:
            self._in_try_star = outer

    def visit_Try(self, node):
        self._try(node, False)

    def visit_TryStar(self, node):
        self._try(node, True)

    def visit_ExceptHandler(self, node):
        self.fill("except*" if self._in_try_star else "except")
        if node.type:
            self.write(" ")
            self.traverse(node.type)
        if node.name:
            self.write(" as ")
            self.write(node.name)
        with self.block():
            self.traverse(node.body)

    def visit_ClassDef(self, node):
        self.maybe_newline()
        for decorator in node.decorator_list:
            self.fill("@")
            self.traverse(decorator)
        self.fill("class " + node.name)
        with self.delimit_if("(", ")", node.bases or node.keywords):
            self.interleave(lambda: self.write(", "), self.traverse, node.bases + node.keywords)
        with self.block():
            self._write_docstring_and_traverse_body(node)

    def _function(self, node, keyword):
        self.maybe_newline()
        for decorator in node.decorator_list:
            self.fill("@")
            self.traverse(decorator)
        self.fill(keyword + " " + node.name)
        with self.delimit("(", ")"):
            self.traverse(node.args)
        if node.returns:
            self.write(" -> ")
            self.traverse(node.returns)
        with self.block(extra=self.get_type_comment(node)):
            self._write_docstring_and_traverse_body(node)

    def visit_FunctionDef(self, node):
        self._function(node, "def")

    def visit_AsyncFunctionDef(self, node):
        self._function(node, "async def")

    def _for(self, keyword, node):
        self.fill(keyword)
        self.set_precedence(_Precedence.TUPLE, node.target)
        self.traverse(node.target)
        self.write(" in ")
        self.traverse(node.iter)
        with self.block(extra=self.get_type_comment(node)):
            self.traverse(node.body)
        if node.orelse:
            self.fill("else")
            with self.block():
                self.traverse(node.orelse)

    def visit_For(self, node):
        self._for("for ", node)

    def visit_AsyncFor(self, node):
        self._for("async for ", node)

    def visit_If(self, node):
        self.fill("if ")
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        # An else holding nothing but another if reads back as elif.
        while node.orelse and len(node.orelse) == 1 and isinstance(node.orelse[0], _ast.If):
            node = node.orelse[0]
            self.fill("elif ")
            self.traverse(node.test)
            with self.block():
                self.traverse(node.body)
        if node.orelse:
            self.fill("else")
            with self.block():
                self.traverse(node.orelse)

    def visit_While(self, node):
        self.fill("while ")
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        if node.orelse:
            self.fill("else")
            with self.block():
                self.traverse(node.orelse)

    def _with(self, keyword, node):
        self.fill(keyword)
        self.interleave(lambda: self.write(", "), self.traverse, node.items)
        with self.block(extra=self.get_type_comment(node)):
            self.traverse(node.body)

    def visit_With(self, node):
        self._with("with ", node)

    def visit_AsyncWith(self, node):
        self._with("async with ", node)

    def visit_Match(self, node):
        self.fill("match ")
        self.traverse(node.subject)
        with self.block():
            for case in node.cases:
                self.traverse(case)

    # ------------------------------------------------------------ strings

    def _str_literal_helper(self, string, *, quote_types=_ALL_QUOTES, escape_special_whitespace=False):
        # Returns (the literal's inside, the quotes that can enclose it),
        # escaping as little as possible.
        def escape(c):
            if not escape_special_whitespace and c in "\n\t":
                return c
            if c == "\\" or not c.isprintable():
                return c.encode("unicode_escape").decode("ascii")
            return c

        escaped = "".join(map(escape, string))
        quotes = quote_types
        if "\n" in escaped:
            quotes = [q for q in quotes if q in _MULTI_QUOTES]
        quotes = [q for q in quotes if q not in escaped]
        if not quotes:
            # No quote fits: let repr escape, keeping a preferred quote kind
            # (triple quotes for docstrings) when repr's quote is among them.
            text = repr(string)
            quote = next((q for q in quote_types if text[0] in q), text[0])
            return text[1:-1], [quote]
        if escaped:
            # Prefer a quote that differs from the last character; if even
            # that one matches, the (triple) quote needs the last one escaped.
            quotes.sort(key=lambda q: q[0] == escaped[-1])
            if quotes[0][0] == escaped[-1]:
                escaped = escaped[:-1] + "\\" + escaped[-1]
        return escaped, quotes

    def _write_str_avoiding_backslashes(self, string, *, quote_types=_ALL_QUOTES):
        string, quote_types = self._str_literal_helper(string, quote_types=quote_types)
        quote = quote_types[0]
        self.write(f"{quote}{string}{quote}")

    def _write_docstring(self, node):
        self.fill()
        if node.kind == "u":
            self.write("u")
        self._write_str_avoiding_backslashes(node.value, quote_types=_MULTI_QUOTES)

    def visit_JoinedStr(self, node):
        self.write("f")
        if self._avoid_backslashes:
            self._fstring_JoinedStr(node, self.buffer_writer)
            self._write_str_avoiding_backslashes(self.buffer)
            return
        # Escaped whitespace reads better outside the {} parts, so each piece
        # is escaped on its own, narrowing the quotes all of them allow.
        pieces = []
        for value in node.values:
            getattr(self, "_fstring_" + type(value).__name__)(value, self.buffer_writer)
            pieces.append((self.buffer, isinstance(value, _ast.Constant)))
        parts = []
        quotes = _ALL_QUOTES
        for text, is_constant in pieces:
            text, quotes = self._str_literal_helper(
                text, quote_types=quotes, escape_special_whitespace=is_constant)
            parts.append(text)
        quote = quotes[0]
        self.write(f"{quote}{''.join(parts)}{quote}")

    def visit_FormattedValue(self, node):
        self.write("f")
        self._fstring_FormattedValue(node, self.buffer_writer)
        self._write_str_avoiding_backslashes(self.buffer)

    def _fstring_JoinedStr(self, node, write):
        for value in node.values:
            getattr(self, "_fstring_" + type(value).__name__)(value, write)

    def _fstring_Constant(self, node, write):
        if not isinstance(node.value, str):
            raise ValueError("Constants inside JoinedStr should be a string.")
        write(node.value.replace("{", "{{").replace("}", "}}"))

    def _fstring_FormattedValue(self, node, write):
        write("{")
        inner = type(self)(_avoid_backslashes=True)
        inner.set_precedence(_Precedence.TEST.next(), node.value)
        text = inner.visit(node.value)
        if text.startswith("{"):
            write(" ")   # "{ {" so the braces are not read as an escape
        if "\\" in text:
            raise ValueError("Unable to avoid backslash in f-string expression part")
        write(text)
        if node.conversion != -1:
            conversion = chr(node.conversion)
            if conversion not in "sra":
                raise ValueError("Unknown f-string conversion.")
            write(f"!{conversion}")
        if node.format_spec:
            write(":")
            getattr(self, "_fstring_" + type(node.format_spec).__name__)(node.format_spec, write)
        write("}")

    # ------------------------------------------------------------ expressions

    def visit_Name(self, node):
        self.write(node.id)

    def _write_constant(self, value):
        if isinstance(value, (float, complex)):
            # inf and nan have no literal: 1e309 and (1e309-1e309) read back as them.
            self.write(repr(value).replace("inf", _INFSTR).replace("nan", f"({_INFSTR}-{_INFSTR})"))
        elif self._avoid_backslashes and isinstance(value, str):
            self._write_str_avoiding_backslashes(value)
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            with self.delimit("(", ")"):
                self.items_view(self._write_constant, value)
        elif value is ...:
            self.write("...")
        else:
            if node.kind == "u":
                self.write("u")
            self._write_constant(node.value)

    def visit_List(self, node):
        with self.delimit("[", "]"):
            self.interleave(lambda: self.write(", "), self.traverse, node.elts)

    def _comprehension(self, open_, close, node, *heads):
        with self.delimit(open_, close):
            for i, head in enumerate(heads):
                if i:
                    self.write(": ")
                self.traverse(head)
            for generator in node.generators:
                self.traverse(generator)

    def visit_ListComp(self, node):
        self._comprehension("[", "]", node, node.elt)

    def visit_GeneratorExp(self, node):
        self._comprehension("(", ")", node, node.elt)

    def visit_SetComp(self, node):
        self._comprehension("{", "}", node, node.elt)

    def visit_DictComp(self, node):
        self._comprehension("{", "}", node, node.key, node.value)

    def visit_comprehension(self, node):
        self.write(" async for " if node.is_async else " for ")
        self.set_precedence(_Precedence.TUPLE, node.target)
        self.traverse(node.target)
        self.write(" in ")
        self.set_precedence(_Precedence.TEST.next(), node.iter, *node.ifs)
        self.traverse(node.iter)
        for condition in node.ifs:
            self.write(" if ")
            self.traverse(condition)

    def visit_IfExp(self, node):
        with self.require_parens(_Precedence.TEST, node):
            self.set_precedence(_Precedence.TEST.next(), node.body, node.test)
            self.traverse(node.body)
            self.write(" if ")
            self.traverse(node.test)
            self.write(" else ")
            self.set_precedence(_Precedence.TEST, node.orelse)
            self.traverse(node.orelse)

    def visit_Set(self, node):
        if node.elts:
            with self.delimit("{", "}"):
                self.interleave(lambda: self.write(", "), self.traverse, node.elts)
        else:
            # {} would be a dict; this is the shortest empty-set display.
            self.write('{*()}')

    def visit_Dict(self, node):
        def item(pair):
            key, value = pair
            if key is None:
                self.write("**")
                self.set_precedence(_Precedence.EXPR, value)
                self.traverse(value)
            else:
                self.traverse(key)
                self.write(": ")
                self.traverse(value)

        with self.delimit("{", "}"):
            self.interleave(lambda: self.write(", "), item, zip(node.keys, node.values))

    def visit_Tuple(self, node):
        with self.delimit_if("(", ")", len(node.elts) == 0 or self.get_precedence(node) > _Precedence.TUPLE):
            self.items_view(self.traverse, node.elts)

    def visit_UnaryOp(self, node):
        op = _UNARY[node.op.__class__.__name__]
        precedence = _UNARY_PRECEDENCE[op]
        with self.require_parens(precedence, node):
            self.write(op)
            # +x, -x, ~x stay together; "not" needs its space.
            if precedence is not _Precedence.FACTOR:
                self.write(" ")
            self.set_precedence(precedence, node.operand)
            self.traverse(node.operand)

    def visit_BinOp(self, node):
        op = _BINARY[node.op.__class__.__name__]
        precedence = _BINARY_PRECEDENCE[op]
        with self.require_parens(precedence, node):
            if op in _RIGHT_ASSOCIATIVE:
                left, right = precedence.next(), precedence
            else:
                left, right = precedence, precedence.next()
            self.set_precedence(left, node.left)
            self.traverse(node.left)
            self.write(f" {op} ")
            self.set_precedence(right, node.right)
            self.traverse(node.right)

    def visit_Compare(self, node):
        with self.require_parens(_Precedence.CMP, node):
            self.set_precedence(_Precedence.CMP.next(), node.left, *node.comparators)
            self.traverse(node.left)
            for op, right in zip(node.ops, node.comparators):
                self.write(" " + _COMPARE[op.__class__.__name__] + " ")
                self.traverse(right)

    def visit_BoolOp(self, node):
        word, precedence = _BOOLEAN[node.op.__class__.__name__]
        level = precedence

        def operand(value):
            # Each operand binds one step tighter than the one before it.
            nonlocal level
            level = level.next()
            self.set_precedence(level, value)
            self.traverse(value)

        with self.require_parens(precedence, node):
            self.interleave(lambda: self.write(f" {word} "), operand, node.values)

    def visit_Attribute(self, node):
        self.set_precedence(_Precedence.ATOM, node.value)
        self.traverse(node.value)
        # 3.real would lex as a float; 3 .real does not.
        if isinstance(node.value, _ast.Constant) and isinstance(node.value.value, int):
            self.write(" ")
        self.write(".")
        self.write(node.attr)

    def visit_Call(self, node):
        self.set_precedence(_Precedence.ATOM, node.func)
        self.traverse(node.func)
        with self.delimit("(", ")"):
            self.interleave(lambda: self.write(", "), self.traverse, node.args + node.keywords)

    def visit_Subscript(self, node):
        self.set_precedence(_Precedence.ATOM, node.value)
        self.traverse(node.value)
        with self.delimit("[", "]"):
            if isinstance(node.slice, _ast.Tuple) and node.slice.elts:
                self.items_view(self.traverse, node.slice.elts)
            else:
                self.traverse(node.slice)

    def visit_Starred(self, node):
        self.write("*")
        self.set_precedence(_Precedence.EXPR, node.value)
        self.traverse(node.value)

    def visit_Ellipsis(self, node):
        self.write("...")

    def visit_Slice(self, node):
        if node.lower:
            self.traverse(node.lower)
        self.write(":")
        if node.upper:
            self.traverse(node.upper)
        if node.step:
            self.write(":")
            self.traverse(node.step)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(": ")
            self.traverse(node.annotation)

    def visit_arguments(self, node):
        first = True

        def comma():
            nonlocal first
            if first:
                first = False
            else:
                self.write(", ")

        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults)) + node.defaults
        for index, (argument, default) in enumerate(zip(positional, defaults), 1):
            comma()
            self.traverse(argument)
            if default:
                self.write("=")
                self.traverse(default)
            if index == len(node.posonlyargs):
                self.write(", /")
        if node.vararg or node.kwonlyargs:
            comma()
            self.write("*")
            if node.vararg:
                self.write(node.vararg.arg)
                if node.vararg.annotation:
                    self.write(": ")
                    self.traverse(node.vararg.annotation)
        for argument, default in zip(node.kwonlyargs, node.kw_defaults):
            self.write(", ")
            self.traverse(argument)
            if default:
                self.write("=")
                self.traverse(default)
        if node.kwarg:
            comma()
            self.write("**" + node.kwarg.arg)
            if node.kwarg.annotation:
                self.write(": ")
                self.traverse(node.kwarg.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write("**")
        else:
            self.write(node.arg)
            self.write("=")
        self.traverse(node.value)

    def visit_Lambda(self, node):
        with self.require_parens(_Precedence.TEST, node):
            self.write("lambda")
            # The parameters go to a side buffer first: no space after
            # "lambda" when there are none.
            outer, self._source = self._source, []
            self.traverse(node.args)
            params, self._source = self._source, outer
            if params:
                self.write(" ", *params)
            self.write(": ")
            self.set_precedence(_Precedence.TEST, node.body)
            self.traverse(node.body)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(" as " + node.asname)

    def visit_withitem(self, node):
        self.traverse(node.context_expr)
        if node.optional_vars:
            self.write(" as ")
            self.traverse(node.optional_vars)

    # ------------------------------------------------------------ patterns

    def visit_match_case(self, node):
        self.fill("case ")
        self.traverse(node.pattern)
        if node.guard:
            self.write(" if ")
            self.traverse(node.guard)
        with self.block():
            self.traverse(node.body)

    def visit_MatchValue(self, node):
        self.traverse(node.value)

    def visit_MatchSingleton(self, node):
        self._write_constant(node.value)

    def visit_MatchSequence(self, node):
        with self.delimit("[", "]"):
            self.interleave(lambda: self.write(", "), self.traverse, node.patterns)

    def visit_MatchStar(self, node):
        self.write(f"*{'_' if node.name is None else node.name}")

    def visit_MatchMapping(self, node):
        def pair(item):
            key, pattern = item
            self.traverse(key)
            self.write(": ")
            self.traverse(pattern)

        with self.delimit("{", "}"):
            self.interleave(lambda: self.write(", "), pair, zip(node.keys, node.patterns, strict=True))
            if node.rest is not None:
                if node.keys:
                    self.write(", ")
                self.write(f"**{node.rest}")

    def visit_MatchClass(self, node):
        self.set_precedence(_Precedence.ATOM, node.cls)
        self.traverse(node.cls)

        def keyword(item):
            name, pattern = item
            self.write(f"{name}=")
            self.traverse(pattern)

        with self.delimit("(", ")"):
            self.interleave(lambda: self.write(", "), self.traverse, node.patterns)
            if node.kwd_attrs:
                if node.patterns:
                    self.write(", ")
                self.interleave(lambda: self.write(", "), keyword,
                                zip(node.kwd_attrs, node.kwd_patterns, strict=True))

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write("_")
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.require_parens(_Precedence.TEST, node):
                self.set_precedence(_Precedence.BOR, node.pattern)
                self.traverse(node.pattern)
                self.write(f" as {node.name}")

    def visit_MatchOr(self, node):
        with self.require_parens(_Precedence.BOR, node):
            self.set_precedence(_Precedence.BOR.next(), *node.patterns)
            self.interleave(lambda: self.write(" | "), self.traverse, node.patterns)


def unparse(ast_obj):
    """Return source text that parses back to a tree equal to ast_obj."""
    return _Unparser().visit(ast_obj)
