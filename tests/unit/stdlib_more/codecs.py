# codecs: the registry, CodecInfo, charmap/UTF-7/escape/bytes codecs, error handlers (built-in and registered), incremental and stream codecs
import codecs, os, tempfile
_fd, _path = tempfile.mkstemp(); os.close(_fd)
for n in ['utf-8','latin1','utf-16','cp1252','cp437','iso-8859-15','mac-roman','koi8-r','utf-7','unicode_escape','raw_unicode_escape','rot13','hex','base64','utf-8-sig','utf_16_le','ascii','UTF8','utf-32-be']:
    ci = codecs.lookup(n); print(n, ci.name, ci._is_text_encoding)
print(codecs.encode(b'hi','base64'), codecs.decode('nop','rot13'), codecs.encode(b'ab', 'hex'))
print('€‚ƒ'.encode('cp1252'), b'\x80\x82'.decode('cp1252'), 'Привет'.encode('koi8-r'))
print('a+b€'.encode('utf-7'), 'hello world!~\\\\'.encode('utf-7'), b'a+-b+IKw-'.decode('utf-7'))
try: '\u0100\u0101a'.encode('cp1252')
except UnicodeEncodeError as e: print(e)
try: b'\x81'.decode('cp1252')
except UnicodeDecodeError as e: print(e)
try: 'a'.encode('FOO bar')
except LookupError as e: print(e)
try: 'x'.encode('hex')
except LookupError as e: print(e)
try: b'x'.decode('rot13')
except LookupError as e: print(e)
try: codecs.encode(b'x','rot13')
except TypeError as e: print(e)
print('aé€😀'.encode('ascii', 'namereplace'), 'é'.encode('cp437', 'xmlcharrefreplace'))
codecs.register_error('myrep', lambda e: ('<%d-%d>' % (e.start, e.end), e.end))
print('aéb€'.encode('ascii', 'myrep'), b'a\xffb'.decode('utf-8', 'myrep'), 'aéb€'.encode('cp437', 'myrep'))
enc = codecs.getincrementalencoder('utf-8')()
print(enc.encode('é'), enc.encode('x', True))
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xc3')), repr(dec.decode(b'\xa9')))
print(list(codecs.iterencode(['a', 'é'], 'utf-16')), list(codecs.iterdecode([b'\xff\xfea', b'\x00'], 'utf-16')))
print(codecs.getencoder('latin-1')('abc'), codecs.getdecoder('utf-8')(b'xy'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_BE, codecs.BOM_UTF32)
print('x'.encode('utf-8-sig'), b'\xef\xbb\xbfx'.decode('utf-8-sig'))
print(codecs.decode(b'\\N{LATIN SMALL LETTER E WITH ACUTE}\\x41', 'unicode_escape'))
with codecs.open(_path, 'w', encoding='utf-16') as f:
    f.write('héllo\n')
with codecs.open(_path, encoding='utf-16') as f:
    print(repr(f.read()))
print(open(_path,'rb').read())
print(str(b'caf\xe9', 'cp1252'), bytes('café', 'mac-roman'), 'ab'.encode('utf-32'))
print("\N{GREEK SMALL LETTER ALPHA}\N{snowman}")
os.remove(_path)
print(codecs.lookup_error('strict') is codecs.strict_errors, codecs.lookup('utf8') is codecs.lookup('UTF-8'))

# More codecs and handlers, one call each
for f in [lambda: 'é'.encode('ascii', 'foo'), lambda: b'\xff'.decode('utf-8', 'foo'), lambda: 'a'.encode('ascii', 'foo'),
          lambda: codecs.lookup(5), lambda: codecs.lookup_error('nope'), lambda: codecs.encode('x', 'nope'),
          lambda: 'é'.encode('cp1252', 'strict'), lambda: 'ü€'.encode('latin-1', 'xmlcharrefreplace'),
          lambda: b'\x80abc'.decode('ascii', 'backslashreplace'), lambda: b'\x80abc'.decode('cp437'),
          lambda: b'\xd0\xf0'.decode('koi8-r'), lambda: 'abc'.encode('utf-16-be'), lambda: b'\x00a\x00b'.decode('utf_16_be'),
          lambda: 'x\udcff'.encode('utf-8', 'surrogateescape'), lambda: b'a\xffb'.decode('utf-8', 'surrogateescape'),
          lambda: '\ud800'.encode('utf-8', 'surrogatepass'), lambda: codecs.decode(b'68656c6c6f', 'hex'),
          lambda: codecs.decode(b'aGVsbG8=\n', 'base64'), lambda: codecs.encode('abc', 'rot_13'),
          lambda: b'caf\xc3\xa9'.decode('UTF8'), lambda: 'x'.encode('utf-8-sig'), lambda: bytes('€', 'iso8859_15'),
          lambda: str(b'\xa4', 'iso-8859-15'), lambda: 'é'.encode('ascii', 'namereplace'), lambda: b'\xe9'.decode('mac_roman'),
          lambda: codecs.charmap_build('ab'), lambda: codecs.utf_16_ex_decode(b'\xfe\xff\x00a'),
          lambda: codecs.escape_encode(b"a'\n\x00"), lambda: codecs.escape_decode(b"a\\n\\x41"),
          lambda: codecs.register(1), lambda: codecs.getincrementaldecoder('hex'), lambda: codecs.lookup('utf-8').name,
          lambda: '\u20ac'.encode('utf-7'), lambda: b'+AKM-1'.decode('utf-7'), lambda: 'ABC'.encode('cp037'),
          lambda: 'été'.encode('ascii', 'ignore'), lambda: b'\xff\xfe'.decode('ascii', 'replace'), lambda: codecs.decode(b'abc', 'unicode_escape'),
          lambda: codecs.encode('\u1234x\n', 'unicode_escape'), lambda: codecs.encode('\u1234x\xe9', 'raw_unicode_escape'), lambda: codecs.decode('\\u00e9', 'unicode_escape')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# The built-in error handlers, called directly
print(codecs.strict_errors, codecs.lookup_error('replace'), codecs.backslashreplace_errors.__name__)
try:
    codecs.strict_errors(ValueError('x'))
except ValueError as e:
    print('ValueError', e)
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'aéb', 1, 2, 'r')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'aéb', 1, 2, 'r')))
print(codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xffb', 1, 2, 'r')))
try:
    codecs.ignore_errors(ValueError())
except TypeError as e:
    print('TypeError', e)

# Text files in codecs with a byte order mark write it once, at the start
_fd, _path = tempfile.mkstemp(); os.close(_fd)
for enc in ['utf-8-sig', 'utf-16', 'utf-32', 'cp1252']:
    with open(_path, 'w', encoding=enc) as f:
        f.write('a\n'); f.write('b\n')
    with open(_path, 'a', encoding=enc) as f:
        f.write('c')
    print(enc, open(_path, 'rb').read(), repr(open(_path, encoding=enc).read()))
os.remove(_path)
