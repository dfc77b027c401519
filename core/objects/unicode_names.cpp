// unicode_names.cpp — lookups over the unicodedata tables (unicode_data.h):
// properties, character names both ways, decomposition and normalization.
//
// Mirrors CPython 3.11's Modules/unicodedata.c. Names: a Hangul syllable's
// name is built from its jamo (Unicode §3.12, "Hangul Syllable Name
// Generation"), the ideograph ranges are "<prefix><code point in hex>", and
// every other name is a short sequence of word numbers. lookup() scans the
// names, comparing word numbers, after turning the query into them through
// the alphabetically sorted lexicon.
//
// Normalization (UAX #15): decompose each character fully (canonical only,
// or compatibility too), sort each run of combining marks by combining
// class (stable), then for NFC/NFKC recompose each starter with the marks
// that follow it unless a mark of the same or a higher class blocks them.
#include "objects/unicode_data.h"

#include <algorithm>
#include <cstdio>

namespace gp {

namespace {

// Hangul syllable constants (Unicode §3.12).
constexpr uint32_t SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
constexpr uint32_t LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

const char* const kJamoL[LCount] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
                                    "C", "K", "T", "P", "H"};
const char* const kJamoV[VCount] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO",
                                    "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kJamoT[TCount] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
                                    "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

std::string_view word(int i) {
    const UnicodeDataTables& t = kUnicodeData;
    return std::string_view(t.lexicon + t.lexicon_offsets[i], t.lexicon_offsets[i + 1] - t.lexicon_offsets[i]);
}

// Reads one word number at p, advancing p.
int read_word(const uint8_t*& p) {
    int b = *p++;
    if (b < 0x80) return b;
    return ((b & 0x7F) << 8) | *p++;
}

// Skips the name at p.
const uint8_t* skip_name(const uint8_t* p) {
    int n = *p++;
    for (int i = 0; i < n; i++) read_word(p);
    return p;
}

const DecompEntry* find_decomp(uint32_t cp) {
    const UnicodeDataTables& t = kUnicodeData;
    const DecompEntry* end = t.decomp + t.decomp_count;
    const DecompEntry* e = std::lower_bound(t.decomp, end, cp, [](const DecompEntry& d, uint32_t c) { return d.cp < c; });
    return e != end && e->cp == cp ? e : nullptr;
}

int combining(uint32_t cp) { return unicode_data_record(cp).combining; }

void decompose(uint32_t cp, bool compat, std::u32string& out) {
    if (cp >= SBase && cp < SBase + SCount) {
        uint32_t s = cp - SBase;
        out.push_back(LBase + s / NCount);
        out.push_back(VBase + (s % NCount) / TCount);
        if (s % TCount) out.push_back(TBase + s % TCount);
        return;
    }
    const DecompEntry* e = find_decomp(cp);
    if (!e || (e->tag != 0 && !compat)) {
        out.push_back(cp);
        return;
    }
    for (int i = 0; i < e->count; i++) decompose(kUnicodeData.decomp_data[e->start + i], compat, out);
}

// The canonical composition of a + b, or 0.
uint32_t compose_pair(uint32_t a, uint32_t b) {
    if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
        return SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
    if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
        return a + (b - TBase);
    const UnicodeDataTables& t = kUnicodeData;
    const CompositionPair* end = t.compositions + t.composition_count;
    const CompositionPair* p = std::lower_bound(t.compositions, end, std::make_pair(a, b),
        [](const CompositionPair& c, std::pair<uint32_t, uint32_t> k) {
            return c.first < k.first || (c.first == k.first && c.second < k.second);
        });
    return p != end && p->first == a && p->second == b ? p->composed : 0;
}

}  // namespace

const DataRecord& unicode_data_record(uint32_t cp) {
    const UnicodeDataTables& t = kUnicodeData;
    if (cp >= 0x110000) return t.records[0];
    const uint32_t mask = (1u << t.shift) - 1;
    return t.records[t.index2[(uint32_t(t.index1[cp >> t.shift]) << t.shift) + (cp & mask)]];
}

bool unicode_numeric(uint32_t cp, double* value) {
    const UnicodeDataTables& t = kUnicodeData;
    const NumericEntry* end = t.numeric + t.numeric_count;
    const NumericEntry* e = std::lower_bound(t.numeric, end, cp, [](const NumericEntry& n, uint32_t c) { return n.cp < c; });
    if (e == end || e->cp != cp) return false;
    *value = t.numeric_values[e->value];
    return true;
}

