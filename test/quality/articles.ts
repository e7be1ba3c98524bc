/**
 * The bilingual articles the quality set is built from (test/quality/articles/*.json): the
 * single source of truth for every gold answer. Each body bead lists its paragraphs per
 * language, each paragraph as its sentences; "pairs" says how the sentences align ("1-1 2-1
 * 0-1", counted over the bead's sentences in order) and may be left out when both sides
 * have the same number of sentences (then every pair is 1-1) or one side is empty (then
 * every sentence stands alone).
 *
 * Loading validates everything and throws an Error naming the file and the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** One sentence bead: the sentences of each side that translate each other. */
export interface SentBead {
  en: string[];
  zh: string[];
}

/** One alignment bead: whole paragraphs per language (each a list of sentences) and its sentence beads. */
export interface Bead {
  en: string[][];
  zh: string[][];
  sents: SentBead[];
}

export interface Article {
  /** The file it came from (for messages). */
  file: string;
  id: string;
  /** Fit articles may be looked at while tuning the parser; held-out ones only measure it. */
  set: 'fit' | 'heldout';
  topic: string;
  title: { en: string; zh: string };
  byline?: { en?: string; zh?: string };
  source: string;
  editor: string;
  translator?: { name: string; note?: string };
  /** RFC 3339 with the offset the story was filed in. */
  published: string;
  authorNote?: { en: string; zh: string };
  editorNote?: { en: string; zh: string };
  glossary: [string, string][];
  notes: string;
  body: Bead[];
}

/** A paragraph's text from its sentences: English sentences are separated by a space, Chinese ones are not. */
export function paraText(lang: Lang, sentences: readonly string[]): string {
  return lang === 'en' ? sentences.join(' ') : sentences.join('');
}

export const MIN_PARAGRAPHS = 5;
export const MAX_PARAGRAPHS = 12;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/;

class ArticleError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ArticleError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v === v.trim();

function langPair(file: string, where: string, v: unknown, partial = false): { en?: string; zh?: string } {
  if (!isObj(v)) throw new ArticleError(file, `${where} must be an object with "en" and "zh"`);
  const out: { en?: string; zh?: string } = {};
  for (const l of LANGS) {
    if (v[l] === undefined && partial) continue;
    if (!isText(v[l])) throw new ArticleError(file, `${where}.${l} must be a non-empty trimmed string`);
    out[l] = v[l];
  }
  for (const k of Object.keys(v)) if (!LANGS.includes(k as Lang)) throw new ArticleError(file, `${where} has an unknown key "${k}"`);
  return out;
}

function paragraphs(file: string, where: string, v: unknown): string[][] {
  if (!Array.isArray(v)) throw new ArticleError(file, `${where} must be a list of paragraphs`);
  return v.map((p, i) => {
    if (!Array.isArray(p) || p.length === 0) throw new ArticleError(file, `${where}[${i}] must be a non-empty list of sentences`);
    return p.map((s, j) => {
      if (!isText(s)) throw new ArticleError(file, `${where}[${i}][${j}] must be a non-empty trimmed sentence`);
      return s;
    });
  });
}

/** Sentence beads of one body bead, from its "pairs" spec or the defaults. */
function sentenceBeads(file: string, where: string, en: string[][], zh: string[][], pairs: unknown): SentBead[] {
  const es = en.flat();
  const zs = zh.flat();
  let spec: [number, number][];
  if (pairs === undefined) {
    if (es.length === 0) spec = zs.map(() => [0, 1]);
    else if (zs.length === 0) spec = es.map(() => [1, 0]);
    else if (es.length === zs.length) spec = es.map(() => [1, 1]);
    else throw new ArticleError(file, `${where}: ${es.length} English and ${zs.length} Chinese sentences need a "pairs" spec`);
  } else {
    if (typeof pairs !== 'string') throw new ArticleError(file, `${where}.pairs must be a string such as "1-1 2-1"`);
    spec = pairs.trim().split(/\s+/).map((p) => {
      const m = /^(\d)-(\d)$/.exec(p);
      if (!m || (m[1] === '0' && m[2] === '0')) throw new ArticleError(file, `${where}.pairs: "${p}" is not a bead such as 1-1, 2-1 or 0-1`);
      return [Number(m[1]), Number(m[2])];
    });
  }
  const out: SentBead[] = [];
  let i = 0;
  let j = 0;
  for (const [a, b] of spec) {
    out.push({ en: es.slice(i, i + a), zh: zs.slice(j, j + b) });
    i += a;
    j += b;
  }
  if (i !== es.length || j !== zs.length || out.some((s) => s.en.length + s.zh.length === 0)) {
    throw new ArticleError(file, `${where}.pairs covers ${i} of ${es.length} English and ${j} of ${zs.length} Chinese sentences`);
  }
  return out;
}

