// Vite builds the site from frontend/ into build/site/. The interpreter is not
// bundled: glasspyWasm() copies the Emscripten output (build/wasm) next to the
// site under the stable path glasspy/, where the Web Worker loads it.
import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glasspyWasm } from './glasspy-wasm-plugin.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

// Without these two headers SharedArrayBuffer is off and pthreads cannot
// start; the dev and preview servers send them like serve.mjs and Netlify do.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Preact's automatic JSX runtime, for the build and for the dev server's
// dependency scan (which does not read the oxc option).
const jsx = { runtime: 'automatic', importSource: 'preact' };

export default defineConfig({
  root: here,
  // Relative URLs, so the built site works from any sub-path (or embedded).
  base: './',
  plugins: [glasspyWasm({ wasmDir: process.env.GLASSPY_WASM_DIR ?? path.join(repoRoot, 'build/wasm') })],
  oxc: { jsx },
  optimizeDeps: { rolldownOptions: { transform: { jsx } } },
  build: {
    outDir: path.join(repoRoot, 'build/site'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The editor is most of the JavaScript and changes far less often
        // than the site; its own chunk stays cached across site updates.
        codeSplitting: {
          groups: [{ name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|codemirror|style-mod|w3c-keyname|crelt)[\\/]/ }],
        },
      },
    },
    chunkSizeWarningLimit: 600,
  },
  worker: { format: 'es' },
  server: {
    headers: isolationHeaders,
    // examples/ lives beside frontend/, outside Vite's root.
    fs: { allow: [repoRoot] },
  },
  preview: { headers: isolationHeaders },
});
