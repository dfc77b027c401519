# dis.dis options as 3.11 has them: show_caches, depth, file, raw bytes, source strings named <dis>, classes, Bytecode's first_line and current_offset, distb's marker, the opcode tables
import dis, io, re, sys, opcode

def f(a):
    return a.x + len(a.y)

def outer():
    def middle():
        def inner():
            return 1
        return inner
    return middle

def hide(text):
    return re.sub(r"0x[0-9a-f]+", "0x?", text)

dis.dis(f, show_caches=True)
for ins in dis.get_instructions(f, show_caches=True):
    print(ins.opname, ins.arg, ins.offset)
buf = io.StringIO()
dis.dis(outer, depth=0, file=buf)
print(hide(buf.getvalue()))
buf = io.StringIO()
dis.dis(outer, depth=1, file=buf)
print(hide(buf.getvalue()))
dis.dis(f.__code__.co_code)
buf = io.StringIO()
dis.dis("lambda x: x + 1", file=buf)
print(hide(buf.getvalue()))
print(dis.Bytecode("lambda: 0").codeobj.co_consts[0].co_filename)

class Animal:
    sound = "..."
    def speak(self):
        return self.sound
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def name(self):
        return "animal"
    class Inner:
        def g(self):
            return 1

dis.dis(Animal)

def g(x):
    if x:
        return x + 1
    return 0

print(dis.Bytecode(g, first_line=100).dis())
print(dis.Bytecode(g, current_offset=6).dis())
dis.disassemble(g.__code__, lasti=4)
print([i.starts_line for i in dis.get_instructions(g, first_line=10)])

def broken(x):
    return 1 / x

try:
    broken(0)
except ZeroDivisionError:
    dis.distb(sys.exc_info()[2].tb_next)

print(list(dis._find_imports(compile("import os; from a.b import c as d, e; from . import x", "", "exec"))))
print(list(dis._find_store_names(compile("x = 1; y = 2; global z; z = 3", "", "exec"))))
print(opcode._specialized_instructions[:5], len(opcode._specialized_instructions))
print(opcode._cache_format["LOAD_GLOBAL"], opcode._specialization_stats)
print(dis._all_opname[dis._all_opmap["LOAD_FAST__LOAD_FAST"]], dis._deoptop(dis._all_opmap["BINARY_OP_ADD_INT"]))
for args in [(300,), (300, 1), (dis.opmap["LOAD_CONST"],), (dis.opmap["POP_TOP"], 1), (0,), (9,), (89,), (dis.opmap["BUILD_LIST"], 3)]:
    try:
        print(args, dis.stack_effect(*args))
    except ValueError as e:
        print(args, "ValueError:", e)
