// Child process for concurrency.test.mjs: the Stop button while the main
// thread waits. Runs one scenario (argv[2]) of SCENARIOS below on an
// Interpreter: the program prints "ready" once its threads or child
// processes run; the output callback (on this thread, inside run()) tells a
// stopper worker, which waits 100 ms and raises the interrupt flag with
// Atomics.or, as the page does, noting when. The program catches
// KeyboardInterrupt and prints it; the callback notes when that arrives.
// Prints one JSON line: { status, stdout, stderr, latencyMs }.
import { Worker } from 'node:worker_threads';
import { loadGlasspy, shutdown } from './glasspy-module.mjs';

const SCENARIOS = {
  // Two threads spin; the main thread is waiting to join one of them.
  join: `
import threading
def spin():
    while True:
        pass
threads = [threading.Thread(target=spin, daemon=True) for _ in range(2)]
for t in threads:
    t.start()
print("ready", flush=True)
try:
    threads[0].join()
except KeyboardInterrupt:
    print("KeyboardInterrupt", flush=True)
`,
  // Two worker processes spin; the main thread waits in Pool.map.
  pool_map: `
import multiprocessing as mp
def spin(x):
    while True:
        pass
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print("ready", flush=True)
        try:
            pool.map(spin, range(2))
        except KeyboardInterrupt:
            print("KeyboardInterrupt", flush=True)
    print("pool closed")
`,
  // A child spins; the main thread waits in Process.join, then Queue.get.
  process_join: `
import multiprocessing as mp
def spin(q):
    while True:
        pass
if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=spin, args=(q,))
    p.start()
    print("ready", flush=True)
    try:
        p.join()
    except KeyboardInterrupt:
        print("KeyboardInterrupt", flush=True)
    p.terminate()
    p.join()
    print(p.exitcode)
`,
};

const source = SCENARIOS[process.argv[2]];
const Module = await loadGlasspy();
const interp = new Module.Interpreter();
const when = new Float64Array(new SharedArrayBuffer(8));   // Date.now() of the interrupt

const stopper = new Worker(
  `const { workerData, parentPort } = require('node:worker_threads');
   parentPort.once('message', () => setTimeout(() => {
     workerData.when[0] = Date.now();
     Atomics.or(new Int32Array(workerData.buffer), workerData.address >> 2, 1);
   }, 100));`,
  { eval: true, workerData: { buffer: Module.wasmMemory.buffer, address: interp.interruptAddress(), when } });

let told = false;
let seenAt = 0;
let stdout = '';
let stderr = '';
interp.setOutput((stream, text) => {
  if (stream === 2) {
    stderr += text;
    return;
  }
  stdout += text;
  if (!told && stdout.includes('ready\n')) {
    told = true;
    stopper.postMessage('go');
  }
  if (!seenAt && stdout.includes('KeyboardInterrupt')) seenAt = Date.now();
});
const status = interp.run(source, 'main.py');
console.log(JSON.stringify({ status, stdout, stderr, latencyMs: seenAt && when[0] ? seenAt - when[0] : -1 }));

await stopper.terminate();
interp.delete();
shutdown(Module);
