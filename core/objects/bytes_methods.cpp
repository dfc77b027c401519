// bytes_methods.cpp — the methods bytes and bytearray share.
//
// Mirrors CPython 3.11's Objects/bytes_methods.c and the stringlib
// templates it instantiates for both types (split, partition, find, strip,
// justify, case mapping). The two types differ only in what a result is —
// an immutable bytes or a fresh bytearray — so each method reads its
// receiver with self_bytes() and builds results with result_like().
//
// All the character classes are ASCII-only (bytes have no encoding):
// b'\xe9'.upper() is b'\xe9', and whitespace is b' \t\n\r\x0b\x0c'.
//
// Like str, an exact bytes receiver that a method would return unchanged is
// returned itself (b'abc'.strip() is b'abc'); a bytearray always gets a copy.
#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "objects/abstract.h"
#include "objects/bytes_internal.h"
#include "objects/container_internal.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

constexpr isize kMaxIsize = std::numeric_limits<isize>::max();

std::nullptr_t type_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.TypeError, msg); }
std::nullptr_t value_error(ThreadState* ts, const std::string& msg) { return raise(ts, ts->interp->exc.ValueError, msg); }

// Py_ISSPACE and friends (pyctype.h), ASCII only.
bool b_isspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool b_isalpha(unsigned char c) { return b_islower(c) || b_isupper(c); }
bool b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool b_isalnum(unsigned char c) { return b_isalpha(c) || b_isdigit(c); }
char b_lower(unsigned char c) { return b_isupper(c) ? char(c + 32) : char(c); }
char b_upper(unsigned char c) { return b_islower(c) ? char(c - 32) : char(c); }

bool is_exact_bytes(ThreadState* ts, Object* o) { return type_of(o) == ts->interp->types.bytes; }

// The whole receiver unchanged: itself for an exact bytes, else a copy.
Ref<> same(ThreadState* ts, Object* self) {
    if (is_exact_bytes(ts, self)) return newref(self);
    return result_like(ts, self, self_bytes(self));
}

// self[start:end], reusing self when it is all of an exact bytes.
Ref<> sub(ThreadState* ts, Object* self, isize start, isize end) {
    std::string_view s = self_bytes(self);
    if (start == 0 && end == isize(s.size())) return same(ts, self);
    return result_like(ts, self, s.substr(std::size_t(start), std::size_t(end - start)));
}

bool no_args(ThreadState* ts, const char* name, isize nargs, TupleObject* kw) {
    return check_no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 0, 0);
}

// stringlib's ADJUST_INDICES.
void adjust(isize* start, isize* end, isize len) {
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

bool arg_isize(ThreadState* ts, Object* o, isize* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    return int_as_isize(ts, i.get(), out);
}

// A "sub" argument of find/count/index: a bytes-like object or an int byte.
bool sub_arg(ThreadState* ts, Object* o, std::string* storage, std::string_view* out) {
    if (bytes_like_view(o, out)) return true;
    TypeObject* t = type_of(o);
    if (is_int(o) || (t->tp_as_number && t->tp_as_number->nb_index)) {
        int v;
        if (!byte_value(ts, o, &v)) return false;
        *storage = std::string(1, char(v));
        *out = *storage;
        return true;
    }
    type_error(ts, std::string("argument should be integer or bytes-like object, not '") + type_name(o) + "'");
    return false;
}

// sub[, start[, end]] (stringlib_parse_args_finds).
bool parse_finds(ThreadState* ts, const char* name, Object* const* args, isize nargs, TupleObject* kw, Object** subobj,
                 isize* start, isize* end) {
    if (!check_no_kwargs(ts, name, kw)) return false;
    if (!check_positional(ts, name, nargs, 1, 3)) return false;
    *subobj = args[0];
    *start = 0;
    *end = kMaxIsize;
    Object* none = ts->interp->None;
    if (nargs > 1 && args[1] != none && !slice_index_value(ts, args[1], start)) return false;
    if (nargs > 2 && args[2] != none && !slice_index_value(ts, args[2], end)) return false;
    return true;
}

// Index of the first (dir > 0) or last occurrence of needle in hay[start:end], or -1.
isize find_in(std::string_view hay, std::string_view needle, isize start, isize end, int dir) {
    isize len = isize(hay.size());
    adjust(&start, &end, len);
    if (end - start < isize(needle.size())) return -1;
    if (start > len) return -1;
    std::string_view window = hay.substr(std::size_t(start), std::size_t(end - start));
    std::size_t pos = dir > 0 ? window.find(needle) : window.rfind(needle);
    return pos == std::string_view::npos ? -1 : start + isize(pos);
}

isize count_in(std::string_view hay, std::string_view needle, isize start, isize end, isize maxcount) {
    isize len = isize(hay.size());
    adjust(&start, &end, len);
    if (end < start || start > len) return 0;
    std::string_view window = hay.substr(std::size_t(start), std::size_t(end - start));
    if (needle.empty()) return std::min<isize>(isize(window.size()) + 1, maxcount);
    isize n = 0;
    std::size_t pos = 0;
    while (n < maxcount && (pos = window.find(needle, pos)) != std::string_view::npos) {
        n++;
        pos += needle.size();
    }
    return n;
}

// find/rfind/index/rindex.
Ref<> find_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs, TupleObject* kw,
                int dir, bool raise_missing) {
    Object* subobj;
    isize start, end;
    if (!parse_finds(ts, name, args, nargs, kw, &subobj, &start, &end)) return nullptr;
    std::string storage;
    std::string_view needle;
    if (!sub_arg(ts, subobj, &storage, &needle)) return nullptr;
    isize r = find_in(self_bytes(self), needle, start, end, dir);
    if (r < 0 && raise_missing) return value_error(ts, "subsection not found");
    return int_from_i64(ts, r);
}

}  // namespace

