"""String building: concatenation, join, f-strings, str methods and slicing."""


def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return len(s), s[-20:]


def join_parts(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * i % 97}")
    text = ",".join(parts)
    return len(text), text.count("1"), text[:30]


def methods(n):
    total = 0
    line = "The quick brown fox jumps over the lazy dog"
    for i in range(n):
        up = line.upper()
        total += len(up.split())
        total += up.find("LAZY")
        if line.startswith("The"):
            total += 1
        total += len(line.replace("o", "0"))
    return total


def reverse_words(n):
    out = 0
    for i in range(n):
        w = "word" + str(i)
        out += len(w[::-1]) + (1 if w.isalnum() else 0)
    return out


print(concat(800000))
print(join_parts(400000))
print(methods(160000))
print(reverse_words(400000))
