// Which example is open, the text of each of its files, and which file the
// editor shows. A program is a list of files: files[0] is the main file
// (the one that runs), the others are modules it may import.
import { signal, computed } from '@preact/signals';
import { examples, groups } from '../examples/catalog.js';

export { examples, groups };

const SCRATCH_FILENAME = 'main.py';

function exampleFromHash() {
  const id = new URLSearchParams(location.hash.slice(1)).get('example');
  return examples.find((example) => example.id === id) ?? examples[0] ?? null;
}

const copyFiles = (example) => (example ? example.files.map(({ name, text }) => ({ name, text })) : [{ name: SCRATCH_FILENAME, text: '' }]);

const initial = exampleFromHash();

export const selectedId = signal(initial?.id ?? null);
export const files = signal(copyFiles(initial));          // [{ name, text }], main first
export const activeName = signal(files.value[0].name);    // the file in the editor

export const selected = computed(() => examples.find((e) => e.id === selectedId.value) ?? null);

// The main file's text and name (the name tracebacks show, as `python3 FILE` would).
export const source = computed(() => files.value[0].text);
export const filename = computed(() => files.value[0].name);

// The file in the editor, with an id that is new for every example and file,
// so the editor keeps one undo history per file. fold: the editor folds the
// main file's header (the notes show it); other modules show as they are.
export const activeFile = computed(() => {
  const index = Math.max(0, files.value.findIndex((f) => f.name === activeName.value));
  const file = files.value[index];
  return { id: `${selectedId.value}/${file.name}`, name: file.name, text: file.text, fold: index === 0 };
});

// The names of the files the learner has changed.
export const editedNames = computed(() => {
  const original = selected.value?.files ?? [];
  return new Set(files.value
    .filter((file) => original.find((o) => o.name === file.name)?.text !== file.text)
    .map((file) => file.name));
});
export const edited = computed(() => selected.value !== null &&
  (editedNames.value.size > 0 || files.value.length !== selected.value.files.length));

export function selectExample(id) {
  const example = examples.find((e) => e.id === id);
  if (!example) return;
  selectedId.value = example.id;
  files.value = copyFiles(example);
  activeName.value = example.files[0].name;
  // A link to the page opens the same example.
  history.replaceState(null, '', `#example=${encodeURIComponent(example.id)}`);
}

export function showFile(name) {
  if (files.value.some((f) => f.name === name)) activeName.value = name;
}

// A change to the file in the editor.
export function editActiveFile(text) {
  const name = activeName.value;
  if (files.value.find((f) => f.name === name)?.text === text) return;
  files.value = files.value.map((f) => (f.name === name ? { name, text } : f));
}

export function revertExample() {
  if (!selected.value) return;
  files.value = copyFiles(selected.value);
  if (!files.value.some((f) => f.name === activeName.value)) activeName.value = files.value[0].name;
}

// Adds an empty module to the program and shows it. Returns '' or why not.
export function addFile(name) {
  const trimmed = name.trim();
  const module = trimmed.endsWith('.py') ? trimmed : `${trimmed}.py`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(module)) {
    return 'not a module name: try helper';
  }
  if (files.value.some((f) => f.name === module)) return `${module} is already there`;
  files.value = [...files.value, { name: module, text: '' }];
  activeName.value = module;
  return '';
}

// Takes a module out of the program (never the main file).
export function removeFile(name) {
  if (files.value[0].name === name) return;
  files.value = files.value.filter((f) => f.name !== name);
  if (activeName.value === name) activeName.value = files.value[0].name;
}
