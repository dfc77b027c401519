"""Records CPython 3.11's output for the class programs of test_classes.cpp.
Run with python3.11 from this folder:
    python3 gen_classes_cases.py
Never edit classes_cases.inc by hand: it is CPython's output. Programs
print no addresses, so the output is the same on every run."""
import contextlib, io, sys

cases = [
("a class statement makes a class whose instances find class and instance attributes", r'''
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def describe(self):
        return f"{self.name} is {self.age}"
rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
print(rex.describe(), fido.describe(), Dog.count)
print(rex.species, Dog.species, rex.species is Dog.species)
rex.species = "wolf"
print(rex.species, fido.species, Dog.species, rex.__dict__)
del rex.species
print(rex.species, Dog.describe(fido), type(Dog.describe).__name__, type(rex.describe).__name__)
try:
    rex.missing
except AttributeError as exc:
    print("AttributeError:", exc)
'''),
("a class knows its name, qualname, module, bases, MRO and doc", r'''
class Empty:
    pass
class D:
    "docstring here"
class Outer:
    class Inner:
        pass
print(Empty, Empty.__name__, Empty.__qualname__, Empty.__module__, Empty.__bases__, Empty.__base__)
print(Empty.__mro__, Empty.mro(), Empty.__doc__, D.__doc__, D().__doc__)
print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)
print(type(Empty), type(type), type(object), object.__bases__, object.__base__)
print(int.__name__, int.__qualname__, int.__module__, int, object)
print(list(Empty.__dict__), Empty.__dict__["__module__"])
'''),
("super() and super(C, obj) call the next class in the MRO", r'''
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def intro(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "Woof"
class Puppy(Dog):
    def __init__(self, name, toy):
        super().__init__(name)
        self.toy = toy
    def speak(self):
        return super().speak() + " (squeaky)"
    def intro(self):
        return super().intro() + f" with {self.toy}"
a, d, p = Animal("generic"), Dog("Rex"), Puppy("Bit", "ball")
for x in (a, d, p):
    print(x.intro())
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), issubclass(Dog, object))
print([c.__name__ for c in Puppy.__mro__], super(Puppy, p).speak(), super(Dog, p).speak())
s = super(Puppy, p)
print(s, super(Puppy), s.__thisclass__, s.__self__ is p, s.__self_class__)
print(Puppy.__subclasses__(), [c.__name__ for c in Dog.__subclasses__()])
'''),
("super() errors name what is missing", r'''
def no_args():
    super()
def no_cell(x):
    super()
for f in (no_args, lambda: no_cell(1), lambda: super(int, "s"), lambda: super(1)):
    try:
        f()
    except (RuntimeError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
class C:
    def m(self):
        return __class__
    def uses_cell(self):
        g = lambda: self
        return super().__repr__()[:11]
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(C().m() is C, C().uses_cell(), type(C.make()).__name__)
'''),
("__new__, __init__ and __init_subclass__ run in CPython's order", r'''
class Base:
    def __init_subclass__(cls, flag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registered = (cls.__name__.lower(), flag)
class Child(Base):
    pass
class Flagged(Base, flag=42):
    pass
print(Child.registered, Flagged.registered)
class Counted:
    instances = 0
    def __new__(cls, *args):
        cls.instances += 1
        print("new", args)
        return super().__new__(cls)
    def __init__(self, value):
        print("init", value)
        self.value = value
Counted(1)
Counted(2)
print(Counted.instances)
class NewRet:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NewRet())
try:
    class Bad(flag=1):
        pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class Bad2(Base, other=1):
        pass
except TypeError as exc:
    print("TypeError:", exc)
'''),
("object.__new__ and object.__init__ reject arguments nobody takes", r'''
class NoInit:
    pass
class OnlyInit:
    def __init__(self):
        pass
class OnlyNew:
    def __new__(cls):
        return object.__new__(cls)
class InitArgs:
    def __init__(self, x):
        self.x = x
class InitRet:
    def __init__(self):
        return 1
tests = [lambda: NoInit(1), lambda: NoInit(a=1), lambda: OnlyInit(1), lambda: OnlyNew(1),
         lambda: object.__new__(InitArgs, 1), lambda: object.__init__(InitArgs(1), 2), lambda: InitRet(),
         lambda: object.__new__(1), lambda: object.__new__(int), lambda: int.__new__(str)]
for t in tests:
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
print(type(object.__new__(InitArgs)).__name__, int.__new__(int, 5), str.__new__(str, "x"))
'''),
("the MRO is the C3 linearisation of the bases", r'''
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__], D().who(), D.mro() == list(D.__mro__))
class K1: pass
class K2: pass
class K3: pass
class KA(K1, K2): pass
class KB(K2, K3): pass
class KZ(KA, KB): pass
print([k.__name__ for k in KZ.__mro__])
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Combined(Init1, Init2):
    def __init__(self):
        print("Combined")
        super().__init__()
Combined()
'''),
("impossible class hierarchies raise CPython's errors", r'''
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class Z(P, Q): pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class Dup(X, X): pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class A1(bool): pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class A2(int, str): pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    class A3(list, dict): pass
except TypeError as exc:
    print("TypeError:", exc)
class M1(type): pass
class M2(type): pass
class MA(metaclass=M1): pass
class MB(metaclass=M2): pass
try:
    class MC(MA, MB): pass
except TypeError as exc:
    print("TypeError:", exc)
class I(int): pass
class II(I, int): pass
print(II.__mro__)
'''),
("__repr__, __str__, __format__ and __bool__ are used by the builtins", r'''
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x},{self.y}>"
    def __format__(self, spec):
        return f"V[{spec}]"
    def __bool__(self):
        return bool(self.x or self.y)
v = V(1, 2)
print(v, repr(v), str(v), [v], (v,), f"{v:abc}", f"{v}", f"{v!r}", bool(v), bool(V(0, 0)))
class OnlyRepr:
    def __repr__(self):
        return "R"
class OnlyLen:
    def __len__(self):
        return 0
print(str(OnlyRepr()), f"{OnlyRepr()}", bool(OnlyLen()), not OnlyLen())
class Plain:
    pass
try:
    f"{Plain():x}"
except TypeError as exc:
    print("TypeError:", exc)
class BoolRet:
    def __bool__(self):
        return 1
class ReprBad:
    def __repr__(self):
        return 1
for t in (lambda: bool(BoolRet()), lambda: repr(ReprBad())):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
'''),
("__eq__ without __hash__ makes instances unhashable; __hash__ results are kept", r'''
class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
print(V(1) == V(1), V(1) != V(1), V(1) == 1, V(1) != 1, V.__hash__)
try:
    hash(V(1))
except TypeError as exc:
    print("TypeError:", exc)
class H:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return self.k == o.k
print(hash(H(5)) == hash(5), len({H(1), H(1), H(2)}))
class Big:
    def __hash__(self):
        return 2**100
class NegOne:
    def __hash__(self):
        return -1
class BadHash:
    def __hash__(self):
        return "x"
print(hash(Big()) == hash(2**100), hash(NegOne()))
try:
    hash(BadHash())
except TypeError as exc:
    print("TypeError:", exc)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain(), p == Plain())
class Eq:
    def __eq__(self, o):
        print("Eq.__eq__")
        return NotImplemented
print(Eq() == 1, Eq() != 1)
'''),
("rich comparisons reflect to the other operand and fail with CPython's message", r'''
class Ord:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __repr__(self):
        return f"Ord({self.v})"
a, b = Ord(1), Ord(2)
print(a < b, a > b, a <= b, a >= b, b > a, max(a, b), min(a, b))
class NoOrder:
    pass
try:
    NoOrder() < NoOrder()
except TypeError as exc:
    print("TypeError:", exc)
try:
    a < 1
except AttributeError as exc:
    print("AttributeError:", exc)
'''),
("arithmetic operators dispatch to the special methods and their reflections", r'''
class N:
    def __init__(self, v):
        self.v = v
for op in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul", "divmod"]:
    setattr(N, f"__{op}__", (lambda op: lambda s, o: f"{op}({s.v},{o})")(op))
    setattr(N, f"__r{op}__", (lambda op: lambda s, o: f"r{op}({s.v},{o})")(op))
n = N(1)
print(n + 2, n - 2, n * 2, n / 2, n // 2, n % 2, n ** 2, n << 2, n >> 2, n & 2, n | 2, n ^ 2, n @ 2, divmod(n, 2))
print(2 + n, 2 - n, 2 * n, 2 / n, 2 // n, 2 % n, 2 ** n, 2 << n, 2 >> n, 2 & n, 2 | n, 2 ^ n, 2 @ n, divmod(2, n))
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "inv"
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __index__(self): return 1
u = U()
print(-u, +u, abs(u), ~u, int(u), float(u), [10, 20][u], "ab"[u])
class Pw:
    def __pow__(self, o, m=None):
        return ("pow", o, m)
    def __rpow__(self, o, m=None):
        return ("rpow", o, m)
    def __ipow__(self, o):
        return ("ipow", o)
p = Pw()
print(p ** 2, 2 ** p, pow(p, 2, 5))
p **= 3
print(p)
'''),
("in-place operators use __iadd__ and fall back to __add__", r'''
class I:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return "add"
    def __repr__(self):
        return f"I({self.v})"
i = I(1)
i += 5
print(i)
class OnlyAdd:
    def __add__(self, o):
        return "added"
x = OnlyAdd()
x += 1
print(x)
class Nothing:
    pass
y = Nothing()
try:
    y *= 2
except TypeError as exc:
    print("TypeError:", exc)
'''),
("a subclass's reflected method goes first and NotImplemented falls through", r'''
class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base())
class NI:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
for t in (lambda: NI() + NI(), lambda: NI() + 1, lambda: 1 + NI(), lambda: -NI(), lambda: NI() - 1):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
class V:
    def __add__(self, o):
        return "V+"
    def __radd__(self, o):
        return "+V" if o == 0 else NotImplemented
print(sum([V(), V()]) if False else V() + V(), 0 + V())
'''),
("container special methods implement len, indexing, slicing, membership and iteration", r'''
class Deck:
    def __init__(self):
        self.cards = ["AS", "KS", "QS", "AH"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, index):
        return self.cards[index]
d = Deck()
print(len(d), d[0], d[-1], d[1:3])
class Grid:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        print("set", key)
        self.data[key] = value
    def __getitem__(self, key):
        return self.data.get(key, ".")
    def __delitem__(self, key):
        print("del", key)
        del self.data[key]
    def __contains__(self, key):
        print("contains", key)
        return key in self.data
    def __iter__(self):
        return iter(list(self.data))
    def __len__(self):
        return len(self.data)
g = Grid()
g[0, 1] = "x"
g["a"] = 2
print(g[0, 1], g[5], (0, 1) in g, 9 in g, len(g))
del g["a"]
print(list(g), len(g))
class ItOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in ItOnly(), 5 in ItOnly(), list(ItOnly()))
'''),
("iterators written as classes drive for loops, list() and next()", r'''
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)))
for v in Counter(2):
    print("v", v)
it = Counter(1)
print(next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("stop")
'''),
("classes without a protocol's methods give CPython's TypeErrors", r'''
class NoIter:
    __iter__ = None
class NoContain:
    __contains__ = None
class Plain:
    pass
tests = [lambda: iter(NoIter()), lambda: 1 in NoContain(), lambda: Plain()[0], lambda: Plain()(),
         lambda: iter(Plain()), lambda: len(Plain()), lambda: 1 in Plain(), lambda: Plain() + 1,
         lambda: -Plain(), lambda: next(Plain())]
for t in tests:
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
class LenNeg:
    def __len__(self):
        return -1
class LenStr:
    def __len__(self):
        return "a"
for t in (lambda: len(LenNeg()), lambda: len(LenStr())):
    try:
        t()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)
'''),
("__call__ makes instances callable", r'''
class Caller:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kw):
        self.calls += 1
        return args, kw
c = Caller()
print(c(1, 2, a=3), c(), c.calls, callable(c), callable(Caller), callable(Caller.__init__), callable(1))
'''),
("__getattr__, __getattribute__, __setattr__ and __delattr__ hook attribute access", r'''
class Defaults:
    a = 1
    def __getattr__(self, name):
        if name == "other":
            raise AttributeError("'Defaults' has no 'other'")
        return f"default-{name}"
d = Defaults()
print(d.a, d.xyz, getattr(d, "q"), hasattr(d, "other"))
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return object.__getattribute__(self, name)
l = Logged()
l.x = 5
print(l.x, l.secret)
del l.x
for t in (lambda: l.x, lambda: delattr(l, "nothere")):
    try:
        t()
    except AttributeError as exc:
        print("AttributeError:", exc)
class Both:
    def __getattribute__(self, name):
        if name.startswith("g"):
            raise AttributeError(name)
        return 42
    def __getattr__(self, name):
        return "fallback " + name
print(Both().x, Both().go)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        setattr(self._t, name, value)
class T: pass
t = T()
p = Proxy(t)
p.z = 9
print(t.z, p.z)
'''),
("class attributes can be assigned and deleted, and special methods take effect at once", r'''
class C:
    x = 1
C.y = 2
C.x = 10
print(C.x, C.y, C().y)
del C.y
for t in (lambda: C.y, lambda: delattr(C, "nope")):
    try:
        t()
    except AttributeError as exc:
        print("AttributeError:", exc)
for t in (lambda: setattr(int, "x", 1), lambda: setattr(object(), "x", 1), lambda: setattr(1, "x", 1)):
    try:
        t()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ":", exc)
class Late:
    pass
lt = Late()
Late.__repr__ = lambda self: "late repr"
Late.__len__ = lambda self: 3
Late.__add__ = lambda self, o: ("added", o)
print(repr(lt), len(lt), lt + 1)
class SubLate(Late):
    pass
print(repr(SubLate()), len(SubLate()))
del Late.__len__
try:
    len(lt)
except TypeError as exc:
    print("TypeError:", exc)
Late.__eq__ = lambda s, o: True
Late.__hash__ = None
print(lt == 5)
try:
    hash(lt)
except TypeError as exc:
    print("TypeError:", exc)
'''),
("__name__, __qualname__ and __doc__ of a class can be reassigned", r'''
class C:
    pass
C.__name__ = "Renamed"
C.__qualname__ = "Q.Renamed"
C.__doc__ = "new doc"
print(C, C.__name__, C.__doc__, repr(C())[:22])
for t in (lambda: setattr(C, "__name__", 1), lambda: setattr(C, "__qualname__", 1),
          lambda: setattr(C, "__bases__", 1), lambda: setattr(int, "__name__", "x")):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
'''),
("an instance __dict__ can be read, replaced and bypassed with object.__setattr__", r'''
class S:
    pass
s = S()
s.__dict__["k"] = 1
print(s.k, s.__dict__)
s.__dict__ = {"m": 2}
print(s.m, object.__setattr__(s, "n", 3), s.n, object.__getattribute__(s, "n"))
for t in (lambda: setattr(s, "__dict__", 1), lambda: object.__setattr__(1, "x", 2), lambda: object.__setattr__(s, 1, 2)):
    try:
        t()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ":", exc)
'''),
("data descriptors beat the instance dict, non-data descriptors do not", r'''
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Data:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
    def __set__(self, obj, value):
        print("Data.__set__ called")
class Holder:
    nd = NonData()
    d = Data()
h = Holder()
print(h.nd)
h.__dict__["nd"] = "from instance dict"
print(h.nd)
h.d = 5
h.__dict__["d"] = "instance"
print(h.d, Holder.nd, Holder.d)
class Deleter:
    def __get__(self, o, t=None):
        return 1
    def __delete__(self, obj):
        print("deleting")
class HD:
    x = Deleter()
del HD().x
try:
    HD().x = 5
except AttributeError as exc:
    print("AttributeError:", exc)
class GetNone:
    def __get__(self, obj, typ):
        return (obj, typ.__name__)
class HG:
    g = GetNone()
print(HG.g, HG().g[1])
'''),
("__set_name__ tells descriptors their names, and its errors are wrapped", r'''
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print(f"__set_name__({owner.__name__}, {name!r})")
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.private[1:]} must be {self.kind.__name__}")
        setattr(obj, self.private, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ada", 36)
print(p.name, p.age, list(p.__dict__), type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as exc:
    print("TypeError:", exc)
class Err:
    def __set_name__(self, owner, name):
        1 / 0
try:
    class Fails:
        e = Err()
except RuntimeError as exc:
    print("RuntimeError:", exc, type(exc.__cause__).__name__)
'''),
("property getters, setters and deleters, with 3.11's messages", r'''
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        "The temperature"
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
for f in (lambda: setattr(t, "celsius", -300), lambda: setattr(t, "fahrenheit", 0), lambda: delattr(t, "fahrenheit")):
    try:
        f()
    except (ValueError, AttributeError) as exc:
        print(type(exc).__name__ + ":", exc)
del t.celsius
print(hasattr(t, "_celsius"))
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.fset is None, Temperature.celsius.__doc__)
class P2:
    x = property()
    y = property(lambda s: 1, doc="ydoc")
for f in (lambda: P2().x, lambda: property().__get__(1), lambda: property(1, 2, 3, 4, 5)):
    try:
        f()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ":", exc)
print(P2.y.__doc__, P2().y, property().__doc__, property(doc="d").__doc__)
class SubProp(property):
    pass
class SP:
    @SubProp
    def z(self):
        "zdoc"
        return 7
print(SP().z, type(SP.z).__name__, SP.z.__doc__)
'''),
("classmethod binds the class and staticmethod binds nothing", r'''
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, text):
        a, b, c = text.split("-")
        return cls(int(a), int(b), int(c))
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class LocalDate(Date):
    pass
print(Date.from_string("2024-02-29"), LocalDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
def f():
    "doc of f"
cm = classmethod(f)
sm = staticmethod(f)
print(cm.__func__ is f, cm.__name__, cm.__doc__, cm.__qualname__, cm.__wrapped__ is f, sm.__func__ is f, callable(sm))
print(sm(), Date.__dict__["is_leap"](4))
for t in (lambda: cm(), lambda: staticmethod(), lambda: classmethod(1, 2)):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
'''),
("__slots__ gives instances fixed fields and no __dict__", r'''
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Point.__slots__)
print(type(Point.x).__name__, Point.x, Point.x.__name__, Point.x.__qualname__, Point.x.__objclass__)
try:
    p.z = 3
except AttributeError as exc:
    print("AttributeError:", exc)
del p.y
try:
    p.y
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    del p.y
except AttributeError as exc:
    print("AttributeError:", repr(exc))
p.y = 20
print(p.y)
class Point3(Point):
    __slots__ = ("z",)
q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class Loose(Point):
    pass
loose = Loose(1, 2)
loose.extra = "ok"
print(loose.extra, loose.__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
class Priv:
    __slots__ = ("__hidden", "shown")
class Str1:
    __slots__ = "only"
print([k for k in Priv.__dict__ if "hidden" in k], Str1.__slots__, [k for k in Str1.__dict__ if k == "only"])
'''),
("bad __slots__ are rejected with CPython's messages", r'''
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as exc:
    print("ValueError:", exc)
try:
    class B1:
        __slots__ = ("__dict__", "__dict__")
except TypeError as exc:
    print("TypeError:", exc)
try:
    class B2:
        __slots__ = ("1a",)
except TypeError as exc:
    print("TypeError:", exc)
try:
    class B3:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as exc:
    print("TypeError:", exc)
try:
    class B4(int):
        __slots__ = ("x",)
except TypeError as exc:
    print("TypeError:", exc)
try:
    class B5:
        __slots__ = (1,)
except TypeError as exc:
    print("TypeError:", exc)
class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as exc:
    print("AttributeError:", exc)
'''),
("instance layouts and __sizeof__ report CPython 3.11's 64-bit numbers", r'''
class Point:
    __slots__ = ("x", "y")
class Point3(Point):
    __slots__ = ("z",)
class Loose(Point):
    pass
class Empty:
    __slots__ = ()
class WithDict:
    __slots__ = ("a", "__dict__")
class SW:
    __slots__ = ("a", "__weakref__")
class A:
    pass
class XYZ:
    __slots__ = ("x", "y", "z")
print(Point.__basicsize__, Point3.__basicsize__, Loose.__basicsize__, Empty.__basicsize__, WithDict.__basicsize__)
print(Point.__dictoffset__, Loose.__dictoffset__, Point.__weakrefoffset__, Loose.__weakrefoffset__)
print(A.__basicsize__, A.__dictoffset__, A.__weakrefoffset__, object.__basicsize__, int.__itemsize__)
print(SW.__basicsize__, SW.__weakrefoffset__, XYZ.__basicsize__)
print(A().__sizeof__(), Point().__sizeof__(), object().__sizeof__(), Empty().__sizeof__(), XYZ().__sizeof__())
class E(Exception): pass
class L(list): pass
class I(int): pass
class T(tuple): pass
class D(dict): pass
class F(float): pass
class St(str): pass
for c in (E, L, I, T, D, F, St):
    print(c.__name__, c.__basicsize__, c.__itemsize__, c.__dictoffset__, c.__weakrefoffset__)
'''),
("metaclasses customise class creation and instance creation", r'''
class Meta(type):
    def __new__(mcls, name, bases, namespace, **kw):
        print(f"Meta.__new__ creating {name} with {[k for k in namespace if not k.startswith('__')]}")
        cls = super().__new__(mcls, name, bases, namespace)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, namespace, **kw):
        super().__init__(name, bases, namespace)
    def __call__(cls, *args):
        print(f"Meta.__call__ for {cls.__name__}{args}")
        return super().__call__(*args)
class Model(metaclass=Meta):
    field = 1
    def __init__(self, v):
        self.v = v
m = Model(5)
print(m.v, type(Model).__name__, type(Meta).__name__, isinstance(Model, Meta))
class Sub(Model, tag="x"):
    other = 2
s = Sub(1)
print(type(Sub).__name__, s.v, Sub.tag, Model.tag)
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__ for", name)
        return {"injected": True}
class Uses(metaclass=Prep):
    pass
print(Uses.injected)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    pass
print(One() is One())
class AttrMeta(type):
    def __getattr__(cls, name):
        return f"meta-{name}"
    @property
    def desc(cls):
        return "meta property " + cls.__name__
class WM(metaclass=AttrMeta):
    x = 1
print(WM.x, WM.nothing, WM.desc)
class CustomMRO(type):
    def mro(cls):
        return [cls, object]
class CM(dict, metaclass=CustomMRO):
    pass
print(CM.__mro__)
'''),
("type() with three arguments creates a class", r'''
Dyn = type("Dynamic", (object,), {"greet": lambda self: "hi", "n": 3})
print(Dyn().greet(), Dyn.n, Dyn.__name__, type(Dyn).__name__, Dyn.__module__, Dyn)
print(type(1), type("a") is str, type(type) is type)
class QualMeta(type):
    pass
Q = QualMeta("Q", (), {"__qualname__": "Outer.Q", "__module__": "mymod"})
print(Q, Q.__qualname__, Q.__module__)
tests = [lambda: type("A", (), {}, x=1), lambda: type(1, (), {}), lambda: type("A", [], {}),
         lambda: type("A", (), []), lambda: type("A", ()), lambda: type.__new__(1), lambda: type.__new__(int, "A", (), {}),
         lambda: QualMeta("Q", (), {"__qualname__": 1})]
for t in tests:
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
'''),
("built-in types can be subclassed and keep their behaviour", r'''
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int), repr(i), i == 21, hash(i) == hash(21))
i.tag = "t"
print(i.tag, i.__dict__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hey")
s.extra = 1
print(s, s.shout(), len(s), s + "x", s[0], repr(s), s == "hey", s.extra)
class MyList(list):
    def total(self):
        return sum(self)
l = MyList([1, 2, 3])
l.append(4)
l.name = "n"
print(l, l.total(), len(l), l[0], type(l).__name__, isinstance(l, list), l + [5], l.name)
class MyDict(dict):
    pass
d = MyDict(a=1)
d["b"] = 2
print(d, d["a"], len(d), list(d.keys()))
class MyTuple(tuple):
    @property
    def first(self):
        return self[0]
t = MyTuple((1, 2, 3))
t.x = 5
print(t, t.first, len(t), t[1:], type(t).__name__, t.x)
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    def __repr__(self):
        return f"Point({self[0]}, {self[1]})"
pt = Point(3, 4)
print(pt, pt[1], hasattr(pt, "__dict__"))
class MyFloat(float):
    pass
print(MyFloat(1.5), MyFloat(1.5) * 2, type(MyFloat(1.5) * 2).__name__)
class BigInt(int):
    pass
b = BigInt(10**30)
b.q = 1
z = BigInt(0)
z.k = 2
print(b, b.q, z, z.k, BigInt(-5))
class MI(int):
    def __add__(self, o):
        return "MI.add"
print(MI(1) + 1, 1 + MI(1))
'''),
("exception classes can be subclassed, raised and caught", r'''
class MyErr(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr("bad", 7)
except MyErr as e:
    print("caught", e, e.code, e.args, type(e).__name__, isinstance(e, Exception))
class Plain(Exception):
    pass
try:
    raise Plain("x", 1)
except Exception as e:
    print(repr(e), str(e))
class KE(KeyError):
    pass
print(str(KE("k")), repr(KE("k")), issubclass(KE, LookupError), KE.__mro__)
'''),
("slot wrappers expose built-in types' C++ slots as methods", r'''
class IntSub(int):
    pass
print(int.__add__(1, 2), int.__add__(IntSub(3), 4), (5).__add__(1), list.__len__([1, 2]), (3).__lt__(4), (3).__radd__(1))
print("ab".__len__(), [1].__getitem__(0), {1: 2}.__getitem__(1), int.__add__, int.__add__.__name__, int.__add__.__qualname__)
print(object.__init__, object.__eq__, int.__add__.__objclass__, type((1).__add__).__name__, (1).__add__.__self__)
print(object.__eq__(1, 1), object.__ne__(1, 2), object.__eq__(1, 2), type(int.__dict__["__add__"]).__name__)
for t in (lambda: int.__add__("a", 1), lambda: int.__add__(), lambda: (1).__add__(), lambda: int.__add__.__get__("x")):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
print([k in object.__dict__ for k in ("__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
       "__getattribute__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__",
       "__new__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__")])
print(list.__hash__, [].__hash__, dict.__hash__)
'''),
("__class__ can be reassigned between compatible classes", r'''
class A:
    def hello(self):
        return "A"
class B:
    def hello(self):
        return "B"
a = A()
a.__class__ = B
print(a.hello(), type(a).__name__, a.__class__)
class S1:
    __slots__ = ("x",)
for t in (lambda: setattr(A(), "__class__", S1), lambda: setattr(A(), "__class__", int), lambda: setattr(1, "__class__", A)):
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)
'''),
("__dir__, __subclasses__, __instancecheck__ and __abstractmethods__", r'''
class Dir:
    cls_attr = 1
    def method(self):
        pass
class Sub(Dir):
    pass
d = Dir()
d.inst = 2
names = d.__dir__()
print("cls_attr" in names, "inst" in names, "method" in names, "__init__" in names, "__class__" in names)
print("mro" in type.__dir__(Dir), "cls_attr" in type.__dir__(Sub), Dir.__subclasses__())
print([k for k in Sub.__dict__], [k for k in Dir.__dict__])
print(Dir.__dict__["__dict__"], Dir.__dict__["__weakref__"], object.__subclasshook__(), Dir.__init_subclass__())
print(type.__instancecheck__(Dir, d), type.__subclasscheck__(Dir, Sub), Dir.__subclasscheck__(int))
class Abs:
    pass
Abs.__abstractmethods__ = frozenset({"f", "g"})
try:
    Abs()
except TypeError as exc:
    print("TypeError:", exc)
Abs.__abstractmethods__ = frozenset()
print(type(Abs()).__name__, type(Dir.__dict__["method"]).__name__)
'''),
("__weakref__ shows an instance's first weak reference; __slots__ may leave it out", r'''
import weakref
class A:
    pass
a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(r() is a, a.__weakref__ is r, A.__dict__["__weakref__"])
del a
print(r())
class NoWeak:
    __slots__ = ("v",)
try:
    weakref.ref(NoWeak())
except TypeError as exc:
    print("TypeError:", exc)
class Weak:
    __slots__ = ("v", "__weakref__")
w = Weak()
print(weakref.ref(w)() is w)
'''),
("__del__ runs when the last reference goes, and survives resurrection", r'''
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = D(1)
del a
print("after 1")
b = D(2)
b = None
print("after 2")
def f():
    x = D(3)
    print("in f")
f()
print("after f")
lst = [D(4), D(5)]
del lst
print("after list")
saved = []
class R:
    def __del__(self):
        print("resurrect")
        saved.append(self)
r = R()
del r
print(len(saved), type(saved[0]).__name__)
class Bad:
    def __del__(self):
        raise ValueError("oops")
x = Bad()
del x
print("survived")
class Sub(D):
    pass
s = Sub(6)
del s

print("end")
'''),
("regression: a class mixing int, tuple or bytes with a plain class keeps its dict after the items and has no weakref list", r'''
# Such classes once inherited the plain class's fixed __dict__/__weakref__
# offsets and wrote past the digits of the int (a crash in clear_weakrefs).
import gc, weakref
class B: pass
class Q(int, B): pass
y = int.__new__(Q, 1); y.x = 1
print(y, y.__dict__, Q.__dictoffset__, Q.__weakrefoffset__)
try:
    y.__weakref__
except AttributeError as e:
    print("AttributeError:", e)
try:
    weakref.ref(y)
except TypeError as e:
    print("TypeError:", e)
del y
class R(B, int): pass
r = R(2 ** 100); r.a = r
print(r, r.__dict__.keys(), R.__base__.__name__)
del r
for base in (int, tuple, bytes, str, float, list):
    K = type('K', (base, B), {})
    o = K(); o.z = [o]; o.__dict__['w'] = 1
    print(base.__name__, sorted(o.__dict__), K.__dictoffset__, K.__weakrefoffset__)
    o.__dict__ = {'q': 2}
    print(o.q)
    del o
qs = [int.__new__(Q, i) for i in range(-3, 2 ** 70, 2 ** 65)]
for q in qs:
    q.v = q * 2
print([q.v for q in qs])
del qs
print(gc.collect() >= 0)
'''),
]

out = ['// Generated by gen_classes_cases.py from CPython %d.%d: do not edit.\n' % sys.version_info[:2]]

def cstr(s):
    # A raw string literal that cannot contain its delimiter.
    assert ')~"' not in s
    return 'R"~(' + s + ')~"'

for name, src in cases:
    src = src.lstrip("\n")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, "<test>", "exec"), {"__name__": "__main__"})
    out.append("{%s,\n %s,\n %s},\n" % (cstr(name), cstr(src), cstr(buf.getvalue())))

open("classes_cases.inc", "w").write("".join(out))
print(len(cases), "cases")
