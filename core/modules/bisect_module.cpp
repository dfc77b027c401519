// bisect_module.cpp — the `bisect` module: bisection algorithms: find insertion points in sorted lists by halving.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kBisectModuleSource[];
const char kBisectModuleSource[] = R"py("""Bisection algorithms: find insertion points in sorted lists by halving
the search range (CPython 3.11's Lib/bisect.py and Modules/_bisectmodule.c)."""

__all__ = ["bisect_left", "bisect_right", "insort_left", "insort_right", "bisect", "insort"]


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    return lo, len(a) if hi is None else hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted.

    The return value i is such that all e in a[:i] have e <= x, and all e in
    a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will
    insert just after the rightmost x already there."""
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:   # invariant: a[:lo] <= x < a[hi:]
        mid = (lo + hi) // 2
        if (x < a[mid]) if key is None else (x < key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted.

    The return value i is such that all e in a[:i] have e < x, and all e in
    a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will
    insert just before the leftmost x already there."""
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:   # invariant: a[:lo] < x <= a[hi:]
        mid = (lo + hi) // 2
        if (a[mid] < x) if key is None else (key(a[mid]) < x):
            lo = mid + 1
        else:
            hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted.

    If x is already in a, insert it to the right of the rightmost x."""
    lo = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted.

    If x is already in a, insert it to the left of the leftmost x."""
    lo = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
)py";

}  // namespace gp
