import { isolated } from '../state/isolation.js';

// Tells the learner which build runs, and so how Python threads run.
export function IsolationBadge() {
  const explanation = isolated
    ? 'This page is cross-origin isolated: shared memory is on, so Python threads run as real Web Worker threads.'
    : 'This page is not cross-origin isolated (it was served without COOP/COEP headers), so shared memory is off. ' +
      'The single-thread build runs instead: Python threads take turns on one worker thread, switching at the ' +
      'same points under the same switch interval (sys.setswitchinterval), without running in parallel.';
  return (
    <div class={`isolation ${isolated ? 'isolation-on' : 'isolation-off'}`} title={explanation}
         data-testid="isolation" data-isolated={String(isolated)} data-build={isolated ? 'pthreads' : 'single-thread'}>
      <span class="isolation-dot" aria-hidden="true" />
      {isolated ? 'threads available' : 'single-thread build'}
    </div>
  );
}