// ------------------------------------------------------------ shared helpers (bytes_internal.h)

bool byte_value(ThreadState* ts, Object* o, int* out) {
    Ref<> i = number_index(ts, o);
    if (!i) return false;
    int64_t v;
    if (!int_as_i64(i.get(), &v) || v < 0 || v > 255) {
        value_error(ts, "byte must be in range(0, 256)");
        return false;
    }
    *out = int(v);
    return true;
}

Ref<> bytes_compare_views(ThreadState* ts, std::string_view a, std::string_view b, CompareOp op) {
    int c = a.compare(b);
    bool r = false;
    switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_EQ: r = c == 0; break;
    case Py_NE: r = c != 0; break;
    case Py_GT: r = c > 0; break;
    case Py_GE: r = c >= 0; break;
    }
    return bool_ref(ts, r);
}

int bytes_contains_view(ThreadState* ts, std::string_view self, Object* item) {
    std::string storage;
    std::string_view needle;
    if (bytes_like_view(item, &needle)) return self.find(needle) != std::string_view::npos ? 1 : 0;
    TypeObject* t = type_of(item);
    if (!is_int(item) && !(t->tp_as_number && t->tp_as_number->nb_index)) {
        type_error(ts, std::string("a bytes-like object is required, not '") + type_name(item) + "'");
        return -1;
    }
    int v;
    if (!byte_value(ts, item, &v)) return -1;
    return self.find(char(v)) != std::string_view::npos ? 1 : 0;
}

// ------------------------------------------------------------ searching

static Ref<> m_find(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return find_impl(ts, "find", self, a, n, kw, 1, false);
}
static Ref<> m_rfind(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return find_impl(ts, "rfind", self, a, n, kw, -1, false);
}
static Ref<> m_index(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return find_impl(ts, "index", self, a, n, kw, 1, true);
}
static Ref<> m_rindex(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return find_impl(ts, "rindex", self, a, n, kw, -1, true);
}

static Ref<> m_count(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* subobj;
    isize start, end;
    if (!parse_finds(ts, "count", args, nargs, kw, &subobj, &start, &end)) return nullptr;
    std::string storage;
    std::string_view needle;
    if (!sub_arg(ts, subobj, &storage, &needle)) return nullptr;
    return int_from_i64(ts, count_in(self_bytes(self), needle, start, end, kMaxIsize));
}

// startswith/endswith(prefix[, start[, end]]): prefix may be a tuple.
static Ref<> starts_ends(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs,
                         TupleObject* kw, bool ends) {
    Object* subobj;
    isize start, end;
    if (!parse_finds(ts, name, args, nargs, kw, &subobj, &start, &end)) return nullptr;
    std::string_view s = self_bytes(self);
    isize len = isize(s.size());
    auto match = [&](std::string_view p) {
        isize st = start, en = end;
        adjust(&st, &en, len);
        if (st > len) return false;
        if (en - st < isize(p.size())) return false;
        if (ends) return s.substr(std::size_t(en) - p.size(), p.size()) == p;
        return s.substr(std::size_t(st), p.size()) == p;
    };
    std::string_view p;
    if (is_tuple(subobj)) {
        auto* t = as_tuple(subobj);
        for (isize i = 0; i < t->ob_size; i++) {
            if (!bytes_like_view(t->ob_item[i], &p))
                return type_error(ts, std::string("a bytes-like object is required, not '") + type_name(t->ob_item[i]) + "'");
            if (match(p)) return bool_ref(ts, true);
        }
        return bool_ref(ts, false);
    }
    if (!bytes_like_view(subobj, &p))
        return type_error(ts, std::string(name) + " first arg must be bytes or a tuple of bytes, not " + type_name(subobj));
    return bool_ref(ts, match(p));
}

