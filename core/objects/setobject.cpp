// setobject.cpp — set and frozenset.
//
// Mirrors CPython 3.11's Objects/setobject.c. A set is an open-addressing
// hash table of (key, hash) entries stored in the table itself:
//
//     entry states   key == null, hash == 0     unused: ends a probe sequence
//                    key == kDummy, hash == -1  deleted: probing continues
//                    otherwise                  active
//
// A lookup starts at hash & mask, checks up to LINEAR_PROBES (9) following
// entries (cache friendly), then jumps like dict does:
// perturb >>= 5; i = (i*5 + 1 + perturb) & mask. Once fill (active +
// deleted) reaches 3/5 of the table it is rebuilt four times as large as
// the active count, so sets of small ints print in the same order as in
// CPython. Sets up to 8 slots use `smalltable` inside the object.
//
// The "deleted" marker is the address of a private constant: CPython uses
// a dummy object, but the marker is never dereferenced, so any unique
// address will do, and an immutable one is safe to share.
#include "objects/setobject.h"

#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static const char kDummyTag = 0;
static Object* dummy() { return reinterpret_cast<Object*>(const_cast<char*>(&kDummyTag)); }

constexpr isize kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool is_anyset(Object* o) {
    Interpreter& interp = *type_of(o)->interp;
    return isinstance_of(o, interp.types.set) || isinstance_of(o, interp.types.frozenset);
}
bool is_set_type(Object* o) { return isinstance_of(o, type_of(o)->interp->types.set); }
bool is_frozenset(Object* o) { return isinstance_of(o, type_of(o)->interp->types.frozenset); }

static bool str_exact(Object* o) { return isinstance_exact(o, type_of(o)->interp->types.str); }

// ------------------------------------------------------------ the table

static void set_insert_clean(SetEntry* table, uint64_t mask, Object* key, int64_t hash) {
    uint64_t perturb = uint64_t(hash);
    uint64_t i = uint64_t(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        if (!entry->key) { entry->key = key; entry->hash = hash; return; }
        if (i + kLinearProbes <= mask) {
            for (isize j = 0; j < kLinearProbes; j++) {
                entry++;
                if (!entry->key) { entry->key = key; entry->hash = hash; return; }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_table_resize: the smallest power of two > minused, dummies dropped.
static bool set_table_resize(ThreadState* ts, SetObject* so, isize minused) {
    std::size_t newsize = kSetMinSize;
    while (newsize <= std::size_t(minused)) newsize <<= 1;
    SetEntry* oldtable = so->table;
    const std::size_t oldmask = std::size_t(so->mask);
    const bool was_small = oldtable == so->smalltable;
    SetEntry small_copy[kSetMinSize];
    SetEntry* newtable;
    if (newsize == std::size_t(kSetMinSize)) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return true;   // no dummies to remove
            std::memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = static_cast<SetEntry*>(ts->interp->heap.malloc(newsize * sizeof(SetEntry)));
        if (!newtable) { raise_no_memory(ts); return false; }
    }
    std::memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = isize(newsize - 1);
    so->table = newtable;
    const std::size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key) set_insert_clean(newtable, uint64_t(newmask), e->key, e->hash);
    } else {
        so->fill = so->used;
        for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key && e->key != dummy()) set_insert_clean(newtable, uint64_t(newmask), e->key, e->hash);
    }
    if (!was_small) ts->interp->heap.free(oldtable);
    return true;
}

// set_lookkey: the entry holding key, or an unused entry (key null) if
// absent; null with an error set if __eq__ failed.
static SetEntry* set_lookkey(ThreadState* ts, SetObject* so, Object* key, int64_t hash) {
restart:
    uint64_t mask = uint64_t(so->mask);
    uint64_t i = uint64_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        SetEntry* entry = &so->table[i];
        isize probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && !entry->key) return entry;
            if (entry->hash == hash) {
                Object* startkey = entry->key;
                if (startkey == key) return entry;
                if (str_exact(startkey) && str_exact(key) && str_equal(as_str(startkey), as_str(key))) return entry;
                SetEntry* table = so->table;
                incref(startkey);
                int cmp = object_richcompare_bool(ts, startkey, key, Py_EQ);
                decref(startkey);
                if (cmp < 0) return nullptr;
                if (table != so->table || entry->key != startkey) goto restart;
                if (cmp > 0) return entry;
                mask = uint64_t(so->mask);
            }
            entry++;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_add_entry: key is borrowed.
static bool set_add_entry(ThreadState* ts, SetObject* so, Object* key, int64_t hash) {
    Ref<> hold = newref(key);
restart:
    uint64_t mask = uint64_t(so->mask);
    uint64_t i = uint64_t(hash) & mask;
    SetEntry* freeslot = nullptr;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        SetEntry* entry = &so->table[i];
        isize probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && !entry->key) {
                if (freeslot) {
                    so->used++;
                    freeslot->key = hold.release();
                    freeslot->hash = hash;
                    return true;
                }
                so->fill++;
                so->used++;
                entry->key = hold.release();
                entry->hash = hash;
                if (uint64_t(so->fill) * 5 < mask * 3) return true;
                return set_table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
            }
            if (entry->hash == hash) {
                Object* startkey = entry->key;
                if (startkey == key) return true;
                if (str_exact(startkey) && str_exact(key) && str_equal(as_str(startkey), as_str(key))) return true;
                SetEntry* table = so->table;
                incref(startkey);
                int cmp = object_richcompare_bool(ts, startkey, key, Py_EQ);
                decref(startkey);
                if (cmp > 0) return true;
                if (cmp < 0) return false;
                if (table != so->table || entry->key != startkey) goto restart;
                mask = uint64_t(so->mask);
            } else if (entry->hash == -1 && !freeslot) {
                freeslot = entry;   // a deleted entry we may reuse
            }
            entry++;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int64_t key_hash(ThreadState* ts, Object* key) {
    if (str_exact(key)) return str_hash(as_str(key));
    return object_hash(ts, key);
}

