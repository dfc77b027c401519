// Tests for core/parser: tree shapes, positions and syntax errors, with every
// expected value produced by CPython 3.11 (ast.dump(ast.parse(src)) and the
// SyntaxError that ast.parse raises). Regenerate the tables with python3 when
// a case is added rather than writing expected trees by hand.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parser/ast_dump.h"
#include "parser/parser.h"

namespace {

struct ShapeCase { const char* src; const char* dump; };
struct ErrorCase { const char* src; const char* type; const char* msg; int lineno, offset, end_lineno, end_offset; };

std::string dump_or_error(const char* src, bool attrs = false, gp::ParseMode mode = gp::ParseMode::Exec) {
    gp::ast::AstArena arena;
    gp::SyntaxErrorInfo err;
    gp::ast::Mod* m = gp::parse(src, mode, arena, err);
    if (!m) return err.type + ": " + err.msg;
    return gp::ast::dump(m, attrs);
}

void check_shapes(const ShapeCase* cases, size_t n, bool attrs) {
    for (size_t i = 0; i < n; ++i) {
        INFO("source: " << cases[i].src);
        CHECK(dump_or_error(cases[i].src, attrs) == cases[i].dump);
    }
}

}  // namespace

TEST_CASE("assignment forms set Store contexts", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(x = 1)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))~~"},
        {R"~~(a, *b = c)~~",
         R"~~(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~([a, (b, c)] = d)~~",
         R"~~(Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(x = y = z)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Name(id='z', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(a.b[c] = d)~~",
         R"~~(Module(body=[Assign(targets=[Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(x += 1)~~",
         R"~~(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[]))~~"},
        {R"~~(x: int = 1)~~",
         R"~~(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[]))~~"},
        {R"~~((x): int)~~",
         R"~~(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))~~"},
        {R"~~(a.b: int)~~",
         R"~~(Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))~~"},
        {R"~~(del a, b[0], c.d)~~",
         R"~~(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[]))~~"},
        {R"~~(for x, (y, z) in w: pass)~~",
         R"~~(Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Tuple(elts=[Name(id='y', ctx=Store()), Name(id='z', ctx=Store())], ctx=Store())], ctx=Store()), iter=Name(id='w', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("operators bind as in Python", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(-2**2)~~",
         R"~~(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[]))~~"},
        {R"~~(a**-b)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))))], type_ignores=[]))~~"},
        {R"~~(2**3**4)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=4))))], type_ignores=[]))~~"},
        {R"~~(a + b * c - d)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), right=Name(id='c', ctx=Load()))), op=Sub(), right=Name(id='d', ctx=Load())))], type_ignores=[]))~~"},
        {R"~~(not a == b)~~",
         R"~~(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[]))~~"},
        {R"~~(a < b < c)~~",
         R"~~(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))~~"},
        {R"~~(a not in b is not c)~~",
         R"~~(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn(), IsNot()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))~~"},
        {R"~~(a or b and not c)~~",
         R"~~(Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))])]))], type_ignores=[]))~~"},
        {R"~~(x if y else z if w else v)~~",
         R"~~(Module(body=[Expr(value=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=IfExp(test=Name(id='w', ctx=Load()), body=Name(id='z', ctx=Load()), orelse=Name(id='v', ctx=Load()))))], type_ignores=[]))~~"},
        {R"~~(~a | b ^ c & d << e >> f)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=Name(id='f', ctx=Load()))))))], type_ignores=[]))~~"},
        {R"~~(a // b % c @ d)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=FloorDiv(), right=Name(id='b', ctx=Load())), op=Mod(), right=Name(id='c', ctx=Load())), op=MatMult(), right=Name(id='d', ctx=Load())))], type_ignores=[]))~~"},
        {R"~~(await x)~~",
         R"~~(Module(body=[Expr(value=Await(value=Name(id='x', ctx=Load())))], type_ignores=[]))~~"},
        {R"~~((yield))~~",
         R"~~(Module(body=[Expr(value=Yield())], type_ignores=[]))~~"},
        {R"~~(lambda: (yield from x))~~",
         R"~~(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=YieldFrom(value=Name(id='x', ctx=Load()))))], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("calls subscripts and attributes", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(f(a, *b, c=1, **d))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))~~"},
        {R"~~(f(x for x in y))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[]))~~"},
        {R"~~(f(*a, b=1, *c))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], keywords=[keyword(arg='b', value=Constant(value=1))]))], type_ignores=[]))~~"},
        {R"~~(a[1:2, ::3, *b])~~",
         R"~~(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(a[:])~~",
         R"~~(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(a[b:=1])~~",
         R"~~(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(a.b.c(d)[e])~~",
         R"~~(Module(body=[Expr(value=Subscript(value=Call(func=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), args=[Name(id='d', ctx=Load())], keywords=[]), slice=Name(id='e', ctx=Load()), ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(f(a)(b))~~",
         R"~~(Module(body=[Expr(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("displays and comprehensions", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~([1, *a, 2])~~",
         R"~~(Module(body=[Expr(value=List(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=2)], ctx=Load()))], type_ignores=[]))~~"},
        {R"~~({1: 2, **d, 3: 4})~~",
         R"~~(Module(body=[Expr(value=Dict(keys=[Constant(value=1), None, Constant(value=3)], values=[Constant(value=2), Name(id='d', ctx=Load()), Constant(value=4)]))], type_ignores=[]))~~"},
        {R"~~({1, *s})~~",
         R"~~(Module(body=[Expr(value=Set(elts=[Constant(value=1), Starred(value=Name(id='s', ctx=Load()), ctx=Load())]))], type_ignores=[]))~~"},
        {R"~~(())~~",
         R"~~(Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[]))~~"},
        {R"~~((1,))~~",
         R"~~(Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))~~"},
        {R"~~([x for x in y if x for z in x])~~",
         R"~~(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))~~"},
        {R"~~({k: v async for k, v in d})~~",
         R"~~(Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[]))~~"},
        {R"~~({x for x in y})~~",
         R"~~(Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))~~"},
        {R"~~(((x, y) for x in a for y in b if x if y))~~",
         R"~~(Module(body=[Expr(value=GeneratorExp(elt=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], is_async=0)]))], type_ignores=[]))~~"},
        {R"~~([(a := 1), b])~~",
         R"~~(Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='a', ctx=Store()), value=Constant(value=1)), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(...)~~",
         R"~~(Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[]))~~"},
        {R"~~('a' 'b')~~",
         R"~~(Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[]))~~"},
        {R"~~(b'a' b'b')~~",
         R"~~(Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[]))~~"},
        {R"~~(u'x')~~",
         R"~~(Module(body=[Expr(value=Constant(value='x', kind='u'))], type_ignores=[]))~~"},
        {R"~~(1_000 + 0x1F + 0o17 + 0b101 + 1.5e3 + 2j)~~",
         R"~~(Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1000), op=Add(), right=Constant(value=31)), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=5)), op=Add(), right=Constant(value=1500.0)), op=Add(), right=Constant(value=2j)))], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("f-strings become JoinedStr", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(f"a{b!r:>{w}} {c=}")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' c='), FormattedValue(value=Name(id='c', ctx=Load()), conversion=114)]))], type_ignores=[]))~~"},
        {R"~~(f"{{}} {x:}")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{} '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[]))~~"},
        {R"~~(f"{a=!s}")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a='), FormattedValue(value=Name(id='a', ctx=Load()), conversion=115)]))], type_ignores=[]))~~"},
        {R"~~(f"{x:{y}.{z}f}" "tail")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1), Constant(value='f')])), Constant(value='tail')]))], type_ignores=[]))~~"},
        {R"~~(f'''{
 a
}''')~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1)]))], type_ignores=[]))~~"},
        {R"~~(rf"\n{x}")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("compound statements", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(if a:
    pass
elif b:
    pass
else:
    pass)~~",
         R"~~(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[]))~~"},
        {R"~~(while x:
    break
else:
    continue)~~",
         R"~~(Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[]))~~"},
        {R"~~(for x in y:
    pass
else:
    pass)~~",
         R"~~(Module(body=[For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[]))~~"},
        {R"~~(with a as b, c:
    pass)~~",
         R"~~(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], type_ignores=[]))~~"},
        {R"~~(with (a as b, c as d,):
    pass)~~",
         R"~~(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[]))~~"},
        {R"~~(with (a, b) as c:
    pass)~~",
         R"~~(Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]))~~"},
        {R"~~(try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass)~~",
         R"~~(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))~~"},
        {R"~~(try:
    pass
except* E:
    pass)~~",
         R"~~(Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[]))~~"},
        {R"~~(@d
@e.f(g)
class C(B, metaclass=M):
    x = 1)~~",
         R"~~(Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[Name(id='d', ctx=Load()), Call(func=Attribute(value=Name(id='e', ctx=Load()), attr='f', ctx=Load()), args=[Name(id='g', ctx=Load())], keywords=[])])], type_ignores=[]))~~"},
        {R"~~(async def f(a, /, b=1, *c, d, e=2, **f) -> int:
    await g()
    async for x in y: pass
    async with z: pass)~~",
         R"~~(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=[Expr(value=Await(value=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[]))), AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='z', ctx=Load()))], body=[Pass()])], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(def f(*, a): return)~~",
         R"~~(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Return()], decorator_list=[])], type_ignores=[]))~~"},
        {R"~~(lambda a, b=1, *c, d, **e: 0)~~",
         R"~~(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], kw_defaults=[None], kwarg=arg(arg='e'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[]))~~"},
        {R"~~(global a, b
nonlocal c)~~",
         R"~~(Module(body=[Global(names=['a', 'b']), Nonlocal(names=['c'])], type_ignores=[]))~~"},
        {R"~~(import a.b as c, d
from .. import x
from ...a.b import (c as d, e,)
from m import *)~~",
         R"~~(Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(names=[alias(name='x')], level=2), ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=3), ImportFrom(module='m', names=[alias(name='*')], level=0)], type_ignores=[]))~~"},
        {R"~~(assert x, "msg"
raise E from F
raise)~~",
         R"~~(Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')), Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='F', ctx=Load())), Raise()], type_ignores=[]))~~"},
        {R"~~(x = 1; y = 2;)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("match statements with every pattern kind", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(match x:
    case 1 | -2 | 3+4j | "s" | None | True:
        pass
    case [a, *rest, _] | (b, c) | []:
        pass
    case {"k": v, **kw}:
        pass
    case Point(1, y=2) as p if p:
        pass
    case a.b.c:
        pass
    case _:
        pass)~~",
         R"~~(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=2))), MatchValue(value=BinOp(left=Constant(value=3), op=Add(), right=Constant(value=4j))), MatchValue(value=Constant(value='s')), MatchSingleton(value=None), MatchSingleton(value=True)]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='rest'), MatchAs()]), MatchSequence(patterns=[MatchAs(name='b'), MatchAs(name='c')]), MatchSequence(patterns=[])]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw'), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['y'], kwd_patterns=[MatchValue(value=Constant(value=2))]), name='p'), guard=Name(id='p', ctx=Load()), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load())), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[]))~~"},
        {R"~~(match a, *b:
    case (x):
        pass)~~",
         R"~~(Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchAs(name='x'), body=[Pass()])])], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("soft keywords stay usable as names", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(match = 1)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[]))~~"},
        {R"~~(match(x))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], type_ignores=[]))~~"},
        {R"~~(case = match.case)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Attribute(value=Name(id='match', ctx=Load()), attr='case', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(_ = _)~~",
         R"~~(Module(body=[Assign(targets=[Name(id='_', ctx=Store())], value=Name(id='_', ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(match[x])~~",
         R"~~(Module(body=[Expr(value=Subscript(value=Name(id='match', ctx=Load()), slice=Name(id='x', ctx=Load()), ctx=Load()))], type_ignores=[]))~~"},
        {R"~~(print(match, case))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load())], keywords=[]))], type_ignores=[]))~~"},
        {R"~~(match x:
    case case:
        pass)~~",
         R"~~(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(name='case'), body=[Pass()])])], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], false);
}

TEST_CASE("node positions match ast.parse with include_attributes", "[parser]") {
    static const ShapeCase cases[] = {
        {R"~~(x = (a).b + f(c)[d])~~",
         R"~~(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), attr='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=9), op=Add(), right=Subscript(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), args=[Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=12, end_lineno=1, end_col_offset=16), slice=Name(id='d', ctx=Load(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=19), lineno=1, col_offset=4, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[]))~~"},
        {R"~~(if x:
    y = 1;
)~~",
         R"~~(Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], value=Constant(value=1, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9)], orelse=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=10)], type_ignores=[]))~~"},
        {R"~~(@dec
def f(a: int = 1) -> None:
    return a
)~~",
         R"~~(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='int', ctx=Load(), lineno=2, col_offset=9, end_lineno=2, end_col_offset=12), lineno=2, col_offset=6, end_lineno=2, end_col_offset=12)], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1, lineno=2, col_offset=15, end_lineno=2, end_col_offset=16)]), body=[Return(value=Name(id='a', ctx=Load(), lineno=3, col_offset=11, end_lineno=3, end_col_offset=12), lineno=3, col_offset=4, end_lineno=3, end_col_offset=12)], decorator_list=[Name(id='dec', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=4)], returns=Constant(value=None, lineno=2, col_offset=21, end_lineno=2, end_col_offset=25), lineno=2, col_offset=0, end_lineno=3, end_col_offset=12)], type_ignores=[]))~~"},
        {R"~~(f"{a} {b!r}")~~",
         R"~~(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), Constant(value=' ', lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[]))~~"},
        {R"~~(x = f"""
  {a +
 b}""")~~",
         R"~~(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='\n  ', lineno=1, col_offset=4, end_lineno=3, end_col_offset=6), FormattedValue(value=BinOp(left=Name(id='a', ctx=Load(), lineno=2, col_offset=3, end_lineno=2, end_col_offset=4), op=Add(), right=Name(id='b', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), lineno=2, col_offset=3, end_lineno=3, end_col_offset=2), conversion=-1, lineno=1, col_offset=4, end_lineno=3, end_col_offset=6)], lineno=1, col_offset=4, end_lineno=3, end_col_offset=6), lineno=1, col_offset=0, end_lineno=3, end_col_offset=6)], type_ignores=[]))~~"},
        {R"~~(try:
    pass
except E:
    pass
)~~",
         R"~~(Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbody=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[]))~~"},
        {R"~~(match p:
    case {"k": [1, *r]}:
        pass
)~~",
         R"~~(Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=10, end_lineno=2, end_col_offset=13)], patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=16, end_lineno=2, end_col_offset=17), lineno=2, col_offset=16, end_lineno=2, end_col_offset=17), MatchStar(name='r', lineno=2, col_offset=19, end_lineno=2, end_col_offset=21)], lineno=2, col_offset=15, end_lineno=2, end_col_offset=22)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=23), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)])], lineno=1, col_offset=0, end_lineno=3, end_col_offset=12)], type_ignores=[]))~~"},
        {R"~~(print(x for x in y))~~",
         R"~~(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), ifs=[], is_async=0)], lineno=1, col_offset=5, end_lineno=1, end_col_offset=19)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[]))~~"},
        {R"~~(import a.b as c
from . import (d))~~",
         R"~~(Module(body=[Import(names=[alias(name='a.b', asname='c', lineno=1, col_offset=7, end_lineno=1, end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), ImportFrom(names=[alias(name='d', lineno=2, col_offset=15, end_lineno=2, end_col_offset=16)], level=1, lineno=2, col_offset=0, end_lineno=2, end_col_offset=17)], type_ignores=[]))~~"},
    };
    check_shapes(cases, sizeof cases / sizeof cases[0], true);
}

TEST_CASE("eval and single modes build Expression and Interactive", "[parser]") {
    CHECK(dump_or_error(R"~~(a + 1)~~", false, gp::ParseMode::Eval) == R"~~(Expression(body=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Constant(value=1))))~~");
    CHECK(dump_or_error(R"~~(x = 1
)~~", false, gp::ParseMode::Single) == R"~~(Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))]))~~");
    CHECK(dump_or_error(R"~~(if x:
    y

)~~", false, gp::ParseMode::Single) == R"~~(Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])]))~~");
}

TEST_CASE("syntax errors carry CPython's type, message and location", "[parser]") {
    // One row per mistake; the table came from ast.parse in CPython 3.11.
    static const ErrorCase cases[] = {
        {R"~~(a b
x = "abc
)~~", "SyntaxError", R"~~(unterminated string literal (detected at line 2))~~", 2, 5, 2, 5},
        {R"~~(a b
x = (
)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 3, 1, 4},
        {R"~~((
a b
)~~", "SyntaxError", R"~~('(' was never closed)~~", 1, 1, 1, 0},
        {R"~~(x = (1,
y = 2
)~~", "SyntaxError", R"~~('(' was never closed)~~", 1, 5, 1, 0},
        {R"~~(f(**a, *b))~~", "SyntaxError", R"~~(iterable argument unpacking follows keyword argument unpacking)~~", 1, 8, 1, 9},
        {R"~~(f(a=1, b))~~", "SyntaxError", R"~~(positional argument follows keyword argument)~~", 1, 9, 1, 10},
        {R"~~(print "hi")~~", "SyntaxError", R"~~(Missing parentheses in call to 'print'. Did you mean print(...)?)~~", 1, 1, 1, 11},
        {R"~~(if x
  pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 5, 1, 5},
        {R"~~(if x:
pass)~~", "IndentationError", R"~~(expected an indented block after 'if' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(  x)~~", "IndentationError", R"~~(unexpected indent)~~", 1, 2, 1, -1},
        {R"~~(x = 1 +)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 8, 1, 8},
        {R"~~(x = [1, 2)~~", "SyntaxError", R"~~('[' was never closed)~~", 1, 5, 1, 0},
        {R"~~(def f(a=1, b): pass)~~", "SyntaxError", R"~~(non-default argument follows default argument)~~", 1, 12, 1, 13},
        {R"~~(f() = 1)~~", "SyntaxError", R"~~(cannot assign to function call here. Maybe you meant '==' instead of '='?)~~", 1, 1, 1, 4},
        {R"~~(1 = x)~~", "SyntaxError", R"~~(cannot assign to literal here. Maybe you meant '==' instead of '='?)~~", 1, 1, 1, 2},
        {R"~~(a + b = 1)~~", "SyntaxError", R"~~(cannot assign to expression here. Maybe you meant '==' instead of '='?)~~", 1, 1, 1, 6},
        {R"~~(if x = 1: pass)~~", "SyntaxError", R"~~(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)~~", 1, 4, 1, 9},
        {R"~~([*a for a in b])~~", "SyntaxError", R"~~(iterable unpacking cannot be used in comprehension)~~", 1, 2, 1, 4},
        {R"~~(try:
  pass
x=1)~~", "SyntaxError", R"~~(expected 'except' or 'finally' block)~~", 3, 1, 3, 2},
        {R"~~(a = yield = 1)~~", "SyntaxError", R"~~(assignment to yield expression not possible)~~", 1, 5, 1, 10},
        {R"~~(f(x for x in y, 1))~~", "SyntaxError", R"~~(Generator expression must be parenthesized)~~", 1, 3, 1, 15},
        {R"~~(x = 1 2)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(f() = 1
x = "abc
)~~", "SyntaxError", R"~~(unterminated string literal (detected at line 2))~~", 2, 5, 2, 5},
        {R"~~(x = 1 +
()~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 8, 1, 8},
        {R"~~(def f(:
  pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(x = (1 2))~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 6, 1, 9},
        {R"~~([a b])~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 2, 1, 5},
        {R"~~(f(a b))~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 3, 1, 6},
        {R"~~(x = {1: 2 3: 4})~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 9, 1, 12},
        {R"~~(x = a b c)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(for x in y
  pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 11, 1, 11},
        {R"~~(class A
  pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 8, 1, 8},
        {R"~~(while x
 pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 8, 1, 8},
        {R"~~(def f()
  pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 8, 1, 8},
        {R"~~(del f())~~", "SyntaxError", R"~~(cannot delete function call)~~", 1, 5, 1, 8},
        {R"~~(del 1)~~", "SyntaxError", R"~~(cannot delete literal)~~", 1, 5, 1, 6},
        {R"~~(for 1 in x: pass)~~", "SyntaxError", R"~~(cannot assign to literal)~~", 1, 5, 1, 6},
        {R"~~(with a as 1: pass)~~", "SyntaxError", R"~~(cannot assign to literal)~~", 1, 11, 1, 12},
        {R"~~((a, b) += 1)~~", "SyntaxError", R"~~('tuple' is an illegal expression for augmented assignment)~~", 1, 1, 1, 7},
        {R"~~(a, b += 1)~~", "SyntaxError", R"~~('tuple' is an illegal expression for augmented assignment)~~", 1, 1, 1, 5},
        {R"~~(f() += 1)~~", "SyntaxError", R"~~('function call' is an illegal expression for augmented assignment)~~", 1, 1, 1, 4},
        {R"~~(x := 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 3, 1, 5},
        {R"~~((a.b := 1))~~", "SyntaxError", R"~~(cannot use assignment expressions with attribute)~~", 1, 2, 1, 5},
        {R"~~(def f(*): pass)~~", "SyntaxError", R"~~(named arguments must follow bare *)~~", 1, 7, 1, 8},
        {R"~~(def f(*, **k): pass)~~", "SyntaxError", R"~~(named arguments must follow bare *)~~", 1, 7, 1, 8},
        {R"~~(def f(*a, *b): pass)~~", "SyntaxError", R"~~(* argument may appear only once)~~", 1, 11, 1, 12},
        {R"~~(def f(**k, a): pass)~~", "SyntaxError", R"~~(arguments cannot follow var-keyword argument)~~", 1, 12, 1, 13},
        {R"~~(def f(a, /, b, /): pass)~~", "SyntaxError", R"~~(/ may appear only once)~~", 1, 16, 1, 17},
        {R"~~(def f(/): pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(import a.b as)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 14, 1, 14},
        {R"~~(from x import (a, b)~~", "SyntaxError", R"~~('(' was never closed)~~", 1, 15, 1, 0},
        {R"~~(from x import a,)~~", "SyntaxError", R"~~(trailing comma not allowed without surrounding parentheses)~~", 1, 17, 1, 17},
        {R"~~(True = 1)~~", "SyntaxError", R"~~(cannot assign to True)~~", 1, 1, 1, 5},
        {R"~~(f(1=2))~~", "SyntaxError", R"~~(expression cannot contain assignment, perhaps you meant "=="?)~~", 1, 3, 1, 5},
        {R"~~(f(a.b=2))~~", "SyntaxError", R"~~(expression cannot contain assignment, perhaps you meant "=="?)~~", 1, 3, 1, 7},
        {R"~~(else: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 1, 1, 5},
        {R"~~(x = f() = 1)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 5, 1, 8},
        {R"~~(f() = 1 = 2)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 1, 1, 4},
        {R"~~([a, f()] = 1)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 5, 1, 8},
        {R"~~(a, 1 = x)~~", "SyntaxError", R"~~(cannot assign to literal here. Maybe you meant '==' instead of '='?)~~", 1, 4, 1, 5},
        {R"~~((a, 1) = x)~~", "SyntaxError", R"~~(cannot assign to literal)~~", 1, 5, 1, 6},
        {R"~~(None = 1)~~", "SyntaxError", R"~~(cannot assign to None)~~", 1, 1, 1, 5},
        {R"~~(x = None = 1)~~", "SyntaxError", R"~~(cannot assign to None)~~", 1, 5, 1, 9},
        {R"~~((f()) = 1)~~", "SyntaxError", R"~~(cannot assign to function call here. Maybe you meant '==' instead of '='?)~~", 1, 2, 1, 5},
        {R"~~(a.b = f() = 1)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 7, 1, 10},
        {R"~~(for f() in x: pass)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 5, 1, 8},
        {R"~~(for a, f() in x: pass)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 8, 1, 11},
        {R"~~([x for f() in y])~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 8, 1, 11},
        {R"~~(with a as f(): pass)~~", "SyntaxError", R"~~(cannot assign to function call)~~", 1, 11, 1, 14},
        {R"~~(del a, f())~~", "SyntaxError", R"~~(cannot delete function call)~~", 1, 8, 1, 11},
        {R"~~(del (a, *b))~~", "SyntaxError", R"~~(cannot delete starred)~~", 1, 9, 1, 11},
        {R"~~(del *a)~~", "SyntaxError", R"~~(cannot delete starred)~~", 1, 5, 1, 7},
        {R"~~([print x])~~", "SyntaxError", R"~~(Missing parentheses in call to 'print'. Did you mean print(...)?)~~", 1, 2, 1, 9},
        {R"~~(x = print "a")~~", "SyntaxError", R"~~(Missing parentheses in call to 'print'. Did you mean print(...)?)~~", 1, 5, 1, 14},
        {R"~~((1, 2 3))~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 5, 1, 8},
        {R"~~(f(x, y z))~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 6, 1, 9},
        {R"~~(if x y: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 6, 1, 7},
        {R"~~(for x in y z: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 13},
        {R"~~(class A(B) x: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 13},
        {R"~~(def f() x: pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 9, 1, 10},
        {R"~~(try x: pass)~~", "SyntaxError", R"~~(expected ':')~~", 1, 5, 1, 6},
        {R"~~(while x y: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 9, 1, 10},
        {R"~~(x: int = 1 = 2)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 13},
        {R"~~(a, b: int)~~", "SyntaxError", R"~~(only single target (not tuple) can be annotated)~~", 1, 1, 1, 2},
        {R"~~(f(): int)~~", "SyntaxError", R"~~(illegal target for annotation)~~", 1, 1, 1, 4},
        {R"~~(lambda: 1 = 2)~~", "SyntaxError", R"~~(cannot assign to lambda)~~", 1, 1, 1, 10},
        {R"~~(x = lambda: 1 = 2)~~", "SyntaxError", R"~~(cannot assign to lambda)~~", 1, 5, 1, 14},
        {R"~~(x = a if b = 1)~~", "SyntaxError", R"~~(expected 'else' after 'if' expression)~~", 1, 5, 1, 11},
        {R"~~(x = yield = 1)~~", "SyntaxError", R"~~(assignment to yield expression not possible)~~", 1, 5, 1, 10},
        {R"~~([x = 1])~~", "SyntaxError", R"~~(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)~~", 1, 2, 1, 7},
        {R"~~(f(x=1 = 2))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(print x)~~", "SyntaxError", R"~~(Missing parentheses in call to 'print'. Did you mean print(...)?)~~", 1, 1, 1, 8},
        {R"~~(print(x) y)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 10, 1, 11},
        {R"~~(exec "x")~~", "SyntaxError", R"~~(Missing parentheses in call to 'exec'. Did you mean exec(...)?)~~", 1, 1, 1, 9},
        {R"~~(f(), a = 1)~~", "SyntaxError", R"~~(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)~~", 1, 6, 1, 11},
        {R"~~((a < b) = 1)~~", "SyntaxError", R"~~(cannot assign to comparison here. Maybe you meant '==' instead of '='?)~~", 1, 2, 1, 7},
        {R"~~([x for x in y] = 1)~~", "SyntaxError", R"~~(cannot assign to list comprehension here. Maybe you meant '==' instead of '='?)~~", 1, 1, 1, 15},
        {R"~~(if x:
    pass
else
  pass)~~", "SyntaxError", R"~~(expected ':')~~", 3, 5, 3, 5},
        {R"~~(if x: pass
elif y:
pass)~~", "IndentationError", R"~~(expected an indented block after 'elif' statement on line 2)~~", 3, 1, 3, 5},
        {R"~~(while x:
pass)~~", "IndentationError", R"~~(expected an indented block after 'while' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(for x in y:
pass)~~", "IndentationError", R"~~(expected an indented block after 'for' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(with x:
pass)~~", "IndentationError", R"~~(expected an indented block after 'with' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(try:
pass)~~", "IndentationError", R"~~(expected an indented block after 'try' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(try:
 pass
except:
pass)~~", "IndentationError", R"~~(expected an indented block after 'except' statement on line 3)~~", 4, 1, 4, 5},
        {R"~~(try:
 pass
except* E:
pass)~~", "IndentationError", R"~~(expected an indented block after 'except*' statement on line 3)~~", 4, 1, 4, 5},
        {R"~~(try:
 pass
finally:
pass)~~", "IndentationError", R"~~(expected an indented block after 'finally' statement on line 3)~~", 4, 1, 4, 5},
        {R"~~(def f():
pass)~~", "IndentationError", R"~~(expected an indented block after function definition on line 1)~~", 2, 1, 2, 5},
        {R"~~(class A:
pass)~~", "IndentationError", R"~~(expected an indented block after class definition on line 1)~~", 2, 1, 2, 5},
        {R"~~(match x:
case 1: pass)~~", "IndentationError", R"~~(expected an indented block after 'match' statement on line 1)~~", 2, 1, 2, 5},
        {R"~~(match x:
 case 1:
 pass)~~", "IndentationError", R"~~(expected an indented block after 'case' statement on line 2)~~", 3, 2, 3, 6},
        {R"~~(if x: pass
else:
pass)~~", "IndentationError", R"~~(expected an indented block after 'else' statement on line 2)~~", 3, 1, 3, 5},
        {R"~~(async def f():
pass)~~", "IndentationError", R"~~(expected an indented block after function definition on line 1)~~", 2, 1, 2, 5},
        {R"~~(@d
x = 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 2, 1, 2, 2},
        {R"~~(except: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 1, 1, 7},
        {R"~~(try:
 pass
except A, B:
 pass)~~", "SyntaxError", R"~~(multiple exception types must be parenthesized)~~", 3, 8, 3, 12},
        {R"~~(try:
 pass
except A as b.c:
 pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 3, 14, 3, 15},
        {R"~~(a.1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 2, 1, 4},
        {R"~~(import)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 7},
        {R"~~(from . import *, a)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 16, 1, 17},
        {R"~~(from a import (*))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 16, 1, 17},
        {R"~~(lambda a=1, b: 0)~~", "SyntaxError", R"~~(non-default argument follows default argument)~~", 1, 13, 1, 14},
        {R"~~(f(**a, b))~~", "SyntaxError", R"~~(positional argument follows keyword argument unpacking)~~", 1, 9, 1, 10},
        {R"~~(f(*a, b=1, c))~~", "SyntaxError", R"~~(positional argument follows keyword argument)~~", 1, 13, 1, 14},
        {R"~~(f(a for a in b, c))~~", "SyntaxError", R"~~(Generator expression must be parenthesized)~~", 1, 3, 1, 15},
        {R"~~(f(c, a for a in b))~~", "SyntaxError", R"~~(Generator expression must be parenthesized)~~", 1, 6, 1, 18},
        {R"~~(class A(x for x in y): pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 11, 1, 14},
        {R"~~(nonlocal x = 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 13},
        {R"~~(global x, y.z)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 13},
        {R"~~(assert x,)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 10, 1, 10},
        {R"~~(raise x from)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 13, 1, 13},
        {R"~~([*a, *b for c in d])~~", "SyntaxError", R"~~(did you forget parentheses around the comprehension target?)~~", 1, 2, 1, 8},
        {R"~~({**a for b in c})~~", "SyntaxError", R"~~(dict unpacking cannot be used in dict comprehension)~~", 1, 2, 1, 4},
        {R"~~({a: *b})~~", "SyntaxError", R"~~(cannot use a starred expression in a dictionary value)~~", 1, 5, 1, 7},
        {R"~~({*a: b})~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 4, 1, 5},
        {R"~~({a: b, c})~~", "SyntaxError", R"~~(':' expected after dictionary key)~~", 1, 8, 1, 0},
        {R"~~((*a))~~", "SyntaxError", R"~~(cannot use starred expression here)~~", 1, 2, 1, 4},
        {R"~~(del a + b)~~", "SyntaxError", R"~~(cannot delete expression)~~", 1, 5, 1, 10},
        {R"~~(async x = 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(await = 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(f"{}")~~", "SyntaxError", R"~~(f-string: empty expression not allowed)~~", 1, 6, 1, 6},
        {R"~~(x = f"{}" + 1)~~", "SyntaxError", R"~~(f-string: empty expression not allowed)~~", 1, 11, 1, 12},
        {R"~~(f"{a b}")~~", "SyntaxError", R"~~(f-string: invalid syntax. Perhaps you forgot a comma?)~~", 1, 2, 1, 5},
        {R"~~(f"{x!z}")~~", "SyntaxError", R"~~(f-string: invalid conversion character: expected 's', 'r', or 'a')~~", 1, 9, 1, 9},
        {R"~~(f"{x")~~", "SyntaxError", R"~~(f-string: expecting '}')~~", 1, 6, 1, 6},
        {R"~~(f"}")~~", "SyntaxError", R"~~(f-string: single '}' is not allowed)~~", 1, 5, 1, 5},
        {R"~~(f"{x:{y:{z}}}")~~", "SyntaxError", R"~~(f-string: expressions nested too deeply)~~", 1, 15, 1, 15},
        {R"~~(f"{#}")~~", "SyntaxError", R"~~(f-string expression part cannot include '#')~~", 1, 7, 1, 7},
        {R"~~(f"{a!r=}")~~", "SyntaxError", R"~~(f-string: expecting '}')~~", 1, 10, 1, 10},
        {R"~~(x = 1 if y)~~", "SyntaxError", R"~~(expected 'else' after 'if' expression)~~", 1, 5, 1, 11},
        {R"~~(match x y)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 9, 1, 10},
        {R"~~(x = f"""
{a b}
""")~~", "SyntaxError", R"~~(f-string: invalid syntax. Perhaps you forgot a comma?)~~", 2, 2, 2, 5},
        {R"~~(f"{a=!r:>{b c}}")~~", "SyntaxError", R"~~(f-string: invalid syntax. Perhaps you forgot a comma?)~~", 1, 2, 1, 5},
        {R"~~(f"{lambda x:1}")~~", "SyntaxError", R"~~(f-string: invalid syntax)~~", 1, 10, 1, 11},
        {R"~~(f"{*a}")~~", "SyntaxError", R"~~(f-string: cannot use starred expression here)~~", 1, 2, 1, 4},
        {R"~~("a" b"b")~~", "SyntaxError", R"~~(cannot mix bytes and nonbytes literals)~~", 1, 9, 1, 9},
        {R"~~(x = ("a"
 b"b"))~~", "SyntaxError", R"~~(cannot mix bytes and nonbytes literals)~~", 2, 6, 2, 7},
        {R"~~(f"{x!}")~~", "SyntaxError", R"~~(f-string: invalid conversion character: expected 's', 'r', or 'a')~~", 1, 8, 1, 8},
        {R"~~(f"{x!r")~~", "SyntaxError", R"~~(f-string: expecting '}')~~", 1, 8, 1, 8},
        {R"~~(f"{{}}}")~~", "SyntaxError", R"~~(f-string: single '}' is not allowed)~~", 1, 9, 1, 9},
        {R"~~(f"{a[}")~~", "SyntaxError", R"~~(f-string: closing parenthesis '}' does not match opening parenthesis '[')~~", 1, 8, 1, 8},
        {R"~~(f"{a)}")~~", "SyntaxError", R"~~(f-string: unmatched ')')~~", 1, 8, 1, 8},
        {R"~~(f"{a(]}")~~", "SyntaxError", R"~~(f-string: closing parenthesis ']' does not match opening parenthesis '(')~~", 1, 9, 1, 9},
        {R"~~(f"{x!rr}")~~", "SyntaxError", R"~~(f-string: expecting '}')~~", 1, 10, 1, 10},
        {R"~~(f"{ }")~~", "SyntaxError", R"~~(f-string: empty expression not allowed)~~", 1, 7, 1, 7},
        {R"~~(f(True=1))~~", "SyntaxError", R"~~(cannot assign to True)~~", 1, 3, 1, 8},
        {R"~~(def f(*a, /): pass)~~", "SyntaxError", R"~~(/ must be ahead of *)~~", 1, 11, 1, 12},
        {R"~~(def f(a, *, /): pass)~~", "SyntaxError", R"~~(/ must be ahead of *)~~", 1, 13, 1, 14},
        {R"~~(def f(*a=1): pass)~~", "SyntaxError", R"~~(var-positional argument cannot have default value)~~", 1, 9, 1, 10},
        {R"~~(def f(**a=1): pass)~~", "SyntaxError", R"~~(var-keyword argument cannot have default value)~~", 1, 10, 1, 11},
        {R"~~(lambda *: 0)~~", "SyntaxError", R"~~(named arguments must follow bare *)~~", 1, 9, 1, 10},
        {R"~~(lambda /: 0)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 8, 1, 9},
        {R"~~(def f(a, /, /): pass)~~", "SyntaxError", R"~~(/ may appear only once)~~", 1, 13, 1, 14},
        {R"~~(def f(*, a, *b): pass)~~", "SyntaxError", R"~~(* argument may appear only once)~~", 1, 13, 1, 14},
        {R"~~(match x)~~", "SyntaxError", R"~~(expected ':')~~", 1, 8, 1, 8},
        {R"~~(match x
)~~", "SyntaxError", R"~~(expected ':')~~", 1, 8, 1, 8},
        {R"~~(match x:
 case 1 as _: pass)~~", "SyntaxError", R"~~(cannot use '_' as a target)~~", 2, 12, 2, 13},
        {R"~~(match x:
 case 1 as 2: pass)~~", "SyntaxError", R"~~(invalid pattern target)~~", 2, 12, 2, 13},
        {R"~~(match x:
 case A(a=1, b): pass)~~", "SyntaxError", R"~~(positional patterns follow keyword patterns)~~", 2, 14, 2, 15},
        {R"~~(match x:
 case 1 + 1: pass)~~", "SyntaxError", R"~~(imaginary number required in complex literal)~~", 2, 11, 2, 12},
        {R"~~(match x:
 case {**_}: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 2, 10, 2, 11},
        {R"~~(match x:
 case -a: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 2, 8, 2, 9},
        {R"~~(if x:
  a
 b)~~", "IndentationError", R"~~(unindent does not match any outer indentation level)~~", 3, 3, 3, -1},
        {R"~~(if x:
  a
    b)~~", "IndentationError", R"~~(unexpected indent)~~", 3, 4, 3, -1},
        {R"~~(x
  y)~~", "IndentationError", R"~~(unexpected indent)~~", 2, 2, 2, -1},
        {R"~~(x = ()~~", "SyntaxError", R"~~('(' was never closed)~~", 1, 5, 1, 0},
        {R"~~(x = ))~~", "SyntaxError", R"~~(unmatched ')')~~", 1, 5, 1, 5},
        {R"~~(x = ])~~", "SyntaxError", R"~~(unmatched ']')~~", 1, 5, 1, 5},
        {R"~~(def f(a, b):
  return a +
)~~", "SyntaxError", R"~~(invalid syntax)~~", 2, 13, 2, 13},
        {R"~~(for x in range(10):
    print(x)
  print(x))~~", "IndentationError", R"~~(unindent does not match any outer indentation level)~~", 3, 11, 3, -1},
        {R"~~(class C:
    def f(self):
        pass
   def g(self): pass)~~", "IndentationError", R"~~(unindent does not match any outer indentation level)~~", 4, 21, 4, -1},
        {R"~~(x = 'abc)~~", "SyntaxError", R"~~(unterminated string literal (detected at line 1))~~", 1, 5, 1, 5},
        {R"~~(x = """abc)~~", "SyntaxError", R"~~(unterminated triple-quoted string literal (detected at line 1))~~", 1, 5, 1, 5},
        {R"~~(s = "a" "b" 'c)~~", "SyntaxError", R"~~(unterminated string literal (detected at line 1))~~", 1, 13, 1, 13},
        {R"~~(print(f"{x:{y}}")
print(f"{"))~~", "SyntaxError", R"~~(f-string: expecting '}')~~", 2, 11, 2, 12},
        {R"~~(d = {'a': 1, 'b': 2)~~", "SyntaxError", R"~~('{' was never closed)~~", 1, 5, 1, 0},
        {R"~~(d = {'a' 1})~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 6, 1, 11},
        {R"~~(if x == 1
    print(x))~~", "SyntaxError", R"~~(expected ':')~~", 1, 10, 1, 10},
        {R"~~(elif x: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 1, 1, 5},
        {R"~~(def f(x):
return x)~~", "IndentationError", R"~~(expected an indented block after function definition on line 1)~~", 2, 1, 2, 7},
        {R"~~(x = [i for i in range(10) if i % 2 = 0])~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 36, 1, 37},
        {R"~~(print("hello" "world" x))~~", "SyntaxError", R"~~(invalid syntax. Perhaps you forgot a comma?)~~", 1, 7, 1, 24},
        {R"~~(x = 5 y = 6)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(import math as)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 15, 1, 15},
        {R"~~(from math import)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 17, 1, 17},
        {R"~~(def = 5)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 5, 1, 6},
        {R"~~(class = 1)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(x = 1 if 2 else)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 16, 1, 16},
        {R"~~(lambda x: yield)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 11, 1, 16},
        {R"~~(a = 1; b = 2; c =)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 18, 1, 18},
        {R"~~(while True print(1))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 12, 1, 17},
        {R"~~(x++)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 4, 1, 4},
        {R"~~(a =! b)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 4, 1, 5},
        {R"~~(if a => b: pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 6, 1, 7},
        {R"~~(print(1,, 2))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 9, 1, 10},
        {R"~~(f(,))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 3, 1, 4},
        {R"~~([1,,2])~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 4, 1, 5},
        {R"~~((,))~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 2, 1, 3},
        {R"~~(x = {1:2, **})~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 13, 1, 14},
        {R"~~(x.)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 3, 1, 3},
        {R"~~(x[)~~", "SyntaxError", R"~~('[' was never closed)~~", 1, 2, 1, 0},
        {R"~~(x[1:2:3:4])~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 8, 1, 9},
        {R"~~(@
def f(): pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 2, 1, 2},
        {R"~~(def f(a, a=1, *, b, **c, d): pass)~~", "SyntaxError", R"~~(arguments cannot follow var-keyword argument)~~", 1, 26, 1, 27},
        {R"~~(with open(x) as f, : pass)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 20, 1, 21},
        {R"~~(x = 0777)~~", "SyntaxError", R"~~(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)~~", 1, 5, 1, 6},
        {R"~~(x = 1_000_)~~", "SyntaxError", R"~~(invalid decimal literal)~~", 1, 10, 1, 10},
        {R"~~(x = 0b2)~~", "SyntaxError", R"~~(invalid digit '2' in binary literal)~~", 1, 7, 1, 7},
        {R"~~(x = 1e)~~", "SyntaxError", R"~~(invalid decimal literal)~~", 1, 5, 1, 5},
        {R"~~(x = 5j5)~~", "SyntaxError", R"~~(invalid imaginary literal)~~", 1, 6, 1, 6},
        {R"~~(x = $)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 5, 1, 6},
        {R"~~(x = 1 ? 2 : 3)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 7, 1, 8},
        {R"~~(def f[T](): pass)~~", "SyntaxError", R"~~(expected '(')~~", 1, 6, 1, 7},
        {R"~~(type X = int)~~", "SyntaxError", R"~~(invalid syntax)~~", 1, 6, 1, 7},
    };
    for (const ErrorCase& c : cases) {
        INFO("source: " << c.src);
        gp::ast::AstArena arena;
        gp::SyntaxErrorInfo err;
        REQUIRE(gp::parse(c.src, gp::ParseMode::Exec, arena, err) == nullptr);
        CHECK(err.type == c.type);
        CHECK(err.msg == c.msg);
        CHECK(err.lineno == c.lineno);
        CHECK(err.offset == c.offset);
        CHECK(err.end_lineno == c.end_lineno);
        CHECK(err.end_offset == c.end_offset);
    }
}

TEST_CASE("nesting beyond the parser's budget is refused, never a stack overflow", "[parser]") {
    SECTION("200 nested brackets parse (the tokenizer refuses 201)") {
        std::string src = "x = " + std::string(199, '(') + "1" + std::string(199, ')');
        gp::ast::AstArena arena;
        gp::SyntaxErrorInfo err;
        CHECK(gp::parse(src, gp::ParseMode::Exec, arena, err) != nullptr);
        std::string deeper = "x = " + std::string(201, '[') + std::string(201, ']');
        CHECK(gp::parse(deeper, gp::ParseMode::Exec, arena, err) == nullptr);
        CHECK(err.msg == "too many nested parentheses");
    }
    SECTION("a chain of 5000 unary minus signs is a MemoryError, as in CPython") {
        std::string src = "x = " + std::string(5000, '-') + "1";
        gp::ast::AstArena arena;
        gp::SyntaxErrorInfo err;
        CHECK(gp::parse(src, gp::ParseMode::Exec, arena, err) == nullptr);
        CHECK(err.type == "MemoryError");
    }
    SECTION("nested lambdas and conditionals") {
        std::string src = "x = ";
        for (int i = 0; i < 2000; ++i) src += "lambda: ";
        src += "0";
        gp::ast::AstArena arena;
        gp::SyntaxErrorInfo err;
        CHECK(gp::parse(src, gp::ParseMode::Exec, arena, err) == nullptr);
        CHECK(err.type == "MemoryError");
    }
}

TEST_CASE("a 10,000-line module parses in linear time", "[parser]") {
    std::string block = "def f(a, b=1, *c, **d):\n    if a and not b:\n        return [x * 2 for x in c if x]\n    return {k: v for k, v in d.items()}\n\n";
    std::string src;
    while (src.size() < block.size() * 2000) src += block;   // 10,000 lines
    gp::ast::AstArena arena;
    gp::SyntaxErrorInfo err;
    auto t0 = std::chrono::steady_clock::now();
    gp::ast::Mod* m = gp::parse(src, gp::ParseMode::Exec, arena, err);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(m != nullptr);
    CHECK(m->body.size() == 2000);
    CHECK(ms < 1000.0);   // typically ~10 ms; generous for sanitizer and debug builds
}
