# trace: Trace.runfunc counting lines with sys.settrace, tracing lines as they run, countfuncs/countcallers, results and .cover files
import trace, sys, os, tempfile, importlib
root = tempfile.mkdtemp()
with open(os.path.join(root, 'gp_traced.py'), 'w') as f:
    f.write('''def square(n):
    total = 0
    for i in range(n):
        total += n
    return total

class K:
    def meth(self):
        return square(2)

def unused():
    return 1
''')
sys.path.insert(0, root)
import gp_traced
def rel(p): return p.replace(root, '<root>')
t = trace.Trace(count=1, trace=0)
print(t.runfunc(gp_traced.square, 3))
r = t.results()
print(sorted((os.path.basename(f), l, c) for (f, l), c in r.counts.items()))
t2 = trace.Trace(count=0, trace=1)
print(t2.runfunc(gp_traced.K().meth))
t3 = trace.Trace(count=0, trace=0, countfuncs=1)
t3.runfunc(gp_traced.K().meth)
print(sorted((os.path.basename(f), m, n) for f, m, n in t3.results().calledfuncs))
t4 = trace.Trace(count=0, trace=0, countcallers=1)
t4.runfunc(gp_traced.K().meth)
print(sorted((p[1:], c[1:]) for p, c in t4.results().callers))
cover = os.path.join(root, 'cover')
old = sys.stdout
import io
sys.stdout = buf = io.StringIO()
r.write_results(show_missing=True, summary=True, coverdir=cover)
sys.stdout = old
print(rel(buf.getvalue()))
print(open(os.path.join(cover, 'gp_traced.cover')).read())
t5 = trace.Trace(count=1, trace=0, ignoremods=['gp_traced'])
t5.runfunc(gp_traced.square, 2)
print(t5.results().counts)
import shutil; shutil.rmtree(root)
