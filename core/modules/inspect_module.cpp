// inspect_module.cpp — the `inspect` module: get useful information from live Python objects: kinds of objects.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kInspectModuleSource[];
const char kInspectModuleSource[] = R"py("""Get useful information from live Python objects: kinds of objects
(isfunction, isclass, isgenerator, ...), signatures, generator states,
members and docstrings.

A function's signature is read from its code object: co_varnames lists the
parameters in order (positional-only, then positional-or-keyword, then
keyword-only, then *args and **kwargs, flagged in co_flags), and
__defaults__ / __kwdefaults__ / __annotations__ supply the rest. str() of
the Signature renders it as a def line would, with / and * markers.

Frames: stack(), trace(), getframeinfo() and getouterframes() describe
frames and traceback entries with their file, line, function, source line
and the columns of the instruction being executed.

Source: getsource(), getsourcelines() and findsource() read an object's
file through linecache (which also knows the sources the interpreter ran
without a file) and cut out its block: a function or code object from the
def line found at or above co_firstlineno, a class from the line where the
ast module finds its qualified name, up to where the tokens say its
indented body ends.

A subset of CPython 3.11's Lib/inspect.py: no signatures for built-in
functions.
"""

import enum
import functools
import sys
import types
from collections import OrderedDict, namedtuple

__all__ = ["signature", "Signature", "Parameter", "BoundArguments", "getgeneratorstate", "currentframe", "stack", "trace", "getframeinfo", "getouterframes",
           "getinnerframes", "getlineno", "FrameInfo", "Traceback", "getgeneratorlocals", "isframe", "istraceback",
           "getmembers", "getdoc", "cleandoc", "unwrap", "getmro", "isclass", "isfunction",
           "ismethod", "ismodule", "isbuiltin", "isroutine", "isgenerator", "isgeneratorfunction",
           "iscoroutinefunction", "iscode", "isabstract", "getmodule", "getfullargspec",
           "GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED",
           "getfile", "getsourcefile", "getabsfile", "getmodulename", "findsource", "getsourcelines",
           "getsource", "getblock", "getcomments", "indentsize", "BlockFinder", "EndOfBlock",
           "ClassFoundException", "ismethodwrapper", "isgetsetdescriptor", "ismemberdescriptor",
           "getcoroutinelocals", "ClosureVars", "getclosurevars", "Arguments", "getargs", "ArgInfo",
           "getargvalues"]

# co_flags bits (Include/cpython/code.h)
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


# ------------------------------------------------------------ predicates

def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, types.MethodType)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, types.FunctionType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = functools._unwrap_partial(f) if hasattr(functools, "_unwrap_partial") else f
    while isinstance(f, functools.partial):
        f = f.func
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function."""
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    import collections.abc
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
                bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            isinstance(object, collections.abc.Awaitable))


def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object) or ismethoddescriptor(object))


def ismethoddescriptor(object):
    """Return true if the object is a method descriptor (has __get__ but not __set__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    """Return true if the object is a data descriptor (defines __set__ or __delete__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    return isinstance(object, type) and bool(getattr(object, "__abstractmethods__", False))


def istraceback(object):
    return isinstance(object, getattr(types, "TracebackType", ()))


def isframe(object):
    return isinstance(object, getattr(types, "FrameType", ()))


# ----------------------------------------------------------- frames and stacks

_Positions = namedtuple("Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"],
                        defaults=[None] * 4)


class Traceback(namedtuple("_Traceback", "filename lineno function code_context index")):
    """Where a frame is: file, line, function and the source lines around it."""

    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ("Traceback(filename={!r}, lineno={!r}, function={!r}, code_context={!r}, index={!r}, "
                "positions={!r})".format(self.filename, self.lineno, self.function, self.code_context,
                                         self.index, self.positions))


