// dictobject.cpp — dict: CPython's compact, insertion-ordered hash table.
//
// Mirrors CPython 3.11's Objects/dictobject.c. A (combined) dict is a small
// object pointing at one DictKeys block (dict_internal.h): a sparse *index*
// table of 2**k small integers, and a dense *entries* array that grows in
// insertion order:
//
//     d = {'b': 1, 'a': 2}          indices: [-1, 1, -1, -1, 0, -1, -1, -1]
//                                   entries: [(h('b'), 'b', 1), (h('a'), 'a', 2)]
//
// Lookup (lookdict_index / _Py_dict_lookup): start at slot hash & mask and
// follow the probe sequence
//
//     perturb >>= 5;  i = (i*5 + perturb + 1) & mask
//
// until an EMPTY slot (not found) or an entry with the same key (identity,
// or equal hash and __eq__). Deleting leaves a DUMMY in the index and a hole
// in the entries, so insertion order survives and probing continues past it.
//
// Growth: a table of 2**k slots takes (2**k * 2)/3 entries. When they are
// used up, the table is rebuilt for ma_used*3 (GROWTH_RATE) rounded to a
// power of two, at least 8, holes dropped. New dicts share one immutable
// empty table (CPython's Py_EMPTY_KEYS) and get their own on first insert.
//
// sys.getsizeof follows CPython 3.11 on 64-bit: 48 bytes of PyDictObject,
// plus (unless the table is the shared empty one) a 32-byte keys header,
// the index bytes, and usable * 16 (str-only "unicode" tables, which keep
// hashes in the strings) or * 24 (general tables) — plus 16 of GC header.
// We keep the hash in every entry; the kind only changes the accounting.
//
// Key-sharing ("split") tables, PEP 412 as 3.11 has it. Instances of one
// class mostly have the same attribute names, so a class with a managed
// __dict__ owns one shared key table of 64 slots that takes at most 30 str
// keys (ht_cached_keys), and each instance dict keeps only a DictValues
// block: value i for shared key i, plus its own insertion order. A new
// attribute name is appended to the shared keys, so the next instance finds
// it already there. Each new instance also lowers the keys' `usable` by one
// (down to 1): the values array of an instance is nentries + usable long, so
// classes with few attributes end up with short arrays. sys.getsizeof of a
// split dict is 48 + 8 * (nentries + usable) (+16 GC header); the shared
// keys are the class's and are not counted while the class holds them.
//
// A split table becomes an ordinary combined one (dictresize, keys in the
// dict's own order) exactly where CPython's does: a key that is not an exact
// str; a new key when the shared keys are full; popitem(); a merge too big
// for the shared table (update with more than 42 items). clear() leaves an
// ordinary empty dict. Deleting keeps the table split (the value slot goes
// back to null), and so does re-adding a key in another order. A copy
// (dict.copy, copy.copy) of a split dict is split too; dict(d) and {**d}
// build combined tables.
//
// Iteration order is insertion order. Iterators remember ma_used and raise
// "dictionary changed size during iteration" when it changes. Deallocation
// releases key then value of each entry in insertion order.
#include "objects/dictobject.h"
#include "objects/descrobject.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dict_internal.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_dict(Object* o) { return type_has_flag(type_of(o), TPFLAGS_DICT_SUBCLASS); }

// ------------------------------------------------------------ the key table

constexpr uint8_t kLog2MinSize = 3;   // PyDict_LOG_MINSIZE: 8 slots
constexpr int kPerturbShift = 5;

// Py_EMPTY_KEYS: one slot, no usable entries; never written to. It is
// immutable, so sharing it between interpreters is safe.
struct EmptyKeysBlock {
    DictKeys header;
    int8_t index[8];
};
static const EmptyKeysBlock kEmptyKeys = {
    {0, 0, DICT_KEYS_UNICODE, true, 1, 0, 0}, {-1, -1, -1, -1, -1, -1, -1, -1}};
static DictKeys* empty_keys() { return const_cast<DictKeys*>(&kEmptyKeys.header); }

static isize get_index(DictKeys* k, isize i) {
    const char* idx = k->indices();
    switch (k->log2_index_bytes - k->log2_size) {
    case 0: return reinterpret_cast<const int8_t*>(idx)[i];
    case 1: return reinterpret_cast<const int16_t*>(idx)[i];
    case 2: return reinterpret_cast<const int32_t*>(idx)[i];
    default: return isize(reinterpret_cast<const int64_t*>(idx)[i]);
    }
}

static void set_index(DictKeys* k, isize i, isize ix) {
    char* idx = k->indices();
    switch (k->log2_index_bytes - k->log2_size) {
    case 0: reinterpret_cast<int8_t*>(idx)[i] = int8_t(ix); break;
    case 1: reinterpret_cast<int16_t*>(idx)[i] = int16_t(ix); break;
    case 2: reinterpret_cast<int32_t*>(idx)[i] = int32_t(ix); break;
    default: reinterpret_cast<int64_t*>(idx)[i] = int64_t(ix); break;
    }
}

// calculate_log2_keysize: the smallest 2**k >= minsize, at least 8. (The
// `| 8) - 1` makes tiny requests give 16, exactly as CPython 3.11 does.)
static uint8_t calculate_log2_keysize(isize minsize) {
    uint64_t m = (uint64_t(minsize) | 8) - 1;
    m |= 7;
    uint8_t bits = 0;
    while (m) { bits++; m >>= 1; }
    return bits;
}

