# getopt: short and long options, GNU mode, errors
import getopt
print(getopt.getopt(['-a', '-b', 'val', '--long=x', '--flag', 'rest', '-c'], 'ab:c', ['long=', 'flag']))
print(getopt.getopt(['-abval', 'x'], 'ab:'))
print(getopt.gnu_getopt(['a', '-a', 'b', '--lo', 'v', 'c'], 'a', ['long=']))
print(getopt.getopt(['--', '-a'], 'a'))
print(getopt.gnu_getopt(['x', '--', '-a'], 'a'))
print(getopt.getopt(['--fl'], '', ['flag', 'flow']) if False else getopt.getopt(['--fla'], '', ['flag', 'flow']))
for args, short, long in [(['-z'], 'a', []), (['-b'], 'b:', []), (['--nope'], '', ['yes']),
                          (['--long'], '', ['long=']), (['--flag=1'], '', ['flag']),
                          (['--f'], '', ['flag', 'flow'])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(type(e).__name__, e, repr(e.msg), repr(e.opt))
print(getopt.error is getopt.GetoptError)
