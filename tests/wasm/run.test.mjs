// The WebAssembly build, exercised from Node: the Embind Interpreter the site
// uses (loaded in-process, as the browser worker loads it), and the
// `build/wasm/glasspy` launcher that must behave exactly like the native CLI.
// Every expected output is what CPython 3.11 prints for the same program:
// written out below where it is short and certain, and taken from python3
// itself, run on the same file, for tracebacks and syntax errors (whose
// source lines and carets are CPython's business, not ours to transcribe).
//
// Needs: cmake --preset wasm && cmake --build --preset wasm
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlasspy, runProgram, shutdown, wasmDir, nativeCli } from './glasspy-module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const launcher = path.join(wasmDir, 'glasspy');

let Module;
before(async () => {
  Module = await loadGlasspy();
});
after(() => {
  if (Module) shutdown(Module);
});

// A fresh interpreter per program, deleted afterwards: Embind objects are
// C++ objects and are not garbage-collected by JavaScript.
function run(source, filename) {
  const interp = new Module.Interpreter();
  try {
    return runProgram(interp, source, filename);
  } finally {
    interp.delete();
  }
}

// What CPython prints for `source` saved as a file: python3 runs the file,
// and glasspy gets the same source under the same (absolute) file name, so
// tracebacks may quote source lines just as CPython's do.
function cpythonOnFile(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-ref-'));
  const file = path.join(dir, 'main.py');
  fs.writeFileSync(file, source);
  const r = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, `python3 failed to run: ${r.error}`);
  return { file, dir, expected: { status: r.status, stdout: r.stdout, stderr: r.stderr } };
}

