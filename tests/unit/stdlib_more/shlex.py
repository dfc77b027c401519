# shlex.split/quote/join, posix and non-posix lexing, comments, punctuation_chars and errors
import shlex
for s in ['ls -l "my file.txt" \'single q\' back\\ slash', 'a"b c"d \'e\'"f"', 'echo "x \\"y\\" \\\\ \\$z"', '  lead  trail  ', '""', "''",
          'cmd # comment here', 'a\\\nb', "it's' 'quoted'", 'x=1 y="2 3"']:
    print(repr(s), shlex.split(s))
print(shlex.split('cmd # comment', comments=True), shlex.split('a "b c" d', posix=False))
print(list(shlex.shlex('a && b; c|d > out', punctuation_chars=True)), list(shlex.shlex('foo(bar, "x y")')))
lex = shlex.shlex('one two "three four"', posix=True); lex.whitespace_split = True
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno)
print(shlex.quote(''), shlex.quote('safe-name_1.txt'), shlex.quote("it's here"), shlex.quote('$HOME; rm'), shlex.join(['echo', 'a b', "c'd", '']))
for bad in ['"unterminated', "'also", 'trailing\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), '->', e)