static bool set_add_key(ThreadState* ts, SetObject* so, Object* key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) return false;
    return set_add_entry(ts, so, key, hash);
}

static int set_contains_entry(ThreadState* ts, SetObject* so, Object* key, int64_t hash) {
    SetEntry* e = set_lookkey(ts, so, key, hash);
    if (!e) return -1;
    return e->key != nullptr;
}

static int set_contains_key(ThreadState* ts, SetObject* so, Object* key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) return -1;
    return set_contains_entry(ts, so, key, hash);
}

// Returns 1 (found and removed), 0 (absent), -1 (error).
static int set_discard_entry(ThreadState* ts, SetObject* so, Object* key, int64_t hash) {
    SetEntry* e = set_lookkey(ts, so, key, hash);
    if (!e) return -1;
    if (!e->key) return 0;
    Object* old = e->key;
    e->key = dummy();
    e->hash = -1;
    so->used--;
    decref(old);
    return 1;
}

static int set_discard_key(ThreadState* ts, SetObject* so, Object* key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) return -1;
    return set_discard_entry(ts, so, key, hash);
}

// set_next: the next active entry at or after *pos.
static bool set_next(SetObject* so, isize* pos, SetEntry** out) {
    isize i = *pos;
    const isize mask = so->mask;
    SetEntry* e = &so->table[i];
    while (i <= mask && (!e->key || e->key == dummy())) { i++; e++; }
    *pos = i + 1;
    if (i > mask) return false;
    *out = e;
    return true;
}

static void set_clear_internal(SetObject* so) {
    SetEntry* table = so->table;
    const bool small = table == so->smalltable;
    const isize fill = so->fill;
    const isize mask = so->mask;
    // Detach the old table first: a key's __del__ may look at the set.
    SetEntry small_copy[kSetMinSize];
    if (small) {
        std::memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    std::memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->mask = kSetMinSize - 1;
    so->fill = 0;
    so->used = 0;
    so->hash = -1;
    Interpreter& interp = *type_of(so)->interp;
    if (fill > 0) {
        for (isize i = 0; i <= mask; i++)
            if (table[i].key && table[i].key != dummy()) decref(table[i].key);
    }
    if (!small) interp.heap.free(table);
}

// set_merge: another set's entries, with one resize up front.
static bool set_merge(ThreadState* ts, SetObject* so, SetObject* other) {
    if (other == so || other->used == 0) return true;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (!set_table_resize(ts, so, (so->used + other->used) * 2)) return false;
    }
    SetEntry* so_entry = so->table;
    SetEntry* other_entry = other->table;
    // Empty target of the same size, no dummies: copy the table as is.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (isize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key) {
                incref(other_entry->key);
                so_entry->key = other_entry->key;
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return true;
    }
    // Empty target: no duplicates possible, insert without comparing.
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (isize i = other->mask + 1; i > 0; i--, other_entry++) {
            Object* key = other_entry->key;
            if (key && key != dummy()) {
                incref(key);
                set_insert_clean(so->table, uint64_t(so->mask), key, other_entry->hash);
            }
        }
        return true;
    }
    for (isize i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        Object* key = other_entry->key;
        if (key && key != dummy() && !set_add_entry(ts, so, key, other_entry->hash)) return false;
    }
    return true;
}

// set_update_internal: a set, a dict's keys (with one resize), or any iterable.
static bool set_update_internal(ThreadState* ts, SetObject* so, Object* other) {
    if (is_anyset(other)) return set_merge(ts, so, as_set(other));
    if (isinstance_exact(other, ts->interp->types.dict)) {
        DictObject* d = as_dict(other);
        const isize dictsize = dict_size(d);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (!set_table_resize(ts, so, (so->used + dictsize) * 2)) return false;
        }
        isize pos = 0;
        Object* key;
        int64_t hash;
        while (dict_next_hash(d, &pos, &key, nullptr, &hash))
            if (!set_add_entry(ts, so, key, hash)) return false;
        return true;
    }
    Ref<> it = object_get_iter(ts, other);
    if (!it) return false;
    while (Ref<> key = iter_next(ts, it.get()))
        if (!set_add_key(ts, so, key.get())) return false;
    return !error_occurred(ts);
}

// ------------------------------------------------------------ construction

static Ref<> make_new_set(ThreadState* ts, TypeObject* type, Object* iterable) {
    auto* so = static_cast<SetObject*>(object_alloc(ts, type, 0));
    if (!so) return nullptr;
    so->fill = 0;
    so->used = 0;
    so->mask = kSetMinSize - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = nullptr;
    ts->interp->gc.track(so);
    Ref<> result = Ref<>::steal(so);
    if (iterable && !set_update_internal(ts, so, iterable)) return nullptr;
    return result;
}

