/**
 * The reading page in real headless Chromium, served by the feed handler with its
 * Content-Security-Policy, in every mode at 1280 and 390 px: geometry (pairs level side by side
 * on a desktop, stacked on a phone, sentence over translation when interleaved, no sideways
 * scrolling), axe-core (no serious or critical violations), the keyboard (Tab reaches every
 * reveal control; focus opens it, Enter keeps it open), the partner highlight and the
 * remembered mode (the script runs under the page's policy), and nothing in the article text
 * turning into markup. Screenshots go to /tmp/duofeed-reader-shots/ to be looked at.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { FIXED_CLOCK, HOSTILE, MemoryReader, SOURCES, STATES, TRADITIONAL, readerArticles } from './fixtures.js';
import { requireTool } from './tools.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = '/tmp/duofeed-reader-shots';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let server: { url: string; close(): Promise<void> };
const pageErrors: string[] = [];

beforeAll(async () => {
  requireTool(CHROMIUM, 'chromium');
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  server = await serveFunctionUrl(makeFeedHandler({ reader: new MemoryReader(readerArticles(), STATES), sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY }), {
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

async function open(width: number, path: string): Promise<{ context: BrowserContext; page: Page; dialogs: () => number }> {
  const context = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 } });
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
    if (m.type() === 'error' && !/favicon|status of 404/.test(m.text())) pageErrors.push(m.text());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { context, page, dialogs: () => dialogs };
}

// The page runs in Chromium; the project compiles without the DOM lib, so the few DOM shapes used are declared here.
interface Rect { top: number; bottom: number; left: number; right: number; width: number; height: number }
interface El {
  id: string;
  tagName: string;
  className: string;
  open?: boolean;
  textContent: string | null;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): ArrayLike<El>;
  getBoundingClientRect(): Rect;
  getAttribute(n: string): string | null;
}
type Doc = El & { documentElement: El & { scrollWidth: number }; activeElement: El | null; scripts: ArrayLike<unknown>; images: ArrayLike<unknown> };

interface Geometry {
  scrollWidth: number;
  viewport: number;
  /** side layout: per pair, the first paragraph of each side */
  pairs: { id: string; tops: number[]; bottoms: number[]; lefts: number[] }[];
  /** interleaved: per sentence pair, each language's paragraph */
  sentencePairs: { id: string; tops: number[]; bottoms: number[]; lefts: number[] }[];
  reveals: { id: string; open: boolean }[];
  /** Elements (of main) whose right edge passes the viewport */
  overflowing: string[];
}

async function geometry(page: Page): Promise<Geometry> {
  return page.evaluate(
    () => {
      const d = (globalThis as unknown as { document: Doc }).document;
      const boxes = (els: El[]) => els.map((e) => e.getBoundingClientRect());
      const pairs = Array.from(d.querySelectorAll('main section.pair[id]')).map((pair) => {
        const r = boxes(Array.from(pair.querySelectorAll(':scope > .side')).map((s) => s.querySelector('p')).filter((p): p is El => p !== null));
        return { id: pair.id, tops: r.map((x) => x.top), bottoms: r.map((x) => x.bottom), lefts: r.map((x) => x.left) };
      });
      const sentencePairs = Array.from(d.querySelectorAll('main .sp[id]')).map((sp) => {
        const r = boxes(Array.from(sp.querySelectorAll(':scope > p')));
        return { id: sp.id, tops: r.map((x) => x.top), bottoms: r.map((x) => x.bottom), lefts: r.map((x) => x.left) };
      });
      const reveals = Array.from(d.querySelectorAll('main details.rv')).map((x) => ({ id: x.id, open: !!x.open }));
      const vw = (globalThis as unknown as { innerWidth: number }).innerWidth;
      const overflowing = Array.from(d.querySelectorAll('body *'))
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.right > vw + 1;
        })
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { scrollWidth: d.documentElement.scrollWidth, viewport: vw, pairs, sentencePairs, reveals, overflowing };
    },
  );
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/** axe-core, evaluated into the page through the DevTools protocol (the page's own policy lets no other script run). */
async function axe(page: Page): Promise<AxeResult> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const r = await a.run((globalThis as unknown as { document: Doc }).document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: [] };
  });
}

