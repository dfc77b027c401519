// dis_module.cpp — the `_dis` module under core/lib/dis.py: disassembly of
// functions, methods, classes, code objects and source strings, printed as
// CPython 3.11 prints it (the formatting itself is core/bytecode/dis.cpp),
// and the decoded instructions behind dis.get_instructions().
#include <algorithm>

#include "bytecode/dis.h"
#include "bytecode/opcodes.h"
#include "compiler/compiler.h"
#include "modules/builtins.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/dictobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// The code object behind x (dis._get_code_object), or null with TypeError.
static Ref<> code_of(ThreadState* ts, Object* x) {
    Interpreter& interp = *ts->interp;
    Ref<> cur = newref(x);
    for (int guard = 0; guard < 4; guard++) {
        Object* o = cur.get();
        if (is_code(o)) return cur;
        if (type_of(o) == interp.types.method) { cur = newref(static_cast<MethodObject*>(o)->im_func); continue; }
        if (is_function(o)) return newref<Object>(static_cast<FunctionObject*>(o)->func_code);
        if (is_generator(o)) return newref<Object>(static_cast<GenObject*>(o)->gi_frame.code);
        if (is_str(o)) {
            // _try_compile: an expression first, else statements.
            Ref<CodeObject> code = compile_source(ts, str_utf8(o), "<dis>", ParseMode::Eval);
            if (!code && error_matches(ts, interp.exc.SyntaxError)) {
                error_clear(ts);
                code = compile_source(ts, str_utf8(o), "<dis>", ParseMode::Exec);
            }
            return Ref<>(std::move(code));
        }
        break;
    }
    return raise(ts, interp.exc.TypeError, std::string("don't know how to disassemble ") + type_name(x) + " objects");
}

static bool print_text(ThreadState* ts, const std::string& text) {
    Ref<> s = str_from_utf8(ts, text);
    return s && write_stdout(ts, s.get());
}

// dis.dis(x): classes and modules disassemble each function they hold,
// sorted by name, as Lib/dis.py does.
static bool dis_object(ThreadState* ts, Object* x) {
    Interpreter& interp = *ts->interp;
    bool is_class = type_has_flag(type_of(x), TPFLAGS_TYPE_SUBCLASS);
    if (is_class || type_of(x) == interp.types.module) {
        DictObject* d = is_class ? static_cast<TypeObject*>(x)->tp_dict : static_cast<ModuleObject*>(x)->md_dict;
        std::vector<std::pair<std::string, Object*>> items;
        isize pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v))
            if (is_str(k)) items.push_back({std::string(str_utf8(k)), v});
        std::sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.first < b.first; });
        for (auto& [name, value] : items) {
            Object* target = value;
            if (type_of(value) == interp.types.classmethod || type_of(value) == interp.types.staticmethod) {
                Ref<> f = object_getattr_cstr(ts, value, "__func__");
                if (!f) { error_clear(ts); continue; }
                target = f.get();
                if (!is_function(target)) continue;
                if (!print_text(ts, "Disassembly of " + name + ":\n")) return false;
                Ref<> code = code_of(ts, target);
                if (!code) return false;
                std::string text = disassemble(ts, static_cast<CodeObject*>(code.get()));
                if (error_occurred(ts) || !print_text(ts, text + "\n")) return false;
                continue;
            }
            if (!is_function(target) && !is_code(target) && type_of(target) != interp.types.method &&
                !type_has_flag(type_of(target), TPFLAGS_TYPE_SUBCLASS))
                continue;
            if (!print_text(ts, "Disassembly of " + name + ":\n")) return false;
            if (!dis_object(ts, target)) return false;
            if (!print_text(ts, "\n")) return false;
        }
        return true;
    }
    Ref<> code = code_of(ts, x);
    if (!code) return false;
    std::string text = disassemble(ts, static_cast<CodeObject*>(code.get()));
    if (error_occurred(ts)) return false;
    return print_text(ts, text);
}

