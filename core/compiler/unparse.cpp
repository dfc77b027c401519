// unparse.cpp — an expression tree back to source text, for annotations
// under `from __future__ import annotations` (PEP 563).
//
// The text must be the one CPython 3.11 stores, so this follows the rules
// of its C unparser (Python/ast_unparse.c), which differ in places from the
// `ast.unparse` of Lib/ast.py: every operator has a priority, and an operand
// is put in parentheses only when its own priority is lower than the one its
// position asks for; constants print as their repr (with infinities spelled
// 1e309 so the text evaluates back to the same value); an f-string is
// rebuilt as a body and then quoted as a str repr is.
#include "compiler/compiler.h"

#include "objects/abstract.h"
#include "objects/unicodeobject.h"
#include "parser/ast.h"
#include "runtime/interpreter.h"

namespace gp {

using namespace ast;

namespace {

// Priorities, lowest first: a position demands at least one of these.
enum Priority {
    PR_TUPLE,
    PR_TEST,     // if-else, lambda
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,   // unary + - ~
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

class Unparser {
public:
    explicit Unparser(ThreadState* ts) : ts_(ts) {}

    bool expr(Expr* e, int level, std::string& out);

private:
    ThreadState* ts_;

    // repr() of a Python object, as text.
    bool repr_of(Object* o, std::string& out) {
        Ref<> r = object_repr(ts_, o);
        if (!r) return false;
        out += str_utf8(r.get());
        return true;
    }

    bool constant(const AstConstant& c, std::string& out) {
        if (c.kind == AstConstant::Kind::Ellipsis) {
            out += "...";
            return true;
        }
        Ref<> v = ast_constant_value(ts_, c);
        if (!v) return false;
        if (c.kind == AstConstant::Kind::Float || c.kind == AstConstant::Kind::Complex) {
            std::string text;
            if (!repr_of(v.get(), text)) return false;
            out += replace_all(std::move(text), "inf", "1e309");
            return true;
        }
        return repr_of(v.get(), out);
    }

    bool args(Arguments* a, std::string& out) {
        bool first = true;
        auto sep = [&] {
            if (!first) out += ", ";
            first = false;
        };
        auto arg = [&](Arg* x) {
            out += x->arg;
            if (x->annotation) {
                out += ": ";
                return expr(x->annotation, PR_TEST, out);
            }
            return true;
        };
        std::size_t npos = a->posonlyargs.size(), nargs = a->args.size(), ndef = a->defaults.size();
        for (std::size_t i = 0; i < npos + nargs; i++) {
            sep();
            if (!arg(i < npos ? a->posonlyargs[i] : a->args[i - npos])) return false;
            std::ptrdiff_t di = std::ptrdiff_t(i) - std::ptrdiff_t(npos + nargs) + std::ptrdiff_t(ndef);
            if (di >= 0) {
                out += "=";
                if (!expr(a->defaults[std::size_t(di)], PR_TEST, out)) return false;
            }
            if (npos && i + 1 == npos) out += ", /";
        }
        if (a->vararg || !a->kwonlyargs.empty()) {
            sep();
            out += "*";
            if (a->vararg && !arg(a->vararg)) return false;
        }
        for (std::size_t i = 0; i < a->kwonlyargs.size(); i++) {
            sep();
            if (!arg(a->kwonlyargs[i])) return false;
            Expr* d = i < a->kw_defaults.size() ? a->kw_defaults[i] : nullptr;
            if (d) {
                out += "=";
                if (!expr(d, PR_TEST, out)) return false;
            }
        }
        if (a->kwarg) {
            sep();
            out += "**";
            if (!arg(a->kwarg)) return false;
        }
        return true;
    }

    bool comprehensions(const std::vector<Comprehension*>& gens, std::string& out) {
        for (Comprehension* g : gens) {
            out += g->is_async ? " async for " : " for ";
            if (!expr(g->target, PR_TUPLE, out)) return false;
            out += " in ";
            if (!expr(g->iter, PR_TEST + 1, out)) return false;
            for (Expr* cond : g->ifs) {
                out += " if ";
                if (!expr(cond, PR_TEST + 1, out)) return false;
            }
        }
        return true;
    }

