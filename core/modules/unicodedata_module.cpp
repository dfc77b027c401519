// unicodedata_module.cpp — the `unicodedata` module: the Unicode 14.0.0
// character database (CPython 3.11's Modules/unicodedata.c) over the
// tables of objects/unicode_data.h and objects/unicode_db.h.
#include <cmath>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/bytesobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/unicode_data.h"
#include "objects/unicode_db.h"
#include "objects/unicode_internal.h"
#include "objects/unicodeobject.h"
#include "parser/literals.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// The one character of a str argument (Argument Clinic's "unicode
// character" converter).
static bool one_char(ThreadState* ts, const char* fname, Object* v, uint32_t* cp) {
    if (!is_str(v) || as_str(v)->length != 1) {
        raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() argument must be a unicode character, not " +
                                                 (is_str(v) ? "str" : type_name(v)));
        return false;
    }
    *cp = sget(as_str(v), 0);
    return true;
}

static bool nargs_in(ThreadState* ts, const char* fname, isize nargs, TupleObject* kw, isize min, isize max) {
    if (!check_no_kwargs(ts, fname, kw)) return false;
    if (nargs < min) {
        raise(ts, ts->interp->exc.TypeError, std::string(fname) + " expected " + (min == max ? "" : "at least ") +
                                                 std::to_string(min) + (min == 1 ? " argument, got " : " arguments, got ") +
                                                 std::to_string(nargs));
        return false;
    }
    if (nargs > max) {
        raise(ts, ts->interp->exc.TypeError, std::string(fname) + " expected " + (min == max ? "" : "at most ") +
                                                 std::to_string(max) + (max == 1 ? " argument, got " : " arguments, got ") +
                                                 std::to_string(nargs));
        return false;
    }
    return true;
}

static Ref<> ud_name(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!nargs_in(ts, "name", nargs, kw, 1, 2) || !one_char(ts, "name", args[0], &cp)) return nullptr;
    std::string name = unicode_char_name(cp);
    if (name.empty()) {
        if (nargs == 2) return newref(args[1]);
        return raise(ts, ts->interp->exc.ValueError, "no such name");
    }
    return str_from_utf8(ts, name);
}

static Ref<> ud_lookup(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "lookup", kw) || !check_nargs(ts, "lookup", nargs, 1, 1)) return nullptr;
    std::string_view name;
    if (is_str(args[0])) {
        name = str_utf8(args[0]);
    } else if (!need_bytes_like(ts, args[0], &name)) {
        return nullptr;
    }
    if (name.size() > 256) {
        Ref<> msg = str_from_utf8(ts, "name too long");
        return msg ? raise_key_error(ts, msg.get()) : nullptr;
    }
    uint32_t code;
    int64_t cp = literal_lookup_name(name, code) ? int64_t(code) : -1;   // names and aliases
    if (cp < 0) {
        Ref<> msg = str_from_utf8(ts, "undefined character name '" + std::string(name) + "'");
        return msg ? raise_key_error(ts, msg.get()) : nullptr;
    }
    return str_from_char(ts, uint32_t(cp));
}

using PropertyText = const char* (*)(uint32_t);

static Ref<> one_char_text(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                           PropertyText property) {
    uint32_t cp;
    if (!check_no_kwargs(ts, fname, kw) || !check_nargs(ts, fname, nargs, 1, 1) || !one_char(ts, fname, args[0], &cp))
        return nullptr;
    return str_from_utf8(ts, property(cp));
}

static Ref<> ud_category(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return one_char_text(ts, "category", args, nargs, kw,
                         [](uint32_t cp) { return kCategoryNames[unicode_data_record(cp).category]; });
}

static Ref<> ud_bidirectional(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return one_char_text(ts, "bidirectional", args, nargs, kw,
                         [](uint32_t cp) { return kBidiNames[unicode_data_record(cp).bidirectional]; });
}

static Ref<> ud_east_asian_width(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return one_char_text(ts, "east_asian_width", args, nargs, kw,
                         [](uint32_t cp) { return kEastAsianWidthNames[unicode_data_record(cp).east_asian_width]; });
}

static Ref<> ud_combining(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!check_no_kwargs(ts, "combining", kw) || !check_nargs(ts, "combining", nargs, 1, 1) ||
        !one_char(ts, "combining", args[0], &cp))
        return nullptr;
    return int_from_i64(ts, unicode_data_record(cp).combining);
}

static Ref<> ud_mirrored(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!check_no_kwargs(ts, "mirrored", kw) || !check_nargs(ts, "mirrored", nargs, 1, 1) ||
        !one_char(ts, "mirrored", args[0], &cp))
        return nullptr;
    return int_from_i64(ts, unicode_data_record(cp).mirrored);
}

static Ref<> ud_decomposition(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!check_no_kwargs(ts, "decomposition", kw) || !check_nargs(ts, "decomposition", nargs, 1, 1) ||
        !one_char(ts, "decomposition", args[0], &cp))
        return nullptr;
    return str_from_utf8(ts, unicode_decomposition_text(cp));
}

