// ast_from_object.cpp — compile() of an `ast` tree: the Python node objects
// of core/lib/ast.py are read back into the parser's C++ tree (parser/ast.h),
// which then goes through the symbol table and the compiler like parsed
// source, so line numbers in tracebacks are the tree's own.
//
// Mirrors the obj2ast_* half of CPython 3.11's Python/Python-ast.c: a missing
// required field raises TypeError('required field "x" missing from Node'), a
// wrong kind of node raises TypeError('expected some sort of expr, but got
// <...>'), optional fields may be absent or None.
#include "compiler/compiler.h"

#include <cmath>
#include <initializer_list>

#include "compiler/symtable.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

using namespace ast;

namespace {

class TreeReader {
public:
    TreeReader(ThreadState* ts, AstArena& arena) : ts_(ts), arena_(arena) {}

    Mod* mod(Object* o, ParseMode mode) {
        std::string kind = kind_of(o);
        Mod* m = arena_.make<Mod>();
        if (kind == "Module" && mode == ParseMode::Exec) {
            m->kind = ModKind::Module;
            return stmts(o, "body", "Module", m->body) ? m : nullptr;
        }
        if (kind == "Interactive" && mode == ParseMode::Single) {
            m->kind = ModKind::Interactive;
            return stmts(o, "body", "Interactive", m->body) ? m : nullptr;
        }
        if (kind == "Expression" && mode == ParseMode::Eval) {
            m->kind = ModKind::Expression;
            return (m->expr = expr_field(o, "body", "Expression")) ? m : nullptr;
        }
        const char* want = mode == ParseMode::Exec ? "Module" : mode == ParseMode::Eval ? "Expression" : "Interactive";
        fail("expected " + std::string(want) + " node, got " + kind);
        return nullptr;
    }

private:
    // ------------------------------------------------------------ fields

    // The field's value (new reference); null without an error when absent.
    Ref<> field(Object* o, const char* name) {
        Ref<> v = object_getattr_cstr(ts_, o, name);
        if (!v && error_matches(ts_, ts_->interp->exc.AttributeError)) error_clear(ts_);
        return v;
    }
    // A required field; raises when absent or None.
    Ref<> required(Object* o, const char* name, const std::string& owner) {
        Ref<> v = field(o, name);
        if (error_occurred(ts_)) return nullptr;
        if (!v || v.get() == ts_->interp->None) {
            fail("required field \"" + std::string(name) + "\" missing from " + owner);
            return nullptr;
        }
        return v;
    }
    bool is_none(Object* v) { return !v || v == ts_->interp->None; }

    void fail(const std::string& msg) {
        if (!error_occurred(ts_)) raise(ts_, ts_->interp->exc.TypeError, msg);
    }
    void fail_value(const std::string& msg) {
        if (!error_occurred(ts_)) raise(ts_, ts_->interp->exc.ValueError, msg);
    }

    std::string kind_of(Object* o) { return std::string(type_of(o)->tp_name); }

    std::string repr_of(Object* o) {
        Ref<> r = object_repr(ts_, o);
        if (!r) {
            error_clear(ts_);
            return "?";
        }
        return std::string(str_utf8(r.get()));
    }

    bool position(Object* o, Node* n, const std::string& owner) {
        int64_t v;
        Ref<> line = required(o, "lineno", owner);
        if (!line || !to_int(line.get(), "lineno", owner, &v)) return false;
        n->lineno = static_cast<int>(v);
        Ref<> col = required(o, "col_offset", owner);
        if (!col || !to_int(col.get(), "col_offset", owner, &v)) return false;
        n->col_offset = static_cast<int>(v);
        n->end_lineno = n->lineno;
        n->end_col_offset = n->col_offset;
        Ref<> end_line = field(o, "end_lineno");
        if (error_occurred(ts_)) return false;
        if (!is_none(end_line.get())) {
            if (!to_int(end_line.get(), "end_lineno", owner, &v)) return false;
            n->end_lineno = static_cast<int>(v);
        }
        Ref<> end_col = field(o, "end_col_offset");
        if (error_occurred(ts_)) return false;
        if (!is_none(end_col.get())) {
            if (!to_int(end_col.get(), "end_col_offset", owner, &v)) return false;
            n->end_col_offset = static_cast<int>(v);
        }
        return true;
    }

