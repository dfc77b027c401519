// sre_engine.cpp — the backtracking matcher (CPython 3.11: Modules/_sre/
// sre_lib.h, SRE(match) and SRE(search)).
//
// How it backtracks. The machine state is (pc, pos, capture marks, repeat
// counters). Whenever the program could go two ways it takes the first and
// pushes the other onto an explicit stack of entries; when an instruction
// fails, the machine pops entries until one gives it somewhere to resume.
// The stack holds four sorts of entry:
//
//   choice points     E_CHOICE (resume at pc, pos), and the repeat entries
//                     E_REPEAT_ONE / E_MIN_REPEAT_ONE / E_MIN_UNTIL, which
//                     stay on the stack while they still have another
//                     count to offer
//   undo records      E_MARK / E_REG: the old value of a capture mark or a
//                     register, written before every change, so popping
//                     back to a choice point restores exactly the state
//                     the machine had when it pushed it
//   barriers          E_BARRIER (an atomic group or a positive lookaround)
//                     and E_NEG_BARRIER (a negative lookaround), pushed on
//                     entry; `barrier_top` indexes the innermost one, and
//                     each barrier remembers the one below it
//
// Leaving an atomic group or a positive lookaround "cuts": the choice
// points above its barrier are dropped, the undo records kept (the marks
// set inside stay set, but backtracking past the group must still restore
// them). A negative lookaround whose body matches unwinds to its barrier,
// undoing everything, and fails; if its body fails instead, backtracking
// reaches the E_NEG_BARRIER, which resumes after the lookaround.
//
// Nothing here recurses on the machine stack: memory grows with the
// number of pending choices and comes from the interpreter's heap, so the
// heap limit turns a runaway pattern into MemoryError, and the host's poll
// (every few thousand steps) turns Ctrl+C into KeyboardInterrupt.
#include "regex/sre_engine.h"

#include <algorithm>
#include <cstring>

#include "memory/obmalloc.h"
#include "objects/unicode_db.h"