// The built-in base of `type`: results of set operations on a subclass
// instance are plain sets / frozensets.
static TypeObject* basetype(ThreadState* ts, TypeObject* type) {
    Interpreter& interp = *ts->interp;
    if (type == interp.types.set || type == interp.types.frozenset) return type;
    return type_is_subtype(type, interp.types.set) ? interp.types.set : interp.types.frozenset;
}

static Ref<> make_new_set_basetype(ThreadState* ts, TypeObject* type, Object* iterable) {
    return make_new_set(ts, basetype(ts, type), iterable);
}

Ref<> set_new(ThreadState* ts, Object* iterable) { return make_new_set(ts, ts->interp->types.set, iterable); }
Ref<> frozenset_new(ThreadState* ts, Object* iterable) { return make_new_set(ts, ts->interp->types.frozenset, iterable); }

bool set_add(ThreadState* ts, Object* set, Object* key) { return set_add_key(ts, as_set(set), key); }

// `key in s`; an unhashable set key is looked up as a frozenset.
int set_contains(ThreadState* ts, Object* set, Object* key) {
    int rv = set_contains_key(ts, as_set(set), key);
    if (rv < 0 && is_set_type(key) && error_matches(ts, ts->interp->exc.TypeError)) {
        error_clear(ts);
        Ref<> tmp = frozenset_new(ts, key);
        if (!tmp) return -1;
        rv = set_contains_key(ts, as_set(set), tmp.get());
    }
    return rv;
}

int set_discard(ThreadState* ts, Object* set, Object* key) {
    int rv = set_discard_key(ts, as_set(set), key);
    if (rv < 0 && is_set_type(key) && error_matches(ts, ts->interp->exc.TypeError)) {
        error_clear(ts);
        Ref<> tmp = frozenset_new(ts, key);
        if (!tmp) return -1;
        rv = set_discard_key(ts, as_set(set), tmp.get());
    }
    return rv;
}

bool set_update(ThreadState* ts, Object* set, Object* iterable) {
    return set_update_internal(ts, as_set(set), iterable);
}

isize set_size(Object* set) { return as_set(set)->used; }

bool set_next_entry(Object* set, isize* pos, Object** key, int64_t* hash) {
    SetEntry* e;
    if (!set_next(as_set(set), pos, &e)) return false;
    if (key) *key = e->key;
    if (hash) *hash = e->hash;
    return true;
}

void set_clear(Object* set) { set_clear_internal(as_set(set)); }

static Ref<> set_copy(ThreadState* ts, Object* so) {
    return make_new_set_basetype(ts, type_of(so), so);
}

// ------------------------------------------------------------ algebra

