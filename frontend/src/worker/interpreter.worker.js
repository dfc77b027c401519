// The interpreter's Web Worker: loads the Emscripten module once, then runs
// each program it is sent on a fresh Embind Interpreter, streaming output.
//
// This worker is the module's "main" thread: every Embind call happens here
// (Embind objects belong to the thread that made them).
//
// Two builds can be loaded here; the page picks one (state/isolation.js):
//   - pthreads (glasspy.js, cross-origin isolated pages): Python threads are
//     pthreads that Emscripten runs in further workers it spawns from here.
//     A run blocks this worker until the program ends, so nothing in here
//     can wait on a timer or a message while Python runs (see client.js for
//     how Stop works anyway); input() reads end of file.
//   - single-thread (glasspy-st.js, any page): Python threads are green
//     threads on this worker. The program gives the event loop a turn every
//     50 ms and whenever all its threads wait, so messages arrive mid-run:
//     STOP interrupts it (KeyboardInterrupt), INPUT_REPLY answers input().
//
// Both report the end of a run through runAsync's callback.
import {
  LOAD, RUN, STOP, INPUT_REPLY, READY, STARTED, OUTPUT, INPUT, DONE, FAILED, STDERR,
} from '../interpreter/protocol.js';

let Module = null;   // the Emscripten module, once loaded
let current = null;  // the latest run's Interpreter; see client.js, "Safety"
let written = [];    // the files the latest run's program was made of
let runningId = 0;   // the runId of the program running now, 0 when none

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === LOAD) load(message);
  else if (message.type === RUN) run(message);
  // Only the single-thread build can see these while a program runs.
  else if (message.type === STOP) {
    if (runningId !== 0 && message.runId === runningId) current.interrupt();
  } else if (message.type === INPUT_REPLY) {
    if (runningId !== 0 && message.runId === runningId) {
      current.provideInput(message.text ?? '', message.text === null);
    }
  }
};

// In the single-thread build the program continues from event-loop tasks,
// so a trap there surfaces here rather than in run()'s try.
self.addEventListener('error', (event) => {
  if (runningId === 0) return;
  event.preventDefault();
  runningId = 0;
  self.postMessage({ type: FAILED, message: describe(event.error ?? event.message) });
});

async function load({ moduleUrl, version }) {
  // Every file of one build carries the build's hash, so a browser cache
  // never mixes a new glasspy.js with an old glasspy.wasm.
  const versioned = (url) => `${url}?v=${version}`;
  try {
    const createGlasspy = await loadScript(versioned(moduleUrl), 'createGlasspy');
    Module = await createGlasspy({
      // Pthread workers load glasspy.js by this URL. Without it they would
      // try this bundled worker's own URL and never start.
      mainScriptUrlOrBlob: versioned(moduleUrl),
      // Emscripten looks for glasspy.wasm and glasspy.worker.js beside the
      // script that runs it, which is this worker, not glasspy.js.
      locateFile: (file) => versioned(new URL(file, moduleUrl).href),
    });
  } catch (error) {
    self.postMessage({ type: FAILED, message: describe(error) });
    return;
  }
  // The memory can only be shared with the page when the page is isolated
  // (and the single-thread build's memory is not shared at all).
  const threads = Module.threadsMode();
  const shared = self.crossOriginIsolated && threads === 'pthreads';
  self.postMessage({ type: READY, memory: shared ? Module.wasmMemory : null, threads });
  // The single-thread build has no synchronous run() (a switch between green
  // threads returns to JS early); its eval loop re-enters itself all the same.
  if (threads === 'pthreads') warmUp();
}

// V8 compiles WebAssembly twice: at once with a quick baseline compiler, then,
// in the background, functions that run hot with its optimizing compiler,
// whose code is used from their next call on. The interpreter's eval loop
// re-enters itself every few thousand loop turns so that a running program
// switches to the optimized loop as soon as it is ready (see "Re-entering
// the loop" in core/runtime/eval.cpp), but until V8 has it a program runs
// about 1.5x slower. So right after loading, while the learner reads the
// page, a short program makes the hot paths (the eval loop, calls, ints,
// lists, dicts, strings) hot enough for V8 to optimize them; a Run that
// arrives meanwhile waits for it (a few tens of milliseconds).
const WARM_UP = `
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return self.x * self.x + self.y * self.y
def work(n):
    total = 0
    seen = {}
    items = []
    for i in range(n):
        p = Point(i, i + 1)
        total += p.norm() % 7
        seen[i % 13] = seen.get(i % 13, 0) + 1
        items.append(f"{i}:{total}")
    return total, len(seen), len(items)
work(20000)
`;

