// The built site served WITHOUT the cross-origin isolation headers, as a
// page embedding glasspy in someone else's documentation would be: no
// SharedArrayBuffer, so the page loads the single-thread build (Python
// threads as green threads on the interpreter's one worker) and says so.
// Threads, Stop and input() must all work there. A screenshot goes to
// build/e2e/single-thread.png.
//
// Needs: the wasm build and `npm run build:site`; /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = path.join(repoRoot, 'build/site');
const screenshot = path.join(repoRoot, 'build/e2e/single-thread.png');

const LOAD_TIMEOUT = 60_000;
const RUN_TIMEOUT = 30_000;

let server;
let context;
let page;
let userDataDir;
const problems = [];

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath,
      [path.join(repoRoot, 'frontend/serve.mjs'), '--port', '0', '--no-isolation'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
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
  let url;
  ({ child: server, url } = await startServer());
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-e2e-st-'));
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
  await page.goto(url);
  await waitFor(page.getByTestId('phase').filter({ hasText: /^Ready$/ }), LOAD_TIMEOUT, 'the interpreter to load');
});

after(async () => {
  await context?.close();
  server?.kill();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function waitFor(locator, timeout, what) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const phase = await page.getByTestId('phase').textContent().catch(() => '?');
    const output = await page.getByTestId('output').textContent().catch(() => '?');
    throw new Error(
      `timed out after ${timeout} ms waiting for ${what}\nphase: ${phase}\noutput: ${output}\n` +
        `console and page errors:\n  ${problems.join('\n  ') || '(none)'}\n${error.message}`);
  }
}

// Types the program into the editor (see site.test.mjs for the Shift+Home
// trick that replaces the editor's own indentation with the line's).
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
    })));
  const text = (stream) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
  return { status: status === null ? null : Number(status), stdout: text('stdout'), stderr: text('stderr') };
}

async function startRun() {
  const previous = await lastRun();
  await page.getByRole('button', { name: /^Run/ }).click();
  return page.locator(`[data-testid="exit-status"][data-run="${previous + 1}"]`);
}

async function run() {
  const status = await startRun();
  await waitFor(status, RUN_TIMEOUT, 'the run to finish');
  return readResult();
}

test('a page without isolation runs the single-thread build and says so', async () => {
  assert.equal(await page.evaluate(() => crossOriginIsolated), false);
  assert.equal(await page.evaluate(() => typeof SharedArrayBuffer), 'undefined');
  const badge = page.getByTestId('isolation');
  assert.equal(await badge.getAttribute('data-isolated'), 'false');
  assert.equal(await badge.getAttribute('data-build'), 'single-thread');
  assert.equal((await badge.textContent()).trim(), 'single-thread build');
});

// What CPython 3.11 prints for the program (python3 on this machine).
function cpython(program) {
  const r = spawnSync('python3', ['-c', program], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('threads that sleep overlap, and the output matches CPython\'s', async () => {
  const program = [
    'import threading, time',
    'events = []',
    'def download(name, seconds):',
    '    events.append(("start", name, threading.current_thread().name))',
    '    time.sleep(seconds)',
    '    events.append(("done", name))',
    'jobs = [("a", 0.3), ("b", 0.1), ("c", 0.2)]',
    'threads = [threading.Thread(target=download, args=job) for job in jobs]',
    'began = time.perf_counter()',
    'for t in threads:',
    '    t.start()',
    'for t in threads:',
    '    t.join()',
    'elapsed = time.perf_counter() - began',
    'for event in events:',
    '    print(*event)',
    'print("overlapped:", elapsed < 0.5, threading.active_count())',
  ].join('\n');
  await typeProgram(program);
  const result = await run();
  assert.deepEqual(result, cpython(program));
});

test('two threads count with a lock to the exact total, as in CPython', async () => {
  const program = [
    'import threading',
    'count = 0',
    'lock = threading.Lock()',
    'def work():',
    '    global count',
    '    for _ in range(100000):',
    '        with lock:',
    '            count += 1',
    'threads = [threading.Thread(target=work) for _ in range(2)]',
    'for t in threads:',
    '    t.start()',
    'for t in threads:',
    '    t.join()',
    'print("count:", count, threading.active_count())',
  ].join('\n');
  await typeProgram(program);
  const result = await run();
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  assert.deepEqual(result, cpython(program));
  assert.equal(result.stdout, 'count: 200000 1\n');
});

test('Stop interrupts the main thread while another thread spins, and the interpreter stays usable', async () => {
  await typeProgram([
    'import threading',
    'def spin():',
    '    while True:',
    '        pass',
    'threading.Thread(target=spin, daemon=True).start()',
    'n = 0',
    'while True:',
    '    n = n + 1',
  ].join('\n'));
  const status = await startRun();
  await waitFor(page.getByTestId('phase').filter({ hasText: 'Running' }), RUN_TIMEOUT, 'the program to start');
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitFor(status, RUN_TIMEOUT, 'the stop');
  const stopped = await readResult();
  assert.notEqual(stopped.status, null, 'interrupted in place, not by restarting the worker');
  assert.equal(stopped.status, 1);
  assert.match(stopped.stderr, /KeyboardInterrupt\n$/);
  await waitFor(page.getByTestId('phase').filter({ hasText: /^Ready$/ }), RUN_TIMEOUT, 'ready again');
  await typeProgram('print("still here")');
  assert.equal((await run()).stdout, 'still here\n');
});

test('input() waits for a line typed into the output pane', async () => {
  await typeProgram('name = input("name? ")\nprint("hello", name)');
  const status = await startRun();
  const field = page.getByTestId('input-line');
  await waitFor(field, RUN_TIMEOUT, 'input() to ask');
  await field.fill('Ada');
  await field.press('Enter');
  await waitFor(status, RUN_TIMEOUT, 'the run to finish');
  assert.deepEqual(await readResult(), { status: 0, stdout: 'name? Ada\nhello Ada\n', stderr: '' });
  assert.deepEqual(problems, [], 'no console errors on the way');
});