namespace gp::sre {

constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;   // MAXREPEAT: no upper bound
constexpr uint32_t kPollEvery = 1u << 14;      // steps between interrupt polls

// ------------------------------------------------------------ characters

// The characters IGNORECASE matches beyond simple lowercase (CPython's
// Lib/re/_casefix.py: letters sharing an uppercase form with another
// lowercase letter, like 's' and U+017F LATIN SMALL LETTER LONG S).
struct CaseExtra {
    uint32_t lower;
    uint32_t same[2];
};
static const CaseExtra kCaseExtras[] = {
    {0x0069, {0x0131}}, {0x0073, {0x017F}}, {0x00B5, {0x03BC}}, {0x0131, {0x0069}},
    {0x017F, {0x0073}}, {0x0345, {0x03B9, 0x1FBE}}, {0x0390, {0x1FD3}}, {0x03B0, {0x1FE3}},
    {0x03B2, {0x03D0}}, {0x03B5, {0x03F5}}, {0x03B8, {0x03D1}}, {0x03B9, {0x0345, 0x1FBE}},
    {0x03BA, {0x03F0}}, {0x03BC, {0x00B5}}, {0x03C0, {0x03D6}}, {0x03C1, {0x03F1}},
    {0x03C2, {0x03C3}}, {0x03C3, {0x03C2}}, {0x03C6, {0x03D5}}, {0x03D0, {0x03B2}},
    {0x03D1, {0x03B8}}, {0x03D5, {0x03C6}}, {0x03D6, {0x03C0}}, {0x03F0, {0x03BA}},
    {0x03F1, {0x03C1}}, {0x03F5, {0x03B5}}, {0x0432, {0x1C80}}, {0x0434, {0x1C81}},
    {0x043E, {0x1C82}}, {0x0441, {0x1C83}}, {0x0442, {0x1C84, 0x1C85}}, {0x044A, {0x1C86}},
    {0x0463, {0x1C87}}, {0x1C80, {0x0432}}, {0x1C81, {0x0434}}, {0x1C82, {0x043E}},
    {0x1C83, {0x0441}}, {0x1C84, {0x0442, 0x1C85}}, {0x1C85, {0x0442, 0x1C84}}, {0x1C86, {0x044A}},
    {0x1C87, {0x0463}}, {0x1C88, {0xA64B}}, {0x1E61, {0x1E9B}}, {0x1E9B, {0x1E61}},
    {0x1FBE, {0x0345, 0x03B9}}, {0x1FD3, {0x0390}}, {0x1FE3, {0x03B0}}, {0xA64B, {0x1C88}},
    {0xFB05, {0xFB06}}, {0xFB06, {0xFB05}},
};

int case_extras(uint32_t lower, uint32_t out[2]) {
    if (lower < 0x69) return 0;
    const CaseExtra* end = kCaseExtras + sizeof(kCaseExtras) / sizeof(kCaseExtras[0]);
    const CaseExtra* it = std::lower_bound(kCaseExtras, end, lower,
                                           [](const CaseExtra& e, uint32_t v) { return e.lower < v; });
    if (it == end || it->lower != lower) return 0;
    out[0] = it->same[0];
    out[1] = it->same[1];
    return it->same[1] ? 2 : 1;
}

// Simple lowercase as CPython's _PyUnicode_ToLowercase gives it: for a
// letter with a longer full mapping (U+0130 -> "i\u0307"), its first
// code point.
static uint32_t simple_lower(uint32_t ch) {
    if (uni_has(ch, UF_EXTENDED_CASE)) {
        uint32_t out[3];
        if (uni_case_full(ch, CaseKind::Lower, out) > 0) return out[0];
    }
    return uni_lower(ch);
}

static uint32_t simple_upper(uint32_t ch) {
    if (uni_has(ch, UF_EXTENDED_CASE)) {
        uint32_t out[3];
        if (uni_case_full(ch, CaseKind::Upper, out) > 0) return out[0];
    }
    return uni_upper(ch);
}

uint32_t fold(CaseMode mode, uint32_t ch) {
    if (ch < 128 || mode == CASE_ASCII) return (mode != CASE_EXACT && ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    return mode == CASE_UNICODE ? simple_lower(ch) : ch;
}

uint32_t unfold_upper(CaseMode mode, uint32_t ch) {
    if (ch < 128 || mode == CASE_ASCII) return (mode != CASE_EXACT && ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
    return mode == CASE_UNICODE ? simple_upper(ch) : ch;
}

static inline bool ascii_word(uint32_t ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

// \w in Unicode: str.isalnum() or "_" (Py_UNICODE_ISALNUM).
static inline bool uni_word(uint32_t ch) {
    if (ch < 128) return ascii_word(ch);
    return uni_has(ch, UF_ALPHA | UF_DECIMAL | UF_DIGIT | UF_NUMERIC);
}

bool category_test(uint32_t cat, uint32_t ch) {
    bool uni = cat & CAT_UNICODE;
    bool r = false;
    switch (cat & 7) {
    case CAT_DIGIT: r = uni && ch >= 128 ? uni_decimal(ch) >= 0 : (ch >= '0' && ch <= '9'); break;
    case CAT_SPACE: r = uni ? uni_isspace(ch) : (ch == ' ' || (ch >= 9 && ch <= 13)); break;
    case CAT_WORD: r = uni ? uni_word(ch) : ascii_word(ch); break;
    }
    return (cat & CAT_NOT) ? !r : r;
}

// Whether ch is in the set starting at `set` (a list of items, SET_END last).
static bool in_set(const uint32_t* set, uint32_t ch) {
    for (;;) {
        switch (set[0]) {
        case SET_END: return false;
        case SET_LITERAL:
            if (ch == set[1]) return true;
            set += 2;
            break;
        case SET_RANGE:
            if (set[1] <= ch && ch <= set[2]) return true;
            set += 3;
            break;
        case SET_CATEGORY:
            if (category_test(set[1], ch)) return true;
            set += 2;
            break;
        case SET_BITMAP:
            if (ch < 256 && ((set[1 + (ch >> 5)] >> (ch & 31)) & 1)) return true;
            set += 9;
            break;
        default: return false;
        }
    }
}

// IN skip mode negate <set>. Under IGNORECASE (mode != 0) the set's
// literals are stored folded: the character matches when its fold is in
// the set, or its fold's uppercase is (ranges such as [A-Z]), or one of
// the extra equivalents of its fold is — sre's IN_UNI_IGNORE with
// RANGE_UNI_IGNORE and the _casefix additions.
static inline bool in_class(const uint32_t* p, uint32_t ch) {
    const uint32_t* set = p + 4;
    bool r;
    if (p[2] == CASE_EXACT) {
        r = in_set(set, ch);
    } else {
        CaseMode mode = CaseMode(p[2]);
        uint32_t l = fold(mode, ch);
        r = in_set(set, l);
        if (!r) {
            uint32_t u = unfold_upper(mode, l);
            r = u != l && in_set(set, u);
        }
        if (!r && mode == CASE_UNICODE) {
            uint32_t extra[2];
            int n = case_extras(l, extra);
            for (int i = 0; i < n && !r; i++) r = in_set(set, extra[i]);
        }
    }
    return p[3] ? !r : r;
}

static inline bool item_ok(const uint32_t* p, uint32_t ch) {
    switch (p[0]) {
    case OP_ANY: return ch != '\n';
    case OP_ANY_ALL: return true;
    case OP_LITERAL: return ch == p[1];
    case OP_NOT_LITERAL: return ch != p[1];
    case OP_LITERAL_I: return fold(CaseMode(p[1]), ch) == p[2];
    case OP_NOT_LITERAL_I: return fold(CaseMode(p[1]), ch) != p[2];
    case OP_IN: return in_class(p, ch);
    default: return false;
    }
}

// ------------------------------------------------------------ the stack

enum EntryKind : uint32_t {
    E_CHOICE,           // resume at pc with pos = a
    E_MARK,             // undo: marks[pc] = a
    E_REG,              // undo: regs[pc] = a
    E_REPEAT_ONE,       // greedy single-character repeat at pc: start a, count b (give one back)
    E_MIN_REPEAT_ONE,   // lazy one: start a, count b (take one more)
    E_MIN_UNTIL,        // lazy general repeat whose UNTIL is at pc, pos a: try one more body
    E_BARRIER,          // atomic group / positive lookaround entered at pos a; b = previous barrier
    E_NEG_BARRIER,      // negative lookaround at pos a, resume at pc when its body fails; b = previous
};

struct Entry {
    uint32_t kind;
    uint32_t pc;
    isize a;
    isize b;
};

// The backtracking stack: a small buffer on the machine stack first, then
// memory from the interpreter's heap (so the heap limit bounds it).
class Stack {
public:
    explicit Stack(Heap* heap) : heap_(heap), data_(local_), cap_(kLocal) {}
    ~Stack() {
        if (data_ != local_) heap_->free(data_);
    }
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;

    bool push(uint32_t kind, uint32_t pc, isize a, isize b) {
        if (size_ == cap_ && !grow()) return false;
        data_[size_++] = Entry{kind, pc, a, b};
        return true;
    }
    Entry* data() { return data_; }
    isize size_ = 0;  // entries in use

private:
    static constexpr isize kLocal = 64;
    bool grow() {
        isize cap = cap_ * 2;
        Entry* mem = static_cast<Entry*>(heap_->malloc(std::size_t(cap) * sizeof(Entry)));
        if (!mem) return false;
        std::memcpy(mem, data_, std::size_t(size_) * sizeof(Entry));
        if (data_ != local_) heap_->free(data_);
        data_ = mem;
        cap_ = cap;
        return true;
    }
    Heap* heap_;
    Entry* data_;
    isize cap_;
    Entry local_[kLocal];
};

// ------------------------------------------------------------ the machine

template <class C>
class Machine {
public:
    Machine(const Program& prog, const C* s, isize end, const Host& host)
        : prog_(prog), code_(prog.code.data()), s_(s), end_(end), host_(host), stack_(host.heap),
          marks_(std::size_t(2 * prog.groups), -1), regs_(std::size_t(2 * prog.repeats + 1), -1),
          lastreg_(uint32_t(2 * prog.repeats)) {}

    // One attempt from `start`: 1 matched (end in *out), 0 not, -1 error.
    int attempt(isize start, bool match_all, bool must_advance, isize* out);
    Status search(Run& run);

    std::vector<isize>& marks() { return marks_; }
    int lastindex() const { return int(regs_[lastreg_]); }
    Error error = Error::None;

private:
    bool poll() {
        if (--budget_ != 0) return true;
        budget_ = kPollEvery;
        if (host_.poll && !host_.poll(host_.ctx)) {
            error = Error::Interrupted;
            return false;
        }
        return true;
    }
    bool push(uint32_t kind, uint32_t pc, isize a, isize b) {
        if (stack_.push(kind, pc, a, b)) return true;
        error = Error::Memory;
        return false;
    }
    bool set_mark(uint32_t slot, isize v) {
        if (marks_[slot] == v) return true;
        if (!push(E_MARK, slot, marks_[slot], 0)) return false;
        marks_[slot] = v;
        return true;
    }
    bool set_reg(uint32_t r, isize v) {
        if (regs_[r] == v) return true;
        if (!push(E_REG, r, regs_[r], 0)) return false;
        regs_[r] = v;
        return true;
    }
    void undo(const Entry& e) {
        if (e.kind == E_MARK) marks_[e.pc] = e.a;
        else if (e.kind == E_REG) regs_[e.pc] = e.a;
    }
    // Leaving an atomic group or positive lookaround: drop the choices made
    // inside it, keep the undo records. Returns the barrier's saved pos.
    isize cut() {
        Entry* d = stack_.data();
        isize b = barrier_top_;
        Entry bar = d[b];
        isize w = b;
        for (isize i = b + 1; i < stack_.size_; i++)
            if (d[i].kind == E_MARK || d[i].kind == E_REG) d[w++] = d[i];
        stack_.size_ = w;
        barrier_top_ = bar.b;
        return bar.a;
    }
    bool at(uint32_t kind, isize pos) const;
    bool word_at(isize i, bool uni) const {
        uint32_t ch = s_[i];
        return uni ? uni_word(ch) : ascii_word(ch);
    }
    isize count(const uint32_t* item, isize pos, isize limit) const;
    bool groupref(uint32_t g, CaseMode mode, isize& pos) const;

    const Program& prog_;
    const uint32_t* code_;
    const C* s_;
    isize end_;
    const Host& host_;
    Stack stack_;
    std::vector<isize> marks_;   // 2 per group (1..n): start, end; -1 = unset
    std::vector<isize> regs_;    // per REPEAT id: count, last start; then lastindex
    uint32_t lastreg_;
    isize barrier_top_ = -1;
    uint32_t budget_ = kPollEvery;
};

template <class C>
bool Machine<C>::at(uint32_t kind, isize pos) const {
    switch (kind) {
    case AT_BEGINNING:
    case AT_BEGINNING_STRING: return pos == 0;
    case AT_BEGINNING_LINE: return pos == 0 || s_[pos - 1] == '\n';
    case AT_END: return pos == end_ || (pos + 1 == end_ && s_[pos] == '\n');
    case AT_END_LINE: return pos == end_ || s_[pos] == '\n';
    case AT_END_STRING: return pos == end_;
    case AT_BOUNDARY:
    case AT_NON_BOUNDARY:
    case AT_UNI_BOUNDARY:
    case AT_UNI_NON_BOUNDARY: {
        // sre: in an empty string neither \b nor \B matches.
        if (end_ == 0) return false;
        bool uni = kind == AT_UNI_BOUNDARY || kind == AT_UNI_NON_BOUNDARY;
        bool before = pos > 0 && word_at(pos - 1, uni);
        bool after = pos < end_ && word_at(pos, uni);
        bool boundary = kind == AT_BOUNDARY || kind == AT_UNI_BOUNDARY;
        return boundary ? before != after : before == after;
    }
    default: return false;
    }
}

// How many characters from pos (at most limit) the one-character item matches.
template <class C>
isize Machine<C>::count(const uint32_t* item, isize pos, isize limit) const {
    const C* p = s_ + pos;
    isize i = 0;
    switch (item[0]) {
    case OP_ANY_ALL: return limit;
    case OP_ANY:
        while (i < limit && p[i] != '\n') i++;
        return i;
    case OP_LITERAL: {
        uint32_t c = item[1];
        while (i < limit && p[i] == c) i++;
        return i;
    }
    case OP_NOT_LITERAL: {
        uint32_t c = item[1];
        while (i < limit && p[i] != c) i++;
        return i;
    }
    case OP_IN:
        while (i < limit && in_class(item, p[i])) i++;
        return i;
    default:
        while (i < limit && item_ok(item, p[i])) i++;
        return i;
    }
}

template <class C>
bool Machine<C>::groupref(uint32_t g, CaseMode mode, isize& pos) const {
    isize b = marks_[2 * g - 2], e = marks_[2 * g - 1];
    if (b < 0 || e < 0 || e < b) return false;
    isize n = e - b;
    if (pos + n > end_) return false;
    for (isize i = 0; i < n; i++) {
        uint32_t x = s_[b + i], y = s_[pos + i];
        if (x != y && (mode == CASE_EXACT || fold(mode, x) != fold(mode, y))) return false;
    }
    pos += n;
    return true;
}

template <class C>
int Machine<C>::attempt(isize start, bool match_all, bool must_advance, isize* out) {
    const uint32_t* code = code_;
    const C* s = s_;
    const isize end = end_;
    uint32_t pc = 0;
    isize pos = start;
    stack_.size_ = 0;
    barrier_top_ = -1;
    for (;;) {
        const uint32_t* p = code + pc;
        switch (p[0]) {
        case OP_FAILURE: goto fail;
        case OP_SUCCESS:
            if ((match_all && pos != end) || (must_advance && pos == start)) goto fail;
            *out = pos;
            return 1;
        case OP_ANY:
            if (pos >= end || s[pos] == '\n') goto fail;
            pos++;
            pc += 1;
            continue;
        case OP_ANY_ALL:
            if (pos >= end) goto fail;
            pos++;
            pc += 1;
            continue;
        case OP_LITERAL:
            if (pos >= end || s[pos] != p[1]) goto fail;
            pos++;
            pc += 2;
            continue;
        case OP_NOT_LITERAL:
            if (pos >= end || s[pos] == p[1]) goto fail;
            pos++;
            pc += 2;
            continue;
        case OP_LITERAL_I:
            if (pos >= end || fold(CaseMode(p[1]), s[pos]) != p[2]) goto fail;
            pos++;
            pc += 3;
            continue;
        case OP_NOT_LITERAL_I:
            if (pos >= end || fold(CaseMode(p[1]), s[pos]) == p[2]) goto fail;
            pos++;
            pc += 3;
            continue;
        case OP_IN:
            if (pos >= end || !in_class(p, s[pos])) goto fail;
            pos++;
            pc += p[1];
            continue;
        case OP_AT:
            if (!at(p[1], pos)) goto fail;
            pc += 2;
            continue;
        case OP_MARK: {
            uint32_t slot = p[1];
            if (!set_mark(slot, pos)) return -1;
            if ((slot & 1) && !set_reg(lastreg_, slot / 2 + 1)) return -1;
            pc += 2;
            continue;
        }
        case OP_JUMP:
            if (!poll()) return -1;
            pc = p[1];
            continue;
        case OP_BRANCH:
            if (!push(E_CHOICE, p[1], pos, 0)) return -1;
            pc += 2;
            continue;
        case OP_REPEAT_ONE:
        case OP_POSS_REPEAT_ONE: {
            isize min = p[2];
            isize limit = end - pos;
            if (p[3] != kMaxRepeat && isize(p[3]) < limit) limit = p[3];
            if (limit < min) goto fail;
            isize n = count(p + 4, pos, limit);
            if (n < min) goto fail;
            uint32_t tail = p[1];
            if (p[0] == OP_REPEAT_ONE) {
                // Give back characters until the tail's first literal fits.
                if (code[tail] == OP_LITERAL) {
                    uint32_t c = code[tail + 1];
                    while (n >= min && (pos + n >= end || s[pos + n] != c)) n--;
                    if (n < min) goto fail;
                }
                if (n > min && !push(E_REPEAT_ONE, pc, pos, n)) return -1;
            }
            pos += n;
            pc = tail;
            continue;
        }
        case OP_MIN_REPEAT_ONE: {
            isize min = p[2];
            if (end - pos < min || count(p + 4, pos, min) < min) goto fail;
            if ((p[3] == kMaxRepeat || isize(p[3]) > min) && !push(E_MIN_REPEAT_ONE, pc, pos, min)) return -1;
            pos += min;
            pc = p[1];
            continue;
        }
        case OP_REPEAT: {
            uint32_t id = p[1];
            if (!set_reg(2 * id, 0) || !set_reg(2 * id + 1, -1)) return -1;
            pc = p[4];
            continue;
        }
        case OP_MAX_UNTIL: {
            if (!poll()) return -1;
            uint32_t id = p[1];
            const uint32_t* r = code + p[2];
            isize c = regs_[2 * id];
            uint32_t body = p[2] + 5, tail = pc + 3;
            if (c < isize(r[2])) {
                if (!set_reg(2 * id, c + 1)) return -1;
                pc = body;
                continue;
            }
            if ((r[3] == kMaxRepeat || c < isize(r[3])) && pos != regs_[2 * id + 1]) {
                if (!push(E_CHOICE, tail, pos, 0) || !set_reg(2 * id, c + 1) || !set_reg(2 * id + 1, pos)) return -1;
                pc = body;
                continue;
            }
            pc = tail;
            continue;
        }
        case OP_MIN_UNTIL: {
            if (!poll()) return -1;
            uint32_t id = p[1];
            const uint32_t* r = code + p[2];
            isize c = regs_[2 * id];
            if (c < isize(r[2])) {
                if (!set_reg(2 * id, c + 1)) return -1;
                pc = p[2] + 5;
                continue;
            }
            if (!push(E_MIN_UNTIL, pc, pos, 0)) return -1;
            pc += 3;
            continue;
        }
        case OP_ATOMIC_ENTER:
            if (!push(E_BARRIER, 0, pos, barrier_top_)) return -1;
            barrier_top_ = stack_.size_ - 1;
            pc += 1;
            continue;
        case OP_ATOMIC_EXIT:
            cut();
            pc += 1;
            continue;
        case OP_ASSERT:
            if (pos < isize(p[1])) goto fail;
            if (!push(E_BARRIER, 0, pos, barrier_top_)) return -1;
            barrier_top_ = stack_.size_ - 1;
            pos -= p[1];
            pc += 3;
            continue;
        case OP_ASSERT_EXIT:
            pos = cut();
            pc += 1;
            continue;
        case OP_ASSERT_NOT:
            if (pos < isize(p[1])) {   // nothing to look behind at: the body cannot match
                pc = p[2];
                continue;
            }
            if (!push(E_NEG_BARRIER, p[2], pos, barrier_top_)) return -1;
            barrier_top_ = stack_.size_ - 1;
            pos -= p[1];
            pc += 3;
            continue;
        case OP_ASSERT_NOT_EXIT: {
            // The body matched, so the assertion fails: undo everything
            // since the barrier, drop it, and backtrack.
            Entry* d = stack_.data();
            isize b = barrier_top_;
            for (isize i = stack_.size_ - 1; i > b; i--) undo(d[i]);
            barrier_top_ = d[b].b;
            stack_.size_ = b;
            goto fail;
        }
        case OP_GROUPREF:
            if (!groupref(p[1], CASE_EXACT, pos)) goto fail;
            pc += 2;
            continue;
        case OP_GROUPREF_I:
            if (!groupref(p[2], CaseMode(p[1]), pos)) goto fail;
            pc += 3;
            continue;
        case OP_GROUPREF_EXISTS: {
            uint32_t g = p[1];
            isize b = marks_[2 * g - 2], e = marks_[2 * g - 1];
            pc = (b >= 0 && e >= 0 && b <= e) ? pc + 3 : p[2];
            continue;
        }
        default:
            goto fail;
        }

    fail:
        // Pop until an entry offers somewhere to resume.
        for (;;) {
            if (!poll()) return -1;
            if (stack_.size_ == 0) return 0;
            Entry& e = stack_.data()[stack_.size_ - 1];
            switch (e.kind) {
            case E_MARK:
                marks_[e.pc] = e.a;
                stack_.size_--;
                continue;
            case E_REG:
                regs_[e.pc] = e.a;
                stack_.size_--;
                continue;
            case E_CHOICE:
                pc = e.pc;
                pos = e.a;
                stack_.size_--;
                break;
            case E_REPEAT_ONE: {
                const uint32_t* q = code + e.pc;
                isize min = q[2];
                isize n = e.b - 1;
                uint32_t tail = q[1];
                if (code[tail] == OP_LITERAL) {
                    uint32_t c = code[tail + 1];
                    while (n >= min && s[e.a + n] != c) n--;
                }
                if (n < min) {
                    stack_.size_--;
                    continue;
                }
                pos = e.a + n;
                pc = tail;
                if (n == min) stack_.size_--;   // no more to give back
                else e.b = n;
                break;
            }
            case E_MIN_REPEAT_ONE: {
                const uint32_t* q = code + e.pc;
                isize max = q[3] == kMaxRepeat ? end - e.a : std::min<isize>(q[3], end - e.a);
                isize n = e.b;
                uint32_t tail = q[1];
                bool found = false;
                while (n < max && item_ok(q + 4, s[e.a + n])) {
                    n++;
                    if (code[tail] != OP_LITERAL || (e.a + n < end && s[e.a + n] == code[tail + 1])) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    stack_.size_--;
                    continue;
                }
                e.b = n;
                pos = e.a + n;
                pc = tail;
                break;
            }
            case E_MIN_UNTIL: {
                // The tail failed after a lazy repeat: run the body once more.
                uint32_t until = e.pc;
                pos = e.a;
                stack_.size_--;
                const uint32_t* u = code + until;
                uint32_t id = u[1];
                const uint32_t* r = code + u[2];
                isize c = regs_[2 * id];
                if ((r[3] != kMaxRepeat && c >= isize(r[3])) || pos == regs_[2 * id + 1]) continue;
                if (!set_reg(2 * id, c + 1) || !set_reg(2 * id + 1, pos)) return -1;
                pc = u[2] + 5;
                break;
            }
            case E_BARRIER:
                barrier_top_ = e.b;
                stack_.size_--;
                continue;
            case E_NEG_BARRIER:
                // The negative lookaround's body failed: the assertion holds.
                barrier_top_ = e.b;
                pos = e.a;
                pc = e.pc;
                stack_.size_--;
                break;
            default:
                stack_.size_--;
                continue;
            }
            break;
        }
    }
}

template <class C>
Status Machine<C>::search(Run& run) {
    isize end = end_;
    isize pos = run.pos;
    isize out = -1;
    int r = 0;
    if (!run.search) {
        r = attempt(pos, run.match_all, run.must_advance, &out);
    } else {
        isize last = end - prog_.min_width;
        const uint32_t* first = prog_.first.empty() ? nullptr : prog_.first.data();
        const std::vector<uint32_t>& prefix = prog_.prefix;
        for (isize start = pos; start <= last; start++) {
            if (!prefix.empty()) {
                // Jump to the next place the literal prefix occurs.
                uint32_t c0 = prefix[0];
                while (start <= last && s_[start] != c0) start++;
                if (start > last) break;
                bool ok = true;
                for (std::size_t k = 1; k < prefix.size(); k++)
                    if (start + isize(k) >= end || s_[start + isize(k)] != prefix[k]) {
                        ok = false;
                        break;
                    }
                if (!ok) continue;
            } else if (first) {
                while (start < end && !item_ok(first, s_[start])) start++;
                if (start >= end || start > last) break;
            }
            r = attempt(start, run.match_all, run.must_advance && start == pos, &out);
            if (r != 0) {
                pos = start;
                break;
            }
            if (prog_.anchored) break;
            if (!poll()) {
                r = -1;
                break;
            }
        }
    }
    if (r < 0) {
        run.error = error;
        return Status::Error;
    }
    if (r == 0) return Status::NoMatch;
    run.start = pos;
    run.end = out;
    run.marks = marks_;
    run.lastindex = lastindex();
    return Status::Match;
}

Status execute(const Program& prog, const Subject& subject, Run& run, const Host& host) {
    run.error = Error::None;
    isize end = std::min(run.endpos, subject.length);
    if (end < 0) end = 0;
    if (run.pos > end) return Status::NoMatch;
    switch (subject.kind) {
    case 1: {
        Machine<uint8_t> m(prog, static_cast<const uint8_t*>(subject.data), end, host);
        return m.search(run);
    }
    case 2: {
        Machine<uint16_t> m(prog, static_cast<const uint16_t*>(subject.data), end, host);
        return m.search(run);
    }
    default: {
        Machine<uint32_t> m(prog, static_cast<const uint32_t*>(subject.data), end, host);
        return m.search(run);
    }
    }
}

}  // namespace gp::sre
