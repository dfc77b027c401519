// symtable.cpp — building and analyzing scopes (see symtable.h).
//
// Pass 1 (SymtableBuilder) mirrors symtable.c's symtable_visit_* functions:
// it opens a Scope for every function, lambda, class and comprehension and
// records flags per name. Pass 2 (analyze) mirrors analyze_block/analyze_name:
// walking down, it passes the set of names bound by enclosing functions; walking
// back up, it learns which names children need as free variables, and turns
// the matching locals into cells.
#include "compiler/symtable.h"

#include <set>

namespace gp {

using namespace ast;

std::string mangle(const std::string& private_name, const std::string& name);   // compiler.cpp

class SymtableBuilder {
public:
    SymtableBuilder(SymbolTable& table, SyntaxErrorInfo& err, bool string_annotations)
        : table_(table), err_(err), string_annotations_(string_annotations) {}

    bool run(Mod* mod) {
        table_.top_ = std::make_unique<Scope>();
        cur_ = table_.top_.get();
        cur_->kind = ScopeKind::Module;
        cur_->name = "top";
        cur_->node = mod;
        if (mod->kind == ModKind::Expression) return visit_expr(mod->expr);
        for (Stmt* s : mod->body)
            if (!visit_stmt(s)) return false;
        return true;
    }

private:
    SymbolTable& table_;
    SyntaxErrorInfo& err_;
    bool string_annotations_;   // from __future__ import annotations
    Scope* cur_ = nullptr;
    std::string private_;   // innermost enclosing class name (st_private), for mangling

    bool fail(const Node* n, const std::string& msg) {
        err_.type = "SyntaxError";
        err_.msg = msg;
        err_.lineno = n->lineno;
        err_.offset = n->col_offset + 1;
        err_.end_lineno = n->end_lineno;
        err_.end_offset = n->end_col_offset + 1;
        return false;
    }

    Scope* enter(ScopeKind kind, const std::string& name, const Node* node) {
        auto s = std::make_unique<Scope>();
        s->kind = kind;
        s->name = name;
        s->node = node;
        s->parent = cur_;
        s->lineno = node->lineno;
        Scope* raw = s.get();
        cur_->children.push_back(std::move(s));
        table_.by_node_[node] = raw;
        cur_ = raw;
        return raw;
    }
    void leave() { cur_ = cur_->parent; }

    // An annotation. As a string (PEP 563) it is only checked, in a block
    // of its own that the analysis never sees: what it names stays unbound
    // around it, and yield, await and := are errors there.
    bool visit_annotation(Expr* e) {
        if (!string_annotations_) return visit_expr(e);
        auto block = std::make_unique<Scope>();
        block->kind = ScopeKind::Function;
        block->name = "_annotation";
        block->node = e;
        block->parent = cur_;
        block->lineno = e->lineno;
        block->annotation_block = true;
        Scope* saved = cur_;
        cur_ = block.get();
        table_.annotation_blocks_.push_back(std::move(block));
        bool ok = visit_expr(e);
        cur_ = saved;
        return ok;
    }
    bool not_in_annotation(const Node* n, const char* what) {
        if (!cur_->annotation_block) return true;
        return fail(n, std::string("'") + what + "' can not be used within an annotation");
    }

    // symtable_add_def (names are mangled as the compiler will mangle them)
    bool add_def(const std::string& raw, unsigned flag, const Node* at) {
        std::string name = mangle(private_, raw);
        auto it = cur_->flags.find(name);
        if (it == cur_->flags.end()) {
            cur_->order.push_back(name);
            it = cur_->flags.emplace(name, 0u).first;
        }
        unsigned& f = it->second;
        if ((flag & DEF_PARAM) && (f & DEF_PARAM))
            return fail(at, "duplicate argument '" + name + "' in function definition");
        if ((flag & DEF_LOCAL) && cur_->comp_iter_target) {
            if (f & (DEF_GLOBAL | DEF_NONLOCAL))
                return fail(at, "comprehension inner loop cannot rebind assignment expression target '" +
                                    name + "'");
            flag |= DEF_COMP_ITER;
        }
        f |= flag;
        if (flag & DEF_PARAM) cur_->varnames.push_back(name);
        // A `global` declaration anywhere also marks the module's own symbol
        // (st_global), so the module body reaches the name with *_GLOBAL too.
        if ((flag & DEF_GLOBAL) && cur_ != table_.top_.get()) {
            Scope* top = table_.top_.get();
            auto [g, added] = top->flags.emplace(name, 0u);
            if (added) top->order.push_back(name);
            g->second |= flag;
        }
        return true;
    }

