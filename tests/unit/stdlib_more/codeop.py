# codeop: compile_command tells complete commands (code), incomplete ones (None) and errors apart
import codeop
for s in ['if 1:\n  pass', 'if 1:\n  pass\n', 'def f():\n  return 1\n\n', 'x = (1,', "'''abc", 'x = 1', 'if 1:',
          '1 +\\', '@dec', 'for x in y:\n', 'class A:\n  x = 1\n  y = 2', 'if 1:\n  x = 1\n', '', '# c',
          'if 1:\n  pass\nelse:', 'try:\n  pass\n', 'x = """a\n', 'a = [1,\n 2', 'x = 1 +', '1 2', 'def f(:']:
    try:
        r = codeop.compile_command(s)
        print(repr(s), 'None' if r is None else type(r).__name__)
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e)
c = codeop.compile_command('x + 1', '<expr>', 'eval')
print(eval(c, {'x': 41}), c.co_filename)
cc = codeop.CommandCompiler()
print(cc('from __future__ import annotations') is not None)
print(cc('def f(x: undefined_name): pass'))
code = cc('def f(x: undefined_name): pass\n')
ns = {}
exec(code, ns)
print(ns['f'].__annotations__)
print(codeop.compile_command('print(6*7)', symbol='exec') is not None)
