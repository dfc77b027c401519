import { useLayoutEffect, useRef } from 'preact/hooks';
import { output, trimmed, phase, failure, waitingForInput, submitInput } from '../state/run.js';
import { ExitStatus } from './ExitStatus.jsx';

// stdout and stderr interleaved as they were written; stderr in red.
export function OutputPane() {
  const body = useRef(null);
  const pinned = useRef(true);  // follow new output unless the reader scrolled up

  const chunks = output.value;
  useLayoutEffect(() => {
    if (pinned.current && body.current) body.current.scrollTop = body.current.scrollHeight;
  }, [chunks]);

  const onScroll = () => {
    const el = body.current;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <section class="output" aria-label="Output">
      <div class="output-head">
        <h2 class="panel-title">Output</h2>
        <ExitStatus />
      </div>
      <pre class="output-body" ref={body} onScroll={onScroll} data-testid="output">
        {phase.value === 'failed' && <span class="output-failure">{failure.value}</span>}
        {trimmed.value && <span class="output-note">… earlier output dropped …{'\n'}</span>}
        {chunks.map((chunk, i) => (
          <span key={i} class={chunk.stream === 2 ? 'stderr' : 'stdout'}>{chunk.text}</span>
        ))}
        {waitingForInput.value && <InputLine />}
        {chunks.length === 0 && phase.value !== 'failed' && (
          <span class="output-placeholder">Press Run to see what the program prints.</span>
        )}
      </pre>
    </section>
  );
}

// The line input() waits for, typed where the output continues (single-thread
// build; the pthread build's input() reads end of file).
function InputLine() {
  const field = useRef(null);
  useLayoutEffect(() => field.current?.focus(), []);
  const onKeyDown = (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submitInput(event.currentTarget.value);
    }
  };
  return (
    <input ref={field} class="output-input" type="text" aria-label="Input for the program"
           data-testid="input-line" onKeyDown={onKeyDown} autocomplete="off" spellcheck={false} />
  );
}
