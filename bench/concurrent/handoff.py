"""GIL handoffs between two CPU-bound threads, seen from Python.

Two threads spin on time.perf_counter() for SECONDS, writing to globals who
ran last and when. When a thread finds that the other one ran last, the GIL
has changed hands: the time since the other thread's last reading is the
handoff gap (the holder noticing the drop request, letting go, and this
thread waking up and taking the lock), and the other thread's run since its
own takeover is one turn (about one switch interval when the waiter has to
ask). This works the same in CPython and glasspy. Under glasspy the
interpreter's own trace stream (_glasspy.trace_events) is read as well:
drop request -> release (how fast the holder honours a request), forced
release -> acquire (the handoff proper) and request -> acquire (a waiter's
whole wait).

    handoff.py [SECONDS] [INTERVAL ...]
Prints one JSON line: {interval: {"gap": [count, median, p99], "turn": [...],
"trace": {"honour": [...], "handoff": [...], "wait": [...]}}}, in seconds.
"""
import json
import sys
import threading
import time

try:
    import _glasspy
except ImportError:
    _glasspy = None

owner = None           # the thread that ran last (0 or 1)
last = [0.0, 0.0]      # each thread's latest perf_counter() reading
turn_start = [0.0, 0.0]


def spin(me, samples, stop_at, warmup_until):
    # Only `owner` is written by both threads. A thread may lose the GIL
    # between reading the clock and acting on it, so a handoff is timed
    # with a fresh reading taken after it was noticed.
    global owner
    other = 1 - me
    clock = time.perf_counter
    while True:
        t = clock()
        last[me] = t
        if owner != me:
            now = clock()
            if owner is not None and now > warmup_until:
                samples["gap"].append(now - last[other])
                samples["turn"].append(last[other] - turn_start[other])
            owner = me
            turn_start[me] = now
        if t >= stop_at:
            break


def trace_latencies(events):
    """Handoff figures from glasspy's GIL events of the spinning threads."""
    honour, handoff, wait = [], [], []
    pending_request = None      # time of the first drop request not yet honoured
    forced_release = None       # (time, thread) of the last forced release
    for time_ns, kind, thread, a, b, c in events:
        if kind == "GilDropRequest" and pending_request is None:
            pending_request = time_ns
        elif kind == "GilRelease":
            if b == 1:
                if pending_request is not None:
                    honour.append((time_ns - pending_request) / 1e9)
                forced_release = (time_ns, thread)
            pending_request = None
        elif kind == "GilAcquire":
            if forced_release is not None and forced_release[1] != thread:
                handoff.append((time_ns - forced_release[0]) / 1e9)
                wait.append(a / 1e9)
            forced_release = None
    return {"honour": honour, "handoff": handoff, "wait": wait}


def measure(seconds, interval):
    global owner
    sys.setswitchinterval(interval)
    owner = None
    samples = {"gap": [], "turn": []}
    now = time.perf_counter()
    threads = [threading.Thread(target=spin, args=(i, samples, now + 0.1 + seconds, now + 0.1))
               for i in range(2)]
    if _glasspy:
        _glasspy.trace_events(True)
        _glasspy.set_tracing(True)
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if _glasspy:
        _glasspy.set_tracing(False)
        events, dropped = _glasspy.trace_events(True)
        # Only the two spinners' handoffs: the main thread waits in join.
        ids = {e[2] for e in events if e[1] == "ThreadStart"}
        spinning = [e for e in events if e[2] in ids]
        samples["trace"] = trace_latencies(spinning)
        samples["trace"]["dropped"] = dropped
    # The last handoff is a thread ending, not a switch.
    samples["gap"] = samples["gap"][:-1]
    samples["turn"] = samples["turn"][:-1]
    return samples


def summary(values):
    """[count, median, 99th percentile (nearest rank)] of a list of seconds."""
    if not values:
        return [0, None, None]
    s = sorted(values)
    rank = lambda q: s[min(len(s) - 1, max(0, -(-len(s) * q // 100) - 1))]
    return [len(s), rank(50), rank(99)]


def summarize(samples):
    out = {key: summary(samples[key]) for key in ("gap", "turn")}
    if "trace" in samples:
        out["trace"] = {key: summary(samples["trace"][key]) for key in ("honour", "handoff", "wait")}
        out["trace"]["dropped"] = samples["trace"]["dropped"]
    return out


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    intervals = [float(a) for a in sys.argv[2:]] or [0.005]
    print(json.dumps({str(i): summarize(measure(seconds, i)) for i in intervals}))
