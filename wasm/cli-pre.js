// Prepended to glasspy-cli.js. The launcher script passes its own path in
// GLASSPY_ARGV0 so that main() sees the argv[0] the user typed (as the native
// CLI does) rather than the path of this .js file, which Node would supply.
if (typeof process === 'object' && process.env && process.env.GLASSPY_ARGV0) {
  Module['thisProgram'] = process.env.GLASSPY_ARGV0;
}

// The CLI's environment settings reach main() as they do natively
// (Emscripten's getenv() otherwise sees only a few defaults):
// GLASSPY_HEAP_LIMIT, GLASSPY_LEAK_CHECK, GLASSPY_MALLOC, PYTHONTRACEMALLOC.
if (typeof process === 'object' && process.env) {
  Module['preRun'] = [].concat(Module['preRun'] || [], () => {
    for (const name of ['GLASSPY_HEAP_LIMIT', 'GLASSPY_LEAK_CHECK', 'GLASSPY_MALLOC', 'PYTHONTRACEMALLOC']) {
      if (process.env[name] !== undefined) ENV[name] = process.env[name];
    }
  });
}