static Ref<> m_startswith(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return starts_ends(ts, "startswith", self, a, n, kw, false);
}
static Ref<> m_endswith(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return starts_ends(ts, "endswith", self, a, n, kw, true);
}

static Ref<> m_removeprefix(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "removeprefix", kw) || !check_nargs(ts, "removeprefix", nargs, 1, 1)) return nullptr;
    std::string_view p, s = self_bytes(self);
    if (!need_bytes_like(ts, args[0], &p)) return nullptr;
    if (s.substr(0, p.size()) == p && s.size() >= p.size()) return sub(ts, self, isize(p.size()), isize(s.size()));
    return same(ts, self);
}

static Ref<> m_removesuffix(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "removesuffix", kw) || !check_nargs(ts, "removesuffix", nargs, 1, 1)) return nullptr;
    std::string_view p, s = self_bytes(self);
    if (!need_bytes_like(ts, args[0], &p)) return nullptr;
    if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p)
        return sub(ts, self, 0, isize(s.size() - p.size()));
    return same(ts, self);
}

// ------------------------------------------------------------ case and predicates

template <class F>
static Ref<> map_bytes(ThreadState* ts, const char* name, Object* self, isize nargs, TupleObject* kw, F f) {
    if (!no_args(ts, name, nargs, kw)) return nullptr;
    std::string out(self_bytes(self));
    f(out);
    return result_like(ts, self, out);
}

static Ref<> m_lower(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return map_bytes(ts, "lower", self, n, kw, [](std::string& s) { for (char& c : s) c = b_lower(uint8_t(c)); });
}
static Ref<> m_upper(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return map_bytes(ts, "upper", self, n, kw, [](std::string& s) { for (char& c : s) c = b_upper(uint8_t(c)); });
}
static Ref<> m_swapcase(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return map_bytes(ts, "swapcase", self, n, kw, [](std::string& s) {
        for (char& c : s) c = b_isupper(uint8_t(c)) ? b_lower(uint8_t(c)) : b_upper(uint8_t(c));
    });
}
static Ref<> m_capitalize(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return map_bytes(ts, "capitalize", self, n, kw, [](std::string& s) {
        for (std::size_t i = 0; i < s.size(); i++) s[i] = i == 0 ? b_upper(uint8_t(s[i])) : b_lower(uint8_t(s[i]));
    });
}
static Ref<> m_title(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return map_bytes(ts, "title", self, n, kw, [](std::string& s) {
        bool previous_cased = false;
        for (char& c : s) {
            uint8_t u = uint8_t(c);
            if (b_islower(u)) { if (!previous_cased) c = b_upper(u); previous_cased = true; }
            else if (b_isupper(u)) { if (previous_cased) c = b_lower(u); previous_cased = true; }
            else previous_cased = false;
        }
    });
}

template <class F>
static Ref<> predicate(ThreadState* ts, const char* name, Object* self, isize nargs, TupleObject* kw, F test,
                       bool empty_result = false) {
    if (!no_args(ts, name, nargs, kw)) return nullptr;
    std::string_view s = self_bytes(self);
    if (s.empty()) return bool_ref(ts, empty_result);
    for (char c : s)
        if (!test(uint8_t(c))) return bool_ref(ts, false);
    return bool_ref(ts, true);
}

static Ref<> m_isalnum(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return predicate(ts, "isalnum", self, n, kw, b_isalnum);
}
static Ref<> m_isalpha(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return predicate(ts, "isalpha", self, n, kw, b_isalpha);
}
static Ref<> m_isascii(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return predicate(ts, "isascii", self, n, kw, [](unsigned char c) { return c < 128; }, true);
}
static Ref<> m_isdigit(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return predicate(ts, "isdigit", self, n, kw, b_isdigit);
}
static Ref<> m_isspace(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return predicate(ts, "isspace", self, n, kw, b_isspace);
}

