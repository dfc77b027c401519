// import.cpp — the import statement (see modules.h).
#include <fstream>
#include <sstream>

#include "compiler/compiler.h"
#include "compiler/source_encoding.h"
#include "modules/builtins.h"
#include "modules/frozen.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/interpreter.h"

namespace gp {

bool is_builtin_module(const char* name) {
    for (const BuiltinModuleDef* d = kBuiltinModules; d->name; d++)
        if (std::string_view(d->name) == name) return true;
    return false;
}

bool module_add_functions(ThreadState* ts, ModuleObject* module, const MethodDef* defs) {
    Object* name = dict_get_cstr(ts, module->md_dict, "__name__");
    for (const MethodDef* def = defs; def->name; def++) {
        Ref<> f = cfunction_new(ts, def, module, name);
        if (!f || !dict_set_cstr(ts, module->md_dict, def->name, f.get())) return false;
    }
    return true;
}

bool module_add_object(ThreadState* ts, ModuleObject* module, const char* name, Object* value) {
    return dict_set_cstr(ts, module->md_dict, name, value);
}

bool module_add_int(ThreadState* ts, ModuleObject* module, const char* name, int64_t value) {
    Ref<> v = int_from_i64(ts, value);
    return v && dict_set_cstr(ts, module->md_dict, name, v.get());
}

// ImportError(msg, name=..., path=...) of the given class (_PyErr_SetImportErrorSubclass).
static std::nullptr_t raise_import_error(ThreadState* ts, TypeObject* type, const std::string& msg,
                                         const std::string& name, Object* path) {
    Interpreter& interp = *ts->interp;
    Ref<> m = str_from_utf8(ts, msg);
    Ref<> n = m ? str_from_utf8(ts, name) : nullptr;
    Ref<TupleObject> kw = n ? tuple_pack(ts, {interp.intern("name"), interp.intern("path")}) : nullptr;
    if (!kw) return nullptr;
    Object* args[] = {m.get(), n.get(), path ? path : interp.None};
    Ref<> exc = object_vectorcall(ts, type, args, 1, kw.get());
    if (!exc) return nullptr;
    return raise_object(ts, exc.get());
}

static std::nullptr_t module_not_found(ThreadState* ts, const std::string& name) {
    return raise_import_error(ts, ts->interp->exc.ModuleNotFoundError, "No module named '" + name + "'", name,
                              nullptr);
}

// Reads a whole file; false if it cannot be opened.
static bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

// Runs `source` as the body of a fresh module `name`, registered in
// sys.modules first (so circular imports see the partial module), removed
// again if execution fails — as importlib does.
static Ref<> exec_source_module(ThreadState* ts, const std::string& name, const std::string& path,
                                const std::string& source, Object* package_path) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> mod = module_new(ts, name.c_str());
    if (!mod) return nullptr;
    Ref<> file = str_from_utf8(ts, path);
    if (!file || !dict_set_cstr(ts, mod->md_dict, "__file__", file.get()) ||
        !dict_set_cstr(ts, mod->md_dict, "__builtins__", interp.builtins))
        return nullptr;
    std::string parent = package_path ? name : (name.rfind('.') == std::string::npos ? "" : name.substr(0, name.rfind('.')));
    Ref<> pkg = str_from_utf8(ts, parent);
    if (!pkg || !dict_set_cstr(ts, mod->md_dict, "__package__", pkg.get())) return nullptr;
    if (package_path && !dict_set_cstr(ts, mod->md_dict, "__path__", package_path)) return nullptr;
    Ref<> key = str_from_utf8(ts, name);
    if (!key || !dict_set_item(ts, interp.modules, key.get(), mod.get())) return nullptr;
    // A file's bytes in the codec its coding comment names (PEP 263).
    std::string decoded;
    const std::string* text = &source;
    bool decoded_ok = true;
    if (path[0] != '<') {
        decoded_ok = decode_source_bytes(ts, source, path, /*from_file=*/true, &decoded);
        text = &decoded;
    }
    if (decoded_ok) interp.sources[path] = *text;
    Ref<CodeObject> code = decoded_ok ? compile_source(ts, *text, path, ParseMode::Exec) : Ref<CodeObject>();
    Ref<> result = code ? eval_code(ts, code.get(), mod->md_dict, mod->md_dict) : Ref<>();
    if (!result) {
        Ref<> saved = error_fetch(ts);
        if (!dict_del_item(ts, interp.modules, key.get())) error_clear(ts);
        error_restore(ts, std::move(saved));
        return nullptr;
    }
    // The module in sys.modules may have been replaced while it ran.
    Object* final = dict_get_item(ts, interp.modules, key.get());
    return newref(final ? final : static_cast<Object*>(mod.get()));
}