// estimate_log2_keysize: a table that holds n items without resizing.
static uint8_t estimate_log2_keysize(isize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

static Heap& heap_of(Interpreter& interp) { return interp.heap; }

static int visit_may_be_tracked_value(Object* child, void*) { return gc_may_be_tracked(child) ? 1 : 0; }

static DictKeys* new_keys(ThreadState* ts, uint8_t log2_size, bool unicode) {
    uint8_t log2_bytes;
    if (log2_size < 8) log2_bytes = log2_size;
    else if (log2_size < 16) log2_bytes = log2_size + 1;
    else if (log2_size >= 32) log2_bytes = log2_size + 3;
    else log2_bytes = log2_size + 2;
    if (log2_size >= 8 * sizeof(isize) - 3) { raise_no_memory(ts); return nullptr; }
    const isize usable = usable_fraction(isize(1) << log2_size);
    const std::size_t bytes = sizeof(DictKeys) + (std::size_t(1) << log2_bytes) + std::size_t(usable) * sizeof(DictEntry);
    auto* k = static_cast<DictKeys*>(heap_of(*ts->interp).malloc(bytes));
    if (!k) { raise_no_memory(ts); return nullptr; }
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    k->shared_empty = false;
    k->refcnt = 1;
    k->usable = usable;
    k->nentries = 0;
    std::memset(k->indices(), 0xff, std::size_t(1) << log2_bytes);   // all DKIX_EMPTY
    std::memset(k->entries(), 0, std::size_t(usable) * sizeof(DictEntry));
    return k;
}

// Releases the table's references (key then value, in insertion order) and
// its memory.
static void free_keys(Interpreter& interp, DictKeys* k) {
    if (k->shared_empty) return;
    DictEntry* ep = k->entries();
    for (isize i = 0, n = k->nentries; i < n; i++) {
        xdecref(ep[i].key);
        xdecref(ep[i].value);
    }
    interp.heap.free(k);
}

void dict_keys_decref(Interpreter& interp, DictKeys* k) {
    if (k->shared_empty) return;
    if (--k->refcnt == 0) free_keys(interp, k);
}

// ------------------------------------------------------------ split values

static DictValues* new_values(ThreadState* ts, isize capacity) {
    const std::size_t bytes = sizeof(DictValues) + std::size_t(capacity) * (sizeof(Object*) + 1);
    auto* v = static_cast<DictValues*>(heap_of(*ts->interp).malloc(bytes));
    if (!v) { raise_no_memory(ts); return nullptr; }
    v->capacity = capacity;
    v->count = 0;
    std::memset(v->values(), 0, std::size_t(capacity) * sizeof(Object*));
    return v;
}

// Releases the values (in entry order, as CPython's dict_dealloc) and the block.
static void free_values(Interpreter& interp, DictValues* v, isize nentries) {
    Object** vals = v->values();
    for (isize i = 0; i < nentries && i < v->capacity; i++) xdecref(vals[i]);
    interp.heap.free(v);
}

// _PyDictValues_AddToInsertionOrder: entry ix becomes the newest item.
static void values_add_order(DictValues* v, isize ix) { v->order()[v->count++] = uint8_t(ix); }

// delete_index_from_values: entry ix leaves the order; the rest keep theirs.
static void values_remove_order(DictValues* v, isize ix) {
    uint8_t* ord = v->order();
    isize i = 0;
    while (i < v->count && ord[i] != ix) i++;
    if (i == v->count) return;
    std::memmove(ord + i, ord + i + 1, std::size_t(v->count - i - 1));
    v->count--;
}

// shared_keys_usable_size: what every split dict made now must be able to hold.
static isize shared_keys_usable_size(DictKeys* k) { return k->nentries + k->usable; }

// Drops the dict's storage (keys reference, values or entries) after the
// dict has been pointed elsewhere.
static void release_storage(Interpreter& interp, DictKeys* k, DictValues* v) {
    if (v) free_values(interp, v, k->nentries);   // while k still names the entries
    dict_keys_decref(interp, k);
}

// A slot of the index that holds no entry (find_empty_slot): the first
// EMPTY or DUMMY along the probe sequence.
static isize find_empty_slot(DictKeys* k, int64_t hash) {
    const uint64_t mask = uint64_t(k->size() - 1);
    uint64_t i = uint64_t(hash) & mask;
    isize ix = get_index(k, isize(i));
    for (uint64_t perturb = uint64_t(hash); ix >= 0;) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
        ix = get_index(k, isize(i));
    }
    return isize(i);
}

// Rebuilds the index for entries[0..n) (which has no holes).
static void build_indices(DictKeys* k, isize n) {
    const uint64_t mask = uint64_t(k->size() - 1);
    DictEntry* ep = k->entries();
    for (isize ix = 0; ix < n; ix++) {
        uint64_t hash = uint64_t(ep[ix].hash);
        uint64_t i = uint64_t(hash) & mask;
        for (uint64_t perturb = uint64_t(hash); get_index(k, isize(i)) != DKIX_EMPTY;) {
            perturb >>= kPerturbShift;
            i = mask & (i * 5 + perturb + 1);
        }
        set_index(k, isize(i), ix);
    }
}

// dictresize: move the live entries to a fresh table of 2**log2_newsize
// slots. The new table is str-only if asked and the old one was.
static bool dictresize(ThreadState* ts, DictObject* mp, uint8_t log2_newsize, bool unicode) {
    if (log2_newsize >= 8 * sizeof(isize) - 3) { raise_no_memory(ts); return false; }
    DictKeys* oldkeys = mp->ma_keys;
    if (!keys_is_unicode(oldkeys)) unicode = false;
    DictKeys* newkeys = new_keys(ts, log2_newsize, unicode);
    if (!newkeys) return false;
    const isize numentries = mp->ma_used;
    DictEntry* src = oldkeys->entries();
    DictEntry* dst = newkeys->entries();
    if (DictValues* oldvalues = mp->ma_values) {
        // Split -> combined, in this dict's own insertion order: the keys
        // get new references (the shared table keeps its own), the values move.
        const uint8_t* ord = oldvalues->order();
        for (isize i = 0; i < numentries; i++) {
            const isize ix = ord[i];
            dst[i].hash = src[ix].hash;
            dst[i].key = newref(src[ix].key).release();
            dst[i].value = oldvalues->values()[ix];
            oldvalues->values()[ix] = nullptr;
        }
        build_indices(newkeys, numentries);
        newkeys->usable -= numentries;
        newkeys->nentries = numentries;
        mp->ma_keys = newkeys;
        mp->ma_values = nullptr;
        free_values(*ts->interp, oldvalues, 0);
        dict_keys_decref(*ts->interp, oldkeys);
        return true;
    }
    if (oldkeys->nentries == numentries) {
        std::memcpy(dst, src, std::size_t(numentries) * sizeof(DictEntry));
    } else {
        for (isize i = 0, j = 0; j < numentries; i++) {
            if (src[i].value) dst[j++] = src[i];
        }
    }
    build_indices(newkeys, numentries);
    newkeys->usable -= numentries;
    newkeys->nentries = numentries;
    mp->ma_keys = newkeys;
    // The references moved; free the old block without releasing them.
    if (!oldkeys->shared_empty) ts->interp->heap.free(oldkeys);
    return true;
}

static bool insertion_resize(ThreadState* ts, DictObject* mp, bool unicode) {
    return dictresize(ts, mp, calculate_log2_keysize(mp->ma_used * 3), unicode);
}

// Every change gives the dict a version no dict ever had (see
// Interpreter's lookup caches); a change to a watched dict (a type's)
// also invalidates the type-attribute cache.
static inline void bump_version(DictObject* mp) {
    Interpreter& interp = *type_of(mp)->interp;
    const uint64_t watched = mp->ma_version & kDictWatched;
    mp->ma_version = ++interp.dict_version_counter | watched;
    if (watched) interp.type_epoch++;
}

static bool str_key(Interpreter& interp, Object* key) { return isinstance_exact(key, interp.types.str); }

// _Py_dict_lookup: the entry index for key (>= 0), DKIX_EMPTY when absent,
// or DKIX_ERROR (-3) with an exception set. When found, *slot receives the
// index-table slot (for deletion). __eq__ may run Python code that mutates
// the dict; then the lookup restarts, as CPython does.
constexpr isize DKIX_ERROR = -3;

