/**
 * A photo's caption (<figcaption>, in one language or both) and an ad label between paragraphs
 * are no text of the article: they stay out of the aligned pairs.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const PAIRS = [
  ['Infrared cameras in the mountains have recorded snow leopards more than forty times this winter.', '今年冬天，山区的红外相机已经拍到雪豹四十多次。'],
  ['Rangers set up the cameras along old trails used by the cats.', '护林员沿着雪豹常走的旧小路架设了相机。'],
  ['The images help scientists count the animals without disturbing them.', '这些图像帮助科学家在不打扰动物的情况下统计它们的数量。'],
] as const;

function parse(between: string) {
  const [a, b, c] = PAIRS.map(([en, zh]) => `<p>${en}</p><p>${zh}</p>`);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Snow leopards caught on camera</title></head><body><article><h1>Snow leopards caught on camera</h1><h2>红外相机拍到雪豹</h2>${a}${between}${b}${between}${c}</article></body></html>`;
  const r = parseArticle({ bytes: html });
  if (!r.ok) throw new Error(r.reason);
  return r.article.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')]);
}

describe('captions and ad labels', () => {
  it.each([
    ['a caption in both languages', '<figure><img src="/a.jpg" alt=""><figcaption>A snow leopard walks past a camera trap in January. 一月，一只雪豹走过红外相机。</figcaption></figure>'],
    ['a caption with a credit', '<figure><img src="/a.jpg" alt=""><figcaption>A snow leopard walks past a camera trap in January. Photo: Wild Asia</figcaption></figure>'],
    ['an ad label', '<div class="slot">Advertisement</div>'],
    ['an ad label in capitals', '<p>ADVERTISEMENT</p>'],
  ])('%s', (_what, between) => {
    expect(parse(between)).toEqual(PAIRS.map(([en, zh]) => [en, zh]));
  });
});
