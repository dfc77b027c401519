import { phase, canRun, isRunning, runProgram, stopProgram } from '../state/run.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const RUN_SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl Enter';

const PHASE_TEXT = {
  loading: 'Loading the interpreter…',
  ready: 'Ready',
  running: 'Running…',
  stopping: 'Stopping…',
  failed: 'The interpreter could not start',
};

export function RunControls() {
  return (
    <div class="controls">
      <button type="button" class="button button-run" disabled={!canRun.value} onClick={runProgram}
              title={`Run (${RUN_SHORTCUT})`}>
        Run <kbd>{RUN_SHORTCUT}</kbd>
      </button>
      <button type="button" class="button button-stop" disabled={phase.value !== 'running'}
              onClick={stopProgram} title="Raise KeyboardInterrupt in the running program">
        Stop
      </button>
      <span class={`phase phase-${phase.value}`} role="status" data-testid="phase">
        {isRunning.value && <span class="spinner" aria-hidden="true" />}
        {PHASE_TEXT[phase.value]}
      </span>
    </div>
  );
}
