# configparser: reading (multi-line values, comments, DEFAULT, no-value options), interpolation, mapping access, converters, write, errors
import configparser, io
text = """
# a comment
[DEFAULT]
base = /srv
debug = no

[paths]
home = %(base)s/home
logs: %(home)s/logs  ; not an inline comment by default
multi = first line
    second line

    after blank
Key With Spaces = value with spaces

[numbers]
int = 42
float = 3.5
flag = on
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults())
print(cp.get('paths', 'home'), '|', cp.get('paths', 'logs'))
print(repr(cp.get('paths', 'multi')), repr(cp['paths']['key with spaces']))
print(cp.getint('numbers', 'int'), cp.getfloat('numbers', 'float'), cp.getboolean('numbers', 'flag'), cp.getboolean('paths', 'debug'))
print(cp.get('paths', 'home', raw=True), cp.get('paths', 'missing', fallback='fb'), cp.get('nosect', 'x', fallback=None))
print(cp.get('paths', 'home', vars={'base': '/opt'}))
print(cp.items('numbers'), cp.options('numbers'))
print(list(cp), len(cp), 'paths' in cp, 'nope' in cp, cp.has_option('paths', 'HOME'), cp.has_section('DEFAULT'))
sec = cp['numbers']
print(sec, sec.name, sec.getint('int'), sec.getboolean('nope', True), sec.get('nope'), dict(sec))
cp['new'] = {'a': '1', 'B': 'two'}
cp.set('new', 'c', '100%%')
cp['new']['d'] = 'x'
del cp['new']['a']
print(cp.items('new'), cp.remove_option('new', 'zz'), cp.remove_section('nope'))
out = io.StringIO()
cp.write(out)
print(out.getvalue())
cp2 = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
cp2.read_dict({'s': {'l': 'a,b,c', 'n': 5}})
print(cp2.getlist('s', 'l'), cp2['s'].getlist('l'), cp2['s']['n'])
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\ny = ${x}-$$\n[b]\nz = ${a:y}/z\n")
print(ext['b']['z'], ext.get('a', 'y'))
raw = configparser.RawConfigParser()
raw.read_string("[s]\nv = %(nothing)s\n")
print(raw.get('s', 'v'))
nv = configparser.ConfigParser(allow_no_value=True, inline_comment_prefixes=(';',), delimiters=('=',))
nv.read_string("[s]\nflag\nkey = value ; comment\nurl = a:b\n")
print(nv.items('s'))
errors = [
    lambda: cp.get('nosect', 'x'),
    lambda: cp.get('paths', 'nothing'),
    lambda: cp.add_section('paths'),
    lambda: cp.add_section('DEFAULT'),
    lambda: configparser.ConfigParser().read_string("key = value\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nx=1\n[a]\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nx=1\nX=2\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nx=1\nbad line\n=novalue\n"),
    lambda: (cp.set('new', 'bad', '%(nope)s'), cp.get('new', 'bad')),
    lambda: cp.set('new', 'bad2', '100%'),
    lambda: cp.set('new', 'n', 5),
    lambda: cp.getint('paths', 'home'),
    lambda: cp.getboolean('paths', 'home'),
    lambda: (cp.set('new', 'loop', '%(loop)s'), cp.get('new', 'loop')),
    lambda: cp['nosect'],
    lambda: ext.get('a', 'y', vars={'x': '$bad'}),
]
for f in errors:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, e.args if isinstance(e, configparser.Error) else '')
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH, configparser.ConfigParser.BOOLEAN_STATES['yes'])
