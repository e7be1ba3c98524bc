/**
 * Shared by the reliability tests, the soak and the fuzz run: a seeded generator of
 * bilingual news pages (our own words, varied layouts and alignments) and an inspector that
 * PARSES what the feed side serves and lists anything a browser or feed reader could run.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { READER_JS } from '../../lambdas/core/feed/reader-assets.js';
import { Parser } from 'htmlparser2';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const EN_SUBJECTS = ['The harbour authority', 'A team of engineers', 'Local farmers', 'The city council', 'Researchers at the institute', 'Volunteers from the district', 'The railway operator', 'Students in the northern province', 'The weather bureau', 'Two veteran pilots'];
const EN_VERBS = ['announced', 'completed', 'tested', 'reviewed', 'postponed', 'expanded', 'repaired', 'celebrated', 'measured', 'published'];
const EN_OBJECTS = ['a new bridge over the river', 'the spring planting season', 'a flood warning system', 'the annual budget', 'an experimental wind farm', 'the old city wall', 'a high-speed line to the coast', 'a report on air quality', 'the winter training programme', 'a plan to plant 30,000 trees'];
const EN_TAILS = ['on Monday', 'after months of work', 'despite heavy rain', 'ahead of schedule', 'with support from residents', 'for the third year in a row', 'according to officials', 'in 2026', 'at a cost of 12 million yuan', 'before the holiday'];

const ZH_SUBJECTS = ['港务局', '一支工程师团队', '当地农民', '市议会', '研究所的研究人员', '区里的志愿者', '铁路运营方', '北方省份的学生', '气象局', '两名资深飞行员'];
const ZH_VERBS = ['宣布了', '完成了', '测试了', '审议了', '推迟了', '扩建了', '修复了', '庆祝了', '测量了', '发布了'];
const ZH_OBJECTS = ['一座跨河新桥', '春耕季节', '洪水预警系统', '年度预算', '一座试验风电场', '古城墙', '通往海岸的高铁线路', '一份空气质量报告', '冬季训练计划', '种植3万棵树的计划'];
const ZH_TAILS = ['于周一', '经过数月努力', '尽管大雨不断', '提前', '在居民的支持下', '连续第三年', '据官员介绍', '在2026年', '耗资1200万元', '在假期之前'];

/** One English sentence and its Chinese counterpart, built from the same choices. */
function sentencePair(r: () => number): { en: string; zh: string } {
  const [s, v, o, t] = [0, 0, 0, 0].map(() => Math.floor(r() * 10)) as [number, number, number, number];
  return {
    en: `${EN_SUBJECTS[s]} ${EN_VERBS[v]} ${EN_OBJECTS[o]} ${EN_TAILS[t]}.`,
    zh: `${ZH_SUBJECTS[s]}${ZH_TAILS[t]}${ZH_VERBS[v]}${ZH_OBJECTS[o]}。`,
  };
}

function paragraphPair(r: () => number, sentences: number): { en: string; zh: string } {
  const en: string[] = [];
  const zh: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const p = sentencePair(r);
    en.push(p.en);
    zh.push(p.zh);
  }
  return { en: en.join(' '), zh: zh.join('') };
}

export type Bead = '1-1' | '1-2' | '2-1' | '1-0';
export type Layout = 'interleaved' | 'blocks' | 'table' | 'br-lines' | 'zh-first';
export const LAYOUTS: readonly Layout[] = ['interleaved', 'blocks', 'table', 'br-lines', 'zh-first'];

