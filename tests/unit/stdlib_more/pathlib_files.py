# pathlib.Path and shutil on real files: mkdir, read/write, iterdir, glob/rglob, rename, unlink, copy, copytree, move, rmtree, errors
import os, tempfile, shutil
from pathlib import Path
old_cwd = os.getcwd()
base = Path(tempfile.mkdtemp())
os.chdir(base)
root = Path('proj')
(root / 'src' / 'pkg').mkdir(parents=True)
(root / 'src' / 'pkg').mkdir(parents=True, exist_ok=True)
print((root / 'README.md').write_text('hello\nworld\n'), (root / 'data.bin').write_bytes(b'\x00\x01'))
(root / 'src' / 'main.py').write_text('print(1)\n')
(root / 'src' / 'pkg' / '__init__.py').write_text('')
(root / 'src' / 'pkg' / 'mod.py').write_text('x = 1\n')
print((root / 'README.md').read_text().splitlines(), (root / 'data.bin').read_bytes())
print(sorted(root.iterdir()))
print(sorted(root.glob('*.md')), sorted(root.glob('**/*.py')), sorted(root.rglob('*.py')), sorted(root.glob('src/*')))
print(sorted(root.glob('**')), sorted(root.glob('*/')), sorted(Path('.').glob('proj/*.bin')))
print(root.exists(), root.is_dir(), root.is_file(), (root / 'README.md').is_file(), (root / 'nope').exists(), (root / 'README.md').is_symlink())
print((root / 'README.md').stat().st_size, root.resolve() == base.resolve() / 'proj', root.absolute() == Path.cwd() / 'proj')
with (root / 'README.md').open() as f:
    print(f.readline(), end='')
with (root / 'log.txt').open('a') as f:
    f.write('line\n')
print((root / 'log.txt').read_text())
new = (root / 'log.txt').rename(root / 'log2.txt')
print(new, new.exists(), (root / 'log.txt').exists())
new.replace(root / 'log3.txt')
(root / 'log3.txt').unlink()
(root / 'log3.txt').unlink(missing_ok=True)
(root / 'touched').touch()
print((root / 'touched').exists(), (root / 'touched').stat().st_size)
for f in [lambda: (root / 'nope.txt').read_text(), lambda: (root / 'src').mkdir(), lambda: Path('a/b/c').mkdir(),
          lambda: (root / 'src').rmdir(), lambda: (root / 'nope').unlink(), lambda: (root / 'x').write_text(b'x'),
          lambda: list(root.glob('')), lambda: list(root.glob('/abs')), lambda: (root / 'touched').touch(exist_ok=False),
          lambda: list(root.glob('a**b')), lambda: (root / 'README.md').mkdir(exist_ok=True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(Path('proj/README.md').samefile(root / 'README.md'), Path.home() == Path(os.path.expanduser('~')))
shutil.copy(root / 'README.md', root / 'copy.md')
shutil.copy2(root / 'README.md', root / 'src')
print(sorted(p.name for p in root.iterdir()), (root / 'src' / 'README.md').read_text() == 'hello\nworld\n')
shutil.copytree(root / 'src', root / 'src2', ignore=shutil.ignore_patterns('*.md'))
print(sorted(str(p) for p in (root / 'src2').rglob('*')))
print(shutil.move(str(root / 'copy.md'), str(root / 'src2')), sorted(p.name for p in (root / 'src2').iterdir()))
print(shutil.move(str(root / 'src2'), str(root / 'src3')))
shutil.rmtree(root / 'src3')
print((root / 'src3').exists(), shutil.copyfile(root / 'README.md', root / 'c2.md'))
try:
    shutil.copyfile(root / 'README.md', root / 'README.md')
except shutil.SameFileError as e:
    print(type(e).__name__, e)
try:
    shutil.rmtree(root / 'nope')
except FileNotFoundError as e:
    print(type(e).__name__, e)
shutil.rmtree(root / 'nope', ignore_errors=True)
try:
    shutil.copytree(root / 'src', root / 'src')
except FileExistsError as e:
    print(type(e).__name__, e)
print(shutil.which('definitely-not-a-command'), shutil.get_terminal_size((100, 30)))
os.chdir(old_cwd)
shutil.rmtree(base)
print(base.exists())
