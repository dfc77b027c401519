// Which example is open and the text in the editor.
import { signal, computed } from '@preact/signals';
import { examples } from '../examples/catalog.js';

export { examples };

const SCRATCH_FILENAME = 'main.py';

function exampleFromHash() {
  const id = new URLSearchParams(location.hash.slice(1)).get('example');
  return examples.find((example) => example.id === id) ?? examples[0] ?? null;
}

const initial = exampleFromHash();

export const selectedId = signal(initial?.id ?? null);
export const source = signal(initial?.source ?? '');

export const selected = computed(() => examples.find((e) => e.id === selectedId.value) ?? null);

// True once the learner has changed the example's text.
export const edited = computed(() => selected.value !== null && source.value !== selected.value.source);

// The name tracebacks show: the example's file, as `python3 FILE` would.
export const filename = computed(() => selected.value?.file ?? SCRATCH_FILENAME);

export function selectExample(id) {
  const example = examples.find((e) => e.id === id);
  if (!example) return;
  selectedId.value = example.id;
  source.value = example.source;
  // A link to the page opens the same example.
  history.replaceState(null, '', `#example=${encodeURIComponent(example.id)}`);
}

export function editSource(text) {
  source.value = text;
}

export function revertExample() {
  if (selected.value) source.value = selected.value.source;
}
