import { isolated } from '../state/isolation.js';

// Tells the learner whether Python threads can be real threads on this page.
export function IsolationBadge() {
  const explanation = isolated
    ? 'This page is cross-origin isolated: shared memory is on, so Python threads run as real Web Worker threads.'
    : 'This page is not cross-origin isolated (it was served without COOP/COEP headers), so shared memory and real threads are unavailable.';
  return (
    <div class={`isolation ${isolated ? 'isolation-on' : 'isolation-off'}`} title={explanation}
         data-testid="isolation" data-isolated={String(isolated)}>
      <span class="isolation-dot" aria-hidden="true" />
      {isolated ? 'threads available' : 'single-thread mode'}
    </div>
  );
}