    bool to_int(Object* v, const char* name, const std::string& owner, int64_t* out) {
        if (!is_int(v) || !int_as_i64(v, out)) {
            fail("invalid integer value in field \"" + std::string(name) + "\" of " + owner + ": " + repr_of(v));
            return false;
        }
        return true;
    }
    bool int_field(Object* o, const char* name, const std::string& owner, int64_t* out, bool optional = false) {
        Ref<> v = optional ? field(o, name) : required(o, name, owner);
        if (error_occurred(ts_)) return false;
        if (optional && is_none(v.get())) {
            *out = 0;
            return true;
        }
        return v && to_int(v.get(), name, owner, out);
    }
    bool identifier(Object* v, const char* name, const std::string& owner, std::string* out) {
        if (!is_str(v)) {
            fail("AST identifier must be of type str");
            (void)name;
            (void)owner;
            return false;
        }
        *out = std::string(str_utf8(v));
        return true;
    }
    bool ident_field(Object* o, const char* name, const std::string& owner, std::string* out, bool optional = false) {
        Ref<> v = optional ? field(o, name) : required(o, name, owner);
        if (error_occurred(ts_)) return false;
        if (optional && is_none(v.get())) {
            out->clear();
            return true;
        }
        return v && identifier(v.get(), name, owner, out);
    }

    // A list field: calls each(item) for every element.
    template <class F>
    bool list_field(Object* o, const char* name, const std::string& owner, F each) {
        Ref<> v = required(o, name, owner);
        if (!v) return false;
        if (!is_list(v.get())) {
            fail(owner + " field \"" + name + "\" must be a list, not a " + std::string(type_of(v.get())->tp_name));
            return false;
        }
        ListObject* list = as_list(v.get());
        for (isize i = 0; i < list->ob_size; i++) {
            Ref<> item = newref(list->ob_item[i]);
            if (!each(item.get())) return false;
            if (list->ob_size != 0 && i >= list->ob_size) break;
        }
        return true;
    }

    bool stmts(Object* o, const char* name, const std::string& owner, std::vector<Stmt*>& out) {
        return list_field(o, name, owner, [&](Object* item) {
            Stmt* s = stmt(item);
            if (s) out.push_back(s);
            return s != nullptr;
        });
    }
    bool exprs(Object* o, const char* name, const std::string& owner, std::vector<Expr*>& out,
               bool allow_none = false) {
        return list_field(o, name, owner, [&](Object* item) {
            if (allow_none && item == ts_->interp->None) {
                out.push_back(nullptr);
                return true;
            }
            Expr* e = expr(item);
            if (e) out.push_back(e);
            return e != nullptr;
        });
    }
    bool identifiers(Object* o, const char* name, const std::string& owner, std::vector<std::string>& out) {
        return list_field(o, name, owner, [&](Object* item) {
            std::string s;
            if (!identifier(item, name, owner, &s)) return false;
            out.push_back(std::move(s));
            return true;
        });
    }
    Expr* expr_field(Object* o, const char* name, const std::string& owner) {
        Ref<> v = required(o, name, owner);
        return v ? expr(v.get()) : nullptr;
    }
    // An optional expression: null and no error when absent.
    bool opt_expr(Object* o, const char* name, Expr** out) {
        Ref<> v = field(o, name);
        if (error_occurred(ts_)) return false;
        *out = nullptr;
        if (is_none(v.get())) return true;
        *out = expr(v.get());
        return *out != nullptr;
    }

    bool context(Object* o, const std::string& owner, ExprContext* out) {
        Ref<> v = required(o, "ctx", owner);
        if (!v) return false;
        std::string k = kind_of(v.get());
        if (k == "Load") *out = ExprContext::Load;
        else if (k == "Store") *out = ExprContext::Store;
        else if (k == "Del") *out = ExprContext::Del;
        else {
            fail("expected some sort of expr_context, but got " + repr_of(v.get()));
            return false;
        }
        return true;
    }

    bool operator_kind(Object* v, OperatorKind* out) {
        static const char* const names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                            "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
        std::string k = kind_of(v);
        for (int i = 0; i < 13; i++)
            if (k == names[i]) {
                *out = static_cast<OperatorKind>(i);
                return true;
            }
        fail("expected some sort of operator, but got " + repr_of(v));
        return false;
    }

