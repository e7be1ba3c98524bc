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
export function toFunctionUrlEvent(req: IncomingMessage, body: Buffer, host: string, now = new Date()): LambdaFunctionURLEvent {
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

/** Writes a Function URL result as AWS does: a bare string or object means 200 JSON. */
function writeResult(res: ServerResponse, method: string, result: LambdaFunctionURLResult): void {
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
  const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body, 'utf8');
  if (body !== undefined && status !== 304 && status !== 204) headers['content-length'] = String(body.length);
  headers['content-type'] ??= 'application/json';
  res.writeHead(status, headers);
  res.end(method === 'HEAD' || status === 304 || status === 204 ? undefined : body);
}

export async function serveFunctionUrl(
  handler: FunctionUrlHandler,
  opts: { host?: string; port: number },
): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void (async () => {
      let event: LambdaFunctionURLEvent;
      try {
        event = toFunctionUrlEvent(req, await readBody(req), host);
      } catch (err) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end(`${(err as Error).message}\n`);
        return;
      }
      try {
        writeResult(res, event.requestContext.http.method, await handler(event));
      } catch (err) {
        // What the Function URL answers when the function itself throws.
        console.error(`function url: handler threw for ${event.rawPath}:`, err);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Internal Server Error' }));
      }
    })();
  });
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
