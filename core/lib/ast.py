"""Abstract syntax trees of Python source, as CPython 3.11's ast module has them.

glasspy's parser (core/parser, C++) builds the tree; _glasspy.ast_text hands
it over as ast.dump(tree, include_attributes=True) text, which parse()
evaluates against the node classes defined here. The classes come from the
grammar below (Python's ASDL for 3.11), so their _fields, _attributes and
docstrings are CPython's. compile() of a tree goes the other way: the tree's
nodes are read back by C++ (_glasspy.ast_compile, ast_from_object.cpp) and
compiled like parsed source, line numbers and all.
"""

import sys
from contextlib import contextmanager, nullcontext

import _glasspy

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

# ---------------------------------------------------------------- the grammar

_ASDL = """
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
    | Return(expr? value)
    | Delete(expr* targets)
    | Assign(expr* targets, expr value, string? type_comment)
    | AugAssign(expr target, operator op, expr value)
    | AnnAssign(expr target, expr annotation, expr? value, int simple)
    | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | While(expr test, stmt* body, stmt* orelse)
    | If(expr test, stmt* body, stmt* orelse)
    | With(withitem* items, stmt* body, string? type_comment)
    | AsyncWith(withitem* items, stmt* body, string? type_comment)
    | Match(expr subject, match_case* cases)
    | Raise(expr? exc, expr? cause)
    | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | Assert(expr test, expr? msg)
    | Import(alias* names)
    | ImportFrom(identifier? module, alias* names, int? level)
    | Global(identifier* names)
    | Nonlocal(identifier* names)
    | Expr(expr value)
    | Pass
    | Break
    | Continue
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
    | NamedExpr(expr target, expr value)
    | BinOp(expr left, operator op, expr right)
    | UnaryOp(unaryop op, expr operand)
    | Lambda(arguments args, expr body)
    | IfExp(expr test, expr body, expr orelse)
    | Dict(expr* keys, expr* values)
    | Set(expr* elts)
    | ListComp(expr elt, comprehension* generators)
    | SetComp(expr elt, comprehension* generators)
    | DictComp(expr key, expr value, comprehension* generators)
    | GeneratorExp(expr elt, comprehension* generators)
    | Await(expr value)
    | Yield(expr? value)
    | YieldFrom(expr value)
    | Compare(expr left, cmpop* ops, expr* comparators)
    | Call(expr func, expr* args, keyword* keywords)
    | FormattedValue(expr value, int conversion, expr? format_spec)
    | JoinedStr(expr* values)
    | Constant(constant value, string? kind)
    | Attribute(expr value, identifier attr, expr_context ctx)
    | Subscript(expr value, expr slice, expr_context ctx)
    | Starred(expr value, expr_context ctx)
    | Name(identifier id, expr_context ctx)
    | List(expr* elts, expr_context ctx)
    | Tuple(expr* elts, expr_context ctx)
    | Slice(expr? lower, expr? upper, expr? step)
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
    attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
    | MatchSingleton(constant value)
    | MatchSequence(pattern* patterns)
    | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
    | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
    | MatchStar(identifier? name)
    | MatchAs(pattern? pattern, identifier? name)
    | MatchOr(pattern* patterns)
    attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)
"""


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} constructor takes at most "
                            f"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__ or None


def _parse_field(text):
    kind, name = text.split()
    if kind.endswith('*'):
        return kind[:-1], name, '*'
    if kind.endswith('?'):
        return kind[:-1], name, '?'
    return kind, name, ''


def _parse_fields(text):
    text = text.strip()
    if not text:
        return []
    return [_parse_field(part) for part in text.split(',')]


def _signature(name, fields):
    if not fields:
        return name
    return f"{name}({', '.join(k + m + ' ' + n for k, n, m in fields)})"


def _define(name, base, fields, attributes, doc):
    namespace = {
        '_fields': tuple(n for _, n, _ in fields),
        '__match_args__': tuple(n for _, n, _ in fields),
        '__doc__': doc,
        '__module__': __name__,
    }
    if attributes is not None:
        namespace['_attributes'] = tuple(n for _, n, _ in attributes)
    # Optional fields and attributes read as None until set.
    for _, n, mark in fields + (attributes or []):
        if mark == '?':
            namespace[n] = None
    cls = type(name, (base,), namespace)
    globals()[name] = cls
    return cls


