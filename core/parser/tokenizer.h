// tokenizer.h — turns Python 3.11 source text into tokens, one at a time.
//
// Mirrors CPython 3.11's Parser/tokenizer.c as the compiler sees it (not the
// pure-Python `tokenize` module). The essay at the top of tokenizer.cpp tells
// how; this header is the contract with the parser.
//
//     Tokenizer tok(source);
//     Token t;
//     while (tok.next(t) && t.kind != TokenKind::ENDMARKER) { ... }
//     if (tok.failed()) report(tok.error());
//
// The parser pulls tokens lazily, so a parse error early in a file is found
// before a lexical error later in it, as in CPython. (CPython then scans the
// rest of the file anyway and lets some lexical errors win; see
// tokenize_full_source_to_check_for_errors below.)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parser/token.h"

namespace gp {

// Everything CPython puts on a SyntaxError (and its subclasses) that the
// tokenizer or the literal decoders can know. Offsets are what CPython 3.11
// reports for the same input — including its quirks (0 and -1 end offsets,
// the byte-based offsets of the leading-zeros error).
struct SyntaxErrorInfo {
    std::string type = "SyntaxError";  // or "IndentationError", "TabError"
    std::string msg;                   // e.args[0], exactly as CPython 3.11
    int lineno = 0;                    // 1-based; 0 means None (no location at all)
    int offset = 0;                    // 1-based code-point column (e.offset)
    int end_lineno = 0;                // e.end_lineno
    int end_offset = 0;                // e.end_offset; CPython sometimes reports 0 or -1
    std::string text;                  // e.text: the source line(s) CPython shows; see
                                       //   Tokenizer::error_line for which and whether
                                       //   the newline is included
    bool no_end_offset = false;        // e.end_offset is None (PyErr_SyntaxLocationObject)
    bool located = true;               // false: a bare SyntaxError(msg) with no filename
                                       //   or position at all (CPython's tokenizer raises
                                       //   the "Non-UTF-8 code" error this way)
    bool reported_by_tokenizer = false;  // true when CPython's tokenizer raises this
                                         // itself (syntaxerror() in tokenizer.c); false
                                         // when it only sets tok->done and pegen's
                                         // tokenizer_error() formats it. Only the former
                                         // can replace an earlier parser error.
};

class Tokenizer {
public:
    // `source` is UTF-8 and is copied: "\r\n" and "\r" become "\n", a final
    // "\n" is added if missing, a leading UTF-8 BOM is dropped (CPython's
    // translate_newlines and check_bom). `filename` only appears in the
    // "Non-UTF-8 code ..." message, as in CPython.
    explicit Tokenizer(std::string_view source, std::string_view filename = "<string>");
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;
    Tokenizer(Tokenizer&&) = default;  // token views stay valid: the buffer is on the heap
    Tokenizer& operator=(Tokenizer&&) = default;

    // Produces the next token. Returns false on a lexical error; error() then
    // describes it and every later call returns false too. After ENDMARKER,
    // further calls keep returning ENDMARKER.
    bool next(Token& out);

    bool failed() const { return failed_; }
    const SyntaxErrorInfo& error() const { return error_; }

    // Line `lineno` (1-based) of the normalized source including its "\n";
    // empty if out of range.
    std::string_view line_text(int lineno) const;

    // The text CPython 3.11 puts in SyntaxError.text for an error the *parser*
    // raises at `lineno` (pegen's _PyPegen_raise_error_known_location): while
    // the tokenizer is still on that line, everything from the start of the
    // current token's first line to the end of the current line, newline
    // included (so a backslash-continued statement shows all its lines);
    // otherwise that one line without its newline.
    std::string_view error_line(int lineno) const;

    // State pegen's error reporting reads from CPython's tok_state.
    int lineno() const { return lineno_; }  // line the cursor is on (tok->lineno)
    int level() const { return level_; }    // open brackets (tok->level)
    // 0-based byte column of the cursor (tok->cur - tok->line_start). pegen
    // uses this as the caret for tokens that have no column of their own
    // (INDENT, DEDENT, ENDMARKER) — which is what their col_offset holds.
    int cursor_col() const { return static_cast<int>(cur_ - line_start_); }

    // pegen's _PyPegen_tokenize_full_source_to_check_for_errors: after the
    // parser has raised a SyntaxError of its own, CPython reads the rest of
    // the file; a lexical error that the tokenizer raises itself
    // (reported_by_tokenizer) replaces the parser's error, and so does
    // "'(' was never closed" for a bracket opened on a line before
    // `last_token_lineno` (the line of the last token the parser fetched, or
    // of its known error token). Returns true and fills `out` if the parser's
    // error should be replaced. Call only if the tokenizer has not failed.
    bool tokenize_full_source_to_check_for_errors(int last_token_lineno, SyntaxErrorInfo& out);

