import { exitStatus, elapsedMs, runNumber } from '../state/run.js';

// "exit 0" after a clean run, "exit 1" after an uncaught exception, and so on.
export function ExitStatus() {
  const status = exitStatus.value;
  if (status === undefined) return null;
  if (status === null) {
    return (
      <span class="exit exit-stopped" data-testid="exit-status" data-run={runNumber.value}>
        stopped (interpreter restarted)
      </span>
    );
  }
  const ms = elapsedMs.value;
  return (
    <span class={`exit ${status === 0 ? 'exit-ok' : 'exit-error'}`} data-testid="exit-status"
          data-status={status} data-run={runNumber.value}>
      exit {status}
      {ms !== null && <span class="exit-time"> · {formatMs(ms)}</span>}
    </span>
  );
}

function formatMs(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
