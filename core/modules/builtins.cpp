// builtins.cpp — the builtins module: print, len, repr, abs, isinstance, ...
//
// Mirrors CPython 3.11's Python/bltinmodule.c. Each function checks its
// arguments with CPython's messages and delegates to the object protocols in
// objects/abstract.h — the builtins themselves hold almost no logic.
#include "modules/builtins.h"
#include "modules/modules.h"
#include "modules/build_class.h"

#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

namespace gp {

static Ref<> none_ref(ThreadState* ts) { return newref(ts->interp->None); }

// print(*objects, sep=' ', end='\n', file=None, flush=False)
static Ref<> builtin_print(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    Object* sep = nullptr;
    Object* end = nullptr;
    Object* file = nullptr;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view key = str_utf8(kwnames->ob_item[k]);
        Object* v = args[nargs + k];
        if (key == "sep") sep = v;
        else if (key == "end") end = v;
        else if (key == "file") file = v;
        else if (key == "flush") continue;
        else return raise(ts, interp.exc.TypeError, "'" + std::string(key) + "' is an invalid keyword argument for print()");
    }
    if (sep == interp.None) sep = nullptr;
    if (end == interp.None) end = nullptr;
    if (file == interp.None) file = nullptr;
    if (sep && !is_str(sep))
        return raise(ts, interp.exc.TypeError, std::string("sep must be None or a string, not ") + type_name(sep));
    if (end && !is_str(end))
        return raise(ts, interp.exc.TypeError, std::string("end must be None or a string, not ") + type_name(end));
    Ref<> target;
    if (file) {
        target = newref(file);
    } else {
        target = object_getattr_cstr(ts, interp.sys, "stdout");
        if (!target) return nullptr;
    }
    Ref<> write = object_getattr_cstr(ts, target.get(), "write");
    if (!write) return nullptr;
    // Build the whole line first, then write once: the output of one print()
    // call reaches the host as one chunk.
    std::u32string line;
    for (isize i = 0; i < nargs; i++) {
        if (i) {
            if (sep) str_append_to(as_str(sep), line);
            else line.push_back(U' ');
        }
        Ref<> s = object_str(ts, args[i]);
        if (!s) return nullptr;
        str_append_to(as_str(s.get()), line);
    }
    if (end) str_append_to(as_str(end), line);
    else line.push_back(U'\n');
    Ref<> text = str_from_u32(ts, line);
    if (!text) return nullptr;
    Ref<> r = object_call_one(ts, write.get(), text.get());
    if (!r) return nullptr;
    return none_ref(ts);
}

static Ref<> builtin_len(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "len", kw) || !check_nargs(ts, "len", nargs, 1, 1)) return nullptr;
    isize n = object_length(ts, args[0]);
    if (n < 0) return nullptr;
    return int_from_i64(ts, n);
}

static Ref<> builtin_repr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "repr", kw) || !check_nargs(ts, "repr", nargs, 1, 1)) return nullptr;
    return object_repr(ts, args[0]);
}

static Ref<> builtin_ascii(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "ascii", kw) || !check_nargs(ts, "ascii", nargs, 1, 1)) return nullptr;
    return object_ascii(ts, args[0]);
}

static Ref<> builtin_abs(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "abs", kw) || !check_nargs(ts, "abs", nargs, 1, 1)) return nullptr;
    return number_absolute(ts, args[0]);
}

static Ref<> builtin_id(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "id", kw) || !check_nargs(ts, "id", nargs, 1, 1)) return nullptr;
    return int_from_u64(ts, reinterpret_cast<uintptr_t>(args[0]));
}

static Ref<> builtin_hash(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "hash", kw) || !check_nargs(ts, "hash", nargs, 1, 1)) return nullptr;
    int64_t h = object_hash(ts, args[0]);
    if (h == -1 && error_occurred(ts)) return nullptr;
    return int_from_i64(ts, h);
}

static Ref<> builtin_callable(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "callable", kw) || !check_nargs(ts, "callable", nargs, 1, 1)) return nullptr;
    return bool_from(ts, is_callable(args[0]));
}

