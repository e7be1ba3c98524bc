/**
 * Per-text language by script: Han characters against Latin letters. Chinese paragraphs
 * quote Latin names and acronyms freely, and English ones now and then a Chinese term, so
 * the vote weighs one Han character like about three Latin letters (news translation ratio).
 */
export type Lang = 'en' | 'zh';
export type LangOrOther = Lang | 'other';

export interface ScriptCounts {
  han: number;
  latin: number;
  digits: number;
}

export function countScripts(text: string): ScriptCounts {
  let han = 0;
  let latin = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      else if (c >= 0x30 && c <= 0x39) digits++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      han++; // a surrogate pair in the CJK extension planes counts once
      i++;
    } else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0xff21 && c <= 0xff5a)) latin++;
  }
  return { han, latin, digits };
}

/** Chinese punctuation (。，、；：？！“”（）《》「」) votes for Chinese like a Han character. */
function cjkPunct(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff1f)) n++;
  }
  return n;
}

export function detectLang(text: string, counts: ScriptCounts = countScripts(text)): LangOrOther {
  const latin = counts.latin;
  const han = counts.han > 0 ? counts.han + cjkPunct(text) : 0;
  if (han === 0 && latin < 2) return 'other';
  return han > 0 && han * 2.9 >= latin ? 'zh' : 'en';
}

/** Length of a Chinese text in English-character equivalents (fitted on news translations). */
export function englishEquivalent(text: string, lang: Lang, counts?: ScriptCounts): number {
  if (lang === 'en') return text.length;
  const { han, latin, digits } = counts ?? countScripts(text);
  return 3.5 * han + 0.85 * (latin + digits) + 1;
}
