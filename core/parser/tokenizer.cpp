// tokenizer.cpp — the Python 3.11 tokenizer, after CPython's Parser/tokenizer.c.
//
// How CPython reads source, and how this file mirrors it
// ------------------------------------------------------
// CPython's parser (pegen) never sees the whole token stream at once. It asks
// tokenizer.c's tok_get() for one token at a time, and tok_get() in turn asks
// tok_nextc() for one *byte* at a time. tok_nextc() hands out bytes from the
// current line; when the line runs out it "underflows" and reads the next
// line, bumping the line number. tok_backup() gives a byte back, which is how
// the tokenizer peeks one character ahead. We keep that three-level shape —
// Tokenizer::next() (the parser's _PyPegen_fill_token), get() (tok_get),
// nextc()/backup() — and CPython's names for the state: cur, inp,
// line_start, start, buf, lineno, atbol, pendin, indstack, parenstack.
//
// Before any of that, the source is normalized the way compile() does it
// (translate_newlines): "\r\n" and lone "\r" become "\n", a missing final
// newline is added and a leading UTF-8 BOM dropped, so the rest of the
// tokenizer only ever sees "\n". Tokens are views into this private copy.
// Each line is checked for NUL bytes and malformed UTF-8 when it is first
// read, as CPython does when it runs a file.
//
// Lines. Each call of get() first handles the beginning of a line (atbol): it
// measures the indentation twice — tabs to the next multiple of 8 (col) and
// tabs as 1 (altcol) — and compares it with the indentation stack. Deeper
// means one INDENT, shallower pops levels (DEDENTs) until it matches exactly,
// or fails with "unindent does not match any outer indentation level". If the
// two measures disagree about the order of two levels, the meaning depends on
// the tab size: TabError. Lines holding only whitespace or a comment are
// "blank": they change no indentation and produce no tokens at all. Inside
// brackets (level > 0) indentation is not measured and newlines are skipped:
// that is implicit line joining. A backslash-newline is skipped outright.
//
// Tokens. After the indentation come, in tok_get's order: spaces, a comment
// (skipped to the end of the line; the NEWLINE that follows starts at the
// '#', as in CPython), end of input, identifiers — which is also where string
// prefixes are recognised, since `rb` in `rb"..."` starts like a name —
// NEWLINE, '.', numbers, strings, a backslash continuation, then operators by
// trying two- and three-character spellings before single ones. Every byte
// >= 0x80 starts an "identifier"; only when the whole name is read is it
// decoded and checked against XID_Start/XID_Continue (verify_identifier), and
// a bad code point becomes "invalid character '€' (U+20AC)".
//
// Numbers follow tok_get's flow of gotos (fraction, exponent, imaginary),
// here as three small functions. A number must not run straight into a name:
// `1a` is "invalid decimal literal", except that `1if`, `1else`, `1or`, ...
// still tokenize (CPython only warns). Strings are scanned, not decoded: the
// tokenizer finds the closing quote, skipping the character after each
// backslash; literals.cpp turns the text into a value later.
//
// Errors come in two families, and the difference shows in what the user
// sees. Some errors tokenizer.c raises itself with syntaxerror(): the caret
// is at the cursor, the text is the line without its newline, and a later
// such error even replaces an earlier parser error. Others it only records in
// tok->done (end of input inside a statement, bad dedent, TabError, too deep,
// a stray backslash) and pegen's tokenizer_error() formats them, with
// different offsets and text. syntax_error() and done_error() below build
// the two kinds exactly as CPython would, and
// SyntaxErrorInfo::reported_by_tokenizer remembers which kind an error is.
//
// Identifiers need to know which code points are XID_Start, XID_Continue and
// printable; a run-length table at the end of the file, generated from
// CPython 3.11's own unicodedata (Unicode 14.0), answers exactly.
//
// What we leave out: the file/interactive readers, coding cookies (sources
// are UTF-8), type comments, and the async/await compatibility mode.

#include "parser/tokenizer.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace gp {

// ---------------------------------------------------------------------------
// Token kinds

namespace {
struct TokenKindInfo {
    const char* name;
    const char* spelling;
};
constexpr TokenKindInfo kTokenKinds[] = {
#define GP_TOKEN_INFO(kind, spelling) {#kind, spelling},
    GP_TOKEN_KINDS(GP_TOKEN_INFO)
#undef GP_TOKEN_INFO
};
}  // namespace

const char* token_name(TokenKind kind) {
    auto i = static_cast<std::size_t>(kind);
    return i < std::size(kTokenKinds) ? kTokenKinds[i].name : "N_TOKENS";
}

const char* token_spelling(TokenKind kind) {
    auto i = static_cast<std::size_t>(kind);
    return i < std::size(kTokenKinds) ? kTokenKinds[i].spelling : nullptr;
}

namespace {

constexpr int EOF_ = -1;  // what nextc() returns at the end of input

// The operator spelled by the `len` bytes at p, or OP if none is. CPython
// generates switch statements for this (Parser/token.c: PyToken_OneChar,
// PyToken_TwoChars, PyToken_ThreeChars); we search the spellings in token.h.
TokenKind operator_kind(const char* p, std::size_t len) {
    for (auto k = static_cast<std::size_t>(TokenKind::LPAR); k <= static_cast<std::size_t>(TokenKind::COLONEQUAL); ++k) {
        const char* spelling = kTokenKinds[k].spelling;
        if (std::strlen(spelling) == len && std::memcmp(spelling, p, len) == 0) return static_cast<TokenKind>(k);
    }
    // "<>" is NOTEQUAL too (PEP 401's Barry-as-FLUFL spelling); the parser
    // rejects it with "invalid syntax" by looking at the text.
    if (len == 2 && p[0] == '<' && p[1] == '>') return TokenKind::NOTEQUAL;
    return TokenKind::OP;
}

// Character classes on bytes, safe for EOF_ and bytes >= 0x80 (unlike <ctype.h>).
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_potential_identifier_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) { return is_potential_identifier_start(c) || is_digit(c); }

// Unicode classes of code points >= 0x80, from the table at the end of the file.
enum class UClass { Printable = 0, XidStart = 1, XidContinue = 2, NonPrintable = 3 };
UClass unicode_class(std::uint32_t cp);

bool is_xid_start(std::uint32_t cp) {
    if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return unicode_class(cp) == UClass::XidStart;
}
bool is_xid_continue(std::uint32_t cp) {
    if (cp < 128) return is_potential_identifier_char(static_cast<int>(cp));
    UClass k = unicode_class(cp);
    return k == UClass::XidStart || k == UClass::XidContinue;
}
bool is_printable(std::uint32_t cp) {
    if (cp < 128) return cp >= 0x20 && cp < 0x7F;
    return unicode_class(cp) != UClass::NonPrintable;
}

// Decodes one code point from well-formed UTF-8 at p, advancing p.
std::uint32_t decode_utf8(const char*& p) {
    auto b = static_cast<unsigned char>(*p++);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    std::uint32_t cp = b & (0x3F >> extra);
    while (extra--) cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
    return cp;
}

// How many code points a decoder with errors="replace" finds in [a, b): each
// byte that is not a continuation byte starts one (a truncated sequence at
// the end still counts once, as its U+FFFD would).
int count_chars(const char* a, const char* b) {
    int n = 0;
    for (; a < b; ++a) n += (static_cast<unsigned char>(*a) & 0xC0) != 0x80;
    return n;
}

// tokenizer.c's valid_utf8: length of the well-formed UTF-8 sequence at s, or
// 0. `end` bounds the read; the caller guarantees s < end.
int valid_utf8(const unsigned char* s, const unsigned char* end) {
    int expected;
    if (*s < 0x80) return 1;
    auto at = [&](int i) -> unsigned { return s + i < end ? s[i] : 0; };
    if (*s < 0xE0) {
        if (*s < 0xC2) return 0;
        expected = 1;
    } else if (*s < 0xF0) {
        if (*s == 0xE0 && at(1) < 0xA0) return 0;  // overlong
        if (*s == 0xED && at(1) >= 0xA0) return 0;  // surrogate
        expected = 2;
    } else if (*s < 0xF5) {
        if (at(1) < 0x90 ? *s == 0xF0 : (*s == 0xF4 && at(1) >= 0x90)) return 0;
        expected = 3;
    } else {
        return 0;
    }
    for (int i = 1; i <= expected; ++i)
        if (at(i) < 0x80 || at(i) >= 0xC0) return 0;
    return expected + 1;
}

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = std::vsnprintf(nullptr, 0, fmt, ap);
    std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, fmt, again);
    va_end(again);
    va_end(ap);
    return out;
}

}  // namespace

int byte_offset_to_character_offset(std::string_view line, int col_offset) {
    // CPython decodes the first col_offset bytes of the line; asking for one
    // byte past the end reads the terminating NUL, which counts as a character.
    if (col_offset <= 0) return col_offset < 0 ? col_offset : 0;
    auto len = static_cast<int>(line.size());
    int n = count_chars(line.data(), line.data() + std::min(col_offset, len));
    return col_offset > len ? n + 1 : n;
}