static Ref<> set_intersection(ThreadState* ts, Object* so_obj, Object* other) {
    if (so_obj == other) return set_copy(ts, so_obj);
    Ref<> result = make_new_set_basetype(ts, type_of(so_obj), nullptr);
    if (!result) return nullptr;
    auto* res = as_set(result.get());
    auto* so = as_set(so_obj);
    if (is_anyset(other)) {
        SetObject* a = so;
        SetObject* b = as_set(other);
        if (b->used > a->used) std::swap(a, b);
        // Walk the smaller set (b), look in the larger (a).
        isize pos = 0;
        SetEntry* e;
        while (set_next(b, &pos, &e)) {
            Ref<> key = newref(e->key);
            int64_t hash = e->hash;
            int rv = set_contains_entry(ts, a, key.get(), hash);
            if (rv < 0) return nullptr;
            if (rv && !set_add_entry(ts, res, key.get(), hash)) return nullptr;
        }
        return result;
    }
    Ref<> it = object_get_iter(ts, other);
    if (!it) return nullptr;
    while (Ref<> key = iter_next(ts, it.get())) {
        int64_t hash = key_hash(ts, key.get());
        if (hash == -1) return nullptr;
        int rv = set_contains_entry(ts, so, key.get(), hash);
        if (rv < 0) return nullptr;
        if (rv && !set_add_entry(ts, res, key.get(), hash)) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return result;
}

static bool set_intersection_update(ThreadState* ts, Object* so, Object* other) {
    Ref<> tmp = set_intersection(ts, so, other);
    if (!tmp) return false;
    // Swap the bodies: so takes tmp's table (set_swap_bodies).
    SetObject* a = as_set(so);
    SetObject* b = as_set(tmp.get());
    std::swap(a->fill, b->fill);
    std::swap(a->used, b->used);
    std::swap(a->mask, b->mask);
    const bool a_small = a->table == a->smalltable;
    const bool b_small = b->table == b->smalltable;
    SetEntry* at = a->table;
    SetEntry* bt = b->table;
    SetEntry small_tmp[kSetMinSize];
    std::memcpy(small_tmp, a->smalltable, sizeof(small_tmp));
    std::memcpy(a->smalltable, b->smalltable, sizeof(small_tmp));
    std::memcpy(b->smalltable, small_tmp, sizeof(small_tmp));
    a->table = b_small ? a->smalltable : bt;
    b->table = a_small ? b->smalltable : at;
    std::swap(a->hash, b->hash);
    a->hash = -1;
    return true;
}

static bool set_difference_update_internal(ThreadState* ts, SetObject* so, Object* other) {
    if (static_cast<Object*>(so) == other) {
        set_clear_internal(so);
        return true;
    }
    if (is_anyset(other)) {
        Ref<> o;
        // When other is more than 8 times larger, use the intersection.
        if ((as_set(other)->used >> 3) > so->used) o = set_intersection(ts, so, other);
        else o = newref(other);
        if (!o) return false;
        isize pos = 0;
        SetEntry* e;
        while (set_next(as_set(o.get()), &pos, &e)) {
            Ref<> key = newref(e->key);
            if (set_discard_entry(ts, so, key.get(), e->hash) < 0) return false;
        }
    } else {
        Ref<> it = object_get_iter(ts, other);
        if (!it) return false;
        while (Ref<> key = iter_next(ts, it.get()))
            if (set_discard_key(ts, so, key.get()) < 0) return false;
        if (error_occurred(ts)) return false;
    }
    // More than 1/4 dummies: resize them away.
    if (std::size_t(so->fill - so->used) <= std::size_t(so->mask) / 4) return true;
    return set_table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Ref<> set_difference(ThreadState* ts, Object* so_obj, Object* other) {
    auto* so = as_set(so_obj);
    isize other_size;
    bool other_dict = isinstance_exact(other, ts->interp->types.dict);
    if (is_anyset(other)) other_size = as_set(other)->used;
    else if (other_dict) other_size = dict_size(as_dict(other));
    else other_size = -1;
    if (other_size < 0 || (so->used >> 2) > other_size) {
        // Copy and remove: cheaper when other is small or not a set.
        Ref<> result = set_copy(ts, so_obj);
        if (!result || !set_difference_update_internal(ts, as_set(result.get()), other)) return nullptr;
        return result;
    }
    Ref<> result = make_new_set_basetype(ts, type_of(so_obj), nullptr);
    if (!result) return nullptr;
    isize pos = 0;
    SetEntry* e;
    while (set_next(so, &pos, &e)) {
        Ref<> key = newref(e->key);
        int64_t hash = e->hash;
        int rv;
        if (other_dict) {
            rv = dict_has_key(ts, as_dict(other), key.get());
        } else {
            rv = set_contains_entry(ts, as_set(other), key.get(), hash);
        }
        if (rv < 0) return nullptr;
        if (!rv && !set_add_entry(ts, as_set(result.get()), key.get(), hash)) return nullptr;
    }
    return result;
}

static bool set_symmetric_difference_update(ThreadState* ts, SetObject* so, Object* other) {
    if (static_cast<Object*>(so) == other) {
        set_clear_internal(so);
        return true;
    }
    if (isinstance_exact(other, ts->interp->types.dict)) {
        isize pos = 0;
        Object* key;
        int64_t hash;
        while (dict_next_hash(as_dict(other), &pos, &key, nullptr, &hash)) {
            Ref<> k = newref(key);
            int rv = set_discard_entry(ts, so, k.get(), hash);
            if (rv < 0) return false;
            if (rv == 0 && !set_add_entry(ts, so, k.get(), hash)) return false;
        }
        return true;
    }
    Ref<> otherset;
    if (is_anyset(other)) otherset = newref(other);
    else otherset = make_new_set_basetype(ts, type_of(so), other);
    if (!otherset) return false;
    isize pos = 0;
    SetEntry* e;
    while (set_next(as_set(otherset.get()), &pos, &e)) {
        Ref<> key = newref(e->key);
        int64_t hash = e->hash;
        int rv = set_discard_entry(ts, so, key.get(), hash);
        if (rv < 0) return false;
        if (rv == 0 && !set_add_entry(ts, so, key.get(), hash)) return false;
    }
    return true;
}

static Ref<> set_symmetric_difference(ThreadState* ts, Object* so, Object* other) {
    Ref<> otherset = make_new_set_basetype(ts, type_of(so), other);
    if (!otherset) return nullptr;
    if (!set_symmetric_difference_update(ts, as_set(otherset.get()), so)) return nullptr;
    return otherset;
}

static int set_issubset(ThreadState* ts, Object* so, Object* other) {
    if (!is_anyset(other)) {
        Ref<> tmp = set_new(ts, other);
        if (!tmp) return -1;
        return set_issubset(ts, so, tmp.get());
    }
    if (as_set(so)->used > as_set(other)->used) return 0;
    isize pos = 0;
    SetEntry* e;
    while (set_next(as_set(so), &pos, &e)) {
        Ref<> key = newref(e->key);
        int rv = set_contains_entry(ts, as_set(other), key.get(), e->hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int set_issuperset(ThreadState* ts, Object* so, Object* other) {
    if (is_anyset(other)) return set_issubset(ts, other, so);
    Ref<> it = object_get_iter(ts, other);
    if (!it) return -1;
    while (Ref<> key = iter_next(ts, it.get())) {
        int rv = set_contains_key(ts, as_set(so), key.get());
        if (rv <= 0) return rv;
    }
    return error_occurred(ts) ? -1 : 1;
}

// ------------------------------------------------------------ slots

static void set_dealloc(Object* op) {
    auto* so = as_set(op);
    Interpreter& interp = *type_of(op)->interp;
    interp.gc.untrack(op);
    for (isize i = 0; i <= so->mask; i++) {
        Object* k = so->table[i].key;
        if (k && k != dummy()) decref(k);
    }
    if (so->table != so->smalltable) interp.heap.free(so->table);
    object_free(op);
}

static int set_traverse(Object* op, visitproc visit, void* arg) {
    auto* so = as_set(op);
    isize pos = 0;
    SetEntry* e;
    while (set_next(so, &pos, &e))
        if (visit(e->key, arg)) return 1;
    return 0;
}

static int set_tp_clear(Object* op) {
    set_clear_internal(as_set(op));
    return 0;
}

static Ref<> set_repr(ThreadState* ts, Object* op) {
    auto* so = as_set(op);
    const std::string& tname = type_of(op)->tp_name;
    if (so->used == 0) return str_from_utf8(ts, tname + "()");
    ReprGuard guard(ts, op);
    if (guard.recursive()) return str_from_utf8(ts, tname + "(...)");
    Ref<ListObject> keys = list_from_iterable(ts, op);
    if (!keys) return nullptr;
    Ref<> listrepr = object_repr(ts, keys.get());
    if (!listrepr) return nullptr;
    std::u32string text;
    StrObject* lr = as_str(listrepr.get());
    const bool exact_set = isinstance_exact(op, ts->interp->types.set);
    if (!exact_set) {
        for (char c : tname) text.push_back(char32_t(uint8_t(c)));   // type names are ASCII here
        text += U"(";
    }
    text += U"{";
    for (isize i = 1; i + 1 < lr->length; i++) text.push_back(char32_t(str_char_at(lr, i)));
    text += U"}";
    if (!exact_set) text += U")";
    return str_from_u32(ts, text);
}

static isize set_len(ThreadState*, Object* op) { return as_set(op)->used; }

static int set_contains_slot(ThreadState* ts, Object* op, Object* key) { return set_contains(ts, op, key); }

static Ref<> set_richcompare(ThreadState* ts, Object* v, Object* w, CompareOp op) {
    if (!is_anyset(w)) return newref(ts->interp->NotImplemented);
    auto* a = as_set(v);
    auto* b = as_set(w);
    int r;
    switch (op) {
    case Py_EQ:
        if (a->used != b->used) return bool_ref(ts, false);
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return bool_ref(ts, false);
        r = set_issubset(ts, v, w);
        break;
    case Py_NE:
        if (a->used != b->used) return bool_ref(ts, true);
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return bool_ref(ts, true);
        r = set_issubset(ts, v, w);
        if (r >= 0) r = !r;
        break;
    case Py_LE: r = set_issubset(ts, v, w); break;
    case Py_GE: r = set_issuperset(ts, v, w); break;
    case Py_LT:
        if (a->used >= b->used) return bool_ref(ts, false);
        r = set_issubset(ts, v, w);
        break;
    default:
        if (a->used <= b->used) return bool_ref(ts, false);
        r = set_issuperset(ts, v, w);
        break;
    }
    if (r < 0) return nullptr;
    return bool_ref(ts, r);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

// frozenset_hash: order-independent xor of shuffled entry hashes.
static int64_t frozenset_hash(ThreadState*, Object* op) {
    auto* so = as_set(op);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (isize i = 0; i <= so->mask; i++) hash ^= shuffle_bits(uint64_t(so->table[i].hash));
    // Remove the effect of an odd number of unused / dummy entries.
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits(uint64_t(-1));
    hash ^= (uint64_t(so->used) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == uint64_t(-1)) hash = 590923713ULL;
    so->hash = int64_t(hash);
    return so->hash;
}

static Ref<> set_or(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(a) || !is_anyset(b)) return newref(ts->interp->NotImplemented);
    Ref<> result = set_copy(ts, a);
    if (!result) return nullptr;
    if (a == b) return result;
    if (!set_update_internal(ts, as_set(result.get()), b)) return nullptr;
    return result;
}
static Ref<> set_and(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(a) || !is_anyset(b)) return newref(ts->interp->NotImplemented);
    return set_intersection(ts, a, b);
}
static Ref<> set_sub(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(a) || !is_anyset(b)) return newref(ts->interp->NotImplemented);
    return set_difference(ts, a, b);
}
static Ref<> set_xor(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(a) || !is_anyset(b)) return newref(ts->interp->NotImplemented);
    return set_symmetric_difference(ts, a, b);
}
static Ref<> set_ior(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(b)) return newref(ts->interp->NotImplemented);
    if (!set_update_internal(ts, as_set(a), b)) return nullptr;
    return newref(a);
}
static Ref<> set_iand(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(b)) return newref(ts->interp->NotImplemented);
    if (!set_intersection_update(ts, a, b)) return nullptr;
    return newref(a);
}
static Ref<> set_isub(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(b)) return newref(ts->interp->NotImplemented);
    if (!set_difference_update_internal(ts, as_set(a), b)) return nullptr;
    return newref(a);
}
static Ref<> set_ixor(ThreadState* ts, Object* a, Object* b) {
    if (!is_anyset(b)) return newref(ts->interp->NotImplemented);
    if (!set_symmetric_difference_update(ts, as_set(a), b)) return nullptr;
    return newref(a);
}

