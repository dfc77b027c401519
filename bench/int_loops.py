"""Integer loops: small-int arithmetic, comparisons and branches in nested loops."""


def collatz_steps(limit):
    total = 0
    longest = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
        if steps > longest:
            longest = steps
    return total, longest


def sieve_sum(limit):
    flags = [True] * limit
    flags[0] = flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    s = 0
    for k in range(limit):
        if flags[k]:
            s += k
    return s


def bit_mix(n):
    h = 0
    for i in range(n):
        h = (h * 31 + (i ^ (i >> 3))) & 0xFFFFFFF
    return h


print(collatz_steps(70000))
print(sieve_sum(1200000))
print(bit_mix(1200000))
