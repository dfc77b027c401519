#include "objects/codeobject.h"
#include "objects/methodobject.h"

#include <new>

#include "objects/descrobject.h"
#include "objects/longobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_code(Object* o) { return type_of(o) == type_of(o)->interp->types.code; }

int CodeObject::addr_to_line(int offset_units) const {
    if (offset_units < 0 || offset_units >= int(positions.size())) return co_firstlineno;
    return positions[offset_units].lineno;
}

Ref<CodeObject> code_new(ThreadState* ts) {
    Object* op = object_alloc(ts, ts->interp->types.code, 0);
    if (!op) return nullptr;
    // object_alloc zeroed the memory; bring the C++ members to life.
    auto* co = static_cast<CodeObject*>(op);
    new (&co->code) std::vector<uint16_t>();
    new (&co->localspluskinds) std::vector<uint8_t>();
    new (&co->positions) std::vector<Position>();
    new (&co->exceptiontable) std::vector<ExceptionTableEntry>();
    new (&co->cell2arg) std::vector<int16_t>();
    return Ref<CodeObject>::steal(co);
}

static void code_dealloc(Object* op) {
    auto* co = static_cast<CodeObject*>(op);
    xdecref(co->co_consts);
    xdecref(co->co_names);
    xdecref(co->co_localsplusnames);
    xdecref(co->co_filename);
    xdecref(co->co_name);
    xdecref(co->co_qualname);
    using U16 = std::vector<uint16_t>;
    using U8 = std::vector<uint8_t>;
    using Pos = std::vector<Position>;
    using Exc = std::vector<ExceptionTableEntry>;
    using I16 = std::vector<int16_t>;
    co->code.~U16();
    co->localspluskinds.~U8();
    co->positions.~Pos();
    co->exceptiontable.~Exc();
    co->cell2arg.~I16();
    object_free(op);
}

static Ref<> code_repr(ThreadState* ts, Object* op) {
    auto* co = static_cast<CodeObject*>(op);
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(op));
    return str_from_utf8(ts, "<code object " + std::string(str_utf8(co->co_name)) + " at " + addr +
                                 ", file \"" + std::string(str_utf8(co->co_filename)) + "\", line " +
                                 std::to_string(co->co_firstlineno) + ">");
}

static CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

// all_name_chars: only [A-Za-z0-9_] (ASCII), the empty string included.
static bool all_name_chars(Object* s) {
    if (!as_str(s)->ascii) return false;
    for (char c : str_utf8(s))
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// codeobject.c's intern_string_constants: identifier-like strings are
// interned in place, in nested tuples and frozensets too. Returns 1 if an
// item was replaced by an equal string interned earlier, 0 if not, -1 on
// error. A frozenset with a replaced item is rebuilt from its items in
// iteration order, which can change that order (as in CPython).
static int intern_constants(ThreadState* ts, TupleObject* consts) {
    Interpreter& interp = *ts->interp;
    int modified = 0;
    for (isize i = 0; i < consts->ob_size; i++) {
        Object* v = consts->ob_item[i];
        if (isinstance_exact(v, interp.types.str) && all_name_chars(v)) {
            Ref<> w = str_intern(ts, newref(v));
            if (!w) return -1;
            if (w.get() != v) {
                consts->ob_item[i] = w.release();
                decref(v);
                modified = 1;
            }
        } else if (isinstance_exact(v, interp.types.tuple)) {
            int r = intern_constants(ts, as_tuple(v));
            if (r < 0) return -1;
            modified |= r;
        } else if (isinstance_exact(v, interp.types.frozenset)) {
            Ref<TupleObject> items = tuple_new(ts, as_set(v)->used);
            if (!items) return -1;
            isize pos = 0, n = 0;
            Object* item;
            int64_t hash;
            while (set_next_entry(v, &pos, &item, &hash)) items->ob_item[n++] = newref(item).release();
            int r = intern_constants(ts, items.get());
            if (r < 0) return -1;
            if (r) {
                Ref<> rebuilt = frozenset_new(ts, items.get());
                if (!rebuilt) return -1;
                consts->ob_item[i] = rebuilt.release();
                decref(v);
                modified = 1;
            }
        }
    }
    return modified;
}

bool intern_string_constants(ThreadState* ts, TupleObject* consts) { return intern_constants(ts, consts) >= 0; }

// Names of the localsplus slots with a given kind bit, as a tuple.
static Ref<> names_of_kind(ThreadState* ts, CodeObject* co, uint8_t kind) {
    std::vector<Object*> names;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->localspluskinds[i] & kind) names.push_back(co->co_localsplusnames->ob_item[i]);
    return tuple_from_array(ts, names.data(), isize(names.size()));
}

static Ref<> get_consts(ThreadState*, Object* o) { return newref<Object>(as_code(o)->co_consts); }
static Ref<> get_names(ThreadState*, Object* o) { return newref<Object>(as_code(o)->co_names); }
static Ref<> get_varnames(ThreadState* ts, Object* o) { return names_of_kind(ts, as_code(o), CO_FAST_LOCAL); }
static Ref<> get_cellvars(ThreadState* ts, Object* o) { return names_of_kind(ts, as_code(o), CO_FAST_CELL); }
static Ref<> get_freevars(ThreadState* ts, Object* o) { return names_of_kind(ts, as_code(o), CO_FAST_FREE); }
static Ref<> get_name(ThreadState*, Object* o) { return newref<Object>(as_code(o)->co_name); }
static Ref<> get_qualname(ThreadState*, Object* o) { return newref<Object>(as_code(o)->co_qualname); }
static Ref<> get_filename(ThreadState*, Object* o) { return newref<Object>(as_code(o)->co_filename); }
static Ref<> get_argcount(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_argcount); }
static Ref<> get_posonlyargcount(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_posonlyargcount); }
static Ref<> get_kwonlyargcount(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_kwonlyargcount); }
static Ref<> get_nlocals(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_nlocals); }
static Ref<> get_stacksize(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_stacksize); }
static Ref<> get_flags(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_flags); }
static Ref<> get_firstlineno(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co_firstlineno); }

static const GetSetDef code_getsets[] = {
    {"co_consts", get_consts, nullptr, nullptr},
    {"co_names", get_names, nullptr, nullptr},
    {"co_varnames", get_varnames, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr},
    {"co_name", get_name, nullptr, nullptr},
    {"co_qualname", get_qualname, nullptr, nullptr},
    {"co_filename", get_filename, nullptr, nullptr},
    {"co_argcount", get_argcount, nullptr, nullptr},
    {"co_posonlyargcount", get_posonlyargcount, nullptr, nullptr},
    {"co_kwonlyargcount", get_kwonlyargcount, nullptr, nullptr},
    {"co_nlocals", get_nlocals, nullptr, nullptr},
    {"co_stacksize", get_stacksize, nullptr, nullptr},
    {"co_flags", get_flags, nullptr, nullptr},
    {"co_firstlineno", get_firstlineno, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool init_code_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.code;
    t->tp_dealloc = code_dealloc;
    t->tp_repr = code_repr;
    t->tp_new = code_tp_new;
    return type_add_getsets(ts, t, code_getsets) && code_add_table_members(ts, t);
}

}  // namespace gp