// Looks for name.py or name/__init__.py in each directory of `search`
// (sys.path for top-level modules, the package's __path__ for submodules).
static Ref<> find_and_load_source(ThreadState* ts, const std::string& name, Object* search) {
    Interpreter& interp = *ts->interp;
    if (!search || !is_list(search)) return nullptr;
    std::string last = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    ListObject* dirs = as_list(search);
    for (isize i = 0; i < dirs->ob_size; i++) {
        Object* d = dirs->ob_item[i];
        if (!is_str(d)) continue;
        std::string dir(str_utf8(d));
        std::string base = dir.empty() ? last : dir + "/" + last;
        std::string source;
        if (read_file(base + "/__init__.py", &source)) {
            Ref<ListObject> path = list_new(ts, 0);
            Ref<> pdir = str_from_utf8(ts, base);
            if (!path || !pdir || !list_append(ts, path.get(), pdir.get())) return nullptr;
            return exec_source_module(ts, name, base + "/__init__.py", source, path.get());
        }
        if (read_file(base + ".py", &source)) return exec_source_module(ts, name, base + ".py", source, nullptr);
    }
    (void)interp;
    return nullptr;
}

// Runs the frozen module `name` (frozen.h), if there is one; null without an
// error set when there is none. A frozen package gets an empty __path__, as
// CPython's frozen packages do, so `import pkg.sub` looks for "pkg.sub" here.
static Ref<> import_frozen(ThreadState* ts, const std::string& name) {
    bool is_package = false;
    const char* src = find_frozen(name, &is_package);
    if (!src) return nullptr;
    Ref<ListObject> path;
    if (is_package && !(path = list_new(ts, 0))) return nullptr;
    return exec_source_module(ts, name, "<frozen " + name + ">", src, path.get());
}

// Imports exactly `name` (absolute, dotted), importing its parents first.
static Ref<> import_absolute(ThreadState* ts, const std::string& name) {
    Interpreter& interp = *ts->interp;
    Ref<> key = str_from_utf8(ts, name);
    if (!key) return nullptr;
    if (Object* m = dict_get_item(ts, interp.modules, key.get())) {
        if (m == interp.None) return raise(ts, interp.exc.ImportError, "import of " + name + " halted; None in sys.modules");
        return newref(m);
    }
    if (error_occurred(ts)) return nullptr;
    Object* search = nullptr;
    Ref<> parent_mod;
    std::size_t dot = name.rfind('.');
    if (dot != std::string::npos) {
        parent_mod = import_absolute(ts, name.substr(0, dot));
        if (!parent_mod) return nullptr;
        // The parent's import may have imported us.
        if (Object* m = dict_get_item(ts, interp.modules, key.get())) return newref(m);
        Ref<> path = object_getattr_cstr(ts, parent_mod.get(), "__path__");
        if (!path) {
            error_clear(ts);
            return raise_import_error(ts, interp.exc.ModuleNotFoundError,
                                      "No module named '" + name + "'; '" + name.substr(0, dot) + "' is not a package",
                                      name, nullptr);
        }
        search = path.release();   // kept alive by the parent module
        decref(search);
    } else {
        for (const BuiltinModuleDef* d = kBuiltinModules; d->name; d++) {
            if (name != d->name) continue;
            Ref<ModuleObject> m = d->init(ts);
            if (!m) return nullptr;
            if (!dict_set_item(ts, interp.modules, key.get(), m.get())) return nullptr;
            return Ref<>(std::move(m));
        }
        if (Ref<> mod = import_frozen(ts, name); mod || error_occurred(ts)) return mod;
        Ref<> path = object_getattr_cstr(ts, interp.sys, "path");
        if (!path) return nullptr;
        search = path.get();
        Ref<> mod = find_and_load_source(ts, name, search);
        if (mod || error_occurred(ts)) return mod;
        return module_not_found(ts, name);
    }
    // A frozen package's submodules are frozen too.
    Ref<> mod = import_frozen(ts, name);
    if (!mod && !error_occurred(ts)) mod = find_and_load_source(ts, name, search);
    if (!mod) {
        if (error_occurred(ts)) return nullptr;
        return module_not_found(ts, name);
    }
    // Bind the submodule as an attribute of its package.
    Ref<> attr = str_from_utf8(ts, name.substr(dot + 1));
    if (!attr || object_setattr(ts, parent_mod.get(), attr.get(), mod.get()) < 0) return nullptr;
    return mod;
}

