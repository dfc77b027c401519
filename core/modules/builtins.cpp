// builtins.cpp — the builtins module: print, len, repr, abs, isinstance, ...
//
// Mirrors CPython 3.11's Python/bltinmodule.c. Each function checks its
// arguments with CPython's messages and delegates to the object protocols in
// objects/abstract.h — the builtins themselves hold almost no logic. The
// lazy iterator classes (enumerate, zip, map, filter, reversed) live in
// objects/iterobject.cpp, open()'s file objects in objects/fileobject.cpp.
//
// A builtin called from Python code runs with ts->frame still pointing at
// the caller's frame (calling a C++ function pushes no frame), which is how
// globals(), locals(), vars(), dir(), exec() and eval() find "the current
// scope", as CPython's PyEval_GetGlobals/GetLocals do.
#include "modules/builtins.h"
#include "modules/modules.h"
#include "modules/build_class.h"

#include <iostream>

#include "compiler/compiler.h"
#include "compiler/source_encoding.h"
#include "objects/genericaliasobject.h"
#include "objects/unionobject.h"
#include "objects/mappingproxy.h"
#include "objects/namespaceobject.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/complexobject.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/fileobject.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/eval.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"
#include "runtime/threads.h"

namespace gp {

static Ref<> none_ref(ThreadState* ts) { return newref(ts->interp->None); }

static std::nullptr_t type_error(ThreadState* ts, const std::string& msg) {
    return raise(ts, ts->interp->exc.TypeError, msg);
}

// METH_O functions: "len() takes exactly one argument (2 given)".
static bool one_arg(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 1, 1);
}

// Functions using _PyArg_CheckPositional: "setattr expected 3 arguments, got 1".
static bool positional(ThreadState* ts, const char* name, isize nargs, TupleObject* kw, isize min, isize max) {
    return check_no_kwargs(ts, name, kw) && check_positional(ts, name, nargs, min, max);
}

// Argument Clinic's keyword parsing, with its message for a required
// parameter that may be passed by keyword: "round() missing required
// argument 'number' (pos 1)" (parse_kwargs says "takes at least ..." when no
// keyword was given, which is right only for positional-only parameters).
static bool parse_clinic(ThreadState* ts, const char* fname, const char* const* names, int nparams, int nrequired,
                         Object* const* args, isize nargs, TupleObject* kw, Object** out) {
    if (!parse_kwargs(ts, fname, names, nparams, 0, 0, args, nargs, kw, out)) return false;
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            type_error(ts, std::string(fname) + "() missing required argument '" + names[i] + "' (pos " +
                               std::to_string(i + 1) + ")");
            return false;
        }
    }
    return true;
}

bool default_read_line(std::string& line) {
    return bool(std::getline(std::cin, line));
}

// ------------------------------------------------------------ output and input

// print(*objects, sep=' ', end='\n', file=None, flush=False)
static Ref<> builtin_print(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    Interpreter& interp = *ts->interp;
    Object* sep = nullptr;
    Object* end = nullptr;
    Object* file = nullptr;
    Object* flush = nullptr;
    isize nkw = kwnames ? kwnames->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view key = str_utf8(kwnames->ob_item[k]);
        Object* v = args[nargs + k];
        if (key == "sep") sep = v;
        else if (key == "end") end = v;
        else if (key == "file") file = v;
        else if (key == "flush") flush = v;
        else return type_error(ts, "'" + std::string(key) + "' is an invalid keyword argument for print()");
    }
    if (sep == interp.None) sep = nullptr;
    if (end == interp.None) end = nullptr;
    if (file == interp.None) file = nullptr;
    if (sep && !is_str(sep)) return type_error(ts, std::string("sep must be None or a string, not ") + type_name(sep));
    if (end && !is_str(end)) return type_error(ts, std::string("end must be None or a string, not ") + type_name(end));
    Ref<> target;
    if (file) {
        target = newref(file);
    } else {
        target = object_getattr_cstr(ts, interp.sys, "stdout");
        if (!target) return nullptr;
        if (target.get() == interp.None) return none_ref(ts);   // sys.stdout = None: print() does nothing
    }
    Ref<> write = object_getattr_cstr(ts, target.get(), "write");
    if (!write) return nullptr;
    // The interpreter's own sys.stdout/stderr get the whole line in one
    // write, so one print() reaches the host as one chunk. Any other file
    // sees CPython's sequence of writes: each str(arg), each sep, the end.
    if (type_of(target.get()) == interp.types.stdstream) {
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
        if (!text || !object_call_one(ts, write.get(), text.get())) return nullptr;
    } else {
        Ref<> space, newline;
        for (isize i = 0; i < nargs; i++) {
            if (i) {
                if (!sep && !space && !(space = str_from_utf8(ts, " "))) return nullptr;
                if (!object_call_one(ts, write.get(), sep ? sep : space.get())) return nullptr;
            }
            Ref<> s = object_str(ts, args[i]);
            if (!s || !object_call_one(ts, write.get(), s.get())) return nullptr;
        }
        if (!end && !(newline = str_from_utf8(ts, "\n"))) return nullptr;
        if (!object_call_one(ts, write.get(), end ? end : newline.get())) return nullptr;
    }
    if (flush) {
        int t = object_is_true(ts, flush);
        if (t < 0) return nullptr;
        if (t && !call_method(ts, target.get(), "flush", nullptr, 0)) return nullptr;
    }
    return none_ref(ts);
}

