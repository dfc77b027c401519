// sre_module.cpp — `_sre`: the C++ half of `re` (CPython 3.11's
// Modules/_sre/sre.c). re.py parses and compiles a pattern into a program
// (regex/sre_engine.h); this module wraps the program in re.Pattern, runs
// it (regex/sre_engine.cpp), and builds re.Match objects from the results.
//
//   compile(pattern, flags, code, groups, groupindex, indexgroup, repeats,
//           min_width, anchored, prefix, first)   -> re.Pattern
//   OPCODES       the instruction names, in opcode order (re.py numbers them)
//   fold(mode, c) / case_extras(c)   IGNORECASE helpers for the compiler
//
// The loops over many matches (findall, sub, split, finditer's scanner)
// live here too, with sre's rule for empty matches (3.7+): after an empty
// match the next one may start at the same place only if it is not empty.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/genericaliasobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_internal.h"
#include "objects/unicodeobject.h"
#include "regex/sre_engine.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/threads.h"

namespace gp {

namespace {

constexpr int64_t kFlagTemplate = 1, kFlagIgnoreCase = 2, kFlagLocale = 4, kFlagMultiline = 8, kFlagDotAll = 16,
                  kFlagUnicode = 32, kFlagVerbose = 64, kFlagDebug = 128, kFlagAscii = 256;

struct PatternObject : Object {
    sre::Program* prog;    // owned (new/delete)
    Object* pattern;       // the source str/bytes (owned)
    int64_t flags;
    bool is_bytes;         // a bytes pattern: matches bytes-like subjects only
    Object* groupindex;    // dict name -> group number (owned)
    Object* indexgroup;    // tuple: group number -> name or None (owned)
};

struct MatchObject : Object {
    Object* pattern;       // the PatternObject (owned)
    Object* string;        // the subject as given (owned)
    isize pos, endpos;     // the bounds the search used
    isize lastindex;       // -1 = None
    std::vector<isize>* regs;   // 2 per group including group 0; -1 = unset (owned)
};

struct ScannerObject : Object {
    Object* pattern;       // owned
    Object* string;        // owned
    isize pos, endpos;     // the next search starts at pos; -1 once exhausted
    isize start0;          // where the scanner began
    bool must_advance;
};

PatternObject* as_pattern(Object* o) { return static_cast<PatternObject*>(o); }
MatchObject* as_match(Object* o) { return static_cast<MatchObject*>(o); }

// ------------------------------------------------------------ subjects

// The text of a subject while one operation runs. bytearray and
// memoryview contents are copied: a callback (sub's repl) may change them.
struct SubjectText {
    sre::Subject subj{};
    bool is_bytes = false;
    std::string copy;
};

bool get_subject(ThreadState* ts, PatternObject* p, Object* string, SubjectText& out) {
    Interpreter& interp = *ts->interp;
    if (is_str(string)) {
        StrObject* s = as_str(string);
        out.subj = sre::Subject{s->data(), s->kind, s->length};
        out.is_bytes = false;
    } else {
        std::string_view view;
        if (!bytes_like_view(string, &view)) {
            raise(ts, interp.exc.TypeError,
                  "expected string or bytes-like object, got '" + type_of(string)->tp_name + "'");
            return false;
        }
        if (!is_bytes(string)) {
            out.copy.assign(view.data(), view.size());
            view = out.copy;
        }
        out.subj = sre::Subject{view.data(), 1, isize(view.size())};
        out.is_bytes = true;
    }
    if (p->is_bytes && !out.is_bytes) {
        raise(ts, interp.exc.TypeError, "cannot use a bytes pattern on a string-like object");
        return false;
    }
    if (!p->is_bytes && out.is_bytes) {
        raise(ts, interp.exc.TypeError, "cannot use a string pattern on a bytes-like object");
        return false;
    }
    return true;
}

// string[start:end] as str or bytes (sre's getslice: bytes-like subjects
// give bytes).
Ref<> subject_slice(ThreadState* ts, Object* string, isize start, isize end) {
    if (is_str(string)) {
        StrObject* s = as_str(string);
        if (end > s->length) end = s->length;
        if (start > end) start = end;
        return str_substr(ts, s, start, end);
    }
    std::string_view view;
    if (!bytes_like_view(string, &view)) view = {};
    isize n = isize(view.size());
    if (end > n) end = n;
    if (start > end) start = end;
    if (type_of(string) == ts->interp->types.bytes && start == 0 && end == n) return newref(string);
    return bytes_from_data(ts, view.data() + start, end - start);
}

bool poll_interrupt(void* ctx) {
    auto* ts = static_cast<ThreadState*>(ctx);
    if (!(ts->interp->eval_breaker.load(std::memory_order_relaxed) & EVAL_INTERRUPT)) return true;
    return handle_interrupt(ts);
}

// Runs the pattern; 1 match, 0 none, -1 error raised.
int run_pattern(ThreadState* ts, PatternObject* p, const SubjectText& text, sre::Run& run) {
    sre::Host host{&ts->interp->heap, poll_interrupt, ts};
    sre::Status st = sre::execute(*p->prog, text.subj, run, host);
    if (st == sre::Status::Match) return 1;
    if (st == sre::Status::NoMatch) return 0;
    if (run.error == sre::Error::Memory) raise_no_memory(ts);
    else if (!ts->curexc) raise_object(ts, ts->interp->exc.KeyboardInterrupt);
    return -1;
}

// pos/endpos clipped to the subject, as sre's state_init does.
void clip_bounds(isize length, isize& pos, isize& endpos) {
    if (pos < 0) pos = 0;
    else if (pos > length) pos = length;
    if (endpos < 0) endpos = 0;
    else if (endpos > length) endpos = length;
}

// ------------------------------------------------------------ Match

Ref<> match_new(ThreadState* ts, PatternObject* p, Object* string, isize pos, isize endpos, const sre::Run& run) {
    TypeObject* type = module_type(ts, "_sre", "Match");
    if (!type) return nullptr;
    auto* m = static_cast<MatchObject*>(object_alloc(ts, type, 0));
    if (!m) return nullptr;
    m->pattern = newref(static_cast<Object*>(p)).release();
    m->string = newref(string).release();
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = run.lastindex;
    m->regs = new std::vector<isize>(std::size_t(2 * (p->prog->groups + 1)), -1);
    (*m->regs)[0] = run.start;
    (*m->regs)[1] = run.end;
    for (int g = 1; g <= p->prog->groups; g++) {
        isize b = run.marks[std::size_t(2 * g - 2)], e = run.marks[std::size_t(2 * g - 1)];
        if (b >= 0 && e >= 0 && b <= e) {
            (*m->regs)[std::size_t(2 * g)] = b;
            (*m->regs)[std::size_t(2 * g + 1)] = e;
        }
    }
    ts->interp->gc.track(m);
    return Ref<>::steal(m);
}

void match_dealloc(Object* op) {
    auto* m = as_match(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(m->pattern);
    xdecref(m->string);
    delete m->regs;
    object_free(op);
}

int match_traverse(Object* op, visitproc visit, void* arg) {
    auto* m = as_match(op);
    if (m->pattern && visit(m->pattern, arg)) return 1;
    if (m->string && visit(m->string, arg)) return 1;
    return 0;
}

int match_ngroups(MatchObject* m) { return as_pattern(m->pattern)->prog->groups; }

// A group argument (number or name) as a group number, or -1 with IndexError.
isize match_index(ThreadState* ts, MatchObject* m, Object* g) {
    Interpreter& interp = *ts->interp;
    isize i = -1;
    if (is_int(g)) {
        int64_t v;
        if (int_as_i64(g, &v)) i = isize(v);
    } else if (type_of(g)->tp_as_number && type_of(g)->tp_as_number->nb_index) {
        if (!index_as_isize(ts, g, &i)) return -1;
    } else {
        Object* gi = as_pattern(m->pattern)->groupindex;
        Object* v = dict_get_item(ts, as_dict(gi), g);
        int64_t iv;
        if (v && is_int(v) && int_as_i64(v, &iv)) i = isize(iv);
    }
    if (i < 0 || i > match_ngroups(m)) {
        if (!ts->curexc) raise(ts, interp.exc.IndexError, "no such group");
        return -1;
    }
    return i;
}

Ref<> match_group_value(ThreadState* ts, MatchObject* m, isize i, Object* dflt) {
    isize b = (*m->regs)[std::size_t(2 * i)], e = (*m->regs)[std::size_t(2 * i + 1)];
    if (b < 0 || e < 0) return newref(dflt);
    return subject_slice(ts, m->string, b, e);
}

Ref<> match_group(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "group", kw)) return nullptr;
    auto* m = as_match(self);
    Object* none = ts->interp->None;
    if (nargs == 0) return match_group_value(ts, m, 0, none);
    if (nargs == 1) {
        isize i = match_index(ts, m, args[0]);
        return i < 0 ? nullptr : match_group_value(ts, m, i, none);
    }
    Ref<TupleObject> out = tuple_new(ts, nargs);
    if (!out) return nullptr;
    for (isize k = 0; k < nargs; k++) {
        isize i = match_index(ts, m, args[k]);
        if (i < 0) return nullptr;
        Ref<> v = match_group_value(ts, m, i, none);
        if (!v) return nullptr;
        out->ob_item[k] = v.release();
    }
    return out;
}

Ref<> match_getitem(ThreadState* ts, Object* self, Object* key) {
    auto* m = as_match(self);
    isize i = match_index(ts, m, key);
    return i < 0 ? nullptr : match_group_value(ts, m, i, ts->interp->None);
}

Ref<> match_groups(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"default"};
    static const ArgSpec spec{"Match.groups", names, 1, 0, 1, 0};
    Object* a[1] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Object* dflt = a[0] ? a[0] : ts->interp->None;
    auto* m = as_match(self);
    int n = match_ngroups(m);
    Ref<TupleObject> out = tuple_new(ts, n);
    if (!out) return nullptr;
    for (int i = 1; i <= n; i++) {
        Ref<> v = match_group_value(ts, m, i, dflt);
        if (!v) return nullptr;
        out->ob_item[i - 1] = v.release();
    }
    return out;
}

