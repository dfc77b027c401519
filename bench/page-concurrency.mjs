#!/usr/bin/env node
// The threads-versus-processes exercise (bench/concurrent/exercise.py) in the
// real page: the built site served with the isolation headers, Debian's
// Chromium driven by playwright-core as tests/e2e/site.test.mjs drives it.
// The program is pasted into the editor and run with the Run button, as a
// learner would, several times in the same page (each Run is a fresh
// interpreter in the same worker and module). For each run it prints the
// median threads/serial and processes/serial ratios over the program's
// rounds, and the round-by-round times, beside bench/concurrency's targets
// (threads/serial 0.8-1.25, processes/serial <= 0.65).
//
//   node bench/page-concurrency.mjs                      # build/site, 3 runs
//   node bench/page-concurrency.mjs --runs 2 --rounds 3 --size 10000000
//   node bench/page-concurrency.mjs --site DIR --idle 5  # wait 5 s after load first
//
// Needs the wasm build and `npm run build:site` (or --site DIR). Uses
// /usr/bin/chromium (CHROMIUM=/path overrides).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { site: path.join(repoRoot, 'build/site'), runs: 3, rounds: 3, size: 10 ** 7, idle: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--site') opts.site = path.resolve(value);
    else if (key === '--runs') opts.runs = Number(value);
    else if (key === '--rounds') opts.rounds = Number(value);
    else if (key === '--size') opts.size = Number(value);
    else if (key === '--idle') opts.idle = Number(value);
    else throw new Error(`unknown option ${key} (see the top of ${path.basename(process.argv[1])})`);
    i++;
  }
  return opts;
}

function startServer(root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'frontend/serve.mjs'), '--port', '0', '--root', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    const onData = (data) => {
      seen += data;
      const match = /glasspy site: (http:\S+)/.exec(seen);
      if (match) resolve({ child, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}:\n${seen}`)));
  });
}

// Puts `text` into the CodeMirror editor as one paste (typing it would
// auto-indent every line).
async function setProgram(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.locator('.cm-content').evaluate((el, program) => {
    const data = new DataTransfer();
    data.setData('text/plain', program);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // (CodeMirror draws only the lines in view, so only the first is checked
  // here; a garbled program would fail to print its JSON line.)
  const first = await page.locator('.cm-line').first().textContent();
  if (first !== text.split('\n')[0]) throw new Error(`the editor does not hold the program: ${first}`);
}

async function runOnce(page, runNumber, timeout) {
  await page.getByRole('button', { name: /^Run/ }).click();
  const status = page.locator(`[data-testid="exit-status"][data-run="${runNumber}"]`);
  await status.waitFor({ timeout });
  const output = await page.getByTestId('output').textContent();
  return { status: await status.getAttribute('data-status'), output };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.site, 'index.html'))) throw new Error(`no site in ${opts.site}: run npm run build:site`);
  // The exercise reads its rounds and size from sys.argv, which a page run
  // does not have: the same numbers go in as defaults instead.
  let program = fs.readFileSync(path.join(repoRoot, 'bench/concurrent/exercise.py'), 'utf8');
  program = program
    .replace('else 3\n', `else ${opts.rounds}\n`)
    .replace('else 10**7\n', `else ${opts.size}\n`);

  const { child: server, url } = await startServer(opts.site);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspy-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const loadStart = Date.now();
    await page.goto(url);
    await page.getByTestId('phase').filter({ hasText: /^Ready$/ }).waitFor({ timeout: 120_000 });
    console.log(`site ${opts.site}: ready ${((Date.now() - loadStart) / 1000).toFixed(1)} s after navigation; ` +
      `load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
    if (opts.idle > 0) await new Promise((r) => setTimeout(r, opts.idle * 1000));
    await setProgram(page, program);
    console.log('run  threads/serial  processes/serial   serial s (rounds)          threads s                  processes s');
    for (let run = 1; run <= opts.runs; run++) {
      const { status, output } = await runOnce(page, run, 600_000);
      const last = output.trim().split('\n').pop();
      if (status !== '0') throw new Error(`run ${run} ended with status ${status}:\n${output}`);
      const t = JSON.parse(last);
      const thr = median(t.threads.map((v, i) => v / t.serial[i]));
      const prc = median(t.processes.map((v, i) => v / t.serial[i]));
      const fmt = (xs) => xs.map((v) => v.toFixed(2)).join(' ').padEnd(26);
      console.log(`${String(run).padEnd(5)}${thr.toFixed(2).padStart(14)}${prc.toFixed(2).padStart(18)}   ` +
        `${fmt(t.serial)} ${fmt(t.threads)} ${fmt(t.processes)} process_time ${t.process_time.toFixed(2)}`);
    }
  } finally {
    await context.close();
    server.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