// islower/isupper: at least one cased byte, and none of the other case.
static Ref<> cased(ThreadState* ts, const char* name, Object* self, isize nargs, TupleObject* kw, bool upper) {
    if (!no_args(ts, name, nargs, kw)) return nullptr;
    bool any = false;
    for (char c : self_bytes(self)) {
        uint8_t u = uint8_t(c);
        if (upper ? b_islower(u) : b_isupper(u)) return bool_ref(ts, false);
        if (upper ? b_isupper(u) : b_islower(u)) any = true;
    }
    return bool_ref(ts, any);
}
static Ref<> m_islower(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return cased(ts, "islower", self, n, kw, false);
}
static Ref<> m_isupper(ThreadState* ts, Object* self, Object* const*, isize n, TupleObject* kw) {
    return cased(ts, "isupper", self, n, kw, true);
}

static Ref<> m_istitle(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!no_args(ts, "istitle", nargs, kw)) return nullptr;
    bool cased_seen = false, previous_cased = false;
    for (char c : self_bytes(self)) {
        uint8_t u = uint8_t(c);
        if (b_isupper(u)) {
            if (previous_cased) return bool_ref(ts, false);
            previous_cased = cased_seen = true;
        } else if (b_islower(u)) {
            if (!previous_cased) return bool_ref(ts, false);
            previous_cased = cased_seen = true;
        } else {
            previous_cased = false;
        }
    }
    return bool_ref(ts, cased_seen);
}

// ------------------------------------------------------------ strip, justify

// strip/lstrip/rstrip([bytes]): 1 left, 2 right, 3 both.
static Ref<> strip_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs,
                        TupleObject* kw, int sides) {
    if (!check_no_kwargs(ts, name, kw) || !check_positional(ts, name, nargs, 0, 1)) return nullptr;
    std::string_view s = self_bytes(self);
    std::string_view chars;
    bool whitespace = nargs == 0 || args[0] == ts->interp->None;
    if (!whitespace && !need_bytes_like(ts, args[0], &chars)) return nullptr;
    auto strip_it = [&](char c) { return whitespace ? b_isspace(uint8_t(c)) : chars.find(c) != std::string_view::npos; };
    isize i = 0, j = isize(s.size());
    if (sides & 1) while (i < j && strip_it(s[std::size_t(i)])) i++;
    if (sides & 2) while (j > i && strip_it(s[std::size_t(j - 1)])) j--;
    return sub(ts, self, i, j);
}
static Ref<> m_strip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return strip_impl(ts, "strip", self, a, n, kw, 3);
}
static Ref<> m_lstrip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return strip_impl(ts, "lstrip", self, a, n, kw, 1);
}
static Ref<> m_rstrip(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return strip_impl(ts, "rstrip", self, a, n, kw, 2);
}

// center/ljust/rjust(width, fillchar=b' ', /)
static Ref<> justify(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs,
                     TupleObject* kw, int how) {
    if (!check_no_kwargs(ts, name, kw) || !check_positional(ts, name, nargs, 1, 2)) return nullptr;
    isize width;
    if (!arg_isize(ts, args[0], &width)) return nullptr;
    char fill = ' ';
    if (nargs > 1) {
        std::string_view f;
        if (!(is_bytes(args[1]) || is_bytearray(args[1])) || !bytes_like_view(args[1], &f) || f.size() != 1)
            return type_error(ts, std::string(name) + "() argument 2 must be a byte string of length 1, not " +
                                      type_name(args[1]));
        fill = f[0];
    }
    std::string_view s = self_bytes(self);
    isize len = isize(s.size());
    if (width <= len) return same(ts, self);
    isize marg = width - len;
    isize left = how == 0 ? marg / 2 + (marg & width & 1) : how < 0 ? 0 : marg;   // stringlib pad()
    std::string out(std::size_t(left), fill);
    out += s;
    out.append(std::size_t(marg - left), fill);
    return result_like(ts, self, out);
}
static Ref<> m_center(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return justify(ts, "center", self, a, n, kw, 0);
}
static Ref<> m_ljust(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return justify(ts, "ljust", self, a, n, kw, -1);
}
static Ref<> m_rjust(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return justify(ts, "rjust", self, a, n, kw, 1);
}

static Ref<> m_zfill(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "zfill", kw) || !check_nargs(ts, "zfill", nargs, 1, 1)) return nullptr;
    isize width;
    if (!arg_isize(ts, args[0], &width)) return nullptr;
    std::string_view s = self_bytes(self);
    if (width <= isize(s.size())) return same(ts, self);
    std::string out(std::size_t(width) - s.size(), '0');
    out += s;
    std::size_t fill = std::size_t(width) - s.size();
    if (out[fill] == '+' || out[fill] == '-') {
        out[0] = out[fill];
        out[fill] = '0';
    }
    return result_like(ts, self, out);
}