// set(iterable=(), /): tp_new makes it empty, tp_init fills it.
static Ref<> set_new_slot(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject* kwnames) {
    if (type == ts->interp->types.set && !check_no_kwargs(ts, "set", kwnames)) return nullptr;
    return make_new_set(ts, type, nullptr);
}

static int set_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (type_of(self) == ts->interp->types.set && !check_no_kwargs(ts, "set", kwnames)) return -1;
    if (!check_positional(ts, "set", nargs, 0, 1)) return -1;
    if (as_set(self)->fill) set_clear_internal(as_set(self));
    as_set(self)->hash = -1;
    if (nargs == 0) return 0;
    return set_update_internal(ts, as_set(self), args[0]) ? 0 : -1;
}

static Ref<> frozenset_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                                TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (type == interp.types.frozenset && !check_no_kwargs(ts, "frozenset", kwnames)) return nullptr;
    if (!check_positional(ts, "frozenset", nargs, 0, 1)) return nullptr;
    Object* iterable = nargs ? args[0] : nullptr;
    if (type == interp.types.frozenset && iterable && isinstance_exact(iterable, interp.types.frozenset))
        return newref(iterable);
    return make_new_set(ts, type, iterable);
}

// ------------------------------------------------------------ iterator

struct SetIterObject : Object {
    SetObject* si_set;     // owned; null once exhausted
    isize si_used;         // used when created
    isize si_pos;          // next table index
    isize len;             // items left
};

