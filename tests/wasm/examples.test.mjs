// The example catalogue (examples/) against CPython 3.11 and against the
// WebAssembly CLI. An example is a file examples/NN_name.py, or a folder
// examples/NN_name/ whose main.py imports the folder's other modules.
//   1. each header parses (the site reads the same headers at build time);
//   2. its "cpython:" field is what `python3 FILE` really prints (stdout and
//      stderr as a terminal shows them, the examples folder shown as "...");
//   3. build/wasm/glasspy prints what python3 prints for the file: exactly,
//      when the output is the same on every run; otherwise both outputs
//      must fit the header's template (every line exact except the «kind»
//      gaps, which must have their kind's shape), stderr and the exit
//      status must be equal, and the example's PROPERTIES (below) must hold
//      for both interpreters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExample, outputPattern, isDeterministic } from '../../frontend/src/examples/header.js';
import { wasmDir } from './glasspy-module.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = path.join(repoRoot, 'examples');

// [{ id, main }]: main is the file python3 runs.
const examples = fs.readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => /^\d\d_\w+$/.test(entry.name.replace(/\.py$/, '')))
  .map((entry) => ({
    id: entry.name.replace(/\.py$/, ''),
    main: entry.isDirectory() ? path.join(examplesDir, entry.name, 'main.py') : path.join(examplesDir, entry.name),
  }))
  .sort((a, b) => a.id.localeCompare(b.id));

// What must hold of an example's varying parts, in both interpreters.
// values: the «kind» gaps in order, as strings.
const PROPERTIES = {
  '09_memory_reuse'([first, second]) {
    assert.equal(second, first, 'the second Point reuses the first one\'s address');
  },
  '11_identity'([a, b, c]) {
    assert.equal(b, a, 'a and b are one object');
    assert.notEqual(c, a, 'c is another object');
  },
  '30_threads_race'([, lostUpdates]) {
    const total = Number(lostUpdates);
    assert.ok(total > 0 && total <= 400_000, `the racing total ${total} is at most 2 × 200,000`);
  },
  '31_gil_cpu_bound_threads'([single, threaded]) {
    // One GIL: two threads cannot do the two counts in (much) less time than
    // one thread doing both. (Generous, for a busy machine.)
    assert.ok(Number(threaded) > 0.5 * Number(single), `threads ${threaded}s vs one thread ${single}s`);
  },
  '32_threads_vs_processes'(durations) {
    // Whether the processes win depends on free cores, which a shared test
    // machine does not promise; the results line is checked exactly.
    for (const seconds of durations) assert.ok(Number(seconds) < 60, `a task took ${seconds} s`);
  },
  '34_threads_for_io'([sequential, threaded]) {
    assert.ok(Number(sequential) >= 0.95, `ten 0.1 s waits in a row take ${sequential} s`);
    assert.ok(Number(threaded) < Number(sequential) / 2, `the waits overlap: ${threaded} s vs ${sequential} s`);
  },
  '35_asyncio_for_io'([elapsed]) {
    assert.ok(Number(elapsed) >= 0.29, `gather waits for the longest sleep (0.3 s), took ${elapsed} s`);
  },
};

function runWith(command, main) {
  // No __pycache__ beside the examples' modules.
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  const r = spawnSync(command, [main], { encoding: 'utf8', timeout: 120_000, cwd: path.dirname(main), env });
  assert.equal(r.error, undefined, `${command} failed to run: ${r.error}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Output as a terminal shows it: the examples print stdout before any
// traceback, so stdout then stderr.
const shown = ({ stdout, stderr }) => (stdout + stderr).replaceAll(examplesDir, '...');

test('there is a catalogue of examples to check', () => {
  assert.ok(examples.length >= 20, `found ${examples.length} examples in ${examplesDir}`);
  assert.ok(examples.some(({ main }) => main.endsWith('/main.py')), 'at least one example of several files');
});

const cpythonRuns = new Map();
function cpython(example) {
  if (!cpythonRuns.has(example.id)) cpythonRuns.set(example.id, runWith('python3', example.main));
  return cpythonRuns.get(example.id);
}

for (const example of examples) {
  const header = parseExample(fs.readFileSync(example.main, 'utf8'));
  const pattern = outputPattern(header.cpython);
  const deterministic = isDeterministic(header.cpython);
  const check = (who, result) => {
    const match = pattern.exec(shown(result));
    assert.ok(match, `${who}'s output does not fit the header's cpython field:\n${shown(result)}`);
    if (deterministic) return;
    assert.ok(example.id in PROPERTIES, `${example.id} varies, so it needs PROPERTIES to check`);
    PROPERTIES[example.id](match.slice(1), who);
  };

  test(`${example.id}: the header documents what CPython prints`, () => {
    const expected = cpython(example);
    if (deterministic) assert.equal(shown(expected), `${header.cpython}\n`);
    else check('python3', expected);
  });

  test(`${example.id}: build/wasm/glasspy prints what python3 prints`, () => {
    const expected = cpython(example);
    const actual = runWith(path.join(wasmDir, 'glasspy'), example.main);
    if (deterministic) {
      assert.deepEqual(actual, expected);
    } else {
      check('glasspy', actual);
      assert.equal(actual.status, expected.status);
      assert.equal(actual.stderr, expected.stderr);
    }
  });
}
