// dictobject.h — dict: CPython's compact, insertion-ordered hash table.
//
// Mirrors CPython 3.11's Objects/dictobject.c. A dict keeps a dense array of
// entries in insertion order and a sparse index table of 2**k slots pointing
// into it; lookups probe the index with CPython's perturbation scheme. The
// table is usable up to 2/3 full and grows to hold used*3, as in CPython, so
// sys.getsizeof(dict) follows CPython's steps.
#pragma once

#include "objects/object.h"

namespace gp {

struct StrObject;

struct DictEntry {
    int64_t hash;          // cached hash of key
    Object* key;           // owned; null = deleted entry (a hole in insertion order)
    Object* value;         // owned
};

struct DictKeys;           // index table + entries (dict_internal.h)
struct DictValues;         // a split dict's values (dict_internal.h)

struct DictObject : Object {
    isize ma_used;         // number of live items
    uint64_t ma_version;   // a fresh interpreter-wide number on every change (iteration guards,
                           // lookup caches); 0 while never changed; top bit kDictWatched
    DictKeys* ma_keys;     // owned storage (a reference, for a class's shared keys), never null
    DictValues* ma_values; // owned; null for a combined table, the values of a split one
};

// A dict whose changes invalidate the type-attribute cache (a type's
// __dict__ once type_lookup has cached something from it).
constexpr uint64_t kDictWatched = uint64_t(1) << 63;
inline void dict_watch(DictObject* d) { d->ma_version |= kDictWatched; }

bool is_dict(Object* o);
inline DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }

Ref<DictObject> dict_new(ThreadState* ts);
// Borrowed value or null. Null with an error set means hashing/comparing
// failed; null without one means "not present".
Object* dict_get_item(ThreadState* ts, DictObject* d, Object* key);
// Lookup by a str key without raising (str hash/eq never fail).
Object* dict_get_str(DictObject* d, StrObject* key);
Object* dict_get_cstr(ThreadState* ts, DictObject* d, const char* key);
bool dict_set_item(ThreadState* ts, DictObject* d, Object* key, Object* value);
bool dict_set_cstr(ThreadState* ts, DictObject* d, const char* key, Object* value);
// Raises KeyError(key) when absent.
bool dict_del_item(ThreadState* ts, DictObject* d, Object* key);
// Removes a str key without raising (used by str_dealloc for interned
// strings). Returns false if absent.
bool dict_del_str(DictObject* d, StrObject* key);
// Iterates live entries in insertion order: start with pos = 0.
bool dict_next(DictObject* d, isize* pos, Object** key, Object** value);
isize dict_size(DictObject* d);
void dict_clear(DictObject* d);
isize dict_sizeof(DictObject* d);

// ---- additions (dictobject.cpp) ----
// An empty dict sized for `minused` items (dict_new_presized), and
// _PyDict_FromItems for BUILD_MAP / BUILD_CONST_KEY_MAP: keys[i*keys_stride]
// -> values[i*values_stride]. Presizing is what makes
// sys.getsizeof({'a': 1, ...}) agree with CPython.
Ref<DictObject> dict_new_presized(ThreadState* ts, isize minused, bool unicode);
Ref<DictObject> dict_from_items(ThreadState* ts, Object* const* keys, isize keys_stride,
                                Object* const* values, isize values_stride, isize n);
bool dict_set_item_known_hash(ThreadState* ts, DictObject* d, Object* key, int64_t hash, Object* value);
// d.pop(key[, deflt]): deflt null = raise KeyError when absent.
Ref<> dict_pop(ThreadState* ts, DictObject* d, Object* key, Object* deflt);
bool dict_next_hash(DictObject* d, isize* pos, Object** key, Object** value, int64_t* hash);
// dict_merge(a, b, override): b is any mapping. override 1: b's values win
// (d.update, DICT_UPDATE); 0: existing keys win; 2: a duplicate key raises
// KeyError(key) (DICT_MERGE for f(**a, **b), which rewrites the message).
bool dict_merge(ThreadState* ts, DictObject* a, Object* b, int override);
// d.update(arg): a dict, anything with keys(), or an iterable of pairs.
bool dict_update_arg(ThreadState* ts, DictObject* d, Object* arg);
Ref<DictObject> dict_copy(ThreadState* ts, DictObject* d);
int dict_has_key(ThreadState* ts, DictObject* d, Object* key);    // `key in d`: 1, 0, -1

// Instance-attribute fast paths of the eval loop: `ix` is a guess at the
// entry holding `key` (compared by identity, so a wrong guess is harmless).
// dict_index_of_identity finds the entry whose key *is* `key` in a small
// dict (-1 otherwise); dict_replace_at stores `value` there if entry ix
// holds `key` (returns false, changing nothing, otherwise), with the version
// bump and GC tracking of any store.
isize dict_index_of_identity(DictObject* d, Object* key);
bool dict_replace_at(DictObject* d, isize ix, Object* key, Object* value);

// ---- key-sharing (split) dicts, PEP 412 / CPython 3.11 ----
// A class whose instances have a managed __dict__ owns one shared key table
// (ht_cached_keys); its instances' dicts are split tables that keep only
// values and point at those keys. dict_new_shared_keys makes the class's
// table (_PyDict_NewKeysForClass; null, no error set, if memory is short);
// dict_keys_decref drops one owner; dict_shared_keys_instance_created is
// init_inline_values's step: each new instance shrinks the room left for
// new keys by one (down to 1), so the values arrays of later instances are
// smaller. dict_new_split is new_dict_with_shared_keys.
DictKeys* dict_new_shared_keys(ThreadState* ts);
void dict_keys_decref(Interpreter& interp, DictKeys* keys);
void dict_shared_keys_instance_created(DictKeys* keys);
Ref<DictObject> dict_new_split(ThreadState* ts, DictKeys* keys);
bool dict_is_split(DictObject* d);
// _PyObject_GetDictPtr's materialization: a dict CPython builds from an
// instance's inline values is tracked only if some value may be a container.
void dict_track_as_materialized(DictObject* d);

// Fills dict, its views (dict_keys/values/items) and iterators, creates
// Interpreter::interned. Sets tp_basicsize/tp_itemsize/tp_flags itself.
bool init_dict_type(ThreadState* ts);

}  // namespace gp