static Ref<> set_iter(ThreadState* ts, Object* op) {
    auto* it = static_cast<SetIterObject*>(object_alloc(ts, ts->interp->types.set_iter, 0));
    if (!it) return nullptr;
    it->si_set = as_set(op);
    incref(op);
    it->si_used = as_set(op)->used;
    it->si_pos = 0;
    it->len = as_set(op)->used;
    ts->interp->gc.track(it);
    return Ref<>::steal(it);
}

static void setiter_dealloc(Object* op) {
    auto* it = static_cast<SetIterObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(it->si_set);
    object_free(op);
}

static int setiter_traverse(Object* op, visitproc visit, void* arg) {
    auto* it = static_cast<SetIterObject*>(op);
    return it->si_set ? visit(it->si_set, arg) : 0;
}

static Ref<> setiter_next(ThreadState* ts, Object* op) {
    auto* it = static_cast<SetIterObject*>(op);
    SetObject* so = it->si_set;
    if (!so) return nullptr;
    if (it->si_used != so->used) {
        it->si_used = -1;   // make this state sticky
        return raise(ts, ts->interp->exc.RuntimeError, "Set changed size during iteration");
    }
    isize i = it->si_pos;
    SetEntry* entry = so->table;
    const isize mask = so->mask;
    while (i <= mask && (!entry[i].key || entry[i].key == dummy())) i++;
    it->si_pos = i + 1;
    if (i > mask) {
        it->si_set = nullptr;
        decref(so);
        return nullptr;
    }
    it->len--;
    return newref(entry[i].key);
}

static Ref<> iter_self(ThreadState*, Object* self) { return newref(self); }

static Ref<> setiter_length_hint(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject*) {
    if (!check_nargs(ts, "__length_hint__", nargs, 0, 0)) return nullptr;
    auto* it = static_cast<SetIterObject*>(self);
    isize n = (it->si_set && it->si_used == it->si_set->used) ? it->len : 0;
    return int_from_i64(ts, n);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ methods

// "set.union" or "frozenset.union": the class that defines the method.
static std::string qualname(Object* self, const char* method) {
    return std::string(is_frozenset(self) ? "frozenset." : "set.") + method;
}

#define NOKW(name) if (!check_no_kwargs(ts, name, kw)) return nullptr
#define NONE() newref(ts->interp->None)

static Ref<> m_add(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.add");
    if (!check_nargs(ts, "set.add", nargs, 1, 1)) return nullptr;
    if (!set_add_key(ts, as_set(self), args[0])) return nullptr;
    return NONE();
}

static Ref<> m_clear(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NOKW("set.clear");
    if (!check_nargs(ts, "set.clear", nargs, 0, 0)) return nullptr;
    set_clear_internal(as_set(self));
    return NONE();
}

static Ref<> m_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NOKW("set.copy");
    if (!check_nargs(ts, "set.copy", nargs, 0, 0)) return nullptr;
    return set_copy(ts, self);
}

static Ref<> m_frozenset_copy(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NOKW("frozenset.copy");
    if (!check_nargs(ts, "frozenset.copy", nargs, 0, 0)) return nullptr;
    if (isinstance_exact(self, ts->interp->types.frozenset)) return newref(self);
    return set_copy(ts, self);
}

static Ref<> m_discard(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.discard");
    if (!check_nargs(ts, "set.discard", nargs, 1, 1)) return nullptr;
    if (set_discard(ts, self, args[0]) < 0) return nullptr;
    return NONE();
}

static Ref<> m_remove(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.remove");
    if (!check_nargs(ts, "set.remove", nargs, 1, 1)) return nullptr;
    int rv = set_discard(ts, self, args[0]);
    if (rv < 0) return nullptr;
    if (rv == 0) return raise_key_error(ts, args[0]);
    return NONE();
}

static Ref<> m_pop(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    NOKW("set.pop");
    if (!check_nargs(ts, "set.pop", nargs, 0, 0)) return nullptr;
    auto* so = as_set(self);
    if (so->used == 0) {
        Ref<> msg = str_from_utf8(ts, "pop from an empty set");
        if (!msg) return nullptr;
        return raise_key_error(ts, msg.get());
    }
    SetEntry* limit = so->table + so->mask;
    SetEntry* entry = so->table + (so->finger & so->mask);
    while (!entry->key || entry->key == dummy()) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Object* key = entry->key;
    entry->key = dummy();
    entry->hash = -1;
    so->used--;
    so->finger = (entry - so->table) + 1;   // next place to start
    return Ref<>::steal(key);
}