// Calls sys.<stream>.flush() if the stream exists and has one.
static bool flush_sys_stream(ThreadState* ts, const char* name) {
    Ref<> s = object_getattr_cstr(ts, ts->interp->sys, name);
    if (!s) { error_clear(ts); return true; }
    if (s.get() == ts->interp->None) return true;
    Ref<> f = object_getattr_cstr(ts, s.get(), "flush");
    if (!f) { error_clear(ts); return true; }
    return bool(object_call_noargs(ts, f.get()));
}

// input(prompt='', /): the prompt goes to sys.stdout, the line comes from the
// interpreter's read_line hook (stdin natively, the page under wasm).
static Ref<> builtin_input(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "input", nargs, kw, 0, 1)) return nullptr;
    Interpreter& interp = *ts->interp;
    if (!flush_sys_stream(ts, "stderr")) return nullptr;
    if (nargs == 1) {
        Ref<> prompt = object_str(ts, args[0]);
        if (!prompt || !write_stdout(ts, prompt.get())) return nullptr;
    }
    if (!flush_sys_stream(ts, "stdout")) return nullptr;
    std::string line;
    bool got = false;
    if (interp.read_line) {
        GilRelease unlocked(ts);   // other threads run while we wait for the user
        got = interp.read_line(line);
    }
    // A host interrupt (the Stop button, Ctrl+C) ends the wait for a line.
    if (!got && !handle_interrupt(ts)) return nullptr;
    if (!got) return raise(ts, interp.exc.EOFError, "EOF when reading a line");
    return str_from_utf8(ts, line);
}

// ------------------------------------------------------------ simple functions of one object

static Ref<> builtin_len(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "len", nargs, kw)) return nullptr;
    isize n = object_length(ts, args[0]);
    if (n < 0) return nullptr;
    return int_from_i64(ts, n);
}

static Ref<> builtin_repr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "repr", nargs, kw)) return nullptr;
    return object_repr(ts, args[0]);
}

static Ref<> builtin_ascii(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "ascii", nargs, kw)) return nullptr;
    return object_ascii(ts, args[0]);
}

static Ref<> builtin_abs(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "abs", nargs, kw)) return nullptr;
    return number_absolute(ts, args[0]);
}

static Ref<> builtin_id(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "id", nargs, kw)) return nullptr;
    return int_from_u64(ts, reinterpret_cast<uintptr_t>(args[0]));
}

static Ref<> builtin_hash(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "hash", nargs, kw)) return nullptr;
    int64_t h = object_hash(ts, args[0]);
    if (h == -1 && error_occurred(ts)) return nullptr;
    return int_from_i64(ts, h);
}

static Ref<> builtin_callable(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "callable", nargs, kw)) return nullptr;
    return bool_from(ts, is_callable(args[0]));
}

// bin(), oct(), hex(): PyNumber_ToBase — __index__, then the prefixed digits.
static Ref<> to_base(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw, int base) {
    if (!one_arg(ts, name, nargs, kw)) return nullptr;
    Ref<> v = number_index(ts, args[0]);
    if (!v) return nullptr;
    return int_to_str(ts, v.get(), base);
}
static Ref<> builtin_bin(ThreadState* ts, Object*, Object* const* a, isize n, TupleObject* kw) { return to_base(ts, "bin", a, n, kw, 2); }
static Ref<> builtin_oct(ThreadState* ts, Object*, Object* const* a, isize n, TupleObject* kw) { return to_base(ts, "oct", a, n, kw, 8); }
static Ref<> builtin_hex(ThreadState* ts, Object*, Object* const* a, isize n, TupleObject* kw) { return to_base(ts, "hex", a, n, kw, 16); }

