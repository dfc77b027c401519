// structseq.h — "struct sequences": the named tuples of modules written in
// C++, such as time.struct_time and os.stat_result.
//
// Mirrors CPython 3.11's Objects/structseq.c. A struct sequence is a tuple
// subclass whose items also have names (`t.tm_year` is `t[0]`). It may carry
// more fields than it shows as a sequence: CPython's struct_time has 11
// fields, of which only the first 9 are tuple items (tm_zone and tm_gmtoff
// are attributes only). The trick is CPython's: the object is allocated with
// room for every field, but ob_size counts only the visible ones, so len(),
// indexing, iteration, == and hash — all inherited from tuple — see 9 items.
//
//     ob_item: [ tm_year | tm_mon | ... | tm_isdst | tm_zone | tm_gmtoff ]
//               <------- ob_size = 9 (the sequence) ------>  <- hidden ->
//
// The field names are the module's GetSetDef table, whose getter for field
// i is structseq_get<i>; the repr and the constructor read the names from
// it, and the type's __dict__ records n_fields / n_sequence_fields as
// CPython's does.
#pragma once

#include "objects/descrobject.h"
#include "objects/object.h"
#include "objects/tupleobject.h"

namespace gp {

// The getter of field I (a GetSetDef entry).
template <int I>
Ref<> structseq_get(ThreadState*, Object* self) {
    return newref(static_cast<TupleObject*>(self)->ob_item[I]);
}

// The setter of every field: struct sequences are immutable, and CPython's
// read-only members say so in these words.
int structseq_readonly(ThreadState* ts, Object* self, Object* value);

// Creates a struct-sequence type called `name` ("time.struct_time") whose
// fields are `fields` (null-name terminated, getters structseq_get<0..n-1>),
// the first `n_in_sequence` of them visible as tuple items. Returns a new
// reference, or null with an error set.
Ref<TypeObject> structseq_new_type(ThreadState* ts, const char* name, const GetSetDef* fields,
                                   int n_in_sequence, const char* doc);

// A new instance with every field null, for the caller to fill (all of
// them, hidden ones included) with owned references through ob_item.
Ref<TupleObject> structseq_new(ThreadState* ts, TypeObject* type);

}  // namespace gp
