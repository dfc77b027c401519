# urllib.parse: urlparse/urlsplit/urlunparse/urljoin/urldefrag, netloc attributes, quote/unquote, urlencode, parse_qs/parse_qsl
from urllib.parse import *
import urllib.parse
u = urlparse('HTTPS://user:pw@Example.COM:8080/a/b;p=1?q=1&r=2#frag')
print(u, u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.geturl())
print(u._replace(fragment='', query=''), u[2], tuple(u) == (u.scheme, u.netloc, u.path, u.params, u.query, u.fragment))
for s in ['http://[::1]:80/x', 'mailto:someone@example.com', 'file:///etc/hosts', '//host/path', 'path/only?x=1', 'a:b', '  http://x.org/ sp',
          'http://x.org/p?q#f', 'http://h\n.org/\tp', 'git+ssh://git@github.com/o/r.git']:
    print(repr(s), urlsplit(s), urlparse(s).hostname)
print(urlsplit('http://x/p#f', allow_fragments=False), urlunsplit(('http', 'x.org', 'p', 'q=1', '')), urlunparse(('', '', 'a', 'b', '', 'f')))
base = 'http://a/b/c/d;p?q'
for rel in ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', ';x', '', '.', './', '..', '../', '../g', '../..', '../../g', '../../../g', 'g.', 'g/../h', 'https://other/x']:
    print(repr(rel), urljoin(base, rel))
print(urldefrag('http://x/p?q#frag'), urldefrag('http://x/p'), urljoin('', 'x'), urljoin('http://a/b', ''))
print(quote('a b&c/d?é'), quote('/path with/', safe=''), quote(b'\x00\xff'), quote_plus('a b+c/d'), quote_plus('x y', safe='/'), quote('~_.-'))
print(unquote('a%20b%2Fc%C3%A9%zz%'), unquote_plus('a+b%2Bc'), unquote('%E2%82'), unquote_to_bytes('%41%4a%zz'), unquote(b'%41'))
print(urlencode({'q': 'hello world', 'n': 1, 'e': 'é&=', 'b': b'\x01'}), urlencode([('a', [1, 2]), ('b', 'xy')], doseq=True), urlencode([('a', [1, 2])]))
print(urlencode({'p': '/a b/'}, quote_via=quote), urlencode({'p': '/a'}, safe='/'))
print(parse_qs('a=1&b=2&a=3&c=&d'), parse_qs('a=1&c=&d', keep_blank_values=True), parse_qsl('x=%20y+z&w=%E2%82%AC'), parse_qsl('a=1;b=2', separator=';'))
for bad in ["urlparse('http://[::1/x')", "urlparse('http://x:port/').port", "urlparse('http://x:99999/').port", "parse_qsl('a', strict_parsing=True)",
            "parse_qs('a=1&b=2', max_num_fields=1)", "urlencode('abc')", "quote_from_bytes('s')", "urljoin('http://a', b'b')"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