class FrameInfo(namedtuple("_FrameInfo", ("frame",) + Traceback._fields)):
    """A Traceback with the frame itself in front."""

    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ("FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, code_context={!r}, "
                "index={!r}, positions={!r})".format(self.frame, self.filename, self.lineno, self.function,
                                                     self.code_context, self.index, self.positions))


def getframeinfo(frame, context=1):
    """Information about a frame or traceback entry: a Traceback whose
    lineno and positions are those of the instruction being executed."""
    import _traceback
    import linecache
    if istraceback(frame):
        positions = _traceback.code_position(frame.tb_frame.f_code, frame.tb_lasti)
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
        positions = _traceback.code_position(frame.f_code, frame.f_lasti)
    if positions[0] is None:
        positions = (lineno,) + tuple(positions[1:])
    lineno = positions[0]
    if not isframe(frame):
        raise TypeError("{!r} is not a frame or traceback object".format(frame))
    filename = frame.f_code.co_filename
    lines = index = None
    if context > 0:
        source = linecache.getlines(filename)
        if source:
            start = lineno - 1 - context // 2
            start = max(0, min(start, len(source) - context))
            lines = source[start:start + context]
            index = lineno - 1 - start
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index, positions=_Positions(*positions))


def getlineno(frame):
    """Get the line number from a frame object."""
    return frame.f_lineno


def getouterframes(frame, context=1):
    """FrameInfo records for a frame and all the frames outside it, innermost first."""
    framelist = []
    while frame:
        info = getframeinfo(frame, context)
        framelist.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """FrameInfo records for a traceback's frames, from the one where it was
    caught to the one where it was raised."""
    framelist = []
    while tb:
        info = getframeinfo(tb, context)
        framelist.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return framelist


def stack(context=1):
    """FrameInfo records for the caller's stack, innermost first."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo records for the frames of the exception being handled."""
    return getinnerframes(sys.exc_info()[2], context)


def currentframe():
    """Return the frame of the caller or None if this is not possible."""
    return sys._getframe(1) if hasattr(sys, "_getframe") else None


def getgeneratorlocals(generator):
    """Get the mapping of generator local variables to their current values."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    else:
        return {}


# --------------------------------------------------------------- members

def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name."""
    results = []
    names = dir(object)
    for key in names:
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    """Return tuple of base classes (including cls) in method resolution order."""
    return cls.__mro__


def getmodule(object, _filename=None):
    """Return the module an object was defined in, or None if not found."""
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    return sys.modules.get(name) if name else None


def unwrap(func, *, stop=None):
    """Get the object wrapped by *func* (following the chain of __wrapped__ attributes)."""
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError(f"wrapper loop when unwrapping {func!r}")
        seen.add(id(f))
    return f