/** Parses and validates one article file's text. */
export function parseArticleFile(file: string, text: string): Article {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ArticleError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (!isObj(raw)) throw new ArticleError(file, 'must hold one JSON object');
  const known = new Set(['id', 'set', 'topic', 'title', 'byline', 'source', 'editor', 'translator', 'published', 'authorNote', 'editorNote', 'glossary', 'notes', 'body']);
  for (const k of Object.keys(raw)) if (!known.has(k)) throw new ArticleError(file, `unknown field "${k}"`);
  for (const k of ['id', 'topic', 'source', 'editor', 'published', 'notes'] as const) {
    if (!isText(raw[k])) throw new ArticleError(file, `"${k}" must be a non-empty trimmed string`);
  }
  if (!/^[a-z0-9-]+$/.test(raw.id as string)) throw new ArticleError(file, '"id" may hold only a-z, 0-9 and "-"');
  if (raw.set !== 'fit' && raw.set !== 'heldout') throw new ArticleError(file, '"set" must be "fit" or "heldout"');
  const m = RFC3339.exec(raw.published as string);
  if (!m || !Number.isFinite(Date.parse(raw.published as string))) {
    throw new ArticleError(file, `"published" must be RFC 3339 with an offset, e.g. 2025-03-29T16:13:28+08:00`);
  }
  const title = langPair(file, 'title', raw.title) as { en: string; zh: string };
  const byline = raw.byline === undefined ? undefined : langPair(file, 'byline', raw.byline, true);
  const authorNote = raw.authorNote === undefined ? undefined : (langPair(file, 'authorNote', raw.authorNote) as { en: string; zh: string });
  const editorNote = raw.editorNote === undefined ? undefined : (langPair(file, 'editorNote', raw.editorNote) as { en: string; zh: string });
  let translator: Article['translator'];
  if (raw.translator !== undefined) {
    const t = raw.translator;
    if (!isObj(t) || !isText(t.name) || (t.note !== undefined && !isText(t.note))) {
      throw new ArticleError(file, '"translator" must be {"name": …, "note"?: …}');
    }
    translator = { name: t.name, ...(t.note !== undefined ? { note: t.note as string } : {}) };
  }
  if (!Array.isArray(raw.glossary) || raw.glossary.some((g) => !Array.isArray(g) || g.length !== 2 || !isText(g[0]) || !isText(g[1]))) {
    throw new ArticleError(file, '"glossary" must be a list of [English, Chinese] pairs');
  }
  if (!Array.isArray(raw.body) || raw.body.length === 0) throw new ArticleError(file, '"body" must be a non-empty list of beads');
  const body: Bead[] = raw.body.map((b: unknown, i: number) => {
    const where = `body[${i}]`;
    if (!isObj(b)) throw new ArticleError(file, `${where} must be an object`);
    for (const k of Object.keys(b)) if (!['en', 'zh', 'pairs'].includes(k)) throw new ArticleError(file, `${where} has an unknown key "${k}"`);
    const en = paragraphs(file, `${where}.en`, b.en);
    const zh = paragraphs(file, `${where}.zh`, b.zh);
    if (en.length + zh.length === 0) throw new ArticleError(file, `${where} has no paragraphs`);
    return { en, zh, sents: sentenceBeads(file, where, en, zh, b.pairs) };
  });
  for (const l of LANGS) {
    const n = body.reduce((k, b) => k + b[l].length, 0);
    if (n < MIN_PARAGRAPHS || n > MAX_PARAGRAPHS) {
      throw new ArticleError(file, `${n} ${l === 'en' ? 'English' : 'Chinese'} paragraphs; an article needs ${MIN_PARAGRAPHS} to ${MAX_PARAGRAPHS}`);
    }
  }
  return {
    file,
    id: raw.id as string,
    set: raw.set,
    topic: raw.topic as string,
    title,
    ...(byline ? { byline } : {}),
    source: raw.source as string,
    editor: raw.editor as string,
    ...(translator ? { translator } : {}),
    published: raw.published as string,
    ...(authorNote ? { authorNote } : {}),
    ...(editorNote ? { editorNote } : {}),
    glossary: raw.glossary as [string, string][],
    notes: raw.notes as string,
    body,
  };
}

export const ARTICLES_DIR = join(import.meta.dirname, 'articles');

/** Every article in `dir` (default test/quality/articles), sorted by file name; ids must be unique. */
export function loadArticles(dir = ARTICLES_DIR): Article[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`${dir}: no article files (*.json)`);
  const out = files.map((f) => parseArticleFile(join(dir, f), readFileSync(join(dir, f), 'utf8')));
  const seen = new Map<string, string>();
  for (const a of out) {
    const prev = seen.get(a.id);
    if (prev) throw new Error(`${a.file}: id "${a.id}" is already used by ${prev}`);
    seen.set(a.id, a.file);
  }
  return out;
}
