// codeobject_tables.cpp — the byte-level views of a code object that
// CPython 3.11 exposes: co_code, the location table (co_linetable,
// co_positions(), co_lines()), the exception table (co_exceptiontable), and
// code.replace(), which reads those bytes back.
//
// glasspy keeps positions and exception-table entries as plain C++ vectors
// (codeobject.h); this file translates them to and from CPython's compact
// encodings, so a program that inspects the bytes sees CPython's bytes.
//
// The location table (Objects/locations.md in CPython) is a sequence of
// entries, one per instruction (an instruction longer than 8 code units,
// caches included, takes several). Each entry starts with a byte
//
//     1 | code (4 bits) | length - 1 (3 bits)
//
// where `code` picks the form of what follows:
//     0-9   short form: same line as before; one byte ((col % 8) << 4 |
//           (end_col - col)), the column's high part being code * 8
//     10-12 one-line form: line advances by code - 10; bytes col, end_col
//     13    no column: svarint line delta
//     14    long form: svarint line delta, varint end-line delta,
//           varint col + 1, varint end_col + 1
//     15    no location at all
// Varints are little-endian groups of 6 bits, 0x40 marking "more follows";
// a signed varint puts the sign in bit 0. Line deltas are relative to the
// previous entry that had a line, starting from co_firstlineno.
//
// The exception table (Objects/exception_handling_notes.txt) has four
// numbers per entry — start, size, target (in code units) and
// depth << 1 | lasti — each big-endian in 6-bit groups with 0x40 as the
// continuation bit; the first byte of an entry also carries 0x80.
#include <cstring>
#include <functional>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/descrobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

// ------------------------------------------------------------ location table

static void write_varint(std::string& out, unsigned v) {
    while (v >= 64) {
        out += char(0x40 | (v & 63));
        v >>= 6;
    }
    out += char(v);
}

static void write_svarint(std::string& out, int v) {
    write_varint(out, v < 0 ? (unsigned(-v) << 1) | 1 : unsigned(v) << 1);
}

// write_location_info_entry of CPython's assembler, for `len` code units.
static void write_location_entry(std::string& out, const Position& p, int len, int* prev_line) {
    auto start = [&](int code) { out += char(0x80 | (code << 3) | (len - 1)); };
    if (p.lineno < 0) {
        start(15);
        return;
    }
    const int delta = p.lineno - *prev_line;
    const int col = p.col, end_col = p.end_col;
    if (col < 0 || end_col < 0) {
        if (p.end_lineno == p.lineno || p.end_lineno == -1) {
            start(13);
            write_svarint(out, delta);
            *prev_line = p.lineno;
            return;
        }
    } else if (p.end_lineno == p.lineno) {
        if (delta == 0 && col < 80 && end_col - col < 16 && end_col >= col) {
            start(col / 8);
            out += char(((col % 8) << 4) | (end_col - col));
            return;
        }
        if (delta >= 0 && delta < 3 && col < 128 && end_col < 128) {
            start(10 + delta);
            out += char(col);
            out += char(end_col);
            *prev_line = p.lineno;
            return;
        }
    }
    start(14);
    write_svarint(out, delta);
    write_varint(out, unsigned(p.end_lineno - p.lineno));
    write_varint(out, unsigned(col + 1));
    write_varint(out, unsigned(end_col + 1));
    *prev_line = p.lineno;
}

// The code units of the instruction starting at unit i (caches included).
static int instruction_units(const CodeObject* co, std::size_t i) {
    int n = 1 + opcode_cache_entries(co->code[i] & 0xFF);
    return int(std::min<std::size_t>(std::size_t(n), co->code.size() - i));
}

std::string code_encode_linetable(const CodeObject* co) {
    std::string out;
    int prev_line = co->co_firstlineno;
    for (std::size_t i = 0; i < co->code.size();) {
        int units = instruction_units(co, i);
        const Position& p = co->positions[i];
        for (int left = units; left > 0; left -= 8) write_location_entry(out, p, left > 8 ? 8 : left, &prev_line);
        i += std::size_t(units);
    }
    return out;
}