def cleandoc(doc):
    """Clean up indentation from docstrings.

    Any whitespace that can be uniformly removed from the second line
    onwards is removed."""
    lines = doc.expandtabs().split("\n")
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            margin = min(margin, len(line) - content)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(object):
    """Get the documentation string for an object, cleaned up by cleandoc."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None and isinstance(object, type):
        for base in object.__mro__[1:]:
            if base is object:
                break
            doc = base.__doc__
            if doc is not None:
                break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ------------------------------------------------------- generator states

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"


def getgeneratorstate(generator):
    """Get current state of a generator-iterator.

    Possible states are:
      GEN_CREATED: Waiting to start execution.
      GEN_RUNNING: Currently being executed by the interpreter.
      GEN_SUSPENDED: Currently suspended at a yield expression.
      GEN_CLOSED: Execution has completed.
    """
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


CORO_CREATED = "CORO_CREATED"
CORO_RUNNING = "CORO_RUNNING"
CORO_SUSPENDED = "CORO_SUSPENDED"
CORO_CLOSED = "CORO_CLOSED"


def getcoroutinestate(coroutine):
    """Get current state of a coroutine object.

    Possible states are:
      CORO_CREATED: Waiting to start execution.
      CORO_RUNNING: Currently being executed by the interpreter.
      CORO_SUSPENDED: Currently suspended at an await expression.
      CORO_CLOSED: Execution has completed.
    """
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


# ------------------------------------------------------------- signatures

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = "positional-only"
    POSITIONAL_OR_KEYWORD = "positional or keyword"
    VAR_POSITIONAL = "variadic positional"
    KEYWORD_ONLY = "keyword-only"
    VAR_KEYWORD = "variadic keyword"

    def __new__(cls, description):
        value = len(cls.__members__)
        member = int.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    def __str__(self):
        return self.name


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """Represents a parameter in a function signature: name, kind,
    default and annotation (Parameter.empty when absent)."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f"{self._kind.description} parameters cannot have default values")
        self._default = default
        self._annotation = annotation
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not a {type(name).__name__}")
        if not name.isidentifier():
            raise ValueError(f"{name!r} is not a valid parameter name")
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        """Creates a customized copy of the Parameter."""
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = f"{formatted}: {formatannotation(self._annotation)}"
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = f"{formatted} = {self._default!r}"
            else:
                formatted = f"{formatted}={self._default!r}"
        if kind == _VAR_POSITIONAL:
            formatted = "*" + formatted
        elif kind == _VAR_KEYWORD:
            formatted = "**" + formatted
        return formatted

    def __repr__(self):
        return f'<{self.__class__.__name__} "{self}">'

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    """Result of Signature.bind: the mapping of parameter names to arguments."""

    __slots__ = ("arguments", "_signature")

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[name]
            except KeyError:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started:
                continue
            try:
                arg = self.arguments[name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[name] = arg
        return kwargs

    def apply_defaults(self):
        """Set default values for missing arguments."""
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __repr__(self):
        args = [f"{arg}={value!r}" for arg, value in self.arguments.items()]
        return f"<{self.__class__.__name__} ({', '.join(args)})>"


class Signature:
    """The call signature of a callable: an ordered mapping of Parameters
    and a return annotation."""

    __slots__ = ("_return_annotation", "_parameters")

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = OrderedDict()
        if parameters is not None:
            top_kind = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                name = param.name
                if __validate_parameters__:
                    if kind < top_kind:
                        raise ValueError(f"wrong parameter order: {top_kind.description} parameter "
                                         f"before {kind.description} parameter")
                    top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError("non-default argument follows default argument")
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError(f"duplicate parameter name: {name!r}")
                params[name] = param
        self._parameters = types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """Creates a customized copy of the Signature."""
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        """Constructs Signature for the given callable object."""
        return _signature_from_callable(obj, follow_wrapped=follow_wrapped)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation and
                list(self.parameters.items()) == list(other.parameters.items()))

    def __hash__(self):
        return hash((tuple(self.parameters.values()), self.return_annotation))

    def bind(self, /, *args, **kwargs):
        """Get a BoundArguments object that maps the passed `args` and
        `kwargs` to the function's signature; TypeError if they do not fit."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        """Like bind, but missing required arguments are allowed."""
        return self._bind(args, kwargs, partial=True)

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        params = list(self.parameters.values())
        i = 0
        args = list(args)
        kwargs = dict(kwargs)
        while i < len(params):
            param = params[i]
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = tuple(args)
                args = []
                i += 1
                break
            if args:
                if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                    raise TypeError(f"multiple values for argument {param.name!r}")
                arguments[param.name] = args.pop(0)
            elif param.kind != _POSITIONAL_ONLY and param.name in kwargs:
                arguments[param.name] = kwargs.pop(param.name)
            elif param.default is _empty and not partial:
                raise TypeError(f"missing a required argument: {param.name!r}")
            i += 1
        if args:
            raise TypeError("too many positional arguments")
        kwargs_param = None
        for param in params[i:]:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name in kwargs:
                arguments[param.name] = kwargs.pop(param.name)
            elif param.default is _empty and not partial and param.kind == _KEYWORD_ONLY:
                raise TypeError(f"missing a required argument: {param.name!r}")
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(f"got an unexpected keyword argument {next(iter(kwargs))!r}")
        return BoundArguments(self, arguments)

    def __repr__(self):
        return f"<{self.__class__.__name__} {self}>"

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                # A / after the last positional-only parameter.
                result.append("/")
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                # *args makes the following parameters keyword-only already.
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append("*")
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append("/")
        rendered = f"({', '.join(result)})"
        if self.return_annotation is not _empty:
            rendered += f" -> {formatannotation(self.return_annotation)}"
        return rendered


def _signature_from_function(func):
    # The parameters from the code object, in co_varnames order.
    code = func.__code__
    pos_count = code.co_argcount
    posonly_count = code.co_posonlyargcount
    kwonly_count = code.co_kwonlyargcount
    names = code.co_varnames
    annotations = getattr(func, "__annotations__", None) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = pos_count - len(defaults)
    parameters = []
    for i, name in enumerate(names[:pos_count]):
        kind = _POSITIONAL_ONLY if i < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        parameters.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    index = pos_count
    if code.co_flags & CO_VARARGS:
        name = names[pos_count + kwonly_count]
        parameters.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for name in names[index:index + kwonly_count]:
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        slot = pos_count + kwonly_count + (1 if code.co_flags & CO_VARARGS else 0)
        name = names[slot]
        parameters.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(parameters, return_annotation=annotations.get("return", _empty),
                     __validate_parameters__=False)


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_from_callable(obj, *, follow_wrapped=True):
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if isinstance(obj, types.MethodType):
        return _drop_first(_signature_from_callable(obj.__func__, follow_wrapped=follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if isinstance(obj, types.MethodType):
            return _signature_from_callable(obj, follow_wrapped=follow_wrapped)
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(f"unexpected object {sig!r} in __signature__ attribute")
        return sig
    if isfunction(obj):
        return _signature_from_function(obj)
    if isinstance(obj, functools.partial):
        wrapped = _signature_from_callable(obj.func, follow_wrapped=follow_wrapped)
        params = list(wrapped.parameters.values())
        bound = wrapped.bind_partial(*obj.args, **obj.keywords)
        new_params = []
        consumed = len(obj.args)
        for param in params:
            if consumed and param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                consumed -= 1
                continue
            if param.name in obj.keywords:
                new_params.append(param.replace(default=obj.keywords[param.name], kind=_KEYWORD_ONLY
                                                if param.kind == _POSITIONAL_OR_KEYWORD else param.kind))
                continue
            new_params.append(param)
        del bound
        return wrapped.replace(parameters=new_params)
    if isinstance(obj, type):
        for name in ("__init__", "__new__"):
            for base in obj.__mro__:
                if name in base.__dict__:
                    method = base.__dict__[name]
                    if base is object:
                        break
                    if isinstance(method, staticmethod):
                        method = method.__func__
                    if isfunction(method):
                        return _drop_first(_signature_from_function(method))
                    break
        raise ValueError(f"no signature found for builtin type {obj!r}")
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        return _drop_first(_signature_from_function(call))
    text = getattr(obj, "__text_signature__", None)
    if isinstance(text, str) and text.startswith("("):
        return _signature_fromstr(text)
    raise ValueError(f"no signature found for {obj!r}")


def _split_params(text):
    # The comma-separated parts of "(a, b=(1, 2), /)", brackets respected.
    parts, depth, cur, quote = [], 0, "", None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def _signature_fromstr(text):
    # A built-in's __text_signature__, "($module, x, /, *, key=None)": the
    # leading $-parameter is the bound module or instance and is dropped.
    params = _split_params(text.strip()[1:-1])
    if params and params[0].startswith("$"):
        params = params[1:]
    if "/" in params:
        npos = params.index("/")
        params = params[:npos] + params[npos + 1:]
    else:
        npos = 0
    result = []
    kind = _POSITIONAL_OR_KEYWORD
    for i, p in enumerate(params):
        if p == "*":
            kind = _KEYWORD_ONLY
            continue
        default = _empty
        if p.startswith("**"):
            result.append(Parameter(p[2:], _VAR_KEYWORD))
            continue
        if p.startswith("*"):
            result.append(Parameter(p[1:], _VAR_POSITIONAL))
            kind = _KEYWORD_ONLY
            continue
        if "=" in p:
            p, value = (x.strip() for x in p.split("=", 1))
            try:
                default = eval(value, {"sys": sys})
            except Exception:
                default = value
        this_kind = _POSITIONAL_ONLY if i < npos else kind
        result.append(Parameter(p, this_kind, default=default))
    return Signature(result)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """Get a signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