static Ref<> digit_like(ThreadState* ts, Object* const* args, isize nargs, int value, const char* error) {
    if (value >= 0) return int_from_i64(ts, value);
    if (nargs == 2) return newref(args[1]);
    return raise(ts, ts->interp->exc.ValueError, error);
}

static Ref<> ud_decimal(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!nargs_in(ts, "decimal", nargs, kw, 1, 2) || !one_char(ts, "decimal", args[0], &cp)) return nullptr;
    return digit_like(ts, args, nargs, uni_decimal(cp), "not a decimal");
}

static Ref<> ud_digit(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!nargs_in(ts, "digit", nargs, kw, 1, 2) || !one_char(ts, "digit", args[0], &cp)) return nullptr;
    return digit_like(ts, args, nargs, uni_digit(cp), "not a digit");
}

static Ref<> ud_numeric(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    uint32_t cp;
    if (!nargs_in(ts, "numeric", nargs, kw, 1, 2) || !one_char(ts, "numeric", args[0], &cp)) return nullptr;
    double v;
    if (unicode_numeric(cp, &v)) return float_from_double(ts, v);
    if (nargs == 2) return newref(args[1]);
    return raise(ts, ts->interp->exc.ValueError, "not a numeric character");
}

static bool parse_form(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                       bool* compat, bool* compose) {
    if (!check_no_kwargs(ts, fname, kw) || !check_nargs(ts, fname, nargs, 2, 2)) return false;
    for (int i = 0; i < 2; i++)
        if (!is_str(args[i])) {
            raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() argument " + std::to_string(i + 1) +
                                                     " must be str, not " + type_name(args[i]));
            return false;
        }
    std::string_view form = str_utf8(args[0]);
    if (form == "NFC") { *compat = false; *compose = true; }
    else if (form == "NFD") { *compat = false; *compose = false; }
    else if (form == "NFKC") { *compat = true; *compose = true; }
    else if (form == "NFKD") { *compat = true; *compose = false; }
    else {
        raise(ts, ts->interp->exc.ValueError, "invalid normalization form");
        return false;
    }
    return true;
}

static std::u32string as_u32(StrObject* s) {
    std::u32string text;
    text.reserve(std::size_t(s->length));
    for (isize i = 0; i < s->length; i++) text.push_back(char32_t(sget(s, i)));
    return text;
}

static Ref<> ud_normalize(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    bool compat, compose;
    if (!parse_form(ts, "normalize", args, nargs, kw, &compat, &compose)) return nullptr;
    StrObject* s = as_str(args[1]);
    if (s->ascii) return newref(args[1]);   // ASCII is in every normal form
    std::u32string text = as_u32(s);
    std::u32string out = unicode_normalize(text, compat, compose);
    if (out == text && type_of(args[1]) == ts->interp->types.str) return newref(args[1]);
    return str_from_u32(ts, out);
}

static Ref<> ud_is_normalized(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    bool compat, compose;
    if (!parse_form(ts, "is_normalized", args, nargs, kw, &compat, &compose)) return nullptr;
    StrObject* s = as_str(args[1]);
    if (s->ascii) return newref(ts->interp->True);
    std::u32string text = as_u32(s);
    return newref(unicode_normalize(text, compat, compose) == text ? ts->interp->True : ts->interp->False);
}

static const MethodDef unicodedata_methods[] = {
    {"bidirectional", ud_bidirectional, METH_DEFAULT,
     "bidirectional($module, chr, /)\n--\n\nReturns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned."},
    {"category", ud_category, METH_DEFAULT,
     "category($module, chr, /)\n--\n\nReturns the general category assigned to the character chr as string."},
    {"combining", ud_combining, METH_DEFAULT,
     "combining($module, chr, /)\n--\n\nReturns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined."},
    {"decimal", ud_decimal, METH_DEFAULT,
     "decimal($module, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"decomposition", ud_decomposition, METH_DEFAULT,
     "decomposition($module, chr, /)\n--\n\nReturns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined."},
    {"digit", ud_digit, METH_DEFAULT,
     "digit($module, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"east_asian_width", ud_east_asian_width, METH_DEFAULT,
     "east_asian_width($module, chr, /)\n--\n\nReturns the east asian width assigned to the character chr as string."},
    {"is_normalized", ud_is_normalized, METH_DEFAULT,
     "is_normalized($module, form, unistr, /)\n--\n\nReturn whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"lookup", ud_lookup, METH_DEFAULT,
     "lookup($module, name, /)\n--\n\nLook up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised."},
    {"mirrored", ud_mirrored, METH_DEFAULT,
     "mirrored($module, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},
    {"name", ud_name, METH_DEFAULT,
     "name($module, chr, default=<unrepresentable>, /)\n--\n\nReturns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised."},
    {"normalize", ud_normalize, METH_DEFAULT,
     "normalize($module, form, unistr, /)\n--\n\nReturn the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"numeric", ud_numeric, METH_DEFAULT,
     "numeric($module, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_unicodedata_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "unicodedata");
    if (!m || !module_add_functions(ts, m.get(), unicodedata_methods)) return nullptr;
    Ref<> version = str_from_utf8(ts, "14.0.0");
    if (!version || !module_add_object(ts, m.get(), "unidata_version", version.get())) return nullptr;
    return m;
}

}  // namespace gp
