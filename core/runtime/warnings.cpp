// warnings.cpp — the warning machinery and the `_warnings` module (see
// warnings.h for the walk a warning takes). Mirrors CPython 3.11's
// Python/_warnings.c; the function names follow it.
#include "runtime/warnings.h"

#include "gc/collector.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/funcobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"
#include "runtime/traceback.h"

namespace gp {

namespace {

// init_filters: CPython 3.11's defaults for a release build. The module
// entry of the first filter is a plain string, matched by equality.
bool init_state(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    auto& st = interp.warnings;
    if (st.filters) return true;
    Ref<ListObject> filters = list_new(ts, 0);
    Ref<> def = str_from_utf8(ts, "default"), ign = str_from_utf8(ts, "ignore"), main = str_from_utf8(ts, "__main__");
    Ref<> zero = int_from_i64(ts, 0);
    Ref<DictObject> once = dict_new(ts);
    if (!filters || !def || !ign || !main || !zero || !once) return false;
    Object* none = interp.None;
    struct { Object* action; TypeObject* category; Object* module; } defaults[] = {
        {def.get(), interp.exc.DeprecationWarning, main.get()},
        {ign.get(), interp.exc.DeprecationWarning, none},
        {ign.get(), interp.exc.PendingDeprecationWarning, none},
        {ign.get(), interp.exc.ImportWarning, none},
        {ign.get(), interp.exc.ResourceWarning, none},
    };
    for (auto& d : defaults) {
        Ref<TupleObject> item = tuple_pack(ts, {d.action, none, d.category, d.module, zero.get()});
        if (!item || !list_append(ts, filters.get(), item.get())) return false;
    }
    st.filters = filters.release();
    st.once_registry = once.release();
    st.default_action = def.release();
    return true;
}

// get_warnings_attr: warnings.<name> if warnings.py has been imported — or,
// with try_import, after importing it — else null without an exception.
Ref<> get_warnings_attr(ThreadState* ts, const char* name, bool try_import = false) {
    Interpreter& interp = *ts->interp;
    if (!interp.modules) return nullptr;
    Ref<> imported;
    Object* mod = dict_get_cstr(ts, interp.modules, "warnings");
    if (!mod && try_import) {
        imported = import_module(ts, "warnings");
        if (!imported) error_clear(ts);
        mod = imported.get();
    }
    if (!mod || mod == interp.None) return nullptr;
    Ref<> v = object_getattr_cstr(ts, mod, name);
    if (!v) error_clear(ts);
    return v;
}

// The filter list, once registry and default action in force: warnings.py's
// module globals win if a program rebound them, as in CPython.
ListObject* current_filters(ThreadState* ts) {
    auto& st = ts->interp->warnings;
    if (Ref<> f = get_warnings_attr(ts, "filters"); f && type_of(f.get()) == ts->interp->types.list &&
                                                        f.get() != static_cast<Object*>(st.filters)) {
        xdecref(st.filters);
        st.filters = static_cast<ListObject*>(f.release());
    }
    return st.filters;
}
DictObject* current_once_registry(ThreadState* ts) {
    auto& st = ts->interp->warnings;
    if (Ref<> r = get_warnings_attr(ts, "onceregistry"); r && type_of(r.get()) == ts->interp->types.dict &&
                                                             r.get() != static_cast<Object*>(st.once_registry)) {
        xdecref(st.once_registry);
        st.once_registry = static_cast<DictObject*>(r.release());
    }
    return st.once_registry;
}
Object* current_default_action(ThreadState* ts) {
    auto& st = ts->interp->warnings;
    if (Ref<> a = get_warnings_attr(ts, "defaultaction"); a && is_str(a.get()) && a.get() != st.default_action) {
        xdecref(st.default_action);
        st.default_action = a.release();
    }
    return st.default_action;
}

// check_matched: None matches everything, a str must be equal, anything
// else is a compiled pattern whose .match() decides.
int check_matched(ThreadState* ts, Object* pattern, Object* arg) {
    if (pattern == ts->interp->None) return 1;
    if (type_of(pattern) == ts->interp->types.str) return object_richcompare_bool(ts, pattern, arg, Py_EQ);
    Ref<> m = call_method(ts, pattern, "match", &arg, 1);
    return m ? object_is_true(ts, m.get()) : -1;
}

// get_filter: the action of the first matching filter (item set to it), or
// the default action (item = None).
Object* get_filter(ThreadState* ts, Object* category, Object* text, int lineno, Object* module, Object** item) {
    Interpreter& interp = *ts->interp;
    ListObject* filters = current_filters(ts);
    *item = interp.None;
    for (isize i = 0; filters && i < filters->ob_size; i++) {
        Object* f = filters->ob_item[i];
        if (type_of(f) != interp.types.tuple || static_cast<TupleObject*>(f)->ob_size != 5) {
            raise(ts, interp.exc.ValueError, "_warnings.filters item " + std::to_string(i) + " isn't a 5-tuple");
            return nullptr;
        }
        Ref<> hold = newref(f);   // a match() call may mutate the list
        Object** fields = static_cast<TupleObject*>(f)->ob_item;
        Object* action = fields[0];
        if (!is_str(action)) {
            raise(ts, interp.exc.TypeError, std::string("action must be a string, not '") + type_name(action) + "'");
            return nullptr;
        }
        int good_msg = check_matched(ts, fields[1], text);
        if (good_msg < 0) return nullptr;
        int good_mod = check_matched(ts, fields[3], module);
        if (good_mod < 0) return nullptr;
        int is_sub = object_issubclass(ts, category, fields[2]);
        if (is_sub < 0) return nullptr;
        isize ln = 0;
        if (!index_as_isize(ts, fields[4], &ln)) return nullptr;
        if (good_msg && is_sub && good_mod && (ln == 0 || ln == lineno)) {
            *item = f;
            return action;
        }
        if (i >= filters->ob_size) break;
    }
    Object* action = current_default_action(ts);
    if (!action || !is_str(action)) {
        raise(ts, interp.exc.ValueError, "_warnings.defaultaction not found");
        return nullptr;
    }
    return action;
}

// already_warned: 1 if registry[key] is true. A registry written under an
// older filter list is cleared first. With should_set, key is recorded.
int already_warned(ThreadState* ts, DictObject* registry, Object* key, bool should_set) {
    Interpreter& interp = *ts->interp;
    auto& st = interp.warnings;
    Object* version = dict_get_cstr(ts, registry, "version");
    int64_t seen_version = -1;
    if (!version || type_of(version) != interp.types.int_ || !int_as_i64(version, &seen_version) ||
        seen_version != st.filters_version) {
        error_clear(ts);
        dict_clear(registry);
        Ref<> v = int_from_i64(ts, st.filters_version);
        if (!v || !dict_set_cstr(ts, registry, "version", v.get())) return -1;
    } else if (Object* seen = dict_get_item(ts, registry, key)) {
        int rc = object_is_true(ts, seen);
        if (rc != 0) return rc;
    } else if (error_occurred(ts)) {
        return -1;
    }
    if (should_set) return dict_set_item(ts, registry, key, interp.True) ? 0 : -1;
    return 0;
}

int update_registry(ThreadState* ts, DictObject* registry, Object* text, Object* category) {
    Ref<TupleObject> altkey = tuple_pack(ts, {text, category});
    return altkey ? already_warned(ts, registry, altkey.get(), true) : -1;
}

// _Py_DisplaySourceLine(indent=2): the source line, leading blanks removed.
std::string display_source_line(ThreadState* ts, Object* filename, int lineno) {
    if (!is_str(filename)) return "";
    std::string name(str_utf8(filename));
    if (name.empty() || name[0] == '<') return "";
    std::string line = source_line(*ts->interp, name, lineno);
    std::size_t i = line.find_first_not_of(" \t\f");
    if (i == std::string::npos) return "";
    line = line.substr(i);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return "  " + line + "\n";
}

// show_warning: "file:line: Category: text" and the source line, to sys.stderr.
bool show_warning(ThreadState* ts, Object* filename, int lineno, Object* text, Object* category, Object* source) {
    Ref<> name = object_getattr_cstr(ts, category, "__name__");
    Ref<> fname = name ? object_str(ts, filename) : nullptr;
    Ref<> msg = fname ? object_str(ts, text) : nullptr;
    if (!msg) return false;
    std::string out = std::string(str_utf8(fname.get())) + ":" + std::to_string(lineno) + ": " +
                      std::string(str_utf8(name.get())) + ": " + std::string(str_utf8(msg.get())) + "\n";
    out += display_source_line(ts, filename, lineno);
    // What warnings.py adds for a warning about an object while tracemalloc
    // is off (the C fallback, when warnings.py cannot be imported).
    if (source) out += std::string(str_utf8(name.get())) + ": Enable tracemalloc to get the object allocation traceback\n";
    write_stderr(ts, out);
    return true;
}

// call_show_warning: through warnings._showwarnmsg when warnings.py is
// loaded, so a replaced warnings.showwarning is honoured.
bool call_show_warning(ThreadState* ts, Object* category, Object* text, Object* message, Object* filename,
                       int lineno, Object* source) {
    Interpreter& interp = *ts->interp;
    // A warning about an object imports warnings.py, which can say where
    // the object was allocated (as _warnings.c's call_show_warning).
    Ref<> show = get_warnings_attr(ts, "_showwarnmsg", source != nullptr);
    if (!show) return show_warning(ts, filename, lineno, text, category, source);
    if (!is_callable(show.get())) {
        raise(ts, interp.exc.TypeError, "warnings._showwarnmsg() must be set to a callable");
        return false;
    }
    Ref<> cls = get_warnings_attr(ts, "WarningMessage");
    if (!cls) {
        raise(ts, interp.exc.RuntimeError, "unable to get warnings.WarningMessage");
        return false;
    }
    Ref<> ln = int_from_i64(ts, lineno);
    if (!ln) return false;
    Object* args[] = {message, category, filename, ln.get(), interp.None, interp.None, source ? source : interp.None};
    Ref<> msg = object_vectorcall(ts, cls.get(), args, 7);
    if (!msg) return false;
    return bool(object_call_one(ts, show.get(), msg.get()));
}

// normalize_module: "spam.py" -> "spam"; "" -> "<unknown>".
Ref<> normalize_module(ThreadState* ts, Object* filename) {
    std::string f(str_utf8(filename));
    if (f.empty()) return str_from_utf8(ts, "<unknown>");
    if (f.size() >= 3 && f.compare(f.size() - 3, 3, ".py") == 0) f.resize(f.size() - 3);
    return str_from_utf8(ts, f);
}

// setup_context: filename, line, module name and registry of the frame
// `stacklevel` levels up; "sys", line 1 when there is no such frame.
// A warning raised by C++ code skips the frames of the core/lib modules that
// stand in for CPython's C modules (__glasspy_hide_frames__): in CPython
// those are C functions, and the warning points at the nearest Python frame
// (a coroutine destroyed inside an asyncio task step warns at the loop's
// Handle._run, for example).
bool setup_context(ThreadState* ts, int stacklevel, Ref<>* filename, int* lineno, Ref<>* module,
                   Ref<>* registry, bool from_native = false) {
    Interpreter& interp = *ts->interp;
    Frame* f = ts->frame;
    if (from_native) {
        auto hidden = [&](Frame* fr) {
            Object* flag = fr->globals ? dict_get_cstr(ts, fr->globals, "__glasspy_hide_frames__") : nullptr;
            return flag == interp.True;
        };
        Frame* g = f;
        while (g && hidden(g)) g = g->previous;
        if (g) f = g;
    }
    while (--stacklevel > 0 && f) f = f->previous;
    DictObject* globals;
    if (!f) {
        globals = static_cast<ModuleObject*>(static_cast<Object*>(interp.sys))->md_dict;
        *filename = str_from_utf8(ts, "sys");
        *lineno = 1;
    } else {
        globals = f->globals;
        *filename = newref<Object>(f->code->co_filename);
        *lineno = f->code->addr_to_line(f->prev_instr < 0 ? 0 : f->prev_instr);
    }
    if (!*filename) return false;
    Object* reg = dict_get_cstr(ts, globals, "__warningregistry__");
    if (!reg) {
        if (error_occurred(ts)) return false;
        Ref<DictObject> d = dict_new(ts);
        if (!d || !dict_set_cstr(ts, globals, "__warningregistry__", d.get())) return false;
        *registry = std::move(d);
    } else {
        *registry = newref(reg);
    }
    Object* mod = dict_get_cstr(ts, globals, "__name__");
    if (mod && (mod == interp.None || is_str(mod))) *module = newref(mod);
    else *module = str_from_utf8(ts, "<string>");
    return bool(*module);
}

// get_category: the class of a Warning instance, else `category` (UserWarning
// when absent), which must be a Warning subclass.
TypeObject* get_category(ThreadState* ts, Object* message, Object* category) {
    Interpreter& interp = *ts->interp;
    if (object_isinstance(ts, message, interp.exc.Warning) > 0) return type_of(message);
    if (error_occurred(ts)) return nullptr;
    if (!category || category == interp.None) return interp.exc.UserWarning;
    int rc = type_has_flag(type_of(category), TPFLAGS_TYPE_SUBCLASS)
                 ? object_issubclass(ts, category, interp.exc.Warning) : 0;
    if (rc <= 0) {
        error_clear(ts);
        raise(ts, interp.exc.TypeError,
              std::string("category must be a Warning subclass, not '") + type_name(category) + "'");
        return nullptr;
    }
    return static_cast<TypeObject*>(category);
}

bool warn_explicit_impl(ThreadState* ts, Object* category, Object* message, Object* filename, int lineno,
                        Object* module, Object* registry, Object* source) {
    Interpreter& interp = *ts->interp;
    if (!init_state(ts)) return false;
    if (registry && registry != interp.None && type_of(registry) != interp.types.dict) {
        raise(ts, interp.exc.TypeError, "'registry' must be a dict or None");
        return false;
    }
    DictObject* reg = registry && registry != interp.None ? static_cast<DictObject*>(registry) : nullptr;
    Ref<> mod_hold;
    if (!module) {
        mod_hold = normalize_module(ts, filename);
        if (!mod_hold) return false;
        module = mod_hold.get();
    }
    // Normalize: a Warning instance brings its own text and category.
    Ref<> text, msg;
    if (object_isinstance(ts, message, interp.exc.Warning) > 0) {
        text = object_str(ts, message);
        if (!text) return false;
        category = type_of(message);
        msg = newref(message);
    } else {
        if (error_occurred(ts)) return false;
        text = newref(message);
        msg = object_call_one(ts, category, message);
        if (!msg) return false;
    }
    Ref<> ln = int_from_i64(ts, lineno);
    Ref<TupleObject> key = ln ? tuple_pack(ts, {text.get(), category, ln.get()}) : nullptr;
    if (!key) return false;
    if (reg) {
        int rc = already_warned(ts, reg, key.get(), false);
        if (rc != 0) return rc > 0;
    }
    Object* item = nullptr;
    Object* action = get_filter(ts, category, text.get(), lineno, module, &item);
    if (!action) return false;
    Ref<> hold_action = newref(action), hold_item = newref(item);
    std::string_view a = str_utf8(action);
    if (a == "error") {
        raise_object(ts, msg.get());
        return false;
    }
    if (a == "ignore") return true;
    int rc = 0;
    if (a != "always") {
        if (reg && !dict_set_item(ts, reg, key.get(), interp.True)) return false;
        if (a == "once") {
            // As _warnings.c does: the module's registry when there is one.
            DictObject* once = reg ? reg : current_once_registry(ts);
            rc = once ? update_registry(ts, once, text.get(), category) : 0;
        } else if (a == "module") {
            if (reg) rc = update_registry(ts, reg, text.get(), category);
        } else if (a != "default") {
            Ref<> ar = object_repr(ts, action);
            Ref<> ir = ar ? object_repr(ts, item) : nullptr;
            if (!ir) return false;
            raise(ts, interp.exc.RuntimeError, "Unrecognized action (" + std::string(str_utf8(ar.get())) +
                                                   ") in warnings.filters:\n " + std::string(str_utf8(ir.get())));
            return false;
        }
    }
    if (rc < 0) return false;
    if (rc == 1) return true;   // already shown for this module / once
    return call_show_warning(ts, category, text.get(), msg.get(), filename, lineno, source);
}

bool do_warn(ThreadState* ts, Object* message, TypeObject* category, int stacklevel, Object* source,
             bool from_native = false) {
    Ref<> filename, module, registry;
    int lineno = 0;
    if (!setup_context(ts, stacklevel, &filename, &lineno, &module, &registry, from_native)) return false;
    return warn_explicit_impl(ts, category, message, filename.get(), lineno, module.get(), registry.get(), source);
}

// ------------------------------------------------------------ _warnings

const char* const kWarnNames[] = {"message", "category", "stacklevel", "source"};
Ref<> w_warn(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Object* a[4] = {};
    if (!parse_args(ts, ArgSpec{"warn", kWarnNames, 4, 1, 4, 0}, args, nargs, kw, a)) return nullptr;
    isize level = 1;
    if (a[2] && !index_as_isize(ts, a[2], &level)) return nullptr;
    TypeObject* category = get_category(ts, a[0], a[1]);
    if (!category) return nullptr;
    if (level > INT32_MAX) level = INT32_MAX;
    if (level < INT32_MIN) level = INT32_MIN;
    if (!do_warn(ts, a[0], category, int(level), a[3])) return nullptr;
    return newref(ts->interp->None);
}

const char* const kWarnExplicitNames[] = {"message", "category", "filename", "lineno",
                                          "module", "registry", "module_globals", "source"};
Ref<> w_warn_explicit(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    Object* a[8] = {};
    if (!parse_args(ts, ArgSpec{"warn_explicit", kWarnExplicitNames, 8, 4, 8, 0}, args, nargs, kw, a))
        return nullptr;
    if (!is_str(a[2])) {
        raise(ts, interp.exc.TypeError, std::string("warn_explicit() argument 'filename' must be str, not ") +
                                            type_name(a[2]));
        return nullptr;
    }
    isize lineno = 0;
    if (!index_as_isize(ts, a[3], &lineno)) return nullptr;
    Object* module = a[4] && a[4] != interp.None ? a[4] : nullptr;
    if (!warn_explicit_impl(ts, a[1], a[0], a[2], int(lineno), module, a[5], a[7])) return nullptr;
    return newref(interp.None);
}

Ref<> w_filters_mutated(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_filters_mutated", kw) || !check_nargs(ts, "_filters_mutated", nargs, 0, 0))
        return nullptr;
    ts->interp->warnings.filters_version++;
    return newref(ts->interp->None);
}

const MethodDef kWarningsMethods[] = {
    {"warn", w_warn, METH_DEFAULT,
     "warn($module, /, message, category=None, stacklevel=1, source=None)\n--\n\n"
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", w_warn_explicit, METH_DEFAULT,
     "warn_explicit($module, /, message, category, filename, lineno, module=None, registry=None,\n"
     "              module_globals=None, source=None)\n--\n\nLow-level interface to warnings functionality."},
    {"_filters_mutated", w_filters_mutated, METH_DEFAULT, "_filters_mutated($module, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool warn(ThreadState* ts, TypeObject* category, std::string_view message, int stacklevel, Object* source) {
    Ref<> text = str_from_utf8(ts, message);
    return text && do_warn(ts, text.get(), category, stacklevel, source, /*from_native=*/true);
}

bool warn_explicit(ThreadState* ts, TypeObject* category, Object* message, Object* filename, int lineno,
                   Object* module, Object* registry) {
    return warn_explicit_impl(ts, category, message, filename, lineno, module, registry, nullptr);
}

Ref<ModuleObject> make_warnings_c_module(ThreadState* ts) {
    if (!init_state(ts)) return nullptr;
    auto& st = ts->interp->warnings;
    Ref<ModuleObject> m = module_new(ts, "_warnings");
    if (!m || !module_add_functions(ts, m.get(), kWarningsMethods) ||
        !module_add_object(ts, m.get(), "filters", st.filters) ||
        !module_add_object(ts, m.get(), "_defaultaction", st.default_action) ||
        !module_add_object(ts, m.get(), "_onceregistry", st.once_registry))
        return nullptr;
    return m;
}

}  // namespace gp
