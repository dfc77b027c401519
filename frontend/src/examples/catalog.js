// The examples, read from the top-level examples/ folder when the site is
// built (Vite inlines each file's text), so the site never carries copies
// that could drift from the files the tests run.
//
// An example is either one file, examples/NN_name.py, or a folder,
// examples/NN_name/, holding main.py (which carries the header) and the
// modules it imports. Either way it becomes
//   { id, file, files: [{ name, text }], source, title, group, ... }
// where files[0] is the main file, named `file`, and source is its text.
import { parseExample } from './header.js';

const singles = import.meta.glob('../../../examples/*.py', { query: '?raw', import: 'default', eager: true });
const inFolders = import.meta.glob('../../../examples/*/*.py', { query: '?raw', import: 'default', eager: true });

const MAIN = 'main.py';

function example(id, file, files) {
  const main = files[0];
  return { id, file, files, source: main.text, ...parseExample(main.text) };
}

const fromFiles = Object.entries(singles).map(([path, text]) => {
  const file = path.slice(path.lastIndexOf('/') + 1);
  // "91_loop_sum_squares": stable, used in the URL
  return example(file.replace(/\.py$/, ''), file, [{ name: file, text }]);
});

const folders = new Map();  // folder name -> [{ name, text }]
for (const [path, text] of Object.entries(inFolders)) {
  const [folder, name] = path.split('/').slice(-2);
  if (!folders.has(folder)) folders.set(folder, []);
  folders.get(folder).push({ name, text });
}
const fromFolders = [...folders].map(([folder, files]) => {
  const main = files.find((f) => f.name === MAIN);
  if (!main) throw new Error(`examples/${folder}/ has no ${MAIN}`);
  const others = files.filter((f) => f !== main).sort((a, b) => a.name.localeCompare(b.name));
  return example(folder, MAIN, [main, ...others]);
});

export const examples = [...fromFiles, ...fromFolders].sort((a, b) => a.id.localeCompare(b.id));

// [{ name, examples }] in catalogue order: the picker's sections.
export const groups = [];
for (const ex of examples) {
  let group = groups.find((g) => g.name === ex.group);
  if (!group) groups.push((group = { name: ex.group, examples: [] }));
  group.examples.push(ex);
}