// isinstance(obj, class_or_tuple)
static int isinstance_check(ThreadState* ts, Object* obj, Object* cls) {
    Interpreter& interp = *ts->interp;
    if (type_of(cls) == interp.types.tuple) {
        auto* t = as_tuple(cls);
        for (isize i = 0; i < t->ob_size; i++) {
            int r = isinstance_check(ts, obj, t->ob_item[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!type_has_flag(type_of(cls), TPFLAGS_TYPE_SUBCLASS)) {
        raise(ts, interp.exc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    return isinstance_of(obj, static_cast<TypeObject*>(cls)) ? 1 : 0;
}

static Ref<> builtin_isinstance(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "isinstance", kw) || !check_nargs(ts, "isinstance", nargs, 2, 2)) return nullptr;
    int r = isinstance_check(ts, args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> builtin_issubclass(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "issubclass", kw) || !check_nargs(ts, "issubclass", nargs, 2, 2)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (!type_has_flag(type_of(args[0]), TPFLAGS_TYPE_SUBCLASS))
        return raise(ts, interp.exc.TypeError, "issubclass() arg 1 must be a class");
    auto check = [&](Object* cls) -> int {
        if (!type_has_flag(type_of(cls), TPFLAGS_TYPE_SUBCLASS)) {
            raise(ts, interp.exc.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
            return -1;
        }
        return type_is_subtype(static_cast<TypeObject*>(args[0]), static_cast<TypeObject*>(cls)) ? 1 : 0;
    };
    if (type_of(args[1]) == interp.types.tuple) {
        auto* t = as_tuple(args[1]);
        for (isize i = 0; i < t->ob_size; i++) {
            int r = check(t->ob_item[i]);
            if (r < 0) return nullptr;
            if (r) return bool_from(ts, true);
        }
        return bool_from(ts, false);
    }
    int r = check(args[1]);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> builtin_iter(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "iter", kw) || !check_nargs(ts, "iter", nargs, 1, 1)) return nullptr;
    return object_get_iter(ts, args[0]);
}

static Ref<> builtin_next(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "next", kw) || !check_nargs(ts, "next", nargs, 1, 2)) return nullptr;
    Object* it = args[0];
    if (!type_of(it)->tp_iternext)
        return raise(ts, ts->interp->exc.TypeError, std::string("'") + type_name(it) + "' object is not an iterator");
    Ref<> r = type_of(it)->tp_iternext(ts, it);
    if (r) return r;
    if (error_occurred(ts) && !error_matches(ts, ts->interp->exc.StopIteration)) return nullptr;
    if (nargs == 2) {
        error_clear(ts);
        return newref(args[1]);
    }
    if (!error_occurred(ts)) raise_object(ts, ts->interp->exc.StopIteration);
    return nullptr;
}

// min()/max() over an iterable or several arguments (no key/default yet).
static Ref<> min_max(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw, CompareOp op) {
    Interpreter& interp = *ts->interp;
    Object* key = nullptr;
    Object* dflt = nullptr;
    isize nkw = kw ? kw->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view kname = str_utf8(kw->ob_item[k]);
        if (kname == "key") key = args[nargs + k];
        else if (kname == "default") dflt = args[nargs + k];
        else return raise(ts, interp.exc.TypeError, std::string(name) + "() got an unexpected keyword argument '" + std::string(kname) + "'");
    }
    if (key == interp.None) key = nullptr;
    if (nargs == 0)
        return raise(ts, interp.exc.TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (nargs > 1 && dflt)
        return raise(ts, interp.exc.TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    Ref<> it;
    Ref<TupleObject> argtuple;
    if (nargs == 1) {
        it = object_get_iter(ts, args[0]);
    } else {
        argtuple = tuple_from_array(ts, args, nargs);
        if (!argtuple) return nullptr;
        it = object_get_iter(ts, argtuple.get());
    }
    if (!it) return nullptr;
    Ref<> best, best_key;
    while (Ref<> x = iter_next(ts, it.get())) {
        Ref<> k = key ? object_call_one(ts, key, x.get()) : x.clone();
        if (!k) return nullptr;
        if (!best) {
            best = std::move(x);
            best_key = std::move(k);
            continue;
        }
        int cmp = object_richcompare_bool(ts, k.get(), best_key.get(), op);
        if (cmp < 0) return nullptr;
        if (cmp) {
            best = std::move(x);
            best_key = std::move(k);
        }
    }
    if (error_occurred(ts)) return nullptr;
    if (!best) {
        if (dflt) return newref(dflt);
        return raise(ts, interp.exc.ValueError, std::string(name) + "() arg is an empty sequence");
    }
    return best;
}

static Ref<> builtin_min(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return min_max(ts, "min", args, nargs, kw, Py_LT);
}
static Ref<> builtin_max(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return min_max(ts, "max", args, nargs, kw, Py_GT);
}

static Ref<> builtin_sum(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "start"};
    static const ArgSpec spec{"sum", names, 2, 1, 2, 1};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Ref<> total = a[1] ? newref(a[1]) : int_from_i64(ts, 0);
    if (!total) return nullptr;
    if (is_str(total.get()))
        return raise(ts, ts->interp->exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Ref<> it = object_get_iter(ts, a[0]);
    if (!it) return nullptr;
    while (Ref<> x = iter_next(ts, it.get())) {
        total = number_binary_op(ts, total.get(), x.get(), NB_ADD);
        if (!total) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return total;
}

static Ref<> builtin_divmod(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "divmod", kw) || !check_nargs(ts, "divmod", nargs, 2, 2)) return nullptr;
    Interpreter& interp = *ts->interp;
    TypeObject* ta = type_of(args[0]);
    TypeObject* tb = type_of(args[1]);
    for (int pass = 0; pass < 2; pass++) {
        TypeObject* t = pass == 0 ? ta : tb;
        if (pass == 1 && tb == ta) break;
        if (t->tp_as_number && t->tp_as_number->nb_divmod) {
            Ref<> r = t->tp_as_number->nb_divmod(ts, args[0], args[1]);
            if (!r || r.get() != interp.NotImplemented) return r;
        }
    }
    return raise(ts, interp.exc.TypeError, std::string("unsupported operand type(s) for divmod(): '") +
                                               ta->tp_name + "' and '" + tb->tp_name + "'");
}

static Ref<> builtin_pow(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"base", "exp", "mod"};
    static const ArgSpec spec{"pow", names, 3, 2, 3, 0};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    return number_power(ts, a[0], a[1], a[2] ? a[2] : ts->interp->None);
}

static Ref<> builtin_chr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "chr", kw) || !check_nargs(ts, "chr", nargs, 1, 1)) return nullptr;
    isize v;
    if (!is_int(args[0]) && !(type_of(args[0])->tp_as_number && type_of(args[0])->tp_as_number->nb_index))
        return raise(ts, ts->interp->exc.TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
    if (!index_as_isize(ts, args[0], &v)) {
        if (error_matches(ts, ts->interp->exc.IndexError)) {
            error_clear(ts);
            return raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C int");
        }
        return nullptr;
    }
    if (v < 0 || v > 0x10FFFF) return raise(ts, ts->interp->exc.ValueError, "chr() arg not in range(0x110000)");
    return str_from_char(ts, uint32_t(v));
}

