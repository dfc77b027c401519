# compile(..., 'single'), as the REPL compiles a line: more than one simple statement is reported at the NEWLINE that ends the first, a statement after a compound one is "invalid syntax" at its first token
for src in ['x = 1\nx', 'x = 1\ny = 2', 'x = 1; y = 2', 'if x:\n    pass\ny = 1', 'x = 1\n\n', 'x = 1\n# c\n',
            'def f():\n    pass\nf()', 'x = 1\n  y = 2', '\nx = 1\nprint(x)\n', 'if x:\n    pass\n', 'for i in y: pass\nz',
            'x = 1 # c\n# more\n', '@d\ndef f(): pass\nx', 'class A: pass\n']:
    try:
        compile(src, '<stdin>', 'single')
        print(repr(src), 'ok')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
