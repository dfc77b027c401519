// setobject.h — set and frozenset: open-addressing hash tables of keys.
//
// Mirrors CPython 3.11's Objects/setobject.c. Unlike dict, a set keeps no
// insertion order: entries live directly in the hash table, found by linear
// probing (up to 9 neighbouring slots) mixed with CPython's perturbation.
// Small sets use the 8 entries stored inside the object (smalltable), so
// sys.getsizeof(set()) is 216 as in CPython.
#pragma once

#include "objects/object.h"

namespace gp {

struct SetEntry {
    Object* key;           // owned; null = never used; the interpreter's dummy = deleted
    int64_t hash;          // cached hash of key
};

constexpr isize kSetMinSize = 8;   // PySet_MINSIZE

struct SetObject : Object {
    isize fill;            // active + dummy entries
    isize used;            // active entries
    isize mask;            // table size - 1 (size is a power of two)
    SetEntry* table;       // == smalltable, or a heap block of mask + 1 entries
    int64_t hash;          // frozenset hash cache; -1 until computed
    isize finger;          // where pop() resumes its search
    SetEntry smalltable[kSetMinSize];
    Object* weakreflist;   // head of the weak-reference list (weakrefobject.h), borrowed
};

bool is_anyset(Object* o);          // set, frozenset or a subclass
bool is_set_type(Object* o);        // set or a subclass
bool is_frozenset(Object* o);       // frozenset or a subclass
inline SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

// set(iterable) / frozenset(iterable); iterable may be null.
Ref<> set_new(ThreadState* ts, Object* iterable);
Ref<> frozenset_new(ThreadState* ts, Object* iterable);
bool set_add(ThreadState* ts, Object* set, Object* key);            // borrows key
int set_contains(ThreadState* ts, Object* set, Object* key);        // 1, 0, -1
int set_discard(ThreadState* ts, Object* set, Object* key);         // 1 removed, 0 absent, -1 error
bool set_update(ThreadState* ts, Object* set, Object* iterable);    // _PySet_Update
isize set_size(Object* set);
// Iterates the table: start with pos = 0; borrowed key.
bool set_next_entry(Object* set, isize* pos, Object** key, int64_t* hash);
void set_clear(Object* set);

// Fills set, frozenset and set_iterator (adds them to the bootstrap's
// BuiltinTypes list: X(set) X(frozenset) X(set_iter)).
bool init_set_types(ThreadState* ts);

}  // namespace gp