static Ref<> builtin_chr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!one_arg(ts, "chr", nargs, kw)) return nullptr;
    isize v;
    if (!is_int(args[0]) && !(type_of(args[0])->tp_as_number && type_of(args[0])->tp_as_number->nb_index))
        return type_error(ts, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
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
    if (!one_arg(ts, "ord", nargs, kw)) return nullptr;
    Object* c = args[0];
    std::string_view raw;
    if (bytes_like_view(c, &raw) && !is_memoryview(c)) {
        if (raw.size() != 1)
            return type_error(ts, "ord() expected a character, but string of length " + isize_str(isize(raw.size())) + " found");
        return int_from_i64(ts, uint8_t(raw[0]));
    }
    if (!is_str(c))
        return type_error(ts, std::string("ord() expected string of length 1, but ") + type_name(c) + " found");
    StrObject* s = as_str(c);
    if (s->length != 1)
        return type_error(ts, "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
    return int_from_i64(ts, str_char_at(s, 0));
}

// format(value, format_spec='', /)
static Ref<> builtin_format(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "format", nargs, kw, 1, 2)) return nullptr;
    Object* spec = nargs > 1 ? args[1] : nullptr;
    if (spec && !is_str(spec))
        return type_error(ts, std::string("format() argument 2 must be str, not ") + type_name(spec));
    return object_format(ts, args[0], spec);
}

// ------------------------------------------------------------ iteration

// all(iterable, /) and any(iterable, /): stop at the first deciding item.
static Ref<> all_any(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw, bool want) {
    if (!one_arg(ts, name, nargs, kw)) return nullptr;
    Ref<> it = object_get_iter(ts, args[0]);
    if (!it) return nullptr;
    while (Ref<> x = iter_next(ts, it.get())) {
        int t = object_is_true(ts, x.get());
        if (t < 0) return nullptr;
        if (bool(t) == want) return bool_from(ts, want);
    }
    if (error_occurred(ts)) return nullptr;
    return bool_from(ts, !want);
}
static Ref<> builtin_all(ThreadState* ts, Object*, Object* const* a, isize n, TupleObject* kw) { return all_any(ts, "all", a, n, kw, false); }
static Ref<> builtin_any(ThreadState* ts, Object*, Object* const* a, isize n, TupleObject* kw) { return all_any(ts, "any", a, n, kw, true); }

// iter(iterable) / iter(callable, sentinel)
static Ref<> builtin_iter(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (kw && kw->ob_size) return type_error(ts, "iter() takes no keyword arguments");
    if (!check_positional(ts, "iter", nargs, 1, 2)) return nullptr;
    if (nargs == 1) {
        Object* o = args[0];
        TypeObject* t = type_of(o);
        // The old sequence protocol: __getitem__ without __iter__.
        if (!t->tp_iter && !is_dict(o) && t->tp_as_sequence && t->tp_as_sequence->sq_item) return seqiter_new(ts, o);
        return object_get_iter(ts, o);
    }
    if (!is_callable(args[0])) return type_error(ts, "iter(v, w): v must be callable");
    return calliter_new(ts, args[0], args[1]);
}

// next(iterator[, default])
static Ref<> builtin_next(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "next", nargs, kw, 1, 2)) return nullptr;
    Object* it = args[0];
    if (!type_of(it)->tp_iternext) return type_error(ts, std::string("'") + type_name(it) + "' object is not an iterator");
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