// expandtabs(tabsize=8)
static Ref<> m_expandtabs(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"tabsize"};
    Object* a[1];
    if (!parse_kwargs(ts, "expandtabs", names, 1, 0, 0, args, nargs, kw, a)) return nullptr;
    isize tabsize = 8;
    if (a[0] && !arg_isize(ts, a[0], &tabsize)) return nullptr;
    std::string out;
    isize col = 0;
    for (char c : self_bytes(self)) {
        if (c == '\t') {
            if (tabsize > 0) {
                isize incr = tabsize - (col % tabsize);
                col += incr;
                out.append(std::size_t(incr), ' ');
            }
        } else {
            col++;
            out += c;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    return result_like(ts, self, out);
}

// ------------------------------------------------------------ split, partition, join, replace

// A list of the pieces, each of self's kind.
static Ref<> pieces_list(ThreadState* ts, Object* self, const std::vector<std::pair<isize, isize>>& spans) {
    Ref<ListObject> list = list_new(ts, 0);
    if (!list) return nullptr;
    for (auto& [a, b] : spans) {
        Ref<> piece = sub(ts, self, a, b);
        if (!piece || !list_append(ts, list.get(), piece.get())) return nullptr;
    }
    return list;
}

// split/rsplit(sep=None, maxsplit=-1)
static Ref<> split_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs,
                        TupleObject* kw, bool right) {
    static const char* const names[] = {"sep", "maxsplit"};
    Object* a[2];
    if (!parse_kwargs(ts, name, names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    isize maxsplit = -1;
    if (a[1] && !arg_isize(ts, a[1], &maxsplit)) return nullptr;
    if (maxsplit < 0) maxsplit = kMaxIsize;
    std::string_view s = self_bytes(self);
    isize len = isize(s.size());
    std::vector<std::pair<isize, isize>> spans;
    if (!a[0] || a[0] == ts->interp->None) {
        // Runs of ASCII whitespace separate; leading/trailing runs give nothing.
        if (!right) {
            isize i = 0;
            while (maxsplit-- > 0) {
                while (i < len && b_isspace(uint8_t(s[std::size_t(i)]))) i++;
                if (i == len) break;
                isize j = i;
                while (j < len && !b_isspace(uint8_t(s[std::size_t(j)]))) j++;
                spans.push_back({i, j});
                i = j;
            }
            while (i < len && b_isspace(uint8_t(s[std::size_t(i)]))) i++;
            if (i < len) spans.push_back({i, len});
        } else {
            isize j = len;
            while (maxsplit-- > 0) {
                while (j > 0 && b_isspace(uint8_t(s[std::size_t(j - 1)]))) j--;
                if (j == 0) break;
                isize i = j;
                while (i > 0 && !b_isspace(uint8_t(s[std::size_t(i - 1)]))) i--;
                spans.push_back({i, j});
                j = i;
            }
            while (j > 0 && b_isspace(uint8_t(s[std::size_t(j - 1)]))) j--;
            if (j > 0) spans.push_back({0, j});
            std::reverse(spans.begin(), spans.end());
        }
        return pieces_list(ts, self, spans);
    }
    std::string_view sep;
    if (!need_bytes_like(ts, a[0], &sep)) return nullptr;
    if (sep.empty()) return value_error(ts, "empty separator");
    std::string sep_copy(sep);   // the separator may be self (a bytearray) itself
    if (!right) {
        std::size_t i = 0, pos;
        while (maxsplit-- > 0 && (pos = s.find(sep_copy, i)) != std::string_view::npos) {
            spans.push_back({isize(i), isize(pos)});
            i = pos + sep_copy.size();
        }
        spans.push_back({isize(i), len});
    } else {
        isize j = len;
        while (maxsplit-- > 0 && j >= isize(sep_copy.size())) {
            std::size_t pos = s.substr(0, std::size_t(j)).rfind(sep_copy);
            if (pos == std::string_view::npos) break;
            spans.push_back({isize(pos + sep_copy.size()), j});
            j = isize(pos);
        }
        spans.push_back({0, j});
        std::reverse(spans.begin(), spans.end());
    }
    return pieces_list(ts, self, spans);
}
static Ref<> m_split(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return split_impl(ts, "split", self, a, n, kw, false);
}
static Ref<> m_rsplit(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return split_impl(ts, "rsplit", self, a, n, kw, true);
}

// splitlines(keepends=False): \n, \r and \r\n end lines.
static Ref<> m_splitlines(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"keepends"};
    Object* a[1];
    if (!parse_kwargs(ts, "splitlines", names, 1, 0, 0, args, nargs, kw, a)) return nullptr;
    bool keepends = false;
    if (a[0]) {
        int t = object_is_true(ts, a[0]);
        if (t < 0) return nullptr;
        keepends = t;
    }
    std::string_view s = self_bytes(self);
    isize len = isize(s.size());
    std::vector<std::pair<isize, isize>> spans;
    isize i = 0;
    while (i < len) {
        isize j = i;
        while (j < len && s[std::size_t(j)] != '\n' && s[std::size_t(j)] != '\r') j++;
        isize eol = j;
        if (j < len) {
            if (s[std::size_t(j)] == '\r' && j + 1 < len && s[std::size_t(j + 1)] == '\n') j += 2;
            else j++;
            if (keepends) eol = j;
        }
        spans.push_back({i, eol});
        i = j;
    }
    return pieces_list(ts, self, spans);
}

// partition/rpartition(sep, /)
static Ref<> partition_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs,
                            TupleObject* kw, bool right) {
    if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
    std::string_view sep;
    if (!need_bytes_like(ts, args[0], &sep)) return nullptr;
    if (sep.empty()) return value_error(ts, "empty separator");
    std::string sep_copy(sep);
    std::string_view s = self_bytes(self);
    isize len = isize(s.size());
    std::size_t pos = right ? s.rfind(sep_copy) : s.find(sep_copy);
    Ref<> a, b, c;
    if (pos == std::string_view::npos) {
        Ref<> empty = result_like(ts, self, "");
        Ref<> empty2 = result_like(ts, self, "");
        Ref<> whole = same(ts, self);
        if (!empty || !empty2 || !whole) return nullptr;
        if (right) { a = std::move(empty); b = std::move(empty2); c = std::move(whole); }
        else { a = std::move(whole); b = std::move(empty); c = std::move(empty2); }
    } else {
        a = sub(ts, self, 0, isize(pos));
        b = result_like(ts, self, sep_copy);
        if (is_exact_bytes(ts, self) && is_bytes(args[0]) && type_of(args[0]) == ts->interp->types.bytes) b = newref(args[0]);
        c = sub(ts, self, isize(pos + sep_copy.size()), len);
    }
    if (!a || !b || !c) return nullptr;
    return tuple_pack(ts, {a.get(), b.get(), c.get()});
}
static Ref<> m_partition(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return partition_impl(ts, "partition", self, a, n, kw, false);
}
static Ref<> m_rpartition(ThreadState* ts, Object* self, Object* const* a, isize n, TupleObject* kw) {
    return partition_impl(ts, "rpartition", self, a, n, kw, true);
}