def _build_classes():
    for block in _ASDL.strip().split('\n\n'):
        lines = [line.strip() for line in block.strip().splitlines()]
        attributes = []
        if lines[-1].startswith('attributes'):
            attributes = _parse_fields(lines.pop()[len('attributes'):].strip()[1:-1])
        head, _, first = lines[0].partition(' = ')
        alternatives = [first] + [line[2:] for line in lines[1:]]
        if first.startswith('('):
            # A product type: one class with fields.
            fields = _parse_fields(first[1:-1])
            _define(head, AST, fields, attributes,
                    _signature(head, fields) if fields else head)
            continue
        # A sum type: an abstract base and one class per constructor. Simple
        # sums (every constructor without fields) read "Load | Store | Del".
        if len(alternatives) == 1 and ' | ' in first:
            alternatives = first.split(' | ')
        constructors = []
        for alt in alternatives:
            cname, _, rest = alt.partition('(')
            constructors.append((cname.strip(), _parse_fields(rest[:-1]) if rest else []))
        if all(not f for _, f in constructors):
            doc = f"{head} = " + ' | '.join(c for c, _ in constructors)
        else:
            sigs = [_signature(c, f) for c, f in constructors]
            doc = f"{head} = " + ('\n' + ' ' * (len(head) + 1) + '| ').join(sigs)
        base = _define(head, AST, [], attributes, doc)
        for cname, fields in constructors:
            _define(cname, base, fields, None, _signature(cname, fields))


_build_classes()
del _build_classes


# The deprecated names 3.11 still has: Num, Str, Bytes, NameConstant and
# Ellipsis are Constant under other names; Index and ExtSlice just hand back
# their contents; Suite, Param, AugLoad and AugStore are empty leftovers.

def _const_getter(self):
    return self.value


def _const_setter(self, value):
    self.value = value


Constant.n = property(_const_getter, _const_setter)
Constant.s = property(_const_getter, _const_setter)


class _ABC(type):

    def __init__(cls, *args):
        cls.__doc__ = """Deprecated AST node class. Use ast.Constant instead"""

    def __instancecheck__(cls, inst):
        if not isinstance(inst, Constant):
            return False
        if cls in _const_types:
            try:
                value = inst.value
            except AttributeError:
                return False
            return (isinstance(value, _const_types[cls])
                    and not isinstance(value, _const_types_not.get(cls, ())))
        return type.__instancecheck__(cls, inst)


def _new(cls, *args, **kwargs):
    # Num(5) and friends build a plain Constant, as in CPython 3.8+.
    if cls in _const_types:
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_ABC):
    _fields = ('n',)
    __new__ = _new


