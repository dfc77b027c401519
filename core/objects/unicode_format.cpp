// unicode_format.cpp — str.format / format_map, str.__format__ and the
// printf-style `str % args` operator.
//
// Mirrors CPython 3.11's Objects/stringlib/unicode_format.h (the
// str.format() template engine), Python/formatter_unicode.c (the format
// mini-language as str.__format__ applies it) and PyUnicode_Format in
// Objects/unicodeobject.c (% formatting).
//
// str.format() walks the template: literal text ('{{' and '}}' are escapes)
// alternates with replacement fields
//
//     { field_name [! conversion] [: format_spec] }
//
// field_name is an argument (empty = the next one, digits = by position, a
// name = by keyword) followed by .attribute and [index] parts; conversion
// is r, s or a; format_spec may itself contain {fields} (one level deep)
// and is handed to the value's __format__ (object_format). Each type
// interprets its own spec: str's is [[fill]align][0][width][.precision][s].
//
// The % operator walks the template once, pulling arguments from a tuple
// (or the single non-tuple argument, or a mapping for %(key)s), and renders
// each %[flags][width][.precision]type conversion itself.
#include <cmath>
#include <cstdio>
#include <string>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_internal.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

std::nullptr_t value_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.ValueError, msg); }
std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }

std::string char_desc(uint32_t c) {
    if (c > 32 && c < 128) return std::string(1, char(c));
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
    return buf;
}

void append_ascii(std::u32string& out, std::string_view s) {
    for (char c : s) out.push_back(char32_t(uint8_t(c)));
}

}  // namespace

// ------------------------------------------------------------ the mini-language

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// (formatter_unicode.c: InternalFormatSpec).
struct FormatSpec {
    uint32_t fill = ' ';
    uint32_t align = 0;       // '<', '>', '^', '=' or 0 (type default)
    uint32_t sign = 0;        // '+', '-', ' ' or 0
    bool no_neg_0 = false;    // 'z'
    bool alternate = false;   // '#'
    isize width = -1;
    uint32_t thousands = 0;   // ',' or '_' or 0
    isize precision = -1;
    uint32_t type = 0;
};

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// parse_internal_render_format_spec. default_align is the type's default.
bool parse_format_spec(ThreadState* ts, StrObject* spec, Object* obj, uint32_t default_type, uint32_t default_align,
                       FormatSpec* f) {
    const isize end = spec->length;
    isize pos = 0;
    auto at = [&](isize i) { return sget(spec, i); };
    f->align = default_align;
    f->type = default_type;
    bool fill_specified = false, align_specified = false;
    if (end - pos >= 2 && is_align(at(pos + 1))) {
        f->align = at(pos + 1);
        f->fill = at(pos);
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(at(pos))) {
        f->align = at(pos);
        align_specified = true;
        pos++;
    }
    if (end - pos >= 1 && (at(pos) == '+' || at(pos) == '-' || at(pos) == ' ')) f->sign = at(pos++);
    if (end - pos >= 1 && at(pos) == 'z') { f->no_neg_0 = true; pos++; }
    if (end - pos >= 1 && at(pos) == '#') { f->alternate = true; pos++; }
    if (!fill_specified && end - pos >= 1 && at(pos) == '0') {
        f->fill = '0';
        if (!align_specified && default_align == '>') f->align = '=';
        pos++;
    }
    auto get_integer = [&](isize* out) -> int {   // digits consumed, -1 on overflow
        isize v = 0;
        int n = 0;
        while (pos < end && at(pos) >= '0' && at(pos) <= '9') {
            int d = int(at(pos) - '0');
            if (v > (std::numeric_limits<isize>::max() - d) / 10) {
                value_error(ts, "Too many decimal digits in format string");
                return -1;
            }
            v = v * 10 + d;
            pos++;
            n++;
        }
        *out = v;
        return n;
    };
    int consumed = get_integer(&f->width);
    if (consumed < 0) return false;
    if (consumed == 0) f->width = -1;
    if (pos < end && at(pos) == ',') { f->thousands = ','; pos++; }
    if (pos < end && at(pos) == '_') {
        if (f->thousands) { value_error(ts, "Cannot specify both ',' and '_'."); return false; }
        f->thousands = '_';
        pos++;
    }
    if (pos < end && at(pos) == ',' && f->thousands == '_') {
        value_error(ts, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (pos < end && at(pos) == '.') {
        pos++;
        consumed = get_integer(&f->precision);
        if (consumed < 0) return false;
        if (consumed == 0) { value_error(ts, "Format specifier missing precision"); return false; }
    }
    if (end - pos > 1) {
        std::u32string rest = str_to_u32(spec);
        Ref<> text = str_from_u32(ts, rest);
        if (!text) return false;
        value_error(ts, "Invalid format specifier '" + std::string(str_utf8(text.get())) + "' for object of type '" +
                            type_name(obj) + "'");
        return false;
    }
    if (end - pos == 1) f->type = at(pos++);
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') break;
            [[fallthrough]];
        default:
            value_error(ts, std::string("Cannot specify '") + char(f->thousands) + "' with '" + char_desc(f->type) + "'.");
            return false;
        }
    }
    return true;
}

