import { selected, edited, revertExample } from '../state/examples.js';
import { prose } from '../examples/header.js';

// The example's header, in words: what it shows and what to look at.
export function ExampleNotes() {
  const example = selected.value;
  if (!example) return null;
  return (
    <section class="notes" aria-label="About this example">
      <p class="notes-group">{example.group}</p>
      <h1 class="notes-title">{example.title}</h1>
      <p class="notes-concept">{prose(example.concept)}</p>
      <p class="notes-watch"><span class="notes-label">Watch</span>{prose(example.watch)}</p>
      {example.adapted && (
        <p class="notes-adapted"><span class="notes-label notes-label-quiet">Adapted</span>{prose(example.adapted)}</p>
      )}
      {edited.value && (
        <button type="button" class="link-button" onClick={revertExample}>
          Revert your changes
        </button>
      )}
    </section>
  );
}
