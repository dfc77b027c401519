"""
title: The generational collector
group: Memory
concept: Most objects die young, so CPython's cycle collector sorts the
  objects it tracks into three generations. New containers start in
  generation 0; each collection of a generation moves the survivors one
  generation older, where they are examined less often. A collection of
  generation 0 starts on its own once 700 more containers have been
  created than freed; every 10th one also collects generation 1, and so
  on. The gc module lets you read the thresholds, switch the automatic
  collector off and on, ask where an object is, and hook every collection.
watch: The list obj climbing from generation 0 to 2 as each generation is
  collected. Then the callback's record: creating 5,000 lists (and keeping
  them) starts seven young collections without anybody calling gc.collect().
cpython:
  enabled: True
  thresholds: (700, 10, 10)
  after gc.disable(): False
  after gc.enable(): True
  gc.get_stats() has 3 generations, each with ['collected', 'collections', 'uncollectable']
  a new list is in generation [0]
  after gc.collect(0): [1]
  after gc.collect(1): [2]
  after gc.collect(): [2]
  automatic collections while making 5000 lists: [0, 0, 0, 0, 0, 0, 0]
"""
import gc

print("enabled:", gc.isenabled())
print("thresholds:", gc.get_threshold())
gc.disable()
print("after gc.disable():", gc.isenabled())
gc.enable()
print("after gc.enable():", gc.isenabled())

# The numbers in the statistics depend on everything run so far; their shape
# is fixed: one dict per generation.
stats = gc.get_stats()
print("gc.get_stats() has", len(stats), "generations, each with", sorted(stats[0]))


def generation_of(obj):
    # gc.get_objects(generation=g) lists what generation g holds now.
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(generation=g))]


obj = []
print("a new list is in generation", generation_of(obj))
gc.collect(0)
print("after gc.collect(0):", generation_of(obj))
gc.collect(1)
print("after gc.collect(1):", generation_of(obj))
gc.collect()
print("after gc.collect():", generation_of(obj))

# gc.callbacks are called at the start and stop of every collection.
started = []


def on_collect(phase, info):
    if phase == "start":
        started.append(info["generation"])


gc.collect()  # start from empty young generations
gc.callbacks.append(on_collect)
kept = [[] for _ in range(5000)]
gc.callbacks.remove(on_collect)
print("automatic collections while making 5000 lists:", started)
