/**
 * The index page (`/`) in real headless Chromium, served by the feed handler with its
 * Content-Security-Policy: it fits a 375 px phone (nothing wider than the viewport, so no
 * sideways scrolling), keeps the sources table on a desktop, and its stylesheet is one the
 * policy allows.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from '../../lambdas/core/ports.js';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { loadSources, withBaseUrl } from '../../lambdas/fetch/config.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { FIXED_CLOCK, MemoryReader, allArticles } from './fixtures.js';
import { requireTool } from './tools.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const CHROMIUM = '/usr/bin/chromium';
// Every source record the project ships, as a deployment with all of them would list them.
const SOURCES = [
  ...loadSources(readFileSync('lambdas/fetch/sources.default.json', 'utf8'), 'sources.default.json'),
  ...loadSources(withBaseUrl(readFileSync('samples/sources.json', 'utf8'), 'http://127.0.0.1:8081'), 'samples/sources.json'),
];
// The widest things a row can hold: a five-digit count, an error naming a long URL.
const STATES: SourceState[] = SOURCES.map((s, i) => ({
  sourceId: s.id,
  lastFetch: '2026-11-30T14:57:21.364Z',
  articles: 12_345 + i,
  failures: i,
  ...(i === 0 ? { lastError: `fetch ${s.startUrls[0]}?page=2&utm_source=feed_reader_subscription: HTTP 503 Service Unavailable` } : {}),
}));

let browser: Browser;
let server: { url: string; close(): Promise<void> };
const consoleErrors: string[] = [];

beforeAll(async () => {
  requireTool(CHROMIUM, 'chromium');
  server = await serveFunctionUrl(makeFeedHandler({ reader: new MemoryReader(allArticles(), STATES), sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY }), { host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function measure(width: number): Promise<{ scrollWidth: number; rowDisplay: string; widest: { tag: string; right: number } }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const res = await page.goto(`${server.url}/`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).toMatch(/style-src 'sha256-[^']+' 'sha256-[^']+'/);
  // Runs in the page; the project compiles without the DOM lib, so the few DOM shapes used are declared here.
  const out = await page.evaluate(() => {
    interface El { tagName: string; getBoundingClientRect(): { right: number } }
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number }; querySelector(s: string): El; querySelectorAll(s: string): ArrayLike<El> };
      getComputedStyle(e: El): { display: string };
    };
    const doc = g.document;
    let widest = { tag: '', right: 0 };
    // The table head stays for screen readers, clipped to nothing on a phone: not counted.
    for (const el of Array.from(doc.querySelectorAll('body *:not(thead, thead *)'))) {
      const right = el.getBoundingClientRect().right;
      if (right > widest.right) widest = { tag: el.tagName, right };
    }
    return { scrollWidth: doc.documentElement.scrollWidth, rowDisplay: g.getComputedStyle(doc.querySelector('table.sources tbody tr')).display, widest };
  });
  await context.close();
  return out;
}

describe('index page in Chromium', () => {
  it('fits a 375 px phone: no element wider than the viewport, one block per source', async () => {
    const m = await measure(375);
    expect(m.scrollWidth, `widest: ${m.widest.tag} to ${m.widest.right}px`).toBeLessThanOrEqual(375);
    expect(m.widest.right, m.widest.tag).toBeLessThanOrEqual(375);
    expect(m.rowDisplay).toBe('block');
  });

  it('keeps the table on a desktop', async () => {
    const m = await measure(1280);
    expect(m.scrollWidth).toBeLessThanOrEqual(1280);
    expect(m.rowDisplay).toBe('table-row');
  });

  it('loads no style the policy refuses', () => {
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
  });
});