static isize keys_lookup(ThreadState* ts, DictObject* mp, Object* key, int64_t hash, isize* slot) {
    Interpreter& interp = *ts->interp;
restart:
    DictKeys* dk = mp->ma_keys;
    const uint64_t mask = uint64_t(dk->size() - 1);
    uint64_t perturb = uint64_t(hash);
    uint64_t i = uint64_t(hash) & mask;
    const bool fast = str_key(interp, key);
    for (;;) {
        isize ix = get_index(dk, isize(i));
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry* ep = &dk->entries()[ix];
            if (ep->key == key) { if (slot) *slot = isize(i); return ix; }
            if (ep->hash == hash && ep->key) {
                if (fast && str_key(interp, ep->key)) {
                    if (str_equal(as_str(ep->key), as_str(key))) { if (slot) *slot = isize(i); return ix; }
                } else {
                    Object* startkey = ep->key;
                    incref(startkey);
                    int cmp = object_richcompare_bool(ts, startkey, key, Py_EQ);
                    decref(startkey);
                    if (cmp < 0) return DKIX_ERROR;
                    if (dk == mp->ma_keys && ep->key == startkey) {
                        if (cmp > 0) { if (slot) *slot = isize(i); return ix; }
                    } else {
                        goto restart;   // the dict mutated under us
                    }
                }
            }
        }
        perturb >>= kPerturbShift;
        i = mask & (i * 5 + perturb + 1);
    }
}

// The entry holding key, as keys_lookup, except that a split table's entry
// this dict has no value for counts as absent.
static isize dict_lookup(ThreadState* ts, DictObject* mp, Object* key, int64_t hash, isize* slot) {
    isize ix = keys_lookup(ts, mp, key, hash, slot);
    if (ix >= 0 && mp->ma_values && !mp->ma_values->values()[ix]) return DKIX_EMPTY;
    return ix;
}

// A str-keyed lookup that never runs Python code (type attribute lookup,
// globals): other key types are skipped.
static isize dict_lookup_str(DictObject* mp, StrObject* key, int64_t hash, isize* slot) {
    DictKeys* dk = mp->ma_keys;
    Interpreter& interp = *type_of(mp)->interp;
    const uint64_t mask = uint64_t(dk->size() - 1);
    uint64_t perturb = uint64_t(hash);
    uint64_t i = uint64_t(hash) & mask;
    for (;;) {
        isize ix = get_index(dk, isize(i));
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry* ep = &dk->entries()[ix];
            if (ep->key == key ||
                (ep->hash == hash && ep->key && is_str(ep->key) && str_equal(as_str(ep->key), key))) {
                (void)interp;
                if (mp->ma_values && !mp->ma_values->values()[ix]) return DKIX_EMPTY;
                if (slot) *slot = isize(i);
                return ix;
            }
        }
        perturb >>= kPerturbShift;
        i = mask & (i * 5 + perturb + 1);
    }
}

static int64_t hash_of(ThreadState* ts, Object* key) {
    if (str_key(*ts->interp, key)) return str_hash(as_str(key));
    return object_hash(ts, key);
}

// MAINTAIN_TRACKING: an exact dict starts untracked (it cannot be part of
// a cycle while it holds only atoms) and is tracked by the collector from
// the first key or value that may be a container (gc/collector.h).
static void maintain_tracking(Interpreter& interp, DictObject* mp, Object* key, Object* value) {
    if (!GCState::is_tracked(mp) && (gc_may_be_tracked(key) || gc_may_be_tracked(value))) interp.gc.track(mp);
}

// insertdict's split-table part (the key is an exact str). Returns 1 when
// stored, 0 on error, -2 when the key is new and the shared keys have no
// room: then the dict has been combined and the caller inserts as usual.
static int insert_split(ThreadState* ts, DictObject* mp, Ref<>& key, Ref<>& value, int64_t hash) {
    DictKeys* dk = mp->ma_keys;
    DictValues* vals = mp->ma_values;
    isize ix = keys_lookup(ts, mp, key.get(), hash, nullptr);   // str keys: runs no Python code
    if (ix == DKIX_ERROR) return 0;
    bump_version(mp);
    if (ix == DKIX_EMPTY) {
        if (dk->usable <= 0 || dk->nentries >= vals->capacity) {
            if (!insertion_resize(ts, mp, true)) return 0;
            return -2;
        }
        // The new key joins the shared table (every dict using it sees a
        // key it has no value for); the value goes into this dict only.
        ix = dk->nentries;
        set_index(dk, find_empty_slot(dk, hash), ix);
        DictEntry* ep = &dk->entries()[ix];
        ep->key = key.release();
        ep->hash = hash;
        ep->value = nullptr;
        dk->usable--;
        dk->nentries++;
        vals->values()[ix] = value.release();
        values_add_order(vals, ix);
        mp->ma_used++;
        return 1;
    }
    Object*& slot = vals->values()[ix];
    Object* old = slot;
    if (!old) {
        slot = value.release();
        values_add_order(vals, ix);
        mp->ma_used++;
        return 1;
    }
    if (old != value.get()) {
        slot = value.release();
        decref(old);
    }
    return 1;
}

// insertdict: key and value are borrowed; takes new references as needed.
static bool insertdict(ThreadState* ts, DictObject* mp, Object* key, int64_t hash, Object* value) {
    Interpreter& interp = *ts->interp;
    maintain_tracking(interp, mp, key, value);
    if (mp->ma_keys->shared_empty) {
        // insert_to_emptydict: the first table is str-only if the first key is a str.
        DictKeys* k = new_keys(ts, kLog2MinSize, str_key(interp, key));
        if (!k) return false;
        mp->ma_keys = k;
    } else if (keys_is_unicode(mp->ma_keys) && !str_key(interp, key)) {
        if (!insertion_resize(ts, mp, false)) return false;   // a split table combines here
    }
    // Hold key and value: __eq__ during the lookup may drop the caller's references.
    Ref<> hk = newref(key), hv = newref(value);
    if (mp->ma_values) {
        int r = insert_split(ts, mp, hk, hv, hash);
        if (r >= 0) return r == 1;
        // r == -2: the shared keys are full; the dict is combined now.
    }
    isize ix = dict_lookup(ts, mp, key, hash, nullptr);
    if (ix == DKIX_ERROR) return false;
    bump_version(mp);
    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->usable <= 0 && !insertion_resize(ts, mp, true)) return false;
        DictKeys* dk = mp->ma_keys;
        if (keys_is_unicode(dk) && !str_key(interp, key)) {
            if (!insertion_resize(ts, mp, false)) return false;
            dk = mp->ma_keys;
        }
        isize hashpos = find_empty_slot(dk, hash);
        set_index(dk, hashpos, dk->nentries);
        DictEntry* ep = &dk->entries()[dk->nentries];
        ep->key = hk.release();
        ep->value = hv.release();
        ep->hash = hash;
        mp->ma_used++;
        dk->usable--;
        dk->nentries++;
        return true;
    }
    DictEntry* ep = &mp->ma_keys->entries()[ix];
    Object* old = ep->value;
    if (old != value) {
        ep->value = hv.release();
        decref(old);
    }
    return true;
}

