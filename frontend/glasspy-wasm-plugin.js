// A Vite plugin that puts the Emscripten builds of glasspy into the site.
//
// The three files Emscripten emits for a pthread module must stay together
// under their own names: glasspy.js finds glasspy.wasm and glasspy.worker.js
// by name, and pthread workers re-load glasspy.js by URL. So instead of
// bundling them, the plugin serves (dev) or copies (build) them unchanged to
// `glasspy/` and tells the page a content hash, which the worker appends as
// `?v=` to every URL so a new build is never mixed with a cached old one.
// Beside them go glasspy-st.js/.wasm, the single-thread build that a page
// without cross-origin isolation loads instead (src/state/isolation.js).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const WASM_FILES = ['glasspy.js', 'glasspy.wasm', 'glasspy.worker.js', 'glasspy-st.js', 'glasspy-st.wasm'];
const PUBLIC_DIR = 'glasspy';

const MIME = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

export function glasspyWasm({ wasmDir }) {
  const fileOf = (name) => path.join(wasmDir, name);

  function missing() {
    return WASM_FILES.filter((name) => !fs.existsSync(fileOf(name)));
  }

  function contentHash() {
    const hash = crypto.createHash('sha256');
    for (const name of WASM_FILES) {
      if (fs.existsSync(fileOf(name))) hash.update(fs.readFileSync(fileOf(name)));
    }
    return hash.digest('hex').slice(0, 12);
  }

  let command = 'serve';
  return {
    name: 'glasspy-wasm',

    config(_config, env) {
      command = env.command;
      return {
        define: {
          // Read by src/interpreter/client.js. Computed once per start/build.
          __GLASSPY_WASM_PATH__: JSON.stringify(`${PUBLIC_DIR}/glasspy.js`),
          __GLASSPY_WASM_ST_PATH__: JSON.stringify(`${PUBLIC_DIR}/glasspy-st.js`),
          __GLASSPY_WASM_VERSION__: JSON.stringify(contentHash()),
        },
      };
    },

    buildStart() {
      const absent = missing();
      if (command === 'build' && absent.length > 0) {
        this.error(
          `glasspy wasm build not found: ${absent.join(', ')} missing in ${wasmDir}.\n` +
            'Build it first: cmake --preset wasm && cmake --build --preset wasm');
      }
      for (const name of WASM_FILES) {
        if (fs.existsSync(fileOf(name))) this.addWatchFile(fileOf(name));
      }
    },

    generateBundle() {
      for (const name of WASM_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${PUBLIC_DIR}/${name}`,
          source: fs.readFileSync(fileOf(name)),
        });
      }
    },

    // `vite` (dev): serve the files straight from the wasm build directory,
    // so a rebuild of the module shows up on reload.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url, 'http://localhost');
        const prefix = `${server.config.base.replace(/^\.\//, '/')}${PUBLIC_DIR}/`;
        if (!url.pathname.startsWith(prefix)) return next();
        const name = url.pathname.slice(prefix.length);
        if (!WASM_FILES.includes(name) || !fs.existsSync(fileOf(name))) return next();
        res.setHeader('Content-Type', MIME[path.extname(name)]);
        res.setHeader('Cache-Control', 'no-cache');
        // Pthread worker scripts need the isolation headers of their own.
        res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        fs.createReadStream(fileOf(name)).pipe(res);
      });
    },
  };
}