// join(iterable_of_bytes, /)
static Ref<> m_join(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "join", kw) || !check_nargs(ts, "join", nargs, 1, 1)) return nullptr;
    Ref<> seq = sequence_fast(ts, args[0], "can only join an iterable");
    if (!seq) return nullptr;
    std::string sep(self_bytes(self));
    Object** items = seq_fast_items(seq.get());
    isize n = seq_fast_size(seq.get());
    if (n == 1 && is_exact_bytes(ts, self) && type_of(items[0]) == ts->interp->types.bytes) return newref(items[0]);
    std::string out;
    for (isize i = 0; i < n; i++) {
        std::string_view piece;
        if (!bytes_like_view(items[i], &piece))
            return type_error(ts, "sequence item " + isize_str(i) + ": expected a bytes-like object, " +
                                      type_name(items[i]) + " found");
        if (i) out += sep;
        out += piece;
    }
    return result_like(ts, self, out);
}

// replace(old, new, count=-1, /)
static Ref<> m_replace(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "replace", kw) || !check_positional(ts, "replace", nargs, 2, 3)) return nullptr;
    std::string_view oldv, newv;
    if (!need_bytes_like(ts, args[0], &oldv) || !need_bytes_like(ts, args[1], &newv)) return nullptr;
    isize count = -1;
    if (nargs > 2 && !arg_isize(ts, args[2], &count)) return nullptr;
    if (count < 0) count = kMaxIsize;
    std::string from(oldv), to(newv);
    std::string_view s = self_bytes(self);
    std::string out;
    isize done = 0;
    if (from.empty()) {
        // Insert `to` before every byte and at the end, up to count times.
        for (std::size_t i = 0; i <= s.size(); i++) {
            if (done < count) { out += to; done++; }
            if (i < s.size()) out += s[i];
        }
    } else {
        std::size_t i = 0, pos;
        while (done < count && (pos = s.find(from, i)) != std::string_view::npos) {
            out.append(s.substr(i, pos - i));
            out += to;
            i = pos + from.size();
            done++;
        }
        out.append(s.substr(i));
    }
    if (done == 0) return same(ts, self);
    return result_like(ts, self, out);
}