Ref<> import_module(ThreadState* ts, const char* name) { return import_absolute(ts, name); }

// Resolves a relative import against the importing module's __package__/__name__.
static bool resolve_name(ThreadState* ts, const std::string& name, Object* globals, int64_t level, std::string* out) {
    Interpreter& interp = *ts->interp;
    if (level == 0) {
        if (name.empty()) {
            raise(ts, interp.exc.ValueError, "Empty module name");
            return false;
        }
        *out = name;
        return true;
    }
    std::string package;
    if (globals && is_dict(globals)) {
        Object* pkg = dict_get_cstr(ts, as_dict(globals), "__package__");
        if (pkg && is_str(pkg)) {
            package = std::string(str_utf8(pkg));
        } else {
            Object* n = dict_get_cstr(ts, as_dict(globals), "__name__");
            if (n && is_str(n)) {
                package = std::string(str_utf8(n));
                if (!dict_get_cstr(ts, as_dict(globals), "__path__")) {
                    std::size_t d = package.rfind('.');
                    package = d == std::string::npos ? "" : package.substr(0, d);
                }
            }
        }
    }
    if (package.empty()) {
        raise(ts, interp.exc.ImportError, "attempted relative import with no known parent package");
        return false;
    }
    for (int64_t i = 1; i < level; i++) {
        std::size_t d = package.rfind('.');
        if (d == std::string::npos) {
            raise(ts, interp.exc.ImportError, "attempted relative import beyond top-level package");
            return false;
        }
        package = package.substr(0, d);
    }
    *out = name.empty() ? package : package + "." + name;
    return true;
}

