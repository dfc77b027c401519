"""A pure Python implementation of import (CPython 3.11's importlib),
over glasspy's import system: import_module, reload, invalidate_caches,
and the util/machinery/abc submodules."""

__all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

import sys
import types
from importlib import _bootstrap
from importlib import _bootstrap_external

_bootstrap_external._bootstrap = _bootstrap
__import__ = __builtins__["__import__"] if isinstance(__builtins__, dict) else __builtins__.__import__


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored
    in sys.meta_path (where implemented)."""
    for finder in list(getattr(sys, "meta_path", [])) + _bootstrap._meta_path():
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


def import_module(name, package=None):
    """Import a module; a relative name ('.mod') needs the package it is
    relative to."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for {!r}"
                            .format(name))
        for character in name:
            if character != ".":
                break
            level += 1
    return _bootstrap._gcd_import(name[level:], package, level)


_RELOADING = {}


def reload(module):
    """Reload the module and return it: its code runs again in the same
    module object (names it no longer defines stay)."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if not isinstance(module, types.ModuleType):
        raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name) from None
            pkgpath = parent.__path__
        else:
            pkgpath = None
        spec = _bootstrap._spec_of(module)
        found = _bootstrap._find_spec(name, pkgpath, module)
        if found is None and spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        spec = module.__spec__ = found or spec
        _bootstrap._init_module_attrs(spec, module, override=True)
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader.exec_module(module)
        return sys.modules[name]
    finally:
        try:
            del _RELOADING[name]
        except KeyError:
            pass
