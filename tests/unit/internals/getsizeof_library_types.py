# sys.getsizeof and the layout attributes of the C-implemented library types: itertools (product, permutations and combinations count their index arrays), operator, functools.partial, deque, locks, dict and range iterators, memoryview
import sys, itertools, functools, collections, operator, threading, _thread
samples = {
    "count": itertools.count(), "zip_longest": itertools.zip_longest(), "groupby": itertools.groupby([]),
    "starmap": itertools.starmap(max, []), "filterfalse": itertools.filterfalse(None, []), "tee": itertools.tee([])[0],
    "product": itertools.product("ab", "cd", repeat=2), "permutations": itertools.permutations("abcd", 2),
    "permutations_all": itertools.permutations("abc"), "combinations": itertools.combinations("abcd", 3),
    "cwr": itertools.combinations_with_replacement("abc", 5), "chain": itertools.chain(),
    "itemgetter": operator.itemgetter(1), "attrgetter": operator.attrgetter("a"),
    "partial": functools.partial(max, 1), "deque": collections.deque(range(10)),
    "lock": threading.Lock(), "rlock": _thread.RLock(),
    "dict_items_iter": iter({}.items()), "dict_values_iter": iter({}.values()), "dict_rev_iter": reversed({}),
    "range_iter": iter(range(3)), "memoryview": memoryview(b"abc"),
}
for k, v in samples.items():
    t = type(v)
    print(k, t.__name__, sys.getsizeof(v), t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__)