Ref<> import_name(ThreadState* ts, Object* name, Object* globals, Object* fromlist, Object* level) {
    Interpreter& interp = *ts->interp;
    if (!is_str(name)) return raise(ts, interp.exc.TypeError, "module name must be str, not " + std::string(type_name(name)));
    int64_t lv = 0;
    if (level && level != interp.None && !int_as_i64(level, &lv)) return raise(ts, interp.exc.OverflowError, "level too large");
    if (lv < 0) return raise(ts, interp.exc.ValueError, "level must be >= 0");
    std::string absname;
    if (!resolve_name(ts, std::string(str_utf8(name)), globals, lv, &absname)) return nullptr;
    Ref<> mod = import_absolute(ts, absname);
    if (!mod) return nullptr;
    bool has_from = fromlist && fromlist != interp.None && object_is_true(ts, fromlist) == 1;
    if (has_from) {
        // from package import submodule: import submodules named in fromlist.
        Ref<> path = object_getattr_cstr(ts, mod.get(), "__path__");
        if (!path) {
            error_clear(ts);
            return mod;
        }
        Ref<> it = object_get_iter(ts, fromlist);
        if (!it) return nullptr;
        while (Ref<> item = iter_next(ts, it.get())) {
            if (!is_str(item.get())) continue;
            std::string sub(str_utf8(item.get()));
            if (sub == "*") continue;
            Ref<> has = object_getattr(ts, mod.get(), item.get());
            if (has) continue;
            error_clear(ts);
            Ref<> submod = import_absolute(ts, absname + "." + sub);
            if (!submod) {
                if (error_matches(ts, interp.exc.ModuleNotFoundError)) error_clear(ts);
                else return nullptr;
            }
        }
        if (error_occurred(ts)) return nullptr;
        return mod;
    }
    // `import a.b.c` binds the top-level package `a`.
    std::string given(str_utf8(name));
    if (lv == 0 && given.find('.') != std::string::npos) return import_absolute(ts, given.substr(0, given.find('.')));
    if (lv > 0 && given.empty()) return mod;
    if (lv > 0) {
        std::string top = absname.substr(0, absname.size() - given.size()) + given.substr(0, given.find('.'));
        return import_absolute(ts, top);
    }
    return mod;
}

Ref<> import_from(ThreadState* ts, Object* module, Object* name) {
    Interpreter& interp = *ts->interp;
    Ref<> v = object_getattr(ts, module, name);
    if (v || !error_matches(ts, interp.exc.AttributeError)) return v;
    error_clear(ts);
    // A submodule imported but not (yet) bound as an attribute (circular imports).
    Ref<> modname = object_getattr_cstr(ts, module, "__name__");
    if (modname && is_str(modname.get())) {
        Ref<> full = str_from_utf8(ts, std::string(str_utf8(modname.get())) + "." + std::string(str_utf8(name)));
        if (full) {
            if (Object* m = dict_get_item(ts, interp.modules, full.get())) return newref(m);
        }
    }
    error_clear(ts);
    std::string mname = modname && is_str(modname.get()) ? std::string(str_utf8(modname.get())) : "<unknown module name>";
    std::string msg = "cannot import name '" + std::string(str_utf8(name)) + "' from '" + mname + "'";
    Ref<> file = object_getattr_cstr(ts, module, "__file__");
    if (file && is_str(file.get())) msg += " (" + std::string(str_utf8(file.get())) + ")";
    else {
        error_clear(ts);
        file = nullptr;
        msg += " (unknown location)";
    }
    return raise_import_error(ts, interp.exc.ImportError, msg, mname, file.get());
}

bool import_star(ThreadState* ts, Object* module, Object* locals) {
    Interpreter& interp = *ts->interp;
    Ref<> all = object_getattr_cstr(ts, module, "__all__");
    bool skip_private = false;
    if (!all) {
        if (!error_matches(ts, interp.exc.AttributeError)) return false;
        error_clear(ts);
        Ref<> d = object_getattr_cstr(ts, module, "__dict__");
        if (!d) return false;
        Ref<ListObject> keys = list_new(ts, 0);
        if (!keys) return false;
        isize pos = 0;
        Object *k, *v;
        while (dict_next(as_dict(d.get()), &pos, &k, &v))
            if (!list_append(ts, keys.get(), k)) return false;
        all = std::move(keys);
        skip_private = true;
    }
    Ref<> it = object_get_iter(ts, all.get());
    if (!it) return false;
    while (Ref<> name = iter_next(ts, it.get())) {
        if (!is_str(name.get())) {
            raise(ts, interp.exc.TypeError, std::string("Item in ") + (skip_private ? "__dict__" : "__all__") +
                                                " must be str, not " + type_name(name.get()));
            return false;
        }
        if (skip_private && str_utf8(name.get()).substr(0, 1) == "_") continue;
        Ref<> value = object_getattr(ts, module, name.get());
        if (!value) return false;
        if (object_setitem(ts, locals, name.get(), value.get()) < 0) return false;
    }
    return !error_occurred(ts);
}

}  // namespace gp