export interface GeneratedPage {
  html: string;
  title: { en: string; zh: string };
  /** Body paragraphs as written, per language, in page order. */
  en: string[];
  zh: string[];
  beads: Bead[];
  layout: Layout;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A bilingual article page. Most beads are 1-1, with some 1-2 (one English paragraph
 * translated as two), 2-1 and 1-0 (untranslated) mixed in, and chrome around the article
 * (menu, share bar, related links, copyright) that a parser must leave out.
 */
export function bilingualPage(seed: number, opts: { layout?: Layout; paragraphs?: number; serial?: string } = {}): GeneratedPage {
  const r = rng(seed);
  const layout = opts.layout ?? pick(r, LAYOUTS);
  const n = opts.paragraphs ?? 4 + Math.floor(r() * 6);
  const serial = opts.serial ?? String(seed);
  const head = sentencePair(r);
  const title = { en: `${head.en.replace(/\.$/, '')} (No. ${serial})`, zh: `${head.zh.replace(/。$/, '')}（第${serial}号）` };
  const beads: Bead[] = [];
  const pairs: Array<{ en: string[]; zh: string[] }> = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    // The first bead stays 1-1 so every page opens like a normal article.
    const bead: Bead = i === 0 || x < 0.7 ? '1-1' : x < 0.8 ? '1-2' : x < 0.9 ? '2-1' : '1-0';
    beads.push(bead);
    const a = paragraphPair(r, 2 + Math.floor(r() * 3));
    if (bead === '1-1') pairs.push({ en: [a.en], zh: [a.zh] });
    else if (bead === '1-0') pairs.push({ en: [a.en], zh: [] });
    else {
      const b = paragraphPair(r, 2);
      if (bead === '1-2') pairs.push({ en: [`${a.en} ${b.en}`], zh: [a.zh, b.zh] });
      else pairs.push({ en: [a.en, b.en], zh: [`${a.zh}${b.zh}`] });
    }
  }
  const en = pairs.flatMap((p) => p.en);
  const zh = pairs.flatMap((p) => p.zh);
  const P = (lang: string, t: string) => `<p lang="${lang}">${esc(t)}</p>`;
  let body: string;
  switch (layout) {
    case 'interleaved':
      body = pairs.map((p) => [...p.en.map((t) => P('en', t)), ...p.zh.map((t) => P('zh', t))].join('\n')).join('\n');
      break;
    case 'zh-first':
      body = pairs.map((p) => [...p.zh.map((t) => P('zh', t)), ...p.en.map((t) => P('en', t))].join('\n')).join('\n');
      break;
    case 'blocks':
      body = `<div class="en">${en.map((t) => P('en', t)).join('\n')}</div>\n<div class="zh">${zh.map((t) => P('zh', t)).join('\n')}</div>`;
      break;
    case 'table':
      body = `<table>${pairs.map((p) => `<tr><td>${p.en.map((t) => P('en', t)).join('')}</td><td>${p.zh.map((t) => P('zh', t)).join('')}</td></tr>`).join('\n')}</table>`;
      break;
    case 'br-lines':
      body = `<div class="text">${pairs.map((p) => [...p.en, ...p.zh].map(esc).join('<br><br>\n')).join('<br><br>\n')}</div>`;
      break;
  }
  const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title.en)} ${esc(title.zh)} - Sample Bilingual News</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/china">China</a> <a href="/sport">Sport</a></nav>
