// unicode_methods.cpp — the methods of str.
//
// Mirrors CPython 3.11's Objects/unicodeobject.c (the unicode_*_impl
// functions) and Objects/stringlib/ (split, partition, find, count). Every
// method answers and fails exactly as CPython does, down to the messages
// ("sequence item 0: expected str instance, int found").
//
// Case mapping is full Unicode 14.0 (unicode_db.h): 'ß'.upper() == 'SS',
// 'ﬁ'.upper() == 'FI', 'İ'.lower() == 'i̇' (two code points), and the Greek
// final-sigma rule of str.lower(): 'ΟΔΟΣ'.lower() == 'οδος'.
//
// Methods that return their argument unchanged return the same object when
// it is an exact str ('abc'.strip() is 'abc'), as CPython does.
//
// split() and rsplit() preallocate their result list for 12 items (stringlib's
// MAX_PREALLOC), which sys.getsizeof of the result shows.
#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "objects/abstract.h"
#include "objects/container_internal.h"
#include "objects/dictobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"
#include "objects/unicode_internal.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

constexpr isize kMaxIsize = std::numeric_limits<isize>::max();

StrObject* S(Object* o) { return as_str(o); }

Ref<> same(ThreadState* ts, Object* self) { return str_exact(ts, S(self)); }

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }
std::nullptr_t value_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.ValueError, msg); }

bool no_args(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 0, 0);
}

// An int argument given as an index ("'str' object cannot be interpreted as an integer").
bool arg_isize(ThreadState* ts, Object* o, isize* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    int64_t v;
    if (!int_as_i64(i.get(), &v) || v > int64_t(kMaxIsize) || v < -int64_t(kMaxIsize)) {
        raise(ts, ts->interp->exc.OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = isize(v);
    return true;
}

// stringlib's ADJUST_INDICES.
void adjust_indices(isize* start, isize* end, isize len) {
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

// sub[, start[, end]] for find/rfind/index/rindex/count/startswith/endswith
// (stringlib_parse_args_finds): start/end may be None.
bool parse_finds(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw,
                 Object** sub, isize* start, isize* end) {
    if (!check_no_kwargs(ts, name, kw)) return false;
    if (nargs < 1 || nargs > 3) {
        type_error(ts, std::string(name) + "() takes " + (nargs < 1 ? "at least 1 argument (" : "at most 3 arguments (") +
                           isize_str(nargs) + " given)");
        return false;
    }
    *sub = args[0];
    *start = 0;
    *end = kMaxIsize;
    Object* none_obj = ts->interp->None;
    if (nargs > 1 && args[1] != none_obj && !slice_index_value(ts, args[1], start)) return false;
    if (nargs > 2 && args[2] != none_obj && !slice_index_value(ts, args[2], end)) return false;
    return true;
}

// Argument Clinic's _PyArg_BadArgument names None "None", not "NoneType".
const char* clinic_type_name(ThreadState* ts, Object* o) { return o == ts->interp->None ? "None" : type_name(o); }

bool need_str(ThreadState* ts, Object* o) {
    if (is_str(o)) return true;
    type_error(ts, std::string("must be str, not ") + type_name(o));
    return false;
}

// Builders for results.
struct Builder {
    std::u32string buf;
    void put(uint32_t c) { buf.push_back(char32_t(c)); }
    void put(const uint32_t* cps, int n) { for (int i = 0; i < n; i++) buf.push_back(char32_t(cps[i])); }
    void put(const StrObject* s) { str_append_to(s, buf); }
    void put_ascii(const char* s) { while (*s) buf.push_back(char32_t(uint8_t(*s++))); }
    Ref<> finish(ThreadState* ts) { return str_from_u32(ts, buf); }
};

bool is_space(uint32_t c) { return uni_isspace(c); }
bool is_linebreak(uint32_t c) { return uni_islinebreak(c); }

}  // namespace

// ------------------------------------------------------------ case mapping

// Is the Σ at position i the end of a word (unicodeobject.c: handle_capital_sigma)?
static bool final_sigma(const StrObject* s, isize i) {
    isize j = i - 1;
    uint32_t c = 0;
    for (; j >= 0; j--) {
        c = sget(s, j);
        if (!uni_has(c, UF_CASE_IGNORABLE)) break;
    }
    bool fs = j >= 0 && uni_has(c, UF_CASED);
    if (fs && i + 1 < s->length) {
        j = i + 1;
        for (; j < s->length; j++) {
            c = sget(s, j);
            if (!uni_has(c, UF_CASE_IGNORABLE)) break;
        }
        fs = j == s->length || !uni_has(c, UF_CASED);
    }
    return fs;
}

// lower_ucs4: lowercase with the final-sigma rule.
static void lower_at(const StrObject* s, isize i, Builder& b) {
    uint32_t c = sget(s, i);
    if (c == 0x3A3) { b.put(final_sigma(s, i) ? 0x3C2 : 0x3C3); return; }
    uint32_t m[3];
    int n = uni_case_full(c, CaseKind::Lower, m);
    b.put(m, n);
}

static void map_full(uint32_t c, CaseKind kind, Builder& b) {
    uint32_t m[3];
    int n = uni_case_full(c, kind, m);
    b.put(m, n);
}

static Ref<> ascii_map(ThreadState* ts, StrObject* s, int (*f)(int)) {
    StrObject* r = str_alloc(ts, s->length, 127);
    if (!r) return nullptr;
    const auto* src = static_cast<const uint8_t*>(s->data());
    auto* dst = static_cast<uint8_t*>(r->data());
    for (isize i = 0; i < s->length; i++) dst[i] = uint8_t(f(src[i]));
    return Ref<>::steal(r);
}

static int a_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int a_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static int a_swap(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c >= 'a' && c <= 'z' ? c - 32 : c; }

static Ref<> m_lower(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.lower", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    if (s->ascii) return ascii_map(ts, s, a_lower);
    Builder b;
    for (isize i = 0; i < s->length; i++) lower_at(s, i, b);
    return b.finish(ts);
}

static Ref<> m_upper(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.upper", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    if (s->ascii) return ascii_map(ts, s, a_upper);
    Builder b;
    for (isize i = 0; i < s->length; i++) map_full(sget(s, i), CaseKind::Upper, b);
    return b.finish(ts);
}

static Ref<> m_casefold(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.casefold", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    if (s->ascii) return ascii_map(ts, s, a_lower);
    Builder b;
    for (isize i = 0; i < s->length; i++) map_full(sget(s, i), CaseKind::Fold, b);
    return b.finish(ts);
}

static Ref<> m_swapcase(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.swapcase", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    if (s->ascii) return ascii_map(ts, s, a_swap);
    Builder b;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (uni_has(c, UF_UPPER)) lower_at(s, i, b);
        else if (uni_has(c, UF_LOWER)) map_full(c, CaseKind::Upper, b);
        else b.put(c);
    }
    return b.finish(ts);
}

// capitalize: the first character titlecased (since 3.8), the rest lowercased.
static Ref<> m_capitalize(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.capitalize", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    if (s->length == 0) return same(ts, self);
    Builder b;
    map_full(sget(s, 0), CaseKind::Title, b);
    for (isize i = 1; i < s->length; i++) lower_at(s, i, b);
    return b.finish(ts);
}

// title: titlecase after an uncased character, lowercase after a cased one.
static Ref<> m_title(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.title", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    Builder b;
    bool previous_is_cased = false;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (previous_is_cased) lower_at(s, i, b);
        else map_full(c, CaseKind::Title, b);
        previous_is_cased = uni_has(c, UF_CASED);
    }
    return b.finish(ts);
}

