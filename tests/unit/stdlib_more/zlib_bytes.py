# zlib.compress writes zlib's very bytes: every level, window size and container, on text, repeats and noise
import zlib

def noise(n, seed):
    # A small linear congruential generator, so that both interpreters make the same bytes.
    out = bytearray(n)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = x >> 16 & 0xFF
    return bytes(out)

words = b"the quick brown fox jumps over a lazy dog while seven zebras quietly graze".split()
text = b" ".join(words[(i * 7 + i // 3) % len(words)] for i in range(12000))
samples = {
    "empty": b"",
    "one": b"a",
    "short": b"hello hello hello",
    "text": text,
    "noise": noise(70000, 1),
    "runs": b"".join(bytes([65 + i % 5]) * (i % 300) for i in range(900)),
    "mixed": (noise(3000, 7) + text[:5000]) * 12,
    "big": text * 6 + noise(20000, 3),
}
for name, data in samples.items():
    row = []
    for level in (-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9):
        z = zlib.compress(data, level)
        assert zlib.decompress(z) == data
        row.append("%d:%08x" % (len(z), zlib.crc32(z)))
    print(name, len(data), " ".join(row))
for wbits in (8, 9, 10, 12, 15, -9, -12, -15, 25, 28, 31):
    row = []
    for level in (0, 1, 6, 9):
        z = zlib.compress(samples["big"], level, wbits)
        row.append("%d:%08x" % (len(z), zlib.crc32(z)))
    print("wbits", wbits, " ".join(row))
print(zlib.compress(b"hello hello hello").hex(), zlib.compress(b"", 9, 31).hex())
for level in (1, 3, 9):
    c = zlib.compressobj(level, zlib.DEFLATED, -12)
    z = c.compress(samples["mixed"]) + c.flush()
    print("compressobj", level, len(z), "%08x" % zlib.crc32(z))
for wbits in (7, -8, 24, 32, -16):
    try:
        zlib.compress(b"x", 6, wbits)
    except zlib.error as e:
        print(wbits, "error:", e)
