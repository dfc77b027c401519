// exceptiongroup.h — BaseExceptionGroup / ExceptionGroup (PEP 654) and the
// runtime half of `except*`.
//
// Mirrors the exception-group part of CPython 3.11's Objects/exceptions.c.
// A group is an exception carrying a message and a non-empty tuple of
// exceptions (which may be groups themselves: a tree whose leaves are plain
// exceptions). split()/subgroup() rebuild the tree keeping only the leaves a
// condition selects; every rebuilt node is made by derive() and copies the
// original node's traceback, cause, context and notes.
//
// `except* T` walks the same machinery: CHECK_EG_MATCH splits the exception
// being handled into the part T matches (bound to the clause) and the rest
// (left for the following clauses); PREP_RERAISE_STAR then merges what the
// clauses raised or re-raised into the one exception that leaves the try.
#pragma once

#include "objects/exceptions.h"

namespace gp {

struct BaseExceptionGroupObject : BaseExceptionObject {
    Object* msg;         // owned str: the message (args[0])
    TupleObject* excs;   // owned, non-empty tuple of exception instances
};

// An instance of BaseExceptionGroup or a subclass.
bool is_exception_group(Object* o);

// PyErr_GivenExceptionMatches: does the exception (instance or class) match
// the class or tuple of classes `match`?
bool exception_matches(Object* exc, Object* match);

// CHECK_EG_MATCH's split (ceval.c: exception_group_match). Sets *match to
// None when nothing matched, else to a group holding the matching part (a
// naked exception is wrapped in ExceptionGroup("", [exc])), and *rest to
// the part left over or None. False with an error set.
bool exception_group_match(ThreadState* ts, Object* exc, Object* match_type, Ref<>* match, Ref<>* rest);

// PREP_RERAISE_STAR (_PyExc_PrepReraiseStar): given the exception the try
// raised and the list of what its except* clauses raised (None entries for
// clauses that finished normally), the exception to re-raise or None.
Ref<> prep_reraise_star(ThreadState* ts, Object* orig, Object* excs);

bool init_exception_group_types(ThreadState* ts);

}  // namespace gp
