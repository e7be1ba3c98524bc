/**
 * Learner pages that show one language and keep the translation hidden until a button shows
 * it (display:none, the hidden attribute). Hidden text is no text of the page — unless the
 * shown text is in one language alone: then the parser reads the page again with it.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { extractHtml } from '../../../lambdas/core/parse/html.js';

const TITLE = 'Beekeepers move hives to the city';
const PAIRS = [
  ['Some beekeepers now keep hives on office roofs.', '一些养蜂人现在把蜂箱放在办公楼的屋顶上。'],
  ['City bees find flowers in parks all summer.', '城市里的蜜蜂整个夏天都能在公园里找到花。'],
  ["The honey is sold at farmers' markets.", '这些蜂蜜在农贸市场上出售。'],
] as const;

const page = (hide: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><div class="lesson"><h1>${TITLE}</h1>${PAIRS.map(
    ([en, zh]) => `<div class="en">${en}</div><div class="cn" ${hide}>${zh}</div>`,
  ).join('')}<button>显示翻译 Show translation</button></div></body></html>`;

describe('a translation hidden behind a toggle', () => {
  it.each([['style="display:none"'], ['style="display: none;"'], ['hidden'], ['style="visibility:hidden"']])('%s: read, with a warning that says so', (hide) => {
    const r = parseArticle({ bytes: page(hide) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')])).toEqual(PAIRS.map(([en, zh]) => [en, zh]));
    expect(r.warnings).toContain('the shown text is in one language; its translation was read from 3 hidden element(s) (display:none, hidden)');
  });

  it('a page with both languages shown still leaves its hidden text out', () => {
    const html = page('').replace('</h1>', '</h1><div style="display:none">Hidden tracking text that nobody reads on the page.</div>');
    const r = parseArticle({ bytes: html });
    if (!r.ok) throw new Error(r.reason);
    expect(JSON.stringify(r.article)).not.toContain('Hidden tracking text');
    expect(r.warnings.filter((w) => w.includes('hidden'))).toEqual([]);
  });

  it('a page in one language with hidden text in the same language still fails, naming the counts', () => {
    const html = `<!doctype html><html><head><title>${TITLE}</title></head><body><h1>${TITLE}</h1>${PAIRS.map(([en]) => `<p>${en}</p><p style="display:none">${en} Again.</p>`).join('')}</body></html>`;
    expect(parseArticle({ bytes: html })).toEqual({ ok: false, reason: 'not a bilingual article: found 3 English and 0 Chinese body paragraphs' });
  });

  it('extractHtml counts what it leaves out, and reads it when asked', () => {
    const shown = extractHtml(page('hidden'));
    const all = extractHtml(page('hidden'), { keepHidden: true });
    if (!shown.ok || !all.ok) throw new Error('not read');
    expect(shown.value.hiddenElements).toBe(3);
    expect(all.value.hiddenElements).toBeUndefined();
    const text = (b: typeof shown.value.blocks) => b.flatMap((x) => x.lines).join('\n');
    expect(text(shown.value.blocks)).not.toContain(PAIRS[0][1]);
    expect(text(all.value.blocks)).toContain(PAIRS[0][1]);
  });
});
