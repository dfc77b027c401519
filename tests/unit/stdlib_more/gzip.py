# gzip: compress/decompress (multiple members, padding), GzipFile read/write/seek/readline on files and BytesIO, text mode, errors
import gzip, io, os, tempfile
c = gzip.compress(b'hello', mtime=0)
print(c[:10], gzip.decompress(c))
print(gzip.decompress(c + c), gzip.decompress(c + b'\x00\x00'))
made = b'\x1f\x8b\x08\x08\x05\x00\x00\x00\x02\xffx.txt\x00KLJ\x06\x00\xc2A$5\x03\x00\x00\x00'
print(gzip.decompress(made))
for bad in [b'xxxxxxxxxxxx', c[:-3], c[:-8] + b'\x00\x00\x00\x00' + c[-4:], c[:-4] + b'\x09\x00\x00\x00', c[:5]]:
    try:
        gzip.decompress(bad)
    except (gzip.BadGzipFile, EOFError) as e:
        print(type(e).__name__, e)
b = io.BytesIO()
with gzip.GzipFile(fileobj=b, mode='wb', filename='x.txt.gz', mtime=5) as f:
    print(f.write(b'abc'), f.mode, f.name, f.tell())
    f.write(b'\ndef\n')
print(b.getvalue()[:16])
b.seek(0)
with gzip.GzipFile(fileobj=b) as f:
    print(f.read(2), f.tell(), f.readline(), f.readline(), f.readline(), f.mtime, f.mode, repr(f.name))
    f.seek(1)
    print(f.read(), f.seek(0), list(f))
print(gzip.READ, gzip.WRITE, gzip.BadGzipFile.__mro__)
d = tempfile.mkdtemp()
p = os.path.join(d, 'data.txt.gz')
with gzip.open(p, 'wt', encoding='utf-8') as f:
    f.write('héllo\nwörld\n')
with gzip.open(p, 'rb') as f:
    raw = f.read()
print(raw)
with gzip.open(p, 'rt', encoding='utf-8') as f:
    print(f.readline(), list(f))
with gzip.open(p, 'ab') as f:
    f.write(b'appended')
print(gzip.open(p).read())
big = b''.join(b'line %d of the file\n' % i for i in range(5000))
with gzip.open(p, 'wb', compresslevel=1) as f:
    f.write(big)
with gzip.open(p) as f:
    print(f.read() == big)
with open(p, 'rb') as f:
    print(gzip.decompress(f.read()) == big)
for call in [lambda: gzip.GzipFile(fileobj=io.BytesIO(b'abc')).read(), lambda: gzip.open(p, 'rbt'),
             lambda: gzip.open(p, 'rb', encoding='x'), lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode='wb').read()]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
import shutil; shutil.rmtree(d)
