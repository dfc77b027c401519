# bytes patterns over bytes, bytearray and memoryview, and the ASCII/LOCALE rules for bytes
import re
print(re.match(rb"(\w+)", b"hello world").group(1), re.findall(rb"\d+", bytearray(b"a12b3")), re.sub(b"a", b"\\\\x", b"aba"))
print(re.search(rb"\w+", "héllo".encode()), re.findall(rb"[\x80-\xff]+", "héllo wörld".encode("latin-1")))
m = re.search(rb"b+", memoryview(b"abbbc"))
print(m, type(m.string).__name__, m.group(), type(m.group()).__name__)
m = re.search(rb"b+", bytearray(b"abbbc"))
print(m, type(m.group()).__name__, re.sub(rb"b", b"x", bytearray(b"abc")), re.split(rb"b", bytearray(b"abc")))
print(re.match(rb"(?i)ABC", b"abc"), re.match(rb"(?i)\xe9", b"\xc9"), re.match(rb"(?L)(?i)a", b"A"))
print(re.compile(rb"a", re.L), re.compile(rb"a", re.L | re.I).flags, re.compile(rb"\s+").split(b"a \x1c b"))
print(re.compile(b"x", re.A).flags, re.compile(rb"\bx").search(b"\xe9x"), re.compile(r"\bx").search("\xe9x"))
print(re.subn(rb"(a)(b)?", rb"\2\1", b"ab a"), re.compile(rb"(?P<n>\d)").sub(rb"<\g<n>>", b"a1"))
print(re.fullmatch(rb"[^\d\s]+", b"abc"), re.escape(b"a.b"), re.compile(rb"\w") == re.compile(rb"\w"))
try:
    re.match(rb"a", memoryview(b"a").cast("B"))
    print("ok")
except Exception as e:
    print(type(e).__name__, e)
