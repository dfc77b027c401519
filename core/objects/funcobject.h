// funcobject.h — Python functions, bound methods, cells and modules.
// Mirrors CPython 3.11's Objects/funcobject.c, classobject.c (method),
// cellobject.c and moduleobject.c.
#pragma once

#include "objects/object.h"

namespace gp {

struct CodeObject;
struct DictObject;
struct TupleObject;

struct FunctionObject : Object {
    CodeObject* func_code;       // owned
    DictObject* func_globals;    // owned
    DictObject* func_builtins;   // owned
    Object* func_name;           // owned str
    Object* func_qualname;       // owned str
    TupleObject* func_defaults;  // owned, may be null
    DictObject* func_kwdefaults; // owned, may be null
    TupleObject* func_closure;   // owned, may be null: cells for the free variables
    Object* func_doc;            // owned (None when absent)
    DictObject* func_dict;       // owned, may be null: function attributes
    Object* func_module;         // owned, may be null
    Object* func_annotations;    // owned, may be null
    Object* func_weakreflist;    // head of the weak-reference list (weakrefobject.h), borrowed
};

// A function bound to an instance (`obj.method`).
struct MethodObject : Object {
    Object* im_func;             // owned
    Object* im_self;             // owned
    Object* im_weakreflist;      // head of the weak-reference list (weakrefobject.h), borrowed
};

struct CellObject : Object {
    Object* ob_ref;              // owned, may be null (empty cell)
};

struct ModuleObject : Object {
    DictObject* md_dict;         // owned: the module's globals
    Object* md_weaklist;         // head of the weak-reference list (weakrefobject.h), borrowed
};

bool is_function(Object* o);
Ref<> function_new(ThreadState* ts, CodeObject* code, DictObject* globals, Object* qualname);
Ref<> method_new(ThreadState* ts, Object* func, Object* self);
Ref<> cell_new(ThreadState* ts, Object* value);
Ref<ModuleObject> module_new(ThreadState* ts, const char* name);
// types.ModuleType(name, doc=None) from Python (moduleobject.cpp).
bool init_module_constructor(ThreadState* ts);

bool init_function_types(ThreadState* ts);

}  // namespace gp