std::string unicode_decomposition_text(uint32_t cp) {
    const DecompEntry* e = find_decomp(cp);
    if (!e) return "";
    std::string out = kDecompTagNames[e->tag];
    char buf[16];
    for (int i = 0; i < e->count; i++) {
        std::snprintf(buf, sizeof buf, "%04X", unsigned(kUnicodeData.decomp_data[e->start + i]));
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

std::string unicode_char_name(uint32_t cp) {
    const UnicodeDataTables& t = kUnicodeData;
    if (cp >= SBase && cp < SBase + SCount) {
        uint32_t s = cp - SBase;
        return std::string("HANGUL SYLLABLE ") + kJamoL[s / NCount] + kJamoV[(s % NCount) / TCount] +
               kJamoT[s % TCount];
    }
    for (int i = 0; i < t.name_range_count; i++) {
        const NameRange& r = t.name_ranges[i];
        if (cp >= r.first && cp <= r.last) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04X", unsigned(cp));
            return std::string(kNamePrefixes[r.prefix]) + buf;
        }
    }
    // The run that would hold cp: the last one starting at or before it.
    // Every run has a successor (the end marker), which bounds its names.
    const NameRun* end = t.name_runs + t.name_run_count;
    const NameRun* run = std::upper_bound(t.name_runs, end, cp, [](uint32_t c, const NameRun& r) { return c < r.cp; });
    if (run == t.name_runs) return "";
    --run;
    const uint8_t* p = t.name_data + run->offset;
    const uint8_t* stop = t.name_data + run[1].offset;
    // Names in a run belong to consecutive code points.
    for (uint32_t c = run->cp; c < cp; c++) {
        if (p >= stop) return "";
        p = skip_name(p);
    }
    if (p >= stop) return "";
    int n = *p++;
    std::string out;
    for (int i = 0; i < n; i++) {
        if (i) out += ' ';
        out += word(read_word(p));
    }
    return out;
}

int64_t unicode_lookup_name(std::string_view query) {
    const UnicodeDataTables& t = kUnicodeData;
    std::string name;
    for (char c : query) name += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    // Algorithmic names first. Hangul syllables and CJK unified
    // ideographs are matched case-sensitively (upper-case hex digits), as
    // CPython computes them; the other ideograph ranges are names of its
    // table, so any case goes.
    const bool hangul = query.rfind("HANGUL SYLLABLE ", 0) == 0;
    if (name.rfind("HANGUL SYLLABLE ", 0) == 0) {
        if (!hangul) return -1;
        std::string_view rest = query.substr(16);
        for (uint32_t s = 0; s < SCount; s++) {
            std::string n = std::string(kJamoL[s / NCount]) + kJamoV[(s % NCount) / TCount] + kJamoT[s % TCount];
            if (n == rest) return SBase + s;
        }
        return -1;
    }
    for (int i = 0; i < t.name_range_count; i++) {
        std::string_view prefix = kNamePrefixes[t.name_ranges[i].prefix];
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const bool unified = t.name_ranges[i].prefix == 0;
        std::string hex = std::string(unified ? query.substr(prefix.size()) : std::string_view(name).substr(prefix.size()));
        if (unified && query.compare(0, prefix.size(), prefix) != 0) return -1;
        if (hex.size() < 4 || hex.size() > 5) return -1;
        uint32_t cp = 0;
        for (char c : hex) {
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return -1;
            cp = cp * 16 + uint32_t(c <= '9' ? c - '0' : c - 'A' + 10);
        }
        for (int k = 0; k < t.name_range_count; k++)
            if (t.name_ranges[k].prefix == t.name_ranges[i].prefix && cp >= t.name_ranges[k].first &&
                cp <= t.name_ranges[k].last)
                return int64_t(cp);
        return -1;
    }
    // The query as word numbers; a word not in the lexicon names nothing.
    std::vector<int> words;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t sp = name.find(' ', start);
        if (sp == std::string::npos) sp = name.size();
        std::string_view w(name.data() + start, sp - start);
        const uint16_t* end = t.lexicon_sorted + t.lexicon_count;
        const uint16_t* it = std::lower_bound(t.lexicon_sorted, end, w,
                                              [](uint16_t i, std::string_view x) { return word(i) < x; });
        if (it == end || word(*it) != w) return -1;
        words.push_back(*it);
        start = sp + 1;
    }
    for (int r = 0; r < t.name_run_count; r++) {
        const uint8_t* p = t.name_data + t.name_runs[r].offset;
        const uint8_t* stop = t.name_data + t.name_runs[r + 1].offset;
        for (uint32_t cp = t.name_runs[r].cp; p < stop; cp++) {
            const uint8_t* q = p;
            int n = *q++;
            bool same = n == int(words.size());
            for (int i = 0; i < n; i++) {
                int w = read_word(q);
                if (same && w != words[std::size_t(i)]) same = false;
            }
            if (same) return cp;
            p = q;
        }
    }
    return -1;
}

std::u32string unicode_normalize(const std::u32string& text, bool compat, bool compose) {
    std::u32string d;
    d.reserve(text.size());
    for (char32_t c : text) decompose(uint32_t(c), compat, d);
    // Canonical ordering: a stable sort of each run of non-starters.
    for (std::size_t i = 0; i < d.size();) {
        if (combining(d[i]) == 0) { i++; continue; }
        std::size_t j = i;
        while (j < d.size() && combining(d[j]) != 0) j++;
        std::stable_sort(d.begin() + long(i), d.begin() + long(j),
                         [](char32_t a, char32_t b) { return combining(a) < combining(b); });
        i = j;
    }
    if (!compose) return d;
    std::u32string out;
    out.reserve(d.size());
    std::size_t starter = std::u32string::npos;   // index in out of the last starter
    int last_class = 0;                           // class of the last character kept after it
    for (char32_t c : d) {
        int cc = combining(c);
        if (starter != std::u32string::npos) {
            // c may join the starter unless a character between them blocks
            // it: one of class 0 (then it would be the starter) or of a class
            // >= c's. Canonical order makes the last one kept the highest.
            bool adjacent = out.size() - 1 == starter;
            if (adjacent || (last_class != 0 && last_class < cc)) {
                uint32_t composed = compose_pair(out[starter], c);
                if (composed) {
                    out[starter] = composed;
                    continue;
                }
            }
        }
        if (cc == 0) starter = out.size();
        last_class = cc;
        out.push_back(c);
    }
    return out;
}

}  // namespace gp
