// dis_module.cpp — `_dis`, the C++ half of the `dis` module: disassembly of
// functions, methods, classes, code objects and source strings, printed as
// CPython 3.11 prints it (the formatting itself is core/bytecode/dis.cpp),
// plus the opcode facts generated from opcodes.def. The Python half
// (dis_py_module.cpp) builds get_instructions(), Bytecode and code_info()
// on top, reading code objects through their co_* attributes as 3.11's
// Lib/dis.py does.
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
            // dis._try_compile: an expression if it parses as one.
            Ref<CodeObject> code = compile_source(ts, str_utf8(o), "<disassembly>", ParseMode::Eval);
            if (!code && error_matches(ts, interp.exc.SyntaxError)) {
                error_clear(ts);
                code = compile_source(ts, str_utf8(o), "<disassembly>", ParseMode::Exec);
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

// _disassemble(code, recursive=False, lasti=-1, show_caches=False,
// line_offset=0): the text dis.dis would print for one code object (and,
// if recursive, the code objects among its constants).
static Ref<> dis_disassemble_text(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"code", "recursive", "lasti", "show_caches", "line_offset"};
    static const ArgSpec spec{"_disassemble", names, 5, 1, 5, 0};
    Object* a[5];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Ref<> code = code_of(ts, a[0]);
    if (!code) return nullptr;
    bool recursive = false;
    DisOptions opts;
    if (a[1]) {
        int r = object_is_true(ts, a[1]);
        if (r < 0) return nullptr;
        recursive = r;
    }
    if (a[3]) {
        int r = object_is_true(ts, a[3]);
        if (r < 0) return nullptr;
        opts.show_caches = r;
    }
    isize v = 0;
    if (a[2]) {
        if (!index_as_isize(ts, a[2], &v)) return nullptr;
        opts.lasti = v < INT32_MIN || v > INT32_MAX ? -1 : int(v);
    }
    if (a[4]) {
        if (!index_as_isize(ts, a[4], &v)) return nullptr;
        if (v < -(isize(1) << 30) || v > (isize(1) << 30))
            return raise(ts, ts->interp->exc.OverflowError, "line offset out of range");
        opts.line_offset = int(v);
    }
    std::string text = disassemble(ts, static_cast<CodeObject*>(code.get()), recursive, opts);
    if (error_occurred(ts)) return nullptr;
    return str_from_utf8(ts, text);
}

// stack_effect(opcode, oparg=None, *, jump=None): the net change of the
// stack depth; with jump=None the larger of the two branches.
static Ref<> dis_stack_effect(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kwnames) {
    static const char* const names[] = {"opcode", "oparg", "jump"};
    static const ArgSpec spec{"stack_effect", names, 3, 1, 2, 1};
    Object* a[3];
    if (!parse_args(ts, spec, args, nargs, kwnames, a)) return nullptr;
    Interpreter& interp = *ts->interp;
    isize op = 0, oparg = 0;
    if (!index_as_isize(ts, a[0], &op)) return nullptr;
    bool has_oparg = a[1] && a[1] != interp.None;
    if (has_oparg && !index_as_isize(ts, a[1], &oparg)) return nullptr;
    // The argument checks come first, as in compile.c's stack_effect, so
    // an unknown opcode above HAVE_ARGUMENT without oparg says so.
    if (op >= kHaveArgument && !has_oparg)
        return raise(ts, interp.exc.ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    if (op < kHaveArgument && has_oparg)
        return raise(ts, interp.exc.ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
    int jump = -1;   // -1: both branches
    if (a[2] && a[2] != interp.None) {
        if (a[2] != interp.True && a[2] != interp.False)
            return raise(ts, interp.exc.ValueError, "stack_effect: jump must be False, True or None");
        jump = a[2] == interp.True;
    }
    if (op < 0 || op > 255 || !opcode_name(int(op)))
        return raise(ts, interp.exc.ValueError, "invalid opcode or oparg");
    int taken = opcode_stack_effect(int(op), int(oparg), true);
    int fallthrough = opcode_stack_effect(int(op), int(oparg), false);
    int effect = jump == 1 ? taken : jump == 0 ? fallthrough : std::max(taken, fallthrough);
    return int_from_i64(ts, effect);
}

static const MethodDef dis_methods[] = {
    {"dis", dis_dis, 0, "Disassemble classes, methods, functions, and other compiled objects."},
    {"_disassemble", dis_disassemble_text, 0, "The disassembly of one code object, as text."},
    {"stack_effect", dis_stack_effect, 0, "Compute the stack effect of the opcode."},
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
    // Per opcode: CACHE units that follow it, and which opcodes jump
    // (relative, 3.11 has no absolute jumps) and which jump backwards.
    Ref<ListObject> caches = list_new(ts, 256);
    Ref<ListObject> jrel = list_new(ts, 0), backward = list_new(ts, 0);
    if (!caches || !jrel || !backward) return nullptr;
    for (int op = 0; op < 256; op++) {
        Ref<> n = int_from_i64(ts, opcode_name(op) ? opcode_cache_entries(op) : 0);
        if (!n) return nullptr;
        caches->ob_item[op] = n.release();
        if (!opcode_name(op) || !opcode_is_jump(op)) continue;
        Ref<> num = int_from_i64(ts, op);
        if (!num || !list_append(ts, jrel.get(), num.get())) return nullptr;
        if (opcode_is_backward_jump(op) && !list_append(ts, backward.get(), num.get())) return nullptr;
    }
    if (!module_add_object(ts, m.get(), "_inline_cache_entries", caches.get()) ||
        !module_add_object(ts, m.get(), "hasjrel", jrel.get()) ||
        !module_add_object(ts, m.get(), "_backward_jumps", backward.get()))
        return nullptr;
    return m;
}

}  // namespace gp
