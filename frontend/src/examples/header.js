// Reads the docstring header every example opens with (examples/*.py, or the
// main.py of an example folder):
//
//   """
//   title: Adding numbers
//   group: Memory
//   concept: one or two sentences,
//     which may continue on indented lines
//   watch: what to watch, in which panel
//   adapted: (optional) how this differs from the classic version
//   cpython:
//     what CPython prints, one indented line per output line
//   """
//
// A key starts at the left margin ("name: value"); indented lines continue
// the previous key, keeping their line breaks (the cpython field is output,
// where lines matter). Pure functions, shared by the site and the tests.
//
// Output that differs from run to run (a timing, an id(), a count a race
// decides) is written in the cpython field as «kind», where kind is one of
// VARYING below: the site shows it as a marked gap, and the tests require
// both python3 and glasspy to print something of that shape there, and
// everything else exactly.

const KEY_LINE = /^([a-z][a-z_]*):[ \t]*(.*)$/;

export function parseExample(text) {
  const match = /^(?:\uFEFF)?"""\n([\s\S]*?)\n"""\n/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('an example must open with a """ docstring header');
  const fields = {};
  let key = null;
  for (const line of match[1].split('\n')) {
    const keyed = KEY_LINE.exec(line);
    if (keyed) {
      key = keyed[1];
      fields[key] = keyed[2] === '' ? [] : [keyed[2]];
    } else if (key && (line === '' || /^\s/.test(line))) {
      fields[key].push(line.replace(/^ {2}/, ''));
    } else if (line.trim() !== '') {
      throw new Error(`unexpected header line: ${JSON.stringify(line)}`);
    }
  }
  const header = {};
  for (const [name, lines] of Object.entries(fields)) header[name] = lines.join('\n').replace(/\s+$/, '');
  for (const required of ['title', 'group', 'concept', 'watch', 'cpython']) {
    if (!header[required]) throw new Error(`example header lacks "${required}"`);
  }
  outputPattern(header.cpython);  // rejects an unknown «kind» early
  return header;
}

// Prose fields read as one paragraph; cpython keeps its lines.
export function prose(value) {
  return value.replace(/\s*\n\s*/g, ' ');
}

// Where the header's text lies (between the opening and closing quotes), so
// the editor can fold it: the learner sees the program, the notes panel shows
// the header, and line numbers still match the file's.
export function headerSpan(text) {
  const match = /^"""\n[\s\S]*?\n"""/.exec(text);
  return match ? { from: 3, to: match[0].length - 3 } : null;
}

// The kinds of varying output, with the shape each must have and the words
// the site shows for it.
export const VARYING = {
  seconds: { pattern: '\\d+\\.\\d+', says: 'a duration in seconds: it changes with every run and every machine' },
  count: { pattern: '\\d+', says: 'a count that depends on how the threads happened to be scheduled' },
  id: { pattern: '\\d+', says: 'a memory address (id): different in every run' },
};

// Splits the cpython field into literal text and varying parts:
// [{ text }, { varying: 'seconds' }, ...].
export function outputParts(cpython) {
  const parts = [];
  let last = 0;
  for (const found of cpython.matchAll(/«([a-z]+)»/g)) {
    if (!(found[1] in VARYING)) throw new Error(`unknown varying part «${found[1]}»`);
    if (found.index > last) parts.push({ text: cpython.slice(last, found.index) });
    parts.push({ varying: found[1] });
    last = found.index + found[0].length;
  }
  if (last < cpython.length) parts.push({ text: cpython.slice(last) });
  return parts;
}

// A RegExp that matches exactly the outputs the cpython field allows: its
// text literally, each «kind» by its shape (captured, in order).
export function outputPattern(cpython) {
  const source = outputParts(cpython)
    .map((part) => (part.varying ? `(${VARYING[part.varying].pattern})` : part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}\n$`);
}

// Whether the output of every run is the same.
export function isDeterministic(cpython) {
  return outputParts(cpython).every((part) => !part.varying);
}
