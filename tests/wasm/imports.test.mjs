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

for (const name of modules) {
  test(`${name} imports no invoke_* trampolines`, () => {
    const module = new WebAssembly.Module(fs.readFileSync(path.join(wasmDir, name)));
    const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
    assert.ok(imports.length > 0, 'the import section was read');
    assert.deepEqual(imports.filter((i) => /\.invoke_/.test(i)), []);
  });
}