function warmUp() {
  try {
    const py = new Module.Interpreter();
    py.setOutput(() => {});
    py.run(WARM_UP, '<warm-up>');
    py.delete();
  } catch {
    // Only a head start: a failure here shows up in the learner's own run.
  }
}

// glasspy.js is a classic script (pthread workers load it with importScripts),
// but this is a module worker, which cannot importScripts. (It is a module
// worker because Vite's dev server serves worker code unbundled, and only a
// module worker can follow the import of protocol.js.) So fetch the text and
// run it as a function body that hands back the one name it defines.
async function loadScript(url, name) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const code = await response.text();
  // sourceURL names the code in stack traces and the debugger.
  return new Function(`${code}\nreturn ${name};\n//# sourceURL=${url}`)();
}

async function run({ runId, source, filename, files = [] }) {
  if (!Module) {
    self.postMessage({ type: FAILED, message: 'the interpreter is not loaded' });
    return;
  }
  // A fresh interpreter per run (under a millisecond to make): each Run
  // starts like `python3 file.py` does, with fresh heap, collector and
  // module state, so what the panels show depends only on this program.
  // The previous one is deleted only now.
  current?.delete();
  current = null;

  const output = new OutputBatcher(runId);
  let status;
  const started = performance.now();
  try {
    // The program's files (the page sends the main file too, and any
    // modules it imports) go into the worker's in-memory filesystem first,
    // side by side (relative names are relative to the current directory,
    // which is sys.path[0] for a main file named without a directory), so
    // `import helper` finds helper.py and open(__file__) finds the program.
    // A module the previous program had and this one lacks (the learner
    // removed its tab, or picked another example) must not stay importable.
    for (const name of written) {
      if (!files.some((file) => file.name === name)) Module.removeFile(name);
    }
    written = files.map((file) => file.name);
    for (const { name, text } of files) {
      const problem = Module.writeFile(name, text);
      if (problem) output.write(STDERR, `glasspy: could not write ${name}: ${problem}\n`);
    }
    current = new Module.Interpreter();
    current.setOutput((stream, text) => output.write(stream, text));
    current.setInputRequest?.(() => {
      output.flush();
      self.postMessage({ type: INPUT, runId });
    });
    self.postMessage({ type: STARTED, runId, interruptAddress: current.interruptAddress() });
    runningId = runId;
    status = await new Promise((resolve) => current.runAsync(source, filename, resolve));
    // What python3 prints as it exits (a __del__ at exit) belongs to the run.
    current.finish();
  } catch (error) {
    // A trap or abort inside WebAssembly: the module's state is suspect, so
    // the page replaces this worker.
    runningId = 0;
    output.flush();
    self.postMessage({ type: FAILED, message: describe(error) });
    return;
  }
  runningId = 0;
  output.flush();
  self.postMessage({ type: DONE, runId, status, elapsedMs: performance.now() - started });
}

// Output arrives in many small pieces (one per print, often one per write).
// One postMessage each would flood the page, so pieces are batched; a batch
// goes out when the stream changes, when it is large, when FLUSH_MS have
// passed since the last one, and at the end of the run. The first write
// after a quiet spell goes out at once, so progress lines show up live, and
// so does anything the program flushes.
// In the pthread build no timer can flush a batch while the run blocks this
// thread, so a batch waits at most until the program writes again or ends;
// in the single-thread build the timer below fires at the program's next
// turn of the event loop.
const FLUSH_MS = 16;
const FLUSH_CHARS = 16 * 1024;

class OutputBatcher {
  constructor(runId) {
    this.runId = runId;
    this.stream = 0;
    this.text = '';
    this.lastFlush = -Infinity;
    this.timer = null;
  }

  // An empty text is the program flushing (sys.stdout.flush(),
  // print(flush=True), input()): what is held goes out now.
  write(stream, text) {
    if (text === '') {
      this.flush();
      return;
    }
    if (stream !== this.stream) this.flush();
    this.stream = stream;
    this.text += text;
    const now = performance.now();
    if (stream === STDERR || this.text.length >= FLUSH_CHARS || now - this.lastFlush >= FLUSH_MS) {
      this.flush(now);
    } else if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
    }
  }

  // Only a batch that was really sent starts a new spell: a flush with
  // nothing held (a stream change, an empty write) must not hold back the
  // next write, or the first line a program prints before it blocks would
  // wait for the end of the run.
  flush(now = performance.now()) {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.text !== '') {
      self.postMessage({ type: OUTPUT, runId: this.runId, stream: this.stream, text: this.text });
      this.text = '';
      this.lastFlush = now;
    }
  }
}

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
