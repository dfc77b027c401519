// listobject.h — list: a growable array of references.
// Mirrors CPython 3.11's Objects/listobject.c, including its over-allocation
// pattern (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...) so sys.getsizeof of a
// list grows in the same steps as in CPython.
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;

struct ListObject : VarObject {
    Object** ob_item;      // `allocated` slots, the first ob_size hold owned references
    isize allocated;       // capacity; ob_size <= allocated
};

bool is_list(Object* o);
inline ListObject* as_list(Object* o) { return static_cast<ListObject*>(o); }

Ref<ListObject> list_new(ThreadState* ts, isize size);   // size null slots to fill
// An empty list with exactly n slots reserved (list_new_prealloc).
Ref<ListObject> list_new_prealloc(ThreadState* ts, isize n);
bool list_append(ThreadState* ts, ListObject* list, Object* item);   // borrows item

// list.extend(iterable) / the LIST_EXTEND instruction, with CPython's
// preallocation (so sys.getsizeof([1, 2, 3]) is 88).
bool list_extend(ThreadState* ts, ListObject* list, Object* iterable);
bool list_insert(ThreadState* ts, ListObject* list, isize where, Object* item);   // borrows item
// list.sort() without key (sorted(), the compiler); false with an error set.
bool list_sort(ThreadState* ts, ListObject* list, Object* key = nullptr, bool reverse = false);
void list_reverse(ListObject* list);
Ref<TupleObject> list_as_tuple(ThreadState* ts, ListObject* list);
// list(iterable) as the builtin does it (PySequence_List).
Ref<ListObject> list_from_iterable(ThreadState* ts, Object* iterable);
isize list_sizeof(const ListObject* list);     // __sizeof__: 40 + 8 * allocated

bool init_list_type(ThreadState* ts);

}  // namespace gp
