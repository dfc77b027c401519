# marshal: simple values are written byte for byte as CPython writes them, and read back
import marshal

values = [None, True, False, Ellipsis, StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**100, -3**70, 0.0, -0.0, 1.5, float("inf"), 1e300, 2j, complex(1.5, -2),
          "", "a", "name_like", "with space", "é", "snow ☃", "x" * 300, b"", b"bytes\x00\xff",
          (), (1,), tuple(range(300)), [], [1, [2, [3]]], {}, {"a": 1, "b": [2]},
          set(), {1}, frozenset(), frozenset({"q"})]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(v)[:40], data.hex()[:80], len(data), back == v or v != v)
for version in range(5):
    print(version, marshal.dumps((1, "ab", [2.5, "ab"], {3}), version).hex())
shared = ["s"] * 3
print(marshal.dumps(shared).hex())
print(marshal.loads(b"i\x01\x00\x00\x00extra"))
for data in (b"", b"i\x01", b"s\x05\x00\x00\x00ab", b"\x01", b"r\x00\x00\x00\x00", b"[\x01\x00\x00\x00",
             b"l\x01\x00\x00\x00\xff\xff", b"0", b"(\xff\xff\xff\xff"):
    try:
        print(repr(marshal.loads(data)))
    except Exception as e:
        print(type(e).__name__, e)
