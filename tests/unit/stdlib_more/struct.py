# pack/unpack every format code in every byte order, native alignment, floats, Struct, errors
import struct
vals = {'b': -5, 'B': 200, 'h': -300, 'H': 60000, 'i': -70000, 'I': 4000000000, 'l': -2**40, 'L': 2**40, 'q': -2**62, 'Q': 2**63 + 5,
        'n': -7, 'N': 7, 'P': 4096, 'e': 1.5, 'f': 3.14, 'd': 2.718281828, '?': True, 'c': b'z'}
for order in '@=<>!':
    for code, v in vals.items():
        if order != '@' and code in 'nNP':
            continue
        if order in '=<>!' and code in 'lL':
            v = v // 2**20
        fmt = order + code
        data = struct.pack(fmt, v)
        print(fmt, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))
for fmt in ['bi', '@bi', '=bi', 'bq', 'hbd', 'c3xi', '3s2h', '5p', '0s', 'ii0q', 'b0l', '?e', 'xbxhxixqx', ' i  h ', '2c2?', '10s', '0p']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('3s2h', b'abcdef', 1, 2), struct.pack('5p', b'hi'), struct.pack('3p', b'hello'), struct.pack('10s', b'hi'))
print(struct.unpack('5p', b'\x02hixx'), struct.unpack('3s2h', struct.pack('3s2h', b'ab', -1, 2)))
for x in [0.0, -0.0, 1.0, -2.5, 1e-300, 5e-324, 1e300, float('inf'), -float('inf'), 65504.0, 65519.0, 1e-7, 6e-8, 3.0e-5, 1/3, 0.1, 1e38, 3.4028235e38, 1e-40, 1e-46]:
    out = [x]
    for c in 'efd':
        try:
            d = struct.pack('<' + c, x); out.append((d.hex(), struct.unpack('<' + c, d)[0]))
        except OverflowError as e:
            out.append(str(e))
    print(*out)
print(struct.pack('>d', float('nan')).hex(), struct.pack('<f', -float('nan')).hex(), struct.unpack('<e', b'\x00\x7e'), struct.pack('f', 1e300).hex())
s = struct.Struct('<hhl')
print(s.size, s.format, s.pack(1, 2, 3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'))
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, -3); print(buf)
struct.pack_into('<h', buf, -2, 7); print(buf, struct.unpack_from('<h', buf, 2), struct.unpack_from('<h', buf, offset=-2), struct.unpack_from('<2h', buf))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), struct.iter_unpack('<h', b'ab').__length_hint__())
print(struct.unpack('<i', bytearray(b'\x01\x02\x03\x04')), struct.unpack('<i', memoryview(b'\x01\x02\x03\x04')), struct.pack(b'<h', 5))
class Idx:
    def __index__(self): return 42
print(struct.pack('<i', Idx()), struct.pack('?', []), struct.pack('<d', 3), struct.pack('i', True), struct.unpack('??', b'\x00\x05'))
print(struct.error.__module__, issubclass(struct.error, Exception))
bad = ["struct.pack('b',200)","struct.pack('B',-1)","struct.pack('h',1<<20)","struct.pack('>h',1<<20)","struct.pack('>H',-1)","struct.pack('i',1<<40)","struct.pack('I',-1)",
"struct.pack('l',1<<70)","struct.pack('<l',1<<40)","struct.pack('<L',1<<40)","struct.pack('>q',1<<70)","struct.pack('>Q',-1)","struct.pack('<Q',-1)","struct.pack('P',1<<70)",
"struct.pack('i','x')","struct.pack('i',1.5)","struct.pack('f','x')","struct.pack('e',1e10)","struct.pack('<f',1e300)","struct.pack('c',b'ab')","struct.pack('c','a')","struct.pack('s','a')","struct.pack('p',1)",
"struct.pack('ii',1)","struct.pack('i',1,2)","struct.unpack('i',b'abc')","struct.pack('z',1)","struct.pack('<n',1)","struct.pack('<P',1)","struct.calcsize('3')","struct.pack('?')",
"struct.unpack_from('i',b'abcde',2)","struct.unpack_from('i',b'abcde',-10)","struct.iter_unpack('i',b'abcde')","struct.iter_unpack('',b'')","struct.pack_into('i',bytearray(3),0,1)","struct.pack_into('i',bytearray(8),6,1)","struct.pack_into('i',b'xxxx',0,1)",
"struct.pack(1,1)","struct.Struct('i').pack(1,2)","struct.pack_into('i',bytearray(8),-20,1)","struct.unpack_from('i',b'abcde',offset=6)",
"struct.pack('x',1)","struct.unpack('i', 'abcd')","struct.pack('s',1)","struct.pack('q', 2.0)","struct.calcsize('99999999999999999999i')","struct.calcsize('<3')"]
for b in bad:
    try: print(b, '->', eval(b))
    except Exception as e: print(b, '!!', type(e).__name__, e)