namespace {
struct ByteReader {
    const uint8_t* p;
    const uint8_t* end;
    bool ok = true;
    int byte() {
        if (p >= end) { ok = false; return 0; }
        return *p++;
    }
    unsigned varint() {
        unsigned v = 0;
        int shift = 0, b;
        do {
            b = byte();
            v |= unsigned(b & 63) << shift;
            shift += 6;
        } while ((b & 64) && ok && shift < 32);
        return v;
    }
    int svarint() {
        unsigned v = varint();
        return v & 1 ? -int(v >> 1) : int(v >> 1);
    }
};
}  // namespace

// Reads a location table back into one Position per code unit. False if the
// bytes are malformed or do not cover exactly `nunits` units.
bool code_decode_linetable(std::string_view bytes, int firstlineno, std::size_t nunits, std::vector<Position>& out) {
    ByteReader r{reinterpret_cast<const uint8_t*>(bytes.data()), reinterpret_cast<const uint8_t*>(bytes.data()) + bytes.size()};
    // Lines and columns are worked out in 64 bits: bytes from marshal may
    // hold any value, and a result outside an int is malformed.
    int64_t line = firstlineno;
    auto fits = [](int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; };
    out.clear();
    while (r.p < r.end) {
        int first = r.byte();
        if (!(first & 0x80)) return false;
        int code = (first >> 3) & 15, len = (first & 7) + 1;
        int64_t l = -1, el = -1, c = -1, ec = -1;
        if (code == 15) {
        } else if (code == 14) {
            line += r.svarint();
            l = line;
            el = line + int64_t(r.varint());
            c = int64_t(r.varint()) - 1;
            ec = int64_t(r.varint()) - 1;
        } else if (code == 13) {
            line += r.svarint();
            l = el = line;
        } else if (code >= 10) {
            line += code - 10;
            l = el = line;
            c = r.byte();
            ec = r.byte();
        } else {
            int b = r.byte();
            l = el = line;
            c = code * 8 + (b >> 4);
            ec = c + (b & 15);
        }
        if (!r.ok || !fits(line) || !fits(el) || !fits(c) || !fits(ec)) return false;
        if (out.size() + std::size_t(len) > nunits) return false;
        for (int k = 0; k < len; k++) out.push_back(Position{int(l), int(el), int(c), int(ec)});
    }
    return out.size() == nunits;
}

// ------------------------------------------------------------ exception table

static void write_except_item(std::string& out, unsigned value, int msb) {
    for (int shift = 24; shift > 0; shift -= 6) {
        if (value >= (1u << shift)) {
            out += char(((value >> shift) & 63) | 64 | msb);
            msb = 0;
        }
    }
    out += char((value & 63) | msb);
}

std::string code_encode_exceptiontable(const CodeObject* co) {
    std::string out;
    for (const ExceptionTableEntry& e : co->exceptiontable) {
        write_except_item(out, unsigned(e.start), 0x80);
        write_except_item(out, unsigned(e.end - e.start), 0);
        write_except_item(out, unsigned(e.target), 0);
        write_except_item(out, (unsigned(e.depth) << 1) | (e.lasti ? 1u : 0u), 0);
    }
    return out;
}

bool code_decode_exceptiontable(std::string_view bytes, std::vector<ExceptionTableEntry>& out) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const uint8_t* end = p + bytes.size();
    auto item = [&](bool first, unsigned* v) {
        if (p >= end || bool(*p & 0x80) != first) return false;
        unsigned x = *p & 63;
        while (*p++ & 64) {
            if (p >= end) return false;
            x = (x << 6) | (*p & 63);
        }
        *v = x;
        return true;
    };
    out.clear();
    while (p < end) {
        unsigned start, size, target, dl;
        if (!item(true, &start) || !item(false, &size) || !item(false, &target) || !item(false, &dl)) return false;
        out.push_back({int(start), int(start + size), int(target), int(dl >> 1), bool(dl & 1)});
    }
    return true;
}

// ------------------------------------------------------------ co_lnotab

