# warn to stderr in CPython's format, categories, filters and their actions, once-per-location, catch_warnings(record=True)
import warnings, sys
def api():
    warnings.warn("api is old", DeprecationWarning, stacklevel=2)
for i in range(3):
    warnings.warn("plain")
api()
warnings.warn("runtime", RuntimeWarning)
warnings.warn(UserWarning("instance"))
class MyWarning(UserWarning): pass
warnings.warn("mine", MyWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("rec", FutureWarning)
    api()
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno, w[0].filename)
    print(str(w[0]).replace(w[0].filename, 'F'))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("raised", repr(e))
    warnings.filterwarnings("ignore", message="boo")
    warnings.warn("boom quietly")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("r", RuntimeWarning)
warnings.warn("after")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once only")
warnings.warn("once only")
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "x = 1"), end='')
warnings.showwarning("shown", SyntaxWarning, "g.py", 7, sys.stdout)
for bad in ["warnings.warn('x', 'notacategory')", "warnings.simplefilter('loud')", "warnings.filterwarnings('ignore', lineno=-1)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print("done", file=sys.stderr)
