// Third round on lambdas/core/parse/sentences.ts: the midline ellipsis ⋯ as a stop of its own,
// a list number after leading spaces, each closing mark that closes with a stop, and each mark
// after which the sentence goes on. Small made-up sentences.
import { describe, expect, it } from 'vitest';
import { clauseCuts, splitSentences } from '../../../lambdas/core/parse/sentences.js';

describe('ellipses', () => {
  it.each(['\u2026', '\u22ef'])('%s before a space and a capital ends an English sentence', (e) => {
    expect(splitSentences(`They waited${e} Then the rain came.`)).toEqual([`They waited${e}`, 'Then the rain came.']);
  });
});

describe('leading spaces', () => {
  it('a list number after leading spaces is still a list number', () => {
    expect(splitSentences('  1. The first point is this.')).toEqual(['1. The first point is this.']);
    expect(splitSentences('\u00a0 12. Twelve boats left.')).toEqual(['12. Twelve boats left.']);
  });
});

describe('what closes with a stop', () => {
  it.each(['"', "'", ')', ']', '}', '\u00bb', '\u2019', '\u201d', '\u203a', '\u300b', '\u3009', '\u300d', '\u300f', '\u3011', '\u3015', '\u3017', '\uff02', '\uff07', '\uff09', '\uff3d', '\uff5d'])(
    'U+%s',
    (c) => {
      expect(splitSentences(`The ferry left.${c} Then it rained.`)).toEqual([`The ferry left.${c}`, 'Then it rained.']);
    },
  );
});

describe('what continues a sentence after a stop and a space', () => {
  it.each([',', ';', ':', '-', '\u2013', '\u2014', '.', ')', '\uff0c', '\u3001'])('U+%s', (c) => {
    expect(splitSentences(`Prices rose. ${c}Then they fell.`)).toEqual([`Prices rose. ${c}Then they fell.`]);
  });
  it('a capital after a stop and a space starts a new one', () => {
    expect(splitSentences('Prices rose. Then they fell.')).toEqual(['Prices rose.', 'Then they fell.']);
  });
});

describe('a lone period after a Chinese stop', () => {
  it('is no list number (there are no digits before it): it joins the sentence before', () => {
    expect(splitSentences('下雨了。 . Then it stopped.')).toEqual(['下雨了。 .', 'Then it stopped.']);
  });
});

describe('clauseCuts: a clause mark before an ellipsis', () => {
  it('is still a place to cut (only a closing quote waits for the punctuation after it)', () => {
    expect(clauseCuts('他犹豫着，……最后还是走了')).toEqual([5]);
  });
});
