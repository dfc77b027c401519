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
    DICT_KEYS_SPLIT = 2,     // a class's shared keys: exact-str keys only, values live in each dict's DictValues
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
    isize refcnt;             // owners: 1 for a combined table; for split keys the class
                              //   (ht_cached_keys) plus every split dict using them
    isize usable;             // entries that may still be appended
    isize nentries;           // entries appended so far (live + deleted)

    char* indices() { return reinterpret_cast<char*>(this + 1); }
    DictEntry* entries() {
        return reinterpret_cast<DictEntry*>(indices() + (isize(1) << log2_index_bytes));
    }
    isize size() const { return isize(1) << log2_size; }
};

// The values of one split dict (CPython 3.11's PyDictValues). The keys live
// in the class's shared DictKeys; value i belongs to key entry i, null while
// this dict has no such key. Each dict keeps its own insertion order as a
// list of entry numbers, so two instances may hold the same keys in
// different orders and still share them:
//
//     +----------------------------+
//     | capacity, count            |
//     +----------------------------+
//     | values[capacity]           |  Object*, owned; null = key absent here
//     +----------------------------+
//     | order[capacity]            |  uint8: entry numbers, oldest first;
//     |                            |  order[0..count) are the live ones
//     +----------------------------+
//
// capacity is the shared keys' nentries + usable when the dict was made;
// that sum never grows, so every entry the keys will ever have fits.
struct alignas(8) DictValues {
    isize capacity;            // slots in values[] and order[]
    isize count;               // live entries (== the dict's ma_used)

    Object** values() { return reinterpret_cast<Object**>(this + 1); }
    uint8_t* order() { return reinterpret_cast<uint8_t*>(values() + capacity); }
};

// A split table's keys never hold more than this many entries
// (SHARED_KEYS_MAX_SIZE); they sit in a 64-slot table (2**6).
constexpr isize kSharedKeysMaxSize = 30;
constexpr uint8_t kSharedKeysLog2Size = 6;

inline bool keys_is_unicode(const DictKeys* k) { return k->kind != DICT_KEYS_GENERAL; }

// The value of entry ix (combined or split); null = no live item there.
inline Object* dict_value_at(DictObject* d, isize ix) {
    return d->ma_values ? d->ma_values->values()[ix] : d->ma_keys->entries()[ix].value;
}

// The value at entry `ix` if that entry's key is `key` (identity), else
// null: the eval loop's instance-attribute hint (dict_index_of_identity).
inline Object* dict_hint_value(DictObject* d, isize ix, Object* key) {
    DictKeys* dk = d->ma_keys;
    if (ix < 0 || ix >= dk->nentries || dk->entries()[ix].key != key) return nullptr;
    return dict_value_at(d, ix);
}

// dictviews.cpp
Ref<> dictview_new(ThreadState* ts, Object* dict, TypeObject* view_type);
Ref<> dictiter_new(ThreadState* ts, DictObject* dict, TypeObject* iter_type);
bool init_dict_views(ThreadState* ts);

inline isize usable_fraction(isize n) { return (n << 1) / 3; }

}  // namespace gp
