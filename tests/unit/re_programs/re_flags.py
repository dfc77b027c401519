# IGNORECASE (Unicode and ASCII), MULTILINE, DOTALL, VERBOSE, ASCII and scoped inline flags
import re
print(re.match("(?i)straße", "STRASSE"), re.match("(?i)ſ", "S"), re.match("(?i)[k]", "\u212a"), re.match(r"(?i)\u212a", "k"))
print(re.match("(?i)[a-z]+", "ÀbC"), re.match("(?i)[à-ÿ]+", "ÀÉÎ"), re.match("(?i)σ", "ς"), re.match("(?i)Σ+", "σςΣ"))
print(re.match("(?ia)[k]", "\u212a"), re.match("(?i)i", "İ"), re.match("(?i)ı", "I"), re.match("(?i)[^a]", "A"))
print(re.findall("(?i)[a-c]", "ABCabcxyz"), re.findall(r"(?i)\bFOO\b", "foo Foo fOO food"), re.match(r"(?i)(a)\1", "aA"))
print(re.search(r"^b", "a\nb", re.M), re.search(r"a$", "a\n"), re.search(r"\Bb", "ab"), re.search(r"\w+", "héllo wörld"))
print(re.search(r"(?a)\w+", "héllo"), re.search(r"\d+", "x٣٤y"), re.search(r"(?a)\d+", "x٣٤5y"), re.search(r"\s+", "a\u2003b"))
print(re.findall(r"(?m)^\w+$", "ab\ncd\n\nef"), re.findall(r"(?s)a.b", "a\nb"), re.findall(r"a.b", "a\nb axb"))
print(re.findall(r"""(?x)
    (\d+)   # digits
    \s*     # space
    ([a-z]) # a letter [#]
""", "12 a 3b"))
print(re.findall(r"a(?i:b)c", "aBc abC"), re.findall(r"(?i)a(?-i:b)c", "AbC ABC"), re.findall(r"(?s:.)(?m:$)", "a\nb"))
print(re.findall(r"(?x: a b ) c", "abc ab c"), re.match(r"(?u)\w", "é"), re.match(r"(?a:\w)\w", "aé"))
print(re.compile("(?i)a").flags, re.compile("(?a)a").flags, re.compile("(?m)(?s)a").flags, re.compile(b"(?L)a").flags)
print(re.compile("a", re.I | re.A), re.compile("(?x)a"), re.compile("(?i:a)").flags)
print(re.sub("(?i)é", "E", "éÉ"), re.split("(?i)X", "axbXc"), re.fullmatch(r"(?i)[^\W\d]+", "ÄbÇ"))
print(re.match(r"\b", ""), re.match(r"\B", ""), re.search(r"\B", "a"), re.findall(r"\b", "a"))
