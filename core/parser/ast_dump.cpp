// ast_dump.cpp — see ast_dump.h. Mirrors Lib/ast.py's dump(): fields in
// Python.asdl order, optional fields that are None left out, lists always
// shown, and with include_attributes the four position attributes last.
#include "parser/ast_dump.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gp::ast {

namespace {

// ---------------------------------------------------------------- reprs

// Decimal digits of an integer written in `base` (2, 8, 10 or 16).
std::string int_to_decimal(const std::string& digits, int base) {
    if (base == 10) {
        size_t i = 0;
        while (i + 1 < digits.size() && digits[i] == '0') ++i;
        return digits.substr(i);
    }
    std::vector<uint32_t> limbs{0};   // little-endian, base 1e9
    for (char c : digits) {
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
        uint64_t carry = static_cast<uint64_t>(d);
        for (uint32_t& limb : limbs) {
            uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
            limb = static_cast<uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    char buf[16];
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
        out += buf;
    }
    return out;
}

// repr(float): the shortest digits that round-trip, in Python's layout.
std::string float_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    // buf: [-]d[.ddd]e[+-]XX
    std::string s(buf);
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    size_t e = s.find('e');
    int exp = std::atoi(s.c_str() + e + 1);
    std::string digits;
    for (size_t i = 0; i < e; ++i)
        if (s[i] != '.') digits += s[i];
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out = neg ? "-" : "";
    if (exp >= -5 + 1 && exp < 16) {
        if (exp < 0) {
            out += "0.";
            out.append(static_cast<size_t>(-exp - 1), '0');
            out += digits;
        } else if (static_cast<int>(digits.size()) <= exp + 1) {
            out += digits;
            out.append(static_cast<size_t>(exp + 1 - static_cast<int>(digits.size())), '0');
            out += ".0";
        } else {
            out += digits.substr(0, static_cast<size_t>(exp + 1));
            out += '.';
            out += digits.substr(static_cast<size_t>(exp + 1));
        }
        return out;
    }
    out += digits[0];
    if (digits.size() > 1) {
        out += '.';
        out += digits.substr(1);
    }
    std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += buf;
    return out;
}

// Decodes one UTF-8 code point at s[i]; advances i.
uint32_t next_code_point(const std::string& s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<size_t>(n);
    return cp;
}

// An approximation of str.isprintable() for non-ASCII code points.
bool printable(uint32_t cp) {
    if (cp < 0xA1) return false;   // C1 controls and NO-BREAK SPACE (Zs)
    if (cp == 0xAD) return false;  // SOFT HYPHEN (Cf)
    if (cp >= 0x2000 && cp <= 0x200F) return false;   // spaces and format characters
    if (cp >= 0x2028 && cp <= 0x202F) return false;
    if (cp >= 0x205F && cp <= 0x206F) return false;
    if (cp == 0x3000 || cp == 0xFEFF) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;   // private use
    if ((cp & 0xFFFE) == 0xFFFE) return false;
    return cp <= 0x10FFFF;
}

std::string str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = next_code_point(s, i);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x7F) {
            out += static_cast<char>(cp);
        } else if (printable(cp)) {
            // copy the UTF-8 bytes
            size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            out.append(s, i - n, n);
        } else if (cp < 0x100) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        }
    }
    out += quote;
    return out;
}