// format_string_internal + calc_padding: str's __format__.
static Ref<> format_str_with_spec(ThreadState* ts, StrObject* value, StrObject* spec_str) {
    FormatSpec f;
    if (!parse_format_spec(ts, spec_str, value, 's', '<', &f)) return nullptr;
    if (f.type != 's')
        return value_error(ts, "Unknown format code '" + char_desc(f.type) + "' for object of type '" +
                                   type_name(value) + "'");
    if (f.sign == ' ') return value_error(ts, "Space not allowed in string format specifier");
    if (f.sign) return value_error(ts, "Sign not allowed in string format specifier");
    if (f.no_neg_0) return value_error(ts, "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) return value_error(ts, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') return value_error(ts, "'=' alignment not allowed in string format specifier");
    isize len = value->length;
    if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len)) return str_exact(ts, value);
    if (f.precision >= 0 && len >= f.precision) len = f.precision;
    const isize total = f.width >= len ? f.width : len;
    isize lpad = 0;
    if (f.align == '>') lpad = total - len;
    else if (f.align == '^') lpad = (total - len) / 2;
    const isize rpad = total - len - lpad;
    std::u32string out;
    out.reserve(std::size_t(total));
    out.append(std::size_t(lpad), char32_t(f.fill));
    for (isize i = 0; i < len; i++) out.push_back(char32_t(sget(value, i)));
    out.append(std::size_t(rpad), char32_t(f.fill));
    return str_from_u32(ts, out);
}

Ref<> str_dunder_format(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.__format__", kw) || !check_nargs(ts, "str.__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0])) return type_error(ts, std::string("__format__() argument must be str, not ") + (args[0] == ts->interp->None ? "None" : type_name(args[0])));
    if (as_str(args[0])->length == 0) return object_str(ts, self);
    return format_str_with_spec(ts, as_str(self), as_str(args[0]));
}

// PyObject_Format: format(value, spec).
Ref<> object_format(ThreadState* ts, Object* obj, Object* spec) {
    Interpreter& interp = *ts->interp;
    const bool empty = !spec || as_str(spec)->length == 0;
    if (empty) {
        if (isinstance_exact(obj, interp.types.str)) return newref(obj);
        if (isinstance_exact(obj, interp.types.int_)) return object_str(ts, obj);
    }
    if (isinstance_exact(obj, interp.types.str) && !empty) return format_str_with_spec(ts, as_str(obj), as_str(spec));
    Ref<> empty_spec;
    if (!spec) {
        empty_spec = str_from_utf8(ts, "");
        if (!empty_spec) return nullptr;
        spec = empty_spec.get();
    }
    Object* meth = type_lookup(type_of(obj), "__format__");
    // object.__format__: only the empty spec is accepted.
    if (!meth || meth == type_lookup(interp.types.object, "__format__")) {
        if (!empty)
            return type_error(ts, std::string("unsupported format string passed to ") + type_name(obj) + ".__format__");
        return object_str(ts, obj);
    }
    Ref<> r = call_method(ts, obj, "__format__", &spec, 1);
    if (r && !is_str(r.get()))
        return type_error(ts, std::string("__format__ must return a str, not ") + type_name(r.get()));
    return r;
}

// ------------------------------------------------------------ str.format

