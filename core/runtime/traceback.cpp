// traceback.cpp — formatting tracebacks (Python/traceback.c and Lib/traceback.py
// in CPython 3.11).
//
//   Traceback (most recent call last):
//     File "demo.py", line 4, in <module>
//       print(divide(1, 0))
//             ^^^^^^^^^^^^
//     File "demo.py", line 2, in divide
//       return a / b
//              ~~^~~
//   ZeroDivisionError: division by zero
//
// Source lines come from the text the interpreter compiled (or the file on
// disk). The carets mark the failing instruction's columns, taken from the
// code object's position table; for a binary operation the operator gets
// '^' and its operands '~', as 3.11 does. A frame repeated more than three
// times in a row is folded into "[Previous line repeated N more times]".
#include "runtime/traceback.h"

#include "runtime/suggestions.h"

#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/exceptiongroup.h"
#include "objects/frameobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/frame.h"
#include "runtime/interpreter.h"

namespace gp {

static std::string nth_line(std::string_view text, int lineno) {
    int line = 1;
    std::size_t start = 0;
    while (line < lineno) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return "";
        start = nl + 1;
        line++;
    }
    std::size_t end = text.find('\n', start);
    return std::string(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::string source_line(Interpreter& interp, const std::string& filename, int lineno) {
    if (lineno <= 0) return "";
    auto it = interp.sources.find(filename);
    if (it != interp.sources.end()) return nth_line(it->second, lineno);
    if (filename.empty() || filename[0] == '<') return "";
    std::ifstream in(filename, std::ios::binary);
    if (!in) return "";
    std::stringstream ss;
    ss << in.rdbuf();
    return nth_line(ss.str(), lineno);
}

static std::string strip(const std::string& s, std::size_t* lead = nullptr) {
    std::size_t a = s.find_first_not_of(" \t\f\r\n");
    if (a == std::string::npos) { if (lead) *lead = s.size(); return ""; }
    std::size_t b = s.find_last_not_of(" \t\f\r\n");
    if (lead) *lead = a;
    return s.substr(a, b - a + 1);
}

// Byte offset in UTF-8 text to a column counted in characters.
static std::size_t char_col(const std::string& s, std::size_t byte) {
    std::size_t col = 0;
    for (std::size_t i = 0; i < byte && i < s.size(); i++)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) col++;
    return col;
}

// For `left OP right` in segment, the [start, end) of OP (CPython's
// _extract_caret_anchors_from_line_segment, for binary operators).
static bool binop_anchor(const std::string& seg, std::size_t* op_start, std::size_t* op_end) {
    static const char* const ops[] = {"**=", "//=", ">>=", "<<=", "**", "//", ">>", "<<", "+=", "-=", "*=", "/=",
                                      "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "&", "|", "^", "@"};
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < seg.size(); i++) {
        char c = seg[i];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '\'' || c == '"') { quote = c; continue; }
        if (c == '(' || c == '[' || c == '{') { depth++; continue; }
        if (c == ')' || c == ']' || c == '}') { depth--; continue; }
        if (depth != 0 || i == 0) continue;
        for (const char* op : ops) {
            std::size_t n = std::strlen(op);
            if (seg.compare(i, n, op) == 0) {
                // A sign right after another operator is unary, not the binary op.
                std::string before = strip(seg.substr(0, i));
                if (before.empty()) break;
                *op_start = i;
                *op_end = i + n;
                return true;
            }
        }
    }
    return false;
}

// For `value[index]` in segment, the [start, end) of "[index]", as CPython
// anchors a subscript. The segment must end with
// the ']' that closes a top-level '['.
static bool subscript_anchor(const std::string& seg, std::size_t* start, std::size_t* end) {
    if (seg.empty() || seg.back() != ']') return false;
    int depth = 0;
    char quote = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = 0; i < seg.size(); i++) {
        char c = seg[i];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '\'' || c == '"') { quote = c; continue; }
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0 && c == '[') open = i;
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
            if (depth == 0 && i + 1 < seg.size() && c == ']') open = std::string::npos;   // not the last one
        }
    }
    if (open == std::string::npos || depth != 0) return false;
    if (open == 0 || seg.find_last_not_of(" \t", open - 1) == std::string::npos) return false;   // no value
    *start = open;
    *end = seg.size();
    return true;
}

