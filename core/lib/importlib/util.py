"""Utility code for the import machinery (CPython 3.11's importlib.util)."""

import sys
import types
from importlib._bootstrap import module_from_spec, spec_from_loader, _resolve_name, _find_spec, _spec_of
from importlib._bootstrap_external import (MAGIC_NUMBER, cache_from_source, decode_source, source_from_cache,
                                           spec_from_file_location)
from importlib.abc import Loader


def source_hash(source_bytes):
    "Return the hash of *source_bytes* as used in hash-based pyc files."
    import hashlib
    return hashlib.sha256(bytes(source_bytes)).digest()[:8]


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith("."):
        return name
    elif not package:
        raise ImportError(f"no package specified for {repr(name)} (required for relative module names)")
    level = 0
    for character in name:
        if character != ".":
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def find_spec(name, package=None):
    """Return the spec for the specified module, or None if it cannot be
    found; a dotted name imports its parent packages first."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition(".")[0]
        if parent_name:
            parent = __import__(parent_name, fromlist=["__path__"])
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(f"__path__ attribute not found on {parent_name!r} "
                                          f"while trying to find {fullname!r}", name=fullname) from e
        else:
            parent_path = None
        return _find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    spec = _spec_of(module)
    if spec is None:
        raise ValueError("{}.__spec__ is None".format(name))
    return spec


class _LazyModule(types.ModuleType):
    """A subclass of the module type which triggers loading upon attribute access."""

    def __getattribute__(self, attr):
        object.__setattr__(self, "__class__", types.ModuleType)
        spec = object.__getattribute__(self, "__spec__")
        spec.loader.exec_module(self)
        return getattr(self, attr)

    def __delattr__(self, attr):
        self.__getattribute__("__name__")
        delattr(self, attr)


class LazyLoader(Loader):
    """A loader that creates a module which defers loading until attribute access."""

    def __init__(self, loader):
        if not hasattr(loader, "exec_module"):
            raise TypeError("loader must define exec_module()")
        self.loader = loader

    @classmethod
    def factory(cls, loader):
        return lambda *args, **kwargs: cls(loader(*args, **kwargs))

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        module.__class__ = _LazyModule
