// abstract.h — the object protocols: what `repr(x)`, `a + b`, `x[i]`,
// `f(*args)` and `for x in y` mean for any object.
//
// Mirrors CPython 3.11's Objects/abstract.c and Objects/object.c. These are
// the functions the eval loop and the builtins call; they find the right type
// slot, apply CPython's rules (reflected operands, subclass priority,
// NotImplemented), and produce CPython's error messages.
#pragma once

#include "objects/object.h"

namespace gp {

struct TupleObject;
struct StrObject;

Ref<> object_repr(ThreadState* ts, Object* o);
Ref<> object_str(ThreadState* ts, Object* o);
Ref<> object_ascii(ThreadState* ts, Object* o);
int64_t object_hash(ThreadState* ts, Object* o);                // -1 on error
int object_is_true(ThreadState* ts, Object* o);                 // 1, 0, -1 on error
isize object_length(ThreadState* ts, Object* o);                // -1 on error

Ref<> object_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op);
int object_richcompare_bool(ThreadState* ts, Object* a, Object* b, CompareOp op);  // identity shortcut for EQ/NE

Ref<> object_getattr(ThreadState* ts, Object* o, Object* name);
Ref<> object_getattr_cstr(ThreadState* ts, Object* o, const char* name);
int object_setattr(ThreadState* ts, Object* o, Object* name, Object* value);  // value null = delete
// object.__getattribute__ / __setattr__: descriptors, instance __dict__, MRO.
Ref<> generic_getattr(ThreadState* ts, Object* o, Object* name);
int generic_setattr(ThreadState* ts, Object* o, Object* name, Object* value);
// The instance __dict__ slot of o, or null if its type has none.
Object** object_dict_ptr(Object* o);

Ref<> object_getitem(ThreadState* ts, Object* o, Object* key);
int object_setitem(ThreadState* ts, Object* o, Object* key, Object* value);
int object_delitem(ThreadState* ts, Object* o, Object* key);
int sequence_contains(ThreadState* ts, Object* container, Object* item);  // 1, 0, -1

// Calls with the vectorcall convention: args[0..nargs) then keyword values
// named by kwnames (may be null).
Ref<> object_vectorcall(ThreadState* ts, Object* callable, Object* const* args, isize nargs,
                        TupleObject* kwnames = nullptr);
Ref<> object_call_noargs(ThreadState* ts, Object* callable);
Ref<> object_call_one(ThreadState* ts, Object* callable, Object* arg);
// Calls type(o).name(o, *args): special-method lookup that skips the instance.
Ref<> call_method(ThreadState* ts, Object* o, const char* name, Object* const* args, isize nargs);
bool is_callable(Object* o);

Ref<> object_get_iter(ThreadState* ts, Object* o);
// Next item; null + no error = exhausted; null + error = failure.
Ref<> iter_next(ThreadState* ts, Object* it);

// The binary operators, numbered as BINARY_OP's oparg (NB_ADD = 0, ...;
// in-place forms are NB_INPLACE_ADD = 13, ...), as in CPython 3.11.
enum BinaryOp : int {
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY,
    NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
    NB_INPLACE_ADD, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT,
    NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY, NB_INPLACE_REMAINDER, NB_INPLACE_OR,
    NB_INPLACE_POWER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT, NB_INPLACE_TRUE_DIVIDE,
    NB_INPLACE_XOR,
};
const char* binary_op_symbol(int op);     // "+", "+=", "**", ...
Ref<> number_binary_op(ThreadState* ts, Object* a, Object* b, int op);
Ref<> number_power(ThreadState* ts, Object* a, Object* b, Object* mod);   // pow(a, b, mod)
Ref<> number_negative(ThreadState* ts, Object* a);
Ref<> number_positive(ThreadState* ts, Object* a);
Ref<> number_invert(ThreadState* ts, Object* a);
Ref<> number_absolute(ThreadState* ts, Object* a);
// operator.index(): an int from an object with __index__ ("'float' object
// cannot be interpreted as an integer").
Ref<> number_index(ThreadState* ts, Object* o);
bool index_as_isize(ThreadState* ts, Object* o, isize* out);

}  // namespace gp