// ------------------------------------------------------------ predicates

template <class F>
static Ref<> all_chars(ThreadState* ts, Object* self, bool empty_result, F pred) {
    StrObject* s = S(self);
    if (s->length == 0) return bool_ref(ts, empty_result);
    for (isize i = 0; i < s->length; i++)
        if (!pred(sget(s, i))) return bool_ref(ts, false);
    return bool_ref(ts, true);
}

#define PREDICATE(fn, pyname, empty, expr)                                                       \
    static Ref<> fn(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) { \
        if (!no_args(ts, "str." pyname, nargs, kw)) return nullptr;                              \
        return all_chars(ts, self, empty, [](uint32_t c) { return expr; });                      \
    }

PREDICATE(m_isspace, "isspace", false, is_space(c))
PREDICATE(m_isalpha, "isalpha", false, uni_has(c, UF_ALPHA))
PREDICATE(m_isdecimal, "isdecimal", false, uni_has(c, UF_DECIMAL))
PREDICATE(m_isdigit, "isdigit", false, uni_has(c, UF_DIGIT))
PREDICATE(m_isnumeric, "isnumeric", false, uni_has(c, UF_NUMERIC))
PREDICATE(m_isalnum, "isalnum", false, uni_has(c, UF_ALPHA | UF_DECIMAL | UF_DIGIT | UF_NUMERIC))
PREDICATE(m_isprintable, "isprintable", true, uni_isprintable(c))
#undef PREDICATE

