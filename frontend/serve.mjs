#!/usr/bin/env node
// A static file server for the built site (build/site), with the headers that
// make the page cross-origin isolated, which glasspy's threads need:
//
//   Cross-Origin-Opener-Policy: same-origin     own browsing-context group
//   Cross-Origin-Embedder-Policy: require-corp  no unvetted cross-origin loads
//   Cross-Origin-Resource-Policy: same-origin   our files stay ours
//
// Only node: built-ins, so it runs right after `npm run build:site` with
// nothing else installed.  Usage:
//   node frontend/serve.mjs [--port N] [--host H] [--root DIR] [--no-isolation]
// --no-isolation leaves the three headers out, as a page embedding glasspy
// in someone else's site would be served: the page then runs the
// single-thread build (how the E2E tests check that build).
// PORT in the environment also sets the port (default 8080; 0 picks a free
// one). Prints "glasspy site: http://HOST:PORT/" once it is listening.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function parseArgs(argv) {
  const options = {
    port: Number(process.env.PORT ?? 8080),
    host: '127.0.0.1',
    root: path.resolve(here, '../build/site'),
    isolation: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--root') options.root = path.resolve(value());
    else if (flag === '--no-isolation') options.isolation = false;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`bad port: ${options.port}`);
  }
  return options;
}

// Maps a URL path to a file strictly inside root, or null. Decoding happens
// before the check, so "%2e%2e/" cannot climb out either.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function cacheControl(relative) {
  // Vite puts a content hash in every name under assets/.
  if (relative.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export function createServer(root, { isolation = true } = {}) {
  const isolationHeaders = isolation ? ISOLATION_HEADERS : {};
  function send(res, status, body, headers = {}) {
    res.writeHead(status, { ...isolationHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  }
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url, 'http://localhost');
    let file = resolveInside(root, pathname);
    if (file === null) {
      send(res, 403, 'forbidden\n');
      return;
    }
    fs.stat(file, (error, stats) => {
      if (!error && stats.isDirectory()) {
        file = path.join(file, 'index.html');
        try {
          stats = fs.statSync(file);
        } catch {
          stats = null;
        }
      }
      if (error || !stats || !stats.isFile()) {
        send(res, 404, 'not found\n');
        return;
      }
      const relative = path.relative(root, file).split(path.sep).join('/');
      res.writeHead(200, {
        ...isolationHeaders,
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stats.size,
        'Cache-Control': cacheControl(relative),
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(options.root, 'index.html'))) {
    console.error(`serve.mjs: no site in ${options.root}; build it with: npm run build:site`);
    process.exit(1);
  }
  const server = createServer(options.root, { isolation: options.isolation });
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    console.log(`glasspy site: http://${host}:${port}/`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}
