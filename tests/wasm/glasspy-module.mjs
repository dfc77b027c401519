// Loads the Emscripten module (build/wasm/glasspy.js) into this Node process
// and wraps its Embind Interpreter in a small promise-free helper. Shared by
// the wasm tests; the site's worker does the same thing in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// GLASSPY_WASM_DIR lets the same tests run against another wasm build
// (a debug or sanitizer one); the default is the `wasm` preset's output.
export const wasmDir = path.resolve(process.env.GLASSPY_WASM_DIR ?? path.join(repoRoot, 'build/wasm'));
export const nativeCli = path.join(repoRoot, 'build/native/glasspy');

// name: 'glasspy' (the pthread build) or 'glasspy-st' (the single-thread one).
export async function loadGlasspy(name = 'glasspy') {
  const require = createRequire(import.meta.url);
  const createGlasspy = require(path.join(wasmDir, `${name}.js`));
  // Node 20's fetch() cannot load a file path, so hand over the bytes.
  return createGlasspy({ wasmBinary: fs.readFileSync(path.join(wasmDir, `${name}.wasm`)) });
}

// Like runProgram, for either build: resolves when the program has ended.
// (The single-thread build returns from the call early and finishes from
// the event loop; runAsync's callback says when.)
export function runProgramAsync(interp, source, filename = '<string>') {
  let stdout = '';
  let stderr = '';
  interp.setOutput((stream, text) => {
    if (stream === 1) stdout += text;
    else if (stream === 2) stderr += text;
    else throw new Error(`unknown stream ${stream}`);
  });
  return new Promise((resolve) => {
    interp.runAsync(source, filename, (status) => resolve({ status, stdout, stderr }));
  });
}

// Runs one program on an Interpreter and returns everything it did.
// run() is synchronous: it returns when the program has finished.
export function runProgram(interp, source, filename = '<string>') {
  let stdout = '';
  let stderr = '';
  interp.setOutput((stream, text) => {
    if (stream === 1) stdout += text;
    else if (stream === 2) stderr += text;
    else throw new Error(`unknown stream ${stream}`);
  });
  const status = interp.run(source, filename);
  return { status, stdout, stderr };
}

// Pthread workers keep Node's event loop alive; end them so the test process
// exits once the tests are done.
export function shutdown(Module) {
  Module.PThread?.terminateAllThreads();
}