static Ref<> dis_dis(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"x", "file", "depth", "show_caches", "adaptive"};
    static const ArgSpec spec{"dis", names, 5, 0, 1, 0};
    Object* a[5];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    if (!a[0] || a[0] == ts->interp->None)
        return raise(ts, ts->interp->exc.RuntimeError, "no last traceback to disassemble");
    if (!dis_object(ts, a[0])) return nullptr;
    return newref(ts->interp->None);
}

// disassemble(co): one code object, without the code objects it holds.
static Ref<> dis_disassemble(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"co", "lasti", "file", "show_caches", "adaptive"};
    static const ArgSpec spec{"disassemble", names, 5, 1, 2, 0};
    Object* a[5];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Ref<> code = code_of(ts, a[0]);
    if (!code) return nullptr;
    std::string text = disassemble(ts, static_cast<CodeObject*>(code.get()), false);
    if (error_occurred(ts) || !print_text(ts, text)) return nullptr;
    return newref(ts->interp->None);
}

// _get_instructions(x, unknown): the instructions of x's code object as
// tuples (opname, opcode, arg, argval, argrepr, offset, starts_line,
// is_jump_target, (lineno, end_lineno, col_offset, end_col_offset)), the
// fields of dis.Instruction; `unknown` is dis.UNKNOWN, the argval of a
// constant other than LOAD_CONST's (KW_NAMES).
static Ref<> dis_get_instructions(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"x", "unknown"};
    static const ArgSpec spec{"_get_instructions", names, 2, 2, 2, 0};
    Object* a[2];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    Ref<> codeobj = code_of(ts, a[0]);
    if (!codeobj) return nullptr;
    auto* co = static_cast<CodeObject*>(codeobj.get());
    std::vector<DisInstruction> instrs;
    if (!decode_instructions(ts, co, instrs)) return nullptr;
    Ref<ListObject> out = list_new(ts, 0);
    if (!out) return nullptr;
    auto opt_int = [&](int v) -> Ref<> { return v < 0 ? newref(interp.None) : int_from_i64(ts, v); };
    for (const DisInstruction& d : instrs) {
        int op = d.opcode, arg = d.arg;
        Ref<> argval;
        if (arg < 0) {
            argval = newref(interp.None);
        } else if (op == LOAD_CONST) {
            argval = arg < co->co_consts->ob_size ? newref(co->co_consts->ob_item[arg]) : newref(a[1]);
        } else if (op == KW_NAMES) {
            argval = newref(a[1]);
        } else if (op == LOAD_GLOBAL || op == LOAD_NAME || op == STORE_NAME || op == DELETE_NAME ||
                   op == STORE_GLOBAL || op == DELETE_GLOBAL || op == LOAD_ATTR || op == STORE_ATTR ||
                   op == DELETE_ATTR || op == LOAD_METHOD || op == IMPORT_NAME || op == IMPORT_FROM) {
            int i = op == LOAD_GLOBAL ? arg >> 1 : arg;
            argval = i < co->co_names->ob_size ? newref(co->co_names->ob_item[i]) : newref(a[1]);
        } else if (op == LOAD_FAST || op == STORE_FAST || op == DELETE_FAST || op == LOAD_DEREF ||
                   op == STORE_DEREF || op == DELETE_DEREF || op == LOAD_CLOSURE || op == MAKE_CELL ||
                   op == LOAD_CLASSDEREF) {
            argval = arg < co->co_nlocalsplus ? newref(co->co_localsplusnames->ob_item[arg]) : newref(a[1]);
        } else if (d.jump_target >= 0) {
            argval = int_from_i64(ts, d.jump_target);
        } else if (op == COMPARE_OP) {
            argval = str_from_utf8(ts, d.argrepr);
        } else if (op == FORMAT_VALUE) {
            static const char* const conv[] = {nullptr, "str", "repr", "ascii"};
            Ref<> fn = conv[arg & 3] ? newref(dict_get_cstr(ts, interp.builtins->md_dict, conv[arg & 3]))
                                     : newref(interp.None);
            Ref<> spec_flag = bool_from(ts, arg & 4);
            if (!fn || !spec_flag) return nullptr;
            argval = tuple_pack(ts, {fn.get(), spec_flag.get()});
        } else {
            argval = int_from_i64(ts, arg);
        }
        if (!argval) return nullptr;
        const char* opname = opcode_name(op);
        std::size_t unit = std::size_t(d.offset / 2);
        Position p = unit < co->positions.size() ? co->positions[unit] : Position{-1, -1, -1, -1};
        Ref<> name = str_from_utf8(ts, opname ? opname : "<" + std::to_string(op) + ">");
        Ref<> opcode = int_from_i64(ts, op);
        Ref<> argo = opt_int(arg);
        Ref<> argrepr = str_from_utf8(ts, d.argrepr);
        Ref<> offset = int_from_i64(ts, d.offset);
        Ref<> line = opt_int(d.starts_line);
        Ref<> target = bool_from(ts, d.is_jump_target);
        Ref<> l1 = opt_int(p.lineno), l2 = opt_int(p.end_lineno), c1 = opt_int(p.col), c2 = opt_int(p.end_col);
        if (!name || !opcode || !argo || !argrepr || !offset || !line || !target || !l1 || !l2 || !c1 || !c2)
            return nullptr;
        Ref<> pos = tuple_pack(ts, {l1.get(), l2.get(), c1.get(), c2.get()});
        if (!pos) return nullptr;
        Ref<> item = tuple_pack(ts, {name.get(), opcode.get(), argo.get(), argval.get(), argrepr.get(), offset.get(),
                                     line.get(), target.get(), pos.get()});
        if (!item || !list_append(ts, out.get(), item.get())) return nullptr;
    }
    return Ref<>(std::move(out));
}

