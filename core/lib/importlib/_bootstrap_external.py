"""The path-based half of importlib (CPython 3.11's
Lib/importlib/_bootstrap_external.py, frozen there as
_frozen_importlib_external): loaders for source files, the finder that
searches sys.path (and a package's __path__), and the __pycache__ names.

glasspy never writes bytecode files; cache_from_source still names the
file CPython would write, as programs compute such paths."""

import sys
import os
import _imp
from importlib._bootstrap import ModuleSpec, _init_module_attrs

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = _imp.extension_suffixes()
MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, "little")
_PYCACHE = "__pycache__"
_OPT = "opt-"
_POPULATE = object()


def _cache_tag():
    return "cpython-%d%d" % sys.version_info[:2]


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The path of the .pyc file CPython would write for the source at path."""
    if debug_override is not None:
        import warnings
        warnings.warn("the debug_override parameter is deprecated; use 'optimization' instead",
                      DeprecationWarning)
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    path = os.fspath(path)
    head, tail = os.path.split(path)
    base, sep, rest = tail.rpartition(".")
    almost_filename = "".join([(base if base else rest), ".", _cache_tag()])
    if optimization is None:
        optimization = sys.flags.optimize
    if optimization == 0:
        optimization = ""
    optimization = str(optimization)
    if optimization != "":
        if not optimization.isalnum():
            raise ValueError("{!r} is not alphanumeric".format(optimization))
        almost_filename = "{}.{}{}".format(almost_filename, _OPT, optimization)
    filename = almost_filename + BYTECODE_SUFFIXES[0]
    return os.path.join(head, _PYCACHE, filename)


def source_from_cache(path):
    """The source path of a .pyc path written by cache_from_source."""
    path = os.fspath(path)
    head, pycache_filename = os.path.split(path)
    head, pycache = os.path.split(head)
    if pycache != _PYCACHE:
        raise ValueError("{} not bottom-level directory in {!r}".format(_PYCACHE, path))
    dot_count = pycache_filename.count(".")
    if dot_count not in {2, 3}:
        raise ValueError("expected only 2 or 3 dots in {!r}".format(pycache_filename))
    elif dot_count == 3:
        optimization = pycache_filename.rsplit(".", 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError("optimization portion of filename does not start with {!r}".format(_OPT))
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError("optimization level {!r} is not an alphanumeric value".format(optimization))
    base_filename = pycache_filename.partition(".")[0]
    return os.path.join(head, base_filename + SOURCE_SUFFIXES[0])


def decode_source(source_bytes):
    """Decode bytes of Python source as the compiler would (PEP 263)."""
    import tokenize
    import io
    readline = io.BytesIO(source_bytes).readline
    encoding = tokenize.detect_encoding(readline)
    newline_decoder = io.IncrementalNewlineDecoder(None, True) if hasattr(io, "IncrementalNewlineDecoder") else None
    text = source_bytes.decode(encoding[0])
    if newline_decoder is not None:
        return newline_decoder.decode(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    """A ModuleSpec for a file location (the loader chosen by suffix)."""
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)
        try:
            location = os.path.abspath(location) if not os.path.isabs(location) else location
        except OSError:
            pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = os.path.split(location)[0]
            spec.submodule_search_locations.append(dirname)
    return spec


class FileLoader:
    """Base file loader class which implements the loader protocol methods
    that require file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as file:
            return file.read()

    def is_package(self, fullname):
        filename = os.path.split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit(".", 1)[0]
        tail_name = fullname.rpartition(".")[2]
        return filename_base == "__init__" and tail_name != "__init__"

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError("cannot load module {!r} when get_code() returns None".format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        spec = spec_from_file_location(fullname, self.path, loader=self)
        module = sys.modules.get(fullname)
        if module is None:
            module = type(sys)(fullname)
            sys.modules[fullname] = module
        _init_module_attrs(spec, module, override=True)
        self.exec_module(module)
        return sys.modules[fullname]


class SourceLoader:

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {"mtime": self.path_mtime(path)}

    def set_data(self, path, data):
        pass

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError("source not available through get_data()", name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, "exec", dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        source_path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(source_path), source_path)


class SourceFileLoader(FileLoader, SourceLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def path_stats(self, path):
        st = os.stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

    def get_code(self, fullname):
        return SourceLoader.get_code(self, fullname)


class SourcelessFileLoader(FileLoader):
    """Loader which handles sourceless file imports (not available in glasspy)."""

    def get_code(self, fullname):
        raise ImportError("glasspy cannot load bytecode files", name=fullname)

    def get_source(self, fullname):
        return None


class ExtensionFileLoader(FileLoader):
    """Loader for extension modules (glasspy loads none)."""

    def create_module(self, spec):
        raise ImportError("glasspy cannot load extension modules", name=spec.name)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


def _get_supported_file_loaders():
    return [(ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]


class FileFinder:
    """Finds modules in one directory, as `import` looks in a sys.path entry."""

    def __init__(self, path, *loader_details):
        self._loaders = []
        for loader, suffixes in loader_details or _get_supported_file_loaders():
            self._loaders.extend((suffix, loader) for suffix in suffixes)
        self.path = path or "."
        if not os.path.isabs(self.path):
            self.path = os.path.join(os.getcwd(), self.path)

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        tail_module = fullname.rpartition(".")[2]
        base_path = os.path.join(self.path, tail_module)
        for suffix, loader_class in self._loaders:
            init_filename = "__init__" + suffix
            full_path = os.path.join(base_path, init_filename)
            if os.path.isfile(full_path):
                return spec_from_file_location(fullname, full_path, loader=loader_class(fullname, full_path),
                                               submodule_search_locations=[base_path])
        for suffix, loader_class in self._loaders:
            full_path = base_path + suffix
            if os.path.isfile(full_path):
                return spec_from_file_location(fullname, full_path, loader=loader_class(fullname, full_path),
                                               submodule_search_locations=None)
        if os.path.isdir(base_path):
            # A namespace package portion.
            spec = ModuleSpec(fullname, None)
            spec.submodule_search_locations = [base_path]
            return spec
        return None

    def __repr__(self):
        return "FileFinder({!r})".format(self.path)


class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    @staticmethod
    def invalidate_caches():
        for finder in list(getattr(sys, "path_importer_cache", {}).values()):
            if finder is not None and hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            try:
                finder = FileFinder(entry)
            except OSError:
                continue
            spec = finder.find_spec(fullname, target)
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            namespace_path.extend(spec.submodule_search_locations)
        if namespace_path:
            spec = ModuleSpec(fullname, None)
            spec.submodule_search_locations = namespace_path
            spec.origin = None
            return spec
        return None


for _cls in (FileLoader, SourceLoader, SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader,
             FileFinder, PathFinder):
    _cls.__module__ = "_frozen_importlib_external"
del _cls