// min()/max() over one iterable or several arguments, with key= and default=
// (bltinmodule.c: min_max). Ties keep the first item seen.
static Ref<> min_max(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw, CompareOp op) {
    Interpreter& interp = *ts->interp;
    Object* key = nullptr;
    Object* dflt = nullptr;
    isize nkw = kw ? kw->ob_size : 0;
    for (isize k = 0; k < nkw; k++) {
        std::string_view kname = str_utf8(kw->ob_item[k]);
        if (kname == "key") key = args[nargs + k];
        else if (kname == "default") dflt = args[nargs + k];
        else return type_error(ts, "'" + std::string(kname) + "' is an invalid keyword argument for " + name + "()");
    }
    if (key == interp.None) key = nullptr;
    if (nargs == 0) return type_error(ts, std::string(name) + " expected at least 1 argument, got 0");
    if (nargs > 1 && dflt)
        return type_error(ts, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
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

// sum(iterable, /, start=0). 3.11 adds strictly left to right (its int and
// float fast paths give the same results as repeated `+`; the compensated
// float summation arrived in 3.12), so repeated NB_ADD is exact.
static Ref<> builtin_sum(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"iterable", "start"};
    static const ArgSpec spec{"sum", names, 2, 1, 2, 1};
    if (nargs == 0) return type_error(ts, "sum() takes at least 1 positional argument (0 given)");
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    Ref<> total = a[1] ? newref(a[1]) : int_from_i64(ts, 0);
    if (!total) return nullptr;
    if (is_str(total.get())) return type_error(ts, "sum() can't sum strings [use ''.join(seq) instead]");
    if (isinstance_of(total.get(), interp.types.bytes)) return type_error(ts, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (isinstance_of(total.get(), interp.types.bytearray))
        return type_error(ts, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Ref<> it = object_get_iter(ts, a[0]);
    if (!it) return nullptr;
    // bltinmodule.c's fast paths: exact ints (and bools) add up in an
    // int64 while they fit, exact floats (and such ints) in a double; the
    // first item that does not fit continues on the generic path.
    int64_t isum;
    if (type_of(total.get()) == interp.types.int_ && int_as_i64(total.get(), &isum)) {
        Ref<> x;
        while ((x = iter_next(ts, it.get()))) {
            int64_t v, next_sum;
            TypeObject* xt = type_of(x.get());
            if ((xt == interp.types.int_ || xt == interp.types.bool_) && int_as_i64(x.get(), &v) &&
                !__builtin_add_overflow(isum, v, &next_sum)) {
                isum = next_sum;
                continue;
            }
            break;
        }
        total = int_from_i64(ts, isum);
        if (!total) return nullptr;
        if (!x) {
            if (error_occurred(ts)) return nullptr;
            return total;
        }
        total = number_binary_op(ts, total.get(), x.get(), NB_ADD);
        if (!total) return nullptr;
    }
    if (type_of(total.get()) == interp.types.float_) {
        double fsum = static_cast<FloatObject*>(total.get())->ob_fval;
        Ref<> x;
        while ((x = iter_next(ts, it.get()))) {
            int64_t v;
            TypeObject* xt = type_of(x.get());
            if (xt == interp.types.float_) { fsum += static_cast<FloatObject*>(x.get())->ob_fval; continue; }
            if ((xt == interp.types.int_ || xt == interp.types.bool_) && int_as_i64(x.get(), &v) &&
                v > -(int64_t(1) << 53) && v < (int64_t(1) << 53)) {
                fsum += double(v);
                continue;
            }
            break;
        }
        total = float_from_double(ts, fsum);
        if (!total) return nullptr;
        if (!x) {
            if (error_occurred(ts)) return nullptr;
            return total;
        }
        total = number_binary_op(ts, total.get(), x.get(), NB_ADD);
        if (!total) return nullptr;
    }
    while (Ref<> x = iter_next(ts, it.get())) {
        total = number_binary_op(ts, total.get(), x.get(), NB_ADD);
        if (!total) return nullptr;
    }
    if (error_occurred(ts)) return nullptr;
    return total;
}

// sorted(iterable, /, *, key=None, reverse=False): list(iterable), sorted
// in place as list.sort() does it (so the keyword errors name sort()).
static Ref<> builtin_sorted(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_positional(ts, "sorted", nargs, 1, 1)) return nullptr;
    static const char* const names[] = {"key", "reverse"};
    Object* a[2];
    if (!parse_kwargs(ts, "sort", names, 2, 0, 0, args + nargs, 0, kw, a)) return nullptr;
    Object* key = a[0] == ts->interp->None ? nullptr : a[0];
    bool reverse = false;
    if (a[1]) {
        Ref<> r = number_index(ts, a[1]);
        if (!r) return nullptr;
        reverse = int_sign(r.get()) != 0;
    }
    Ref<ListObject> list = list_from_iterable(ts, args[0]);
    if (!list) return nullptr;
    if (!list_sort(ts, list.get(), key, reverse)) return nullptr;
    return list;
}

// ------------------------------------------------------------ numbers

static Ref<> builtin_divmod(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "divmod", nargs, kw, 2, 2)) return nullptr;
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
    return type_error(ts, std::string("unsupported operand type(s) for divmod(): '") + ta->tp_name + "' and '" +
                              tb->tp_name + "'");
}

static Ref<> builtin_pow(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"base", "exp", "mod"};
    Object* a[3];
    if (!parse_clinic(ts, "pow", names, 3, 2, args, nargs, kw, a)) return nullptr;
    return number_power(ts, a[0], a[1], a[2] ? a[2] : ts->interp->None);
}

// round(number, ndigits=None): type(number).__round__(number[, ndigits]).
static Ref<> builtin_round(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"number", "ndigits"};
    Object* a[2];
    if (!parse_clinic(ts, "round", names, 2, 1, args, nargs, kw, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    Object* ndigits = a[1] == interp.None ? nullptr : a[1];
    Ref<> meth = lookup_special(ts, a[0], interp.intern("__round__"));
    if (!meth) {
        if (error_occurred(ts)) return nullptr;
        return type_error(ts, "type " + type_of(a[0])->tp_name + " doesn't define __round__ method");
    }
    if (!ndigits) return object_call_noargs(ts, meth.get());
    return object_call_one(ts, meth.get(), ndigits);
}

// ------------------------------------------------------------ attributes and types

static Ref<> builtin_getattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "getattr", nargs, kw, 2, 3)) return nullptr;
    if (!is_str(args[1]))
        return type_error(ts, std::string("attribute name must be string, not '") + type_name(args[1]) + "'");
    Ref<> r = object_getattr(ts, args[0], args[1]);
    if (!r && nargs == 3 && error_matches(ts, ts->interp->exc.AttributeError)) {
        error_clear(ts);
        return newref(args[2]);
    }
    return r;
}

static Ref<> builtin_setattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "setattr", nargs, kw, 3, 3)) return nullptr;
    if (object_setattr(ts, args[0], args[1], args[2]) < 0) return nullptr;
    return none_ref(ts);
}

