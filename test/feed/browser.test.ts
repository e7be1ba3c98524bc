/**
 * The reader page in real headless Chromium: each aligned pair's paragraphs start at the
 * same height on a desktop, stack (translation under its original) on a phone, and nothing
 * in the article text turns into markup.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { FIXED_CLOCK, HOSTILE, MemoryReader, SOURCES, STATES, allArticles } from './fixtures.js';
import { requireTool } from './tools.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let server: { url: string; close(): Promise<void> };
const shots = mkdtempSync(join(tmpdir(), 'duofeed-shots-'));
const pageErrors: string[] = [];

interface PairBox {
  id: string;
  tops: number[];
  bottoms: number[];
  lefts: number[];
}

beforeAll(async () => {
  requireTool(CHROMIUM, 'chromium');
  server = await serveFunctionUrl(makeFeedHandler({ reader: new MemoryReader(allArticles(), STATES), sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY }), {
    host: '127.0.0.1',
    port: 0,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function measure(width: number, height: number, shot: string): Promise<{ pairs: PairBox[]; scripts: number; images: number; dialogs: number }> {
  const context = await browser.newContext({ viewport: { width, height } });
  // Only loopback: anything else the page asked for would be a leak.
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${server.url}/articles/${HOSTILE.id}`, { waitUntil: 'load' });
  await page.screenshot({ path: join(shots, shot), fullPage: true });
  // Runs in the page; the project compiles without the DOM lib, so the few DOM shapes used are declared here.
  const result = await page.evaluate(() => {
    interface Rect { top: number; bottom: number; left: number }
    interface El { id: string; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El>; getBoundingClientRect(): Rect }
    const doc = (globalThis as unknown as { document: El & { scripts: ArrayLike<unknown>; images: ArrayLike<unknown> } }).document;
    const pairs = Array.from(doc.querySelectorAll('main .pair[id]')).map((pair) => {
      const firsts = Array.from(pair.querySelectorAll(':scope > .side')).map((side) => side.querySelector('p')).filter((p): p is El => p !== null);
      const rects = firsts.map((p) => p.getBoundingClientRect());
      return { id: pair.id, tops: rects.map((r) => r.top), bottoms: rects.map((r) => r.bottom), lefts: rects.map((r) => r.left) };
    });
    return { pairs, scripts: doc.scripts.length, images: doc.images.length };
  });
  await context.close();
  return { ...result, dialogs };
}

describe('reader page in Chromium', () => {
  it('desktop: the two paragraphs of every pair start at the same height, side by side', async () => {
    const { pairs, scripts, images, dialogs } = await measure(1280, 900, 'desktop.png');
    expect(pairs).toHaveLength(HOSTILE.segments.length);
    const both = pairs.filter((p) => p.tops.length === 2);
    expect(both).toHaveLength(HOSTILE.segments.filter((s) => Array.isArray(s.zh) && s.zh.length > 0).length);
    for (const p of both) {
      expect(Math.abs(p.tops[0]! - p.tops[1]!), p.id).toBeLessThanOrEqual(1);
      expect(p.lefts[1]!, p.id).toBeGreaterThan(p.lefts[0]! + 300);
    }
    expect({ scripts, images, dialogs }).toEqual({ scripts: 0, images: 0, dialogs: 0 });
    expect(pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    expect(statSync(join(shots, 'desktop.png')).size).toBeGreaterThan(10_000);
  });

  it('phone: each translation stacks under its original', async () => {
    const { pairs } = await measure(390, 844, 'phone.png');
    for (const p of pairs.filter((x) => x.tops.length === 2)) {
      expect(p.tops[1]!, p.id).toBeGreaterThanOrEqual(p.bottoms[0]!);
      expect(Math.abs(p.lefts[0]! - p.lefts[1]!), p.id).toBeLessThanOrEqual(1);
    }
    // Segments keep reading order: each pair starts below the previous one.
    const starts = pairs.map((p) => p.tops[0]!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('the index page lists every source with its feeds', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    for (const s of SOURCES) expect(await page.locator(`#source-${s.id} a[href$="/feeds/${s.id}.atom"]`).count()).toBe(1);
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe(`${server.url}/feeds/all.atom`);
    await page.close();
  });
});