class Str(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _new


class Bytes(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _new


class NameConstant(Constant, metaclass=_ABC):
    __new__ = _new


class Ellipsis(Constant, metaclass=_ABC):
    _fields = ()

    def __new__(cls, *args, **kwargs):
        if cls is Ellipsis:
            return Constant(..., *args, **kwargs)
        return Constant.__new__(cls, *args, **kwargs)


_const_types = {
    Num: (int, float, complex),
    Str: (str,),
    Bytes: (bytes,),
    NameConstant: (type(None), bool),
    Ellipsis: (type(...),),
}
_const_types_not = {
    Num: (bool,),
}


class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class. Unused in Python 3.9+."""

    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Unused in Python 3.9+."""

    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


def _dims_getter(self):
    return self.elts


def _dims_setter(self, value):
    self.elts = value


Tuple.dims = property(_dims_getter, _dims_setter)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


# ---------------------------------------------------------------- parsing

# The names the tree text uses besides the node classes: float constants too
# large for a literal print as inf.
_TEXT_NAMES = None


def _text_names():
    global _TEXT_NAMES
    if _TEXT_NAMES is None:
        names = {name: value for name, value in globals().items()
                 if isinstance(value, type) and issubclass(value, AST)}
        names.update(inf=float('inf'), infj=complex(0.0, float('inf')),
                     Ellipsis=..., __builtins__={})
        _TEXT_NAMES = names
    return _TEXT_NAMES


def _tree_from_text(text):
    return eval(text, _text_names())


def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None):
    """Parse source text into a tree of AST nodes: compile(source, filename,
    mode, PyCF_ONLY_AST). type_comments=True keeps type comments."""
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    return compile(source, filename, mode, flags)


def _compile(source, filename, mode, flags):
    # compile()'s AST half (see builtins.cpp): source with PyCF_ONLY_AST
    # becomes a tree; a tree becomes a tree again or a code object.
    if isinstance(source, AST):
        expected = {'exec': Module, 'eval': Expression, 'single': Interactive,
                    'func_type': FunctionType}.get(mode)
        if expected is None:
            raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
        if not isinstance(source, expected):
            raise TypeError(f"expected {expected.__name__} node, got {type(source).__name__}")
        if flags & PyCF_ONLY_AST:
            return source
        return _glasspy.ast_compile(source, filename, mode)
    if not isinstance(source, str):
        raise TypeError("compile() arg 1 must be a string, bytes or AST object")
    if mode == 'func_type':
        raise ValueError("glasspy cannot parse func_type input yet")
    return _tree_from_text(_glasspy.ast_text(source, filename, mode))


def literal_eval(node_or_string):
    """Evaluate a node, or a string holding one expression, made only of
    literals: strings, bytes, numbers, tuples, lists, dicts, sets, booleans
    and None (plus the sum or difference of a real and an imaginary number).
    Anything else raises ValueError."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def malformed(node):
        msg = 'malformed node or string'
        if lno := getattr(node, 'lineno', None):
            msg += f' on line {lno}'
        raise ValueError(msg + f': {node!r}')

    def number(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            malformed(node)
        return node.value

    def signed(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = number(node.operand)
            return +operand if isinstance(node.op, UAdd) else -operand
        return number(node)

    def convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(map(convert, node.elts))
        if isinstance(node, List):
            return list(map(convert, node.elts))
        if isinstance(node, Set):
            return set(map(convert, node.elts))
        if (isinstance(node, Call) and isinstance(node.func, Name)
                and node.func.id == 'set' and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                malformed(node)
            return dict(zip(map(convert, node.keys), map(convert, node.values)))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed(node.left)
            right = number(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return signed(node)

    return convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """Return the tree under node as text, for reading and debugging.

    annotate_fields=False leaves out field names where the position says
    which field it is; include_attributes=True adds line numbers and column
    offsets; indent (a number of spaces or a string) spreads the text over
    indented lines instead of one."""
    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    # Each call returns (text, simple): simple means the text has no nested
    # node with arguments, so a parent may keep it on one line.
    def fmt(value, level):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(value, AST):
            cls = type(value)
            parts = []
            all_simple = True
            named = annotate_fields
            for name in value._fields:
                try:
                    item = getattr(value, name)
                except AttributeError:
                    named = True
                    continue
                if item is None and getattr(cls, name, ...) is None:
                    named = True
                    continue
                text, simple = fmt(item, level)
                all_simple = all_simple and simple
                parts.append(f'{name}={text}' if named else text)
            if include_attributes and value._attributes:
                for name in value._attributes:
                    try:
                        item = getattr(value, name)
                    except AttributeError:
                        continue
                    if item is None and getattr(cls, name, ...) is None:
                        continue
                    text, simple = fmt(item, level)
                    all_simple = all_simple and simple
                    parts.append(f'{name}={text}')
            if all_simple and len(parts) <= 3:
                return f"{cls.__name__}({', '.join(parts)})", not parts
            return f"{cls.__name__}({prefix}{sep.join(parts)})", False
        if isinstance(value, list):
            if not value:
                return '[]', True
            return '[' + prefix + sep.join(fmt(x, level)[0] for x in value) + ']', False
        return repr(value), True

    return fmt(node, 0)[0]


def copy_location(new_node, old_node):
    """Give new_node the position attributes (lineno, col_offset, end_lineno,
    end_col_offset) of old_node where both have them; return new_node."""
    for attr in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            # end_lineno and end_col_offset are optional: None is copied too.
            if value is not None or (hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Fill in missing position attributes throughout the tree under node,
    each from its parent (the root from line 1, column 0), so that a tree
    built by hand can be compiled; return node."""
    def fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if 'lineno' in node._attributes:
            if not hasattr(node, 'lineno'):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in node._attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in node._attributes:
            if not hasattr(node, 'col_offset'):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in node._attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col_offset, end_lineno, end_col_offset)

    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Shift the line numbers of every node under node (node included) by n;
    return node."""
    for child in walk(node):
        # TypeIgnore has a lineno field but no location attributes.
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes and (end := getattr(child, 'end_lineno', 0)) is not None:
            child.end_lineno = end + n
    return node


def iter_fields(node):
    """Yield (name, value) for each of node's fields that is set."""
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the nodes directly below node: fields holding a node, and the
    nodes in fields holding lists."""
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    """Return the docstring of a module, class or function node, or None.
    With clean=True (the default) it is tidied as inspect.cleandoc does.
    Other nodes raise TypeError."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _splitlines_no_ff(source):
    # Lines as the tokenizer sees them: only \r, \n and \r\n end a line
    # (str.splitlines would also split at form feeds and others).
    lines = []
    current = ''
    i = 0
    while i < len(source):
        c = source[i]
        current += c
        if c == '\r':
            if i + 1 < len(source) and source[i + 1] == '\n':
                current += '\n'
                i += 1
            lines.append(current)
            current = ''
        elif c == '\n':
            lines.append(current)
            current = ''
        i += 1
    if current:
        lines.append(current)
    return lines


