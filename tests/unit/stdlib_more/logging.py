# levels, the last-resort handler, basicConfig's default format, loggers in a hierarchy, Formatter styles, exc_info
import logging, sys
log = logging.getLogger('app')
log.info('not shown'); log.warning('last resort: %s', 'just the message')
logging.warning('Watch out %d', 3)
logging.info('hidden at WARNING'); logging.error('an error'); logging.critical('crit')
print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15), logging.root.level, logging.WARNING, log.getEffectiveLevel(), log.parent is logging.root)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[%(levelname)-8s] %(name)s: %(message)s'))
log.addHandler(h); log.setLevel(logging.DEBUG); log.propagate = False
log.debug('debug %s', 'on'); log.info('dict %(a)s', {'a': 1})
child = logging.getLogger('app.db')
print(child.parent is log, child.getEffectiveLevel(), logging.getLogger('app') is log, repr(log), repr(child), repr(logging.root))
child.warning('from child')
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter('{levelname}|{name}|{message}', style='{'))
child.addHandler(h2); child.error('two handlers')
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
f = logging.Formatter('%(message)s', defaults={'x': 1})
r = logging.LogRecord('n', logging.INFO, '/p/mod.py', 7, 'hi %s', ('there',), None)
print(r.getMessage(), r.levelname, r.filename, r.module, r.lineno, f.format(r))
logging.disable(logging.ERROR); log.error('disabled'); log.critical('still on'); logging.disable(logging.NOTSET)
class OnlyOdd(logging.Filter):
    def filter(self, record): return record.args[0] % 2
log.addFilter(OnlyOdd())
for i in range(4): log.info('n=%d', i)
for bad in ["logging.getLogger(1)", "log.setLevel('LOUD')", "logging.basicConfig(bogus=1, force=True)"]:
    try: eval(bad)
    except Exception as e: print(type(e).__name__, e)
