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
  // The pthread build and the single-thread one, each as module and CLI.
  for (const name of ['glasspy.wasm', 'glasspy-cli.wasm', 'glasspy-st.wasm', 'glasspy-st-cli.wasm']) {
    assert.ok(modules.includes(name), `${name} was built`);
  }
});

// Whether the module's linear memory (imported or its own) is shared, read
// from the binary: limits flag bit 1 (0x02) marks shared memory.
function memoryIsShared(bytes) {
  let at = 8;   // past the magic number and version
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return result;
    }
  };
  const name = () => {
    const length = leb();
    at += length;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {   // imports
      for (let count = leb(); count > 0; count--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 2) return (bytes[at] & 0x02) !== 0;
        if (kind === 0) leb();                               // function: type index
        else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); }  // table
        else if (kind === 3) at += 2;                        // global: type, mutability
        else if (kind === 4) { at++; leb(); }                // tag
      }
    } else if (id === 5) {   // memories
      leb();
      return (bytes[at] & 0x02) !== 0;
    }
    at = end;
  }
  return false;
}

for (const name of modules) {
  const singleThread = name.startsWith('glasspy-st');
  test(`${name} ${singleThread ? 'does not share' : 'shares'} its memory`, () => {
    // A page without cross-origin isolation has no SharedArrayBuffer: the
    // single-thread build must not need one; the pthread build cannot work without.
    assert.equal(memoryIsShared(fs.readFileSync(path.join(wasmDir, name))), !singleThread);
  });
}

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
