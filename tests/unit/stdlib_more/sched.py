# sched: events run in (time, priority, sequence) order on a virtual clock; cancel, queue, non-blocking run
import sched
clock = [0.0]
def now(): return clock[0]
def sleep(d): clock[0] += d
s = sched.scheduler(now, sleep)
log = []
def ev(name, *extra, **kw): log.append((now(), name, extra, kw))
e1 = s.enter(5, 1, ev, ('five',))
e2 = s.enter(2, 2, ev, ('two-low',))
e3 = s.enter(2, 1, ev, ('two-high',), {'k': 1})
e4 = s.enterabs(3, 1, ev, argument=('abs3', 'x'))
e5 = s.enter(4, 1, ev, ('cancelled',))
s.cancel(e5)
print([(e.time, e.priority, e.argument) for e in s.queue])
print(s.empty())
s.run()
for entry in log: print(entry)
print(s.empty(), clock)
s.enter(10, 1, ev, ('later',))
print(s.run(blocking=False))
try: s.cancel(e5)
except ValueError as e: print('ValueError', e)
print(sched.Event._fields, sched.__all__)
print(repr(e1).split(', action')[0])
