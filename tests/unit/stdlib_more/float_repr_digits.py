# float repr: the shortest round-trip digits for random bit patterns, rounded decimals and quotients (a hash of 40000 reprs against CPython's)
import random, struct
random.seed(7)
vals = [0.1, 0.2, 0.3, 1.2345, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789012345.0, 1234567890123456.0, 0.30000000000000004, 9.999999999999999e22, 1e-7, 123.456, 100.0, 1e16, 1e15, 999999999999999.9, 4.35, 0.1 + 0.7]
for i in range(20000):
    bits = random.getrandbits(64)
    v = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if v == v and v not in (float("inf"), float("-inf")): vals.append(v)
for i in range(10000):
    vals.append(round(random.uniform(-1e6, 1e6), random.randint(0, 12)))
    vals.append(random.randint(1, 10**6) / random.choice([10, 100, 1000, 3, 7]))
import hashlib
h = hashlib.sha256("\n".join(map(repr, vals)).encode()).hexdigest()
print(len(vals), h)