class FullArgSpec(tuple):
    """FullArgSpec(args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations)"""
    __slots__ = ()
    _fields = ("args", "varargs", "varkw", "defaults", "kwonlyargs", "kwonlydefaults", "annotations")

    def __new__(cls, *values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        return "FullArgSpec(" + ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self)) + ")"

    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None


def getfullargspec(func):
    """Get the names and default values of a callable object's parameters."""
    sig = _signature_from_callable(func, follow_wrapped=False)
    args, varargs, varkw, kwonlyargs = [], None, None, []
    defaults, kwdefaults, annotations = (), {}, {}
    if sig.return_annotation is not _empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        name, kind = param.name, param.kind
        if param.annotation is not _empty:
            annotations[name] = param.annotation
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        else:
            varkw = name
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None, annotations)


# ------------------------------------------------------------ more predicates

def ismethodwrapper(object):
    """Return true if the object is a method wrapper."""
    return isinstance(object, types.MethodWrapperType)


def isgetsetdescriptor(object):
    """Return true if the object is a getset descriptor."""
    return isinstance(object, types.GetSetDescriptorType)


def ismemberdescriptor(object):
    """Return true if the object is a member descriptor."""
    return isinstance(object, types.MemberDescriptorType)


def getcoroutinelocals(coroutine):
    """Get the mapping of coroutine local variables to their current values."""
    frame = getattr(coroutine, "cr_frame", None)
    return frame.f_locals if frame is not None else {}