// delitem_common: the entry at `ix` (index slot `slot`) goes away.
static void delitem_common(DictObject* mp, isize slot, isize ix) {
    if (DictValues* vals = mp->ma_values) {
        // A split table only forgets the value; the shared key stays.
        Object* old_value = vals->values()[ix];
        vals->values()[ix] = nullptr;
        values_remove_order(vals, ix);
        mp->ma_used--;
        bump_version(mp);
        decref(old_value);
        return;
    }
    DictKeys* dk = mp->ma_keys;
    DictEntry* ep = &dk->entries()[ix];
    set_index(dk, slot, DKIX_DUMMY);
    Object* old_key = ep->key;
    Object* old_value = ep->value;
    ep->key = nullptr;
    ep->value = nullptr;
    mp->ma_used--;
    bump_version(mp);
    decref(old_key);
    decref(old_value);
}

// ------------------------------------------------------------ public API

static Ref<DictObject> dict_alloc_type(ThreadState* ts, TypeObject* type) {
    Object* op = object_alloc(ts, type, 0);
    if (!op) return nullptr;
    auto* d = static_cast<DictObject*>(op);
    d->ma_used = 0;
    d->ma_version = 0;
    d->ma_keys = empty_keys();
    d->ma_values = nullptr;
    // Exact dicts are tracked when they first hold a container
    // (maintain_tracking); subclass instances at once, as CPython's dict_new.
    if (type != ts->interp->types.dict) ts->interp->gc.track(op);
    return Ref<DictObject>::steal(d);
}

Ref<DictObject> dict_new(ThreadState* ts) { return dict_alloc_type(ts, ts->interp->types.dict); }

Ref<DictObject> dict_new_presized(ThreadState* ts, isize minused, bool unicode) {
    Ref<DictObject> d = dict_new(ts);
    if (!d || minused <= usable_fraction(isize(1) << kLog2MinSize)) return d;
    const uint8_t log2_max_presize = 17;
    uint8_t log2 = minused > usable_fraction(isize(1) << log2_max_presize) ? log2_max_presize
                                                                            : estimate_log2_keysize(minused);
    DictKeys* k = new_keys(ts, log2, unicode);
    if (!k) return nullptr;
    d->ma_keys = k;
    return d;
}

Ref<DictObject> dict_from_items(ThreadState* ts, Object* const* keys, isize keys_stride, Object* const* values,
                                isize values_stride, isize n) {
    bool unicode = true;
    for (isize i = 0; i < n; i++)
        if (!str_key(*ts->interp, keys[i * keys_stride])) { unicode = false; break; }
    Ref<DictObject> d = dict_new_presized(ts, n, unicode);
    if (!d) return nullptr;
    for (isize i = 0; i < n; i++)
        if (!dict_set_item(ts, d.get(), keys[i * keys_stride], values[i * values_stride])) return nullptr;
    return d;
}

Object* dict_get_item(ThreadState* ts, DictObject* d, Object* key) {
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return nullptr;
    isize ix = dict_lookup(ts, d, key, hash, nullptr);
    if (ix < 0) return nullptr;
    return dict_value_at(d, ix);
}

Object* dict_get_str(DictObject* d, StrObject* key) {
    isize ix = dict_lookup_str(d, key, str_hash(key), nullptr);
    if (ix < 0) return nullptr;
    return dict_value_at(d, ix);
}

Object* dict_get_cstr(ThreadState* ts, DictObject* d, const char* key) {
    Ref<> k = str_from_utf8(ts, key);
    if (!k) return nullptr;
    return dict_get_str(d, as_str(k.get()));
}

bool dict_set_item(ThreadState* ts, DictObject* d, Object* key, Object* value) {
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return false;
    return insertdict(ts, d, key, hash, value);
}

bool dict_set_item_known_hash(ThreadState* ts, DictObject* d, Object* key, int64_t hash, Object* value) {
    return insertdict(ts, d, key, hash, value);
}

bool dict_set_cstr(ThreadState* ts, DictObject* d, const char* key, Object* value) {
    // PyDict_SetItemString interns the key.
    Ref<> k = str_intern_cstr(ts, key);
    if (!k) return false;
    return dict_set_item(ts, d, k.get(), value);
}

bool dict_del_item(ThreadState* ts, DictObject* d, Object* key) {
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return false;
    isize slot;
    isize ix = dict_lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) return false;
    if (ix == DKIX_EMPTY) { raise_key_error(ts, key); return false; }
    delitem_common(d, slot, ix);
    return true;
}

bool dict_del_str(DictObject* d, StrObject* key) {
    isize slot;
    isize ix = dict_lookup_str(d, key, str_hash(key), &slot);
    if (ix < 0) return false;
    delitem_common(d, slot, ix);
    return true;
}

Ref<> dict_pop(ThreadState* ts, DictObject* d, Object* key, Object* deflt) {
    if (d->ma_used == 0) {
        if (deflt) return newref(deflt);
        return raise_key_error(ts, key);
    }
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return nullptr;
    isize slot;
    isize ix = dict_lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) return nullptr;
    if (ix == DKIX_EMPTY) {
        if (deflt) return newref(deflt);
        return raise_key_error(ts, key);
    }
    Ref<> value = newref(dict_value_at(d, ix));
    delitem_common(d, slot, ix);
    return value;
}

// _PyDict_Next: *pos is an entry number for a combined table, a place in
// the insertion order for a split one.
bool dict_next_hash(DictObject* d, isize* pos, Object** key, Object** value, int64_t* hash) {
    DictKeys* dk = d->ma_keys;
    DictEntry* ep = dk->entries();
    isize i = *pos;
    if (DictValues* vals = d->ma_values) {
        if (i < 0 || i >= vals->count) return false;
        const isize ix = vals->order()[i];
        *pos = i + 1;
        if (key) *key = ep[ix].key;
        if (value) *value = vals->values()[ix];
        if (hash) *hash = ep[ix].hash;
        return true;
    }
    const isize n = dk->nentries;
    while (i < n && !ep[i].value) i++;
    if (i >= n) return false;
    *pos = i + 1;
    if (key) *key = ep[i].key;
    if (value) *value = ep[i].value;
    if (hash) *hash = ep[i].hash;
    return true;
}

bool dict_next(DictObject* d, isize* pos, Object** key, Object** value) {
    return dict_next_hash(d, pos, key, value, nullptr);
}