static void format_frame_line(Interpreter& interp, std::string& out, TracebackObject* tb) {
    out += format_frame_entry(interp, tb->tb_code, tb->tb_lasti, tb->tb_lineno);
}

std::string format_frame_entry(Interpreter& interp, CodeObject* co, int lasti, int lineno) {
    std::string out;
    std::string filename(str_utf8(co->co_filename));
    out += "  File \"" + filename + "\", line " + std::to_string(lineno) + ", in " +
           std::string(str_utf8(co->co_name)) + "\n";
    std::string line = source_line(interp, filename, lineno);
    if (line.empty()) return out;
    std::size_t lead = 0;
    std::string stripped = strip(line, &lead);
    if (stripped.empty()) return out;
    out += "    " + stripped + "\n";
    // Carets, when the instruction covers only part of the line.
    int unit = lasti / 2;
    if (unit < 0 || unit >= int(co->positions.size())) return out;
    const Position& p = co->positions[std::size_t(unit)];
    if (p.col < 0 || p.end_col < 0 || p.lineno != lineno) return out;
    std::size_t start = std::size_t(p.col);
    std::size_t end = p.end_lineno == p.lineno ? std::size_t(p.end_col) : line.size();
    if (end > line.size()) end = line.size();
    if (start >= end) return out;
    std::size_t trail = line.find_last_not_of(" \t\f\r\n");
    std::string segment = line.substr(start, end - start);
    std::string marks(char_col(line, end) - char_col(line, start), '^');
    std::size_t os, oe;
    bool anchored = binop_anchor(segment, &os, &oe) || subscript_anchor(segment, &os, &oe);
    // Carets under the whole line say nothing, unless they pick the operator
    // or subscript out of it.
    if (start <= lead && end >= trail + 1 && !anchored) return out;
    if (anchored) {
        std::size_t a = char_col(segment, os), b = char_col(segment, oe);
        for (std::size_t i = 0; i < marks.size(); i++) marks[i] = (i >= a && i < b) ? '^' : '~';
    }
    out += "    " + std::string(char_col(line, start) - char_col(line, lead), ' ') + marks + "\n";
    return out;
}

static std::string exception_only(ThreadState* ts, Object* exc) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_of(exc);
    std::string name = type_qualname(t);   // A.E for a nested class, as CPython prints it
    if (t->tp_dict) {
        if (Object* m = dict_get_cstr(ts, t->tp_dict, "__module__"); m && is_str(m)) {
            std::string mod(str_utf8(m));
            if (mod != "builtins" && mod != "__main__") name = mod + "." + name;
        }
    }
    std::string out;
    // A SyntaxError without a line number (SyntaxError("msg"), or the
    // tokenizer's "Non-UTF-8 code" error) prints as any other exception.
    Ref<> syntax_lineno;
    if (isinstance_of(exc, interp.exc.SyntaxError)) {
        syntax_lineno = object_getattr_cstr(ts, exc, "lineno");
        if (!syntax_lineno) error_clear(ts);
    }
    if (syntax_lineno && is_int(syntax_lineno.get())) {
        auto attr = [&](const char* n) -> Ref<> {
            Ref<> v = object_getattr_cstr(ts, exc, n);
            if (!v) error_clear(ts);
            return v;
        };
        Ref<> fname = attr("filename"), lineno = std::move(syntax_lineno), text = attr("text"), offset = attr("offset"),
              end_offset = attr("end_offset"), end_lineno = attr("end_lineno"), msg = attr("msg");
        int64_t ln = 0, off = 0, eoff = 0, eln = 0;
        if (lineno && is_int(lineno.get())) int_as_i64(lineno.get(), &ln);
        if (offset && is_int(offset.get())) int_as_i64(offset.get(), &off);
        if (end_offset && is_int(end_offset.get())) int_as_i64(end_offset.get(), &eoff);
        if (end_lineno && is_int(end_lineno.get())) int_as_i64(end_lineno.get(), &eln);
        std::string fn = fname && is_str(fname.get()) ? std::string(str_utf8(fname.get())) : "<string>";
        out += "  File \"" + fn + "\", line " + std::to_string(ln) + "\n";
        if (text && is_str(text.get())) {
            std::string line(str_utf8(text.get()));
            std::size_t nl = line.find('\n');
            if (nl != std::string::npos && nl + 1 < line.size() && eln == ln) line = line.substr(0, nl);
            // CPython strips leading whitespace and moves the caret with it.
            std::size_t lead = line.find_first_not_of(" \t\f");
            if (lead == std::string::npos) lead = 0;
            std::string body = line.substr(lead);
            while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
            out += "    " + body + "\n";
            if (off > 0) {
                int64_t col = off - 1 - int64_t(char_col(line, lead));
                if (col < 0) col = 0;
                int64_t width = (eln == ln || eln == 0) && eoff > off ? eoff - off : 1;
                int64_t room = int64_t(char_col(body, body.size())) - col;
                if (width > room && room > 0) width = room;
                if (width < 1) width = 1;
                out += "    " + std::string(std::size_t(col), ' ') + std::string(std::size_t(width), '^') + "\n";
            }
        }
        std::string m = msg && is_str(msg.get()) ? std::string(str_utf8(msg.get())) : "";
        out += name + ": " + m + "\n";
        return out;
    }
    Ref<> s = object_str(ts, exc);
    if (!s) {
        error_clear(ts);
        return name + ": <exception str() failed>\n";
    }
    std::string text(str_utf8(s.get()));
    std::string suggestion = offer_suggestions(ts, exc);
    if (!suggestion.empty()) text += ". Did you mean: '" + suggestion + "'?";
    return text.empty() ? name + "\n" : name + ": " + text + "\n";
}

