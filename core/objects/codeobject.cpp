#include "objects/codeobject.h"
#include "objects/methodobject.h"

#include <new>

#include "objects/descrobject.h"
#include "objects/longobject.h"
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

// code.replace(**changes): a copy with some fields changed. The fields
// that only describe the code (flags, names, counts, constants) can be
// replaced; the bytecode and its tables cannot be rebuilt yet.
static Ref<> code_replace(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    if (nargs) return raise(ts, interp.exc.TypeError, "replace() takes no positional arguments");
    CodeObject* src = as_code(self);
    Ref<CodeObject> co = code_new(ts);
    if (!co) return nullptr;
    co->co_argcount = src->co_argcount;
    co->co_posonlyargcount = src->co_posonlyargcount;
    co->co_kwonlyargcount = src->co_kwonlyargcount;
    co->co_flags = src->co_flags;
    co->co_stacksize = src->co_stacksize;
    co->co_firstlineno = src->co_firstlineno;
    co->co_nlocalsplus = src->co_nlocalsplus;
    co->co_nlocals = src->co_nlocals;
    co->co_ncellvars = src->co_ncellvars;
    co->co_nfreevars = src->co_nfreevars;
    co->co_consts = static_cast<TupleObject*>(newref<Object>(src->co_consts).release());
    co->co_names = static_cast<TupleObject*>(newref<Object>(src->co_names).release());
    co->co_localsplusnames = static_cast<TupleObject*>(newref<Object>(src->co_localsplusnames).release());
    co->co_filename = static_cast<StrObject*>(newref<Object>(src->co_filename).release());
    co->co_name = static_cast<StrObject*>(newref<Object>(src->co_name).release());
    co->co_qualname = static_cast<StrObject*>(newref<Object>(src->co_qualname).release());
    co->code = src->code;
    co->localspluskinds = src->localspluskinds;
    co->positions = src->positions;
    co->exceptiontable = src->exceptiontable;
    co->cell2arg = src->cell2arg;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string name(str_utf8(kwnames->ob_item[k]));
        Object* v = args[nargs + k];
        int* int_field = name == "co_argcount"          ? &co->co_argcount
                         : name == "co_posonlyargcount" ? &co->co_posonlyargcount
                         : name == "co_kwonlyargcount"  ? &co->co_kwonlyargcount
                         : name == "co_flags"           ? &co->co_flags
                         : name == "co_stacksize"       ? &co->co_stacksize
                         : name == "co_firstlineno"     ? &co->co_firstlineno
                         : name == "co_nlocals"         ? &co->co_nlocals
                                                        : nullptr;
        if (int_field) {
            int64_t n;
            if (!is_int(v)) return raise(ts, interp.exc.TypeError, "replace() argument '" + name + "' must be int, not " + type_name(v));
            if (!int_as_i64(v, &n) || n < INT32_MIN || n > INT32_MAX)
                return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C int");
            *int_field = int(n);
            continue;
        }
        StrObject** str_field = name == "co_filename" ? &co->co_filename
                                : name == "co_name"   ? &co->co_name
                                : name == "co_qualname" ? &co->co_qualname
                                                        : nullptr;
        if (str_field) {
            if (!is_str(v)) return raise(ts, interp.exc.TypeError, "replace() argument '" + name + "' must be str, not " + type_name(v));
            Object* old = *str_field;
            *str_field = static_cast<StrObject*>(newref(v).release());
            decref(old);
            continue;
        }
        TupleObject** tuple_field = name == "co_consts" ? &co->co_consts : name == "co_names" ? &co->co_names : nullptr;
        if (tuple_field) {
            if (!is_tuple(v)) return raise(ts, interp.exc.TypeError, "replace() argument '" + name + "' must be tuple, not " + type_name(v));
            Object* old = *tuple_field;
            *tuple_field = static_cast<TupleObject*>(newref(v).release());
            decref(old);
            continue;
        }
        static const char* const rebuilt[] = {"co_code", "co_varnames", "co_freevars", "co_cellvars", "co_linetable",
                                              "co_exceptiontable"};
        for (const char* r : rebuilt)
            if (name == r) return raise(ts, interp.exc.NotImplementedError, "glasspy cannot replace " + name + " yet");
        return raise(ts, interp.exc.TypeError, "replace() got an unexpected keyword argument '" + name + "'");
    }
    return co;
}

static const MethodDef code_methods[] = {
    {"replace", code_replace, 0, "Return a copy of the code object with new values for the specified fields."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_code_type(ThreadState* ts) {
    TypeObject* t = ts->interp->types.code;
    t->tp_dealloc = code_dealloc;
    t->tp_repr = code_repr;
    return type_add_getsets(ts, t, code_getsets) && code_add_table_members(ts, t) &&
           type_add_methods(ts, t, code_methods);
}

}  // namespace gp