static Ref<> builtin_ord(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "ord", kw) || !check_nargs(ts, "ord", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, ts->interp->exc.TypeError, std::string("ord() expected string of length 1, but ") + type_name(args[0]) + " found");
    StrObject* s = as_str(args[0]);
    if (s->length != 1)
        return raise(ts, ts->interp->exc.TypeError, "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
    return int_from_i64(ts, str_char_at(s, 0));
}

static Ref<> builtin_getattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getattr", kw) || !check_nargs(ts, "getattr", nargs, 2, 3)) return nullptr;
    if (!is_str(args[1])) return raise(ts, ts->interp->exc.TypeError, "getattr(): attribute name must be string");
    Ref<> r = object_getattr(ts, args[0], args[1]);
    if (!r && nargs == 3 && error_matches(ts, ts->interp->exc.AttributeError)) {
        error_clear(ts);
        return newref(args[2]);
    }
    return r;
}

static Ref<> builtin_setattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setattr", kw) || !check_nargs(ts, "setattr", nargs, 3, 3)) return nullptr;
    if (object_setattr(ts, args[0], args[1], args[2]) < 0) return nullptr;
    return none_ref(ts);
}

static Ref<> builtin_delattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "delattr", kw) || !check_nargs(ts, "delattr", nargs, 2, 2)) return nullptr;
    if (object_setattr(ts, args[0], args[1], nullptr) < 0) return nullptr;
    return none_ref(ts);
}

static Ref<> builtin_hasattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "hasattr", kw) || !check_nargs(ts, "hasattr", nargs, 2, 2)) return nullptr;
    if (!is_str(args[1])) return raise(ts, ts->interp->exc.TypeError, "hasattr(): attribute name must be string");
    Ref<> r = object_getattr(ts, args[0], args[1]);
    if (r) return bool_from(ts, true);
    if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
    error_clear(ts);
    return bool_from(ts, false);
}

static Ref<> builtin_globals(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "globals", kw) || !check_nargs(ts, "globals", nargs, 0, 0)) return nullptr;
    if (!ts->frame) return none_ref(ts);
    return newref<Object>(ts->frame->globals);
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
static Ref<> builtin_import(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"name", "globals", "locals", "fromlist", "level"};
    static const ArgSpec spec{"__import__", names, 5, 1, 5, 0};
    Object* a[5];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    return import_name(ts, a[0], a[1], a[3], a[4]);
}