static Ref<> m_contains(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, qualname(self, "__contains__").c_str(), nargs, 1, 1)) return nullptr;
    int rv = set_contains(ts, self, args[0]);
    if (rv < 0) return nullptr;
    return bool_ref(ts, rv);
}

static Ref<> m_union(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "union").c_str());
    Ref<> result = set_copy(ts, self);
    if (!result) return nullptr;
    for (isize i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (!set_update_internal(ts, as_set(result.get()), args[i])) return nullptr;
    }
    return result;
}

static Ref<> m_update(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.update");
    for (isize i = 0; i < nargs; i++)
        if (!set_update_internal(ts, as_set(self), args[i])) return nullptr;
    return NONE();
}

static Ref<> m_intersection(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "intersection").c_str());
    if (nargs == 0) return set_copy(ts, self);
    Ref<> result = newref(self);
    for (isize i = 0; i < nargs; i++) {
        Ref<> r = set_intersection(ts, result.get(), args[i]);
        if (!r) return nullptr;
        result = std::move(r);
    }
    return result;
}

static Ref<> m_intersection_update(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.intersection_update");
    Ref<> tmp = m_intersection(ts, self, args, nargs, kw);
    if (!tmp) return nullptr;
    if (tmp.get() != self && !set_intersection_update(ts, self, tmp.get())) return nullptr;
    return NONE();
}

static Ref<> m_difference(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "difference").c_str());
    if (nargs == 0) return set_copy(ts, self);
    Ref<> result = set_difference(ts, self, args[0]);
    if (!result) return nullptr;
    for (isize i = 1; i < nargs; i++)
        if (!set_difference_update_internal(ts, as_set(result.get()), args[i])) return nullptr;
    return result;
}

static Ref<> m_difference_update(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW("set.difference_update");
    for (isize i = 0; i < nargs; i++)
        if (!set_difference_update_internal(ts, as_set(self), args[i])) return nullptr;
    return NONE();
}

static Ref<> m_symmetric_difference(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "symmetric_difference").c_str());
    if (!check_nargs(ts, qualname(self, "symmetric_difference").c_str(), nargs, 1, 1)) return nullptr;
    return set_symmetric_difference(ts, self, args[0]);
}

static Ref<> m_symmetric_difference_update(ThreadState* ts, Object* self, Object* const* args, isize nargs,
                                           TupleObject* kw) {
    NOKW("set.symmetric_difference_update");
    if (!check_nargs(ts, "set.symmetric_difference_update", nargs, 1, 1)) return nullptr;
    if (!set_symmetric_difference_update(ts, as_set(self), args[0])) return nullptr;
    return NONE();
}

static Ref<> m_issubset(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "issubset").c_str());
    if (!check_nargs(ts, qualname(self, "issubset").c_str(), nargs, 1, 1)) return nullptr;
    int r = set_issubset(ts, self, args[0]);
    if (r < 0) return nullptr;
    return bool_ref(ts, r);
}

static Ref<> m_issuperset(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "issuperset").c_str());
    if (!check_nargs(ts, qualname(self, "issuperset").c_str(), nargs, 1, 1)) return nullptr;
    int r = set_issuperset(ts, self, args[0]);
    if (r < 0) return nullptr;
    return bool_ref(ts, r);
}

static Ref<> m_isdisjoint(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    NOKW(qualname(self, "isdisjoint").c_str());
    if (!check_nargs(ts, qualname(self, "isdisjoint").c_str(), nargs, 1, 1)) return nullptr;
    Object* other = args[0];
    if (self == other) return bool_ref(ts, as_set(self)->used == 0);
    if (is_anyset(other)) {
        SetObject* a = as_set(self);
        SetObject* b = as_set(other);
        if (b->used > a->used) std::swap(a, b);
        isize pos = 0;
        SetEntry* e;
        while (set_next(b, &pos, &e)) {
            Ref<> key = newref(e->key);
            int rv = set_contains_entry(ts, a, key.get(), e->hash);
            if (rv < 0) return nullptr;
            if (rv) return bool_ref(ts, false);
        }
        return bool_ref(ts, true);
    }
    Ref<> it = object_get_iter(ts, other);
    if (!it) return nullptr;
    while (Ref<> key = iter_next(ts, it.get())) {
        int rv = set_contains_key(ts, as_set(self), key.get());
        if (rv < 0) return nullptr;
        if (rv) return bool_ref(ts, false);
    }
    if (error_occurred(ts)) return nullptr;
    return bool_ref(ts, true);
}

static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_nargs(ts, qualname(self, "__sizeof__").c_str(), nargs, 0, 0)) return nullptr;
    auto* so = as_set(self);
    isize res = 200;   // sizeof(PySetObject), 64-bit
    if (so->table != so->smalltable) res += (so->mask + 1) * 16;
    return int_from_i64(ts, res);
}

#undef NOKW
#undef NONE

