// dict_internal.h — the dict's key table, shared by dictobject.cpp (the
// table and the dict type) and dictviews.cpp (keys/values/items views and
// the iterators). Not a public API.
#pragma once

#include "objects/dictobject.h"

namespace gp {

// Index values stored in the sparse index table.
constexpr isize DKIX_EMPTY = -1;    // never used: a probe sequence stops here
constexpr isize DKIX_DUMMY = -2;    // deleted: probing continues past it

enum DictKeysKind : uint8_t {
    DICT_KEYS_GENERAL = 0,   // any keys; CPython stores (hash, key, value) entries
    DICT_KEYS_UNICODE = 1,   // only exact-str keys; CPython stores (key, value), the hash lives in the str
};

// One heap block:
//
//     +-----------------------------+
//     | DictKeys header             |
//     +-----------------------------+
//     | indices[1 << log2_size]     |  int8/16/32/64 each, by table size:
//     |                             |  slot -> entry number, or EMPTY/DUMMY
//     +-----------------------------+
//     | entries[usable_fraction]    |  DictEntry, in insertion order
//     +-----------------------------+
//
// A table of 2**k slots holds at most (2**k * 2) / 3 entries ("usable
// fraction"): past that it is rebuilt, bigger, without the deleted entries.
struct alignas(8) DictKeys {   // 8-aligned so the int64 hashes of the entries are aligned on wasm32 too
    uint8_t log2_size;        // index table has 1 << log2_size slots
    uint8_t log2_index_bytes; // index table takes 1 << log2_index_bytes bytes
    uint8_t kind;             // DictKeysKind; decides what sys.getsizeof reports
    bool shared_empty;        // the immutable empty table every new dict starts with
    isize usable;             // entries that may still be appended
    isize nentries;           // entries appended so far (live + deleted)

    char* indices() { return reinterpret_cast<char*>(this + 1); }
    DictEntry* entries() {
        return reinterpret_cast<DictEntry*>(indices() + (isize(1) << log2_index_bytes));
    }
    isize size() const { return isize(1) << log2_size; }
};

// dictviews.cpp
Ref<> dictview_new(ThreadState* ts, Object* dict, TypeObject* view_type);
Ref<> dictiter_new(ThreadState* ts, DictObject* dict, TypeObject* iter_type);
bool init_dict_views(ThreadState* ts);

inline isize usable_fraction(isize n) { return (n << 1) / 3; }

}  // namespace gp