namespace {

// A window [start, end) on a str (stringlib's SubString).
struct Sub {
    StrObject* s;
    isize start, end;
    uint32_t at(isize i) const { return sget(s, i); }
    bool empty() const { return start >= end; }
    Ref<> make(ThreadState* ts) const { return str_substr(ts, s, start, end); }
};

enum AutoNumberState { ANS_INIT, ANS_AUTO, ANS_MANUAL };
struct AutoNumber {
    AutoNumberState state = ANS_INIT;
    isize field_number = 0;
};

// All-digit text as an index; -1 if not all digits (or empty); -2 on overflow.
isize get_integer(ThreadState* ts, const Sub& str) {
    if (str.empty()) return -1;
    isize acc = 0;
    for (isize i = str.start; i < str.end; i++) {
        uint32_t c = str.at(i);
        if (c < '0' || c > '9') return -1;
        int d = int(c - '0');
        if (acc > (std::numeric_limits<isize>::max() - d) / 10) {
            value_error(ts, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

class Formatter {
public:
    Formatter(ThreadState* ts, Object* args, Object* kwargs) : ts_(ts), args_(args), kwargs_(kwargs) {}

    // build_string: renders `fmt` into out. Returns false with an error set.
    bool build(const Sub& fmt, int recursion_depth, AutoNumber& an, std::u32string& out) {
        if (recursion_depth <= 0) {
            value_error(ts_, "Max string recursion exceeded");
            return false;
        }
        isize pos = fmt.start;
        while (pos < fmt.end) {
            // MarkupIterator_next: literal text up to the next '{' or '}'.
            isize start = pos;
            uint32_t c = 0;
            bool markup_follows = false;
            while (pos < fmt.end) {
                c = fmt.at(pos++);
                if (c == '{' || c == '}') { markup_follows = true; break; }
            }
            const bool at_end = pos >= fmt.end;
            isize len = pos - start;
            if (c == '}' && (at_end || c != fmt.at(pos))) {
                value_error(ts_, "Single '}' encountered in format string");
                return false;
            }
            if (at_end && c == '{') {
                value_error(ts_, "Single '{' encountered in format string");
                return false;
            }
            if (!at_end) {
                if (c == fmt.at(pos)) {
                    pos++;   // '{{' or '}}': keep one, no field
                    markup_follows = false;
                } else {
                    len--;
                }
            }
            for (isize i = start; i < start + len; i++) out.push_back(char32_t(fmt.at(i)));
            if (!markup_follows) continue;
            Sub name{fmt.s, 0, 0}, spec{fmt.s, 0, 0};
            uint32_t conversion = 0;
            bool needs_expanding = false;
            if (!parse_field(fmt, &pos, &name, &spec, &needs_expanding, &conversion)) return false;
            if (!output_field(name, spec, conversion, needs_expanding, recursion_depth, an, out)) return false;
        }
        return true;
    }

private:
    // parse_field: the field name runs to ':', '!' or '}' (brackets protect
    // those characters); then an optional !conversion; then a format spec
    // up to the matching '}'. *pos ends just past the field.
    bool parse_field(const Sub& str, isize* pos, Sub* name, Sub* spec, bool* needs_expanding,
                     uint32_t* conversion) {
        isize p = *pos;
        uint32_t c = 0;
        name->start = p;
        while (p < str.end) {
            c = str.at(p++);
            if (c == '{') { value_error(ts_, "unexpected '{' in field name"); return false; }
            if (c == '[') {
                while (p < str.end && str.at(p) != ']') p++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        name->end = p - 1;
        if (c == '!' || c == ':') {
            if (c == '!') {
                if (p >= str.end) {
                    value_error(ts_, "end of string while looking for conversion specifier");
                    return false;
                }
                *conversion = str.at(p++);
                if (p < str.end) {
                    c = str.at(p++);
                    if (c == '}') { *pos = p; spec->start = spec->end = p; return true; }
                    if (c != ':') {
                        value_error(ts_, "expected ':' after conversion specifier");
                        return false;
                    }
                }
            }
            spec->start = p;
            int count = 1;
            while (p < str.end) {
                c = str.at(p++);
                if (c == '{') { *needs_expanding = true; count++; }
                else if (c == '}' && --count == 0) {
                    spec->end = p - 1;
                    *pos = p;
                    return true;
                }
            }
            value_error(ts_, "unmatched '{' in format spec");
            return false;
        }
        if (c != '}') {
            value_error(ts_, "expected '}' before end of string");
            return false;
        }
        spec->start = spec->end = p;
        *pos = p;
        return true;
    }

    // get_field_object + conversion + format (output_markup).
    bool output_field(const Sub& name, const Sub& spec, uint32_t conversion, bool needs_expanding, int depth,
                      AutoNumber& an, std::u32string& out) {
        Ref<> obj = get_field_object(name, an);
        if (!obj) return false;
        if (conversion) {
            Ref<> conv;
            switch (conversion) {
            case 'r': conv = object_repr(ts_, obj.get()); break;
            case 's': conv = object_str(ts_, obj.get()); break;
            case 'a': conv = object_ascii(ts_, obj.get()); break;
            default:
                value_error(ts_, "Unknown conversion specifier " + char_desc(conversion));
                return false;
            }
            if (!conv) return false;
            obj = std::move(conv);
        }
        Ref<> spec_str;
        if (needs_expanding) {
            std::u32string expanded;
            if (!build(spec, depth - 1, an, expanded)) return false;
            spec_str = str_from_u32(ts_, expanded);
        } else {
            spec_str = spec.make(ts_);
        }
        if (!spec_str) return false;
        Ref<> r = object_format(ts_, obj.get(), spec_str.get());
        if (!r) return false;
        // A str written whole as the start of the top-level output may turn
        // out to be the whole result (see sole).
        if (depth == 2 && out.empty() && isinstance_exact(r.get(), ts_->interp->types.str)) sole = r.clone();
        str_append_to(as_str(r.get()), out);
        return true;
    }

public:
    // CPython's _PyUnicodeWriter returns a str written whole into an empty
    // writer as the result when nothing else follows: '{}'.format(s) is s.
    Ref<> sole;
    Ref<> result(ThreadState* ts, const std::u32string& out) {
        if (sole && isize(out.size()) == as_str(sole.get())->length) return std::move(sole);
        return str_from_u32(ts, out);
    }

private:
    Ref<> get_field_object(const Sub& name, AutoNumber& an) {
        Interpreter& interp = *ts_->interp;
        // The first part runs to the first '.' or '['.
        isize p = name.start;
        while (p < name.end && name.at(p) != '.' && name.at(p) != '[') p++;
        Sub first{name.s, name.start, p};
        Sub rest{name.s, p, name.end};
        isize index = get_integer(ts_, first);
        if (index == -2) return nullptr;
        const bool empty = first.empty();
        const bool numeric = empty || index != -1;
        if (numeric) {
            if (an.state == ANS_INIT) an.state = empty ? ANS_AUTO : ANS_MANUAL;
            if (an.state == ANS_MANUAL && empty)
                return value_error(ts_, "cannot switch from manual field specification to automatic field numbering");
            if (an.state == ANS_AUTO && !empty)
                return value_error(ts_, "cannot switch from automatic field numbering to manual field specification");
            if (empty) index = an.field_number++;
        }
        Ref<> obj;
        if (index == -1) {
            Ref<> key = first.make(ts_);
            if (!key) return nullptr;
            if (!kwargs_) return raise_key_error(ts_, key.get());
            obj = object_getitem(ts_, kwargs_, key.get());
            if (!obj) return nullptr;
        } else {
            if (!args_) return value_error(ts_, "Format string contains positional fields");
            TupleObject* t = as_tuple(args_);
            if (index >= t->ob_size)
                return raise(ts_, interp.exc.IndexError,
                             "Replacement index " + isize_str(index) + " out of range for positional args tuple");
            obj = newref(t->ob_item[index]);
        }
        // .attr and [key] parts.
        isize q = rest.start;
        while (q < rest.end) {
            uint32_t c = rest.at(q++);
            if (c == '.') {
                isize s0 = q;
                while (q < rest.end && rest.at(q) != '.' && rest.at(q) != '[') q++;
                if (q == s0) return value_error(ts_, "Empty attribute in format string");
                Ref<> attr = Sub{rest.s, s0, q}.make(ts_);
                if (!attr) return nullptr;
                obj = object_getattr(ts_, obj.get(), attr.get());
            } else if (c == '[') {
                isize s0 = q;
                while (q < rest.end && rest.at(q) != ']') q++;
                if (q >= rest.end) return value_error(ts_, "Missing ']' in format string");
                Sub key{rest.s, s0, q};
                q++;   // past ']'
                if (key.empty()) return value_error(ts_, "Empty attribute in format string");
                isize idx = get_integer(ts_, key);
                if (idx == -2) return nullptr;
                Ref<> k = idx >= 0 ? int_from_i64(ts_, idx) : key.make(ts_);
                if (!k) return nullptr;
                obj = object_getitem(ts_, obj.get(), k.get());
            } else {
                return value_error(ts_, "Only '.' or '[' may follow ']' in format field specifier");
            }
            if (!obj) return nullptr;
        }
        return obj;
    }

    ThreadState* ts_;
    Object* args_;     // a tuple, or null (format_map)
    Object* kwargs_;   // a mapping, or null
};

}  // namespace

Ref<> str_format_method(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    Ref<TupleObject> t = tuple_from_array(ts, args, nargs);
    if (!t) return nullptr;
    Ref<DictObject> kw;
    const isize nkw = kwnames ? kwnames->ob_size : 0;
    if (nkw) {
        kw = dict_new(ts);
        if (!kw) return nullptr;
        for (isize i = 0; i < nkw; i++)
            if (!dict_set_item(ts, kw.get(), kwnames->ob_item[i], args[nargs + i])) return nullptr;
    }
    Formatter f(ts, t.get(), kw.get());
    AutoNumber an;
    std::u32string out;
    StrObject* s = as_str(self);
    if (!f.build(Sub{s, 0, s->length}, 2, an, out)) return nullptr;
    return f.result(ts, out);
}

Ref<> str_format_map_method(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    if (!check_no_kwargs(ts, "str.format_map", kwnames) || !check_nargs(ts, "str.format_map", nargs, 1, 1)) return nullptr;
    Formatter f(ts, nullptr, args[0]);
    AutoNumber an;
    std::u32string out;
    StrObject* s = as_str(self);
    if (!f.build(Sub{s, 0, s->length}, 2, an, out)) return nullptr;
    return f.result(ts, out);
}

// ------------------------------------------------------------ str % args

namespace {

constexpr int F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;

struct PercentFormatter {
    ThreadState* ts;
    Object* args;
    isize arglen;
    isize argidx;
    Object* dict;

    Object* next_arg() {
        if (argidx < arglen) {
            isize i = argidx++;
            if (arglen < 0) return args;
            return as_tuple(args)->ob_item[i];
        }
        type_error(ts, "not enough arguments for format string");
        return nullptr;
    }
};

// Pads `body` (sign/prefix already split off into `prefix`) to width.
void emit_padded(std::u32string& out, const std::u32string& prefix, const std::u32string& body, isize width,
                 int flags, bool numeric) {
    isize len = isize(prefix.size() + body.size());
    isize pad = width > len ? width - len : 0;
    if (flags & F_LJUST) {
        out += prefix;
        out += body;
        out.append(std::size_t(pad), U' ');
    } else if ((flags & F_ZERO) && numeric) {
        out += prefix;
        out.append(std::size_t(pad), U'0');
        out += body;
    } else {
        out.append(std::size_t(pad), U' ');
        out += prefix;
        out += body;
    }
}

}  // namespace

Ref<> str_mod(ThreadState* ts, Object* format, Object* args) {
    Interpreter& interp = *ts->interp;
    StrObject* fmt = as_str(format);
    PercentFormatter pf{ts, args, -1, -2, nullptr};
    if (is_tuple(args)) {
        pf.arglen = as_tuple(args)->ob_size;
        pf.argidx = 0;
    }
    TypeObject* at = type_of(args);
    if (at->tp_as_mapping && at->tp_as_mapping->mp_subscript && !is_tuple(args) && !is_str(args)) pf.dict = args;
    std::u32string out;
    // CPython's _PyUnicodeWriter keeps a str written whole into an empty
    // writer and returns it as the result if nothing else follows: so
    // '%s' % s is s itself.
    Ref<> sole;
    const isize n = fmt->length;
    isize i = 0;
    while (i < n) {
        uint32_t c = sget(fmt, i);
        if (c != '%') { out.push_back(char32_t(c)); i++; continue; }
        const isize pct = i;
        i++;
        if (i >= n) return value_error(ts, "incomplete format");
        c = sget(fmt, i);
        Ref<> held;        // keeps a %(key) value alive
        Object* v = nullptr;
        if (c == '(') {
            if (!pf.dict) return type_error(ts, "format requires a mapping");
            i++;
            isize keystart = i;
            int pcount = 1;
            while (pcount > 0 && i < n) {
                uint32_t d = sget(fmt, i);
                if (d == ')') pcount--;
                else if (d == '(') pcount++;
                i++;
            }
            if (pcount > 0) return value_error(ts, "incomplete format key");
            Ref<> key = str_substr(ts, fmt, keystart, i - 1);
            if (!key) return nullptr;
            held = object_getitem(ts, pf.dict, key.get());
            if (!held) return nullptr;
            v = held.get();
            pf.args = v;
            pf.arglen = -1;
            pf.argidx = -2;
            if (i >= n) return value_error(ts, "incomplete format");
            c = sget(fmt, i);
        }
        int flags = 0;
        for (;;) {
            if (c == '-') flags |= F_LJUST;
            else if (c == '+') flags |= F_SIGN;
            else if (c == ' ') flags |= F_BLANK;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
            if (++i >= n) return value_error(ts, "incomplete format");
            c = sget(fmt, i);
        }
        isize width = -1, prec = -1;
        if (c == '*') {
            Object* w = pf.next_arg();
            if (!w) return nullptr;
            if (!is_int(w)) return type_error(ts, "* wants int");
            int64_t wv;
            if (!int_as_i64(w, &wv)) return value_error(ts, "width too big");
            if (wv < 0) { flags |= F_LJUST; wv = -wv; }
            width = isize(wv);
            if (++i >= n) return value_error(ts, "incomplete format");
            c = sget(fmt, i);
        } else if (c >= '0' && c <= '9') {
            width = 0;
            while (c >= '0' && c <= '9') {
                width = width * 10 + isize(c - '0');
                if (++i >= n) return value_error(ts, "incomplete format");
                c = sget(fmt, i);
            }
        }
        if (c == '.') {
            prec = 0;
            if (++i >= n) return value_error(ts, "incomplete format");
            c = sget(fmt, i);
            if (c == '*') {
                Object* p = pf.next_arg();
                if (!p) return nullptr;
                if (!is_int(p)) return type_error(ts, "* wants int");
                int64_t pv;
                if (!int_as_i64(p, &pv)) return value_error(ts, "precision too big");
                prec = pv < 0 ? 0 : isize(pv);
                if (++i >= n) return value_error(ts, "incomplete format");
                c = sget(fmt, i);
            } else {
                while (c >= '0' && c <= '9') {
                    prec = prec * 10 + isize(c - '0');
                    if (++i >= n) return value_error(ts, "incomplete format");
                    c = sget(fmt, i);
                }
            }
        }
        i++;   // past the conversion character
        if (c == '%') {
            out.push_back(U'%');
            continue;
        }
        if (!v) {
            v = pf.next_arg();
            if (!v) return nullptr;
        }
        switch (c) {
        case 's': case 'r': case 'a': {
            Ref<> text = c == 's' ? object_str(ts, v) : c == 'r' ? object_repr(ts, v) : object_ascii(ts, v);
            if (!text) return nullptr;
            std::u32string body = str_to_u32(as_str(text.get()));
            if (prec >= 0 && isize(body.size()) > prec) body.resize(std::size_t(prec));
            if (out.empty() && isize(body.size()) >= width && (prec < 0 || prec >= as_str(text.get())->length) &&
                isinstance_exact(text.get(), interp.types.str))
                sole = std::move(text);
            emit_padded(out, U"", body, width, flags, false);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            Ref<> iv;
            if (is_int(v)) {
                iv = newref(v);
            } else if (c == 'o' || c == 'x' || c == 'X') {
                NumberMethods* nb = type_of(v)->tp_as_number;
                if (!nb || !nb->nb_index)
                    return type_error(ts, std::string("%") + char(c) + " format: an integer is required, not " + type_name(v));
                iv = number_index(ts, v);
            } else {
                NumberMethods* nb = type_of(v)->tp_as_number;
                if (!nb || (!nb->nb_int && !nb->nb_index && !nb->nb_float))
                    return type_error(ts, std::string("%") + char(c) + " format: a real number is required, not " + type_name(v));
                if (is_float(v)) {
                    double d;
                    if (!float_as_double(ts, v, &d)) return nullptr;
                    iv = int_from_double(ts, d);
                } else if (nb->nb_int) {
                    iv = nb->nb_int(ts, v);
                } else {
                    iv = number_index(ts, v);
                }
            }
            if (!iv) return nullptr;
            const int base = (c == 'o') ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
            Ref<> digits_obj = int_to_str(ts, iv.get(), base);
            if (!digits_obj) return nullptr;
            std::string digits(str_utf8(digits_obj.get()));
            bool neg = !digits.empty() && digits[0] == '-';
            if (neg) digits.erase(0, 1);
            if (base != 10 && digits.size() >= 2 && digits[0] == '0') digits.erase(0, 2);   // drop 0x / 0o
            if (c == 'X') for (char& ch : digits) ch = char(std::toupper(uint8_t(ch)));
            if (prec > isize(digits.size())) digits.insert(0, std::size_t(prec) - digits.size(), '0');
            std::u32string prefix;
            if (neg) prefix += U'-';
            else if (flags & F_SIGN) prefix += U'+';
            else if (flags & F_BLANK) prefix += U' ';
            if ((flags & F_ALT) && base != 10) prefix += c == 'o' ? U"0o" : c == 'x' ? U"0x" : U"0X";
            std::u32string body;
            append_ascii(body, digits);
            emit_padded(out, prefix, body, width, flags, true);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d;
            if (!float_as_double(ts, v, &d)) {
                if (error_matches(ts, interp.exc.TypeError)) {
                    error_clear(ts);
                    return type_error(ts, std::string("must be real number, not ") + type_name(v));
                }
                return nullptr;
            }
            if (prec < 0) prec = 6;
            std::string spec = "%";
            if (flags & F_ALT) spec += '#';
            spec += "." + std::to_string(prec) + char(c);
            char buf[512];
            std::string body8;
            if (std::isnan(d) || std::isinf(d)) {
                bool upper = c == 'E' || c == 'F' || c == 'G';
                body8 = std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
                if (std::isinf(d) && d < 0) body8 = "-" + body8;
            } else if (std::fabs(d) < 1e50 || c != 'f') {
                std::snprintf(buf, sizeof buf, spec.c_str(), d);
                body8 = buf;
            } else {
                std::vector<char> big(std::size_t(prec) + 400);
                std::snprintf(big.data(), big.size(), spec.c_str(), d);
                body8 = big.data();
            }
            bool neg = !body8.empty() && body8[0] == '-';
            if (neg) body8.erase(0, 1);
            std::u32string prefix;
            if (neg) prefix += U'-';
            else if (flags & F_SIGN) prefix += U'+';
            else if (flags & F_BLANK) prefix += U' ';
            std::u32string body;
            append_ascii(body, body8);
            const bool finite = std::isfinite(d);
            emit_padded(out, prefix, body, width, finite ? flags : (flags & ~F_ZERO), finite);
            break;
        }
        case 'c': {
            uint32_t ch;
            if (is_str(v)) {
                if (as_str(v)->length != 1) return type_error(ts, "%c requires int or char");
                ch = sget(as_str(v), 0);
            } else if (is_int(v)) {
                int64_t cv;
                if (!int_as_i64(v, &cv) || cv < 0 || cv > 0x10FFFF)
                    return raise(ts, interp.exc.OverflowError, "%c arg not in range(0x110000)");
                ch = uint32_t(cv);
            } else {
                return type_error(ts, "%c requires int or char");
            }
            std::u32string body(1, char32_t(ch));
            emit_padded(out, U"", body, width, flags, false);
            break;
        }
        default: {
            char buf[96];
            std::snprintf(buf, sizeof buf, "unsupported format character '%s' (0x%x) at index %lld",
                          c < 128 && c >= 32 ? std::string(1, char(c)).c_str() : "?", unsigned(c),
                          static_cast<long long>(i - 1));
            if (c >= 128 || c < 32) {
                Ref<> one = str_from_char(ts, c);
                if (!one) return nullptr;
                return value_error(ts, "unsupported format character '" + std::string(str_utf8(one.get())) + "' (0x" +
                                           [&] { char h[16]; std::snprintf(h, sizeof h, "%x", unsigned(c)); return std::string(h); }() +
                                           ") at index " + isize_str(i - 1));
            }
            return value_error(ts, buf);
        }
        }
        (void)pct;
    }
    if (pf.argidx < pf.arglen && !pf.dict) return type_error(ts, "not all arguments converted during string formatting");
    if (sole && isize(out.size()) == as_str(sole.get())->length) return sole;
    return str_from_u32(ts, out);
}

}  // namespace gp
