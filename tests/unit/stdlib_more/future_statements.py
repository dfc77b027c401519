# from __future__ import annotations: annotations kept as the source text CPython's unparser writes (PEP 563), future-statement errors, co_flags and compile() inheritance
"""Doc."""
from __future__ import annotations, division
from __future__ import generator_stop
import __future__
from dataclasses import dataclass, field, fields
from typing import ClassVar, get_type_hints
print(__future__.annotations, __future__.all_feature_names[:3])
print(__future__.annotations.getMandatoryRelease(), __future__.division.compiler_flag)
@dataclass
class P:
    x: int
    y: list[int] = field(default_factory=list)
    z: ClassVar[int] = 3
print(P(1), [f.name for f in fields(P)], [f.type for f in fields(P)])
print(get_type_hints(P))
def f(a: int, *args: str, b: "P" = None, **kw: float) -> P: ...
print(f.__annotations__)
print(hex(f.__code__.co_flags), hex(P.__init__.__code__.co_flags & 0x1000000))
exec("def g(x: int): pass\nprint(g.__annotations__)")
exec(compile("def g(x: int): pass\nprint(g.__annotations__)", "s", "exec", dont_inherit=True))
ns = {}
exec(compile("def h(x: int): pass", "s", "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True), ns)
print(ns['h'].__annotations__)
for src in ["from __future__ import braces", "from __future__ import nope", "x = 1\nfrom __future__ import annotations",
            "def f():\n    from __future__ import annotations", "from __future__ import annotations\ndef f(x: (y := 1)): pass",
            "from __future__ import annotations\ndef f() -> (yield): pass", "from __future__ import annotations\nasync def f(x: await y): pass",
            '"""doc"""\nfrom __future__ import annotations\nimport os\nfrom __future__ import division']:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
class C:
    a: int
    b.c: str
print(C.__annotations__)