function matchesCpython(source) {
  const { file, dir, expected } = cpythonOnFile(source);
  try {
    assert.deepEqual(run(source, file), expected);
    return expected;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('print(1 + 2) writes 3 to stdout and exits 0', () => {
  assert.deepEqual(run('print(1 + 2)\n'), { status: 0, stdout: '3\n', stderr: '' });
});

test('a for loop over range sums squares', () => {
  const source = [
    'total = 0',
    'for i in range(1, 6):',
    '    total = total + i * i',
    '    print(i, total)',
    'print("sum:", total)',
    '',
  ].join('\n');
  assert.deepEqual(run(source), {
    status: 0,
    stdout: '1 1\n2 5\n3 14\n4 30\n5 55\nsum: 55\n',
    stderr: '',
  });
});

test('a while loop with comparisons and floats', () => {
  const source = 'x = 1.0\nsteps = 0\nwhile x < 100:\n    x = x * 2.5\n    steps = steps + 1\nprint(steps, x, x >= 100, None)\n';
  assert.deepEqual(run(source), { status: 0, stdout: '6 244.140625 True None\n', stderr: '' });
});

test('functions with positional arguments, return and recursion', () => {
  const source = [
    'def add(a, b):',
    '    return a + b',
    'def fact(n):',
    '    if n <= 1:',
    '        return 1',
    '    return n * fact(n - 1)',
    'print(add(2, 3), fact(10), fact(25))',
    '',
  ].join('\n');
  assert.deepEqual(run(source), {
    status: 0,
    stdout: '5 3628800 15511210043330985984000000\n',
    stderr: '',
  });
});

test('non-ASCII text reaches JavaScript intact', () => {
  assert.deepEqual(run('print("café", "€", "→")\n'), { status: 0, stdout: 'café € →\n', stderr: '' });
});

test('an uncaught exception prints a traceback to stderr and exits 1', () => {
  const expected = matchesCpython('def f(n):\n    return n / 0\nprint("before")\nf(1)\n');
  // What CPython printed, in outline (the test above compared every byte).
  assert.equal(expected.status, 1);
  assert.equal(expected.stdout, 'before\n');
  assert.match(expected.stderr, /^Traceback \(most recent call last\):\n[\s\S]*\nZeroDivisionError: division by zero\n$/);
});

test('a syntax error runs nothing and exits 1', () => {
  const expected = matchesCpython('print("ran")\nx = = 1\n');
  assert.equal(expected.status, 1);
  assert.equal(expected.stdout, '');
  assert.match(expected.stderr, /\nSyntaxError: invalid syntax\n$/);
});

test('SystemExit(n) makes run() return n', () => {
  assert.deepEqual(run('print("leaving")\nraise SystemExit(5)\n'), { status: 5, stdout: 'leaving\n', stderr: '' });
});

test('two interpreters alive at once run independently', () => {
  const a = new Module.Interpreter();
  const b = new Module.Interpreter();
  try {
    assert.deepEqual(runProgram(a, 'x = 40\nprint(x + 2)\n'), { status: 0, stdout: '42\n', stderr: '' });
    assert.deepEqual(runProgram(b, 'print(x)\n').status, 1, 'b does not see a\'s x');
    assert.deepEqual(runProgram(a, 'print("a again")\n'), { status: 0, stdout: 'a again\n', stderr: '' });
    b.delete();
    assert.deepEqual(runProgram(a, 'print(7 * 6)\n'), { status: 0, stdout: '42\n', stderr: '' },
      'deleting one interpreter leaves the other working');
  } finally {
    a.delete();
    if (!b.isDeleted()) b.delete();
  }
});

test('the interrupt address is a 4-byte-aligned word inside linear memory', () => {
  const interp = new Module.Interpreter();
  try {
    const address = interp.interruptAddress();
    assert.equal(address % 4, 0);
    assert.ok(address > 0 && address < Module.wasmMemory.buffer.byteLength);
  } finally {
    interp.delete();
  }
});

test('Atomics.or on the interrupt flag from another thread raises KeyboardInterrupt', () => {
  // In a child process with a deadline: see interrupt-child.mjs.
  const child = spawnSync(process.execPath, [path.join(here, 'interrupt-child.mjs')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: process.env,
  });
  assert.equal(child.error, undefined, `child failed: ${child.error}\n${child.stderr}`);
  assert.equal(child.status, 0, `child exited ${child.status} (signal ${child.signal})\n${child.stderr}`);
  const { interrupted, after } = JSON.parse(child.stdout);
  assert.notEqual(interrupted.status, 0);
  assert.equal(interrupted.stdout, '');
  // Where in the loop the flag is noticed varies from run to run (and so do
  // CPython's carets), so check the traceback's frame and its last line.
  assert.match(interrupted.stderr, /^Traceback \(most recent call last\):\n  File "<string>", line 2, in <module>\n/);
  assert.match(interrupted.stderr, /\nKeyboardInterrupt\n$/);
  assert.deepEqual(after, { status: 0, stdout: '3\n', stderr: '' }, 'usable after the interrupt');
});

test('heapSnapshot() describes arenas, pools, size classes and live objects', () => {
  const interp = new Module.Interpreter();
  try {
    const program = 'class Node:\n    pass\nkeep = [Node() for _ in range(300)]\n';
    assert.equal(runProgram(interp, program).status, 0);
    const s = interp.heapSnapshot();
    assert.ok(s.arenas.length > 0);
    assert.equal(s.sizeClasses.length, 32);
    assert.equal(s.sizeClasses[0].blockSize, 16);
    assert.equal(s.sizeClasses[31].blockSize, 512);
    let used = 0;
    for (const a of s.arenas) {
      assert.equal(a.pools.length, a.totalPools);
      for (const p of a.pools) used += p.usedBlocks;
    }
    assert.equal(used, s.smallBlocks);
    assert.ok(s.footprintBytes >= s.smallBytes + s.largeBytes);
    const node = s.liveObjects.find((t) => t.type === 'Node');
    assert.equal(node?.count, 300);
    assert.equal(s.limitBytes, 0);
  } finally {
    interp.delete();
  }
});

test('heapSnapshot() pools add up to the size classes, and freed objects leave the counts', () => {
  const interp = new Module.Interpreter();
  try {
    const program = 'class Leaf:\n    pass\nkeep = [Leaf() for _ in range(5000)]\n';
    assert.equal(runProgram(interp, program).status, 0);
    const s = interp.heapSnapshot();
    const perClass = new Array(32).fill(0);
    const freePerClass = new Array(32).fill(0);
    for (const a of s.arenas) {
      let empty = 0;
      for (const p of a.pools) {
        if (p.sizeClass < 0) { empty++; assert.equal(p.usedBlocks, 0); continue; }
        assert.equal(p.blockSize, 16 * (p.sizeClass + 1));
        assert.ok(p.usedBlocks > 0, 'a pool with a size class has a block in use');
        perClass[p.sizeClass] += p.usedBlocks;
        freePerClass[p.sizeClass] += p.freeBlocks;
      }
      assert.equal(empty, a.freePools);
    }
    s.sizeClasses.forEach((c, i) => {
      assert.equal(c.usedBlocks, perClass[i], `size class ${i} used blocks`);
      assert.equal(c.freeBlocks, freePerClass[i], `size class ${i} free blocks`);
    });
    assert.equal(s.liveObjects.find((t) => t.type === 'Leaf')?.count, 5000);
    // Each run has a new __main__: the old namespace, and `keep` with it,
    // goes (the collection takes any cycle through it).
    assert.equal(runProgram(interp, 'import gc\ngc.collect()\n').status, 0);
    const after = interp.heapSnapshot();
    assert.equal(after.liveObjects.find((t) => t.type === 'Leaf'), undefined);
    // The 5000 instances went (the second run made a few dozen blocks of its own).
    assert.ok(after.smallBlocks < s.smallBlocks - 4500, `${after.smallBlocks} blocks after, ${s.smallBlocks} before`);
    // The snapshot is plain data: it survives a JSON round trip (postMessage).
    assert.deepEqual(JSON.parse(JSON.stringify(after)), after);
  } finally {
    interp.delete();
  }
});

test('deallocating a million-node linked list does not overflow the stack', () => {
  const program = [
    'class Node:',
    '    def __init__(self, n): self.next = n',
    'head = None',
    'for i in range(1000000):',
    '    head = Node(head)',
    'del head',
    'l = None',
    'for i in range(300000):',
    '    l = [l]',
    'del l',
    'print("freed")',
    '',
  ].join('\n');
  assert.deepEqual(run(program), { status: 0, stdout: 'freed\n', stderr: '' });
});

test('setHeapLimit() makes the program raise MemoryError and leaves it usable', () => {
  const interp = new Module.Interpreter();
  try {
    assert.equal(interp.heapLimit(), 0);
    interp.setHeapLimit(16 * 1024 * 1024);
    assert.equal(interp.heapLimit(), 16 * 1024 * 1024);
    const program = 'try:\n    x = [bytes(100000) for _ in range(1000)]\nexcept MemoryError:\n    print("MemoryError")\n';
    assert.deepEqual(runProgram(interp, program), { status: 0, stdout: 'MemoryError\n', stderr: '' });
    assert.equal(interp.heapSnapshot().limitBytes, 16 * 1024 * 1024);
    interp.setHeapLimit(0);
    assert.deepEqual(runProgram(interp, 'print(len([bytes(100000) for _ in range(300)]))\n'),
      { status: 0, stdout: '300\n', stderr: '' });
  } finally {
    interp.delete();
  }
});

// --- the CLI launcher --------------------------------------------------------

function cli(args, input, command = launcher) {
  const r = spawnSync(command, args, { input: input ?? '', encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined, `${command} failed to run: ${r.error}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the CLI takes the heap limit from --heap-limit and GLASSPY_HEAP_LIMIT, as natively', () => {
  const program = [
    'try:',
    '    x = [bytes(100000) for _ in range(1000)]',
    'except MemoryError:',
    '    print("MemoryError")',
    'print(len([0] * 1000))',
    '',
  ].join('\n');
  const want = { status: 0, stdout: 'MemoryError\n1000\n', stderr: '' };
  assert.deepEqual(cli(['--heap-limit', '16M', '-c', program]), want);
  const r = spawnSync(launcher, ['-c', program], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, GLASSPY_HEAP_LIMIT: '16M' },
  });
  assert.deepEqual({ status: r.status, stdout: r.stdout, stderr: r.stderr }, want);
});

test('glasspy -c runs its argument', () => {
  assert.deepEqual(cli(['-c', 'print(1 + 2)']), { status: 0, stdout: '3\n', stderr: '' });
});

test('glasspy reads the program from stdin when given no argument', () => {
  assert.deepEqual(cli([], 'x = 6\nprint(x * 7)\n'), { status: 0, stdout: '42\n', stderr: '' });
});

test('glasspy FILE runs a file from the real filesystem', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-'));
  try {
    const file = path.join(dir, 'prog.py');
    fs.writeFileSync(file, 'for i in range(3):\n    print("line", i)\n');
    assert.deepEqual(cli([file]), { status: 0, stdout: 'line 0\nline 1\nline 2\n', stderr: '' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('glasspy exits 1 with CPython\'s traceback on an uncaught exception', () => {
  const { file, dir, expected } = cpythonOnFile('print(1)\nprint(1 / 0)\n');
  try {
    assert.equal(expected.status, 1);
    assert.deepEqual(cli([file]), expected);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('glasspy exits with the code SystemExit carries', () => {
  assert.deepEqual(cli(['-c', 'raise SystemExit(7)']), { status: 7, stdout: '', stderr: '' });
});

// The launcher promises the native CLI's behaviour, so compare the two
// directly on a few invocations (when the native build exists).
test('the wasm CLI matches the native CLI', (t) => {
  if (!fs.existsSync(nativeCli)) {
    t.skip(`no native build at ${nativeCli}`);
    return;
  }
  const cases = [
    [['-c', 'print(2 ** 10, 7 // 2, 7 % 3, -7 / 2)'], ''],
    [['-c', 'x = = 1'], ''],
    [[], 'def f():\n    return g()\nf()\n'],
    [[path.join(here, 'no-such-file.py')], ''],
  ];
  // Messages that name the program ("can't open file") name each CLI's own
  // path; the rest must be byte-for-byte the same.
  const named = (result, program) => ({
    ...result,
    stderr: result.stderr.replaceAll(program, 'glasspy'),
  });
  for (const [args, input] of cases) {
    assert.deepEqual(
      named(cli(args, input), launcher),
      named(cli(args, input, nativeCli), nativeCli),
      `glasspy ${args.join(' ')}`);
  }
});

test('the CLI writes more than a pipe holds (64 KiB) in one print without losing any', () => {
  // Node's piped stdout is non-blocking; stdio dropped what did not fit.
  const r = spawnSync(launcher, ['-c', "print('x' * 200000)\nprint('end')"], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${'x'.repeat(200000)}\nend\n`);
});
