# inspect.getsource/getsourcelines/getcomments of functions, lambdas, methods, nested and local classes, code objects and frames; getclosurevars, getargvalues and the descriptor predicates
import inspect, dis

# A comment about add
# on two lines
def add(a, b):
    """Add two numbers."""
    # inside comment
    return a + b

@staticmethod
def decorated(x):
    return x


class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0

    class Inner:
        def deep(self):
            return "deep"

def outer():
    class Local:
        pass
    def inner_fn(y):
        return y * 2
    return Local, inner_fn

square = lambda x: x * x
Local, inner_fn = outer()

print(inspect.getsource(add))
print(inspect.getsource(Shape))
print(inspect.getsource(Shape.area))
print(inspect.getsource(Shape.Inner))
print(inspect.getsource(Shape.Inner.deep))
print(inspect.getsource(Local))
print(inspect.getsource(inner_fn))
print(inspect.getsource(square))
print(inspect.getsourcelines(add)[1], len(inspect.getsourcelines(add)[0]))
print(repr(inspect.getcomments(add)))
print(repr(inspect.getcomments(Shape)))
print(inspect.getsourcefile(add).endswith("test.py"), inspect.getfile(Shape).endswith(".py"))
print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("x.txt"))
print(inspect.indentsize("    x"), inspect.indentsize("\tx"))
print(inspect.getsource(Shape().area))
print(inspect.getsource(add.__code__))
try:
    inspect.getsource(len)
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.getsource(5)
except TypeError as e:
    print("TypeError:", e)
src = inspect.getsource(add)
print(src.count("\n"))
dis.dis(add)
def f():
    return inspect.getsource(inspect.currentframe())
print(f())
print(inspect.getclosurevars(inner_fn))
def cl():
    z = 5
    def g():
        return z + len([]) + nothere
    return g
print(inspect.getclosurevars(cl()))
def frame_args(a, b=2, *rest, k=1, **kw):
    return inspect.getargvalues(inspect.currentframe())
print(frame_args(1, 3, 4, k=5, q=6))
print(inspect.ismethodwrapper(object().__str__), inspect.isgetsetdescriptor(type.__dict__['__name__']), inspect.ismemberdescriptor(type(inspect.currentframe()).__dict__.get('f_trace_lines')))
