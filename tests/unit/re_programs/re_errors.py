# re.error messages and positions, and the TypeErrors and ValueErrors around compile
import re
patterns = ["(", ")", "a**", "*a", "+", "a{3,2}", "[a", "[]", "[b-a]", "[\\d-z]", "[a-\\w]", "(?P<1>a)",
            "(?P<a-b>x)", "(?P=x)", "(?P<a>x)(?P<a>y)", "(?P", "(?Px)", "(?<a)", "(?<", "(?", "(?z)",
            "(?i", "(?i-", "(?-)", "(?i-i:a)", "(?a-u:x)", "(?au)", "(?L)", "(?-a:x)", "x(?i)y",
            "(?#abc", "\\", "a\\", "\\q", "[\\q]", "\\x4", "\\u12", "\\U0011ffff",
            "\\400", "[\\400]", "\\8", "(a)\\2", "(a\\1)", "(?<=a+)b", "(?<=a|bc)d", "(?<!x*)y",
            "(?(1)a|b|c)", "(?(x)a)", "(?(0)a)", "(?(-1)a)", "(?(1a)b)", "(a)(?(3)b)", "(?<=(a)\\1)",
            "a\nb(\nc", "(?x)\n(\n", "a{4294967295}", "(?'x')", "(?>a", "((?P<n>a)(?P=n)", "[[:a:]"]
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), "ok")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for args in [("a", re.L), ("a", re.A | re.U), (b"a", re.U), (b"a", re.A | re.L), (1, 0), (bytearray(b"a"), 0),
             (b"(?u)a", 0), ("(?L)a", 0), (b"\\u1234", 0), (re.compile("a"), re.I)]:
    try:
        re.compile(*args)
        print(args, "ok")
    except Exception as e:
        print(type(e).__name__, e)
for call in [lambda: re.match("a", 1), lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"),
             lambda: re.sub("a", r"\g<y>", "a"), lambda: re.sub("a", r"\g<1>", "a"), lambda: re.sub("a", r"\g", "a"),
             lambda: re.sub("a", r"\g<", "a"), lambda: re.sub("a", r"\g<>", "a"), lambda: re.sub("a", r"\q", "a"),
             lambda: re.sub("a", "\\", "a"), lambda: re.sub("(a)", r"\2", "a"), lambda: re.sub("a", r"\g<a-b>", "a"),
             lambda: re.compile("a").match("a", "x"), lambda: re.sub(b"a", "x\\n", b"a"),
             lambda: re.sub("a", lambda m: 1, "a"), lambda: re.match("(a)", "a").group(2),
             lambda: re.match("(a)", "a").group("x"), lambda: re.match("(a)", "a")[-1],
             lambda: re.compile("a").search(), lambda: re.Pattern(), lambda: re.match("a", "a").start(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
for p in ["[[a]", "[a&&b]", "(?:[a||b])", "((x[a~~b]))"]:
    print(re.findall(p, "a[b]-&|~"))
