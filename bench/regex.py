"""Regular expressions: compile once, then search, findall, sub, split and
finditer over a few hundred kilobytes of text (the `re` module's engine)."""
import re

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_text(n):
    lines = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        lines.append(f"{i:05d} {w}@example.org {w.upper()} value={i * 7 % 1000}; "
                     f"date=2024-{i % 12 + 1:02d}-{i % 28 + 1:02d} the quick brown fox")
    return "\n".join(lines)


TEXT = make_text(6000)


def words_and_numbers():
    words = re.findall(r"\b\w+\b", TEXT)
    nums = re.findall(r"\d+", TEXT)
    return len(words), sum(int(n) for n in nums) % 100003


def emails_and_dates():
    emails = re.findall(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", TEXT)
    dates = [(int(y), int(m), int(d)) for y, m, d in re.findall(r"(\d{4})-(\d\d)-(\d\d)", TEXT)]
    return len(emails), sum(m * d for _, m, d in dates)


def substitutions():
    a = re.sub(r"value=(\d+)", r"v:\1", TEXT)
    b = re.sub(r"\s+", " ", TEXT)
    c = re.sub(r"[aeiou]", lambda m: m.group().upper(), TEXT[:60000])
    return len(a), len(b), c.count("A")


def splits():
    parts = re.split(r"[;\n]\s*", TEXT)
    fields = [re.split(r"\s+", p, maxsplit=2) for p in parts[:3000]]
    return len(parts), sum(len(f) for f in fields)


def line_matches():
    pat = re.compile(r"^(\d+) (\w+)@example\.org ([A-Z]+) value=(\d+)", re.M)
    total = 0
    for m in pat.finditer(TEXT):
        total += int(m.group(4)) + len(m.group(2))
    line_pat = re.compile(r"(?P<id>\d+) (?P<user>\w+)@")
    hits = 0
    for line in TEXT.splitlines():
        m = line_pat.match(line)
        if m and m["user"].startswith(("a", "o")):
            hits += 1
    return total, hits


def backtracking():
    pat = re.compile(r"(\w+)\s+(?:the|a)\s+(\w+)\s+(\w+)\s+fox$", re.M)
    n = len(pat.findall(TEXT))
    ign = re.compile(r"QUICK\s+BROWN", re.I)
    return n, len(ign.findall(TEXT))


for _ in range(3):
    r = (words_and_numbers(), emails_and_dates(), substitutions(), splits(), line_matches(), backtracking())
print(r)
