/**
 * content.ts, fourth round (seed-13 sample): a Chinese name line before an English byline
 * that is no bare name, a romanized name after a Chinese byline in the body (not the head),
 * and the heading-title rule on a page whose titles are no headings. Units built directly;
 * every text written here.
 */
import { describe, expect, it } from 'vitest';
import { articleParts } from '../../../lambdas/core/parse/content.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';
import { unit as makeUnit } from './units.js';

let nextBlock = 0;
const unit = (text: string, over: Partial<Unit> = {}): Unit => makeUnit(text, { block: nextBlock++, ...over });
const h = (level: number, text: string, over: Partial<Unit> = {}) => unit(text, { heading: level, tag: `h${level}`, ...over });

const EN1 = 'Ferry crews on the northern lake resumed the morning crossings on Monday after ice on the landing stages had kept the boats in port for nine days.';
const ZH1 = '北湖渡轮船员周一恢复了早班航次，此前码头上的结冰使渡轮在港内停靠了九天。';
const body = () => [unit(EN1), unit(ZH1)];
const TITLE = 'Lake ferries sail again';
const partsOf = (units: Unit[]) => articleParts(units, {}, { start: 0, end: units.length - 1 });
const texts = (p: { body: Array<{ text: string }> }) => p.body.map((b) => b.text);

describe('a bare Chinese name right before an English byline', () => {
  it('is the Chinese byline even when the byline is no bare romanized name ("By … in …")', () => {
    const p = partsOf([h(1, TITLE), unit('马林'), unit('By Ma Lin in Oslo'), ...body()]);
    expect(p.byline).toEqual({ zh: '马林', en: 'Ma Lin' });
    expect(texts(p)).toEqual([EN1, ZH1]);
  });
});

describe('a romanized name after a Chinese byline', () => {
  it('in the body (after the first paragraph) it stays text: only the head holds the byline block', () => {
    const p = partsOf([h(1, TITLE), ...body(), unit('作者：马林'), unit('Ma Lin')]);
    expect(p.byline).toEqual({ zh: '马林' });
    expect(texts(p)).toEqual([EN1, ZH1, 'Ma Lin']);
  });
});

describe('a page whose title is no heading', () => {
  it('a long Chinese sentence after the guessed English title is body text, not the Chinese title', () => {
    const zh = '北湖渡轮在冰层消融之后终于恢复了航行，船员们说这是今年最好的消息。';
    const p = partsOf([unit(TITLE), unit(zh), ...body()]);
    expect(p.title).toEqual({ en: TITLE });
    expect(texts(p)).toEqual([zh, EN1, ZH1]);
  });
  it('an English subtitle after the guessed title and its Chinese line is dropped from the body, as a head line', () => {
    const p = partsOf([unit(TITLE), unit('北湖渡轮复航'), unit('Ferries back on the lake'), ...body()]);
    expect(p.title).toEqual({ en: TITLE, zh: '北湖渡轮复航' });
    expect(texts(p)).toEqual([EN1, ZH1]);
  });
  it('a heading after a long editor\'s note (the first long paragraph, yet no body) is no heading title: the page had no heading before its first long paragraph, so the heading rule is off', () => {
    const note = "Editor's note: The ferries on the northern lake carry most of the island's children to school, so each winter stoppage is felt in every household, and this report follows the crews through the nine days the boats stayed in port while the ice held, from the first cold night to the morning the harbour master finally let them sail.";
    const p = partsOf([unit(note), h(2, TITLE), ...body()]);
    expect(p.editorNote.en).toBe(note.replace("Editor's note: ", ''));
    expect(p.title).toEqual({});
    expect(texts(p)).toEqual([TITLE, EN1, ZH1]);
  });
});