isize dict_size(DictObject* d) { return d->ma_used; }

void dict_clear(DictObject* d) {
    DictKeys* old = d->ma_keys;
    DictValues* oldvalues = d->ma_values;
    if (old->shared_empty) return;
    // Empty the dict first: releasing items may run code that looks at it.
    // A split dict becomes an ordinary empty one (PyDict_Clear).
    d->ma_keys = empty_keys();
    d->ma_values = nullptr;
    d->ma_used = 0;
    bump_version(d);
    release_storage(*type_of(d)->interp, old, oldvalues);
}

// _PyDict_SizeOf. A split dict counts its values array, sized by what the
// shared keys could hold now; the shared keys themselves are the class's
// (type.__sizeof__ counts them) unless this dict is their last owner.
isize dict_sizeof(DictObject* d) {
    isize res = d->ob_type->cpython.basicsize;   // 48 = sizeof(PyDictObject), more for a subclass
    DictKeys* k = d->ma_keys;
    if (d->ma_values) res += shared_keys_usable_size(k) * 8;
    if (!k->shared_empty && k->refcnt == 1) {
        const isize entry = k->kind == DICT_KEYS_GENERAL ? 24 : 16;
        res += 32 + (isize(1) << k->log2_index_bytes) + usable_fraction(k->size()) * entry;
    }
    return res;
}

// clone_combined_dict_keys: an exact copy of the table (holes included),
// with new references to every key and value.
static DictKeys* clone_keys(ThreadState* ts, DictObject* orig) {
    DictKeys* k = orig->ma_keys;
    const isize usable = usable_fraction(k->size());
    const std::size_t bytes = sizeof(DictKeys) + (std::size_t(1) << k->log2_index_bytes) +
                              std::size_t(usable) * sizeof(DictEntry);
    auto* copy = static_cast<DictKeys*>(ts->interp->heap.malloc(bytes));
    if (!copy) { raise_no_memory(ts); return nullptr; }
    std::memcpy(copy, k, bytes);
    DictEntry* ep = copy->entries();
    for (isize i = 0; i < copy->nentries; i++) {
        if (ep[i].value) { incref(ep[i].key); incref(ep[i].value); }
    }
    return copy;
}

static bool uses_dict_iter(Object* o);

// dict_merge(a, b, override): override 1 = b wins, 0 = a wins, 2 = raise
// KeyError on a duplicate (for f(**a, **b)).
bool dict_merge(ThreadState* ts, DictObject* mp, Object* b, int override) {
    Interpreter& interp = *ts->interp;
    if (is_dict(b) && uses_dict_iter(b)) {
        auto* other = as_dict(b);
        if (other == mp || other->ma_used == 0) return true;
        if (mp->ma_used == 0) {
            override = 1;
            DictKeys* okeys = other->ma_keys;
            // If other is combined, clean and just allocated, clone its table.
            if (!other->ma_values && other->ma_used == okeys->nentries &&
                (okeys->log2_size == kLog2MinSize || usable_fraction(okeys->size() / 2) < other->ma_used)) {
                DictKeys* keys = clone_keys(ts, other);
                if (!keys) return false;
                DictKeys* old = mp->ma_keys;
                DictValues* oldvalues = mp->ma_values;
                mp->ma_keys = keys;
                mp->ma_values = nullptr;
                mp->ma_used = other->ma_used;
                bump_version(mp);
                release_storage(interp, old, oldvalues);
                if (GCState::is_tracked(other)) interp.gc.track(mp);   // maintain tracking
                return true;
            }
        }
        // One big resize up front, expecting few overlapping keys.
        if (usable_fraction(mp->ma_keys->size()) < other->ma_used) {
            bool unicode = keys_is_unicode(other->ma_keys);
            if (!dictresize(ts, mp, estimate_log2_keysize(mp->ma_used + other->ma_used), unicode)) return false;
        }
        const isize orig_size = other->ma_keys->nentries;
        isize pos = 0;
        Object *key, *value;
        int64_t hash;
        while (dict_next_hash(other, &pos, &key, &value, &hash)) {
            Ref<> hk = newref(key), hv = newref(value);
            if (override == 1) {
                if (!insertdict(ts, mp, key, hash, value)) return false;
            } else {
                isize ix = dict_lookup(ts, mp, key, hash, nullptr);
                if (ix == DKIX_ERROR) return false;
                if (ix == DKIX_EMPTY) {
                    if (!insertdict(ts, mp, key, hash, value)) return false;
                } else if (override != 0) {
                    raise_key_error(ts, key);
                    return false;
                }
            }
            if (other->ma_keys->nentries != orig_size) {
                raise(ts, interp.exc.RuntimeError, "dict mutated during update");
                return false;
            }
        }
        return true;
    }
    // Any mapping: keys() then b[key].
    Ref<> keys = call_method(ts, b, "keys", nullptr, 0);
    if (!keys) return false;
    Ref<> it = object_get_iter(ts, keys.get());
    if (!it) return false;
    while (Ref<> key = iter_next(ts, it.get())) {
        if (override != 1) {
            Object* existing = dict_get_item(ts, mp, key.get());
            if (!existing && error_occurred(ts)) return false;
            if (existing) {
                if (override != 0) { raise_key_error(ts, key.get()); return false; }
                continue;
            }
        }
        Ref<> value = object_getitem(ts, b, key.get());
        if (!value) return false;
        if (!dict_set_item(ts, mp, key.get(), value.get())) return false;
    }
    return !error_occurred(ts);
}

// PyDict_MergeFromSeq2: an iterable of 2-item sequences.
static bool dict_merge_from_seq2(ThreadState* ts, DictObject* d, Object* seq2) {
    Interpreter& interp = *ts->interp;
    Ref<> it = object_get_iter(ts, seq2);
    if (!it) return false;
    for (isize i = 0;; i++) {
        Ref<> item = iter_next(ts, it.get());
        if (!item) return !error_occurred(ts);
        Ref<> fast = sequence_fast(ts, item.get(), "");
        if (!fast) {
            if (error_matches(ts, interp.exc.TypeError)) {
                error_clear(ts);
                raise(ts, interp.exc.TypeError,
                      "cannot convert dictionary update sequence element #" + isize_str(i) + " to a sequence");
            }
            return false;
        }
        const isize n = seq_fast_size(fast.get());
        if (n != 2) {
            raise(ts, interp.exc.ValueError,
                  "dictionary update sequence element #" + isize_str(i) + " has length " + isize_str(n) +
                      "; 2 is required");
            return false;
        }
        Object** kv = seq_fast_items(fast.get());
        Ref<> key = newref(kv[0]), value = newref(kv[1]);
        if (!dict_set_item(ts, d, key.get(), value.get())) return false;
    }
}

