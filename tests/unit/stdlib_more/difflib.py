# difflib: SequenceMatcher (ratios, blocks, opcodes, junk, autojunk), get_close_matches, ndiff/Differ with ? guides, unified/context diffs, restore
import difflib
s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio(), s.get_matching_blocks(), s.get_opcodes(), s.find_longest_match(0, 5, 0, 4))
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_opcodes())
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, "qabxcd", "abycdf").get_opcodes():
    print('{:7}   a[{}:{}] --> b[{}:{}] {!r:>8} --> {!r}'.format(tag, i1, i2, j1, j2, "qabxcd"[i1:i2], "abycdf"[j1:j2]))
big_a = ['x'] * 150 + ['y'] * 60
big_b = ['y'] * 60 + ['x'] * 150
print(difflib.SequenceMatcher(None, big_a, big_b).ratio(), difflib.SequenceMatcher(None, big_a, big_b, autojunk=False).ratio())
print(list(difflib.SequenceMatcher(None, list(range(20)), list(range(5, 25))).get_grouped_opcodes(2)))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']), difflib.get_close_matches('wheel', ['while', 'wheat', 'whale', 'steel'], n=2, cutoff=0.5), difflib.get_close_matches('xyz', ['abc']))
a = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n'.splitlines(keepends=True)
b = 'zero\none\ntree\nfour\nfive\nsix\nseven\neight\nnine!\nten\neleven\n'.splitlines(keepends=True)
print(''.join(difflib.unified_diff(a, b, fromfile='before.txt', tofile='after.txt', fromfiledate='2024-01-01', n=2)), end='')
print(''.join(difflib.context_diff(a, b, fromfile='before.txt', tofile='after.txt')), end='')
print('\n'.join(difflib.unified_diff(['a', 'b'], ['a', 'c'], lineterm='')))
diff = list(difflib.ndiff('one\ntwo\nthree\n'.splitlines(keepends=True), 'ore\ntree\nemu\n'.splitlines(keepends=True)))
print(''.join(diff), end='')
print(''.join(difflib.restore(diff, 1)), end='')
print(''.join(difflib.restore(diff, 2)), end='')
text1 = ['  1. Beautiful is better than ugly.\n', '  2. Explicit is better than implicit.\n', '  3. Simple is better than complex.\n', '  4. Complex is better than complicated.\n']
text2 = ['  1. Beautiful is better than ugly.\n', '  3.   Simple is better than complex.\n', '  4. Complicated is better than complex.\n', '  5. Flat is better than nested.\n']
print(''.join(difflib.Differ().compare(text1, text2)), end='')
print(list(difflib.unified_diff([], [])), list(difflib.ndiff(['same\n'], ['same\n'])), difflib.IS_LINE_JUNK('  # \n'), difflib.IS_CHARACTER_JUNK('\t'))
for bad in ["difflib.get_close_matches('a', [], n=0)", "difflib.get_close_matches('a', [], cutoff=2)", "list(difflib.unified_diff([1], [2]))", "list(difflib.restore([], 3))"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(bad, '->', type(e).__name__, e)
