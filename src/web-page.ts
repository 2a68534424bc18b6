import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import send from 'send';

/** Where `npm run build:web` (and `npm install`) puts the live view page. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

// The page talks only to this server; hashed assets never change, the page itself always may.
const HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const MISSING = `<!doctype html><html lang="en"><meta charset="utf-8"><title>haven-live</title>
<h1>haven-live</h1><p>The live view page has not been built: run <code>npm run build:web</code> (or <code>npm install</code>) and reload.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p></html>`;

/** Whether a path is the live view page or one of its assets. */
export function isWebPagePath(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html' || pathname.startsWith('/assets/');
}

/**
 * Serves the live view page at / and its built assets (GET/HEAD). The page holds nothing private:
 * it asks for the API token itself when the API wants one.
 */
export function serveWebPage(req: IncomingMessage, res: ServerResponse, dist = WEB_DIST): void {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
    return;
  }
  const page = pathname === '/' || pathname === '/index.html';
  if (!existsSync(join(dist, 'index.html'))) {
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(503, { ...HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : MISSING);
    return;
  }
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  const file = page ? '/index.html' : pathname;
  const stream = page
    ? send(req, file, { root: dist, index: false, cacheControl: false, dotfiles: 'deny' }).on('headers', (response: ServerResponse) => response.setHeader('cache-control', 'no-cache'))
    : send(req, file, { root: dist, index: false, immutable: true, maxAge: '1y', dotfiles: 'deny' });
  stream
    .on('error', (error: { status?: number }) => {
      res.writeHead(error.status ?? 500, { 'content-type': 'text/plain' }).end(error.status === 404 ? 'not found\n' : 'error\n');
    })
    .pipe(res);
}