<div class="article">
<h1>${esc(title.en)}</h1>
<h1>${esc(title.zh)}</h1>
<p class="info">Source: Sample Daily | 2026-11-${String(1 + (seed % 28)).padStart(2, '0')} 09:30</p>
${body}
</div>
<div class="share">Share to: <a href="#">WeChat</a> <a href="#">Weibo</a></div>
<ul class="related"><li><a href="/a1">Related story one about trains</a></li><li><a href="/a2">Related story two about rivers</a></li></ul>
<footer>Copyright © 2026 Sample Daily. All rights reserved.</footer>
</body></html>
`;
  return { html, title, en, zh, beads, layout };
}

// ---- feed output inspection ---------------------------------------------------------------

/** Elements that never belong in article content: script carriers, frames, forms, active SVG. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'input',
  'button', 'textarea', 'select', 'svg', 'math', 'style', 'template', 'portal', 'noscript', 'xmp', 'plaintext',
]);
/** What feed item content may contain at all (anything else is reported). */
const CONTENT_ELEMENTS = new Set(['p', 'em', 'strong', 'b', 'i', 'a', 'br', 'span', 'div', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'figure', 'figcaption', 'img', 'hr', 'small', 'sup', 'sub', 'cite', 'q']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc', 'srcset', 'ping', 'lowsrc', 'dynsrc']);

export interface HtmlInspection {
  problems: string[];
  elements: Map<string, number>;
  text: string;
}

function urlProblem(name: string, value: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  for (const candidate of name === 'srcset' ? squeezed.split(',') : [squeezed]) {
    const m = /^([a-z][a-z0-9+.-]*):/.exec(candidate);
    if (m && m[1] !== 'http' && m[1] !== 'https' && m[1] !== 'mailto') return `${name}="${value.slice(0, 80)}" uses the ${m[1]}: scheme`;
  }
  return undefined;
}

/**
 * Parses HTML the way a lenient browser tokenizer does (htmlparser2, HTML mode) and lists
 * executable or out-of-place markup. `fragment` = feed item content (strict allowlist);
 * otherwise a whole page, where our own <style> in <head> is allowed.
 */
export function inspectHtml(html: string, opts: { fragment: boolean }): HtmlInspection {
  const problems: string[] = [];
  const elements = new Map<string, number>();
  const stack: string[] = [];
  let text = '';
  // The reading page's own script (allowed by its hash in the page's CSP) is the one script a
  // page may hold: inline, no attributes, exactly READER_JS. Anything else is a problem.
  let script: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        elements.set(tag, (elements.get(tag) ?? 0) + 1);
        const inHead = stack.includes('head');
        if (!opts.fragment && tag === 'script' && Object.keys(attribs).length === 0) script = '';
        else if (opts.fragment && !CONTENT_ELEMENTS.has(tag)) problems.push(`<${tag}> in item content`);
        else if (FORBIDDEN_ELEMENTS.has(tag) && !(inHead && ['style', 'meta', 'link'].includes(tag))) problems.push(`<${tag}> element`);
        for (const [rawName, value] of Object.entries(attribs)) {
          const attr = rawName.toLowerCase();
          if (attr.startsWith('on')) problems.push(`<${tag} ${attr}=…> event handler`);
          if (attr === 'style' && /expression\s*\(|url\s*\(|javascript:/i.test(value)) problems.push(`<${tag} style="${value.slice(0, 60)}">`);
          if (URL_ATTRIBUTES.has(attr)) {
            const p = urlProblem(attr, value);
            if (p) problems.push(`<${tag}> ${p}`);
          }
          if (tag === 'meta' && attr === 'http-equiv' && /refresh/i.test(value)) problems.push('<meta http-equiv=refresh>');
        }
        stack.push(tag);
      },
      onclosetag(name) {
        if (name.toLowerCase() === 'script' && script !== undefined) {
          if (script !== READER_JS) problems.push(`<script> other than the page's own: ${script.slice(0, 60)}`);
          script = undefined;
        }
        const i = stack.lastIndexOf(name.toLowerCase());
        if (i >= 0) stack.length = i;
      },
      ontext(t) {
        if (script !== undefined) {
          script += t;
          return;
        }
        text += t;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return { problems, elements, text };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: false,
  cdataPropName: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'item', 'link'].includes(name),
});

export interface FeedInspection {
  problems: string[];
  /** Not unsafe under the format's own rules, but worth knowing. */
  notes: string[];
  /** Executable markup found in RSS <description> (reported separately, see inspectFeed). */
  rssDescription: string[];
  /** Item count and the decoded item titles / contents, for cross-checks. */
  items: Array<{ title: string; content: string }>;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '#text' in v) return String((v as Record<string, unknown>)['#text']);
  return v === undefined ? '' : String(v);
}

function typeOf(v: unknown): string | undefined {
  return v && typeof v === 'object' && '@type' in v ? String((v as Record<string, unknown>)['@type']) : undefined;
}