// Notes added with add_note(), one line each, after the exception line
// (traceback.py: TracebackException.format_exception_only).
static std::string format_notes(ThreadState* ts, Object* exc) {
    Interpreter& interp = *ts->interp;
    Ref<> notes = object_getattr(ts, exc, interp.intern("__notes__"));
    if (!notes) {
        error_clear(ts);
        return "";
    }
    if (notes.get() == interp.None) return "";
    std::string out;
    auto safe_str = [&](Object* o, bool repr, const char* what) {
        Ref<> r = repr ? object_repr(ts, o) : object_str(ts, o);
        if (!r || !is_str(r.get())) {
            error_clear(ts);
            return std::string("<") + what + (repr ? " repr() failed>" : " str() failed>");
        }
        return std::string(str_utf8(r.get()));
    };
    Object* n = notes.get();
    if (type_of(n) == interp.types.list || type_of(n) == interp.types.tuple || is_str(n)) {
        Ref<> it = object_get_iter(ts, n);
        if (!it) { error_clear(ts); return ""; }
        while (Ref<> note = iter_next(ts, it.get())) {
            std::string text = safe_str(note.get(), false, "note");
            std::size_t pos = 0;
            while (true) {
                std::size_t nl = text.find('\n', pos);
                out += text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) + "\n";
                if (nl == std::string::npos) break;
                pos = nl + 1;
            }
        }
        error_clear(ts);
    } else {
        out += safe_str(n, true, "__notes__");
    }
    return out;
}

// The frames of a traceback, innermost last, with long runs of one
// repeated line folded (traceback.py: StackSummary.format).
// Frames of the core/lib modules that stand in for CPython's C modules
// (decimal for _decimal, csv for _csv, ...) are left out, as a C function has
// no Python frame: such a module sets __glasspy_hide_frames__ = True.
static bool hidden_frame(Interpreter& interp, TracebackObject* tb) {
    if (!tb->tb_frame || !tb->tb_frame->f_frame) return false;
    DictObject* globals = tb->tb_frame->f_frame->globals;
    if (!globals) return false;
    Object* flag = dict_get_cstr(interp.main_thread(), globals, "__glasspy_hide_frames__");
    return flag == interp.True;
}

static std::string format_stack(Interpreter& interp, TracebackObject* first) {
    std::string out;
    // Drop hidden frames, but never all of them.
    bool any_shown = false;
    for (auto* tb = first; tb; tb = tb->tb_next)
        if (!hidden_frame(interp, tb)) any_shown = true;
    std::string last_file, last_name;
    int last_line = -1, repeats = 0;
    auto flush_repeats = [&]() {
        if (repeats > 3)
            out += "  [Previous line repeated " + std::to_string(repeats - 3) + " more time" +
                   (repeats - 3 > 1 ? "s" : "") + "]\n";
    };
    for (auto* tb = first; tb; tb = tb->tb_next) {
        if (any_shown && hidden_frame(interp, tb)) continue;
        std::string file(str_utf8(tb->tb_code->co_filename));
        std::string name(str_utf8(tb->tb_code->co_name));
        if (file == last_file && name == last_name && tb->tb_lineno == last_line) {
            repeats++;
            if (repeats > 3) continue;
        } else {
            flush_repeats();
            last_file = file;
            last_name = name;
            last_line = tb->tb_lineno;
            repeats = 1;
        }
        format_frame_line(interp, out, tb);
    }
    flush_repeats();
    return out;
}

