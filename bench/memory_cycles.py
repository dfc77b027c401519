"""Memory churn with reference cycles: the collector must keep peak memory bounded."""
import gc


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None
        self.payload = [i] * 8


def churn(rounds, size):
    kept = 0
    for r in range(rounds):
        nodes = [Node(i) for i in range(size)]
        for i in range(size):
            nodes[i].peer = nodes[(i + 1) % size]   # one big cycle per round
        kept += nodes[r % size].peer.i
        del nodes
    return kept


print(churn(1000, 1000))
gc.collect()
print(len(gc.garbage))
