# help(): pydoc-style text for functions, bound methods, lambdas, builtins, async functions and classes (sections, MRO, inherited docs)
import inspect
class B:
    '''Base.'''
    def base_m(self):
        'bm'
class P(B):
    '''Point doc.

    Second para.'''
    x = 1
    y: int = 2
    def __init__(self, a):
        '''Make it.'''
    def dist(self, other):
        '''Distance.'''
        return 0
    @classmethod
    def make(cls): 'cm'
    @staticmethod
    def util(): pass
    @property
    def r(self): 'radius'
def greet(name, punctuation='!'):
    """Return a greeting.

    More text here."""
    return 'Hello ' + name + punctuation
help(greet)
help(P.dist)
help(P(1).dist)
help(lambda x: x)
help(abs)
help(len)
async def co(x): pass
help(co)
help(P)
class Plain: pass
help(Plain)
