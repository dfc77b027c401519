# 3.11 additions: possessive quantifiers and atomic groups; conditionals; lookbehind; backtracking limits
import re
print(re.match(r"(?>a|ab)c", "abc"), re.match(r"(?:a|ab)c", "abc"), re.match(r"a++b", "aaab"), re.match(r"a++a", "aaa"))
print(re.match(r"(?:ab)*+", "ababa"), re.match(r"(?:ab)*+b", "abab"), re.match(r"x?+x", "x"), re.match(r"\d{1,3}+5", "1235"))
print(re.match(r"(?>(\w+))\s", "abc d").groups(), re.match(r"(?>a*)*b", "aab"), re.findall(r"(?>a+|b)", "aab"))
print(re.match(r"(?:a|b)*+c", "ab" * 1000 + "c").span(), re.match(r"(a+)*+b", "aaab").groups())
print(re.match(r"(a)?(?(1)b|c)", "c"), re.match(r"(a)?(?(1)b|c)", "ab"), re.match(r"(a)?(?(1)b|c)", "ac"))
print(re.match(r"(?P<q>\")?\w+(?(q)\")", '"ab"'), re.match(r"(?P<q>\")?\w+(?(q)\")", 'ab"'), re.match(r"(a)?x(?(1)y)", "x"))
print(re.search(r"(?<=ab)c", "abc"), re.search(r"(?<!a)b", "ab b"), re.search(r"(?<=(a))b", "ab").groups())
print(re.search(r"(?<=a|b)c", "bc"), re.search(r"(?<=\bab)c", "abc"), re.search(r"(?<=(?:ab){2})x", "ababx"))
print(re.search(r"(a)(?<=\1)", "aa"), re.findall(r"(?<=[.!?])\s+", "a. b! c"), re.search(r"(?<!^)x", "xx"))
print(re.search(r"(?=(a+))a*b\1", "baaabac"), re.search(r"(?!(a))b", "b").groups(), re.search(r"(?=(\w))", "a").groups())
try:
    re.compile(r"(?<=a+)b")
except re.error as e:
    print("error:", e)
try:
    re.compile(r"(?<=(a)|bc)")
except re.error as e:
    print("error:", e)
print(re.match(r"(a*)*b", "a" * 18) is None, re.match(r"(?:a|aa)+$", "a" * 25 + "b") is None)
print(re.fullmatch(r"(?:(?:a|b)+c)+", "abc" * 3000) is not None, len(re.sub(r"(?:x|y)+", "-", "xy" * 50000)))