    bool elements(const std::vector<Expr*>& elts, std::string& out) {
        for (std::size_t i = 0; i < elts.size(); i++) {
            if (i) out += ", ";
            if (!expr(elts[i], PR_TEST, out)) return false;
        }
        return true;
    }

    // One piece of an f-string's body: literal text with its braces
    // doubled, a nested f-string (a format spec), or a {replacement}.
    bool fstring_element(Expr* e, bool is_format_spec, std::string& out) {
        switch (e->kind) {
        case ExprKind::Constant:
            out += replace_all(replace_all(static_cast<Constant*>(e)->value.text, "{", "{{"), "}", "}}");
            return true;
        case ExprKind::JoinedStr:
            return joined_str(static_cast<JoinedStr*>(e), is_format_spec, out);
        case ExprKind::FormattedValue:
            return formatted_value(static_cast<FormattedValue*>(e), out);
        default:
            return true;
        }
    }

    bool joined_str(JoinedStr* j, bool is_format_spec, std::string& out) {
        std::string body;
        for (Expr* v : j->values)
            if (!fstring_element(v, is_format_spec, body)) return false;
        if (is_format_spec) {
            out += body;
            return true;
        }
        Ref<> text = str_from_utf8(ts_, body);
        if (!text) return false;
        out += "f";
        return repr_of(text.get(), out);
    }

