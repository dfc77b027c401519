// The examples, read from the top-level examples/ folder when the site is
// built (Vite inlines each file's text), so the site never carries copies
// that could drift from the files the tests run.
import { parseExample } from './header.js';

const files = import.meta.glob('../../../examples/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const examples = Object.entries(files)
  .map(([path, source]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return {
      id: file.replace(/\.py$/, ''), // "02_loop_sum_squares": stable, used in the URL
      file,                          // the filename tracebacks show
      source,
      ...parseExample(source),
    };
  })
  .sort((a, b) => a.file.localeCompare(b.file));