static Ref<> m_isascii(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.isascii", nargs, kw)) return nullptr;
    return bool_ref(ts, S(self)->ascii);
}

static Ref<> m_islower(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.islower", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    bool cased = false;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (uni_has(c, UF_UPPER | UF_TITLE)) return bool_ref(ts, false);
        if (uni_has(c, UF_LOWER)) cased = true;
    }
    return bool_ref(ts, cased);
}

static Ref<> m_isupper(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.isupper", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    bool cased = false;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (uni_has(c, UF_LOWER | UF_TITLE)) return bool_ref(ts, false);
        if (uni_has(c, UF_UPPER)) cased = true;
    }
    return bool_ref(ts, cased);
}

static Ref<> m_istitle(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.istitle", nargs, kw)) return nullptr;
    StrObject* s = S(self);
    bool cased = false, previous_is_cased = false;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (uni_has(c, UF_UPPER | UF_TITLE)) {
            if (previous_is_cased) return bool_ref(ts, false);
            previous_is_cased = cased = true;
        } else if (uni_has(c, UF_LOWER)) {
            if (!previous_is_cased) return bool_ref(ts, false);
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return bool_ref(ts, cased);
}

bool str_isidentifier(const StrObject* s) {
    if (s->length == 0) return false;
    uint32_t first = sget(s, 0);
    if (first != '_' && !uni_has(first, UF_XID_START)) return false;
    for (isize i = 1; i < s->length; i++)
        if (!uni_has(sget(s, i), UF_XID_CONTINUE)) return false;
    return true;
}

static Ref<> m_isidentifier(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.isidentifier", nargs, kw)) return nullptr;
    return bool_ref(ts, str_isidentifier(S(self)));
}

// ------------------------------------------------------------ searching

static Ref<> find_common(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                         const char* name, int dir, bool raise_missing) {
    Object* sub;
    isize start, end;
    if (!parse_finds(ts, name, args, nargs, kw, &sub, &start, &end)) return nullptr;
    if (!need_str(ts, sub)) return nullptr;
    StrObject* s = S(self);
    adjust_indices(&start, &end, s->length);
    isize r = end - start < S(sub)->length ? -1 : str_find_in(s, S(sub), start, end, dir);
    if (r < 0 && raise_missing) return value_error(ts, "substring not found");
    return int_from_i64(ts, r);
}

static Ref<> m_find(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return find_common(ts, self, a, n, kw, "find", 1, false); }
static Ref<> m_rfind(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return find_common(ts, self, a, n, kw, "rfind", -1, false); }
static Ref<> m_index(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return find_common(ts, self, a, n, kw, "index", 1, true); }
static Ref<> m_rindex(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return find_common(ts, self, a, n, kw, "rindex", -1, true); }

static Ref<> m_count(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* sub;
    isize start, end;
    if (!parse_finds(ts, "count", args, nargs, kw, &sub, &start, &end)) return nullptr;
    if (!need_str(ts, sub)) return nullptr;
    StrObject* s = S(self);
    adjust_indices(&start, &end, s->length);
    if (end - start < S(sub)->length) return int_from_i64(ts, 0);
    return int_from_i64(ts, str_count_in(s, S(sub), start, end, kMaxIsize));
}

// tailmatch: does s[start:end] start (dir < 0) / end (dir > 0) with sub?
static bool tailmatch(StrObject* s, StrObject* sub, isize start, isize end, int dir) {
    adjust_indices(&start, &end, s->length);
    end -= sub->length;
    if (end < start) return false;
    if (sub->length == 0) return true;
    isize offset = dir > 0 ? end : start;
    for (isize i = 0; i < sub->length; i++)
        if (sget(s, offset + i) != sget(sub, i)) return false;
    return true;
}

static Ref<> starts_ends(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                         const char* name, int dir) {
    Object* sub;
    isize start, end;
    if (!parse_finds(ts, name, args, nargs, kw, &sub, &start, &end)) return nullptr;
    if (is_tuple(sub)) {
        TupleObject* t = as_tuple(sub);
        for (isize i = 0; i < t->ob_size; i++) {
            Object* item = t->ob_item[i];
            if (!is_str(item))
                return type_error(ts, std::string("tuple for ") + name + " must only contain str, not " + type_name(item));
            if (tailmatch(S(self), S(item), start, end, dir)) return bool_ref(ts, true);
        }
        return bool_ref(ts, false);
    }
    if (!is_str(sub))
        return type_error(ts, std::string(name) + " first arg must be str or a tuple of str, not " + type_name(sub));
    return bool_ref(ts, tailmatch(S(self), S(sub), start, end, dir));
}

static Ref<> m_startswith(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return starts_ends(ts, self, a, n, kw, "startswith", -1); }
static Ref<> m_endswith(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return starts_ends(ts, self, a, n, kw, "endswith", 1); }

// ------------------------------------------------------------ split family

static Ref<> m_split_impl(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                          const char* name, bool right) {
    static const char* const names[] = {"sep", "maxsplit"};
    Object* a[2];
    if (!parse_kwargs(ts, name, names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    Object* sep = (a[0] && a[0] != ts->interp->None) ? a[0] : nullptr;
    isize maxcount = -1;
    if (a[1] && !arg_isize(ts, a[1], &maxcount)) return nullptr;
    if (sep && !is_str(sep)) return type_error(ts, std::string("must be str or None, not ") + type_name(sep));
    if (maxcount < 0) maxcount = kMaxIsize;
    StrObject* s = S(self);
    const isize len = s->length;
    Ref<ListObject> list = list_new_prealloc(ts, maxcount >= 12 ? 12 : maxcount + 1);
    if (!list) return nullptr;
    auto add = [&](isize i, isize j) -> bool {
        Ref<> piece = str_substr(ts, s, i, j);
        return piece && list_append(ts, list.get(), piece.get());
    };
    if (!sep) {
        // Runs of whitespace separate; leading/trailing whitespace is dropped.
        if (!right) {
            isize i = 0, j = 0;
            while (maxcount-- > 0) {
                while (i < len && is_space(sget(s, i))) i++;
                if (i == len) break;
                j = i;
                i++;
                while (i < len && !is_space(sget(s, i))) i++;
                if (!add(j, i)) return nullptr;
            }
            if (i < len) {
                while (i < len && is_space(sget(s, i))) i++;
                if (i != len && !add(i, len)) return nullptr;
            }
        } else {
            isize i = len - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && is_space(sget(s, i))) i--;
                if (i < 0) break;
                j = i;
                i--;
                while (i >= 0 && !is_space(sget(s, i))) i--;
                if (!add(i + 1, j + 1)) return nullptr;
            }
            if (i >= 0) {
                while (i >= 0 && is_space(sget(s, i))) i--;
                if (i >= 0 && !add(0, i + 1)) return nullptr;
            }
            list_reverse(list.get());
        }
        return list;
    }
    StrObject* sp = S(sep);
    const isize m = sp->length;
    if (m == 0) return value_error(ts, "empty separator");
    if (!right) {
        isize i = 0;
        while (maxcount-- > 0) {
            isize at = str_find_in(s, sp, i, len, 1);
            if (at < 0) break;
            if (!add(i, at)) return nullptr;
            i = at + m;
        }
        if (!add(i, len)) return nullptr;
    } else {
        isize j = len;
        while (maxcount-- > 0) {
            isize at = str_find_in(s, sp, 0, j, -1);
            if (at < 0) break;
            if (!add(at + m, j)) return nullptr;
            j = at;
        }
        if (!add(0, j)) return nullptr;
        list_reverse(list.get());
    }
    return list;
}

static Ref<> m_split(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return m_split_impl(ts, self, a, n, kw, "split", false); }
static Ref<> m_rsplit(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return m_split_impl(ts, self, a, n, kw, "rsplit", true); }

static Ref<> m_splitlines(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"keepends"};
    Object* a[1];
    if (!parse_kwargs(ts, "splitlines", names, 1, 0, 0, args, nargs, kw, a)) return nullptr;
    bool keepends = false;
    if (a[0]) {
        if (!is_int(a[0]))
            return type_error(ts, std::string("'") + type_name(a[0]) + "' object cannot be interpreted as an integer");
        keepends = int_sign(a[0]) != 0;
    }
    StrObject* s = S(self);
    const isize len = s->length;
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    for (isize i = 0; i < len;) {
        isize j = i;
        while (i < len && !is_linebreak(sget(s, i))) i++;
        isize eol = i;
        if (i < len) {
            if (sget(s, i) == '\r' && i + 1 < len && sget(s, i + 1) == '\n') i += 2;
            else i++;
            if (keepends) eol = i;
        }
        Ref<> line = str_substr(ts, s, j, eol);
        if (!line || !list_append(ts, list.get(), line.get())) return nullptr;
    }
    return list;
}

