# unicodedata: names both ways, properties, decompositions and the four normal forms (Unicode 14.0.0)
import hashlib, random
import unicodedata as u
for c in 'aZ5½é\u0301 \u200b中가😀\U0002a700\x00\u2028٣⅓':
    print(repr(c), u.name(c, '?'), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None), repr(u.decomposition(c)))
for n in ['LATIN SMALL LETTER A', 'snowman', 'HANGUL SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-4E2D', 'NULL', 'EURO SIGN', 'GRINNING FACE']:
    print(n, repr(u.lookup(n)))
s = 'Åffiné ﬁ ① ｶ 가각 e\u0301\u0327 \u1e9b\u0323'
for f in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    r = u.normalize(f, s); print(f, ascii(r), u.is_normalized(f, s), u.is_normalized(f, r))
import random
rng = random.Random(5)
bad = 0
for i in range(3000):
    t = ''.join(chr(rng.choice([rng.randrange(0x300), rng.randrange(0x300, 0x370), rng.randrange(0xac00, 0xac40), rng.randrange(0x1100, 0x1176), rng.randrange(0x1e00, 0x1f00), rng.randrange(0xfb00,0xfb50), rng.randrange(0x3000,0x3100)])) for _ in range(6))
    for f in ['NFC', 'NFD', 'NFKC', 'NFKD']:
        bad += len(u.normalize(f, t))
print(bad)
for f in [lambda: u.name('\x00'), lambda: u.lookup('XYZ'), lambda: u.category('ab'), lambda: u.category(1), lambda: u.decimal('a'), lambda: u.digit('a'), lambda: u.numeric('a'), lambda: u.normalize('X','a'), lambda: u.normalize(1,'a'), lambda: u.name(), lambda: u.name('a','b','c'), lambda: u.lookup(3), lambda: u.is_normalized('NFC', 3)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(u.unidata_version)
print('aé€'.encode('ascii', 'namereplace'))
cnt = 0
for cp in range(0, 0x30000, 13):
    n = u.name(chr(cp), None)
    if n is not None:
        cnt += 1
        assert u.lookup(n) == chr(cp), n
print(cnt)
for f in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    h = hashlib.md5()
    for cp in list(range(0x80, 0x3400)) + list(range(0xac00, 0xad00)) + list(range(0xf900, 0x10000)) + list(range(0x1d100, 0x1d200)) + list(range(0x2f800, 0x2fa20)):
        h.update(u.normalize(f, chr(cp)).encode('utf-8'))
    rng = random.Random(7)
    marks = [chr(c) for c in range(0x300, 0x370)] + ['\u0591', '\u05b0', '\u093c', '\u0f71', '\u0f72', '\u0f74', '\u1161', '\u11a8', '\u3099']
    bases = [chr(c) for c in range(0x41, 0x7b)] + ['\u1100', '\uac00', '\u0915', '\u0f40', '\u304b', '\u05d0', 'ᾰ', 'ω']
    for i in range(3000):
        t = rng.choice(bases) + ''.join(rng.choice(marks) for _ in range(rng.randrange(4))) + rng.choice(bases) + rng.choice(marks)
        h.update(u.normalize(f, t).encode('utf-8'))
    print(f, h.hexdigest())
# (names at the ends of the table)
import unicodedata as u
for cp in [0xE01EF, 0xE01F0, 0xE0200, 0x10FFFF, 0x10FFFD, 0xF0000, 0x1FBF9, 0x1FBFA, 0x2FA1D, 0x2FA1E, 0x31350, 0x3134A]:
    print(hex(cp), u.name(chr(cp), None))
print(u.lookup('VARIATION SELECTOR-256') == chr(0xE01EF))
cnt = sum(1 for cp in range(0, 0x110000, 3) if u.name(chr(cp), None))
print(cnt)