ClosureVars = namedtuple('ClosureVars', 'nonlocals globals builtins unbound')


def getclosurevars(func):
    """The free variables of func and the global and builtin names its body
    uses, with their current values; names found nowhere are `unbound`."""
    if ismethod(func):
        func = func.__func__
    if not isfunction(func):
        raise TypeError("{!r} is not a Python function".format(func))
    code = func.__code__
    cells = func.__closure__ or ()
    nonlocal_vars = {name: cell.cell_contents for name, cell in zip(code.co_freevars, cells)}
    global_ns = func.__globals__
    builtin_ns = global_ns.get("__builtins__", __builtins__)
    if ismodule(builtin_ns):
        builtin_ns = builtin_ns.__dict__
    global_vars, builtin_vars, unbound = {}, {}, set()
    for name in code.co_names:
        if name in ("None", "True", "False"):
            continue
        if name in global_ns:
            global_vars[name] = global_ns[name]
        elif name in builtin_ns:
            builtin_vars[name] = builtin_ns[name]
        else:
            unbound.add(name)
    return ClosureVars(nonlocal_vars, global_vars, builtin_vars, unbound)


Arguments = namedtuple('Arguments', 'args, varargs, varkw')
ArgInfo = namedtuple('ArgInfo', 'args varargs keywords locals')


