# code: InteractiveConsole.push with continuation lines, errors and tracebacks printed as the prompt does, interact() with a readfunc
import code, sys
sys.stderr = sys.stdout
con = code.InteractiveConsole({'__name__': '__console__'})
for line in ['x = 6', 'x * 7', 'def f(n):', '    return n + 1', '', 'f(x)', 'if x:', '  print("yes")', '',
             'undefined_name', '1/0', 'x = (', '1)', 'x', 'a b', 'for i in range(2): print(i)', '']:
    more = con.push(line)
    print('more' if more else 'done', repr(line))
lines = iter(['y = 2', 'y ** 10', 'raise ValueError("boom")', 'import sys; sys.ps1'])
def reader(prompt):
    print('prompt', repr(prompt))
    try:
        return next(lines)
    except StopIteration:
        raise EOFError
code.interact(banner='banner!', readfunc=reader, local={}, exitmsg='bye')
ii = code.InteractiveInterpreter()
print(ii.runsource('1 + 2'), ii.runsource('1 2'))
print(sorted(k for k in ii.locals if k != '__builtins__'))
