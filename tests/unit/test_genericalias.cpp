// types.GenericAlias (PEP 585): list[int], dict[str, T][int], the
// collections and collections.abc generics, and unions with them. The
// expected output is CPython 3.11's for the same program.
#include <catch2/catch.hpp>

#include "test_support.h"

TEST_CASE("subscripted built-in classes make GenericAlias objects as in CPython", "[types]") {
    const char* source = R"~(import collections.abc as c, re, typing
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]))
def f(x: list[int]) -> dict[str, int]: return {}
print(f.__annotations__)
import typing
print(typing.List[int], typing.Optional[int], typing.Union[int, str], typing.Dict[str, int])
from collections import deque, defaultdict, OrderedDict
print(deque[int], defaultdict[str, int])
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
print(isinstance([], list[int].__origin__))
from typing import TypeVar
T = TypeVar("T")
print(dict[str, T][int], list[T], list[T].__parameters__, list[int].__parameters__)
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]), list[int] | None, int | list[str])
try: isinstance([], list[int])
except TypeError as e: print(e)
class MyList(list[int]): pass
print(MyList.__bases__, MyList.__mro__)
print(type[int], tuple[()], tuple[int, ...], list[int].append, dict[str, int]().keys())
try: list[int][str]
except TypeError as e: print(e)
import types
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)), repr(list[int]))
print(list[int] | list[int] | None)
print(enumerate[int], frozenset[str], set[bytes], list["X"])
print(c.Iterable[int], c.Callable[[int], str], c.Mapping[str, int], c.Callable[..., int], c.Sequence[int], c.Generator[int, None, None])
print(c.Callable[[int], str].__args__, type(c.Callable[[], int]).__name__)
from collections.abc import Iterator
def gen() -> Iterator[int]: yield 1
print(gen.__annotations__)
print(c.KeysView[str], c.Awaitable[int], c.Coroutine[int, int, int])
)~";
    const char* expected = R"~(list[int] dict[str, list[int]] tuple[int, ...] <class 'types.GenericAlias'>
{'x': list[int], 'return': dict[str, int]}
typing.List[int] typing.Optional[int] typing.Union[int, str] typing.Dict[str, int]
collections.deque[int] collections.defaultdict[str, int]
[1, 2] <class 'list'> (<class 'int'>,)
True
dict[str, int] list[~T] (~T,) ()
True True True list[int] | None int | list[str]
isinstance() argument 2 cannot be a parameterized generic
(<class 'list'>,) (<class '__main__.MyList'>, <class 'list'>, <class 'object'>)
type[int] tuple[()] tuple[int, ...] <method 'append' of 'list' objects> dict_keys([])
list[int] is not a generic class
list[int] dict[str, int] list[int]
list[int] | None
enumerate[int] frozenset[str] set[bytes] list['X']
collections.abc.Iterable[int] collections.abc.Callable[[int], str] collections.abc.Mapping[str, int] collections.abc.Callable[..., int] collections.abc.Sequence[int] collections.abc.Generator[int, None, None]
(<class 'int'>, <class 'str'>) _CallableGenericAlias
{'return': collections.abc.Iterator[int]}
collections.abc.KeysView[str] collections.abc.Awaitable[int] collections.abc.Coroutine[int, int, int]
)~";
    auto r = gp::test::run(source);
    INFO(r.err);
    CHECK(r.out == expected);
    CHECK(r.status == 0);
}
