/**
 * A local Lambda Function URL: each HTTP request becomes a payload-v2 event, exactly the
 * shape AWS sends (lower-cased headers joined with commas, cookies split out, body base64
 * when binary), and the handler's result is written back the way the Function URL front end
 * does. `npm start` and the feed tests serve the real handler through it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { systemClock } from './clock.js';

export type FunctionUrlHandler = (e: LambdaFunctionURLEvent) => Promise<LambdaFunctionURLResult>;

const MAX_BODY_BYTES = 6 * 1024 * 1024; // Lambda's synchronous payload limit.
const TEXTUAL = /^(text\/|application\/(json|xml|x-www-form-urlencoded|[a-z.+-]*\+(json|xml)))/i;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body exceeds 6 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Builds the v2 event for one request. Exported so tests can check the shape directly. */
export function toFunctionUrlEvent(req: IncomingMessage, body: Buffer, host: string, now = systemClock.now()): LambdaFunctionURLEvent {
  const url = new URL(req.url ?? '/', 'http://local');
  const rawQueryString = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter(Boolean)];
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  // The Function URL front end terminates TLS and says so; locally it is plain HTTP.
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');
  headers['x-forwarded-for'] ??= req.socket.remoteAddress ?? '127.0.0.1';

  let queryStringParameters: Record<string, string> | undefined;
  for (const [k, v] of url.searchParams) {
    queryStringParameters ??= {};
    queryStringParameters[k] = queryStringParameters[k] === undefined ? v : `${queryStringParameters[k]},${v}`;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const textual = TEXTUAL.test(headers['content-type'] ?? '');
  const requestId = randomUUID();
  const domainName = headers['host'] ?? host;
  const event: LambdaFunctionURLEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString,
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: body.length > 0 && !textual,
  };
  if (cookies) event.cookies = cookies;
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (body.length > 0) event.body = textual ? body.toString('utf8') : body.toString('base64');
  return event;
}

/**
 * The bytes of a result body. A warm handler returns the same cached string object for
 * every request to a feed, so its bytes are kept by identity (a Map compares the same string
 * object without reading it): a 200 KB body is not re-encoded (or base64-decoded) per request.
 * Small bodies are cheap to encode and would only churn the cache.
 */
class PayloadBytes {
  private readonly cache = new Map<string, Buffer>();
  private bytes = 0;
  constructor(
    /** The same characters are different bytes as text and as base64: one cache each. */
    private readonly encoding: 'utf8' | 'base64',
    private readonly minChars = 16 * 1024,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}
  of(body: string): Buffer {
    if (body.length < this.minChars) return Buffer.from(body, this.encoding);
    let buf = this.cache.get(body);
    if (buf !== undefined) {
      this.cache.delete(body);
      this.cache.set(body, buf);
      return buf;
    }
    buf = Buffer.from(body, this.encoding);
    if (buf.length > this.maxBytes / 4) return buf;
    this.cache.set(body, buf);
    this.bytes += buf.length;
    for (const [k, b] of this.cache) {
      if (this.bytes <= this.maxBytes && this.cache.size <= 32) break;
      this.cache.delete(k);
      this.bytes -= b.length;
    }
    return buf;
  }
}

/** Writes a Function URL result as AWS does: a bare string or object means 200 JSON. */
function writeResult(res: ServerResponse, method: string, result: LambdaFunctionURLResult, payloads: { text: PayloadBytes; base64: PayloadBytes }): void {
  if (typeof result === 'string' || result === null || typeof result !== 'object' || !('statusCode' in result || 'body' in result || 'headers' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(method === 'HEAD' ? undefined : body);
    return;
  }
  const status = result.statusCode ?? 200;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? undefined : (result.isBase64Encoded ? payloads.base64 : payloads.text).of(result.body);
  if (body !== undefined && status !== 304 && status !== 204) headers['content-length'] = String(body.length);
  // As the Function URL front end is reported to do, even for a body-less 304: a result that
  // names no type is answered as JSON. The feed handler names its type on every answer.
  headers['content-type'] ??= 'application/json';
  res.writeHead(status, headers);
  res.end(method === 'HEAD' || status === 304 || status === 204 ? undefined : body);
}

/**
 * Invocations in arrival order, one per turn of the event loop.
 *
 * libuv (1.45 and later; Node 20 ships 1.46) accepts one connection per loop turn. When a
 * turn also runs the handler for every request that arrived in it, a busy turn lasts as long
 * as all of them, and a burst of a thousand connects waits in the kernel's accept queue for
 * seconds: with a bare node:http server burning 0.8 ms per request, 580 of 1,000 loopback
 * connections were never accepted in 10 s (Recv-Q of the listening socket stuck near 580,
 * strace showing one accept4 per ≈ 0.2 s turn) while the accepted ones were served over and
 * over — autocannon's "timeouts". Here, as at the real Function URL, the front end
 * (accepting, reading requests) is not held up behind the function: each turn accepts, reads
 * what has arrived, and starts the oldest queued invocation, so a burst is accepted within
 * about a second and served first come, first served. Handlers that wait on I/O overlap freely.
 */
class InvocationQueue {
  private readonly jobs: ((() => void) | undefined)[] = [];
  private head = 0;
  private scheduled = false;

  push(job: () => void): void {
    this.jobs.push(job);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.jobs.length) return;
    this.scheduled = true;
    setImmediate(() => this.runOne());
  }

  private runOne(): void {
    this.scheduled = false;
    const job = this.jobs[this.head];
    this.jobs[this.head++] = undefined;
    // Reuse the array once drained; trim a long consumed prefix so it cannot grow unbounded.
    if (this.head === this.jobs.length) {
      this.jobs.length = 0;
      this.head = 0;
    } else if (this.head > 4096) {
      this.jobs.splice(0, this.head);
      this.head = 0;
    }
    this.schedule();
    job?.();
  }
}

export interface FunctionUrlServer {
  url: string;
  /** Connections accepted since the server started (the load benchmark reports it). */
  connectionsAccepted(): number;
  close(): Promise<void>;
}

export async function serveFunctionUrl(handler: FunctionUrlHandler, opts: { host?: string; port: number }): Promise<FunctionUrlServer> {
  const host = opts.host ?? '127.0.0.1';
  const invocations = new InvocationQueue();
  const payloads = { text: new PayloadBytes('utf8'), base64: new PayloadBytes('base64') };
  let accepted = 0;
  const server = createServer((req, res) => {
    void (async () => {
      let event: LambdaFunctionURLEvent;
      try {
        event = toFunctionUrlEvent(req, await readBody(req), host);
      } catch (err) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end(`${(err as Error).message}\n`);
        return;
      }
      invocations.push(() => void invoke(event, res));
    })();
  });
  async function invoke(event: LambdaFunctionURLEvent, res: ServerResponse): Promise<void> {
    // The client may have gone while the invocation was queued.
    if (res.destroyed) return;
    try {
      writeResult(res, event.requestContext.http.method, await handler(event), payloads);
    } catch (err) {
      // What the Function URL answers when the function itself throws.
      console.error(`function url: handler threw for ${event.rawPath}:`, err);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    }
  }
  server.on('connection', () => void accepted++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Node's default backlog (511) drops SYNs when a thousand readers connect at once, and a
    // dropped SYN is retried only after 1 s, 3 s…; take what the kernel allows (somaxconn).
    server.listen({ port: opts.port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    connectionsAccepted: () => accepted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
