# importlib: import_module (relative too), reload, util.find_spec/spec_from_file_location/module_from_spec, machinery.ModuleSpec
import importlib, importlib.util, importlib.machinery, importlib.abc, sys, os, tempfile
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, 'gp_pkg'))
with open(os.path.join(root, 'gp_mod.py'), 'w') as f:
    f.write('X = 1\nprint("loading gp_mod")\n')
with open(os.path.join(root, 'gp_pkg', '__init__.py'), 'w') as f:
    f.write('from . import sub\n')
with open(os.path.join(root, 'gp_pkg', 'sub.py'), 'w') as f:
    f.write('Y = 2\n')
sys.path.insert(0, root)
def rel(p): return None if p is None else p.replace(root, '<root>')
m = importlib.import_module('gp_mod')
print(m.X, m.__spec__.name, rel(m.__spec__.origin), repr(m.__spec__.parent), m.__spec__.has_location, rel(m.__spec__.cached), m.__spec__.submodule_search_locations)
print(importlib.import_module('.sub', 'gp_pkg').Y, importlib.import_module('gp_pkg.sub').__name__)
for args in [('.sub',), ('nonexist_gp',), ('...x', 'gp_pkg'), ('',)]:
    try:
        importlib.import_module(*args)
    except (TypeError, ImportError, ValueError) as e:
        print(type(e).__name__, e)
m.X = 99
m2 = importlib.reload(m)
print(m2 is m, m.X)
try:
    importlib.reload(1)
except TypeError as e:
    print(e)
s = importlib.util.find_spec('gp_pkg.sub'); print(s.name, s.parent, rel(s.origin), type(s.loader).__name__)
s = importlib.util.find_spec('gp_pkg'); print(s.name, s.parent, [rel(p) for p in s.submodule_search_locations], type(s.loader).__name__, rel(s.origin))
print(importlib.util.find_spec('nonexist_zz'))
print(importlib.util.find_spec('sys'))
spec = importlib.util.spec_from_file_location('dyn', os.path.join(root, 'gp_mod.py'))
print(spec.name, rel(spec.origin), type(spec.loader).__name__, spec.loader.is_package('dyn'))
d = importlib.util.module_from_spec(spec)
print(repr(d).replace(root, '<root>'), d.__name__, rel(d.__file__), hasattr(d, 'X'), d.__spec__ is spec, d.__loader__ is spec.loader)
spec.loader.exec_module(d)
print(d.X)
print(importlib.util.resolve_name('.a', 'pkg'), importlib.util.resolve_name('..a', 'pkg.sub'))
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
ms = importlib.machinery.ModuleSpec('x', None); print(ms, repr(ms.parent), ms.origin, ms.loader_state)
ms2 = importlib.machinery.ModuleSpec('a.b', None, origin='here', is_package=True); print(ms2, ms2.parent, ms2.submodule_search_locations)
print(ms == importlib.machinery.ModuleSpec('x', None), ms == ms2)
print(importlib.util.cache_from_source('/a/b.py'), importlib.util.source_from_cache('/a/__pycache__/b.cpython-311.pyc'))
print(importlib.util.MAGIC_NUMBER)
importlib.invalidate_caches()
print(importlib.util.spec_from_file_location('z', '/tmp/x.txt'))
print(importlib.util.spec_from_loader('q', None))
print(repr(importlib.machinery.BuiltinImporter), importlib.machinery.ModuleSpec.__module__)
m = importlib.util.module_from_spec(importlib.machinery.ModuleSpec('zz', None)); print(m, m.__spec__.name)
print(importlib.util.find_spec('os.path').name, importlib.util.find_spec('json').name)
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.Loader), isinstance(spec.loader, importlib.abc.Loader))
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == 'virtual_gp':
            return importlib.util.spec_from_loader(name, VLoader())
class VLoader(importlib.abc.Loader):
    def exec_module(self, module):
        module.answer = 42
vm = importlib.util.module_from_spec(Finder().find_spec('virtual_gp', None))
VLoader().exec_module(vm)
print(vm.__name__, vm.answer)
import shutil; shutil.rmtree(root)
