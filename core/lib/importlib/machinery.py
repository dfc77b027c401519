"""The implementations of the import machinery (CPython 3.11's
importlib.machinery)."""

from importlib._bootstrap import ModuleSpec, BuiltinImporter, FrozenImporter
from importlib._bootstrap_external import (SOURCE_SUFFIXES, DEBUG_BYTECODE_SUFFIXES, OPTIMIZED_BYTECODE_SUFFIXES,
                                           BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, FileFinder, PathFinder,
                                           SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader,
                                           all_suffixes)


class WindowsRegistryFinder:
    """Meta path finder for modules declared in the Windows registry (finds nothing here)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class NamespaceLoader:
    def __init__(self, name, path, path_finder):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass
