# argparse: subparsers, mutually exclusive groups, argument groups, formatter classes, wrapped usage, type errors
import argparse, sys

def run(p, argv):
    print('>>', argv, flush=True)
    try:
        ns = p.parse_args(argv)
        print(ns, flush=True)
    except SystemExit as e:
        sys.stderr.flush()
        print('exit', e.code, flush=True)

p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='sub-command help')
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
pu = sub.add_parser('push', aliases=['p'], help='update remote')
pu.add_argument('remote', nargs='?', default='origin')
pu.add_argument('branch', nargs='*')
pu.set_defaults(func='push!')
run(p, ['commit', '-m', 'hi'])
run(p, ['--debug', 'push', 'up', 'main', 'dev'])
run(p, ['p'])
run(p, ['commit'])
run(p, ['pull'])
run(p, [])
run(p, ['-h'])
run(p, ['commit', '-h'])
run(p, ['push', '--help'])

q = argparse.ArgumentParser(prog='mx')
g = q.add_mutually_exclusive_group(required=True)
g.add_argument('--on', action='store_true')
g.add_argument('--off', action='store_true')
grp = q.add_argument_group('advanced', 'Advanced options here.')
grp.add_argument('--level', type=int, choices=range(1, 4), help='level %(choices)s')
q.add_argument('x', type=int, help='an integer with a very long help text that will need to be wrapped over several lines in the help output')
run(q, ['--on', '--off', '1'])
run(q, ['1'])
run(q, ['--on', '1', '--level', '5'])
run(q, ['--on', '-5'])
run(q, ['--help'])

r = argparse.ArgumentParser(prog='r', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
r.add_argument('--size', type=int, default=10, help='the size')
r.add_argument('--name', default='bob', help='the name')
r.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True, help='a flag')
r.add_argument('rest', nargs=argparse.REMAINDER)
run(r, ['--no-flag', 'a', '--size', '3'])
run(r, ['-h'])

s = argparse.ArgumentParser(prog='s', formatter_class=argparse.RawDescriptionHelpFormatter,
                            description='''line one
    indented line two
''', add_help=False)
s.add_argument('--x', type=lambda v: int(v, 16), help=argparse.SUPPRESS)
s.add_argument('--y', type=argparse.FileType('r'))
s.add_argument('n', nargs=3)
run(s, ['1', '2', '3', '--x', 'ff'])
run(s, ['1', '2'])
run(s, ['1', '2', '3', '--x', 'zz'])
run(s, ['1', '2', '3', '--y', '/nonexistent/file'])
s.print_help()
t = argparse.ArgumentParser(prog='a_very_long_program_name_that_goes_on_and_on')
for i in range(12):
    t.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i)
t.add_argument('positional_one')
t.add_argument('positional_two', nargs='+')
t.print_usage()
try:
    t.add_argument('--option-number-1')
except argparse.ArgumentError as e:
    print(e)
try:
    t.add_argument('x', required=True)
except TypeError as e:
    print(e)
def positive(v):
    n = int(v)
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive")
    return n
u = argparse.ArgumentParser(prog='u', exit_on_error=False)
u.add_argument('n', type=positive)
try:
    u.parse_args(['-3'])
except argparse.ArgumentError as e:
    print('caught', e)