// The pre-3.10 line-number table, derived from the location table as 3.11's
// decode_linetable does: (byte offset delta, line delta) pairs at each
// entry whose line differs from the last one seen, line deltas as signed
// bytes, both split when they do not fit a byte.
static std::string encode_lnotab(const CodeObject* co) {
    std::string out;
    auto pair = [&](int a, int b) { out += char(a); out += char(b); };
    int code_offset = 0, line = co->co_firstlineno, computed = co->co_firstlineno;
    for (std::size_t i = 0; i < co->code.size();) {
        const int units = instruction_units(co, i);
        if (co->positions[i].lineno >= 0) computed = co->positions[i].lineno;
        for (int done = 0; done < units; done += 8) {
            const int start = int(i + std::size_t(done)) * 2;
            if (computed == line) continue;
            int bdelta = start - code_offset, ldelta = computed - line;
            for (; bdelta > 255; bdelta -= 255) pair(255, 0);
            for (; ldelta > 127; ldelta -= 127, bdelta = 0) pair(bdelta, 127);
            for (; ldelta < -128; ldelta += 128, bdelta = 0) pair(bdelta, -128);
            pair(bdelta, ldelta);
            code_offset = start;
            line = computed;
        }
        i += std::size_t(units);
    }
    return out;
}

static Ref<> get_lnotab(ThreadState* ts, Object* o) {
    std::string t = encode_lnotab(as_code(o));
    return bytes_from_data(ts, t.data(), isize(t.size()));
}

// ------------------------------------------------------------ == and hash

// _PyCode_ConstantKey in spirit: constants are the same only if they have
// the same type and value, floats and complexes bit for bit (0.0 is not
// -0.0), tuples item by item.
static int consts_equal(ThreadState* ts, Object* a, Object* b) {
    if (a == b) return 1;
    if (type_of(a) != type_of(b)) return 0;
    Interpreter& interp = *ts->interp;
    if (type_of(a) == interp.types.float_) {
        double x = static_cast<FloatObject*>(a)->ob_fval, y = static_cast<FloatObject*>(b)->ob_fval;
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    if (type_of(a) == interp.types.complex) {
        ComplexObject* x = as_complex(a);
        ComplexObject* y = as_complex(b);
        return std::memcmp(&x->real, &y->real, sizeof(double)) == 0 && std::memcmp(&x->imag, &y->imag, sizeof(double)) == 0;
    }
    if (type_of(a) == interp.types.tuple) {
        TupleObject* x = as_tuple(a);
        TupleObject* y = as_tuple(b);
        if (x->ob_size != y->ob_size) return 0;
        for (isize i = 0; i < x->ob_size; i++) {
            int r = consts_equal(ts, x->ob_item[i], y->ob_item[i]);
            if (r <= 0) return r;
        }
        return 1;
    }
    return object_richcompare_bool(ts, a, b, Py_EQ);
}

// code_richcompare: two code objects are equal when they would run and
// report the same way: names, counts, flags, first line, instructions,
// constants, local names and both tables.
static Ref<> code_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if ((op != Py_EQ && op != Py_NE) || !is_code(a) || !is_code(b)) return newref(interp.NotImplemented);
    CodeObject* x = as_code(a);
    CodeObject* y = as_code(b);
    int eq = 1;
    if (x != y) {
        eq = x->co_argcount == y->co_argcount && x->co_posonlyargcount == y->co_posonlyargcount &&
             x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
             x->co_firstlineno == y->co_firstlineno && x->code == y->code &&
             code_encode_linetable(x) == code_encode_linetable(y) && code_encode_exceptiontable(x) == code_encode_exceptiontable(y);
        Object* pairs[][2] = {{x->co_name, y->co_name}, {x->co_names, y->co_names},
                              {x->co_localsplusnames, y->co_localsplusnames}};
        for (auto& p : pairs) {
            if (!eq) break;
            eq = object_richcompare_bool(ts, p[0], p[1], Py_EQ);
            if (eq < 0) return nullptr;
        }
        if (eq) eq = consts_equal(ts, x->co_consts, y->co_consts);
        if (eq < 0) return nullptr;
    }
    return bool_from(ts, op == Py_EQ ? eq == 1 : eq == 0);
}

static int64_t code_hash(ThreadState* ts, Object* o) {
    CodeObject* co = as_code(o);
    int64_t h = co->co_argcount ^ co->co_posonlyargcount ^ co->co_kwonlyargcount ^ co->co_flags;
    for (Object* part : {static_cast<Object*>(co->co_name), static_cast<Object*>(co->co_consts),
                         static_cast<Object*>(co->co_names), static_cast<Object*>(co->co_localsplusnames)}) {
        int64_t ph = object_hash(ts, part);
        if (ph == -1) return -1;
        h ^= ph;
    }
    // The tables take part as they do in equality (columns included, so two
    // lambdas on one line hash apart).
    h ^= int64_t(std::hash<std::string>{}(code_encode_linetable(co)));
    h ^= int64_t(uint64_t(std::hash<std::string>{}(code_encode_exceptiontable(co))) * 31u);
    return h == -1 ? -2 : h;
}

