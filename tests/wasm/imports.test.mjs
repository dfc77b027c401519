// The WebAssembly modules must import no `invoke_*` functions. Emscripten
// adds one such JavaScript trampoline per call signature whenever compiled
// code may throw a C++ exception or longjmp through a call; each call through
// it leaves WebAssembly, which is slow and (with pthreads) easy to get wrong.
// core/ is built with -fno-exceptions and without setjmp/longjmp
// (ARCHITECTURE.md, decision 9), so the import sections must have none.
//
//   node --test tests/wasm/imports.test.mjs      (after cmake --build --preset wasm)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { wasmDir } from './glasspy-module.mjs';

const modules = fs.existsSync(wasmDir)
  ? fs.readdirSync(wasmDir).filter((name) => name.endsWith('.wasm')).sort()
  : [];

test('the wasm build produced modules to check', () => {
  assert.ok(modules.length > 0, `no .wasm files in ${wasmDir}`);
});

// An optimised build minifies import names ("a"."b"); the JS glue next to
// the module maps each minified name to the JS function it imports
// (`asmLibraryArg` / `wasmImports`), so both are checked: the names in the
// import section, and every name the glue hands to WebAssembly.
for (const name of modules) {
  test(`${name} imports no invoke_* trampolines`, () => {
    const module = new WebAssembly.Module(fs.readFileSync(path.join(wasmDir, name)));
    const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
    assert.ok(imports.length > 0, 'the import section was read');
    assert.deepEqual(imports.filter((i) => /\.invoke_/.test(i)), []);
    const glue = path.join(wasmDir, name.replace(/\.wasm$/, '.js'));
    if (fs.existsSync(glue)) {
      const js = fs.readFileSync(glue, 'utf8');
      const table = js.match(/(?:asmLibraryArg|wasmImports)\s*=\s*\{([^}]*)\}/);
      assert.ok(table, `the import table in ${path.basename(glue)} was found`);
      const targets = [...table[1].matchAll(/:\s*([\w$]+)/g)].map((m) => m[1]);
      assert.ok(targets.length >= imports.length - 1, 'every import has a JS target');
      assert.deepEqual(targets.filter((t) => t.startsWith('invoke_')), []);
      assert.equal(/function invoke_/.test(js), false, 'the glue defines no invoke_ function');
    }
  });
}
