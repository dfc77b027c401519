# uuid (UUID parts and forms, uuid1/3/4/5) and secrets (tokens from os.urandom): shapes and deterministic results
import uuid, secrets, string
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.urn, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.time, u.clock_seq, u.node)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u, uuid.UUID('urn:uuid:' + str(u)) == u, int(u) == u.int)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x'), uuid.NAMESPACE_OID)
u4 = uuid.uuid4(); u1 = uuid.uuid1(); u1b = uuid.uuid1()
print(u4.version, u4.variant, len(str(u4)), u1.version, u1.variant, u1b.time > u1.time, u4 != u1, sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), uuid.UUID(int=0).version, uuid.getnode() == uuid.getnode())
print(hash(u) == hash(u.int), {u: 1}[uuid.UUID(str(u))], uuid.UUID(int=2, version=4), uuid.SafeUUID.unknown, u.is_safe)
for bad in ["uuid.UUID('xyz')", "uuid.UUID()", "uuid.UUID(bytes=b'1')", "uuid.UUID(int=-1)", "uuid.UUID(fields=(1, 2, 3, 4, 5, 1 << 48))", "uuid.UUID(int=1, version=9)", "setattr(u, 'int', 3)", "u < 3"]:
    try:
        print(eval(bad))
    except (ValueError, TypeError) as e:
        print(bad, '->', type(e).__name__, e)
t = secrets.token_hex(16); b = secrets.token_bytes(); s = secrets.token_urlsafe(10)
print(len(t), all(c in string.hexdigits for c in t), len(b), type(b).__name__, len(s), secrets.token_hex(0), secrets.choice('a') , 0 <= secrets.randbelow(10) < 10, secrets.randbits(8) < 256, secrets.compare_digest('a', 'a'))
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
try:
    uuid.uuid5(uuid.NAMESPACE_URL, b"x")
except TypeError as e:
    print(e)
