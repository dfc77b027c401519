// methodobject.h — functions written in C++ and exposed to Python:
// builtin functions (`len`), methods of built-in types (`list.append`), and
// the table entries that describe them.
//
// Mirrors CPython 3.11's PyMethodDef and Objects/methodobject.c, using only
// the vectorcall calling convention (METH_FASTCALL | METH_KEYWORDS): C++
// receives positional arguments as an array and keyword names as a tuple.
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;
struct StrObject;

// self is the module for builtin functions, the instance for methods, the
// class for classmethods.
using CFunction = Ref<> (*)(ThreadState* ts, Object* self, Object* const* args,
                            isize nargs, TupleObject* kwnames);

enum MethodFlags : int {
    METH_DEFAULT = 0,
    METH_CLASS = 1 << 0,     // becomes a classmethod of the type
    METH_STATIC = 1 << 1,    // becomes a staticmethod of the type
};

struct MethodDef {
    const char* name;
    CFunction fn;
    int flags;
    const char* doc;         // first line is the signature shown by help()
};

// A builtin function or a method bound to its self (builtin_function_or_method).
struct CFunctionObject : Object {
    const MethodDef* def;    // static table entry (never freed)
    Object* self;            // owned; module or bound instance, may be null
    Object* module;          // owned; __module__ (a str) or null
    Object* m_weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
};

Ref<> cfunction_new(ThreadState* ts, const MethodDef* def, Object* self, Object* module = nullptr);

// (getattr, (owner, name)): how methods and method descriptors pickle, so
// that unpickling looks the attribute up again (classobject.c's
// method_reduce, descrobject.c's descr_reduce).
Ref<> reduce_as_getattr(ThreadState* ts, Object* owner, Object* name);

// Adds every entry of a null-name-terminated table to `type`'s __dict__ as
// method descriptors (or classmethod/staticmethod objects).
bool type_add_methods(ThreadState* ts, TypeObject* type, const MethodDef* defs);

// __doc__ and __text_signature__ of a C++ function called `name` whose doc
// may start with "name(signature)\n--\n\n" (CPython's convention).
Ref<> doc_without_signature(ThreadState* ts, const char* name, const char* doc);
Ref<> text_signature(ThreadState* ts, const char* name, const char* doc);

// Argument checking helpers with CPython's messages.
// "len() takes exactly one argument (2 given)"-style checks for functions
// without keywords:
bool check_no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames);
bool check_nargs(ThreadState* ts, const char* fname, isize nargs, isize min, isize max);

// Binds positional and keyword arguments to `nparams` named parameters, like
// CPython's Argument Clinic parser. out[i] is a borrowed reference or null
// when not given. `npositional_only` leading names may not be given by
// keyword; names from index `nrequired` on are optional; parameters after
// `max_positional` are keyword-only.
struct ArgSpec {
    const char* fname;                  // "int", "sorted", used in messages
    const char* const* names;           // parameter names
    int nparams;
    int nrequired;
    int max_positional;
    int npositional_only;
};
bool parse_args(ThreadState* ts, const ArgSpec& spec, Object* const* args, isize nargs,
                TupleObject* kwnames, Object** out);

}  // namespace gp