Ref<> match_groupdict(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"default"};
    static const ArgSpec spec{"Match.groupdict", names, 1, 0, 1, 0};
    Object* a[1] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    Object* dflt = a[0] ? a[0] : ts->interp->None;
    auto* m = as_match(self);
    Ref<DictObject> out = dict_new(ts);
    if (!out) return nullptr;
    Object* gi = as_pattern(m->pattern)->groupindex;
    Ref<> items = call_method(ts, gi, "items", nullptr, 0);
    if (!items) return nullptr;
    Ref<> it = object_get_iter(ts, items.get());
    if (!it) return nullptr;
    while (Ref<> pair = iter_next(ts, it.get())) {
        Object* name = as_tuple(pair.get())->ob_item[0];
        isize i = match_index(ts, m, name);
        if (i < 0) return nullptr;
        Ref<> v = match_group_value(ts, m, i, dflt);
        if (!v || !dict_set_item(ts, out.get(), name, v.get())) return nullptr;
    }
    if (ts->curexc) return nullptr;
    return out;
}

// start/end/span take one optional positional group argument.
bool span_arg(ThreadState* ts, const char* name, Object* self, Object* const* args, isize nargs, TupleObject* kw,
              isize* out) {
    if (!check_no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 1)) return false;
    *out = nargs ? match_index(ts, as_match(self), args[0]) : 0;
    return *out >= 0;
}

Ref<> match_start(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize i;
    if (!span_arg(ts, "start", self, args, nargs, kw, &i)) return nullptr;
    return int_from_i64(ts, (*as_match(self)->regs)[std::size_t(2 * i)]);
}

Ref<> match_end(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize i;
    if (!span_arg(ts, "end", self, args, nargs, kw, &i)) return nullptr;
    return int_from_i64(ts, (*as_match(self)->regs)[std::size_t(2 * i + 1)]);
}