    bool formatted_value(FormattedValue* f, std::string& out) {
        // Above PR_TEST, so that a lambda's ':' is parenthesized.
        std::string value;
        if (!expr(f->value, PR_TEST + 1, value)) return false;
        out += value.rfind('{', 0) == 0 ? "{ " : "{";
        out += value;
        if (f->conversion == 'a') out += "!a";
        else if (f->conversion == 'r') out += "!r";
        else if (f->conversion == 's') out += "!s";
        if (f->format_spec) {
            out += ":";
            if (!fstring_element(f->format_spec, true, out)) return false;
        }
        out += "}";
        return true;
    }
};

bool Unparser::expr(Expr* e, int level, std::string& out) {
    auto open = [&](int pr) { if (level > pr) out += "("; };
    auto close = [&](int pr) { if (level > pr) out += ")"; };
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        int pr = b->op == BoolOpKind::And ? PR_AND : PR_OR;
        open(pr);
        for (std::size_t i = 0; i < b->values.size(); i++) {
            if (i) out += b->op == BoolOpKind::And ? " and " : " or ";
            if (!expr(b->values[i], pr + 1, out)) return false;
        }
        close(pr);
        return true;
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<BinOp*>(e);
        const char* op = "";
        int pr = PR_ARITH;
        switch (b->op) {
        case OperatorKind::Add: op = " + "; pr = PR_ARITH; break;
        case OperatorKind::Sub: op = " - "; pr = PR_ARITH; break;
        case OperatorKind::Mult: op = " * "; pr = PR_TERM; break;
        case OperatorKind::MatMult: op = " @ "; pr = PR_TERM; break;
        case OperatorKind::Div: op = " / "; pr = PR_TERM; break;
        case OperatorKind::Mod: op = " % "; pr = PR_TERM; break;
        case OperatorKind::FloorDiv: op = " // "; pr = PR_TERM; break;
        case OperatorKind::LShift: op = " << "; pr = PR_SHIFT; break;
        case OperatorKind::RShift: op = " >> "; pr = PR_SHIFT; break;
        case OperatorKind::BitOr: op = " | "; pr = PR_BOR; break;
        case OperatorKind::BitXor: op = " ^ "; pr = PR_BXOR; break;
        case OperatorKind::BitAnd: op = " & "; pr = PR_BAND; break;
        case OperatorKind::Pow: op = " ** "; pr = PR_POWER; break;
        }
        // ** groups to the right: its left operand needs the higher level.
        bool right_assoc = b->op == OperatorKind::Pow;
        open(pr);
        if (!expr(b->left, pr + (right_assoc ? 1 : 0), out)) return false;
        out += op;
        if (!expr(b->right, pr + (right_assoc ? 0 : 1), out)) return false;
        close(pr);
        return true;
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<UnaryOp*>(e);
        const char* op = "";
        int pr = PR_FACTOR;
        switch (u->op) {
        case UnaryOpKind::Invert: op = "~"; break;
        case UnaryOpKind::Not: op = "not "; pr = PR_NOT; break;
        case UnaryOpKind::UAdd: op = "+"; break;
        case UnaryOpKind::USub: op = "-"; break;
        }
        open(pr);
        out += op;
        if (!expr(u->operand, pr, out)) return false;
        close(pr);
        return true;
    }
    case ExprKind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        open(PR_TEST);
        out += l->args->args.empty() && l->args->posonlyargs.empty() ? "lambda" : "lambda ";
        if (!args(l->args, out)) return false;
        out += ": ";
        if (!expr(l->body, PR_TEST, out)) return false;
        close(PR_TEST);
        return true;
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        open(PR_TEST);
        if (!expr(i->body, PR_TEST + 1, out)) return false;
        out += " if ";
        if (!expr(i->test, PR_TEST + 1, out)) return false;
        out += " else ";
        if (!expr(i->orelse, PR_TEST, out)) return false;
        close(PR_TEST);
        return true;
    }
    case ExprKind::Dict: {
        auto* d = static_cast<Dict*>(e);
        out += "{";
        for (std::size_t i = 0; i < d->values.size(); i++) {
            if (i) out += ", ";
            if (d->keys[i]) {
                if (!expr(d->keys[i], PR_TEST, out)) return false;
                out += ": ";
                if (!expr(d->values[i], PR_TEST, out)) return false;
            } else {
                out += "**";
                if (!expr(d->values[i], PR_EXPR, out)) return false;
            }
        }
        out += "}";
        return true;
    }
    case ExprKind::Set:
        out += "{";
        if (!elements(static_cast<Set*>(e)->elts, out)) return false;
        out += "}";
        return true;
    case ExprKind::GeneratorExp: {
        auto* g = static_cast<GeneratorExp*>(e);
        out += "(";
        if (!expr(g->elt, PR_TEST, out) || !comprehensions(g->generators, out)) return false;
        out += ")";
        return true;
    }
    case ExprKind::ListComp: {
        auto* c = static_cast<ListComp*>(e);
        out += "[";
        if (!expr(c->elt, PR_TEST, out) || !comprehensions(c->generators, out)) return false;
        out += "]";
        return true;
    }
    case ExprKind::SetComp: {
        auto* c = static_cast<SetComp*>(e);
        out += "{";
        if (!expr(c->elt, PR_TEST, out) || !comprehensions(c->generators, out)) return false;
        out += "}";
        return true;
    }
    case ExprKind::DictComp: {
        auto* c = static_cast<DictComp*>(e);
        out += "{";
        if (!expr(c->key, PR_TEST, out)) return false;
        out += ": ";
        if (!expr(c->value, PR_TEST, out) || !comprehensions(c->generators, out)) return false;
        out += "}";
        return true;
    }
    case ExprKind::Yield: {
        auto* y = static_cast<Yield*>(e);
        if (!y->value) {
            out += "(yield)";
            return true;
        }
        out += "(yield ";
        if (!expr(y->value, PR_TEST, out)) return false;
        out += ")";
        return true;
    }
    case ExprKind::YieldFrom:
        out += "(yield from ";
        if (!expr(static_cast<YieldFrom*>(e)->value, PR_TEST, out)) return false;
        out += ")";
        return true;
    case ExprKind::Await:
        open(PR_AWAIT);
        out += "await ";
        if (!expr(static_cast<Await*>(e)->value, PR_ATOM, out)) return false;
        close(PR_AWAIT);
        return true;
    case ExprKind::Compare: {
        static const char* const ops[] = {" == ", " != ", " < ", " <= ", " > ", " >= ",
                                          " is ", " is not ", " in ", " not in "};
        auto* c = static_cast<Compare*>(e);
        open(PR_CMP);
        if (!expr(c->left, PR_CMP + 1, out)) return false;
        for (std::size_t i = 0; i < c->comparators.size(); i++) {
            out += ops[int(c->ops[i])];
            if (!expr(c->comparators[i], PR_CMP + 1, out)) return false;
        }
        close(PR_CMP);
        return true;
    }
    case ExprKind::Call: {
        auto* c = static_cast<Call*>(e);
        if (!expr(c->func, PR_ATOM, out)) return false;
        // f(x for x in y): the generator's parentheses are the call's.
        if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == ExprKind::GeneratorExp)
            return expr(c->args[0], PR_ATOM, out);
        out += "(";
        bool first = true;
        for (Expr* a : c->args) {
            if (!first) out += ", ";
            first = false;
            if (!expr(a, PR_TEST, out)) return false;
        }
        for (Keyword* k : c->keywords) {
            if (!first) out += ", ";
            first = false;
            out += k->arg.empty() ? "**" : k->arg + "=";
            if (!expr(k->value, PR_TEST, out)) return false;
        }
        out += ")";
        return true;
    }
    case ExprKind::Constant: {
        auto* c = static_cast<Constant*>(e);
        if (c->value.kind != AstConstant::Kind::Ellipsis) out += c->kind_prefix;
        return constant(c->value, out);
    }
    case ExprKind::JoinedStr:
        return joined_str(static_cast<JoinedStr*>(e), false, out);
    case ExprKind::FormattedValue:
        return formatted_value(static_cast<FormattedValue*>(e), out);
    case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(e);
        if (!expr(a->value, PR_ATOM, out)) return false;
        // 1 .real: an int literal followed by "." would read as a float.
        bool int_literal = a->value->kind == ExprKind::Constant &&
                           static_cast<Constant*>(a->value)->value.kind == AstConstant::Kind::Int;
        out += int_literal ? " ." : ".";
        out += a->attr;
        return true;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(e);
        if (!expr(s->value, PR_ATOM, out)) return false;
        out += "[";
        if (!expr(s->slice, PR_TUPLE, out)) return false;
        out += "]";
        return true;
    }
    case ExprKind::Starred:
        out += "*";
        return expr(static_cast<Starred*>(e)->value, PR_EXPR, out);
    case ExprKind::Slice: {
        auto* s = static_cast<Slice*>(e);
        if (s->lower && !expr(s->lower, PR_TEST, out)) return false;
        out += ":";
        if (s->upper && !expr(s->upper, PR_TEST, out)) return false;
        if (s->step) {
            out += ":";
            if (!expr(s->step, PR_TEST, out)) return false;
        }
        return true;
    }
    case ExprKind::Name:
        out += static_cast<Name*>(e)->id;
        return true;
    case ExprKind::List:
        out += "[";
        if (!elements(static_cast<List*>(e)->elts, out)) return false;
        out += "]";
        return true;
    case ExprKind::Tuple: {
        auto* t = static_cast<Tuple*>(e);
        if (t->elts.empty()) {
            out += "()";
            return true;
        }
        open(PR_TUPLE);
        if (!elements(t->elts, out)) return false;
        if (t->elts.size() == 1) out += ",";
        close(PR_TUPLE);
        return true;
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        open(PR_TUPLE);
        if (!expr(n->target, PR_ATOM, out)) return false;
        out += ":=";
        if (!expr(n->value, PR_ATOM, out)) return false;
        close(PR_TUPLE);
        return true;
    }
    }
    return true;
}

}  // namespace

Ref<> unparse_annotation(ThreadState* ts, Expr* e) {
    std::string text;
    Unparser u(ts);
    if (!u.expr(e, PR_TEST, text)) return nullptr;
    return str_from_utf8(ts, text);
}

}  // namespace gp