// ------------------------------------------------------------ attributes

static Ref<> get_code(ThreadState* ts, Object* o) {
    CodeObject* co = as_code(o);
    std::string bytes;
    bytes.reserve(co->code.size() * 2);
    for (uint16_t unit : co->code) {
        bytes += char(unit & 0xFF);   // opcode
        bytes += char(unit >> 8);     // oparg
    }
    return bytes_from_data(ts, bytes.data(), isize(bytes.size()));
}

static Ref<> get_linetable(ThreadState* ts, Object* o) {
    std::string t = code_encode_linetable(as_code(o));
    return bytes_from_data(ts, t.data(), isize(t.size()));
}

static Ref<> get_exceptiontable(ThreadState* ts, Object* o) {
    std::string t = code_encode_exceptiontable(as_code(o));
    return bytes_from_data(ts, t.data(), isize(t.size()));
}

static Ref<> int_or_none(ThreadState* ts, int v) {
    return v < 0 ? newref(ts->interp->None) : int_from_i64(ts, v);
}

// co_positions(): (line, end_line, col, end_col) for every code unit, None
// where unknown.
static Ref<> code_positions(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "co_positions", kw) || !check_nargs(ts, "co_positions", nargs, 0, 0)) return nullptr;
    CodeObject* co = as_code(self);
    Ref<ListObject> items = list_new(ts, 0);
    if (!items) return nullptr;
    for (const Position& p : co->positions) {
        bool no_line = p.lineno < 0;
        Ref<> a = int_or_none(ts, p.lineno), b = int_or_none(ts, no_line ? -1 : p.end_lineno);
        Ref<> c = int_or_none(ts, no_line ? -1 : p.col), d = int_or_none(ts, no_line ? -1 : p.end_col);
        if (!a || !b || !c || !d) return nullptr;
        Ref<TupleObject> t = tuple_pack(ts, {a.get(), b.get(), c.get(), d.get()});
        if (!t || !list_append(ts, items.get(), t.get())) return nullptr;
    }
    return object_get_iter(ts, items.get());
}

// co_lines(): (start, end, line) byte ranges, one per location-table entry
// (so an instruction longer than 8 code units gives several), line None
// for instructions that have none.
static Ref<> code_lines(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "co_lines", kw) || !check_nargs(ts, "co_lines", nargs, 0, 0)) return nullptr;
    CodeObject* co = as_code(self);
    Ref<ListObject> items = list_new(ts, 0);
    if (!items) return nullptr;
    for (std::size_t i = 0; i < co->code.size();) {
        const int units = instruction_units(co, i);
        const int line = co->positions[i].lineno;
        for (int done = 0; done < units; done += 8) {
            const int len = units - done > 8 ? 8 : units - done;
            Ref<> start = int_from_i64(ts, int64_t(i + std::size_t(done)) * 2);
            Ref<> end = int_from_i64(ts, int64_t(i + std::size_t(done + len)) * 2);
            Ref<> l = int_or_none(ts, line);
            if (!start || !end || !l) return nullptr;
            Ref<TupleObject> t = tuple_pack(ts, {start.get(), end.get(), l.get()});
            if (!t || !list_append(ts, items.get(), t.get())) return nullptr;
        }
        i += std::size_t(units);
    }
    return object_get_iter(ts, items.get());
}

// _varname_from_oparg(i): the name of localsplus slot i (what dis uses for
// LOAD_FAST, LOAD_DEREF and friends).
static Ref<> code_varname_from_oparg(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"oparg"};
    static const ArgSpec spec{"_varname_from_oparg", names, 1, 1, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize i;
    if (!index_as_isize(ts, a[0], &i)) return nullptr;
    CodeObject* co = as_code(self);
    if (i < 0 || i >= co->co_nlocalsplus) return raise(ts, ts->interp->exc.IndexError, "tuple index out of range");
    return newref(co->co_localsplusnames->ob_item[i]);
}

// ------------------------------------------------------------ replace()