Ref<> span_tuple(ThreadState* ts, MatchObject* m, isize i) {
    Ref<> b = int_from_i64(ts, (*m->regs)[std::size_t(2 * i)]);
    Ref<> e = int_from_i64(ts, (*m->regs)[std::size_t(2 * i + 1)]);
    if (!b || !e) return nullptr;
    return tuple_pack(ts, {b.get(), e.get()});
}

Ref<> match_span(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    isize i;
    if (!span_arg(ts, "span", self, args, nargs, kw, &i)) return nullptr;
    return span_tuple(ts, as_match(self), i);
}

// The replacement template of sub()/expand(), compiled by re.py's
// _compile_template into [literal, group, literal, group, ..., literal]
// (literals are str/bytes or None).
Ref<> compile_template(ThreadState* ts, Object* pattern, Object* repl) {
    Ref<> key = str_from_utf8(ts, "re");
    Object* re = key ? dict_get_item(ts, ts->interp->modules, key.get()) : nullptr;
    if (!re) return raise(ts, ts->interp->exc.SystemError, "re is not imported");
    Ref<> fn = object_getattr_cstr(ts, re, "_compile_template");
    if (!fn) return nullptr;
    Object* args[] = {pattern, repl};
    return object_vectorcall(ts, fn.get(), args, 2, nullptr);
}

// Appends the expansion of a compiled template for match m to `parts`.
bool expand_into(ThreadState* ts, ListObject* tmpl, MatchObject* m, ListObject* parts) {
    isize n = tmpl->ob_size;
    bool bytes_subject = !is_str(m->string);
    isize piece = 0;   // the index CPython's expand_template would give this piece
    for (isize k = 0; k < n; k++) {
        Object* item = tmpl->ob_item[k];
        if (k % 2 == 0) {
            if (item == ts->interp->None) continue;
            // A str template for a bytes subject (or the reverse) fails
            // as CPython's join of the pieces does.
            if (is_str(item) == bytes_subject) {
                raise(ts, ts->interp->exc.TypeError,
                      "sequence item " + std::to_string(piece) +
                          (bytes_subject ? ": expected a bytes-like object, str found"
                                         : ": expected str instance, " + type_of(item)->tp_name + " found"));
                return false;
            }
            piece++;
            if (object_length(ts, item) > 0 && !list_append(ts, parts, item)) return false;
            continue;
        }
        piece++;
        int64_t g;
        if (!int_as_i64(item, &g)) return false;
        if (g < 0 || g > match_ngroups(m)) {
            raise(ts, ts->interp->exc.IndexError, "no such group");
            return false;
        }
        isize b = (*m->regs)[std::size_t(2 * g)], e = (*m->regs)[std::size_t(2 * g + 1)];
        if (b < 0 || e < 0 || b == e) continue;
        Ref<> v = subject_slice(ts, m->string, b, e);
        if (!v || !list_append(ts, parts, v.get())) return false;
    }
    return true;
}

Ref<> join_parts(ThreadState* ts, bool bytes, ListObject* parts) {
    Ref<> empty = bytes ? bytes_from_data(ts, "", 0) : newref(static_cast<Object*>(ts->interp->empty_str));
    if (!empty) return nullptr;
    Object* arg = parts;
    return call_method(ts, empty.get(), "join", &arg, 1);
}

Ref<> match_expand(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"template"};
    static const ArgSpec spec{"Match.expand", names, 1, 1, 1, 0};
    Object* a[1] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    auto* m = as_match(self);
    Ref<> tmpl = compile_template(ts, m->pattern, a[0]);
    if (!tmpl) return nullptr;
    Ref<ListObject> parts = list_new(ts, 0);
    if (!parts || !expand_into(ts, static_cast<ListObject*>(tmpl.get()), m, parts.get())) return nullptr;
    return join_parts(ts, as_pattern(m->pattern)->is_bytes, parts.get());
}

Ref<> match_repr(ThreadState* ts, Object* self) {
    auto* m = as_match(self);
    Ref<> g = match_group_value(ts, m, 0, ts->interp->None);
    if (!g) return nullptr;
    Ref<> r = object_repr(ts, g.get());
    if (!r) return nullptr;
    std::string text(str_utf8(r.get()));
    // %.50R: at most 50 characters of the repr.
    if (as_str(r.get())->length > 50) {
        Ref<> cut = str_substr(ts, as_str(r.get()), 0, 50);
        if (!cut) return nullptr;
        text = std::string(str_utf8(cut.get()));
    }
    return str_from_utf8(ts, "<re.Match object; span=(" + std::to_string((*m->regs)[0]) + ", " +
                                 std::to_string((*m->regs)[1]) + "), match=" + text + ">");
}

Ref<> return_self(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__copy__", kw) || !check_nargs(ts, "__copy__", nargs, 0, 0)) return nullptr;
    return newref(self);
}

Ref<> return_self_memo(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "__deepcopy__", kw) || !check_nargs(ts, "__deepcopy__", nargs, 1, 1)) return nullptr;
    return newref(self);
}

Ref<> match_get_pos(ThreadState* ts, Object* self) { return int_from_i64(ts, as_match(self)->pos); }
Ref<> match_get_endpos(ThreadState* ts, Object* self) { return int_from_i64(ts, as_match(self)->endpos); }
Ref<> match_get_re(ThreadState*, Object* self) { return newref(as_match(self)->pattern); }
Ref<> match_get_string(ThreadState*, Object* self) { return newref(as_match(self)->string); }
Ref<> match_get_lastindex(ThreadState* ts, Object* self) {
    isize li = as_match(self)->lastindex;
    return li < 0 ? newref(ts->interp->None) : int_from_i64(ts, li);
}
Ref<> match_get_lastgroup(ThreadState* ts, Object* self) {
    auto* m = as_match(self);
    auto* ig = as_tuple(as_pattern(m->pattern)->indexgroup);
    if (m->lastindex < 0 || m->lastindex >= ig->ob_size) return newref(ts->interp->None);
    return newref(ig->ob_item[m->lastindex]);
}
Ref<> match_get_regs(ThreadState* ts, Object* self) {
    auto* m = as_match(self);
    int n = match_ngroups(m);
    Ref<TupleObject> out = tuple_new(ts, n + 1);
    if (!out) return nullptr;
    for (int i = 0; i <= n; i++) {
        Ref<> s = span_tuple(ts, m, i);
        if (!s) return nullptr;
        out->ob_item[i] = s.release();
    }
    return out;
}

