# tokenize: TokenInfo tuples for bytes and str sources (encodings, indents, comments, strings, f-strings), untokenize, errors
import io, tokenize, token
src = b'''# coding: latin-1
def f(a, b=2, *args, **kw):
    """doc"""
    x = a ** 2 + 0x1f - 1.5e3j  # comment
    if x >= 10 and b != 3:
        return f"{x!r:>10} and {b}"
    s = rb'raw\\n' + 'multi' \\
        'line'
    t = (1,
         2)  # inside
    return [x for x in (a, b)] @ ...

class C: pass
async def g(): await h() ; x := 1
'''
for tok in tokenize.tokenize(io.BytesIO(src).readline):
    print(tok)
print(tokenize.untokenize(tokenize.tokenize(io.BytesIO(src).readline)) == src)
text = "x = '''a\nb'''\nif x:\n\ty = [1,\n 2]\n\n# end"
toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
for t in toks:
    print(t.type, token.tok_name[t.exact_type], repr(t.string), t.start, t.end)
print(tokenize.untokenize(toks) == text)
print(repr(tokenize.untokenize([(t.type, t.string) for t in toks])))
for bad in ["x = (1,\n", "s = '''abc\n", "if 1:\n    x\n  y\n"]:
    try:
        list(tokenize.generate_tokens(io.StringIO(bad).readline))
    except (tokenize.TokenError, IndentationError) as e:
        print(type(e).__name__, e.args)
print(list(tokenize.generate_tokens(io.StringIO("$ ?").readline))[:3])
print(tokenize.detect_encoding(io.BytesIO(b'\xef\xbb\xbfx = 1\n').readline))
print(tokenize.detect_encoding(io.BytesIO(b'#!/usr/bin/python\n# -*- coding: utf-8 -*-\n').readline))
print(tokenize.detect_encoding(io.BytesIO(b'x = 1\n').readline))
try:
    tokenize.detect_encoding(io.BytesIO(b'# coding: nonesuch\n').readline)
except SyntaxError as e:
    print('SyntaxError', e)
print(tokenize.TokenInfo(1, 'a', (1, 0), (1, 1), 'a'))
print(tokenize.TokenInfo(54, '+=', (1, 0), (1, 2), '').exact_type)

# Edge cases of the scanner: prefixes, unterminated strings, operators, numbers, continuations
snips = ["x = rb'a\\'b' + Rb\"c\" + f'{x!r}' + u'd' + BR'''e'''\n", "s = 'abc\n", "t = r'abc\\\n  def'\n",
         "a->b := c ... != $ ? ` @= //= **= >>= <<=\n", "π = 1_000 + 0x_1f + 0b101 + 0o17 + 1.e5j + .5 + 1e-3 + 5J + 1if x else 2\n",
         "x = 1 \\\n  + 2\r\n", "\fdef f():\n\treturn 1\n", "x = '''a\nb\nc'''  # end\n", "é_ñ = ü\n", "09 + 00 + 0_0\n",
         "x = f'{a}' f\"{b!s:>{w}}\"\n", "if x:\n    pass\n  # comment at odd indent\n", "\\\n", "x = (1,\n\n 2)\n",
         "a\rb\n", "b'\\\n", "'''x", "x = 1", "  \n", "#only\n", "rb", "x = 'a' 'b'\\\n 'c'\n"]
for s in snips:
    try:
        toks = [(tokenize.tok_name[t.type], t.string, t.start, t.end) for t in tokenize.generate_tokens(io.StringIO(s).readline)]
        print(repr(s), toks)
    except Exception as e:
        print(repr(s), type(e).__name__, e)