static bool tuple_of_str(ThreadState* ts, Object* v, const char* what) {
    if (!is_tuple(v)) {
        raise(ts, ts->interp->exc.TypeError, std::string(what) + " must be a tuple, not " + type_name(v));
        return false;
    }
    for (isize i = 0; i < as_tuple(v)->ob_size; i++)
        if (!is_str(as_tuple(v)->ob_item[i])) {
            raise(ts, ts->interp->exc.TypeError, std::string("name tuples must contain only strings, not '") +
                                                     type_name(as_tuple(v)->ob_item[i]) + "'");
            return false;
        }
    return true;
}

// code.replace(**changes): a copy with some fields changed (keyword-only,
// as CPython's). The byte-level fields are decoded back into glasspy's
// vectors, so replacing co_code or co_linetable changes what runs and what
// tracebacks show.
static Ref<> code_replace(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
        "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
        "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
        "co_exceptiontable"};
    static const ArgSpec spec{"replace", names, 18, 0, 0, 0};
    Object* a[18];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    CodeObject* src = as_code(self);

    // Integers first.
    int ints[7] = {src->co_argcount, src->co_posonlyargcount, src->co_kwonlyargcount, src->co_nlocals,
                   src->co_stacksize, src->co_flags, src->co_firstlineno};
    for (int k = 0; k < 7; k++) {
        if (!a[k]) continue;
        if (!is_int(a[k]))
            return raise(ts, interp.exc.TypeError, std::string("replace() argument '") + names[k] +
                                                       "' must be int, not " + type_name(a[k]));
        isize v;
        if (!index_as_isize(ts, a[k], &v)) return nullptr;
        if (v < INT32_MIN || v > INT32_MAX)
            return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C int");
        ints[k] = int(v);
    }
    for (int k : {7, 16, 17})
        if (a[k] && !is_bytes(a[k]))
            return raise(ts, interp.exc.TypeError, std::string("replace() argument '") + names[k] +
                                                       "' must be bytes, not " + type_name(a[k]));
    if (a[8] && !is_tuple(a[8]))
        return raise(ts, interp.exc.TypeError, std::string("replace() argument 'co_consts' must be tuple, not ") + type_name(a[8]));
    for (int k : {9, 10, 11, 12})
        if (a[k] && !tuple_of_str(ts, a[k], names[k])) return nullptr;
    for (int k : {13, 14, 15})
        if (a[k] && !is_str(a[k]))
            return raise(ts, interp.exc.TypeError, std::string("replace() argument '") + names[k] +
                                                       "' must be str, not " + type_name(a[k]));

    Ref<CodeObject> co = code_new(ts);
    if (!co) return nullptr;
    co->co_argcount = ints[0];
    co->co_posonlyargcount = ints[1];
    co->co_kwonlyargcount = ints[2];
    co->co_nlocals = ints[3];
    co->co_stacksize = ints[4];
    co->co_flags = ints[5];
    co->co_firstlineno = ints[6];
    co->co_nlocalsplus = src->co_nlocalsplus;
    co->co_ncellvars = src->co_ncellvars;
    co->co_nfreevars = src->co_nfreevars;
    co->co_consts = as_tuple(newref(a[8] ? a[8] : static_cast<Object*>(src->co_consts)).release());
    if (a[8] && !intern_string_constants(ts, co->co_consts)) return nullptr;
    co->co_names = as_tuple(newref(a[9] ? a[9] : static_cast<Object*>(src->co_names)).release());
    co->co_filename = as_str(newref(a[13] ? a[13] : static_cast<Object*>(src->co_filename)).release());
    co->co_name = as_str(newref(a[14] ? a[14] : static_cast<Object*>(src->co_name)).release());
    co->co_qualname = as_str(newref(a[15] ? a[15] : static_cast<Object*>(src->co_qualname)).release());
    co->localspluskinds = src->localspluskinds;
    co->cell2arg = src->cell2arg;

    // Local names: each of varnames / cellvars / freevars replaces the slots
    // of its kind in order (a cell that is also an argument is renamed by
    // co_varnames), so the counts must not change.
    Ref<TupleObject> plus = tuple_from_array(ts, src->co_localsplusnames->ob_item, src->co_nlocalsplus);
    if (!plus) return nullptr;
    const struct { int arg; uint8_t kind; } groups[] = {{10, CO_FAST_LOCAL}, {12, CO_FAST_CELL}, {11, CO_FAST_FREE}};
    for (auto g : groups) {
        if (!a[g.arg]) continue;
        TupleObject* nt = as_tuple(a[g.arg]);
        isize k = 0;
        for (int i = 0; i < co->co_nlocalsplus; i++) {
            if (!(co->localspluskinds[std::size_t(i)] & g.kind)) continue;
            if (g.kind == CO_FAST_CELL && (co->localspluskinds[std::size_t(i)] & CO_FAST_LOCAL) && a[10]) {
                k++;   // an argument cell: co_varnames named it
                continue;
            }
            if (k >= nt->ob_size) break;
            Object* old = plus->ob_item[i];
            plus->ob_item[i] = newref(nt->ob_item[k++]).release();
            decref(old);
        }
        isize expected = 0;
        for (int i = 0; i < co->co_nlocalsplus; i++)
            if (co->localspluskinds[std::size_t(i)] & g.kind) expected++;
        if (nt->ob_size != expected)
            return raise(ts, interp.exc.ValueError, std::string(names[g.arg]) + " has the wrong number of names (" +
                                                        std::to_string(nt->ob_size) + " given, " +
                                                        std::to_string(expected) + " expected)");
    }
    co->co_localsplusnames = plus.release();

    // Bytecode, then the tables that describe it.
    if (a[7]) {
        std::string_view b = bytes_view(a[7]);
        if (b.size() % 2) return raise(ts, interp.exc.ValueError, "code: co_code is malformed");
        co->code.resize(b.size() / 2);
        for (std::size_t i = 0; i < co->code.size(); i++)
            co->code[i] = uint16_t(uint8_t(b[2 * i]) | (uint16_t(uint8_t(b[2 * i + 1])) << 8));
    } else {
        co->code = src->code;
    }
    if (a[16]) {
        if (!code_decode_linetable(bytes_view(a[16]), co->co_firstlineno, co->code.size(), co->positions))
            co->positions.assign(co->code.size(), Position{-1, -1, -1, -1});
    } else if (a[7] && co->code.size() != src->code.size()) {
        co->positions.assign(co->code.size(), Position{-1, -1, -1, -1});
    } else {
        // The table is relative to co_firstlineno, so moving the first line
        // moves every line.
        co->positions = src->positions;
        const int shift = co->co_firstlineno - src->co_firstlineno;
        for (Position& p : co->positions)
            if (p.lineno >= 0) {
                p.lineno += shift;
                p.end_lineno += shift;
            }
    }
    if (a[17]) {
        if (!code_decode_exceptiontable(bytes_view(a[17]), co->exceptiontable))
            return raise(ts, interp.exc.ValueError, "code: co_exceptiontable is malformed");
    } else {
        co->exceptiontable = src->exceptiontable;
    }
    return Ref<>(std::move(co));
}