// ---------------------------------------------------------------------------
// Construction: the normalized copy of the source (translate_newlines)

Tokenizer::Tokenizer(std::string_view source, std::string_view filename) : filename_(filename) {
    if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);  // check_bom
    storage_ = std::make_unique<char[]>(source.size() + 2);
    char* out = storage_.get();
    for (std::size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        }
        *out++ = c;
    }
    if (out == storage_.get() || out[-1] != '\n') *out++ = '\n';
    *out = '\0';
    end_ = out;
    line_offsets_.push_back(0);
    for (const char* p = storage_.get(); p < end_; ++p)
        if (*p == '\n' && p + 1 < end_) line_offsets_.push_back(static_cast<std::uint32_t>(p + 1 - storage_.get()));
    cur_ = inp_ = line_start_ = buf_ = storage_.get();
}

std::string_view Tokenizer::line_text(int lineno) const {
    if (lineno < 1 || lineno > static_cast<int>(line_offsets_.size())) return {};
    const char* begin = storage_.get() + line_offsets_[lineno - 1];
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', end_ - begin));
    return {begin, static_cast<std::size_t>(nl + 1 - begin)};
}

std::string_view Tokenizer::error_line(int lineno) const {
    if (lineno_ <= lineno && inp_ > buf_) return {buf_, static_cast<std::size_t>(inp_ - buf_)};
    std::string_view line = line_text(lineno);
    if (!line.empty()) line.remove_suffix(1);
    return line;
}

// ---------------------------------------------------------------------------
// Reading bytes and lines (tok_nextc, tok_backup, tok_underflow_string)

int Tokenizer::nextc() {
    for (;;) {
        if (cur_ != inp_) return static_cast<unsigned char>(*cur_++);
        if (at_eof_ || failed_) return EOF_;
        if (!read_line()) {
            cur_ = inp_;
            return EOF_;
        }
    }
}

void Tokenizer::backup(int c) {
    if (c != EOF_) --cur_;
}

// Makes the next line available to nextc(). A line is checked for NUL bytes
// and malformed UTF-8 only when it is reached, as CPython reads files line by
// line — so an error earlier in the file wins.
bool Tokenizer::read_line() {
    if (inp_ == end_) {
        at_eof_ = true;
        return false;
    }
    const char* line = inp_;
    const char* nl = static_cast<const char*>(std::memchr(line, '\n', end_ - line));
    if (start_ == nullptr) buf_ = line;  // a token spanning lines keeps its first line
    line_start_ = cur_ = line;
    inp_ = nl + 1;
    ++lineno_;
    if (std::memchr(line, '\0', inp_ - line) != nullptr) {
        syntax_error("source code cannot contain null bytes");
        return false;
    }
    auto* s = reinterpret_cast<const unsigned char*>(line);
    auto* e = reinterpret_cast<const unsigned char*>(inp_);
    while (s < e) {
        int n = valid_utf8(s, e);
        if (n == 0) {
            // CPython's ensure_utf8: a SyntaxError with no location at all.
            SyntaxErrorInfo info;
            info.msg = format("Non-UTF-8 code starting with '\\x%.2x' in file %s on line %d, "
                              "but no encoding declared; see https://peps.python.org/pep-0263/ "
                              "for details", *s, filename_.c_str(), lineno_);
            info.reported_by_tokenizer = true;
            info.located = false;
            fail(std::move(info));
            return false;
        }
        s += n;
    }
    return true;
}

// ---------------------------------------------------------------------------
// Errors

void Tokenizer::fail(SyntaxErrorInfo info) {
    if (failed_) return;  // the first error is the one reported
    failed_ = true;
    error_ = std::move(info);
}

// tokenizer.c's _syntaxerror_range: the caret is at the cursor (counted in
// code points), the text is the cursor's line without its newline.
TokenKind Tokenizer::syntax_error_known_range(int col_offset, int end_col_offset, std::string msg) {
    SyntaxErrorInfo info;
    info.msg = std::move(msg);
    info.lineno = info.end_lineno = lineno_;
    if (col_offset == -1) col_offset = count_chars(line_start_, cur_);
    info.offset = col_offset;
    info.end_offset = end_col_offset == -1 ? col_offset : end_col_offset;
    const char* eol = line_start_;
    while (eol < end_ && *eol != '\n' && *eol != '\0') ++eol;
    info.text.assign(line_start_, eol);
    info.reported_by_tokenizer = true;
    fail(std::move(info));
    return TokenKind::ERRORTOKEN;
}

TokenKind Tokenizer::syntax_error(std::string msg) {
    return syntax_error_known_range(-1, -1, std::move(msg));
}

// The errors tokenizer.c leaves in tok->done, formatted as pegen's
// tokenizer_error() and _PyPegen_raise_error() do.
TokenKind Tokenizer::done_error(Done why) {
    SyntaxErrorInfo info;
    if (why == Done::Eof && level_ > 0) {
        unclosed_paren_error(info);
        fail(std::move(info));
        return TokenKind::ERRORTOKEN;
    }
    std::string_view line = error_line(lineno_);
    info.lineno = info.end_lineno = lineno_;
    info.text.assign(line);
    switch (why) {
    case Done::Eof:  // caret at the cursor, as for a token without a column
        info.msg = "unexpected EOF while parsing";
        info.offset = byte_offset_to_character_offset(line, cursor_col());
        info.end_offset = -1;
        break;
    case Done::Dedent:
        info.type = "IndentationError";
        info.msg = "unindent does not match any outer indentation level";
        info.offset = byte_offset_to_character_offset(line, cursor_col());
        info.end_offset = -1;
        break;
    case Done::TabSpace:
        info.type = "TabError";
        info.msg = "inconsistent use of tabs and spaces in indentation";
        info.offset = byte_offset_to_character_offset(line, 1);
        info.end_offset = 0;
        break;
    case Done::TooDeep:
        info.type = "IndentationError";
        info.msg = "too many levels of indentation";
        info.offset = byte_offset_to_character_offset(line, 1);
        info.end_offset = 0;
        break;
    case Done::LineCont:  // caret at the character after the backslash
        info.msg = "unexpected character after line continuation character";
        info.offset = byte_offset_to_character_offset(line, static_cast<int>(cur_ - buf_));
        info.end_offset = 0;
        break;
    }
    fail(std::move(info));
    return TokenKind::ERRORTOKEN;
}

// pegen's raise_unclosed_parentheses_error: points at the innermost open bracket.
void Tokenizer::unclosed_paren_error(SyntaxErrorInfo& out) const {
    int lineno = parenlinenostack_[level_ - 1];
    std::string_view line = error_line(lineno);
    out = SyntaxErrorInfo{};
    out.msg = format("'%c' was never closed", parenstack_[level_ - 1]);
    out.lineno = out.end_lineno = lineno;
    out.offset = byte_offset_to_character_offset(line, parencolstack_[level_ - 1] + 1);
    out.end_offset = 0;
    out.text.assign(line);
}

