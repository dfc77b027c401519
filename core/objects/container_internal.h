// container_internal.h — small pieces shared by the container types
// (tuple, list, dict, set, range, str). Not a public API.
#pragma once

#include <string>

#include "objects/object.h"

namespace gp {

struct DictObject;
struct TupleObject;
struct MethodDef;
struct GetSetDef;

// Py_ReprEnter / Py_ReprLeave: a container whose repr is already being
// computed further up this thread's stack prints as [...] / {...} instead of
// recursing forever. repr_enter returns 1 if `o` is already in progress
// (print the placeholder), 0 if it was entered (call repr_leave after).
int repr_enter(ThreadState* ts, Object* o);
void repr_leave(ThreadState* ts, Object* o);

// RAII form of the pair.
class ReprGuard {
public:
    ReprGuard(ThreadState* ts, Object* o) : ts_(ts), o_(o), recursive_(repr_enter(ts, o) != 0) {}
    ~ReprGuard() { if (!recursive_) repr_leave(ts_, o_); }
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
    bool recursive() const { return recursive_; }
private:
    ThreadState* ts_;
    Object* o_;
    bool recursive_;
};

// operator.length_hint(o, default): len(o), else o.__length_hint__(), else
// `dflt`. Returns -1 with an error set.
isize object_length_hint(ThreadState* ts, Object* o, isize dflt);

// Creates the type's __dict__ (if the bootstrap has not yet) and adds
// methods and getsets: the init functions run before type_ready.
bool add_type_members(ThreadState* ts, TypeObject* t, const MethodDef* methods,
                      const GetSetDef* getsets = nullptr);

// Makes sure interp.types.<slot> exists, creating a built-in type called
// `name` deriving from object (for the helper types the bootstrap does not
// create itself: views, reverse iterators, ...).
TypeObject* ensure_builtin_type(ThreadState* ts, TypeObject** slot, const char* name,
                                isize basicsize, uint64_t flags);

// Appends the str of a C++ integer; messages like "pop index out of range".
inline std::string isize_str(isize v) { return std::to_string(static_cast<long long>(v)); }

// Sequence index normalisation for `x[i]` (int or __index__); raises the
// "<type> indices must be integers or slices, not <name>" TypeError.
bool subscript_index(ThreadState* ts, Object* key, const char* tname, isize* out);

// Lexicographic rich comparison of two item arrays (tuple and list).
Ref<> sequence_richcompare(ThreadState* ts, Object* const* a, isize na, Object* const* b, isize nb,
                           CompareOp op);
// The optional start/stop arguments of index(value, start, stop) (args[1],
// args[2]), normalised against `size`.
bool parse_index_range(ThreadState* ts, const char* fname, Object* const* args, isize nargs, isize size,
                       isize* start, isize* stop);

// _PyArg_CheckPositional: "insert expected 2 arguments, got 1".
bool check_positional(ThreadState* ts, const char* name, isize nargs, isize min, isize max);

// Argument Clinic's keyword parsing (_PyArg_UnpackKeywords) with CPython's
// messages: "split() takes at most 2 arguments (3given)", "'x' is an invalid
// keyword argument for split()", "argument for split() given by name ('sep')
// and position (1)", "split() missing required argument 'sep' (pos 1)".
// names[0..nparams); the first `npos_only` cannot be passed by keyword, the
// first `nrequired` must be given. out[i] is borrowed or null.
bool parse_kwargs(ThreadState* ts, const char* fname, const char* const* names, int nparams, int nrequired,
                  int npos_only, Object* const* args, isize nargs, TupleObject* kwnames, Object** out);

// PySequence_Fast: o itself if it is a list or tuple, else a new list of its
// items; a TypeError from iter() becomes TypeError(message).
Ref<> sequence_fast(ThreadState* ts, Object* o, const char* message);
// Items and count of a list or tuple (as returned by sequence_fast).
Object** seq_fast_items(Object* o);
isize seq_fast_size(Object* o);

// PyObject_HashNotImplemented: "unhashable type: 'list'".
int64_t hash_not_implemented(ThreadState* ts, Object* self);

// Ref<> of True / False.
Ref<> bool_ref(ThreadState* ts, bool v);

}  // namespace gp
