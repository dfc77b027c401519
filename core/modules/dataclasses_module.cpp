// dataclasses_module.cpp — the `dataclasses` module: data classes (PEP 557): @dataclass writes __init__, __repr__, __eq__ and,.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kDataclassesModuleSource[];
const char kDataclassesModuleSource[] = R"py("""Data classes (PEP 557): @dataclass writes __init__, __repr__, __eq__ and,
on request, ordering, hashing and immutability for a class from its
annotated fields.

What @dataclass does to a class, in order (as CPython 3.11's
Lib/dataclasses.py):
  1. collect fields: those of dataclass bases (in reverse MRO order), then
     each annotation in the class body, in order. `x: int = 5` gives a
     default, `x: list = field(default_factory=list)` a factory;
     ClassVar annotations are not fields, InitVar ones are __init__-only.
  2. add the methods. __init__ is compiled from generated source, so its
     signature names the fields and a missing argument is reported as
     "Item.__init__() missing 1 required positional argument: 'name'";
     the others are closures over the field list.
  3. frozen=True adds __setattr__/__delattr__ that raise
     FrozenInstanceError; __hash__ is added, left alone or set to None
     according to eq/frozen/unsafe_hash (the table in _hash_action).
"""

import copy
import keyword
import sys
import types

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """A pseudo-field passed to __init__ and __post_init__ only: InitVar[int]."""
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        type_name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f"dataclasses.InitVar[{type_name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass, as field() describes it and fields() returns it."""
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    def __set_name__(self, owner, name):
        # A field() whose default is a descriptor passes __set_name__ on.
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},repr={self.repr!r},eq={self.eq!r},order={self.order!r},"
                f"unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields.

    default is the default value of the field.  default_factory is a
    0-argument function called to initialize a field's value.  If init
    is true, the field will be a parameter to the class's __init__()
    function.  If repr is true, the field will be included in the
    object's repr().  If hash is true, the field will be included in the
    object's hash().  If compare is true, the field will be used in
    comparison functions.  metadata, if specified, must be a mapping
    which is stored but not otherwise examined by dataclass.  If kw_only
    is true, the field will become a keyword-only parameter to
    __init__().

    It is an error to specify both default and default_factory."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a):
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    classvar = getattr(typing, "ClassVar", None)
    return a is classvar or getattr(a, "__origin__", None) is classvar


def _is_initvar(a):
    return a is InitVar or type(a) is InitVar


def _string_kind(annotation):
    # For string annotations: "ClassVar[int]", "typing.ClassVar", "InitVar[int]".
    head = annotation.strip().split("[", 1)[0].strip()
    last = head.rsplit(".", 1)[-1]
    if last == "ClassVar":
        return _FIELD_CLASSVAR
    if last == "InitVar":
        return _FIELD_INITVAR
    return None


def _get_field(cls, a_name, a_type, default_kw_only):
    # The Field for annotation `a_name: a_type`; its default is whatever the
    # class body assigned to the name (a field() or a plain value).
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING   # a __slots__ entry, not a default
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if isinstance(a_type, str):
        kind = _string_kind(a_type)
        if kind is not None:
            f._field_type = kind
    elif _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {f.name} cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")
    # A mutable default would be shared by every instance: CPython rejects
    # unhashable defaults (list, dict, set) as a proxy for "mutable".
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {f.name} is not allowed: "
                         "use default_factory")
    return f


def _set_new_attribute(cls, name, value):
    # Never overwrites an attribute the class defines itself.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _set_qualname(cls, fn):
    if isinstance(fn, types.FunctionType):
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
    return fn


def _field_init_line(f, frozen, locals, self_name, slots):
    # The statement of __init__ that stores field f (or None).
    default_name = f"__dataclass_dflt_{f.name}__"
    if f.default_factory is not MISSING:
        if f.init:
            locals[default_name] = f.default_factory
            value = f"{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}"
        else:
            locals[default_name] = f.default_factory
            value = f"{default_name}()"
    elif f.init:
        if f.default is MISSING:
            value = f.name
        else:
            locals[default_name] = f.default
            value = f.name
    else:
        if slots and f.default is not MISSING:
            locals[default_name] = f.default
            value = default_name
        else:
            return None
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return f"__dataclass_builtins_object__.__setattr__({self_name},{f.name!r},{value})"
    return f"{self_name}.{f.name}={value}"


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ""
    elif f.default is not MISSING:
        default = f"=__dataclass_dflt_{f.name}__"
    else:
        default = "=__dataclass_HAS_DEFAULT_FACTORY__"
    return f"{f.name}:__dataclass_type_{f.name}__{default}"


