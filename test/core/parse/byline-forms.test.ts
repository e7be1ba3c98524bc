/**
 * Bylines as English-language sites print them without a label: a date and a name with a dot
 * or bar between ("September 1, 2024 · Chen Jing"), a "By" line that runs on into the date
 * after a middle dot, a romanized name followed by its Chinese form.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { bylineOf, dateAndNameOf, zhDatedBylineOf } from '../../../lambdas/core/parse/metadata.js';
import { BYLINE_MAX } from '../../../lambdas/core/parse/heuristics.js';

describe('bylineOf: where the name ends', () => {
  it.each([
    ['By Chen Jing · September 1, 2024', 'Chen Jing'],
    ['By Chen Jing • Sept 1, 2024', 'Chen Jing'],
    ['By Chen Jing - Lake Post', 'Chen Jing'],
    ['By Chen Jing — staff reporter', 'Chen Jing'],
    ['By Anne-Marie Holt | 2024-09-01', 'Anne-Marie Holt'],
    ['By Chen Jing in Harbin', 'Chen Jing'],
    ['By Chen Jing', 'Chen Jing'],
  ])('%s → %s', (line, name) => {
    expect(bylineOf(line)).toBe(name);
  });
});

describe('dateAndNameOf', () => {
  it.each([
    ['September 1, 2024 · Chen Jing', { date: '2024-09-01T00:00:00+08:00', name: 'Chen Jing' }],
    ['Chen Jing · September 1, 2024', { date: '2024-09-01T00:00:00+08:00', name: 'Chen Jing' }],
    ['Chen Jing | 2024-09-01 10:30', { date: '2024-09-01T10:30:00+08:00', name: 'Chen Jing' }],
    ['Sept. 1, 2024 — Maria Holt', { date: '2024-09-01T00:00:00+08:00', name: 'Maria Holt' }],
    ['2024-09-01 / Li Wen', { date: '2024-09-01T00:00:00+08:00', name: 'Li Wen' }],
    ['Li Wen - 2024-09-01', { date: '2024-09-01T00:00:00+08:00', name: 'Li Wen' }],
  ] as const)('%s', (line, want) => {
    expect(dateAndNameOf(line)).toEqual(want);
  });

  it.each([
    ['a source, not a person', 'September 1, 2024 | China Daily'],
    ['a news agency', 'Xinhua News Agency · 2024-09-01'],
    ['a label word', 'Updated · 2024-09-01'],
    ['no separator between', 'Chen Jing 2024-09-01'],
    ['words on both sides', 'Chen Jing · September 1, 2024 · Harbin'],
    ['a sentence with a date', 'On September 1, 2024 the museum opened at night.'],
    ['one word', 'September 1, 2024 · Chen'],
    ['lower-case words', 'September 1, 2024 · chen jing'],
    ['no date', 'Chen Jing · Lake Post'],
    ['a date alone', 'September 1, 2024'],
  ])('%s: nothing', (_why, line) => {
    expect(dateAndNameOf(line)).toBeUndefined();
  });
});

describe('dateAndNameOf and zhDatedBylineOf: edges', () => {
  it('a line of BYLINE_MAX characters is read, one longer is not', () => {
    const pad = (n: number) => `Chen Jing ${' '.repeat(n)}· September 1, 2024`;
    const at = pad(BYLINE_MAX - pad(0).length);
    expect(at.length).toBe(BYLINE_MAX);
    expect(dateAndNameOf(at)?.name).toBe('Chen Jing');
    expect(dateAndNameOf(pad(BYLINE_MAX - pad(0).length + 1))).toBeUndefined();
    const zh = (n: number) => `記者 陳嘉欣 ${' '.repeat(n)}| 2024年3月2日`;
    const zhAt = zh(BYLINE_MAX - zh(0).length);
    expect(zhAt.length).toBe(BYLINE_MAX);
    expect(zhDatedBylineOf(zhAt)?.names).toBe('陳嘉欣');
    expect(zhDatedBylineOf(zh(BYLINE_MAX - zh(0).length + 1))).toBeUndefined();
  });

  it('names on both sides of the date: no byline', () => {
    expect(dateAndNameOf('Chen Jing · September 1, 2024 · Li Wen')).toBeUndefined();
  });

  it('a date stamp that is no date (31 February) still marks the line: the name without a date', () => {
    expect(dateAndNameOf('Chen Jing · 2025-02-31')).toStrictEqual({ name: 'Chen Jing' });
    expect(zhDatedBylineOf('記者 陳嘉欣 | 2025-02-31')).toStrictEqual({ names: '陳嘉欣' });
  });
});

describe('the parser reads such bylines before the body, and keeps them out of it', () => {
  const TITLE = 'Museum opens night tours';
  const BODY = [
    ['The city museum will stay open until 10 pm on Fridays.', '市博物馆将在每周五开放至晚上10点。'],
    ['Visitors can join guided tours of the bronze collection by lamplight.', '游客可以在灯光下参加青铜器藏品的导览。'],
  ] as const;
  const page = (line: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE} | Weekly Review</title></head><body><main><h1>${TITLE}</h1><h2>博物馆开放夜间参观</h2><p class="meta">${line}</p>${BODY.flatMap(([en, zh]) => [`<p>${en}</p>`, `<p>${zh}</p>`]).join('')}</main></body></html>`;
  const parse = (line: string) => {
    const r = parseArticle({ bytes: page(line) });
    if (!r.ok) throw new Error(r.reason);
    return r.article;
  };
  const bodyOf = (a: ReturnType<typeof parse>) => a.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')]);

  it.each(['September 1, 2024 · Chen Jing', 'Chen Jing | September 1, 2024', 'By Chen Jing · September 1, 2024'])('%s', (line) => {
    const a = parse(line);
    expect(a.byline).toEqual({ en: 'Chen Jing' });
    expect(a.published).toBe('2024-09-01T00:00:00+08:00');
    expect(bodyOf(a)).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });

  it('the <time datetime> inside the line gives the time of the day it shows', () => {
    const a = parse('<time datetime="2024-09-01T19:00:00+08:00">Sept 1, 2024</time> · <a rel="author" href="/people/chen-jing">Chen Jing</a>');
    expect([a.byline, a.published]).toEqual([{ en: 'Chen Jing' }, '2024-09-01T19:00:00+08:00']);
  });

  it('a source and a date is no byline', () => {
    const a = parse('September 1, 2024 | China Daily');
    expect(a.byline).toBeUndefined();
  });

  it('"By" with the romanized and the Chinese name gives both', () => {
    const a = parse('By Zhang Wei 张伟 | Updated: 2024-04-03 10:20');
    expect(a.byline).toEqual({ en: 'Zhang Wei', zh: '张伟' });
    expect(a.published).toBe('2024-04-03T10:20:00+08:00');
  });
});