const MODES = [
  { name: 'side', path: `/articles/${HOSTILE.id}`, kind: 'side' },
  { name: 'side-trad-pinyin', path: `/articles/${TRADITIONAL.id}?lang=bi&layout=side&pinyin=1`, kind: 'side' },
  { name: 'inter', path: `/articles/${HOSTILE.id}?lang=bi&layout=inter`, kind: 'inter' },
  { name: 'inter-trad-hans-pinyin', path: `/articles/${TRADITIONAL.id}?lang=bi&layout=inter&pinyin=1&script=hans`, kind: 'inter' },
  { name: 'en-reveal', path: `/articles/${HOSTILE.id}?lang=en`, kind: 'reveal' },
  { name: 'zh-reveal-trad', path: `/articles/${TRADITIONAL.id}?lang=zh`, kind: 'reveal' },
  { name: 'zh-reveal-hant-pinyin', path: `/articles/${HOSTILE.id}?lang=zh&pinyin=1&script=hant`, kind: 'reveal' },
] as const;
const WIDTHS = [1280, 390] as const;
const CASES = MODES.flatMap((m) => WIDTHS.map((width) => ({ ...m, width, label: `${m.name} @ ${width}px` })));
const axeReport: string[] = [];

// The cases run concurrently (each in its own browser context): most of each is Chromium's
// work, which overlaps with the test process's own; the report below is sorted, not in finish order.
describe('reading page in Chromium: every mode at 1280 and 390 px', () => {
  it.concurrent.for(CASES)('$label: geometry, no overflow, axe, screenshot', { timeout: 60_000 }, async ({ name, path, kind, width }, { expect }) => {
    const { context, page, dialogs } = await open(width, path);
    try {
      const shot = join(SHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      const g = await geometry(page);
      expect(g.scrollWidth, 'horizontal overflow').toBeLessThanOrEqual(g.viewport);
      expect(g.overflowing).toEqual([]);
      if (kind === 'side') {
        expect(g.pairs.length).toBeGreaterThan(0);
        const both = g.pairs.filter((p) => p.tops.length === 2);
        expect(both.length).toBeGreaterThan(0);
        for (const p of both) {
          if (width === 1280) {
            expect(Math.abs(p.tops[0]! - p.tops[1]!), p.id).toBeLessThanOrEqual(1);
            expect(p.lefts[1]!, p.id).toBeGreaterThan(p.lefts[0]! + 300);
          } else {
            expect(p.tops[1]!, p.id).toBeGreaterThanOrEqual(p.bottoms[0]!);
            expect(Math.abs(p.lefts[0]! - p.lefts[1]!), p.id).toBeLessThanOrEqual(1);
          }
        }
        // Reading order: each pair starts below the previous one.
        const starts = g.pairs.map((p) => p.tops[0]!);
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      } else if (kind === 'inter') {
        expect(g.sentencePairs.length).toBeGreaterThan(0);
        for (const sp of g.sentencePairs.filter((s) => s.tops.length === 2)) {
          expect(sp.tops[1]!, sp.id).toBeGreaterThanOrEqual(sp.bottoms[0]! - 1);
          expect(Math.abs(sp.lefts[0]! - sp.lefts[1]!), sp.id).toBeLessThanOrEqual(1);
        }
      } else {
        expect(g.reveals.length).toBeGreaterThan(0);
        expect(g.reveals.filter((r) => r.open)).toEqual([]);
      }
      const { violations } = await axe(page);
      axeReport.push(`${name} @ ${width}: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') : 'no violations'}`);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      const counts = await page.evaluate(() => ({ scripts: (globalThis as unknown as { document: Doc }).document.scripts.length, images: (globalThis as unknown as { document: Doc }).document.images.length }));
      expect({ ...counts, dialogs: dialogs() }).toEqual({ scripts: 1, images: 0, dialogs: 0 });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  afterAll(() => {
    if (axeReport.length) console.log(`axe-core ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version}, WCAG 2.x A/AA + best practices:\n  ${[...axeReport].sort().join('\n  ')}`);
  });
});

describe('reading page: the keyboard, the script and the links', () => {
  it('Tab reaches every reveal control; focus opens it and leaving closes it; Enter keeps it open', async () => {
    const { context, page } = await open(1280, `/articles/${TRADITIONAL.id}?lang=en`);
    try {
      const reveals = (await geometry(page)).reveals.map((r) => r.id);
      expect(reveals.length).toBeGreaterThanOrEqual(3);
      const reached: string[] = [];
      for (let i = 0; i < 60 && reached.length < reveals.length; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const a = (globalThis as unknown as { document: Doc }).document.activeElement;
          const det = a?.tagName === 'SUMMARY' ? (a as unknown as { parentElement: El }).parentElement : null;
          return det ? { id: det.id, open: !!det.open } : null;
        });
        if (f) {
          // Keyboard focus reveals the translation (the script), without a key press.
          expect(f.open, f.id).toBe(true);
          reached.push(f.id);
        }
      }
      expect(reached).toEqual(reveals);
      // Focus moved on: the translations it opened closed again.
      await page.keyboard.press('Tab');
      expect((await geometry(page)).reveals.filter((r) => r.open)).toEqual([]);
      // Back to the last one and Enter: it stays open when focus leaves.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect((await geometry(page)).reveals.filter((r) => r.open).map((r) => r.id)).toEqual([reveals.at(-1)]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('without the script, a click still opens a translation (details/summary)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/articles/${HOSTILE.id}?lang=zh`);
      const first = page.locator('details.rv').first();
      expect(await first.evaluate((d) => (d as unknown as El).open)).toBe(false);
      await first.locator('summary').click();
      expect(await first.evaluate((d) => (d as unknown as El).open)).toBe(true);
      expect(await first.locator('p[lang=en]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('pointing at a sentence highlights its partner; a permalink marks both sides', async () => {
    const { context, page } = await open(1280, `/articles/${HOSTILE.id}#p5s2`);
    try {
      const marked = () => page.evaluate(() => ({ hl: Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('.hl')).map((e) => `${e.getAttribute('data-p')}:${(e as unknown as { lang: string; closest(s: string): { lang: string } }).closest('[lang]').lang}`), tg: Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('.tg')).length }));
      expect((await marked()).tg).toBe(2);
      await page.hover('.side[lang=en] [data-p="p5s2"]');
      expect((await marked()).hl).toEqual(['p5s2:en', 'p5s2:zh-Hans']);
      await page.mouse.move(0, 0);
      expect((await marked()).hl).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the chosen mode is remembered: an article link without parameters opens in it; a link with parameters wins', async () => {
    const { context, page } = await open(1280, `/articles/${HOSTILE.id}?lang=zh&pinyin=1`);
    try {
      await page.goto(`${server.url}/articles/${DAILY_ID}`);
      await page.waitForURL(/lang=zh/);
      expect(new URL(page.url()).search).toBe('?lang=zh&pinyin=1');
      await page.goto(`${server.url}/articles/${DAILY_ID}?lang=bi&layout=inter`);
      expect(new URL(page.url()).search).toBe('?lang=bi&layout=inter');
      await page.goto(`${server.url}/articles/${HOSTILE.id}`);
      await page.waitForURL(/layout=inter/);
      // Every mode is a link; the current one is marked for assistive technology.
      expect(await page.locator('.modes a[aria-current="page"]').innerText()).toMatch(/Interleaved/);
    } finally {
      await context.close();
    }
  });

  it('previous/next stay within the source and keep the mode; exports are linked', async () => {
    const { context, page } = await open(390, `/articles/${TRADITIONAL.id}?lang=bi&layout=inter`);
    try {
      const older = page.locator('.prevnext a[rel=next]');
      expect(await older.getAttribute('href')).toBe(`${server.url}/articles/${DAILY_ID}?lang=bi&layout=inter`);
      expect(await page.locator('.prevnext a[rel=prev]').count()).toBe(0);
      await older.click();
      await page.waitForURL(new RegExp(DAILY_ID));
      expect(await page.locator('.prevnext a[rel=prev]').getAttribute('href')).toContain(TRADITIONAL.id);
      expect(await page.locator(`footer a[href$="/articles/${DAILY_ID}.tmx"]`).count()).toBe(1);
      expect(await page.locator(`footer a[href$="/articles/${DAILY_ID}.tsv"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the index page lists the latest articles and every source with its feeds', async () => {
    const { context, page } = await open(1280, '/');
    try {
      for (const s of SOURCES) expect(await page.locator(`#source-${s.id} a[href$="/feeds/${s.id}.atom"]`).count()).toBe(1);
      expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe(`${server.url}/feeds/all.atom`);
      expect(await page.locator('ol.latest > li').count()).toBe(readerArticles().length);
      expect(await page.locator('ol.latest > li a').first().getAttribute('href')).toBe(`${server.url}/articles/${TRADITIONAL.id}`);
    } finally {
      await context.close();
    }
  });
});

const DAILY_ID = 'a2daily00000000000002';