static Ref<> partition_impl(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                            const char* name, bool right) {
    if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
    Object* sep = args[0];
    if (!need_str(ts, sep)) return nullptr;
    StrObject* s = S(self);
    StrObject* sp = S(sep);
    if (sp->length == 0) return value_error(ts, "empty separator");
    isize at = str_find_in(s, sp, 0, s->length, right ? -1 : 1);
    Ref<> emp = str_from_utf8(ts, "");
    if (!emp) return nullptr;
    if (at < 0) {
        Ref<> whole = same(ts, self);
        if (!whole) return nullptr;
        if (right) return tuple_pack(ts, {emp.get(), emp.get(), whole.get()});
        return tuple_pack(ts, {whole.get(), emp.get(), emp.get()});
    }
    Ref<> before = str_substr(ts, s, 0, at);
    Ref<> after = str_substr(ts, s, at + sp->length, s->length);
    Ref<> mid = str_exact(ts, sp);
    if (!before || !after || !mid) return nullptr;
    return tuple_pack(ts, {before.get(), mid.get(), after.get()});
}

static Ref<> m_partition(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return partition_impl(ts, self, a, n, kw, "str.partition", false); }
static Ref<> m_rpartition(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return partition_impl(ts, self, a, n, kw, "str.rpartition", true); }

