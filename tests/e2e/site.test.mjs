// The built site in a real browser: frontend/serve.mjs serves build/site with
// the isolation headers, Debian's Chromium (driven by playwright-core) opens
// it, and the tests type programs with the keyboard, run them, and read the
// output as a learner would. Screenshots go to build/e2e/site.png (desktop),
// build/e2e/site-narrow.png (phone width) and build/e2e/site-files.png (a
// program of several files, in tabs).
//
// Needs: the wasm build and `npm run build:site`. No browser download: it
// uses /usr/bin/chromium (override with CHROMIUM=/path).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parseExample, outputPattern } from '../../frontend/src/examples/header.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = path.join(repoRoot, 'build/site');
const screenshot = path.join(repoRoot, 'build/e2e/site.png');

const LOAD_TIMEOUT = 60_000;  // compiling the module in a cold browser
const RUN_TIMEOUT = 30_000;

let server;
let siteUrl;
let context;
let page;
let userDataDir;
const problems = [];  // console errors and page errors, reported on failure

// Starts serve.mjs on a free port and resolves with the URL it prints.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'frontend/serve.mjs'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start:\n${seen}`)), 10_000);
    const onData = (data) => {
      seen += data;
      const match = /glasspy site: (http:\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}:\n${seen}`)));
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), 'no site in build/site: run `npm run build:site` first');
  ({ child: server, url: siteUrl } = await startServer());

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1360, height: 860 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  const record = (where) => (message) => {
    if (message.type() === 'error') problems.push(`${where} console.error: ${message.text()}`);
  };
  page.on('console', record('page'));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', record(`worker ${worker.url()}`)));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));

  await page.goto(siteUrl);
  await waitFor(page.getByTestId('phase').filter({ hasText: /^Ready$/ }), LOAD_TIMEOUT, 'the interpreter to load');
});

after(async () => {
  await context?.close();
  server?.kill();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

// Waits for a locator, and on timeout fails with what the page said.
async function waitFor(locator, timeout, what) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const phase = await page.getByTestId('phase').textContent().catch(() => '?');
    const output = await page.getByTestId('output').textContent().catch(() => '?');
    throw new Error(
      `timed out after ${timeout} ms waiting for ${what}\n` +
        `phase: ${phase}\noutput: ${output}\n` +
        `console and page errors:\n  ${problems.join('\n  ') || '(none)'}\n${error.message}`);
  }
}

// Replaces the editor's text by typing it key by key. After each Enter the
// editor indents the new line on its own; Shift+Home selects that indentation
// so the line's own text (with its own indentation) replaces it. Escape first
// closes any completion popup, which would otherwise take the Enter.
async function typeProgram(text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
    }
    await page.keyboard.type(lines[i]);
  }
  await page.keyboard.press('Escape');
  const typed = await page.locator('.cm-line').allTextContents();
  assert.equal(typed.join('\n'), text, 'the editor holds exactly the typed program');
}

// Runs the program (with the Run button, or with the keyboard shortcut) and
// returns the exit status element's data and the output pane's chunks.
async function run({ viaKeyboard = false } = {}) {
  const previous = await lastRun();
  if (viaKeyboard) await page.keyboard.press('Control+Enter');
  else await page.getByRole('button', { name: /^Run/ }).click();
  const status = page.locator(`[data-testid="exit-status"][data-run="${previous + 1}"]`);
  await waitFor(status, RUN_TIMEOUT, `run ${previous + 1} to finish`);
  return readResult();
}

// The number of the last finished run (0 before the first).
async function lastRun() {
  const status = page.getByTestId('exit-status');
  return (await status.count()) === 0 ? 0 : Number(await status.getAttribute('data-run'));
}

async function readResult() {
  const status = await page.getByTestId('exit-status').getAttribute('data-status');
  const chunks = await page.locator('[data-testid="output"] > span.stdout, [data-testid="output"] > span.stderr')
    .evaluateAll((spans) => spans.map((span) => ({
      stream: span.classList.contains('stderr') ? 'stderr' : 'stdout',
      text: span.textContent,
      color: getComputedStyle(span).color,
    })));
  const text = (stream) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
  return { status: status === null ? null : Number(status), stdout: text('stdout'), stderr: text('stderr'), chunks };
}

test('the page is cross-origin isolated and says so', async () => {
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  const badge = page.getByTestId('isolation');
  assert.equal(await badge.getAttribute('data-isolated'), 'true');
  assert.equal(await badge.getAttribute('data-build'), 'pthreads');
  assert.equal((await badge.textContent()).trim(), 'threads available');
});

test('typing print(1 + 2) and pressing Run shows 3', async () => {
  await typeProgram('print(1 + 2)');
  const result = await run();
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr },
    { status: 0, stdout: '3\n', stderr: '' });
});

test('a def and a for loop, run with Ctrl+Enter', async () => {
  await typeProgram([
    'def square(n):',
    '    return n * n',
    '',
    'for i in range(4):',
    '    print(i, square(i))',
  ].join('\n'));
  const result = await run({ viaKeyboard: true });
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr },
    { status: 0, stdout: '0 0\n1 1\n2 4\n3 9\n', stderr: '' });
});

test('an uncaught exception shows a red traceback and exit 1', async () => {
  await typeProgram([
    'def f(x):',
    '    return x / 0',
    'print("start")',
    'f(1)',
  ].join('\n'));
  const result = await run();
  assert.equal(result.status, 1);
  assert.equal(result.stdout, 'start\n');
  assert.match(result.stderr, /^Traceback \(most recent call last\):\n/);
  assert.match(result.stderr, /ZeroDivisionError: division by zero\n$/);
  for (const chunk of result.chunks.filter((c) => c.stream === 'stderr')) {
    const [r, g, b] = chunk.color.match(/\d+/g).map(Number);
    assert.ok(r > 140 && g < 90 && b < 90, `stderr is drawn red-ish, got ${chunk.color}`);
  }
  const stdoutColor = result.chunks.find((c) => c.stream === 'stdout').color;
  assert.notEqual(stdoutColor, result.chunks.find((c) => c.stream === 'stderr').color);
  assert.equal((await page.getByTestId('exit-status').textContent()).split('·')[0].trim(), 'exit 1');
});

test('Stop interrupts an endless loop with KeyboardInterrupt, and the interpreter stays usable', async () => {
  await typeProgram('n = 0\nwhile True: n = n + 1');
  const previous = await lastRun();
  await page.getByRole('button', { name: /^Run/ }).click();
  await waitFor(page.getByTestId('phase').filter({ hasText: 'Running' }), RUN_TIMEOUT, 'the program to start');
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitFor(page.locator(`[data-testid="exit-status"][data-run="${previous + 1}"]`), RUN_TIMEOUT, 'the stop');
  const stopped = await readResult();
  assert.notEqual(stopped.status, null, 'interrupted in place, not by restarting the worker');
  assert.notEqual(stopped.status, 0);
  assert.match(stopped.stderr, /KeyboardInterrupt\n$/);

  await waitFor(page.getByTestId('phase').filter({ hasText: /^Ready$/ }), RUN_TIMEOUT, 'ready again');
  await typeProgram('print("still here")');
  const again = await run();
  assert.equal(again.stdout, 'still here\n');
});

test('threads, a process pool and a child process run in the page as in CPython', async () => {
  // Each Python thread and each child process is a pthread (a Web Worker);
  // children re-run main.py as __mp_main__, so the guard matters as in CPython.
  await typeProgram([
    'import threading',
    'from multiprocessing import Pool, Process, Queue',
    'def square(x):',
    '    return x * x',
    'def send(q):',
    '    q.put("from a child")',
    'if __name__ == "__main__":',
    '    out = []',
    '    ts = [threading.Thread(target=out.append, args=(i,)) for i in range(3)]',
    '    for t in ts: t.start()',
    '    for t in ts: t.join()',
    '    print(sorted(out))',
    '    with Pool(2) as pool:',
    '        print(pool.map(square, range(5)))',
    '    q = Queue()',
    '    p = Process(target=send, args=(q,))',
    '    p.start()',
    '    print(q.get())',
    '    p.join()',
    '    print(p.exitcode)',
  ].join('\n'));
  const result = await run();
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr },
    { status: 0, stdout: '[0, 1, 2]\n[0, 1, 4, 9, 16]\nfrom a child\n0\n', stderr: '' });
});

test('Stop ends a Pool.map of endless tasks, and the interpreter stays usable', async () => {
  await typeProgram([
    'from multiprocessing import Pool',
    'def spin(x):',
    '    while True:',
    '        pass',
    'if __name__ == "__main__":',
    '    with Pool(2) as pool:',
    '        print("ready", flush=True)',
    '        pool.map(spin, range(2))',
  ].join('\n'));
  const previous = await lastRun();
  await page.getByRole('button', { name: /^Run/ }).click();
  await waitFor(page.getByTestId('output').filter({ hasText: 'ready' }), RUN_TIMEOUT, 'the pool to start');
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitFor(page.locator(`[data-testid="exit-status"][data-run="${previous + 1}"]`), RUN_TIMEOUT, 'the stop');
  const stopped = await readResult();
  assert.notEqual(stopped.status, null, 'interrupted in place, not by restarting the worker');
  assert.equal(stopped.status, 1);
  assert.match(stopped.stderr, /\nKeyboardInterrupt\n$/);

  await waitFor(page.getByTestId('phase').filter({ hasText: /^Ready$/ }), RUN_TIMEOUT, 'ready again');
  await typeProgram('print("still here")');
  const again = await run();
  assert.equal(again.stdout, 'still here\n');
});

test('the examples come from examples/*.py and print what CPython prints', async () => {
  const file = '91_loop_sum_squares.py';
  const header = parseExample(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8'));
  await page.getByRole('button', { name: header.title }).click();
  assert.equal((await page.locator('.notes-title').textContent()).trim(), header.title);
  const result = await run();
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr },
    { status: 0, stdout: `${header.cpython}\n`, stderr: '' });
});

// The catalogue as the tests see it: examples/NN_name.py, or a folder
// examples/NN_name/ with main.py first and the modules it imports.
function catalogue() {
  const dir = path.join(repoRoot, 'examples');
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((entry) => /^\d\d_\w+$/.test(entry.name.replace(/\.py$/, '')))
    .map((entry) => {
      const id = entry.name.replace(/\.py$/, '');
      if (!entry.isDirectory()) {
        const text = fs.readFileSync(path.join(dir, entry.name), 'utf8');
        return { id, header: parseExample(text), files: [{ name: entry.name, text }] };
      }
      const names = fs.readdirSync(path.join(dir, entry.name)).filter((n) => n.endsWith('.py'))
        .sort((a, b) => (a === 'main.py' ? -1 : b === 'main.py' ? 1 : a.localeCompare(b)));
      const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, entry.name, name), 'utf8') }));
      return { id, header: parseExample(files[0].text), files };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

// The editor's text once it shows `expected` (a string or a RegExp), or
// after a few seconds whatever it shows. (A tab's file reaches the editor a
// moment after the click.) A folded header reads as """…""".
async function editorShows(expected, timeout = 5000) {
  const text = () => page.locator('.cm-line').allTextContents().then((lines) => lines.join('\n'));
  const fits = (t) => (expected instanceof RegExp ? expected.test(t) : t === expected);
  const until = Date.now() + timeout;
  let current = await text();
  while (!fits(current) && Date.now() < until) {
    await page.waitForTimeout(50);
    current = await text();
  }
  return current;
}

async function openExample(example) {
  // The button's name is the title, then "2 files" for a program of several.
  const title = new RegExp(`^${example.header.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+ files)?$`);
  await page.locator('.example-item').filter({ hasText: title }).click();
  assert.equal((await page.locator('.notes-title').textContent()).trim(), example.header.title);
}

test('a program of several files: tabs show each file, and the pool\'s workers import the second one', async () => {
  const example = catalogue().find((e) => e.files.length > 1);
  assert.ok(example, 'the catalogue has an example of several files');
  assert.deepEqual(example.files.map((f) => f.name), ['main.py', 'workers.py']);
  await openExample(example);

  const tabs = page.getByRole('tab');
  assert.deepEqual((await tabs.locator('.tab-name').allTextContents()), ['main.py', 'workers.py']);
  assert.equal(await page.getByRole('tab', { name: /main\.py/ }).getAttribute('aria-selected'), 'true');

  // Unedited, it prints what CPython prints.
  const first = await run();
  assert.deepEqual({ status: first.status, stdout: first.stdout, stderr: first.stderr },
    { status: 0, stdout: `${example.header.cpython}\n`, stderr: '' });

  // The second tab holds workers.py, as it is on disk.
  await page.getByRole('tab', { name: /workers\.py/ }).click();
  assert.equal(await page.getByRole('tab', { name: /workers\.py/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await editorShows(example.files[1].text), example.files[1].text);

  // Edit workers.py; the main process and every pool worker import the edit.
  await typeProgram([
    'import os',
    '',
    'def square(x):',
    '    return -x',
    '',
    'def slow_sum(n):',
    '    return n + 1',
  ].join('\n'));
  assert.equal(await page.locator('.tab-button[data-file="workers.py"] .tab-edited').count(), 1, 'the tab shows the edit');
  await page.getByRole('tab', { name: /main\.py/ }).click();
  await editorShows(/^"""…"""\nfrom multiprocessing import Pool\n/);
  const edited = await run();
  assert.deepEqual({ status: edited.status, stdout: edited.stdout, stderr: edited.stderr }, {
    status: 0,
    stdout: '[-1, -2, -3, -4, -5]\n[0, -1, -2, -3, -4, -5, -6, -7, -8, -9]\nsums: [10001, 20001, 30001]\n' +
      "workers.py's __name__ here: workers\n",
    stderr: '',
  });

  // Back to the first tab: its text and its folded header are as they were.
  assert.match((await page.locator('.cm-content').textContent()), /from multiprocessing import Pool/);
  await page.getByRole('button', { name: 'Revert your changes' }).click();
  await page.getByRole('tab', { name: /workers\.py/ }).click();
  assert.equal(await editorShows(example.files[1].text), example.files[1].text, 'reverted');
  await page.getByRole('tab', { name: /main\.py/ }).click();

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-files.png') });
});

test('a module added with "+" can be imported by the main file, and removed again', async () => {
  const example = catalogue().find((e) => e.id === '90_hello_arithmetic');
  await openExample(example);
  await page.getByRole('button', { name: 'Add a module' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the new module' });
  await name.fill('1st');
  await name.press('Enter');
  assert.match(await page.getByRole('alert').textContent(), /not a module name/);
  await name.fill('helper');
  await name.press('Enter');
  assert.deepEqual(await page.getByRole('tab').locator('.tab-name').allTextContents(), ['90_hello_arithmetic.py', 'helper.py']);
  assert.equal(await page.getByRole('tab', { name: /helper\.py/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await editorShows(''), '');
  await typeProgram('def greet(name):\n    return f"hello from helper, {name}"');

  await page.getByRole('tab', { name: /90_hello/ }).click();
  await editorShows(/^"""…"""\n/);
  await typeProgram('import helper\nprint(helper.greet("main"), helper.__name__)');
  const result = await run();
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr },
    { status: 0, stdout: 'hello from helper, main helper\n', stderr: '' });

  await page.getByRole('button', { name: 'Remove helper.py' }).click();
  assert.deepEqual(await page.getByRole('tab').locator('.tab-name').allTextContents(), ['90_hello_arithmetic.py']);
  await page.getByRole('button', { name: 'Revert your changes' }).click();
  assert.equal(await editorShows(/^"""…"""\nprint\("Hello, glasspy!"\)/).then((t) => /Hello, glasspy/.test(t)), true);
});

test('every catalogue example runs in the page and prints what its header says', async () => {
  for (const example of catalogue()) {
    await openExample(example);
    const result = await run();
    const output = result.stdout + result.stderr;
    // Tracebacks name the file as the page runs it, without a directory.
    const expected = example.header.cpython.replaceAll('.../', '');
    assert.match(output, outputPattern(expected), `${example.id} in the page`);
  }
});

test('the traceback example, and a screenshot of the page', async () => {
  const header = parseExample(fs.readFileSync(path.join(repoRoot, 'examples/93_traceback.py'), 'utf8'));
  await page.getByRole('button', { name: header.title }).click();
  const result = await run();
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  // And the stacked layout a phone gets.
  await page.setViewportSize({ width: 420, height: 900 });
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-narrow.png'), fullPage: true });
  await page.setViewportSize({ width: 1360, height: 860 });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, 'week 1 average: 6.0\n');
  assert.match(result.stderr, /ZeroDivisionError: division by zero\n$/);
  assert.deepEqual(problems, [], 'no console errors on the way');
});
