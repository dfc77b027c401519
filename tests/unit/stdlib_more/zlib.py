# zlib: round trips at every level and container (zlib, raw, gzip), CPython-made streams decoded, streaming objects, checksums, errors
import zlib, random
rng = random.Random(3)
words = [b'alpha', b'beta', b'gamma', b'delta', b' ', b'\n', b'zlib', b'compress']
texts = [b'', b'a', b'hello hello hello', bytes(range(256)) * 3, b''.join(rng.choice(words) for _ in range(5000)),
         bytes(rng.randrange(256) for _ in range(3000)), b'x' * 100000]
for t in texts:
    ok = []
    for level in (-1, 0, 1, 6, 9):
        for wbits in (15, -15, 31, 9):
            c = zlib.compress(t, level, wbits)
            ok.append(zlib.decompress(c, wbits) == t)
            if wbits in (15, 31):
                ok.append(zlib.decompress(c, 47) == t)
    print(len(t), all(ok), len(zlib.compress(t)) < len(t) + 20)
# Streams written by CPython's zlib:
made = [b'x\x9c\xcbH\xcd\xc9\xc9W\xc8@\x90\x00:.\x06}', b'x\x01\x01\x00\x00\xff\xff\x00\x00\x00\x01', b'KLJ\x06\x00',
        b'x\xda\xed\xc1\x01\r\x00\x00\x00\xc2\xa0\xf7Om\x0e7\xa0\x00\x00\x00\x00\x00\x00\x00\x00\x00\xbe\r\xc8\x00\x00\x00\x01',
        b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x106\x05\x00\x00\x00']
for m in made:
    for wbits in (15, -15, 31, 47):
        try:
            print(wbits, zlib.decompress(m, wbits)[:20])
        except zlib.error as e:
            print(wbits, 'error', e)
c = zlib.compress(b'hello hello hello')
for args in [(c[:-3],), (b'xx' + c[2:],), (c[:-1] + b'\x00',), (b'x\x9c\x07',), (c, 7), (b'',), (b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH', 31)]:
    try:
        print(zlib.decompress(*args))
    except zlib.error as e:
        print('error', e)
for lv in [10, -2]:
    try:
        zlib.compress(b'a', lv)
    except zlib.error as e:
        print('error', e)
d = zlib.decompressobj()
print(d.decompress(c[:5]), d.decompress(c[5:] + b'tail'), d.unused_data, d.eof)
d = zlib.decompressobj()
out = b''.join(d.decompress(c[i:i + 1]) for i in range(len(c)))
print(out, d.eof, d.unused_data)
d = zlib.decompressobj()
parts = [d.decompress(c, 4)]
while d.unconsumed_tail:
    parts.append(d.decompress(d.unconsumed_tail, 4))
parts.append(d.flush())
print(b''.join(parts), d.eof)
co = zlib.compressobj()
x = co.compress(b'abc')
y = co.flush(zlib.Z_SYNC_FLUSH)
z = co.compress(b'def') + co.flush()
print(x, y[-4:], zlib.decompress(x + y + z))
try:
    co.flush()
except zlib.error as e:
    print("error", e)
try:
    co.compress(b'x')
except zlib.error as e:
    print('error', e)
big = texts[4]
co = zlib.compressobj(9, zlib.DEFLATED, -15)
stream = b''.join(co.compress(big[i:i + 700]) for i in range(0, len(big), 700)) + co.flush()
do = zlib.decompressobj(-15)
print(b''.join(do.decompress(stream[i:i + 333]) for i in range(0, len(stream), 333)) == big, do.eof)
zd = b'hello world of dictionaries'
co = zlib.compressobj(zdict=zd)
cz = co.compress(b'hello world') + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(cz))
try:
    zlib.decompress(cz)
except zlib.error as e:
    print('error', e)
print(zlib.crc32(b'hello'), zlib.adler32(b'hello'), zlib.crc32(b'lo', zlib.crc32(b'hel')), zlib.adler32(b''), zlib.crc32(b'', 5))
print(zlib.crc32(big), zlib.adler32(big), zlib.adler32(b'x' * 100000))
print(zlib.error.__mro__, type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.DEF_BUF_SIZE)
