import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseCuts, sentenceEnds, splitSentences } from '../../../lambdas/core/parse/sentences.js';

// Every example is written for this table; each row names the rule it checks.
describe('splitSentences: English', () => {
  it.each([
    ['two plain sentences', 'The ship left port on Monday. It returned on Friday.', ['The ship left port on Monday.', 'It returned on Friday.']],
    ['titles before names', 'Mr. Li and Dr. Wang met Gen. Zhao in St. Petersburg.', ['Mr. Li and Dr. Wang met Gen. Zhao in St. Petersburg.']],
    ['dotted acronyms and a.m.', 'The U.S. Navy and the U.N. mission sent ships. The first arrived at 7 a.m. on Tuesday.', ['The U.S. Navy and the U.N. mission sent ships.', 'The first arrived at 7 a.m. on Tuesday.']],
    ['an acronym ending a sentence before an opener', 'Talks were held in the U.S. The delegation then flew home.', ['Talks were held in the U.S.', 'The delegation then flew home.']],
    ['a.m. before a name is no end', 'Rescue teams arrived at 5 p.m. Beijing time.', ['Rescue teams arrived at 5 p.m. Beijing time.']],
    ['initials', 'J. K. Rowling and George R. R. Martin spoke at the fair.', ['J. K. Rowling and George R. R. Martin spoke at the fair.']],
    ['decimals', 'Growth slowed to 3.5 percent. Exports fell 2.1 percent.', ['Growth slowed to 3.5 percent.', 'Exports fell 2.1 percent.']],
    ['a quote closing after the stop', 'He said: "We will finish the bridge." Work resumed the next day.', ['He said: "We will finish the bridge."', 'Work resumed the next day.']],
    ['curly quotes closing after the stop', 'She wrote: “The dike held.” Nobody had expected it.', ['She wrote: “The dike held.”', 'Nobody had expected it.']],
    ['a question inside a quote, then the speaker', '"Is it safe?" she asked. "Yes," he said.', ['"Is it safe?" she asked.', '"Yes," he said.']],
    ['?! together', 'What happened next?! Nobody knows.', ['What happened next?!', 'Nobody knows.']],
    ['a bracket closing after the stop, then lower case', 'The plan (approved in May.) was dropped. Critics cheered.', ['The plan (approved in May.) was dropped.', 'Critics cheered.']],
    ['a bracket closing after the stop, then a new sentence', 'The plan was dropped (see below.) Critics cheered.', ['The plan was dropped (see below.)', 'Critics cheered.']],
    ['an ellipsis before a capital', 'Sales rose... Then they fell.', ['Sales rose...', 'Then they fell.']],
    ['an ellipsis before lower case', 'Sales rose... and then fell.', ['Sales rose... and then fell.']],
    ['the ellipsis character', 'We waited… Nothing came.', ['We waited…', 'Nothing came.']],
    ['company suffixes and No.', 'The deal was signed by Acme Inc. The firm will pay No. 3 Steel Co. for the ore.', ['The deal was signed by Acme Inc.', 'The firm will pay No. 3 Steel Co. for the ore.']],
    ['a month abbreviation before a day', 'The site opens Jan. 5 for visitors.', ['The site opens Jan. 5 for visitors.']],
    ['a web address', 'Visit example.com for details. The site opens soon.', ['Visit example.com for details.', 'The site opens soon.']],
    ['list numbers', '1. Keep calm. 2. Carry on.', ['1. Keep calm.', '2. Carry on.']],
    ['an acronym glued to a word', 'The U.S.-led coalition met. Talks ended.', ['The U.S.-led coalition met.', 'Talks ended.']],
    ['Ph.D.', 'He earned a Ph.D. in physics in 1998.', ['He earned a Ph.D. in physics in 1998.']],
    ['single quotes closing after the stop', "They said, 'stay inside.' Then the storm hit.", ["They said, 'stay inside.'", 'Then the storm hit.']],
    ['extra whitespace', '  One ship left.   Two came back.  ', ['One ship left.', 'Two came back.']],
    ['no stop at all', 'Navy drill ends in the South China Sea', ['Navy drill ends in the South China Sea']],
    ['a stop followed by a comma', 'The item cost 5 yuan., said the clerk.', ['The item cost 5 yuan., said the clerk.']],
    ['Sens. before names', 'He asked Sens. Smith and Jones about it.', ['He asked Sens. Smith and Jones about it.']],
  ])('%s', (_rule, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('splitSentences: Chinese', () => {
  it.each([
    ['two sentences, no space between', '医院船周三返回舟山。任务期间共诊治患者。', ['医院船周三返回舟山。', '任务期间共诊治患者。']],
    ['a quote closing after 。', '他说：“我们会按时完工。”工程次日恢复。', ['他说：“我们会按时完工。”', '工程次日恢复。']],
    ['！ and ？', '这里安全吗？她大声问道！没人回答。', ['这里安全吗？', '她大声问道！', '没人回答。']],
    ['？！ together', '真的吗？！没人知道。', ['真的吗？！', '没人知道。']],
    ['！” together', '他喊道：“快跑！”大家四散而去。', ['他喊道：“快跑！”', '大家四散而去。']],
    ['decimals and 亿/万', '投资总额达3.5亿元。其中1.2万元用于培训。', ['投资总额达3.5亿元。', '其中1.2万元用于培训。']],
    ['…… inside a sentence', '他们带来了药品、帐篷、粮食……还有一封信。', ['他们带来了药品、帐篷、粮食……还有一封信。']],
    ['…… before 。', '一切都结束了……。随后人群散去。', ['一切都结束了……。', '随后人群散去。']],
    ['…… at the end', '他停顿了一下……', ['他停顿了一下……']],
    ['；joins clauses of one sentence', '一是加强训练；二是完善保障；三是严格纪律。', ['一是加强训练；二是完善保障；三是严格纪律。']],
    ['a bracket closing after 。', '演练于上午9点开始。（持续两小时。）随后举行总结会。', ['演练于上午9点开始。', '（持续两小时。）', '随后举行总结会。']],
    ['half-width ! and ? after Han', '他说,今天很冷!明天呢?', ['他说,今天很冷!', '明天呢?']],
    ['a half-width period after Han', '会议结束.代表们陆续离开.', ['会议结束.', '代表们陆续离开.']],
    ['corner quotes (Traditional)', '他說：「我們到了。」隨後離開。', ['他說：「我們到了。」', '隨後離開。']],
    ['a decimal inside', '预算为3.5亿元，比去年多0.8亿元', ['预算为3.5亿元，比去年多0.8亿元']],
    ['English embedded in Chinese', 'NATO秘书长发表讲话。He said "we are ready." 随后离开。', ['NATO秘书长发表讲话。', 'He said "we are ready."', '随后离开。']],
    ['an acronym inside Chinese', '英文缩写U.S.出现在中文里。', ['英文缩写U.S.出现在中文里。']],
    ['stray stops join the sentence before', '会议结束。 。代表离开。', ['会议结束。 。', '代表离开。']],
    ['a quote opened at the end joins the sentence before', '这会让他心有戚戚。“', ['这会让他心有戚戚。“']],
    ['the full-width period is a decimal point', '增长３．５％。', ['增长３．５％。']],
  ])('%s', (_rule, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('splitSentences on long inputs', () => {
  it('stays linear on a long run of stray stops (each joins the sentence before)', () => {
    const text = `开始。${'。 '.repeat(100_000)}`;
    expect(splitSentences(text)).toEqual([text.trim()]);
  });

  it('splits a long paragraph of many sentences', () => {
    const s = Array.from({ length: 20_000 }, (_, i) => `Sentence ${i} ends here.`);
    expect(splitSentences(s.join(' '))).toEqual(s);
  });
});

describe('clauseCuts', () => {
  const pieces = (s: string) => {
    const cuts = [0, ...clauseCuts(s), s.length];
    return cuts.slice(1).map((c, k) => s.slice(cuts[k], c));
  };

  it.each([
    ['commas', '他是自由的，我们也是。', ['他是自由的，', '我们也是。']],
    ['a comma with the quote it closes', '“许多患者等了好几年，”他说，“这是最好的回报。”', ['“许多患者等了好几年，”', '他说，', '“这是最好的回报。”']],
    ['a quote that text follows', '他说“放弃这个计划”随后离开了。', ['他说“放弃这个计划”', '随后离开了。']],
    ['semicolons and colons', '一是加强训练；二是完善保障：严格纪律。', ['一是加强训练；', '二是完善保障：', '严格纪律。']],
    ['half-width commas, not between digits', '共有20,000人,在15:16时到达。', ['共有20,000人,', '在15:16时到达。']],
    ['no cut at the very end', '他走了，', ['他走了，']],
    ['none', '医院船返回舟山。', ['医院船返回舟山。']],
  ])('%s', (_rule, text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });
});

describe('splitSentences properties', () => {
  const piece = fc.oneof(
    fc.constantFrom('Mr.', 'U.S.', 'a.m.', '3.5', 'J.', 'No.', 'The', 'he', '。', '！', '？', '…', '...', '."', '。”', '”', '）', ')', '?!', '；', '，', '亿', '中文', 'Inc.', ' ', '  ', '\u3000', '1.', 'e.g.'),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(' '));
  const squash = (s: string) => s.replace(/\s+/g, '');

  it('rejoins to the paragraph (whitespace aside); every sentence trimmed, non-empty, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ss = splitSentences(t);
        expect(squash(ss.join(''))).toBe(squash(t));
        let from = 0;
        for (const s of ss) {
          expect(s.length).toBeGreaterThan(0);
          expect(s).toBe(s.trim());
          const at = t.indexOf(s, from);
          expect(at).toBeGreaterThanOrEqual(from);
          expect(t.slice(from, at).trim()).toBe('');
          from = at + s.length;
        }
        expect(t.slice(from).trim()).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('gives increasing ends inside the text, deterministically', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ends = sentenceEnds(t);
        for (let k = 1; k < ends.length; k++) expect(ends[k]).toBeGreaterThan(ends[k - 1]!);
        for (const e of ends) expect(e).toBeLessThanOrEqual(t.length);
        expect(sentenceEnds(t)).toEqual(ends);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts clauses strictly inside the sentence, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const cuts = clauseCuts(t);
        for (let k = 0; k < cuts.length; k++) {
          expect(cuts[k]).toBeGreaterThan(k === 0 ? 0 : cuts[k - 1]!);
          expect(cuts[k]).toBeLessThan(t.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