/**
 * Parses a served feed and inspects every item: the XML must be well-formed; item content
 * (HTML by definition) is parsed as HTML and checked; titles must be plain text (an Atom
 * title of type html/xhtml, or a title that parses into elements, is reported); links must
 * be http(s).
 */
export function inspectFeed(body: string, format: 'atom' | 'rss' | 'json'): FeedInspection {
  const problems: string[] = [];
  const notes: string[] = [];
  const rssDescription: string[] = [];
  const items: FeedInspection['items'] = [];
  const checkContent = (where: string, html: string) => {
    for (const p of inspectHtml(html, { fragment: true }).problems) problems.push(`${where}: ${p}`);
  };
  const checkTitle = (where: string, title: string, type: string | undefined) => {
    if (type === 'html' || type === 'xhtml') {
      const i = inspectHtml(title, { fragment: true });
      for (const p of i.problems) problems.push(`${where} title: ${p}`);
    }
  };
  const checkUrl = (where: string, url: string | undefined) => {
    if (url === undefined || url === '') return;
    if (!/^https?:\/\//i.test(url)) problems.push(`${where}: link ${JSON.stringify(url.slice(0, 80))} is not http(s)`);
  };

  if (format === 'json') {
    let doc: { items?: Array<Record<string, unknown>> };
    try {
      doc = JSON.parse(body) as typeof doc;
    } catch (err) {
      return { problems: [`JSON Feed does not parse: ${(err as Error).message}`], notes, rssDescription, items };
    }
    for (const [i, it] of (doc.items ?? []).entries()) {
      const where = `item ${i}`;
      const content = typeof it.content_html === 'string' ? it.content_html : '';
      checkContent(where, content);
      checkUrl(where, it.url as string | undefined);
      checkUrl(where, it.external_url as string | undefined);
      items.push({ title: String(it.title ?? ''), content: content || String(it.content_text ?? '') });
    }
    return { problems, notes, rssDescription, items };
  }

  const valid = XMLValidator.validate(body);
  if (valid !== true) return { problems: [`feed is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`], notes, rssDescription, items };
  const doc = xml.parse(body) as Record<string, any>;
  if (format === 'atom') {
    for (const [i, e] of ((doc.feed?.entry ?? []) as Array<Record<string, unknown>>).entries()) {
      const where = `entry ${i}`;
      const content = textOf(e.content);
      const ctype = typeOf(e.content);
      if (ctype === 'html') checkContent(where, content);
      else if (ctype === 'xhtml') problems.push(`${where}: xhtml content (inline markup in the feed)`);
      if (e.summary !== undefined && typeOf(e.summary) === 'html') checkContent(`${where} summary`, textOf(e.summary));
      checkTitle(where, textOf(e.title), typeOf(e.title));
      for (const l of (e.link ?? []) as Array<Record<string, unknown>>) checkUrl(where, l['@href'] as string | undefined);
      items.push({ title: textOf(e.title), content });
    }
  } else {
    for (const [i, it] of ((doc.rss?.channel?.item ?? []) as Array<Record<string, unknown>>).entries()) {
      const where = `item ${i}`;
      const content = textOf(it['content:encoded'] ?? it.description);
      checkContent(where, content);
      // RSS readers render <description> as HTML. Findings there are kept apart (known feed bug:
      // the plain-text summary is escaped once, so text like "<img onerror>" becomes markup).
      if (it.description !== undefined) {
        for (const p of inspectHtml(textOf(it.description), { fragment: true }).problems) rssDescription.push(`${where} description: ${p}`);
      }
      // RSS 2.0 does not say whether a title is text or HTML; readers differ. A title that
      // would parse into markup is recorded as a note (it is escaped once, correctly, as text).
      const t = textOf(it.title);
      const ti = inspectHtml(t, { fragment: true });
      if (ti.elements.size > 0) notes.push(`${where}: title text would parse as markup in a reader that treats RSS titles as HTML (${[...ti.elements.keys()].join(', ')})`);
      checkUrl(where, textOf(it.link));
      items.push({ title: t, content });
    }
  }
  return { problems, notes, rssDescription, items };
}