// dict_update_arg: a dict, anything with keys(), or pairs.
bool dict_update_arg(ThreadState* ts, DictObject* d, Object* arg) {
    if (isinstance_exact(arg, ts->interp->types.dict)) return dict_merge(ts, d, arg, 1);
    Ref<> keys_attr = object_getattr_cstr(ts, arg, "keys");
    if (keys_attr) return dict_merge(ts, d, arg, 1);
    if (!error_matches(ts, ts->interp->exc.AttributeError)) return false;
    error_clear(ts);
    return dict_merge_from_seq2(ts, d, arg);
}

Ref<DictObject> dict_copy(ThreadState* ts, DictObject* mp) {
    if (mp->ma_used == 0) return dict_new(ts);
    if (DictValues* vals = mp->ma_values) {
        // A copy of a split dict is split too, sharing the same keys, with a
        // values array sized for what the keys could hold now.
        DictKeys* keys = mp->ma_keys;
        DictValues* nv = new_values(ts, std::max(shared_keys_usable_size(keys), keys->nentries));
        if (!nv) return nullptr;
        Ref<DictObject> d = dict_new(ts);
        if (!d) { free_values(*ts->interp, nv, 0); return nullptr; }
        for (isize i = 0; i < keys->nentries; i++) nv->values()[i] = newref(vals->values()[i]).release();
        std::memcpy(nv->order(), vals->order(), std::size_t(vals->count));
        nv->count = vals->count;
        keys->refcnt++;
        d->ma_keys = keys;
        d->ma_values = nv;
        d->ma_used = mp->ma_used;
        if (GCState::is_tracked(mp)) ts->interp->gc.track(d.get());   // maintain tracking
        return d;
    }
    if (uses_dict_iter(mp) && mp->ma_used >= (mp->ma_keys->nentries * 2) / 3) {
        // Fast copy: the table, holes and all, when it is at most 1/3 holes.
        DictKeys* keys = clone_keys(ts, mp);
        if (!keys) return nullptr;
        Ref<DictObject> d = dict_new(ts);
        if (!d) { free_keys(*ts->interp, keys); return nullptr; }
        d->ma_keys = keys;
        d->ma_used = mp->ma_used;
        if (GCState::is_tracked(mp)) ts->interp->gc.track(d.get());   // maintain tracking
        return d;
    }
    Ref<DictObject> copy = dict_new(ts);
    if (!copy || !dict_merge(ts, copy.get(), mp, 1)) return nullptr;
    return copy;
}

// ------------------------------------------------------------ slots

static void dict_dealloc(Object* op) {
    auto* d = as_dict(op);
    Interpreter& interp = *type_of(op)->interp;
    interp.gc.untrack(op);
    DictKeys* k = d->ma_keys;
    DictValues* v = d->ma_values;
    d->ma_keys = empty_keys();
    d->ma_values = nullptr;
    d->ma_used = 0;
    release_storage(interp, k, v);
    object_free(op);
}

static int dict_traverse(Object* op, visitproc visit, void* arg) {
    DictKeys* k = as_dict(op)->ma_keys;
    if (DictValues* vals = as_dict(op)->ma_values) {   // split: str keys, values only
        for (isize i = 0; i < k->nentries; i++)
            if (Object* v = vals->values()[i]; v && visit(v, arg)) return 1;
        return 0;
    }
    DictEntry* ep = k->entries();
    for (isize i = 0; i < k->nentries; i++) {
        if (!ep[i].value) continue;
        if (visit(ep[i].value, arg)) return 1;
        if (k->kind == DICT_KEYS_GENERAL && visit(ep[i].key, arg)) return 1;
    }
    return 0;
}

static int dict_tp_clear(Object* op) {
    dict_clear(as_dict(op));
    return 0;
}

static Ref<> dict_repr(ThreadState* ts, Object* op) {
    auto* d = as_dict(op);
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, "{...}");
    if (d->ma_used == 0) return str_from_utf8(ts, "{}");
    std::u32string out = U"{";
    bool first = true;
    isize pos = 0;
    Object *key, *value;
    // Items may be mutated by the reprs: hold each while formatting it.
    while (dict_next(d, &pos, &key, &value)) {
        Ref<> k = newref(key), v = newref(value);
        if (!first) out += U", ";
        first = false;
        Ref<> kr = object_repr(ts, k.get());
        if (!kr) return nullptr;
        str_append_to(as_str(kr.get()), out);
        out += U": ";
        Ref<> vr = object_repr(ts, v.get());
        if (!vr) return nullptr;
        str_append_to(as_str(vr.get()), out);
    }
    out += U"}";
    return str_from_u32(ts, out);
}

static isize dict_length(ThreadState*, Object* op) { return as_dict(op)->ma_used; }

static Ref<> dict_subscript(ThreadState* ts, Object* op, Object* key) {
    auto* d = as_dict(op);
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return nullptr;
    isize ix = dict_lookup(ts, d, key, hash, nullptr);
    if (ix == DKIX_ERROR) return nullptr;
    if (ix >= 0) return newref(dict_value_at(d, ix));
    if (!isinstance_exact(op, ts->interp->types.dict) && type_lookup(type_of(op), "__missing__"))
        return call_method(ts, op, "__missing__", &key, 1);
    return raise_key_error(ts, key);
}

static int dict_ass_subscript(ThreadState* ts, Object* op, Object* key, Object* value) {
    if (!value) return dict_del_item(ts, as_dict(op), key) ? 0 : -1;
    return dict_set_item(ts, as_dict(op), key, value) ? 0 : -1;
}

static int dict_contains(ThreadState* ts, Object* op, Object* key) {
    int64_t hash = hash_of(ts, key);
    if (hash == -1) return -1;
    isize ix = dict_lookup(ts, as_dict(op), key, hash, nullptr);
    if (ix == DKIX_ERROR) return -1;
    return ix >= 0;
}

int dict_has_key(ThreadState* ts, DictObject* d, Object* key) { return dict_contains(ts, d, key); }

// dict_equal: same length, and every key of a maps to an equal value in b.
// Walks a's entries in table order (a split table's too, as CPython does).
static int dict_equal(ThreadState* ts, DictObject* a, DictObject* b) {
    if (a->ma_used != b->ma_used) return 0;
    DictKeys* ak = a->ma_keys;
    for (isize i = 0; i < ak->nentries; i++) {
        DictEntry* ep = &ak->entries()[i];
        Object* av = dict_value_at(a, i);
        if (!av) continue;
        Ref<> key = newref(ep->key);
        Ref<> aval = newref(av);
        const int64_t hash = ep->hash;
        isize ix = dict_lookup(ts, b, key.get(), hash, nullptr);
        if (ix == DKIX_ERROR) return -1;
        if (ix == DKIX_EMPTY) return 0;
        Ref<> bval = newref(dict_value_at(b, ix));
        int cmp = object_richcompare_bool(ts, aval.get(), bval.get(), Py_EQ);
        if (cmp <= 0) return cmp;
        ak = a->ma_keys;   // may have changed
        if (i >= ak->nentries) break;
    }
    return 1;
}