bool Tokenizer::tokenize_full_source_to_check_for_errors(int last_token_lineno, SyntaxErrorInfo& out) {
    if (failed_) return false;
    Token t;
    while (next(t)) {
        if (t.kind == TokenKind::ENDMARKER) return false;
    }
    if (error_.reported_by_tokenizer) {
        out = error_;
        return true;
    }
    if (level_ > 0 && last_token_lineno > parenlinenostack_[level_ - 1]) {
        unclosed_paren_error(out);
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// The parser's view: one Token per call (_PyPegen_fill_token)

bool Tokenizer::next(Token& out) {
    if (failed_) return false;
    const char* p_start = nullptr;
    const char* p_end = nullptr;
    TokenKind kind = get(p_start, p_end);
    if (failed_ || kind == TokenKind::ERRORTOKEN) return false;
    // A STRING may span lines: it starts on the line where it was opened.
    bool is_string = kind == TokenKind::STRING;
    const char* first_line = is_string ? multi_line_start_ : line_start_;
    out.kind = kind;
    out.lineno = is_string ? first_lineno_ : lineno_;
    out.end_lineno = lineno_;
    if (p_start != nullptr && p_end != nullptr) {
        out.text = std::string_view(p_start, static_cast<std::size_t>(p_end - p_start));
        out.col_offset = static_cast<int>(p_start - first_line);
        out.end_col_offset = static_cast<int>(p_end - line_start_);
    } else {  // INDENT, DEDENT, ENDMARKER: no text; see Token::end_col_offset
        out.text = std::string_view(cur_, 0);
        out.col_offset = out.end_col_offset = cursor_col();
    }
    return true;
}

// ---------------------------------------------------------------------------
// tok_get

// The beginning of a line: measure indentation, compare with the stack, and
// queue INDENT/DEDENT in pendin_. Sets blankline for whitespace- or
// comment-only lines. Returns ERRORTOKEN after reporting an error, else OP.
TokenKind Tokenizer::indentation(bool& blankline) {
    int col = 0, altcol = 0;
    int cont_line_col = 0;
    int c;
    atbol_ = false;
    for (;;) {
        c = nextc();
        if (c == ' ') {
            ++col, ++altcol;
        } else if (c == '\t') {
            col = (col / kTabSize + 1) * kTabSize;
            altcol = altcol + 1;
        } else if (c == '\014') {  // form feed resets the column (for Emacs users)
            col = altcol = 0;
        } else if (c == '\\') {
            // Indentation cannot be split over lines with a backslash: the
            // column of the first backslash is the indentation.
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (continuation_line() == -1) return TokenKind::ERRORTOKEN;
        } else {
            break;
        }
    }
    backup(c);
    if (c == '#' || c == '\n') blankline = true;  // no tokens, no indentation change
    if (blankline || level_ != 0) return TokenKind::OP;

    if (cont_line_col) col = altcol = cont_line_col;
    if (col == indstack_[indent_]) {
        if (altcol != altindstack_[indent_]) {
            cur_ = inp_;
            return done_error(Done::TabSpace);
        }
    } else if (col > indstack_[indent_]) {  // indent: always exactly one level
        if (indent_ + 1 >= kMaxIndent) {
            cur_ = inp_;
            return done_error(Done::TooDeep);
        }
        if (altcol <= altindstack_[indent_]) {
            cur_ = inp_;
            return done_error(Done::TabSpace);
        }
        ++pendin_;
        indstack_[++indent_] = col;
        altindstack_[indent_] = altcol;
    } else {  // dedent: any number of levels, but must land on one exactly
        while (indent_ > 0 && col < indstack_[indent_]) {
            --pendin_;
            --indent_;
        }
        if (col != indstack_[indent_]) {
            cur_ = inp_;
            return done_error(Done::Dedent);
        }
        if (altcol != altindstack_[indent_]) {
            cur_ = inp_;
            return done_error(Done::TabSpace);
        }
    }
    return TokenKind::OP;
}

TokenKind Tokenizer::get(const char*& p_start, const char*& p_end) {
    int c;
    bool blankline;
nextline:
    start_ = nullptr;
    blankline = false;
    if (atbol_ && indentation(blankline) == TokenKind::ERRORTOKEN) return TokenKind::ERRORTOKEN;

    start_ = cur_;
    if (pendin_ != 0) {  // return pending INDENTs/DEDENTs one per call
        if (pendin_ < 0) {
            ++pendin_;
            return TokenKind::DEDENT;
        }
        --pendin_;
        return TokenKind::INDENT;
    }

again:
    start_ = nullptr;
    do {
        c = nextc();
    } while (c == ' ' || c == '\t' || c == '\014');
    start_ = cur_ - 1;

    if (c == '#') {  // a comment runs to the end of the line
        while (c != EOF_ && c != '\n') c = nextc();
    }

    if (c == EOF_) {
        if (failed_) return TokenKind::ERRORTOKEN;
        if (level_ > 0) return done_error(Done::Eof);
        return TokenKind::ENDMARKER;
    }

    if (is_potential_identifier_start(c)) {
        TokenKind kind = identifier(c);
        if (kind != TokenKind::ERRORTOKEN) p_start = start_, p_end = cur_;
        return kind;
    }

    if (c == '\n') {
        atbol_ = true;
        if (blankline || level_ > 0) goto nextline;  // blank line or implicit joining
        p_start = start_;
        p_end = cur_ - 1;  // leave the '\n' out
        return TokenKind::NEWLINE;
    }

    TokenKind kind = TokenKind::OP;
    if (c == '.') {  // a period, an ellipsis, or a number like .5
        c = nextc();
        if (is_digit(c)) {
            kind = fraction(c);
        } else if (c == '.') {
            c = nextc();
            if (c == '.') {
                kind = TokenKind::ELLIPSIS;
            } else {
                backup(c);
                backup('.');
                kind = TokenKind::DOT;
            }
        } else {
            backup(c);
            kind = TokenKind::DOT;
        }
    } else if (is_digit(c)) {
        kind = number(c);
    } else if (c == '\'' || c == '"') {
        kind = string(c);
    } else if (c == '\\') {  // explicit line joining
        if (continuation_line() == -1) return TokenKind::ERRORTOKEN;
        goto again;
    } else {  // operators: a two-character one, maybe extended to three, or one
        int c2 = nextc();
        char op[3] = {static_cast<char>(c), static_cast<char>(c2), 0};
        kind = operator_kind(op, 2);
        if (kind != TokenKind::OP) {
            int c3 = nextc();
            op[2] = static_cast<char>(c3);
            TokenKind kind3 = operator_kind(op, 3);
            if (kind3 != TokenKind::OP) kind = kind3;
            else backup(c3);
        } else {
            backup(c2);
            kind = single_char(c);
        }
    }
    if (kind != TokenKind::ERRORTOKEN) p_start = start_, p_end = cur_;
    return kind;
}

// Single-character tokens: track bracket nesting (tok->level and the paren
// stacks), reject control characters.
TokenKind Tokenizer::single_char(int c) {
    switch (c) {
    case '(': case '[': case '{':
        if (level_ >= kMaxLevel) return syntax_error("too many nested parentheses");
        parenstack_[level_] = static_cast<char>(c);
        parenlinenostack_[level_] = lineno_;
        parencolstack_[level_] = static_cast<int>(start_ - line_start_);
        ++level_;
        break;
    case ')': case ']': case '}': {
        if (level_ == 0) return syntax_error(format("unmatched '%c'", c));
        --level_;
        int opening = parenstack_[level_];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (parenlinenostack_[level_] != lineno_) {
                return syntax_error(format("closing parenthesis '%c' does not match "
                                           "opening parenthesis '%c' on line %d",
                                           c, opening, parenlinenostack_[level_]));
            }
            return syntax_error(format("closing parenthesis '%c' does not match "
                                       "opening parenthesis '%c'", c, opening));
        }
        break;
    }
    }
    if (!is_printable(static_cast<std::uint32_t>(c)))
        return syntax_error(format("invalid non-printable character U+%04X", c));
    char op = static_cast<char>(c);
    return operator_kind(&op, 1);  // OP for a stray printable character such as '$' or '?'
}

// tok_continuation_line: after a backslash, only a newline may follow.
// Returns the first character of the next line (left unread), or -1.
int Tokenizer::continuation_line() {
    int c = nextc();
    if (c != '\n') {
        done_error(Done::LineCont);
        return -1;
    }
    c = nextc();
    if (c == EOF_) {
        cur_ = inp_;
        if (!failed_) done_error(Done::Eof);
        return -1;
    }
    backup(c);
    return c;
}

// Names, and the prefixes of strings: b, r, u, f and the legal pairs, in any
// case and either order (br, rb, fr, rf). u combines with nothing.
TokenKind Tokenizer::identifier(int c) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
        else break;
        c = nextc();
        if (c == '"' || c == '\'') return string(c);
    }
    bool nonascii = false;
    while (is_potential_identifier_char(c)) {
        if (c >= 128) nonascii = true;
        c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier()) return TokenKind::ERRORTOKEN;
    return TokenKind::NAME;
}

