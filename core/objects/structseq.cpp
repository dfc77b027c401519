// structseq.cpp — struct sequences (see structseq.h).
#include "objects/structseq.h"

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/longobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// n_fields / n_sequence_fields as recorded in the type's __dict__ (an
// instance of a subclass finds them along the MRO).
static isize type_count(TypeObject* t, const char* key) {
    Object* v = type_lookup(t, key);
    int64_t n = 0;
    return v && is_int(v) && int_as_i64(v, &n) ? isize(n) : 0;
}

// The GetSetDef table naming the fields (the first type up the MRO with one).
static const GetSetDef* field_table(TypeObject* t) {
    for (; t; t = t->tp_base)
        if (t->tp_getset) return t->tp_getset;
    return nullptr;
}

int structseq_readonly(ThreadState* ts, Object*, Object*) {
    raise(ts, ts->interp->exc.AttributeError, "readonly attribute");
    return -1;
}

Ref<TupleObject> structseq_new(ThreadState* ts, TypeObject* type) {
    isize n_fields = type_count(type, "n_fields");
    auto* t = static_cast<TupleObject*>(object_alloc(ts, type, n_fields));
    if (!t) return nullptr;
    t->ob_size = type_count(type, "n_sequence_fields");
    ts->interp->gc.track(t);
    return Ref<TupleObject>::steal(t);
}

// Every field, hidden ones included, is owned.
static void structseq_dealloc(Object* op) {
    auto* t = static_cast<TupleObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    for (isize i = type_count(type_of(op), "n_fields") - 1; i >= 0; i--) {
        Object* item = t->ob_item[i];
        t->ob_item[i] = nullptr;
        xdecref(item);
    }
    object_free(op);
}

static int structseq_traverse(Object* op, visitproc visit, void* arg) {
    auto* t = static_cast<TupleObject*>(op);
    for (isize i = 0, n = type_count(type_of(op), "n_fields"); i < n; i++)
        if (t->ob_item[i] && visit(t->ob_item[i], arg)) return 1;
    return 0;
}

// time.struct_time(tm_year=2024, tm_mon=1, ...): the visible fields only.
static Ref<> structseq_repr(ThreadState* ts, Object* op) {
    auto* t = static_cast<TupleObject*>(op);
    const GetSetDef* names = field_table(type_of(op));
    std::string text = type_of(op)->tp_name + "(";
    for (isize i = 0; i < t->ob_size; i++) {
        Ref<> r = object_repr(ts, t->ob_item[i]);
        if (!r) return nullptr;
        if (i) text += ", ";
        text += std::string(names ? names[i].name : "?") + "=" + std::string(str_utf8(r.get()));
    }
    return str_from_utf8(ts, text + ")");
}

// struct_time(sequence): a 9- to 11-sequence; missing hidden fields are None.
static Ref<> structseq_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs,
                                TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    static const char* const names[] = {"sequence", "dict"};
    static const ArgSpec spec{"structseq", names, 2, 1, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Ref<ListObject> items = list_from_iterable(ts, a[0]);
    if (!items) return nullptr;
    const isize len = items->ob_size;
    const isize min = type_count(type, "n_sequence_fields"), max = type_count(type, "n_fields");
    if (len < min || len > max) {
        std::string tn = type->tp_name;
        std::string msg = min == max ? tn + "() takes a " + std::to_string(min) + "-sequence ("
                        : len < min ? tn + "() takes an at least " + std::to_string(min) + "-sequence ("
                                    : tn + "() takes an at most " + std::to_string(max) + "-sequence (";
        return raise(ts, interp.exc.TypeError, msg + std::to_string(len) + "-sequence given)");
    }
    Ref<TupleObject> r = structseq_new(ts, type);
    if (!r) return nullptr;
    for (isize i = 0; i < max; i++) r->ob_item[i] = newref(i < len ? items->ob_item[i] : interp.None).release();
    return r;
}

// A visible field whose name appears again further down the table is one of
// CPython's unnamed fields (os.stat_result's integer st_atime.. at 7-9,
// whose names belong to the float fields after them).
static bool field_is_unnamed(const GetSetDef* fields, int i) {
    for (int j = i + 1; fields[j].name; j++)
        if (std::string_view(fields[j].name) == fields[i].name) return true;
    return false;
}

// __reduce__: (type, (visible items, {hidden field: value})), so copy and
// pickle rebuild the hidden fields too.
static Ref<> structseq_reduce(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0)) return nullptr;
    auto* t = static_cast<TupleObject*>(self);
    TypeObject* type = type_of(self);
    const GetSetDef* names = field_table(type);
    Ref<TupleObject> visible = tuple_from_array(ts, t->ob_item, t->ob_size);
    Ref<DictObject> hidden = dict_new(ts);
    if (!visible || !hidden) return nullptr;
    for (isize i = t->ob_size, n = type_count(type, "n_fields"); names && i < n; i++) {
        Ref<> key = str_from_utf8(ts, names[i].name);
        if (!key || !dict_set_item(ts, hidden.get(), key.get(), t->ob_item[i])) return nullptr;
    }
    Ref<TupleObject> args = tuple_pack(ts, {visible.get(), hidden.get()});
    if (!args) return nullptr;
    return tuple_pack(ts, {type, args.get()});
}

static const MethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Ref<TypeObject> structseq_new_type(ThreadState* ts, const char* name, const GetSetDef* fields,
                                   int n_in_sequence, const char* doc) {
    Interpreter& interp = *ts->interp;
    TypeObject* tuple = interp.types.tuple;
    TypeObject* t = type_new_builtin(interp, name, tuple->tp_basicsize, tuple->tp_itemsize, tuple,
                                     TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_HAVE_GC);
    if (!t) return raise_no_memory(ts);
    Ref<TypeObject> type = Ref<TypeObject>::steal(t);
    int n_fields = 0;
    while (fields[n_fields].name) n_fields++;
    t->tp_dealloc = structseq_dealloc;
    t->tp_traverse = structseq_traverse;
    t->tp_repr = structseq_repr;
    t->tp_new = structseq_new_slot;
    t->tp_getset = fields;
    t->tp_methods = structseq_methods;
    t->tp_doc = doc ? doc : "";
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    t->tp_dict = d.release();
    if (!type_ready(ts, t)) return nullptr;
    // __match_args__: the visible fields that have names of their own.
    int n_unnamed = 0;
    Ref<ListObject> match_names = list_new(ts, 0);
    if (!match_names) return nullptr;
    for (int i = 0; i < n_in_sequence; i++) {
        if (field_is_unnamed(fields, i)) {
            n_unnamed++;
            continue;
        }
        Ref<> name = str_intern_cstr(ts, fields[i].name);
        if (!name || !list_append(ts, match_names.get(), name.get())) return nullptr;
    }
    Ref<TupleObject> match_args = tuple_from_array(ts, match_names->ob_item, match_names->ob_size);
    if (!match_args || !dict_set_cstr(ts, t->tp_dict, "__match_args__", match_args.get())) return nullptr;
    const std::pair<const char*, int> counts[] = {
        {"n_sequence_fields", n_in_sequence}, {"n_fields", n_fields}, {"n_unnamed_fields", n_unnamed}};
    for (auto [key, n] : counts) {
        Ref<> v = int_from_i64(ts, n);
        if (!v || !dict_set_cstr(ts, t->tp_dict, key, v.get())) return nullptr;
    }
    return type;
}

}  // namespace gp
