# cProfile, profile and pstats: call counts (recursive ones too), built-in function names, sorting, callers/callees and restrictions; timings masked
import cProfile, profile, pstats, io, re, sys, os, tempfile

def mask(text):
    return re.sub(r'-?\d+\.\d{3}', 'T', text)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work():
    out = []
    for i in range(3):
        out.append(len(str(i)))
    return sorted(out) + [fib(6)]

old = sys.stdout
sys.stdout = buf = io.StringIO()
cProfile.run('fib(5); [].append(1)')
sys.stdout = old
print(mask(buf.getvalue()))

pr = cProfile.Profile()
pr.enable()
work()
pr.disable()
s = io.StringIO()
st = pstats.Stats(pr, stream=s)
st.sort_stats('ncalls', 'name').print_stats()
st.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(2)
st.sort_stats('name').print_stats('fib|len')
st.sort_stats('pcalls').print_callers('fib')
st.print_callees('work')
print(mask(s.getvalue()))

print(pr.runcall(fib, 4))
with cProfile.Profile() as p2:
    fib(3)
s = io.StringIO()
pstats.Stats(p2, stream=s).sort_stats('stdname').print_stats('fib')
print(mask(s.getvalue()))

old = sys.stdout
sys.stdout = buf = io.StringIO()
profile.run('fib(5); len([1])')
sys.stdout = old
print(mask(buf.getvalue()))

path = tempfile.mktemp()
cProfile.run('fib(4)', path)
s = io.StringIO()
st = pstats.Stats(path, stream=s)
st.files = ['<file>']
st.strip_dirs().sort_stats('calls', 'name').print_stats()
print(mask(s.getvalue()))
os.remove(path)
print(list(pstats.SortKey), pstats.SortKey('tottime'))
print(pstats.func_std_string(('~', 0, '<built-in method builtins.len>')), pstats.func_std_string(('a.py', 3, 'f')))
