"""Lists and dicts: appends, indexing, slicing, sorting, dict counting and lookups."""


def word_counts(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for i in range(n):
        w = words[(i * 7) % len(words)] + str(i % 50)
        counts[w] = counts.get(w, 0) + 1
    return len(counts), max(counts.values())


def list_work(n):
    data = []
    for i in range(n):
        data.append((i * 7919) % 10007)
    data.sort()
    total = 0
    for i in range(0, len(data) - 1, 3):
        total += data[i] - data[i + 1]
    rev = data[::-1]
    return total, rev[0], sum(data[:100]), len([x for x in data if x % 3 == 0])


def dict_int_keys(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    s = 0
    for i in range(0, n, 2):
        s += d[i]
    for i in range(0, n, 3):
        del d[i]
    return s, len(d), 5 in d, 6 in d


def nested(n):
    grid = [[0] * 50 for _ in range(50)]
    for k in range(n):
        r = k % 50
        c = (k * 3) % 50
        grid[r][c] += k
    return sum(sum(row) for row in grid)


print(word_counts(400000))
print(list_work(500000))
print(dict_int_keys(500000))
print(nested(800000))
