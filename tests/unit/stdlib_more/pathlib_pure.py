# pathlib pure paths: parsing, parts, name/stem/suffix, parents, joining, relative_to, match, Windows paths, errors
from pathlib import PurePath, PurePosixPath, PureWindowsPath, Path, PosixPath
p = PurePosixPath('/usr/local/lib/python3.11/site.tar.gz')
print(p, repr(p), p.parts, p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root, repr(p.drive))
print(list(p.parents), p.parents[0], p.parents[-1], p.parents[1:3], repr(p.parents), len(p.parents))
print(PurePath('a//b/./c/..'), PurePath('//a'), PurePath('///a'), PurePath(), PurePath(''), PurePath('a', '/b', 'c'))
q = PurePosixPath('docs') / 'readme.md'
print(q, q.with_name('x.txt'), q.with_suffix('.rst'), q.with_suffix(''), q.with_stem('README'), 'root' / q)
print(q.is_absolute(), p.is_absolute(), q.joinpath('a', 'b'), q.joinpath('/abs'))
print(p.relative_to('/usr'), p.relative_to('/usr/local', 'lib'), p.is_relative_to('/etc'), p.is_relative_to('/usr'))
print(p.match('*.gz'), p.match('lib/*/*.gz'), p.match('/usr/*.gz'), PurePath('a/b.py').match('*.py'), PurePath('/a.py').match('/*.py'))
print(PurePath('a') == PurePath('a'), PurePath('a') < PurePath('b'), sorted([PurePath('b'), PurePath('a/c'), PurePath('a')]))
print(PurePath('a') == 'a', hash(PurePath('x')) == hash(PurePath('x')), p.as_posix(), p.as_uri(), bytes(p))
print(PurePath('.').name == '', PurePath('/').parent, PurePath('a').parent, PurePath('.').parent, PurePath('x.').suffix, PurePath('.bashrc').suffix, PurePath('.bashrc').stem)
print(PurePath('a.tar.gz.').suffixes, PurePath('/').name, PurePath('/').parts)
for f in [lambda: PurePath('/').with_name('x'), lambda: q.with_name(''), lambda: q.with_name('a/b'),
          lambda: q.with_suffix('txt'), lambda: q.with_suffix('.'), lambda: p.relative_to('/etc'),
          lambda: p.relative_to(), lambda: PurePath(5), lambda: PurePath('a') < 'b', lambda: PurePath('a').as_uri(),
          lambda: p.parents[10], lambda: PurePath('a').match(''), lambda: PurePath('a') / 5,
          lambda: PurePosixPath('a') < PureWindowsPath('a')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
w = PureWindowsPath('C:\\Users\\me/file.TXT')
print(w, repr(w), w.parts, w.drive, w.root, w.anchor, w.name, w.suffix, w.parent, w.as_posix(), w.is_absolute())
print(PureWindowsPath('//server/share/x'), PureWindowsPath('//server/share/x').drive, PureWindowsPath('c:/a') == PureWindowsPath('C:/A'), PureWindowsPath('a/CON').is_reserved())
print(PureWindowsPath('c:a', 'd:b'), PureWindowsPath('c:/a', '/b'), PureWindowsPath('c:/a').as_uri())
print(type(PurePath('x')).__name__, type(Path('x')).__name__, isinstance(Path('x'), PurePosixPath))
import os; print(os.fspath(Path('a/b')), os.path.join(Path('a'), 'b'), str(Path('~').expanduser()) == os.path.expanduser('~'))
