# exit/quit are Quitter objects (repr, SystemExit with the code), help's repr, aiter/anext with and without a default
print(repr(exit), str(quit), type(exit).__name__, repr(help), repr(license))
for code in [None, 0, 5, 'message']:
    try:
        exit(code) if code is not None else quit()
    except SystemExit as e:
        print('SystemExit', repr(e.code), e.args)
async def agen():
    yield 1
    yield 2
async def main():
    it = aiter(agen())
    print(await anext(it), await anext(it), await anext(it, 'done'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    print([x async for x in aiter(agen())])
c = main()
try:
    c.send(None)
except StopIteration:
    pass
for bad in ['aiter(1)', 'anext(1)', 'anext([])']:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, '->', e)
exit(7)