// ------------------------------------------------------------ Pattern

void pattern_dealloc(Object* op) {
    auto* p = as_pattern(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(p->pattern);
    xdecref(p->groupindex);
    xdecref(p->indexgroup);
    delete p->prog;
    object_free(op);
}

int pattern_traverse(Object* op, visitproc visit, void* arg) {
    auto* p = as_pattern(op);
    if (p->pattern && visit(p->pattern, arg)) return 1;
    if (p->groupindex && visit(p->groupindex, arg)) return 1;
    if (p->indexgroup && visit(p->indexgroup, arg)) return 1;
    return 0;
}

// (string, pos=0, endpos=sys.maxsize) as the matching methods take them.
bool string_pos_args(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                     Object** string, isize* pos, isize* endpos) {
    static const char* const names[] = {"string", "pos", "endpos"};
    ArgSpec spec{fname, names, 3, 1, 3, 0};
    Object* a[3] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return false;
    *string = a[0];
    *pos = 0;
    *endpos = PTRDIFF_MAX;
    if (a[1] && !index_as_isize(ts, a[1], pos)) return false;
    if (a[2] && !index_as_isize(ts, a[2], endpos)) return false;
    return true;
}

Ref<> pattern_run(ThreadState* ts, Object* self, const char* fname, Object* const* args, isize nargs,
                  TupleObject* kw, bool search, bool full) {
    Object* string;
    isize pos, endpos;
    if (!string_pos_args(ts, fname, args, nargs, kw, &string, &pos, &endpos)) return nullptr;
    auto* p = as_pattern(self);
    SubjectText text;
    if (!get_subject(ts, p, string, text)) return nullptr;
    clip_bounds(text.subj.length, pos, endpos);
    sre::Run run;
    run.pos = pos;
    run.endpos = endpos;
    run.search = search;
    run.match_all = full;
    int r = run_pattern(ts, p, text, run);
    if (r < 0) return nullptr;
    if (r == 0) return newref(ts->interp->None);
    return match_new(ts, p, string, pos, endpos, run);
}

Ref<> pattern_match(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return pattern_run(ts, self, "match", args, nargs, kw, false, false);
}
Ref<> pattern_fullmatch(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return pattern_run(ts, self, "fullmatch", args, nargs, kw, false, true);
}
Ref<> pattern_search(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return pattern_run(ts, self, "search", args, nargs, kw, true, false);
}

// The slice of group g of the last match (an empty slice when unset, as
// findall reports it), or None for split.
Ref<> run_group(ThreadState* ts, Object* string, const sre::Run& run, int g, Object* unset) {
    isize b = g == 0 ? run.start : run.marks[std::size_t(2 * g - 2)];
    isize e = g == 0 ? run.end : run.marks[std::size_t(2 * g - 1)];
    if (b < 0 || e < 0 || b > e) {
        if (unset) return newref(unset);
        return subject_slice(ts, string, 0, 0);
    }
    return subject_slice(ts, string, b, e);
}

Ref<> pattern_findall(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* string;
    isize pos, endpos;
    if (!string_pos_args(ts, "findall", args, nargs, kw, &string, &pos, &endpos)) return nullptr;
    auto* p = as_pattern(self);
    SubjectText text;
    if (!get_subject(ts, p, string, text)) return nullptr;
    clip_bounds(text.subj.length, pos, endpos);
    Ref<ListObject> out = list_new(ts, 0);
    if (!out) return nullptr;
    int groups = p->prog->groups;
    bool advance = false;
    while (pos <= endpos) {
        sre::Run run;
        run.pos = pos;
        run.endpos = endpos;
        run.search = true;
        run.must_advance = advance;
        int r = run_pattern(ts, p, text, run);
        if (r < 0) return nullptr;
        if (r == 0) break;
        Ref<> item;
        if (groups <= 1) {
            item = run_group(ts, string, run, groups, nullptr);
        } else {
            Ref<TupleObject> t = tuple_new(ts, groups);
            if (!t) return nullptr;
            for (int g = 1; g <= groups; g++) {
                Ref<> v = run_group(ts, string, run, g, nullptr);
                if (!v) return nullptr;
                t->ob_item[g - 1] = v.release();
            }
            item = std::move(t);
        }
        if (!item || !list_append(ts, out.get(), item.get())) return nullptr;
        advance = run.end == run.start;
        pos = run.end;
    }
    return out;
}

Ref<> pattern_split(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    static const char* const names[] = {"string", "maxsplit"};
    static const ArgSpec spec{"split", names, 2, 1, 2, 0};
    Object* a[2] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize maxsplit = 0;
    if (a[1] && !index_as_isize(ts, a[1], &maxsplit)) return nullptr;
    auto* p = as_pattern(self);
    Object* string = a[0];
    SubjectText text;
    if (!get_subject(ts, p, string, text)) return nullptr;
    isize pos = 0, endpos = text.subj.length, last = 0;
    Ref<ListObject> out = list_new(ts, 0);
    if (!out) return nullptr;
    bool advance = false;
    isize n = 0;
    while (!maxsplit || n < maxsplit) {
        sre::Run run;
        run.pos = pos;
        run.endpos = endpos;
        run.search = true;
        run.must_advance = advance;
        int r = run_pattern(ts, p, text, run);
        if (r < 0) return nullptr;
        if (r == 0) break;
        Ref<> piece = subject_slice(ts, string, last, run.start);
        if (!piece || !list_append(ts, out.get(), piece.get())) return nullptr;
        for (int g = 1; g <= p->prog->groups; g++) {
            Ref<> v = run_group(ts, string, run, g, ts->interp->None);
            if (!v || !list_append(ts, out.get(), v.get())) return nullptr;
        }
        n++;
        advance = run.end == run.start;
        last = pos = run.end;
    }
    Ref<> rest = subject_slice(ts, string, last, endpos);
    if (!rest || !list_append(ts, out.get(), rest.get())) return nullptr;
    return out;
}

// Whether a str/bytes template has no backslash (then it is used as is).
bool literal_template(Object* repl) {
    if (is_str(repl)) {
        StrObject* s = as_str(repl);
        for (isize i = 0; i < s->length; i++)
            if (sget(s, i) == '\\') return false;
        return true;
    }
    std::string_view view;
    if (bytes_like_view(repl, &view)) return view.find('\\') == std::string_view::npos;
    return false;
}

Ref<> pattern_subx(ThreadState* ts, Object* self, const char* fname, Object* const* args, isize nargs,
                   TupleObject* kw, bool with_count) {
    static const char* const names[] = {"repl", "string", "count"};
    ArgSpec spec{fname, names, 3, 2, 3, 0};
    Object* a[3] = {};
    if (!parse_args(ts, spec, args, nargs, kw, a)) return nullptr;
    isize count = 0;
    if (a[2] && !index_as_isize(ts, a[2], &count)) return nullptr;
    auto* p = as_pattern(self);
    Object* repl = a[0];
    Object* string = a[1];
    bool callable = is_callable(repl);
    Ref<> tmpl;
    bool literal = false;
    if (!callable) {
        literal = literal_template(repl);
        if (!literal) {
            tmpl = compile_template(ts, self, repl);
            if (!tmpl) return nullptr;
        }
    }
    SubjectText text;
    if (!get_subject(ts, p, string, text)) return nullptr;
    isize endpos = text.subj.length, pos = 0, last = 0, n = 0;
    Ref<ListObject> parts = list_new(ts, 0);
    if (!parts) return nullptr;
    bool advance = false;
    while (!count || n < count) {
        sre::Run run;
        run.pos = pos;
        run.endpos = endpos;
        run.search = true;
        run.must_advance = advance;
        int r = run_pattern(ts, p, text, run);
        if (r < 0) return nullptr;
        if (r == 0) break;
        if (last < run.start) {
            Ref<> piece = subject_slice(ts, string, last, run.start);
            if (!piece || !list_append(ts, parts.get(), piece.get())) return nullptr;
        }
        if (callable || tmpl) {
            Ref<> m = match_new(ts, p, string, 0, endpos, run);
            if (!m) return nullptr;
            if (callable) {
                Ref<> v = object_call_one(ts, repl, m.get());
                if (!v) return nullptr;
                if (v.get() != ts->interp->None && !list_append(ts, parts.get(), v.get())) return nullptr;
            } else if (!expand_into(ts, static_cast<ListObject*>(tmpl.get()), as_match(m.get()), parts.get())) {
                return nullptr;
            }
        } else if (!list_append(ts, parts.get(), repl)) {
            return nullptr;
        }
        last = run.end;
        n++;
        advance = run.end == run.start;
        pos = run.end;
    }
    if (last < endpos) {
        Ref<> piece = subject_slice(ts, string, last, endpos);
        if (!piece || !list_append(ts, parts.get(), piece.get())) return nullptr;
    }
    Ref<> joined = join_parts(ts, text.is_bytes, parts.get());
    if (!joined) return nullptr;
    if (!with_count) return joined;
    Ref<> nn = int_from_i64(ts, n);
    if (!nn) return nullptr;
    return tuple_pack(ts, {joined.get(), nn.get()});
}

Ref<> pattern_sub(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return pattern_subx(ts, self, "sub", args, nargs, kw, false);
}
Ref<> pattern_subn(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    return pattern_subx(ts, self, "subn", args, nargs, kw, true);
}

// ------------------------------------------------------------ Scanner

void scanner_dealloc(Object* op) {
    auto* s = static_cast<ScannerObject*>(op);
    type_of(op)->interp->gc.untrack(op);
    xdecref(s->pattern);
    xdecref(s->string);
    object_free(op);
}

int scanner_traverse(Object* op, visitproc visit, void* arg) {
    auto* s = static_cast<ScannerObject*>(op);
    if (s->pattern && visit(s->pattern, arg)) return 1;
    if (s->string && visit(s->string, arg)) return 1;
    return 0;
}

Ref<> pattern_scanner(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Object* string;
    isize pos, endpos;
    if (!string_pos_args(ts, "scanner", args, nargs, kw, &string, &pos, &endpos)) return nullptr;
    SubjectText text;
    if (!get_subject(ts, as_pattern(self), string, text)) return nullptr;
    clip_bounds(text.subj.length, pos, endpos);
    TypeObject* type = module_type(ts, "_sre", "SRE_Scanner");
    if (!type) return nullptr;
    auto* s = static_cast<ScannerObject*>(object_alloc(ts, type, 0));
    if (!s) return nullptr;
    s->pattern = newref(self).release();
    s->string = newref(string).release();
    s->pos = pos;
    s->endpos = endpos;
    s->start0 = pos;
    s->must_advance = false;
    ts->interp->gc.track(s);
    return Ref<>::steal(s);
}

Ref<> scanner_step(ThreadState* ts, Object* self, bool search) {
    auto* s = static_cast<ScannerObject*>(self);
    if (s->pos < 0) return newref(ts->interp->None);
    auto* p = as_pattern(s->pattern);
    SubjectText text;
    if (!get_subject(ts, p, s->string, text)) return nullptr;
    sre::Run run;
    run.pos = s->pos;
    run.endpos = s->endpos;
    run.search = search;
    run.must_advance = s->must_advance;
    int r = run_pattern(ts, p, text, run);
    if (r < 0) return nullptr;
    if (r == 0) {
        s->pos = -1;
        return newref(ts->interp->None);
    }
    Ref<> m = match_new(ts, p, s->string, s->start0, s->endpos, run);
    s->must_advance = run.end == run.start;
    s->pos = run.end;
    return m;
}

Ref<> scanner_match(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "match", kw) || !check_nargs(ts, "match", nargs, 0, 0)) return nullptr;
    return scanner_step(ts, self, false);
}
Ref<> scanner_search(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "search", kw) || !check_nargs(ts, "search", nargs, 0, 0)) return nullptr;
    return scanner_step(ts, self, true);
}
Ref<> scanner_get_pattern(ThreadState*, Object* self) { return newref(static_cast<ScannerObject*>(self)->pattern); }

