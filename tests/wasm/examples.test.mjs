// The teaching examples (examples/*.py) against CPython 3.11 and against the
// WebAssembly CLI:
//   1. each header parses (the site reads the same headers at build time);
//   2. its "cpython:" field is what `python3 FILE` really prints (stdout and
//      stderr as a terminal shows them, the file's directory shown as "...");
//   3. build/wasm/glasspy prints exactly what python3 prints for the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExample } from '../../frontend/src/examples/header.js';
import { wasmDir } from './glasspy-module.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = path.join(repoRoot, 'examples');
const files = fs.readdirSync(examplesDir).filter((name) => name.endsWith('.py')).sort();

function runWith(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, cwd: examplesDir });
  assert.equal(r.error, undefined, `${command} failed to run: ${r.error}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('there are examples to check', () => {
  assert.ok(files.length >= 3, `found ${files.length} examples in ${examplesDir}`);
});

for (const file of files) {
  const fullPath = path.join(examplesDir, file);
  const source = fs.readFileSync(fullPath, 'utf8');

  test(`${file}: the header documents what CPython prints`, () => {
    const header = parseExample(source);
    const cpython = runWith('python3', [fullPath]);
    // The examples print stdout before any traceback, so stdout then stderr
    // is the order a terminal shows.
    const shown = (cpython.stdout + cpython.stderr).replaceAll(examplesDir, '...');
    assert.equal(`${header.cpython}\n`, shown);
  });

  test(`${file}: build/wasm/glasspy prints what python3 prints`, () => {
    const expected = runWith('python3', [fullPath]);
    assert.deepEqual(runWith(path.join(wasmDir, 'glasspy'), [fullPath]), expected);
  });
}
