"""The core of importlib (CPython 3.11's Lib/importlib/_bootstrap.py, which
CPython freezes as _frozen_importlib): module specs, the finders of
built-in and frozen modules, module_from_spec and name resolution.

glasspy's own import statement is written in C++ (core/modules/import.cpp:
built-in modules, then frozen ones, then sys.path). These classes describe
and reproduce what it does, for the programs that ask importlib: find_spec
answers where `import name` would find a module, and a loader's
exec_module runs a module's code in a module object."""

import sys
import _imp

_NEEDS_LOADING = object()


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


class ModuleSpec:
    """The specification for a module, used for loading."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = ["name={!r}".format(self.name), "loader={!r}".format(self.loader)]
        if self.origin is not None:
            args.append("origin={!r}".format(self.origin))
        if self.submodule_search_locations is not None:
            args.append("submodule_search_locations={}".format(self.submodule_search_locations))
        return "{}({})".format(self.__class__.__name__, ", ".join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                    and smsl == other.submodule_search_locations and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            from importlib import _bootstrap_external
            if self.origin.endswith(tuple(_bootstrap_external.SOURCE_SUFFIXES)):
                try:
                    self._cached = _bootstrap_external.cache_from_source(self.origin)
                except NotImplementedError:
                    pass
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        from importlib import _bootstrap_external
        if is_package is None:
            return _bootstrap_external.spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return _bootstrap_external.spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _init_module_attrs(spec, module, *, override=False):
    if override or getattr(module, "__name__", None) is None:
        try:
            module.__name__ = spec.name
        except AttributeError:
            pass
    if override or getattr(module, "__loader__", None) is None:
        try:
            module.__loader__ = spec.loader
        except AttributeError:
            pass
    if override or getattr(module, "__package__", None) is None:
        try:
            module.__package__ = spec.parent
        except AttributeError:
            pass
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if override or getattr(module, "__path__", None) is None:
        if spec.submodule_search_locations is not None:
            try:
                module.__path__ = spec.submodule_search_locations
            except AttributeError:
                pass
    if spec.has_location:
        if override or getattr(module, "__file__", None) is None:
            try:
                module.__file__ = spec.origin
            except AttributeError:
                pass
        if override or getattr(module, "__cached__", None) is None:
            if spec.cached is not None:
                try:
                    module.__cached__ = spec.cached
                except AttributeError:
                    pass
    return module


def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = type(sys)(spec.name)
    _init_module_attrs(spec, module)
    return module


class BuiltinImporter:
    """Meta path import for built-in modules."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        if not _imp.is_builtin(spec.name):
            raise ImportError("{!r} is not a built-in module".format(spec.name), name=spec.name)
        # The interpreter makes the module; importing it is how to ask.
        saved = sys.modules.pop(spec.name, None)
        try:
            __import__(spec.name)
            return sys.modules[spec.name]
        finally:
            if saved is not None:
                sys.modules[spec.name] = saved

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None


BuiltinImporter.__module__ = "_frozen_importlib"


class FrozenImporter:
    """Meta path import for frozen modules (glasspy's compiled-in sources)."""

    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not _imp.is_frozen(fullname):
            return None
        package = _imp.is_frozen_package(fullname)
        spec = ModuleSpec(fullname, cls, origin=cls._ORIGIN, is_package=package)
        return spec

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name
        code = compile(_imp.get_frozen_source(name), "<frozen %s>" % name, "exec")
        exec(code, module.__dict__)

    @classmethod
    def get_code(cls, fullname):
        return compile(_imp.get_frozen_source(fullname), "<frozen %s>" % fullname, "exec")

    @classmethod
    def get_source(cls, fullname):
        return _imp.get_frozen_source(fullname)

    @classmethod
    def is_package(cls, fullname):
        return _imp.is_frozen_package(fullname)


FrozenImporter.__module__ = "_frozen_importlib"
ModuleSpec.__module__ = "_frozen_importlib"


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return "{}.{}".format(base, name) if name else base


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError("module name must be str, not {}".format(type(name)))
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        elif not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")


def _meta_path():
    from importlib import _bootstrap_external
    return [BuiltinImporter, FrozenImporter, _bootstrap_external.PathFinder]


def _find_spec(name, path, target=None):
    for finder in list(getattr(sys, "meta_path", [])) + _meta_path():
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        spec = find(name, path, target)
        if spec is not None:
            return spec
    return None


def _spec_of(module):
    # glasspy's C++ import does not attach specs: make the one CPython's
    # import would have attached.
    spec = getattr(module, "__spec__", None)
    if spec is not None:
        return spec
    name = module.__name__
    if _imp.is_builtin(name):
        spec = ModuleSpec(name, BuiltinImporter, origin="built-in")
    elif _imp.is_frozen(name):
        spec = ModuleSpec(name, FrozenImporter, origin="frozen", is_package=_imp.is_frozen_package(name))
    else:
        filename = getattr(module, "__file__", None)
        if filename is None:
            return None
        from importlib import _bootstrap_external
        path = getattr(module, "__path__", None)
        spec = _bootstrap_external.spec_from_file_location(
            name, filename, submodule_search_locations=list(path) if path is not None else None)
    if spec is not None:
        if getattr(module, "__path__", None) is not None and spec.submodule_search_locations is not None:
            spec.submodule_search_locations = module.__path__
        try:
            module.__spec__ = spec
            if getattr(module, "__loader__", None) is None:
                module.__loader__ = spec.loader
        except AttributeError:
            pass
    return spec


def _gcd_import(name, package=None, level=0):
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    module = sys.modules.get(name, _NEEDS_LOADING)
    if module is _NEEDS_LOADING:
        __import__(name)
        module = sys.modules[name]
    elif module is None:
        raise ModuleNotFoundError("import of {} halted; None in sys.modules".format(name), name=name)
    _spec_of(module)
    return module