// finditer: iter(scanner.search, None), as CPython builds it.
Ref<> pattern_finditer(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Ref<> scanner = pattern_scanner(ts, self, args, nargs, kw);
    if (!scanner) return nullptr;
    Ref<> search = object_getattr_cstr(ts, scanner.get(), "search");
    if (!search) return nullptr;
    Object* iter_fn = dict_get_cstr(ts, ts->interp->builtins->md_dict, "iter");
    if (!iter_fn) return raise(ts, ts->interp->exc.SystemError, "builtins.iter is missing");
    Object* iargs[] = {search.get(), ts->interp->None};
    return object_vectorcall(ts, iter_fn, iargs, 2, nullptr);
}

Ref<> pattern_repr(ThreadState* ts, Object* self) {
    auto* p = as_pattern(self);
    Ref<> r = object_repr(ts, p->pattern);
    if (!r) return nullptr;
    if (as_str(r.get())->length > 200) {
        r = str_substr(ts, as_str(r.get()), 0, 200);
        if (!r) return nullptr;
    }
    std::string text = "re.compile(" + std::string(str_utf8(r.get()));
    static const std::pair<const char*, int64_t> names[] = {
        {"re.TEMPLATE", kFlagTemplate}, {"re.IGNORECASE", kFlagIgnoreCase}, {"re.LOCALE", kFlagLocale},
        {"re.MULTILINE", kFlagMultiline}, {"re.DOTALL", kFlagDotAll}, {"re.UNICODE", kFlagUnicode},
        {"re.VERBOSE", kFlagVerbose}, {"re.DEBUG", kFlagDebug}, {"re.ASCII", kFlagAscii}};
    int64_t flags = p->flags;
    if (!p->is_bytes && (flags & (kFlagLocale | kFlagUnicode | kFlagAscii)) == kFlagUnicode) flags &= ~kFlagUnicode;
    std::string items;
    for (auto& [name, bit] : names)
        if (flags & bit) {
            if (!items.empty()) items += "|";
            items += name;
            flags &= ~bit;
        }
    if (flags) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(flags));
        if (!items.empty()) items += "|";
        items += buf;
    }
    if (!items.empty()) text += ", " + items;
    return str_from_utf8(ts, text + ")");
}

