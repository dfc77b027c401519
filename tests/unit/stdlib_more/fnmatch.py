# fnmatch/fnmatchcase/filter/translate with *, ?, [seq], [!seq], ranges; glob over a temporary tree (sorted results), escape, has_magic
import fnmatch, glob, os, tempfile
names = ['a.py', 'b.PY', 'test_x.py', '.hidden.py', 'data1.csv', 'data2.csv', 'data10.csv', 'notes.txt', '[x].txt', 'a-b']
for pat in ['*.py', '*.[pP][yY]', 'data?.csv', 'data[!1]*.csv', 'data[0-9].csv', '*', '[[]x].txt', 'a[-]b', '*_*', '[z-a]*', '[!]*', 'no']:
    print(pat, fnmatch.filter(names, pat), fnmatch.translate(pat))
print(fnmatch.fnmatch('A.PY', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatch('abcabc', '*b*b*c'), fnmatch.translate('a*b*c?d*'))
with tempfile.TemporaryDirectory() as d:
    for p in ['src/a.py', 'src/b.py', 'src/pkg/c.py', 'src/pkg/deep/d.py', 'src/.hid.py', 'docs/r.md', 'top.py']:
        full = os.path.join(d, p); os.makedirs(os.path.dirname(full), exist_ok=True); open(full, 'w').close()
    rel = lambda ps: sorted(os.path.relpath(p, d) for p in ps)
    print(rel(glob.glob(os.path.join(d, '*.py'))), rel(glob.glob(os.path.join(d, 'src', '*.py'))), rel(glob.glob(os.path.join(d, '*', '*.md'))))
    print(rel(glob.glob(os.path.join(d, '**', '*.py'), recursive=True)), rel(glob.glob(os.path.join(d, '**', '*.py'))))
    print(sorted(glob.glob('**/*.py', root_dir=os.path.join(d, 'src'), recursive=True)), sorted(glob.glob('*', root_dir=d)), glob.glob(os.path.join(d, 'nothing*')))
    print(sorted(glob.glob('src/.*', root_dir=d)), sorted(glob.glob('src/*', root_dir=d, include_hidden=True)), glob.glob('top.py', root_dir=d), glob.glob('src/', root_dir=d))
    print(sorted(glob.iglob('*/', root_dir=d)), sorted(glob.glob('**', root_dir=d, recursive=True)))
print(glob.escape('a*b?[c].txt'), glob.has_magic('x[1]'), glob.has_magic('plain'))
