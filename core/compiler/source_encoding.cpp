// source_encoding.cpp — the coding declaration of PEP 263 (see the header).
#include "compiler/source_encoding.h"

#include <cctype>

#include "compiler/compiler.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Splits off the first line (with its newline, if any) of `text`.
std::string_view take_line(std::string_view& text) {
    std::size_t nl = text.find('\n');
    std::size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(0, n);
    text.remove_prefix(n);
    return line;
}

bool is_blank_or_comment(std::string_view line) {
    for (char c : line) {
        if (c == '#' || c == '\n' || c == '\r') return true;
        if (c != ' ' && c != '\t' && c != '\f') return false;
    }
    return true;
}

// tokenizer.c's get_normal_name: only the first 12 characters count, case
// and '_' versus '-' do not.
std::string normal_name(const std::string& name) {
    std::string low;
    for (std::size_t i = 0; i < name.size() && i < 12; ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
        low += c == '_' ? '-' : c;
    }
    auto is_or_starts = [&](std::string_view base) {
        return low == base || (low.size() > base.size() && low.compare(0, base.size(), base) == 0 &&
                               low[base.size()] == '-');
    };
    if (is_or_starts("utf-8")) return "utf-8";
    if (is_or_starts("latin-1") || is_or_starts("iso-8859-1") || is_or_starts("iso-latin-1")) return "iso-8859-1";
    return name;
}

// The codec a comment line names: the first "coding" followed by ':' or
// '=' after the '#', then spaces, then [A-Za-z0-9-_.]+.
std::string coding_spec(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
    if (i >= line.size() || line[i] != '#') return "";
    for (std::size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
        std::size_t p = at + 6;
        if (p >= line.size() || (line[p] != ':' && line[p] != '=')) continue;
        ++p;
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
        std::size_t begin = p;
        while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) || line[p] == '-' ||
                                   line[p] == '_' || line[p] == '.'))
            ++p;
        if (p > begin) return normal_name(std::string(line.substr(begin, p - begin)));
    }
    return "";
}

bool encoding_error(ThreadState* ts, std::string msg, std::string_view filename, bool from_file) {
    SyntaxErrorInfo err;
    err.msg = std::move(msg);
    err.located = !from_file;
    err.offset = err.end_offset = -1;
    raise_syntax_error(ts, err, filename);
    return false;
}

}  // namespace

std::string declared_source_encoding(std::string_view raw) {
    if (raw.substr(0, kBom.size()) == kBom) raw.remove_prefix(kBom.size());
    std::string_view first = take_line(raw);
    std::string spec = coding_spec(first);
    if (spec.empty() && is_blank_or_comment(first)) spec = coding_spec(take_line(raw));
    return spec;
}

bool decode_source_bytes(ThreadState* ts, std::string_view raw, std::string_view filename, bool from_file,
                         std::string* out) {
    bool bom = raw.substr(0, kBom.size()) == kBom;
    std::string name = declared_source_encoding(raw);
    if (name.empty() || name == "utf-8") {
        *out = raw;   // the tokenizer checks the UTF-8 and drops a BOM
        return true;
    }
    if (bom) return encoding_error(ts, "encoding problem: " + name + " with BOM", filename, from_file);
    Ref<> bytes = bytes_from_data(ts, raw.data(), static_cast<isize>(raw.size()));
    Ref<> codec = str_from_utf8(ts, name);
    if (!bytes || !codec) return false;
    Object* args[] = {codec.get()};
    Ref<> text = call_method(ts, bytes.get(), "decode", args, 1);
    if (!text) {
        Interpreter& interp = *ts->interp;
        bool unknown = error_matches(ts, interp.exc.LookupError);
        if (!unknown && !error_matches(ts, interp.exc.UnicodeError)) return false;   // MemoryError and the like
        Ref<> exc = error_fetch(ts);
        if (from_file) return encoding_error(ts, "encoding problem: " + name, filename, true);
        if (unknown) return encoding_error(ts, "unknown encoding: " + name, filename, false);
        Ref<> why = object_str(ts, exc.get());
        if (!why) return false;
        return encoding_error(ts, "(unicode error) " + std::string(str_utf8(why.get())), filename, false);
    }
    *out = str_utf8(text.get());
    return true;
}

}  // namespace gp
