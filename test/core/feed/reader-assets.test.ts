/**
 * The reading page's inline stylesheet and script, and the CSP that allows exactly them by
 * hash. The modules are imported afresh inside each test: their values are built when the
 * module loads, which otherwise happens once per test worker, out of mutation testing's reach.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const fresh = async () => {
  vi.resetModules();
  return { assets: await import('../../../lambdas/core/feed/reader-assets.js'), styles: await import('../../../lambdas/core/feed/styles.js') };
};

describe('reader assets', () => {
  it('the policy allows the shared and the reader stylesheet and the reader script by hash, nothing else', async () => {
    const { assets, styles } = await fresh();
    expect(assets.READER_CSP).toBe(
      `default-src 'none'; script-src ${sha(assets.READER_JS)}; style-src ${sha(assets.READER_CSS)} ${sha(styles.PAGE_CSS)}; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(assets.PAGE_CSS).toBe(styles.PAGE_CSS);
  });

  it('the script remembers the mode parameters, not the script choice', async () => {
    const { assets } = await fresh();
    expect(assets.REMEMBERED_PARAMS).toEqual(['lang', 'layout', 'pinyin']);
    expect(assets.READER_JS.startsWith('(()=>{const d=document,K="duofeed.view",P=["lang","layout","pinyin"];\n')).toBe(true);
    expect(assets.READER_JS).toContain('localStorage.setItem(K,');
    expect(assets.READER_JS.endsWith('addEventListener("hashchange",tg);tg()})();')).toBe(true);
    // The script parses as JavaScript.
    expect(() => new Function(assets.READER_JS)).not.toThrow();
  });

  it('the stylesheet marks doubtful pairs, highlights partners and places permalinks', async () => {
    const { assets } = await fresh();
    expect(assets.READER_CSS).toContain('.doubtful>.side,.doubtful .sp,.doubtful .rv{border-left:3px dotted var(--flag);padding-left:.5rem}');
    expect(assets.READER_CSS).toContain('.hl,:target,.tg{background:var(--hl)}');
    expect(assets.READER_CSS).toContain(':lang(zh-Hant){font-family:"Noto Sans CJK TC"');
    expect(assets.READER_CSS).toContain('@media (max-width:80rem){.pl{left:auto;right:0;top:-1.5rem}}');
  });
});