Ref<> pattern_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
    Interpreter& interp = *ts->interp;
    if ((op != Py_EQ && op != Py_NE) || type_of(a) != type_of(b))
        return newref(interp.NotImplemented);
    auto* x = as_pattern(a);
    auto* y = as_pattern(b);
    bool eq = a == b;
    if (!eq && x->flags == y->flags && x->is_bytes == y->is_bytes && x->prog->code == y->prog->code) {
        int r = object_richcompare_bool(ts, x->pattern, y->pattern, Py_EQ);
        if (r < 0) return nullptr;
        eq = r == 1;
    }
    bool result = op == Py_EQ ? eq : !eq;
    return newref(static_cast<Object*>(result ? interp.True : interp.False));
}

int64_t pattern_hash(ThreadState* ts, Object* self) {
    auto* p = as_pattern(self);
    int64_t h = object_hash(ts, p->pattern);
    if (h == -1) return -1;
    uint64_t code_hash = 1469598103934665603ull;
    for (uint32_t w : p->prog->code) code_hash = (code_hash ^ w) * 1099511628211ull;
    h ^= int64_t(code_hash >> 1);
    return h == -1 ? -2 : h;
}

Ref<> pattern_get_pattern(ThreadState*, Object* self) { return newref(as_pattern(self)->pattern); }
Ref<> pattern_get_flags(ThreadState* ts, Object* self) { return int_from_i64(ts, as_pattern(self)->flags); }
Ref<> pattern_get_groups(ThreadState* ts, Object* self) { return int_from_i64(ts, as_pattern(self)->prog->groups); }
Ref<> pattern_get_groupindex(ThreadState* ts, Object* self) {
    // CPython keeps no mapping for a pattern without named groups and
    // hands out a fresh dict; otherwise a read-only view.
    Object* gi = as_pattern(self)->groupindex;
    if (dict_size(as_dict(gi)) == 0) return dict_new(ts);
    return mappingproxy_new(ts, gi);
}

// ------------------------------------------------------------ module functions

// A list of ints as program words.
bool words_from(ThreadState* ts, Object* list, std::vector<uint32_t>& out) {
    Ref<> it = object_get_iter(ts, list);
    if (!it) return false;
    while (Ref<> item = iter_next(ts, it.get())) {
        int64_t v;
        if (!is_int(item.get()) || !int_as_i64(item.get(), &v) || v < 0 || v > 0xFFFFFFFFll) {
            raise(ts, ts->interp->exc.TypeError, "regular expression code must be a list of 32-bit ints");
            return false;
        }
        out.push_back(uint32_t(v));
    }
    return !ts->curexc;
}

