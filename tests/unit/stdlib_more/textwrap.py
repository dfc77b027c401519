# wrap/fill/shorten with every option, hyphens and em-dashes, dedent/indent, errors
import textwrap
s = "The quick brown fox jumped over the lazy dog. A well-known example-text, with hyphenated-words and em--dashes -- also   extra spaces.\tTabs too! Is it? Yes."
for w in (1, 5, 10, 12, 20, 33, 70):
    print(w, textwrap.wrap(s, w))
print(textwrap.fill(s, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(s, 15, break_on_hyphens=False, break_long_words=False))
print(textwrap.wrap(s, 20, fix_sentence_endings=True, drop_whitespace=False))
print(textwrap.shorten(s, 40), textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11))
print(textwrap.wrap(s, 25, max_lines=3, placeholder='...'))
print(repr(textwrap.dedent("   a\n     b\n  \n    c\n")), repr(textwrap.dedent("\ta\n  b")), repr(textwrap.indent("a\n\nb\n", '> ')))
print(repr(textwrap.indent("a\n\nb\n", '> ', lambda l: True)))
print(textwrap.wrap("supercalifragilisticexpialidocious-and-more-words-here", 10))
print(textwrap.wrap("a-b-c-d e--f g---h ab-cd-ef x--y", 4))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("a\nb\n\nc", 10))
try: textwrap.wrap("x", 0)
except ValueError as e: print(e)
try: textwrap.wrap("x y z", 3, max_lines=1, placeholder='[....]')
except ValueError as e: print(e)
w = textwrap.TextWrapper(width=12, tabsize=4)
print(w.wrap("a\tb\tc d e f g h i j k"), w.width)
