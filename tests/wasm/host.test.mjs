// What the WebAssembly build supplies that its hosts lack: a CPU-time clock
// (Emscripten has only wall clocks, so process_time() and thread_time()
// count the time the interpreter's threads held the GIL; time_module.cpp),
// and output from Python threads that reaches the page while the main
// thread still waits (wasm/bindings.cpp hands it over on the thread that
// owns the output callback, which wakes every ~20 ms while it waits).
//
// Needs: cmake --preset wasm && cmake --build --preset wasm
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGlasspy, shutdown, wasmDir } from './glasspy-module.mjs';

const Module = await loadGlasspy();
after(() => shutdown(Module));

function runCli(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-host-'));
  const file = path.join(dir, 'main.py');
  fs.writeFileSync(file, source);
  try {
    const r = spawnSync(path.join(wasmDir, 'glasspy'), [file], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.error, undefined, `the wasm CLI did not finish: ${r.error}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('process_time() advances while Python computes, not while it sleeps or waits', () => {
  // (python3 prints the same on an idle machine; a busy one gives it less
  // than 0.15 s of CPU in the 0.3 s loop, while the GIL clock counts it all.)
  const r = runCli(`
import threading, time
t0 = time.process_time()
time.sleep(0.3)
slept = time.process_time() - t0
t1 = time.process_time()
end = time.perf_counter() + 0.3
while time.perf_counter() < end:
    pass
busy = time.process_time() - t1
t2 = time.process_time()
th = threading.Thread(target=time.sleep, args=(0.3,))
th.start()
th.join()
joined = time.process_time() - t2
print(slept < 0.1, busy > 0.15, joined < 0.1)
print(type(time.process_time_ns()).__name__, time.process_time_ns() > 0, time.thread_time() > 0.15)
`);
  assert.deepEqual(r, { status: 0, stdout: 'True True True\nint True True\n', stderr: '' });
});

test("a thread's output reaches the callback while the main thread waits in join()", () => {
  const py = new Module.Interpreter();
  const chunks = [];   // [milliseconds since run() began, text]
  let start = 0;
  py.setOutput((stream, text) => chunks.push([performance.now() - start, text]));
  start = performance.now();
  const status = py.run(`
import threading, time
def work():
    print("thread started")
    time.sleep(1.0)
    print("thread done")
t = threading.Thread(target=work)
t.start()
t.join()
print("joined")
`, 'main.py');
  py.delete();
  assert.equal(status, 0);
  const text = chunks.map(([, t]) => t).join('');
  assert.equal(text, 'thread started\nthread done\njoined\n');
  const when = (line) => chunks.find(([, t]) => t.includes(line))[0];
  // Handed over within a poll of the waiting main thread, not at the end.
  assert.ok(when('thread done') - when('thread started') > 500,
    `"thread started" came ${when('thread started').toFixed(0)} ms in, "thread done" ${when('thread done').toFixed(0)} ms`);
  // And then the caller is told to send on what it batched.
  const startedAt = chunks.findIndex(([, t]) => t.includes('thread started'));
  assert.equal(chunks[startedAt + 1]?.[1], '', 'an empty (flush) chunk follows the handed-over output');
});
