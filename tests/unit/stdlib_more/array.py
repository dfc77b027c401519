# array: typecodes, conversions and their errors, sequence methods, repr, bytes, sys.getsizeof growth
import array, sys
print(array.typecodes, array.ArrayType is array.array, type(array.array('i')), array.array.__module__)
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.itemsize, a.typecode, repr(a), sys.getsizeof(a))
    for v in [2**70, -1, 128, 256, 2**16, 2**31, 2**32, 2**63, 'x', 1.5]:
        try:
            a.append(v)
        except (OverflowError, TypeError) as e:
            print(' ', tc, repr(v)[:6], type(e).__name__, e)
    print(' ', a)
a = array.array('i', [1, 2, 3])
for e in ['a[5]','a.pop(7)','array.array("i").pop()','a.index(9)','a.remove(9)','a.extend(array.array("d"))','a+array.array("d")','a.frombytes(b"abc")',
          'a.__setitem__(slice(0,2),[1])','a.__setitem__(9,1)','a.__setitem__(slice(0,3,2),array.array("i",[1]))', 'a*2', '2*a', 'a < array.array("d",[1.0,3])',
          'a == [1,2,3]', 'a == array.array("d", [1, 2, 3])', 'a.tounicode()', 'array.array("u","ab").tounicode()','a.fromunicode("x")', 'a[::2]', 'a[1:]', 'a[-1]', 'a.count(2)',
          'list(reversed(a))', 'array.array("i",a)', 'array.array("b", b"ab")', 'a.insert(100, 5)', 'a', 'a.insert(-100, 0)', 'a','a.tobytes()', 'a.tolist()', 'hash(a)', '3 in a', '7 in a',
          'a.fromlist([1,"x"])', 'a', 'a.__iadd__([1])', 'a.__copy__()', 'array.array("f",[0.1, 1e300])', 'array.array("i", 5)', 'array.array("z")', 'array.array("i", "abc")',
          'array.array("u", "héllo")', 'array.array("u", "hé").tobytes()', 'array.array("d", [1.5, -2]).tobytes()', 'array.array("h", b"\\x01\\x02\\x03\\x04")', 'a.index(2)', 'a.buffer_info()[1]',
          'array.array("q", range(5))', 'array.array("L", (7, 8))']:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
b = array.array('H', [1, 2, 258]); b.byteswap(); print(b)
b[1:2] = array.array('H', [9, 9, 9]); print(b); del b[::2]; print(b); b += array.array('H', [5]); b *= 2; print(b, len(b))
b.reverse(); print(b, b.pop(), b.pop(0), b); b.remove(9); print(b); b.extend([1, 2]); print(b); b.fromlist([3]); print(b); b.frombytes(b'\x00\x01'); print(b)
for init in [[], [1, 2, 3], range(10), (1, 2)]:
    a = array.array('i', init)
    print(sys.getsizeof(a), a.__sizeof__(), len(a))
print(sys.getsizeof(array.array('b', b'abcdefgh')), sys.getsizeof(array.array('u', 'hello')))
a = array.array('d')
sizes = []
for i in range(40):
    a.append(i); sizes.append(sys.getsizeof(a))
print(sizes)
for i in range(40):
    a.pop(); sizes.append(sys.getsizeof(a))
print(sizes[40:])
a = array.array('i', range(100)); del a[10:90]; print(sys.getsizeof(a)); a.extend(array.array('i', range(50))); print(sys.getsizeof(a))
print(sys.getsizeof(a[:7]), sys.getsizeof(a + a), sys.getsizeof(a * 3))
