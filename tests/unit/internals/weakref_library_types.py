# deque, functools.partial, itertools.tee iterators and locks take weak references (and are GC-tracked), as in CPython; subclasses keep the base's weakref slot
import weakref, itertools, functools, collections, threading, _thread, gc
def probe(make):
    o = make()
    r = weakref.ref(o)
    alive = r() is o
    del o
    return type(r).__name__, alive, r()
for make in (collections.deque, lambda: functools.partial(max), lambda: itertools.tee([])[0], threading.Lock, _thread.RLock):
    print(probe(make))
class P(functools.partial): pass
class D(collections.deque): pass
class R(_thread.RLock): pass
for c in (P, D, R):
    print(c.__name__, c.__weakrefoffset__, c.__basicsize__, c.__dictoffset__)
print(gc.is_tracked(threading.Lock()), gc.is_tracked(R()), gc.is_tracked(collections.deque()))
ws = weakref.WeakSet([threading.Lock()])
print(len(ws))