def getargs(co):
    """The argument names of a code object: (args, varargs, varkw), the
    keyword-only ones at the end of args."""
    if not iscode(co):
        raise TypeError('{!r} is not a code object'.format(co))
    names = co.co_varnames
    n = co.co_argcount + co.co_kwonlyargcount
    args = list(names[:n])
    varargs = varkw = None
    if co.co_flags & CO_VARARGS:
        varargs = names[n]
        n += 1
    if co.co_flags & CO_VARKEYWORDS:
        varkw = names[n]
    return Arguments(args, varargs, varkw)


def getargvalues(frame):
    """The arguments of the call a frame runs, and its locals."""
    args, varargs, varkw = getargs(frame.f_code)
    return ArgInfo(args, varargs, varkw, frame.f_locals)


# ------------------------------------------------------------ source

def getfile(object):
    """The file an object was defined in (TypeError for built-ins)."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        if hasattr(object, '__module__'):
            module = sys.modules.get(object.__module__)
            if getattr(module, '__file__', None):
                return module.__file__
            if object.__module__ == '__main__':
                raise OSError('source code not available')
        raise TypeError('{!r} is a built-in class'.format(object))
    code = _code_of(object)
    if code is not None:
        return code.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(object).__name__))


def _code_of(object):
    # The code object behind a method, function, traceback or frame.
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    return object if iscode(object) else None


def getmodulename(path):
    """The module name a file path stands for, or None."""
    import os
    name = os.path.basename(path)
    for suffix in ('.cpython-311-x86_64-linux-gnu.so', '.abi3.so', '.so', '.py', '.pyc'):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return None


def getsourcefile(object):
    """The file that holds an object's source, or None if there is none."""
    import os, linecache
    filename = getfile(object)
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    elif filename.endswith('.so'):
        return None
    if os.path.exists(filename):
        return filename
    module = getmodule(object, filename)
    if getattr(module, '__loader__', None) is not None:
        return filename
    if getattr(getattr(module, "__spec__", None), "loader", None) is not None:
        return filename
    if filename in linecache.cache:
        return filename
    # Sources the interpreter ran without a file on disk (the browser).
    if not (filename.startswith('<') and filename.endswith('>')) and linecache.getlines(filename):
        return filename
    return None


def getabsfile(object, _filename=None):
    """The normalized absolute path of an object's source or compiled file."""
    import os
    if _filename is None:
        _filename = getsourcefile(object) or getfile(object)
    return os.path.normcase(os.path.abspath(_filename))


class ClassFoundException(Exception):
    pass


def _find_class_line(lines, qualname):
    # The 0-based line of the class whose qualified name is qualname (its
    # first decorator's line if it has any), found in the parsed source by
    # visiting the tree in field order, as CPython's _ClassFinder does.
    import ast

    def visit(node, path):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            path = path + [node.name, '<locals>']
        elif isinstance(node, ast.ClassDef):
            path = path + [node.name]
            if '.'.join(path) == qualname:
                first = node.decorator_list[0] if node.decorator_list else node
                return first.lineno - 1
        for child in ast.iter_child_nodes(node):
            found = visit(child, path)
            if found is not None:
                return found
        return None

    return visit(ast.parse(''.join(lines)), [])


def findsource(object):
    """All the lines of an object's file and the 0-based line where the
    object starts; OSError if the source cannot be found."""
    import linecache, re
    file = getsourcefile(object)
    if file:
        linecache.checkcache(file)
    else:
        file = getfile(object)
        if not (file.startswith('<') and file.endswith('>')):
            raise OSError('source code not available')
    module = getmodule(object, file)
    lines = linecache.getlines(file, module.__dict__) if module else linecache.getlines(file)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if isclass(object):
        lnum = _find_class_line(lines, object.__qualname__)
        if lnum is None:
            raise OSError('could not find class definition')
        return lines, lnum
    code = _code_of(object)
    if code is None:
        raise OSError('could not find code object')
    # Walk up from the first line to the def (or lambda, or decorator).
    lnum = code.co_firstlineno - 1
    start = re.compile(r'^(\s*def\s)|(\s*async\s+def\s)|(.*(?<!\w)lambda(:|\s))|^(\s*@)')
    while lnum > 0:
        if lnum >= len(lines):
            raise OSError('lineno is out of bounds')
        if start.match(lines[lnum]):
            break
        lnum -= 1
    return lines, lnum


