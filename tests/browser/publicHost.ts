import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.json': 'application/json',
  '.atom': 'application/atom+xml',
  '.pmtiles': 'application/octet-stream',
};

/** The path the citizens' site is served under in the browser tests, as a municipality's host might. */
export const SITE_PREFIX = '/trygghet/';

/**
 * Answers a request for a file of the built site in `out` as a static host or CDN would: under
 * SITE_PREFIX, index.html for a folder, byte ranges (the pmtiles protocol reads the archive so).
 */
export function serveSiteFile(out: string, request: IncomingMessage, response: ServerResponse): void {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  if (!path.startsWith(SITE_PREFIX)) return void response.writeHead(404).end();
  let file = normalize(join(out, path.slice(SITE_PREFIX.length)));
  if (!file.startsWith(out)) return void response.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const bytes = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '');
    if (!range) return void response.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' }).end(bytes);
    const [from, to] = [Number(range[1]), Math.min(Number(range[2]), bytes.length - 1)];
    response.writeHead(206, { 'content-type': type, 'content-range': `bytes ${from}-${to}/${bytes.length}`, 'content-length': to - from + 1 }).end(bytes.subarray(from, to + 1));
  } catch {
    response.writeHead(404).end();
  }
}
