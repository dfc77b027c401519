// sre_engine.h — the matching engine behind `re`: a backtracking virtual
// machine over a compact program of 32-bit words.
//
// Mirrors the split of CPython 3.11's regular expressions: Lib/re/_parser.py
// and _compiler.py turn the pattern text into a program (here core/lib/re.py
// does both, in Python, so a learner can read them), and Modules/_sre/
// sre_lib.h runs it. This file describes the program; sre_engine.cpp runs it.
//
// The instruction set. Each instruction is an opcode word followed by its
// arguments; addresses (pc) are absolute word indexes into the program.
//
//   FAILURE                       never matches (an impossible branch)
//   SUCCESS                       the whole pattern matched
//   ANY / ANY_ALL                 one character other than "\n" / any one
//   LITERAL c / NOT_LITERAL c     one character equal / not equal to c
//   LITERAL_I mode c              one character whose fold is c (c folded)
//   NOT_LITERAL_I mode c
//   IN skip mode negate <set>     one character in a set; skip = words to
//                                 the next instruction; mode 0 = exact,
//                                 else the case mode the character is
//                                 folded with first (see CaseMode)
//   AT kind                       an anchor (^ $ \A \Z \b \B ...)
//   MARK slot                     record the position in capture slot
//                                 (group g starts at slot 2g-2, ends 2g-1)
//   JUMP target
//   BRANCH alt                    try what follows; on failure, alt
//   REPEAT_ONE tail min max <item>      greedy repeat of a one-character
//   MIN_REPEAT_ONE tail min max <item>  item (ANY.., LITERAL.., IN), lazy
//   POSS_REPEAT_ONE tail min max <item> and possessive
//   REPEAT id min max until       a general repetition; the body starts at
//                                 pc + 5 and ends with the UNTIL at `until`
//   MAX_UNTIL id repeat / MIN_UNTIL id repeat   (greedy / lazy) decide
//                                 whether to run the body again
//   ATOMIC_ENTER / ATOMIC_EXIT    (?>...): exit forgets the choices made
//                                 since the enter
//   ASSERT back after / ASSERT_NOT back after   lookaround: the body starts
//                                 `back` characters before the position
//                                 (0 = lookahead) and ends with
//   ASSERT_EXIT / ASSERT_NOT_EXIT
//   GROUPREF g / GROUPREF_I mode g   what group g matched, again
//   GROUPREF_EXISTS g else        (?(g)yes|no): continue if group g
//                                 matched, else jump to `else`
//
// A set is a list of items ending with SET_END:
//   SET_LITERAL c, SET_RANGE lo hi, SET_CATEGORY cat, SET_BITMAP w0..w7
//   (256 bits for the characters 0..255).
#pragma once

#include <cstdint>
#include <vector>

#include "objects/object.h"

namespace gp {
class Heap;
}