static Ref<> dict_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    if (!is_dict(a) || !is_dict(b) || (op != Py_EQ && op != Py_NE)) return newref(ts->interp->NotImplemented);
    int cmp = dict_equal(ts, as_dict(a), as_dict(b));
    if (cmp < 0) return nullptr;
    return bool_ref(ts, (cmp == 1) == (op == Py_EQ));
}

static Ref<> dict_or(ThreadState* ts, Object* self, Object* other) {
    if (!is_dict(self) || !is_dict(other)) return newref(ts->interp->NotImplemented);
    Ref<DictObject> d = dict_copy(ts, as_dict(self));
    if (!d) return nullptr;
    if (!dict_update_arg(ts, d.get(), other)) return nullptr;
    return d;
}

static Ref<> dict_ior(ThreadState* ts, Object* self, Object* other) {
    if (!dict_update_arg(ts, as_dict(self), other)) return nullptr;
    return newref(self);
}

static Ref<> dict_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return dict_alloc_type(ts, type);
}

// dict_update_common: dict(mapping_or_pairs, **kwargs) and d.update(...).
static bool dict_update_common(ThreadState* ts, DictObject* self, Object* const* args, isize nargs,
                               TupleObject* kwnames, const char* name) {
    if (!check_positional(ts, name, nargs, 0, 1)) return false;
    if (nargs == 1 && !dict_update_arg(ts, self, args[0])) return false;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize i = 0; i < nkw; i++)
        if (!dict_set_item(ts, self, kwnames->ob_item[i], args[nargs + i])) return false;
    return true;
}

static int dict_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    return dict_update_common(ts, as_dict(self), args, nargs, kwnames, "dict") ? 0 : -1;
}

// ------------------------------------------------------------ methods

static Ref<> m_get(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "get", kw) || !check_positional(ts, "get", nargs, 1, 2)) return nullptr;
    Object* v = dict_get_item(ts, as_dict(self), args[0]);
    if (v) return newref(v);
    if (error_occurred(ts)) return nullptr;
    return newref(nargs == 2 ? args[1] : ts->interp->None);
}

static Ref<> m_setdefault(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setdefault", kw) || !check_positional(ts, "setdefault", nargs, 1, 2)) return nullptr;
    Object* deflt = nargs == 2 ? args[1] : ts->interp->None;
    Object* v = dict_get_item(ts, as_dict(self), args[0]);
    if (v) return newref(v);
    if (error_occurred(ts)) return nullptr;
    if (!dict_set_item(ts, as_dict(self), args[0], deflt)) return nullptr;
    return newref(deflt);
}

static Ref<> m_pop(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "pop", kw) || !check_positional(ts, "pop", nargs, 1, 2)) return nullptr;
    return dict_pop(ts, as_dict(self), args[0], nargs == 2 ? args[1] : nullptr);
}

static Ref<> m_popitem(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "dict.popitem", kw) || !check_nargs(ts, "dict.popitem", nargs, 0, 0)) return nullptr;
    auto* mp = as_dict(self);
    if (mp->ma_used == 0) {
        Ref<> msg = str_from_utf8(ts, "popitem(): dictionary is empty");
        if (!msg) return nullptr;
        return raise_key_error(ts, msg.get());
    }
    // Allocate the result first: the dict must not change if this fails.
    Ref<TupleObject> res = tuple_new(ts, 2);
    if (!res) return nullptr;
    // A split table is first combined, keeping its size (64 slots).
    if (mp->ma_values && !dictresize(ts, mp, mp->ma_keys->log2_size, true)) return nullptr;
    DictKeys* dk = mp->ma_keys;
    DictEntry* ep0 = dk->entries();
    isize i = dk->nentries - 1;
    while (i >= 0 && !ep0[i].value) i--;
    DictEntry* ep = &ep0[i];
    // Find its index slot.
    const uint64_t mask = uint64_t(dk->size() - 1);
    uint64_t perturb = uint64_t(ep->hash);
    uint64_t j = uint64_t(ep->hash) & mask;
    while (get_index(dk, isize(j)) != i) {
        perturb >>= kPerturbShift;
        j = mask & (j * 5 + perturb + 1);
    }
    set_index(dk, isize(j), DKIX_DUMMY);
    Object** items = res->ob_item;   // the references move into the tuple
    items[0] = ep->key;
    items[1] = ep->value;
    ep->key = nullptr;
    ep->value = nullptr;
    // Appending can reuse the slot (no dk_usable++: a DUMMY remains in the index).
    dk->nentries = i;
    mp->ma_used--;
    bump_version(mp);
    return res;
}

static Ref<> m_keys(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.keys", nargs, 0, 0)) return nullptr;
    return dictview_new(ts, self, ts->interp->types.dict_keys);
}
static Ref<> m_values(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.values", nargs, 0, 0)) return nullptr;
    return dictview_new(ts, self, ts->interp->types.dict_values);
}
static Ref<> m_items(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.items", nargs, 0, 0)) return nullptr;
    return dictview_new(ts, self, ts->interp->types.dict_items);
}

static Ref<> m_update(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!dict_update_common(ts, as_dict(self), args, nargs, kw, "update")) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> m_clear(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.clear", nargs, 0, 0)) return nullptr;
    dict_clear(as_dict(self));
    return newref(ts->interp->None);
}

static Ref<> m_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.copy", nargs, 0, 0)) return nullptr;
    return dict_copy(ts, as_dict(self));
}

static Ref<> m_contains(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.__contains__", nargs, 1, 1)) return nullptr;
    int r = dict_contains(ts, self, args[0]);
    if (r < 0) return nullptr;
    return bool_ref(ts, r);
}

static Ref<> m_getitem(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.__getitem__", nargs, 1, 1)) return nullptr;
    return dict_subscript(ts, self, args[0]);
}

static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.__sizeof__", nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, dict_sizeof(as_dict(self)));
}

static Ref<> m_reversed(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, "dict.__reversed__", nargs, 0, 0)) return nullptr;
    return dictiter_new(ts, as_dict(self), ts->interp->types.dict_revkeyiter);
}