    // symtable_record_directive: remember where `name` was declared.
    void record_directive(const std::string& raw, const Node* at) {
        cur_->directives.emplace(mangle(private_, raw), at);
    }

    bool visit_stmts(const std::vector<Stmt*>& body) {
        for (Stmt* s : body)
            if (!visit_stmt(s)) return false;
        return true;
    }
    bool visit_exprs(const std::vector<Expr*>& es) {
        for (Expr* e : es)
            if (e && !visit_expr(e)) return false;
        return true;
    }

    bool visit_params(const std::vector<Arg*>& args) {
        for (Arg* a : args)
            if (!add_def(a->arg, DEF_PARAM, a)) return false;
        return true;
    }

    bool visit_annotations(Arguments* a) {
        for (auto* list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
            for (Arg* arg : *list)
                if (arg->annotation && !visit_annotation(arg->annotation)) return false;
        if (a->vararg && a->vararg->annotation && !visit_annotation(a->vararg->annotation)) return false;
        if (a->kwarg && a->kwarg->annotation && !visit_annotation(a->kwarg->annotation)) return false;
        return true;
    }

    bool visit_arguments(Arguments* a) {
        if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs)) return false;
        if (a->vararg) {
            if (!add_def(a->vararg->arg, DEF_PARAM, a->vararg)) return false;
            cur_->has_varargs = true;
        }
        if (a->kwarg) {
            if (!add_def(a->kwarg->arg, DEF_PARAM, a->kwarg)) return false;
            cur_->has_varkeywords = true;
        }
        return true;
    }

    bool visit_function(FunctionDef* fd) {
        if (!add_def(fd->name, DEF_LOCAL, fd)) return false;
        Arguments* a = fd->args;
        if (!visit_exprs(a->defaults) || !visit_exprs(a->kw_defaults)) return false;
        if (!visit_annotations(a)) return false;
        if (fd->returns && !visit_annotation(fd->returns)) return false;
        if (!visit_exprs(fd->decorator_list)) return false;
        enter(ScopeKind::Function, fd->name, fd);
        if (fd->kind == StmtKind::AsyncFunctionDef) cur_->is_coroutine = true;
        if (!visit_arguments(a) || !visit_stmts(fd->body)) return false;
        leave();
        return true;
    }

