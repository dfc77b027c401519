// Whether this page is cross-origin isolated (served with COOP + COEP). Only
// then may it share memory with workers, which real threads need: the page
// loads the pthread build (Python threads are Web Workers). Otherwise it
// loads the single-thread build, where Python threads are green threads on
// the interpreter's one worker: the same GIL switching, no parallelism.
// Fixed for the life of the page, so constants rather than signals.
export const isolated = globalThis.crossOriginIsolated === true;

// 'pthreads' or 'green': which build runs (the worker reports the same).
export const threadsBuild = isolated ? 'pthreads' : 'green';
