// Whether this page is cross-origin isolated (served with COOP + COEP). Only
// then may it share memory with workers, which glasspy's threads need. It is
// fixed for the life of the page, so a constant rather than a signal.
export const isolated = globalThis.crossOriginIsolated === true;