// The compiled program is trusted only as far as it is checked: every jump
// target inside the code, every group and repeat number in range.
bool verify_program(const sre::Program& prog) {
    const std::vector<uint32_t>& c = prog.code;
    std::size_t n = c.size();
    auto target = [&](uint32_t t) { return t < n; };
    auto item_len = [&](std::size_t pc) -> std::size_t {
        switch (c[pc]) {
        case sre::OP_ANY:
        case sre::OP_ANY_ALL: return 1;
        case sre::OP_LITERAL:
        case sre::OP_NOT_LITERAL: return 2;
        case sre::OP_LITERAL_I:
        case sre::OP_NOT_LITERAL_I: return 3;
        case sre::OP_IN: return pc + 1 < n ? c[pc + 1] : 0;
        default: return 0;
        }
    };
    auto set_ok = [&](std::size_t at, std::size_t stop) {
        while (at < stop) {
            switch (c[at]) {
            case sre::SET_END: return at + 1 == stop;
            case sre::SET_LITERAL:
            case sre::SET_CATEGORY: at += 2; break;
            case sre::SET_RANGE: at += 3; break;
            case sre::SET_BITMAP: at += 9; break;
            default: return false;
            }
        }
        return false;
    };
    std::size_t pc = 0;
    while (pc < n) {
        uint32_t op = c[pc];
        std::size_t len;
        switch (op) {
        case sre::OP_FAILURE: case sre::OP_SUCCESS: case sre::OP_ANY: case sre::OP_ANY_ALL:
        case sre::OP_ATOMIC_ENTER: case sre::OP_ATOMIC_EXIT: case sre::OP_ASSERT_EXIT: case sre::OP_ASSERT_NOT_EXIT:
            len = 1; break;
        case sre::OP_LITERAL: case sre::OP_NOT_LITERAL: case sre::OP_AT: len = 2; break;
        case sre::OP_LITERAL_I: case sre::OP_NOT_LITERAL_I: len = 3; break;
        case sre::OP_IN:
            len = item_len(pc);
            if (len < 5 || pc + len > n || !set_ok(pc + 4, pc + len)) return false;
            break;
        case sre::OP_MARK:
            len = 2;
            if (pc + 1 >= n || c[pc + 1] >= uint32_t(2 * prog.groups)) return false;
            break;
        case sre::OP_JUMP: case sre::OP_BRANCH:
            len = 2;
            if (pc + 1 >= n || !target(c[pc + 1])) return false;
            break;
        case sre::OP_REPEAT_ONE: case sre::OP_MIN_REPEAT_ONE: case sre::OP_POSS_REPEAT_ONE: {
            if (pc + 4 >= n) return false;
            std::size_t il = item_len(pc + 4);
            if (!il || pc + 4 + il > n || !target(c[pc + 1])) return false;
            if (c[pc + 4] == sre::OP_IN && (il < 5 || !set_ok(pc + 8, pc + 4 + il))) return false;
            len = 4 + il;
            break;
        }
        case sre::OP_REPEAT:
            len = 5;
            if (pc + 4 >= n || c[pc + 1] >= uint32_t(prog.repeats) || !target(c[pc + 4])) return false;
            break;
        case sre::OP_MAX_UNTIL: case sre::OP_MIN_UNTIL:
            len = 3;
            if (pc + 2 >= n || c[pc + 1] >= uint32_t(prog.repeats) || c[pc + 2] + 5 > n ||
                c[c[pc + 2]] != sre::OP_REPEAT)
                return false;
            break;
        case sre::OP_ASSERT: case sre::OP_ASSERT_NOT:
            len = 3;
            if (pc + 2 >= n || !target(c[pc + 2])) return false;
            break;
        case sre::OP_GROUPREF:
            len = 2;
            if (pc + 1 >= n || c[pc + 1] < 1 || c[pc + 1] > uint32_t(prog.groups)) return false;
            break;
        case sre::OP_GROUPREF_I:
            len = 3;
            if (pc + 2 >= n || c[pc + 2] < 1 || c[pc + 2] > uint32_t(prog.groups)) return false;
            break;
        case sre::OP_GROUPREF_EXISTS:
            len = 3;
            if (pc + 2 >= n || c[pc + 1] < 1 || c[pc + 1] > uint32_t(prog.groups) || !target(c[pc + 2])) return false;
            break;
        default: return false;
        }
        pc += len;
    }
    return n > 0 && c[n - 1] == sre::OP_SUCCESS;
}

Ref<> sre_compile(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "compile", kw) || !check_nargs(ts, "compile", nargs, 11, 11)) return nullptr;
    int64_t flags, groups, repeats, min_width;
    if (!int_as_i64(args[1], &flags) || !int_as_i64(args[3], &groups) || !int_as_i64(args[6], &repeats) ||
        !int_as_i64(args[7], &min_width) || type_of(args[4]) != interp.types.dict ||
        type_of(args[5]) != interp.types.tuple)
        return raise(ts, interp.exc.TypeError, "_sre.compile: bad arguments");
    auto prog = std::make_unique<sre::Program>();
    prog->groups = int(groups);
    prog->repeats = int(repeats);
    prog->min_width = isize(min_width);
    prog->anchored = object_is_true(ts, args[8]) == 1;
    if (!words_from(ts, args[2], prog->code) || !words_from(ts, args[9], prog->prefix) ||
        !words_from(ts, args[10], prog->first))
        return nullptr;
    if (!verify_program(*prog)) return raise(ts, interp.exc.RuntimeError, "invalid SRE code");
    TypeObject* type = module_type(ts, "_sre", "Pattern");
    if (!type) return nullptr;
    auto* p = static_cast<PatternObject*>(object_alloc(ts, type, 0));
    if (!p) return nullptr;
    p->prog = prog.release();
    p->pattern = newref(args[0]).release();
    p->flags = flags;
    p->is_bytes = !is_str(args[0]) && args[0] != interp.None;
    p->groupindex = newref(args[4]).release();
    p->indexgroup = newref(args[5]).release();
    interp.gc.track(p);
    return Ref<>::steal(p);
}

Ref<> sre_fold(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "fold", kw) || !check_nargs(ts, "fold", nargs, 2, 2)) return nullptr;
    int64_t mode, ch;
    if (!int_as_i64(args[0], &mode) || !int_as_i64(args[1], &ch) || ch < 0 || ch > 0x10FFFF)
        return raise(ts, ts->interp->exc.TypeError, "fold(mode, codepoint)");
    return int_from_i64(ts, sre::fold(sre::CaseMode(mode), uint32_t(ch)));
}

