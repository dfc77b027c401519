# bound methods, built-in methods, method descriptors and slot wrappers pickle as getattr(owner, name); module functions as their name
import pickle, copy

class A:
    def __init__(self, v):
        self.v = v
    def m(self):
        return self.v

print(pickle.loads(pickle.dumps(A(5).m))())
print(A(1).m.__reduce__()[0], A(1).m.__reduce__()[1][1])
print([].append.__reduce__(), len.__reduce__(), pickle.loads(pickle.dumps(len)) is len)
print(str.upper.__reduce__(), pickle.loads(pickle.dumps(str.upper))("a"))
print(int.__add__.__reduce__(), (1).__add__.__reduce__(), pickle.loads(pickle.dumps((5).__add__))(1))
lst = [1]
app = pickle.loads(pickle.dumps(lst.append))
app(2)
print(app.__self__, lst)
print(copy.copy(A(3).m)(), copy.deepcopy(A(4).m)())
