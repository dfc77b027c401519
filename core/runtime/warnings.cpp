// warnings.cpp — see warnings.h.
#include "runtime/warnings.h"

#include "gc/collector.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"

namespace gp {

static std::string strip(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\f\r\n");
    if (a == std::string::npos) return "";
    std::size_t b = s.find_last_not_of(" \t\f\r\n");
    return s.substr(a, b - a + 1);
}

bool warn(ThreadState* ts, TypeObject* category, const std::string& message, Object* source) {
    Interpreter& interp = *ts->interp;
    // setup_context: the innermost frame, or the sys module when no Python
    // code runs (then CPython reports "sys:1").
    DictObject* globals;
    std::string filename;
    int lineno;
    if (Frame* f = ts->frame) {
        globals = f->globals;
        filename = std::string(str_utf8(f->code->co_filename));
        lineno = int(f->code->addr_to_line(f->prev_instr < 0 ? 0 : f->prev_instr));
    } else {
        if (!interp.sys) return true;
        globals = interp.sys->md_dict;
        filename = "sys";
        lineno = 1;
    }
    // The registry: each (text, category, lineno) is shown once per module.
    Object* registry = dict_get_cstr(ts, globals, "__warningregistry__");
    Ref<DictObject> fresh;
    if (!registry) {
        if (error_occurred(ts)) return false;
        fresh = dict_new(ts);
        if (!fresh || !dict_set_cstr(ts, globals, "__warningregistry__", fresh.get())) return false;
        registry = fresh.get();
    }
    Ref<> text = str_from_utf8(ts, message);
    Ref<> line = int_from_i64(ts, lineno);
    Ref<TupleObject> key = text && line ? tuple_pack(ts, {text.get(), category, line.get()}) : Ref<TupleObject>();
    if (!key) return false;
    if (is_dict(registry)) {
        if (dict_get_item(ts, as_dict(registry), key.get())) return true;
        if (error_occurred(ts)) return false;
        if (!dict_set_item(ts, as_dict(registry), key.get(), interp.True)) return false;
    }
    std::string name = category->tp_name;
    std::string out = filename + ":" + std::to_string(lineno) + ": " + name + ": " + message + "\n";
    std::string src = strip(source_line(interp, filename, lineno));
    if (!src.empty()) out += "  " + src + "\n";
    if (source) out += name + ": Enable tracemalloc to get the object allocation traceback\n";
    write_stderr(ts, out);
    return true;
}

}  // namespace gp