    // A constant's value in the parser's form.
    bool constant(Object* v, AstConstant* out) {
        Interpreter& in = *ts_->interp;
        if (v == in.None) out->kind = AstConstant::Kind::None;
        else if (v == in.True) out->kind = AstConstant::Kind::True;
        else if (v == in.False) out->kind = AstConstant::Kind::False;
        else if (v == in.Ellipsis) out->kind = AstConstant::Kind::Ellipsis;
        else if (is_int(v)) {
            Ref<> r = object_repr(ts_, v);
            if (!r) return false;
            std::string digits(str_utf8(r.get()));
            if (!digits.empty() && digits[0] == '-') {
                // The parser never makes a negative literal; the compiler's
                // int conversion takes digits only, so keep the sign apart.
                fail_value("glasspy cannot compile a negative int Constant; use UnaryOp(USub(), Constant(...))");
                return false;
            }
            out->kind = AstConstant::Kind::Int;
            out->text = digits;
            out->base = 10;
        } else if (is_float(v)) {
            out->kind = AstConstant::Kind::Float;
            out->number = static_cast<FloatObject*>(v)->ob_fval;
        } else if (is_complex(v)) {
            auto* c = static_cast<ComplexObject*>(v);
            if (c->real != 0.0 || std::signbit(c->real)) {
                fail_value("glasspy cannot compile a complex Constant with a real part");
                return false;
            }
            out->kind = AstConstant::Kind::Complex;
            out->number = c->imag;
        } else if (is_str(v)) {
            out->kind = AstConstant::Kind::Str;
            out->text = std::string(str_utf8(v));
        } else if (is_bytes(v)) {
            out->kind = AstConstant::Kind::Bytes;
            out->text = std::string(bytes_view(v));
        } else {
            fail("got an invalid type in Constant: " + std::string(type_of(v)->tp_name));
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------ helpers

    Arg* arg(Object* o) {
        std::string k = kind_of(o);
        if (k != "arg") {
            fail("expected some sort of arg, but got " + repr_of(o));
            return nullptr;
        }
        Arg* a = arena_.make<Arg>();
        if (!ident_field(o, "arg", k, &a->arg) || !opt_expr(o, "annotation", &a->annotation) || !position(o, a, k))
            return nullptr;
        return a;
    }
    bool args_list(Object* o, const char* name, std::vector<Arg*>& out) {
        return list_field(o, name, "arguments", [&](Object* item) {
            Arg* a = arg(item);
            if (a) out.push_back(a);
            return a != nullptr;
        });
    }
    bool opt_arg(Object* o, const char* name, Arg** out) {
        Ref<> v = field(o, name);
        if (error_occurred(ts_)) return false;
        *out = nullptr;
        if (is_none(v.get())) return true;
        return (*out = arg(v.get())) != nullptr;
    }
    Arguments* arguments(Object* o) {
        if (kind_of(o) != "arguments") {
            fail("expected some sort of arguments, but got " + repr_of(o));
            return nullptr;
        }
        Arguments* a = arena_.make<Arguments>();
        if (!args_list(o, "posonlyargs", a->posonlyargs) || !args_list(o, "args", a->args) ||
            !opt_arg(o, "vararg", &a->vararg) || !args_list(o, "kwonlyargs", a->kwonlyargs) ||
            !exprs(o, "kw_defaults", "arguments", a->kw_defaults, true) || !opt_arg(o, "kwarg", &a->kwarg) ||
            !exprs(o, "defaults", "arguments", a->defaults))
            return nullptr;
        if (a->kw_defaults.size() != a->kwonlyargs.size()) {
            fail_value("length of kwonlyargs is not the same as kw_defaults on arguments");
            return nullptr;
        }
        if (a->defaults.size() > a->posonlyargs.size() + a->args.size()) {
            fail_value("more positional defaults than args on arguments");
            return nullptr;
        }
        return a;
    }
    Arguments* arguments_field(Object* o, const std::string& owner) {
        Ref<> v = required(o, "args", owner);
        return v ? arguments(v.get()) : nullptr;
    }
    bool keywords(Object* o, const std::string& owner, std::vector<Keyword*>& out) {
        return list_field(o, "keywords", owner, [&](Object* item) {
            std::string k = kind_of(item);
            if (k != "keyword") {
                fail("expected some sort of keyword, but got " + repr_of(item));
                return false;
            }
            Keyword* kw = arena_.make<Keyword>();
            if (!ident_field(item, "arg", k, &kw->arg, true) || !(kw->value = expr_field(item, "value", k)) ||
                !position(item, kw, k))
                return false;
            out.push_back(kw);
            return true;
        });
    }
    bool aliases(Object* o, const std::string& owner, std::vector<Alias*>& out) {
        return list_field(o, "names", owner, [&](Object* item) {
            std::string k = kind_of(item);
            if (k != "alias") {
                fail("expected some sort of alias, but got " + repr_of(item));
                return false;
            }
            Alias* a = arena_.make<Alias>();
            if (!ident_field(item, "name", k, &a->name) || !ident_field(item, "asname", k, &a->asname, true) ||
                !position(item, a, k))
                return false;
            out.push_back(a);
            return true;
        });
    }
    bool comprehensions(Object* o, const std::string& owner, std::vector<Comprehension*>& out) {
        return list_field(o, "generators", owner, [&](Object* item) {
            std::string k = kind_of(item);
            if (k != "comprehension") {
                fail("expected some sort of comprehension, but got " + repr_of(item));
                return false;
            }
            Comprehension* c = arena_.make<Comprehension>();
            int64_t is_async = 0;
            if (!(c->target = expr_field(item, "target", k)) || !(c->iter = expr_field(item, "iter", k)) ||
                !exprs(item, "ifs", k, c->ifs) || !int_field(item, "is_async", k, &is_async))
                return false;
            c->is_async = is_async != 0;
            out.push_back(c);
            return true;
        });
    }

    // ------------------------------------------------------------ expressions

    // Sum types read their position attributes first, named after the sum
    // ("required field "lineno" missing from expr"), then their fields.
    Expr* expr(Object* o) {
        std::string k = kind_of(o);
        Node where;
        if (!is_expr_kind(k)) {
            fail("expected some sort of expr, but got " + repr_of(o));
            return nullptr;
        }
        if (!position(o, &where, "expr")) return nullptr;
        Expr* e = expr_body(o, k);
        if (!e) {
            if (!error_occurred(ts_)) fail("expected some sort of expr, but got " + repr_of(o));
            return nullptr;
        }
        copy_position(where, e);
        return e;
    }

    static void copy_position(const Node& from, Node* to) {
        to->lineno = from.lineno;
        to->col_offset = from.col_offset;
        to->end_lineno = from.end_lineno;
        to->end_col_offset = from.end_col_offset;
    }

    static bool in_list(const std::string& k, std::initializer_list<const char*> names) {
        for (const char* n : names)
            if (k == n) return true;
        return false;
    }
    static bool is_expr_kind(const std::string& k) {
        return in_list(k, {"BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
                           "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
                           "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
                           "List", "Tuple", "Slice"});
    }
    static bool is_stmt_kind(const std::string& k) {
        return in_list(k, {"FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
                           "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Match", "Raise", "Try",
                           "TryStar", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break",
                           "Continue"});
    }
    static bool is_pattern_kind(const std::string& k) {
        return in_list(k, {"MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass", "MatchStar",
                           "MatchAs", "MatchOr"});
    }

    Expr* expr_body(Object* o, const std::string& k) {
        if (k == "Name") {
            auto* n = arena_.make<Name>();
            return ident_field(o, "id", k, &n->id) && context(o, k, &n->ctx) ? n : nullptr;
        }
        if (k == "Constant") {
            auto* c = arena_.make<Constant>();
            Ref<> v = field(o, "value");
            if (error_occurred(ts_)) return nullptr;
            if (!v) {
                fail("required field \"value\" missing from Constant");
                return nullptr;
            }
            if (!constant(v.get(), &c->value)) return nullptr;
            Ref<> kind = field(o, "kind");
            if (error_occurred(ts_)) return nullptr;
            if (kind && is_str(kind.get())) c->kind_prefix = std::string(str_utf8(kind.get()));
            return c;
        }
        if (k == "BinOp") {
            auto* b = arena_.make<BinOp>();
            Ref<> op = required(o, "op", k);
            return (b->left = expr_field(o, "left", k)) && op && operator_kind(op.get(), &b->op) &&
                           (b->right = expr_field(o, "right", k))
                       ? b : nullptr;
        }
        if (k == "BoolOp") {
            auto* b = arena_.make<BoolOp>();
            Ref<> op = required(o, "op", k);
            if (!op) return nullptr;
            std::string ok = kind_of(op.get());
            if (ok == "And") b->op = BoolOpKind::And;
            else if (ok == "Or") b->op = BoolOpKind::Or;
            else {
                fail("expected some sort of boolop, but got " + repr_of(op.get()));
                return nullptr;
            }
            if (!exprs(o, "values", k, b->values)) return nullptr;
            if (b->values.size() < 2) {
                fail_value("BoolOp with less than 2 values");
                return nullptr;
            }
            return b;
        }
        if (k == "UnaryOp") {
            auto* u = arena_.make<UnaryOp>();
            Ref<> op = required(o, "op", k);
            if (!op) return nullptr;
            static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
            std::string ok = kind_of(op.get());
            int found = -1;
            for (int i = 0; i < 4; i++)
                if (ok == names[i]) found = i;
            if (found < 0) {
                fail("expected some sort of unaryop, but got " + repr_of(op.get()));
                return nullptr;
            }
            u->op = static_cast<UnaryOpKind>(found);
            return (u->operand = expr_field(o, "operand", k)) ? u : nullptr;
        }
        if (k == "NamedExpr") {
            auto* n = arena_.make<NamedExpr>();
            return (n->target = expr_field(o, "target", k)) && (n->value = expr_field(o, "value", k)) ? n : nullptr;
        }
        if (k == "Lambda") {
            auto* l = arena_.make<Lambda>();
            return (l->args = arguments_field(o, k)) && (l->body = expr_field(o, "body", k)) ? l : nullptr;
        }
        if (k == "IfExp") {
            auto* i = arena_.make<IfExp>();
            return (i->test = expr_field(o, "test", k)) && (i->body = expr_field(o, "body", k)) &&
                           (i->orelse = expr_field(o, "orelse", k))
                       ? i : nullptr;
        }
        if (k == "Dict") {
            auto* d = arena_.make<Dict>();
            if (!exprs(o, "keys", k, d->keys, true) || !exprs(o, "values", k, d->values)) return nullptr;
            if (d->keys.size() != d->values.size()) {
                fail_value("Dict doesn't have the same number of keys as values");
                return nullptr;
            }
            return d;
        }
        if (k == "Set") {
            auto* s = arena_.make<Set>();
            return exprs(o, "elts", k, s->elts) ? s : nullptr;
        }
        if (k == "ListComp" || k == "SetComp" || k == "GeneratorExp") {
            Expr* elt = expr_field(o, "elt", k);
            if (!elt) return nullptr;
            std::vector<Comprehension*> gens;
            if (!comprehensions(o, k, gens)) return nullptr;
            if (gens.empty()) {
                fail_value("comprehension with no generators");
                return nullptr;
            }
            if (k == "ListComp") {
                auto* c = arena_.make<ListComp>();
                c->elt = elt;
                c->generators = std::move(gens);
                return c;
            }
            if (k == "SetComp") {
                auto* c = arena_.make<SetComp>();
                c->elt = elt;
                c->generators = std::move(gens);
                return c;
            }
            auto* c = arena_.make<GeneratorExp>();
            c->elt = elt;
            c->generators = std::move(gens);
            return c;
        }
        if (k == "DictComp") {
            auto* c = arena_.make<DictComp>();
            if (!(c->key = expr_field(o, "key", k)) || !(c->value = expr_field(o, "value", k)) ||
                !comprehensions(o, k, c->generators))
                return nullptr;
            if (c->generators.empty()) {
                fail_value("comprehension with no generators");
                return nullptr;
            }
            return c;
        }
        if (k == "Await") {
            auto* a = arena_.make<Await>();
            return (a->value = expr_field(o, "value", k)) ? a : nullptr;
        }
        if (k == "Yield") {
            auto* y = arena_.make<Yield>();
            return opt_expr(o, "value", &y->value) ? y : nullptr;
        }
        if (k == "YieldFrom") {
            auto* y = arena_.make<YieldFrom>();
            return (y->value = expr_field(o, "value", k)) ? y : nullptr;
        }
        if (k == "Compare") {
            auto* c = arena_.make<Compare>();
            if (!(c->left = expr_field(o, "left", k))) return nullptr;
            static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
            bool ok = list_field(o, "ops", k, [&](Object* item) {
                std::string ok2 = kind_of(item);
                for (int i = 0; i < 10; i++)
                    if (ok2 == names[i]) {
                        c->ops.push_back(static_cast<CmpOpKind>(i));
                        return true;
                    }
                fail("expected some sort of cmpop, but got " + repr_of(item));
                return false;
            });
            if (!ok || !exprs(o, "comparators", k, c->comparators)) return nullptr;
            if (c->ops.empty()) {
                fail_value("Compare with no comparators");
                return nullptr;
            }
            if (c->ops.size() != c->comparators.size()) {
                fail_value("Compare has a different number of comparators and operands");
                return nullptr;
            }
            return c;
        }
        if (k == "Call") {
            auto* c = arena_.make<Call>();
            return (c->func = expr_field(o, "func", k)) && exprs(o, "args", k, c->args) && keywords(o, k, c->keywords)
                       ? c : nullptr;
        }
        if (k == "FormattedValue") {
            auto* f = arena_.make<FormattedValue>();
            int64_t conv = -1;
            if (!(f->value = expr_field(o, "value", k)) || !int_field(o, "conversion", k, &conv) ||
                !opt_expr(o, "format_spec", &f->format_spec))
                return nullptr;
            f->conversion = static_cast<int>(conv);
            return f;
        }
        if (k == "JoinedStr") {
            auto* j = arena_.make<JoinedStr>();
            return exprs(o, "values", k, j->values) ? j : nullptr;
        }
        if (k == "Attribute") {
            auto* a = arena_.make<Attribute>();
            return (a->value = expr_field(o, "value", k)) && ident_field(o, "attr", k, &a->attr) && context(o, k, &a->ctx)
                       ? a : nullptr;
        }
        if (k == "Subscript") {
            auto* s = arena_.make<Subscript>();
            return (s->value = expr_field(o, "value", k)) && (s->slice = expr_field(o, "slice", k)) &&
                           context(o, k, &s->ctx)
                       ? s : nullptr;
        }
        if (k == "Starred") {
            auto* s = arena_.make<Starred>();
            return (s->value = expr_field(o, "value", k)) && context(o, k, &s->ctx) ? s : nullptr;
        }
        if (k == "List") {
            auto* l = arena_.make<List>();
            return exprs(o, "elts", k, l->elts) && context(o, k, &l->ctx) ? l : nullptr;
        }
        if (k == "Tuple") {
            auto* t = arena_.make<Tuple>();
            return exprs(o, "elts", k, t->elts) && context(o, k, &t->ctx) ? t : nullptr;
        }
        if (k == "Slice") {
            auto* s = arena_.make<Slice>();
            return opt_expr(o, "lower", &s->lower) && opt_expr(o, "upper", &s->upper) && opt_expr(o, "step", &s->step)
                       ? s : nullptr;
        }
        return nullptr;
    }

    // ------------------------------------------------------------ patterns

    Pattern* pattern(Object* o) {
        std::string k = kind_of(o);
        Node where;
        if (!is_pattern_kind(k)) {
            fail("expected some sort of pattern, but got " + repr_of(o));
            return nullptr;
        }
        if (!position(o, &where, "pattern")) return nullptr;
        Pattern* p = pattern_body(o, k);
        if (!p) {
            if (!error_occurred(ts_)) fail("expected some sort of pattern, but got " + repr_of(o));
            return nullptr;
        }
        copy_position(where, p);
        return p;
    }
    bool patterns(Object* o, const char* name, const std::string& owner, std::vector<Pattern*>& out) {
        return list_field(o, name, owner, [&](Object* item) {
            Pattern* p = pattern(item);
            if (p) out.push_back(p);
            return p != nullptr;
        });
    }
    Pattern* pattern_body(Object* o, const std::string& k) {
        if (k == "MatchValue") {
            auto* p = arena_.make<MatchValue>();
            return (p->value = expr_field(o, "value", k)) ? p : nullptr;
        }
        if (k == "MatchSingleton") {
            auto* p = arena_.make<MatchSingleton>();
            Ref<> v = field(o, "value");
            if (error_occurred(ts_)) return nullptr;
            if (!v) {
                fail("required field \"value\" missing from MatchSingleton");
                return nullptr;
            }
            return constant(v.get(), &p->value) ? p : nullptr;
        }
        if (k == "MatchSequence") {
            auto* p = arena_.make<MatchSequence>();
            return patterns(o, "patterns", k, p->patterns) ? p : nullptr;
        }
        if (k == "MatchMapping") {
            auto* p = arena_.make<MatchMapping>();
            if (!exprs(o, "keys", k, p->keys) || !patterns(o, "patterns", k, p->patterns) ||
                !ident_field(o, "rest", k, &p->rest, true))
                return nullptr;
            p->has_rest = !p->rest.empty();
            return p;
        }
        if (k == "MatchClass") {
            auto* p = arena_.make<MatchClass>();
            return (p->cls = expr_field(o, "cls", k)) && patterns(o, "patterns", k, p->patterns) &&
                           identifiers(o, "kwd_attrs", k, p->kwd_attrs) &&
                           patterns(o, "kwd_patterns", k, p->kwd_patterns)
                       ? p : nullptr;
        }
        if (k == "MatchStar") {
            auto* p = arena_.make<MatchStar>();
            return ident_field(o, "name", k, &p->name, true) ? p : nullptr;
        }
        if (k == "MatchAs") {
            auto* p = arena_.make<MatchAs>();
            Ref<> sub = field(o, "pattern");
            if (error_occurred(ts_)) return nullptr;
            if (!is_none(sub.get()) && !(p->pattern = pattern(sub.get()))) return nullptr;
            return ident_field(o, "name", k, &p->name, true) ? p : nullptr;
        }
        if (k == "MatchOr") {
            auto* p = arena_.make<MatchOr>();
            return patterns(o, "patterns", k, p->patterns) ? p : nullptr;
        }
        return nullptr;
    }

    // ------------------------------------------------------------ statements

    Stmt* stmt(Object* o) {
        std::string k = kind_of(o);
        Node where;
        if (!is_stmt_kind(k)) {
            fail("expected some sort of stmt, but got " + repr_of(o));
            return nullptr;
        }
        if (!position(o, &where, "stmt")) return nullptr;
        Stmt* s = stmt_body(o, k);
        if (!s) {
            if (!error_occurred(ts_)) fail("expected some sort of stmt, but got " + repr_of(o));
            return nullptr;
        }
        copy_position(where, s);
        return s;
    }

    bool handlers(Object* o, const std::string& owner, std::vector<ExceptHandler*>& out) {
        return list_field(o, "handlers", owner, [&](Object* item) {
            std::string k = kind_of(item);
            if (k != "ExceptHandler") {
                fail("expected some sort of excepthandler, but got " + repr_of(item));
                return false;
            }
            auto* h = arena_.make<ExceptHandler>();
            if (!position(item, h, "excepthandler") || !opt_expr(item, "type", &h->type) ||
                !ident_field(item, "name", k, &h->name, true) || !stmts(item, "body", k, h->body))
                return false;
            out.push_back(h);
            return true;
        });
    }

    Stmt* stmt_body(Object* o, const std::string& k) {
        if (k == "Expr") {
            auto* s = arena_.make<ExprStmt>();
            return (s->value = expr_field(o, "value", k)) ? s : nullptr;
        }
        if (k == "Assign") {
            auto* s = arena_.make<Assign>();
            return exprs(o, "targets", k, s->targets) && (s->value = expr_field(o, "value", k)) ? s : nullptr;
        }
        if (k == "AugAssign") {
            auto* s = arena_.make<AugAssign>();
            Ref<> op = required(o, "op", k);
            return (s->target = expr_field(o, "target", k)) && op && operator_kind(op.get(), &s->op) &&
                           (s->value = expr_field(o, "value", k))
                       ? s : nullptr;
        }
        if (k == "AnnAssign") {
            auto* s = arena_.make<AnnAssign>();
            int64_t simple = 0;
            if (!(s->target = expr_field(o, "target", k)) || !(s->annotation = expr_field(o, "annotation", k)) ||
                !opt_expr(o, "value", &s->value) || !int_field(o, "simple", k, &simple))
                return nullptr;
            s->simple = simple != 0;
            return s;
        }
        if (k == "FunctionDef" || k == "AsyncFunctionDef") {
            auto* s = arena_.make<FunctionDef>(k == "AsyncFunctionDef");
            return ident_field(o, "name", k, &s->name) && (s->args = arguments_field(o, k)) &&
                           stmts(o, "body", k, s->body) && exprs(o, "decorator_list", k, s->decorator_list) &&
                           opt_expr(o, "returns", &s->returns)
                       ? s : nullptr;
        }
        if (k == "ClassDef") {
            auto* s = arena_.make<ClassDef>();
            return ident_field(o, "name", k, &s->name) && exprs(o, "bases", k, s->bases) &&
                           keywords(o, k, s->keywords) && stmts(o, "body", k, s->body) &&
                           exprs(o, "decorator_list", k, s->decorator_list)
                       ? s : nullptr;
        }
        if (k == "Return") {
            auto* s = arena_.make<Return>();
            return opt_expr(o, "value", &s->value) ? s : nullptr;
        }
        if (k == "Delete") {
            auto* s = arena_.make<Delete>();
            return exprs(o, "targets", k, s->targets) ? s : nullptr;
        }
        if (k == "For" || k == "AsyncFor") {
            auto* s = arena_.make<For>(k == "AsyncFor");
            return (s->target = expr_field(o, "target", k)) && (s->iter = expr_field(o, "iter", k)) &&
                           stmts(o, "body", k, s->body) && stmts(o, "orelse", k, s->orelse)
                       ? s : nullptr;
        }
        if (k == "While") {
            auto* s = arena_.make<While>();
            return (s->test = expr_field(o, "test", k)) && stmts(o, "body", k, s->body) &&
                           stmts(o, "orelse", k, s->orelse)
                       ? s : nullptr;
        }
        if (k == "If") {
            auto* s = arena_.make<If>();
            return (s->test = expr_field(o, "test", k)) && stmts(o, "body", k, s->body) &&
                           stmts(o, "orelse", k, s->orelse)
                       ? s : nullptr;
        }
        if (k == "With" || k == "AsyncWith") {
            auto* s = arena_.make<With>(k == "AsyncWith");
            bool ok = list_field(o, "items", k, [&](Object* item) {
                std::string ik = kind_of(item);
                if (ik != "withitem") {
                    fail("expected some sort of withitem, but got " + repr_of(item));
                    return false;
                }
                auto* w = arena_.make<WithItem>();
                if (!(w->context_expr = expr_field(item, "context_expr", ik)) ||
                    !opt_expr(item, "optional_vars", &w->optional_vars))
                    return false;
                s->items.push_back(w);
                return true;
            });
            return ok && stmts(o, "body", k, s->body) ? s : nullptr;
        }
        if (k == "Match") {
            auto* s = arena_.make<Match>();
            if (!(s->subject = expr_field(o, "subject", k))) return nullptr;
            bool ok = list_field(o, "cases", k, [&](Object* item) {
                std::string ck = kind_of(item);
                if (ck != "match_case") {
                    fail("expected some sort of match_case, but got " + repr_of(item));
                    return false;
                }
                auto* c = arena_.make<MatchCase>();
                Ref<> p = required(item, "pattern", ck);
                if (!p || !(c->pattern = pattern(p.get())) || !opt_expr(item, "guard", &c->guard) ||
                    !stmts(item, "body", ck, c->body))
                    return false;
                s->cases.push_back(c);
                return true;
            });
            return ok ? s : nullptr;
        }
        if (k == "Raise") {
            auto* s = arena_.make<Raise>();
            return opt_expr(o, "exc", &s->exc) && opt_expr(o, "cause", &s->cause) ? s : nullptr;
        }
        if (k == "Try" || k == "TryStar") {
            auto* s = arena_.make<Try>(k == "TryStar");
            return stmts(o, "body", k, s->body) && handlers(o, k, s->handlers) && stmts(o, "orelse", k, s->orelse) &&
                           stmts(o, "finalbody", k, s->finalbody)
                       ? s : nullptr;
        }
        if (k == "Assert") {
            auto* s = arena_.make<Assert>();
            return (s->test = expr_field(o, "test", k)) && opt_expr(o, "msg", &s->msg) ? s : nullptr;
        }
        if (k == "Import") {
            auto* s = arena_.make<Import>();
            return aliases(o, k, s->names) ? s : nullptr;
        }
        if (k == "ImportFrom") {
            auto* s = arena_.make<ImportFrom>();
            int64_t level = 0;
            if (!ident_field(o, "module", k, &s->module, true) || !aliases(o, k, s->names) ||
                !int_field(o, "level", k, &level, true))
                return nullptr;
            s->level = static_cast<int>(level);
            return s;
        }
        if (k == "Global") {
            auto* s = arena_.make<Global>();
            return identifiers(o, "names", k, s->names) ? s : nullptr;
        }
        if (k == "Nonlocal") {
            auto* s = arena_.make<Nonlocal>();
            return identifiers(o, "names", k, s->names) ? s : nullptr;
        }
        if (k == "Pass") return arena_.make<Pass>();
        if (k == "Break") return arena_.make<Break>();
        if (k == "Continue") return arena_.make<Continue>();
        return nullptr;
    }

    ThreadState* ts_;
    AstArena& arena_;
};

}  // namespace

Ref<CodeObject> compile_ast_object(ThreadState* ts, Object* tree, std::string_view filename, ParseMode mode) {
    AstArena arena;
    TreeReader reader(ts, arena);
    Mod* mod = reader.mod(tree, mode);
    if (!mod) return nullptr;
    return compile_mod(ts, mod, filename, mode);
}

}  // namespace gp