// ------------------------------------------------------------ join, replace

static Ref<> m_join(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.join", kw) || !check_nargs(ts, "str.join", nargs, 1, 1)) return nullptr;
    Ref<> seq = sequence_fast(ts, args[0], "can only join an iterable");
    if (!seq) return nullptr;
    const isize n = seq_fast_size(seq.get());
    Object** items = seq_fast_items(seq.get());
    if (n == 0) return str_from_utf8(ts, "");
    if (n == 1 && isinstance_exact(items[0], ts->interp->types.str)) return newref(items[0]);
    for (isize i = 0; i < n; i++)
        if (!is_str(items[i]))
            return type_error(ts, "sequence item " + isize_str(i) + ": expected str instance, " +
                                      type_name(items[i]) + " found");
    Builder b;
    for (isize i = 0; i < n; i++) {
        if (i) b.put(S(self));
        b.put(S(items[i]));
    }
    return b.finish(ts);
}

static Ref<> m_replace(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "replace", kw) || !check_positional(ts, "replace", nargs, 2, 3)) return nullptr;
    for (int k = 0; k < 2; k++)
        if (!is_str(args[k]))
            return type_error(ts, "replace() argument " + std::to_string(k + 1) + " must be str, not " + clinic_type_name(ts, args[k]));
    isize count = -1;
    if (nargs == 3 && !arg_isize(ts, args[2], &count)) return nullptr;
    if (count < 0) count = kMaxIsize;
    StrObject* s = S(self);
    StrObject* old = S(args[0]);
    StrObject* rep = S(args[1]);
    if (count == 0) return same(ts, self);
    Builder b;
    if (old->length == 0) {
        // Insert `rep` before every character (and at the end).
        isize done = 0;
        for (isize i = 0; i <= s->length; i++) {
            if (done < count) { b.put(rep); done++; }
            if (i < s->length) b.put(sget(s, i));
        }
        return b.finish(ts);
    }
    isize i = 0, done = 0;
    for (;;) {
        isize at = done < count ? str_find_in(s, old, i, s->length, 1) : -1;
        if (at < 0) break;
        if (done == 0 && at < 0) break;
        for (isize k = i; k < at; k++) b.put(sget(s, k));
        b.put(rep);
        i = at + old->length;
        done++;
    }
    if (done == 0) return same(ts, self);
    for (isize k = i; k < s->length; k++) b.put(sget(s, k));
    return b.finish(ts);
}

// ------------------------------------------------------------ strip, pad

static Ref<> strip_impl(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                        const char* name, bool left, bool right) {
    if (!check_no_kwargs(ts, name, kw) || !check_positional(ts, name, nargs, 0, 1)) return nullptr;
    Object* chars = nargs ? args[0] : nullptr;
    if (chars == ts->interp->None) chars = nullptr;
    if (chars && !is_str(chars)) return type_error(ts, std::string(name) + " arg must be None or str");
    StrObject* s = S(self);
    auto strip_it = [&](uint32_t c) {
        if (!chars) return is_space(c);
        StrObject* cs = S(chars);
        for (isize k = 0; k < cs->length; k++)
            if (sget(cs, k) == c) return true;
        return false;
    };
    isize i = 0, j = s->length;
    if (left) while (i < j && strip_it(sget(s, i))) i++;
    if (right) while (j > i && strip_it(sget(s, j - 1))) j--;
    return str_substr(ts, s, i, j);
}

