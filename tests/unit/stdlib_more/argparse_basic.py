# argparse: optionals, positionals, nargs, actions, choices, help/usage text, errors exit 2
import argparse, sys

def run(p, argv):
    print('>>', argv, flush=True)
    try:
        ns = p.parse_args(argv)
        print(ns, flush=True)
    except SystemExit as e:
        sys.stderr.flush()
        print('exit', e.code, flush=True)

p = argparse.ArgumentParser(prog='demo', description='A demo program that does things with files and numbers.',
                            epilog='See the manual for more.')
p.add_argument('files', nargs='+', metavar='FILE', help='input files')
p.add_argument('-n', '--count', type=int, default=3, help='how many (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-q', action='store_true', help='quiet')
p.add_argument('--no-color', dest='color', action='store_false')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append', help='add a tag')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--version', action='version', version='%(prog)s 1.0')
p.add_argument('--pair', nargs=2, type=float, metavar=('X', 'Y'))
p.add_argument('--opt', nargs='?', const='C', default='D')
run(p, ['a.txt'])
run(p, ['a', 'b', '-n', '5', '-vvv', '--tag', 'x', '--tag=y', '--no-color', '--mode', 'slow'])
run(p, ['a', '--pair', '1', '2.5', '--opt'])
run(p, ['a', '--opt', 'Z', '-qv'])
run(p, [])
run(p, ['a', '-n', 'x'])
run(p, ['a', '--mode', 'medium'])
run(p, ['a', '--bogus', 'b'])
run(p, ['a', '--pair', '1'])
run(p, ['a', '--ver'])
run(p, ['-h'])
run(p, ['a', '--co'])
run(p, ['a', '-n'])
p.print_usage()
print(p.format_usage(), end='')
print(repr(p))
ns, rest = p.parse_known_args(['a', '--extra', 'x', '-n', '2'])
print(ns, rest)
print(argparse.Namespace(a=1, b='x') == argparse.Namespace(a=1, b='x'), 'a' in argparse.Namespace(a=1))
