# frozenset constants (x in {...}, set displays) iterate in CPython's order: rebuilt when merged, and again when an item is swapped for an identifier the parser interned first (string hashing under PYTHONHASHSEED=0)
npgettext = 1
def install(names):
    allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
    return allowed & set(names)
def f(name):
    return name in {'alpha', 'beta', 'gamma', 'delta', 'epsilon'}
def g(name):
    return name in {'red', 'green', 'blue', 'cyan'}
def red():
    pass
for fn in (install, f, g):
    print([c for c in fn.__code__.co_consts if isinstance(c, frozenset)])
print(frozenset(('gettext', 'ngettext', 'npgettext', 'pgettext')), {'a', 'b', 'c', 'd', 'e'})
print(sorted(install(['gettext', 'x'])), f('beta'), g('pink'))
