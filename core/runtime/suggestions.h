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

// The suggestion for `exc`, or "" (never raises). A NameError's candidates
// come from the innermost frame of its traceback.
std::string offer_suggestions(ThreadState* ts, Object* exc);

}  // namespace gp
