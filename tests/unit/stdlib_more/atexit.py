# handlers run last-first at exit, after the main program and its uncaught exception; a failing handler is reported
import atexit
def bye(who, punct='!'):
    print('bye', who + punct)
atexit.register(bye, 'first')
atexit.register(bye, 'second', punct='?')
@atexit.register
def last():
    print('decorated handler')
def gone():
    print('never')
atexit.register(gone)
atexit.unregister(gone)
class Bad:
    def __call__(self):
        print('bad runs')
        raise RuntimeError('in handler')
    def __repr__(self):
        return 'Bad()'
atexit.register(Bad())
print('main done')
raise SystemExit(3)