std::string bytes_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    char buf[8];
    for (unsigned char c : s) {
        if (c == quote || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

// ---------------------------------------------------------------- dumper

const char* ctx_name(ExprContext c) {
    switch (c) {
    case ExprContext::Load: return "Load()";
    case ExprContext::Store: return "Store()";
    case ExprContext::Del: return "Del()";
    }
    return "Load()";
}

const char* op_name(OperatorKind op) {
    static const char* const names[] = {"Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()",
                                        "LShift()", "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"};
    return names[static_cast<int>(op)];
}

const char* unary_name(UnaryOpKind op) {
    static const char* const names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
    return names[static_cast<int>(op)];
}

const char* cmp_name(CmpOpKind op) {
    static const char* const names[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()",
                                        "Is()", "IsNot()", "In()", "NotIn()"};
    return names[static_cast<int>(op)];
}

// Builds "Name(field=value, ...)" one field at a time.
class Dumper {
public:
    explicit Dumper(bool attrs) : attrs_(attrs) {}
    std::string out;

    void mod(const Mod* m) {
        switch (m->kind) {
        case ModKind::Module:
            out += "Module(body=";
            stmts(m->body);
            out += ", type_ignores=[])";
            break;
        case ModKind::Interactive:
            out += "Interactive(body=";
            stmts(m->body);
            out += ")";
            break;
        case ModKind::Expression:
            out += "Expression(body=";
            expr(m->expr);
            out += ")";
            break;
        }
    }

    void stmts(const std::vector<Stmt*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            stmt(v[i]);
        }
        out += ']';
    }
    void exprs(const std::vector<Expr*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            if (v[i]) expr(v[i]);
            else out += "None";
        }
        out += ']';
    }
    void str(const std::string& s) { out += str_repr(s); }
    void names(const std::vector<std::string>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            str(v[i]);
        }
        out += ']';
    }
    void field(const char* name) {
        if (out.back() != '(') out += ", ";
        out += name;
        out += '=';
    }
    void opt_expr(const char* name, const Expr* e) {
        if (!e) return;
        field(name);
        expr(e);
    }
    void end(const Node* n) {
        if (attrs_) {
            field("lineno");
            out += std::to_string(n->lineno);
            field("col_offset");
            out += std::to_string(n->col_offset);
            field("end_lineno");
            out += std::to_string(n->end_lineno);
            field("end_col_offset");
            out += std::to_string(n->end_col_offset);
        }
        out += ')';
    }

    void arg(const Arg* a) {
        out += "arg(";
        field("arg");
        str(a->arg);
        opt_expr("annotation", a->annotation);
        end(a);
    }
    void args_list(const std::vector<Arg*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            arg(v[i]);
        }
        out += ']';
    }
    void arguments(const Arguments* a) {
        out += "arguments(";
        field("posonlyargs");
        args_list(a->posonlyargs);
        field("args");
        args_list(a->args);
        if (a->vararg) {
            field("vararg");
            arg(a->vararg);
        }
        field("kwonlyargs");
        args_list(a->kwonlyargs);
        field("kw_defaults");
        exprs(a->kw_defaults);
        if (a->kwarg) {
            field("kwarg");
            arg(a->kwarg);
        }
        field("defaults");
        exprs(a->defaults);
        out += ')';
    }
    void keywords(const std::vector<Keyword*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            out += "keyword(";
            if (!v[i]->arg.empty()) {
                field("arg");
                str(v[i]->arg);
            }
            field("value");
            expr(v[i]->value);
            end(v[i]);
        }
        out += ']';
    }
    void aliases(const std::vector<Alias*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            out += "alias(";
            field("name");
            str(v[i]->name);
            if (!v[i]->asname.empty()) {
                field("asname");
                str(v[i]->asname);
            }
            end(v[i]);
        }
        out += ']';
    }
    void comprehensions(const std::vector<Comprehension*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            out += "comprehension(";
            field("target");
            expr(v[i]->target);
            field("iter");
            expr(v[i]->iter);
            field("ifs");
            exprs(v[i]->ifs);
            field("is_async");
            out += v[i]->is_async ? "1" : "0";
            out += ')';
        }
        out += ']';
    }
    void generators_node(const char* name, const Expr* elt, const std::vector<Comprehension*>& gens,
                         const Node* n) {
        out += name;
        out += '(';
        field("elt");
        expr(elt);
        field("generators");
        comprehensions(gens);
        end(n);
    }

    void expr(const Expr* e) {
        switch (e->kind) {
        case ExprKind::BoolOp: {
            auto* x = static_cast<const BoolOp*>(e);
            out += "BoolOp(";
            field("op");
            out += x->op == BoolOpKind::And ? "And()" : "Or()";
            field("values");
            exprs(x->values);
            break;
        }
        case ExprKind::NamedExpr: {
            auto* x = static_cast<const NamedExpr*>(e);
            out += "NamedExpr(";
            field("target");
            expr(x->target);
            field("value");
            expr(x->value);
            break;
        }
        case ExprKind::BinOp: {
            auto* x = static_cast<const BinOp*>(e);
            out += "BinOp(";
            field("left");
            expr(x->left);
            field("op");
            out += op_name(x->op);
            field("right");
            expr(x->right);
            break;
        }
        case ExprKind::UnaryOp: {
            auto* x = static_cast<const UnaryOp*>(e);
            out += "UnaryOp(";
            field("op");
            out += unary_name(x->op);
            field("operand");
            expr(x->operand);
            break;
        }
        case ExprKind::Lambda: {
            auto* x = static_cast<const Lambda*>(e);
            out += "Lambda(";
            field("args");
            arguments(x->args);
            field("body");
            expr(x->body);
            break;
        }
        case ExprKind::IfExp: {
            auto* x = static_cast<const IfExp*>(e);
            out += "IfExp(";
            field("test");
            expr(x->test);
            field("body");
            expr(x->body);
            field("orelse");
            expr(x->orelse);
            break;
        }
        case ExprKind::Dict: {
            auto* x = static_cast<const Dict*>(e);
            out += "Dict(";
            field("keys");
            exprs(x->keys);
            field("values");
            exprs(x->values);
            break;
        }
        case ExprKind::Set: {
            out += "Set(";
            field("elts");
            exprs(static_cast<const Set*>(e)->elts);
            break;
        }
        case ExprKind::ListComp: {
            auto* x = static_cast<const ListComp*>(e);
            generators_node("ListComp", x->elt, x->generators, e);
            return;
        }
        case ExprKind::SetComp: {
            auto* x = static_cast<const SetComp*>(e);
            generators_node("SetComp", x->elt, x->generators, e);
            return;
        }
        case ExprKind::GeneratorExp: {
            auto* x = static_cast<const GeneratorExp*>(e);
            generators_node("GeneratorExp", x->elt, x->generators, e);
            return;
        }
        case ExprKind::DictComp: {
            auto* x = static_cast<const DictComp*>(e);
            out += "DictComp(";
            field("key");
            expr(x->key);
            field("value");
            expr(x->value);
            field("generators");
            comprehensions(x->generators);
            break;
        }
        case ExprKind::Await:
            out += "Await(";
            field("value");
            expr(static_cast<const Await*>(e)->value);
            break;
        case ExprKind::Yield:
            out += "Yield(";
            opt_expr("value", static_cast<const Yield*>(e)->value);
            break;
        case ExprKind::YieldFrom:
            out += "YieldFrom(";
            field("value");
            expr(static_cast<const YieldFrom*>(e)->value);
            break;
        case ExprKind::Compare: {
            auto* x = static_cast<const Compare*>(e);
            out += "Compare(";
            field("left");
            expr(x->left);
            field("ops");
            out += '[';
            for (size_t i = 0; i < x->ops.size(); ++i) {
                if (i) out += ", ";
                out += cmp_name(x->ops[i]);
            }
            out += ']';
            field("comparators");
            exprs(x->comparators);
            break;
        }
        case ExprKind::Call: {
            auto* x = static_cast<const Call*>(e);
            out += "Call(";
            field("func");
            expr(x->func);
            field("args");
            exprs(x->args);
            field("keywords");
            keywords(x->keywords);
            break;
        }
        case ExprKind::FormattedValue: {
            auto* x = static_cast<const FormattedValue*>(e);
            out += "FormattedValue(";
            field("value");
            expr(x->value);
            field("conversion");
            out += std::to_string(x->conversion);
            opt_expr("format_spec", x->format_spec);
            break;
        }
        case ExprKind::JoinedStr:
            out += "JoinedStr(";
            field("values");
            exprs(static_cast<const JoinedStr*>(e)->values);
            break;
        case ExprKind::Constant: {
            auto* x = static_cast<const Constant*>(e);
            out += "Constant(";
            field("value");
            out += constant_repr(x->value);
            if (!x->kind_prefix.empty()) {
                field("kind");
                str(x->kind_prefix);
            }
            break;
        }
        case ExprKind::Attribute: {
            auto* x = static_cast<const Attribute*>(e);
            out += "Attribute(";
            field("value");
            expr(x->value);
            field("attr");
            str(x->attr);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::Subscript: {
            auto* x = static_cast<const Subscript*>(e);
            out += "Subscript(";
            field("value");
            expr(x->value);
            field("slice");
            expr(x->slice);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::Starred: {
            auto* x = static_cast<const Starred*>(e);
            out += "Starred(";
            field("value");
            expr(x->value);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::Name: {
            auto* x = static_cast<const Name*>(e);
            out += "Name(";
            field("id");
            str(x->id);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::List: {
            auto* x = static_cast<const List*>(e);
            out += "List(";
            field("elts");
            exprs(x->elts);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::Tuple: {
            auto* x = static_cast<const Tuple*>(e);
            out += "Tuple(";
            field("elts");
            exprs(x->elts);
            field("ctx");
            out += ctx_name(x->ctx);
            break;
        }
        case ExprKind::Slice: {
            auto* x = static_cast<const Slice*>(e);
            out += "Slice(";
            opt_expr("lower", x->lower);
            opt_expr("upper", x->upper);
            opt_expr("step", x->step);
            break;
        }
        }
        end(e);
    }

    void pattern(const Pattern* p) {
        switch (p->kind) {
        case PatternKind::MatchValue:
            out += "MatchValue(";
            field("value");
            expr(static_cast<const MatchValue*>(p)->value);
            break;
        case PatternKind::MatchSingleton:
            out += "MatchSingleton(";
            field("value");
            out += constant_repr(static_cast<const MatchSingleton*>(p)->value);
            break;
        case PatternKind::MatchSequence:
            out += "MatchSequence(";
            field("patterns");
            patterns(static_cast<const MatchSequence*>(p)->patterns);
            break;
        case PatternKind::MatchMapping: {
            auto* x = static_cast<const MatchMapping*>(p);
            out += "MatchMapping(";
            field("keys");
            exprs(x->keys);
            field("patterns");
            patterns(x->patterns);
            if (x->has_rest) {
                field("rest");
                str(x->rest);
            }
            break;
        }
        case PatternKind::MatchClass: {
            auto* x = static_cast<const MatchClass*>(p);
            out += "MatchClass(";
            field("cls");
            expr(x->cls);
            field("patterns");
            patterns(x->patterns);
            field("kwd_attrs");
            names(x->kwd_attrs);
            field("kwd_patterns");
            patterns(x->kwd_patterns);
            break;
        }
        case PatternKind::MatchStar: {
            auto* x = static_cast<const MatchStar*>(p);
            out += "MatchStar(";
            if (!x->name.empty()) {
                field("name");
                str(x->name);
            }
            break;
        }
        case PatternKind::MatchAs: {
            auto* x = static_cast<const MatchAs*>(p);
            out += "MatchAs(";
            if (x->pattern) {
                field("pattern");
                pattern(x->pattern);
            }
            if (!x->name.empty()) {
                field("name");
                str(x->name);
            }
            break;
        }
        case PatternKind::MatchOr:
            out += "MatchOr(";
            field("patterns");
            patterns(static_cast<const MatchOr*>(p)->patterns);
            break;
        }
        end(p);
    }
    void patterns(const std::vector<Pattern*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            pattern(v[i]);
        }
        out += ']';
    }

    void withitems(const std::vector<WithItem*>& v) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ", ";
            out += "withitem(";
            field("context_expr");
            expr(v[i]->context_expr);
            opt_expr("optional_vars", v[i]->optional_vars);
            out += ')';
        }
        out += ']';
    }

    void stmt(const Stmt* s) {
        switch (s->kind) {
        case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
            auto* x = static_cast<const FunctionDef*>(s);
            out += s->kind == StmtKind::FunctionDef ? "FunctionDef(" : "AsyncFunctionDef(";
            field("name");
            str(x->name);
            field("args");
            arguments(x->args);
            field("body");
            stmts(x->body);
            field("decorator_list");
            exprs(x->decorator_list);
            opt_expr("returns", x->returns);
            break;
        }
        case StmtKind::ClassDef: {
            auto* x = static_cast<const ClassDef*>(s);
            out += "ClassDef(";
            field("name");
            str(x->name);
            field("bases");
            exprs(x->bases);
            field("keywords");
            keywords(x->keywords);
            field("body");
            stmts(x->body);
            field("decorator_list");
            exprs(x->decorator_list);
            break;
        }
        case StmtKind::Return:
            out += "Return(";
            opt_expr("value", static_cast<const Return*>(s)->value);
            break;
        case StmtKind::Delete:
            out += "Delete(";
            field("targets");
            exprs(static_cast<const Delete*>(s)->targets);
            break;
        case StmtKind::Assign: {
            auto* x = static_cast<const Assign*>(s);
            out += "Assign(";
            field("targets");
            exprs(x->targets);
            field("value");
            expr(x->value);
            break;
        }
        case StmtKind::AugAssign: {
            auto* x = static_cast<const AugAssign*>(s);
            out += "AugAssign(";
            field("target");
            expr(x->target);
            field("op");
            out += op_name(x->op);
            field("value");
            expr(x->value);
            break;
        }
        case StmtKind::AnnAssign: {
            auto* x = static_cast<const AnnAssign*>(s);
            out += "AnnAssign(";
            field("target");
            expr(x->target);
            field("annotation");
            expr(x->annotation);
            opt_expr("value", x->value);
            field("simple");
            out += x->simple ? "1" : "0";
            break;
        }
        case StmtKind::For: case StmtKind::AsyncFor: {
            auto* x = static_cast<const For*>(s);
            out += s->kind == StmtKind::For ? "For(" : "AsyncFor(";
            field("target");
            expr(x->target);
            field("iter");
            expr(x->iter);
            field("body");
            stmts(x->body);
            field("orelse");
            stmts(x->orelse);
            break;
        }
        case StmtKind::While: {
            auto* x = static_cast<const While*>(s);
            out += "While(";
            field("test");
            expr(x->test);
            field("body");
            stmts(x->body);
            field("orelse");
            stmts(x->orelse);
            break;
        }
        case StmtKind::If: {
            auto* x = static_cast<const If*>(s);
            out += "If(";
            field("test");
            expr(x->test);
            field("body");
            stmts(x->body);
            field("orelse");
            stmts(x->orelse);
            break;
        }
        case StmtKind::With: case StmtKind::AsyncWith: {
            auto* x = static_cast<const With*>(s);
            out += s->kind == StmtKind::With ? "With(" : "AsyncWith(";
            field("items");
            withitems(x->items);
            field("body");
            stmts(x->body);
            break;
        }
        case StmtKind::Match: {
            auto* x = static_cast<const Match*>(s);
            out += "Match(";
            field("subject");
            expr(x->subject);
            field("cases");
            out += '[';
            for (size_t i = 0; i < x->cases.size(); ++i) {
                if (i) out += ", ";
                const MatchCase* c = x->cases[i];
                out += "match_case(";
                field("pattern");
                pattern(c->pattern);
                opt_expr("guard", c->guard);
                field("body");
                stmts(c->body);
                out += ')';
            }
            out += ']';
            break;
        }
        case StmtKind::Raise: {
            auto* x = static_cast<const Raise*>(s);
            out += "Raise(";
            opt_expr("exc", x->exc);
            opt_expr("cause", x->cause);
            break;
        }
        case StmtKind::Try: case StmtKind::TryStar: {
            auto* x = static_cast<const Try*>(s);
            out += s->kind == StmtKind::Try ? "Try(" : "TryStar(";
            field("body");
            stmts(x->body);
            field("handlers");
            out += '[';
            for (size_t i = 0; i < x->handlers.size(); ++i) {
                if (i) out += ", ";
                const ExceptHandler* h = x->handlers[i];
                out += "ExceptHandler(";
                opt_expr("type", h->type);
                if (!h->name.empty()) {
                    field("name");
                    str(h->name);
                }
                field("body");
                stmts(h->body);
                end(h);
            }
            out += ']';
            field("orelse");
            stmts(x->orelse);
            field("finalbody");
            stmts(x->finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto* x = static_cast<const Assert*>(s);
            out += "Assert(";
            field("test");
            expr(x->test);
            opt_expr("msg", x->msg);
            break;
        }
        case StmtKind::Import:
            out += "Import(";
            field("names");
            aliases(static_cast<const Import*>(s)->names);
            break;
        case StmtKind::ImportFrom: {
            auto* x = static_cast<const ImportFrom*>(s);
            out += "ImportFrom(";
            if (!x->module.empty()) {
                field("module");
                str(x->module);
            }
            field("names");
            aliases(x->names);
            field("level");
            out += std::to_string(x->level);
            break;
        }
        case StmtKind::Global:
            out += "Global(";
            field("names");
            names(static_cast<const Global*>(s)->names);
            break;
        case StmtKind::Nonlocal:
            out += "Nonlocal(";
            field("names");
            names(static_cast<const Nonlocal*>(s)->names);
            break;
        case StmtKind::Expr:
            out += "Expr(";
            field("value");
            expr(static_cast<const ExprStmt*>(s)->value);
            break;
        case StmtKind::Pass: out += "Pass("; break;
        case StmtKind::Break: out += "Break("; break;
        case StmtKind::Continue: out += "Continue("; break;
        }
        end(s);
    }

private:
    bool attrs_;
};

}  // namespace

std::string constant_repr(const AstConstant& v) {
    switch (v.kind) {
    case AstConstant::Kind::None: return "None";
    case AstConstant::Kind::True: return "True";
    case AstConstant::Kind::False: return "False";
    case AstConstant::Kind::Ellipsis: return "Ellipsis";
    case AstConstant::Kind::Int: return int_to_decimal(v.text, v.base);
    case AstConstant::Kind::Float: return float_repr(v.number);
    case AstConstant::Kind::Complex: {
        std::string s = float_repr(v.number);
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        return s + "j";
    }
    case AstConstant::Kind::Str: return str_repr(v.text);
    case AstConstant::Kind::Bytes: return bytes_repr(v.text);
    }
    return "None";
}

std::string dump(const Mod* mod, bool include_attributes) {
    Dumper d(include_attributes);
    d.mod(mod);
    return std::move(d.out);
}

std::string dump(const Expr* expr, bool include_attributes) {
    Dumper d(include_attributes);
    d.expr(expr);
    return std::move(d.out);
}

std::string dump(const Stmt* stmt, bool include_attributes) {
    Dumper d(include_attributes);
    d.stmt(stmt);
    return std::move(d.out);
}

}  // namespace gp::ast
