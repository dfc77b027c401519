// Child process for the interrupt test (run.test.mjs spawns it with a
// timeout). It lives in its own process because Interpreter.run() blocks this
// thread: if the interrupt were ignored, only a kill from outside could end
// the run, and the test must fail rather than hang.
//
// As the site's Stop button does, a second thread raises the flag in shared
// memory with Atomics.or while run() is busy; then the same Interpreter
// runs another program to show that it is still usable. Prints one JSON line.
import { Worker } from 'node:worker_threads';
import { loadGlasspy, runProgram, shutdown } from './glasspy-module.mjs';

const Module = await loadGlasspy();
const interp = new Module.Interpreter();

const stopper = new Worker(
  `const { workerData } = require('node:worker_threads');
   setTimeout(() => {
     Atomics.or(new Int32Array(workerData.buffer), workerData.address >> 2, 1);
   }, 300);`,
  { eval: true, workerData: { buffer: Module.wasmMemory.buffer, address: interp.interruptAddress() } });

const interrupted = runProgram(interp, 'n = 0\nwhile True: n = n + 1\n');
const after = runProgram(interp, 'print(1 + 2)\n');
console.log(JSON.stringify({ interrupted, after }));

await stopper.terminate();
interp.delete();
shutdown(Module);