static Ref<> m_strip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return strip_impl(ts, self, a, n, kw, "strip", true, true); }
static Ref<> m_lstrip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return strip_impl(ts, self, a, n, kw, "lstrip", true, false); }
static Ref<> m_rstrip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) { return strip_impl(ts, self, a, n, kw, "rstrip", false, true); }

static bool parse_fill(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw,
                       isize* width, uint32_t* fill) {
    if (!check_no_kwargs(ts, name, kw) || !check_positional(ts, name, nargs, 1, 2)) return false;
    if (!arg_isize(ts, args[0], width)) return false;
    *fill = ' ';
    if (nargs == 2) {
        Object* f = args[1];
        if (!is_str(f)) {
            type_error(ts, std::string("The fill character must be a unicode character, not ") + type_name(f));
            return false;
        }
        if (S(f)->length != 1) {
            type_error(ts, "The fill character must be exactly one character long");
            return false;
        }
        *fill = sget(S(f), 0);
    }
    return true;
}

static Ref<> pad(ThreadState* ts, Object* self, isize left, isize right, uint32_t fill) {
    StrObject* s = S(self);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return same(ts, self);
    Builder b;
    b.buf.reserve(std::size_t(left + s->length + right));
    for (isize i = 0; i < left; i++) b.put(fill);
    b.put(s);
    for (isize i = 0; i < right; i++) b.put(fill);
    return b.finish(ts);
}

static Ref<> m_center(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize width;
    uint32_t fill;
    if (!parse_fill(ts, "center", args, nargs, kw, &width, &fill)) return nullptr;
    isize len = S(self)->length;
    if (len >= width) return same(ts, self);
    isize marg = width - len;
    isize left = marg / 2 + (marg & width & 1);
    return pad(ts, self, left, marg - left, fill);
}

static Ref<> m_ljust(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize width;
    uint32_t fill;
    if (!parse_fill(ts, "ljust", args, nargs, kw, &width, &fill)) return nullptr;
    isize len = S(self)->length;
    if (len >= width) return same(ts, self);
    return pad(ts, self, 0, width - len, fill);
}

static Ref<> m_rjust(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize width;
    uint32_t fill;
    if (!parse_fill(ts, "rjust", args, nargs, kw, &width, &fill)) return nullptr;
    isize len = S(self)->length;
    if (len >= width) return same(ts, self);
    return pad(ts, self, width - len, 0, fill);
}

static Ref<> m_zfill(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.zfill", kw) || !check_nargs(ts, "str.zfill", nargs, 1, 1)) return nullptr;
    isize width;
    if (!arg_isize(ts, args[0], &width)) return nullptr;
    StrObject* s = S(self);
    if (s->length >= width) return same(ts, self);
    isize fill = width - s->length;
    Builder b;
    for (isize i = 0; i < fill; i++) b.put('0');
    b.put(s);
    if (s->length > 0 && (b.buf[std::size_t(fill)] == U'+' || b.buf[std::size_t(fill)] == U'-')) {
        // Move the sign to the front.
        b.buf[0] = b.buf[std::size_t(fill)];
        b.buf[std::size_t(fill)] = U'0';
    }
    return b.finish(ts);
}

static Ref<> m_expandtabs(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"tabsize"};
    Object* a[1];
    if (!parse_kwargs(ts, "expandtabs", names, 1, 0, 0, args, nargs, kw, a)) return nullptr;
    isize tabsize = 8;
    if (a[0] && !arg_isize(ts, a[0], &tabsize)) return nullptr;
    StrObject* s = S(self);
    bool has_tab = false;
    for (isize i = 0; i < s->length && !has_tab; i++) has_tab = sget(s, i) == '\t';
    if (!has_tab && isinstance_exact(self, ts->interp->types.str)) return newref(self);   // unchanged: self
    Builder b;
    isize col = 0;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        if (c == '\t') {
            if (tabsize > 0) {
                isize incr = tabsize - (col % tabsize);
                col += incr;
                for (isize k = 0; k < incr; k++) b.put(' ');
            }
        } else {
            col++;
            b.put(c);
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    return b.finish(ts);
}

// ------------------------------------------------------------ prefix/suffix

static Ref<> m_removeprefix(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.removeprefix", kw) || !check_nargs(ts, "str.removeprefix", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0])) return type_error(ts, std::string("removeprefix() argument must be str, not ") + clinic_type_name(ts, args[0]));
    StrObject* s = S(self);
    StrObject* p = S(args[0]);
    if (tailmatch(s, p, 0, kMaxIsize, -1)) return str_substr(ts, s, p->length, s->length);
    return same(ts, self);
}