static Ref<> dis_get_code_object(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"x"};
    static const ArgSpec spec{"_get_code_object", names, 1, 1, 1, 0};
    Object* a[1];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    return code_of(ts, a[0]);
}

static const MethodDef dis_methods[] = {
    {"dis", dis_dis, 0, "Disassemble classes, methods, functions, and other compiled objects."},
    {"disassemble", dis_disassemble, 0, "Disassemble a code object."},
    {"_get_instructions", dis_get_instructions, 0, nullptr},
    {"_get_code_object", dis_get_code_object, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_dis_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_dis");
    if (!m || !module_add_functions(ts, m.get(), dis_methods)) return nullptr;
    // dis.opname / dis.opmap, as Lib/opcode.py defines them.
    Ref<ListObject> opname = list_new(ts, 256);
    Ref<DictObject> opmap = dict_new(ts);
    if (!opname || !opmap) return nullptr;
    for (int op = 0; op < 256; op++) {
        const char* n = opcode_name(op);
        Ref<> s = str_from_utf8(ts, n ? std::string(n) : "<" + std::to_string(op) + ">");
        if (!s) return nullptr;
        if (n) {
            Ref<> num = int_from_i64(ts, op);
            if (!num || !dict_set_item(ts, opmap.get(), s.get(), num.get())) return nullptr;
        }
        opname->ob_item[op] = s.release();
    }
    if (!module_add_object(ts, m.get(), "opname", opname.get()) || !module_add_object(ts, m.get(), "opmap", opmap.get()))
        return nullptr;
    // _inline_cache_entries[op]: the CACHE units that follow op.
    Ref<ListObject> caches = list_new(ts, 256);
    if (!caches) return nullptr;
    for (int op = 0; op < 256; op++) {
        Ref<> n = int_from_i64(ts, opcode_cache_entries(op));
        if (!n) return nullptr;
        caches->ob_item[op] = n.release();
    }
    if (!module_add_object(ts, m.get(), "_inline_cache_entries", caches.get())) return nullptr;
    return m;
}

}  // namespace gp