static Ref<> builtin_delattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "delattr", nargs, kw, 2, 2)) return nullptr;
    if (object_setattr(ts, args[0], args[1], nullptr) < 0) return nullptr;
    return none_ref(ts);
}

static Ref<> builtin_hasattr(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "hasattr", nargs, kw, 2, 2)) return nullptr;
    if (!is_str(args[1]))
        return type_error(ts, std::string("attribute name must be string, not '") + type_name(args[1]) + "'");
    Ref<> r = object_getattr(ts, args[0], args[1]);
    if (r) return bool_from(ts, true);
    if (!error_matches(ts, ts->interp->exc.AttributeError)) return nullptr;
    error_clear(ts);
    return bool_from(ts, false);
}

// isinstance() and issubclass(): PyObject_IsInstance / PyObject_IsSubclass
// (typeobject.h: MRO, tuples, and the metaclass's __instancecheck__ /
// __subclasscheck__ for abc.ABCMeta's virtual subclasses).
static Ref<> builtin_isinstance(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "isinstance", nargs, kw, 2, 2)) return nullptr;
    int r = object_isinstance(ts, args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

static Ref<> builtin_issubclass(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "issubclass", nargs, kw, 2, 2)) return nullptr;
    int r = object_issubclass(ts, args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from(ts, r);
}

// ------------------------------------------------------------ scopes: globals, locals, vars, dir

static Ref<> builtin_globals(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "globals", kw) || !check_nargs(ts, "globals", nargs, 0, 0)) return nullptr;
    if (!ts->frame) return none_ref(ts);
    return newref<Object>(ts->frame->globals);
}

static Ref<> current_locals(ThreadState* ts) {
    if (!ts->frame) return raise(ts, ts->interp->exc.SystemError, "frame does not exist");
    return frame_locals(ts, ts->frame);
}

static Ref<> builtin_locals(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "locals", kw) || !check_nargs(ts, "locals", nargs, 0, 0)) return nullptr;
    return current_locals(ts);
}

// vars([object]): locals(), or object.__dict__.
static Ref<> builtin_vars(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "vars", nargs, kw, 0, 1)) return nullptr;
    if (nargs == 0) return current_locals(ts);
    Ref<> d = object_getattr(ts, args[0], ts->interp->intern("__dict__"));
    if (!d && error_matches(ts, ts->interp->exc.AttributeError)) {
        error_clear(ts);
        return type_error(ts, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// dir([object]): the sorted names of the current scope, or of
// type(object).__dir__(object).
static Ref<> builtin_dir(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "dir", nargs, kw, 0, 1)) return nullptr;
    Ref<> names;
    if (nargs == 0) {
        Ref<> locals = current_locals(ts);
        if (!locals) return nullptr;
        names = call_method(ts, locals.get(), "keys", nullptr, 0);
    } else {
        Ref<> dirfunc = lookup_special(ts, args[0], ts->interp->intern("__dir__"));
        if (!dirfunc) {
            if (!error_occurred(ts)) type_error(ts, "object does not provide __dir__");
            return nullptr;
        }
        names = object_call_noargs(ts, dirfunc.get());
    }
    if (!names) return nullptr;
    Ref<ListObject> list = list_from_iterable(ts, names.get());
    if (!list || !list_sort(ts, list.get())) return nullptr;
    return list;
}

// ------------------------------------------------------------ compile, exec, eval

// The text of a source argument (str, or bytes-like as UTF-8); false with
// no error set when `src` is neither.
// The future features (from __future__ import ...) of the code calling
// compile(), exec() or eval(): the code it compiles inherits them.
static int caller_future_flags(ThreadState* ts) {
    return ts->frame ? ts->frame->code->co_flags & kFutureFlagsMask : 0;
}

static bool source_text(Object* src, std::string* out) {
    if (is_str(src)) {
        *out = std::string(str_utf8(src));
        return true;
    }
    std::string_view raw;
    if (bytes_like_view(src, &raw)) {
        *out = std::string(raw);
        return true;
    }
    return false;
}