def _pad_whitespace(source):
    # Blank out a line's text but keep its tabs and form feeds, so columns stay.
    return ''.join(c if c in '\f\t' else ' ' for c in source)


def get_source_segment(source, node, *, padded=False):
    """Return the part of source that node was parsed from, or None when the
    node lacks position attributes. With padded=True a segment spanning
    several lines keeps its first line's indentation as spaces."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None

    lines = _splitlines_no_ff(source)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()

    padding = _pad_whitespace(lines[lineno].encode()[:col_offset].decode()) if padded else ''
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    return ''.join([first] + lines[lineno + 1:end_lineno] + [last])


def walk(node):
    """Yield node and every node below it, breadth first."""
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor(object):
    """Walks a tree and calls visit_<ClassName>(node) for each node that has
    such a method, generic_visit(node) (which visits the children) for the
    others. Subclass it and add visit_ methods; visit() returns what the
    method returns. To change the tree while walking it, use NodeTransformer."""

    def visit(self, node):
        """Dispatch node to its visit_ method."""
        visitor = getattr(self, 'visit_' + node.__class__.__name__, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        """Visit each child of node (the default for nodes without a method)."""
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        value = node.value
        type_name = _const_node_type_names.get(type(value))
        if type_name is None:
            for cls, name in _const_node_type_names.items():
                if isinstance(value, cls):
                    type_name = name
                    break
        if type_name is not None:
            method = 'visit_' + type_name
            try:
                visitor = getattr(self, method)
            except AttributeError:
                pass
            else:
                import warnings
                warnings.warn(f"{method} is deprecated; add visit_Constant",
                              DeprecationWarning, 2)
                return visitor(node)
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit_ methods return the node to put in place of
    the one visited: the same node to keep it, a new node to replace it, None
    to remove it, or (inside a list field) a list of nodes to splice in."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node


_const_node_type_names = {
    bool: 'NameConstant',  # should be before int
    type(None): 'NameConstant',
    int: 'Num',
    float: 'Num',
    complex: 'Num',
    str: 'Str',
    bytes: 'Bytes',
    type(...): 'Ellipsis',
}


from _ast_unparse import unparse, _Precedence, _Unparser  # noqa: E402


def main():
    import argparse

    parser = argparse.ArgumentParser(prog='python -m ast')
    parser.add_argument('infile', type=argparse.FileType(mode='rb'), nargs='?',
                        default='-',
                        help='the file to parse; defaults to stdin')
    parser.add_argument('-m', '--mode', default='exec',
                        choices=('exec', 'single', 'eval', 'func_type'),
                        help='specify what kind of code must be parsed')
    parser.add_argument('--no-type-comments', default=True, action='store_false',
                        help="don't add information about type comments")
    parser.add_argument('-a', '--include-attributes', action='store_true',
                        help='include attributes such as line numbers and '
                             'column offsets')
    parser.add_argument('-i', '--indent', type=int, default=3,
                        help='indentation of nodes (number of spaces)')
    args = parser.parse_args()

    with args.infile as infile:
        source = infile.read()
    tree = parse(source, args.infile.name, args.mode, type_comments=args.no_type_comments)
    print(dump(tree, include_attributes=args.include_attributes, indent=args.indent))


if __name__ == '__main__':
    main()