// [start_, cur_) holds bytes >= 0x80: check it is XID_Start XID_Continue*.
// On failure the cursor moves just past the offending character.
bool Tokenizer::verify_identifier() {
    const char* p = start_;
    bool first = true;
    while (p < cur_) {
        const char* here = p;
        std::uint32_t cp = decode_utf8(p);
        bool ok = first ? (is_xid_start(cp) || cp == '_') : is_xid_continue(cp);
        first = false;
        if (ok) continue;
        cur_ = p;
        if (is_printable(cp)) {
            std::string ch(here, p);
            syntax_error(format("invalid character '%s' (U+%04X)", ch.c_str(), cp));
        } else {
            syntax_error(format("invalid non-printable character U+%04X", cp));
        }
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// Numbers

TokenKind Tokenizer::number(int c) {
    if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (!is_xdigit(c)) {
                    backup(c);
                    return syntax_error("invalid hexadecimal literal");
                }
                do c = nextc(); while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(c, "hexadecimal")) return TokenKind::ERRORTOKEN;
        } else if (c == 'o' || c == 'O') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (c < '0' || c >= '8') {
                    if (is_digit(c)) return syntax_error(format("invalid digit '%c' in octal literal", c));
                    backup(c);
                    return syntax_error("invalid octal literal");
                }
                do c = nextc(); while ('0' <= c && c < '8');
            } while (c == '_');
            if (is_digit(c)) return syntax_error(format("invalid digit '%c' in octal literal", c));
            if (!verify_end_of_number(c, "octal")) return TokenKind::ERRORTOKEN;
        } else if (c == 'b' || c == 'B') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (c != '0' && c != '1') {
                    if (is_digit(c)) return syntax_error(format("invalid digit '%c' in binary literal", c));
                    backup(c);
                    return syntax_error("invalid binary literal");
                }
                do c = nextc(); while (c == '0' || c == '1');
            } while (c == '_');
            if (is_digit(c)) return syntax_error(format("invalid digit '%c' in binary literal", c));
            if (!verify_end_of_number(c, "binary")) return TokenKind::ERRORTOKEN;
        } else {
            // "0", "00", "0_0", or the start of a float like 0.5, 0e1, 0j.
            // Any other digits after the zeros were old-style octal: an error
            // now, unless the number turns out to be a float or imaginary.
            bool nonzero = false;
            for (;;) {
                if (c == '_') {
                    c = nextc();
                    if (!is_digit(c)) {
                        backup(c);
                        return syntax_error("invalid decimal literal");
                    }
                }
                if (c != '0') break;
                c = nextc();
            }
            const char* zeros_end = cur_;
            if (is_digit(c)) {
                nonzero = true;
                c = decimal_tail();
                if (c == 0) return TokenKind::ERRORTOKEN;
            }
            if (c == '.') return fraction(nextc());
            if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return exponent_and_suffix(c);
            if (nonzero) {
                // The range is in bytes, not characters: CPython's quirk.
                backup(c);
                return syntax_error_known_range(
                    static_cast<int>(start_ + 1 - line_start_), static_cast<int>(zeros_end - line_start_),
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
            }
            if (!verify_end_of_number(c, "decimal")) return TokenKind::ERRORTOKEN;
        }
        backup(c);
        return TokenKind::NUMBER;
    }
    c = decimal_tail();
    if (c == 0) return TokenKind::ERRORTOKEN;
    if (c == '.') return fraction(nextc());
    return exponent_and_suffix(c);
}

// After the '.' of a float; c is the character following it.
TokenKind Tokenizer::fraction(int c) {
    if (is_digit(c)) {
        c = decimal_tail();
        if (c == 0) return TokenKind::ERRORTOKEN;
    }
    return exponent_and_suffix(c);
}

// An optional exponent, then an optional 'j'; c is the next character.
TokenKind Tokenizer::exponent_and_suffix(int c) {
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
                backup(c);
                return syntax_error("invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            // "1e" is not an exponent: maybe "1else", else an error.
            backup(c);
            if (!verify_end_of_number(e, "decimal")) return TokenKind::ERRORTOKEN;
            backup(e);
            return TokenKind::NUMBER;
        }
        c = decimal_tail();
        if (c == 0) return TokenKind::ERRORTOKEN;
    }
    if (c == 'j' || c == 'J') {
        c = nextc();
        if (!verify_end_of_number(c, "imaginary")) return TokenKind::ERRORTOKEN;
    } else if (!verify_end_of_number(c, "decimal")) {
        return TokenKind::ERRORTOKEN;
    }
    backup(c);
    return TokenKind::NUMBER;
}

