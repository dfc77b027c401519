// iterobject.h — the iterator types behind builtins: iter(seq) and
// iter(callable, sentinel), enumerate, zip, map, filter and reversed.
//
// Mirrors CPython 3.11's Objects/iterobject.c (seqiterobject,
// calliterobject), Objects/enumobject.c (enumerate, reversed) and the map,
// filter and zip types of Python/bltinmodule.c. All of them are lazy: they
// hold their source iterators and compute one item per next(), so
// `map(f, xs)` calls f only when asked and `zip(a, b)` never builds a list.
#pragma once

#include "objects/object.h"

namespace gp {

// iter(seq) for an object that only has __getitem__ (the old sequence
// protocol): items seq[0], seq[1], ... until IndexError or StopIteration.
// CPython's PySeqIter_New; type name "iterator".
Ref<> seqiter_new(ThreadState* ts, Object* seq);
// PySequence_Check: the type has sq_item (a __getitem__) and is not a dict.
bool sequence_check(Object* o);
// iter(callable, sentinel): calls callable() until it returns a value equal
// to sentinel. CPython's PyCallIter_New; type name "callable_iterator".
Ref<> calliter_new(ThreadState* ts, Object* callable, Object* sentinel);
// reversed(seq): seq.__reversed__() if defined, else a reverse iterator over
// __len__/__getitem__; "'set' object is not reversible" otherwise.
Ref<> reversed_new(ThreadState* ts, Object* seq);

// Fills seq_iter, callable_iter, enumerate, zip, map, filter and reversed
// (interp.types.*), creating the type objects the bootstrap did not.
bool init_iter_types(ThreadState* ts);

}  // namespace gp
