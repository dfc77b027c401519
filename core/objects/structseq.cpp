// structseq.cpp — struct sequences (see structseq.h).
#include "objects/structseq.h"

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
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
    t->tp_doc = doc ? doc : "";
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    t->tp_dict = d.release();
    if (!type_ready(ts, t)) return nullptr;
    const std::pair<const char*, int> counts[] = {
        {"n_sequence_fields", n_in_sequence}, {"n_fields", n_fields}, {"n_unnamed_fields", 0}};
    for (auto [key, n] : counts) {
        Ref<> v = int_from_i64(ts, n);
        if (!v || !dict_set_cstr(ts, t->tp_dict, key, v.get())) return nullptr;
    }
    return type;
}

}  // namespace gp
