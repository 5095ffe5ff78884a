// A small static file server for the built app (no npm packages needed): right MIME types for
// wasm, gzip when the browser accepts it, ETags for revalidation, loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

export function startServer(root, port, host = '127.0.0.1') {
  const base = resolve(root);
  const cache = new Map(); // gzipped bodies, keyed by path and mtime
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
      let info = await stat(path).catch(() => null);
      if (info && info.isDirectory()) { path = join(path, 'index.html'); info = await stat(path).catch(() => null); }
      if (!info) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      // no-cache: the browser asks every time, and an unchanged file costs a 304 instead of its
      // bytes (a reload, the service worker's copy).
      const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream',
                        'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', etag };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      let body = await readFile(path);
      if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const key = path + ':' + info.mtimeMs;
        if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
        body = cache.get(key);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, port] = process.argv.slice(2);
  await startServer(root, Number(port || 8080));
}