Ref<> sre_case_extras(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "case_extras", kw) || !check_nargs(ts, "case_extras", nargs, 1, 1)) return nullptr;
    int64_t ch;
    if (!int_as_i64(args[0], &ch) || ch < 0 || ch > 0x10FFFF)
        return raise(ts, ts->interp->exc.TypeError, "case_extras(codepoint)");
    uint32_t out[2];
    int n = sre::case_extras(uint32_t(ch), out);
    Ref<TupleObject> t = tuple_new(ts, n);
    if (!t) return nullptr;
    for (int i = 0; i < n; i++) {
        Ref<> v = int_from_i64(ts, out[i]);
        if (!v) return nullptr;
        t->ob_item[i] = v.release();
    }
    return t;
}

const MethodDef match_methods[] = {
    {"group", match_group, 0, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", match_start, 0, "Return index of the start of the substring matched by group."},
    {"end", match_end, 0, "Return index of the end of the substring matched by group."},
    {"span", match_span, 0, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, 0, "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", match_groupdict, 0, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"expand", match_expand, 0, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", return_self, 0, nullptr},
    {"__deepcopy__", return_self_memo, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef match_getset[] = {
    {"pos", match_get_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {"re", match_get_re, nullptr, "The regular expression object."},
    {"string", match_get_string, nullptr, "The string passed to match() or search()."},
    {"lastindex", match_get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", match_get_regs, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef pattern_methods[] = {
    {"match", pattern_match, 0, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, 0, "Matches against all of the string."},
    {"search", pattern_search, 0, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub, 0, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", pattern_subn, 0, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, 0, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, 0, "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer, 0, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner", pattern_scanner, 0, nullptr},
    {"__copy__", return_self, 0, nullptr},
    {"__deepcopy__", return_self_memo, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef pattern_getset[] = {
    {"pattern", pattern_get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, nullptr, "The regex matching flags."},
    {"groups", pattern_get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef scanner_methods[] = {
    {"match", scanner_match, 0, nullptr},
    {"search", scanner_search, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef sre_functions[] = {
    {"compile", sre_compile, 0, "Make a re.Pattern from a compiled program (see re.py)."},
    {"fold", sre_fold, 0, "fold(mode, codepoint): the character IGNORECASE compares (mode 1 ASCII, 2 Unicode)."},
    {"case_extras", sre_case_extras, 0, "Characters IGNORECASE also equates with a lowercase codepoint."},
    {nullptr, nullptr, 0, nullptr},
};

// re.Pattern() and re.Match() cannot be called (CPython: Py_TPFLAGS_DISALLOW_INSTANTIATION).
Ref<> no_new(ThreadState* ts, TypeObject* type, Object* const*, isize, TupleObject*) {
    return raise(ts, ts->interp->exc.TypeError, "cannot create '" + type->tp_name + "' instances");
}

TypeObject* make_type(ThreadState* ts, ModuleObject* m, const char* qualname, const char* key, isize size,
                      destructor dealloc, traverseproc traverse, const MethodDef* methods, const GetSetDef* getset) {
    Interpreter& interp = *ts->interp;
    TypeObject* t = type_new_builtin(interp, qualname, size, 0, interp.types.object, TPFLAGS_HAVE_GC);
    if (!t) {
        raise_no_memory(ts);
        return nullptr;
    }
    Ref<TypeObject> owned = Ref<TypeObject>::steal(t);
    t->tp_new = no_new;
    t->tp_dealloc = dealloc;
    t->tp_traverse = traverse;
    t->tp_methods = methods;
    t->tp_getset = getset;
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    t->tp_dict = d.release();
    if (!module_add_object(ts, m, key, t)) return nullptr;
    return t;
}

}  // namespace

Ref<ModuleObject> make_sre_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_sre");
    if (!m || !module_add_functions(ts, m.get(), sre_functions)) return nullptr;

    TypeObject* pt = make_type(ts, m.get(), "re.Pattern", "Pattern", sizeof(PatternObject), pattern_dealloc,
                               pattern_traverse, pattern_methods, pattern_getset);
    if (!pt) return nullptr;
    pt->tp_repr = pattern_repr;
    pt->tp_richcompare = pattern_richcompare;
    pt->tp_hash = pattern_hash;
    pt->tp_doc = "Compiled regular expression object.";
    if (!type_add_class_getitem(ts, pt) || !type_ready(ts, pt)) return nullptr;

    TypeObject* mt = make_type(ts, m.get(), "re.Match", "Match", sizeof(MatchObject), match_dealloc,
                               match_traverse, match_methods, match_getset);
    if (!mt) return nullptr;
    mt->tp_repr = match_repr;
    mt->tp_doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
    mt->mapping_storage.mp_subscript = match_getitem;
    mt->tp_as_mapping = &mt->mapping_storage;
    if (!type_add_class_getitem(ts, mt) || !type_ready(ts, mt)) return nullptr;

    TypeObject* st = make_type(ts, m.get(), "_sre.SRE_Scanner", "SRE_Scanner", sizeof(ScannerObject),
                               scanner_dealloc, scanner_traverse, scanner_methods, scanner_getset);
    if (!st || !type_ready(ts, st)) return nullptr;

    Ref<TupleObject> names = tuple_new(ts, sre::OP_COUNT_);
    if (!names) return nullptr;
    for (uint32_t i = 0; i < sre::OP_COUNT_; i++) {
        Ref<> s = str_from_utf8(ts, sre::kOpcodeNames[i]);
        if (!s) return nullptr;
        names->ob_item[i] = s.release();
    }
    if (!module_add_object(ts, m.get(), "OPCODES", names.get())) return nullptr;
    Ref<> maxrepeat = int_from_i64(ts, 0xFFFFFFFFll);
    Ref<> maxgroups = int_from_i64(ts, 0x3FFFFFFF);
    if (!maxrepeat || !maxgroups || !module_add_object(ts, m.get(), "MAXREPEAT", maxrepeat.get()) ||
        !module_add_object(ts, m.get(), "MAXGROUPS", maxgroups.get()))
        return nullptr;
    (void)interp;
    return m;
}

}  // namespace gp
