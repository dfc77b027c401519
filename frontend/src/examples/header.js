// Reads the docstring header every example in examples/*.py opens with:
//
//   """
//   title: Adding numbers
//   concept: one or two sentences,
//     which may continue on indented lines
//   watch: what to watch, in which panel
//   cpython:
//     what CPython prints, one indented line per output line
//   """
//
// A key starts at the left margin ("name: value"); indented lines continue
// the previous key, keeping their line breaks (the cpython field is output,
// where lines matter). Pure function, shared by the site and the tests.

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
    } else if (key && /^\s/.test(line)) {
      fields[key].push(line.replace(/^ {2}/, ''));
    } else if (line.trim() !== '') {
      throw new Error(`unexpected header line: ${JSON.stringify(line)}`);
    }
  }
  const header = {};
  for (const [name, lines] of Object.entries(fields)) header[name] = lines.join('\n').replace(/\s+$/, '');
  for (const required of ['title', 'concept', 'watch', 'cpython']) {
    if (!header[required]) throw new Error(`example header lacks "${required}"`);
  }
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