// ------------------------------------------------------------ translate, hex, decode

// translate(table, /, delete=b'')
static Ref<> m_translate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"", "delete"};
    Object* a[2];
    if (!parse_kwargs(ts, "translate", names, 2, 1, 1, args, nargs, kw, a)) return nullptr;
    std::string_view table, del;
    bool have_table = a[0] != ts->interp->None;
    if (have_table) {
        if (!need_bytes_like(ts, a[0], &table)) return nullptr;
        if (table.size() != 256) return value_error(ts, "translation table must be 256 characters long");
    }
    if (a[1] && !need_bytes_like(ts, a[1], &del)) return nullptr;
    std::string out;
    bool changed = false;
    for (char c : self_bytes(self)) {
        if (del.find(c) != std::string_view::npos) { changed = true; continue; }
        char t = have_table ? table[uint8_t(c)] : c;
        changed |= t != c;
        out += t;
    }
    if (!changed) return same(ts, self);
    return result_like(ts, self, out);
}

// bytes.maketrans(frm, to, /): a 256-byte table mapping frm[i] to to[i].
static Ref<> m_maketrans(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "maketrans", kw) || !check_positional(ts, "maketrans", nargs, 2, 2)) return nullptr;
    std::string_view frm, to;
    if (!need_bytes_like(ts, args[0], &frm) || !need_bytes_like(ts, args[1], &to)) return nullptr;
    if (frm.size() != to.size()) return value_error(ts, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; i++) table[std::size_t(i)] = char(i);
    for (std::size_t i = 0; i < frm.size(); i++) table[uint8_t(frm[i])] = to[i];
    return bytes_from_data(ts, table.data(), 256);
}

