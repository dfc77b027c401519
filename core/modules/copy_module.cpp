// copy_module.cpp — the `copy` module: generic (shallow and deep) copying operations.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kCopyModuleSource[];
const char kCopyModuleSource[] = R"py("""Generic (shallow and deep) copying operations.

copy(x) makes a new object of x's type holding the same items/attributes;
deepcopy(x) copies what those refer to as well, recursively, keeping a
`memo` dict from id(original) to copy so that shared and cyclic
references are copied once (a list that contains itself copies to a list
that contains itself).

As in CPython 3.11's Lib/copy.py, the order of attempts is:
  1. immutable atoms (numbers, str, None, functions, classes...) are
     returned as they are;
  2. the built-in containers are copied by a dedicated function;
  3. a class's own __copy__ / __deepcopy__(memo);
  4. the pickle protocol, __reduce_ex__(4) / __reduce__, whose answer is
     rebuilt by _reconstruct;
  5. (glasspy) for instances of ordinary classes, a new object made with
     cls.__new__(cls) and given a copy of the instance __dict__ and slots —
     what object.__reduce_ex__ would produce.
"""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility

_atomic = frozenset([type(None), int, float, bool, complex, str, bytes, tuple.__class__,
                     type, range, types.BuiltinFunctionType, type(Ellipsis),
                     type(NotImplemented), types.FunctionType, types.CodeType,
                     property])
_atomic |= {type(len), types.LambdaType}


def _object_reducer():
    return getattr(object, "__reduce_ex__", None), getattr(object, "__reduce__", None)


def _own_reductor(cls, x):
    # The pickle protocol, if the class (not object) provides it.
    base_ex, base = _object_reducer()
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not base_ex:
        return reductor(x, 4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None and reductor is not base:
        return reductor(x)
    return None


def _state_of(x):
    # An instance's state as object.__reduce_ex__ reports it: its __dict__,
    # or (dict, slots) when it also has __slots__ values.
    state = getattr(x, "__dict__", None)
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{klass.__name__.lstrip('_')}{name}"
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state or None, slots)
    return state or None


def _generic_reduce(x):
    cls = type(x)
    # A class's own __getstate__ decides its state (object.__reduce_ex__
    # asks it too); otherwise the default one.
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and getstate is not getattr(object, "__getstate__", None):
        state = x.__getstate__()
    else:
        state = _state_of(x)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_new_of, (cls,), state, listitems, dictitems)


def _new_of(cls):
    return cls.__new__(cls)


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _own_reductor(cls, x)
    if rv is None:
        rv = _generic_reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}
for t in _atomic:
    d[t] = lambda x: x
for t in (list, dict, set, bytearray):
    d[t] = t.copy
d[frozenset] = lambda x: x
d[tuple] = lambda x: x
del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _own_reductor(cls, x)
                if rv is None:
                    rv = _generic_reduce(x)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
    # If it is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)   # make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in _atomic:
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple that contains itself (through a list) was copied meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for item in x:
        y.add(deepcopy(item, memo))
    return y


d[set] = _deepcopy_set
d[frozenset] = lambda x, memo: frozenset(deepcopy(item, memo) for item in x)


def _deepcopy_method(x, memo):   # Copy instance methods
    return x.__func__.__get__(deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method
del d


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo, so that its id (a
    memo key) cannot be reused by another object during the copy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__") and getattr(type(y), "__setstate__", None) is not getattr(object, "__setstate__", None):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
)py";

}  // namespace gp
