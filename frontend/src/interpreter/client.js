// client.js — the one module on the page that talks to the interpreter.
//
// The interpreter runs in a dedicated Web Worker (../worker/), so a long or
// endless Python program never freezes the page. This class owns that worker
// and turns its messages (protocol.js) into calls on the handlers the state
// layer passes in. Nothing else on the page sees the worker or Embind.
//
// Stopping a program. In the pthread build, while Python runs, the worker's
// thread is inside WebAssembly and cannot receive messages, so Stop cannot
// be a message:
//   - cross-origin isolated: the worker hands over its shared memory at load,
//     and the address of the running interpreter's interrupt flag at each
//     run. Stop sets bit 0 there with Atomics.or (the other bits of that word are the eval breaker's own); the eval loop sees it at
//     its next check and raises KeyboardInterrupt, exactly as Ctrl+C does in
//     a terminal, and the interpreter stays loaded.
//   - otherwise (or if the program does not stop within STOP_GRACE_MS, e.g.
//     it is stuck outside the eval loop): terminate the worker and start a
//     new one. The program's state is lost, and so is the loaded module.
// The single-thread build (pages without isolation) turns the worker's
// event loop while Python runs, so there Stop is a message (STOP) and the
// worker sets the same flag; the grace period and restart still apply.
// The same holds for input(): the worker asks (INPUT) and waits for the
// line (INPUT_REPLY); in the pthread build input() reads end of file.
//
// Safety of the flag address: the worker keeps each run's interpreter alive
// until the next RUN message arrives, and this class forgets the address on
// DONE, before it can send that message. So a store never hits freed memory.
import { LOAD, RUN, STOP, INPUT_REPLY, READY, STARTED, OUTPUT, INPUT, DONE, FAILED } from './protocol.js';

const STOP_GRACE_MS = 2000;

export class InterpreterClient {
  // handlers: {
  //   onLoading(),                         a (new) worker is loading the module
  //   onReady({ sharedMemory, threads }),  ready to run; sharedMemory: bool,
  //                                        threads: 'pthreads' or 'green'
  //   onOutput(stream, text),
  //   onInput(),                           input() waits: answer with provideInput
  //   onDone({ status, elapsedMs }),       status: exit status, or null if the
  //                                        worker had to be restarted
  //   onCrashed(message),                  a run broke the module (a trap, an
  //                                        abort); a new worker is on its way
  //   onFailed(message) }                  the module cannot be loaded at all
  constructor({ moduleUrl, version, handlers }) {
    this.moduleUrl = moduleUrl;
    this.version = version;
    this.handlers = handlers;
    this.worker = null;
    this.memory = null;         // shared WebAssembly.Memory, when isolated
    this.threads = null;        // 'pthreads' or 'green', once loaded
    this.runId = 0;             // id of the latest run
    this.running = false;
    this.flagAddress = null;    // the running interpreter's interrupt word
    this.stopTimer = null;
  }

  start() {
    this.worker = new Worker(new URL('../worker/interpreter.worker.js', import.meta.url), {
      type: 'module',
      name: 'glasspy-interpreter',
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(`the interpreter worker failed: ${event.message || 'script error'}`);
    };
    this.handlers.onLoading();
    this.worker.postMessage({ type: LOAD, moduleUrl: this.moduleUrl, version: this.version });
  }

  // files: other modules of the program, [{ name, text }], written into the
  // worker's filesystem before the main file runs.
  run(source, filename, files = []) {
    if (!this.worker || this.running) return false;
    this.running = true;
    this.runId += 1;
    this.worker.postMessage({ type: RUN, runId: this.runId, source, filename, files });
    return true;
  }

  stop() {
    if (!this.running || this.stopTimer !== null) return;
    if (this.memory && this.flagAddress !== null) {
      const words = new Int32Array(this.memory.buffer);
      Atomics.or(words, this.flagAddress >> 2, 1);
      // Wakes the interpreter if it ever waits on the flag word itself.
      Atomics.notify(words, this.flagAddress >> 2);
      this.stopTimer = setTimeout(() => this.restart(), STOP_GRACE_MS);
    } else if (this.threads === 'green') {
      this.worker.postMessage({ type: STOP, runId: this.runId });
      this.stopTimer = setTimeout(() => this.restart(), STOP_GRACE_MS);
    } else {
      this.restart();
    }
  }

  // The line input() asked for (without its newline), or null for EOF.
  provideInput(text) {
    if (!this.running) return;
    this.worker.postMessage({ type: INPUT_REPLY, runId: this.runId, text });
  }

  // Ends the current worker (and whatever it was running) and loads a fresh one.
  restart() {
    const wasRunning = this.running;
    this.teardown();
    if (wasRunning) this.handlers.onDone({ status: null, elapsedMs: null });
    this.start();
  }

  teardown() {
    clearTimeout(this.stopTimer);
    this.stopTimer = null;
    this.worker?.terminate();
    this.worker = null;
    this.memory = null;
    this.threads = null;
    this.running = false;
    this.flagAddress = null;
  }

  fail(message) {
    const wasRunning = this.running;
    this.teardown();
    if (wasRunning) this.handlers.onDone({ status: null, elapsedMs: null });
    this.handlers.onFailed(message);
  }

  receive(message) {
    switch (message.type) {
      case READY:
        this.memory = message.memory;
        this.threads = message.threads;
        this.handlers.onReady({ sharedMemory: message.memory !== null, threads: message.threads });
        break;
      case STARTED:
        if (message.runId === this.runId) this.flagAddress = message.interruptAddress;
        break;
      case OUTPUT:
        if (message.runId === this.runId) this.handlers.onOutput(message.stream, message.text);
        break;
      case INPUT:
        if (message.runId === this.runId && this.running) this.handlers.onInput?.();
        break;
      case DONE:
        if (message.runId !== this.runId) break;
        clearTimeout(this.stopTimer);
        this.stopTimer = null;
        this.running = false;
        this.flagAddress = null;
        this.handlers.onDone({ status: message.status, elapsedMs: message.elapsedMs });
        break;
      case FAILED:
        if (this.running) {
          this.handlers.onCrashed(message.message);
          this.restart();
        } else {
          this.fail(message.message);
        }
        break;
      default:
        console.warn('glasspy: unknown message from the worker', message);
    }
  }
}