    static constexpr int kTabSize = 8;      // TABSIZE: tabs advance to the next multiple of 8
    static constexpr int kMaxIndent = 100;  // MAXINDENT: depth of the indentation stack
    static constexpr int kMaxLevel = 200;   // MAXLEVEL: depth of bracket nesting

private:
    // The states tokenizer.c keeps in tok->done, beyond "ok" and "failed".
    enum class Done { Eof, Dedent, TabSpace, TooDeep, LineCont };

    int nextc();             // tok_nextc: next byte, or -1 at end of input
    void backup(int c);      // tok_backup: give the last byte back
    bool read_line();        // tok_underflow_string: make the next line available
    TokenKind get(const char*& p_start, const char*& p_end);  // tok_get
    TokenKind indentation(bool& blankline);  // the "at beginning of line" block of tok_get
    TokenKind identifier(int c);
    TokenKind number(int c);
    TokenKind fraction(int c);
    TokenKind exponent_and_suffix(int c);
    int decimal_tail();      // 0 after reporting an error
    bool verify_end_of_number(int c, const char* kind);
    bool lookahead(const char* test);
    TokenKind string(int quote);
    int continuation_line(); // -1 after reporting an error
    bool verify_identifier();
    TokenKind single_char(int c);

    TokenKind syntax_error(std::string msg);  // tokenizer.c's syntaxerror()
    TokenKind syntax_error_known_range(int col_offset, int end_col_offset, std::string msg);
    TokenKind done_error(Done why);           // tok->done = E_...; pegen formats it
    void unclosed_paren_error(SyntaxErrorInfo& out) const;
    void fail(SyntaxErrorInfo info);

    std::unique_ptr<char[]> storage_;       // normalized source, then a '\0' sentinel
    const char* end_ = nullptr;             // one past the final '\n' of the source
    std::vector<std::uint32_t> line_offsets_;  // byte offset where each line starts
    std::string filename_;                  // for the "Non-UTF-8 code" message only

    const char* cur_ = nullptr;             // next byte nextc() returns (tok->cur)
    const char* inp_ = nullptr;             // end of the lines read so far (tok->inp)
    const char* line_start_ = nullptr;      // first byte of the cursor's line (tok->line_start)
    const char* buf_ = nullptr;             // first line of the current token (tok->buf);
                                            //   only error_line() reads it
    const char* start_ = nullptr;           // start of the token being scanned, or
                                            //   nullptr between tokens (tok->start)
    const char* multi_line_start_ = nullptr;  // line_start where the current STRING began
    int first_lineno_ = 0;                  // lineno where the current STRING began
    int lineno_ = 0;                        // line number of line_start_ (tok->lineno)
    bool at_eof_ = false;                   // no more lines (tok->done == E_EOF)
    bool atbol_ = true;                     // at the beginning of a line
    int pendin_ = 0;                        // pending INDENTs (>0) or DEDENTs (<0)

    // Invariant: indstack_[0] == 0 and indstack_[0..indent_] is strictly
    // increasing; altindstack_ holds the same levels measured with tabs of
    // width 1, and must order the same way or the indentation is ambiguous
    // (TabError).
    int indent_ = 0;                        // top of the indentation stacks
    int indstack_[kMaxIndent] = {};         // columns, tabs to multiples of 8
    int altindstack_[kMaxIndent] = {};      // columns, tabs counted as 1

    int level_ = 0;                         // number of open brackets
    char parenstack_[kMaxLevel] = {};       // the opening character of each
    int parenlinenostack_[kMaxLevel] = {};  // its line
    int parencolstack_[kMaxLevel] = {};     // its byte column

    bool failed_ = false;                   // an error was reported; next() is over
    SyntaxErrorInfo error_;                 // the error, once failed_
};

// pegen's _PyPegen_byte_offset_to_character_offset: the number of code
// points in the first `col_offset` bytes of `line` (UTF-8). Given a 1-based
// byte offset (a token's col_offset + 1) this is the 1-based code-point
// offset SyntaxError.offset reports; given the cursor column of an INDENT,
// DEDENT or ENDMARKER (no +1) it is what pegen reports for those. Offsets
// past the end count the terminating NUL once, as CPython's do.
int byte_offset_to_character_offset(std::string_view line, int col_offset);

}  // namespace gp