def _make_init(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, globals, slots):
    # Checks the parameter order, then compiles __init__ from source.
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")

    locals = {f"__dataclass_type_{f.name}__": f.type for f in fields}
    locals.update({
        "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
    })
    body = []
    for f in fields:
        line = _field_init_line(f, frozen, locals, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        params = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f"{self_name}.{_POST_INIT_NAME}({params})")
    if not body:
        body = ["pass"]

    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    locals.update({f"__dataclass_dflt_{f.name}__": f.default
                   for f in fields if f.default is not MISSING})
    return _create_fn(cls, "__init__", params, body, locals, globals, return_type=None)


def _create_fn(cls, name, params, body, locals, globals, return_type=MISSING):
    # Compiles `def name(params): body` inside a factory whose parameters
    # are the locals the body refers to, and returns the function.
    local_names = ", ".join(locals)
    body_text = "\n".join(f"  {line}" for line in body)
    annotation = " -> __dataclass_return_type__" if return_type is not MISSING else ""
    if return_type is not MISSING:
        locals["__dataclass_return_type__"] = return_type
        local_names = ", ".join(locals)
    txt = f" def {name}({', '.join(params)}){annotation}:\n{body_text}"
    txt = f"def __create_fn__({local_names}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals, ns)
    fn = ns["__create_fn__"](**locals)
    return _set_qualname(cls, fn)


def _repr_fn(cls, fields):
    names = [f.name for f in fields]
    running = set()

    def __repr__(self):
        key = (id(self), _thread_id())
        if key in running:
            return "..."
        running.add(key)
        try:
            parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({parts})"

    return _set_qualname(cls, __repr__)


def _thread_id():
    thread = sys.modules.get("_thread") or sys.modules.get("threading")
    get_ident = getattr(thread, "get_ident", None)
    return get_ident() if get_ident else 0


def _tuple_of(self, names):
    return tuple(getattr(self, name) for name in names)


def _eq_fn(cls, fields):
    names = [f.name for f in fields]

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _tuple_of(self, names) == _tuple_of(other, names)
        return NotImplemented

    return _set_qualname(cls, __eq__)


def _order_fns(cls, fields):
    names = [f.name for f in fields]

    def make(name, compare):
        def method(self, other):
            if other.__class__ is self.__class__:
                return compare(_tuple_of(self, names), _tuple_of(other, names))
            return NotImplemented
        method.__name__ = name
        return _set_qualname(cls, method)

    return [
        ("__lt__", make("__lt__", lambda a, b: a < b)),
        ("__le__", make("__le__", lambda a, b: a <= b)),
        ("__gt__", make("__gt__", lambda a, b: a > b)),
        ("__ge__", make("__ge__", lambda a, b: a >= b)),
    ]


def _hash_fn(cls, fields):
    names = [f.name for f in fields]

    def __hash__(self):
        return hash(_tuple_of(self, names))

    return _set_qualname(cls, __hash__)


def _frozen_fns(cls, fields):
    names = {f.name for f in fields}

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return [("__setattr__", _set_qualname(cls, __setattr__)),
            ("__delattr__", _set_qualname(cls, __delattr__))]


