// suggestions.cpp — see suggestions.h.
#include "runtime/suggestions.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

constexpr std::size_t kMaxCandidates = 750;   // MAX_CANDIDATE_ITEMS: bigger namespaces get no suggestion
constexpr std::size_t kMaxStringSize = 40;    // longer names are never compared
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;   // not the same letter in another case
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = char(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = char(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

// Edit distance of the UTF-8 strings a and b, or max_cost + 1 as soon as it
// is certain to exceed max_cost. One row of the usual matrix, updated in place.
std::size_t levenshtein_distance(std::string_view a, std::string_view b, std::size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {   // common prefix
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {     // common suffix
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);   // the row follows the shorter string
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::size_t row[kMaxStringSize];
    for (std::size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b.size(); bi++) {
        // Invariant: row[i] = cost(b[:bi], a[:i+1]); `distance` walks the diagonal.
        std::size_t distance = result = bi * kMoveCost;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t i = 0; i < a.size(); i++) {
            std::size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            std::size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;   // the whole row is already too far
    }
    return result;
}

// calculate_suggestions: the closest candidate to `name`, or "".
std::string closest(const std::vector<std::string>& candidates, std::string_view name) {
    if (candidates.size() >= kMaxCandidates) return "";
    std::size_t best_distance = SIZE_MAX;
    const std::string* best = nullptr;
    for (const std::string& item : candidates) {
        if (item == name) continue;
        // No more than a third of the characters involved may change.
        std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
        std::size_t d = levenshtein_distance(name, item, max_distance);
        if (d > max_distance) continue;
        if (!best || d < best_distance) {
            best = &item;
            best_distance = d;
        }
    }
    return best ? *best : "";
}

std::vector<std::string> dict_keys_of(ThreadState* ts, DictObject* d) {
    std::vector<std::string> out;
    isize pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
        if (is_str(k)) out.emplace_back(str_utf8(k));
    (void)ts;
    return out;
}

}  // namespace

std::string offer_suggestions(ThreadState* ts, Object* exc) {
    Interpreter& interp = *ts->interp;
    Ref<> saved = error_fetch(ts);
    std::string result;
    TypeObject* t = type_of(exc);
    if (t == interp.exc.AttributeError) {
        auto* e = static_cast<AttributeErrorObject*>(exc);
        if (e->name && e->obj && type_of(e->name) == interp.types.str) {
            Ref<> dir = call_method(ts, e->obj, "__dir__", nullptr, 0);
            Ref<ListObject> names = dir ? list_from_iterable(ts, dir.get()) : nullptr;
            if (names) {
                std::vector<std::string> candidates;
                bool ok = true;
                for (isize i = 0; i < names->ob_size; i++) {
                    if (!is_str(names->ob_item[i])) { ok = false; break; }
                    candidates.emplace_back(str_utf8(names->ob_item[i]));
                }
                if (ok) result = closest(candidates, str_utf8(e->name));
            }
        }
    } else if (t == interp.exc.NameError) {
        auto* e = static_cast<NameErrorObject*>(exc);
        auto* tb = static_cast<TracebackObject*>(e->traceback);
        if (e->name && tb && type_of(e->name) == interp.types.str) {
            while (tb->tb_next) tb = tb->tb_next;
            std::string_view name = str_utf8(e->name);
            std::vector<std::string> locals;
            CodeObject* co = tb->tb_code;
            // _PyCode_GetVarnames: the slots that are plain locals (co_varnames).
            for (isize i = 0; co->co_localsplusnames && i < co->co_localsplusnames->ob_size; i++)
                if (i < isize(co->localspluskinds.size()) && (co->localspluskinds[std::size_t(i)] & CO_FAST_LOCAL))
                    locals.emplace_back(str_utf8(co->co_localsplusnames->ob_item[i]));
            result = closest(locals, name);
            Frame* f = tb->tb_frame ? tb->tb_frame->f_frame : nullptr;
            if (result.empty() && f && f->globals) result = closest(dict_keys_of(ts, f->globals), name);
            if (result.empty() && f && f->builtins) result = closest(dict_keys_of(ts, f->builtins), name);
        }
    }
    error_clear(ts);
    if (saved) error_restore(ts, std::move(saved));
    return result;
}

}  // namespace gp
