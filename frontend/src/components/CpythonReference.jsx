import { selected } from '../state/examples.js';
import { outputParts, VARYING } from '../examples/header.js';

// What CPython 3.11 prints for the unedited example, to compare with. Parts
// that differ from run to run (timings, addresses) show as marked gaps.
export function CpythonReference() {
  const example = selected.value;
  if (!example) return null;
  const parts = outputParts(example.cpython);
  return (
    <details class="reference">
      <summary>What CPython 3.11 prints</summary>
      <pre class="reference-text">
        {parts.map((part, i) => (part.varying
          ? <span key={i} class="varying" title={VARYING[part.varying].says}>{part.varying}</span>
          : part.text))}
      </pre>
      {parts.some((part) => part.varying) && (
        <p class="reference-note">
          <span class="varying">marked</span> parts change from run to run; everything else is the same every time.
        </p>
      )}
    </details>
  );
}
