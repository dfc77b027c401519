// The single-thread build (build/wasm/glasspy-st.js/.wasm), which a page
// without cross-origin isolation loads: no SharedArrayBuffer, Python threads
// as green threads on one thread (core/runtime/green.h over Asyncify fibers,
// wasm/fiber_host.cpp). Every threading program of the conformance suite
// must print what CPython printed; Stop and input() must work while the
// program runs, through this thread's event loop, as the site's worker uses
// them; and the CLI (build/wasm/glasspy-st) must behave like the native one.
//
// Needs: cmake --build --preset wasm
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlasspy, runProgramAsync, wasmDir } from './glasspy-module.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = fs.existsSync(path.join(repoRoot, '../shared/conformance/run'))
  ? path.join(repoRoot, '../shared/conformance')
  : path.join(repoRoot, 'tests/conformance');

// The conformance programs that use threads, processes or asyncio (the
// slow full-size one excluded).
const threadingPrograms = ['lang', 'seeds'].flatMap((folder) =>
  fs.readdirSync(path.join(suite, folder))
    .filter((name) => name.endsWith('.py'))
    .map((name) => path.join(suite, folder, name))
    .filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return /^\s*(import|from) (threading|_thread|queue|multiprocessing|concurrent|asyncio)\b/m.test(text) &&
        !/# conformance: slow/.test(text);
    }));

let Module;
before(async () => {
  Module = await loadGlasspy('glasspy-st');
});

async function run(source, filename, setup) {
  const interp = new Module.Interpreter();
  try {
    setup?.(interp);
    return await runProgramAsync(interp, source, filename);
  } finally {
    interp.delete();
  }
}

test('the single-thread module runs Python threads as green threads', () => {
  assert.equal(Module.threadsMode(), 'green');
  assert.equal(Module.wasmMemory?.buffer instanceof SharedArrayBuffer, false);
});

test('the threading conformance programs were found', () => {
  assert.ok(threadingPrograms.length >= 5, threadingPrograms.join(', '));
});

for (const file of threadingPrograms) {
  const name = path.relative(suite, file);
  test(`${name} prints what CPython 3.11 printed`, async () => {
    const expected = fs.readFileSync(file.replace(/\.py$/, '.out'), 'utf8');
    const result = await run(fs.readFileSync(file, 'utf8'), file);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, expected);
    assert.equal(result.status, 0);
  });
}

// asyncio, concurrent.futures and queue have no conformance program of
// their own yet; this one uses each, and CPython's output is taken from
// python3 on the spot.
const concurrencyMix = `
import asyncio, queue, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed

def square(x):
    return x * x

def slow(n):
    time.sleep(0.01 * n)
    return n

async def tick(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name.upper()

async def main():
    out = []
    got = await asyncio.gather(tick("c", 0.03, out), tick("a", 0.01, out), tick("b", 0.02, out))
    print(got, out)
    print(await asyncio.to_thread(square, 12))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.02)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0)
        await q.put(None)
    async def consumer():
        items = []
        while (item := await q.get()) is not None:
            items.append(item)
        return items
    print(await asyncio.gather(producer(), consumer()))

if __name__ == "__main__":
    asyncio.run(main())
    with ThreadPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(square, range(6))))
        print(sorted(f.result() for f in as_completed([ex.submit(slow, n) for n in (3, 1, 2)])))
    q = queue.Queue()
    def worker():
        while (item := q.get()) is not None:
            q.task_done()
        q.task_done()
    t = threading.Thread(target=worker)
    t.start()
    for i in range(5):
        q.put(i)
    q.put(None)
    q.join()
    t.join()
    print("queue drained", q.empty())
`;

test('asyncio, a ThreadPoolExecutor and a queue print what CPython prints', async () => {
  const expected = spawnSync('python3', ['-c', concurrencyMix], { encoding: 'utf8' });
  assert.equal(expected.status, 0, expected.stderr);
  const result = await run(concurrencyMix, '<string>');
  assert.deepEqual(result, { status: 0, stdout: expected.stdout, stderr: '' });
});

test('two threads counting with a lock reach the exact total, taking turns', async () => {
  const result = await run(`
import sys, threading
sys.setswitchinterval(0.001)
count = 0
lock = threading.Lock()
turns = []
def work(i):
    global count
    for _ in range(20000):
        with lock:
            count += 1
        if not turns or turns[-1] != i:
            turns.append(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(count, len(turns) > 2)
`);
  assert.deepEqual(result, { status: 0, stdout: '40000 True\n', stderr: '' });
});

test('Stop interrupts the main thread while another thread spins, and the module stays usable', async () => {
  let stoppedAt = 0;
  const result = await run(`
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin, daemon=True).start()
n = 0
while True:
    n += 1
`, '<string>', (interp) => {
    setTimeout(() => {
      stoppedAt = performance.now();
      interp.interrupt();
    }, 300);
  });
  const latency = performance.now() - stoppedAt;
  assert.equal(result.status, 1);
  assert.match(result.stderr, /KeyboardInterrupt\n$/);
  assert.ok(latency < 200, `KeyboardInterrupt came ${latency.toFixed(0)} ms after Stop`);
  assert.deepEqual(await run('print(6 * 7)'), { status: 0, stdout: '42\n', stderr: '' });
});

test('input() waits for the line the host provides while other threads keep running', async () => {
  const result = await run(`
import threading, time
ticks = []
def ticker():
    for i in range(3):
        time.sleep(0.01)
        ticks.append(i)
t = threading.Thread(target=ticker)
t.start()
name = input("name? ")
t.join()
print("hello", name, ticks)
try:
    input()
except EOFError:
    print("EOFError")
`, '<string>', (interp) => {
    let asked = 0;
    interp.setInputRequest(() => {
      asked += 1;
      if (asked === 1) setTimeout(() => interp.provideInput('Ada', false), 100);
      else setTimeout(() => interp.provideInput('', true), 10);
    });
  });
  assert.deepEqual(result, { status: 0, stdout: 'name? hello Ada [0, 1, 2]\nEOFError\n', stderr: '' });
});

test('nested eval loops in two switching threads survive the switches', async () => {
  // Each repr() of R nests an eval loop on the machine stack; the short
  // switch interval forces switches while both threads are nested. The
  // depth stays small: once V8 optimises the Asyncify-instrumented eval
  // loop (TurboFan), its frame is about 40 KB, so a 1 MB JS stack holds
  // only a few dozen nested loops in this build (see README, known limits).
  const result = await run(`
import sys, threading
sys.setswitchinterval(0.0005)
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R" if self.n == 0 else repr(R(self.n - 1))
out = []
def deep():
    for _ in range(200):
        out.append(repr(R(8)))
ts = [threading.Thread(target=deep) for _ in range(2)]
for t in ts: t.start()
deep()
for t in ts: t.join()
print(out == ["R"] * 600)
`);
  assert.deepEqual(result, { status: 0, stdout: 'True\n', stderr: '' });
});

test('build/wasm/glasspy-st runs a file like the native CLI', () => {
  const file = threadingPrograms.find((f) => f.includes('020_threaded_downloads'));
  const r = spawnSync(path.join(wasmDir, 'glasspy-st'), [file], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, fs.readFileSync(file.replace(/\.py$/, '.out'), 'utf8'));
  assert.equal(r.status, 0);
  const bad = spawnSync(path.join(wasmDir, 'glasspy-st'), ['-c', 'import sys; print("x"); sys.exit(3)'], { encoding: 'utf8' });
  assert.deepEqual([bad.status, bad.stdout], [3, 'x\n']);
});
