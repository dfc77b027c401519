# base64/binascii: b64 (standard, urlsafe, altchars, validate), b32, b32hex, b16, b85, encodebytes, hexlify, crc32 and their errors
import base64, binascii
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40], b'\xfb\xff\xfe']:
    e64 = base64.b64encode(data); e32 = base64.b32encode(data); e85 = base64.b85encode(data)
    print(e64, base64.urlsafe_b64encode(data), e32, base64.b32hexencode(data), base64.b16encode(data), e85, base64.b85encode(data, pad=True))
    assert base64.b64decode(e64) == data and base64.b32decode(e32) == data and base64.b85decode(e85) == data
    assert base64.b32hexdecode(base64.b32hexencode(data)) == data and base64.b16decode(base64.b16encode(data)) == data
print(base64.b64decode('aGVsbG8gd29ybGQ='), base64.b64decode(b'aGVs bG8=\n'), base64.urlsafe_b64decode('-_-_'), base64.b64encode(b'\xfb\xff', altchars=b'-_'))
print(base64.b64decode(b'YWI=extra'), base64.b64decode(bytearray(b'YQ==')), base64.standard_b64decode(base64.standard_b64encode(b'x')))
print(base64.b32decode('mzxw6===', casefold=True), base64.b32decode('MZXW6YQ1', map01='L'), base64.b16decode('666f6f', casefold=True))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(binascii.hexlify(b'\x01\xab'), binascii.hexlify(b'\x01\xab\xcd', '-'), binascii.unhexlify('01AB'), binascii.b2a_base64(b'hi'), binascii.a2b_base64('aGk='))
print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'hello', 0))
for bad in ["base64.b64decode('abc')", "base64.b64decode('a')", "base64.b64decode('abcde')", "base64.b64decode('ab!c', validate=True)",
            "base64.b64decode('=abc', validate=True)", "base64.b64decode('ab==cd', validate=True)", "base64.b64decode('é')",
            "base64.b64encode('text')", "base64.b64decode(3)", "base64.b32decode('abc')", "base64.b32decode('MZXW6===', casefold=False) and base64.b32decode('mzxw6===')",
            "base64.b32decode('MZXW6Y==')", "base64.b16decode('0g')", "base64.b85decode(b'|NsC0~')", "base64.b85decode(b'\"')",
            "binascii.unhexlify('abc')", "binascii.unhexlify('zz')", "base64.encodebytes('s')", "issubclass(binascii.Error, ValueError)"]:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
for data in [b'', b'\0\0\0\0', b'    x', b'hello world!', bytes(range(250, 256)) * 3, b'\0\0']:
    e = base64.a85encode(data)
    print(e, base64.a85encode(data, foldspaces=True, adobe=True, wrapcol=7), base64.a85encode(data, pad=True), base64.a85decode(e) == data)
print(base64.a85decode(b'<~87cURD]i,"Ebo80~>', adobe=True), base64.a85decode('z 9jqo^'), base64.a85decode(b'y', foldspaces=True))
for bad in ["base64.a85decode(b'abz')", "base64.a85decode(b'x~>', adobe=True) and base64.a85decode(b'abc', adobe=True)", "base64.a85decode(b'{')", "base64.a85decode(b'uuuuu')"]:
    try:
        print(eval(bad))
    except ValueError as e:
        print(bad, '->', e)
