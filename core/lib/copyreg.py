"""Helpers for pickle and copy: a registry of reduction functions for
types (dispatch_table), the reconstructors that reduced objects name, the
slot names of a class, and the registry of extension codes.

The default pickling of objects (object.__reduce_ex__, __reduce__ and
__getstate__, which core/objects/typeobject_instances.cpp installs on
`object`) does its work in _reduce_object and _getstate_default below."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function as the reduction function of ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


try:
    pickle(type(int | str), pickle_union)
except TypeError:
    pass


def _reconstructor(cls, base, state):
    """Rebuild an object reduced by protocol 0 or 1: make it with base's
    __new__ (and __init__) from state."""
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(obj, state)
    return obj


_HEAPTYPE = 1 << 9
_new_type = type(int.__new__)


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    # The first base that is not a class statement's class (or that has
    # its own built-in __new__) is what the state is converted to.
    for base in cls.__mro__:
        if hasattr(base, '__flags__') and not base.__flags__ & _HEAPTYPE:
            break
        new = base.__new__
        if isinstance(new, _new_type) and new.__self__ is base:
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError(f"cannot pickle {cls.__name__!r} object: "
                            f"a class that defines __slots__ without "
                            f"defining __getstate__ cannot be pickled "
                            f"with protocol {proto}") from None
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        if (type(self).__getstate__ is getattr(object, '__getstate__', None) and
                getattr(self, "__slots__", None)):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        dict = getstate()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


def _reduce_object(obj, proto):
    """object.__reduce_ex__(proto) for a class that does not define its own
    __reduce__ (CPython's typeobject.c: _common_reduce and reduce_newobj)."""
    if proto < 2:
        return _reduce_ex(obj, proto)
    cls = type(obj)
    kwargs = None
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        newargs = getnewargs_ex()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'" % type(newargs).__name__)
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d" % len(newargs))
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            "must be a tuple, not '%s'" % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            "must be a dict, not '%s'" % type(kwargs).__name__)
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError("__getnewargs__ should return a tuple, not '%s'" % type(args).__name__)
        else:
            args = None
    hasargs = args is not None
    if not kwargs:
        func = __newobj__
        newargs = (cls,) + (args or ())
    else:
        func = __newobj_ex__
        newargs = (cls, args, kwargs)
    # The state must say everything the object holds unless arguments to
    # __new__ (or the list/dict items) carry it.
    required = not (hasargs or isinstance(obj, (list, dict)))
    getstate = getattr(cls, "__getstate__", None)
    if getstate is None or getstate is object.__getstate__:
        state = _getstate_default(obj, required)
    else:
        state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return func, newargs, state, listitems, dictitems


def _type_name(cls):
    # The name CPython's messages use (tp_name): dotted for a built-in type
    # of a module other than builtins, the bare name for a class statement's.
    if cls.__flags__ & _HEAPTYPE or cls.__module__ == "builtins":
        return cls.__name__
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _getstate_default(obj, required):
    """object.__getstate__(): the instance __dict__ (None when empty), and
    the slot values as (dict, slots) when there are any. With `required`,
    an object whose C fields would be lost is refused."""
    cls = type(obj)
    if required and cls.__itemsize__:
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    try:
        state = obj.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slotnames = _slotnames(cls)
    if required:
        basicsize = object.__basicsize__
        if cls.__dictoffset__:
            basicsize += 8
        if cls.__weakrefoffset__:
            basicsize += 8
        if slotnames:
            basicsize += 8 * len(slotnames)
        if cls.__basicsize__ > basicsize:
            raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def __newobj__(cls, *args):
    """What protocol 2's NEWOBJ opcode does."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """What protocol 4's NEWOBJ_EX opcode does."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of cls's slots (mangled for private names), from every
    class of its MRO; cached in cls.__slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    if name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        names.append('_%s%s' % (stripped, name) if stripped else name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except:
        pass
    return names


# Extension codes: small integers standing for (module, name) in pickles.
_extension_registry = {}                # key -> code
_inverted_registry = {}                 # code -> key
_extension_cache = {}                   # code -> object


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code. For testing only."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