static const MethodDef builtin_methods[] = {
    {"__import__", builtin_import, 0, "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"},
    {"__build_class__", builtin_build_class, 0, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."},
    {"abs", builtin_abs, 0, "abs(x, /)\nReturn the absolute value of the argument."},
    {"ascii", builtin_ascii, 0, "ascii(obj, /)\nReturn an ASCII-only representation of an object."},
    {"callable", builtin_callable, 0, "callable(obj, /)\nReturn whether the object is callable."},
    {"chr", builtin_chr, 0, "chr(i, /)\nReturn a Unicode string of one character with ordinal i."},
    {"delattr", builtin_delattr, 0, "delattr(obj, name, /)\nDeletes the named attribute from the given object."},
    {"divmod", builtin_divmod, 0, "divmod(x, y, /)\nReturn the tuple (x//y, x%y)."},
    {"getattr", builtin_getattr, 0, "getattr(object, name[, default]) -> value"},
    {"globals", builtin_globals, 0, "globals()\nReturn the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, 0, "hasattr(obj, name, /)\nReturn whether the object has an attribute with the given name."},
    {"hash", builtin_hash, 0, "hash(obj, /)\nReturn the hash value for the given object."},
    {"id", builtin_id, 0, "id(obj, /)\nReturn the identity of an object."},
    {"isinstance", builtin_isinstance, 0, "isinstance(obj, class_or_tuple, /)"},
    {"issubclass", builtin_issubclass, 0, "issubclass(cls, class_or_tuple, /)"},
    {"iter", builtin_iter, 0, "iter(iterable) -> iterator"},
    {"len", builtin_len, 0, "len(obj, /)\nReturn the number of items in a container."},
    {"max", builtin_max, 0, "max(iterable, *[, default=obj, key=func]) -> value"},
    {"min", builtin_min, 0, "min(iterable, *[, default=obj, key=func]) -> value"},
    {"next", builtin_next, 0, "next(iterator[, default])"},
    {"ord", builtin_ord, 0, "ord(c, /)\nReturn the Unicode code point for a one-character string."},
    {"pow", builtin_pow, 0, "pow(base, exp, mod=None)"},
    {"print", builtin_print, 0, "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"repr", builtin_repr, 0, "repr(obj, /)\nReturn the canonical string representation of the object."},
    {"setattr", builtin_setattr, 0, "setattr(obj, name, value, /)"},
    {"sum", builtin_sum, 0, "sum(iterable, /, start=0)"},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_builtins_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> mod = module_new(ts, "builtins");
    if (!mod) return nullptr;
    DictObject* d = mod->md_dict;
    Ref<> modname = str_intern_cstr(ts, "builtins");
    if (!modname) return nullptr;
    for (const MethodDef* def = builtin_methods; def->name; def++) {
        Ref<> f = cfunction_new(ts, def, mod.get(), modname.get());
        if (!f || !dict_set_cstr(ts, d, def->name, f.get())) return nullptr;
    }
    struct { const char* name; Object* value; } values[] = {
        {"None", interp.None}, {"Ellipsis", interp.Ellipsis}, {"NotImplemented", interp.NotImplemented},
        {"True", interp.True}, {"False", interp.False},
        {"bool", interp.types.bool_}, {"int", interp.types.int_}, {"float", interp.types.float_},
        {"str", interp.types.str}, {"tuple", interp.types.tuple}, {"list", interp.types.list},
        {"dict", interp.types.dict}, {"range", interp.types.range}, {"slice", interp.types.slice},
        {"set", interp.types.set}, {"frozenset", interp.types.frozenset},
        {"object", interp.types.object}, {"type", interp.types.type},
        {"property", interp.types.property}, {"classmethod", interp.types.classmethod},
        {"staticmethod", interp.types.staticmethod}, {"super", interp.types.super_},
    };
    for (auto& v : values)
        if (!dict_set_cstr(ts, d, v.name, v.value)) return nullptr;
#define GP_ADD_EXC(name, base) \
    if (!dict_set_cstr(ts, d, #name, interp.exc.name)) return nullptr;
    GP_EXCEPTION_TYPES(GP_ADD_EXC)
#undef GP_ADD_EXC
    if (!dict_set_cstr(ts, d, "__debug__", interp.True)) return nullptr;
    return mod;
}

}  // namespace gp
