// unicodectype.cpp — case mapping on top of the generated Unicode tables.
// Mirrors CPython 3.11's Objects/unicodectype.c (_PyUnicode_ToLowerFull & co.).
#include "objects/unicode_db.h"

namespace gp {

int uni_case_full(uint32_t cp, CaseKind kind, uint32_t out[3]) {
    const UnicodeRecord& r = unicode_record(cp);
    if (r.flags & UF_EXTENDED_CASE) {
        if (const ExtendedCase* e = unicode_extended_case(cp)) {
            const CaseMapping& m = kind == CaseKind::Lower ? e->lower
                                 : kind == CaseKind::Upper ? e->upper
                                 : kind == CaseKind::Title ? e->title : e->fold;
            for (int i = 0; i < m.n; i++) out[i] = m.cps[i];
            return m.n;
        }
    }
    int32_t delta = kind == CaseKind::Upper ? r.upper : kind == CaseKind::Title ? r.title : r.lower;
    out[0] = uint32_t(int32_t(cp) + delta);
    return 1;
}

uint32_t uni_lower(uint32_t cp) { return uint32_t(int32_t(cp) + unicode_record(cp).lower); }
uint32_t uni_upper(uint32_t cp) { return uint32_t(int32_t(cp) + unicode_record(cp).upper); }

}  // namespace gp