static Ref<> m_removesuffix(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.removesuffix", kw) || !check_nargs(ts, "str.removesuffix", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0])) return type_error(ts, std::string("removesuffix() argument must be str, not ") + clinic_type_name(ts, args[0]));
    StrObject* s = S(self);
    StrObject* p = S(args[0]);
    if (p->length && tailmatch(s, p, 0, kMaxIsize, 1)) return str_substr(ts, s, 0, s->length - p->length);
    return same(ts, self);
}

// ------------------------------------------------------------ translate

// str.maketrans(x[, y[, z]]), a static method: `self` is the class.
static Ref<> m_maketrans(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "maketrans", kw) || !check_positional(ts, "maketrans", nargs, 1, 3)) return nullptr;
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    if (nargs == 1) {
        Object* x = args[0];
        if (!is_dict(x)) return type_error(ts, "if you give only one argument to maketrans it must be a dict");
        isize pos = 0;
        Object *key, *value;
        while (dict_next(as_dict(x), &pos, &key, &value)) {
            Ref<> k;
            if (is_str(key)) {
                if (S(key)->length != 1) return value_error(ts, "string keys in translate table must be of length 1");
                k = int_from_i64(ts, sget(S(key), 0));
            } else if (is_int(key)) {
                k = newref(key);
            } else {
                return type_error(ts, "keys in translate table must be strings or integers");
            }
            if (!k || !dict_set_item(ts, d.get(), k.get(), value)) return nullptr;
        }
        return d;
    }
    Object* x = args[0];
    Object* y = args[1];
    if (!is_str(x)) return type_error(ts, "first maketrans argument must be a string if there is a second argument");
    if (!is_str(y)) return type_error(ts, std::string("maketrans() argument 2 must be str, not ") + clinic_type_name(ts, y));
    if (S(x)->length != S(y)->length) return value_error(ts, "the first two maketrans arguments must have equal length");
    for (isize i = 0; i < S(x)->length; i++) {
        Ref<> k = int_from_i64(ts, sget(S(x), i));
        Ref<> v = int_from_i64(ts, sget(S(y), i));
        if (!k || !v || !dict_set_item(ts, d.get(), k.get(), v.get())) return nullptr;
    }
    if (nargs == 3) {
        Object* z = args[2];
        if (!is_str(z)) return type_error(ts, std::string("maketrans() argument 3 must be str, not ") + clinic_type_name(ts, z));
        for (isize i = 0; i < S(z)->length; i++) {
            Ref<> k = int_from_i64(ts, sget(S(z), i));
            if (!k || !dict_set_item(ts, d.get(), k.get(), ts->interp->None)) return nullptr;
        }
    }
    return d;
}

static Ref<> m_translate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "str.translate", kw) || !check_nargs(ts, "str.translate", nargs, 1, 1)) return nullptr;
    Object* table = args[0];
    Interpreter& interp = *ts->interp;
    StrObject* s = S(self);
    Builder b;
    for (isize i = 0; i < s->length; i++) {
        uint32_t c = sget(s, i);
        Ref<> key = int_from_i64(ts, c);
        if (!key) return nullptr;
        Ref<> v = object_getitem(ts, table, key.get());
        if (!v) {
            if (error_matches(ts, interp.exc.LookupError)) {
                error_clear(ts);
                b.put(c);
                continue;
            }
            return nullptr;
        }
        Object* m = v.get();
        if (m == interp.None) continue;
        if (is_int(m)) {
            int64_t cp;
            if (!int_as_i64(m, &cp) || cp < 0 || cp > 0x10FFFF)
                return value_error(ts, "character mapping must be in range(0x110000)");
            b.put(uint32_t(cp));
        } else if (is_str(m)) {
            b.put(S(m));
        } else {
            return type_error(ts, "character mapping must return integer, None or str");
        }
    }
    return b.finish(ts);
}

// ------------------------------------------------------------ encode, misc

static Ref<> m_encode(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"encoding", "errors"};
    Object* a[2];
    if (!parse_kwargs(ts, "encode", names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    for (int k = 0; k < 2; k++)
        if (a[k] && !is_str(a[k]))
            return type_error(ts, std::string("encode() argument '") + names[k] + "' must be str, not " + clinic_type_name(ts, a[k]));
    std::string_view encoding = a[0] ? str_utf8(a[0]) : std::string_view("utf-8");
    std::string_view errors = a[1] ? str_utf8(a[1]) : std::string_view("strict");
    std::string out;
    if (!unicode_encode(ts, S(self), encoding, errors, &out)) return nullptr;
    return bytes_from_string(ts, out);
}

static Ref<> m_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.__sizeof__", nargs, kw)) return nullptr;
    return int_from_i64(ts, str_sizeof(S(self)));
}