namespace gp::sre {

#define SRE_OPCODES(X) \
    X(FAILURE) X(SUCCESS) X(ANY) X(ANY_ALL) X(LITERAL) X(NOT_LITERAL) X(LITERAL_I) X(NOT_LITERAL_I) \
    X(IN) X(AT) X(MARK) X(JUMP) X(BRANCH) X(REPEAT_ONE) X(MIN_REPEAT_ONE) X(POSS_REPEAT_ONE) \
    X(REPEAT) X(MAX_UNTIL) X(MIN_UNTIL) X(ATOMIC_ENTER) X(ATOMIC_EXIT) X(ASSERT) X(ASSERT_NOT) \
    X(ASSERT_EXIT) X(ASSERT_NOT_EXIT) X(GROUPREF) X(GROUPREF_I) X(GROUPREF_EXISTS)

enum Opcode : uint32_t {
#define SRE_ENUM(name) OP_##name,
    SRE_OPCODES(SRE_ENUM)
#undef SRE_ENUM
    OP_COUNT_
};

enum SetOp : uint32_t { SET_END, SET_LITERAL, SET_RANGE, SET_CATEGORY, SET_BITMAP };

// How characters fold under IGNORECASE: ASCII letters only (bytes
// patterns, the ASCII and LOCALE flags), or Unicode's simple lowercase
// plus the few extra equivalences sre knows (U+017F long s ~ s, ...).
enum CaseMode : uint32_t { CASE_EXACT = 0, CASE_ASCII = 1, CASE_UNICODE = 2 };

// Categories: the low 3 bits name the class, bit 3 negates it, and the
// high bits say whose definition applies (ASCII or Unicode).
enum Category : uint32_t { CAT_DIGIT = 0, CAT_SPACE = 1, CAT_WORD = 2, CAT_NOT = 8, CAT_UNICODE = 16 };

enum AtKind : uint32_t {
    AT_BEGINNING,         // ^ : the start of the string
    AT_BEGINNING_LINE,    // ^ with MULTILINE: also after "\n"
    AT_BEGINNING_STRING,  // \A
    AT_END,               // $ : the end, or before a final "\n"
    AT_END_LINE,          // $ with MULTILINE: also before any "\n"
    AT_END_STRING,        // \Z
    AT_BOUNDARY,          // \b (ASCII words)
    AT_NON_BOUNDARY,      // \B
    AT_UNI_BOUNDARY,      // \b (Unicode words)
    AT_UNI_NON_BOUNDARY,
};

const char* const kOpcodeNames[] = {
#define SRE_NAME(name) #name,
    SRE_OPCODES(SRE_NAME)
#undef SRE_NAME
};

// The text being searched: code points of 1, 2 or 4 bytes (a str's PEP 393
// kind; bytes are kind 1).
struct Subject {
    const void* data;
    int kind;
    isize length;
};

// What the matcher needs from the interpreter: memory for its backtracking
// stack (counted by the heap, so the heap limit bounds it) and a poll for
// interrupts, called every few thousand steps; poll returns false to stop.
struct Host {
    Heap* heap;
    bool (*poll)(void* ctx);
    void* ctx;
};

// A compiled pattern, as the engine needs it.
struct Program {
    std::vector<uint32_t> code;
    int groups = 0;          // capturing groups, group 0 not counted
    int repeats = 0;         // REPEAT counters used
    isize min_width = 0;     // no match is shorter (search stops early)
    bool anchored = false;   // starts with \A or ^ (not MULTILINE): one start position
    std::vector<uint32_t> prefix;   // literal characters every match starts with
    std::vector<uint32_t> first;    // else a set (IN's <set>) the first character is in, or empty
};

enum class Status { NoMatch, Match, Error };
enum class Error { None, Memory, Interrupted };

// One run of the program. Inputs: the bounds and mode; outputs: the match.
struct Run {
    isize pos = 0;            // first start position tried
    isize endpos = 0;         // the string is treated as ending here
    bool search = false;      // try every start position from pos on
    bool match_all = false;   // fullmatch: the match must reach endpos
    bool must_advance = false;   // an empty match at pos is not accepted
    // results
    isize start = -1, end = -1;  // group 0
    std::vector<isize> marks;    // 2 per group, -1 = unset
    int lastindex = -1;          // the group closed last, -1 = none
    Error error = Error::None;
};

// Runs `prog` over `subject`. Status::Error leaves run.error set.
Status execute(const Program& prog, const Subject& subject, Run& run, const Host& host);

// Case helpers the compiler (re.py) also needs, through _sre.
uint32_t fold(CaseMode mode, uint32_t ch);
uint32_t unfold_upper(CaseMode mode, uint32_t ch);
// The characters sre treats as equal to `lower` beyond lowercase (up to 2), or 0.
int case_extras(uint32_t lower, uint32_t out[2]);
bool category_test(uint32_t cat, uint32_t ch);

}  // namespace gp::sre