// __reduce__: (type(self), (list(self),), self.__dict__ or None), as
// setobject.c's set_reduce.
static Ref<> m_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    Ref<ListObject> items = list_from_iterable(ts, self);
    if (!items) return nullptr;
    Ref<> args = tuple_pack(ts, {items.get()});
    if (!args) return nullptr;
    Ref<> state = object_getattr_cstr(ts, self, "__dict__");
    if (!state) {
        if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
        error_clear(ts);
        state = newref(ts->interp->None);
    }
    return tuple_pack(ts, {type_of(self), args.get(), state.get()});
}

static const MethodDef set_methods[] = {
    {"__reduce__", m_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"add", m_add, METH_DEFAULT, "Add an element to a set."},
    {"clear", m_clear, METH_DEFAULT, "Remove all elements from this set."},
    {"__contains__", m_contains, METH_DEFAULT, "x.__contains__(y) <==> y in x."},
    {"copy", m_copy, METH_DEFAULT, "Return a shallow copy of a set."},
    {"discard", m_discard, METH_DEFAULT, "Remove an element from a set if it is a member."},
    {"difference", m_difference, METH_DEFAULT, "Return the difference of two or more sets as a new set."},
    {"difference_update", m_difference_update, METH_DEFAULT, "Remove all elements of another set from this set."},
    {"intersection", m_intersection, METH_DEFAULT, "Return the intersection of two sets as a new set."},
    {"intersection_update", m_intersection_update, METH_DEFAULT, "Update a set with the intersection of itself and another."},
    {"isdisjoint", m_isdisjoint, METH_DEFAULT, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, METH_DEFAULT, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, METH_DEFAULT, "Report whether this set contains another set."},
    {"pop", m_pop, METH_DEFAULT, "Remove and return an arbitrary set element."},
    {"remove", m_remove, METH_DEFAULT, "Remove an element from a set; it must be a member."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, METH_DEFAULT, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", m_symmetric_difference_update, METH_DEFAULT, "Update a set with the symmetric difference of itself and another."},
    {"union", m_union, METH_DEFAULT, "Return the union of sets as a new set."},
    {"update", m_update, METH_DEFAULT, "Update a set with the union of itself and others."},
    {nullptr, nullptr, 0, nullptr},
};

static const MethodDef frozenset_methods[] = {
    {"__reduce__", m_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"__contains__", m_contains, METH_DEFAULT, "x.__contains__(y) <==> y in x."},
    {"copy", m_frozenset_copy, METH_DEFAULT, "Return a shallow copy of a set."},
    {"difference", m_difference, METH_DEFAULT, "Return the difference of two or more sets as a new set."},
    {"intersection", m_intersection, METH_DEFAULT, "Return the intersection of two sets as a new set."},
    {"isdisjoint", m_isdisjoint, METH_DEFAULT, "Return True if two sets have a null intersection."},
    {"issubset", m_issubset, METH_DEFAULT, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, METH_DEFAULT, "Report whether this set contains another set."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", m_symmetric_difference, METH_DEFAULT, "Return the symmetric difference of two sets as a new set."},
    {"union", m_union, METH_DEFAULT, "Return the union of sets as a new set."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------ init

static void fill_common(TypeObject* t) {
    t->tp_basicsize = sizeof(SetObject);
    t->tp_itemsize = 0;
    t->tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
    t->tp_dealloc = set_dealloc;
    t->tp_traverse = set_traverse;
    t->tp_clear = set_tp_clear;
    t->tp_weaklistoffset = weaklist_offset(&SetObject::weakreflist);
    t->tp_repr = set_repr;
    t->tp_richcompare = set_richcompare;
    t->tp_iter = set_iter;
    t->sequence_storage.sq_length = set_len;
    t->sequence_storage.sq_contains = set_contains_slot;
    t->tp_as_sequence = &t->sequence_storage;
    t->number_storage.nb_subtract = set_sub;
    t->number_storage.nb_and = set_and;
    t->number_storage.nb_xor = set_xor;
    t->number_storage.nb_or = set_or;
    t->tp_as_number = &t->number_storage;
}

bool init_set_types(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    BuiltinTypes& b = interp.types;
    TypeObject* s = ensure_builtin_type(ts, &b.set, "set", sizeof(SetObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    TypeObject* f = ensure_builtin_type(ts, &b.frozenset, "frozenset", sizeof(SetObject), TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    TypeObject* it = ensure_builtin_type(ts, &b.set_iter, "set_iterator", sizeof(SetIterObject), TPFLAGS_HAVE_GC);
    if (!s || !f || !it) return false;
    fill_common(s);
    s->tp_hash = hash_not_implemented;
    s->tp_new = set_new_slot;
    s->tp_init = set_init;
    s->tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";
    s->number_storage.nb_inplace_subtract = set_isub;
    s->number_storage.nb_inplace_and = set_iand;
    s->number_storage.nb_inplace_xor = set_ixor;
    s->number_storage.nb_inplace_or = set_ior;
    fill_common(f);
    f->tp_hash = frozenset_hash;
    f->tp_new = frozenset_new_slot;
    f->tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
                "Build an immutable unordered collection of unique elements.";
    it->tp_dealloc = setiter_dealloc;
    it->tp_traverse = setiter_traverse;
    it->tp_iter = iter_self;
    it->tp_iternext = setiter_next;
    return add_type_members(ts, s, set_methods) && add_type_members(ts, f, frozenset_methods) &&
           add_type_members(ts, it, setiter_methods);
}

}  // namespace gp
