/**
 * Chinese helpers for the reading page and the exports: pinyin (pinyin-pro) and the
 * Simplified/Traditional scripts (opencc-js's dictionaries). Both libraries are large (their
 * dictionaries), so each is imported on first use, by the views that need it, and kept for
 * the life of the process: an ordinary bilingual page never loads pinyin or the phrase tables.
 * They are reached through ./zh-libs/*, which the Lambda bundle keeps external and builds
 * as separate files beside index.mjs (lib/bundling.ts LAZY_BUNDLES): a cold start does not
 * even read them.
 */
export type ZhScript = 'hans' | 'hant';
export const ZH_SCRIPTS: readonly ZhScript[] = ['hans', 'hant'];

/** The BCP 47 tag of Chinese text in a script; plain `zh` when the script is not known. */
export function zhTag(script: ZhScript | undefined): string {
  return script === 'hans' ? 'zh-Hans' : script === 'hant' ? 'zh-Hant' : 'zh';
}

/** One character (or a run of non-Han text) and, for a Han character, its pinyin with tone marks. */
export interface Syllable {
  text: string;
  pinyin?: string;
}

/** Pinyin of a text, character by character, read in context (行 in 银行 is háng). */
export type PinyinOf = (text: string) => Syllable[];

let pinyinLoad: Promise<PinyinOf> | undefined;

export function loadPinyin(): Promise<PinyinOf> {
  return (pinyinLoad ??= import('./zh-libs/pinyin.js').then(({ pinyin }) => (text: string): Syllable[] => {
    const out: Syllable[] = [];
    for (const c of pinyin(text, { type: 'all', toneType: 'symbol' })) {
      if (c.isZh && c.pinyin) out.push({ text: c.origin, pinyin: c.pinyin });
      else {
        // Runs of Latin letters, digits and punctuation stay one piece.
        const last = out[out.length - 1];
        if (last && last.pinyin === undefined) last.text += c.origin;
        else out.push({ text: c.origin });
      }
    }
    return out;
  }));
}

/** Full-width punctuation as pinyin text writes it (Latin marks, a space after). */
const PUNCTUATION: Record<string, string> = { '，': ', ', '、': ', ', '。': '. ', '！': '! ', '？': '? ', '：': ': ', '；': '; ', '（': ' (', '）': ') ', '《': ' «', '》': '» ', '…': '…', '—': ' — ' };

/** A sentence's pinyin as one line (flash cards): `zhōu liù, sì liàng …`, punctuation in Latin form, numbers and Latin words kept. */
export function pinyinLine(syllables: readonly Syllable[]): string {
  const parts: string[] = [];
  for (const s of syllables) parts.push(s.pinyin ?? Array.from(s.text, (c) => PUNCTUATION[c] ?? c).join(''));
  return parts
    .join(' ')
    .replace(/\s+([,.!?:;)»”’])/g, '$1')
    .replace(/([(«“‘])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys of a serialised OpenCC dictionary that are not also among its values: the forms only the source script uses. */
function onlyForms(dict: string): Set<string> {
  const keys = new Set<string>();
  const values = new Set<string>();
  for (const entry of dict.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (!from) continue;
    keys.add(from);
    for (const t of to) values.add(t);
  }
  for (const v of values) keys.delete(v);
  return keys;
}

/** Which script a Chinese text is written in, or undefined when nothing tells. */
export type ScriptOf = (text: string) => ZhScript | undefined;

let scriptLoad: Promise<ScriptOf> | undefined;

/**
 * Counts characters only one script uses (OpenCC's character tables: 們 個 這 are Traditional,
 * 们 个 这 Simplified); the larger count wins, a tie (none of either) tells nothing.
 */
export function loadScriptOf(): Promise<ScriptOf> {
  return (scriptLoad ??= import('./zh-libs/chars.js').then(({ tsCharacters, stCharacters }) => {
    const hant = onlyForms(tsCharacters);
    const hans = onlyForms(stCharacters);
    return (text: string) => {
      let t = 0;
      let s = 0;
      for (const c of text) {
        if (hant.has(c)) t++;
        else if (hans.has(c)) s++;
      }
      return t > s ? 'hant' : s > t ? 'hans' : undefined;
    };
  }));
}

export type Convert = (text: string) => string;

const converters = new Map<ZhScript, Promise<Convert>>();

/**
 * A converter into `to`: Traditional → Simplified with OpenCC's t2s tables (phrases, then
 * characters), Simplified → Traditional with its s2t tables (a million-character phrase table:
 * 发 is 發 or 髮 by the word around it).
 */
export function loadConverter(to: ZhScript): Promise<Convert> {
  let c = converters.get(to);
  if (!c) {
    c =
      to === 'hans'
        ? import('./zh-libs/t2s.js').then((t) => t.ConverterFactory([t.cjk], [t.phrases, t.characters]))
        : import('./zh-libs/s2t.js').then((t) => t.ConverterFactory([t.cjk], [t.phrases, t.regional, t.characters]));
    converters.set(to, c);
  }
  return c;
}