static bool parse_mode(ThreadState* ts, Object* mode, ParseMode* out) {
    if (!is_str(mode)) {
        type_error(ts, std::string("compile() argument 'mode' must be str, not ") + type_name(mode));
        return false;
    }
    std::string_view m = str_utf8(mode);
    if (m == "exec") *out = ParseMode::Exec;
    else if (m == "eval") *out = ParseMode::Eval;
    else if (m == "single") *out = ParseMode::Single;
    else {
        raise(ts, ts->interp->exc.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return false;
    }
    return true;
}

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1,
// *, _feature_version=-1). Flags and optimize are accepted and ignored: no
// future features, no AST objects, asserts always compiled.
static Ref<> builtin_compile(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version"};
    if (nargs > 6)
        return type_error(ts, "compile() takes at most 6 positional arguments (" + isize_str(nargs) + " given)");
    Object* a[7];
    if (!parse_clinic(ts, "compile", names, 7, 3, args, nargs, kw, a)) return nullptr;
    std::string text;
    bool is_source = source_text(a[0], &text);
    std::string filename;
    if (!source_text(a[1], &filename) || is_memoryview(a[1]))
        return type_error(ts, std::string("expected str, bytes or os.PathLike object, not ") + type_name(a[1]));
    if (a[3] && !is_int(a[3])) return type_error(ts, "'" + std::string(type_name(a[3])) + "' object cannot be interpreted as an integer");
    int64_t flags = 0;
    if (a[3] && !int_as_i64(a[3], &flags)) flags = 0;
    // Bytes are a file's contents: their coding comment applies (PEP 263).
    if (is_source && !is_str(a[0])) {
        std::string decoded;
        if (!decode_source_bytes(ts, text, filename, /*from_file=*/false, &decoded)) return nullptr;
        text = std::move(decoded);
    }
    constexpr int64_t kOnlyAst = 0x400;   // ast.PyCF_ONLY_AST
    // AST objects in or out: the ast module (core/lib/ast.py) does that work,
    // over the parser's tree (_glasspy.ast_text) and back through source.
    if (!is_source || (flags & kOnlyAst)) {
        Ref<> ast = import_module(ts, "ast");
        if (!ast) return nullptr;
        Ref<> fn = object_getattr_cstr(ts, ast.get(), "_compile");
        if (!fn) return nullptr;
        Ref<> fname = str_from_utf8(ts, filename);
        Ref<> fl = int_from_i64(ts, flags);
        Ref<> src = is_source ? str_from_utf8(ts, text) : newref(a[0]);
        if (!fname || !fl || !src) return nullptr;
        Object* call_args[] = {src.get(), fname.get(), a[2], fl.get()};
        return object_vectorcall(ts, fn.get(), call_args, 4);
    }
    ParseMode mode;
    if (!parse_mode(ts, a[2], &mode)) return nullptr;
    // Future features: those asked for, plus the caller's unless
    // dont_inherit is true.
    int future = int(flags & kFutureFlagsMask);
    int dont_inherit = a[4] ? object_is_true(ts, a[4]) : 0;
    if (dont_inherit < 0) return nullptr;
    if (!dont_inherit) future |= caller_future_flags(ts);
    return compile_source(ts, text, filename, mode, future);
}

// The globals/locals of exec() and eval() (bltinmodule.c: builtin_exec_impl
// and builtin_eval_impl): None means the caller's; a globals dict without
// __builtins__ receives the current builtins dict.
static bool exec_namespaces(ThreadState* ts, const char* fname, Object* globals, Object* locals, DictObject** g_out,
                            Ref<>* l_out) {
    Interpreter& interp = *ts->interp;
    bool is_exec = std::string_view(fname) == "exec";
    if (globals == interp.None) globals = nullptr;
    if (locals == interp.None) locals = nullptr;
    if (globals && !is_dict(globals)) {
        TypeObject* t = type_of(globals);
        if (is_exec) type_error(ts, std::string("exec() globals must be a dict, not ") + type_name(globals));
        else if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
            type_error(ts, "globals must be a real dict; try eval(expr, {}, mapping)");
        else type_error(ts, "globals must be a dict");
        return false;
    }
    if (locals) {
        TypeObject* t = type_of(locals);
        if (!(t->tp_as_mapping && t->tp_as_mapping->mp_subscript)) {
            if (is_exec) type_error(ts, std::string("locals must be a mapping or None, not ") + type_name(locals));
            else type_error(ts, "locals must be a mapping");
            return false;
        }
    }
    Ref<> l;
    if (!globals) {
        if (!ts->frame) {
            raise(ts, interp.exc.SystemError, std::string(fname) + "(): no globals and no current frame");
            return false;
        }
        globals = ts->frame->globals;
        if (locals) {
            l = newref(locals);
        } else {
            l = current_locals(ts);
            if (!l) return false;
        }
    } else {
        l = newref(locals ? locals : globals);
    }
    DictObject* g = as_dict(globals);
    if (!dict_get_cstr(ts, g, "__builtins__")) {
        if (error_occurred(ts)) return false;
        Object* b = ts->frame ? static_cast<Object*>(ts->frame->builtins) : interp.builtins;
        if (!dict_set_cstr(ts, g, "__builtins__", b)) return false;
    }
    *g_out = g;
    *l_out = std::move(l);
    return true;
}

// Compiles or checks the first argument of exec()/eval(). Source text
// leaves the objects of its constants in *ast_objects, for the caller to
// hold while the code runs (as PyRun_StringFlags holds the AST's arena).
static Ref<CodeObject> exec_code(ThreadState* ts, const char* fname, Object* src, ParseMode mode,
                                 std::vector<Ref<>>* ast_objects) {
    if (is_code(src)) {
        auto* co = static_cast<CodeObject*>(src);
        if (co->co_nfreevars > 0)
            return raise(ts, ts->interp->exc.TypeError,
                         std::string("code object passed to ") + fname + "() may not contain free variables");
        return newref(co);
    }
    std::string text;
    if (!source_text(src, &text))
        return raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() arg 1 must be a string, bytes or code object");
    if (!is_str(src)) {
        std::string decoded;
        if (!decode_source_bytes(ts, text, "<string>", /*from_file=*/false, &decoded)) return nullptr;
        text = std::move(decoded);
    }
    if (mode == ParseMode::Eval) {
        // eval() ignores leading spaces and tabs, so "  1 + 1" is fine.
        std::size_t i = text.find_first_not_of(" \t");
        text.erase(0, i == std::string::npos ? text.size() : i);
    }
    return compile_source(ts, text, "<string>", mode, caller_future_flags(ts), ast_objects);
}

// exec(source, globals=None, locals=None, /, *, closure=None)
static Ref<> builtin_exec(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"source", "globals", "locals", "closure"};
    if (nargs == 0) return type_error(ts, "exec() takes at least 1 positional argument (0 given)");
    if (nargs > 3) return type_error(ts, "exec() takes at most 3 positional arguments (" + isize_str(nargs) + " given)");
    Object* a[4];
    if (!parse_kwargs(ts, "exec", names, 4, 1, 3, args, nargs, kw, a)) return nullptr;
    DictObject* globals;
    Ref<> locals;
    if (!exec_namespaces(ts, "exec", a[1], a[2], &globals, &locals)) return nullptr;
    std::vector<Ref<>> ast_objects;
    Ref<CodeObject> code = exec_code(ts, "exec", a[0], ParseMode::Exec, &ast_objects);
    if (!code) return nullptr;
    Ref<> r = eval_code(ts, code.get(), globals, locals.get());
    if (!r) return nullptr;
    return none_ref(ts);
}

