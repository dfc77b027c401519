"""Topological sorting of a graph of hashable nodes (graphlib).

TopologicalSorter counts, for each node, the predecessors not yet done.
prepare() checks for cycles and collects the nodes with a count of zero;
get_ready() hands those out; done(node) decrements the counts of its
successors, and any that reach zero become ready next. static_order() runs
that loop to completion. The order in which nodes come out is the order in
which they were first seen, as in CPython."""

import types as _types

__all__ = ["TopologicalSorter", "CycleError"]

# npredecessors doubles as a state once a node is handed out.
_HANDED_OUT = -1
_FINISHED = -2


class _Node:
    __slots__ = "node", "npredecessors", "successors"

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0     # predecessors not yet done, or a state above
        self.successors = []       # nodes that wait on this one (repeats allowed)


class CycleError(ValueError):
    """Raised by prepare() when the graph has a cycle. args[1] is one cycle
    as a list of nodes whose first and last element are the same node."""
    pass


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph=None):
        self._info = {}            # node -> _Node, in first-seen order
        self._ready = None         # None until prepare()
        self._handed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _node(self, node):
        info = self._info.get(node)
        if info is None:
            info = self._info[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add node, which must come after every one of predecessors."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._node(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._node(pred).successors.append(node)

    def prepare(self):
        """Mark the graph finished; raise CycleError if it has a cycle."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [i.node for i in self._info.values() if i.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError(f"nodes are in a cycle", cycle)

    def get_ready(self):
        """A tuple of every node whose predecessors are all done."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        for node in result:
            self._info[node].npredecessors = _HANDED_OUT
        self._ready.clear()
        self._handed_out += len(result)
        return result

    def is_active(self):
        """True while some node is still to be handed out or marked done."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._finished < self._handed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes, which get_ready() returned, as processed."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        for node in nodes:
            info = self._info.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state != _HANDED_OUT:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _FINISHED
            for succ in info.successors:
                succ_info = self._info[succ]
                succ_info.npredecessors -= 1
                if succ_info.npredecessors == 0:
                    self._ready.append(succ)
            self._finished += 1

    def _find_cycle(self):
        """Depth-first search along successor edges, iteratively; a node met
        again while still on the path closes a cycle."""
        info = self._info
        path = []                  # the current DFS path
        pending = []               # per path entry: next-successor function
        seen = set()
        on_path = {}               # node -> its index in path
        for node in info:
            if node in seen:
                continue
            while True:
                if node in seen:
                    if node in on_path:
                        return path[on_path[node]:] + [node]
                else:
                    seen.add(node)
                    pending.append(iter(info[node].successors).__next__)
                    on_path[node] = len(path)
                    path.append(node)
                # Advance to the next unexplored successor, backtracking.
                while path:
                    try:
                        node = pending[-1]()
                        break
                    except StopIteration:
                        del on_path[path.pop()]
                        pending.pop()
                else:
                    break
        return None

    def static_order(self):
        """Every node, each after all of its predecessors."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    # TopologicalSorter[str] in annotations (PEP 585), where the build has it.
    if hasattr(_types, 'GenericAlias'):
        __class_getitem__ = classmethod(_types.GenericAlias)
