# hashlib md5/sha1/sha2 hexdigests (block boundaries, update, copy), new(), sizes and errors; hmac
import hashlib, hmac
for data in [b'', b'abc', b'The quick brown fox jumps over the lazy dog', b'a' * 55, b'a' * 56, b'a' * 64, b'b' * 111, b'b' * 112, b'c' * 200]:
    print(len(data), [hashlib.new(n, data).hexdigest() for n in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512')])
h = hashlib.sha256(b'hello ')
c = h.copy(); h.update(b'world'); c.update(bytearray(b'there'))
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size, hashlib.sha512().block_size)
print(hashlib.md5('päss'.encode()).hexdigest(), hashlib.sha1(memoryview(b'xyz')).hexdigest(), hashlib.new('SHA256', b'x').hexdigest()[:8])
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}), repr(hashlib.md5()).startswith('<md5 _hashlib.HASH object @ 0x'))
m = hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', hashlib.sha256)
print(m.hexdigest(), hmac.new(b'key', digestmod='md5').hexdigest(), m.name, m.digest_size, hmac.digest(b'k' * 100, b'msg', 'sha1').hex())
m2 = hmac.new(b'secret', digestmod=hashlib.sha1); m2.update(b'part1'); m3 = m2.copy(); m3.update(b'part2'); print(m2.hexdigest(), m3.hexdigest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'))
for bad in ["hashlib.md5('text')", "hashlib.new('nope')", "hashlib.sha1(5)", "hmac.new(b'k')"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
