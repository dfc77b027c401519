// Threads and processes in the WebAssembly build, under Node: every Python
// thread and every child process is a pthread, i.e. a Web Worker from the
// pool made when the module loads (PTHREAD_POOL_SIZE, wasm/CMakeLists.txt).
// What must hold at the pool's edges: running out raises the Python error
// CPython raises when the OS says no (never a hang), a child may start
// threads and children of its own while its parent blocks, and the Stop
// button (Atomics.or on the interrupt flag) reaches a main thread that waits
// for threads or child processes within 100 ms.
//
// Each program runs in its own Node process with a deadline, so a hang
// fails the test instead of stalling the suite.
//
// Needs: cmake --preset wasm && cmake --build --preset wasm
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmDir } from './glasspy-module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const launcher = path.join(wasmDir, 'glasspy');

// Runs `source` as a file with the wasm CLI (and, when asked, python3).
function runFile(source, interpreter = launcher, timeout = 120_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-mt-'));
  const file = path.join(dir, 'main.py');
  fs.writeFileSync(file, source);
  try {
    const r = spawnSync(interpreter, [file], { encoding: 'utf8', timeout, env: process.env });
    assert.equal(r.error, undefined, `${interpreter} did not finish: ${r.error}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('more threads than the worker pool holds: RuntimeError, then threads work again', () => {
  const r = runFile(`
import threading
ev = threading.Event()
started = []
try:
    for i in range(64):
        t = threading.Thread(target=ev.wait)
        t.start()
        started.append(t)
except RuntimeError as e:
    print("RuntimeError:", e)
ev.set()
for t in started:
    t.join()
print(0 < len(started) < 64)
t = threading.Thread(target=print, args=("still works",))
t.start()
t.join()
`);
  assert.deepEqual(r, { status: 0, stdout: "RuntimeError: can't start new thread\nTrue\nstill works\n", stderr: '' });
});

test('a child starts a thread and a grandchild process while its parent blocks in join', () => {
  const source = `
import multiprocessing as mp, threading
def grandchild(q):
    q.put("grandchild")
def child(q):
    th = threading.Thread(target=lambda: q.put("child's thread"))
    th.start()
    th.join()
    p = mp.Process(target=grandchild, args=(q,))
    p.start()
    p.join()
    q.put(("grandchild exit code", p.exitcode))
if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    p.join()
    print(sorted(map(str, (q.get() for _ in range(3)))), p.exitcode)
`;
  assert.deepEqual(runFile(source), runFile(source, 'python3'));
});

test('Pool(n) larger than the worker pool fails fast like a refused fork, and pools work afterwards', () => {
  const r = runFile(`
import multiprocessing as mp, os
def square(x):
    return x * x
if __name__ == "__main__":
    try:
        with mp.Pool(40) as pool:
            print(pool.map(square, range(3)))
    except OSError as e:
        print(type(e).__name__, e)
    with mp.Pool(3) as pool:
        print(pool.map(square, range(5)))
    print(1 <= os.cpu_count() <= 8)
    with mp.Pool() as pool:
        print(sum(pool.map(square, range(100))))
`);
  // Children terminated while they were still starting leave quietly.
  assert.deepEqual(r, {
    status: 0,
    stdout: 'BlockingIOError [Errno 11] Resource temporarily unavailable\n[0, 1, 4, 9, 16]\nTrue\n328350\n',
    stderr: '',
  });
});

for (const scenario of ['join', 'pool_map', 'process_join']) {
  test(`the Stop button reaches a main thread waiting in ${scenario} within 100 ms`, () => {
    const child = spawnSync(process.execPath, [path.join(here, 'interrupt-wait-child.mjs'), scenario], {
      encoding: 'utf8',
      timeout: 120_000,
      env: process.env,
    });
    assert.equal(child.error, undefined, `the run did not end: ${child.error}`);
    assert.equal(child.status, 0, child.stderr);
    const r = JSON.parse(child.stdout);
    const expected = {
      join: 'ready\nKeyboardInterrupt\n',
      pool_map: 'ready\nKeyboardInterrupt\npool closed\n',
      process_join: 'ready\nKeyboardInterrupt\n-15\n',
    }[scenario];
    assert.equal(r.stdout, expected, r.stderr);
    assert.equal(r.status, 0);
    assert.ok(r.latencyMs >= 0 && r.latencyMs < 100, `KeyboardInterrupt after ${r.latencyMs} ms`);
  });
}
