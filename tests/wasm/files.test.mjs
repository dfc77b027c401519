// Programs of several files in the module the site's worker loads: the page
// writes the program's other modules into the module's in-memory filesystem
// (Module.writeFile) and runs the main file, whose imports must then find
// them, as `python3 main.py` finds modules beside main.py on disk.
//
// Each program is also written to a real directory of the same absolute path
// and run by python3, so the expected output (tracebacks through imported
// files included) is CPython's own.
//
// Needs: cmake --preset wasm && cmake --build --preset wasm
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGlasspy, runProgram, shutdown } from './glasspy-module.mjs';

let Module;
before(async () => {
  Module = await loadGlasspy();
});
after(() => {
  if (Module) shutdown(Module);
});

// files: { 'relative/name.py': text }; the main file is main.py.
function compare(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-files-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(dir, name);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      // The same path inside the wasm module's in-memory filesystem.
      assert.equal(Module.writeFile(full, text), '', `writeFile ${full}`);
    }
    const main = path.join(dir, 'main.py');
    const r = spawnSync('python3', [main], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.error, undefined, `python3 failed to run: ${r.error}`);
    const expected = { status: r.status, stdout: r.stdout, stderr: r.stderr };
    const interp = new Module.Interpreter();
    try {
      assert.deepEqual(runProgram(interp, files['main.py'], main), expected);
    } finally {
      interp.delete();
    }
    return expected;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('main.py imports a module written beside it in the in-memory filesystem', () => {
  const out = compare({
    'main.py': 'import helper\nfrom helper import square as sq\nprint(helper.square(7), sq(3), helper.__name__)\nprint(helper.__file__.endswith("/helper.py"))\n',
    'helper.py': 'print("loading helper")\ndef square(n):\n    return n * n\n',
  });
  assert.match(out.stdout, /^loading helper\n49 9 helper\nTrue\n$/);
});

test('a package with __init__, a submodule and a relative import', () => {
  compare({
    'main.py': 'from shapes import area, Square\nimport shapes.units as u\nprint(area(Square(3)), u.UNIT, shapes_loaded())\n' +
      'def shapes_loaded():\n    import sys\n    return sorted(m for m in sys.modules if m.startswith("shapes"))\n',
    'shapes/__init__.py': 'from .square import Square\nfrom .units import UNIT\ndef area(s):\n    return f"{s.side ** 2} {UNIT}^2"\n',
    'shapes/square.py': 'class Square:\n    def __init__(self, side):\n        self.side = side\n',
    'shapes/units.py': 'UNIT = "cm"\n',
  });
});

test('a traceback through an imported module quotes that file\'s lines', () => {
  const out = compare({
    'main.py': 'import calc\nprint(calc.ratio(6, 3))\nprint(calc.ratio(1, 0))\n',
    'calc.py': 'def ratio(a, b):\n    return a / b\n',
  });
  assert.equal(out.status, 1);
  assert.match(out.stderr, /ZeroDivisionError: division by zero\n$/);
});

test('writeFile reports what stops it instead of failing silently', () => {
  assert.equal(Module.writeFile('/tmp/glasspy-ok.txt', 'x'), '');
  // A file cannot be a directory. (MEMFS words this "Permission denied"
  // where Linux says "Not a directory"; either way the reason names the path.)
  assert.match(Module.writeFile('/tmp/glasspy-ok.txt/below.py', 'x'), /^\/tmp\/glasspy-ok\.txt\/below\.py: \w/);
  assert.equal(Module.writeFile('', 'x'), 'empty path');
});