// Digits with single underscores between them; returns the first character
// after them, or 0 after reporting an error.
int Tokenizer::decimal_tail() {
    int c;
    for (;;) {
        do c = nextc(); while (is_digit(c));
        if (c != '_') break;
        c = nextc();
        if (!is_digit(c)) {
            backup(c);
            syntax_error("invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// A number may not run into an ASCII name ("1abc"), but the keywords that can
// follow a number in valid code (and, else, for, if, in, is, not, or) are
// still accepted; CPython 3.11 only warns about those.
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
    bool r = false;
    if (c == 'a') r = lookahead("nd");
    else if (c == 'e') r = lookahead("lse");
    else if (c == 'f') r = lookahead("or");
    else if (c == 'i') {
        int c2 = nextc();
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(c2);
    } else if (c == 'o') r = lookahead("r");
    else if (c == 'n') r = lookahead("ot");
    if (r) return true;  // CPython: backup, warn "invalid %s literal", re-read
    // A non-ASCII character ends the number; it then starts a name (or is
    // reported as an invalid character).
    if (c < 128 && is_potential_identifier_char(c)) {
        backup(c);
        syntax_error(format("invalid %s literal", kind));
        return false;
    }
    return true;
}

// Do the next characters spell `test` followed by a non-name character?
// Reads nothing on balance.
bool Tokenizer::lookahead(const char* test) {
    const char* s = test;
    for (;;) {
        int c = nextc();
        bool res = false;
        if (*s == 0) {
            res = !is_potential_identifier_char(c);
        } else if (c == *s) {
            ++s;
            continue;
        }
        backup(c);
        while (s != test) backup(*--s);
        return res;
    }
}

// ---------------------------------------------------------------------------
// Strings: find the end; decoding is literals.cpp's job.

TokenKind Tokenizer::string(int quote) {
    int quote_size = 1;  // 1 or 3
    int end_quote_size = 0;
    // A STRING's position is where it starts, even if it ends lines later.
    first_lineno_ = lineno_;
    multi_line_start_ = line_start_;

    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;  // the empty string
    }
    if (c != quote) backup(c);

    while (end_quote_size != quote_size) {
        c = nextc();
        if (failed_) return TokenKind::ERRORTOKEN;
        if (c == EOF_ || (quote_size == 1 && c == '\n')) {
            // Report from the opening quote's line, naming where we noticed.
            int detected = lineno_;
            cur_ = start_ + 1;
            line_start_ = multi_line_start_;
            lineno_ = first_lineno_;
            return syntax_error(quote_size == 3
                ? format("unterminated triple-quoted string literal (detected at line %d)", detected)
                : format("unterminated string literal (detected at line %d)", detected));
        }
        if (c == quote) {
            ++end_quote_size;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc();  // skip the escaped character
        }
    }
    return TokenKind::STRING;
}

// ---------------------------------------------------------------------------
// Unicode classes (Unicode 14.0, as CPython 3.11's unicodedata)
//
// Runs over code points from U+0080: each entry is (first << 2) | class, and
// the class holds until the next entry's first code point. Classes: 0 other
// printable, 1 XID_Start (and so XID_Continue), 2 XID_Continue only, 3 not
// printable (str.isprintable() is false). Generated with CPython 3.11:
//   cls = lambda ch: 1 if ch.isidentifier() else 2 if ('a'+ch).isidentifier()
//                    else 3 if not ch.isprintable() else 0
//   runs = [(c << 2) | cls(chr(c)) for c in range(0x80, 0x110000)
//           if c == 0x80 or cls(chr(c)) != cls(chr(c - 1))]

namespace {
constexpr std::uint32_t kUnicodeRuns[] = {
    0x203, 0x284, 0x2A9, 0x2AC, 0x2B7, 0x2B8, 0x2D5, 0x2D8, 0x2DE, 0x2E0, 0x2E9, 0x2EC, 0x301,
    0x35C, 0x361, 0x3DC, 0x3E1, 0xB08, 0xB19, 0xB48, 0xB81, 0xB94, 0xBB1, 0xBB4, 0xBB9, 0xBBC,
    0xC02, 0xDC1, 0xDD4, 0xDD9, 0xDE3, 0xDE8, 0xDED, 0xDF8, 0xDFD, 0xE03, 0xE10, 0xE19, 0xE1E,
    0xE21, 0xE2F, 0xE31, 0xE37, 0xE39, 0xE8B, 0xE8D, 0xFD8, 0xFDD, 0x1208, 0x120E, 0x1220, 0x1229,
    0x14C3, 0x14C5, 0x155F, 0x1565, 0x1568, 0x1581, 0x1624, 0x162F, 0x1634, 0x1643, 0x1646, 0x16F8,
    0x16FE, 0x1700, 0x1706, 0x170C, 0x1712, 0x1718, 0x171E, 0x1723, 0x1741, 0x17AF, 0x17BD, 0x17CC,
    0x17D7, 0x1818, 0x1842, 0x186C, 0x1873, 0x1874, 0x1881, 0x192E, 0x19A8, 0x19B9, 0x19C2, 0x19C5,
    0x1B50, 0x1B55, 0x1B5A, 0x1B77, 0x1B78, 0x1B7E, 0x1B95, 0x1B9E, 0x1BA4, 0x1BAA, 0x1BB9, 0x1BC2,
    0x1BE9, 0x1BF4, 0x1BFD, 0x1C00, 0x1C3B, 0x1C41, 0x1C46, 0x1C49, 0x1CC2, 0x1D2F, 0x1D35, 0x1E9A,
    0x1EC5, 0x1ECB, 0x1F02, 0x1F29, 0x1FAE, 0x1FD1, 0x1FD8, 0x1FE9, 0x1FEF, 0x1FF6, 0x1FF8, 0x2001,
    0x205A, 0x2069, 0x206E, 0x2091, 0x2096, 0x20A1, 0x20A6, 0x20BB, 0x20C0, 0x20FF, 0x2101, 0x2166,
    0x2173, 0x2178, 0x217F, 0x2181, 0x21AF, 0x21C1, 0x2220, 0x2225, 0x223F, 0x2262, 0x2281, 0x232A,
    0x238B, 0x238E, 0x2411, 0x24EA, 0x24F5, 0x24FA, 0x2541, 0x2546, 0x2561, 0x258A, 0x2590, 0x259A,
    0x25C0, 0x25C5, 0x2606, 0x2613, 0x2615, 0x2637, 0x263D, 0x2647, 0x264D, 0x26A7, 0x26A9, 0x26C7,
    0x26C9, 0x26CF, 0x26D9, 0x26EB, 0x26F2, 0x26F5, 0x26FA, 0x2717, 0x271E, 0x2727, 0x272E, 0x2739,
    0x273F, 0x275E, 0x2763, 0x2771, 0x277B, 0x277D, 0x278A, 0x2793, 0x279A, 0x27C1, 0x27C8, 0x27F1,
    0x27F4, 0x27FA, 0x27FF, 0x2806, 0x2813, 0x2815, 0x282F, 0x283D, 0x2847, 0x284D, 0x28A7, 0x28A9,
    0x28C7, 0x28C9, 0x28D3, 0x28D5, 0x28DF, 0x28E1, 0x28EB, 0x28F2, 0x28F7, 0x28FA, 0x290F, 0x291E,
    0x2927, 0x292E, 0x293B, 0x2946, 0x294B, 0x2965, 0x2977, 0x2979, 0x297F, 0x299A, 0x29C9, 0x29D6,
    0x29D8, 0x29DF, 0x2A06, 0x2A13, 0x2A15, 0x2A3B, 0x2A3D, 0x2A4B, 0x2A4D, 0x2AA7, 0x2AA9, 0x2AC7,
    0x2AC9, 0x2AD3, 0x2AD5, 0x2AEB, 0x2AF2, 0x2AF5, 0x2AFA, 0x2B1B, 0x2B1E, 0x2B2B, 0x2B2E, 0x2B3B,
    0x2B41, 0x2B47, 0x2B81, 0x2B8A, 0x2B93, 0x2B9A, 0x2BC0, 0x2BCB, 0x2BE5, 0x2BEA, 0x2C03, 0x2C06,
    0x2C13, 0x2C15, 0x2C37, 0x2C3D, 0x2C47, 0x2C4D, 0x2CA7, 0x2CA9, 0x2CC7, 0x2CC9, 0x2CD3, 0x2CD5,
    0x2CEB, 0x2CF2, 0x2CF5, 0x2CFA, 0x2D17, 0x2D1E, 0x2D27, 0x2D2E, 0x2D3B, 0x2D56, 0x2D63, 0x2D71,
    0x2D7B, 0x2D7D, 0x2D8A, 0x2D93, 0x2D9A, 0x2DC0, 0x2DC5, 0x2DC8, 0x2DE3, 0x2E0A, 0x2E0D, 0x2E13,
    0x2E15, 0x2E2F, 0x2E39, 0x2E47, 0x2E49, 0x2E5B, 0x2E65, 0x2E6F, 0x2E71, 0x2E77, 0x2E79, 0x2E83,
    0x2E8D, 0x2E97, 0x2EA1, 0x2EAF, 0x2EB9, 0x2EEB, 0x2EFA, 0x2F0F, 0x2F1A, 0x2F27, 0x2F2A, 0x2F3B,
    0x2F41, 0x2F47, 0x2F5E, 0x2F63, 0x2F9A, 0x2FC0, 0x2FEF, 0x3002, 0x3015, 0x3037, 0x3039, 0x3047,
    0x3049, 0x30A7, 0x30A9, 0x30EB, 0x30F2, 0x30F5, 0x30FA, 0x3117, 0x311A, 0x3127, 0x312A, 0x313B,
    0x3156, 0x315F, 0x3161, 0x316F, 0x3175, 0x317B, 0x3181, 0x318A, 0x3193, 0x319A, 0x31C3, 0x31DC,
    0x3201, 0x3206, 0x3210, 0x3215, 0x3237, 0x3239, 0x3247, 0x3249, 0x32A7, 0x32A9, 0x32D3, 0x32D5,
    0x32EB, 0x32F2, 0x32F5, 0x32FA, 0x3317, 0x331A, 0x3327, 0x332A, 0x333B, 0x3356, 0x335F, 0x3375,
    0x337F, 0x3381, 0x338A, 0x3393, 0x339A, 0x33C3, 0x33C5, 0x33CF, 0x3402, 0x3411, 0x3437, 0x3439,
    0x3447, 0x3449, 0x34EE, 0x34F5, 0x34FA, 0x3517, 0x351A, 0x3527, 0x352A, 0x3539, 0x353C, 0x3543,
    0x3551, 0x355E, 0x3560, 0x357D, 0x358A, 0x3593, 0x359A, 0x35C0, 0x35E9, 0x3603, 0x3606, 0x3613,
    0x3615, 0x365F, 0x3669, 0x36CB, 0x36CD, 0x36F3, 0x36F5, 0x36FB, 0x3701, 0x371F, 0x372A, 0x372F,
    0x373E, 0x3757, 0x375A, 0x375F, 0x3762, 0x3783, 0x379A, 0x37C3, 0x37CA, 0x37D0, 0x37D7, 0x3805,
    0x38C6, 0x38C9, 0x38CE, 0x38EF, 0x38FC, 0x3901, 0x391E, 0x393C, 0x3942, 0x3968, 0x3973, 0x3A05,
    0x3A0F, 0x3A11, 0x3A17, 0x3A19, 0x3A2F, 0x3A31, 0x3A93, 0x3A95, 0x3A9B, 0x3A9D, 0x3AC6, 0x3AC9,
    0x3ACE, 0x3AF5, 0x3AFB, 0x3B01, 0x3B17, 0x3B19, 0x3B1F, 0x3B22, 0x3B3B, 0x3B42, 0x3B6B, 0x3B71,
    0x3B83, 0x3C01, 0x3C04, 0x3C62, 0x3C68, 0x3C82, 0x3CA8, 0x3CD6, 0x3CD8, 0x3CDE, 0x3CE0, 0x3CE6,
    0x3CE8, 0x3CFA, 0x3D01, 0x3D23, 0x3D25, 0x3DB7, 0x3DC6, 0x3E14, 0x3E1A, 0x3E21, 0x3E36, 0x3E63,
    0x3E66, 0x3EF7, 0x3EF8, 0x3F1A, 0x3F1C, 0x3F37, 0x3F38, 0x3F6F, 0x4001, 0x40AE, 0x40FD, 0x4102,
    0x4128, 0x4141, 0x415A, 0x4169, 0x417A, 0x4185, 0x418A, 0x4195, 0x419E, 0x41B9, 0x41C6, 0x41D5,
    0x420A, 0x4239, 0x423E, 0x4278, 0x4281, 0x431B, 0x431D, 0x4323, 0x4335, 0x433B, 0x4341, 0x43EC,
    0x43F1, 0x4927, 0x4929, 0x493B, 0x4941, 0x495F, 0x4961, 0x4967, 0x4969, 0x497B, 0x4981, 0x4A27,
    0x4A29, 0x4A3B, 0x4A41, 0x4AC7, 0x4AC9, 0x4ADB, 0x4AE1, 0x4AFF, 0x4B01, 0x4B07, 0x4B09, 0x4B1B,
    0x4B21, 0x4B5F, 0x4B61, 0x4C47, 0x4C49, 0x4C5B, 0x4C61, 0x4D6F, 0x4D76, 0x4D80, 0x4DA6, 0x4DC8,
    0x4DF7, 0x4E01, 0x4E40, 0x4E6B, 0x4E81, 0x4FDB, 0x4FE1, 0x4FFB, 0x5000, 0x5005, 0x59B4, 0x59BD,
    0x5A03, 0x5A05, 0x5A6C, 0x5A77, 0x5A81, 0x5BAC, 0x5BB9, 0x5BE7, 0x5C01, 0x5C4A, 0x5C5B, 0x5C7D,
    0x5CCA, 0x5CD4, 0x5CDF, 0x5D01, 0x5D4A, 0x5D53, 0x5D81, 0x5DB7, 0x5DB9, 0x5DC7, 0x5DCA, 0x5DD3,
    0x5E01, 0x5ED2, 0x5F50, 0x5F5D, 0x5F60, 0x5F71, 0x5F76, 0x5F7B, 0x5F82, 0x5FAB, 0x5FC0, 0x5FEB,
    0x6000, 0x602E, 0x603B, 0x603E, 0x606B, 0x6081, 0x61E7, 0x6201, 0x62A6, 0x62A9, 0x62AF, 0x62C1,
    0x63DB, 0x6401, 0x647F, 0x6482, 0x64B3, 0x64C2, 0x64F3, 0x6500, 0x6507, 0x6510, 0x651A, 0x6541,
    0x65BB, 0x65C1, 0x65D7, 0x6601, 0x66B3, 0x66C1, 0x672B, 0x6742, 0x676F, 0x6778, 0x6801, 0x685E,
    0x6873, 0x6878, 0x6881, 0x6956, 0x697F, 0x6982, 0x69F7, 0x69FE, 0x6A2B, 0x6A42, 0x6A6B, 0x6A80,
    0x6A9D, 0x6AA0, 0x6ABB, 0x6AC2, 0x6AF8, 0x6AFE, 0x6B3F, 0x6C02, 0x6C15, 0x6CD2, 0x6D15, 0x6D37,
    0x6D42, 0x6D68, 0x6DAE, 0x6DD0, 0x6DFF, 0x6E02, 0x6E0D, 0x6E86, 0x6EB9, 0x6EC2, 0x6EE9, 0x6F9A,
    0x6FD3, 0x6FF0, 0x7001, 0x7092, 0x70E3, 0x70EC, 0x7102, 0x712B, 0x7135, 0x7142, 0x7169, 0x71F8,
    0x7201, 0x7227, 0x7241, 0x72EF, 0x72F5, 0x7300, 0x7323, 0x7342, 0x734C, 0x7352, 0x73A5, 0x73B6,
    0x73B9, 0x73D2, 0x73D5, 0x73DE, 0x73E9, 0x73EF, 0x7401, 0x7702, 0x7801, 0x7C5B, 0x7C61, 0x7C7B,
    0x7C81, 0x7D1B, 0x7D21, 0x7D3B, 0x7D41, 0x7D63, 0x7D65, 0x7D6B, 0x7D6D, 0x7D73, 0x7D75, 0x7D7B,
    0x7D7D, 0x7DFB, 0x7E01, 0x7ED7, 0x7ED9, 0x7EF4, 0x7EF9, 0x7EFC, 0x7F09, 0x7F17, 0x7F19, 0x7F34,
    0x7F41, 0x7F53, 0x7F59, 0x7F73, 0x7F74, 0x7F81, 0x7FB4, 0x7FC3, 0x7FC9, 0x7FD7, 0x7FD9, 0x7FF4,
    0x7FFF, 0x8040, 0x80A3, 0x80C0, 0x80FE, 0x8104, 0x8152, 0x8154, 0x817F, 0x81C0, 0x81C5, 0x81CB,
    0x81D0, 0x81FD, 0x8200, 0x823F, 0x8241, 0x8277, 0x8280, 0x8307, 0x8342, 0x8374, 0x8386, 0x8388,
    0x8396, 0x83C7, 0x8400, 0x8409, 0x840C, 0x841D, 0x8420, 0x8429, 0x8450, 0x8455, 0x8458, 0x8461,
    0x8478, 0x8491, 0x8494, 0x8499, 0x849C, 0x84A1, 0x84A4, 0x84A9, 0x84E8, 0x84F1, 0x8500, 0x8515,
    0x8528, 0x8539, 0x853C, 0x8581, 0x8624, 0x8633, 0x8640, 0x909F, 0x9100, 0x912F, 0x9180, 0xADD3,
    0xADD8, 0xAE5B, 0xAE5C, 0xB001, 0xB394, 0xB3AD, 0xB3BE, 0xB3C9, 0xB3D3, 0xB3E4, 0xB401, 0xB49B,
    0xB49D, 0xB4A3, 0xB4B5, 0xB4BB, 0xB4C1, 0xB5A3, 0xB5BD, 0xB5C0, 0xB5C7, 0xB5FE, 0xB601, 0xB65F,
    0xB681, 0xB69F, 0xB6A1, 0xB6BF, 0xB6C1, 0xB6DF, 0xB6E1, 0xB6FF, 0xB701, 0xB71F, 0xB721, 0xB73F,
    0xB741, 0xB75F, 0xB761, 0xB77F, 0xB782, 0xB800, 0xB97B, 0xBA00, 0xBA6B, 0xBA6C, 0xBBD3, 0xBC00,
    0xBF5B, 0xBFC0, 0xBFF3, 0xC004, 0xC015, 0xC020, 0xC085, 0xC0AA, 0xC0C0, 0xC0C5, 0xC0D8, 0xC0E1,
    0xC0F4, 0xC103, 0xC105, 0xC25F, 0xC266, 0xC26C, 0xC275, 0xC280, 0xC285, 0xC3EC, 0xC3F1, 0xC403,
    0xC415, 0xC4C3, 0xC4C5, 0xC63F, 0xC640, 0xC681, 0xC700, 0xC793, 0xC7C1, 0xC800, 0xC87F, 0xC880,
    0xD001, 0x13700, 0x13801, 0x29237, 0x29240, 0x2931F, 0x29341, 0x293F8, 0x29401, 0x29834,
    0x29841, 0x29882, 0x298A9, 0x298B3, 0x29901, 0x299BE, 0x299C0, 0x299D2, 0x299F8, 0x299FD,
    0x29A7A, 0x29A81, 0x29BC2, 0x29BC8, 0x29BE3, 0x29C00, 0x29C5D, 0x29C80, 0x29C89, 0x29E24,
    0x29E2D, 0x29F2F, 0x29F41, 0x29F4B, 0x29F4D, 0x29F53, 0x29F55, 0x29F6B, 0x29FC9, 0x2A00A,
    0x2A00D, 0x2A01A, 0x2A01D, 0x2A02E, 0x2A031, 0x2A08E, 0x2A0A0, 0x2A0B2, 0x2A0B7, 0x2A0C0,
    0x2A0EB, 0x2A101, 0x2A1D0, 0x2A1E3, 0x2A202, 0x2A209, 0x2A2D2, 0x2A31B, 0x2A338, 0x2A342,
    0x2A36B, 0x2A382, 0x2A3C9, 0x2A3E0, 0x2A3ED, 0x2A3F0, 0x2A3F5, 0x2A3FE, 0x2A429, 0x2A49A,
    0x2A4B8, 0x2A4C1, 0x2A51E, 0x2A553, 0x2A57C, 0x2A581, 0x2A5F7, 0x2A602, 0x2A611, 0x2A6CE,
    0x2A704, 0x2A73B, 0x2A73D, 0x2A742, 0x2A76B, 0x2A778, 0x2A781, 0x2A796, 0x2A799, 0x2A7C2,
    0x2A7E9, 0x2A7FF, 0x2A801, 0x2A8A6, 0x2A8DF, 0x2A901, 0x2A90E, 0x2A911, 0x2A932, 0x2A93B,
    0x2A942, 0x2A96B, 0x2A970, 0x2A981, 0x2A9DC, 0x2A9E9, 0x2A9EE, 0x2A9F9, 0x2AAC2, 0x2AAC5,
    0x2AACA, 0x2AAD5, 0x2AADE, 0x2AAE5, 0x2AAFA, 0x2AB01, 0x2AB06, 0x2AB09, 0x2AB0F, 0x2AB6D,
    0x2AB78, 0x2AB81, 0x2ABAE, 0x2ABC0, 0x2ABC9, 0x2ABD6, 0x2ABDF, 0x2AC05, 0x2AC1F, 0x2AC25,
    0x2AC3F, 0x2AC45, 0x2AC5F, 0x2AC81, 0x2AC9F, 0x2ACA1, 0x2ACBF, 0x2ACC1, 0x2AD6C, 0x2AD71,
    0x2ADA8, 0x2ADB3, 0x2ADC1, 0x2AF8E, 0x2AFAC, 0x2AFB2, 0x2AFBB, 0x2AFC2, 0x2AFEB, 0x2B001,
    0x35E93, 0x35EC1, 0x35F1F, 0x35F2D, 0x35FF3, 0x3E401, 0x3E9BB, 0x3E9C1, 0x3EB6B, 0x3EC01,
    0x3EC1F, 0x3EC4D, 0x3EC63, 0x3EC75, 0x3EC7A, 0x3EC7D, 0x3ECA4, 0x3ECA9, 0x3ECDF, 0x3ECE1,
    0x3ECF7, 0x3ECF9, 0x3ECFF, 0x3ED01, 0x3ED0B, 0x3ED0D, 0x3ED17, 0x3ED19, 0x3EEC8, 0x3EF0F,
    0x3EF4D, 0x3F178, 0x3F191, 0x3F4F8, 0x3F541, 0x3F643, 0x3F649, 0x3F723, 0x3F73C, 0x3F743,
    0x3F7C1, 0x3F7E8, 0x3F802, 0x3F840, 0x3F86B, 0x3F882, 0x3F8C0, 0x3F8CE, 0x3F8D4, 0x3F936,
    0x3F940, 0x3F94F, 0x3F950, 0x3F99F, 0x3F9A0, 0x3F9B3, 0x3F9C0, 0x3F9C5, 0x3F9C8, 0x3F9CD,
    0x3F9D0, 0x3F9D7, 0x3F9D8, 0x3F9DD, 0x3F9E0, 0x3F9E5, 0x3F9E8, 0x3F9ED, 0x3F9F0, 0x3F9F5,
    0x3F9F8, 0x3F9FD, 0x3FBF7, 0x3FC04, 0x3FC42, 0x3FC68, 0x3FC85, 0x3FCEC, 0x3FCFE, 0x3FD00,
    0x3FD05, 0x3FD6C, 0x3FD99, 0x3FE7A, 0x3FE81, 0x3FEFF, 0x3FF09, 0x3FF23, 0x3FF29, 0x3FF43,
    0x3FF49, 0x3FF63, 0x3FF69, 0x3FF77, 0x3FF80, 0x3FF9F, 0x3FFA0, 0x3FFBF, 0x3FFF0, 0x3FFFB,
    0x40001, 0x40033, 0x40035, 0x4009F, 0x400A1, 0x400EF, 0x400F1, 0x400FB, 0x400FD, 0x4013B,
    0x40141, 0x4017B, 0x40201, 0x403EF, 0x40400, 0x4040F, 0x4041C, 0x404D3, 0x404DC, 0x40501,
    0x405D4, 0x4063F, 0x40640, 0x40677, 0x40680, 0x40687, 0x40740, 0x407F6, 0x407FB, 0x40A01,
    0x40A77, 0x40A81, 0x40B47, 0x40B82, 0x40B84, 0x40BF3, 0x40C01, 0x40C80, 0x40C93, 0x40CB5,
    0x40D2F, 0x40D41, 0x40DDA, 0x40DEF, 0x40E01, 0x40E7B, 0x40E7C, 0x40E81, 0x40F13, 0x40F21,
    0x40F40, 0x40F45, 0x40F5B, 0x41001, 0x4127B, 0x41282, 0x412AB, 0x412C1, 0x41353, 0x41361,
    0x413F3, 0x41401, 0x414A3, 0x414C1, 0x41593, 0x415BC, 0x415C1, 0x415EF, 0x415F1, 0x4162F,
    0x41631, 0x4164F, 0x41651, 0x4165B, 0x4165D, 0x4168B, 0x4168D, 0x416CB, 0x416CD, 0x416EB,
    0x416ED, 0x416F7, 0x41801, 0x41CDF, 0x41D01, 0x41D5B, 0x41D81, 0x41DA3, 0x41E01, 0x41E1B,
    0x41E1D, 0x41EC7, 0x41EC9, 0x41EEF, 0x42001, 0x4201B, 0x42021, 0x42027, 0x42029, 0x420DB,
    0x420DD, 0x420E7, 0x420F1, 0x420F7, 0x420FD, 0x4215B, 0x4215C, 0x42181, 0x421DC, 0x42201,
    0x4227F, 0x4229C, 0x422C3, 0x42381, 0x423CF, 0x423D1, 0x423DB, 0x423EC, 0x42401, 0x42458,
    0x42473, 0x4247C, 0x42481, 0x424EB, 0x424FC, 0x42503, 0x42601, 0x426E3, 0x426F0, 0x426F9,
    0x42700, 0x42743, 0x42748, 0x42801, 0x42806, 0x42813, 0x42816, 0x4281F, 0x42832, 0x42841,
    0x42853, 0x42855, 0x42863, 0x42865, 0x428DB, 0x428E2, 0x428EF, 0x428FE, 0x42900, 0x42927,
    0x42940, 0x42967, 0x42981, 0x429F4, 0x42A01, 0x42A74, 0x42A83, 0x42B01, 0x42B20, 0x42B25,
    0x42B96, 0x42B9F, 0x42BAC, 0x42BDF, 0x42C01, 0x42CDB, 0x42CE4, 0x42D01, 0x42D5B, 0x42D60,
    0x42D81, 0x42DCF, 0x42DE0, 0x42E01, 0x42E4B, 0x42E64, 0x42E77, 0x42EA4, 0x42EC3, 0x43001,
    0x43127, 0x43201, 0x432CF, 0x43301, 0x433CF, 0x433E8, 0x43401, 0x43492, 0x434A3, 0x434C2,
    0x434EB, 0x43980, 0x439FF, 0x43A01, 0x43AAB, 0x43AAE, 0x43AB4, 0x43ABB, 0x43AC1, 0x43ACB,
    0x43C01, 0x43C74, 0x43C9D, 0x43CA3, 0x43CC1, 0x43D1A, 0x43D44, 0x43D6B, 0x43DC1, 0x43E0A,
    0x43E18, 0x43E2B, 0x43EC1, 0x43F14, 0x43F33, 0x43F81, 0x43FDF, 0x44002, 0x4400D, 0x440E2,
    0x4411C, 0x4413B, 0x44148, 0x4419A, 0x441C5, 0x441CE, 0x441D5, 0x441DB, 0x441FE, 0x4420D,
    0x442C2, 0x442EC, 0x442F7, 0x442F8, 0x4430A, 0x4430F, 0x44341, 0x443A7, 0x443C2, 0x443EB,
    0x44402, 0x4440D, 0x4449E, 0x444D7, 0x444DA, 0x44500, 0x44511, 0x44516, 0x4451D, 0x44523,
    0x44541, 0x445CE, 0x445D0, 0x445D9, 0x445DF, 0x44602, 0x4460D, 0x446CE, 0x44705, 0x44714,
    0x44726, 0x44734, 0x4473A, 0x44769, 0x4476C, 0x44771, 0x44774, 0x44783, 0x44784, 0x447D7,
    0x44801, 0x4484B, 0x4484D, 0x448B2, 0x448E0, 0x448FA, 0x448FF, 0x44A01, 0x44A1F, 0x44A21,
    0x44A27, 0x44A29, 0x44A3B, 0x44A3D, 0x44A7B, 0x44A7D, 0x44AA4, 0x44AAB, 0x44AC1, 0x44B7E,
    0x44BAF, 0x44BC2, 0x44BEB, 0x44C02, 0x44C13, 0x44C15, 0x44C37, 0x44C3D, 0x44C47, 0x44C4D,
    0x44CA7, 0x44CA9, 0x44CC7, 0x44CC9, 0x44CD3, 0x44CD5, 0x44CEB, 0x44CEE, 0x44CF5, 0x44CFA,
    0x44D17, 0x44D1E, 0x44D27, 0x44D2E, 0x44D3B, 0x44D41, 0x44D47, 0x44D5E, 0x44D63, 0x44D75,
    0x44D8A, 0x44D93, 0x44D9A, 0x44DB7, 0x44DC2, 0x44DD7, 0x45001, 0x450D6, 0x4511D, 0x4512C,
    0x45142, 0x45168, 0x45173, 0x45174, 0x4517A, 0x4517D, 0x4518B, 0x45201, 0x452C2, 0x45311,
    0x45318, 0x4531D, 0x45323, 0x45342, 0x4536B, 0x45601, 0x456BE, 0x456DB, 0x456E2, 0x45704,
    0x45761, 0x45772, 0x4577B, 0x45801, 0x458C2, 0x45904, 0x45911, 0x45917, 0x45942, 0x4596B,
    0x45980, 0x459B7, 0x45A01, 0x45AAE, 0x45AE1, 0x45AE4, 0x45AEB, 0x45B02, 0x45B2B, 0x45C01,
    0x45C6F, 0x45C76, 0x45CB3, 0x45CC2, 0x45CE8, 0x45D01, 0x45D1F, 0x46001, 0x460B2, 0x460EC,
    0x460F3, 0x46281, 0x46382, 0x463A8, 0x463CF, 0x463FD, 0x4641F, 0x46425, 0x4642B, 0x46431,
    0x46453, 0x46455, 0x4645F, 0x46461, 0x464C2, 0x464DB, 0x464DE, 0x464E7, 0x464EE, 0x464FD,
    0x46502, 0x46505, 0x4650A, 0x46510, 0x4651F, 0x46542, 0x4656B, 0x46681, 0x466A3, 0x466A9,
    0x46746, 0x46763, 0x4676A, 0x46785, 0x46788, 0x4678D, 0x46792, 0x46797, 0x46801, 0x46806,
    0x4682D, 0x468CE, 0x468E9, 0x468EE, 0x468FC, 0x4691E, 0x46923, 0x46941, 0x46946, 0x46971,
    0x46A2A, 0x46A68, 0x46A75, 0x46A78, 0x46A8F, 0x46AC1, 0x46BE7, 0x47001, 0x47027, 0x47029,
    0x470BE, 0x470DF, 0x470E2, 0x47101, 0x47104, 0x4711B, 0x47142, 0x47168, 0x471B7, 0x471C0,
    0x471C9, 0x47243, 0x4724A, 0x472A3, 0x472A6, 0x472DF, 0x47401, 0x4741F, 0x47421, 0x4742B,
    0x4742D, 0x474C6, 0x474DF, 0x474EA, 0x474EF, 0x474F2, 0x474FB, 0x474FE, 0x47519, 0x4751E,
    0x47523, 0x47542, 0x4756B, 0x47581, 0x4759B, 0x4759D, 0x475A7, 0x475A9, 0x4762A, 0x4763F,
    0x47642, 0x4764B, 0x4764E, 0x47661, 0x47667, 0x47682, 0x476AB, 0x47B81, 0x47BCE, 0x47BDC,
    0x47BE7, 0x47EC1, 0x47EC7, 0x47F00, 0x47FCB, 0x47FFC, 0x48001, 0x48E6B, 0x49001, 0x491BF,
    0x491C0, 0x491D7, 0x49201, 0x49513, 0x4BE41, 0x4BFC4, 0x4BFCF, 0x4C001, 0x4D0BF, 0x51001,
    0x5191F, 0x5A001, 0x5A8E7, 0x5A901, 0x5A97F, 0x5A982, 0x5A9AB, 0x5A9B8, 0x5A9C1, 0x5AAFF,
    0x5AB02, 0x5AB2B, 0x5AB41, 0x5ABBB, 0x5ABC2, 0x5ABD4, 0x5ABDB, 0x5AC01, 0x5ACC2, 0x5ACDC,
    0x5AD01, 0x5AD10, 0x5AD1B, 0x5AD42, 0x5AD6B, 0x5AD6C, 0x5AD8B, 0x5AD8D, 0x5ADE3, 0x5ADF5,
    0x5AE43, 0x5B901, 0x5BA00, 0x5BA6F, 0x5BC01, 0x5BD2F, 0x5BD3E, 0x5BD41, 0x5BD46, 0x5BE23,
    0x5BE3E, 0x5BE4D, 0x5BE83, 0x5BF81, 0x5BF88, 0x5BF8D, 0x5BF92, 0x5BF97, 0x5BFC2, 0x5BFCB,
    0x5C001, 0x61FE3, 0x62001, 0x6335B, 0x63401, 0x63427, 0x6BFC1, 0x6BFD3, 0x6BFD5, 0x6BFF3,
    0x6BFF5, 0x6BFFF, 0x6C001, 0x6C48F, 0x6C541, 0x6C54F, 0x6C591, 0x6C5A3, 0x6C5C1, 0x6CBF3,
    0x6F001, 0x6F1AF, 0x6F1C1, 0x6F1F7, 0x6F201, 0x6F227, 0x6F241, 0x6F26B, 0x6F270, 0x6F276,
    0x6F27C, 0x6F283, 0x73C02, 0x73CBB, 0x73CC2, 0x73D1F, 0x73D40, 0x73F13, 0x74000, 0x743DB,
    0x74400, 0x7449F, 0x744A4, 0x74596, 0x745A8, 0x745B6, 0x745CF, 0x745EE, 0x7460C, 0x74616,
    0x74630, 0x746AA, 0x746B8, 0x747AF, 0x74800, 0x7490A, 0x74914, 0x7491B, 0x74B80, 0x74BD3,
    0x74C00, 0x74D5F, 0x74D80, 0x74DE7, 0x75001, 0x75157, 0x75159, 0x75277, 0x75279, 0x75283,
    0x75289, 0x7528F, 0x75295, 0x7529F, 0x752A5, 0x752B7, 0x752B9, 0x752EB, 0x752ED, 0x752F3,
    0x752F5, 0x75313, 0x75315, 0x7541B, 0x7541D, 0x7542F, 0x75435, 0x75457, 0x75459, 0x75477,
    0x75479, 0x754EB, 0x754ED, 0x754FF, 0x75501, 0x75517, 0x75519, 0x7551F, 0x75529, 0x75547,
    0x75549, 0x75A9B, 0x75AA1, 0x75B04, 0x75B09, 0x75B6C, 0x75B71, 0x75BEC, 0x75BF1, 0x75C54,
    0x75C59, 0x75CD4, 0x75CD9, 0x75D3C, 0x75D41, 0x75DBC, 0x75DC1, 0x75E24, 0x75E29, 0x75EA4,
    0x75EA9, 0x75F0C, 0x75F11, 0x75F33, 0x75F3A, 0x76000, 0x76802, 0x768DC, 0x768EE, 0x769B4,
    0x769D6, 0x769D8, 0x76A12, 0x76A14, 0x76A33, 0x76A6E, 0x76A83, 0x76A86, 0x76AC3, 0x77C01,
    0x77C7F, 0x78002, 0x7801F, 0x78022, 0x78067, 0x7806E, 0x7808B, 0x7808E, 0x78097, 0x7809A,
    0x780AF, 0x78401, 0x784B7, 0x784C2, 0x784DD, 0x784FB, 0x78502, 0x7852B, 0x78539, 0x7853C,
    0x78543, 0x78A41, 0x78ABA, 0x78ABF, 0x78B01, 0x78BB2, 0x78BEB, 0x78BFC, 0x78C03, 0x79F81,
    0x79F9F, 0x79FA1, 0x79FB3, 0x79FB5, 0x79FBF, 0x79FC1, 0x79FFF, 0x7A001, 0x7A317, 0x7A31C,
    0x7A342, 0x7A35F, 0x7A401, 0x7A512, 0x7A52D, 0x7A533, 0x7A542, 0x7A56B, 0x7A578, 0x7A583,
    0x7B1C4, 0x7B2D7, 0x7B404, 0x7B4FB, 0x7B801, 0x7B813, 0x7B815, 0x7B883, 0x7B885, 0x7B88F,
    0x7B891, 0x7B897, 0x7B89D, 0x7B8A3, 0x7B8A5, 0x7B8CF, 0x7B8D1, 0x7B8E3, 0x7B8E5, 0x7B8EB,
    0x7B8ED, 0x7B8F3, 0x7B909, 0x7B90F, 0x7B91D, 0x7B923, 0x7B925, 0x7B92B, 0x7B92D, 0x7B933,
    0x7B935, 0x7B943, 0x7B945, 0x7B94F, 0x7B951, 0x7B957, 0x7B95D, 0x7B963, 0x7B965, 0x7B96B,
    0x7B96D, 0x7B973, 0x7B975, 0x7B97B, 0x7B97D, 0x7B983, 0x7B985, 0x7B98F, 0x7B991, 0x7B997,
    0x7B99D, 0x7B9AF, 0x7B9B1, 0x7B9CF, 0x7B9D1, 0x7B9E3, 0x7B9E5, 0x7B9F7, 0x7B9F9, 0x7B9FF,
    0x7BA01, 0x7BA2B, 0x7BA2D, 0x7BA73, 0x7BA85, 0x7BA93, 0x7BA95, 0x7BAAB, 0x7BAAD, 0x7BAF3,
    0x7BBC0, 0x7BBCB, 0x7C000, 0x7C0B3, 0x7C0C0, 0x7C253, 0x7C280, 0x7C2BF, 0x7C2C4, 0x7C303,
    0x7C304, 0x7C343, 0x7C344, 0x7C3DB, 0x7C400, 0x7C6BB, 0x7C798, 0x7C80F, 0x7C840, 0x7C8F3,
    0x7C900, 0x7C927, 0x7C940, 0x7C94B, 0x7C980, 0x7C99B, 0x7CC00, 0x7DB63, 0x7DB74, 0x7DBB7,
    0x7DBC0, 0x7DBF7, 0x7DC00, 0x7DDD3, 0x7DE00, 0x7DF67, 0x7DF80, 0x7DFB3, 0x7DFC0, 0x7DFC7,
    0x7E000, 0x7E033, 0x7E040, 0x7E123, 0x7E140, 0x7E16B, 0x7E180, 0x7E223, 0x7E240, 0x7E2BB,
    0x7E2C0, 0x7E2CB, 0x7E400, 0x7E953, 0x7E980, 0x7E9BB, 0x7E9C0, 0x7E9D7, 0x7E9E0, 0x7E9F7,
    0x7EA00, 0x7EA1F, 0x7EA40, 0x7EAB7, 0x7EAC0, 0x7EAEF, 0x7EB00, 0x7EB1B, 0x7EB40, 0x7EB6B,
    0x7EB80, 0x7EBA3, 0x7EBC0, 0x7EBDF, 0x7EC00, 0x7EE4F, 0x7EE50, 0x7EF2F, 0x7EFC2, 0x7EFEB,
    0x80001, 0xA9B83, 0xA9C01, 0xADCE7, 0xADD01, 0xAE07B, 0xAE081, 0xB3A8B, 0xB3AC1, 0xBAF87,
    0xBE001, 0xBE87B, 0xC0001, 0xC4D2F, 0x380402, 0x3807C3,
};

UClass unicode_class(std::uint32_t cp) {
    // The last run starting at or before cp.
    const std::uint32_t key = (cp << 2) | 3;
    const std::uint32_t* it = std::upper_bound(std::begin(kUnicodeRuns), std::end(kUnicodeRuns), key);
    if (it == std::begin(kUnicodeRuns)) return UClass::NonPrintable;
    return static_cast<UClass>(it[-1] & 3);
}
}  // namespace

}  // namespace gp
