// The interpreter's lifecycle and the current run, as signals, and the
// actions that change them. The only state module that uses the client.
import { signal, computed } from '@preact/signals';
import { InterpreterClient } from '../interpreter/client.js';
import { STDOUT, STDERR } from '../interpreter/protocol.js';
import { source, filename, files } from './examples.js';
import { isolated } from './isolation.js';

// 'loading' -> 'ready' <-> 'running' -> 'stopping' -> 'ready'; or 'failed'
export const phase = signal('loading');
export const failure = signal('');            // why phase is 'failed'
export const sharedMemory = signal(false);    // Stop can interrupt in place
export const threads = signal(null);          // 'pthreads' or 'green': how Python threads run
export const waitingForInput = signal(false); // input() waits for a line (single-thread build)

// The output of the latest run: chunks of one stream each, adjacent chunks
// of the same stream merged, so the list stays short however much is printed.
export const output = signal([]);
export const trimmed = signal(false);         // older output was dropped
export const exitStatus = signal(undefined);  // undefined: no run finished yet;
                                              // null: stopped by restarting
export const elapsedMs = signal(null);
export const runNumber = signal(0);           // counts runs; tells results apart

export const canRun = computed(() => phase.value === 'ready');
export const isRunning = computed(() => phase.value === 'running' || phase.value === 'stopping');

// An endless print loop must not exhaust the page: keep the newest output.
const MAX_OUTPUT_CHARS = 200_000;

function append(stream, text) {
  const chunks = output.value.slice();
  const last = chunks[chunks.length - 1];
  if (last && last.stream === stream) chunks[chunks.length - 1] = { stream, text: last.text + text };
  else chunks.push({ stream, text });

  let total = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  while (total > MAX_OUTPUT_CHARS) {
    const excess = total - MAX_OUTPUT_CHARS;
    const first = chunks[0];
    if (first.text.length <= excess) {
      chunks.shift();
      total -= first.text.length;
    } else {
      chunks[0] = { stream: first.stream, text: first.text.slice(excess) };
      total -= excess;
    }
    trimmed.value = true;
  }
  output.value = chunks;
}

const client = new InterpreterClient({
  // Without cross-origin isolation there is no shared memory for pthreads:
  // the single-thread build runs Python threads as green threads instead.
  moduleUrl: new URL(isolated ? __GLASSPY_WASM_PATH__ : __GLASSPY_WASM_ST_PATH__, document.baseURI).href,
  version: __GLASSPY_WASM_VERSION__,
  handlers: {
    onLoading() {
      if (phase.value !== 'failed') phase.value = 'loading';
    },
    onReady({ sharedMemory: shared, threads: mode }) {
      sharedMemory.value = shared;
      threads.value = mode;
      phase.value = 'ready';
    },
    onOutput: append,
    onInput() {
      waitingForInput.value = true;
    },
    onDone({ status, elapsedMs: ms }) {
      waitingForInput.value = false;
      exitStatus.value = status;
      elapsedMs.value = ms;
      phase.value = status === null ? 'loading' : 'ready';
    },
    onCrashed(message) {
      append(STDERR, `\n[glasspy itself crashed: ${message}. The interpreter has been restarted.]\n`);
    },
    onFailed(message) {
      failure.value = `The interpreter could not be loaded: ${message}`;
      phase.value = 'failed';
    },
  },
});

export function startInterpreter() {
  client.start();
}

export function runProgram() {
  if (!canRun.value) return;
  output.value = [];
  trimmed.value = false;
  exitStatus.value = undefined;
  elapsedMs.value = null;
  // Every file of the program goes into the worker's filesystem, the main
  // file too, so the program finds its modules, and its own file, on disk
  // as it would under `python3 main.py`.
  if (client.run(source.value, filename.value, files.value)) {
    runNumber.value += 1;
    phase.value = 'running';
  }
}

export function stopProgram() {
  if (phase.value !== 'running') return;
  phase.value = 'stopping';
  waitingForInput.value = false;
  client.stop();
}

// The learner typed a line for input(): echo it as a terminal would, and
// hand it to the program.
export function submitInput(text) {
  if (!waitingForInput.value) return;
  waitingForInput.value = false;
  append(STDOUT, `${text}\n`);
  client.provideInput(text);
}
