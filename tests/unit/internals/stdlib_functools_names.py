# the names functools imports and programs reach through it: recursive_repr (a self-containing list subclass), RLock, GenericAlias
import functools
print(functools.RLock, functools.GenericAlias)
class L(list):
    @functools.recursive_repr()
    def __repr__(self):
        return "L(" + ", ".join(map(repr, self)) + ")"
l = L([1])
l.append(l)
print(l)