    bool visit_stmt(Stmt* s) {
        switch (s->kind) {
        case StmtKind::FunctionDef:
        case StmtKind::AsyncFunctionDef:
            return visit_function(static_cast<FunctionDef*>(s));
        case StmtKind::ClassDef: {
            auto* cd = static_cast<ClassDef*>(s);
            if (!add_def(cd->name, DEF_LOCAL, cd)) return false;
            if (!visit_exprs(cd->bases)) return false;
            for (Keyword* k : cd->keywords)
                if (!visit_expr(k->value)) return false;
            if (!visit_exprs(cd->decorator_list)) return false;
            enter(ScopeKind::Class, cd->name, cd);
            std::string saved = private_;
            private_ = cd->name;
            if (!visit_stmts(cd->body)) return false;
            private_ = saved;
            leave();
            return true;
        }
        case StmtKind::Return: {
            auto* r = static_cast<Return*>(s);
            return !r->value || visit_expr(r->value);
        }
        case StmtKind::Delete:
            return visit_exprs(static_cast<Delete*>(s)->targets);
        case StmtKind::Assign: {
            auto* a = static_cast<Assign*>(s);
            return visit_exprs(a->targets) && visit_expr(a->value);
        }
        case StmtKind::AugAssign: {
            auto* a = static_cast<AugAssign*>(s);
            return visit_expr(a->target) && visit_expr(a->value);
        }
        case StmtKind::AnnAssign: {
            auto* a = static_cast<AnnAssign*>(s);
            if (a->target->kind == ExprKind::Name) {
                auto* n = static_cast<Name*>(a->target);
                std::string mangled = mangle(private_, n->id);
                unsigned f = cur_->flags.count(mangled) ? cur_->flags[mangled] : 0;
                if ((f & (DEF_GLOBAL | DEF_NONLOCAL)) && cur_->kind != ScopeKind::Module && a->simple)
                    return fail(s, "annotated name '" + n->id + "' can't be " +
                                       ((f & DEF_GLOBAL) ? "global" : "nonlocal"));
                // A simple annotated name is local even without a value.
                if (a->simple ? !add_def(n->id, DEF_ANNOT | DEF_LOCAL, n)
                              : (a->value && !add_def(n->id, DEF_LOCAL, n)))
                    return false;
                if (a->value && !visit_expr(a->value)) return false;
                return visit_annotation(a->annotation);
            }
            return visit_expr(a->target) && visit_annotation(a->annotation) && (!a->value || visit_expr(a->value));
        }
        case StmtKind::For:
        case StmtKind::AsyncFor: {
            auto* f = static_cast<For*>(s);
            return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) && visit_stmts(f->orelse);
        }
        case StmtKind::While: {
            auto* w = static_cast<While*>(s);
            return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
        }
        case StmtKind::If: {
            auto* i = static_cast<If*>(s);
            return visit_expr(i->test) && visit_stmts(i->body) && visit_stmts(i->orelse);
        }
        case StmtKind::With:
        case StmtKind::AsyncWith: {
            auto* w = static_cast<With*>(s);
            for (WithItem* it : w->items) {
                if (!visit_expr(it->context_expr)) return false;
                if (it->optional_vars && !visit_expr(it->optional_vars)) return false;
            }
            return visit_stmts(w->body);
        }
        case StmtKind::Match: {
            auto* m = static_cast<Match*>(s);
            if (!visit_expr(m->subject)) return false;
            for (MatchCase* c : m->cases) {
                if (!visit_pattern(c->pattern)) return false;
                if (c->guard && !visit_expr(c->guard)) return false;
                if (!visit_stmts(c->body)) return false;
            }
            return true;
        }
        case StmtKind::Raise: {
            auto* r = static_cast<Raise*>(s);
            return (!r->exc || visit_expr(r->exc)) && (!r->cause || visit_expr(r->cause));
        }
        case StmtKind::Try:
        case StmtKind::TryStar: {
            auto* t = static_cast<Try*>(s);
            if (!visit_stmts(t->body)) return false;
            for (ExceptHandler* h : t->handlers) {
                if (h->type && !visit_expr(h->type)) return false;
                if (!h->name.empty() && !add_def(h->name, DEF_LOCAL, h)) return false;
                if (!visit_stmts(h->body)) return false;
            }
            return visit_stmts(t->orelse) && visit_stmts(t->finalbody);
        }
        case StmtKind::Assert: {
            auto* a = static_cast<Assert*>(s);
            return visit_expr(a->test) && (!a->msg || visit_expr(a->msg));
        }
        case StmtKind::Import:
        case StmtKind::ImportFrom: {
            const auto& names = s->kind == StmtKind::Import ? static_cast<Import*>(s)->names
                                                            : static_cast<ImportFrom*>(s)->names;
            for (Alias* a : names) {
                std::string bound = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
                if (bound == "*") {
                    if (cur_->kind != ScopeKind::Module)
                        return fail(s, "import * only allowed at module level");
                    continue;
                }
                if (!add_def(bound, DEF_IMPORT | DEF_LOCAL, a)) return false;
            }
            return true;
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            bool global = s->kind == StmtKind::Global;
            const auto& names = global ? static_cast<Global*>(s)->names : static_cast<Nonlocal*>(s)->names;
            const char* which = global ? "global" : "nonlocal";
            for (const std::string& name : names) {
                std::string mangled = mangle(private_, name);
                unsigned f = cur_->flags.count(mangled) ? cur_->flags[mangled] : 0;
                if (f & DEF_PARAM) return fail(s, "name '" + name + "' is parameter and " + which);
                if (f & USE) return fail(s, "name '" + name + "' is used prior to " + which + " declaration");
                if (f & DEF_ANNOT) return fail(s, "annotated name '" + name + "' can't be " + which);
                if (f & DEF_LOCAL) return fail(s, "name '" + name + "' is assigned to before " + which + " declaration");
                if (!add_def(name, global ? DEF_GLOBAL : DEF_NONLOCAL, s)) return false;
                record_directive(name, s);
            }
            return true;
        }
        case StmtKind::Expr:
            return visit_expr(static_cast<ExprStmt*>(s)->value);
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            return true;
        }
        return true;
    }

    bool visit_pattern(Pattern* p) {
        switch (p->kind) {
        case PatternKind::MatchValue: return visit_expr(static_cast<MatchValue*>(p)->value);
        case PatternKind::MatchSingleton: return true;
        case PatternKind::MatchSequence:
            for (Pattern* q : static_cast<MatchSequence*>(p)->patterns)
                if (!visit_pattern(q)) return false;
            return true;
        case PatternKind::MatchMapping: {
            auto* m = static_cast<MatchMapping*>(p);
            if (!visit_exprs(m->keys)) return false;
            for (Pattern* q : m->patterns)
                if (!visit_pattern(q)) return false;
            return !m->has_rest || add_def(m->rest, DEF_LOCAL, p);
        }
        case PatternKind::MatchClass: {
            auto* m = static_cast<MatchClass*>(p);
            if (!visit_expr(m->cls)) return false;
            for (Pattern* q : m->patterns)
                if (!visit_pattern(q)) return false;
            for (Pattern* q : m->kwd_patterns)
                if (!visit_pattern(q)) return false;
            return true;
        }
        case PatternKind::MatchStar: {
            auto* m = static_cast<MatchStar*>(p);
            return m->name.empty() || add_def(m->name, DEF_LOCAL, p);
        }
        case PatternKind::MatchAs: {
            auto* m = static_cast<MatchAs*>(p);
            if (m->pattern && !visit_pattern(m->pattern)) return false;
            return m->name.empty() || add_def(m->name, DEF_LOCAL, p);
        }
        case PatternKind::MatchOr:
            for (Pattern* q : static_cast<MatchOr*>(p)->patterns)
                if (!visit_pattern(q)) return false;
            return true;
        }
        return true;
    }

    // Comprehensions get their own function scope. The first iterable is
    // evaluated in the enclosing scope and passed in as the argument ".0".
    bool visit_comprehension(Expr* e, const std::vector<Comprehension*>& gens, Expr* elt, Expr* value,
                             const char* name) {
        cur_->comp_iter_expr++;
        bool ok = visit_expr(gens[0]->iter);
        cur_->comp_iter_expr--;
        if (!ok) return false;
        enter(ScopeKind::Comprehension, name, e);
        if (e->kind == ExprKind::GeneratorExp) cur_->is_generator = true;
        if (!add_def(".0", DEF_PARAM, e)) return false;
        for (std::size_t i = 0; i < gens.size(); i++) {
            Comprehension* c = gens[i];
            cur_->comp_iter_target = true;
            ok = visit_expr(c->target);
            cur_->comp_iter_target = false;
            if (!ok) return false;
            if (i > 0) {
                cur_->comp_iter_expr++;
                ok = visit_expr(c->iter);
                cur_->comp_iter_expr--;
                if (!ok) return false;
            }
            if (!visit_exprs(c->ifs)) return false;
            if (c->is_async) cur_->is_coroutine = true;
        }
        if (value && !visit_expr(value)) return false;
        if (!visit_expr(elt)) return false;
        // An async list/set/dict comprehension is awaited where it stands,
        // so the enclosing scope becomes a coroutine too.
        bool awaited = cur_->is_coroutine && !cur_->is_generator;
        leave();
        if (awaited) cur_->is_coroutine = true;
        return true;
    }

    // symtable_extend_namedexpr_scope (PEP 572): a walrus inside a
    // comprehension binds its target in the nearest enclosing scope that is
    // not a comprehension. The comprehension itself treats the name as
    // nonlocal (or global, at module level or if the function says so).
    bool extend_namedexpr_scope(Name* target) {
        const std::string& name = target->id;
        for (Scope* s = cur_; s; s = s->parent) {
            if (s->kind == ScopeKind::Comprehension) {
                auto it = s->flags.find(name);
                if (it != s->flags.end() && (it->second & DEF_COMP_ITER))
                    return fail(target, "assignment expression cannot rebind comprehension iteration variable '" +
                                            name + "'");
                continue;
            }
            if (s->kind == ScopeKind::Class)
                return fail(target, "assignment expression within a comprehension cannot be used in a class body");
            bool global = s->kind == ScopeKind::Module;
            if (!global) {
                auto it = s->flags.find(name);
                global = it != s->flags.end() && (it->second & DEF_GLOBAL);
            }
            if (!add_def(name, global ? DEF_GLOBAL : DEF_NONLOCAL, target)) return false;
            record_directive(name, target);
            // Bind it in the target scope (symtable_add_def_helper on `s`).
            Scope* saved = cur_;
            cur_ = s;
            bool ok = add_def(name, s->kind == ScopeKind::Module ? DEF_GLOBAL : DEF_LOCAL, target);
            cur_ = saved;
            return ok;
        }
        return true;
    }

    bool visit_expr(Expr* e) {
        switch (e->kind) {
        case ExprKind::Name: {
            auto* n = static_cast<Name*>(e);
            if (!add_def(n->id, n->ctx == ExprContext::Load ? USE : DEF_LOCAL, n)) return false;
            // super() with no arguments needs __class__ in the method's cells.
            if (n->ctx == ExprContext::Load && n->id == "super" && cur_->kind == ScopeKind::Function)
                if (!add_def("__class__", USE, n)) return false;
            return true;
        }
        case ExprKind::NamedExpr: {
            auto* ne = static_cast<NamedExpr*>(e);
            if (!not_in_annotation(ne, "named expression")) return false;
            if (cur_->comp_iter_expr > 0)
                return fail(ne, "assignment expression cannot be used in a comprehension iterable expression");
            if (cur_->kind == ScopeKind::Comprehension && !extend_namedexpr_scope(static_cast<Name*>(ne->target)))
                return false;
            return visit_expr(ne->value) && visit_expr(ne->target);
        }
        case ExprKind::BoolOp: return visit_exprs(static_cast<BoolOp*>(e)->values);
        case ExprKind::BinOp: {
            auto* b = static_cast<BinOp*>(e);
            return visit_expr(b->left) && visit_expr(b->right);
        }
        case ExprKind::UnaryOp: return visit_expr(static_cast<UnaryOp*>(e)->operand);
        case ExprKind::Lambda: {
            auto* l = static_cast<Lambda*>(e);
            if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
            enter(ScopeKind::Lambda, "lambda", e);
            if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
            leave();
            return true;
        }
        case ExprKind::IfExp: {
            auto* i = static_cast<IfExp*>(e);
            return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
        }
        case ExprKind::Dict: {
            auto* d = static_cast<Dict*>(e);
            return visit_exprs(d->keys) && visit_exprs(d->values);
        }
        case ExprKind::Set: return visit_exprs(static_cast<Set*>(e)->elts);
        case ExprKind::ListComp: {
            auto* c = static_cast<ListComp*>(e);
            return visit_comprehension(e, c->generators, c->elt, nullptr, "listcomp");
        }
        case ExprKind::SetComp: {
            auto* c = static_cast<SetComp*>(e);
            return visit_comprehension(e, c->generators, c->elt, nullptr, "setcomp");
        }
        case ExprKind::DictComp: {
            auto* c = static_cast<DictComp*>(e);
            return visit_comprehension(e, c->generators, c->key, c->value, "dictcomp");
        }
        case ExprKind::GeneratorExp: {
            auto* c = static_cast<GeneratorExp*>(e);
            return visit_comprehension(e, c->generators, c->elt, nullptr, "genexpr");
        }
        case ExprKind::Await:
            if (!not_in_annotation(e, "await expression")) return false;
            if (!visit_expr(static_cast<Await*>(e)->value)) return false;
            cur_->is_coroutine = true;
            return true;
        case ExprKind::Yield: {
            if (!not_in_annotation(e, "yield expression")) return false;
            cur_->is_generator = true;
            auto* y = static_cast<Yield*>(e);
            return !y->value || visit_expr(y->value);
        }
        case ExprKind::YieldFrom:
            if (!not_in_annotation(e, "yield expression")) return false;
            cur_->is_generator = true;
            return visit_expr(static_cast<YieldFrom*>(e)->value);
        case ExprKind::Compare: {
            auto* c = static_cast<Compare*>(e);
            return visit_expr(c->left) && visit_exprs(c->comparators);
        }
        case ExprKind::Call: {
            auto* c = static_cast<Call*>(e);
            if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
            for (Keyword* k : c->keywords)
                if (!visit_expr(k->value)) return false;
            return true;
        }
        case ExprKind::FormattedValue: {
            auto* f = static_cast<FormattedValue*>(e);
            return visit_expr(f->value) && (!f->format_spec || visit_expr(f->format_spec));
        }
        case ExprKind::JoinedStr: return visit_exprs(static_cast<JoinedStr*>(e)->values);
        case ExprKind::Constant: return true;
        case ExprKind::Attribute: return visit_expr(static_cast<Attribute*>(e)->value);
        case ExprKind::Subscript: {
            auto* s = static_cast<Subscript*>(e);
            return visit_expr(s->value) && visit_expr(s->slice);
        }
        case ExprKind::Starred: return visit_expr(static_cast<Starred*>(e)->value);
        case ExprKind::List: return visit_exprs(static_cast<List*>(e)->elts);
        case ExprKind::Tuple: return visit_exprs(static_cast<Tuple*>(e)->elts);
        case ExprKind::Slice: {
            auto* s = static_cast<Slice*>(e);
            return (!s->lower || visit_expr(s->lower)) && (!s->upper || visit_expr(s->upper)) &&
                   (!s->step || visit_expr(s->step));
        }
        }
        return true;
    }
};