// Where printing is inside nested exception groups (traceback.py's
// _ExceptionPrintContext): each level indents by two and draws a margin.
struct PrintContext {
    std::set<Object*> seen;   // exceptions already shown (chains may loop)
    int group_depth = 0;
    bool need_close = false;
    std::string out;

    std::string indent() const { return std::string(std::size_t(2 * group_depth), ' '); }
    void emit(const std::string& text, char margin = '|') {
        std::string prefix = indent();
        if (group_depth) prefix += std::string(1, margin) + " ";
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
            out += prefix + text.substr(pos, end - pos);
            pos = end;
        }
    }
};

static constexpr int kMaxGroupWidth = 15;   // traceback.py's max_group_width
static constexpr int kMaxGroupDepth = 10;   // and max_group_depth

static void format_recursive(ThreadState* ts, Object* exc, PrintContext& ctx) {
    Interpreter& interp = *ts->interp;
    // The chain, newest first; each entry says how the older one links in.
    std::vector<std::pair<Object*, const char*>> chain;
    const char* link = nullptr;
    Object* cur = exc;
    ctx.seen.insert(exc);
    while (cur) {
        chain.push_back({cur, link});
        auto* e = static_cast<BaseExceptionObject*>(cur);
        Object* next = nullptr;
        if (e->cause && is_exception_instance(e->cause)) {
            next = e->cause;
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->context && !e->suppress_context && is_exception_instance(e->context)) {
            next = e->context;
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (next && ctx.seen.count(next)) next = nullptr;
        if (next) ctx.seen.insert(next);
        cur = next;
    }
    for (std::size_t i = chain.size(); i-- > 0;) {
        Object* x = chain[i].first;
        auto* e = static_cast<BaseExceptionObject*>(x);
        auto* tb = static_cast<TracebackObject*>(e->traceback);
        if (!is_exception_group(x)) {
            if (tb) {
                ctx.emit("Traceback (most recent call last):\n");
                ctx.emit(format_stack(interp, tb));
            }
            ctx.emit(exception_only(ts, x) + format_notes(ts, x));
        } else if (ctx.group_depth > kMaxGroupDepth) {
            ctx.emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
        } else {
            bool toplevel = ctx.group_depth == 0;
            if (toplevel) ctx.group_depth++;
            if (tb) {
                ctx.emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
                ctx.emit(format_stack(interp, tb));
            }
            ctx.emit(exception_only(ts, x) + format_notes(ts, x));
            TupleObject* members = static_cast<BaseExceptionGroupObject*>(x)->excs;
            int count = members ? int(members->ob_size) : 0;
            int n = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
            ctx.need_close = false;
            for (int k = 0; k < n; k++) {
                bool last = k == n - 1;
                if (last) ctx.need_close = true;   // a nested group may draw the closing line instead
                bool truncated = k >= kMaxGroupWidth;
                std::string title = truncated ? "..." : std::to_string(k + 1);
                ctx.out += ctx.indent() + (k == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
                ctx.group_depth++;
                if (!truncated) {
                    Object* member = members->ob_item[k];
                    if (!ctx.seen.count(member)) format_recursive(ts, member, ctx);
                } else {
                    int remaining = count - kMaxGroupWidth;
                    ctx.emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
                }
                if (last && ctx.need_close) {
                    ctx.out += ctx.indent() + "+------------------------------------\n";
                    ctx.need_close = false;
                }
                ctx.group_depth--;
            }
            if (toplevel) ctx.group_depth = 0;
        }
        if (chain[i].second) ctx.emit(chain[i].second);
    }
}

std::string format_exception_only(ThreadState* ts, Object* exc) {
    return exception_only(ts, exc) + format_notes(ts, exc);
}

std::string format_exception(ThreadState* ts, Object* exc) {
    if (!is_exception_instance(exc)) return std::string("TypeError: print_exception(): Exception expected\n");
    PrintContext ctx;
    format_recursive(ts, exc, ctx);
    return ctx.out;
}

}  // namespace gp
