# faulthandler: enable/disable/is_enabled and dump_traceback's stack text written to a file's descriptor
import faulthandler, sys, tempfile, io
print(faulthandler.is_enabled())
f = tempfile.TemporaryFile('w+')
def g():
    print('in g', file=f)
    faulthandler.dump_traceback(f, all_threads=False)
def h():
    g()
h()
faulthandler.dump_traceback(file=f.fileno(), all_threads=False)
f.seek(0)
# (the test runner's own frame, "<string>", is left out)
print(''.join(l for l in f.readlines() if '"<string>"' not in l))
faulthandler.enable(f)
print(faulthandler.is_enabled())
faulthandler.disable()
print(faulthandler.is_enabled())
faulthandler.enable(all_threads=False)
print(faulthandler.is_enabled(), faulthandler.disable())
for bad in [io.StringIO(), 3.5, -1]:
    try:
        faulthandler.dump_traceback(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    faulthandler.dump_traceback_later(0)
except ValueError as e:
    print(e)
faulthandler.cancel_dump_traceback_later()