// code.__sizeof__ (codeobject.c's code_sizeof): the object with its
// instructions inline, two bytes per code unit, rounded up to a pointer.
static Ref<> code_sizeof(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__sizeof__", kw) || !check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
    auto* co = static_cast<CodeObject*>(self);
    isize size = type_of(self)->cpython.basicsize + 2 * isize(co->code.size());
    return int_from_i64(ts, (size + 7) & ~isize(7));
}

static const MethodDef code_table_methods[] = {
    {"co_lines", code_lines, 0, nullptr},
    {"__sizeof__", code_sizeof, 0, nullptr},
    {"co_positions", code_positions, 0, nullptr},
    {"replace", code_replace, 0, "replace($self, /, **changes)\n--\n\nReturn a copy of the code object with new values for the specified fields."},
    {"_varname_from_oparg", code_varname_from_oparg, 0, "(internal-only) Return the local variable name for the given oparg.\n\nWARNING: this method is for internal use only and may change or go away."},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef code_table_getsets[] = {
    {"co_code", get_code, nullptr, nullptr},
    {"_co_code_adaptive", get_code, nullptr, nullptr},
    {"co_linetable", get_linetable, nullptr, nullptr},
    {"co_lnotab", get_lnotab, nullptr, nullptr},
    {"co_exceptiontable", get_exceptiontable, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool code_add_table_members(ThreadState* ts, TypeObject* t) {
    t->tp_richcompare = code_richcompare;
    t->tp_hash = code_hash;
    return type_add_methods(ts, t, code_table_methods) && type_add_getsets(ts, t, code_table_getsets);
}

}  // namespace gp
