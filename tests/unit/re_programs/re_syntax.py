# every piece of the pattern syntax: classes, categories, anchors, groups, alternation, repeats
import re
cases = [
    (r"[a-c]+", "xxabcabd"), (r"[^a-c]+", "abcxyzab"), (r"[\d_]+", "a1_2b"), (r"[]a]+", "]a]b"),
    (r"[a-]+", "a-a-b"), (r"[\w.-]+@\w+", "mail: j.d-x@host!"), (r"\d+\s\D+\S", "12 ab c"),
    (r"\W+", "ab, cd!"), (r".+", "ab\ncd"), (r"(?s).+", "ab\ncd"), (r"^\w+$", "abc"),
    (r"^b", "a\nb"), (r"(?m)^b$", "a\nb\nc"), (r"a$", "a\n"), (r"a\Z", "a\n"), (r"\Aa", "ba"),
    (r"\bfoo\b", "a foo b"), (r"\Boo\B", "foobar"), (r"(a)(b)(c)", "abc"), (r"(?:ab)+", "ababx"),
    (r"(?P<w>\w)(?P=w)", "abccd"), (r"(\w)\1", "xyyz"), (r"cat|dog|bird", "hotdog"),
    (r"a*", "aaab"), (r"a*?", "aaab"), (r"a+?b", "aaab"), (r"a{2}", "aaaa"), (r"a{2,}", "aaaaa"),
    (r"a{,2}", "aaaa"), (r"a{1,3}?", "aaaa"), (r"a{2,3}", "a"), (r"x{}", "x{}"), (r"x{a}", "x{a}"),
    (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"(a+)+b", "aaab"), (r"((a)|b)+", "ab"), (r"(a)|b", "b"),
    (r"\x41\u0042\U00000043\101\0", "ABCA\0"), (r"\n\t\\", "\n\t\\"),
    (r"(?x) a b # comment\n c", "abc"), (r"(?#note)ab", "ab"), (r"(?=ab)a", "ab"), (r"a(?!b)", "abac"),
    (r"(?<=a)b", "ab"), (r"(?<!a)b", "ab cb"), (r"(?<=\d{3})x", "123x"), (r"\d+(?=%)", "50% 60"),
    (r"(.)(?:(?=\1).)*", "aaab"), (r"(?:(a)|b)*", "ab"), (r"(a*)*", "b"), (r"(a*)+", "b"), (r"(a|)+", "aa"),
]
for p, s in cases:
    m = re.search(p, s)
    print(repr(p), m and (m.span(), m.groups(), m.lastindex), re.findall(p, s))
print(re.findall(r"(?:ab)*", "ab" * 5000)[:1], len(re.findall(r"(?:ab)*", "ab" * 5000)))
print(len(re.match(r"(?:a|b)*c", "ab" * 20000 + "c").group()))
print(re.match(r"(a|b)*?c", "ab" * 3000 + "c").span())
print(re.search(r"x+y", "x" * 10000) is None)