class EndOfBlock(Exception):
    pass


class BlockFinder:
    """Feeds on tokens (tokeneater) and records in `last` the line where the
    def, class or lambda block that the tokens start ends."""

    def __init__(self):
        self.indent = 0          # INDENTs seen minus DEDENTs
        self.islambda = False    # a lambda ends at its first NEWLINE
        self.started = False     # the def/class/lambda keyword was seen
        self.passline = False    # skipping the rest of a logical line
        self.indecorator = False
        self.last = 1            # the block's last line so far
        self.body_col0 = None    # the body's indentation column

    def tokeneater(self, type, token, srowcol, erowcol, line):
        import tokenize
        if not self.started and not self.indecorator:
            if token == "@":
                self.indecorator = True
            elif token in ("def", "class", "lambda"):
                self.islambda = token == "lambda"
                self.started = True
            self.passline = True
        elif type == tokenize.NEWLINE:
            self.passline = False
            self.last = srowcol[0]
            if self.islambda:
                raise EndOfBlock
            if self.indecorator:   # a decorator without arguments ends here
                self.indecorator = False
        elif self.passline:
            pass
        elif type == tokenize.INDENT:
            if self.body_col0 is None and self.started:
                self.body_col0 = erowcol[1]
            self.indent += 1
            self.passline = True
        elif type == tokenize.DEDENT:
            self.indent -= 1
            if self.indent <= 0:   # back to the block's own level
                raise EndOfBlock
        elif type == tokenize.COMMENT:
            # A comment indented like the body belongs to the block.
            if self.body_col0 is not None and srowcol[1] >= self.body_col0:
                self.last = srowcol[0]
        elif self.indent == 0 and type not in (tokenize.COMMENT, tokenize.NL):
            raise EndOfBlock


def getblock(lines):
    """The lines of the block the given lines start with."""
    import tokenize
    finder = BlockFinder()
    try:
        for tok in tokenize.generate_tokens(iter(lines).__next__):
            finder.tokeneater(*tok)
    except (EndOfBlock, IndentationError):
        pass
    return lines[:finder.last]


def getsourcelines(object):
    """The source lines of an object and the 1-based line they start on
    (a module, or a module-level frame: all lines and 0)."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == "<module>"):
        return lines, 0
    return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """The source text of a module, class, method, function, traceback,
    frame or code object; OSError if it cannot be found."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def indentsize(line):
    """The indentation of a line, in spaces (tabs expanded)."""
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def getcomments(object):
    """The comment lines just above an object's source (for a module, the
    comment block that opens the file), or None."""
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        start = 1 if lines and lines[0][:2] == '#!' else 0
        while start < len(lines) and lines[start].strip() in ('', '#'):
            start += 1
        if start < len(lines) and lines[start][:1] == '#':
            end = start
            while end < len(lines) and lines[end][:1] == '#':
                end += 1
            return ''.join(line.expandtabs() for line in lines[start:end])
        return None
    if lnum <= 0:
        return None
    indent = indentsize(lines[lnum])
    end = lnum - 1
    if not (lines[end].lstrip()[:1] == '#' and indentsize(lines[end]) == indent):
        return None
    comments = [lines[end].expandtabs().lstrip()]
    end -= 1
    while end >= 0:
        comment = lines[end].expandtabs().lstrip()
        if comment[:1] != '#' or indentsize(lines[end]) != indent:
            break
        comments.insert(0, comment)
        end -= 1
    while comments and comments[0].strip() == '#':
        del comments[0]
    while comments and comments[-1].strip() == '#':
        del comments[-1]
    return ''.join(comments)
)py";

}  // namespace gp