// eval(source, globals=None, locals=None, /)
static Ref<> builtin_eval(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (kw && kw->ob_size) return type_error(ts, "eval() takes no keyword arguments");
    if (!check_positional(ts, "eval", nargs, 1, 3)) return nullptr;
    DictObject* globals;
    Ref<> locals;
    if (!exec_namespaces(ts, "eval", nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, &globals, &locals))
        return nullptr;
    std::vector<Ref<>> ast_objects;
    Ref<CodeObject> code = exec_code(ts, "eval", args[0], ParseMode::Eval, &ast_objects);
    if (!code) return nullptr;
    return eval_code(ts, code.get(), globals, locals.get());
}

// ------------------------------------------------------------ the rest

// breakpoint(*args, **kws): sys.breakpointhook() would start pdb; there is
// no debugger here (the UI's panels are the debugger), so it does nothing.
static Ref<> builtin_breakpoint(ThreadState* ts, Object*, Object* const*, isize, TupleObject*) { return none_ref(ts); }

// help([object]): the interactive help system is not available; print the
// object's docstring, as help() shows it first.
static Ref<> builtin_help(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!positional(ts, "help", nargs, kw, 0, 1)) return nullptr;
    std::string text;
    if (nargs == 0) {
        text = "Welcome to glasspy's help. The interactive help utility is not available;\n"
               "call help(object) to see the documentation of an object.\n";
    } else {
        Object* o = args[0];
        std::string name;
        Ref<> n = object_getattr_cstr(ts, o, "__name__");
        if (n && is_str(n.get())) name = std::string(str_utf8(n.get()));
        else error_clear(ts);
        Ref<> doc = object_getattr_cstr(ts, o, "__doc__");
        if (!doc) error_clear(ts);
        std::string kind = type_has_flag(type_of(o), TPFLAGS_TYPE_SUBCLASS) ? "class" : type_name(o);
        text = "Help on " + kind + (name.empty() ? "" : " " + name) + ":\n\n";
        if (doc && is_str(doc.get())) {
            std::string_view d = str_utf8(doc.get());
            std::size_t start = 0;
            while (start <= d.size()) {
                std::size_t nl = d.find('\n', start);
                std::string_view line = d.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
                text += line.empty() ? "\n" : "    " + std::string(line) + "\n";
                if (nl == std::string_view::npos) break;
                start = nl + 1;
            }
        } else {
            text += "    (no documentation)\n";
        }
    }
    Ref<> s = str_from_utf8(ts, text);
    if (!s || !write_stdout(ts, s.get())) return nullptr;
    return none_ref(ts);
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
    {"abs", builtin_abs, 0, "abs($module, x, /)\n--\n\nReturn the absolute value of the argument."},
    {"all", builtin_all, 0, "all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."},
    {"any", builtin_any, 0, "any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."},
    {"ascii", builtin_ascii, 0, "ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object."},
    {"bin", builtin_bin, 0, "bin($module, number, /)\n--\n\nReturn the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"},
    {"breakpoint", builtin_breakpoint, 0, "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  (A no-op in glasspy.)"},
    {"callable", builtin_callable, 0, "callable($module, obj, /)\n--\n\nReturn whether the object is callable."},
    {"chr", builtin_chr, 0, "chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", builtin_compile, 0, "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code object that can be executed by exec() or eval()."},
    {"delattr", builtin_delattr, 0, "delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object."},
    {"dir", builtin_dir, 0, "dir([object]) -> list of strings"},
    {"divmod", builtin_divmod, 0, "divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", builtin_eval, 0, "eval($module, source, globals=None, locals=None, /)\n--\n\nEvaluate the given source in the context of globals and locals."},
    {"exec", builtin_exec, 0, "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nExecute the given source in the context of globals and locals."},
    {"format", builtin_format, 0, "format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec)"},
    {"getattr", builtin_getattr, 0, "getattr(object, name[, default]) -> value"},
    {"globals", builtin_globals, 0, "globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, 0, "hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name."},
    {"hash", builtin_hash, 0, "hash($module, obj, /)\n--\n\nReturn the hash value for the given object."},
    {"help", builtin_help, 0, "help([object])\nShow the documentation of an object."},
    {"hex", builtin_hex, 0, "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'"},
    {"id", builtin_id, 0, "id($module, obj, /)\n--\n\nReturn the identity of an object."},
    {"input", builtin_input, 0, "input($module, prompt='', /)\n--\n\nRead a string from standard input.  The trailing newline is stripped."},
    {"isinstance", builtin_isinstance, 0, "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, 0, "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, 0, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"len", builtin_len, 0, "len($module, obj, /)\n--\n\nReturn the number of items in a container."},
    {"locals", builtin_locals, 0, "locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local variables."},
    {"max", builtin_max, 0, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value"},
    {"min", builtin_min, 0, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value"},
    {"next", builtin_next, 0, "next(iterator[, default])\nReturn the next item from the iterator."},
    {"oct", builtin_oct, 0, "oct($module, number, /)\n--\n\nReturn the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"},
    {"open", builtin_open, 0, "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure."},
    {"ord", builtin_ord, 0, "ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."},
    {"pow", builtin_pow, 0, "pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", builtin_print, 0, "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"repr", builtin_repr, 0, "repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object."},
    {"round", builtin_round, 0, "round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, 0, "setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, 0, "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, 0, "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, 0, "vars([object]) -> dictionary"},
    {nullptr, nullptr, 0, nullptr},
};

bool init_builtin_object_types(ThreadState* ts) {
    return init_iter_types(ts) && init_bytes_types(ts) && init_complex_type(ts) && init_file_types(ts) &&
           init_union_type(ts) && init_namespace_type(ts) && init_module_constructor(ts) &&
           init_mappingproxy_type(ts) && init_generic_alias_type(ts);
}

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
        {"bool", interp.types.bool_}, {"memoryview", interp.types.memoryview},
        {"bytearray", interp.types.bytearray}, {"bytes", interp.types.bytes},
        {"classmethod", interp.types.classmethod}, {"complex", interp.types.complex},
        {"dict", interp.types.dict}, {"enumerate", interp.types.enumerate}, {"filter", interp.types.filter},
        {"float", interp.types.float_}, {"frozenset", interp.types.frozenset},
        {"property", interp.types.property}, {"int", interp.types.int_}, {"list", interp.types.list},
        {"map", interp.types.map}, {"object", interp.types.object}, {"range", interp.types.range},
        {"reversed", interp.types.reversed}, {"set", interp.types.set}, {"slice", interp.types.slice},
        {"staticmethod", interp.types.staticmethod}, {"str", interp.types.str}, {"super", interp.types.super_},
        {"tuple", interp.types.tuple}, {"type", interp.types.type}, {"zip", interp.types.zip},
    };
    for (auto& v : values)
        if (v.value && !dict_set_cstr(ts, d, v.name, v.value)) return nullptr;
    if (!dict_set_cstr(ts, d, "__debug__", interp.True)) return nullptr;
#define GP_ADD_EXC(name, base) \
    if (!dict_set_cstr(ts, d, #name, interp.exc.name)) return nullptr;
    GP_EXCEPTION_TYPES(GP_ADD_EXC)
#undef GP_ADD_EXC
    if (!dict_set_cstr(ts, d, "BaseExceptionGroup", interp.exc.BaseExceptionGroup) ||
        !dict_set_cstr(ts, d, "ExceptionGroup", interp.exc.ExceptionGroup))
        return nullptr;
    // The old names of OSError (PEP 3151).
    if (!dict_set_cstr(ts, d, "EnvironmentError", interp.exc.OSError) || !dict_set_cstr(ts, d, "IOError", interp.exc.OSError))
        return nullptr;
    return mod;
}

}  // namespace gp