// hex(sep=<unrepresentable>, bytes_per_sep=1): groups counted from the right
// for a positive bytes_per_sep, from the left for a negative one.
static Ref<> m_hex(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"sep", "bytes_per_sep"};
    Object* a[2];
    if (!parse_kwargs(ts, "hex", names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    std::string sep;
    if (a[0]) {
        if (is_str(a[0])) sep = std::string(str_utf8(a[0]));
        else {
            std::string_view v;
            if (!bytes_like_view(a[0], &v))
                return type_error(ts, std::string("sep must be str or bytes."));
            sep = std::string(v);
        }
        if (is_str(a[0]) ? as_str(a[0])->length != 1 : sep.size() != 1) return value_error(ts, "sep must be length 1.");
        if (uint8_t(sep[0]) > 127) return value_error(ts, "sep must be ASCII.");
    }
    isize per = 1;
    if (a[1] && !arg_isize(ts, a[1], &per)) return nullptr;
    std::string_view s = self_bytes(self);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    isize n = isize(s.size());
    isize group = per < 0 ? -per : per;
    for (isize i = 0; i < n; i++) {
        if (!sep.empty() && group > 0 && i > 0) {
            // Separator positions: every `group` bytes from the chosen end.
            bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
            if (boundary) out += sep;
        }
        uint8_t c = uint8_t(s[std::size_t(i)]);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return str_from_utf8(ts, out);
}

// fromhex(string, /) (a classmethod): pairs of hex digits, spaces between pairs.
static Ref<> m_fromhex(ThreadState* ts, Object* cls, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fromhex", kw) || !check_nargs(ts, "fromhex", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return type_error(ts, std::string("fromhex() argument must be str, not ") + type_name(args[0]));
    StrObject* s = as_str(args[0]);
    auto hexval = [](uint32_t c) -> int {
        if (c >= '0' && c <= '9') return int(c - '0');
        if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
        return -1;
    };
    std::string out;
    isize i = 0, n = s->length;
    while (i < n) {
        uint32_t c = str_char_at(s, i);
        if (c == ' ' || (c >= '\t' && c <= '\r')) { i++; continue; }
        int hi = hexval(c);
        if (hi < 0) return value_error(ts, "non-hexadecimal number found in fromhex() arg at position " + isize_str(i));
        int lo = i + 1 < n ? hexval(str_char_at(s, i + 1)) : -1;
        if (lo < 0) return value_error(ts, "non-hexadecimal number found in fromhex() arg at position " + isize_str(i + 1));
        out += char(hi * 16 + lo);
        i += 2;
    }
    auto* type = static_cast<TypeObject*>(cls);
    Interpreter& interp = *ts->interp;
    bool bytearray_kind = type_is_subtype(type, interp.types.bytearray);
    Ref<> r = bytearray_kind ? bytearray_from_data(ts, out.data(), isize(out.size()))
                             : bytes_from_data(ts, out.data(), isize(out.size()));
    if (!r || type == interp.types.bytes || type == interp.types.bytearray) return r;
    return object_call_one(ts, type, r.get());
}

// decode(encoding='utf-8', errors='strict')
static Ref<> m_decode(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"encoding", "errors"};
    Object* a[2];
    if (!parse_kwargs(ts, "decode", names, 2, 0, 0, args, nargs, kw, a)) return nullptr;
    for (int i = 0; i < 2; i++)
        if (a[i] && !is_str(a[i]))
            return type_error(ts, std::string("decode() argument '") + names[i] + "' must be str, not " + type_name(a[i]));
    std::string data(self_bytes(self));
    return unicode_decode(ts, data, a[0] ? str_utf8(a[0]) : "utf-8", a[1] ? str_utf8(a[1]) : "strict");
}

const MethodDef bytes_common_methods[] = {
    {"capitalize", m_capitalize, METH_DEFAULT, "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."},
    {"center", m_center, METH_DEFAULT, "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width."},
    {"count", m_count, METH_DEFAULT, "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end]."},
    {"decode", m_decode, METH_DEFAULT, "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding."},
    {"endswith", m_endswith, METH_DEFAULT, "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise."},
    {"expandtabs", m_expandtabs, METH_DEFAULT, "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces."},
    {"find", m_find, METH_DEFAULT, "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].\n\nReturn -1 on failure."},
    {"fromhex", m_fromhex, METH_CLASS, "fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers."},
    {"hex", m_hex, METH_DEFAULT, "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytes object."},
    {"index", m_index, METH_DEFAULT, "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found.\n\nRaises ValueError when the subsection is not found."},
    {"isalnum", m_isalnum, METH_DEFAULT, "B.isalnum() -> bool"},
    {"isalpha", m_isalpha, METH_DEFAULT, "B.isalpha() -> bool"},
    {"isascii", m_isascii, METH_DEFAULT, "B.isascii() -> bool"},
    {"isdigit", m_isdigit, METH_DEFAULT, "B.isdigit() -> bool"},
    {"islower", m_islower, METH_DEFAULT, "B.islower() -> bool"},
    {"isspace", m_isspace, METH_DEFAULT, "B.isspace() -> bool"},
    {"istitle", m_istitle, METH_DEFAULT, "B.istitle() -> bool"},
    {"isupper", m_isupper, METH_DEFAULT, "B.isupper() -> bool"},
    {"join", m_join, METH_DEFAULT, "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes objects."},
    {"ljust", m_ljust, METH_DEFAULT, "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width."},
    {"lower", m_lower, METH_DEFAULT, "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."},
    {"lstrip", m_lstrip, METH_DEFAULT, "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument."},
    {"maketrans", m_maketrans, METH_STATIC, "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method."},
    {"partition", m_partition, METH_DEFAULT, "partition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator."},
    {"removeprefix", m_removeprefix, METH_DEFAULT, "removeprefix($self, prefix, /)\n--\n\nReturn a bytes object with the given prefix string removed if present."},
    {"removesuffix", m_removesuffix, METH_DEFAULT, "removesuffix($self, suffix, /)\n--\n\nReturn a bytes object with the given suffix string removed if present."},
    {"replace", m_replace, METH_DEFAULT, "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new."},
    {"rfind", m_rfind, METH_DEFAULT, "B.rfind(sub[, start[, end]]) -> int"},
    {"rindex", m_rindex, METH_DEFAULT, "B.rindex(sub[, start[, end]]) -> int"},
    {"rjust", m_rjust, METH_DEFAULT, "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width."},
    {"rpartition", m_rpartition, METH_DEFAULT, "rpartition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator."},
    {"rsplit", m_rsplit, METH_DEFAULT, "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter."},
    {"rstrip", m_rstrip, METH_DEFAULT, "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument."},
    {"split", m_split, METH_DEFAULT, "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter."},
    {"splitlines", m_splitlines, METH_DEFAULT, "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytes, breaking at line boundaries."},
    {"startswith", m_startswith, METH_DEFAULT, "B.startswith(prefix[, start[, end]]) -> bool"},
    {"strip", m_strip, METH_DEFAULT, "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument."},
    {"swapcase", m_swapcase, METH_DEFAULT, "B.swapcase() -> copy of B"},
    {"title", m_title, METH_DEFAULT, "B.title() -> copy of B"},
    {"translate", m_translate, METH_DEFAULT, "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table."},
    {"upper", m_upper, METH_DEFAULT, "B.upper() -> copy of B"},
    {"zfill", m_zfill, METH_DEFAULT, "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace gp
