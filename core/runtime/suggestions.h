// suggestions.h — "Did you mean: ...?" for NameError and AttributeError
// (CPython 3.11's Python/suggestions.c).
//
// When an exact NameError or AttributeError is printed, CPython looks for the
// closest name among the candidates — the object's dir() for an attribute;
// the frame's local variables, then its globals, then the builtins for a
// name — by a Levenshtein distance in which changing case costs 1 and every
// other edit 2. A candidate qualifies when at most about a third of the
// characters involved need changing; the nearest one wins.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

struct DictObject;

// The suggestion for `exc`, or "" (never raises). `globals`/`builtins` are the
// namespaces of the frame a NameError was raised in, or null if unknown.
std::string offer_suggestions(ThreadState* ts, Object* exc, DictObject* globals, DictObject* builtins);

}  // namespace gp