// ------------------------------------------------------------ analysis

namespace {

using NameSet = std::set<std::string>;

constexpr unsigned DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

bool error_at_directive(const Scope* s, const std::string& name, const std::string& msg,
                        SyntaxErrorInfo& err) {
    err.type = "SyntaxError";
    err.msg = msg;
    auto it = s->directives.find(name);
    const ast::Node* at = it == s->directives.end() ? s->node : it->second;
    err.lineno = at->lineno;
    err.offset = at->col_offset + 1;
    err.end_lineno = at->end_lineno;
    err.end_offset = at->end_col_offset + 1;
    return false;
}

// analyze_name: settle one name's scope. `bound` is null at module level.
// A name declared global leaves `bound` (so nested functions see the global,
// not an outer binding); a local leaves `global`.
bool analyze_name(Scope* s, const std::string& name, unsigned f, NameSet* bound, NameSet& local,
                  NameSet& free, NameSet& global, SyntaxErrorInfo& err) {
    if (f & DEF_GLOBAL) {
        if (f & DEF_NONLOCAL)
            return error_at_directive(s, name, "name '" + name + "' is nonlocal and global", err);
        s->scopes[name] = NameScope::GlobalExplicit;
        global.insert(name);
        if (bound) bound->erase(name);
    } else if (f & DEF_NONLOCAL) {
        if (!bound) return error_at_directive(s, name, "nonlocal declaration not allowed at module level", err);
        if (!bound->count(name))
            return error_at_directive(s, name, "no binding for nonlocal '" + name + "' found", err);
        s->scopes[name] = NameScope::Free;
        free.insert(name);
    } else if (f & DEF_BOUND) {
        s->scopes[name] = NameScope::Local;
        local.insert(name);
        global.erase(name);
    } else if (bound && bound->count(name)) {
        s->scopes[name] = NameScope::Free;
        free.insert(name);
    } else {
        s->scopes[name] = NameScope::GlobalImplicit;
    }
    return true;
}

// update_symbols: free variables that children need and this scope does not
// bind are passed up through this scope as its own free variables. A class
// that binds such a name keeps it local for its body and marks it
// DEF_FREE_CLASS: the class's code object carries the cell through to its
// methods (compile.c puts it in co_freevars).
void update_symbols(Scope* s, const NameSet* bound, const NameSet& free) {
    bool is_class = s->kind == ScopeKind::Class;
    for (const std::string& n : free) {
        auto it = s->flags.find(n);
        if (it != s->flags.end()) {
            if (is_class && (it->second & (DEF_BOUND | DEF_GLOBAL))) it->second |= DEF_FREE_CLASS;
            continue;   // a cell, or already free here
        }
        if (bound && !bound->count(n)) continue;   // a global
        s->order.push_back(n);
        s->flags[n] = 0;
        s->scopes[n] = NameScope::Free;
    }
}

// analyze_block: walking down, `bound` holds the names bound by enclosing
// function scopes and `global` the names known to be global; walking back up,
// `free` collects the names this block and its children need from outside.
// `bound` and `global` are this block's own copies (analyze_child_block).
bool analyze_block(Scope* s, NameSet* bound, NameSet& free, NameSet& global, SyntaxErrorInfo& err) {
    NameSet local, newglobal, newfree, newbound;
    // A class namespace is invisible to nested functions, so what a class
    // passes down is decided before its own names are analyzed.
    if (s->kind == ScopeKind::Class) {
        newglobal = global;
        if (bound) newbound = *bound;
    }
    for (const std::string& name : std::vector<std::string>(s->order))
        if (!analyze_name(s, name, s->flags[name], bound, local, free, global, err)) return false;
    if (s->kind != ScopeKind::Class) {
        if (s->is_function_block()) newbound.insert(local.begin(), local.end());
        if (bound) newbound.insert(bound->begin(), bound->end());
        newglobal.insert(global.begin(), global.end());
    } else {
        newbound.insert("__class__");   // what super() and __class__ in methods find
    }
    NameSet allfree;
    for (auto& child : s->children) {
        NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
        if (!analyze_block(child.get(), &child_bound, child_free, child_global, err)) return false;
        if (!child_free.empty()) s->child_free = true;
        allfree.insert(child_free.begin(), child_free.end());
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (s->is_function_block()) {
        // analyze_cells: locals that children read become cells.
        for (auto& [n, k] : s->scopes)
            if (k == NameScope::Local && newfree.erase(n)) k = NameScope::Cell;
    } else if (s->kind == ScopeKind::Class) {
        // drop_class_free: __class__ is provided by the class itself.
        if (newfree.erase("__class__")) s->needs_class_closure = true;
    }
    update_symbols(s, bound, newfree);
    free.insert(newfree.begin(), newfree.end());
    return true;
}

}  // namespace

bool SymbolTable::build(Mod* mod, SyntaxErrorInfo& err, bool string_annotations) {
    SymtableBuilder builder(*this, err, string_annotations);
    if (!builder.run(mod)) return false;
    std::set<std::string> free, global;
    return analyze_block(top_.get(), nullptr, free, global, err);
}

Scope* SymbolTable::scope_for(const Node* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace gp
