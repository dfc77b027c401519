# an import statement's instructions carry the whole statement's position (3.11 does not locate the aliases): a failing import's traceback shows no carets when the statement is the whole line, and underlines the statement otherwise
import dis, traceback
for src in ["import nosuchmod", "import os, nosuchmod", "x = 1; import nosuchmod", "import os.nosuch as p", "import os, \\\n  sys"]:
    code = compile(src, "test_src.py", "exec")
    print([(i.opname, i.positions.lineno, i.positions.col_offset, i.positions.end_col_offset)
           for i in dis.get_instructions(code) if i.opname in ("IMPORT_NAME", "STORE_NAME", "IMPORT_FROM")])
def f():
    import nosuchmod
try:
    f()
except ImportError:
    print(traceback.format_exc())
try:
    x = 1; import nosuchmod
except ImportError:
    print(traceback.format_exc())
