import { selected } from '../state/examples.js';

// What CPython 3.11 prints for the unedited example, to compare with.
export function CpythonReference() {
  const example = selected.value;
  if (!example) return null;
  return (
    <details class="reference">
      <summary>What CPython 3.11 prints</summary>
      <pre class="reference-text">{example.cpython}</pre>
    </details>
  );
}