static Ref<> m_getnewargs(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "str.__getnewargs__", nargs, kw)) return nullptr;
    Ref<> copy = same(ts, self);
    if (!copy) return nullptr;
    return tuple_pack(ts, {copy.get()});
}

const MethodDef str_methods[] = {
    {"encode", m_encode, METH_DEFAULT, "Encode the string using the codec registered for encoding."},
    {"replace", m_replace, METH_DEFAULT, "Return a copy with all occurrences of substring old replaced by new."},
    {"split", m_split, METH_DEFAULT, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", m_rsplit, METH_DEFAULT, "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", m_join, METH_DEFAULT, "Concatenate any number of strings."},
    {"capitalize", m_capitalize, METH_DEFAULT, "Return a capitalized version of the string."},
    {"casefold", m_casefold, METH_DEFAULT, "Return a version of the string suitable for caseless comparisons."},
    {"title", m_title, METH_DEFAULT, "Return a version of the string where each word is titlecased."},
    {"center", m_center, METH_DEFAULT, "Return a centered string of length width."},
    {"count", m_count, METH_DEFAULT, "S.count(sub[, start[, end]]) -> int"},
    {"expandtabs", m_expandtabs, METH_DEFAULT, "Return a copy where all tab characters are expanded using spaces."},
    {"find", m_find, METH_DEFAULT, "S.find(sub[, start[, end]]) -> int"},
    {"partition", m_partition, METH_DEFAULT, "Partition the string into three parts using the given separator."},
    {"index", m_index, METH_DEFAULT, "S.index(sub[, start[, end]]) -> int"},
    {"ljust", m_ljust, METH_DEFAULT, "Return a left-justified string of length width."},
    {"lower", m_lower, METH_DEFAULT, "Return a copy of the string converted to lowercase."},
    {"lstrip", m_lstrip, METH_DEFAULT, "Return a copy of the string with leading whitespace removed."},
    {"rfind", m_rfind, METH_DEFAULT, "S.rfind(sub[, start[, end]]) -> int"},
    {"rindex", m_rindex, METH_DEFAULT, "S.rindex(sub[, start[, end]]) -> int"},
    {"rjust", m_rjust, METH_DEFAULT, "Return a right-justified string of length width."},
    {"rstrip", m_rstrip, METH_DEFAULT, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", m_rpartition, METH_DEFAULT, "Partition the string into three parts using the given separator."},
    {"splitlines", m_splitlines, METH_DEFAULT, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", m_strip, METH_DEFAULT, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", m_swapcase, METH_DEFAULT, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", m_translate, METH_DEFAULT, "Replace each character in the string using the given translation table."},
    {"upper", m_upper, METH_DEFAULT, "Return a copy of the string converted to uppercase."},
    {"startswith", m_startswith, METH_DEFAULT, "S.startswith(prefix[, start[, end]]) -> bool"},
    {"endswith", m_endswith, METH_DEFAULT, "S.endswith(suffix[, start[, end]]) -> bool"},
    {"removeprefix", m_removeprefix, METH_DEFAULT, "Return a str with the given prefix string removed if present."},
    {"removesuffix", m_removesuffix, METH_DEFAULT, "Return a str with the given suffix string removed if present."},
    {"isascii", m_isascii, METH_DEFAULT, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", m_islower, METH_DEFAULT, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", m_isupper, METH_DEFAULT, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", m_istitle, METH_DEFAULT, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", m_isspace, METH_DEFAULT, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", m_isdecimal, METH_DEFAULT, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", m_isdigit, METH_DEFAULT, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", m_isnumeric, METH_DEFAULT, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", m_isalpha, METH_DEFAULT, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", m_isalnum, METH_DEFAULT, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", m_isidentifier, METH_DEFAULT, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", m_isprintable, METH_DEFAULT, "Return True if the string is printable, False otherwise."},
    {"zfill", m_zfill, METH_DEFAULT, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_method, METH_DEFAULT, "S.format(*args, **kwargs) -> str"},
    {"format_map", str_format_map_method, METH_DEFAULT, "S.format_map(mapping) -> str"},
    {"__format__", str_dunder_format, METH_DEFAULT, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", m_maketrans, METH_STATIC, "Return a translation table usable for str.translate()."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", m_getnewargs, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace gp