// dict.fromkeys(iterable, value=None), a classmethod: `self` is the class.
static Ref<> m_fromkeys(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fromkeys", kw) || !check_positional(ts, "fromkeys", nargs, 1, 2)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* iterable = args[0];
    Object* value = nargs == 2 ? args[1] : interp.None;
    Ref<> d = object_call_noargs(ts, cls);
    if (!d) return nullptr;
    if (isinstance_exact(d.get(), interp.types.dict)) {
        auto* mp = as_dict(d.get());
        if (isinstance_exact(iterable, interp.types.dict)) {
            auto* src = as_dict(iterable);
            if (!dictresize(ts, mp, estimate_log2_keysize(src->ma_used), keys_is_unicode(src->ma_keys)))
                return nullptr;
            isize pos = 0;
            Object* key;
            int64_t hash;
            while (dict_next_hash(src, &pos, &key, nullptr, &hash))
                if (!insertdict(ts, mp, key, hash, value)) return nullptr;
            return d;
        }
        if (isinstance_exact(iterable, interp.types.set) || isinstance_exact(iterable, interp.types.frozenset)) {
            if (!dictresize(ts, mp, estimate_log2_keysize(set_size(iterable)), false)) return nullptr;
            isize pos = 0;
            Object* key;
            int64_t hash;
            while (set_next_entry(iterable, &pos, &key, &hash))
                if (!insertdict(ts, mp, key, hash, value)) return nullptr;
            return d;
        }
    }
    Ref<> it = object_get_iter(ts, iterable);
    if (!it) return nullptr;
    while (Ref<> key = iter_next(ts, it.get())) {
        if (is_dict(d.get()) && isinstance_exact(d.get(), interp.types.dict)) {
            if (!dict_set_item(ts, as_dict(d.get()), key.get(), value)) return nullptr;
        } else if (object_setitem(ts, d.get(), key.get(), value) < 0) {
            return nullptr;
        }
    }
    if (error_occurred(ts)) return nullptr;
    return d;
}

static const MethodDef dict_methods[] = {
    {"__contains__", m_contains, METH_DEFAULT, "True if the dictionary has the specified key, else False."},
    {"__getitem__", m_getitem, METH_DEFAULT, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", m_get, METH_DEFAULT, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, METH_DEFAULT, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", m_pop, METH_DEFAULT, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", m_popitem, METH_DEFAULT, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", m_keys, METH_DEFAULT, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", m_items, METH_DEFAULT, "D.items() -> a set-like object providing a view on D's items"},
    {"values", m_values, METH_DEFAULT, "D.values() -> an object providing a view on D's values"},
    {"update", m_update, METH_DEFAULT, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", m_fromkeys, METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", m_clear, METH_DEFAULT, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D"},
    {"__reversed__", m_reversed, METH_DEFAULT, "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr},
};

static Ref<> dict_iter(ThreadState* ts, Object* op) {
    return dictiter_new(ts, as_dict(op), ts->interp->types.dict_keyiter);
}

// A dict subclass that overrides __iter__ is merged through keys()/[] (as
// CPython checks Py_TYPE(b)->tp_iter == dict_iter).
static bool uses_dict_iter(Object* o) { return type_of(o)->tp_iter == dict_iter; }

// ------------------------------------------------------------ init

bool init_dict_type(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = interp.types.dict;
    t->tp_basicsize = sizeof(DictObject);
    t->tp_itemsize = 0;
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_DICT_SUBCLASS | TPFLAGS_HAVE_GC;
    t->tp_dealloc = dict_dealloc;
    t->tp_traverse = dict_traverse;
    t->tp_clear = dict_tp_clear;
    t->tp_repr = dict_repr;
    t->tp_hash = hash_not_implemented;
    t->tp_richcompare = dict_richcompare;
    t->tp_iter = dict_iter;
    t->tp_new = dict_new_slot;
    t->tp_init = dict_init;
    t->tp_doc = "dict() -> new empty dictionary\n"
                "dict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\n"
                "dict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n"
                "        d[k] = v\n"
                "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
                "    in the keyword argument list.  For example:  dict(one=1, two=2)";
    t->sequence_storage.sq_contains = dict_contains;
    t->tp_as_sequence = &t->sequence_storage;
    t->mapping_storage.mp_length = dict_length;
    t->mapping_storage.mp_subscript = dict_subscript;
    t->mapping_storage.mp_ass_subscript = dict_ass_subscript;
    t->tp_as_mapping = &t->mapping_storage;
    t->number_storage.nb_or = dict_or;
    t->number_storage.nb_inplace_or = dict_ior;
    t->tp_as_number = &t->number_storage;

    if (!interp.interned) {
        Ref<DictObject> d = dict_new(ts);
        if (!d) return false;
        interp.interned = d.release();
        if (!str_seed_interned(ts)) return false;
    }
    return init_dict_views(ts) && init_mappingproxy_type(ts) && add_type_members(ts, t, dict_methods);
}

// ------------------------------------------------------------ attribute hints

isize dict_index_of_identity(DictObject* d, Object* key) {
    DictKeys* dk = d->ma_keys;
    if (dk->nentries > 32) return -1;   // instance dicts are small; big ones are not worth a scan
    DictEntry* ep = dk->entries();
    for (isize i = 0; i < dk->nentries; i++)
        if (ep[i].key == key && dict_value_at(d, i)) return i;
    return -1;
}

bool dict_replace_at(DictObject* d, isize ix, Object* key, Object* value) {
    DictKeys* dk = d->ma_keys;
    if (ix < 0 || ix >= dk->nentries) return false;
    DictEntry* ep = &dk->entries()[ix];
    if (ep->key != key) return false;
    Object** slot = d->ma_values ? &d->ma_values->values()[ix] : &ep->value;
    if (!*slot) return false;
    maintain_tracking(*type_of(d)->interp, d, key, value);
    bump_version(d);
    Object* old = *slot;
    incref(value);
    *slot = value;
    decref(old);   // last: a __del__ may run and change the dict
    return true;
}

// ------------------------------------------------------------ shared keys

// _PyDict_NewKeysForClass: a 64-slot str table that takes at most 30 keys.
DictKeys* dict_new_shared_keys(ThreadState* ts) {
    DictKeys* k = new_keys(ts, kSharedKeysLog2Size, true);
    if (!k) { error_clear(ts); return nullptr; }
    k->kind = DICT_KEYS_SPLIT;
    k->usable = kSharedKeysMaxSize;
    return k;
}

void dict_shared_keys_instance_created(DictKeys* k) {
    if (k->usable > 1) k->usable--;
}

Ref<DictObject> dict_new_split(ThreadState* ts, DictKeys* keys) {
    DictValues* v = new_values(ts, shared_keys_usable_size(keys));
    if (!v) return nullptr;
    Ref<DictObject> d = dict_new(ts);
    if (!d) { free_values(*ts->interp, v, 0); return nullptr; }
    keys->refcnt++;
    d->ma_keys = keys;
    d->ma_values = v;
    return d;
}

bool dict_is_split(DictObject* d) { return d->ma_values != nullptr; }

void dict_track_as_materialized(DictObject* d) {
    Interpreter& interp = *type_of(d)->interp;
    if (!isinstance_exact(d, interp.types.dict)) return;
    if (!GCState::is_tracked(d)) return;
    if (dict_traverse(d, visit_may_be_tracked_value, nullptr)) return;
    interp.gc.untrack(d);
}

}  // namespace gp
