/**
 * A small static server for samples/ on 127.0.0.1 (random port): the sample sources'
 * "web site". It sends ETag and Last-Modified and answers conditional requests with 304,
 * as news sites do, so a second `duofeed start` shows conditional GET at work.
 * It never names a charset: the GBK and Big5 samples declare theirs only in <meta>, as
 * many Chinese sites do, and the parser must find it there.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.txt': 'text/plain',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  /** Requests served, by status (for the progress line and tests). */
  counts: Map<number, number>;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; a fixed port keeps sample URLs (and so article ids) stable across runs. */
export async function serveStatic(rootDir: string, port = 0): Promise<StaticServer> {
  const root = resolve(rootDir);
  const counts = new Map<number, number>();
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
        counts.set(status, (counts.get(status) ?? 0) + 1);
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        return send(400, {}, 'bad path');
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      // No path may leave the samples folder (../, encoded or not).
      if (!file.startsWith(root + sep) || path.includes('\0')) return send(403, {}, 'forbidden');
      let info;
      try {
        info = await stat(file);
        if (!info.isFile()) return send(404, {}, 'not found');
      } catch {
        return send(404, {}, 'not found');
      }
      const bytes = await readFile(file);
      const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
      const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
      const headers = { etag, 'last-modified': lastModified, 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm ? inm.split(',').some((t) => t.trim() === etag) : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified)) {
        return send(304, { etag, 'last-modified': lastModified });
      }
      send(200, { ...headers, 'content-length': String(bytes.length) }, bytes);
    })();
  });
  await new Promise<void>((r, j) => {
    server.once('error', j);
    server.listen(port, '127.0.0.1', () => r());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