def _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash, fields):
    """What happens to __hash__:

    unsafe_hash  eq     frozen | no explicit __hash__ | explicit __hash__
    False        False  any    | keep the base's      | keep
    False        True   False  | set to None          | keep
    False        True   True   | add                  | keep
    True         any    any    | add                  | TypeError
    """
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        return _hash_fn(cls, fields)
    if not eq:
        return MISSING
    if frozen:
        return MISSING if has_explicit_hash else _hash_fn(cls, fields)
    return MISSING if has_explicit_hash else None


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    fields = {}
    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
        globals = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # Fields of dataclass bases, the most basic first.
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    # The class's own fields, in annotation order; KW_ONLY marks the rest keyword-only.
    cls_annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    kw_only_now = kw_only
    kw_only_seen = False
    for name, type_ in cls_annotations.items():
        if type_ is KW_ONLY or (isinstance(type_, str) and type_.strip().rsplit(".", 1)[-1] == "KW_ONLY"):
            if kw_only_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            kw_only_seen = True
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, type_, kw_only_now))
    for f in cls_fields:
        fields[f.name] = f
        # The class attribute is the default value, or nothing.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__", _make_init(
            cls, all_init_fields, [f for f in std_init_fields if f.init],
            [f for f in kw_only_init_fields if f.init], frozen, has_post_init,
            "__dataclass_self__" if "self" in fields else "self", globals, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, "__repr__", _repr_fn(cls, [f for f in field_list if f.repr]))

    if eq:
        _set_new_attribute(cls, "__eq__", _eq_fn(cls, [f for f in field_list if f.compare]))

    if order:
        for name, fn in _order_fns(cls, [f for f in field_list if f.compare]):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                "Consider using functools.total_ordering")

    if frozen:
        for name, fn in _frozen_fns(cls, field_list):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")

    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    action = _hash_action(cls, unsafe_hash, eq, frozen, has_explicit_hash, hash_fields)
    if action is not MISSING:
        cls.__hash__ = action

    if not getattr(cls, "__doc__"):
        try:
            text = f"{cls.__name__}({', '.join(_signature_part(f) for f in all_init_fields if f.init)})"
        except Exception:
            text = ""
        cls.__doc__ = text.replace(" -> None", "")

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc = sys.modules.get("abc")
    if abc is not None and hasattr(cls, "__abstractmethods__"):
        abc.update_abstractmethods(cls)
    return cls


def _signature_part(f):
    t = f.type
    tname = t if isinstance(t, str) else getattr(t, "__name__", repr(t))
    part = f"{f.name}: {tname}"
    if f.default is not MISSING:
        part += f" = {f.default!r}"
    elif f.default_factory is not MISSING:
        part += " = <factory>"
    return part


def _add_slots(cls, is_frozen, weakref_slot):
    # A new class with __slots__ for the fields (a class's slots cannot be
    # added after it is created).
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get("__slots__", ())
        inherited.update((slots,) if isinstance(slots, str) else slots)
    cls_dict["__slots__"] = tuple(n for n in field_names + (("__weakref__",) if weakref_slot else ())
                                  if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if "__getstate__" not in cls_dict:
            cls.__getstate__ = lambda self: [getattr(self, f.name) for f in fields(self)]
        if "__setstate__" not in cls_dict:
            def __setstate__(self, state):
                for f, value in zip(fields(self), state):
                    object.__setattr__(self, f.name, value)
            cls.__setstate__ = __setstate__
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Examines PEP 526 __annotations__ to determine fields.

    If init is true, an __init__() method is added to the class. If repr
    is true, a __repr__() method is added. If order is true, rich
    comparison dunder methods are added. If unsafe_hash is true, a
    __hash__() method is added. If frozen is true, fields may not be
    assigned to after instance creation. If match_args is true, the
    __match_args__ tuple is added. If kw_only is true, then by default
    all fields are keyword-only. If slots is true, a new class with a
    __slots__ attribute is returned."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass.

    Accepts a dataclass or an instance of one. Tuple elements are of
    type Field."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values, recursing into dataclasses, dicts, lists
    and tuples (other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field
    values, recursing as asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False):
    """Return a new dynamically created dataclass.

    The dataclass name will be 'cls_name'.  'fields' is an iterable
    of either (name), (name, type) or (name, type, Field) objects."""
    namespace = {} if namespace is None else namespace.copy()
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns["__annotations__"] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values.

    This is especially useful for frozen classes.  Example usage:

      @dataclass(frozen=True)
      class C:
          x: int
          y: int

      c = C(1, 2)
      c1 = replace(c, x=3)
      assert c1.x == 3 and c1.y == 2
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
)py";

}  // namespace gp
